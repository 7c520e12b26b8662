-- +goose Up
CREATE TABLE municipalities (
    code   TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    region TEXT NOT NULL
);

CREATE TABLE municipality_populations (
    code       TEXT    NOT NULL REFERENCES municipalities (code),
    year       INTEGER NOT NULL,
    population BIGINT  NOT NULL,
    PRIMARY KEY (code, year)
);

CREATE TABLE users (
    id                TEXT PRIMARY KEY,
    email             TEXT        NOT NULL, -- stored lower-case
    role              TEXT        NOT NULL,
    municipality_code TEXT REFERENCES municipalities (code),
    password_hash     TEXT        NOT NULL,
    created_at        DATETIME    NOT NULL
);
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE tokens (
    id         TEXT PRIMARY KEY,
    user_id    TEXT        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name       TEXT        NOT NULL DEFAULT '',
    hash       TEXT        NOT NULL,
    created_at DATETIME    NOT NULL
);
CREATE UNIQUE INDEX tokens_hash_key ON tokens (hash);
CREATE INDEX tokens_user_id_idx ON tokens (user_id);

CREATE TABLE ref_sequences (
    budget_year INTEGER PRIMARY KEY,
    last        INTEGER NOT NULL
);

CREATE TABLE proposals (
    id                TEXT PRIMARY KEY,
    ref               TEXT        NOT NULL,
    status            TEXT        NOT NULL,
    version           INTEGER     NOT NULL,
    title             TEXT        NOT NULL,
    summary           TEXT        NOT NULL,
    description       TEXT        NOT NULL DEFAULT '',
    policy_area       TEXT        NOT NULL,
    measure_type      TEXT        NOT NULL,
    municipality_code TEXT        NOT NULL REFERENCES municipalities (code),
    budget_year       INTEGER     NOT NULL,
    savings           TEXT        NOT NULL DEFAULT '[]',
    investment_dkk    BIGINT      NOT NULL DEFAULT 0,
    reduces_service   BOOLEAN     NOT NULL DEFAULT FALSE,
    evidence_level    TEXT        NOT NULL,
    tags              TEXT        NOT NULL DEFAULT '[]',
    contact_role      TEXT        NOT NULL DEFAULT '',
    contact_email     TEXT        NOT NULL DEFAULT '',
    external_key      TEXT,
    full_effect_dkk   BIGINT      NOT NULL DEFAULT 0,
    population_used   BIGINT      NOT NULL DEFAULT 0,
    population_year   INTEGER     NOT NULL DEFAULT 0,
    per_resident_ore  BIGINT      NOT NULL DEFAULT 0,
    author_id         TEXT        NOT NULL DEFAULT '',
    reject_reason     TEXT        NOT NULL DEFAULT '',
    merged_into       TEXT        NOT NULL DEFAULT '',
    adoption_count    INTEGER     NOT NULL DEFAULT 0,
    created_at        DATETIME    NOT NULL,
    updated_at        DATETIME    NOT NULL,
    published_at      DATETIME,
    deleted_at        DATETIME
);
CREATE UNIQUE INDEX proposals_ref_key ON proposals (ref);
CREATE UNIQUE INDEX proposals_external_key_key ON proposals (external_key)
    WHERE external_key IS NOT NULL AND external_key <> '';
CREATE INDEX proposals_status_published_idx ON proposals (status, published_at DESC);
CREATE INDEX proposals_created_idx ON proposals (created_at, id);
CREATE INDEX proposals_municipality_idx ON proposals (municipality_code);
CREATE INDEX proposals_policy_area_idx ON proposals (policy_area);
CREATE INDEX proposals_budget_year_idx ON proposals (budget_year);
CREATE INDEX proposals_per_resident_idx ON proposals (per_resident_ore DESC, id);
CREATE INDEX proposals_full_effect_idx ON proposals (full_effect_dkk DESC, id);

CREATE TABLE proposal_revisions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    proposal_id TEXT        NOT NULL REFERENCES proposals (id),
    version     INTEGER     NOT NULL,
    action      TEXT        NOT NULL,
    actor_id    TEXT        NOT NULL DEFAULT '',
    actor_email TEXT        NOT NULL DEFAULT '',
    at          DATETIME    NOT NULL,
    reason      TEXT        NOT NULL DEFAULT '',
    state       TEXT        NOT NULL
);
CREATE INDEX proposal_revisions_proposal_idx ON proposal_revisions (proposal_id, id DESC);

CREATE TABLE search_outbox (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    proposal_id TEXT        NOT NULL,
    created_at  DATETIME    NOT NULL
);

-- +goose Down
DROP TABLE search_outbox;
DROP TABLE proposal_revisions;
DROP TABLE proposals;
DROP TABLE ref_sequences;
DROP TABLE tokens;
DROP TABLE users;
DROP TABLE municipality_populations;
DROP TABLE municipalities;

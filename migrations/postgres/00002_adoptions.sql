-- +goose Up
CREATE TABLE adoptions (
    proposal_id       TEXT     NOT NULL REFERENCES proposals (id),
    municipality_code TEXT     NOT NULL REFERENCES municipalities (code),
    status            TEXT     NOT NULL,
    expected_dkk      BIGINT   NOT NULL DEFAULT 0,
    realised_dkk      BIGINT   NOT NULL DEFAULT 0,
    note              TEXT     NOT NULL DEFAULT '',
    decided_on        TEXT     NOT NULL DEFAULT '',
    implemented_on    TEXT     NOT NULL DEFAULT '',
    updated_by        TEXT     NOT NULL DEFAULT '',
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (proposal_id, municipality_code),
    CONSTRAINT adoptions_status_check CHECK (status IN ('considering', 'adopted', 'implemented', 'dropped')),
    CONSTRAINT adoptions_amounts_check CHECK (expected_dkk >= 0 AND realised_dkk >= 0)
);
CREATE INDEX adoptions_municipality_idx ON adoptions (municipality_code, updated_at DESC);

-- When a proposal was last submitted: the editor queue's order and age.
ALTER TABLE proposals ADD COLUMN submitted_at TIMESTAMPTZ;
CREATE INDEX proposals_submitted_idx ON proposals (status, submitted_at, id);

-- +goose Down
DROP INDEX proposals_submitted_idx;
ALTER TABLE proposals DROP COLUMN submitted_at;
DROP TABLE adoptions;

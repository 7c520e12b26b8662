-- +goose Up
-- Web sessions live in the database so that every replica shares them.
-- id_hash is the SHA-256 of the cookie secret; the secret itself is never stored.
CREATE TABLE sessions (
    id_hash    TEXT PRIMARY KEY,
    user_id    TEXT     NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT     NOT NULL,
    created_at DATETIME NOT NULL,
    expires_at DATETIME NOT NULL
);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- One row per failed login; key_hash is the SHA-256 of the email and the client address.
CREATE TABLE login_failures (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    key_hash TEXT     NOT NULL,
    at       DATETIME NOT NULL
);
CREATE INDEX login_failures_key_idx ON login_failures (key_hash, at);
CREATE INDEX login_failures_at_idx ON login_failures (at);

-- +goose Down
DROP TABLE login_failures;
DROP TABLE sessions;

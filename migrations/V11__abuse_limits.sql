-- Abuse limits: sign-in unlock links.

-- One-time links that let a browser past the sign-in throttle of an account, emailed to
-- the account when its sign-in is throttled. Only the token's hash is kept.
CREATE TABLE sign_in_unlocks (
    token_hash BLOB PRIMARY KEY NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
) STRICT;
CREATE INDEX sign_in_unlocks_user ON sign_in_unlocks (user_id);

-- Abuse limits: hourly booking caps and sign-in unlock links.

-- The hourly caps per event type and per host count the bookings made in the last hour.
CREATE INDEX bookings_created ON bookings (created_at);

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

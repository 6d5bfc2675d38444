-- Second factors, invitations and audit log retention.

-- A user's TOTP authenticator. `secret` is sealed with the instance key (context
-- `mfa.totp-secret`). Until `confirmed_at` is set the user is still enrolling and the
-- secret does not protect sign-in. `last_step` is the newest 30-second step a code was
-- accepted for: a code is accepted only for a later step, so none is used twice.
CREATE TABLE mfa_totp (
    user_id      INTEGER PRIMARY KEY NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    secret       BLOB NOT NULL,
    confirmed_at INTEGER,
    last_step    INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL
) STRICT;

-- Single-use backup codes: HMAC-SHA256 under a key derived from the instance key, so a
-- copy of the database alone does not allow guessing them offline.
CREATE TABLE mfa_backup_codes (
    id        INTEGER PRIMARY KEY NOT NULL,
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash BLOB NOT NULL,
    used_at   INTEGER
) STRICT;
CREATE INDEX mfa_backup_codes_user ON mfa_backup_codes (user_id);

-- How a session was signed in: `password`, `password+totp` or `sso`. Single sign-on
-- leaves the second factor to the identity provider, so such sessions are not sent to
-- enroll Kairos's own.
ALTER TABLE sessions ADD COLUMN sign_in_method TEXT NOT NULL DEFAULT 'password'
    CHECK (sign_in_method IN ('password', 'password+totp', 'sso'));

-- Half-sessions: the password was right, the second factor is still to come.
CREATE TABLE mfa_pending (
    token_hash BLOB PRIMARY KEY NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) STRICT;

-- Invitations: a one-time link for a person to create their own account.
CREATE TABLE invitations (
    id         INTEGER PRIMARY KEY NOT NULL,
    email      TEXT NOT NULL COLLATE NOCASE,
    role       TEXT NOT NULL CHECK (role IN ('member', 'admin')),
    token_hash BLOB NOT NULL UNIQUE,
    invited_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER,
    revoked_at INTEGER,
    user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL
) STRICT;

-- Where the audit log starts after pruning: the id and hash of the last pruned row,
-- authenticated with a key derived from the instance key (see src/audit.rs).
CREATE TABLE audit_anchor (
    id             INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    through_id     INTEGER NOT NULL,
    through_hash   BLOB NOT NULL CHECK (length(through_hash) = 32),
    pruned_at      INTEGER NOT NULL,
    mac            BLOB NOT NULL CHECK (length(mac) = 32)
) STRICT;

-- The anchor only moves forward.
CREATE TRIGGER audit_anchor_forward BEFORE UPDATE ON audit_anchor
WHEN NEW.through_id < OLD.through_id
BEGIN
    SELECT RAISE(ABORT, 'the audit anchor only moves forward');
END;
CREATE TRIGGER audit_anchor_no_delete BEFORE DELETE ON audit_anchor
BEGIN
    SELECT RAISE(ABORT, 'the audit anchor is never removed');
END;

-- Rows may be removed only up to the anchor, which pruning moves first in the same
-- transaction; every other row stays append-only.
DROP TRIGGER audit_log_no_delete;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN OLD.id > COALESCE((SELECT through_id FROM audit_anchor WHERE id = 1), 0)
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

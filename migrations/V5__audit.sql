-- The audit log: who did what to which object, from where, and how it went.
--
-- Append-only and tamper-evident: every row carries `hash`, the SHA-256 of the previous
-- row's hash followed by this row's canonical encoding (see src/audit.rs), so editing or
-- deleting a row breaks the chain at that row. `id` runs 1, 2, 3, … without gaps.
-- Objects are ids and uids; no passwords, tokens, emails or names are stored here.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY NOT NULL,
    at         INTEGER NOT NULL,
    actor_kind TEXT NOT NULL CHECK (actor_kind IN ('user', 'api_key', 'invitee', 'system', 'anonymous')),
    actor_id   TEXT,
    action     TEXT NOT NULL,
    object     TEXT,
    outcome    TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
    ip         TEXT,
    user_agent TEXT,
    hash       BLOB NOT NULL CHECK (length(hash) = 32)
) STRICT;
CREATE INDEX audit_log_at ON audit_log (at);

-- The application never changes or removes a row; these make an accidental attempt fail.
-- (Someone with the database file can drop them: the hash chain is what detects that.)
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

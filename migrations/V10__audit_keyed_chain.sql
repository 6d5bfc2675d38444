-- The audit log is chained with a keyed MAC from here on (see src/audit.rs).
--
-- `audit_seal` says where that begins: rows from `first_keyed_id` on carry an
-- HMAC-SHA256 under a key derived from the instance key (never stored here); the rows
-- before keep the SHA-256 chain they were written with. `previous_hash` is the chain
-- value of the row before `first_keyed_id` (the last SHA-256 row, the retention anchor's,
-- or 32 zero bytes), and `mac` authenticates both. SQL cannot compute the MAC, so Kairos
-- writes the row at the first start after this migration, before it records anything.
CREATE TABLE audit_seal (
    id             INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    first_keyed_id INTEGER NOT NULL CHECK (first_keyed_id >= 1),
    previous_hash  BLOB NOT NULL CHECK (length(previous_hash) = 32),
    sealed_at      INTEGER NOT NULL,
    mac            BLOB NOT NULL CHECK (length(mac) = 32)
) STRICT;

-- The seal is written once. (Someone with the database file can drop these; the MAC and
-- the signed head outside the database are what detect that.)
CREATE TRIGGER audit_seal_no_update BEFORE UPDATE ON audit_seal
BEGIN
    SELECT RAISE(ABORT, 'the audit seal never changes');
END;
CREATE TRIGGER audit_seal_no_delete BEFORE DELETE ON audit_seal
BEGIN
    SELECT RAISE(ABORT, 'the audit seal is never removed');
END;

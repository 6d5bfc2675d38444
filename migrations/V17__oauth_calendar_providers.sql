-- Google and Microsoft 365 accounts beside CalDAV servers and ICS feeds. Their `secret` is
-- the sealed OAuth grant (refresh token, access token and its expiry, as JSON); `url` is
-- the vendor's name and `username` the account's address as the vendor reports it.
--
-- SQLite cannot change a CHECK constraint in place, and rebuilding the table would delete
-- every calendar through ON DELETE CASCADE (foreign keys stay on inside the migration's
-- transaction). So the stored definition is edited as the SQLite documentation describes
-- for loosening a constraint (ALTER TABLE, "making other kinds of table schema changes"),
-- and the schema is reloaded at once.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, 'CHECK (provider IN (''caldav'', ''ics''))',
                     'CHECK (provider IN (''caldav'', ''ics'', ''google'', ''microsoft''))')
 WHERE type = 'table' AND name = 'calendar_accounts';
PRAGMA writable_schema = RESET;

-- Set when the vendor refused the grant (revoked, expired): the account needs connecting
-- again, and its syncs stop until then.
ALTER TABLE calendar_accounts ADD COLUMN needs_reconnect INTEGER NOT NULL DEFAULT 0
    CHECK (needs_reconnect IN (0, 1));

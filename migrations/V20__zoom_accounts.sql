-- Zoom accounts beside the calendar accounts: a host connects Zoom with the same OAuth
-- sign-in, and Kairos makes a Zoom meeting for each booking whose place is Zoom. The
-- account has no calendars; its `secret` is the sealed grant, `username` the Zoom user's
-- address. The CHECK constraint is loosened as in V17.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, 'CHECK (provider IN (''caldav'', ''ics'', ''google'', ''microsoft''))',
                     'CHECK (provider IN (''caldav'', ''ics'', ''google'', ''microsoft'', ''zoom''))')
 WHERE type = 'table' AND name = 'calendar_accounts';
PRAGMA writable_schema = RESET;

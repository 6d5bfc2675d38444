-- Whether a replicated busy stretch blocks the host's slots, decided when it is written:
-- its calendar checks for conflicts, and it is not an event Kairos wrote itself (those are
-- bookings, counted as such). The slot loader then reads one covering index.
ALTER TABLE calendar_busy ADD COLUMN blocking INTEGER NOT NULL DEFAULT 1
    CHECK (blocking IN (0, 1));
UPDATE calendar_busy SET blocking = 0
 WHERE substr(uid, -7) = '@kairos'
    OR object_id IN (SELECT o.id FROM calendar_objects o
                     JOIN calendars c ON c.id = o.calendar_id
                     WHERE c.check_conflicts = 0);
DROP INDEX calendar_busy_user_start;
CREATE INDEX calendar_busy_blocking ON calendar_busy (user_id, blocking, start_at, end_at);

-- A host's options for a connected account:
-- - `sync_cancellations`: deleting a booking's event in the host's calendar cancels the
--   booking, after a grace period in which restoring the event keeps it;
-- - `live_check`: before a booking is made, the destination calendar is asked once, with
--   a short timeout, whether the time is still free.
ALTER TABLE calendar_accounts ADD COLUMN sync_cancellations INTEGER NOT NULL DEFAULT 0
    CHECK (sync_cancellations IN (0, 1));
ALTER TABLE calendar_accounts ADD COLUMN live_check INTEGER NOT NULL DEFAULT 0
    CHECK (live_check IN (0, 1));

-- When a sync first found a written event gone from the host's calendar (NULL while it is
-- there).
ALTER TABLE calendar_writes ADD COLUMN missing_since INTEGER;

-- A version of each host's replicated busy time, replaced by a random number whenever a
-- busy stretch of that host is written, removed or changes whether it blocks. The slot
-- loader keeps a host's busy time in memory under this version and reads the table again
-- only when it changed; random values stay distinct across databases and restores.
CREATE TABLE calendar_busy_versions (
    user_id INTEGER PRIMARY KEY,
    version INTEGER NOT NULL
) STRICT;

INSERT INTO calendar_busy_versions (user_id, version)
SELECT DISTINCT user_id, random() FROM calendar_busy;

CREATE TRIGGER calendar_busy_version_insert AFTER INSERT ON calendar_busy
BEGIN
    INSERT INTO calendar_busy_versions (user_id, version) VALUES (NEW.user_id, random())
    ON CONFLICT (user_id) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER calendar_busy_version_delete AFTER DELETE ON calendar_busy
BEGIN
    INSERT INTO calendar_busy_versions (user_id, version) VALUES (OLD.user_id, random())
    ON CONFLICT (user_id) DO UPDATE SET version = excluded.version;
END;

CREATE TRIGGER calendar_busy_version_update
AFTER UPDATE OF user_id, start_at, end_at, blocking ON calendar_busy
BEGIN
    INSERT INTO calendar_busy_versions (user_id, version) VALUES (OLD.user_id, random())
    ON CONFLICT (user_id) DO UPDATE SET version = excluded.version;
    INSERT INTO calendar_busy_versions (user_id, version) VALUES (NEW.user_id, random())
    ON CONFLICT (user_id) DO UPDATE SET version = excluded.version;
END;

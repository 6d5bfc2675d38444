-- Connected calendars: a host's own calendars, read for busy time and written with
-- bookings. The database is encrypted as a whole; credentials are sealed besides.

-- One connected account: a CalDAV server, or a read-only ICS feed. `secret` is sealed with
-- the instance key (context `calendar_accounts.secret`): the app password of a CalDAV
-- account, or the feed's whole URL (a feed's "secret address" is its credential). `url`
-- is what the host may see again: the server's address, or the feed's host name.
CREATE TABLE calendar_accounts (
    id             INTEGER PRIMARY KEY NOT NULL,
    user_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    provider       TEXT NOT NULL CHECK (provider IN ('caldav', 'ics')),
    url            TEXT NOT NULL,
    username       TEXT NOT NULL DEFAULT '',
    secret         BLOB NOT NULL,
    -- The last sync that completed, the next one planned, and the last failure in words.
    last_synced_at INTEGER,
    next_sync_at   INTEGER,
    last_error     TEXT,
    failures       INTEGER NOT NULL DEFAULT 0,
    created_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX calendar_accounts_user ON calendar_accounts (user_id);

-- The calendars of an account (a feed is one calendar). `href` is the collection's URL
-- (for a feed, empty: the sealed URL is the account's). `sync_token` and `ctag` are the
-- server's markers for incremental syncs; `etag` the feed's validator.
CREATE TABLE calendars (
    id              INTEGER PRIMARY KEY NOT NULL,
    account_id      INTEGER NOT NULL REFERENCES calendar_accounts (id) ON DELETE CASCADE,
    href            TEXT NOT NULL,
    name            TEXT NOT NULL,
    read_only       INTEGER NOT NULL DEFAULT 0 CHECK (read_only IN (0, 1)),
    check_conflicts INTEGER NOT NULL DEFAULT 1 CHECK (check_conflicts IN (0, 1)),
    sync_token      TEXT,
    ctag            TEXT,
    etag            TEXT,
    UNIQUE (account_id, href)
) STRICT;

-- The one calendar of a host where new bookings are written.
CREATE TABLE calendar_destinations (
    user_id     INTEGER PRIMARY KEY NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    calendar_id INTEGER NOT NULL REFERENCES calendars (id) ON DELETE CASCADE
) STRICT;

-- The replica: one row per calendar object (an event with its exceptions), and the busy
-- stretches it gives over the sync horizon. Only what conflict checking needs is kept:
-- no titles, descriptions or attendees.
CREATE TABLE calendar_objects (
    id          INTEGER PRIMARY KEY NOT NULL,
    calendar_id INTEGER NOT NULL REFERENCES calendars (id) ON DELETE CASCADE,
    href        TEXT NOT NULL,
    etag        TEXT NOT NULL,
    UNIQUE (calendar_id, href)
) STRICT;

CREATE TABLE calendar_busy (
    object_id INTEGER NOT NULL REFERENCES calendar_objects (id) ON DELETE CASCADE,
    -- The host, repeated here so the slot loader reads one index.
    user_id   INTEGER NOT NULL,
    uid       TEXT NOT NULL,
    start_at  INTEGER NOT NULL,
    end_at    INTEGER NOT NULL CHECK (end_at > start_at)
) STRICT;
CREATE INDEX calendar_busy_user_start ON calendar_busy (user_id, start_at);
CREATE INDEX calendar_busy_object ON calendar_busy (object_id);

-- What Kairos wrote to a host's destination calendar for a booking: one event per booking
-- chain (a rescheduled booking keeps its first booking's UID) and host.
CREATE TABLE calendar_writes (
    uid         TEXT NOT NULL,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    calendar_id INTEGER NOT NULL REFERENCES calendars (id) ON DELETE CASCADE,
    href        TEXT NOT NULL,
    etag        TEXT,
    sequence    INTEGER NOT NULL DEFAULT 0,
    deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    PRIMARY KEY (uid, user_id)
) STRICT;

-- Hosts get a public username (their booking page address) and a home time zone.
ALTER TABLE users ADD COLUMN username TEXT COLLATE NOCASE;
ALTER TABLE users ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';
UPDATE users SET username = lower(substr(email, 1, instr(email, '@') - 1));
UPDATE users SET username = username || '-' || id
    WHERE id NOT IN (SELECT min(id) FROM users GROUP BY username);
CREATE UNIQUE INDEX users_username ON users (username);

-- Working hours: several per user, one of them the default.
CREATE TABLE schedules (
    id             INTEGER PRIMARY KEY,
    user_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    time_zone      TEXT NOT NULL,
    weekly         TEXT NOT NULL,            -- JSON: weekday -> ["HH:MM", "HH:MM"] ranges
    date_overrides TEXT NOT NULL DEFAULT '{}', -- JSON: "YYYY-MM-DD" -> ranges ([] = away)
    holidays       TEXT NOT NULL DEFAULT '[]', -- JSON: ["YYYY-MM-DD", …]
    is_default     INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX schedules_user ON schedules (user_id);
CREATE UNIQUE INDEX schedules_one_default ON schedules (user_id) WHERE is_default = 1;

CREATE TABLE out_of_office (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    start_at   INTEGER NOT NULL,
    end_at     INTEGER NOT NULL CHECK (end_at > start_at),
    note       TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX out_of_office_user ON out_of_office (user_id, end_at);

CREATE TABLE teams (
    id         INTEGER PRIMARY KEY,
    slug       TEXT NOT NULL COLLATE NOCASE UNIQUE,
    name       TEXT NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE team_members (
    team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    TEXT NOT NULL CHECK (role IN ('admin', 'member')),
    PRIMARY KEY (team_id, user_id)
) STRICT;
CREATE INDEX team_members_user ON team_members (user_id);

-- What can be booked. Owned by a user or by a team.
CREATE TABLE event_types (
    id                    INTEGER PRIMARY KEY,
    owner_user_id         INTEGER REFERENCES users (id) ON DELETE CASCADE,
    owner_team_id         INTEGER REFERENCES teams (id) ON DELETE CASCADE,
    slug                  TEXT NOT NULL COLLATE NOCASE,
    title                 TEXT NOT NULL,
    description           TEXT NOT NULL DEFAULT '',
    rules                 TEXT NOT NULL,            -- JSON: the availability engine's event rules
    locations             TEXT NOT NULL DEFAULT '[]',
    questions             TEXT NOT NULL DEFAULT '[]',
    scheduling_type       TEXT NOT NULL CHECK (scheduling_type IN ('individual', 'collective', 'round_robin')),
    schedule_id           INTEGER REFERENCES schedules (id) ON DELETE SET NULL,
    requires_confirmation INTEGER NOT NULL DEFAULT 0 CHECK (requires_confirmation IN (0, 1)),
    pending_blocks_slot   INTEGER NOT NULL DEFAULT 1 CHECK (pending_blocks_slot IN (0, 1)),
    hidden                INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL,
    CHECK ((owner_user_id IS NULL) != (owner_team_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX event_types_user_slug ON event_types (owner_user_id, slug) WHERE owner_user_id IS NOT NULL;
CREATE UNIQUE INDEX event_types_team_slug ON event_types (owner_team_id, slug) WHERE owner_team_id IS NOT NULL;

-- Hosts of team event types: fixed (no group) or taking turns in a round-robin group.
CREATE TABLE event_type_hosts (
    event_type_id     INTEGER NOT NULL REFERENCES event_types (id) ON DELETE CASCADE,
    user_id           INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    round_robin_group TEXT,
    priority          TEXT NOT NULL DEFAULT 'medium',
    weight            INTEGER NOT NULL DEFAULT 100 CHECK (weight >= 0),
    PRIMARY KEY (event_type_id, user_id)
) STRICT;
CREATE INDEX event_type_hosts_user ON event_type_hosts (user_id);

CREATE TABLE bookings (
    id                    INTEGER PRIMARY KEY,
    uid                   TEXT NOT NULL UNIQUE,
    -- Bookings outlive their event type; the title keeps what was booked.
    event_type_id         INTEGER REFERENCES event_types (id) ON DELETE SET NULL,
    title                 TEXT NOT NULL,
    start_at              INTEGER NOT NULL,
    end_at                INTEGER NOT NULL CHECK (end_at > start_at),
    status                TEXT NOT NULL CHECK (status IN ('ACCEPTED', 'PENDING', 'CANCELLED', 'REJECTED')),
    -- Buffers as they were when booked, so editing the event type does not move busy time.
    before_buffer_minutes INTEGER NOT NULL DEFAULT 0,
    after_buffer_minutes  INTEGER NOT NULL DEFAULT 0,
    attendee_name         TEXT NOT NULL,
    attendee_email        TEXT NOT NULL,
    attendee_time_zone    TEXT NOT NULL,
    answers               TEXT NOT NULL DEFAULT '{}',
    guests                TEXT NOT NULL DEFAULT '[]',
    location              TEXT NOT NULL DEFAULT 'null',
    cancel_reason         TEXT,
    reschedule_reason     TEXT,
    rejection_reason      TEXT,
    rescheduled_from_id   INTEGER REFERENCES bookings (id),
    rescheduled_to_id     INTEGER REFERENCES bookings (id),
    idempotency_key       TEXT UNIQUE,
    request_hash          TEXT NOT NULL,
    manage_token_hash     BLOB NOT NULL,
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL
) STRICT;
CREATE INDEX bookings_event_type_start ON bookings (event_type_id, start_at);
CREATE INDEX bookings_request_hash ON bookings (request_hash);

-- Who hosts each booking (every fixed host, plus the round-robin host chosen per group).
CREATE TABLE booking_hosts (
    booking_id INTEGER NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (booking_id, user_id)
) STRICT;
CREATE INDEX booking_hosts_user ON booking_hosts (user_id, booking_id);

-- Every state change of a booking, written in the same transaction: what notifications,
-- webhooks and calendar pushes work from.
CREATE TABLE booking_events (
    id         INTEGER PRIMARY KEY,
    booking_id INTEGER NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('created', 'requested', 'confirmed', 'rejected', 'cancelled', 'rescheduled')),
    actor      TEXT NOT NULL,
    data       TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX booking_events_booking ON booking_events (booking_id);

-- Personal API keys: only a hash is stored; the prefix identifies a key in lists.
CREATE TABLE api_keys (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    prefix       TEXT NOT NULL,
    key_hash     BLOB NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at   INTEGER
) STRICT;
CREATE INDEX api_keys_user ON api_keys (user_id);

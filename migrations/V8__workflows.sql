-- Workflows: messages and calls that follow a booking (confirmations, reminders, follow-ups),
-- owned by a user or a team and turned on for chosen event types of that owner.
CREATE TABLE workflows (
    id                INTEGER PRIMARY KEY,
    owner_user_id     INTEGER REFERENCES users (id) ON DELETE CASCADE,
    owner_team_id     INTEGER REFERENCES teams (id) ON DELETE CASCADE,
    name              TEXT NOT NULL,
    trigger           TEXT NOT NULL CHECK (trigger IN ('NEW_EVENT', 'BOOKING_REQUESTED',
                          'RESCHEDULE_EVENT', 'EVENT_CANCELLED', 'BOOKING_REJECTED',
                          'BEFORE_EVENT', 'AFTER_EVENT')),
    -- For BEFORE_EVENT (before the start) and AFTER_EVENT (after the end).
    offset_minutes    INTEGER NOT NULL DEFAULT 0 CHECK (offset_minutes >= 0),
    active            INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    -- Turned on for every event type the owner creates from now on.
    on_new_event_types INTEGER NOT NULL DEFAULT 0 CHECK (on_new_event_types IN (0, 1)),
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    CHECK ((owner_user_id IS NULL) != (owner_team_id IS NULL))
) STRICT;
CREATE INDEX workflows_user ON workflows (owner_user_id);
CREATE INDEX workflows_team ON workflows (owner_team_id);

-- What a workflow does, in order.
CREATE TABLE workflow_steps (
    id            INTEGER PRIMARY KEY,
    workflow_id   INTEGER NOT NULL REFERENCES workflows (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    action        TEXT NOT NULL CHECK (action IN ('EMAIL_ATTENDEE', 'EMAIL_HOST', 'EMAIL_ADDRESS',
                      'SMS_ATTENDEE', 'SMS_NUMBER', 'WEBHOOK')),
    -- The address of EMAIL_ADDRESS, the number of SMS_NUMBER, the URL of WEBHOOK.
    target        TEXT NOT NULL DEFAULT '',
    subject       TEXT NOT NULL DEFAULT '',
    body          TEXT NOT NULL DEFAULT '',
    -- A WEBHOOK's signing secret, sealed with the instance key.
    secret_sealed BLOB
) STRICT;
CREATE INDEX workflow_steps_workflow ON workflow_steps (workflow_id, position);

-- The event types a workflow is turned on for.
CREATE TABLE workflow_event_types (
    workflow_id   INTEGER NOT NULL REFERENCES workflows (id) ON DELETE CASCADE,
    event_type_id INTEGER NOT NULL REFERENCES event_types (id) ON DELETE CASCADE,
    PRIMARY KEY (workflow_id, event_type_id)
) STRICT;
CREATE INDEX workflow_event_types_event_type ON workflow_event_types (event_type_id);

-- Owners whose default attendee reminder was made: it is made once, with their first event
-- type, so deleting it is final.
CREATE TABLE workflow_defaults (
    owner_user_id INTEGER UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    owner_team_id INTEGER UNIQUE REFERENCES teams (id) ON DELETE CASCADE,
    created_at    INTEGER NOT NULL,
    CHECK ((owner_user_id IS NULL) != (owner_team_id IS NULL))
) STRICT;

-- Extra manage links of a booking, issued for the messages workflows send
-- ({CANCEL_URL}, {RESCHEDULE_URL}); only the hash of each is kept.
CREATE TABLE booking_links (
    token_hash BLOB PRIMARY KEY,
    booking_id INTEGER NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX booking_links_booking ON booking_links (booking_id);

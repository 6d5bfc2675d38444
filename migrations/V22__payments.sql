-- Paid event types: a booking that waits for its payment holds its slot, and becomes
-- PAYMENT_EXPIRED when the hold ends unpaid. SQLite cannot change a CHECK constraint in
-- place, so the bookings table is rebuilt with the same rows, ids and indexes (the
-- migration runs with foreign-key enforcement off, and checks the keys afterwards).
CREATE TABLE bookings_new (
    id                    INTEGER PRIMARY KEY,
    uid                   TEXT NOT NULL UNIQUE,
    event_type_id         INTEGER REFERENCES event_types (id) ON DELETE SET NULL,
    title                 TEXT NOT NULL,
    start_at              INTEGER NOT NULL,
    end_at                INTEGER NOT NULL CHECK (end_at > start_at),
    status                TEXT NOT NULL CHECK (status IN ('ACCEPTED', 'PENDING', 'CANCELLED', 'REJECTED', 'AWAITING_PAYMENT', 'PAYMENT_EXPIRED')),
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
    updated_at            INTEGER NOT NULL,
    locale                TEXT CHECK (locale IS NULL OR length(locale) BETWEEN 1 AND 35)
) STRICT;
INSERT INTO bookings_new (id, uid, event_type_id, title, start_at, end_at, status,
    before_buffer_minutes, after_buffer_minutes, attendee_name, attendee_email,
    attendee_time_zone, answers, guests, location, cancel_reason, reschedule_reason,
    rejection_reason, rescheduled_from_id, rescheduled_to_id, idempotency_key, request_hash,
    manage_token_hash, created_at, updated_at, locale)
SELECT id, uid, event_type_id, title, start_at, end_at, status,
    before_buffer_minutes, after_buffer_minutes, attendee_name, attendee_email,
    attendee_time_zone, answers, guests, location, cancel_reason, reschedule_reason,
    rejection_reason, rescheduled_from_id, rescheduled_to_id, idempotency_key, request_hash,
    manage_token_hash, created_at, updated_at, locale
FROM bookings;
DROP TABLE bookings;
ALTER TABLE bookings_new RENAME TO bookings;
CREATE INDEX bookings_event_type_start ON bookings (event_type_id, start_at);
CREATE INDEX bookings_request_hash ON bookings (request_hash);
CREATE INDEX bookings_created ON bookings (created_at);

-- One payment per booking: what the invitee pays (or the card kept for a no-show fee),
-- in integer minor units of its currency. A reschedule moves it to the new booking.
CREATE TABLE payments (
    id                  INTEGER PRIMARY KEY,
    booking_id          INTEGER NOT NULL UNIQUE REFERENCES bookings (id) ON DELETE CASCADE,
    provider            TEXT NOT NULL DEFAULT 'stripe',
    -- 'pay_now': paid at booking; 'no_show_fee': a card kept, charged only on a no-show.
    mode                TEXT NOT NULL CHECK (mode IN ('pay_now', 'no_show_fee')),
    amount              INTEGER NOT NULL CHECK (amount > 0),
    currency            TEXT NOT NULL CHECK (length(currency) = 3),
    status              TEXT NOT NULL CHECK (status IN ('awaiting', 'paid', 'card_saved', 'expired', 'refunded', 'no_show_charged', 'failed')),
    -- The slot is held for the invitee until then.
    hold_until          INTEGER NOT NULL,
    checkout_session_id TEXT UNIQUE,
    checkout_url        TEXT,
    payment_intent_id   TEXT,
    setup_intent_id     TEXT,
    customer_id         TEXT,
    -- What Stripe took, and gave back, in minor units.
    charged             INTEGER NOT NULL DEFAULT 0 CHECK (charged >= 0),
    refunded            INTEGER NOT NULL DEFAULT 0 CHECK (refunded >= 0 AND refunded <= charged),
    -- The cancellation policy as it was when booked.
    refund_hours        INTEGER NOT NULL DEFAULT 0,
    late_refund_percent INTEGER NOT NULL DEFAULT 0 CHECK (late_refund_percent BETWEEN 0 AND 100),
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
) STRICT;
CREATE INDEX payments_intent ON payments (payment_intent_id);

-- Money given back, one row per refund asked of Stripe. `pending` until Stripe answered;
-- the row's id is the idempotency key, so a retried request never refunds twice.
CREATE TABLE payment_refunds (
    id          INTEGER PRIMARY KEY,
    payment_id  INTEGER NOT NULL REFERENCES payments (id) ON DELETE CASCADE,
    amount      INTEGER NOT NULL CHECK (amount > 0),
    reason      TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    refund_id   TEXT,
    actor       TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX payment_refunds_payment ON payment_refunds (payment_id);

-- Stripe events already taken in, by id: a webhook delivered again changes nothing.
CREATE TABLE stripe_events (
    id          TEXT PRIMARY KEY NOT NULL,
    type        TEXT NOT NULL,
    received_at INTEGER NOT NULL
) STRICT;

-- Workflows can follow a payment: the trigger list gains BOOKING_PAID (a rebuild, as
-- above).
CREATE TABLE workflows_new (
    id                INTEGER PRIMARY KEY,
    owner_user_id     INTEGER REFERENCES users (id) ON DELETE CASCADE,
    owner_team_id     INTEGER REFERENCES teams (id) ON DELETE CASCADE,
    name              TEXT NOT NULL,
    trigger           TEXT NOT NULL CHECK (trigger IN ('NEW_EVENT', 'BOOKING_REQUESTED',
                          'RESCHEDULE_EVENT', 'EVENT_CANCELLED', 'BOOKING_REJECTED',
                          'BEFORE_EVENT', 'AFTER_EVENT', 'BOOKING_PAID')),
    offset_minutes    INTEGER NOT NULL DEFAULT 0 CHECK (offset_minutes >= 0),
    active            INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    on_new_event_types INTEGER NOT NULL DEFAULT 0 CHECK (on_new_event_types IN (0, 1)),
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    CHECK ((owner_user_id IS NULL) != (owner_team_id IS NULL))
) STRICT;
INSERT INTO workflows_new (id, owner_user_id, owner_team_id, name, trigger, offset_minutes,
    active, on_new_event_types, created_at, updated_at)
SELECT id, owner_user_id, owner_team_id, name, trigger, offset_minutes,
    active, on_new_event_types, created_at, updated_at
FROM workflows;
DROP TABLE workflows;
ALTER TABLE workflows_new RENAME TO workflows;
CREATE INDEX workflows_user ON workflows (owner_user_id);
CREATE INDEX workflows_team ON workflows (owner_team_id);

-- The outbox records payment events too (a rebuild, as above).
CREATE TABLE booking_events_new (
    id         INTEGER PRIMARY KEY,
    booking_id INTEGER NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('created', 'requested', 'confirmed', 'rejected',
                   'cancelled', 'rescheduled', 'payment_initiated', 'paid', 'payment_expired',
                   'refunded', 'no_show')),
    actor      TEXT NOT NULL,
    data       TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL
) STRICT;
INSERT INTO booking_events_new (id, booking_id, kind, actor, data, created_at)
SELECT id, booking_id, kind, actor, data, created_at FROM booking_events;
DROP TABLE booking_events;
ALTER TABLE booking_events_new RENAME TO booking_events;
CREATE INDEX booking_events_booking ON booking_events (booking_id);

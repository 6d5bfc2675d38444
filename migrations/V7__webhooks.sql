-- Webhook subscriptions: a user's (all bookings of their own event types) or one event
-- type's (the user's own, or a team's for its admins). The secret is sealed with the
-- instance key; triggers are a JSON array of trigger names.
CREATE TABLE webhooks (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    event_type_id INTEGER REFERENCES event_types (id) ON DELETE CASCADE,
    url           TEXT NOT NULL,
    triggers      TEXT NOT NULL DEFAULT '[]',
    secret_sealed BLOB NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
) STRICT;
CREATE INDEX webhooks_user ON webhooks (user_id);
CREATE INDEX webhooks_event_type ON webhooks (event_type_id);

-- One row per delivery attempt: when, which trigger, what came back and how long it
-- took. Never the body: it can hold patient data.
CREATE TABLE webhook_deliveries (
    id          INTEGER PRIMARY KEY,
    webhook_id  INTEGER NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    trigger     TEXT NOT NULL,
    status_code INTEGER,
    error       TEXT,
    duration_ms INTEGER NOT NULL,
    created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, id);

-- The job queue keeps its promise with slow, hung and long-down servers.
--
-- Lanes: each job runs in the lane of what it talks to (email, workflow emails, sms,
-- webhooks, ...), and each lane runs a limited number of jobs at once, so one hung server
-- holds up only its own lane. Jobs already queued take the lane of their kind.
--
-- Lifetime: a failing job is retried for a configured time counted from `due_at`, when it
-- was first due, instead of a fixed 8 attempts (about an hour). `max_attempts` is now only
-- a cap some kinds set; jobs queued with the old default of 8 lose it.
CREATE TABLE jobs_new (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
    payload      TEXT NOT NULL DEFAULT '{}',
    -- At most one job per key, ever: enqueueing the same work twice is a no-op.
    dedupe_key   TEXT UNIQUE,
    lane         TEXT NOT NULL DEFAULT 'general',
    status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'dead')),
    run_at       INTEGER NOT NULL,
    -- When the job was first due: its retry lifetime counts from here.
    due_at       INTEGER NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    -- NULL: retried until its lifetime ends.
    max_attempts INTEGER CHECK (max_attempts IS NULL OR max_attempts >= 1),
    last_error   TEXT,
    -- While running: when the claim lapses unless the worker's heartbeat renews it.
    lease_until  INTEGER,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
) STRICT;

INSERT INTO jobs_new (id, kind, payload, dedupe_key, lane, status, run_at, due_at, attempts,
                      max_attempts, last_error, lease_until, created_at, updated_at)
SELECT id, kind, payload, dedupe_key,
       CASE kind
           WHEN 'email' THEN 'email'
           WHEN 'webhook' THEN 'webhooks'
           WHEN 'workflow' THEN coalesce((
               SELECT CASE WHEN s.action LIKE 'EMAIL_%' THEN 'workflow'
                           WHEN s.action LIKE 'SMS_%' THEN 'sms'
                           ELSE 'webhooks' END
               FROM workflow_steps s WHERE s.id = json_extract(jobs.payload, '$.stepId')),
               'workflow')
           ELSE 'general' END,
       status, run_at,
       -- A failing job's first due time is gone: its lifetime counts from its last failure.
       CASE WHEN attempts = 0 THEN run_at ELSE updated_at END,
       attempts, nullif(max_attempts, 8), last_error, lease_until, created_at, updated_at
FROM jobs;

DROP TABLE jobs;
ALTER TABLE jobs_new RENAME TO jobs;
CREATE INDEX jobs_lane_due ON jobs (lane, run_at) WHERE status = 'pending';
CREATE INDEX jobs_pending_due ON jobs (run_at) WHERE status = 'pending';
CREATE INDEX jobs_running_lease ON jobs (lease_until) WHERE status = 'running';

-- Lanes: each job runs in the lane of what it talks to (email, workflow emails, sms,
-- webhooks, ...), and each lane runs a limited number of jobs at once, so one hung server
-- holds up only its own lane. Jobs already queued take the lane of their kind.
ALTER TABLE jobs ADD COLUMN lane TEXT NOT NULL DEFAULT 'general';
UPDATE jobs SET lane = CASE kind
    WHEN 'email' THEN 'email'
    WHEN 'webhook' THEN 'webhooks'
    WHEN 'workflow' THEN coalesce((
        SELECT CASE WHEN s.action LIKE 'EMAIL_%' THEN 'workflow'
                    WHEN s.action LIKE 'SMS_%' THEN 'sms'
                    ELSE 'webhooks' END
        FROM workflow_steps s WHERE s.id = json_extract(jobs.payload, '$.stepId')), 'workflow')
    ELSE 'general' END;
CREATE INDEX jobs_lane_due ON jobs (lane, run_at) WHERE status = 'pending';

//! The queue's rows: enqueue, claim with a lease, complete, fail with backoff, retry.
//!
//! Every function takes a connection or transaction and `now`, so callers decide which
//! transaction a job belongs to (a booking change enqueues inside its own) and tests
//! decide what time it is.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde_json::Value;

use crate::db::{instant, json_column, to_json};
use crate::jobs::Lane;

/// How long a failing job is retried, counted from when it was first due, unless the
/// configuration says otherwise (`job_retry_hours`): mail servers keep trying for days.
pub const DEFAULT_LIFETIME: Duration = Duration::days(3);
/// The first retry waits this long; each further one twice as long.
pub const BACKOFF_BASE: Duration = Duration::seconds(30);
/// No retry waits longer than this, so a server back after a long outage gets what waited
/// within the hour.
pub const BACKOFF_CAP: Duration = Duration::hours(1);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobStatus {
    Pending,
    Running,
    Done,
    Dead,
}

impl JobStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            JobStatus::Pending => "pending",
            JobStatus::Running => "running",
            JobStatus::Done => "done",
            JobStatus::Dead => "dead",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        match text {
            "pending" => Some(JobStatus::Pending),
            "running" => Some(JobStatus::Running),
            "done" => Some(JobStatus::Done),
            "dead" => Some(JobStatus::Dead),
            _ => None,
        }
    }
}

/// One job as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    pub id: i64,
    pub kind: String,
    pub payload: Value,
    pub dedupe_key: Option<String>,
    pub lane: Lane,
    pub status: JobStatus,
    pub run_at: DateTime<Utc>,
    /// When the job was first due: its retry lifetime counts from here.
    pub due_at: DateTime<Utc>,
    /// Runs started so far, counting the current one while running.
    pub attempts: u32,
    /// A cap on attempts that some kinds set; `None`: retried until its lifetime ends.
    pub max_attempts: Option<u32>,
    pub last_error: Option<String>,
    pub lease_until: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Job {
    /// What names this piece of work for good, the same on every attempt: its dedupe key,
    /// else its id and creation time. Stable ids of what a job sends (an email's
    /// `Message-ID`, a webhook's delivery id) derive from it.
    pub fn identity(&self) -> String {
        match &self.dedupe_key {
            Some(key) => key.clone(),
            None => format!("job:{}:{}", self.id, self.created_at.timestamp()),
        }
    }
}

/// A job to add.
#[derive(Debug, Clone)]
pub struct NewJob<'a> {
    pub kind: &'a str,
    pub payload: &'a Value,
    pub run_at: DateTime<Utc>,
    /// When set, a second job with the same key is not added.
    pub dedupe_key: Option<&'a str>,
    /// When set, the job is dead after this many attempts even within its lifetime.
    pub max_attempts: Option<u32>,
    /// Which lane runs it: what it talks to. [`Lane::General`] unless set.
    pub lane: Lane,
}

impl<'a> NewJob<'a> {
    /// A job of `kind` due at `run_at`, retried until its lifetime ends.
    pub fn new(kind: &'a str, payload: &'a Value, run_at: DateTime<Utc>) -> Self {
        Self {
            kind,
            payload,
            run_at,
            dedupe_key: None,
            max_attempts: None,
            lane: Lane::General,
        }
    }

    pub fn lane(mut self, lane: Lane) -> Self {
        self.lane = lane;
        self
    }

    pub fn dedupe_key(mut self, key: &'a str) -> Self {
        self.dedupe_key = Some(key);
        self
    }

    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = Some(attempts.max(1));
        self
    }
}

const COLUMNS: &str = "id, kind, payload, dedupe_key, status, run_at, attempts, max_attempts, \
last_error, lease_until, created_at, updated_at, lane, due_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Job> {
    let status: String = row.get(4)?;
    Ok(Job {
        id: row.get(0)?,
        kind: row.get(1)?,
        payload: json_column(row, 2)?,
        dedupe_key: row.get(3)?,
        status: JobStatus::parse(&status).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                4,
                rusqlite::types::Type::Text,
                format!("unknown job status {status:?}").into(),
            )
        })?,
        run_at: instant(row.get(5)?),
        attempts: row.get(6)?,
        max_attempts: row.get(7)?,
        last_error: row.get(8)?,
        lease_until: row.get::<_, Option<i64>>(9)?.map(instant),
        created_at: instant(row.get(10)?),
        updated_at: instant(row.get(11)?),
        lane: Lane::parse(&row.get::<_, String>(12)?),
        due_at: instant(row.get(13)?),
    })
}

/// Adds a job. Call it inside the transaction of the change that causes the job, so both
/// are kept or neither is. Returns the new job's id, or `None` when a job with the same
/// dedupe key already exists.
pub fn enqueue(
    conn: &Connection,
    job: &NewJob<'_>,
    now: DateTime<Utc>,
) -> rusqlite::Result<Option<i64>> {
    let added = conn.execute(
        "INSERT INTO jobs (kind, payload, dedupe_key, status, run_at, due_at, attempts, max_attempts, created_at, updated_at, lane)
         VALUES (?1, ?2, ?3, 'pending', ?4, ?4, 0, ?5, ?6, ?6, ?7)
         ON CONFLICT (dedupe_key) DO NOTHING",
        params![
            job.kind,
            to_json(job.payload)?,
            job.dedupe_key,
            job.run_at.timestamp(),
            job.max_attempts.map(|cap| cap.max(1)),
            now.timestamp(),
            job.lane.as_str(),
        ],
    )?;
    Ok((added == 1).then(|| conn.last_insert_rowid()))
}

/// Claims up to `limit` jobs of any lane that are due at `now`: see [`claim_lane`].
pub fn claim(
    tx: &Transaction<'_>,
    now: DateTime<Utc>,
    lease: Duration,
    limit: u32,
) -> rusqlite::Result<Vec<Job>> {
    claim_where(tx, now, lease, "1 = 1", limit)
}

/// Claims up to `limit` jobs of `lane` that are due at `now`: pending ones whose time
/// has come and running ones whose lease lapsed (their worker died). Each claimed job is
/// marked running until `now + lease` and its attempt counted. A job whose lease lapsed
/// on the last attempt its cap allowed is marked dead instead. Run it in one write
/// transaction.
pub fn claim_lane(
    tx: &Transaction<'_>,
    now: DateTime<Utc>,
    lease: Duration,
    lane: Lane,
    limit: u32,
) -> rusqlite::Result<Vec<Job>> {
    claim_where(tx, now, lease, &lane.condition(), limit)
}

fn claim_where(
    tx: &Transaction<'_>,
    now: DateTime<Utc>,
    lease: Duration,
    condition: &str,
    limit: u32,
) -> rusqlite::Result<Vec<Job>> {
    let now_s = now.timestamp();
    tx.execute(
        "UPDATE jobs SET status = 'dead', lease_until = NULL, updated_at = ?1,
             last_error = 'the worker running it stopped before it finished'
         WHERE status = 'running' AND lease_until <= ?1 AND attempts >= max_attempts",
        // (A NULL cap compares as unknown: such jobs are never killed here.)
        [now_s],
    )?;
    let ids: Vec<i64> = {
        let mut stmt = tx.prepare_cached(&format!(
            "SELECT id FROM jobs
             WHERE ({condition}) AND ((status = 'pending' AND run_at <= ?1)
                OR (status = 'running' AND lease_until <= ?1))
             ORDER BY run_at, id LIMIT ?2"
        ))?;
        stmt.query_map(params![now_s, limit], |row| row.get(0))?
            .collect::<Result<_, _>>()?
    };
    let lease_until = (now + lease).timestamp();
    let mut claimed = Vec::with_capacity(ids.len());
    for id in ids {
        let job = tx.query_row(
            &format!(
                "UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_until = ?2, updated_at = ?3
                 WHERE id = ?1 RETURNING {COLUMNS}"
            ),
            params![id, lease_until, now_s],
            from_row,
        )?;
        claimed.push(job);
    }
    Ok(claimed)
}

/// Marks a claimed job done. `attempt` is the attempt number the claim returned: a worker
/// whose lease lapsed and whose job was taken over cannot complete the newer attempt.
/// Returns whether the job was still this worker's.
pub fn complete(
    conn: &Connection,
    id: i64,
    attempt: u32,
    now: DateTime<Utc>,
) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "UPDATE jobs SET status = 'done', lease_until = NULL, updated_at = ?3
         WHERE id = ?1 AND attempts = ?2 AND status = 'running'",
        params![id, attempt, now.timestamp()],
    )?;
    Ok(changed == 1)
}

/// Extends the claim of a job this worker is running to `now + lease`: the heartbeat that
/// keeps a long attempt from being taken over. Returns whether the job was still this
/// worker's.
pub fn renew(
    conn: &Connection,
    id: i64,
    attempt: u32,
    now: DateTime<Utc>,
    lease: Duration,
) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "UPDATE jobs SET lease_until = ?3 WHERE id = ?1 AND attempts = ?2 AND status = 'running'",
        params![id, attempt, (now + lease).timestamp()],
    )?;
    Ok(changed == 1)
}

/// Gives back a job whose attempt was started but cut short (the worker stopped before
/// it finished): its effect may or may not have happened, so the attempt counts and the
/// job runs again at once, with `reason` as its last error. Returns whether the job was
/// still this worker's.
pub fn release_interrupted(
    conn: &Connection,
    id: i64,
    attempt: u32,
    reason: &str,
    now: DateTime<Utc>,
) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "UPDATE jobs SET status = 'pending', lease_until = NULL, run_at = min(run_at, ?4),
             last_error = ?3, updated_at = ?4
         WHERE id = ?1 AND attempts = ?2 AND status = 'running'",
        params![id, attempt, reason, now.timestamp()],
    )?;
    Ok(changed == 1)
}

/// Gives back every job marked running: call it only when no worker can be running them,
/// as a starting server that holds the data directory's lock knows. Their process ended
/// mid-attempt, so each runs again at once (or is dead when that was its last attempt)
/// instead of waiting for its lease to lapse. Returns how many were given back.
pub fn release_orphans(conn: &Connection, now: DateTime<Utc>) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE jobs SET status = CASE WHEN attempts >= coalesce(max_attempts, attempts + 1) THEN 'dead' ELSE 'pending' END,
             lease_until = NULL, run_at = min(run_at, ?1), updated_at = ?1,
             last_error = 'the process running it stopped before it finished'
         WHERE status = 'running'",
        [now.timestamp()],
    )
}

/// How long to wait before attempt `attempts + 1`, after `attempts` failed ones:
/// [`BACKOFF_BASE`] doubled per failure, capped at [`BACKOFF_CAP`], then moved by
/// `jitter` (a fraction in `[-1, 1]`) times a fifth of itself so retries spread out, and
/// never past the cap: a failing job is tried at least once an hour.
pub fn backoff(attempts: u32, jitter: f64) -> Duration {
    let exponent = attempts.saturating_sub(1).min(20);
    let cap = BACKOFF_CAP.num_seconds();
    let base = BACKOFF_BASE.num_seconds().saturating_mul(1 << exponent);
    let delay = base.min(cap) as f64;
    let jittered = delay + delay * 0.2 * jitter.clamp(-1.0, 1.0);
    Duration::seconds((jittered.round().max(1.0) as i64).min(cap))
}

/// A jitter fraction in `[-1, 1]`.
pub fn random_jitter() -> f64 {
    let [a, b] = crate::crypto::random_bytes::<2>();
    let value = u16::from_le_bytes([a, b]);
    f64::from(value) / f64::from(u16::MAX) * 2.0 - 1.0
}

/// How a failed attempt ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// Worth trying again: the job retries after [`backoff`] while its lifetime lasts.
    Retry,
    /// Trying again cannot help (the moment it was for has passed): the job is dead now.
    GiveUp,
}

/// How a failing job is retried: for how long, and how its pauses spread out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Retries {
    /// How long the job is retried, from when it was first due.
    pub lifetime: Duration,
    /// A fraction in `[-1, 1]` that moves the next pause (see [`backoff`]).
    pub jitter: f64,
}

/// Records a failed attempt of a claimed job: it runs again after [`backoff`], or is
/// marked dead when trying again cannot help, when it has used the attempts its cap
/// allows, or when `lifetime` since it was first due has passed. The last retry is moved
/// to the end of the lifetime rather than past it. Returns the job's new status, or
/// `None` when the job was no longer this worker's.
pub fn fail(
    conn: &Connection,
    id: i64,
    attempt: u32,
    error: &str,
    failure: Failure,
    now: DateTime<Utc>,
    retries: Retries,
) -> rusqlite::Result<Option<JobStatus>> {
    let Retries { lifetime, jitter } = retries;
    let error: String = error.chars().take(2000).collect();
    let found: Option<(Option<u32>, i64)> = conn
        .query_row(
            "SELECT max_attempts, due_at FROM jobs WHERE id = ?1 AND attempts = ?2 AND status = 'running'",
            params![id, attempt],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    let Some((max_attempts, due_at)) = found else {
        return Ok(None);
    };
    let gives_up_at = instant(due_at) + lifetime;
    let dead = match failure {
        Failure::GiveUp => Some(error.clone()),
        Failure::Retry if max_attempts.is_some_and(|cap| attempt >= cap) => Some(error.clone()),
        Failure::Retry if now >= gives_up_at => Some(format!(
            "gave up after {} of failures: {error}",
            describe_span(lifetime)
        )),
        Failure::Retry => None,
    };
    if let Some(last_error) = dead {
        conn.execute(
            "UPDATE jobs SET status = 'dead', lease_until = NULL, last_error = ?2, updated_at = ?3
             WHERE id = ?1",
            params![id, last_error, now.timestamp()],
        )?;
        return Ok(Some(JobStatus::Dead));
    }
    let run_at = (now + backoff(attempt, jitter)).min(gives_up_at);
    conn.execute(
        "UPDATE jobs SET status = 'pending', lease_until = NULL, last_error = ?2, run_at = ?3, updated_at = ?4
         WHERE id = ?1",
        params![id, error, run_at.timestamp(), now.timestamp()],
    )?;
    Ok(Some(JobStatus::Pending))
}

/// `3 days`, `36 hours`, `1 hour`: a lifetime in words.
fn describe_span(span: Duration) -> String {
    let hours = span.num_hours();
    if hours % 24 == 0 && hours >= 48 {
        format!("{} days", hours / 24)
    } else if hours == 1 {
        "1 hour".into()
    } else {
        format!("{hours} hours")
    }
}

/// Runs a job again now: a dead job starts afresh (no attempts, a new lifetime from now),
/// a failing one (pending after a failed attempt) skips the rest of its backoff. Returns
/// whether a dead or failing job had that id.
pub fn retry(conn: &Connection, id: i64, now: DateTime<Utc>) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "UPDATE jobs SET status = 'pending', attempts = CASE WHEN status = 'dead' THEN 0 ELSE attempts END,
             due_at = CASE WHEN status = 'dead' THEN ?2 ELSE due_at END,
             run_at = ?2, lease_until = NULL, updated_at = ?2
         WHERE id = ?1 AND (status = 'dead' OR (status = 'pending' AND attempts > 0))",
        params![id, now.timestamp()],
    )?;
    Ok(changed == 1)
}

/// Runs every dead job again (see [`retry`]). Returns their ids.
pub fn retry_dead(conn: &Connection, now: DateTime<Utc>) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "UPDATE jobs SET status = 'pending', attempts = 0, due_at = ?1, run_at = ?1,
             lease_until = NULL, updated_at = ?1
         WHERE status = 'dead' RETURNING id",
    )?;
    let mut ids: Vec<i64> = stmt
        .query_map([now.timestamp()], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    ids.sort_unstable();
    Ok(ids)
}

/// Removes the pending jobs whose dedupe key starts with `prefix`: timed work that a
/// change made moot (the follow-ups of a cancelled or moved meeting). Returns how many.
pub fn remove_pending(conn: &Connection, prefix: &str) -> rusqlite::Result<usize> {
    conn.execute(
        "DELETE FROM jobs WHERE status = 'pending' AND substr(dedupe_key, 1, length(?1)) = ?1",
        [prefix],
    )
}

/// When the worker next has something to do: the earliest pending run time or lease end.
pub fn next_due(conn: &Connection) -> rusqlite::Result<Option<DateTime<Utc>>> {
    next_due_where(conn, "1 = 1")
}

/// [`next_due`] in the given lanes only (the ones with room for another job).
pub fn next_due_in(conn: &Connection, lanes: &[Lane]) -> rusqlite::Result<Option<DateTime<Utc>>> {
    if lanes.is_empty() {
        return Ok(None);
    }
    let condition = lanes
        .iter()
        .map(|lane| format!("({})", lane.condition()))
        .collect::<Vec<_>>()
        .join(" OR ");
    next_due_where(conn, &condition)
}

fn next_due_where(conn: &Connection, condition: &str) -> rusqlite::Result<Option<DateTime<Utc>>> {
    let next: Option<i64> = conn.query_row(
        &format!(
            "SELECT min(t) FROM (
                 SELECT min(run_at) AS t FROM jobs WHERE status = 'pending' AND ({condition})
                 UNION ALL
                 SELECT min(lease_until) AS t FROM jobs WHERE status = 'running' AND ({condition})
             )"
        ),
        [],
        |row| row.get(0),
    )?;
    Ok(next.map(instant))
}

/// How many jobs of one kind are in each state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KindCounts {
    pub kind: String,
    /// Pending, never tried yet (due or not).
    pub waiting: u64,
    /// Pending after a failed attempt.
    pub failing: u64,
    pub running: u64,
    pub dead: u64,
}

/// Jobs not done, counted by kind and state, in kind order.
pub fn counts_by_kind(conn: &Connection) -> rusqlite::Result<Vec<KindCounts>> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind,
                sum(status = 'pending' AND attempts = 0),
                sum(status = 'pending' AND attempts > 0),
                sum(status = 'running'),
                sum(status = 'dead')
         FROM jobs WHERE status != 'done' GROUP BY kind ORDER BY kind",
    )?;
    let count = |row: &Row<'_>, index: usize| -> rusqlite::Result<u64> {
        Ok(u64::try_from(row.get::<_, i64>(index)?).unwrap_or(0))
    };
    stmt.query_map([], |row| {
        Ok(KindCounts {
            kind: row.get(0)?,
            waiting: count(row, 1)?,
            failing: count(row, 2)?,
            running: count(row, 3)?,
            dead: count(row, 4)?,
        })
    })?
    .collect()
}

/// For each lane with pending jobs due at `now`: when the longest-waiting of them fell
/// due. A lane that keeps up shows a moment ago; one behind shows how far.
pub fn oldest_due_by_lane(
    conn: &Connection,
    now: DateTime<Utc>,
) -> rusqlite::Result<Vec<(Lane, DateTime<Utc>)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT lane, min(run_at) FROM jobs WHERE status = 'pending' AND run_at <= ?1
         GROUP BY lane ORDER BY lane",
    )?;
    let rows: Vec<(String, i64)> = stmt
        .query_map([now.timestamp()], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut oldest: Vec<(Lane, DateTime<Utc>)> = Vec::new();
    for (lane, since) in rows {
        let (lane, since) = (Lane::parse(&lane), instant(since));
        match oldest.iter_mut().find(|(known, _)| *known == lane) {
            // Lanes this version does not know all count as the general lane.
            Some((_, earliest)) => *earliest = (*earliest).min(since),
            None => oldest.push((lane, since)),
        }
    }
    Ok(oldest)
}

/// When the longest-failing job still being retried was first due.
pub fn failing_since(conn: &Connection) -> rusqlite::Result<Option<DateTime<Utc>>> {
    let since: Option<i64> = conn.query_row(
        "SELECT min(due_at) FROM jobs WHERE status = 'pending' AND attempts > 0",
        [],
        |row| row.get(0),
    )?;
    Ok(since.map(instant))
}

pub fn by_id(conn: &Connection, id: i64) -> rusqlite::Result<Option<Job>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM jobs WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()
}

pub fn by_dedupe_key(conn: &Connection, key: &str) -> rusqlite::Result<Option<Job>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM jobs WHERE dedupe_key = ?1"),
        [key],
        from_row,
    )
    .optional()
}

/// Jobs in a status, oldest first: what an admin list shows.
pub fn list(conn: &Connection, status: JobStatus, limit: u32) -> rusqlite::Result<Vec<Job>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM jobs WHERE status = ?1 ORDER BY run_at, id LIMIT ?2"
    ))?;
    stmt.query_map(params![status.as_str(), limit], from_row)?
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::TransactionBehavior;
    use serde_json::json;

    fn t(seconds: i64) -> DateTime<Utc> {
        instant(1_800_000_000 + seconds)
    }

    fn conn() -> Connection {
        let conn = Connection::open_in_memory().unwrap_or_else(|err| panic!("{err}"));
        for sql in [
            include_str!("../../migrations/V4__jobs.sql"),
            "CREATE TABLE workflow_steps (id INTEGER PRIMARY KEY, action TEXT NOT NULL);",
            include_str!("../../migrations/V12__job_lanes_and_lifetime.sql"),
        ] {
            conn.execute_batch(sql)
                .unwrap_or_else(|err| panic!("{err}"));
        }
        conn
    }

    fn retries() -> Retries {
        Retries {
            lifetime: DEFAULT_LIFETIME,
            jitter: 0.0,
        }
    }

    fn claim_now(conn: &mut Connection, now: DateTime<Utc>) -> Vec<Job> {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .unwrap_or_else(|err| panic!("{err}"));
        let jobs = claim(&tx, now, Duration::minutes(5), 10).unwrap_or_else(|err| panic!("{err}"));
        tx.commit().unwrap_or_else(|err| panic!("{err}"));
        jobs
    }

    #[test]
    fn the_migration_files_queued_jobs_into_lanes_and_lifetimes() {
        let conn = Connection::open_in_memory().unwrap_or_else(|err| panic!("{err}"));
        conn.execute_batch(include_str!("../../migrations/V4__jobs.sql"))
            .unwrap_or_else(|err| panic!("{err}"));
        conn.execute_batch(
            "CREATE TABLE workflow_steps (id INTEGER PRIMARY KEY, action TEXT NOT NULL);
             INSERT INTO workflow_steps VALUES (1, 'SMS_NUMBER'), (2, 'EMAIL_HOST');
             INSERT INTO jobs (kind, payload, status, run_at, attempts, max_attempts, created_at, updated_at) VALUES
                 ('email', '{}', 'pending', 100, 0, 8, 50, 50),
                 ('email', '{}', 'pending', 900, 3, 8, 50, 400),
                 ('workflow', '{\"stepId\": 1}', 'pending', 100, 0, 8, 50, 50),
                 ('workflow', '{\"stepId\": 2}', 'pending', 100, 0, 8, 50, 50),
                 ('webhook', '{}', 'pending', 100, 0, 8, 50, 50),
                 ('audit_retention', '{}', 'pending', 100, 0, 3, 50, 50);",
        )
        .unwrap_or_else(|err| panic!("{err}"));
        conn.execute_batch(include_str!(
            "../../migrations/V12__job_lanes_and_lifetime.sql"
        ))
        .unwrap_or_else(|err| panic!("{err}"));
        let jobs: Vec<(Lane, i64, Option<u32>)> = (1..=6)
            .filter_map(|id| by_id(&conn, id).ok().flatten())
            .map(|job| (job.lane, job.due_at.timestamp(), job.max_attempts))
            .collect();
        assert_eq!(
            jobs,
            [
                (Lane::Email, 100, None),
                (Lane::Email, 400, None),
                (Lane::Sms, 100, None),
                (Lane::Workflow, 100, None),
                (Lane::Webhooks, 100, None),
                (Lane::General, 100, Some(3)),
            ]
        );
    }

    #[test]
    fn health_counts_by_kind_and_finds_the_oldest_due_and_failing() {
        let mut conn = conn();
        let payload = json!({});
        for (kind, lane, run_at) in [
            ("email", Lane::Email, t(0)),
            ("email", Lane::Email, t(10)),
            ("email", Lane::Email, t(500)),
            ("webhook", Lane::Webhooks, t(20)),
        ] {
            enqueue(&conn, &NewJob::new(kind, &payload, run_at).lane(lane), t(0)).ok();
        }
        let first = claim_now(&mut conn, t(0)).remove(0);
        fail(&conn, first.id, 1, "down", Failure::Retry, t(0), retries()).ok();

        let counts = counts_by_kind(&conn).unwrap_or_default();
        let email = KindCounts {
            kind: "email".into(),
            waiting: 2,
            failing: 1,
            running: 0,
            dead: 0,
        };
        let webhook = KindCounts {
            kind: "webhook".into(),
            waiting: 1,
            ..KindCounts::default()
        };
        assert_eq!(counts, [email, webhook]);
        assert_eq!(
            oldest_due_by_lane(&conn, t(100)).unwrap_or_default(),
            [(Lane::Email, t(10)), (Lane::Webhooks, t(20))],
            "the failing job waits for its retry at t(30)"
        );
        assert_eq!(failing_since(&conn).ok().flatten(), Some(t(0)));
    }

    #[test]
    fn dedupe_key_adds_a_job_once() {
        let conn = conn();
        let payload = json!({"event": 1});
        let job = NewJob::new("notify", &payload, t(0)).dedupe_key("booking-event:1");
        assert!(enqueue(&conn, &job, t(0)).ok().flatten().is_some());
        assert_eq!(enqueue(&conn, &job, t(1)).ok().flatten(), None);
        let count: i64 = conn
            .query_row("SELECT count(*) FROM jobs", [], |r| r.get(0))
            .unwrap_or_default();
        assert_eq!(count, 1);
    }

    #[test]
    fn claims_only_due_jobs_and_only_once() {
        let mut conn = conn();
        let payload = json!({});
        enqueue(&conn, &NewJob::new("a", &payload, t(0)), t(0)).ok();
        enqueue(&conn, &NewJob::new("b", &payload, t(100)), t(0)).ok();
        let first = claim_now(&mut conn, t(10));
        assert_eq!(first.len(), 1);
        assert_eq!(first[0].kind, "a");
        assert_eq!(first[0].attempts, 1);
        assert_eq!(first[0].status, JobStatus::Running);
        assert!(
            claim_now(&mut conn, t(20)).is_empty(),
            "leased jobs are not claimed again"
        );
        assert_eq!(next_due(&conn).ok().flatten(), Some(t(100)));
        assert!(complete(&conn, first[0].id, 1, t(30)).unwrap_or(false));
        let done = by_id(&conn, first[0].id).ok().flatten();
        assert_eq!(done.map(|j| j.status), Some(JobStatus::Done));
    }

    #[test]
    fn a_lapsed_lease_is_taken_over_and_the_old_claim_cannot_complete() {
        let mut conn = conn();
        let payload = json!({});
        enqueue(&conn, &NewJob::new("a", &payload, t(0)), t(0)).ok();
        let first = claim_now(&mut conn, t(0));
        assert_eq!(first.len(), 1);
        assert!(claim_now(&mut conn, t(299)).is_empty());
        let again = claim_now(&mut conn, t(300));
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].attempts, 2);
        assert!(!complete(&conn, first[0].id, 1, t(301)).unwrap_or(true));
        assert!(complete(&conn, again[0].id, 2, t(302)).unwrap_or(false));
    }

    #[test]
    fn failures_back_off_then_the_job_dies_and_can_be_retried() {
        let mut conn = conn();
        let payload = json!({});
        let id = enqueue(
            &conn,
            &NewJob::new("a", &payload, t(0)).max_attempts(2),
            t(0),
        )
        .ok()
        .flatten()
        .unwrap_or_default();
        let job = claim_now(&mut conn, t(0)).remove(0);
        assert_eq!(
            fail(
                &conn,
                id,
                job.attempts,
                "smtp down",
                Failure::Retry,
                t(1),
                retries()
            )
            .ok()
            .flatten(),
            Some(JobStatus::Pending)
        );
        let pending = by_id(&conn, id)
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("job"));
        assert_eq!(pending.run_at, t(1) + BACKOFF_BASE);
        assert_eq!(pending.last_error.as_deref(), Some("smtp down"));
        assert!(claim_now(&mut conn, t(30)).is_empty());
        let job = claim_now(&mut conn, t(31)).remove(0);
        assert_eq!(
            fail(
                &conn,
                id,
                job.attempts,
                "still down",
                Failure::Retry,
                t(32),
                retries()
            )
            .ok()
            .flatten(),
            Some(JobStatus::Dead)
        );
        assert!(
            claim_now(&mut conn, t(100_000)).is_empty(),
            "dead jobs stay dead"
        );
        assert_eq!(next_due(&conn).ok().flatten(), None);
        assert_eq!(
            list(&conn, JobStatus::Dead, 10).map(|l| l.len()).ok(),
            Some(1)
        );
        assert!(retry(&conn, id, t(200)).unwrap_or(false));
        let job = claim_now(&mut conn, t(200)).remove(0);
        assert_eq!(job.attempts, 1);
        assert_eq!(job.last_error.as_deref(), Some("still down"));

        // A failing job skips its backoff and keeps its count; a running one is left alone.
        assert!(!retry(&conn, id, t(201)).unwrap_or(true), "running");
        fail(
            &conn,
            id,
            job.attempts,
            "down again",
            Failure::Retry,
            t(202),
            retries(),
        )
        .ok();
        assert!(claim_now(&mut conn, t(203)).is_empty(), "backing off");
        assert!(retry(&conn, id, t(203)).unwrap_or(false));
        let job = claim_now(&mut conn, t(203)).remove(0);
        assert_eq!(job.attempts, 2);
    }

    #[test]
    fn failures_retry_for_the_lifetime_then_die_saying_why() {
        let mut conn = conn();
        let payload = json!({});
        let id = enqueue(&conn, &NewJob::new("a", &payload, t(0)), t(0))
            .ok()
            .flatten()
            .unwrap_or_default();
        let lifetime = Duration::hours(10);
        let retries = Retries {
            lifetime,
            jitter: 0.0,
        };
        let mut now = t(0);
        let mut attempts = 0;
        loop {
            let Some(job) = claim_now(&mut conn, now).pop() else {
                panic!("the job is due at {now}");
            };
            attempts += 1;
            let status = fail(
                &conn,
                id,
                job.attempts,
                "421 down",
                Failure::Retry,
                now,
                retries,
            )
            .ok()
            .flatten();
            let job = by_id(&conn, id)
                .ok()
                .flatten()
                .unwrap_or_else(|| panic!("job"));
            if status == Some(JobStatus::Dead) {
                assert_eq!(
                    now,
                    t(0) + lifetime,
                    "the last try is at the lifetime's end"
                );
                assert_eq!(
                    job.last_error.as_deref(),
                    Some("gave up after 10 hours of failures: 421 down")
                );
                break;
            }
            assert!(job.run_at - now <= BACKOFF_CAP, "{job:?}");
            assert!(job.run_at <= t(0) + lifetime, "{job:?}");
            now = job.run_at;
        }
        // 30 s, 1, 2, 4, 8, 16, 32 min, then hourly: far more than the old 8 tries.
        assert!(attempts > 12, "{attempts}");

        // A job that cannot be helped by trying again dies at once, with its reason.
        let id = enqueue(&conn, &NewJob::new("a", &payload, now), now)
            .ok()
            .flatten()
            .unwrap_or_default();
        let job = claim_now(&mut conn, now).remove(0);
        assert_eq!(
            fail(
                &conn,
                id,
                job.attempts,
                "too late",
                Failure::GiveUp,
                now,
                retries
            )
            .ok()
            .flatten(),
            Some(JobStatus::Dead)
        );

        // Retrying dead jobs in bulk gives each a fresh lifetime from now.
        let later = now + Duration::days(2);
        let retried = retry_dead(&conn, later).unwrap_or_default();
        assert_eq!(retried.len(), 2);
        for id in retried {
            let job = by_id(&conn, id)
                .ok()
                .flatten()
                .unwrap_or_else(|| panic!("job"));
            assert_eq!(
                (job.status, job.attempts, job.due_at, job.run_at),
                (JobStatus::Pending, 0, later, later)
            );
        }
    }

    #[test]
    fn a_lease_lapsing_on_the_last_attempt_kills_the_job() {
        let mut conn = conn();
        let payload = json!({});
        let id = enqueue(
            &conn,
            &NewJob::new("a", &payload, t(0)).max_attempts(1),
            t(0),
        )
        .ok()
        .flatten()
        .unwrap_or_default();
        assert_eq!(claim_now(&mut conn, t(0)).len(), 1);
        assert!(claim_now(&mut conn, t(1000)).is_empty());
        let job = by_id(&conn, id).ok().flatten().map(|j| j.status);
        assert_eq!(job, Some(JobStatus::Dead));
    }

    #[test]
    fn pending_jobs_are_removed_by_key_prefix_and_others_stay() {
        let mut conn = conn();
        let payload = json!({});
        for key in ["ended:7:1", "ended:7:2", "ended:70:1", "ended:8:1"] {
            enqueue(
                &conn,
                &NewJob::new("a", &payload, t(100)).dedupe_key(key),
                t(0),
            )
            .ok();
        }
        enqueue(
            &conn,
            &NewJob::new("a", &payload, t(0)).dedupe_key("ended:7:3"),
            t(0),
        )
        .ok();
        assert_eq!(claim_now(&mut conn, t(0)).len(), 1, "the running one stays");
        assert_eq!(remove_pending(&conn, "ended:7:").ok(), Some(2));
        let left: Vec<String> = conn
            .prepare("SELECT dedupe_key FROM jobs ORDER BY id")
            .and_then(|mut stmt| stmt.query_map([], |r| r.get(0))?.collect())
            .unwrap_or_default();
        assert_eq!(left, ["ended:70:1", "ended:8:1", "ended:7:3"]);
    }

    #[test]
    fn claims_are_renewed_or_given_back_cut_short_and_orphans_released() {
        let mut conn = conn();
        let payload = json!({});
        for _ in 0..4 {
            enqueue(&conn, &NewJob::new("a", &payload, t(0)), t(0)).ok();
        }
        let jobs = claim_now(&mut conn, t(0));
        assert_eq!(jobs.len(), 4);
        let lease = Duration::seconds(60);

        assert!(renew(&conn, jobs[0].id, 1, t(50), lease).unwrap_or(false));
        assert!(
            !renew(&conn, jobs[0].id, 2, t(50), lease).unwrap_or(true),
            "not this attempt"
        );
        let renewed = by_id(&conn, jobs[0].id)
            .ok()
            .flatten()
            .and_then(|j| j.lease_until);
        assert_eq!(renewed, Some(t(110)));

        assert!(release_interrupted(&conn, jobs[2].id, 1, "stopped", t(60)).unwrap_or(false));
        let cut = by_id(&conn, jobs[2].id).ok().flatten();
        assert_eq!(
            cut.map(|j| (j.status, j.attempts, j.run_at, j.last_error)),
            Some((JobStatus::Pending, 1, t(0), Some("stopped".into())))
        );

        // Jobs 0, 1 and 3 are still marked running when the process dies.
        assert_eq!(release_orphans(&conn, t(70)).ok(), Some(3));
        let again = claim_now(&mut conn, t(70));
        assert_eq!(again.len(), 4, "every job is due again at once");
    }

    #[test]
    fn backoff_doubles_is_capped_and_jitters_within_a_fifth() {
        assert_eq!(backoff(1, 0.0), Duration::seconds(30));
        assert_eq!(backoff(2, 0.0), Duration::seconds(60));
        assert_eq!(backoff(4, 0.0), Duration::seconds(240));
        assert_eq!(
            backoff(8, 0.0),
            Duration::seconds(3600),
            "30 s doubled up to an hour"
        );
        assert_eq!(backoff(40, 0.0), BACKOFF_CAP);
        assert_eq!(BACKOFF_CAP, Duration::hours(1));
        assert_eq!(backoff(40, 1.0), BACKOFF_CAP, "jitter never passes the cap");
        assert_eq!(backoff(40, -1.0), Duration::minutes(48));
        assert_eq!(backoff(1, 1.0), Duration::seconds(36));
        assert_eq!(backoff(1, -1.0), Duration::seconds(24));
        for _ in 0..100 {
            let jitter = random_jitter();
            assert!((-1.0..=1.0).contains(&jitter));
        }
    }
}

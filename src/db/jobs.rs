//! The `jobs` table: the rows of the durable queue. When a job runs, how long its claim
//! holds, when it is retried and which lane takes it is decided by the queue; this module
//! only reads and writes the rows. Lanes are the names stored in the `lane` column.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value;

use super::{instant, json_column, to_json};

/// Where a job is in its life.
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

/// A lane as the queue knows it: written to the `lane` column as its name, and read back
/// from it (a name the queue does not know reads as some lane too). A new job runs in the
/// default lane unless it says otherwise.
pub trait LaneName: Copy + Default {
    fn name(self) -> &'static str;
    fn from_name(name: &str) -> Self;
}

/// One job as stored, in lanes of type `L`.
#[derive(Debug, Clone, PartialEq)]
pub struct Job<L> {
    pub id: i64,
    pub kind: String,
    pub payload: Value,
    pub dedupe_key: Option<String>,
    pub lane: L,
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

impl<L> Job<L> {
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
pub struct NewJob<'a, L> {
    pub kind: &'a str,
    pub payload: &'a Value,
    pub run_at: DateTime<Utc>,
    /// When set, a second job with the same key is not added.
    pub dedupe_key: Option<&'a str>,
    /// When set, the job is dead after this many attempts even within its lifetime.
    pub max_attempts: Option<u32>,
    /// Which lane runs it: what it talks to. The default lane unless set.
    pub lane: L,
}

impl<'a, L: LaneName> NewJob<'a, L> {
    /// A job of `kind` due at `run_at`, retried until its lifetime ends.
    pub fn new(kind: &'a str, payload: &'a Value, run_at: DateTime<Utc>) -> Self {
        Self {
            kind,
            payload,
            run_at,
            dedupe_key: None,
            max_attempts: None,
            lane: L::default(),
        }
    }

    pub fn lane(mut self, lane: L) -> Self {
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

/// Which lane names a query takes. Names are the queue's constants, plain words that are
/// written into the statement as they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LaneMatch {
    /// Rows stored with this lane name.
    Named(&'static str),
    /// Rows whose lane is none of these names: the lane that takes unknown names.
    NoneOf(Vec<&'static str>),
}

impl LaneMatch {
    /// The condition on the `lane` column that selects these rows.
    pub fn condition(&self) -> String {
        match self {
            LaneMatch::Named(name) => format!("lane = '{name}'"),
            LaneMatch::NoneOf(names) => {
                let quoted: Vec<String> = names.iter().map(|name| format!("'{name}'")).collect();
                format!("lane NOT IN ({})", quoted.join(", "))
            }
        }
    }
}

/// The condition for rows of any of `lanes`; every row when `lanes` is `None`.
fn lanes_condition(lanes: Option<&[LaneMatch]>) -> String {
    match lanes {
        None => "1 = 1".to_string(),
        Some(lanes) => lanes
            .iter()
            .map(|lane| format!("({})", lane.condition()))
            .collect::<Vec<_>>()
            .join(" OR "),
    }
}

const COLUMNS: &str = "id, kind, payload, dedupe_key, status, run_at, attempts, max_attempts, \
last_error, lease_until, created_at, updated_at, lane, due_at";

fn from_row<L: LaneName>(row: &rusqlite::Row<'_>) -> rusqlite::Result<Job<L>> {
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
        lane: L::from_name(&row.get::<_, String>(12)?),
        due_at: instant(row.get(13)?),
    })
}

/// Adds a pending row. Returns its id, or `None` when a row with the same dedupe key is
/// already there.
pub fn insert<L: LaneName>(
    conn: &Connection,
    job: &NewJob<'_, L>,
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
            job.lane.name(),
        ],
    )?;
    Ok((added == 1).then(|| conn.last_insert_rowid()))
}

/// Marks dead the running rows whose lease ended by `now` on the last attempt their cap
/// allows. Rows without a cap are left alone.
pub fn kill_lapsed_last_attempts(conn: &Connection, now: DateTime<Utc>) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE jobs SET status = 'dead', lease_until = NULL, updated_at = ?1,
             last_error = 'the worker running it stopped before it finished'
         WHERE status = 'running' AND lease_until <= ?1 AND attempts >= max_attempts",
        // (A NULL cap compares as unknown: such jobs are never killed here.)
        [now.timestamp()],
    )
}

/// The ids of up to `limit` rows of `lane` (any lane for `None`) that may start at `now`:
/// pending ones whose run time has come and running ones whose lease ended, in run order.
pub fn due_ids(
    conn: &Connection,
    now: DateTime<Utc>,
    lane: Option<&LaneMatch>,
    limit: u32,
) -> rusqlite::Result<Vec<i64>> {
    let condition = lanes_condition(lane.map(std::slice::from_ref));
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id FROM jobs
         WHERE ({condition}) AND ((status = 'pending' AND run_at <= ?1)
            OR (status = 'running' AND lease_until <= ?1))
         ORDER BY run_at, id LIMIT ?2"
    ))?;
    stmt.query_map(params![now.timestamp(), limit], |row| row.get(0))?
        .collect()
}

/// Marks row `id` running until `lease_until` and counts the attempt. Returns the row.
pub fn start_attempt<L: LaneName>(
    conn: &Connection,
    id: i64,
    lease_until: DateTime<Utc>,
    now: DateTime<Utc>,
) -> rusqlite::Result<Job<L>> {
    conn.query_row(
        &format!(
            "UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_until = ?2, updated_at = ?3
             WHERE id = ?1 RETURNING {COLUMNS}"
        ),
        params![id, lease_until.timestamp(), now.timestamp()],
        from_row,
    )
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

/// Moves the lease of row `id` to `lease_until` if it is still running `attempt`.
/// Returns whether it was.
pub fn renew(
    conn: &Connection,
    id: i64,
    attempt: u32,
    lease_until: DateTime<Utc>,
) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "UPDATE jobs SET lease_until = ?3 WHERE id = ?1 AND attempts = ?2 AND status = 'running'",
        params![id, attempt, lease_until.timestamp()],
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

/// The attempt cap and first due time of row `id`, if it is still running `attempt`.
pub fn running_attempt(
    conn: &Connection,
    id: i64,
    attempt: u32,
) -> rusqlite::Result<Option<(Option<u32>, DateTime<Utc>)>> {
    conn.query_row(
        "SELECT max_attempts, due_at FROM jobs WHERE id = ?1 AND attempts = ?2 AND status = 'running'",
        params![id, attempt],
        |row| Ok((row.get(0)?, instant(row.get(1)?))),
    )
    .optional()
}

/// Gives back attempt `attempt` of row `id` uncounted, to run again at `run_at`: the job
/// waited for something to be ready, it did not fail. Returns whether the row was that
/// running attempt.
pub fn postpone(
    conn: &Connection,
    id: i64,
    attempt: u32,
    run_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> rusqlite::Result<bool> {
    Ok(conn.execute(
        "UPDATE jobs SET status = 'pending', lease_until = NULL, attempts = attempts - 1,
                run_at = ?3, updated_at = ?4
         WHERE id = ?1 AND attempts = ?2 AND status = 'running'",
        params![id, attempt, run_at.timestamp(), now.timestamp()],
    )? == 1)
}

/// Marks row `id` dead with `last_error`.
pub fn mark_dead(
    conn: &Connection,
    id: i64,
    last_error: &str,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE jobs SET status = 'dead', lease_until = NULL, last_error = ?2, updated_at = ?3
         WHERE id = ?1",
        params![id, last_error, now.timestamp()],
    )?;
    Ok(())
}

/// Makes row `id` pending again at `run_at`, with `last_error`.
pub fn reschedule(
    conn: &Connection,
    id: i64,
    last_error: &str,
    run_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE jobs SET status = 'pending', lease_until = NULL, last_error = ?2, run_at = ?3, updated_at = ?4
         WHERE id = ?1",
        params![id, last_error, run_at.timestamp(), now.timestamp()],
    )?;
    Ok(())
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

/// The earliest pending run time or running lease end among rows of `lanes` (of every
/// lane for `None`).
pub fn next_due(
    conn: &Connection,
    lanes: Option<&[LaneMatch]>,
) -> rusqlite::Result<Option<DateTime<Utc>>> {
    let condition = lanes_condition(lanes);
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
    let count = |row: &rusqlite::Row<'_>, index: usize| -> rusqlite::Result<u64> {
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

/// For each lane name with pending rows due at `now`, the earliest of their run times,
/// in name order.
pub fn oldest_due_by_lane_name(
    conn: &Connection,
    now: DateTime<Utc>,
) -> rusqlite::Result<Vec<(String, DateTime<Utc>)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT lane, min(run_at) FROM jobs WHERE status = 'pending' AND run_at <= ?1
         GROUP BY lane ORDER BY lane",
    )?;
    stmt.query_map([now.timestamp()], |row| {
        Ok((row.get(0)?, instant(row.get(1)?)))
    })?
    .collect()
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

pub fn by_id<L: LaneName>(conn: &Connection, id: i64) -> rusqlite::Result<Option<Job<L>>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM jobs WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()
}

pub fn by_dedupe_key<L: LaneName>(
    conn: &Connection,
    key: &str,
) -> rusqlite::Result<Option<Job<L>>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM jobs WHERE dedupe_key = ?1"),
        [key],
        from_row,
    )
    .optional()
}

/// Up to `limit` rows in `status`, in run order.
pub fn list<L: LaneName>(
    conn: &Connection,
    status: JobStatus,
    limit: u32,
) -> rusqlite::Result<Vec<Job<L>>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM jobs WHERE status = ?1 ORDER BY run_at, id LIMIT ?2"
    ))?;
    stmt.query_map(params![status.as_str(), limit], from_row)?
        .collect()
}

//! The queue's rows: enqueue, claim with a lease, complete, fail with backoff, retry.
//!
//! Every function takes a connection or transaction and `now`, so callers decide which
//! transaction a job belongs to (a booking change enqueues inside its own) and tests
//! decide what time it is. The statements are in [`crate::db::jobs`]; what is decided
//! here is when a job runs, in which lane, and when it is given up.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, Transaction};

use crate::db::jobs as store;
use crate::jobs::Lane;

pub use crate::db::jobs::{
    JobStatus, KindCounts, complete, counts_by_kind, failing_since, release_interrupted,
    release_orphans, remove_pending, retry, retry_dead,
};

/// How long a failing job is retried, counted from when it was first due, unless the
/// configuration says otherwise (`job_retry_hours`): mail servers keep trying for days.
pub const DEFAULT_LIFETIME: Duration = Duration::days(3);
/// The first retry waits this long; each further one twice as long.
pub const BACKOFF_BASE: Duration = Duration::seconds(30);
/// No retry waits longer than this, so a server back after a long outage gets what waited
/// within the hour.
pub const BACKOFF_CAP: Duration = Duration::hours(1);

/// One job as stored.
pub type Job = store::Job<Lane>;

/// A job to add: [`Lane::General`] unless it says otherwise.
pub type NewJob<'a> = store::NewJob<'a, Lane>;

/// Adds a job. Call it inside the transaction of the change that causes the job, so both
/// are kept or neither is. Returns the new job's id, or `None` when a job with the same
/// dedupe key already exists.
pub fn enqueue(
    conn: &Connection,
    job: &NewJob<'_>,
    now: DateTime<Utc>,
) -> rusqlite::Result<Option<i64>> {
    store::insert(conn, job, now)
}

/// Claims up to `limit` jobs of any lane that are due at `now`: see [`claim_lane`].
pub fn claim(
    tx: &Transaction<'_>,
    now: DateTime<Utc>,
    lease: Duration,
    limit: u32,
) -> rusqlite::Result<Vec<Job>> {
    claim_in(tx, now, lease, None, limit)
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
    claim_in(tx, now, lease, Some(&lane.matching()), limit)
}

fn claim_in(
    tx: &Transaction<'_>,
    now: DateTime<Utc>,
    lease: Duration,
    lane: Option<&store::LaneMatch>,
    limit: u32,
) -> rusqlite::Result<Vec<Job>> {
    store::kill_lapsed_last_attempts(tx, now)?;
    let ids = store::due_ids(tx, now, lane, limit)?;
    let lease_until = now + lease;
    let mut claimed = Vec::with_capacity(ids.len());
    for id in ids {
        claimed.push(store::start_attempt(tx, id, lease_until, now)?);
    }
    Ok(claimed)
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
    store::renew(conn, id, attempt, now + lease)
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

/// Gives back a claimed job's attempt uncounted, to run again at `run_at`: it waited for
/// something to be ready and did not fail. Returns whether the attempt was still this
/// worker's.
pub fn postpone(
    conn: &Connection,
    id: i64,
    attempt: u32,
    run_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> rusqlite::Result<bool> {
    store::postpone(conn, id, attempt, run_at, now)
}

/// How a failed attempt ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// Worth trying again: the job retries after [`backoff`] while its lifetime lasts.
    Retry,
    /// As `Retry`, but not sooner than this pause (the receiver asked for it).
    RetryAfter(Duration),
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
    let Some((max_attempts, due_at)) = store::running_attempt(conn, id, attempt)? else {
        return Ok(None);
    };
    let gives_up_at = due_at + lifetime;
    let dead = match failure {
        Failure::GiveUp => Some(error.clone()),
        Failure::Retry | Failure::RetryAfter(_)
            if max_attempts.is_some_and(|cap| attempt >= cap) =>
        {
            Some(error.clone())
        }
        Failure::Retry | Failure::RetryAfter(_) if now >= gives_up_at => Some(format!(
            "gave up after {} of failures: {error}",
            describe_span(lifetime)
        )),
        Failure::Retry | Failure::RetryAfter(_) => None,
    };
    if let Some(last_error) = dead {
        store::mark_dead(conn, id, &last_error, now)?;
        return Ok(Some(JobStatus::Dead));
    }
    let pause = match failure {
        Failure::RetryAfter(asked) => backoff(attempt, jitter).max(asked),
        _ => backoff(attempt, jitter),
    };
    let run_at = (now + pause).min(gives_up_at);
    store::reschedule(conn, id, &error, run_at, now)?;
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

/// When the worker next has something to do: the earliest pending run time or lease end.
pub fn next_due(conn: &Connection) -> rusqlite::Result<Option<DateTime<Utc>>> {
    store::next_due(conn, None)
}

/// [`next_due`] in the given lanes only (the ones with room for another job).
pub fn next_due_in(conn: &Connection, lanes: &[Lane]) -> rusqlite::Result<Option<DateTime<Utc>>> {
    if lanes.is_empty() {
        return Ok(None);
    }
    let lanes: Vec<store::LaneMatch> = lanes.iter().map(|lane| lane.matching()).collect();
    store::next_due(conn, Some(&lanes))
}

/// For each lane with pending jobs due at `now`: when the longest-waiting of them fell
/// due. A lane that keeps up shows a moment ago; one behind shows how far.
pub fn oldest_due_by_lane(
    conn: &Connection,
    now: DateTime<Utc>,
) -> rusqlite::Result<Vec<(Lane, DateTime<Utc>)>> {
    let mut oldest: Vec<(Lane, DateTime<Utc>)> = Vec::new();
    for (lane, since) in store::oldest_due_by_lane_name(conn, now)? {
        let lane = Lane::parse(&lane);
        match oldest.iter_mut().find(|(known, _)| *known == lane) {
            // Lanes this version does not know all count as the general lane.
            Some((_, earliest)) => *earliest = (*earliest).min(since),
            None => oldest.push((lane, since)),
        }
    }
    Ok(oldest)
}

pub fn by_id(conn: &Connection, id: i64) -> rusqlite::Result<Option<Job>> {
    store::by_id(conn, id)
}

pub fn by_dedupe_key(conn: &Connection, key: &str) -> rusqlite::Result<Option<Job>> {
    store::by_dedupe_key(conn, key)
}

/// Jobs in a status, oldest first: what an admin list shows.
pub fn list(conn: &Connection, status: JobStatus, limit: u32) -> rusqlite::Result<Vec<Job>> {
    store::list(conn, status, limit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::instant;
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
    fn a_receiver_that_asks_for_a_pause_gets_it_but_never_less_than_the_backoff() {
        let mut conn = conn();
        let payload = json!({});
        let id = enqueue(&conn, &NewJob::new("a", &payload, t(0)), t(0))
            .ok()
            .flatten()
            .unwrap_or_default();
        let job = claim_now(&mut conn, t(0)).remove(0);
        let asked = Duration::minutes(10);
        let status = fail(
            &conn,
            id,
            job.attempts,
            "429",
            Failure::RetryAfter(asked),
            t(1),
            retries(),
        );
        assert_eq!(status.ok().flatten(), Some(JobStatus::Pending));
        let pending = by_id(&conn, id)
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("job"));
        assert_eq!(pending.run_at, t(1) + asked);

        let job = claim_now(&mut conn, pending.run_at).remove(0);
        let short = Duration::seconds(1);
        let status = fail(
            &conn,
            id,
            job.attempts,
            "429",
            Failure::RetryAfter(short),
            t(2),
            retries(),
        );
        assert_eq!(status.ok().flatten(), Some(JobStatus::Pending));
        let pending = by_id(&conn, id)
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("job"));
        assert_eq!(
            pending.run_at,
            t(2) + backoff(2, 0.0),
            "the backoff is the least pause"
        );
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

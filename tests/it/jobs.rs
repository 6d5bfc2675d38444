//! The durable job queue: the worker on a real database, across restarts and a worker
//! that died holding jobs, with a fixed clock driving time.

use std::sync::{Arc, Mutex};
use std::time::{Duration as StdDuration, Instant};

use chrono::Duration;
use kairos::clock::{Clock as _, FixedClock};
use kairos::db::{Db, DbError};
use kairos::instance::Instance;
use kairos::jobs::{
    Handlers, JobFailure, JobStatus, Lane, LaneLimits, NewJob, Waker, Worker, WorkerOptions, queue,
};
use reqwest::StatusCode;
use serde_json::json;

use crate::api::{booking, clinic};
use crate::support::*;

/// Opens (or reopens) the database of a data directory, as a starting server does.
fn open(dir: &tempfile::TempDir) -> Db {
    let config = config_for(&dir.path().join("data"));
    Instance::open(&config, t0()).expect("instance opens").db
}

type Runs = Arc<Mutex<Vec<i64>>>;

/// Handlers that record which job ran; jobs whose payload says `"fail": n` fail their
/// first n attempts.
fn recording(runs: &Runs) -> Handlers {
    let runs = runs.clone();
    Handlers::new().on("test", move |job| {
        let runs = runs.clone();
        async move {
            runs.lock().unwrap_or_else(|p| p.into_inner()).push(job.id);
            let fail = job.payload["fail"].as_u64().unwrap_or(0);
            if u64::from(job.attempts) <= fail {
                return Err(JobFailure::new(format!("attempt {} refused", job.attempts)));
            }
            Ok(())
        }
    })
}

async fn enqueue(
    db: &Db,
    payload: serde_json::Value,
    run_at: chrono::DateTime<chrono::Utc>,
) -> i64 {
    db.write(move |tx| -> Result<_, DbError> {
        Ok(queue::enqueue(
            tx,
            &NewJob::new("test", &payload, run_at),
            t0(),
        )?)
    })
    .await
    .expect("enqueued")
    .expect("a new job")
}

async fn status_of(db: &Db, id: i64) -> queue::Job {
    db.read(move |conn| -> Result<_, DbError> { Ok(queue::by_id(conn, id)?) })
        .await
        .expect("read")
        .expect("job exists")
}

/// Waits (in real time, briefly) until every job in `ids` has `status`.
async fn wait_for(db: &Db, ids: &[i64], status: JobStatus) {
    let deadline = Instant::now() + StdDuration::from_secs(20);
    loop {
        let mut all = true;
        for id in ids {
            all &= status_of(db, *id).await.status == status;
        }
        if all {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "jobs {ids:?} never became {status:?}"
        );
        tokio::time::sleep(StdDuration::from_millis(20)).await;
    }
}

/// Waits until job `id` has `status` after `attempts` attempts.
async fn wait_for_attempt(db: &Db, id: i64, status: JobStatus, attempts: u32) {
    let deadline = Instant::now() + StdDuration::from_secs(20);
    loop {
        let job = status_of(db, id).await;
        if job.status == status && job.attempts == attempts {
            return;
        }
        assert!(Instant::now() < deadline, "job {id} stayed at {job:?}");
        tokio::time::sleep(StdDuration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn pending_jobs_run_exactly_once_across_a_restart_and_a_dead_workers_lease() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = Arc::new(FixedClock::new(t0()));
    let runs: Runs = Arc::default();
    let db = open(&dir);
    let later: Vec<i64> = {
        let mut ids = Vec::new();
        for n in 0..5 {
            ids.push(enqueue(&db, json!({ "n": n }), t0() + Duration::hours(1)).await);
        }
        ids
    };
    let now_due = enqueue(&db, json!({}), t0()).await;

    let waker = Waker::new();
    let worker = Worker::spawn(db.clone(), clock.clone(), recording(&runs), waker.clone());
    wait_for(&db, &[now_due], JobStatus::Done).await;
    for id in &later {
        assert_eq!(
            status_of(&db, *id).await.status,
            JobStatus::Pending,
            "not due yet"
        );
    }
    worker.stop().await;
    drop(db);

    // A process that claimed one job and died: its lease holds until it lapses.
    clock.advance(Duration::hours(2));
    let db = open(&dir);
    let now = clock.now();
    let orphaned = db
        .write(move |tx| -> Result<_, DbError> {
            Ok(queue::claim(tx, now, kairos::jobs::LEASE, 1)?)
        })
        .await
        .expect("claim");
    assert_eq!(orphaned.len(), 1);
    let orphan = orphaned[0].id;

    let worker = Worker::spawn(db.clone(), clock.clone(), recording(&runs), waker.clone());
    let others: Vec<i64> = later.iter().copied().filter(|id| *id != orphan).collect();
    wait_for(&db, &others, JobStatus::Done).await;
    assert_eq!(status_of(&db, orphan).await.status, JobStatus::Running);

    clock.advance(kairos::jobs::LEASE);
    waker.wake();
    wait_for(&db, &[orphan], JobStatus::Done).await;
    assert_eq!(
        status_of(&db, orphan).await.attempts,
        2,
        "the lapsed claim counted"
    );
    worker.stop().await;

    let mut ran = runs.lock().unwrap_or_else(|p| p.into_inner()).clone();
    ran.sort_unstable();
    let mut expected = later.clone();
    expected.push(now_due);
    expected.sort_unstable();
    assert_eq!(ran, expected, "each job ran exactly once");
}

#[tokio::test]
async fn failing_jobs_back_off_on_the_clock_then_die_and_can_be_retried() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = Arc::new(FixedClock::new(t0()));
    let runs: Runs = Arc::default();
    let db = open(&dir);
    let flaky = enqueue(&db, json!({ "fail": 1 }), t0()).await;
    let hopeless = db
        .write(move |tx| -> Result<_, DbError> {
            let payload = json!({ "fail": 99 });
            Ok(queue::enqueue(
                tx,
                &NewJob::new("test", &payload, t0()).max_attempts(2),
                t0(),
            )?)
        })
        .await
        .expect("enqueued")
        .expect("new");
    let waker = Waker::new();
    let worker = Worker::spawn(db.clone(), clock.clone(), recording(&runs), waker.clone());

    wait_for_attempt(&db, flaky, JobStatus::Pending, 1).await;
    wait_for_attempt(&db, hopeless, JobStatus::Pending, 1).await;
    let waiting = status_of(&db, flaky).await;
    assert_eq!(waiting.attempts, 1);
    assert_eq!(waiting.last_error.as_deref(), Some("attempt 1 refused"));
    assert!(waiting.run_at > t0(), "the retry waits");

    clock.advance(Duration::minutes(1));
    waker.wake();
    wait_for(&db, &[flaky], JobStatus::Done).await;
    wait_for(&db, &[hopeless], JobStatus::Dead).await;
    assert_eq!(
        status_of(&db, hopeless).await.last_error.as_deref(),
        Some("attempt 2 refused")
    );

    let now = clock.now();
    let retried = db
        .write(move |tx| -> Result<_, DbError> { Ok(queue::retry(tx, hopeless, now)?) })
        .await
        .expect("retry");
    assert!(retried);
    waker.wake();
    // A retried job starts afresh: its first new attempt fails and waits again.
    wait_for_attempt(&db, hopeless, JobStatus::Pending, 1).await;
    worker.stop().await;
}

#[tokio::test]
async fn every_booking_change_enqueues_one_notification_that_the_worker_runs() {
    let (server, api, id) = clinic(json!({})).await;
    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-31T08:00:00Z", "pat@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let uid = made["data"]["uid"].as_str().expect("uid").to_string();
    let (status, _) = api
        .post(&format!("/api/v1/bookings/{uid}/cancel"), &json!({}))
        .await;
    assert_eq!(status, StatusCode::OK);

    let state = server.running.as_ref().expect("running").state.clone();
    state.jobs.wake();
    let keys = state
        .db
        .read(|conn| -> Result<Vec<(String, String)>, DbError> {
            let mut stmt = conn.prepare(
                "SELECT 'booking-event:' || e.id, j.dedupe_key FROM booking_events e
                 LEFT JOIN jobs j ON j.dedupe_key = 'booking-event:' || e.id ORDER BY e.id",
            )?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((
                        r.get(0)?,
                        r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                    ))
                })?
                .collect::<Result<_, _>>()?;
            Ok(rows)
        })
        .await
        .expect("read");
    assert_eq!(keys.len(), 2, "made and cancelled");
    for (event, job) in &keys {
        assert_eq!(event, job, "each booking event has its notification job");
    }
    let ids = state
        .db
        .read(|conn| -> Result<Vec<i64>, DbError> {
            let mut stmt = conn.prepare("SELECT id FROM jobs WHERE kind = 'notify'")?;
            let ids = stmt
                .query_map([], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            Ok(ids)
        })
        .await
        .expect("read");
    assert_eq!(ids.len(), 2);
    wait_for(&state.db, &ids, JobStatus::Done).await;
    server.stop().await;
}

#[tokio::test]
async fn a_job_whose_handler_panics_fails_alone_and_the_worker_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = Arc::new(FixedClock::new(t0()));
    let db = open(&dir);
    let panicking = enqueue(&db, json!({ "panic": true }), t0()).await;
    let next = enqueue(&db, json!({}), t0()).await;
    let handlers = Handlers::new().on("test", |job| async move {
        if job.payload["panic"] == json!(true) {
            panic!("a bug in a handler");
        }
        Ok(())
    });
    let worker = Worker::spawn(db.clone(), clock.clone(), handlers, Waker::new());
    wait_for(&db, &[next], JobStatus::Done).await;
    wait_for_attempt(&db, panicking, JobStatus::Pending, 1).await;
    let failed = status_of(&db, panicking).await;
    assert!(
        failed
            .last_error
            .as_deref()
            .unwrap_or_default()
            .contains("panicked"),
        "{failed:?}"
    );
    worker.stop().await;
}

/// Handlers whose jobs wait until `gate` opens (or forever), recording each start.
fn gated(runs: &Runs, gate: &Arc<tokio::sync::Notify>) -> Handlers {
    let (runs, gate) = (runs.clone(), gate.clone());
    Handlers::new().on("test", move |job| {
        let (runs, gate) = (runs.clone(), gate.clone());
        async move {
            runs.lock().unwrap_or_else(|p| p.into_inner()).push(job.id);
            gate.notified().await;
            Ok(())
        }
    })
}

fn started(runs: &Runs) -> Vec<i64> {
    runs.lock().unwrap_or_else(|p| p.into_inner()).clone()
}

async fn wait_until_started(runs: &Runs, count: usize) {
    let deadline = Instant::now() + StdDuration::from_secs(20);
    while started(runs).len() < count {
        assert!(Instant::now() < deadline, "{:?} started", started(runs));
        tokio::time::sleep(StdDuration::from_millis(20)).await;
    }
}

fn quick() -> WorkerOptions {
    WorkerOptions {
        heartbeat: StdDuration::from_millis(50),
        stop_grace: StdDuration::from_millis(200),
        ..WorkerOptions::default()
    }
}

async fn running_jobs(db: &Db) -> i64 {
    db.read(|conn| -> Result<i64, DbError> {
        Ok(conn.query_row(
            "SELECT count(*) FROM jobs WHERE status = 'running'",
            [],
            |r| r.get(0),
        )?)
    })
    .await
    .expect("count")
}

#[tokio::test]
async fn a_graceful_stop_leaves_no_job_running_and_every_one_due_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = Arc::new(FixedClock::new(t0()));
    let db = open(&dir);
    let mut ids = Vec::new();
    for n in 0..4 {
        ids.push(enqueue(&db, json!({ "n": n }), t0()).await);
    }
    let (runs, gate): (Runs, _) = (Arc::default(), Arc::new(tokio::sync::Notify::new()));
    // One attempt at a time: it hangs, and the other due jobs wait their turn.
    let one_at_a_time = WorkerOptions {
        lanes: LaneLimits::default().with(Lane::General, 1),
        ..quick()
    };
    let worker = Worker::spawn_with(
        db.clone(),
        clock.clone(),
        gated(&runs, &gate),
        Waker::new(),
        one_at_a_time,
    );
    wait_until_started(&runs, 1).await;
    let hung = started(&runs)[0];
    worker.stop().await;

    assert_eq!(running_jobs(&db).await, 0, "nothing is left running");
    for id in &ids {
        let job = status_of(&db, *id).await;
        assert_eq!(job.status, JobStatus::Pending, "{job:?}");
        assert!(job.run_at <= clock.now(), "due at once: {job:?}");
        if *id == hung {
            assert_eq!(job.attempts, 1, "the cut-short attempt counts");
            assert!(
                job.last_error
                    .as_deref()
                    .unwrap_or_default()
                    .contains("stopped"),
                "{job:?}"
            );
        } else {
            assert_eq!(job.attempts, 0, "never started, so no attempt: {job:?}");
            assert_eq!(job.last_error, None);
        }
    }

    // The next worker takes them all up at once, on the same clock.
    let runs: Runs = Arc::default();
    let worker = Worker::spawn_with(
        db.clone(),
        clock.clone(),
        recording(&runs),
        Waker::new(),
        quick(),
    );
    wait_for(&db, &ids, JobStatus::Done).await;
    worker.stop().await;
    let mut ran = started(&runs);
    ran.sort_unstable();
    assert_eq!(ran, ids);
}

#[tokio::test]
async fn a_dead_workers_claim_lapses_within_a_minute_while_a_live_one_is_renewed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = Arc::new(FixedClock::new(t0()));
    let db = open(&dir);
    let long = enqueue(&db, json!({}), t0()).await;
    let (runs, gate): (Runs, _) = (Arc::default(), Arc::new(tokio::sync::Notify::new()));
    let worker = Worker::spawn_with(
        db.clone(),
        clock.clone(),
        gated(&runs, &gate),
        Waker::new(),
        quick(),
    );
    wait_until_started(&runs, 1).await;

    // Ten minutes into the attempt the heartbeat still holds the claim: another process
    // looking at the queue finds nothing to take over.
    clock.advance(Duration::minutes(10));
    let deadline = Instant::now() + StdDuration::from_secs(20);
    while status_of(&db, long).await.lease_until <= Some(clock.now()) {
        assert!(Instant::now() < deadline, "the claim was never renewed");
        tokio::time::sleep(StdDuration::from_millis(20)).await;
    }
    let now = clock.now();
    let stolen = db
        .write(move |tx| -> Result<_, DbError> {
            Ok(queue::claim(tx, now, kairos::jobs::LEASE, 10)?)
        })
        .await
        .expect("claim");
    assert!(
        stolen.is_empty(),
        "a live claim is not taken over: {stolen:?}"
    );
    gate.notify_one();
    wait_for(&db, &[long], JobStatus::Done).await;

    worker.stop().await;

    // A process that claimed a job and died: no heartbeat renews its claim, and a minute
    // later the worker takes the job over.
    let orphan = enqueue(&db, json!({}), clock.now()).await;
    let now = clock.now();
    let claimed = db
        .write(move |tx| -> Result<_, DbError> {
            Ok(queue::claim(tx, now, kairos::jobs::LEASE, 1)?)
        })
        .await
        .expect("claim");
    assert_eq!(claimed.len(), 1);
    let (runs, waker): (Runs, _) = (Arc::default(), Waker::new());
    let worker = Worker::spawn_with(
        db.clone(),
        clock.clone(),
        recording(&runs),
        waker.clone(),
        quick(),
    );
    tokio::time::sleep(StdDuration::from_millis(300)).await;
    assert_eq!(status_of(&db, orphan).await.status, JobStatus::Running);
    assert!(kairos::jobs::LEASE <= Duration::minutes(1));
    clock.advance(kairos::jobs::LEASE);
    waker.wake();
    wait_for(&db, &[orphan], JobStatus::Done).await;
    assert_eq!(status_of(&db, orphan).await.attempts, 2);
    assert_eq!(started(&runs), [orphan]);
    worker.stop().await;
}

#[tokio::test]
async fn jobs_a_killed_server_left_running_run_again_at_the_next_start() {
    let dir = tempfile::tempdir().expect("tempdir");
    create_owner(&dir.path().join("data"));
    let db = open(&dir);
    // The process claimed a notification and died before finishing it (kill -9).
    let id = db
        .write(|tx| -> Result<_, DbError> {
            let payload = json!({ "bookingEventId": 999_999 });
            let job = NewJob::new(kairos::integrations::notify::NOTIFY_JOB, &payload, t0());
            queue::enqueue(tx, &job, t0())?;
            Ok(queue::claim(tx, t0(), kairos::jobs::LEASE, 1)?)
        })
        .await
        .expect("claimed")
        .first()
        .map(|job| job.id)
        .expect("one job");
    drop(db);

    // The clock has not moved: its lease still holds, yet the new server runs it now.
    let server = TestServer::start_in(dir, Arc::new(FixedClock::new(t0()))).await;
    let state = server.running.as_ref().expect("running").state.clone();
    wait_for(&state.db, &[id], JobStatus::Done).await;
    assert_eq!(status_of(&state.db, id).await.attempts, 2);
    server.stop().await;
}

async fn enqueue_in(
    db: &Db,
    kind: &'static str,
    lane: Lane,
    run_at: chrono::DateTime<chrono::Utc>,
) -> i64 {
    db.write(move |tx| -> Result<_, DbError> {
        let payload = json!({});
        Ok(queue::enqueue(
            tx,
            &NewJob::new(kind, &payload, run_at).lane(lane),
            t0(),
        )?)
    })
    .await
    .expect("enqueued")
    .expect("a new job")
}

#[tokio::test]
async fn a_hung_mail_server_holds_only_its_own_lane() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = Arc::new(FixedClock::new(t0()));
    let db = open(&dir);
    let mut mails = Vec::new();
    for _ in 0..5 {
        mails.push(enqueue_in(&db, "mail", Lane::Email, t0()).await);
    }
    let reminder = enqueue_in(&db, "reminder", Lane::Sms, t0() + Duration::minutes(10)).await;
    let hook = enqueue_in(&db, "hook", Lane::Webhooks, t0() + Duration::minutes(10)).await;

    // Every mail attempt hangs, as against a server that accepts and never answers.
    let (hung, ran): (Runs, Runs) = (Arc::default(), Arc::default());
    let hung_mail = hung.clone();
    let (ran_reminder, ran_hook) = (ran.clone(), ran.clone());
    let handlers = Handlers::new()
        .on("mail", move |job| {
            let hung = hung_mail.clone();
            async move {
                hung.lock().unwrap_or_else(|p| p.into_inner()).push(job.id);
                std::future::pending::<()>().await;
                Ok(())
            }
        })
        .on("reminder", move |job| {
            let ran = ran_reminder.clone();
            async move {
                ran.lock().unwrap_or_else(|p| p.into_inner()).push(job.id);
                Ok(())
            }
        })
        .on("hook", move |job| {
            let ran = ran_hook.clone();
            async move {
                ran.lock().unwrap_or_else(|p| p.into_inner()).push(job.id);
                Ok(())
            }
        });
    let waker = Waker::new();
    let worker = Worker::spawn_with(db.clone(), clock.clone(), handlers, waker.clone(), quick());
    let email_limit = LaneLimits::default().get(Lane::Email);
    wait_until_started(&hung, email_limit).await;

    // At ten o'clock the reminder and the webhook go out, on the second they are due.
    clock.advance(Duration::minutes(10));
    waker.wake();
    wait_for(&db, &[reminder, hook], JobStatus::Done).await;
    let mut done = started(&ran);
    done.sort_unstable();
    assert_eq!(done, [reminder, hook]);
    for id in [reminder, hook] {
        assert_eq!(status_of(&db, id).await.updated_at, clock.now(), "on time");
    }
    // The mail lane never ran more than its limit at once; the rest of the mail waits.
    assert_eq!(started(&hung).len(), email_limit);
    let mut waiting = 0;
    for id in &mails {
        let job = status_of(&db, *id).await;
        if job.status == JobStatus::Pending {
            assert_eq!(job.attempts, 0, "{job:?}");
            waiting += 1;
        }
    }
    assert_eq!(waiting, mails.len() - email_limit);
    worker.stop().await;
    assert_eq!(running_jobs(&db).await, 0);
}

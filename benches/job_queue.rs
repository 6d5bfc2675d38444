//! Job queue benchmarks: throughput of the worker per lane (jobs that do nothing, and jobs
//! that wait 50 ms as a round trip to a server would), and how long after a two-day mail
//! outage ends each waiting message goes out. Figures are recorded in BENCHMARKS.md.
//!
//! Run: `cargo bench --bench job_queue`
//!
//! Each case runs the real worker on a real (encrypted) database in a temporary data
//! directory. The outage is driven by a test clock, so its delays are in clock minutes.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, Utc};
use kairos::clock::{Clock as _, FixedClock};
use kairos::config::{Config, Flags};
use kairos::db::{Db, DbError};
use kairos::instance::Instance;
use kairos::jobs::{Handlers, JobFailure, Lane, NewJob, Waker, Worker, WorkerOptions, queue};
use serde_json::json;

fn t0() -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default()
}

fn open(dir: &tempfile::TempDir) -> Db {
    let flags = Flags {
        data_dir: Some(dir.path().join("data")),
        ..Flags::default()
    };
    let config = Config::load_from(&flags, |_| None).unwrap_or_else(|err| panic!("{err}"));
    Instance::open(&config, t0())
        .unwrap_or_else(|err| panic!("{err}"))
        .db
}

async fn enqueue(db: &Db, lane: Lane, count: usize) {
    db.write(move |tx| -> Result<(), DbError> {
        let payload = json!({});
        for _ in 0..count {
            queue::enqueue(tx, &NewJob::new("bench", &payload, t0()).lane(lane), t0())?;
        }
        Ok(())
    })
    .await
    .unwrap_or_else(|err| panic!("{err}"));
}

async fn count(db: &Db, sql: &'static str, now: DateTime<Utc>) -> i64 {
    db.read(move |conn| -> Result<i64, DbError> {
        let mut stmt = conn.prepare(sql)?;
        let params: &[&dyn rusqlite::ToSql] = if sql.contains("?1") {
            &[&now.timestamp()]
        } else {
            &[]
        };
        Ok(stmt.query_row(params, |row| row.get(0))?)
    })
    .await
    .unwrap_or_else(|err| panic!("{err}"))
}

async fn wait_until_done(db: &Db, total: i64) {
    while count(db, "SELECT count(*) FROM jobs WHERE status = 'done'", t0()).await < total {
        tokio::time::sleep(StdDuration::from_millis(5)).await;
    }
}

/// Runs `per_lane` jobs in each of `lanes` at once, each waiting `work`; returns jobs/s.
async fn throughput(lanes: &[Lane], per_lane: usize, work: StdDuration) -> f64 {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let db = open(&dir);
    for lane in lanes {
        enqueue(&db, *lane, per_lane).await;
    }
    let handlers = Handlers::new().on("bench", move |_job| async move {
        if !work.is_zero() {
            tokio::time::sleep(work).await;
        }
        Ok(())
    });
    let clock = Arc::new(FixedClock::new(t0()));
    let started = Instant::now();
    let worker = Worker::spawn(db.clone(), clock, handlers, Waker::new());
    let total = i64::try_from(per_lane * lanes.len()).unwrap_or(i64::MAX);
    wait_until_done(&db, total).await;
    let seconds = started.elapsed().as_secs_f64();
    worker.stop().await;
    total as f64 / seconds
}

/// Waits until the worker did everything due on the clock.
async fn settle(db: &Db, waker: &Waker, now: DateTime<Utc>) {
    loop {
        waker.wake();
        let busy = count(
            db,
            "SELECT count(*) FROM jobs WHERE status = 'running' OR (status = 'pending' AND run_at <= ?1)",
            now,
        )
        .await;
        if busy == 0 {
            return;
        }
        tokio::time::sleep(StdDuration::from_millis(2)).await;
    }
}

/// `messages` emails fail for `outage`; then the server is back. Returns, in clock
/// minutes after the outage ended, the median and the longest wait of a message, and
/// the real seconds the worker took from the end of the outage until all were sent.
async fn after_outage(messages: usize, outage: Duration) -> (i64, i64, f64) {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let db = open(&dir);
    enqueue(&db, Lane::Email, messages).await;
    let up = Arc::new(AtomicBool::new(false));
    let server_up = up.clone();
    let handlers = Handlers::new().on("bench", move |_job| {
        let up = server_up.load(Ordering::SeqCst);
        async move {
            if up {
                Ok(())
            } else {
                Err(JobFailure::new("421 4.3.2 service not available"))
            }
        }
    });
    let clock = Arc::new(FixedClock::new(t0()));
    let waker = Waker::new();
    let worker = Worker::spawn_with(
        db.clone(),
        clock.clone(),
        handlers,
        waker.clone(),
        WorkerOptions::default(),
    );
    let back = t0() + outage;
    while clock.now() < back {
        settle(&db, &waker, clock.now()).await;
        clock.advance(Duration::minutes(5));
    }
    clock.set(back);
    up.store(true, Ordering::SeqCst);
    let started = Instant::now();
    let total = i64::try_from(messages).unwrap_or(i64::MAX);
    loop {
        settle(&db, &waker, clock.now()).await;
        if count(&db, "SELECT count(*) FROM jobs WHERE status = 'done'", t0()).await == total {
            break;
        }
        clock.advance(Duration::minutes(1));
    }
    let real = started.elapsed().as_secs_f64();
    worker.stop().await;
    let mut waits: Vec<i64> = db
        .read(move |conn| -> Result<Vec<i64>, DbError> {
            let mut stmt = conn.prepare("SELECT updated_at FROM jobs WHERE status = 'done'")?;
            let done = stmt
                .query_map([], |row| row.get::<_, i64>(0))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(done
                .into_iter()
                .map(|at| (at - back.timestamp()) / 60)
                .collect())
        })
        .await
        .unwrap_or_else(|err| panic!("{err}"));
    waits.sort_unstable();
    let median = waits.get(waits.len() / 2).copied().unwrap_or_default();
    let longest = waits.last().copied().unwrap_or_default();
    (median, longest, real)
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|err| panic!("{err}"));
    runtime.block_on(async {
        println!("case | lanes | jobs | jobs/s");
        for lane in [Lane::Email, Lane::Workflow, Lane::Webhooks, Lane::General] {
            let rate = throughput(&[lane], 2000, StdDuration::ZERO).await;
            println!("no-op jobs | {} | 2000 | {rate:.0}", lane.as_str());
        }
        let all = [Lane::Email, Lane::Workflow, Lane::Webhooks, Lane::Sms];
        let rate = throughput(&all, 1000, StdDuration::ZERO).await;
        println!("no-op jobs | email+workflow+webhooks+sms at once | 4000 | {rate:.0}");
        for lane in [Lane::Email, Lane::Webhooks] {
            let rate = throughput(&[lane], 200, StdDuration::from_millis(50)).await;
            println!("50 ms jobs | {} | 200 | {rate:.1}", lane.as_str());
        }
        let rate = throughput(&all, 200, StdDuration::from_millis(50)).await;
        println!("50 ms jobs | email+workflow+webhooks+sms at once | 800 | {rate:.1}");

        let (median, longest, real) = after_outage(300, Duration::days(2)).await;
        println!(
            "after a 2-day outage, 300 messages: median wait {median} min, longest {longest} min (clock); worker busy {real:.2} s"
        );
    });
}

//! The durable job queue and its worker: the appliance's scheduler thread.
//!
//! Work that must happen later (emails, reminders, webhooks) is a row in `jobs`, written
//! in the same transaction as the change that causes it ([`queue::enqueue`]); the commit
//! of that transaction wakes the worker. One
//! [`Worker`], started by `serve`, sleeps until the next job is due or it is woken, claims
//! due jobs with a lease, runs each kind's handler with a timeout, and marks the job done
//! or reschedules it with backoff. A job whose worker died is taken over once its lease
//! lapses. Time comes from the app's [`Clock`], so tests drive it.

pub mod queue;

use std::collections::HashMap;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::Duration;
use futures_util::FutureExt;
use tokio::sync::{Notify, watch};
use tokio::task::JoinHandle;

use crate::clock::Clock;
use crate::db::{Db, DbError};

pub use queue::{Job, JobStatus, NewJob};

/// How long one handler may run before its attempt counts as failed.
pub const HANDLER_TIMEOUT: StdDuration = StdDuration::from_secs(60);
/// How long a claim holds: longer than [`HANDLER_TIMEOUT`], so only a dead worker's jobs lapse.
pub const LEASE: Duration = Duration::minutes(5);
/// The shortest pause between looks at the queue when nothing was claimed.
const RETRY_CLAIM: StdDuration = StdDuration::from_millis(200);
/// How many jobs one claim takes. They run one after another, so the last of a batch
/// must still finish within the lease, or a restarted worker could run it a second time.
const BATCH: u32 = 4;
const _: () = assert!(
    (BATCH as i64) * (HANDLER_TIMEOUT.as_secs() as i64) < LEASE.num_seconds(),
    "a batch must finish within its lease"
);
/// The worker looks at the queue at least this often, even unwoken.
const IDLE_POLL: StdDuration = StdDuration::from_secs(5);

/// Why a handler's attempt failed: kept as the job's last error (never patient data).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct JobFailure(pub String);

impl JobFailure {
    pub fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }
}

impl From<DbError> for JobFailure {
    fn from(err: DbError) -> Self {
        Self(err.to_string())
    }
}

pub type HandlerFuture = Pin<Box<dyn Future<Output = Result<(), JobFailure>> + Send>>;
type Handler = Arc<dyn Fn(Job) -> HandlerFuture + Send + Sync>;

/// Which code runs jobs of which kind.
#[derive(Clone, Default)]
pub struct Handlers {
    by_kind: HashMap<String, Handler>,
}

impl Handlers {
    pub fn new() -> Self {
        Self::default()
    }

    /// Runs jobs of `kind` with `handler`.
    pub fn on<F, Fut>(mut self, kind: &str, handler: F) -> Self
    where
        F: Fn(Job) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<(), JobFailure>> + Send + 'static,
    {
        self.by_kind.insert(
            kind.to_string(),
            Arc::new(move |job: Job| Box::pin(handler(job)) as HandlerFuture),
        );
        self
    }
}

/// Wakes the worker: after enqueueing work due now, or after moving a test clock.
#[derive(Clone, Default)]
pub struct Waker(Arc<Notify>);

impl Waker {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn wake(&self) {
        self.0.notify_one();
    }
}

/// The running worker task.
pub struct Worker {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl Worker {
    /// Starts the worker on `db`, woken through `waker` and after every committed write
    /// that enqueued a job (so a booking's emails leave right after the booking is kept).
    pub fn spawn(db: Db, clock: Arc<dyn Clock>, handlers: Handlers, waker: Waker) -> Self {
        let on_enqueue = waker.clone();
        db.on_jobs_added(move || on_enqueue.wake());
        let (stop, stopped) = watch::channel(false);
        let task = tokio::spawn(run(db, clock, handlers, waker, stopped));
        Self { stop, task }
    }

    /// Stops the worker after the job it is running, if any, and waits for it.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        if tokio::time::timeout(HANDLER_TIMEOUT + StdDuration::from_secs(5), self.task)
            .await
            .is_err()
        {
            tracing::warn!("the job worker did not stop in time");
        }
    }
}

async fn run(
    db: Db,
    clock: Arc<dyn Clock>,
    handlers: Handlers,
    waker: Waker,
    mut stopped: watch::Receiver<bool>,
) {
    loop {
        if *stopped.borrow() {
            return;
        }
        let claimed = match claim(&db, clock.now()).await {
            Ok(jobs) => jobs,
            Err(err) => {
                tracing::warn!(error = %err, "cannot claim jobs");
                Vec::new()
            }
        };
        let busy = !claimed.is_empty();
        for job in claimed {
            if *stopped.borrow() {
                // Unstarted claims lapse with their lease and run after the next start.
                return;
            }
            run_one(&db, clock.as_ref(), &handlers, job).await;
        }
        if busy {
            continue;
        }
        let delay = match db
            .read(|conn| Ok::<_, DbError>(queue::next_due(conn)?))
            .await
        {
            Ok(Some(next)) => (next - clock.now()).to_std().unwrap_or(StdDuration::ZERO),
            Ok(None) => IDLE_POLL,
            Err(err) => {
                tracing::warn!(error = %err, "cannot read the job queue");
                IDLE_POLL
            }
        };
        // Due but not claimed means the claim failed: try again soon, without spinning.
        let delay = delay.max(RETRY_CLAIM);
        tokio::select! {
            _ = tokio::time::sleep(delay.min(IDLE_POLL)) => {}
            _ = waker.0.notified() => {}
            _ = stopped.changed() => {}
        }
    }
}

async fn claim(db: &Db, now: chrono::DateTime<chrono::Utc>) -> Result<Vec<Job>, DbError> {
    db.write(move |tx| Ok(queue::claim(tx, now, LEASE, BATCH)?))
        .await
}

async fn run_one(db: &Db, clock: &dyn Clock, handlers: &Handlers, job: Job) {
    let (id, attempt, kind) = (job.id, job.attempts, job.kind.clone());
    let outcome = match handlers.by_kind.get(&kind) {
        None => Err(JobFailure(format!("no handler for jobs of kind {kind:?}"))),
        Some(handler) => {
            // A panic fails this attempt like any other error; the worker goes on.
            let attempt = AssertUnwindSafe(handler(job)).catch_unwind();
            match tokio::time::timeout(HANDLER_TIMEOUT, attempt).await {
                Ok(Ok(result)) => result,
                Ok(Err(_)) => {
                    tracing::error!(job_id = id, kind = %kind, "job handler panicked");
                    Err(JobFailure(
                        "the job's handler panicked (a bug; see the log)".into(),
                    ))
                }
                Err(_) => Err(JobFailure(format!(
                    "did not finish within {} seconds",
                    HANDLER_TIMEOUT.as_secs()
                ))),
            }
        }
    };
    let now = clock.now();
    let recorded = match outcome {
        Ok(()) => db
            .write(move |tx| Ok::<_, DbError>(queue::complete(tx, id, attempt, now)?))
            .await
            .map(|_| ()),
        Err(failure) => {
            let jitter = queue::random_jitter();
            db.write(move |tx| {
                Ok::<_, DbError>(queue::fail(tx, id, attempt, &failure.0, now, jitter)?)
            })
            .await
            .map(|status| {
                let status = status.map_or("taken over", JobStatus::as_str);
                tracing::warn!(job_id = id, kind = %kind, attempt, status, "job failed");
            })
        }
    };
    if let Err(err) = recorded {
        // The lease lapses and the job runs again: at least once, never lost.
        tracing::warn!(job_id = id, error = %err, "cannot record the outcome of a job");
    }
}

/// What the admin page lists: jobs waiting, failing (waiting after a failed attempt),
/// running and dead, each oldest first and at most `limit` of a status.
#[derive(Debug, Clone, Default)]
pub struct Overview {
    pub waiting: Vec<Job>,
    pub failing: Vec<Job>,
    pub running: Vec<Job>,
    pub dead: Vec<Job>,
}

/// Reads the [`Overview`].
pub fn overview(conn: &rusqlite::Connection, limit: u32) -> rusqlite::Result<Overview> {
    let (failing, waiting) = queue::list(conn, JobStatus::Pending, limit)?
        .into_iter()
        .partition(|job| job.attempts > 0);
    Ok(Overview {
        waiting,
        failing,
        running: queue::list(conn, JobStatus::Running, limit)?,
        dead: queue::list(conn, JobStatus::Dead, limit)?,
    })
}

/// An administrator runs a dead or failing job again now, audited as `job_retried`.
/// Returns whether there was such a job.
pub fn retry(
    tx: &rusqlite::Transaction<'_>,
    id: i64,
    actor: crate::audit::Actor,
    origin: &crate::audit::Origin,
    now: chrono::DateTime<chrono::Utc>,
) -> rusqlite::Result<bool> {
    let retried = queue::retry(tx, id, now)?;
    if retried {
        crate::audit::record(
            tx,
            now,
            &crate::audit::Entry {
                actor,
                action: "job_retried",
                object: Some(format!("job:{id}")),
                outcome: crate::audit::Outcome::Success,
                origin,
            },
        )?;
    }
    Ok(retried)
}

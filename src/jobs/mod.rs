//! The durable job queue and its worker: the appliance's scheduler thread.
//!
//! Work that must happen later (emails, reminders, webhooks) is a row in `jobs`, written
//! in the same transaction as the change that causes it ([`queue::enqueue`]); the commit
//! of that transaction wakes the worker. One
//! [`Worker`], started by `serve`, sleeps until the next job is due or it is woken, claims
//! due jobs with a short lease that a heartbeat renews while it holds them, runs each
//! kind's handler with a timeout, and marks the job done or reschedules it with backoff.
//! A stop gives back the claims it has not started; a job whose worker died is taken over
//! once its lease lapses (within a minute), or at once by the next server start, which
//! knows through the data directory's lock that nobody else runs it. Time comes from the
//! app's [`Clock`], so tests drive it.

pub mod queue;

use std::collections::HashMap;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
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
/// How long a claim holds without a heartbeat. The worker renews the claims it holds every
/// [`HEARTBEAT`], so only a dead worker's claims lapse, and they lapse within a minute.
pub const LEASE: Duration = Duration::seconds(60);
/// How often the worker renews the claims it holds: well within [`LEASE`], so a slow
/// database write or a busy runtime does not let a live claim lapse.
pub const HEARTBEAT: StdDuration = StdDuration::from_secs(20);
/// How long a stopping worker waits for the attempts it started before it gives them back
/// (to run again at the next start) and stops.
pub const STOP_GRACE: StdDuration = StdDuration::from_secs(10);
/// The shortest pause between looks at the queue when nothing was claimed.
const RETRY_CLAIM: StdDuration = StdDuration::from_millis(200);
/// How many jobs one claim takes; they run one after another while the heartbeat keeps
/// all of them claimed, and a stop gives back those not started.
const BATCH: u32 = 4;
/// The worker looks at the queue at least this often, even unwoken.
const IDLE_POLL: StdDuration = StdDuration::from_secs(5);

/// How the worker paces itself; tests shorten the waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkerOptions {
    /// How often held claims are renewed.
    pub heartbeat: StdDuration,
    /// How long a stop waits for attempts in progress.
    pub stop_grace: StdDuration,
}

impl Default for WorkerOptions {
    fn default() -> Self {
        Self {
            heartbeat: HEARTBEAT,
            stop_grace: STOP_GRACE,
        }
    }
}

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
    stop_grace: StdDuration,
}

impl Worker {
    /// Starts the worker on `db`, woken through `waker` and after every committed write
    /// that enqueued a job (so a booking's emails leave right after the booking is kept).
    pub fn spawn(db: Db, clock: Arc<dyn Clock>, handlers: Handlers, waker: Waker) -> Self {
        Self::spawn_with(db, clock, handlers, waker, WorkerOptions::default())
    }

    /// [`Worker::spawn`] with its pace set.
    pub fn spawn_with(
        db: Db,
        clock: Arc<dyn Clock>,
        handlers: Handlers,
        waker: Waker,
        options: WorkerOptions,
    ) -> Self {
        let on_enqueue = waker.clone();
        db.on_jobs_added(move || on_enqueue.wake());
        let (stop, stopped) = watch::channel(false);
        let held = Held::default();
        let beat = tokio::spawn(heartbeat(
            db.clone(),
            clock.clone(),
            held.clone(),
            options.heartbeat,
            stopped.clone(),
        ));
        let worker = Running {
            db,
            clock,
            handlers,
            held,
            stop_grace: options.stop_grace,
        };
        let task = tokio::spawn(async move {
            worker.run(waker, stopped).await;
            beat.abort();
        });
        Self {
            stop,
            task,
            stop_grace: options.stop_grace,
        }
    }

    /// Stops the worker: claimed jobs it has not started go back to the queue at once, the
    /// attempt in progress gets [`WorkerOptions::stop_grace`] to finish and is otherwise
    /// given back to run again at the next start. Waits for all of that.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        let margin = StdDuration::from_secs(5);
        if tokio::time::timeout(self.stop_grace + margin, self.task)
            .await
            .is_err()
        {
            tracing::warn!("the job worker did not stop in time");
        }
    }
}

/// The claims a worker holds, as (job id, attempt): what its heartbeat renews.
#[derive(Clone, Default)]
struct Held(Arc<Mutex<HashMap<i64, u32>>>);

impl Held {
    fn insert(&self, job: &Job) {
        self.lock().insert(job.id, job.attempts);
    }

    fn remove(&self, id: i64) {
        self.lock().remove(&id);
    }

    fn snapshot(&self) -> Vec<(i64, u32)> {
        self.lock()
            .iter()
            .map(|(id, attempt)| (*id, *attempt))
            .collect()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<i64, u32>> {
        self.0.lock().unwrap_or_else(|poison| poison.into_inner())
    }
}

/// Whether the worker was told to stop, or its owner is gone.
fn stop_requested(stopped: &watch::Receiver<bool>) -> bool {
    *stopped.borrow() || stopped.has_changed().is_err()
}

/// Resolves once the worker is told to stop (or its owner is gone).
async fn until_stopped(stopped: &mut watch::Receiver<bool>) {
    let _ = stopped.wait_for(|stop| *stop).await;
}

/// Renews every claim the worker holds, every `every`, until the worker stops.
async fn heartbeat(
    db: Db,
    clock: Arc<dyn Clock>,
    held: Held,
    every: StdDuration,
    mut stopped: watch::Receiver<bool>,
) {
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = ticks.tick() => {}
            _ = until_stopped(&mut stopped) => return,
        }
        let claims = held.snapshot();
        if claims.is_empty() {
            continue;
        }
        let now = clock.now();
        let renewed = db
            .write(move |tx| -> Result<(), DbError> {
                for (id, attempt) in claims {
                    queue::renew(tx, id, attempt, now, LEASE)?;
                }
                Ok(())
            })
            .await;
        if let Err(err) = renewed {
            tracing::warn!(error = %err, "cannot renew the claims of running jobs");
        }
    }
}

/// What one worker task works with.
struct Running {
    db: Db,
    clock: Arc<dyn Clock>,
    handlers: Handlers,
    held: Held,
    stop_grace: StdDuration,
}

impl Running {
    async fn run(&self, waker: Waker, mut stopped: watch::Receiver<bool>) {
        loop {
            if stop_requested(&stopped) {
                return;
            }
            let claimed = match self.claim().await {
                Ok(jobs) => jobs,
                Err(err) => {
                    tracing::warn!(error = %err, "cannot claim jobs");
                    Vec::new()
                }
            };
            let busy = !claimed.is_empty();
            let mut claimed = claimed.into_iter();
            while let Some(job) = claimed.next() {
                if stop_requested(&stopped) {
                    self.release_unstarted(std::iter::once(job).chain(claimed))
                        .await;
                    return;
                }
                self.run_one(job, &mut stopped).await;
            }
            if busy {
                continue;
            }
            let delay = match self
                .db
                .read(|conn| Ok::<_, DbError>(queue::next_due(conn)?))
                .await
            {
                Ok(Some(next)) => (next - self.clock.now())
                    .to_std()
                    .unwrap_or(StdDuration::ZERO),
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
                _ = until_stopped(&mut stopped) => {}
            }
        }
    }

    async fn claim(&self) -> Result<Vec<Job>, DbError> {
        let now = self.clock.now();
        let claimed = self
            .db
            .write(move |tx| Ok::<_, DbError>(queue::claim(tx, now, LEASE, BATCH)?))
            .await?;
        for job in &claimed {
            self.held.insert(job);
        }
        Ok(claimed)
    }

    /// Gives claimed jobs that were never started back to the queue, due at once.
    async fn release_unstarted(&self, jobs: impl Iterator<Item = Job>) {
        let claims: Vec<(i64, u32)> = jobs.map(|job| (job.id, job.attempts)).collect();
        let now = self.clock.now();
        let released = {
            let claims = claims.clone();
            self.db
                .write(move |tx| -> Result<(), DbError> {
                    for (id, attempt) in claims {
                        queue::release_unstarted(tx, id, attempt, now)?;
                    }
                    Ok(())
                })
                .await
        };
        match released {
            // Not given back: their leases lapse and the next start takes them over.
            Err(err) => tracing::warn!(error = %err, "cannot give back unstarted jobs"),
            Ok(()) => {
                for (id, _) in claims {
                    self.held.remove(id);
                }
            }
        }
    }

    async fn run_one(&self, job: Job, stopped: &mut watch::Receiver<bool>) {
        let (id, attempt, kind) = (job.id, job.attempts, job.kind.clone());
        let outcome = match self.handlers.by_kind.get(&kind) {
            None => Some(Err(JobFailure(format!(
                "no handler for jobs of kind {kind:?}"
            )))),
            Some(handler) => {
                // A panic fails this attempt like any other error; the worker goes on.
                let attempt = AssertUnwindSafe(handler(job)).catch_unwind();
                let timed = async {
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
                };
                tokio::pin!(timed);
                let grace = self.stop_grace;
                tokio::select! {
                    outcome = &mut timed => Some(outcome),
                    _ = async {
                        until_stopped(stopped).await;
                        tokio::time::sleep(grace).await;
                    } => None,
                }
            }
        };
        let now = self.clock.now();
        let db = &self.db;
        let recorded = match outcome {
            // The worker stopped and the attempt did not finish in time: cut short, it runs
            // again at the next start.
            None => db
                .write(move |tx| {
                    Ok::<_, DbError>(queue::release_interrupted(
                        tx,
                        id,
                        attempt,
                        "Kairos stopped while this ran; it runs again",
                        now,
                    )?)
                })
                .await
                .map(|_| tracing::warn!(job_id = id, kind = %kind, "job cut short by a stop")),
            Some(Ok(())) => db
                .write(move |tx| Ok::<_, DbError>(queue::complete(tx, id, attempt, now)?))
                .await
                .map(|_| ()),
            Some(Err(failure)) => {
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
        self.held.remove(id);
        if let Err(err) = recorded {
            // The lease lapses and the job runs again: at least once, never lost.
            tracing::warn!(job_id = id, error = %err, "cannot record the outcome of a job");
        }
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

//! The durable job queue and its worker: the appliance's scheduler thread.
//!
//! Work that must happen later (emails, reminders, webhooks) is a row in `jobs`, written
//! in the same transaction as the change that causes it ([`queue::enqueue`]); the commit
//! of that transaction wakes the worker. One
//! [`Worker`], started by `serve`, sleeps until the next job is due or it is woken, claims
//! due jobs with a short lease that a heartbeat renews while it holds them, runs each
//! kind's handler with a timeout, and marks the job done or reschedules it with backoff.
//! Jobs run side by side in [`Lane`]s, each with its own limit, so a hung server holds up
//! only the lane that talks to it; a worker claims only as many jobs as it starts.
//! A stop gives back what it could not finish; a job whose worker died is taken over
//! once its lease lapses (within a minute), or at once by the next server start, which
//! knows through the data directory's lock that nobody else runs it. Time comes from the
//! app's [`Clock`], so tests drive it.

mod lane;
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
use tokio::task::{JoinHandle, JoinSet};

use crate::clock::Clock;
use crate::db::{Db, DbError};

pub use lane::{Lane, LaneLimits};
pub use queue::{Job, JobStatus, NewJob};

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
/// The worker looks at the queue at least this often, even unwoken.
const IDLE_POLL: StdDuration = StdDuration::from_secs(5);

/// How the worker paces itself; tests shorten the waits and narrow the lanes.
#[derive(Debug, Clone)]
pub struct WorkerOptions {
    /// How often held claims are renewed.
    pub heartbeat: StdDuration,
    /// How long a stop waits for attempts in progress.
    pub stop_grace: StdDuration,
    /// How many jobs each lane runs at once.
    pub lanes: LaneLimits,
    /// How long a failing job is retried, from when it was first due.
    pub lifetime: Duration,
    /// Where failed attempts are counted.
    pub failures: Arc<Failures>,
}

impl Default for WorkerOptions {
    fn default() -> Self {
        Self {
            heartbeat: HEARTBEAT,
            stop_grace: STOP_GRACE,
            lanes: LaneLimits::default(),
            lifetime: queue::DEFAULT_LIFETIME,
            failures: Failures::new(),
        }
    }
}

/// Why a handler's attempt failed: kept as the job's last error (never patient data).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct JobFailure {
    message: String,
    give_up: bool,
    /// The receiver asked to be called again no sooner than this (a `Retry-After`).
    not_before: Option<chrono::Duration>,
    /// Not a failure: what the job needs is not ready yet; it runs again after this pause,
    /// its attempt not counted.
    wait: Option<chrono::Duration>,
}

impl JobFailure {
    /// A failed attempt worth repeating: the job retries with backoff while its lifetime
    /// lasts.
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            give_up: false,
            not_before: None,
            wait: None,
        }
    }

    /// The next attempt waits at least `pause` (what a receiver's `Retry-After` asked),
    /// or the usual backoff when that is longer.
    pub fn retry_in(mut self, pause: chrono::Duration) -> Self {
        self.not_before = Some(pause);
        self
    }

    /// A failure that trying again cannot mend (the moment the job was for has passed):
    /// the job is dead at once, with `reason` as its last error for the admin to read.
    pub fn give_up(reason: impl Into<String>) -> Self {
        Self {
            message: reason.into(),
            give_up: true,
            not_before: None,
            wait: None,
        }
    }

    /// Not a failure: what the job needs (`reason`) is not ready yet, so it runs again
    /// after `pause` without counting an attempt or backing off.
    pub fn not_yet(reason: impl Into<String>, pause: chrono::Duration) -> Self {
        Self {
            message: reason.into(),
            give_up: false,
            not_before: None,
            wait: Some(pause),
        }
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    /// Whether the job gives up rather than retrying.
    pub fn gives_up(&self) -> bool {
        self.give_up
    }
}

impl From<DbError> for JobFailure {
    fn from(err: DbError) -> Self {
        Self::new(err.to_string())
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

    /// [`Worker::spawn`] with its pace and lane limits set.
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
        let shared = Arc::new(Shared {
            db,
            clock,
            handlers,
            held,
            stop_grace: options.stop_grace,
            lifetime: options.lifetime,
            failures: options.failures,
        });
        let task = tokio::spawn(async move {
            run(shared, options.lanes, waker, stopped).await;
            beat.abort();
        });
        Self {
            stop,
            task,
            stop_grace: options.stop_grace,
        }
    }

    /// Stops the worker: it claims nothing more, attempts in progress get
    /// [`WorkerOptions::stop_grace`] to finish and are otherwise given back to run again at
    /// the next start. Waits for all of that.
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

/// Renews the claims in `claims` to `now + LEASE`.
fn renew_all(
    tx: &rusqlite::Transaction<'_>,
    claims: &[(i64, u32)],
    now: chrono::DateTime<chrono::Utc>,
) -> rusqlite::Result<()> {
    for (id, attempt) in claims {
        queue::renew(tx, *id, *attempt, now, LEASE)?;
    }
    Ok(())
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
            .write(move |tx| Ok::<_, DbError>(renew_all(tx, &claims, now)?))
            .await;
        if let Err(err) = renewed {
            tracing::warn!(error = %err, "cannot renew the claims of running jobs");
        }
    }
}

/// What the worker and the attempts it runs share.
struct Shared {
    db: Db,
    clock: Arc<dyn Clock>,
    handlers: Handlers,
    held: Held,
    stop_grace: StdDuration,
    lifetime: Duration,
    failures: Arc<Failures>,
}

/// The worker's loop: fills every lane that has room with due jobs, each run as a task of
/// its own, then sleeps until a job is due in a lane with room, an attempt ends, it is
/// woken or told to stop. On stop it waits for the attempts it started.
async fn run(
    shared: Arc<Shared>,
    limits: LaneLimits,
    waker: Waker,
    mut stopped: watch::Receiver<bool>,
) {
    let mut attempts = JoinSet::new();
    let mut lane_of: HashMap<tokio::task::Id, Lane> = HashMap::new();
    let mut busy: HashMap<Lane, usize> = HashMap::new();
    loop {
        if stop_requested(&stopped) {
            break;
        }
        while let Some(ended) = attempts.try_join_next_with_id() {
            ended_attempt(ended, &mut lane_of, &mut busy);
        }
        let room: Vec<(Lane, u32)> = Lane::ALL
            .into_iter()
            .filter_map(|lane| {
                let free = limits
                    .get(lane)
                    .saturating_sub(busy.get(&lane).copied().unwrap_or(0));
                (free > 0).then(|| (lane, u32::try_from(free).unwrap_or(u32::MAX)))
            })
            .collect();
        let claimed = match claim(&shared, &room).await {
            Ok(jobs) => jobs,
            Err(err) => {
                tracing::warn!(error = %err, "cannot claim jobs");
                Vec::new()
            }
        };
        let started = !claimed.is_empty();
        for job in claimed {
            let lane = job.lane;
            *busy.entry(lane).or_default() += 1;
            let (shared, stopped) = (shared.clone(), stopped.clone());
            let handle = attempts.spawn(async move { shared.run_one(job, stopped).await });
            lane_of.insert(handle.id(), lane);
        }
        if started {
            continue;
        }
        let open: Vec<Lane> = room.iter().map(|(lane, _)| *lane).collect();
        let delay = match shared
            .db
            .read(move |conn| Ok::<_, DbError>(queue::next_due_in(conn, &open)?))
            .await
        {
            Ok(Some(next)) => (next - shared.clock.now())
                .to_std()
                .unwrap_or(StdDuration::ZERO),
            Ok(None) => IDLE_POLL,
            Err(err) => {
                tracing::warn!(error = %err, "cannot read the job queue");
                IDLE_POLL
            }
        };
        // Due but not claimed means the claim failed: try again soon, without spinning.
        let delay = delay.clamp(RETRY_CLAIM, IDLE_POLL);
        tokio::select! {
            _ = tokio::time::sleep(delay) => {}
            _ = waker.0.notified() => {}
            _ = until_stopped(&mut stopped) => {}
            Some(ended) = attempts.join_next_with_id() => {
                ended_attempt(ended, &mut lane_of, &mut busy);
            }
        }
    }
    // Every attempt watches the stop itself: it finishes within the grace or gives its
    // job back.
    while attempts.join_next().await.is_some() {}
}

/// Frees the lane slot of an attempt that ended.
fn ended_attempt(
    ended: Result<(tokio::task::Id, ()), tokio::task::JoinError>,
    lane_of: &mut HashMap<tokio::task::Id, Lane>,
    busy: &mut HashMap<Lane, usize>,
) {
    let id = match ended {
        Ok((id, ())) => id,
        Err(err) => err.id(),
    };
    if let Some(count) = lane_of.remove(&id).and_then(|lane| busy.get_mut(&lane)) {
        *count = count.saturating_sub(1);
    }
}

/// In one transaction: renews the claims the worker holds (so it never takes over its own
/// work, whatever the clock did) and claims due jobs for each lane with room.
async fn claim(shared: &Shared, room: &[(Lane, u32)]) -> Result<Vec<Job>, DbError> {
    if room.is_empty() {
        return Ok(Vec::new());
    }
    let (now, holding, room) = (shared.clock.now(), shared.held.snapshot(), room.to_vec());
    let claimed = shared
        .db
        .write(move |tx| -> Result<Vec<Job>, DbError> {
            renew_all(tx, &holding, now)?;
            let mut claimed = Vec::new();
            for (lane, free) in room {
                claimed.extend(queue::claim_lane(tx, now, LEASE, lane, free)?);
            }
            Ok(claimed)
        })
        .await?;
    for job in &claimed {
        shared.held.insert(job);
    }
    Ok(claimed)
}

impl Shared {
    async fn run_one(&self, job: Job, mut stopped: watch::Receiver<bool>) {
        let (id, attempt, kind) = (job.id, job.attempts, job.kind.clone());
        let limit = job.lane.handler_timeout();
        let outcome = match self.handlers.by_kind.get(&kind) {
            None => Some(Err(JobFailure::new(format!(
                "no handler for jobs of kind {kind:?}"
            )))),
            Some(handler) => {
                // A panic fails this attempt like any other error; the worker goes on.
                let attempt = AssertUnwindSafe(handler(job)).catch_unwind();
                let timed = async {
                    match tokio::time::timeout(limit, attempt).await {
                        Ok(Ok(result)) => result,
                        Ok(Err(_)) => {
                            tracing::error!(job_id = id, kind = %kind, "job handler panicked");
                            Err(JobFailure::new(
                                "the job's handler panicked (a bug; see the log)",
                            ))
                        }
                        Err(_) => Err(JobFailure::new(format!(
                            "did not finish within {} minutes",
                            limit.as_secs() / 60
                        ))),
                    }
                };
                let grace = self.stop_grace;
                tokio::select! {
                    outcome = timed => Some(outcome),
                    _ = async {
                        until_stopped(&mut stopped).await;
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
            Some(Err(JobFailure {
                wait: Some(pause),
                message,
                ..
            })) => {
                db.write(move |tx| {
                    Ok::<_, DbError>(queue::postpone(tx, id, attempt, now + pause, now)?)
                })
                .await
                .map(|_| tracing::debug!(job_id = id, kind = %kind, reason = %message, "job waits"))
            }
            Some(Err(failure)) => {
                self.failures.count(&kind);
                let retries = queue::Retries {
                    lifetime: self.lifetime,
                    jitter: queue::random_jitter(),
                };
                let kind_of_failure = match (failure.gives_up(), failure.not_before) {
                    (true, _) => queue::Failure::GiveUp,
                    (false, Some(pause)) => queue::Failure::RetryAfter(pause),
                    (false, None) => queue::Failure::Retry,
                };
                db.write(move |tx| {
                    Ok::<_, DbError>(queue::fail(
                        tx,
                        id,
                        attempt,
                        failure.message(),
                        kind_of_failure,
                        now,
                        retries,
                    )?)
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

/// How the queue is doing: what `/metrics`, the admin dashboard and `kairos doctor` show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Health {
    /// Jobs not done, by kind.
    pub kinds: Vec<queue::KindCounts>,
    /// Per lane with due jobs: when the longest-waiting one fell due.
    pub oldest_due: Vec<(Lane, chrono::DateTime<chrono::Utc>)>,
    /// When the longest-failing job still being retried was first due.
    pub failing_since: Option<chrono::DateTime<chrono::Utc>>,
}

impl Health {
    pub fn failing(&self) -> u64 {
        self.kinds.iter().map(|kind| kind.failing).sum()
    }

    pub fn dead(&self) -> u64 {
        self.kinds.iter().map(|kind| kind.dead).sum()
    }

    /// Whether an administrator should look: jobs are failing or dead.
    pub fn in_trouble(&self) -> bool {
        self.failing() + self.dead() > 0
    }

    /// `3 failing (email 2, webhook 1), 1 dead (email 1)`: the trouble in words, or
    /// `None` when there is none.
    pub fn trouble(&self) -> Option<String> {
        let part = |what: &str, count: fn(&queue::KindCounts) -> u64| {
            let total: u64 = self.kinds.iter().map(count).sum();
            (total > 0).then(|| {
                let kinds: Vec<String> = self
                    .kinds
                    .iter()
                    .filter(|kind| count(kind) > 0)
                    .map(|kind| format!("{} {}", kind.kind, count(kind)))
                    .collect();
                format!("{total} {what} ({})", kinds.join(", "))
            })
        };
        let parts: Vec<String> = [
            part("failing", |kind| kind.failing),
            part("dead", |kind| kind.dead),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// Reads the queue's [`Health`] at `now`.
pub fn health(
    conn: &rusqlite::Connection,
    now: chrono::DateTime<chrono::Utc>,
) -> rusqlite::Result<Health> {
    Ok(Health {
        kinds: queue::counts_by_kind(conn)?,
        oldest_due: queue::oldest_due_by_lane(conn, now)?,
        failing_since: queue::failing_since(conn)?,
    })
}

/// Failed attempts per job kind since the process started: the `/metrics` counter.
#[derive(Debug, Default)]
pub struct Failures(Mutex<std::collections::BTreeMap<String, u64>>);

impl Failures {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    fn count(&self, kind: &str) {
        let mut by_kind = self.0.lock().unwrap_or_else(|poison| poison.into_inner());
        *by_kind.entry(kind.to_string()).or_default() += 1;
    }

    /// Failed attempts so far, by kind.
    pub fn by_kind(&self) -> Vec<(String, u64)> {
        self.0
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
            .iter()
            .map(|(kind, count)| (kind.clone(), *count))
            .collect()
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

/// An administrator runs every dead job again now, each audited as `job_retried`.
/// Returns their ids.
pub fn retry_dead(
    tx: &rusqlite::Transaction<'_>,
    actor: crate::audit::Actor,
    origin: &crate::audit::Origin,
    now: chrono::DateTime<chrono::Utc>,
) -> rusqlite::Result<Vec<i64>> {
    let retried = queue::retry_dead(tx, now)?;
    for id in &retried {
        crate::audit::record(
            tx,
            now,
            &crate::audit::Entry {
                actor: actor.clone(),
                action: "job_retried",
                object: Some(format!("job:{id}")),
                outcome: crate::audit::Outcome::Success,
                origin,
            },
        )?;
    }
    Ok(retried)
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

//! Wiring: the application state shared by every request, and starting and stopping the
//! server.

use std::net::SocketAddr;
use std::ops::Deref;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::auth::SessionPolicy;
use crate::auth::throttle::{Limits, LoginThrottle, RateLimiter, RateLimits};
use crate::backup;
use crate::clock::Clock;
use crate::config::Config;
use crate::crypto::InstanceKey;
use crate::data_lock::{DataDirLock, LockError};
use crate::db::users;
use crate::db::{Db, DbError};
use crate::instance::{Instance, InstanceSettings, OpenError};
use crate::setup::SetupGate;

/// How long in-flight requests may take to finish after a shutdown signal.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// Everything a request handler may need, cheap to clone.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    pub config: Config,
    pub db: Db,
    pub key: InstanceKey,
    pub clock: Arc<dyn Clock>,
    pub csrf_key: [u8; 32],
    pub setup: SetupGate,
    pub throttle: LoginThrottle,
    /// Bookings per client address and API calls per key.
    pub rate_limits: RateLimiter,
    pub session_policy: SessionPolicy,
    settings: RwLock<InstanceSettings>,
    /// Recent slot lists, see [`crate::web::api::SlotCache`].
    pub slot_cache: crate::web::api::SlotCache,
    /// Wakes the job worker after enqueueing work that is due now.
    pub jobs: crate::jobs::Waker,
    /// The address the server actually listens on (the port may have been chosen by the OS).
    pub local_addr: SocketAddr,
}

impl Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    /// A snapshot of the instance settings.
    pub fn settings(&self) -> InstanceSettings {
        self.settings
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    pub fn set_settings(&self, settings: InstanceSettings) {
        *self.settings.write().unwrap_or_else(|p| p.into_inner()) = settings;
    }

    /// The public URL of the instance: the config file's `base_url`, else the wizard's,
    /// else the address the server listens on.
    pub fn base_url(&self) -> String {
        base_url(&self.config, &self.settings(), self.local_addr)
    }

    /// What the booking service needs to know about the instance, as of now.
    pub fn booking_settings(&self) -> crate::booking::Settings {
        crate::booking::Settings {
            context: crate::scheduling::slots::Context {
                now: self.clock.now(),
                first_day_of_week: crate::availability::DayOfWeek::from_chrono(
                    self.settings().first_day_of_week,
                ),
            },
            video_base_url: self.config.video_base_url.clone(),
            manage_key: crate::booking::ManageKey::new(&self.key),
        }
    }

    /// Whether cookies must be marked `Secure` (the instance is reached over https).
    pub fn secure_cookies(&self) -> bool {
        self.base_url().starts_with("https://")
    }
}

/// The public URL for a configuration, settings and listening address.
pub fn base_url(config: &Config, settings: &InstanceSettings, listen: SocketAddr) -> String {
    if let Some(url) = config
        .base_url
        .clone()
        .or_else(|| settings.base_url.clone())
    {
        return url;
    }
    if listen.ip().is_unspecified() {
        format!("http://localhost:{}", listen.port())
    } else {
        format!("http://{listen}")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Open(#[from] OpenError),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Locked(#[from] LockError),
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: SocketAddr,
        source: std::io::Error,
    },
}

/// A running server.
pub struct Running {
    pub addr: SocketAddr,
    /// The one-time setup URL, while the instance has no administrator.
    pub setup_url: Option<String>,
    pub state: AppState,
    /// The automatic backup schedule, when backups are on.
    pub backups: Option<backup::Scheduler>,
    /// The job worker: emails, reminders and everything else that happens later.
    jobs: crate::jobs::Worker,
    /// Held while the server runs: `kairos restore` refuses to run under it.
    _data_lock: DataDirLock,
    shutdown: oneshot::Sender<()>,
    task: JoinHandle<std::io::Result<()>>,
}

impl Running {
    /// Stops accepting connections, lets in-flight requests finish (for at most
    /// [`SHUTDOWN_GRACE`]) and closes the database cleanly.
    pub async fn shutdown(self) -> std::io::Result<()> {
        let _ = self.shutdown.send(());
        if let Some(backups) = self.backups {
            backups.stop();
        }
        self.jobs.stop().await;
        let result = match tokio::time::timeout(SHUTDOWN_GRACE, self.task).await {
            Ok(Ok(result)) => result,
            Ok(Err(join)) => Err(std::io::Error::other(join)),
            Err(_) => {
                tracing::warn!("in-flight requests did not finish in time; closing anyway");
                Ok(())
            }
        };
        let db = self.state.db.clone();
        let closed = tokio::task::spawn_blocking(move || db.checkpoint()).await;
        if let Ok(Err(err)) = closed {
            tracing::warn!(error = %err, "the database checkpoint at shutdown failed");
        }
        tracing::info!("stopped");
        result
    }
}

/// Opens the instance (data dir, migrations, key), binds the listener and starts serving.
pub async fn start(config: Config, clock: Arc<dyn Clock>) -> Result<Running, StartError> {
    let now = clock.now();
    let data_lock = {
        let dir = config.data_dir.clone();
        tokio::task::spawn_blocking(move || DataDirLock::acquire(&dir))
            .await
            .map_err(|_| DbError::WorkerGone)??
    };
    let open_config = config.clone();
    let instance = tokio::task::spawn_blocking(move || Instance::open(&open_config, now))
        .await
        .map_err(|_| DbError::WorkerGone)??;

    let (settings, admin_exists) = instance
        .db
        .read(|conn| -> Result<_, DbError> {
            Ok((InstanceSettings::load(conn)?, users::admin_exists(conn)?))
        })
        .await?;

    let listener = TcpListener::bind(config.listen)
        .await
        .map_err(|source| StartError::Listen {
            addr: config.listen,
            source,
        })?;
    let local_addr = listener.local_addr().map_err(|source| StartError::Listen {
        addr: config.listen,
        source,
    })?;

    let setup = SetupGate::new(admin_exists, settings.setup_completed);
    let setup_url = (!admin_exists && !settings.setup_completed).then(|| {
        let token = setup.issue(now);
        format!(
            "{}/setup?token={token}",
            base_url(&config, &settings, local_addr)
        )
    });

    let state = AppState(Arc::new(Inner {
        csrf_key: instance.key.derive("csrf"),
        session_policy: SessionPolicy::from_config(&config),
        key: instance.key,
        db: instance.db,
        clock,
        setup,
        throttle: LoginThrottle::new(Limits::default()),
        rate_limits: RateLimiter::new(RateLimits {
            bookings_per_hour: config.booking_rate_limit_per_hour as usize,
            api_calls_per_minute: config.api_rate_limit_per_minute as usize,
        }),
        settings: RwLock::new(settings),
        local_addr,
        config,
        slot_cache: Default::default(),
        jobs: crate::jobs::Waker::new(),
    }));

    let backups = backup::Schedule::from_config(&state.config).map(|schedule| {
        backup::Scheduler::spawn(
            state.db.clone(),
            state.config.backup_dir(),
            state.clock.clone(),
            schedule,
        )
    });

    let jobs = crate::jobs::Worker::spawn(
        state.db.clone(),
        state.clock.clone(),
        crate::notify::job_handlers(&state),
        state.jobs.clone(),
    );

    let router = crate::web::router(state.clone());
    let (shutdown_tx, shutdown_rx) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async {
            let _ = shutdown_rx.await;
        })
        .await
    });
    tracing::info!(addr = %local_addr, version = env!("CARGO_PKG_VERSION"), "listening");

    Ok(Running {
        addr: local_addr,
        setup_url,
        state,
        backups,
        jobs,
        _data_lock: data_lock,
        shutdown: shutdown_tx,
        task,
    })
}

//! Wiring: the application state shared by every request, and starting and stopping the
//! server.

use std::net::SocketAddr;
use std::ops::Deref;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::auth::SessionPolicy;
use crate::auth::throttle::{Limits, LoginThrottle, RateLimiter, RateLimits};
use crate::backup;
use crate::booking::slots::SlotCache;
use crate::clock::Clock;
use crate::config::Config;
use crate::crypto::InstanceKey;
use crate::data_lock::{DataDirLock, LockError};
use crate::db::outbox::Outbox;
use crate::db::users;
use crate::db::{Db, DbError};
use crate::instance::{Instance, InstanceSettings, OpenError};
use crate::integrations::{Deps, InstanceView, Site};
use crate::jobs::{Handlers, JobFailure};
use crate::model::booking::ManageKey;
use crate::outbound::Policy;
use crate::setup::SetupGate;
use crate::transport::{ReloadableCertificate, TlsError, TlsListener};

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
    /// Session lifetimes as configured; see [`AppState::session_policy`].
    pub configured_session_policy: SessionPolicy,
    settings: RwLock<InstanceSettings>,
    /// Recent slot lists as the API wrote them, see [`SlotCache`].
    pub slot_cache: SlotCache<axum::body::Bytes>,
    /// Wakes the job worker after enqueueing work that is due now.
    pub jobs: crate::jobs::Waker,
    /// Failed job attempts by kind since the start, for `/metrics`.
    pub job_failures: Arc<crate::jobs::Failures>,
    /// The address the server actually listens on (the port may have been chosen by the OS).
    pub local_addr: SocketAddr,
    /// The certificate served when Kairos speaks HTTPS itself.
    pub tls: Option<Arc<ReloadableCertificate>>,
    /// Single sign-on: its settings and the sign-ins in progress.
    pub sso: crate::auth::sso::Sso,
    /// The booking-event outbox and its subscribers, the integrations.
    pub outbox: Outbox,
    /// Messages a page shows once after a POST (new keys, one-time links).
    pub shown_once: crate::web::shown_once::ShownOnce,
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

    /// How long sessions live now: the configuration, with the idle sign-out an
    /// administrator chose (setup wizard or Admin) in place of the configured one.
    pub fn session_policy(&self) -> SessionPolicy {
        self.configured_session_policy
            .with_idle_minutes(self.settings().session_idle_minutes)
    }

    pub fn set_settings(&self, settings: InstanceSettings) {
        *self.settings.write().unwrap_or_else(|p| p.into_inner()) = settings;
    }

    /// While setup is incomplete, reads again from the database whether it is complete
    /// (`kairos admin create` may have completed it from the host shell while the server
    /// runs), and takes in the saved settings when it is.
    pub async fn refresh_setup(&self) -> Result<(), DbError> {
        if self.setup.is_completed() {
            return Ok(());
        }
        let (settings, admin_exists) = self
            .db
            .read(|conn| -> Result<_, DbError> {
                Ok((InstanceSettings::load(conn)?, users::admin_exists(conn)?))
            })
            .await?;
        let completed = settings.setup_completed;
        if completed {
            self.set_settings(settings);
            tracing::info!("setup was completed outside this server; setup pages are closed");
        }
        self.setup.observe(admin_exists, completed);
        Ok(())
    }

    /// The public URL of the instance: the config file's `base_url`, else the wizard's,
    /// else the address the server listens on.
    pub fn base_url(&self) -> String {
        base_url(&self.config, &self.settings(), self.local_addr)
    }

    /// What the booking service needs to know about the instance, as of now.
    pub fn booking_settings(&self) -> crate::booking::Settings {
        let settings = self.settings();
        crate::booking::Settings {
            context: crate::booking::slots::Context {
                now: self.clock.now(),
                first_day_of_week: crate::availability::DayOfWeek::from_chrono(
                    settings.first_day_of_week,
                ),
            },
            video_base_url: self.config.video_base_url.clone(),
            manage_key: crate::booking::ManageKey::new(&self.key),
            caps: crate::booking::HourlyCaps {
                per_event_type: settings.bookings_per_event_type_per_hour,
                per_host: settings.bookings_per_host_per_hour,
            },
            outbox: self.outbox.clone(),
            live_calendars: Some(Arc::new(
                crate::integrations::calendars::live::Checker::new(self.integrations()),
            )),
        }
    }

    /// What the integrations use of the instance.
    pub fn integrations(&self) -> Deps {
        Deps {
            db: self.db.clone(),
            key: self.key.clone(),
            clock: self.clock.clone(),
            instance: Arc::new(self.clone()),
            jobs: self.jobs.clone(),
        }
    }

    /// Where receivers that members name (webhooks) may be.
    pub fn outbound_policy(&self) -> Policy {
        Policy::for_members(
            self.settings().allow_private_targets,
            self.config.outbound_allow_loopback,
        )
    }

    /// Where servers that administrators set up (mail, SMS, single sign-on) may be.
    pub fn admin_outbound_policy(&self) -> Policy {
        Policy::for_admin_servers(
            self.settings().allow_private_targets,
            self.config.outbound_allow_loopback,
        )
    }

    /// Reads the TLS certificate and key again (on SIGHUP). A file that cannot be used
    /// leaves the current certificate in place; the error says why.
    pub fn reload_tls(&self) {
        let Some(tls) = &self.tls else {
            tracing::info!("reload requested; no TLS certificate is configured, nothing to do");
            return;
        };
        match tls.reload() {
            Ok(()) => tracing::info!("reloaded the TLS certificate and key"),
            Err(err) => {
                tracing::error!(error = %err, "kept the current TLS certificate: the new files cannot be used")
            }
        }
    }
}

impl InstanceView for AppState {
    fn site(&self) -> Site {
        let settings = self.settings();
        Site {
            organization: settings.organization_name.clone(),
            base_url: self.base_url(),
            minimum_necessary: settings.minimum_necessary,
            manage_key: ManageKey::new(&self.key),
            language: settings.default_language,
        }
    }

    fn member_targets(&self) -> Policy {
        self.outbound_policy()
    }

    fn admin_servers(&self) -> Policy {
        self.admin_outbound_policy()
    }

    fn calendar_server(&self, url: &str) -> Policy {
        let listed = url::Url::parse(url)
            .ok()
            .and_then(|url| {
                url.host_str()
                    .map(|host| self.config.calendar_private_hosts.contains(host))
            })
            .unwrap_or(false);
        if listed {
            Policy::for_admin_servers(true, true)
        } else {
            self.outbound_policy()
        }
    }

    fn booking_settings(&self) -> crate::booking::Settings {
        AppState::booking_settings(self)
    }

    fn calendar_sync_interval(&self) -> chrono::Duration {
        chrono::Duration::minutes(i64::from(self.config.calendar_sync_minutes))
    }

    fn stripe_base_url(&self) -> String {
        self.config
            .stripe_base_url
            .clone()
            .unwrap_or_else(|| crate::integrations::payments::STRIPE_API.to_string())
    }

    fn vendor_base_url(&self, vendor: crate::integrations::oauth::Vendor) -> Option<String> {
        use crate::integrations::oauth::Vendor;
        match vendor {
            Vendor::Google => self.config.google_base_url.clone(),
            Vendor::Microsoft => self.config.microsoft_base_url.clone(),
            Vendor::Zoom => self.config.zoom_base_url.clone(),
        }
    }
}

/// Emails a one-time link (see [`crate::auth::link_mail`]).
async fn send_link(
    state: &AppState,
    job: crate::jobs::Job,
    link: &'static crate::auth::link_mail::LinkMail,
) -> Result<(), crate::jobs::JobFailure> {
    let site = crate::auth::link_mail::Site {
        base_url: state.base_url(),
        organization: state.settings().organization_name,
        language: state.settings().default_language,
    };
    let policy = state.admin_outbound_policy();
    let now = state.clock.now();
    crate::auth::link_mail::send(&state.db, &state.key, site, policy, job, now, link).await
}

/// The handlers of every job kind the appliance runs: the integrations', sign-in unlock
/// and password links, and the daily audit retention run.
fn job_handlers(state: &AppState) -> Handlers {
    let (retention_state, unlock_state, reset_state) =
        (state.clone(), state.clone(), state.clone());
    let handlers = Handlers::new()
        .on(crate::auth::unlock::UNLOCK_JOB, move |job| {
            let state = unlock_state.clone();
            async move { send_link(&state, job, &crate::auth::unlock::LINK).await }
        })
        .on(crate::auth::reset::RESET_JOB, move |job| {
            let state = reset_state.clone();
            async move { send_link(&state, job, &crate::auth::reset::LINK).await }
        })
        .on(crate::audit::RETENTION_JOB, move |_job| {
            let state = retention_state.clone();
            async move {
                let years = state.settings().audit_retention_years;
                crate::audit::run_retention(&state.db, &state.key, years, state.clock.now())
                    .await
                    .map(|_| ())
                    .map_err(JobFailure::from)
            }
        });
    crate::integrations::job_handlers(handlers, &state.integrations())
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
    let scheme = if config.tls_cert.is_some() {
        "https"
    } else {
        "http"
    };
    if listen.ip().is_unspecified() {
        format!("{scheme}://localhost:{}", listen.port())
    } else {
        format!("{scheme}://{listen}")
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
    #[error(transparent)]
    Tls(#[from] TlsError),
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: SocketAddr,
        source: std::io::Error,
    },
}

/// A running server.
pub struct Running {
    pub addr: SocketAddr,
    /// The plain-HTTP address that redirects to HTTPS, when there is one.
    pub redirect_addr: Option<SocketAddr>,
    /// The one-time setup URL, while the instance has no administrator.
    pub setup_url: Option<String>,
    pub state: AppState,
    /// The automatic backup schedule, when backups are on.
    pub backups: Option<backup::Scheduler>,
    /// The job worker: emails, reminders and everything else that happens later.
    jobs: crate::jobs::Worker,
    /// Keeps the audit log's signed head at its last committed row.
    audit_head: crate::audit::head::HeadKeeper,
    /// Held while the server runs: `kairos restore` refuses to run under it.
    _data_lock: DataDirLock,
    shutdown: watch::Sender<bool>,
    task: JoinHandle<std::io::Result<()>>,
    redirect_task: Option<JoinHandle<std::io::Result<()>>>,
    reload_task: Option<JoinHandle<()>>,
}

impl Running {
    /// Stops accepting connections, lets in-flight requests finish (for at most
    /// [`SHUTDOWN_GRACE`]) and closes the database cleanly.
    pub async fn shutdown(self) -> std::io::Result<()> {
        let _ = self.shutdown.send(true);
        if let Some(reload) = self.reload_task {
            reload.abort();
        }
        if let Some(redirect) = self.redirect_task {
            let _ = tokio::time::timeout(SHUTDOWN_GRACE, redirect).await;
        }
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
        let audit_head = self.audit_head;
        // The last commits are signed before the database closes.
        let _ = tokio::task::spawn_blocking(move || audit_head.stop()).await;
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

    let key = instance.key.clone();
    let (settings, sso_settings, admin_exists) = instance
        .db
        .read(move |conn| -> Result<_, DbError> {
            Ok((
                InstanceSettings::load(conn)?,
                crate::auth::sso::SsoSettings::load(conn, &key)?,
                users::admin_exists(conn)?,
            ))
        })
        .await?;

    // A certificate that cannot be used stops startup before anything listens.
    let tls = config
        .tls_files()
        .map(ReloadableCertificate::load)
        .transpose()?
        .map(Arc::new);
    let tls_config = tls.as_ref().map(|tls| tls.server_config()).transpose()?;

    let (listener, local_addr) = bind(config.listen).await?;
    let redirect = match config.tls_redirect_listen {
        Some(addr) => Some(bind(addr).await?),
        None => None,
    };

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
        throttle: LoginThrottle::new(Limits::default(), instance.key.derive("known browser")),
        configured_session_policy: SessionPolicy::from_config(&config),
        key: instance.key,
        db: instance.db,
        clock,
        setup,
        rate_limits: RateLimiter::new(RateLimits {
            bookings_per_hour: config.booking_rate_limit_per_hour as usize,
            api_calls_per_minute: config.api_rate_limit_per_minute as usize,
        }),
        settings: RwLock::new(settings),
        local_addr,
        tls,
        sso: crate::auth::sso::Sso::new(sso_settings),
        config,
        slot_cache: Default::default(),
        outbox: crate::integrations::outbox(),
        shown_once: Default::default(),
        jobs: crate::jobs::Waker::new(),
        job_failures: crate::jobs::Failures::new(),
    }));

    let backups = backup::Schedule::from_config(&state.config).map(|schedule| {
        backup::Scheduler::spawn(
            state.db.clone(),
            state.config.backup_dir(),
            state.clock.clone(),
            schedule,
        )
    });

    let now = state.clock.now();
    let orphaned = state
        .db
        .write(move |tx| -> Result<usize, DbError> {
            crate::audit::schedule_retention(tx, now, now)?;
            // This process holds the data directory's lock, so no other worker runs: jobs
            // still marked running were cut short when the last process ended (a crash or
            // kill -9) and run again now rather than when their leases lapse.
            Ok(crate::jobs::queue::release_orphans(tx, now)?)
        })
        .await?;
    if orphaned > 0 {
        tracing::warn!(
            jobs = orphaned,
            "jobs the previous process left running run again"
        );
    }
    let jobs = crate::jobs::Worker::spawn_with(
        state.db.clone(),
        state.clock.clone(),
        job_handlers(&state),
        state.jobs.clone(),
        crate::jobs::WorkerOptions {
            lifetime: chrono::Duration::hours(i64::from(state.config.job_retry_hours)),
            failures: state.job_failures.clone(),
            ..crate::jobs::WorkerOptions::default()
        },
    );

    let router = crate::web::router(state.clone());
    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let task = match tls_config {
        Some(tls_config) => {
            let listener =
                TlsListener::new(listener, tls_config).map_err(|source| StartError::Listen {
                    addr: local_addr,
                    source,
                })?;
            spawn_server(listener, router, shutdown_rx.clone())
        }
        None => spawn_server(listener, router, shutdown_rx.clone()),
    };
    let scheme = if state.tls.is_some() { "https" } else { "http" };
    tracing::info!(addr = %local_addr, scheme, version = env!("CARGO_PKG_VERSION"), "listening");

    let (redirect_task, redirect_addr) = match redirect {
        Some((listener, addr)) => {
            let public_url = state.config.base_url.clone().or(state.settings().base_url);
            let router = crate::transport::redirect_router(public_url, local_addr.port());
            tracing::info!(addr = %addr, "redirecting plain HTTP to HTTPS");
            (
                Some(spawn_server(listener, router, shutdown_rx)),
                Some(addr),
            )
        }
        None => (None, None),
    };
    let reload_task = reload_on_hangup(state.clone());

    Ok(Running {
        addr: local_addr,
        redirect_addr,
        setup_url,
        state,
        backups,
        jobs,
        audit_head: instance.audit_head,
        _data_lock: data_lock,
        shutdown: shutdown_tx,
        task,
        redirect_task,
        reload_task,
    })
}

async fn bind(addr: SocketAddr) -> Result<(TcpListener, SocketAddr), StartError> {
    let listen_error = |source| StartError::Listen { addr, source };
    let listener = TcpListener::bind(addr).await.map_err(listen_error)?;
    let local = listener.local_addr().map_err(listen_error)?;
    Ok((listener, local))
}

/// Serves `router` on `listener` until `shutdown` turns true, then lets in-flight requests
/// finish.
fn spawn_server<L>(
    listener: L,
    router: axum::Router,
    mut shutdown: watch::Receiver<bool>,
) -> JoinHandle<std::io::Result<()>>
where
    L: axum::serve::Listener<Addr = SocketAddr>,
{
    use axum::serve::ListenerExt;
    // `tap_io` gives any listener with socket addresses the peer address as ConnectInfo.
    let listener = listener.tap_io(|_| {});
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async move {
            let _ = shutdown.wait_for(|stop| *stop).await;
        })
        .await
    })
}

/// Re-reads the TLS certificate on SIGHUP (`systemctl reload kairos`). The handler is
/// installed even without TLS, so a reload never terminates the server.
fn reload_on_hangup(state: AppState) -> Option<JoinHandle<()>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut hangups = match signal(SignalKind::hangup()) {
        Ok(hangups) => hangups,
        Err(err) => {
            tracing::warn!(error = %err, "cannot listen for SIGHUP; the certificate is not reloadable");
            return None;
        }
    };
    Some(tokio::spawn(async move {
        while hangups.recv().await.is_some() {
            state.reload_tls();
        }
    }))
}

//! Configuration: defaults < TOML file < `KAIROS_*` environment < command-line flags.
//!
//! Every value remembers where it came from, so `kairos config show` can say so. The file
//! is strict: an unknown key or a bad value stops startup with a message naming the key,
//! the line and what is allowed.

use std::collections::BTreeMap;
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

/// The system-wide configuration file, used when it exists and no other file is named.
pub const SYSTEM_CONFIG_FILE: &str = "/etc/kairos/kairos.toml";

const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
const DEFAULT_LOG_LEVEL: &str = "info";
const DEFAULT_SESSION_IDLE_MINUTES: u32 = 15;
const DEFAULT_SESSION_LIFETIME_HOURS: u32 = 12;
const DEFAULT_VIDEO_BASE_URL: &str = "https://meet.jit.si";
const DEFAULT_BACKUP_INTERVAL_HOURS: u32 = 24;
const DEFAULT_BACKUP_KEEP: u32 = 7;
const DEFAULT_JOB_RETRY_HOURS: u32 = 72;
/// The longest retry lifetime accepted: a year.
const MAX_JOB_RETRY_HOURS: i64 = 24 * 366;
const DEFAULT_BOOKING_RATE_LIMIT_PER_HOUR: u32 = 60;
const DEFAULT_API_RATE_LIMIT_PER_MINUTE: u32 = 600;
/// The highest rate limit accepted (0 turns a limit off).
const MAX_RATE_LIMIT: i64 = 100_000;
/// The shortest `metrics_token` accepted: anything shorter is guessable.
const MIN_METRICS_TOKEN_LEN: usize = 16;
const LOG_LEVELS: [&str; 5] = ["error", "warn", "info", "debug", "trace"];

/// Where a configuration value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Default,
    File(PathBuf),
    Env(&'static str),
    Flag(&'static str),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Default => write!(f, "default"),
            Source::File(path) => write!(f, "file {}", path.display()),
            Source::Env(var) => write!(f, "env {var}"),
            Source::Flag(flag) => write!(f, "flag {flag}"),
        }
    }
}

/// Values given on the command line; `None` when the flag was not used.
#[derive(Debug, Default, Clone)]
pub struct Flags {
    pub config_file: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    pub listen: Option<SocketAddr>,
    pub tls_cert: Option<PathBuf>,
    pub tls_key: Option<PathBuf>,
}

/// The effective configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file that was read, if any.
    pub file: Option<PathBuf>,
    pub data_dir: PathBuf,
    pub listen: SocketAddr,
    /// The public URL people reach this instance at; when unset, the wizard's value or
    /// `http://<listen>` is used.
    pub base_url: Option<String>,
    pub log_level: String,
    pub session_idle_minutes: u32,
    pub session_lifetime_hours: u32,
    /// Video meeting rooms for bookings are links under this URL (a Jitsi server).
    pub video_base_url: String,
    /// Hours between automatic backups taken by `serve`; 0 turns them off.
    pub backup_interval_hours: u32,
    /// How many automatic backups to keep (older ones are deleted).
    pub backup_keep: u32,
    /// How long a failing job (an email, a webhook) is retried, counted from when it was
    /// first due, before it is dead: mail servers keep trying for days, and so does Kairos.
    pub job_retry_hours: u32,
    /// Bookings one client address may create per hour (API and booking pages); 0 is no limit.
    pub booking_rate_limit_per_hour: u32,
    /// Requests one API key may make per minute; 0 is no limit.
    pub api_rate_limit_per_minute: u32,
    /// Bearer token that `/metrics` requires; `/metrics` is off while it is unset.
    pub metrics_token: Option<String>,
    /// A mirror serving release manifests; unset means GitHub releases.
    pub update_base_url: Option<String>,
    /// PEM certificate chain to serve HTTPS with (together with `tls_key`).
    pub tls_cert: Option<PathBuf>,
    /// PEM private key of `tls_cert`.
    pub tls_key: Option<PathBuf>,
    /// A second address, plain HTTP, that redirects every request to HTTPS.
    pub tls_redirect_listen: Option<SocketAddr>,
    /// Reverse proxies whose `X-Forwarded-*` and `Forwarded` headers are believed.
    pub trusted_proxies: crate::transport::TrustedProxies,
    /// Keeps password sign-in available while "single sign-on only" is on (break-glass).
    pub allow_password_sign_in: bool,
    /// For tests only: lets webhooks and the SMS gateway reach loopback addresses (a test's
    /// receiver on 127.0.0.1). A config key, never an instance setting, so nobody can turn
    /// it on from the web.
    pub outbound_allow_loopback: bool,
    sources: BTreeMap<&'static str, Source>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("config file {path}: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("config file {path}, line {line}: `{key}` {reason}")]
    Value {
        path: PathBuf,
        line: usize,
        key: &'static str,
        reason: String,
    },
    #[error("environment variable {var}: {reason}")]
    Env { var: &'static str, reason: String },
    #[error("{0}")]
    Conflict(String),
    #[error(
        "no data directory could be determined (no home directory); pass --data-dir or set KAIROS_DATA_DIR"
    )]
    NoDataDir,
}

/// The configuration file as written: every key optional, no unknown keys.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    data_dir: Option<Spanned<String>>,
    listen: Option<Spanned<String>>,
    base_url: Option<Spanned<String>>,
    log_level: Option<Spanned<String>>,
    session_idle_minutes: Option<Spanned<i64>>,
    session_lifetime_hours: Option<Spanned<i64>>,
    video_base_url: Option<Spanned<String>>,
    backup_interval_hours: Option<Spanned<i64>>,
    backup_keep: Option<Spanned<i64>>,
    job_retry_hours: Option<Spanned<i64>>,
    booking_rate_limit_per_hour: Option<Spanned<i64>>,
    api_rate_limit_per_minute: Option<Spanned<i64>>,
    metrics_token: Option<Spanned<String>>,
    update_base_url: Option<Spanned<String>>,
    tls_cert: Option<Spanned<String>>,
    tls_key: Option<Spanned<String>>,
    tls_redirect_listen: Option<Spanned<String>>,
    trusted_proxies: Option<Spanned<Vec<String>>>,
    allow_password_sign_in: Option<Spanned<bool>>,
    outbound_allow_loopback: Option<bool>,
}

impl Config {
    /// Loads the configuration from the process environment and the given flags.
    pub fn load(flags: &Flags) -> Result<Self, ConfigError> {
        Self::load_from(flags, |name| std::env::var(name).ok())
    }

    /// Loads the configuration with an explicit environment lookup (for tests).
    pub fn load_from(
        flags: &Flags,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, ConfigError> {
        let mut config = Config::defaults();

        let file = match (&flags.config_file, env("KAIROS_CONFIG")) {
            (Some(path), _) => Some(path.clone()),
            (None, Some(path)) if !path.is_empty() => Some(PathBuf::from(path)),
            _ => default_config_file(),
        };
        if let Some(path) = file {
            config.apply_file(&path)?;
            config.file = Some(path);
        }
        config.apply_env(&env)?;
        config.apply_flags(flags);
        config.check_tls()?;

        if config.data_dir.as_os_str().is_empty() {
            config.data_dir = default_data_dir().ok_or(ConfigError::NoDataDir)?;
        }
        Ok(config)
    }

    fn defaults() -> Self {
        let mut sources = BTreeMap::new();
        for key in Self::KEYS {
            sources.insert(key, Source::Default);
        }
        Config {
            file: None,
            data_dir: PathBuf::new(),
            listen: DEFAULT_LISTEN
                .parse()
                .unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 8080))),
            base_url: None,
            log_level: DEFAULT_LOG_LEVEL.to_string(),
            session_idle_minutes: DEFAULT_SESSION_IDLE_MINUTES,
            session_lifetime_hours: DEFAULT_SESSION_LIFETIME_HOURS,
            video_base_url: DEFAULT_VIDEO_BASE_URL.to_string(),
            backup_interval_hours: DEFAULT_BACKUP_INTERVAL_HOURS,
            backup_keep: DEFAULT_BACKUP_KEEP,
            job_retry_hours: DEFAULT_JOB_RETRY_HOURS,
            booking_rate_limit_per_hour: DEFAULT_BOOKING_RATE_LIMIT_PER_HOUR,
            api_rate_limit_per_minute: DEFAULT_API_RATE_LIMIT_PER_MINUTE,
            metrics_token: None,
            update_base_url: None,
            tls_cert: None,
            tls_key: None,
            tls_redirect_listen: None,
            trusted_proxies: Default::default(),
            allow_password_sign_in: false,
            outbound_allow_loopback: false,
            sources,
        }
    }

    /// Every key, in the order `config show` prints them.
    pub const KEYS: [&'static str; 20] = [
        "data_dir",
        "listen",
        "base_url",
        "log_level",
        "session_idle_minutes",
        "session_lifetime_hours",
        "video_base_url",
        "backup_interval_hours",
        "backup_keep",
        "job_retry_hours",
        "booking_rate_limit_per_hour",
        "api_rate_limit_per_minute",
        "metrics_token",
        "update_base_url",
        "tls_cert",
        "tls_key",
        "tls_redirect_listen",
        "trusted_proxies",
        "allow_password_sign_in",
        "outbound_allow_loopback",
    ];

    /// Where the value of `key` came from.
    pub fn source(&self, key: &str) -> Source {
        self.sources.get(key).cloned().unwrap_or(Source::Default)
    }

    /// The effective value of `key` as text, with secrets redacted.
    pub fn display_value(&self, key: &str) -> String {
        match key {
            "data_dir" => self.data_dir.display().to_string(),
            "listen" => self.listen.to_string(),
            "base_url" => self
                .base_url
                .clone()
                .unwrap_or_else(|| "(unset: the setup wizard's value)".into()),
            "log_level" => self.log_level.clone(),
            "session_idle_minutes" => self.session_idle_minutes.to_string(),
            "session_lifetime_hours" => self.session_lifetime_hours.to_string(),
            "video_base_url" => self.video_base_url.clone(),
            "backup_interval_hours" => self.backup_interval_hours.to_string(),
            "backup_keep" => self.backup_keep.to_string(),
            "job_retry_hours" => self.job_retry_hours.to_string(),
            "booking_rate_limit_per_hour" => rate_limit_text(self.booking_rate_limit_per_hour),
            "api_rate_limit_per_minute" => rate_limit_text(self.api_rate_limit_per_minute),
            "metrics_token" => match self.metrics_token {
                Some(_) => "(set, redacted)".into(),
                None => "(unset: /metrics is off)".into(),
            },
            "update_base_url" => self
                .update_base_url
                .clone()
                .unwrap_or_else(|| "(unset: GitHub releases)".into()),
            "tls_cert" => self.tls_cert.as_ref().map_or_else(
                || "(unset: plain HTTP)".into(),
                |path| path.display().to_string(),
            ),
            "tls_key" => self.tls_key.as_ref().map_or_else(
                || "(unset: plain HTTP)".into(),
                |path| path.display().to_string(),
            ),
            "tls_redirect_listen" => self
                .tls_redirect_listen
                .map_or_else(|| "(unset: no redirect listener)".into(), |a| a.to_string()),
            "trusted_proxies" => {
                if self.trusted_proxies.is_empty() {
                    "(none: forwarding headers are ignored)".into()
                } else {
                    self.trusted_proxies.to_string()
                }
            }
            "allow_password_sign_in" => self.allow_password_sign_in.to_string(),
            "outbound_allow_loopback" => self.outbound_allow_loopback.to_string(),
            _ => String::new(),
        }
    }

    /// The whole effective configuration as `key = value  # source` lines.
    pub fn render(&self) -> String {
        let mut out = String::new();
        match &self.file {
            Some(path) => out.push_str(&format!("# config file: {}\n", path.display())),
            None => out.push_str("# config file: none\n"),
        }
        for key in Self::KEYS {
            out.push_str(&format!(
                "{key} = {:?}  # {}\n",
                self.display_value(key),
                self.source(key)
            ));
        }
        out
    }

    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join("kairos.db")
    }

    pub fn key_path(&self) -> PathBuf {
        self.data_dir.join("kairos.key")
    }

    /// The signed head of the audit log, kept outside the database (see `audit::head`).
    pub fn audit_head_path(&self) -> PathBuf {
        self.data_dir.join("audit.head")
    }

    pub fn backup_dir(&self) -> PathBuf {
        self.data_dir.join("backups")
    }

    fn apply_file(&mut self, path: &Path) -> Result<(), ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let file: FileConfig = toml::from_str(&text).map_err(|err| ConfigError::Parse {
            path: path.to_path_buf(),
            message: err.to_string().trim_end().to_string(),
        })?;
        let source = Source::File(path.to_path_buf());
        let bad =
            |key: &'static str, span: std::ops::Range<usize>, reason: String| ConfigError::Value {
                path: path.to_path_buf(),
                line: line_of(&text, span.start),
                key,
                reason,
            };

        if let Some(value) = file.data_dir {
            let span = value.span();
            let dir = value.into_inner();
            if dir.trim().is_empty() {
                return Err(bad("data_dir", span, "must be a directory path".into()));
            }
            self.data_dir = PathBuf::from(dir);
            self.sources.insert("data_dir", source.clone());
        }
        if let Some(value) = file.listen {
            let span = value.span();
            self.listen =
                parse_listen(value.get_ref()).map_err(|reason| bad("listen", span, reason))?;
            self.sources.insert("listen", source.clone());
        }
        if let Some(value) = file.base_url {
            let span = value.span();
            self.base_url = Some(
                parse_base_url(value.get_ref()).map_err(|reason| bad("base_url", span, reason))?,
            );
            self.sources.insert("base_url", source.clone());
        }
        if let Some(value) = file.log_level {
            let span = value.span();
            self.log_level = parse_log_level(value.get_ref())
                .map_err(|reason| bad("log_level", span, reason))?;
            self.sources.insert("log_level", source.clone());
        }
        if let Some(value) = file.session_idle_minutes {
            let span = value.span();
            self.session_idle_minutes = minutes_in_range(*value.get_ref(), 1, 24 * 60)
                .map_err(|reason| bad("session_idle_minutes", span, reason))?;
            self.sources.insert("session_idle_minutes", source.clone());
        }
        if let Some(value) = file.booking_rate_limit_per_hour {
            let span = value.span();
            self.booking_rate_limit_per_hour =
                minutes_in_range(*value.get_ref(), 0, MAX_RATE_LIMIT)
                    .map_err(|reason| bad("booking_rate_limit_per_hour", span, reason))?;
            self.sources
                .insert("booking_rate_limit_per_hour", source.clone());
        }
        if let Some(value) = file.api_rate_limit_per_minute {
            let span = value.span();
            self.api_rate_limit_per_minute = minutes_in_range(*value.get_ref(), 0, MAX_RATE_LIMIT)
                .map_err(|reason| bad("api_rate_limit_per_minute", span, reason))?;
            self.sources
                .insert("api_rate_limit_per_minute", source.clone());
        }
        if let Some(value) = file.session_lifetime_hours {
            let span = value.span();
            self.session_lifetime_hours = minutes_in_range(*value.get_ref(), 1, 24 * 30)
                .map_err(|reason| bad("session_lifetime_hours", span, reason))?;
            self.sources
                .insert("session_lifetime_hours", source.clone());
        }
        if let Some(value) = file.video_base_url {
            let span = value.span();
            self.video_base_url = parse_base_url(value.get_ref())
                .map_err(|reason| bad("video_base_url", span, reason))?;
            self.sources.insert("video_base_url", source.clone());
        }
        if let Some(value) = file.backup_interval_hours {
            let span = value.span();
            self.backup_interval_hours = minutes_in_range(*value.get_ref(), 0, 24 * 30)
                .map_err(|reason| bad("backup_interval_hours", span, reason))?;
            self.sources.insert("backup_interval_hours", source.clone());
        }
        if let Some(value) = file.backup_keep {
            let span = value.span();
            self.backup_keep = minutes_in_range(*value.get_ref(), 1, 1000)
                .map_err(|reason| bad("backup_keep", span, reason))?;
            self.sources.insert("backup_keep", source.clone());
        }
        if let Some(value) = file.job_retry_hours {
            let span = value.span();
            self.job_retry_hours = minutes_in_range(*value.get_ref(), 1, MAX_JOB_RETRY_HOURS)
                .map_err(|reason| bad("job_retry_hours", span, reason))?;
            self.sources.insert("job_retry_hours", source.clone());
        }
        if let Some(value) = file.metrics_token {
            let span = value.span();
            self.metrics_token = Some(
                parse_metrics_token(value.get_ref())
                    .map_err(|reason| bad("metrics_token", span, reason))?,
            );
            self.sources.insert("metrics_token", source.clone());
        }
        if let Some(value) = file.update_base_url {
            let span = value.span();
            self.update_base_url = Some(
                parse_base_url(value.get_ref())
                    .map_err(|reason| bad("update_base_url", span, reason))?,
            );
            self.sources.insert("update_base_url", source.clone());
        }
        if let Some(value) = file.tls_cert {
            let span = value.span();
            self.tls_cert = Some(
                parse_path(value.get_ref(), "a PEM certificate file")
                    .map_err(|reason| bad("tls_cert", span, reason))?,
            );
            self.sources.insert("tls_cert", source.clone());
        }
        if let Some(value) = file.tls_key {
            let span = value.span();
            self.tls_key = Some(
                parse_path(value.get_ref(), "a PEM private key file")
                    .map_err(|reason| bad("tls_key", span, reason))?,
            );
            self.sources.insert("tls_key", source.clone());
        }
        if let Some(value) = file.tls_redirect_listen {
            let span = value.span();
            self.tls_redirect_listen = Some(
                parse_listen(value.get_ref())
                    .map_err(|reason| bad("tls_redirect_listen", span, reason))?,
            );
            self.sources.insert("tls_redirect_listen", source.clone());
        }
        if let Some(value) = file.trusted_proxies {
            let span = value.span();
            self.trusted_proxies = crate::transport::TrustedProxies::parse(value.get_ref())
                .map_err(|reason| bad("trusted_proxies", span, reason))?;
            self.sources.insert("trusted_proxies", source.clone());
        }
        if let Some(value) = file.allow_password_sign_in {
            self.allow_password_sign_in = value.into_inner();
            self.sources
                .insert("allow_password_sign_in", source.clone());
        }
        if let Some(allow) = file.outbound_allow_loopback {
            self.outbound_allow_loopback = allow;
            self.sources.insert("outbound_allow_loopback", source);
        }
        Ok(())
    }

    fn apply_env(&mut self, env: &impl Fn(&str) -> Option<String>) -> Result<(), ConfigError> {
        let get = |var: &'static str| env(var).filter(|value| !value.is_empty());
        let bad = |var: &'static str, reason: String| ConfigError::Env { var, reason };

        if let Some(dir) = get("KAIROS_DATA_DIR") {
            self.data_dir = PathBuf::from(dir);
            self.sources
                .insert("data_dir", Source::Env("KAIROS_DATA_DIR"));
        }
        if let Some(value) = get("KAIROS_LISTEN") {
            self.listen = parse_listen(&value).map_err(|reason| bad("KAIROS_LISTEN", reason))?;
            self.sources.insert("listen", Source::Env("KAIROS_LISTEN"));
        }
        if let Some(value) = get("KAIROS_BASE_URL") {
            self.base_url =
                Some(parse_base_url(&value).map_err(|reason| bad("KAIROS_BASE_URL", reason))?);
            self.sources
                .insert("base_url", Source::Env("KAIROS_BASE_URL"));
        }
        if let Some(value) = get("KAIROS_LOG_LEVEL") {
            self.log_level =
                parse_log_level(&value).map_err(|reason| bad("KAIROS_LOG_LEVEL", reason))?;
            self.sources
                .insert("log_level", Source::Env("KAIROS_LOG_LEVEL"));
        }
        if let Some(value) = get("KAIROS_SESSION_IDLE_MINUTES") {
            let var = "KAIROS_SESSION_IDLE_MINUTES";
            self.session_idle_minutes = value
                .parse::<i64>()
                .map_err(|_| "must be a whole number of minutes".to_string())
                .and_then(|n| minutes_in_range(n, 1, 24 * 60))
                .map_err(|reason| bad(var, reason))?;
            self.sources
                .insert("session_idle_minutes", Source::Env(var));
        }
        if let Some(value) = get("KAIROS_SESSION_LIFETIME_HOURS") {
            let var = "KAIROS_SESSION_LIFETIME_HOURS";
            self.session_lifetime_hours = value
                .parse::<i64>()
                .map_err(|_| "must be a whole number of hours".to_string())
                .and_then(|n| minutes_in_range(n, 1, 24 * 30))
                .map_err(|reason| bad(var, reason))?;
            self.sources
                .insert("session_lifetime_hours", Source::Env(var));
        }
        if let Some(value) = get("KAIROS_VIDEO_BASE_URL") {
            let var = "KAIROS_VIDEO_BASE_URL";
            self.video_base_url = parse_base_url(&value).map_err(|reason| bad(var, reason))?;
            self.sources.insert("video_base_url", Source::Env(var));
        }
        if let Some(value) = get("KAIROS_BACKUP_INTERVAL_HOURS") {
            let var = "KAIROS_BACKUP_INTERVAL_HOURS";
            self.backup_interval_hours = value
                .parse::<i64>()
                .map_err(|_| "must be a whole number of hours (0 turns backups off)".to_string())
                .and_then(|n| minutes_in_range(n, 0, 24 * 30))
                .map_err(|reason| bad(var, reason))?;
            self.sources
                .insert("backup_interval_hours", Source::Env(var));
        }
        if let Some(value) = get("KAIROS_BACKUP_KEEP") {
            let var = "KAIROS_BACKUP_KEEP";
            self.backup_keep = value
                .parse::<i64>()
                .map_err(|_| "must be a whole number of backups".to_string())
                .and_then(|n| minutes_in_range(n, 1, 1000))
                .map_err(|reason| bad(var, reason))?;
            self.sources.insert("backup_keep", Source::Env(var));
        }
        if let Some(value) = get("KAIROS_JOB_RETRY_HOURS") {
            let var = "KAIROS_JOB_RETRY_HOURS";
            self.job_retry_hours = value
                .parse::<i64>()
                .map_err(|_| "must be a whole number of hours".to_string())
                .and_then(|n| minutes_in_range(n, 1, MAX_JOB_RETRY_HOURS))
                .map_err(|reason| bad(var, reason))?;
            self.sources.insert("job_retry_hours", Source::Env(var));
        }
        if let Some(value) = get("KAIROS_BOOKING_RATE_LIMIT_PER_HOUR") {
            let var = "KAIROS_BOOKING_RATE_LIMIT_PER_HOUR";
            self.booking_rate_limit_per_hour =
                parse_rate_limit(&value).map_err(|reason| bad(var, reason))?;
            self.sources
                .insert("booking_rate_limit_per_hour", Source::Env(var));
        }
        if let Some(value) = get("KAIROS_API_RATE_LIMIT_PER_MINUTE") {
            let var = "KAIROS_API_RATE_LIMIT_PER_MINUTE";
            self.api_rate_limit_per_minute =
                parse_rate_limit(&value).map_err(|reason| bad(var, reason))?;
            self.sources
                .insert("api_rate_limit_per_minute", Source::Env(var));
        }
        if let Some(value) = get("KAIROS_METRICS_TOKEN") {
            let var = "KAIROS_METRICS_TOKEN";
            self.metrics_token =
                Some(parse_metrics_token(&value).map_err(|reason| bad(var, reason))?);
            self.sources.insert("metrics_token", Source::Env(var));
        }
        if let Some(value) = get("KAIROS_UPDATE_BASE_URL") {
            let var = "KAIROS_UPDATE_BASE_URL";
            self.update_base_url = Some(parse_base_url(&value).map_err(|reason| bad(var, reason))?);
            self.sources.insert("update_base_url", Source::Env(var));
        }
        if let Some(value) = get("KAIROS_TLS_CERT") {
            let var = "KAIROS_TLS_CERT";
            self.tls_cert = Some(
                parse_path(&value, "a PEM certificate file").map_err(|reason| bad(var, reason))?,
            );
            self.sources.insert("tls_cert", Source::Env(var));
        }
        if let Some(value) = get("KAIROS_TLS_KEY") {
            let var = "KAIROS_TLS_KEY";
            self.tls_key = Some(
                parse_path(&value, "a PEM private key file").map_err(|reason| bad(var, reason))?,
            );
            self.sources.insert("tls_key", Source::Env(var));
        }
        if let Some(value) = get("KAIROS_TLS_REDIRECT_LISTEN") {
            let var = "KAIROS_TLS_REDIRECT_LISTEN";
            self.tls_redirect_listen =
                Some(parse_listen(&value).map_err(|reason| bad(var, reason))?);
            self.sources.insert("tls_redirect_listen", Source::Env(var));
        }
        if let Some(value) = get("KAIROS_TRUSTED_PROXIES") {
            let var = "KAIROS_TRUSTED_PROXIES";
            let entries: Vec<String> = value
                .split([',', ' '])
                .filter(|entry| !entry.trim().is_empty())
                .map(str::to_string)
                .collect();
            self.trusted_proxies = crate::transport::TrustedProxies::parse(&entries)
                .map_err(|reason| bad(var, reason))?;
            self.sources.insert("trusted_proxies", Source::Env(var));
        }
        if let Some(value) = get("KAIROS_ALLOW_PASSWORD_SIGN_IN") {
            let var = "KAIROS_ALLOW_PASSWORD_SIGN_IN";
            self.allow_password_sign_in = parse_bool(&value).map_err(|reason| bad(var, reason))?;
            self.sources
                .insert("allow_password_sign_in", Source::Env(var));
        }
        if let Some(value) = get("KAIROS_OUTBOUND_ALLOW_LOOPBACK") {
            let var = "KAIROS_OUTBOUND_ALLOW_LOOPBACK";
            self.outbound_allow_loopback = parse_bool(&value).map_err(|reason| bad(var, reason))?;
            self.sources
                .insert("outbound_allow_loopback", Source::Env(var));
        }
        Ok(())
    }

    fn apply_flags(&mut self, flags: &Flags) {
        if let Some(dir) = &flags.data_dir {
            self.data_dir = dir.clone();
            self.sources.insert("data_dir", Source::Flag("--data-dir"));
        }
        if let Some(listen) = flags.listen {
            self.listen = listen;
            self.sources.insert("listen", Source::Flag("--listen"));
        }
        if let Some(path) = &flags.tls_cert {
            self.tls_cert = Some(path.clone());
            self.sources.insert("tls_cert", Source::Flag("--tls-cert"));
        }
        if let Some(path) = &flags.tls_key {
            self.tls_key = Some(path.clone());
            self.sources.insert("tls_key", Source::Flag("--tls-key"));
        }
    }

    /// The certificate and key to serve HTTPS with, when both are set.
    pub fn tls_files(&self) -> Option<crate::transport::TlsFiles> {
        Some(crate::transport::TlsFiles {
            certificate: self.tls_cert.clone()?,
            key: self.tls_key.clone()?,
        })
    }

    /// TLS takes a certificate and its key together; the redirect listener needs TLS.
    fn check_tls(&self) -> Result<(), ConfigError> {
        let conflict = |text: &str| Err(ConfigError::Conflict(text.to_string()));
        match (&self.tls_cert, &self.tls_key) {
            (Some(_), None) => {
                return conflict(
                    "tls_cert is set but tls_key is not: HTTPS needs both the certificate and its private key (--tls-key, KAIROS_TLS_KEY)",
                );
            }
            (None, Some(_)) => {
                return conflict(
                    "tls_key is set but tls_cert is not: HTTPS needs both the certificate and its private key (--tls-cert, KAIROS_TLS_CERT)",
                );
            }
            _ => {}
        }
        if self.tls_redirect_listen.is_some() && self.tls_cert.is_none() {
            return conflict(
                "tls_redirect_listen redirects to HTTPS, which needs tls_cert and tls_key",
            );
        }
        if self
            .tls_redirect_listen
            .is_some_and(|redirect| redirect == self.listen && redirect.port() != 0)
        {
            return conflict("tls_redirect_listen must differ from listen");
        }
        Ok(())
    }
}

fn default_config_file() -> Option<PathBuf> {
    let system = PathBuf::from(SYSTEM_CONFIG_FILE);
    if system.is_file() {
        return Some(system);
    }
    let user = directories::ProjectDirs::from("", "", "kairos")?
        .config_dir()
        .join("kairos.toml");
    user.is_file().then_some(user)
}

fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "kairos").map(|dirs| dirs.data_dir().to_path_buf())
}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(1, |before| before.matches('\n').count() + 1)
}

fn parse_listen(value: &str) -> Result<SocketAddr, String> {
    value.trim().parse().map_err(|_| {
        format!("must be an IP address and port such as \"{DEFAULT_LISTEN}\" or \"[::1]:8080\", not {value:?}")
    })
}

/// A base URL: `http://` or `https://`, a host, no query or fragment; no trailing slash.
pub fn parse_base_url(value: &str) -> Result<String, String> {
    let trimmed = value.trim().trim_end_matches('/');
    let rest = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"))
        .ok_or_else(|| format!("must start with http:// or https://, not {value:?}"))?;
    let host = rest.split('/').next().unwrap_or_default();
    if host.is_empty() || rest.contains(['?', '#', ' ']) {
        return Err(format!(
            "must be a URL such as \"https://book.example.org\" (a host, no query), not {value:?}"
        ));
    }
    Ok(trimmed.to_string())
}

/// A yes/no value from the environment.
fn parse_bool(value: &str) -> Result<bool, String> {
    match value.trim() {
        "true" | "1" | "yes" | "on" => Ok(true),
        "false" | "0" | "no" | "off" => Ok(false),
        other => Err(format!("must be true or false, not {other:?}")),
    }
}

fn parse_path(value: &str, what: &str) -> Result<PathBuf, String> {
    let path = value.trim();
    if path.is_empty() {
        Err(format!("must be the path of {what}"))
    } else {
        Ok(PathBuf::from(path))
    }
}

fn parse_log_level(value: &str) -> Result<String, String> {
    let level = value.trim().to_ascii_lowercase();
    if LOG_LEVELS.contains(&level.as_str()) {
        Ok(level)
    } else {
        Err(format!(
            "must be one of {}, not {value:?}",
            LOG_LEVELS.join(", ")
        ))
    }
}

fn parse_metrics_token(value: &str) -> Result<String, String> {
    let token = value.trim();
    if token.len() < MIN_METRICS_TOKEN_LEN || !token.chars().all(|c| c.is_ascii_graphic()) {
        return Err(format!(
            "must be at least {MIN_METRICS_TOKEN_LEN} printable characters without spaces (e.g. the output of `openssl rand -hex 32`)"
        ));
    }
    Ok(token.to_string())
}

fn parse_rate_limit(value: &str) -> Result<u32, String> {
    value
        .trim()
        .parse::<i64>()
        .map_err(|_| "must be a whole number (0 turns the limit off)".to_string())
        .and_then(|n| minutes_in_range(n, 0, MAX_RATE_LIMIT))
}

fn rate_limit_text(limit: u32) -> String {
    if limit == 0 {
        "0 (no limit)".into()
    } else {
        limit.to_string()
    }
}

fn minutes_in_range(value: i64, min: i64, max: i64) -> Result<u32, String> {
    if (min..=max).contains(&value) {
        u32::try_from(value).map_err(|_| format!("must be between {min} and {max}"))
    } else {
        Err(format!("must be between {min} and {max}, not {value}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn load(file: Option<&str>, env: &[(&str, &str)], flags: Flags) -> Result<Config, ConfigError> {
        let dir = tempfile::tempdir().map_err(|source| ConfigError::Read {
            path: PathBuf::from("tempdir"),
            source,
        })?;
        let mut flags = flags;
        if let Some(text) = file {
            let path = dir.path().join("kairos.toml");
            std::fs::write(&path, text).map_err(|source| ConfigError::Read {
                path: path.clone(),
                source,
            })?;
            flags.config_file = Some(path);
        }
        let env: HashMap<String, String> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        if !env.contains_key("KAIROS_DATA_DIR") {
            flags
                .data_dir
                .get_or_insert_with(|| dir.path().join("data"));
        }
        Config::load_from(&flags, |name| env.get(name).cloned())
    }

    #[test]
    fn outbound_loopback_is_off_unless_the_file_or_environment_turns_it_on() {
        let defaults = load(None, &[], Flags::default()).expect("defaults");
        assert!(!defaults.outbound_allow_loopback);
        let file = load(
            Some("outbound_allow_loopback = true\n"),
            &[],
            Flags::default(),
        )
        .expect("file");
        assert!(file.outbound_allow_loopback);
        assert!(file.render().contains("outbound_allow_loopback = \"true\""));
        let env = load(
            Some("outbound_allow_loopback = true\n"),
            &[("KAIROS_OUTBOUND_ALLOW_LOOPBACK", "false")],
            Flags::default(),
        )
        .expect("env");
        assert!(!env.outbound_allow_loopback);
        let err = load(
            None,
            &[("KAIROS_OUTBOUND_ALLOW_LOOPBACK", "maybe")],
            Flags::default(),
        )
        .expect_err("refused");
        assert!(err.to_string().contains("must be true or false"), "{err}");
        let err = load(Some("outbound_allow_loopback = 1\n"), &[], Flags::default())
            .expect_err("refused");
        assert!(err.to_string().contains("outbound_allow_loopback"), "{err}");
    }

    #[test]
    fn defaults_apply_without_file_or_env() {
        let config = load(None, &[], Flags::default()).expect("config loads");
        assert_eq!(config.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(config.session_idle_minutes, 15);
        assert_eq!(config.session_lifetime_hours, 12);
        assert_eq!(config.source("listen"), Source::Default);
    }

    #[test]
    fn file_then_env_then_flag() {
        let file =
            "listen = \"127.0.0.1:9000\"\nlog_level = \"debug\"\nsession_idle_minutes = 10\n";
        let config = load(Some(file), &[], Flags::default()).expect("config loads");
        assert_eq!(config.listen.port(), 9000);
        assert!(matches!(config.source("listen"), Source::File(_)));

        let config = load(
            Some(file),
            &[
                ("KAIROS_LISTEN", "127.0.0.1:9001"),
                ("KAIROS_LOG_LEVEL", "warn"),
            ],
            Flags::default(),
        )
        .expect("config loads");
        assert_eq!(config.listen.port(), 9001);
        assert_eq!(config.source("listen"), Source::Env("KAIROS_LISTEN"));
        assert_eq!(config.log_level, "warn");
        assert_eq!(config.session_idle_minutes, 10);

        let flags = Flags {
            listen: Some("127.0.0.1:9002".parse().expect("address")),
            ..Flags::default()
        };
        let config =
            load(Some(file), &[("KAIROS_LISTEN", "127.0.0.1:9001")], flags).expect("config loads");
        assert_eq!(config.listen.port(), 9002);
        assert_eq!(config.source("listen"), Source::Flag("--listen"));
    }

    #[test]
    fn unknown_key_names_key_line_and_allowed_keys() {
        let err = load(
            Some("listen = \"127.0.0.1:1\"\nlisten_port = 8080\n"),
            &[],
            Flags::default(),
        )
        .expect_err("unknown key is refused");
        let message = err.to_string();
        assert!(message.contains("listen_port"), "{message}");
        assert!(message.contains("line 2"), "{message}");
        assert!(message.contains("session_idle_minutes"), "{message}");
    }

    #[test]
    fn bad_value_names_key_line_and_what_is_allowed() {
        let err = load(Some("\n\nlisten = \"localhost\"\n"), &[], Flags::default())
            .expect_err("bad listen is refused");
        let message = err.to_string();
        assert!(message.contains("line 3"), "{message}");
        assert!(message.contains("`listen`"), "{message}");
        assert!(message.contains("IP address and port"), "{message}");

        let err = load(Some("session_idle_minutes = 0\n"), &[], Flags::default())
            .expect_err("zero idle timeout is refused");
        assert!(err.to_string().contains("between 1 and 1440"), "{err}");

        let err = load(Some("log_level = \"loud\"\n"), &[], Flags::default())
            .expect_err("unknown level is refused");
        assert!(
            err.to_string().contains("error, warn, info, debug, trace"),
            "{err}"
        );
    }

    #[test]
    fn rate_limits_come_from_file_and_env_and_zero_turns_them_off() {
        let config = load(None, &[], Flags::default()).expect("defaults");
        assert_eq!(config.booking_rate_limit_per_hour, 60);
        assert_eq!(config.api_rate_limit_per_minute, 600);
        let config = load(
            Some("booking_rate_limit_per_hour = 5\napi_rate_limit_per_minute = 0\n"),
            &[("KAIROS_BOOKING_RATE_LIMIT_PER_HOUR", "7")],
            Flags::default(),
        )
        .expect("config loads");
        assert_eq!(config.booking_rate_limit_per_hour, 7);
        assert_eq!(
            config.source("booking_rate_limit_per_hour"),
            Source::Env("KAIROS_BOOKING_RATE_LIMIT_PER_HOUR")
        );
        assert_eq!(config.api_rate_limit_per_minute, 0);
        assert_eq!(
            config.display_value("api_rate_limit_per_minute"),
            "0 (no limit)"
        );
        assert!(
            config
                .render()
                .contains("booking_rate_limit_per_hour = \"7\"")
        );

        let err = load(
            Some("api_rate_limit_per_minute = -1\n"),
            &[],
            Flags::default(),
        )
        .expect_err("negative is refused");
        assert!(err.to_string().contains("between 0 and 100000"), "{err}");
        let err = load(
            None,
            &[("KAIROS_API_RATE_LIMIT_PER_MINUTE", "lots")],
            Flags::default(),
        )
        .expect_err("non-number is refused");
        assert!(
            err.to_string().contains("KAIROS_API_RATE_LIMIT_PER_MINUTE"),
            "{err}"
        );
    }

    #[test]
    fn bad_env_value_names_the_variable() {
        let err = load(
            None,
            &[("KAIROS_SESSION_IDLE_MINUTES", "soon")],
            Flags::default(),
        )
        .expect_err("non-number is refused");
        assert!(
            err.to_string().contains("KAIROS_SESSION_IDLE_MINUTES"),
            "{err}"
        );
    }

    #[test]
    fn jobs_are_retried_three_days_unless_configured() {
        let defaults = load(None, &[], Flags::default()).expect("config loads");
        assert_eq!(defaults.job_retry_hours, 72);
        let config =
            load(Some("job_retry_hours = 120\n"), &[], Flags::default()).expect("config loads");
        assert_eq!(config.job_retry_hours, 120);
        let config = load(
            Some("job_retry_hours = 120\n"),
            &[("KAIROS_JOB_RETRY_HOURS", "24")],
            Flags::default(),
        )
        .expect("config loads");
        assert_eq!(config.job_retry_hours, 24);
        assert_eq!(
            config.source("job_retry_hours"),
            Source::Env("KAIROS_JOB_RETRY_HOURS")
        );
        let err = load(Some("job_retry_hours = 0\n"), &[], Flags::default()).expect_err("refused");
        assert!(err.to_string().contains("job_retry_hours"), "{err}");
    }

    #[test]
    fn backup_and_metrics_keys_are_validated_and_the_token_is_redacted() {
        let config = load(
            Some("backup_interval_hours = 0\nbackup_keep = 3\nmetrics_token = \"0123456789abcdef0123\"\n"),
            &[],
            Flags::default(),
        )
        .expect("config loads");
        assert_eq!(config.backup_interval_hours, 0);
        assert_eq!(config.backup_keep, 3);
        assert_eq!(
            config.metrics_token.as_deref(),
            Some("0123456789abcdef0123")
        );
        let shown = config.render();
        assert!(!shown.contains("0123456789abcdef"), "{shown}");
        assert!(
            shown.contains("metrics_token = \"(set, redacted)\""),
            "{shown}"
        );

        let defaults = load(None, &[], Flags::default()).expect("config loads");
        assert_eq!(defaults.backup_interval_hours, 24);
        assert_eq!(defaults.backup_keep, 7);
        assert_eq!(defaults.metrics_token, None);

        let err = load(Some("backup_keep = 0\n"), &[], Flags::default()).expect_err("refused");
        assert!(err.to_string().contains("between 1 and 1000"), "{err}");
        let err = load(None, &[("KAIROS_METRICS_TOKEN", "short")], Flags::default())
            .expect_err("refused");
        assert!(err.to_string().contains("KAIROS_METRICS_TOKEN"), "{err}");
        let config = load(
            None,
            &[("KAIROS_BACKUP_INTERVAL_HOURS", "6")],
            Flags::default(),
        )
        .expect("config loads");
        assert_eq!(config.backup_interval_hours, 6);
        assert_eq!(
            config.source("backup_interval_hours"),
            Source::Env("KAIROS_BACKUP_INTERVAL_HOURS")
        );
    }

    #[test]
    fn base_url_is_checked_and_normalized() {
        assert_eq!(
            parse_base_url("https://book.example.org/").as_deref(),
            Ok("https://book.example.org")
        );
        assert!(parse_base_url("book.example.org").is_err());
        assert!(parse_base_url("https://").is_err());
    }
}

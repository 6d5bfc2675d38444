//! Configuration: defaults < TOML file < `KAIROS_*` environment < command-line flags.
//!
//! Every key is declared once, in the `config_keys!` table below: its field, default,
//! environment variable, flag and kind. The kind says how the file's and the environment's
//! values are checked and how `kairos config show` prints the value; loading, merging and
//! showing are written once for all keys.
//!
//! Every value remembers where it came from, so `kairos config show` can say so. The file
//! is strict: an unknown key or a bad value stops startup with a message naming the key,
//! the line and what is allowed.

use std::collections::BTreeMap;
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::DeserializeOwned;
use toml::Spanned;

use crate::transport::TrustedProxies;

/// The system-wide configuration file, used when it exists and no other file is named.
pub const SYSTEM_CONFIG_FILE: &str = "/etc/kairos/kairos.toml";

const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
/// The longest retry lifetime accepted: a year.
const MAX_JOB_RETRY_HOURS: i64 = 24 * 366;
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

/// One configuration key: its name in the file, its environment variable and its flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub name: &'static str,
    pub env: &'static str,
    /// The command-line flag, for the few keys that have one.
    pub flag: Option<&'static str>,
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

/// Declares the configuration keys: the `Config` fields, the `Flags` a key may be given
/// by, the strict file format, the [`Key`] table, and reading from each source.
///
/// A row is `name: Type = default, "ENV_VAR", kind` with an optional
/// `, flag "--flag": FlagType` at its end.
macro_rules! config_keys {
    (@flag) => { None };
    (@flag $flag:literal) => { Some($flag) };
    ($(
        $(#[$doc:meta])*
        $key:ident: $ty:ty = $default:expr, $env:literal, $kind:expr
        $(, flag $flag:literal: $flag_ty:ty)?;
    )*) => {
        /// The effective configuration.
        #[derive(Debug, Clone)]
        pub struct Config {
            /// The file that was read, if any.
            pub file: Option<PathBuf>,
            $($(#[$doc])* pub $key: $ty,)*
            sources: BTreeMap<&'static str, Source>,
        }

        /// Values given on the command line; `None` when the flag was not used.
        #[derive(Debug, Default, Clone)]
        pub struct Flags {
            pub config_file: Option<PathBuf>,
            $($(pub $key: Option<$flag_ty>,)?)*
        }

        /// The configuration file as written: every key optional, no unknown keys.
        #[derive(Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        struct FileConfig {
            $($key: Option<Spanned<<$ty as Setting>::Toml>>,)*
        }

        impl Config {
            /// Every key, in the order `config show` prints them.
            pub const KEYS: &'static [Key] = &[$(Key {
                name: stringify!($key),
                env: $env,
                flag: config_keys!(@flag $($flag)?),
            },)*];

            fn defaults() -> Self {
                Config {
                    file: None,
                    $($key: $default,)*
                    sources: Self::KEYS
                        .iter()
                        .map(|key| (key.name, Source::Default))
                        .collect(),
                }
            }

            /// The effective value of `key` as text, with secrets redacted.
            pub fn display_value(&self, key: &str) -> String {
                match key {
                    $(stringify!($key) => Kind::<$ty>::show(&$kind, &self.$key),)*
                    _ => String::new(),
                }
            }

            /// Takes every key the file sets, checking each against its kind.
            fn apply_file_keys(&mut self, file: FileConfig, source: &Source)
                -> Result<(), (&'static str, std::ops::Range<usize>, String)>
            {
                $(if let Some(value) = file.$key {
                    let span = value.span();
                    self.$key = Kind::<$ty>::read_file(&$kind, value.into_inner())
                        .map_err(|reason| (stringify!($key), span, reason))?;
                    self.sources.insert(stringify!($key), source.clone());
                })*
                Ok(())
            }

            /// Takes every key whose variable is set and not empty.
            fn apply_env(&mut self, env: &impl Fn(&str) -> Option<String>)
                -> Result<(), ConfigError>
            {
                $(if let Some(value) = env($env).filter(|value| !value.is_empty()) {
                    self.$key = Kind::<$ty>::read_env(&$kind, &value)
                        .map_err(|reason| ConfigError::Env { var: $env, reason })?;
                    self.sources.insert(stringify!($key), Source::Env($env));
                })*
                Ok(())
            }

            fn apply_flags(&mut self, flags: &Flags) {
                $($(if let Some(value) = &flags.$key {
                    self.$key = value.clone().into();
                    self.sources.insert(stringify!($key), Source::Flag($flag));
                })?)*
            }
        }
    };
}

config_keys! {
    /// Where the database, the instance key and backups live; when unset, the platform's
    /// data directory.
    data_dir: PathBuf = PathBuf::new(), "KAIROS_DATA_DIR", DataDir,
        flag "--data-dir": PathBuf;
    /// The address the server listens on.
    listen: SocketAddr = default_listen(), "KAIROS_LISTEN", Address,
        flag "--listen": SocketAddr;
    /// The public URL people reach this instance at; when unset, the wizard's value or
    /// `http://<listen>` is used.
    base_url: Option<String> = None, "KAIROS_BASE_URL",
        Unset(Checked(parse_base_url), "(unset: the setup wizard's value)");
    /// The least severe log messages written: error, warn, info, debug or trace.
    log_level: String = "info".into(), "KAIROS_LOG_LEVEL", Checked(parse_log_level);
    /// A session ends after this many minutes without a request.
    session_idle_minutes: u32 = 15, "KAIROS_SESSION_IDLE_MINUTES",
        Count { min: 1, max: 24 * 60, whole: "minutes" };
    /// A session ends this many hours after sign-in, however busy.
    session_lifetime_hours: u32 = 12, "KAIROS_SESSION_LIFETIME_HOURS",
        Count { min: 1, max: 24 * 30, whole: "hours" };
    /// Video meeting rooms for bookings are links under this URL (a Jitsi server).
    video_base_url: String = "https://meet.jit.si".into(), "KAIROS_VIDEO_BASE_URL",
        Checked(parse_base_url);
    /// Hours between automatic backups taken by `serve`; 0 turns them off.
    backup_interval_hours: u32 = 24, "KAIROS_BACKUP_INTERVAL_HOURS",
        Count { min: 0, max: 24 * 30, whole: "hours (0 turns backups off)" };
    /// How many automatic backups to keep (older ones are deleted).
    backup_keep: u32 = 7, "KAIROS_BACKUP_KEEP", Count { min: 1, max: 1000, whole: "backups" };
    /// How long a failing job (an email, a webhook) is retried, counted from when it was
    /// first due, before it is dead: mail servers keep trying for days, and so does Kairos.
    job_retry_hours: u32 = 72, "KAIROS_JOB_RETRY_HOURS",
        Count { min: 1, max: MAX_JOB_RETRY_HOURS, whole: "hours" };
    /// Bookings one client address may create per hour (API and booking pages); 0 is no limit.
    booking_rate_limit_per_hour: u32 = 60, "KAIROS_BOOKING_RATE_LIMIT_PER_HOUR", RateLimit;
    /// Requests one API key may make per minute; 0 is no limit.
    api_rate_limit_per_minute: u32 = 600, "KAIROS_API_RATE_LIMIT_PER_MINUTE", RateLimit;
    /// Bearer token that `/metrics` requires; `/metrics` is off while it is unset.
    metrics_token: Option<String> = None, "KAIROS_METRICS_TOKEN",
        Unset(Token, "(unset: /metrics is off)");
    /// A mirror serving release manifests; unset means GitHub releases.
    update_base_url: Option<String> = None, "KAIROS_UPDATE_BASE_URL",
        Unset(Checked(parse_base_url), "(unset: GitHub releases)");
    /// PEM certificate chain to serve HTTPS with (together with `tls_key`).
    tls_cert: Option<PathBuf> = None, "KAIROS_TLS_CERT",
        Unset(FilePath("a PEM certificate file"), "(unset: plain HTTP)"),
        flag "--tls-cert": PathBuf;
    /// PEM private key of `tls_cert`.
    tls_key: Option<PathBuf> = None, "KAIROS_TLS_KEY",
        Unset(FilePath("a PEM private key file"), "(unset: plain HTTP)"),
        flag "--tls-key": PathBuf;
    /// A second address, plain HTTP, that redirects every request to HTTPS.
    tls_redirect_listen: Option<SocketAddr> = None, "KAIROS_TLS_REDIRECT_LISTEN",
        Unset(Address, "(unset: no redirect listener)");
    /// Reverse proxies whose `X-Forwarded-*` and `Forwarded` headers are believed.
    trusted_proxies: TrustedProxies = TrustedProxies::default(), "KAIROS_TRUSTED_PROXIES",
        Proxies;
    /// Minutes between background syncs of each connected calendar.
    calendar_sync_minutes: u32 = 5, "KAIROS_CALENDAR_SYNC_MINUTES",
        Count { min: 1, max: 24 * 60, whole: "minutes" };
    /// Host names of CalDAV servers on the private network (or this machine) that hosts may
    /// connect: a clinic's own Nextcloud, Baïkal or SOGo. Empty: only public servers.
    calendar_private_hosts: HostNames = HostNames::default(), "KAIROS_CALENDAR_PRIVATE_HOSTS",
        Hosts;
    /// Where Google's sign-in, token and Calendar API endpoints are reached instead of
    /// Google's own servers (`/o/oauth2/v2/auth`, `/token` and `/calendar/v3` under it): an
    /// egress proxy, or a test's stand-in.
    google_base_url: Option<String> = None, "KAIROS_GOOGLE_BASE_URL",
        Unset(Checked(parse_base_url), "(unset: Google's own servers)");
    /// Where Microsoft's sign-in and token endpoints (`/{tenant}/oauth2/v2.0/…`) and
    /// Microsoft Graph (`/v1.0`) are reached instead of Microsoft's own servers: an egress
    /// proxy, or a test's stand-in.
    microsoft_base_url: Option<String> = None, "KAIROS_MICROSOFT_BASE_URL",
        Unset(Checked(parse_base_url), "(unset: Microsoft's own servers)");
    /// Where Zoom's sign-in and token endpoints (`/oauth/…`) and API (`/v2`) are reached
    /// instead of Zoom's own servers: an egress proxy, or a test's stand-in.
    zoom_base_url: Option<String> = None, "KAIROS_ZOOM_BASE_URL",
        Unset(Checked(parse_base_url), "(unset: Zoom's own servers)");
    /// Where Stripe's API (`/v1/…`) is reached instead of `https://api.stripe.com`: an
    /// egress proxy, or a test's stand-in.
    stripe_base_url: Option<String> = None, "KAIROS_STRIPE_BASE_URL",
        Unset(Checked(parse_base_url), "(unset: Stripe's own servers)");
    /// Keeps password sign-in available while "single sign-on only" is on (break-glass).
    allow_password_sign_in: bool = false, "KAIROS_ALLOW_PASSWORD_SIGN_IN", Switch;
    /// For tests only: lets webhooks and the SMS gateway reach loopback addresses (a test's
    /// receiver on 127.0.0.1). A config key, never an instance setting, so nobody can turn
    /// it on from the web.
    outbound_allow_loopback: bool = false, "KAIROS_OUTBOUND_ALLOW_LOOPBACK", Switch;
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

    /// Where the value of `key` came from.
    pub fn source(&self, key: &str) -> Source {
        self.sources.get(key).cloned().unwrap_or(Source::Default)
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
                "{} = {:?}  # {}\n",
                key.name,
                self.display_value(key.name),
                self.source(key.name)
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
        self.apply_file_keys(file, &Source::File(path.to_path_buf()))
            .map_err(|(key, span, reason)| ConfigError::Value {
                path: path.to_path_buf(),
                line: line_of(&text, span.start),
                key,
                reason,
            })
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

/// A type a key's value can have, and the TOML type the file writes it as.
trait Setting {
    type Toml: DeserializeOwned;
}

impl Setting for u32 {
    type Toml = i64;
}

impl Setting for bool {
    type Toml = bool;
}

impl Setting for String {
    type Toml = String;
}

impl Setting for PathBuf {
    type Toml = String;
}

impl Setting for SocketAddr {
    type Toml = String;
}

impl Setting for TrustedProxies {
    type Toml = Vec<String>;
}

impl Setting for HostNames {
    type Toml = Vec<String>;
}

impl<T: Setting> Setting for Option<T> {
    type Toml = T::Toml;
}

/// How a key's value is checked, from the file and from the environment, and shown.
/// Errors say what is allowed; the caller adds the key or variable and the line.
trait Kind<V: Setting> {
    fn read_file(&self, value: V::Toml) -> Result<V, String>;
    fn read_env(&self, value: &str) -> Result<V, String>;
    fn show(&self, value: &V) -> String;
}

/// A kind whose file value is a TOML string, checked as the environment's value is.
trait Text<V> {
    fn parse(&self, value: &str) -> Result<V, String>;
    fn show(&self, value: &V) -> String;
}

impl<V: Setting<Toml = String>, K: Text<V>> Kind<V> for K {
    fn read_file(&self, value: String) -> Result<V, String> {
        self.parse(&value)
    }

    fn read_env(&self, value: &str) -> Result<V, String> {
        self.parse(value)
    }

    fn show(&self, value: &V) -> String {
        Text::show(self, value)
    }
}

/// A directory path; empty in the file is refused, the environment is taken as it is.
struct DataDir;

impl Kind<PathBuf> for DataDir {
    fn read_file(&self, value: String) -> Result<PathBuf, String> {
        if value.trim().is_empty() {
            return Err("must be a directory path".into());
        }
        Ok(PathBuf::from(value))
    }

    fn read_env(&self, value: &str) -> Result<PathBuf, String> {
        Ok(PathBuf::from(value))
    }

    fn show(&self, value: &PathBuf) -> String {
        value.display().to_string()
    }
}

/// An IP address and port.
struct Address;

impl Text<SocketAddr> for Address {
    fn parse(&self, value: &str) -> Result<SocketAddr, String> {
        parse_listen(value)
    }

    fn show(&self, value: &SocketAddr) -> String {
        value.to_string()
    }
}

/// Text that the function accepts, normalizes, or refuses with what is allowed.
struct Checked(fn(&str) -> Result<String, String>);

impl Text<String> for Checked {
    fn parse(&self, value: &str) -> Result<String, String> {
        (self.0)(value)
    }

    fn show(&self, value: &String) -> String {
        value.clone()
    }
}

/// A whole number from `min` to `max`; `whole` names what is counted, for the message
/// when the environment's value is not a number.
struct Count {
    min: i64,
    max: i64,
    whole: &'static str,
}

impl Kind<u32> for Count {
    fn read_file(&self, value: i64) -> Result<u32, String> {
        minutes_in_range(value, self.min, self.max)
    }

    fn read_env(&self, value: &str) -> Result<u32, String> {
        value
            .parse::<i64>()
            .map_err(|_| format!("must be a whole number of {}", self.whole))
            .and_then(|n| minutes_in_range(n, self.min, self.max))
    }

    fn show(&self, value: &u32) -> String {
        value.to_string()
    }
}

/// Requests allowed in a period, up to [`MAX_RATE_LIMIT`]; 0 turns the limit off.
struct RateLimit;

impl Kind<u32> for RateLimit {
    fn read_file(&self, value: i64) -> Result<u32, String> {
        minutes_in_range(value, 0, MAX_RATE_LIMIT)
    }

    fn read_env(&self, value: &str) -> Result<u32, String> {
        parse_rate_limit(value)
    }

    fn show(&self, value: &u32) -> String {
        rate_limit_text(*value)
    }
}

/// A secret token, never shown.
struct Token;

impl Text<String> for Token {
    fn parse(&self, value: &str) -> Result<String, String> {
        parse_metrics_token(value)
    }

    fn show(&self, _: &String) -> String {
        "(set, redacted)".into()
    }
}

/// The path of a file; the text says which file, for the message when it is empty.
struct FilePath(&'static str);

impl Text<PathBuf> for FilePath {
    fn parse(&self, value: &str) -> Result<PathBuf, String> {
        parse_path(value, self.0)
    }

    fn show(&self, value: &PathBuf) -> String {
        value.display().to_string()
    }
}

/// Addresses and networks of trusted reverse proxies: a list in the file, separated by
/// commas or spaces in the environment.
/// Host names, as written in URLs, compared without regard to case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HostNames(Vec<String>);

impl HostNames {
    /// Parses host names (`cloud.clinic.lan`) and IP addresses (`10.0.0.5`, `::1`).
    pub fn parse(entries: &[String]) -> Result<Self, String> {
        entries
            .iter()
            .map(|entry| {
                let entry = entry.trim().trim_start_matches('[').trim_end_matches(']');
                let plain = !entry.is_empty()
                    && entry
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
                if plain {
                    Ok(entry.to_ascii_lowercase())
                } else {
                    Err(format!(
                        "must list host names or IP addresses such as \"cloud.clinic.lan\" or \"10.0.0.5\", not {entry:?}"
                    ))
                }
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
    }

    /// Whether `host` (as a URL names it) is listed.
    pub fn contains(&self, host: &str) -> bool {
        let host = host.trim_start_matches('[').trim_end_matches(']');
        self.0
            .iter()
            .any(|listed| listed.eq_ignore_ascii_case(host))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The entries of a list given in the environment: separated by commas or spaces.
fn list_entries(value: &str) -> Vec<String> {
    value
        .split([',', ' '])
        .filter(|entry| !entry.trim().is_empty())
        .map(str::to_string)
        .collect()
}

struct Hosts;

impl Kind<HostNames> for Hosts {
    fn read_file(&self, value: Vec<String>) -> Result<HostNames, String> {
        HostNames::parse(&value)
    }

    fn read_env(&self, value: &str) -> Result<HostNames, String> {
        HostNames::parse(&list_entries(value))
    }

    fn show(&self, value: &HostNames) -> String {
        if value.is_empty() {
            "(none: only public calendar servers)".into()
        } else {
            value.0.join(", ")
        }
    }
}

struct Proxies;

impl Kind<TrustedProxies> for Proxies {
    fn read_file(&self, value: Vec<String>) -> Result<TrustedProxies, String> {
        TrustedProxies::parse(&value)
    }

    fn read_env(&self, value: &str) -> Result<TrustedProxies, String> {
        TrustedProxies::parse(&list_entries(value))
    }

    fn show(&self, value: &TrustedProxies) -> String {
        if value.is_empty() {
            "(none: forwarding headers are ignored)".into()
        } else {
            value.to_string()
        }
    }
}

/// On or off: a TOML boolean in the file, yes/no words in the environment.
struct Switch;

impl Kind<bool> for Switch {
    fn read_file(&self, value: bool) -> Result<bool, String> {
        Ok(value)
    }

    fn read_env(&self, value: &str) -> Result<bool, String> {
        parse_bool(value)
    }

    fn show(&self, value: &bool) -> String {
        value.to_string()
    }
}

/// A key that may stay unset, with the text `config show` prints while it is.
struct Unset<K>(K, &'static str);

impl<V: Setting, K: Kind<V>> Kind<Option<V>> for Unset<K> {
    fn read_file(&self, value: V::Toml) -> Result<Option<V>, String> {
        self.0.read_file(value).map(Some)
    }

    fn read_env(&self, value: &str) -> Result<Option<V>, String> {
        self.0.read_env(value).map(Some)
    }

    fn show(&self, value: &Option<V>) -> String {
        value
            .as_ref()
            .map_or_else(|| self.1.to_string(), |value| self.0.show(value))
    }
}

fn default_listen() -> SocketAddr {
    DEFAULT_LISTEN
        .parse()
        .unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 8080)))
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
    fn calendar_private_hosts_are_host_names_from_the_file_or_the_environment() {
        let defaults = load(None, &[], Flags::default()).expect("defaults");
        assert!(defaults.calendar_private_hosts.is_empty());
        assert_eq!(defaults.calendar_sync_minutes, 5);
        let file = load(
            Some("calendar_private_hosts = [\"Cloud.Clinic.lan\", \"[fd00::5]\"]\n"),
            &[],
            Flags::default(),
        )
        .expect("file");
        assert!(file.calendar_private_hosts.contains("cloud.clinic.lan"));
        assert!(file.calendar_private_hosts.contains("[fd00::5]"));
        assert!(!file.calendar_private_hosts.contains("clinic.lan"));
        let env = load(
            None,
            &[("KAIROS_CALENDAR_PRIVATE_HOSTS", "10.0.0.5, baikal")],
            Flags::default(),
        )
        .expect("environment");
        assert!(env.calendar_private_hosts.contains("10.0.0.5"));
        assert!(env.calendar_private_hosts.contains("baikal"));
        let err = load(
            Some("calendar_private_hosts = [\"https://cloud.clinic.lan/\"]\n"),
            &[],
            Flags::default(),
        )
        .expect_err("a URL is not a host name");
        let message = err.to_string();
        assert!(message.contains("calendar_private_hosts"), "{message}");
        assert!(message.contains("host names"), "{message}");
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
    fn readme_lists_exactly_the_keys_and_variables_of_the_table() {
        let readme = include_str!("../README.md");
        let mut listed: Vec<(String, String)> = readme
            .lines()
            .skip_while(|line| !line.starts_with("| key | environment |"))
            .skip(2)
            .take_while(|line| line.starts_with('|'))
            .map(|row| {
                let cells: Vec<&str> = row.split('|').map(str::trim).collect();
                let key = cells.get(1).copied().unwrap_or_default().trim_matches('`');
                let env = cells.get(2).and_then(|cell| cell.split('`').nth(1));
                (key.to_string(), env.unwrap_or_default().to_string())
            })
            .collect();
        let mut declared: Vec<(String, String)> = Config::KEYS
            .iter()
            .map(|key| (key.name.to_string(), key.env.to_string()))
            .collect();
        listed.sort();
        declared.sort();
        assert_eq!(listed, declared, "README's configuration table");
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

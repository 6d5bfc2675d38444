//! The instance: its data directory, key, database and settings, opened the same way by
//! `serve` and by every CLI command that touches data.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use chrono::{DateTime, Utc, Weekday};
use chrono_tz::Tz;
use rusqlite::Connection;

use crate::audit::head::{HeadError, HeadFile, HeadKeeper};
use crate::audit::{self, AuditError};
use crate::config::Config;
use crate::crypto::{InstanceKey, KeyError};
use crate::data_lock::{DataDirLock, LockError};
use crate::db::{self, DatabaseKey, Db, DbError, FileState, SchemaStatus, settings};

/// The context under which the key check value is sealed.
const KEY_CHECK_CONTEXT: &str = "instance.key-check";
const KEY_CHECK_PLAINTEXT: &[u8] = b"kairos instance key";

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("cannot create the data directory {path}: {source}")]
    DataDir {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("cannot read the database file {path}: {source}")]
    Database {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Key(#[from] KeyError),
    #[error(transparent)]
    Locked(#[from] LockError),
    #[error(transparent)]
    AuditHead(#[from] HeadError),
    #[error("cannot start keeping the audit head: {0}")]
    HeadKeeper(std::io::Error),
}

impl From<AuditError> for OpenError {
    fn from(err: AuditError) -> Self {
        match err {
            AuditError::Db(err) => err.into(),
            AuditError::Head(err) => err.into(),
        }
    }
}

impl From<rusqlite::Error> for OpenError {
    fn from(err: rusqlite::Error) -> Self {
        OpenError::Db(DbError::from(err))
    }
}

/// An opened instance.
#[derive(Debug, Clone)]
pub struct Instance {
    pub db: Db,
    pub key: InstanceKey,
    pub schema: SchemaStatus,
    /// Whether this start created the key (a brand-new instance).
    pub key_created: bool,
    /// Keeps the audit log's signed head at its last committed row.
    pub audit_head: HeadKeeper,
}

impl Instance {
    /// Creates the data directory if needed, loads (or on first start creates) the
    /// instance key, encrypts a database left unencrypted by an older Kairos, migrates the
    /// database and checks that the key belongs to it. The writer connection gets the
    /// audit log's key, the log is sealed for keyed chaining once (see `audit`), and its
    /// signed head is kept from here on.
    ///
    /// A missing key next to an existing database, or a key that cannot decrypt it, is an
    /// error naming the key file: never a new, empty instance.
    pub fn open(config: &Config, now: DateTime<Utc>) -> Result<Self, OpenError> {
        create_data_dir(&config.data_dir)?;
        let database = config.database_path();
        let key_path = config.key_path();
        let state = db::file_state(&database).map_err(|source| OpenError::Database {
            path: database.clone(),
            source,
        })?;
        let (key, key_created) = match InstanceKey::load(&key_path)? {
            Some(key) => (key, false),
            None if state != FileState::Missing => {
                return Err(KeyError::Missing { path: key_path }.into());
            }
            None => (InstanceKey::create(&key_path)?, true),
        };
        let database_key = DatabaseKey::derive(&key, &key_path);
        if state == FileState::Plaintext {
            let _lock = hold_data_dir(&config.data_dir)?;
            let (conn, _) = db::open_existing(&database, &database_key)?;
            if key_matches(&conn, &key)? == Some(false) {
                return Err(KeyError::Mismatch { path: key_path }.into());
            }
            drop(conn);
            db::encrypt_in_place(&database, &config.backup_dir(), &database_key, now)?;
        }
        let schema = db::migrate(
            &database,
            &config.backup_dir(),
            &db::embedded_migrations(),
            &database_key,
            now,
        )?;
        let db = Db::open(&database, &database_key)?;
        db.prepare_writer(|conn| audit::attach_key(conn, &key))?;
        restrict_permissions(config).map_err(|source| OpenError::DataDir {
            path: config.data_dir.clone(),
            source,
        })?;
        db.write_blocking(|tx| check_key(tx, &key, &key_path, now))?;
        let head = HeadFile::new(config.audit_head_path(), database, &key);
        db.write_blocking(|tx| audit::seal(tx, &key, &head, now).map_err(OpenError::from))?;
        let audit_head = HeadKeeper::start(db.clone(), head).map_err(OpenError::HeadKeeper)?;
        Ok(Self {
            db,
            key,
            schema,
            key_created,
            audit_head,
        })
    }
}

/// Makes sure no other process uses the data directory while the database file is
/// replaced: takes its lock, unless this very process (a starting server) holds it.
fn hold_data_dir(dir: &Path) -> Result<Option<DataDirLock>, OpenError> {
    match DataDirLock::acquire(dir) {
        Ok(lock) => Ok(Some(lock)),
        Err(LockError::Held { pid: Some(pid), .. }) if pid == std::process::id() => Ok(None),
        Err(err) => Err(err.into()),
    }
}

/// Makes every file and directory this process creates readable by its own user only
/// (umask 077): the database, the `-wal` and `-shm` files SQLite creates beside it, the
/// lock, backups and their folder. The `kairos` binary calls it first thing.
pub fn make_new_files_private() {
    rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o077));
}

/// Takes group and other permissions away from the database files and the lock (0600)
/// and from the data and backup directories (0700): an instance created before Kairos set
/// its umask, or by a process with a looser one, is made private at its next start.
fn restrict_permissions(config: &Config) -> std::io::Result<()> {
    let database = config.database_path();
    let sidecar = |suffix: &str| {
        let mut name = database.clone().into_os_string();
        name.push(suffix);
        std::path::PathBuf::from(name)
    };
    let files = [
        database.clone(),
        sidecar("-wal"),
        sidecar("-shm"),
        config.data_dir.join(crate::data_lock::LOCK_FILE),
    ];
    let dirs = [config.data_dir.clone(), config.backup_dir()];
    for (paths, mode) in [(&files[..], 0o600), (&dirs[..], 0o700)] {
        for path in paths {
            let Ok(metadata) = std::fs::metadata(path) else {
                continue;
            };
            let current = metadata.permissions().mode() & 0o777;
            if current & 0o077 != 0 {
                std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
                tracing::info!(path = %path.display(), from = format!("{current:o}"), to = format!("{mode:o}"), "restricted permissions");
            }
        }
    }
    Ok(())
}

fn create_data_dir(path: &Path) -> Result<(), OpenError> {
    let fail = |source| OpenError::DataDir {
        path: path.to_path_buf(),
        source,
    };
    if !path.exists() {
        std::fs::create_dir_all(path).map_err(fail)?;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o700)).map_err(fail)?;
    }
    Ok(())
}

/// Checks the key against the value sealed with it when the database was created (the
/// secrets sealed in the database need this very key), or stores that value.
fn check_key(
    conn: &Connection,
    key: &InstanceKey,
    path: &Path,
    now: DateTime<Utc>,
) -> Result<(), OpenError> {
    match key_matches(conn, key)? {
        Some(true) => Ok(()),
        Some(false) => Err(KeyError::Mismatch {
            path: path.to_path_buf(),
        }
        .into()),
        None => Ok(store_key_check(conn, key, now)?),
    }
}

/// Whether `key` can open the key check value stored in a database: `None` when the
/// database has none yet (nothing was encrypted with any key).
pub fn key_matches(conn: &Connection, key: &InstanceKey) -> rusqlite::Result<Option<bool>> {
    Ok(settings::get(conn, "key_check")?.map(|check| {
        let sealed = hex::decode(check).unwrap_or_default();
        key.decrypt(&sealed, KEY_CHECK_CONTEXT).is_ok()
    }))
}

fn store_key_check(
    conn: &Connection,
    key: &InstanceKey,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    let sealed = key.encrypt(KEY_CHECK_PLAINTEXT, KEY_CHECK_CONTEXT);
    settings::set(conn, "key_check", &hex::encode(sealed), now)
}

/// Instance-wide settings chosen in the setup wizard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstanceSettings {
    pub organization_name: String,
    /// The public URL chosen in the wizard (the config file's `base_url` wins over it).
    pub base_url: Option<String>,
    pub default_time_zone: Tz,
    pub first_day_of_week: Weekday,
    pub setup_completed: bool,
    /// Who may join: `closed` (only administrators add people) or `invite` (people join
    /// through one-time links that administrators hand out).
    pub signup: String,
    /// Sites allowed to embed the public booking pages in a frame (`https://host[:port]`).
    pub embed_origins: Vec<String>,
    /// Minimum necessary: answers and notes stay out of everything sent off the appliance
    /// (emails, SMS, webhook payloads), which then carry only time, place and links.
    pub minimum_necessary: bool,
    /// Whether outbound calls (webhooks, the SMS gateway) may go to private network
    /// addresses; loopback, link-local and cloud metadata addresses are refused regardless.
    pub allow_private_targets: bool,
    /// Who must sign in with a second factor.
    pub require_mfa: crate::auth::mfa::RequireMfa,
    /// Audit rows older than this many years are pruned daily (the chain stays verifiable).
    pub audit_retention_years: u32,
    /// New bookings one event type takes per hour from the booking pages and the API
    /// (0: no cap); see [`crate::booking::HourlyCaps`].
    pub bookings_per_event_type_per_hour: u32,
    /// New bookings one host takes per hour, over all their event types (0: no cap).
    pub bookings_per_host_per_hour: u32,
    /// Minutes without activity before a session ends, as chosen in the setup wizard or
    /// under Admin; `None` keeps the configuration's `session_idle_minutes`.
    pub session_idle_minutes: Option<u32>,
    /// The language of pages and messages for people who chose none, and of the booking
    /// pages for visitors whose browser asks for none Kairos writes.
    pub default_language: crate::present::Language,
}

/// The audit retention a new instance starts with: six years, as HIPAA keeps records.
pub const DEFAULT_AUDIT_RETENTION_YEARS: u32 = 6;
/// The hourly booking caps a new instance starts with: far above what a practice books in
/// an hour, low enough that a flood cannot fill a week of slots or send thousands of emails.
pub const DEFAULT_BOOKINGS_PER_EVENT_TYPE_PER_HOUR: u32 = 30;
pub const DEFAULT_BOOKINGS_PER_HOST_PER_HOUR: u32 = 60;

impl Default for InstanceSettings {
    fn default() -> Self {
        Self {
            organization_name: "Kairos".into(),
            base_url: None,
            default_time_zone: Tz::UTC,
            first_day_of_week: Weekday::Mon,
            setup_completed: false,
            signup: "closed".into(),
            embed_origins: Vec::new(),
            minimum_necessary: true,
            allow_private_targets: false,
            require_mfa: crate::auth::mfa::RequireMfa::Off,
            audit_retention_years: DEFAULT_AUDIT_RETENTION_YEARS,
            bookings_per_event_type_per_hour: DEFAULT_BOOKINGS_PER_EVENT_TYPE_PER_HOUR,
            bookings_per_host_per_hour: DEFAULT_BOOKINGS_PER_HOST_PER_HOUR,
            session_idle_minutes: None,
            default_language: crate::present::Language::English,
        }
    }
}

impl InstanceSettings {
    pub fn load(conn: &Connection) -> rusqlite::Result<Self> {
        let defaults = Self::default();
        Ok(Self {
            organization_name: settings::get(conn, "organization_name")?
                .unwrap_or(defaults.organization_name),
            base_url: settings::get(conn, "base_url")?.filter(|url| !url.is_empty()),
            default_time_zone: settings::get(conn, "default_time_zone")?
                .and_then(|zone| zone.parse().ok())
                .unwrap_or(defaults.default_time_zone),
            first_day_of_week: settings::get(conn, "first_day_of_week")?
                .and_then(|day| day.parse().ok())
                .unwrap_or(defaults.first_day_of_week),
            setup_completed: settings::get(conn, "setup_completed")?.as_deref() == Some("true"),
            signup: settings::get(conn, "signup")?
                .filter(|mode| mode == "invite")
                .unwrap_or(defaults.signup),
            embed_origins: settings::get(conn, "embed_origins")?
                .map(|text| text.split_whitespace().map(str::to_string).collect())
                .unwrap_or_default(),
            minimum_necessary: settings::get(conn, "minimum_necessary")?
                .map_or(defaults.minimum_necessary, |value| value != "false"),
            allow_private_targets: settings::get(conn, "allow_private_targets")?
                .map_or(defaults.allow_private_targets, |value| value == "true"),
            require_mfa: settings::get(conn, "require_mfa")?
                .and_then(|value| crate::auth::mfa::RequireMfa::parse(&value))
                .unwrap_or(defaults.require_mfa),
            audit_retention_years: settings::get(conn, "audit_retention_years")?
                .and_then(|value| value.parse().ok())
                .unwrap_or(defaults.audit_retention_years),
            bookings_per_event_type_per_hour: settings::get(
                conn,
                "bookings_per_event_type_per_hour",
            )?
            .and_then(|value| value.parse().ok())
            .unwrap_or(defaults.bookings_per_event_type_per_hour),
            bookings_per_host_per_hour: settings::get(conn, "bookings_per_host_per_hour")?
                .and_then(|value| value.parse().ok())
                .unwrap_or(defaults.bookings_per_host_per_hour),
            session_idle_minutes: settings::get(conn, "session_idle_minutes")?
                .and_then(|value| value.parse().ok())
                .filter(|minutes| *minutes > 0),
            default_language: settings::get(conn, "default_language")?
                .and_then(|tag| crate::present::Language::from_tag(&tag))
                .unwrap_or(defaults.default_language),
        })
    }

    pub fn save(&self, conn: &Connection, now: DateTime<Utc>) -> rusqlite::Result<()> {
        settings::set(conn, "organization_name", &self.organization_name, now)?;
        settings::set(
            conn,
            "base_url",
            self.base_url.as_deref().unwrap_or(""),
            now,
        )?;
        settings::set(
            conn,
            "default_time_zone",
            self.default_time_zone.name(),
            now,
        )?;
        settings::set(
            conn,
            "first_day_of_week",
            weekday_name(self.first_day_of_week),
            now,
        )?;
        settings::set(conn, "signup", &self.signup, now)?;
        settings::set(conn, "default_language", self.default_language.tag(), now)?;
        settings::set(conn, "embed_origins", &self.embed_origins.join(" "), now)?;
        settings::set(
            conn,
            "minimum_necessary",
            bool_text(self.minimum_necessary),
            now,
        )?;
        settings::set(
            conn,
            "allow_private_targets",
            bool_text(self.allow_private_targets),
            now,
        )?;
        settings::set(conn, "require_mfa", self.require_mfa.as_str(), now)?;
        settings::set(
            conn,
            "audit_retention_years",
            &self.audit_retention_years.to_string(),
            now,
        )?;
        settings::set(
            conn,
            "bookings_per_event_type_per_hour",
            &self.bookings_per_event_type_per_hour.to_string(),
            now,
        )?;
        settings::set(
            conn,
            "bookings_per_host_per_hour",
            &self.bookings_per_host_per_hour.to_string(),
            now,
        )?;
        if let Some(minutes) = self.session_idle_minutes {
            settings::set(conn, "session_idle_minutes", &minutes.to_string(), now)?;
        }
        settings::set(
            conn,
            "setup_completed",
            bool_text(self.setup_completed),
            now,
        )
    }
}

fn bool_text(value: bool) -> &'static str {
    if value { "true" } else { "false" }
}

/// The English name of a weekday, as stored and as `Weekday::from_str` reads it back.
pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "monday",
        Weekday::Tue => "tuesday",
        Weekday::Wed => "wednesday",
        Weekday::Thu => "thursday",
        Weekday::Fri => "friday",
        Weekday::Sat => "saturday",
        Weekday::Sun => "sunday",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Flags;

    fn config(dir: &Path) -> Config {
        let flags = Flags {
            data_dir: Some(dir.join("data")),
            config_file: Some(dir.join("none.toml")),
            ..Flags::default()
        };
        std::fs::write(dir.join("none.toml"), "").expect("write config");
        Config::load_from(&flags, |_| None).expect("config")
    }

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default()
    }

    #[test]
    fn first_open_creates_dir_db_and_private_key() {
        let dir = tempfile::tempdir().expect("tempdir");
        let config = config(dir.path());
        let instance = Instance::open(&config, now()).expect("opens");
        assert!(instance.key_created);
        assert!(config.database_path().exists());
        let mode = std::fs::metadata(config.key_path())
            .expect("key")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        let dir_mode = std::fs::metadata(&config.data_dir)
            .expect("dir")
            .permissions()
            .mode();
        assert_eq!(dir_mode & 0o777, 0o700);
        // Whatever this test process's umask, the database and its log are private.
        for file in ["kairos.db", "kairos.db-wal", "kairos.db-shm"] {
            let mode = std::fs::metadata(config.data_dir.join(file))
                .expect(file)
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{file}");
        }
        drop(instance);
        let again = Instance::open(&config, now()).expect("opens again");
        assert!(!again.key_created);
    }

    #[test]
    fn a_missing_key_is_refused_once_the_database_depends_on_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let config = config(dir.path());
        drop(Instance::open(&config, now()).expect("opens"));
        std::fs::remove_file(config.key_path()).expect("remove key");
        let err = Instance::open(&config, now()).expect_err("refused");
        assert!(err.to_string().contains("is missing"), "{err}");
        assert!(
            !config.key_path().exists(),
            "no new key replaces the lost one"
        );
    }

    #[test]
    fn a_foreign_key_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let config = config(dir.path());
        drop(Instance::open(&config, now()).expect("opens"));
        std::fs::remove_file(config.key_path()).expect("remove key");
        InstanceKey::create(&config.key_path()).expect("new key");
        let err = Instance::open(&config, now()).expect_err("refused");
        assert!(err.to_string().contains("cannot be decrypted"), "{err}");
    }

    #[test]
    fn settings_round_trip() {
        let dir = tempfile::tempdir().expect("tempdir");
        let instance = Instance::open(&config(dir.path()), now()).expect("opens");
        let wanted = InstanceSettings {
            organization_name: "Harbor Clinic".into(),
            base_url: Some("https://book.example.org".into()),
            default_time_zone: chrono_tz::Europe::Berlin,
            first_day_of_week: Weekday::Sun,
            setup_completed: true,
            signup: "invite".into(),
            embed_origins: vec!["https://www.example.org".into()],
            minimum_necessary: false,
            allow_private_targets: true,
            require_mfa: crate::auth::mfa::RequireMfa::Administrators,
            audit_retention_years: 7,
            bookings_per_event_type_per_hour: 0,
            bookings_per_host_per_hour: 12,
            session_idle_minutes: Some(480),
            default_language: crate::present::Language::German,
        };
        let saved = wanted.clone();
        instance
            .db
            .write_blocking(|tx| saved.save(tx, now()).map_err(DbError::from))
            .expect("saves");
        let loaded = instance
            .db
            .read_blocking(InstanceSettings::load)
            .expect("loads");
        assert_eq!(loaded, wanted);
    }
}

//! `kairos doctor`: checks an installation the way an admin would, and says how to fix
//! what it finds.
//!
//! Each check returns a [`Finding`]: ok, a warning, a failure (the exit status is non-zero
//! when there is one) or skipped with the reason. Checks only read: doctor never changes
//! the installation.

use std::fmt::Write as _;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::audit::HeadCheck;
use crate::audit::head::HeadFile;
use crate::config::{Config, ConfigError};
use crate::crypto::InstanceKey;
use crate::data_lock::DataDirLock;
use crate::db::{self, DatabaseKey, DbError, FileState};

/// No clock that runs Kairos can honestly be earlier than this (the year of the first
/// release): a clock before it was never set.
const CLOCK_FLOOR: &str = "2026-01-01T00:00:00Z";
/// Below this, backups and migrations cannot run.
const MIN_FREE_BYTES: u64 = 100 * 1024 * 1024;
/// Below this, there is room, but not for long.
const LOW_FREE_BYTES: u64 = 1024 * 1024 * 1024;
/// Where Debian-like systems keep the CA bundle that HTTPS calls (updates, OAuth) use.
const CA_BUNDLES: [&str; 3] = [
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/pki/tls/certs/ca-bundle.crt",
    "/etc/ssl/cert.pem",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Ok,
    Warn,
    Fail,
    Skip,
}

impl Level {
    fn label(self) -> &'static str {
        match self {
            Level::Ok => "ok",
            Level::Warn => "WARN",
            Level::Fail => "FAIL",
            Level::Skip => "skip",
        }
    }
}

/// What one check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub check: &'static str,
    pub level: Level,
    pub message: String,
    /// What to do about it, for warnings and failures.
    pub fix: Option<String>,
}

impl Finding {
    fn ok(check: &'static str, message: impl Into<String>) -> Self {
        Self {
            check,
            level: Level::Ok,
            message: message.into(),
            fix: None,
        }
    }

    fn warn(check: &'static str, message: impl Into<String>, fix: impl Into<String>) -> Self {
        Self {
            check,
            level: Level::Warn,
            message: message.into(),
            fix: Some(fix.into()),
        }
    }

    fn fail(check: &'static str, message: impl Into<String>, fix: impl Into<String>) -> Self {
        Self {
            check,
            level: Level::Fail,
            message: message.into(),
            fix: Some(fix.into()),
        }
    }

    fn skip(check: &'static str, message: impl Into<String>) -> Self {
        Self {
            check,
            level: Level::Skip,
            message: message.into(),
            fix: None,
        }
    }
}

/// The finding for a configuration that could not be loaded.
pub fn config_failure(err: &ConfigError) -> Finding {
    Finding::fail(
        "config",
        err.to_string(),
        "correct the file or variable named above; `kairos config show` prints the effective values once it loads",
    )
}

/// Runs every check against the installation `config` describes.
pub fn run(config: &Config, now: DateTime<Utc>) -> Vec<Finding> {
    let mut findings = vec![check_config(config), check_data_dir(config)];
    let opened = open_database(config);
    let conn = opened.as_ref().ok().and_then(Option::as_ref);
    findings.push(check_key(config, conn));
    findings.push(check_encryption(config, &opened));
    let conn = conn.map(|(conn, _)| conn);
    findings.push(check_integrity(config, conn));
    findings.push(check_audit_log(config, conn));
    findings.push(check_migrations(config));
    findings.push(check_disk(config));
    findings.push(check_clock(now, conn));
    findings.push(check_jobs(conn, now));
    findings.push(check_calendars(conn));
    findings.push(check_backups(config, now));
    findings.push(check_ca_bundle());
    findings.push(check_tls_certificate(config, now));
    findings.push(check_smtp(config, conn));
    findings.push(check_server(config));
    findings
}

/// A certificate closer to its end than this gets a warning.
const CERTIFICATE_WARNING_DAYS: i64 = 14;

/// The HTTPS certificate: usable with its key, and not about to expire.
fn check_tls_certificate(config: &Config, now: DateTime<Utc>) -> Finding {
    const CHECK: &str = "tls";
    let Some(files) = config.tls_files() else {
        return Finding::skip(
            CHECK,
            "Kairos serves plain HTTP (no tls_cert); a reverse proxy in front may serve HTTPS",
        );
    };
    if let Err(err) = files.load() {
        return Finding::fail(
            CHECK,
            err.to_string(),
            "point tls_cert and tls_key at a readable PEM certificate chain and its private key",
        );
    }
    let expires = crate::transport::read_certificates(&files.certificate)
        .ok()
        .and_then(|chain| {
            chain
                .first()
                .and_then(|cert| crate::transport::not_after(cert.as_ref()))
        });
    let Some(expires) = expires else {
        return Finding::warn(
            CHECK,
            format!(
                "cannot read the expiry date of {}",
                files.certificate.display()
            ),
            "check the certificate with `openssl x509 -noout -enddate -in FILE`",
        );
    };
    let renew = "renew the certificate, write it over the old files and run `systemctl reload kairos` (SIGHUP): the server keeps running";
    let when = expires.format("%Y-%m-%d %H:%M UTC");
    if expires <= now {
        Finding::fail(
            CHECK,
            format!(
                "the certificate {} expired on {when}",
                files.certificate.display()
            ),
            renew,
        )
    } else if expires - now <= chrono::Duration::days(CERTIFICATE_WARNING_DAYS) {
        Finding::warn(
            CHECK,
            format!(
                "the certificate {} expires on {when}, in {} days",
                files.certificate.display(),
                (expires - now).num_days()
            ),
            renew,
        )
    } else {
        Finding::ok(
            CHECK,
            format!("certificate and key match; valid until {when}"),
        )
    }
}

/// Whether any finding is a failure.
pub fn has_failures(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.level == Level::Fail)
}

/// The findings as the terminal shows them: one line each, then the fix indented.
pub fn render(findings: &[Finding]) -> String {
    let mut out = String::new();
    for finding in findings {
        let _ = writeln!(
            out,
            "{:<5} {:<11} {}",
            finding.level.label(),
            finding.check,
            finding.message
        );
        if let Some(fix) = &finding.fix {
            let _ = writeln!(out, "{:<17} fix: {fix}", "");
        }
    }
    let failures = findings.iter().filter(|f| f.level == Level::Fail).count();
    let warnings = findings.iter().filter(|f| f.level == Level::Warn).count();
    let _ = writeln!(out, "\n{failures} failed, {warnings} warnings");
    out
}

fn check_config(config: &Config) -> Finding {
    let Some(file) = &config.file else {
        return Finding::ok("config", "no config file: defaults and KAIROS_* variables");
    };
    let Ok(meta) = std::fs::metadata(file) else {
        return Finding::ok("config", format!("{} loads", file.display()));
    };
    let mode = meta.permissions().mode() & 0o777;
    if config.metrics_token.is_some() && mode & 0o004 != 0 {
        return Finding::warn(
            "config",
            format!(
                "{} holds metrics_token and every user can read it (mode {mode:o})",
                file.display()
            ),
            format!("chmod 640 {}", file.display()),
        );
    }
    Finding::ok("config", format!("{} loads", file.display()))
}

fn check_data_dir(config: &Config) -> Finding {
    let dir = &config.data_dir;
    let Ok(meta) = std::fs::metadata(dir) else {
        return Finding::warn(
            "data dir",
            format!("{} does not exist yet", dir.display()),
            "start the server once (kairos serve, or systemctl start kairos); it creates it",
        );
    };
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Finding::warn(
            "data dir",
            format!(
                "{} can be read by others (mode {mode:o}); it holds the database and backups",
                dir.display()
            ),
            format!("chmod 700 {}", dir.display()),
        );
    }
    Finding::ok("data dir", format!("{} (mode {mode:o})", dir.display()))
}

/// Opens the database for reading with the instance key (as it is, when it is from before
/// encryption); `Ok(None)` when there is none yet.
fn open_database(config: &Config) -> Result<Option<(Connection, FileState)>, DbError> {
    let database = config.database_path();
    if !database.is_file() {
        return Ok(None);
    }
    let key = DatabaseKey::load(&config.key_path())?;
    db::open_existing(&database, &key).map(Some)
}

fn check_key(config: &Config, opened: Option<&(Connection, FileState)>) -> Finding {
    let path = config.key_path();
    let conn = opened.map(|(conn, _)| conn);
    let needs_key = config.database_path().is_file();
    let meta = match std::fs::metadata(&path) {
        Ok(meta) => meta,
        Err(_) if needs_key => {
            return Finding::fail(
                "key file",
                format!(
                    "{} is missing, and the database is encrypted with it",
                    path.display()
                ),
                "put the kairos.key from your backups back (mode 0600, owned by the service user)",
            );
        }
        Err(_) => {
            return Finding::ok("key file", "not created yet (the first start creates it)");
        }
    };
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Finding::fail(
            "key file",
            format!(
                "{} can be read by group or others (mode {mode:o})",
                path.display()
            ),
            format!("chmod 600 {}", path.display()),
        );
    }
    let own_uid = rustix::process::geteuid().as_raw();
    if meta.uid() != own_uid && own_uid != 0 {
        return Finding::warn(
            "key file",
            format!(
                "{} belongs to uid {}, not to the user running doctor (uid {own_uid})",
                path.display(),
                meta.uid()
            ),
            "run kairos as the service user (sudo -u kairos kairos doctor)",
        );
    }
    match (InstanceKey::load(&path), conn) {
        (Err(err), _) => Finding::fail(
            "key file",
            err.to_string(),
            "restore kairos.key from your backups",
        ),
        (Ok(Some(key)), Some(conn)) => match crate::instance::key_matches(conn, &key) {
            Ok(Some(false)) => Finding::fail(
                "key file",
                format!("{} does not belong to this database", path.display()),
                "put the original kairos.key back (from the backup taken with this database)",
            ),
            _ => Finding::ok("key file", format!("{} (mode {mode:o})", path.display())),
        },
        (Ok(_), _) => Finding::ok("key file", format!("{} (mode {mode:o})", path.display())),
    }
}

fn check_encryption(
    config: &Config,
    opened: &Result<Option<(Connection, FileState)>, DbError>,
) -> Finding {
    let database = config.database_path();
    match opened {
        Ok(None) => Finding::ok("encryption", "no database yet (it is created encrypted)"),
        Ok(Some((_, FileState::Plaintext))) => Finding::warn(
            "encryption",
            format!(
                "{} is not encrypted (written by an older Kairos)",
                database.display()
            ),
            "start the server once: it writes an encrypted copy to the backup directory, then encrypts the database in place",
        ),
        Ok(Some(_)) => match unencrypted_backups(&config.backup_dir()) {
            0 => Finding::ok(
                "encryption",
                format!(
                    "{} and its backups are encrypted (SQLCipher, AES-256)",
                    database.display()
                ),
            ),
            count => Finding::warn(
                "encryption",
                format!(
                    "{count} backups in {} are not encrypted",
                    config.backup_dir().display()
                ),
                "restart the server (it encrypts them), or delete them once newer backups exist",
            ),
        },
        Err(DbError::Key(_)) => Finding::fail(
            "encryption",
            format!(
                "{} is encrypted, and the key to read it is missing",
                database.display()
            ),
            format!(
                "put the kairos.key kept with this database back at {} (mode 0600)",
                config.key_path().display()
            ),
        ),
        Err(err @ DbError::WrongKey { .. }) => Finding::fail(
            "encryption",
            err.to_string(),
            format!(
                "put the kairos.key kept with this database back at {} (mode 0600)",
                config.key_path().display()
            ),
        ),
        Err(err) => Finding::fail(
            "encryption",
            format!("{} cannot be opened: {err}", database.display()),
            "check its owner and permissions; if it is damaged, restore a backup with kairos restore FILE",
        ),
    }
}

/// How many `*.db` files in the backup directory are not encrypted.
fn unencrypted_backups(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().ends_with(".db"))
                .filter(|e| matches!(db::file_state(&e.path()), Ok(FileState::Plaintext)))
                .count()
        })
        .unwrap_or(0)
}

fn newest_backup(config: &Config) -> Option<PathBuf> {
    let entries = std::fs::read_dir(config.backup_dir()).ok()?;
    entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".db"))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .max()
        .map(|(_, path)| path)
}

fn check_integrity(config: &Config, conn: Option<&Connection>) -> Finding {
    let database = config.database_path();
    let Some(conn) = conn else {
        return if database.exists() {
            Finding::fail(
                "database",
                format!("{} cannot be opened", database.display()),
                "check its owner and permissions; if it is damaged, restore a backup with kairos restore FILE",
            )
        } else {
            Finding::ok("database", "not created yet (the first start creates it)")
        };
    };
    let restore_fix = match newest_backup(config) {
        Some(backup) => format!(
            "stop the server and restore the newest good backup, e.g. kairos restore {}",
            backup.display()
        ),
        None => "stop the server and restore a backup with kairos restore FILE".to_string(),
    };
    match db::meta::integrity_check(conn) {
        Ok(rows) if rows == ["ok"] => {
            let size = std::fs::metadata(&database).map(|m| m.len()).unwrap_or(0);
            Finding::ok(
                "database",
                format!(
                    "{} passes integrity_check ({size} bytes)",
                    database.display()
                ),
            )
        }
        Ok(rows) => Finding::fail(
            "database",
            format!(
                "integrity_check reports: {}",
                rows.into_iter().take(3).collect::<Vec<_>>().join("; ")
            ),
            restore_fix,
        ),
        Err(err) => Finding::fail(
            "database",
            format!("integrity_check failed: {err}"),
            restore_fix,
        ),
    }
}

fn check_audit_log(config: &Config, conn: Option<&Connection>) -> Finding {
    let Some(conn) = conn else {
        return Finding::skip("audit log", "no database yet");
    };
    // The key chains the rows and authenticates the anchor, the seal and the head.
    let Ok(Some(key)) = InstanceKey::load(&config.key_path()) else {
        return Finding::skip("audit log", "the key file cannot be read (see key file)");
    };
    if !db::audit::exists(conn).unwrap_or(false) {
        return Finding::skip("audit log", "not created yet (the next start migrates)");
    }
    let head = HeadFile::new(config.audit_head_path(), config.database_path(), &key);
    let verification = match crate::audit::verify_with_head(conn, &key, &head) {
        Ok(verification) => verification,
        Err(err) => {
            return Finding::fail(
                "audit log",
                format!("the audit log or its head cannot be read: {err}"),
                "run kairos audit verify; if the database is damaged, restore a backup",
            );
        }
    };
    if let Some(broken) = verification.broken {
        return Finding::fail(
            "audit log",
            format!("{broken}: the log was changed outside Kairos"),
            "keep a copy of the database and audit.head as evidence, find who had access to the data dir, and compare the log with your backups",
        );
    }
    let rows = verification.rows;
    match (verification.keyed_from, verification.head) {
        (None, _) => Finding::ok(
            "audit log",
            format!(
                "hash chain intact ({rows} rows; keyed MACs and the signed head start with the next start)"
            ),
        ),
        (Some(_), HeadCheck::Missing) => Finding::warn(
            "audit log",
            format!(
                "MAC chain intact ({rows} rows), but the signed head {} is missing: the removal of the newest rows cannot be ruled out",
                head.path().display()
            ),
            "compare the log with your backups, then sign its current end with kairos audit reset-head",
        ),
        (Some(_), HeadCheck::Matches { through_id }) => Finding::ok(
            "audit log",
            format!("MAC chain intact ({rows} rows), signed head at row {through_id} matches"),
        ),
        (Some(_), HeadCheck::NotChecked) => {
            Finding::ok("audit log", format!("MAC chain intact ({rows} rows)"))
        }
    }
}

/// The job queue: a warning while emails, webhooks or text messages fail or have died.
fn check_jobs(conn: Option<&Connection>, now: DateTime<Utc>) -> Finding {
    const CHECK: &str = "jobs";
    let Some(conn) = conn else {
        return Finding::skip(CHECK, "no database yet");
    };
    let health = match crate::jobs::health(conn, now) {
        Ok(health) => health,
        Err(_) => {
            return Finding::skip(
                CHECK,
                "the job queue cannot be read yet (the next start migrates it)",
            );
        }
    };
    match health.trouble() {
        Some(trouble) => {
            let since = health.failing_since.map_or_else(String::new, |since| {
                format!(
                    "; the oldest retried since {}",
                    since.format("%Y-%m-%d %H:%M UTC")
                )
            });
            Finding::warn(
                CHECK,
                format!("background jobs are failing: {trouble}{since}"),
                "read each job's last error under Admin → Background jobs, fix the mail server, SMS gateway or webhook receiver it names, then retry the dead jobs there",
            )
        }
        None => {
            let waiting: u64 = health.kinds.iter().map(|kind| kind.waiting).sum();
            let running: u64 = health.kinds.iter().map(|kind| kind.running).sum();
            Finding::ok(
                CHECK,
                format!("nothing failing ({waiting} waiting, {running} running)"),
            )
        }
    }
}

/// Connected calendar accounts: a warning naming each account whose last sync failed, its
/// owner and the reason. The reason is about the connection, never an event.
fn check_calendars(conn: Option<&Connection>) -> Finding {
    const CHECK: &str = "calendars";
    let Some(conn) = conn else {
        return Finding::skip(CHECK, "no database yet");
    };
    let Ok(accounts) = crate::db::calendars::accounts_with_owners(conn) else {
        return Finding::skip(
            CHECK,
            "the calendar accounts cannot be read yet (the next start migrates them)",
        );
    };
    let failing: Vec<String> = accounts
        .iter()
        .filter(|(account, _)| account.failures > 0)
        .map(|(account, owner)| {
            format!(
                "account {} of {owner} ({} at {}): {} failed syncs in a row, last: {}",
                account.id,
                account.provider.label(),
                account.url,
                account.failures,
                account
                    .last_error
                    .as_deref()
                    .unwrap_or("no reason recorded"),
            )
        })
        .collect();
    if accounts.is_empty() {
        return Finding::ok(CHECK, "no calendar accounts are connected");
    }
    if failing.is_empty() {
        return Finding::ok(
            CHECK,
            format!(
                "every connected calendar account syncs ({})",
                accounts.len()
            ),
        );
    }
    Finding::warn(
        CHECK,
        format!(
            "{} of {} calendar accounts fail to sync: {}",
            failing.len(),
            accounts.len(),
            failing.join("; ")
        ),
        "the owner sees the reason under Calendars and can correct the address or app password, or disconnect the account; Admin → Calendar sync lists them all",
    )
}

/// How long `doctor` waits for the mail server in all: it is a quick look, not a send.
const SMTP_PROBE_LIMIT: std::time::Duration = std::time::Duration::from_secs(30);

/// The mail server in the instance settings, checked for real: connect, greeting, EHLO,
/// TLS and login as configured, then QUIT; no message is sent.
fn check_smtp(config: &Config, conn: Option<&Connection>) -> Finding {
    const CHECK: &str = "smtp";
    let Some(conn) = conn else {
        return Finding::skip(CHECK, "no database yet");
    };
    let Ok(Some(key)) = InstanceKey::load(&config.key_path()) else {
        return Finding::skip(CHECK, "the key file cannot be read (see key file)");
    };
    let smtp = match crate::integrations::notify::smtp::load(conn, &key) {
        Ok(Some(smtp)) => smtp,
        Ok(None) => {
            return Finding::skip(
                CHECK,
                "no mail server is set up (Admin → Email); Kairos sends no email",
            );
        }
        Err(err) => {
            return Finding::fail(
                CHECK,
                format!("the mail server settings cannot be read: {err}"),
                "enter the mail server again under Admin → Email",
            );
        }
    };
    let allow_private = crate::instance::InstanceSettings::load(conn)
        .map(|settings| settings.allow_private_targets)
        .unwrap_or(false);
    let policy =
        crate::outbound::Policy::for_admin_servers(allow_private, config.outbound_allow_loopback);
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => return Finding::skip(CHECK, format!("cannot start the check: {err}")),
    };
    let probe = crate::integrations::notify::email::probe(&smtp, policy);
    match runtime.block_on(async { tokio::time::timeout(SMTP_PROBE_LIMIT, probe).await }) {
        Ok(Ok(answered)) => Finding::ok(CHECK, answered),
        // A warning like failing jobs and calendars: the installation is sound, a server
        // it talks to is not answering, and the messages wait and are retried.
        Ok(Err(err)) => Finding::warn(
            CHECK,
            format!("{}:{}: {err}", smtp.host, smtp.port),
            "correct the mail server under Admin → Email (\"Send test email\" shows the server's answer); until then no email leaves",
        ),
        Err(_) => Finding::warn(
            CHECK,
            format!(
                "{}:{} did not finish greeting within {} seconds",
                smtp.host,
                smtp.port,
                SMTP_PROBE_LIMIT.as_secs()
            ),
            "check that the host and port are right and that a firewall lets Kairos reach them",
        ),
    }
}

fn check_migrations(config: &Config) -> Finding {
    let database = config.database_path();
    if !database.exists() {
        return Finding::skip("migrations", "no database yet");
    }
    match db::check(&database, &db::embedded_migrations(), &config.key_path()) {
        Ok(status) if status.current > status.latest => Finding::fail(
            "migrations",
            format!(
                "the schema is version {}, newer than this binary (version {})",
                status.current, status.latest
            ),
            "run the newer kairos binary (kairos update --rollback undoes a downgrade), or restore a backup taken before the upgrade",
        ),
        Ok(status) if status.pending.is_empty() => Finding::ok(
            "migrations",
            format!("schema version {}, up to date", status.current),
        ),
        Ok(status) => Finding::warn(
            "migrations",
            format!(
                "{} pending: {}",
                status.pending.len(),
                status
                    .pending
                    .iter()
                    .map(|(version, name)| format!("V{version} {name}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            "restart the server (it migrates at start, after a backup) or run kairos migrate",
        ),
        Err(err) => Finding::fail(
            "migrations",
            err.to_string(),
            "see the database finding above",
        ),
    }
}

/// Judges free space in the data directory against the database size.
pub fn assess_free_space(dir: &Path, available: u64, database_bytes: u64) -> Finding {
    let needed = MIN_FREE_BYTES.max(database_bytes.saturating_mul(2));
    let shown = format!("{} free in {}", human_bytes(available), dir.display());
    if available < needed {
        Finding::fail(
            "disk",
            format!(
                "{shown}; backups and migrations need at least {}",
                human_bytes(needed)
            ),
            "free space on that file system (old backups in <data-dir>/backups can be moved off the machine)",
        )
    } else if available < LOW_FREE_BYTES.max(database_bytes.saturating_mul(4)) {
        Finding::warn(
            "disk",
            format!("{shown}; that is getting low"),
            "free space on that file system or lower backup_keep",
        )
    } else {
        Finding::ok("disk", shown)
    }
}

fn check_disk(config: &Config) -> Finding {
    let mut dir = config.data_dir.as_path();
    while !dir.exists() {
        match dir.parent() {
            Some(parent) => dir = parent,
            None => break,
        }
    }
    match rustix::fs::statvfs(dir) {
        Ok(stats) => {
            let available = stats.f_bavail.saturating_mul(stats.f_frsize);
            let database = std::fs::metadata(config.database_path())
                .map(|m| m.len())
                .unwrap_or(0);
            assess_free_space(dir, available, database)
        }
        Err(err) => Finding::warn(
            "disk",
            format!("cannot read the free space of {}: {err}", dir.display()),
            "check the data directory's file system by hand (df -h)",
        ),
    }
}

/// Judges the system clock against a floor and the newest time the database recorded.
pub fn assess_clock(now: DateTime<Utc>, newest_write: Option<DateTime<Utc>>) -> Finding {
    let floor = DateTime::parse_from_rfc3339(CLOCK_FLOOR)
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default();
    let fix = "set the clock and keep it synchronized (timedatectl set-ntp true, or chrony)";
    if now < floor {
        return Finding::fail(
            "clock",
            format!(
                "the system clock says {}, before this software existed",
                now.format("%Y-%m-%d %H:%M UTC")
            ),
            fix,
        );
    }
    if let Some(newest) = newest_write
        && newest - now > chrono::Duration::minutes(5)
    {
        return Finding::fail(
            "clock",
            format!(
                "the system clock ({}) is behind the newest change in the database ({}): bookings and sessions would be judged against the wrong time",
                now.format("%Y-%m-%d %H:%M UTC"),
                newest.format("%Y-%m-%d %H:%M UTC")
            ),
            fix,
        );
    }
    Finding::ok("clock", format!("{}", now.format("%Y-%m-%d %H:%M:%S UTC")))
}

fn check_clock(now: DateTime<Utc>, conn: Option<&Connection>) -> Finding {
    let newest = conn.and_then(|conn| db::meta::newest_change(conn).ok().flatten());
    assess_clock(now, newest)
}

fn check_backups(config: &Config, now: DateTime<Utc>) -> Finding {
    if config.backup_interval_hours == 0 {
        return Finding::warn(
            "backups",
            "automatic backups are off (backup_interval_hours = 0)",
            "set backup_interval_hours, or make sure kairos backup runs from cron",
        );
    }
    let Some(newest) = newest_backup(config) else {
        return Finding::ok(
            "backups",
            format!(
                "none yet; the server writes one every {} hours",
                config.backup_interval_hours
            ),
        );
    };
    let age = std::fs::metadata(&newest)
        .and_then(|m| m.modified())
        .ok()
        .map(|modified| now - DateTime::<Utc>::from(modified));
    match age {
        Some(age) if age > chrono::Duration::hours(2 * i64::from(config.backup_interval_hours)) => {
            Finding::warn(
                "backups",
                format!(
                    "the newest backup, {}, is {} hours old",
                    newest.display(),
                    age.num_hours()
                ),
                "check that the server runs (systemctl status kairos) and its log for backup errors",
            )
        }
        _ => Finding::ok("backups", format!("newest: {}", newest.display())),
    }
}

fn check_ca_bundle() -> Finding {
    match CA_BUNDLES.iter().find(|path| Path::new(path).is_file()) {
        Some(path) => Finding::ok(
            "tls roots",
            format!("{path} (for updates and integrations)"),
        ),
        None => Finding::warn(
            "tls roots",
            "no CA certificate bundle found: HTTPS calls (kairos update, calendar and sign-in integrations) will fail",
            "install the CA certificates (Debian: apt-get install ca-certificates)",
        ),
    }
}

fn check_server(config: &Config) -> Finding {
    if DataDirLock::is_held(&config.data_dir) {
        Finding::ok(
            "server",
            "a kairos server is running on this data directory",
        )
    } else {
        Finding::ok("server", "no server is running on this data directory")
    }
}

fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIB: u64 = 1024 * 1024;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    #[test]
    fn free_space_thresholds_follow_the_database_size() {
        let dir = Path::new("/var/lib/kairos");
        assert_eq!(assess_free_space(dir, 50 * MIB, MIB).level, Level::Fail);
        assert_eq!(assess_free_space(dir, 500 * MIB, MIB).level, Level::Warn);
        assert_eq!(assess_free_space(dir, 5000 * MIB, MIB).level, Level::Ok);
        // A 3 GiB database needs room for a 3 GiB backup and more.
        assert_eq!(
            assess_free_space(dir, 5000 * MIB, 3000 * MIB).level,
            Level::Fail
        );
        let finding = assess_free_space(dir, 50 * MIB, MIB);
        assert!(finding.message.contains("50.0 MiB free"), "{finding:?}");
        assert!(finding.fix.is_some());
    }

    #[test]
    fn a_clock_before_the_floor_or_behind_the_data_fails() {
        let now = at("2026-06-01T12:00:00Z");
        assert_eq!(assess_clock(now, None).level, Level::Ok);
        assert_eq!(
            assess_clock(now, Some(at("2026-06-01T12:03:00Z"))).level,
            Level::Ok,
            "a few minutes of skew are tolerated"
        );
        let behind = assess_clock(now, Some(at("2026-06-03T00:00:00Z")));
        assert_eq!(behind.level, Level::Fail);
        assert!(behind.message.contains("behind"), "{behind:?}");
        assert_eq!(
            assess_clock(at("1970-01-01T00:00:10Z"), None).level,
            Level::Fail
        );
    }

    #[test]
    fn rendering_puts_the_fix_under_its_finding_and_counts() {
        let findings = vec![
            Finding::ok("database", "fine"),
            Finding::fail("key file", "too open", "chmod 600 /k"),
        ];
        let text = render(&findings);
        assert!(text.contains("FAIL  key file    too open\n"), "{text}");
        assert!(text.contains("fix: chmod 600 /k"), "{text}");
        assert!(text.contains("1 failed, 0 warnings"), "{text}");
        assert!(has_failures(&findings));
        assert!(!has_failures(&findings[..1]));
    }
}

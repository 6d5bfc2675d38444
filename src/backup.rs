//! Backups and restores of the database.
//!
//! A backup is an online, consistent copy of `kairos.db` written with `VACUUM INTO` from a
//! reader connection: it sees one snapshot of the database while the server keeps serving
//! and writing. Copies are written under a temporary name and renamed when complete, so a
//! file with a backup's name is always a whole backup.
//!
//! Names say who took them: `kairos-backup-<time>.db` (by `kairos backup`),
//! `kairos-auto-<time>.db` (the schedule in `serve`; only these are pruned) and
//! `kairos-v<N>-<time>.db` (before a schema migration).
//!
//! Backups are encrypted like the database: `VACUUM INTO` from an encrypted database writes
//! a copy under the same key, and a database not yet encrypted (before the first start of
//! this version) is exported encrypted. A backup is only readable with `kairos.key`.
//!
//! A restore checks the file (`PRAGMA integrity_check`, a Kairos schema no newer than this
//! binary, the instance key), keeps the database it replaces as
//! `kairos.db.replaced-<time>`, and refuses while a server holds the data directory. A
//! restored database legitimately ends before the audit log's signed head, so the restore
//! records itself in the restored log (`database_restored`) and signs that row as the new
//! head.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use rusqlite::Connection;
use tokio::sync::Notify;
use tokio::task::JoinHandle;

use crate::audit::{self, head::Head, head::HeadError, head::HeadFile};
use crate::clock::Clock;
use crate::config::Config;
use crate::crypto::{InstanceKey, KeyError};
use crate::data_lock::{DataDirLock, LockError};
use crate::db::{self, DatabaseKey, Db, DbError, FileState};

/// Prefix of backups taken with `kairos backup`.
pub const MANUAL_PREFIX: &str = "kairos-backup-";
/// Prefix of the scheduled backups taken by `serve`; the only ones that are pruned.
pub const AUTO_PREFIX: &str = "kairos-auto-";
const TIME_FORMAT: &str = "%Y%m%dT%H%M%SZ";
/// How often the schedule looks at the clock while it waits.
const SCHEDULE_TICK: StdDuration = StdDuration::from_secs(60);

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("there is no database at {0}: nothing to back up")]
    NoDatabase(PathBuf),
    #[error("{0} already exists; name a new file with --output")]
    TargetExists(PathBuf),
    #[error("cannot {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("{path} is not a Kairos database backup: {reason}")]
    NotABackup { path: PathBuf, reason: String },
    #[error(
        "{path} is damaged: SQLite's integrity check reports {problems}. Nothing was changed; restore another backup"
    )]
    Damaged { path: PathBuf, problems: String },
    #[error(
        "{path} holds schema version {backup}, newer than this kairos binary knows (version {binary}); restore it with the kairos version that wrote it. Nothing was changed"
    )]
    TooNew {
        path: PathBuf,
        backup: i64,
        binary: i64,
    },
    #[error(
        "{path} cannot be decrypted with {key}: it was written by an instance with another kairos.key, or it is not a Kairos database backup. To restore another instance's backup, put the kairos.key of the instance that wrote it in place first (and keep this one). Nothing was changed"
    )]
    Undecryptable { path: PathBuf, key: PathBuf },
    #[error(
        "{path} comes from an instance with a different key: {key} cannot read the secrets stored in it. Put the kairos.key of the instance that wrote the backup in place first. Nothing was changed"
    )]
    KeyMismatch { path: PathBuf, key: PathBuf },
    #[error(
        "{path} needs the key of the instance that wrote it, and {key} is missing: copy that kairos.key (mode 0600) into the data directory first. Nothing was changed"
    )]
    KeyMissing { path: PathBuf, key: PathBuf },
    #[error(transparent)]
    Key(#[from] KeyError),
    #[error(transparent)]
    Locked(#[from] LockError),
    #[error(
        "the database was restored, but its audit head could not be signed ({0}); run `kairos audit reset-head` before starting the server"
    )]
    AuditHead(HeadError),
}

fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> BackupError {
    let path = path.to_path_buf();
    move |source| BackupError::Io {
        action,
        path,
        source,
    }
}

/// A file name for a backup taken at `now`: `<prefix><UTC time>.db`.
pub fn backup_file_name(prefix: &str, now: DateTime<Utc>) -> String {
    format!("{prefix}{}.db", now.format(TIME_FORMAT))
}

/// When a backup named by [`backup_file_name`] with `prefix` was taken.
fn taken_at(prefix: &str, name: &str) -> Option<DateTime<Utc>> {
    let stamp = name.strip_prefix(prefix)?.strip_suffix(".db")?;
    NaiveDateTime::parse_from_str(stamp, TIME_FORMAT)
        .ok()
        .map(|time| time.and_utc())
}

/// A backup that was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub path: PathBuf,
    pub bytes: u64,
}

/// Writes a consistent copy of the database `conn` reads to `target`, which must not
/// exist: first under a temporary name next to it, then renamed.
pub fn write_backup(conn: &Connection, target: &Path) -> Result<Written, BackupError> {
    write_with(target, |partial| db::vacuum_into(conn, partial))
}

/// Copies the database at `source`, which `conn` reads, to `target`, always encrypted:
/// `VACUUM INTO` keeps the key of an encrypted database, one not yet encrypted is exported
/// under `key`.
fn copy_encrypted(
    conn: &Connection,
    source: &Path,
    state: FileState,
    key: &DatabaseKey,
    target: &Path,
) -> Result<(), DbError> {
    match state {
        FileState::Plaintext => db::export_encrypted(source, target, key),
        FileState::Missing | FileState::Encrypted => db::vacuum_into(conn, target),
    }
}

fn write_with(
    target: &Path,
    copy: impl FnOnce(&Path) -> Result<(), DbError>,
) -> Result<Written, BackupError> {
    if target.exists() {
        return Err(BackupError::TargetExists(target.to_path_buf()));
    }
    let name = target
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| "kairos-backup.db".into());
    let partial = target.with_file_name(format!(".{name}.partial"));
    if partial.exists() {
        std::fs::remove_file(&partial).map_err(io("remove the unfinished backup", &partial))?;
    }
    if let Err(err) = copy(&partial) {
        let _ = std::fs::remove_file(&partial);
        return Err(err.into());
    }
    // A backup holds everything the database does: readable by its owner only, wherever
    // --output puts it.
    std::fs::set_permissions(&partial, std::fs::Permissions::from_mode(0o600))
        .map_err(io("restrict the permissions of", &partial))?;
    std::fs::rename(&partial, target).map_err(io("finish the backup", target))?;
    let bytes = std::fs::metadata(target)
        .map_err(io("read the size of", target))?
        .len();
    Ok(Written {
        path: target.to_path_buf(),
        bytes,
    })
}

/// Opens a database or backup file for reading only, without creating anything: an
/// encrypted one with `key`, one from before encryption as it is.
fn open_read_only(path: &Path, key: &DatabaseKey) -> Result<(Connection, FileState), BackupError> {
    let (conn, state) = db::open_existing(path, key).map_err(|err| match err {
        DbError::WrongKey { path, key } => BackupError::Undecryptable { path, key },
        other => other.into(),
    })?;
    conn.busy_timeout(StdDuration::from_secs(10))
        .map_err(DbError::from)?;
    Ok((conn, state))
}

/// `kairos backup`: copies the database of `config` to `output`, or to a new timestamped
/// file in the backup directory. Works while the server runs.
pub fn backup_instance(
    config: &Config,
    output: Option<&Path>,
    now: DateTime<Utc>,
) -> Result<Written, BackupError> {
    let database = config.database_path();
    if !database.is_file() {
        return Err(BackupError::NoDatabase(database));
    }
    let target = match output {
        Some(path) => path.to_path_buf(),
        None => config
            .backup_dir()
            .join(backup_file_name(MANUAL_PREFIX, now)),
    };
    let key = DatabaseKey::load(&config.key_path())?;
    let (conn, state) = open_read_only(&database, &key)?;
    write_with(&target, |partial| {
        copy_encrypted(&conn, &database, state, &key, partial)
    })
}

/// Takes a backup through the server's own reader connections.
pub fn backup_db(db: &Db, target: &Path) -> Result<Written, BackupError> {
    db.read_blocking(|conn| write_backup(conn, target))
}

/// Deletes all but the newest `keep` scheduled backups in `dir`; returns what it deleted.
/// Backups taken by hand or before a migration are never deleted.
pub fn prune(dir: &Path, keep: usize) -> Result<Vec<PathBuf>, BackupError> {
    let mut scheduled = scheduled_backups(dir)?;
    let excess = scheduled.len().saturating_sub(keep);
    let mut deleted = Vec::new();
    for (_, path) in scheduled.drain(..excess) {
        std::fs::remove_file(&path).map_err(io("delete the old backup", &path))?;
        deleted.push(path);
    }
    Ok(deleted)
}

/// The scheduled backups in `dir`, oldest first.
fn scheduled_backups(dir: &Path) -> Result<Vec<(DateTime<Utc>, PathBuf)>, BackupError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => return Err(io("list", dir)(err)),
    };
    let mut found: Vec<(DateTime<Utc>, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            taken_at(AUTO_PREFIX, &name).map(|time| (time, entry.path()))
        })
        .collect();
    found.sort();
    Ok(found)
}

/// What a backup file holds, once checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inspection {
    /// The schema version of the backup.
    pub schema: i64,
    /// The schema version of this binary.
    pub binary: i64,
}

/// Checks that `path` is an intact Kairos database whose schema this binary can run, and
/// that `key` decrypts it (or that it is from before encryption).
pub fn inspect(path: &Path, key: &DatabaseKey) -> Result<Inspection, BackupError> {
    let not_a_backup = |reason: String| BackupError::NotABackup {
        path: path.to_path_buf(),
        reason,
    };
    if !path.is_file() {
        return Err(not_a_backup("there is no such file".into()));
    }
    let (conn, _) = open_read_only(path, key)?;
    let problems = db::meta::integrity_check(&conn)
        // The first page decrypted (or the file is from before encryption), so a page that
        // does not is damage, like any other read error here.
        .map_err(|err| BackupError::Damaged {
            path: path.to_path_buf(),
            problems: err.to_string(),
        })?;
    if problems != ["ok"] {
        let mut summary: Vec<String> = problems.iter().take(3).cloned().collect();
        if problems.len() > 3 {
            summary.push(format!("and {} more problems", problems.len() - 3));
        }
        return Err(BackupError::Damaged {
            path: path.to_path_buf(),
            problems: summary.join("; "),
        });
    }
    let has_history =
        db::meta::table_exists(&conn, "refinery_schema_history").map_err(DbError::from)?;
    if !has_history {
        return Err(not_a_backup(
            "it is an SQLite database without a Kairos schema history".into(),
        ));
    }
    let status = db::schema_status(&conn, &db::embedded_migrations())?;
    if status.current > status.latest {
        return Err(BackupError::TooNew {
            path: path.to_path_buf(),
            backup: status.current,
            binary: status.latest,
        });
    }
    Ok(Inspection {
        schema: status.current,
        binary: status.latest,
    })
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    pub schema: i64,
    pub binary: i64,
    /// Where the database that was replaced now is, if there was one.
    pub replaced: Option<PathBuf>,
    /// The audit row that records the restore, now the log's signed head (`None` for a
    /// backup from before the audit log).
    pub audit_row: Option<i64>,
}

/// `kairos restore FILE`: replaces the database of `config` with the backup at `file`.
pub fn restore(config: &Config, file: &Path, now: DateTime<Utc>) -> Result<Restored, BackupError> {
    let _lock = DataDirLock::acquire(&config.data_dir)?;
    let key_path = config.key_path();
    let Some(instance_key) = InstanceKey::load(&key_path)? else {
        return Err(BackupError::KeyMissing {
            path: file.to_path_buf(),
            key: key_path,
        });
    };
    let key = DatabaseKey::derive(&instance_key, &key_path);
    let inspection = inspect(file, &key)?;
    let (backup, state) = open_read_only(file, &key)?;
    if crate::instance::key_matches(&backup, &instance_key).map_err(DbError::from)? == Some(false) {
        return Err(BackupError::KeyMismatch {
            path: file.to_path_buf(),
            key: key_path,
        });
    }

    let database = config.database_path();
    let staged = config.data_dir.join(".kairos.db.restoring");
    for leftover in [
        staged.clone(),
        sidecar(&staged, "-wal"),
        sidecar(&staged, "-shm"),
    ] {
        if leftover.exists() {
            std::fs::remove_file(&leftover)
                .map_err(io("remove the unfinished restore", &leftover))?;
        }
    }
    copy_encrypted(&backup, file, state, &key, &staged)?;
    drop(backup);
    let head = record_restore(&staged, &key, &instance_key, file, now)?;
    // Checkpointed and closed: whatever log files remain are empty.
    for leftover in [sidecar(&staged, "-wal"), sidecar(&staged, "-shm")] {
        if leftover.exists() {
            std::fs::remove_file(&leftover).map_err(io("remove", &leftover))?;
        }
    }

    let replaced = if database.exists() {
        let aside = config
            .data_dir
            .join(format!("kairos.db.replaced-{}", now.format(TIME_FORMAT)));
        std::fs::rename(&database, &aside).map_err(io("move aside", &database))?;
        // The write-ahead log belongs to the database it was written for: it moves along
        // (SQLite finds it by name), and the shared-memory index is rebuilt from it.
        let wal = sidecar(&database, "-wal");
        if wal.exists() {
            std::fs::rename(&wal, sidecar(&aside, "-wal")).map_err(io("move aside", &wal))?;
        }
        let shm = sidecar(&database, "-shm");
        if shm.exists() {
            std::fs::remove_file(&shm).map_err(io("remove", &shm))?;
        }
        Some(aside)
    } else {
        None
    };
    std::fs::rename(&staged, &database).map_err(io("put the restored database at", &database))?;
    if let Ok(dir) = std::fs::File::open(&config.data_dir) {
        let _ = dir.sync_all();
    }
    HeadFile::new(config.audit_head_path(), database, &instance_key)
        .store(&head)
        .map_err(BackupError::AuditHead)?;
    Ok(Restored {
        schema: inspection.schema,
        binary: inspection.binary,
        replaced,
        audit_row: (head.last_id > 0).then_some(head.last_id),
    })
}

/// Records the restore in the audit log of the staged copy (a database from before the
/// log has none) and returns its new end, for the signed head. The copy is left complete
/// in its one file.
fn record_restore(
    staged: &Path,
    key: &DatabaseKey,
    instance_key: &InstanceKey,
    file: &Path,
    now: DateTime<Utc>,
) -> Result<Head, BackupError> {
    let conn = db::open_connection(
        staged,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        key,
    )?;
    audit::attach_key(&conn, instance_key).map_err(DbError::from)?;
    let name: String = file
        .file_name()
        .map(|name| name.to_string_lossy().chars().take(100).collect())
        .unwrap_or_default();
    let tx = conn.unchecked_transaction().map_err(DbError::from)?;
    let head = if db::audit::exists(&tx).map_err(DbError::from)? {
        let entry = audit::Entry {
            actor: audit::Actor::System("cli"),
            action: "database_restored",
            object: Some(format!("backup:{name}")),
            outcome: audit::Outcome::Success,
            origin: &audit::Origin::host(),
        };
        audit::record(&tx, now, &entry).map_err(DbError::from)?;
        audit::current_head(&tx).map_err(DbError::from)?
    } else {
        Head::genesis()
    };
    tx.commit().map_err(DbError::from)?;
    db::meta::checkpoint(&conn).map_err(DbError::from)?;
    Ok(head)
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// How often `serve` takes a backup and how many it keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub interval: Duration,
    pub keep: usize,
}

impl Schedule {
    /// The schedule a configuration asks for; `None` when automatic backups are off.
    pub fn from_config(config: &Config) -> Option<Self> {
        (config.backup_interval_hours > 0).then(|| Self {
            interval: Duration::hours(i64::from(config.backup_interval_hours)),
            keep: usize::try_from(config.backup_keep).unwrap_or(usize::MAX),
        })
    }
}

/// The background task that takes scheduled backups while the server runs.
pub struct Scheduler {
    wake: Arc<Notify>,
    task: JoinHandle<()>,
}

impl Scheduler {
    /// Starts the schedule. The first backup is due one interval after the newest
    /// scheduled backup in `dir`, or one interval from now when there is none.
    pub fn spawn(db: Db, dir: PathBuf, clock: Arc<dyn Clock>, schedule: Schedule) -> Self {
        let wake = Arc::new(Notify::new());
        let started = clock.now();
        let task = tokio::spawn(run_schedule(
            db,
            dir,
            clock,
            started,
            schedule,
            wake.clone(),
        ));
        Self { wake, task }
    }

    /// Makes the schedule look at the clock now instead of at its next tick.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Stops the schedule (a backup being written finishes on its own).
    pub fn stop(self) {
        self.task.abort();
    }
}

async fn run_schedule(
    db: Db,
    dir: PathBuf,
    clock: Arc<dyn Clock>,
    started: DateTime<Utc>,
    schedule: Schedule,
    wake: Arc<Notify>,
) {
    let newest = {
        let dir = dir.clone();
        tokio::task::spawn_blocking(move || scheduled_backups(&dir))
            .await
            .ok()
            .and_then(Result::ok)
            .and_then(|found| found.last().map(|(time, _)| *time))
    };
    let mut due = newest.unwrap_or(started) + schedule.interval;
    tracing::info!(
        interval_hours = schedule.interval.num_hours(),
        keep = schedule.keep,
        next = %due.format("%Y-%m-%dT%H:%M:%SZ"),
        "automatic backups scheduled"
    );
    loop {
        let now = clock.now();
        if now >= due {
            let target = dir.join(backup_file_name(AUTO_PREFIX, now));
            let db = db.clone();
            let prune_dir = dir.clone();
            let keep = schedule.keep;
            let result = tokio::task::spawn_blocking(move || {
                let written = backup_db(&db, &target)?;
                let deleted = prune(&prune_dir, keep)?;
                Ok::<_, BackupError>((written, deleted))
            })
            .await;
            match result {
                Ok(Ok((written, deleted))) => tracing::info!(
                    backup = %written.path.display(),
                    bytes = written.bytes,
                    pruned = deleted.len(),
                    "automatic backup written"
                ),
                Ok(Err(err)) => tracing::error!(error = %err, "automatic backup failed"),
                Err(err) => tracing::error!(error = %err, "automatic backup task failed"),
            }
            due = now + schedule.interval;
            continue;
        }
        let wait = (due - now)
            .to_std()
            .unwrap_or(StdDuration::ZERO)
            .min(SCHEDULE_TICK);
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = wake.notified() => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    #[test]
    fn names_carry_the_time_and_read_back() {
        let time = at("2026-03-27T08:00:05Z");
        let name = backup_file_name(AUTO_PREFIX, time);
        assert_eq!(name, "kairos-auto-20260327T080005Z.db");
        assert_eq!(taken_at(AUTO_PREFIX, &name), Some(time));
        assert_eq!(taken_at(MANUAL_PREFIX, &name), None);
        assert_eq!(taken_at(AUTO_PREFIX, "kairos-auto-garbage.db"), None);
    }

    #[test]
    fn pruning_keeps_the_newest_scheduled_backups_and_nothing_else_is_touched() {
        let dir = tempfile::tempdir().expect("tempdir");
        let names = [
            "kairos-auto-20260101T000000Z.db",
            "kairos-auto-20260103T000000Z.db",
            "kairos-auto-20260102T000000Z.db",
            "kairos-backup-20250101T000000Z.db",
            "kairos-v1-20250101T000000Z.db",
            "notes.txt",
        ];
        for name in names {
            std::fs::write(dir.path().join(name), b"x").expect("write");
        }
        let deleted = prune(dir.path(), 2).expect("prunes");
        assert_eq!(
            deleted,
            vec![dir.path().join("kairos-auto-20260101T000000Z.db")]
        );
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .expect("list")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            vec![
                "kairos-auto-20260102T000000Z.db",
                "kairos-auto-20260103T000000Z.db",
                "kairos-backup-20250101T000000Z.db",
                "kairos-v1-20250101T000000Z.db",
                "notes.txt",
            ]
        );
    }

    #[test]
    fn a_backup_never_overwrites_a_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let key = DatabaseKey::derive(&InstanceKey::from_bytes([4; 32]), Path::new("kairos.key"));
        let source = db::open_connection(
            &dir.path().join("a.db"),
            rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_CREATE,
            &key,
        )
        .expect("open");
        source
            .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .expect("data");
        let target = dir.path().join("copy.db");
        std::fs::write(&target, b"precious").expect("write");
        let err = write_backup(&source, &target).expect_err("refused");
        assert!(matches!(err, BackupError::TargetExists(_)), "{err}");
        assert_eq!(std::fs::read(&target).expect("read"), b"precious");
    }
}

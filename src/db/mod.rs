//! The SQLite store.
//!
//! One file, `<data-dir>/kairos.db`, in WAL mode with foreign keys on. All writes go
//! through a single writer connection inside `BEGIN IMMEDIATE` transactions, so they are
//! serialized; a few reader connections serve queries concurrently. Every call runs on the
//! blocking thread pool, never on the async runtime.
//!
//! The file is encrypted with SQLCipher (AES-256, an HMAC per page) under a key derived from
//! the instance key, and so are its write-ahead log and every copy taken with `VACUUM INTO`.
//! Every connection goes through [`open_connection`], which applies that key before anything
//! else reads the file. A database left unencrypted by an older Kairos is encrypted in place
//! at startup ([`encrypt_in_place`]).
//!
//! Migrations are the SQL files in `migrations/`, embedded at compile time and applied in
//! one transaction at startup: either all pending ones apply or the database is left
//! exactly as it was. Before migrating a database that already holds data, an online copy
//! (`VACUUM INTO`) is written to `<data-dir>/backups/`.

pub mod api_keys;
pub mod audit;
pub mod bookings;
pub mod calendars;
pub mod event_types;
pub mod invitations;
pub mod jobs;
pub mod meta;
pub mod mfa;
pub mod outbox;
pub mod payments;
pub mod schedules;
pub mod sessions;
pub mod settings;
pub mod teams;
pub mod users;
pub mod webhooks;
pub mod workflows;

mod cipher;

pub use cipher::{
    BEFORE_ENCRYPTION_PREFIX, DatabaseKey, Encrypted, FileState, encrypt_in_place,
    export_encrypted, file_state, open_existing,
};

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

mod embedded {
    refinery::embed_migrations!("migrations");
}

const READERS: usize = 4;
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
const HISTORY_TABLE: &str = "refinery_schema_history";

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("cannot open the database {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error(
        "the database schema is version {database}, newer than this kairos binary knows (version {binary}); run the newer kairos binary or restore a backup taken before the upgrade"
    )]
    SchemaTooNew { database: i64, binary: i64 },
    #[error(
        "migration to schema version {version} ({name}) failed: {message}. The database was left unchanged at version {current}"
    )]
    MigrationFailed {
        version: i64,
        name: String,
        current: i64,
        message: String,
    },
    #[error(
        "after migrating, {rows} rows refer to rows that are gone: restore the backup taken before migrating"
    )]
    BrokenReferences { rows: i64 },
    #[error("cannot back up the database before migrating it to {path}: {message}")]
    Backup { path: PathBuf, message: String },
    #[error(
        "the database {path} cannot be decrypted with the instance key {key}: the key belongs to another instance, or the file is not a Kairos database. Put back the kairos.key that was kept with this database (mode 0600), or restore a backup with the key that wrote it. Nothing was changed"
    )]
    WrongKey { path: PathBuf, key: PathBuf },
    #[error("cannot encrypt the unencrypted database {path}: {message}. It was left unchanged")]
    Encrypt { path: PathBuf, message: String },
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Key(#[from] crate::crypto::KeyError),
    #[error("the database worker stopped unexpectedly")]
    WorkerGone,
}

/// An instant stored as Unix seconds.
pub(crate) fn instant(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

/// Reads a JSON text column into a value.
pub(crate) fn json_column<T: serde::de::DeserializeOwned>(
    row: &rusqlite::Row<'_>,
    index: usize,
) -> rusqlite::Result<T> {
    let text: String = row.get(index)?;
    serde_json::from_str(&text).map_err(|err| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(err))
    })
}

/// A value as JSON text for a column.
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> rusqlite::Result<String> {
    serde_json::to_string(value)
        .map_err(|err| rusqlite::Error::ToSqlConversionFailure(Box::new(err)))
}

/// What the schema looks like compared to this binary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaStatus {
    /// The highest applied version; 0 for a new database.
    pub current: i64,
    /// The highest version this binary carries.
    pub latest: i64,
    /// Versions and names of the migrations not yet applied.
    pub pending: Vec<(i64, String)>,
}

impl SchemaStatus {
    pub fn is_current(&self) -> bool {
        self.current == self.latest
    }
}

/// A migration as the runner sees it: embedded ones, or extra ones in tests.
pub type Migration = refinery::Migration;

/// A migrated, empty database in `dir` (a temporary directory), for unit tests that
/// need the whole schema.
#[cfg(test)]
pub(crate) fn test_db(dir: &Path, now: DateTime<Utc>) -> Result<Db, DbError> {
    let path = dir.join("kairos.db");
    let key = DatabaseKey::derive(
        &crate::crypto::InstanceKey::from_bytes([7; 32]),
        Path::new("k"),
    );
    migrate(&path, &dir.join("b"), &embedded_migrations(), &key, now)?;
    Db::open(&path, &key)
}

/// The migrations compiled into this binary.
pub fn embedded_migrations() -> Vec<Migration> {
    embedded::migrations::runner().get_migrations().clone()
}

/// Handle to the database: one writer, a few readers.
#[derive(Clone)]
pub struct Db {
    inner: Arc<Inner>,
}

struct Inner {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: Vec<Mutex<Connection>>,
    next_reader: AtomicUsize,
    /// Counts committed write transactions: anything derived from the data and tagged with
    /// this number is current while the number stays the same.
    generation: AtomicU64,
    /// Set by the writer when the running transaction adds a job.
    jobs_added: Arc<AtomicBool>,
    /// Called after a commit that added jobs: wakes the job worker.
    on_jobs_added: OnceLock<Box<dyn Fn() + Send + Sync>>,
    /// Set by the writer when the running transaction appends audit rows.
    audit_added: Arc<AtomicBool>,
    /// Called after a commit that appended audit rows: advances the signed audit head.
    on_audit_added: OnceLock<Box<dyn Fn() + Send + Sync>>,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db")
            .field("path", &self.inner.path)
            .finish()
    }
}

fn lock(mutex: &Mutex<Connection>) -> MutexGuard<'_, Connection> {
    // A panic while holding a connection leaves no half-done transaction behind
    // (rusqlite rolls back on drop), so the connection is still usable.
    mutex.lock().unwrap_or_else(|poison| poison.into_inner())
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // Sorts and temporary tables stay in memory rather than in files beside the database.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(())
}

/// Opens the database file at `path` and applies `key` before anything reads it: the one
/// way Kairos opens its database (the server's connections, the CLI, backups and restores).
/// A key that cannot decrypt the file is [`DbError::WrongKey`], naming the key file.
pub fn open_connection(
    path: &Path,
    flags: OpenFlags,
    key: &DatabaseKey,
) -> Result<Connection, DbError> {
    let open_error = |source| DbError::Open {
        path: path.to_path_buf(),
        source,
    };
    let conn = Connection::open_with_flags(path, flags).map_err(open_error)?;
    key.apply(&conn).map_err(open_error)?;
    cipher::check_readable(&conn, path, key)?;
    configure(&conn).map_err(open_error)?;
    Ok(conn)
}

/// Opens the writer connection, creating the file if needed and switching it to WAL.
fn open_writer(path: &Path, key: &DatabaseKey) -> Result<Connection, DbError> {
    let conn = open_connection(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        key,
    )?;
    let mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        tracing::warn!(journal_mode = %mode, "the database could not switch to WAL mode");
    }
    Ok(conn)
}

/// Reads the schema status of an open connection against a list of migrations.
pub fn schema_status(conn: &Connection, migrations: &[Migration]) -> Result<SchemaStatus, DbError> {
    let has_history = meta::table_exists(conn, HISTORY_TABLE)?;
    let applied: Vec<i64> = if has_history {
        let mut stmt = conn.prepare(&format!("SELECT version FROM {HISTORY_TABLE}"))?;
        stmt.query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?
    } else {
        Vec::new()
    };
    let current = applied.iter().copied().max().unwrap_or(0);
    let latest = migrations
        .iter()
        .map(|m| i64::from(m.version()))
        .max()
        .unwrap_or(0);
    let mut pending: Vec<(i64, String)> = migrations
        .iter()
        .filter(|m| !applied.contains(&i64::from(m.version())))
        .map(|m| (i64::from(m.version()), m.name().to_string()))
        .collect();
    pending.sort();
    Ok(SchemaStatus {
        current,
        latest,
        pending,
    })
}

/// Whether the database has any table besides SQLite's own.
fn holds_data(conn: &Connection) -> Result<bool, DbError> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%')",
        [],
        |row| row.get(0),
    )?)
}

/// Writes an online, consistent copy of the database to `target` (which must not exist),
/// encrypted with the same key as the database `conn` reads.
pub fn vacuum_into(conn: &Connection, target: &Path) -> Result<(), DbError> {
    let fail = |message: String| DbError::Backup {
        path: target.to_path_buf(),
        message,
    };
    if let Some(dir) = target.parent().filter(|dir| !dir.exists()) {
        std::fs::create_dir_all(dir).map_err(|err| fail(err.to_string()))?;
        // Backups hold everything the database does: their folder is its owner's alone.
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
            .map_err(|err| fail(err.to_string()))?;
    }
    let target_text = target
        .to_str()
        .ok_or_else(|| fail("the path is not valid UTF-8".into()))?;
    conn.execute("VACUUM INTO ?1", [target_text])
        .map_err(|err| fail(err.to_string()))?;
    Ok(())
}

/// Applies `migrations` to the database at `path`: refuses a newer schema, backs up a
/// database with data into `backup_dir`, and runs every pending migration in one
/// transaction. Returns the status after migrating.
pub fn migrate(
    path: &Path,
    backup_dir: &Path,
    migrations: &[Migration],
    key: &DatabaseKey,
    now: DateTime<Utc>,
) -> Result<SchemaStatus, DbError> {
    let mut conn = open_writer(path, key)?;
    let status = schema_status(&conn, migrations)?;
    if status.current > status.latest {
        return Err(DbError::SchemaTooNew {
            database: status.current,
            binary: status.latest,
        });
    }
    if status.pending.is_empty() {
        return Ok(status);
    }
    if holds_data(&conn)? {
        let backup = backup_dir.join(format!(
            "kairos-v{}-{}.db",
            status.current,
            now.format("%Y%m%dT%H%M%SZ")
        ));
        vacuum_into(&conn, &backup)?;
        tracing::info!(backup = %backup.display(), from = status.current, "backed up the database before migrating");
    }
    let runner = refinery::Runner::new(migrations)
        .set_grouped(true)
        .set_abort_divergent(true)
        .set_abort_missing(false);
    // A migration that rebuilds a table (to change a CHECK constraint) drops the old one:
    // with enforcement on, that would cascade into the rows that refer to it. The keys
    // are checked once the batch is in.
    conn.pragma_update(None, "foreign_keys", false)?;
    let ran = runner.run(&mut conn);
    conn.pragma_update(None, "foreign_keys", true)?;
    if let Err(err) = ran {
        // The batch ran in one transaction and was rolled back; find out which migration
        // failed by replaying them in a transaction that is rolled back as well.
        let (version, name, message) = diagnose_failure(&mut conn, migrations, &status.pending)
            .unwrap_or_else(|| {
                let (version, name) = status.pending.first().cloned().unwrap_or_default();
                (version, name, err.kind().to_string())
            });
        return Err(DbError::MigrationFailed {
            version,
            name,
            current: status.current,
            message,
        });
    }
    let broken: i64 =
        conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
            row.get(0)
        })?;
    if broken > 0 {
        return Err(DbError::BrokenReferences { rows: broken });
    }
    let after = schema_status(&conn, migrations)?;
    tracing::info!(
        from = status.current,
        to = after.current,
        "database migrated"
    );
    Ok(after)
}

/// Replays the pending migrations one by one inside a transaction that is always rolled
/// back, and returns the first one that fails with SQLite's message.
fn diagnose_failure(
    conn: &mut Connection,
    migrations: &[Migration],
    pending: &[(i64, String)],
) -> Option<(i64, String, String)> {
    let tx = conn.transaction().ok()?;
    for (version, name) in pending {
        let sql = migrations
            .iter()
            .find(|m| i64::from(m.version()) == *version)
            .and_then(|m| m.sql())?;
        if let Err(err) = tx.execute_batch(sql) {
            return Some((*version, name.clone(), err.to_string()));
        }
    }
    None
}

/// The schema status of the database at `path` without changing it: read with the key in
/// `key_file` when the database is encrypted, as it is when it is from before encryption.
pub fn check(
    path: &Path,
    migrations: &[Migration],
    key_file: &Path,
) -> Result<SchemaStatus, DbError> {
    let state = file_state(path).map_err(|source| DbError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let conn = match state {
        FileState::Missing => {
            return Ok(SchemaStatus {
                current: 0,
                latest: migrations
                    .iter()
                    .map(|m| i64::from(m.version()))
                    .max()
                    .unwrap_or(0),
                pending: migrations
                    .iter()
                    .map(|m| (i64::from(m.version()), m.name().to_string()))
                    .collect(),
            });
        }
        FileState::Plaintext => cipher::open_plaintext(path, read_only())?,
        FileState::Encrypted => open_connection(path, read_only(), &DatabaseKey::load(key_file)?)?,
    };
    schema_status(&conn, migrations)
}

fn read_only() -> OpenFlags {
    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
}

impl Db {
    /// Opens the database at `path`, which must already be migrated.
    pub fn open(path: &Path, key: &DatabaseKey) -> Result<Self, DbError> {
        let mut writer = open_writer(path, key)?;
        let jobs_added = Arc::new(AtomicBool::new(false));
        let audit_added = Arc::new(AtomicBool::new(false));
        let (jobs_flag, audit_flag) = (jobs_added.clone(), audit_added.clone());
        writer.update_hook(Some(
            move |action: rusqlite::hooks::Action, _: &str, table: &str, _: i64| {
                if action == rusqlite::hooks::Action::SQLITE_INSERT {
                    match table {
                        "jobs" => jobs_flag.store(true, Ordering::SeqCst),
                        "audit_log" => audit_flag.store(true, Ordering::SeqCst),
                        _ => {}
                    }
                }
            },
        ))?;
        let readers = (0..READERS)
            .map(|_| open_connection(path, read_only(), key).map(Mutex::new))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self {
            inner: Arc::new(Inner {
                path: path.to_path_buf(),
                writer: Mutex::new(writer),
                readers,
                next_reader: AtomicUsize::new(0),
                generation: AtomicU64::new(0),
                jobs_added,
                on_jobs_added: OnceLock::new(),
                audit_added,
                on_audit_added: OnceLock::new(),
            }),
        })
    }

    /// Calls `wake` after every committed write transaction that added a job, so work
    /// enqueued with a change starts as soon as the change is kept, whichever code made
    /// it. Set once, by whoever runs the job worker; later calls are ignored.
    pub fn on_jobs_added(&self, wake: impl Fn() + Send + Sync + 'static) {
        let _ = self.inner.on_jobs_added.set(Box::new(wake));
    }

    /// Calls `advance` after every committed write transaction that appended audit rows,
    /// so the signed audit head follows the log. Set once, by whoever keeps the head.
    pub fn on_audit_added(&self, advance: impl Fn() + Send + Sync + 'static) {
        let _ = self.inner.on_audit_added.set(Box::new(advance));
    }

    /// Runs `prepare` on the writer connection: for what a layer above attaches to every
    /// write (the audit log's key, as an SQL function).
    pub fn prepare_writer<T>(
        &self,
        prepare: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, DbError> {
        Ok(prepare(&lock(&self.inner.writer))?)
    }

    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    /// Runs `f` on a reader connection, off the async runtime.
    pub async fn read<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&Connection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let db = self.clone();
        tokio::task::spawn_blocking(move || db.read_blocking(f))
            .await
            .map_err(|_| E::from(DbError::WorkerGone))?
    }

    /// Runs `f` inside one `BEGIN IMMEDIATE` transaction on the writer connection, off the
    /// async runtime; commits when `f` returns `Ok`, rolls back otherwise.
    pub async fn write<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&Transaction<'_>) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let db = self.clone();
        tokio::task::spawn_blocking(move || db.write_blocking(f))
            .await
            .map_err(|_| E::from(DbError::WorkerGone))?
    }

    /// [`Db::read`] for code that is already off the async runtime (the CLI).
    pub fn read_blocking<T, E>(&self, f: impl FnOnce(&Connection) -> Result<T, E>) -> Result<T, E> {
        let readers = &self.inner.readers;
        let start = self.inner.next_reader.fetch_add(1, Ordering::Relaxed);
        // Take the first idle reader, or wait for the next one in turn.
        for offset in 0..readers.len() {
            if let Ok(conn) = readers[(start + offset) % readers.len()].try_lock() {
                return f(&conn);
            }
        }
        let conn = lock(&readers[start % readers.len()]);
        f(&conn)
    }

    /// [`Db::write`] for code that is already off the async runtime (the CLI).
    pub fn write_blocking<T, E>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<DbError>,
    {
        let mut conn = lock(&self.inner.writer);
        self.inner.jobs_added.store(false, Ordering::SeqCst);
        self.inner.audit_added.store(false, Ordering::SeqCst);
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|err| E::from(DbError::from(err)))?;
        let value = f(&tx)?;
        tx.commit().map_err(|err| E::from(DbError::from(err)))?;
        self.inner.generation.fetch_add(1, Ordering::SeqCst);
        if self.inner.jobs_added.swap(false, Ordering::SeqCst)
            && let Some(wake) = self.inner.on_jobs_added.get()
        {
            wake();
        }
        if self.inner.audit_added.swap(false, Ordering::SeqCst)
            && let Some(advance) = self.inner.on_audit_added.get()
        {
            advance();
        }
        Ok(value)
    }

    /// The number of write transactions committed through this handle so far.
    pub fn generation(&self) -> u64 {
        self.inner.generation.load(Ordering::SeqCst)
    }

    /// Whether the database answers and its schema is the one this binary expects.
    pub async fn schema_status(&self) -> Result<SchemaStatus, DbError> {
        self.read(|conn| schema_status(conn, &embedded_migrations()))
            .await
    }

    /// Checkpoints the WAL so the database file is complete on its own; called at shutdown.
    pub fn checkpoint(&self) -> Result<(), DbError> {
        meta::checkpoint(&lock(&self.inner.writer))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default()
    }

    fn key() -> DatabaseKey {
        DatabaseKey::derive(
            &crate::crypto::InstanceKey::from_bytes([9; 32]),
            Path::new("kairos.key"),
        )
    }

    fn open(path: &Path) -> Connection {
        open_connection(path, OpenFlags::SQLITE_OPEN_READ_WRITE, &key()).expect("open")
    }

    fn extra(name: &str, sql: &str) -> Migration {
        Migration::unapplied(name, sql).expect("valid migration name")
    }

    #[test]
    fn a_new_database_gets_every_migration_and_no_backup() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("kairos.db");
        let status = migrate(
            &db,
            &dir.path().join("backups"),
            &embedded_migrations(),
            &key(),
            now(),
        )
        .expect("migrates");
        assert!(status.is_current());
        assert!(status.current >= 1);
        assert!(!dir.path().join("backups").exists());
        let journal: String = open(&db)
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .expect("journal mode");
        assert_eq!(journal, "wal");
    }

    #[test]
    fn a_failing_migration_leaves_the_database_as_it_was() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("kairos.db");
        let backups = dir.path().join("backups");
        let mut migrations = embedded_migrations();
        migrate(&db, &backups, &migrations, &key(), now()).expect("migrates");
        open(&db)
            .execute(
                "INSERT INTO settings (key, value, updated_at) VALUES ('organization_name', 'Clinic', 0)",
                [],
            )
            .expect("insert");
        let before = dump(&db);

        migrations.push(extra(
            "V900__good",
            "CREATE TABLE widgets (id INTEGER PRIMARY KEY);",
        ));
        migrations.push(extra(
            "V901__broken",
            "ALTER TABLE no_such_table ADD COLUMN x;",
        ));
        let err = migrate(&db, &backups, &migrations, &key(), now()).expect_err("fails");
        let message = err.to_string();
        assert!(message.contains("901"), "{message}");
        assert!(message.contains("left unchanged"), "{message}");
        assert_eq!(dump(&db), before, "nothing of the good migration stayed");
    }

    #[test]
    fn a_database_with_data_is_backed_up_before_migrating() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("kairos.db");
        let backups = dir.path().join("backups");
        let mut migrations = embedded_migrations();
        let first = migrate(&db, &backups, &migrations, &key(), now()).expect("migrates");
        migrations.push(extra(
            "V900__widgets",
            "CREATE TABLE widgets (id INTEGER PRIMARY KEY);",
        ));
        let after = migrate(&db, &backups, &migrations, &key(), now()).expect("migrates");
        assert_eq!(after.current, 900);
        let names: Vec<String> = std::fs::read_dir(&backups)
            .expect("backups exist")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            vec![format!(
                "kairos-v{}-{}.db",
                first.current, "20270115T080000Z"
            )]
        );
        let copy = backups.join(&names[0]);
        assert_eq!(file_state(&copy).ok(), Some(FileState::Encrypted));
        let tables: i64 = open(&copy)
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .expect("the copy opens with the database key");
        assert!(tables > 0);
    }

    #[test]
    fn a_newer_schema_is_refused_naming_both_versions() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("kairos.db");
        let backups = dir.path().join("backups");
        let mut migrations = embedded_migrations();
        let latest = migrate(&db, &backups, &migrations, &key(), now())
            .expect("migrates")
            .latest;
        migrations.push(extra("V950__future", "SELECT 1;"));
        migrate(&db, &backups, &migrations, &key(), now()).expect("migrates");
        let err =
            migrate(&db, &backups, &embedded_migrations(), &key(), now()).expect_err("refused");
        let message = err.to_string();
        assert!(message.contains("950"), "{message}");
        assert!(message.contains(&latest.to_string()), "{message}");
    }

    #[test]
    fn only_committed_audit_rows_are_announced() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("kairos.db");
        migrate(
            &path,
            &dir.path().join("backups"),
            &embedded_migrations(),
            &key(),
            now(),
        )?;
        let db = Db::open(&path, &key())?;
        let announced = Arc::new(AtomicU64::new(0));
        let counter = announced.clone();
        db.on_audit_added(move || {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        let append = |tx: &Transaction<'_>| {
            tx.execute(
                "INSERT INTO audit_log (id, at, actor_kind, action, outcome, hash)
                 VALUES ((SELECT coalesce(max(id), 0) + 1 FROM audit_log), 0, 'system', 'x', 'success', zeroblob(32))",
                [],
            )
        };
        let rolled_back = db.write_blocking(|tx| -> Result<(), DbError> {
            append(tx)?;
            Err(DbError::WorkerGone)
        });
        assert!(rolled_back.is_err());
        assert_eq!(
            announced.load(Ordering::SeqCst),
            0,
            "a rollback is not announced"
        );
        db.write_blocking(|tx| -> Result<(), DbError> {
            tx.execute(
                "INSERT INTO settings (key, value, updated_at) VALUES ('k', 'v', 0)",
                [],
            )?;
            Ok(())
        })?;
        assert_eq!(
            announced.load(Ordering::SeqCst),
            0,
            "nothing appended to the log"
        );
        db.write_blocking(|tx| -> Result<(), DbError> {
            append(tx)?;
            append(tx)?;
            Ok(())
        })?;
        assert_eq!(
            announced.load(Ordering::SeqCst),
            1,
            "one commit, announced once"
        );
        Ok(())
    }

    fn dump(path: &Path) -> Vec<String> {
        let conn = open(path);
        let mut rows: Vec<String> = conn
            .prepare("SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY name")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .expect("schema");
        let settings: Vec<String> = conn
            .prepare("SELECT key || '=' || value FROM settings ORDER BY key")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .expect("settings");
        let history: Vec<String> = conn
            .prepare("SELECT version || name FROM refinery_schema_history ORDER BY version")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .expect("history");
        rows.extend(settings);
        rows.extend(history);
        rows
    }
}

//! Encryption of the database file with SQLCipher.
//!
//! The database key is derived from the instance key (`kairos.key`) for this one purpose
//! and handed to SQLCipher as a raw 256-bit key, so opening a connection costs no key
//! stretching. SQLCipher encrypts every page of the database and of its write-ahead log;
//! `VACUUM INTO` copies are encrypted under the same key.
//!
//! A database written by a Kairos without encryption starts with SQLite's plain header and
//! is encrypted in place at startup: an encrypted safety copy first, then an encrypted
//! export next to it, checked row for row against the original, then renamed over it.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags};

use super::DbError;
use crate::crypto::{InstanceKey, KeyError};

/// What the first bytes of every unencrypted SQLite database say.
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";
/// The purpose under which the database key is derived from the instance key.
const PURPOSE: &str = "sqlcipher database key";
/// Prefix of the encrypted copy written before an unencrypted database is encrypted.
pub const BEFORE_ENCRYPTION_PREFIX: &str = "kairos-before-encryption-";

/// The key SQLCipher encrypts the database with, and the key file it comes from.
#[derive(Clone)]
pub struct DatabaseKey {
    bytes: [u8; 32],
    key_file: PathBuf,
}

impl std::fmt::Debug for DatabaseKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DatabaseKey")
            .field("key_file", &self.key_file)
            .finish_non_exhaustive()
    }
}

impl DatabaseKey {
    /// The database key of the instance whose key was read from `key_file`.
    pub fn derive(instance: &InstanceKey, key_file: &Path) -> Self {
        Self {
            bytes: instance.derive(PURPOSE),
            key_file: key_file.to_path_buf(),
        }
    }

    /// Reads `key_file` and derives the database key; a missing file is an error, since
    /// nothing can read the database without it.
    pub fn load(key_file: &Path) -> Result<Self, KeyError> {
        match InstanceKey::load(key_file)? {
            Some(instance) => Ok(Self::derive(&instance, key_file)),
            None => Err(KeyError::Missing {
                path: key_file.to_path_buf(),
            }),
        }
    }

    /// The instance key file this key was derived from (named in errors).
    pub fn key_file(&self) -> &Path {
        &self.key_file
    }

    /// SQLCipher's notation for a raw key: no passphrase derivation on open.
    fn raw(&self) -> String {
        format!("x'{}'", hex::encode(self.bytes))
    }

    /// Keys a connection that has not read anything yet.
    pub(super) fn apply(&self, conn: &Connection) -> rusqlite::Result<()> {
        // SQLCipher would also print its own line to standard error for a key that does
        // not fit; the error Kairos returns says what to do instead.
        conn.execute_batch(&format!(
            "PRAGMA cipher_log_level = NONE; PRAGMA key = \"{}\";",
            self.raw()
        ))
    }
}

/// What a database file holds, judged by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileState {
    /// No file, or an empty one: SQLite creates the database on first write.
    Missing,
    /// An unencrypted SQLite database.
    Plaintext,
    /// Anything else: an encrypted database (or a file that is no database at all).
    Encrypted,
}

/// Looks at the first bytes of the file at `path`.
pub fn file_state(path: &Path) -> std::io::Result<FileState> {
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(FileState::Missing),
        Err(err) => return Err(err),
    };
    let mut header = [0u8; PLAIN_HEADER.len()];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..])? {
            0 => break,
            n => read += n,
        }
    }
    Ok(match read {
        0 => FileState::Missing,
        _ if &header == PLAIN_HEADER => FileState::Plaintext,
        _ => FileState::Encrypted,
    })
}

/// Fails with [`DbError::WrongKey`] when the keyed connection cannot read the file.
pub(super) fn check_readable(
    conn: &Connection,
    path: &Path,
    key: &DatabaseKey,
) -> Result<(), DbError> {
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |row| {
        row.get::<_, i64>(0)
    }) {
        Ok(_) => Ok(()),
        Err(err) if err.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
            Err(DbError::WrongKey {
                path: path.to_path_buf(),
                key: key.key_file.clone(),
            })
        }
        Err(source) => Err(DbError::Open {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Opens an existing database file for reading, whether it is still unencrypted (a
/// database or backup from before encryption) or encrypted under `key`.
pub fn open_existing(path: &Path, key: &DatabaseKey) -> Result<(Connection, FileState), DbError> {
    let flags = super::read_only();
    let state = file_state(path).map_err(|source| DbError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let conn = match state {
        FileState::Plaintext => open_plaintext(path, flags)?,
        FileState::Missing | FileState::Encrypted => super::open_connection(path, flags, key)?,
    };
    Ok((conn, state))
}

/// Opens an unencrypted database file, only to read it or encrypt it.
pub(super) fn open_plaintext(path: &Path, flags: OpenFlags) -> Result<Connection, DbError> {
    let open_error = |source| DbError::Open {
        path: path.to_path_buf(),
        source,
    };
    let conn = Connection::open_with_flags(path, flags).map_err(open_error)?;
    conn.busy_timeout(super::BUSY_TIMEOUT).map_err(open_error)?;
    Ok(conn)
}

/// Writes an encrypted copy of the unencrypted database file `plaintext` to `target`,
/// which must not exist, with SQLCipher's `sqlcipher_export`. The source is only read.
pub fn export_encrypted(plaintext: &Path, target: &Path, key: &DatabaseKey) -> Result<(), DbError> {
    let fail = |message: String| DbError::Backup {
        path: target.to_path_buf(),
        message,
    };
    if target.exists() {
        return Err(fail("the file already exists".into()));
    }
    let source = plaintext
        .to_str()
        .ok_or_else(|| fail("the path of the source is not valid UTF-8".into()))?;
    let conn = super::open_connection(
        target,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        key,
    )?;
    // An empty key attaches the source as the unencrypted file it is; `mode=ro` keeps it
    // untouched even though the copy is opened for writing.
    let uri = format!(
        "file:{}?mode=ro",
        source
            .replace('%', "%25")
            .replace('?', "%3f")
            .replace('#', "%23")
    );
    let exported = conn
        .execute("ATTACH DATABASE ?1 AS plaintext KEY ''", [uri])
        .and_then(|_| {
            conn.query_row("SELECT sqlcipher_export('main', 'plaintext')", [], |_| {
                Ok(())
            })
        })
        .and_then(|()| conn.execute_batch("DETACH DATABASE plaintext"));
    drop(conn);
    exported.map_err(|err| {
        let _ = std::fs::remove_file(target);
        fail(err.to_string())
    })
}

/// Row counts of every table: what an export must reproduce.
fn row_counts(conn: &Connection) -> rusqlite::Result<Vec<(String, i64)>> {
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )?
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    tables
        .into_iter()
        .map(|table| {
            let count = conn.query_row(
                &format!("SELECT count(*) FROM \"{}\"", table.replace('"', "\"\"")),
                [],
                |row| row.get(0),
            )?;
            Ok((table, count))
        })
        .collect()
}

/// Exports the unencrypted file at `path`, which `source` reads, encrypted to `target` and
/// checks the result: it opens with `key`, passes `integrity_check` and holds the same
/// tables with the same numbers of rows.
fn export_verified(
    source: &Connection,
    path: &Path,
    target: &Path,
    key: &DatabaseKey,
) -> Result<(), DbError> {
    let fail = |message: String| DbError::Encrypt {
        path: target.to_path_buf(),
        message,
    };
    export_encrypted(path, target, key)?;
    let verified = (|| {
        let copy = super::open_connection(target, super::read_only(), key)?;
        let integrity: String = copy.query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
        if integrity != "ok" {
            return Err(fail(format!(
                "the encrypted copy fails integrity_check: {integrity}"
            )));
        }
        if row_counts(&copy)? != row_counts(source)? {
            return Err(fail(
                "the encrypted copy does not hold the same rows as the original".into(),
            ));
        }
        Ok(())
    })();
    if verified.is_err() {
        let _ = std::fs::remove_file(target);
    }
    verified
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

fn hidden_sibling(path: &Path, suffix: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{suffix}"))
}

fn remove_if_present(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => Err(err),
        _ => Ok(()),
    }
}

fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent()
        && let Ok(dir) = File::open(dir)
    {
        let _ = dir.sync_all();
    }
}

/// Replaces the unencrypted file at `path` by an encrypted copy (verified), keeping its
/// permissions. `conn` must be the only connection to it and is closed on the way.
fn replace_with_encrypted(conn: Connection, path: &Path, key: &DatabaseKey) -> Result<(), DbError> {
    let fail = |message: String| DbError::Encrypt {
        path: path.to_path_buf(),
        message,
    };
    let staged = hidden_sibling(path, "encrypting");
    for leftover in [
        staged.clone(),
        sidecar(&staged, "-journal"),
        sidecar(&staged, "-wal"),
    ] {
        remove_if_present(&leftover).map_err(|err| fail(err.to_string()))?;
    }
    export_verified(&conn, path, &staged, key)?;
    let cleanup = |err: String| {
        let _ = std::fs::remove_file(&staged);
        fail(err)
    };
    if let Ok(metadata) = std::fs::metadata(path) {
        std::fs::set_permissions(&staged, metadata.permissions())
            .map_err(|err| cleanup(err.to_string()))?;
    }
    File::open(&staged)
        .and_then(|file| file.sync_all())
        .map_err(|err| cleanup(err.to_string()))?;
    // Closing the last connection of a database in WAL mode checkpoints the log and
    // deletes it; whatever is left of the log or its index belongs to the unencrypted file
    // and must not be replayed into the encrypted one.
    conn.close()
        .map_err(|(_, err)| cleanup(format!("cannot close the database: {err}")))?;
    for stale in [sidecar(path, "-wal"), sidecar(path, "-shm")] {
        remove_if_present(&stale).map_err(|err| cleanup(err.to_string()))?;
    }
    std::fs::rename(&staged, path).map_err(|err| cleanup(err.to_string()))?;
    sync_dir(path);
    Ok(())
}

/// What encrypting an unencrypted database did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encrypted {
    /// The encrypted safety copy written before the database was touched.
    pub backup: PathBuf,
    /// Unencrypted backups in the backup directory that were encrypted as well.
    pub backups_encrypted: usize,
}

/// Encrypts the unencrypted database at `path` in place: writes an encrypted safety copy
/// to `backup_dir` first, exports the database encrypted next to it, checks the export, and
/// renames it over the original (its log and index go with the original). Unencrypted
/// backups in `backup_dir` are encrypted the same way, since they hold the same data.
///
/// Run it only while no other process has the database open.
pub fn encrypt_in_place(
    path: &Path,
    backup_dir: &Path,
    key: &DatabaseKey,
    now: DateTime<Utc>,
) -> Result<Encrypted, DbError> {
    let fail = |message: String| DbError::Encrypt {
        path: path.to_path_buf(),
        message,
    };
    let conn = open_plaintext(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| row.get(0))?;
    if busy != 0 {
        return Err(fail(
            "another process is using it; stop it and start again".into(),
        ));
    }
    let backups_encrypted = encrypt_backups(backup_dir, key)?;
    std::fs::create_dir_all(backup_dir).map_err(|err| fail(err.to_string()))?;
    let backup = backup_dir.join(format!(
        "{BEFORE_ENCRYPTION_PREFIX}{}.db",
        now.format("%Y%m%dT%H%M%SZ")
    ));
    let partial = hidden_sibling(&backup, "partial");
    remove_if_present(&partial).map_err(|err| fail(err.to_string()))?;
    export_verified(&conn, path, &partial, key)?;
    std::fs::rename(&partial, &backup).map_err(|err| fail(err.to_string()))?;
    tracing::info!(backup = %backup.display(), "wrote an encrypted copy of the unencrypted database");
    replace_with_encrypted(conn, path, key)?;
    tracing::info!(
        database = %path.display(),
        backups_encrypted,
        "encrypted the database in place"
    );
    Ok(Encrypted {
        backup,
        backups_encrypted,
    })
}

/// Encrypts every unencrypted `*.db` file in `dir` in place; returns how many there were.
fn encrypt_backups(dir: &Path, key: &DatabaseKey) -> Result<usize, DbError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(err) => {
            return Err(DbError::Encrypt {
                path: dir.to_path_buf(),
                message: err.to_string(),
            });
        }
    };
    let mut count = 0;
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let is_backup = path.extension().is_some_and(|ext| ext == "db")
            && !entry.file_name().to_string_lossy().starts_with('.');
        if is_backup && matches!(file_state(&path), Ok(FileState::Plaintext)) {
            let conn = open_plaintext(
                &path,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            replace_with_encrypted(conn, &path, key)?;
            tracing::info!(backup = %path.display(), "encrypted an unencrypted backup");
            count += 1;
        }
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(byte: u8) -> DatabaseKey {
        DatabaseKey::derive(
            &InstanceKey::from_bytes([byte; 32]),
            Path::new("kairos.key"),
        )
    }

    /// A new database at `path`, encrypted with `key(1)`, after running `sql`.
    fn create(path: &Path, sql: &str) -> Connection {
        let conn = super::super::open_connection(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
            &key(1),
        )
        .expect("opens");
        conn.execute_batch(sql).expect("create");
        conn
    }

    fn contains(path: &Path, needle: &[u8]) -> bool {
        std::fs::read(path)
            .map(|bytes| bytes.windows(needle.len()).any(|w| w == needle))
            .unwrap_or(false)
    }

    #[test]
    fn the_database_key_is_not_the_instance_key() {
        let instance = InstanceKey::from_bytes([5; 32]);
        let derived = DatabaseKey::derive(&instance, Path::new("k"));
        assert_ne!(derived.bytes, [5; 32]);
        assert_eq!(derived.bytes, instance.derive(PURPOSE));
        assert_ne!(derived.bytes, instance.derive("csrf"));
        assert!(!format!("{derived:?}").contains(&hex::encode(derived.bytes)));
    }

    #[test]
    fn files_are_told_apart_by_their_header() {
        let dir = tempfile::tempdir().expect("tempdir");
        let plain = dir.path().join("plain.db");
        Connection::open(&plain)
            .and_then(|c| c.execute_batch("CREATE TABLE t (x);"))
            .expect("plain");
        let encrypted = dir.path().join("encrypted.db");
        drop(create(&encrypted, "CREATE TABLE t (x);"));
        std::fs::write(dir.path().join("empty.db"), b"").expect("empty");
        assert_eq!(file_state(&plain).ok(), Some(FileState::Plaintext));
        assert_eq!(file_state(&encrypted).ok(), Some(FileState::Encrypted));
        assert_eq!(
            file_state(&dir.path().join("empty.db")).ok(),
            Some(FileState::Missing)
        );
        assert_eq!(
            file_state(&dir.path().join("none.db")).ok(),
            Some(FileState::Missing)
        );
    }

    #[test]
    fn a_wrong_key_is_refused_naming_the_key_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("kairos.db");
        drop(create(&path, "CREATE TABLE t (x);"));
        let err = super::super::open_connection(&path, OpenFlags::SQLITE_OPEN_READ_ONLY, &key(2))
            .expect_err("refused");
        assert!(matches!(err, DbError::WrongKey { .. }), "{err:?}");
        assert!(err.to_string().contains("kairos.key"), "{err}");
    }

    #[test]
    fn vacuum_into_copies_stay_encrypted_under_the_same_key() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("kairos.db");
        let conn = create(
            &path,
            "CREATE TABLE t (x); INSERT INTO t VALUES ('needle-in-copy');",
        );
        let copy = dir.path().join("copy.db");
        super::super::vacuum_into(&conn, &copy).expect("copied");
        assert_eq!(file_state(&copy).ok(), Some(FileState::Encrypted));
        assert!(!contains(&copy, b"needle-in-copy"));
        let reopened =
            super::super::open_connection(&copy, OpenFlags::SQLITE_OPEN_READ_ONLY, &key(1))
                .expect("the copy opens with the same key");
        let value: String = reopened
            .query_row("SELECT x FROM t", [], |row| row.get(0))
            .expect("row");
        assert_eq!(value, "needle-in-copy");
    }

    #[test]
    fn an_unencrypted_database_and_its_backups_are_encrypted_in_place() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("kairos.db");
        let backups = dir.path().join("backups");
        std::fs::create_dir_all(&backups).expect("backups");
        let conn = Connection::open(&path).expect("plain");
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES ('needle-plain');",
        )
        .expect("create");
        super::super::vacuum_into(&conn, &backups.join("kairos-backup-old.db")).expect("backup");
        drop(conn);

        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        let done = encrypt_in_place(&path, &backups, &key(1), now).expect("encrypts");
        assert_eq!(done.backups_encrypted, 1);
        for file in [
            path.clone(),
            done.backup.clone(),
            backups.join("kairos-backup-old.db"),
        ] {
            assert_eq!(
                file_state(&file).ok(),
                Some(FileState::Encrypted),
                "{file:?}"
            );
            assert!(!contains(&file, b"needle-plain"), "{file:?}");
            let conn =
                super::super::open_connection(&file, OpenFlags::SQLITE_OPEN_READ_ONLY, &key(1))
                    .expect("opens with the key");
            let value: String = conn
                .query_row("SELECT x FROM t", [], |row| row.get(0))
                .expect("row");
            assert_eq!(value, "needle-plain");
        }
        assert!(!sidecar(&path, "-wal").exists());
        assert!(!hidden_sibling(&path, "encrypting").exists());
    }
}

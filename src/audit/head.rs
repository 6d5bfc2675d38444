//! The signed head of the audit log: `audit.head` in the data directory.
//!
//! The chain inside the database shows an edited or deleted row, but not the newest rows
//! removed together. The head, kept outside the database, does: it names the last row
//! Kairos committed (its id and chain value) with an HMAC-SHA256 under a key derived from
//! the instance key for `audit.head`. A log that ends before the head's row, or differs at
//! it, was cut or rewritten.
//!
//! The file is four lines of text, written to a temporary file (mode 0600), synced and
//! renamed over the old one, so it is always whole:
//!
//! ```text
//! kairos audit head v1
//! row 42
//! hash <64 hex digits: the chain value of row 42>
//! mac <64 hex digits: HMAC-SHA256("kairos-audit-head-v1\0" || row as 8 bytes big-endian || hash)>
//! ```
//!
//! # Never ahead of the database
//!
//! [`crate::audit::record`] runs inside callers' transactions, which may roll back, so
//! the head is not written there. [`HeadKeeper`] is told after every commit that appended
//! rows (the writer connection's update hook, like the job queue's wake-up) and, on a
//! thread of its own, reads the last *committed* row from a reader connection, makes the
//! database's files durable (`fsync` of the write-ahead log and the database: commits
//! themselves are not synced, so without this a power cut could lose rows the head already
//! names), and only then replaces the head. Commits that come while it works are gathered
//! into the next round.
//!
//! The head can lag behind: rows committed just before a crash, or while the keeper was
//! writing, are vouched for by the chain only until the next round (each start begins
//! with one). Removing exactly those rows would not be noticed. It never runs ahead.
//!
//! The keeper moves the head only forward from a state the log still follows
//! ([`crate::audit::follows_head`]); otherwise it leaves the head as it is, as evidence,
//! and logs an error once. A missing head is not recreated either: that is what
//! `kairos audit reset-head` is for, after someone has looked.

use std::fs;
use std::io::Write as _;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;

use crate::crypto::InstanceKey;
use crate::db::{Db, DbError};

/// The purpose of the key that signs the head.
const HEAD_KEY: &str = "audit.head";
/// The first line of the file.
const MAGIC: &str = "kairos audit head v1";
/// The first bytes under the MAC.
const MAC_DOMAIN: &[u8] = b"kairos-audit-head-v1\0";

/// The end of the log that the head vouches for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// The id of the last row (0 when there is none yet).
    pub last_id: i64,
    /// That row's chain value.
    pub hash: Vec<u8>,
}

impl Head {
    /// The end of a log without rows.
    pub fn genesis() -> Self {
        Self {
            last_id: 0,
            hash: super::GENESIS.to_vec(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum HeadError {
    #[error("cannot {action} the audit head {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the audit head {path} is not a Kairos audit head")]
    Malformed { path: PathBuf },
    #[error("the audit head {path} was not written with this instance's key")]
    Forged { path: PathBuf },
}

/// Where the head lives, the database it is about, and the key that signs it.
#[derive(Clone)]
pub struct HeadFile {
    path: PathBuf,
    database: PathBuf,
    key: [u8; 32],
}

impl std::fmt::Debug for HeadFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HeadFile")
            .field("path", &self.path)
            .field("database", &self.database)
            .finish_non_exhaustive()
    }
}

/// Makes temporary names unique between the writers of one process.
static TEMPORARY: AtomicU64 = AtomicU64::new(0);

impl HeadFile {
    /// The head at `path`, about the database file at `database`.
    pub fn new(path: PathBuf, database: PathBuf, key: &InstanceKey) -> Self {
        Self {
            path,
            database,
            key: key.derive(HEAD_KEY),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn mac(&self, head: &Head) -> [u8; 32] {
        super::hmac(
            &self.key,
            &[MAC_DOMAIN, &head.last_id.to_be_bytes(), &head.hash],
        )
    }

    fn io(&self, action: &'static str) -> impl FnOnce(std::io::Error) -> HeadError + '_ {
        move |source| HeadError::Io {
            action,
            path: self.path.clone(),
            source,
        }
    }

    /// The head, checked against its MAC; `None` when there is no file.
    pub fn load(&self) -> Result<Option<Head>, HeadError> {
        let text = match fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(err) => return Err(self.io("read")(err)),
        };
        let malformed = || HeadError::Malformed {
            path: self.path.clone(),
        };
        let (head, mac) = parse(&text).ok_or_else(malformed)?;
        if !crate::crypto::constant_time_eq(&self.mac(&head), &mac) {
            return Err(HeadError::Forged {
                path: self.path.clone(),
            });
        }
        Ok(Some(head))
    }

    /// Makes what the database holds durable, then replaces the file with `head`.
    pub fn store(&self, head: &Head) -> Result<(), HeadError> {
        self.sync_database()?;
        let text = format!(
            "{MAGIC}\nrow {}\nhash {}\nmac {}\n",
            head.last_id,
            hex::encode(&head.hash),
            hex::encode(self.mac(head))
        );
        let name = self
            .path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_else(|| "audit.head".into());
        let temporary = self.path.with_file_name(format!(
            ".{name}.{}-{}.tmp",
            std::process::id(),
            TEMPORARY.fetch_add(1, Ordering::Relaxed)
        ));
        let written = fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&temporary)
            .and_then(|mut file| {
                file.write_all(text.as_bytes())?;
                file.sync_all()
            })
            .and_then(|()| fs::rename(&temporary, &self.path));
        if let Err(err) = written {
            let _ = fs::remove_file(&temporary);
            return Err(self.io("write")(err));
        }
        let dir = match self.path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        fs::File::open(dir)
            .and_then(|dir| dir.sync_all())
            .map_err(self.io("sync the directory of"))
    }

    /// `fsync` of the database and its write-ahead log: every row committed so far is on
    /// the disk, not only in the operating system's cache.
    fn sync_database(&self) -> Result<(), HeadError> {
        let mut wal = self.database.as_os_str().to_os_string();
        wal.push("-wal");
        for file in [PathBuf::from(wal), self.database.clone()] {
            match fs::File::open(&file).and_then(|file| file.sync_all()) {
                Ok(()) => {}
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => {
                    return Err(HeadError::Io {
                        action: "sync the database before writing",
                        path: self.path.clone(),
                        source,
                    });
                }
            }
        }
        Ok(())
    }
}

/// Reads the four lines; `None` when they are not a head.
fn parse(text: &str) -> Option<(Head, Vec<u8>)> {
    let mut lines = text.lines();
    if lines.next()? != MAGIC {
        return None;
    }
    let last_id: i64 = lines.next()?.strip_prefix("row ")?.parse().ok()?;
    let hash = hex::decode(lines.next()?.strip_prefix("hash ")?).ok()?;
    let mac = hex::decode(lines.next()?.strip_prefix("mac ")?).ok()?;
    if lines.next().is_some() || last_id < 0 || hash.len() != 32 || mac.len() != 32 {
        return None;
    }
    Some((Head { last_id, hash }, mac))
}

/// What the keeper thread and the callers that wake it share.
#[derive(Default)]
struct Shared {
    state: Mutex<Rounds>,
    changed: Condvar,
}

#[derive(Default)]
struct Rounds {
    /// Rounds asked for, counting up.
    requested: u64,
    /// The `requested` count the last finished round started from.
    done: u64,
    stopping: bool,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Rounds> {
        self.state
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }

    fn request(&self) -> u64 {
        let mut rounds = self.lock();
        rounds.requested += 1;
        self.changed.notify_all();
        rounds.requested
    }
}

/// Keeps `audit.head` at the last committed audit row: see the module documentation.
/// Clones share one keeper; when the last one goes, it finishes the rounds asked for and
/// stops.
#[derive(Clone)]
pub struct HeadKeeper(Arc<Keeper>);

struct Keeper {
    shared: Arc<Shared>,
    file: HeadFile,
    thread: Mutex<Option<JoinHandle<()>>>,
}

impl std::fmt::Debug for HeadKeeper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HeadKeeper")
            .field("file", &self.0.file)
            .finish_non_exhaustive()
    }
}

impl HeadKeeper {
    /// Starts keeping `file` for `db`, with a first round now (a start after a crash
    /// catches up), and after every commit that appends audit rows.
    pub fn start(db: Db, file: HeadFile) -> std::io::Result<Self> {
        let shared = Arc::new(Shared::default());
        let thread = {
            let (shared, file) = (shared.clone(), file.clone());
            let db = db.clone();
            std::thread::Builder::new()
                .name("audit-head".into())
                .spawn(move || run(&db, &file, &shared))?
        };
        let wake = shared.clone();
        db.on_audit_added(move || {
            wake.request();
        });
        shared.request();
        Ok(Self(Arc::new(Keeper {
            shared,
            file,
            thread: Mutex::new(Some(thread)),
        })))
    }

    pub fn file(&self) -> &HeadFile {
        &self.0.file
    }

    /// Waits until a round that started after this call has finished: the head then
    /// covers every row committed before it (unless the log no longer follows it).
    pub fn flush(&self) {
        let shared = &self.0.shared;
        let wanted = shared.request();
        let mut rounds = shared.lock();
        while rounds.done < wanted && !rounds.stopping {
            rounds = shared
                .changed
                .wait(rounds)
                .unwrap_or_else(|poison| poison.into_inner());
        }
    }

    /// Finishes the rounds asked for and stops the thread.
    pub fn stop(&self) {
        self.0.stop();
    }
}

impl Keeper {
    fn stop(&self) {
        self.shared.lock().stopping = true;
        self.shared.changed.notify_all();
        let thread = self
            .thread
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
            .take();
        if let Some(thread) = thread
            && thread.join().is_err()
        {
            tracing::error!("the audit head keeper stopped unexpectedly");
        }
    }
}

impl Drop for Keeper {
    fn drop(&mut self) {
        self.stop();
    }
}

fn run(db: &Db, file: &HeadFile, shared: &Shared) {
    let mut reported = None;
    loop {
        let wanted = {
            let mut rounds = shared.lock();
            while rounds.requested == rounds.done && !rounds.stopping {
                rounds = shared
                    .changed
                    .wait(rounds)
                    .unwrap_or_else(|poison| poison.into_inner());
            }
            if rounds.requested == rounds.done {
                return;
            }
            rounds.requested
        };
        advance(db, file, &mut reported);
        shared.lock().done = wanted;
        shared.changed.notify_all();
    }
}

/// Why the head was not moved, said once until it changes.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Stuck {
    Unreadable(String),
    Missing,
    Diverged { head: i64 },
}

/// One round: moves the head to the last committed row when the log still follows it.
fn advance(db: &Db, file: &HeadFile, reported: &mut Option<Stuck>) {
    let mut report = |stuck: Stuck| {
        if reported.as_ref() != Some(&stuck) {
            match &stuck {
                Stuck::Unreadable(error) => {
                    tracing::error!(%error, "the signed audit head cannot be read; it is left as it is")
                }
                Stuck::Missing => tracing::error!(
                    head = %file.path().display(),
                    "the signed audit head is missing; it is not recreated until someone checks the log: kairos audit verify, then kairos audit reset-head"
                ),
                Stuck::Diverged { head } => tracing::error!(
                    head_row = head,
                    "the audit log no longer matches its signed head; the head is left as evidence: run kairos audit verify"
                ),
            }
            *reported = Some(stuck);
        }
    };
    let signed = match file.load() {
        Ok(Some(signed)) => signed,
        Ok(None) => return report(Stuck::Missing),
        Err(err) => return report(Stuck::Unreadable(err.to_string())),
    };
    let read = db.read_blocking(|conn| -> Result<_, DbError> {
        // One snapshot for both questions.
        let tx = conn.unchecked_transaction()?;
        let follows = super::follows_head(&tx, &signed)?;
        let end = super::current_head(&tx)?;
        Ok((follows, end))
    });
    let (follows, end) = match read {
        Ok(read) => read,
        Err(err) => {
            tracing::warn!(error = %err, "cannot read the audit log to advance its signed head");
            return;
        }
    };
    if !follows {
        return report(Stuck::Diverged {
            head: signed.last_id,
        });
    }
    *reported = None;
    if end == signed {
        return;
    }
    if let Err(err) = file.store(&end) {
        tracing::warn!(error = %err, "cannot advance the signed audit head");
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn file(dir: &Path, key: u8) -> HeadFile {
        HeadFile::new(
            dir.join("audit.head"),
            dir.join("kairos.db"),
            &InstanceKey::from_bytes([key; 32]),
        )
    }

    #[test]
    fn a_head_reads_back_private_and_only_with_its_key() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let head = Head {
            last_id: 42,
            hash: vec![7; 32],
        };
        assert_eq!(file(dir.path(), 1).load()?, None);
        file(dir.path(), 1).store(&head)?;
        assert_eq!(file(dir.path(), 1).load()?, Some(head));
        let mode = fs::metadata(dir.path().join("audit.head"))?
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        assert!(matches!(
            file(dir.path(), 2).load(),
            Err(HeadError::Forged { .. })
        ));
        let leftovers = fs::read_dir(dir.path())?
            .filter_map(Result::ok)
            .filter(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
            .count();
        assert_eq!(leftovers, 0, "the temporary file was renamed");
        Ok(())
    }

    #[test]
    fn an_edited_head_is_refused() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("audit.head");
        file(dir.path(), 1).store(&Head {
            last_id: 42,
            hash: vec![7; 32],
        })?;
        let text = fs::read_to_string(&path)?;
        fs::write(&path, text.replace("row 42", "row 41"))?;
        assert!(matches!(
            file(dir.path(), 1).load(),
            Err(HeadError::Forged { .. })
        ));
        for garbage in ["", "kairos audit head v1\nrow x\n", "something else"] {
            fs::write(&path, garbage)?;
            assert!(
                matches!(file(dir.path(), 1).load(), Err(HeadError::Malformed { .. })),
                "{garbage:?}"
            );
        }
        Ok(())
    }
}

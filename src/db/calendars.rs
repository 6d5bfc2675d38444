//! Connected calendar accounts, their calendars, the replica of their busy time, and what
//! Kairos wrote to them.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::db::instant;
use crate::model::booking::OWN_UID;
pub use crate::model::calendar::{Account, BusyTime, Calendar, Provider};

const ACCOUNT_COLUMNS: &str = "id, user_id, provider, url, username, secret, last_synced_at, \
next_sync_at, last_error, failures, created_at, sync_cancellations, live_check, needs_reconnect";

fn account_from_row(row: &Row<'_>) -> rusqlite::Result<Account> {
    let provider: String = row.get(2)?;
    Ok(Account {
        id: row.get(0)?,
        user_id: row.get(1)?,
        provider: Provider::parse(&provider).unwrap_or(Provider::Ics),
        url: row.get(3)?,
        username: row.get(4)?,
        secret_sealed: row.get(5)?,
        last_synced_at: row.get::<_, Option<i64>>(6)?.map(instant),
        next_sync_at: row.get::<_, Option<i64>>(7)?.map(instant),
        last_error: row.get(8)?,
        failures: row.get(9)?,
        created_at: instant(row.get(10)?),
        sync_cancellations: row.get(11)?,
        live_check: row.get(12)?,
        needs_reconnect: row.get(13)?,
    })
}

const CALENDAR_COLUMNS: &str =
    "id, account_id, href, name, read_only, check_conflicts, sync_token, ctag, etag";

fn calendar_from_row(row: &Row<'_>) -> rusqlite::Result<Calendar> {
    Ok(Calendar {
        id: row.get(0)?,
        account_id: row.get(1)?,
        href: row.get(2)?,
        name: row.get(3)?,
        read_only: row.get(4)?,
        check_conflicts: row.get(5)?,
        sync_token: row.get(6)?,
        ctag: row.get(7)?,
        etag: row.get(8)?,
    })
}

/// Stores a new account; returns its id.
pub fn insert_account(
    conn: &Connection,
    user_id: i64,
    provider: Provider,
    url: &str,
    username: &str,
    secret_sealed: &[u8],
    now: DateTime<Utc>,
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO calendar_accounts (user_id, provider, url, username, secret, next_sync_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![user_id, provider.as_str(), url, username, secret_sealed, now.timestamp()],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn account(conn: &Connection, id: i64) -> rusqlite::Result<Option<Account>> {
    conn.query_row(
        &format!("SELECT {ACCOUNT_COLUMNS} FROM calendar_accounts WHERE id = ?1"),
        [id],
        account_from_row,
    )
    .optional()
}

/// A host's accounts, oldest first.
pub fn accounts_of(conn: &Connection, user_id: i64) -> rusqlite::Result<Vec<Account>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ACCOUNT_COLUMNS} FROM calendar_accounts WHERE user_id = ?1 ORDER BY id"
    ))?;
    stmt.query_map([user_id], account_from_row)?.collect()
}

/// Every account on the instance, for administrators and `kairos doctor`.
pub fn all_accounts(conn: &Connection) -> rusqlite::Result<Vec<Account>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ACCOUNT_COLUMNS} FROM calendar_accounts ORDER BY user_id, id"
    ))?;
    stmt.query_map([], account_from_row)?.collect()
}

/// Removes an account with its credentials, calendars, replicated busy time and records
/// of written events, at once.
/// Sets an account's options (see [`Account::sync_cancellations`], [`Account::live_check`]).
pub fn set_account_options(
    conn: &Connection,
    id: i64,
    sync_cancellations: bool,
    live_check: bool,
) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE calendar_accounts SET sync_cancellations = ?2, live_check = ?3 WHERE id = ?1",
        params![id, sync_cancellations, live_check],
    )
}

pub fn delete_account(conn: &Connection, id: i64) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM calendar_accounts WHERE id = ?1", [id])
}

/// Replaces an account's sealed secret (a refreshed OAuth grant).
pub fn set_secret(conn: &Connection, id: i64, sealed: &[u8]) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE calendar_accounts SET secret = ?2 WHERE id = ?1",
        params![id, sealed],
    )?;
    Ok(())
}

/// Records that the vendor refused an account's grant, in words for the host: its syncs
/// stop until the host connects it again.
pub fn mark_needs_reconnect(conn: &Connection, id: i64, reason: &str) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE calendar_accounts SET needs_reconnect = 1, last_error = ?2,
         failures = failures + 1 WHERE id = ?1",
        params![id, reason],
    )?;
    Ok(())
}

/// A host connected an account again: its new secret, and syncs start again now.
pub fn reconnect(
    conn: &Connection,
    id: i64,
    sealed: &[u8],
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE calendar_accounts SET secret = ?2, needs_reconnect = 0, last_error = NULL,
         failures = 0, next_sync_at = ?3 WHERE id = ?1",
        params![id, sealed, now.timestamp()],
    )?;
    Ok(())
}

/// Records when the next sync of an account is planned.
pub fn set_next_sync(conn: &Connection, id: i64, at: DateTime<Utc>) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE calendar_accounts SET next_sync_at = ?2 WHERE id = ?1",
        params![id, at.timestamp()],
    )?;
    Ok(())
}

/// Records a sync that completed: no error, no failures, the next one at `next`.
pub fn record_success(
    conn: &Connection,
    id: i64,
    now: DateTime<Utc>,
    next: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE calendar_accounts SET last_synced_at = ?2, next_sync_at = ?3, last_error = NULL,
         failures = 0 WHERE id = ?1",
        params![id, now.timestamp(), next.timestamp()],
    )?;
    Ok(())
}

/// Records a failed sync: why, in words, and when to try again.
pub fn record_failure(
    conn: &Connection,
    id: i64,
    error: &str,
    next: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE calendar_accounts SET last_error = ?2, next_sync_at = ?3, failures = failures + 1
         WHERE id = ?1",
        params![id, error, next.timestamp()],
    )?;
    Ok(())
}

/// The calendars of an account, by name.
pub fn calendars_of(conn: &Connection, account_id: i64) -> rusqlite::Result<Vec<Calendar>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {CALENDAR_COLUMNS} FROM calendars WHERE account_id = ?1 ORDER BY name, id"
    ))?;
    stmt.query_map([account_id], calendar_from_row)?.collect()
}

pub fn calendar(conn: &Connection, id: i64) -> rusqlite::Result<Option<Calendar>> {
    conn.query_row(
        &format!("SELECT {CALENDAR_COLUMNS} FROM calendars WHERE id = ?1"),
        [id],
        calendar_from_row,
    )
    .optional()
}

/// Adds a calendar the server lists, or updates its name and access; a host's choices
/// (conflict checking) stay. Returns its id.
pub fn upsert_calendar(
    conn: &Connection,
    account_id: i64,
    href: &str,
    name: &str,
    read_only: bool,
) -> rusqlite::Result<i64> {
    conn.query_row(
        "INSERT INTO calendars (account_id, href, name, read_only) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (account_id, href) DO UPDATE SET name = excluded.name,
             read_only = excluded.read_only
         RETURNING id",
        params![account_id, href, name, read_only],
        |row| row.get(0),
    )
}

/// Drops the calendars of an account the server no longer lists.
pub fn remove_calendars_except(
    conn: &Connection,
    account_id: i64,
    keep: &[i64],
) -> rusqlite::Result<usize> {
    let mut removed = 0;
    for calendar in calendars_of(conn, account_id)? {
        if !keep.contains(&calendar.id) {
            removed += conn.execute("DELETE FROM calendars WHERE id = ?1", [calendar.id])?;
        }
    }
    Ok(removed)
}

pub fn set_check_conflicts(conn: &Connection, id: i64, on: bool) -> rusqlite::Result<usize> {
    let changed = conn.execute(
        "UPDATE calendars SET check_conflicts = ?2 WHERE id = ?1",
        params![id, on],
    )?;
    conn.execute(
        "UPDATE calendar_busy SET blocking = (?2 AND substr(uid, -length(?3)) <> ?3)
         WHERE object_id IN (SELECT id FROM calendar_objects WHERE calendar_id = ?1)",
        params![id, on, OWN_UID],
    )?;
    Ok(changed)
}

/// Keeps the server's markers of what a calendar's replica is up to.
pub fn set_markers(
    conn: &Connection,
    id: i64,
    sync_token: Option<&str>,
    ctag: Option<&str>,
    etag: Option<&str>,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE calendars SET sync_token = ?2, ctag = ?3, etag = ?4 WHERE id = ?1",
        params![id, sync_token, ctag, etag],
    )?;
    Ok(())
}

/// Makes `calendar_id` the host's destination calendar; `None` writes bookings nowhere.
pub fn set_destination(
    conn: &Connection,
    user_id: i64,
    calendar_id: Option<i64>,
) -> rusqlite::Result<()> {
    match calendar_id {
        Some(calendar_id) => conn.execute(
            "INSERT INTO calendar_destinations (user_id, calendar_id) VALUES (?1, ?2)
             ON CONFLICT (user_id) DO UPDATE SET calendar_id = excluded.calendar_id",
            params![user_id, calendar_id],
        )?,
        None => conn.execute(
            "DELETE FROM calendar_destinations WHERE user_id = ?1",
            [user_id],
        )?,
    };
    Ok(())
}

/// The host's destination calendar and its account.
pub fn destination(
    conn: &Connection,
    user_id: i64,
) -> rusqlite::Result<Option<(Calendar, Account)>> {
    let calendar_id: Option<i64> = conn
        .query_row(
            "SELECT calendar_id FROM calendar_destinations WHERE user_id = ?1",
            [user_id],
            |row| row.get(0),
        )
        .optional()?;
    let Some(calendar) = calendar_id
        .map(|id| calendar(conn, id))
        .transpose()?
        .flatten()
    else {
        return Ok(None);
    };
    Ok(account(conn, calendar.account_id)?.map(|account| (calendar, account)))
}

/// The replicated objects of a calendar: href → etag.
pub fn known_objects(
    conn: &Connection,
    calendar_id: i64,
) -> rusqlite::Result<HashMap<String, String>> {
    let mut stmt =
        conn.prepare_cached("SELECT href, etag FROM calendar_objects WHERE calendar_id = ?1")?;
    stmt.query_map([calendar_id], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect()
}

/// Replaces what one calendar object contributes to the replica.
pub fn replace_object(
    conn: &Connection,
    calendar_id: i64,
    user_id: i64,
    href: &str,
    etag: &str,
    busy: &[BusyTime],
) -> rusqlite::Result<()> {
    let object_id: i64 = conn.query_row(
        "INSERT INTO calendar_objects (calendar_id, href, etag) VALUES (?1, ?2, ?3)
         ON CONFLICT (calendar_id, href) DO UPDATE SET etag = excluded.etag
         RETURNING id",
        params![calendar_id, href, etag],
        |row| row.get(0),
    )?;
    conn.execute(
        "DELETE FROM calendar_busy WHERE object_id = ?1",
        [object_id],
    )?;
    let checked: bool = conn.query_row(
        "SELECT check_conflicts FROM calendars WHERE id = ?1",
        [calendar_id],
        |row| row.get(0),
    )?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO calendar_busy (object_id, user_id, uid, start_at, end_at, blocking)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for time in busy.iter().filter(|t| t.end > t.start) {
        insert.execute(params![
            object_id,
            user_id,
            time.uid,
            time.start.timestamp(),
            time.end.timestamp(),
            checked && !time.uid.ends_with(OWN_UID)
        ])?;
    }
    Ok(())
}

/// Removes one object (deleted on the server) from the replica.
pub fn remove_object(conn: &Connection, calendar_id: i64, href: &str) -> rusqlite::Result<usize> {
    conn.execute(
        "DELETE FROM calendar_objects WHERE calendar_id = ?1 AND href = ?2",
        params![calendar_id, href],
    )
}

/// Empties a calendar's replica, before a full refresh.
pub fn clear_objects(conn: &Connection, calendar_id: i64) -> rusqlite::Result<usize> {
    conn.execute(
        "DELETE FROM calendar_objects WHERE calendar_id = ?1",
        [calendar_id],
    )
}

/// The busy time of a host's calendars that check for conflicts, overlapping
/// `[from, to)`, leaving out events whose UID says Kairos wrote them (those bookings
/// are counted as bookings), in order of start.
///
/// The slot path calls this for every host on every computed answer, so a host's whole
/// busy time is kept in memory under the version `calendar_busy_versions` holds for them
/// (replaced by a trigger on every change): an unchanged replica costs one point lookup.
pub fn busy_for_host(
    conn: &Connection,
    user_id: i64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> rusqlite::Result<Vec<(DateTime<Utc>, DateTime<Utc>)>> {
    let version: Option<i64> = conn
        .prepare_cached("SELECT version FROM calendar_busy_versions WHERE user_id = ?1")?
        .query_row([user_id], |row| row.get(0))
        .optional()?;
    let Some(version) = version else {
        return Ok(Vec::new());
    };
    let busy = match busy_cache::get(user_id, version) {
        Some(busy) => busy,
        None => {
            let (version, busy) = read_busy(conn, user_id)?;
            busy_cache::put(user_id, version, busy)
        }
    };
    Ok(busy
        .overlapping(from.timestamp(), to.timestamp())
        .map(|(start, end)| (instant(start), instant(end)))
        .collect())
}

/// A busy stretch in seconds since the epoch: start, end.
type Span = (i64, i64);

/// A host's blocking busy time with the version it was read at, in one statement so that
/// both come from the same snapshot.
fn read_busy(conn: &Connection, user_id: i64) -> rusqlite::Result<(Option<i64>, Vec<Span>)> {
    let mut stmt = conn.prepare_cached(
        "SELECT v.version, b.start_at, b.end_at FROM calendar_busy_versions v
         LEFT JOIN calendar_busy b ON b.user_id = v.user_id AND b.blocking = 1
         WHERE v.user_id = ?1
         ORDER BY b.start_at",
    )?;
    let mut version = None;
    let mut busy = Vec::new();
    let mut rows = stmt.query([user_id])?;
    while let Some(row) = rows.next()? {
        version = Some(row.get(0)?);
        if let (Some(start), Some(end)) = (row.get(1)?, row.get(2)?) {
            busy.push((start, end));
        }
    }
    Ok((version, busy))
}

/// Hosts' busy time in memory, each under the replica version it was read at. Versions are
/// random, so entries from different databases in one process never pass for each other.
mod busy_cache {
    use std::collections::HashMap;
    use std::sync::{Arc, LazyLock, Mutex, PoisonError};

    /// At most this many intervals are kept over all hosts (16 bytes each).
    const CAPACITY: usize = 256 * 1024;

    /// One host's blocking busy time, sorted by start.
    pub struct Busy {
        intervals: Vec<(i64, i64)>,
        longest: i64,
    }

    impl Busy {
        fn new(intervals: Vec<(i64, i64)>) -> Busy {
            let longest = intervals.iter().map(|(s, e)| e - s).max().unwrap_or(0);
            Busy { intervals, longest }
        }

        /// The intervals overlapping `[from, to)`: those starting before `to`, no earlier
        /// than the longest interval before `from`, and ending after `from`.
        pub fn overlapping(&self, from: i64, to: i64) -> impl Iterator<Item = (i64, i64)> + '_ {
            let first = self
                .intervals
                .partition_point(|(start, _)| *start < from.saturating_sub(self.longest));
            let last = self.intervals.partition_point(|(start, _)| *start < to);
            self.intervals[first..last.max(first)]
                .iter()
                .copied()
                .filter(move |(_, end)| *end > from)
        }
    }

    struct Entry {
        version: i64,
        busy: Arc<Busy>,
    }

    #[derive(Default)]
    struct Cache {
        hosts: HashMap<i64, Entry>,
        intervals: usize,
    }

    static CACHE: LazyLock<Mutex<Cache>> = LazyLock::new(Mutex::default);

    pub fn get(user_id: i64, version: i64) -> Option<Arc<Busy>> {
        let cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
        cache
            .hosts
            .get(&user_id)
            .filter(|entry| entry.version == version)
            .map(|entry| entry.busy.clone())
    }

    /// Keeps what was read at `version` (none: the host has no busy time any more) and
    /// returns it.
    pub fn put(user_id: i64, version: Option<i64>, intervals: Vec<(i64, i64)>) -> Arc<Busy> {
        let busy = Arc::new(Busy::new(intervals));
        let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(old) = cache.hosts.remove(&user_id) {
            cache.intervals -= old.busy.intervals.len();
        }
        let Some(version) = version else {
            return busy;
        };
        let size = busy.intervals.len();
        if size > CAPACITY {
            return busy;
        }
        if cache.intervals + size > CAPACITY {
            cache.hosts.clear();
            cache.intervals = 0;
        }
        cache.intervals += size;
        cache.hosts.insert(
            user_id,
            Entry {
                version,
                busy: busy.clone(),
            },
        );
        busy
    }

    #[cfg(test)]
    mod tests {
        use super::Busy;

        #[test]
        fn overlapping_finds_long_intervals_that_start_early() {
            let busy = Busy::new(vec![(0, 100), (10, 20), (30, 40), (50, 60), (95, 200)]);
            let found: Vec<_> = busy.overlapping(35, 96).collect();
            assert_eq!(found, vec![(0, 100), (30, 40), (50, 60), (95, 200)]);
            assert_eq!(busy.overlapping(200, 300).count(), 0);
            assert_eq!(busy.overlapping(-50, 0).count(), 0);
        }
    }
}

/// How many busy stretches and objects a calendar's replica holds.
pub fn replica_size(conn: &Connection, calendar_id: i64) -> rusqlite::Result<(i64, i64)> {
    conn.query_row(
        "SELECT (SELECT count(*) FROM calendar_objects WHERE calendar_id = ?1),
                (SELECT count(*) FROM calendar_busy b JOIN calendar_objects o ON o.id = b.object_id
                 WHERE o.calendar_id = ?1)",
        [calendar_id],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
}

/// What Kairos wrote for one booking chain to one host's calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub uid: String,
    pub user_id: i64,
    pub calendar_id: i64,
    pub href: String,
    pub etag: Option<String>,
    pub sequence: i64,
    pub deleted: bool,
    /// When a sync first found the event gone from the host's calendar.
    pub missing_since: Option<DateTime<Utc>>,
}

const WRITTEN_COLUMNS: &str =
    "uid, user_id, calendar_id, href, etag, sequence, deleted, missing_since";

fn written_from_row(row: &Row<'_>) -> rusqlite::Result<Written> {
    Ok(Written {
        uid: row.get(0)?,
        user_id: row.get(1)?,
        calendar_id: row.get(2)?,
        href: row.get(3)?,
        etag: row.get(4)?,
        sequence: row.get(5)?,
        deleted: row.get(6)?,
        missing_since: row.get::<_, Option<i64>>(7)?.map(instant),
    })
}

pub fn written(conn: &Connection, uid: &str, user_id: i64) -> rusqlite::Result<Option<Written>> {
    conn.query_row(
        &format!("SELECT {WRITTEN_COLUMNS} FROM calendar_writes WHERE uid = ?1 AND user_id = ?2"),
        params![uid, user_id],
        written_from_row,
    )
    .optional()
}

/// The events Kairos wrote, and has not removed, in the calendars of account
/// `account_id` (those with a known ETag: the ones at their own address), with each
/// calendar's URL.
pub fn live_writes(conn: &Connection, account_id: i64) -> rusqlite::Result<Vec<(Written, String)>> {
    let columns = WRITTEN_COLUMNS
        .split(", ")
        .map(|c| format!("w.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut stmt = conn.prepare(&format!(
        "SELECT {columns}, c.href FROM calendar_writes w JOIN calendars c ON c.id = w.calendar_id
         WHERE c.account_id = ?1 AND w.deleted = 0 AND w.etag IS NOT NULL ORDER BY w.uid"
    ))?;
    stmt.query_map([account_id], |row| {
        Ok((written_from_row(row)?, row.get(8)?))
    })?
    .collect()
}

/// Records that a written event was found gone from the host's calendar (`Some`), or is
/// there again (`None`).
pub fn set_missing(
    conn: &Connection,
    uid: &str,
    user_id: i64,
    since: Option<DateTime<Utc>>,
) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE calendar_writes SET missing_since = ?3 WHERE uid = ?1 AND user_id = ?2",
        params![uid, user_id, since.map(|t| t.timestamp())],
    )
}

/// Records what was written (or deleted) for a booking chain in a host's calendar: the
/// event is where it was written (or meant to be gone), not missing.
pub fn save_written(conn: &Connection, written: &Written) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO calendar_writes (uid, user_id, calendar_id, href, etag, sequence, deleted)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (uid, user_id) DO UPDATE SET calendar_id = excluded.calendar_id,
             href = excluded.href, etag = excluded.etag, sequence = excluded.sequence,
             deleted = excluded.deleted, missing_since = NULL",
        params![
            written.uid,
            written.user_id,
            written.calendar_id,
            written.href,
            written.etag,
            written.sequence,
            written.deleted
        ],
    )?;
    Ok(())
}

/// Every account with its owner's email address, for administrators and `kairos doctor`:
/// the failing ones first, then by owner and age.
pub fn accounts_with_owners(conn: &Connection) -> rusqlite::Result<Vec<(Account, String)>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ACCOUNT_COLUMNS},
                (SELECT email FROM users WHERE users.id = calendar_accounts.user_id)
         FROM calendar_accounts ORDER BY failures = 0, user_id, id"
    ))?;
    // The owner's email follows the account's columns.
    let email_at = ACCOUNT_COLUMNS.split(',').count();
    stmt.query_map([], |row| {
        Ok((
            account_from_row(row)?,
            row.get::<_, Option<String>>(email_at)?.unwrap_or_default(),
        ))
    })?
    .collect()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::{DateTime, Utc};
    use rusqlite::Connection;

    use super::*;
    use crate::crypto::InstanceKey;
    use crate::db::users::{self, NewUser, Role};
    use crate::db::{Db, DbError, cipher::DatabaseKey, embedded_migrations, migrate};

    fn at(hour: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + hour * 3600, 0).unwrap_or_default()
    }

    fn busy(uid: &str, from: i64, to: i64) -> BusyTime {
        BusyTime {
            uid: uid.to_owned(),
            start: at(from),
            end: at(to),
        }
    }

    fn read(db: &Db, user: i64) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
        db.read_blocking(|conn| busy_for_host(conn, user, at(0), at(100)))
            .unwrap_or_else(|err| panic!("{err}"))
    }

    fn write(db: &Db, f: impl FnOnce(&Connection) -> rusqlite::Result<()>) {
        db.write_blocking(|tx| -> Result<(), DbError> { Ok(f(tx)?) })
            .unwrap_or_else(|err| panic!("{err}"));
    }

    /// Every change to the replica reaches the next read, whether it was an object
    /// rewritten, a calendar switched off, an object removed or an account disconnected
    /// (rows removed by cascade).
    #[test]
    fn the_kept_busy_time_follows_every_change_of_the_replica()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("kairos.db");
        let key = DatabaseKey::derive(&InstanceKey::from_bytes([7; 32]), Path::new("k"));
        migrate(
            &path,
            &dir.path().join("b"),
            &embedded_migrations(),
            &key,
            at(0),
        )?;
        let db = Db::open(&path, &key)?;
        let mut ids = (0, 0, 0);
        write(&db, |conn| {
            let user = users::insert(
                conn,
                &NewUser {
                    email: "host@example.org",
                    name: "Host",
                    username: "host",
                    time_zone: chrono_tz::UTC,
                    password_hash: None,
                    role: Role::Member,
                },
                at(0),
            )?;
            let account = insert_account(conn, user, Provider::Ics, "https://x", "", b"", at(0))?;
            let calendar = upsert_calendar(conn, account, "/c/", "C", true)?;
            ids = (user, account, calendar);
            Ok(())
        });
        let (user, account, calendar) = ids;
        assert!(read(&db, user).is_empty(), "nothing replicated yet");

        let events = [busy("a", 1, 2), busy("b", 5, 7), busy("c@kairos", 3, 4)];
        write(&db, |conn| {
            replace_object(conn, calendar, user, "/c/1.ics", "1", &events)
        });
        assert_eq!(read(&db, user), vec![(at(1), at(2)), (at(5), at(7))]);
        assert_eq!(read(&db, user), vec![(at(1), at(2)), (at(5), at(7))]);

        write(&db, |conn| {
            replace_object(conn, calendar, user, "/c/1.ics", "2", &events[..1])
        });
        assert_eq!(read(&db, user), vec![(at(1), at(2))]);

        write(&db, |conn| {
            set_check_conflicts(conn, calendar, false).map(drop)
        });
        assert!(read(&db, user).is_empty(), "a calendar switched off");
        write(&db, |conn| {
            set_check_conflicts(conn, calendar, true).map(drop)
        });
        assert_eq!(read(&db, user), vec![(at(1), at(2))]);

        write(&db, |conn| {
            remove_object(conn, calendar, "/c/1.ics").map(drop)
        });
        assert!(read(&db, user).is_empty(), "an object removed");

        write(&db, |conn| {
            replace_object(conn, calendar, user, "/c/2.ics", "1", &events[1..2])
        });
        assert_eq!(read(&db, user), vec![(at(5), at(7))]);
        write(&db, |conn| delete_account(conn, account).map(drop));
        assert!(read(&db, user).is_empty(), "an account disconnected");
        Ok(())
    }
}

//! What the database says about itself rather than about bookings or people: whether it
//! answers, whether its pages are intact, which tables it has, and its write-ahead log.

use chrono::{DateTime, Utc};
use rusqlite::Connection;

/// Whether the database has a table called `name`.
pub fn table_exists(conn: &Connection, name: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
    )?
    .query_row([name], |row| row.get(0))
}

/// SQLite's `integrity_check`: `["ok"]` for an intact database, else the problems found.
pub fn integrity_check(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    conn.prepare("PRAGMA integrity_check")?
        .query_map([], |row| row.get(0))?
        .collect()
}

/// Asks the database the simplest question: an error means it does not answer.
pub fn ping(conn: &Connection) -> rusqlite::Result<()> {
    conn.query_row("SELECT 1", [], |_| Ok(()))
}

/// Moves the write-ahead log into the database file and empties it, so the file is
/// complete on its own.
pub fn checkpoint(conn: &Connection) -> rusqlite::Result<()> {
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
}

/// The newest moment the data remembers: the latest change to a setting or an account,
/// or the latest use of a session. `None` for a database without any.
pub fn newest_change(conn: &Connection) -> rusqlite::Result<Option<DateTime<Utc>>> {
    let newest: Option<i64> = conn.query_row(
        "SELECT max(t) FROM (SELECT max(updated_at) AS t FROM settings UNION ALL SELECT max(updated_at) FROM users UNION ALL SELECT max(last_seen_at) FROM sessions)",
        [],
        |row| row.get(0),
    )?;
    Ok(newest.and_then(|seconds| DateTime::from_timestamp(seconds, 0)))
}

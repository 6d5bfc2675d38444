//! Instance settings: what the setup wizard and the admin pages write.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

pub fn get(conn: &Connection, key: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
        row.get(0)
    })
    .optional()
}

pub fn set(conn: &Connection, key: &str, value: &str, now: DateTime<Utc>) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        params![key, value, now.timestamp()],
    )?;
    Ok(())
}

/// A stored setting that could not be opened: sealed with another key, or damaged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the stored value of a secret setting cannot be opened with this instance key")]
pub struct SealedUnreadable;

/// Stores a secret sealed with the instance key (the setting's name is the sealing
/// context); `None` clears it.
pub fn set_sealed(
    conn: &Connection,
    key: &crate::crypto::InstanceKey,
    name: &str,
    secret: Option<&str>,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    let sealed = secret
        .map(|secret| hex::encode(key.encrypt(secret.as_bytes(), name)))
        .unwrap_or_default();
    set(conn, name, &sealed, now)
}

/// Opens a secret stored by [`set_sealed`]; `Ok(None)` when there is none.
pub fn get_sealed(
    conn: &Connection,
    key: &crate::crypto::InstanceKey,
    name: &str,
) -> rusqlite::Result<Result<Option<String>, SealedUnreadable>> {
    let Some(stored) = get(conn, name)?.filter(|s| !s.is_empty()) else {
        return Ok(Ok(None));
    };
    Ok(hex::decode(stored)
        .ok()
        .and_then(|sealed| key.decrypt(&sealed, name).ok())
        .and_then(|plain| String::from_utf8(plain).ok())
        .map(Some)
        .ok_or(SealedUnreadable))
}

/// An in-memory database holding only the settings table, for unit tests of settings.
#[cfg(test)]
pub(crate) fn test_connection() -> Connection {
    let conn = Connection::open_in_memory().unwrap_or_else(|err| panic!("{err}"));
    conn.execute_batch(
        "CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL, updated_at INTEGER NOT NULL) STRICT;",
    )
    .unwrap_or_else(|err| panic!("{err}"));
    conn
}

//! Personal API keys. The key is shown once; only its hash is kept.

use crate::db::instant;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiKey {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub prefix: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

pub fn insert(
    conn: &Connection,
    user_id: i64,
    name: &str,
    prefix: &str,
    key_hash: &[u8],
    now: DateTime<Utc>,
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO api_keys (user_id, name, prefix, key_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![user_id, name, prefix, key_hash, now.timestamp()],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The live (not revoked) key with this hash.
pub fn by_hash(conn: &Connection, key_hash: &[u8]) -> rusqlite::Result<Option<ApiKey>> {
    conn.query_row(
        "SELECT id, user_id, name, prefix, created_at, last_used_at FROM api_keys
         WHERE key_hash = ?1 AND revoked_at IS NULL",
        [key_hash],
        |row| {
            Ok(ApiKey {
                id: row.get(0)?,
                user_id: row.get(1)?,
                name: row.get(2)?,
                prefix: row.get(3)?,
                created_at: instant(row.get(4)?),
                last_used_at: row.get::<_, Option<i64>>(5)?.map(instant),
            })
        },
    )
    .optional()
}

pub fn touch(conn: &Connection, id: i64, now: DateTime<Utc>) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE api_keys SET last_used_at = ?2 WHERE id = ?1",
        params![id, now.timestamp()],
    )?;
    Ok(())
}

/// Whose key this is.
pub fn owner(conn: &Connection, id: i64) -> rusqlite::Result<Option<i64>> {
    conn.query_row("SELECT user_id FROM api_keys WHERE id = ?1", [id], |row| {
        row.get(0)
    })
    .optional()
}

pub fn revoke(
    conn: &Connection,
    user_id: i64,
    id: i64,
    now: DateTime<Utc>,
) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "UPDATE api_keys SET revoked_at = ?3 WHERE id = ?1 AND user_id = ?2 AND revoked_at IS NULL",
        params![id, user_id, now.timestamp()],
    )?;
    Ok(changed == 1)
}

/// A user's live keys, newest first.
pub fn list_for_user(conn: &Connection, user_id: i64) -> rusqlite::Result<Vec<ApiKey>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, user_id, name, prefix, created_at, last_used_at FROM api_keys
         WHERE user_id = ?1 AND revoked_at IS NULL ORDER BY id DESC",
    )?;
    stmt.query_map([user_id], |row| {
        Ok(ApiKey {
            id: row.get(0)?,
            user_id: row.get(1)?,
            name: row.get(2)?,
            prefix: row.get(3)?,
            created_at: instant(row.get(4)?),
            last_used_at: row.get::<_, Option<i64>>(5)?.map(instant),
        })
    })?
    .collect()
}

/// Revokes every live key of a user; returns how many.
pub fn revoke_all(conn: &Connection, user_id: i64, now: DateTime<Utc>) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE api_keys SET revoked_at = ?2 WHERE user_id = ?1 AND revoked_at IS NULL",
        params![user_id, now.timestamp()],
    )
}

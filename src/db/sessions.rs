//! Signed-in sessions, one-time password links and sign-in unlock links. Only hashes of
//! their tokens are stored.

use crate::db::instant;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

#[derive(Debug, Clone)]
pub struct Session {
    pub user_id: i64,
    /// How it was signed in: `password`, `password+totp` or `sso`.
    pub sign_in_method: String,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

pub fn insert(
    conn: &Connection,
    token_hash: &[u8],
    user_id: i64,
    sign_in_method: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, sign_in_method)
         VALUES (?1, ?2, ?3, ?3, ?4, ?5)",
        params![token_hash, user_id, now.timestamp(), expires_at.timestamp(), sign_in_method],
    )?;
    Ok(())
}

pub fn find(conn: &Connection, token_hash: &[u8]) -> rusqlite::Result<Option<Session>> {
    conn.query_row(
        "SELECT user_id, created_at, last_seen_at, expires_at, sign_in_method
         FROM sessions WHERE token_hash = ?1",
        [token_hash],
        |row| {
            Ok(Session {
                user_id: row.get(0)?,
                created_at: instant(row.get(1)?),
                last_seen_at: instant(row.get(2)?),
                expires_at: instant(row.get(3)?),
                sign_in_method: row.get(4)?,
            })
        },
    )
    .optional()
}

pub fn touch(conn: &Connection, token_hash: &[u8], now: DateTime<Utc>) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE sessions SET last_seen_at = ?2 WHERE token_hash = ?1",
        params![token_hash, now.timestamp()],
    )?;
    Ok(())
}

pub fn delete(conn: &Connection, token_hash: &[u8]) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM sessions WHERE token_hash = ?1", [token_hash])?;
    Ok(())
}

/// Ends every session of a user.
pub fn delete_for_user(conn: &Connection, user_id: i64) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM sessions WHERE user_id = ?1", [user_id])
}

/// Removes sessions past their absolute lifetime or idle for longer than `idle`.
pub fn delete_expired(
    conn: &Connection,
    now: DateTime<Utc>,
    idle: chrono::Duration,
) -> rusqlite::Result<usize> {
    conn.execute(
        "DELETE FROM sessions WHERE expires_at <= ?1 OR last_seen_at <= ?2",
        params![now.timestamp(), (now - idle).timestamp()],
    )
}

pub fn insert_password_link(
    conn: &Connection,
    token_hash: &[u8],
    user_id: i64,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO password_resets (token_hash, user_id, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4)",
        params![token_hash, user_id, now.timestamp(), expires_at.timestamp()],
    )?;
    Ok(())
}

/// The user a password link belongs to, when it is unused and not expired.
pub fn valid_password_link(
    conn: &Connection,
    token_hash: &[u8],
    now: DateTime<Utc>,
) -> rusqlite::Result<Option<i64>> {
    conn.query_row(
        "SELECT user_id FROM password_resets
         WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2",
        params![token_hash, now.timestamp()],
        |row| row.get(0),
    )
    .optional()
}

/// Marks a link used; returns false when it was already used or has expired.
pub fn use_password_link(
    conn: &Connection,
    token_hash: &[u8],
    now: DateTime<Utc>,
) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "UPDATE password_resets SET used_at = ?2
         WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2",
        params![token_hash, now.timestamp()],
    )?;
    Ok(changed == 1)
}

/// Stores a sign-in unlock link: the one-time link emailed to an account's owner when
/// the sign-in throttle refuses a sign-in.
pub fn insert_unlock_link(
    conn: &Connection,
    token_hash: &[u8],
    user_id: i64,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO sign_in_unlocks (token_hash, user_id, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4)",
        params![token_hash, user_id, now.timestamp(), expires_at.timestamp()],
    )?;
    Ok(())
}

/// The user an unlock link belongs to, when it is unused and not expired.
pub fn valid_unlock_link(
    conn: &Connection,
    token_hash: &[u8],
    now: DateTime<Utc>,
) -> rusqlite::Result<Option<i64>> {
    conn.query_row(
        "SELECT user_id FROM sign_in_unlocks
         WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2",
        params![token_hash, now.timestamp()],
        |row| row.get(0),
    )
    .optional()
}

/// Marks an unlock link used; returns false when it was already used or has expired.
pub fn use_unlock_link(
    conn: &Connection,
    token_hash: &[u8],
    now: DateTime<Utc>,
) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "UPDATE sign_in_unlocks SET used_at = ?2
         WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2",
        params![token_hash, now.timestamp()],
    )?;
    Ok(changed == 1)
}

//! Second factors: TOTP authenticators, backup codes and half-signed-in sessions.
//! Secrets are stored sealed, codes and tokens only as keyed hashes.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use crate::db::instant;

/// A user's authenticator as stored.
#[derive(Debug, Clone)]
pub struct Totp {
    /// Sealed with the instance key.
    pub sealed_secret: Vec<u8>,
    pub confirmed_at: Option<DateTime<Utc>>,
    /// The newest step a code was accepted for.
    pub last_step: i64,
}

pub fn totp(conn: &Connection, user_id: i64) -> rusqlite::Result<Option<Totp>> {
    conn.query_row(
        "SELECT secret, confirmed_at, last_step FROM mfa_totp WHERE user_id = ?1",
        [user_id],
        |row| {
            Ok(Totp {
                sealed_secret: row.get(0)?,
                confirmed_at: row.get::<_, Option<i64>>(1)?.map(instant),
                last_step: row.get(2)?,
            })
        },
    )
    .optional()
}

/// Whether the user has a confirmed authenticator.
pub fn enrolled(conn: &Connection, user_id: i64) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM mfa_totp WHERE user_id = ?1 AND confirmed_at IS NOT NULL)",
        [user_id],
        |row| row.get(0),
    )
}

/// Starts an enrollment with a new sealed secret (replacing an unconfirmed one).
pub fn insert_unconfirmed(
    conn: &Connection,
    user_id: i64,
    sealed_secret: &[u8],
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO mfa_totp (user_id, secret, confirmed_at, last_step, created_at)
         VALUES (?1, ?2, NULL, 0, ?3)
         ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at
         WHERE mfa_totp.confirmed_at IS NULL",
        params![user_id, sealed_secret, now.timestamp()],
    )?;
    Ok(())
}

/// Marks the authenticator confirmed with the step of its first code.
pub fn confirm(
    conn: &Connection,
    user_id: i64,
    step: i64,
    now: DateTime<Utc>,
) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "UPDATE mfa_totp SET confirmed_at = ?2, last_step = ?3
         WHERE user_id = ?1 AND confirmed_at IS NULL",
        params![user_id, now.timestamp(), step],
    )?;
    Ok(changed == 1)
}

/// Records that a code for `step` was used; false when that step (or a later one) was
/// used already.
pub fn use_step(conn: &Connection, user_id: i64, step: i64) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "UPDATE mfa_totp SET last_step = ?2 WHERE user_id = ?1 AND last_step < ?2",
        params![user_id, step],
    )?;
    Ok(changed == 1)
}

/// Removes the user's authenticator, backup codes and half-sessions; returns whether an
/// authenticator was there.
pub fn remove(conn: &Connection, user_id: i64) -> rusqlite::Result<bool> {
    let removed = conn.execute("DELETE FROM mfa_totp WHERE user_id = ?1", [user_id])?;
    conn.execute("DELETE FROM mfa_backup_codes WHERE user_id = ?1", [user_id])?;
    conn.execute("DELETE FROM mfa_pending WHERE user_id = ?1", [user_id])?;
    Ok(removed == 1)
}

/// Replaces the user's backup codes with these hashes.
pub fn replace_backup_codes(
    conn: &Connection,
    user_id: i64,
    hashes: &[Vec<u8>],
) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM mfa_backup_codes WHERE user_id = ?1", [user_id])?;
    let mut insert =
        conn.prepare("INSERT INTO mfa_backup_codes (user_id, code_hash) VALUES (?1, ?2)")?;
    for hash in hashes {
        insert.execute(params![user_id, hash])?;
    }
    Ok(())
}

/// Uses an unused backup code; false when there is none with this hash.
pub fn use_backup_code(
    conn: &Connection,
    user_id: i64,
    hash: &[u8],
    now: DateTime<Utc>,
) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "UPDATE mfa_backup_codes SET used_at = ?3
         WHERE user_id = ?1 AND code_hash = ?2 AND used_at IS NULL",
        params![user_id, hash, now.timestamp()],
    )?;
    Ok(changed == 1)
}

pub fn unused_backup_codes(conn: &Connection, user_id: i64) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT count(*) FROM mfa_backup_codes WHERE user_id = ?1 AND used_at IS NULL",
        [user_id],
        |row| row.get(0),
    )
}

pub fn insert_pending(
    conn: &Connection,
    token_hash: &[u8],
    user_id: i64,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM mfa_pending WHERE expires_at <= ?1",
        [now.timestamp()],
    )?;
    conn.execute(
        "INSERT INTO mfa_pending (token_hash, user_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
        params![token_hash, user_id, now.timestamp(), expires_at.timestamp()],
    )?;
    Ok(())
}

/// The user waiting behind a half-session, while it has not expired.
pub fn pending_user(
    conn: &Connection,
    token_hash: &[u8],
    now: DateTime<Utc>,
) -> rusqlite::Result<Option<i64>> {
    conn.query_row(
        "SELECT user_id FROM mfa_pending WHERE token_hash = ?1 AND expires_at > ?2",
        params![token_hash, now.timestamp()],
        |row| row.get(0),
    )
    .optional()
}

pub fn delete_pending(conn: &Connection, token_hash: &[u8]) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM mfa_pending WHERE token_hash = ?1",
        [token_hash],
    )?;
    Ok(())
}

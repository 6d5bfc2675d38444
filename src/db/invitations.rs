//! Invitations: one-time links for a person to create their own account. Only hashes of
//! the link tokens are stored.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::db::instant;
use crate::db::users::Role;

#[derive(Debug, Clone)]
pub struct Invitation {
    pub id: i64,
    pub email: String,
    pub role: Role,
    pub invited_by: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

const COLUMNS: &str = "id, email, role, invited_by, created_at, expires_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Invitation> {
    let role: String = row.get(2)?;
    Ok(Invitation {
        id: row.get(0)?,
        email: row.get(1)?,
        role: if role == "admin" {
            Role::Admin
        } else {
            Role::Member
        },
        invited_by: row.get(3)?,
        created_at: instant(row.get(4)?),
        expires_at: instant(row.get(5)?),
    })
}

pub struct NewInvitation<'a> {
    pub email: &'a str,
    pub role: Role,
    pub token_hash: &'a [u8],
    pub invited_by: i64,
    pub expires_at: DateTime<Utc>,
}

pub fn insert(
    conn: &Connection,
    invitation: &NewInvitation<'_>,
    now: DateTime<Utc>,
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO invitations (email, role, token_hash, invited_by, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            invitation.email,
            invitation.role.as_str(),
            invitation.token_hash,
            invitation.invited_by,
            now.timestamp(),
            invitation.expires_at.timestamp(),
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Invitations that can still be used, newest first.
pub fn pending(conn: &Connection, now: DateTime<Utc>) -> rusqlite::Result<Vec<Invitation>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM invitations
         WHERE used_at IS NULL AND revoked_at IS NULL AND expires_at > ?1
         ORDER BY id DESC"
    ))?;
    let rows = stmt.query_map([now.timestamp()], from_row)?;
    rows.collect()
}

/// Whether an invitation that can still be used names this email.
pub fn pending_for_email(
    conn: &Connection,
    email: &str,
    now: DateTime<Utc>,
) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM invitations WHERE email = ?1
         AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?2)",
        params![email, now.timestamp()],
        |row| row.get(0),
    )
}

/// The invitation behind a link, while it is unused, unrevoked and unexpired.
pub fn valid(
    conn: &Connection,
    token_hash: &[u8],
    now: DateTime<Utc>,
) -> rusqlite::Result<Option<Invitation>> {
    conn.query_row(
        &format!(
            "SELECT {COLUMNS} FROM invitations WHERE token_hash = ?1
             AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?2"
        ),
        params![token_hash, now.timestamp()],
        from_row,
    )
    .optional()
}

/// Marks an invitation used by the account it created; false when it no longer can be.
pub fn mark_used(
    conn: &Connection,
    id: i64,
    user_id: i64,
    now: DateTime<Utc>,
) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "UPDATE invitations SET used_at = ?3, user_id = ?2
         WHERE id = ?1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?3",
        params![id, user_id, now.timestamp()],
    )?;
    Ok(changed == 1)
}

/// Revokes a pending invitation; false when there is none with this id.
pub fn revoke(conn: &Connection, id: i64, now: DateTime<Utc>) -> rusqlite::Result<bool> {
    let changed = conn.execute(
        "UPDATE invitations SET revoked_at = ?2
         WHERE id = ?1 AND used_at IS NULL AND revoked_at IS NULL",
        params![id, now.timestamp()],
    )?;
    Ok(changed == 1)
}

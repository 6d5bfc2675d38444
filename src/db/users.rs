//! People who sign in: hosts, team members and administrators.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

pub use crate::model::user::{Role, User};

/// What a new user row holds.
pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub username: &'a str,
    pub time_zone: chrono_tz::Tz,
    pub password_hash: Option<&'a str>,
    pub role: Role,
}

const COLUMNS: &str = "id, email, name, role, disabled, password_hash, created_at, username, time_zone, \
bio, first_day_of_week, time_format, language";

fn from_row(row: &Row<'_>) -> rusqlite::Result<User> {
    let role: String = row.get(3)?;
    Ok(User {
        id: row.get(0)?,
        email: row.get(1)?,
        name: row.get(2)?,
        role: Role::parse(&role).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                3,
                rusqlite::types::Type::Text,
                format!("unknown role {role:?}").into(),
            )
        })?,
        disabled: row.get(4)?,
        password_hash: row.get(5)?,
        created_at: crate::db::instant(row.get(6)?),
        username: row.get::<_, Option<String>>(7)?.unwrap_or_default(),
        time_zone: row
            .get::<_, String>(8)?
            .parse()
            .unwrap_or(chrono_tz::Tz::UTC),
        bio: row.get(9)?,
        first_day_of_week: row
            .get::<_, Option<String>>(10)?
            .and_then(|day| day.parse().ok()),
        twelve_hour: row.get::<_, i64>(11)? == 12,
        language: row
            .get::<_, Option<String>>(12)?
            .and_then(|tag| crate::i18n::Language::from_tag(&tag)),
    })
}

pub fn insert(conn: &Connection, user: &NewUser<'_>, now: DateTime<Utc>) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO users (email, name, password_hash, role, created_at, updated_at, username, time_zone)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7)",
        params![
            user.email,
            user.name,
            user.password_hash,
            user.role.as_str(),
            now.timestamp(),
            user.username,
            user.time_zone.name(),
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn by_email(conn: &Connection, email: &str) -> rusqlite::Result<Option<User>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM users WHERE email = ?1"),
        [email],
        from_row,
    )
    .optional()
}

pub fn by_id(conn: &Connection, id: i64) -> rusqlite::Result<Option<User>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM users WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()
}

/// Whether any enabled administrator exists.
pub fn by_username(conn: &Connection, username: &str) -> rusqlite::Result<Option<User>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM users WHERE username = ?1"),
        [username],
        from_row,
    )
    .optional()
}

pub fn username_taken(conn: &Connection, username: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM users WHERE username = ?1)",
        [username],
        |row| row.get(0),
    )
}

pub fn admin_exists(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM users WHERE role IN ('owner', 'admin') AND disabled = 0)",
        [],
        |row| row.get(0),
    )
}

pub fn count(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT count(*) FROM users", [], |row| row.get(0))
}

/// Moves the owner, and the owner's schedules, from UTC to `zone`: the owner is created
/// before setup chooses the instance's zone. A zone the owner already changed is kept.
pub fn move_owner_from_utc(conn: &Connection, zone: &str) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE schedules SET time_zone = ?1 WHERE time_zone = 'UTC'
         AND user_id IN (SELECT id FROM users WHERE role = 'owner' AND time_zone = 'UTC')",
        [zone],
    )?;
    conn.execute(
        "UPDATE users SET time_zone = ?1 WHERE role = 'owner' AND time_zone = 'UTC'",
        [zone],
    )?;
    Ok(())
}

pub fn set_password_hash(
    conn: &Connection,
    id: i64,
    password_hash: &str,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE users SET password_hash = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, password_hash, now.timestamp()],
    )?;
    Ok(())
}

/// Every account, administrators first, then by name.
pub fn list_all(conn: &Connection) -> rusqlite::Result<Vec<User>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM users ORDER BY role != 'owner', role != 'admin', name COLLATE NOCASE, id"
    ))?;
    stmt.query_map([], from_row)?.collect()
}

/// What a user changes about themselves on the settings page.
pub struct Profile<'a> {
    pub name: &'a str,
    pub username: &'a str,
    pub time_zone: chrono_tz::Tz,
    pub bio: &'a str,
    pub first_day_of_week: Option<&'a str>,
    pub twelve_hour: bool,
    /// `None` follows the instance's default language.
    pub language: Option<crate::i18n::Language>,
}

pub fn update_profile(
    conn: &Connection,
    id: i64,
    profile: &Profile<'_>,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE users SET name = ?2, username = ?3, time_zone = ?4, bio = ?5, first_day_of_week = ?6,
         time_format = ?7, updated_at = ?8, language = ?9 WHERE id = ?1",
        params![
            id,
            profile.name,
            profile.username,
            profile.time_zone.name(),
            profile.bio,
            profile.first_day_of_week,
            if profile.twelve_hour { 12 } else { 24 },
            now.timestamp(),
            profile.language.map(crate::i18n::Language::tag),
        ],
    )?;
    Ok(())
}

pub fn set_disabled(
    conn: &Connection,
    id: i64,
    disabled: bool,
    now: DateTime<Utc>,
) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE users SET disabled = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, disabled, now.timestamp()],
    )
}

pub fn set_role(
    conn: &Connection,
    id: i64,
    role: Role,
    now: DateTime<Utc>,
) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE users SET role = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, role.as_str(), now.timestamp()],
    )
}

/// Whether another account than `except` uses `username`.
pub fn username_taken_by_other(
    conn: &Connection,
    username: &str,
    except: i64,
) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM users WHERE username = ?1 AND id != ?2)",
        params![username, except],
        |row| row.get(0),
    )
}

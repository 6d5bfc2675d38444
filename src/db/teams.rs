//! Teams and their members.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

pub use crate::model::team::{Team, TeamRole};

pub fn insert(
    conn: &Connection,
    slug: &str,
    name: &str,
    now: DateTime<Utc>,
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO teams (slug, name, created_at) VALUES (?1, ?2, ?3)",
        params![slug, name, now.timestamp()],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<Team>> {
    conn.query_row(
        "SELECT id, slug, name FROM teams WHERE id = ?1",
        [id],
        |row| {
            Ok(Team {
                id: row.get(0)?,
                slug: row.get(1)?,
                name: row.get(2)?,
            })
        },
    )
    .optional()
}

pub fn by_slug(conn: &Connection, slug: &str) -> rusqlite::Result<Option<Team>> {
    conn.query_row(
        "SELECT id, slug, name FROM teams WHERE slug = ?1",
        [slug],
        |row| {
            Ok(Team {
                id: row.get(0)?,
                slug: row.get(1)?,
                name: row.get(2)?,
            })
        },
    )
    .optional()
}

/// Teams a user belongs to, with their role in each.
pub fn for_user(conn: &Connection, user_id: i64) -> rusqlite::Result<Vec<(Team, TeamRole)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.id, t.slug, t.name, m.role FROM teams t JOIN team_members m ON m.team_id = t.id
         WHERE m.user_id = ?1 ORDER BY t.name",
    )?;
    stmt.query_map([user_id], |row| {
        Ok((
            Team {
                id: row.get(0)?,
                slug: row.get(1)?,
                name: row.get(2)?,
            },
            TeamRole::parse(&row.get::<_, String>(3)?).unwrap_or(TeamRole::Member),
        ))
    })?
    .collect()
}

/// The teams a user belongs to, with their role in each, or with `all` every team (the
/// user's role where they belong).
pub fn listed_for(
    conn: &Connection,
    user_id: i64,
    all: bool,
) -> rusqlite::Result<Vec<(Team, Option<TeamRole>)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.id, t.slug, t.name, m.role FROM teams t
         LEFT JOIN team_members m ON m.team_id = t.id AND m.user_id = ?1
         WHERE ?2 OR m.user_id IS NOT NULL ORDER BY t.name",
    )?;
    stmt.query_map(rusqlite::params![user_id, all], |row| {
        Ok((
            Team {
                id: row.get(0)?,
                slug: row.get(1)?,
                name: row.get(2)?,
            },
            row.get::<_, Option<String>>(3)?
                .as_deref()
                .and_then(TeamRole::parse),
        ))
    })?
    .collect()
}

pub fn role_of(
    conn: &Connection,
    team_id: i64,
    user_id: i64,
) -> rusqlite::Result<Option<TeamRole>> {
    conn.query_row(
        "SELECT role FROM team_members WHERE team_id = ?1 AND user_id = ?2",
        [team_id, user_id],
        |row| row.get::<_, String>(0),
    )
    .optional()
    .map(|role| role.and_then(|r| TeamRole::parse(&r)))
}

/// Adds a member or changes their role.
pub fn set_member(
    conn: &Connection,
    team_id: i64,
    user_id: i64,
    role: TeamRole,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO team_members (team_id, user_id, role) VALUES (?1, ?2, ?3)
         ON CONFLICT (team_id, user_id) DO UPDATE SET role = excluded.role",
        params![team_id, user_id, role.as_str()],
    )?;
    Ok(())
}

pub fn remove_member(conn: &Connection, team_id: i64, user_id: i64) -> rusqlite::Result<usize> {
    conn.execute(
        "DELETE FROM team_members WHERE team_id = ?1 AND user_id = ?2",
        [team_id, user_id],
    )
}

/// Member ids with their roles.
pub fn members(conn: &Connection, team_id: i64) -> rusqlite::Result<Vec<(i64, TeamRole)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT user_id, role FROM team_members WHERE team_id = ?1 ORDER BY user_id",
    )?;
    stmt.query_map([team_id], |row| {
        Ok((
            row.get(0)?,
            TeamRole::parse(&row.get::<_, String>(1)?).unwrap_or(TeamRole::Member),
        ))
    })?
    .collect()
}

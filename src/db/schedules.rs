//! Schedules and out-of-office periods.

use crate::db::{instant, json_column, to_json};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::availability::{Interval, Schedule};
use crate::model::schedules::StoredSchedule;

const COLUMNS: &str = "id, user_id, name, time_zone, weekly, date_overrides, holidays, is_default, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<StoredSchedule> {
    let zone: String = row.get(3)?;
    Ok(StoredSchedule {
        id: row.get(0)?,
        user_id: row.get(1)?,
        name: row.get(2)?,
        schedule: Schedule {
            time_zone: zone.parse().unwrap_or(chrono_tz::Tz::UTC),
            weekly: json_column(row, 4)?,
            date_overrides: json_column(row, 5)?,
            holidays: json_column(row, 6)?,
        },
        is_default: row.get(7)?,
        created_at: instant(row.get(8)?),
        updated_at: instant(row.get(9)?),
    })
}

/// Inserts a schedule; a default one replaces the user's previous default.
pub fn insert(
    conn: &Connection,
    user_id: i64,
    name: &str,
    schedule: &Schedule,
    is_default: bool,
    now: DateTime<Utc>,
) -> rusqlite::Result<i64> {
    if is_default {
        conn.execute(
            "UPDATE schedules SET is_default = 0 WHERE user_id = ?1",
            [user_id],
        )?;
    }
    conn.execute(
        "INSERT INTO schedules (user_id, name, time_zone, weekly, date_overrides, holidays, is_default, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![
            user_id,
            name,
            schedule.time_zone.name(),
            to_json(&schedule.weekly)?,
            to_json(&schedule.date_overrides)?,
            to_json(&schedule.holidays)?,
            is_default,
            now.timestamp()
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn update(
    conn: &Connection,
    id: i64,
    name: &str,
    schedule: &Schedule,
    is_default: bool,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    if is_default {
        conn.execute(
            "UPDATE schedules SET is_default = 0 WHERE user_id = (SELECT user_id FROM schedules WHERE id = ?1)",
            [id],
        )?;
    }
    conn.execute(
        "UPDATE schedules SET name = ?2, time_zone = ?3, weekly = ?4, date_overrides = ?5, holidays = ?6,
         is_default = CASE WHEN ?7 THEN 1 ELSE is_default END, updated_at = ?8 WHERE id = ?1",
        params![
            id,
            name,
            schedule.time_zone.name(),
            to_json(&schedule.weekly)?,
            to_json(&schedule.date_overrides)?,
            to_json(&schedule.holidays)?,
            is_default,
            now.timestamp()
        ],
    )?;
    Ok(())
}

pub fn delete(conn: &Connection, id: i64) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM schedules WHERE id = ?1", [id])
}

pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<StoredSchedule>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM schedules WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()
}

pub fn list_for_user(conn: &Connection, user_id: i64) -> rusqlite::Result<Vec<StoredSchedule>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM schedules WHERE user_id = ?1 ORDER BY is_default DESC, id"
    ))?;
    stmt.query_map([user_id], from_row)?.collect()
}

pub fn default_for_user(
    conn: &Connection,
    user_id: i64,
) -> rusqlite::Result<Option<StoredSchedule>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM schedules WHERE user_id = ?1 AND is_default = 1"),
        [user_id],
        from_row,
    )
    .optional()
}

/// How many event types use a schedule.
pub fn usage(conn: &Connection, id: i64) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT count(*) FROM event_types WHERE schedule_id = ?1",
        [id],
        |row| row.get(0),
    )
}

/// An out-of-office period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutOfOffice {
    pub id: i64,
    pub user_id: i64,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub note: String,
}

pub fn insert_out_of_office(
    conn: &Connection,
    user_id: i64,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    note: &str,
    now: DateTime<Utc>,
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO out_of_office (user_id, start_at, end_at, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![user_id, start.timestamp(), end.timestamp(), note, now.timestamp()],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn list_out_of_office(conn: &Connection, user_id: i64) -> rusqlite::Result<Vec<OutOfOffice>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, user_id, start_at, end_at, note FROM out_of_office WHERE user_id = ?1 ORDER BY start_at",
    )?;
    stmt.query_map([user_id], |row| {
        Ok(OutOfOffice {
            id: row.get(0)?,
            user_id: row.get(1)?,
            start: instant(row.get(2)?),
            end: instant(row.get(3)?),
            note: row.get(4)?,
        })
    })?
    .collect()
}

/// Whose out-of-office period this is.
pub fn out_of_office_owner(conn: &Connection, id: i64) -> rusqlite::Result<Option<i64>> {
    conn.query_row(
        "SELECT user_id FROM out_of_office WHERE id = ?1",
        [id],
        |row| row.get(0),
    )
    .optional()
}

pub fn delete_out_of_office(conn: &Connection, user_id: i64, id: i64) -> rusqlite::Result<usize> {
    conn.execute(
        "DELETE FROM out_of_office WHERE id = ?1 AND user_id = ?2",
        [id, user_id],
    )
}

/// A user's out-of-office periods overlapping `[from, to)`.
pub fn out_of_office_between(
    conn: &Connection,
    user_id: i64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> rusqlite::Result<Vec<Interval<DateTime<Utc>>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT start_at, end_at FROM out_of_office WHERE user_id = ?1 AND end_at > ?2 AND start_at < ?3",
    )?;
    stmt.query_map(params![user_id, from.timestamp(), to.timestamp()], |row| {
        Ok(Interval::new(instant(row.get(0)?), instant(row.get(1)?)))
    })?
    .collect()
}

//! Workflows, their steps and the event types they are turned on for.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::db::instant;
use crate::model::workflow::{Action, Owner, Step, Trigger, Workflow};

const COLUMNS: &str = "id, owner_user_id, owner_team_id, name, trigger, offset_minutes, active, \
on_new_event_types, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Workflow> {
    let owner = match (row.get::<_, Option<i64>>(1)?, row.get::<_, Option<i64>>(2)?) {
        (Some(user), _) => Owner::User(user),
        (None, Some(team)) => Owner::Team(team),
        (None, None) => return Err(conversion(1, "a workflow without an owner")),
    };
    let trigger: String = row.get(4)?;
    Ok(Workflow {
        id: row.get(0)?,
        owner,
        name: row.get(3)?,
        trigger: Trigger::parse(&trigger)
            .ok_or_else(|| conversion(4, &format!("unknown trigger {trigger:?}")))?,
        offset_minutes: row.get(5)?,
        active: row.get(6)?,
        on_new_event_types: row.get(7)?,
        event_type_ids: Vec::new(),
        steps: Vec::new(),
        created_at: instant(row.get(8)?),
        updated_at: instant(row.get(9)?),
    })
}

fn conversion(column: usize, message: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        column,
        rusqlite::types::Type::Text,
        message.to_string().into(),
    )
}

fn step_from_row(row: &Row<'_>) -> rusqlite::Result<Step> {
    let action: String = row.get(2)?;
    Ok(Step {
        id: row.get(0)?,
        position: row.get(1)?,
        action: Action::parse(&action)
            .ok_or_else(|| conversion(2, &format!("unknown action {action:?}")))?,
        target: row.get(3)?,
        subject: row.get(4)?,
        body: row.get(5)?,
        secret_sealed: row.get(6)?,
    })
}

fn load_parts(conn: &Connection, workflow: &mut Workflow) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, position, action, target, subject, body, secret_sealed FROM workflow_steps
         WHERE workflow_id = ?1 ORDER BY position, id",
    )?;
    workflow.steps = stmt
        .query_map([workflow.id], step_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT event_type_id FROM workflow_event_types WHERE workflow_id = ?1 ORDER BY event_type_id",
    )?;
    workflow.event_type_ids = stmt
        .query_map([workflow.id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(())
}

fn owner_columns(owner: Owner) -> (Option<i64>, Option<i64>) {
    match owner {
        Owner::User(id) => (Some(id), None),
        Owner::Team(id) => (None, Some(id)),
    }
}

pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<Workflow>> {
    let found = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM workflows WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?;
    match found {
        Some(mut workflow) => {
            load_parts(conn, &mut workflow)?;
            Ok(Some(workflow))
        }
        None => Ok(None),
    }
}

fn collect(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> rusqlite::Result<Vec<Workflow>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut list: Vec<Workflow> = stmt
        .query_map(params, from_row)?
        .collect::<rusqlite::Result<_>>()?;
    for workflow in &mut list {
        load_parts(conn, workflow)?;
    }
    Ok(list)
}

/// The workflows of one owner, oldest first.
pub fn list_for_owner(conn: &Connection, owner: Owner) -> rusqlite::Result<Vec<Workflow>> {
    let (user, team) = owner_columns(owner);
    collect(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM workflows WHERE owner_user_id IS ?1 AND owner_team_id IS ?2 ORDER BY id"
        ),
        params![user, team],
    )
}

/// The active workflows turned on for an event type.
pub fn active_for_event_type(
    conn: &Connection,
    event_type_id: i64,
) -> rusqlite::Result<Vec<Workflow>> {
    collect(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM workflows WHERE active = 1 AND id IN
                 (SELECT workflow_id FROM workflow_event_types WHERE event_type_id = ?1)
             ORDER BY id"
        ),
        [event_type_id],
    )
}

/// Inserts a workflow (`id` = `None`) or replaces every field of one, with its steps and
/// event types. A step keeps its id (and so its pending jobs) when `steps[i].id` names
/// one of the workflow's steps. Returns the workflow's id.
pub fn save(
    conn: &Connection,
    id: Option<i64>,
    workflow: &Workflow,
    now: DateTime<Utc>,
) -> rusqlite::Result<i64> {
    let (user, team) = owner_columns(workflow.owner);
    let id = match id {
        None => {
            conn.execute(
                "INSERT INTO workflows (owner_user_id, owner_team_id, name, trigger, offset_minutes, active, on_new_event_types, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                params![
                    user,
                    team,
                    workflow.name,
                    workflow.trigger.as_str(),
                    workflow.offset_minutes,
                    workflow.active,
                    workflow.on_new_event_types,
                    now.timestamp()
                ],
            )?;
            conn.last_insert_rowid()
        }
        Some(id) => {
            conn.execute(
                "UPDATE workflows SET name = ?2, trigger = ?3, offset_minutes = ?4, active = ?5,
                     on_new_event_types = ?6, updated_at = ?7 WHERE id = ?1",
                params![
                    id,
                    workflow.name,
                    workflow.trigger.as_str(),
                    workflow.offset_minutes,
                    workflow.active,
                    workflow.on_new_event_types,
                    now.timestamp()
                ],
            )?;
            id
        }
    };
    let kept: Vec<i64> = workflow.steps.iter().map(|s| s.id).collect();
    let mut stmt = conn.prepare_cached("SELECT id FROM workflow_steps WHERE workflow_id = ?1")?;
    let existing: Vec<i64> = stmt
        .query_map([id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for step_id in existing.iter().filter(|s| !kept.contains(s)) {
        conn.execute("DELETE FROM workflow_steps WHERE id = ?1", [step_id])?;
    }
    let mut upsert = conn.prepare_cached(
        "INSERT INTO workflow_steps (id, workflow_id, position, action, target, subject, body, secret_sealed)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (id) DO UPDATE SET position = excluded.position, action = excluded.action,
             target = excluded.target, subject = excluded.subject, body = excluded.body,
             secret_sealed = excluded.secret_sealed",
    )?;
    for (position, step) in workflow.steps.iter().enumerate() {
        // A step of this workflow keeps its id; any other is added.
        let step_id = existing.contains(&step.id).then_some(step.id);
        upsert.execute(params![
            step_id,
            id,
            i64::try_from(position).unwrap_or(i64::MAX),
            step.action.as_str(),
            step.target,
            step.subject,
            step.body,
            step.secret_sealed
        ])?;
    }
    conn.execute(
        "DELETE FROM workflow_event_types WHERE workflow_id = ?1",
        [id],
    )?;
    for event_type_id in &workflow.event_type_ids {
        turn_on(conn, id, *event_type_id)?;
    }
    Ok(id)
}

/// Turns a workflow on for an event type (nothing when it already is).
pub fn turn_on(conn: &Connection, workflow_id: i64, event_type_id: i64) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO workflow_event_types (workflow_id, event_type_id) VALUES (?1, ?2)",
        [workflow_id, event_type_id],
    )?;
    Ok(())
}

pub fn set_active(
    conn: &Connection,
    id: i64,
    active: bool,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE workflows SET active = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, active, now.timestamp()],
    )?;
    Ok(())
}

pub fn delete(conn: &Connection, id: i64) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM workflows WHERE id = ?1", [id])
}

/// Records that an owner's default reminder was made; false when it already was.
pub fn mark_default_made(
    conn: &Connection,
    owner: Owner,
    now: DateTime<Utc>,
) -> rusqlite::Result<bool> {
    let (user, team) = owner_columns(owner);
    let added = conn.execute(
        "INSERT OR IGNORE INTO workflow_defaults (owner_user_id, owner_team_id, created_at) VALUES (?1, ?2, ?3)",
        params![user, team, now.timestamp()],
    )?;
    Ok(added == 1)
}

/// The event types of an owner, as (id, title), for choosing where a workflow applies.
pub fn event_types_of(conn: &Connection, owner: Owner) -> rusqlite::Result<Vec<(i64, String)>> {
    let (user, team) = owner_columns(owner);
    let mut stmt = conn.prepare_cached(
        "SELECT id, title FROM event_types WHERE owner_user_id IS ?1 AND owner_team_id IS ?2 ORDER BY id",
    )?;
    stmt.query_map(params![user, team], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect()
}

/// The question keys asked by an owner's event types (for checking template variables).
pub fn question_keys_of(conn: &Connection, owner: Owner) -> rusqlite::Result<Vec<String>> {
    let (user, team) = owner_columns(owner);
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT json_extract(q.value, '$.key') FROM event_types, json_each(event_types.questions) AS q
         WHERE owner_user_id IS ?1 AND owner_team_id IS ?2",
    )?;
    stmt.query_map(params![user, team], |row| row.get::<_, Option<String>>(0))?
        .filter_map(Result::transpose)
        .collect()
}

/// Removes the pending timed jobs of a booking (its reminders and follow-ups).
pub fn remove_timed_jobs(conn: &Connection, booking_id: i64) -> rusqlite::Result<usize> {
    conn.execute(
        "DELETE FROM jobs WHERE status = 'pending' AND dedupe_key >= ?1 AND dedupe_key < ?2",
        params![
            format!("workflow:booking:{booking_id}:"),
            format!("workflow:booking:{booking_id};")
        ],
    )
}

/// Removes a workflow's pending timed jobs (before it is planned again).
pub fn remove_timed_jobs_of_workflow(
    conn: &Connection,
    workflow_id: i64,
) -> rusqlite::Result<usize> {
    conn.execute(
        "DELETE FROM jobs WHERE kind = 'workflow' AND status = 'pending'
             AND dedupe_key LIKE 'workflow:booking:%'
             AND json_extract(payload, '$.workflowId') = ?1",
        [workflow_id],
    )
}

/// A booking's id, start and end.
pub type BookingTimes = (i64, DateTime<Utc>, DateTime<Utc>);

/// The accepted bookings of a workflow's event types that have not ended `lookback`
/// before `now`: those a timed step of the workflow may still be due for, as
/// (id, start, end).
pub fn bookings_to_plan(
    conn: &Connection,
    workflow_id: i64,
    now: DateTime<Utc>,
    lookback: chrono::Duration,
) -> rusqlite::Result<Vec<BookingTimes>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, start_at, end_at FROM bookings
         WHERE status = 'ACCEPTED' AND end_at > ?2
           AND event_type_id IN (SELECT event_type_id FROM workflow_event_types WHERE workflow_id = ?1)
         ORDER BY start_at",
    )?;
    stmt.query_map(params![workflow_id, (now - lookback).timestamp()], |row| {
        Ok((row.get(0)?, instant(row.get(1)?), instant(row.get(2)?)))
    })?
    .collect()
}

/// Stores the hash of an extra manage link of a booking.
pub fn insert_link(
    conn: &Connection,
    booking_id: i64,
    token_hash: &[u8],
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO booking_links (token_hash, booking_id, created_at) VALUES (?1, ?2, ?3)",
        params![token_hash, booking_id, now.timestamp()],
    )?;
    Ok(())
}

/// Whether `token_hash` is an extra manage link of the booking.
pub fn link_exists(
    conn: &Connection,
    booking_id: i64,
    token_hash: &[u8],
) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM booking_links WHERE token_hash = ?1 AND booking_id = ?2)",
        params![token_hash, booking_id],
        |row| row.get(0),
    )
}

//! Event types and their hosts.

use crate::db::{instant, json_column, to_json};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use crate::model::event_types::{
    EventHost, EventType, EventTypeInput, HostPriority, Limits, SchedulingKind, Window,
};

/// The rule fields of an event type, as kept in the `rules` column.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct StoredRules {
    durations_minutes: Vec<u32>,
    slot_interval_minutes: Option<u32>,
    minimum_notice_minutes: u32,
    before_buffer_minutes: u32,
    after_buffer_minutes: u32,
    booking_window: Window,
    booking_limits: Limits,
    duration_limits_minutes: Limits,
    seats_per_slot: Option<u32>,
    only_first_slot_per_day: bool,
    /// The booking pages' fixed language (kept with the rules; older rows have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    price: Option<crate::model::payment::Price>,
}

impl StoredRules {
    fn of(input: &EventTypeInput) -> Self {
        StoredRules {
            durations_minutes: input.durations_minutes.clone(),
            slot_interval_minutes: input.slot_interval_minutes,
            minimum_notice_minutes: input.minimum_notice_minutes,
            before_buffer_minutes: input.before_buffer_minutes,
            after_buffer_minutes: input.after_buffer_minutes,
            booking_window: input.booking_window,
            booking_limits: input.booking_limits,
            duration_limits_minutes: input.duration_limits_minutes,
            seats_per_slot: input.seats_per_slot,
            only_first_slot_per_day: input.only_first_slot_per_day,
            language: input.language.clone(),
            price: input.price.clone(),
        }
    }
}

const COLUMNS: &str = "id, owner_user_id, owner_team_id, slug, title, description, rules, locations, \
questions, scheduling_type, schedule_id, requires_confirmation, pending_blocks_slot, hidden, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<EventType> {
    let rules: StoredRules = json_column(row, 6)?;
    let kind: String = row.get(9)?;
    Ok(EventType {
        id: row.get(0)?,
        owner_user_id: row.get(1)?,
        input: EventTypeInput {
            team_id: row.get(2)?,
            slug: row.get(3)?,
            title: row.get(4)?,
            description: row.get(5)?,
            durations_minutes: rules.durations_minutes,
            slot_interval_minutes: rules.slot_interval_minutes,
            minimum_notice_minutes: rules.minimum_notice_minutes,
            before_buffer_minutes: rules.before_buffer_minutes,
            after_buffer_minutes: rules.after_buffer_minutes,
            booking_window: rules.booking_window,
            booking_limits: rules.booking_limits,
            duration_limits_minutes: rules.duration_limits_minutes,
            seats_per_slot: rules.seats_per_slot,
            only_first_slot_per_day: rules.only_first_slot_per_day,
            language: rules.language,
            price: rules.price,
            locations: json_column(row, 7)?,
            questions: json_column(row, 8)?,
            scheduling_type: SchedulingKind::from_db(&kind).unwrap_or(SchedulingKind::Individual),
            schedule_id: row.get(10)?,
            requires_confirmation: row.get(11)?,
            pending_blocks_slot: row.get(12)?,
            hidden: row.get(13)?,
            hosts: Vec::new(),
        },
        created_at: instant(row.get(14)?),
        updated_at: instant(row.get(15)?),
    })
}

fn load_hosts(conn: &Connection, event_type: &mut EventType) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT user_id, round_robin_group, priority, weight FROM event_type_hosts
         WHERE event_type_id = ?1 ORDER BY user_id",
    )?;
    event_type.input.hosts = stmt
        .query_map([event_type.id], |row| {
            Ok(EventHost {
                user_id: row.get(0)?,
                round_robin_group: row.get(1)?,
                priority: HostPriority::from_db(&row.get::<_, String>(2)?),
                weight: row.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(())
}

fn save_hosts(conn: &Connection, id: i64, hosts: &[EventHost]) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM event_type_hosts WHERE event_type_id = ?1",
        [id],
    )?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO event_type_hosts (event_type_id, user_id, round_robin_group, priority, weight)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for host in hosts {
        stmt.execute(params![
            id,
            host.user_id,
            host.round_robin_group,
            host.priority.as_db(),
            host.weight
        ])?;
    }
    Ok(())
}

/// Inserts a validated event type (`id` = `None`) owned by `owner_user_id` (personal) or its
/// team, or replaces every field of an existing one (its owner stays). Returns the id.
pub fn save(
    conn: &Connection,
    id: Option<i64>,
    owner_user_id: Option<i64>,
    input: &EventTypeInput,
    now: DateTime<Utc>,
) -> rusqlite::Result<i64> {
    let id: i64 = conn.query_row(
        "INSERT INTO event_types (id, owner_user_id, owner_team_id, slug, title, description, rules, locations,
            questions, scheduling_type, schedule_id, requires_confirmation, pending_blocks_slot, hidden,
            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)
         ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, title = excluded.title,
            description = excluded.description, rules = excluded.rules, locations = excluded.locations,
            questions = excluded.questions, scheduling_type = excluded.scheduling_type,
            schedule_id = excluded.schedule_id, requires_confirmation = excluded.requires_confirmation,
            pending_blocks_slot = excluded.pending_blocks_slot, hidden = excluded.hidden,
            updated_at = excluded.updated_at
         RETURNING id",
        params![
            id,
            owner_user_id,
            input.team_id,
            input.slug,
            input.title,
            input.description,
            to_json(&StoredRules::of(input))?,
            to_json(&input.locations)?,
            to_json(&input.questions)?,
            input.scheduling_type.as_db(),
            input.schedule_id,
            input.requires_confirmation,
            input.pending_blocks_slot,
            input.hidden,
            now.timestamp()
        ],
        |row| row.get(0),
    )?;
    save_hosts(conn, id, &input.hosts)?;
    Ok(id)
}

pub fn delete(conn: &Connection, id: i64) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM event_types WHERE id = ?1", [id])
}

/// Who owns event type `id`: the owning user's id, or the owning team's.
pub fn owners(conn: &Connection, id: i64) -> rusqlite::Result<Option<(Option<i64>, Option<i64>)>> {
    conn.query_row(
        "SELECT owner_user_id, owner_team_id FROM event_types WHERE id = ?1",
        [id],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
    .optional()
}

/// Removes `user_id` from the hosts of every event type that `team_id` owns.
pub fn remove_team_host(conn: &Connection, team_id: i64, user_id: i64) -> rusqlite::Result<usize> {
    conn.execute(
        "DELETE FROM event_type_hosts WHERE user_id = ?1
         AND event_type_id IN (SELECT id FROM event_types WHERE owner_team_id = ?2)",
        [user_id, team_id],
    )
}

pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<EventType>> {
    let found = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM event_types WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?;
    found
        .map(|mut event_type| load_hosts(conn, &mut event_type).map(|()| event_type))
        .transpose()
}

/// A user's personal event type by slug.
pub fn by_user_slug(
    conn: &Connection,
    user_id: i64,
    slug: &str,
) -> rusqlite::Result<Option<EventType>> {
    let found = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM event_types WHERE owner_user_id = ?1 AND slug = ?2"),
            params![user_id, slug],
            from_row,
        )
        .optional()?;
    found
        .map(|mut event_type| load_hosts(conn, &mut event_type).map(|()| event_type))
        .transpose()
}

/// Whether the owner (user or team) already has an event type with `slug`, other than `except`.
pub fn slug_taken(
    conn: &Connection,
    owner_user_id: Option<i64>,
    team_id: Option<i64>,
    slug: &str,
    except: Option<i64>,
) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM event_types WHERE slug = ?1
            AND ((?2 IS NOT NULL AND owner_user_id = ?2) OR (?3 IS NOT NULL AND owner_team_id = ?3))
            AND id != coalesce(?4, -1))",
        params![slug, owner_user_id, team_id, except],
        |row| row.get(0),
    )
}

/// The event types a query after `SELECT {COLUMNS} FROM event_types` selects, with hosts.
fn list_where(
    conn: &Connection,
    condition: &str,
    params: impl rusqlite::Params,
) -> rusqlite::Result<Vec<EventType>> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {COLUMNS} FROM event_types {condition}"))?;
    let mut list: Vec<EventType> = stmt
        .query_map(params, from_row)?
        .collect::<rusqlite::Result<_>>()?;
    for event_type in &mut list {
        load_hosts(conn, event_type)?;
    }
    Ok(list)
}

/// The event types a user manages: their own and those of teams they administer or belong to.
pub fn list_for_user(conn: &Connection, user_id: i64) -> rusqlite::Result<Vec<EventType>> {
    list_where(
        conn,
        "WHERE owner_user_id = ?1
            OR owner_team_id IN (SELECT team_id FROM team_members WHERE user_id = ?1)
         ORDER BY owner_team_id IS NOT NULL, id",
        [user_id],
    )
}

/// All of a team's event types, hidden ones included.
pub fn list_for_team(conn: &Connection, team_id: i64) -> rusqlite::Result<Vec<EventType>> {
    list_where(conn, "WHERE owner_team_id = ?1 ORDER BY id", [team_id])
}

/// A team's event type by slug.
pub fn by_team_slug(
    conn: &Connection,
    team_id: i64,
    slug: &str,
) -> rusqlite::Result<Option<EventType>> {
    let found = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM event_types WHERE owner_team_id = ?1 AND slug = ?2"),
            params![team_id, slug],
            from_row,
        )
        .optional()?;
    found
        .map(|mut event_type| load_hosts(conn, &mut event_type).map(|()| event_type))
        .transpose()
}

/// The event types a public page lists: a user's own (`user_id`) or a team's, not hidden.
pub fn list_public(
    conn: &Connection,
    user_id: Option<i64>,
    team_id: Option<i64>,
) -> rusqlite::Result<Vec<EventType>> {
    list_where(
        conn,
        "WHERE hidden = 0
            AND ((?1 IS NOT NULL AND owner_user_id = ?1) OR (?2 IS NOT NULL AND owner_team_id = ?2))
         ORDER BY id",
        params![user_id, team_id],
    )
}

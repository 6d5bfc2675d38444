//! Webhook subscriptions and their delivery log.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::db::{instant, json_column, to_json};
use crate::model::webhook::Trigger;

/// A subscription as stored; the secret stays sealed here.
#[derive(Debug, Clone, PartialEq)]
pub struct Webhook {
    pub id: i64,
    pub user_id: i64,
    /// Only this event type's bookings; `None`: every booking of the user's own event types.
    pub event_type_id: Option<i64>,
    pub url: String,
    pub triggers: Vec<Trigger>,
    pub secret_sealed: Vec<u8>,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The fields a subscription is written with.
pub struct WebhookRow<'a> {
    pub event_type_id: Option<i64>,
    pub url: &'a str,
    pub triggers: &'a [Trigger],
    pub secret_sealed: &'a [u8],
    pub active: bool,
}

const COLUMNS: &str =
    "id, user_id, event_type_id, url, triggers, secret_sealed, active, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Webhook> {
    Ok(Webhook {
        id: row.get(0)?,
        user_id: row.get(1)?,
        event_type_id: row.get(2)?,
        url: row.get(3)?,
        triggers: json_column(row, 4)?,
        secret_sealed: row.get(5)?,
        active: row.get(6)?,
        created_at: instant(row.get(7)?),
        updated_at: instant(row.get(8)?),
    })
}

pub fn insert(
    conn: &Connection,
    user_id: i64,
    webhook: &WebhookRow<'_>,
    now: DateTime<Utc>,
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO webhooks (user_id, event_type_id, url, triggers, secret_sealed, active, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![
            user_id,
            webhook.event_type_id,
            webhook.url,
            to_json(&webhook.triggers)?,
            webhook.secret_sealed,
            webhook.active,
            now.timestamp(),
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn update(
    conn: &Connection,
    id: i64,
    webhook: &WebhookRow<'_>,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE webhooks SET event_type_id = ?2, url = ?3, triggers = ?4, secret_sealed = ?5,
             active = ?6, updated_at = ?7
         WHERE id = ?1",
        params![
            id,
            webhook.event_type_id,
            webhook.url,
            to_json(&webhook.triggers)?,
            webhook.secret_sealed,
            webhook.active,
            now.timestamp(),
        ],
    )?;
    Ok(())
}

pub fn delete(conn: &Connection, id: i64) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM webhooks WHERE id = ?1", [id])
}

pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<Webhook>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM webhooks WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()
}

/// A user's subscriptions, oldest first.
pub fn list_for_user(conn: &Connection, user_id: i64) -> rusqlite::Result<Vec<Webhook>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM webhooks WHERE user_id = ?1 ORDER BY id"
    ))?;
    stmt.query_map([user_id], from_row)?.collect()
}

/// The active subscriptions that hear about bookings of `event_type_id`: the ones on that
/// event type, and the user-wide ones of the event type's owner.
pub fn active_for_event_type(
    conn: &Connection,
    event_type_id: i64,
) -> rusqlite::Result<Vec<Webhook>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM webhooks
         WHERE active = 1 AND (event_type_id = ?1 OR (event_type_id IS NULL AND user_id =
             (SELECT owner_user_id FROM event_types WHERE id = ?1)))
         ORDER BY id"
    ))?;
    stmt.query_map([event_type_id], from_row)?.collect()
}

/// One delivery attempt as logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub id: i64,
    pub webhook_id: i64,
    pub trigger: String,
    pub status_code: Option<u16>,
    pub error: Option<String>,
    pub duration_ms: i64,
    pub created_at: DateTime<Utc>,
}

/// How many log entries a subscription keeps; older ones are dropped as new ones come.
pub const DELIVERIES_KEPT: i64 = 100;

pub fn record_delivery(
    conn: &Connection,
    webhook_id: i64,
    trigger: &str,
    status_code: Option<u16>,
    error: Option<&str>,
    duration_ms: i64,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    let error: Option<String> = error.map(|e| e.chars().take(500).collect());
    conn.execute(
        "INSERT INTO webhook_deliveries (webhook_id, trigger, status_code, error, duration_ms, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![webhook_id, trigger, status_code, error, duration_ms, now.timestamp()],
    )?;
    conn.execute(
        "DELETE FROM webhook_deliveries WHERE webhook_id = ?1 AND id <= (
             SELECT id FROM webhook_deliveries WHERE webhook_id = ?1 ORDER BY id DESC LIMIT 1 OFFSET ?2)",
        params![webhook_id, DELIVERIES_KEPT],
    )?;
    Ok(())
}

/// The newest deliveries of a subscription first.
pub fn deliveries(
    conn: &Connection,
    webhook_id: i64,
    limit: u32,
) -> rusqlite::Result<Vec<Delivery>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, webhook_id, trigger, status_code, error, duration_ms, created_at
         FROM webhook_deliveries WHERE webhook_id = ?1 ORDER BY id DESC LIMIT ?2",
    )?;
    stmt.query_map(params![webhook_id, limit], |row| {
        Ok(Delivery {
            id: row.get(0)?,
            webhook_id: row.get(1)?,
            trigger: row.get(2)?,
            status_code: row.get(3)?,
            error: row.get(4)?,
            duration_ms: row.get(5)?,
            created_at: instant(row.get(6)?),
        })
    })?
    .collect()
}

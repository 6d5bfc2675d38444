//! Bookings' payments, the refunds asked for them, and the Stripe events taken in.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::db::instant;
pub use crate::model::payment::{Currency, Payment, PaymentMode, PaymentStatus, Price};

const COLUMNS: &str = "id, booking_id, mode, amount, currency, status, hold_until, checkout_session_id, \
checkout_url, payment_intent_id, setup_intent_id, customer_id, charged, refunded, refund_hours, \
late_refund_percent, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Payment> {
    let text = |at: usize| -> rusqlite::Result<String> { row.get(at) };
    let bad = |at: usize, what: String| {
        rusqlite::Error::FromSqlConversionFailure(
            at,
            rusqlite::types::Type::Text,
            format!("unknown {what}").into(),
        )
    };
    let mode = text(2)?;
    let currency = text(4)?;
    let status = text(5)?;
    Ok(Payment {
        id: row.get(0)?,
        booking_id: row.get(1)?,
        mode: PaymentMode::parse(&mode).ok_or_else(|| bad(2, mode))?,
        amount: row.get(3)?,
        currency: Currency::parse(&currency).ok_or_else(|| bad(4, currency))?,
        status: PaymentStatus::parse(&status).ok_or_else(|| bad(5, status))?,
        hold_until: instant(row.get(6)?),
        checkout_session_id: row.get(7)?,
        checkout_url: row.get(8)?,
        payment_intent_id: row.get(9)?,
        setup_intent_id: row.get(10)?,
        customer_id: row.get(11)?,
        charged: row.get(12)?,
        refunded: row.get(13)?,
        refund_hours: row.get(14)?,
        late_refund_percent: row.get(15)?,
        created_at: instant(row.get(16)?),
        updated_at: instant(row.get(17)?),
    })
}

/// Records that `booking_id` waits for its payment of `price` until `hold_until`.
pub fn insert(
    conn: &Connection,
    booking_id: i64,
    price: &Price,
    hold_until: DateTime<Utc>,
    now: DateTime<Utc>,
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO payments (booking_id, mode, amount, currency, status, hold_until, refund_hours,
            late_refund_percent, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, 'awaiting', ?5, ?6, ?7, ?8, ?8)",
        params![
            booking_id,
            price.mode.as_str(),
            price.amount,
            price.currency.code(),
            hold_until.timestamp(),
            price.refund_hours,
            price.late_refund_percent,
            now.timestamp(),
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<Payment>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM payments WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()
}

pub fn by_booking(conn: &Connection, booking_id: i64) -> rusqlite::Result<Option<Payment>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM payments WHERE booking_id = ?1"),
        [booking_id],
        from_row,
    )
    .optional()
}

pub fn by_checkout_session(conn: &Connection, session: &str) -> rusqlite::Result<Option<Payment>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM payments WHERE checkout_session_id = ?1"),
        [session],
        from_row,
    )
    .optional()
}

/// Keeps the Checkout Session made for a payment (and the customer it was made for).
pub fn set_checkout(
    conn: &Connection,
    id: i64,
    session_id: &str,
    url: &str,
    customer_id: Option<&str>,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE payments SET checkout_session_id = ?2, checkout_url = ?3,
             customer_id = coalesce(?4, customer_id), updated_at = ?5
         WHERE id = ?1",
        params![id, session_id, url, customer_id, now.timestamp()],
    )?;
    Ok(())
}

/// What a completed checkout (or a charged card) left: the new status, and what Stripe
/// took, by which payment or setup intent.
pub struct Completion<'a> {
    pub status: PaymentStatus,
    pub charged: i64,
    pub payment_intent_id: Option<&'a str>,
    pub setup_intent_id: Option<&'a str>,
}

pub fn complete(
    conn: &Connection,
    id: i64,
    completion: &Completion<'_>,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE payments SET status = ?2, charged = charged + ?3,
             payment_intent_id = coalesce(?4, payment_intent_id),
             setup_intent_id = coalesce(?5, setup_intent_id), updated_at = ?6
         WHERE id = ?1",
        params![
            id,
            completion.status.as_str(),
            completion.charged,
            completion.payment_intent_id,
            completion.setup_intent_id,
            now.timestamp()
        ],
    )?;
    Ok(())
}

pub fn set_status(
    conn: &Connection,
    id: i64,
    status: PaymentStatus,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE payments SET status = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, status.as_str(), now.timestamp()],
    )?;
    Ok(())
}

/// Moves a payment to the booking that replaced its own (a reschedule keeps it).
pub fn move_to_booking(
    conn: &Connection,
    from_booking: i64,
    to_booking: i64,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE payments SET booking_id = ?2, updated_at = ?3 WHERE booking_id = ?1",
        params![from_booking, to_booking, now.timestamp()],
    )?;
    Ok(())
}

/// A refund asked of Stripe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refund {
    pub id: i64,
    pub payment_id: i64,
    pub amount: i64,
    pub reason: String,
    pub status: String,
    pub refund_id: Option<String>,
    pub actor: String,
    pub created_at: DateTime<Utc>,
}

/// Records a refund to ask for. The payment's `refunded` grows at once, so that no two
/// refunds together can give back more than was charged; a refund Stripe refuses gives
/// it back ([`refund_failed`]).
pub fn add_refund(
    conn: &Connection,
    payment_id: i64,
    amount: i64,
    reason: &str,
    actor: &str,
    now: DateTime<Utc>,
) -> rusqlite::Result<i64> {
    conn.execute(
        "UPDATE payments SET refunded = refunded + ?2, updated_at = ?3 WHERE id = ?1",
        params![payment_id, amount, now.timestamp()],
    )?;
    conn.execute(
        "INSERT INTO payment_refunds (payment_id, amount, reason, status, actor, created_at, updated_at)
         VALUES (?1, ?2, ?3, 'pending', ?4, ?5, ?5)",
        params![payment_id, amount, reason, actor, now.timestamp()],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn refund(conn: &Connection, id: i64) -> rusqlite::Result<Option<Refund>> {
    conn.query_row(
        "SELECT id, payment_id, amount, reason, status, refund_id, actor, created_at
         FROM payment_refunds WHERE id = ?1",
        [id],
        refund_from_row,
    )
    .optional()
}

fn refund_from_row(row: &Row<'_>) -> rusqlite::Result<Refund> {
    Ok(Refund {
        id: row.get(0)?,
        payment_id: row.get(1)?,
        amount: row.get(2)?,
        reason: row.get(3)?,
        status: row.get(4)?,
        refund_id: row.get(5)?,
        actor: row.get(6)?,
        created_at: instant(row.get(7)?),
    })
}

pub fn refunds_of(conn: &Connection, payment_id: i64) -> rusqlite::Result<Vec<Refund>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, payment_id, amount, reason, status, refund_id, actor, created_at
         FROM payment_refunds WHERE payment_id = ?1 ORDER BY id",
    )?;
    stmt.query_map([payment_id], refund_from_row)?.collect()
}

pub fn refund_succeeded(
    conn: &Connection,
    id: i64,
    refund_id: &str,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE payment_refunds SET status = 'succeeded', refund_id = ?2, updated_at = ?3
         WHERE id = ?1 AND status = 'pending'",
        params![id, refund_id, now.timestamp()],
    )?;
    Ok(())
}

/// Stripe refused a refund for good: its amount counts as refundable again.
pub fn refund_failed(conn: &Connection, id: i64, now: DateTime<Utc>) -> rusqlite::Result<()> {
    let changed = conn.execute(
        "UPDATE payment_refunds SET status = 'failed', updated_at = ?2 WHERE id = ?1 AND status = 'pending'",
        params![id, now.timestamp()],
    )?;
    if changed > 0 {
        conn.execute(
            "UPDATE payments SET refunded = refunded - (SELECT amount FROM payment_refunds WHERE id = ?1),
                 updated_at = ?2
             WHERE id = (SELECT payment_id FROM payment_refunds WHERE id = ?1)",
            params![id, now.timestamp()],
        )?;
    }
    Ok(())
}

/// Takes in a Stripe event once: false when it was taken in before.
pub fn first_sight_of_event(
    conn: &Connection,
    id: &str,
    kind: &str,
    now: DateTime<Utc>,
) -> rusqlite::Result<bool> {
    let inserted = conn.execute(
        "INSERT OR IGNORE INTO stripe_events (id, type, received_at) VALUES (?1, ?2, ?3)",
        params![id, kind, now.timestamp()],
    )?;
    Ok(inserted == 1)
}

/// The sum charged and refunded, per currency, over every payment: what Stripe should
/// hold for this instance.
pub fn totals(conn: &Connection) -> rusqlite::Result<Vec<(String, i64, i64)>> {
    let mut stmt = conn.prepare(
        "SELECT currency, sum(charged),
                coalesce((SELECT sum(r.amount) FROM payment_refunds r JOIN payments q ON q.id = r.payment_id
                          WHERE q.currency = p.currency AND r.status = 'succeeded'), 0)
         FROM payments p GROUP BY currency ORDER BY currency",
    )?;
    stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect()
}

/// The setting holding the Stripe secret key, sealed with the instance key.
pub const SECRET_KEY: &str = "stripe_secret_key";
/// The setting holding the webhook signing secret (`whsec_…`), sealed.
pub const WEBHOOK_SECRET: &str = "stripe_webhook_secret";
/// The setting holding how many minutes a booking awaiting payment holds its slot.
pub const HOLD_MINUTES: &str = "payment_hold_minutes";
/// How long a new booking waits for its payment unless the administrator chose otherwise.
pub const DEFAULT_HOLD_MINUTES: u32 = 15;
/// The shortest and longest holds an administrator can choose.
pub const HOLD_RANGE: std::ops::RangeInclusive<u32> = 5..=1440;

/// How long a booking awaiting payment holds its slot; `None` while Stripe is not set up
/// (paid event types then take no bookings).
pub fn hold(conn: &Connection) -> rusqlite::Result<Option<chrono::Duration>> {
    let ready = crate::db::settings::get(conn, SECRET_KEY)?.is_some_and(|key| !key.is_empty());
    if !ready {
        return Ok(None);
    }
    Ok(Some(chrono::Duration::minutes(i64::from(hold_minutes(
        conn,
    )?))))
}

pub fn hold_minutes(conn: &Connection) -> rusqlite::Result<u32> {
    Ok(crate::db::settings::get(conn, HOLD_MINUTES)?
        .and_then(|value| value.parse().ok())
        .filter(|minutes| HOLD_RANGE.contains(minutes))
        .unwrap_or(DEFAULT_HOLD_MINUTES))
}

//! Bookings, who hosts them, and the record of their state changes.

use crate::db::{instant, json_column, to_json};
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde_json::Value;

use crate::availability::{ExistingBooking, HostId};
pub use crate::model::booking::{
    Booking, BookingEvent, BookingScope, BookingStatus, RecordedEvent,
};
use crate::model::event_types::Location;

/// What a new booking row holds.
pub struct NewBooking<'a> {
    pub uid: &'a str,
    pub event_type_id: i64,
    pub title: &'a str,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub status: BookingStatus,
    pub before_buffer_minutes: u32,
    pub after_buffer_minutes: u32,
    pub attendee_name: &'a str,
    pub attendee_email: &'a str,
    pub attendee_time_zone: &'a str,
    pub locale: Option<&'a str>,
    pub answers: &'a BTreeMap<String, Value>,
    pub guests: &'a [String],
    pub location: Option<&'a Location>,
    pub rescheduled_from_id: Option<i64>,
    pub reschedule_reason: Option<&'a str>,
    pub idempotency_key: Option<&'a str>,
    pub request_hash: &'a str,
    pub manage_token_hash: &'a [u8],
    pub hosts: &'a [i64],
}

const COLUMNS: &str = "id, uid, event_type_id, title, start_at, end_at, status, before_buffer_minutes, \
after_buffer_minutes, attendee_name, attendee_email, attendee_time_zone, answers, guests, location, \
cancel_reason, reschedule_reason, rejection_reason, rescheduled_from_id, rescheduled_to_id, request_hash, \
manage_token_hash, created_at, updated_at, locale";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Booking> {
    let status: String = row.get(6)?;
    Ok(Booking {
        id: row.get(0)?,
        uid: row.get(1)?,
        event_type_id: row.get(2)?,
        title: row.get(3)?,
        start: instant(row.get(4)?),
        end: instant(row.get(5)?),
        status: BookingStatus::parse(&status).unwrap_or(BookingStatus::Cancelled),
        before_buffer_minutes: row.get(7)?,
        after_buffer_minutes: row.get(8)?,
        attendee_name: row.get(9)?,
        attendee_email: row.get(10)?,
        attendee_time_zone: row.get(11)?,
        locale: row.get(24)?,
        answers: json_column(row, 12)?,
        guests: json_column(row, 13)?,
        location: json_column(row, 14)?,
        cancel_reason: row.get(15)?,
        reschedule_reason: row.get(16)?,
        rejection_reason: row.get(17)?,
        rescheduled_from_id: row.get(18)?,
        rescheduled_to_id: row.get(19)?,
        request_hash: row.get(20)?,
        manage_token_hash: row.get(21)?,
        hosts: Vec::new(),
        created_at: instant(row.get(22)?),
        updated_at: instant(row.get(23)?),
    })
}

fn with_hosts(conn: &Connection, mut booking: Booking) -> rusqlite::Result<Booking> {
    let mut stmt = conn.prepare_cached(
        "SELECT user_id FROM booking_hosts WHERE booking_id = ?1 ORDER BY user_id",
    )?;
    booking.hosts = stmt
        .query_map([booking.id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(booking)
}

/// Replaces a booking's location (a video meeting's link once the vendor made it).
pub fn set_location(
    conn: &Connection,
    booking_id: i64,
    location: &Location,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE bookings SET location = ?2 WHERE id = ?1",
        params![booking_id, to_json(&Some(location))?],
    )?;
    Ok(())
}

pub fn insert(
    conn: &Connection,
    booking: &NewBooking<'_>,
    now: DateTime<Utc>,
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO bookings (uid, event_type_id, title, start_at, end_at, status, before_buffer_minutes,
            after_buffer_minutes, attendee_name, attendee_email, attendee_time_zone, answers, guests, location,
            rescheduled_from_id, reschedule_reason, idempotency_key, request_hash, manage_token_hash, created_at, updated_at,
            locale)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?20, ?21)",
        params![
            booking.uid,
            booking.event_type_id,
            booking.title,
            booking.start.timestamp(),
            booking.end.timestamp(),
            booking.status.as_str(),
            booking.before_buffer_minutes,
            booking.after_buffer_minutes,
            booking.attendee_name,
            booking.attendee_email,
            booking.attendee_time_zone,
            to_json(booking.answers)?,
            to_json(&booking.guests)?,
            to_json(&booking.location)?,
            booking.rescheduled_from_id,
            booking.reschedule_reason,
            booking.idempotency_key,
            booking.request_hash,
            booking.manage_token_hash,
            now.timestamp(),
            booking.locale,
        ],
    )?;
    let id = conn.last_insert_rowid();
    let mut stmt =
        conn.prepare_cached("INSERT INTO booking_hosts (booking_id, user_id) VALUES (?1, ?2)")?;
    for host in booking.hosts {
        stmt.execute([id, *host])?;
    }
    Ok(id)
}

/// Records why round robin chose `user_id` for a booking (a key of
/// `availability::round_robin::RoundRobinReason`, or `kept`).
pub fn set_chosen_because(
    conn: &Connection,
    booking_id: i64,
    user_id: i64,
    reason: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE booking_hosts SET chosen_because = ?3 WHERE booking_id = ?1 AND user_id = ?2",
        rusqlite::params![booking_id, user_id, reason],
    )?;
    Ok(())
}

/// The hosts round robin chose for a booking, with why.
pub fn chosen_because(conn: &Connection, booking_id: i64) -> rusqlite::Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT user_id, chosen_because FROM booking_hosts
         WHERE booking_id = ?1 AND chosen_because IS NOT NULL ORDER BY user_id",
    )?;
    stmt.query_map([booking_id], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect()
}

pub fn by_uid(conn: &Connection, uid: &str) -> rusqlite::Result<Option<Booking>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM bookings WHERE uid = ?1"),
        [uid],
        from_row,
    )
    .optional()?
    .map(|booking| with_hosts(conn, booking))
    .transpose()
}

pub fn by_id(conn: &Connection, id: i64) -> rusqlite::Result<Option<Booking>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM bookings WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .map(|booking| with_hosts(conn, booking))
    .transpose()
}

pub fn by_idempotency_key(conn: &Connection, key: &str) -> rusqlite::Result<Option<Booking>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM bookings WHERE idempotency_key = ?1"),
        [key],
        from_row,
    )
    .optional()?
    .map(|booking| with_hosts(conn, booking))
    .transpose()
}

/// An active booking made by an identical earlier request.
pub fn active_by_request_hash(conn: &Connection, hash: &str) -> rusqlite::Result<Option<Booking>> {
    conn.query_row(
        &format!(
            "SELECT {COLUMNS} FROM bookings WHERE request_hash = ?1 AND status IN ('ACCEPTED', 'PENDING', 'AWAITING_PAYMENT')
             ORDER BY id LIMIT 1"
        ),
        [hash],
        from_row,
    )
    .optional()?
    .map(|booking| with_hosts(conn, booking))
    .transpose()
}

/// Changes a booking's status and records the reason in the matching column.
pub fn set_status(
    conn: &Connection,
    id: i64,
    status: BookingStatus,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    let sql = match status {
        BookingStatus::Cancelled => {
            "UPDATE bookings SET status = ?2, cancel_reason = ?3, updated_at = ?4 WHERE id = ?1"
        }
        BookingStatus::Rejected => {
            "UPDATE bookings SET status = ?2, rejection_reason = ?3, updated_at = ?4 WHERE id = ?1"
        }
        _ => "UPDATE bookings SET status = ?2, updated_at = ?4 WHERE id = ?1 AND ?3 IS ?3",
    };
    conn.execute(sql, params![id, status.as_str(), reason, now.timestamp()])?;
    Ok(())
}

pub fn link_rescheduled(conn: &Connection, old_id: i64, new_id: i64) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE bookings SET rescheduled_to_id = ?2 WHERE id = ?1",
        [old_id, new_id],
    )?;
    Ok(())
}

/// Records a state change of a booking: a row of the outbox.
pub fn record_event(
    conn: &Connection,
    booking_id: i64,
    event: BookingEvent,
    actor: &str,
    data: &Value,
    now: DateTime<Utc>,
) -> rusqlite::Result<RecordedEvent> {
    conn.execute(
        "INSERT INTO booking_events (booking_id, kind, actor, data, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![booking_id, event.as_str(), actor, to_json(data)?, now.timestamp()],
    )?;
    Ok(RecordedEvent {
        id: conn.last_insert_rowid(),
        booking_id,
        event,
        actor: actor.to_string(),
        data: data.clone(),
        created_at: now,
    })
}

/// One recorded state change, by id.
pub fn event_by_id(conn: &Connection, id: i64) -> rusqlite::Result<Option<RecordedEvent>> {
    conn.query_row(
        "SELECT id, booking_id, kind, actor, data, created_at FROM booking_events WHERE id = ?1",
        [id],
        |row| {
            let kind: String = row.get(2)?;
            Ok(RecordedEvent {
                id: row.get(0)?,
                booking_id: row.get(1)?,
                event: BookingEvent::parse(&kind).ok_or_else(|| unknown_event(&kind))?,
                actor: row.get(3)?,
                data: json_column(row, 4)?,
                created_at: instant(row.get(5)?),
            })
        },
    )
    .optional()
}

fn unknown_event(kind: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        2,
        rusqlite::types::Type::Text,
        format!("unknown booking event {kind:?}").into(),
    )
}

/// The kinds of recorded state changes of a booking, oldest first.
pub fn event_kinds(conn: &Connection, booking_id: i64) -> rusqlite::Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT kind FROM booking_events WHERE booking_id = ?1 ORDER BY id")?;
    stmt.query_map([booking_id], |row| row.get(0))?.collect()
}

/// How many state changes were recorded for a booking before the event `event_id`.
pub fn events_before(conn: &Connection, booking_id: i64, event_id: i64) -> rusqlite::Result<u32> {
    conn.query_row(
        "SELECT count(*) FROM booking_events WHERE booking_id = ?1 AND id < ?2",
        params![booking_id, event_id],
        |row| row.get(0),
    )
}

/// The booking and the ones it was rescheduled from, newest first.
pub fn reschedule_chain(conn: &Connection, booking: &Booking) -> rusqlite::Result<Vec<Booking>> {
    let mut chain = vec![booking.clone()];
    while let Some(from) = chain.last().and_then(|b| b.rescheduled_from_id) {
        // A chain is as long as the reschedules of one meeting; stop on a loop anyway.
        if chain.len() > 1000 || chain.iter().any(|b| b.id == from) {
            break;
        }
        match by_id(conn, from)? {
            Some(earlier) => chain.push(earlier),
            None => break,
        }
    }
    Ok(chain)
}

/// The newest booking of `booking`'s meeting: the one it was last rescheduled to, or
/// itself.
pub fn newest_of(conn: &Connection, booking: Booking) -> rusqlite::Result<Booking> {
    let mut newest = booking;
    for _ in 0..1000 {
        let Some(next) = newest.rescheduled_to_id else {
            break;
        };
        match by_id(conn, next)? {
            Some(later) if later.id != newest.id => newest = later,
            _ => break,
        }
    }
    Ok(newest)
}

/// A meeting as calendars know it: one UID for the whole reschedule chain (the first
/// booking's), and the revision (SEQUENCE) as of an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingIdentity {
    pub uid: String,
    pub sequence: u32,
}

/// The calendar identity of `booking`'s meeting as of event `event_id`: the invitations
/// and the event in each host's calendar carry it, so every copy is the same event.
pub fn meeting_identity(
    conn: &Connection,
    booking: &Booking,
    event_id: i64,
) -> rusqlite::Result<MeetingIdentity> {
    let chain = reschedule_chain(conn, booking)?;
    let first = chain
        .last()
        .map_or(booking.uid.as_str(), |b| b.uid.as_str());
    let mut sequence = 0u32;
    for booking in &chain {
        sequence += events_before(conn, booking.id, event_id)?;
    }
    Ok(MeetingIdentity {
        uid: format!("{first}{}", crate::model::booking::OWN_UID),
        sequence,
    })
}

/// How many bookings there are in each status, as stored.
pub fn count_by_status(conn: &Connection) -> rusqlite::Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare("SELECT status, count(*) FROM bookings GROUP BY status")?;
    stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect()
}

/// How many bookings were ever made: the recorded creations, requests and reschedules.
pub fn count_made(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT count(*) FROM booking_events WHERE kind IN ('created', 'requested', 'rescheduled')",
        [],
        |row| row.get(0),
    )
}

/// A host's bookings that block time in `[from, to)`: accepted ones, and pending ones whose
/// event type keeps the slot while waiting. Attendees of one seated meeting are one entry.
pub fn blocking_for_host(
    conn: &Connection,
    host_id: i64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    event_type_id: i64,
    except_booking: Option<i64>,
) -> rusqlite::Result<Vec<ExistingBooking>> {
    let mut stmt = conn.prepare_cached(
        "SELECT b.start_at, b.end_at, max(b.before_buffer_minutes), max(b.after_buffer_minutes),
                coalesce(b.event_type_id = ?4, 0), count(*)
         FROM booking_hosts h
         JOIN bookings b ON b.id = h.booking_id
         LEFT JOIN event_types e ON e.id = b.event_type_id
         WHERE h.user_id = ?1 AND b.end_at > ?2 AND b.start_at < ?3
           AND (b.status IN ('ACCEPTED', 'AWAITING_PAYMENT')
                OR (b.status = 'PENDING' AND coalesce(e.pending_blocks_slot, 1) = 1))
           AND b.id IS NOT ?5
         GROUP BY b.start_at, b.end_at, b.event_type_id",
    )?;
    stmt.query_map(
        params![
            host_id,
            from.timestamp(),
            to.timestamp(),
            event_type_id,
            except_booking
        ],
        |row| {
            Ok(ExistingBooking {
                host_id: HostId(host_id),
                start: instant(row.get(0)?),
                end: instant(row.get(1)?),
                before_buffer_minutes: row.get(2)?,
                after_buffer_minutes: row.get(3)?,
                same_event_type: row.get(4)?,
                seats_taken: row.get(5)?,
            })
        },
    )?
    .collect()
}

/// For round-robin: per host, the active bookings of an event type created in
/// `[from, to)` and when the host was last booked for it.
pub fn round_robin_history(
    conn: &Connection,
    event_type_id: i64,
    host_id: i64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> rusqlite::Result<(u32, Option<DateTime<Utc>>)> {
    conn.query_row(
        "SELECT coalesce(sum(b.created_at >= ?3 AND b.created_at < ?4), 0), max(b.created_at)
         FROM booking_hosts h JOIN bookings b ON b.id = h.booking_id
         WHERE h.user_id = ?2 AND b.event_type_id = ?1 AND b.status IN ('ACCEPTED', 'PENDING')",
        params![event_type_id, host_id, from.timestamp(), to.timestamp()],
        |row| Ok((row.get(0)?, row.get::<_, Option<i64>>(1)?.map(instant))),
    )
}

/// When the `n`-th newest new booking (not a rescheduled one) of an event type created
/// after `since` was made; `None` when fewer than `n` were.
pub fn nth_newest_for_event_type(
    conn: &Connection,
    event_type_id: i64,
    since: DateTime<Utc>,
    n: u32,
) -> rusqlite::Result<Option<DateTime<Utc>>> {
    conn.query_row(
        "SELECT created_at FROM bookings
         WHERE created_at > ?2 AND event_type_id = ?1 AND rescheduled_from_id IS NULL
         ORDER BY created_at DESC LIMIT 1 OFFSET ?3",
        params![event_type_id, since.timestamp(), n.saturating_sub(1)],
        |row| row.get::<_, i64>(0).map(instant),
    )
    .optional()
}

/// When the `n`-th newest new booking (not a rescheduled one) of a host created after
/// `since` was made, over all event types; `None` when fewer than `n` were.
pub fn nth_newest_for_host(
    conn: &Connection,
    host_id: i64,
    since: DateTime<Utc>,
    n: u32,
) -> rusqlite::Result<Option<DateTime<Utc>>> {
    conn.query_row(
        "SELECT b.created_at FROM bookings b JOIN booking_hosts h ON h.booking_id = b.id
         WHERE b.created_at > ?2 AND h.user_id = ?1 AND b.rescheduled_from_id IS NULL
         ORDER BY b.created_at DESC LIMIT 1 OFFSET ?3",
        params![host_id, since.timestamp(), n.saturating_sub(1)],
        |row| row.get::<_, i64>(0).map(instant),
    )
    .optional()
}

/// Filters for listing bookings.
#[derive(Debug, Clone, Default)]
pub struct BookingFilter {
    pub status: Option<BookingStatus>,
    pub after: Option<DateTime<Utc>>,
    pub before: Option<DateTime<Utc>>,
    pub skip: u32,
    pub take: u32,
}

/// The bookings in a scope, ordered by start time.
pub fn list_visible_to(
    conn: &Connection,
    scope: BookingScope,
    filter: &BookingFilter,
) -> rusqlite::Result<(Vec<Booking>, i64)> {
    // `?1` is NULL for a scope of every booking.
    const VISIBLE: &str =
        "(?1 IS NULL OR b.id IN (SELECT booking_id FROM booking_hosts WHERE user_id = ?1)
        OR b.event_type_id IN (SELECT id FROM event_types WHERE owner_user_id = ?1
            OR owner_team_id IN (SELECT team_id FROM team_members WHERE user_id = ?1)))
        AND (?2 IS NULL OR b.status = ?2)
        AND (?3 IS NULL OR b.start_at >= ?3)
        AND (?4 IS NULL OR b.start_at < ?4)";
    let user_id = match scope {
        BookingScope::All => None,
        BookingScope::VisibleTo(user_id) => Some(user_id),
    };
    let args = params![
        user_id,
        filter.status.map(BookingStatus::as_str),
        filter.after.map(|t| t.timestamp()),
        filter.before.map(|t| t.timestamp()),
        filter.take,
        filter.skip
    ];
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM bookings b WHERE {VISIBLE} AND ?5 IS ?5 AND ?6 IS ?6"),
        args,
        |row| row.get(0),
    )?;
    let columns = COLUMNS
        .split(", ")
        .map(|c| format!("b.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {columns} FROM bookings b WHERE {VISIBLE} ORDER BY b.start_at, b.id LIMIT ?5 OFFSET ?6"
    ))?;
    let rows: Vec<Booking> = stmt
        .query_map(args, from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let bookings = rows
        .into_iter()
        .map(|booking| with_hosts(conn, booking))
        .collect::<rusqlite::Result<_>>()?;
    Ok((bookings, total))
}

/// Whether a booking is in a member's scope: they host it, own its event type, or belong
/// to the team that owns it.
pub fn visible_to(conn: &Connection, booking_id: i64, user_id: i64) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM bookings b WHERE b.id = ?1 AND
            (b.id IN (SELECT booking_id FROM booking_hosts WHERE user_id = ?2)
             OR b.event_type_id IN (SELECT id FROM event_types WHERE owner_user_id = ?2
                OR owner_team_id IN (SELECT team_id FROM team_members WHERE user_id = ?2))))",
        [booking_id, user_id],
        |row| row.get(0),
    )
}

/// Active attendees (seats) at one meeting of an event type.
pub fn count_at(
    conn: &Connection,
    event_type_id: i64,
    start: DateTime<Utc>,
) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT count(*) FROM bookings WHERE event_type_id = ?1 AND start_at = ?2 AND status IN ('ACCEPTED', 'PENDING', 'AWAITING_PAYMENT')",
        params![event_type_id, start.timestamp()],
        |row| row.get(0),
    )
}

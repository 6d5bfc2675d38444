//! Booking emails to the attendee, with a calendar invitation, sent over SMTP.
//!
//! Minimum necessary: a message carries the time, the place and the event's title, never
//! the answers or notes the attendee entered.

use std::time::Duration as StdDuration;

use chrono_tz::Tz;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use rusqlite::Connection;

use crate::db::bookings::{self, Booking, BookingEvent};
use crate::db::users;
use crate::notify::ics::{self, CalendarEvent, Method};
use crate::notify::smtp::{Security, SmtpSettings};
use crate::scheduling::schedules::parse_zone;

/// How long one SMTP conversation may take.
const SMTP_TIMEOUT: StdDuration = StdDuration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum EmailError {
    /// What the mail server said, verbatim, for the admin.
    #[error("the mail server refused or could not be reached: {0}")]
    Smtp(String),
    #[error("the message cannot be built: {0}")]
    Message(String),
}

/// A booking email ready to send.
#[derive(Debug, Clone)]
pub struct BookingEmail {
    pub to_name: String,
    pub to_address: String,
    pub subject: String,
    pub text: String,
    pub calendar: String,
    pub method: Method,
}

/// What the attendee is told about a booking event, or `None` when this event sends
/// them nothing (a request waiting for the host).
pub fn for_event(
    conn: &Connection,
    event: &BookingEvent,
) -> rusqlite::Result<Option<BookingEmail>> {
    let (method, headline, verb) = match event.kind.as_str() {
        "created" | "confirmed" => (Method::Request, "Confirmed", "is confirmed"),
        "rescheduled" => (Method::Request, "Updated", "has moved to a new time"),
        "cancelled" => (Method::Cancel, "Cancelled", "was cancelled"),
        "rejected" => (Method::Cancel, "Declined", "was declined"),
        _ => return Ok(None),
    };
    let Some(booking) = bookings::by_id(conn, event.booking_id)? else {
        return Ok(None);
    };
    let chain = reschedule_chain(conn, &booking)?;
    let first_uid = chain
        .last()
        .map_or(booking.uid.as_str(), |b| b.uid.as_str());
    let uid = format!("{first_uid}@kairos");
    let sequence = sequence_of(conn, &chain, event.id)?;
    let host = match booking.hosts.first() {
        Some(id) => users::by_id(conn, *id)?,
        None => None,
    };
    let zone = parse_zone(&booking.attendee_time_zone).unwrap_or(Tz::UTC);
    let when = crate::web::format::when(booking.start, booking.end, zone, false);
    let location = booking
        .location
        .as_ref()
        .map(crate::scheduling::event_types::Location::describe);
    let host_name = host.as_ref().map_or("your host", |h| h.name.as_str());

    let mut text = format!(
        "Hello {},\n\nYour booking \"{}\" with {host_name} {verb}.\n\nWhen: {when} ({zone})\n",
        booking.attendee_name, booking.title,
    );
    if let Some(location) = &location {
        text.push_str(&format!("Where: {location}\n"));
    }
    let status = if method == Method::Cancel {
        "CANCELLED"
    } else {
        "CONFIRMED"
    };
    let calendar = ics::render(&CalendarEvent {
        method,
        sequence,
        uid: &uid,
        title: &format!("{} with {host_name}", booking.title),
        description: "",
        location: location.as_deref(),
        url: None,
        start: booking.start,
        end: booking.end,
        stamp: event.created_at,
        status,
        organizer: host.as_ref().map(|h| (h.name.as_str(), h.email.as_str())),
        attendees: vec![(
            booking.attendee_name.as_str(),
            booking.attendee_email.as_str(),
        )],
    });
    Ok(Some(BookingEmail {
        to_name: booking.attendee_name.clone(),
        to_address: booking.attendee_email.clone(),
        subject: format!("{headline}: {} on {when}", booking.title),
        text,
        calendar,
        method,
    }))
}

/// The booking and the ones it was rescheduled from, newest first.
fn reschedule_chain(conn: &Connection, booking: &Booking) -> rusqlite::Result<Vec<Booking>> {
    let mut chain = vec![booking.clone()];
    while let Some(from) = chain.last().and_then(|b| b.rescheduled_from_id) {
        // A chain is as long as the reschedules of one meeting; stop on a loop anyway.
        if chain.len() > 1000 || chain.iter().any(|b| b.id == from) {
            break;
        }
        match bookings::by_id(conn, from)? {
            Some(earlier) => chain.push(earlier),
            None => break,
        }
    }
    Ok(chain)
}

/// How many earlier changes the meeting had: the invitation's SEQUENCE.
fn sequence_of(conn: &Connection, chain: &[Booking], event_id: i64) -> rusqlite::Result<u32> {
    let mut count = 0u32;
    for booking in chain {
        count += conn.query_row(
            "SELECT count(*) FROM booking_events WHERE booking_id = ?1 AND id < ?2",
            rusqlite::params![booking.id, event_id],
            |row| row.get::<_, u32>(0),
        )?;
    }
    Ok(count)
}

fn mailbox(name: &str, address: &str) -> Result<Mailbox, EmailError> {
    let address = address
        .trim()
        .parse()
        .map_err(|_| EmailError::Message("an address is not valid".into()))?;
    let name = name.trim();
    Ok(Mailbox::new(
        (!name.is_empty()).then(|| name.to_string()),
        address,
    ))
}

/// Sends one booking email through the configured mail server.
pub async fn send(smtp: &SmtpSettings, email: &BookingEmail) -> Result<(), EmailError> {
    let content_type = ContentType::parse(&format!(
        "text/calendar; method={}; charset=utf-8",
        email.method.as_str()
    ))
    .map_err(|err| EmailError::Message(err.to_string()))?;
    let message = Message::builder()
        .from(mailbox(&smtp.from_name, &smtp.from_address)?)
        .to(mailbox(&email.to_name, &email.to_address)?)
        .subject(email.subject.clone())
        .multipart(
            MultiPart::mixed()
                .singlepart(SinglePart::plain(email.text.clone()))
                .singlepart(
                    Attachment::new("invite.ics".into()).body(email.calendar.clone(), content_type),
                ),
        )
        .map_err(|err| EmailError::Message(err.to_string()))?;
    deliver(smtp, message).await
}

/// Sends a plain-text message to `to` ((name, address) pairs).
pub async fn send_text(
    smtp: &SmtpSettings,
    to: &[(String, String)],
    subject: &str,
    text: &str,
) -> Result<(), EmailError> {
    let mut builder = Message::builder()
        .from(mailbox(&smtp.from_name, &smtp.from_address)?)
        .subject(subject);
    for (name, address) in to {
        builder = builder.to(mailbox(name, address)?);
    }
    let message = builder
        .singlepart(SinglePart::plain(text.to_string()))
        .map_err(|err| EmailError::Message(err.to_string()))?;
    deliver(smtp, message).await
}

/// Hands one message to the configured mail server.
async fn deliver(smtp: &SmtpSettings, message: Message) -> Result<(), EmailError> {
    let builder = match smtp.security {
        Security::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host),
        Security::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&smtp.host)
            .map_err(|err| EmailError::Smtp(err.to_string()))?,
        Security::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&smtp.host)
            .map_err(|err| EmailError::Smtp(err.to_string()))?,
    };
    let mut builder = builder.port(smtp.port).timeout(Some(SMTP_TIMEOUT));
    if let (Some(user), Some(password)) = (&smtp.username, &smtp.password) {
        builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
    }
    builder
        .build()
        .send(message)
        .await
        .map_err(|err| EmailError::Smtp(err.to_string()))?;
    Ok(())
}

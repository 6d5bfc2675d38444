//! The booking notifications: whom a booking event tells, and what each message says.
//!
//! The attendee (with their guests in copy) hears that a booking is confirmed, that a
//! request was received, accepted or declined, that it moved or was cancelled. Every host
//! hears of a new booking, a new request (with a link to accept or decline it), a move
//! and a cancellation. Confirmations and moves carry an invitation (`METHOD:REQUEST`),
//! cancellations and declines a `METHOD:CANCEL`, all with one UID per meeting and a
//! SEQUENCE raised on each change, so calendars update one event.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::db::bookings::{self, Booking, BookingEvent, BookingStatus, RecordedEvent};
use crate::db::users;
use crate::integrations::notify::email::{Audience, Email, Invite, Reading, Site, booking_frame};
use crate::integrations::notify::ics::{self, CalendarEvent, Method};
use crate::integrations::notify::invite;

/// Who one message of a booking event goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "to")]
pub enum Addressee {
    Attendee,
    Host { user_id: i64 },
}

impl Addressee {
    /// Distinguishes the messages of one event, for the job's dedupe key.
    pub fn key(self) -> String {
        match self {
            Addressee::Attendee => "attendee".into(),
            Addressee::Host { user_id } => format!("host:{user_id}"),
        }
    }
}

/// Everyone a booking event sends a message to.
pub fn addressees(event: &RecordedEvent, booking: &Booking) -> Vec<Addressee> {
    // The attendee hears of every change of their booking.
    let mut out = vec![Addressee::Attendee];
    if hosts_hear(event.event) {
        out.extend(
            booking
                .hosts
                .iter()
                .map(|id| Addressee::Host { user_id: *id }),
        );
    }
    out
}

/// Hosts hear of what others did: not of their own accepting or declining.
fn hosts_hear(event: BookingEvent) -> bool {
    !matches!(event, BookingEvent::Confirmed | BookingEvent::Rejected)
}

/// The message of booking event `event` to `addressee`, or `None` when it sends them none
/// (the booking or the host is gone, or the event is not one they hear of).
pub fn message(
    conn: &Connection,
    site: &Site,
    event: &RecordedEvent,
    addressee: Addressee,
) -> rusqlite::Result<Option<Email>> {
    let Some(booking) = bookings::by_id(conn, event.booking_id)? else {
        return Ok(None);
    };
    let (audience, for_host) = match addressee {
        Addressee::Attendee => (Audience::Attendee, false),
        Addressee::Host { user_id }
            if hosts_hear(event.event)
                && booking.hosts.contains(&user_id)
                && users::by_id(conn, user_id)?.is_some() =>
        {
            (Audience::Host(user_id), true)
        }
        _ => return Ok(None),
    };
    let mut framed = booking_frame(conn, site, &booking, &audience)?;
    let hosts = host_names(conn, &booking)?;
    let previous = match event.data.get("fromUid").and_then(|uid| uid.as_str()) {
        Some(uid) => bookings::by_uid(conn, uid)?,
        None => None,
    };
    let words = Words {
        booking: &booking,
        event,
        reading: framed.reading,
        hosts: &hosts,
        previous: previous.as_ref(),
        site,
    };
    let (subject, body) = if for_host {
        words.to_host()
    } else {
        words.to_attendee()
    };
    if for_host
        && booking.status == BookingStatus::Pending
        && let Some((label, _)) = &mut framed.frame.button
    {
        *label = "Accept or decline".into();
    }
    let mut email = framed.render(&subject, &body);
    email.invite = invitation(conn, event, &booking)?;
    Ok(Some(email))
}

fn host_names(conn: &Connection, booking: &Booking) -> rusqlite::Result<String> {
    let mut names = Vec::new();
    for id in &booking.hosts {
        if let Some(host) = users::by_id(conn, *id)? {
            names.push(host.name);
        }
    }
    Ok(if names.is_empty() {
        "your host".into()
    } else {
        names.join(", ")
    })
}

/// What the subject and body say, in the reader's zone and clock.
struct Words<'a> {
    booking: &'a Booking,
    event: &'a RecordedEvent,
    reading: Reading,
    hosts: &'a str,
    previous: Option<&'a Booking>,
    site: &'a Site,
}

impl Words<'_> {
    /// The time as the subject line says it: `Thursday 10 December, 10:00–10:30`.
    fn brief_when(&self) -> String {
        self.reading
            .brief_when(self.booking.start, self.booking.end)
    }

    fn previously(&self) -> String {
        self.previous
            .map(|old| {
                format!(
                    "\n\nPreviously: {}",
                    self.reading.when_with_zone(old.start, old.end)
                )
            })
            .unwrap_or_default()
    }

    /// A reason typed by a host is shared with the attendee; one typed by the attendee
    /// is their own words and stays in only when the instance allows answers in emails.
    fn reason(&self) -> String {
        let booking = self.booking;
        let (label, reason) = match self.event.event {
            BookingEvent::Cancelled => ("Reason", booking.cancel_reason.as_deref()),
            BookingEvent::Rejected => ("Reason", booking.rejection_reason.as_deref()),
            BookingEvent::Rescheduled => ("Reason", booking.reschedule_reason.as_deref()),
            _ => ("", None),
        };
        let by_host = self.event.actor.starts_with("user:");
        match reason {
            Some(reason) if by_host || !self.site.minimum_necessary => {
                format!("\n\n{label}: {reason}")
            }
            _ => String::new(),
        }
    }

    fn to_attendee(&self) -> (String, String) {
        let b = self.booking;
        let (title, hosts) = (&b.title, self.hosts);
        let hello = format!("Hello {},", b.attendee_name);
        let (headline, text) = match self.event.event {
            BookingEvent::Created => (
                "Confirmed",
                format!(
                    "Your booking of {title} with {hosts} is confirmed. The invitation is attached: add it to your calendar."
                ),
            ),
            BookingEvent::Requested => (
                "Request received",
                format!(
                    "Your request for {title} with {hosts} was received. It is not confirmed yet: you will get another email when {hosts} accepts or declines it."
                ),
            ),
            BookingEvent::Confirmed => (
                "Accepted",
                format!(
                    "{hosts} accepted your request: {title} is confirmed. The invitation is attached: add it to your calendar."
                ),
            ),
            BookingEvent::Rejected => (
                "Declined",
                format!(
                    "{hosts} declined your request for {title}.{}",
                    self.reason()
                ),
            ),
            BookingEvent::Rescheduled if b.status == BookingStatus::Pending => (
                "Rescheduled",
                format!(
                    "Your booking of {title} with {hosts} moved to a new time, which {hosts} still has to accept.{}{}",
                    self.previously(),
                    self.reason()
                ),
            ),
            BookingEvent::Rescheduled => (
                "Rescheduled",
                format!(
                    "Your booking of {title} with {hosts} moved to a new time. The updated invitation is attached.{}{}",
                    self.previously(),
                    self.reason()
                ),
            ),
            _ => (
                "Cancelled",
                format!(
                    "Your booking of {title} with {hosts} was cancelled.{}",
                    self.reason()
                ),
            ),
        };
        (
            format!("{headline}: {title}, {}", self.brief_when()),
            format!("{hello}\n\n{text}"),
        )
    }

    fn to_host(&self) -> (String, String) {
        let b = self.booking;
        let (title, attendee) = (&b.title, &b.attendee_name);
        let (headline, text) = match self.event.event {
            BookingEvent::Created => (
                "New booking",
                format!("{attendee} booked {title} with you."),
            ),
            BookingEvent::Requested => (
                "New request",
                format!(
                    "{attendee} asks to book {title} with you. It is not confirmed until you accept it: open the booking to accept or decline."
                ),
            ),
            BookingEvent::Rescheduled if b.status == BookingStatus::Pending => (
                "Rescheduled",
                format!(
                    "{attendee} moved {title} to a new time, which waits for you to accept or decline it.{}{}",
                    self.previously(),
                    self.reason()
                ),
            ),
            BookingEvent::Rescheduled => (
                "Rescheduled",
                format!(
                    "{title} with {attendee} moved to a new time.{}{}",
                    self.previously(),
                    self.reason()
                ),
            ),
            _ => (
                "Cancelled",
                format!("{title} with {attendee} was cancelled.{}", self.reason()),
            ),
        };
        (
            format!("{headline}: {title} with {attendee}, {}", self.brief_when()),
            text,
        )
    }
}

/// The invitation a booking event's messages carry: a request (or update) when the
/// meeting is on, a cancellation when it is off, nothing for a request not yet accepted.
fn invitation(
    conn: &Connection,
    event: &RecordedEvent,
    booking: &Booking,
) -> rusqlite::Result<Option<Invite>> {
    let (method, status) = match event.event {
        BookingEvent::Created | BookingEvent::Confirmed => (Method::Request, "CONFIRMED"),
        BookingEvent::Rescheduled if booking.status == BookingStatus::Pending => {
            (Method::Request, "TENTATIVE")
        }
        BookingEvent::Rescheduled => (Method::Request, "CONFIRMED"),
        BookingEvent::Cancelled | BookingEvent::Rejected => (Method::Cancel, "CANCELLED"),
        _ => return Ok(None),
    };
    let bookings::MeetingIdentity { uid, sequence } =
        bookings::meeting_identity(conn, booking, event.id)?;
    let mut hosts = Vec::new();
    for id in &booking.hosts {
        if let Some(host) = users::by_id(conn, *id)? {
            hosts.push(host);
        }
    }
    let organizer = hosts.first();
    let title = format!(
        "{} with {}",
        booking.title,
        organizer.map_or("your host", |h| h.name.as_str())
    );
    let (location, url) = invite::location_and_url(booking.location.as_ref());
    let calendar = ics::render(&CalendarEvent {
        method: Some(method),
        sequence,
        uid: &uid,
        title: &title,
        description: "",
        location: location.as_deref(),
        url: url.as_deref(),
        start: booking.start,
        end: booking.end,
        stamp: event.created_at,
        status,
        organizer: organizer.map(|h| (h.name.as_str(), h.email.as_str())),
        attendees: invite::participants(booking, &hosts),
    });
    Ok(Some(Invite { method, calendar }))
}

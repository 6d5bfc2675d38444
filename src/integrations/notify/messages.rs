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
use crate::present::Language;
use crate::t;

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
    match event.event {
        // A payment is told with the confirmation that follows it; a hold nobody paid for,
        // and a no-show, are not news to anyone.
        BookingEvent::PaymentInitiated
        | BookingEvent::Paid
        | BookingEvent::PaymentExpired
        | BookingEvent::NoShow => return Vec::new(),
        // Money given back is the invitee's.
        BookingEvent::Refunded => return vec![Addressee::Attendee],
        _ => {}
    }
    // The attendee hears of every other change of their booking.
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
    let lang = framed.reading.language();
    let hosts = host_names(conn, &booking, lang)?;
    let previous = match event.data.get("fromUid").and_then(|uid| uid.as_str()) {
        Some(uid) => bookings::by_uid(conn, uid)?,
        None => None,
    };
    let payment = crate::db::payments::by_booking(conn, booking.id)?;
    let words = Words {
        booking: &booking,
        event,
        reading: framed.reading,
        hosts: &hosts,
        previous: previous.as_ref(),
        site,
        payment: payment.as_ref(),
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
        *label = t!(lang, "email-accept-or-decline");
    }
    let mut email = framed.render(&subject, &body);
    email.invite = invitation(conn, event, &booking, lang)?;
    Ok(Some(email))
}

fn host_names(conn: &Connection, booking: &Booking, lang: Language) -> rusqlite::Result<String> {
    let mut names = Vec::new();
    for id in &booking.hosts {
        if let Some(host) = users::by_id(conn, *id)? {
            names.push(host.name);
        }
    }
    Ok(if names.is_empty() {
        t!(lang, "email-your-host")
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
    /// What the booking was paid (or the card kept for), if it is paid for.
    payment: Option<&'a crate::model::payment::Payment>,
}

impl Words<'_> {
    /// The time as the subject line says it: `Thursday 10 December, 10:00–10:30`.
    fn brief_when(&self) -> String {
        self.reading
            .brief_when(self.booking.start, self.booking.end)
    }

    fn lang(&self) -> Language {
        self.reading.language()
    }

    /// The amount a payment event names, in the reader's way of writing money.
    fn amount(&self) -> String {
        let data = &self.event.data;
        let currency = data["currency"]
            .as_str()
            .and_then(crate::model::payment::Currency::parse);
        match (data["amount"].as_i64(), currency) {
            (Some(amount), Some(currency)) => {
                crate::present::money::format(amount, currency, self.lang())
            }
            _ => String::new(),
        }
    }

    /// The payment line of a confirmation: what was paid, or the card kept.
    fn paid(&self) -> String {
        use crate::model::payment::PaymentStatus;
        let Some(payment) = self.payment else {
            return String::new();
        };
        let amount = crate::present::money::format(payment.amount, payment.currency, self.lang());
        let line = match payment.status {
            PaymentStatus::Paid => t!(self.lang(), "pay-email-paid", amount = amount),
            PaymentStatus::CardSaved => t!(self.lang(), "pay-email-card-kept", amount = amount),
            _ => return String::new(),
        };
        format!("\n\n{line}")
    }

    /// Why a payment was given back when it came after its hold ended.
    fn late_payment(&self) -> String {
        if self.event.data["reason"].as_str() == Some("late_payment") {
            format!("\n\n{}", t!(self.lang(), "pay-email-late-payment"))
        } else {
            String::new()
        }
    }

    fn previously(&self) -> String {
        self.previous
            .map(|old| {
                let when = self.reading.when_with_zone(old.start, old.end);
                format!("\n\n{}", t!(self.lang(), "email-previously", when = when))
            })
            .unwrap_or_default()
    }

    /// A reason typed by a host is shared with the attendee; one typed by the attendee
    /// is their own words and stays in only when the instance allows answers in emails.
    fn reason(&self) -> String {
        let booking = self.booking;
        let reason = match self.event.event {
            BookingEvent::Cancelled => booking.cancel_reason.as_deref(),
            BookingEvent::Rejected => booking.rejection_reason.as_deref(),
            BookingEvent::Rescheduled => booking.reschedule_reason.as_deref(),
            _ => None,
        };
        let by_host = self.event.actor.starts_with("user:");
        match reason {
            Some(reason) if by_host || !self.site.minimum_necessary => {
                format!("\n\n{}", t!(self.lang(), "email-reason", reason = reason))
            }
            _ => String::new(),
        }
    }

    fn to_attendee(&self) -> (String, String) {
        let b = self.booking;
        let lang = self.lang();
        let (title, hosts) = (b.title.as_str(), self.hosts);
        let hello = t!(lang, "email-hello", name = b.attendee_name.as_str());
        let (headline, text) = match self.event.event {
            BookingEvent::Created => (
                t!(lang, "email-confirmed"),
                t!(
                    lang,
                    "email-attendee-confirmed",
                    title = title,
                    hosts = hosts
                ) + &self.paid(),
            ),
            BookingEvent::Requested => (
                t!(lang, "email-request-received"),
                t!(
                    lang,
                    "email-attendee-requested",
                    title = title,
                    hosts = hosts
                ),
            ),
            BookingEvent::Confirmed => (
                t!(lang, "email-accepted"),
                t!(
                    lang,
                    "email-attendee-accepted",
                    title = title,
                    hosts = hosts
                ),
            ),
            BookingEvent::Rejected => (
                t!(lang, "email-declined"),
                t!(
                    lang,
                    "email-attendee-declined",
                    title = title,
                    hosts = hosts
                ) + &self.reason(),
            ),
            BookingEvent::Rescheduled if b.status == BookingStatus::Pending => (
                t!(lang, "email-rescheduled"),
                t!(
                    lang,
                    "email-attendee-moved-pending",
                    title = title,
                    hosts = hosts
                ) + &self.previously()
                    + &self.reason(),
            ),
            BookingEvent::Rescheduled => (
                t!(lang, "email-rescheduled"),
                t!(lang, "email-attendee-moved", title = title, hosts = hosts)
                    + &self.previously()
                    + &self.reason(),
            ),
            BookingEvent::Refunded => (
                t!(lang, "pay-email-refunded"),
                t!(
                    lang,
                    "pay-email-attendee-refunded",
                    title = title,
                    amount = self.amount().as_str()
                ) + &self.late_payment(),
            ),
            _ => (
                t!(lang, "email-cancelled"),
                t!(
                    lang,
                    "email-attendee-cancelled",
                    title = title,
                    hosts = hosts
                ) + &self.reason(),
            ),
        };
        (
            t!(
                lang,
                "email-subject",
                headline = headline,
                title = title,
                when = self.brief_when()
            ),
            format!("{hello}\n\n{text}"),
        )
    }

    fn to_host(&self) -> (String, String) {
        let b = self.booking;
        let lang = self.lang();
        let (title, attendee) = (b.title.as_str(), b.attendee_name.as_str());
        let (headline, text) = match self.event.event {
            BookingEvent::Created => (
                t!(lang, "email-new-booking"),
                t!(
                    lang,
                    "email-host-booked",
                    title = title,
                    attendee = attendee
                ),
            ),
            BookingEvent::Requested => (
                t!(lang, "email-new-request"),
                t!(
                    lang,
                    "email-host-requested",
                    title = title,
                    attendee = attendee
                ),
            ),
            BookingEvent::Rescheduled if b.status == BookingStatus::Pending => (
                t!(lang, "email-rescheduled"),
                t!(
                    lang,
                    "email-host-moved-pending",
                    title = title,
                    attendee = attendee
                ) + &self.previously()
                    + &self.reason(),
            ),
            BookingEvent::Rescheduled => (
                t!(lang, "email-rescheduled"),
                t!(lang, "email-host-moved", title = title, attendee = attendee)
                    + &self.previously()
                    + &self.reason(),
            ),
            _ => (
                t!(lang, "email-cancelled"),
                t!(
                    lang,
                    "email-host-cancelled",
                    title = title,
                    attendee = attendee
                ) + &self.reason(),
            ),
        };
        (
            t!(
                lang,
                "email-subject-host",
                headline = headline,
                title = title,
                attendee = attendee,
                when = self.brief_when()
            ),
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
    lang: Language,
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
    let host = organizer.map_or_else(|| t!(lang, "email-your-host"), |h| h.name.clone());
    let title = t!(
        lang,
        "meeting-with",
        title = booking.title.as_str(),
        host = host
    );
    let (location, url) = invite::location_and_url(booking.location.as_ref(), lang);
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

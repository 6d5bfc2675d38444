//! Bookings: their status, what happened to them, who sees which, and why a time cannot
//! be booked.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::availability::Unavailable;
use crate::crypto::{constant_time_eq, token_hash};
use crate::model::error::Reason;
use crate::model::event_types::Location;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum BookingStatus {
    Accepted,
    Pending,
    Cancelled,
    Rejected,
    /// Holding its slot while the invitee pays; confirmed by the payment.
    AwaitingPayment,
    /// The hold ended unpaid: the slot is free again.
    PaymentExpired,
}

impl BookingStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            BookingStatus::Accepted => "ACCEPTED",
            BookingStatus::Pending => "PENDING",
            BookingStatus::Cancelled => "CANCELLED",
            BookingStatus::Rejected => "REJECTED",
            BookingStatus::AwaitingPayment => "AWAITING_PAYMENT",
            BookingStatus::PaymentExpired => "PAYMENT_EXPIRED",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text.to_ascii_uppercase().as_str() {
            "ACCEPTED" => Some(BookingStatus::Accepted),
            "PENDING" => Some(BookingStatus::Pending),
            "CANCELLED" => Some(BookingStatus::Cancelled),
            "REJECTED" => Some(BookingStatus::Rejected),
            "AWAITING_PAYMENT" => Some(BookingStatus::AwaitingPayment),
            "PAYMENT_EXPIRED" => Some(BookingStatus::PaymentExpired),
            _ => None,
        }
    }

    /// Accepted or pending: the meeting is still on.
    pub fn is_active(self) -> bool {
        matches!(self, BookingStatus::Accepted | BookingStatus::Pending)
    }

    /// Its slot is taken: on, or held for a payment.
    pub fn holds_slot(self) -> bool {
        self.is_active() || self == BookingStatus::AwaitingPayment
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Booking {
    pub id: i64,
    pub uid: String,
    pub event_type_id: Option<i64>,
    pub title: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub status: BookingStatus,
    pub before_buffer_minutes: u32,
    pub after_buffer_minutes: u32,
    pub attendee_name: String,
    pub attendee_email: String,
    pub attendee_time_zone: String,
    /// The attendee's locale (a BCP 47 tag such as `en-US`), when known: messages to them
    /// follow its clock and date order.
    pub locale: Option<String>,
    pub answers: BTreeMap<String, Value>,
    pub guests: Vec<String>,
    pub location: Option<Location>,
    pub cancel_reason: Option<String>,
    pub reschedule_reason: Option<String>,
    pub rejection_reason: Option<String>,
    pub rescheduled_from_id: Option<i64>,
    pub rescheduled_to_id: Option<i64>,
    pub request_hash: String,
    pub manage_token_hash: Vec<u8>,
    pub hosts: Vec<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// How the UIDs of the calendar events Kairos writes for bookings end (in invitations and
/// in hosts' calendars): such events in a host's calendar are bookings, counted once.
pub const OWN_UID: &str = "@kairos";

/// A change in a booking's life. Each is recorded with the booking in the same
/// transaction (the outbox), and every integration learns of bookings from these alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BookingEvent {
    /// Booked and accepted at once.
    Created,
    /// Booked, waiting for a host to confirm.
    Requested,
    /// A host accepted a requested booking.
    Confirmed,
    /// A host declined a requested booking.
    Rejected,
    /// Moved to a new time: recorded on the new booking.
    Rescheduled,
    Cancelled,
    /// Booked on a paid event type: the slot is held while the invitee pays.
    PaymentInitiated,
    /// The payment arrived (or a card was kept for a no-show fee): recorded before the
    /// `Created` or `Requested` that follows it.
    Paid,
    /// The hold ended unpaid.
    PaymentExpired,
    /// Money went back to the invitee.
    Refunded,
    /// A host marked the invitee a no-show.
    NoShow,
}

impl BookingEvent {
    pub const ALL: [BookingEvent; 11] = [
        BookingEvent::Created,
        BookingEvent::Requested,
        BookingEvent::Confirmed,
        BookingEvent::Rejected,
        BookingEvent::Rescheduled,
        BookingEvent::Cancelled,
        BookingEvent::PaymentInitiated,
        BookingEvent::Paid,
        BookingEvent::PaymentExpired,
        BookingEvent::Refunded,
        BookingEvent::NoShow,
    ];

    /// The stored name: `created`, `rescheduled`, …
    pub fn as_str(self) -> &'static str {
        match self {
            BookingEvent::Created => "created",
            BookingEvent::Requested => "requested",
            BookingEvent::Confirmed => "confirmed",
            BookingEvent::Rejected => "rejected",
            BookingEvent::Rescheduled => "rescheduled",
            BookingEvent::Cancelled => "cancelled",
            BookingEvent::PaymentInitiated => "payment_initiated",
            BookingEvent::Paid => "paid",
            BookingEvent::PaymentExpired => "payment_expired",
            BookingEvent::Refunded => "refunded",
            BookingEvent::NoShow => "no_show",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|event| event.as_str() == text)
    }

    /// The booking is on (again) after this: created, confirmed or moved.
    pub fn books(self) -> bool {
        matches!(
            self,
            BookingEvent::Created | BookingEvent::Confirmed | BookingEvent::Rescheduled
        )
    }

    /// The booking is off after this: cancelled or declined. (A hold that expired never
    /// was on: nobody was told of it.)
    pub fn ends(self) -> bool {
        matches!(self, BookingEvent::Cancelled | BookingEvent::Rejected)
    }
}

impl std::fmt::Display for BookingEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One recorded state change of a booking: a row of the outbox.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordedEvent {
    pub id: i64,
    pub booking_id: i64,
    pub event: BookingEvent,
    /// Who caused it: `user:{id}`, `invitee`, …
    pub actor: String,
    pub data: Value,
    pub created_at: DateTime<Utc>,
}

/// Which bookings a person's booking lists show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookingScope {
    /// Owners and administrators: every booking.
    All,
    /// Bookings the user hosts, of their own event types, and of their teams' event types.
    VisibleTo(i64),
}

/// The secret a booking's manage token is derived from: derived itself from the
/// instance key, so messages sent later can carry the invitee's link while the database
/// keeps only the token's hash.
#[derive(Clone)]
pub struct ManageKey([u8; 32]);

impl ManageKey {
    pub fn new(key: &crate::crypto::InstanceKey) -> Self {
        Self(key.derive("booking manage token"))
    }
}

/// The invitee's manage token of booking `uid`: an HMAC of the uid, as long and as
/// unguessable as a random token.
pub fn manage_token(key: &ManageKey, uid: &str) -> String {
    crate::crypto::hmac_hex(&key.0, uid.as_bytes())
}

/// The manage token of `booking` when it is the one its invitee holds (bookings made
/// before tokens were derived hold a random one nobody can recompute).
pub fn current_manage_token(key: &ManageKey, booking: &Booking) -> Option<String> {
    let token = manage_token(key, &booking.uid);
    constant_time_eq(&token_hash(&token), &booking.manage_token_hash).then_some(token)
}

/// The path of the invitee's page of a booking: see, add to a calendar, reschedule, cancel.
pub fn manage_path(uid: &str, token: &str) -> String {
    format!("/booking/{uid}?token={token}")
}

/// Why a time cannot be booked, as a catalogue message (pages and API messages alike).
pub fn unavailable_reason(reason: &Unavailable) -> Reason {
    match reason {
        Unavailable::InvalidInput { error } => {
            reason!("unavailable-invalid-input", error = error.to_string())
        }
        Unavailable::InvalidDuration { minutes } => {
            reason!("unavailable-invalid-duration", minutes = *minutes)
        }
        Unavailable::InThePast => reason!("unavailable-in-the-past"),
        Unavailable::WithinMinimumNotice => reason!("unavailable-within-minimum-notice"),
        Unavailable::OutsideBookingWindow => reason!("unavailable-outside-booking-window"),
        Unavailable::OutsideWorkingHours => reason!("unavailable-outside-working-hours"),
        Unavailable::NotOnSlotGrid => reason!("unavailable-not-on-slot-grid"),
        Unavailable::OutOfOffice => reason!("unavailable-out-of-office"),
        Unavailable::Conflict => reason!("unavailable-conflict"),
        Unavailable::BookingLimitReached { period } => {
            reason!(
                "unavailable-booking-limit-reached",
                period = period.to_string()
            )
        }
        Unavailable::DurationLimitReached { period } => {
            reason!(
                "unavailable-duration-limit-reached",
                period = period.to_string()
            )
        }
        Unavailable::NoSeatsLeft => reason!("unavailable-no-seats-left"),
        Unavailable::NotFirstSlotOfDay => reason!("unavailable-not-first-slot-of-day"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_reads_back_from_its_stored_name() {
        for event in BookingEvent::ALL {
            assert_eq!(BookingEvent::parse(event.as_str()), Some(event));
        }
        assert_eq!(BookingEvent::parse("payed"), None);
    }
}

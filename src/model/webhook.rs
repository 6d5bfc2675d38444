//! Webhook subscriptions: what they listen for.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::model::booking::BookingEvent;

/// What a subscription listens for (Cal.com's names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Trigger {
    BookingCreated,
    BookingRequested,
    BookingRescheduled,
    BookingCancelled,
    BookingRejected,
    MeetingEnded,
    /// A booking of a paid event type waits for its payment.
    BookingPaymentInitiated,
    BookingPaid,
}

impl Trigger {
    pub const ALL: [Trigger; 8] = [
        Trigger::BookingCreated,
        Trigger::BookingRequested,
        Trigger::BookingRescheduled,
        Trigger::BookingCancelled,
        Trigger::BookingRejected,
        Trigger::MeetingEnded,
        Trigger::BookingPaymentInitiated,
        Trigger::BookingPaid,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Trigger::BookingCreated => "BOOKING_CREATED",
            Trigger::BookingRequested => "BOOKING_REQUESTED",
            Trigger::BookingRescheduled => "BOOKING_RESCHEDULED",
            Trigger::BookingCancelled => "BOOKING_CANCELLED",
            Trigger::BookingRejected => "BOOKING_REJECTED",
            Trigger::MeetingEnded => "MEETING_ENDED",
            Trigger::BookingPaymentInitiated => "BOOKING_PAYMENT_INITIATED",
            Trigger::BookingPaid => "BOOKING_PAID",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == text)
    }

    /// What people read in the dashboard.
    pub fn label(self) -> &'static str {
        match self {
            Trigger::BookingCreated => "Booking made or confirmed",
            Trigger::BookingRequested => "Booking requested (awaits confirmation)",
            Trigger::BookingRescheduled => "Booking rescheduled",
            Trigger::BookingCancelled => "Booking cancelled",
            Trigger::BookingRejected => "Request declined",
            Trigger::MeetingEnded => "Meeting ended",
            Trigger::BookingPaymentInitiated => "Payment started (the slot is held)",
            Trigger::BookingPaid => "Booking paid",
        }
    }

    /// The trigger a recorded booking event fires (a confirmed request is a new booking,
    /// as in Cal.com), if any.
    pub fn for_event(event: BookingEvent) -> Option<Self> {
        Some(match event {
            BookingEvent::Created | BookingEvent::Confirmed => Trigger::BookingCreated,
            BookingEvent::Requested => Trigger::BookingRequested,
            BookingEvent::Rescheduled => Trigger::BookingRescheduled,
            BookingEvent::Cancelled => Trigger::BookingCancelled,
            BookingEvent::Rejected => Trigger::BookingRejected,
            BookingEvent::PaymentInitiated => Trigger::BookingPaymentInitiated,
            BookingEvent::Paid => Trigger::BookingPaid,
            BookingEvent::PaymentExpired | BookingEvent::Refunded | BookingEvent::NoShow => {
                return None;
            }
        })
    }
}

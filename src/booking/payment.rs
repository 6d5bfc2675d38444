//! What payments do to bookings: a payment confirms a held booking, a hold that ends
//! unpaid frees the slot, a late payment confirms the booking only while its time is
//! still free, and a host marks a no-show. The payment provider's integration calls these
//! inside its own write transaction, with the payment's row.

use chrono::Duration;
use rusqlite::Transaction;
use serde_json::json;

use super::{BookingError, Settings, load_event_type, recheck, record_event};
use crate::access::BookingAction;
use crate::db::bookings::{self, Booking, BookingEvent, BookingStatus};
use crate::db::payments::{self, Completion, Payment, PaymentMode, PaymentStatus};
use crate::reason;

/// What a payment that arrived did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// The booking is confirmed (or now waits for a host, when the event type asks that).
    Confirmed,
    /// The payment came after the hold ended and the time was taken since: everything
    /// charged is to be refunded.
    TooLate,
    /// This payment was taken in before.
    AlreadyCounted,
}

/// Takes in a completed payment of `payment` (what Stripe charged, or the card it kept).
/// A booking still held, or one whose hold expired while its time is still free, is
/// confirmed: `Paid` is recorded, then `Created` (or `Requested`). Otherwise the booking
/// stays as it is and the caller refunds.
pub fn payment_arrived(
    tx: &Transaction<'_>,
    payment: &Payment,
    completion: &Completion<'_>,
    settings: &Settings,
) -> Result<Arrival, BookingError> {
    let now = settings.context.now;
    if !matches!(
        payment.status,
        PaymentStatus::Awaiting | PaymentStatus::Expired
    ) {
        return Ok(Arrival::AlreadyCounted);
    }
    let booking = bookings::by_id(tx, payment.booking_id)?.ok_or(BookingError::BookingNotFound)?;
    payments::complete(tx, payment.id, completion, now)?;
    let free = match booking.status {
        BookingStatus::AwaitingPayment => true,
        BookingStatus::PaymentExpired => still_free(tx, &booking, settings)?,
        _ => false,
    };
    if !free {
        return Ok(Arrival::TooLate);
    }
    let requires_confirmation = booking
        .event_type_id
        .map(|id| load_event_type(tx, id))
        .transpose()?
        .is_some_and(|event_type| event_type.input.requires_confirmation);
    let (status, event) = if requires_confirmation {
        (BookingStatus::Pending, BookingEvent::Requested)
    } else {
        (BookingStatus::Accepted, BookingEvent::Created)
    };
    bookings::set_status(tx, booking.id, status, None, now)?;
    let paid = json!({
        "uid": booking.uid,
        "paymentId": payment.id,
        "price": payment.amount,
        "currency": payment.currency,
        "charged": completion.charged,
    });
    record_event(
        tx,
        settings,
        booking.id,
        BookingEvent::Paid,
        "stripe",
        &paid,
    )?;
    record_event(
        tx,
        settings,
        booking.id,
        event,
        "invitee",
        &json!({ "uid": booking.uid }),
    )?;
    tracing::info!(booking_id = booking.id, "booking paid");
    Ok(Arrival::Confirmed)
}

/// Whether the time of a booking whose hold expired is still free (see
/// [`super::recheck`]), and has not begun.
fn still_free(
    tx: &Transaction<'_>,
    booking: &Booking,
    settings: &Settings,
) -> Result<bool, BookingError> {
    let Some(event_type_id) = booking.event_type_id else {
        return Ok(false);
    };
    if booking.start <= settings.context.now {
        return Ok(false);
    }
    let event_type = load_event_type(tx, event_type_id)?;
    match recheck(tx, &event_type, booking, settings.context) {
        Ok(_) => Ok(true),
        Err(BookingError::Taken(_)) => Ok(false),
        Err(other) => Err(other),
    }
}

/// Ends the hold of a booking still awaiting its payment once `hold_until` has passed:
/// the booking becomes `PAYMENT_EXPIRED` and its slot is free. Returns whether it did.
pub fn expire_hold(
    tx: &Transaction<'_>,
    payment_id: i64,
    settings: &Settings,
) -> Result<bool, BookingError> {
    end_hold(tx, payment_id, settings, PaymentStatus::Expired)
}

/// Ends the hold at once: the payment could not even be started (Stripe refused or did
/// not answer), so nobody can pay for it. The payment is `failed`.
pub fn abandon(
    tx: &Transaction<'_>,
    payment_id: i64,
    settings: &Settings,
) -> Result<bool, BookingError> {
    end_hold(tx, payment_id, settings, PaymentStatus::Failed)
}

/// Ends the hold of a payment still awaiting, leaving it `outcome`: when its time is up
/// (`Expired`), or at once (`Failed`). The booking becomes `PAYMENT_EXPIRED`.
fn end_hold(
    tx: &Transaction<'_>,
    payment_id: i64,
    settings: &Settings,
    outcome: PaymentStatus,
) -> Result<bool, BookingError> {
    let now = settings.context.now;
    let Some(payment) = payments::get(tx, payment_id)? else {
        return Ok(false);
    };
    let due = outcome == PaymentStatus::Failed || payment.hold_until <= now;
    if payment.status != PaymentStatus::Awaiting || !due {
        return Ok(false);
    }
    let booking = bookings::by_id(tx, payment.booking_id)?.ok_or(BookingError::BookingNotFound)?;
    payments::set_status(tx, payment.id, outcome, now)?;
    if booking.status != BookingStatus::AwaitingPayment {
        return Ok(false);
    }
    bookings::set_status(tx, booking.id, BookingStatus::PaymentExpired, None, now)?;
    record_event(
        tx,
        settings,
        booking.id,
        BookingEvent::PaymentExpired,
        "system",
        &json!({ "uid": booking.uid, "paymentId": payment.id }),
    )?;
    tracing::info!(booking_id = booking.id, "payment hold ended");
    Ok(true)
}

/// A host marks the invitee of a meeting that has started a no-show. With a card kept for
/// a no-show fee, recording `NoShow` has the payment integration charge it.
pub fn mark_no_show(
    tx: &Transaction<'_>,
    uid: &str,
    user_id: i64,
    settings: &Settings,
) -> Result<Booking, BookingError> {
    let now = settings.context.now;
    let booking = super::authorize(
        tx,
        uid,
        &super::Actor::User(user_id),
        BookingAction::Confirm,
    )?;
    if booking.status != BookingStatus::Accepted {
        return Err(BookingError::WrongState(reason!(
            "pay-error-no-show-confirmed-only"
        )));
    }
    if booking.start > now {
        return Err(BookingError::WrongState(reason!(
            "pay-error-no-show-not-started"
        )));
    }
    if bookings::event_kinds(tx, booking.id)?
        .iter()
        .any(|kind| kind == BookingEvent::NoShow.as_str())
    {
        return Err(BookingError::WrongState(reason!(
            "pay-error-no-show-marked"
        )));
    }
    record_event(
        tx,
        settings,
        booking.id,
        BookingEvent::NoShow,
        &format!("user:{user_id}"),
        &json!({ "uid": uid }),
    )?;
    Ok(booking)
}

/// Whether the payment of a booking can be charged a no-show fee now.
pub fn no_show_fee_due(payment: &Payment) -> bool {
    payment.mode == PaymentMode::NoShowFee && payment.status == PaymentStatus::CardSaved
}

/// How long after its hold a Checkout Session stays payable at Stripe: Stripe's shortest
/// session is 30 minutes, so a shorter hold is ended by expiring the session.
pub const CHECKOUT_MINIMUM: Duration = Duration::minutes(30);

//! What Kairos sends people about their bookings: the iCalendar file of a booking, and
//! the `notify` job each booking state change enqueues.

pub mod ics;
pub mod smtp;

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde_json::json;

use crate::app::AppState;
use crate::db::DbError;
use crate::db::bookings;
use crate::jobs::{Handlers, Job, JobFailure, NewJob, queue};

/// The job kind that tells people about one recorded booking event.
pub const NOTIFY_JOB: &str = "notify";

/// Enqueues the notification of booking event `event_id`, keyed by the event so it is
/// never enqueued twice. Call it in the transaction that recorded the event.
pub fn enqueue_for_event(
    conn: &Connection,
    event_id: i64,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    let payload = json!({ "bookingEventId": event_id });
    let key = format!("booking-event:{event_id}");
    queue::enqueue(
        conn,
        &NewJob::new(NOTIFY_JOB, &payload, now).dedupe_key(&key),
        now,
    )?;
    Ok(())
}

/// The handlers of every job kind the appliance runs.
pub fn job_handlers(state: &AppState) -> Handlers {
    let state = state.clone();
    Handlers::new().on(NOTIFY_JOB, move |job| notify(state.clone(), job))
}

/// Runs a `notify` job: finds the booking event it is about. No message channel (email,
/// SMS, webhooks) exists yet, so once the event is found there is nothing left to send.
async fn notify(state: AppState, job: Job) -> Result<(), JobFailure> {
    let event_id = job
        .payload
        .get("bookingEventId")
        .and_then(serde_json::Value::as_i64)
        .ok_or_else(|| JobFailure::new("the job names no booking event"))?;
    let event = state
        .db
        .read(move |conn| Ok::<_, DbError>(bookings::event_by_id(conn, event_id)?))
        .await
        .map_err(|err| JobFailure(err.to_string()))?;
    match event {
        Some(event) => {
            tracing::debug!(
                booking_event_id = event.id,
                kind = %event.kind,
                "booking event handled; no message channel is configured"
            );
            Ok(())
        }
        // The booking was deleted since: nobody is left to tell.
        None => Ok(()),
    }
}

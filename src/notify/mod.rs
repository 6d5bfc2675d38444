//! What Kairos sends people about their bookings: the iCalendar file of a booking, and
//! the `notify` job each booking state change enqueues.

pub mod email;
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

/// The handlers of every job kind the appliance runs: notifications, and the daily
/// audit retention run.
pub fn job_handlers(state: &AppState) -> Handlers {
    let (notify_state, retention_state) = (state.clone(), state.clone());
    Handlers::new()
        .on(NOTIFY_JOB, move |job| notify(notify_state.clone(), job))
        .on(crate::audit::RETENTION_JOB, move |_job| {
            let state = retention_state.clone();
            async move {
                let years = state.settings().audit_retention_years;
                crate::audit::run_retention(&state.db, &state.key, years, state.clock.now())
                    .await
                    .map(|_| ())
                    .map_err(JobFailure::from)
            }
        })
}

/// Runs a `notify` job: emails the attendee about the booking event when a mail server
/// is configured. A failure to send fails the attempt, so the job retries with backoff
/// and the message goes out once the server answers again.
async fn notify(state: AppState, job: Job) -> Result<(), JobFailure> {
    let event_id = job
        .payload
        .get("bookingEventId")
        .and_then(serde_json::Value::as_i64)
        .ok_or_else(|| JobFailure::new("the job names no booking event"))?;
    let key = state.key.clone();
    let prepared = state
        .db
        .read(move |conn| -> Result<_, JobFailure> {
            let Some(smtp) = smtp::load(conn, &key).map_err(|err| JobFailure(err.to_string()))?
            else {
                return Ok(None);
            };
            let db_error = |err: rusqlite::Error| JobFailure(DbError::from(err).to_string());
            // The booking was deleted since: nobody is left to tell.
            let Some(event) = bookings::event_by_id(conn, event_id).map_err(db_error)? else {
                return Ok(None);
            };
            let email = email::for_event(conn, &event).map_err(db_error)?;
            Ok(email.map(|email| (smtp, email)))
        })
        .await?;
    let Some((smtp, message)) = prepared else {
        return Ok(());
    };
    email::send(&smtp, &message)
        .await
        .map_err(|err| JobFailure(err.to_string()))?;
    tracing::info!(booking_event_id = event_id, "booking email sent");
    Ok(())
}

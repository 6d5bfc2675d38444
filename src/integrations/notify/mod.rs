//! What Kairos sends people about their bookings: the iCalendar file of a booking, the
//! emails, and the jobs that send them.
//!
//! Each booking state change enqueues one `notify` job in its own transaction. That job
//! turns into one `email` job per message (the attendee, each host), so a message that
//! fails is retried on its own and none is sent twice.

pub mod email;
pub mod ics;
pub mod invite;
pub mod messages;
pub mod sms;
pub mod smtp;

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde_json::json;

use crate::db::DbError;
use crate::db::bookings::{self, RecordedEvent};
use crate::integrations::Deps;
use crate::integrations::notify::messages::Addressee;
use crate::jobs::{Handlers, Job, JobFailure, Lane, NewJob, queue};

/// The job kind that tells people about one recorded booking event.
pub const NOTIFY_JOB: &str = "notify";
/// The job kind that sends one message of a booking event to one addressee.
pub const EMAIL_JOB: &str = "email";

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

/// Follows booking events with one `notify` job each.
pub struct Subscriber;

impl crate::db::outbox::Subscriber for Subscriber {
    fn name(&self) -> &'static str {
        "notify"
    }

    fn on_event(&self, conn: &Connection, event: &RecordedEvent) -> rusqlite::Result<()> {
        enqueue_for_event(conn, event.id, event.created_at)
    }
}

/// Adds the notification job kinds: one `notify` per booking event, one `email` per
/// message.
pub fn job_handlers(handlers: Handlers, deps: &Deps) -> Handlers {
    let (notify_deps, email_deps) = (deps.clone(), deps.clone());
    handlers
        .on(NOTIFY_JOB, move |job| notify(notify_deps.clone(), job))
        .on(EMAIL_JOB, move |job| send_email(email_deps.clone(), job))
}

fn event_id_of(job: &Job) -> Result<i64, JobFailure> {
    job.payload
        .get("bookingEventId")
        .and_then(serde_json::Value::as_i64)
        .ok_or_else(|| JobFailure::new("the job names no booking event"))
}

fn db_failure(err: rusqlite::Error) -> JobFailure {
    JobFailure::new(DbError::from(err).to_string())
}

/// Runs a `notify` job: when a mail server is configured, enqueues one `email` job per
/// message of the booking event, in one transaction.
async fn notify(deps: Deps, job: Job) -> Result<(), JobFailure> {
    let event_id = event_id_of(&job)?;
    let key = deps.key.clone();
    let now = deps.clock.now();
    deps.db
        .write(move |tx| -> Result<(), JobFailure> {
            if smtp::load(tx, &key)
                .map_err(|err| JobFailure::new(err.to_string()))?
                .is_none()
            {
                return Ok(());
            }
            // The booking was deleted since: nobody is left to tell.
            let Some(event) = bookings::event_by_id(tx, event_id).map_err(db_failure)? else {
                return Ok(());
            };
            let Some(booking) = bookings::by_id(tx, event.booking_id).map_err(db_failure)? else {
                return Ok(());
            };
            for addressee in messages::addressees(&event, &booking) {
                let mut payload = serde_json::to_value(addressee)
                    .map_err(|err| JobFailure::new(err.to_string()))?;
                payload["bookingEventId"] = json!(event_id);
                let dedupe = format!("booking-event:{event_id}:{}", addressee.key());
                queue::enqueue(
                    tx,
                    &NewJob::new(EMAIL_JOB, &payload, now)
                        .dedupe_key(&dedupe)
                        .lane(Lane::Email),
                    now,
                )
                .map_err(db_failure)?;
            }
            Ok(())
        })
        .await
}

/// Runs an `email` job: renders the message of the booking event for its addressee and
/// sends it. A failure to send fails the attempt, so the job retries with backoff and the
/// message goes out once the server answers again.
async fn send_email(deps: Deps, job: Job) -> Result<(), JobFailure> {
    let event_id = event_id_of(&job)?;
    let addressee: Addressee = serde_json::from_value(job.payload.clone())
        .map_err(|_| JobFailure::new("the job names no addressee"))?;
    let key = deps.key.clone();
    let site = deps.site();
    let now = deps.now();
    let prepared = deps
        .db
        .read(move |conn| -> Result<_, JobFailure> {
            let Some(smtp) =
                smtp::load(conn, &key).map_err(|err| JobFailure::new(err.to_string()))?
            else {
                return Ok(None);
            };
            let Some(event) = bookings::event_by_id(conn, event_id).map_err(db_failure)? else {
                return Ok(None);
            };
            let Some(booking) = bookings::by_id(conn, event.booking_id).map_err(db_failure)? else {
                return Ok(None);
            };
            crate::integrations::wait_for_meeting_link(&booking, now)?;
            let email = messages::message(conn, &site, &event, addressee).map_err(db_failure)?;
            Ok(email.map(|mut email| {
                // The booking, the kind of message, the recipient and the booking's change:
                // the same on every attempt, different for every message.
                let recipients = email::addresses(&email);
                email.message_id = Some(email::stable_message_id(
                    &key,
                    &smtp.from_address,
                    &[
                        "booking",
                        &booking.uid,
                        event.event.as_str(),
                        &event.id.to_string(),
                        &addressee.key(),
                        &recipients,
                    ],
                ));
                (smtp, email)
            }))
        })
        .await?;
    let Some((smtp, message)) = prepared else {
        return Ok(());
    };
    email::send(&smtp, &message, deps.admin_policy())
        .await
        .map_err(|err| JobFailure::new(email::without_addresses(&err.to_string(), &message)))?;
    tracing::info!(booking_event_id = event_id, "booking email sent");
    Ok(())
}

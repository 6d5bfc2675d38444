//! "Sync cancellations", an account option (off by default): a host who deletes a
//! booking's event in their own calendar cancels the booking, and the invitee is told.
//!
//! Each sync of such an account lists the calendars Kairos wrote to. An event found gone
//! is marked missing and a `calendar_cancel` job is planned [`GRACE`] later; if the event
//! is back by then (an accidental delete, undone), nothing happens. Otherwise the job
//! looks once more and cancels the booking as the host.

use std::collections::HashMap;

use chrono::Duration;
use serde_json::json;

use crate::audit;
use crate::booking::{self, Actor, BookingError};
use crate::db::DbError;
use crate::db::calendars::{self, Account};
use crate::db::{bookings, users};
use crate::integrations::Deps;
use crate::integrations::calendars::caldav;
use crate::integrations::calendars::sync::{self, SyncError};
use crate::jobs::{Job, JobFailure, Lane, NewJob, queue};
use crate::model::booking::OWN_UID;
use crate::outbound::Policy;

/// The job kind that cancels a booking whose event the host deleted.
pub const CANCEL_JOB: &str = "calendar_cancel";
/// How long a deleted event may come back before its booking is cancelled.
pub const GRACE: Duration = Duration::minutes(15);
/// The reason the invitee reads.
pub const REASON: &str = "The host removed this meeting from their calendar.";

/// Marks the events of `account` found gone from the host's calendars, plans their
/// cancellation, and clears the mark of those that are back.
pub async fn notice(
    deps: &Deps,
    account: &Account,
    remote: &caldav::Account,
    policy: Policy,
) -> Result<(), SyncError> {
    let account_id = account.id;
    let writes = deps
        .db
        .read(move |conn| calendars::live_writes(conn, account_id).map_err(DbError::from))
        .await?;
    let mut by_calendar: HashMap<String, Vec<calendars::Written>> = HashMap::new();
    for (written, calendar) in writes {
        by_calendar.entry(calendar).or_default().push(written);
    }
    let mut gone = Vec::new();
    let mut back = Vec::new();
    for (calendar, writes) in by_calendar {
        let present = caldav::hrefs(remote, &calendar, policy).await?;
        for written in writes {
            match (present.contains(&written.href), written.missing_since) {
                (false, None) => gone.push(written),
                (true, Some(_)) => back.push(written),
                _ => {}
            }
        }
    }
    if gone.is_empty() && back.is_empty() {
        return Ok(());
    }
    let now = deps.now();
    deps.db
        .write(move |tx| -> Result<(), DbError> {
            for written in &back {
                calendars::set_missing(tx, &written.uid, written.user_id, None)?;
            }
            for written in &gone {
                calendars::set_missing(tx, &written.uid, written.user_id, Some(now))?;
                let payload = json!({ "uid": written.uid, "userId": written.user_id });
                let at = now + GRACE;
                queue::enqueue(
                    tx,
                    &NewJob::new(CANCEL_JOB, &payload, at)
                        .dedupe_key(&format!(
                            "calendar-cancel:{}:{}:{}",
                            written.uid,
                            written.user_id,
                            now.timestamp()
                        ))
                        .lane(Lane::Calendar),
                    now,
                )?;
            }
            Ok(())
        })
        .await?;
    Ok(())
}

fn failure(err: impl std::fmt::Display) -> JobFailure {
    JobFailure::new(err.to_string())
}

/// Runs a `calendar_cancel` job: when the event is still gone after the grace period,
/// cancels the meeting's booking as its host.
pub async fn run(deps: Deps, job: Job) -> Result<(), JobFailure> {
    let uid = job.payload.get("uid").and_then(serde_json::Value::as_str);
    let user_id = job
        .payload
        .get("userId")
        .and_then(serde_json::Value::as_i64);
    let (Some(uid), Some(user_id)) = (uid.map(str::to_string), user_id) else {
        return Err(JobFailure::give_up("the job names no event or host"));
    };
    let found = {
        let uid = uid.clone();
        deps.db
            .read(move |conn| -> Result<_, DbError> {
                let Some(written) = calendars::written(conn, &uid, user_id)? else {
                    return Ok(None);
                };
                let Some(calendar) = calendars::calendar(conn, written.calendar_id)? else {
                    return Ok(None);
                };
                let account = calendars::account(conn, calendar.account_id)?;
                Ok(account.map(|account| (written, calendar, account)))
            })
            .await
            .map_err(failure)?
    };
    let Some((written, calendar, account)) = found else {
        return Ok(());
    };
    // Back in the calendar, removed by Kairos, or the option was turned off meanwhile.
    if written.missing_since.is_none() || written.deleted || !account.sync_cancellations {
        return Ok(());
    }
    let password = sync::open(&deps.key, &account).map_err(failure)?;
    let remote = sync::caldav_account(&account, &password);
    let policy = deps.calendar_policy(&account.url);
    if caldav::etag_of(&remote, &calendar.href, &uid, policy)
        .await
        .map_err(failure)?
        .is_some()
    {
        // Back after all: the booking stays.
        return deps
            .db
            .write(move |tx| calendars::set_missing(tx, &uid, user_id, None).map_err(DbError::from))
            .await
            .map(|_| ())
            .map_err(failure);
    }
    let settings = deps.instance.booking_settings();
    let now = deps.now();
    deps.db
        .write(move |tx| -> Result<(), JobFailure> {
            let first = uid.strip_suffix(OWN_UID).unwrap_or(&uid);
            let Some(booking) = bookings::by_uid(tx, first).map_err(failure)? else {
                return Ok(());
            };
            let newest = bookings::newest_of(tx, booking).map_err(failure)?;
            if users::by_id(tx, user_id).map_err(failure)?.is_none() {
                return Ok(());
            }
            match booking::cancel(
                tx,
                &newest.uid,
                Some(REASON),
                &Actor::User(user_id),
                &settings,
            ) {
                Ok(_) => {}
                // Cancelled, moved or over meanwhile; or no longer theirs to cancel.
                Err(
                    BookingError::WrongState(_)
                    | BookingError::Forbidden(_)
                    | BookingError::BookingNotFound,
                ) => return Ok(()),
                Err(err) => return Err(failure(err)),
            }
            audit::record(
                tx,
                now,
                &audit::Entry {
                    actor: audit::Actor::System("calendar sync"),
                    action: "booking_cancelled_from_calendar",
                    object: Some(format!("booking:{}", newest.uid)),
                    outcome: audit::Outcome::Success,
                    origin: &audit::Origin::host(),
                },
            )
            .map_err(failure)?;
            Ok(())
        })
        .await
}

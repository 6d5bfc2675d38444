//! Google Meet and Teams meetings whose link is late. The meeting is made with the
//! organizer's calendar event; messages about the booking wait for its link for
//! [`MEETING_LINK_WAIT`] and then go without it. Then:
//!
//! - a `meeting_overdue` job tells the hosts that the meeting is not ready yet (the write
//!   keeps retrying), so the invitee never holds a broken link without anyone knowing;
//! - when the link comes after all, a `meeting_link` job emails it to the invitee.
//!
//! A Zoom meeting is made in the organizer's Zoom account by a `zoom_meeting` job after
//! each booking event: made (and its link kept on the booking), moved with the booking,
//! deleted when the booking is cancelled or declined.

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::db::calendars::{self, Account, Provider};
use crate::db::{DbError, bookings};
use crate::integrations::calendars::cloud::{Api, Auth, CloudError};
use crate::integrations::calendars::{write, zoom};
use crate::integrations::notify::email::{self, Audience, booking_frame};
use crate::integrations::notify::smtp;
use crate::integrations::oauth::Vendor;
use crate::integrations::{Deps, MEETING_LINK_WAIT};
use crate::jobs::{Job, JobFailure, Lane, NewJob, queue};
use crate::model::booking::{Booking, RecordedEvent};
use crate::model::event_types::{Location, VideoProvider};

/// The job that tells the hosts a meeting's link is late.
pub const OVERDUE_JOB: &str = "meeting_overdue";
/// The job that sends the invitee a link that came late.
pub const LINK_JOB: &str = "meeting_link";
/// The job that brings a booking's Zoom meeting up to date.
pub const ZOOM_JOB: &str = "zoom_meeting";

fn enqueue(
    conn: &Connection,
    kind: &str,
    booking_id: i64,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    let payload = serde_json::json!({ "bookingId": booking_id });
    queue::enqueue(
        conn,
        &NewJob::new(kind, &payload, at)
            .dedupe_key(&format!("{kind}:{booking_id}"))
            .lane(Lane::Email),
        now,
    )?;
    Ok(())
}

/// Plans the check that the meeting of `booking` got its link in time.
pub fn watch(conn: &Connection, booking: &Booking, now: DateTime<Utc>) -> rusqlite::Result<()> {
    if booking
        .location
        .as_ref()
        .and_then(Location::pending_meeting)
        .is_none()
    {
        return Ok(());
    }
    let at = booking.created_at + MEETING_LINK_WAIT + chrono::Duration::seconds(5);
    enqueue(conn, OVERDUE_JOB, booking.id, at, now)
}

/// Sends the link to the invitee when the messages about `booking` went without it.
pub fn link_made(conn: &Connection, booking: &Booking, now: DateTime<Utc>) -> rusqlite::Result<()> {
    // Messages read the booking a moment before they go: a link stored just before the
    // deadline may have missed them too.
    if now + chrono::Duration::seconds(15) < booking.created_at + MEETING_LINK_WAIT {
        return Ok(());
    }
    enqueue(conn, LINK_JOB, booking.id, now, now)
}

fn on_zoom(booking: &Booking) -> bool {
    matches!(
        booking.location,
        Some(Location::Video {
            provider: VideoProvider::Zoom,
            ..
        })
    )
}

/// Plans the `zoom_meeting` job after booking event `event` of `booking`, when it or the
/// booking it replaced takes place on Zoom.
pub fn plan_zoom(
    conn: &Connection,
    event: &RecordedEvent,
    booking: &Booking,
) -> rusqlite::Result<()> {
    let mut zoom = on_zoom(booking);
    if !zoom
        && let Some(from) = booking.rescheduled_from_id
        && let Some(earlier) = bookings::by_id(conn, from)?
    {
        zoom = on_zoom(&earlier);
    }
    if !zoom {
        return Ok(());
    }
    let payload = serde_json::json!({ "bookingEventId": event.id });
    queue::enqueue(
        conn,
        &NewJob::new(ZOOM_JOB, &payload, event.created_at)
            .dedupe_key(&format!("{ZOOM_JOB}:{}", event.id))
            .lane(Lane::Calendar),
        event.created_at,
    )?;
    Ok(())
}

/// What a `zoom_meeting` job works on: the meeting's newest booking, its UID, the
/// organizer's Zoom account, and the link the chain of bookings had.
struct ZoomWork {
    newest: Booking,
    uid: String,
    account: Option<Account>,
    link: Option<String>,
}

/// Runs a `zoom_meeting` job: the meeting as the booking is now, however late or often
/// the job runs.
pub async fn run_zoom(deps: Deps, job: Job) -> Result<(), JobFailure> {
    let event_id = job
        .payload
        .get("bookingEventId")
        .and_then(serde_json::Value::as_i64)
        .ok_or_else(|| JobFailure::give_up("the job names no booking event"))?;
    let work = deps
        .db
        .read(move |conn| -> Result<Option<ZoomWork>, DbError> {
            let Some(event) = bookings::event_by_id(conn, event_id)? else {
                return Ok(None);
            };
            let Some(booking) = bookings::by_id(conn, event.booking_id)? else {
                return Ok(None);
            };
            // The link of the event's booking, or of the one it replaced.
            let earlier = match booking.rescheduled_from_id {
                Some(id) => bookings::by_id(conn, id)?,
                None => None,
            };
            let link = [Some(&booking), earlier.as_ref()]
                .into_iter()
                .flatten()
                .filter_map(|b| b.location.as_ref())
                .find_map(|l| match l {
                    Location::Video {
                        provider: VideoProvider::Zoom,
                        url: Some(url),
                    } => Some(url.clone()),
                    _ => None,
                });
            let newest = bookings::newest_of(conn, booking)?;
            let uid = bookings::meeting_identity(conn, &newest, i64::MAX)?.uid;
            let account = match newest.hosts.first() {
                Some(organizer) => calendars::accounts_of(conn, *organizer)?
                    .into_iter()
                    .find(|a| a.provider == Provider::Zoom),
                None => None,
            };
            Ok(Some(ZoomWork {
                newest,
                uid,
                account,
                link,
            }))
        })
        .await?;
    let Some(ZoomWork {
        newest,
        uid,
        account,
        link,
    }) = work
    else {
        return Ok(());
    };
    let Some(account) = account else {
        return Err(JobFailure::new(
            "the booking's organizer has no Zoom account connected",
        ));
    };
    let client = zoom::Client::new(Api::new(&deps, Vendor::Zoom, Auth::Account(account.id)));
    let fail = CloudError::into_failure;
    let current = match &newest.location {
        Some(Location::Video {
            provider: VideoProvider::Zoom,
            url,
        }) if newest.status.is_active() => url.clone(),
        // Cancelled, declined, or moved elsewhere: the meeting goes.
        _ => {
            let id = link.as_deref().and_then(zoom::meeting_id);
            return client.remove(&uid, id.as_deref()).await.map_err(fail);
        }
    };
    let spec = zoom::MeetingSpec {
        uid,
        topic: newest.title.clone(),
        start: newest.start,
        end: newest.end,
    };
    if let Some(id) = current.as_deref().and_then(zoom::meeting_id)
        && client.update(&id, &spec).await.map_err(fail)?
    {
        return Ok(());
    }
    let made = client.ensure(&spec).await.map_err(fail)?;
    if current.is_some() {
        // The meeting was deleted at Zoom: the booking takes the new one's link.
        let location = Location::Video {
            provider: VideoProvider::Zoom,
            url: Some(made),
        };
        let booking_id = newest.id;
        deps.db
            .write(move |tx| {
                bookings::set_location(tx, booking_id, &location).map_err(DbError::from)
            })
            .await?;
        return Ok(());
    }
    write::meeting_made(&deps, event_id, newest.id, VideoProvider::Zoom, made).await
}

/// The booking a job is for, with the mail server; `None` when there is nothing to say.
async fn load(
    deps: &Deps,
    job: &Job,
    wanted: fn(&Location) -> bool,
) -> Result<Option<(smtp::SmtpSettings, Booking)>, JobFailure> {
    let booking_id = job
        .payload
        .get("bookingId")
        .and_then(serde_json::Value::as_i64)
        .ok_or_else(|| JobFailure::give_up("the job names no booking"))?;
    let key = deps.key.clone();
    deps.db
        .read(move |conn| -> Result<_, JobFailure> {
            let Some(smtp) =
                smtp::load(conn, &key).map_err(|err| JobFailure::new(err.to_string()))?
            else {
                return Ok(None);
            };
            let booking = bookings::by_id(conn, booking_id).map_err(DbError::from)?;
            Ok(booking
                .filter(|b| b.status.is_active())
                .filter(|b| b.location.as_ref().is_some_and(wanted))
                .map(|booking| (smtp, booking)))
        })
        .await
}

/// Runs a `meeting_overdue` job: the hosts hear that the meeting is not ready.
pub async fn run_overdue(deps: Deps, job: Job) -> Result<(), JobFailure> {
    let still_waiting = |location: &Location| location.pending_meeting().is_some();
    let Some((smtp, booking)) = load(&deps, &job, still_waiting).await? else {
        return Ok(());
    };
    let provider = booking
        .location
        .as_ref()
        .and_then(Location::pending_meeting)
        .map_or("video meeting", |p| p.label());
    let site = deps.site();
    let body = format!(
        "Kairos could not make the {provider} of this booking with your calendar event yet. It \
         tries again while the destination calendar of the booking's organizer is at that \
         vendor; Dashboard → Calendars and Admin → Jobs show why it failed.\n\nThe invitee was \
         sent the booking without a link, and will be sent the link as soon as it is made. If it \
         cannot be made, change the booking's place or send them a link yourself."
    );
    for host in booking.hosts.clone() {
        let key = deps.key.clone();
        let (site, about) = (site.clone(), booking.clone());
        let framed = deps
            .db
            .read(move |conn| {
                booking_frame(conn, &site, &about, &Audience::Host(host)).map_err(DbError::from)
            })
            .await?;
        let mut message = framed.render(&format!("{provider} not ready: {}", booking.title), &body);
        message.message_id = Some(email::stable_message_id(
            &key,
            &smtp.from_address,
            &[OVERDUE_JOB, &booking.uid, &host.to_string()],
        ));
        email::send(&smtp, &message, deps.admin_policy())
            .await
            .map_err(|err| JobFailure::new(email::without_addresses(&err.to_string(), &message)))?;
    }
    tracing::info!(
        booking_id = booking.id,
        "late meeting reported to the hosts"
    );
    Ok(())
}

/// Runs a `meeting_link` job: the invitee (and their guests) get the link that came late.
pub async fn run_link(deps: Deps, job: Job) -> Result<(), JobFailure> {
    let has_link = |location: &Location| matches!(location, Location::Video { url: Some(_), .. });
    let Some((smtp, booking)) = load(&deps, &job, has_link).await? else {
        return Ok(());
    };
    let Some(Location::Video {
        url: Some(link),
        provider,
    }) = booking.location.clone()
    else {
        return Ok(());
    };
    let (site, key) = (deps.site(), deps.key.clone());
    let framed = {
        let booking = booking.clone();
        deps.db
            .read(move |conn| {
                booking_frame(conn, &site, &booking, &Audience::Attendee).map_err(DbError::from)
            })
            .await?
    };
    let body = format!(
        "The {} link of your booking is ready:\n\n{link}\n\nJoin with it at the time of the \
         meeting.",
        provider.label()
    );
    let mut message = framed.render(
        &format!("Your {} link: {}", provider.label(), booking.title),
        &body,
    );
    message.message_id = Some(email::stable_message_id(
        &key,
        &smtp.from_address,
        &[LINK_JOB, &booking.uid],
    ));
    email::send(&smtp, &message, deps.admin_policy())
        .await
        .map_err(|err| JobFailure::new(email::without_addresses(&err.to_string(), &message)))?;
    tracing::info!(booking_id = booking.id, "late meeting link emailed");
    Ok(())
}

//! Bookings into the hosts' own calendars: every booking event enqueues, for each host
//! who has a destination calendar (or an event written there before), one
//! `calendar_write` job on the calendar lane.
//!
//! The job does not replay the event: it writes the meeting as it is now (the newest
//! booking of its reschedule chain), so jobs that run late, twice or out of order all
//! leave the same one event. That event carries the meeting's invitation UID (the host's
//! calendar program shows the emailed invitation and this event as one) and a rising
//! SEQUENCE. It is created with `If-None-Match: *` and updated with `If-Match`, so a
//! retry after a lost answer or a restart finds its own event instead of adding a copy.

use rusqlite::Connection;
use serde_json::json;

use crate::db::DbError;
use crate::db::calendars::{self, Account, Calendar, Provider, Written};
use crate::db::{bookings, users};
use crate::integrations::Deps;
use crate::integrations::calendars::caldav::{self, CaldavError};
use crate::integrations::calendars::cloud;
use crate::integrations::calendars::sync;
use crate::integrations::notify::email::Site;
use crate::integrations::notify::ics::{self, CalendarEvent};
use crate::integrations::notify::invite;
use crate::jobs::{Job, JobFailure, Lane, NewJob, queue};
use crate::model::booking::{Booking, BookingStatus, RecordedEvent};
use crate::model::event_types::{Location, VideoProvider};
use crate::t;

/// The job kind that brings one host's calendar up to date with one meeting.
pub const WRITE_JOB: &str = "calendar_write";

/// Follows booking events with a `calendar_write` job per host whose calendar holds, or
/// should hold, the meeting.
pub struct Subscriber;

impl crate::db::outbox::Subscriber for Subscriber {
    fn name(&self) -> &'static str {
        "calendars"
    }

    fn on_event(&self, conn: &Connection, event: &RecordedEvent) -> rusqlite::Result<()> {
        let Some(booking) = bookings::by_id(conn, event.booking_id)? else {
            return Ok(());
        };
        // A move may change hosts: the earlier booking's hosts lose the event.
        let mut hosts = booking.hosts.clone();
        if let Some(from) = booking.rescheduled_from_id
            && let Some(earlier) = bookings::by_id(conn, from)?
        {
            hosts.extend(earlier.hosts);
        }
        hosts.sort_unstable();
        hosts.dedup();
        super::meetings::watch(conn, &booking, event.created_at)?;
        super::meetings::plan_zoom(conn, event, &booking)?;
        let uid = bookings::meeting_identity(conn, &booking, event.id)?.uid;
        for user_id in hosts {
            let written = calendars::written(conn, &uid, user_id)?.is_some_and(|w| !w.deleted);
            if !written && calendars::destination(conn, user_id)?.is_none() {
                continue;
            }
            let payload = json!({ "bookingEventId": event.id, "userId": user_id });
            queue::enqueue(
                conn,
                &NewJob::new(WRITE_JOB, &payload, event.created_at)
                    .dedupe_key(&format!("calendar-write:{}:{user_id}", event.id))
                    .lane(Lane::Calendar),
                event.created_at,
            )?;
        }
        Ok(())
    }
}

/// What one host's calendar needs for one meeting.
#[derive(Debug)]
enum Change {
    /// Write the event (create or update) in `calendar`.
    Put {
        calendar: Calendar,
        account: Account,
        event: HostEvent,
        /// What was written before in this same calendar.
        before: Option<Written>,
    },
    /// Remove the event written before.
    Delete {
        account: Account,
        calendar: Calendar,
        written: Written,
    },
}

fn db_failure(err: impl Into<DbError>) -> JobFailure {
    JobFailure::new(err.into().to_string())
}

/// Runs a `calendar_write` job.
pub async fn run(deps: Deps, job: Job) -> Result<(), JobFailure> {
    let field = |name: &str| job.payload.get(name).and_then(serde_json::Value::as_i64);
    let (Some(event_id), Some(user_id)) = (field("bookingEventId"), field("userId")) else {
        return Err(JobFailure::give_up(
            "the job names no booking event or host",
        ));
    };
    let site = deps.site();
    let change = deps
        .db
        .read(move |conn| change_for(conn, &site, event_id, user_id).map_err(DbError::from))
        .await
        .map_err(db_failure)?;
    let Some(change) = change else {
        return Ok(());
    };
    // A meeting asked for that the vendor did not make: the event is kept as written, and
    // the job tries again (the next write asks again).
    let mut meeting_missing = None;
    let written = match change {
        Change::Put {
            calendar,
            account,
            event,
            before,
        } => {
            let written = match cloud::Client::for_account(&deps, &account) {
                Some(client) => {
                    let before = before.as_ref().map(|w| w.href.as_str());
                    let put = client
                        .put_event(&calendar.href, &event, before)
                        .await
                        .map_err(cloud::CloudError::into_failure)?;
                    match (event.meeting, put.join_url) {
                        (Some(provider), Some(link)) if link.starts_with("https://") => {
                            meeting_made(&deps, event_id, event.booking_id, provider, link).await?;
                        }
                        (Some(provider), _) => {
                            meeting_missing = Some(format!(
                                "{} wrote the event but gave no {} link yet; trying again",
                                account.provider.label(),
                                provider.label()
                            ));
                        }
                        _ => {}
                    }
                    caldav::Written {
                        href: put.id,
                        etag: put.version,
                    }
                }
                None => {
                    let (remote, policy) = remote_account(&deps, &account)?;
                    let etag = before.and_then(|w| w.etag);
                    put(
                        &remote,
                        &calendar.href,
                        &event.uid,
                        &event.ics(),
                        etag,
                        policy,
                    )
                    .await
                    .map_err(|err| JobFailure::new(err.to_string()))?
                }
            };
            Written {
                uid: event.uid,
                user_id,
                calendar_id: calendar.id,
                href: written.href,
                etag: written.etag,
                sequence: i64::from(event.sequence),
                deleted: false,
                missing_since: None,
            }
        }
        Change::Delete {
            account,
            calendar,
            written,
        } => {
            // The host's own changes to the event do not keep it: the meeting is off.
            match cloud::Client::for_account(&deps, &account) {
                Some(client) => {
                    client
                        .delete_event(&calendar.href, &written.href)
                        .await
                        .map_err(cloud::CloudError::into_failure)?;
                }
                None => {
                    let (remote, policy) = remote_account(&deps, &account)?;
                    caldav::delete(&remote, &written.href, None, policy)
                        .await
                        .map_err(|err| JobFailure::new(err.to_string()))?;
                }
            }
            Written {
                deleted: true,
                etag: None,
                missing_since: None,
                ..written
            }
        }
    };
    deps.db
        .write(move |tx| calendars::save_written(tx, &written).map_err(DbError::from))
        .await
        .map_err(db_failure)?;
    meeting_missing.map_or(Ok(()), |reason| Err(JobFailure::new(reason)))
}

/// Keeps the join link of the meeting a vendor made with the organizer's event on the
/// booking, and writes the other hosts' events again so that they show it too.
pub(super) async fn meeting_made(
    deps: &Deps,
    event_id: i64,
    booking_id: i64,
    provider: VideoProvider,
    link: String,
) -> Result<(), JobFailure> {
    let now = deps.now();
    deps.db
        .write(move |tx| -> Result<(), DbError> {
            // Only a booking still waiting for this vendor's link takes it.
            let Some(booking) = bookings::by_id(tx, booking_id)?.filter(|b| {
                b.location.as_ref().and_then(Location::pending_meeting) == Some(provider)
            }) else {
                return Ok(());
            };
            let location = Location::Video {
                provider,
                url: Some(link),
            };
            bookings::set_location(tx, booking_id, &location)?;
            super::meetings::link_made(tx, &booking, now)?;
            for user_id in booking.hosts.iter().skip(1) {
                let payload = json!({ "bookingEventId": event_id, "userId": user_id });
                queue::enqueue(
                    tx,
                    &NewJob::new(WRITE_JOB, &payload, now)
                        .dedupe_key(&format!("calendar-write:{event_id}:{user_id}:meeting"))
                        .lane(Lane::Calendar),
                    now,
                )?;
            }
            Ok(())
        })
        .await
        .map_err(db_failure)?;
    deps.wake_jobs();
    Ok(())
}

/// The account as the CalDAV client takes it, and where its server may be.
fn remote_account(
    deps: &Deps,
    account: &Account,
) -> Result<(caldav::Account, crate::outbound::Policy), JobFailure> {
    let password =
        sync::open(&deps.key, account).map_err(|err| JobFailure::new(err.to_string()))?;
    Ok((
        sync::caldav_account(account, &password),
        deps.calendar_policy(&account.url),
    ))
}

/// Creates or updates the event, whatever an earlier attempt left: an event already at
/// its address (an answer lost after the server stored it) is updated in place, one the
/// host deleted is created again.
async fn put(
    remote: &caldav::Account,
    calendar: &str,
    uid: &str,
    ics: &str,
    etag: Option<String>,
    policy: crate::outbound::Policy,
) -> Result<caldav::Written, CaldavError> {
    match caldav::put(remote, calendar, uid, ics, etag.as_deref(), policy).await {
        Err(CaldavError::Conflict) => {}
        done => return done,
    }
    match caldav::etag_of(remote, calendar, uid, policy).await? {
        Some(current) => caldav::put(remote, calendar, uid, ics, Some(&current), policy).await,
        None if etag.is_some() => caldav::put(remote, calendar, uid, ics, None, policy).await,
        // Another object of the calendar holds the UID: the host's calendar program filed
        // the emailed invitation there. That is the one event; nothing is added beside it.
        None => Ok(caldav::Written {
            href: caldav::object_href(calendar, uid)?,
            etag: None,
        }),
    }
}

/// What host `user_id`'s calendar needs after booking event `event_id`: the meeting's
/// newest booking written when it is on and they host it, else removed when it was
/// written before.
fn change_for(
    conn: &Connection,
    site: &Site,
    event_id: i64,
    user_id: i64,
) -> rusqlite::Result<Option<Change>> {
    let Some(event) = bookings::event_by_id(conn, event_id)? else {
        return Ok(None);
    };
    let Some(booking) = bookings::by_id(conn, event.booking_id)? else {
        return Ok(None);
    };
    let newest = bookings::newest_of(conn, booking)?;
    let identity = bookings::meeting_identity(conn, &newest, i64::MAX)?;
    let written = calendars::written(conn, &identity.uid, user_id)?.filter(|w| !w.deleted);
    let on = newest.status.is_active() && newest.hosts.contains(&user_id);
    if !on {
        let Some(written) = written else {
            return Ok(None);
        };
        let Some(calendar) = calendars::calendar(conn, written.calendar_id)? else {
            return Ok(None);
        };
        return Ok(
            calendars::account(conn, calendar.account_id)?.map(|account| Change::Delete {
                account,
                calendar,
                written,
            }),
        );
    }
    // An event stays in the calendar it was written to; a new one goes to the destination.
    let target = match &written {
        Some(w) => match calendars::calendar(conn, w.calendar_id)? {
            Some(calendar) => {
                calendars::account(conn, calendar.account_id)?.map(|account| (calendar, account))
            }
            None => None,
        },
        None => calendars::destination(conn, user_id)?,
    };
    let Some((calendar, account)) = target.filter(|(_, a)| a.provider != Provider::Ics) else {
        return Ok(None);
    };
    // The revision of the meeting's newest change, as its last invitation carried it.
    let sequence = identity.sequence.saturating_sub(1);
    let mut event = host_event(conn, site, &newest, identity.uid, sequence)?;
    if newest.hosts.first() == Some(&user_id) {
        event.meeting = newest
            .location
            .as_ref()
            .and_then(Location::pending_meeting)
            .filter(|p| matches!(p, VideoProvider::GoogleMeet | VideoProvider::Teams));
    }
    Ok(Some(Change::Put {
        calendar,
        account,
        event,
        before: written,
    }))
}

/// The event in a host's calendar: the time, the title, the place and a link to the
/// booking in the dashboard; the invitee's name and email unless the instance keeps to
/// the minimum necessary. Never answers or notes.
#[derive(Debug)]
pub struct HostEvent {
    pub uid: String,
    pub sequence: u32,
    pub title: String,
    pub description: String,
    pub location: Option<String>,
    pub url: String,
    pub start: chrono::DateTime<chrono::Utc>,
    pub end: chrono::DateTime<chrono::Utc>,
    pub stamp: chrono::DateTime<chrono::Utc>,
    /// Awaiting the host's confirmation.
    pub tentative: bool,
    /// The booking the event shows (the newest of its reschedule chain).
    pub booking_id: i64,
    /// A video meeting to make with the event: the host is the booking's organizer and its
    /// Google Meet or Teams link has not come yet.
    pub meeting: Option<VideoProvider>,
    /// The booking's place is a Google Meet or Teams meeting (made or not): the vendor
    /// keeps the joining details in the event's own text.
    pub online: bool,
}

fn host_event(
    conn: &Connection,
    site: &Site,
    booking: &Booking,
    uid: String,
    sequence: u32,
) -> rusqlite::Result<HostEvent> {
    let link = format!(
        "{}/dashboard/bookings/{}",
        site.base_url.trim_end_matches('/'),
        booking.uid
    );
    let mut hosts = Vec::new();
    for id in &booking.hosts {
        if let Some(host) = users::by_id(conn, *id)? {
            hosts.push(host);
        }
    }
    // The event is the organizer's: written in their language.
    let lang = hosts
        .first()
        .and_then(|host| host.language)
        .unwrap_or(site.language);
    let open = t!(lang, "host-event-open", link = link.as_str());
    let (title, description) = if site.minimum_necessary {
        (booking.title.clone(), open)
    } else {
        let mut description = vec![t!(
            lang,
            "host-event-booked-by",
            name = booking.attendee_name.as_str(),
            email = booking.attendee_email.as_str()
        )];
        if hosts.len() > 1 {
            let names: Vec<&str> = hosts.iter().map(|host| host.name.as_str()).collect();
            description.push(t!(lang, "host-event-hosts", names = names.join(", ")));
        }
        description.push(open);
        (
            t!(
                lang,
                "meeting-with",
                title = booking.title.as_str(),
                host = booking.attendee_name.as_str()
            ),
            description.join("\n"),
        )
    };
    let (location, url) = invite::location_and_url(booking.location.as_ref(), lang);
    Ok(HostEvent {
        uid,
        sequence,
        title,
        description,
        location,
        url: url.unwrap_or(link),
        start: booking.start,
        end: booking.end,
        stamp: booking.updated_at,
        tentative: booking.status == BookingStatus::Pending,
        booking_id: booking.id,
        meeting: None,
        online: matches!(
            booking.location,
            Some(Location::Video {
                provider: VideoProvider::GoogleMeet | VideoProvider::Teams,
                ..
            })
        ),
    })
}

impl HostEvent {
    /// As a CalDAV object: no ORGANIZER or ATTENDEE lines, so that a server with
    /// scheduling does not send invitations of its own.
    fn ics(&self) -> String {
        ics::render(&CalendarEvent {
            method: None,
            sequence: self.sequence,
            uid: &self.uid,
            title: &self.title,
            description: &self.description,
            location: self.location.as_deref(),
            url: Some(&self.url),
            start: self.start,
            end: self.end,
            stamp: self.stamp,
            status: if self.tentative {
                "TENTATIVE"
            } else {
                "CONFIRMED"
            },
            organizer: None,
            attendees: Vec::new(),
        })
    }
}

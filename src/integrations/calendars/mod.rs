//! Connected calendars: the host's own calendars, read for busy time and written with
//! bookings.
//!
//! - [`ical`] turns calendar data (one CalDAV object or a whole ICS feed) into the busy
//!   intervals that conflict checking uses; recurrences are expanded here, never by a
//!   server.
//! - [`caldav`] speaks CalDAV through the outbound guard: discovery, incremental
//!   changes, writing and deleting events.
//! - [`cloud`] is what the vendors' APIs share; [`google`] and [`microsoft`] speak
//!   Google Calendar and Microsoft Graph.
//! - [`sync`] keeps each account's replica fresh on the durable job queue.
//! - [`write`] writes bookings into the hosts' destination calendars.
//! - [`cancellations`] cancels a booking whose event the host deleted, when they asked
//!   for that.
//! - [`live`] asks a host's destination calendar, once and briefly, before a booking.
//! - [`meetings`] tells the hosts of a Google Meet or Teams meeting whose link is late,
//!   and sends the invitee the link when it comes.
//! - [`accounts`] connects, lists, syncs and disconnects a host's accounts.
//! - [`notice`] emails the host and the administrators when an account needs connecting
//!   again.

pub mod accounts;
pub mod caldav;
pub mod cancellations;
pub mod cloud;
pub mod google;
pub mod ical;
pub mod live;
pub mod meetings;
pub mod microsoft;
pub mod notice;
pub mod sync;
pub mod write;
pub mod zoom;

use crate::integrations::Deps;
use crate::jobs::Handlers;

pub use write::Subscriber;

/// Adds the calendar job kinds: `calendar_sync` (one sync of one account),
/// `calendar_write` (one meeting into one host's calendar), `calendar_cancel` (a
/// booking whose event the host deleted), `calendar_access_notice` (an account that
/// needs connecting again), and `meeting_overdue` and `meeting_link` (a video meeting's
/// late link).
pub fn job_handlers(handlers: Handlers, deps: &Deps) -> Handlers {
    let (sync_deps, write_deps, cancel_deps) = (deps.clone(), deps.clone(), deps.clone());
    let notice_deps = deps.clone();
    let (overdue_deps, link_deps, zoom_deps) = (deps.clone(), deps.clone(), deps.clone());
    handlers
        .on(sync::SYNC_JOB, move |job| sync::run(sync_deps.clone(), job))
        .on(write::WRITE_JOB, move |job| {
            write::run(write_deps.clone(), job)
        })
        .on(cancellations::CANCEL_JOB, move |job| {
            cancellations::run(cancel_deps.clone(), job)
        })
        .on(notice::NOTICE_JOB, move |job| {
            notice::run(notice_deps.clone(), job)
        })
        .on(meetings::OVERDUE_JOB, move |job| {
            meetings::run_overdue(overdue_deps.clone(), job)
        })
        .on(meetings::LINK_JOB, move |job| {
            meetings::run_link(link_deps.clone(), job)
        })
        .on(meetings::ZOOM_JOB, move |job| {
            meetings::run_zoom(zoom_deps.clone(), job)
        })
}

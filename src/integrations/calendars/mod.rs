//! Connected calendars: the host's own calendars, read for busy time and written with
//! bookings.
//!
//! - [`ical`] turns calendar data (one CalDAV object or a whole ICS feed) into the busy
//!   intervals that conflict checking uses; recurrences are expanded here, never by a
//!   server.
//! - [`caldav`] speaks CalDAV through the outbound guard: discovery, incremental
//!   changes, writing and deleting events.
//! - [`sync`] keeps each account's replica fresh on the durable job queue.
//! - [`accounts`] connects, lists, syncs and disconnects a host's accounts.

pub mod accounts;
pub mod caldav;
pub mod ical;
pub mod sync;

use crate::integrations::Deps;
use crate::jobs::Handlers;

/// Adds the `calendar_sync` job kind: one sync of one account.
pub fn job_handlers(handlers: Handlers, deps: &Deps) -> Handlers {
    let deps = deps.clone();
    handlers.on(sync::SYNC_JOB, move |job| sync::run(deps.clone(), job))
}

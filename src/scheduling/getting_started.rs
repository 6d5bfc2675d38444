//! A host's first steps, as the dashboard home lists them until each is done: working
//! hours, an event type, a connected calendar, and a booking page that someone used.

use rusqlite::Connection;

use crate::db::bookings::{self, BookingFilter, BookingScope};
use crate::db::{calendars, event_types, schedules};

/// Which first steps a host has taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// They saved working hours of their own: every account starts with default ones,
    /// which count once changed or saved again, or once there is a second schedule.
    pub hours: bool,
    /// They have an event type (their own or a team's they belong to).
    pub event_type: bool,
    /// They connected a calendar account.
    pub calendar: bool,
    /// Someone booked them: their link went out.
    pub booked: bool,
}

impl Progress {
    pub fn done(&self) -> bool {
        self.hours && self.event_type && self.calendar && self.booked
    }
}

/// The first steps `user_id` has taken.
pub fn progress(conn: &Connection, user_id: i64) -> rusqlite::Result<Progress> {
    let any_booking = BookingFilter {
        status: None,
        after: None,
        before: None,
        skip: 0,
        take: 1,
    };
    let (_, bookings) =
        bookings::list_visible_to(conn, BookingScope::VisibleTo(user_id), &any_booking)?;
    let hours = schedules::list_for_user(conn, user_id)?;
    Ok(Progress {
        hours: hours.len() > 1 || hours.iter().any(|s| s.updated_at > s.created_at),
        event_type: !event_types::list_for_user(conn, user_id)?.is_empty(),
        calendar: !calendars::accounts_of(conn, user_id)?.is_empty(),
        booked: bookings > 0,
    })
}

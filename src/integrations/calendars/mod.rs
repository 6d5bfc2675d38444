//! Connected calendars: the hosts' own calendars, read for busy time and written with bookings.

pub mod caldav;

//! Connected calendars: the host's own calendars, read for busy time and written with
//! bookings. [`ical`] turns calendar data (one CalDAV object or a whole ICS feed) into the
//! busy intervals that conflict checking uses.

pub mod ical;

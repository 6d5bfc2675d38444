//! What Kairos sends people about their bookings. For now: the iCalendar file of a booking.

pub mod ics;

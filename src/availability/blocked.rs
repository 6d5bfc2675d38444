//! Blocked time per host: existing bookings (with their buffers), external busy time,
//! out-of-office periods, shared seats, and the counts behind booking and duration limits.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::error::{InputError, InputReason, Unavailable};
use super::interval::{Interval, IntervalSet};
use super::rules::{MAX_BUFFER_MINUTES, seconds};
use super::team::HostId;
use super::zone::{self, ZoneTimeline};

/// A booking that already exists for one host.
///
/// Every booking blocks `[start - before_buffer, end + after_buffer)` of its host. Bookings
/// of the event type being scheduled (`same_event_type`) also count toward its booking and
/// duration limits, and for a seated event they share seats: a booking with exactly the
/// candidate's start and end is the same meeting, which new attendees join while seats
/// remain. Pass one booking per meeting and host, with `seats_taken` = its attendees; a
/// collective booking appears once per host.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExistingBooking {
    pub host_id: HostId,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    #[serde(default)]
    pub before_buffer_minutes: u32,
    #[serde(default)]
    pub after_buffer_minutes: u32,
    /// A booking of the event type being scheduled.
    #[serde(default)]
    pub same_event_type: bool,
    /// Seats (attendees) this booking takes, for seated events.
    #[serde(default = "one")]
    pub seats_taken: u32,
}

fn one() -> u32 {
    1
}

impl ExistingBooking {
    /// A booking of another event type (it only blocks time), without buffers.
    pub fn new(host_id: HostId, start: DateTime<Utc>, end: DateTime<Utc>) -> ExistingBooking {
        ExistingBooking {
            host_id,
            start,
            end,
            before_buffer_minutes: 0,
            after_buffer_minutes: 0,
            same_event_type: false,
            seats_taken: 1,
        }
    }

    /// Checks the fields; `field` is this booking's path for error messages.
    pub fn validate(&self, field: &str) -> Result<(), InputError> {
        self.check()
            .map_err(|(path, reason)| InputError::new(format!("{field}{path}"), reason))
    }

    /// Like `validate`, returning the path below the booking (no allocation).
    pub(crate) fn check(&self) -> Result<(), (&'static str, InputReason)> {
        if self.end < self.start {
            return Err(("", InputReason::EndBeforeStart));
        }
        let too_large = InputReason::TooLarge {
            max: u64::from(MAX_BUFFER_MINUTES),
        };
        if self.before_buffer_minutes > MAX_BUFFER_MINUTES {
            return Err((".before_buffer_minutes", too_large));
        }
        if self.after_buffer_minutes > MAX_BUFFER_MINUTES {
            return Err((".after_buffer_minutes", too_large));
        }
        if self.seats_taken == 0 {
            return Err((".seats_taken", InputReason::Zero));
        }
        Ok(())
    }
}

/// A booking of this seated event type: blocks like any booking, except for a candidate
/// with exactly its `start` and `end`, which joins it.
#[derive(Debug, Clone, Copy)]
struct SeatedBooking {
    busy: Interval<i64>,
    start: i64,
    end: i64,
    seats: u32,
}

/// Bookings of this event type by local day, for limits.
#[derive(Debug, Default)]
struct LimitCounter {
    /// Sorted local day numbers of the bookings' starts.
    days: Vec<i64>,
    /// `booked_seconds[i]` = total length of the first `i` bookings (by day order).
    booked_seconds: Vec<i64>,
}

impl LimitCounter {
    fn new(mut bookings: Vec<(i64, i64)>) -> LimitCounter {
        bookings.sort_unstable();
        let mut booked_seconds = Vec::with_capacity(bookings.len() + 1);
        booked_seconds.push(0);
        let mut total = 0;
        for &(_, length) in &bookings {
            total += length;
            booked_seconds.push(total);
        }
        LimitCounter {
            days: bookings.into_iter().map(|(day, _)| day).collect(),
            booked_seconds,
        }
    }

    /// Number of bookings and booked seconds on local days `[first, end)`.
    fn within(&self, first: i64, end: i64) -> (usize, i64) {
        let a = self.days.partition_point(|&d| d < first);
        let b = self.days.partition_point(|&d| d < end);
        (b - a, self.booked_seconds[b] - self.booked_seconds[a])
    }
}

/// Everything that blocks one host, in Unix seconds.
#[derive(Debug, Default)]
pub(crate) struct HostBlocked {
    out_of_office: IntervalSet<i64>,
    /// Bookings with their buffers (except shared-seat ones) and external busy time.
    busy: IntervalSet<i64>,
    /// Sorted by `busy.start`.
    seated: Vec<SeatedBooking>,
    longest_seated: i64,
    counter: LimitCounter,
}

impl HostBlocked {
    /// `seated_event`: the event being scheduled has seats.
    pub(crate) fn new<'a>(
        busy: &[Interval<DateTime<Utc>>],
        out_of_office: &[Interval<DateTime<Utc>>],
        bookings: impl Iterator<Item = &'a ExistingBooking>,
        seated_event: bool,
        timeline: &ZoneTimeline,
    ) -> HostBlocked {
        let to_seconds = |iv: &Interval<DateTime<Utc>>| {
            Interval::new(zone::seconds_floor(iv.start), zone::seconds_ceil(iv.end))
        };
        let out_of_office = IntervalSet::normalize(out_of_office.iter().map(to_seconds));
        let mut busy_spans: Vec<Interval<i64>> = busy.iter().map(to_seconds).collect();
        let mut seated = Vec::new();
        let mut counted = Vec::new();
        for booking in bookings {
            let start = zone::seconds_floor(booking.start);
            let end = zone::seconds_ceil(booking.end);
            let blocked = Interval::new(
                start - seconds(booking.before_buffer_minutes),
                end + seconds(booking.after_buffer_minutes),
            );
            if booking.same_event_type {
                counted.push((timeline.local_day(start), end - start));
            }
            let whole_seconds = booking.start.timestamp_subsec_nanos() == 0
                && booking.end.timestamp_subsec_nanos() == 0;
            if seated_event && booking.same_event_type && whole_seconds && end > start {
                seated.push(SeatedBooking {
                    busy: blocked,
                    start,
                    end,
                    seats: booking.seats_taken,
                });
            } else {
                busy_spans.push(blocked);
            }
        }
        seated.sort_unstable_by_key(|b| b.busy.start);
        let longest_seated = seated
            .iter()
            .map(|b| b.busy.end - b.busy.start)
            .max()
            .unwrap_or(0);
        HostBlocked {
            out_of_office,
            busy: IntervalSet::normalize(busy_spans),
            seated,
            longest_seated,
            counter: LimitCounter::new(counted),
        }
    }

    /// Checks the candidate `[start, end)` whose buffered span is `buffered`: out of office,
    /// then conflicts. On success returns the seats already taken in the meeting with exactly
    /// this start and end (0 when there is none).
    pub(crate) fn check(
        &self,
        buffered: Interval<i64>,
        start: i64,
        end: i64,
    ) -> Result<u32, Unavailable> {
        if self.out_of_office.overlaps(&buffered) {
            return Err(Unavailable::OutOfOffice);
        }
        if self.busy.overlaps(&buffered) {
            return Err(Unavailable::Conflict);
        }
        let mut taken = 0u32;
        if !self.seated.is_empty() {
            let from = self
                .seated
                .partition_point(|b| b.busy.start <= buffered.start - self.longest_seated);
            for booking in &self.seated[from..] {
                if booking.busy.start >= buffered.end {
                    break;
                }
                if booking.start == start && booking.end == end {
                    taken = taken.saturating_add(booking.seats);
                } else if booking.busy.overlaps(&buffered) {
                    return Err(Unavailable::Conflict);
                }
            }
        }
        Ok(taken)
    }

    /// When out-of-office or busy time (not counting shared seats) overlaps `buffered`, the
    /// end of the overlapping blocked interval.
    pub(crate) fn blocked_until(&self, buffered: &Interval<i64>) -> Option<i64> {
        [&self.out_of_office, &self.busy]
            .into_iter()
            .filter_map(|set| set.first_overlapping(buffered))
            .map(|blocked| blocked.end)
            .max()
    }

    /// Bookings of this event type and their booked seconds on local days `[first, end)`.
    pub(crate) fn counted_within(&self, first: i64, end: i64) -> (usize, i64) {
        self.counter.within(first, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Tz;

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn secs(s: &str) -> i64 {
        t(s).timestamp()
    }

    fn span(a: &str, b: &str) -> Interval<i64> {
        Interval::new(secs(a), secs(b))
    }

    fn booking(start: &str, end: &str) -> ExistingBooking {
        ExistingBooking::new(HostId(1), t(start), t(end))
    }

    fn timeline() -> ZoneTimeline {
        let at = secs("2024-05-01T00:00:00Z");
        ZoneTimeline::new(Tz::UTC, at, at + 60 * zone::DAY)
    }

    #[test]
    fn booking_buffers_extend_busy_time() {
        let mut b = booking("2024-05-06T10:00:00Z", "2024-05-06T11:00:00Z");
        b.before_buffer_minutes = 15;
        b.after_buffer_minutes = 30;
        let blocked = HostBlocked::new(&[], &[], [b].iter(), false, &timeline());
        let check = |a: &str, z: &str| blocked.check(span(a, z), secs(a), secs(z));
        assert_eq!(check("2024-05-06T09:00:00Z", "2024-05-06T09:45:00Z"), Ok(0));
        assert_eq!(
            check("2024-05-06T09:00:00Z", "2024-05-06T09:46:00Z"),
            Err(Unavailable::Conflict)
        );
        assert_eq!(
            check("2024-05-06T11:29:00Z", "2024-05-06T12:00:00Z"),
            Err(Unavailable::Conflict)
        );
        assert_eq!(check("2024-05-06T11:30:00Z", "2024-05-06T12:00:00Z"), Ok(0));
    }

    #[test]
    fn out_of_office_is_reported_before_conflicts() {
        let ooo = [Interval::new(
            t("2024-05-06T00:00:00Z"),
            t("2024-05-07T00:00:00Z"),
        )];
        let b = booking("2024-05-06T10:00:00Z", "2024-05-06T11:00:00Z");
        let blocked = HostBlocked::new(&[], &ooo, [b].iter(), false, &timeline());
        let (a, z) = ("2024-05-06T10:00:00Z", "2024-05-06T11:00:00Z");
        assert_eq!(
            blocked.check(span(a, z), secs(a), secs(z)),
            Err(Unavailable::OutOfOffice)
        );
    }

    #[test]
    fn seated_bookings_share_the_exact_slot_only() {
        let mut first = booking("2024-05-06T10:00:00Z", "2024-05-06T11:00:00Z");
        first.same_event_type = true;
        first.seats_taken = 3;
        first.after_buffer_minutes = 10;
        let mut other_type = booking("2024-05-06T14:00:00Z", "2024-05-06T15:00:00Z");
        other_type.seats_taken = 2;
        let bookings = [first.clone(), other_type];
        let blocked = HostBlocked::new(&[], &[], bookings.iter(), true, &timeline());
        let check = |a: &str, z: &str| blocked.check(span(a, z), secs(a), secs(z));
        assert_eq!(check("2024-05-06T10:00:00Z", "2024-05-06T11:00:00Z"), Ok(3));
        // A different length at the same start is another meeting: a conflict.
        assert_eq!(
            check("2024-05-06T10:00:00Z", "2024-05-06T10:30:00Z"),
            Err(Unavailable::Conflict)
        );
        assert_eq!(
            check("2024-05-06T11:00:00Z", "2024-05-06T12:00:00Z"),
            Err(Unavailable::Conflict),
            "inside the seated booking's after buffer"
        );
        assert_eq!(check("2024-05-06T11:10:00Z", "2024-05-06T12:00:00Z"), Ok(0));
        // Bookings of other event types never share seats.
        assert_eq!(
            check("2024-05-06T14:00:00Z", "2024-05-06T15:00:00Z"),
            Err(Unavailable::Conflict)
        );
        // Without seats on the event, the same booking is an ordinary conflict.
        let plain = HostBlocked::new(&[], &[], [first].iter(), false, &timeline());
        let (a, z) = ("2024-05-06T10:00:00Z", "2024-05-06T11:00:00Z");
        assert_eq!(
            plain.check(span(a, z), secs(a), secs(z)),
            Err(Unavailable::Conflict)
        );
    }

    #[test]
    fn counts_only_this_event_type_by_local_day() {
        let mut a = booking("2024-05-06T10:00:00Z", "2024-05-06T10:30:00Z");
        a.same_event_type = true;
        let mut b = booking("2024-05-07T23:30:00Z", "2024-05-08T00:30:00Z");
        b.same_event_type = true;
        let c = booking("2024-05-07T12:00:00Z", "2024-05-07T13:00:00Z");
        let blocked = HostBlocked::new(&[], &[], [a, b, c].iter(), false, &timeline());
        let d = zone::day_number("2024-05-06".parse().unwrap());
        assert_eq!(blocked.counted_within(d, d + 1), (1, 1800));
        assert_eq!(blocked.counted_within(d + 1, d + 2), (1, 3600));
        assert_eq!(blocked.counted_within(d, d + 7), (2, 5400));
        assert_eq!(blocked.counted_within(d + 2, d + 7), (0, 0));
    }

    #[test]
    fn validation() {
        let mut b = booking("2024-05-06T10:00:00Z", "2024-05-06T09:00:00Z");
        assert_eq!(
            b.validate("bookings[4]").unwrap_err().to_string(),
            "bookings[4]: ends before it starts"
        );
        b.end = b.start;
        b.seats_taken = 0;
        assert_eq!(
            b.validate("bookings[4]").unwrap_err().field,
            "bookings[4].seats_taken"
        );
        let json = r#"{"host_id":3,"start":"2024-05-06T10:00:00Z","end":"2024-05-06T11:00:00Z"}"#;
        let parsed: ExistingBooking = serde_json::from_str(json).unwrap();
        assert_eq!(parsed.seats_taken, 1);
        assert!(!parsed.same_event_type);
    }
}

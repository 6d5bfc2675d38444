//! Small builders that keep the scenario tests readable.

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::availability::*;

/// An instant from RFC 3339.
pub fn t(s: &str) -> DateTime<Utc> {
    s.parse()
        .unwrap_or_else(|e| panic!("bad instant {s:?}: {e}"))
}

/// The first instant with local time `s` ("YYYY-MM-DD HH:MM") in `tz`.
pub fn local(tz: Tz, s: &str) -> DateTime<Utc> {
    let naive = NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    tz.from_local_datetime(&naive)
        .earliest()
        .unwrap_or_else(|| panic!("{s} does not exist in {tz}"))
        .with_timezone(&Utc)
}

pub fn r(start: &str, end: &str) -> TimeRange {
    TimeRange::parse(start, end).unwrap()
}

pub fn every_day(tz: Tz, ranges: &[TimeRange]) -> Schedule {
    Schedule::weekly(tz, WeeklyHours::on(&DayOfWeek::ALL, ranges))
}

pub fn weekdays(tz: Tz, ranges: &[TimeRange]) -> Schedule {
    Schedule::weekly(tz, WeeklyHours::on(&DayOfWeek::ALL[..5], ranges))
}

/// An individual event of host 1 with `schedule`, `now` long ago, booker in the host's zone.
pub fn individual(schedule: Schedule, duration_minutes: u32) -> AvailabilityInput {
    let booker_time_zone = schedule.time_zone;
    AvailabilityInput {
        event: EventRules::new(duration_minutes),
        team: Team::individual(Host::new(HostId(1), schedule)),
        bookings: Vec::new(),
        now: t("2000-01-01T00:00:00Z"),
        booker_time_zone,
    }
}

pub fn range(from: DateTime<Utc>, to: DateTime<Utc>) -> Interval<DateTime<Utc>> {
    Interval::new(from, to)
}

/// Slots of the input's first duration in `[from, to)`.
pub fn slots(input: &AvailabilityInput, from: DateTime<Utc>, to: DateTime<Utc>) -> SlotList {
    available_slots(input, range(from, to), input.event.durations_minutes[0])
        .unwrap_or_else(|e| panic!("unexpected error: {e}"))
}

/// Slot starts as local "YYYY-MM-DD HH:MM+HH:MM" strings in `tz`.
pub fn starts_in(list: &SlotList, tz: Tz) -> Vec<String> {
    list.slots()
        .map(|s| {
            s.start
                .with_timezone(&tz)
                .format("%Y-%m-%d %H:%M%:z")
                .to_string()
        })
        .collect()
}

/// Slot starts as local "HH:MM" strings in `tz`.
pub fn times_in(list: &SlotList, tz: Tz) -> Vec<String> {
    list.slots()
        .map(|s| s.start.with_timezone(&tz).format("%H:%M").to_string())
        .collect()
}

/// Checks that every listed slot passes `check_slot` with the same details, and that
/// every start on a 5-minute grid in `[from, to)` passes iff it is listed.
pub fn assert_agrees_with_check_slot(
    input: &AvailabilityInput,
    list: &SlotList,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) {
    let duration = list.duration_minutes;
    let listed: Vec<&Slot> = list.slots().collect();
    for slot in &listed {
        let details = check_slot(input, slot.start, duration)
            .unwrap_or_else(|e| panic!("listed slot {} rejected: {e:?}", slot.start));
        assert_eq!(&details.slot(), *slot);
    }
    let mut at = from;
    while at < to {
        let ok = check_slot(input, at, duration).is_ok();
        let is_listed = listed.iter().any(|s| s.start == at);
        assert_eq!(
            ok, is_listed,
            "check_slot({at}) = {ok}, listed = {is_listed}"
        );
        at += chrono::Duration::minutes(5);
    }
}

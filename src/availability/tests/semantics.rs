//! One test per rule of an individual event: grid, buffers, notice, window, limits, seats,
//! first slot of the day, overrides, errors, JSON.

use chrono::Duration;
use chrono_tz::Tz;

use super::support::*;
use crate::availability::*;

const UTC: Tz = Tz::UTC;

/// Weekdays 09:00–17:00 UTC, 30-minute slots, booker in UTC.
fn office(duration: u32) -> AvailabilityInput {
    individual(weekdays(UTC, &[r("09:00", "17:00")]), duration)
}

/// Monday 2024-05-06.
fn monday(input: &AvailabilityInput) -> SlotList {
    slots(input, t("2024-05-06T00:00:00Z"), t("2024-05-07T00:00:00Z"))
}

fn booking(start: &str, end: &str) -> ExistingBooking {
    ExistingBooking::new(HostId(1), t(start), t(end))
}

fn this_type(start: &str, end: &str) -> ExistingBooking {
    ExistingBooking {
        same_event_type: true,
        ..booking(start, end)
    }
}

fn all_day_times(from: u32, to: u32, step: u32) -> Vec<String> {
    (from..to)
        .step_by(step as usize)
        .map(|m| format!("{:02}:{:02}", m / 60, m % 60))
        .collect()
}

#[test]
fn busy_time_removes_candidates_but_never_shifts_the_grid() {
    let mut input = office(30);
    input.team.hosts[0].busy.push(Interval::new(
        t("2024-05-06T09:10:00Z"),
        t("2024-05-06T09:40:00Z"),
    ));
    let list = monday(&input);
    // Not 09:40: the grid stays on the half hours.
    assert_eq!(times_in(&list, UTC), all_day_times(600, 1020, 30));
    assert_eq!(
        check_slot(&input, t("2024-05-06T09:40:00Z"), 30),
        Err(Unavailable::NotOnSlotGrid)
    );
    assert_eq!(
        check_slot(&input, t("2024-05-06T09:30:00Z"), 30),
        Err(Unavailable::Conflict)
    );
    assert_agrees_with_check_slot(
        &input,
        &list,
        t("2024-05-06T08:00:00Z"),
        t("2024-05-06T18:00:00Z"),
    );
}

#[test]
fn slot_interval_can_differ_from_the_duration() {
    let mut input = individual(weekdays(UTC, &[r("09:00", "11:00")]), 60);
    input.event.slot_interval_minutes = Some(15);
    let list = monday(&input);
    assert_eq!(
        times_in(&list, UTC),
        ["09:00", "09:15", "09:30", "09:45", "10:00"]
    );
    assert_eq!(
        check_slot(&input, t("2024-05-06T10:15:00Z"), 60),
        Err(Unavailable::OutsideWorkingHours),
        "must fit inside its range"
    );
    assert_eq!(
        check_slot(&input, t("2024-05-06T09:05:00Z"), 60),
        Err(Unavailable::NotOnSlotGrid)
    );
}

#[test]
fn several_durations_each_get_their_own_grid() {
    let mut input = individual(weekdays(UTC, &[r("09:00", "11:00")]), 30);
    input.event.durations_minutes = vec![30, 45];
    let thirty = available_slots(
        &input,
        range(t("2024-05-06T00:00:00Z"), t("2024-05-07T00:00:00Z")),
        30,
    )
    .unwrap();
    let forty_five = available_slots(
        &input,
        range(t("2024-05-06T00:00:00Z"), t("2024-05-07T00:00:00Z")),
        45,
    )
    .unwrap();
    assert_eq!(times_in(&thirty, UTC), ["09:00", "09:30", "10:00", "10:30"]);
    assert_eq!(times_in(&forty_five, UTC), ["09:00", "09:45"]);
    assert_eq!(forty_five.duration_minutes, 45);
    assert_eq!(forty_five.days[0].slots[1].end, t("2024-05-06T10:30:00Z"));
}

#[test]
fn buffers_extend_busy_time_not_slots() {
    let mut input = office(30);
    input.event.before_buffer_minutes = 15;
    input.event.after_buffer_minutes = 15;
    input.team.hosts[0].busy.push(Interval::new(
        t("2024-05-06T11:00:00Z"),
        t("2024-05-06T12:00:00Z"),
    ));
    let mut existing = booking("2024-05-06T14:00:00Z", "2024-05-06T15:00:00Z");
    existing.after_buffer_minutes = 30; // busy until 15:30
    input.bookings.push(existing);
    let list = monday(&input);
    // 09:00's before buffer and 16:30's after buffer lie outside working hours: allowed.
    assert_eq!(
        times_in(&list, UTC),
        [
            "09:00", "09:30", "10:00", "12:30", "13:00", "16:00", "16:30"
        ]
    );
    assert_agrees_with_check_slot(
        &input,
        &list,
        t("2024-05-06T08:00:00Z"),
        t("2024-05-06T18:00:00Z"),
    );
}

#[test]
fn minimum_notice_and_the_past() {
    let mut input = office(30);
    input.now = t("2024-05-06T10:10:00Z");
    input.event.minimum_notice_minutes = 60;
    let list = monday(&input);
    assert_eq!(times_in(&list, UTC), all_day_times(690, 1020, 30));
    assert_eq!(
        check_slot(&input, t("2024-05-06T09:00:00Z"), 30),
        Err(Unavailable::InThePast)
    );
    assert_eq!(
        check_slot(&input, t("2024-05-06T11:00:00Z"), 30),
        Err(Unavailable::WithinMinimumNotice)
    );
    assert!(check_slot(&input, t("2024-05-06T11:30:00Z"), 30).is_ok());
    // Exactly at the notice boundary is allowed.
    input.now = t("2024-05-06T10:30:00Z");
    assert!(check_slot(&input, t("2024-05-06T11:30:00Z"), 30).is_ok());
    // A fraction of a second late is not.
    input.now = t("2024-05-06T10:30:00.001Z");
    assert_eq!(
        check_slot(&input, t("2024-05-06T11:30:00Z"), 30),
        Err(Unavailable::WithinMinimumNotice)
    );
}

#[test]
fn rolling_calendar_and_business_day_windows() {
    let mut input = office(60);
    input.now = t("2024-05-10T10:00:00Z"); // Friday
    let week = |input: &AvailabilityInput| {
        let list = slots(input, t("2024-05-10T00:00:00Z"), t("2024-05-18T00:00:00Z"));
        list.days
            .iter()
            .map(|d| d.date.to_string())
            .collect::<Vec<_>>()
    };
    input.event.booking_window = BookingWindow::RollingCalendarDays { days: 2 };
    assert_eq!(week(&input), ["2024-05-10"]);
    assert_eq!(
        check_slot(&input, t("2024-05-13T09:00:00Z"), 60),
        Err(Unavailable::OutsideBookingWindow)
    );
    input.event.booking_window = BookingWindow::RollingCalendarDays { days: 4 };
    assert_eq!(week(&input), ["2024-05-10", "2024-05-13"]);
    input.event.booking_window = BookingWindow::RollingBusinessDays { days: 2 };
    assert_eq!(week(&input), ["2024-05-10", "2024-05-13"]);
    input.event.booking_window = BookingWindow::RollingBusinessDays { days: 4 };
    assert_eq!(
        week(&input),
        ["2024-05-10", "2024-05-13", "2024-05-14", "2024-05-15"]
    );
    input.event.booking_window = BookingWindow::DateRange {
        start: "2024-05-14".parse().unwrap(),
        end: "2024-05-15".parse().unwrap(),
    };
    assert_eq!(week(&input), ["2024-05-14", "2024-05-15"]);
}

#[test]
fn the_window_counts_days_in_the_hosts_zone() {
    let ny = Tz::America__New_York;
    let mut input = individual(weekdays(ny, &[r("09:00", "17:00")]), 60);
    input.booker_time_zone = UTC;
    // Thursday 22:00 in New York, already Friday in UTC.
    input.now = t("2024-05-10T02:00:00Z");
    input.event.booking_window = BookingWindow::RollingCalendarDays { days: 1 };
    let list = slots(&input, t("2024-05-09T00:00:00Z"), t("2024-05-12T00:00:00Z"));
    assert!(list.is_empty(), "only Thursday (NY) is in the window");
    input.event.booking_window = BookingWindow::RollingCalendarDays { days: 2 };
    let list = slots(&input, t("2024-05-09T00:00:00Z"), t("2024-05-12T00:00:00Z"));
    assert_eq!(list.slots().count(), 8, "Friday in New York");
}

#[test]
fn daily_booking_limit_counts_only_this_event_type() {
    let mut input = office(30);
    input.event.booking_limits.per_day = Some(2);
    input.bookings = vec![
        this_type("2024-05-06T09:00:00Z", "2024-05-06T09:30:00Z"),
        booking("2024-05-06T10:00:00Z", "2024-05-06T10:30:00Z"),
        this_type("2024-05-07T09:00:00Z", "2024-05-07T09:30:00Z"),
    ];
    // Monday: one of this type -> still open (minus the booked times).
    assert_eq!(monday(&input).slots().count(), 14);
    input
        .bookings
        .push(this_type("2024-05-06T16:00:00Z", "2024-05-06T16:30:00Z"));
    assert!(monday(&input).is_empty());
    assert_eq!(
        check_slot(&input, t("2024-05-06T11:00:00Z"), 30),
        Err(Unavailable::BookingLimitReached {
            period: LimitPeriod::Day
        })
    );
    // Tuesday has one.
    assert!(check_slot(&input, t("2024-05-07T11:00:00Z"), 30).is_ok());
}

#[test]
fn weekly_limit_follows_the_first_day_of_the_week() {
    let mut input = office(60);
    input.event.booking_limits.per_week = Some(1);
    // A booking on Sunday 2024-05-12 (outside working hours: limits count it anyway).
    input.bookings = vec![this_type("2024-05-12T10:00:00Z", "2024-05-12T11:00:00Z")];
    let days = |input: &AvailabilityInput| {
        slots(input, t("2024-05-06T00:00:00Z"), t("2024-05-18T00:00:00Z"))
            .days
            .iter()
            .map(|d| d.date.to_string())
            .collect::<Vec<_>>()
    };
    input.event.first_day_of_week = DayOfWeek::Monday;
    assert_eq!(
        days(&input),
        [
            "2024-05-13",
            "2024-05-14",
            "2024-05-15",
            "2024-05-16",
            "2024-05-17"
        ]
    );
    input.event.first_day_of_week = DayOfWeek::Sunday;
    assert_eq!(
        days(&input),
        [
            "2024-05-06",
            "2024-05-07",
            "2024-05-08",
            "2024-05-09",
            "2024-05-10"
        ]
    );
    assert_eq!(
        check_slot(&input, t("2024-05-13T09:00:00Z"), 60),
        Err(Unavailable::BookingLimitReached {
            period: LimitPeriod::Week
        })
    );
}

#[test]
fn monthly_and_yearly_limits_use_the_hosts_zone() {
    let berlin = Tz::Europe__Berlin;
    let mut input = individual(weekdays(berlin, &[r("09:00", "17:00")]), 60);
    input.event.booking_limits.per_year = Some(1);
    // 2024-12-31 23:30 UTC is already 2025 in Berlin.
    input.bookings = vec![this_type("2024-12-31T23:30:00Z", "2025-01-01T00:30:00Z")];
    assert!(check_slot(&input, local(berlin, "2024-12-30 09:00"), 60).is_ok());
    assert_eq!(
        check_slot(&input, local(berlin, "2025-01-02 09:00"), 60),
        Err(Unavailable::BookingLimitReached {
            period: LimitPeriod::Year
        })
    );
    input.event.booking_limits = PeriodLimits {
        per_month: Some(1),
        ..PeriodLimits::default()
    };
    assert!(check_slot(&input, local(berlin, "2024-12-30 09:00"), 60).is_ok());
    assert!(check_slot(&input, local(berlin, "2025-01-31 09:00"), 60).is_err());
    assert!(check_slot(&input, local(berlin, "2025-02-03 09:00"), 60).is_ok());
}

#[test]
fn duration_limit_includes_the_candidate() {
    let mut input = office(30);
    input.event.durations_minutes = vec![30, 60];
    input.event.duration_limits_minutes.per_day = Some(90);
    input.bookings = vec![this_type("2024-05-06T09:00:00Z", "2024-05-06T10:00:00Z")];
    assert!(
        check_slot(&input, t("2024-05-06T11:00:00Z"), 30).is_ok(),
        "60 + 30 <= 90"
    );
    assert_eq!(
        check_slot(&input, t("2024-05-06T11:00:00Z"), 60),
        Err(Unavailable::DurationLimitReached {
            period: LimitPeriod::Day
        }),
        "60 + 60 > 90"
    );
    let sixty = available_slots(
        &input,
        range(t("2024-05-06T00:00:00Z"), t("2024-05-08T00:00:00Z")),
        60,
    )
    .unwrap();
    assert_eq!(sixty.days.len(), 1);
    assert_eq!(sixty.days[0].date.to_string(), "2024-05-07");
}

#[test]
fn seats_stay_offered_until_full() {
    let mut input = office(30);
    input.event.seats_per_slot = Some(3);
    let mut seated = this_type("2024-05-06T10:00:00Z", "2024-05-06T10:30:00Z");
    seated.seats_taken = 2;
    input.bookings.push(seated);
    let list = monday(&input);
    let seats: Vec<(String, Option<u32>)> = list
        .slots()
        .take(4)
        .map(|s| (s.start.format("%H:%M").to_string(), s.seats_remaining))
        .collect();
    assert_eq!(
        seats,
        [
            ("09:00".to_owned(), Some(3)),
            ("09:30".to_owned(), Some(3)),
            ("10:00".to_owned(), Some(1)),
            ("10:30".to_owned(), Some(3)),
        ]
    );
    input.bookings[0].seats_taken = 3;
    assert_eq!(
        check_slot(&input, t("2024-05-06T10:00:00Z"), 30),
        Err(Unavailable::NoSeatsLeft)
    );
    assert_eq!(monday(&input).slots().count(), 15);
    // A different length at the same start is another meeting: a conflict.
    input.event.durations_minutes = vec![30, 60];
    input.bookings[0].seats_taken = 1;
    assert_eq!(
        check_slot(&input, t("2024-05-06T10:00:00Z"), 60),
        Err(Unavailable::Conflict)
    );
}

#[test]
fn joining_a_seated_meeting_ignores_limits() {
    let mut input = office(30);
    input.event.seats_per_slot = Some(3);
    input.event.booking_limits.per_day = Some(1);
    input
        .bookings
        .push(this_type("2024-05-06T10:00:00Z", "2024-05-06T10:30:00Z"));
    let list = monday(&input);
    assert_eq!(times_in(&list, UTC), ["10:00"]);
    assert_eq!(list.days[0].slots[0].seats_remaining, Some(2));
}

#[test]
fn only_the_first_slot_of_each_day() {
    let mut input = office(30);
    input.event.only_first_slot_per_day = true;
    input
        .bookings
        .push(booking("2024-05-06T09:00:00Z", "2024-05-06T10:00:00Z"));
    let list = slots(&input, t("2024-05-06T00:00:00Z"), t("2024-05-08T00:00:00Z"));
    assert_eq!(
        starts_in(&list, UTC),
        ["2024-05-06 10:00+00:00", "2024-05-07 09:00+00:00"]
    );
    assert_eq!(
        check_slot(&input, t("2024-05-06T10:30:00Z"), 30),
        Err(Unavailable::NotFirstSlotOfDay)
    );
    // Judged over the whole day: a range starting at noon shows nothing on Monday.
    let afternoon = slots(&input, t("2024-05-06T12:00:00Z"), t("2024-05-07T12:00:00Z"));
    assert_eq!(starts_in(&afternoon, UTC), ["2024-05-07 09:00+00:00"]);
    assert_agrees_with_check_slot(
        &input,
        &list,
        t("2024-05-06T08:00:00Z"),
        t("2024-05-07T18:00:00Z"),
    );
}

#[test]
fn only_first_slot_uses_the_bookers_dates() {
    // Tokyo host 09:00–17:00 = Los Angeles Sunday 17:00 – Monday 01:00.
    let mut input = individual(weekdays(Tz::Asia__Tokyo, &[r("09:00", "17:00")]), 60);
    input.booker_time_zone = Tz::America__Los_Angeles;
    input.event.only_first_slot_per_day = true;
    let list = slots(&input, t("2024-05-05T12:00:00Z"), t("2024-05-06T12:00:00Z"));
    assert_eq!(
        starts_in(&list, Tz::America__Los_Angeles),
        ["2024-05-05 17:00-07:00", "2024-05-06 00:00-07:00"]
    );
}

#[test]
fn overrides_and_holidays() {
    let mut input = office(60);
    let schedule = &mut input.team.hosts[0].schedule;
    schedule
        .date_overrides
        .insert("2024-05-06".parse().unwrap(), vec![r("13:00", "15:00")]);
    schedule
        .date_overrides
        .insert("2024-05-08".parse().unwrap(), vec![]);
    schedule.holidays.insert("2024-05-07".parse().unwrap());
    schedule
        .date_overrides
        .insert("2024-05-11".parse().unwrap(), vec![r("10:00", "11:00")]);
    let list = slots(&input, t("2024-05-06T00:00:00Z"), t("2024-05-13T00:00:00Z"));
    assert_eq!(
        starts_in(&list, UTC),
        [
            "2024-05-06 13:00+00:00",
            "2024-05-06 14:00+00:00",
            "2024-05-09 09:00+00:00",
            "2024-05-09 10:00+00:00",
            "2024-05-09 11:00+00:00",
            "2024-05-09 12:00+00:00",
            "2024-05-09 13:00+00:00",
            "2024-05-09 14:00+00:00",
            "2024-05-09 15:00+00:00",
            "2024-05-09 16:00+00:00",
            "2024-05-10 09:00+00:00",
            "2024-05-10 10:00+00:00",
            "2024-05-10 11:00+00:00",
            "2024-05-10 12:00+00:00",
            "2024-05-10 13:00+00:00",
            "2024-05-10 14:00+00:00",
            "2024-05-10 15:00+00:00",
            "2024-05-10 16:00+00:00",
            "2024-05-11 10:00+00:00",
        ]
    );
}

#[test]
fn out_of_office_blocks_slots_and_buffers() {
    let mut input = office(60);
    input.event.after_buffer_minutes = 30;
    input.team.hosts[0].out_of_office.push(Interval::new(
        t("2024-05-06T12:00:00Z"),
        t("2024-05-07T00:00:00Z"),
    ));
    assert_eq!(times_in(&monday(&input), UTC), ["09:00", "10:00"]);
    assert_eq!(
        check_slot(&input, t("2024-05-06T11:00:00Z"), 60),
        Err(Unavailable::OutOfOffice)
    );
}

#[test]
fn the_answer_does_not_depend_on_where_the_range_is_cut() {
    let mut input = individual(
        every_day(
            Tz::Europe__Berlin,
            &[r("22:00", "03:00"), r("08:00", "12:00")],
        ),
        50,
    );
    input.event.slot_interval_minutes = Some(35);
    input.team.hosts[0].busy.push(Interval::new(
        t("2024-03-30T23:00:00Z"),
        t("2024-03-31T00:10:00Z"),
    ));
    let (from, to) = (t("2024-03-28T00:00:00Z"), t("2024-04-03T00:00:00Z"));
    let whole: Vec<Slot> = slots(&input, from, to).slots().cloned().collect();
    let mut at = from;
    let mut pieces = Vec::new();
    while at < to {
        let next = (at + Duration::minutes(437)).min(to);
        pieces.extend(slots(&input, at, next).slots().cloned());
        at = next;
    }
    assert_eq!(whole, pieces);
    assert!(whole.len() > 40);
}

#[test]
fn invalid_input_is_a_typed_error_naming_the_field() {
    let input = office(30);
    let day = range(t("2024-05-06T00:00:00Z"), t("2024-05-07T00:00:00Z"));
    assert_eq!(
        available_slots(&input, day, 45).unwrap_err().to_string(),
        "duration_minutes: 45 minutes is not one of the event's durations"
    );
    assert_eq!(
        check_slot(&input, t("2024-05-06T09:00:00Z"), 45),
        Err(Unavailable::InvalidDuration { minutes: 45 })
    );
    let mut empty = office(30);
    empty.event.durations_minutes.clear();
    let err = available_slots(&empty, day, 30).unwrap_err();
    assert_eq!(err.field, "event.durations_minutes");
    assert_eq!(err.reason, InputReason::Empty);
    assert_eq!(
        check_slot(&empty, t("2024-05-06T09:00:00Z"), 30),
        Err(Unavailable::InvalidInput { error: err })
    );
    let mut unknown = office(30);
    unknown.bookings.push(ExistingBooking::new(
        HostId(9),
        t("2024-05-06T09:00:00Z"),
        t("2024-05-06T10:00:00Z"),
    ));
    assert_eq!(
        available_slots(&unknown, day, 30).unwrap_err().to_string(),
        "bookings[0].host_id: there is no host 9 in the team"
    );
    let backwards = range(t("2024-05-07T00:00:00Z"), t("2024-05-06T00:00:00Z"));
    assert_eq!(
        available_slots(&input, backwards, 30).unwrap_err().reason,
        InputReason::EndBeforeStart
    );
    let long = range(t("2024-01-01T00:00:00Z"), t("2025-06-01T00:00:00Z"));
    assert_eq!(
        available_slots(&input, long, 30).unwrap_err().to_string(),
        "range: spans more than 400 days"
    );
    let ancient = range(t("1800-01-01T00:00:00Z"), t("1800-01-02T00:00:00Z"));
    assert_eq!(
        available_slots(&input, ancient, 30).unwrap_err().field,
        "range.start"
    );
    let mut bad_range = office(30);
    bad_range.team.hosts[0].schedule.weekly.monday[0] = TimeRange {
        start: TimeOfDay::END_OF_DAY,
        end: "06:00".parse().unwrap(),
    };
    assert_eq!(
        available_slots(&bad_range, day, 30)
            .unwrap_err()
            .to_string(),
        "team.hosts[0].schedule.weekly.monday[0]: a time range cannot start at 24:00"
    );
    // A bad time in JSON is rejected while parsing, with the reason.
    let json = serde_json::to_string(&input)
        .unwrap()
        .replace("\"09:00\"", "\"25:00\"");
    let err = serde_json::from_str::<AvailabilityInput>(&json)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("\"25:00\" is not a time of day: the hour must be 00 to 23"),
        "{err}"
    );
    // Sub-second starts are never on the grid.
    assert_eq!(
        check_slot(&input, t("2024-05-06T09:00:00.5Z"), 30),
        Err(Unavailable::NotOnSlotGrid)
    );
    assert_eq!(
        check_slot(&input, t("2024-05-06T08:00:00Z"), 30),
        Err(Unavailable::OutsideWorkingHours)
    );
}

#[test]
fn json_round_trip_and_shapes() {
    let mut input = office(30);
    input.event.seats_per_slot = Some(2);
    input.event.booking_window = BookingWindow::RollingBusinessDays { days: 10 };
    input
        .bookings
        .push(this_type("2024-05-06T10:00:00Z", "2024-05-06T10:30:00Z"));
    let json = serde_json::to_string(&input).unwrap();
    let back: AvailabilityInput = serde_json::from_str(&json).unwrap();
    assert_eq!(back, input);
    assert!(json.contains(r#""booker_time_zone":"UTC""#), "{json}");
    assert!(
        json.contains(r#""monday":[{"start":"09:00","end":"17:00"}]"#),
        "{json}"
    );

    input.event.booking_window = BookingWindow::Unlimited;
    let list = slots(&input, t("2024-05-06T09:00:00Z"), t("2024-05-06T10:30:00Z"));
    let json = serde_json::to_string(&list).unwrap();
    assert_eq!(
        json,
        r#"{"time_zone":"UTC","duration_minutes":30,"days":[{"date":"2024-05-06","slots":[{"start":"2024-05-06T09:00:00Z","end":"2024-05-06T09:30:00Z","seats_remaining":2},{"start":"2024-05-06T09:30:00Z","end":"2024-05-06T10:00:00Z","seats_remaining":2},{"start":"2024-05-06T10:00:00Z","end":"2024-05-06T10:30:00Z","seats_remaining":1}]}]}"#
    );
    let back: SlotList = serde_json::from_str(&json).unwrap();
    assert_eq!(back, list);
    assert_eq!(
        serde_json::to_string(&Unavailable::BookingLimitReached {
            period: LimitPeriod::Week
        })
        .unwrap(),
        r#"{"reason":"booking_limit_reached","period":"week"}"#
    );
    assert_eq!(
        serde_json::to_string(&Unavailable::Conflict).unwrap(),
        r#"{"reason":"conflict"}"#
    );
}

#[test]
fn ranges_outside_now_and_empty_ranges() {
    let mut input = office(30);
    input.now = t("2024-05-08T00:00:00Z");
    assert!(monday(&input).is_empty(), "entirely in the past");
    let empty = range(t("2024-05-09T10:00:00Z"), t("2024-05-09T10:00:00Z"));
    assert!(available_slots(&input, empty, 30).unwrap().is_empty());
    // The range bounds starts, not ends.
    let list = slots(&input, t("2024-05-09T16:30:00Z"), t("2024-05-09T16:30:01Z"));
    assert_eq!(list.slots().count(), 1);
    assert_eq!(list.days[0].slots[0].end, t("2024-05-09T17:00:00Z"));
}

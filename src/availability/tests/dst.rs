//! Wall-clock working hours across DST changes and odd offsets, the merged-range grid, and
//! booker zones that split a host's day.

use chrono_tz::Tz;

use super::support::*;
use crate::availability::*;

const BERLIN: Tz = Tz::Europe__Berlin;
const NEW_YORK: Tz = Tz::America__New_York;
const LORD_HOWE: Tz = Tz::Australia__Lord_Howe;
const KATHMANDU: Tz = Tz::Asia__Kathmandu;
const SAO_PAULO: Tz = Tz::America__Sao_Paulo;

fn sunday_only(tz: Tz, ranges: &[TimeRange]) -> Schedule {
    Schedule::weekly(tz, WeeklyHours::on(&[DayOfWeek::Sunday], ranges))
}

fn hours(list: &SlotList) -> i64 {
    list.slots()
        .map(|s| (s.end - s.start).num_minutes())
        .sum::<i64>()
        / 60
}

#[test]
fn berlin_nine_to_five_is_eight_hourly_slots_on_both_change_days() {
    let input = individual(sunday_only(BERLIN, &[r("09:00", "17:00")]), 60);
    for day in ["2024-03-31", "2024-10-27"] {
        let list = slots(
            &input,
            local(BERLIN, &format!("{day} 00:00")),
            local(BERLIN, &format!("{day} 23:00")),
        );
        assert_eq!(
            times_in(&list, BERLIN),
            [
                "09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00"
            ],
            "{day}"
        );
        assert_eq!(hours(&list), 8);
        assert_eq!(list.days.len(), 1);
        assert_eq!(list.days[0].date.to_string(), day);
    }
}

#[test]
fn berlin_spring_forward_never_offers_a_nonexistent_start() {
    // 2024-03-31 02:00 -> 03:00: 00:00–06:00 local is 5 real hours.
    let input = individual(sunday_only(BERLIN, &[r("00:00", "06:00")]), 30);
    let list = slots(&input, t("2024-03-30T12:00:00Z"), t("2024-03-31T12:00:00Z"));
    assert_eq!(
        starts_in(&list, BERLIN),
        [
            "2024-03-31 00:00+01:00",
            "2024-03-31 00:30+01:00",
            "2024-03-31 01:00+01:00",
            "2024-03-31 01:30+01:00",
            "2024-03-31 03:00+02:00",
            "2024-03-31 03:30+02:00",
            "2024-03-31 04:00+02:00",
            "2024-03-31 04:30+02:00",
            "2024-03-31 05:00+02:00",
            "2024-03-31 05:30+02:00",
        ]
    );
    assert_agrees_with_check_slot(
        &input,
        &list,
        t("2024-03-30T21:00:00Z"),
        t("2024-03-31T05:00:00Z"),
    );
}

#[test]
fn berlin_fall_back_covers_the_repeated_hour_twice() {
    // 2024-10-27 03:00 CEST -> 02:00 CET: 00:00–06:00 local is 7 real hours.
    let input = individual(sunday_only(BERLIN, &[r("00:00", "06:00")]), 30);
    let list = slots(&input, t("2024-10-26T12:00:00Z"), t("2024-10-27T12:00:00Z"));
    let starts = starts_in(&list, BERLIN);
    assert_eq!(starts.len(), 14);
    assert_eq!(
        &starts[4..8],
        [
            "2024-10-27 02:00+02:00",
            "2024-10-27 02:30+02:00",
            "2024-10-27 02:00+01:00",
            "2024-10-27 02:30+01:00",
        ]
    );
    assert_eq!(starts[13], "2024-10-27 05:30+01:00");
}

#[test]
fn berlin_range_ending_inside_the_repeated_hour() {
    // 00:00–02:30 covers 02:00–02:30 twice, but not 02:30–03:00 CEST: two ranges, and the
    // grid restarts at the second.
    let input = individual(sunday_only(BERLIN, &[r("00:00", "02:30")]), 30);
    let list = slots(&input, t("2024-10-26T12:00:00Z"), t("2024-10-27T12:00:00Z"));
    assert_eq!(
        starts_in(&list, BERLIN),
        [
            "2024-10-27 00:00+02:00",
            "2024-10-27 00:30+02:00",
            "2024-10-27 01:00+02:00",
            "2024-10-27 01:30+02:00",
            "2024-10-27 02:00+02:00",
            "2024-10-27 02:00+01:00",
        ]
    );
}

#[test]
fn new_york_both_changes() {
    let input = individual(sunday_only(NEW_YORK, &[r("01:00", "04:00")]), 60);
    let spring = slots(&input, t("2024-03-10T00:00:00Z"), t("2024-03-11T00:00:00Z"));
    assert_eq!(
        starts_in(&spring, NEW_YORK),
        ["2024-03-10 01:00-05:00", "2024-03-10 03:00-04:00"]
    );
    let input = individual(sunday_only(NEW_YORK, &[r("01:00", "03:00")]), 60);
    let fall = slots(&input, t("2024-11-03T00:00:00Z"), t("2024-11-04T00:00:00Z"));
    assert_eq!(
        starts_in(&fall, NEW_YORK),
        [
            "2024-11-03 01:00-04:00",
            "2024-11-03 01:00-05:00",
            "2024-11-03 02:00-05:00"
        ]
    );
    assert_agrees_with_check_slot(
        &input,
        &fall,
        t("2024-11-03T04:00:00Z"),
        t("2024-11-03T09:00:00Z"),
    );
}

#[test]
fn lord_howe_half_hour_shifts() {
    // 2024-04-07 02:00 (+11) -> 01:30 (+10:30): 01:30–02:00 happens twice.
    let input = individual(sunday_only(LORD_HOWE, &[r("01:00", "03:00")]), 30);
    let list = slots(&input, t("2024-04-06T00:00:00Z"), t("2024-04-07T00:00:00Z"));
    assert_eq!(
        starts_in(&list, LORD_HOWE),
        [
            "2024-04-07 01:00+11:00",
            "2024-04-07 01:30+11:00",
            "2024-04-07 01:30+10:30",
            "2024-04-07 02:00+10:30",
            "2024-04-07 02:30+10:30",
        ]
    );
    // 2024-10-06 02:00 (+10:30) -> 02:30 (+11): 02:00 does not exist.
    let input = individual(sunday_only(LORD_HOWE, &[r("01:00", "04:00")]), 30);
    let list = slots(&input, t("2024-10-05T00:00:00Z"), t("2024-10-06T00:00:00Z"));
    assert_eq!(
        starts_in(&list, LORD_HOWE),
        [
            "2024-10-06 01:00+10:30",
            "2024-10-06 01:30+10:30",
            "2024-10-06 02:30+11:00",
            "2024-10-06 03:00+11:00",
            "2024-10-06 03:30+11:00",
        ]
    );
    assert_agrees_with_check_slot(
        &input,
        &list,
        t("2024-10-05T13:00:00Z"),
        t("2024-10-05T18:00:00Z"),
    );
}

#[test]
fn kathmandu_quarter_hour_offset() {
    let mut input = individual(weekdays(KATHMANDU, &[r("09:00", "17:00")]), 60);
    input.booker_time_zone = Tz::UTC;
    let list = slots(&input, t("2024-06-03T00:00:00Z"), t("2024-06-04T00:00:00Z"));
    assert_eq!(
        times_in(&list, Tz::UTC),
        [
            "03:15", "04:15", "05:15", "06:15", "07:15", "08:15", "09:15", "10:15"
        ]
    );
    assert_eq!(
        times_in(&list, KATHMANDU),
        [
            "09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00"
        ]
    );
}

#[test]
fn sao_paulo_midnight_changes() {
    // 2018-11-04: clocks jump from 00:00 to 01:00. Saturday 22:00–24:00 and Sunday
    // 00:00–02:00 touch across the missing midnight and form one 3-hour range.
    let weekly = WeeklyHours {
        saturday: vec![r("22:00", "24:00")],
        sunday: vec![r("00:00", "02:00")],
        ..WeeklyHours::default()
    };
    let input = individual(Schedule::weekly(SAO_PAULO, weekly.clone()), 45);
    let list = slots(&input, t("2018-11-03T12:00:00Z"), t("2018-11-04T12:00:00Z"));
    assert_eq!(
        starts_in(&list, SAO_PAULO),
        [
            "2018-11-03 22:00-03:00",
            "2018-11-03 22:45-03:00",
            "2018-11-03 23:30-03:00",
            "2018-11-04 01:15-02:00",
        ]
    );
    // 2019-02-17: clocks go back from 00:00 to 23:00 on the 16th: Saturday's 22:00–24:00
    // is 3 hours, and runs on into Sunday's 00:00–02:00.
    let input = individual(Schedule::weekly(SAO_PAULO, weekly), 60);
    let list = slots(&input, t("2019-02-16T12:00:00Z"), t("2019-02-17T12:00:00Z"));
    assert_eq!(
        starts_in(&list, SAO_PAULO),
        [
            "2019-02-16 22:00-02:00",
            "2019-02-16 23:00-02:00",
            "2019-02-16 23:00-03:00",
            "2019-02-17 00:00-03:00",
            "2019-02-17 01:00-03:00",
        ]
    );
    let per_day: Vec<usize> = list.days.iter().map(|d| d.slots.len()).collect();
    assert_eq!(per_day, [3, 2], "three start on the 16th");
}

#[test]
fn booker_date_boundary_splits_the_hosts_day() {
    // A Tokyo host's Monday 09:00–17:00 is Sunday 17:00 – Monday 01:00 in Los Angeles.
    let tokyo = Tz::Asia__Tokyo;
    let los_angeles = Tz::America__Los_Angeles;
    let mut input = individual(weekdays(tokyo, &[r("09:00", "17:00")]), 60);
    input.booker_time_zone = los_angeles;
    let list = slots(&input, t("2024-05-05T12:00:00Z"), t("2024-05-06T12:00:00Z"));
    assert_eq!(list.time_zone, los_angeles);
    let days: Vec<(String, usize)> = list
        .days
        .iter()
        .map(|d| (d.date.to_string(), d.slots.len()))
        .collect();
    assert_eq!(
        days,
        [("2024-05-05".to_owned(), 7), ("2024-05-06".to_owned(), 1)]
    );
    assert_eq!(
        list.days[1].slots[0]
            .start
            .with_timezone(&los_angeles)
            .to_rfc3339(),
        "2024-05-06T00:00:00-07:00"
    );
    // The host's zone decides the grid; the booker's only groups it.
    input.booker_time_zone = tokyo;
    let same = slots(&input, t("2024-05-05T12:00:00Z"), t("2024-05-06T12:00:00Z"));
    assert_eq!(same.days.len(), 1);
    assert_eq!(
        same.slots().map(|s| s.start).collect::<Vec<_>>(),
        list.slots().map(|s| s.start).collect::<Vec<_>>()
    );
}

#[test]
fn night_shift_is_one_range_across_midnight() {
    // Written as two ranges or as one crossing range, the grid runs on from 22:00.
    let split = WeeklyHours {
        monday: vec![r("22:00", "24:00")],
        tuesday: vec![r("00:00", "06:00")],
        ..WeeklyHours::default()
    };
    let crossing = WeeklyHours::on(&[DayOfWeek::Monday], &[r("22:00", "06:00")]);
    for weekly in [split, crossing] {
        let input = individual(Schedule::weekly(Tz::UTC, weekly), 90);
        let list = slots(&input, t("2024-05-06T00:00:00Z"), t("2024-05-08T00:00:00Z"));
        assert_eq!(
            times_in(&list, Tz::UTC),
            ["22:00", "23:30", "01:00", "02:30", "04:00"]
        );
        assert_eq!(list.days.len(), 2);
    }
}

#[test]
fn night_shift_across_the_spring_gap() {
    let input = individual(
        Schedule::weekly(
            BERLIN,
            WeeklyHours::on(&[DayOfWeek::Saturday], &[r("22:00", "06:00")]),
        ),
        60,
    );
    let list = slots(&input, t("2024-03-30T00:00:00Z"), t("2024-03-31T12:00:00Z"));
    assert_eq!(
        times_in(&list, BERLIN),
        [
            "22:00", "23:00", "00:00", "01:00", "03:00", "04:00", "05:00"
        ]
    );
}

#[test]
fn a_24_hour_schedule_restarts_its_grid_every_local_midnight() {
    let input = individual(every_day(Tz::UTC, &[r("00:00", "24:00")]), 50);
    let list = slots(&input, t("2024-05-06T00:00:00Z"), t("2024-05-09T00:00:00Z"));
    assert_eq!(list.days.len(), 3);
    for day in &list.days {
        // 00:00, 00:50, … 22:30: 28 slots; 23:20 would cross midnight.
        assert_eq!(day.slots.len(), 28);
        assert_eq!(day.slots[0].start.format("%H:%M").to_string(), "00:00");
        assert_eq!(day.slots[27].start.format("%H:%M").to_string(), "22:30");
    }
    // On Berlin's 23-hour day too, and the next day starts again at 00:00.
    let input = individual(every_day(BERLIN, &[r("00:00", "24:00")]), 50);
    let list = slots(
        &input,
        local(BERLIN, "2024-03-31 00:00"),
        local(BERLIN, "2024-04-02 00:00"),
    );
    assert_eq!(list.days[0].slots.len(), 27);
    assert_eq!(
        list.days[1].slots[0]
            .start
            .with_timezone(&BERLIN)
            .to_rfc3339(),
        "2024-04-01T00:00:00+02:00"
    );
    assert_agrees_with_check_slot(
        &input,
        &list,
        local(BERLIN, "2024-03-31 20:00"),
        local(BERLIN, "2024-04-01 02:00"),
    );
}

#[test]
fn sao_paulo_25_hour_day_around_the_clock() {
    let input = individual(every_day(SAO_PAULO, &[r("00:00", "24:00")]), 60);
    let list = slots(&input, t("2019-02-16T02:00:00Z"), t("2019-02-18T03:00:00Z"));
    let dates: Vec<(String, usize)> = list
        .days
        .iter()
        .map(|d| (d.date.to_string(), d.slots.len()))
        .collect();
    assert_eq!(
        dates,
        [("2019-02-16".to_owned(), 25), ("2019-02-17".to_owned(), 24)]
    );
    assert_eq!(
        list.days[1].slots[0]
            .start
            .with_timezone(&SAO_PAULO)
            .to_rfc3339(),
        "2019-02-17T00:00:00-03:00"
    );
}

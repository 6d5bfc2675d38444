//! Each file in `fixtures/` is a calendar that states what it should give: the window
//! (`X-KAIROS-TEST-WINDOW`), the host's zone (`X-KAIROS-TEST-HOST-ZONE`) and every busy
//! stretch in UTC (`X-KAIROS-TEST-BUSY`). `tests/ical_crosscheck.py` checks the same
//! statements against an independent expansion (Python's `icalendar` with
//! `recurring-ical-events`) on every run of `tests/run.sh`.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::UTC;

use super::{IcalError, MAX_BYTES, MAX_INSTANCES_PER_EVENT, busy_between};

fn at(text: &str) -> DateTime<Utc> {
    NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%d %H:%M")
        .expect("a test instant")
        .and_utc()
}

/// A VCALENDAR around `body`, with CRLF line ends as servers send them.
fn calendar(body: &str) -> String {
    let mut text = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kairos tests//EN\r\n");
    for line in body.lines().map(str::trim).filter(|l| !l.is_empty()) {
        text.push_str(line);
        text.push_str("\r\n");
    }
    text.push_str("END:VCALENDAR\r\n");
    text
}

/// What `body`, wrapped in a VCALENDAR, gives in `[from, to)` for a host in UTC.
fn read(body: &str, from: &str, to: &str) -> super::Expanded {
    busy_between(&calendar(body), at(from), at(to), UTC).expect("a calendar")
}

/// Reads a fixture's expectations and checks that it gives exactly those busy stretches.
fn check(fixture: &str) {
    let window = stated(fixture, "X-KAIROS-TEST-WINDOW")
        .next()
        .expect("a window");
    let (from, to) = window.split_once('/').expect("from/to");
    let zone = stated(fixture, "X-KAIROS-TEST-HOST-ZONE")
        .next()
        .expect("a zone");
    let zone = zone.parse().expect("an IANA zone");
    let expected: Vec<&str> = stated(fixture, "X-KAIROS-TEST-BUSY").collect();

    let expanded = busy_between(fixture, at(from), at(to), zone).expect("a calendar");
    assert_eq!(expanded.skipped, 0, "nothing skipped");
    let found: Vec<String> = expanded
        .busy
        .iter()
        .map(|b| {
            format!(
                "{}/{}",
                b.start.format("%Y-%m-%d %H:%M"),
                b.end.format("%Y-%m-%d %H:%M")
            )
        })
        .collect();
    assert_eq!(found, expected);
}

/// The values of a fixture's property `key`.
fn stated<'f>(fixture: &'f str, key: &'f str) -> impl Iterator<Item = &'f str> + 'f {
    fixture
        .lines()
        .filter_map(move |line| line.strip_prefix(key)?.strip_prefix(':'))
        .map(str::trim)
}

/// One test per fixture, named for the behaviour it pins down.
macro_rules! fixtures {
    ($($test:ident: $file:literal;)*) => {
        $(
            #[test]
            fn $test() {
                check(include_str!(concat!("fixtures/", $file, ".ics")));
            }
        )*
    };
}

fixtures! {
    count_ends_the_series: "count";
    // Weekly at 09:00 Berlin time across the start of summer time; UNTIL in UTC, inclusive.
    until_is_inclusive_and_wall_time_survives_dst: "until_across_dst";
    // BYDAY=-1SU and BYDAY=2MO.
    byday_with_ordinals: "last_sunday_and_second_monday";
    bymonthday_counts_from_both_ends: "month_days";
    // The last working day of each month.
    bysetpos_picks_from_the_set: "last_workday";
    exdate_removes_and_rdate_adds_instances: "exdate_and_rdate";
    // The stand-up of 4 March moved to the afternoon, 5 March cancelled.
    a_moved_instance_blocks_its_new_time_and_a_cancelled_one_nothing: "overrides";
    thisandfuture_moves_the_later_instances: "this_and_future";
    // Days in the host's zone; DTEND exclusive, one day without it; 29 March has 23 hours.
    all_day_events_are_days_in_the_host_zone: "all_day_berlin";
    all_day_events_follow_the_host_zone: "all_day_new_york";
    floating_times_are_read_in_the_host_zone: "floating_berlin";
    floating_times_follow_the_host_zone: "floating_new_york";
    // Outlook's "W. Europe Standard Time" with its own STANDARD/DAYLIGHT rules.
    a_windows_zone_uses_its_vtimezone_rules: "outlook_zone";
    // UTC+3, +4 from the first Sunday of April: a zone no database knows.
    a_zone_no_database_knows_uses_its_vtimezone_rules: "invented_zone";
    // A night shift over the start of summer time lasts 7 hours.
    an_event_spanning_a_dst_change_keeps_its_wall_times: "over_dst";
    duration_instead_of_dtend: "duration";
    transparent_and_cancelled_do_not_block_tentative_does: "statuses";
    // A daily event since 2001, a week-long one begun before the window, one after it.
    only_what_overlaps_the_window: "window";
}

const COUNT: &str = include_str!("fixtures/count.ics");
const OVERRIDES: &str = include_str!("fixtures/overrides.ics");
const FLOATING: &str = "BEGIN:VEVENT
UID:floating
DTSTART:20260310T090000
DTEND:20260310T100000
END:VEVENT";

#[test]
fn overrides_belong_to_their_own_uid() {
    let other = "BEGIN:VEVENT\r\nUID:other\r\nRECURRENCE-ID:20260309T090000Z\r\nDTSTART:20260309T120000Z\r\nDTEND:20260309T130000Z\r\nEND:VEVENT\r\nEND:VCALENDAR";
    let data = COUNT.replace("END:VCALENDAR", other);
    let expanded = busy_between(&data, at("2026-03-09 00:00"), at("2026-03-10 00:00"), UTC)
        .expect("a calendar");
    let uids: Vec<&str> = expanded.busy.iter().map(|b| b.uid.as_str()).collect();
    assert_eq!(uids, ["count", "other"]);
    assert_eq!(expanded.busy[0].start, at("2026-03-09 09:00"));
}

#[test]
fn uids_are_reported() {
    let expanded = busy_between(
        OVERRIDES,
        at("2026-03-04 00:00"),
        at("2026-03-05 00:00"),
        UTC,
    )
    .expect("a calendar");
    assert!(expanded.busy.iter().all(|b| b.uid == "standup"));
    assert_eq!(expanded.busy.len(), 1);
}

#[test]
fn an_html_page_is_not_a_calendar() {
    let page = "<!DOCTYPE html>\n<html><body>Sign in to see this calendar</body></html>\n";
    let error = busy_between(page, at("2026-03-01 00:00"), at("2026-04-01 00:00"), UTC)
        .expect_err("not a calendar");
    assert_eq!(error, IcalError::NotICalendar);
    assert_eq!(error.to_string(), "the feed is not an iCalendar file");
    assert!(busy_between("", at("2026-03-01 00:00"), at("2026-04-01 00:00"), UTC).is_err());
}

#[test]
fn too_large_data_is_refused_before_reading() {
    let data = calendar(
        &"X-FILLER:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
            .repeat(MAX_BYTES / 40),
    );
    let error = busy_between(&data, at("2026-03-01 00:00"), at("2026-04-01 00:00"), UTC)
        .expect_err("too large");
    assert!(
        matches!(error, IcalError::TooLarge { max: MAX_BYTES, .. }),
        "{error}"
    );
}

#[test]
fn a_malformed_event_is_skipped_and_counted() {
    let body = format!(
        "{FLOATING}
BEGIN:VEVENT
UID:no-start
DTEND:20260310T100000Z
END:VEVENT
BEGIN:VEVENT
UID:bad-start
DTSTART:tomorrow
END:VEVENT
BEGIN:VEVENT
UID:bad-rule
DTSTART:20260310T120000Z
DTEND:20260310T130000Z
RRULE:FREQ=SOMETIMES
END:VEVENT
BEGIN:VEVENT
UID:ends-before-it-starts
DTSTART:20260310T120000Z
DTEND:20260310T110000Z
END:VEVENT"
    );
    let expanded = read(&body, "2026-03-01 00:00", "2026-04-01 00:00");
    assert_eq!(expanded.skipped, 4);
    assert_eq!(expanded.busy.len(), 1);
    assert_eq!(expanded.busy[0].uid, "floating");
}

#[test]
fn an_event_the_parser_rejects_costs_only_itself() {
    let body = format!(
        "{FLOATING}
BEGIN:VEVENT
UID:broken
DTSTART:20260311T090000Z
this line is not a content line
END:VEVENT
BEGIN:VEVENT
UID:unterminated
DTSTART:20260312T090000Z"
    );
    let expanded = read(&body, "2026-03-01 00:00", "2026-04-01 00:00");
    assert_eq!(expanded.busy.len(), 1, "{:?}", expanded.busy);
    assert_eq!(expanded.busy[0].uid, "floating");
    assert_eq!(expanded.skipped, 2, "{expanded:?}");
}

#[test]
fn a_pathological_rule_ends() {
    let body = "BEGIN:VEVENT
UID:every-second
DTSTART:19700101T000000Z
DURATION:PT1S
RRULE:FREQ=SECONDLY
END:VEVENT
BEGIN:VEVENT
UID:never
DTSTART:20260101T000000Z
DURATION:PT1H
RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30
END:VEVENT";
    let expanded = read(body, "2026-03-01 00:00", "2026-03-02 00:00");
    assert!(expanded.busy.is_empty());
    assert_eq!(
        expanded.skipped, 1,
        "the endless rule is cut short and counted"
    );

    // Every second inside the window: the instances are capped.
    let body = "BEGIN:VEVENT
UID:every-second
DTSTART:20260301T000000Z
DURATION:PT1S
RRULE:FREQ=SECONDLY
END:VEVENT";
    let expanded = read(body, "2026-03-01 00:00", "2026-03-02 00:00");
    assert_eq!(expanded.busy.len(), MAX_INSTANCES_PER_EVENT);
    assert_eq!(expanded.skipped, 1);
}

#[test]
fn folded_lines_and_a_byte_order_mark() {
    let data = "\u{feff}BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:fol\r\n ded\r\nDTSTART;TZID=Europe/\r\n Berlin:20260310T090000\r\nDTEND;TZID=Europe/Berlin:20260310T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let expanded = busy_between(data, at("2026-03-01 00:00"), at("2026-04-01 00:00"), UTC)
        .expect("a calendar");
    assert_eq!(expanded.busy.len(), 1);
    assert_eq!(expanded.busy[0].uid, "folded");
    assert_eq!(expanded.busy[0].start, at("2026-03-10 08:00"));
}

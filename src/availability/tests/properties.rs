//! Random schedules, overrides, busy time, bookings, zones, teams and rules: the engine
//! must agree with the brute-force oracle, `check_slot` with the slot list, and the list
//! must not depend on how the range is cut.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use proptest::prelude::*;

use super::oracle::oracle;
use crate::availability::*;

/// Zones with DST changes of one hour, half an hour and at midnight, odd offsets, none.
const ZONES: [Tz; 10] = [
    Tz::Europe__Berlin,
    Tz::America__New_York,
    Tz::Australia__Lord_Howe,
    Tz::Asia__Kathmandu,
    Tz::America__Sao_Paulo,
    Tz::UTC,
    Tz::Pacific__Chatham,
    Tz::America__St_Johns,
    Tz::Asia__Tokyo,
    Tz::America__Los_Angeles,
];

/// Days around DST changes of those zones (and one quiet day).
const BASE_DATES: [&str; 10] = [
    "2024-03-31", // Berlin spring
    "2024-10-27", // Berlin fall
    "2024-03-10", // New York, St. John's, Los Angeles spring
    "2024-11-03", // New York fall
    "2024-04-07", // Lord Howe, Chatham fall
    "2024-10-06", // Lord Howe spring
    "2024-09-29", // Chatham spring
    "2018-11-04", // São Paulo spring, at midnight
    "2019-02-17", // São Paulo fall, at midnight
    "2024-06-12", // nothing happens
];

#[derive(Debug, Clone)]
struct Case {
    input: AvailabilityInput,
    range: Interval<DateTime<Utc>>,
    duration: u32,
}

fn time_range() -> impl Strategy<Value = Option<TimeRange>> {
    let quarter = |q: u32| TimeOfDay::new(q * 15 / 60, q * 15 % 60).unwrap();
    prop_oneof![
        8 => (0u32..96, 1u32..=96)
            .prop_map(move |(s, e)| TimeRange::new(quarter(s), quarter(e)).ok()),
        1 => Just(TimeRange::parse("00:00", "24:00").ok()),
        1 => Just(TimeRange::parse("22:00", "06:00").ok()),
    ]
}

fn ranges() -> impl Strategy<Value = Vec<TimeRange>> {
    prop::collection::vec(time_range(), 0..4).prop_map(|v| v.into_iter().flatten().collect())
}

/// Minutes relative to the case's anchor, in 5-minute steps.
fn offset(min: i64, max: i64) -> impl Strategy<Value = i64> {
    (min / 5..max / 5).prop_map(|x| x * 5)
}

#[derive(Debug, Clone)]
struct RawHost {
    zone: Option<Tz>,
    /// Work the first host's weekly hours (in this host's zone).
    same_weekly: bool,
    weekly: Vec<Vec<TimeRange>>,
    overrides: Vec<(i64, Vec<TimeRange>)>,
    holidays: Vec<i64>,
    busy: Vec<(i64, i64)>,
    out_of_office: Vec<(i64, i64)>,
    group: u8,
}

fn raw_host() -> impl Strategy<Value = RawHost> {
    (
        (
            prop::option::weighted(0.3, prop::sample::select(&ZONES[..])),
            prop::bool::weighted(0.4),
        ),
        prop::collection::vec(ranges(), 7),
        prop::collection::vec((-3i64..4, ranges()), 0..3),
        prop::collection::vec(-3i64..4, 0..2),
        prop::collection::vec((offset(-720, 4320), offset(5, 240)), 0..5),
        prop::collection::vec((offset(-720, 4320), offset(30, 1440)), 0..2),
        0u8..3,
    )
        .prop_map(
            |((zone, same_weekly), weekly, overrides, holidays, busy, out_of_office, group)| {
                RawHost {
                    zone,
                    same_weekly,
                    weekly,
                    overrides,
                    holidays,
                    busy,
                    out_of_office: if out_of_office.len() > 1 {
                        Vec::new()
                    } else {
                        out_of_office
                    },
                    group,
                }
            },
        )
}

#[derive(Debug, Clone)]
struct RawBooking {
    host: usize,
    /// Start relative to the anchor; `on_half_hour` snaps it to a half hour (likely on the
    /// grid, to exercise seats).
    start: i64,
    on_half_hour: bool,
    length: i64,
    before: u32,
    after: u32,
    same_event_type: bool,
    seats: u32,
}

fn raw_booking() -> impl Strategy<Value = RawBooking> {
    (
        0usize..3,
        offset(-720, 4320),
        any::<bool>(),
        offset(15, 120),
        (0u32..4, 0u32..4),
        any::<bool>(),
        1u32..3,
    )
        .prop_map(
            |(host, start, on_half_hour, length, (before, after), same_event_type, seats)| {
                RawBooking {
                    host,
                    start,
                    on_half_hour,
                    length,
                    before: before * 10,
                    after: after * 10,
                    same_event_type,
                    seats,
                }
            },
        )
}

#[derive(Debug, Clone)]
struct RawRules {
    durations: Vec<u32>,
    duration_index: usize,
    interval: Option<u32>,
    notice: u32,
    buffers: (u32, u32),
    window: (u8, u32, i64),
    limits: (Option<u32>, Option<u32>, Option<u32>),
    duration_limit: Option<u32>,
    seats: Option<u32>,
    only_first: bool,
    first_day: usize,
}

fn raw_rules() -> impl Strategy<Value = RawRules> {
    (
        prop::sample::subsequence(vec![15u32, 30, 45, 60, 90], 1..3),
        0usize..3,
        prop::option::weighted(0.5, prop::sample::select(vec![10u32, 15, 20, 30, 50, 60])),
        prop::sample::select(vec![0u32, 0, 30, 120, 600]),
        (
            prop::sample::select(vec![0u32, 0, 10, 15]),
            prop::sample::select(vec![0u32, 0, 5, 30]),
        ),
        (
            prop::sample::select(vec![0u8, 0, 0, 1, 2, 3]),
            1u32..8,
            -1i64..2,
        ),
        (
            prop::option::weighted(0.2, 1u32..3),
            prop::option::weighted(0.15, 1u32..4),
            prop::option::weighted(0.1, 1u32..5),
        ),
        prop::option::weighted(0.15, prop::sample::select(vec![30u32, 60, 120, 240])),
        prop::option::weighted(0.35, 1u32..4),
        prop::bool::weighted(0.2),
        0usize..7,
    )
        .prop_map(
            |(
                durations,
                duration_index,
                interval,
                notice,
                buffers,
                window,
                limits,
                duration_limit,
                seats,
                only_first,
                first_day,
            )| RawRules {
                durations,
                duration_index,
                interval,
                notice,
                buffers,
                window,
                limits,
                duration_limit,
                seats,
                only_first,
                first_day,
            },
        )
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop::sample::select(&ZONES[..]),
        prop::sample::select(&BASE_DATES[..]),
        (-2i64..2, 0i64..40, offset(60, 3 * 1440)),
        (0u8..4, prop::collection::vec(raw_host(), 3)),
        prop::collection::vec(raw_booking(), 0..6),
        raw_rules(),
        (offset(-2880, 600), prop::sample::select(&ZONES[..])),
    )
        .prop_map(
            |(
                zone,
                base,
                (day_shift, hour, length),
                (kind, raw_hosts),
                raw_bookings,
                rules,
                (now_offset, booker),
            )| {
                build_case(
                    zone,
                    base,
                    day_shift,
                    hour,
                    length,
                    kind,
                    raw_hosts,
                    raw_bookings,
                    rules,
                    now_offset,
                    booker,
                )
            },
        )
}

#[allow(clippy::too_many_arguments)]
fn build_case(
    zone: Tz,
    base: &str,
    day_shift: i64,
    hour: i64,
    length: i64,
    kind: u8,
    raw_hosts: Vec<RawHost>,
    raw_bookings: Vec<RawBooking>,
    raw: RawRules,
    now_offset: i64,
    booker: Tz,
) -> Case {
    let base_date: NaiveDate = base.parse::<NaiveDate>().unwrap() + Duration::days(day_shift);
    let anchor = Utc.from_utc_datetime(&base_date.and_hms_opt(0, 0, 0).unwrap())
        + Duration::hours(hour - 12);
    let minutes = |m: i64| anchor + Duration::minutes(m);

    // 0: individual; 1: collective of 2; 2: round-robin, one group of 2 or 3;
    // 3: round-robin, fixed host + groups from the raw hosts.
    let (scheduling, host_count) = match kind {
        0 => (SchedulingType::Individual, 1),
        1 => (SchedulingType::Collective, 2),
        _ => (SchedulingType::RoundRobin, 3),
    };
    let hosts: Vec<Host> = raw_hosts
        .iter()
        .take(host_count)
        .enumerate()
        .map(|(i, raw)| {
            let tz = raw.zone.unwrap_or(zone);
            let mut weekly = WeeklyHours::default();
            let source = if raw.same_weekly { &raw_hosts[0] } else { raw };
            for (day, ranges) in DayOfWeek::ALL.iter().zip(&source.weekly) {
                *weekly.day_mut(*day) = ranges.clone();
            }
            let mut schedule = Schedule::weekly(tz, weekly);
            for (shift, ranges) in &raw.overrides {
                schedule
                    .date_overrides
                    .insert(base_date + Duration::days(*shift), ranges.clone());
            }
            for shift in &raw.holidays {
                schedule.holidays.insert(base_date + Duration::days(*shift));
            }
            let mut host = Host::new(HostId(10 + i as i64), schedule);
            host.busy = raw
                .busy
                .iter()
                .map(|&(s, len)| Interval::new(minutes(s), minutes(s + len)))
                .collect();
            host.out_of_office = raw
                .out_of_office
                .iter()
                .map(|&(s, len)| Interval::new(minutes(s), minutes(s + len)))
                .collect();
            host.round_robin_group = match (kind, i, raw.group) {
                (2, _, _) => Some("one".to_owned()),
                (3, 0, _) => None,
                (3, _, 0) => Some("a".to_owned()),
                (3, _, _) => Some("b".to_owned()),
                _ => None,
            };
            host
        })
        .collect();

    let durations = raw.durations.clone();
    let duration = durations[raw.duration_index % durations.len()];
    let bookings = raw_bookings
        .iter()
        .map(|b| {
            let start = if b.on_half_hour {
                b.start / 30 * 30
            } else {
                b.start
            };
            let end = if b.on_half_hour {
                start + i64::from(duration)
            } else {
                start + b.length
            };
            ExistingBooking {
                host_id: hosts[b.host % hosts.len()].id,
                start: minutes(start),
                end: minutes(end),
                before_buffer_minutes: b.before,
                after_buffer_minutes: b.after,
                same_event_type: b.same_event_type,
                seats_taken: b.seats,
            }
        })
        .collect();

    let (window_kind, window_days, window_shift) = raw.window;
    let event = EventRules {
        durations_minutes: durations,
        slot_interval_minutes: raw.interval,
        minimum_notice_minutes: raw.notice,
        before_buffer_minutes: raw.buffers.0,
        after_buffer_minutes: raw.buffers.1,
        booking_window: match window_kind {
            0 => BookingWindow::Unlimited,
            1 => BookingWindow::RollingCalendarDays { days: window_days },
            2 => BookingWindow::RollingBusinessDays { days: window_days },
            _ => BookingWindow::DateRange {
                start: base_date + Duration::days(window_shift),
                end: base_date + Duration::days(window_shift + i64::from(window_days % 3)),
            },
        },
        booking_limits: PeriodLimits {
            per_day: raw.limits.0,
            per_week: raw.limits.1,
            per_month: raw.limits.2,
            per_year: None,
        },
        duration_limits_minutes: PeriodLimits {
            per_day: raw.duration_limit,
            ..PeriodLimits::default()
        },
        seats_per_slot: raw.seats,
        only_first_slot_per_day: raw.only_first,
        first_day_of_week: DayOfWeek::ALL[raw.first_day],
    };
    let input = AvailabilityInput {
        event,
        team: Team { scheduling, hosts },
        bookings,
        now: minutes(now_offset),
        booker_time_zone: booker,
    };
    Case {
        input,
        range: Interval::new(anchor, minutes(length)),
        duration,
    }
}

fn listed(case: &Case) -> Vec<Slot> {
    available_slots(&case.input, case.range, case.duration)
        .expect("generated input is valid")
        .slots()
        .cloned()
        .collect()
}

fn describe(slots: &[Slot]) -> Vec<String> {
    slots
        .iter()
        .map(|s| {
            format!(
                "{} seats={:?} hosts={:?}",
                s.start.to_rfc3339(),
                s.seats_remaining,
                s.free_hosts.iter().map(|h| h.0).collect::<Vec<_>>()
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, max_shrink_iters: 2000, ..ProptestConfig::default() })]

    /// The engine lists exactly the slots the brute-force oracle finds, and `check_slot`
    /// accepts exactly those among every grid candidate and a spread of other starts.
    #[test]
    fn engine_agrees_with_oracle_and_check_slot(
        mut case in case(),
        probes in prop::collection::vec(0i64..(3 * 1440 / 5), 12),
        seat_pick in (any::<prop::sample::Index>(), 0usize..3, 1u32..4),
    ) {
        let mut expected = oracle(&case.input, case.range, case.duration);
        // For seated events, put a meeting of this event type exactly on a grid candidate,
        // so that sharing seats is exercised.
        if let (Some(capacity), false) = (case.input.event.seats_per_slot, expected.candidates.is_empty()) {
            let (index, host, seats) = seat_pick;
            let start = expected.candidates[index.index(expected.candidates.len())];
            let host_id = case.input.team.hosts[host % case.input.team.hosts.len()].id;
            case.input.bookings.push(ExistingBooking {
                same_event_type: true,
                seats_taken: seats.min(capacity),
                ..ExistingBooking::new(host_id, start, start + Duration::minutes(i64::from(case.duration)))
            });
            expected = oracle(&case.input, case.range, case.duration);
        }
        let engine = listed(&case);
        prop_assert_eq!(describe(&engine), describe(&expected.slots));
        prop_assert_eq!(&engine, &expected.slots);

        for slot in &engine {
            let details = check_slot(&case.input, slot.start, case.duration);
            prop_assert_eq!(details.map(|d| d.slot()), Ok(slot.clone()));
        }
        let step = (expected.candidates.len() / 40).max(1);
        let extra = probes
            .iter()
            .map(|p| case.range.start + Duration::minutes(p * 5))
            .filter(|at| *at < case.range.end);
        for at in expected.candidates.iter().copied().step_by(step).chain(extra) {
            let is_listed = engine.iter().any(|s| s.start == at);
            let verdict = check_slot(&case.input, at, case.duration);
            prop_assert_eq!(verdict.is_ok(), is_listed, "check_slot({}) = {:?}", at, verdict);
        }
    }

    /// Listing a range in two pieces gives the same slots as listing it whole.
    #[test]
    fn the_list_does_not_depend_on_range_cuts(case in case(), cut in 0i64..(3 * 1440)) {
        let whole = listed(&case);
        let middle = (case.range.start + Duration::minutes(cut)).min(case.range.end);
        let first = Case { range: Interval::new(case.range.start, middle), ..case.clone() };
        let second = Case { range: Interval::new(middle, case.range.end), ..case.clone() };
        let mut pieces = listed(&first);
        pieces.extend(listed(&second));
        prop_assert_eq!(whole, pieces);
    }
}

/// Days with a slot are grouped by the booker's local date, in order, with no empty day.
#[test]
fn grouping_by_booker_date() {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(32));
    runner
        .run(&case(), |case| {
            let list = available_slots(&case.input, case.range, case.duration).unwrap();
            let mut previous: Option<DateTime<Utc>> = None;
            for (i, day) in list.days.iter().enumerate() {
                prop_assert!(!day.slots.is_empty());
                if i > 0 {
                    prop_assert!(list.days[i - 1].date < day.date);
                }
                for slot in &day.slots {
                    prop_assert_eq!(
                        slot.start
                            .with_timezone(&case.input.booker_time_zone)
                            .date_naive(),
                        day.date
                    );
                    prop_assert_eq!(
                        slot.end - slot.start,
                        Duration::minutes(i64::from(case.duration))
                    );
                    prop_assert!(previous.is_none_or(|p| p < slot.start));
                    previous = Some(slot.start);
                }
            }
            Ok(())
        })
        .unwrap();
}

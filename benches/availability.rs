//! Availability engine benchmarks: a month of slots for one host, a round-robin team and a
//! collective team. Figures are recorded in BENCHMARKS.md.
//!
//! Run: `cargo bench --bench availability`

use std::hint::black_box;
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Tz;
use criterion::{Criterion, criterion_group, criterion_main};
use kairos::availability::{
    AvailabilityInput, BookingWindow, DayOfWeek, EventRules, ExistingBooking, Host, HostId,
    Interval, PeriodLimits, Schedule, SchedulingType, Team, TimeRange, WeeklyHours,
    available_slots, check_slot,
};

/// A small deterministic generator, so every run benchmarks the same input.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 3, 11, 0, 0, 0).unwrap()
}

/// The month benchmarked: 31 days from Monday 2024-03-11 (it spans Europe's and North
/// America's DST changes).
fn month() -> Interval {
    Interval::new(start(), start() + chrono::Duration::days(31))
}

fn range(from: &str, to: &str) -> TimeRange {
    TimeRange::parse(from, to).unwrap()
}

/// Weekday hours starting at `start_hour` for 8 hours, with a lunch break.
fn office_hours(tz: Tz, start_hour: u32) -> Schedule {
    let at = |h: u32| format!("{h:02}:00");
    let ranges = [
        range(&at(start_hour), &at(start_hour + 4)),
        range(&at(start_hour + 5), &at(start_hour + 9)),
    ];
    let mut schedule = Schedule::weekly(tz, WeeklyHours::on(&DayOfWeek::ALL[..5], &ranges));
    // A holiday and a short day, as real schedules have.
    schedule
        .holidays
        .insert(chrono::NaiveDate::from_ymd_opt(2024, 3, 29).unwrap());
    schedule.date_overrides.insert(
        chrono::NaiveDate::from_ymd_opt(2024, 3, 28).unwrap(),
        vec![range("09:00", "12:00")],
    );
    schedule
}

/// `count` busy events of 15 minutes to 2 hours over the month, during waking hours;
/// half become external calendar events, half bookings with buffers (a few of this event
/// type, counting toward limits).
fn add_busy(rng: &mut Lcg, host: &mut Host, bookings: &mut Vec<ExistingBooking>, count: usize) {
    for i in 0..count {
        let day = rng.next(31) as i64;
        let minute = 6 * 60 + rng.next(14 * 60 / 15) as i64 * 15;
        let length = 15 + rng.next(8) as i64 * 15;
        let from = start() + chrono::Duration::minutes(day * 1440 + minute);
        let to = from + chrono::Duration::minutes(length);
        if i % 2 == 0 {
            host.busy.push(Interval::new(from, to));
        } else {
            bookings.push(ExistingBooking {
                before_buffer_minutes: 5,
                after_buffer_minutes: 10,
                same_event_type: i % 10 == 1,
                ..ExistingBooking::new(host.id, from, to)
            });
        }
    }
}

fn rules(duration: u32, interval: Option<u32>) -> EventRules {
    EventRules {
        slot_interval_minutes: interval,
        minimum_notice_minutes: 120,
        before_buffer_minutes: 5,
        after_buffer_minutes: 5,
        booking_window: BookingWindow::RollingCalendarDays { days: 60 },
        booking_limits: PeriodLimits {
            per_day: Some(8),
            per_week: Some(30),
            ..PeriodLimits::default()
        },
        ..EventRules::new(duration)
    }
}

fn now() -> DateTime<Utc> {
    start() - chrono::Duration::hours(3)
}

/// (a) One host, 31 days, 30-minute slots on a 15-minute interval, 300 busy events.
fn single_host() -> AvailabilityInput {
    let mut rng = Lcg(1);
    let mut host = Host::new(HostId(1), office_hours(Tz::Europe__Berlin, 8));
    let mut bookings = Vec::new();
    add_busy(&mut rng, &mut host, &mut bookings, 300);
    AvailabilityInput {
        event: rules(30, Some(15)),
        team: Team::individual(host),
        bookings,
        now: now(),
        booker_time_zone: Tz::America__New_York,
    }
}

const ZONES: [Tz; 5] = [
    Tz::Europe__Berlin,
    Tz::Europe__London,
    Tz::America__New_York,
    Tz::Asia__Kolkata,
    Tz::Europe__Lisbon,
];

/// (b) Round-robin: 50 hosts in 5 groups, 31 days, 30-minute slots, 100 busy events each.
fn round_robin() -> AvailabilityInput {
    let mut rng = Lcg(2);
    let mut hosts = Vec::new();
    let mut bookings = Vec::new();
    for i in 0..50u32 {
        let tz = ZONES[(i % 5) as usize];
        let mut host = Host::new(HostId(i64::from(i) + 1), office_hours(tz, 7 + i % 4));
        host.round_robin_group = Some(format!("group-{}", i / 10));
        add_busy(&mut rng, &mut host, &mut bookings, 100);
        hosts.push(host);
    }
    AvailabilityInput {
        event: rules(30, None),
        team: Team {
            scheduling: SchedulingType::RoundRobin,
            hosts,
        },
        bookings,
        now: now(),
        booker_time_zone: Tz::Europe__Berlin,
    }
}

/// (c) Collective: 10 hosts in two zones, 31 days, 30-minute slots, 20 busy events each
/// (with more, ten calendars leave no common free time to list).
fn collective() -> AvailabilityInput {
    let mut rng = Lcg(3);
    let mut hosts = Vec::new();
    let mut bookings = Vec::new();
    for i in 0..10u32 {
        let tz = if i % 2 == 0 {
            Tz::Europe__Berlin
        } else {
            Tz::Europe__London
        };
        let mut host = Host::new(HostId(i64::from(i) + 1), office_hours(tz, 8 + i % 2));
        add_busy(&mut rng, &mut host, &mut bookings, 20);
        hosts.push(host);
    }
    AvailabilityInput {
        event: rules(30, None),
        team: Team {
            scheduling: SchedulingType::Collective,
            hosts,
        },
        bookings,
        now: now(),
        booker_time_zone: Tz::Europe__Berlin,
    }
}

fn benches(c: &mut Criterion) {
    let cases = [
        ("a_single_host_31_days_15min_300_busy", single_host(), 30),
        ("b_round_robin_50_hosts_5_groups_31_days", round_robin(), 30),
        ("c_collective_10_hosts_31_days", collective(), 30),
    ];
    for (name, input, duration) in &cases {
        let list = available_slots(input, month(), *duration).unwrap();
        let count = list.slots().count();
        assert!(
            count > 50,
            "{name}: only {count} slots; the input is not representative"
        );
        eprintln!("{name}: {count} slots over {} days", list.days.len());
        c.bench_function(name, |b| {
            b.iter(|| available_slots(black_box(input), black_box(month()), *duration))
        });
    }
    // Accepting one booking: the check the booking service makes inside its transaction.
    let (_, input, duration) = &cases[1];
    let list = available_slots(input, month(), *duration).unwrap();
    let probe = list.slots().nth(list.slots().count() / 2).unwrap().start;
    c.bench_function("d_check_slot_round_robin_50_hosts", |b| {
        b.iter(|| check_slot(black_box(input), black_box(probe), *duration))
    });
}

criterion_group! {
    name = availability;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .sample_size(40);
    targets = benches
}
criterion_main!(availability);

//! Event-type rules: durations, slot interval, notice, buffers, booking window, limits, seats.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::error::{InputError, InputReason};
use super::schedule::DayOfWeek;
use super::slots::check_date_year;
use super::zone;

/// Longest event duration and slot interval: 7 days.
pub const MAX_DURATION_MINUTES: u32 = 7 * 24 * 60;
/// Longest minimum notice: 10 years.
pub const MAX_NOTICE_MINUTES: u32 = 10 * 366 * 24 * 60;
/// Longest buffer: 1 day.
pub const MAX_BUFFER_MINUTES: u32 = 24 * 60;
/// Longest rolling booking window: 10 years of days.
pub const MAX_WINDOW_DAYS: u32 = 3_660;

/// The rules of one event type.
///
/// JSON (every field but `durations_minutes` may be omitted):
/// ```json
/// {"durations_minutes": [30, 60], "slot_interval_minutes": 15,
///  "minimum_notice_minutes": 120, "before_buffer_minutes": 5, "after_buffer_minutes": 10,
///  "booking_window": {"kind": "rolling_business_days", "days": 10},
///  "booking_limits": {"per_day": 4, "per_week": 10},
///  "duration_limits_minutes": {"per_month": 1200},
///  "seats_per_slot": 8, "only_first_slot_per_day": false, "first_day_of_week": "monday"}
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRules {
    /// The durations the booker may choose from (minutes); at least one.
    pub durations_minutes: Vec<u32>,
    /// Distance between candidate starts (minutes); `None` = the chosen duration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slot_interval_minutes: Option<u32>,
    /// A slot must start at least this long after `now`.
    #[serde(default)]
    pub minimum_notice_minutes: u32,
    /// Time before a booking that must be free of busy time (it may lie outside working hours).
    #[serde(default)]
    pub before_buffer_minutes: u32,
    /// Time after a booking that must be free of busy time.
    #[serde(default)]
    pub after_buffer_minutes: u32,
    #[serde(default)]
    pub booking_window: BookingWindow,
    /// Maximum number of bookings of this event type per period, per host.
    #[serde(default, skip_serializing_if = "PeriodLimits::is_unlimited")]
    pub booking_limits: PeriodLimits,
    /// Maximum booked minutes of this event type per period, per host.
    #[serde(default, skip_serializing_if = "PeriodLimits::is_unlimited")]
    pub duration_limits_minutes: PeriodLimits,
    /// `Some(n)`: a seated event with `n` seats per slot; a slot stays offered until full.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seats_per_slot: Option<u32>,
    /// Offer only the first available slot of each local date (in the booker's zone).
    #[serde(default)]
    pub only_first_slot_per_day: bool,
    /// The day weeks start on, for weekly limits.
    #[serde(default = "default_first_day_of_week")]
    pub first_day_of_week: DayOfWeek,
}

fn default_first_day_of_week() -> DayOfWeek {
    DayOfWeek::Monday
}

impl EventRules {
    /// One duration and no other constraint.
    pub fn new(duration_minutes: u32) -> EventRules {
        EventRules {
            durations_minutes: vec![duration_minutes],
            slot_interval_minutes: None,
            minimum_notice_minutes: 0,
            before_buffer_minutes: 0,
            after_buffer_minutes: 0,
            booking_window: BookingWindow::Unlimited,
            booking_limits: PeriodLimits::default(),
            duration_limits_minutes: PeriodLimits::default(),
            seats_per_slot: None,
            only_first_slot_per_day: false,
            first_day_of_week: DayOfWeek::Monday,
        }
    }

    /// The grid step for a chosen duration, in minutes.
    pub fn slot_interval_for(&self, duration_minutes: u32) -> u32 {
        self.slot_interval_minutes.unwrap_or(duration_minutes)
    }

    pub fn validate(&self, field: &str) -> Result<(), InputError> {
        let err = |name: &str, reason| InputError::new(format!("{field}.{name}"), reason);
        if self.durations_minutes.is_empty() {
            return Err(err("durations_minutes", InputReason::Empty));
        }
        for (i, &minutes) in self.durations_minutes.iter().enumerate() {
            check_minutes(minutes, 1, MAX_DURATION_MINUTES)
                .map_err(|reason| err(&format!("durations_minutes[{i}]"), reason))?;
        }
        if let Some(minutes) = self.slot_interval_minutes {
            check_minutes(minutes, 1, MAX_DURATION_MINUTES)
                .map_err(|reason| err("slot_interval_minutes", reason))?;
        }
        check_minutes(self.minimum_notice_minutes, 0, MAX_NOTICE_MINUTES)
            .map_err(|reason| err("minimum_notice_minutes", reason))?;
        check_minutes(self.before_buffer_minutes, 0, MAX_BUFFER_MINUTES)
            .map_err(|reason| err("before_buffer_minutes", reason))?;
        check_minutes(self.after_buffer_minutes, 0, MAX_BUFFER_MINUTES)
            .map_err(|reason| err("after_buffer_minutes", reason))?;
        match self.booking_window {
            BookingWindow::Unlimited => {}
            BookingWindow::RollingCalendarDays { days }
            | BookingWindow::RollingBusinessDays { days } => {
                check_minutes(days, 1, MAX_WINDOW_DAYS)
                    .map_err(|reason| err("booking_window.days", reason))?;
            }
            BookingWindow::DateRange { start, end } => {
                check_date_year(start).map_err(|reason| err("booking_window.start", reason))?;
                check_date_year(end).map_err(|reason| err("booking_window.end", reason))?;
                if end < start {
                    return Err(err("booking_window", InputReason::EndBeforeStart));
                }
            }
        }
        if self.seats_per_slot == Some(0) {
            return Err(err("seats_per_slot", InputReason::Zero));
        }
        Ok(())
    }
}

fn check_minutes(value: u32, min: u32, max: u32) -> Result<(), InputReason> {
    if value < min {
        Err(InputReason::Zero)
    } else if value > max {
        Err(InputReason::TooLarge {
            max: u64::from(max),
        })
    } else {
        Ok(())
    }
}

/// How far ahead a slot may start, evaluated in each host's schedule zone.
///
/// JSON: `{"kind": "unlimited"}`, `{"kind": "rolling_calendar_days", "days": 30}`,
/// `{"kind": "rolling_business_days", "days": 10}`,
/// `{"kind": "date_range", "start": "2024-06-01", "end": "2024-06-30"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BookingWindow {
    #[default]
    Unlimited,
    /// Starts before the end of the `days`-th local day, counting today as the first.
    RollingCalendarDays { days: u32 },
    /// Like calendar days, but only Monday to Friday count (today counts if it is one).
    RollingBusinessDays { days: u32 },
    /// Starts on a local date from `start` to `end`, both inclusive.
    DateRange { start: NaiveDate, end: NaiveDate },
}

impl BookingWindow {
    /// The instants `[from, until)` in which a start is inside the window, for a host in
    /// `tz` at instant `now`.
    pub(crate) fn bounds(&self, tz: Tz, now: i64) -> (i64, i64) {
        let today = || zone::local_day_at(tz, now);
        match *self {
            BookingWindow::Unlimited => (i64::MIN, i64::MAX),
            BookingWindow::RollingCalendarDays { days } => {
                (i64::MIN, zone::day_start(tz, today() + i64::from(days)))
            }
            BookingWindow::RollingBusinessDays { days } => {
                let last = nth_business_day(today(), i64::from(days));
                (i64::MIN, zone::day_start(tz, last + 1))
            }
            BookingWindow::DateRange { start, end } => (
                zone::day_start(tz, zone::day_number(start)),
                zone::day_start(tz, zone::day_number(end) + 1),
            ),
        }
    }
}

/// The `n`-th Monday-to-Friday day counting from `day` (inclusive), `n >= 1`.
pub(crate) fn nth_business_day(day: i64, n: i64) -> i64 {
    let mut day = day;
    let mut remaining = n.max(1);
    // Any 7 consecutive days hold exactly 5 business days.
    if remaining > 5 {
        let weeks = (remaining - 1) / 5;
        day += weeks * 7;
        remaining -= weeks * 5;
    }
    loop {
        if zone::weekday_index(day) < 5 {
            remaining -= 1;
            if remaining == 0 {
                return day;
            }
        }
        day += 1;
    }
}

/// Optional maxima per calendar period. JSON: `{"per_day": 2, "per_week": 5}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PeriodLimits {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_day: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_week: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_month: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_year: Option<u32>,
}

impl PeriodLimits {
    pub fn is_unlimited(&self) -> bool {
        self.limits().next().is_none()
    }

    /// The set limits, from the shortest period to the longest.
    pub fn limits(&self) -> impl Iterator<Item = (LimitPeriod, u32)> {
        [
            (LimitPeriod::Day, self.per_day),
            (LimitPeriod::Week, self.per_week),
            (LimitPeriod::Month, self.per_month),
            (LimitPeriod::Year, self.per_year),
        ]
        .into_iter()
        .filter_map(|(period, limit)| limit.map(|limit| (period, limit)))
    }
}

/// A calendar period for limits, in the host's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LimitPeriod {
    Day,
    Week,
    Month,
    Year,
}

impl LimitPeriod {
    /// The local days `[first, end)` of the period that contains local day `day`.
    pub(crate) fn days_containing(self, day: i64, first_day_of_week: DayOfWeek) -> (i64, i64) {
        match self {
            LimitPeriod::Day => (day, day + 1),
            LimitPeriod::Week => {
                let back = (zone::weekday_index(day)
                    - i64::from(first_day_of_week.days_from_monday()))
                .rem_euclid(7);
                (day - back, day - back + 7)
            }
            LimitPeriod::Month => {
                let date = zone::date_of_day(day);
                let first = day - i64::from(date.day0());
                let (year, month) = if date.month() == 12 {
                    (date.year() + 1, 1)
                } else {
                    (date.year(), date.month() + 1)
                };
                let next =
                    NaiveDate::from_ymd_opt(year, month, 1).map_or(first + 31, zone::day_number);
                (first, next)
            }
            LimitPeriod::Year => {
                let date = zone::date_of_day(day);
                let first = day - i64::from(date.ordinal0());
                let next = first + if date.leap_year() { 366 } else { 365 };
                (first, next)
            }
        }
    }
}

impl fmt::Display for LimitPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LimitPeriod::Day => "day",
            LimitPeriod::Week => "week",
            LimitPeriod::Month => "month",
            LimitPeriod::Year => "year",
        })
    }
}

/// Seconds in `minutes`.
pub(crate) fn seconds(minutes: u32) -> i64 {
    i64::from(minutes) * 60
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> i64 {
        zone::day_number(s.parse().unwrap())
    }

    fn utc(s: &str) -> i64 {
        s.parse::<chrono::DateTime<chrono::Utc>>()
            .unwrap()
            .timestamp()
    }

    #[test]
    fn json_defaults_and_names() {
        let rules: EventRules = serde_json::from_str(r#"{"durations_minutes":[30]}"#).unwrap();
        assert_eq!(rules, EventRules::new(30));
        let full = r#"{"durations_minutes":[30,60],"slot_interval_minutes":15,"minimum_notice_minutes":120,"before_buffer_minutes":5,"after_buffer_minutes":10,"booking_window":{"kind":"rolling_business_days","days":10},"booking_limits":{"per_day":4,"per_week":10},"duration_limits_minutes":{"per_month":1200},"seats_per_slot":8,"only_first_slot_per_day":true,"first_day_of_week":"sunday"}"#;
        let rules: EventRules = serde_json::from_str(full).unwrap();
        assert_eq!(rules.first_day_of_week, DayOfWeek::Sunday);
        assert_eq!(
            rules.booking_window,
            BookingWindow::RollingBusinessDays { days: 10 }
        );
        assert_eq!(serde_json::to_string(&rules).unwrap(), full);
        let range: BookingWindow = serde_json::from_str(
            r#"{"kind":"date_range","start":"2024-06-01","end":"2024-06-30"}"#,
        )
        .unwrap();
        assert_eq!(
            range,
            BookingWindow::DateRange {
                start: "2024-06-01".parse().unwrap(),
                end: "2024-06-30".parse().unwrap()
            }
        );
    }

    #[test]
    fn validation_names_field_and_reason() {
        let mut rules = EventRules::new(30);
        rules.durations_minutes.clear();
        let err = rules.validate("event").unwrap_err();
        assert_eq!(
            err.to_string(),
            "event.durations_minutes: must not be empty"
        );
        rules.durations_minutes = vec![30, 0];
        assert_eq!(
            rules.validate("event").unwrap_err(),
            InputError::new("event.durations_minutes[1]", InputReason::Zero)
        );
        let mut rules = EventRules::new(30);
        rules.slot_interval_minutes = Some(MAX_DURATION_MINUTES + 1);
        assert_eq!(
            rules.validate("event").unwrap_err().field,
            "event.slot_interval_minutes"
        );
        let mut rules = EventRules::new(30);
        rules.booking_window = BookingWindow::RollingCalendarDays { days: 0 };
        assert_eq!(
            rules.validate("event").unwrap_err().field,
            "event.booking_window.days"
        );
        let mut rules = EventRules::new(30);
        rules.booking_window = BookingWindow::DateRange {
            start: "2024-06-02".parse().unwrap(),
            end: "2024-06-01".parse().unwrap(),
        };
        assert_eq!(
            rules.validate("event").unwrap_err().reason,
            InputReason::EndBeforeStart
        );
        let mut rules = EventRules::new(30);
        rules.seats_per_slot = Some(0);
        assert_eq!(
            rules.validate("event").unwrap_err().field,
            "event.seats_per_slot"
        );
    }

    #[test]
    fn business_days_skip_weekends() {
        // 2024-05-10 is a Friday.
        assert_eq!(nth_business_day(day("2024-05-10"), 1), day("2024-05-10"));
        assert_eq!(nth_business_day(day("2024-05-10"), 2), day("2024-05-13"));
        // From Saturday the first business day is Monday.
        assert_eq!(nth_business_day(day("2024-05-11"), 1), day("2024-05-13"));
        assert_eq!(nth_business_day(day("2024-05-12"), 5), day("2024-05-17"));
        assert_eq!(nth_business_day(day("2024-05-10"), 11), day("2024-05-24"));
        // The week skip agrees with counting day by day.
        for start in day("2024-05-01")..day("2024-05-08") {
            for n in 1..40 {
                let mut d = start;
                let mut left = n;
                loop {
                    if zone::weekday_index(d) < 5 {
                        left -= 1;
                        if left == 0 {
                            break;
                        }
                    }
                    d += 1;
                }
                assert_eq!(nth_business_day(start, n), d, "start {start} n {n}");
            }
        }
    }

    #[test]
    fn window_bounds_are_local_days_in_the_hosts_zone() {
        let tz = Tz::America__New_York;
        // 2024-05-10 02:00Z is still Thursday 2024-05-09 in New York.
        let now = utc("2024-05-10T02:00:00Z");
        let (_, until) = BookingWindow::RollingCalendarDays { days: 1 }.bounds(tz, now);
        assert_eq!(until, utc("2024-05-10T04:00:00Z"));
        let (_, until) = BookingWindow::RollingBusinessDays { days: 2 }.bounds(tz, now);
        assert_eq!(until, utc("2024-05-11T04:00:00Z"), "Thursday and Friday");
        let (_, until) = BookingWindow::RollingBusinessDays { days: 3 }.bounds(tz, now);
        assert_eq!(until, utc("2024-05-14T04:00:00Z"), "through Monday");
        let window = BookingWindow::DateRange {
            start: "2024-11-03".parse().unwrap(),
            end: "2024-11-03".parse().unwrap(),
        };
        // The 25-hour day of the fall-back change.
        assert_eq!(
            window.bounds(tz, now),
            (utc("2024-11-03T04:00:00Z"), utc("2024-11-04T05:00:00Z"))
        );
    }

    #[test]
    fn limit_periods() {
        let d = day("2024-02-14"); // a Wednesday
        assert_eq!(
            LimitPeriod::Day.days_containing(d, DayOfWeek::Monday),
            (d, d + 1)
        );
        assert_eq!(
            LimitPeriod::Week.days_containing(d, DayOfWeek::Monday),
            (day("2024-02-12"), day("2024-02-19"))
        );
        assert_eq!(
            LimitPeriod::Week.days_containing(d, DayOfWeek::Sunday),
            (day("2024-02-11"), day("2024-02-18"))
        );
        assert_eq!(
            LimitPeriod::Week.days_containing(d, DayOfWeek::Wednesday),
            (d, d + 7)
        );
        assert_eq!(
            LimitPeriod::Week.days_containing(d, DayOfWeek::Thursday),
            (day("2024-02-08"), day("2024-02-15"))
        );
        assert_eq!(
            LimitPeriod::Month.days_containing(d, DayOfWeek::Monday),
            (day("2024-02-01"), day("2024-03-01"))
        );
        assert_eq!(
            LimitPeriod::Month.days_containing(day("2024-12-31"), DayOfWeek::Monday),
            (day("2024-12-01"), day("2025-01-01"))
        );
        assert_eq!(
            LimitPeriod::Year.days_containing(d, DayOfWeek::Monday),
            (day("2024-01-01"), day("2025-01-01"))
        );
    }
}

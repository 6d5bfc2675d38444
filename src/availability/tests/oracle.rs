//! A brute-force model of the rules in the module docs, minute by minute.
//!
//! It is written from the rules, not from the engine: it shares only the public input and
//! output types. It converts every minute of a window to each host's local time with
//! chrono-tz and checks it against that date's (and the previous date's) ranges; it finds
//! availability ranges as runs of available minutes; and it checks every candidate against
//! every busy interval and booking directly. Inputs must be whole minutes.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Timelike, Utc};
use chrono_tz::Tz;

use crate::availability::*;

/// Minutes of margin before the range: enough for any range reaching into it (a range
/// spans at most two local days) and for judging the day before a cut.
const MARGIN_BEFORE: i64 = 5 * 24 * 60;
const MARGIN_AFTER: i64 = 3 * 24 * 60;

struct Oracle<'a> {
    input: &'a AvailabilityInput,
    /// Minute 0 of the window.
    origin: DateTime<Utc>,
    minutes: usize,
    duration: i64,
    step: i64,
    /// Per host, per minute: within working hours.
    working: Vec<Vec<bool>>,
    fixed: Vec<usize>,
    groups: Vec<Vec<usize>>,
}

/// What the rules say about `range`: the slots the engine should list, and every grid
/// candidate in the range (offered or not), for probing `check_slot`.
pub struct Expected {
    pub slots: Vec<Slot>,
    pub candidates: Vec<DateTime<Utc>>,
}

pub fn oracle(
    input: &AvailabilityInput,
    range: Interval<DateTime<Utc>>,
    duration_minutes: u32,
) -> Expected {
    let origin = range.start - Duration::minutes(MARGIN_BEFORE);
    let end = range.end + Duration::minutes(i64::from(duration_minutes) + MARGIN_AFTER);
    let minutes = (end - origin).num_minutes() as usize;
    let working = input
        .team
        .hosts
        .iter()
        .map(|host| {
            (0..minutes)
                .map(|m| in_working_hours(&host.schedule, origin + Duration::minutes(m as i64)))
                .collect()
        })
        .collect();
    let (fixed, groups) = roles(input);
    let oracle = Oracle {
        input,
        origin,
        minutes,
        duration: i64::from(duration_minutes),
        step: i64::from(
            input
                .event
                .slot_interval_minutes
                .unwrap_or(duration_minutes),
        ),
        working,
        fixed,
        groups,
    };
    oracle.expected(range)
}

fn ranges_of(schedule: &Schedule, date: NaiveDate) -> Vec<TimeRange> {
    if let Some(ranges) = schedule.date_overrides.get(&date) {
        return ranges.clone();
    }
    if schedule.holidays.contains(&date) {
        return Vec::new();
    }
    let weekly = &schedule.weekly;
    match date.weekday() {
        chrono::Weekday::Mon => weekly.monday.clone(),
        chrono::Weekday::Tue => weekly.tuesday.clone(),
        chrono::Weekday::Wed => weekly.wednesday.clone(),
        chrono::Weekday::Thu => weekly.thursday.clone(),
        chrono::Weekday::Fri => weekly.friday.clone(),
        chrono::Weekday::Sat => weekly.saturday.clone(),
        chrono::Weekday::Sun => weekly.sunday.clone(),
    }
}

/// Whether the instant's local wall-clock time lies in a range of its date, or in a range
/// of the previous date that crosses midnight.
fn in_working_hours(schedule: &Schedule, at: DateTime<Utc>) -> bool {
    let local = at.with_timezone(&schedule.time_zone).naive_local();
    let minute_of_day = i64::from(local.hour() * 60 + local.minute());
    let date = local.date();
    let previous = date.pred_opt().unwrap();
    [(date, 0), (previous, 24 * 60)]
        .into_iter()
        .any(|(day, shift)| {
            ranges_of(schedule, day).iter().any(|range| {
                let start = i64::from(range.start.minutes_since_midnight());
                let mut end = i64::from(range.end.minutes_since_midnight());
                if end <= start {
                    end += 24 * 60;
                }
                let x = minute_of_day + shift;
                start <= x && x < end
            })
        })
}

fn local_date(at: DateTime<Utc>, tz: Tz) -> NaiveDate {
    at.with_timezone(&tz).date_naive()
}

fn business_days_from_until(first: NaiveDate, before: NaiveDate) -> u32 {
    let mut count = 0;
    let mut day = first;
    while day < before {
        if day.weekday().num_days_from_monday() < 5 {
            count += 1;
        }
        day = day.succ_opt().unwrap();
    }
    count
}

fn same_period(period: LimitPeriod, a: NaiveDate, b: NaiveDate, first: DayOfWeek) -> bool {
    let week_start = |d: NaiveDate| {
        let back = (d.weekday().num_days_from_monday() + 7 - first.days_from_monday()) % 7;
        d - Duration::days(i64::from(back))
    };
    match period {
        LimitPeriod::Day => a == b,
        LimitPeriod::Week => week_start(a) == week_start(b),
        LimitPeriod::Month => (a.year(), a.month()) == (b.year(), b.month()),
        LimitPeriod::Year => a.year() == b.year(),
    }
}

fn overlaps(a0: DateTime<Utc>, a1: DateTime<Utc>, b0: DateTime<Utc>, b1: DateTime<Utc>) -> bool {
    a0 < b1 && b0 < a1
}

impl Oracle<'_> {
    fn at(&self, minute: i64) -> DateTime<Utc> {
        self.origin + Duration::minutes(minute)
    }

    fn combined(&self, m: usize) -> bool {
        self.fixed.iter().all(|&h| self.working[h][m])
            && self
                .groups
                .iter()
                .all(|members| members.iter().any(|&h| self.working[h][m]))
    }

    /// Runs of combined minutes, cut at local midnights (any host's zone) that end a fully
    /// covered local day; runs touching the window's edges are unknown and dropped.
    fn ranges(&self) -> Vec<(i64, i64)> {
        let combined: Vec<bool> = (0..self.minutes).map(|m| self.combined(m)).collect();
        let mut cut = vec![false; self.minutes + 1];
        let zones: BTreeSet<&str> = self
            .input
            .team
            .hosts
            .iter()
            .map(|h| h.schedule.time_zone.name())
            .collect();
        for name in zones {
            let tz: Tz = name.parse().unwrap();
            let dates: Vec<NaiveDate> = (0..self.minutes)
                .map(|m| local_date(self.at(m as i64), tz))
                .collect();
            let mut start = 0;
            while start < self.minutes {
                let mut end = start;
                while end < self.minutes && dates[end] == dates[start] {
                    end += 1;
                }
                if start > 0 && end < self.minutes && combined[start..end].iter().all(|&c| c) {
                    cut[end] = true;
                }
                start = end;
            }
        }
        let mut runs = Vec::new();
        let mut m = 0;
        while m < self.minutes {
            if !combined[m] {
                m += 1;
                continue;
            }
            let start = m;
            m += 1;
            while m < self.minutes && combined[m] && !cut[m] {
                m += 1;
            }
            if start > 0 && m < self.minutes {
                runs.push((start as i64, m as i64));
            }
        }
        runs
    }

    /// The seats taken in host `h`'s meeting at exactly this slot, if `h` is free.
    fn host_free(&self, h: usize, s: i64, check_working: bool) -> Option<u32> {
        let input = self.input;
        let rules = &input.event;
        let host = &input.team.hosts[h];
        let tz = host.schedule.time_zone;
        let start = self.at(s);
        let end = self.at(s + self.duration);
        let date = local_date(start, tz);
        let today = local_date(input.now, tz);
        let in_window = match rules.booking_window {
            BookingWindow::Unlimited => true,
            BookingWindow::RollingCalendarDays { days } => {
                date < today + Duration::days(i64::from(days))
            }
            BookingWindow::RollingBusinessDays { days } => {
                business_days_from_until(today, date) < days
            }
            BookingWindow::DateRange { start, end } => start <= date && date <= end,
        };
        if !in_window {
            return None;
        }
        if check_working && !(s..s + self.duration).all(|m| self.working[h][m as usize]) {
            return None;
        }
        let buffered_start = start - Duration::minutes(i64::from(rules.before_buffer_minutes));
        let buffered_end = end + Duration::minutes(i64::from(rules.after_buffer_minutes));
        if host
            .out_of_office
            .iter()
            .chain(&host.busy)
            .any(|iv| overlaps(iv.start, iv.end, buffered_start, buffered_end))
        {
            return None;
        }
        let mut taken = 0;
        for booking in input.bookings.iter().filter(|b| b.host_id == host.id) {
            if rules.seats_per_slot.is_some()
                && booking.same_event_type
                && booking.start == start
                && booking.end == end
            {
                taken += booking.seats_taken;
                continue;
            }
            let b0 = booking.start - Duration::minutes(i64::from(booking.before_buffer_minutes));
            let b1 = booking.end + Duration::minutes(i64::from(booking.after_buffer_minutes));
            if overlaps(b0, b1, buffered_start, buffered_end) {
                return None;
            }
        }
        if taken == 0 {
            let counted = |period| {
                input.bookings.iter().filter(move |b| {
                    b.host_id == host.id
                        && b.same_event_type
                        && same_period(
                            period,
                            local_date(b.start, tz),
                            date,
                            rules.first_day_of_week,
                        )
                })
            };
            for (period, max) in rules.booking_limits.limits() {
                if counted(period).count() >= max as usize {
                    return None;
                }
            }
            for (period, max) in rules.duration_limits_minutes.limits() {
                let booked: i64 = counted(period)
                    .map(|b| (b.end - b.start).num_minutes())
                    .sum();
                if booked + self.duration > i64::from(max) {
                    return None;
                }
            }
        }
        Some(taken)
    }

    fn offer(&self, s: i64) -> Option<Slot> {
        let rules = &self.input.event;
        let start = self.at(s);
        if start < self.input.now
            || start < self.input.now + Duration::minutes(i64::from(rules.minimum_notice_minutes))
        {
            return None;
        }
        let mut taken = 0;
        for &h in &self.fixed {
            taken = taken.max(self.host_free(h, s, false)?);
        }
        let mut free_hosts = Vec::new();
        for members in &self.groups {
            let free: Vec<(HostId, u32)> = members
                .iter()
                .filter_map(|&h| {
                    self.host_free(h, s, true)
                        .map(|t| (self.input.team.hosts[h].id, t))
                })
                .collect();
            if free.is_empty() {
                return None;
            }
            let holders: Vec<(HostId, u32)> =
                free.iter().copied().filter(|&(_, t)| t > 0).collect();
            let chosen = if holders.is_empty() { free } else { holders };
            taken = taken.max(chosen.iter().map(|&(_, t)| t).max().unwrap_or(0));
            free_hosts.extend(chosen.iter().map(|&(id, _)| id));
        }
        free_hosts.sort();
        let seats_remaining = match rules.seats_per_slot {
            Some(capacity) if taken >= capacity => return None,
            Some(capacity) => Some(capacity - taken),
            None => None,
        };
        Some(Slot {
            start,
            end: self.at(s + self.duration),
            seats_remaining,
            free_hosts,
        })
    }

    fn expected(&self, range: Interval<DateTime<Utc>>) -> Expected {
        let in_range = |at: DateTime<Utc>| range.start <= at && at < range.end;
        let mut offered = Vec::new();
        let mut candidates = Vec::new();
        for (start, end) in self.ranges() {
            let mut s = start;
            while s + self.duration <= end {
                if in_range(self.at(s)) {
                    candidates.push(self.at(s));
                }
                if let Some(slot) = self.offer(s) {
                    offered.push(slot);
                }
                s += self.step;
            }
        }
        if self.input.event.only_first_slot_per_day {
            let mut seen = BTreeSet::new();
            offered.retain(|slot| seen.insert(local_date(slot.start, self.input.booker_time_zone)));
        }
        offered.retain(|slot| in_range(slot.start));
        Expected {
            slots: offered,
            candidates,
        }
    }
}

fn roles(input: &AvailabilityInput) -> (Vec<usize>, Vec<Vec<usize>>) {
    let mut fixed = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, host) in input.team.hosts.iter().enumerate() {
        match &host.round_robin_group {
            None => fixed.push(i),
            Some(name) => match names.iter().position(|g| g == name) {
                Some(g) => groups[g].push(i),
                None => {
                    names.push(name);
                    groups.push(vec![i]);
                }
            },
        }
    }
    (fixed, groups)
}

//! Time-zone arithmetic on Unix seconds.
//!
//! A [`ZoneTimeline`] lists a zone's UTC offsets over a window as periods of constant offset.
//! With it, the instants whose local wall-clock time lies in a local interval (its
//! *preimage*) are computed exactly, period by period: a local time that does not exist
//! (spring forward) has no instant, and one that happens twice (fall back) has two.
//!
//! "Local seconds" are a wall-clock date-time written as seconds since 1970-01-01 00:00
//! (as if it were UTC); local day numbers count days since 1970-01-01.

use chrono::{DateTime, Datelike, NaiveDate, Offset, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

use super::interval::Interval;

pub(crate) const DAY: i64 = 86_400;

/// Distance between offset samples when building a timeline. Transitions are found by
/// bisection between samples with different offsets; two transitions that cancel out within
/// this distance would be missed. In the bundled tz database no zone changes its offset and
/// back within 48 hours anywhere from 1900 to 2100 (checked by sampling every zone every
/// 30 minutes), and a test compares timelines of every zone with chrono-tz.
const SAMPLE_STEP: i64 = 24 * 3600;

/// Larger than the magnitude of any UTC offset (they stay within ±15 hours).
const MAX_OFFSET: i64 = 18 * 3600;

/// Days from 0001-01-01 (day 1 in chrono's count) to 1970-01-01.
const UNIX_EPOCH_DAYS_FROM_CE: i64 = 719_163;

/// The local day number of a date.
pub(crate) fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) - UNIX_EPOCH_DAYS_FROM_CE
}

/// The date of a local day number (saturating far outside chrono's range, which validated
/// inputs never reach).
pub(crate) fn date_of_day(day: i64) -> NaiveDate {
    i32::try_from(day + UNIX_EPOCH_DAYS_FROM_CE)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .unwrap_or(if day < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        })
}

/// Weekday of a local day number, Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday).
pub(crate) fn weekday_index(day: i64) -> i64 {
    (day + 3).rem_euclid(7)
}

pub(crate) fn weekday_of_day(day: i64) -> Weekday {
    match weekday_index(day) {
        0 => Weekday::Mon,
        1 => Weekday::Tue,
        2 => Weekday::Wed,
        3 => Weekday::Thu,
        4 => Weekday::Fri,
        5 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// An instant as Unix seconds, rounded down.
pub(crate) fn seconds_floor(t: DateTime<Utc>) -> i64 {
    t.timestamp()
}

/// An instant as Unix seconds, rounded up. For a whole second `s`:
/// `s < t` ⇔ `s < ceil(t)` and `s >= t` ⇔ `s >= ceil(t)`.
pub(crate) fn seconds_ceil(t: DateTime<Utc>) -> i64 {
    t.timestamp() + i64::from(t.timestamp_subsec_nanos() > 0)
}

/// Unix seconds as an instant (saturating outside chrono's range).
pub(crate) fn instant(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or(if seconds < 0 {
        DateTime::<Utc>::MIN_UTC
    } else {
        DateTime::<Utc>::MAX_UTC
    })
}

/// The exact UTC offset (local minus UTC, in seconds) of `tz` at instant `t`.
pub(crate) fn offset_at(tz: Tz, t: i64) -> i64 {
    match DateTime::from_timestamp(t, 0) {
        Some(at) => i64::from(
            tz.offset_from_utc_datetime(&at.naive_utc())
                .fix()
                .local_minus_utc(),
        ),
        None => 0,
    }
}

/// The local day number of instant `t` in `tz`.
pub(crate) fn local_day_at(tz: Tz, t: i64) -> i64 {
    (t + offset_at(tz, t)).div_euclid(DAY)
}

/// The first instant of local day `day` in `tz` (where midnight does not exist, the first
/// instant after the gap).
pub(crate) fn day_start(tz: Tz, day: i64) -> i64 {
    ZoneTimeline::new(tz, day * DAY - 2 * DAY, day * DAY + 2 * DAY).first_at_or_after(day * DAY)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Period {
    /// Instants `[start, end)` have `offset`.
    start: i64,
    end: i64,
    offset: i64,
}

/// A zone's offsets over a window of instants (see the module docs).
#[derive(Debug, Clone)]
pub(crate) struct ZoneTimeline {
    tz: Tz,
    from: i64,
    to: i64,
    /// Sorted and contiguous; the first starts and the last ends far outside the window.
    periods: Vec<Period>,
}

impl ZoneTimeline {
    /// Samples `tz` over `[from, to)`. Outside the window, [`offset`](Self::offset) stays
    /// exact; preimages assume the offsets at the window's edges.
    pub(crate) fn new(tz: Tz, from: i64, to: i64) -> ZoneTimeline {
        let mut periods = Vec::new();
        let mut period_start = i64::MIN / 4;
        let mut t = from;
        let mut offset = offset_at(tz, t);
        while t < to {
            let next = (t + SAMPLE_STEP).min(to);
            if offset_at(tz, next) == offset {
                t = next;
                continue;
            }
            // Bisect for the first second whose offset differs.
            let (mut lo, mut hi) = (t, next);
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if offset_at(tz, mid) == offset {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            periods.push(Period {
                start: period_start,
                end: hi,
                offset,
            });
            period_start = hi;
            offset = offset_at(tz, hi);
            t = hi;
        }
        periods.push(Period {
            start: period_start,
            end: i64::MAX / 4,
            offset,
        });
        ZoneTimeline {
            tz,
            from,
            to,
            periods,
        }
    }

    /// Offset at instant `t` (exact everywhere).
    pub(crate) fn offset(&self, t: i64) -> i64 {
        if t < self.from || t >= self.to {
            return offset_at(self.tz, t);
        }
        let index = self.periods.partition_point(|p| p.end <= t);
        self.periods[index.min(self.periods.len() - 1)].offset
    }

    /// Local day number of instant `t`.
    pub(crate) fn local_day(&self, t: i64) -> i64 {
        (t + self.offset(t)).div_euclid(DAY)
    }

    fn first_period_for_local(&self, local: i64) -> usize {
        self.periods
            .partition_point(|p| p.end <= local - MAX_OFFSET)
    }

    /// Appends the instants whose local time lies in `[local_start, local_end)`, as sorted
    /// disjoint intervals (adjacent pieces may touch).
    pub(crate) fn preimage(&self, local_start: i64, local_end: i64, out: &mut Vec<Interval<i64>>) {
        for p in &self.periods[self.first_period_for_local(local_start)..] {
            if p.start >= local_end + MAX_OFFSET {
                break;
            }
            let start = p.start.max(local_start - p.offset);
            let end = p.end.min(local_end - p.offset);
            if start < end {
                out.push(Interval { start, end });
            }
        }
    }

    /// The first instant whose local time is at or after `local`, in the earliest period
    /// that reaches it.
    pub(crate) fn first_at_or_after(&self, local: i64) -> i64 {
        for p in &self.periods[self.first_period_for_local(local)..] {
            let t = p.start.max(local - p.offset);
            if t < p.end {
                return t;
            }
        }
        // Unreachable: the last period is unbounded.
        local - self.periods.last().map_or(0, |p| p.offset)
    }
}

/// One timeline per distinct zone, for one computation.
#[derive(Debug, Default)]
pub(crate) struct Timelines {
    timelines: Vec<ZoneTimeline>,
}

impl Timelines {
    /// The index of `tz`'s timeline, built over `[from, to)` if it is new.
    pub(crate) fn index_of(&mut self, tz: Tz, from: i64, to: i64) -> usize {
        if let Some(index) = self.timelines.iter().position(|t| t.tz == tz) {
            return index;
        }
        self.timelines.push(ZoneTimeline::new(tz, from, to));
        self.timelines.len() - 1
    }

    pub(crate) fn get(&self, index: usize) -> &ZoneTimeline {
        &self.timelines[index]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDateTime;

    fn utc(s: &str) -> i64 {
        s.parse::<DateTime<Utc>>().unwrap().timestamp()
    }

    fn local(s: &str) -> i64 {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M")
            .unwrap()
            .and_utc()
            .timestamp()
    }

    fn pieces(tz: Tz, from: &str, to: &str) -> Vec<(String, String)> {
        let (a, b) = (local(from), local(to));
        let tl = ZoneTimeline::new(tz, a - 3 * DAY, b + 3 * DAY);
        let mut out = Vec::new();
        tl.preimage(a, b, &mut out);
        out.iter()
            .map(|i| (instant(i.start).to_rfc3339(), instant(i.end).to_rfc3339()))
            .collect()
    }

    fn p(a: &str, b: &str) -> (String, String) {
        (
            a.parse::<DateTime<Utc>>().unwrap().to_rfc3339(),
            b.parse::<DateTime<Utc>>().unwrap().to_rfc3339(),
        )
    }

    #[test]
    fn day_numbers_round_trip() {
        let d = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        assert_eq!(date_of_day(day_number(d)), d);
        assert_eq!(day_number(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()), 0);
        assert_eq!(weekday_of_day(day_number(d)), Weekday::Thu);
        assert_eq!(weekday_of_day(-1), Weekday::Wed);
    }

    #[test]
    fn spring_forward_gap_has_no_instants() {
        // Berlin 2024-03-31 02:00 -> 03:00.
        assert_eq!(
            pieces(Tz::Europe__Berlin, "2024-03-31 01:00", "2024-03-31 05:00"),
            vec![
                p("2024-03-31T00:00:00Z", "2024-03-31T01:00:00Z"),
                p("2024-03-31T01:00:00Z", "2024-03-31T03:00:00Z"),
            ]
        );
        // A range that starts inside the gap starts when the gap ends.
        assert_eq!(
            pieces(Tz::Europe__Berlin, "2024-03-31 02:30", "2024-03-31 04:00"),
            vec![p("2024-03-31T01:00:00Z", "2024-03-31T02:00:00Z")]
        );
    }

    #[test]
    fn fall_back_repeated_hour_is_covered_twice() {
        // Berlin 2024-10-27 03:00 CEST -> 02:00 CET.
        assert_eq!(
            pieces(Tz::Europe__Berlin, "2024-10-27 01:00", "2024-10-27 05:00"),
            vec![
                p("2024-10-26T23:00:00Z", "2024-10-27T01:00:00Z"),
                p("2024-10-27T01:00:00Z", "2024-10-27T04:00:00Z"),
            ]
        );
        // Ending inside the repeated hour: both occurrences of 02:00–02:30.
        assert_eq!(
            pieces(Tz::Europe__Berlin, "2024-10-27 00:00", "2024-10-27 02:30"),
            vec![
                p("2024-10-26T22:00:00Z", "2024-10-27T00:30:00Z"),
                p("2024-10-27T01:00:00Z", "2024-10-27T01:30:00Z"),
            ]
        );
    }

    #[test]
    fn half_hour_shift_and_odd_offsets() {
        // Lord Howe 2024-04-07: 02:00 +11 -> 01:30 +10:30.
        assert_eq!(
            pieces(
                Tz::Australia__Lord_Howe,
                "2024-04-07 01:00",
                "2024-04-07 03:00"
            ),
            vec![
                p("2024-04-06T14:00:00Z", "2024-04-06T15:00:00Z"),
                p("2024-04-06T15:00:00Z", "2024-04-06T16:30:00Z"),
            ]
        );
        // Kathmandu +05:45 all year.
        assert_eq!(
            pieces(Tz::Asia__Kathmandu, "2024-06-03 09:00", "2024-06-03 17:00"),
            vec![p("2024-06-03T03:15:00Z", "2024-06-03T11:15:00Z")]
        );
    }

    #[test]
    fn day_starts_where_midnight_does_not_exist() {
        // São Paulo 2018-11-04: 00:00 -> 01:00 (DST began at midnight).
        let day = day_number(NaiveDate::from_ymd_opt(2018, 11, 4).unwrap());
        assert_eq!(
            day_start(Tz::America__Sao_Paulo, day),
            utc("2018-11-04T03:00:00Z")
        );
        assert_eq!(
            day_start(Tz::America__Sao_Paulo, day + 1),
            utc("2018-11-05T02:00:00Z")
        );
        // 2019-02-17: 00:00 -> 23:00 on the 16th; the 17th starts after the repeat.
        let day = day_number(NaiveDate::from_ymd_opt(2019, 2, 17).unwrap());
        assert_eq!(
            day_start(Tz::America__Sao_Paulo, day),
            utc("2019-02-17T03:00:00Z")
        );
        assert_eq!(
            local_day_at(Tz::America__Sao_Paulo, utc("2019-02-17T02:30:00Z")),
            day - 1
        );
    }

    #[test]
    fn timelines_of_every_zone_match_chrono_tz() {
        for year in ["1975", "2024", "2036"] {
            let from = utc(&format!("{year}-01-01T00:00:00Z"));
            check_every_zone(from, from + 400 * DAY);
        }
    }

    fn check_every_zone(from: i64, to: i64) {
        for tz in chrono_tz::TZ_VARIANTS {
            let tl = ZoneTimeline::new(tz, from, to);
            for t in (from..to).step_by(4 * 3600 + 1_237) {
                assert_eq!(tl.offset(t), offset_at(tz, t), "{tz} at {t}");
            }
            // Every transition is found to the second.
            for p in &tl.periods[1..] {
                assert_ne!(offset_at(tz, p.start - 1), offset_at(tz, p.start), "{tz}");
                assert_eq!(offset_at(tz, p.start), p.offset, "{tz}");
            }
        }
    }

    #[test]
    fn offsets_match_chrono_tz_everywhere() {
        let tz = Tz::America__New_York;
        let from = utc("2024-03-01T00:00:00Z");
        let tl = ZoneTimeline::new(tz, from, from + 300 * DAY);
        for t in (from - 20 * DAY..from + 320 * DAY).step_by(1_877) {
            assert_eq!(tl.offset(t), offset_at(tz, t), "at {t}");
        }
        // Transitions found to the second.
        let spring = utc("2024-03-10T07:00:00Z");
        assert_eq!(tl.offset(spring - 1), -5 * 3600);
        assert_eq!(tl.offset(spring), -4 * 3600);
    }
}

//! Wall-clock times of day (`"HH:MM"`) and the working-hour ranges built from them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::error::{InputReason, TimeProblem};

/// Minutes in a day.
pub(crate) const MINUTES_PER_DAY: u16 = 24 * 60;

/// A local wall-clock time from `00:00` to `24:00` inclusive, with minute precision.
///
/// Serialized as `"HH:MM"`. `24:00` (the end of the day) is only meaningful as the end of a
/// [`TimeRange`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay {
    minutes: u16,
}

impl TimeOfDay {
    /// `00:00`.
    pub const MIDNIGHT: TimeOfDay = TimeOfDay { minutes: 0 };
    /// `24:00`, the end of the day.
    pub const END_OF_DAY: TimeOfDay = TimeOfDay {
        minutes: MINUTES_PER_DAY,
    };

    /// `hour:minute`; `24:00` is accepted, any other hour above 23 is not.
    pub fn new(hour: u32, minute: u32) -> Result<TimeOfDay, TimeProblem> {
        if minute > 59 {
            return Err(TimeProblem::MinuteOutOfRange);
        }
        if hour > 24 || (hour == 24 && minute != 0) {
            return Err(TimeProblem::HourOutOfRange);
        }
        // hour <= 24 and minute <= 59, so this fits in u16.
        Ok(TimeOfDay {
            minutes: (hour * 60 + minute) as u16,
        })
    }

    /// Minutes since local midnight, `0..=1440`.
    pub fn minutes_since_midnight(self) -> u32 {
        u32::from(self.minutes)
    }

    pub fn hour(self) -> u32 {
        u32::from(self.minutes / 60)
    }

    pub fn minute(self) -> u32 {
        u32::from(self.minutes % 60)
    }
}

impl FromStr for TimeOfDay {
    type Err = InputReason;

    /// Parses `HH:MM` (a one-digit hour is accepted: `9:30`).
    fn from_str(value: &str) -> Result<Self, Self::Err> {
        let invalid = |problem| InputReason::InvalidTime {
            value: value.to_owned(),
            problem,
        };
        let (hour, minute) = value
            .split_once(':')
            .ok_or_else(|| invalid(TimeProblem::Malformed))?;
        let digits = |s: &str, max_len: usize| {
            if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
                None
            } else {
                s.parse::<u32>().ok()
            }
        };
        let hour = digits(hour, 2).ok_or_else(|| invalid(TimeProblem::Malformed))?;
        if minute.len() != 2 {
            return Err(invalid(TimeProblem::Malformed));
        }
        let minute = digits(minute, 2).ok_or_else(|| invalid(TimeProblem::Malformed))?;
        TimeOfDay::new(hour, minute).map_err(invalid)
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

impl Serialize for TimeOfDay {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TimeOfDay {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A wall-clock range `start`–`end` on one local date, e.g. `09:00`–`17:00`.
///
/// `end` may be `24:00`. When `end` is at or before `start` the range crosses midnight and
/// ends on the next local date (a night shift `22:00`–`06:00`; `22:00`–`00:00` is the same
/// as `22:00`–`24:00`). `start` may not be `24:00` and `start == end` is rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawTimeRange")]
pub struct TimeRange {
    pub start: TimeOfDay,
    pub end: TimeOfDay,
}

#[derive(Deserialize)]
struct RawTimeRange {
    start: TimeOfDay,
    end: TimeOfDay,
}

impl TryFrom<RawTimeRange> for TimeRange {
    type Error = InputReason;

    fn try_from(raw: RawTimeRange) -> Result<Self, Self::Error> {
        TimeRange::new(raw.start, raw.end)
    }
}

impl TimeRange {
    /// A validated range (see the type docs).
    pub fn new(start: TimeOfDay, end: TimeOfDay) -> Result<TimeRange, InputReason> {
        let range = TimeRange { start, end };
        range.validate()?;
        Ok(range)
    }

    /// Parses both ends, e.g. `TimeRange::parse("22:00", "06:00")`.
    pub fn parse(start: &str, end: &str) -> Result<TimeRange, InputReason> {
        TimeRange::new(start.parse()?, end.parse()?)
    }

    /// Checks the invariants (the fields are public, so a range built by hand may break them).
    pub fn validate(&self) -> Result<(), InputReason> {
        if self.start == TimeOfDay::END_OF_DAY {
            return Err(InputReason::StartsAtEndOfDay);
        }
        if self.start == self.end {
            return Err(InputReason::EmptyTimeRange);
        }
        Ok(())
    }

    /// True when the range ends on the next local date.
    pub fn crosses_midnight(&self) -> bool {
        self.end <= self.start
    }

    /// Start and end as seconds after the local midnight that starts the range's date; the
    /// end exceeds 86 400 when the range crosses midnight.
    pub(crate) fn local_seconds(&self) -> (i64, i64) {
        let start = i64::from(self.start.minutes) * 60;
        let mut end = i64::from(self.end.minutes) * 60;
        if self.crosses_midnight() {
            end += i64::from(MINUTES_PER_DAY) * 60;
        }
        (start, end)
    }
}

impl fmt::Display for TimeRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_hh_mm() {
        let t: TimeOfDay = "09:05".parse().unwrap();
        assert_eq!((t.hour(), t.minute()), (9, 5));
        assert_eq!(t.to_string(), "09:05");
        assert_eq!("9:30".parse::<TimeOfDay>().unwrap().to_string(), "09:30");
        assert_eq!("24:00".parse::<TimeOfDay>().unwrap(), TimeOfDay::END_OF_DAY);
        assert_eq!("00:00".parse::<TimeOfDay>().unwrap(), TimeOfDay::MIDNIGHT);
    }

    #[test]
    fn rejects_bad_times_with_the_reason() {
        let problem = |s: &str| match s.parse::<TimeOfDay>() {
            Err(InputReason::InvalidTime { value, problem }) => {
                assert_eq!(value, s);
                problem
            }
            other => panic!("{s}: unexpected {other:?}"),
        };
        assert_eq!(problem("25:00"), TimeProblem::HourOutOfRange);
        assert_eq!(problem("24:30"), TimeProblem::HourOutOfRange);
        assert_eq!(problem("12:60"), TimeProblem::MinuteOutOfRange);
        for bad in [
            "", "12", "12:5", "12:000", "ab:cd", "-1:00", "123:00", "12:3x", " 9:00",
        ] {
            assert_eq!(problem(bad), TimeProblem::Malformed, "{bad:?}");
        }
    }

    #[test]
    fn serde_uses_hh_mm_strings_and_reports_the_problem() {
        let r: TimeRange = serde_json::from_str(r#"{"start":"22:00","end":"06:00"}"#).unwrap();
        assert!(r.crosses_midnight());
        assert_eq!(r.local_seconds(), (22 * 3600, 30 * 3600));
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"start":"22:00","end":"06:00"}"#
        );
        let err = serde_json::from_str::<TimeRange>(r#"{"start":"25:00","end":"26:00"}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("\"25:00\" is not a time of day"), "{err}");
        let err = serde_json::from_str::<TimeRange>(r#"{"start":"09:00","end":"09:00"}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("start and end are equal"), "{err}");
        assert!(serde_json::from_str::<TimeRange>(r#"{"start":"24:00","end":"06:00"}"#).is_err());
    }

    #[test]
    fn range_shapes() {
        let whole = TimeRange::parse("00:00", "24:00").unwrap();
        assert!(!whole.crosses_midnight());
        assert_eq!(whole.local_seconds(), (0, 86_400));
        let to_midnight = TimeRange::parse("22:00", "00:00").unwrap();
        assert_eq!(to_midnight.local_seconds(), (22 * 3600, 86_400));
        assert_eq!(
            TimeRange::parse("24:00", "01:00"),
            Err(InputReason::StartsAtEndOfDay)
        );
        assert_eq!(
            TimeRange::parse("10:00", "10:00"),
            Err(InputReason::EmptyTimeRange)
        );
    }
}

//! Schedules: a zone, weekly working hours, date overrides and holidays, and their
//! conversion to instants.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::error::{InputError, InputReason};
use super::interval::{Interval, IntervalSet};
use super::slots::check_date_year;
use super::time_of_day::TimeRange;
use super::zone::{self, DAY, ZoneTimeline};

/// A day of the week, serialized as `"monday"` … `"sunday"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayOfWeek {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl DayOfWeek {
    pub const ALL: [DayOfWeek; 7] = [
        DayOfWeek::Monday,
        DayOfWeek::Tuesday,
        DayOfWeek::Wednesday,
        DayOfWeek::Thursday,
        DayOfWeek::Friday,
        DayOfWeek::Saturday,
        DayOfWeek::Sunday,
    ];

    /// Monday = 0 … Sunday = 6.
    pub fn days_from_monday(self) -> u32 {
        self as u32
    }

    pub fn from_chrono(weekday: Weekday) -> DayOfWeek {
        DayOfWeek::ALL[weekday.num_days_from_monday() as usize]
    }

    pub fn to_chrono(self) -> Weekday {
        match self {
            DayOfWeek::Monday => Weekday::Mon,
            DayOfWeek::Tuesday => Weekday::Tue,
            DayOfWeek::Wednesday => Weekday::Wed,
            DayOfWeek::Thursday => Weekday::Thu,
            DayOfWeek::Friday => Weekday::Fri,
            DayOfWeek::Saturday => Weekday::Sat,
            DayOfWeek::Sunday => Weekday::Sun,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            DayOfWeek::Monday => "monday",
            DayOfWeek::Tuesday => "tuesday",
            DayOfWeek::Wednesday => "wednesday",
            DayOfWeek::Thursday => "thursday",
            DayOfWeek::Friday => "friday",
            DayOfWeek::Saturday => "saturday",
            DayOfWeek::Sunday => "sunday",
        }
    }
}

/// Working hours per weekday; a day without ranges is a day off.
///
/// JSON: `{"monday": [{"start": "09:00", "end": "17:00"}], "friday": [...]}`; missing days
/// are empty.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WeeklyHours {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub monday: Vec<TimeRange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tuesday: Vec<TimeRange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wednesday: Vec<TimeRange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub thursday: Vec<TimeRange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub friday: Vec<TimeRange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub saturday: Vec<TimeRange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sunday: Vec<TimeRange>,
}

impl WeeklyHours {
    /// The same ranges on each of `days`, nothing on the others.
    pub fn on(days: &[DayOfWeek], ranges: &[TimeRange]) -> WeeklyHours {
        let mut weekly = WeeklyHours::default();
        for &day in days {
            weekly.day_mut(day).extend_from_slice(ranges);
        }
        weekly
    }

    pub fn day(&self, day: DayOfWeek) -> &[TimeRange] {
        match day {
            DayOfWeek::Monday => &self.monday,
            DayOfWeek::Tuesday => &self.tuesday,
            DayOfWeek::Wednesday => &self.wednesday,
            DayOfWeek::Thursday => &self.thursday,
            DayOfWeek::Friday => &self.friday,
            DayOfWeek::Saturday => &self.saturday,
            DayOfWeek::Sunday => &self.sunday,
        }
    }

    pub fn day_mut(&mut self, day: DayOfWeek) -> &mut Vec<TimeRange> {
        match day {
            DayOfWeek::Monday => &mut self.monday,
            DayOfWeek::Tuesday => &mut self.tuesday,
            DayOfWeek::Wednesday => &mut self.wednesday,
            DayOfWeek::Thursday => &mut self.thursday,
            DayOfWeek::Friday => &mut self.friday,
            DayOfWeek::Saturday => &mut self.saturday,
            DayOfWeek::Sunday => &mut self.sunday,
        }
    }
}

/// A host's working hours in one IANA zone.
///
/// For each local date the ranges are: the date's override if there is one (an empty list
/// means unavailable that day), else nothing on a holiday, else the weekday's weekly ranges.
/// A range belongs to the date it starts on: a night shift `22:00`–`06:00` on Monday runs
/// into Tuesday morning whatever Tuesday's own rules say, and an override or holiday on
/// Monday replaces it.
///
/// JSON:
/// ```json
/// {"time_zone": "Europe/Berlin",
///  "weekly": {"monday": [{"start": "09:00", "end": "17:00"}]},
///  "date_overrides": {"2024-12-24": [{"start": "09:00", "end": "12:00"}], "2024-12-27": []},
///  "holidays": ["2024-12-25", "2024-12-26"]}
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    pub time_zone: Tz,
    #[serde(default)]
    pub weekly: WeeklyHours,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub date_overrides: BTreeMap<NaiveDate, Vec<TimeRange>>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub holidays: BTreeSet<NaiveDate>,
}

impl Schedule {
    /// A schedule with weekly hours only.
    pub fn weekly(time_zone: Tz, weekly: WeeklyHours) -> Schedule {
        Schedule {
            time_zone,
            weekly,
            date_overrides: BTreeMap::new(),
            holidays: BTreeSet::new(),
        }
    }

    /// The ranges that start on `date`, after overrides and holidays.
    pub fn ranges_on(&self, date: NaiveDate) -> &[TimeRange] {
        if let Some(ranges) = self.date_overrides.get(&date) {
            ranges
        } else if self.holidays.contains(&date) {
            &[]
        } else {
            self.weekly
                .day(DayOfWeek::from_chrono(chrono::Datelike::weekday(&date)))
        }
    }

    /// Checks every range; `field` is this schedule's path for error messages.
    pub fn validate(&self, field: &str) -> Result<(), InputError> {
        self.check()
            .map_err(|(path, reason)| InputError::new(format!("{field}{path}"), reason))
    }

    /// Like `validate`, returning the path below the schedule (allocates only on error).
    pub(crate) fn check(&self) -> Result<(), (String, InputReason)> {
        for day in DayOfWeek::ALL {
            for (i, range) in self.weekly.day(day).iter().enumerate() {
                range
                    .validate()
                    .map_err(|reason| (format!(".weekly.{}[{i}]", day.name()), reason))?;
            }
        }
        for date in &self.holidays {
            check_date_year(*date).map_err(|reason| (format!(".holidays.{date}"), reason))?;
        }
        for (date, ranges) in &self.date_overrides {
            check_date_year(*date).map_err(|reason| (format!(".date_overrides.{date}"), reason))?;
            for (i, range) in ranges.iter().enumerate() {
                range
                    .validate()
                    .map_err(|reason| (format!(".date_overrides.{date}[{i}]"), reason))?;
            }
        }
        Ok(())
    }

    /// The instants covered by the working hours of the local dates `first..=last`
    /// (including night shifts that start on `last` and end the day after), normalized.
    ///
    /// Handy for previews; [`available_slots`](super::available_slots) does the same
    /// internally.
    pub fn working_hours(&self, first: NaiveDate, last: NaiveDate) -> IntervalSet {
        let (first, last) = (zone::day_number(first), zone::day_number(last));
        if last < first {
            return IntervalSet::new();
        }
        let timeline =
            ZoneTimeline::new(self.time_zone, first * DAY - 2 * DAY, last * DAY + 3 * DAY);
        let mut spans = Vec::new();
        self.working_spans(&timeline, first, last, &mut spans);
        let set = IntervalSet::normalize(spans);
        set.iter()
            .map(|i| Interval::new(zone::instant(i.start), zone::instant(i.end)))
            .collect::<IntervalSet<DateTime<Utc>>>()
    }

    /// Appends the instants of the working hours that start on local days `first..=last`
    /// (day numbers), unsorted across ranges of one day.
    pub(crate) fn working_spans(
        &self,
        timeline: &ZoneTimeline,
        first: i64,
        last: i64,
        out: &mut Vec<Interval<i64>>,
    ) {
        let (first_date, last_date) = (zone::date_of_day(first), zone::date_of_day(last));
        let mut overrides = self
            .date_overrides
            .range(first_date..=last_date)
            .map(|(date, ranges)| (zone::day_number(*date), ranges.as_slice()))
            .peekable();
        let mut holidays = self
            .holidays
            .range(first_date..=last_date)
            .map(|date| zone::day_number(*date))
            .peekable();
        for day in first..=last {
            let is_holiday = holidays.next_if_eq(&day).is_some();
            let ranges = match overrides.next_if(|(d, _)| *d == day) {
                Some((_, ranges)) => ranges,
                None if is_holiday => &[],
                None => self
                    .weekly
                    .day(DayOfWeek::from_chrono(zone::weekday_of_day(day))),
            };
            for range in ranges {
                let (start, end) = range.local_seconds();
                timeline.preimage(day * DAY + start, day * DAY + end, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn hours(set: &IntervalSet) -> Vec<(String, String)> {
        set.iter()
            .map(|i| (i.start.to_rfc3339(), i.end.to_rfc3339()))
            .collect()
    }

    fn r(a: &str, b: &str) -> TimeRange {
        TimeRange::parse(a, b).unwrap()
    }

    fn at(s: &str) -> String {
        s.parse::<DateTime<Utc>>().unwrap().to_rfc3339()
    }

    #[test]
    fn json_shape() {
        let json = r#"{"time_zone":"Europe/Berlin",
            "weekly":{"monday":[{"start":"09:00","end":"17:00"}],"sunday":[{"start":"22:00","end":"24:00"}]},
            "date_overrides":{"2024-12-24":[{"start":"09:00","end":"12:00"}],"2024-12-27":[]},
            "holidays":["2024-12-25"]}"#;
        let schedule: Schedule = serde_json::from_str(json).unwrap();
        assert_eq!(schedule.time_zone, Tz::Europe__Berlin);
        assert_eq!(schedule.weekly.monday, vec![r("09:00", "17:00")]);
        assert_eq!(
            schedule.ranges_on(date("2024-12-24")),
            &[r("09:00", "12:00")]
        );
        assert_eq!(schedule.ranges_on(date("2024-12-27")), &[] as &[TimeRange]);
        assert_eq!(schedule.ranges_on(date("2024-12-25")), &[] as &[TimeRange]);
        assert_eq!(
            schedule.ranges_on(date("2024-12-23")),
            &[r("09:00", "17:00")]
        );
        let back: Schedule =
            serde_json::from_str(&serde_json::to_string(&schedule).unwrap()).unwrap();
        assert_eq!(back, schedule);
        let text = serde_json::to_string(&schedule).unwrap();
        assert!(
            text.contains(r#""date_overrides":{"2024-12-24":"#),
            "{text}"
        );
        assert!(text.contains(r#""holidays":["2024-12-25"]"#), "{text}");
        assert!(!text.contains("tuesday"), "empty days are omitted: {text}");
    }

    #[test]
    fn validate_names_the_field() {
        let mut schedule = Schedule::weekly(Tz::UTC, WeeklyHours::default());
        schedule.weekly.wednesday = vec![
            r("09:00", "12:00"),
            TimeRange {
                start: "10:00".parse().unwrap(),
                end: "10:00".parse().unwrap(),
            },
        ];
        let err = schedule.validate("team.hosts[0].schedule").unwrap_err();
        assert_eq!(err.field, "team.hosts[0].schedule.weekly.wednesday[1]");
        assert_eq!(
            err.to_string(),
            "team.hosts[0].schedule.weekly.wednesday[1]: start and end are equal; write 00:00-24:00 for a whole day"
        );
    }

    #[test]
    fn berlin_nine_to_five_is_eight_hours_on_both_change_days() {
        let weekly = WeeklyHours::on(&[DayOfWeek::Sunday], &[r("09:00", "17:00")]);
        let schedule = Schedule::weekly(Tz::Europe__Berlin, weekly);
        for (day, start, end) in [
            ("2024-03-31", "2024-03-31T07:00:00Z", "2024-03-31T15:00:00Z"),
            ("2024-10-27", "2024-10-27T08:00:00Z", "2024-10-27T16:00:00Z"),
        ] {
            let set = schedule.working_hours(date(day), date(day));
            assert_eq!(hours(&set), vec![(at(start), at(end))], "{day}");
        }
    }

    #[test]
    fn night_shift_merges_with_next_morning() {
        // 22:00–24:00 Monday and 00:00–06:00 Tuesday are one range; so is a crossing shift.
        let weekly = WeeklyHours {
            monday: vec![r("22:00", "24:00")],
            tuesday: vec![r("00:00", "06:00"), r("22:00", "02:00")],
            ..WeeklyHours::default()
        };
        let schedule = Schedule::weekly(Tz::UTC, weekly);
        let set = schedule.working_hours(date("2024-05-06"), date("2024-05-07"));
        assert_eq!(
            hours(&set),
            vec![
                (at("2024-05-06T22:00:00Z"), at("2024-05-07T06:00:00Z")),
                (at("2024-05-07T22:00:00Z"), at("2024-05-08T02:00:00Z")),
            ]
        );
    }

    #[test]
    fn overrides_replace_and_holidays_clear_but_override_wins() {
        let weekly = WeeklyHours::on(
            &[DayOfWeek::Monday, DayOfWeek::Tuesday, DayOfWeek::Wednesday],
            &[r("09:00", "17:00")],
        );
        let mut schedule = Schedule::weekly(Tz::UTC, weekly);
        schedule
            .date_overrides
            .insert(date("2024-05-06"), vec![r("10:00", "11:00")]);
        schedule.holidays.insert(date("2024-05-07"));
        schedule.holidays.insert(date("2024-05-08"));
        schedule
            .date_overrides
            .insert(date("2024-05-08"), vec![r("13:00", "14:00")]);
        // An override on a day off adds hours.
        schedule
            .date_overrides
            .insert(date("2024-05-11"), vec![r("08:00", "09:00")]);
        let set = schedule.working_hours(date("2024-05-06"), date("2024-05-12"));
        assert_eq!(
            hours(&set),
            vec![
                (at("2024-05-06T10:00:00Z"), at("2024-05-06T11:00:00Z")),
                (at("2024-05-08T13:00:00Z"), at("2024-05-08T14:00:00Z")),
                (at("2024-05-11T08:00:00Z"), at("2024-05-11T09:00:00Z")),
            ]
        );
    }

    #[test]
    fn an_override_on_the_first_day_cancels_its_night_shift_only() {
        let weekly = WeeklyHours {
            friday: vec![r("20:00", "04:00")],
            saturday: vec![r("20:00", "04:00")],
            ..WeeklyHours::default()
        };
        let mut schedule = Schedule::weekly(Tz::UTC, weekly);
        schedule.date_overrides.insert(date("2024-05-10"), vec![]);
        // Saturday's own override does not cut Friday's shift (there is none here), and a
        // holiday on Sunday does not cut Saturday's shift that runs into it.
        schedule.holidays.insert(date("2024-05-12"));
        let set = schedule.working_hours(date("2024-05-10"), date("2024-05-12"));
        assert_eq!(
            hours(&set),
            vec![(at("2024-05-11T20:00:00Z"), at("2024-05-12T04:00:00Z"))]
        );
    }
}

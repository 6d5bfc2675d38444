//! Schedules (working hours) and out-of-office periods, as clients send them.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::availability::{Schedule, TimeRange, WeeklyHours};
use crate::error::FieldErrors;
use crate::model::time::check_instant;

/// A schedule as clients send and receive it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScheduleInput {
    pub name: String,
    /// IANA time zone of the working hours.
    #[schema(example = "Europe/Berlin")]
    pub time_zone: String,
    /// Ranges per weekday: `{"monday": [{"start": "09:00", "end": "17:00"}], …}`;
    /// `"24:00"` may end a range; an end before the start crosses midnight.
    #[schema(value_type = Object)]
    pub weekly: WeeklyHours,
    /// Replacement ranges for single dates; an empty list makes the date unavailable.
    #[serde(default)]
    #[schema(value_type = Object)]
    pub date_overrides: BTreeMap<NaiveDate, Vec<TimeRange>>,
    /// Dates without availability.
    #[serde(default)]
    #[schema(value_type = Vec<String>)]
    pub holidays: BTreeSet<NaiveDate>,
    #[serde(default)]
    pub is_default: bool,
}

/// A stored schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSchedule {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub is_default: bool,
    pub schedule: Schedule,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl StoredSchedule {
    pub fn input(&self) -> ScheduleInput {
        ScheduleInput {
            name: self.name.clone(),
            time_zone: self.schedule.time_zone.name().to_string(),
            weekly: self.schedule.weekly.clone(),
            date_overrides: self.schedule.date_overrides.clone(),
            holidays: self.schedule.holidays.clone(),
            is_default: self.is_default,
        }
    }
}

const MAX_DATES: usize = 1_000;

impl ScheduleInput {
    /// Checks the input and returns the engine's schedule; errors name each field.
    pub fn validate(&mut self) -> Result<Schedule, FieldErrors> {
        let mut errors = FieldErrors::new();
        self.name = self.name.trim().to_string();
        if self.name.is_empty() || self.name.chars().count() > 100 {
            errors.add("name", "must be 1 to 100 characters");
        }
        let zone = parse_zone(&self.time_zone).unwrap_or_else(|reason| {
            errors.add("timeZone", reason);
            Tz::UTC
        });
        if self.date_overrides.len() > MAX_DATES {
            errors.add(
                "dateOverrides",
                format!("must list at most {MAX_DATES} dates"),
            );
        }
        if self.holidays.len() > MAX_DATES {
            errors.add("holidays", format!("must list at most {MAX_DATES} dates"));
        }
        let schedule = Schedule {
            time_zone: zone,
            weekly: self.weekly.clone(),
            date_overrides: self.date_overrides.clone(),
            holidays: self.holidays.clone(),
        };
        if let Err(err) = schedule.validate("") {
            let field = err.field.trim_start_matches('.');
            errors.add(&camel_field(field), err.reason.to_string());
        }
        errors.into_result(schedule)
    }
}

/// `date_overrides.2026-01-01` → `dateOverrides.2026-01-01`.
fn camel_field(field: &str) -> String {
    field
        .replace("date_overrides", "dateOverrides")
        .replace("time_zone", "timeZone")
}

/// Parses an IANA zone name, with a message that says what is expected.
pub fn parse_zone(name: &str) -> Result<Tz, &'static str> {
    name.trim()
        .parse::<Tz>()
        .map_err(|_| "must be an IANA time zone such as Europe/Berlin or America/New_York")
}

/// An out-of-office period as clients send it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OutOfOfficeInput {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    #[serde(default)]
    pub note: String,
}

impl OutOfOfficeInput {
    pub fn validate(&mut self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        self.note = self.note.trim().to_string();
        let start = check_instant(self.start).map_err(|err| errors.add("start", err.to_string()));
        let end = check_instant(self.end).map_err(|err| errors.add("end", err.to_string()));
        if start.is_err() || end.is_err() {
            // The order of two ends is moot while one of them is refused.
        } else if self.end <= self.start {
            errors.add("end", "must be after the start");
        } else if self.end - self.start > chrono::Duration::days(366) {
            errors.add("end", "must be within a year of the start");
        }
        if self.note.chars().count() > 500 {
            errors.add("note", "must be at most 500 characters");
        }
        errors.into_result(())
    }
}

/// The schedule a new user starts with: Monday to Friday, 09:00–17:00 in their zone.
pub fn default_working_hours(zone: Tz) -> ScheduleInput {
    let nine_to_five = TimeRange::parse("09:00", "17:00")
        .ok()
        .into_iter()
        .collect::<Vec<_>>();
    let weekly = WeeklyHours {
        monday: nine_to_five.clone(),
        tuesday: nine_to_five.clone(),
        wednesday: nine_to_five.clone(),
        thursday: nine_to_five.clone(),
        friday: nine_to_five,
        ..WeeklyHours::default()
    };
    ScheduleInput {
        name: "Working hours".into(),
        time_zone: zone.name().to_string(),
        weekly,
        date_overrides: BTreeMap::new(),
        holidays: BTreeSet::new(),
        is_default: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_schedule_validates() {
        let mut input = default_working_hours(chrono_tz::Europe::Berlin);
        let schedule = input.validate().expect("valid");
        assert_eq!(schedule.weekly.monday.len(), 1);
        assert!(schedule.weekly.saturday.is_empty());
    }

    #[test]
    fn bad_zone_and_name_are_named() {
        let mut input = default_working_hours(Tz::UTC);
        input.time_zone = "Mars/Olympus".into();
        input.name = String::new();
        let errors = input.validate().expect_err("invalid");
        assert!(errors.get("timeZone").is_some());
        assert!(errors.get("name").is_some());
    }

    #[test]
    fn bad_ranges_are_refused_at_parse_time() {
        let parsed: Result<ScheduleInput, _> = serde_json::from_value(serde_json::json!({
            "name": "x", "timeZone": "UTC", "weekly": {"monday": [{"start": "25:00", "end": "26:00"}]}
        }));
        assert!(parsed.is_err());
    }

    #[test]
    fn out_of_office_must_end_after_it_starts() {
        let start = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        let mut input = OutOfOfficeInput {
            start,
            end: start,
            note: String::new(),
        };
        assert!(input.validate().is_err());
    }

    #[test]
    fn out_of_office_is_checked_at_the_precision_it_is_stored() {
        let start = DateTime::parse_from_rfc3339("2999-12-12T10:33:47Z")
            .unwrap()
            .to_utc();
        let mut input = OutOfOfficeInput {
            start,
            end: start + chrono::Duration::milliseconds(550),
            note: String::new(),
        };
        let errors = input.validate().expect_err("a fraction of a second");
        assert!(errors.get("end").unwrap().contains("whole second"));

        let far: DateTime<Utc> = serde_json::from_str("\"+262142-12-31T23:45:00Z\"").unwrap();
        let mut input = OutOfOfficeInput {
            start: far,
            end: far,
            note: String::new(),
        };
        let errors = input.validate().expect_err("out of range");
        assert!(errors.get("start").unwrap().contains("between the years"));
        assert!(errors.get("end").is_some());
    }
}

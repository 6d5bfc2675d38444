//! Schedules (working hours) and out-of-office periods, as clients send them.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::availability::{Schedule, TimeRange, WeeklyHours};
use crate::model::error::FieldErrors;
use crate::model::time::check_instant;
use crate::model::time::schema::{CalendarDate, Instant, TimeZoneName, date_pattern};

/// A schedule as clients send and receive it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScheduleInput {
    #[schema(min_length = 1, max_length = 100, pattern = "\\S")]
    pub name: String,
    /// IANA time zone of the working hours.
    #[schema(value_type = TimeZoneName)]
    pub time_zone: String,
    #[schema(schema_with = weekly_schema)]
    pub weekly: WeeklyHours,
    #[serde(default)]
    #[schema(schema_with = date_overrides_schema)]
    pub date_overrides: BTreeMap<NaiveDate, Vec<TimeRange>>,
    #[serde(default)]
    #[schema(schema_with = holidays_schema)]
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

/// A range's start as [`TimeRange`] reads it: `HH:MM` (or `H:MM`) from `00:00` to `23:59`.
const RANGE_START_PATTERN: &str = "^([01]?[0-9]|2[0-3]):[0-5][0-9]$";
/// A range's end: like its start, or `24:00`.
const RANGE_END_PATTERN: &str = "^(([01]?[0-9]|2[0-3]):[0-5][0-9]|24:00)$";

/// The working-hour ranges of one day, as the OpenAPI document states them.
fn ranges_schema() -> utoipa::openapi::schema::ArrayBuilder {
    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Type};
    let time = |pattern: &str| {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(pattern))
    };
    ArrayBuilder::new().items(
        ObjectBuilder::new()
            .property("start", time(RANGE_START_PATTERN))
            .required("start")
            .property("end", time(RANGE_END_PATTERN))
            .required("end")
            .description(Some(
                "Local wall-clock times; the end differs from the start, and an end at or \
                 before the start crosses midnight.",
            )),
    )
}

fn weekly_schema() -> utoipa::openapi::schema::Object {
    use utoipa::openapi::schema::ObjectBuilder;
    crate::availability::DayOfWeek::ALL
        .into_iter()
        .fold(ObjectBuilder::new(), |object, day| {
            object.property(day.name(), ranges_schema())
        })
        .description(Some(
            "Ranges per weekday: `{\"monday\": [{\"start\": \"09:00\", \"end\": \"17:00\"}], …}`; \
             a day left out is a day off.",
        ))
        .build()
}

fn date_overrides_schema() -> utoipa::openapi::schema::Object {
    use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
    let date = ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
        .pattern(Some(date_pattern()))
        .build();
    ObjectBuilder::new()
        .property_names(Some(date))
        .additional_properties(Some(ranges_schema()))
        .max_properties(Some(MAX_DATES))
        .description(Some(
            "Replacement ranges for single dates (YYYY-MM-DD); an empty list makes the date \
             unavailable.",
        ))
        .build()
}

fn holidays_schema() -> utoipa::openapi::schema::Array {
    use utoipa::PartialSchema;
    utoipa::openapi::schema::ArrayBuilder::new()
        .items(CalendarDate::schema())
        .max_items(Some(MAX_DATES))
        .description(Some("Dates without availability."))
        .build()
}

impl ScheduleInput {
    /// Checks the input and returns the engine's schedule; errors name each field.
    pub fn validate(&mut self) -> Result<Schedule, FieldErrors> {
        let mut errors = FieldErrors::new();
        self.name = self.name.trim().to_string();
        if self.name.is_empty() || self.name.chars().count() > 100 {
            errors.refuse(
                "name",
                reason!("error-characters-between", min = 1, max = 100),
            );
        }
        let zone = parse_zone(&self.time_zone).unwrap_or_else(|reason| {
            errors.add("timeZone", reason);
            Tz::UTC
        });
        if self.date_overrides.len() > MAX_DATES {
            errors.refuse(
                "dateOverrides",
                reason!("error-too-many-dates", max = MAX_DATES),
            );
        }
        if self.holidays.len() > MAX_DATES {
            errors.refuse("holidays", reason!("error-too-many-dates", max = MAX_DATES));
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
    #[schema(value_type = Instant)]
    pub start: DateTime<Utc>,
    /// After `start`, and at most 366 days after it.
    #[schema(value_type = Instant)]
    pub end: DateTime<Utc>,
    #[serde(default)]
    #[schema(max_length = 500)]
    pub note: String,
}

impl OutOfOfficeInput {
    pub fn validate(&mut self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        self.note = self.note.trim().to_string();
        let start = check_instant(self.start).map_err(|err| errors.refuse("start", err.reason()));
        let end = check_instant(self.end).map_err(|err| errors.refuse("end", err.reason()));
        if start.is_err() || end.is_err() {
            // The order of two ends is moot while one of them is refused.
        } else if self.end <= self.start {
            errors.refuse("end", reason!("error-after-start"));
        } else if self.end - self.start > chrono::Duration::days(366) {
            errors.refuse("end", reason!("error-within-a-year"));
        }
        if self.note.chars().count() > 500 {
            errors.refuse("note", reason!("error-at-most-characters", max = 500));
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
    use crate::i18n::Language;

    #[test]
    fn out_of_office_and_schedule_reasons_are_written_in_the_reader_s_language() {
        let start = DateTime::parse_from_rfc3339("2026-03-30T09:00:00Z")
            .expect("instant")
            .with_timezone(&Utc);
        let mut period = OutOfOfficeInput {
            start,
            end: start,
            note: String::new(),
        };
        let errors = period.validate().expect_err("ends at its start");
        assert_eq!(errors.get("end"), Some("must be after the start"));
        assert_eq!(
            errors.text("end", Language::German).as_deref(),
            Some("muss nach dem Beginn liegen")
        );
        period.end = start + chrono::Duration::days(400);
        let errors = period.validate().expect_err("too long");
        assert_eq!(
            errors.get("end"),
            Some("must be within a year of the start")
        );
        assert_eq!(
            errors.text("end", Language::French).as_deref(),
            Some("doit se situer dans l’année qui suit le début")
        );

        let mut input = default_working_hours(chrono_tz::Europe::Berlin);
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
        input.holidays = (0..=MAX_DATES as u64)
            .map(|n| day + chrono::Days::new(n))
            .collect();
        let errors = input.validate().expect_err("too many holidays");
        assert_eq!(errors.get("holidays"), Some("must list at most 1000 dates"));
        assert_eq!(
            errors.text("holidays", Language::German).as_deref(),
            Some("darf höchstens 1000 Daten enthalten")
        );
    }

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

    proptest::proptest! {
        #[test]
        fn every_range_the_document_allows_is_accepted(
            start in crate::model::texts_matching(RANGE_START_PATTERN),
            end in crate::model::texts_matching(RANGE_END_PATTERN),
        ) {
            let start_time: crate::availability::TimeOfDay = start.parse().map_err(|err| {
                proptest::test_runner::TestCaseError::fail(format!("{start}: {err}"))
            })?;
            let end_time: crate::availability::TimeOfDay = end.parse().map_err(|err| {
                proptest::test_runner::TestCaseError::fail(format!("{end}: {err}"))
            })?;
            // The one rule the pattern cannot state: a range does not end where it starts.
            proptest::prop_assume!(start_time != end_time);
            proptest::prop_assert!(TimeRange::parse(&start, &end).is_ok(), "{}-{}", start, end);
        }
    }
}

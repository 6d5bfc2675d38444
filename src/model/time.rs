//! Instants and dates that come from outside: the years Kairos works in and the precision
//! it keeps.
//!
//! Every instant or date that a request, a form or a stored answer carries is parsed here
//! and checked against one range, the availability engine's ([`MIN_YEAR`]..=[`MAX_YEAR`]).
//! Inside that range every calculation Kairos makes (buffers, limit periods, a year of
//! slots) stays far from the edges of what dates can represent, so no arithmetic on a
//! checked value can overflow. Instants are kept in whole seconds (the database stores unix
//! seconds), so input is checked at that precision: `09:00:00.000Z` is accepted,
//! `09:00:00.5Z` is refused rather than silently rounded.

use std::fmt;

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Deserializer};

pub use crate::availability::{MAX_YEAR, MIN_YEAR};
use crate::model::error::Reason;

/// Why an instant or a date from outside is refused. The messages complete a sentence that
/// starts with the field's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeInputError {
    NotAnInstant,
    NotADate,
    OutOfRange,
    FractionOfASecond,
}

impl TimeInputError {
    /// Why, as a catalogue message: pages write it in their reader's language.
    pub fn reason(self) -> Reason {
        match self {
            TimeInputError::NotAnInstant => reason!("error-instant"),
            TimeInputError::NotADate => reason!("error-date"),
            TimeInputError::OutOfRange => reason!("error-year", min = MIN_YEAR, max = MAX_YEAR),
            TimeInputError::FractionOfASecond => reason!("error-whole-second"),
        }
    }
}

impl fmt::Display for TimeInputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.reason().fmt(f)
    }
}

impl std::error::Error for TimeInputError {}

/// Whether `year` is one Kairos works in.
pub fn year_in_range(year: i32) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&year)
}

/// Checks an instant's year and precision.
pub fn check_instant(instant: DateTime<Utc>) -> Result<DateTime<Utc>, TimeInputError> {
    if !year_in_range(instant.year()) {
        return Err(TimeInputError::OutOfRange);
    }
    if instant.nanosecond() != 0 {
        return Err(TimeInputError::FractionOfASecond);
    }
    Ok(instant)
}

/// Checks a date's year.
pub fn check_date(date: NaiveDate) -> Result<NaiveDate, TimeInputError> {
    if year_in_range(date.year()) {
        Ok(date)
    } else {
        Err(TimeInputError::OutOfRange)
    }
}

/// Parses an RFC 3339 instant (any offset) and checks it.
pub fn parse_instant(text: &str) -> Result<DateTime<Utc>, TimeInputError> {
    let parsed = DateTime::parse_from_rfc3339(text.trim())
        .map_err(|_| TimeInputError::NotAnInstant)?
        .with_timezone(&Utc);
    check_instant(parsed)
}

/// Parses a `YYYY-MM-DD` date (four-digit year) and checks it.
pub fn parse_date(text: &str) -> Result<NaiveDate, TimeInputError> {
    let text = text.trim();
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !well_formed {
        return Err(TimeInputError::NotADate);
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| TimeInputError::NotADate)?;
    check_date(date)
}

/// How the API's OpenAPI document states these rules: schemas named once and referenced
/// with `#[schema(value_type = …)]` wherever an instant, a date or a time zone is taken.
/// They are types for the document only; no value of them exists.
pub mod schema {
    use std::borrow::Cow;

    use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, OneOfBuilder, SchemaFormat, Type};
    use utoipa::openapi::{Ref, RefOr, Schema};
    use utoipa::{PartialSchema, ToSchema};

    use super::{MAX_YEAR, MIN_YEAR};

    /// A year Kairos works in: 1900 to 2999 ([`MIN_YEAR`], [`MAX_YEAR`]).
    const YEAR: &str = "(19[0-9]{2}|2[0-9]{3})";
    /// `-MM-DD`; the `date` format rules out days a month does not have.
    const MONTH_AND_DAY: &str = "-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";
    /// `Thh:mm:ss`, a fraction only of zeros, and an offset.
    const TIME_AND_OFFSET: &str =
        "T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.0+)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])";

    /// The pattern of [`CalendarDate`].
    pub fn date_pattern() -> String {
        format!("^{YEAR}{MONTH_AND_DAY}$")
    }

    /// The pattern of [`Instant`].
    pub fn instant_pattern() -> String {
        format!("^{YEAR}{MONTH_AND_DAY}{TIME_AND_OFFSET}$")
    }

    /// An RFC 3339 instant in whole seconds between the years 1900 and 2999.
    pub struct Instant;

    impl PartialSchema for Instant {
        fn schema() -> RefOr<Schema> {
            ObjectBuilder::new()
                .schema_type(Type::String)
                .format(Some(SchemaFormat::KnownFormat(KnownFormat::DateTime)))
                .pattern(Some(instant_pattern()))
                .description(Some(format!(
                    "An RFC 3339 instant between the years {MIN_YEAR} and {MAX_YEAR} (in UTC), \
                     in whole seconds: a fraction of a second is refused unless it is zero."
                )))
                .into()
        }
    }

    impl ToSchema for Instant {}

    /// A `YYYY-MM-DD` date between the years 1900 and 2999.
    pub struct CalendarDate;

    impl PartialSchema for CalendarDate {
        fn schema() -> RefOr<Schema> {
            ObjectBuilder::new()
                .schema_type(Type::String)
                .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
                .pattern(Some(date_pattern()))
                .description(Some(format!(
                    "A date (YYYY-MM-DD) between the years {MIN_YEAR} and {MAX_YEAR}."
                )))
                .into()
        }
    }

    impl ToSchema for CalendarDate {
        fn name() -> Cow<'static, str> {
            Cow::Borrowed("Date")
        }
    }

    /// A date or an instant, for range bounds that take either.
    pub struct DateOrInstant;

    impl PartialSchema for DateOrInstant {
        fn schema() -> RefOr<Schema> {
            OneOfBuilder::new()
                .item(Ref::from_schema_name(CalendarDate::name()))
                .item(Ref::from_schema_name(Instant::name()))
                .into()
        }
    }

    impl ToSchema for DateOrInstant {
        fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
            schemas.push((CalendarDate::name().into(), CalendarDate::schema()));
            schemas.push((Instant::name().into(), Instant::schema()));
        }
    }

    /// An IANA time zone name: one of those Kairos knows (aliases included).
    pub struct TimeZoneName;

    impl PartialSchema for TimeZoneName {
        fn schema() -> RefOr<Schema> {
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some(chrono_tz::TZ_VARIANTS.iter().map(|zone| zone.name())))
                .description(Some("An IANA time zone name, such as Europe/Berlin."))
                .into()
        }
    }

    impl ToSchema for TimeZoneName {}
}

/// `#[serde(deserialize_with = "…")]` for an instant field of a request body.
pub fn instant<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
    let text = String::deserialize(deserializer)?;
    parse_instant(&text).map_err(serde::de::Error::custom)
}

/// `#[serde(default, deserialize_with = "…")]` for an optional instant field.
pub fn optional_instant<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<DateTime<Utc>>, D::Error> {
    match Option::<String>::deserialize(deserializer)? {
        Some(text) => parse_instant(&text)
            .map(Some)
            .map_err(serde::de::Error::custom),
        None => Ok(None),
    }
}

/// The first day of the month after `date`'s.
pub fn next_month(date: NaiveDate) -> NaiveDate {
    let (year, month) = if date.month() == 12 {
        (date.year() + 1, 1)
    } else {
        (date.year(), date.month() + 1)
    };
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(date)
}

/// The first day of the month before `date`'s.
pub fn previous_month(date: NaiveDate) -> NaiveDate {
    let (year, month) = if date.month() == 1 {
        (date.year() - 1, 12)
    } else {
        (date.year(), date.month() - 1)
    };
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(date)
}

/// The first instant of a local date in a zone (a day starting in a DST gap begins when
/// the clocks jump).
pub fn start_of_day(zone: Tz, date: NaiveDate) -> Option<DateTime<Utc>> {
    let midnight = date.and_hms_opt(0, 0, 0)?;
    (0..=180).find_map(|minutes| {
        zone.from_local_datetime(&(midnight + chrono::Duration::minutes(minutes)))
            .earliest()
            .map(|t| t.with_timezone(&Utc))
    })
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use regex::Regex;

    use super::*;

    #[test]
    fn instants_in_range_and_whole_seconds_are_accepted() {
        let parsed = parse_instant("2026-03-30T09:00:00.000+02:00").unwrap();
        assert_eq!(parsed.to_rfc3339(), "2026-03-30T07:00:00+00:00");
        assert!(parse_instant("1900-01-01T00:00:00Z").is_ok());
        assert!(parse_instant("2999-12-31T23:59:59Z").is_ok());
    }

    #[test]
    fn extreme_and_malformed_instants_are_refused() {
        for (text, error) in [
            ("+262142-12-31T23:45:00Z", TimeInputError::NotAnInstant),
            ("-262143-01-01T00:00:00Z", TimeInputError::NotAnInstant),
            ("0001-01-01T00:00:00Z", TimeInputError::OutOfRange),
            ("9999-12-31T23:59:59Z", TimeInputError::OutOfRange),
            ("1899-12-31T23:59:59Z", TimeInputError::OutOfRange),
            ("3000-01-01T00:00:00Z", TimeInputError::OutOfRange),
            ("2026-03-30T09:00:00.5Z", TimeInputError::FractionOfASecond),
            (
                "2026-03-30T09:00:00.000000001Z",
                TimeInputError::FractionOfASecond,
            ),
            ("", TimeInputError::NotAnInstant),
            ("2026-03-30", TimeInputError::NotAnInstant),
            ("2026-03-30T09:00:00Z\u{0}", TimeInputError::NotAnInstant),
        ] {
            assert_eq!(parse_instant(text), Err(error), "{text:?}");
            assert!(!documented_instant(text), "the document allows {text:?}");
        }
    }

    #[test]
    fn dates_have_four_digit_years_in_range() {
        assert_eq!(
            parse_date(" 2026-03-30 "),
            Ok(NaiveDate::from_ymd_opt(2026, 3, 30).unwrap())
        );
        for (text, error) in [
            ("+262142-12-31", TimeInputError::NotADate),
            ("-262143-01-01", TimeInputError::NotADate),
            ("26-03-30", TimeInputError::NotADate),
            ("2026-3-30", TimeInputError::NotADate),
            ("2026-02-30", TimeInputError::NotADate),
            ("0000-01-01", TimeInputError::OutOfRange),
            ("9999-12-31", TimeInputError::OutOfRange),
            ("", TimeInputError::NotADate),
        ] {
            assert_eq!(parse_date(text), Err(error), "{text:?}");
            assert!(!documented_date(text), "the document allows {text:?}");
        }
    }

    #[test]
    fn a_request_body_names_the_reason() {
        #[derive(Debug, Deserialize)]
        struct Body {
            #[serde(deserialize_with = "instant")]
            #[allow(dead_code)]
            start: DateTime<Utc>,
        }
        let err = serde_json::from_str::<Body>(r#"{"start":"2026-03-30T09:00:00.25Z"}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("whole second"), "{err}");
    }

    /// Whether the OpenAPI document allows `text` as an instant: its pattern matches and
    /// the `date-time` format holds (the day exists).
    fn documented_instant(text: &str) -> bool {
        static PATTERN: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(&schema::instant_pattern()).expect("the instant pattern"));
        PATTERN.is_match(text) && DateTime::parse_from_rfc3339(text).is_ok()
    }

    /// Whether the OpenAPI document allows `text` as a date (pattern and `date` format).
    fn documented_date(text: &str) -> bool {
        static PATTERN: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(&schema::date_pattern()).expect("the date pattern"));
        PATTERN.is_match(text) && NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok()
    }

    #[test]
    fn the_document_states_the_years_kairos_works_in() {
        for year in 0..=9999 {
            let date = format!("{year:04}-06-15");
            assert_eq!(documented_date(&date), year_in_range(year), "{date}");
            let instant = format!("{date}T12:00:00Z");
            assert_eq!(
                documented_instant(&instant),
                year_in_range(year),
                "{instant}"
            );
        }
        assert!(documented_instant("2026-03-30T09:00:00.000+02:00"));
    }

    proptest::proptest! {
        #[test]
        fn every_instant_the_document_allows_is_accepted(text in crate::model::texts_matching(&schema::instant_pattern())) {
            proptest::prop_assume!(documented_instant(&text));
            // Query parameters are parsed with `parse_instant`, bodies by serde and checked.
            let from_body = serde_json::from_value::<DateTime<Utc>>(serde_json::json!(text))
                .map_err(|_| TimeInputError::NotAnInstant)
                .and_then(check_instant);
            for result in [parse_instant(&text), from_body] {
                match result {
                    Ok(_) => {}
                    // An offset can move an instant on the range's first or last day
                    // across its edge; the description says the years are in UTC.
                    Err(TimeInputError::OutOfRange) => proptest::prop_assert!(
                        text.starts_with("1900-01-01") || text.starts_with("2999-12-31"),
                        "{text}"
                    ),
                    Err(other) => proptest::prop_assert!(false, "{text}: {other}"),
                }
            }
        }

        #[test]
        fn every_date_the_document_allows_is_accepted(text in crate::model::texts_matching(&schema::date_pattern())) {
            proptest::prop_assume!(documented_date(&text));
            proptest::prop_assert!(parse_date(&text).is_ok(), "{text}");
        }
    }

    #[test]
    fn days_start_at_local_midnight_or_when_the_clocks_jump() {
        let berlin = start_of_day(
            chrono_tz::Europe::Berlin,
            NaiveDate::from_ymd_opt(2026, 3, 29).unwrap_or_default(),
        );
        assert_eq!(
            berlin.map(|t| t.to_rfc3339()).as_deref(),
            Some("2026-03-28T23:00:00+00:00")
        );
        // Santiago's clocks jumped from 24:00 to 01:00 on 2022-09-11.
        let santiago = start_of_day(
            chrono_tz::America::Santiago,
            NaiveDate::from_ymd_opt(2022, 9, 11).unwrap_or_default(),
        );
        assert_eq!(
            santiago.map(|t| t.to_rfc3339()).as_deref(),
            Some("2022-09-11T04:00:00+00:00")
        );
    }
}

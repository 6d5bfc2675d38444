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

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use serde::{Deserialize, Deserializer};

pub use crate::availability::{MAX_YEAR, MIN_YEAR};

/// Why an instant or a date from outside is refused. The messages complete a sentence that
/// starts with the field's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TimeInputError {
    #[error("must be an RFC 3339 instant such as 2026-03-30T09:00:00Z")]
    NotAnInstant,
    #[error("must be a date such as 2026-03-30 (YYYY-MM-DD)")]
    NotADate,
    #[error("must lie between the years {MIN_YEAR} and {MAX_YEAR}")]
    OutOfRange,
    #[error("must be a whole second (Kairos keeps no fractions of a second)")]
    FractionOfASecond,
}

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

#[cfg(test)]
mod tests {
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
}

//! Scheduling setup: schedules, event types, teams and their questions, and the bridge
//! from stored data to the availability engine (the slot list and the booking check).

pub mod event_types;
pub mod manage;
pub mod questions;
pub mod schedules;
pub mod slots;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

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
    use super::*;

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

//! How pages write dates, times, durations and links, and read submitted forms.

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Timelike, Utc};
use chrono_tz::Tz;

/// A wall-clock time: `13:30`, or `1:30pm` for the 12-hour clock.
pub fn time(t: DateTime<Tz>, twelve_hour: bool) -> String {
    if twelve_hour {
        let (pm, hour) = t.hour12();
        format!("{hour}:{:02}{}", t.minute(), if pm { "pm" } else { "am" })
    } else {
        format!("{:02}:{:02}", t.hour(), t.minute())
    }
}

/// `Monday, 30 March 2026`.
pub fn long_date(date: NaiveDate) -> String {
    date.format("%A, %-d %B %Y").to_string()
}

/// `Mon, 30 Mar`.
pub fn short_date(date: NaiveDate) -> String {
    date.format("%a, %-d %b").to_string()
}

/// `13:30 – 14:00, Monday, 30 March 2026` in `zone`.
pub fn when(start: DateTime<Utc>, end: DateTime<Utc>, zone: Tz, twelve_hour: bool) -> String {
    let (start, end) = (start.with_timezone(&zone), end.with_timezone(&zone));
    format!(
        "{} – {}, {}",
        time(start, twelve_hour),
        time(end, twelve_hour),
        long_date(start.date_naive())
    )
}

/// `30 min`, `1 h`, `1 h 30 min`.
pub fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// The zone's current offset, e.g. `UTC+02:00`.
pub fn offset(zone: Tz, at: DateTime<Utc>) -> String {
    use chrono::Offset;
    let seconds = zone
        .offset_from_utc_datetime(&at.naive_utc())
        .fix()
        .local_minus_utc();
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
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

/// Percent-encodes a URL component (everything but unreserved characters).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// A query string from pairs, leaving out empty values: `?a=1&b=2`, or `""`.
pub fn query(pairs: &[(&str, &str)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| format!("{key}={}", encode(value)))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// A submitted form as its pairs, in order: forms whose field names are only known at
/// run time (booking questions, weekly hours, repeated guests).
#[derive(Debug, Clone, Default)]
pub struct FormData(pub Vec<(String, String)>);

impl FormData {
    /// The first value of a field, or `""`.
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map_or("", |(_, value)| value.as_str())
    }

    /// Every value of a field, in order.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .collect()
    }

    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(key, _)| key == name)
    }

    /// A whole number field; `None` when empty, `Err` when not a number.
    pub fn number(&self, name: &str) -> Result<Option<u32>, ()> {
        let value = self.get(name).trim();
        if value.is_empty() {
            Ok(None)
        } else {
            value.parse().map(Some).map_err(|_| ())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_in_both_clocks() {
        let t = Utc
            .with_ymd_and_hms(2026, 3, 30, 12, 5, 0)
            .single()
            .unwrap_or_default()
            .with_timezone(&chrono_tz::America::New_York);
        assert_eq!(time(t, false), "08:05");
        assert_eq!(time(t, true), "8:05am");
        assert_eq!(duration(90), "1 h 30 min");
        assert_eq!(duration(45), "45 min");
        assert_eq!(offset(chrono_tz::Asia::Kathmandu, t.to_utc()), "UTC+05:45");
    }

    #[test]
    fn queries_leave_out_empty_values_and_encode() {
        assert_eq!(
            query(&[("tz", "America/New_York"), ("date", ""), ("h", "12")]),
            "?tz=America%2FNew_York&h=12"
        );
        assert_eq!(query(&[("a", "")]), "");
    }
}

//! Presentation: how dates, times, durations and zones are written for people, in pages,
//! emails, text messages and calendar files alike.
//!
//! Everything here takes a [`Locale`]: the language and the clock a person reads. Kairos
//! speaks English today; a new language adds a [`Language`] and its formats here, and
//! every page and message follows.

pub mod money;
pub mod zones;

pub use crate::i18n::tag::{self, LanguageTag};
pub use crate::i18n::{self, Language};

use chrono::{DateTime, TimeZone, Timelike, Utc, Weekday};
use chrono::{NaiveDate, Offset};
use chrono_tz::Tz;

/// How one person reads dates and times: their language and their clock.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Locale {
    pub language: Language,
    /// `1:30pm` rather than `13:30`.
    pub twelve_hour: bool,
    /// `Monday, March 30, 2026` rather than `Monday, 30 March 2026`.
    pub month_first: bool,
}

/// The clock, date order and first day of the week customary where a visitor's browser
/// (or the booking they made) says they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conventions {
    pub twelve_hour: bool,
    pub month_first: bool,
    /// The day a month calendar's weeks start on.
    pub first_day: Weekday,
}

/// Regions whose people usually read a 12-hour clock.
const TWELVE_HOUR_REGIONS: [&str; 9] = ["US", "CA", "AU", "NZ", "IN", "PK", "BD", "PH", "EG"];
/// Regions that write the month before the day.
const MONTH_FIRST_REGIONS: [&str; 2] = ["US", "PH"];
/// The first day of the week by region, from CLDR's `weekData/firstDay`
/// (common/supplemental/supplementalData.xml, CLDR 48 as shipped in ICU 78): Monday for
/// every region not listed (`001`). Deprecated region codes (BU, RH, YD) are left out.
/// Unlike older CLDR releases, the United Arab Emirates start on Monday; Saudi Arabia
/// starts on Sunday, Egypt on Saturday.
const FRIDAY_FIRST_REGIONS: [&str; 1] = ["MV"];
const SATURDAY_FIRST_REGIONS: [&str; 14] = [
    "AF", "BH", "DJ", "DZ", "EG", "IQ", "IR", "JO", "KW", "LY", "OM", "QA", "SD", "SY",
];
const SUNDAY_FIRST_REGIONS: [&str; 56] = [
    "AG", "AS", "BD", "BR", "BS", "BT", "BW", "BZ", "CA", "CO", "DM", "DO", "ET", "GT", "GU", "HK",
    "HN", "ID", "IL", "IN", "IS", "JM", "JP", "KE", "KH", "KR", "LA", "MH", "MM", "MO", "MT", "MX",
    "MZ", "NI", "NP", "PA", "PE", "PH", "PK", "PR", "PT", "PY", "SA", "SG", "SV", "TH", "TT", "TW",
    "UM", "US", "VE", "VI", "WS", "YE", "ZA", "ZW",
];

impl Conventions {
    /// The conventions of a region (`US`, `DE`; upper case).
    pub fn of_region(region: &str) -> Self {
        let first_day = if SUNDAY_FIRST_REGIONS.contains(&region) {
            Weekday::Sun
        } else if SATURDAY_FIRST_REGIONS.contains(&region) {
            Weekday::Sat
        } else if FRIDAY_FIRST_REGIONS.contains(&region) {
            Weekday::Fri
        } else {
            Weekday::Mon
        };
        Self {
            twelve_hour: TWELVE_HOUR_REGIONS.contains(&region),
            month_first: MONTH_FIRST_REGIONS.contains(&region),
            first_day,
        }
    }

    /// The conventions of a language tag's region; `None` for a tag without a region,
    /// which says nothing about the clock.
    pub fn of(tag: &LanguageTag) -> Option<Self> {
        tag.region().map(Self::of_region)
    }

    /// The same for a stored tag (`en-US`, `de-DE`); `None` for one without a region or
    /// that is not a language tag.
    pub fn of_language_tag(tag: &str) -> Option<Self> {
        Self::of(&LanguageTag::parse(tag).ok()?)
    }

    /// The conventions of the visitor's locale, see [`LanguageTag::from_accept_language`].
    pub fn from_accept_language(header: &str) -> Option<Self> {
        Self::of(&LanguageTag::from_accept_language(header)?)
    }

    /// How someone with these conventions reads dates and times.
    pub fn locale(self) -> Locale {
        Locale::english(self.twelve_hour).month_first(self.month_first)
    }
}

/// How a language writes dates: chrono's locale (glibc's month and weekday names) and
/// the patterns CLDR gives the language.
struct DateFormats {
    names: chrono::Locale,
    /// `Thursday, 10 December 2026`.
    long: &'static str,
    /// `Thu, 10 Dec`.
    short: &'static str,
    /// `Thursday 10 December`: a day in a subject line.
    day: &'static str,
    /// `December 2026`: a month calendar's heading.
    month: &'static str,
}

impl Language {
    fn date_formats(self, month_first: bool) -> DateFormats {
        let formats = |names, long, short, day, month| DateFormats {
            names,
            long,
            short,
            day,
            month,
        };
        use chrono::Locale as L;
        match self {
            Language::English | Language::Pseudo if month_first => formats(
                L::en_US,
                "%A, %B %-d, %Y",
                "%a, %b %-d",
                "%A, %B %-d",
                "%B %Y",
            ),
            Language::English | Language::Pseudo => formats(
                L::en_GB,
                "%A, %-d %B %Y",
                "%a, %-d %b",
                "%A %-d %B",
                "%B %Y",
            ),
            Language::German => formats(
                L::de_DE,
                "%A, %-d. %B %Y",
                "%a, %-d. %b",
                "%A, %-d. %B",
                "%B %Y",
            ),
            Language::French => {
                formats(L::fr_FR, "%A %-d %B %Y", "%a %-d %b", "%A %-d %B", "%B %Y")
            }
            Language::Spanish => formats(
                L::es_ES,
                "%A, %-d de %B de %Y",
                "%a, %-d %b",
                "%A, %-d de %B",
                "%B de %Y",
            ),
            Language::Portuguese => formats(
                L::pt_BR,
                "%A, %-d de %B de %Y",
                "%a, %-d de %b",
                "%A, %-d de %B",
                "%B de %Y",
            ),
            Language::Dutch => formats(L::nl_NL, "%A %-d %B %Y", "%a %-d %b", "%A %-d %B", "%B %Y"),
            Language::Arabic => formats(
                L::ar_SA,
                "%A، %-d %B %Y",
                "%a، %-d %b",
                "%A، %-d %B",
                "%B %Y",
            ),
        }
    }
}

impl Locale {
    /// English, with the 12- or 24-hour clock.
    pub fn english(twelve_hour: bool) -> Self {
        Self {
            language: Language::English,
            twelve_hour,
            month_first: false,
        }
    }

    /// The same clock and date order in `language`.
    pub fn in_language(self, language: Language) -> Self {
        Self { language, ..self }
    }

    fn formats(&self) -> DateFormats {
        self.language.date_formats(self.month_first)
    }

    /// A date written with one of the language's patterns, its first letter upper case
    /// where the language's names start lower case (French, Spanish, Portuguese and Dutch
    /// write `jeudi`; a date standing alone starts with a capital).
    fn date(&self, date: NaiveDate, pattern: &str) -> String {
        let text = date
            .format_localized(pattern, self.formats().names)
            .to_string();
        let mut chars = text.chars();
        let text: String = chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().chain(chars).collect()
        });
        if self.language == Language::Pseudo {
            crate::i18n::pseudo_text(&text)
        } else {
            text
        }
    }

    /// `December 2026`, `Dezember 2026`: a month calendar's heading.
    pub fn month_year(&self, year: i32, month: u32) -> String {
        NaiveDate::from_ymd_opt(year, month, 1)
            .map(|date| self.date(date, self.formats().month))
            .unwrap_or_default()
    }

    /// `Monday`, `Montag`: a weekday's whole name.
    pub fn weekday_long(&self, day: Weekday) -> String {
        self.date(
            monday()
                .checked_add_days(chrono::Days::new(u64::from(day.num_days_from_monday())))
                .unwrap_or_default(),
            "%A",
        )
    }

    /// `Mon`, `Mo`: a weekday's short name, as a calendar's column heads it.
    pub fn weekday_short(&self, day: Weekday) -> String {
        self.date(
            monday()
                .checked_add_days(chrono::Days::new(u64::from(day.num_days_from_monday())))
                .unwrap_or_default(),
            "%a",
        )
    }

    /// The same, writing the month before the day.
    pub fn month_first(self, month_first: bool) -> Self {
        Self {
            month_first,
            ..self
        }
    }

    /// A wall-clock time: `13:30`, or `1:30pm` on the 12-hour clock (`1:30 p. m.` in
    /// Spanish).
    pub fn time(&self, t: DateTime<Tz>) -> String {
        match (self.twelve_hour, self.language) {
            (false, _) => format!("{:02}:{:02}", t.hour(), t.minute()),
            (true, Language::English | Language::Pseudo) => {
                let (pm, hour) = t.hour12();
                format!("{hour}:{:02}{}", t.minute(), if pm { "pm" } else { "am" })
            }
            (true, _) => t
                .format_localized("%-I:%M %p", self.formats().names)
                .to_string(),
        }
    }

    /// `Monday, 30 March 2026`, `Montag, 30. März 2026`.
    pub fn long_date(&self, date: NaiveDate) -> String {
        self.date(date, self.formats().long)
    }

    /// `Mon, 30 Mar`.
    pub fn short_date(&self, date: NaiveDate) -> String {
        self.date(date, self.formats().short)
    }

    /// `13:30 – 14:00, Monday, 30 March 2026` in `zone`.
    pub fn when(&self, start: DateTime<Utc>, end: DateTime<Utc>, zone: Tz) -> String {
        let (start, end) = (start.with_timezone(&zone), end.with_timezone(&zone));
        format!(
            "{} – {}{}{}",
            self.time(start),
            self.time(end),
            self.comma(),
            self.long_date(start.date_naive())
        )
    }

    /// The comma between the parts of a date and time: Arabic writes its own.
    fn comma(&self) -> &'static str {
        if self.language == Language::Arabic {
            "، "
        } else {
            ", "
        }
    }

    /// A meeting's time as a subject line says it, in `zone`: `Thursday 10 December,
    /// 10:00–10:30` (`Thursday, December 10, 10:00am–10:30am` with the month first); one
    /// that ends on another day names both days.
    pub fn brief_when(&self, start: DateTime<Utc>, end: DateTime<Utc>, zone: Tz) -> String {
        let (start, end) = (start.with_timezone(&zone), end.with_timezone(&zone));
        let pattern = self.formats().day;
        let day = |t: DateTime<Tz>| self.date(t.date_naive(), pattern);
        let comma = self.comma();
        if start.date_naive() == end.date_naive() {
            format!(
                "{}{comma}{}–{}",
                day(start),
                self.time(start),
                self.time(end)
            )
        } else {
            format!(
                "{}{comma}{} – {}{comma}{}",
                day(start),
                self.time(start),
                day(end),
                self.time(end)
            )
        }
    }

    /// `30 min`, `1 h`, `1 h 30 min` (`30 د` in Arabic; the unit symbols are the same
    /// in the other languages).
    pub fn duration(&self, minutes: u32) -> String {
        let (h, min) = match self.language {
            Language::Arabic => ("س", "د"),
            Language::Pseudo => ("ħ", "ḿīƞ"),
            _ => ("h", "min"),
        };
        match (minutes / 60, minutes % 60) {
            (0, m) => format!("{m} {min}"),
            (hours, 0) => format!("{hours} {h}"),
            (hours, m) => format!("{hours} {h} {m} {min}"),
        }
    }
}

/// A Monday, to name weekdays from.
fn monday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default()
}

/// The zone's offset at `at`, e.g. `UTC+02:00`: written the same in every language.
pub fn offset(zone: Tz, at: DateTime<Utc>) -> String {
    let seconds = zone
        .offset_from_utc_datetime(&at.naive_utc())
        .fix()
        .local_minus_utc();
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
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
        assert_eq!(Locale::english(false).time(t), "08:05");
        assert_eq!(Locale::english(true).time(t), "8:05am");
        assert_eq!(Locale::default().duration(90), "1 h 30 min");
        assert_eq!(Locale::default().duration(45), "45 min");
        assert_eq!(offset(chrono_tz::Asia::Kathmandu, t.to_utc()), "UTC+05:45");
    }

    #[test]
    fn conventions_follow_the_region_of_the_preferred_language() {
        let of = |header: &str| Conventions::from_accept_language(header);
        let us = Conventions {
            twelve_hour: true,
            month_first: true,
            first_day: Weekday::Sun,
        };
        let europe = Conventions {
            twelve_hour: false,
            month_first: false,
            first_day: Weekday::Mon,
        };
        assert_eq!(of("en-US,en;q=0.9"), Some(us));
        assert_eq!(of("de-DE,de;q=0.9,en;q=0.8"), Some(europe));
        assert_eq!(of("en-GB"), Some(europe));
        assert_eq!(
            of("en;q=0.9, en-AU;q=0.8").map(|c| c.twelve_hour),
            Some(true)
        );
        assert_eq!(of("fr"), None);
        assert_eq!(of(""), None);
        let date = NaiveDate::from_ymd_opt(2026, 12, 10).unwrap_or_default();
        assert_eq!(
            Locale::english(true).month_first(true).long_date(date),
            "Thursday, December 10, 2026"
        );
        assert_eq!(
            Locale::english(false).long_date(date),
            "Thursday, 10 December 2026"
        );
    }

    #[test]
    fn weeks_start_on_the_region_s_first_day() {
        let first_day = |tag: &str| Conventions::of_language_tag(tag).map(|c| c.first_day);
        for (tag, day) in [
            ("en-US", Weekday::Sun),
            ("en-CA", Weekday::Sun),
            ("pt-BR", Weekday::Sun),
            ("ja-JP", Weekday::Sun),
            ("he-IL", Weekday::Sun),
            ("es-MX", Weekday::Sun),
            ("ar-SA", Weekday::Sun),
            ("ar-EG", Weekday::Sat),
            ("fa-IR", Weekday::Sat),
            ("dv-MV", Weekday::Fri),
            ("ar-AE", Weekday::Mon),
            ("de-DE", Weekday::Mon),
            ("en-GB", Weekday::Mon),
            ("en-AU", Weekday::Mon),
            ("fr-FR", Weekday::Mon),
            ("es-419", Weekday::Mon),
        ] {
            assert_eq!(first_day(tag), Some(day), "{tag}");
        }
        assert_eq!(first_day("fr"), None, "no region, no convention");
        assert_eq!(first_day("not a tag"), None);
        // Every region is listed once, in order, in upper case.
        let tables: [&[&str]; 3] = [
            &SUNDAY_FIRST_REGIONS,
            &SATURDAY_FIRST_REGIONS,
            &FRIDAY_FIRST_REGIONS,
        ];
        for table in tables {
            assert!(table.windows(2).all(|w| w[0] < w[1]), "{table:?}");
            assert!(
                table
                    .iter()
                    .all(|r| r.len() == 2 && r.bytes().all(|b| b.is_ascii_uppercase()))
            );
        }
    }

    #[test]
    fn dates_are_written_in_the_language() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 10).unwrap_or_default();
        let l = |language| Locale::english(false).in_language(language);
        assert_eq!(
            l(Language::German).long_date(date),
            "Donnerstag, 10. Dezember 2026"
        );
        assert_eq!(
            l(Language::French).long_date(date),
            "Jeudi 10 décembre 2026"
        );
        assert_eq!(
            l(Language::Spanish).long_date(date),
            "Jueves, 10 de diciembre de 2026"
        );
        assert_eq!(
            l(Language::Portuguese).long_date(date),
            "Quinta, 10 de dezembro de 2026"
        );
        assert_eq!(
            l(Language::Dutch).long_date(date),
            "Donderdag 10 december 2026"
        );
        assert_eq!(
            l(Language::Arabic).long_date(date),
            "الخميس، 10 ديسمبر 2026"
        );
        assert_eq!(l(Language::German).month_year(2026, 3), "März 2026");
        assert_eq!(l(Language::Spanish).month_year(2026, 3), "Marzo de 2026");
        assert_eq!(l(Language::English).month_year(2026, 3), "March 2026");
        assert_eq!(l(Language::French).weekday_short(Weekday::Mon), "Lun.");
        assert_eq!(l(Language::German).weekday_long(Weekday::Sun), "Sonntag");
        assert_eq!(l(Language::English).weekday_short(Weekday::Wed), "Wed");
        assert_eq!(l(Language::German).duration(90), "1 h 30 min");
        assert_eq!(l(Language::Arabic).duration(30), "30 د");
        // The extremes of the calendar chrono keeps are written, not refused.
        assert!(!l(Language::German).long_date(NaiveDate::MAX).is_empty());
        assert!(!l(Language::Arabic).long_date(NaiveDate::MIN).is_empty());
        assert_eq!(l(Language::German).month_year(2026, 13), "");
    }

    #[test]
    fn subject_lines_say_the_day_then_the_times() {
        let at = |d, h, m| {
            Utc.with_ymd_and_hms(2026, 12, d, h, m, 0)
                .single()
                .unwrap_or_default()
        };
        let berlin = chrono_tz::Europe::Berlin;
        assert_eq!(
            Locale::english(false).brief_when(at(10, 9, 0), at(10, 9, 30), berlin),
            "Thursday 10 December, 10:00–10:30"
        );
        assert_eq!(
            Locale::english(true).brief_when(
                at(10, 15, 0),
                at(10, 15, 30),
                chrono_tz::America::New_York
            ),
            "Thursday 10 December, 10:00am–10:30am"
        );
        assert_eq!(
            Locale::english(false).brief_when(at(10, 22, 30), at(10, 23, 30), berlin),
            "Thursday 10 December, 23:30 – Friday 11 December, 00:30"
        );
        assert_eq!(
            Conventions::of_region("US").locale().brief_when(
                at(10, 15, 0),
                at(10, 15, 30),
                chrono_tz::America::New_York
            ),
            "Thursday, December 10, 10:00am–10:30am"
        );
    }
}

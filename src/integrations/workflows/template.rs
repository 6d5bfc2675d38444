//! Message templates: `{VARIABLE}` placeholders filled from a booking.
//!
//! A variable is a name in braces: letters, digits, `_` and `-`, matched without regard
//! to case. The built-in names are [`VARIABLES`]; any other name stands for the answer to
//! the booking question whose key, upper-cased with `-` read as `_`, is that name —
//! `{REASON}` is the answer to the question with key `reason`, `{FIRST_VISIT}` to
//! `first-visit`. Braces around anything else (`{ }`, `{a b}`) are kept as written.
//!
//! Rendering is pure: it takes the facts of a booking and of the recipient and returns
//! text, so every date and every rule here is unit-tested.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::model::event_types::Location;
use crate::present::Locale;

/// The built-in variables, with what each stands for (shown on the editor page).
pub const VARIABLES: [(&str, &str); 14] = [
    ("EVENT_NAME", "the event type's title"),
    ("ORGANIZER", "the host's name"),
    ("ATTENDEE", "the attendee's name"),
    ("ATTENDEE_FIRST_NAME", "the attendee's first name"),
    ("ATTENDEE_EMAIL", "the attendee's email address"),
    ("EVENT_DATE", "the date, e.g. Tuesday, 31 March 2026"),
    ("EVENT_TIME", "the start time, e.g. 10:00"),
    ("EVENT_END_TIME", "the end time, e.g. 10:30"),
    ("TIMEZONE", "the recipient's time zone, e.g. Europe/Berlin"),
    ("LOCATION", "where the meeting takes place"),
    ("MEETING_URL", "the video or meeting link, if any"),
    ("CANCEL_URL", "the attendee's link to cancel"),
    ("RESCHEDULE_URL", "the attendee's link to pick another time"),
    ("ADDITIONAL_NOTES", "the notes the attendee added"),
];

/// The variable name a question key is written as: `first-visit` → `FIRST_VISIT`.
pub fn answer_variable(key: &str) -> String {
    key.to_uppercase().replace('-', "_")
}

/// One placeholder found in a template: its byte range and its normalized name.
struct Placeholder {
    start: usize,
    end: usize,
    name: String,
}

fn placeholders(template: &str) -> Vec<Placeholder> {
    let mut found = Vec::new();
    let mut rest = 0;
    while let Some(open) = template[rest..].find('{').map(|i| rest + i) {
        let Some(close) = template[open + 1..].find('}').map(|i| open + 1 + i) else {
            break;
        };
        let inner = &template[open + 1..close];
        if inner.contains('{') {
            // `{{NAME}` — the inner brace may open a placeholder.
            rest = open + 1;
            continue;
        }
        if !inner.is_empty()
            && inner
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            found.push(Placeholder {
                start: open,
                end: close + 1,
                name: answer_variable(inner),
            });
        }
        rest = close + 1;
    }
    found
}

/// The variables a template uses, normalized (upper case, `_`), in order of appearance.
pub fn variables_in(template: &str) -> Vec<String> {
    placeholders(template).into_iter().map(|p| p.name).collect()
}

/// The variables of `template` that are neither built in nor one of `answer_keys`
/// (question keys), each once, as written in upper case.
pub fn unknown_variables(template: &str, answer_keys: &BTreeSet<String>) -> Vec<String> {
    let answers: BTreeSet<String> = answer_keys.iter().map(|k| answer_variable(k)).collect();
    let mut unknown = Vec::new();
    for name in variables_in(template) {
        let known = VARIABLES.iter().any(|(v, _)| *v == name) || answers.contains(&name);
        if !known && !unknown.contains(&name) {
            unknown.push(name);
        }
    }
    unknown
}

/// What a message is about: the booking's facts, as plain data.
#[derive(Debug, Clone, Default)]
pub struct BookingFacts {
    pub event_name: String,
    pub organizer: String,
    pub attendee_name: String,
    pub attendee_email: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Described in each reader's language (a phone number says "Phone" in it).
    pub location: Option<Location>,
    pub meeting_url: Option<String>,
    /// The attendee's manage link (cancel and reschedule are on that page).
    pub manage_url: Option<String>,
    pub additional_notes: String,
    /// Answers by question key, as text.
    pub answers: BTreeMap<String, String>,
}

/// Who reads the message, and whether it leaves the appliance.
#[derive(Debug, Clone, Copy)]
pub struct Reader {
    pub zone: Tz,
    /// The reader's clock and date order.
    pub locale: Locale,
    /// Minimum necessary applies: answers and notes render empty.
    pub withhold_answers: bool,
}

/// The value of every variable for `facts` as `reader` sees them.
pub fn values(facts: &BookingFacts, reader: &Reader) -> BTreeMap<String, String> {
    let start = facts.start.with_timezone(&reader.zone);
    let end = facts.end.with_timezone(&reader.zone);
    let first_name = facts
        .attendee_name
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string();
    let link = |anchor: &str| {
        facts
            .manage_url
            .as_ref()
            .map(|url| format!("{url}{anchor}"))
            .unwrap_or_default()
    };
    let mut values = BTreeMap::new();
    let mut set = |name: &str, value: String| {
        values.insert(name.to_string(), value);
    };
    set("EVENT_NAME", facts.event_name.clone());
    set("ORGANIZER", facts.organizer.clone());
    set("ATTENDEE", facts.attendee_name.clone());
    set("ATTENDEE_FIRST_NAME", first_name);
    set("ATTENDEE_EMAIL", facts.attendee_email.clone());
    set("EVENT_DATE", reader.locale.long_date(start.date_naive()));
    set("EVENT_TIME", reader.locale.time(start));
    set("EVENT_END_TIME", reader.locale.time(end));
    set("TIMEZONE", reader.zone.name().to_string());
    let location = facts
        .location
        .as_ref()
        .map(|l| l.describe(reader.locale.language));
    set("LOCATION", location.unwrap_or_default());
    set("MEETING_URL", facts.meeting_url.clone().unwrap_or_default());
    set("CANCEL_URL", link("#cancel"));
    set("RESCHEDULE_URL", link("#reschedule"));
    let notes = if reader.withhold_answers {
        String::new()
    } else {
        facts.additional_notes.clone()
    };
    set("ADDITIONAL_NOTES", notes);
    for (key, answer) in &facts.answers {
        let name = answer_variable(key);
        // A built-in name wins over a question key that reads the same.
        if !VARIABLES.iter().any(|(v, _)| *v == name) {
            let answer = if reader.withhold_answers {
                String::new()
            } else {
                answer.clone()
            };
            values.insert(name, answer);
        }
    }
    values
}

/// Fills every placeholder of `template` from `values`; a name without a value (an
/// answer the booking's event type does not ask for) renders empty.
pub fn render(template: &str, values: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut copied = 0;
    for placeholder in placeholders(template) {
        out.push_str(&template[copied..placeholder.start]);
        if let Some(value) = values.get(&placeholder.name) {
            out.push_str(value);
        }
        copied = placeholder.end;
    }
    out.push_str(&template[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> BookingFacts {
        let at = |s: &str| {
            DateTime::parse_from_rfc3339(s)
                .map(|t| t.with_timezone(&Utc))
                .unwrap_or_default()
        };
        BookingFacts {
            event_name: "Consultation".into(),
            organizer: "Olivia Owner".into(),
            attendee_name: "Pat  Patient".into(),
            attendee_email: "pat@example.org".into(),
            start: at("2026-03-31T08:00:00Z"),
            end: at("2026-03-31T08:30:00Z"),
            location: Some(Location::InPerson {
                address: "Harbor Street 1".into(),
            }),
            meeting_url: None,
            manage_url: Some("https://book.example.org/booking/abc?token=t".into()),
            additional_notes: "Bring the X-ray".into(),
            answers: BTreeMap::from([
                ("reason".to_string(), "check-up".to_string()),
                ("first-visit".to_string(), "yes".to_string()),
            ]),
        }
    }

    fn reader(zone: Tz, twelve_hour: bool, withhold_answers: bool) -> Reader {
        Reader {
            zone,
            locale: Locale::english(twelve_hour),
            withhold_answers,
        }
    }

    #[test]
    fn renders_every_builtin_in_the_readers_zone() {
        let template = VARIABLES
            .iter()
            .map(|(name, _)| format!("{name}=[{{{name}}}]"))
            .collect::<Vec<_>>()
            .join("\n");
        let text = render(
            &template,
            &values(
                &facts(),
                &reader(chrono_tz::America::New_York, false, false),
            ),
        );
        for line in [
            "EVENT_NAME=[Consultation]",
            "ORGANIZER=[Olivia Owner]",
            "ATTENDEE=[Pat  Patient]",
            "ATTENDEE_FIRST_NAME=[Pat]",
            "ATTENDEE_EMAIL=[pat@example.org]",
            "EVENT_DATE=[Tuesday, 31 March 2026]",
            "EVENT_TIME=[04:00]",
            "EVENT_END_TIME=[04:30]",
            "TIMEZONE=[America/New_York]",
            "LOCATION=[Harbor Street 1]",
            "MEETING_URL=[]",
            "CANCEL_URL=[https://book.example.org/booking/abc?token=t#cancel]",
            "RESCHEDULE_URL=[https://book.example.org/booking/abc?token=t#reschedule]",
            "ADDITIONAL_NOTES=[Bring the X-ray]",
        ] {
            assert!(text.lines().any(|l| l == line), "{line} not in\n{text}");
        }
    }

    #[test]
    fn a_phone_location_is_described_in_each_reader_s_language() {
        let facts = BookingFacts {
            location: Some(Location::Phone {
                number: "+49 30 1234567".into(),
            }),
            ..facts()
        };
        let mut german = reader(Tz::UTC, false, false);
        german.locale = german.locale.in_language(crate::present::Language::German);
        let english = reader(Tz::UTC, false, false);
        assert_eq!(
            render("{LOCATION}", &values(&facts, &german)),
            "Telefon: +49 30 1234567"
        );
        assert_eq!(
            render("{LOCATION}", &values(&facts, &english)),
            "Phone: +49 30 1234567"
        );
    }

    #[test]
    fn dates_follow_the_readers_zone_and_clock_across_midnight() {
        let values = values(&facts(), &reader(chrono_tz::Pacific::Auckland, true, false));
        // 08:00 UTC on 31 March is 21:00 the same day in Auckland (NZDT, +13:00).
        assert_eq!(
            render("{EVENT_DATE} {EVENT_TIME}–{EVENT_END_TIME}", &values),
            "Tuesday, 31 March 2026 9:00pm–9:30pm"
        );
        let values = super::values(&facts(), &reader(chrono_tz::Asia::Tokyo, false, false));
        assert_eq!(
            render("{EVENT_DATE} {EVENT_TIME}", &values),
            "Tuesday, 31 March 2026 17:00"
        );
        let values = super::values(
            &facts(),
            &reader(chrono_tz::Pacific::Honolulu, false, false),
        );
        assert_eq!(
            render("{EVENT_DATE} {EVENT_TIME}", &values),
            "Monday, 30 March 2026 22:00"
        );
    }

    #[test]
    fn answers_by_question_key_in_any_case() {
        let values = values(&facts(), &reader(Tz::UTC, false, false));
        assert_eq!(
            render(
                "Reason: {REASON}; first: {first-visit}; {First_Visit}",
                &values
            ),
            "Reason: check-up; first: yes; yes"
        );
    }

    #[test]
    fn minimum_necessary_withholds_answers_and_notes_only() {
        let values = values(&facts(), &reader(Tz::UTC, false, true));
        assert_eq!(
            render(
                "[{REASON}] [{ADDITIONAL_NOTES}] [{ATTENDEE}] [{LOCATION}]",
                &values
            ),
            "[] [] [Pat  Patient] [Harbor Street 1]"
        );
    }

    #[test]
    fn other_braces_stay_as_written() {
        let values = values(&facts(), &reader(Tz::UTC, false, false));
        assert_eq!(
            render("{ } {a b} {} {{EVENT_NAME}} {EVENT_NAME", &values),
            "{ } {a b} {} {Consultation} {EVENT_NAME"
        );
        assert_eq!(render("no placeholders", &values), "no placeholders");
        assert_eq!(
            render("ünïcødé {ATTENDEE_FIRST_NAME}!", &values),
            "ünïcødé Pat!"
        );
    }

    #[test]
    fn unknown_variables_are_named_once() {
        let keys = BTreeSet::from(["reason".to_string()]);
        assert_eq!(
            unknown_variables("{EVENT_NAME} {REASON} {DOCTOR} {doctor} {ROOM}", &keys),
            ["DOCTOR", "ROOM"]
        );
        assert!(unknown_variables("Hello {attendee}, {cancel_url}", &keys).is_empty());
    }

    #[test]
    fn an_answer_missing_from_the_booking_renders_empty() {
        let values = values(&facts(), &reader(Tz::UTC, false, false));
        assert_eq!(render("[{INSURER}]", &values), "[]");
    }
}

//! iCalendar (RFC 5545) files for bookings: what "add to calendar" downloads and what
//! invitation emails attach.

use chrono::{DateTime, Utc};

/// What a calendar file asks of the program that reads it (RFC 5546).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// A copy to add: what "add to calendar" downloads.
    Publish,
    /// An invitation, or an update of one with the same UID and a higher SEQUENCE.
    Request,
    /// The event with this UID is called off.
    Cancel,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Publish => "PUBLISH",
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        }
    }
}

/// How an attendee takes part (RFC 5545 §3.2.16).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Required,
    Optional,
}

/// Whether an attendee has answered (RFC 5545 §3.2.12).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartStat {
    Accepted,
    Tentative,
    NeedsAction,
    Declined,
}

/// One ATTENDEE line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Participant<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub role: Role,
    pub partstat: PartStat,
}

impl<'a> Participant<'a> {
    /// Someone who agreed to the meeting: the attendee who booked it, a co-host.
    pub fn accepted(name: &'a str, email: &'a str) -> Self {
        Self {
            name,
            email,
            role: Role::Required,
            partstat: PartStat::Accepted,
        }
    }

    /// A guest the attendee brought along, who has not answered.
    pub fn guest(email: &'a str) -> Self {
        Self {
            name: email,
            email,
            role: Role::Optional,
            partstat: PartStat::NeedsAction,
        }
    }
}

/// What goes into one event.
#[derive(Debug, Clone)]
pub struct CalendarEvent<'a> {
    /// `None` for an event stored in a calendar (CalDAV), which carries no METHOD
    /// (RFC 4791 §4.1).
    pub method: Option<Method>,
    /// Revision of the event: raised on each change so calendars replace the old copy.
    pub sequence: u32,
    /// Stable across updates of the same booking.
    pub uid: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub location: Option<&'a str>,
    pub url: Option<&'a str>,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub stamp: DateTime<Utc>,
    /// `CONFIRMED`, `TENTATIVE` or `CANCELLED`.
    pub status: &'a str,
    pub organizer: Option<(&'a str, &'a str)>,
    pub attendees: Vec<Participant<'a>>,
}

fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value (a common name): quoted, without the characters quoting cannot hold.
fn param(value: &str) -> String {
    let clean: String = value
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect();
    format!("\"{clean}\"")
}

/// Folds a content line at 75 octets, never inside a UTF-8 character (§3.1).
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// The whole `.ics` file, CRLF line endings, folded.
pub fn render(event: &CalendarEvent<'_>) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        format!("PRODID:-//Kairos//Kairos {}//EN", env!("CARGO_PKG_VERSION")),
        "CALSCALE:GREGORIAN".to_string(),
    ];
    if let Some(method) = event.method {
        lines.push(format!("METHOD:{}", method.as_str()));
    }
    lines.extend([
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", text(event.uid)),
        format!("SEQUENCE:{}", event.sequence),
        format!("DTSTAMP:{}", utc(event.stamp)),
        format!("DTSTART:{}", utc(event.start)),
        format!("DTEND:{}", utc(event.end)),
        format!("SUMMARY:{}", text(event.title)),
        format!("STATUS:{}", event.status),
    ]);
    if !event.description.is_empty() {
        lines.push(format!("DESCRIPTION:{}", text(event.description)));
    }
    if let Some(location) = event.location.filter(|l| !l.is_empty()) {
        lines.push(format!("LOCATION:{}", text(location)));
    }
    if let Some(url) = event.url {
        lines.push(format!("URL:{}", url.replace(['\r', '\n'], "")));
    }
    if let Some((name, email)) = event.organizer {
        lines.push(format!(
            "ORGANIZER;CN={}:mailto:{}",
            param(name),
            email.trim()
        ));
    }
    for attendee in &event.attendees {
        let role = match attendee.role {
            Role::Required => "REQ-PARTICIPANT",
            Role::Optional => "OPT-PARTICIPANT",
        };
        let partstat = match attendee.partstat {
            PartStat::Accepted => "ACCEPTED",
            PartStat::Tentative => "TENTATIVE",
            PartStat::NeedsAction => "NEEDS-ACTION",
            PartStat::Declined => "DECLINED",
        };
        lines.push(format!(
            "ATTENDEE;CN={};ROLE={role};PARTSTAT={partstat}:mailto:{}",
            param(attendee.name),
            attendee.email.trim()
        ));
    }
    lines.push("END:VEVENT".to_string());
    lines.push("END:VCALENDAR".to_string());
    let mut out = String::new();
    for line in lines {
        fold(&line, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    #[test]
    fn escapes_folds_and_ends_lines_with_crlf() {
        let long = "Ä".repeat(60);
        let file = render(&CalendarEvent {
            method: Some(Method::Publish),
            sequence: 0,
            uid: "abc@kairos",
            title: "Check-up; knee, left",
            description: &format!("Line one\nline two {long}"),
            location: Some("1 Harbor St, Berlin"),
            url: Some("https://book.example.org/booking/abc?token=x"),
            start: at("2026-03-30T07:00:00Z"),
            end: at("2026-03-30T07:30:00Z"),
            stamp: at("2026-03-27T08:00:00Z"),
            status: "CONFIRMED",
            organizer: Some(("Olivia \"O\" Owner", "owner@clinic.example")),
            attendees: vec![
                Participant::accepted("Pat", "pat@example.org"),
                Participant::guest("kim@example.org"),
            ],
        });
        assert!(file.contains("METHOD:PUBLISH\r\n"));
        assert!(file.contains("SEQUENCE:0\r\n"));
        assert!(file.contains("SUMMARY:Check-up\\; knee\\, left\r\n"));
        assert!(file.contains("DTSTART:20260330T070000Z\r\n"));
        assert!(file.contains("ORGANIZER;CN=\"Olivia O Owner\":mailto:owner@clinic.example"));
        let unfolded = file.replace("\r\n ", "");
        assert!(unfolded.contains(
            "ATTENDEE;CN=\"Pat\";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:pat@example.org"
        ));
        assert!(
            unfolded.contains("ROLE=OPT-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:kim@example.org")
        );
        assert!(file.ends_with("END:VCALENDAR\r\n"));
        for line in file.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
            assert!(!line.contains('\n'));
        }
    }

    #[test]
    fn invitations_and_cancellations_carry_their_method_and_revision() {
        let event = |method, sequence| CalendarEvent {
            method: Some(method),
            sequence,
            uid: "abc@kairos",
            title: "Check-up",
            description: "",
            location: None,
            url: None,
            start: at("2026-03-30T07:00:00Z"),
            end: at("2026-03-30T07:30:00Z"),
            stamp: at("2026-03-27T08:00:00Z"),
            status: if method == Method::Cancel {
                "CANCELLED"
            } else {
                "CONFIRMED"
            },
            organizer: Some(("Olivia", "owner@clinic.example")),
            attendees: vec![Participant::accepted("Pat", "pat@example.org")],
        };
        let invite = render(&event(Method::Request, 0));
        assert!(invite.contains("METHOD:REQUEST\r\n"));
        assert!(invite.contains("SEQUENCE:0\r\n"));
        let cancel = render(&event(Method::Cancel, 2));
        assert!(cancel.contains("METHOD:CANCEL\r\n"));
        assert!(cancel.contains("SEQUENCE:2\r\n"));
        assert!(cancel.contains("STATUS:CANCELLED\r\n"));
        assert!(cancel.contains("UID:abc@kairos\r\n"));
    }
}

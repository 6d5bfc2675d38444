//! Emails: every message in one frame — an HTML part and a plain-text part, plus the
//! calendar invitation where one belongs — and sending them over the configured SMTP
//! server.
//!
//! [`compose`] renders a message about a booking from a subject and a plain-text body,
//! with the booking's time in the reader's zone and clock, its place, and a link; the
//! booking notifications and custom messages both go through it. [`Mailer`] sends one
//! over the mail server the administrator set up; [`send`] reaches that server only
//! through the outbound guard, at the address it checked.

use std::future::Future;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use lettre::Message;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::{Credentials, DEFAULT_MECHANISMS};
use lettre::transport::smtp::client::{AsyncSmtpConnection, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt};
use lettre::transport::smtp::extension::{ClientId, MailBodyParameter, MailParameter};
use maud::{DOCTYPE, Markup, PreEscaped, html};
use rusqlite::Connection;

use crate::crypto::InstanceKey;
use crate::db::bookings::Booking;
use crate::db::users::{self, User};
use crate::db::{Db, DbError, event_types};
use crate::integrations::Deps;
use crate::integrations::notify::ics::Method;
use crate::integrations::notify::smtp::{self, Security, SmtpSettings};
use crate::model::booking::{ManageKey, current_manage_token, manage_path};
use crate::model::questions::labelled_answers;
use crate::model::schedules::parse_zone;
use crate::outbound::{self, Policy};
use crate::present::{Conventions, Language, LanguageTag, Locale};
use crate::t;

/// How long a connection to the mail server may take to open (TCP, and TLS for
/// implicit TLS).
pub const SMTP_CONNECT_TIMEOUT: StdDuration = StdDuration::from_secs(30);
/// How long the server may take to greet and to answer EHLO: RFC 5321 §4.5.3.2 gives
/// the greeting 5 minutes.
pub const SMTP_GREETING_TIMEOUT: StdDuration = StdDuration::from_secs(5 * 60);
/// How long the server may take to answer each command (STARTTLS, AUTH, MAIL, RCPT,
/// DATA): RFC 5321 §4.5.3.2 gives MAIL and RCPT 5 minutes.
pub const SMTP_COMMAND_TIMEOUT: StdDuration = StdDuration::from_secs(5 * 60);
/// How long the server may take to accept the message after its body was sent: RFC 5321
/// §4.5.3.2 gives it 10 minutes, because that is when it stores it. A server that
/// answers after a minute has kept the message; giving up sooner would send it twice.
pub const SMTP_DATA_END_TIMEOUT: StdDuration = StdDuration::from_secs(10 * 60);
/// How long the whole conversation for one message may take, whatever each step took.
/// The job's own limit ([`crate::jobs::Lane::handler_timeout`]) is longer, so a slow
/// server is answered by the conversation's own timeouts, not by cutting it off.
pub const SMTP_CONVERSATION_LIMIT: StdDuration = StdDuration::from_secs(20 * 60);

const _: () = assert!(
    SMTP_CONVERSATION_LIMIT.as_secs() < crate::jobs::Lane::Email.handler_timeout().as_secs()
        && SMTP_CONVERSATION_LIMIT.as_secs()
            < crate::jobs::Lane::Workflow.handler_timeout().as_secs()
        && SMTP_DATA_END_TIMEOUT.as_secs() < SMTP_CONVERSATION_LIMIT.as_secs(),
    "an email job outlasts its SMTP conversation, which outlasts the wait after DATA"
);

#[derive(Debug, thiserror::Error)]
pub enum EmailError {
    /// What the mail server said, verbatim, for the admin.
    #[error("the mail server refused or could not be reached: {0}")]
    Smtp(String),
    #[error("the message cannot be built: {0}")]
    Message(String),
    #[error("no mail server is set up yet")]
    NotConfigured,
    /// The outbound guard refused the mail server's host, or it does not resolve.
    #[error("the mail server {0}")]
    Outbound(outbound::TargetError),
    #[error("{0}")]
    Invalid(crate::model::error::FieldErrors),
    #[error(transparent)]
    Settings(#[from] smtp::SmtpSettingsError),
    #[error(transparent)]
    Db(#[from] DbError),
}

/// Someone a message is addressed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub name: String,
    pub address: String,
}

impl Recipient {
    pub fn new(name: &str, address: &str) -> Self {
        Self {
            name: name.to_string(),
            address: address.to_string(),
        }
    }
}

/// How one reader is shown dates and times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    pub zone: Tz,
    pub locale: Locale,
}

impl Reading {
    /// The attendee reads times in the zone they booked in, with the clock and date order
    /// of the locale they booked with; a booking without one, on the clock customary in
    /// its zone.
    /// The language is the locale's, when Kairos writes it, else the instance's
    /// `default`.
    pub fn attendee(booking: &Booking, default: Language) -> Self {
        let zone = parse_zone(&booking.attendee_time_zone).unwrap_or(Tz::UTC);
        let language = booking
            .locale
            .as_deref()
            .and_then(|tag| LanguageTag::parse(tag).ok())
            .and_then(|tag| Language::of_tag(&tag))
            .unwrap_or(default);
        let locale = booking
            .locale
            .as_deref()
            .and_then(Conventions::of_language_tag)
            .map_or_else(
                || Locale::english(customary_twelve_hour(zone)),
                Conventions::locale,
            )
            .in_language(language);
        Self { zone, locale }
    }

    /// A host reads times in their own zone and clock, in their own language (else the
    /// instance's `default`).
    pub fn host(user: &User, default: Language) -> Self {
        Self {
            zone: user.time_zone,
            locale: Locale::english(user.twelve_hour).in_language(user.language.unwrap_or(default)),
        }
    }

    /// Someone without preferences reads `zone` on the clock customary there, in
    /// `language`.
    pub fn in_zone(zone: Tz, language: Language) -> Self {
        Self {
            zone,
            locale: Locale::english(customary_twelve_hour(zone)).in_language(language),
        }
    }

    /// The language the reader reads.
    pub fn language(&self) -> Language {
        self.locale.language
    }

    /// `4:00am – 4:30am, Tuesday, 31 March 2026`.
    pub fn when(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> String {
        self.locale.when(start, end, self.zone)
    }

    /// `Tuesday 31 March, 4:00am–4:30am`: the time in a subject line.
    pub fn brief_when(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> String {
        self.locale.brief_when(start, end, self.zone)
    }

    /// The same with the zone: `… (America/New_York)`.
    pub fn when_with_zone(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> String {
        format!("{} ({})", self.when(start, end), self.zone.name())
    }
}

/// Whether people in `zone` usually read a 12-hour clock: the United States, Canada,
/// Australia, New Zealand, India, Pakistan, Bangladesh, the Philippines and Egypt.
pub fn customary_twelve_hour(zone: Tz) -> bool {
    const PREFIXES: [&str; 3] = ["US/", "Canada/", "Australia/"];
    const ZONES: [&str; 46] = [
        "America/New_York",
        "America/Chicago",
        "America/Denver",
        "America/Los_Angeles",
        "America/Phoenix",
        "America/Anchorage",
        "America/Adak",
        "America/Boise",
        "America/Detroit",
        "America/Juneau",
        "America/Sitka",
        "America/Nome",
        "America/Yakutat",
        "America/Metlakatla",
        "America/Menominee",
        "America/Indiana/Indianapolis",
        "America/Indiana/Knox",
        "America/Indiana/Marengo",
        "America/Indiana/Petersburg",
        "America/Indiana/Tell_City",
        "America/Indiana/Vevay",
        "America/Indiana/Vincennes",
        "America/Indiana/Winamac",
        "America/Kentucky/Louisville",
        "America/Kentucky/Monticello",
        "America/North_Dakota/Center",
        "America/North_Dakota/New_Salem",
        "America/North_Dakota/Beulah",
        "America/Puerto_Rico",
        "America/Toronto",
        "America/Vancouver",
        "America/Edmonton",
        "America/Winnipeg",
        "America/Halifax",
        "America/St_Johns",
        "America/Regina",
        "America/Moncton",
        "Pacific/Honolulu",
        "Pacific/Auckland",
        "Asia/Kolkata",
        "Asia/Calcutta",
        "Asia/Karachi",
        "Asia/Dhaka",
        "Asia/Manila",
        "Africa/Cairo",
        "Pacific/Guam",
    ];
    let name = zone.name();
    PREFIXES.iter().any(|prefix| name.starts_with(prefix)) || ZONES.contains(&name)
}

/// A calendar invitation a message carries: its method and the `.ics` text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invite {
    pub method: Method,
    pub calendar: String,
}

/// One message, ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    pub to: Vec<Recipient>,
    /// Copies: the guests of a booking read the attendee's messages.
    pub cc: Vec<Recipient>,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub invite: Option<Invite>,
    /// The `Message-ID`: the same on every attempt of a message that a job retries (see
    /// [`stable_message_id`]); a fresh one when unset.
    pub message_id: Option<String>,
}

/// What surrounds a message's body: who sends it, a heading, facts under the body
/// (label and value) and at most one button (label and address).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Frame {
    /// The language of the frame's own words, and of the message.
    pub lang: Language,
    pub organization: String,
    pub heading: String,
    pub facts: Vec<(String, String)>,
    pub button: Option<(String, String)>,
}

impl Frame {
    /// Renders `body` (plain text; blank lines separate paragraphs) inside the frame.
    pub fn render(&self, to: Vec<Recipient>, subject: &str, body: &str) -> Email {
        Email {
            to,
            cc: Vec::new(),
            subject: one_line(subject),
            text: self.text(body),
            html: self.html(subject, body).into_string(),
            invite: None,
            message_id: None,
        }
    }

    fn text(&self, body: &str) -> String {
        let mut out = String::new();
        out.push_str(body.trim());
        out.push_str("\n\n");
        for (label, value) in &self.facts {
            out.push_str(&format!("{label}: {value}\n"));
        }
        if let Some((label, url)) = &self.button {
            out.push_str(&format!("\n{label}: {url}\n"));
        }
        out.push_str(&format!("\n-- \n{}\n", self.organization));
        out
    }

    fn html(&self, subject: &str, body: &str) -> Markup {
        const FONT: &str = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;";
        let paragraphs: Vec<Vec<&str>> = body
            .trim()
            .split("\n\n")
            .map(|paragraph| paragraph.lines().collect())
            .filter(|lines: &Vec<&str>| !lines.is_empty())
            .collect();
        html! {
            (DOCTYPE)
            html lang=(self.lang.tag()) dir=(self.lang.dir()) {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    meta name="color-scheme" content="light dark";
                    meta name="supported-color-schemes" content="light dark";
                    title { (subject) }
                    style { (PreEscaped(DARK_MODE)) }
                }
                body.k-bg style=(format!("margin:0;padding:0;background:#f6f7fb;{FONT}")) {
                    table.k-bg role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f6f7fb;" {
                        tr { td align="center" style="padding:24px 12px;" {
                            table.k-card role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;background:#ffffff;border:1px solid #dfe3ec;border-radius:12px;" {
                                tr { td.k-text style=(format!("padding:24px 28px;color:#111827;font-size:15px;line-height:1.55;{FONT}")) {
                                    p.k-muted style="margin:0 0 8px;font-size:13px;color:#4b5563;" { (self.organization) }
                                    h1.k-text style="margin:0 0 16px;font-size:20px;line-height:1.3;color:#111827;" { (self.heading) }
                                    @for lines in &paragraphs {
                                        p style="margin:0 0 12px;" {
                                            @for (n, line) in lines.iter().enumerate() {
                                                @if n > 0 { br; }
                                                (line)
                                            }
                                        }
                                    }
                                    @if !self.facts.is_empty() {
                                        table.k-facts role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:16px 0 8px;border-top:1px solid #dfe3ec;width:100%;" {
                                            @for (label, value) in &self.facts {
                                                tr {
                                                    td.k-muted valign="top" style="padding:8px 12px 0 0;font-size:13px;color:#4b5563;white-space:nowrap;" { (label) }
                                                    td.k-text valign="top" style="padding:8px 0 0;color:#111827;overflow-wrap:anywhere;" {
                                                        @if value.starts_with("https://") || value.starts_with("http://") {
                                                            a.k-link href=(value) style="color:#4f46e5;" { (value) }
                                                        } @else { (value) }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                    @if let Some((label, url)) = &self.button {
                                        p style="margin:20px 0 4px;" {
                                            a.k-button href=(url) style="display:inline-block;padding:10px 18px;border-radius:8px;background:#4f46e5;color:#ffffff;text-decoration:none;font-weight:600;" { (label) }
                                        }
                                        p.k-muted style="margin:8px 0 0;font-size:12px;color:#4b5563;word-break:break-all;" { (url) }
                                    }
                                } }
                            }
                            p.k-muted style=(format!("margin:16px 0 0;font-size:12px;color:#4b5563;{FONT}")) {
                                (t!(self.lang, "email-sent-by", organization = self.organization.as_str()))
                            }
                        } }
                    }
                }
            }
        }
    }
}

/// Colours for mail programs that follow the reader's dark mode.
const DARK_MODE: &str = "@media (prefers-color-scheme: dark) {\
.k-bg{background:#0e1117 !important}\
.k-card{background:#161b24 !important;border-color:#2b3344 !important}\
.k-text{color:#e8eaf0 !important}\
.k-muted{color:#a3abbd !important}\
.k-facts{border-color:#2b3344 !important}\
.k-button{background:#8b93ff !important;color:#0e1117 !important}\
.k-link{color:#a5abff !important}\
}";

fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// What a message knows about the instance that sends it.
#[derive(Clone)]
pub struct Site {
    pub organization: String,
    /// The public URL, for links back to the appliance.
    pub base_url: String,
    /// Answers and notes stay out of messages (see [`crate::instance::InstanceSettings`]).
    pub minimum_necessary: bool,
    /// Recomputes the invitee's manage link of a booking.
    pub manage_key: ManageKey,
    /// The instance's language, for readers who chose none.
    pub language: Language,
}

impl std::fmt::Debug for Site {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Site")
            .field("organization", &self.organization)
            .field("base_url", &self.base_url)
            .field("minimum_necessary", &self.minimum_necessary)
            .finish_non_exhaustive()
    }
}

impl Site {
    /// The invitee's page of `booking`, where they reschedule or cancel it; `None` when
    /// the booking is no longer on, or its token cannot be recomputed.
    pub fn manage_url(&self, booking: &Booking) -> Option<String> {
        if !booking.status.is_active() {
            return None;
        }
        let token = current_manage_token(&self.manage_key, booking)?;
        Some(format!(
            "{}{}",
            self.base_url.trim_end_matches('/'),
            manage_path(&booking.uid, &token)
        ))
    }
}

/// Whom a message about a booking is for: it decides the addressees, the zone and clock
/// of every time, what the facts show and where the link leads.
#[derive(Debug, Clone)]
pub enum Audience {
    /// The attendee, with the booking's guests in copy.
    Attendee,
    /// One host, by user id.
    Host(i64),
    /// Any other address, reading times as given.
    Address {
        recipient: Recipient,
        reading: Reading,
    },
}

/// A message about a booking, before its words: the frame, whom it goes to, and how they
/// read times.
#[derive(Debug, Clone)]
pub struct BookingFrame {
    pub frame: Frame,
    pub to: Vec<Recipient>,
    pub cc: Vec<Recipient>,
    pub reading: Reading,
}

impl BookingFrame {
    /// Renders `body` under `subject` in the frame, addressed.
    pub fn render(self, subject: &str, body: &str) -> Email {
        let mut email = self.frame.render(self.to, subject, body);
        email.cc = self.cc;
        email
    }
}

/// The frame, addressees and reading of a message about `booking` for `audience`.
pub fn booking_frame(
    conn: &Connection,
    site: &Site,
    booking: &Booking,
    audience: &Audience,
) -> rusqlite::Result<BookingFrame> {
    let mut hosts = Vec::with_capacity(booking.hosts.len());
    for id in &booking.hosts {
        if let Some(host) = users::by_id(conn, *id)? {
            hosts.push(host);
        }
    }
    let host_names = hosts
        .iter()
        .map(|h| h.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let attendee = Recipient::new(&booking.attendee_name, &booking.attendee_email);
    let guests: Vec<Recipient> = booking
        .guests
        .iter()
        .map(|guest| Recipient::new("", guest))
        .collect();
    let (to, cc, reading, for_host) = match audience {
        Audience::Attendee => (
            vec![attendee],
            guests,
            Reading::attendee(booking, site.language),
            false,
        ),
        Audience::Host(id) => {
            let host = match hosts.iter().find(|h| h.id == *id) {
                Some(host) => host.clone(),
                None => users::by_id(conn, *id)?.ok_or(rusqlite::Error::QueryReturnedNoRows)?,
            };
            let reading = Reading::host(&host, site.language);
            (
                vec![Recipient::new(&host.name, &host.email)],
                Vec::new(),
                reading,
                true,
            )
        }
        Audience::Address { recipient, reading } => {
            (vec![recipient.clone()], Vec::new(), *reading, true)
        }
    };

    let lang = reading.language();
    let mut facts = vec![(
        t!(lang, "email-when"),
        reading.when_with_zone(booking.start, booking.end),
    )];
    if let Some(location) = &booking.location {
        facts.push((t!(lang, "email-where"), location.describe(lang)));
    }
    if for_host {
        facts.push((
            t!(lang, "email-attendee"),
            format!("{} <{}>", booking.attendee_name, booking.attendee_email),
        ));
        if !booking.guests.is_empty() {
            facts.push((t!(lang, "email-guests"), booking.guests.join(", ")));
        }
        if hosts.len() > 1 {
            facts.push((t!(lang, "email-hosts"), host_names.clone()));
        }
    } else if !host_names.is_empty() {
        facts.push((t!(lang, "email-with"), host_names.clone()));
    }
    if !site.minimum_necessary {
        let questions = match booking.event_type_id {
            Some(id) => event_types::get(conn, id)?
                .map(|e| e.input.questions)
                .unwrap_or_default(),
            None => Vec::new(),
        };
        facts.extend(
            labelled_answers(&questions, &booking.answers)
                .into_iter()
                .map(|(label, answer)| {
                    let answer = if answer == "Yes" {
                        t!(lang, "booking-page-yes")
                    } else {
                        answer
                    };
                    (label, answer)
                }),
        );
    }
    let button = if for_host {
        Some((
            t!(lang, "email-open-booking"),
            format!(
                "{}/dashboard/bookings/{}",
                site.base_url.trim_end_matches('/'),
                booking.uid
            ),
        ))
    } else {
        site.manage_url(booking)
            .map(|url| (t!(lang, "email-reschedule-or-cancel"), url))
    };
    let with = if host_names.is_empty() || for_host {
        booking.attendee_name.as_str()
    } else {
        host_names.as_str()
    };
    let heading = t!(
        lang,
        "meeting-with",
        title = booking.title.as_str(),
        host = with
    );
    let frame = Frame {
        lang,
        organization: site.organization.clone(),
        heading,
        facts,
        button,
    };
    Ok(BookingFrame {
        frame,
        to,
        cc,
        reading,
    })
}

/// Renders a message about `booking` for `audience` from a subject and a plain-text body,
/// in the frame every Kairos email shares: the time in the reader's zone and clock, the
/// place, the people, the answers unless the instance keeps to the minimum necessary,
/// and a link: for hosts to the booking, for the attendee to their page to reschedule or
/// cancel it.
pub fn compose(
    conn: &Connection,
    site: &Site,
    booking: &Booking,
    audience: &Audience,
    subject: &str,
    body: &str,
) -> rusqlite::Result<Email> {
    Ok(booking_frame(conn, site, booking, audience)?.render(subject, body))
}

fn mailbox(recipient: &Recipient) -> Result<Mailbox, EmailError> {
    let address = recipient
        .address
        .trim()
        .parse()
        .map_err(|_| EmailError::Message("an address is not valid".into()))?;
    let name = one_line(&recipient.name);
    Ok(Mailbox::new((!name.is_empty()).then_some(name), address))
}

/// Builds the MIME message: multipart/alternative with the plain text, the HTML and the
/// invitation as `text/calendar; method=…`, and the invitation again as an `invite.ics`
/// attachment for programs that only look there.
fn build(smtp: &SmtpSettings, email: &Email) -> Result<Message, EmailError> {
    let mut builder = Message::builder()
        .from(mailbox(&Recipient::new(
            &smtp.from_name,
            &smtp.from_address,
        ))?)
        .subject(email.subject.clone())
        .message_id(email.message_id.clone());
    for recipient in &email.to {
        builder = builder.to(mailbox(recipient)?);
    }
    for recipient in &email.cc {
        builder = builder.cc(mailbox(recipient)?);
    }
    let mut alternative = MultiPart::alternative()
        .singlepart(SinglePart::plain(email.text.clone()))
        .singlepart(SinglePart::html(email.html.clone()));
    let message = match &email.invite {
        None => builder.multipart(alternative),
        Some(invite) => {
            let calendar_type = ContentType::parse(&format!(
                "text/calendar; method={}; charset=utf-8",
                invite.method.as_str()
            ))
            .map_err(|err| EmailError::Message(err.to_string()))?;
            let file_type = ContentType::parse("application/ics")
                .map_err(|err| EmailError::Message(err.to_string()))?;
            alternative = alternative.singlepart(
                SinglePart::builder()
                    .header(calendar_type)
                    .body(invite.calendar.clone()),
            );
            builder.multipart(MultiPart::mixed().multipart(alternative).singlepart(
                Attachment::new("invite.ics".into()).body(invite.calendar.clone(), file_type),
            ))
        }
    };
    message.map_err(|err| EmailError::Message(err.to_string()))
}

/// A `Message-ID` that every attempt of one message shares, so that mail servers and
/// mailboxes can recognise a message sent again after an attempt whose outcome was
/// unknown. `parts` say which message it is (the booking, the kind of message, the
/// recipient, the booking's change); the id is a keyed hash of them, so it reveals none,
/// at the domain of the sender's address.
pub fn stable_message_id(key: &InstanceKey, from_address: &str, parts: &[&str]) -> String {
    let hash = crate::crypto::hmac_hex(&key.derive("message-id"), parts.join("\n").as_bytes());
    let domain = from_address
        .rsplit_once('@')
        .map(|(_, domain)| domain.trim())
        .filter(|domain| {
            !domain.is_empty()
                && domain
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        })
        .unwrap_or("kairos.invalid");
    format!("<{}@{domain}>", hash.get(..32).unwrap_or(&hash))
}

/// A mail server's error with the message's addresses taken out: the job's last error
/// is shown to administrators and must not name patients.
pub fn without_addresses(error: &str, message: &Email) -> String {
    message
        .to
        .iter()
        .chain(&message.cc)
        .map(|recipient| recipient.address.trim())
        .filter(|address| !address.is_empty())
        .fold(error.to_string(), |text, address| {
            text.replace(address, "(recipient)")
        })
}

/// The addresses a message goes to (To, then Cc), one string: part of what identifies it.
pub fn addresses(email: &Email) -> String {
    email
        .to
        .iter()
        .chain(&email.cc)
        .map(|recipient| recipient.address.trim().to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join(",")
}

/// Sends one message through the mail server `smtp`. Its host goes through the outbound
/// guard under `policy` and the connection goes to the address the guard checked (a
/// second DNS answer cannot move it), while TLS still verifies the server's certificate
/// against the host's name. A failure carries what the server said, verbatim, or which
/// step it did not answer in time.
///
/// Each step of the conversation has the time RFC 5321 §4.5.3.2 allows it (see the
/// `SMTP_*` constants), and the whole of it at most [`SMTP_CONVERSATION_LIMIT`].
pub async fn send(smtp: &SmtpSettings, email: &Email, policy: Policy) -> Result<(), EmailError> {
    let message = build(smtp, email)?;
    let destination = outbound::check_host(&smtp.host, smtp.port, policy)
        .await
        .map_err(EmailError::Outbound)?;
    let limit = SMTP_CONVERSATION_LIMIT;
    tokio::time::timeout(limit, converse(smtp, &destination, &message))
        .await
        .map_err(|_| {
            EmailError::Smtp(format!(
                "the conversation with the mail server did not end within {} minutes",
                limit.as_secs() / 60
            ))
        })?
}

/// Checks that the mail server `smtp` can be reached and talked to without sending
/// anything: the outbound guard, the connection with its greeting and EHLO (STARTTLS
/// and the certificate check where the settings ask for TLS), and the login when a user
/// name is set; then QUIT. `Ok` describes what answered.
pub async fn probe(smtp: &SmtpSettings, policy: Policy) -> Result<String, EmailError> {
    let destination = outbound::check_host(&smtp.host, smtp.port, policy)
        .await
        .map_err(EmailError::Outbound)?;
    let mut conn = connect(smtp, &destination).await?;
    let mut steps = vec!["EHLO"];
    if smtp.security != Security::None {
        steps.push("TLS");
    }
    if log_in(&mut conn, smtp).await? {
        steps.push("login");
    }
    let _ = tokio::time::timeout(StdDuration::from_secs(10), conn.quit()).await;
    Ok(format!(
        "{}:{} answered ({}), no message sent",
        smtp.host,
        smtp.port,
        steps.join(", ")
    ))
}

/// Runs `step` of the conversation, giving up after `limit`.
async fn within<T>(
    limit: StdDuration,
    what: &str,
    step: impl Future<Output = Result<T, lettre::transport::smtp::Error>>,
) -> Result<T, EmailError> {
    match tokio::time::timeout(limit, step).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(err)) => Err(EmailError::Smtp(smtp_error_text(&err))),
        Err(_) => Err(EmailError::Smtp(format!(
            "the mail server did not answer {what} within {} seconds",
            limit.as_secs()
        ))),
    }
}

/// Opens a connection to the mail server: TCP (with TLS for implicit TLS), its greeting
/// and EHLO, then STARTTLS when the settings ask for it.
/// Connects to the address the outbound guard checked, with TLS verifying the host's name.
async fn connect(
    smtp: &SmtpSettings,
    destination: &outbound::Destination,
) -> Result<AsyncSmtpConnection, EmailError> {
    let hello = ClientId::default();
    let tls = || {
        TlsParameters::new(destination.host.clone())
            .map_err(|err| EmailError::Smtp(smtp_error_text(&err)))
    };
    let implicit = match smtp.security {
        Security::Tls => Some(tls()?),
        Security::None | Security::StartTls => None,
    };
    let mut conn = within(
        SMTP_CONNECT_TIMEOUT + SMTP_GREETING_TIMEOUT,
        "the connection with its greeting",
        AsyncSmtpConnection::connect_tokio1(
            destination.address,
            Some(SMTP_CONNECT_TIMEOUT),
            &hello,
            implicit,
            None,
        ),
    )
    .await?;
    if smtp.security == Security::StartTls {
        let parameters = tls()?;
        within(
            SMTP_COMMAND_TIMEOUT * 2,
            "STARTTLS",
            conn.starttls(parameters, &hello),
        )
        .await?;
    }
    Ok(conn)
}

/// Logs in when the settings name a user; `true` when it did.
async fn log_in(conn: &mut AsyncSmtpConnection, smtp: &SmtpSettings) -> Result<bool, EmailError> {
    let (Some(user), Some(password)) = (&smtp.username, &smtp.password) else {
        return Ok(false);
    };
    let credentials = Credentials::new(user.clone(), password.clone());
    within(
        SMTP_COMMAND_TIMEOUT,
        "AUTH",
        conn.auth(DEFAULT_MECHANISMS, &credentials),
    )
    .await?;
    Ok(true)
}

/// One message's conversation: connect, authenticate, MAIL, RCPT for each recipient,
/// DATA, the message, QUIT.
async fn converse(
    smtp: &SmtpSettings,
    destination: &outbound::Destination,
    message: &Message,
) -> Result<(), EmailError> {
    let envelope = message.envelope();
    let body = message.formatted();
    let mut conn = connect(smtp, destination).await?;
    log_in(&mut conn, smtp).await?;
    let mut parameters = Vec::new();
    let ascii = |address: &lettre::Address| AsRef::<str>::as_ref(address).is_ascii();
    let ascii_addresses = envelope.from().is_none_or(ascii) && envelope.to().iter().all(ascii);
    if !ascii_addresses {
        parameters.push(MailParameter::SmtpUtfEight);
    }
    if !body.is_ascii() {
        parameters.push(MailParameter::Body(MailBodyParameter::EightBitMime));
    }
    let sender = envelope.from().cloned();
    within(
        SMTP_COMMAND_TIMEOUT,
        "MAIL FROM",
        conn.command(Mail::new(sender, parameters)),
    )
    .await?;
    for recipient in envelope.to() {
        within(
            SMTP_COMMAND_TIMEOUT,
            "RCPT TO",
            conn.command(Rcpt::new(recipient.clone(), Vec::new())),
        )
        .await?;
    }
    within(SMTP_COMMAND_TIMEOUT, "DATA", conn.command(Data)).await?;
    within(
        SMTP_DATA_END_TIMEOUT,
        "the end of the message",
        conn.message(&body),
    )
    .await?;
    // The message is kept: a server slow to say goodbye changes nothing.
    let _ = tokio::time::timeout(StdDuration::from_secs(10), conn.quit()).await;
    Ok(())
}

/// The server's own words when it answered, else the connection error with its causes.
fn smtp_error_text(err: &lettre::transport::smtp::Error) -> String {
    let mut text = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

/// What became of a message given to [`Mailer::send_configured`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    Sent,
    /// No mail server is set up: nothing was sent.
    NotConfigured,
}

/// Sends through the mail server stored in the instance settings: the database holding
/// them, the key that opens the password, and the outbound policy the server is reached
/// under.
#[derive(Clone, Copy)]
pub struct Mailer<'a> {
    pub db: &'a Db,
    pub key: &'a InstanceKey,
    pub policy: Policy,
}

impl<'a> Mailer<'a> {
    /// The instance's mailer, as the integrations see it.
    pub fn of(deps: &'a Deps) -> Self {
        Self {
            db: &deps.db,
            key: &deps.key,
            policy: deps.admin_policy(),
        }
    }

    /// Sends one message through the mail server stored in the instance settings.
    pub async fn send_configured(&self, email: &Email) -> Result<Delivery, EmailError> {
        let key = self.key.clone();
        let settings = self
            .db
            .read(move |conn| -> Result<_, EmailError> { Ok(smtp::load(conn, &key)?) })
            .await?;
        match settings {
            None => Ok(Delivery::NotConfigured),
            Some(smtp) => {
                send(&smtp, email, self.policy).await?;
                Ok(Delivery::Sent)
            }
        }
    }
}

/// Sends a test message over the stored mail server to `to`, audited as `smtp_tested`
/// with its outcome. A failure carries what the server said, verbatim, or why the outbound
/// guard refused the server.
pub async fn send_test(
    mailer: Mailer<'_>,
    (organization, lang): (&str, Language),
    to: &str,
    actor: crate::audit::Actor,
    origin: &crate::audit::Origin,
    now: DateTime<Utc>,
) -> Result<(), EmailError> {
    let to = to.trim();
    if let Err(message) = crate::model::error::check_email(to) {
        let mut errors = crate::model::error::FieldErrors::new();
        errors.add("to", message);
        return Err(EmailError::Invalid(errors));
    }
    let frame = Frame {
        lang,
        organization: organization.to_string(),
        heading: crate::t!(lang, "acct-test-heading"),
        facts: Vec::new(),
        button: None,
    };
    let email = frame.render(
        vec![Recipient::new("", to)],
        &crate::t!(lang, "acct-test-subject", organization = organization),
        &crate::t!(lang, "acct-test-text"),
    );
    let result = match mailer.send_configured(&email).await {
        Ok(Delivery::Sent) => Ok(()),
        Ok(Delivery::NotConfigured) => Err(EmailError::NotConfigured),
        Err(err) => Err(err),
    };
    let outcome = if result.is_ok() {
        crate::audit::Outcome::Success
    } else {
        crate::audit::Outcome::Failure
    };
    crate::audit::record_alone(mailer.db, now, actor, "smtp_tested", None, outcome, origin).await?;
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame() -> Frame {
        Frame {
            lang: Language::English,
            organization: "Harbor <Clinic>".into(),
            heading: "Consultation with Olivia".into(),
            facts: vec![("When".into(), "09:00 – 09:30".into())],
            button: Some((
                "Open the booking".into(),
                "https://book.example.org/dashboard/bookings/abc".into(),
            )),
        }
    }

    #[test]
    fn both_parts_carry_the_body_facts_and_link_and_html_is_escaped() {
        let email = frame().render(
            vec![Recipient::new("Pat", "pat@example.org")],
            "Reminder:\r\nConsultation",
            "Hello <b>Pat</b>,\n\nSee you soon.\nBring your card.",
        );
        assert_eq!(email.subject, "Reminder:  Consultation");
        assert!(email.text.starts_with("Hello <b>Pat</b>,\n\nSee you soon."));
        assert!(email.text.contains("When: 09:00 – 09:30\n"));
        assert!(
            email
                .text
                .contains("Open the booking: https://book.example.org/dashboard/bookings/abc")
        );
        assert!(email.html.contains("Hello &lt;b&gt;Pat&lt;/b&gt;,"));
        assert!(email.html.contains("See you soon.<br>Bring your card."));
        assert!(email.html.contains("Harbor &lt;Clinic&gt;"));
        assert!(
            email
                .html
                .contains("href=\"https://book.example.org/dashboard/bookings/abc\"")
        );
        assert!(email.html.contains("prefers-color-scheme: dark"));
        assert!(!email.html.contains("<b>"));
    }

    #[test]
    fn the_message_has_alternative_parts_and_the_invitation() {
        let smtp = SmtpSettings {
            host: "127.0.0.1".into(),
            port: 25,
            security: Security::None,
            username: None,
            password: None,
            from_address: "appointments@clinic.example".into(),
            from_name: "Harbor Clinic".into(),
        };
        let mut email = frame().render(
            vec![Recipient::new("Pat", "pat@example.org")],
            "Confirmed",
            "Hello",
        );
        email.cc = vec![Recipient::new("", "kim@example.org")];
        email.invite = Some(Invite {
            method: Method::Request,
            calendar: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".into(),
        });
        let raw = String::from_utf8(
            build(&smtp, &email)
                .map(|m| m.formatted())
                .unwrap_or_default(),
        )
        .unwrap_or_default();
        assert!(raw.contains("multipart/alternative"), "{raw}");
        assert!(raw.contains("text/plain"));
        assert!(raw.contains("text/html"));
        assert!(raw.contains("text/calendar; method=REQUEST"));
        assert!(raw.contains("Cc: kim@example.org"));
        assert!(raw.contains("invite.ics"));
    }

    #[test]
    fn job_errors_do_not_name_the_recipients() {
        let mut message = Frame::default().render(
            vec![Recipient::new("Pat", "pat@example.org")],
            "Confirmed",
            "Hello",
        );
        message.cc = vec![Recipient::new("", "kim@example.org")];
        assert_eq!(
            without_addresses(
                "550 5.1.1 <pat@example.org>: Recipient address rejected; kim@example.org too",
                &message
            ),
            "550 5.1.1 <(recipient)>: Recipient address rejected; (recipient) too"
        );
    }

    #[test]
    fn message_ids_are_stable_keyed_and_at_the_senders_domain() {
        let key = InstanceKey::from_bytes([7; 32]);
        let parts = [
            "booking",
            "abc",
            "created",
            "12",
            "attendee",
            "pat@example.org",
        ];
        let id = stable_message_id(&key, "appointments@clinic.example", &parts);
        assert_eq!(
            id,
            stable_message_id(&key, "appointments@clinic.example", &parts)
        );
        assert!(
            id.starts_with('<') && id.ends_with("@clinic.example>"),
            "{id}"
        );
        assert!(!id.contains("pat"), "{id}");
        let other = InstanceKey::from_bytes([8; 32]);
        assert_ne!(
            id,
            stable_message_id(&other, "appointments@clinic.example", &parts)
        );
        let rescheduled = [
            "booking",
            "abc",
            "rescheduled",
            "13",
            "attendee",
            "pat@example.org",
        ];
        assert_ne!(
            id,
            stable_message_id(&key, "appointments@clinic.example", &rescheduled)
        );
        assert!(stable_message_id(&key, "no domain", &parts).ends_with("@kairos.invalid>"));
        assert!(stable_message_id(&key, "a@b c>", &parts).ends_with("@kairos.invalid>"));
    }

    #[test]
    fn twelve_hour_clocks_where_they_are_customary() {
        assert!(customary_twelve_hour(chrono_tz::America::New_York));
        assert!(customary_twelve_hour(chrono_tz::Australia::Sydney));
        assert!(!customary_twelve_hour(chrono_tz::Europe::Berlin));
        assert!(!customary_twelve_hour(chrono_tz::Asia::Tokyo));
    }
}

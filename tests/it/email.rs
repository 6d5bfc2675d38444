//! Booking emails received by a real SMTP server (aiosmtpd), with the invitations read
//! by an independent iCalendar parser (Python's icalendar).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration as StdDuration, Instant};

use chrono::Duration;
use kairos::clock::Clock as _;
use kairos::db::DbError;
use kairos::integrations::notify::smtp::{self, Security, SmtpSettings};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::api::{booking, clinic_with_config};
use crate::support::*;
use crate::webhooks::ALLOW_LOOPBACK;

pub(crate) fn python() -> String {
    let venv = concat!(env!("CARGO_MANIFEST_DIR"), "/.venv-test/bin/python");
    assert!(
        Path::new(venv).exists(),
        "the SMTP tests need aiosmtpd and icalendar in .venv-test: run tests/run.sh once"
    );
    venv.to_string()
}

pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port()
}

/// aiosmtpd on loopback, writing each message it accepts into a maildir.
pub(crate) struct SmtpServer {
    child: Child,
    pub(crate) maildir: PathBuf,
}

impl SmtpServer {
    pub(crate) fn start(port: u16, maildir: &Path) -> Self {
        let mut command = Command::new(python());
        command
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(maildir);
        Self::spawn(command, port, maildir)
    }

    /// aiosmtpd misbehaving as `mode` says (see tests/smtp/modes.py): `late` (store, then
    /// answer after `seconds`), `drop` (store, then hang up), `refuse` (451 to every
    /// recipient) or `hang` (never say a word).
    pub(crate) fn start_mode(port: u16, maildir: &Path, mode: &str, seconds: u64) -> Self {
        let mut command = Command::new(python());
        command
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/smtp/modes.py"))
            .arg(port.to_string())
            .arg(maildir)
            .arg(mode)
            .arg(seconds.to_string());
        Self::spawn(command, port, maildir)
    }

    fn spawn(mut command: Command, port: u16, maildir: &Path) -> Self {
        let child = command
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the SMTP server starts");
        let deadline = Instant::now() + StdDuration::from_secs(15);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "aiosmtpd did not listen");
            std::thread::sleep(StdDuration::from_millis(50));
        }
        Self {
            child,
            maildir: maildir.to_path_buf(),
        }
    }

    pub(crate) fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The messages in a maildir, oldest first, each read by Python: recipients, subject,
/// and the attached invitation parsed by icalendar.
pub(crate) fn messages(maildir: &Path) -> Vec<Value> {
    let mut files: Vec<PathBuf> = ["new", "cur"]
        .iter()
        .filter_map(|sub| std::fs::read_dir(maildir.join(sub)).ok())
        .flatten()
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    files.sort_by_key(|path| std::fs::metadata(path).and_then(|m| m.modified()).ok());
    const SCRIPT: &str = r#"
import email, email.header, email.utils, json, sys, icalendar
msg = email.message_from_bytes(open(sys.argv[1], 'rb').read())
def addresses(name):
    return [list(a) for a in email.utils.getaddresses(msg.get_all(name, []))]
out = {"messageId": msg.get("Message-ID"), "to": list(email.utils.parseaddr(msg["To"])), "toAll": addresses("To"), "cc": addresses("Cc"), "from": list(email.utils.parseaddr(msg["From"])), "subject": str(email.header.make_header(email.header.decode_header(msg["Subject"]))), "text": "", "html": "", "alternative": [], "calendar": None}
for part in msg.walk():
    if part.get_content_type() == "multipart/alternative":
        out["alternative"] = [p.get_content_type() for p in part.get_payload()]
    if part.get_content_type() == "text/plain":
        out["text"] = part.get_payload(decode=True).decode()
    if part.get_content_type() == "text/html":
        out["html"] = part.get_payload(decode=True).decode()
    if part.get_content_type() == "text/calendar":
        cal = icalendar.Calendar.from_ical(part.get_payload(decode=True))
        ev = [c for c in cal.walk("VEVENT")][0]
        attendees = ev.get("ATTENDEE", [])
        if not isinstance(attendees, list):
            attendees = [attendees]
        out["calendar"] = {"typeMethod": part.get_param("method"), "method": str(cal["METHOD"]), "uid": str(ev["UID"]), "sequence": int(ev["SEQUENCE"]), "status": str(ev["STATUS"]), "start": ev["DTSTART"].dt.isoformat(), "stamp": ev["DTSTAMP"].dt.isoformat(), "attendee": str(attendees[0]), "attendees": [{"address": str(a), "cn": str(a.params.get("CN", "")), "role": str(a.params.get("ROLE", "")), "partstat": str(a.params.get("PARTSTAT", ""))} for a in attendees], "organizer": str(ev.get("ORGANIZER", "")), "location": str(ev.get("LOCATION", "")), "url": str(ev.get("URL", ""))}
print(json.dumps(out))
"#;
    files
        .iter()
        .map(|file| {
            let output = Command::new(python())
                .args(["-c", SCRIPT])
                .arg(file)
                .output()
                .expect("python runs");
            assert!(
                output.status.success(),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
            serde_json::from_slice(&output.stdout).expect("json")
        })
        .collect()
}

/// The messages addressed to `address`, oldest first.
fn to<'a>(messages: &'a [Value], address: &str) -> Vec<&'a Value> {
    messages.iter().filter(|m| m["to"][1] == address).collect()
}

pub(crate) async fn wait_for_messages(maildir: &Path, count: usize) -> Vec<Value> {
    let deadline = Instant::now() + StdDuration::from_secs(30);
    loop {
        let found = messages(maildir);
        if found.len() >= count {
            return found;
        }
        assert!(
            Instant::now() < deadline,
            "{} of {count} messages arrived",
            found.len()
        );
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    }
}

/// A clinic (see [`crate::api::clinic`]) that may reach the test SMTP server: it listens on
/// loopback, which the outbound guard refuses unless the test switch is on.
pub(crate) async fn mailed_clinic(extra: Value) -> (TestServer, crate::support::Api, i64) {
    clinic_with_config(extra, ALLOW_LOOPBACK).await
}

pub(crate) async fn configure_smtp(server: &TestServer, port: u16) {
    let state = server.running.as_ref().expect("running").state.clone();
    let key = state.key.clone();
    let now = server.clock.now();
    state
        .db
        .write(move |tx| -> Result<(), DbError> {
            smtp::save(
                tx,
                &key,
                &SmtpSettings {
                    host: "127.0.0.1".into(),
                    port,
                    security: Security::None,
                    username: None,
                    password: None,
                    from_address: "appointments@clinic.example".into(),
                    from_name: "Harbor Clinic".into(),
                },
                now,
            )
            .map_err(|err| match err {
                smtp::SmtpSettingsError::Db(err) => DbError::from(err),
                other => panic!("{other}"),
            })
        })
        .await
        .expect("settings saved");
}

async fn failing_email_jobs(server: &TestServer) -> i64 {
    let state = server.running.as_ref().expect("running").state.clone();
    state
        .db
        .read(|conn| -> Result<i64, DbError> {
            Ok(conn.query_row(
                "SELECT count(*) FROM jobs WHERE kind = 'email' AND status = 'pending' AND attempts > 0",
                [],
                |r| r.get(0),
            )?)
        })
        .await
        .expect("count")
}

/// Books a start of event type `id` for `email` through the public API.
async fn book(api: &Api, id: i64, start: &str, email: &str) -> Value {
    let (status, made) = api
        .public_post("/api/v1/bookings", &booking(id, start, email))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    made
}

/// Sets the owner's zone and clock, as the profile page does.
async fn owner_reads(server: &TestServer, zone: &'static str, time_format: i64) {
    let state = server.running.as_ref().expect("running").state.clone();
    state
        .db
        .write(move |tx| -> Result<(), DbError> {
            tx.execute(
                "UPDATE users SET time_zone = ?1, time_format = ?2 WHERE email = ?3",
                rusqlite::params![zone, time_format, OWNER_EMAIL],
            )?;
            Ok(())
        })
        .await
        .expect("owner updated");
}

fn subjects(messages: &[&Value]) -> Vec<String> {
    messages
        .iter()
        .map(|m| m["subject"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn book_reschedule_cancel_tell_attendee_guests_and_host_in_their_zones_with_one_event() {
    let maildir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let smtp_server = SmtpServer::start(port, &maildir.path().join("mail"));
    let (server, api, id) = mailed_clinic(json!({ "locations": [{ "type": "video" }] })).await;
    configure_smtp(&server, port).await;
    owner_reads(&server, "Asia/Tokyo", 24).await;

    let mut request = booking(id, "2026-03-31T08:00:00Z", "pat@example.org");
    request["guests"] = json!(["kim@example.org"]);
    let (status, made) = api.public_post("/api/v1/bookings", &request).await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let uid = made["data"]["uid"].as_str().expect("uid").to_string();
    let token = made["data"]["manageUrl"]
        .as_str()
        .and_then(|u| u.split("token=").nth(1))
        .expect("token")
        .to_string();
    // Nobody wakes the worker by hand: committing the booking does.
    let first = wait_for_messages(&smtp_server.maildir, 2).await;

    let (status, moved) = api
        .public_post(
            &format!("/api/v1/bookings/{uid}/reschedule?token={token}"),
            &json!({ "start": "2026-03-31T09:00:00Z" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{moved}");
    wait_for_messages(&smtp_server.maildir, 4).await;
    let new_uid = moved["data"]["uid"].as_str().expect("uid").to_string();
    let (status, _) = api
        .post(&format!("/api/v1/bookings/{new_uid}/cancel"), &json!({}))
        .await;
    assert_eq!(status, StatusCode::OK);
    let all = wait_for_messages(&smtp_server.maildir, 6).await;
    assert_eq!(all[..2], first[..]);

    let attendee = to(&all, "pat@example.org");
    let host = to(&all, OWNER_EMAIL);
    assert_eq!((attendee.len(), host.len()), (3, 3), "{all:#?}");
    // Each message has a Message-ID of its own, at the sender's domain.
    let mut ids: Vec<&str> = all.iter().filter_map(|m| m["messageId"].as_str()).collect();
    assert_eq!(ids.len(), 6, "{all:#?}");
    assert!(
        ids.iter().all(|id| id.ends_with("@clinic.example>")),
        "{ids:?}"
    );
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 6, "distinct Message-IDs");
    for message in &all {
        assert_eq!(
            message["from"],
            json!(["Harbor Clinic", "appointments@clinic.example"])
        );
        assert_eq!(
            message["alternative"],
            json!(["text/plain", "text/html", "text/calendar"]),
            "HTML, text and the invitation as alternatives"
        );
        for part in ["text", "html"] {
            let body = message[part].as_str().unwrap_or_default();
            assert!(body.contains("Consultation"), "{body}");
            assert!(!body.contains("check-up"), "answers stay out: {body}");
        }
    }
    for message in &attendee {
        assert_eq!(message["to"], json!(["Pat Patient", "pat@example.org"]));
        assert_eq!(
            message["cc"],
            json!([["", "kim@example.org"]]),
            "guests in copy"
        );
    }
    // The attendee reads New York time on a 12-hour clock: 08:00 UTC is 4:00am there.
    assert_eq!(
        subjects(&attendee),
        [
            "Confirmed: Consultation, Tuesday 31 March, 4:00am–4:30am",
            "Rescheduled: Consultation, Tuesday 31 March, 5:00am–5:30am",
            "Cancelled: Consultation, Tuesday 31 March, 5:00am–5:30am",
        ]
    );
    // The host reads Tokyo time on a 24-hour clock: 08:00 UTC is 17:00 there.
    assert_eq!(
        subjects(&host),
        [
            "New booking: Consultation with Pat Patient, Tuesday 31 March, 17:00–17:30",
            "Rescheduled: Consultation with Pat Patient, Tuesday 31 March, 18:00–18:30",
            "Cancelled: Consultation with Pat Patient, Tuesday 31 March, 18:00–18:30",
        ]
    );
    for part in ["text", "html"] {
        let body = attendee[0][part].as_str().unwrap_or_default();
        assert!(
            body.contains("4:00am") && body.contains("America/New_York"),
            "{body}"
        );
        let body = host[0][part].as_str().unwrap_or_default();
        assert!(
            body.contains("17:00") && body.contains("Asia/Tokyo"),
            "{body}"
        );
        assert!(
            body.contains(&format!("/dashboard/bookings/{uid}")),
            "{body}"
        );
    }
    let moved_text = attendee[1]["text"].as_str().unwrap_or_default();
    assert!(moved_text.contains("Previously: 4:00am"), "{moved_text}");
    // The attendee's messages lead to their own page while the meeting is on.
    for (message, made) in [(attendee[0], &made), (attendee[1], &moved)] {
        let manage = made["data"]["manageUrl"].as_str().expect("manage URL");
        let text = message["text"].as_str().unwrap_or_default();
        assert!(
            text.contains(&format!("Reschedule or cancel: {manage}")),
            "{text}"
        );
        let html = message["html"].as_str().unwrap_or_default();
        assert!(html.contains(&format!("href=\"{manage}\"")), "{html}");
    }
    let cancelled = attendee[2]["text"].as_str().unwrap_or_default();
    assert!(!cancelled.contains("Reschedule or cancel"), "{cancelled}");
    let page = reqwest::get(moved["data"]["manageUrl"].as_str().unwrap_or_default())
        .await
        .expect("manage page");
    assert_eq!(page.status(), StatusCode::OK, "the link in the email works");

    let expected_uid = format!("{uid}@kairos");
    for messages in [&attendee, &host] {
        for (n, (method, status)) in [
            ("REQUEST", "CONFIRMED"),
            ("REQUEST", "CONFIRMED"),
            ("CANCEL", "CANCELLED"),
        ]
        .iter()
        .enumerate()
        {
            let calendar = &messages[n]["calendar"];
            assert_eq!(calendar["method"], *method, "{calendar}");
            assert_eq!(calendar["typeMethod"], *method, "{calendar}");
            assert_eq!(calendar["status"], *status, "{calendar}");
            assert_eq!(
                calendar["uid"],
                expected_uid.as_str(),
                "one event across changes"
            );
            assert_eq!(calendar["sequence"], n as u64, "{calendar}");
            assert_eq!(calendar["organizer"], format!("mailto:{OWNER_EMAIL}"));
            assert_eq!(
                calendar["attendees"],
                json!([
                    { "address": "mailto:pat@example.org", "cn": "Pat Patient", "role": "REQ-PARTICIPANT", "partstat": "ACCEPTED" },
                    { "address": "mailto:kim@example.org", "cn": "kim@example.org", "role": "OPT-PARTICIPANT", "partstat": "NEEDS-ACTION" },
                ])
            );
            let room = calendar["location"].as_str().unwrap_or_default();
            assert!(
                room.starts_with("https://meet.jit.si/kairos-"),
                "{calendar}"
            );
            assert_eq!(
                calendar["url"], room,
                "a video room is the place and the link"
            );
            assert!(
                calendar["stamp"]
                    .as_str()
                    .is_some_and(|s| s.starts_with("2026-03-27"))
            );
        }
        assert_eq!(
            messages[0]["calendar"]["start"],
            "2026-03-31T08:00:00+00:00"
        );
        assert_eq!(
            messages[1]["calendar"]["start"],
            "2026-03-31T09:00:00+00:00"
        );
    }

    server.stop().await;
    smtp_server.stop();
}

/// Signs the owner in with `client`, starting from `link` as a mail program would.
async fn follow_signed_in(server: &TestServer, client: &reqwest::Client, link: &str) -> String {
    let response = client.get(link).send().await.expect("link answers");
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "sign-in first");
    let login = location(&response);
    assert!(login.starts_with("/login?next="), "{login}");
    let page = client
        .get(server.url(&login))
        .send()
        .await
        .expect("login page")
        .text()
        .await
        .expect("body");
    let response = client
        .post(server.url("/login"))
        .form(&[
            ("csrf", csrf_of(&page).as_str()),
            ("email", OWNER_EMAIL),
            ("password", OWNER_PASSWORD),
            ("next", link.trim_start_matches(&server.base)),
        ])
        .send()
        .await
        .expect("login answers");
    let back = location(&response);
    assert!(link.ends_with(&back), "back to {link}, not {back}");
    client
        .get(link)
        .send()
        .await
        .expect("booking page")
        .text()
        .await
        .expect("body")
}

#[tokio::test]
async fn a_request_tells_the_attendee_it_waits_and_the_host_how_to_accept_it() {
    let maildir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let smtp_server = SmtpServer::start(port, &maildir.path().join("mail"));
    let (server, api, id) = mailed_clinic(json!({ "requiresConfirmation": true })).await;
    configure_smtp(&server, port).await;

    let made = book(&api, id, "2026-03-31T08:00:00Z", "pat@example.org").await;
    let uid = made["data"]["uid"].as_str().expect("uid").to_string();
    let all = wait_for_messages(&smtp_server.maildir, 2).await;
    let attendee = to(&all, "pat@example.org");
    let host = to(&all, OWNER_EMAIL);
    assert!(
        subjects(&attendee)[0].starts_with("Request received: Consultation, "),
        "{all:#?}"
    );
    assert!(
        attendee[0]["calendar"].is_null(),
        "no invitation before it is accepted"
    );
    assert!(
        subjects(&host)[0].starts_with("New request: Consultation with Pat Patient, "),
        "{all:#?}"
    );
    let text = host[0]["text"].as_str().unwrap_or_default();
    let link = text
        .lines()
        .find_map(|line| line.strip_prefix("Accept or decline: "))
        .expect("an accept link")
        .to_string();
    assert_eq!(link, server.url(&format!("/dashboard/bookings/{uid}")));

    // The link leads, after signing in, to the booking with Accept one click away.
    let client = browser();
    let page = follow_signed_in(&server, &client, &link).await;
    let accept = format!("/dashboard/bookings/{uid}/confirm");
    assert!(page.contains(&format!("action=\"{accept}\"")), "{page}");
    let response = client
        .post(server.url(&accept))
        .form(&[("csrf", csrf_of(&page).as_str())])
        .send()
        .await
        .expect("accept answers");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    let all = wait_for_messages(&smtp_server.maildir, 3).await;
    let attendee = to(&all, "pat@example.org");
    assert_eq!(
        attendee.len(),
        2,
        "the host hears nothing of their own accept"
    );
    assert!(
        subjects(&attendee)[1].starts_with("Accepted: Consultation, "),
        "{all:#?}"
    );
    let calendar = &attendee[1]["calendar"];
    assert_eq!(calendar["method"], "REQUEST");
    assert_eq!(calendar["status"], "CONFIRMED");
    assert_eq!(calendar["uid"], format!("{uid}@kairos"));
    server.stop().await;
    smtp_server.stop();
}

async fn set_minimum_necessary(server: &TestServer, on: bool) {
    let state = server.running.as_ref().expect("running").state.clone();
    let mut settings = state.settings();
    settings.minimum_necessary = on;
    let saved = settings.clone();
    let now = server.clock.now();
    state
        .db
        .write(move |tx| saved.save(tx, now).map_err(DbError::from))
        .await
        .expect("settings saved");
    state.set_settings(settings);
}

#[tokio::test]
async fn answers_reach_emails_only_when_minimum_necessary_is_off() {
    let maildir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let smtp_server = SmtpServer::start(port, &maildir.path().join("mail"));
    let (server, api, id) = mailed_clinic(json!({})).await;
    configure_smtp(&server, port).await;

    // On (the default): no message carries the answer.
    book(&api, id, "2026-03-31T08:00:00Z", "pat@example.org").await;
    let on = wait_for_messages(&smtp_server.maildir, 2).await;
    for message in &on {
        for part in ["text", "html", "subject"] {
            let body = message[part].as_str().unwrap_or_default();
            assert!(!body.contains("check-up"), "{body}");
            assert!(!body.contains("Reason for the visit"), "{body}");
        }
    }

    // Off: the host's message lists the answers under their labels, and the attendee's
    // repeats their own.
    set_minimum_necessary(&server, false).await;
    book(&api, id, "2026-03-31T09:00:00Z", "kim@example.org").await;
    let all = wait_for_messages(&smtp_server.maildir, 4).await;
    let host = to(&all, OWNER_EMAIL);
    let attendee = to(&all, "kim@example.org");
    for message in [host[1], attendee[0]] {
        let text = message["text"].as_str().unwrap_or_default();
        assert!(text.contains("Reason for the visit: check-up"), "{text}");
        let html = message["html"].as_str().unwrap_or_default();
        assert!(
            html.contains("Reason for the visit") && html.contains("check-up"),
            "{html}"
        );
    }
    server.stop().await;
    smtp_server.stop();
}

#[tokio::test]
async fn mail_held_while_the_server_is_down_arrives_exactly_once_when_it_returns() {
    let maildir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let (server, api, id) = mailed_clinic(json!({})).await;
    configure_smtp(&server, port).await;
    let state = server.running.as_ref().expect("running").state.clone();

    for (start, email) in [
        ("2026-03-31T08:00:00Z", "pat@example.org"),
        ("2026-03-31T09:00:00Z", "kim@example.org"),
    ] {
        book(&api, id, start, email).await;
    }
    let deadline = Instant::now() + StdDuration::from_secs(30);
    while failing_email_jobs(&server).await < 4 {
        assert!(Instant::now() < deadline, "the sends never failed");
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    }

    let smtp_server = SmtpServer::start(port, &maildir.path().join("mail"));
    server.clock.advance(Duration::hours(1));
    state.jobs.wake();
    let arrived = wait_for_messages(&smtp_server.maildir, 4).await;
    // Later wake-ups with more time passed send nothing again.
    for _ in 0..3 {
        server.clock.advance(Duration::hours(7));
        state.jobs.wake();
        tokio::time::sleep(StdDuration::from_millis(200)).await;
    }
    let after = messages(&smtp_server.maildir);
    assert_eq!(after.len(), 4, "each message exactly once");
    let mut recipients: Vec<&str> = arrived.iter().filter_map(|m| m["to"][1].as_str()).collect();
    recipients.sort_unstable();
    assert_eq!(
        recipients,
        [
            "kim@example.org",
            OWNER_EMAIL,
            OWNER_EMAIL,
            "pat@example.org"
        ]
    );
    assert_eq!(failing_email_jobs(&server).await, 0);
    server.stop().await;
    smtp_server.stop();
}

async fn dead_email_jobs(server: &TestServer) -> Vec<i64> {
    let state = server.running.as_ref().expect("running").state.clone();
    state
        .db
        .read(|conn| -> Result<Vec<i64>, DbError> {
            let mut stmt = conn.prepare(
                "SELECT id FROM jobs WHERE kind = 'email' AND status = 'dead' ORDER BY id",
            )?;
            let ids = stmt
                .query_map([], |row| row.get(0))?
                .collect::<Result<_, _>>()?;
            Ok(ids)
        })
        .await
        .expect("dead jobs")
}

#[tokio::test]
async fn the_jobs_page_shows_a_dead_email_without_patient_data_and_retry_sends_it() {
    let maildir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let (server, api, id) = mailed_clinic(json!({})).await;
    configure_smtp(&server, port).await;
    let state = server.running.as_ref().expect("running").state.clone();
    book(&api, id, "2026-03-31T08:00:00Z", "pat@example.org").await;

    // No mail server answers: every attempt fails until the jobs give up, three days
    // after they were due.
    let deadline = Instant::now() + StdDuration::from_secs(60);
    while dead_email_jobs(&server).await.len() < 2 {
        assert!(Instant::now() < deadline, "the jobs never died");
        server.clock.advance(Duration::hours(1));
        state.jobs.wake();
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    }
    assert!(
        server.clock.now() >= t0() + Duration::days(3),
        "{}",
        server.clock.now()
    );
    let dead = dead_email_jobs(&server).await;

    let client = browser();
    sign_in(&server, &client, OWNER_EMAIL, OWNER_PASSWORD).await;
    let admin = page_text(&client, server.url("/dashboard/admin")).await;
    assert!(
        admin.contains("href=\"/dashboard/admin/jobs\""),
        "linked from the admin page"
    );
    let page = client
        .get(server.url("/dashboard/admin/jobs"))
        .send()
        .await
        .expect("jobs page");
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.expect("body");
    assert!(page.contains("Send a booking email"), "{page}");
    assert!(page.contains("gave up after 3 days of failures"), "{page}");
    assert!(
        page.contains("Connection refused"),
        "the last error: {page}"
    );
    for private in [
        "pat@example.org",
        "Pat Patient",
        "check-up",
        "bookingEventId",
    ] {
        assert!(
            !page.contains(private),
            "{private} leaked into the jobs page"
        );
    }
    let retry = format!("/dashboard/admin/jobs/{}/retry", dead[0]);
    assert!(page.contains(&format!("action=\"{retry}\"")), "{page}");

    // Without the CSRF token nothing happens.
    let response = client
        .post(server.url(&retry))
        .form(&[("csrf", "forged")])
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    let smtp_server = SmtpServer::start(port, &maildir.path().join("mail"));
    for job in &dead {
        let response = client
            .post(server.url(&format!("/dashboard/admin/jobs/{job}/retry")))
            .form(&[("csrf", csrf_of(&page).as_str())])
            .send()
            .await
            .expect("retry answers");
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            location(&response),
            "/dashboard/admin/jobs?notice=job-retried"
        );
    }
    let arrived = wait_for_messages(&smtp_server.maildir, 2).await;
    assert_eq!(to(&arrived, "pat@example.org").len(), 1);
    assert_eq!(to(&arrived, OWNER_EMAIL).len(), 1);
    assert!(dead_email_jobs(&server).await.is_empty());

    let audited = state
        .db
        .read(|conn| -> Result<_, DbError> { Ok(kairos::audit::find(conn, "job_retried")?) })
        .await
        .expect("audit");
    let objects: Vec<String> = audited
        .iter()
        .filter_map(|row| row.object.clone())
        .collect();
    assert_eq!(
        objects,
        dead.iter()
            .map(|id| format!("job:{id}"))
            .collect::<Vec<_>>()
    );
    server.stop().await;
    smtp_server.stop();
}

/// An SMTP server that refuses every recipient with its own words.
fn refusing_smtp_server(port: u16) -> Child {
    const SCRIPT: &str = r#"
import asyncio, sys
from aiosmtpd.controller import Controller
class Refuse:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return "550 5.7.1 Relaying denied: kairos test refusal"
controller = Controller(Refuse(), hostname="127.0.0.1", port=int(sys.argv[1]))
controller.start()
asyncio.get_event_loop().run_forever()
"#;
    let child = Command::new(python())
        .args(["-c", SCRIPT, &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the refusing server starts");
    let deadline = Instant::now() + StdDuration::from_secs(15);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "the refusing server did not listen"
        );
        std::thread::sleep(StdDuration::from_millis(50));
    }
    child
}

async fn page_text(client: &reqwest::Client, url: String) -> String {
    client
        .get(url)
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("body")
}

#[tokio::test]
async fn admins_set_up_the_mail_server_and_the_test_email_shows_the_servers_answer() {
    let server = TestServer::with_owner_and_config(ALLOW_LOOPBACK).await;
    let client = browser();
    sign_in(&server, &client, OWNER_EMAIL, OWNER_PASSWORD).await;
    let admin = page_text(&client, server.url("/dashboard/admin")).await;
    assert!(admin.contains("href=\"/dashboard/admin/email\""));
    let page = page_text(&client, server.url("/dashboard/admin/email")).await;
    assert!(page.contains("Save a mail server first"), "{page}");
    let csrf = csrf_of(&page);
    let port = free_port();
    let form = |from: &str, password: &str| {
        let username = if from.starts_with("open") {
            ""
        } else {
            "kairos"
        };
        vec![
            ("csrf", csrf.clone()),
            ("host", "127.0.0.1".to_string()),
            ("port", port.to_string()),
            ("security", "none".to_string()),
            ("username", username.to_string()),
            ("password", password.to_string()),
            ("from_address", from.to_string()),
            ("from_name", "Harbor Clinic".to_string()),
        ]
    };

    let bad = client
        .post(server.url("/dashboard/admin/email"))
        .form(&form("not-an-address", "relay-secret-123"))
        .send()
        .await
        .expect("answers");
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.expect("body");
    assert!(
        html.contains("From address must be an email address"),
        "{html}"
    );
    assert!(!html.contains("relay-secret-123"));

    let saved = client
        .post(server.url("/dashboard/admin/email"))
        .form(&form("appointments@clinic.example", "relay-secret-123"))
        .send()
        .await
        .expect("answers");
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let page = page_text(&client, server.url("/dashboard/admin/email")).await;
    assert!(page.contains("A password is stored"), "{page}");
    assert!(
        !page.contains("relay-secret-123"),
        "the password is write-only"
    );
    // Saving again with the password left empty keeps it.
    let again = client
        .post(server.url("/dashboard/admin/email"))
        .form(&form("desk@clinic.example", ""))
        .send()
        .await
        .expect("answers");
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    let state = server.running.as_ref().expect("running").state.clone();
    let key = state.key.clone();
    let smtp = state
        .db
        .read(move |conn| -> Result<_, DbError> {
            Ok(smtp::load(conn, &key).expect("readable").expect("stored"))
        })
        .await
        .expect("read");
    assert_eq!(smtp.from_address, "desk@clinic.example");
    assert_eq!(smtp.password.as_deref(), Some("relay-secret-123"));

    // Nothing listens: the test says why, in the transport's words.
    // Post/redirect/get: the outcome is on the page the POST leads to.
    let test = |to: &'static str| {
        let (server, client, csrf) = (&server, client.clone(), csrf.clone());
        async move {
            let form = [("csrf", csrf.as_str()), ("to", to)];
            post_and_follow(server, &client, "/dashboard/admin/email/test", &form)
                .await
                .2
        }
    };
    let down = test(OWNER_EMAIL).await;
    assert!(down.contains("The test message was not sent"), "{down}");
    assert!(down.contains("Connection refused"), "{down}");

    // The test relay takes no sign-in: without a user name no password is kept either.
    let open = client
        .post(server.url("/dashboard/admin/email"))
        .form(&form("open-desk@clinic.example", ""))
        .send()
        .await
        .expect("answers");
    assert_eq!(open.status(), StatusCode::SEE_OTHER);

    // A server that refuses: its own answer, verbatim.
    let mut refusing = refusing_smtp_server(port);
    let refused = test("someone@example.org").await;
    let _ = refusing.kill();
    let _ = refusing.wait();
    assert!(
        refused.contains("5.7.1 Relaying denied: kairos test refusal"),
        "{refused}"
    );

    let invalid = test("nobody").await;
    assert!(
        invalid.contains("Send to must be an email address"),
        "{invalid}"
    );

    // A working server: the message arrives at the typed address.
    let maildir = tempfile::tempdir().expect("tempdir");
    let smtp_server = SmtpServer::start(port, &maildir.path().join("mail"));
    let sent = test("desk@clinic.example").await;
    assert!(
        sent.contains("The test message was sent to desk@clinic.example"),
        "{sent}"
    );
    let arrived = wait_for_messages(&smtp_server.maildir, 1).await;
    assert_eq!(arrived[0]["to"][1], "desk@clinic.example");
    assert!(
        arrived[0]["html"]
            .as_str()
            .is_some_and(|h| h.contains("Test message"))
    );

    let audit = state
        .db
        .read(|conn| -> Result<_, DbError> {
            Ok((
                kairos::audit::find(conn, "smtp_settings_changed")?,
                kairos::audit::find(conn, "smtp_tested")?,
            ))
        })
        .await
        .expect("audit");
    assert_eq!(audit.0.len(), 3, "each change audited");
    let outcomes: Vec<&str> = audit.1.iter().map(|row| row.outcome.as_str()).collect();
    assert_eq!(outcomes, ["failure", "failure", "success"]);
    server.stop().await;
    smtp_server.stop();
}

#[tokio::test]
async fn members_cannot_see_or_change_the_mail_server_or_the_jobs() {
    let server = TestServer::with_owner().await;
    server
        .create_member("Mia", "mia@clinic.example", "member-password-42")
        .await;
    let member = browser();
    sign_in(&server, &member, "mia@clinic.example", "member-password-42").await;
    let csrf = csrf_from(&member, &server.url("/dashboard")).await;
    for path in ["/dashboard/admin/email", "/dashboard/admin/jobs"] {
        let page = member.get(server.url(path)).send().await.expect("answers");
        assert_eq!(page.status(), StatusCode::FORBIDDEN, "{path}");
    }
    for path in [
        "/dashboard/admin/email",
        "/dashboard/admin/email/test",
        "/dashboard/admin/jobs/1/retry",
        "/setup/email",
    ] {
        let response = member
            .post(server.url(path))
            .form(&[("csrf", csrf.as_str()), ("to", "mia@clinic.example")])
            .send()
            .await
            .expect("answers");
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
    }
    server.stop().await;
}

#[tokio::test]
async fn a_mail_server_on_an_internal_address_is_refused_naming_the_host_and_the_reason() {
    // A real mail server on loopback, and a Kairos without the test switch.
    let maildir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let smtp_server = SmtpServer::start(port, &maildir.path().join("mail"));
    let server = TestServer::with_owner().await;
    let client = browser();
    sign_in(&server, &client, OWNER_EMAIL, OWNER_PASSWORD).await;
    let csrf = csrf_of(&page_text(&client, server.url("/dashboard/admin/email")).await);
    let save = |host: &str| {
        let form = vec![
            ("csrf", csrf.clone()),
            ("host", host.to_string()),
            ("port", port.to_string()),
            ("security", "none".to_string()),
            ("from_address", "appointments@clinic.example".to_string()),
            ("from_name", "Harbor Clinic".to_string()),
        ];
        let (client, url) = (client.clone(), server.url("/dashboard/admin/email"));
        async move {
            let response = client.post(url).form(&form).send().await.expect("answers");
            let status = response.status();
            (status, response.text().await.expect("body"))
        }
    };
    for (host, expected) in [
        (
            "169.254.169.254",
            "Server points to 169.254.169.254, a cloud metadata address; Kairos does not send there",
        ),
        (
            "198.18.0.25",
            "Server points to 198.18.0.25, an address reserved for benchmarking; Kairos does not send there",
        ),
        (
            "127.0.0.1",
            "Server points to 127.0.0.1, a loopback address; Kairos does not send there",
        ),
        ("localhost", "Server points to localhost ("),
        (
            "::ffff:0:127.0.0.1",
            "Server points to ::ffff:0:127.0.0.1, an IPv4-translated address wrapping 127.0.0.1",
        ),
        (
            "10.0.0.25",
            "Server points to 10.0.0.25, a private network address (an administrator can allow those in the instance settings)",
        ),
    ] {
        let (status, page) = save(host).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{host}: {page}");
        assert!(page.contains(expected), "{host}: {page}");
    }
    let state = server.running.as_ref().expect("running").state.clone();
    let key = state.key.clone();
    let stored = state
        .db
        .read(move |conn| -> Result<_, DbError> { Ok(smtp::load(conn, &key).ok().flatten()) })
        .await
        .expect("read");
    assert_eq!(stored, None, "nothing was saved");

    // A stored server the guard refuses is never connected to: the test message says why.
    configure_smtp(&server, port).await;
    let form = [("csrf", csrf.as_str()), ("to", "desk@clinic.example")];
    let (_, _, sent) =
        post_and_follow(&server, &client, "/dashboard/admin/email/test", &form).await;
    assert!(
        sent.contains("The test message was not sent: the mail server points to 127.0.0.1, a loopback address; Kairos does not send there."),
        "{sent}"
    );
    tokio::time::sleep(StdDuration::from_millis(300)).await;
    assert!(messages(&smtp_server.maildir).is_empty(), "nothing arrived");

    // The administrator's allow-list opens the private network for an on-premise relay,
    // and this machine's own relay with it; metadata stays refused.
    let mut settings = state.settings();
    settings.allow_private_targets = true;
    state.set_settings(settings);
    let (status, page) = save("10.0.0.25").await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{page}");
    let (status, page) = save("169.254.169.254").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{page}");
    let (status, page) = save("127.0.0.1").await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{page}");
    let form = [("csrf", csrf.as_str()), ("to", "desk@clinic.example")];
    let (_, _, sent) =
        post_and_follow(&server, &client, "/dashboard/admin/email/test", &form).await;
    assert!(!sent.contains("was not sent"), "{sent}");
    let deadline = std::time::Instant::now() + StdDuration::from_secs(10);
    while messages(&smtp_server.maildir).is_empty() && std::time::Instant::now() < deadline {
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    }
    assert_eq!(
        messages(&smtp_server.maildir).len(),
        1,
        "the relay on this machine got it"
    );
    server.stop().await;
    smtp_server.stop();
}

#[tokio::test]
async fn a_host_reschedules_from_the_dashboard_keeping_the_video_room_and_the_invitee_hears_why() {
    let maildir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let smtp_server = SmtpServer::start(port, &maildir.path().join("mail"));
    let (server, api, id) = mailed_clinic(json!({ "locations": [{ "type": "video" }] })).await;
    configure_smtp(&server, port).await;
    let made = book(&api, id, "2026-03-30T07:00:00Z", "pat@example.org").await;
    let uid = made["data"]["uid"].as_str().expect("uid").to_string();
    let room = made["data"]["location"]["url"]
        .as_str()
        .expect("a video room")
        .to_string();
    let old_manage = made["data"]["manageUrl"]
        .as_str()
        .expect("manage url")
        .to_string();
    wait_for_messages(&smtp_server.maildir, 2).await;

    let client = browser();
    let response = sign_in(&server, &client, OWNER_EMAIL, OWNER_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let detail = page_text(&client, server.url(&format!("/dashboard/bookings/{uid}"))).await;
    assert!(
        detail.contains(&format!("href=\"{room}\"")),
        "the video room is a link"
    );
    let move_path = format!("/dashboard/bookings/{uid}/reschedule");
    assert!(detail.contains(&format!("href=\"{move_path}\"")));
    let picker = page_text(&client, server.url(&format!("{move_path}?date=2026-03-31"))).await;
    assert!(
        picker.contains("value=\"2026-03-31T07:00:00Z\""),
        "free times of the week are offered"
    );
    let csrf = csrf_of(&picker);

    let refused = client
        .post(server.url(&move_path))
        .form(&[("csrf", csrf.as_str()), ("reason", "no time")])
        .send()
        .await
        .expect("answers");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text()
            .await
            .unwrap_or_default()
            .contains("pick one of the free times")
    );

    let moved = client
        .post(server.url(&move_path))
        .form(&[
            ("csrf", csrf.as_str()),
            ("start", "2026-03-31T07:00:00Z"),
            ("reason", "The doctor is at a conference"),
        ])
        .send()
        .await
        .expect("answers");
    assert_eq!(moved.status(), StatusCode::SEE_OTHER);
    let to_page = location(&moved);
    assert!(to_page.ends_with("?notice=rescheduled"), "{to_page}");
    let new_uid = to_page
        .trim_start_matches("/dashboard/bookings/")
        .split('?')
        .next()
        .expect("uid")
        .to_string();
    assert_ne!(new_uid, uid);
    let new_page = page_text(&client, server.url(&to_page)).await;
    assert!(new_page.contains("The booking is moved to the new time."));
    assert!(
        new_page.contains(&format!("href=\"{room}\"")),
        "the same meeting keeps its video room"
    );
    let old_page = page_text(&client, server.url(&format!("/dashboard/bookings/{uid}"))).await;
    assert!(old_page.contains(&format!("href=\"/dashboard/bookings/{new_uid}\"")));

    // The invitee hears of the new time, with the host's reason and the same room.
    let deadline = Instant::now() + StdDuration::from_secs(30);
    let moved_mail = loop {
        let all = wait_for_messages(&smtp_server.maildir, 3).await;
        let found = to(&all, "pat@example.org").into_iter().find(|m| {
            m["subject"]
                .as_str()
                .is_some_and(|s| s.starts_with("Rescheduled"))
        });
        if let Some(found) = found {
            break found.clone();
        }
        assert!(
            Instant::now() < deadline,
            "no message about the move: {all:#?}"
        );
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    };
    let text = moved_mail["text"].as_str().unwrap_or_default();
    assert!(
        text.contains("Reason: The doctor is at a conference"),
        "{text}"
    );
    assert_eq!(moved_mail["calendar"]["location"], room.as_str());

    // The old manage link leads to the booking at its new time.
    let old_manage_page = page_text(&browser(), old_manage).await;
    assert!(old_manage_page.contains("This booking was moved"));
    assert!(
        old_manage_page.contains(&format!("href=\"/booking/{new_uid}?token=")),
        "{old_manage_page}"
    );

    // A booking that moved on cannot be moved again.
    let again = client
        .post(server.url(&move_path))
        .form(&[("csrf", csrf.as_str()), ("start", "2026-04-01T07:00:00Z")])
        .send()
        .await
        .expect("answers");
    assert_eq!(again.status(), StatusCode::CONFLICT);
    server.stop().await;
    smtp_server.stop();
}

#[tokio::test]
async fn forgot_password_emails_a_single_use_link_with_a_mail_server_and_tells_no_one_who_has_an_account()
 {
    let server = TestServer::with_owner_and_config(ALLOW_LOOPBACK).await;
    let client = browser();
    // Without a mail server there is nothing to send: ask an administrator.
    let login = page_text(&client, server.url("/login")).await;
    assert!(login.contains("Ask an administrator") && !login.contains("/login/forgot"));
    let forgot = page_text(&client, server.url("/login/forgot")).await;
    assert!(forgot.contains("Ask an administrator") && !forgot.contains("Email me a link"));

    let maildir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let smtp_server = SmtpServer::start(port, &maildir.path().join("mail"));
    configure_smtp(&server, port).await;
    let login = page_text(&client, server.url("/login")).await;
    assert!(login.contains("href=\"/login/forgot\"") && login.contains("Forgot password?"));
    let forgot = page_text(&client, server.url("/login/forgot")).await;
    let csrf = csrf_of(&forgot);
    let ask = |email: &'static str| {
        let (client, url, csrf) = (client.clone(), server.url("/login/forgot"), csrf.clone());
        async move {
            let response = client
                .post(url)
                .form(&[("csrf", csrf.as_str()), ("email", email)])
                .send()
                .await
                .expect("answers");
            let status = response.status();
            (status, response.text().await.expect("body"))
        }
    };
    let (status, page) = ask("not-an-address").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("Email "), "the field is named: {page}");
    let (status, unknown) = ask("nobody@example.org").await;
    assert_eq!(status, StatusCode::OK);
    let (status, known) = ask(OWNER_EMAIL).await;
    assert_eq!(status, StatusCode::OK);
    let answer = "If an account has this address, a link to choose a new password is on its way.";
    assert!(unknown.contains(answer) && known.contains(answer));
    let without_token = |page: &str| page.replace(&csrf_of(page), "");
    assert_eq!(
        without_token(&unknown),
        without_token(&known),
        "the answer does not tell whether the account exists"
    );

    let all = wait_for_messages(&smtp_server.maildir, 1).await;
    assert_eq!(all.len(), 1, "only the account's owner gets mail: {all:#?}");
    assert_eq!(all[0]["to"][1], OWNER_EMAIL);
    let text = all[0]["text"].as_str().unwrap_or_default();
    let link = text
        .split_whitespace()
        .find(|word| word.starts_with(&format!("{}/reset/", server.base)))
        .unwrap_or_else(|| panic!("a link in {text}"))
        .to_string();
    let page = page_text(&client, link.clone()).await;
    assert!(page.contains("Choose a new password"));
    let response = client
        .post(&link)
        .form(&[
            ("csrf", csrf_of(&page).as_str()),
            ("password", "a-fresh-orbit-canvas-77"),
            ("password_confirm", "a-fresh-orbit-canvas-77"),
        ])
        .send()
        .await
        .expect("answers");
    assert_eq!(location(&response), "/login?notice=password-changed");
    let old = sign_in(&server, &browser(), OWNER_EMAIL, OWNER_PASSWORD).await;
    assert_eq!(old.status(), StatusCode::UNAUTHORIZED);
    let new = sign_in(&server, &browser(), OWNER_EMAIL, "a-fresh-orbit-canvas-77").await;
    assert_eq!(new.status(), StatusCode::SEE_OTHER);
    let again = client.get(&link).send().await.expect("answers");
    assert_eq!(again.status(), StatusCode::GONE, "the link works once");

    let actions: Vec<String> = server
        .audit_log()
        .await
        .into_iter()
        .map(|(action, _, _, _)| action)
        .collect();
    for action in [
        "password_reset_requested",
        "password_reset_link_sent",
        "password_reset_by_link",
    ] {
        assert!(
            actions.iter().any(|a| a == action),
            "{action} in {actions:?}"
        );
    }
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == "password_reset_requested")
            .count(),
        2
    );

    // Asking again and again meets the sign-in throttle.
    let mut throttled = None;
    for _ in 0..30 {
        let response = client
            .post(server.url("/login/forgot"))
            .form(&[("csrf", csrf.as_str()), ("email", "nobody@example.org")])
            .send()
            .await
            .expect("answers");
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            throttled = Some(response);
            break;
        }
    }
    let throttled = throttled.expect("throttled in the end");
    assert!(throttled.headers().contains_key("retry-after"));
    server.stop().await;
    smtp_server.stop();
}

//! Booking emails received by a real SMTP server (aiosmtpd), with the invitations read
//! by an independent iCalendar parser (Python's icalendar).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration as StdDuration, Instant};

use chrono::Duration;
use kairos::clock::Clock as _;
use kairos::db::DbError;
use kairos::notify::smtp::{self, Security, SmtpSettings};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::api::{booking, clinic};
use crate::support::*;

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
    maildir: PathBuf,
}

impl SmtpServer {
    pub(crate) fn start(port: u16, maildir: &Path) -> Self {
        let child = Command::new(python())
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("aiosmtpd starts");
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
out = {"to": list(email.utils.parseaddr(msg["To"])), "from": list(email.utils.parseaddr(msg["From"])), "subject": str(email.header.make_header(email.header.decode_header(msg["Subject"]))), "text": "", "calendar": None}
for part in msg.walk():
    if part.get_content_type() == "text/plain":
        out["text"] = part.get_payload(decode=True).decode()
    if part.get_content_type() == "text/calendar":
        cal = icalendar.Calendar.from_ical(part.get_payload(decode=True))
        ev = [c for c in cal.walk("VEVENT")][0]
        out["calendar"] = {"typeMethod": part.get_param("method"), "method": str(cal["METHOD"]), "uid": str(ev["UID"]), "sequence": int(ev["SEQUENCE"]), "status": str(ev["STATUS"]), "start": ev["DTSTART"].dt.isoformat(), "attendee": str(ev["ATTENDEE"])}
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

async fn pending_notify_jobs(server: &TestServer) -> i64 {
    let state = server.running.as_ref().expect("running").state.clone();
    state
        .db
        .read(|conn| -> Result<i64, DbError> {
            Ok(conn.query_row(
                "SELECT count(*) FROM jobs WHERE kind = 'notify' AND status = 'pending' AND attempts > 0",
                [],
                |r| r.get(0),
            )?)
        })
        .await
        .expect("count")
}

#[tokio::test]
async fn book_reschedule_cancel_send_one_invitation_each_that_updates_one_event() {
    let maildir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let smtp_server = SmtpServer::start(port, &maildir.path().join("mail"));
    let (server, api, id) = clinic(json!({})).await;
    configure_smtp(&server, port).await;

    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-31T08:00:00Z", "pat@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let uid = made["data"]["uid"].as_str().expect("uid").to_string();
    let token = made["data"]["manageUrl"]
        .as_str()
        .and_then(|u| u.split("token=").nth(1))
        .expect("token")
        .to_string();
    let state = server.running.as_ref().expect("running").state.clone();
    state.jobs.wake();
    let first = wait_for_messages(&smtp_server.maildir, 1).await;

    let (status, moved) = api
        .public_post(
            &format!("/api/v1/bookings/{uid}/reschedule?token={token}"),
            &json!({ "start": "2026-03-31T09:00:00Z" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{moved}");
    state.jobs.wake();
    wait_for_messages(&smtp_server.maildir, 2).await;
    let new_uid = moved["data"]["uid"].as_str().expect("uid").to_string();
    let (status, _) = api
        .post(&format!("/api/v1/bookings/{new_uid}/cancel"), &json!({}))
        .await;
    assert_eq!(status, StatusCode::OK);
    state.jobs.wake();
    let all = wait_for_messages(&smtp_server.maildir, 3).await;
    assert_eq!(all[0], first[0]);

    for message in &all {
        assert_eq!(message["to"], json!(["Pat Patient", "pat@example.org"]));
        assert_eq!(
            message["from"],
            json!(["Harbor Clinic", "appointments@clinic.example"])
        );
        let text = message["text"].as_str().unwrap_or_default();
        assert!(
            !text.contains("check-up"),
            "answers stay out of emails: {text}"
        );
        assert!(text.contains("Consultation"));
    }
    let subjects: Vec<&str> = all.iter().filter_map(|m| m["subject"].as_str()).collect();
    assert!(
        subjects[0].starts_with("Confirmed: Consultation on "),
        "{subjects:?}"
    );
    assert!(
        subjects[1].starts_with("Updated: Consultation on "),
        "{subjects:?}"
    );
    assert!(
        subjects[2].starts_with("Cancelled: Consultation on "),
        "{subjects:?}"
    );
    // Dates are in the attendee's zone (New York): 08:00 UTC is 04:00 there.
    assert!(subjects[0].contains("04:00"), "{subjects:?}");

    let calendars: Vec<&Value> = all.iter().map(|m| &m["calendar"]).collect();
    let expected_uid = format!("{uid}@kairos");
    for (n, (method, status)) in [
        ("REQUEST", "CONFIRMED"),
        ("REQUEST", "CONFIRMED"),
        ("CANCEL", "CANCELLED"),
    ]
    .iter()
    .enumerate()
    {
        let calendar = calendars[n];
        assert_eq!(calendar["method"], *method, "{calendar}");
        assert_eq!(calendar["typeMethod"], *method, "{calendar}");
        assert_eq!(calendar["status"], *status, "{calendar}");
        assert_eq!(
            calendar["uid"],
            expected_uid.as_str(),
            "one event across changes"
        );
        assert_eq!(calendar["sequence"], n as u64, "{calendar}");
        assert_eq!(calendar["attendee"], "mailto:pat@example.org");
    }
    assert_eq!(calendars[0]["start"], "2026-03-31T08:00:00+00:00");
    assert_eq!(calendars[1]["start"], "2026-03-31T09:00:00+00:00");

    server.stop().await;
    smtp_server.stop();
}

#[tokio::test]
async fn mail_held_while_the_server_is_down_arrives_exactly_once_when_it_returns() {
    let maildir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let (server, api, id) = clinic(json!({})).await;
    configure_smtp(&server, port).await;
    let state = server.running.as_ref().expect("running").state.clone();

    for (start, email) in [
        ("2026-03-31T08:00:00Z", "pat@example.org"),
        ("2026-03-31T09:00:00Z", "kim@example.org"),
    ] {
        let (status, made) = api
            .public_post("/api/v1/bookings", &booking(id, start, email))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{made}");
    }
    state.jobs.wake();
    let deadline = Instant::now() + StdDuration::from_secs(30);
    while pending_notify_jobs(&server).await < 2 {
        assert!(Instant::now() < deadline, "the sends never failed");
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    }

    let smtp_server = SmtpServer::start(port, &maildir.path().join("mail"));
    server.clock.advance(Duration::hours(1));
    state.jobs.wake();
    let arrived = wait_for_messages(&smtp_server.maildir, 2).await;
    // Later wake-ups with more time passed send nothing again.
    for _ in 0..3 {
        server.clock.advance(Duration::hours(7));
        state.jobs.wake();
        tokio::time::sleep(StdDuration::from_millis(200)).await;
    }
    let after = messages(&smtp_server.maildir);
    assert_eq!(after.len(), 2, "each message exactly once");
    let mut recipients: Vec<&str> = arrived.iter().filter_map(|m| m["to"][1].as_str()).collect();
    recipients.sort_unstable();
    assert_eq!(recipients, ["kim@example.org", "pat@example.org"]);
    assert_eq!(pending_notify_jobs(&server).await, 0);
    server.stop().await;
    smtp_server.stop();
}

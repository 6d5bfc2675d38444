//! Workflows: messages on booking changes and timed reminders, received by a real SMTP
//! server (aiosmtpd), with workflows made through the dashboard's forms.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, Utc};
use kairos::clock::Clock as _;
use kairos::db::DbError;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::api::{booking, clinic, consultation};
use crate::email::{SmtpServer, configure_smtp, free_port, mailed_clinic, messages};
use crate::support::*;
use crate::webhooks::{Received, Receiver, assert_signed, hooked_clinic};

/// A clinic (see [`clinic`]) whose mail goes to a real SMTP server writing into `maildir`.
struct Mailed {
    server: TestServer,
    api: crate::support::Api,
    id: i64,
    smtp: SmtpServer,
    maildir: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

async fn clinic_with_mail() -> Mailed {
    let dir = tempfile::tempdir().expect("tempdir");
    let maildir = dir.path().join("mail");
    let port = free_port();
    let smtp = SmtpServer::start(port, &maildir);
    let (server, api, id) = mailed_clinic(json!({})).await;
    configure_smtp(&server, port).await;
    Mailed {
        server,
        api,
        id,
        smtp,
        maildir,
        _dir: dir,
    }
}

/// A signed-in owner's browser.
pub(crate) async fn owner_browser(server: &TestServer) -> reqwest::Client {
    let client = browser();
    let response = sign_in(server, &client, OWNER_EMAIL, OWNER_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    client
}

/// Submits the new-workflow form; returns the response.
async fn submit_workflow(
    server: &TestServer,
    client: &reqwest::Client,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let csrf = csrf_from(client, &server.url("/dashboard/workflows/new")).await;
    let mut form: Vec<(&str, &str)> = vec![("csrf", csrf.as_str()), ("active", "on")];
    form.extend_from_slice(fields);
    client
        .post(server.url("/dashboard/workflows"))
        .form(&form)
        .send()
        .await
        .expect("answers")
}

/// Creates a workflow through the form, turned on for `event_types`; returns its id.
pub(crate) async fn create_workflow(
    server: &TestServer,
    client: &reqwest::Client,
    event_types: &[i64],
    fields: &[(&str, &str)],
) -> i64 {
    let checks: Vec<String> = event_types
        .iter()
        .map(|id| format!("eventType.{id}"))
        .collect();
    let mut all: Vec<(&str, &str)> = fields.to_vec();
    for name in &checks {
        all.push((name.as_str(), "on"));
    }
    let response = submit_workflow(server, client, &all).await;
    let status = response.status();
    let target = location(&response);
    let body = response.text().await.unwrap_or_default();
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    target
        .trim_start_matches("/dashboard/workflows/")
        .split('?')
        .next()
        .and_then(|id| id.parse().ok())
        .expect("redirected to the new workflow")
}

fn state(server: &TestServer) -> kairos::app::AppState {
    server.running.as_ref().expect("running").state.clone()
}

/// Workflow jobs as (dedupe key, status, due time).
async fn workflow_jobs(server: &TestServer) -> Vec<(String, String, DateTime<Utc>)> {
    state(server)
        .db
        .read(|conn| -> Result<_, DbError> {
            let mut stmt = conn.prepare(
                "SELECT dedupe_key, status, run_at FROM jobs WHERE kind = 'workflow' ORDER BY id",
            )?;
            let rows = stmt
                .query_map([], |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        row.get::<_, String>(1)?,
                        DateTime::from_timestamp(row.get(2)?, 0).unwrap_or_default(),
                    ))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
        .expect("jobs")
}

async fn booking_id(server: &TestServer, uid: &str) -> i64 {
    let uid = uid.to_string();
    state(server)
        .db
        .read(move |conn| -> Result<i64, DbError> {
            Ok(
                conn.query_row("SELECT id FROM bookings WHERE uid = ?1", [uid], |r| {
                    r.get(0)
                })?,
            )
        })
        .await
        .expect("booking")
}

/// The messages whose subject starts with `prefix`.
fn with_subject(maildir: &Path, prefix: &str) -> Vec<Value> {
    messages(maildir)
        .into_iter()
        .filter(|m| m["subject"].as_str().is_some_and(|s| s.starts_with(prefix)))
        .collect()
}

/// Waits until `count` messages with the subject prefix arrived, waking the worker.
async fn wait_for(server: &TestServer, maildir: &Path, prefix: &str, count: usize) -> Vec<Value> {
    let deadline = Instant::now() + StdDuration::from_secs(30);
    loop {
        state(server).jobs.wake();
        let found = with_subject(maildir, prefix);
        if found.len() >= count {
            return found;
        }
        assert!(
            Instant::now() < deadline,
            "{} of {count} messages {prefix:?} arrived",
            found.len()
        );
        tokio::time::sleep(StdDuration::from_millis(100)).await;
    }
}

/// Gives the worker time to send anything due, so a test can check nothing more came.
async fn settle(server: &TestServer) {
    for _ in 0..4 {
        state(server).jobs.wake();
        tokio::time::sleep(StdDuration::from_millis(150)).await;
    }
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .expect("instant")
}

fn manage_token(made: &Value) -> String {
    made["data"]["manageUrl"]
        .as_str()
        .and_then(|u| u.split("token=").nth(1))
        .expect("token")
        .to_string()
}

const BODY: &str = "{ATTENDEE_FIRST_NAME} <{ATTENDEE_EMAIL}> with {ORGANIZER}: {EVENT_DATE} \
{EVENT_TIME}-{EVENT_END_TIME} {TIMEZONE} at {LOCATION}. Reason [{REASON}] notes [{ADDITIONAL_NOTES}] \
cancel {CANCEL_URL}";

#[tokio::test]
async fn each_trigger_sends_its_message_with_the_variables_filled_in() {
    let Mailed {
        server,
        api,
        id: consultation_id,
        smtp,
        maildir,
        _dir,
    } = clinic_with_mail().await;
    let (status, intake) = api
        .post(
            "/api/v1/event-types",
            &consultation(
                json!({ "title": "Intake", "slug": "intake", "requiresConfirmation": true }),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{intake}");
    let intake_id = intake["data"]["id"].as_i64().expect("id");
    let client = owner_browser(&server).await;
    let both = [consultation_id, intake_id];
    for (trigger, action, target) in [
        ("NEW_EVENT", "EMAIL_ATTENDEE", ""),
        ("BOOKING_REQUESTED", "EMAIL_HOST", ""),
        ("RESCHEDULE_EVENT", "EMAIL_ADDRESS", "desk@clinic.example"),
        ("EVENT_CANCELLED", "EMAIL_ATTENDEE", ""),
        ("BOOKING_REJECTED", "EMAIL_ATTENDEE", ""),
    ] {
        let subject = format!("WF {trigger}: {{EVENT_NAME}} for {{ATTENDEE}}");
        create_workflow(
            &server,
            &client,
            &both,
            &[
                ("name", trigger),
                ("trigger", trigger),
                ("steps[0].action", action),
                ("steps[0].target", target),
                ("steps[0].subject", &subject),
                ("steps[0].body", BODY),
            ],
        )
        .await;
    }

    // Book, move, cancel; request and decline.
    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(consultation_id, "2026-03-31T08:00:00Z", "pat@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let uid = made["data"]["uid"].as_str().expect("uid").to_string();
    let new_event = wait_for(&server, &maildir, "WF NEW_EVENT", 1).await;
    let (status, moved) = api
        .public_post(
            &format!(
                "/api/v1/bookings/{uid}/reschedule?token={}",
                manage_token(&made)
            ),
            &json!({ "start": "2026-03-31T09:00:00Z" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{moved}");
    let moved_uid = moved["data"]["uid"].as_str().expect("uid").to_string();
    let (status, _) = api
        .post(&format!("/api/v1/bookings/{moved_uid}/cancel"), &json!({}))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, requested) = api
        .public_post(
            "/api/v1/bookings",
            &booking(intake_id, "2026-03-31T09:30:00Z", "kim@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{requested}");
    let request_uid = requested["data"]["uid"].as_str().expect("uid").to_string();
    wait_for(&server, &maildir, "WF BOOKING_REQUESTED", 1).await;
    let (status, _) = api
        .post(
            &format!("/api/v1/bookings/{request_uid}/reject"),
            &json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    wait_for(&server, &maildir, "WF ", 5).await;
    settle(&server).await;

    let all = with_subject(&maildir, "WF ");
    let one = |prefix: &str| -> Value {
        let found: Vec<&Value> = all
            .iter()
            .filter(|m| m["subject"].as_str().is_some_and(|s| s.starts_with(prefix)))
            .collect();
        assert_eq!(found.len(), 1, "exactly one {prefix} message: {all:#?}");
        found[0].clone()
    };
    let created = one("WF NEW_EVENT");
    assert_eq!(created, new_event[0]);
    assert_eq!(
        created["subject"],
        "WF NEW_EVENT: Consultation for Pat Patient"
    );
    assert_eq!(created["to"], json!(["Pat Patient", "pat@example.org"]));
    let text = created["text"].as_str().expect("text");
    // The attendee reads it in their zone and clock (New York: 08:00 UTC is 4:00am); minimum
    // necessary (on by default) leaves the answer and the notes out.
    assert!(
        text.starts_with(
            "Pat <pat@example.org> with Olivia Owner: Tuesday, 31 March 2026 4:00am-4:30am \
             America/New_York at 1 Harbor Street. Reason [] notes [] cancel "
        ),
        "{text}"
    );
    assert!(!text.contains("check-up"), "{text}");
    // The link in the message opens the attendee's booking page.
    let link = text
        .split("cancel ")
        .nth(1)
        .and_then(|rest| rest.split('#').next())
        .expect("a link")
        .trim()
        .to_string();
    assert!(
        link.starts_with(&server.url(&format!("/booking/{uid}?token="))),
        "{link}"
    );
    let page = reqwest::get(&link).await.expect("page");
    assert_eq!(page.status(), StatusCode::OK);

    let requested = one("WF BOOKING_REQUESTED");
    assert_eq!(
        requested["subject"],
        "WF BOOKING_REQUESTED: Intake for Pat Patient"
    );
    assert_eq!(requested["to"], json!(["Olivia Owner", OWNER_EMAIL]));
    assert!(
        requested["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("Pat <kim@example.org>"))
    );

    let rescheduled = one("WF RESCHEDULE_EVENT");
    assert_eq!(rescheduled["to"][1], "desk@clinic.example");
    let cancelled = one("WF EVENT_CANCELLED");
    assert_eq!(cancelled["to"][1], "pat@example.org");
    assert!(
        cancelled["text"]
            .as_str()
            .is_some_and(|t| t.contains("Tuesday, 31 March 2026 5:00am-5:30am America/New_York")),
        "the cancelled booking is the moved one: {cancelled}"
    );
    let rejected = one("WF BOOKING_REJECTED");
    assert_eq!(rejected["to"][1], "kim@example.org");
    assert_eq!(
        rejected["subject"],
        "WF BOOKING_REJECTED: Intake for Pat Patient"
    );
    server.stop().await;
    smtp.stop();
}

#[tokio::test]
async fn an_unknown_variable_is_refused_and_named() {
    let (server, _api, id) = clinic(json!({})).await;
    let client = owner_browser(&server).await;
    let before = server.count("workflows").await;
    let event_type = format!("eventType.{id}");
    let response = submit_workflow(
        &server,
        &client,
        &[
            ("name", "Typo"),
            ("trigger", "NEW_EVENT"),
            (&event_type, "on"),
            ("steps[0].action", "EMAIL_ATTENDEE"),
            ("steps[0].subject", "See you, {ATENDEE}"),
            (
                "steps[0].body",
                "Reason: {REASON}. Ask {DOCTOR} about {doctor}.",
            ),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.expect("page");
    assert!(page.contains("uses unknown variable {ATENDEE}"), "{page}");
    assert!(
        page.contains("uses unknown variable {DOCTOR}<"),
        "named once: {page}"
    );
    assert!(
        !page.contains("unknown variable {REASON}"),
        "a question key is known"
    );
    assert_eq!(server.count("workflows").await, before, "nothing saved");
    server.stop().await;
}

#[tokio::test]
async fn the_default_reminder_comes_with_event_types_and_is_sent_once_a_day_before() {
    let Mailed {
        server,
        api,
        id,
        smtp,
        maildir,
        _dir,
    } = clinic_with_mail().await;

    // The first event type made the owner's default reminder, turned on for it.
    let client = owner_browser(&server).await;
    let page = client
        .get(server.url("/dashboard/workflows"))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("body");
    assert!(page.contains("Reminder 24 hours before"), "{page}");
    assert!(
        page.contains("Before the meeting starts · 1 day<"),
        "{page}"
    );
    assert_eq!(server.count("workflows").await, 1);

    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-31T08:00:00Z", "pat@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let jobs = workflow_jobs(&server).await;
    assert_eq!(jobs.len(), 1, "{jobs:?}");
    assert_eq!(jobs[0].2, at("2026-03-30T08:00:00Z"));

    server
        .clock
        .advance(at("2026-03-30T07:59:00Z") - server.clock.now());
    settle(&server).await;
    assert!(
        with_subject(&maildir, "Reminder:").is_empty(),
        "not before its time"
    );

    server.clock.advance(Duration::minutes(2));
    let sent = wait_for(&server, &maildir, "Reminder:", 1).await;
    assert_eq!(sent[0]["to"], json!(["Pat Patient", "pat@example.org"]));
    assert_eq!(
        sent[0]["subject"],
        "Reminder: Consultation on Tuesday, 31 March 2026 at 4:00am"
    );
    let text = sent[0]["text"].as_str().expect("text");
    assert!(
        text.contains("with Olivia Owner on Tuesday, 31 March 2026 at 4:00am (America/New_York)"),
        "{text}"
    );
    server.clock.advance(Duration::hours(30));
    settle(&server).await;
    assert_eq!(with_subject(&maildir, "Reminder:").len(), 1, "exactly once");

    // A second event type gets the same reminder turned on; a deleted default stays deleted.
    let (status, second) = api
        .post(
            "/api/v1/event-types",
            &consultation(json!({ "title": "Follow-up", "slug": "follow-up" })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{second}");
    assert_eq!(server.count("workflow_event_types").await, 2);
    let workflow_id = state(&server)
        .db
        .read(|conn| -> Result<i64, DbError> {
            Ok(conn.query_row("SELECT id FROM workflows", [], |r| r.get(0))?)
        })
        .await
        .expect("id");
    // The clock moved past the session's lifetime: sign in again.
    let client = owner_browser(&server).await;
    let csrf = csrf_from(
        &client,
        &server.url(&format!("/dashboard/workflows/{workflow_id}")),
    )
    .await;
    let response = client
        .post(server.url(&format!("/dashboard/workflows/{workflow_id}/delete")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (status, _) = api
        .post(
            "/api/v1/event-types",
            &consultation(json!({ "title": "Third", "slug": "third" })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(server.count("workflows").await, 0, "not made again");
    server.stop().await;
    smtp.stop();
}

#[tokio::test]
async fn reminders_due_while_the_server_was_down_are_sent_exactly_once_after_a_restart() {
    let Mailed {
        mut server,
        api,
        id,
        smtp,
        maildir,
        _dir,
    } = clinic_with_mail().await;
    for (start, email) in [
        ("2026-03-31T08:00:00Z", "pat@example.org"),
        ("2026-03-31T09:00:00Z", "kim@example.org"),
        ("2026-04-01T08:00:00Z", "lee@example.org"),
    ] {
        let (status, made) = api
            .public_post("/api/v1/bookings", &booking(id, start, email))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{made}");
    }
    assert_eq!(workflow_jobs(&server).await.len(), 3);

    // Down while the first two come due.
    let running = server.running.take().expect("running");
    running.shutdown().await.expect("clean shutdown");
    server
        .clock
        .advance(at("2026-03-30T12:00:00Z") - server.clock.now());
    let clock = Arc::clone(&server.clock);
    let server = TestServer::start_with(server.dir, clock, &server.config).await;
    let sent = wait_for(&server, &maildir, "Reminder:", 2).await;
    settle(&server).await;
    let mut to: Vec<&str> = sent.iter().filter_map(|m| m["to"][1].as_str()).collect();
    to.sort_unstable();
    assert_eq!(to, ["kim@example.org", "pat@example.org"]);
    assert_eq!(with_subject(&maildir, "Reminder:").len(), 2, "each once");

    // And again across a second restart: nothing repeats, the third comes when due.
    let server = server.restart().await;
    server.clock.advance(Duration::days(1));
    let sent = wait_for(&server, &maildir, "Reminder:", 3).await;
    settle(&server).await;
    assert_eq!(with_subject(&maildir, "Reminder:").len(), 3);
    assert_eq!(
        sent.iter()
            .filter(|m| m["to"][1] == "lee@example.org")
            .count(),
        1
    );
    server.stop().await;
    smtp.stop();
}

#[tokio::test]
async fn a_reschedule_moves_the_reminder_and_a_cancel_removes_it() {
    let Mailed {
        server,
        api,
        id,
        smtp,
        maildir,
        _dir,
    } = clinic_with_mail().await;
    let (_, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-31T08:00:00Z", "pat@example.org"),
        )
        .await;
    let uid = made["data"]["uid"].as_str().expect("uid").to_string();
    let (_, other) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-31T09:00:00Z", "kim@example.org"),
        )
        .await;
    let other_uid = other["data"]["uid"].as_str().expect("uid").to_string();
    let old_id = booking_id(&server, &uid).await;

    let (status, moved) = api
        .public_post(
            &format!(
                "/api/v1/bookings/{uid}/reschedule?token={}",
                manage_token(&made)
            ),
            &json!({ "start": "2026-04-01T08:00:00Z" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{moved}");
    let new_id = booking_id(&server, moved["data"]["uid"].as_str().expect("uid")).await;
    let (status, _) = api
        .post(&format!("/api/v1/bookings/{other_uid}/cancel"), &json!({}))
        .await;
    assert_eq!(status, StatusCode::OK);

    let jobs = workflow_jobs(&server).await;
    let keys: Vec<&str> = jobs.iter().map(|(key, _, _)| key.as_str()).collect();
    assert_eq!(
        jobs.len(),
        1,
        "only the moved booking's reminder is left: {keys:?}"
    );
    assert!(
        jobs[0]
            .0
            .starts_with(&format!("workflow:booking:{new_id}:")),
        "{keys:?}"
    );
    assert_ne!(old_id, new_id);
    assert_eq!(
        jobs[0].2,
        at("2026-03-31T08:00:00Z"),
        "a day before the new time"
    );

    server
        .clock
        .advance(at("2026-03-30T10:30:00Z") - server.clock.now());
    settle(&server).await;
    assert!(
        with_subject(&maildir, "Reminder:").is_empty(),
        "no reminder for the old time or the cancelled booking"
    );
    server.clock.advance(Duration::days(1));
    let sent = wait_for(&server, &maildir, "Reminder:", 1).await;
    settle(&server).await;
    assert_eq!(with_subject(&maildir, "Reminder:").len(), 1);
    assert_eq!(
        sent[0]["subject"],
        "Reminder: Consultation on Wednesday, 1 April 2026 at 4:00am"
    );
    server.stop().await;
    smtp.stop();
}

#[tokio::test]
async fn a_booking_made_two_hours_ahead_gets_no_day_before_reminder() {
    let Mailed {
        server,
        api,
        id,
        smtp,
        maildir,
        _dir,
    } = clinic_with_mail().await;
    // The clock reads 08:00 UTC; the meeting is at 10:00 UTC (11:00 in Berlin).
    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-27T10:00:00Z", "pat@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    assert!(workflow_jobs(&server).await.is_empty());
    server.clock.advance(Duration::hours(3));
    settle(&server).await;
    wait_for(&server, &maildir, "Confirmed:", 1).await;
    assert!(with_subject(&maildir, "Reminder:").is_empty());
    server.stop().await;
    smtp.stop();
}

#[tokio::test]
async fn webhook_and_sms_steps_reach_local_receivers() {
    let (server, api, id) = hooked_clinic(json!({ "questions": [
        { "key": "reason", "type": "text", "label": "Reason for the visit", "required": true },
        { "key": "mobile", "type": "phone", "label": "Mobile number", "required": true }
    ] }))
    .await;
    let receiver = Receiver::start().await;
    let gateway = kairos::integrations::notify::sms::SmsGateway {
        url: format!("{}/sms", receiver.url),
        auth_header_name: "Authorization".into(),
        auth_header_value: Some("Bearer gateway-token".into()),
        body_template: r#"{"to": {to}, "text": {body}}"#.into(),
        body_format: kairos::integrations::notify::sms::BodyFormat::Json,
    };
    let (key, now) = (state(&server).key.clone(), server.clock.now());
    state(&server)
        .db
        .write(move |tx| -> Result<(), DbError> {
            kairos::integrations::notify::sms::save(tx, &key, &gateway, now).map_err(
                |err| match err {
                    kairos::integrations::notify::sms::SmsError::Db(err) => err,
                    other => panic!("{other}"),
                },
            )
        })
        .await
        .expect("gateway saved");

    let client = owner_browser(&server).await;
    let hook = format!("{}/hook", receiver.url);
    let unsigned = format!("{}/unsigned", receiver.url);
    let event_type = [id];
    create_workflow(
        &server,
        &client,
        &event_type,
        &[
            ("name", "Tell everyone"),
            ("trigger", "NEW_EVENT"),
            ("steps[0].action", "WEBHOOK"),
            ("steps[0].target", &hook),
            ("steps[0].secret", "wh-s3cret"),
            ("steps[1].action", "SMS_ATTENDEE"),
            (
                "steps[1].body",
                "Hi {ATTENDEE_FIRST_NAME}, {EVENT_NAME} on {EVENT_DATE} at {EVENT_TIME}. Reason [{REASON}]",
            ),
            ("steps[2].action", "SMS_NUMBER"),
            ("steps[2].target", "+49 30 1234567"),
            ("steps[2].body", "New: {EVENT_NAME} at {EVENT_TIME} {TIMEZONE}"),
        ],
    )
    .await;
    create_workflow(
        &server,
        &client,
        &event_type,
        &[
            ("name", "Cancellations"),
            ("trigger", "EVENT_CANCELLED"),
            ("steps[0].action", "WEBHOOK"),
            ("steps[0].target", &unsigned),
        ],
    )
    .await;
    let sealed: Vec<u8> = state(&server)
        .db
        .read(|conn| -> Result<Vec<u8>, DbError> {
            Ok(conn.query_row(
                "SELECT secret_sealed FROM workflow_steps WHERE secret_sealed IS NOT NULL",
                [],
                |row| row.get(0),
            )?)
        })
        .await
        .expect("one sealed secret");
    assert!(!String::from_utf8_lossy(&sealed).contains("wh-s3cret"));

    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &json!({
                "eventTypeId": id,
                "start": "2026-03-31T08:00:00Z",
                "attendee": { "name": "Pat Patient", "email": "pat@example.org", "timeZone": "America/New_York" },
                "answers": { "reason": "check-up", "mobile": "+1 555 123 4567" }
            }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let uid = made["data"]["uid"].as_str().expect("uid").to_string();
    let got = receiver.wait_for(&server, 3).await;
    let at_path =
        |path: &str| -> Vec<Received> { got.iter().filter(|r| r.path == path).cloned().collect() };

    let hooks = at_path("/hook");
    assert_eq!(hooks.len(), 1);
    assert_signed(&hooks[0], "wh-s3cret");
    let json = hooks[0].json();
    assert_eq!(json["triggerEvent"], "BOOKING_CREATED");
    assert_eq!(json["payload"]["uid"], uid.as_str());
    assert_eq!(json["payload"]["startTime"], "2026-03-31T08:00:00Z");
    assert!(
        !String::from_utf8_lossy(&hooks[0].body).contains("check-up"),
        "minimum necessary keeps answers out of the payload"
    );

    let mut texts: Vec<Value> = at_path("/sms")
        .iter()
        .map(|text| {
            assert_eq!(text.header("authorization"), "Bearer gateway-token");
            text.json()
        })
        .collect();
    texts.sort_by_key(|t| t["to"].as_str().unwrap_or_default().to_string());
    assert_eq!(
        texts,
        [
            json!({ "to": "+15551234567", "text": "Hi Pat, Consultation on Tuesday, 31 March 2026 at 4:00am. Reason []" }),
            json!({ "to": "+49301234567", "text": "New: Consultation at 08:00 UTC" }),
        ]
    );

    let (status, _) = api
        .post(&format!("/api/v1/bookings/{uid}/cancel"), &json!({}))
        .await;
    assert_eq!(status, StatusCode::OK);
    let got = receiver.wait_for(&server, 4).await;
    assert_eq!(got[3].path, "/unsigned");
    assert_eq!(
        got[3].header("x-cal-signature-256"),
        "",
        "no secret, no signature"
    );
    assert_eq!(got[3].json()["triggerEvent"], "BOOKING_CANCELLED");
    settle(&server).await;
    assert_eq!(receiver.all().len(), 4, "each once");
    receiver.stop();
    server.stop().await;
}

/// Posts a form of the workflow editor or its buttons, signed in as the owner.
async fn post_form(
    server: &TestServer,
    client: &reqwest::Client,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let csrf = csrf_from(client, &server.url(page)).await;
    let mut form: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
    form.extend_from_slice(fields);
    client
        .post(server.url(action))
        .form(&form)
        .send()
        .await
        .expect("answers")
}

#[tokio::test]
async fn saving_turning_off_and_on_plans_reminders_for_bookings_already_made() {
    let (server, api, id) = clinic(json!({})).await;
    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-31T08:00:00Z", "pat@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let booking = booking_id(&server, made["data"]["uid"].as_str().expect("uid")).await;
    let client = owner_browser(&server).await;
    let follow_up = create_workflow(
        &server,
        &client,
        &[id],
        &[
            ("name", "Follow-up"),
            ("trigger", "AFTER_EVENT"),
            ("offset", "2"),
            ("offsetUnit", "hours"),
            ("steps[0].action", "EMAIL_ATTENDEE"),
            ("steps[0].subject", "How was {EVENT_NAME}?"),
            ("steps[0].body", "Thank you, {ATTENDEE_FIRST_NAME}."),
        ],
    )
    .await;
    let planned = |jobs: &[(String, String, DateTime<Utc>)]| -> Vec<DateTime<Utc>> {
        jobs.iter().map(|(_, _, due)| *due).collect()
    };
    // The default reminder (a day before) and the new follow-up (2 h after the end).
    let jobs = workflow_jobs(&server).await;
    assert_eq!(
        planned(&jobs),
        [at("2026-03-30T08:00:00Z"), at("2026-03-31T10:30:00Z")]
    );
    assert!(
        jobs[1]
            .0
            .starts_with(&format!("workflow:booking:{booking}:"))
    );

    // A new offset moves the planned message.
    let page = format!("/dashboard/workflows/{follow_up}");
    let event_type = format!("eventType.{id}");
    let response = post_form(
        &server,
        &client,
        &page,
        &page,
        &[
            ("do", "save"),
            ("name", "Follow-up"),
            ("trigger", "AFTER_EVENT"),
            ("offset", "1"),
            ("offsetUnit", "days"),
            ("active", "on"),
            (&event_type, "on"),
            ("steps[0].action", "EMAIL_ATTENDEE"),
            ("steps[0].subject", "How was {EVENT_NAME}?"),
            ("steps[0].body", "Thank you, {ATTENDEE_FIRST_NAME}."),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let jobs = workflow_jobs(&server).await;
    assert_eq!(
        planned(&jobs),
        [at("2026-03-30T08:00:00Z"), at("2026-04-01T08:30:00Z")]
    );

    // Off removes it, on plans it again.
    let toggle = format!("/dashboard/workflows/{follow_up}/active");
    let response = post_form(&server, &client, &page, &toggle, &[("active", "off")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        planned(&workflow_jobs(&server).await),
        [at("2026-03-30T08:00:00Z")]
    );
    let response = post_form(&server, &client, &page, &toggle, &[("active", "on")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        planned(&workflow_jobs(&server).await),
        [at("2026-03-30T08:00:00Z"), at("2026-04-01T08:30:00Z")]
    );

    // Each change is in the audit log.
    let actions = state(&server)
        .db
        .read(|conn| -> Result<Vec<String>, DbError> {
            let mut stmt = conn.prepare(
                "SELECT action FROM audit_log WHERE action LIKE 'workflow_%' ORDER BY id",
            )?;
            let rows = stmt
                .query_map([], |row| row.get(0))?
                .collect::<Result<_, _>>()?;
            Ok(rows)
        })
        .await
        .expect("audit");
    assert_eq!(
        actions,
        [
            "workflow_created",
            "workflow_changed",
            "workflow_deactivated",
            "workflow_activated"
        ]
    );
    server.stop().await;
}

#[tokio::test]
async fn team_workflows_belong_to_the_team_and_cover_only_its_event_types() {
    let (server, api, personal) = clinic(json!({})).await;
    let (status, team) = api
        .post(
            "/api/v1/teams",
            &json!({ "slug": "physio", "name": "Physiotherapy" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{team}");
    let team_id = team["data"]["id"].as_i64().expect("team id");
    let owner_id = state(&server)
        .db
        .read(|conn| -> Result<i64, DbError> {
            Ok(kairos::db::users::by_email(conn, OWNER_EMAIL)?
                .expect("owner")
                .id)
        })
        .await
        .expect("owner");
    let (status, made) = api
        .post(
            "/api/v1/event-types",
            &json!({
                "title": "Physio session", "slug": "session", "durationsMinutes": [30],
                "teamId": team_id, "schedulingType": "collective",
                "hosts": [{ "userId": owner_id }]
            }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let team_event_type = made["data"]["id"].as_i64().expect("id");
    // The team got its own default reminder with its first event type.
    assert_eq!(server.count("workflows").await, 2);

    let client = owner_browser(&server).await;
    let page = client
        .get(server.url("/dashboard/workflows/new"))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("body");
    assert!(
        page.contains(&format!("value=\"team:{team_id}\"")),
        "{page}"
    );
    let team_owner = format!("team:{team_id}");
    let steps = [
        ("name", "Team follow-up"),
        ("trigger", "AFTER_EVENT"),
        ("offset", "1"),
        ("offsetUnit", "days"),
        ("steps[0].action", "EMAIL_HOST"),
        ("steps[0].subject", "Notes for {EVENT_NAME}"),
        ("steps[0].body", "Write up {ATTENDEE}."),
    ];
    // A personal event type is not the team's.
    let mut fields = vec![("owner", team_owner.as_str())];
    fields.extend_from_slice(&steps);
    let personal_box = format!("eventType.{personal}");
    fields.push((&personal_box, "on"));
    let response = submit_workflow(&server, &client, &fields).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.expect("page");
    assert!(
        body.contains("Event types must be event types of the workflow"),
        "{body}"
    );

    fields.pop();
    let team_box = format!("eventType.{team_event_type}");
    fields.push((&team_box, "on"));
    let response = submit_workflow(&server, &client, &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let owner = state(&server)
        .db
        .read(|conn| -> Result<(Option<i64>, Option<i64>), DbError> {
            Ok(conn.query_row(
                "SELECT owner_user_id, owner_team_id FROM workflows WHERE name = 'Team follow-up'",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )?)
        })
        .await
        .expect("owner");
    assert_eq!(owner, (None, Some(team_id)));
    server.stop().await;
}

#[tokio::test]
async fn a_reminder_for_a_booking_with_an_older_random_token_carries_a_working_link() {
    let Mailed {
        server,
        api,
        id,
        smtp,
        maildir,
        _dir,
    } = clinic_with_mail().await;
    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-31T08:00:00Z", "pat@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let uid = made["data"]["uid"].as_str().expect("uid").to_string();
    // As bookings made before manage tokens were derived: a random token's hash.
    let stored = uid.clone();
    state(&server)
        .db
        .write(move |tx| -> Result<usize, DbError> {
            Ok(tx.execute(
                "UPDATE bookings SET manage_token_hash = randomblob(32) WHERE uid = ?1",
                [stored],
            )?)
        })
        .await
        .expect("updated");

    server
        .clock
        .advance(at("2026-03-30T08:01:00Z") - server.clock.now());
    let sent = wait_for(&server, &maildir, "Reminder:", 1).await;
    let text = sent[0]["text"].as_str().expect("text");
    let link = text
        .split("pick another time: ")
        .nth(1)
        .and_then(|rest| rest.split('#').next())
        .expect("a link")
        .trim()
        .to_string();
    assert!(
        link.starts_with(&server.url(&format!("/booking/{uid}?token="))),
        "{text}"
    );
    let page = reqwest::get(&link).await.expect("page");
    assert_eq!(
        page.status(),
        StatusCode::OK,
        "the message's own link opens the page"
    );
    let forged = reqwest::get(server.url(&format!("/booking/{uid}?token=forged")))
        .await
        .expect("page");
    assert_ne!(
        forged.status(),
        StatusCode::OK,
        "any other token is refused"
    );
    assert_eq!(server.count("booking_links").await, 1);
    server.stop().await;
    smtp.stop();
}

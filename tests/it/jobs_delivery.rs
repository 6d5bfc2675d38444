//! The job queue against mail servers that misbehave, as operators meet them: one that
//! stores a message and confirms it late, one that hangs up after storing it, one that
//! never answers. Real aiosmtpd servers (tests/smtp/modes.py), a real webhook receiver,
//! and the test clock for everything that is not a network timeout.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, Utc};
use kairos::clock::Clock as _;
use kairos::db::DbError;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::api::{booking, clinic_with_config};
use crate::email::{SmtpServer, configure_smtp, free_port, messages};
use crate::support::*;
use crate::webhooks::{ALLOW_LOOPBACK, Receiver, hooked_clinic};
use crate::workflows::{create_workflow, owner_browser};

/// The email jobs as (status, attempts), by id.
async fn email_jobs(server: &TestServer) -> BTreeMap<i64, (String, u32)> {
    let state = server.running.as_ref().expect("running").state.clone();
    state
        .db
        .read(|conn| -> Result<_, DbError> {
            let mut stmt =
                conn.prepare("SELECT id, status, attempts FROM jobs WHERE kind = 'email'")?;
            let rows = stmt
                .query_map([], |row| Ok((row.get(0)?, (row.get(1)?, row.get(2)?))))?
                .collect::<Result<BTreeMap<_, _>, _>>()?;
            Ok(rows)
        })
        .await
        .expect("email jobs")
}

/// Waits (in real time, up to `seconds`) until there are `count` email jobs and each
/// satisfies `done`, waking the worker meanwhile.
async fn wait_for_email_jobs(
    server: &TestServer,
    count: usize,
    seconds: u64,
    done: impl Fn(&str, u32) -> bool,
) -> BTreeMap<i64, (String, u32)> {
    let state = server.running.as_ref().expect("running").state.clone();
    let deadline = Instant::now() + StdDuration::from_secs(seconds);
    loop {
        let jobs = email_jobs(server).await;
        if jobs.len() == count
            && jobs
                .values()
                .all(|(status, attempts)| done(status, *attempts))
        {
            return jobs;
        }
        assert!(Instant::now() < deadline, "email jobs stayed at {jobs:?}");
        state.jobs.wake();
        tokio::time::sleep(StdDuration::from_millis(100)).await;
    }
}

/// Moves the test clock `hours` forward, six hours at a time, waking the worker, so
/// anything that would retry gets its chance. (Bookings here are four days ahead; the
/// default reminder goes out the day before, so stay under three days.)
async fn let_hours_pass(server: &TestServer, hours: i64) {
    let state = server.running.as_ref().expect("running").state.clone();
    for _ in 0..hours / 6 {
        server.clock.advance(Duration::hours(6));
        state.jobs.wake();
        tokio::time::sleep(StdDuration::from_millis(200)).await;
    }
}

/// The Message-IDs in `maildir`, by recipient.
fn ids_by_recipient(maildir: &Path) -> BTreeMap<String, Vec<String>> {
    let mut by_recipient: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for message in messages(maildir) {
        let to = message["to"][1].as_str().unwrap_or_default().to_string();
        let id = message["messageId"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        assert!(!id.is_empty(), "every message has a Message-ID: {message}");
        by_recipient.entry(to).or_default().push(id);
    }
    by_recipient
}

async fn book(api: &Api, id: i64, start: &str) -> Value {
    let (status, made) = api
        .public_post("/api/v1/bookings", &booking(id, start, "pat@example.org"))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    made
}

/// RFC 5321 gives a server ten minutes to confirm a message it is storing. One that
/// confirms after 70 seconds used to be sent each message twice (the job gave up after
/// 60 seconds and tried again); now each arrives once.
#[tokio::test]
async fn a_server_that_confirms_after_70_seconds_gets_each_message_once() {
    let maildir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let smtp = SmtpServer::start_mode(port, &maildir.path().join("mail"), "late", 70);
    let (server, api, id) = clinic_with_config(json!({}), ALLOW_LOOPBACK).await;
    configure_smtp(&server, port).await;
    book(&api, id, "2026-03-31T08:00:00Z").await;

    let jobs = wait_for_email_jobs(&server, 2, 200, |status, _| status == "done").await;
    assert!(
        jobs.values().all(|(_, attempts)| *attempts == 1),
        "one attempt each: {jobs:?}"
    );
    let_hours_pass(&server, 60).await;
    let ids = ids_by_recipient(&smtp.maildir);
    assert_eq!(ids.len(), 2, "{ids:?}");
    for (recipient, copies) in &ids {
        assert_eq!(copies.len(), 1, "{recipient} got {copies:?}");
    }
    server.stop().await;
    smtp.stop();
}

/// A server that stores a message and hangs up before confirming it: Kairos cannot know
/// the message was kept, so it sends it again — with the same Message-ID, by which the
/// mailbox recognises the copy.
#[tokio::test]
async fn a_message_whose_confirmation_was_lost_is_sent_again_with_the_same_message_id() {
    let maildir = tempfile::tempdir().expect("tempdir");
    let mail = maildir.path().join("mail");
    let port = free_port();
    let dropping = SmtpServer::start_mode(port, &mail, "drop", 0);
    let (server, api, id) = clinic_with_config(json!({}), ALLOW_LOOPBACK).await;
    configure_smtp(&server, port).await;
    book(&api, id, "2026-03-31T08:00:00Z").await;

    wait_for_email_jobs(&server, 2, 60, |status, attempts| {
        status == "pending" && attempts == 1
    })
    .await;
    dropping.stop();
    let smtp = SmtpServer::start_mode(port, &mail, "ok", 0);
    server.clock.advance(Duration::minutes(2));
    wait_for_email_jobs(&server, 2, 60, |status, _| status == "done").await;
    let_hours_pass(&server, 48).await;

    let ids = ids_by_recipient(&mail);
    assert_eq!(ids.len(), 2, "{ids:?}");
    let mut distinct = Vec::new();
    for (recipient, copies) in &ids {
        assert_eq!(copies.len(), 2, "{recipient}: stored, then sent again");
        assert_eq!(
            copies[0], copies[1],
            "{recipient}: one Message-ID for both copies"
        );
        distinct.push(copies[0].clone());
    }
    assert_ne!(distinct[0], distinct[1], "each message has its own id");
    server.stop().await;
    smtp.stop();
}

/// The workflow job calling `path` on the receiver, as (status, updated).
async fn webhook_step_job(server: &TestServer) -> Option<(String, DateTime<Utc>)> {
    let state = server.running.as_ref().expect("running").state.clone();
    state
        .db
        .read(|conn| -> Result<_, DbError> {
            let mut stmt = conn.prepare(
                "SELECT status, updated_at FROM jobs WHERE kind = 'workflow' AND lane = 'webhooks'",
            )?;
            let rows = stmt
                .query_map([], |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        DateTime::from_timestamp(row.get(1)?, 0).unwrap_or_default(),
                    ))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows.into_iter().next())
        })
        .await
        .expect("workflow job")
}

/// A mail server that accepts connections and never answers holds the email lanes, and
/// nothing else: the booking's webhook goes out at once, and a reminder that calls a
/// webhook an hour before the meeting goes out on the second it is due.
#[tokio::test]
async fn a_hung_mail_server_delays_neither_a_webhook_nor_a_reminder() {
    let maildir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let hung = SmtpServer::start_mode(port, &maildir.path().join("mail"), "hang", 0);
    let (server, api, id) = hooked_clinic(json!({})).await;
    configure_smtp(&server, port).await;
    let receiver = Receiver::start().await;
    let (status, body) = api
        .post(
            "/api/v1/webhooks",
            &json!({ "url": format!("{}/booked", receiver.url), "triggers": ["BOOKING_CREATED"] }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let client = owner_browser(&server).await;
    let reminder_url = format!("{}/reminder", receiver.url);
    create_workflow(
        &server,
        &client,
        &[id],
        &[
            ("name", "Front desk reminder"),
            ("trigger", "BEFORE_EVENT"),
            ("offset", "1"),
            ("offsetUnit", "hours"),
            ("steps[0].action", "WEBHOOK"),
            ("steps[0].target", &reminder_url),
        ],
    )
    .await;

    book(&api, id, "2026-03-31T08:00:00Z").await;
    let booked = receiver.wait_for(&server, 1).await;
    assert_eq!(booked[0].path, "/booked");
    // Meanwhile the booking's emails are stuck on the silent server.
    wait_for_email_jobs(&server, 2, 30, |status, _| status == "running").await;

    // An hour before the meeting: the reminder webhook is due, and so is the default
    // email reminder of the day before, which joins the hung mail.
    let due: DateTime<Utc> = "2026-03-31T07:00:00Z".parse().expect("instant");
    server.clock.set(due);
    let calls = receiver.wait_for(&server, 2).await;
    assert_eq!(calls[1].path, "/reminder");
    assert_eq!(
        webhook_step_job(&server).await,
        Some(("done".to_string(), due)),
        "sent on the second it was due"
    );
    assert!(
        email_jobs(&server)
            .await
            .values()
            .all(|(status, _)| status == "running"),
        "the mail is still hung"
    );
    server.stop().await;
    receiver.stop();
    hung.stop();
}

/// A clinic like [`clinic`] whose server runs with `extra` lines of configuration.
async fn clinic_configured(extra: &str) -> (TestServer, Api, i64) {
    let server = TestServer::with_owner_and_config(&format!("{ALLOW_LOOPBACK}{extra}")).await;
    let api = server.api().await;
    let (status, body) = api
        .post("/api/v1/schedules", &crate::api::berlin_mornings())
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (status, body) = api
        .post("/api/v1/event-types", &crate::api::consultation(json!({})))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["data"]["id"].as_i64().expect("id");
    (server, api, id)
}

/// Moves the test clock `hours` forward an hour at a time, letting the worker do what
/// falls due at each step.
async fn through_hours(server: &TestServer, hours: i64) {
    for _ in 0..hours {
        server.clock.advance(Duration::hours(1));
        server.settle_jobs().await;
    }
}

/// A mail server that refuses everything (451) over two days: the messages used to die
/// after about an hour of tries; now they wait, and arrive once within the hour after
/// the server is back.
#[tokio::test]
async fn a_mail_outage_of_two_days_is_survived_and_each_message_arrives_once() {
    let maildir = tempfile::tempdir().expect("tempdir");
    let mail = maildir.path().join("mail");
    let port = free_port();
    let refusing = SmtpServer::start_mode(port, &mail, "refuse", 0);
    let (server, api, id) = clinic_with_config(json!({}), ALLOW_LOOPBACK).await;
    configure_smtp(&server, port).await;
    book(&api, id, "2026-03-31T08:00:00Z").await;
    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-31T09:00:00Z", "kim@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    wait_for_email_jobs(&server, 4, 30, |status, attempts| {
        status == "pending" && attempts >= 1
    })
    .await;

    through_hours(&server, 48).await;
    let waiting = email_jobs(&server).await;
    for (status, attempts) in waiting.values() {
        assert_eq!(
            status, "pending",
            "still retried after two days: {waiting:?}"
        );
        assert!(*attempts > 8, "more than the old eight tries: {waiting:?}");
    }
    assert!(messages(&mail).is_empty());

    refusing.stop();
    let smtp = SmtpServer::start_mode(port, &mail, "ok", 0);
    let back = server.clock.now();
    // Retries are at most an hour apart: within the hour everything arrived.
    server.clock.advance(Duration::hours(1));
    server.settle_jobs().await;
    wait_for_email_jobs(&server, 4, 30, |status, _| status == "done").await;
    assert!(server.clock.now() - back <= Duration::hours(1));
    through_hours(&server, 12).await;
    let ids = ids_by_recipient(&mail);
    let mut recipients: Vec<&str> = ids.keys().map(String::as_str).collect();
    recipients.sort_unstable();
    assert_eq!(
        recipients,
        ["kim@example.org", OWNER_EMAIL, "pat@example.org"]
    );
    assert_eq!(ids[OWNER_EMAIL].len(), 2, "one per booking");
    assert_eq!(ids["pat@example.org"].len(), 1);
    assert_eq!(ids["kim@example.org"].len(), 1);
    server.stop().await;
    smtp.stop();
}

async fn workflow_job(server: &TestServer) -> (String, Option<String>) {
    let state = server.running.as_ref().expect("running").state.clone();
    state
        .db
        .read(|conn| -> Result<_, DbError> {
            Ok(conn.query_row(
                "SELECT status, last_error FROM jobs WHERE kind = 'workflow'",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )?)
        })
        .await
        .expect("the reminder job")
}

/// The day-before reminder of a meeting whose mail server was down until after the
/// meeting began is not sent late: it is dead, and says why. The booking's own messages,
/// retried for five days here (`job_retry_hours`), arrive once the server is back.
#[tokio::test]
async fn a_reminder_that_could_not_be_sent_before_the_meeting_is_dropped_saying_why() {
    let maildir = tempfile::tempdir().expect("tempdir");
    let mail = maildir.path().join("mail");
    let port = free_port();
    let refusing = SmtpServer::start_mode(port, &mail, "refuse", 0);
    let (server, api, id) = clinic_configured("job_retry_hours = 120\n").await;
    configure_smtp(&server, port).await;
    book(&api, id, "2026-03-31T08:00:00Z").await;

    // The reminder falls due on the 30th at 08:00 and fails until the meeting began.
    let started: DateTime<Utc> = "2026-03-31T08:00:00Z".parse().expect("instant");
    while server.clock.now() < started + Duration::minutes(30) {
        server.clock.advance(Duration::minutes(30));
        server.settle_jobs().await;
    }
    refusing.stop();
    let smtp = SmtpServer::start_mode(port, &mail, "ok", 0);
    through_hours(&server, 2).await;

    let (status, last_error) = workflow_job(&server).await;
    assert_eq!(status, "dead");
    assert_eq!(
        last_error.as_deref(),
        Some("not sent: the meeting began before the reminder could be sent")
    );
    wait_for_email_jobs(&server, 2, 30, |status, _| status == "done").await;
    let arrived = messages(&mail);
    assert_eq!(arrived.len(), 2, "the booking's two messages, no reminder");
    assert!(
        arrived.iter().all(|m| !m["subject"]
            .as_str()
            .unwrap_or_default()
            .starts_with("Reminder")),
        "{arrived:#?}"
    );
    server.stop().await;
    smtp.stop();
}

/// Jobs that died while the mail server was down are all sent again with one click on
/// Admin → Background jobs, each retry audited.
#[tokio::test]
async fn dead_jobs_are_retried_in_bulk_from_the_jobs_page_and_audited() {
    let maildir = tempfile::tempdir().expect("tempdir");
    let mail = maildir.path().join("mail");
    let port = free_port();
    let refusing = SmtpServer::start_mode(port, &mail, "refuse", 0);
    let (server, api, id) = clinic_configured("job_retry_hours = 2\n").await;
    configure_smtp(&server, port).await;
    book(&api, id, "2026-03-31T08:00:00Z").await;
    wait_for_email_jobs(&server, 2, 30, |status, _| status != "running").await;
    through_hours(&server, 3).await;
    let dead = wait_for_email_jobs(&server, 2, 30, |status, _| status == "dead").await;

    let client = browser();
    sign_in(&server, &client, OWNER_EMAIL, OWNER_PASSWORD).await;
    let page = client
        .get(server.url("/dashboard/admin/jobs"))
        .send()
        .await
        .expect("jobs page")
        .text()
        .await
        .expect("body");
    assert!(page.contains("gave up after 2 hours of failures"), "{page}");
    assert!(
        page.contains("(451): 4.3.0"),
        "the server's own words: {page}"
    );
    assert!(!page.contains("pat@example.org"), "no patient data");
    assert!(
        page.contains("action=\"/dashboard/admin/jobs/retry-dead\""),
        "{page}"
    );

    refusing.stop();
    let smtp = SmtpServer::start_mode(port, &mail, "ok", 0);
    let response = client
        .post(server.url("/dashboard/admin/jobs/retry-dead"))
        .form(&[("csrf", csrf_of(&page).as_str())])
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&response),
        "/dashboard/admin/jobs?notice=jobs-retried"
    );
    wait_for_email_jobs(&server, 2, 30, |status, _| status == "done").await;
    assert_eq!(messages(&mail).len(), 2);

    let state = server.running.as_ref().expect("running").state.clone();
    let audited = state
        .db
        .read(|conn| -> Result<_, DbError> { Ok(kairos::audit::find(conn, "job_retried")?) })
        .await
        .expect("audit");
    let mut objects: Vec<String> = audited
        .iter()
        .filter_map(|row| row.object.clone())
        .collect();
    objects.sort_unstable();
    let expected: Vec<String> = dead.keys().map(|id| format!("job:{id}")).collect();
    assert_eq!(objects, expected);

    // Nothing left dead: the button says so.
    let again = client
        .post(server.url("/dashboard/admin/jobs/retry-dead"))
        .form(&[("csrf", csrf_of(&page).as_str())])
        .send()
        .await
        .expect("answers");
    assert_eq!(
        location(&again),
        "/dashboard/admin/jobs?notice=no-dead-jobs"
    );
    server.stop().await;
    smtp.stop();
}

const METRICS_TOKEN: &str = "scrape-token-0123456789abcdef";

/// While the mail server refuses, administrators see it on the dashboard, a scraper sees
/// it in `/metrics`, and `kairos doctor` warns; all without naming a patient.
#[tokio::test]
async fn failing_jobs_show_on_the_dashboard_in_metrics_and_in_doctor() {
    let maildir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let refusing = SmtpServer::start_mode(port, &maildir.path().join("mail"), "refuse", 0);
    let (server, api, id) =
        clinic_configured(&format!("metrics_token = \"{METRICS_TOKEN}\"\n")).await;
    configure_smtp(&server, port).await;

    let client = browser();
    sign_in(&server, &client, OWNER_EMAIL, OWNER_PASSWORD).await;
    let page = |path: &'static str| {
        let (client, url) = (client.clone(), server.url(path));
        async move {
            client
                .get(url)
                .send()
                .await
                .expect("page")
                .text()
                .await
                .expect("body")
        }
    };
    assert!(
        !page("/dashboard").await.contains("data-jobs-trouble"),
        "all is well"
    );

    book(&api, id, "2026-03-31T08:00:00Z").await;
    wait_for_email_jobs(&server, 2, 30, |status, attempts| {
        status == "pending" && attempts >= 1
    })
    .await;

    for path in ["/dashboard", "/dashboard/admin", "/dashboard/admin/jobs"] {
        let html = page(path).await;
        assert!(html.contains("data-jobs-trouble"), "{path}: {html}");
        assert!(
            html.contains("Background jobs are failing: </strong>2 failing (email 2)."),
            "{path}: {html}"
        );
        assert!(!html.contains("pat@example.org"), "{path}");
    }

    let metrics = reqwest::Client::new()
        .get(server.url("/metrics"))
        .bearer_auth(METRICS_TOKEN)
        .send()
        .await
        .expect("scrape")
        .text()
        .await
        .expect("body");
    for line in [
        "kairos_jobs{kind=\"email\",state=\"failing\"} 2\n",
        "kairos_jobs{kind=\"email\",state=\"dead\"} 0\n",
        "kairos_job_failures_total{kind=\"email\"} 2\n",
        "kairos_jobs_oldest_due_seconds{lane=\"email\"} 0\n",
        "kairos_jobs_oldest_due_seconds{lane=\"webhooks\"} 0\n",
    ] {
        assert!(metrics.contains(line), "{line}: {metrics}");
    }

    let dir = server.stop_keeping_dir().await;
    refusing.stop();
    let (ok, out) =
        crate::backup::run(crate::backup::kairos_cli(&dir.path().join("data")).arg("doctor"));
    let jobs = out
        .lines()
        .find(|line| line.get(6..).is_some_and(|rest| rest.starts_with("jobs")))
        .unwrap_or_default();
    assert!(jobs.starts_with("WARN"), "{out}");
    assert!(
        jobs.contains("background jobs are failing: 2 failing (email 2); the oldest retried since 2026-03-27 08:00 UTC"),
        "{out}"
    );
    assert!(out.contains("Admin → Background jobs"), "{out}");
    assert!(ok, "a warning keeps the exit status zero: {out}");
}

/// `kairos serve` as a process on `data`, listening on `port`.
fn serve(data: &Path, port: u16) -> std::process::Child {
    let child = crate::backup::kairos_cli(data)
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .env("KAIROS_LOG_LEVEL", "warn")
        .env("KAIROS_OUTBOUND_ALLOW_LOOPBACK", "true")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("kairos starts");
    let deadline = Instant::now() + StdDuration::from_secs(30);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "kairos did not listen");
        std::thread::sleep(StdDuration::from_millis(50));
    }
    child
}

/// Waits (real time) until `count` messages are in `maildir`.
async fn wait_for_stored(maildir: &Path, count: usize) {
    let deadline = Instant::now() + StdDuration::from_secs(60);
    while messages(maildir).len() < count {
        assert!(
            Instant::now() < deadline,
            "{} of {count} messages stored",
            messages(maildir).len()
        );
        tokio::time::sleep(StdDuration::from_millis(100)).await;
    }
}

/// `kill -9` while the mail server is storing the booking's messages: the next start
/// sends them again at once (not after a lease of minutes), each with the Message-ID of
/// the copy the server already kept.
#[tokio::test]
async fn a_server_killed_mid_send_sends_again_at_the_next_start_with_the_same_message_id() {
    use chrono::TimeZone as _;

    let maildir = tempfile::tempdir().expect("tempdir");
    let mail = maildir.path().join("mail");
    let smtp_port = free_port();
    let slow = SmtpServer::start_mode(smtp_port, &mail, "late", 600);
    let (server, _api, id) = clinic_with_config(json!({}), ALLOW_LOOPBACK).await;
    configure_smtp(&server, smtp_port).await;
    let dir = server.stop_keeping_dir().await;
    let data = dir.path().join("data");

    // The real binary on the real clock: a booking a week from now, 10:00 in Berlin.
    let port = free_port();
    let mut process = serve(&data, port);
    let day = (Utc::now() + Duration::days(7)).date_naive();
    let start = chrono_tz::Europe::Berlin
        .from_local_datetime(&day.and_hms_opt(10, 0, 0).expect("10:00"))
        .single()
        .expect("one 10:00")
        .with_timezone(&Utc)
        .to_rfc3339();
    let response = reqwest::Client::new()
        .post(format!("http://127.0.0.1:{port}/api/v1/bookings"))
        .json(&booking(id, &start, "pat@example.org"))
        .send()
        .await
        .expect("booking answers");
    assert_eq!(response.status(), StatusCode::CREATED);

    // Both messages are stored; the server has not confirmed them yet. Kill.
    wait_for_stored(&mail, 2).await;
    process.kill().expect("kill -9");
    process.wait().expect("killed");
    slow.stop();

    let smtp = SmtpServer::start_mode(smtp_port, &mail, "ok", 0);
    let mut process = serve(&data, port);
    wait_for_stored(&mail, 4).await;
    let _ = std::process::Command::new("kill")
        .args(["-TERM", &process.id().to_string()])
        .status();
    process.wait().expect("stopped");
    smtp.stop();

    let ids = ids_by_recipient(&mail);
    assert_eq!(ids.len(), 2, "{ids:?}");
    for (recipient, copies) in &ids {
        assert_eq!(copies.len(), 2, "{recipient}: kept, then sent again");
        assert_eq!(copies[0], copies[1], "{recipient}: one Message-ID");
    }
    let conn = open_database(&data.join("kairos.db"), &data);
    let jobs: Vec<(String, u32)> = conn
        .prepare("SELECT status, attempts FROM jobs WHERE kind = 'email'")
        .and_then(|mut stmt| {
            stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
                .collect()
        })
        .expect("email jobs");
    assert_eq!(jobs, [("done".to_string(), 2), ("done".to_string(), 2)]);
}

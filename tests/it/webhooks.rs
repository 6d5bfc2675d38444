//! Webhooks delivered to a real HTTP receiver started by the test, their signatures
//! checked by an independent HMAC (Python's standard library), and the outbound guard.
//!
//! The guard always refuses loopback, so these servers run with the config key
//! `outbound_allow_loopback = true` (for tests only: this sandbox has no other local
//! address to put a receiver on). The guard's refusals are tested on servers without it.

use std::process::Command;
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration as StdDuration, Instant};

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode as AxumStatus, Uri};
use chrono::Duration;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::api::{berlin_mornings, booking, clinic_with_config};
use crate::support::*;

pub(crate) const ALLOW_LOOPBACK: &str = "outbound_allow_loopback = true\n";

/// One request a receiver got.
#[derive(Debug, Clone)]
pub(crate) struct Received {
    pub path: String,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Received {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("the body is JSON")
    }

    pub fn header(&self, name: &str) -> String {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    }
}

/// An HTTP server on loopback that records every request and answers with `status`.
pub(crate) struct Receiver {
    pub url: String,
    pub received: Arc<Mutex<Vec<Received>>>,
    pub status: Arc<AtomicU16>,
    pub answer: Arc<Mutex<String>>,
    task: tokio::task::JoinHandle<()>,
}

impl Receiver {
    pub async fn start() -> Self {
        Self::start_on(0).await
    }

    pub async fn start_on(port: u16) -> Self {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .expect("the receiver listens");
        let address = listener.local_addr().expect("address");
        let received: Arc<Mutex<Vec<Received>>> = Arc::default();
        let status = Arc::new(AtomicU16::new(200));
        let answer = Arc::new(Mutex::new(String::from("{\"ok\":true}")));
        let (log, code, text) = (received.clone(), status.clone(), answer.clone());
        let app = axum::Router::new().fallback(move |uri: Uri, headers: HeaderMap, body: Bytes| {
            let (log, code, text) = (log.clone(), code.clone(), text.clone());
            async move {
                log.lock().expect("lock").push(Received {
                    path: uri.path().to_string(),
                    headers,
                    body: body.to_vec(),
                });
                let status =
                    AxumStatus::from_u16(code.load(Ordering::SeqCst)).unwrap_or(AxumStatus::OK);
                (status, text.lock().expect("lock").clone())
            }
        });
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Self {
            url: format!("http://{address}"),
            received,
            status,
            answer,
            task,
        }
    }

    pub fn all(&self) -> Vec<Received> {
        self.received.lock().expect("lock").clone()
    }

    /// Waits until `count` requests arrived, waking the job worker meanwhile.
    pub async fn wait_for(&self, server: &TestServer, count: usize) -> Vec<Received> {
        let state = server.running.as_ref().expect("running").state.clone();
        let deadline = Instant::now() + StdDuration::from_secs(30);
        loop {
            let found = self.all();
            if found.len() >= count {
                return found;
            }
            assert!(
                Instant::now() < deadline,
                "{} of {count} requests arrived",
                found.len()
            );
            state.jobs.wake();
            tokio::time::sleep(StdDuration::from_millis(50)).await;
        }
    }

    pub fn stop(self) {
        self.task.abort();
    }
}

/// HMAC-SHA256 of `body` under `secret`, computed by Python's standard library.
fn python_hmac(secret: &str, body: &[u8]) -> String {
    let file = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(file.path(), body).expect("write body");
    let output = Command::new("python3")
        .args([
            "-c",
            "import hmac, hashlib, sys; print(hmac.new(sys.argv[1].encode(), open(sys.argv[2], 'rb').read(), hashlib.sha256).hexdigest())",
            secret,
        ])
        .arg(file.path())
        .output()
        .expect("python3 runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

pub(crate) fn assert_signed(received: &Received, secret: &str) {
    assert_eq!(
        received.header("x-cal-signature-256"),
        python_hmac(secret, &received.body),
        "the signature is the HMAC of the raw body"
    );
    assert_eq!(received.header("content-type"), "application/json");
}

/// A server that may reach loopback, with the owner's schedule and one event type.
pub(crate) async fn hooked_clinic(extra: Value) -> (TestServer, Api, i64) {
    clinic_with_config(extra, ALLOW_LOOPBACK).await
}

const SECRET: &str = "whsec-clinic-0123456789";

async fn subscribe(api: &Api, receiver: &Receiver, triggers: &[&str]) -> i64 {
    let (status, body) = api
        .post(
            "/api/v1/webhooks",
            &json!({ "url": format!("{}/hooks/kairos", receiver.url), "triggers": triggers, "secret": SECRET }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert!(body.get("secret").is_none(), "a given secret is not echoed");
    body["data"]["id"].as_i64().expect("id")
}

async fn pending_jobs(server: &TestServer, key_prefix: &'static str) -> i64 {
    let db = server.running.as_ref().expect("running").state.db.clone();
    db.read(move |conn| -> Result<i64, kairos::db::DbError> {
        Ok(conn.query_row(
            "SELECT count(*) FROM jobs WHERE status = 'pending' AND dedupe_key LIKE ?1",
            [format!("{key_prefix}%")],
            |r| r.get(0),
        )?)
    })
    .await
    .expect("count")
}

async fn audit_actions(server: &TestServer, prefix: &'static str) -> Vec<String> {
    let db = server.running.as_ref().expect("running").state.db.clone();
    db.read(move |conn| -> Result<Vec<String>, kairos::db::DbError> {
        let mut stmt =
            conn.prepare("SELECT action FROM audit_log WHERE action LIKE ?1 ORDER BY id")?;
        let rows = stmt
            .query_map([format!("{prefix}%")], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    })
    .await
    .expect("audit rows")
}

#[tokio::test]
async fn book_reschedule_cancel_reach_the_receiver_signed_and_without_answers() {
    let receiver = Receiver::start().await;
    let (server, api, id) = hooked_clinic(json!({})).await;
    let hook = subscribe(
        &api,
        &receiver,
        &[
            "BOOKING_CREATED",
            "BOOKING_RESCHEDULED",
            "BOOKING_CANCELLED",
            "MEETING_ENDED",
        ],
    )
    .await;

    // Pat books in French: the payload says so, as Cal.com's does.
    let mut request = booking(id, "2026-03-31T08:00:00Z", "pat@example.org");
    request["attendee"]["locale"] = json!("fr-FR");
    let (status, made) = api.public_post("/api/v1/bookings", &request).await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let uid = made["data"]["uid"].as_str().expect("uid").to_string();
    let token = made["data"]["manageUrl"]
        .as_str()
        .and_then(|u| u.split("token=").nth(1))
        .expect("token")
        .to_string();
    let first = receiver.wait_for(&server, 1).await;
    assert_eq!(first[0].path, "/hooks/kairos");
    assert_signed(&first[0], SECRET);
    let body = first[0].json();
    assert_eq!(body["triggerEvent"], "BOOKING_CREATED");
    assert!(body["createdAt"].as_str().is_some_and(|t| t.ends_with('Z')));
    let payload = &body["payload"];
    assert_eq!(payload["uid"], uid.as_str());
    assert_eq!(payload["type"], "consultation");
    assert_eq!(payload["title"], "Consultation");
    assert_eq!(payload["startTime"], "2026-03-31T08:00:00Z");
    assert_eq!(payload["endTime"], "2026-03-31T08:30:00Z");
    assert_eq!(payload["length"], 30);
    assert_eq!(payload["status"], "ACCEPTED");
    assert_eq!(payload["eventTypeId"], id);
    assert_eq!(payload["location"], "1 Harbor Street");
    assert_eq!(payload["organizer"]["email"], OWNER_EMAIL);
    assert_eq!(payload["organizer"]["name"], "Olivia Owner");
    assert_eq!(payload["attendees"][0]["email"], "pat@example.org");
    assert_eq!(payload["attendees"][0]["timeZone"], "America/New_York");
    assert_eq!(payload["attendees"][0]["language"]["locale"], "fr");
    // Minimum necessary is on by default: the answers stay home.
    assert!(payload.get("responses").is_none(), "{payload}");
    assert!(!String::from_utf8_lossy(&first[0].body).contains("check-up"));
    assert_eq!(pending_jobs(&server, "webhook-ended:").await, 1);

    let (status, moved) = api
        .public_post(
            &format!("/api/v1/bookings/{uid}/reschedule?token={token}"),
            &json!({ "start": "2026-03-31T09:00:00Z" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{moved}");
    let new_uid = moved["data"]["uid"].as_str().expect("uid").to_string();
    let second = receiver.wait_for(&server, 2).await;
    assert_signed(&second[1], SECRET);
    let body = second[1].json();
    assert_eq!(body["triggerEvent"], "BOOKING_RESCHEDULED");
    assert_eq!(body["payload"]["uid"], new_uid.as_str());
    assert_eq!(body["payload"]["rescheduleUid"], uid.as_str());
    assert_eq!(body["payload"]["startTime"], "2026-03-31T09:00:00Z");
    assert_eq!(
        pending_jobs(&server, "webhook-ended:").await,
        1,
        "the meeting's end moved with it"
    );

    let (status, _) = api
        .post(&format!("/api/v1/bookings/{new_uid}/cancel"), &json!({}))
        .await;
    assert_eq!(status, StatusCode::OK);
    let third = receiver.wait_for(&server, 3).await;
    assert_signed(&third[2], SECRET);
    let body = third[2].json();
    assert_eq!(body["triggerEvent"], "BOOKING_CANCELLED");
    assert_eq!(body["payload"]["status"], "CANCELLED");
    assert_eq!(
        pending_jobs(&server, "webhook-ended:").await,
        0,
        "a cancelled meeting does not end"
    );

    // Past both meetings' ends, nothing more arrives.
    server.clock.advance(Duration::days(5));
    let state = server.running.as_ref().expect("running").state.clone();
    state.jobs.wake();
    tokio::time::sleep(StdDuration::from_millis(300)).await;
    assert_eq!(receiver.all().len(), 3);

    let (status, log) = api
        .get(&format!("/api/v1/webhooks/{hook}/deliveries"))
        .await;
    assert_eq!(status, StatusCode::OK, "{log}");
    let triggers: Vec<&str> = log["data"]
        .as_array()
        .expect("deliveries")
        .iter()
        .map(|d| d["trigger"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        triggers,
        [
            "BOOKING_CANCELLED",
            "BOOKING_RESCHEDULED",
            "BOOKING_CREATED"
        ]
    );
    assert!(
        log["data"]
            .as_array()
            .is_some_and(|d| d.iter().all(|d| d["statusCode"] == 200))
    );
    server.stop().await;
    receiver.stop();
}

#[tokio::test]
async fn requests_rejections_confirmations_and_meeting_ends_are_delivered() {
    let receiver = Receiver::start().await;
    let (server, api, id) = hooked_clinic(json!({ "requiresConfirmation": true })).await;
    subscribe(
        &api,
        &receiver,
        &[
            "BOOKING_REQUESTED",
            "BOOKING_REJECTED",
            "BOOKING_CREATED",
            "MEETING_ENDED",
        ],
    )
    .await;
    let mut uids = Vec::new();
    for (start, email) in [
        ("2026-03-31T08:00:00Z", "pat@example.org"),
        ("2026-03-31T08:30:00Z", "kim@example.org"),
    ] {
        let (status, made) = api
            .public_post("/api/v1/bookings", &booking(id, start, email))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{made}");
        uids.push(made["data"]["uid"].as_str().expect("uid").to_string());
    }
    let got = receiver.wait_for(&server, 2).await;
    for received in &got {
        assert_signed(received, SECRET);
        assert_eq!(received.json()["triggerEvent"], "BOOKING_REQUESTED");
        assert_eq!(received.json()["payload"]["status"], "PENDING");
    }
    assert_eq!(
        pending_jobs(&server, "webhook-ended:").await,
        0,
        "a request is no meeting yet"
    );

    let (status, _) = api
        .post(
            &format!("/api/v1/bookings/{}/reject", uids[1]),
            &json!({ "reason": "Fully booked" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let got = receiver.wait_for(&server, 3).await;
    let rejected = got[2].json();
    assert_eq!(rejected["triggerEvent"], "BOOKING_REJECTED");
    assert_eq!(rejected["payload"]["uid"], uids[1].as_str());
    assert!(
        rejected["payload"].get("rejectionReason").is_none(),
        "minimum necessary leaves the host's reason out"
    );

    let (status, _) = api
        .post(&format!("/api/v1/bookings/{}/confirm", uids[0]), &json!({}))
        .await;
    assert_eq!(status, StatusCode::OK);
    let got = receiver.wait_for(&server, 4).await;
    let confirmed = got[3].json();
    assert_eq!(confirmed["triggerEvent"], "BOOKING_CREATED");
    assert_eq!(confirmed["payload"]["status"], "ACCEPTED");
    assert_eq!(pending_jobs(&server, "webhook-ended:").await, 1);

    // 08:30 UTC on the 31st has passed: the meeting ended.
    server.clock.advance(Duration::days(4) + Duration::hours(1));
    let got = receiver.wait_for(&server, 5).await;
    let ended = got[4].json();
    assert_signed(&got[4], SECRET);
    assert_eq!(ended["triggerEvent"], "MEETING_ENDED");
    assert_eq!(ended["payload"]["uid"], uids[0].as_str());
    assert_eq!(ended["createdAt"], "2026-03-31T08:30:00.000Z");
    server.stop().await;
    receiver.stop();
}

#[tokio::test]
async fn a_receiver_that_was_down_gets_each_delivery_exactly_once() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let (server, api, id) = hooked_clinic(json!({})).await;
    let (status, body) = api
        .post(
            "/api/v1/webhooks",
            &json!({ "url": format!("http://127.0.0.1:{port}/in"), "triggers": ["BOOKING_CREATED"], "secret": SECRET }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let hook = body["data"]["id"].as_i64().expect("id");
    let (status, _) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-31T08:00:00Z", "pat@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);

    let state = server.running.as_ref().expect("running").state.clone();
    let deadline = Instant::now() + StdDuration::from_secs(30);
    let failed = loop {
        state.jobs.wake();
        let (_, log) = api
            .get(&format!("/api/v1/webhooks/{hook}/deliveries"))
            .await;
        if let Some(first) = log["data"].as_array().and_then(|d| d.first()).cloned() {
            break first;
        }
        assert!(Instant::now() < deadline, "no delivery was attempted");
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    };
    assert_eq!(failed["statusCode"], Value::Null);
    let error = failed["error"].as_str().unwrap_or_default();
    assert!(error.contains("could not connect"), "{error}");
    assert!(!error.contains("pat@example.org"));

    let receiver = Receiver::start_on(port).await;
    tokio::time::sleep(StdDuration::from_millis(300)).await;
    assert!(receiver.all().is_empty(), "the retry waits for its backoff");
    server.clock.advance(Duration::minutes(2));
    let got = receiver.wait_for(&server, 1).await;
    assert_signed(&got[0], SECRET);
    for _ in 0..3 {
        server.clock.advance(Duration::hours(7));
        state.jobs.wake();
        tokio::time::sleep(StdDuration::from_millis(200)).await;
    }
    assert_eq!(receiver.all().len(), 1, "delivered exactly once");
    let (_, log) = api
        .get(&format!("/api/v1/webhooks/{hook}/deliveries"))
        .await;
    assert_eq!(log["data"][0]["statusCode"], 200);
    assert_eq!(log["data"].as_array().map(Vec::len), Some(2));
    server.stop().await;
    receiver.stop();
}

/// A receiver that failed a delivery gets it again with the same delivery id (as
/// `X-Kairos-Delivery` and Standard Webhooks' `Webhook-Id`), so it can tell a retry from
/// a new event; another delivery has another id.
#[tokio::test]
async fn a_retried_delivery_carries_the_same_delivery_id() {
    let (server, api, id) = hooked_clinic(json!({})).await;
    let receiver = Receiver::start().await;
    receiver.status.store(503, Ordering::SeqCst);
    subscribe(&api, &receiver, &["BOOKING_CREATED"]).await;
    for start in ["2026-03-31T08:00:00Z", "2026-03-31T09:00:00Z"] {
        let (status, _) = api
            .public_post("/api/v1/bookings", &booking(id, start, "pat@example.org"))
            .await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let failed = receiver.wait_for(&server, 2).await;
    receiver.status.store(200, Ordering::SeqCst);
    // Both failures are recorded (their retries planned from the clock's now) before the
    // clock moves past the retries.
    let state = server.running.as_ref().expect("running").state.clone();
    let deadline = Instant::now() + StdDuration::from_secs(30);
    loop {
        let planned = state
            .db
            .read(|conn| -> Result<i64, kairos::db::DbError> {
                Ok(conn.query_row(
                    "SELECT count(*) FROM jobs WHERE kind = ?1 AND status = 'pending' AND attempts >= 1",
                    [kairos::integrations::webhooks::WEBHOOK_JOB],
                    |row| row.get(0),
                )?)
            })
            .await
            .expect("read");
        if planned >= 2 {
            break;
        }
        assert!(Instant::now() < deadline, "the failures were not recorded");
        tokio::time::sleep(StdDuration::from_millis(20)).await;
    }
    server.clock.advance(Duration::minutes(2));
    let all = receiver.wait_for(&server, 4).await;

    let id_of = |received: &Received| {
        let id = received.header("x-kairos-delivery");
        assert!(!id.is_empty(), "{:?}", received.headers);
        assert_eq!(received.header("webhook-id"), id);
        (received.json()["payload"]["bookingId"].clone(), id)
    };
    let first: Vec<_> = failed.iter().map(id_of).collect();
    assert_ne!(first[0].1, first[1].1, "two deliveries, two ids");
    for retried in &all[2..] {
        let (booking, id) = id_of(retried);
        let original = first.iter().find(|(b, _)| *b == booking).expect("retried");
        assert_eq!(original.1, id, "a retry keeps its delivery id");
    }
    server.stop().await;
    receiver.stop();
}

#[tokio::test]
async fn with_minimum_necessary_off_the_answers_are_sent() {
    let receiver = Receiver::start().await;
    let (server, api, id) = hooked_clinic(json!({})).await;
    subscribe(&api, &receiver, &["BOOKING_CREATED"]).await;
    let state = server.running.as_ref().expect("running").state.clone();
    let mut settings = state.settings();
    settings.minimum_necessary = false;
    state.set_settings(settings);

    let (status, _) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-31T08:00:00Z", "pat@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let got = receiver.wait_for(&server, 1).await;
    let payload = &got[0].json()["payload"];
    assert_eq!(payload["responses"]["reason"]["value"], "check-up");
    assert_eq!(
        payload["responses"]["reason"]["label"],
        "Reason for the visit"
    );
    assert_eq!(payload["responses"]["email"]["value"], "pat@example.org");
    server.stop().await;
    receiver.stop();
}

async fn refused(api: &Api, url: &str) -> String {
    let (status, body) = api
        .post(
            "/api/v1/webhooks",
            &json!({ "url": url, "triggers": ["BOOKING_CREATED"], "active": false }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{url}: {body}");
    assert_eq!(body["error"]["details"][0]["field"], "url", "{body}");
    body["error"]["details"][0]["message"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn the_guard_refuses_internal_addresses_and_other_schemes() {
    let server = TestServer::with_owner().await;
    let api = server.api().await;
    for (url, reason) in [
        ("http://127.0.0.1:9/hook", "a loopback address"),
        ("http://[::1]:9/hook", "a loopback address"),
        ("http://localhost:9/hook", "a loopback address"),
        (
            "http://169.254.169.254/latest/meta-data/",
            "a cloud metadata address",
        ),
        (
            "http://[::ffff:169.254.169.254]/",
            "a cloud metadata address",
        ),
        ("http://10.0.0.1/hook", "a private network address"),
        // Special-purpose blocks and IPv6 forms that wrap an internal IPv4 address.
        (
            "http://[::ffff:0:127.0.0.1]/hook",
            "an IPv4-translated address wrapping 127.0.0.1",
        ),
        (
            "http://[2002:7f00:1::1]/hook",
            "a 6to4 address wrapping 127.0.0.1",
        ),
        (
            "http://[2002:a9fe:a9fe::1]/hook",
            "a 6to4 address wrapping 169.254.169.254",
        ),
        (
            "http://[2001:0:4136:e378:8000:63bf:5601:5601]/hook",
            "a Teredo address wrapping 169.254.169.254",
        ),
        (
            "http://[64:ff9b::a9fe:a9fe]/hook",
            "a cloud metadata address",
        ),
        (
            "http://198.18.0.1/hook",
            "an address reserved for benchmarking",
        ),
        (
            "http://198.19.255.254/hook",
            "an address reserved for benchmarking",
        ),
        (
            "http://192.0.2.10/hook",
            "an address reserved for documentation",
        ),
        ("http://192.88.99.1/hook", "a reserved address"),
        (
            "http://[2001:db8::1]/hook",
            "an address reserved for documentation",
        ),
        ("http://[100::1]/hook", "a reserved address"),
        ("file:///etc/passwd", "must start with http:// or https://"),
        (
            "ftp://files.example.org/hook",
            "must start with http:// or https://",
        ),
    ] {
        let message = refused(&api, url).await;
        assert!(message.contains(reason), "{url}: {message}");
    }
    assert_eq!(server.count("webhooks").await, 0);

    // The administrator lets receivers on the private network in; never loopback.
    let state = server.running.as_ref().expect("running").state.clone();
    let mut settings = state.settings();
    settings.allow_private_targets = true;
    state.set_settings(settings);
    let (status, body) = api
        .post(
            "/api/v1/webhooks",
            &json!({ "url": "http://10.0.0.1/hook", "triggers": ["BOOKING_CREATED"], "active": false }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert!(
        body["secret"].as_str().is_some_and(|s| s.len() >= 32),
        "a secret is made and shown once: {body}"
    );
    let message = refused(&api, "http://127.0.0.1/hook").await;
    assert!(message.contains("a loopback address"), "{message}");
    let message = refused(&api, "http://169.254.169.254/").await;
    assert!(message.contains("a cloud metadata address"), "{message}");
    server.stop().await;
}

#[tokio::test]
async fn the_api_validates_updates_deletes_and_audits_webhooks() {
    let receiver = Receiver::start().await;
    let (server, api, id) = hooked_clinic(json!({})).await;
    let url = format!("{}/in", receiver.url);
    for (body, field) in [
        (json!({ "url": url, "triggers": [] }), "triggers"),
        (json!({ "url": "", "triggers": ["BOOKING_CREATED"] }), "url"),
        (
            json!({ "url": url, "triggers": ["BOOKING_CREATED"], "eventTypeId": 999 }),
            "eventTypeId",
        ),
        (
            json!({ "url": url, "triggers": ["BOOKING_CREATED"], "secret": "x".repeat(300) }),
            "secret",
        ),
    ] {
        let (status, answer) = api.post("/api/v1/webhooks", &body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
        assert_eq!(answer["error"]["code"], "validation_failed");
        assert_eq!(answer["error"]["details"][0]["field"], field, "{answer}");
    }
    for body in [
        json!({ "url": url, "triggers": ["BOOKING_EXPLODED"] }),
        json!({ "triggers": ["BOOKING_CREATED"] }),
        json!({ "url": url, "triggers": ["BOOKING_CREATED"], "colour": "red" }),
    ] {
        let (status, answer) = api.post("/api/v1/webhooks", &body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {answer}");
    }

    let (status, created) = api
        .post(
            "/api/v1/webhooks",
            &json!({ "url": url, "triggers": ["BOOKING_CREATED", "BOOKING_CREATED"], "eventTypeId": id }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let hook = created["data"]["id"].as_i64().expect("id");
    assert_eq!(created["data"]["triggers"], json!(["BOOKING_CREATED"]));
    assert_eq!(created["data"]["eventTypeId"], id);
    assert_eq!(created["data"]["active"], true);
    assert!(created["data"].get("secret").is_none());

    let (status, updated) = api
        .send(
            Method::PATCH,
            &format!("/api/v1/webhooks/{hook}"),
            &json!({ "active": false, "eventTypeId": null, "triggers": ["BOOKING_CANCELLED", "MEETING_ENDED"] }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{updated}");
    assert_eq!(updated["data"]["active"], false);
    assert_eq!(updated["data"]["eventTypeId"], Value::Null);
    assert_eq!(updated["data"]["url"], url.as_str());
    let (status, answer) = api
        .send(
            Method::PATCH,
            &format!("/api/v1/webhooks/{hook}"),
            &json!({ "url": "gopher://old.example/" }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");

    let (status, list) = api.get("/api/v1/webhooks").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["data"].as_array().map(Vec::len), Some(1));

    // Someone else sees nothing of it.
    let (status, made) = api
        .post(
            "/api/v1/users",
            &json!({ "name": "Mo Member", "email": "mo@clinic.example" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let other = api.with_key(&server.api_key_for("mo@clinic.example").await);
    let (status, _) = other.get(&format!("/api/v1/webhooks/{hook}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = other
        .send(
            Method::DELETE,
            &format!("/api/v1/webhooks/{hook}"),
            &json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, answer) = other
        .post(
            "/api/v1/webhooks",
            &json!({ "url": url, "triggers": ["BOOKING_CREATED"], "eventTypeId": id }),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "not their event type: {answer}"
    );

    let (status, _) = api
        .send(
            Method::DELETE,
            &format!("/api/v1/webhooks/{hook}"),
            &json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = api.get(&format!("/api/v1/webhooks/{hook}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        audit_actions(&server, "webhook_").await,
        ["webhook_created", "webhook_updated", "webhook_deleted"]
    );
    server.stop().await;
    receiver.stop();
}

#[tokio::test]
async fn the_dashboard_adds_a_webhook_shows_its_secret_once_and_sends_a_test_ping() {
    let receiver = Receiver::start().await;
    let server = TestServer::with_owner_and_config(ALLOW_LOOPBACK).await;
    let browser = browser();
    sign_in(&server, &browser, OWNER_EMAIL, OWNER_PASSWORD).await;
    let page = browser
        .get(server.url("/dashboard/webhooks"))
        .send()
        .await
        .expect("page");
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("html");
    assert!(html.contains("No webhooks yet"), "{html}");
    let csrf = csrf_of(&html);

    let refused = browser
        .post(server.url("/dashboard/webhooks"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("url", "http://169.254.169.254/latest"),
            ("triggers", "BOOKING_CREATED"),
            ("active", "on"),
        ])
        .send()
        .await
        .expect("answer");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.expect("html");
    assert!(html.contains("a cloud metadata address"), "{html}");

    let url = format!("{}/ping-here", receiver.url);
    let added = browser
        .post(server.url("/dashboard/webhooks"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("url", url.as_str()),
            ("triggers", "BOOKING_CREATED"),
            ("triggers", "MEETING_ENDED"),
            ("eventTypeId", ""),
            ("secret", ""),
            ("active", "on"),
        ])
        .send()
        .await
        .expect("answer");
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let shown = location(&added);
    assert!(shown.starts_with("/dashboard/webhooks?shown="), "{shown}");
    let (_, _, html) = fetch_page(&browser, &server.url(&shown)).await;
    let marker = "id=\"new-secret\" type=\"text\" readonly value=\"";
    let start = html.find(marker).expect("the secret is shown") + marker.len();
    let secret = html[start..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(secret.len() >= 32, "{secret}");

    let api = server.api().await;
    let (_, list) = api.get("/api/v1/webhooks").await;
    let hook = list["data"][0]["id"].as_i64().expect("id");
    let detail = browser
        .get(server.url(&format!("/dashboard/webhooks/{hook}")))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    assert!(detail.contains("Nothing sent yet"));
    assert!(!detail.contains(&secret), "the secret is shown only once");
    let ping = format!("/dashboard/webhooks/{hook}/ping");
    let csrf = csrf_of(&detail);
    let (status, to, html) =
        post_and_follow(&server, &browser, &ping, &[("csrf", csrf.as_str())]).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "post/redirect/get");
    assert!(
        to.starts_with(&format!("/dashboard/webhooks/{hook}?result=")),
        "{to}"
    );
    assert!(
        html.contains("Test ping delivered: the receiver answered HTTP 200"),
        "{html}"
    );
    assert!(html.contains("<code class=\"small\">PING</code>"), "{html}");
    let got = receiver.all();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].path, "/ping-here");
    assert_signed(&got[0], &secret);
    assert_eq!(got[0].json()["triggerEvent"], "PING");

    // A receiver that fails says so.
    receiver.status.store(503, Ordering::SeqCst);
    let (_, _, html) = post_and_follow(&server, &browser, &ping, &[("csrf", csrf.as_str())]).await;
    assert!(
        html.contains("The test ping was not delivered: the receiver answered HTTP 503"),
        "{html}"
    );
    assert_eq!(
        audit_actions(&server, "webhook_").await,
        ["webhook_created", "webhook_pinged", "webhook_pinged"]
    );
    server.stop().await;
    receiver.stop();
}

#[tokio::test]
async fn team_admins_subscribe_to_their_team_event_types_and_members_cannot() {
    let receiver = Receiver::start().await;
    let server = TestServer::with_owner_and_config(ALLOW_LOOPBACK).await;
    let api = server.api().await;
    let (status, team) = api
        .post(
            "/api/v1/teams",
            &json!({ "slug": "physio", "name": "Physiotherapy" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{team}");
    let team_id = team["data"]["id"].as_i64().expect("team id");
    let mut keys = Vec::new();
    let mut ids = Vec::new();
    for (name, role) in [("ana", "admin"), ("bo", "member")] {
        let email = format!("{name}@clinic.example");
        let (status, user) = api
            .post(
                "/api/v1/users",
                &json!({ "name": name, "email": email, "timeZone": "Europe/Berlin" }),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{user}");
        let user_id = user["data"]["id"].as_i64().expect("user id");
        let (status, _) = api
            .send(
                Method::PUT,
                &format!("/api/v1/teams/{team_id}/members"),
                &json!({ "userId": user_id, "role": role }),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        keys.push(api.with_key(&server.api_key_for(&email).await));
        ids.push(user_id);
    }
    let (ana, bo) = (&keys[0], &keys[1]);
    let (status, body) = ana.post("/api/v1/schedules", &berlin_mornings()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (status, event_type) = api
        .post(
            "/api/v1/event-types",
            &json!({
                "title": "Physio session", "slug": "session", "durationsMinutes": [30],
                "teamId": team_id, "schedulingType": "collective",
                "questions": [{ "key": "reason", "type": "text", "label": "Reason" }],
                "hosts": [{ "userId": ids[0] }]
            }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{event_type}");
    let id = event_type["data"]["id"].as_i64().expect("id");

    let subscription = json!({
        "url": format!("{}/team", receiver.url), "triggers": ["BOOKING_CREATED"],
        "secret": SECRET, "eventTypeId": id
    });
    let (status, answer) = bo.post("/api/v1/webhooks", &subscription).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(answer["error"]["details"][0]["field"], "eventTypeId");
    let (status, answer) = ana.post("/api/v1/webhooks", &subscription).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");

    // An administrator may change a member's subscription, but not make it hear about
    // bookings its owner may not subscribe to.
    let (status, own) = bo
        .post(
            "/api/v1/webhooks",
            &json!({ "url": format!("{}/bo", receiver.url), "triggers": ["BOOKING_CREATED"] }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{own}");
    let bo_hook = format!("/api/v1/webhooks/{}", own["data"]["id"]);
    let (status, answer) = api
        .send(Method::PATCH, &bo_hook, &json!({ "eventTypeId": id }))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert_eq!(answer["error"]["details"][0]["field"], "eventTypeId");
    let (status, answer) = api
        .send(Method::PATCH, &bo_hook, &json!({ "active": false }))
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer["data"]["active"], false);
    let (status, _) = ana.get(&bo_hook).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "a team admin does not see a member's webhook"
    );

    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-31T08:00:00Z", "pat@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let got = receiver.wait_for(&server, 1).await;
    assert_signed(&got[0], SECRET);
    let payload = &got[0].json()["payload"];
    assert_eq!(payload["type"], "session");
    assert_eq!(payload["team"]["name"], "Physiotherapy");
    assert_eq!(payload["organizer"]["email"], "ana@clinic.example");
    server.stop().await;
    receiver.stop();
}

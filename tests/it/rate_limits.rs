//! Rate limits: bookings per client address and API calls per key answer 429 with
//! `Retry-After`, and let clients in again once the window has passed.

use chrono::Duration;
use reqwest::StatusCode;
use serde_json::json;

use crate::api::{berlin_mornings, booking, consultation};
use crate::support::*;

fn retry_after(response: &reqwest::Response) -> Option<i64> {
    response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
}

async fn public_booking(server: &TestServer, id: i64, start: &str) -> reqwest::Response {
    reqwest::Client::new()
        .post(server.url("/api/v1/bookings"))
        .json(&booking(id, start, "pat@example.org"))
        .send()
        .await
        .expect("answers")
}

async fn form_booking(server: &TestServer, slot: &str) -> reqwest::Response {
    let client = browser();
    let booker = server.url("/owner/consultation");
    let csrf = csrf_from(&client, &format!("{booker}?slot={slot}")).await;
    client
        .post(&booker)
        .form(&[
            ("csrf", csrf.as_str()),
            ("slot", slot),
            ("tz", "Europe/Berlin"),
            ("h", "24"),
            ("duration", "30"),
            ("name", "Pat Patient"),
            ("email", "pat@example.org"),
            ("q.reason", "check-up"),
        ])
        .send()
        .await
        .expect("answers")
}

#[tokio::test]
async fn bookings_per_address_are_limited_across_the_api_and_the_booking_page() {
    let server = TestServer::with_owner_and_config("booking_rate_limit_per_hour = 2\n").await;
    let api = server.api().await;
    let (status, _) = api.post("/api/v1/schedules", &berlin_mornings()).await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, body) = api
        .post("/api/v1/event-types", &consultation(json!({})))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["data"]["id"].as_i64().expect("id");

    let first = public_booking(&server, id, "2026-03-30T07:00:00Z").await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let second = form_booking(&server, "2026-03-30T07:30:00Z").await;
    assert_eq!(second.status(), StatusCode::SEE_OTHER, "the form books");
    server.clock.advance(Duration::minutes(10));

    let refused = public_booking(&server, id, "2026-03-30T08:00:00Z").await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(retry_after(&refused), Some(50 * 60));
    let body: serde_json::Value = refused.json().await.expect("json");
    assert_eq!(body["error"]["code"], "rate_limited");
    let refused = form_booking(&server, "2026-03-30T08:00:00Z").await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(retry_after(&refused), Some(50 * 60));
    assert_eq!(server.count("bookings").await, 2, "nothing was booked");

    // The first booking leaves the hour: one more is allowed.
    server.clock.advance(Duration::minutes(50));
    let again = public_booking(&server, id, "2026-03-30T08:00:00Z").await;
    assert_eq!(again.status(), StatusCode::CREATED);
    server.stop().await;
}

#[tokio::test]
async fn api_calls_per_key_are_limited() {
    let server = TestServer::with_owner_and_config("api_rate_limit_per_minute = 3\n").await;
    let api = server.api().await;
    for _ in 0..3 {
        let (status, _) = api.get("/api/v1/bookings").await;
        assert_eq!(status, StatusCode::OK);
    }
    let response = reqwest::Client::new()
        .get(server.url("/api/v1/bookings"))
        .bearer_auth(&api.key)
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(retry_after(&response), Some(60));

    // Another key has its own budget; a wrong key is still just unauthorized.
    let other = api.with_key(&server.api_key_for(OWNER_EMAIL).await);
    let (status, _) = other.get("/api/v1/bookings").await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = api.with_key("kairos_wrong").get("/api/v1/bookings").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    server.clock.advance(Duration::seconds(61));
    let (status, _) = api.get("/api/v1/bookings").await;
    assert_eq!(status, StatusCode::OK);
    server.stop().await;
}

#[tokio::test]
async fn guessing_password_links_is_throttled_per_address_and_audited() {
    let server = TestServer::with_owner().await;
    let client = browser();
    let guess = server.url(&format!("/reset/{}", "0".repeat(64)));
    for _ in 0..20 {
        let response = client.get(&guess).send().await.expect("answers");
        assert_eq!(response.status(), StatusCode::GONE);
    }
    let response = client.get(&guess).send().await.expect("answers");
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(retry_after(&response), Some(15 * 60));
    assert_eq!(
        server.count("audit_log").await,
        1 + 20,
        "the owner and 20 failures"
    );

    server.clock.advance(Duration::minutes(15));
    let response = client.get(&guess).send().await.expect("answers");
    assert_eq!(response.status(), StatusCode::GONE);
    server.stop().await;
}

/// The value of the input named `name` in a page.
fn input_value(page: &str, name: &str) -> String {
    let at = page
        .find(&format!("name=\"{name}\""))
        .expect("the page has the field");
    let start = page[..at].rfind('<').unwrap_or_default();
    let end = at + page[at..].find('>').unwrap_or_default();
    let tag = &page[start..end];
    tag.split("value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_string()
}

/// A request through the trusted proxy on loopback, for the client at `address`.
fn from(request: reqwest::RequestBuilder, address: &str) -> reqwest::RequestBuilder {
    request.header("x-forwarded-for", address)
}

async fn api_booking_from(
    server: &TestServer,
    address: &str,
    id: i64,
    start: &str,
) -> reqwest::Response {
    let email = format!("pat-{}@example.org", address.replace([':', '.'], "-"));
    from(
        reqwest::Client::new().post(server.url("/api/v1/bookings")),
        address,
    )
    .json(&booking(id, start, &email))
    .send()
    .await
    .expect("answers")
}

async fn form_booking_from(
    server: &TestServer,
    address: &str,
    path: &str,
    slot: &str,
) -> reqwest::Response {
    let client = browser();
    let booker = server.url(path);
    let csrf = csrf_from(&client, &format!("{booker}?slot={slot}")).await;
    from(client.post(&booker), address)
        .form(&[
            ("csrf", csrf.as_str()),
            ("slot", slot),
            ("tz", "Europe/Berlin"),
            ("h", "24"),
            ("duration", "30"),
            ("name", "Pat Patient"),
            ("email", "pat@example.org"),
            ("q.reason", "check-up"),
        ])
        .send()
        .await
        .expect("answers")
}

#[tokio::test]
async fn hourly_caps_per_event_type_and_host_stop_a_flood_from_many_addresses() {
    let server = TestServer::with_owner_and_config("trusted_proxies = [\"127.0.0.1\"]\n").await;
    let api = server.api().await;
    let (status, _) = api.post("/api/v1/schedules", &berlin_mornings()).await;
    assert_eq!(status, StatusCode::CREATED);
    let mut ids = Vec::new();
    for extra in [
        json!({}),
        json!({ "title": "Follow-up", "slug": "follow-up" }),
    ] {
        let (status, body) = api.post("/api/v1/event-types", &consultation(extra)).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        ids.push(body["data"]["id"].as_i64().expect("id"));
    }
    let (consultation_id, follow_up_id) = (ids[0], ids[1]);

    // The administrator sees the defaults and lowers the caps.
    let owner = signed_in_owner(&server).await;
    let (_, _, page) = fetch_page(&owner, &server.url("/dashboard/admin")).await;
    assert!(page.contains("New bookings per event type per hour"));
    assert_eq!(input_value(&page, "bookings_per_event_type_per_hour"), "30");
    assert_eq!(input_value(&page, "bookings_per_host_per_hour"), "60");
    let settings = [
        ("organization_name", "Harbor Clinic"),
        ("base_url", ""),
        ("default_time_zone", "Europe/Berlin"),
        ("first_day_of_week", "monday"),
        ("signup", "closed"),
        ("require_mfa", "off"),
        ("audit_retention_years", "6"),
        ("bookings_per_event_type_per_hour", "2"),
        ("bookings_per_host_per_hour", "3"),
    ];
    let mut bad = settings.to_vec();
    bad[7] = ("bookings_per_event_type_per_hour", "-1");
    let url = server.url("/dashboard/admin/settings");
    let (status, _, html) = submit_form(&owner, &url, &csrf_of(&page), &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("must be a whole number from 0 (no limit)"),
        "{html}"
    );
    let (status, _, _) = submit_form(&owner, &url, &csrf_of(&page), &settings).await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    // Two addresses book the event type full for the hour.
    for (address, start) in [
        ("203.0.113.1", "2026-03-30T07:00:00Z"),
        ("203.0.113.2", "2026-03-30T07:30:00Z"),
    ] {
        let made = api_booking_from(&server, address, consultation_id, start).await;
        assert_eq!(made.status(), StatusCode::CREATED);
    }
    server.clock.advance(Duration::minutes(10));
    let refused = api_booking_from(
        &server,
        "203.0.113.3",
        consultation_id,
        "2026-03-30T08:00:00Z",
    )
    .await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        retry_after(&refused),
        Some(50 * 60),
        "when the first leaves the hour"
    );
    let body: serde_json::Value = refused.json().await.expect("json");
    assert_eq!(body["error"]["code"], "rate_limited");
    let message = body["error"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("for this event type"), "{message}");

    // The host's third booking of the hour is another event type's; the fourth is refused,
    // by the API and by the booking page alike.
    let made = api_booking_from(&server, "203.0.113.4", follow_up_id, "2026-03-31T07:00:00Z").await;
    assert_eq!(made.status(), StatusCode::CREATED);
    let refused =
        api_booking_from(&server, "203.0.113.5", follow_up_id, "2026-03-31T07:30:00Z").await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(retry_after(&refused), Some(50 * 60));
    let body: serde_json::Value = refused.json().await.expect("json");
    let message = body["error"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("with this host"), "{message}");
    let refused = form_booking_from(
        &server,
        "203.0.113.6",
        "/owner/follow-up",
        "2026-03-31T08:00:00Z",
    )
    .await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(retry_after(&refused), Some(50 * 60));
    let html = refused.text().await.expect("body");
    assert!(
        html.contains("too many bookings were made with this host"),
        "{html}"
    );
    assert_eq!(server.count("bookings").await, 3, "nothing more was booked");

    // The host books their own event type with their API key: not capped.
    let (status, body) = api
        .post(
            "/api/v1/bookings",
            &booking(
                consultation_id,
                "2026-03-30T08:30:00Z",
                "walk-in@example.org",
            ),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");

    // Each refusal is audited, naming the event type or the host, and no person booking.
    let log = server.audit_log().await;
    let refusals: Vec<_> = log
        .iter()
        .filter(|(action, ..)| action == "booking_rate_limited")
        .collect();
    let objects: Vec<_> = refusals
        .iter()
        .map(|(_, object, outcome, _)| (object.clone().unwrap_or_default(), outcome.as_str()))
        .collect();
    let host = "user:1".to_string();
    assert_eq!(
        objects,
        [
            (format!("event_type:{consultation_id}"), "denied"),
            (host.clone(), "denied"),
            (host, "denied"),
        ]
    );
    for (.., row) in &refusals {
        assert!(!row.contains("pat") && !row.contains("Pat"), "{row}");
    }

    // An hour after the first bookings, there is room again.
    server.clock.advance(Duration::minutes(50));
    let made = api_booking_from(
        &server,
        "203.0.113.7",
        consultation_id,
        "2026-03-30T09:00:00Z",
    )
    .await;
    assert_eq!(made.status(), StatusCode::CREATED);
    server.stop().await;
}

#[tokio::test]
async fn ipv6_clients_are_counted_by_their_64_and_mapped_ipv4_as_ipv4() {
    let server = TestServer::with_owner_and_config(
        "trusted_proxies = [\"127.0.0.1\"]\nbooking_rate_limit_per_hour = 1\n",
    )
    .await;
    let api = server.api().await;
    let (status, _) = api.post("/api/v1/schedules", &berlin_mornings()).await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, body) = api
        .post("/api/v1/event-types", &consultation(json!({})))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["data"]["id"].as_i64().expect("id");
    let cases = [
        (
            "2001:db8:5:6::1",
            "2026-03-30T07:00:00Z",
            StatusCode::CREATED,
        ),
        (
            "2001:db8:5:6:ffff:1:2:3",
            "2026-03-30T07:30:00Z",
            StatusCode::TOO_MANY_REQUESTS,
        ),
        (
            "2001:db8:5:7::1",
            "2026-03-30T07:30:00Z",
            StatusCode::CREATED,
        ),
        (
            "::ffff:203.0.113.9",
            "2026-03-30T08:00:00Z",
            StatusCode::CREATED,
        ),
        (
            "203.0.113.9",
            "2026-03-30T08:30:00Z",
            StatusCode::TOO_MANY_REQUESTS,
        ),
    ];
    for (address, start, expected) in cases {
        let response = api_booking_from(&server, address, id, start).await;
        assert_eq!(response.status(), expected, "{address}");
    }
    server.stop().await;
}

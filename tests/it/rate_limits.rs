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

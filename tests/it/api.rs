//! API v1: schedules, event types, slots and bookings over HTTP, as an API client uses them.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::*;

/// Every day 09:00–12:00 in Berlin.
pub(crate) fn berlin_mornings() -> Value {
    let morning = json!([{ "start": "09:00", "end": "12:00" }]);
    json!({
        "name": "Clinic mornings",
        "timeZone": "Europe/Berlin",
        "isDefault": true,
        "weekly": {
            "monday": morning, "tuesday": morning, "wednesday": morning, "thursday": morning,
            "friday": morning, "saturday": morning, "sunday": morning
        }
    })
}

pub(crate) fn consultation(extra: Value) -> Value {
    let mut body = json!({
        "title": "Consultation",
        "slug": "consultation",
        "durationsMinutes": [30],
        "locations": [{ "type": "inPerson", "address": "1 Harbor Street" }],
        "questions": [{ "key": "reason", "type": "text", "label": "Reason for the visit", "required": true }]
    });
    if let (Value::Object(body), Value::Object(extra)) = (&mut body, extra) {
        body.extend(extra);
    }
    body
}

pub(crate) fn booking(event_type_id: i64, start: &str, email: &str) -> Value {
    json!({
        "eventTypeId": event_type_id,
        "start": start,
        "attendee": { "name": "Pat Patient", "email": email, "timeZone": "America/New_York" },
        "answers": { "reason": "check-up" }
    })
}

/// A server with the owner's Berlin schedule and one event type; returns its id.
pub(crate) async fn clinic(extra: Value) -> (TestServer, Api, i64) {
    clinic_with_config(extra, "").await
}

/// [`clinic`] with `config` lines in the server's configuration file.
pub(crate) async fn clinic_with_config(extra: Value, config: &str) -> (TestServer, Api, i64) {
    let server = TestServer::with_owner_and_config(config).await;
    let api = server.api().await;
    let (status, body) = api.post("/api/v1/schedules", &berlin_mornings()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (status, body) = api.post("/api/v1/event-types", &consultation(extra)).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["data"]["id"].as_i64().expect("id");
    (server, api, id)
}

fn starts(slots: &Value, date: &str) -> Vec<String> {
    slots["data"][date]
        .as_array()
        .map(|day| {
            day.iter()
                .map(|s| s["start"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn slots_follow_wall_clock_hours_across_the_dst_change_and_a_booking_takes_one() {
    let (server, api, id) = clinic(json!({})).await;
    // Berlin moves from +01:00 to +02:00 in the night to Sunday 2026-03-29.
    let (status, slots) = api
        .public_get(&format!(
            "/api/v1/slots?eventTypeId={id}&start=2026-03-28&end=2026-03-30&timeZone=Europe/Berlin"
        ))
        .await;
    assert_eq!(status, StatusCode::OK, "{slots}");
    assert_eq!(
        starts(&slots, "2026-03-28"),
        ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"]
            .map(|t| format!("2026-03-28T{t}:00+01:00"))
    );
    assert_eq!(
        starts(&slots, "2026-03-29").first().map(String::as_str),
        Some("2026-03-29T09:00:00+02:00")
    );
    assert_eq!(
        starts(&slots, "2026-03-29").len(),
        6,
        "three wall-clock hours on the change day"
    );
    assert_eq!(starts(&slots, "2026-03-30").len(), 6);
    assert_eq!(
        slots["data"]["2026-03-30"][0]["end"],
        "2026-03-30T09:30:00+02:00"
    );

    // The same slots seen from New York, by username and slug.
    let (status, ny) = api
        .public_get("/api/v1/slots?username=owner&eventTypeSlug=consultation&start=2026-03-30&end=2026-03-30&timeZone=America/New_York")
        .await;
    assert_eq!(status, StatusCode::OK, "{ny}");
    assert_eq!(
        starts(&ny, "2026-03-30").first().map(String::as_str),
        Some("2026-03-30T03:00:00-04:00")
    );

    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-30T07:00:00Z", "pat@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let data = &made["data"];
    assert_eq!(data["status"], "ACCEPTED");
    assert_eq!(data["start"], "2026-03-30T07:00:00Z");
    assert_eq!(data["end"], "2026-03-30T07:30:00Z");
    assert_eq!(data["answers"]["reason"], "check-up");
    assert_eq!(data["location"]["address"], "1 Harbor Street");
    let manage = data["manageUrl"].as_str().expect("manage URL");
    assert!(manage.contains(&format!(
        "/booking/{}?token=",
        data["uid"].as_str().unwrap_or_default()
    )));

    let (_, after) = api
        .public_get(&format!(
            "/api/v1/slots?eventTypeId={id}&start=2026-03-30&end=2026-03-30&timeZone=Europe/Berlin"
        ))
        .await;
    assert_eq!(starts(&after, "2026-03-30").len(), 5);
    assert!(!starts(&after, "2026-03-30").contains(&"2026-03-30T09:00:00+02:00".to_string()));
    assert_eq!(
        server.count("booking_events").await,
        1,
        "the domain event was recorded"
    );
    server.stop().await;
}

#[tokio::test]
async fn fifty_concurrent_requests_for_one_slot_make_exactly_one_booking() {
    let (server, api, id) = clinic(json!({})).await;
    let mut tasks = Vec::new();
    for i in 0..50 {
        let client = reqwest::Client::new();
        let url = format!("{}/api/v1/bookings", api.base);
        let body = booking(
            id,
            "2026-03-31T08:00:00Z",
            &format!("patient{i}@example.org"),
        );
        tasks.push(tokio::spawn(async move {
            let response = client.post(url).json(&body).send().await.expect("answers");
            let status = response.status();
            let body: Value = response.json().await.unwrap_or(Value::Null);
            (status, body)
        }));
    }
    let mut created = 0;
    let mut taken = 0;
    for task in tasks {
        let (status, body) = task.await.expect("task");
        match status {
            StatusCode::CREATED => created += 1,
            StatusCode::CONFLICT => {
                assert_eq!(body["error"]["message"], "that time is no longer available");
                taken += 1;
            }
            other => panic!("unexpected {other}: {body}"),
        }
    }
    assert_eq!((created, taken), (1, 49));
    assert_eq!(server.count("bookings").await, 1);
    server.stop().await;
}

#[tokio::test]
async fn a_seated_event_admits_as_many_attendees_as_it_has_seats() {
    let (server, api, id) = clinic(json!({ "seatsPerSlot": 3, "slug": "group-class" })).await;
    let slot = "2026-03-31T08:00:00Z";
    for i in 0..3 {
        let (status, body) = api
            .public_post(
                "/api/v1/bookings",
                &booking(id, slot, &format!("p{i}@example.org")),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let (_, slots) = api
            .public_get(&format!(
                "/api/v1/slots?eventTypeId={id}&start=2026-03-31&end=2026-03-31&timeZone=UTC"
            ))
            .await;
        let day = slots["data"]["2026-03-31"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let at_eight = day
            .iter()
            .find(|s| s["start"] == "2026-03-31T08:00:00+00:00");
        if i < 2 {
            assert_eq!(
                at_eight.map(|s| s["seatsRemaining"].clone()),
                Some(json!(2 - i))
            );
        } else {
            assert!(at_eight.is_none(), "a full slot is no longer offered");
            assert_eq!(day.len(), 5, "the other slots of the day stay");
        }
    }
    let (status, body) = api
        .public_post("/api/v1/bookings", &booking(id, slot, "late@example.org"))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["error"]["details"]["reason"], "no_seats_left");
    server.stop().await;
}

#[tokio::test]
async fn retries_return_the_same_booking() {
    let (server, api, id) = clinic(json!({})).await;
    let body = booking(id, "2026-03-31T08:00:00Z", "pat@example.org");
    let send = |key: &'static str, body: Value| {
        let client = api.client.clone();
        let url = format!("{}/api/v1/bookings", api.base);
        async move {
            let response = client
                .post(url)
                .header("Idempotency-Key", key)
                .json(&body)
                .send()
                .await
                .expect("answers");
            let status = response.status();
            let replayed = response.headers().contains_key("idempotent-replayed");
            (
                status,
                replayed,
                response.json::<Value>().await.unwrap_or(Value::Null),
            )
        }
    };
    let (first, _, made) = send("retry-1", body.clone()).await;
    assert_eq!(first, StatusCode::CREATED);
    let (again, replayed, repeat) = send("retry-1", body.clone()).await;
    assert_eq!(again, StatusCode::OK);
    assert!(replayed);
    assert_eq!(repeat["data"]["uid"], made["data"]["uid"]);
    assert!(
        repeat["data"].get("manageUrl").is_none(),
        "the token is not handed out twice"
    );

    // The same key for a different request is refused.
    let other = booking(id, "2026-03-31T08:30:00Z", "pat@example.org");
    let (status, _, error) = send("retry-1", other).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error["error"]["code"], "idempotency_key_reused");

    // An identical repeat without a key (a double click) finds the first booking too.
    let (status, repeat) = api.public_post("/api/v1/bookings", &body).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(repeat["data"]["uid"], made["data"]["uid"]);
    assert_eq!(server.count("bookings").await, 1);
    server.stop().await;
}

#[tokio::test]
async fn bookings_that_need_confirmation_hold_the_slot_until_accepted_or_rejected() {
    let (server, api, id) = clinic(json!({ "requiresConfirmation": true })).await;
    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-31T08:00:00Z", "pat@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(made["data"]["status"], "PENDING");
    let uid = made["data"]["uid"].as_str().expect("uid").to_string();
    let (status, _) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-31T08:00:00Z", "other@example.org"),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "a pending booking keeps its slot"
    );

    // Only the host can confirm.
    let (status, _) = api
        .public_post(&format!("/api/v1/bookings/{uid}/confirm"), &json!({}))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, confirmed) = api
        .post(&format!("/api/v1/bookings/{uid}/confirm"), &json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{confirmed}");
    assert_eq!(confirmed["data"]["status"], "ACCEPTED");
    let (status, _) = api
        .post(&format!("/api/v1/bookings/{uid}/confirm"), &json!({}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "confirming twice is refused");

    let (_, second) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-31T08:30:00Z", "kim@example.org"),
        )
        .await;
    let second_uid = second["data"]["uid"].as_str().expect("uid").to_string();
    let (status, rejected) = api
        .post(
            &format!("/api/v1/bookings/{second_uid}/reject"),
            &json!({ "reason": "Fully booked that day" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{rejected}");
    assert_eq!(rejected["data"]["status"], "REJECTED");
    assert_eq!(rejected["data"]["rejectionReason"], "Fully booked that day");
    let (status, _) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-31T08:30:00Z", "next@example.org"),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::CREATED,
        "a rejected booking frees its slot"
    );
    server.stop().await;
}

#[tokio::test]
async fn the_invitee_reschedules_and_cancels_with_the_manage_token() {
    let (server, api, id) = clinic(json!({})).await;
    let (_, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-31T08:00:00Z", "pat@example.org"),
        )
        .await;
    let uid = made["data"]["uid"].as_str().expect("uid").to_string();
    let manage = made["data"]["manageUrl"].as_str().expect("manage URL");
    let token = manage.split("token=").nth(1).expect("token").to_string();

    let (status, _) = api
        .public_get(&format!("/api/v1/bookings/{uid}?token={}", "0".repeat(64)))
        .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "a wrong token learns nothing"
    );
    let (status, seen) = api
        .public_get(&format!("/api/v1/bookings/{uid}?token={token}"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(seen["data"]["attendee"]["email"], "pat@example.org");

    let (status, moved) = api
        .public_post(
            &format!("/api/v1/bookings/{uid}/reschedule?token={token}"),
            &json!({ "start": "2026-03-31T09:00:00Z", "reason": "Train delayed" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{moved}");
    let new_uid = moved["data"]["uid"].as_str().expect("uid").to_string();
    assert_ne!(new_uid, uid);
    assert_eq!(moved["data"]["rescheduledFromUid"], uid.as_str());
    assert_eq!(moved["data"]["rescheduleReason"], "Train delayed");
    assert_eq!(moved["data"]["answers"]["reason"], "check-up");
    let (_, old) = api.get(&format!("/api/v1/bookings/{uid}")).await;
    assert_eq!(old["data"]["status"], "CANCELLED");
    assert_eq!(old["data"]["rescheduledToUid"], new_uid.as_str());
    let (_, slots) = api
        .public_get(&format!(
            "/api/v1/slots?eventTypeId={id}&start=2026-03-31&end=2026-03-31&timeZone=UTC"
        ))
        .await;
    assert!(
        starts(&slots, "2026-03-31").contains(&"2026-03-31T08:00:00+00:00".to_string()),
        "the old time is free again"
    );
    assert!(!starts(&slots, "2026-03-31").contains(&"2026-03-31T09:00:00+00:00".to_string()));

    let new_token = moved["data"]["manageUrl"]
        .as_str()
        .and_then(|u| u.split("token=").nth(1))
        .expect("new token")
        .to_string();
    let (status, cancelled) = api
        .public_post(
            &format!("/api/v1/bookings/{new_uid}/cancel?token={new_token}"),
            &json!({ "reason": "Feeling better" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{cancelled}");
    assert_eq!(cancelled["data"]["status"], "CANCELLED");
    assert_eq!(cancelled["data"]["cancelReason"], "Feeling better");
    let (status, _) = api
        .public_post(
            &format!("/api/v1/bookings/{new_uid}/cancel?token={new_token}"),
            &json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    // The host sees the history in the list.
    let (status, list) = api.get("/api/v1/bookings?status=CANCELLED").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["pagination"]["total"], 2);
    server.stop().await;
}

#[tokio::test]
async fn a_reached_daily_limit_removes_the_days_slots() {
    let (server, api, id) = clinic(json!({ "bookingLimits": { "perDay": 2 } })).await;
    for (i, start) in ["2026-03-31T08:00:00Z", "2026-03-31T09:00:00Z"]
        .iter()
        .enumerate()
    {
        let (status, body) = api
            .public_post(
                "/api/v1/bookings",
                &booking(id, start, &format!("p{i}@example.org")),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let (_, slots) = api
        .public_get(&format!(
            "/api/v1/slots?eventTypeId={id}&start=2026-03-31&end=2026-04-01&timeZone=Europe/Berlin"
        ))
        .await;
    assert!(starts(&slots, "2026-03-31").is_empty(), "{slots}");
    assert_eq!(
        starts(&slots, "2026-04-01").len(),
        6,
        "the next day is open"
    );
    let (status, body) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-31T08:30:00Z", "third@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["error"]["details"]["reason"], "booking_limit_reached");
    server.stop().await;
}

#[tokio::test]
async fn bad_input_gets_a_clear_error_and_writes_nothing() {
    let (server, api, id) = clinic(json!({})).await;
    let good = booking(id, "2026-03-31T08:00:00Z", "pat@example.org");
    let with = |path: &[&str], value: Value| {
        let mut body = good.clone();
        let mut target = &mut body;
        for key in &path[..path.len() - 1] {
            target = &mut target[*key];
        }
        target[path[path.len() - 1]] = value;
        body
    };
    let cases = [
        (
            with(&["eventTypeId"], json!(9999)),
            StatusCode::NOT_FOUND,
            "not_found",
            None,
        ),
        (
            with(&["start"], json!("2026-03-31T08:10:00Z")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "not_bookable",
            Some("start"),
        ),
        (
            with(&["start"], json!("2026-03-31T15:00:00Z")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "not_bookable",
            Some("start"),
        ),
        (
            with(&["answers"], json!({})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            Some("answers.reason"),
        ),
        (
            with(&["attendee", "email"], json!("pat-at-example")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            Some("attendee.email"),
        ),
        (
            with(&["attendee", "timeZone"], json!("Mars/Olympus")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            Some("attendee.timeZone"),
        ),
        (
            with(&["duration"], json!(45)),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            Some("duration"),
        ),
        (
            with(&["start"], json!("yesterday")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            None,
        ),
    ];
    for (body, status, code, field) in cases {
        let (got, error) = api.public_post("/api/v1/bookings", &body).await;
        assert_eq!(got, status, "{body} → {error}");
        assert_eq!(error["error"]["code"], code, "{error}");
        assert!(
            error["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty())
        );
        if let Some(field) = field {
            let fields: Vec<&str> = error["error"]["details"]
                .as_array()
                .map(|d| d.iter().filter_map(|e| e["field"].as_str()).collect())
                .unwrap_or_default();
            assert!(fields.contains(&field), "{field} in {error}");
        }
    }
    let malformed = reqwest::Client::new()
        .post(format!("{}/api/v1/bookings", api.base))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .expect("answers");
    assert_eq!(malformed.status(), StatusCode::BAD_REQUEST);

    for query in [
        format!("eventTypeId={id}&start=2026-03-01&end=2026-05-30"),
        format!("eventTypeId={id}&start=2026-03-01&end=2026-03-02&timeZone=Mars/Olympus"),
        format!("eventTypeId={id}&start=March&end=2026-03-02"),
        "start=2026-03-01&end=2026-03-02".to_string(),
    ] {
        let (status, error) = api.public_get(&format!("/api/v1/slots?{query}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}: {error}");
        assert_eq!(error["error"]["code"], "validation_failed");
    }
    let (status, _) = api
        .public_get("/api/v1/slots?eventTypeId=9999&start=2026-03-01&end=2026-03-02")
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(server.count("bookings").await, 0, "no row was written");
    assert_eq!(server.count("booking_events").await, 0);
    server.stop().await;
}

#[tokio::test]
async fn api_keys_guard_the_owner_endpoints() {
    let server = TestServer::with_owner().await;
    let api = server.api().await;
    let (status, me) = api.get("/api/v1/me").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["data"]["email"], OWNER_EMAIL);
    assert_eq!(me["data"]["username"], "owner");
    for key in ["", "kairos_0000", "Basic abc"] {
        let (status, error) = api.with_key(key).get("/api/v1/me").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{key}");
        assert_eq!(error["error"]["code"], "unauthorized");
    }
    let (status, _) = api.public_get("/api/v1/bookings").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = api.public_get("/api/v1/event-types").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    server.stop().await;
}

#[tokio::test]
async fn event_types_and_schedules_are_managed_by_their_owner_only() {
    let (server, api, id) = clinic(json!({})).await;
    let (status, patched) = api
        .send(
            Method::PATCH,
            &format!("/api/v1/event-types/{id}"),
            &json!({ "title": "Long consultation", "durationsMinutes": [60, 30] }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{patched}");
    assert_eq!(patched["data"]["title"], "Long consultation");
    assert_eq!(
        patched["data"]["questions"][0]["key"], "reason",
        "untouched fields stay"
    );
    let (status, error) = api
        .send(
            Method::PATCH,
            &format!("/api/v1/event-types/{id}"),
            &json!({ "slug": "Not A Slug" }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error["error"]["details"][0]["field"], "slug");
    let (status, error) = api
        .post("/api/v1/event-types", &consultation(json!({})))
        .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the slug is taken"
    );
    assert_eq!(error["error"]["details"][0]["field"], "slug");

    // Another person sees none of it.
    let (status, made) = api
        .post(
            "/api/v1/users",
            &json!({ "name": "Mo Member", "email": "mo@clinic.example" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    assert!(
        made["setPasswordUrl"]
            .as_str()
            .is_some_and(|u| u.contains("/reset/"))
    );
    let other = api.with_key(&server.api_key_for("mo@clinic.example").await);
    let (status, _) = other.get(&format!("/api/v1/event-types/{id}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = other
        .send(
            Method::DELETE,
            &format!("/api/v1/event-types/{id}"),
            &json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = other
        .post(
            "/api/v1/users",
            &json!({ "name": "X", "email": "x@clinic.example" }),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "members cannot create accounts"
    );
    let (_, schedules) = other.get("/api/v1/schedules").await;
    assert_eq!(
        schedules["data"].as_array().map(Vec::len),
        Some(1),
        "their own default schedule only"
    );

    let (status, _) = api
        .send(
            Method::DELETE,
            &format!("/api/v1/event-types/{id}"),
            &json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = api.get(&format!("/api/v1/event-types/{id}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (_, list) = api.get("/api/v1/schedules").await;
    let default_id = list["data"][0]["id"].as_i64().expect("id");
    assert_eq!(list["data"][0]["isDefault"], true);
    let (status, _) = api
        .send(
            Method::DELETE,
            &format!("/api/v1/schedules/{default_id}"),
            &json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "the default schedule stays");
    server.stop().await;
}

#[tokio::test]
async fn round_robin_shares_bookings_by_weight() {
    // A hundred bookings from one address within the hour: more than the default limits
    // per address, event type and host.
    let server = TestServer::with_owner_and_config("booking_rate_limit_per_hour = 0\n").await;
    server.set_booking_caps(0, 0).await;
    let api = server.api().await;
    let (status, team) = api
        .post(
            "/api/v1/teams",
            &json!({ "slug": "physio", "name": "Physiotherapy" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{team}");
    let team_id = team["data"]["id"].as_i64().expect("team id");
    let mut hosts = Vec::new();
    for (name, weight) in [("ana", 50i64), ("bo", 30), ("cy", 20)] {
        let (status, user) = api
            .post("/api/v1/users", &json!({ "name": name, "email": format!("{name}@clinic.example"), "timeZone": "UTC" }))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{user}");
        let user_id = user["data"]["id"].as_i64().expect("user id");
        let (status, _) = api
            .send(
                Method::PUT,
                &format!("/api/v1/teams/{team_id}/members"),
                &json!({ "userId": user_id, "role": "member" }),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        hosts.push((user_id, weight));
    }
    let (status, event_type) = api
        .post(
            "/api/v1/event-types",
            &json!({
                "title": "Physio session", "slug": "session", "durationsMinutes": [30],
                "teamId": team_id, "schedulingType": "roundRobin",
                "hosts": hosts.iter().map(|(id, w)| json!({ "userId": id, "weight": w })).collect::<Vec<_>>()
            }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{event_type}");
    let id = event_type["data"]["id"].as_i64().expect("id");

    // 100 bookings on weekday slots (09:00–17:00 UTC, the members' default hours).
    let (_, slots) = api
        .public_get(&format!(
            "/api/v1/slots?eventTypeId={id}&start=2026-03-30&end=2026-04-17&timeZone=UTC"
        ))
        .await;
    let all: Vec<String> = slots["data"]
        .as_object()
        .map(|days| {
            days.values()
                .flat_map(|d| d.as_array().cloned().unwrap_or_default())
                .filter_map(|s| s["start"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    assert!(all.len() >= 100, "{} slots", all.len());
    let mut counts: std::collections::HashMap<i64, i64> = std::collections::HashMap::new();
    for (i, start) in all.iter().take(100).enumerate() {
        let body = json!({
            "eventTypeId": id, "start": start,
            "attendee": { "name": "Client", "email": format!("c{i}@example.org"), "timeZone": "UTC" }
        });
        let (status, made) = api.public_post("/api/v1/bookings", &body).await;
        assert_eq!(status, StatusCode::CREATED, "{made}");
        let host = made["data"]["hostIds"][0].as_i64().expect("host");
        *counts.entry(host).or_insert(0) += 1;
    }
    for (user_id, weight) in hosts {
        let got = counts.get(&user_id).copied().unwrap_or(0);
        assert!(
            (got - weight).abs() <= 1,
            "host {user_id}: {got} bookings for weight {weight}: {counts:?}"
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn the_openapi_document_describes_every_endpoint() {
    let server = TestServer::with_owner().await;
    let api = server.api().await;
    let (status, doc) = api.public_get("/api/v1/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(doc["openapi"], "3.1.0");
    for path in [
        "/api/v1/slots",
        "/api/v1/bookings",
        "/api/v1/bookings/{uid}",
        "/api/v1/bookings/{uid}/cancel",
        "/api/v1/bookings/{uid}/reschedule",
        "/api/v1/bookings/{uid}/confirm",
        "/api/v1/bookings/{uid}/reject",
        "/api/v1/event-types",
        "/api/v1/event-types/{id}",
        "/api/v1/schedules",
        "/api/v1/schedules/{id}",
        "/api/v1/me",
        "/api/v1/calendars",
        "/api/v1/calendars/{id}",
        "/api/v1/calendars/{id}/sync",
        "/api/v1/calendars/{id}/calendars/{calendarId}",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} is documented");
    }
    assert!(doc["components"]["securitySchemes"]["api_key"].is_object());
    server.stop().await;
}

/// Walks what a client sends (request bodies and parameters, through their `$ref`s) and
/// calls `visit` with each schema and the name it has in its object or parameter list.
/// The shared schemas of instants, dates and zones are not entered: they are the rule.
/// Every `$ref` met must resolve.
fn walk_inputs(document: &Value, visit: &mut dyn FnMut(&str, &Value)) {
    fn walk(
        document: &Value,
        name: &str,
        schema: &Value,
        seen: &mut Vec<String>,
        visit: &mut dyn FnMut(&str, &Value),
    ) {
        visit(name, schema);
        if let Some(reference) = schema["$ref"].as_str() {
            let component = reference.trim_start_matches("#/components/schemas/");
            let target = &document["components"]["schemas"][component];
            assert!(target.is_object(), "{reference} resolves");
            if !["Instant", "Date", "TimeZoneName"].contains(&component)
                && !seen.iter().any(|s| s == component)
            {
                seen.push(component.to_string());
                walk(document, name, target, seen, visit);
            }
        }
        if let Some(properties) = schema["properties"].as_object() {
            for (property, inner) in properties {
                walk(document, property, inner, seen, visit);
            }
        }
        for key in ["items", "additionalProperties", "propertyNames"] {
            if schema[key].is_object() {
                walk(document, name, &schema[key], seen, visit);
            }
        }
        for key in ["oneOf", "anyOf", "allOf"] {
            for inner in schema[key].as_array().into_iter().flatten() {
                walk(document, name, inner, seen, visit);
            }
        }
    }
    let operations = document["paths"]
        .as_object()
        .into_iter()
        .flat_map(|paths| paths.values())
        .filter_map(Value::as_object)
        .flat_map(|item| item.values());
    for operation in operations {
        let mut seen = Vec::new();
        let body = &operation["requestBody"]["content"]["application/json"]["schema"];
        walk(document, "", body, &mut seen, visit);
        for parameter in operation["parameters"].as_array().into_iter().flatten() {
            let name = parameter["name"].as_str().unwrap_or_default();
            walk(document, name, &parameter["schema"], &mut seen, visit);
        }
    }
}

#[tokio::test]
async fn every_instant_date_and_zone_a_client_sends_follows_one_rule() {
    let server = TestServer::with_owner().await;
    let api = server.api().await;
    let (status, doc) = api.public_get("/api/v1/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    let refers_to = |schema: &Value, component: &str| {
        let target = format!("#/components/schemas/{component}");
        std::iter::once(schema)
            .chain(schema["oneOf"].as_array().into_iter().flatten())
            .any(|inner| inner["$ref"] == target.as_str())
    };
    let mut zones = 0;
    walk_inputs(&doc, &mut |name, schema| {
        // Where a named schema cannot go (`propertyNames`), its rule is written out.
        let named = match schema["format"].as_str() {
            Some("date-time") => "Instant",
            Some("date") => "Date",
            _ => "",
        };
        if !named.is_empty() {
            assert_eq!(
                schema["pattern"], doc["components"]["schemas"][named]["pattern"],
                "{name} is an instant or a date without the years and precision Kairos takes"
            );
        }
        // An optional zone is `oneOf` null and the zone; the null branch is visited too.
        if name == "timeZone" && schema["type"] != "null" {
            assert!(refers_to(schema, "TimeZoneName"), "timeZone: {schema}");
            zones += 1;
        }
    });
    assert!(
        zones >= 4,
        "schedules, attendees, new users and slots take a zone"
    );
    let names = doc["components"]["schemas"]["TimeZoneName"]["enum"]
        .as_array()
        .map_or(0, Vec::len);
    assert!(names > 400, "{names} zone names");
    assert_eq!(
        doc["components"]["schemas"]["Instant"]["format"],
        "date-time"
    );
    server.stop().await;
}

#[tokio::test]
async fn the_host_reschedules_and_cancels_with_an_api_key() {
    let (server, api, id) = clinic(json!({})).await;
    let (_, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-31T08:00:00Z", "pat@example.org"),
        )
        .await;
    let uid = made["data"]["uid"].as_str().expect("uid").to_string();
    let (status, moved) = api
        .post(
            &format!("/api/v1/bookings/{uid}/reschedule"),
            &json!({ "start": "2026-03-31T08:30:00Z" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{moved}");
    assert_eq!(moved["data"]["start"], "2026-03-31T08:30:00Z");
    let new_uid = moved["data"]["uid"].as_str().expect("uid").to_string();
    // Moving onto a taken time fails and changes nothing.
    let (_, other) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-31T09:00:00Z", "kim@example.org"),
        )
        .await;
    assert_eq!(other["data"]["status"], "ACCEPTED");
    let (status, error) = api
        .post(
            &format!("/api/v1/bookings/{new_uid}/reschedule"),
            &json!({ "start": "2026-03-31T09:00:00Z" }),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{error}");
    let (_, still) = api.get(&format!("/api/v1/bookings/{new_uid}")).await;
    assert_eq!(
        still["data"]["status"], "ACCEPTED",
        "the failed move left the booking as it was"
    );

    let (status, cancelled) = api
        .post(
            &format!("/api/v1/bookings/{new_uid}/cancel"),
            &json!({ "reason": "Clinic closed" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(cancelled["data"]["cancelReason"], "Clinic closed");
    let kinds: Vec<String> = {
        let db = server.running.as_ref().expect("running").state.db.clone();
        db.read(move |conn| -> Result<_, kairos::db::DbError> {
            Ok(conn
                .prepare("SELECT kind FROM booking_events ORDER BY id")?
                .query_map([], |r| r.get(0))?
                .collect::<Result<Vec<String>, _>>()?)
        })
        .await
        .expect("events")
    };
    assert_eq!(kinds, ["created", "rescheduled", "created", "cancelled"]);
    server.stop().await;
}

#[tokio::test]
async fn a_pending_booking_can_leave_its_slot_open() {
    let (server, api, id) =
        clinic(json!({ "requiresConfirmation": true, "pendingBlocksSlot": false })).await;
    let (first, _) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-31T08:00:00Z", "pat@example.org"),
        )
        .await;
    let (second, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-31T08:00:00Z", "kim@example.org"),
        )
        .await;
    assert_eq!((first, second), (StatusCode::CREATED, StatusCode::CREATED));
    let uid = made["data"]["uid"].as_str().expect("uid").to_string();
    let (status, _) = api
        .post(&format!("/api/v1/bookings/{uid}/confirm"), &json!({}))
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the first confirmation takes the slot"
    );
    let (_, list) = api.get("/api/v1/bookings?status=PENDING").await;
    let other = list["data"][0]["uid"]
        .as_str()
        .expect("other pending")
        .to_string();
    let (status, error) = api
        .post(&format!("/api/v1/bookings/{other}/confirm"), &json!({}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{error}");
    assert_eq!(error["error"]["code"], "slot_unavailable");
    server.stop().await;
}

#[tokio::test]
async fn names_with_control_characters_are_refused_naming_the_field() {
    let (server, api, id) = clinic(json!({})).await;
    let forged = "Pat Patient\r\nBcc: everyone@example.org";

    // The API.
    let mut body = booking(id, "2026-03-30T07:00:00Z", "pat@example.org");
    body["attendee"]["name"] = json!(forged);
    let (status, error) = api.public_post("/api/v1/bookings", &body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
    assert_eq!(error["error"]["details"][0]["field"], "attendee.name");
    body["attendee"]["name"] = json!("Pat\u{0}Patient");
    let (status, _) = api.public_post("/api/v1/bookings", &body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // The booking page.
    let client = browser();
    let booker = server.url("/owner/consultation");
    let slot = "2026-03-30T07:00:00Z";
    let csrf = csrf_from(&client, &format!("{booker}?slot={slot}")).await;
    let response = client
        .post(&booker)
        .form(&[
            ("csrf", csrf.as_str()),
            ("slot", slot),
            ("tz", "Europe/Berlin"),
            ("h", "24"),
            ("duration", "30"),
            ("name", forged),
            ("email", "pat@example.org"),
            ("q.reason", "check-up"),
        ])
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.expect("body");
    assert!(
        page.contains("Your name must be one line without control characters"),
        "{page}"
    );
    assert_eq!(server.count("bookings").await, 0);

    // Account names: a person's own profile, and an account an administrator creates.
    let (status, error) = api
        .post(
            "/api/v1/users",
            &json!({ "name": "New\nPerson", "email": "new@clinic.example" }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{error}");
    assert_eq!(error["error"]["details"][0]["field"], "name");
    let owner = signed_in_owner(&server).await;
    let (_, _, page) = fetch_page(&owner, &server.url("/dashboard/settings")).await;
    let (status, _, page) = submit_form(
        &owner,
        &server.url("/dashboard/settings/profile"),
        &csrf_of(&page),
        &[
            ("name", "Olivia\u{7}Owner"),
            ("username", "owner"),
            ("time_zone", "Europe/Berlin"),
            ("bio", ""),
            ("first_day_of_week", ""),
            ("time_format", "24"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("must be one line without control characters"));
    server.stop().await;
}

#[tokio::test]
async fn a_disabled_hosts_event_type_has_no_slots_in_the_api_as_it_has_no_page() {
    let server = TestServer::with_owner().await;
    server
        .create_member("Max Muster", "max@clinic.example", "copper-meadow-quartz-9")
        .await;
    let max = server
        .api()
        .await
        .with_key(&server.api_key_for("max@clinic.example").await);
    let (status, body) = max.post("/api/v1/schedules", &berlin_mornings()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (status, body) = max
        .post("/api/v1/event-types", &consultation(json!({})))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["data"]["id"].as_i64().expect("id");
    let db = server.running.as_ref().expect("running").state.db.clone();
    let user = db
        .read(|conn| -> Result<_, kairos::db::DbError> {
            Ok(kairos::db::users::by_email(conn, "max@clinic.example")?)
        })
        .await
        .expect("readable")
        .expect("max exists");
    let page = format!("/{}/consultation", user.username);
    let by_id = format!("/api/v1/slots?eventTypeId={id}&start=2026-03-30&end=2026-03-31");
    let by_name = format!(
        "/api/v1/slots?username={}&eventTypeSlug=consultation&start=2026-03-30&end=2026-03-31",
        user.username
    );
    assert_eq!(
        reqwest::get(server.url(&page))
            .await
            .expect("answers")
            .status(),
        StatusCode::OK
    );
    assert_eq!(max.public_get(&by_id).await.0, StatusCode::OK);
    assert_eq!(max.public_get(&by_name).await.0, StatusCode::OK);

    let now = kairos::clock::Clock::now(server.clock.as_ref());
    db.write(move |tx| -> Result<_, kairos::db::DbError> {
        Ok(kairos::db::users::set_disabled(tx, user.id, true, now)?)
    })
    .await
    .expect("disabled");
    assert_eq!(
        reqwest::get(server.url(&page))
            .await
            .expect("answers")
            .status(),
        StatusCode::NOT_FOUND
    );
    for path in [by_id, by_name] {
        let (status, body) = max.public_get(&path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}: {body}");
    }
}

#[tokio::test]
async fn busy_time_replicated_from_a_hosts_calendar_removes_slots_and_its_own_bookings_do_not() {
    let (server, api, id) = clinic(json!({})).await;
    let slots_path = format!(
        "/api/v1/slots?eventTypeId={id}&start=2026-03-30&end=2026-03-30&timeZone=Europe/Berlin"
    );
    assert_eq!(
        starts(&api.public_get(&slots_path).await.1, "2026-03-30").len(),
        6
    );
    let db = server.running.as_ref().expect("running").state.db.clone();
    let at = |text: &str| {
        chrono::DateTime::parse_from_rfc3339(text)
            .expect("instant")
            .with_timezone(&chrono::Utc)
    };
    let busy = vec![
        // 10:00–11:00 Berlin: two slots go.
        kairos::db::calendars::BusyTime {
            uid: "dentist@example.org".into(),
            start: at("2026-03-30T08:00:00Z"),
            end: at("2026-03-30T09:00:00Z"),
        },
        // A booking Kairos wrote itself: counted as the booking, not again.
        kairos::db::calendars::BusyTime {
            uid: "abc@kairos".into(),
            start: at("2026-03-30T07:00:00Z"),
            end: at("2026-03-30T07:30:00Z"),
        },
    ];
    let now = kairos::clock::Clock::now(server.clock.as_ref());
    let calendar_id = db
        .write(move |tx| -> Result<i64, kairos::db::DbError> {
            use kairos::db::calendars;
            let owner = kairos::db::users::by_email(tx, OWNER_EMAIL)?.expect("owner");
            let account = calendars::insert_account(
                tx,
                owner.id,
                calendars::Provider::Ics,
                "calendar.example.org",
                "",
                b"sealed",
                now,
            )?;
            let calendar = calendars::upsert_calendar(tx, account, "", "Personal", true)?;
            calendars::replace_object(tx, calendar, owner.id, "feed", "\"1\"", &busy)?;
            Ok(calendar)
        })
        .await
        .expect("replica written");
    let (_, slots) = api.public_get(&slots_path).await;
    assert_eq!(
        starts(&slots, "2026-03-30"),
        ["09:00", "09:30", "11:00", "11:30"].map(|t| format!("2026-03-30T{t}:00+02:00"))
    );
    // A calendar that does not check for conflicts blocks nothing.
    db.write(move |tx| -> Result<usize, kairos::db::DbError> {
        Ok(kairos::db::calendars::set_check_conflicts(
            tx,
            calendar_id,
            false,
        )?)
    })
    .await
    .expect("switched off");
    assert_eq!(
        starts(&api.public_get(&slots_path).await.1, "2026-03-30").len(),
        6
    );
}

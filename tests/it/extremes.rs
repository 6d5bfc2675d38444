//! No input stops the service: every date, time, duration, id and zone that a stranger or
//! a member can send, pushed to its extremes and malformed, gets an answer below 500, and
//! the server keeps answering after each one.

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config as ProptestConfig, RngAlgorithm, TestRng, TestRunner};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::api::{berlin_mornings, booking, clinic, consultation};
use crate::support::*;

/// Values at and beyond the edges of what dates, numbers and zones can hold, and values
/// of the wrong shape.
fn extremes() -> Vec<String> {
    let mut values: Vec<String> = [
        "+262142-12-31T23:45:00Z",
        "-262143-01-01T00:00:00Z",
        "+262143-12-31",
        "-262143-01-01",
        "262142-12-31",
        "+262142-12",
        "0000-01-01T00:00:00Z",
        "0000-01-01",
        "1899-12-31T23:59:59Z",
        "1900-01-01T00:00:00Z",
        "1970-01-01T00:00:00Z",
        "2999-12-31T23:59:59Z",
        "2999-12-31",
        "2999-12",
        "3000-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z",
        "9999-12-31",
        "2026-03-30T09:00:00.5Z",
        "2026-03-30T09:00:00.999999999+14:00",
        "2026-03-30T09:00:00+25:00",
        "2026-03-30T24:00:00Z",
        "2026-02-30",
        "2026-13",
        "2026-03-30T09:00:00Z\r\nX: y",
        "\u{0}",
        "\u{7f}",
        "",
        " ",
        "null",
        "-1",
        "0",
        "2147483648",
        "-9223372036854775808",
        "9223372036854775807",
        "18446744073709551616",
        "1e308",
        "NaN",
        "Europe/Berlin\n",
        "Etc/GMT+14",
        "../../etc/passwd",
        "😀",
    ]
    .iter()
    .map(|v| (*v).to_string())
    .collect();
    values.push("9".repeat(10_000));
    values.push("2026-03-30T09:00:00".to_string() + &"0".repeat(5_000) + "Z");
    values.extend(generated_dates());
    values
}

/// Date-shaped strings from a fixed seed: the same every run, so a failure reproduces.
fn generated_dates() -> Vec<String> {
    let pattern = "[+-]?[0-9]{1,6}-[0-9]{1,2}(-[0-9]{1,2}(T[0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,12})?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?)?";
    let strategy = proptest::string::string_regex(pattern).expect("a valid pattern");
    let mut runner = TestRunner::new_with_rng(
        ProptestConfig::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]),
    );
    (0..40)
        .map(|_| strategy.new_tree(&mut runner).expect("a value").current())
        .collect()
}

/// A value as a JSON string, and as a number where it reads as one.
fn as_json(value: &str) -> Vec<Value> {
    let mut out = vec![Value::from(value)];
    if let Ok(number) = value.parse::<serde_json::Number>() {
        out.push(Value::Number(number));
    }
    out
}

fn encode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

struct Probe<'a> {
    server: &'a TestServer,
    api: &'a Api,
    browser: reqwest::Client,
    sent: usize,
}

impl Probe<'_> {
    /// Sends a request and checks the answer is not a server error and the server lives.
    async fn check(&mut self, what: &str, request: reqwest::RequestBuilder) {
        self.sent += 1;
        let response = request.send().await.unwrap_or_else(|err| {
            panic!("{what}: no answer ({err}); the server stopped");
        });
        let status = response.status();
        let body = response.text().await.unwrap_or_default();
        assert!(
            status.as_u16() < 500,
            "{what}: answered {status}: {}",
            body.chars().take(300).collect::<String>()
        );
        let alive = self
            .api
            .client
            .get(self.server.url("/healthz"))
            .send()
            .await
            .map(|r| r.status());
        assert_eq!(alive.ok(), Some(StatusCode::OK), "{what}: server not alive");
    }

    async fn api_json(&mut self, what: &str, method: Method, path: &str, body: &Value) {
        let request = self
            .api
            .client
            .request(method, self.server.url(path))
            .bearer_auth(&self.api.key)
            .json(body);
        self.check(what, request).await;
    }

    async fn api_get(&mut self, what: &str, path: &str) {
        let request = self
            .api
            .client
            .get(self.server.url(path))
            .bearer_auth(&self.api.key);
        self.check(what, request).await;
    }

    async fn page(&mut self, what: &str, path: &str) {
        let request = self.browser.get(self.server.url(path));
        self.check(what, request).await;
    }

    async fn form(&mut self, what: &str, path: &str, csrf: &str, fields: &[(&str, &str)]) {
        let mut form = vec![("csrf", csrf)];
        form.extend_from_slice(fields);
        let request = self.browser.post(self.server.url(path)).form(&form);
        self.check(what, request).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_extreme_or_malformed_value_answers_5xx_or_stops_the_server() {
    // Rate limits would answer 429 before the values are looked at.
    let server = TestServer::with_owner_and_config(
        "booking_rate_limit_per_hour = 0\napi_rate_limit_per_minute = 0\n",
    )
    .await;
    let api = server.api().await;
    let (status, body) = api.post("/api/v1/schedules", &berlin_mornings()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (status, body) = api
        .post("/api/v1/event-types", &consultation(json!({})))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["data"]["id"].as_i64().expect("id");
    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-30T07:00:00Z", "pat@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let uid = made["data"]["uid"].as_str().expect("uid").to_string();
    let manage = made["data"]["manageUrl"].as_str().unwrap_or_default();
    let token = manage
        .rsplit("token=")
        .next()
        .unwrap_or_default()
        .to_string();

    let browser = signed_in_owner(&server).await;
    let mut probe = Probe {
        server: &server,
        api: &api,
        browser,
        sent: 0,
    };
    let availability_csrf = csrf_from(&probe.browser, &server.url("/dashboard/availability")).await;
    let event_type_csrf = csrf_from(
        &probe.browser,
        &server.url(&format!("/dashboard/event-types/{id}")),
    )
    .await;

    let public_csrf = csrf_from(
        &probe.browser,
        &server.url("/owner/consultation?slot=2026-03-31T07:00:00Z"),
    )
    .await;

    for value in extremes() {
        let v = value.as_str();
        let e = encode(v);

        // Slots, by id and by name, with every parameter extreme in turn.
        for query in [
            format!("eventTypeId={id}&start={e}&end=2026-04-02"),
            format!("eventTypeId={id}&start=2026-03-30&end={e}"),
            format!("eventTypeId={id}&start={e}&end={e}"),
            format!("eventTypeId={e}&start=2026-03-30&end=2026-04-02"),
            format!("eventTypeId={id}&start=2026-03-30&end=2026-04-02&timeZone={e}"),
            format!("eventTypeId={id}&start=2026-03-30&end=2026-04-02&duration={e}"),
            format!("username=owner&eventTypeSlug=consultation&start={e}&end={e}"),
            format!("username={e}&eventTypeSlug={e}&start=2026-03-30&end=2026-04-02"),
        ] {
            probe
                .api_get(&format!("slots {query}"), &format!("/api/v1/slots?{query}"))
                .await;
        }

        for json_value in as_json(v) {
            // Booking: start, duration, zone and event type id.
            for (field, body) in [
                ("start", {
                    let mut b = booking(id, "2026-03-30T07:30:00Z", "a@example.org");
                    b["start"] = json_value.clone();
                    b
                }),
                ("duration", {
                    let mut b = booking(id, "2026-03-30T07:30:00Z", "a@example.org");
                    b["duration"] = json_value.clone();
                    b
                }),
                ("eventTypeId", {
                    let mut b = booking(id, "2026-03-30T07:30:00Z", "a@example.org");
                    b["eventTypeId"] = json_value.clone();
                    b
                }),
                ("attendee.timeZone", {
                    let mut b = booking(id, "2026-03-30T07:30:00Z", "a@example.org");
                    b["attendee"]["timeZone"] = json_value.clone();
                    b
                }),
            ] {
                probe
                    .api_json(
                        &format!("booking {field}={v:?}"),
                        Method::POST,
                        "/api/v1/bookings",
                        &body,
                    )
                    .await;
            }
            probe
                .api_json(
                    &format!("reschedule start={v:?}"),
                    Method::POST,
                    &format!("/api/v1/bookings/{uid}/reschedule"),
                    &json!({ "start": json_value }),
                )
                .await;
            for body in [
                json!({ "start": json_value, "end": "2026-04-01T00:00:00Z" }),
                json!({ "start": "2026-03-31T00:00:00Z", "end": json_value }),
                json!({ "start": json_value, "end": json_value }),
            ] {
                probe
                    .api_json(
                        &format!("out of office {body}"),
                        Method::POST,
                        "/api/v1/out-of-office",
                        &body,
                    )
                    .await;
            }
            // Schedules: zone, override dates and holidays.
            let mut schedule = berlin_mornings();
            schedule["isDefault"] = json!(false);
            for (field, value) in [
                ("timeZone", json_value.clone()),
                ("dateOverrides", json!({ v: [] })),
                ("holidays", json!([json_value])),
            ] {
                let mut body = schedule.clone();
                body[field] = value;
                probe
                    .api_json(
                        &format!("schedule {field}={v:?}"),
                        Method::POST,
                        "/api/v1/schedules",
                        &body,
                    )
                    .await;
            }
            // Event types: durations, buffers, notice, window dates.
            for extra in [
                json!({ "durationsMinutes": [json_value] }),
                json!({ "beforeBufferMinutes": json_value }),
                json!({ "minimumNoticeMinutes": json_value }),
                json!({ "bookingWindow": { "kind": "dateRange", "start": json_value, "end": "2026-12-31" } }),
                json!({ "bookingWindow": { "kind": "rollingCalendarDays", "days": json_value } }),
            ] {
                let mut body = consultation(extra.clone());
                body["slug"] = json!("extreme");
                probe
                    .api_json(
                        &format!("event type {extra}"),
                        Method::POST,
                        "/api/v1/event-types",
                        &body,
                    )
                    .await;
            }
        }

        // Listing bookings and ids in paths.
        for query in [
            format!("after={e}"),
            format!("before={e}"),
            format!("skip={e}&take={e}"),
            format!("status={e}"),
        ] {
            probe
                .api_get(
                    &format!("bookings {query}"),
                    &format!("/api/v1/bookings?{query}"),
                )
                .await;
        }
        for path in [
            format!("/api/v1/bookings/{e}"),
            format!("/api/v1/event-types/{e}"),
            format!("/api/v1/schedules/{e}"),
            format!("/api/v1/webhooks/{e}"),
        ] {
            probe.api_get(&format!("GET {path}"), &path).await;
        }

        // The public booking page and its form.
        for query in [
            format!("month={e}"),
            format!("date={e}"),
            format!("slot={e}"),
            format!("tz={e}&duration={e}"),
            format!("month={e}&date={e}&slot={e}"),
        ] {
            probe
                .page(
                    &format!("booker {query}"),
                    &format!("/owner/consultation?{query}"),
                )
                .await;
        }
        probe
            .form(
                &format!("book slot={v:?}"),
                "/owner/consultation",
                &public_csrf,
                &[
                    ("slot", v),
                    ("tz", v),
                    ("duration", v),
                    ("name", "Pat"),
                    ("email", "pat@example.org"),
                    ("reason", "x"),
                ],
            )
            .await;
        probe
            .form(
                &format!("reschedule form start={v:?}"),
                &format!("/booking/{uid}/reschedule"),
                &public_csrf,
                &[("start", v), ("token", &token)],
            )
            .await;

        // Signed-in forms that take dates.
        probe
            .form(
                &format!("out-of-office form {v:?}"),
                "/dashboard/out-of-office",
                &availability_csrf,
                &[("start", v), ("end", v)],
            )
            .await;
        probe
            .form(
                &format!("out-of-office form start={v:?}"),
                "/dashboard/out-of-office",
                &availability_csrf,
                &[("start", v), ("end", "2026-04-01")],
            )
            .await;
        probe
            .form(
                &format!("new schedule override {v:?}"),
                "/dashboard/availability",
                &availability_csrf,
                &[
                    ("name", "Extreme"),
                    ("timeZone", v),
                    ("override.date", v),
                    ("override.start", "09:00"),
                    ("override.end", "10:00"),
                ],
            )
            .await;
        probe
            .form(
                &format!("event type window {v:?}"),
                &format!("/dashboard/event-types/{id}"),
                &event_type_csrf,
                &[
                    ("title", "Consultation"),
                    ("slug", "consultation"),
                    ("durationsMinutes", v),
                    ("bookingWindow.kind", "dateRange"),
                    ("bookingWindow.start", v),
                    ("bookingWindow.end", v),
                    ("minimumNoticeMinutes", v),
                ],
            )
            .await;
        probe
            .page(
                &format!("audit filter {v:?}"),
                &format!("/dashboard/admin/audit?from={e}&to={e}"),
            )
            .await;
        probe
            .page(
                &format!("bookings page {v:?}"),
                &format!("/dashboard/bookings?tab={e}&notice={e}"),
            )
            .await;
        probe
            .page(&format!("sign-in next={v:?}"), &format!("/login?next={e}"))
            .await;
    }
    assert!(probe.sent > 3_000, "only {} requests were sent", probe.sent);
    server.stop().await;
}

#[tokio::test]
async fn the_year_262142_is_refused_with_the_field_and_the_range() {
    let (server, api, id) = clinic(json!({})).await;
    let (status, body) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "+262142-12-31T23:45:00Z", "far@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let message = body["error"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("start"), "{body}");
    assert!(
        message.contains("between the years 1900 and 2999"),
        "{body}"
    );

    let (status, body) = api
        .public_get(&format!(
            "/api/v1/slots?eventTypeId={id}&start=-262143-01-01&end=-262143-01-02"
        ))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["error"]["details"][0]["field"], "start", "{body}");

    let (status, body) = api
        .post(
            "/api/v1/out-of-office",
            &json!({ "start": "6246-12-12T10:33:47.0Z", "end": "6246-12-12T10:33:47.55Z" }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, body) = api
        .post(
            "/api/v1/out-of-office",
            &json!({ "start": "2026-12-12T10:33:47.0Z", "end": "2026-12-12T10:33:47.55Z" }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["details"][0]["field"], "end", "{body}");
    assert!(
        body["error"]["details"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("whole second"),
        "{body}"
    );
    assert_eq!(server.count("out_of_office").await, 0);
    server.stop().await;
}

#[tokio::test]
async fn sign_in_redirects_stay_on_this_site_whatever_next_says() {
    let server = TestServer::with_owner().await;
    let hostile = [
        "/\t/evil.example/x",
        "/\n/evil.example/x",
        "/\r\n/evil.example/x",
        "//evil.example/x",
        "/\\evil.example/x",
        "https://evil.example/x",
        "/\u{7f}",
        "/\u{0}",
    ];
    for next in hostile {
        let client = browser();
        let csrf = csrf_from(&client, &server.url("/login")).await;
        let response = client
            .post(server.url("/login"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("email", OWNER_EMAIL),
                ("password", OWNER_PASSWORD),
                ("next", next),
            ])
            .send()
            .await
            .expect("answers");
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{next:?}");
        assert_eq!(location(&response), "/dashboard", "{next:?}");
        // Signed in, the sign-in page sends people on at once: to the same safe place.
        let (status, to, _) = fetch_page(
            &client,
            &server.url(&format!("/login?next={}", encode(next))),
        )
        .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{next:?}");
        assert_eq!(to, "/dashboard", "{next:?}");
    }
    let client = signed_in_owner(&server).await;
    let (_, to, _) = fetch_page(&client, &server.url("/login?next=/dashboard/bookings")).await;
    assert_eq!(to, "/dashboard/bookings");
    // Single sign-on's start takes `next` too; without a provider it shows the sign-in page.
    let (status, to, _) = fetch_page(
        &browser(),
        &server.url(&format!("/login/sso?next={}", encode("/\t/evil.example/x"))),
    )
    .await;
    assert!(status.as_u16() < 500, "{status}");
    assert!(!to.contains("evil.example"), "{to}");
    server.stop().await;
}

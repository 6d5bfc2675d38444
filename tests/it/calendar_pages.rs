//! Connected calendars as a host reaches them: Dashboard → Calendars and
//! `/api/v1/calendars`, against an ICS feed served by the test on loopback (the servers run
//! with `outbound_allow_loopback`). Connecting, the per-calendar choices, syncing now,
//! disconnecting with everything copied, the refusals of bad addresses, and that no one
//! else sees a host's accounts.

use std::sync::{Arc, Mutex};
use std::time::{Duration as StdDuration, Instant};

use axum::http::{StatusCode as AxumStatus, Uri};
use axum::response::{Html, IntoResponse, Response};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use kairos::clock::Clock as _;

use crate::support::*;
use crate::webhooks::ALLOW_LOOPBACK;

const HOST_EMAIL: &str = "hana@clinic.example";
const HOST_PASSWORD: &str = "amber-violin-harbor-7";
/// The secret part of the feed's address: it must never be shown again.
const FEED_SECRET: &str = "private-7f3a9c2e1b";

fn event(uid: &str, start: &str, end: &str) -> String {
    format!(
        "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260301T000000Z\r\nDTSTART:{start}\r\nDTEND:{end}\r\nSUMMARY:Private appointment\r\nEND:VEVENT\r\n"
    )
}

/// An iCalendar feed with one event per `(start, end)`, in UTC.
fn ics_feed(events: &[(&str, &str)]) -> String {
    let body: String = events
        .iter()
        .enumerate()
        .map(|(i, (start, end))| event(&format!("event-{i}@feeds.example"), start, end))
        .collect();
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kairos tests//EN\r\n{body}END:VCALENDAR\r\n"
    )
}

const TWO_EVENTS: &[(&str, &str)] = &[
    ("20260330T090000Z", "20260330T100000Z"),
    ("20260331T140000Z", "20260331T150000Z"),
];
const THREE_EVENTS: &[(&str, &str)] = &[
    ("20260330T090000Z", "20260330T100000Z"),
    ("20260331T140000Z", "20260331T150000Z"),
    ("20260401T080000Z", "20260401T083000Z"),
];

/// A web server on loopback: `/feed/…` answers the current feed (or 404 once it is
/// removed), `/page.html` a web page, anything else 404.
struct FeedServer {
    base: String,
    body: Arc<Mutex<Option<String>>>,
    task: tokio::task::JoinHandle<()>,
}

impl FeedServer {
    async fn start(events: &[(&str, &str)]) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("the feed server listens");
        let address = listener.local_addr().expect("address");
        let body = Arc::new(Mutex::new(Some(ics_feed(events))));
        let shared = body.clone();
        let app = axum::Router::new().fallback(move |uri: Uri| {
            let shared = shared.clone();
            async move { answer(uri.path(), shared.lock().expect("lock").clone()) }
        });
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Self {
            base: format!("http://{address}"),
            body,
            task,
        }
    }

    /// The feed's secret address.
    fn url(&self) -> String {
        format!("{}/feed/{FEED_SECRET}.ics", self.base)
    }

    fn set(&self, body: Option<String>) {
        *self.body.lock().expect("lock") = body;
    }

    fn stop(self) {
        self.task.abort();
    }
}

fn answer(path: &str, feed: Option<String>) -> Response {
    match (path, feed) {
        (p, Some(body)) if p.starts_with("/feed/") => {
            ([("content-type", "text/calendar")], body).into_response()
        }
        ("/page.html", _) => Html("<html><body>Welcome to our site</body></html>").into_response(),
        _ => (AxumStatus::NOT_FOUND, "not found").into_response(),
    }
}

/// A server whose members may name loopback addresses, with a member host signed in.
async fn host_server() -> (TestServer, reqwest::Client) {
    let server = TestServer::with_owner_and_config(ALLOW_LOOPBACK).await;
    server
        .create_member("Hana Host", HOST_EMAIL, HOST_PASSWORD)
        .await;
    let client = browser();
    let response = sign_in(&server, &client, HOST_EMAIL, HOST_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    (server, client)
}

/// `(last synced, failures, last error)` of an account, straight from the database.
async fn sync_state(server: &TestServer, id: i64) -> (Option<i64>, i64, Option<String>) {
    let db = server.running.as_ref().expect("running").state.db.clone();
    db.read(move |conn| -> Result<_, kairos::db::DbError> {
        Ok(conn.query_row(
            "SELECT last_synced_at, failures, last_error FROM calendar_accounts WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?)
    })
    .await
    .expect("account read")
}

/// Waits, waking the job worker, until `done` holds for the account's sync state.
async fn wait_until(
    server: &TestServer,
    id: i64,
    what: &str,
    done: impl Fn(&(Option<i64>, i64, Option<String>)) -> bool,
) {
    let state = server.running.as_ref().expect("running").state.clone();
    let deadline = Instant::now() + StdDuration::from_secs(30);
    loop {
        let found = sync_state(server, id).await;
        if done(&found) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{what}: the account is {found:?}"
        );
        state.jobs.wake();
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    }
}

async fn busy_count(server: &TestServer) -> i64 {
    server.count("calendar_busy").await
}

/// The id that ends a redirect to `…#account-ID`.
fn account_in(location: &str) -> i64 {
    location
        .rsplit_once("#account-")
        .and_then(|(_, id)| id.parse().ok())
        .unwrap_or_else(|| panic!("{location} names no account"))
}

async fn calendars_page(server: &TestServer, client: &reqwest::Client) -> String {
    let (status, _, page) = fetch_page(client, &server.url("/dashboard/calendars")).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    page
}

#[tokio::test]
async fn a_host_adds_a_feed_on_the_page_chooses_syncs_and_disconnects() {
    let feed = FeedServer::start(TWO_EVENTS).await;
    let (server, client) = host_server().await;
    let page = calendars_page(&server, &client).await;
    assert!(page.contains("No calendars connected"), "{page}");
    assert!(page.contains(r#"href="/dashboard/calendars" aria-current="page""#));
    let csrf = csrf_of(&page);
    let (status, to, body) = submit_form(
        &client,
        &server.url("/dashboard/calendars"),
        &csrf,
        &[("provider", "ics"), ("feed_url", &feed.url())],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    assert!(to.starts_with("/dashboard/calendars?notice=calendar-connected#account-"));
    let id = account_in(&to);
    wait_until(&server, id, "the first sync", |(synced, ..)| {
        synced.is_some()
    })
    .await;
    assert_eq!(busy_count(&server).await, 2);

    let page = calendars_page(&server, &client).await;
    for shown in [
        "ICS feed",
        "127.0.0.1",
        "Synced",
        "Last successful sync",
        "Read-only",
        "Its events block your slots",
        r#"role="switch" aria-checked="true""#,
        "New bookings are not written to any of your calendars",
    ] {
        assert!(page.contains(shown), "the page shows {shown:?}: {page}");
    }
    assert!(
        !page.contains(FEED_SECRET),
        "the feed's address stays secret"
    );
    assert!(
        !page.contains(r#"name="destination""#),
        "a feed cannot be a destination"
    );

    let api = server
        .api()
        .await
        .with_key(&server.api_key_for(HOST_EMAIL).await);
    let (_, account) = api.get(&format!("/api/v1/calendars/{id}")).await;
    let calendar = account["data"]["calendars"][0]["id"]
        .as_i64()
        .expect("the feed's calendar");
    let choose = server.url(&format!("/dashboard/calendars/{id}/calendars/{calendar}"));
    let (status, to, _) = submit_form(&client, &choose, &csrf, &[("check_conflicts", "off")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        to,
        format!("/dashboard/calendars?notice=saved#calendar-{calendar}")
    );
    let page = calendars_page(&server, &client).await;
    assert!(
        page.contains(r#"role="switch" aria-checked="false""#),
        "{page}"
    );
    assert!(page.contains("Not checked for conflicts"), "{page}");
    let (_, account) = api.get(&format!("/api/v1/calendars/{id}")).await;
    assert_eq!(account["data"]["calendars"][0]["checkConflicts"], false);
    let (status, _, _) = submit_form(&client, &choose, &csrf, &[("check_conflicts", "on")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, account) = api.get(&format!("/api/v1/calendars/{id}")).await;
    assert_eq!(account["data"]["calendars"][0]["checkConflicts"], true);

    // A hand-made request to write bookings to the feed is refused next to the calendar.
    let (status, _, page) = submit_form(&client, &choose, &csrf, &[("destination", "on")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("this calendar is read-only"), "{page}");

    // Sync now reads the feed again.
    feed.set(Some(ics_feed(THREE_EVENTS)));
    server.clock.advance(chrono::Duration::minutes(1));
    let now = server.clock.now().timestamp();
    let (status, to, _) = submit_form(
        &client,
        &server.url(&format!("/dashboard/calendars/{id}/sync")),
        &csrf,
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        to,
        format!("/dashboard/calendars?notice=sync-planned#account-{id}")
    );
    wait_until(&server, id, "the sync asked for", |(synced, ..)| {
        *synced == Some(now)
    })
    .await;
    assert_eq!(busy_count(&server).await, 3);

    // A feed that is gone: the page says so in plain words.
    feed.set(None);
    server.clock.advance(chrono::Duration::minutes(1));
    let (status, _, _) = submit_form(
        &client,
        &server.url(&format!("/dashboard/calendars/{id}/sync")),
        &csrf,
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    wait_until(&server, id, "the failed sync", |(_, failures, _)| {
        *failures > 0
    })
    .await;
    let page = calendars_page(&server, &client).await;
    assert!(page.contains("Sync failing"), "{page}");
    assert!(
        page.contains("The last sync failed: </strong>the feed is no longer there (404)."),
        "{page}"
    );

    let (status, to, _) = submit_form(
        &client,
        &server.url(&format!("/dashboard/calendars/{id}/disconnect")),
        &csrf,
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(to, "/dashboard/calendars?notice=calendar-disconnected");
    for table in [
        "calendar_accounts",
        "calendars",
        "calendar_objects",
        "calendar_busy",
    ] {
        assert_eq!(server.count(table).await, 0, "{table} is emptied");
    }
    let page = calendars_page(&server, &client).await;
    assert!(page.contains("No calendars connected"), "{page}");
    let object = format!("calendar_account:{id}");
    let audited: Vec<String> = server
        .audit_log()
        .await
        .into_iter()
        .filter(|(_, found, _, _)| found.as_deref() == Some(object.as_str()))
        .map(|(action, ..)| action)
        .collect();
    assert_eq!(
        audited,
        [
            "calendar_connected",
            "calendar_sync_failed",
            "calendar_disconnected"
        ]
    );
    feed.stop();
    server.stop().await;
}

#[tokio::test]
async fn a_host_connects_a_feed_through_the_api_without_seeing_its_address_again() {
    let feed = FeedServer::start(TWO_EVENTS).await;
    let (server, _) = host_server().await;
    let api = server
        .api()
        .await
        .with_key(&server.api_key_for(HOST_EMAIL).await);
    let response = api
        .client
        .post(format!("{}/api/v1/calendars", api.base))
        .bearer_auth(&api.key)
        .json(&json!({ "provider": "ics", "url": feed.url() }))
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::CREATED);
    let text = response.text().await.expect("body");
    assert!(!text.contains(FEED_SECRET), "{text}");
    let created: Value = serde_json::from_str(&text).expect("JSON");
    let data = &created["data"];
    assert_eq!(data["provider"], "ics");
    assert_eq!(data["url"], "127.0.0.1");
    assert_eq!(data["calendars"][0]["readOnly"], true);
    assert_eq!(data["calendars"][0]["checkConflicts"], true);
    assert_eq!(data["calendars"][0]["destination"], false);
    let id = data["id"].as_i64().expect("id");
    let calendar = data["calendars"][0]["id"].as_i64().expect("calendar id");
    wait_until(&server, id, "the first sync", |(synced, ..)| {
        synced.is_some()
    })
    .await;

    let (status, list) = api.get("/api/v1/calendars").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["data"].as_array().map(Vec::len), Some(1));
    assert!(list["data"][0]["lastSyncedAt"].is_string(), "{list}");
    assert!(!list.to_string().contains(FEED_SECRET));

    let choice = format!("/api/v1/calendars/{id}/calendars/{calendar}");
    let (status, changed) = api
        .send(Method::PATCH, &choice, &json!({ "checkConflicts": false }))
        .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["data"]["calendars"][0]["checkConflicts"], false);
    let (status, refused) = api
        .send(Method::PATCH, &choice, &json!({ "destination": true }))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert_eq!(refused["error"]["details"][0]["field"], "destination");
    let (status, refused) = api
        .send(Method::PATCH, &choice, &json!({ "colour": "red" }))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    let (status, _) = api
        .send(
            Method::PATCH,
            &format!("/api/v1/calendars/{id}/calendars/{}", calendar + 1000),
            &json!({ "checkConflicts": true }),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (status, planned) = api
        .post(&format!("/api/v1/calendars/{id}/sync"), &json!({}))
        .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{planned}");
    assert_eq!(planned["data"]["id"], id);

    // A feed takes no bookings: neither option applies to it.
    let (status, refused) = api
        .send(
            Method::PATCH,
            &format!("/api/v1/calendars/{id}"),
            &json!({ "liveCheck": true }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert_eq!(refused["error"]["details"][0]["field"], "liveCheck");
    let (status, unchanged) = api
        .send(
            Method::PATCH,
            &format!("/api/v1/calendars/{id}"),
            &json!({ "liveCheck": false }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{unchanged}");
    assert_eq!(unchanged["data"]["liveCheck"], false);
    assert_eq!(unchanged["data"]["syncCancellations"], false);

    let (status, _) = api
        .send(
            Method::DELETE,
            &format!("/api/v1/calendars/{id}"),
            &json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = api.get(&format!("/api/v1/calendars/{id}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(server.count("calendar_accounts").await, 0);
    assert_eq!(server.count("calendar_busy").await, 0);
    let actions: Vec<String> = server
        .audit_log()
        .await
        .into_iter()
        .map(|(action, ..)| action)
        .filter(|action| action.starts_with("calendar_"))
        .collect();
    assert_eq!(actions, ["calendar_connected", "calendar_disconnected"]);
    feed.stop();
    server.stop().await;
}

#[tokio::test]
async fn bad_addresses_are_refused_naming_the_field_and_why() {
    let feed = FeedServer::start(TWO_EVENTS).await;
    let (server, client) = host_server().await;
    let api = server
        .api()
        .await
        .with_key(&server.api_key_for(HOST_EMAIL).await);
    let csrf = csrf_of(&calendars_page(&server, &client).await);
    for (url, reason) in [
        (String::new(), "is required".to_string()),
        ("ftp://x".into(), "must be an http or https address".into()),
        (
            format!("{}/page.html", feed.base),
            "did not work: the feed is not an iCalendar file".into(),
        ),
        (
            format!("{}/missing.ics", feed.base),
            "did not work: the feed is no longer there (404)".into(),
        ),
    ] {
        let (status, refused) = api
            .post(
                "/api/v1/calendars",
                &json!({ "provider": "ics", "url": url }),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{url}: {refused}");
        assert_eq!(refused["error"]["details"][0]["field"], "url", "{refused}");
        assert_eq!(refused["error"]["details"][0]["message"], reason.as_str());

        let (status, _, page) = submit_form(
            &client,
            &server.url("/dashboard/calendars"),
            &csrf,
            &[("provider", "ics"), ("feed_url", &url)],
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{url}");
        assert!(
            page.contains(&format!("Feed address {reason}")),
            "{url}: the message is next to the field: {page}"
        );
        assert!(
            page.contains(r#"id="f-feed_url" name="feed_url""#),
            "{page}"
        );
    }
    // The CalDAV form keeps what was typed, never the password.
    let (status, _, page) = submit_form(
        &client,
        &server.url("/dashboard/calendars"),
        &csrf,
        &[
            ("provider", "caldav"),
            ("url", "ftp://calendar.example.org"),
            ("username", "hana"),
            ("password", "typed-app-password"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains("Server address must be an http or https address"),
        "{page}"
    );
    assert!(page.contains(r#"value="hana""#), "{page}");
    assert!(!page.contains("typed-app-password"), "{page}");

    let (status, refused) = api
        .post(
            "/api/v1/calendars",
            &json!({ "provider": "exchange", "url": "https://example.org" }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused["error"]["details"][0]["field"], "provider");
    let (status, _) = api
        .post(
            "/api/v1/calendars",
            &json!({ "provider": "ics", "url": feed.url(), "extra": 1 }),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "unknown fields are refused"
    );
    assert_eq!(server.count("calendar_accounts").await, 0);
    feed.stop();
    server.stop().await;
}

#[tokio::test]
async fn another_member_cannot_see_or_change_a_hosts_calendars() {
    let feed = FeedServer::start(TWO_EVENTS).await;
    let (server, _) = host_server().await;
    let host = server
        .api()
        .await
        .with_key(&server.api_key_for(HOST_EMAIL).await);
    let (status, created) = host
        .post(
            "/api/v1/calendars",
            &json!({ "provider": "ics", "url": feed.url() }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["data"]["id"].as_i64().expect("id");
    let calendar = created["data"]["calendars"][0]["id"]
        .as_i64()
        .expect("calendar");

    server
        .create_member("Otto Other", "otto@clinic.example", "quiet-lantern-river-3")
        .await;
    let other = host.with_key(&server.api_key_for("otto@clinic.example").await);
    let (status, list) = other.get("/api/v1/calendars").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["data"], json!([]));
    let account = format!("/api/v1/calendars/{id}");
    let (status, _) = other.get(&account).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = other.send(Method::DELETE, &account, &json!({})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = other.post(&format!("{account}/sync"), &json!({})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = other
        .send(
            Method::PATCH,
            &format!("{account}/calendars/{calendar}"),
            &json!({ "checkConflicts": false }),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let browser = browser();
    let response = sign_in(
        &server,
        &browser,
        "otto@clinic.example",
        "quiet-lantern-river-3",
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = calendars_page(&server, &browser).await;
    assert!(page.contains("No calendars connected"), "{page}");
    assert!(!page.contains("127.0.0.1"), "{page}");
    let csrf = csrf_of(&page);
    for path in [
        format!("/dashboard/calendars/{id}/disconnect"),
        format!("/dashboard/calendars/{id}/sync"),
    ] {
        let (status, _, _) = submit_form(&browser, &server.url(&path), &csrf, &[]).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    let (status, _, _) = fetch_page(&browser, &server.url("/dashboard/admin/calendars")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(server.count("calendar_accounts").await, 1, "still there");

    // Administrators see every account's health, and whose it is.
    let owner = signed_in_owner(&server).await;
    let (status, _, page) = fetch_page(&owner, &server.url("/dashboard/admin/calendars")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(HOST_EMAIL), "{page}");
    assert!(page.contains("ICS feed"), "{page}");
    assert!(!page.contains(FEED_SECRET), "{page}");
    let (_, _, admin) = fetch_page(&owner, &server.url("/dashboard/admin")).await;
    assert!(admin.contains(r#"href="/dashboard/admin/calendars""#));
    feed.stop();
    server.stop().await;
}

#[tokio::test]
async fn the_one_destination_is_chosen_among_writable_calendars_on_the_page() {
    let (server, client) = host_server().await;
    let now = server.clock.now();
    let db = server.running.as_ref().expect("running").state.db.clone();
    let (account, work, shared) = db
        .write(move |tx| -> Result<(i64, i64, i64), kairos::db::DbError> {
            use kairos::db::calendars;
            let host = kairos::db::users::by_email(tx, HOST_EMAIL)?.expect("the host");
            let account = calendars::insert_account(
                tx,
                host.id,
                calendars::Provider::Caldav,
                "https://cloud.example.org",
                "hana",
                b"sealed elsewhere",
                now,
            )?;
            let work = calendars::upsert_calendar(
                tx,
                account,
                "https://cloud.example.org/calendars/hana/work/",
                "Work",
                false,
            )?;
            let shared = calendars::upsert_calendar(
                tx,
                account,
                "https://cloud.example.org/calendars/hana/team/",
                "Team (shared with me)",
                true,
            )?;
            Ok((account, work, shared))
        })
        .await
        .expect("a CalDAV account");
    let page = calendars_page(&server, &client).await;
    assert!(page.contains("CalDAV"), "{page}");
    assert!(page.contains("https://cloud.example.org · hana"), "{page}");
    assert!(page.contains("Waiting for the first sync"), "{page}");
    assert_eq!(
        page.matches("Write new bookings here</button>").count(),
        1,
        "only the writable calendar offers it: {page}"
    );
    let csrf = csrf_of(&page);
    let (status, to, _) = submit_form(
        &client,
        &server.url(&format!("/dashboard/calendars/{account}/calendars/{work}")),
        &csrf,
        &[("destination", "on")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        to,
        format!("/dashboard/calendars?notice=saved#calendar-{work}")
    );
    let page = calendars_page(&server, &client).await;
    assert!(
        page.contains("New bookings are written to <strong>Work</strong>"),
        "{page}"
    );
    assert!(page.contains("Stop writing bookings here"), "{page}");

    let (status, _, page) = submit_form(
        &client,
        &server.url(&format!(
            "/dashboard/calendars/{account}/calendars/{shared}"
        )),
        &csrf,
        &[("destination", "on")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains("Not a destination: this calendar is read-only"),
        "{page}"
    );
    assert!(page.contains("New bookings are written to <strong>Work</strong>"));

    let (status, _, _) = submit_form(
        &client,
        &server.url(&format!("/dashboard/calendars/{account}/calendars/{work}")),
        &csrf,
        &[("destination", "off")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let page = calendars_page(&server, &client).await;
    assert!(
        page.contains("New bookings are not written to any of your calendars"),
        "{page}"
    );

    // The account's options: both off at first, each one switch.
    assert!(
        page.contains("Cancel bookings deleted in this calendar"),
        "{page}"
    );
    assert_eq!(
        page.matches(r#"role="switch" aria-checked="false""#)
            .count(),
        2,
        "neither option is on yet (the calendars check for conflicts): {page}"
    );
    let (status, to, _) = submit_form(
        &client,
        &server.url(&format!("/dashboard/calendars/{account}/options")),
        &csrf,
        &[("sync_cancellations", "on")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        to,
        format!("/dashboard/calendars?notice=saved#account-{account}")
    );
    let (status, _, page) = submit_form(
        &client,
        &server.url(&format!("/dashboard/calendars/{account}/options")),
        &csrf,
        &[("live_check", "maybe")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("must be on or off"), "{page}");
    let stored = db
        .read(move |conn| -> Result<_, kairos::db::DbError> {
            Ok(kairos::db::calendars::account(conn, account)?)
        })
        .await
        .expect("read")
        .expect("the account");
    assert!(stored.sync_cancellations);
    assert!(!stored.live_check);
    server.stop().await;
}

//! Connected calendars end to end: a host connects a CalDAV account (Radicale and
//! Xandikos, see [`crate::caldav`]) or an ICS feed (served by the test), their events
//! take slots away, bookings are written into their destination calendar, updated and
//! removed, and a server that stops answering leaves bookings working from the replica.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use kairos::audit::Origin;
use kairos::db::DbError;
use kairos::db::calendars;
use kairos::integrations::Deps;
use kairos::integrations::calendars::accounts::{self, CalendarChoice, Connected};
use kairos::integrations::calendars::caldav;
use kairos::model::calendar::ConnectInput;
use kairos::outbound::Policy;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::api::{booking, clinic_with_config};
use crate::caldav::{Server, servers};
use crate::support::{Api, OWNER_EMAIL, TestServer};
use crate::webhooks::ALLOW_LOOPBACK;

pub(crate) fn deps(server: &TestServer) -> Deps {
    server
        .running
        .as_ref()
        .expect("running")
        .state
        .integrations()
}

pub(crate) async fn owner(server: &TestServer) -> kairos::db::users::User {
    deps(server)
        .db
        .read(|conn| -> Result<_, DbError> { Ok(kairos::db::users::by_email(conn, OWNER_EMAIL)?) })
        .await
        .expect("read")
        .expect("the owner")
}

async fn connect(server: &TestServer, input: ConnectInput) -> Connected {
    let user = owner(server).await;
    let connected = accounts::connect(&deps(server), &user, &input, &Origin::host())
        .await
        .expect("connected");
    server.settle_jobs().await;
    connected
}

/// Errors of calendar jobs that failed and wait for a retry.
pub(crate) async fn failed_writes(server: &TestServer) -> Vec<String> {
    deps(server)
        .db
        .read(|conn| -> Result<Vec<String>, DbError> {
            let mut stmt = conn.prepare(
                "SELECT last_error FROM jobs WHERE kind = 'calendar_write' AND last_error IS NOT NULL
                 AND status != 'done'",
            )?;
            Ok(stmt
                .query_map([], |row| row.get(0))?
                .collect::<Result<_, _>>()?)
        })
        .await
        .expect("read")
}

/// Syncs the account now: half a minute later than the last sync, as a host's second
/// click would be.
pub(crate) async fn sync_now(server: &TestServer, account_id: i64) {
    server.clock.advance(chrono::Duration::seconds(30));
    let user = owner(server).await;
    accounts::sync_now(&deps(server), &user, account_id)
        .await
        .expect("sync planned");
    server.settle_jobs().await;
}

pub(crate) async fn account(server: &TestServer, id: i64) -> calendars::Account {
    deps(server)
        .db
        .read(move |conn| -> Result<_, DbError> { Ok(calendars::account(conn, id)?) })
        .await
        .expect("read")
        .expect("the account")
}

/// The free starts of each day from `from` to `to`, as Berlin wall-clock times.
pub(crate) async fn free(api: &Api, id: i64, from: &str, to: &str) -> HashMap<String, Vec<String>> {
    let (status, slots) = api
        .public_get(&format!(
            "/api/v1/slots?eventTypeId={id}&start={from}&end={to}&timeZone=Europe/Berlin"
        ))
        .await;
    assert_eq!(status, StatusCode::OK, "{slots}");
    slots["data"]
        .as_object()
        .expect("days")
        .iter()
        .map(|(day, starts)| {
            let times = starts
                .as_array()
                .expect("starts")
                .iter()
                .map(|s| s["start"].as_str().unwrap_or_default()[11..16].to_string())
                .collect();
            (day.clone(), times)
        })
        .collect()
}

pub(crate) const MORNING: [&str; 6] = ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"];

/// The morning without `taken`.
pub(crate) fn morning_without(taken: &[&str]) -> Vec<String> {
    MORNING
        .iter()
        .filter(|t| !taken.contains(t))
        .map(|t| t.to_string())
        .collect()
}

fn calendar_file(body: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Practice//Test//EN\r\n{body}END:VCALENDAR\r\n"
    )
}

/// The host's own events, each one object, as a calendar program would store them.
fn host_events() -> Vec<(&'static str, String)> {
    vec![
        // Daily 09:00–09:30 Berlin for five days, not on the 31st, and moved to 11:30 on
        // the 1st.
        (
            "standup",
            calendar_file(
                "BEGIN:VEVENT\r\nUID:standup@practice.example\r\nDTSTAMP:20260301T000000Z\r\n\
                 DTSTART;TZID=Europe/Berlin:20260330T090000\r\nDTEND;TZID=Europe/Berlin:20260330T093000\r\n\
                 RRULE:FREQ=DAILY;COUNT=5\r\nEXDATE;TZID=Europe/Berlin:20260331T090000\r\n\
                 SUMMARY:Private standup\r\nEND:VEVENT\r\n\
                 BEGIN:VEVENT\r\nUID:standup@practice.example\r\nDTSTAMP:20260301T000000Z\r\n\
                 RECURRENCE-ID;TZID=Europe/Berlin:20260401T090000\r\n\
                 DTSTART;TZID=Europe/Berlin:20260401T113000\r\nDTEND;TZID=Europe/Berlin:20260401T120000\r\n\
                 SUMMARY:Private standup\r\nEND:VEVENT\r\n",
            ),
        ),
        // All day on the 6th, in the host's zone.
        (
            "holiday",
            calendar_file(
                "BEGIN:VEVENT\r\nUID:holiday@practice.example\r\nDTSTAMP:20260301T000000Z\r\n\
                 DTSTART;VALUE=DATE:20260406\r\nDTEND;VALUE=DATE:20260407\r\nSUMMARY:Holiday\r\nEND:VEVENT\r\n",
            ),
        ),
        // Free time and a called-off meeting on the 7th block nothing.
        (
            "free",
            calendar_file(
                "BEGIN:VEVENT\r\nUID:free@practice.example\r\nDTSTAMP:20260301T000000Z\r\n\
                 DTSTART:20260407T080000Z\r\nDTEND:20260407T090000Z\r\nTRANSP:TRANSPARENT\r\n\
                 SUMMARY:Reading\r\nEND:VEVENT\r\n",
            ),
        ),
        (
            "called-off",
            calendar_file(
                "BEGIN:VEVENT\r\nUID:called-off@practice.example\r\nDTSTAMP:20260301T000000Z\r\n\
                 DTSTART:20260407T090000Z\r\nDTEND:20260407T100000Z\r\nSTATUS:CANCELLED\r\n\
                 SUMMARY:Called off\r\nEND:VEVENT\r\n",
            ),
        ),
        // Outlook's own zone name with its VTIMEZONE: 10:00–11:00 summer time on the 8th.
        (
            "outlook",
            calendar_file(
                "BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\n\
                 BEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n\
                 RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\n\
                 BEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n\
                 RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n\
                 BEGIN:VEVENT\r\nUID:outlook@practice.example\r\nDTSTAMP:20260301T000000Z\r\n\
                 DTSTART;TZID=W. Europe Standard Time:20260408T100000\r\n\
                 DTEND;TZID=W. Europe Standard Time:20260408T110000\r\nSUMMARY:Board\r\nEND:VEVENT\r\n",
            ),
        ),
    ]
}

/// What the host's events leave free from the 30th to the 8th.
fn expected_week() -> HashMap<String, Vec<String>> {
    let mut days = HashMap::new();
    for (day, taken) in [
        ("2026-03-30", &["09:00"][..]),
        ("2026-03-31", &[]),
        ("2026-04-01", &["11:30"]),
        ("2026-04-02", &["09:00"]),
        ("2026-04-03", &["09:00"]),
        ("2026-04-04", &[]),
        ("2026-04-05", &[]),
        ("2026-04-06", &MORNING),
        ("2026-04-07", &[]),
        ("2026-04-08", &["10:00", "10:30"]),
    ] {
        days.insert(day.to_string(), morning_without(taken));
    }
    days.retain(|_, free| !free.is_empty());
    days
}

async fn put_event(server: &Server, calendar: &str, name: &str, data: &str) {
    let response = server
        .request("PUT", &format!("{calendar}{name}.ics"))
        .header("Content-Type", "text/calendar; charset=utf-8")
        .body(data.to_string())
        .send()
        .await
        .expect("PUT answers");
    assert!(
        response.status().is_success(),
        "{}: PUT {name}: {}",
        server.name,
        response.status()
    );
}

/// The objects of `calendar` that Kairos wrote, by a full listing: (href, data).
async fn kairos_events(server: &Server, calendar: &str) -> Vec<(String, String)> {
    let account = caldav::Account {
        url: server.base.clone(),
        username: server.username.into(),
        password: server.password.into(),
    };
    let listing = caldav::changes(
        &account,
        calendar,
        None,
        &HashMap::new(),
        Policy::for_admin_servers(false, true),
    )
    .await
    .expect("a listing");
    listing
        .changed
        .into_iter()
        .filter(|object| object.data.contains("@kairos"))
        .map(|object| (object.href, object.data))
        .collect()
}

pub(crate) async fn choose(
    server: &TestServer,
    connected: &Connected,
    calendar_id: i64,
    choice: Value,
) {
    let user = owner(server).await;
    let choice: CalendarChoice = serde_json::from_value(choice).expect("a choice");
    accounts::choose(
        &deps(server),
        &user,
        connected.account.id,
        calendar_id,
        choice,
    )
    .await
    .expect("chosen");
}

/// The whole story on one server.
async fn caldav_story(server: &Server, calendar_name: &str) {
    let name = server.name;
    let calendar = server.make_calendar(calendar_name).await;
    for (object, data) in host_events() {
        put_event(server, &calendar, object, &data).await;
    }
    let (kairos, api, id) = clinic_with_config(json!({}), ALLOW_LOOPBACK).await;

    // Connected by discovery from the bare address; only this calendar checks conflicts
    // (other tests keep calendars of their own on the same server).
    let connected = connect(
        &kairos,
        ConnectInput {
            provider: "caldav".into(),
            url: server.base.clone(),
            username: server.username.into(),
            password: server.password.into(),
        },
    )
    .await;
    let ours = connected
        .calendars
        .iter()
        .find(|c| c.href == calendar)
        .unwrap_or_else(|| {
            panic!(
                "{name}: {calendar} discovered among {:?}",
                connected.calendars
            )
        })
        .clone();
    assert_eq!(ours.name, format!("{calendar_name} calendar"));
    for other in connected.calendars.iter().filter(|c| c.id != ours.id) {
        choose(
            &kairos,
            &connected,
            other.id,
            json!({ "checkConflicts": false }),
        )
        .await;
    }
    sync_now(&kairos, connected.account.id).await;
    let synced = account(&kairos, connected.account.id).await;
    assert_eq!(synced.last_error, None, "{name}");
    assert!(synced.last_synced_at.is_some(), "{name}");
    assert_eq!(
        free(&api, id, "2026-03-30", "2026-04-08").await,
        expected_week(),
        "{name}: the host's events take exactly their slots"
    );

    // Bookings go to this calendar.
    choose(&kairos, &connected, ours.id, json!({ "destination": true })).await;
    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-04-09T08:00:00Z", "pat@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let uid = made["data"]["uid"].as_str().expect("uid").to_string();
    kairos.settle_jobs().await;
    assert_eq!(failed_writes(&kairos).await, Vec::<String>::new(), "{name}");
    let written = kairos_events(server, &calendar).await;
    assert_eq!(written.len(), 1, "{name}: one event for the booking");
    let (href, data) = &written[0];
    assert!(
        data.contains(&format!("UID:{uid}@kairos")),
        "{name}: {data}"
    );
    assert!(data.contains("DTSTART:20260409T080000Z"), "{name}: {data}");
    // The instance keeps to the minimum necessary (the default): the event type's title,
    // the place and the host's link to the booking, nobody's name.
    assert!(
        data.lines()
            .any(|line| line.trim_end() == "SUMMARY:Consultation"),
        "{name}: {data}"
    );
    assert!(data.contains("LOCATION:1 Harbor Street"), "{name}: {data}");
    assert!(data.contains("/dashboard/bookings/"), "{name}: {data}");
    assert!(!data.contains("Pat Patient"), "{name}: {data}");
    assert!(data.contains("STATUS:CONFIRMED"), "{name}: {data}");
    assert!(
        !data.contains("METHOD:"),
        "{name}: a stored event has no METHOD"
    );
    assert!(
        !data.contains("check-up"),
        "{name}: answers stay out of the calendar"
    );
    assert!(
        !data.contains("ATTENDEE"),
        "{name}: the server sends no invitations of its own"
    );

    // The event Kairos wrote is replicated back but counted once, as the booking.
    sync_now(&kairos, connected.account.id).await;
    assert_eq!(
        free(&api, id, "2026-04-09", "2026-04-09").await["2026-04-09"],
        morning_without(&["10:00"]),
        "{name}"
    );

    // An answer lost after the server stored the event: the next write finds it.
    let db = deps(&kairos).db;
    db.write(|tx| -> Result<usize, DbError> { Ok(tx.execute("DELETE FROM calendar_writes", [])?) })
        .await
        .expect("forgotten");
    let (status, moved) = api
        .post(
            &format!("/api/v1/bookings/{uid}/reschedule"),
            &json!({ "start": "2026-04-09T09:00:00Z", "reason": "Clinic overrun" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{moved}");
    let moved_uid = moved["data"]["uid"].as_str().expect("uid").to_string();
    kairos.settle_jobs().await;
    assert_eq!(failed_writes(&kairos).await, Vec::<String>::new(), "{name}");
    let written = kairos_events(server, &calendar).await;
    assert_eq!(written.len(), 1, "{name}: still one event after the move");
    let (moved_href, data) = &written[0];
    assert_eq!(moved_href, href, "{name}: the same event, updated");
    assert!(
        data.contains(&format!("UID:{uid}@kairos")),
        "{name}: {data}"
    );
    assert!(data.contains("DTSTART:20260409T090000Z"), "{name}: {data}");
    assert!(
        !data.contains("SEQUENCE:0"),
        "{name}: the revision rose: {data}"
    );

    // Cancelled: gone from the calendar.
    let (status, body) = api
        .post(
            &format!("/api/v1/bookings/{moved_uid}/cancel"),
            &json!({ "reason": "Unwell" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    kairos.settle_jobs().await;
    assert_eq!(failed_writes(&kairos).await, Vec::<String>::new(), "{name}");
    assert!(kairos_events(server, &calendar).await.is_empty(), "{name}");

    // The host deletes the holiday in their calendar program: the day opens after a sync.
    let response = server
        .request("DELETE", &format!("{calendar}holiday.ics"))
        .send()
        .await
        .expect("DELETE answers");
    assert!(response.status().is_success(), "{name}");
    sync_now(&kairos, connected.account.id).await;
    assert_eq!(
        free(&api, id, "2026-04-06", "2026-04-06").await["2026-04-06"],
        morning_without(&[]),
        "{name}"
    );

    // The server stops answering: the sync says so, the replica still blocks and booking
    // goes on.
    db.write(move |tx| -> Result<usize, DbError> {
        Ok(tx.execute(
            "UPDATE calendar_accounts SET url = 'http://127.0.0.1:9/' WHERE id = ?1",
            [connected.account.id],
        )?)
    })
    .await
    .expect("moved away");
    sync_now(&kairos, connected.account.id).await;
    let failed = account(&kairos, connected.account.id).await;
    assert_eq!(
        failed
            .last_error
            .as_deref()
            .map(|e| e.starts_with("the server could not be reached")),
        Some(true),
        "{name}: {:?}",
        failed.last_error
    );
    assert_eq!(failed.failures, 1);
    assert_eq!(
        free(&api, id, "2026-03-30", "2026-03-30").await["2026-03-30"],
        morning_without(&["09:00"]),
        "{name}: the replica still blocks"
    );
    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-03-30T08:00:00Z", "kim@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{name}: {made}");
    let audit = kairos.audit_log().await;
    assert!(
        audit
            .iter()
            .any(|(action, _, _, _)| action == "calendar_sync_failed"),
        "{name}: {audit:?}"
    );

    // Disconnected: the account, its calendars and its busy time are gone at once.
    let user = owner(&kairos).await;
    accounts::disconnect(&deps(&kairos), &user, connected.account.id, &Origin::host())
        .await
        .expect("disconnected");
    for table in [
        "calendar_accounts",
        "calendars",
        "calendar_objects",
        "calendar_busy",
    ] {
        assert_eq!(kairos.count(table).await, 0, "{name}: {table}");
    }
    kairos.stop().await;
}

#[tokio::test]
async fn radicale_calendar_blocks_slots_and_receives_bookings() {
    caldav_story(&servers().radicale, "practice").await;
}

#[tokio::test]
async fn xandikos_calendar_blocks_slots_and_receives_bookings() {
    caldav_story(&servers().xandikos, "practice").await;
}

/// An ICS feed served by the test: its body, its ETag, and how it was asked.
#[derive(Default)]
struct Feed {
    status: u16,
    body: String,
    etag: String,
    content_type: &'static str,
    requests: usize,
    not_modified: usize,
}

async fn serve_feed(feed: Arc<Mutex<Feed>>) -> String {
    use axum::http::{HeaderMap, header};
    use axum::response::IntoResponse;
    let app = axum::Router::new().route(
        "/secret/basic.ics",
        axum::routing::get(move |headers: HeaderMap| {
            let feed = feed.clone();
            async move {
                let mut feed = feed.lock().expect("feed");
                feed.requests += 1;
                let asked = headers
                    .get(header::IF_NONE_MATCH)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string);
                if feed.status == 200 && asked.as_deref() == Some(feed.etag.as_str()) {
                    feed.not_modified += 1;
                    return StatusCode::NOT_MODIFIED.into_response();
                }
                (
                    StatusCode::from_u16(feed.status).expect("status"),
                    [
                        (header::ETAG, feed.etag.clone()),
                        (header::CONTENT_TYPE, feed.content_type.to_string()),
                    ],
                    feed.body.clone(),
                )
                    .into_response()
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{address}/secret/basic.ics")
}

#[tokio::test]
async fn an_ics_feed_blocks_slots_is_fetched_conditionally_and_reports_when_it_is_gone() {
    let all: String = host_events()
        .into_iter()
        .map(|(_, data)| {
            data.replace(
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Practice//Test//EN\r\n",
                "",
            )
            .replace("END:VCALENDAR\r\n", "")
        })
        .collect();
    let feed = Arc::new(Mutex::new(Feed {
        status: 200,
        body: calendar_file(&all),
        etag: "\"v1\"".into(),
        content_type: "text/calendar",
        ..Feed::default()
    }));
    let url = serve_feed(feed.clone()).await;
    let (kairos, api, id) = clinic_with_config(json!({}), ALLOW_LOOPBACK).await;

    let connected = connect(
        &kairos,
        ConnectInput {
            provider: "ics".into(),
            url: url.clone(),
            ..ConnectInput::default()
        },
    )
    .await;
    assert_eq!(connected.calendars.len(), 1);
    assert!(
        connected.calendars[0].read_only,
        "a feed cannot take bookings"
    );
    assert_eq!(
        connected.account.url, "127.0.0.1",
        "the feed's secret address is not shown again"
    );
    assert_eq!(
        account(&kairos, connected.account.id).await.last_error,
        None
    );
    assert_eq!(
        free(&api, id, "2026-03-30", "2026-04-08").await,
        expected_week(),
        "the feed's events take exactly their slots"
    );

    // Unchanged: asked with its ETag, answered 304, nothing changes.
    sync_now(&kairos, connected.account.id).await;
    assert_eq!(feed.lock().expect("feed").not_modified, 1);
    assert_eq!(
        free(&api, id, "2026-03-30", "2026-04-08").await,
        expected_week()
    );

    // Changed: the holiday is gone.
    {
        let mut feed = feed.lock().expect("feed");
        feed.body = feed
            .body
            .replace("DTSTART;VALUE=DATE:20260406", "DTSTART;VALUE=DATE:20260410")
            .replace("DTEND;VALUE=DATE:20260407", "DTEND;VALUE=DATE:20260411");
        feed.etag = "\"v2\"".into();
    }
    sync_now(&kairos, connected.account.id).await;
    let week = free(&api, id, "2026-04-06", "2026-04-10").await;
    assert_eq!(week["2026-04-06"], morning_without(&[]));
    assert!(
        !week.contains_key("2026-04-10"),
        "the holiday moved: {week:?}"
    );

    // Gone: the sync says so in words and the replica keeps blocking.
    feed.lock().expect("feed").status = 404;
    sync_now(&kairos, connected.account.id).await;
    let failed = account(&kairos, connected.account.id).await;
    assert_eq!(
        failed.last_error.as_deref(),
        Some("the feed is no longer there (404)")
    );
    assert!(
        !free(&api, id, "2026-04-10", "2026-04-10")
            .await
            .contains_key("2026-04-10")
    );

    // A page instead of a calendar.
    {
        let mut feed = feed.lock().expect("feed");
        feed.status = 200;
        feed.etag = "\"v3\"".into();
        feed.content_type = "text/html";
        feed.body = "<!doctype html><title>Sign in</title>".into();
    }
    sync_now(&kairos, connected.account.id).await;
    let failed = account(&kairos, connected.account.id).await;
    assert!(
        failed
            .last_error
            .as_deref()
            .is_some_and(|e| e.contains("iCalendar")),
        "{:?}",
        failed.last_error
    );
    assert_eq!(failed.failures, 2);

    // A feed far larger than any calendar: refused without reading it all.
    {
        let mut feed = feed.lock().expect("feed");
        feed.etag = "\"v4\"".into();
        feed.content_type = "text/calendar";
        feed.body =
            calendar_file(&"X-PADDING:0123456789abcdef0123456789abcdef\r\n".repeat(300_000));
    }
    sync_now(&kairos, connected.account.id).await;
    let failed = account(&kairos, connected.account.id).await;
    assert_eq!(
        failed.last_error.as_deref(),
        Some("the feed is larger than 10 MB")
    );
    assert!(
        !free(&api, id, "2026-04-10", "2026-04-10")
            .await
            .contains_key("2026-04-10"),
        "the replica still blocks"
    );
    kairos.stop().await;
}

#[tokio::test]
async fn a_calendar_server_on_the_private_network_needs_the_administrators_listing() {
    let server = &servers().radicale;
    server.make_calendar("on-premise").await;
    let input = || ConnectInput {
        provider: "caldav".into(),
        url: server.base.clone(),
        username: server.username.into(),
        password: server.password.into(),
    };
    let kairos = TestServer::with_owner().await;
    let user = owner(&kairos).await;
    let Err(accounts::CalendarError::Invalid(errors)) =
        accounts::connect(&deps(&kairos), &user, &input(), &Origin::host()).await
    else {
        panic!("a loopback server is refused unless listed");
    };
    let message = errors.to_string();
    assert!(message.contains("url"), "{message}");
    assert!(message.contains("a loopback address"), "{message}");
    kairos.stop().await;

    let kairos =
        TestServer::with_owner_and_config("calendar_private_hosts = [\"127.0.0.1\"]\n").await;
    let user = owner(&kairos).await;
    let connected = accounts::connect(&deps(&kairos), &user, &input(), &Origin::host())
        .await
        .expect("a listed server connects");
    assert!(!connected.calendars.is_empty());
    kairos.stop().await;
}

#[tokio::test]
async fn a_team_booking_lands_in_each_hosts_own_calendar_and_leaves_both_when_cancelled() {
    let server = &servers().radicale;
    let (kairos, api, _) = clinic_with_config(json!({}), ALLOW_LOOPBACK).await;
    let (status, team) = api
        .post(
            "/api/v1/teams",
            &json!({ "slug": "physio", "name": "Physiotherapy" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{team}");
    let team_id = team["data"]["id"].as_i64().expect("team id");
    let (status, ana) = api
        .post(
            "/api/v1/users",
            &json!({ "name": "Ana", "email": "ana@clinic.example", "timeZone": "Europe/Berlin" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{ana}");
    let ana_id = ana["data"]["id"].as_i64().expect("user id");
    let owner_id = owner(&kairos).await.id;
    for user_id in [owner_id, ana_id] {
        let (status, body) = api
            .send(
                reqwest::Method::PUT,
                &format!("/api/v1/teams/{team_id}/members"),
                &json!({ "userId": user_id, "role": "member" }),
            )
            .await;
        assert!(status.is_success(), "{body}");
    }
    let ana_api = api.with_key(&kairos.api_key_for("ana@clinic.example").await);
    let (status, body) = ana_api
        .post("/api/v1/schedules", &crate::api::berlin_mornings())
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (status, event_type) = api
        .post(
            "/api/v1/event-types",
            &json!({
                "title": "Joint session", "slug": "joint", "durationsMinutes": [30],
                "teamId": team_id, "schedulingType": "collective",
                "hosts": [{ "userId": owner_id }, { "userId": ana_id }]
            }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{event_type}");
    let id = event_type["data"]["id"].as_i64().expect("id");

    // Each host has a calendar of their own on the server, as their destination.
    let mut destinations = Vec::new();
    for (user_id, name) in [(owner_id, "team-owner"), (ana_id, "team-ana")] {
        let calendar = server.make_calendar(name).await;
        let user = deps(&kairos)
            .db
            .read(move |conn| -> Result<_, DbError> {
                Ok(kairos::db::users::by_id(conn, user_id)?)
            })
            .await
            .expect("read")
            .expect("the host");
        let connected = accounts::connect(
            &deps(&kairos),
            &user,
            &ConnectInput {
                provider: "caldav".into(),
                url: calendar.clone(),
                username: server.username.into(),
                password: server.password.into(),
            },
            &Origin::host(),
        )
        .await
        .expect("connected");
        let calendar_id = connected.calendars[0].id;
        accounts::choose(
            &deps(&kairos),
            &user,
            connected.account.id,
            calendar_id,
            serde_json::from_value(json!({ "destination": true })).expect("a choice"),
        )
        .await
        .expect("chosen");
        destinations.push(calendar);
    }
    kairos.settle_jobs().await;

    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &json!({
                "eventTypeId": id, "start": "2026-04-09T08:00:00Z",
                "attendee": { "name": "Pat Patient", "email": "pat@example.org", "timeZone": "UTC" }
            }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let uid = made["data"]["uid"].as_str().expect("uid").to_string();
    kairos.settle_jobs().await;
    assert_eq!(failed_writes(&kairos).await, Vec::<String>::new());
    for calendar in &destinations {
        let written = kairos_events(server, calendar).await;
        assert_eq!(written.len(), 1, "{calendar}");
        assert!(written[0].1.contains(&format!("UID:{uid}@kairos")));
    }

    let (status, body) = api
        .post(&format!("/api/v1/bookings/{uid}/cancel"), &json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    kairos.settle_jobs().await;
    for calendar in &destinations {
        assert!(
            kairos_events(server, calendar).await.is_empty(),
            "{calendar}"
        );
    }
    kairos.stop().await;
}

#[tokio::test]
async fn a_host_who_deletes_a_bookings_event_cancels_it_unless_they_restore_it_in_time() {
    let server = &servers().xandikos;
    let calendar = server.make_calendar("cancellations").await;
    let (kairos, api, id) = clinic_with_config(json!({}), ALLOW_LOOPBACK).await;
    let connected = connect(
        &kairos,
        ConnectInput {
            provider: "caldav".into(),
            url: calendar.clone(),
            username: server.username.into(),
            password: server.password.into(),
        },
    )
    .await;
    choose(
        &kairos,
        &connected,
        connected.calendars[0].id,
        json!({ "destination": true }),
    )
    .await;
    let user = owner(&kairos).await;
    let options = serde_json::from_value(json!({ "syncCancellations": true })).expect("options");
    let updated = accounts::set_options(&deps(&kairos), &user, connected.account.id, options)
        .await
        .expect("options set");
    assert!(updated.account.sync_cancellations);

    let mut uids = Vec::new();
    for (start, email) in [
        ("2026-04-09T08:00:00Z", "pat@example.org"),
        ("2026-04-10T08:00:00Z", "kim@example.org"),
    ] {
        let (status, made) = api
            .public_post("/api/v1/bookings", &booking(id, start, email))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{made}");
        uids.push(made["data"]["uid"].as_str().expect("uid").to_string());
    }
    kairos.settle_jobs().await;
    let written = kairos_events(server, &calendar).await;
    assert_eq!(written.len(), 2);
    let href_of = |uid: &str| {
        written
            .iter()
            .find(|(_, data)| data.contains(&format!("UID:{uid}@kairos")))
            .map(|(href, data)| (href.clone(), data.clone()))
            .expect("the booking's event")
    };
    let (first, _) = href_of(&uids[0]);
    let (second, second_data) = href_of(&uids[1]);

    // The host deletes both; the sync notices, and nothing is cancelled yet.
    for href in [&first, &second] {
        let response = server.request("DELETE", href).send().await.expect("DELETE");
        assert!(response.status().is_success());
    }
    sync_now(&kairos, connected.account.id).await;
    for uid in &uids {
        let (_, seen) = api.get(&format!("/api/v1/bookings/{uid}")).await;
        assert_eq!(seen["data"]["status"], "ACCEPTED", "{seen}");
    }

    // They undo the second delete in time; the first stays deleted past the grace period.
    let response = server
        .request("PUT", &second)
        .header("Content-Type", "text/calendar; charset=utf-8")
        .body(second_data)
        .send()
        .await
        .expect("PUT");
    assert!(response.status().is_success());
    kairos.clock.advance(
        kairos::integrations::calendars::cancellations::GRACE + chrono::Duration::minutes(1),
    );
    kairos.settle_jobs().await;
    let (_, cancelled) = api.get(&format!("/api/v1/bookings/{}", uids[0])).await;
    assert_eq!(cancelled["data"]["status"], "CANCELLED", "{cancelled}");
    assert_eq!(
        cancelled["data"]["cancelReason"],
        kairos::integrations::calendars::cancellations::REASON
    );
    let (_, kept) = api.get(&format!("/api/v1/bookings/{}", uids[1])).await;
    assert_eq!(kept["data"]["status"], "ACCEPTED", "{kept}");
    let audit = kairos.audit_log().await;
    assert!(
        audit
            .iter()
            .any(|(action, _, _, _)| action == "booking_cancelled_from_calendar"),
        "{audit:?}"
    );
    assert_eq!(failed_writes(&kairos).await, Vec::<String>::new());
    kairos.stop().await;
}

#[tokio::test]
async fn the_live_check_sees_an_event_added_since_the_last_sync_and_a_silent_server_does_not_stop_bookings()
 {
    let server = &servers().radicale;
    let calendar = server.make_calendar("live").await;
    let (kairos, api, id) = clinic_with_config(json!({}), ALLOW_LOOPBACK).await;
    let connected = connect(
        &kairos,
        ConnectInput {
            provider: "caldav".into(),
            url: calendar.clone(),
            username: server.username.into(),
            password: server.password.into(),
        },
    )
    .await;
    choose(
        &kairos,
        &connected,
        connected.calendars[0].id,
        json!({ "destination": true }),
    )
    .await;
    let user = owner(&kairos).await;
    let set_live = |on: bool| {
        let (deps, user) = (deps(&kairos), user.clone());
        async move {
            let options = serde_json::from_value(json!({ "liveCheck": on })).expect("options");
            accounts::set_options(&deps, &user, connected.account.id, options)
                .await
                .expect("options set")
        }
    };
    assert!(set_live(true).await.account.live_check);

    // Added in the host's calendar a moment ago, after the last sync: 10:00–11:00 Berlin.
    put_event(
        server,
        &calendar,
        "just-added",
        &calendar_file(
            "BEGIN:VEVENT\r\nUID:just-added@practice.example\r\nDTSTAMP:20260301T000000Z\r\n\
             DTSTART:20260409T080000Z\r\nDTEND:20260409T090000Z\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\n",
        ),
    )
    .await;
    let (status, refused) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-04-09T08:30:00Z", "pat@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{refused}");
    // A time the calendar leaves free is booked as usual.
    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-04-09T09:00:00Z", "pat@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    // Nor can a booking be moved into the new event.
    let uid = made["data"]["uid"].as_str().expect("uid");
    let (status, refused) = api
        .post(
            &format!("/api/v1/bookings/{uid}/reschedule"),
            &json!({ "start": "2026-04-09T08:00:00Z" }),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{refused}");

    // Without the live check the replica alone decides, and it has not seen the event yet.
    set_live(false).await;
    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-04-09T08:30:00Z", "kim@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");

    // A server that takes the connection and never answers: after the live check's
    // timeout the booking goes ahead on the replica, and that is recorded.
    set_live(true).await;
    let silent = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let silent_url = format!(
        "http://{}/alice/live/",
        silent.local_addr().expect("address")
    );
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((connection, _)) = silent.accept().await {
            held.push(connection);
        }
    });
    deps(&kairos)
        .db
        .write(move |tx| -> Result<usize, DbError> {
            Ok(tx.execute("UPDATE calendars SET href = ?1", [silent_url])?)
        })
        .await
        .expect("moved away");
    let asked = std::time::Instant::now();
    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-04-10T08:00:00Z", "lee@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    assert!(
        asked.elapsed() < kairos::integrations::calendars::live::TIMEOUT * 3,
        "the booking waited {:?}",
        asked.elapsed()
    );
    let audit = kairos.audit_log().await;
    assert!(
        audit
            .iter()
            .any(|(action, _, _, _)| action == "calendar_live_check_unanswered"),
        "{audit:?}"
    );
    kairos.stop().await;
}

//! Google Calendar end to end, against the stand-in in [`crate::google_standin`]: an
//! administrator sets up the organization's app, a host connects through Google's sign-in
//! and back, their events take slots away, bookings are written with the invitation's UID
//! and updated and removed, a lost answer or a retried job never makes a second event,
//! expired tokens are refreshed once for everyone waiting, and a revoked grant is shown.

use kairos::db::DbError;
use kairos::integrations::oauth::{self, Vendor};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::api::{booking, clinic_with_config};
use crate::calendar_sync::{account, choose, deps, failed_writes, free, morning_without, sync_now};
use crate::google_standin::{self, CLIENT_ID, CLIENT_SECRET, PRIMARY, Shared};
use crate::support::{TestServer, csrf_from, fetch_page, location, signed_in_owner, submit_form};
use crate::webhooks::ALLOW_LOOPBACK;

const CALENDARS: &str = "/dashboard/calendars";

fn event(id: &str, start: &str, end: &str, extra: Value) -> Value {
    let mut event = json!({
        "id": id,
        "iCalUID": format!("{id}@google.com"),
        "summary": "Private",
        "start": { "dateTime": start },
        "end": { "dateTime": end },
    });
    if let (Some(event), Some(extra)) = (event.as_object_mut(), extra.as_object()) {
        event.extend(extra.clone());
    }
    event
}

/// Sets up the app as the administrator, through Admin → Integrations.
async fn set_up_google(kairos: &TestServer, browser: &reqwest::Client) {
    let page = kairos.url("/dashboard/admin/integrations");
    let (status, _, html) = fetch_page(browser, &page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("/dashboard/calendars/google/callback"),
        "the redirect URI to register is shown"
    );
    let csrf = csrf_from(browser, &page).await;
    let (status, _, html) = submit_form(
        browser,
        &kairos.url("/dashboard/admin/integrations/google"),
        &csrf,
        &[("client_id", CLIENT_ID), ("client_secret", "")],
    )
    .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a secret is required"
    );
    assert!(
        html.contains("Client secret is required") || html.contains("is required"),
        "{html}"
    );
    let (status, to, _) = submit_form(
        browser,
        &kairos.url("/dashboard/admin/integrations/google"),
        &csrf,
        &[("client_id", CLIENT_ID), ("client_secret", CLIENT_SECRET)],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(to.contains("notice=saved"), "{to}");
    let (_, _, html) = fetch_page(browser, &page).await;
    assert!(
        !html.contains(CLIENT_SECRET),
        "the secret is never shown again"
    );
}

/// Connects through Google's sign-in page and back; returns the account's id.
async fn connect_google(kairos: &TestServer, browser: &reqwest::Client, base: &str) -> i64 {
    let response = browser
        .get(kairos.url(&format!("{CALENDARS}/google/connect")))
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let at_google = location(&response);
    assert!(
        at_google.starts_with(&format!("{base}/o/oauth2/v2/auth?")),
        "{at_google}"
    );
    let response = browser
        .get(&at_google)
        .send()
        .await
        .expect("Google answers");
    assert!(response.status().is_redirection(), "{}", response.status());
    let back = location(&response);
    assert!(
        back.contains("/dashboard/calendars/google/callback?"),
        "{back}"
    );
    let response = browser.get(&back).send().await.expect("answers");
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "{}",
        response.text().await.unwrap_or_default()
    );
    let to = location(&response);
    assert!(to.contains("notice=calendar-connected"), "{to}");
    let id = to
        .rsplit("#account-")
        .next()
        .and_then(|id| id.parse().ok())
        .expect("the account's anchor");
    kairos.settle_jobs().await;
    id
}

async fn google_account(
    kairos: &TestServer,
    id: i64,
) -> kairos::integrations::calendars::accounts::Connected {
    let user = crate::calendar_sync::owner(kairos).await;
    kairos::integrations::calendars::accounts::managed(&deps(kairos), &user, id)
        .await
        .expect("the account")
}

fn requests(google: &Shared) -> Vec<String> {
    google.lock().expect("lock").requests.clone()
}

#[tokio::test]
async fn a_host_connects_google_calendar_its_events_block_slots_and_bookings_are_written_there() {
    let (base, google) = google_standin::start().await;
    let config = format!("{ALLOW_LOOPBACK}google_base_url = \"{base}\"\n");
    let (kairos, api, id) = clinic_with_config(json!({}), &config).await;
    let browser = signed_in_owner(&kairos).await;

    // Until an administrator sets Google up, hosts are not offered it and nothing calls it.
    let (_, _, html) = fetch_page(&browser, &kairos.url(CALENDARS)).await;
    assert!(!html.contains("Connect Google Calendar"));
    let (status, _, _) = fetch_page(
        &browser,
        &kairos.url(&format!("{CALENDARS}/google/connect")),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "not set up: the page says so");
    assert!(requests(&google).is_empty());

    set_up_google(&kairos, &browser).await;
    let (_, _, html) = fetch_page(&browser, &kairos.url(CALENDARS)).await;
    assert!(html.contains("Connect Google Calendar"), "{html}");

    // A callback this session did not start is refused.
    let (status, _, html) = fetch_page(
        &browser,
        &kairos.url(&format!(
            "{CALENDARS}/google/callback?state=forged&code=stolen"
        )),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(html.contains("start again"), "{html}");

    let account_id = connect_google(&kairos, &browser, &base).await;
    let connected = google_account(&kairos, account_id).await;
    assert_eq!(connected.account.username, PRIMARY);
    assert_eq!(connected.calendars.len(), 2, "{:?}", connected.calendars);
    let primary = connected
        .calendars
        .iter()
        .find(|c| c.href == PRIMARY)
        .expect("the primary calendar")
        .clone();
    assert!(!primary.read_only);
    assert!(
        connected.calendars.iter().any(|c| c.read_only),
        "a shared calendar is read-only"
    );
    let audit = kairos.audit_log().await;
    assert!(
        audit
            .iter()
            .any(|(action, ..)| action == "integration_saved")
    );
    assert!(
        audit
            .iter()
            .any(|(action, ..)| action == "calendar_connected")
    );

    // The host's events (more than one page of them): a meeting, free time, an all-day
    // event, and an instance that was called off.
    {
        let mut google = google.lock().expect("lock");
        google.put(
            PRIMARY,
            event(
                "meeting",
                "2026-03-30T09:00:00+02:00",
                "2026-03-30T10:00:00+02:00",
                json!({}),
            ),
        );
        google.put(
            PRIMARY,
            event(
                "reading",
                "2026-03-31T09:00:00+02:00",
                "2026-03-31T12:00:00+02:00",
                json!({ "transparency": "transparent" }),
            ),
        );
        google.put(PRIMARY, json!({ "id": "holiday", "iCalUID": "holiday@google.com", "start": { "date": "2026-04-06" }, "end": { "date": "2026-04-07" } }));
        google.put(
            PRIMARY,
            event(
                "weekly_20260401T080000Z",
                "2026-04-01T10:00:00+02:00",
                "2026-04-01T11:00:00+02:00",
                json!({ "recurringEventId": "weekly" }),
            ),
        );
        google.put(
            PRIMARY,
            event(
                "weekly_20260408T080000Z",
                "2026-04-08T10:00:00+02:00",
                "2026-04-08T11:00:00+02:00",
                json!({ "recurringEventId": "weekly" }),
            ),
        );
        google.cancel(PRIMARY, "weekly_20260408T080000Z");
    }
    sync_now(&kairos, account_id).await;
    let synced = account(&kairos, account_id).await;
    assert_eq!(synced.last_error, None);
    let week = free(&api, id, "2026-03-30", "2026-04-08").await;
    assert_eq!(week["2026-03-30"], morning_without(&["09:00", "09:30"]));
    assert_eq!(
        week["2026-03-31"],
        morning_without(&[]),
        "free time blocks nothing"
    );
    assert_eq!(week["2026-04-01"], morning_without(&["10:00", "10:30"]));
    assert!(
        !week.contains_key("2026-04-06"),
        "the all-day event takes the day"
    );
    assert_eq!(
        week["2026-04-08"],
        morning_without(&[]),
        "a cancelled instance blocks nothing"
    );

    // Changes since the last sync arrive with the sync token; an expired token means a
    // full listing, and what is gone is gone.
    google.lock().expect("lock").cancel(PRIMARY, "meeting");
    sync_now(&kairos, account_id).await;
    assert_eq!(
        free(&api, id, "2026-03-30", "2026-03-30").await["2026-03-30"],
        morning_without(&[])
    );
    assert!(
        requests(&google).iter().any(|r| r.contains("Some(\"sync-")),
        "an incremental sync"
    );
    {
        let mut google = google.lock().expect("lock");
        google.put(
            PRIMARY,
            event(
                "late",
                "2026-04-02T11:00:00+02:00",
                "2026-04-02T11:30:00+02:00",
                json!({}),
            ),
        );
        google.tokens_valid_from = u64::MAX;
        google.events.get_mut(PRIMARY).map(|c| c.remove("holiday"));
    }
    sync_now(&kairos, account_id).await;
    assert_eq!(account(&kairos, account_id).await.last_error, None);
    let days = free(&api, id, "2026-04-02", "2026-04-06").await;
    assert_eq!(days["2026-04-02"], morning_without(&["11:00"]));
    assert_eq!(
        days["2026-04-06"],
        morning_without(&[]),
        "the full listing dropped the holiday"
    );
    google.lock().expect("lock").tokens_valid_from = 0;

    // Bookings go to the primary calendar, with the invitation's UID and no invitations
    // from Google.
    choose(
        &kairos,
        &connected,
        primary.id,
        json!({ "destination": true }),
    )
    .await;
    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-04-09T08:00:00Z", "pat@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let uid = made["data"]["uid"].as_str().expect("uid").to_string();
    kairos.settle_jobs().await;
    assert_eq!(failed_writes(&kairos).await, Vec::<String>::new());
    let written = google.lock().expect("lock").live(PRIMARY, "@kairos");
    assert_eq!(written.len(), 1, "{written:?}");
    let first = &written[0];
    assert_eq!(first["iCalUID"], json!(format!("{uid}@kairos")));
    assert_eq!(
        first["start"]["dateTime"],
        json!("2026-04-09T08:00:00+00:00")
    );
    assert_eq!(
        first["summary"],
        json!("Consultation"),
        "minimum necessary: no names"
    );
    assert!(!first.to_string().contains("Pat Patient"));
    assert!(!first.to_string().contains("check-up"), "answers stay out");
    assert_eq!(first["location"], json!("1 Harbor Street"));
    assert!(first.get("attendees").is_none());
    let event_id = first["id"].as_str().expect("id").to_string();

    // The event comes back with the next sync, counted once, as the booking.
    sync_now(&kairos, account_id).await;
    assert_eq!(
        free(&api, id, "2026-04-09", "2026-04-09").await["2026-04-09"],
        morning_without(&["10:00"])
    );

    // Moved, with Google's answer lost after it stored nothing and an expired access
    // token on the way: one event, updated in place.
    {
        let mut google = google.lock().expect("lock");
        google.tokens_expired = true;
        google.rate_limited = 1;
    }
    let refreshes_before = google.lock().expect("lock").refreshes;
    let (status, moved) = api
        .post(
            &format!("/api/v1/bookings/{uid}/reschedule"),
            &json!({ "start": "2026-04-09T09:00:00Z", "reason": "Clinic overrun" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{moved}");
    let moved_uid = moved["data"]["uid"].as_str().expect("uid").to_string();
    kairos.settle_jobs().await;
    // The rate limit asked for a pause: the job waits for its retry.
    kairos.clock.advance(chrono::Duration::minutes(2));
    kairos.settle_jobs().await;
    assert_eq!(failed_writes(&kairos).await, Vec::<String>::new());
    assert_eq!(
        google.lock().expect("lock").refreshes,
        refreshes_before + 1,
        "one refresh"
    );
    let written = google.lock().expect("lock").live(PRIMARY, "@kairos");
    assert_eq!(written.len(), 1, "still one event: {written:?}");
    assert_eq!(written[0]["id"], json!(event_id));
    assert_eq!(
        written[0]["start"]["dateTime"],
        json!("2026-04-09T09:00:00+00:00")
    );
    assert!(
        written[0]["sequence"].as_u64().unwrap_or(0) > 0,
        "the revision rose"
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
    assert_eq!(failed_writes(&kairos).await, Vec::<String>::new());
    assert!(
        google
            .lock()
            .expect("lock")
            .live(PRIMARY, "@kairos")
            .is_empty()
    );

    // An insert whose answer was lost after Google stored the event: the retry finds it
    // by its id and updates it; never a second event.
    google.lock().expect("lock").lose_next_insert = true;
    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-04-10T08:00:00Z", "sam@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let second = made["data"]["uid"].as_str().expect("uid").to_string();
    kairos.settle_jobs().await;
    kairos.clock.advance(chrono::Duration::minutes(2));
    kairos.settle_jobs().await;
    assert_eq!(failed_writes(&kairos).await, Vec::<String>::new());
    let written = google.lock().expect("lock").live(PRIMARY, "@kairos");
    assert_eq!(written.len(), 1, "{written:?}");
    assert_eq!(written[0]["iCalUID"], json!(format!("{second}@kairos")));
    assert!(
        requests(&google)
            .iter()
            .filter(|r| r.starts_with("PUT events"))
            .count()
            >= 1,
        "the retried insert found the stored event and updated it"
    );

    // Twenty jobs find the token refused at once: one refresh, and all of them go on.
    google.lock().expect("lock").tokens_expired = true;
    let stale = google
        .lock()
        .expect("lock")
        .access_tokens
        .last()
        .cloned()
        .expect("a token");
    let refreshes_before = google.lock().expect("lock").refreshes;
    let deps = deps(&kairos);
    let attempts =
        (0..20).map(|_| oauth::access_token(&deps, Vendor::Google, account_id, Some(&stale)));
    let tokens = futures_util::future::join_all(attempts).await;
    assert!(
        tokens.iter().all(|t| t.as_ref().is_ok_and(|t| *t != stale)),
        "{tokens:?}"
    );
    assert_eq!(
        google.lock().expect("lock").refreshes,
        refreshes_before + 1,
        "exactly one refresh"
    );

    // The host revokes Kairos's access at Google: the account says so, the host and the
    // administrators are emailed, bookings still work, and connecting again mends it.
    let mail = tempfile::tempdir().expect("a maildir");
    let port = crate::email::free_port();
    let smtp_server = crate::email::SmtpServer::start(port, &mail.path().join("mail"));
    crate::email::configure_smtp(&kairos, port).await;
    {
        let mut google = google.lock().expect("lock");
        google.revoked = true;
        google.tokens_expired = true;
    }
    sync_now(&kairos, account_id).await;
    let revoked = account(&kairos, account_id).await;
    assert!(revoked.needs_reconnect);
    assert!(
        revoked
            .last_error
            .as_deref()
            .is_some_and(|e| e.contains("connect the account again")),
        "{:?}",
        revoked.last_error
    );
    assert!(
        kairos
            .audit_log()
            .await
            .iter()
            .any(|(action, ..)| action == "calendar_access_revoked")
    );
    kairos.settle_jobs().await;
    let notices: Vec<_> = crate::email::wait_for_messages(&mail.path().join("mail"), 1)
        .await
        .into_iter()
        .filter(|m| m["subject"] == json!("Connect Google Calendar again"))
        .collect();
    assert_eq!(notices.len(), 1, "one notice");
    assert_eq!(notices[0]["to"][1], json!(crate::support::OWNER_EMAIL));
    assert!(
        notices[0]["text"]
            .as_str()
            .unwrap_or_default()
            .contains(PRIMARY)
    );
    smtp_server.stop();
    let (_, _, html) = fetch_page(&browser, &kairos.url(CALENDARS)).await;
    assert!(
        html.contains("connect the account again"),
        "the host sees it"
    );
    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &booking(id, "2026-04-10T09:00:00Z", "kim@example.org"),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::CREATED,
        "bookings do not wait for Google: {made}"
    );
    kairos.settle_jobs().await;
    let kim = made["data"]["uid"].as_str().expect("uid").to_string();
    assert!(
        failed_writes(&kairos)
            .await
            .iter()
            .any(|e| e.contains("connect the account again")),
        "the write waits for the account"
    );
    let again = connect_google(&kairos, &browser, &base).await;
    assert_eq!(again, account_id, "the same account, mended");
    let mended = account(&kairos, account_id).await;
    assert!(!mended.needs_reconnect);
    assert_eq!(mended.last_error, None);
    // The waiting write goes through at its next try.
    kairos.clock.advance(chrono::Duration::minutes(5));
    kairos.settle_jobs().await;
    assert_eq!(failed_writes(&kairos).await, Vec::<String>::new());
    let written = google.lock().expect("lock").live(PRIMARY, "@kairos");
    assert!(
        written
            .iter()
            .any(|e| e["iCalUID"] == json!(format!("{kim}@kairos"))),
        "{written:?}"
    );
    let accounts = deps
        .db
        .read(|conn| -> Result<i64, DbError> {
            Ok(
                conn.query_row("SELECT count(*) FROM calendar_accounts", [], |row| {
                    row.get(0)
                })?,
            )
        })
        .await
        .expect("count");
    assert_eq!(accounts, 1);
}

//! Google Calendar and Microsoft 365 end to end, against the stand-ins in
//! [`crate::google_standin`] and [`crate::microsoft_standin`], one story for both: an
//! administrator sets up the organization's app, a host connects through the vendor's
//! sign-in and back, their events take slots away, bookings are written (known as
//! Kairos's own when they come back) and updated and removed, a lost answer or a retried
//! job never makes a second event, expired tokens are refreshed once for everyone
//! waiting, and a revoked grant is shown.

use chrono::{DateTime, Utc};
use kairos::db::DbError;
use kairos::integrations::oauth::{self, Vendor};
use reqwest::StatusCode;
use serde_json::json;

use crate::api::{booking, clinic_with_config};
use crate::calendar_sync::{account, choose, deps, failed_writes, free, morning_without, sync_now};
use crate::cloud_standin::{Cloud, Shared};
use crate::support::{TestServer, csrf_from, fetch_page, location, signed_in_owner, submit_form};
use crate::webhooks::ALLOW_LOOPBACK;
use crate::{google_standin, microsoft_standin, zoom_standin};

const CALENDARS: &str = "/dashboard/calendars";

/// What the host has in their calendar besides Kairos's events, said once for both
/// vendors: each stand-in stores it in its vendor's shape.
#[derive(Clone, Copy)]
enum HostEvent<'a> {
    Busy { start: &'a str, end: &'a str },
    Free { start: &'a str, end: &'a str },
    AllDay(&'a str),
}

/// One of Kairos's events as the vendor stores it, read alike for both.
#[derive(Debug)]
struct Own {
    id: String,
    uid: String,
    start: DateTime<Utc>,
    title: String,
    location: String,
    /// The stand-in's change number: it rises with every update.
    version: u64,
    json: String,
}

/// The vendor under test, and everything the story needs to know of it.
#[derive(Clone, Copy)]
struct Kind(Vendor);

impl Kind {
    async fn start(self) -> (String, Shared) {
        match self.0 {
            Vendor::Google => google_standin::start().await,
            Vendor::Microsoft => microsoft_standin::start().await,
            Vendor::Zoom => zoom_standin::start().await,
        }
    }

    fn config(self, base: &str) -> String {
        format!("{ALLOW_LOOPBACK}{}_base_url = \"{base}\"\n", self.0.key())
    }

    fn sign_in_page(self, base: &str) -> String {
        match self.0 {
            Vendor::Google => format!("{base}/o/oauth2/v2/auth?"),
            Vendor::Microsoft => format!(
                "{base}/{}/oauth2/v2.0/authorize?",
                microsoft_standin::TENANT
            ),
            Vendor::Zoom => format!("{base}/oauth/authorize?"),
        }
    }

    fn app(self) -> Vec<(&'static str, &'static str)> {
        match self.0 {
            Vendor::Google => vec![
                ("client_id", google_standin::CLIENT_ID),
                ("client_secret", google_standin::CLIENT_SECRET),
            ],
            Vendor::Microsoft => vec![
                ("client_id", microsoft_standin::CLIENT_ID),
                ("client_secret", microsoft_standin::CLIENT_SECRET),
                ("tenant", microsoft_standin::TENANT),
            ],
            Vendor::Zoom => vec![
                ("client_id", zoom_standin::CLIENT_ID),
                ("client_secret", zoom_standin::CLIENT_SECRET),
            ],
        }
    }

    /// The id of the host's own calendar at the vendor.
    fn calendar(self) -> &'static str {
        match self.0 {
            Vendor::Google => google_standin::PRIMARY,
            Vendor::Microsoft => microsoft_standin::CALENDAR,
            Vendor::Zoom => zoom_standin::MEETINGS,
        }
    }

    fn put(self, cloud: &mut Cloud, id: &str, event: HostEvent<'_>) {
        let calendar = self.calendar();
        let value = match (self.0, event) {
            (Vendor::Google, HostEvent::Busy { start, end } | HostEvent::Free { start, end }) => {
                let free = matches!(event, HostEvent::Free { .. });
                let mut value = json!({ "id": id, "iCalUID": format!("{id}@google.com"),
                    "summary": "Private", "start": { "dateTime": start }, "end": { "dateTime": end } });
                if free {
                    value["transparency"] = json!("transparent");
                }
                value
            }
            (Vendor::Google, HostEvent::AllDay(date)) => {
                let next = next_day(date);
                json!({ "id": id, "iCalUID": format!("{id}@google.com"),
                    "start": { "date": date }, "end": { "date": next } })
            }
            (_, HostEvent::Busy { start, end } | HostEvent::Free { start, end }) => {
                let show_as = if matches!(event, HostEvent::Free { .. }) {
                    "free"
                } else {
                    "busy"
                };
                json!({ "id": id, "subject": "Private", "showAs": show_as, "isAllDay": false,
                    "isCancelled": false,
                    "start": { "dateTime": graph_utc(start), "timeZone": "UTC" },
                    "end": { "dateTime": graph_utc(end), "timeZone": "UTC" } })
            }
            (_, HostEvent::AllDay(date)) => {
                let next = next_day(date);
                json!({ "id": id, "subject": "Holiday", "showAs": "oof", "isAllDay": true,
                    "start": { "dateTime": format!("{date}T00:00:00.0000000"), "timeZone": "UTC" },
                    "end": { "dateTime": format!("{next}T00:00:00.0000000"), "timeZone": "UTC" } })
            }
        };
        match self.0 {
            Vendor::Google => google_standin::put(cloud, calendar, value),
            _ => microsoft_standin::put(cloud, calendar, value),
        }
    }

    /// The host deletes an event in their calendar program.
    fn delete(self, cloud: &mut Cloud, id: &str) {
        match self.0 {
            Vendor::Google => google_standin::cancel(cloud, self.calendar(), id),
            _ => microsoft_standin::delete(cloud, self.calendar(), id),
        };
    }

    /// Kairos's live events in the host's calendar.
    fn own(self, cloud: &Cloud) -> Vec<Own> {
        cloud
            .changes(self.calendar(), None)
            .into_iter()
            .filter_map(|(version, e)| {
                let (uid, start, title, location) = match self.0 {
                    Vendor::Google if e["status"] != "cancelled" => (
                        e["iCalUID"].as_str()?,
                        DateTime::parse_from_rfc3339(e["start"]["dateTime"].as_str()?)
                            .ok()?
                            .with_timezone(&Utc),
                        e["summary"].as_str()?,
                        e["location"].as_str().unwrap_or_default(),
                    ),
                    Vendor::Microsoft if e.get("@removed").is_none() => (
                        e["transactionId"].as_str()?,
                        chrono::NaiveDateTime::parse_from_str(
                            e["start"]["dateTime"].as_str()?,
                            "%Y-%m-%dT%H:%M:%S",
                        )
                        .ok()?
                        .and_utc(),
                        e["subject"].as_str()?,
                        e["location"]["displayName"].as_str().unwrap_or_default(),
                    ),
                    _ => return None,
                };
                uid.ends_with("@kairos").then(|| Own {
                    id: e["id"].as_str().unwrap_or_default().to_string(),
                    uid: uid.to_string(),
                    start,
                    title: title.to_string(),
                    location: location.to_string(),
                    version,
                    json: e.to_string(),
                })
            })
            .collect()
    }
}

fn next_day(date: &str) -> String {
    let day = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("a date");
    (day + chrono::Duration::days(1)).to_string()
}

/// An RFC 3339 time as Graph writes it in UTC.
fn graph_utc(time: &str) -> String {
    DateTime::parse_from_rfc3339(time)
        .expect("a time")
        .with_timezone(&Utc)
        .format("%Y-%m-%dT%H:%M:%S.0000000")
        .to_string()
}

fn at(time: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(time)
        .expect("a time")
        .with_timezone(&Utc)
}

/// Sets up the app as the administrator, through Admin → Integrations.
async fn set_up(kind: Kind, kairos: &TestServer, browser: &reqwest::Client) {
    let key = kind.0.key();
    let page = kairos.url("/dashboard/admin/integrations");
    let (status, _, html) = fetch_page(browser, &page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains(&format!("/dashboard/calendars/{key}/callback")),
        "the redirect URI to register is shown"
    );
    let csrf = csrf_from(browser, &page).await;
    let save = kairos.url(&format!("/dashboard/admin/integrations/{key}"));
    let app = kind.app();
    let without_secret: Vec<_> = app
        .iter()
        .map(|&(name, value)| (name, if name == "client_secret" { "" } else { value }))
        .collect();
    let (status, _, html) = submit_form(browser, &save, &csrf, &without_secret).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a secret is required"
    );
    assert!(html.contains("is required"), "{html}");
    let (status, to, _) = submit_form(browser, &save, &csrf, &app).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(to.contains("notice=saved"), "{to}");
    let (_, _, html) = fetch_page(browser, &page).await;
    let secret = app[1].1;
    assert!(!html.contains(secret), "the secret is never shown again");
}

/// Connects through the vendor's sign-in page and back; returns the account's id.
async fn connect(kind: Kind, kairos: &TestServer, browser: &reqwest::Client, base: &str) -> i64 {
    let key = kind.0.key();
    let response = browser
        .get(kairos.url(&format!("{CALENDARS}/{key}/connect")))
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let at_vendor = location(&response);
    assert!(
        at_vendor.starts_with(&kind.sign_in_page(base)),
        "{at_vendor}"
    );
    let response = browser
        .get(&at_vendor)
        .send()
        .await
        .expect("the vendor answers");
    assert!(response.status().is_redirection(), "{}", response.status());
    let back = location(&response);
    assert!(
        back.contains(&format!("/dashboard/calendars/{key}/callback?")),
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

async fn connected(
    kairos: &TestServer,
    id: i64,
) -> kairos::integrations::calendars::accounts::Connected {
    let user = crate::calendar_sync::owner(kairos).await;
    kairos::integrations::calendars::accounts::managed(&deps(kairos), &user, id)
        .await
        .expect("the account")
}

fn requests(cloud: &Shared) -> Vec<String> {
    cloud.lock().expect("lock").requests.clone()
}

fn own(kind: Kind, cloud: &Shared) -> Vec<Own> {
    kind.own(&cloud.lock().expect("lock"))
}

#[tokio::test]
async fn a_host_connects_google_calendar_its_events_block_slots_and_bookings_are_written_there() {
    story(Kind(Vendor::Google)).await;
}

#[tokio::test]
async fn a_host_connects_microsoft_365_its_events_block_slots_and_bookings_are_written_there() {
    story(Kind(Vendor::Microsoft)).await;
}

async fn story(kind: Kind) {
    let (key, label) = (kind.0.key(), kind.0.label());
    let (base, cloud) = kind.start().await;
    let (kairos, api, id) = clinic_with_config(json!({}), &kind.config(&base)).await;
    let browser = signed_in_owner(&kairos).await;

    // Until an administrator sets the vendor up, hosts are not offered it and nothing
    // calls it.
    let (_, _, html) = fetch_page(&browser, &kairos.url(CALENDARS)).await;
    assert!(!html.contains(&format!("Connect {label}")));
    let (status, _, _) =
        fetch_page(&browser, &kairos.url(&format!("{CALENDARS}/{key}/connect"))).await;
    assert_eq!(status, StatusCode::CONFLICT, "not set up: the page says so");
    assert!(requests(&cloud).is_empty());

    set_up(kind, &kairos, &browser).await;
    let (_, _, html) = fetch_page(&browser, &kairos.url(CALENDARS)).await;
    assert!(html.contains(&format!("Connect {label}")), "{html}");

    // A callback this session did not start is refused.
    let (status, _, html) = fetch_page(
        &browser,
        &kairos.url(&format!(
            "{CALENDARS}/{key}/callback?state=forged&code=stolen"
        )),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(html.contains("start again"), "{html}");

    let account_id = connect(kind, &kairos, &browser, &base).await;
    let found = connected(&kairos, account_id).await;
    assert_eq!(found.account.username, google_standin::PRIMARY);
    assert_eq!(found.calendars.len(), 2, "{:?}", found.calendars);
    let primary = found
        .calendars
        .iter()
        .find(|c| c.href == kind.calendar())
        .expect("the host's own calendar")
        .clone();
    assert!(!primary.read_only);
    assert!(
        found.calendars.iter().any(|c| c.read_only),
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
    // event, and two instances of a weekly meeting of which one was called off.
    {
        let mut c = cloud.lock().expect("lock");
        let busy = |start, end| HostEvent::Busy { start, end };
        kind.put(
            &mut c,
            "meeting",
            busy("2026-03-30T09:00:00+02:00", "2026-03-30T10:00:00+02:00"),
        );
        kind.put(
            &mut c,
            "reading",
            HostEvent::Free {
                start: "2026-03-31T09:00:00+02:00",
                end: "2026-03-31T12:00:00+02:00",
            },
        );
        kind.put(&mut c, "holiday", HostEvent::AllDay("2026-04-06"));
        kind.put(
            &mut c,
            "weekly_0401",
            busy("2026-04-01T10:00:00+02:00", "2026-04-01T11:00:00+02:00"),
        );
        kind.put(
            &mut c,
            "weekly_0408",
            busy("2026-04-08T10:00:00+02:00", "2026-04-08T11:00:00+02:00"),
        );
        kind.delete(&mut c, "weekly_0408");
    }
    sync_now(&kairos, account_id).await;
    assert_eq!(account(&kairos, account_id).await.last_error, None);
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

    // Changes since the last sync arrive incrementally; an expired sync token or delta
    // link means a full listing, and what is gone is gone.
    kind.delete(&mut cloud.lock().expect("lock"), "meeting");
    sync_now(&kairos, account_id).await;
    assert_eq!(
        free(&api, id, "2026-03-30", "2026-03-30").await["2026-03-30"],
        morning_without(&[])
    );
    let incremental = format!("LIST {} incremental", kind.calendar());
    assert!(
        requests(&cloud).contains(&incremental),
        "an incremental sync: {:?}",
        requests(&cloud)
    );
    {
        let mut c = cloud.lock().expect("lock");
        kind.put(
            &mut c,
            "late",
            HostEvent::Busy {
                start: "2026-04-02T11:00:00+02:00",
                end: "2026-04-02T11:30:00+02:00",
            },
        );
        c.tokens_valid_from = u64::MAX;
        c.events
            .get_mut(kind.calendar())
            .map(|events| events.remove("holiday"));
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
    cloud.lock().expect("lock").tokens_valid_from = 0;

    // Bookings go to the host's calendar, known as Kairos's own, with no invitations from
    // the vendor.
    choose(&kairos, &found, primary.id, json!({ "destination": true })).await;
    let uid = book(&api, id, "2026-04-09T08:00:00Z", "pat@example.org").await;
    kairos.settle_jobs().await;
    assert_eq!(failed_writes(&kairos).await, Vec::<String>::new());
    let written = own(kind, &cloud);
    assert_eq!(written.len(), 1, "{written:?}");
    let first = &written[0];
    assert_eq!(first.uid, format!("{uid}@kairos"));
    assert_eq!(first.start, at("2026-04-09T08:00:00Z"));
    assert_eq!(first.title, "Consultation", "minimum necessary: no names");
    assert!(!first.json.contains("Pat Patient"));
    assert!(!first.json.contains("check-up"), "answers stay out");
    assert_eq!(first.location, "1 Harbor Street");
    assert!(!first.json.contains("attendees"), "{}", first.json);
    let (event_id, created) = (first.id.clone(), first.version);

    // The event comes back with the next sync, counted once, as the booking.
    sync_now(&kairos, account_id).await;
    assert_eq!(
        free(&api, id, "2026-04-09", "2026-04-09").await["2026-04-09"],
        morning_without(&["10:00"])
    );

    // Moved, with a rate limit and an expired access token on the way: one event,
    // updated in place.
    {
        let mut c = cloud.lock().expect("lock");
        c.tokens_expired = true;
        c.rate_limited = 1;
    }
    let refreshes_before = cloud.lock().expect("lock").refreshes;
    let moved_uid = move_booking(&api, &uid, "2026-04-09T09:00:00Z").await;
    kairos.settle_jobs().await;
    // The rate limit asked for a pause: the job waits for its retry.
    kairos.clock.advance(chrono::Duration::minutes(2));
    kairos.settle_jobs().await;
    assert_eq!(failed_writes(&kairos).await, Vec::<String>::new());
    assert_eq!(
        cloud.lock().expect("lock").refreshes,
        refreshes_before + 1,
        "one refresh"
    );
    let written = own(kind, &cloud);
    assert_eq!(written.len(), 1, "still one event: {written:?}");
    assert_eq!(written[0].id, event_id);
    assert_eq!(written[0].start, at("2026-04-09T09:00:00Z"));
    assert!(written[0].version > created, "updated");
    assert!(
        requests(&cloud).contains(&format!("UPDATE {event_id}")),
        "{:?}",
        requests(&cloud)
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
    assert!(own(kind, &cloud).is_empty());

    // A create whose answer was lost after the vendor stored the event: the retry finds
    // it (by its fixed id at Google, by its transaction id at Microsoft); never a second
    // event.
    cloud.lock().expect("lock").lose_next_insert = true;
    let second = book(&api, id, "2026-04-10T08:00:00Z", "sam@example.org").await;
    kairos.settle_jobs().await;
    kairos.clock.advance(chrono::Duration::minutes(2));
    kairos.settle_jobs().await;
    assert_eq!(failed_writes(&kairos).await, Vec::<String>::new());
    let written = own(kind, &cloud);
    assert_eq!(written.len(), 1, "{written:?}");
    assert_eq!(written[0].uid, format!("{second}@kairos"));
    let creates = requests(&cloud).iter().filter(|r| *r == "CREATE").count();
    assert!(creates >= 3, "the create was tried again: {creates}");

    // Twenty jobs find the token refused at once: one refresh, and all of them go on.
    cloud.lock().expect("lock").tokens_expired = true;
    let stale = cloud
        .lock()
        .expect("lock")
        .access_tokens
        .last()
        .cloned()
        .expect("a token");
    let refreshes_before = cloud.lock().expect("lock").refreshes;
    let deps = deps(&kairos);
    let attempts = (0..20).map(|_| oauth::access_token(&deps, kind.0, account_id, Some(&stale)));
    let tokens = futures_util::future::join_all(attempts).await;
    assert!(
        tokens.iter().all(|t| t.as_ref().is_ok_and(|t| *t != stale)),
        "{tokens:?}"
    );
    assert_eq!(
        cloud.lock().expect("lock").refreshes,
        refreshes_before + 1,
        "exactly one refresh"
    );

    // The host revokes Kairos's access at the vendor: the account says so, the host and
    // the administrators are emailed, bookings still work, and connecting again mends it.
    let mail = tempfile::tempdir().expect("a maildir");
    let port = crate::email::free_port();
    let smtp_server = crate::email::SmtpServer::start(port, &mail.path().join("mail"));
    crate::email::configure_smtp(&kairos, port).await;
    {
        let mut c = cloud.lock().expect("lock");
        c.revoked = true;
        c.tokens_expired = true;
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
        .filter(|m| m["subject"] == json!(format!("Connect {label} again")))
        .collect();
    assert_eq!(notices.len(), 1, "one notice");
    assert_eq!(notices[0]["to"][1], json!(crate::support::OWNER_EMAIL));
    assert!(
        notices[0]["text"]
            .as_str()
            .unwrap_or_default()
            .contains(google_standin::PRIMARY)
    );
    smtp_server.stop();
    let (_, _, html) = fetch_page(&browser, &kairos.url(CALENDARS)).await;
    assert!(
        html.contains("connect the account again"),
        "the host sees it"
    );
    assert!(
        html.contains(&format!("{CALENDARS}/{key}/connect")),
        "with a way to connect again"
    );
    // Bookings do not wait for the vendor.
    let kim = book(&api, id, "2026-04-10T09:00:00Z", "kim@example.org").await;
    kairos.settle_jobs().await;
    assert!(
        failed_writes(&kairos)
            .await
            .iter()
            .any(|e| e.contains("connect the account again")),
        "the write waits for the account"
    );
    let again = connect(kind, &kairos, &browser, &base).await;
    assert_eq!(again, account_id, "the same account, mended");
    let mended = account(&kairos, account_id).await;
    assert!(!mended.needs_reconnect);
    assert_eq!(mended.last_error, None);
    // The waiting write goes through at its next try.
    kairos.clock.advance(chrono::Duration::minutes(5));
    kairos.settle_jobs().await;
    assert_eq!(failed_writes(&kairos).await, Vec::<String>::new());
    assert!(
        own(kind, &cloud)
            .iter()
            .any(|e| e.uid == format!("{kim}@kairos")),
        "{:?}",
        own(kind, &cloud)
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

#[tokio::test]
async fn a_google_meet_is_made_with_the_hosts_event_and_its_link_reaches_the_invitee() {
    meeting_story(
        Kind(Vendor::Google),
        "googleMeet",
        "https://meet.google.com/",
    )
    .await;
}

#[tokio::test]
async fn a_teams_meeting_is_made_with_the_hosts_event_and_its_link_reaches_the_invitee() {
    meeting_story(
        Kind(Vendor::Microsoft),
        "teams",
        "https://teams.microsoft.com/l/meetup-join/",
    )
    .await;
}

/// An event type whose location is the vendor's video meeting: the meeting is made with
/// the host's calendar event, and its link reaches the booking, the invitee's email and
/// invitation, and the webhook; a reschedule keeps it.
async fn meeting_story(kind: Kind, provider: &str, link_prefix: &str) {
    let (base, cloud) = kind.start().await;
    let (kairos, api, id) = clinic_with_config(json!({}), &kind.config(&base)).await;
    let browser = signed_in_owner(&kairos).await;
    set_up(kind, &kairos, &browser).await;
    let account_id = connect(kind, &kairos, &browser, &base).await;
    let found = connected(&kairos, account_id).await;
    let location = json!({ "locations": [{ "type": "video", "provider": provider }] });
    let event_type = format!("/api/v1/event-types/{id}");

    // The meeting is made with the host's calendar event: without a destination calendar
    // at the vendor, the location is refused and the field named.
    let (status, body) = api
        .send(reqwest::Method::PATCH, &event_type, &location)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.to_string().contains("locations[0].provider"), "{body}");
    let primary = found
        .calendars
        .iter()
        .find(|c| c.href == kind.calendar())
        .expect("the host's own calendar")
        .clone();
    choose(&kairos, &found, primary.id, json!({ "destination": true })).await;
    let (status, body) = api
        .send(reqwest::Method::PATCH, &event_type, &location)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let mail = tempfile::tempdir().expect("a maildir");
    let port = crate::email::free_port();
    let smtp_server = crate::email::SmtpServer::start(port, &mail.path().join("mail"));
    crate::email::configure_smtp(&kairos, port).await;
    let receiver = crate::webhooks::Receiver::start().await;
    let (status, body) = api
        .post(
            "/api/v1/webhooks",
            &json!({ "url": format!("{}/hooks/kairos", receiver.url),
                "triggers": ["BOOKING_CREATED"], "secret": "whsec-meetings-0123456789" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");

    let uid = book(&api, id, "2026-04-09T08:00:00Z", "pat@example.org").await;
    // The messages wait for the link; the calendar write brings it.
    kairos.settle_jobs().await;
    kairos.clock.advance(chrono::Duration::seconds(10));
    kairos.settle_jobs().await;
    assert_eq!(failed_writes(&kairos).await, Vec::<String>::new());

    let (status, got) = api.get(&format!("/api/v1/bookings/{uid}")).await;
    assert_eq!(status, StatusCode::OK, "{got}");
    let location = &got["data"]["location"];
    assert_eq!(location["provider"], json!(provider), "{got}");
    let link = location["url"].as_str().unwrap_or_default().to_string();
    assert!(link.starts_with(link_prefix), "{got}");
    let written = own(kind, &cloud);
    assert_eq!(written.len(), 1, "{written:?}");
    assert!(written[0].json.contains(&link), "{}", written[0].json);

    // The invitee's confirmation carries the link, in its text and its invitation.
    let messages = crate::email::wait_for_messages(&mail.path().join("mail"), 1).await;
    let confirmation = messages
        .iter()
        .find(|m| m["to"][1] == json!("pat@example.org"))
        .expect("the invitee's confirmation");
    let text = confirmation["text"].as_str().unwrap_or_default();
    assert!(text.contains(&link), "{text}");
    assert!(
        confirmation["calendar"].to_string().contains(&link),
        "{confirmation}"
    );

    // The webhook carries it as Cal.com's `videoCallData`.
    let received = receiver.wait_for(&kairos, 1).await;
    let payload = received[0].json();
    assert_eq!(
        payload["payload"]["videoCallData"]["url"],
        json!(link),
        "{payload}"
    );
    assert_eq!(
        payload["payload"]["metadata"]["videoCallUrl"],
        json!(link),
        "{payload}"
    );

    // Moved: the same meeting, the same link, one event.
    let moved_uid = move_booking(&api, &uid, "2026-04-09T09:00:00Z").await;
    kairos.settle_jobs().await;
    let (_, got) = api.get(&format!("/api/v1/bookings/{moved_uid}")).await;
    assert_eq!(got["data"]["location"]["url"], json!(link), "{got}");
    let written = own(kind, &cloud);
    assert_eq!(written.len(), 1, "{written:?}");
    assert_eq!(written[0].start, at("2026-04-09T09:00:00Z"));
    assert!(written[0].json.contains(&link), "{}", written[0].json);

    // The vendor writes the event but makes the meeting later (Google's conference still
    // "pending"): the write is tried again and the link comes.
    cloud.lock().expect("lock").meetings_pending = 1;
    let later = book(&api, id, "2026-04-10T09:30:00Z", "lee@example.org").await;
    kairos.settle_jobs().await;
    let (_, got) = api.get(&format!("/api/v1/bookings/{later}")).await;
    assert!(got["data"]["location"].get("url").is_none(), "{got}");
    kairos.clock.advance(chrono::Duration::minutes(2));
    kairos.settle_jobs().await;
    let (_, got) = api.get(&format!("/api/v1/bookings/{later}")).await;
    let late_link = got["data"]["location"]["url"].as_str().unwrap_or_default();
    assert!(late_link.starts_with(link_prefix), "{got}");
    assert_eq!(own(kind, &cloud).len(), 2, "still one event per booking");

    // A meeting the vendor cannot make in time: the messages wait, then go without a
    // link; the host hears that it is late; the invitee gets the link once it is made.
    let maildir = mail.path().join("mail");
    cloud.lock().expect("lock").rate_limited = usize::MAX;
    book(&api, id, "2026-04-10T08:00:00Z", "sam@example.org").await;
    kairos.settle_jobs().await;
    kairos.clock.advance(chrono::Duration::seconds(30));
    kairos.settle_jobs().await;
    assert!(
        mail_to(&maildir, "sam@example.org").is_empty(),
        "no message without the link yet"
    );
    kairos.clock.advance(chrono::Duration::minutes(4));
    kairos.settle_jobs().await;
    let label = match kind.0 {
        Vendor::Google => "Google Meet",
        Vendor::Microsoft => "Microsoft Teams",
        Vendor::Zoom => "Zoom",
    };
    let without = wait_for_mail(&maildir, "sam@example.org", 1).await;
    let text = without[0]["text"].as_str().unwrap_or_default();
    assert!(text.contains(label), "{text}");
    assert!(!text.contains(link_prefix), "never a broken link: {text}");
    let late = wait_for_mail(&maildir, crate::support::OWNER_EMAIL, 1).await;
    assert!(
        late.iter().any(|m| m["subject"]
            .as_str()
            .unwrap_or_default()
            .contains("not ready")),
        "{late:?}"
    );
    cloud.lock().expect("lock").rate_limited = 0;
    kairos.clock.advance(chrono::Duration::hours(1));
    kairos.settle_jobs().await;
    kairos.clock.advance(chrono::Duration::seconds(10));
    kairos.settle_jobs().await;
    let sent = wait_for_mail(&maildir, "sam@example.org", 2).await;
    let link_mail = sent
        .iter()
        .find(|m| m["subject"].as_str().unwrap_or_default().contains("link"))
        .expect("the late link");
    assert!(
        link_mail["text"]
            .as_str()
            .unwrap_or_default()
            .contains(link_prefix),
        "{link_mail}"
    );
    smtp_server.stop();
    receiver.stop();
}

/// Books event type `id` at `start` for `email`; returns the booking's uid.
async fn book(api: &crate::support::Api, id: i64, start: &str, email: &str) -> String {
    let (status, made) = api
        .public_post("/api/v1/bookings", &booking(id, start, email))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    made["data"]["uid"].as_str().expect("uid").to_string()
}

/// Moves booking `uid` to `start` as the host; returns the new booking's uid.
async fn move_booking(api: &crate::support::Api, uid: &str, start: &str) -> String {
    let (status, moved) = api
        .post(
            &format!("/api/v1/bookings/{uid}/reschedule"),
            &json!({ "start": start, "reason": "Clinic overrun" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{moved}");
    moved["data"]["uid"].as_str().expect("uid").to_string()
}

/// The messages to `address` so far.
fn mail_to(maildir: &std::path::Path, address: &str) -> Vec<serde_json::Value> {
    crate::email::messages(maildir)
        .into_iter()
        .filter(|m| m["to"][1] == json!(address))
        .collect()
}

/// Waits until `count` messages to `address` arrived.
async fn wait_for_mail(
    maildir: &std::path::Path,
    address: &str,
    count: usize,
) -> Vec<serde_json::Value> {
    for _ in 0..200 {
        let found = mail_to(maildir, address);
        if found.len() >= count {
            return found;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("{count} messages to {address} did not arrive");
}

/// A host connects Zoom: each booking of a Zoom event type gets a Zoom meeting, moved with
/// it and deleted with it; a create whose answer was lost makes no second meeting; a
/// revoked grant is reported.
#[tokio::test]
async fn a_host_connects_zoom_and_each_booking_gets_its_own_zoom_meeting() {
    let kind = Kind(Vendor::Zoom);
    let (base, cloud) = kind.start().await;
    let (kairos, api, id) = clinic_with_config(json!({}), &kind.config(&base)).await;
    let browser = signed_in_owner(&kairos).await;
    set_up(kind, &kairos, &browser).await;
    let location = json!({ "locations": [{ "type": "video", "provider": "zoom" }] });
    let event_type = format!("/api/v1/event-types/{id}");
    // Malformed providers and links are refused with the field named; the server stays.
    for (bad, field) in [
        (json!({ "type": "video", "provider": "skype" }), "locations"),
        (json!({ "type": "video", "provider": 7 }), "locations"),
        (
            json!({ "type": "video", "provider": "zoom", "url": "https://zoom.us/j/1" }),
            "locations[0].url",
        ),
    ] {
        let (status, body) = api
            .send(
                reqwest::Method::PATCH,
                &event_type,
                &json!({ "locations": [bad] }),
            )
            .await;
        assert!(status.is_client_error(), "{status} {body}");
        assert!(body.to_string().contains(field), "{body}");
    }
    let (status, _) = api.get(&event_type).await;
    assert_eq!(status, StatusCode::OK, "the server answers after");
    let (status, body) = api
        .send(reqwest::Method::PATCH, &event_type, &location)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.to_string().contains("locations[0].provider"), "{body}");

    let account_id = connect(kind, &kairos, &browser, &base).await;
    let found = connected(&kairos, account_id).await;
    assert_eq!(found.account.username, zoom_standin::PRIMARY);
    assert!(found.calendars.is_empty(), "Zoom has no calendars");
    let (_, _, html) = fetch_page(&browser, &kairos.url(CALENDARS)).await;
    assert!(html.contains("Zoom"), "the account is listed");
    let (status, body) = api
        .send(reqwest::Method::PATCH, &event_type, &location)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    sync_now(&kairos, account_id).await;
    assert_eq!(account(&kairos, account_id).await.last_error, None);

    let mail = tempfile::tempdir().expect("a maildir");
    let maildir = mail.path().join("mail");
    let port = crate::email::free_port();
    let smtp_server = crate::email::SmtpServer::start(port, &maildir);
    crate::email::configure_smtp(&kairos, port).await;
    let meetings = || zoom_standin::meetings(&cloud.lock().expect("lock"));

    let uid = book(&api, id, "2026-04-09T08:00:00Z", "pat@example.org").await;
    kairos.settle_jobs().await;
    kairos.clock.advance(chrono::Duration::seconds(10));
    kairos.settle_jobs().await;
    let (_, got) = api.get(&format!("/api/v1/bookings/{uid}")).await;
    let link = got["data"]["location"]["url"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(link.starts_with("https://zoom.us/j/"), "{got}");
    assert_eq!(got["data"]["location"]["provider"], json!("zoom"));
    let made = meetings();
    assert_eq!(made.len(), 1, "{made:?}");
    assert_eq!(made[0]["start_time"], json!("2026-04-09T08:00:00Z"));
    assert_eq!(made[0]["duration"], json!(30));
    assert_eq!(made[0]["topic"], json!("Consultation"));
    assert!(!made[0].to_string().contains("Pat"), "no names at Zoom");
    let confirmation = wait_for_mail(&maildir, "pat@example.org", 1).await;
    let text = confirmation[0]["text"].as_str().unwrap_or_default();
    assert!(text.contains(&link), "{text}");

    // Moved: the same meeting at the new time, the same link.
    let moved = move_booking(&api, &uid, "2026-04-09T09:00:00Z").await;
    kairos.settle_jobs().await;
    let made = meetings();
    assert_eq!(made.len(), 1, "{made:?}");
    assert_eq!(made[0]["start_time"], json!("2026-04-09T09:00:00Z"));
    let (_, got) = api.get(&format!("/api/v1/bookings/{moved}")).await;
    assert_eq!(got["data"]["location"]["url"], json!(link), "{got}");

    // A create whose answer was lost: the retry finds the meeting by its booking.
    cloud.lock().expect("lock").lose_next_insert = true;
    let second = book(&api, id, "2026-04-10T08:00:00Z", "sam@example.org").await;
    kairos.settle_jobs().await;
    kairos.clock.advance(chrono::Duration::minutes(2));
    kairos.settle_jobs().await;
    let (_, got) = api.get(&format!("/api/v1/bookings/{second}")).await;
    assert!(
        got["data"]["location"]["url"]
            .as_str()
            .is_some_and(|l| l.starts_with("https://zoom.us/j/")),
        "{got}"
    );
    assert_eq!(
        meetings().len(),
        2,
        "one meeting per booking: {:?}",
        meetings()
    );

    // Cancelled: the meeting is deleted at Zoom.
    let (status, body) = api
        .post(
            &format!("/api/v1/bookings/{moved}/cancel"),
            &json!({ "reason": "Unwell" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    kairos.settle_jobs().await;
    let left = meetings();
    assert_eq!(left.len(), 1, "{left:?}");
    assert_ne!(left[0]["join_url"], json!(link));

    // Revoked at Zoom: the account says so.
    {
        let mut c = cloud.lock().expect("lock");
        c.revoked = true;
        c.tokens_expired = true;
    }
    sync_now(&kairos, account_id).await;
    assert!(account(&kairos, account_id).await.needs_reconnect);
    smtp_server.stop();
}

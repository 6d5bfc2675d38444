//! The pages people use, over HTTP without JavaScript: the booker, the booking form, the
//! confirmation and manage page, and every dashboard form's validation messages.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::*;

/// Every day 09:00–12:00 in Berlin.
fn berlin_mornings() -> Value {
    let morning = json!([{ "start": "09:00", "end": "12:00" }]);
    json!({
        "name": "Clinic mornings", "timeZone": "Europe/Berlin", "isDefault": true,
        "weekly": { "monday": morning, "tuesday": morning, "wednesday": morning, "thursday": morning,
                    "friday": morning, "saturday": morning, "sunday": morning }
    })
}

/// A clinic with the owner's Berlin schedule and one event type with questions.
async fn clinic(extra: Value) -> (TestServer, Api) {
    let server = TestServer::with_owner().await;
    let api = server.api().await;
    let (status, body) = api.post("/api/v1/schedules", &berlin_mornings()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let mut event = json!({
        "title": "Consultation", "slug": "consultation", "durationsMinutes": [30],
        "locations": [{ "type": "inPerson", "address": "1 Harbor Street" }],
        "questions": [
            { "key": "reason", "type": "text", "label": "Reason for the visit", "required": true },
            { "key": "insurer", "type": "select", "label": "Insurance", "options": ["Public", "Private"] },
            { "key": "consent", "type": "checkbox", "label": "I agree to be contacted", "required": true }
        ]
    });
    if let (Value::Object(event), Value::Object(extra)) = (&mut event, extra) {
        event.extend(extra);
    }
    let (status, body) = api.post("/api/v1/event-types", &event).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    (server, api)
}

async fn get(client: &reqwest::Client, url: &str) -> (StatusCode, String) {
    let response = client.get(url).send().await.expect("answers");
    let status = response.status();
    (status, response.text().await.expect("body"))
}

/// The `href` values in a page that start with `prefix` (HTML-unescaped).
fn links(html: &str, prefix: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|href| href.replace("&amp;", "&"))
        .filter(|href| href.starts_with(prefix))
        .collect()
}

async fn post_form(
    client: &reqwest::Client,
    url: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    client.post(url).form(form).send().await.expect("answers")
}

#[tokio::test]
async fn the_booker_works_without_javascript_from_calendar_to_cancellation() {
    let (server, _api) = clinic(json!({})).await;
    let client = browser();

    // The profile lists the event type.
    let (status, profile) = get(&client, &server.url("/owner")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(profile.contains("Olivia Owner") && profile.contains("/owner/consultation"));

    // The month calendar, in the invitee's zone: days with times are links.
    let (status, page) = get(
        &client,
        &server.url("/owner/consultation?tz=America/New_York&h=24"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("March 2026"), "the current month is shown");
    assert!(page.contains("Pick a day"), "no day is chosen yet");
    let days = links(&page, "/owner/consultation?month=2026-03&date=");
    assert!(
        days.iter().any(|d| d.contains("date=2026-03-30")),
        "{days:?}"
    );
    assert!(
        !days.iter().any(|d| d.contains("date=2026-03-26")),
        "past days are not offered"
    );

    // A day's times, in New York time (09:00 Berlin = 03:00 New York on 30 March).
    let (status, day) = get(
        &client,
        &server.url("/owner/consultation?month=2026-03&date=2026-03-30&tz=America%2FNew_York&h=24"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(day.contains("Mon, 30 Mar"));
    let slots = links(
        &day,
        "/owner/consultation?month=2026-03&date=2026-03-30&slot=",
    );
    assert_eq!(slots.len(), 6, "{slots:?}");
    assert!(
        slots[0].contains("slot=2026-03-30T07%3A00%3A00Z"),
        "{}",
        slots[0]
    );
    assert!(
        day.contains(">03:00<") || day.contains("03:00</a>") || day.contains("03:00\n"),
        "times are in the invitee's zone"
    );
    // The 12-hour clock is one link away.
    let (_, twelve) = get(
        &client,
        &server.url("/owner/consultation?month=2026-03&date=2026-03-30&tz=America%2FNew_York&h=12"),
    )
    .await;
    assert!(twelve.contains("3:00am"));

    // The form for the first slot.
    let (status, form) = get(&client, &server.url(&slots[0])).await;
    assert_eq!(status, StatusCode::OK);
    for needle in [
        "Your details",
        "Reason for the visit",
        "Insurance",
        "I agree to be contacted",
        "Add guests",
        "name=\"q.reason\"",
    ] {
        assert!(form.contains(needle), "{needle}");
    }
    let csrf = csrf_of(&form);
    let booker = server.url("/owner/consultation");
    let base_fields = [
        ("csrf", csrf.as_str()),
        ("slot", "2026-03-30T07:00:00Z"),
        ("tz", "America/New_York"),
        ("h", "24"),
        ("duration", "30"),
    ];

    // Every wrong answer is named next to its field.
    let mut bad = base_fields.to_vec();
    bad.extend([
        ("name", " "),
        ("email", "pat-at-example"),
        ("q.insurer", "Other"),
        ("guests", "not-an-email"),
    ]);
    let response = post_form(&client, &booker, &bad).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("body");
    for message in [
        "Please correct the highlighted fields.",
        "Your name is required",
        "Email address must be an email address",
        "Reason for the visit is required",
        "Insurance must be one of: Public, Private",
        "I agree to be contacted is required",
        "Guest email must be an email address",
    ] {
        assert!(html.contains(message), "{message}");
    }
    assert!(
        html.contains("value=\"pat-at-example\""),
        "what was typed stays"
    );

    // A good submission lands on the confirmation.
    let mut good = base_fields.to_vec();
    good.extend([
        ("name", "Pat Patient"),
        ("email", "pat@example.org"),
        ("q.reason", "Knee pain"),
        ("q.insurer", "Public"),
        ("q.consent", "on"),
        ("guests", "kim@example.org"),
        ("guests", ""),
    ]);
    let response = post_form(&client, &booker, &good).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let confirmation = location(&response);
    assert!(
        confirmation.starts_with("/booking/") && confirmation.contains("token="),
        "{confirmation}"
    );
    let (status, page) = get(&client, &server.url(&confirmation)).await;
    assert_eq!(status, StatusCode::OK);
    for needle in [
        "This meeting is scheduled",
        "Consultation",
        "Monday, 30 March 2026",
        "03:00",
        "03:30",
        "Eastern Time",
        "Pat Patient",
        "kim@example.org",
        "1 Harbor Street",
        "Knee pain",
        "calendar.google.com",
        "outlook.live.com",
        "calendar.ics",
        "Reschedule",
        "Cancel booking",
    ] {
        assert!(page.contains(needle), "{needle}");
    }

    // The same slot is gone for the next person.
    let (_, day) = get(
        &client,
        &server.url("/owner/consultation?month=2026-03&date=2026-03-30&tz=America%2FNew_York&h=24"),
    )
    .await;
    assert_eq!(
        links(
            &day,
            "/owner/consultation?month=2026-03&date=2026-03-30&slot="
        )
        .len(),
        5
    );
    let response = post_form(&client, &booker, &{
        let mut again = good.clone();
        again[6] = ("email", "someone-else@example.org");
        again
    })
    .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert!(
        response
            .text()
            .await
            .expect("body")
            .contains("that time was just taken")
    );

    // Cancelling through the manage link, with a reason.
    let uid = confirmation
        .trim_start_matches("/booking/")
        .split('?')
        .next()
        .unwrap_or_default()
        .to_string();
    let token = confirmation
        .split("token=")
        .nth(1)
        .and_then(|t| t.split('&').next())
        .unwrap_or_default()
        .to_string();
    let too_long = "x".repeat(1001);
    let response = post_form(
        &client,
        &server.url(&format!("/booking/{uid}/cancel")),
        &[("csrf", &csrf), ("token", &token), ("reason", &too_long)],
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response
            .text()
            .await
            .expect("body")
            .contains("Reason for cancelling (optional) must be at most 1000 characters")
    );
    let response = post_form(
        &client,
        &server.url(&format!("/booking/{uid}/cancel")),
        &[
            ("csrf", &csrf),
            ("token", &token),
            ("reason", "Feeling better"),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, page) = get(&client, &server.url(&location(&response))).await;
    assert!(page.contains("This meeting was cancelled") && page.contains("Feeling better"));
    assert!(page.contains("Your booking is cancelled."));

    // A wrong token shows nothing.
    let (status, _) = get(
        &client,
        &server.url(&format!("/booking/{uid}?token={}", "0".repeat(64))),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    server.stop().await;
}

fn python() -> String {
    let venv = concat!(env!("CARGO_MANIFEST_DIR"), "/.venv-test/bin/python");
    if std::path::Path::new(venv).exists() {
        venv.to_string()
    } else {
        panic!("the .ics check needs Python's icalendar in .venv-test: run tests/run.sh once")
    }
}

#[tokio::test]
async fn the_calendar_file_parses_with_an_independent_icalendar_reader() {
    let (server, api) = clinic(json!({ "questions": [] })).await;
    let (status, body) = api
        .public_post("/api/v1/bookings", &json!({
            "eventTypeId": 1, "start": "2026-03-30T07:00:00Z",
            "attendee": { "name": "Pat; \"Patient\", Jr.", "email": "pat@example.org", "timeZone": "America/New_York" },
            "guests": ["kim@example.org"]
        }))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let manage = body["data"]["manageUrl"]
        .as_str()
        .expect("manage url")
        .to_string();
    let path = manage.trim_start_matches(&server.base).to_string();
    let (uid, query) = path
        .trim_start_matches("/booking/")
        .split_once('?')
        .expect("query");
    let response = browser()
        .get(server.url(&format!("/booking/{uid}/calendar.ics?{query}")))
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap_or_default()
            .starts_with("text/calendar")
    );
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .unwrap_or_default()
            .contains("attachment")
    );
    let ics = response.text().await.expect("body");
    assert!(ics.contains("\r\n"), "lines end with CRLF");

    let script = r#"
import sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
events = [c for c in cal.walk() if c.name == "VEVENT"]
assert len(events) == 1, events
e = events[0]
print(cal["VERSION"])
print(e["DTSTART"].dt.isoformat())
print(e["DTEND"].dt.isoformat())
print(e["SUMMARY"])
print(e["STATUS"])
print(e["LOCATION"])
print(str(e["ORGANIZER"]))
print(sorted(str(a) for a in (e["ATTENDEE"] if isinstance(e["ATTENDEE"], list) else [e["ATTENDEE"]])))
print(e["ATTENDEE"][0].params["CN"] if isinstance(e["ATTENDEE"], list) else e["ATTENDEE"].params["CN"])
print("manage" if "/booking/" in str(e["URL"]) else "no url")
"#;
    let mut child = std::process::Command::new(python())
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python starts");
    use std::io::Write as _;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(ics.as_bytes())
        .expect("write");
    let output = child.wait_with_output().expect("python ends");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "icalendar refused the file:\n{}\n{ics}",
        String::from_utf8_lossy(&output.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "2.0");
    assert_eq!(lines[1], "2026-03-30T07:00:00+00:00");
    assert_eq!(lines[2], "2026-03-30T07:30:00+00:00");
    assert_eq!(lines[3], "Consultation with Olivia Owner");
    assert_eq!(lines[4], "CONFIRMED");
    assert_eq!(lines[5], "1 Harbor Street");
    assert_eq!(lines[6], format!("mailto:{OWNER_EMAIL}"));
    assert!(
        lines[7].contains("mailto:pat@example.org") && lines[7].contains("mailto:kim@example.org"),
        "{}",
        lines[7]
    );
    assert_eq!(lines[8], "Pat; Patient, Jr.");
    assert_eq!(lines[9], "manage");
    server.stop().await;
}

#[tokio::test]
async fn an_invitee_reschedules_through_the_booker_again() {
    let (server, api) = clinic(json!({ "questions": [] })).await;
    let (_, body) = api
        .public_post("/api/v1/bookings", &json!({
            "eventTypeId": 1, "start": "2026-03-30T07:00:00Z",
            "attendee": { "name": "Pat", "email": "pat@example.org", "timeZone": "Europe/Berlin" }
        }))
        .await;
    let manage = body["data"]["manageUrl"]
        .as_str()
        .expect("manage url")
        .to_string();
    let path = manage.trim_start_matches(&server.base).to_string();
    let (uid, query) = path
        .trim_start_matches("/booking/")
        .split_once('?')
        .expect("query");
    let token = query.trim_start_matches("token=").to_string();
    let client = browser();
    let (_, page) = get(&client, &server.url(&path)).await;
    let reschedule = links(&page, "/owner/consultation?reschedule=");
    assert_eq!(reschedule.len(), 1, "the manage page links to the booker");
    let (status, booker) = get(&client, &server.url(&format!("/owner/consultation?reschedule={uid}&token={token}&date=2026-03-31&month=2026-03&tz=Europe%2FBerlin"))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(booker.contains("Rescheduling your booking of"));
    let slot = links(
        &booker,
        "/owner/consultation?month=2026-03&date=2026-03-31&slot=",
    );
    assert!(
        slot[0].contains("reschedule="),
        "the choice keeps the booking being moved"
    );
    let (_, step) = get(&client, &server.url(&slot[0])).await;
    assert!(step.contains("Confirm the new time"));
    let csrf = csrf_of(&step);
    let response = post_form(
        &client,
        &server.url(&format!("/booking/{uid}/reschedule")),
        &[
            ("csrf", csrf.as_str()),
            ("token", &token),
            ("start", "2026-03-31T07:00:00Z"),
            ("reason", "Train strike"),
            ("tz", "Europe/Berlin"),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let moved = location(&response);
    assert!(!moved.contains(uid), "a new booking: {moved}");
    let (_, page) = get(&client, &server.url(&moved)).await;
    assert!(
        page.contains("Your booking is moved to the new time.")
            && page.contains("Tuesday, 31 March 2026")
    );
    let (_, old) = get(&client, &server.url(&path)).await;
    assert!(old.contains("This booking was moved"));
    server.stop().await;
}

/// A signed-in owner's browser.
async fn owner_client(server: &TestServer) -> reqwest::Client {
    let client = browser();
    let response = sign_in(server, &client, OWNER_EMAIL, OWNER_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    client
}

/// Posts a dashboard form with the page's CSRF token; returns status and body.
async fn submit(
    server: &TestServer,
    client: &reqwest::Client,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> (StatusCode, String, String) {
    let csrf = csrf_from(client, &server.url(page)).await;
    let mut form = vec![("csrf", csrf.as_str())];
    form.extend_from_slice(fields);
    let response = post_form(client, &server.url(action), &form).await;
    let status = response.status();
    let to = location(&response);
    (status, to, response.text().await.unwrap_or_default())
}

#[tokio::test]
async fn event_types_are_created_edited_duplicated_hidden_and_deleted_with_messages() {
    let (server, _api) = clinic(json!({})).await;
    let client = owner_client(&server).await;
    let (status, page) = get(&client, &server.url("/dashboard/event-types")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Consultation") && page.contains("Copy link"));

    // Creating: every problem is named.
    let (status, _, html) = submit(
        &server,
        &client,
        "/dashboard/event-types/new",
        "/dashboard/event-types",
        &[
            ("title", ""),
            ("slug", "Bad Slug!"),
            ("durationsMinutes", "thirty"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in [
        "Title is required",
        "URL slug may only contain",
        "Duration in minutes must be whole numbers",
    ] {
        assert!(html.contains(message), "{message}\n{html}");
    }
    let (status, _, html) = submit(
        &server,
        &client,
        "/dashboard/event-types/new",
        "/dashboard/event-types",
        &[
            ("title", "Follow-up"),
            ("slug", "consultation"),
            ("durationsMinutes", "20"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("URL slug is already used by another event type"));
    let (status, to, _) = submit(
        &server,
        &client,
        "/dashboard/event-types/new",
        "/dashboard/event-types",
        &[
            ("title", "Follow-up visit"),
            ("slug", ""),
            ("durationsMinutes", "20, 40"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(to.ends_with("?notice=created"), "{to}");
    let editor = to.trim_end_matches("?notice=created").to_string();
    let (_, page) = get(&client, &server.url(&to)).await;
    assert!(page.contains("Created.") && page.contains("/owner/follow-up-visit"));

    // The editor: a question is added without saving, then saving checks everything.
    let base = [
        ("title", "Follow-up visit"),
        ("slug", "follow-up-visit"),
        ("durationsMinutes", "20, 40"),
        ("minimumNoticeMinutes", "60"),
        ("bookingWindow.kind", "unlimited"),
    ];
    let mut fields = base.to_vec();
    fields.push(("action", "add-question"));
    let (status, _, html) = submit(&server, &client, &editor, &editor, &fields).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Not saved yet") && html.contains("questions[0].label"));
    let mut fields = base.to_vec();
    fields.extend([
        ("questions[0].label", ""),
        ("questions[0].type", "select"),
        ("questions[0].key", "pick"),
        ("questions[0].options", ""),
        ("bookingLimits.perDay", "0"),
        ("beforeBufferMinutes", "ten"),
        ("action", "save"),
    ]);
    let (status, _, html) = submit(&server, &client, &editor, &editor, &fields).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in [
        "Question is required",
        "Choices (one per line) must list at least one choice",
        "Per day (bookings) must be at least 1",
        "Buffer before (minutes) must be a whole number",
    ] {
        assert!(html.contains(message), "{message}");
    }
    let mut fields = base.to_vec();
    fields.extend([
        ("questions[0].label", "What should we prepare?"),
        ("questions[0].type", "textarea"),
        ("questions[0].key", "prepare"),
        ("questions[0].required", "on"),
        ("locations[0].type", "phone"),
        ("locations[0].value", "+49 30 1234567"),
        ("requiresConfirmation", "on"),
        ("pendingBlocksSlot", "on"),
        ("action", "save"),
    ]);
    let (status, to, _) = submit(&server, &client, &editor, &editor, &fields).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    let (_, page) = get(&client, &server.url(&to)).await;
    assert!(
        page.contains("Your changes are saved.")
            && page.contains("What should we prepare?")
            && page.contains("+49 30 1234567")
    );
    let (_, public) = get(
        &browser(),
        &server.url("/owner/follow-up-visit?date=2026-03-30&month=2026-03"),
    )
    .await;
    assert!(
        public.contains("20 min") && public.contains("40 min"),
        "both durations are offered"
    );

    // Duplicate, hide, delete.
    let id = editor.rsplit('/').next().unwrap_or_default();
    let (status, to, _) = submit(
        &server,
        &client,
        "/dashboard/event-types",
        &format!("/dashboard/event-types/{id}/duplicate"),
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, page) = get(&client, &server.url(&to)).await;
    assert!(page.contains("Follow-up visit (copy)") && page.contains("follow-up-visit-copy"));
    let (_, to, _) = submit(
        &server,
        &client,
        "/dashboard/event-types",
        &format!("/dashboard/event-types/{id}/hide"),
        &[],
    )
    .await;
    assert!(to.ends_with("notice=hidden"));
    let (_, profile) = get(&browser(), &server.url("/owner")).await;
    assert!(
        !profile.contains("/owner/follow-up-visit\""),
        "hidden from the profile"
    );
    let (status, _) = get(&browser(), &server.url("/owner/follow-up-visit")).await;
    assert_eq!(status, StatusCode::OK, "the direct link still works");
    let (_, to, _) = submit(
        &server,
        &client,
        "/dashboard/event-types",
        &format!("/dashboard/event-types/{id}/delete"),
        &[],
    )
    .await;
    assert!(to.ends_with("notice=deleted"));
    let (status, _) = get(&browser(), &server.url("/owner/follow-up-visit")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    server.stop().await;
}

#[tokio::test]
async fn availability_forms_explain_what_is_wrong() {
    let (server, _api) = clinic(json!({})).await;
    let client = owner_client(&server).await;
    let (status, page) = get(&client, &server.url("/dashboard/availability")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Clinic mornings") && page.contains("No time away planned."));

    let (status, _, html) = submit(
        &server,
        &client,
        "/dashboard/availability",
        "/dashboard/availability",
        &[("name", " ")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("Name must be 1 to 100 characters"));
    let (status, to, _) = submit(
        &server,
        &client,
        "/dashboard/availability",
        "/dashboard/availability",
        &[("name", "Evenings")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let editor = to.trim_end_matches("?notice=created").to_string();

    // Several ranges a day, copied to every day, then a broken range.
    let (status, _, html) = submit(
        &server,
        &client,
        &editor,
        &editor,
        &[
            ("name", "Evenings"),
            ("timeZone", "Europe/Berlin"),
            ("monday.on", "on"),
            ("monday.start", "17:00"),
            ("monday.end", "19:00"),
            ("action", "add-range:monday"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(html.matches("name=\"monday.start\"").count(), 2);
    let (_, _, html) = submit(
        &server,
        &client,
        &editor,
        &editor,
        &[
            ("name", "Evenings"),
            ("timeZone", "Europe/Berlin"),
            ("monday.on", "on"),
            ("monday.start", "17:00"),
            ("monday.end", "19:00"),
            ("monday.start", "19:00"),
            ("monday.end", "20:00"),
            ("action", "copy:monday"),
        ],
    )
    .await;
    assert_eq!(
        html.matches("name=\"sunday.start\"").count(),
        2,
        "copied to every day"
    );
    let (status, _, html) = submit(
        &server,
        &client,
        &editor,
        &editor,
        &[
            ("name", "Evenings"),
            ("timeZone", "Mars/Olympus"),
            ("monday.on", "on"),
            ("monday.start", "17:00"),
            ("monday.end", "17:00"),
            ("action", "save"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("Monday has a time range that is not valid"),
        "{html}"
    );
    let (status, _, html) = submit(
        &server,
        &client,
        &editor,
        &editor,
        &[
            ("name", "Evenings"),
            ("timeZone", "Mars/Olympus"),
            ("tuesday.on", "on"),
            ("tuesday.start", "17:00"),
            ("tuesday.end", "20:00"),
            ("action", "save"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("Time zone must be an IANA time zone"));
    let (status, to, _) = submit(
        &server,
        &client,
        &editor,
        &editor,
        &[
            ("name", "Evenings"),
            ("timeZone", "Europe/Berlin"),
            ("tuesday.on", "on"),
            ("tuesday.start", "17:00"),
            ("tuesday.end", "20:00"),
            ("override.date", "2026-04-03"),
            ("override.start", ""),
            ("override.end", ""),
            ("override.0.off", "on"),
            ("action", "save"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, page) = get(&client, &server.url(&to)).await;
    assert!(page.contains("Your changes are saved.") && page.contains("value=\"2026-04-03\""));

    // Out of office: dates are checked, then the time is blocked.
    let (status, _, html) = submit(
        &server,
        &client,
        "/dashboard/availability",
        "/dashboard/out-of-office",
        &[("start", "2026-04-10"), ("end", "2026-04-01")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("Last day must not be before the first day"));
    let (status, to, _) = submit(
        &server,
        &client,
        "/dashboard/availability",
        "/dashboard/out-of-office",
        &[
            ("start", "2026-03-30"),
            ("end", "2026-03-30"),
            ("note", "Conference"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, page) = get(&client, &server.url(&to)).await;
    assert!(page.contains("Out-of-office time added.") && page.contains("Conference"));
    let (_, day) = get(
        &browser(),
        &server.url("/owner/consultation?month=2026-03&date=2026-03-30&tz=Europe%2FBerlin"),
    )
    .await;
    assert!(
        links(
            &day,
            "/owner/consultation?month=2026-03&date=2026-03-30&slot="
        )
        .is_empty(),
        "no times while away"
    );
    server.stop().await;
}

#[tokio::test]
async fn hosts_accept_decline_and_cancel_bookings_from_the_dashboard() {
    let (server, api) = clinic(json!({ "questions": [{ "key": "reason", "type": "text", "label": "Reason for the visit" }], "requiresConfirmation": true })).await;
    for (start, email) in [
        ("2026-03-30T07:00:00Z", "a@example.org"),
        ("2026-03-30T07:30:00Z", "b@example.org"),
    ] {
        let (status, body) = api
            .public_post("/api/v1/bookings", &json!({ "eventTypeId": 1, "start": start, "answers": { "reason": "Check-up" },
                "attendee": { "name": "Pat Patient", "email": email, "timeZone": "America/New_York" } }))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let client = owner_client(&server).await;
    let (_, upcoming) = get(&client, &server.url("/dashboard/bookings")).await;
    assert!(upcoming.contains("Unconfirmed") && upcoming.contains("Pat Patient"));
    let (_, cancelled) = get(&client, &server.url("/dashboard/bookings?tab=cancelled")).await;
    assert!(
        cancelled.contains("No cancelled bookings"),
        "an empty list says so"
    );
    let (_, pending) = get(&client, &server.url("/dashboard/bookings?tab=pending")).await;
    let details = links(&pending, "/dashboard/bookings/");
    let first = details
        .iter()
        .find(|l| !l.contains("/confirm"))
        .expect("a detail link")
        .clone();
    let (_, page) = get(&client, &server.url(&first)).await;
    assert!(
        page.contains("Reason for the visit")
            && page.contains("Check-up")
            && page.contains("Accept")
    );
    let (status, to, _) = submit(&server, &client, &first, &format!("{first}/confirm"), &[]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, page) = get(&client, &server.url(&to)).await;
    assert!(page.contains("The booking is confirmed.") && page.contains("Confirmed"));
    let (status, _, html) =
        submit(&server, &client, &first, &format!("{first}/confirm"), &[]).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(html.contains("Only a booking awaiting confirmation can be confirmed."));
    let (status, _, html) = submit(
        &server,
        &client,
        &first,
        &format!("{first}/cancel"),
        &[("reason", &"x".repeat(1001))],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("must be at most 1000 characters"));
    let (status, to, _) = submit(
        &server,
        &client,
        &first,
        &format!("{first}/cancel"),
        &[("reason", "Host ill")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, page) = get(&client, &server.url(&to)).await;
    assert!(page.contains("The booking is cancelled.") && page.contains("Host ill"));

    let (_, pending) = get(&client, &server.url("/dashboard/bookings?tab=pending")).await;
    let second = links(&pending, "/dashboard/bookings/")
        .into_iter()
        .find(|l| !l.contains("/confirm"))
        .expect("second");
    let (status, to, _) = submit(
        &server,
        &client,
        &second,
        &format!("{second}/reject"),
        &[("reason", "Fully booked")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, page) = get(&client, &server.url(&to)).await;
    assert!(page.contains("The request is declined.") && page.contains("Fully booked"));
    let (_, cancelled) = get(&client, &server.url("/dashboard/bookings?tab=cancelled")).await;
    assert!(cancelled.contains("Cancelled") && cancelled.contains("Declined"));
    server.stop().await;
}

#[tokio::test]
async fn teams_members_and_team_pages() {
    let (server, _api) = clinic(json!({})).await;
    let client = owner_client(&server).await;
    let (_, page) = get(&client, &server.url("/dashboard/teams")).await;
    assert!(page.contains("No teams yet"));
    let (status, _, html) = submit(
        &server,
        &client,
        "/dashboard/teams",
        "/dashboard/teams",
        &[("name", ""), ("slug", "Front Desk")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("Name must be 1 to 100 characters")
            && html.contains("URL slug may only contain")
    );
    let (status, to, _) = submit(
        &server,
        &client,
        "/dashboard/teams",
        "/dashboard/teams",
        &[("name", "Front desk"), ("slug", "front-desk")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let team = to.trim_end_matches("?notice=created").to_string();
    let id = team.rsplit('/').next().unwrap_or_default().to_string();

    // A new member gets an account and a one-time link.
    let (status, _, html) = submit(
        &server,
        &client,
        &team,
        &format!("{team}/members/new"),
        &[
            ("name", "Sam Staff"),
            ("email", "not-an-email"),
            ("role", "member"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("Email must be an email address"));
    let (status, to, _) = submit(
        &server,
        &client,
        &team,
        &format!("{team}/members/new"),
        &[
            ("name", "Sam Staff"),
            ("email", "sam@clinic.example"),
            ("role", "member"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(to.starts_with(&format!("{team}?shown=")), "{to}");
    let (_, html) = get(&client, &server.url(&to)).await;
    assert!(
        html.contains("/reset/") && html.contains("Sam Staff has an account and is in the team.")
    );

    // A team event type with both as hosts, round robin.
    let (status, to, _) = submit(
        &server,
        &client,
        "/dashboard/event-types/new",
        "/dashboard/event-types",
        &[
            ("title", "Intake call"),
            ("durationsMinutes", "15"),
            ("teamId", &id),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    let editor = to.trim_end_matches("?notice=created").to_string();
    let (_, page) = get(&client, &server.url(&editor)).await;
    assert!(page.contains("Sam Staff") && page.contains("Round robin"));
    let (status, _, html) = submit(
        &server,
        &client,
        &editor,
        &editor,
        &[
            ("title", "Intake call"),
            ("slug", "intake-call"),
            ("durationsMinutes", "15"),
            ("schedulingType", "collective"),
            ("action", "save"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("Hosts must list at least one host"));
    let (status, _, _) = submit(
        &server,
        &client,
        &editor,
        &editor,
        &[
            ("title", "Intake call"),
            ("slug", "intake-call"),
            ("durationsMinutes", "15"),
            ("schedulingType", "roundRobin"),
            ("host.1", "on"),
            ("host.1.priority", "high"),
            ("host.1.weight", "many"),
            ("host.2", "on"),
            ("host.2.priority", "medium"),
            ("action", "save"),
        ],
    )
    .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a weight must be a number"
    );
    let (status, _, _) = submit(
        &server,
        &client,
        &editor,
        &editor,
        &[
            ("title", "Intake call"),
            ("slug", "intake-call"),
            ("durationsMinutes", "15"),
            ("schedulingType", "roundRobin"),
            ("host.1", "on"),
            ("host.1.priority", "high"),
            ("host.1.weight", "300"),
            ("host.1.group", "desk"),
            ("host.2", "on"),
            ("host.2.priority", "medium"),
            ("host.2.weight", "100"),
            ("host.2.group", "desk"),
            ("action", "save"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, saved) = get(&client, &server.url(&editor)).await;
    assert!(
        saved.contains("value=\"300\"") && saved.contains("value=\"desk\""),
        "weights and groups are kept"
    );

    let (status, public) = get(&browser(), &server.url("/team/front-desk")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(public.contains("Front desk") && public.contains("/team/front-desk/intake-call"));
    let (status, booker) = get(
        &browser(),
        &server
            .url("/team/front-desk/intake-call?month=2026-03&date=2026-03-30&tz=Europe%2FBerlin"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        !links(
            &booker,
            "/team/front-desk/intake-call?month=2026-03&date=2026-03-30&slot="
        )
        .is_empty(),
        "the team has times"
    );
    server.stop().await;
}

#[tokio::test]
async fn settings_forms_validate_and_api_keys_are_shown_once() {
    let (server, _api) = clinic(json!({})).await;
    let client = owner_client(&server).await;
    let (status, _, html) = submit(
        &server,
        &client,
        "/dashboard/settings",
        "/dashboard/settings/profile",
        &[
            ("name", "Olivia Owner"),
            ("username", "dashboard"),
            ("time_zone", "Nowhere/City"),
            ("first_day_of_week", "friday"),
            ("time_format", "12"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in [
        "Username is reserved",
        "Time zone must be an IANA time zone",
        "Week starts on must be monday, sunday or saturday",
    ] {
        assert!(html.contains(message), "{message}");
    }
    let (status, to, _) = submit(
        &server,
        &client,
        "/dashboard/settings",
        "/dashboard/settings/profile",
        &[
            ("name", "Dr. Olivia Owner"),
            ("username", "olivia"),
            ("time_zone", "Europe/Berlin"),
            ("first_day_of_week", "sunday"),
            ("time_format", "12"),
            ("bio", "Family doctor."),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, page) = get(&client, &server.url(&to)).await;
    assert!(page.contains("Your changes are saved."));
    let (_, profile) = get(&browser(), &server.url("/olivia")).await;
    assert!(profile.contains("Dr. Olivia Owner") && profile.contains("Family doctor."));
    let (_, booker) = get(
        &browser(),
        &server.url("/olivia/consultation?month=2026-03&date=2026-03-30"),
    )
    .await;
    assert!(
        booker.contains("9:00am"),
        "the host's 12-hour clock is the default"
    );
    assert!(
        booker.find(">Sun<").unwrap_or(usize::MAX) < booker.find(">Mon<").unwrap_or(0),
        "weeks start on Sunday"
    );

    let (status, _, html) = submit(
        &server,
        &client,
        "/dashboard/settings",
        "/dashboard/settings/password",
        &[
            ("current_password", "wrong-password-123"),
            ("new_password", "short"),
            ("new_password_confirm", "other"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in [
        "Current password is not your current password",
        "New password must",
        "Repeat the new password does not match the new password",
    ] {
        assert!(html.contains(message), "{message}");
    }

    let (status, _, html) = submit(
        &server,
        &client,
        "/dashboard/settings",
        "/dashboard/settings/api-keys",
        &[("name", " ")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("New key&#39;s name must be 1 to 100 characters")
            || html.contains("New key's name must be 1 to 100 characters")
    );
    let (status, to, _) = submit(
        &server,
        &client,
        "/dashboard/settings",
        "/dashboard/settings/api-keys",
        &[("name", "Website")],
    )
    .await;
    // Post/redirect/get: the key is shown once on the settings page, and a reload of
    // that page (or of the form's target) shows it no more.
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(
        to.starts_with("/dashboard/settings?shown=") && to.ends_with("#api-keys"),
        "{to}"
    );
    let (status, html) = get(&client, &server.url(&to)).await;
    assert_eq!(status, StatusCode::OK);
    let key = html
        .split("value=\"kairos_")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|k| format!("kairos_{k}"))
        .expect("the key is shown");
    let api = Api {
        base: server.base.clone(),
        key: key.clone(),
        client: reqwest::Client::new(),
    };
    assert_eq!(api.get("/api/v1/me").await.0, StatusCode::OK);
    let (status, reloaded) = get(&client, &server.url(&to)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!reloaded.contains(&key), "shown only once");
    assert!(reloaded.contains("is no longer shown"), "a reload says why");
    let response = client
        .get(server.url("/dashboard/settings/api-keys"))
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "no bare 405");
    assert_eq!(location(&response), "/dashboard/settings");
    let (_, page) = get(&client, &server.url("/dashboard/settings")).await;
    assert!(!page.contains(&key), "shown only once");
    let revoke = links(&page, "/dashboard/settings/api-keys/");
    let action = page
        .split("action=\"/dashboard/settings/api-keys/")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .map(|r| format!("/dashboard/settings/api-keys/{r}"))
        .expect("revoke form");
    assert!(revoke.is_empty());
    let (status, to, _) = submit(&server, &client, "/dashboard/settings", &action, &[]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(to.ends_with("key-revoked"));
    assert_eq!(api.get("/api/v1/me").await.0, StatusCode::UNAUTHORIZED);

    // The password change itself keeps this browser signed in.
    let (status, to, _) = submit(
        &server,
        &client,
        "/dashboard/settings",
        "/dashboard/settings/password",
        &[
            ("current_password", OWNER_PASSWORD),
            ("new_password", "lantern-harbor-violet-7"),
            ("new_password_confirm", "lantern-harbor-violet-7"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, page) = get(&client, &server.url(&to)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Your password is changed."));
    server.stop().await;
}

#[tokio::test]
async fn admins_create_and_disable_people_and_choose_who_may_embed() {
    let (server, _api) = clinic(json!({})).await;
    let client = owner_client(&server).await;
    let (status, _, html) = submit(
        &server,
        &client,
        "/dashboard/admin",
        "/dashboard/admin/users",
        &[("name", ""), ("email", "x"), ("role", "root")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in [
        "Name must be 1 to 100 characters",
        "Email must be an email address",
        "Role must be member or admin",
    ] {
        assert!(html.contains(message), "{message}");
    }
    let (status, to, _) = submit(
        &server,
        &client,
        "/dashboard/admin",
        "/dashboard/admin/users",
        &[
            ("name", "Max Member"),
            ("email", "max@clinic.example"),
            ("role", "member"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, html) = get(&client, &server.url(&to)).await;
    let link = html
        .split("value=\"")
        .find(|rest| rest.contains("/reset/"))
        .and_then(|rest| rest.split('"').next())
        .expect("one-time link")
        .to_string();
    let reset = link.trim_start_matches(&server.base).to_string();

    // Max sets a password, signs in and makes a key.
    let max = browser();
    let (status, to, _) = submit(
        &server,
        &max,
        &reset,
        &reset,
        &[
            ("password", "copper-meadow-quartz-9"),
            ("password_confirm", "copper-meadow-quartz-9"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    assert_eq!(
        sign_in(
            &server,
            &max,
            "max@clinic.example",
            "copper-meadow-quartz-9"
        )
        .await
        .status(),
        StatusCode::SEE_OTHER
    );
    let (status, _) = get(&max, &server.url("/dashboard/admin")).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "members do not administer");
    let key = server.api_key_for("max@clinic.example").await;
    let api = Api {
        base: server.base.clone(),
        key,
        client: reqwest::Client::new(),
    };
    assert_eq!(api.get("/api/v1/me").await.0, StatusCode::OK);

    // Disabling ends the session and the key at once.
    let (_, page) = get(&client, &server.url("/dashboard/admin")).await;
    let action = page
        .split("action=\"/dashboard/admin/users/")
        .find(|r| r.contains("/disable"))
        .and_then(|r| r.split('"').next())
        .map(|r| format!("/dashboard/admin/users/{r}"))
        .expect("disable form");
    let (status, to, _) = submit(&server, &client, "/dashboard/admin", &action, &[]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(to.ends_with("user-disabled"));
    let response = max
        .get(server.url("/dashboard"))
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "signed out");
    assert_eq!(api.get("/api/v1/me").await.0, StatusCode::UNAUTHORIZED);

    // Instance settings: bad values are named; embed origins open framing for public pages only.
    let settings = [
        ("organization_name", "Harbor Clinic"),
        ("base_url", ""),
        ("default_time_zone", "Europe/Berlin"),
        ("first_day_of_week", "monday"),
        ("signup", "invite"),
        ("require_mfa", "off"),
        ("audit_retention_years", "6"),
    ];
    let mut bad = settings.to_vec();
    bad[0] = ("organization_name", "");
    bad.push(("embed_origins", "www.example.org/page"));
    let (status, _, html) = submit(
        &server,
        &client,
        "/dashboard/admin",
        "/dashboard/admin/settings",
        &bad,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("Organization name is required")
            && html.contains("must start with https:// or http://")
    );
    let mut good = settings.to_vec();
    good.push((
        "embed_origins",
        "https://www.example.org\nhttps://intranet.example.org:8443",
    ));
    let (status, to, _) = submit(
        &server,
        &client,
        "/dashboard/admin",
        "/dashboard/admin/settings",
        &good,
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, page) = get(&client, &server.url(&to)).await;
    assert!(page.contains("Your changes are saved.") && page.contains("Harbor Clinic"));
    let public = browser()
        .get(server.url("/owner/consultation"))
        .send()
        .await
        .expect("answers");
    let csp = public.headers()["content-security-policy"]
        .to_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        csp.contains(
            "frame-ancestors 'self' https://www.example.org https://intranet.example.org:8443"
        ),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"));
    assert!(public.headers().get("x-frame-options").is_none());
    let dashboard = client
        .get(server.url("/dashboard"))
        .send()
        .await
        .expect("answers");
    assert!(
        dashboard.headers()["content-security-policy"]
            .to_str()
            .unwrap_or_default()
            .contains("frame-ancestors 'none'")
    );
    assert_eq!(dashboard.headers()["x-frame-options"], "DENY");
    server.stop().await;
}

#[tokio::test]
async fn public_pages_are_not_framed_by_default_and_unknown_ones_are_404() {
    let (server, _api) = clinic(json!({})).await;
    let response = browser()
        .get(server.url("/owner/consultation?embed=1"))
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::OK);
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap_or_default()
        .to_string();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    let html = response.text().await.expect("body");
    assert!(
        html.contains("class=\"public embed\""),
        "embedded pages drop the frame"
    );
    assert!(!html.contains("style=\"") && !html.contains("<script>"));
    for path in [
        "/nobody",
        "/owner/nothing",
        "/team/none",
        "/team/none/thing",
        "/booking/abc?token=x",
    ] {
        let (status, _) = get(&browser(), &server.url(path)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    server.stop().await;
}

#[tokio::test]
async fn embedded_booking_forms_work_without_cookies_and_refuse_forged_tokens() {
    let (server, _api) = clinic(json!({ "questions": [] })).await;
    // Inside another site's frame the browser sends none of our cookies.
    let cookieless = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let slot = "/owner/consultation?month=2026-03&date=2026-03-30&slot=2026-03-30T07%3A00%3A00Z&tz=Europe%2FBerlin&h=24";
    let (status, form) = get(&cookieless, &server.url(&format!("{slot}&embed=1"))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("class=\"public embed\""));
    let token = csrf_of(&form);
    assert!(token.starts_with('p'), "a signed token: {token}");
    let fields = |csrf: &str| {
        vec![
            ("csrf", csrf.to_string()),
            ("slot", "2026-03-30T07:00:00Z".to_string()),
            ("tz", "Europe/Berlin".to_string()),
            ("embed", "1".to_string()),
            ("name", "Pat".to_string()),
            ("email", "pat@example.org".to_string()),
        ]
    };
    let forged = format!("p{}.{}", i64::MAX / 2, "0".repeat(64));
    for bad in [forged.as_str(), "p1.abc", ""] {
        let response = cookieless
            .post(server.url("/owner/consultation"))
            .form(&fields(bad))
            .send()
            .await
            .expect("answers");
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{bad}");
    }
    let response = cookieless
        .post(server.url("/owner/consultation"))
        .form(&fields(&token))
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let confirmation = location(&response);
    assert!(
        confirmation.contains("embed=1"),
        "the confirmation stays embedded: {confirmation}"
    );
    // A signed token expires.
    server.clock.advance(chrono::Duration::hours(3));
    let response = cookieless
        .post(server.url("/owner/consultation"))
        .form(&fields(&token))
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    server.stop().await;
}

#[tokio::test]
async fn a_request_is_asked_for_and_its_calendar_file_comes_once_accepted() {
    let (server, _api) = clinic(json!({ "questions": [], "requiresConfirmation": true })).await;
    let client = browser();
    let slot = "/owner/consultation?month=2026-03&date=2026-03-30&slot=2026-03-30T07%3A00%3A00Z&tz=Europe%2FBerlin";
    let (status, form) = get(&client, &server.url(slot)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("Request booking") && !form.contains("Confirm booking"));
    let response = post_form(
        &client,
        &server.url("/owner/consultation"),
        &[
            ("csrf", csrf_of(&form).as_str()),
            ("slot", "2026-03-30T07:00:00Z"),
            ("tz", "Europe/Berlin"),
            ("duration", "30"),
            ("name", "Pat Patient"),
            ("email", "pat@example.org"),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let manage = location(&response);
    let (_, page) = get(&client, &server.url(&manage)).await;
    assert!(page.contains("Your request was sent"));
    assert!(
        !page.contains("Add to your calendar") && !page.contains("calendar.ics"),
        "no calendar file for a request"
    );
    let (uid, query) = manage
        .trim_start_matches("/booking/")
        .split_once('?')
        .expect("query");
    let ics = format!("/booking/{uid}/calendar.ics?{query}");
    let (status, _) = get(&client, &server.url(&ics)).await;
    assert_eq!(status, StatusCode::CONFLICT);

    // Accepted, the meeting can go into a calendar.
    let owner = owner_client(&server).await;
    let detail = format!("/dashboard/bookings/{uid}");
    let (status, _, _) = submit(&server, &owner, &detail, &format!("{detail}/confirm"), &[]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, page) = get(&client, &server.url(&manage)).await;
    assert!(page.contains("Add to your calendar") && page.contains("calendar.ics"));
    let (status, file) = get(&client, &server.url(&ics)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(file.contains("STATUS:CONFIRMED"));
    server.stop().await;
}

/// The part of `html` between the first `from` and the next `to` after it.
fn between<'a>(html: &'a str, from: &str, to: &str) -> &'a str {
    let start = html
        .find(from)
        .unwrap_or_else(|| panic!("{from} in {html}"));
    let rest = &html[start..];
    &rest[..rest.find(to).unwrap_or(rest.len())]
}

#[tokio::test]
async fn the_home_page_greets_by_the_whole_name_and_lists_todays_meetings_requests_and_first_steps()
{
    let server = TestServer::with_owner().await;
    let state = server.running.as_ref().expect("running").state.clone();
    state
        .db
        .write(|tx| -> Result<(), kairos::db::DbError> {
            tx.execute(
                "UPDATE users SET name = 'Dr. Clara Weiss', time_zone = 'Europe/Berlin' WHERE email = ?1",
                [OWNER_EMAIL],
            )?;
            Ok(())
        })
        .await
        .expect("renamed");
    let client = owner_client(&server).await;
    let (status, home) = get(&client, &server.url("/dashboard")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(home.contains("Welcome, Dr. Clara Weiss"), "the whole name");
    let steps = between(&home, "Getting started", "</ol>");
    for step in [
        "Set your hours",
        "Create an event type",
        "Connect a calendar",
        "Copy your booking link",
    ] {
        assert!(steps.contains(step), "{step}");
    }
    assert_eq!(
        steps.matches("class=\"first-step\"").count(),
        4,
        "nothing done yet: {steps}"
    );
    assert!(
        home.contains(&format!("value=\"{}/owner\"", server.base)),
        "the booking page's link, ready to copy"
    );
    assert!(home.contains("No meetings today."));

    // Hours, an event type and a request-only one; a meeting today, one later, a request.
    let api = server.api().await;
    let (status, body) = api.post("/api/v1/schedules", &berlin_mornings()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    for (title, slug, confirm) in [
        ("Consultation", "consultation", false),
        ("Intake", "intake", true),
    ] {
        let (status, body) = api
            .post("/api/v1/event-types", &json!({ "title": title, "slug": slug, "durationsMinutes": [30], "requiresConfirmation": confirm }))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    for (event_type, start, name) in [
        (1, "2026-03-27T10:00:00Z", "Tara Today"),
        (1, "2026-03-30T07:00:00Z", "Nick Next"),
        (2, "2026-03-31T07:00:00Z", "Rita Request"),
    ] {
        let (status, body) = api
            .public_post("/api/v1/bookings", &json!({ "eventTypeId": event_type, "start": start,
                "attendee": { "name": name, "email": "pat@example.org", "timeZone": "Europe/Berlin" } }))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let (_, home) = get(&client, &server.url("/dashboard")).await;
    let today = between(&home, "id=\"today-title\"", "id=\"next-title\"");
    assert!(
        today.contains("Consultation with Tara Today") && today.contains("11:00"),
        "{today}"
    );
    let next = between(&home, "id=\"next-title\"", "id=\"requests-title\"");
    assert!(
        next.contains("Nick Next") && !next.contains("Tara Today"),
        "{next}"
    );
    let requests = between(&home, "id=\"requests-title\"", "</section>");
    assert!(requests.contains("Intake with Rita Request"), "{requests}");
    assert!(
        requests.contains("/confirm\""),
        "a request is accepted from the home page"
    );
    let steps = between(&home, "Getting started", "</ol>");
    assert_eq!(
        steps.matches("class=\"first-step done\"").count(),
        3,
        "{steps}"
    );
    assert!(
        steps.contains("href=\"/dashboard/calendars\""),
        "connecting a calendar is what is left"
    );
    server.stop().await;
}

#[tokio::test]
async fn the_home_page_names_the_host_of_a_team_booking() {
    use kairos::clock::Clock as _;
    use kairos::db::teams::{self, TeamRole};
    use kairos::db::users;
    use kairos::scheduling::manage;

    let server = TestServer::with_owner().await;
    server
        .create_member("Hana Host", "hana@clinic.example", "hana-orbit-canvas-42")
        .await;
    let state = server.running.as_ref().expect("running").state.clone();
    let now = server.clock.now();
    let event_type = state
        .db
        .write(
            move |tx| -> Result<i64, Box<dyn std::error::Error + Send + Sync>> {
                let owner = users::by_email(tx, OWNER_EMAIL)?.ok_or("no owner")?;
                let hana = users::by_email(tx, "hana@clinic.example")?.ok_or("no host")?;
                let team = teams::insert(tx, "physio", "Physio", now)?;
                teams::set_member(tx, team, owner.id, TeamRole::Admin)?;
                teams::set_member(tx, team, hana.id, TeamRole::Member)?;
                let created = manage::create_event_type(
                    tx,
                    &owner,
                    serde_json::from_value(json!({
                        "title": "Team visit", "slug": "team-visit", "durationsMinutes": [30],
                        "teamId": team, "schedulingType": "collective",
                        "hosts": [{ "userId": hana.id }]
                    }))?,
                    now,
                )
                .map_err(|err| err.to_string())?;
                Ok(created.id)
            },
        )
        .await
        .expect("a team event type");
    let api = server.api().await;
    let (status, body) = api
        .public_post("/api/v1/bookings", &json!({ "eventTypeId": event_type, "start": "2026-03-27T10:00:00Z",
            "attendee": { "name": "Pat Patient", "email": "pat@example.org", "timeZone": "Europe/Berlin" } }))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let client = owner_client(&server).await;
    let (_, home) = get(&client, &server.url("/dashboard")).await;
    let today = between(&home, "id=\"today-title\"", "id=\"next-title\"");
    assert!(
        today.contains("Team visit with Pat Patient") && today.contains("Host: Hana Host"),
        "{today}"
    );
    server.stop().await;
}

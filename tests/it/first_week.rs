//! The first week with Kairos: slugs from titles in any script, forms that survive a
//! reload, and what a new practice otherwise trips over.

use reqwest::StatusCode;

use crate::api::berlin_mornings;
use crate::support::*;

#[tokio::test]
async fn event_type_and_team_slugs_are_made_from_titles_in_any_script() {
    let server = TestServer::with_owner().await;
    let api = server.api().await;
    let (status, body) = api.post("/api/v1/schedules", &berlin_mornings()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let client = signed_in_owner(&server).await;
    let csrf = csrf_from(&client, &server.url("/dashboard/event-types/new")).await;
    for (title, slug) in [
        ("Rückenschule", "ruckenschule"),
        ("Fußpflege", "fusspflege"),
        ("Запись к врачу", "zapis-k-vrachu"),
        ("Φυσικοθεραπεία", "phusikotherapeia"),
        ("初診 相談", "chu-zhen-xiang-tan"),
    ] {
        let (status, to, body) = submit_form(
            &client,
            &server.url("/dashboard/event-types"),
            &csrf,
            &[("title", title), ("slug", ""), ("durationsMinutes", "30")],
        )
        .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{title}: {body}");
        let (_, _, page) = fetch_page(&client, &server.url(&to)).await;
        assert!(page.contains(&format!("/{slug}")), "{title} → {slug}");
    }
    let (_, list) = api.get("/api/v1/event-types").await;
    let slugs: Vec<&str> = list["data"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["slug"].as_str())
        .collect();
    assert!(
        slugs.contains(&"ruckenschule") && slugs.contains(&"chu-zhen-xiang-tan"),
        "{slugs:?}"
    );

    // A team's slug behaves the same: typed, or made from its name when left empty.
    let csrf = csrf_from(&client, &server.url("/dashboard/teams")).await;
    let (status, _, _) = submit_form(
        &client,
        &server.url("/dashboard/teams"),
        &csrf,
        &[("name", "Physiotherapie Süd"), ("slug", "")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _, page) = fetch_page(&client, &server.url("/team/physiotherapie-sud")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Physiotherapie Süd"));
    let (status, _, page) = submit_form(
        &client,
        &server.url("/dashboard/teams"),
        &csrf,
        &[("name", "Physiotherapie Süd"), ("slug", "")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("URL slug is already used by another team"));
    let (status, _, page) = submit_form(
        &client,
        &server.url("/dashboard/teams"),
        &csrf,
        &[("name", "Front desk"), ("slug", "Bad Slug!")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("URL slug may only contain"));
    server.stop().await;
}

/// Follows redirects from `path` like a browser's reload would; returns the last page.
async fn reload(server: &TestServer, client: &reqwest::Client, path: &str) -> (StatusCode, String) {
    let mut path = path.to_string();
    for _ in 0..5 {
        let (status, to, _) = fetch_page(client, &server.url(&path)).await;
        if !status.is_redirection() {
            return (status, path);
        }
        path = to;
    }
    panic!("{path} redirects in circles");
}

#[tokio::test]
async fn reloading_where_a_dashboard_form_was_sent_lands_on_its_page() {
    let server = TestServer::with_owner().await;
    let client = signed_in_owner(&server).await;
    let team_csrf = csrf_from(&client, &server.url("/dashboard/teams")).await;
    let (status, team, _) = submit_form(
        &client,
        &server.url("/dashboard/teams"),
        &team_csrf,
        &[("name", "Front desk"), ("slug", "")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let team = team.split('?').next().unwrap_or_default().to_string();
    for (posted_to, page) in [
        ("/dashboard/settings/api-keys", "/dashboard/settings"),
        (
            "/dashboard/settings/api-keys/1/revoke",
            "/dashboard/settings",
        ),
        ("/dashboard/settings/profile", "/dashboard/settings"),
        ("/dashboard/settings/password", "/dashboard/settings"),
        ("/dashboard/settings/mfa/disable", "/dashboard/settings/mfa"),
        ("/dashboard/admin/users", "/dashboard/admin"),
        ("/dashboard/admin/users/2/disable", "/dashboard/admin"),
        ("/dashboard/admin/invitations", "/dashboard/admin"),
        ("/dashboard/admin/invitations/1/revoke", "/dashboard/admin"),
        ("/dashboard/admin/settings", "/dashboard/admin"),
        ("/dashboard/admin/email/test", "/dashboard/admin/email"),
        ("/dashboard/admin/sms/test", "/dashboard/admin/sms"),
        ("/dashboard/admin/jobs/1/retry", "/dashboard/admin/jobs"),
        ("/dashboard/calendars/1/sync", "/dashboard/calendars"),
        (&format!("{team}/members"), &team),
        (&format!("{team}/members/new"), &team),
        (&format!("{team}/members/2/remove"), &team),
    ] {
        let (status, landed) = reload(&server, &client, posted_to).await;
        assert_eq!(
            (status, landed.as_str()),
            (StatusCode::OK, page),
            "{posted_to}"
        );
    }
    // Not the API: a client that uses the wrong method hears so.
    let response = client
        .delete(server.url("/dashboard/settings/api-keys"))
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    server.stop().await;
}

#[tokio::test]
async fn doctor_checks_the_configured_mail_server_for_real_without_sending() {
    use crate::backup::{kairos_cli, run};
    use crate::email::{SmtpServer, configure_smtp, free_port, messages};
    use crate::webhooks::ALLOW_LOOPBACK;

    let server = TestServer::with_owner_and_config(ALLOW_LOOPBACK).await;
    let data = server.data_dir();
    std::fs::write(data.with_extension("ops.toml"), ALLOW_LOOPBACK).expect("config");
    let smtp_line = |out: &str| {
        out.lines()
            .find(|l| l.get(6..).is_some_and(|rest| rest.starts_with("smtp")))
            .unwrap_or_default()
            .to_string()
    };
    let (_, out) = run(kairos_cli(&data).arg("doctor"));
    assert!(
        smtp_line(&out).starts_with("skip") && out.contains("no mail server is set up"),
        "{out}"
    );

    let port = free_port();
    let maildir = server.dir.path().join("maildir");
    let mail = SmtpServer::start(port, &maildir);
    configure_smtp(&server, port).await;
    let (_, out) = run(kairos_cli(&data).arg("doctor"));
    let line = smtp_line(&out);
    assert!(line.starts_with("ok "), "{out}");
    assert!(
        line.contains(&format!("127.0.0.1:{port} answered (EHLO)")),
        "{line}"
    );
    assert!(!out.contains("not configured in this version"), "{out}");
    assert!(messages(&maildir).is_empty(), "doctor sends no mail");

    // The server gone: a warning (the messages wait and are retried) that says where it
    // looked and what to do.
    mail.stop();
    let (ok, out) = run(kairos_cli(&data).arg("doctor"));
    let line = smtp_line(&out);
    assert!(ok && line.starts_with("WARN"), "{out}");
    assert!(line.contains(&format!("127.0.0.1:{port}")), "{line}");
    assert!(out.contains("Admin → Email"), "{out}");
    server.stop().await;
}

#[tokio::test]
async fn text_message_steps_warn_while_no_sms_gateway_is_set_up_and_fail_in_words() {
    use crate::webhooks::hooked_clinic;
    use crate::workflows::owner_browser;

    let (server, api, id) = hooked_clinic(serde_json::json!({ "questions": [
        { "key": "mobile", "type": "phone", "label": "Mobile number", "required": true }
    ] }))
    .await;
    let client = owner_browser(&server).await;
    let (_, _, editor) = fetch_page(&client, &server.url("/dashboard/workflows/new")).await;
    assert!(
        editor.contains("No SMS gateway is set up."),
        "the editor warns"
    );

    let csrf = csrf_of(&editor);
    let event_type = format!("eventType.{id}");
    let (status, to, body) = submit_form(
        &client,
        &server.url("/dashboard/workflows"),
        &csrf,
        &[
            ("active", "on"),
            ("name", "Text confirmation"),
            ("trigger", "NEW_EVENT"),
            ("steps[0].action", "SMS_ATTENDEE"),
            ("steps[0].body", "See you at {EVENT_TIME}"),
            (&event_type, "on"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    assert!(to.ends_with("?notice=saved-without-sms-gateway"), "{to}");
    let (_, _, saved) = fetch_page(&client, &server.url(&to)).await;
    assert!(
        saved.contains("Saved, but no SMS gateway is set up"),
        "saving warns"
    );

    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &serde_json::json!({
                "eventTypeId": id,
                "start": "2026-03-31T08:00:00Z",
                "attendee": { "name": "Pat Patient", "email": "pat@example.org", "timeZone": "Europe/Berlin" },
                "answers": { "mobile": "+49 30 1234567" }
            }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    server.settle_jobs().await;
    let (_, _, jobs) = fetch_page(&client, &server.url("/dashboard/admin/jobs")).await;
    let failing = jobs
        .split("id=\"failing-title\"")
        .nth(1)
        .and_then(|rest| rest.split("id=\"dead-title\"").next())
        .unwrap_or_default();
    assert!(
        failing.contains("Workflow “Text confirmation”: text the attendee"),
        "the job is named by what it sends: {failing}"
    );
    assert!(
        failing.contains("no SMS gateway is set up, so the text message was not sent"),
        "the reason in words: {failing}"
    );
    assert!(!failing.contains("· <code>workflow"), "{failing}");
    server.stop().await;
}

#[tokio::test]
async fn a_team_page_lists_the_hosts_of_its_event_types_only() {
    let server = TestServer::with_owner().await;
    let api = server.api().await;
    let (status, body) = api.post("/api/v1/schedules", &berlin_mornings()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let client = signed_in_owner(&server).await;
    let csrf = csrf_from(&client, &server.url("/dashboard/teams")).await;
    let (status, team, _) = submit_form(
        &client,
        &server.url("/dashboard/teams"),
        &csrf,
        &[("name", "Front desk"), ("slug", "")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let team = team.split('?').next().unwrap_or_default().to_string();
    let team_id = team.rsplit('/').next().unwrap_or_default().to_string();
    let (status, _, _) = submit_form(
        &client,
        &server.url(&format!("{team}/members/new")),
        &csrf,
        &[
            ("name", "Sam Staff"),
            ("email", "sam@clinic.example"),
            ("role", "member"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, _, page) = fetch_page(&client, &server.url("/team/front-desk")).await;
    assert!(
        !page.contains("Sam Staff") && !page.contains("Olivia Owner"),
        "no event type yet: nobody to book"
    );

    // The owner hosts the team's event type; Sam is a member who takes no bookings.
    let (status, editor, body) = submit_form(
        &client,
        &server.url("/dashboard/event-types"),
        &csrf,
        &[
            ("title", "Intake call"),
            ("durationsMinutes", "15"),
            ("teamId", &team_id),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    // The round-robin form says in words who gets a booking and what a group is, and
    // the group every host gets when none is named shows as empty, not as "default".
    let (_, _, form) = fetch_page(&client, &server.url(&editor)).await;
    assert!(form.contains("Round robin: who gets a booking."), "{form}");
    assert!(form.contains("booked least recently") && form.contains("Turn group (optional)"));
    assert!(
        !form.contains("value=\"default\""),
        "no bare \"default\" group"
    );
    let (status, _, page) = fetch_page(&client, &server.url("/team/front-desk")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("Intake call") && page.contains("Olivia Owner"),
        "{page}"
    );
    assert!(
        !page.contains("Sam Staff"),
        "a member who hosts nothing is not listed"
    );

    // Each booking says which host round robin chose, and why.
    let event_type_id: i64 = editor
        .split('?')
        .next()
        .and_then(|path| path.rsplit('/').next())
        .and_then(|id| id.parse().ok())
        .expect("the editor's id");
    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &serde_json::json!({
                "eventTypeId": event_type_id,
                "start": "2026-03-31T08:00:00Z",
                "attendee": { "name": "Pat Patient", "email": "pat@example.org", "timeZone": "Europe/Berlin" }
            }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let uid = made["data"]["uid"].as_str().expect("uid");
    let (_, _, detail) =
        fetch_page(&client, &server.url(&format!("/dashboard/bookings/{uid}"))).await;
    assert!(
        detail.contains("Why Olivia Owner")
            && detail
                .contains("Round robin chose them: the only host of the group free at that time."),
        "{detail}"
    );
    let (_, _, list) = fetch_page(&client, &server.url("/dashboard/bookings")).await;
    assert!(
        list.contains(
            "Olivia Owner, chosen by round robin: the only host of the group free at that time"
        ),
        "{list}"
    );
    server.stop().await;
}

#[tokio::test]
async fn the_booker_takes_its_default_clock_and_date_order_from_the_visitors_languages() {
    let server = TestServer::with_owner().await;
    let api = server.api().await;
    let (status, body) = api.post("/api/v1/schedules", &berlin_mornings()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let event = serde_json::json!({ "title": "Consultation", "slug": "consultation", "durationsMinutes": [30] });
    let (status, body) = api.post("/api/v1/event-types", &event).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let page = "/owner/consultation?date=2026-03-31&tz=America%2FNew_York";
    let visit = |languages: &'static str| {
        let url = server.url(page);
        async move {
            let response = browser()
                .get(url)
                .header("Accept-Language", languages)
                .send()
                .await
                .expect("answers");
            assert_eq!(response.status(), StatusCode::OK);
            response.text().await.expect("page")
        }
    };
    // 09:00 in Berlin is 03:00 in New York that day.
    let american = visit("en-US,en;q=0.9").await;
    assert!(american.contains("3:00am"), "the 12-hour clock for en-US");
    assert!(
        american.contains("Tue, Mar 31"),
        "the month first for en-US"
    );
    let german = visit("de-DE,de;q=0.9,en;q=0.8").await;
    assert!(
        german.contains("03:00") && !german.contains("3:00am"),
        "24 hours for de-DE"
    );
    assert!(
        german.contains("Di, 31. Mär"),
        "the day first, in German, for de-DE"
    );
    // A link's own choice wins over the languages.
    let chosen = browser()
        .get(server.url(&format!("{page}&h=24")))
        .header("Accept-Language", "en-US")
        .send()
        .await
        .expect("answers")
        .text()
        .await
        .expect("page");
    assert!(
        chosen.contains("03:00") && !chosen.contains("3:00am"),
        "h=24 wins"
    );

    // The booking's own page, opened from the email's link, follows the languages too.
    let id = body["data"]["id"].as_i64().expect("id");
    let (status, made) = api
        .public_post(
            "/api/v1/bookings",
            &serde_json::json!({
                "eventTypeId": id,
                "start": "2026-03-31T07:00:00Z",
                "attendee": { "name": "Pat Patient", "email": "pat@example.org", "timeZone": "America/New_York" }
            }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let manage = made["data"]["manageUrl"]
        .as_str()
        .expect("manage URL")
        .to_string();
    let open = |languages: &'static str| {
        let url = manage.clone();
        async move {
            let response = browser()
                .get(url)
                .header("Accept-Language", languages)
                .send()
                .await
                .expect("answers");
            assert_eq!(response.status(), StatusCode::OK);
            response.text().await.expect("page")
        }
    };
    let american = open("en-US,en;q=0.9").await;
    assert!(american.contains("3:00am"), "the 12-hour clock for en-US");
    assert!(
        american.contains("Tuesday, March 31, 2026"),
        "the month first for en-US"
    );
    let german = open("de-DE,de;q=0.9").await;
    assert!(
        german.contains("03:00") && !german.contains("3:00am"),
        "24 hours for de-DE"
    );
    assert!(
        german.contains("Dienstag, 31. März 2026"),
        "the day first, in German, for de-DE"
    );
    server.stop().await;
}

/// Books `slot` of the clinic's consultation through the public booking form, from a
/// browser whose languages are `languages`; returns the booking's uid.
async fn book_with_languages(
    server: &TestServer,
    slot: &str,
    email: &str,
    languages: &'static str,
) -> String {
    let client = browser();
    let page = server.url(&format!(
        "/owner/consultation?slot={slot}&tz=America%2FNew_York"
    ));
    let form = client
        .get(page)
        .header("Accept-Language", languages)
        .send()
        .await
        .expect("answers")
        .text()
        .await
        .expect("page");
    let csrf = csrf_of(&form);
    let response = client
        .post(server.url("/owner/consultation"))
        .header("Accept-Language", languages)
        .form(&[
            ("csrf", csrf.as_str()),
            ("slot", slot),
            ("tz", "America/New_York"),
            ("duration", "30"),
            ("name", "Pat Patient"),
            ("email", email),
            ("q.reason", "check-up"),
        ])
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let to = location(&response);
    to.trim_start_matches("/booking/")
        .split('?')
        .next()
        .unwrap_or_default()
        .to_string()
}

fn messages_to<'a>(messages: &'a [serde_json::Value], address: &str) -> Vec<&'a serde_json::Value> {
    messages.iter().filter(|m| m["to"][1] == address).collect()
}

fn subject(message: &serde_json::Value) -> &str {
    message["subject"].as_str().unwrap_or_default()
}

#[tokio::test]
async fn emails_to_the_invitee_follow_the_clock_and_date_order_of_the_locale_they_booked_with() {
    use crate::email::{SmtpServer, configure_smtp, free_port, mailed_clinic, wait_for_messages};

    let maildir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let mail = SmtpServer::start(port, &maildir.path().join("mail"));
    let (server, api, _) = mailed_clinic(serde_json::json!({})).await;
    configure_smtp(&server, port).await;

    // 07:00 UTC is 3:00 in the morning in New York, where both invitees read times.
    let american = book_with_languages(
        &server,
        "2026-03-31T07:00:00Z",
        "amy@example.org",
        "en-US,en;q=0.9",
    )
    .await;
    let german = book_with_languages(
        &server,
        "2026-03-31T08:00:00Z",
        "dora@example.org",
        "de-DE,de;q=0.9,en;q=0.8",
    )
    .await;
    let all = wait_for_messages(&mail.maildir, 4).await;
    let to_amy = messages_to(&all, "amy@example.org");
    assert_eq!(
        subject(to_amy[0]),
        "Confirmed: Consultation, Tuesday, March 31, 3:00am–3:30am",
        "12-hour clock and the month first for en-US"
    );
    let text = to_amy[0]["text"].as_str().unwrap_or_default();
    assert!(
        text.contains("3:00am – 3:30am, Tuesday, March 31, 2026 (America/New_York)"),
        "{text}"
    );
    let to_dora = messages_to(&all, "dora@example.org");
    assert_eq!(
        subject(to_dora[0]),
        "Bestätigt: Consultation, Dienstag, 31. März, 04:00–04:30",
        "in German, on the 24-hour clock, the day first for de-DE, though New York reads 12 hours"
    );
    let html = to_dora[0]["html"].as_str().unwrap_or_default();
    assert!(
        html.contains("04:00 – 04:30, Dienstag, 31. März 2026")
            && html.contains("<html lang=\"de\" dir=\"ltr\">"),
        "{html}"
    );

    // The locale is kept with the booking, and a move keeps it for the new one.
    let (_, shown) = api.get(&format!("/api/v1/bookings/{german}")).await;
    assert_eq!(shown["data"]["attendee"]["locale"], "de-DE", "{shown}");
    let (_, shown) = api.get(&format!("/api/v1/bookings/{american}")).await;
    assert_eq!(shown["data"]["attendee"]["locale"], "en-US", "{shown}");
    let (status, moved) = api
        .post(
            &format!("/api/v1/bookings/{german}/reschedule"),
            &serde_json::json!({ "start": "2026-03-31T09:00:00Z" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{moved}");
    assert_eq!(moved["data"]["attendee"]["locale"], "de-DE", "{moved}");
    let all = wait_for_messages(&mail.maildir, 6).await;
    let to_dora = messages_to(&all, "dora@example.org");
    assert_eq!(
        subject(to_dora[1]),
        "Verschoben: Consultation, Dienstag, 31. März, 05:00–05:30"
    );
    let text = to_dora[1]["text"].as_str().unwrap_or_default();
    assert!(
        text.contains("Bisher: 04:00 – 04:30, Dienstag, 31. März 2026"),
        "{text}"
    );
    // The host reads their own clock, whatever the invitee's locale.
    for host in messages_to(&all, OWNER_EMAIL) {
        assert!(!subject(host).contains("March 31"), "{}", subject(host));
    }
    server.stop().await;
    mail.stop();
}

#[tokio::test]
async fn the_api_keeps_an_attendees_locale_and_names_the_field_of_a_malformed_one() {
    use crate::api::booking;
    use crate::email::{SmtpServer, configure_smtp, free_port, mailed_clinic, wait_for_messages};

    let maildir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let mail = SmtpServer::start(port, &maildir.path().join("mail"));
    let (server, api, id) = mailed_clinic(serde_json::json!({})).await;
    configure_smtp(&server, port).await;

    for (locale, why) in [
        (
            "en_US",
            "must be a language tag (BCP 47) such as en-US or de-DE",
        ),
        (
            "english please",
            "must be a language tag (BCP 47) such as en-US or de-DE",
        ),
        (
            "en-US-u-aaaaaaaa-bbbbbbbb-cccccc-ddd",
            "must be at most 35 characters",
        ),
        ("en-US\u{7}", "must not contain control characters"),
    ] {
        let mut request = booking(id, "2026-03-31T07:00:00Z", "pat@example.org");
        request["attendee"]["locale"] = serde_json::json!(locale);
        let (status, error) = api.public_post("/api/v1/bookings", &request).await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{locale}: {error}"
        );
        assert_eq!(
            error["error"]["details"][0],
            serde_json::json!({ "field": "attendee.locale", "message": why }),
            "{locale}: {error}"
        );
    }
    assert_eq!(server.count("bookings").await, 0, "nothing was booked");

    // A tag in any case is kept in its canonical one.
    let mut request = booking(id, "2026-03-31T07:00:00Z", "pat@example.org");
    request["attendee"]["locale"] = serde_json::json!("DE-de");
    let (status, made) = api.public_post("/api/v1/bookings", &request).await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    assert_eq!(made["data"]["attendee"]["locale"], "de-DE", "{made}");
    // Without the field, the browser's languages say it; without either, none is kept.
    let request = booking(id, "2026-03-31T08:00:00Z", "amy@example.org");
    let response = reqwest::Client::new()
        .post(server.url("/api/v1/bookings"))
        .header("Accept-Language", "en-US,en;q=0.9")
        .json(&request)
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::CREATED);
    let made: serde_json::Value = response.json().await.expect("json");
    assert_eq!(made["data"]["attendee"]["locale"], "en-US", "{made}");
    let request = booking(id, "2026-03-31T09:00:00Z", "kim@example.org");
    let (status, made) = api.public_post("/api/v1/bookings", &request).await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    assert!(made["data"]["attendee"].get("locale").is_none(), "{made}");

    let all = wait_for_messages(&mail.maildir, 6).await;
    assert_eq!(
        subject(messages_to(&all, "pat@example.org")[0]),
        "Bestätigt: Consultation, Dienstag, 31. März, 03:00–03:30"
    );
    assert_eq!(
        subject(messages_to(&all, "amy@example.org")[0]),
        "Confirmed: Consultation, Tuesday, March 31, 4:00am–4:30am"
    );
    // No locale: as before, the clock customary in the invitee's zone, the day first.
    assert_eq!(
        subject(messages_to(&all, "kim@example.org")[0]),
        "Confirmed: Consultation, Tuesday 31 March, 5:00am–5:30am"
    );
    server.stop().await;
    mail.stop();
}

#[tokio::test]
async fn the_booker_calendar_starts_the_week_on_the_visitors_first_day() {
    let (server, _, _) = crate::api::clinic(serde_json::json!({})).await;
    let first_column = |languages: Option<&'static str>| {
        let url = server.url("/owner/consultation?month=2026-04&tz=Europe%2FBerlin");
        async move {
            let mut request = browser().get(url);
            if let Some(languages) = languages {
                request = request.header("Accept-Language", languages);
            }
            let page = request
                .send()
                .await
                .expect("answers")
                .text()
                .await
                .expect("page");
            let between = |text: &str, open: &str, close: &str| {
                text.split(open)
                    .nth(1)
                    .and_then(|rest| rest.split(close).next())
                    .unwrap_or_default()
                    .to_string()
            };
            let first = between(&between(&page, "<thead>", "</thead>"), "abbr=\"", "\"");
            // April 2026 begins on a Wednesday: the blank days before it show where the
            // week starts.
            let blanks = between(&page, "<tbody>", "</tr>")
                .matches("<td></td>")
                .count();
            (first, blanks)
        }
    };
    assert_eq!(
        first_column(Some("en-US,en;q=0.9")).await,
        ("Sunday".into(), 3)
    );
    // Each browser reads the page in its own language.
    assert_eq!(first_column(Some("pt-BR")).await, ("Domingo".into(), 3));
    assert_eq!(first_column(Some("ar-EG")).await, ("السبت".into(), 4));
    assert_eq!(
        first_column(Some("de-DE,de;q=0.9")).await,
        ("Montag".into(), 2)
    );
    assert_eq!(first_column(Some("en-GB")).await, ("Monday".into(), 2));
    // Without a region the organization's choice stands (Monday by default).
    assert_eq!(first_column(Some("fr")).await, ("Lundi".into(), 2));
    assert_eq!(first_column(None).await, ("Monday".into(), 2));
    server.stop().await;
}

/// POSTs a dashboard form whose outcome is a report: it must answer 303 to a GET page
/// that shows `report` once; a reload of that page shows the page without it.
async fn report_is_shown_once(
    server: &TestServer,
    client: &reqwest::Client,
    posted_to: &str,
    form: &[(&str, &str)],
    page: &str,
    report: &str,
) {
    let (status, to, shown) = post_and_follow(server, client, posted_to, form).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{posted_to}: {shown}");
    assert!(
        to.starts_with(&format!("{page}?result=")),
        "{posted_to} → {to}"
    );
    assert!(shown.contains(report), "{posted_to}: {shown}");
    let (status, _, reloaded) = fetch_page(client, &server.url(&to)).await;
    assert_eq!(status, StatusCode::OK, "{to}");
    assert!(
        !reloaded.contains(report),
        "a reload shows it no more: {to}"
    );
    assert!(
        !reloaded.contains("is no longer shown"),
        "a report is no secret: the reload is the plain page"
    );
}

#[tokio::test]
async fn test_messages_and_pings_answer_with_a_redirect_and_show_their_outcome_once() {
    use crate::email::{SmtpServer, configure_smtp, free_port, wait_for_messages};
    use crate::webhooks::ALLOW_LOOPBACK;

    let server = TestServer::with_owner_and_config(ALLOW_LOOPBACK).await;
    let client = signed_in_owner(&server).await;
    let maildir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let mail = SmtpServer::start(port, &maildir.path().join("mail"));
    configure_smtp(&server, port).await;

    let csrf = csrf_from(&client, &server.url("/dashboard/admin/email")).await;
    report_is_shown_once(
        &server,
        &client,
        "/dashboard/admin/email/test",
        &[("csrf", &csrf), ("to", "desk@clinic.example")],
        "/dashboard/admin/email",
        "The test message was sent to desk@clinic.example.",
    )
    .await;
    assert_eq!(wait_for_messages(&mail.maildir, 1).await.len(), 1);
    mail.stop();
    report_is_shown_once(
        &server,
        &client,
        "/dashboard/admin/email/test",
        &[("csrf", &csrf), ("to", "desk@clinic.example")],
        "/dashboard/admin/email",
        "The test message was not sent",
    )
    .await;
    // A mistyped address is the form again, with the reason next to the field.
    let (status, _, page) = post_and_follow(
        &server,
        &client,
        "/dashboard/admin/email/test",
        &[("csrf", &csrf), ("to", "nobody")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("Send to must be an email address"), "{page}");

    report_is_shown_once(
        &server,
        &client,
        "/dashboard/admin/sms/test",
        &[("csrf", &csrf), ("to", "+15550100199")],
        "/dashboard/admin/sms",
        "Set up a gateway first.",
    )
    .await;

    // A webhook whose receiver is not there: the ping says so, once, on its page.
    let (status, _, _) = post_and_follow(
        &server,
        &client,
        "/dashboard/webhooks",
        &[
            ("csrf", &csrf),
            ("url", "http://127.0.0.1:9/hook"),
            ("triggers", "BOOKING_CREATED"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, hooks) = server.api().await.get("/api/v1/webhooks").await;
    let hook = hooks["data"][0]["id"].as_i64().expect("a webhook");
    report_is_shown_once(
        &server,
        &client,
        &format!("/dashboard/webhooks/{hook}/ping"),
        &[("csrf", &csrf)],
        &format!("/dashboard/webhooks/{hook}"),
        "The test ping was not delivered",
    )
    .await;
    // Reloading where the forms were sent lands on their pages, never on a 405.
    for (posted_to, page) in [
        (
            "/dashboard/admin/email/test".to_string(),
            "/dashboard/admin/email".to_string(),
        ),
        (
            "/dashboard/admin/sms/test".to_string(),
            "/dashboard/admin/sms".to_string(),
        ),
        (
            format!("/dashboard/webhooks/{hook}/ping"),
            format!("/dashboard/webhooks/{hook}"),
        ),
        (
            "/dashboard/settings/mfa/backup-codes".to_string(),
            "/dashboard/settings/mfa".to_string(),
        ),
    ] {
        assert_eq!(
            reload(&server, &client, &posted_to).await,
            (StatusCode::OK, page),
            "{posted_to}"
        );
    }
    server.stop().await;
}

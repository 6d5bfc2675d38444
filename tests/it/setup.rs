//! First-run setup: the instance cannot be claimed without the printed token.

use reqwest::StatusCode;

use crate::support::*;

fn path_of(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    after_scheme
        .find('/')
        .map_or("/".to_string(), |i| after_scheme[i..].to_string())
}

#[tokio::test]
async fn a_fresh_start_creates_its_files_and_offers_setup_only_with_the_token() {
    let server = TestServer::fresh().await;
    let data = server.data_dir();
    assert!(data.join("kairos.db").is_file(), "database created");
    assert!(data.join("kairos.key").is_file(), "key created");
    let setup_url = server.setup_url().expect("a setup URL is printed");
    assert!(setup_url.starts_with(&server.base), "{setup_url}");
    assert!(setup_url.contains("/setup?token="), "{setup_url}");

    let client = browser();
    // Every other page says setup is required and where to find the link.
    for path in ["/", "/dashboard", "/login", "/anything"] {
        let response = client.get(server.url(path)).send().await.expect("answers");
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE, "{path}");
        let body = response.text().await.expect("body");
        assert!(body.contains("Setup required"), "{path}");
        assert!(body.contains("journalctl -u kairos"), "{path}");
    }
    // No token, a wrong token: refused.
    for path in ["/setup", "/setup?token=", "/setup?token=0000"] {
        let response = client.get(server.url(path)).send().await.expect("answers");
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
    }
    let csrf = csrf_from(&client, &server.url(&path_of(&setup_url))).await;
    let forged = client
        .post(server.url("/setup/admin"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("token", "f".repeat(64).as_str()),
            ("name", "Mallory"),
            ("email", "mallory@example.org"),
            ("password", "plum-orbit-canvas-42"),
            ("password_confirm", "plum-orbit-canvas-42"),
        ])
        .send()
        .await
        .expect("answers");
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    server.stop().await;
}

#[tokio::test]
async fn the_wizard_completes_and_setup_stays_closed_after_a_restart() {
    let server = TestServer::fresh().await;
    let setup_url = server.setup_url().expect("setup URL");
    let token = setup_url.split("token=").nth(1).expect("token").to_string();
    let client = browser();

    let page = client
        .get(server.url(&path_of(&setup_url)))
        .send()
        .await
        .expect("answers");
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("body");
    assert!(html.contains("Create the owner account"));
    let csrf = csrf_of(&html);

    // Step 1 with mistakes: every bad field is named, nothing is created.
    let bad = client
        .post(server.url("/setup/admin"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("token", token.as_str()),
            ("name", ""),
            ("email", "not-an-email"),
            ("password", "password1234"),
            ("password_confirm", "different"),
        ])
        .send()
        .await
        .expect("answers");
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.expect("body");
    assert!(html.contains("Your name is required"), "{html}");
    assert!(html.contains("Email must be an email address"), "{html}");
    assert!(html.contains("commonly used passwords"), "{html}");
    assert!(html.contains("does not match the password"), "{html}");
    let short = client
        .post(server.url("/setup/admin"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("token", token.as_str()),
            ("name", "Olivia Owner"),
            ("email", OWNER_EMAIL),
            ("password", "too-short"),
            ("password_confirm", "too-short"),
        ])
        .send()
        .await
        .expect("answers");
    assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        short
            .text()
            .await
            .expect("body")
            .contains("at least 12 characters")
    );

    // Step 1 done right: signed in and on to step 2.
    let created = client
        .post(server.url("/setup/admin"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("token", token.as_str()),
            ("name", "Olivia Owner"),
            ("email", OWNER_EMAIL),
            ("password", OWNER_PASSWORD),
            ("password_confirm", OWNER_PASSWORD),
        ])
        .send()
        .await
        .expect("answers");
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&created), "/setup/instance");
    let cookie = set_cookie(&created, "kairos_session").expect("session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain http base URL: {cookie}");

    // The token is spent: a second claim from another browser fails.
    let other = browser();
    let replay = other
        .get(server.url(&path_of(&setup_url)))
        .send()
        .await
        .expect("answers");
    assert_ne!(replay.status(), StatusCode::OK);

    let step2 = client
        .get(server.url("/setup/instance"))
        .send()
        .await
        .expect("answers");
    assert_eq!(step2.status(), StatusCode::OK);
    let html = step2.text().await.expect("body");
    assert!(
        html.contains("Australia/Lord_Howe"),
        "every zone is offered"
    );
    assert!(html.contains("What kind of installation is this?"));
    for kind in ["shared", "office", "personal"] {
        assert!(html.contains(&format!("value=\"{kind}\"")), "{kind}");
    }
    let csrf = csrf_of(&html);
    let bad = client
        .post(server.url("/setup/instance"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("organization_name", "Harbor Clinic"),
            ("base_url", "ftp://nope"),
            ("default_time_zone", "Mars/Olympus"),
            ("first_day_of_week", "monday"),
            ("installation", "castle"),
        ])
        .send()
        .await
        .expect("answers");
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.expect("body");
    assert!(
        html.contains("must start with http:// or https://"),
        "{html}"
    );
    assert!(html.contains("IANA time zone"), "{html}");
    assert!(
        html.contains("Kind of installation must be shared, office or personal"),
        "{html}"
    );

    let done = client
        .post(server.url("/setup/instance"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("organization_name", "Harbor Clinic"),
            ("base_url", &server.base),
            ("default_time_zone", "Europe/Berlin"),
            ("first_day_of_week", "monday"),
            ("installation", "personal"),
        ])
        .send()
        .await
        .expect("answers");
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&done), "/setup/email");
    assert!(
        server
            .audit_log()
            .await
            .iter()
            .any(|(action, object, outcome, row)| {
                action == "settings_changed"
                    && object.as_deref() == Some("instance")
                    && outcome == "success"
                    && row.starts_with("user 1 ")
            }),
        "the wizard's settings are audited as the owner's"
    );

    // Step 3, the mail server, is optional: a wrong field is named, and it can be skipped.
    let step3 = client
        .get(server.url("/setup/email"))
        .send()
        .await
        .expect("answers");
    assert_eq!(step3.status(), StatusCode::OK);
    let html = step3.text().await.expect("body");
    assert!(
        html.contains("href=\"/dashboard?notice=setup-complete\""),
        "a skip link: {html}"
    );
    let csrf = csrf_of(&html);
    let smtp_form = |port: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("host", "smtp.clinic.example".to_string()),
            ("port", port.to_string()),
            ("security", "starttls".to_string()),
            ("username", "kairos".to_string()),
            ("password", "relay-secret-123".to_string()),
            ("from_address", "appointments@clinic.example".to_string()),
            ("from_name", "Harbor Clinic".to_string()),
        ]
    };
    let bad = client
        .post(server.url("/setup/email"))
        .form(&smtp_form("99999"))
        .send()
        .await
        .expect("answers");
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.expect("body");
    assert!(
        html.contains("Port must be a number between 1 and 65535"),
        "{html}"
    );
    assert!(
        !html.contains("relay-secret-123"),
        "the password is not echoed"
    );
    let state = server.running.as_ref().expect("running").state.clone();
    let key = state.key.clone();
    let stored = move |conn: &rusqlite::Connection| -> Result<_, kairos::db::DbError> {
        Ok(kairos::integrations::notify::smtp::load(conn, &key).expect("readable"))
    };
    let read = stored.clone();
    assert!(
        state.db.read(read).await.expect("read").is_none(),
        "skipped: nothing stored"
    );
    let dashboard = client
        .get(server.url("/dashboard?notice=setup-complete"))
        .send()
        .await
        .expect("answers");
    assert_eq!(dashboard.status(), StatusCode::OK);
    let html = dashboard.text().await.expect("body");
    assert!(
        html.contains("Welcome, Olivia Owner"),
        "greeted by the whole name"
    );
    assert!(html.contains("Harbor Clinic"));
    assert!(html.contains("Europe/Berlin"));
    assert!(html.contains("Setup is complete"));
    // A computer of one's own: signed out after 8 hours without activity, not 15 minutes,
    // and the page's warning counts down from there.
    assert!(html.contains("data-session-left=\"28800\""), "{html}");
    server.clock.advance(chrono::Duration::hours(2));
    let later = client
        .get(server.url("/dashboard"))
        .send()
        .await
        .expect("answers");
    assert_eq!(later.status(), StatusCode::OK, "still signed in");

    // Coming back to the step later saves the mail server.
    let saved = client
        .post(server.url("/setup/email"))
        .form(&smtp_form("587"))
        .send()
        .await
        .expect("answers");
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&saved), "/dashboard?notice=setup-complete");
    let smtp = state.db.read(stored).await.expect("read").expect("stored");
    assert_eq!(
        (smtp.host.as_str(), smtp.port),
        ("smtp.clinic.example", 587)
    );
    assert_eq!(smtp.password.as_deref(), Some("relay-secret-123"));
    let db = server.running.as_ref().expect("running").state.db.clone();
    let zones: (String, String) = db
        .read(|conn| -> Result<_, kairos::db::DbError> {
            Ok(conn.query_row(
                "SELECT u.time_zone, s.time_zone FROM users u JOIN schedules s ON s.user_id = u.id",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .await
        .expect("zones");
    assert_eq!(
        zones,
        ("Europe/Berlin".into(), "Europe/Berlin".into()),
        "the owner works in the chosen zone"
    );

    // Setup is gone: 404 with or without the old token, before and after a restart.
    for path in ["/setup", &path_of(&setup_url), "/setup/instance"] {
        let response = client.get(server.url(path)).send().await.expect("answers");
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
    let server = server.restart().await;
    assert_eq!(server.setup_url(), None, "no setup URL once set up");
    let client = browser();
    for path in ["/setup", &path_of(&setup_url), "/setup/instance"] {
        let response = client.get(server.url(path)).send().await.expect("answers");
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
    }
    let signed_in = sign_in(&server, &client, OWNER_EMAIL, OWNER_PASSWORD).await;
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
    let html = client
        .get(server.url("/dashboard"))
        .send()
        .await
        .expect("answers")
        .text()
        .await
        .expect("body");
    assert!(html.contains("Harbor Clinic"));
    server.stop().await;
}

#[tokio::test]
async fn a_setup_token_expires_after_thirty_minutes_and_a_restart_issues_a_new_one() {
    let server = TestServer::fresh().await;
    let first = server.setup_url().expect("setup URL");
    server.clock.advance(chrono::Duration::minutes(31));
    let client = browser();
    let expired = client
        .get(server.url(&path_of(&first)))
        .send()
        .await
        .expect("answers");
    assert_eq!(expired.status(), StatusCode::FORBIDDEN);

    let server = server.restart().await;
    let second = server.setup_url().expect("a fresh setup URL");
    assert_ne!(first, second);
    let old = client
        .get(server.url(&path_of(&first)))
        .send()
        .await
        .expect("answers");
    assert_eq!(
        old.status(),
        StatusCode::FORBIDDEN,
        "the old token died with the old process"
    );
    let fresh = client
        .get(server.url(&path_of(&second)))
        .send()
        .await
        .expect("answers");
    assert_eq!(fresh.status(), StatusCode::OK);
    server.stop().await;
}

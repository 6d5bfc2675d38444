//! Signing in and out, throttling, session expiry and CSRF protection.

use chrono::Duration;
use reqwest::StatusCode;

use crate::support::*;

async fn dashboard_status(server: &TestServer, client: &reqwest::Client) -> (StatusCode, String) {
    let response = client
        .get(server.url("/dashboard"))
        .send()
        .await
        .expect("answers");
    (response.status(), location(&response))
}

#[tokio::test]
async fn sign_in_and_out() {
    let server = TestServer::with_owner().await;
    let client = browser();
    let (status, to) = dashboard_status(&server, &client).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(to, "/login?next=/dashboard");

    for (email, password) in [
        (OWNER_EMAIL, "wrong-password-123"),
        ("nobody@clinic.example", OWNER_PASSWORD),
    ] {
        let refused = sign_in(&server, &client, email, password).await;
        assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
        let html = refused.text().await.expect("body");
        assert!(
            html.contains("The email or password is wrong."),
            "one message for both"
        );
    }

    let ok = sign_in(
        &server,
        &client,
        &OWNER_EMAIL.to_uppercase(),
        OWNER_PASSWORD,
    )
    .await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&ok), "/dashboard");
    let (status, _) = dashboard_status(&server, &client).await;
    assert_eq!(status, StatusCode::OK);

    let page = client
        .get(server.url("/dashboard"))
        .send()
        .await
        .expect("answers");
    let csrf = csrf_of(&page.text().await.expect("body"));
    let out = client
        .post(server.url("/logout"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .expect("answers");
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&out), "/login?notice=signed-out");
    let (status, _) = dashboard_status(&server, &client).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "signed out");
    server.stop().await;
}

#[tokio::test]
async fn next_is_followed_only_within_the_site() {
    let server = TestServer::with_owner().await;
    let client = browser();
    let csrf = csrf_from(&client, &server.url("/login")).await;
    let response = client
        .post(server.url("/login"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", OWNER_EMAIL),
            ("password", OWNER_PASSWORD),
            ("next", "//evil.example/phish"),
        ])
        .send()
        .await
        .expect("answers");
    assert_eq!(location(&response), "/dashboard");
    server.stop().await;
}

#[tokio::test]
async fn repeated_failures_are_throttled_per_account() {
    let server = TestServer::with_owner().await;
    let client = browser();
    for _ in 0..5 {
        let refused = sign_in(&server, &client, OWNER_EMAIL, "wrong-password-123").await;
        assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    }
    let locked = sign_in(&server, &client, OWNER_EMAIL, OWNER_PASSWORD).await;
    assert_eq!(
        locked.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits"
    );
    let retry_after: i64 = locked
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("Retry-After header");
    assert!((1..=15 * 60).contains(&retry_after), "{retry_after}");
    assert!(
        locked
            .text()
            .await
            .expect("body")
            .contains("Too many failed sign-in attempts")
    );

    server.clock.advance(Duration::minutes(16));
    let ok = sign_in(&server, &client, OWNER_EMAIL, OWNER_PASSWORD).await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    server.stop().await;
}

#[tokio::test]
async fn idle_sessions_expire_and_active_ones_live_until_their_lifetime() {
    let server = TestServer::with_owner().await;
    let client = browser();
    sign_in(&server, &client, OWNER_EMAIL, OWNER_PASSWORD).await;

    // Activity keeps the session alive past the idle timeout.
    for _ in 0..3 {
        server.clock.advance(Duration::minutes(12));
        assert_eq!(dashboard_status(&server, &client).await.0, StatusCode::OK);
    }
    // 15 minutes (the default) without a request: signed out.
    server.clock.advance(Duration::minutes(15));
    let (status, to) = dashboard_status(&server, &client).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(to.starts_with("/login"), "{to}");

    // The absolute lifetime ends even an active session.
    sign_in(&server, &client, OWNER_EMAIL, OWNER_PASSWORD).await;
    for _ in 0..(12 * 60 / 10 - 1) {
        server.clock.advance(Duration::minutes(10));
        assert_eq!(dashboard_status(&server, &client).await.0, StatusCode::OK);
    }
    server.clock.advance(Duration::minutes(10));
    assert_eq!(
        dashboard_status(&server, &client).await.0,
        StatusCode::SEE_OTHER
    );
    server.stop().await;
}

#[tokio::test]
async fn forms_without_a_valid_csrf_token_are_refused() {
    let server = TestServer::with_owner().await;
    let client = browser();
    // No token at all.
    let response = client
        .post(server.url("/login"))
        .form(&[("email", OWNER_EMAIL), ("password", OWNER_PASSWORD)])
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // A token taken from another browser.
    let other = browser();
    let foreign = csrf_from(&other, &server.url("/login")).await;
    csrf_from(&client, &server.url("/login")).await;
    let response = client
        .post(server.url("/login"))
        .form(&[
            ("csrf", foreign.as_str()),
            ("email", OWNER_EMAIL),
            ("password", OWNER_PASSWORD),
        ])
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    // Signed in, sign-out without the token does nothing.
    sign_in(&server, &client, OWNER_EMAIL, OWNER_PASSWORD).await;
    let response = client
        .post(server.url("/logout"))
        .form(&[("csrf", "0".repeat(64).as_str())])
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        dashboard_status(&server, &client).await.0,
        StatusCode::OK,
        "still signed in"
    );
    server.stop().await;
}

/// Signs in through the form as the client at `address` (behind the trusted proxy).
async fn sign_in_from(
    server: &TestServer,
    client: &reqwest::Client,
    address: &str,
    password: &str,
) -> reqwest::Response {
    let csrf = csrf_from(client, &server.url("/login")).await;
    client
        .post(server.url("/login"))
        .header("x-forwarded-for", address)
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", OWNER_EMAIL),
            ("password", password),
        ])
        .send()
        .await
        .expect("login answers")
}

async fn sign_out(server: &TestServer, client: &reqwest::Client) {
    let csrf = csrf_from(client, &server.url("/dashboard")).await;
    let out = client
        .post(server.url("/logout"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .expect("answers");
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
}

fn retry_after(response: &reqwest::Response) -> Option<i64> {
    response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
}

/// Wrong passwords for the owner from four addresses, three each, in fresh browsers:
/// the status of each attempt.
async fn guess_from_four_addresses(server: &TestServer) -> Vec<StatusCode> {
    let mut statuses = Vec::new();
    for attacker in 1..=4 {
        let address = format!("203.0.113.{attacker}");
        for _ in 0..3 {
            let response = sign_in_from(server, &browser(), &address, "wrong-password-123").await;
            statuses.push(response.status());
        }
    }
    statuses
}

#[tokio::test]
async fn failures_from_other_addresses_do_not_refuse_the_owners_right_password() {
    let server = TestServer::with_owner_and_config("trusted_proxies = [\"127.0.0.1\"]\n").await;
    let owner = browser();
    let home = "198.51.100.7";
    let first = sign_in_from(&server, &owner, home, OWNER_PASSWORD).await;
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    assert!(
        set_cookie(&first, "kairos_known")
            .is_some_and(|c| c.contains("Path=/login") && c.contains("HttpOnly")),
        "the browser is remembered"
    );
    sign_out(&server, &owner).await;

    let statuses = guess_from_four_addresses(&server).await;
    let (allowed, refused) = statuses.split_at(10);
    assert!(
        allowed.iter().all(|s| *s == StatusCode::UNAUTHORIZED),
        "{statuses:?}"
    );
    assert!(
        refused.iter().all(|s| *s == StatusCode::TOO_MANY_REQUESTS),
        "ten guesses slow every unknown browser down: {statuses:?}"
    );

    // The owner's browser signs in with the right password, from home or elsewhere.
    let ok = sign_in_from(&server, &owner, home, OWNER_PASSWORD).await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&ok), "/dashboard");
    sign_out(&server, &owner).await;
    let ok = sign_in_from(&server, &owner, "192.0.2.44", OWNER_PASSWORD).await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);

    // A browser that never signed in to the account waits, whatever its address, until
    // the guesses leave the window (or its owner uses the emailed unlock link).
    let stranger = sign_in_from(&server, &browser(), "192.0.2.45", OWNER_PASSWORD).await;
    assert_eq!(stranger.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!((1..=15 * 60).contains(&retry_after(&stranger).unwrap_or_default()));
    server.clock.advance(Duration::minutes(15));
    let later = sign_in_from(&server, &browser(), "192.0.2.45", OWNER_PASSWORD).await;
    assert_eq!(later.status(), StatusCode::SEE_OTHER);

    let refusals = server
        .audit_log()
        .await
        .into_iter()
        .filter(|(action, _, outcome, _)| action == "sign_in" && outcome == "denied")
        .count();
    assert_eq!(refusals, 3, "every throttled attempt is audited");
    server.stop().await;
}

#[tokio::test]
async fn one_clients_failures_wait_one_minute_then_longer_each_time() {
    let server = TestServer::with_owner_and_config("trusted_proxies = [\"127.0.0.1\"]\n").await;
    let client = browser();
    let address = "203.0.113.50";
    for _ in 0..5 {
        let refused = sign_in_from(&server, &client, address, "wrong-password-123").await;
        assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    }
    let mut waits = Vec::new();
    for _ in 0..4 {
        let waiting = sign_in_from(&server, &client, address, "wrong-password-123").await;
        assert_eq!(waiting.status(), StatusCode::TOO_MANY_REQUESTS);
        let wait = retry_after(&waiting).unwrap_or_default();
        waits.push(wait);
        server.clock.advance(Duration::seconds(wait));
        let refused = sign_in_from(&server, &client, address, "wrong-password-123").await;
        assert_eq!(
            refused.status(),
            StatusCode::UNAUTHORIZED,
            "tried after the wait"
        );
    }
    assert_eq!(waits, [60, 120, 240, 480]);
    let waiting = sign_in_from(&server, &client, address, OWNER_PASSWORD).await;
    assert_eq!(waiting.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        retry_after(&waiting),
        Some(15 * 60),
        "at most fifteen minutes"
    );

    // The same account from another address is not held up.
    let elsewhere = sign_in_from(&server, &browser(), "198.51.100.8", OWNER_PASSWORD).await;
    assert_eq!(elsewhere.status(), StatusCode::SEE_OTHER);

    server.clock.advance(Duration::minutes(15));
    let ok = sign_in_from(&server, &client, address, OWNER_PASSWORD).await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    server.stop().await;
}

#[tokio::test]
async fn a_throttled_account_is_emailed_a_link_that_lets_one_browser_in() {
    use crate::email::{SmtpServer, configure_smtp, free_port, wait_for_messages};

    let config = format!(
        "trusted_proxies = [\"127.0.0.1\"]\n{}",
        crate::webhooks::ALLOW_LOOPBACK
    );
    let server = TestServer::with_owner_and_config(&config).await;
    let port = free_port();
    let maildir = tempfile::tempdir().expect("tempdir");
    let smtp_server = SmtpServer::start(port, &maildir.path().join("mail"));
    configure_smtp(&server, port).await;

    guess_from_four_addresses(&server).await;
    let owner = browser();
    let refused = sign_in_from(&server, &owner, "198.51.100.9", OWNER_PASSWORD).await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    let page = refused.text().await.expect("body");
    assert!(page.contains("we emailed you a link"), "{page}");

    let messages = wait_for_messages(&smtp_server.maildir, 1).await;
    assert_eq!(messages.len(), 1);
    let message = &messages[0];
    assert_eq!(message["to"][1], OWNER_EMAIL);
    assert!(
        message["subject"]
            .as_str()
            .unwrap_or_default()
            .contains("was paused")
    );
    let text = message["text"].as_str().unwrap_or_default();
    let start = text
        .find("/login/unlock/")
        .expect("the link is in the text");
    let path: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '/' || *c == '-')
        .collect();

    // Further throttled attempts within the hour send no second email.
    sign_in_from(&server, &browser(), "198.51.100.10", OWNER_PASSWORD).await;
    let db = server.running.as_ref().expect("running").state.db.clone();
    let unlock_jobs: i64 = db
        .read(|conn| -> Result<i64, kairos::db::DbError> {
            Ok(conn.query_row(
                "SELECT count(*) FROM jobs WHERE kind = 'sign_in_unlock'",
                [],
                |r| r.get(0),
            )?)
        })
        .await
        .expect("jobs");
    assert_eq!(unlock_jobs, 1);

    // Opening the link changes nothing; confirming lets this browser in.
    let (status, _, page) = fetch_page(&owner, &server.url(&path)).await;
    assert_eq!(status, StatusCode::OK);
    let csrf = csrf_of(&page);
    let (status, to, _) = submit_form(&owner, &server.url(&path), &csrf, &[]).await;
    assert_eq!(
        (status, to.as_str()),
        (StatusCode::SEE_OTHER, "/login?notice=unlocked")
    );
    let ok = sign_in_from(&server, &owner, "198.51.100.9", OWNER_PASSWORD).await;
    assert_eq!(
        ok.status(),
        StatusCode::SEE_OTHER,
        "the unlocked browser signs in"
    );
    let other = sign_in_from(&server, &browser(), "198.51.100.9", OWNER_PASSWORD).await;
    assert_eq!(
        other.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "only that browser"
    );

    // The link works once.
    let (status, _, _) = fetch_page(&owner, &server.url(&path)).await;
    assert_eq!(status, StatusCode::GONE);

    let log = server.audit_log().await;
    let has = |action: &str, outcome: &str| {
        log.iter().any(|(a, object, o, _)| {
            a == action && o == outcome && object.as_deref() == Some("user:1")
        })
    };
    assert!(
        has("sign_in", "denied"),
        "the throttled attempt names the account"
    );
    assert!(has("sign_in_unlock_sent", "success"));
    assert!(has("sign_in_unlock_used", "success"));
    assert!(log.iter().all(|(.., row)| !row.contains(OWNER_EMAIL)));
    smtp_server.stop();
    server.stop().await;
}

#[tokio::test]
async fn administrators_choose_the_idle_sign_out_and_the_page_warns_before_it() {
    let server = TestServer::with_owner().await;
    let client = signed_in_owner(&server).await;
    let (_, _, page) = fetch_page(&client, &server.url("/dashboard/admin")).await;
    assert!(page.contains("Sign out after inactivity"));
    assert!(
        page.contains("<option value=\"15\" selected"),
        "the configured 15 minutes"
    );
    assert!(page.contains("data-session-left=\"900\""));
    assert!(
        page.contains("id=\"idle-warning\"") && page.contains("Stay signed in"),
        "the warning a minute before"
    );
    let csrf = csrf_of(&page);
    let settings = |minutes: &'static str| {
        [
            ("organization_name", "Harbor Clinic"),
            ("base_url", ""),
            ("default_time_zone", "Europe/Berlin"),
            ("first_day_of_week", "monday"),
            ("signup", "closed"),
            ("embed_origins", ""),
            ("require_mfa", "off"),
            ("audit_retention_years", "6"),
            ("session_idle_minutes", minutes),
        ]
    };
    let url = server.url("/dashboard/admin/settings");
    let (status, _, refused) = submit_form(&client, &url, &csrf, &settings("7")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.contains("must be one of 5, 15, 30, 60, 240, 480 minutes"));
    let (status, _, _) = submit_form(&client, &url, &csrf, &settings("60")).await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    // An hour now: 45 minutes without activity no longer sign out.
    server.clock.advance(Duration::minutes(45));
    assert_eq!(dashboard_status(&server, &client).await.0, StatusCode::OK);
    server.clock.advance(Duration::minutes(61));
    let (status, to) = dashboard_status(&server, &client).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(to.starts_with("/login"), "{to}");
    server.stop().await;
}

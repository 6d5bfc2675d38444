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

//! Single sign-on end to end against a real OpenID Connect provider (oidc-provider-mock,
//! from PyPI): the administrator configures it, people sign in with a verified email of an
//! existing account, and everything else is refused and audited.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use kairos::clock::{Clock as _, FixedClock};
use reqwest::StatusCode;

use crate::support::*;
use crate::webhooks::ALLOW_LOOPBACK;

const STRANGER: &str = "stranger@clinic.example";

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port()
}

/// oidc-provider-mock on loopback with three people: the owner (verified email), someone
/// without an account here, and the owner's address unverified.
struct Provider {
    child: Child,
    issuer: String,
}

impl Provider {
    fn start() -> Self {
        let program = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/.venv-test/bin/oidc-provider-mock"
        );
        assert!(
            Path::new(program).exists(),
            "the SSO tests need oidc-provider-mock in .venv-test: run tests/run.sh once"
        );
        let port = free_port();
        let users = [
            format!(r#"{{"sub":"owner","email":"{OWNER_EMAIL}","email_verified":true}}"#),
            format!(r#"{{"sub":"stranger","email":"{STRANGER}","email_verified":true}}"#),
            format!(r#"{{"sub":"unverified","email":"{OWNER_EMAIL}","email_verified":false}}"#),
        ];
        let mut command = Command::new(program);
        command.args([
            "-H",
            "127.0.0.1",
            "-p",
            &port.to_string(),
            "--require-nonce",
            "true",
        ]);
        for user in &users {
            command.args(["--user-claims", user]);
        }
        let child = command
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("oidc-provider-mock starts");
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "oidc-provider-mock did not listen"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Self {
            child,
            issuer: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The provider issues tokens by the real clock: the server's clock follows it. The
/// provider listens on loopback, which the outbound guard refuses unless the test switch
/// `outbound_allow_loopback` is on.
async fn server_with_owner(extra: &str) -> TestServer {
    let dir = tempfile::tempdir().expect("tempdir");
    create_owner(&dir.path().join("data"));
    let config = format!("{ALLOW_LOOPBACK}{extra}");
    TestServer::start_with(dir, Arc::new(FixedClock::new(Utc::now())), &config).await
}

/// Saves the single sign-on settings through the admin page as the owner.
async fn configure(server: &TestServer, fields: &[(&str, &str)]) -> reqwest::Response {
    let admin = browser();
    let signed_in = sign_in(server, &admin, OWNER_EMAIL, OWNER_PASSWORD).await;
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
    let csrf = csrf_from(&admin, &server.url("/dashboard/admin/sso")).await;
    let mut form = vec![("csrf", csrf.as_str())];
    form.extend_from_slice(fields);
    admin
        .post(server.url("/dashboard/admin/sso"))
        .form(&form)
        .send()
        .await
        .expect("settings answer")
}

async fn configured(provider: &Provider, extra: &str) -> TestServer {
    let server = server_with_owner(extra).await;
    let saved = configure(
        &server,
        &[
            ("enabled", "on"),
            ("issuer", &provider.issuer),
            ("client_id", "kairos-test"),
            ("client_secret", "correct-horse-secret"),
            ("button_label", "Sign in with Clinic ID"),
        ],
    )
    .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&saved), "/dashboard/admin/sso?notice=saved");
    server
}

/// Leaves for the provider: the authorization URL Kairos redirects the browser to.
async fn authorization_url(server: &TestServer, browser: &reqwest::Client) -> reqwest::Url {
    let response = browser
        .get(server.url("/login/sso?next=/dashboard/bookings"))
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    reqwest::Url::parse(&location(&response)).expect("a URL")
}

/// What the provider does when the person `sub` signs in there: the callback URL.
async fn provider_signs_in(url: &reqwest::Url, sub: &str) -> String {
    let response = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .post(url.clone())
        .form(&[("sub", sub)])
        .send()
        .await
        .expect("the provider answers");
    assert_eq!(
        response.status(),
        StatusCode::FOUND,
        "the provider issues a code"
    );
    location(&response)
}

fn param(url: &reqwest::Url, name: &str) -> String {
    url.query_pairs()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.to_string())
        .unwrap_or_default()
}

/// The latest `sso_sign_in` audit row: (actor_id, object, outcome).
async fn last_sso_audit(server: &TestServer) -> (Option<String>, Option<String>, String) {
    let db = server.running.as_ref().expect("running").state.db.clone();
    db.read(|conn| -> Result<_, kairos::db::DbError> {
        Ok(conn.query_row(
            "SELECT actor_id, object, outcome FROM audit_log WHERE action = 'sso_sign_in' ORDER BY id DESC LIMIT 1",
            [],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )?)
    })
    .await
    .expect("an sso_sign_in row")
}

#[tokio::test]
async fn a_verified_email_of_an_existing_account_signs_in() {
    let provider = Provider::start();
    let server = configured(&provider, "").await;

    // The secret is stored sealed, never as text.
    let db = server.running.as_ref().expect("running").state.db.clone();
    let stored: String = db
        .read(|conn| -> Result<_, kairos::db::DbError> {
            Ok(conn.query_row(
                "SELECT value FROM settings WHERE key = 'sso_client_secret'",
                [],
                |r| r.get(0),
            )?)
        })
        .await
        .expect("stored");
    assert!(!stored.is_empty() && !stored.contains("correct-horse"));
    assert!(
        !hex::decode(&stored)
            .unwrap_or_default()
            .windows(13)
            .any(|w| w == b"correct-horse")
    );

    let person = browser();
    let login = person
        .get(server.url("/login"))
        .send()
        .await
        .expect("answers");
    let html = login.text().await.expect("body");
    assert!(
        html.contains("Sign in with Clinic ID"),
        "the button is shown"
    );
    assert!(html.contains("name=\"password\""), "passwords still work");

    let url = authorization_url(&server, &person).await;
    assert!(
        url.as_str()
            .starts_with(&format!("{}/oauth2/authorize", provider.issuer))
    );
    assert_eq!(param(&url, "code_challenge_method"), "S256");
    assert_eq!(param(&url, "code_challenge").len(), 43);
    assert_eq!(param(&url, "client_id"), "kairos-test");
    assert_eq!(
        param(&url, "redirect_uri"),
        server.url("/login/sso/callback")
    );
    assert!(param(&url, "state").len() >= 32 && param(&url, "nonce").len() >= 32);

    let callback = provider_signs_in(&url, "owner").await;
    assert!(
        callback.starts_with(&server.url("/login/sso/callback?")),
        "{callback}"
    );
    let back = person.get(&callback).send().await.expect("answers");
    assert_eq!(back.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&back), "/dashboard/bookings");
    let dashboard = person
        .get(server.url("/dashboard"))
        .send()
        .await
        .expect("answers");
    assert_eq!(dashboard.status(), StatusCode::OK);
    assert!(
        dashboard
            .text()
            .await
            .expect("body")
            .contains("Welcome, Olivia")
    );
    let (actor, object, outcome) = last_sso_audit(&server).await;
    assert_eq!(
        (actor.as_deref(), object.as_deref(), outcome.as_str()),
        (Some("1"), Some("user:1"), "success")
    );

    // The same callback cannot be used twice.
    let replay = browser();
    let _ = replay.get(server.url("/login")).send().await;
    let again = replay.get(&callback).send().await.expect("answers");
    assert_eq!(again.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        last_sso_audit(&server).await.1.as_deref(),
        Some("reason:state")
    );
    server.stop().await;
}

#[tokio::test]
async fn unknown_and_unverified_emails_wrong_state_and_wrong_nonce_are_refused() {
    let provider = Provider::start();
    let server = configured(&provider, "").await;
    let sessions_before = server.count("sessions").await;

    // Someone the provider knows, without an account here.
    let person = browser();
    let url = authorization_url(&server, &person).await;
    let refused = person
        .get(provider_signs_in(&url, "stranger").await)
        .send()
        .await
        .expect("answers");
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(
        refused
            .text()
            .await
            .expect("body")
            .contains("no enabled account")
    );
    let (actor, object, outcome) = last_sso_audit(&server).await;
    assert_eq!(
        (actor, object.as_deref(), outcome.as_str()),
        (None, Some("reason:unknown_email"), "denied")
    );

    // The owner's address, but the provider has not verified it.
    let url = authorization_url(&server, &person).await;
    let refused = person
        .get(provider_signs_in(&url, "unverified").await)
        .send()
        .await
        .expect("answers");
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let (actor, object, _) = last_sso_audit(&server).await;
    assert_eq!(
        (actor.as_deref(), object.as_deref()),
        (Some("1"), Some("reason:email_not_verified"))
    );

    // A state that Kairos did not issue.
    let url = authorization_url(&server, &person).await;
    let callback = provider_signs_in(&url, "owner").await;
    let forged = callback.replace(&format!("state={}", param(&url, "state")), "state=forged");
    assert_ne!(forged, callback);
    let refused = person.get(&forged).send().await.expect("answers");
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        last_sso_audit(&server).await.1.as_deref(),
        Some("reason:state")
    );

    // A callback finished in another browser than the one that started.
    let url = authorization_url(&server, &person).await;
    let callback = provider_signs_in(&url, "owner").await;
    let other = browser();
    let _ = other.get(server.url("/login")).send().await;
    let refused = other.get(&callback).send().await.expect("answers");
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        last_sso_audit(&server).await.1.as_deref(),
        Some("reason:state")
    );

    // An ID token carrying another nonce than the one this sign-in sent.
    let mut url = authorization_url(&server, &person).await;
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .map(|(k, v)| {
            (
                k.to_string(),
                if k == "nonce" {
                    "replayed-nonce".to_string()
                } else {
                    v.to_string()
                },
            )
        })
        .collect();
    url.query_pairs_mut().clear().extend_pairs(pairs);
    let refused = person
        .get(provider_signs_in(&url, "owner").await)
        .send()
        .await
        .expect("answers");
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let (_, object, outcome) = last_sso_audit(&server).await;
    assert_eq!(
        (object.as_deref(), outcome.as_str()),
        (Some("reason:token_nonce"), "failure")
    );

    // A sign-in left unfinished for more than ten minutes.
    let url = authorization_url(&server, &person).await;
    let callback = provider_signs_in(&url, "owner").await;
    server.clock.advance(chrono::Duration::minutes(11));
    let refused = person.get(&callback).send().await.expect("answers");
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        last_sso_audit(&server).await.1.as_deref(),
        Some("reason:state")
    );

    assert_eq!(
        server.count("sessions").await,
        sessions_before,
        "no session was started"
    );
    server.stop().await;
}

#[tokio::test]
async fn sso_only_hides_and_refuses_passwords_until_the_config_overrides_it() {
    let provider = Provider::start();
    let server = configured(&provider, "").await;
    // A sign-in form loaded before "SSO only" is switched on.
    let person = browser();
    let csrf = csrf_from(&person, &server.url("/login")).await;
    let saved = configure(
        &server,
        &[
            ("enabled", "on"),
            ("issuer", &provider.issuer),
            ("client_id", "kairos-test"),
            ("button_label", "Sign in with Clinic ID"),
            ("sso_only", "on"),
        ],
    )
    .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);

    let html = person
        .get(server.url("/login"))
        .send()
        .await
        .expect("answers")
        .text()
        .await
        .expect("body");
    assert!(html.contains("Sign in with Clinic ID"));
    assert!(
        !html.contains("name=\"password\""),
        "the password form is hidden"
    );
    let sessions = server.count("sessions").await;
    let refused = person
        .post(server.url("/login"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", OWNER_EMAIL),
            ("password", OWNER_PASSWORD),
        ])
        .send()
        .await
        .expect("answers");
    assert_eq!(refused.status(), StatusCode::FORBIDDEN, "and refused");
    assert_eq!(
        server.count("sessions").await,
        sessions,
        "no session was started"
    );

    // The stored secret was kept (the field was left empty): sign-in still works.
    let url = authorization_url(&server, &person).await;
    let back = person
        .get(provider_signs_in(&url, "owner").await)
        .send()
        .await
        .expect("answers");
    assert_eq!(back.status(), StatusCode::SEE_OTHER);

    // Break-glass: the host's configuration brings the password form back.
    let mut server = server;
    let running = server.running.take().expect("running");
    running.shutdown().await.expect("stops");
    let clock = server.clock.clone();
    let server = TestServer::start_with(server.dir, clock, "allow_password_sign_in = true\n").await;
    let person = browser();
    let signed_in = sign_in(&server, &person, OWNER_EMAIL, OWNER_PASSWORD).await;
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
    server.stop().await;
}

#[tokio::test]
async fn settings_are_checked_against_the_provider_and_admins_only() {
    let provider = Provider::start();
    let server = server_with_owner("").await;
    // "SSO only" without SSO, and an issuer that is not the provider's.
    let refused = configure(&server, &[("sso_only", "on")]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text()
            .await
            .expect("body")
            .contains("needs single sign-on turned on")
    );
    let wrong_issuer = format!("{}/realms/other", provider.issuer);
    let refused = configure(
        &server,
        &[
            ("enabled", "on"),
            ("issuer", &wrong_issuer),
            ("client_id", "kairos-test"),
        ],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = configure(
        &server,
        &[
            ("enabled", "on"),
            ("issuer", "http://id.example.org"),
            ("client_id", "x"),
        ],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().await.expect("body").contains("https://"));

    // A member may not see or change it; nobody signed in is sent to sign in.
    let anonymous = browser()
        .get(server.url("/dashboard/admin/sso"))
        .send()
        .await
        .expect("answers");
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);
    let db = server.running.as_ref().expect("running").state.db.clone();
    let now = server.clock.now();
    db.write(move |tx| -> Result<(), kairos::auth::AccountError> {
        let hash = kairos::auth::password::hash("member-password-42");
        let member = kairos::db::users::Role::Member;
        kairos::auth::insert_account(
            tx,
            "Mia",
            "mia@clinic.example",
            Some(&hash),
            member,
            chrono_tz::Tz::UTC,
            now,
        )?;
        Ok(())
    })
    .await
    .expect("member created");
    let member = browser();
    let ok = sign_in(&server, &member, "mia@clinic.example", "member-password-42").await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    let denied = member
        .get(server.url("/dashboard/admin/sso"))
        .send()
        .await
        .expect("answers");
    assert_eq!(denied.status(), StatusCode::FORBIDDEN);
    let csrf = csrf_from(&member, &server.url("/dashboard")).await;
    let denied = member
        .post(server.url("/dashboard/admin/sso"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("enabled", "on"),
            ("issuer", provider.issuer.as_str()),
            ("client_id", "x"),
        ])
        .send()
        .await
        .expect("answers");
    assert_eq!(denied.status(), StatusCode::FORBIDDEN);
    assert!(
        !server
            .running
            .as_ref()
            .expect("running")
            .state
            .sso
            .settings()
            .enabled
    );
    server.stop().await;
}

/// The form's error for the issuer, as the administrator reads it.
async fn issuer_refusal(server: &TestServer, issuer: &str) -> String {
    let refused = configure(
        server,
        &[
            ("enabled", "on"),
            ("issuer", issuer),
            ("client_id", "kairos-test"),
        ],
    )
    .await;
    assert_eq!(
        refused.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "{issuer}"
    );
    refused.text().await.expect("body")
}

#[tokio::test]
async fn issuers_on_internal_addresses_are_refused_naming_the_host_and_the_reason() {
    let provider = Provider::start();
    // Without the test switch even a working provider on loopback is out of reach.
    let server = TestServer::with_owner().await;
    let port = provider.issuer.rsplit(':').next().unwrap_or_default();
    for (issuer, expected) in [
        (
            provider.issuer.clone(),
            "Issuer URL points to 127.0.0.1, a loopback address; Kairos does not send there"
                .to_string(),
        ),
        (
            format!("http://localhost:{port}"),
            "Issuer URL points to localhost (".to_string(),
        ),
        (
            "https://169.254.169.254/realms/clinic".to_string(),
            "Issuer URL points to 169.254.169.254, a cloud metadata address; Kairos does not send there".to_string(),
        ),
        (
            "https://198.18.0.7/realms/clinic".to_string(),
            "Issuer URL points to 198.18.0.7, an address reserved for benchmarking; Kairos does not send there".to_string(),
        ),
        (
            "https://[2002:a9fe:a9fe::1]/".to_string(),
            "Issuer URL points to 2002:a9fe:a9fe::1, a 6to4 address wrapping 169.254.169.254"
                .to_string(),
        ),
        (
            "https://10.0.0.5/realms/clinic".to_string(),
            "Issuer URL points to 10.0.0.5, a private network address (an administrator can allow those in the instance settings)".to_string(),
        ),
    ] {
        let page = issuer_refusal(&server, &issuer).await;
        assert!(page.contains(&expected), "{issuer}: {page}");
    }
    let state = server.running.as_ref().expect("running").state.clone();
    assert!(!state.sso.settings().enabled, "nothing was saved");

    // The administrator's allow-list opens private networks, and with them a provider on
    // this machine; never metadata.
    let mut settings = state.settings();
    settings.allow_private_targets = true;
    state.set_settings(settings);
    let page = issuer_refusal(&server, "https://169.254.169.254/").await;
    assert!(page.contains("a cloud metadata address"), "{page}");
    let saved = configure(
        &server,
        &[
            ("enabled", "on"),
            ("issuer", &provider.issuer),
            ("client_id", "kairos-test"),
        ],
    )
    .await;
    assert_eq!(
        saved.status(),
        StatusCode::SEE_OTHER,
        "a provider on this machine"
    );
    server.stop().await;
}

#[tokio::test]
async fn a_stored_issuer_the_guard_refuses_is_not_called_at_sign_in() {
    let server = TestServer::with_owner().await;
    let state = server.running.as_ref().expect("running").state.clone();
    let (key, now) = (state.key.clone(), server.clock.now());
    let stored = kairos::auth::sso::SsoSettings {
        enabled: true,
        issuer: "https://198.18.0.7/realms/clinic".into(),
        client_id: "kairos-test".into(),
        ..kairos::auth::sso::SsoSettings::default()
    };
    state
        .db
        .write(move |tx| -> Result<(), kairos::db::DbError> { Ok(stored.save(tx, &key, now)?) })
        .await
        .expect("stored");
    let server = server.restart().await;
    let response = browser()
        .get(server.url("/login/sso"))
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::BAD_GATEWAY);
    let page = response.text().await.expect("body");
    assert!(
        page.contains("cannot reach the identity provider from here"),
        "{page}"
    );
    assert!(
        !page.contains("198.18"),
        "visitors do not see internal addresses"
    );
    let (actor, object, outcome) = last_sso_audit(&server).await;
    assert_eq!(
        (actor, object.as_deref(), outcome.as_str()),
        (None, Some("reason:provider_refused"), "failure")
    );
    server.stop().await;
}

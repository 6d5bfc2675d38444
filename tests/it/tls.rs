//! Transmission security: HTTPS served by Kairos with a certificate made in the test, the
//! certificate swapped on SIGHUP, the HTTP→HTTPS redirect listener, HSTS only over TLS,
//! clear startup errors, and forwarding headers believed only from trusted proxies.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use kairos::clock::FixedClock;
use reqwest::StatusCode;
use serde_json::json;

use crate::api::{berlin_mornings, booking, consultation};
use crate::support::*;

/// A self-signed certificate for 127.0.0.1 and localhost, written as PEM files.
struct Pem {
    cert: PathBuf,
    key: PathBuf,
    der: Vec<u8>,
    pem: String,
}

fn self_signed(dir: &Path, name: &str) -> Pem {
    self_signed_until(dir, name, None)
}

/// The same, valid until midnight UTC of `until` when given.
fn self_signed_until(dir: &Path, name: &str, until: Option<chrono::NaiveDate>) -> Pem {
    let mut params =
        rcgen::CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".to_string()])
            .expect("params");
    if let Some(day) = until {
        use chrono::Datelike;
        params.not_after = rcgen::date_time_ymd(day.year(), day.month() as u8, day.day() as u8);
    }
    let key = rcgen::KeyPair::generate().expect("key");
    let cert = params.self_signed(&key).expect("certificate");
    let pem = Pem {
        cert: dir.join(format!("{name}.crt")),
        key: dir.join(format!("{name}.key")),
        der: cert.der().to_vec(),
        pem: cert.pem(),
    };
    std::fs::write(&pem.cert, &pem.pem).expect("write certificate");
    std::fs::write(&pem.key, key.serialize_pem()).expect("write key");
    pem
}

fn tls_config(pem: &Pem, extra: &str) -> String {
    format!(
        "tls_cert = {:?}\ntls_key = {:?}\n{extra}",
        pem.cert.display().to_string(),
        pem.key.display().to_string()
    )
}

/// A client that trusts exactly the given certificates and reports what the server sent.
fn trusting(pems: &[&Pem]) -> reqwest::Client {
    let certificates = pems
        .iter()
        .map(|pem| reqwest::Certificate::from_pem(pem.pem.as_bytes()).expect("certificate"));
    reqwest::Client::builder()
        .tls_certs_only(certificates)
        .tls_info(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

fn https_url(server: &TestServer, path: &str) -> String {
    let port = server.running.as_ref().expect("running").addr.port();
    format!("https://127.0.0.1:{port}{path}")
}

/// The certificate the server presented on a fresh connection.
async fn served_certificate(client: &reqwest::Client, url: &str) -> Vec<u8> {
    let response = client.get(url).send().await.expect("https answers");
    response
        .extensions()
        .get::<reqwest::tls::TlsInfo>()
        .and_then(|info| info.peer_certificate())
        .expect("the peer certificate")
        .to_vec()
}

async fn tls_server(extra: &str) -> (TestServer, Pem, tempfile::TempDir) {
    let files = tempfile::tempdir().expect("tempdir");
    let pem = self_signed(files.path(), "first");
    let server = TestServer::with_owner_and_config(&tls_config(&pem, extra)).await;
    (server, pem, files)
}

#[tokio::test]
async fn serves_https_with_hsts_and_secure_cookies() {
    let (server, pem, _files) = tls_server("").await;
    let client = trusting(&[&pem]);
    let response = client
        .get(https_url(&server, "/login"))
        .send()
        .await
        .expect("https answers");
    assert_eq!(response.status(), StatusCode::OK);
    let hsts = response
        .headers()
        .get("strict-transport-security")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let max_age: i64 = hsts
        .strip_prefix("max-age=")
        .and_then(|v| v.split(';').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_default();
    assert!(max_age >= 365 * 24 * 3600, "{hsts}");
    let csrf_cookie = set_cookie(&response, "kairos_csrf").unwrap_or_default();
    assert!(csrf_cookie.ends_with("; Secure"), "{csrf_cookie}");
    assert_eq!(
        served_certificate(&client, &https_url(&server, "/healthz")).await,
        pem.der
    );

    // A session cookie set over TLS is Secure.
    let browser = reqwest::Client::builder()
        .tls_certs_only([reqwest::Certificate::from_pem(pem.pem.as_bytes()).expect("certificate")])
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let csrf = csrf_from(&browser, &https_url(&server, "/login")).await;
    let signed_in = browser
        .post(https_url(&server, "/login"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", OWNER_EMAIL),
            ("password", OWNER_PASSWORD),
        ])
        .send()
        .await
        .expect("sign-in answers");
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
    let cookie = set_cookie(&signed_in, "kairos_session").expect("session cookie");
    assert!(cookie.contains("; Secure"), "{cookie}");

    // Plain HTTP is not spoken on the TLS port.
    let plain = reqwest::Client::new()
        .get(server.url("/healthz"))
        .send()
        .await;
    assert!(plain.is_err() || plain.is_ok_and(|r| !r.status().is_success()));
    server.stop().await;
}

#[tokio::test]
async fn plain_http_sends_no_hsts() {
    let server = TestServer::with_owner().await;
    let response = reqwest::get(server.url("/login")).await.expect("answers");
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response
            .headers()
            .get("strict-transport-security")
            .is_none()
    );
    server.stop().await;
}

#[tokio::test]
async fn sighup_swaps_the_certificate_and_a_bad_file_keeps_the_old_one() {
    let (server, first, files) = tls_server("").await;
    let url = https_url(&server, "/healthz");
    let second = self_signed(files.path(), "second");
    assert_ne!(first.der, second.der);
    assert_eq!(
        served_certificate(&trusting(&[&first]), &url).await,
        first.der
    );

    // The renewed certificate is written over the configured files, then SIGHUP.
    std::fs::copy(&second.cert, &first.cert).expect("replace certificate");
    std::fs::copy(&second.key, &first.key).expect("replace key");
    let both = [&first, &second];
    let hangup = || {
        rustix::process::kill_process(rustix::process::getpid(), rustix::process::Signal::HUP)
            .expect("SIGHUP sent")
    };
    hangup();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        // A fresh client: a new connection and a new handshake.
        if served_certificate(&trusting(&both), &url).await == second.der {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the new certificate was not served"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // A broken file on the next reload keeps the certificate being served.
    std::fs::write(&first.cert, "-----BEGIN CERTIFICATE-----\nbroken\n").expect("break");
    hangup();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(served_certificate(&trusting(&both), &url).await, second.der);
    let response = trusting(&both)
        .get(&url)
        .send()
        .await
        .expect("still serving");
    assert_eq!(response.status(), StatusCode::OK);
    server.stop().await;
}

#[tokio::test]
async fn the_redirect_listener_sends_plain_http_to_https() {
    let (server, pem, _files) = tls_server("tls_redirect_listen = \"127.0.0.1:0\"\n").await;
    let running = server.running.as_ref().expect("running");
    let redirect = running.redirect_addr.expect("a redirect listener");
    let response = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .get(format!(
            "http://127.0.0.1:{}/dashboard/bookings?page=2",
            redirect.port()
        ))
        .send()
        .await
        .expect("redirect listener answers");
    assert_eq!(response.status(), StatusCode::PERMANENT_REDIRECT);
    let target = location(&response);
    assert_eq!(target, https_url(&server, "/dashboard/bookings?page=2"));
    assert!(
        response
            .headers()
            .get("strict-transport-security")
            .is_none()
    );
    // Following it lands on the HTTPS server.
    let landed = trusting(&[&pem])
        .get(&target)
        .send()
        .await
        .expect("https answers");
    assert_eq!(landed.status(), StatusCode::SEE_OTHER, "sign-in required");
    server.stop().await;
}

#[tokio::test]
async fn startup_names_the_missing_or_mismatched_file() {
    let files = tempfile::tempdir().expect("tempdir");
    let a = self_signed(files.path(), "a");
    let b = self_signed(files.path(), "b");
    let start = |extra: String| async move {
        let dir = tempfile::tempdir().expect("tempdir");
        let config = config_with(&dir.path().join("data"), &extra);
        let clock = Arc::new(FixedClock::new(t0()));
        kairos::app::start(config, clock)
            .await
            .err()
            .map(|err| err.to_string())
    };
    let mismatched = start(format!(
        "tls_cert = {:?}\ntls_key = {:?}\n",
        a.cert.display().to_string(),
        b.key.display().to_string()
    ))
    .await
    .expect("refused");
    assert!(
        mismatched.contains("does not belong") && mismatched.contains("b.key"),
        "{mismatched}"
    );
    let missing = start(format!(
        "tls_cert = {:?}\ntls_key = {:?}\n",
        files.path().join("absent.crt").display().to_string(),
        a.key.display().to_string()
    ))
    .await
    .expect("refused");
    assert!(missing.contains("absent.crt"), "{missing}");

    // A certificate without its key is a configuration error naming the missing key.
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("kairos.toml");
    std::fs::write(
        &file,
        format!("tls_cert = {:?}\n", a.cert.display().to_string()),
    )
    .expect("write config");
    let flags = kairos::config::Flags {
        config_file: Some(file),
        data_dir: Some(dir.path().join("data")),
        ..kairos::config::Flags::default()
    };
    let err = kairos::config::Config::load_from(&flags, |_| None).expect_err("refused");
    assert!(err.to_string().contains("tls_key"), "{err}");
}

/// The audit log's (action, object, outcome, ip) rows, oldest first.
async fn audit_ips(server: &TestServer) -> Vec<(String, Option<String>, String, Option<String>)> {
    let db = server.running.as_ref().expect("running").state.db.clone();
    db.read(|conn| -> Result<_, kairos::db::DbError> {
        let mut statement =
            conn.prepare("SELECT action, object, outcome, ip FROM audit_log ORDER BY id")?;
        let rows = statement
            .query_map([], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    })
    .await
    .expect("audit rows")
}

async fn failed_sign_in_through_proxy(server: &TestServer) -> Option<String> {
    let client = browser();
    let csrf = csrf_from(&client, &server.url("/login")).await;
    let response = client
        .post(server.url("/login"))
        .header("x-forwarded-for", "198.51.100.4, 203.0.113.9")
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", OWNER_EMAIL),
            ("password", "wrong-password-1"),
        ])
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    audit_ips(server)
        .await
        .into_iter()
        .rev()
        .find(|(action, _, outcome, _)| action == "sign_in" && outcome == "failure")
        .and_then(|(_, _, _, ip)| ip)
}

#[tokio::test]
async fn forwarded_headers_count_only_from_trusted_proxies() {
    // Untrusted peer: the header is the client's own claim and is ignored.
    let direct = TestServer::with_owner().await;
    assert_eq!(
        failed_sign_in_through_proxy(&direct).await.as_deref(),
        Some("127.0.0.1")
    );
    direct.stop().await;

    // The test client is the proxy: the right-most address it forwards is the client.
    let proxied =
        TestServer::with_owner_and_config("trusted_proxies = [\"127.0.0.1\", \"10.0.0.0/8\"]\n")
            .await;
    assert_eq!(
        failed_sign_in_through_proxy(&proxied).await.as_deref(),
        Some("203.0.113.9")
    );

    // The proxy's X-Forwarded-Proto decides whether cookies are Secure.
    for (proto, secure) in [("https", true), ("http", false)] {
        let client = browser();
        let csrf = csrf_from(&client, &proxied.url("/login")).await;
        let response = client
            .post(proxied.url("/login"))
            .header("x-forwarded-proto", proto)
            .form(&[
                ("csrf", csrf.as_str()),
                ("email", OWNER_EMAIL),
                ("password", OWNER_PASSWORD),
            ])
            .send()
            .await
            .expect("answers");
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let cookie = set_cookie(&response, "kairos_session").expect("session cookie");
        assert_eq!(cookie.contains("; Secure"), secure, "{proto}: {cookie}");
    }
    proxied.stop().await;
}

#[tokio::test]
async fn the_booking_rate_limit_counts_the_forwarded_client() {
    // Two clients behind one trusted proxy have separate booking allowances; the same
    // header from an untrusted peer would put everyone in one bucket (the peer's).
    let server = TestServer::with_owner_and_config(
        "trusted_proxies = [\"127.0.0.1\"]\nbooking_rate_limit_per_hour = 1\n",
    )
    .await;
    let api = server.api().await;
    let (status, _) = api.post("/api/v1/schedules", &berlin_mornings()).await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, body) = api
        .post("/api/v1/event-types", &consultation(json!({})))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["data"]["id"].as_i64().expect("id");
    let book = |ip: &'static str, start: &'static str| {
        let request = reqwest::Client::new()
            .post(server.url("/api/v1/bookings"))
            .header("x-forwarded-for", ip)
            .json(&booking(id, start, "pat@example.org"));
        async move { request.send().await.expect("answers").status() }
    };
    let start = ["2026-03-30T07:00:00Z", "2026-03-30T07:30:00Z"];
    assert_eq!(book("203.0.113.1", start[0]).await, StatusCode::CREATED);
    assert_eq!(
        book("203.0.113.1", start[1]).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(book("203.0.113.2", start[1]).await, StatusCode::CREATED);
    server.stop().await;
}

#[test]
fn doctor_warns_two_weeks_before_the_certificate_expires() {
    let files = tempfile::tempdir().expect("tempdir");
    let today = chrono::Utc::now();
    let check = |days: i64| {
        let name = format!("in-{days}-days");
        let pem = self_signed_until(
            files.path(),
            &name,
            Some((today + chrono::Duration::days(days)).date_naive()),
        );
        let config = config_with(&files.path().join(&name), &tls_config(&pem, ""));
        kairos::doctor::run(&config, today)
            .into_iter()
            .find(|finding| finding.check == "tls")
            .expect("a tls finding")
    };
    let soon = check(7);
    assert_eq!(soon.level, kairos::doctor::Level::Warn, "{soon:?}");
    assert!(soon.message.contains("expires on"), "{soon:?}");
    assert!(
        soon.fix
            .as_deref()
            .unwrap_or_default()
            .contains("systemctl reload kairos")
    );
    let later = check(90);
    assert_eq!(later.level, kairos::doctor::Level::Ok, "{later:?}");
}

//! Two-step verification: enrolling an authenticator, the second sign-in step with codes
//! the test computes from the enrolled secret, backup codes, the "require MFA" policy,
//! `kairos admin reset-mfa`, and automatic logoff.

use chrono::Duration;
use kairos::auth::totp;
use kairos::clock::Clock as _;
use reqwest::StatusCode;

use crate::cli::kairos;
use crate::support::*;

/// Decodes RFC 4648 base32 (no padding), as an authenticator app reads the typed key.
fn base32_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let (mut buffer, mut bits, mut out) = (0u32, 0u32, Vec::new());
    for c in text.chars() {
        let value = ALPHABET.find(c).expect("a base32 character") as u32;
        buffer = (buffer << 5) | value;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push(((buffer >> bits) & 0xff) as u8);
        }
    }
    out
}

/// The value of the input with `id` in a page.
fn input_value(html: &str, id: &str) -> String {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("the page has #{id}"));
    let rest = &html[start..];
    let value = rest.find("value=\"").expect("the input has a value") + 7;
    rest[value..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_string()
}

/// The backup codes a page shows.
fn backup_codes(html: &str) -> Vec<String> {
    let list = html
        .split("id=\"backup-codes\"")
        .nth(1)
        .expect("the page lists backup codes");
    let list = list.split("</ul>").next().unwrap_or_default();
    list.split("<code>")
        .skip(1)
        .filter_map(|part| part.split("</code>").next())
        .map(str::to_string)
        .collect()
}

fn code_now(server: &TestServer, secret: &[u8]) -> String {
    totp::code_at(secret, server.clock.now().timestamp())
}

/// Enrolls the signed-in user: reads the key from the page, confirms with the current
/// code and returns the secret and the backup codes.
async fn enroll(server: &TestServer, client: &reqwest::Client) -> (Vec<u8>, Vec<String>) {
    let (status, _, page) = fetch_page(client, &server.url("/dashboard/settings/mfa")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<svg"), "the QR code is drawn inline");
    let svg = page.split("<svg").nth(1).unwrap_or_default();
    let svg = svg.split("</svg>").next().unwrap_or_default();
    assert!(
        !svg.contains("style"),
        "the QR code needs no inline style under the CSP"
    );
    let secret = base32_decode(&input_value(&page, "mfa-secret"));
    assert_eq!(secret.len(), 20);
    let csrf = csrf_of(&page);

    let wrong = format!(
        "{:06}",
        (code_now(server, &secret).parse::<u32>().unwrap_or(0) + 1) % 1_000_000
    );
    let (status, _, refused) = submit_form(
        client,
        &server.url("/dashboard/settings/mfa"),
        &csrf,
        &[("code", &wrong)],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.contains("Code from the app is not the current code"),
        "the error is next to the field"
    );

    let code = code_now(server, &secret);
    let (status, to, page) = post_and_follow(
        server,
        client,
        "/dashboard/settings/mfa",
        &[("csrf", &csrf), ("code", &code)],
    )
    .await;
    // Post/redirect/get: the codes are on the page once, never in its address.
    assert_eq!(status, StatusCode::SEE_OTHER, "{page}");
    assert!(to.starts_with("/dashboard/settings/mfa?shown="), "{to}");
    let codes = backup_codes(&page);
    assert_eq!(codes.len(), 10);
    (secret, codes)
}

/// Signs in with the password; returns the redirect target.
async fn password_step(server: &TestServer, client: &reqwest::Client) -> String {
    let response = sign_in(server, client, OWNER_EMAIL, OWNER_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    location(&response)
}

/// Submits a code to the second step.
async fn code_step(
    server: &TestServer,
    client: &reqwest::Client,
    code: &str,
) -> (StatusCode, String, String) {
    let (status, _, page) = fetch_page(client, &server.url("/login/mfa?next=/dashboard")).await;
    assert_eq!(status, StatusCode::OK, "the second step is waiting");
    let csrf = csrf_of(&page);
    submit_form(
        client,
        &server.url("/login/mfa"),
        &csrf,
        &[("code", code), ("next", "/dashboard")],
    )
    .await
}

async fn audit_actions(server: &TestServer) -> Vec<(String, Option<String>, String, String)> {
    let db = server.running.as_ref().expect("running").state.db.clone();
    db.read(|conn| -> Result<_, kairos::db::DbError> {
        let mut stmt = conn
            .prepare("SELECT actor_kind, actor_id, action, outcome FROM audit_log ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    })
    .await
    .expect("audit rows")
}

fn logged(rows: &[(String, Option<String>, String, String)], action: &str, outcome: &str) -> usize {
    rows.iter()
        .filter(|r| r.2 == action && r.3 == outcome)
        .count()
}

#[tokio::test]
async fn sign_in_asks_for_a_current_code_and_refuses_wrong_and_replayed_ones() {
    let server = TestServer::with_owner().await;
    let client = signed_in_owner(&server).await;
    let (secret, _) = enroll(&server, &client).await;
    let enrollment_code = code_now(&server, &secret);

    let fresh = browser();
    let to = password_step(&server, &fresh).await;
    assert_eq!(to, "/login/mfa?next=/dashboard");
    let (status, to, _) = fetch_page(&fresh, &server.url("/dashboard")).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(
        to.starts_with("/login"),
        "the password alone opens nothing: {to}"
    );

    let (status, _, page) = code_step(&server, &fresh, "123").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(page.contains("Code is not the current code from your app"));
    // The code that confirmed the enrollment was used in this window: not again.
    let (status, _, _) = code_step(&server, &fresh, &enrollment_code).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "a used code is refused");

    server.clock.advance(Duration::seconds(30));
    let code = code_now(&server, &secret);
    let (status, to, _) = code_step(&server, &fresh, &code).await;
    assert_eq!((status, to.as_str()), (StatusCode::SEE_OTHER, "/dashboard"));
    let (status, _, _) = fetch_page(&fresh, &server.url("/dashboard")).await;
    assert_eq!(status, StatusCode::OK);

    // The same code once more, from another browser with the right password: refused.
    let other = browser();
    password_step(&server, &other).await;
    let (status, _, _) = code_step(&server, &other, &code).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "a code is used once");

    // The half-session expires after five minutes.
    server.clock.advance(Duration::minutes(6));
    let (status, to, _) = fetch_page(&other, &server.url("/login/mfa")).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(to, "/login?notice=second-factor-expired");

    let rows = audit_actions(&server).await;
    assert_eq!(logged(&rows, "mfa_enrollment", "failure"), 1);
    assert_eq!(logged(&rows, "mfa_enabled", "success"), 1);
    assert_eq!(logged(&rows, "mfa_sign_in", "failure"), 3);
    assert_eq!(logged(&rows, "sign_in_password", "success"), 2);
}

#[tokio::test]
async fn wrong_codes_are_throttled_like_passwords() {
    let server = TestServer::with_owner().await;
    let client = signed_in_owner(&server).await;
    enroll(&server, &client).await;
    let fresh = browser();
    password_step(&server, &fresh).await;
    let mut statuses = Vec::new();
    for _ in 0..12 {
        statuses.push(code_step(&server, &fresh, "000000").await.0);
    }
    assert!(
        statuses.contains(&StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
    let rows = audit_actions(&server).await;
    assert!(logged(&rows, "mfa_sign_in", "denied") >= 1);
}

#[tokio::test]
async fn a_backup_code_signs_in_once() {
    let server = TestServer::with_owner().await;
    let client = signed_in_owner(&server).await;
    let (_, codes) = enroll(&server, &client).await;

    let first = browser();
    password_step(&server, &first).await;
    let (status, to, _) = code_step(&server, &first, &codes[3].to_uppercase()).await;
    assert_eq!((status, to.as_str()), (StatusCode::SEE_OTHER, "/dashboard"));

    let second = browser();
    password_step(&server, &second).await;
    let (status, _, _) = code_step(&server, &second, &codes[3]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "a backup code works once");
    let (status, _, _) = code_step(&server, &second, &codes[4]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    let (_, _, page) = fetch_page(&client, &server.url("/dashboard/settings/mfa")).await;
    assert!(
        page.contains("Backup codes left: <strong>8</strong>"),
        "{page}"
    );
    let rows = audit_actions(&server).await;
    assert_eq!(logged(&rows, "mfa_backup_code_used", "success"), 2);
    let stored = server.count("mfa_backup_codes").await;
    assert_eq!(stored, 10);
    let db = server.running.as_ref().expect("running").state.db.clone();
    let plain = codes[0].clone();
    let found: i64 = db
        .read(move |conn| -> Result<i64, kairos::db::DbError> {
            Ok(conn.query_row(
                "SELECT count(*) FROM mfa_backup_codes WHERE instr(code_hash, ?1) > 0",
                [plain.as_bytes()],
                |r| r.get(0),
            )?)
        })
        .await
        .expect("query");
    assert_eq!(found, 0, "backup codes are stored hashed");
}

#[tokio::test]
async fn backup_codes_are_shown_once_and_new_ones_replace_them() {
    let server = TestServer::with_owner().await;
    let client = signed_in_owner(&server).await;
    let (secret, codes) = enroll(&server, &client).await;
    // A reload of the page the codes were shown on shows them no more (and is no 405).
    let (status, _, page) = fetch_page(&client, &server.url("/dashboard/settings/mfa")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!page.contains(&codes[0]), "shown only once");
    let csrf = csrf_of(&page);

    let url = "/dashboard/settings/mfa/backup-codes";
    let (status, _, refused) = post_and_follow(
        &server,
        &client,
        url,
        &[("csrf", &csrf), ("renew_code", "000000")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.contains("id=\"f-renew_code-error\""),
        "the error is next to this form's field: {refused}"
    );
    server.clock.advance(Duration::seconds(30));
    let code = code_now(&server, &secret);
    let (status, to, page) = post_and_follow(
        &server,
        &client,
        url,
        &[("csrf", &csrf), ("renew_code", &code)],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "post/redirect/get");
    assert!(to.starts_with("/dashboard/settings/mfa?shown="), "{to}");
    assert!(!to.contains(&codes[0]), "no code in the address");
    let fresh = backup_codes(&page);
    assert_eq!(fresh.len(), 10);
    assert!(fresh.iter().all(|code| !codes.contains(code)), "all new");
    let (status, _, reloaded) = fetch_page(&client, &server.url(&to)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!reloaded.contains(&fresh[0]), "shown only once");
    assert!(reloaded.contains("is no longer shown"), "a reload says why");

    // The old codes stopped working; the new ones sign in.
    let other = browser();
    password_step(&server, &other).await;
    let (status, _, _) = code_step(&server, &other, &codes[0]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "an earlier code is void");
    let (status, to, _) = code_step(&server, &other, &fresh[0]).await;
    assert_eq!((status, to.as_str()), (StatusCode::SEE_OTHER, "/dashboard"));
    let rows = audit_actions(&server).await;
    assert_eq!(logged(&rows, "mfa_backup_codes_replaced", "failure"), 1);
    assert_eq!(logged(&rows, "mfa_backup_codes_replaced", "success"), 1);
}

#[tokio::test]
async fn turning_it_off_needs_a_current_code() {
    let server = TestServer::with_owner().await;
    let client = signed_in_owner(&server).await;
    let (secret, _) = enroll(&server, &client).await;
    let (_, _, page) = fetch_page(&client, &server.url("/dashboard/settings/mfa")).await;
    let csrf = csrf_of(&page);
    let url = server.url("/dashboard/settings/mfa/disable");
    let (status, _, _) = submit_form(&client, &url, &csrf, &[("code", "000000")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    server.clock.advance(Duration::seconds(30));
    let (status, to, _) = submit_form(
        &client,
        &url,
        &csrf,
        &[("code", &code_now(&server, &secret))],
    )
    .await;
    assert_eq!(
        (status, to.as_str()),
        (StatusCode::SEE_OTHER, "/dashboard/settings?notice=mfa-off")
    );
    assert_eq!(server.count("mfa_totp").await, 0);
    assert_eq!(server.count("mfa_backup_codes").await, 0);
    let fresh = browser();
    assert_eq!(
        password_step(&server, &fresh).await,
        "/dashboard",
        "no second step any more"
    );
    let rows = audit_actions(&server).await;
    assert_eq!(logged(&rows, "mfa_disabled", "failure"), 1);
    assert_eq!(logged(&rows, "mfa_disabled", "success"), 1);
}

#[tokio::test]
async fn required_mfa_sends_to_enrollment_and_blocks_every_other_page() {
    let server = TestServer::with_owner().await;
    let client = signed_in_owner(&server).await;
    let (_, _, page) = fetch_page(&client, &server.url("/dashboard/admin")).await;
    assert!(page.contains("Require two-step verification"));
    let csrf = csrf_of(&page);
    let (status, _, _) = submit_form(
        &client,
        &server.url("/dashboard/admin/settings"),
        &csrf,
        &[
            ("organization_name", "Harbor Clinic"),
            ("base_url", ""),
            ("default_time_zone", "Europe/Berlin"),
            ("first_day_of_week", "monday"),
            ("signup", "closed"),
            ("embed_origins", ""),
            ("require_mfa", "administrators"),
            ("audit_retention_years", "6"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    let fresh = browser();
    assert_eq!(password_step(&server, &fresh).await, "/dashboard");
    for path in [
        "/dashboard",
        "/dashboard/bookings",
        "/dashboard/settings",
        "/dashboard/admin",
        "/owner",
    ] {
        let (status, to, _) = fetch_page(&fresh, &server.url(path)).await;
        assert_eq!(
            (status, to.as_str()),
            (StatusCode::SEE_OTHER, "/dashboard/settings/mfa"),
            "{path}"
        );
    }
    let (status, _, page) = fetch_page(&fresh, &server.url("/dashboard/settings/mfa")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Your organization requires two-step verification"));
    enroll(&server, &fresh).await;
    let (status, _, _) = fetch_page(&fresh, &server.url("/dashboard/bookings")).await;
    assert_eq!(status, StatusCode::OK, "enrolled: everything opens again");
}

#[tokio::test]
async fn reset_mfa_from_the_host_shell_removes_it_and_ends_sessions() {
    let mut server = TestServer::with_owner().await;
    let client = signed_in_owner(&server).await;
    enroll(&server, &client).await;
    if let Some(running) = server.running.take() {
        running.shutdown().await.expect("clean shutdown");
    }
    let data = server.data_dir();
    let output = tokio::task::spawn_blocking(move || {
        kairos(&data)
            .args(["admin", "reset-mfa", OWNER_EMAIL])
            .output()
            .expect("runs")
    })
    .await
    .expect("joins");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(stdout.contains("two-step verification removed"), "{stdout}");
    let data = server.data_dir();
    let unknown = tokio::task::spawn_blocking(move || {
        kairos(&data)
            .args(["admin", "reset-mfa", "nobody@clinic.example"])
            .output()
            .expect("runs")
    })
    .await
    .expect("joins");
    assert!(!unknown.status.success());

    let server = TestServer::start_in(server.dir, server.clock.clone()).await;
    let (status, to, _) = fetch_page(&client, &server.url("/dashboard")).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(to.starts_with("/login"), "the old session ended: {to}");
    let fresh = browser();
    assert_eq!(password_step(&server, &fresh).await, "/dashboard");
    let rows = audit_actions(&server).await;
    assert!(
        rows.iter()
            .any(|r| r.0 == "system" && r.1.as_deref() == Some("cli") && r.2 == "mfa_reset")
    );
}

#[tokio::test]
async fn idle_sessions_end_after_fifteen_minutes_unless_extended() {
    let server = TestServer::with_owner().await;
    let client = signed_in_owner(&server).await;
    let (_, _, page) = fetch_page(&client, &server.url("/dashboard")).await;
    assert!(
        page.contains("data-session-left=\"900\""),
        "the page knows when to warn"
    );
    assert!(page.contains("id=\"idle-warning\""));
    let csrf = csrf_of(&page);

    // Active within the window: still signed in.
    server.clock.advance(Duration::minutes(14));
    let (status, _, _) = fetch_page(&client, &server.url("/dashboard")).await;
    assert_eq!(status, StatusCode::OK);
    // Fifteen minutes without a request: signed out.
    server.clock.advance(Duration::minutes(15));
    let (status, to, _) = fetch_page(&client, &server.url("/dashboard")).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(to.starts_with("/login"), "{to}");

    // "Stay signed in" a minute before the end keeps the session alive.
    let client = signed_in_owner(&server).await;
    let (_, _, page) = fetch_page(&client, &server.url("/dashboard")).await;
    let csrf_now = csrf_of(&page);
    assert_ne!(csrf, csrf_now);
    server.clock.advance(Duration::minutes(14));
    let response = client
        .post(server.url("/session/extend"))
        .form(&[("csrf", csrf_now.as_str())])
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::OK);
    let answer: serde_json::Value = response.json().await.expect("json");
    assert_eq!(answer["sessionEndsIn"], 900);
    server.clock.advance(Duration::minutes(14));
    let (status, _, _) = fetch_page(&client, &server.url("/dashboard")).await;
    assert_eq!(status, StatusCode::OK, "extended");

    // Too late: the session is gone and the endpoint says so.
    server.clock.advance(Duration::minutes(16));
    let response = client
        .post(server.url("/session/extend"))
        .form(&[("csrf", csrf_now.as_str())])
        .send()
        .await
        .expect("answers");
    assert!(response.status().is_client_error(), "{}", response.status());
}

#[tokio::test]
async fn sign_out_everywhere_ends_every_session() {
    let server = TestServer::with_owner().await;
    let laptop = signed_in_owner(&server).await;
    let phone = signed_in_owner(&server).await;
    let (_, _, page) = fetch_page(&laptop, &server.url("/dashboard/settings")).await;
    assert!(page.contains("Sign out everywhere"));
    let (status, to, _) = submit_form(
        &laptop,
        &server.url("/dashboard/settings/sign-out-everywhere"),
        &csrf_of(&page),
        &[],
    )
    .await;
    assert_eq!(
        (status, to.as_str()),
        (StatusCode::SEE_OTHER, "/login?notice=signed-out-everywhere")
    );
    for client in [&laptop, &phone] {
        let (status, to, _) = fetch_page(client, &server.url("/dashboard")).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert!(to.starts_with("/login"), "{to}");
    }
    assert_eq!(server.count("sessions").await, 0);
    let rows = audit_actions(&server).await;
    assert_eq!(logged(&rows, "signed_out_everywhere", "success"), 1);
}

#[tokio::test]
async fn a_password_change_ends_the_other_sessions() {
    let server = TestServer::with_owner().await;
    let laptop = signed_in_owner(&server).await;
    let phone = signed_in_owner(&server).await;
    let (_, _, page) = fetch_page(&laptop, &server.url("/dashboard/settings")).await;
    let (status, _, _) = submit_form(
        &laptop,
        &server.url("/dashboard/settings/password"),
        &csrf_of(&page),
        &[
            ("current_password", OWNER_PASSWORD),
            ("new_password", "quiet-harbor-lantern-7"),
            ("new_password_confirm", "quiet-harbor-lantern-7"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _, _) = fetch_page(&laptop, &server.url("/dashboard")).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the device that changed it stays signed in"
    );
    let (status, to, _) = fetch_page(&phone, &server.url("/dashboard")).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(to.starts_with("/login"), "{to}");
}

#[tokio::test]
async fn single_sign_on_sessions_are_not_sent_to_enroll() {
    use kairos::auth::{SignInMethod, begin_session};
    let server = TestServer::with_owner().await;
    let state = server.running.as_ref().expect("running").state.clone();
    let mut settings = state.settings();
    settings.require_mfa = kairos::auth::mfa::RequireMfa::Everyone;
    state.set_settings(settings);
    let (policy, now) = (state.session_policy(), server.clock.now());
    for (method, expected) in [
        (SignInMethod::SingleSignOn, StatusCode::OK),
        (SignInMethod::Password, StatusCode::SEE_OTHER),
    ] {
        let token = state
            .db
            .write(move |tx| -> Result<String, kairos::db::DbError> {
                let user = kairos::db::users::by_email(tx, OWNER_EMAIL)?.expect("owner");
                let origin = kairos::audit::Origin::host();
                Ok(begin_session(tx, user.id, method, policy, &origin, now)?)
            })
            .await
            .expect("session");
        let response = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
            .get(server.url("/dashboard"))
            .header("cookie", format!("kairos_session={token}"))
            .send()
            .await
            .expect("answers");
        assert_eq!(response.status(), expected, "{method:?}");
    }
}

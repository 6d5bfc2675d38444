//! The SMS gateway: set up from the admin page with the Twilio-compatible preset, and a
//! test message received by a real HTTP server started by the test.

use std::sync::atomic::Ordering;

use reqwest::StatusCode;

use crate::support::*;
use crate::webhooks::{ALLOW_LOOPBACK, Receiver};

async fn admin_page(server: &TestServer, browser: &reqwest::Client) -> String {
    let page = browser
        .get(server.url("/dashboard/admin/sms"))
        .send()
        .await
        .expect("page");
    assert_eq!(page.status(), StatusCode::OK);
    page.text().await.expect("html")
}

async fn post(
    server: &TestServer,
    browser: &reqwest::Client,
    path: &str,
    form: &[(&str, &str)],
) -> (StatusCode, String) {
    let response = browser
        .post(server.url(path))
        .form(form)
        .send()
        .await
        .expect("answer");
    let status = response.status();
    (status, response.text().await.unwrap_or_default())
}

#[tokio::test]
async fn the_twilio_preset_sends_a_form_with_basic_auth_to_the_gateway() {
    let receiver = Receiver::start().await;
    receiver.status.store(201, Ordering::SeqCst);
    *receiver.answer.lock().expect("lock") = r#"{"sid":"SM123","status":"queued"}"#.into();
    let server = TestServer::with_owner_and_config(ALLOW_LOOPBACK).await;
    let browser = browser();
    sign_in(&server, &browser, OWNER_EMAIL, OWNER_PASSWORD).await;
    let html = admin_page(&server, &browser).await;
    assert!(html.contains("Not set up"), "{html}");
    let csrf = csrf_of(&html);

    let (status, html) = post(
        &server,
        &browser,
        "/dashboard/admin/sms/twilio",
        &[
            ("csrf", &csrf),
            ("account_sid", ""),
            ("auth_token", "tok"),
            ("from", "call me"),
            ("api_base", &receiver.url),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("Account SID must be the account"), "{html}");
    assert!(
        html.contains("Sender number must be a phone number"),
        "{html}"
    );

    let (status, _) = post(
        &server,
        &browser,
        "/dashboard/admin/sms/twilio",
        &[
            ("csrf", &csrf),
            ("account_sid", "AC0123456789abcdef"),
            ("auth_token", "s3cret-token"),
            ("from", "+1 555 010 0100"),
            ("api_base", &receiver.url),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let html = admin_page(&server, &browser).await;
    assert!(html.contains("Set up"), "{html}");
    assert!(
        !html.contains("s3cret-token"),
        "the token is never shown again"
    );

    let (status, _, html) = post_and_follow(
        &server,
        &browser,
        "/dashboard/admin/sms/test",
        &[("csrf", &csrf), ("to", "+49 30 1234567")],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "post/redirect/get");
    assert!(
        html.contains("The gateway took the test message: HTTP 201"),
        "{html}"
    );
    assert!(
        html.contains("SM123"),
        "the gateway's answer is shown: {html}"
    );

    let got = receiver.all();
    assert_eq!(got.len(), 1);
    assert_eq!(
        got[0].path,
        "/2010-04-01/Accounts/AC0123456789abcdef/Messages.json"
    );
    assert_eq!(
        got[0].header("content-type"),
        "application/x-www-form-urlencoded"
    );
    // Basic auth as Twilio expects it: base64("SID:token").
    assert_eq!(
        got[0].header("authorization"),
        "Basic QUMwMTIzNDU2Nzg5YWJjZGVmOnMzY3JldC10b2tlbg=="
    );
    let fields: Vec<(String, String)> = form_pairs(&String::from_utf8_lossy(&got[0].body));
    let field = |name: &str| {
        fields
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
            .unwrap_or_default()
    };
    assert_eq!(field("To"), "+49301234567");
    assert_eq!(field("From"), "+1 555 010 0100");
    assert!(
        field("Body").starts_with("Test message from Kairos"),
        "{fields:?}"
    );

    let db = server.running.as_ref().expect("running").state.db.clone();
    let actions: Vec<String> = db
        .read(|conn| -> Result<Vec<String>, kairos::db::DbError> {
            let mut stmt =
                conn.prepare("SELECT action FROM audit_log WHERE action LIKE 'sms_%' ORDER BY id")?;
            let rows = stmt
                .query_map([], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            Ok(rows)
        })
        .await
        .expect("audit");
    assert_eq!(actions, ["sms_gateway_saved", "sms_test_sent"]);
    server.stop().await;
    receiver.stop();
}

/// Form pairs decoded by the `form_urlencoded` rules, as a gateway reads them.
fn form_pairs(body: &str) -> Vec<(String, String)> {
    body.split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(key, value)| (decode(key), decode(value)))
        .collect()
}

fn decode(text: &str) -> String {
    let bytes = text.replace('+', " ").into_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = bytes.get(i + 1..i + 3)
            && let Ok(byte) = u8::from_str_radix(&String::from_utf8_lossy(hex), 16)
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[tokio::test]
async fn a_json_gateway_gets_its_template_and_errors_are_shown_with_the_answer() {
    let receiver = Receiver::start().await;
    let server = TestServer::with_owner_and_config(ALLOW_LOOPBACK).await;
    let browser = browser();
    sign_in(&server, &browser, OWNER_EMAIL, OWNER_PASSWORD).await;
    let csrf = csrf_of(&admin_page(&server, &browser).await);
    let url = format!("{}/send", receiver.url);

    let (status, html) = post(
        &server,
        &browser,
        "/dashboard/admin/sms",
        &[
            ("csrf", &csrf),
            ("url", &url),
            ("auth_header_name", "X-Api-Key"),
            ("auth_header_value", "gw-key"),
            ("body_format", "json"),
            ("body_template", r#"{"to": {to}, "text": {body}"#),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("is not valid JSON"), "{html}");

    let (status, _) = post(
        &server,
        &browser,
        "/dashboard/admin/sms",
        &[
            ("csrf", &csrf),
            ("url", &url),
            ("auth_header_name", "X-Api-Key"),
            ("auth_header_value", "gw-key"),
            ("body_format", "json"),
            (
                "body_template",
                r#"{"to": {to}, "text": {body}, "sender": "Clinic"}"#,
            ),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    receiver.status.store(400, Ordering::SeqCst);
    *receiver.answer.lock().expect("lock") = "unknown destination".into();
    let (_, _, html) = post_and_follow(
        &server,
        &browser,
        "/dashboard/admin/sms/test",
        &[("csrf", &csrf), ("to", "+15550100199")],
    )
    .await;
    assert!(
        html.contains("The test message was not sent: the receiver answered HTTP 400"),
        "{html}"
    );
    assert!(html.contains("unknown destination"), "{html}");
    let got = receiver.all();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].header("x-api-key"), "gw-key");
    assert_eq!(got[0].header("content-type"), "application/json");
    let body = got[0].json();
    assert_eq!(body["to"], "+15550100199");
    assert_eq!(body["sender"], "Clinic");

    let (status, html) = post(
        &server,
        &browser,
        "/dashboard/admin/sms/test",
        &[("csrf", &csrf), ("to", "not a number")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("Phone number must be a phone number"),
        "{html}"
    );
    server.stop().await;
    receiver.stop();
}

#[tokio::test]
async fn the_guard_applies_to_the_gateway() {
    let server = TestServer::with_owner().await;
    let browser = browser();
    sign_in(&server, &browser, OWNER_EMAIL, OWNER_PASSWORD).await;
    let csrf = csrf_of(&admin_page(&server, &browser).await);
    for (url, reason) in [
        ("http://127.0.0.1:9/send", "a loopback address"),
        ("http://169.254.169.254/send", "a cloud metadata address"),
        ("http://192.168.1.20/send", "a private network address"),
    ] {
        let (status, html) = post(
            &server,
            &browser,
            "/dashboard/admin/sms",
            &[
                ("csrf", &csrf),
                ("url", url),
                ("auth_header_name", ""),
                ("body_format", "form"),
                ("body_template", "to={to}&text={body}"),
            ],
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{url}");
        assert!(html.contains(reason), "{url}: {html}");
    }
    assert!(admin_page(&server, &browser).await.contains("Not set up"));
    server.stop().await;
}

//! What every response carries: security headers, request ids, cacheable assets, probes.

use reqwest::StatusCode;

use crate::support::*;

#[tokio::test]
async fn pages_carry_security_headers_and_a_request_id() {
    let server = TestServer::with_owner().await;
    let response = browser()
        .get(server.url("/login"))
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::OK);
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    let csp = header("content-security-policy");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert_eq!(header("referrer-policy"), "same-origin");
    assert_eq!(header("cache-control"), "no-store");
    assert_eq!(header("x-request-id").len(), 36, "a UUID request id");
    let html = response.text().await.expect("body");
    assert!(!html.contains("style=\""), "no inline style attributes");
    assert!(!html.contains("<script>"), "no inline scripts");
    server.stop().await;
}

#[tokio::test]
async fn assets_are_served_under_content_hash_names_with_long_caching() {
    let server = TestServer::with_owner().await;
    let client = browser();
    let html = client
        .get(server.url("/login"))
        .send()
        .await
        .expect("answers")
        .text()
        .await
        .expect("body");
    let start = html.find("/assets/app.").expect("stylesheet link");
    let href: String = html[start..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(
        href.ends_with(".css") && href.len() > "/assets/app.css".len(),
        "{href}"
    );
    let css = client.get(server.url(&href)).send().await.expect("answers");
    assert_eq!(css.status(), StatusCode::OK);
    assert_eq!(
        css.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("text/css")
    );
    assert_eq!(
        css.headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("public, max-age=31536000, immutable")
    );
    assert!(
        css.text()
            .await
            .expect("body")
            .contains("prefers-color-scheme: dark")
    );
    let missing = client
        .get(server.url("/assets/nope.css"))
        .send()
        .await
        .expect("answers");
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    server.stop().await;
}

#[tokio::test]
async fn health_and_readiness() {
    let server = TestServer::fresh().await;
    let client = browser();
    let health = client
        .get(server.url("/healthz"))
        .send()
        .await
        .expect("answers");
    assert_eq!(health.status(), StatusCode::OK);
    let ready = client
        .get(server.url("/readyz"))
        .send()
        .await
        .expect("answers");
    assert_eq!(ready.status(), StatusCode::OK);
    let body: serde_json::Value = ready.json().await.expect("json");
    assert_eq!(body["status"], "ready");
    assert!(body["schemaVersion"].as_i64().unwrap_or(0) >= 1);
    server.stop().await;
}

#[tokio::test]
async fn unknown_pages_are_404_with_a_page() {
    let server = TestServer::with_owner().await;
    let response = browser()
        .get(server.url("/no/such/page"))
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(
        response
            .text()
            .await
            .expect("body")
            .contains("Page not found")
    );
    server.stop().await;
}

#[tokio::test]
async fn the_api_and_probes_set_no_cookies_but_pages_do() {
    let server = TestServer::with_owner().await;
    let client = browser();
    for path in ["/api/v1/openapi.json", "/healthz", "/readyz"] {
        let response = client.get(server.url(path)).send().await.expect("answers");
        assert!(response.headers().get("set-cookie").is_none(), "{path}");
    }
    let page = client
        .get(server.url("/login"))
        .send()
        .await
        .expect("answers");
    assert!(
        page.headers().get("set-cookie").is_some(),
        "forms get their CSRF cookie"
    );
    server.stop().await;
}

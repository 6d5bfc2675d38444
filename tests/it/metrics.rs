//! `/metrics`: off by default, token-protected when on, Prometheus text that counts what
//! the server answered.

use std::sync::Arc;

use kairos::app;
use kairos::clock::FixedClock;
use kairos::config::{Config, Flags};
use reqwest::StatusCode;

use crate::support::*;

const TOKEN: &str = "scrape-token-0123456789abcdef";

async fn start(config_text: &str) -> (tempfile::TempDir, app::Running) {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    create_owner(&data);
    let file = dir.path().join("kairos.toml");
    std::fs::write(&file, format!("listen = \"127.0.0.1:0\"\n{config_text}")).expect("write");
    let flags = Flags {
        config_file: Some(file),
        data_dir: Some(data),
        ..Flags::default()
    };
    let config = Config::load_from(&flags, |_| None).expect("config");
    let running = app::start(config, Arc::new(FixedClock::new(t0())))
        .await
        .expect("server starts");
    (dir, running)
}

#[tokio::test]
async fn metrics_are_off_unless_a_token_is_configured() {
    let (_dir, running) = start("").await;
    let response = reqwest::get(format!("http://{}/metrics", running.addr))
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    running.shutdown().await.expect("clean shutdown");
}

#[tokio::test]
async fn a_scrape_needs_the_token_and_counts_requests_by_route_and_status() {
    let (_dir, running) = start(&format!("metrics_token = \"{TOKEN}\"\n")).await;
    let base = format!("http://{}", running.addr);
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");

    for (token, expected) in [
        (None, StatusCode::UNAUTHORIZED),
        (
            Some("wrong-token-0123456789abcdef"),
            StatusCode::UNAUTHORIZED,
        ),
    ] {
        let mut request = client.get(format!("{base}/metrics"));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("answers");
        assert_eq!(response.status(), expected);
        assert_eq!(
            response
                .headers()
                .get("www-authenticate")
                .and_then(|v| v.to_str().ok()),
            Some("Bearer")
        );
    }

    for _ in 0..3 {
        let ready = client
            .get(format!("{base}/readyz"))
            .send()
            .await
            .expect("answers");
        assert_eq!(ready.status(), StatusCode::OK);
    }
    let missing = client
        .get(format!("{base}/reset/secret-token-in-the-path"))
        .send()
        .await
        .expect("answers");
    assert!(missing.status().is_client_error());
    let nowhere = client
        .get(format!("{base}/no/such/page"))
        .send()
        .await
        .expect("answers");
    assert_eq!(nowhere.status(), StatusCode::NOT_FOUND);

    let response = client
        .get(format!("{base}/metrics"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("text/plain; version=0.0.4; charset=utf-8")
    );
    let text = response.text().await.expect("body");

    assert!(
        text.contains(
            "kairos_http_requests_total{route=\"/readyz\",method=\"GET\",status=\"200\"} 3\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "kairos_http_requests_total{route=\"/metrics\",method=\"GET\",status=\"401\"} 2\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "kairos_http_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"} 1\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("route=\"/reset/{token}\""),
        "routes are templates: {text}"
    );
    assert!(
        !text.contains("secret-token-in-the-path") && !text.contains(TOKEN),
        "no path values or secrets in metrics: {text}"
    );
    assert!(
        text.contains("kairos_http_request_duration_seconds_count{route=\"/readyz\"} 3\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "kairos_http_request_duration_seconds_bucket{route=\"/readyz\",le=\"+Inf\"} 3\n"
        ),
        "{text}"
    );
    let database_bytes: u64 = text
        .lines()
        .find_map(|l| l.strip_prefix("kairos_database_size_bytes "))
        .and_then(|v| v.parse().ok())
        .expect("database size");
    assert!(database_bytes >= 4096, "{database_bytes}");
    assert!(
        text.contains("kairos_bookings{status=\"ACCEPTED\"} 0\n"),
        "{text}"
    );
    assert!(text.contains("kairos_bookings_created_total 0\n"), "{text}");

    // Every sample line is `name{labels} value` with a numeric value, and every metric
    // has HELP and TYPE lines, as Prometheus's text format requires.
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let (series, value) = line.rsplit_once(' ').expect("a value");
        assert!(value.parse::<f64>().is_ok(), "{line}");
        let name = series.split('{').next().unwrap_or_default();
        assert!(
            name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
            "{line}"
        );
        let family = name
            .trim_end_matches("_bucket")
            .trim_end_matches("_sum")
            .trim_end_matches("_count");
        assert!(text.contains(&format!("# TYPE {family} ")), "{line}");
        assert!(text.contains(&format!("# HELP {family} ")), "{line}");
    }
    running.shutdown().await.expect("clean shutdown");
}

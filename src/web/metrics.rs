//! `/metrics`: Prometheus text exposition of what the server did.
//!
//! Off unless `metrics_token` is configured; then a scrape must send
//! `Authorization: Bearer <token>`. Requests are counted by route template (never the
//! raw path, which can carry tokens and would explode the label set), method and status,
//! with a latency histogram per route. Database size, bookings and the job queue (depth
//! by kind and state, how long the oldest due job of each lane has waited, failed
//! attempts by kind) are read at scrape time.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::Extension;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::app::AppState;
use crate::crypto::constant_time_eq;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 11] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];
const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

#[derive(Debug, Default, Clone)]
struct Histogram {
    /// Counts per bucket (not cumulative); the last slot is +Inf.
    buckets: [u64; BUCKETS.len() + 1],
    sum: f64,
    count: u64,
}

impl Histogram {
    fn observe(&mut self, seconds: f64) {
        let slot = BUCKETS
            .iter()
            .position(|bound| seconds <= *bound)
            .unwrap_or(BUCKETS.len());
        self.buckets[slot] += 1;
        self.sum += seconds;
        self.count += 1;
    }
}

#[derive(Debug, Default)]
struct Counters {
    /// (route, method, status) → requests.
    requests: BTreeMap<(String, String, u16), u64>,
    latency: BTreeMap<String, Histogram>,
}

/// The request counters of one server.
#[derive(Debug)]
pub struct Metrics {
    counters: Mutex<Counters>,
    started: std::time::SystemTime,
}

impl Default for Metrics {
    fn default() -> Self {
        Self {
            counters: Mutex::new(Counters::default()),
            started: std::time::SystemTime::now(),
        }
    }
}

impl Metrics {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    fn record(&self, route: &str, method: &str, status: u16, seconds: f64) {
        let mut counters = self
            .counters
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        *counters
            .requests
            .entry((route.to_string(), method.to_string(), status))
            .or_default() += 1;
        counters
            .latency
            .entry(route.to_string())
            .or_default()
            .observe(seconds);
    }

    /// The exposition text, with the gauges read now.
    fn render(&self, database_bytes: u64, wal_bytes: u64) -> String {
        let counters = self
            .counters
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        let mut out = String::new();
        out.push_str("# HELP kairos_http_requests_total HTTP requests answered, by route template, method and status.\n");
        out.push_str("# TYPE kairos_http_requests_total counter\n");
        for ((route, method, status), count) in &counters.requests {
            let _ = writeln!(
                out,
                "kairos_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{status}\"}} {count}",
                escape(route),
                escape(method)
            );
        }
        out.push_str("# HELP kairos_http_request_duration_seconds Time to answer HTTP requests, by route template.\n");
        out.push_str("# TYPE kairos_http_request_duration_seconds histogram\n");
        for (route, histogram) in &counters.latency {
            let route = escape(route);
            let mut cumulative = 0;
            for (bound, count) in BUCKETS.iter().zip(histogram.buckets.iter()) {
                cumulative += count;
                let _ = writeln!(
                    out,
                    "kairos_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {cumulative}"
                );
            }
            let _ = writeln!(
                out,
                "kairos_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}",
                histogram.count
            );
            let _ = writeln!(
                out,
                "kairos_http_request_duration_seconds_sum{{route=\"{route}\"}} {}",
                histogram.sum
            );
            let _ = writeln!(
                out,
                "kairos_http_request_duration_seconds_count{{route=\"{route}\"}} {}",
                histogram.count
            );
        }
        drop(counters);
        out.push_str("# HELP kairos_database_size_bytes Size of the database file.\n");
        out.push_str("# TYPE kairos_database_size_bytes gauge\n");
        let _ = writeln!(out, "kairos_database_size_bytes {database_bytes}");
        out.push_str(
            "# HELP kairos_database_wal_size_bytes Size of the database's write-ahead log.\n",
        );
        out.push_str("# TYPE kairos_database_wal_size_bytes gauge\n");
        let _ = writeln!(out, "kairos_database_wal_size_bytes {wal_bytes}");
        out.push_str(
            "# HELP kairos_process_start_time_seconds When the server started, in unix seconds.\n",
        );
        out.push_str("# TYPE kairos_process_start_time_seconds gauge\n");
        let started = self
            .started
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let _ = writeln!(out, "kairos_process_start_time_seconds {started}");
        out.push_str("# HELP kairos_build_info The running version.\n");
        out.push_str("# TYPE kairos_build_info gauge\n");
        let _ = writeln!(
            out,
            "kairos_build_info{{version=\"{}\"}} 1",
            env!("CARGO_PKG_VERSION")
        );
        out
    }
}

fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// Middleware: counts every request under its route template.
pub async fn track(State(metrics): State<Arc<Metrics>>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|path| path.as_str().to_string())
        .unwrap_or_else(|| "unmatched".to_string());
    let method = request.method().as_str().to_string();
    let start = Instant::now();
    let response = next.run(request).await;
    metrics.record(
        &route,
        &method,
        response.status().as_u16(),
        start.elapsed().as_secs_f64(),
    );
    response
}

/// `GET /metrics`.
pub async fn serve(
    State(state): State<AppState>,
    Extension(metrics): Extension<Arc<Metrics>>,
    headers: HeaderMap,
) -> Response {
    let Some(token) = state.config.metrics_token.as_deref() else {
        return (
            StatusCode::NOT_FOUND,
            "metrics are off: set metrics_token to turn them on\n",
        )
            .into_response();
    };
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .unwrap_or_default();
    if !constant_time_eq(presented.trim().as_bytes(), token.as_bytes()) {
        let mut response =
            (StatusCode::UNAUTHORIZED, "a bearer token is required\n").into_response();
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        return response;
    }
    let path = state.db.path().to_path_buf();
    let (database, wal) = tokio::task::spawn_blocking(move || {
        let size = |p: &std::path::Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        let mut wal = path.as_os_str().to_os_string();
        wal.push("-wal");
        (size(&path), size(std::path::Path::new(&wal)))
    })
    .await
    .unwrap_or((0, 0));
    let bookings = state
        .db
        .read(|conn| -> Result<_, crate::db::DbError> {
            let statuses = crate::db::bookings::count_by_status(conn)?;
            let created = crate::db::bookings::count_made(conn)?;
            Ok((statuses, created))
        })
        .await;
    let now = state.clock.now();
    let health = state
        .db
        .read(move |conn| Ok::<_, crate::db::DbError>(crate::jobs::health(conn, now)?))
        .await;
    let mut text = metrics.render(database, wal);
    if let Ok((statuses, created)) = bookings {
        text.push_str(&render_bookings(&statuses, created));
    }
    match health {
        Ok(health) => text.push_str(&render_jobs(&health, &state.job_failures.by_kind(), now)),
        Err(err) => tracing::warn!(error = %err, "cannot read the job queue for /metrics"),
    }
    let mut response = text.into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
    response
}

/// Booking figures read from the database: bookings by status, and every booking made
/// (a rescheduled booking is a new one) since the instance began.
fn render_bookings(statuses: &[(String, i64)], created: i64) -> String {
    let mut out = String::new();
    out.push_str("# HELP kairos_bookings Bookings in the database, by status.\n");
    out.push_str("# TYPE kairos_bookings gauge\n");
    for status in ["ACCEPTED", "PENDING", "CANCELLED", "REJECTED"] {
        let count = statuses
            .iter()
            .find(|(s, _)| s == status)
            .map_or(0, |(_, n)| *n);
        let _ = writeln!(out, "kairos_bookings{{status=\"{status}\"}} {count}");
    }
    out.push_str("# HELP kairos_bookings_created_total Bookings made, including the new booking of each reschedule.\n");
    out.push_str("# TYPE kairos_bookings_created_total counter\n");
    let _ = writeln!(out, "kairos_bookings_created_total {created}");
    out
}

/// The job queue: jobs by kind and state, the wait of the oldest due job per lane, and
/// failed attempts by kind since the start.
fn render_jobs(
    health: &crate::jobs::Health,
    failures: &[(String, u64)],
    now: chrono::DateTime<chrono::Utc>,
) -> String {
    let mut out = String::new();
    out.push_str("# HELP kairos_jobs Background jobs not done, by kind and state (waiting: not tried yet; failing: retried after a failed attempt; running; dead: given up).\n");
    out.push_str("# TYPE kairos_jobs gauge\n");
    for kind in &health.kinds {
        let name = escape(&kind.kind);
        for (state, count) in [
            ("waiting", kind.waiting),
            ("failing", kind.failing),
            ("running", kind.running),
            ("dead", kind.dead),
        ] {
            let _ = writeln!(
                out,
                "kairos_jobs{{kind=\"{name}\",state=\"{state}\"}} {count}"
            );
        }
    }
    out.push_str("# HELP kairos_jobs_oldest_due_seconds How long the longest-waiting due job of each lane has waited to start (0: none is due).\n");
    out.push_str("# TYPE kairos_jobs_oldest_due_seconds gauge\n");
    for lane in crate::jobs::Lane::ALL {
        let waited = health
            .oldest_due
            .iter()
            .find(|(due_lane, _)| *due_lane == lane)
            .map_or(0, |(_, since)| (now - *since).num_seconds().max(0));
        let _ = writeln!(
            out,
            "kairos_jobs_oldest_due_seconds{{lane=\"{}\"}} {waited}",
            lane.as_str()
        );
    }
    out.push_str(
        "# HELP kairos_job_failures_total Failed job attempts since the server started, by kind.\n",
    );
    out.push_str("# TYPE kairos_job_failures_total counter\n");
    let mut kinds: Vec<&str> = health.kinds.iter().map(|k| k.kind.as_str()).collect();
    kinds.extend(failures.iter().map(|(kind, _)| kind.as_str()));
    kinds.sort_unstable();
    kinds.dedup();
    for kind in kinds {
        let count = failures
            .iter()
            .find(|(failed, _)| failed == kind)
            .map_or(0, |(_, count)| *count);
        let _ = writeln!(
            out,
            "kairos_job_failures_total{{kind=\"{}\"}} {count}",
            escape(kind)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_job_queue_is_shown_by_kind_and_lane() {
        let now = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        let health = crate::jobs::Health {
            kinds: vec![crate::jobs::queue::KindCounts {
                kind: "email".into(),
                waiting: 1,
                failing: 3,
                running: 2,
                dead: 1,
            }],
            oldest_due: vec![(crate::jobs::Lane::Email, now - chrono::Duration::minutes(5))],
            failing_since: None,
        };
        let text = render_jobs(&health, &[("webhook".into(), 4)], now);
        assert!(
            text.contains("kairos_jobs{kind=\"email\",state=\"failing\"} 3\n"),
            "{text}"
        );
        assert!(text.contains("kairos_jobs{kind=\"email\",state=\"dead\"} 1\n"));
        assert!(text.contains("kairos_jobs_oldest_due_seconds{lane=\"email\"} 300\n"));
        assert!(text.contains("kairos_jobs_oldest_due_seconds{lane=\"webhooks\"} 0\n"));
        assert!(text.contains("kairos_job_failures_total{kind=\"email\"} 0\n"));
        assert!(text.contains("kairos_job_failures_total{kind=\"webhook\"} 4\n"));
    }

    #[test]
    fn histogram_buckets_are_cumulative_and_end_with_inf() {
        let metrics = Metrics::default();
        metrics.record("/login", "GET", 200, 0.003);
        metrics.record("/login", "GET", 200, 0.2);
        metrics.record("/login", "POST", 303, 30.0);
        let text = metrics.render(4096, 0);
        assert!(text.contains(
            "kairos_http_requests_total{route=\"/login\",method=\"GET\",status=\"200\"} 2\n"
        ));
        assert!(text.contains(
            "kairos_http_request_duration_seconds_bucket{route=\"/login\",le=\"0.005\"} 1\n"
        ));
        assert!(text.contains(
            "kairos_http_request_duration_seconds_bucket{route=\"/login\",le=\"0.25\"} 2\n"
        ));
        assert!(text.contains(
            "kairos_http_request_duration_seconds_bucket{route=\"/login\",le=\"10\"} 2\n"
        ));
        assert!(text.contains(
            "kairos_http_request_duration_seconds_bucket{route=\"/login\",le=\"+Inf\"} 3\n"
        ));
        assert!(text.contains("kairos_http_request_duration_seconds_count{route=\"/login\"} 3\n"));
        assert!(text.contains("kairos_database_size_bytes 4096\n"));
    }

    #[test]
    fn bookings_are_counted_by_status() {
        let text = render_bookings(&[("ACCEPTED".into(), 3), ("CANCELLED".into(), 1)], 5);
        assert!(text.contains("kairos_bookings{status=\"ACCEPTED\"} 3\n"));
        assert!(text.contains("kairos_bookings{status=\"PENDING\"} 0\n"));
        assert!(text.contains("kairos_bookings_created_total 5\n"));
    }

    #[test]
    fn label_values_are_escaped() {
        assert_eq!(escape("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}

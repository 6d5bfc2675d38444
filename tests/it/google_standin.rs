//! A stand-in for Google's OAuth 2.0 endpoints and Calendar API v3, small and in memory,
//! following the shapes Google documents: the consent page that sends the browser back
//! with `code` and `state`, the token endpoint (authorization code with PKCE S256,
//! refresh with rotation, `invalid_grant` once revoked), `calendarList`, and `events` with
//! `singleEvents`, paging, `syncToken` (410 once it expired), client-chosen ids (409 when
//! taken), `iCalUID`, and deletion (410 when already deleted). Failure modes are switched
//! on by the test: expired access tokens (401), 429 with `Retry-After`, an insert whose
//! answer is lost after the event was stored.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use base64::Engine;
use serde_json::{Value, json};
use sha2::Digest;

pub const CLIENT_ID: &str = "kairos-test.apps.googleusercontent.com";
pub const CLIENT_SECRET: &str = "test-secret";
pub const PRIMARY: &str = "clara@practice.example";
/// Items per page: small, so that listings page.
const PAGE: usize = 3;

#[derive(Default)]
pub struct Google {
    /// Authorization codes: code → (PKCE challenge, redirect URI).
    codes: HashMap<String, (String, String)>,
    /// The refresh token currently valid (rotated on every refresh).
    refresh_token: Option<String>,
    pub access_tokens: Vec<String>,
    pub refreshes: usize,
    pub revoked: bool,
    /// Every access token is refused with 401 until the next refresh.
    pub tokens_expired: bool,
    /// The next API calls answer 429 with `Retry-After: 1`.
    pub rate_limited: usize,
    /// The next insert stores the event, then answers 503 as if the answer were lost.
    pub lose_next_insert: bool,
    /// Sync tokens older than this sequence number are expired (410).
    pub tokens_valid_from: u64,
    /// Calendar id → event id → (sequence of its last change, event).
    pub events: HashMap<String, BTreeMap<String, (u64, Value)>>,
    sequence: u64,
    /// Every request: method, path and query.
    pub requests: Vec<String>,
}

impl Google {
    /// Stores an event as a calendar program would, as a change.
    pub fn put(&mut self, calendar: &str, event: Value) {
        self.sequence += 1;
        let id = event["id"].as_str().unwrap_or_default().to_string();
        let mut event = event;
        event["etag"] = json!(format!("\"{}\"", self.sequence));
        event["status"] = event
            .get("status")
            .cloned()
            .unwrap_or_else(|| json!("confirmed"));
        self.events
            .entry(calendar.to_string())
            .or_default()
            .insert(id, (self.sequence, event));
    }

    /// Cancels (deletes) an event as Google does: it stays, cancelled, for sync.
    pub fn cancel(&mut self, calendar: &str, id: &str) -> bool {
        let Some((_, event)) = self.events.get(calendar).and_then(|c| c.get(id)).cloned() else {
            return false;
        };
        if event["status"] == "cancelled" {
            return false;
        }
        let mut cancelled = event;
        cancelled["status"] = json!("cancelled");
        self.put(calendar, cancelled);
        true
    }

    /// The live events of a calendar whose iCalUID ends with `suffix`.
    pub fn live(&self, calendar: &str, suffix: &str) -> Vec<Value> {
        self.events
            .get(calendar)
            .into_iter()
            .flat_map(|c| c.values())
            .map(|(_, e)| e.clone())
            .filter(|e| e["status"] != "cancelled")
            .filter(|e| e["iCalUID"].as_str().unwrap_or_default().ends_with(suffix))
            .collect()
    }

    fn new_token(&mut self, prefix: &str) -> String {
        let token = format!("{prefix}-{}", self.access_tokens.len() + self.refreshes + 1);
        self.access_tokens.push(token.clone());
        token
    }
}

pub type Shared = Arc<Mutex<Google>>;

/// Starts the stand-in on a free loopback port; returns its base URL and its state.
pub async fn start() -> (String, Shared) {
    let state: Shared = Arc::default();
    let app = Router::new()
        .route("/o/oauth2/v2/auth", get(authorize))
        .route("/token", post(token))
        .route("/calendar/v3/users/me/calendarList", get(calendar_list))
        .route("/calendar/v3/users/me/calendarList/primary", get(primary))
        .route(
            "/calendar/v3/calendars/{calendar}/events",
            get(list_events).post(insert_event),
        )
        .route(
            "/calendar/v3/calendars/{calendar}/events/{id}",
            axum::routing::put(update_event).delete(delete_event),
        )
        .with_state(state.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let address = listener.local_addr().expect("an address");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (format!("http://{address}"), state)
}

fn error(status: StatusCode, reason: &str) -> Response {
    (
        status,
        axum::Json(
            json!({ "error": { "code": status.as_u16(), "message": reason,
            "errors": [{ "reason": reason }] } }),
        ),
    )
        .into_response()
}

/// The consent screen, already agreed to: back to the app with a code.
async fn authorize(
    State(state): State<Shared>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let field = |name: &str| query.get(name).cloned().unwrap_or_default();
    if field("client_id") != CLIENT_ID
        || field("response_type") != "code"
        || field("code_challenge_method") != "S256"
        || field("access_type") != "offline"
    {
        return (StatusCode::BAD_REQUEST, "invalid_request").into_response();
    }
    let code = format!(
        "code-{}",
        field("state").len() + state.lock().expect("lock").codes.len()
    );
    let redirect = field("redirect_uri");
    state
        .lock()
        .expect("lock")
        .codes
        .insert(code.clone(), (field("code_challenge"), redirect.clone()));
    let mut back = url::Url::parse(&redirect).expect("a redirect URI");
    back.query_pairs_mut()
        .append_pair("state", &field("state"))
        .append_pair("code", &code)
        .append_pair("scope", &field("scope"));
    Redirect::to(back.as_str()).into_response()
}

fn client_authenticated(headers: &HeaderMap) -> bool {
    let expected = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{CLIENT_ID}:{CLIENT_SECRET}"))
    );
    headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == expected)
}

fn grant_error(kind: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        axum::Json(json!({ "error": kind, "error_description": "Bad Request" })),
    )
        .into_response()
}

async fn token(
    State(state): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    if !client_authenticated(&headers) {
        return (
            StatusCode::UNAUTHORIZED,
            axum::Json(json!({ "error": "invalid_client" })),
        )
            .into_response();
    }
    let field = |name: &str| form.get(name).cloned().unwrap_or_default();
    let mut google = state.lock().expect("lock");
    match field("grant_type").as_str() {
        "authorization_code" => {
            let Some((challenge, redirect)) = google.codes.remove(&field("code")) else {
                return grant_error("invalid_grant");
            };
            let verified = base64::engine::general_purpose::URL_SAFE_NO_PAD
                .encode(sha2::Sha256::digest(field("code_verifier").as_bytes()));
            if verified != challenge || redirect != field("redirect_uri") {
                return grant_error("invalid_grant");
            }
            google.revoked = false;
            google.tokens_expired = false;
            let refresh = format!("refresh-{}", google.refreshes);
            google.refresh_token = Some(refresh.clone());
            let access = google.new_token("access");
            axum::Json(json!({ "access_token": access, "expires_in": 3599,
                "refresh_token": refresh, "token_type": "Bearer",
                "scope": "https://www.googleapis.com/auth/calendar.events" }))
            .into_response()
        }
        "refresh_token" => {
            if google.revoked || google.refresh_token.as_deref() != Some(&field("refresh_token")) {
                return grant_error("invalid_grant");
            }
            google.refreshes += 1;
            google.tokens_expired = false;
            let rotated = format!("refresh-{}", google.refreshes);
            google.refresh_token = Some(rotated.clone());
            let access = google.new_token("access");
            axum::Json(json!({ "access_token": access, "expires_in": 3599,
                "refresh_token": rotated, "token_type": "Bearer" }))
            .into_response()
        }
        _ => grant_error("unsupported_grant_type"),
    }
}

/// Checks the bearer token and the failure switches; `None` lets the call through.
fn refused(google: &mut Google, headers: &HeaderMap, request: String) -> Option<Response> {
    google.requests.push(request);
    let token = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    let current = google.access_tokens.last().map(String::as_str);
    if google.tokens_expired || Some(token) != current {
        return Some(error(StatusCode::UNAUTHORIZED, "authError"));
    }
    if google.rate_limited > 0 {
        google.rate_limited -= 1;
        let mut answer = error(StatusCode::TOO_MANY_REQUESTS, "rateLimitExceeded");
        answer
            .headers_mut()
            .insert("retry-after", axum::http::HeaderValue::from_static("1"));
        return Some(answer);
    }
    None
}

async fn calendar_list(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let mut google = state.lock().expect("lock");
    if let Some(refusal) = refused(&mut google, &headers, "GET calendarList".into()) {
        return refusal;
    }
    axum::Json(json!({
        "kind": "calendar#calendarList",
        "items": [
            { "id": PRIMARY, "summary": PRIMARY, "accessRole": "owner", "primary": true },
            { "id": "en.german#holiday@group.v.calendar.google.com",
              "summary": "Holidays in Germany", "accessRole": "reader" }
        ]
    }))
    .into_response()
}

async fn primary(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let mut google = state.lock().expect("lock");
    if let Some(refusal) = refused(&mut google, &headers, "GET calendarList/primary".into()) {
        return refusal;
    }
    axum::Json(json!({ "id": PRIMARY, "summary": PRIMARY, "accessRole": "owner" })).into_response()
}

async fn list_events(
    State(state): State<Shared>,
    Path(calendar): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let mut google = state.lock().expect("lock");
    let described = format!("GET events {calendar} {:?}", query.get("syncToken"));
    if let Some(refusal) = refused(&mut google, &headers, described) {
        return refusal;
    }
    if query.get("singleEvents").map(String::as_str) != Some("true") {
        return error(StatusCode::BAD_REQUEST, "badRequest");
    }
    let since = match query.get("syncToken") {
        Some(token) => {
            if query.contains_key("timeMin") || query.contains_key("timeMax") {
                return error(StatusCode::BAD_REQUEST, "badRequest");
            }
            let since: u64 = token.trim_start_matches("sync-").parse().unwrap_or(0);
            if since < google.tokens_valid_from {
                return error(StatusCode::GONE, "fullSyncRequired");
            }
            Some(since)
        }
        None => None,
    };
    let offset: usize = query
        .get("pageToken")
        .and_then(|t| t.trim_start_matches("page-").parse().ok())
        .unwrap_or(0);
    let items: Vec<Value> = google
        .events
        .get(&calendar)
        .into_iter()
        .flat_map(|c| c.values())
        .filter(|(changed, event)| match since {
            Some(since) => *changed > since,
            // A full listing leaves out deleted events.
            None => event["status"] != "cancelled",
        })
        .map(|(_, event)| event.clone())
        .collect();
    let page: Vec<Value> = items.iter().skip(offset).take(PAGE).cloned().collect();
    let mut answer = json!({ "kind": "calendar#events", "items": page });
    if offset + PAGE < items.len() {
        answer["nextPageToken"] = json!(format!("page-{}", offset + PAGE));
    } else {
        answer["nextSyncToken"] = json!(format!("sync-{}", google.sequence));
    }
    axum::Json(answer).into_response()
}

async fn insert_event(
    State(state): State<Shared>,
    Path(calendar): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
    axum::Json(event): axum::Json<Value>,
) -> Response {
    let mut google = state.lock().expect("lock");
    if let Some(refusal) = refused(&mut google, &headers, format!("POST events {calendar}")) {
        return refusal;
    }
    if query.get("sendUpdates").map(String::as_str) != Some("none") {
        return error(
            StatusCode::BAD_REQUEST,
            "sendUpdates must be none in this test",
        );
    }
    let id = event["id"].as_str().unwrap_or_default().to_string();
    if id.len() < 5 || !id.chars().all(|c| matches!(c, 'a'..='v' | '0'..='9')) {
        return error(StatusCode::BAD_REQUEST, "invalid id");
    }
    if google
        .events
        .get(&calendar)
        .is_some_and(|c| c.contains_key(&id))
    {
        return error(StatusCode::CONFLICT, "duplicate");
    }
    google.put(&calendar, event);
    if google.lose_next_insert {
        google.lose_next_insert = false;
        return error(StatusCode::SERVICE_UNAVAILABLE, "backendError");
    }
    let stored = google.events[&calendar][&id].1.clone();
    (StatusCode::OK, axum::Json(stored)).into_response()
}

async fn update_event(
    State(state): State<Shared>,
    Path((calendar, id)): Path<(String, String)>,
    headers: HeaderMap,
    axum::Json(event): axum::Json<Value>,
) -> Response {
    let mut google = state.lock().expect("lock");
    if let Some(refusal) = refused(&mut google, &headers, format!("PUT events {calendar} {id}")) {
        return refusal;
    }
    if !google
        .events
        .get(&calendar)
        .is_some_and(|c| c.contains_key(&id))
    {
        return error(StatusCode::NOT_FOUND, "notFound");
    }
    let mut event = event;
    event["id"] = json!(id);
    google.put(&calendar, event);
    let stored = google.events[&calendar][&id].1.clone();
    (StatusCode::OK, axum::Json(stored)).into_response()
}

async fn delete_event(
    State(state): State<Shared>,
    Path((calendar, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let mut google = state.lock().expect("lock");
    if let Some(refusal) = refused(
        &mut google,
        &headers,
        format!("DELETE events {calendar} {id}"),
    ) {
        return refusal;
    }
    if !google
        .events
        .get(&calendar)
        .is_some_and(|c| c.contains_key(&id))
    {
        return error(StatusCode::NOT_FOUND, "notFound");
    }
    if google.cancel(&calendar, &id) {
        StatusCode::NO_CONTENT.into_response()
    } else {
        error(StatusCode::GONE, "deleted")
    }
}

//! A stand-in for Google's OAuth 2.0 endpoints and Calendar API v3, on the shared
//! [`crate::cloud_standin`] mailbox, following the shapes Google documents: the consent
//! page (which requires `access_type=offline`), the token endpoint with the client in
//! HTTP Basic, `calendarList`, and `events` with `singleEvents`, paging, `syncToken` (410
//! once it expired), client-chosen ids (409 when taken), `iCalUID`, `sendUpdates=none`,
//! and deletion that keeps a cancelled event for sync (410 when already deleted).

use std::collections::HashMap;

use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

use crate::cloud_standin::{self, Cloud, Shared, with_retry_after};

pub const CLIENT_ID: &str = "kairos-test.apps.googleusercontent.com";
pub const CLIENT_SECRET: &str = "test-secret";
pub const PRIMARY: &str = "clara@practice.example";
/// Items per page: small, so that listings page.
const PAGE: usize = 3;

/// Stores an event as a calendar program would, as a change.
pub fn put(cloud: &mut Cloud, calendar: &str, event: Value) {
    let id = event["id"].as_str().unwrap_or_default().to_string();
    let mut event = event;
    event["etag"] = json!(format!("\"{}\"", cloud.sequence + 1));
    event["status"] = event
        .get("status")
        .cloned()
        .unwrap_or_else(|| json!("confirmed"));
    cloud.store(calendar, &id, event);
}

/// Cancels (deletes) an event as Google does: it stays, cancelled, for sync.
pub fn cancel(cloud: &mut Cloud, calendar: &str, id: &str) -> bool {
    let Some((_, event)) = cloud.get(calendar, id).cloned() else {
        return false;
    };
    if event["status"] == "cancelled" {
        return false;
    }
    let mut cancelled = event;
    cancelled["status"] = json!("cancelled");
    put(cloud, calendar, cancelled);
    true
}

/// The conference of an event written with `query`: the one it had (`before`) stays; one
/// is made when asked with `conferenceDataVersion=1` and a create request (the same for
/// the same request id); without the version Google ignores conference data.
fn conference(
    cloud: &mut Cloud,
    event: &mut Value,
    query: &HashMap<String, String>,
    before: Option<&Value>,
) {
    if let Some(before) = before.filter(|b| b.get("hangoutLink").is_some()) {
        event["hangoutLink"] = before["hangoutLink"].clone();
        event["conferenceData"] = before["conferenceData"].clone();
        return;
    }
    let version = query.get("conferenceDataVersion").map(String::as_str);
    let request = event["conferenceData"]["createRequest"]["requestId"].clone();
    match (version, request.as_str()) {
        (Some("1"), Some(_)) if !cloud.meeting_now() => {
            event["conferenceData"]["createRequest"]["status"] = json!({ "statusCode": "pending" });
        }
        (Some("1"), Some(request)) => {
            use sha2::Digest;
            let code = hex_letters(&sha2::Sha256::digest(request.as_bytes()));
            let link = format!(
                "https://meet.google.com/{}-{}-{}",
                &code[..3],
                &code[3..7],
                &code[7..10]
            );
            event["hangoutLink"] = json!(link);
            event["conferenceData"] = json!({ "conferenceId": code,
                "conferenceSolution": { "key": { "type": "hangoutsMeet" } },
                "entryPoints": [{ "entryPointType": "video", "uri": link }] });
        }
        _ => {
            if let Some(event) = event.as_object_mut() {
                event.remove("conferenceData");
            }
        }
    }
}

/// Ten letters from a hash, as Meet codes are made of.
fn hex_letters(hash: &[u8]) -> String {
    hash.iter()
        .take(10)
        .map(|byte| char::from(b'a' + byte % 26))
        .collect()
}

/// Starts the stand-in on a free loopback port; returns its base URL and its state.
pub async fn start() -> (String, Shared) {
    let state: Shared = Shared::default();
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
    (cloud_standin::serve(app).await, state)
}

fn error(status: StatusCode, reason: &str) -> Response {
    let answer = (
        status,
        axum::Json(
            json!({ "error": { "code": status.as_u16(), "message": reason,
            "errors": [{ "reason": reason }] } }),
        ),
    )
        .into_response();
    with_retry_after(status, answer)
}

/// Checks the token and the failure switches as Google answers them.
fn refused(cloud: &mut Cloud, headers: &HeaderMap, request: String) -> Option<Response> {
    cloud.refused(headers, request).map(|status| match status {
        StatusCode::UNAUTHORIZED => error(status, "authError"),
        _ => error(status, "rateLimitExceeded"),
    })
}

async fn authorize(
    State(state): State<Shared>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let offline = query.get("access_type").map(String::as_str) == Some("offline");
    state
        .lock()
        .expect("lock")
        .authorize(&query, CLIENT_ID, offline)
}

/// The client authenticates with HTTP Basic.
async fn token(
    State(state): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    cloud_standin::basic_token(&state, &headers, &form, (CLIENT_ID, CLIENT_SECRET))
}

async fn calendar_list(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let mut cloud = state.lock().expect("lock");
    if let Some(refusal) = refused(&mut cloud, &headers, "CALENDARS".into()) {
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
    let mut cloud = state.lock().expect("lock");
    if let Some(refusal) = refused(&mut cloud, &headers, "PRIMARY".into()) {
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
    let mut cloud = state.lock().expect("lock");
    let kind = if query.contains_key("syncToken") {
        "incremental"
    } else {
        "full"
    };
    if let Some(refusal) = refused(&mut cloud, &headers, format!("LIST {calendar} {kind}")) {
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
            if since < cloud.tokens_valid_from {
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
    let items: Vec<Value> = cloud
        .changes(&calendar, since)
        .into_iter()
        .map(|(_, event)| event)
        // A full listing leaves out deleted events.
        .filter(|event| since.is_some() || event["status"] != "cancelled")
        .collect();
    let page: Vec<Value> = items.iter().skip(offset).take(PAGE).cloned().collect();
    let mut answer = json!({ "kind": "calendar#events", "items": page });
    if offset + PAGE < items.len() {
        answer["nextPageToken"] = json!(format!("page-{}", offset + PAGE));
    } else {
        answer["nextSyncToken"] = json!(format!("sync-{}", cloud.sequence));
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
    let mut cloud = state.lock().expect("lock");
    if let Some(refusal) = refused(&mut cloud, &headers, "CREATE".into()) {
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
    if cloud.get(&calendar, &id).is_some() {
        return error(StatusCode::CONFLICT, "duplicate");
    }
    let mut event = event;
    conference(&mut cloud, &mut event, &query, None);
    put(&mut cloud, &calendar, event);
    if cloud.lose_next_insert {
        cloud.lose_next_insert = false;
        return error(StatusCode::SERVICE_UNAVAILABLE, "backendError");
    }
    let stored = cloud.get(&calendar, &id).map(|(_, e)| e.clone());
    (StatusCode::OK, axum::Json(stored)).into_response()
}

async fn update_event(
    State(state): State<Shared>,
    Path((calendar, id)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
    axum::Json(event): axum::Json<Value>,
) -> Response {
    let mut cloud = state.lock().expect("lock");
    if let Some(refusal) = refused(&mut cloud, &headers, format!("UPDATE {id}")) {
        return refusal;
    }
    if cloud.get(&calendar, &id).is_none() {
        return error(StatusCode::NOT_FOUND, "notFound");
    }
    let mut event = event;
    event["id"] = json!(id);
    let before = cloud.get(&calendar, &id).map(|(_, e)| e.clone());
    conference(&mut cloud, &mut event, &query, before.as_ref());
    put(&mut cloud, &calendar, event);
    let stored = cloud.get(&calendar, &id).map(|(_, e)| e.clone());
    (StatusCode::OK, axum::Json(stored)).into_response()
}

async fn delete_event(
    State(state): State<Shared>,
    Path((calendar, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let mut cloud = state.lock().expect("lock");
    if let Some(refusal) = refused(&mut cloud, &headers, format!("DELETE {id}")) {
        return refusal;
    }
    if cloud.get(&calendar, &id).is_none() {
        return error(StatusCode::NOT_FOUND, "notFound");
    }
    if cancel(&mut cloud, &calendar, &id) {
        StatusCode::NO_CONTENT.into_response()
    } else {
        error(StatusCode::GONE, "deleted")
    }
}

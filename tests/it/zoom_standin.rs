//! A stand-in for Zoom's OAuth endpoints and API v2, on the shared
//! [`crate::cloud_standin`] token endpoint and switches, following the shapes Zoom
//! documents: `/oauth/authorize` and `/oauth/token` (the client in HTTP Basic, refresh
//! tokens rotated), `/users/me`, scheduled meetings created under `/users/me/meetings`
//! (numeric ids, `join_url`, no idempotency key), listed as upcoming, patched and deleted
//! under `/meetings/{id}` (404 with code 3001 once gone).

use std::collections::HashMap;

use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

use crate::cloud_standin::{self, Cloud, Shared, with_retry_after};

pub const CLIENT_ID: &str = "ZoomKairosClient01";
pub const CLIENT_SECRET: &str = "zoom-client-secret";
pub const PRIMARY: &str = "clara@practice.example";
/// Where the meetings are kept in the shared mailbox.
pub const MEETINGS: &str = "meetings";

/// The meetings that exist.
pub fn meetings(cloud: &Cloud) -> Vec<Value> {
    cloud
        .changes(MEETINGS, None)
        .into_iter()
        .map(|(_, m)| m)
        .filter(|m| m["deleted"] != json!(true))
        .collect()
}

/// Starts the stand-in on a free loopback port; returns its base URL and its state.
pub async fn start() -> (String, Shared) {
    let state: Shared = Shared::default();
    let app = Router::new()
        .route("/oauth/authorize", get(authorize))
        .route("/oauth/token", post(token))
        .route("/v2/users/me", get(me))
        .route(
            "/v2/users/me/meetings",
            get(list_meetings).post(create_meeting),
        )
        .route(
            "/v2/meetings/{id}",
            axum::routing::patch(update_meeting).delete(delete_meeting),
        )
        .with_state(state.clone());
    (cloud_standin::serve(app).await, state)
}

fn error(status: StatusCode, code: u32, message: &str) -> Response {
    let answer = (
        status,
        axum::Json(json!({ "code": code, "message": message })),
    )
        .into_response();
    with_retry_after(status, answer)
}

/// Checks the token and the failure switches as Zoom answers them.
fn refused(cloud: &mut Cloud, headers: &HeaderMap, request: String) -> Option<Response> {
    cloud.refused(headers, request).map(|status| match status {
        StatusCode::UNAUTHORIZED => error(status, 124, "Invalid access token."),
        _ => error(
            status,
            429,
            "You have reached the maximum per-second rate limit.",
        ),
    })
}

async fn authorize(
    State(state): State<Shared>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    state
        .lock()
        .expect("lock")
        .authorize(&query, CLIENT_ID, true)
}

/// The client authenticates with HTTP Basic.
async fn token(
    State(state): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    cloud_standin::basic_token(&state, &headers, &form, (CLIENT_ID, CLIENT_SECRET))
}

async fn me(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let mut cloud = state.lock().expect("lock");
    if let Some(refusal) = refused(&mut cloud, &headers, "ME".into()) {
        return refusal;
    }
    axum::Json(json!({ "id": "KdYKjnimT4KPd8FFgQt9FQ", "email": PRIMARY, "type": 2 }))
        .into_response()
}

async fn list_meetings(
    State(state): State<Shared>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let mut cloud = state.lock().expect("lock");
    if let Some(refusal) = refused(&mut cloud, &headers, "LIST meetings".into()) {
        return refusal;
    }
    if query.get("type").map(String::as_str) != Some("upcoming") {
        return error(
            StatusCode::BAD_REQUEST,
            300,
            "only upcoming meetings in this test",
        );
    }
    let listed = meetings(&cloud);
    axum::Json(json!({ "page_size": 300, "total_records": listed.len(),
        "next_page_token": "", "meetings": listed }))
    .into_response()
}

async fn create_meeting(
    State(state): State<Shared>,
    headers: HeaderMap,
    axum::Json(meeting): axum::Json<Value>,
) -> Response {
    let mut cloud = state.lock().expect("lock");
    if let Some(refusal) = refused(&mut cloud, &headers, "CREATE".into()) {
        return refusal;
    }
    if meeting["type"] != json!(2) || meeting["start_time"].as_str().is_none() {
        return error(
            StatusCode::BAD_REQUEST,
            300,
            "a scheduled meeting needs a start time",
        );
    }
    let id = 85_746_352_400 + cloud.sequence + 1;
    let mut stored = meeting;
    stored["id"] = json!(id);
    stored["join_url"] = json!(format!("https://zoom.us/j/{id}?pwd=kairos{id}"));
    cloud.store(MEETINGS, &id.to_string(), stored.clone());
    if cloud.lose_next_insert {
        cloud.lose_next_insert = false;
        return error(StatusCode::SERVICE_UNAVAILABLE, 5000, "Service unavailable");
    }
    (StatusCode::CREATED, axum::Json(stored)).into_response()
}

fn live(cloud: &Cloud, id: &str) -> Option<Value> {
    cloud
        .get(MEETINGS, id)
        .map(|(_, m)| m.clone())
        .filter(|m| m["deleted"] != json!(true))
}

async fn update_meeting(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    axum::Json(patch): axum::Json<Value>,
) -> Response {
    let mut cloud = state.lock().expect("lock");
    if let Some(refusal) = refused(&mut cloud, &headers, format!("UPDATE {id}")) {
        return refusal;
    }
    let Some(mut meeting) = live(&cloud, &id) else {
        return error(StatusCode::NOT_FOUND, 3001, "Meeting does not exist.");
    };
    if let (Some(meeting), Some(patch)) = (meeting.as_object_mut(), patch.as_object()) {
        meeting.extend(patch.clone());
    }
    cloud.store(MEETINGS, &id, meeting);
    StatusCode::NO_CONTENT.into_response()
}

async fn delete_meeting(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let mut cloud = state.lock().expect("lock");
    if let Some(refusal) = refused(&mut cloud, &headers, format!("DELETE {id}")) {
        return refusal;
    }
    let Some(mut meeting) = live(&cloud, &id) else {
        return error(StatusCode::NOT_FOUND, 3001, "Meeting does not exist.");
    };
    meeting["deleted"] = json!(true);
    cloud.store(MEETINGS, &id, meeting);
    StatusCode::NO_CONTENT.into_response()
}

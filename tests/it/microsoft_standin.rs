//! A stand-in for the Microsoft identity platform (v2.0 endpoints under a tenant) and
//! Microsoft Graph v1.0, on the shared [`crate::cloud_standin`] mailbox, following the
//! shapes Microsoft documents: the sign-in page (which requires the `offline_access`
//! scope for a refresh token), the token endpoint with the client's secret in the form,
//! `/me/calendar`, `/me/calendars` with `@odata.nextLink` paging, `calendarView/delta`
//! (times in UTC when asked with `Prefer: outlook.timezone`, pages by
//! `@odata.nextLink`, a round ended by `@odata.deltaLink`, deleted events as `@removed`,
//! 410 `SyncStateNotFound` for an expired delta link), events created with server ids and
//! deduplicated by `transactionId`, patched, and deleted.

use std::collections::HashMap;

use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

use crate::cloud_standin::{self, Cloud, Shared, with_retry_after};

pub const CLIENT_ID: &str = "6731de76-14a6-49ae-97bc-6eba6914391e";
pub const CLIENT_SECRET: &str = "test~secret.value";
pub const TENANT: &str = "practice.onmicrosoft.com";
pub const PRIMARY: &str = "clara@practice.example";
/// The id of the host's default calendar: Graph ids are base64 and hold `=` and `/`.
pub const CALENDAR: &str = "AAMkAGI2/Calendar=";
const HOLIDAYS: &str = "AAMkAGI2/Holidays=";
/// Items per page: small, so that listings page.
const PAGE: usize = 3;

/// Stores an event as Outlook would, as a change.
pub fn put(cloud: &mut Cloud, calendar: &str, event: Value) {
    let id = event["id"].as_str().unwrap_or_default().to_string();
    let mut event = event;
    let version = cloud.sequence + 1;
    event["@odata.etag"] = json!(format!("W/\"{version}\""));
    event["changeKey"] = json!(version.to_string());
    if event.get("iCalUId").is_none() {
        event["iCalUId"] = json!(format!("040000008200E00074C5B7101A82E008{version:08}"));
    }
    cloud.store(calendar, &id, event);
}

/// Deletes an event as Outlook does: a delta round reports it as removed.
pub fn delete(cloud: &mut Cloud, calendar: &str, id: &str) -> bool {
    match cloud.get(calendar, id) {
        Some((_, event)) if event.get("@removed").is_none() => {
            cloud.store(
                calendar,
                id,
                json!({ "id": id, "@removed": { "reason": "deleted" } }),
            );
            true
        }
        _ => false,
    }
}

/// Starts the stand-in on a free loopback port; returns its base URL and its state.
pub async fn start() -> (String, Shared) {
    let state: Shared = Shared::default();
    let app = Router::new()
        .route("/{tenant}/oauth2/v2.0/authorize", get(authorize))
        .route("/{tenant}/oauth2/v2.0/token", post(token))
        .route("/v1.0/me/calendar", get(default_calendar))
        .route("/v1.0/me/calendars", get(calendars))
        .route(
            "/v1.0/me/calendars/{calendar}/calendarView/delta",
            get(delta),
        )
        .route("/v1.0/me/calendars/{calendar}/events", post(create_event))
        .route(
            "/v1.0/me/events/{id}",
            axum::routing::patch(update_event).delete(delete_event),
        )
        .with_state(state.clone());
    (cloud_standin::serve(app).await, state)
}

fn error(status: StatusCode, code: &str) -> Response {
    let answer = (
        status,
        axum::Json(json!({ "error": { "code": code, "message": code } })),
    )
        .into_response();
    with_retry_after(status, answer)
}

/// Checks the token and the failure switches as Graph answers them.
fn refused(cloud: &mut Cloud, headers: &HeaderMap, request: String) -> Option<Response> {
    cloud.refused(headers, request).map(|status| match status {
        StatusCode::UNAUTHORIZED => error(status, "InvalidAuthenticationToken"),
        _ => error(status, "TooManyRequests"),
    })
}

async fn authorize(
    State(state): State<Shared>,
    Path(tenant): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let scopes: Vec<&str> = query
        .get("scope")
        .map(|s| s.split(' ').collect())
        .unwrap_or_default();
    let required = tenant == TENANT
        && scopes.contains(&"offline_access")
        && scopes.contains(&"Calendars.ReadWrite");
    state
        .lock()
        .expect("lock")
        .authorize(&query, CLIENT_ID, required)
}

/// The client authenticates with its id and secret in the form.
async fn token(
    State(state): State<Shared>,
    Path(tenant): Path<String>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let field = |name: &str| form.get(name).map(String::as_str);
    // A refresh names the scopes again, as the v2.0 endpoint documents.
    let scoped = field("grant_type") != Some("refresh_token")
        || field("scope").is_some_and(|s| s.split(' ').any(|s| s == "Calendars.ReadWrite"));
    let authenticated = tenant == TENANT
        && headers.get("authorization").is_none()
        && field("client_id") == Some(CLIENT_ID)
        && field("client_secret") == Some(CLIENT_SECRET)
        && scoped;
    state.lock().expect("lock").token(authenticated, &form)
}

async fn default_calendar(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let mut cloud = state.lock().expect("lock");
    if let Some(refusal) = refused(&mut cloud, &headers, "PRIMARY".into()) {
        return refusal;
    }
    axum::Json(json!({ "id": CALENDAR, "name": "Calendar",
        "owner": { "name": "Clara Weiss", "address": PRIMARY } }))
    .into_response()
}

fn base_of(headers: &HeaderMap) -> String {
    let host = headers
        .get("host")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("127.0.0.1");
    format!("http://{host}/v1.0")
}

/// One calendar per page, to page with `@odata.nextLink`.
async fn calendars(
    State(state): State<Shared>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let mut cloud = state.lock().expect("lock");
    if let Some(refusal) = refused(&mut cloud, &headers, "CALENDARS".into()) {
        return refusal;
    }
    if query.contains_key("$skiptoken") {
        return axum::Json(json!({ "value": [
            { "id": HOLIDAYS, "name": "United States holidays", "canEdit": false,
              "owner": { "address": "holidays@outlook.example" } }
        ] }))
        .into_response();
    }
    axum::Json(json!({
        "value": [{ "id": CALENDAR, "name": "Calendar", "canEdit": true,
            "owner": { "address": PRIMARY } }],
        "@odata.nextLink": format!("{}/me/calendars?$skiptoken=2", base_of(&headers)),
    }))
    .into_response()
}

async fn delta(
    State(state): State<Shared>,
    Path(calendar): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let mut cloud = state.lock().expect("lock");
    // A round's pages carry where it started (`full` or a sequence) and the offset.
    let (since, offset) = match (query.get("$deltatoken"), query.get("$skiptoken")) {
        (Some(token), _) => (token.parse::<u64>().ok(), 0),
        (None, Some(skip)) => {
            let (start, offset) = skip.split_once('-').unwrap_or(("full", "0"));
            (start.parse().ok(), offset.parse().unwrap_or(0))
        }
        (None, None) => (None, 0),
    };
    let kind = if since.is_some() {
        "incremental"
    } else {
        "full"
    };
    if let Some(refusal) = refused(&mut cloud, &headers, format!("LIST {calendar} {kind}")) {
        return refusal;
    }
    let prefer = headers
        .get("prefer")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if !prefer.contains("outlook.timezone=\"UTC\"") {
        return error(
            StatusCode::BAD_REQUEST,
            "times are asked in UTC in this test",
        );
    }
    let first_of_full = !query.contains_key("$deltatoken") && !query.contains_key("$skiptoken");
    if first_of_full && (!query.contains_key("startDateTime") || !query.contains_key("endDateTime"))
    {
        return error(StatusCode::BAD_REQUEST, "ErrorInvalidParameter");
    }
    if let Some(since) = since
        && since < cloud.tokens_valid_from
    {
        return error(StatusCode::GONE, "SyncStateNotFound");
    }
    let items: Vec<Value> = cloud
        .changes(&calendar, since)
        .into_iter()
        .map(|(_, event)| event)
        // A new round leaves out deleted events.
        .filter(|event| since.is_some() || event.get("@removed").is_none())
        .collect();
    let page: Vec<Value> = items.iter().skip(offset).take(PAGE).cloned().collect();
    let link = format!(
        "{}/me/calendars/{}/calendarView/delta",
        base_of(&headers),
        percent_encoding::utf8_percent_encode(&calendar, percent_encoding::NON_ALPHANUMERIC)
    );
    let mut answer = json!({ "value": page });
    if offset + PAGE < items.len() {
        let start = since.map_or("full".to_string(), |s| s.to_string());
        answer["@odata.nextLink"] = json!(format!("{link}?$skiptoken={start}-{}", offset + PAGE));
    } else {
        answer["@odata.deltaLink"] = json!(format!("{link}?$deltatoken={}", cloud.sequence));
    }
    axum::Json(answer).into_response()
}

/// The Teams meeting of an event that asks for one and has none yet.
fn online_meeting(cloud: &mut Cloud, event: &mut Value) {
    if event["isOnlineMeeting"] == json!(true)
        && event.get("onlineMeeting").is_none()
        && cloud.meeting_now()
    {
        event["onlineMeeting"] = json!({ "joinUrl": format!(
            "https://teams.microsoft.com/l/meetup-join/19%3ameeting_{}%40thread.v2/0",
            cloud.sequence + 1
        ) });
    }
}

/// A live event with this `transactionId` in `calendar`.
fn by_transaction(cloud: &Cloud, calendar: &str, transaction: &str) -> Option<Value> {
    cloud
        .changes(calendar, None)
        .into_iter()
        .map(|(_, event)| event)
        .find(|event| event["transactionId"].as_str() == Some(transaction))
}

async fn create_event(
    State(state): State<Shared>,
    Path(calendar): Path<String>,
    headers: HeaderMap,
    axum::Json(event): axum::Json<Value>,
) -> Response {
    let mut cloud = state.lock().expect("lock");
    if let Some(refusal) = refused(&mut cloud, &headers, "CREATE".into()) {
        return refusal;
    }
    if calendar != CALENDAR {
        return error(StatusCode::FORBIDDEN, "ErrorAccessDenied");
    }
    if event.get("id").is_some() || event["start"]["timeZone"] != "UTC" {
        return error(StatusCode::BAD_REQUEST, "ErrorInvalidRequest");
    }
    // A retried create with the same transaction id gives back the event it made.
    if let Some(transaction) = event["transactionId"].as_str()
        && let Some(existing) = by_transaction(&cloud, &calendar, transaction)
    {
        return (StatusCode::CREATED, axum::Json(existing)).into_response();
    }
    let id = format!("AAMkAGI2/ev{}=", cloud.sequence + 1);
    let mut stored = event;
    stored["id"] = json!(id);
    online_meeting(&mut cloud, &mut stored);
    stored["isCancelled"] = json!(false);
    put(&mut cloud, &calendar, stored);
    if cloud.lose_next_insert {
        cloud.lose_next_insert = false;
        return error(StatusCode::SERVICE_UNAVAILABLE, "ServiceUnavailable");
    }
    let stored = cloud.get(&calendar, &id).map(|(_, e)| e.clone());
    (StatusCode::CREATED, axum::Json(stored)).into_response()
}

/// The calendar holding live event `id`.
fn calendar_of(cloud: &Cloud, id: &str) -> Option<String> {
    cloud
        .events
        .iter()
        .find(|(_, events)| {
            events
                .get(id)
                .is_some_and(|(_, e)| e.get("@removed").is_none())
        })
        .map(|(calendar, _)| calendar.clone())
}

async fn update_event(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
    axum::Json(patch): axum::Json<Value>,
) -> Response {
    let mut cloud = state.lock().expect("lock");
    if let Some(refusal) = refused(&mut cloud, &headers, format!("UPDATE {id}")) {
        return refusal;
    }
    let Some(calendar) = calendar_of(&cloud, &id) else {
        return error(StatusCode::NOT_FOUND, "ErrorItemNotFound");
    };
    let mut event = cloud
        .get(&calendar, &id)
        .map(|(_, e)| e.clone())
        .unwrap_or_default();
    if let (Some(event), Some(patch)) = (event.as_object_mut(), patch.as_object()) {
        event.extend(patch.clone());
    }
    online_meeting(&mut cloud, &mut event);
    put(&mut cloud, &calendar, event);
    let stored = cloud.get(&calendar, &id).map(|(_, e)| e.clone());
    (StatusCode::OK, axum::Json(stored)).into_response()
}

async fn delete_event(
    State(state): State<Shared>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let mut cloud = state.lock().expect("lock");
    if let Some(refusal) = refused(&mut cloud, &headers, format!("DELETE {id}")) {
        return refusal;
    }
    let Some(calendar) = calendar_of(&cloud, &id) else {
        return error(StatusCode::NOT_FOUND, "ErrorItemNotFound");
    };
    delete(&mut cloud, &calendar, &id);
    StatusCode::NO_CONTENT.into_response()
}

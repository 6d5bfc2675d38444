//! `/api/v1/calendars`: the caller's connected calendar accounts (CalDAV servers and ICS
//! feeds), their calendars, and their sync. No answer holds a password or a feed's full
//! address: a feed shows only its host name.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::app::AppState;
use crate::audit::Origin;
use crate::integrations::calendars::accounts::{
    self, AccountOptions, CalendarChoice, CalendarError, Connected,
};
use crate::model::calendar::{ConnectInput, Provider};
use crate::web::api::error::{ApiError, ErrorBody};
use crate::web::api::extract::{ApiCaller, ApiJson, ApiPath};

impl From<CalendarError> for ApiError {
    fn from(err: CalendarError) -> Self {
        match err {
            CalendarError::NotFound => ApiError::not_found("calendar account or calendar"),
            CalendarError::Invalid(errors) => ApiError::validation(&errors),
            CalendarError::Vendor(err) => {
                let mut errors = crate::model::error::FieldErrors::new();
                errors.add("provider", err.to_string());
                ApiError::validation(&errors)
            }
            CalendarError::Db(err) => ApiError::internal(&err),
        }
    }
}

/// One calendar of an account, and the host's choices for it.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CalendarView {
    id: i64,
    name: String,
    /// Bookings cannot be written here (a feed, or a calendar the server shares read-only).
    read_only: bool,
    /// Its events block the host's slots.
    check_conflicts: bool,
    /// New bookings are written here: true for at most one of the host's calendars.
    destination: bool,
}

/// A connected account as the API shows it: never its password or a feed's address.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AccountView {
    id: i64,
    provider: Provider,
    /// The CalDAV server's address, or only the host name of a feed.
    url: String,
    /// The CalDAV user name; empty for a feed.
    username: String,
    calendars: Vec<CalendarView>,
    /// The last sync that completed; null before the first.
    last_synced_at: Option<DateTime<Utc>>,
    /// When the next sync is planned.
    next_sync_at: Option<DateTime<Utc>>,
    /// Failed syncs in a row; 0 when the last one worked.
    failures: u32,
    /// Why the last sync failed, in words for the host; null when it worked.
    last_error: Option<String>,
    /// Deleting a booking's event in this account's calendars cancels the booking.
    sync_cancellations: bool,
    /// Before a booking is made or moved, the destination calendar is asked live.
    live_check: bool,
    created_at: DateTime<Utc>,
}

impl From<Connected> for AccountView {
    fn from(connected: Connected) -> Self {
        let Connected {
            account,
            calendars,
            destination,
        } = connected;
        AccountView {
            id: account.id,
            provider: account.provider,
            url: account.url,
            username: account.username,
            calendars: calendars
                .into_iter()
                .map(|calendar| CalendarView {
                    destination: destination == Some(calendar.id),
                    id: calendar.id,
                    name: calendar.name,
                    read_only: calendar.read_only,
                    check_conflicts: calendar.check_conflicts,
                })
                .collect(),
            last_synced_at: account.last_synced_at,
            next_sync_at: account.next_sync_at,
            failures: account.failures,
            last_error: account.last_error,
            sync_cancellations: account.sync_cancellations,
            live_check: account.live_check,
            created_at: account.created_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AccountBody {
    data: AccountView,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AccountListBody {
    data: Vec<AccountView>,
}

#[utoipa::path(get, path = "/api/v1/calendars", operation_id = "list_calendar_accounts", tag = "calendars", security(("api_key" = [])),
    responses((status = 200, description = "Your connected calendar accounts, oldest first", body = AccountListBody),
              (status = 401, description = "No or a wrong API key", body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    caller: ApiCaller,
) -> Result<Json<AccountListBody>, ApiError> {
    let list = accounts::list(&state.integrations(), &caller.user).await?;
    Ok(Json(AccountListBody {
        data: list.into_iter().map(Into::into).collect(),
    }))
}

#[utoipa::path(post, path = "/api/v1/calendars", operation_id = "connect_calendar_account", tag = "calendars", security(("api_key" = [])),
    description = "Connects a CalDAV account (`url`, `username`, an app `password`) or an ICS feed (`url`, the calendar's secret address). Kairos first checks that it answers: a CalDAV server must accept the credentials and list calendars, a feed must be iCalendar. Addresses on loopback, link-local or (unless the administrator allows them) private networks are refused without a request; the check gives up after 20 seconds. Every refusal is a 422 naming the field and why.",
    request_body(content = ConnectInput, example = json!({"provider": "ics", "url": "https://calendar.example.org/secret/basic.ics"})),
    responses((status = 201, description = "Connected; the first sync is on its way", body = AccountBody),
              (status = 401, description = "No or a wrong API key", body = ErrorBody),
              (status = 422, description = "Invalid fields, or an address that did not work (refused, unreachable, not a calendar)", body = ErrorBody)))]
pub async fn connect(
    State(state): State<AppState>,
    caller: ApiCaller,
    origin: Origin,
    ApiJson(input): ApiJson<ConnectInput>,
) -> Result<(StatusCode, Json<AccountBody>), ApiError> {
    let connected = accounts::connect(&state.integrations(), &caller.user, &input, &origin).await?;
    Ok((
        StatusCode::CREATED,
        Json(AccountBody {
            data: connected.into(),
        }),
    ))
}

#[utoipa::path(get, path = "/api/v1/calendars/{id}", operation_id = "get_calendar_account", tag = "calendars", security(("api_key" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, description = "The account, its calendars and its sync health", body = AccountBody),
              (status = 404, description = "None of yours has that id", body = ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    caller: ApiCaller,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<AccountBody>, ApiError> {
    let found = accounts::managed(&state.integrations(), &caller.user, id).await?;
    Ok(Json(AccountBody { data: found.into() }))
}

#[utoipa::path(patch, path = "/api/v1/calendars/{id}", operation_id = "set_calendar_account_options", tag = "calendars", security(("api_key" = [])),
    description = "Sets the account's options; what is not given stays as it is. `syncCancellations`: deleting a booking's event in the calendar cancels the booking 15 minutes after a sync notices (restoring it before then keeps it). `liveCheck`: before a booking is made or moved, the destination calendar is asked for changes since the last sync, for at most 3 seconds. Both are for CalDAV accounts only.",
    params(("id" = i64, Path)),
    request_body(content = AccountOptions, example = json!({"syncCancellations": true, "liveCheck": false})),
    responses((status = 200, description = "The account with its options", body = AccountBody),
              (status = 404, description = "None of yours has that id", body = ErrorBody),
              (status = 422, description = "A feed takes no bookings, so neither option applies", body = ErrorBody)))]
pub async fn set_options(
    State(state): State<AppState>,
    caller: ApiCaller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(options): ApiJson<AccountOptions>,
) -> Result<Json<AccountBody>, ApiError> {
    let updated = accounts::set_options(&state.integrations(), &caller.user, id, options).await?;
    Ok(Json(AccountBody {
        data: updated.into(),
    }))
}

#[utoipa::path(delete, path = "/api/v1/calendars/{id}", operation_id = "disconnect_calendar_account", tag = "calendars", security(("api_key" = [])),
    params(("id" = i64, Path)),
    responses((status = 204, description = "Disconnected: the account, its credentials and the events copied from it are gone"),
              (status = 404, description = "None of yours has that id", body = ErrorBody)))]
pub async fn disconnect(
    State(state): State<AppState>,
    caller: ApiCaller,
    origin: Origin,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    accounts::disconnect(&state.integrations(), &caller.user, id, &origin).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/api/v1/calendars/{id}/sync", operation_id = "sync_calendar_account", tag = "calendars", security(("api_key" = [])),
    params(("id" = i64, Path)),
    responses((status = 202, description = "A sync is planned now; `lastSyncedAt` changes once it ran", body = AccountBody),
              (status = 404, description = "None of yours has that id", body = ErrorBody)))]
pub async fn sync(
    State(state): State<AppState>,
    caller: ApiCaller,
    ApiPath(id): ApiPath<i64>,
) -> Result<(StatusCode, Json<AccountBody>), ApiError> {
    let deps = state.integrations();
    accounts::sync_now(&deps, &caller.user, id).await?;
    let found = accounts::managed(&deps, &caller.user, id).await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(AccountBody { data: found.into() }),
    ))
}

#[utoipa::path(patch, path = "/api/v1/calendars/{id}/calendars/{calendarId}", operation_id = "choose_calendar", tag = "calendars", security(("api_key" = [])),
    params(("id" = i64, Path, description = "The account"), ("calendarId" = i64, Path, description = "One of its calendars")),
    request_body(content = CalendarChoice, example = json!({"checkConflicts": true})),
    responses((status = 200, description = "The account with the choice applied", body = AccountBody),
              (status = 404, description = "None of your accounts has that id, or it has no such calendar", body = ErrorBody),
              (status = 422, description = "A read-only calendar cannot be the destination", body = ErrorBody)))]
pub async fn choose(
    State(state): State<AppState>,
    caller: ApiCaller,
    ApiPath((id, calendar_id)): ApiPath<(i64, i64)>,
    ApiJson(choice): ApiJson<CalendarChoice>,
) -> Result<Json<AccountBody>, ApiError> {
    let updated =
        accounts::choose(&state.integrations(), &caller.user, id, calendar_id, choice).await?;
    Ok(Json(AccountBody {
        data: updated.into(),
    }))
}

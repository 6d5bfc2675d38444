//! `/api/v1/webhooks`: subscriptions to booking changes, and their delivery log.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::app::AppState;
use crate::audit::{self, Origin};
use crate::db::webhooks::Delivery;
use crate::integrations::webhooks::{
    self, Changer, WebhookError, WebhookInput, WebhookPatch, WebhookView,
};
use crate::web::api::error::{ApiError, ErrorBody};
use crate::web::api::extract::{ApiCaller, ApiJson, ApiPath};

impl From<WebhookError> for ApiError {
    fn from(err: WebhookError) -> Self {
        match err {
            WebhookError::NotFound => ApiError::not_found("webhook"),
            WebhookError::Invalid(errors) => ApiError::validation(&errors),
            WebhookError::Corrupt => ApiError::internal(&err),
            WebhookError::Db(err) => ApiError::internal(&err),
        }
    }
}

fn changer(caller: ApiCaller, origin: Origin) -> Changer {
    Changer {
        user: caller.user,
        actor: audit::Actor::ApiKey(caller.key_id),
        origin,
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookBody {
    data: WebhookView,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CreatedWebhookBody {
    data: WebhookView,
    /// The secret Kairos made when none was given: shown only in this answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    secret: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookListBody {
    data: Vec<WebhookView>,
}

/// One delivery attempt: never the body that was sent.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryView {
    id: i64,
    /// `BOOKING_CREATED`, …, or `PING` for a test.
    trigger: String,
    /// The receiver's HTTP status; null when there was no answer.
    status_code: Option<u16>,
    /// Why there was no answer (refused target, timeout, connection error).
    error: Option<String>,
    duration_ms: i64,
    created_at: DateTime<Utc>,
}

impl From<Delivery> for DeliveryView {
    fn from(delivery: Delivery) -> Self {
        DeliveryView {
            id: delivery.id,
            trigger: delivery.trigger,
            status_code: delivery.status_code,
            error: delivery.error,
            duration_ms: delivery.duration_ms,
            created_at: delivery.created_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryListBody {
    data: Vec<DeliveryView>,
}

#[utoipa::path(get, path = "/api/v1/webhooks", operation_id = "list_webhooks", tag = "webhooks", security(("api_key" = [])),
    responses((status = 200, description = "Your webhook subscriptions", body = WebhookListBody),
              (status = 401, description = "No or a wrong API key", body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    caller: ApiCaller,
) -> Result<Json<WebhookListBody>, ApiError> {
    let user = caller.user;
    let list = state
        .db
        .read(move |conn| webhooks::list(conn, &user))
        .await?;
    Ok(Json(WebhookListBody {
        data: list.into_iter().map(Into::into).collect(),
    }))
}

#[utoipa::path(post, path = "/api/v1/webhooks", operation_id = "create_webhook", tag = "webhooks", security(("api_key" = [])),
    request_body(content = WebhookInput, example = json!({"url": "https://93.184.215.14/kairos", "triggers": ["BOOKING_CREATED", "BOOKING_CANCELLED"]})),
    responses((status = 201, description = "Created; `secret` is in this answer only when Kairos made it", body = CreatedWebhookBody),
              (status = 401, description = "No or a wrong API key", body = ErrorBody),
              (status = 422, description = "Invalid fields, such as a URL Kairos may not call", body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    caller: ApiCaller,
    origin: Origin,
    ApiJson(input): ApiJson<WebhookInput>,
) -> Result<(StatusCode, Json<CreatedWebhookBody>), ApiError> {
    let created = webhooks::create(&state.integrations(), &changer(caller, origin), input).await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedWebhookBody {
            data: created.webhook.into(),
            secret: created.generated_secret,
        }),
    ))
}

#[utoipa::path(get, path = "/api/v1/webhooks/{id}", operation_id = "get_webhook", tag = "webhooks", security(("api_key" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, description = "The subscription", body = WebhookBody),
              (status = 404, description = "None of yours has that id", body = ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    caller: ApiCaller,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<WebhookBody>, ApiError> {
    let user = caller.user;
    let found = state
        .db
        .read(move |conn| webhooks::managed(conn, &user, id))
        .await?;
    Ok(Json(WebhookBody { data: found.into() }))
}

#[utoipa::path(patch, path = "/api/v1/webhooks/{id}", operation_id = "update_webhook", tag = "webhooks", security(("api_key" = [])),
    params(("id" = i64, Path)),
    request_body = WebhookPatch,
    responses((status = 200, description = "Updated", body = WebhookBody),
              (status = 404, description = "None of yours has that id", body = ErrorBody),
              (status = 422, description = "Invalid fields", body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    caller: ApiCaller,
    origin: Origin,
    ApiPath(id): ApiPath<i64>,
    ApiJson(patch): ApiJson<WebhookPatch>,
) -> Result<Json<WebhookBody>, ApiError> {
    let updated =
        webhooks::update(&state.integrations(), &changer(caller, origin), id, patch).await?;
    Ok(Json(WebhookBody {
        data: updated.into(),
    }))
}

#[utoipa::path(delete, path = "/api/v1/webhooks/{id}", operation_id = "delete_webhook", tag = "webhooks", security(("api_key" = [])),
    params(("id" = i64, Path)),
    responses((status = 204, description = "Deleted, with its delivery log"),
              (status = 404, description = "None of yours has that id", body = ErrorBody)))]
pub async fn delete(
    State(state): State<AppState>,
    caller: ApiCaller,
    origin: Origin,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    webhooks::delete(&state.integrations(), &changer(caller, origin), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/v1/webhooks/{id}/deliveries", operation_id = "list_webhook_deliveries", tag = "webhooks", security(("api_key" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, description = "The latest deliveries, newest first", body = DeliveryListBody),
              (status = 404, description = "None of yours has that id", body = ErrorBody)))]
pub async fn deliveries(
    State(state): State<AppState>,
    caller: ApiCaller,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<DeliveryListBody>, ApiError> {
    let user = caller.user;
    let list = state
        .db
        .read(move |conn| webhooks::deliveries(conn, &user, id, 50))
        .await?;
    Ok(Json(DeliveryListBody {
        data: list.into_iter().map(Into::into).collect(),
    }))
}

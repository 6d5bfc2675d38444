//! Request extractors whose failures answer in the API's error format, and API-key auth.

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use serde::de::DeserializeOwned;

use crate::app::AppState;
use crate::audit::{self, Origin};
use crate::crypto::token_hash;
use crate::db::users::User;
use crate::db::{DbError, api_keys, users};
use crate::web::api::error::ApiError;

/// A JSON body; malformed JSON is 400, a body of the wrong shape 422.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(JsonRejection::JsonDataError(err)) => Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation_failed",
                err.body_text(),
            )),
            Err(JsonRejection::MissingJsonContentType(_)) => Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "send the body as JSON with `Content-Type: application/json`",
            )),
            Err(err) => Err(ApiError::bad_request(err.body_text())),
        }
    }
}

/// Query parameters; a malformed query is 400.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(value)| ApiQuery(value))
            .map_err(|err: QueryRejection| ApiError::bad_request(err.body_text()))
    }
}

/// Path parameters; a malformed one is 400.
pub struct ApiPath<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(value)| ApiPath(value))
            .map_err(|err: PathRejection| ApiError::bad_request(err.body_text()))
    }
}

/// The owner of the API key the request carries.
pub struct ApiUser(pub User);

/// The prefix every API key starts with.
pub const KEY_PREFIX: &str = "kairos_";

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        authenticate(parts, state)
            .await
            .map(|(user, _key_id)| ApiUser(user))
    }
}

/// The owner of the API key the request carries, and the key's id (for the audit log).
pub struct ApiCaller {
    pub user: User,
    pub key_id: i64,
}

impl FromRequestParts<AppState> for ApiCaller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let (user, key_id) = authenticate(parts, state).await?;
        Ok(ApiCaller { user, key_id })
    }
}

/// The user and the id of the API key the request carries.
async fn authenticate(parts: &mut Parts, state: &AppState) -> Result<(User, i64), ApiError> {
    let key = parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|key| key.starts_with(KEY_PREFIX))
        .ok_or_else(ApiError::unauthorized)?;
    let hash = token_hash(key);
    let now = state.clock.now();
    let found = state
        .db
        .read(move |conn| -> Result<_, DbError> {
            let Some(api_key) = api_keys::by_hash(conn, &hash)? else {
                return Ok(None);
            };
            Ok(users::by_id(conn, api_key.user_id)?.map(|user| (api_key, user)))
        })
        .await?;
    let Some((api_key, user)) = found.filter(|(_, user)| !user.disabled) else {
        return Err(ApiError::unauthorized());
    };
    state
        .rate_limits
        .api_call(api_key.id, now)
        .map_err(|wait| ApiError::too_many_requests("requests with this API key", wait))?;
    // Key use is written at most once a minute per key: the last-used time, and an
    // `api_key_used` audit row saying from where.
    if api_key
        .last_used_at
        .is_none_or(|last| now - last >= chrono::Duration::minutes(1))
    {
        let id = api_key.id;
        let Ok(origin) = Origin::from_request_parts(parts, state).await;
        state
            .db
            .write(move |tx| -> Result<(), DbError> {
                api_keys::touch(tx, id, now)?;
                let entry = audit::Entry {
                    actor: audit::Actor::ApiKey(id),
                    action: "api_key_used",
                    object: Some(format!("api_key:{id}")),
                    outcome: audit::Outcome::Success,
                    origin: &origin,
                };
                audit::record(tx, now, &entry)?;
                Ok(())
            })
            .await?;
    }
    Ok((user, api_key.id))
}

/// An optional API user: public endpoints that show more to owners. The second field is
/// the id of the key used, for the audit log.
pub struct MaybeApiUser(pub Option<User>, pub Option<i64>);

impl FromRequestParts<AppState> for MaybeApiUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        if parts.headers.contains_key(header::AUTHORIZATION) {
            let (user, key_id) = authenticate(parts, state).await?;
            Ok(MaybeApiUser(Some(user), Some(key_id)))
        } else {
            Ok(MaybeApiUser(None, None))
        }
    }
}

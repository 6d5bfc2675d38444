//! Stripe's calls back: the signed events that confirm payments.

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::integrations::payments::{self, WebhookError};
use crate::web::{Ctx, WebError};

/// `POST /stripe/webhook`: one Stripe event, signed in `Stripe-Signature`. Answers 200
/// once it is taken in (or was before), 400 to a refused signature or a body that is no
/// event, 404 while payments are not set up: there is no endpoint then.
pub async fn stripe_webhook(
    ctx: Ctx,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, WebError> {
    let signature = headers
        .get("stripe-signature")
        .and_then(|value| value.to_str().ok());
    let deps = ctx.state.integrations();
    let answer = |status: StatusCode, message: &str| {
        (
            status,
            axum::Json(json!({ "received": status.is_success(), "message": message })),
        )
            .into_response()
    };
    match payments::take_webhook(&deps, signature, &body, &ctx.origin()).await {
        Ok(taken) => Ok(answer(StatusCode::OK, &format!("{taken:?}").to_lowercase())),
        Err(WebhookError::NotSetUp) => Ok(answer(
            StatusCode::NOT_FOUND,
            "payments are not set up on this Kairos",
        )),
        Err(err @ (WebhookError::Signature(_) | WebhookError::NotAnEvent)) => {
            Ok(answer(StatusCode::BAD_REQUEST, &err.to_string()))
        }
        Err(WebhookError::Db(err)) => Err(err.into()),
        Err(WebhookError::Booking(err)) => Err(WebError::Internal(err.to_string())),
    }
}

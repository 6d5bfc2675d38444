//! API errors: `{"error": {"code", "message", "details"}}` with the right status.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::{Value, json};
use utoipa::ToSchema;

use crate::availability::Unavailable;
use crate::booking::BookingError;
use crate::db::DbError;
use crate::model::error::FieldErrors;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub details: Value,
}

/// The body of every error answer.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    error: ErrorContent,
}

#[derive(Serialize, ToSchema)]
struct ErrorContent {
    /// A stable machine-readable code, e.g. `validation_failed`, `slot_unavailable`.
    code: String,
    /// What went wrong, for people.
    message: String,
    /// For validation errors: `[{"field", "message"}]`; otherwise more about the error, or null.
    #[schema(value_type = Value)]
    details: Value,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            details: Value::Null,
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("no {what} has that id"),
        )
    }

    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "send an API key as `Authorization: Bearer kairos_…`",
        )
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", message)
    }

    /// 429 with `Retry-After`, for a client past a rate limit.
    pub fn too_many_requests(what: &str, retry_after: chrono::Duration) -> Self {
        let seconds = crate::auth::throttle::retry_after_seconds(retry_after);
        let mut err = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            format!("too many {what}; try again in {seconds} seconds"),
        );
        err.details = json!({ "retryAfterSeconds": seconds });
        err
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, "conflict", message)
    }

    /// 422 with one entry per bad field.
    pub fn validation(errors: &FieldErrors) -> Self {
        Self::validation_with_status(StatusCode::UNPROCESSABLE_ENTITY, errors)
    }

    pub fn validation_with_status(status: StatusCode, errors: &FieldErrors) -> Self {
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        Self {
            status,
            code: "validation_failed",
            message: format!("invalid {}: {errors}", fields.join(", ")),
            details: json!(errors),
        }
    }

    pub fn field(field: &str, message: &str) -> Self {
        let mut errors = FieldErrors::new();
        errors.add(field, message);
        Self::validation(&errors)
    }

    pub fn internal(err: &dyn std::fmt::Display) -> Self {
        tracing::error!(error = %err, "API request failed");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the request could not be completed; the administrator will find details in the log",
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({
            "error": { "code": self.code, "message": self.message, "details": self.details }
        });
        let mut response = (self.status, Json(body)).into_response();
        if self.status == StatusCode::TOO_MANY_REQUESTS
            && let Some(seconds) = self.details["retryAfterSeconds"].as_i64()
            && let Ok(value) = HeaderValue::from_str(&seconds.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        if self.status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

impl From<DbError> for ApiError {
    fn from(err: DbError) -> Self {
        Self::internal(&err)
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(err: rusqlite::Error) -> Self {
        Self::internal(&err)
    }
}

impl From<FieldErrors> for ApiError {
    fn from(errors: FieldErrors) -> Self {
        Self::validation(&errors)
    }
}

impl From<BookingError> for ApiError {
    fn from(err: BookingError) -> Self {
        match err {
            BookingError::EventTypeNotFound => Self::not_found("event type"),
            BookingError::BookingNotFound => Self::not_found("booking"),
            BookingError::Forbidden(message) => Self::forbidden(message),
            BookingError::Invalid(errors) => Self::validation(&errors),
            BookingError::Taken(reason) => Self {
                status: StatusCode::CONFLICT,
                code: "slot_unavailable",
                message: "that time is no longer available".into(),
                details: json!({ "reason": reason_code(&reason), "explanation": reason.to_string() }),
            },
            BookingError::NotBookable(reason) => Self {
                status: StatusCode::UNPROCESSABLE_ENTITY,
                code: "not_bookable",
                message: format!("start: {reason}"),
                details: json!([{ "field": "start", "message": reason.to_string(), "reason": reason_code(&reason) }]),
            },
            BookingError::IdempotencyKeyReused => Self::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "idempotency_key_reused",
                "this Idempotency-Key was already used for a different request",
            ),
            BookingError::WrongState(message) => {
                Self::new(StatusCode::CONFLICT, "invalid_state", message)
            }
            BookingError::RateLimited { cap, retry_after } => {
                let mut err = Self::too_many_requests("bookings", retry_after);
                err.message = format!(
                    "{}; try again in {} seconds",
                    cap.message(),
                    crate::auth::throttle::retry_after_seconds(retry_after)
                );
                err
            }
            BookingError::Db(err) => Self::internal(&err),
        }
    }
}

/// A stable code for why a time cannot be booked.
fn reason_code(reason: &Unavailable) -> &'static str {
    match reason {
        Unavailable::InvalidInput { .. } => "invalid_input",
        Unavailable::InvalidDuration { .. } => "invalid_duration",
        Unavailable::InThePast => "in_the_past",
        Unavailable::WithinMinimumNotice => "within_minimum_notice",
        Unavailable::OutsideBookingWindow => "outside_booking_window",
        Unavailable::OutsideWorkingHours => "outside_working_hours",
        Unavailable::NotOnSlotGrid => "not_on_slot_grid",
        Unavailable::OutOfOffice => "out_of_office",
        Unavailable::Conflict => "conflict",
        Unavailable::BookingLimitReached { .. } => "booking_limit_reached",
        Unavailable::DurationLimitReached { .. } => "duration_limit_reached",
        Unavailable::NoSeatsLeft => "no_seats_left",
        Unavailable::NotFirstSlotOfDay => "not_first_slot_of_day",
    }
}

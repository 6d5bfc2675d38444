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
use crate::model::booking::unavailable_reason;
use crate::model::error::{FieldErrors, Reason};
use crate::present::Language;
use crate::reason;
use crate::t;

/// An error answer. Its `message` is for people: written in the language the request
/// asks for (`Accept-Language`, else the instance's) where the catalogues have it, in
/// English otherwise; `code` is for programs and never changes with the language.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    /// The message in English.
    pub message: String,
    /// The message as a catalogue message, when there is one.
    pub reason: Option<Box<Reason>>,
    pub details: Value,
    /// The field errors of a validation error, written out in the request's language.
    pub fields: Option<Box<FieldErrors>>,
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
            reason: None,
            details: Value::Null,
            fields: None,
        }
    }

    /// An error whose message is the catalogue message `reason`.
    pub fn translated(status: StatusCode, code: &'static str, reason: Reason) -> Self {
        Self {
            message: reason.text(Language::English),
            reason: Some(Box::new(reason)),
            ..Self::new(status, code, String::new())
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    pub fn not_found(what: &str) -> Self {
        Self::translated(
            StatusCode::NOT_FOUND,
            "not_found",
            reason!("api-not-found", what = what),
        )
    }

    pub fn unauthorized() -> Self {
        Self::translated(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            reason!("api-unauthorized"),
        )
    }

    pub fn forbidden(reason: Reason) -> Self {
        Self::translated(StatusCode::FORBIDDEN, "forbidden", reason)
    }

    /// 429 with `Retry-After`, for a client past a rate limit.
    pub fn too_many_requests(what: &str, retry_after: chrono::Duration) -> Self {
        let seconds = crate::auth::throttle::retry_after_seconds(retry_after);
        let mut err = Self::translated(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            reason!("api-rate-limited", what = what, seconds = seconds),
        );
        err.details = json!({ "retryAfterSeconds": seconds });
        err
    }

    pub fn conflict(reason: Reason) -> Self {
        Self::translated(StatusCode::CONFLICT, "conflict", reason)
    }

    /// 422 with one entry per bad field.
    pub fn validation(errors: &FieldErrors) -> Self {
        Self::validation_with_status(StatusCode::UNPROCESSABLE_ENTITY, errors)
    }

    pub fn validation_with_status(status: StatusCode, errors: &FieldErrors) -> Self {
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        Self {
            message: format!("invalid {}: {errors}", fields.join(", ")),
            details: json!(errors),
            fields: Some(Box::new(errors.clone())),
            ..Self::new(status, "validation_failed", String::new())
        }
    }

    pub fn field(field: &str, message: &str) -> Self {
        let mut errors = FieldErrors::new();
        errors.add(field, message);
        Self::validation(&errors)
    }

    pub fn internal(err: &dyn std::fmt::Display) -> Self {
        tracing::error!(error = %err, "API request failed");
        Self::translated(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            reason!("api-internal"),
        )
    }

    /// The message and details in `lang`.
    fn written_in(&self, lang: Language) -> (String, Value) {
        if lang == Language::English {
            return (self.message.clone(), self.details.clone());
        }
        if let Some(errors) = &self.fields {
            let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
            let details: Vec<String> = errors
                .iter()
                .map(|e| format!("{}: {}", e.field, e.text(lang)))
                .collect();
            let message = t!(
                lang,
                "api-validation-failed",
                fields = fields.join(", "),
                details = details.join("; ")
            );
            let details = errors
                .iter()
                .map(|e| json!({ "field": e.field, "message": e.text(lang) }))
                .collect();
            return (message, Value::Array(details));
        }
        let message = self
            .reason
            .as_ref()
            .map_or_else(|| self.message.clone(), |reason| reason.text(lang));
        (message, self.details.clone())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (message, details) = self.written_in(crate::web::ctx::request_language());
        let body = json!({
            "error": { "code": self.code, "message": message, "details": details }
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
            BookingError::Forbidden(reason) => Self::forbidden(reason),
            BookingError::Invalid(errors) => Self::validation(&errors),
            BookingError::Taken(reason) => Self {
                details: json!({ "reason": reason_code(&reason), "explanation": reason.to_string() }),
                ..Self::translated(
                    StatusCode::CONFLICT,
                    "slot_unavailable",
                    reason!("api-slot-unavailable"),
                )
            },
            BookingError::NotBookable(reason) => Self {
                message: format!("start: {reason}"),
                reason: Some(Box::new(unavailable_reason(&reason))),
                details: json!([{ "field": "start", "message": reason.to_string(), "reason": reason_code(&reason) }]),
                ..Self::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "not_bookable",
                    String::new(),
                )
            },
            BookingError::IdempotencyKeyReused => Self::translated(
                StatusCode::UNPROCESSABLE_ENTITY,
                "idempotency_key_reused",
                reason!("api-idempotency-key-reused"),
            ),
            BookingError::WrongState(reason) => {
                Self::translated(StatusCode::CONFLICT, "invalid_state", reason)
            }
            BookingError::RateLimited { cap, retry_after } => {
                let seconds = crate::auth::throttle::retry_after_seconds(retry_after);
                let reason = reason!("api-booking-cap", cap = cap.kind(), seconds = seconds);
                Self {
                    message: reason.text(Language::English),
                    reason: Some(Box::new(reason)),
                    ..Self::too_many_requests("bookings", retry_after)
                }
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

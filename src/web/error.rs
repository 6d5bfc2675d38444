//! The web layer's one error type, and how each case answers.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;

use crate::auth::{AccountError, SignInError};
use crate::db::DbError;
use crate::setup::SetupError;
use crate::t;
use crate::web::layout;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("page not found")]
    NotFound,
    #[error("sign-in required")]
    SignInRequired { next: String },
    #[error("forbidden")]
    Forbidden,
    #[error("two-step verification must be set up first")]
    MfaEnrollmentRequired,
    #[error("the form has expired")]
    Csrf,
    #[error("too many requests")]
    TooManyRequests {
        retry_after_seconds: i64,
        message: String,
    },
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("{0}")]
    Internal(String),
}

impl From<SignInError> for WebError {
    fn from(err: SignInError) -> Self {
        match err {
            SignInError::Db(err) => WebError::Db(err),
            other => WebError::Internal(other.to_string()),
        }
    }
}

impl From<AccountError> for WebError {
    fn from(err: AccountError) -> Self {
        match err {
            AccountError::Db(err) => WebError::Db(err),
            other => WebError::Internal(other.to_string()),
        }
    }
}

impl From<SetupError> for WebError {
    fn from(err: SetupError) -> Self {
        match err {
            SetupError::Db(err) => WebError::Db(err),
            SetupError::AlreadyDone => WebError::NotFound,
            other => WebError::Internal(other.to_string()),
        }
    }
}

impl From<rusqlite::Error> for WebError {
    fn from(err: rusqlite::Error) -> Self {
        WebError::Db(DbError::from(err))
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let lang = crate::web::ctx::request_language();
        let (status, title, message) = match &self {
            WebError::NotFound => (
                StatusCode::NOT_FOUND,
                t!(lang, "error-not-found"),
                t!(lang, "error-not-found-text"),
            ),
            WebError::SignInRequired { next } => {
                let target = format!("/login?next={}", urlencode(next));
                return Redirect::to(&target).into_response();
            }
            WebError::MfaEnrollmentRequired => {
                return Redirect::to("/dashboard/settings/mfa").into_response();
            }
            WebError::Forbidden => (
                StatusCode::FORBIDDEN,
                t!(lang, "error-forbidden"),
                t!(lang, "error-forbidden-text"),
            ),
            WebError::Csrf => (
                StatusCode::FORBIDDEN,
                t!(lang, "error-csrf"),
                t!(lang, "error-csrf-text"),
            ),
            WebError::TooManyRequests { message, .. } => (
                StatusCode::TOO_MANY_REQUESTS,
                t!(lang, "error-too-many"),
                message.clone(),
            ),
            WebError::Db(err) => {
                tracing::error!(error = %err, "database error while serving a request");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    t!(lang, "error-internal"),
                    t!(lang, "error-internal-text"),
                )
            }
            WebError::Internal(err) => {
                tracing::error!(error = %err, "error while serving a request");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    t!(lang, "error-internal"),
                    t!(lang, "error-internal-text"),
                )
            }
        };
        let body = layout::message_page(
            lang,
            &title,
            html! {
                p { (message) }
                p { a href="/" { (t!(lang, "error-home")) } }
            },
        );
        let mut response = (status, body).into_response();
        if let WebError::TooManyRequests {
            retry_after_seconds,
            ..
        } = self
            && let Ok(value) = HeaderValue::from_str(&retry_after_seconds.max(1).to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response
    }
}

/// Percent-encodes a query parameter value.
pub fn urlencode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

//! The web layer's one error type, and how each case answers.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;

use crate::auth::{AccountError, SignInError};
use crate::db::DbError;
use crate::setup::SetupError;
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
        let (status, title, message) = match &self {
            WebError::NotFound => (
                StatusCode::NOT_FOUND,
                "Page not found",
                "There is nothing at this address. Check the link, or start again from the home page.".to_string(),
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
                "Not allowed",
                "Your account may not open this page.".to_string(),
            ),
            WebError::Csrf => (
                StatusCode::FORBIDDEN,
                "This form has expired",
                "Go back, reload the page and submit the form again.".to_string(),
            ),
            WebError::TooManyRequests { message, .. } => (
                StatusCode::TOO_MANY_REQUESTS,
                "Too many attempts",
                message.clone(),
            ),
            WebError::Db(err) => {
                tracing::error!(error = %err, "database error while serving a request");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Something went wrong",
                    "The request could not be completed. Try again; if it keeps happening, the administrator will find details in the log.".to_string(),
                )
            }
            WebError::Internal(err) => {
                tracing::error!(error = %err, "error while serving a request");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Something went wrong",
                    "The request could not be completed. Try again; if it keeps happening, the administrator will find details in the log.".to_string(),
                )
            }
        };
        let body = layout::message_page(
            crate::web::ctx::request_language(),
            title,
            html! {
                p { (message) }
                p { a href="/" { "Go to the home page" } }
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

//! The second line of defence: a panic while answering a request becomes a logged `500`
//! for that request, never the end of the process.
//!
//! Input is range-checked where it is parsed, so a panic here is a bug to fix; this keeps
//! one bug from taking the service down for everyone while it is found. The panic is
//! logged with the words "request handler panicked" and where it happened (the panic hook
//! in `main` also logs its message); the client gets the same answer as for any other
//! internal error, in the API's JSON format under `/api/`, as a page elsewhere.

use std::panic::AssertUnwindSafe;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::FutureExt;

use crate::web::WebError;
use crate::web::api::error::ApiError;

pub async fn catch_panic(request: Request, next: Next) -> Response {
    let api = request.uri().path().starts_with("/api/");
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    match AssertUnwindSafe(next.run(request)).catch_unwind().await {
        Ok(response) => response,
        Err(_) => {
            tracing::error!(%method, %path, "request handler panicked; answered 500");
            let reason = "a request handler panicked";
            if api {
                ApiError::internal(&reason).into_response()
            } else {
                WebError::Internal(reason.to_string()).into_response()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use axum::Router;
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use axum::middleware;
    use axum::routing::get;
    use tower::ServiceExt;

    async fn broken() -> &'static str {
        let dates: Vec<i32> = Vec::new();
        if dates.is_empty() {
            panic!("a bug in a handler");
        }
        "unreachable"
    }

    fn app() -> Router {
        Router::new()
            .route("/page", get(broken))
            .route("/api/v1/thing", get(broken))
            .route("/fine", get(|| async { "fine" }))
            .layer(middleware::from_fn(super::catch_panic))
    }

    async fn get_status(path: &str) -> (StatusCode, String) {
        let response = app()
            .oneshot(Request::get(path).body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let body = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .unwrap();
        (status, String::from_utf8_lossy(&body).into_owned())
    }

    #[tokio::test]
    async fn a_panicking_handler_answers_500_and_others_still_answer() {
        let (status, body) = get_status("/api/v1/thing").await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(body.contains("\"code\":\"internal\""), "{body}");
        let (status, body) = get_status("/page").await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(body.contains("Something went wrong"), "{body}");
        assert_eq!(get_status("/fine").await.0, StatusCode::OK);
    }
}

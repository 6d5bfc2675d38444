//! Liveness and readiness probes for service managers and load balancers.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::json;

use crate::app::AppState;

/// 200 while the process serves requests.
pub async fn healthz() -> &'static str {
    "ok"
}

/// 200 only when the database answers and its schema is the one this binary expects.
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, Json<serde_json::Value>) {
    match state.db.schema_status().await {
        Ok(status) if status.is_current() => (
            StatusCode::OK,
            Json(json!({ "status": "ready", "schemaVersion": status.current })),
        ),
        Ok(status) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({
                "status": "unavailable",
                "reason": format!(
                    "database schema is version {}, this binary expects {}",
                    status.current, status.latest
                ),
            })),
        ),
        Err(err) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({
                "status": "unavailable",
                "reason": format!("database not available: {err}"),
            })),
        ),
    }
}

//! The web server: routes, middleware and pages.
//!
//! Handlers are thin: they parse the request, call one service function and render.

mod account;
pub mod api;
pub mod assets;
mod ctx;
mod dashboard;
mod error;
mod extract;
pub(crate) mod format;
mod health;
mod layout;
mod metrics;
mod outcome;
mod panic_guard;
mod public;
pub(crate) mod setup;
pub mod shown_once;
mod sso;
mod updates;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

use crate::app::AppState;
pub use ctx::{CsrfForm, Ctx};
pub use error::WebError;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Content-Security-Policy for every page: no inline script or style, no framing.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
frame-ancestors 'none'";

pub fn router(state: AppState) -> Router {
    let request_metrics = metrics::Metrics::new();
    Router::new()
        .route("/", get(home))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/assets/{file}", get(assets::serve))
        .route("/setup", get(setup::start_page))
        .route("/setup/admin", post(setup::create_admin))
        .route("/setup/instance", get(setup::instance_page).post(setup::save_instance))
        .route("/setup/email", get(setup::email_page).post(setup::save_email))
        .route("/login", get(account::login_page).post(account::login))
        .route(
            "/login/mfa",
            get(account::second_factor_page).post(account::second_factor),
        )
        .route(
            "/login/forgot",
            get(account::forgot_page).post(account::forgot),
        )
        .route("/login/sso", get(sso::start))
        .route(crate::auth::sso::CALLBACK_PATH, get(sso::callback))
        .route("/logout", post(account::logout))
        .route("/session/extend", post(account::extend_session))
        .route("/reset/{token}", get(account::reset_page).post(account::reset))
        .route(
            "/login/unlock/{token}",
            get(account::unlock_page).post(account::unlock),
        )
        .route(
            "/invite/{token}",
            get(account::invitation_page).post(account::accept_invitation),
        )
        .route("/dashboard", get(dashboard::home))
        .merge(dashboard::router())
        .route("/booking/{uid}", get(public::booking_page))
        .route("/booking/{uid}/calendar.ics", get(public::ics))
        .route("/booking/{uid}/cancel", post(public::cancel))
        .route("/booking/{uid}/pay", get(public::pay))
        .route(crate::integrations::payments::WEBHOOK_PATH, post(public::stripe_webhook))
        .route("/booking/{uid}/reschedule", post(public::reschedule))
        .route("/team/{team}", get(public::team_profile))
        .route(
            "/team/{team}/{slug}",
            get(public::team_booker).post(public::team_book),
        )
        .route("/{username}", get(public::profile))
        .route(
            "/{username}/{slug}",
            get(public::user_booker).post(public::user_book),
        )
        .merge(api::router())
        .route("/metrics", get(metrics::serve))
        .route("/admin/update-checks", post(updates::toggle))
        .method_not_allowed_fallback(back_to_form_page)
        .fallback(not_found)
        .layer(middleware::from_fn(panic_guard::catch_panic))
        .layer(middleware::from_fn_with_state(state.clone(), setup_guard))
        .layer(middleware::from_fn(ctx::ensure_csrf_cookie))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            ctx::choose_language,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security_headers,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            ctx::resolve_client,
        ))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(
            TraceLayer::new_for_http().make_span_with(|request: &Request<Body>| {
                let id = request
                    .headers()
                    .get(&REQUEST_ID)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("-");
                // The path only: query strings can carry tokens.
                tracing::info_span!("request", id, method = %request.method(), path = %request.uri().path())
            }),
        )
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        .layer(middleware::from_fn_with_state(
            request_metrics.clone(),
            metrics::track,
        ))
        .layer(axum::Extension(request_metrics))
        .with_state(state)
}

async fn home(ctx: Ctx) -> Redirect {
    if ctx.user.is_some() {
        Redirect::to("/dashboard")
    } else {
        Redirect::to("/login")
    }
}

async fn not_found() -> WebError {
    WebError::NotFound
}

/// A GET of a dashboard URL that only takes a form's POST (a reload, back or a bookmark
/// of where a form was sent) goes to the page the form is on, not to a bare 405.
async fn back_to_form_page(method: Method, uri: Uri) -> Response {
    let path = uri.path();
    if (method == Method::GET || method == Method::HEAD) && path.starts_with("/dashboard/") {
        Redirect::to(&form_page_of(path)).into_response()
    } else {
        StatusCode::METHOD_NOT_ALLOWED.into_response()
    }
}

/// Collections whose items have no page of their own: their forms are on the
/// collection's page (`/dashboard/settings/api-keys/3/revoke` → `…/api-keys` → settings).
const ITEMS_WITHOUT_PAGE: [&str; 6] = [
    "api-keys",
    "users",
    "invitations",
    "members",
    "calendars",
    "jobs",
];

/// The page a POST-only dashboard path belongs to: its parent, skipping items that
/// have no page. A parent that only takes POST itself redirects once more.
fn form_page_of(path: &str) -> String {
    let mut segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    segments.pop();
    if segments.len() > 3
        && ITEMS_WITHOUT_PAGE.contains(&segments[segments.len() - 2])
        && !segments[segments.len() - 1].is_empty()
    {
        segments.pop();
    }
    match segments.join("/") {
        parent if parent.len() > "/dashboard".len() => parent,
        _ => "/dashboard".to_string(),
    }
}

/// Browsers keep to HTTPS for a year after seeing this over a TLS connection.
const HSTS: &str = "max-age=31536000";

async fn security_headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    // Only Kairos's own TLS listener says so; a proxy in front sets its own policy.
    if state.tls.is_some() {
        set(headers, header::STRICT_TRANSPORT_SECURITY, HSTS);
    }
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::REFERRER_POLICY, "same-origin");
    // A page that set its own policy (public booking pages, which may be embedded) decides
    // about framing there.
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        set(headers, header::X_FRAME_OPTIONS, "DENY");
    }
    set(headers, header::CONTENT_SECURITY_POLICY, CSP);
    set(
        headers,
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=()",
    );
    set(
        headers,
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Sets a header unless the handler set it already.
fn set(headers: &mut axum::http::HeaderMap, name: HeaderName, value: &'static str) {
    headers
        .entry(name)
        .or_insert(HeaderValue::from_static(value));
}

/// Until setup is complete, only the setup pages, sign-in, health checks and assets answer;
/// everything else shows where to find the setup URL. Whether it is complete is read
/// again from the database on each request until it is.
async fn setup_guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if let Err(err) = state.refresh_setup().await {
        tracing::warn!(error = %err, "cannot read whether setup is complete");
    }
    if state.setup.is_completed() {
        return next.run(request).await;
    }
    let path = request.uri().path();
    let open = path == "/healthz"
        || path == "/readyz"
        || path == "/metrics"
        || path.starts_with("/assets/")
        || path == "/setup"
        || path.starts_with("/setup/");
    // Once the owner exists, they sign in and finish the wizard.
    let after_owner = state.setup.admin_exists()
        && (matches!(
            path,
            "/login" | "/login/mfa" | "/logout" | "/dashboard" | "/"
        ) || path.starts_with("/reset/"));
    if open || after_owner {
        return next.run(request).await;
    }
    setup::required_page(&state).into_response()
}

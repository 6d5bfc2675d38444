//! Single sign-on pages: leaving for the identity provider, and coming back from it.

use axum::extract::Query;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::auth::sso::{Callback, SsoError};
use crate::web::account::{login_form, safe_next};
use crate::web::layout::capitalize;
use crate::web::{Ctx, WebError};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StartQuery {
    next: String,
}

/// `GET /login/sso`: sends the browser to the provider.
pub async fn start(ctx: Ctx, Query(query): Query<StartQuery>) -> Result<Response, WebError> {
    let next = safe_next(&query.next);
    if ctx.user.is_some() {
        return Ok(Redirect::to(next).into_response());
    }
    let state = &ctx.state;
    let result = state
        .sso
        .begin(
            &state.db,
            ctx.browser_cookie(),
            &state.base_url(),
            next,
            state.admin_outbound_policy(),
            &ctx.origin(),
            state.clock.now(),
        )
        .await;
    match result {
        Ok(url) => Ok(Redirect::to(&url).into_response()),
        Err(err) => refused(&ctx, &query.next, err).await,
    }
}

/// `GET /login/sso/callback`: the provider sends the browser back with a code.
pub async fn callback(ctx: Ctx, Query(callback): Query<Callback>) -> Result<Response, WebError> {
    let state = &ctx.state;
    let result = state
        .sso
        .complete(
            &state.db,
            state.session_policy(),
            state.admin_outbound_policy(),
            &callback,
            ctx.browser_cookie(),
            &state.base_url(),
            &ctx.origin(),
            state.clock.now(),
        )
        .await;
    match result {
        Ok(done) => {
            let mut headers = HeaderMap::new();
            if let Ok(cookie) = HeaderValue::from_str(&ctx.session_cookie(&done.signed_in.token)) {
                headers.insert(header::SET_COOKIE, cookie);
            }
            Ok((headers, Redirect::to(safe_next(&done.next))).into_response())
        }
        Err(err) => refused(&ctx, "", err).await,
    }
}

/// The sign-in page with the reason single sign-on did not work.
async fn refused(ctx: &Ctx, next: &str, err: SsoError) -> Result<Response, WebError> {
    if let SsoError::Db(err) = err {
        return Err(err.into());
    }
    let status = match &err {
        SsoError::Db(_) => StatusCode::INTERNAL_SERVER_ERROR,
        SsoError::NotEnabled => StatusCode::NOT_FOUND,
        SsoError::Configuration(_)
        | SsoError::Unreachable(_)
        | SsoError::Outbound(_)
        | SsoError::Provider(_) => StatusCode::BAD_GATEWAY,
        SsoError::State | SsoError::Token(_) => StatusCode::BAD_REQUEST,
        SsoError::Denied
        | SsoError::EmailNotVerified
        | SsoError::NoAccount
        | SsoError::Disabled => StatusCode::FORBIDDEN,
    };
    let message = match &err {
        // Account problems get one message, so the page does not tell which emails exist.
        SsoError::NoAccount | SsoError::Disabled => {
            "Single sign-on worked, but there is no enabled account here for your email address. Ask an administrator.".to_string()
        }
        // The administrator sees the host and the reason in the settings; visitors do not
        // learn internal addresses.
        SsoError::Outbound(_) => {
            "Single sign-on cannot reach the identity provider from here. Tell an administrator.".to_string()
        }
        SsoError::Token(_) => {
            "The identity provider's answer could not be verified. Try again; if it keeps happening, tell an administrator.".to_string()
        }
        other => format!("{}.", capitalize(other.to_string().trim_end_matches('.'))),
    };
    let page = login_form(ctx, "", next, Some(("error", &message))).await?;
    Ok((status, page).into_response())
}

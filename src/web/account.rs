//! Signing in and out, and one-time password links.

use axum::Form;
use axum::extract::{Path, Query};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;

use crate::audit;
use crate::auth::{self, AccountError, SignInError};
use crate::error::FieldErrors;
use crate::web::layout::{Field, card_page, csrf_field, error_summary, field, notice};
use crate::web::{CsrfForm, Ctx, WebError};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginQuery {
    next: String,
    notice: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LoginForm {
    csrf: String,
    email: String,
    password: String,
    next: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PasswordForm {
    csrf: String,
    password: String,
    password_confirm: String,
}

/// Messages that redirects may ask a page to show (by key, so no text travels in URLs).
pub fn notice_text(key: &str) -> Option<&'static str> {
    match key {
        "signed-out" => Some("You are signed out."),
        "password-changed" => Some("Your password is changed. Sign in with the new one."),
        "setup-complete" => Some("Setup is complete. Welcome to Kairos."),
        "session-ended" => Some("Your session ended. Sign in again to continue."),
        _ => None,
    }
}

/// Only local paths are followed after sign-in, never another site.
pub fn safe_next(next: &str) -> &str {
    if next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') {
        next
    } else {
        "/dashboard"
    }
}

/// The sign-in page: the single sign-on button when it is on, the password form unless
/// "SSO only" hides it.
pub fn login_form(ctx: &Ctx, email: &str, next: &str, message: Option<(&str, &str)>) -> Markup {
    let org = ctx.state.settings().organization_name;
    let sso = ctx.state.sso.settings();
    let passwords = password_sign_in_allowed(ctx);
    let sso_link = if next.is_empty() {
        "/login/sso".to_string()
    } else {
        format!(
            "/login/sso?next={}",
            crate::web::error::urlencode(safe_next(next))
        )
    };
    let body = html! {
        h1 { "Sign in" }
        @if let Some((kind, text)) = message { (notice(kind, text)) }
        @if sso.active() {
            a.button.wide.sso-button.primary[!passwords].ghost[passwords] href=(sso_link) { (sso.button_label) }
            @if passwords { p.divider aria-hidden="true" { span { "or with your password" } } }
        }
        @if passwords {
            form method="post" action="/login" {
                (csrf_field(&ctx.csrf_token()))
                input type="hidden" name="next" value=(next);
                (field(&Field { name: "email", label: "Email", kind: "email", value: email, autocomplete: Some("username"), required: true, autofocus: email.is_empty(), ..Field::default() }, &FieldErrors::new()))
                (field(&Field { name: "password", label: "Password", kind: "password", autocomplete: Some("current-password"), required: true, autofocus: !email.is_empty(), ..Field::default() }, &FieldErrors::new()))
                button.button.primary.wide type="submit" { "Sign in" }
            }
            p.muted.small { "Forgot your password? Ask an administrator for a reset link." }
        } @else {
            p.muted.small { "This organization signs in through its identity provider only." }
        }
    };
    card_page("Sign in", &org, body)
}

/// Whether this instance takes passwords now (see [`crate::auth::sso::Sso::password_sign_in_allowed`]).
fn password_sign_in_allowed(ctx: &Ctx) -> bool {
    ctx.state
        .sso
        .password_sign_in_allowed(ctx.state.config.allow_password_sign_in)
}

pub async fn login_page(ctx: Ctx, Query(query): Query<LoginQuery>) -> Response {
    if ctx.user.is_some() {
        return Redirect::to(safe_next(&query.next)).into_response();
    }
    let message = notice_text(&query.notice).map(|text| ("success", text));
    login_form(&ctx, "", &query.next, message).into_response()
}

pub async fn login(ctx: Ctx, Form(form): Form<LoginForm>) -> Result<Response, WebError> {
    ctx.verify_csrf(&form.csrf)?;
    let state = &ctx.state;
    if !password_sign_in_allowed(&ctx) {
        let now = state.clock.now();
        let (actor, outcome) = (audit::Actor::Anonymous, audit::Outcome::Denied);
        let object = Some("reason:sso_only".to_string());
        audit::record_alone(
            &state.db,
            now,
            actor,
            "sign_in",
            object,
            outcome,
            &ctx.origin(),
        )
        .await?;
        let message = "Password sign-in is turned off here. Use single sign-on.";
        let page = login_form(&ctx, "", &form.next, Some(("error", message)));
        return Ok((StatusCode::FORBIDDEN, page).into_response());
    }
    let result = auth::sign_in(
        &state.db,
        &state.throttle,
        state.session_policy,
        &form.email,
        &form.password,
        &ctx.origin(),
        state.clock.now(),
    )
    .await;
    match result {
        Ok(signed_in) => {
            let mut headers = HeaderMap::new();
            if let Ok(cookie) = HeaderValue::from_str(&ctx.session_cookie(&signed_in.token)) {
                headers.insert(header::SET_COOKIE, cookie);
            }
            Ok((headers, Redirect::to(safe_next(&form.next))).into_response())
        }
        Err(err @ SignInError::WrongCredentials) => {
            let page = login_form(
                &ctx,
                &form.email,
                &form.next,
                Some(("error", &err.to_string())),
            );
            Ok((StatusCode::UNAUTHORIZED, page).into_response())
        }
        Err(err @ SignInError::Throttled { retry_after }) => {
            let page = login_form(
                &ctx,
                &form.email,
                &form.next,
                Some(("error", &err.to_string())),
            );
            let mut response = (StatusCode::TOO_MANY_REQUESTS, page).into_response();
            if let Ok(value) = HeaderValue::from_str(&retry_after.num_seconds().max(1).to_string())
            {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            Ok(response)
        }
        Err(err) => Err(err.into()),
    }
}

pub async fn logout(ctx: Ctx, Form(form): Form<CsrfForm>) -> Result<Response, WebError> {
    ctx.verify_csrf(&form.csrf)?;
    if let (Some(token), Some(user)) = (ctx.session_token(), &ctx.user) {
        let now = ctx.state.clock.now();
        auth::sign_out(&ctx.state.db, token, user.id, &ctx.origin(), now).await?;
    }
    let mut headers = HeaderMap::new();
    if let Ok(cookie) = HeaderValue::from_str(&ctx.clear_session_cookie()) {
        headers.insert(header::SET_COOKIE, cookie);
    }
    Ok((headers, Redirect::to("/login?notice=signed-out")).into_response())
}

fn password_form(ctx: &Ctx, token: &str, errors: &FieldErrors) -> Markup {
    let org = ctx.state.settings().organization_name;
    let body = html! {
        h1 { "Choose a new password" }
        (error_summary(errors))
        form method="post" action=(format!("/reset/{token}")) {
            (csrf_field(&ctx.csrf_token()))
            (field(&Field { name: "password", label: "New password", kind: "password", autocomplete: Some("new-password"), required: true, autofocus: true, minlength: Some(12), hint: Some("At least 12 characters."), ..Field::default() }, errors))
            (field(&Field { name: "password_confirm", label: "Repeat the password", kind: "password", autocomplete: Some("new-password"), required: true, ..Field::default() }, errors))
            button.button.primary.wide type="submit" { "Set password" }
        }
    };
    card_page("New password", &org, body)
}

fn invalid_link_page(ctx: &Ctx) -> Response {
    let org = ctx.state.settings().organization_name;
    let body = html! {
        h1 { "This link cannot be used" }
        p { "It has been used already, has expired (links last 30 minutes), or was copied incompletely. Ask an administrator for a new one." }
        p { a href="/login" { "Go to sign-in" } }
    };
    (StatusCode::GONE, card_page("Link not valid", &org, body)).into_response()
}

/// Refuses a client with too many failed password link uses.
fn check_link_rate(ctx: &Ctx) -> Result<(), WebError> {
    let now = ctx.state.clock.now();
    ctx.state
        .rate_limits
        .password_link(ctx.address, now)
        .map_err(|wait| {
            let seconds = crate::auth::throttle::retry_after_seconds(wait);
            WebError::TooManyRequests {
                retry_after_seconds: seconds,
                message: format!(
                    "Too many invalid password links were tried from this network. Try again in {} minutes.",
                    (seconds + 59) / 60
                ),
            }
        })
}

/// Counts and audits a use of an invalid, used or expired link.
async fn link_failed(ctx: &Ctx) -> Result<Response, WebError> {
    let now = ctx.state.clock.now();
    ctx.state.rate_limits.password_link_failed(ctx.address, now);
    let (actor, outcome) = (audit::Actor::Anonymous, audit::Outcome::Failure);
    let action = "password_reset_by_link";
    audit::record_alone(
        &ctx.state.db,
        now,
        actor,
        action,
        None,
        outcome,
        &ctx.origin(),
    )
    .await?;
    Ok(invalid_link_page(ctx))
}

pub async fn reset_page(ctx: Ctx, Path(token): Path<String>) -> Result<Response, WebError> {
    check_link_rate(&ctx)?;
    if !auth::password_link_valid(&ctx.state.db, &token, ctx.state.clock.now()).await? {
        return link_failed(&ctx).await;
    }
    Ok(password_form(&ctx, &token, &FieldErrors::new()).into_response())
}

pub async fn reset(
    ctx: Ctx,
    Path(token): Path<String>,
    Form(form): Form<PasswordForm>,
) -> Result<Response, WebError> {
    ctx.verify_csrf(&form.csrf)?;
    check_link_rate(&ctx)?;
    if form.password != form.password_confirm {
        let mut errors = FieldErrors::new();
        errors.add("password_confirm", "does not match the password");
        let page = password_form(&ctx, &token, &errors);
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let now = ctx.state.clock.now();
    match auth::redeem_password_link(&ctx.state.db, &token, form.password, &ctx.origin(), now).await
    {
        Ok(_) => {
            let mut headers = HeaderMap::new();
            if let Ok(cookie) = HeaderValue::from_str(&ctx.clear_session_cookie()) {
                headers.insert(header::SET_COOKIE, cookie);
            }
            Ok((headers, Redirect::to("/login?notice=password-changed")).into_response())
        }
        Err(AccountError::Invalid(errors)) => {
            let page = password_form(&ctx, &token, &errors);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(AccountError::InvalidLink) => link_failed(&ctx).await,
        Err(err) => Err(err.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(safe_next("/dashboard?x=1"), "/dashboard?x=1");
        assert_eq!(safe_next("//evil.example"), "/dashboard");
        assert_eq!(safe_next("https://evil.example"), "/dashboard");
        assert_eq!(safe_next("/\\evil.example"), "/dashboard");
        assert_eq!(safe_next(""), "/dashboard");
    }
}

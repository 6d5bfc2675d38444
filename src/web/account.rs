//! Signing in and out, and one-time password links.

use axum::extract::{Path, Query};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;

use crate::audit;
use crate::auth::mfa::{self, MfaError, PENDING_COOKIE};
use crate::auth::{self, AccountError, Credentials, SignInError, SignInStep, unlock};
use crate::model::error::FieldErrors;
use crate::present::Language;
use crate::t;
use crate::web::extract::PostedForm;
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
pub fn notice_text(lang: Language, key: &str) -> Option<String> {
    let id = match key {
        "signed-out" => "notice-signed-out",
        "password-changed" => "notice-password-changed",
        "setup-complete" => "notice-setup-complete",
        "session-ended" => "notice-session-ended",
        "signed-out-everywhere" => "notice-signed-out-everywhere",
        "second-factor-expired" => "notice-second-factor-expired",
        "unlocked" => "notice-unlocked",
        _ => return None,
    };
    Some(crate::i18n::message(lang, id, None))
}

/// Only local paths are followed after sign-in, never another site: `next` must be a path
/// on this server (`/` then not `/`), written in visible ASCII (no control characters,
/// which browsers drop, and no spaces), without backslashes (which browsers read as `/`),
/// and resolve to this origin. Anything else leads to the dashboard.
pub fn safe_next(next: &str) -> &str {
    const FALLBACK: &str = "/dashboard";
    let visible = next.bytes().all(|b| b.is_ascii_graphic() && b != b'\\');
    let rooted = next.starts_with('/') && !next.starts_with("//");
    if !(visible && rooted) {
        return FALLBACK;
    }
    let Ok(base) = url::Url::parse("http://kairos.invalid/") else {
        return FALLBACK;
    };
    match base.join(next) {
        Ok(joined) if joined.origin() == base.origin() => next,
        _ => FALLBACK,
    }
}

/// The sign-in page: the single sign-on button when it is on, the password form unless
/// "SSO only" hides it.
pub async fn login_form(
    ctx: &Ctx,
    email: &str,
    next: &str,
    message: Option<(&str, &str)>,
) -> Result<Markup, WebError> {
    let org = ctx.state.settings().organization_name;
    let mail = mail_configured(ctx).await?;
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
    let lang = ctx.lang;
    let body = html! {
        h1 { (t!(lang, "sign-in")) }
        @if let Some((kind, text)) = message { (notice(kind, text)) }
        @if sso.active() {
            a.button.wide.sso-button.primary[!passwords].ghost[passwords] href=(sso_link) { (sso.button_label) }
            @if passwords { p.divider aria-hidden="true" { span { (t!(lang, "sign-in-or-password")) } } }
        }
        @if passwords {
            form method="post" action="/login" {
                (csrf_field(&ctx.csrf_token()))
                input type="hidden" name="next" value=(next);
                (field(&Field { name: "email", label: &t!(lang, "sign-in-email"), kind: "email", value: email, autocomplete: Some("username"), required: true, autofocus: email.is_empty(), ..Field::default() }, &FieldErrors::new()))
                (field(&Field { name: "password", label: &t!(lang, "sign-in-password"), kind: "password", autocomplete: Some("current-password"), required: true, autofocus: !email.is_empty(), ..Field::default() }, &FieldErrors::new()))
                button.button.primary.wide type="submit" { (t!(lang, "sign-in")) }
            }
            @if mail {
                p.small { a href="/login/forgot" { (t!(lang, "sign-in-forgot")) } }
            } @else {
                p.muted.small { (t!(lang, "sign-in-forgot-ask")) }
            }
        } @else {
            p.muted.small { (t!(lang, "sign-in-sso-only")) }
        }
    };
    Ok(card_page(lang, &t!(lang, "sign-in"), &org, body))
}

/// Whether this instance takes passwords now (see [`crate::auth::sso::Sso::password_sign_in_allowed`]).
fn password_sign_in_allowed(ctx: &Ctx) -> bool {
    ctx.state
        .sso
        .password_sign_in_allowed(ctx.state.config.allow_password_sign_in)
}

pub async fn login_page(ctx: Ctx, Query(query): Query<LoginQuery>) -> Result<Response, WebError> {
    if ctx.user.is_some() {
        return Ok(Redirect::to(safe_next(&query.next)).into_response());
    }
    let message = notice_text(ctx.lang, &query.notice);
    Ok(login_form(
        &ctx,
        "",
        &query.next,
        message.as_deref().map(|text| ("success", text)),
    )
    .await?
    .into_response())
}

/// The cookie that tells the sign-in throttle which accounts this browser signed in to
/// (see [`crate::auth::throttle`]). Only sign-in pages receive it.
pub const KNOWN_BROWSER_COOKIE: &str = "kairos_known";

fn known_browser(headers: &HeaderMap) -> Option<String> {
    crate::web::ctx::cookie(headers, KNOWN_BROWSER_COOKIE).filter(|value| value.len() <= 1024)
}

/// A `Set-Cookie` value that makes this browser known to the account of `email`.
fn known_browser_cookie(ctx: &Ctx, headers: &HeaderMap, email: &str) -> Option<HeaderValue> {
    let now = ctx.state.clock.now();
    let value = ctx
        .state
        .throttle
        .remember_browser(known_browser(headers).as_deref(), email, now);
    let secure = if ctx.secure_cookies() { "; Secure" } else { "" };
    let max_age = crate::auth::throttle::KNOWN_BROWSER_LIFETIME.num_seconds();
    HeaderValue::from_str(&format!(
        "{KNOWN_BROWSER_COOKIE}={value}; Path=/login; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}"
    ))
    .ok()
}

/// The page that says sign-in waits, with `Retry-After`.
fn throttled_response(page: Markup, retry_after: chrono::Duration) -> Response {
    let mut response = (StatusCode::TOO_MANY_REQUESTS, page).into_response();
    let seconds = crate::auth::throttle::retry_after_seconds(retry_after);
    if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

/// Whether a mail server is set up (its settings can be read).
async fn mail_configured(ctx: &Ctx) -> Result<bool, WebError> {
    let key = ctx.state.key.clone();
    Ok(ctx
        .state
        .db
        .read(move |conn| {
            Ok::<_, crate::db::DbError>(matches!(
                crate::integrations::notify::smtp::load(conn, &key),
                Ok(Some(_))
            ))
        })
        .await?)
}

/// What a throttled person is told: when to try again, and, when a mail server is set
/// up, that the account's owner was emailed a link (said whether or not the account
/// exists).
async fn throttled_message(ctx: &Ctx, err: String) -> Result<String, WebError> {
    Ok(if mail_configured(ctx).await? {
        format!("{err} {}", t!(ctx.lang, "sign-in-throttled-mailed"))
    } else {
        err
    })
}

pub async fn login(
    headers: HeaderMap,
    PostedForm { ctx, form, .. }: PostedForm<LoginForm>,
) -> Result<Response, WebError> {
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
        let message = t!(ctx.lang, "sign-in-passwords-off");
        let page = login_form(&ctx, "", &form.next, Some(("error", &message))).await?;
        return Ok((StatusCode::FORBIDDEN, page).into_response());
    }
    let known = known_browser(&headers);
    let credentials = Credentials {
        email: &form.email,
        password: &form.password,
        known_browser: known.as_deref(),
    };
    let result = auth::sign_in(
        &state.db,
        &state.throttle,
        state.session_policy(),
        credentials,
        &ctx.origin(),
        state.clock.now(),
    )
    .await;
    match result {
        Ok(SignInStep::Done(signed_in)) => {
            let mut response = signed_in_response(&ctx, &signed_in, &form.next);
            if let Some(cookie) = known_browser_cookie(&ctx, &headers, &signed_in.user.email) {
                response.headers_mut().append(header::SET_COOKIE, cookie);
            }
            Ok(response)
        }
        Ok(SignInStep::SecondFactor { pending_token }) => {
            let mut headers = HeaderMap::new();
            if let Ok(cookie) = HeaderValue::from_str(&pending_cookie(&ctx, &pending_token)) {
                headers.insert(header::SET_COOKIE, cookie);
            }
            let target = format!(
                "/login/mfa?next={}",
                crate::web::error::urlencode(safe_next(&form.next))
            );
            Ok((headers, Redirect::to(&target)).into_response())
        }
        Err(SignInError::WrongCredentials) => {
            let page = login_form(
                &ctx,
                &form.email,
                &form.next,
                Some(("error", &t!(ctx.lang, "sign-in-wrong"))),
            )
            .await?;
            Ok((StatusCode::UNAUTHORIZED, page).into_response())
        }
        Err(SignInError::Throttled { retry_after }) => {
            let minutes = (retry_after.num_seconds() + 59) / 60;
            let message =
                throttled_message(&ctx, t!(ctx.lang, "sign-in-throttled", minutes = minutes))
                    .await?;
            let page = login_form(&ctx, &form.email, &form.next, Some(("error", &message))).await?;
            Ok(throttled_response(page, retry_after))
        }
        Err(err) => Err(err.into()),
    }
}

/// The redirect that starts a session in the browser and goes where the person wanted.
fn signed_in_response(ctx: &Ctx, signed_in: &auth::SignedIn, next: &str) -> Response {
    let mut headers = HeaderMap::new();
    if let Ok(cookie) = HeaderValue::from_str(&ctx.session_cookie(&signed_in.token)) {
        headers.append(header::SET_COOKIE, cookie);
    }
    (headers, Redirect::to(safe_next(next))).into_response()
}

/// The cookie that carries a half-session to the second-factor step, only there.
fn pending_cookie(ctx: &Ctx, token: &str) -> String {
    let secure = if ctx.secure_cookies() { "; Secure" } else { "" };
    let max_age = mfa::PENDING_VALIDITY.num_seconds();
    format!(
        "{PENDING_COOKIE}={token}; Path=/login/mfa; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}"
    )
}

fn clear_pending_cookie() -> String {
    format!("{PENDING_COOKIE}=; Path=/login/mfa; HttpOnly; SameSite=Strict; Max-Age=0")
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SecondFactorForm {
    csrf: String,
    code: String,
    next: String,
}

/// What a refused code is told: next to the field, or above the form.
enum CodeProblem<'a> {
    None,
    Field(&'a str),
    Notice(&'a str),
}

fn second_factor_form(ctx: &Ctx, next: &str, problem: CodeProblem<'_>) -> Markup {
    let org = ctx.state.settings().organization_name;
    let mut errors = FieldErrors::new();
    if let CodeProblem::Field(reason) = problem {
        errors.add("code", reason);
    }
    let body = html! {
        h1 { "Two-step verification" }
        @if let CodeProblem::Notice(text) = problem { (notice("error", text)) }
        p.muted { "Open your authenticator app and enter the 6-digit code it shows for " (org) "." }
        form method="post" action="/login/mfa" {
            (csrf_field(&ctx.csrf_token()))
            input type="hidden" name="next" value=(next);
            (field(&Field { name: "code", label: "Code", value: "", autocomplete: Some("one-time-code"), inputmode: Some("numeric"), required: true, autofocus: true, hint: Some("No phone at hand? Enter one of your backup codes instead."), ..Field::default() }, &errors))
            button.button.primary.wide type="submit" { "Verify" }
        }
        p.muted.small { a href="/login" { "Start over" } " · Lost your phone and your backup codes? An administrator can reset two-step verification for you." }
    };
    card_page(ctx.lang, "Two-step verification", &org, body)
}

fn pending_token(ctx_headers: &HeaderMap) -> Option<String> {
    crate::web::ctx::cookie(ctx_headers, PENDING_COOKIE).filter(|t| t.len() == 64)
}

fn second_factor_expired() -> Response {
    let mut headers = HeaderMap::new();
    if let Ok(cookie) = HeaderValue::from_str(&clear_pending_cookie()) {
        headers.insert(header::SET_COOKIE, cookie);
    }
    (headers, Redirect::to("/login?notice=second-factor-expired")).into_response()
}

pub async fn second_factor_page(
    ctx: Ctx,
    headers: HeaderMap,
    Query(query): Query<LoginQuery>,
) -> Result<Response, WebError> {
    let now = ctx.state.clock.now();
    match pending_token(&headers) {
        Some(token) if mfa::pending_valid(&ctx.state.db, &token, now).await? => {
            Ok(second_factor_form(&ctx, &query.next, CodeProblem::None).into_response())
        }
        _ => Ok(second_factor_expired()),
    }
}

pub async fn second_factor(
    headers: HeaderMap,
    PostedForm { ctx, form, .. }: PostedForm<SecondFactorForm>,
) -> Result<Response, WebError> {
    let Some(token) = pending_token(&headers) else {
        return Ok(second_factor_expired());
    };
    let state = &ctx.state;
    let known = known_browser(&headers);
    let result = mfa::complete_sign_in(
        &state.db,
        &state.key,
        &state.throttle,
        state.session_policy(),
        mfa::CodeAttempt {
            pending_token: &token,
            code: &form.code,
            known_browser: known.as_deref(),
        },
        &ctx.origin(),
        state.clock.now(),
    )
    .await;
    match result {
        Ok(signed_in) => {
            let mut response = signed_in_response(&ctx, &signed_in, &form.next);
            if let Ok(cookie) = HeaderValue::from_str(&clear_pending_cookie()) {
                response.headers_mut().append(header::SET_COOKIE, cookie);
            }
            if let Some(cookie) = known_browser_cookie(&ctx, &headers, &signed_in.user.email) {
                response.headers_mut().append(header::SET_COOKIE, cookie);
            }
            Ok(response)
        }
        Err(MfaError::Expired) => Ok(second_factor_expired()),
        Err(MfaError::WrongCode) => {
            let reason = "is not the current code from your app or an unused backup code";
            let page = second_factor_form(&ctx, &form.next, CodeProblem::Field(reason));
            Ok((StatusCode::UNAUTHORIZED, page).into_response())
        }
        Err(err @ MfaError::Throttled { retry_after }) => {
            let text = throttled_message(&ctx, err.to_string()).await?;
            let page = second_factor_form(&ctx, &form.next, CodeProblem::Notice(&text));
            Ok(throttled_response(page, retry_after))
        }
        Err(MfaError::Db(err)) => Err(err.into()),
        Err(err) => Err(WebError::Internal(err.to_string())),
    }
}

pub async fn logout(PostedForm { ctx, .. }: PostedForm<CsrfForm>) -> Result<Response, WebError> {
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

/// "Stay signed in": keeps the session alive and answers how long it now lasts.
pub async fn extend_session(
    PostedForm { ctx, .. }: PostedForm<CsrfForm>,
) -> Result<Response, WebError> {
    let state = &ctx.state;
    let now = state.clock.now();
    let ends_at = match ctx.session_token() {
        Some(token) => auth::extend_session(&state.db, state.session_policy(), token, now).await?,
        None => None,
    };
    let Some(ends_at) = ends_at else {
        let body = axum::Json(
            serde_json::json!({ "error": { "code": "session_ended", "message": "the session has ended; sign in again" } }),
        );
        return Ok((StatusCode::UNAUTHORIZED, body).into_response());
    };
    let left = (ends_at - now).num_seconds().max(0);
    Ok(axum::Json(serde_json::json!({ "sessionEndsIn": left })).into_response())
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
    card_page(ctx.lang, "New password", &org, body)
}

fn invalid_link_page(ctx: &Ctx, action: &str) -> Response {
    let org = ctx.state.settings().organization_name;
    let next = if action == "sign_in_unlock_used" {
        "Sign in again: while sign-in is paused, a new link is emailed (at most once an hour)."
    } else {
        "Ask for a new one with \"Forgot password?\" on the sign-in page, or ask an administrator."
    };
    let body = html! {
        h1 { "This link cannot be used" }
        p { "It has been used already, has expired, or was copied incompletely. " (next) }
        p { a href="/login" { "Go to sign-in" } }
    };
    (
        StatusCode::GONE,
        card_page(ctx.lang, "Link not valid", &org, body),
    )
        .into_response()
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
    one_time_link_failed(ctx, "password_reset_by_link").await
}

/// Counts and audits a use of an invalid, used or expired one-time link (`action`
/// names which kind), and answers with the page that says so.
async fn one_time_link_failed(ctx: &Ctx, action: &'static str) -> Result<Response, WebError> {
    let now = ctx.state.clock.now();
    ctx.state.rate_limits.password_link_failed(ctx.address, now);
    let (actor, outcome) = (audit::Actor::Anonymous, audit::Outcome::Failure);
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
    Ok(invalid_link_page(ctx, action))
}

pub async fn reset_page(ctx: Ctx, Path(token): Path<String>) -> Result<Response, WebError> {
    check_link_rate(&ctx)?;
    if !auth::password_link_valid(&ctx.state.db, &token, ctx.state.clock.now()).await? {
        return link_failed(&ctx).await;
    }
    Ok(password_form(&ctx, &token, &FieldErrors::new()).into_response())
}

pub async fn reset(
    Path(token): Path<String>,
    PostedForm { ctx, form, .. }: PostedForm<PasswordForm>,
) -> Result<Response, WebError> {
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

fn unlock_form(ctx: &Ctx, token: &str) -> Markup {
    let org = ctx.state.settings().organization_name;
    let body = html! {
        h1 { "Let this browser sign in" }
        p { "Sign-in to your account was paused after wrong passwords. Confirm to let this browser sign in again at once; others still wait." }
        form method="post" action=(unlock::link_path(token)) {
            (csrf_field(&ctx.csrf_token()))
            button.button.primary.wide type="submit" { "Let this browser sign in" }
        }
        p.muted.small { "Did not ask for this? Close this page. Nobody can sign in without your password." }
    };
    card_page(ctx.lang, "Unlock sign-in", &org, body)
}

/// `GET /login/unlock/{token}`: the page that confirms an unlock link (a mail scanner
/// opening the link uses nothing up).
pub async fn unlock_page(ctx: Ctx, Path(token): Path<String>) -> Result<Response, WebError> {
    check_link_rate(&ctx)?;
    if !unlock::link_valid(&ctx.state.db, &token, ctx.state.clock.now()).await? {
        return one_time_link_failed(&ctx, "sign_in_unlock_used").await;
    }
    Ok(unlock_form(&ctx, &token).into_response())
}

/// `POST /login/unlock/{token}`: uses the link; this browser becomes known to the account
/// and the failures from its address are forgotten.
pub async fn unlock(
    headers: HeaderMap,
    Path(token): Path<String>,
    PostedForm { ctx, .. }: PostedForm<CsrfForm>,
) -> Result<Response, WebError> {
    check_link_rate(&ctx)?;
    let now = ctx.state.clock.now();
    match unlock::redeem(&ctx.state.db, &token, &ctx.origin(), now).await {
        Ok(email) => {
            ctx.state.throttle.unlock(&email, ctx.address);
            let mut response = Redirect::to("/login?notice=unlocked").into_response();
            if let Some(cookie) = known_browser_cookie(&ctx, &headers, &email) {
                response.headers_mut().append(header::SET_COOKIE, cookie);
            }
            Ok(response)
        }
        Err(AccountError::InvalidLink) => one_time_link_failed(&ctx, "sign_in_unlock_used").await,
        Err(err) => Err(err.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct InvitationForm {
    csrf: String,
    name: String,
    password: String,
    password_confirm: String,
}

crate::web::extract::carries_csrf!(LoginForm, PasswordForm, SecondFactorForm, InvitationForm);

fn invitation_form(
    ctx: &Ctx,
    token: &str,
    invitation: &crate::db::invitations::Invitation,
    name: &str,
    errors: &FieldErrors,
) -> Markup {
    let org = ctx.state.settings().organization_name;
    let body = html! {
        h1 { "Join " (org) }
        p.muted { "You were invited as " strong { (invitation.email) } ". Choose how you appear and your password." }
        (error_summary(errors))
        form method="post" action=(format!("/invite/{token}")) {
            (csrf_field(&ctx.csrf_token()))
            input type="text" name="username" value=(invitation.email) autocomplete="username" hidden;
            (field(&Field { name: "name", label: "Your name", value: name, autocomplete: Some("name"), required: true, autofocus: true, ..Field::default() }, errors))
            (field(&Field { name: "password", label: "Password", kind: "password", autocomplete: Some("new-password"), required: true, minlength: Some(12), hint: Some("At least 12 characters."), ..Field::default() }, errors))
            (field(&Field { name: "password_confirm", label: "Repeat the password", kind: "password", autocomplete: Some("new-password"), required: true, ..Field::default() }, errors))
            button.button.primary.wide type="submit" { "Create my account" }
        }
    };
    card_page(ctx.lang, "Join", &org, body)
}

pub async fn invitation_page(ctx: Ctx, Path(token): Path<String>) -> Result<Response, WebError> {
    check_link_rate(&ctx)?;
    let now = ctx.state.clock.now();
    match crate::invitations::lookup(&ctx.state.db, &token, now).await? {
        Some(invitation) => {
            Ok(invitation_form(&ctx, &token, &invitation, "", &FieldErrors::new()).into_response())
        }
        None => one_time_link_failed(&ctx, "invitation_accepted").await,
    }
}

pub async fn accept_invitation(
    Path(token): Path<String>,
    PostedForm { ctx, form, .. }: PostedForm<InvitationForm>,
) -> Result<Response, WebError> {
    check_link_rate(&ctx)?;
    let state = &ctx.state;
    let now = state.clock.now();
    let Some(invitation) = crate::invitations::lookup(&state.db, &token, now).await? else {
        return one_time_link_failed(&ctx, "invitation_accepted").await;
    };
    let name = form.name.clone();
    let input = crate::invitations::Acceptance {
        name: form.name,
        password: form.password,
        password_confirm: form.password_confirm,
    };
    let zone = state.settings().default_time_zone;
    let result = crate::invitations::accept(
        &state.db,
        state.session_policy(),
        &token,
        input,
        zone,
        &ctx.origin(),
        now,
    )
    .await;
    match result {
        Ok(signed_in) => Ok(signed_in_response(&ctx, &signed_in, "/dashboard")),
        Err(AccountError::Invalid(errors)) => {
            let page = invitation_form(&ctx, &token, &invitation, &name, &errors);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(AccountError::InvalidLink) => one_time_link_failed(&ctx, "invitation_accepted").await,
        Err(err) => Err(err.into()),
    }
}

/// The "Forgot password?" page: the form, or what to do without a mail server.
async fn forgot_form(
    ctx: &Ctx,
    email: &str,
    errors: &FieldErrors,
    message: Option<(&str, &str)>,
) -> Result<Markup, WebError> {
    let org = ctx.state.settings().organization_name;
    let offered = password_sign_in_allowed(ctx) && mail_configured(ctx).await?;
    let minutes = auth::RESET_LINK_VALIDITY.num_minutes();
    let lang = ctx.lang;
    let body = html! {
        h1 { (t!(lang, "sign-in-forgot")) }
        @if let Some((kind, text)) = message { (notice(kind, text)) }
        @if offered {
            p.muted { (t!(lang, "forgot-text", minutes = minutes)) }
            (error_summary(errors))
            form method="post" action="/login/forgot" {
                (csrf_field(&ctx.csrf_token()))
                (field(&Field { name: "email", label: &t!(lang, "sign-in-email"), kind: "email", value: email, autocomplete: Some("username"), required: true, autofocus: true, ..Field::default() }, errors))
                button.button.primary.wide type="submit" { (t!(lang, "forgot-send")) }
            }
        } @else {
            p { (t!(lang, "forgot-ask")) }
        }
        p.small { a href="/login" { (t!(lang, "forgot-back")) } }
    };
    Ok(card_page(lang, &t!(lang, "sign-in-forgot"), &org, body))
}

/// `GET /login/forgot`.
pub async fn forgot_page(ctx: Ctx) -> Result<Response, WebError> {
    if ctx.user.is_some() {
        return Ok(Redirect::to("/dashboard/settings").into_response());
    }
    Ok(forgot_form(&ctx, "", &FieldErrors::new(), None)
        .await?
        .into_response())
}

/// `POST /login/forgot`: emails a password link to the account with this address, if
/// there is one. The answer is the same either way; asking counts against the same
/// limits as signing in with a wrong password.
pub async fn forgot(
    headers: HeaderMap,
    PostedForm { ctx, form, .. }: PostedForm<crate::web::format::FormData>,
) -> Result<Response, WebError> {
    let email = form.get("email").trim().to_string();
    let mut errors = FieldErrors::new();
    if email.is_empty() {
        errors.add("email", "is required");
    } else if let Err(reason) = crate::model::error::check_email(&email) {
        errors.add("email", reason);
    }
    if !errors.is_empty() {
        let page = forgot_form(&ctx, &email, &errors, None).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    if !(password_sign_in_allowed(&ctx) && mail_configured(&ctx).await?) {
        let page = forgot_form(&ctx, &email, &errors, None).await?;
        return Ok((StatusCode::CONFLICT, page).into_response());
    }
    let state = &ctx.state;
    let now = state.clock.now();
    let known = known_browser(&headers);
    let attempt = crate::auth::throttle::Attempt {
        email: &email,
        address: ctx.address,
        known_browser: known.as_deref(),
    };
    if let Err(retry_after) = state.throttle.check(&attempt, now) {
        let minutes = (retry_after.num_seconds() + 59) / 60;
        let message = format!("Too many attempts. Try again in {minutes} minutes.");
        let page = forgot_form(&ctx, &email, &errors, Some(("error", &message))).await?;
        return Ok(throttled_response(page, retry_after));
    }
    state.throttle.record_failure(&attempt, now);
    let (address, origin) = (email.clone(), ctx.origin());
    state
        .db
        .write(move |tx| {
            auth::reset::requested(tx, &address, &origin, now).map_err(crate::db::DbError::from)
        })
        .await?;
    let message = "If an account has this address, a link to choose a new password is on its way. Check your email.";
    let page = forgot_form(&ctx, "", &errors, Some(("success", message))).await?;
    Ok(page.into_response())
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
        // Browsers drop tabs and newlines from URLs: `/\t/evil` would become `//evil`.
        assert_eq!(safe_next("/\t/evil.example/x"), "/dashboard");
        assert_eq!(safe_next("/\n/evil.example/x"), "/dashboard");
        assert_eq!(safe_next("/\r\n/evil.example"), "/dashboard");
        assert_eq!(safe_next("/\u{7f}"), "/dashboard");
        assert_eq!(safe_next("/\u{0}"), "/dashboard");
        assert_eq!(safe_next("/ /evil.example"), "/dashboard");
        assert_eq!(safe_next("/%2F/evil.example"), "/%2F/evil.example");
        assert_eq!(safe_next("/caf\u{e9}"), "/dashboard");
        assert_eq!(safe_next("dashboard"), "/dashboard");
        assert_eq!(
            safe_next("/dashboard/bookings#b1"),
            "/dashboard/bookings#b1"
        );
    }
}

//! Personal settings: profile (name, username, zone, week start, clock), password, API keys.

use axum::extract::{Path, Query};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Weekday;
use maud::{Markup, html};

use crate::accounts::{self, ProfileInput};
use crate::db::DbError;
use crate::db::api_keys::{self, ApiKey};
use crate::db::users::User;
use crate::model::error::FieldErrors;
use crate::present::Language;
use crate::present::Locale;
use crate::t;
use crate::web::dashboard::{NoticeQuery, page_notices, render_status, show_once_at, signed_in};
use crate::web::extract::SignedInForm;
use crate::web::format::FormData;
use crate::web::layout::{
    Field, copy_row, csrf_field, empty_state, field, mark, marked, select_field, textarea_field,
};
use crate::web::outcome::{redirect, saved_or_again};
use crate::web::setup::zone_select;
use crate::web::{Ctx, WebError};

const CURRENT: &str = "/dashboard/settings";

/// Which form failed, with what was typed and why.
#[derive(Default)]
struct Failed {
    profile: Option<(FormData, FieldErrors)>,
    password: FieldErrors,
    key: FieldErrors,
}

async fn page_with(
    ctx: &Ctx,
    user: &User,
    failed: Failed,
    message: Markup,
    status: StatusCode,
) -> Result<Response, WebError> {
    let id = user.id;
    let keys: Vec<ApiKey> = ctx
        .state
        .db
        .read(move |conn| api_keys::list_for_user(conn, id).map_err(DbError::from))
        .await?;
    let csrf = ctx.csrf_token();
    let (profile, profile_errors) = failed.profile.unwrap_or_else(|| {
        (
            FormData(vec![
                ("name".into(), user.name.clone()),
                ("username".into(), user.username.clone()),
                ("time_zone".into(), user.time_zone.name().to_string()),
                ("bio".into(), user.bio.clone()),
                (
                    "first_day_of_week".into(),
                    user.first_day_of_week
                        .map(|d| crate::instance::weekday_name(d).to_string())
                        .unwrap_or_default(),
                ),
                (
                    "time_format".into(),
                    if user.twelve_hour { "12" } else { "24" }.into(),
                ),
                (
                    "language".into(),
                    user.language.map_or("", Language::tag).into(),
                ),
            ]),
            FieldErrors::new(),
        )
    });
    let base = ctx.state.base_url();
    let zone = user.time_zone;
    let mfa_on = crate::auth::mfa::enrolled(&ctx.state.db, user.id).await?;
    let policy = ctx.state.session_policy();
    let lang = ctx.lang;
    let locale = Locale::english(user.twelve_hour).in_language(lang);
    let date =
        |at: chrono::DateTime<chrono::Utc>| locale.long_date(at.with_timezone(&zone).date_naive());
    let week_options = [
        ("", t!(lang, "set-week-organization")),
        ("monday", locale.weekday_long(Weekday::Mon)),
        ("sunday", locale.weekday_long(Weekday::Sun)),
        ("saturday", locale.weekday_long(Weekday::Sat)),
    ];
    let clock_options = [
        ("24", t!(lang, "set-clock-24")),
        ("12", t!(lang, "set-clock-12")),
    ];
    let booking_page = format!("{base}/{}", profile.get("username"));
    let bearer = html! { code { "Authorization: Bearer kairos_…" } };
    let body = html! {
        (message)
        div.page-head { div { h1 { (t!(lang, "nav-settings")) } p.muted { (user.email) } } }
        nav.section-nav aria-label=(t!(lang, "set-sections")) { a href="#profile" { (t!(lang, "set-profile")) } a href="#password" { (t!(lang, "set-password")) } a href="#two-step" { (t!(lang, "set-two-step")) } a href="#sessions" { (t!(lang, "set-sessions")) } a href="#api-keys" { (t!(lang, "set-api-keys")) } a href="/dashboard/webhooks" { (t!(lang, "wh-title")) } }
        div.editor {
            section.panel #profile aria-labelledby="profile-title" {
                h2 #profile-title { (t!(lang, "set-profile")) }
                (crate::web::layout::error_summary(&profile_errors))
                form method="post" action=(format!("{CURRENT}/profile")) data-validate {
                    (csrf_field(&csrf))
                    div.two-col {
                        (field(&Field { name: "name", label: &t!(lang, "set-name"), value: profile.get("name"), required: true, autocomplete: Some("name"), ..Field::default() }, &profile_errors))
                        (field(&Field { name: "username", label: &t!(lang, "set-username"), value: profile.get("username"), required: true, hint: Some(&t!(lang, "set-username-hint", url = booking_page.as_str())), autocomplete: Some("username"), ..Field::default() }, &profile_errors))
                    }
                    (textarea_field("bio", &t!(lang, "set-bio"), profile.get("bio"), Some(&t!(lang, "set-bio-hint")), false, &profile_errors))
                    div.two-col {
                        (zone_select(lang, "time_zone", &t!(lang, "set-time-zone"), profile.get("time_zone"), ctx.state.clock.now(), &profile_errors))
                        (select_field("first_day_of_week", &t!(lang, "home-week-starts"), &week_options, profile.get("first_day_of_week"), None, &profile_errors))
                        (select_field("time_format", &t!(lang, "set-clock"), &clock_options, profile.get("time_format"), None, &profile_errors))
                        (select_field("language", &t!(lang, "profile-language"), &crate::web::layout::language_options(Some(&t!(lang, "profile-language-organization"))), profile.get("language"), None, &profile_errors))
                    }
                    button.button.primary type="submit" { (t!(lang, "set-save-profile")) }
                }
            }
            section.panel #password aria-labelledby="password-title" {
                h2 #password-title { (t!(lang, "set-password")) }
                (crate::web::layout::error_summary(&failed.password))
                form method="post" action=(format!("{CURRENT}/password")) data-validate {
                    (csrf_field(&csrf))
                    input type="text" name="username" value=(user.email) autocomplete="username" hidden;
                    (field(&Field { name: "current_password", label: &t!(lang, "set-current-password"), kind: "password", required: true, autocomplete: Some("current-password"), ..Field::default() }, &failed.password))
                    div.two-col {
                        (field(&Field { name: "new_password", label: &t!(lang, "set-new-password"), kind: "password", required: true, minlength: Some(12), hint: Some(&t!(lang, "set-new-password-hint")), autocomplete: Some("new-password"), ..Field::default() }, &failed.password))
                        (field(&Field { name: "new_password_confirm", label: &t!(lang, "set-repeat-password"), kind: "password", required: true, autocomplete: Some("new-password"), ..Field::default() }, &failed.password))
                    }
                    button.button.primary type="submit" { (t!(lang, "set-change-password")) }
                }
            }
            section.panel #two-step aria-labelledby="two-step-title" {
                h2 #two-step-title { (t!(lang, "set-two-step")) " " @if mfa_on { span.badge.ok { (t!(lang, "set-on")) } } @else { span.badge.warn { (t!(lang, "set-off")) } } }
                p.muted { (t!(lang, "set-two-step-text")) }
                a.button.ghost href="/dashboard/settings/mfa" { @if mfa_on { (t!(lang, "set-manage")) } @else { (t!(lang, "set-set-up")) } }
            }
            section.panel #sessions aria-labelledby="sessions-title" {
                h2 #sessions-title { (t!(lang, "set-sessions")) }
                p.muted {
                    (t!(lang, "set-idle", minutes = policy.idle.num_minutes())) " "
                    (t!(lang, "set-sign-out-everywhere-text"))
                }
                form method="post" action=(format!("{CURRENT}/sign-out-everywhere")) data-confirm=(t!(lang, "set-sign-out-everywhere-confirm")) {
                    (csrf_field(&csrf))
                    button.button.ghost.danger type="submit" { (t!(lang, "set-sign-out-everywhere")) }
                }
            }
            section.panel #api-keys aria-labelledby="keys-title" {
                h2 #keys-title { (t!(lang, "set-api-keys")) }
                p.muted { (marked(&t!(lang, "set-api-keys-text", header = mark(0)), std::slice::from_ref(&bearer))) }
                @if keys.is_empty() {
                    (empty_state(&t!(lang, "set-no-keys"), &t!(lang, "set-no-keys-text"), None))
                } @else {
                    ul.list.compact {
                        @for key in &keys {
                            li {
                                div.list-main {
                                    span.list-title { (key.name) }
                                    div.list-sub {
                                        code { (key.prefix) "…" }
                                        span { (t!(lang, "set-key-created", date = date(key.created_at))) }
                                        span { @match key.last_used_at { Some(at) => { (t!(lang, "set-key-last-used", date = date(at))) }, None => (t!(lang, "set-key-never-used")) } }
                                    }
                                }
                                form method="post" action=(format!("{CURRENT}/api-keys/{}/revoke", key.id)) data-confirm=(t!(lang, "set-revoke-confirm", name = key.name.as_str())) {
                                    (csrf_field(&csrf))
                                    button.button.ghost.small.danger type="submit" { (t!(lang, "set-revoke")) }
                                }
                            }
                        }
                    }
                }
                form.inline-form.spaced method="post" action=(format!("{CURRENT}/api-keys")) data-validate {
                    (csrf_field(&csrf))
                    (field(&Field { name: "name", label: &t!(lang, "set-new-key-name"), required: true, placeholder: Some(&t!(lang, "set-new-key-placeholder")), ..Field::default() }, &failed.key))
                    button.button.primary type="submit" { (t!(lang, "set-create-key")) }
                }
            }
        }
    };
    Ok(render_status(
        ctx,
        user,
        &t!(lang, "nav-settings"),
        CURRENT,
        status,
        body,
    ))
}

pub async fn page(ctx: Ctx, Query(query): Query<NoticeQuery>) -> Result<Response, WebError> {
    let user = signed_in(&ctx)?;
    page_with(
        &ctx,
        &user,
        Failed::default(),
        page_notices(&ctx, &user, &query),
        StatusCode::OK,
    )
    .await
}

pub async fn save_profile(
    SignedInForm { ctx, user, form }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let input = ProfileInput {
        name: form.get("name").to_string(),
        username: form.get("username").to_string(),
        time_zone: form.get("time_zone").to_string(),
        bio: form.get("bio").to_string(),
        first_day_of_week: form.get("first_day_of_week").to_string(),
        time_format: form.get("time_format").to_string(),
        language: form.get("language").to_string(),
    };
    let (owner, now, origin) = (user.clone(), ctx.state.clock.now(), ctx.origin());
    let result = ctx
        .state
        .db
        .write(move |tx| accounts::update_profile(tx, &owner, &input, &origin, now))
        .await;
    saved_or_again(
        result,
        |_| redirect(format!("{CURRENT}?notice=saved")),
        |errors| {
            let failed = Failed {
                profile: Some((form, errors)),
                ..Failed::default()
            };
            page_with(
                &ctx,
                &user,
                failed,
                html! {},
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        },
    )
    .await
}

pub async fn change_password(
    SignedInForm { ctx, user, form }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let result = accounts::change_password(
        &ctx.state.db,
        &user,
        form.get("current_password"),
        form.get("new_password"),
        form.get("new_password_confirm"),
        ctx.state.session_policy(),
        &ctx.origin(),
        ctx.state.clock.now(),
    )
    .await;
    saved_or_again(
        result,
        |token| {
            let mut headers = HeaderMap::new();
            if let Ok(cookie) = HeaderValue::from_str(&ctx.session_cookie(&token)) {
                headers.insert(header::SET_COOKIE, cookie);
            }
            let target = Redirect::to(&format!("{CURRENT}?notice=password-changed"));
            std::future::ready(Ok((headers, target)))
        },
        |errors| {
            let failed = Failed {
                password: errors,
                ..Failed::default()
            };
            page_with(
                &ctx,
                &user,
                failed,
                html! {},
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        },
    )
    .await
}

pub async fn create_key(
    SignedInForm { ctx, user, form }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let (owner, now, name, origin) = (
        user.clone(),
        ctx.state.clock.now(),
        form.get("name").to_string(),
        ctx.origin(),
    );
    let result = ctx
        .state
        .db
        .write(move |tx| accounts::create_api_key(tx, &owner, &name, &origin, now))
        .await;
    saved_or_again(
        result,
        |key| {
            let lang = ctx.lang;
            let message = html! {
                div.alert.alert-success role="status" {
                    p { strong { (t!(lang, "set-new-key")) } }
                    (copy_row("new-key", &t!(lang, "set-api-key"), "text", &key))
                }
            };
            let page = format!("{CURRENT}#api-keys");
            std::future::ready(Ok(show_once_at(&ctx, &user, &page, message)))
        },
        |errors| {
            let failed = Failed {
                key: errors,
                ..Failed::default()
            };
            page_with(
                &ctx,
                &user,
                failed,
                html! {},
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        },
    )
    .await
}

pub async fn revoke_key(
    Path(id): Path<i64>,
    SignedInForm { ctx, user, .. }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let (owner, now, origin) = (user.clone(), ctx.state.clock.now(), ctx.origin());
    ctx.state
        .db
        .write(move |tx| accounts::revoke_api_key(tx, &owner, id, &origin, now))
        .await?;
    Ok(Redirect::to(&format!("{CURRENT}?notice=key-revoked")).into_response())
}

pub async fn sign_out_everywhere(
    SignedInForm { ctx, user, .. }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let now = ctx.state.clock.now();
    crate::auth::sign_out_everywhere(&ctx.state.db, user.id, &ctx.origin(), now).await?;
    let mut headers = HeaderMap::new();
    if let Ok(cookie) = HeaderValue::from_str(&ctx.clear_session_cookie()) {
        headers.insert(header::SET_COOKIE, cookie);
    }
    Ok((headers, Redirect::to("/login?notice=signed-out-everywhere")).into_response())
}

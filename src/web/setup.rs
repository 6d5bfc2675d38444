//! The first-run setup wizard: 1. owner account, 2. instance settings, 3. the mail
//! server (optional, skippable), then the dashboard.

use axum::extract::Query;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{AccountError, AccountInput};
use crate::instance::weekday_name;
use crate::model::error::FieldErrors;
use crate::present::{Language, Locale};
use crate::setup::{self, InstanceInput, SetupError};
use crate::t;
use crate::web::dashboard::email::{self, smtp_fields};
use crate::web::extract::PostedForm;
use crate::web::format::FormData;
use crate::web::layout::{
    Field, card_page, csrf_field, error_summary, field, field_error, zone_options,
};
use crate::web::{Ctx, WebError};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TokenQuery {
    token: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AdminForm {
    csrf: String,
    token: String,
    name: String,
    email: String,
    password: String,
    password_confirm: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct InstanceForm {
    csrf: String,
    organization_name: String,
    base_url: String,
    default_time_zone: String,
    first_day_of_week: String,
    installation: String,
    default_language: String,
}

crate::web::extract::carries_csrf!(AdminForm, InstanceForm);

fn steps(lang: Language, current: u8) -> Markup {
    let labels = [
        (1u8, t!(lang, "setup-step-account")),
        (2, t!(lang, "setup-step-organization")),
        (3, t!(lang, "setup-step-email")),
        (4, t!(lang, "setup-step-done")),
    ];
    html! {
        ol.steps aria-label=(t!(lang, "setup-progress")) {
            @for (number, label) in labels {
                @if number == current {
                    li.current aria-current="step" { span.step-number { (number) } (label) }
                } @else if number < current {
                    li.done { span.step-number { "✓" } (label) }
                } @else {
                    li { span.step-number { (number) } (label) }
                }
            }
        }
    }
}

/// The page every other address shows until the instance is set up.
pub fn required_page(state: &AppState) -> Response {
    let lang = crate::web::ctx::request_language();
    let body = html! {
        h1 { (t!(lang, "setup-required")) }
        p { (t!(lang, "setup-required-text")) }
        p { (t!(lang, "setup-required-where")) " " (t!(lang, "setup-required-valid")) }
    };
    let org = state.settings().organization_name;
    (
        StatusCode::SERVICE_UNAVAILABLE,
        card_page(lang, &t!(lang, "setup-required"), &org, body),
    )
        .into_response()
}

fn invalid_link_page() -> Response {
    let lang = crate::web::ctx::request_language();
    let body = html! {
        h1 { (t!(lang, "setup-link-invalid")) }
        p { (t!(lang, "setup-link-invalid-why")) }
        p { (t!(lang, "setup-link-invalid-what")) }
    };
    (
        StatusCode::FORBIDDEN,
        card_page(lang, &t!(lang, "setup-link-invalid-title"), "Kairos", body),
    )
        .into_response()
}

fn admin_form(ctx: &Ctx, form: &AdminForm, errors: &FieldErrors) -> Markup {
    let lang = ctx.lang;
    let body = html! {
        (steps(lang, 1))
        h1 { (t!(lang, "setup-welcome")) }
        p.lead { (t!(lang, "setup-welcome-text")) }
        (error_summary(errors))
        form method="post" action="/setup/admin" {
            (csrf_field(&ctx.csrf_token()))
            input type="hidden" name="token" value=(form.token);
            (field(&Field { name: "name", label: &t!(lang, "booker-your-name"), value: &form.name, autocomplete: Some("name"), required: true, autofocus: true, ..Field::default() }, errors))
            (field(&Field { name: "email", label: &t!(lang, "sign-in-email"), kind: "email", value: &form.email, autocomplete: Some("email"), required: true, ..Field::default() }, errors))
            (field(&Field { name: "password", label: &t!(lang, "sign-in-password"), kind: "password", autocomplete: Some("new-password"), required: true, minlength: Some(12), hint: Some(&t!(lang, "setup-password-hint")), ..Field::default() }, errors))
            (field(&Field { name: "password_confirm", label: &t!(lang, "setup-password-repeat"), kind: "password", autocomplete: Some("new-password"), required: true, ..Field::default() }, errors))
            button.button.primary.wide type="submit" { (t!(lang, "setup-create-account")) }
        }
    };
    card_page(lang, &t!(lang, "setup-title"), "Kairos", body)
}

pub async fn start_page(ctx: Ctx, Query(query): Query<TokenQuery>) -> Result<Response, WebError> {
    let state = &ctx.state;
    if state.setup.is_completed() {
        return Err(WebError::NotFound);
    }
    if state.setup.admin_exists() {
        return Ok(Redirect::to("/setup/instance").into_response());
    }
    if !state.setup.token_valid(&query.token, state.clock.now()) {
        return Ok(invalid_link_page());
    }
    let form = AdminForm {
        token: query.token,
        ..AdminForm::default()
    };
    Ok(admin_form(&ctx, &form, &FieldErrors::new()).into_response())
}

pub async fn create_admin(
    PostedForm { ctx, form, .. }: PostedForm<AdminForm>,
) -> Result<Response, WebError> {
    let state = &ctx.state;
    if state.setup.is_completed() || state.setup.admin_exists() {
        return Err(WebError::NotFound);
    }
    let now = state.clock.now();
    if !state.setup.token_valid(&form.token, now) {
        return Ok(invalid_link_page());
    }
    let input = AccountInput {
        name: form.name.clone(),
        email: form.email.clone(),
        password: form.password.clone(),
    };
    let mut errors = input.clone().validate().err().unwrap_or_default();
    if form.password != form.password_confirm {
        errors.add("password_confirm", "does not match the password");
    }
    if !errors.is_empty() {
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            admin_form(&ctx, &form, &errors),
        )
            .into_response());
    }
    match setup::create_owner(
        &state.db,
        &state.setup,
        state.session_policy(),
        &form.token,
        input,
        &ctx.origin(),
        now,
    )
    .await
    {
        Ok(session) => {
            let mut headers = HeaderMap::new();
            if let Ok(cookie) = HeaderValue::from_str(&ctx.session_cookie(&session)) {
                headers.insert(header::SET_COOKIE, cookie);
            }
            Ok((headers, Redirect::to("/setup/instance")).into_response())
        }
        Err(SetupError::Account(AccountError::Invalid(errors))) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            admin_form(&ctx, &form, &errors),
        )
            .into_response()),
        Err(SetupError::InvalidToken) => Ok(invalid_link_page()),
        Err(err) => Err(err.into()),
    }
}

fn instance_form(ctx: &Ctx, form: &InstanceForm, errors: &FieldErrors) -> Markup {
    let lang = ctx.lang;
    let body = html! {
        (steps(lang, 2))
        h1 { (t!(lang, "setup-organization")) }
        p.lead { (t!(lang, "setup-organization-text")) }
        (error_summary(errors))
        form method="post" action="/setup/instance" {
            (csrf_field(&ctx.csrf_token()))
            (field(&Field { name: "organization_name", label: &t!(lang, "setup-organization-name"), value: &form.organization_name, autocomplete: Some("organization"), required: true, autofocus: true, ..Field::default() }, errors))
            (field(&Field { name: "base_url", label: &t!(lang, "home-public-address"), kind: "url", value: &form.base_url, hint: Some(&t!(lang, "setup-public-address-hint")), ..Field::default() }, errors))
            (zone_select(lang, "default_time_zone", &t!(lang, "home-default-zone"), &form.default_time_zone, ctx.state.clock.now(), errors))
            (crate::web::layout::select_field("default_language", &crate::t!(ctx.lang, "settings-default-language"), &crate::web::layout::language_options(None), &form.default_language, Some(&crate::t!(ctx.lang, "settings-default-language-hint")), errors))
            div.field.invalid[errors.get("first_day_of_week").is_some()] {
                label for="f-first_day_of_week" { (t!(lang, "setup-first-day")) }
                select #f-first_day_of_week name="first_day_of_week" {
                    @for (day, weekday) in [("monday", chrono::Weekday::Mon), ("sunday", chrono::Weekday::Sun), ("saturday", chrono::Weekday::Sat)] {
                        option value=(day) selected[form.first_day_of_week == day] { (Locale::default().in_language(lang).weekday_long(weekday)) }
                    }
                }
                @if let Some(message) = errors.text("first_day_of_week", lang) {
                    p.error { (crate::web::layout::field_error(&t!(lang, "setup-first-day"), &message)) }
                }
            }
            fieldset.field.choices.invalid[errors.get("installation").is_some()] {
                legend { (t!(lang, "setup-installation")) }
                p.hint { (t!(lang, "setup-installation-hint")) }
                @for (value, _, minutes) in crate::auth::INSTALLATION_KINDS {
                    @let id = format!("f-installation-{value}");
                    @let chosen = if form.installation.is_empty() { value == "shared" } else { form.installation == value };
                    @let text = match value {
                        "shared" => t!(lang, "setup-installation-shared"),
                        "office" => t!(lang, "setup-installation-office"),
                        _ => t!(lang, "setup-installation-personal"),
                    };
                    div.choice {
                        input type="radio" id=(id) name="installation" value=(value) checked[chosen];
                        label for=(id) { (text) span.muted { " · " (t!(lang, "setup-signed-out-after", minutes = minutes)) } }
                    }
                }
                @if let Some(message) = errors.text("installation", lang) {
                    p.error { (crate::web::layout::field_error(&t!(lang, "setup-installation-kind"), &message)) }
                }
            }
            button.button.primary.wide type="submit" { (t!(lang, "setup-finish")) }
        }
    };
    card_page(lang, &t!(lang, "setup-title"), "Kairos", body)
}

/// A select of every IANA time zone chrono-tz knows.
pub fn zone_select(
    lang: Language,
    name: &str,
    label: &str,
    selected: &str,
    now: chrono::DateTime<chrono::Utc>,
    errors: &FieldErrors,
) -> Markup {
    let id = format!("f-{name}");
    html! {
        div.field.invalid[errors.get(name).is_some()] {
            label for=(id) { (label) }
            select id=(id) name=(name) data-detect-zone[selected == "UTC"] data-zone-menu {
                (zone_options(lang, selected, now))
            }
            @if let Some(message) = errors.text(name, lang) {
                p.error { (field_error(label, &message)) }
            }
        }
    }
}

fn require_admin(ctx: &Ctx) -> Result<(), WebError> {
    ctx.require_admin().map(|_| ())
}

pub async fn instance_page(ctx: Ctx) -> Result<Response, WebError> {
    if ctx.state.setup.is_completed() {
        return Err(WebError::NotFound);
    }
    require_admin(&ctx)?;
    let settings = ctx.state.settings();
    let form = InstanceForm {
        organization_name: String::new(),
        base_url: ctx.state.base_url(),
        default_time_zone: settings.default_time_zone.name().to_string(),
        first_day_of_week: weekday_name(settings.first_day_of_week).to_string(),
        default_language: ctx.lang.tag().to_string(),
        ..InstanceForm::default()
    };
    Ok(instance_form(&ctx, &form, &FieldErrors::new()).into_response())
}

pub async fn save_instance(
    PostedForm { ctx, form, .. }: PostedForm<InstanceForm>,
) -> Result<Response, WebError> {
    if ctx.state.setup.is_completed() {
        return Err(WebError::NotFound);
    }
    let admin_id = ctx.require_admin()?.id;
    let input = InstanceInput {
        organization_name: form.organization_name.clone(),
        base_url: form.base_url.clone(),
        default_time_zone: form.default_time_zone.clone(),
        first_day_of_week: form.first_day_of_week.clone(),
        installation: form.installation.clone(),
        default_language: form.default_language.clone(),
    };
    match setup::complete(
        &ctx.state.db,
        &ctx.state.setup,
        input,
        (admin_id, &ctx.origin()),
        ctx.state.clock.now(),
    )
    .await
    {
        Ok(settings) => {
            ctx.state.set_settings(settings);
            Ok(Redirect::to("/setup/email").into_response())
        }
        Err(SetupError::Account(AccountError::Invalid(errors))) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            instance_form(&ctx, &form, &errors),
        )
            .into_response()),
        Err(err) => Err(err.into()),
    }
}

const SETUP_DONE: &str = "/dashboard?notice=setup-complete";

fn email_form(ctx: &Ctx, form: &FormData, errors: &FieldErrors, has_password: bool) -> Markup {
    let lang = ctx.lang;
    let body = html! {
        (steps(lang, 3))
        h1 { (t!(lang, "setup-step-email")) }
        p.lead { (t!(lang, "setup-email-text")) }
        (error_summary(errors))
        form method="post" action="/setup/email" data-validate {
            (csrf_field(&ctx.csrf_token()))
            (smtp_fields(lang, form, errors, has_password))
            button.button.primary.wide type="submit" { (t!(lang, "setup-save-finish")) }
        }
        p.skip { a href=(SETUP_DONE) { (t!(lang, "setup-skip")) } }
    };
    card_page(
        lang,
        &t!(lang, "setup-title"),
        &ctx.state.settings().organization_name,
        body,
    )
}

/// Step 3 (optional): the mail server.
pub async fn email_page(ctx: Ctx) -> Result<Response, WebError> {
    require_admin(&ctx)?;
    let stored = email::stored(&ctx).await?;
    let has_password = stored.as_ref().is_some_and(|s| s.password.is_some());
    let form = email::form_of(stored.as_ref());
    Ok(email_form(&ctx, &form, &FieldErrors::new(), has_password).into_response())
}

pub async fn save_email(
    PostedForm { ctx, form, .. }: PostedForm<FormData>,
) -> Result<Response, WebError> {
    let user_id = ctx.require_user()?.id;
    require_admin(&ctx)?;
    match email::save_form(&ctx, user_id, &form).await? {
        Ok(_) => Ok(Redirect::to(SETUP_DONE).into_response()),
        Err(errors) => {
            let has_password = email::stored(&ctx)
                .await?
                .is_some_and(|s| s.password.is_some());
            Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                email_form(&ctx, &form, &errors, has_password),
            )
                .into_response())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_select_lists_canonical_zones_by_region() {
        let now = chrono::Utc::now();
        let html = zone_select(
            Language::English,
            "zone",
            "Zone",
            "Asia/Kathmandu",
            now,
            &FieldErrors::new(),
        )
        .into_string();
        assert!(html.contains(
            "<option value=\"Asia/Kathmandu\" selected>Kathmandu · Nepal Time (UTC+05:45)"
        ));
        assert!(html.contains("<optgroup label=\"Australia\">"));
        assert!(html.contains("Australia/Lord_Howe"));
        assert!(!html.contains("Africa/Asmera") && !html.contains("US/Pacific"));
        let count = crate::present::zones::canonical().count() + 1;
        assert_eq!(html.matches("<option").count(), count);
    }
}

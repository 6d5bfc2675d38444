//! Administration: the SMS gateway, its Twilio-compatible preset and a test message.

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};

use crate::db::users::User;
use crate::integrations::notify::sms::{self, BodyFormat, SmsError, SmsGateway, TWILIO_API};
use crate::model::error::FieldErrors;
use crate::t;
use crate::web::dashboard::admin_only;
use crate::web::dashboard::{NoticeQuery, page_notices, render_status, show_result_at};
use crate::web::extract::AdminForm;
use crate::web::format::FormData;
use crate::web::layout::{
    Field, csrf_field, error_summary, field, notice, select_field, textarea_field,
};
use crate::web::outcome::{redirect, saved_or_again};
use crate::web::{Ctx, WebError};

const CURRENT: &str = "/dashboard/admin/sms";
const NAV: &str = "/dashboard/admin";

impl From<SmsError> for WebError {
    fn from(err: SmsError) -> Self {
        match err {
            SmsError::Db(err) => WebError::Db(err),
            other => WebError::Internal(other.to_string()),
        }
    }
}

/// Which form failed, with what was typed and why.
#[derive(Default)]
struct Failed {
    gateway: Option<(FormData, FieldErrors)>,
    twilio: Option<(FormData, FieldErrors)>,
    test: Option<(FormData, FieldErrors)>,
}

fn form_of(gateway: Option<&SmsGateway>) -> FormData {
    match gateway {
        Some(gateway) => FormData(vec![
            ("url".into(), gateway.url.clone()),
            ("auth_header_name".into(), gateway.auth_header_name.clone()),
            ("body_template".into(), gateway.body_template.clone()),
            ("body_format".into(), gateway.body_format.as_str().into()),
        ]),
        None => FormData(vec![
            ("auth_header_name".into(), "Authorization".into()),
            (
                "body_template".into(),
                r#"{"to": {to}, "text": {body}}"#.into(),
            ),
            ("body_format".into(), "json".into()),
        ]),
    }
}

async fn page_with(
    ctx: &Ctx,
    user: &User,
    failed: Failed,
    message: Markup,
    status: StatusCode,
) -> Result<Response, WebError> {
    let key = ctx.state.key.clone();
    let stored = ctx.state.db.read(move |conn| sms::load(conn, &key)).await;
    let (gateway, unreadable) = match stored {
        Ok(gateway) => (gateway, false),
        Err(SmsError::Corrupt) => (None, true),
        Err(err) => return Err(err.into()),
    };
    let csrf = ctx.csrf_token();
    let (form, errors) = failed
        .gateway
        .unwrap_or_else(|| (form_of(gateway.as_ref()), FieldErrors::new()));
    let (twilio, twilio_errors) = failed.twilio.unwrap_or_else(|| {
        (
            FormData(vec![("api_base".into(), TWILIO_API.into())]),
            FieldErrors::new(),
        )
    });
    let (test, test_errors) = failed.test.unwrap_or_default();
    let has_secret = gateway
        .as_ref()
        .is_some_and(|g| g.auth_header_value.is_some());
    let lang = ctx.lang;
    let header_hint = if has_secret {
        t!(lang, "admin-sms-header-value-stored")
    } else {
        t!(lang, "admin-sms-header-value-new")
    };
    let template_hint = t!(
        lang,
        "admin-sms-body-template-hint",
        to = "{to}",
        body = "{body}",
        json = r#"{"to": {to}, "text": {body}}"#,
        form = "To={to}&Body={body}"
    );
    let formats = [
        ("json", "JSON (application/json)".to_string()),
        ("form", t!(lang, "admin-sms-body-form")),
    ];
    let body = html! {
        (message)
        div.page-head {
            div {
                h1 { (t!(lang, "admin-sms-title")) }
                p.muted { (t!(lang, "admin-sms-intro")) " " a href=(NAV) { (t!(lang, "admin-back-to-admin")) } }
            }
        }
        div.editor {
            section.panel aria-labelledby="gateway-title" {
                h2 #gateway-title { (t!(lang, "admin-sms-gateway")) }
                @if unreadable {
                    (notice("error", &t!(lang, "admin-sms-unreadable")))
                }
                dl.facts {
                    dt { (t!(lang, "admin-status")) }
                    dd {
                        @match &gateway {
                            Some(g) => { span.badge.ok { (t!(lang, "admin-set-up")) } " " span.url-text.small { (g.url) } },
                            None => span.badge { (t!(lang, "admin-sms-not-set-up")) },
                        }
                    }
                }
                (error_summary(&errors))
                form method="post" action=(CURRENT) data-validate {
                    (csrf_field(&csrf))
                    (field(&Field { name: "url", label: &t!(lang, "admin-sms-url"), kind: "url", value: form.get("url"), required: true, placeholder: Some("https://sms.example.org/send"), hint: Some(&t!(lang, "admin-sms-url-hint")), ..Field::default() }, &errors))
                    div.two-col {
                        (field(&Field { name: "auth_header_name", label: &t!(lang, "admin-sms-auth-header"), value: form.get("auth_header_name"), placeholder: Some("Authorization"), hint: Some(&t!(lang, "admin-sms-auth-header-hint")), ..Field::default() }, &errors))
                        (field(&Field { name: "auth_header_value", label: &t!(lang, "admin-sms-header-value"), kind: "password", autocomplete: Some("new-password"), hint: Some(&header_hint), ..Field::default() }, &errors))
                    }
                    (select_field("body_format", &t!(lang, "admin-sms-body-format"), &formats, form.get("body_format"), None, &errors))
                    (textarea_field("body_template", &t!(lang, "admin-sms-body-template"), form.get("body_template"), Some(&template_hint), true, &errors))
                    button.button.primary type="submit" { (t!(lang, "admin-sms-save")) }
                }
                @if gateway.is_some() {
                    form.spaced method="post" action=(format!("{CURRENT}/remove")) data-confirm=(t!(lang, "admin-sms-remove-confirm")) {
                        (csrf_field(&csrf))
                        button.button.ghost.danger type="submit" { (t!(lang, "admin-sms-remove")) }
                    }
                }
            }
            section.panel aria-labelledby="twilio-title" {
                h2 #twilio-title { (t!(lang, "admin-sms-twilio")) }
                p.muted { (t!(lang, "admin-sms-twilio-intro")) }
                (error_summary(&twilio_errors))
                form method="post" action=(format!("{CURRENT}/twilio")) data-validate {
                    (csrf_field(&csrf))
                    div.two-col {
                        (field(&Field { name: "account_sid", label: &t!(lang, "admin-sms-account-sid"), value: twilio.get("account_sid"), required: true, autocomplete: Some("off"), ..Field::default() }, &twilio_errors))
                        (field(&Field { name: "auth_token", label: &t!(lang, "admin-sms-auth-token"), kind: "password", required: true, autocomplete: Some("new-password"), ..Field::default() }, &twilio_errors))
                        (field(&Field { name: "from", label: &t!(lang, "admin-sms-sender"), kind: "tel", value: twilio.get("from"), required: true, placeholder: Some("+15551234567"), ..Field::default() }, &twilio_errors))
                        (field(&Field { name: "api_base", label: &t!(lang, "admin-sms-api-base"), kind: "url", value: twilio.get("api_base"), hint: Some(&t!(lang, "admin-sms-api-base-hint")), ..Field::default() }, &twilio_errors))
                    }
                    button.button.primary type="submit" { (t!(lang, "admin-sms-use-preset")) }
                }
            }
            section.panel aria-labelledby="test-title" {
                h2 #test-title { (t!(lang, "admin-sms-test")) }
                p.muted { (t!(lang, "admin-sms-test-hint")) }
                form.inline-form method="post" action=(format!("{CURRENT}/test")) data-validate {
                    (csrf_field(&csrf))
                    (field(&Field { name: "to", label: &t!(lang, "admin-sms-phone"), kind: "tel", value: test.get("to"), required: true, placeholder: Some("+15551234567"), autocomplete: Some("off"), ..Field::default() }, &test_errors))
                    button.button type="submit" { (t!(lang, "admin-sms-send-test")) }
                }
            }
        }
    };
    Ok(render_status(
        ctx,
        user,
        &t!(lang, "admin-sms-title"),
        NAV,
        status,
        body,
    ))
}

pub async fn page(ctx: Ctx, Query(query): Query<NoticeQuery>) -> Result<Response, WebError> {
    let user = admin_only(&ctx)?;
    page_with(
        &ctx,
        &user,
        Failed::default(),
        page_notices(&ctx, &user, &query),
        StatusCode::OK,
    )
    .await
}

/// Answers a saved change with a redirect, and invalid fields with the form again.
async fn after_save(
    ctx: &Ctx,
    user: &User,
    result: Result<(), SmsError>,
    failed: impl FnOnce(FieldErrors) -> Failed,
) -> Result<Response, WebError> {
    saved_or_again(
        result,
        |()| redirect(format!("{CURRENT}?notice=saved")),
        |errors| {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            page_with(ctx, user, failed(errors), html! {}, status)
        },
    )
    .await
}

pub async fn save(
    AdminForm { ctx, user, form }: AdminForm<FormData>,
) -> Result<Response, WebError> {
    let result = match BodyFormat::parse(form.get("body_format")) {
        Some(body_format) => {
            let gateway = SmsGateway {
                url: form.get("url").to_string(),
                auth_header_name: form.get("auth_header_name").to_string(),
                auth_header_value: Some(form.get("auth_header_value").to_string())
                    .filter(|v| !v.is_empty()),
                body_template: form.get("body_template").to_string(),
                body_format,
            };
            sms::save_gateway(&ctx.state.integrations(), &user, gateway, &ctx.origin()).await
        }
        None => {
            let mut errors = FieldErrors::new();
            errors.refuse(
                "body_format",
                crate::reason!("admin-sms-body-format-invalid"),
            );
            Err(SmsError::Invalid(errors))
        }
    };
    after_save(&ctx, &user, result, |errors| Failed {
        gateway: Some((form, errors)),
        ..Failed::default()
    })
    .await
}

pub async fn twilio(
    AdminForm { ctx, user, form }: AdminForm<FormData>,
) -> Result<Response, WebError> {
    let result = match sms::twilio_preset(
        form.get("api_base"),
        form.get("account_sid"),
        form.get("auth_token"),
        form.get("from"),
    ) {
        Ok(gateway) => {
            sms::save_gateway(&ctx.state.integrations(), &user, gateway, &ctx.origin()).await
        }
        Err(err) => Err(err),
    };
    // A preset field that is wrong once filled in is named as the preset's address.
    let result = result.map_err(|err| match err {
        SmsError::Invalid(errors) if errors.get("url").is_some() => {
            let mut renamed = FieldErrors::new();
            for error in errors.iter() {
                let name = if error.field == "url" {
                    "api_base"
                } else {
                    error.field.as_str()
                };
                renamed.push_as(name, error);
            }
            SmsError::Invalid(renamed)
        }
        other => other,
    });
    after_save(&ctx, &user, result, |errors| Failed {
        twilio: Some((form, errors)),
        ..Failed::default()
    })
    .await
}

pub async fn remove(
    AdminForm { ctx, user, .. }: AdminForm<FormData>,
) -> Result<Response, WebError> {
    sms::remove_gateway(&ctx.state.integrations(), &user, &ctx.origin()).await?;
    Ok(Redirect::to(&format!("{CURRENT}?notice=deleted")).into_response())
}

pub async fn test(
    AdminForm { ctx, user, form }: AdminForm<FormData>,
) -> Result<Response, WebError> {
    let result = sms::send_test(
        &ctx.state.integrations(),
        &user,
        form.get("to"),
        &ctx.origin(),
    )
    .await;
    // Post/redirect/get: the gateway's answer is shown once on the page, so a reload
    // neither texts again nor lands where only a POST goes.
    let lang = ctx.lang;
    let message = match result {
        Ok(exchange) => html! {
            div.alert.alert-success role="status" {
                p { strong { (t!(lang, "admin-sms-test-taken", status = exchange.status.unwrap_or_default().to_string(), ms = exchange.duration.as_millis().to_string())) } }
                @if !exchange.answer.is_empty() { p.small.url-text { (t!(lang, "admin-sms-it-answered")) " " code { (exchange.answer) } } }
            }
        },
        Err(SmsError::Failed(exchange)) => html! {
            div.alert.alert-error role="alert" {
                p { strong { (t!(lang, "admin-sms-test-failed", reason = exchange.summary())) } }
                @if !exchange.answer.is_empty() { p.small.url-text { (t!(lang, "admin-sms-gateway-answered")) " " code { (exchange.answer) } } }
            }
        },
        Err(SmsError::NotConfigured) => notice("error", &t!(lang, "admin-sms-set-up-first")),
        Err(SmsError::Invalid(errors)) => {
            let failed = Failed {
                test: Some((form, errors)),
                ..Failed::default()
            };
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return page_with(&ctx, &user, failed, html! {}, status).await;
        }
        Err(err) => return Err(err.into()),
    };
    Ok(show_result_at(&ctx, &user, CURRENT, message))
}

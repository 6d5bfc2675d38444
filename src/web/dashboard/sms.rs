//! Administration: the SMS gateway, its Twilio-compatible preset and a test message.

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};

use crate::db::users::User;
use crate::integrations::notify::sms::{self, BodyFormat, SmsError, SmsGateway, TWILIO_API};
use crate::model::error::FieldErrors;
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
    let body = html! {
        (message)
        div.page-head {
            div {
                h1 { "Text messages" }
                p.muted { "Kairos sends text messages (reminders and workflow messages) through an HTTP gateway you choose. " a href=(NAV) { "Back to administration" } }
            }
        }
        div.editor {
            section.panel aria-labelledby="gateway-title" {
                h2 #gateway-title { "Gateway" }
                @if unreadable {
                    (notice("error", "The stored gateway settings cannot be read with this instance's key. Enter them again."))
                }
                dl.facts {
                    dt { "Status" }
                    dd {
                        @match &gateway {
                            Some(g) => { span.badge.ok { "Set up" } " " span.url-text.small { (g.url) } },
                            None => span.badge { "Not set up: no text messages are sent" },
                        }
                    }
                }
                (error_summary(&errors))
                form method="post" action=(CURRENT) data-validate {
                    (csrf_field(&csrf))
                    (field(&Field { name: "url", label: "Gateway URL", kind: "url", value: form.get("url"), required: true, placeholder: Some("https://sms.example.org/send"), hint: Some("Kairos POSTs one request per message there. Private network addresses need the instance setting that allows them."), ..Field::default() }, &errors))
                    div.two-col {
                        (field(&Field { name: "auth_header_name", label: "Authentication header", value: form.get("auth_header_name"), placeholder: Some("Authorization"), hint: Some("Empty: no header is sent."), ..Field::default() }, &errors))
                        (field(&Field { name: "auth_header_value", label: "Header value", kind: "password", autocomplete: Some("new-password"), hint: Some(if has_secret { "Stored encrypted. Leave empty to keep it." } else { "Such as Bearer … or Basic …; stored encrypted." }), ..Field::default() }, &errors))
                    }
                    (select_field("body_format", "Body format", &[("json", "JSON (application/json)"), ("form", "Form (application/x-www-form-urlencoded)")], form.get("body_format"), None, &errors))
                    (textarea_field("body_template", "Body template", form.get("body_template"), Some("{to} is the phone number and {body} the message. In JSON they become quoted strings: {\"to\": {to}, \"text\": {body}}; in a form, encoded values: To={to}&Body={body}."), true, &errors))
                    button.button.primary type="submit" { "Save gateway" }
                }
                @if gateway.is_some() {
                    form.spaced method="post" action=(format!("{CURRENT}/remove")) data-confirm="Remove the SMS gateway? Kairos then sends no text messages." {
                        (csrf_field(&csrf))
                        button.button.ghost.danger type="submit" { "Remove gateway" }
                    }
                }
            }
            section.panel aria-labelledby="twilio-title" {
                h2 #twilio-title { "Twilio-compatible preset" }
                p.muted { "Fills in the gateway for Twilio's Messages API, or a service that copies it: a form body with To, From and Body, and Basic authentication with the account SID and auth token." }
                (error_summary(&twilio_errors))
                form method="post" action=(format!("{CURRENT}/twilio")) data-validate {
                    (csrf_field(&csrf))
                    div.two-col {
                        (field(&Field { name: "account_sid", label: "Account SID", value: twilio.get("account_sid"), required: true, autocomplete: Some("off"), ..Field::default() }, &twilio_errors))
                        (field(&Field { name: "auth_token", label: "Auth token", kind: "password", required: true, autocomplete: Some("new-password"), ..Field::default() }, &twilio_errors))
                        (field(&Field { name: "from", label: "Sender number", kind: "tel", value: twilio.get("from"), required: true, placeholder: Some("+15551234567"), ..Field::default() }, &twilio_errors))
                        (field(&Field { name: "api_base", label: "API address", kind: "url", value: twilio.get("api_base"), hint: Some("Twilio's own unless the service says otherwise."), ..Field::default() }, &twilio_errors))
                    }
                    button.button.primary type="submit" { "Use the preset" }
                }
            }
            section.panel aria-labelledby="test-title" {
                h2 #test-title { "Send a test SMS" }
                p.muted { "Sends a short message now and shows what the gateway answered." }
                form.inline-form method="post" action=(format!("{CURRENT}/test")) data-validate {
                    (csrf_field(&csrf))
                    (field(&Field { name: "to", label: "Phone number", kind: "tel", value: test.get("to"), required: true, placeholder: Some("+15551234567"), autocomplete: Some("off"), ..Field::default() }, &test_errors))
                    button.button type="submit" { "Send test SMS" }
                }
            }
        }
    };
    Ok(render_status(ctx, user, "Text messages", NAV, status, body))
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
            errors.add("body_format", "must be JSON or form");
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
                renamed.add(name, error.message.clone());
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
    let message = match result {
        Ok(exchange) => html! {
            div.alert.alert-success role="status" {
                p { strong { "The gateway took the test message: HTTP " (exchange.status.unwrap_or_default()) " in " (exchange.duration.as_millis()) " ms." } }
                @if !exchange.answer.is_empty() { p.small.url-text { "It answered: " code { (exchange.answer) } } }
            }
        },
        Err(SmsError::Failed(exchange)) => html! {
            div.alert.alert-error role="alert" {
                p { strong { "The test message was not sent: " (exchange.summary()) "." } }
                @if !exchange.answer.is_empty() { p.small.url-text { "The gateway answered: " code { (exchange.answer) } } }
            }
        },
        Err(SmsError::NotConfigured) => notice("error", "Set up a gateway first."),
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

//! Webhook subscriptions: list, add, edit, delete, test ping and the delivery log.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};

use crate::audit;
use crate::db::users::User;
use crate::db::webhooks::{Delivery, Webhook};
use crate::integrations::webhooks::{
    self, Changer, Trigger, WebhookError, WebhookInput, WebhookPatch,
};
use crate::model::error::FieldErrors;
use crate::outbound::Exchange;
use crate::web::dashboard::{
    NoticeQuery, page_notices, render_status, show_once_at, show_result_at, signed_in,
};
use crate::web::extract::SignedInForm;
use crate::web::format::FormData;
use crate::web::layout::{
    Field, checkbox_field, copy_row, csrf_field, empty_state, error_summary, field, notice,
    select_field,
};
use crate::web::outcome::{redirect, saved_or_again};
use crate::web::{Ctx, WebError};

const LIST: &str = "/dashboard/webhooks";
/// The navigation entry webhooks live under.
const NAV: &str = "/dashboard/settings";

impl From<WebhookError> for WebError {
    fn from(err: WebhookError) -> Self {
        match err {
            WebhookError::NotFound => WebError::NotFound,
            WebhookError::Db(err) => WebError::Db(err),
            other => WebError::Internal(other.to_string()),
        }
    }
}

fn changer(ctx: &Ctx, user: &User) -> Changer {
    Changer {
        user: user.clone(),
        actor: audit::Actor::User(user.id),
        origin: ctx.origin(),
    }
}

/// The form's fields as the service takes them; a value no checkbox offers is an error.
fn parse_form(form: &FormData) -> Result<WebhookInput, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut triggers = Vec::new();
    for value in form.all("triggers") {
        match Trigger::parse(value) {
            Some(trigger) => triggers.push(trigger),
            None => errors.add("triggers", format!("has an unknown trigger {value:?}")),
        }
    }
    let event_type_id = match form.get("eventTypeId").trim() {
        "" => None,
        text => match text.parse() {
            Ok(id) => Some(id),
            Err(_) => {
                errors.add("eventTypeId", "must be one of the listed event types");
                None
            }
        },
    };
    errors.into_result(WebhookInput {
        url: form.get("url").to_string(),
        triggers,
        secret: Some(form.get("secret").to_string()).filter(|s| !s.is_empty()),
        active: form.has("active"),
        event_type_id,
    })
}

fn form_of(webhook: &Webhook) -> FormData {
    let mut pairs = vec![
        ("url".to_string(), webhook.url.clone()),
        (
            "eventTypeId".to_string(),
            webhook
                .event_type_id
                .map(|id| id.to_string())
                .unwrap_or_default(),
        ),
    ];
    pairs.extend(
        webhook
            .triggers
            .iter()
            .map(|t| ("triggers".to_string(), t.as_str().to_string())),
    );
    if webhook.active {
        pairs.push(("active".into(), "on".into()));
    }
    FormData(pairs)
}

fn new_form() -> FormData {
    FormData(vec![
        ("active".into(), "on".into()),
        ("triggers".into(), Trigger::BookingCreated.as_str().into()),
        (
            "triggers".into(),
            Trigger::BookingRescheduled.as_str().into(),
        ),
        ("triggers".into(), Trigger::BookingCancelled.as_str().into()),
    ])
}

/// The fields of the add and edit forms.
fn fields(
    form: &FormData,
    errors: &FieldErrors,
    event_types: &[(i64, String)],
    editing: bool,
) -> Markup {
    let chosen = form.all("triggers");
    let mut scopes: Vec<(String, String)> =
        vec![(String::new(), "Every booking of my own event types".into())];
    scopes.extend(
        event_types
            .iter()
            .map(|(id, title)| (id.to_string(), format!("Only “{title}”"))),
    );
    let scope_options: Vec<(&str, &str)> = scopes
        .iter()
        .map(|(value, label)| (value.as_str(), label.as_str()))
        .collect();
    let secret_hint = if editing {
        "Leave empty to keep the current secret."
    } else {
        "Receivers check X-Cal-Signature-256 with it. Leave empty and Kairos makes one, shown once."
    };
    html! {
        (field(&Field { name: "url", label: "Receiver URL", kind: "url", value: form.get("url"), required: true, placeholder: Some("https://hooks.example.org/kairos"), hint: Some("Kairos POSTs JSON there. Addresses inside your network need the administrator's permission; loopback and cloud metadata addresses are always refused."), ..Field::default() }, errors))
        fieldset.field.choices.invalid[errors.get("triggers").is_some()] {
            legend { "Send when" }
            @for trigger in Trigger::ALL {
                @let id = format!("f-trigger-{}", trigger.as_str().to_lowercase());
                div.choice {
                    input type="checkbox" id=(id) name="triggers" value=(trigger.as_str()) checked[chosen.contains(&trigger.as_str())];
                    label for=(id) { (trigger.label()) " " code.small { (trigger.as_str()) } }
                }
            }
            @if let Some(message) = errors.get("triggers") { p.error { "Triggers " (message) } }
        }
        div.two-col {
            (select_field("eventTypeId", "Bookings of", &scope_options, form.get("eventTypeId"), Some("Team event types are listed for the teams you administer."), errors))
            (field(&Field { name: "secret", label: "Secret", kind: "password", autocomplete: Some("new-password"), hint: Some(secret_hint), ..Field::default() }, errors))
        }
        (checkbox_field("active", "Active", form.has("active"), Some("A paused webhook sends nothing.")))
    }
}

fn scope_text(webhook: &Webhook, event_types: &[(i64, String)]) -> String {
    match webhook.event_type_id {
        None => "All your event types".into(),
        Some(id) => event_types
            .iter()
            .find(|(found, _)| *found == id)
            .map_or_else(|| format!("Event type {id}"), |(_, title)| title.clone()),
    }
}

async fn list_with(
    ctx: &Ctx,
    user: &User,
    failed: Option<(FormData, FieldErrors)>,
    message: Markup,
    status: StatusCode,
) -> Result<Response, WebError> {
    let owner = user.clone();
    let (hooks, event_types) = ctx
        .state
        .db
        .read(move |conn| -> Result<_, WebhookError> {
            Ok((
                webhooks::list(conn, &owner)?,
                webhooks::subscribable_event_types(conn, &owner)?,
            ))
        })
        .await?;
    let csrf = ctx.csrf_token();
    let (form, errors) = failed.unwrap_or_else(|| (new_form(), FieldErrors::new()));
    let body = html! {
        (message)
        div.page-head {
            div {
                h1 { "Webhooks" }
                p.muted { "Kairos sends signed JSON to these URLs when bookings change, in the shape Cal.com uses. " a href=(NAV) { "Back to settings" } }
            }
        }
        div.editor {
            section.panel aria-labelledby="hooks-title" {
                h2 #hooks-title { "Your webhooks" }
                @if hooks.is_empty() {
                    (empty_state("No webhooks yet", "Add one below to tell another system about new, moved and cancelled bookings.", None))
                } @else {
                    ul.list.compact {
                        @for hook in &hooks {
                            li {
                                div.list-main {
                                    a.list-title.url-text href=(format!("{LIST}/{}", hook.id)) { (hook.url) }
                                    div.list-sub {
                                        @if hook.active { span.badge.ok { "Active" } } @else { span.badge.off { "Paused" } }
                                        span { (scope_text(hook, &event_types)) }
                                        span { (hook.triggers.len()) @if hook.triggers.len() == 1 { " trigger" } @else { " triggers" } }
                                    }
                                }
                                div.list-actions {
                                    a.button.ghost.small href=(format!("{LIST}/{}", hook.id)) { "Edit and log" }
                                }
                            }
                        }
                    }
                }
            }
            section.panel aria-labelledby="add-title" {
                h2 #add-title { "Add a webhook" }
                (error_summary(&errors))
                form method="post" action=(LIST) data-validate {
                    (csrf_field(&csrf))
                    (fields(&form, &errors, &event_types, false))
                    button.button.primary type="submit" { "Add webhook" }
                }
            }
        }
    };
    Ok(render_status(ctx, user, "Webhooks", NAV, status, body))
}

pub async fn list(ctx: Ctx, Query(query): Query<NoticeQuery>) -> Result<Response, WebError> {
    let user = signed_in(&ctx)?;
    list_with(
        &ctx,
        &user,
        None,
        page_notices(&ctx, &user, &query),
        StatusCode::OK,
    )
    .await
}

pub async fn create(
    SignedInForm { ctx, user, form }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let result = match parse_form(&form) {
        Ok(input) => {
            webhooks::create(&ctx.state.integrations(), &changer(&ctx, &user), input).await
        }
        Err(errors) => Err(WebhookError::Invalid(errors)),
    };
    let (ctx, user) = (&ctx, &user);
    saved_or_again(
        result,
        |created| async move {
            let Some(secret) = created.generated_secret else {
                return Ok(Redirect::to(&format!("{LIST}?notice=created")).into_response());
            };
            let message = html! {
                div.alert.alert-success role="status" {
                    p { strong { "Webhook added. Its secret, shown only now:" } }
                    (copy_row("new-secret", "Webhook secret", "text", &secret))
                    p.small { "Receivers verify the X-Cal-Signature-256 header: the hex HMAC-SHA256 of the body with this secret." }
                }
            };
            Ok(show_once_at(ctx, user, LIST, message))
        },
        |errors| {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            list_with(ctx, user, Some((form, errors)), html! {}, status)
        },
    )
    .await
}

fn delivery_result(status: Option<u16>, error: Option<&str>) -> Markup {
    html! {
        @match (status, error) {
            (Some(code), _) if (200..300).contains(&code) => span.badge.ok { "HTTP " (code) },
            (Some(code), _) => span.badge.off { "HTTP " (code) },
            (None, Some(error)) => { span.badge.off { "No answer" } " " span.small { (error) } },
            (None, None) => span.badge { "—" },
        }
    }
}

async fn detail_with(
    ctx: &Ctx,
    user: &User,
    id: i64,
    failed: Option<(FormData, FieldErrors)>,
    message: Markup,
    status: StatusCode,
) -> Result<Response, WebError> {
    let viewer = user.clone();
    let (log, event_types, hook) = ctx
        .state
        .db
        .read(move |conn| -> Result<_, WebhookError> {
            let hook = webhooks::managed(conn, &viewer, id)?;
            let owner = webhooks::owner(conn, &hook)?;
            Ok((
                webhooks::deliveries(conn, &viewer, id, 50)?,
                webhooks::subscribable_event_types(conn, &owner)?,
                hook,
            ))
        })
        .await?;
    let csrf = ctx.csrf_token();
    let (form, errors) = failed.unwrap_or_else(|| (form_of(&hook), FieldErrors::new()));
    let zone = user.time_zone;
    let here = format!("{LIST}/{id}");
    let body = html! {
        (message)
        div.page-head {
            div {
                h1 { "Webhook" }
                p.muted.url-text { (hook.url) }
                p.muted { a href=(LIST) { "All webhooks" } }
            }
        }
        div.editor {
            section.panel aria-labelledby="test-title" {
                h2 #test-title { "Test" }
                p.muted { "Sends a PING with sample data, signed like every delivery, and shows what the receiver answered." }
                form method="post" action=(format!("{here}/ping")) {
                    (csrf_field(&csrf))
                    button.button type="submit" { "Send test ping" }
                }
            }
            section.panel aria-labelledby="edit-title" {
                h2 #edit-title { "Settings" }
                (error_summary(&errors))
                form method="post" action=(here) data-validate {
                    (csrf_field(&csrf))
                    (fields(&form, &errors, &event_types, true))
                    button.button.primary type="submit" { "Save webhook" }
                }
            }
            section.panel aria-labelledby="log-title" {
                h2 #log-title { "Deliveries" }
                p.muted { "The latest attempts, newest first. A failed delivery is retried with growing pauses. What was sent is not kept." }
                @if log.is_empty() {
                    (empty_state("Nothing sent yet", "Deliveries show here once a booking changes or you send a test ping.", None))
                } @else {
                    div.table-wrap {
                        table.log {
                            thead { tr { th scope="col" { "Time" } th scope="col" { "Trigger" } th scope="col" { "Result" } th scope="col" { "Took" } } }
                            tbody {
                                @for delivery in &log {
                                    (delivery_row(delivery, zone))
                                }
                            }
                        }
                    }
                }
            }
            section.panel aria-labelledby="delete-title" {
                h2 #delete-title { "Delete" }
                p.muted { "Stops all deliveries and removes the log." }
                form method="post" action=(format!("{here}/delete")) data-confirm="Delete this webhook? Its receiver hears nothing more." {
                    (csrf_field(&csrf))
                    button.button.danger type="submit" { "Delete webhook" }
                }
            }
        }
    };
    Ok(render_status(ctx, user, "Webhook", NAV, status, body))
}

fn delivery_row(delivery: &Delivery, zone: chrono_tz::Tz) -> Markup {
    html! {
        tr {
            td data-label="Time" { (delivery.created_at.with_timezone(&zone).format("%-d %b %Y, %H:%M:%S")) }
            td data-label="Trigger" { code.small { (delivery.trigger) } }
            td data-label="Result" { (delivery_result(delivery.status_code, delivery.error.as_deref())) }
            td data-label="Took" { (delivery.duration_ms) " ms" }
        }
    }
}

pub async fn detail(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, WebError> {
    let user = signed_in(&ctx)?;
    detail_with(
        &ctx,
        &user,
        id,
        None,
        page_notices(&ctx, &user, &query),
        StatusCode::OK,
    )
    .await
}

pub async fn save(
    Path(id): Path<i64>,
    SignedInForm { ctx, user, form }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let result = match parse_form(&form) {
        Ok(input) => {
            let patch = WebhookPatch {
                url: Some(input.url),
                triggers: Some(input.triggers),
                secret: input.secret,
                active: Some(input.active),
                event_type_id: Some(input.event_type_id),
            };
            webhooks::update(&ctx.state.integrations(), &changer(&ctx, &user), id, patch)
                .await
                .map(|_| ())
        }
        Err(errors) => Err(WebhookError::Invalid(errors)),
    };
    saved_or_again(
        result,
        |()| redirect(format!("{LIST}/{id}?notice=saved")),
        |errors| {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            detail_with(&ctx, &user, id, Some((form, errors)), html! {}, status)
        },
    )
    .await
}

fn ping_message(exchange: &Exchange) -> Markup {
    let took = exchange.duration.as_millis();
    if exchange.succeeded() {
        notice(
            "success",
            &format!(
                "Test ping delivered: the receiver answered HTTP {} in {took} ms.",
                exchange.status.unwrap_or_default()
            ),
        )
    } else {
        notice(
            "error",
            &format!(
                "The test ping was not delivered: {} (after {took} ms).",
                exchange.summary()
            ),
        )
    }
}

pub async fn ping(
    Path(id): Path<i64>,
    SignedInForm { ctx, user, .. }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let exchange = webhooks::ping(&ctx.state.integrations(), &changer(&ctx, &user), id).await?;
    // Post/redirect/get: the receiver's answer is shown once on the webhook's page.
    let page = format!("{LIST}/{id}");
    Ok(show_result_at(&ctx, &user, &page, ping_message(&exchange)))
}

pub async fn delete(
    Path(id): Path<i64>,
    SignedInForm { ctx, user, .. }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    webhooks::delete(&ctx.state.integrations(), &changer(&ctx, &user), id).await?;
    Ok(Redirect::to(&format!("{LIST}?notice=deleted")).into_response())
}

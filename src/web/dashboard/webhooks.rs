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
use crate::present::{Language, Locale};
use crate::web::dashboard::{
    NoticeQuery, page_notices, render_status, show_once_at, show_result_at, signed_in,
};
use crate::web::extract::SignedInForm;
use crate::web::format::FormData;
use crate::web::layout::{
    Field, checkbox_field, copy_row, csrf_field, empty_state, error_summary, field, field_error,
    notice, select_field,
};
use crate::web::outcome::{redirect, saved_or_again};
use crate::web::{Ctx, WebError};
use crate::{reason, t};

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

/// What people read for a trigger in the dashboard.
fn trigger_label(lang: Language, trigger: Trigger) -> String {
    match trigger {
        Trigger::BookingCreated => t!(lang, "wh-trigger-booking-created"),
        Trigger::BookingRequested => t!(lang, "wh-trigger-booking-requested"),
        Trigger::BookingRescheduled => t!(lang, "wh-trigger-booking-rescheduled"),
        Trigger::BookingCancelled => t!(lang, "wh-trigger-booking-cancelled"),
        Trigger::BookingRejected => t!(lang, "wh-trigger-booking-rejected"),
        Trigger::MeetingEnded => t!(lang, "wh-trigger-meeting-ended"),
        Trigger::BookingPaymentInitiated => t!(lang, "wh-trigger-booking-payment-initiated"),
        Trigger::BookingPaid => t!(lang, "wh-trigger-booking-paid"),
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
            None => errors.refuse(
                "triggers",
                reason!("wh-unknown-trigger", value = format!("{value:?}")),
            ),
        }
    }
    let event_type_id = match form.get("eventTypeId").trim() {
        "" => None,
        text => match text.parse() {
            Ok(id) => Some(id),
            Err(_) => {
                errors.refuse("eventTypeId", reason!("wh-unknown-event-type"));
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
    lang: Language,
    form: &FormData,
    errors: &FieldErrors,
    event_types: &[(i64, String)],
    editing: bool,
) -> Markup {
    let chosen = form.all("triggers");
    let mut scopes: Vec<(String, String)> = vec![(String::new(), t!(lang, "wh-scope-all"))];
    scopes.extend(event_types.iter().map(|(id, title)| {
        (
            id.to_string(),
            t!(lang, "wh-scope-only", title = title.as_str()),
        )
    }));
    let secret_hint = if editing {
        t!(lang, "wh-secret-hint-edit")
    } else {
        t!(lang, "wh-secret-hint-new")
    };
    let triggers_error = errors.text("triggers", lang);
    html! {
        (field(&Field { name: "url", label: &t!(lang, "wh-url"), kind: "url", value: form.get("url"), required: true, placeholder: Some("https://hooks.example.org/kairos"), hint: Some(&t!(lang, "wh-url-hint")), ..Field::default() }, errors))
        fieldset.field.choices.invalid[triggers_error.is_some()] {
            legend { (t!(lang, "wh-send-when")) }
            @for trigger in Trigger::ALL {
                @let id = format!("f-trigger-{}", trigger.as_str().to_lowercase());
                div.choice {
                    input type="checkbox" id=(id) name="triggers" value=(trigger.as_str()) checked[chosen.contains(&trigger.as_str())];
                    label for=(id) { (trigger_label(lang, trigger)) " " code.small { (trigger.as_str()) } }
                }
            }
            @if let Some(message) = &triggers_error { p.error { (field_error(&t!(lang, "wh-triggers"), message)) } }
        }
        div.two-col {
            (select_field("eventTypeId", &t!(lang, "wh-bookings-of"), &scopes, form.get("eventTypeId"), Some(&t!(lang, "wh-bookings-of-hint")), errors))
            (field(&Field { name: "secret", label: &t!(lang, "wh-secret"), kind: "password", autocomplete: Some("new-password"), hint: Some(&secret_hint), ..Field::default() }, errors))
        }
        (checkbox_field("active", &t!(lang, "wh-active"), form.has("active"), Some(&t!(lang, "wh-active-hint"))))
    }
}

fn scope_text(lang: Language, webhook: &Webhook, event_types: &[(i64, String)]) -> String {
    match webhook.event_type_id {
        None => t!(lang, "wh-all-event-types"),
        Some(id) => event_types
            .iter()
            .find(|(found, _)| *found == id)
            .map_or_else(
                || t!(lang, "wh-event-type", id = id.to_string()),
                |(_, title)| title.clone(),
            ),
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
    let lang = ctx.lang;
    let (form, errors) = failed.unwrap_or_else(|| (new_form(), FieldErrors::new()));
    let body = html! {
        (message)
        div.page-head {
            div {
                h1 { (t!(lang, "wh-title")) }
                p.muted { (t!(lang, "wh-intro")) " " a href=(NAV) { (t!(lang, "wh-back-to-settings")) } }
            }
        }
        div.editor {
            section.panel aria-labelledby="hooks-title" {
                h2 #hooks-title { (t!(lang, "wh-yours")) }
                @if hooks.is_empty() {
                    (empty_state(&t!(lang, "wh-empty"), &t!(lang, "wh-empty-text"), None))
                } @else {
                    ul.list.compact {
                        @for hook in &hooks {
                            li {
                                div.list-main {
                                    a.list-title.url-text href=(format!("{LIST}/{}", hook.id)) { (hook.url) }
                                    div.list-sub {
                                        @if hook.active { span.badge.ok { (t!(lang, "wh-active")) } } @else { span.badge.off { (t!(lang, "wh-paused")) } }
                                        span { (scope_text(lang, hook, &event_types)) }
                                        span { (t!(lang, "wh-triggers-count", count = hook.triggers.len())) }
                                    }
                                }
                                div.list-actions {
                                    a.button.ghost.small href=(format!("{LIST}/{}", hook.id)) { (t!(lang, "wh-edit-and-log")) }
                                }
                            }
                        }
                    }
                }
            }
            section.panel aria-labelledby="add-title" {
                h2 #add-title { (t!(lang, "wh-add-title")) }
                (error_summary(&errors))
                form method="post" action=(LIST) data-validate {
                    (csrf_field(&csrf))
                    (fields(lang, &form, &errors, &event_types, false))
                    button.button.primary type="submit" { (t!(lang, "wh-add")) }
                }
            }
        }
    };
    Ok(render_status(
        ctx,
        user,
        &t!(lang, "wh-title"),
        NAV,
        status,
        body,
    ))
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
            let lang = ctx.lang;
            let message = html! {
                div.alert.alert-success role="status" {
                    p { strong { (t!(lang, "wh-added-secret")) } }
                    (copy_row("new-secret", &t!(lang, "wh-webhook-secret"), "text", &secret))
                    p.small { (t!(lang, "wh-verify")) }
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

fn delivery_result(lang: Language, status: Option<u16>, error: Option<&str>) -> Markup {
    html! {
        @match (status, error) {
            (Some(code), _) if (200..300).contains(&code) => span.badge.ok { "HTTP " (code) },
            (Some(code), _) => span.badge.off { "HTTP " (code) },
            (None, Some(error)) => { span.badge.off { (t!(lang, "wh-no-answer")) } " " span.small { (error) } },
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
    let lang = ctx.lang;
    let locale = Locale::english(user.twelve_hour).in_language(lang);
    let here = format!("{LIST}/{id}");
    let body = html! {
        (message)
        div.page-head {
            div {
                h1 { (t!(lang, "wh-webhook")) }
                p.muted.url-text { (hook.url) }
                p.muted { a href=(LIST) { (t!(lang, "wh-all")) } }
            }
        }
        div.editor {
            section.panel aria-labelledby="test-title" {
                h2 #test-title { (t!(lang, "wh-test")) }
                p.muted { (t!(lang, "wh-test-text")) }
                form method="post" action=(format!("{here}/ping")) {
                    (csrf_field(&csrf))
                    button.button type="submit" { (t!(lang, "wh-send-ping")) }
                }
            }
            section.panel aria-labelledby="edit-title" {
                h2 #edit-title { (t!(lang, "nav-settings")) }
                (error_summary(&errors))
                form method="post" action=(here) data-validate {
                    (csrf_field(&csrf))
                    (fields(lang, &form, &errors, &event_types, true))
                    button.button.primary type="submit" { (t!(lang, "wh-save")) }
                }
            }
            section.panel aria-labelledby="log-title" {
                h2 #log-title { (t!(lang, "wh-deliveries")) }
                p.muted { (t!(lang, "wh-deliveries-text")) }
                @if log.is_empty() {
                    (empty_state(&t!(lang, "wh-nothing-sent"), &t!(lang, "wh-nothing-sent-text"), None))
                } @else {
                    div.table-wrap {
                        table.log {
                            thead { tr { th scope="col" { (t!(lang, "wh-time")) } th scope="col" { (t!(lang, "wh-trigger")) } th scope="col" { (t!(lang, "wh-result")) } th scope="col" { (t!(lang, "wh-took")) } } }
                            tbody {
                                @for delivery in &log {
                                    (delivery_row(lang, &locale, delivery, zone))
                                }
                            }
                        }
                    }
                }
            }
            section.panel aria-labelledby="delete-title" {
                h2 #delete-title { (t!(lang, "wh-delete")) }
                p.muted { (t!(lang, "wh-delete-text")) }
                form method="post" action=(format!("{here}/delete")) data-confirm=(t!(lang, "wh-delete-confirm")) {
                    (csrf_field(&csrf))
                    button.button.danger type="submit" { (t!(lang, "wh-delete-button")) }
                }
            }
        }
    };
    Ok(render_status(
        ctx,
        user,
        &t!(lang, "wh-webhook"),
        NAV,
        status,
        body,
    ))
}

fn delivery_row(
    lang: Language,
    locale: &Locale,
    delivery: &Delivery,
    zone: chrono_tz::Tz,
) -> Markup {
    let at = delivery.created_at.with_timezone(&zone);
    let (time, trigger, result, took) = (
        t!(lang, "wh-time"),
        t!(lang, "wh-trigger"),
        t!(lang, "wh-result"),
        t!(lang, "wh-took"),
    );
    html! {
        tr {
            td data-label=(time) { (locale.short_date(at.date_naive())) " " (at.format("%H:%M:%S")) }
            td data-label=(trigger) { code.small { (delivery.trigger) } }
            td data-label=(result) { (delivery_result(lang, delivery.status_code, delivery.error.as_deref())) }
            td data-label=(took) { (t!(lang, "wh-milliseconds", ms = delivery.duration_ms)) }
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

fn ping_message(lang: Language, exchange: &Exchange) -> Markup {
    let took = u64::try_from(exchange.duration.as_millis()).unwrap_or(u64::MAX);
    if exchange.succeeded() {
        let status = exchange.status.unwrap_or_default().to_string();
        notice(
            "success",
            &t!(lang, "wh-ping-delivered", status = status, ms = took),
        )
    } else {
        notice(
            "error",
            &t!(
                lang,
                "wh-ping-failed",
                reason = exchange.summary(),
                ms = took
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
    let message = ping_message(ctx.lang, &exchange);
    Ok(show_result_at(&ctx, &user, &page, message))
}

pub async fn delete(
    Path(id): Path<i64>,
    SignedInForm { ctx, user, .. }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    webhooks::delete(&ctx.state.integrations(), &changer(&ctx, &user), id).await?;
    Ok(Redirect::to(&format!("{LIST}?notice=deleted")).into_response())
}

//! Workflows: the list, the editor (trigger, event types, steps with their messages),
//! turning one on or off, and deleting it. The editor lists every template variable and
//! says what minimum-necessary messages leave out.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};

use crate::db::users::User;
use crate::db::workflows as workflow_db;
use crate::i18n;
use crate::integrations::notify::sms;
use crate::integrations::workflows::template::{VARIABLES, answer_variable};
use crate::integrations::workflows::{
    self, Action, DEFAULT_REMINDER_BODY, DEFAULT_REMINDER_SUBJECT, Owner, StepInput, Target,
    Trigger, Workflow, WorkflowInput,
};
use crate::model::error::FieldErrors;
use crate::present::Language;
use crate::scheduling::manage::ManageError;
use crate::t;
use crate::web::dashboard::{NoticeQuery, flash_notice, render, render_status, signed_in};
use crate::web::extract::SignedInForm;
use crate::web::format::FormData;
use crate::web::layout::{
    Field, checkbox_field, csrf_field, empty_state, error_summary, field, field_error, notice,
    select_field, textarea_field,
};
use crate::web::{Ctx, WebError};

const CURRENT: &str = "/dashboard/workflows";

/// Offsets are entered as a number and a unit.
const UNITS: [(&str, u32); 3] = [("minutes", 1), ("hours", 60), ("days", 24 * 60)];

/// How the dashboard says when a workflow runs.
pub(crate) fn trigger_label(lang: Language, trigger: Trigger) -> String {
    match trigger {
        Trigger::NewEvent => t!(lang, "wf-trigger-new-event"),
        Trigger::BookingRequested => t!(lang, "wf-trigger-booking-requested"),
        Trigger::RescheduleEvent => t!(lang, "wf-trigger-reschedule-event"),
        Trigger::EventCancelled => t!(lang, "wf-trigger-event-cancelled"),
        Trigger::BookingRejected => t!(lang, "wf-trigger-booking-rejected"),
        Trigger::BeforeEvent => t!(lang, "wf-trigger-before-event"),
        Trigger::AfterEvent => t!(lang, "wf-trigger-after-event"),
        Trigger::BookingPaid => t!(lang, "wf-trigger-booking-paid"),
    }
}

/// How the dashboard says what a step does.
pub(crate) fn action_label(lang: Language, action: Action) -> String {
    match action {
        Action::EmailAttendee => t!(lang, "wf-action-email-attendee"),
        Action::EmailHost => t!(lang, "wf-action-email-host"),
        Action::EmailAddress => t!(lang, "wf-action-email-address"),
        Action::SmsAttendee => t!(lang, "wf-action-sms-attendee"),
        Action::SmsNumber => t!(lang, "wf-action-sms-number"),
        Action::Webhook => t!(lang, "wf-action-webhook"),
    }
}

/// What a template variable stands for; the template's own English words for a variable
/// the catalogues do not know yet.
fn variable_meaning(lang: Language, name: &str, english: &str) -> String {
    match name {
        "EVENT_NAME" => t!(lang, "wf-var-event-name"),
        "ORGANIZER" => t!(lang, "wf-var-organizer"),
        "ATTENDEE" => t!(lang, "wf-var-attendee"),
        "ATTENDEE_FIRST_NAME" => t!(lang, "wf-var-attendee-first-name"),
        "ATTENDEE_EMAIL" => t!(lang, "wf-var-attendee-email"),
        "EVENT_DATE" => t!(lang, "wf-var-event-date"),
        "EVENT_TIME" => t!(lang, "wf-var-event-time"),
        "EVENT_END_TIME" => t!(lang, "wf-var-event-end-time"),
        "TIMEZONE" => t!(lang, "wf-var-timezone"),
        "LOCATION" => t!(lang, "wf-var-location"),
        "MEETING_URL" => t!(lang, "wf-var-meeting-url"),
        "CANCEL_URL" => t!(lang, "wf-var-cancel-url"),
        "RESCHEDULE_URL" => t!(lang, "wf-var-reschedule-url"),
        "ADDITIONAL_NOTES" => t!(lang, "wf-var-additional-notes"),
        _ => english.to_string(),
    }
}

/// A unit's name in the offset menu.
fn unit_label(lang: Language, unit: &str) -> String {
    match unit {
        "days" => t!(lang, "wf-unit-days"),
        "hours" => t!(lang, "wf-unit-hours"),
        _ => t!(lang, "wf-unit-minutes"),
    }
}

/// A catalogue message that is a template: its placeholders are the template's
/// variables, written as templates write them (`{EVENT_NAME}`), without the marks that
/// isolate placeholders in right-to-left text.
fn template_message(lang: Language, id: &str) -> String {
    let args = i18n::args(
        VARIABLES
            .iter()
            .map(|(name, _)| (*name, i18n::value(format!("{{{name}}}")))),
    );
    i18n::message(lang, id, Some(&args)).replace(['\u{2068}', '\u{2069}'], "")
}

/// The default reminder's subject and body as the editor shows them: in the page's
/// language (each attendee receives it in theirs while it stays as made).
fn default_reminder(lang: Language) -> (String, String) {
    (
        template_message(lang, "reminder-subject"),
        template_message(lang, "reminder-body"),
    )
}

/// Whether a step's subject and body are the default reminder's, as made.
fn is_default_reminder(subject: &str, body: &str) -> bool {
    subject == DEFAULT_REMINDER_SUBJECT && body == DEFAULT_REMINDER_BODY
}

pub async fn list(ctx: Ctx, Query(query): Query<NoticeQuery>) -> Result<Response, WebError> {
    let user = signed_in(&ctx)?;
    let viewer = user.clone();
    let (listed, titles) = ctx
        .state
        .db
        .read(move |conn| -> Result<_, ManageError> {
            let listed = workflows::list_managed(conn, &viewer)?;
            let mut titles = Vec::new();
            for (owner, _) in workflows::owners_for(conn, &viewer)? {
                titles.extend(workflow_db::event_types_of(conn, owner)?);
            }
            Ok((listed, titles))
        })
        .await?;
    let csrf = ctx.csrf_token();
    let lang = ctx.lang;
    let title_of = |id: &i64| {
        titles
            .iter()
            .find(|(t, _)| t == id)
            .map_or("", |(_, title)| title.as_str())
    };
    let body = html! {
        (flash_notice(&query.notice))
        div.page-head {
            div {
                h1 { (t!(lang, "nav-workflows")) }
                p.muted { (t!(lang, "wf-intro")) }
            }
            div.actions { a.button.primary href=(format!("{CURRENT}/new")) { (t!(lang, "wf-new")) } }
        }
        @if listed.is_empty() {
            (empty_state(
                &t!(lang, "wf-empty"),
                &t!(lang, "wf-empty-text"),
                Some(html! { a.button.primary href=(format!("{CURRENT}/new")) { (t!(lang, "wf-create-first")) } }),
            ))
        } @else {
            ul.list {
                @for (workflow, owner_name) in &listed {
                    @let id = workflow.id;
                    li {
                        div.list-main {
                            a.list-title href=(format!("{CURRENT}/{id}")) { (workflow.name) }
                            div.list-sub {
                                span { (trigger_summary(lang, workflow)) }
                                @if workflow.active { span.badge.accent { (t!(lang, "wf-on")) } } @else { span.badge.warn { (t!(lang, "wf-off")) } }
                                @if let Owner::Team(_) = workflow.owner { span.badge { (t!(lang, "wf-team", team = owner_name.as_str())) } }
                                @if workflow.event_type_ids.is_empty() {
                                    span.badge.warn { (t!(lang, "wf-no-event-types")) }
                                } @else {
                                    span { (workflow.event_type_ids.iter().map(title_of).collect::<Vec<_>>().join(", ")) }
                                }
                                span.badge { (t!(lang, "wf-steps-count", count = workflow.steps.len())) }
                            }
                        }
                        div.list-actions {
                            a.button.ghost.small href=(format!("{CURRENT}/{id}")) { (t!(lang, "wf-edit")) }
                            form method="post" action=(format!("{CURRENT}/{id}/active")) {
                                (csrf_field(&csrf))
                                @if workflow.active {
                                    input type="hidden" name="active" value="off";
                                    button.button.ghost.small type="submit" { (t!(lang, "wf-turn-off")) }
                                } @else {
                                    input type="hidden" name="active" value="on";
                                    button.button.ghost.small type="submit" { (t!(lang, "wf-turn-on")) }
                                }
                            }
                            form method="post" action=(format!("{CURRENT}/{id}/delete")) data-confirm=(t!(lang, "wf-delete-confirm", name = workflow.name.as_str())) {
                                (csrf_field(&csrf))
                                button.button.ghost.small.danger type="submit" { (t!(lang, "wf-delete")) }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(render(
        &ctx,
        &user,
        &t!(lang, "nav-workflows"),
        CURRENT,
        body,
    ))
}

/// `Before the meeting starts · 24 hours`.
fn trigger_summary(lang: Language, workflow: &Workflow) -> String {
    let trigger = trigger_label(lang, workflow.trigger);
    if workflow.trigger.is_timed() {
        let (count, unit) = split_offset(workflow.offset_minutes);
        let offset = match unit {
            "days" => t!(lang, "wf-days", count = count),
            "hours" => t!(lang, "wf-hours", count = count),
            _ => t!(lang, "wf-minutes", count = count),
        };
        t!(
            lang,
            "wf-trigger-offset",
            trigger = trigger,
            offset = offset
        )
    } else {
        trigger
    }
}

/// An offset in its largest whole unit.
fn split_offset(minutes: u32) -> (u32, &'static str) {
    UNITS
        .iter()
        .rev()
        .find(|(_, factor)| minutes.is_multiple_of(*factor) && minutes > 0)
        .map_or((minutes, "minutes"), |(unit, factor)| {
            (minutes / factor, *unit)
        })
}

/// What the editor shows besides the workflow itself.
struct EditorContext {
    owners: Vec<(Owner, String)>,
    event_types: Vec<(i64, String)>,
    question_keys: Vec<String>,
    minimum_necessary: bool,
    /// Whether an SMS gateway is set up: text message steps warn while none is.
    sms_gateway: bool,
}

async fn editor_context(ctx: &Ctx, user: &User, owner: Owner) -> Result<EditorContext, WebError> {
    let viewer = user.clone();
    let minimum_necessary = ctx.state.settings().minimum_necessary;
    let key = ctx.state.key.clone();
    let context = ctx
        .state
        .db
        .read(move |conn| -> Result<_, ManageError> {
            Ok(EditorContext {
                owners: workflows::owners_for(conn, &viewer)?,
                event_types: workflow_db::event_types_of(conn, owner)?,
                question_keys: workflow_db::question_keys_of(conn, owner)?,
                minimum_necessary,
                sms_gateway: matches!(sms::load(conn, &key), Ok(Some(_))),
            })
        })
        .await?;
    Ok(context)
}

/// The editor's starting point for a new workflow: a reminder email to the attendee, in
/// the page's language.
fn blank(lang: Language) -> WorkflowInput {
    WorkflowInput {
        name: String::new(),
        trigger: Trigger::BeforeEvent.as_str().into(),
        offset_minutes: Some(60),
        active: true,
        on_new_event_types: false,
        event_type_ids: Vec::new(),
        steps: vec![StepInput {
            action: Action::EmailAttendee.as_str().into(),
            subject: template_message(lang, "wf-new-subject"),
            body: template_message(lang, "wf-new-body"),
            ..StepInput::default()
        }],
    }
}

fn input_of(workflow: &Workflow) -> WorkflowInput {
    WorkflowInput {
        name: workflow.name.clone(),
        trigger: workflow.trigger.as_str().into(),
        offset_minutes: Some(workflow.offset_minutes),
        active: workflow.active,
        on_new_event_types: workflow.on_new_event_types,
        event_type_ids: workflow.event_type_ids.clone(),
        steps: workflow
            .steps
            .iter()
            .map(|step| StepInput {
                id: Some(step.id),
                action: step.action.as_str().into(),
                target: step.target.clone(),
                subject: step.subject.clone(),
                body: step.body.clone(),
                secret: String::new(),
                clear_secret: false,
            })
            .collect(),
    }
}

/// Reads the editor form; an unreadable offset is a field error. The default reminder
/// as the editor showed it (in `lang`), unchanged, stays the default reminder.
fn parse_form(lang: Language, form: &FormData, errors: &mut FieldErrors) -> WorkflowInput {
    let offset_minutes = match form.number("offset") {
        Ok(value) => {
            let factor = UNITS
                .iter()
                .find(|(name, _)| *name == form.get("offsetUnit"))
                .map_or(1, |(_, factor)| *factor);
            value.map(|v| v.saturating_mul(factor))
        }
        Err(()) => {
            errors.refuse("offset", crate::reason!("error-whole-number"));
            None
        }
    };
    let event_type_ids = form
        .0
        .iter()
        .filter_map(|(name, _)| name.strip_prefix("eventType."))
        .filter_map(|id| id.parse().ok())
        .collect();
    let (default_subject, default_body) = default_reminder(lang);
    let unchanged = |subject: &str, body: &str| {
        subject.trim() == default_subject.trim()
            && body.replace("\r\n", "\n").trim() == default_body.trim()
    };
    let mut steps = Vec::new();
    for i in 0.. {
        let prefix = format!("steps[{i}]");
        if !form.has(&format!("{prefix}.action")) {
            break;
        }
        let get = |name: &str| form.get(&format!("{prefix}.{name}")).to_string();
        let (mut subject, mut body) = (get("subject"), get("body"));
        if unchanged(&subject, &body) {
            subject = DEFAULT_REMINDER_SUBJECT.into();
            body = DEFAULT_REMINDER_BODY.into();
        }
        steps.push(StepInput {
            id: get("id").parse().ok(),
            action: get("action"),
            target: get("target"),
            subject,
            body,
            secret: get("secret"),
            clear_secret: form.has(&format!("{prefix}.clearSecret")),
        });
    }
    WorkflowInput {
        name: form.get("name").to_string(),
        trigger: form.get("trigger").to_string(),
        offset_minutes,
        active: form.has("active"),
        on_new_event_types: form.has("onNewEventTypes"),
        event_type_ids,
        steps,
    }
}

/// The editor, for a new workflow (`id` = `None`) or a stored one.
fn editor(
    ctx: &Ctx,
    id: Option<i64>,
    owner: Owner,
    input: &WorkflowInput,
    context: &EditorContext,
    errors: &FieldErrors,
    message: Markup,
) -> Markup {
    let lang = ctx.lang;
    let action = id.map_or(CURRENT.to_string(), |id| format!("{CURRENT}/{id}"));
    let triggers: Vec<(&str, String)> = Trigger::ALL
        .iter()
        .map(|t| (t.as_str(), trigger_label(lang, *t)))
        .collect();
    let actions: Vec<(&str, String)> = Action::ALL
        .iter()
        .map(|a| (a.as_str(), action_label(lang, *a)))
        .collect();
    let units: Vec<(&str, String)> = UNITS
        .iter()
        .map(|(unit, _)| (*unit, unit_label(lang, unit)))
        .collect();
    let (offset_amount, offset_unit) = input.offset_minutes.map_or((String::new(), "hours"), |m| {
        let (amount, unit) = split_offset(m);
        (amount.to_string(), unit)
    });
    let owner_options: Vec<(String, String)> = context
        .owners
        .iter()
        .map(|(o, name)| (o.form_value(), name.clone()))
        .collect();
    let csrf = ctx.csrf_token();
    let new_title = t!(lang, "wf-new");
    let heading = match id {
        Some(_) => input.name.as_str(),
        None => new_title.as_str(),
    };
    let (default_subject, default_body) = default_reminder(lang);
    let event_types_error = errors.text("eventTypes", lang);
    let steps_error = errors.text("steps", lang);
    html! {
        (message)
        div.page-head {
            div {
                p.muted.small { a href=(CURRENT) { span.flip-rtl { "←" } " " (t!(lang, "nav-workflows")) } }
                h1 { (heading) }
            }
        }
        (error_summary(errors))
        div.detail-grid {
            form.editor method="post" action=(action) {
                (csrf_field(&csrf))
                section.panel aria-labelledby="when-title" data-choice-scope {
                    h2 #when-title { (t!(lang, "wf-when")) }
                    (field(&Field { name: "name", label: &t!(lang, "wf-name"), value: &input.name, required: true, placeholder: Some(&t!(lang, "wf-name-placeholder")), ..Field::default() }, errors))
                    @if id.is_none() && owner_options.len() > 1 {
                        (select_field("owner", &t!(lang, "wf-owner"), &owner_options, &owner.form_value(), Some(&t!(lang, "wf-owner-hint")), errors))
                    }
                    div data-choice { (select_field("trigger", &t!(lang, "wf-trigger"), &triggers, &input.trigger, None, errors)) }
                    div.two-col data-show-for="BEFORE_EVENT AFTER_EVENT" {
                        (field(&Field { name: "offset", label: &t!(lang, "wf-offset"), kind: "number", value: &offset_amount, min: Some("0"), inputmode: Some("numeric"), hint: Some(&t!(lang, "wf-offset-hint")), ..Field::default() }, errors))
                        (select_field("offsetUnit", &t!(lang, "wf-unit"), &units, offset_unit, None, errors))
                    }
                    (checkbox_field("active", &t!(lang, "wf-on"), input.active, Some(&t!(lang, "wf-active-hint"))))
                }
                section.panel aria-labelledby="types-title" {
                    h2 #types-title { (t!(lang, "wf-event-types")) }
                    fieldset.field.invalid[event_types_error.is_some()] {
                        legend { (t!(lang, "wf-send-for")) }
                        @if context.event_types.is_empty() {
                            p.muted.small { (t!(lang, "wf-no-event-types-yet")) }
                        }
                        @for (event_type_id, title) in &context.event_types {
                            (checkbox_field(&format!("eventType.{event_type_id}"), title, input.event_type_ids.contains(event_type_id), None))
                        }
                        @if let Some(message) = &event_types_error { p.error { (field_error(&t!(lang, "wf-event-types"), message)) } }
                    }
                    (checkbox_field("onNewEventTypes", &t!(lang, "wf-on-new-event-types"), input.on_new_event_types, None))
                }
                section.panel aria-labelledby="steps-title" {
                    h2 #steps-title { (t!(lang, "wf-steps")) }
                    @if let Some(message) = &steps_error { p.error { (t!(lang, "wf-steps-error", reason = message.as_str())) } }
                    div.row-editor {
                        @for (i, step) in input.steps.iter().enumerate() {
                            @let prefix = format!("steps[{i}]");
                            @let default = is_default_reminder(&step.subject, &step.body);
                            @let subject = if default { default_subject.as_str() } else { step.subject.as_str() };
                            @let body = if default { default_body.as_str() } else { step.body.as_str() };
                            div.row-card data-choice-scope {
                                div.row-card-head {
                                    strong { (t!(lang, "wf-step", number = i + 1)) }
                                    div.row-tools {
                                        button.button.ghost.small type="submit" name="do" value=(format!("remove-step:{i}")) formnovalidate { (t!(lang, "wf-remove")) }
                                    }
                                }
                                @if let Some(step_id) = step.id { input type="hidden" name=(format!("{prefix}.id")) value=(step_id); }
                                div.two-col {
                                    div data-choice { (select_field(&format!("{prefix}.action"), &t!(lang, "wf-action"), &actions, &step.action, None, errors)) }
                                    div data-show-for="EMAIL_ADDRESS SMS_NUMBER WEBHOOK" { (field(&Field { name: &format!("{prefix}.target"), label: &t!(lang, "wf-send-to"), value: &step.target, placeholder: Some(&t!(lang, "wf-send-to-placeholder")), hint: Some(&t!(lang, "wf-send-to-hint")), ..Field::default() }, errors)) }
                                }
                                @if !context.sms_gateway {
                                    div.alert.alert-warning data-show-for="SMS_ATTENDEE SMS_NUMBER" role="note" {
                                        strong { (t!(lang, "wf-no-sms-gateway")) }
                                        " " (t!(lang, "wf-no-sms-gateway-text"))
                                    }
                                }
                                @if default {
                                    p.hint data-show-for="EMAIL_ATTENDEE EMAIL_HOST EMAIL_ADDRESS" { (t!(lang, "wf-default-reminder")) }
                                }
                                div data-show-for="EMAIL_ATTENDEE EMAIL_HOST EMAIL_ADDRESS" { (field(&Field { name: &format!("{prefix}.subject"), label: &t!(lang, "wf-subject"), value: subject, hint: Some(&t!(lang, "wf-subject-hint")), ..Field::default() }, errors)) }
                                div.step-body data-show-for="EMAIL_ATTENDEE EMAIL_HOST EMAIL_ADDRESS SMS_ATTENDEE SMS_NUMBER" {
                                    (textarea_field(&format!("{prefix}.body"), &t!(lang, "wf-message"), body, Some(&t!(lang, "wf-message-hint")), false, errors))
                                }
                                div.two-col data-show-for="WEBHOOK" {
                                    (field(&Field { name: &format!("{prefix}.secret"), label: &t!(lang, "wf-secret"), kind: "password", value: "", autocomplete: Some("off"), hint: Some(&t!(lang, "wf-secret-hint")), ..Field::default() }, errors))
                                    (checkbox_field(&format!("{prefix}.clearSecret"), &t!(lang, "wf-clear-secret"), step.clear_secret, None))
                                }
                            }
                        }
                    }
                    button.button.ghost.small type="submit" name="do" value="add-step" formnovalidate { (t!(lang, "wf-add-step")) }
                }
                div.sticky-save {
                    a.button.ghost href=(CURRENT) { (t!(lang, "wf-back")) }
                    button.button.primary type="submit" name="do" value="save" { @if id.is_some() { (t!(lang, "wf-save")) } @else { (t!(lang, "wf-create")) } }
                }
            }
            aside.panel aria-labelledby="variables-title" {
                h2 #variables-title { (t!(lang, "wf-variables")) }
                p.hint { (t!(lang, "wf-variables-hint", example = "{ATTENDEE_FIRST_NAME}")) }
                dl.variable-list {
                    @for (name, meaning) in VARIABLES {
                        dt { code { "{" (name) "}" } }
                        dd { (variable_meaning(lang, name, meaning)) }
                    }
                }
                h3.subhead { (t!(lang, "wf-answers")) }
                p.hint { (t!(lang, "wf-answers-hint", variable = "{REASON}", key = "reason")) }
                @if context.question_keys.is_empty() {
                    p.muted.small { (t!(lang, "wf-no-questions")) }
                } @else {
                    ul.small {
                        @for key in &context.question_keys { li { code { "{" (answer_variable(key)) "}" } } }
                    }
                }
                @if context.minimum_necessary {
                    div.alert.alert-info role="note" {
                        (t!(lang, "wf-minimum-necessary-on", notes = "{ADDITIONAL_NOTES}"))
                    }
                } @else {
                    p.hint { (t!(lang, "wf-minimum-necessary-off")) }
                }
            }
        }
        @if let Some(id) = id {
            section.panel.danger-zone.spaced aria-labelledby="delete-title" {
                h2 #delete-title { (t!(lang, "wf-delete-title")) }
                p.muted { (t!(lang, "wf-delete-text")) }
                form method="post" action=(format!("{CURRENT}/{id}/delete")) data-confirm=(t!(lang, "wf-delete-this-confirm")) {
                    (csrf_field(&csrf))
                    button.button.danger type="submit" { (t!(lang, "wf-delete-button")) }
                }
            }
        }
    }
}

/// Applies an editor button other than save (add or remove a step); `true` when it did.
fn apply_row_action(form: &FormData, input: &mut WorkflowInput) -> bool {
    match form.get("do") {
        "add-step" => {
            input.steps.push(StepInput {
                action: Action::EmailAttendee.as_str().into(),
                ..StepInput::default()
            });
            true
        }
        other => match other
            .strip_prefix("remove-step:")
            .and_then(|i| i.parse::<usize>().ok())
        {
            Some(i) if i < input.steps.len() => {
                input.steps.remove(i);
                true
            }
            _ => false,
        },
    }
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct NewQuery {
    owner: String,
}

pub async fn new_page(ctx: Ctx, Query(query): Query<NewQuery>) -> Result<Response, WebError> {
    let user = signed_in(&ctx)?;
    let viewer = user.clone();
    let owner = ctx
        .state
        .db
        .read(move |conn| workflows::owner_from_form(conn, &viewer, &query.owner))
        .await
        .unwrap_or(Owner::User(user.id));
    let context = editor_context(&ctx, &user, owner).await?;
    let body = editor(
        &ctx,
        None,
        owner,
        &blank(ctx.lang),
        &context,
        &FieldErrors::new(),
        html! {},
    );
    Ok(render(&ctx, &user, &t!(ctx.lang, "wf-new"), CURRENT, body))
}

pub async fn create(
    SignedInForm { ctx, user, form }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let mut errors = FieldErrors::new();
    let viewer = user.clone();
    let owner_value = form.get("owner").to_string();
    let owner = ctx
        .state
        .db
        .read(move |conn| workflows::owner_from_form(conn, &viewer, &owner_value))
        .await;
    let owner = match owner {
        Ok(owner) => owner,
        Err(ManageError::Invalid(more)) => {
            for error in more.iter() {
                errors.push_as(&error.field, error);
            }
            Owner::User(user.id)
        }
        Err(other) => return Err(other.into()),
    };
    submit(&ctx, &user, Target::New(owner), owner, &form, errors).await
}

/// Handles a submitted editor: a row button re-renders it, save stores the workflow.
async fn submit(
    ctx: &Ctx,
    user: &User,
    target: Target,
    owner: Owner,
    form: &FormData,
    mut errors: FieldErrors,
) -> Result<Response, WebError> {
    let mut input = parse_form(ctx.lang, form, &mut errors);
    let context = editor_context(ctx, user, owner).await?;
    let id = match target {
        Target::Existing(id) => Some(id),
        Target::New(_) => None,
    };
    if apply_row_action(form, &mut input) {
        let title = if id.is_some() {
            input.name.clone()
        } else {
            t!(ctx.lang, "wf-new")
        };
        let body = editor(
            ctx,
            id,
            owner,
            &input,
            &context,
            &FieldErrors::new(),
            html! {},
        );
        return Ok(render(ctx, user, &title, CURRENT, body));
    }
    let result = if errors.is_empty() {
        let (actor, key, origin, now) = (
            user.clone(),
            ctx.state.key.clone(),
            ctx.origin(),
            ctx.state.clock.now(),
        );
        let submitted = input.clone();
        ctx.state
            .db
            .write(move |tx| workflows::save(tx, &actor, target, &submitted, &key, &origin, now))
            .await
    } else {
        Err(ManageError::Invalid(errors))
    };
    match result {
        Ok(workflow) => {
            let texts = workflow.steps.iter().any(|step| step.action.is_sms());
            let notice = match (id.is_some(), texts && !context.sms_gateway) {
                (_, true) => "saved-without-sms-gateway",
                (true, false) => "saved",
                (false, false) => "created",
            };
            Ok(Redirect::to(&format!("{CURRENT}/{}?notice={notice}", workflow.id)).into_response())
        }
        Err(err) => failed(ctx, user, id, owner, &input, &context, err),
    }
}

/// Answers a refused save with the editor, the reasons next to the fields.
fn failed(
    ctx: &Ctx,
    user: &User,
    id: Option<i64>,
    owner: Owner,
    input: &WorkflowInput,
    context: &EditorContext,
    err: ManageError,
) -> Result<Response, WebError> {
    let (status, errors, message) = match err {
        ManageError::Invalid(errors) => (StatusCode::UNPROCESSABLE_ENTITY, errors, html! {}),
        ManageError::Forbidden(reason) | ManageError::Conflict(reason) => (
            StatusCode::FORBIDDEN,
            FieldErrors::new(),
            notice("error", &reason.text(ctx.lang)),
        ),
        other => return Err(other.into()),
    };
    let title = if input.name.trim().is_empty() {
        t!(ctx.lang, "wf-title")
    } else {
        input.name.clone()
    };
    let body = editor(ctx, id, owner, input, context, &errors, message);
    Ok(render_status(ctx, user, &title, CURRENT, status, body))
}

pub async fn edit(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, WebError> {
    let user = signed_in(&ctx)?;
    let viewer = user.clone();
    let workflow = ctx
        .state
        .db
        .read(move |conn| workflows::managed(conn, &viewer, id))
        .await?;
    let context = editor_context(&ctx, &user, workflow.owner).await?;
    let body = editor(
        &ctx,
        Some(id),
        workflow.owner,
        &input_of(&workflow),
        &context,
        &FieldErrors::new(),
        match query.notice.as_str() {
            "saved-without-sms-gateway" => {
                notice("warning", &t!(ctx.lang, "wf-saved-without-sms-gateway"))
            }
            other => flash_notice(other),
        },
    );
    Ok(render(&ctx, &user, &workflow.name, CURRENT, body))
}

pub async fn save(
    Path(id): Path<i64>,
    SignedInForm { ctx, user, form }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let viewer = user.clone();
    let current = ctx
        .state
        .db
        .read(move |conn| workflows::managed(conn, &viewer, id))
        .await?;
    let target = Target::Existing(id);
    submit(
        &ctx,
        &user,
        target,
        current.owner,
        &form,
        FieldErrors::new(),
    )
    .await
}

pub async fn set_active(
    Path(id): Path<i64>,
    SignedInForm { ctx, user, form }: SignedInForm<FormData>,
) -> Result<Response, WebError> {
    let active = form.get("active") == "on";
    let (origin, now) = (ctx.origin(), ctx.state.clock.now());
    ctx.state
        .db
        .write(move |tx| workflows::set_active(tx, &user, id, active, &origin, now))
        .await?;
    let notice = if active {
        "workflow-on"
    } else {
        "workflow-off"
    };
    Ok(Redirect::to(&format!("{CURRENT}?notice={notice}")).into_response())
}

pub async fn delete(
    Path(id): Path<i64>,
    SignedInForm { ctx, user, .. }: SignedInForm<crate::web::CsrfForm>,
) -> Result<Response, WebError> {
    let (origin, now) = (ctx.origin(), ctx.state.clock.now());
    ctx.state
        .db
        .write(move |tx| workflows::delete(tx, &user, id, &origin, now))
        .await?;
    Ok(Redirect::to(&format!("{CURRENT}?notice=deleted")).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_show_in_their_largest_whole_unit() {
        assert_eq!(split_offset(1440), (1, "days"));
        assert_eq!(split_offset(120), (2, "hours"));
        assert_eq!(split_offset(90), (90, "minutes"));
        assert_eq!(split_offset(0), (0, "minutes"));
    }

    #[test]
    fn the_default_reminder_shows_in_the_page_language_and_stays_the_default() {
        let (subject, body) = default_reminder(Language::German);
        assert!(subject.starts_with("Erinnerung: {EVENT_NAME}"), "{subject}");
        assert!(body.contains("{RESCHEDULE_URL}"), "{body}");
        let (_, arabic) = default_reminder(Language::Arabic);
        assert!(
            !arabic.contains('\u{2068}'),
            "no isolation marks in a template"
        );
        let form = FormData(vec![
            ("steps[0].action".into(), "EMAIL_ATTENDEE".into()),
            ("steps[0].subject".into(), subject),
            ("steps[0].body".into(), body.replace('\n', "\r\n")),
        ]);
        let input = parse_form(Language::German, &form, &mut FieldErrors::new());
        assert_eq!(input.steps[0].subject, DEFAULT_REMINDER_SUBJECT);
        assert_eq!(input.steps[0].body, DEFAULT_REMINDER_BODY);
        let blank = blank(Language::French);
        assert!(
            blank.steps[0]
                .body
                .starts_with("Bonjour {ATTENDEE_FIRST_NAME}")
        );
    }

    #[test]
    fn the_form_reads_steps_event_types_and_the_offset() {
        let form = FormData(
            [
                ("name", "Follow-up"),
                ("trigger", "AFTER_EVENT"),
                ("offset", "2"),
                ("offsetUnit", "hours"),
                ("eventType.7", "on"),
                ("steps[0].action", "EMAIL_ADDRESS"),
                ("steps[0].id", "3"),
                ("steps[0].target", "desk@clinic.example"),
                ("steps[1].action", "WEBHOOK"),
                ("steps[1].clearSecret", "on"),
            ]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        );
        let mut errors = FieldErrors::new();
        let input = parse_form(Language::English, &form, &mut errors);
        assert!(errors.is_empty());
        assert_eq!(input.offset_minutes, Some(120));
        assert_eq!(input.event_type_ids, [7]);
        assert!(!input.active);
        assert_eq!(input.steps.len(), 2);
        assert_eq!(input.steps[0].id, Some(3));
        assert!(input.steps[1].clear_secret);
    }
}

//! Workflows: the list, the editor (trigger, event types, steps with their messages),
//! turning one on or off, and deleting it. The editor lists every template variable and
//! says what minimum-necessary messages leave out.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};

use crate::db::users::User;
use crate::db::workflows as workflow_db;
use crate::integrations::notify::sms;
use crate::integrations::workflows::template::{VARIABLES, answer_variable};
use crate::integrations::workflows::{
    self, Action, Owner, StepInput, Target, Trigger, Workflow, WorkflowInput,
};
use crate::model::error::FieldErrors;
use crate::scheduling::manage::ManageError;
use crate::web::dashboard::{NoticeQuery, flash_notice, render, render_status, signed_in};
use crate::web::extract::SignedInForm;
use crate::web::format::FormData;
use crate::web::layout::{
    Field, checkbox_field, csrf_field, empty_state, error_summary, field, notice, select_field,
    textarea_field,
};
use crate::web::{Ctx, WebError};

const CURRENT: &str = "/dashboard/workflows";

/// Offsets are entered as a number and a unit.
const UNITS: [(&str, &str, u32); 3] = [
    ("minutes", "minutes", 1),
    ("hours", "hours", 60),
    ("days", "days", 24 * 60),
];

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
                h1 { "Workflows" }
                p.muted { "Reminders, follow-ups and messages that go out when bookings change." }
            }
            div.actions { a.button.primary href=(format!("{CURRENT}/new")) { "New workflow" } }
        }
        @if listed.is_empty() {
            (empty_state(
                "No workflows yet",
                "Your first event type comes with a reminder 24 hours before each meeting. Create workflows for more.",
                Some(html! { a.button.primary href=(format!("{CURRENT}/new")) { "Create a workflow" } }),
            ))
        } @else {
            ul.list {
                @for (workflow, owner_name) in &listed {
                    @let id = workflow.id;
                    li {
                        div.list-main {
                            a.list-title href=(format!("{CURRENT}/{id}")) { (workflow.name) }
                            div.list-sub {
                                span { (trigger_summary(workflow)) }
                                @if workflow.active { span.badge.accent { "On" } } @else { span.badge.warn { "Off" } }
                                @if let Owner::Team(_) = workflow.owner { span.badge { "Team: " (owner_name) } }
                                @if workflow.event_type_ids.is_empty() {
                                    span.badge.warn { "No event types" }
                                } @else {
                                    span { (workflow.event_type_ids.iter().map(title_of).collect::<Vec<_>>().join(", ")) }
                                }
                                span.badge { (workflow.steps.len()) @if workflow.steps.len() == 1 { " step" } @else { " steps" } }
                            }
                        }
                        div.list-actions {
                            a.button.ghost.small href=(format!("{CURRENT}/{id}")) { "Edit" }
                            form method="post" action=(format!("{CURRENT}/{id}/active")) {
                                (csrf_field(&csrf))
                                @if workflow.active {
                                    input type="hidden" name="active" value="off";
                                    button.button.ghost.small type="submit" { "Turn off" }
                                } @else {
                                    input type="hidden" name="active" value="on";
                                    button.button.ghost.small type="submit" { "Turn on" }
                                }
                            }
                            form method="post" action=(format!("{CURRENT}/{id}/delete")) data-confirm=(format!("Delete “{}”? Messages it planned are not sent.", workflow.name)) {
                                (csrf_field(&csrf))
                                button.button.ghost.small.danger type="submit" { "Delete" }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(render(&ctx, &user, "Workflows", CURRENT, body))
}

/// `Before the meeting starts · 24 hours`.
fn trigger_summary(workflow: &Workflow) -> String {
    if workflow.trigger.is_timed() {
        let (amount, unit) = split_offset(workflow.offset_minutes);
        let unit = if amount == 1 {
            unit.trim_end_matches('s')
        } else {
            unit
        };
        format!("{} · {amount} {unit}", workflow.trigger.label())
    } else {
        workflow.trigger.label().to_string()
    }
}

/// An offset in its largest whole unit.
fn split_offset(minutes: u32) -> (u32, &'static str) {
    UNITS
        .iter()
        .rev()
        .find(|(_, _, factor)| minutes.is_multiple_of(*factor) && minutes > 0)
        .map_or((minutes, "minutes"), |(_, label, factor)| {
            (minutes / factor, *label)
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

/// What saving a workflow with text message steps says while no SMS gateway is set up.
const SAVED_WITHOUT_SMS_GATEWAY: &str = "Saved, but no SMS gateway is set up: the text message steps of this workflow send nothing, and their jobs fail with that reason under Admin → Background jobs, until an administrator sets one up under Admin → Text messages.";

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

/// The editor's starting point for a new workflow: a reminder email to the attendee.
fn blank() -> WorkflowInput {
    WorkflowInput {
        name: String::new(),
        trigger: Trigger::BeforeEvent.as_str().into(),
        offset_minutes: Some(60),
        active: true,
        on_new_event_types: false,
        event_type_ids: Vec::new(),
        steps: vec![StepInput {
            action: Action::EmailAttendee.as_str().into(),
            subject: "Reminder: {EVENT_NAME} at {EVENT_TIME}".into(),
            body: "Hello {ATTENDEE_FIRST_NAME},\n\nsee you on {EVENT_DATE} at {EVENT_TIME} ({TIMEZONE}).\n\nTo cancel or pick another time: {RESCHEDULE_URL}".into(),
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

/// Reads the editor form; an unreadable offset is a field error.
fn parse_form(form: &FormData, errors: &mut FieldErrors) -> WorkflowInput {
    let offset_minutes = match form.number("offset") {
        Ok(value) => {
            let factor = UNITS
                .iter()
                .find(|(name, _, _)| *name == form.get("offsetUnit"))
                .map_or(1, |(_, _, factor)| *factor);
            value.map(|v| v.saturating_mul(factor))
        }
        Err(()) => {
            errors.add("offset", "must be a whole number");
            None
        }
    };
    let event_type_ids = form
        .0
        .iter()
        .filter_map(|(name, _)| name.strip_prefix("eventType."))
        .filter_map(|id| id.parse().ok())
        .collect();
    let mut steps = Vec::new();
    for i in 0.. {
        let prefix = format!("steps[{i}]");
        if !form.has(&format!("{prefix}.action")) {
            break;
        }
        let get = |name: &str| form.get(&format!("{prefix}.{name}")).to_string();
        steps.push(StepInput {
            id: get("id").parse().ok(),
            action: get("action"),
            target: get("target"),
            subject: get("subject"),
            body: get("body"),
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
    let action = id.map_or(CURRENT.to_string(), |id| format!("{CURRENT}/{id}"));
    let triggers: Vec<(&str, &str)> = Trigger::ALL
        .iter()
        .map(|t| (t.as_str(), t.label()))
        .collect();
    let actions: Vec<(&str, &str)> = Action::ALL
        .iter()
        .map(|a| (a.as_str(), a.label()))
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
    let owner_options: Vec<(&str, &str)> = owner_options
        .iter()
        .map(|(v, l)| (v.as_str(), l.as_str()))
        .collect();
    let csrf = ctx.csrf_token();
    let heading = match id {
        Some(_) => input.name.as_str(),
        None => "New workflow",
    };
    html! {
        (message)
        div.page-head {
            div {
                p.muted.small { a href=(CURRENT) { "← Workflows" } }
                h1 { (heading) }
            }
        }
        (error_summary(errors))
        div.detail-grid {
            form.editor method="post" action=(action) {
                (csrf_field(&csrf))
                section.panel aria-labelledby="when-title" data-choice-scope {
                    h2 #when-title { "When" }
                    (field(&Field { name: "name", label: "Name", value: &input.name, required: true, placeholder: Some("Reminder a day before"), ..Field::default() }, errors))
                    @if id.is_none() && owner_options.len() > 1 {
                        (select_field("owner", "Belongs to", &owner_options, &owner.form_value(), Some("A team's workflows apply to the team's event types; team admins manage them."), errors))
                    }
                    div data-choice { (select_field("trigger", "Trigger", &triggers, &input.trigger, None, errors)) }
                    div.two-col data-show-for="BEFORE_EVENT AFTER_EVENT" {
                        (field(&Field { name: "offset", label: "How long before or after", kind: "number", value: &offset_amount, min: Some("0"), inputmode: Some("numeric"), hint: Some("For “before the meeting starts” and “after the meeting ends” only."), ..Field::default() }, errors))
                        (select_field("offsetUnit", "Unit", &UNITS.map(|(v, l, _)| (v, l)), offset_unit, None, errors))
                    }
                    (checkbox_field("active", "On", input.active, Some("While off, nothing is sent, also for messages already planned.")))
                }
                section.panel aria-labelledby="types-title" {
                    h2 #types-title { "Event types" }
                    fieldset.field.invalid[errors.get("eventTypes").is_some()] {
                        legend { "Send for bookings of" }
                        @if context.event_types.is_empty() {
                            p.muted.small { "No event types yet." }
                        }
                        @for (event_type_id, title) in &context.event_types {
                            (checkbox_field(&format!("eventType.{event_type_id}"), title, input.event_type_ids.contains(event_type_id), None))
                        }
                        @if let Some(message) = errors.get("eventTypes") { p.error { "Event types " (message) } }
                    }
                    (checkbox_field("onNewEventTypes", "Also turn on for event types created from now on", input.on_new_event_types, None))
                }
                section.panel aria-labelledby="steps-title" {
                    h2 #steps-title { "Steps" }
                    @if let Some(message) = errors.get("steps") { p.error { "Steps: " (message) } }
                    div.row-editor {
                        @for (i, step) in input.steps.iter().enumerate() {
                            @let prefix = format!("steps[{i}]");
                            div.row-card data-choice-scope {
                                div.row-card-head {
                                    strong { "Step " (i + 1) }
                                    div.row-tools {
                                        button.button.ghost.small type="submit" name="do" value=(format!("remove-step:{i}")) formnovalidate { "Remove" }
                                    }
                                }
                                @if let Some(step_id) = step.id { input type="hidden" name=(format!("{prefix}.id")) value=(step_id); }
                                div.two-col {
                                    div data-choice { (select_field(&format!("{prefix}.action"), "Action", &actions, &step.action, None, errors)) }
                                    div data-show-for="EMAIL_ADDRESS SMS_NUMBER WEBHOOK" { (field(&Field { name: &format!("{prefix}.target"), label: "Send to", value: &step.target, placeholder: Some("address, +number or https:// URL"), hint: Some("For “email an address”, “text a number” and “call a webhook”."), ..Field::default() }, errors)) }
                                }
                                @if !context.sms_gateway {
                                    div.alert.alert-warning data-show-for="SMS_ATTENDEE SMS_NUMBER" role="note" {
                                        strong { "No SMS gateway is set up." }
                                        " Until an administrator sets one up under Admin → Text messages, this step sends nothing and its jobs fail with that reason."
                                    }
                                }
                                div data-show-for="EMAIL_ATTENDEE EMAIL_HOST EMAIL_ADDRESS" { (field(&Field { name: &format!("{prefix}.subject"), label: "Email subject", value: &step.subject, hint: Some("For emails."), ..Field::default() }, errors)) }
                                div.step-body data-show-for="EMAIL_ATTENDEE EMAIL_HOST EMAIL_ADDRESS SMS_ATTENDEE SMS_NUMBER" {
                                    (textarea_field(&format!("{prefix}.body"), "Message", &step.body, Some("For emails and text messages. A webhook sends the booking as JSON instead."), false, errors))
                                }
                                div.two-col data-show-for="WEBHOOK" {
                                    (field(&Field { name: &format!("{prefix}.secret"), label: "Webhook secret", kind: "password", value: "", autocomplete: Some("off"), hint: Some("Signs each call (X-Cal-Signature-256). Empty keeps the current one."), ..Field::default() }, errors))
                                    (checkbox_field(&format!("{prefix}.clearSecret"), "Remove the webhook secret", step.clear_secret, None))
                                }
                            }
                        }
                    }
                    button.button.ghost.small type="submit" name="do" value="add-step" formnovalidate { "+ Add a step" }
                }
                div.sticky-save {
                    a.button.ghost href=(CURRENT) { "Back" }
                    button.button.primary type="submit" name="do" value="save" { @if id.is_some() { "Save changes" } @else { "Create workflow" } }
                }
            }
            aside.panel aria-labelledby="variables-title" {
                h2 #variables-title { "Variables" }
                p.hint { "Write a variable in braces, such as {ATTENDEE_FIRST_NAME}. Dates and times are in the reader's time zone. Saving names any variable Kairos does not know." }
                dl.variable-list {
                    @for (name, meaning) in VARIABLES {
                        dt { code { "{" (name) "}" } }
                        dd { (meaning) }
                    }
                }
                h3.subhead { "Answers" }
                p.hint { "The answer to a booking question: its identifier in capitals, with - written as _. {REASON} is the answer to the question with identifier reason." }
                @if context.question_keys.is_empty() {
                    p.muted.small { "The event types here ask no questions yet." }
                } @else {
                    ul.small {
                        @for key in &context.question_keys { li { code { "{" (answer_variable(key)) "}" } } }
                    }
                }
                @if context.minimum_necessary {
                    div.alert.alert-info role="note" {
                        "Minimum necessary is on: in everything workflows send, {ADDITIONAL_NOTES} and answers are left empty. Administrators change this under Admin."
                    }
                } @else {
                    p.hint { "Minimum necessary is off: answers and notes are sent as written." }
                }
            }
        }
        @if let Some(id) = id {
            section.panel.danger-zone.spaced aria-labelledby="delete-title" {
                h2 #delete-title { "Delete this workflow" }
                p.muted { "Messages it planned are not sent." }
                form method="post" action=(format!("{CURRENT}/{id}/delete")) data-confirm="Delete this workflow?" {
                    (csrf_field(&csrf))
                    button.button.danger type="submit" { "Delete workflow" }
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
        &blank(),
        &context,
        &FieldErrors::new(),
        html! {},
    );
    Ok(render(&ctx, &user, "New workflow", CURRENT, body))
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
                errors.add(&error.field, error.message.clone());
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
    let mut input = parse_form(form, &mut errors);
    let context = editor_context(ctx, user, owner).await?;
    let id = match target {
        Target::Existing(id) => Some(id),
        Target::New(_) => None,
    };
    if apply_row_action(form, &mut input) {
        let title = if id.is_some() {
            input.name.as_str()
        } else {
            "New workflow"
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
        return Ok(render(ctx, user, title, CURRENT, body));
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
        ManageError::Forbidden(text) | ManageError::Conflict(text) => (
            StatusCode::FORBIDDEN,
            FieldErrors::new(),
            notice("error", text),
        ),
        other => return Err(other.into()),
    };
    let title = if input.name.trim().is_empty() {
        "Workflow"
    } else {
        input.name.as_str()
    };
    let body = editor(ctx, id, owner, input, context, &errors, message);
    Ok(render_status(ctx, user, title, CURRENT, status, body))
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
            "saved-without-sms-gateway" => notice("warning", SAVED_WITHOUT_SMS_GATEWAY),
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
        let input = parse_form(&form, &mut errors);
        assert!(errors.is_empty());
        assert_eq!(input.offset_minutes, Some(120));
        assert_eq!(input.event_type_ids, [7]);
        assert!(!input.active);
        assert_eq!(input.steps.len(), 2);
        assert_eq!(input.steps[0].id, Some(3));
        assert!(input.steps[1].clear_secret);
    }
}

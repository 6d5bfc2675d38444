//! Workflows: what happens after a booking, owned by a user or a team and turned on for
//! chosen event types of that owner.
//!
//! A workflow has one trigger and ordered steps. Triggers that follow a booking change
//! (NEW_EVENT, BOOKING_REQUESTED, RESCHEDULE_EVENT, EVENT_CANCELLED, BOOKING_REJECTED)
//! enqueue one job per step in the transaction that records the change; the timed ones
//! (BEFORE_EVENT, AFTER_EVENT) enqueue one job per step and booking, due at the start
//! minus or the end plus the workflow's offset, keyed by booking × step so it exists
//! once. A reschedule removes the old booking's timed jobs and plans the new booking's;
//! a cancellation or rejection removes them. A reminder already due when the booking is
//! made is not planned.
//!
//! The default reminder: the first time an owner (a user, or a team) creates an event
//! type, Kairos makes them one workflow — EMAIL_ATTENDEE, 24 hours BEFORE_EVENT — marked
//! "turn on for new event types". Every new event type of that owner is turned on in
//! each of the owner's workflows so marked. The owner edits the reminder like any
//! workflow, turns it off for an event type, or deletes it; a deleted default is not made
//! again.

pub mod run;
pub mod template;

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;
use serde_json::json;

use crate::access::{self, Access};
use crate::audit::{self, Origin};
use crate::crypto::{DecryptError, InstanceKey};
use crate::db::bookings::{self, BookingEvent, BookingStatus, RecordedEvent};
use crate::db::users::User;
use crate::db::{teams, workflows};
use crate::integrations::Deps;
use crate::jobs::{Handlers, Lane, NewJob, queue};
use crate::model::error::{FieldErrors, check_email};
use crate::model::event_types::EventType;
pub use crate::model::workflow::{Action, Owner, Step, Trigger, Workflow};
use crate::reason;
use crate::scheduling::manage::{ManageError, field_error};

/// The job kind that runs one workflow step for one booking.
pub const WORKFLOW_JOB: &str = "workflow";
/// The context a webhook step's secret is sealed under.
const SECRET_CONTEXT: &str = "workflow_steps.secret";
/// The longest offset: a year.
const MAX_OFFSET_MINUTES: u32 = 366 * 24 * 60;
const MAX_STEPS: usize = 10;
const MAX_BODY: usize = 10_000;
const MAX_SMS: usize = 1_600;

/// The job lane a step of `action` runs in: the lane of what it talks to, with workflow
/// emails (reminders) in a lane of their own.
fn lane(action: Action) -> Lane {
    match action {
        Action::EmailAttendee | Action::EmailHost | Action::EmailAddress => Lane::Workflow,
        Action::SmsAttendee | Action::SmsNumber => Lane::Sms,
        Action::Webhook => Lane::Webhooks,
    }
}

/// A step as the editor submits it.
#[derive(Debug, Clone, Default)]
pub struct StepInput {
    /// The stored step this replaces, if any.
    pub id: Option<i64>,
    pub action: String,
    pub target: String,
    pub subject: String,
    pub body: String,
    /// A new webhook secret; empty keeps the stored one.
    pub secret: String,
    /// Forget the stored webhook secret.
    pub clear_secret: bool,
}

/// A workflow as the editor submits it.
#[derive(Debug, Clone, Default)]
pub struct WorkflowInput {
    pub name: String,
    pub trigger: String,
    pub offset_minutes: Option<u32>,
    pub active: bool,
    pub on_new_event_types: bool,
    pub event_type_ids: Vec<i64>,
    pub steps: Vec<StepInput>,
}

/// A workflow the user may manage (see [`crate::access::personal`] and
/// [`crate::access::team`]: their own, or their team's as its admin; any for an
/// administrator), or not found.
pub fn managed(conn: &Connection, user: &User, id: i64) -> Result<Workflow, ManageError> {
    let workflow = workflows::get(conn, id)?.ok_or(ManageError::NotFound("workflow"))?;
    if may_manage(conn, user, workflow.owner)? {
        Ok(workflow)
    } else {
        Err(ManageError::NotFound("workflow"))
    }
}

fn may_manage(conn: &Connection, user: &User, owner: Owner) -> Result<bool, ManageError> {
    match owner {
        Owner::User(id) => Ok(access::personal(user, id).is_allowed()),
        Owner::Team(team) => may_manage_team(conn, user, team),
    }
}

/// Whether `user` manages the team's workflows: its admins and instance administrators.
fn may_manage_team(conn: &Connection, user: &User, team_id: i64) -> Result<bool, ManageError> {
    Ok(access::team(conn, user, team_id, access::Action::Manage)? == Access::Allowed)
}

/// The owners whose workflows the user manages: themselves, then each team they administer,
/// with a name to show.
pub fn owners_for(conn: &Connection, user: &User) -> Result<Vec<(Owner, String)>, ManageError> {
    let mut owners = vec![(Owner::User(user.id), "You".to_string())];
    for (team, _) in teams::for_user(conn, user.id)? {
        if may_manage_team(conn, user, team.id)? {
            owners.push((Owner::Team(team.id), team.name));
        }
    }
    Ok(owners)
}

/// Every workflow the user manages, with its owner's name.
pub fn list_managed(
    conn: &Connection,
    user: &User,
) -> Result<Vec<(Workflow, String)>, ManageError> {
    let mut list = Vec::new();
    for (owner, name) in owners_for(conn, user)? {
        for workflow in workflows::list_for_owner(conn, owner)? {
            list.push((workflow, name.clone()));
        }
    }
    Ok(list)
}

/// Reads the owner a form names (`user` or `team:<id>`) and checks the user manages it.
pub fn owner_from_form(conn: &Connection, user: &User, value: &str) -> Result<Owner, ManageError> {
    let owner = match value.strip_prefix("team:") {
        None if value == "user" || value.is_empty() => Owner::User(user.id),
        Some(id) => Owner::Team(
            id.parse()
                .map_err(|_| field_error("owner", reason!("wf-error-not-your-team")))?,
        ),
        None => return Err(field_error("owner", reason!("wf-error-owner"))),
    };
    match may_manage(conn, user, owner) {
        Ok(true) => Ok(owner),
        Ok(false) | Err(ManageError::NotFound(_)) => {
            Err(field_error("owner", reason!("wf-error-owner-admin")))
        }
        Err(other) => Err(other),
    }
}

/// The checked parts of a submitted workflow.
struct Checked {
    name: String,
    trigger: Trigger,
    offset_minutes: u32,
    event_type_ids: Vec<i64>,
    steps: Vec<Step>,
}

/// Checks a submitted workflow, naming each wrong field, and builds what is stored.
/// `current` is the stored workflow when editing (its steps keep their ids and secrets).
fn check(
    conn: &Connection,
    owner: Owner,
    input: &WorkflowInput,
    current: Option<&Workflow>,
    key: &InstanceKey,
) -> Result<Checked, ManageError> {
    let mut errors = FieldErrors::new();
    let name = input.name.trim().to_string();
    if name.is_empty() || name.chars().count() > 100 {
        errors.refuse(
            "name",
            reason!("error-characters-between", min = 1, max = 100),
        );
    }
    let trigger = Trigger::parse(input.trigger.trim());
    if trigger.is_none() {
        let choices = Trigger::ALL.map(Trigger::as_str).join(", ");
        errors.refuse("trigger", reason!("error-one-of", choices = choices));
    }
    let offset = match (trigger, input.offset_minutes) {
        (Some(t), Some(minutes)) if t.is_timed() => {
            if minutes > MAX_OFFSET_MINUTES {
                let days = MAX_OFFSET_MINUTES / (24 * 60);
                errors.refuse("offset", reason!("wf-error-offset-too-long", days = days));
            }
            minutes
        }
        (Some(t), None) if t.is_timed() => {
            errors.refuse("offset", reason!("wf-error-offset-required"));
            0
        }
        _ => 0,
    };
    let allowed: Vec<i64> = workflows::event_types_of(conn, owner)?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let mut event_type_ids = Vec::new();
    for id in &input.event_type_ids {
        if !allowed.contains(id) {
            errors.refuse("eventTypes", reason!("wf-error-event-types"));
        } else if !event_type_ids.contains(id) {
            event_type_ids.push(*id);
        }
    }
    let question_keys: BTreeSet<String> = workflows::question_keys_of(conn, owner)?
        .into_iter()
        .collect();
    let steps: Vec<&StepInput> = input
        .steps
        .iter()
        .filter(|s| !s.action.trim().is_empty())
        .collect();
    if steps.is_empty() {
        errors.refuse("steps", reason!("wf-error-no-step"));
    } else if steps.len() > MAX_STEPS {
        errors.refuse("steps", reason!("wf-error-too-many-steps", max = MAX_STEPS));
    }
    let mut checked = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        if let Some(step) = check_step(i, step, current, &question_keys, key, &mut errors) {
            checked.push(step);
        }
    }
    errors.into_result(())?;
    Ok(Checked {
        name,
        trigger: trigger.unwrap_or(Trigger::NewEvent),
        offset_minutes: offset,
        event_type_ids,
        steps: checked,
    })
}

fn check_step(
    i: usize,
    input: &StepInput,
    current: Option<&Workflow>,
    question_keys: &BTreeSet<String>,
    key: &InstanceKey,
    errors: &mut FieldErrors,
) -> Option<Step> {
    let field = |name: &str| format!("steps[{i}].{name}");
    let Some(action) = Action::parse(input.action.trim()) else {
        let choices = Action::ALL.map(Action::as_str).join(", ");
        errors.refuse(&field("action"), reason!("error-one-of", choices = choices));
        return None;
    };
    let stored = current
        .zip(input.id)
        .and_then(|(workflow, id)| workflow.steps.iter().find(|s| s.id == id));
    let target = input.target.trim().to_string();
    match action {
        Action::EmailAddress => {
            if let Err(reason) = check_email(&target) {
                errors.add(&field("target"), reason);
            }
        }
        Action::SmsNumber => {
            if let Err(reason) = crate::integrations::notify::sms::normalize_number(&target) {
                errors.refuse(&field("target"), reason);
            }
        }
        Action::Webhook => {
            if let Err(err) = crate::outbound::parse_url(&target) {
                errors.refuse(&field("target"), err.reason());
            } else if target.len() > 2048 {
                errors.refuse(
                    &field("target"),
                    reason!("error-at-most-characters", max = 2048),
                );
            }
        }
        _ => {}
    }
    let subject = input.subject.trim().to_string();
    let body = input.body.trim().replace("\r\n", "\n");
    if action.is_email() {
        if subject.is_empty() {
            errors.refuse(&field("subject"), reason!("wf-error-subject-required"));
        } else if subject.chars().count() > 200 || subject.contains('\n') {
            errors.refuse(
                &field("subject"),
                reason!("wf-error-subject-one-line", max = 200),
            );
        }
    }
    if action != Action::Webhook {
        let max = if action.is_sms() { MAX_SMS } else { MAX_BODY };
        if body.is_empty() {
            errors.refuse(&field("body"), reason!("error-required"));
        } else if body.chars().count() > max {
            errors.refuse(
                &field("body"),
                reason!("error-at-most-characters", max = max),
            );
        }
    }
    for (name, text) in [("subject", &subject), ("body", &body)] {
        let unknown = template::unknown_variables(text, question_keys);
        if !unknown.is_empty() {
            let names: Vec<String> = unknown.iter().map(|v| format!("{{{v}}}")).collect();
            errors.refuse(
                &field(name),
                reason!(
                    "wf-error-unknown-variables",
                    count = names.len(),
                    names = names.join(", ")
                ),
            );
        }
    }
    let secret = input.secret.trim();
    let secret_sealed = if action != Action::Webhook || input.clear_secret {
        None
    } else if !secret.is_empty() {
        if secret.len() > 256 {
            errors.refuse(
                &field("secret"),
                reason!("error-at-most-characters", max = 256),
            );
        }
        Some(key.encrypt(secret.as_bytes(), SECRET_CONTEXT))
    } else {
        stored.and_then(|s| s.secret_sealed.clone())
    };
    Some(Step {
        id: stored.map_or(0, |s| s.id),
        position: i64::try_from(i).unwrap_or_default(),
        action,
        target: if action.needs_target() {
            target
        } else {
            String::new()
        },
        subject: if action.is_email() {
            subject
        } else {
            String::new()
        },
        body: if action == Action::Webhook {
            String::new()
        } else {
            body
        },
        secret_sealed,
    })
}

/// The webhook secret of a step, opened: `None` when the step has none.
pub fn open_secret(key: &InstanceKey, step: &Step) -> Result<Option<String>, DecryptError> {
    let Some(sealed) = &step.secret_sealed else {
        return Ok(None);
    };
    let plain = key.decrypt(sealed, SECRET_CONTEXT)?;
    String::from_utf8(plain).map(Some).map_err(|_| DecryptError)
}

fn audit_entry(
    conn: &Connection,
    user: &User,
    action: &'static str,
    id: i64,
    origin: &Origin,
    now: DateTime<Utc>,
) -> rusqlite::Result<i64> {
    audit::record(
        conn,
        now,
        &audit::Entry {
            actor: audit::Actor::User(user.id),
            action,
            object: Some(format!("workflow:{id}")),
            outcome: audit::Outcome::Success,
            origin,
        },
    )
}

/// What a save is for: a new workflow of an owner, or a stored one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    New(Owner),
    Existing(i64),
}

/// Creates a workflow, or replaces a stored one's settings, steps and event types; then
/// plans its reminders again for upcoming bookings (a new offset moves them, a new event
/// type gets them).
pub fn save(
    conn: &Connection,
    user: &User,
    target: Target,
    input: &WorkflowInput,
    key: &InstanceKey,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<Workflow, ManageError> {
    let current = match target {
        Target::Existing(id) => Some(managed(conn, user, id)?),
        Target::New(owner) if may_manage(conn, user, owner)? => None,
        Target::New(_) => {
            return Err(ManageError::Forbidden(reason!("access-team-workflows")));
        }
    };
    let owner = match (&current, target) {
        (Some(current), _) => current.owner,
        (None, Target::New(owner)) => owner,
        (None, Target::Existing(_)) => return Err(ManageError::NotFound("workflow")),
    };
    let checked = check(conn, owner, input, current.as_ref(), key)?;
    let workflow = Workflow {
        id: current.as_ref().map_or(0, |c| c.id),
        owner,
        name: checked.name,
        trigger: checked.trigger,
        offset_minutes: checked.offset_minutes,
        active: input.active,
        on_new_event_types: input.on_new_event_types,
        event_type_ids: checked.event_type_ids,
        steps: checked.steps,
        created_at: current.as_ref().map_or(now, |c| c.created_at),
        updated_at: now,
    };
    let id = workflows::save(conn, current.as_ref().map(|c| c.id), &workflow, now)?;
    replan(conn, id, now)?;
    let action = if current.is_some() {
        "workflow_changed"
    } else {
        "workflow_created"
    };
    audit_entry(conn, user, action, id, origin, now)?;
    workflows::get(conn, id)?.ok_or(ManageError::NotFound("workflow"))
}

/// Turns a workflow on or off: off removes its planned reminders (and sends nothing that
/// was already due), on plans them again for upcoming bookings.
pub fn set_active(
    conn: &Connection,
    user: &User,
    id: i64,
    active: bool,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<(), ManageError> {
    managed(conn, user, id)?;
    workflows::set_active(conn, id, active, now)?;
    replan(conn, id, now)?;
    let action = if active {
        "workflow_activated"
    } else {
        "workflow_deactivated"
    };
    audit_entry(conn, user, action, id, origin, now)?;
    Ok(())
}

/// Deletes a workflow and its planned reminders; other jobs of it find nothing to send.
pub fn delete(
    conn: &Connection,
    user: &User,
    id: i64,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<(), ManageError> {
    managed(conn, user, id)?;
    workflows::remove_timed_jobs_of_workflow(conn, id)?;
    workflows::delete(conn, id)?;
    audit_entry(conn, user, "workflow_deleted", id, origin, now)?;
    Ok(())
}

/// The subject of the default reminder. While a step keeps it (and the body) as made,
/// each reader gets the reminder in their own language (`reminder-subject` and
/// `reminder-body` in the catalogues).
pub const DEFAULT_REMINDER_SUBJECT: &str = "Reminder: {EVENT_NAME} on {EVENT_DATE} at {EVENT_TIME}";
/// The body of the default reminder.
pub const DEFAULT_REMINDER_BODY: &str = "Hello {ATTENDEE_FIRST_NAME},\n\n\
    this is a reminder of {EVENT_NAME} with {ORGANIZER} on {EVENT_DATE} \
    at {EVENT_TIME} ({TIMEZONE}).\n\
    Where: {LOCATION}\n\n\
    To cancel or pick another time: {RESCHEDULE_URL}\n";

/// The default attendee reminder made for an owner with their first event type.
fn default_reminder(owner: Owner, now: DateTime<Utc>) -> Workflow {
    Workflow {
        id: 0,
        owner,
        name: "Reminder 24 hours before".into(),
        trigger: Trigger::BeforeEvent,
        offset_minutes: 24 * 60,
        active: true,
        on_new_event_types: true,
        event_type_ids: Vec::new(),
        steps: vec![Step {
            id: 0,
            position: 0,
            action: Action::EmailAttendee,
            target: String::new(),
            subject: DEFAULT_REMINDER_SUBJECT.into(),
            body: DEFAULT_REMINDER_BODY.into(),
            secret_sealed: None,
        }],
        created_at: now,
        updated_at: now,
    }
}

/// Called when an event type is created: makes the owner's default reminder the first
/// time, then turns on every workflow of the owner marked for new event types.
pub fn on_event_type_created(
    conn: &Connection,
    event_type: &EventType,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    let Some(owner) = Owner::of_event_type(event_type) else {
        return Ok(());
    };
    if workflows::mark_default_made(conn, owner, now)? {
        workflows::save(conn, None, &default_reminder(owner, now), now)?;
    }
    for workflow in workflows::list_for_owner(conn, owner)? {
        if workflow.on_new_event_types {
            workflows::turn_on(conn, workflow.id, event_type.id)?;
        }
    }
    Ok(())
}

/// Follows booking events with the workflow steps they start or plan.
pub struct Subscriber;

impl crate::db::outbox::Subscriber for Subscriber {
    fn name(&self) -> &'static str {
        "workflows"
    }

    fn on_event(&self, conn: &Connection, event: &RecordedEvent) -> rusqlite::Result<()> {
        on_booking_event(conn, event)
    }
}

/// Adds the `workflow` job kind: one step for one booking.
pub fn job_handlers(handlers: Handlers, deps: &Deps) -> Handlers {
    let deps = deps.clone();
    handlers.on(WORKFLOW_JOB, move |job| run::run(deps.clone(), job))
}

/// Plans the workflow jobs a recorded booking event causes. Call it in the transaction
/// that recorded the event.
fn on_booking_event(conn: &Connection, event: &RecordedEvent) -> rusqlite::Result<()> {
    let (booking_id, event_id, now) = (event.booking_id, event.id, event.created_at);
    let Some(booking) = bookings::by_id(conn, booking_id)? else {
        return Ok(());
    };
    match event.event {
        BookingEvent::Rescheduled => {
            if let Some(old) = booking.rescheduled_from_id {
                workflows::remove_timed_jobs(conn, old)?;
            }
        }
        event if event.ends() => {
            workflows::remove_timed_jobs(conn, booking_id)?;
        }
        _ => {}
    }
    let Some(event_type_id) = booking.event_type_id else {
        return Ok(());
    };
    let immediate = Trigger::for_event(event.event);
    let plan_timed = booking.status == BookingStatus::Accepted && event.event.books();
    for workflow in workflows::active_for_event_type(conn, event_type_id)? {
        if Some(workflow.trigger) == immediate {
            enqueue_steps(
                conn,
                &workflow,
                booking_id,
                &format!("workflow:event:{event_id}"),
                now,
                now,
            )?;
        } else if plan_timed {
            plan_timed_steps(conn, &workflow, booking_id, booking.start, booking.end, now)?;
        }
    }
    Ok(())
}

/// Enqueues one job per step of `workflow` for a booking, due at `run_at`, each keyed
/// `{key_prefix}:step:{id}` so it exists once.
fn enqueue_steps(
    conn: &Connection,
    workflow: &Workflow,
    booking_id: i64,
    key_prefix: &str,
    run_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    for step in &workflow.steps {
        let payload = json!({
            "workflowId": workflow.id,
            "stepId": step.id,
            "bookingId": booking_id,
            "trigger": workflow.trigger.as_str(),
        });
        let dedupe = format!("{key_prefix}:step:{}", step.id);
        queue::enqueue(
            conn,
            &NewJob::new(WORKFLOW_JOB, &payload, run_at)
                .dedupe_key(&dedupe)
                .lane(lane(step.action)),
            now,
        )?;
    }
    Ok(())
}

/// Plans a timed workflow's steps for one booking; a time already passed is not planned.
fn plan_timed_steps(
    conn: &Connection,
    workflow: &Workflow,
    booking_id: i64,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    match workflow.due_at(start, end) {
        Some(due) if due > now => enqueue_steps(
            conn,
            workflow,
            booking_id,
            &format!("workflow:booking:{booking_id}"),
            due,
            now,
        ),
        _ => Ok(()),
    }
}

/// Plans a workflow's timed jobs again after it changed: its pending ones are removed
/// and, while it is on, planned for the accepted bookings of its event types whose time
/// for it is still to come.
fn replan(conn: &Connection, workflow_id: i64, now: DateTime<Utc>) -> rusqlite::Result<()> {
    workflows::remove_timed_jobs_of_workflow(conn, workflow_id)?;
    let Some(workflow) = workflows::get(conn, workflow_id)? else {
        return Ok(());
    };
    if !workflow.active || !workflow.trigger.is_timed() {
        return Ok(());
    }
    let lookback = Duration::minutes(i64::from(workflow.offset_minutes));
    for (booking_id, start, end) in workflows::bookings_to_plan(conn, workflow_id, now, lookback)? {
        plan_timed_steps(conn, &workflow, booking_id, start, end, now)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for trigger in Trigger::ALL {
            assert_eq!(Trigger::parse(trigger.as_str()), Some(trigger));
        }
        for action in Action::ALL {
            assert_eq!(Action::parse(action.as_str()), Some(action));
        }
        assert_eq!(Trigger::parse("new_event"), None);
    }

    #[test]
    fn timed_steps_fall_before_the_start_or_after_the_end() {
        let start = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        let end = start + Duration::minutes(30);
        let mut workflow = default_reminder(Owner::User(1), start);
        assert_eq!(
            workflow.due_at(start, end),
            Some(start - Duration::hours(24))
        );
        workflow.trigger = Trigger::AfterEvent;
        workflow.offset_minutes = 15;
        assert_eq!(
            workflow.due_at(start, end),
            Some(end + Duration::minutes(15))
        );
        workflow.trigger = Trigger::NewEvent;
        assert_eq!(workflow.due_at(start, end), None);
    }

    #[test]
    fn the_default_reminder_uses_only_known_variables() {
        let workflow = default_reminder(Owner::Team(3), DateTime::default());
        for step in &workflow.steps {
            assert!(template::unknown_variables(&step.subject, &BTreeSet::new()).is_empty());
            assert!(template::unknown_variables(&step.body, &BTreeSet::new()).is_empty());
        }
    }
}

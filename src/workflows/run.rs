//! Running one workflow step for one booking: the `workflow` job.
//!
//! The job names only ids. When it runs it loads the booking, the step and the people,
//! checks the step still applies (the workflow exists, is on, is still turned on for the
//! booking's event type, and a reminder's booking is still accepted), renders the
//! templates for the recipient and sends. A failed send fails the attempt, so the queue
//! retries it; a step that no longer applies completes without sending.

use std::collections::BTreeMap;

use chrono_tz::Tz;
use rusqlite::Connection;
use serde_json::Value;

use crate::app::AppState;
use crate::crypto::{random_token, token_hash};
use crate::db::bookings::{self, Booking, BookingStatus};
use crate::db::users::{self, User};
use crate::db::{DbError, workflows};
use crate::instance::InstanceSettings;
use crate::jobs::{Job, JobFailure};
use crate::notify::smtp::{self, SmtpSettings};
use crate::scheduling::event_types::Location;
use crate::scheduling::schedules::parse_zone;
use crate::workflows::template::{self, BookingFacts, Reader};
use crate::workflows::{Action, Step, Workflow};

/// A rendered message and where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub action: Action,
    /// (name, address) pairs for email; one number for SMS; the URL for a webhook.
    pub to: Vec<(String, String)>,
    pub subject: String,
    pub body: String,
}

/// Everything one run needs, loaded in one read.
struct Loaded {
    workflow: Workflow,
    step: Step,
    booking: Booking,
    hosts: Vec<User>,
    settings: InstanceSettings,
    smtp: Option<SmtpSettings>,
}

fn id_of(payload: &Value, name: &str) -> Result<i64, JobFailure> {
    payload
        .get(name)
        .and_then(Value::as_i64)
        .ok_or_else(|| JobFailure::new(format!("the job names no {name}")))
}

fn db_failure(err: rusqlite::Error) -> JobFailure {
    JobFailure(DbError::from(err).to_string())
}

/// Loads what the step needs, or `None` when the step no longer applies.
fn load(
    conn: &Connection,
    state_key: &crate::crypto::InstanceKey,
    workflow_id: i64,
    step_id: i64,
    booking_id: i64,
) -> Result<Option<Loaded>, JobFailure> {
    let Some(workflow) = workflows::get(conn, workflow_id).map_err(db_failure)? else {
        return Ok(None);
    };
    let Some(step) = workflow.steps.iter().find(|s| s.id == step_id).cloned() else {
        return Ok(None);
    };
    let Some(booking) = bookings::by_id(conn, booking_id).map_err(db_failure)? else {
        return Ok(None);
    };
    let turned_on = booking
        .event_type_id
        .is_some_and(|id| workflow.event_type_ids.contains(&id));
    if !workflow.active || !turned_on {
        return Ok(None);
    }
    if workflow.trigger.is_timed() && booking.status != BookingStatus::Accepted {
        return Ok(None);
    }
    let mut hosts = Vec::new();
    for id in &booking.hosts {
        if let Some(user) = users::by_id(conn, *id).map_err(db_failure)? {
            hosts.push(user);
        }
    }
    let settings = InstanceSettings::load(conn).map_err(db_failure)?;
    let smtp = if step.action.is_email() {
        smtp::load(conn, state_key).map_err(|err| JobFailure(err.to_string()))?
    } else {
        None
    };
    Ok(Some(Loaded {
        workflow,
        step,
        booking,
        hosts,
        settings,
        smtp,
    }))
}

/// The answers of a booking as text, by question key.
fn answers_as_text(answers: &BTreeMap<String, Value>) -> BTreeMap<String, String> {
    answers
        .iter()
        .map(|(key, value)| {
            let text = match value {
                Value::String(text) => text.clone(),
                Value::Bool(true) => "yes".into(),
                Value::Bool(false) => "no".into(),
                Value::Array(items) => items
                    .iter()
                    .map(|item| {
                        item.as_str()
                            .map_or_else(|| item.to_string(), str::to_string)
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
                Value::Null => String::new(),
                other => other.to_string(),
            };
            (key.clone(), text)
        })
        .collect()
}

/// The facts of a booking for templates; `manage_url` when a link was issued.
pub fn facts_of(
    booking: &Booking,
    organizer: Option<&User>,
    manage_url: Option<String>,
) -> BookingFacts {
    let meeting_url = match &booking.location {
        Some(Location::Video { url }) => url.clone(),
        Some(Location::Link { url }) => Some(url.clone()),
        _ => None,
    };
    let mut answers = answers_as_text(&booking.answers);
    let additional_notes = answers.remove("notes").unwrap_or_default();
    BookingFacts {
        event_name: booking.title.clone(),
        organizer: organizer.map(|u| u.name.clone()).unwrap_or_default(),
        attendee_name: booking.attendee_name.clone(),
        attendee_email: booking.attendee_email.clone(),
        start: booking.start,
        end: booking.end,
        location: booking.location.as_ref().map(Location::describe),
        meeting_url,
        manage_url,
        additional_notes,
        answers,
    }
}

/// The attendee's phone number: the first answer to a phone question that reads as an
/// international number.
fn attendee_phone(conn: &Connection, booking: &Booking) -> rusqlite::Result<Option<String>> {
    let Some(event_type_id) = booking.event_type_id else {
        return Ok(None);
    };
    let Some(event_type) = crate::db::event_types::get(conn, event_type_id)? else {
        return Ok(None);
    };
    Ok(event_type
        .input
        .questions
        .iter()
        .filter(|q| q.kind == crate::scheduling::questions::QuestionKind::Phone)
        .filter_map(|q| booking.answers.get(&q.key).and_then(Value::as_str))
        .find_map(|answer| super::check_phone(answer).ok()))
}

/// Renders the step's message for its recipient. Pure: everything comes in as data.
pub fn render(
    step: &Step,
    facts: &BookingFacts,
    reader: &Reader,
    to: Vec<(String, String)>,
) -> Message {
    let values = template::values(facts, reader);
    Message {
        action: step.action,
        to,
        subject: template::render(&step.subject, &values),
        body: template::render(&step.body, &values),
    }
}

/// Whether a step's templates carry the attendee's manage link.
fn uses_manage_link(step: &Step) -> bool {
    [&step.subject, &step.body].iter().any(|text| {
        template::variables_in(text)
            .iter()
            .any(|v| v == "CANCEL_URL" || v == "RESCHEDULE_URL")
    })
}

/// Runs a `workflow` job.
pub async fn run(state: AppState, job: Job) -> Result<(), JobFailure> {
    let workflow_id = id_of(&job.payload, "workflowId")?;
    let step_id = id_of(&job.payload, "stepId")?;
    let booking_id = id_of(&job.payload, "bookingId")?;
    let key = state.key.clone();
    let loaded = state
        .db
        .read(move |conn| load(conn, &key, workflow_id, step_id, booking_id))
        .await?;
    let Some(loaded) = loaded else {
        return Ok(());
    };
    let now = state.clock.now();
    let manage_url = if uses_manage_link(&loaded.step) {
        let token = random_token();
        let hash = token_hash(&token);
        state
            .db
            .write(move |tx| -> Result<(), DbError> {
                Ok(workflows::insert_link(tx, booking_id, &hash, now)?)
            })
            .await?;
        Some(format!(
            "{}/booking/{}?token={token}",
            state.base_url().trim_end_matches('/'),
            loaded.booking.uid
        ))
    } else {
        None
    };
    let organizer = loaded.hosts.first();
    let facts = facts_of(&loaded.booking, organizer, manage_url);
    let booking_zone = parse_zone(&loaded.booking.attendee_time_zone).unwrap_or(Tz::UTC);
    // Everything a step sends leaves the appliance.
    let withhold_answers = loaded.settings.minimum_necessary;
    let host_reader = organizer.map_or(
        Reader {
            zone: loaded.settings.default_time_zone,
            twelve_hour: false,
            withhold_answers,
        },
        |host| Reader {
            zone: host.time_zone,
            twelve_hour: host.twelve_hour,
            withhold_answers,
        },
    );
    let (reader, to) = match loaded.step.action {
        Action::EmailAttendee => (
            Reader {
                zone: booking_zone,
                twelve_hour: false,
                withhold_answers,
            },
            vec![(
                loaded.booking.attendee_name.clone(),
                loaded.booking.attendee_email.clone(),
            )],
        ),
        Action::EmailHost => (
            host_reader,
            loaded
                .hosts
                .iter()
                .map(|h| (h.name.clone(), h.email.clone()))
                .collect(),
        ),
        Action::EmailAddress | Action::SmsNumber | Action::Webhook => (
            host_reader,
            vec![(String::new(), loaded.step.target.clone())],
        ),
        Action::SmsAttendee => {
            let booking = loaded.booking.clone();
            let phone = state
                .db
                .read(move |conn| -> Result<_, DbError> { Ok(attendee_phone(conn, &booking)?) })
                .await?;
            let Some(phone) = phone else {
                // The attendee gave no number: nobody to text.
                return Ok(());
            };
            (
                Reader {
                    zone: booking_zone,
                    twelve_hour: false,
                    withhold_answers,
                },
                vec![(String::new(), phone)],
            )
        }
    };
    let message = render(&loaded.step, &facts, &reader, to);
    deliver(&state, &loaded, &message).await?;
    tracing::info!(
        workflow_id = loaded.workflow.id,
        step_id,
        booking_id,
        action = loaded.step.action.as_str(),
        "workflow step sent"
    );
    Ok(())
}

async fn deliver(state: &AppState, loaded: &Loaded, message: &Message) -> Result<(), JobFailure> {
    let _ = state;
    match message.action {
        Action::EmailAttendee | Action::EmailHost | Action::EmailAddress => {
            let Some(smtp) = &loaded.smtp else {
                tracing::warn!(
                    workflow_id = loaded.workflow.id,
                    "no mail server is set up: a workflow email was not sent"
                );
                return Ok(());
            };
            if message.to.is_empty() {
                return Ok(());
            }
            crate::notify::email::send_text(smtp, &message.to, &message.subject, &message.body)
                .await
                .map_err(|err| JobFailure(err.to_string()))
        }
        Action::SmsAttendee | Action::SmsNumber | Action::Webhook => Err(JobFailure::new(format!(
            "{} steps cannot be sent yet",
            message.action.as_str()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_read_as_text() {
        let answers = BTreeMap::from([
            ("reason".to_string(), Value::String("check-up".into())),
            ("consent".to_string(), Value::Bool(true)),
            ("topics".to_string(), serde_json::json!(["a", "b"])),
            ("visits".to_string(), serde_json::json!(3)),
        ]);
        let text = answers_as_text(&answers);
        assert_eq!(text["reason"], "check-up");
        assert_eq!(text["consent"], "yes");
        assert_eq!(text["topics"], "a, b");
        assert_eq!(text["visits"], "3");
    }
}

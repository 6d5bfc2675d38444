//! Running one workflow step for one booking: the `workflow` job.
//!
//! The job names only ids. When it runs it loads the booking, the step and the people,
//! checks the step still applies (the workflow exists, is on, is still turned on for the
//! booking's event type, and a reminder's booking is still accepted), renders the
//! templates for the recipient and sends. A failed send fails the attempt, so the queue
//! retries it; a step that no longer applies completes without sending.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde_json::Value;

use crate::crypto::{random_token, token_hash};
use crate::db::bookings::{self, Booking, BookingStatus};
use crate::db::users::{self, User};
use crate::db::{DbError, workflows};
use crate::instance::InstanceSettings;
use crate::integrations::Deps;
use crate::integrations::notify::email::{self, Audience, Email, Reading, Recipient, Site};
use crate::integrations::notify::sms;
use crate::integrations::notify::smtp::{self, SmtpSettings};
use crate::integrations::webhooks::{self, SignedPost};
use crate::integrations::workflows::template::{self, BookingFacts, Reader};
use crate::integrations::workflows::{Action, Step, Trigger, Workflow};
use crate::jobs::{Job, JobFailure};
use crate::model::event_types::Location;
use crate::outbound;

/// Everything one run needs, loaded in one read.
struct Loaded {
    workflow: Workflow,
    step: Step,
    booking: Booking,
    hosts: Vec<User>,
    settings: InstanceSettings,
    smtp: Option<SmtpSettings>,
}

/// Why a text message step failed when no gateway is set up, in words for the jobs page.
pub const NO_SMS_GATEWAY: &str = "no SMS gateway is set up, so the text message was not sent: an administrator sets one up under Admin → Text messages, then retries this job";

fn id_of(payload: &Value, name: &str) -> Result<i64, JobFailure> {
    payload
        .get(name)
        .and_then(Value::as_i64)
        .ok_or_else(|| JobFailure::new(format!("the job names no {name}")))
}

fn db_failure(err: rusqlite::Error) -> JobFailure {
    JobFailure::new(DbError::from(err).to_string())
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
        smtp::load(conn, state_key).map_err(|err| JobFailure::new(err.to_string()))?
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
        Some(Location::Video { url, .. }) => url.clone(),
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
        location: booking.location.clone(),
        meeting_url,
        manage_url,
        additional_notes,
        answers,
    }
}

/// The attendee's phone number: the first answer to a phone question that reads as a
/// phone number.
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
        .filter(|q| q.kind == crate::model::questions::QuestionKind::Phone)
        .filter_map(|q| booking.answers.get(&q.key).and_then(Value::as_str))
        .find_map(|answer| sms::normalize_number(answer).ok()))
}

/// Renders a step's subject and body for `reader`. Pure: everything comes in as data.
pub fn render(step: &Step, facts: &BookingFacts, reader: &Reader) -> (String, String) {
    let values = template::values(facts, reader);
    // The default reminder, as made: in the reader's language.
    // Saving trims a step's texts, so the default is recognised trimmed too.
    if step.subject.trim() == super::DEFAULT_REMINDER_SUBJECT.trim()
        && step.body.trim() == super::DEFAULT_REMINDER_BODY.trim()
    {
        let args = crate::i18n::args(
            values
                .iter()
                .map(|(name, value)| (name.as_str(), crate::i18n::value(value.as_str()))),
        );
        let lang = reader.locale.language;
        return (
            crate::i18n::message(lang, "reminder-subject", Some(&args)),
            crate::i18n::message(lang, "reminder-body", Some(&args)),
        );
    }
    (
        template::render(&step.subject, &values),
        template::render(&step.body, &values),
    )
}

/// How a reader sees times, and whether answers stay out (everything a step sends leaves
/// the appliance, so minimum necessary always applies when it is on).
fn reader(reading: Reading, site: &Site) -> Reader {
    Reader {
        zone: reading.zone,
        locale: reading.locale,
        withhold_answers: site.minimum_necessary,
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

/// Issues an extra manage link of a booking whose own token cannot be recomputed, and
/// returns its address; only the link's hash is kept.
async fn issue_manage_link(deps: &Deps, booking: &Booking) -> Result<String, JobFailure> {
    let token = random_token();
    let hash = token_hash(&token);
    let (booking_id, now) = (booking.id, deps.clock.now());
    deps.db
        .write(move |tx| -> Result<(), DbError> {
            Ok(workflows::insert_link(tx, booking_id, &hash, now)?)
        })
        .await?;
    Ok(format!(
        "{}/booking/{}?token={token}",
        deps.site().base_url.trim_end_matches('/'),
        booking.uid
    ))
}

/// Runs a `workflow` job.
pub async fn run(deps: Deps, job: Job) -> Result<(), JobFailure> {
    let workflow_id = id_of(&job.payload, "workflowId")?;
    let step_id = id_of(&job.payload, "stepId")?;
    let booking_id = id_of(&job.payload, "bookingId")?;
    let key = deps.key.clone();
    let loaded = deps
        .db
        .read(move |conn| load(conn, &key, workflow_id, step_id, booking_id))
        .await?;
    let Some(loaded) = loaded else {
        return Ok(());
    };
    crate::integrations::wait_for_meeting_link(&loaded.booking, deps.clock.now())?;
    // A reminder is for before the meeting: one that could not be sent in time (its
    // server was down) is dropped, visibly, rather than sent late.
    if loaded.workflow.trigger == Trigger::BeforeEvent && deps.clock.now() >= loaded.booking.start {
        return Err(JobFailure::give_up(
            "not sent: the meeting began before the reminder could be sent",
        ));
    }
    let site = deps.site();
    let manage_url = if uses_manage_link(&loaded.step) && loaded.booking.status.is_active() {
        match site.manage_url(&loaded.booking) {
            Some(url) => Some(url),
            // Booked before manage tokens were derived: a link of its own for the message.
            None => Some(issue_manage_link(&deps, &loaded.booking).await?),
        }
    } else {
        None
    };
    let organizer = loaded.hosts.first();
    let facts = facts_of(&loaded.booking, organizer, manage_url);
    // Messages to an address or a number read times as the organizer does.
    let organizer_reading = organizer.map_or_else(
        || {
            Reading::in_zone(
                loaded.settings.default_time_zone,
                loaded.settings.default_language,
            )
        },
        |host| Reading::host(host, loaded.settings.default_language),
    );
    // The same on every attempt of this step for this booking: what a retried message
    // or call is recognised by.
    let identity = job.identity();
    let sent = match loaded.step.action {
        Action::EmailAttendee | Action::EmailHost | Action::EmailAddress => {
            send_emails(&deps, &loaded, &site, facts, organizer_reading, &identity).await?
        }
        Action::SmsAttendee | Action::SmsNumber => {
            send_sms(&deps, &loaded, &site, &facts, organizer_reading).await?
        }
        Action::Webhook => call_webhook(&deps, &loaded, &site, &identity).await?,
    };
    if sent {
        tracing::info!(
            workflow_id = loaded.workflow.id,
            step_id,
            booking_id,
            action = loaded.step.action.as_str(),
            "workflow step sent"
        );
    }
    Ok(())
}

/// Sends an email step: one message per addressee, each in the frame every Kairos email
/// shares. Returns whether anything was sent.
async fn send_emails(
    deps: &Deps,
    loaded: &Loaded,
    site: &Site,
    facts: BookingFacts,
    organizer_reading: Reading,
    identity: &str,
) -> Result<bool, JobFailure> {
    let Some(smtp) = loaded.smtp.clone() else {
        tracing::warn!(
            workflow_id = loaded.workflow.id,
            "no mail server is set up: a workflow email was not sent"
        );
        return Ok(false);
    };
    let audiences: Vec<(Audience, Reading)> = match loaded.step.action {
        Action::EmailAttendee => vec![(
            Audience::Attendee,
            Reading::attendee(&loaded.booking, loaded.settings.default_language),
        )],
        Action::EmailHost => loaded
            .hosts
            .iter()
            .map(|host| {
                (
                    Audience::Host(host.id),
                    Reading::host(host, loaded.settings.default_language),
                )
            })
            .collect(),
        _ => vec![(
            Audience::Address {
                recipient: Recipient::new("", &loaded.step.target),
                reading: organizer_reading,
            },
            organizer_reading,
        )],
    };
    let (step, booking, site) = (loaded.step.clone(), loaded.booking.clone(), site.clone());
    let mut messages = deps
        .db
        .read(move |conn| -> Result<Vec<Email>, DbError> {
            let mut messages = Vec::with_capacity(audiences.len());
            for (audience, reading) in &audiences {
                let (subject, body) = render(&step, &facts, &reader(*reading, &site));
                messages.push(email::compose(
                    conn, &site, &booking, audience, &subject, &body,
                )?);
            }
            Ok(messages)
        })
        .await?;
    for message in &mut messages {
        let recipients = email::addresses(message);
        message.message_id = Some(email::stable_message_id(
            &deps.key,
            &smtp.from_address,
            &[
                "workflow",
                &loaded.booking.uid,
                &format!("step:{}", loaded.step.id),
                identity,
                &recipients,
            ],
        ));
    }
    for message in &messages {
        email::send(&smtp, message, deps.admin_policy())
            .await
            .map_err(|err| JobFailure::new(email::without_addresses(&err.to_string(), message)))?;
    }
    Ok(!messages.is_empty())
}

/// Sends an SMS step through the instance's SMS gateway. Returns whether it was sent.
async fn send_sms(
    deps: &Deps,
    loaded: &Loaded,
    site: &Site,
    facts: &BookingFacts,
    organizer_reading: Reading,
) -> Result<bool, JobFailure> {
    let (key, booking, step) = (
        deps.key.clone(),
        loaded.booking.clone(),
        loaded.step.clone(),
    );
    let (gateway, number) = deps
        .db
        .read(move |conn| -> Result<_, JobFailure> {
            let gateway = sms::load(conn, &key).map_err(|err| JobFailure::new(err.to_string()))?;
            let number = match step.action {
                Action::SmsAttendee => attendee_phone(conn, &booking).map_err(db_failure)?,
                _ => Some(step.target.clone()),
            };
            Ok((gateway, number))
        })
        .await?;
    // The attendee gave no number: nobody to text.
    let Some(number) = number else {
        return Ok(false);
    };
    // Not silently done: the job fails with the reason in words, shows under Admin →
    // Background jobs, and goes out on a retry once a gateway is set up.
    let Some(gateway) = gateway else {
        return Err(JobFailure::new(NO_SMS_GATEWAY));
    };
    let reading = match loaded.step.action {
        Action::SmsAttendee => Reading::attendee(&loaded.booking, loaded.settings.default_language),
        _ => organizer_reading,
    };
    let (_, text) = render(&loaded.step, facts, &reader(reading, site));
    sms::send(&gateway, &number, &text, deps.admin_policy())
        .await
        .map_err(|err| JobFailure::new(err.to_string()))?;
    Ok(true)
}

/// The `triggerEvent` a workflow's webhook carries: Cal.com's webhook name where there is
/// one, so receivers written for Cal.com understand it, else the workflow trigger's.
fn webhook_trigger(trigger: Trigger) -> &'static str {
    match trigger {
        Trigger::NewEvent => "BOOKING_CREATED",
        Trigger::BookingRequested => "BOOKING_REQUESTED",
        Trigger::RescheduleEvent => "BOOKING_RESCHEDULED",
        Trigger::EventCancelled => "BOOKING_CANCELLED",
        Trigger::BookingRejected => "BOOKING_REJECTED",
        Trigger::BookingPaid => "BOOKING_PAID",
        Trigger::BeforeEvent | Trigger::AfterEvent => trigger.as_str(),
    }
}

/// Calls a webhook step's URL with the booking's Cal.com payload, signed when the step has
/// a secret. An answer other than 2xx fails the attempt.
async fn call_webhook(
    deps: &Deps,
    loaded: &Loaded,
    site: &Site,
    identity: &str,
) -> Result<bool, JobFailure> {
    let trigger = webhook_trigger(loaded.workflow.trigger);
    let (booking_id, minimum_necessary) = (loaded.booking.id, site.minimum_necessary);
    let body = deps
        .db
        .read(move |conn| -> Result<_, DbError> {
            Ok(webhooks::payload(
                conn,
                booking_id,
                trigger,
                minimum_necessary,
            )?)
        })
        .await?;
    let Some(payload) = body else {
        return Ok(false);
    };
    let secret = super::open_secret(&deps.key, &loaded.step).map_err(|_| {
        JobFailure::new("the step's webhook secret cannot be opened; enter it again")
    })?;
    let post = SignedPost {
        url: &loaded.step.target,
        secret: secret.as_deref().unwrap_or_default(),
        trigger,
        created_at: deps.clock.now(),
        payload,
        delivery_id: webhooks::delivery_id(&deps.key, identity),
    };
    let policy = deps.policy();
    let exchange = if secret.is_some() {
        webhooks::send_signed(&post, policy).await
    } else {
        outbound::post(
            outbound::Request {
                url: post.url,
                content_type: "application/json",
                headers: post.id_headers(),
                body: post.body(),
            },
            policy,
        )
        .await
    };
    if exchange.succeeded() {
        Ok(true)
    } else {
        Err(JobFailure::new(exchange.summary()))
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

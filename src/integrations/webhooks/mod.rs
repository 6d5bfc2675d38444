//! Webhooks: signed POSTs to URLs people subscribe, when bookings change.
//!
//! A subscription belongs to a user and hears about bookings of their own event types, or
//! of one event type (their own, or a team's they administer). Each recorded booking event
//! enqueues one `webhook` job per matching subscription in the booking's transaction
//! ([`enqueue_for_event`]); `MEETING_ENDED` is a job due at the meeting's end, moved by a
//! reschedule and dropped by a cancel. The body is Cal.com's
//! (`{triggerEvent, createdAt, payload}`, see [`payload`]) signed in `X-Cal-Signature-256`
//! ([`signature`]), so receivers written for Cal.com keep working.

mod deliver;
mod payload;

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::json;
use utoipa::ToSchema;

use crate::audit::{self, Origin};
use crate::crypto::{InstanceKey, hmac_hex, random_token};
use crate::db::bookings::{self, BookingStatus, RecordedEvent};
use crate::db::users::{self, User};
use crate::db::webhooks::{self as store, Delivery, Webhook, WebhookRow};
use crate::db::{DbError, event_types};
use crate::integrations::Deps;
use crate::jobs::{Handlers, Lane, NewJob, queue};
use crate::model::error::FieldErrors;
pub use crate::model::webhook::Trigger;
use crate::outbound::{self, Policy};
use crate::reason;

pub use deliver::{DELIVERY_HEADER, PING, SignedPost, deliver_job, delivery_id, ping, send_signed};
pub use payload::payload;

/// The job kind that delivers one webhook.
pub const WEBHOOK_JOB: &str = "webhook";
/// The header carrying the body's HMAC.
pub const SIGNATURE_HEADER: &str = "X-Cal-Signature-256";
/// The sealing context of webhook secrets.
const SECRET_CONTEXT: &str = "webhook.secret";
const MAX_URL: usize = 2048;
const MAX_SECRET: usize = 256;

/// Lowercase hex HMAC-SHA256 of the raw body under the subscription's secret: the value
/// of `X-Cal-Signature-256`.
pub fn signature(secret: &str, body: &[u8]) -> String {
    hmac_hex(secret.as_bytes(), body)
}

// ---- subscriptions ---------------------------------------------------------------------

/// A new subscription, as the API and the dashboard take it.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WebhookInput {
    #[schema(schema_with = url_schema)]
    pub url: String,
    /// What to send: at least one trigger.
    #[schema(min_items = 1)]
    pub triggers: Vec<Trigger>,
    /// The HMAC key for `X-Cal-Signature-256`: at most 256 characters on one line; one is
    /// made (and shown once) when left out or empty.
    #[serde(default)]
    #[schema(max_length = 256, pattern = "^[^\\x00-\\x1f\\x7f-\\x9f]*$")]
    pub secret: Option<String>,
    #[serde(default = "yes")]
    pub active: bool,
    /// Only bookings of this event type; left out: every booking of your own event types.
    #[serde(default)]
    pub event_type_id: Option<i64>,
}

fn yes() -> bool {
    true
}

/// A receiver's URL as the OpenAPI document states it: http or https, a host name or an
/// IP address, no user name or password (see [`outbound::parse_url`]).
fn url_schema() -> utoipa::openapi::schema::Object {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    const NAME: &str =
        "([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)*[A-Za-z]([A-Za-z0-9-]*[A-Za-z0-9])?";
    const OCTET: &str = "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
    const PORT: &str =
        "([0-9]{1,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])";
    // An IPv6 address in brackets: eight groups, or fewer around one `::`.
    const GROUP: &str = "[0-9A-Fa-f]{1,4}";
    let ipv6 = [
        format!("({GROUP}:){{7}}{GROUP}"),
        format!("({GROUP}:){{1,7}}:"),
        format!("({GROUP}:){{1,6}}:{GROUP}"),
        format!("({GROUP}:){{1,5}}(:{GROUP}){{1,2}}"),
        format!("({GROUP}:){{1,4}}(:{GROUP}){{1,3}}"),
        format!("({GROUP}:){{1,3}}(:{GROUP}){{1,4}}"),
        format!("({GROUP}:){{1,2}}(:{GROUP}){{1,5}}"),
        format!("{GROUP}:(:{GROUP}){{1,6}}"),
        format!(":((:{GROUP}){{1,7}}|:)"),
    ]
    .join("|");
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(format!(
            "^https?://({NAME}|{OCTET}(\\.{OCTET}){{3}}|\\[({ipv6})\\])(:{PORT})?([/?#][!-~]*)?$"
        )))
        .max_length(Some(MAX_URL))
        .description(Some(
            "Where to POST: an http or https URL whose host is, or resolves only to, public \
             addresses (private ones when an administrator allows them).",
        ))
        .build()
}

/// Changes to a subscription: fields left out stay as they are.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WebhookPatch {
    #[schema(schema_with = url_schema)]
    pub url: Option<String>,
    /// At least one trigger.
    #[schema(min_items = 1)]
    pub triggers: Option<Vec<Trigger>>,
    /// A new secret: at most 256 characters on one line.
    #[schema(max_length = 256, pattern = "^[^\\x00-\\x1f\\x7f-\\x9f]*$")]
    pub secret: Option<String>,
    pub active: Option<bool>,
    /// `null` makes the subscription user-wide again.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<i64>)]
    pub event_type_id: Option<Option<i64>>,
}

/// A field that is present (even as `null`) is `Some`.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}

/// A subscription as shown: never its secret.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct WebhookView {
    pub id: i64,
    pub url: String,
    pub triggers: Vec<Trigger>,
    pub active: bool,
    pub event_type_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<Webhook> for WebhookView {
    fn from(webhook: Webhook) -> Self {
        WebhookView {
            id: webhook.id,
            url: webhook.url,
            triggers: webhook.triggers,
            active: webhook.active,
            event_type_id: webhook.event_type_id,
            created_at: webhook.created_at,
            updated_at: webhook.updated_at,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum WebhookError {
    #[error("no webhook has that id")]
    NotFound,
    #[error("{0}")]
    Invalid(FieldErrors),
    #[error("the stored webhook secret cannot be opened with this instance key")]
    Corrupt,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<rusqlite::Error> for WebhookError {
    fn from(err: rusqlite::Error) -> Self {
        WebhookError::Db(DbError::from(err))
    }
}

/// Who changes subscriptions, for the audit log.
#[derive(Debug, Clone)]
pub struct Changer {
    pub user: User,
    pub actor: audit::Actor,
    pub origin: Origin,
}

/// The checked, complete fields of a subscription.
struct Checked {
    url: String,
    triggers: Vec<Trigger>,
    secret: Option<String>,
    active: bool,
    event_type_id: Option<i64>,
}

/// Checks what needs no database: the URL's form and target, triggers, secret.
async fn check_fields(input: &WebhookInput, policy: Policy) -> Result<Checked, FieldErrors> {
    let mut errors = FieldErrors::new();
    let url = input.url.trim().to_string();
    if url.is_empty() {
        errors.refuse("url", reason!("error-required"));
    } else if url.len() > MAX_URL {
        errors.refuse("url", reason!("error-at-most-characters", max = MAX_URL));
    } else if let Err(err) = outbound::check_target(&url, policy).await {
        errors.refuse("url", err.reason());
    }
    let mut triggers = input.triggers.clone();
    triggers.sort_unstable();
    triggers.dedup();
    if triggers.is_empty() {
        errors.refuse("triggers", reason!("wh-error-no-trigger"));
    }
    let secret = input.secret.as_deref().filter(|s| !s.is_empty());
    if let Some(secret) = secret {
        if secret.chars().count() > MAX_SECRET {
            errors.refuse(
                "secret",
                reason!("error-at-most-characters", max = MAX_SECRET),
            );
        } else if secret.chars().any(char::is_control) {
            errors.refuse("secret", reason!("error-on-one-line"));
        }
    }
    errors.into_result(Checked {
        url,
        triggers,
        secret: secret.map(str::to_string),
        active: input.active,
        event_type_id: input.event_type_id,
    })
}

/// Whether `user` may subscribe to bookings of `event_type_id`: whoever may change the
/// event type (see [`crate::access::event_type`]).
fn may_subscribe(conn: &Connection, user: &User, event_type_id: i64) -> rusqlite::Result<bool> {
    let Some(event_type) = event_types::get(conn, event_type_id)? else {
        return Ok(false);
    };
    Ok(
        crate::access::event_type(conn, user, &event_type, crate::access::Action::Manage)?
            == crate::access::Access::Allowed,
    )
}

/// The event types `user` may limit a subscription to, as (id, title), by title.
pub fn subscribable_event_types(
    conn: &Connection,
    user: &User,
) -> Result<Vec<(i64, String)>, WebhookError> {
    let mut found = Vec::new();
    for event_type in event_types::list_for_user(conn, user.id)? {
        if may_subscribe(conn, user, event_type.id)? {
            found.push((event_type.id, event_type.input.title));
        }
    }
    found.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(found)
}

fn seal(key: &InstanceKey, secret: &str) -> Vec<u8> {
    key.encrypt(secret.as_bytes(), SECRET_CONTEXT)
}

/// Opens a subscription's secret.
pub fn open_secret(key: &InstanceKey, webhook: &Webhook) -> Result<String, WebhookError> {
    let plain = key
        .decrypt(&webhook.secret_sealed, SECRET_CONTEXT)
        .map_err(|_| WebhookError::Corrupt)?;
    String::from_utf8(plain).map_err(|_| WebhookError::Corrupt)
}

/// A subscription the user may see and change (see [`crate::access::personal`]: their
/// own, or any for an administrator), or not found.
pub fn managed(conn: &Connection, user: &User, id: i64) -> Result<Webhook, WebhookError> {
    store::get(conn, id)?
        .filter(|webhook| crate::access::personal(user, webhook.user_id).is_allowed())
        .ok_or(WebhookError::NotFound)
}

/// The account a subscription belongs to: what it may hear about is theirs to say, also
/// when an administrator changes it.
pub fn owner(conn: &Connection, webhook: &Webhook) -> Result<User, WebhookError> {
    users::by_id(conn, webhook.user_id)?.ok_or(WebhookError::NotFound)
}

pub fn list(conn: &Connection, user: &User) -> Result<Vec<Webhook>, WebhookError> {
    Ok(store::list_for_user(conn, user.id)?)
}

/// The newest deliveries of a subscription the user may see.
pub fn deliveries(
    conn: &Connection,
    user: &User,
    id: i64,
    limit: u32,
) -> Result<Vec<Delivery>, WebhookError> {
    managed(conn, user, id)?;
    Ok(store::deliveries(conn, id, limit)?)
}

fn audit_entry(
    conn: &Connection,
    changer: &Changer,
    action: &'static str,
    id: i64,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    audit::record(
        conn,
        now,
        &audit::Entry {
            actor: changer.actor.clone(),
            action,
            object: Some(format!("webhook:{id}")),
            outcome: audit::Outcome::Success,
            origin: &changer.origin,
        },
    )
    .map(|_| ())
}

/// A subscription made, and its secret when Kairos chose it (shown this once).
#[derive(Debug, Clone)]
pub struct Created {
    pub webhook: Webhook,
    pub generated_secret: Option<String>,
}

/// Validates and stores a new subscription, audit-logged.
pub async fn create(
    deps: &Deps,
    changer: &Changer,
    input: WebhookInput,
) -> Result<Created, WebhookError> {
    let checked = check_fields(&input, deps.policy())
        .await
        .map_err(WebhookError::Invalid)?;
    let (generated_secret, secret) = match &checked.secret {
        Some(secret) => (None, secret.clone()),
        None => {
            let made = random_token();
            (Some(made.clone()), made)
        }
    };
    let sealed = seal(&deps.key, &secret);
    let (changer, now) = (changer.clone(), deps.clock.now());
    let webhook = deps
        .db
        .write(move |tx| -> Result<Webhook, WebhookError> {
            check_event_type(tx, &changer.user, checked.event_type_id)?;
            let row = WebhookRow {
                event_type_id: checked.event_type_id,
                url: &checked.url,
                triggers: &checked.triggers,
                secret_sealed: &sealed,
                active: checked.active,
            };
            let id = store::insert(tx, changer.user.id, &row, now)?;
            audit_entry(tx, &changer, "webhook_created", id, now)?;
            managed(tx, &changer.user, id)
        })
        .await?;
    Ok(Created {
        webhook,
        generated_secret,
    })
}

fn check_event_type(
    conn: &Connection,
    user: &User,
    event_type_id: Option<i64>,
) -> Result<(), WebhookError> {
    match event_type_id {
        Some(id) if !may_subscribe(conn, user, id)? => Err(WebhookError::Invalid(
            FieldErrors::refusing("eventTypeId", reason!("wh-error-event-type")),
        )),
        _ => Ok(()),
    }
}

/// Applies changes to a subscription, audit-logged.
pub async fn update(
    deps: &Deps,
    changer: &Changer,
    id: i64,
    patch: WebhookPatch,
) -> Result<Webhook, WebhookError> {
    let user = changer.user.clone();
    let current = deps.db.read(move |conn| managed(conn, &user, id)).await?;
    let input = WebhookInput {
        url: patch.url.unwrap_or(current.url),
        triggers: patch.triggers.unwrap_or(current.triggers),
        secret: patch.secret,
        active: patch.active.unwrap_or(current.active),
        event_type_id: patch.event_type_id.unwrap_or(current.event_type_id),
    };
    let checked = check_fields(&input, deps.policy())
        .await
        .map_err(WebhookError::Invalid)?;
    let new_secret = checked.secret.as_deref().map(|s| seal(&deps.key, s));
    let (changer, now) = (changer.clone(), deps.clock.now());
    deps.db
        .write(move |tx| -> Result<Webhook, WebhookError> {
            let current = managed(tx, &changer.user, id)?;
            check_event_type(tx, &owner(tx, &current)?, checked.event_type_id)?;
            let row = WebhookRow {
                event_type_id: checked.event_type_id,
                url: &checked.url,
                triggers: &checked.triggers,
                secret_sealed: new_secret.as_deref().unwrap_or(&current.secret_sealed),
                active: checked.active,
            };
            store::update(tx, id, &row, now)?;
            audit_entry(tx, &changer, "webhook_updated", id, now)?;
            managed(tx, &changer.user, id)
        })
        .await
}

/// Deletes a subscription with its log and pending deliveries, audit-logged.
pub async fn delete(deps: &Deps, changer: &Changer, id: i64) -> Result<(), WebhookError> {
    let (changer, now) = (changer.clone(), deps.clock.now());
    deps.db
        .write(move |tx| -> Result<(), WebhookError> {
            managed(tx, &changer.user, id)?;
            store::delete(tx, id)?;
            queue::remove_pending(tx, &format!("webhook:{id}:"))?;
            audit_entry(tx, &changer, "webhook_deleted", id, now)?;
            Ok(())
        })
        .await
}

// ---- enqueueing ------------------------------------------------------------------------

/// The dedupe key prefix of a subscription's deliveries.
fn job_key(webhook_id: i64, what: &str) -> String {
    format!("webhook:{webhook_id}:{what}")
}

/// The dedupe key prefix of a booking's `MEETING_ENDED` deliveries.
fn ended_key(booking_id: i64) -> String {
    format!("webhook-ended:{booking_id}:")
}

/// Follows booking events with the deliveries they cause.
pub struct Subscriber;

impl crate::db::outbox::Subscriber for Subscriber {
    fn name(&self) -> &'static str {
        "webhooks"
    }

    fn on_event(&self, conn: &Connection, event: &RecordedEvent) -> rusqlite::Result<()> {
        enqueue_for_event(conn, event)
    }
}

/// Adds the `webhook` job kind: one delivery to one receiver.
pub fn job_handlers(handlers: Handlers, deps: &Deps) -> Handlers {
    let deps = deps.clone();
    handlers.on(WEBHOOK_JOB, move |job| deliver_job(deps.clone(), job))
}

/// Enqueues the deliveries that a recorded booking event causes, and schedules, moves or
/// drops `MEETING_ENDED` deliveries. Call it in the transaction that recorded the event.
fn enqueue_for_event(conn: &Connection, event: &RecordedEvent) -> rusqlite::Result<()> {
    let (booking_id, event_id, now) = (event.booking_id, event.id, event.created_at);
    let Some(trigger) = Trigger::for_event(event.event) else {
        return Ok(());
    };
    let Some(booking) = bookings::by_id(conn, booking_id)? else {
        return Ok(());
    };
    // A moved, cancelled or declined meeting does not end as planned.
    if let Some(old) = booking.rescheduled_from_id {
        queue::remove_pending(conn, &ended_key(old))?;
    }
    if matches!(
        trigger,
        Trigger::BookingCancelled | Trigger::BookingRejected
    ) {
        queue::remove_pending(conn, &ended_key(booking_id))?;
    }
    let Some(event_type_id) = booking.event_type_id else {
        return Ok(());
    };
    let subscriptions = store::active_for_event_type(conn, event_type_id)?;
    for webhook in &subscriptions {
        if webhook.triggers.contains(&trigger) {
            let payload = json!({
                "webhookId": webhook.id,
                "bookingId": booking_id,
                "trigger": trigger.as_str(),
                "createdAt": now.timestamp_millis(),
            });
            let key = job_key(webhook.id, &format!("event:{event_id}"));
            queue::enqueue(
                conn,
                &NewJob::new(WEBHOOK_JOB, &payload, now)
                    .dedupe_key(&key)
                    .lane(Lane::Webhooks),
                now,
            )?;
        }
        let meets = booking.status == BookingStatus::Accepted
            && matches!(
                trigger,
                Trigger::BookingCreated | Trigger::BookingRescheduled
            );
        if meets && booking.end > now && webhook.triggers.contains(&Trigger::MeetingEnded) {
            let payload = json!({
                "webhookId": webhook.id,
                "bookingId": booking_id,
                "trigger": Trigger::MeetingEnded.as_str(),
                "createdAt": booking.end.timestamp_millis(),
            });
            let key = format!("{}{}", ended_key(booking_id), webhook.id);
            queue::enqueue(
                conn,
                &NewJob::new(WEBHOOK_JOB, &payload, booking.end)
                    .dedupe_key(&key)
                    .lane(Lane::Webhooks),
                now,
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::booking::BookingEvent;

    #[test]
    fn the_signature_is_lowercase_hex_hmac_sha256_of_the_body() {
        // RFC 4231, test case 2.
        assert_eq!(
            signature("Jefe", b"what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn booking_events_map_to_cal_com_triggers() {
        assert_eq!(
            Trigger::for_event(BookingEvent::Created),
            Some(Trigger::BookingCreated)
        );
        assert_eq!(
            Trigger::for_event(BookingEvent::Confirmed),
            Some(Trigger::BookingCreated)
        );
        assert_eq!(
            Trigger::for_event(BookingEvent::Requested),
            Some(Trigger::BookingRequested)
        );
        assert_eq!(
            Trigger::for_event(BookingEvent::Rescheduled),
            Some(Trigger::BookingRescheduled)
        );
        assert_eq!(
            Trigger::for_event(BookingEvent::Cancelled),
            Some(Trigger::BookingCancelled)
        );
        assert_eq!(
            Trigger::for_event(BookingEvent::Rejected),
            Some(Trigger::BookingRejected)
        );
        for trigger in Trigger::ALL {
            assert_eq!(Trigger::parse(trigger.as_str()), Some(trigger));
            assert_eq!(
                serde_json::to_value(trigger).ok(),
                Some(serde_json::Value::from(trigger.as_str()))
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn every_url_the_document_allows_is_well_formed(
            url in crate::model::texts_matching(
                serde_json::to_value(url_schema()).unwrap_or_default()["pattern"]
                    .as_str()
                    .unwrap_or_default(),
            )
        ) {
            // Whether its host may be called depends on where it points, as the description says.
            proptest::prop_assert!(outbound::parse_url(&url).is_ok(), "{}", url);
        }
    }
}

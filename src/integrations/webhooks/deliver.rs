//! Sending webhooks: the signed POST, the `webhook` job that sends one, and the test ping.

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Value, json};

use crate::db::DbError;
use crate::db::bookings::{self, BookingStatus};
use crate::db::webhooks as store;
use crate::integrations::Deps;
use crate::integrations::webhooks::{
    Changer, SIGNATURE_HEADER, Trigger, WebhookError, audit_entry, managed, open_secret, payload,
    signature,
};
use crate::jobs::{Job, JobFailure};
use crate::outbound::{self, Exchange, Policy};

/// The trigger of the test ping.
pub const PING: &str = "PING";

/// One webhook to send: `{triggerEvent, createdAt, payload}`, signed with `secret`.
#[derive(Debug, Clone)]
pub struct SignedPost<'a> {
    pub url: &'a str,
    pub secret: &'a str,
    pub trigger: &'a str,
    pub created_at: DateTime<Utc>,
    pub payload: Value,
    /// Names this delivery, the same on every attempt: see [`delivery_id`].
    pub delivery_id: String,
}

/// The headers that name a delivery: the trigger, and the delivery id as
/// `X-Kairos-Delivery` and as Standard Webhooks' `Webhook-Id`, which receivers use to
/// recognise a delivery sent again.
pub const DELIVERY_HEADER: &str = "X-Kairos-Delivery";

impl SignedPost<'_> {
    /// The trigger and delivery id headers every webhook carries.
    pub fn id_headers(&self) -> Vec<(String, String)> {
        vec![
            ("X-Kairos-Trigger".to_string(), self.trigger.to_string()),
            (DELIVERY_HEADER.to_string(), self.delivery_id.clone()),
            ("Webhook-Id".to_string(), self.delivery_id.clone()),
        ]
    }

    /// The raw body: exactly the bytes that are signed and sent.
    pub fn body(&self) -> Vec<u8> {
        let body = json!({
            "triggerEvent": self.trigger,
            "createdAt": self.created_at.to_rfc3339_opts(SecondsFormat::Millis, true),
            "payload": self.payload,
        });
        serde_json::to_vec(&body).unwrap_or_default()
    }
}

/// The id of a delivery: a keyed hash of what names the job that sends it (see
/// [`crate::jobs::Job::identity`]), so every attempt of one delivery carries the same id
/// and no two deliveries share one.
pub fn delivery_id(key: &crate::crypto::InstanceKey, identity: &str) -> String {
    let hash = crate::crypto::hmac_hex(&key.derive("webhook-delivery"), identity.as_bytes());
    format!("kairos_{}", hash.get(..32).unwrap_or(&hash))
}

/// POSTs a webhook through the outbound guard with its `X-Cal-Signature-256`.
pub async fn send_signed(post: &SignedPost<'_>, policy: Policy) -> Exchange {
    let body = post.body();
    let request = outbound::Request {
        url: post.url,
        content_type: "application/json",
        headers: std::iter::once((SIGNATURE_HEADER.to_string(), signature(post.secret, &body)))
            .chain(post.id_headers())
            .collect(),
        body,
    };
    outbound::post(request, policy).await
}

async fn log_delivery(
    deps: &Deps,
    webhook_id: i64,
    trigger: &str,
    exchange: &Exchange,
) -> Result<(), DbError> {
    let (trigger, now) = (trigger.to_string(), deps.clock.now());
    let (status, error) = (exchange.status, exchange.error.clone());
    let duration = i64::try_from(exchange.duration.as_millis()).unwrap_or(i64::MAX);
    deps.db
        .write(move |tx| {
            store::record_delivery(
                tx,
                webhook_id,
                &trigger,
                status,
                error.as_deref(),
                duration,
                now,
            )
            .map_err(DbError::from)
        })
        .await
}

/// Runs a `webhook` job: builds the payload as the booking is now, sends it, logs the
/// delivery. An answer other than 2xx fails the attempt, so the queue retries it with
/// backoff. A subscription deleted, switched off or no longer listening for the trigger
/// since sends nothing.
pub async fn deliver_job(deps: Deps, job: Job) -> Result<(), JobFailure> {
    let field = |name: &str| job.payload.get(name).and_then(Value::as_i64);
    let (Some(webhook_id), Some(booking_id)) = (field("webhookId"), field("bookingId")) else {
        return Err(JobFailure::new("the job names no webhook or booking"));
    };
    let trigger = job
        .payload
        .get("trigger")
        .and_then(Value::as_str)
        .and_then(Trigger::parse)
        .ok_or_else(|| JobFailure::new("the job names no known trigger"))?;
    let created_at = field("createdAt")
        .and_then(DateTime::from_timestamp_millis)
        .unwrap_or(job.created_at);
    let minimum_necessary = deps.site().minimum_necessary;
    let key = deps.key.clone();
    let now = deps.now();
    let prepared = deps
        .db
        .read(move |conn| -> Result<_, JobFailure> {
            let db_error = |err: rusqlite::Error| JobFailure::new(DbError::from(err).to_string());
            let Some(webhook) = store::get(conn, webhook_id).map_err(db_error)? else {
                return Ok(None);
            };
            // Switched off, or no longer listening for this since the job was enqueued.
            if !webhook.active || !webhook.triggers.contains(&trigger) {
                return Ok(None);
            }
            if trigger == Trigger::MeetingEnded {
                let status = bookings::by_id(conn, booking_id)
                    .map_err(db_error)?
                    .map(|b| b.status);
                if status != Some(BookingStatus::Accepted) {
                    return Ok(None);
                }
            }
            let secret =
                open_secret(&key, &webhook).map_err(|err| JobFailure::new(err.to_string()))?;
            if let Some(booking) = bookings::by_id(conn, booking_id).map_err(db_error)? {
                crate::integrations::wait_for_meeting_link(&booking, now)?;
            }
            let body =
                payload(conn, booking_id, trigger.as_str(), minimum_necessary).map_err(db_error)?;
            Ok(body.map(|body| (webhook, secret, body)))
        })
        .await?;
    let Some((webhook, secret, body)) = prepared else {
        return Ok(());
    };
    let post = SignedPost {
        url: &webhook.url,
        secret: &secret,
        trigger: trigger.as_str(),
        created_at,
        payload: body,
        delivery_id: delivery_id(&deps.key, &job.identity()),
    };
    let exchange = send_signed(&post, deps.policy()).await;
    log_delivery(&deps, webhook.id, trigger.as_str(), &exchange).await?;
    if exchange.succeeded() {
        tracing::info!(
            webhook_id = webhook.id,
            trigger = trigger.as_str(),
            "webhook delivered"
        );
        Ok(())
    } else {
        Err(JobFailure::new(exchange.summary()))
    }
}

/// Sends a `PING` to one of the user's subscriptions now, logs and audits it, and says
/// what the receiver answered.
pub async fn ping(deps: &Deps, changer: &Changer, id: i64) -> Result<Exchange, WebhookError> {
    let (user, key) = (changer.user.clone(), deps.key.clone());
    let (webhook, secret) = deps
        .db
        .read(move |conn| -> Result<_, WebhookError> {
            let webhook = managed(conn, &user, id)?;
            let secret = open_secret(&key, &webhook)?;
            Ok((webhook, secret))
        })
        .await?;
    let now = deps.clock.now();
    let post = SignedPost {
        url: &webhook.url,
        secret: &secret,
        trigger: PING,
        created_at: now,
        payload: json!({
            "type": "Test",
            "title": "Test trigger event",
            "description": "",
            "startTime": super::payload::time(now),
            "endTime": super::payload::time(now),
            "organizer": { "name": "Kairos", "email": "no-reply@kairos.invalid", "timeZone": "UTC" },
            "attendees": [{ "name": "Test Attendee", "email": "attendee@kairos.invalid", "timeZone": "UTC" }],
        }),
        delivery_id: format!("kairos_ping_{}", crate::crypto::random_token()),
    };
    let exchange = send_signed(&post, deps.policy()).await;
    log_delivery(deps, webhook.id, PING, &exchange).await?;
    let changer = changer.clone();
    deps.db
        .write(move |tx| {
            audit_entry(tx, &changer, "webhook_pinged", id, now).map_err(DbError::from)
        })
        .await?;
    Ok(exchange)
}

const _: () = assert!(
    outbound::CONNECT_TIMEOUT.as_secs() + outbound::REQUEST_TIMEOUT.as_secs()
        < crate::jobs::Lane::Webhooks.handler_timeout().as_secs(),
    "a webhook job outlasts its request"
);

//! Payments through Stripe: paid event types, Stripe Checkout (the hosted page, so no card
//! data ever reaches Kairos), holds that end on the durable job queue, refunds by the
//! event type's policy, and no-show fees charged to a kept card.
//!
//! A booking of a paid event type is made `AWAITING_PAYMENT` and holds its slot; the
//! invitee is sent to Checkout ([`start_checkout`]). Only Stripe's signed webhook
//! ([`take_webhook`]) confirms it, once per Stripe event id. The outbox subscriber plans
//! what follows from booking events: the end of the hold, the refund of a cancellation,
//! the no-show fee. Every call to Stripe that moves money carries an idempotency key
//! derived from Kairos's own row, so a job retried after a crash never charges or
//! refunds twice.

pub mod stripe;

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde_json::{Value, json};

use crate::audit::{self, Origin};
use crate::booking::payment::{self as booking_payment, Arrival, CHECKOUT_MINIMUM};
use crate::db::DbError;
use crate::db::bookings::{self, BookingEvent, BookingStatus, RecordedEvent};
use crate::db::payments::{self, Completion, Payment, PaymentMode, PaymentStatus};
use crate::db::settings;
use crate::integrations::Deps;
use crate::jobs::{Handlers, Job, JobFailure, Lane, NewJob, queue};
use crate::model::error::FieldErrors;

pub use stripe::{STRIPE_API, SignatureError, Stripe, StripeError};

/// Ends a hold that was not paid in time.
pub const EXPIRE_JOB: &str = "payment.expire";
/// Asks Stripe for one refund.
pub const REFUND_JOB: &str = "payment.refund";
/// Charges a kept card its no-show fee.
pub const NO_SHOW_JOB: &str = "payment.no_show_fee";
/// Where Stripe sends its events, under the instance's public URL.
pub const WEBHOOK_PATH: &str = "/stripe/webhook";

// ---- settings ------------------------------------------------------------------------

/// What an administrator set up: the keys are unsealed in memory only.
#[derive(Clone)]
pub struct Account {
    pub secret_key: String,
    pub webhook_secret: String,
    pub hold_minutes: u32,
}

impl std::fmt::Debug for Account {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Account")
            .field("live", &self.live())
            .field("hold_minutes", &self.hold_minutes)
            .finish_non_exhaustive()
    }
}

impl Account {
    /// Live mode: real cards are charged.
    pub fn live(&self) -> bool {
        stripe::is_live(&self.secret_key)
    }

    /// Loads what is set up, if anything.
    pub fn load(
        conn: &Connection,
        key: &crate::crypto::InstanceKey,
    ) -> rusqlite::Result<Option<Account>> {
        let secret = settings::get_sealed(conn, key, payments::SECRET_KEY)?;
        let webhook = settings::get_sealed(conn, key, payments::WEBHOOK_SECRET)?;
        Ok(match (secret, webhook) {
            (Ok(Some(secret_key)), Ok(webhook_secret)) => Some(Account {
                secret_key,
                webhook_secret: webhook_secret.unwrap_or_default(),
                hold_minutes: payments::hold_minutes(conn)?,
            }),
            _ => None,
        })
    }
}

/// An administrator's form: empty secrets keep the stored ones.
#[derive(Debug, Clone, Default)]
pub struct AccountInput {
    pub secret_key: String,
    pub webhook_secret: String,
    pub hold_minutes: String,
    /// Turns payments off: paid event types take no bookings until set up again.
    pub remove: bool,
}

impl AccountInput {
    /// The account this input makes of the stored one (`None`: removed), or every problem.
    pub fn apply(&self, stored: Option<&Account>) -> Result<Option<Account>, FieldErrors> {
        if self.remove {
            return Ok(None);
        }
        let mut errors = FieldErrors::new();
        let secret = self.secret_key.trim();
        let webhook = self.webhook_secret.trim();
        let secret_key = match (secret.is_empty(), stored) {
            (true, Some(account)) => account.secret_key.clone(),
            (true, None) => {
                errors.add("secret_key", "is required");
                String::new()
            }
            (false, _) if !valid_key(secret, &["sk_test_", "sk_live_", "rk_test_", "rk_live_"]) => {
                errors.refuse("secret_key", crate::reason!("pay-error-secret-key"));
                String::new()
            }
            (false, _) => secret.to_string(),
        };
        let webhook_secret = match (webhook.is_empty(), stored) {
            (true, Some(account)) => account.webhook_secret.clone(),
            (true, None) => {
                errors.add("webhook_secret", "is required");
                String::new()
            }
            (false, _) if !valid_key(webhook, &["whsec_"]) => {
                errors.refuse("webhook_secret", crate::reason!("pay-error-webhook-secret"));
                String::new()
            }
            (false, _) => webhook.to_string(),
        };
        let hold_minutes = match self.hold_minutes.trim() {
            "" => payments::DEFAULT_HOLD_MINUTES,
            text => match text.parse::<u32>() {
                Ok(minutes) if payments::HOLD_RANGE.contains(&minutes) => minutes,
                _ => {
                    errors.refuse("hold_minutes", crate::reason!("pay-error-hold-minutes"));
                    payments::DEFAULT_HOLD_MINUTES
                }
            },
        };
        errors.into_result(Some(Account {
            secret_key,
            webhook_secret,
            hold_minutes,
        }))
    }
}

/// One word of letters, digits and `_` after one of `prefixes`, as Stripe writes keys.
fn valid_key(key: &str, prefixes: &[&str]) -> bool {
    key.len() <= 255
        && prefixes
            .iter()
            .any(|prefix| key.len() > prefix.len() && key.starts_with(prefix))
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Why the Stripe settings were not saved.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("{0}")]
    Invalid(FieldErrors),
    #[error(transparent)]
    Db(#[from] DbError),
}

/// Stores (or removes) the Stripe account, audited as `integration_saved` or
/// `integration_removed` with the object `integration:stripe`.
pub async fn save_account(
    deps: &Deps,
    admin_id: i64,
    input: &AccountInput,
    origin: &Origin,
) -> Result<Option<Account>, SettingsError> {
    let key = deps.key.clone();
    let stored = deps
        .db
        .read(move |conn| Account::load(conn, &key).map_err(DbError::from))
        .await?;
    let account = input
        .apply(stored.as_ref())
        .map_err(SettingsError::Invalid)?;
    let (key, now, origin, saved) = (
        deps.key.clone(),
        deps.now(),
        origin.clone(),
        account.clone(),
    );
    deps.db
        .write(move |tx| -> Result<(), DbError> {
            let (secret, webhook) = match &saved {
                Some(account) => (
                    Some(account.secret_key.as_str()),
                    Some(account.webhook_secret.as_str()),
                ),
                None => (None, None),
            };
            settings::set_sealed(tx, &key, payments::SECRET_KEY, secret, now)?;
            settings::set_sealed(tx, &key, payments::WEBHOOK_SECRET, webhook, now)?;
            if let Some(account) = &saved {
                settings::set(
                    tx,
                    payments::HOLD_MINUTES,
                    &account.hold_minutes.to_string(),
                    now,
                )?;
            }
            audit::record(
                tx,
                now,
                &audit::Entry {
                    actor: audit::Actor::User(admin_id),
                    action: if saved.is_some() {
                        "integration_saved"
                    } else {
                        "integration_removed"
                    },
                    object: Some("integration:stripe".into()),
                    outcome: audit::Outcome::Success,
                    origin: &origin,
                },
            )?;
            Ok(())
        })
        .await?;
    Ok(account)
}

/// The Stripe client of the set-up account.
pub fn client(deps: &Deps, account: &Account) -> Stripe {
    Stripe {
        base_url: deps.instance.stripe_base_url(),
        secret_key: account.secret_key.clone(),
        policy: deps.admin_policy(),
    }
}

async fn load_account(deps: &Deps) -> Result<Option<Account>, DbError> {
    let key = deps.key.clone();
    deps.db
        .read(move |conn| Account::load(conn, &key).map_err(DbError::from))
        .await
}

/// Asks Stripe who the key belongs to: the account's name, or Stripe's own error.
pub async fn check_connection(deps: &Deps) -> Result<String, CheckoutError> {
    let account = load_account(deps).await?.ok_or(CheckoutError::NotSetUp)?;
    Ok(client(deps, &account).account_name().await?)
}

// ---- checkout ------------------------------------------------------------------------

/// Why the invitee could not be sent to pay.
#[derive(Debug, thiserror::Error)]
pub enum CheckoutError {
    #[error("payments are not set up")]
    NotSetUp,
    #[error("this booking is not waiting for a payment")]
    NotAwaiting,
    #[error(transparent)]
    Stripe(#[from] StripeError),
    #[error(transparent)]
    Booking(#[from] crate::booking::BookingError),
    #[error(transparent)]
    Db(#[from] DbError),
}

/// Where Checkout sends the invitee back to.
#[derive(Debug, Clone)]
pub struct Return {
    /// After paying.
    pub success_url: String,
    /// After choosing not to pay (the booking page, which offers to pay again while the
    /// hold lasts).
    pub cancel_url: String,
    /// Checkout's language (`de`, `pt-BR`), Stripe's `locale`.
    pub locale: String,
}

/// The Checkout page of a booking awaiting its payment: the session made before, or a
/// new one. A Stripe failure ends the hold at once, so the slot is not kept for nobody.
pub async fn start_checkout(
    deps: &Deps,
    booking_id: i64,
    back: &Return,
) -> Result<String, CheckoutError> {
    let loaded = deps
        .db
        .read(move |conn| -> Result<_, DbError> {
            let booking = bookings::by_id(conn, booking_id)?;
            let payment = payments::by_booking(conn, booking_id)?;
            Ok(booking.zip(payment))
        })
        .await?;
    let Some((booking, payment)) = loaded else {
        return Err(CheckoutError::NotAwaiting);
    };
    if booking.status != BookingStatus::AwaitingPayment || payment.status != PaymentStatus::Awaiting
    {
        return Err(CheckoutError::NotAwaiting);
    }
    if let Some(url) = &payment.checkout_url {
        return Ok(url.clone());
    }
    let result = make_session(deps, &booking, &payment, back).await;
    let now = deps.now();
    let settings = deps.instance.booking_settings();
    match result {
        Ok((session, customer)) => {
            let url = session.url.clone();
            deps.db
                .write(move |tx| {
                    payments::set_checkout(
                        tx,
                        payment.id,
                        &session.id,
                        &session.url,
                        customer.as_deref(),
                        now,
                    )
                    .map_err(DbError::from)
                })
                .await?;
            Ok(url)
        }
        Err(err) => {
            tracing::warn!(booking_id, error = %err, "could not start a Stripe Checkout; the hold ends");
            deps.db
                .write(move |tx| booking_payment::abandon(tx, payment.id, &settings))
                .await?;
            Err(err)
        }
    }
}

async fn make_session(
    deps: &Deps,
    booking: &bookings::Booking,
    payment: &Payment,
    back: &Return,
) -> Result<(stripe::Session, Option<String>), CheckoutError> {
    let account = load_account(deps).await?.ok_or(CheckoutError::NotSetUp)?;
    let stripe = client(deps, &account);
    // Stripe keeps a session open for at least 30 minutes; a shorter hold expires it.
    let expires = payment
        .hold_until
        .max(deps.now() + CHECKOUT_MINIMUM + chrono::Duration::minutes(1));
    let pair = |k: &str, v: String| (k.to_string(), v);
    let mut form = vec![
        pair("success_url", back.success_url.clone()),
        pair("cancel_url", back.cancel_url.clone()),
        pair("client_reference_id", booking.uid.clone()),
        pair("expires_at", expires.timestamp().to_string()),
        pair("locale", stripe_locale(&back.locale)),
        pair("metadata[kairos_booking]", booking.uid.clone()),
    ];
    let mut customer = None;
    match payment.mode {
        PaymentMode::PayNow => {
            form.extend([
                pair("mode", "payment".into()),
                pair("customer_email", booking.attendee_email.clone()),
                pair("line_items[0][quantity]", "1".into()),
                pair(
                    "line_items[0][price_data][currency]",
                    payment.currency.code().to_ascii_lowercase(),
                ),
                pair(
                    "line_items[0][price_data][unit_amount]",
                    payment.amount.to_string(),
                ),
                pair(
                    "line_items[0][price_data][product_data][name]",
                    booking.title.clone(),
                ),
                pair(
                    "payment_intent_data[metadata][kairos_booking]",
                    booking.uid.clone(),
                ),
            ]);
        }
        PaymentMode::NoShowFee => {
            let id = stripe
                .create_customer(&booking.attendee_email, &booking.uid)
                .await?;
            form.extend([
                pair("mode", "setup".into()),
                pair("customer", id.clone()),
                pair("currency", payment.currency.code().to_ascii_lowercase()),
                pair(
                    "setup_intent_data[metadata][kairos_booking]",
                    booking.uid.clone(),
                ),
            ]);
            customer = Some(id);
        }
    }
    let session = stripe
        .create_checkout(&form, &format!("kairos-checkout-{}", payment.id))
        .await?;
    Ok((session, customer))
}

/// Stripe Checkout's name for a language: `pt-BR` and the others as Kairos tags them.
fn stripe_locale(tag: &str) -> String {
    match tag {
        "en" | "de" | "fr" | "es" | "nl" | "pt-BR" => tag.to_string(),
        _ => "auto".to_string(),
    }
}

// ---- webhooks ------------------------------------------------------------------------

/// Why a webhook was refused.
#[derive(Debug, thiserror::Error)]
pub enum WebhookError {
    #[error("payments are not set up")]
    NotSetUp,
    #[error("{0}")]
    Signature(#[from] SignatureError),
    #[error("the body is not a Stripe event")]
    NotAnEvent,
    #[error(transparent)]
    Booking(#[from] crate::booking::BookingError),
    #[error(transparent)]
    Db(#[from] DbError),
}

/// What a webhook did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taken {
    /// A booking was confirmed, or its late payment is being refunded.
    Counted(Arrival),
    /// This event id was taken in before.
    Duplicate,
    /// Not an event Kairos acts on, or about a session it did not make.
    Ignored,
}

/// Takes in one signed Stripe event. A refused signature is audited as
/// `stripe_webhook_refused` (with no body) and answered 400; an event seen before
/// changes nothing.
pub async fn take_webhook(
    deps: &Deps,
    signature: Option<&str>,
    body: &[u8],
    origin: &Origin,
) -> Result<Taken, WebhookError> {
    let now = deps.now();
    let account = load_account(deps).await?.ok_or(WebhookError::NotSetUp)?;
    if let Err(err) = stripe::verify_signature(signature, body, &account.webhook_secret, now) {
        tracing::warn!(reason = %err, "Stripe webhook refused");
        audit::record_alone(
            &deps.db,
            now,
            audit::Actor::Anonymous,
            "stripe_webhook_refused",
            None,
            audit::Outcome::Denied,
            origin,
        )
        .await?;
        return Err(err.into());
    }
    let event: Value = serde_json::from_slice(body).map_err(|_| WebhookError::NotAnEvent)?;
    let (Some(id), Some(kind)) = (event["id"].as_str(), event["type"].as_str()) else {
        return Err(WebhookError::NotAnEvent);
    };
    let object = &event["data"]["object"];
    let (id, kind) = (id.to_string(), kind.to_string());
    let session = object["id"].as_str().unwrap_or_default().to_string();
    let completed = kind == "checkout.session.completed";
    let completion = completed.then(|| Checked {
        mode: object["mode"].as_str().unwrap_or_default().to_string(),
        paid: object["payment_status"].as_str() == Some("paid"),
        amount_total: object["amount_total"].as_i64().unwrap_or(0),
        currency: object["currency"]
            .as_str()
            .unwrap_or_default()
            .to_ascii_uppercase(),
        payment_intent: object["payment_intent"].as_str().map(str::to_string),
        setup_intent: object["setup_intent"].as_str().map(str::to_string),
    });
    let settings = deps.instance.booking_settings();
    let taken = deps
        .db
        .write(move |tx| -> Result<Taken, crate::booking::BookingError> {
            let Some(payment) = payments::by_checkout_session(tx, &session)? else {
                return Ok(Taken::Ignored);
            };
            if !payments::first_sight_of_event(tx, &id, &kind, now)? {
                return Ok(Taken::Duplicate);
            }
            let Some(checked) = completion else {
                return Ok(Taken::Ignored);
            };
            let (status, charged) = match (payment.mode, checked.mode.as_str()) {
                (PaymentMode::PayNow, "payment") if checked.paid => {
                    if checked.amount_total != payment.amount
                        || checked.currency != payment.currency.code()
                    {
                        tracing::warn!(
                            payment_id = payment.id,
                            "Stripe charged another amount than the price; counting what it charged"
                        );
                    }
                    (PaymentStatus::Paid, checked.amount_total)
                }
                (PaymentMode::NoShowFee, "setup") => (PaymentStatus::CardSaved, 0),
                _ => return Ok(Taken::Ignored),
            };
            let done = Completion {
                status,
                charged,
                payment_intent_id: checked.payment_intent.as_deref(),
                setup_intent_id: checked.setup_intent.as_deref(),
            };
            let arrival = booking_payment::payment_arrived(tx, &payment, &done, &settings)?;
            if arrival == Arrival::TooLate && charged > 0 {
                plan_refund(tx, payment.id, charged, "late_payment", "system", now)?;
            }
            Ok(Taken::Counted(arrival))
        })
        .await?;
    deps.wake_jobs();
    Ok(taken)
}

/// What a completed Checkout Session says.
struct Checked {
    mode: String,
    paid: bool,
    amount_total: i64,
    currency: String,
    payment_intent: Option<String>,
    setup_intent: Option<String>,
}

// ---- refunds ---------------------------------------------------------------------------

/// Records a refund of `amount` and enqueues the job that asks Stripe for it.
fn plan_refund(
    conn: &Connection,
    payment_id: i64,
    amount: i64,
    reason: &str,
    actor: &str,
    now: DateTime<Utc>,
) -> rusqlite::Result<i64> {
    let refund_id = payments::add_refund(conn, payment_id, amount, reason, actor, now)?;
    let key = format!("payment-refund:{refund_id}");
    queue::enqueue(
        conn,
        &NewJob::new(REFUND_JOB, &json!({ "refundId": refund_id }), now)
            .dedupe_key(&key)
            .lane(Lane::Payments),
        now,
    )?;
    Ok(refund_id)
}

/// Why a host's refund was not made.
#[derive(Debug, thiserror::Error)]
pub enum RefundError {
    #[error("{0}")]
    Invalid(FieldErrors),
    #[error("this booking has no payment to refund")]
    NothingToRefund,
    #[error(transparent)]
    Db(#[from] DbError),
}

/// A host gives back `amount` (everything still refundable when `None`) of a booking's
/// payment; the refund goes out on the job queue.
pub async fn refund_by_host(
    deps: &Deps,
    booking_id: i64,
    user_id: i64,
    amount: Option<i64>,
) -> Result<i64, RefundError> {
    let now = deps.now();
    let planned = deps
        .db
        .write(move |tx| -> Result<Result<i64, RefundError>, DbError> {
            let Some(payment) = payments::by_booking(tx, booking_id)? else {
                return Ok(Err(RefundError::NothingToRefund));
            };
            let refundable = payment.refundable();
            if refundable == 0 || payment.payment_intent_id.is_none() {
                return Ok(Err(RefundError::NothingToRefund));
            }
            let amount = amount.unwrap_or(refundable);
            let step = payment.currency.step();
            if amount < 1 || amount > refundable || amount % step != 0 {
                let mut errors = FieldErrors::new();
                let code = payment.currency.code();
                errors.refuse(
                    "amount",
                    crate::reason!(
                        "pay-bk-refund-error",
                        min = format!("{} {code}", payment.currency.major(step)),
                        max = format!("{} {code}", payment.currency.major(refundable))
                    ),
                );
                return Ok(Err(RefundError::Invalid(errors)));
            }
            Ok(Ok(plan_refund(
                tx,
                payment.id,
                amount,
                "host",
                &format!("user:{user_id}"),
                now,
            )?))
        })
        .await??;
    deps.wake_jobs();
    Ok(planned)
}

// ---- the outbox subscriber -------------------------------------------------------------

/// Plans what booking events mean for payments.
pub struct Subscriber;

impl crate::db::outbox::Subscriber for Subscriber {
    fn name(&self) -> &'static str {
        "payments"
    }

    fn on_event(&self, conn: &Connection, event: &RecordedEvent) -> rusqlite::Result<()> {
        let now = event.created_at;
        let Some(payment) = payments::by_booking(conn, event.booking_id)? else {
            return Ok(());
        };
        match event.event {
            BookingEvent::PaymentInitiated => {
                let key = format!("payment-expire:{}", payment.id);
                queue::enqueue(
                    conn,
                    &NewJob::new(
                        EXPIRE_JOB,
                        &json!({ "paymentId": payment.id }),
                        payment.hold_until,
                    )
                    .dedupe_key(&key)
                    .lane(Lane::Payments),
                    now,
                )?;
            }
            BookingEvent::Cancelled if payment.status == PaymentStatus::Paid => {
                let Some(booking) = bookings::by_id(conn, event.booking_id)? else {
                    return Ok(());
                };
                let by_host = event.actor.starts_with("user:");
                let due = payment.refund_on_cancel(booking.start, now, by_host);
                if due > 0 {
                    plan_refund(conn, payment.id, due, "cancelled", &event.actor, now)?;
                }
            }
            BookingEvent::NoShow if booking_payment::no_show_fee_due(&payment) => {
                let key = format!("payment-no-show:{}", payment.id);
                queue::enqueue(
                    conn,
                    &NewJob::new(NO_SHOW_JOB, &json!({ "paymentId": payment.id }), now)
                        .dedupe_key(&key)
                        .lane(Lane::Payments),
                    now,
                )?;
            }
            _ => {}
        }
        Ok(())
    }
}

// ---- jobs ------------------------------------------------------------------------------

/// Adds the payment job kinds.
pub fn job_handlers(handlers: Handlers, deps: &Deps) -> Handlers {
    let (a, b, c) = (deps.clone(), deps.clone(), deps.clone());
    handlers
        .on(EXPIRE_JOB, move |job| expire_job(a.clone(), job))
        .on(REFUND_JOB, move |job| refund_job(b.clone(), job))
        .on(NO_SHOW_JOB, move |job| no_show_job(c.clone(), job))
}

fn id_in(job: &Job, name: &str) -> Result<i64, JobFailure> {
    job.payload[name]
        .as_i64()
        .ok_or_else(|| JobFailure::give_up(format!("the job names no {name}")))
}

fn failed(err: impl std::fmt::Display) -> JobFailure {
    JobFailure::new(err.to_string())
}

fn stripe_failure(err: StripeError) -> JobFailure {
    if err.is_permanent() {
        JobFailure::give_up(err.to_string())
    } else {
        JobFailure::new(err.to_string())
    }
}

/// Ends a hold still unpaid, then closes its Checkout Session at Stripe so that nobody
/// pays for a slot given up. Run again, it only retries closing the session.
async fn expire_job(deps: Deps, job: Job) -> Result<(), JobFailure> {
    let payment_id = id_in(&job, "paymentId")?;
    let settings = deps.instance.booking_settings();
    let payment = deps
        .db
        .write(
            move |tx| -> Result<Option<Payment>, crate::booking::BookingError> {
                booking_payment::expire_hold(tx, payment_id, &settings)?;
                Ok(payments::get(tx, payment_id)?)
            },
        )
        .await
        .map_err(failed)?;
    let Some(payment) = payment else {
        return Ok(());
    };
    if payment.status != PaymentStatus::Expired {
        return Ok(());
    }
    let Some(session) = &payment.checkout_session_id else {
        return Ok(());
    };
    let account = load_account(&deps)
        .await
        .map_err(failed)?
        .ok_or_else(|| JobFailure::give_up("payments are no longer set up"))?;
    client(&deps, &account)
        .expire_checkout(session)
        .await
        .map_err(stripe_failure)
}

/// Asks Stripe for one recorded refund, under an idempotency key of its own row.
async fn refund_job(deps: Deps, job: Job) -> Result<(), JobFailure> {
    let refund_id = id_in(&job, "refundId")?;
    let loaded = deps
        .db
        .read(move |conn| -> Result<_, DbError> {
            let Some(refund) = payments::refund(conn, refund_id)? else {
                return Ok(None);
            };
            Ok(payments::get(conn, refund.payment_id)?.map(|payment| (refund, payment)))
        })
        .await
        .map_err(failed)?;
    let Some((refund, payment)) = loaded else {
        return Ok(());
    };
    if refund.status != "pending" {
        return Ok(());
    }
    let Some(intent) = payment.payment_intent_id.clone() else {
        return Err(JobFailure::give_up(
            "the payment has no Stripe payment intent",
        ));
    };
    let account = load_account(&deps)
        .await
        .map_err(failed)?
        .ok_or_else(|| JobFailure::give_up("payments are no longer set up"))?;
    let answer = client(&deps, &account)
        .refund(
            &intent,
            refund.amount,
            &format!("kairos-refund-{refund_id}"),
        )
        .await;
    let now = deps.now();
    let settings = deps.instance.booking_settings();
    match answer {
        Ok(stripe_refund) => {
            deps.db
                .write(move |tx| -> Result<(), DbError> {
                    payments::refund_succeeded(tx, refund_id, &stripe_refund, now)?;
                    if let Some(payment) = payments::get(tx, payment.id)?
                        && payment.refundable() == 0
                    {
                        payments::set_status(tx, payment.id, PaymentStatus::Refunded, now)?;
                    }
                    settings.outbox.record(
                        tx,
                        payment.booking_id,
                        BookingEvent::Refunded,
                        &refund.actor,
                        &json!({
                            "paymentId": payment.id,
                            "refundId": refund_id,
                            "amount": refund.amount,
                            "currency": payment.currency,
                            "reason": refund.reason,
                        }),
                        now,
                    )?;
                    Ok(())
                })
                .await
                .map_err(failed)?;
            tracing::info!(payment_id = payment.id, refund_id, "refund made");
            Ok(())
        }
        Err(err) if err.is_permanent() => {
            deps.db
                .write(move |tx| payments::refund_failed(tx, refund_id, now).map_err(DbError::from))
                .await
                .map_err(failed)?;
            Err(stripe_failure(err))
        }
        Err(err) => Err(stripe_failure(err)),
    }
}

/// Charges the kept card of a booking whose invitee did not come its no-show fee.
async fn no_show_job(deps: Deps, job: Job) -> Result<(), JobFailure> {
    let payment_id = id_in(&job, "paymentId")?;
    let loaded = deps
        .db
        .read(move |conn| -> Result<_, DbError> {
            let Some(payment) = payments::get(conn, payment_id)? else {
                return Ok(None);
            };
            Ok(bookings::by_id(conn, payment.booking_id)?.map(|booking| (payment, booking.uid)))
        })
        .await
        .map_err(failed)?;
    let Some((payment, uid)) = loaded else {
        return Ok(());
    };
    if !booking_payment::no_show_fee_due(&payment) {
        return Ok(());
    }
    let Some(setup_intent) = payment.setup_intent_id.clone() else {
        return Err(JobFailure::give_up("no card was kept for this booking"));
    };
    let account = load_account(&deps)
        .await
        .map_err(failed)?
        .ok_or_else(|| JobFailure::give_up("payments are no longer set up"))?;
    let stripe = client(&deps, &account);
    let (method, customer) = stripe
        .kept_card(&setup_intent)
        .await
        .map_err(stripe_failure)?;
    let customer = customer
        .or(payment.customer_id.clone())
        .ok_or_else(|| JobFailure::give_up("the kept card has no Stripe customer"))?;
    let charge = stripe::OffSessionCharge {
        amount: payment.amount,
        currency: &payment.currency.code(),
        customer: &customer,
        payment_method: &method,
        booking_uid: &uid,
    };
    let answer = stripe
        .charge_kept_card(&charge, &format!("kairos-no-show-{payment_id}"))
        .await;
    let now = deps.now();
    let (status, charged, intent) = match &answer {
        Ok(intent) => (
            PaymentStatus::NoShowCharged,
            payment.amount,
            Some(intent.clone()),
        ),
        Err(err) if err.is_permanent() => (PaymentStatus::Failed, 0, None),
        Err(err) => return Err(JobFailure::new(err.to_string())),
    };
    deps.db
        .write(move |tx| {
            let done = Completion {
                status,
                charged,
                payment_intent_id: intent.as_deref(),
                setup_intent_id: None,
            };
            payments::complete(tx, payment_id, &done, now).map_err(DbError::from)
        })
        .await
        .map_err(failed)?;
    match answer {
        Ok(_) => {
            tracing::info!(payment_id, "no-show fee charged");
            Ok(())
        }
        Err(err) => Err(stripe_failure(err)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(secret: &str, webhook: &str, hold: &str) -> AccountInput {
        AccountInput {
            secret_key: secret.into(),
            webhook_secret: webhook.into(),
            hold_minutes: hold.into(),
            remove: false,
        }
    }

    fn refused(input: &AccountInput) -> Vec<String> {
        match input.apply(None) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().map(|e| e.field.clone()).collect(),
        }
    }

    #[test]
    fn the_stripe_form_refuses_extremes_naming_the_field() {
        assert!(refused(&input("sk_test_abc", "whsec_abc", "15")).is_empty());
        assert!(refused(&input("sk_live_abc", "whsec_abc", "")).is_empty());
        let long = format!("sk_test_{}", "a".repeat(300));
        for secret in [
            "",
            "pk_test_abc",
            "sk_test_a b",
            "sk_test_\u{0}",
            long.as_str(),
            "sk_test_é",
        ] {
            assert_eq!(
                refused(&input(secret, "whsec_abc", "15")),
                ["secret_key"],
                "{secret:?}"
            );
        }
        for webhook in ["", "whsec", "secret", "whsec_\n"] {
            assert_eq!(
                refused(&input("sk_test_abc", webhook, "15")),
                ["webhook_secret"],
                "{webhook:?}"
            );
        }
        for hold in ["4", "1441", "-5", "99999999999999999999", "15.5", "fifteen"] {
            assert_eq!(
                refused(&input("sk_test_abc", "whsec_abc", hold)),
                ["hold_minutes"],
                "{hold:?}"
            );
        }
        // Empty secrets keep the stored ones; removing needs nothing.
        let stored = input("sk_test_abc", "whsec_abc", "15")
            .apply(None)
            .ok()
            .flatten();
        let kept = input("", "", "30").apply(stored.as_ref()).ok().flatten();
        assert_eq!(
            kept.map(|a| (a.secret_key, a.hold_minutes)),
            Some(("sk_test_abc".into(), 30))
        );
        let removed = AccountInput {
            remove: true,
            ..AccountInput::default()
        };
        assert!(matches!(removed.apply(None), Ok(None)));
    }
}

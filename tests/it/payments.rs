//! Paid event types against a Stripe stand-in (localstripe with Checkout Sessions, see
//! tests/payments/stripe_standin.py): pay and be confirmed, abandon and see the slot come
//! back, webhooks delivered twice, badly signed or late, refunds by the cancellation
//! policy, a no-show fee charged to a kept card, a hold that outlives a restart, and money
//! that always adds up to what Stripe holds.
//!
//! Stripe's webhooks go to a receiver in the test, which hands them to Kairos: so a test
//! can deliver one twice, late, or not at all, as Stripe's retries do.

use chrono::Duration;
use kairos::clock::Clock;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::api::{berlin_mornings, booking, consultation};
use crate::stripe_standin::{self as stripe, Delivery, Receiver};
use crate::support::*;
use crate::webhooks::ALLOW_LOOPBACK;

const SIGNING_SECRET: &str = "whsec_kairos_clinic_0123456789";

/// A clinic whose consultation costs `price`, with Stripe set up (an account of its own
/// in the stand-in, on the server's clock) and Stripe's webhooks caught by `hooks`.
struct Clinic {
    server: TestServer,
    api: Api,
    event_type: i64,
    key: String,
    hooks: Receiver,
}

async fn clinic(price: Value) -> Clinic {
    clinic_with(price, json!({})).await
}

async fn clinic_with(price: Value, extra: Value) -> Clinic {
    let config = format!(
        "{ALLOW_LOOPBACK}stripe_base_url = \"{}\"\n",
        stripe::base_url()
    );
    let server = TestServer::with_owner_and_config(&config).await;
    let api = server.api().await;
    let (status, body) = api.post("/api/v1/schedules", &berlin_mornings()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let mut event_type = consultation(extra);
    event_type["price"] = price;
    let (status, body) = api.post("/api/v1/event-types", &event_type).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["data"]["id"].as_i64().expect("id");
    let key = stripe::unique_key();
    stripe::set_clock(&key, server.clock.now().timestamp()).await;
    let hooks = Receiver::start().await;
    stripe::register_webhook_for(&key, &hooks.url, SIGNING_SECRET).await;
    set_up_stripe(&server, &key).await;
    Clinic {
        server,
        api,
        event_type: id,
        key,
        hooks,
    }
}

async fn set_up_stripe(server: &TestServer, key: &str) {
    save_stripe(
        server,
        kairos::integrations::payments::AccountInput {
            secret_key: key.to_string(),
            webhook_secret: SIGNING_SECRET.to_string(),
            hold_minutes: "15".into(),
            remove: false,
        },
    )
    .await;
}

/// Saves what an administrator would enter under Admin → Integrations → Stripe.
async fn save_stripe(server: &TestServer, input: kairos::integrations::payments::AccountInput) {
    let state = server.running.as_ref().expect("running").state.clone();
    kairos::integrations::payments::save_account(
        &state.integrations(),
        1,
        &input,
        &kairos::audit::Origin::default(),
    )
    .await
    .expect("the Stripe settings are saved");
}

fn eur(amount: i64) -> Value {
    json!({ "amount": amount, "currency": "EUR" })
}

/// A booking awaiting its payment, and where its invitee is sent to pay.
struct Held {
    uid: String,
    token: String,
    session: String,
}

impl Clinic {
    fn state(&self) -> kairos::app::AppState {
        self.server.running.as_ref().expect("running").state.clone()
    }

    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.server.clock.now()
    }

    /// Moves Kairos's clock and the stand-in's together.
    async fn advance(&self, by: Duration) {
        self.server.clock.advance(by);
        stripe::advance_clock(&self.key, by.num_seconds()).await;
    }

    async fn book_by_api(&self, start: &str, email: &str) -> (StatusCode, Value) {
        self.api
            .public_post("/api/v1/bookings", &booking(self.event_type, start, email))
            .await
    }

    /// Books `start` through the API and follows its pay link to Stripe Checkout.
    async fn book(&self, start: &str, email: &str) -> Held {
        let (status, made) = self.book_by_api(start, email).await;
        assert_eq!(status, StatusCode::CREATED, "{made}");
        let data = &made["data"];
        assert_eq!(data["status"], "AWAITING_PAYMENT", "{made}");
        assert_eq!(data["payment"]["status"], "awaiting");
        let pay_url = data["payment"]["payUrl"].as_str().expect("a pay link");
        let token = pay_url.split("token=").nth(1).expect("token").to_string();
        let checkout = self.follow(pay_url).await;
        let session = checkout
            .rsplit('/')
            .next()
            .expect("a session id")
            .to_string();
        assert!(session.starts_with("cs_test_"), "{checkout}");
        Held {
            uid: data["uid"].as_str().expect("uid").to_string(),
            token,
            session,
        }
    }

    /// Where a GET of `url` on Kairos sends the browser.
    async fn follow(&self, url: &str) -> String {
        let response = browser().get(url).send().await.expect("answers");
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{url}");
        location(&response)
    }

    /// Pays a session at the stand-in and catches Stripe's webhook about it.
    async fn pay(&mut self, held: &Held) -> Delivery {
        stripe::pay(&held.session).await;
        self.hooks
            .event("checkout.session.completed", &held.session)
            .await
    }

    /// Hands Kairos a webhook as Stripe delivered it.
    async fn deliver(&self, delivery: &Delivery) -> (StatusCode, Value) {
        self.post_webhook(&delivery.body, Some(&delivery.signature()))
            .await
    }

    /// Hands Kairos a webhook again, signed now: Stripe signs every retry afresh.
    async fn redeliver(&self, delivery: &Delivery) -> (StatusCode, Value) {
        let signature = stripe::sign(&delivery.body, SIGNING_SECRET, self.now().timestamp());
        self.post_webhook(&delivery.body, Some(&signature)).await
    }

    async fn post_webhook(&self, body: &[u8], signature: Option<&str>) -> (StatusCode, Value) {
        let mut request = reqwest::Client::new()
            .post(self.server.url("/stripe/webhook"))
            .header("content-type", "application/json")
            .body(body.to_vec());
        if let Some(signature) = signature {
            request = request.header("stripe-signature", signature);
        }
        let response = request.send().await.expect("answers");
        let status = response.status();
        let body = response.json().await.unwrap_or(Value::Null);
        self.server.settle_jobs().await;
        (status, body)
    }

    async fn booking(&self, uid: &str) -> Value {
        let (status, body) = self.api.get(&format!("/api/v1/bookings/{uid}")).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body["data"].clone()
    }

    async fn starts_on(&self, date: &str) -> Vec<String> {
        let (status, slots) = self
            .api
            .public_get(&format!(
                "/api/v1/slots?eventTypeId={}&start={date}&end={date}&timeZone=UTC",
                self.event_type
            ))
            .await;
        assert_eq!(status, StatusCode::OK, "{slots}");
        slots["data"][date]
            .as_array()
            .map(|day| {
                day.iter()
                    .filter_map(|s| s["start"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }

    async fn ledger(&self) -> Value {
        stripe::ledger_of(&self.key).await
    }

    async fn event_kinds(&self, uid: &str) -> Vec<String> {
        let db = self.state().db.clone();
        let uid = uid.to_string();
        db.read(move |conn| -> Result<Vec<String>, kairos::db::DbError> {
            let mut stmt = conn.prepare(
                "SELECT e.kind FROM booking_events e JOIN bookings b ON b.id = e.booking_id
                 WHERE b.uid = ?1 ORDER BY e.id",
            )?;
            let rows = stmt
                .query_map([uid], |row| row.get(0))?
                .collect::<Result<_, _>>()?;
            Ok(rows)
        })
        .await
        .expect("events")
    }

    /// What Kairos recorded, per currency: (charged, refunded).
    async fn kairos_totals(&self) -> Vec<(String, i64, i64)> {
        let db = self.state().db.clone();
        db.read(|conn| kairos::db::payments::totals(conn).map_err(kairos::db::DbError::from))
            .await
            .expect("totals")
    }

    async fn cancel_as_invitee(&self, held: &Held) -> (StatusCode, Value) {
        self.api
            .public_post(
                &format!("/api/v1/bookings/{}/cancel?token={}", held.uid, held.token),
                &json!({ "reason": "cannot come" }),
            )
            .await
    }
}

const MONDAY_NINE: &str = "2026-03-30T07:00:00Z";

#[tokio::test]
async fn paying_confirms_the_booking_once_however_often_stripe_delivers() {
    let mut clinic = clinic(eur(4990)).await;
    // A member's webhook hears of the payment as Cal.com's receivers expect.
    let members = crate::webhooks::Receiver::start().await;
    let (status, body) = clinic
        .api
        .post(
            "/api/v1/webhooks",
            &json!({ "url": members.url, "triggers": ["BOOKING_PAYMENT_INITIATED", "BOOKING_PAID", "BOOKING_CREATED"] }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    // And a workflow runs when a booking is paid.
    let owner = crate::workflows::owner_browser(&clinic.server).await;
    let paid_hook = format!("{}/paid-workflow", members.url);
    crate::workflows::create_workflow(
        &clinic.server,
        &owner,
        &[clinic.event_type],
        &[
            ("name", "Thank you for paying"),
            ("trigger", "BOOKING_PAID"),
            ("steps[0].action", "WEBHOOK"),
            ("steps[0].target", &paid_hook),
        ],
    )
    .await;

    let held = clinic.book(MONDAY_NINE, "pat@example.org").await;
    // The slot is held for the invitee while they pay.
    assert!(
        !clinic
            .starts_on("2026-03-30")
            .await
            .contains(&MONDAY_NINE.replace('Z', "+00:00"))
    );
    let session = stripe::session(&held.session).await;
    assert_eq!(session["amount_total"], 4990);
    assert_eq!(session["currency"], "eur");
    assert_eq!(session["customer_email"], "pat@example.org");
    assert_eq!(session["client_reference_id"], held.uid.as_str());
    // Following the pay link again goes to the same session.
    let again = clinic
        .follow(
            &clinic
                .server
                .url(&format!("/booking/{}/pay?token={}", held.uid, held.token)),
        )
        .await;
    assert!(again.ends_with(&held.session), "{again}");

    let paid = clinic.pay(&held).await;
    let (status, answer) = clinic.deliver(&paid).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let booked = clinic.booking(&held.uid).await;
    assert_eq!(booked["status"], "ACCEPTED");
    assert_eq!(booked["payment"]["status"], "paid");
    assert_eq!(booked["payment"]["charged"], 4990);
    assert!(booked["payment"].get("payUrl").is_none());

    // The same event again, and again signed later: nothing changes, nothing is told twice.
    for _ in 0..2 {
        let (status, answer) = clinic.redeliver(&paid).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(answer["message"], "duplicate");
    }
    assert_eq!(
        clinic.event_kinds(&held.uid).await,
        ["payment_initiated", "paid", "created"]
    );
    assert_eq!(clinic.ledger().await["charged"]["eur"], 4990);
    assert_eq!(clinic.kairos_totals().await, [("EUR".to_string(), 4990, 0)]);

    let received = members.wait_for(&clinic.server, 4).await;
    let workflow: Vec<Value> = received
        .iter()
        .filter(|r| r.path == "/paid-workflow")
        .map(|r| r.json())
        .collect();
    assert_eq!(workflow.len(), 1, "the paid workflow ran once");
    assert_eq!(workflow[0]["triggerEvent"], "BOOKING_PAID");
    let triggers: Vec<Value> = received
        .iter()
        .filter(|r| r.path != "/paid-workflow")
        .map(|r| r.json())
        .collect();
    let mut names: Vec<&str> = triggers
        .iter()
        .filter_map(|b| b["triggerEvent"].as_str())
        .collect();
    // Paid and created are delivered side by side; the payment started before both.
    names[1..].sort_unstable();
    assert_eq!(
        names,
        [
            "BOOKING_PAYMENT_INITIATED",
            "BOOKING_CREATED",
            "BOOKING_PAID"
        ]
    );
    let paid_payload = &triggers
        .iter()
        .find(|b| b["triggerEvent"] == "BOOKING_PAID")
        .expect("paid")["payload"];
    assert_eq!(paid_payload["price"], 4990);
    assert_eq!(paid_payload["currency"], "eur");
    assert!(paid_payload["paymentId"].as_i64().is_some());
    assert_eq!(paid_payload["paid"], true);
}

#[tokio::test]
async fn a_webhook_without_a_good_signature_is_refused_and_audited() {
    let mut clinic = clinic(eur(4990)).await;
    let held = clinic.book(MONDAY_NINE, "pat@example.org").await;
    let paid = clinic.pay(&held).await;
    let now = clinic.now().timestamp();
    let forged = stripe::sign(&paid.body, "whsec_somebody_else", now);
    let stale = stripe::sign(&paid.body, SIGNING_SECRET, now - 600);
    let tampered = String::from_utf8_lossy(&paid.body).replace("4990", "1");
    for (body, signature) in [
        (paid.body.to_vec(), Some(forged.as_str())),
        (paid.body.to_vec(), Some(stale.as_str())),
        (paid.body.to_vec(), None),
        (paid.body.to_vec(), Some("t=abc,v1=zz")),
        (tampered.into_bytes(), Some(paid.signature().as_str())),
    ] {
        let (status, answer) = clinic.post_webhook(&body, signature).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{answer}");
    }
    // Well signed but not an event, or far too large: refused, and the server stays up.
    let now = clinic.now().timestamp();
    let junk = vec![b'x'; 3_000_000];
    for body in [&b"not json"[..], b"[]", b"{\"id\":5}", &junk[..]] {
        let signature = stripe::sign(body, SIGNING_SECRET, now);
        let (status, _) = clinic.post_webhook(body, Some(&signature)).await;
        assert!(status.is_client_error(), "{status}");
    }
    assert_eq!(
        clinic.booking(&held.uid).await["status"],
        "AWAITING_PAYMENT"
    );
    let refused = clinic
        .server
        .audit_log()
        .await
        .into_iter()
        .filter(|(action, ..)| action == "stripe_webhook_refused")
        .count();
    assert_eq!(refused, 5);
    // The real one still counts.
    let (status, _) = clinic.deliver(&paid).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(clinic.booking(&held.uid).await["status"], "ACCEPTED");
}

#[tokio::test]
async fn an_abandoned_payment_gives_the_slot_back_when_the_hold_ends_even_across_a_restart() {
    let clinic = clinic(eur(4990)).await;
    let held = clinic.book(MONDAY_NINE, "pat@example.org").await;
    let slot = MONDAY_NINE.replace('Z', "+00:00");
    assert!(!clinic.starts_on("2026-03-30").await.contains(&slot));

    // The server restarts while the hold runs; the hold's end is a durable job.
    let Clinic {
        server,
        event_type,
        key,
        hooks,
        ..
    } = clinic;
    let server = server.restart().await;
    let api = server.api().await;
    let clinic = Clinic {
        server,
        api,
        event_type,
        key,
        hooks,
    };
    clinic.advance(Duration::minutes(14)).await;
    clinic.server.settle_jobs().await;
    assert_eq!(
        clinic.booking(&held.uid).await["status"],
        "AWAITING_PAYMENT"
    );
    clinic.advance(Duration::minutes(2)).await;
    clinic.server.settle_jobs().await;

    let expired = clinic.booking(&held.uid).await;
    assert_eq!(expired["status"], "PAYMENT_EXPIRED");
    assert_eq!(expired["payment"]["status"], "expired");
    assert!(clinic.starts_on("2026-03-30").await.contains(&slot));
    // Nobody can pay for it any more at Stripe either.
    assert_eq!(stripe::session(&held.session).await["status"], "expired");
    let (status, _) = stripe::pay_with(&held.session, "ok").await;
    assert_eq!(status, StatusCode::GONE);
    assert_eq!(
        clinic.ledger().await["charged"]["eur"]
            .as_i64()
            .unwrap_or(0),
        0
    );
    assert_eq!(
        clinic.event_kinds(&held.uid).await,
        ["payment_initiated", "payment_expired"]
    );
}

#[tokio::test]
async fn a_late_payment_is_refunded_when_the_slot_was_taken_and_kept_when_it_is_free() {
    let mut clinic = clinic(eur(4990)).await;
    // Pat pays just before the hold ends; Stripe's webhook arrives only after it.
    let pat = clinic.book(MONDAY_NINE, "pat@example.org").await;
    let pat_paid = clinic.pay(&pat).await;
    clinic.advance(Duration::minutes(16)).await;
    clinic.server.settle_jobs().await;
    assert_eq!(clinic.booking(&pat.uid).await["status"], "PAYMENT_EXPIRED");
    // Meanwhile Sam took the time.
    let sam = clinic.book(MONDAY_NINE, "sam@example.org").await;
    let (status, _) = clinic.redeliver(&pat_paid).await;
    assert_eq!(status, StatusCode::OK);
    let pat_now = clinic.booking(&pat.uid).await;
    assert_eq!(pat_now["status"], "PAYMENT_EXPIRED");
    assert_eq!(pat_now["payment"]["refunded"], 4990);
    assert_eq!(pat_now["payment"]["status"], "refunded");
    assert_eq!(clinic.booking(&sam.uid).await["status"], "AWAITING_PAYMENT");
    let ledger = clinic.ledger().await;
    assert_eq!(ledger["charged"]["eur"], 4990);
    assert_eq!(ledger["refunded"]["eur"], 4990);
    assert_eq!(
        clinic.event_kinds(&pat.uid).await,
        ["payment_initiated", "payment_expired", "refunded"]
    );

    // Alex pays late too, but nobody took the time: the booking stands.
    let alex = clinic
        .book("2026-03-30T08:00:00Z", "alex@example.org")
        .await;
    let alex_paid = clinic.pay(&alex).await;
    clinic.advance(Duration::minutes(16)).await;
    clinic.server.settle_jobs().await;
    let (status, _) = clinic.redeliver(&alex_paid).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(clinic.booking(&alex.uid).await["status"], "ACCEPTED");
    assert_eq!(
        clinic.kairos_totals().await,
        [("EUR".to_string(), 9980, 4990)]
    );
}

#[tokio::test]
async fn cancelling_refunds_by_the_policy_and_a_reschedule_keeps_the_payment() {
    let policy =
        json!({ "amount": 6000, "currency": "EUR", "refundHours": 48, "lateRefundPercent": 50 });
    let mut clinic = clinic(policy).await;

    // Early: more than 48 hours before — a full refund.
    let early = clinic
        .book("2026-04-02T07:00:00Z", "early@example.org")
        .await;
    let paid = clinic.pay(&early).await;
    clinic.deliver(&paid).await;
    let (status, body) = clinic.cancel_as_invitee(&early).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    clinic.server.settle_jobs().await;
    assert_eq!(
        clinic.booking(&early.uid).await["payment"]["refunded"],
        6000
    );

    // Late: within 48 hours — half back.
    let late = clinic
        .book("2026-03-28T08:00:00Z", "late@example.org")
        .await;
    let paid = clinic.pay(&late).await;
    clinic.deliver(&paid).await;
    let (status, body) = clinic.cancel_as_invitee(&late).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    clinic.server.settle_jobs().await;
    let cancelled = clinic.booking(&late.uid).await;
    assert_eq!(cancelled["payment"]["refunded"], 3000);
    assert_eq!(cancelled["payment"]["status"], "paid");

    // A host cancelling gives everything back, whenever.
    let hosted = clinic
        .book("2026-03-28T09:00:00Z", "host@example.org")
        .await;
    let paid = clinic.pay(&hosted).await;
    clinic.deliver(&paid).await;
    let (status, body) = clinic
        .api
        .post(
            &format!("/api/v1/bookings/{}/cancel", hosted.uid),
            &json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    clinic.server.settle_jobs().await;
    assert_eq!(
        clinic.booking(&hosted.uid).await["payment"]["refunded"],
        6000
    );

    // Moving a paid booking keeps its payment: nothing refunded, nothing charged again.
    let moved = clinic
        .book("2026-04-03T07:00:00Z", "move@example.org")
        .await;
    let paid = clinic.pay(&moved).await;
    clinic.deliver(&paid).await;
    let (status, body) = clinic
        .api
        .public_post(
            &format!(
                "/api/v1/bookings/{}/reschedule?token={}",
                moved.uid, moved.token
            ),
            &json!({ "start": "2026-04-03T08:00:00Z" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let new_uid = body["data"]["uid"].as_str().expect("uid").to_string();
    clinic.server.settle_jobs().await;
    let new = clinic.booking(&new_uid).await;
    assert_eq!(new["status"], "ACCEPTED");
    assert_eq!(new["payment"]["status"], "paid");
    assert_eq!(new["payment"]["charged"], 6000);
    assert_eq!(new["payment"]["refunded"], 0);

    let ledger = clinic.ledger().await;
    assert_eq!(ledger["charged"]["eur"], 24000);
    assert_eq!(ledger["refunded"]["eur"], 15000);
    assert_eq!(
        clinic.kairos_totals().await,
        [("EUR".to_string(), 24000, 15000)]
    );
}

#[tokio::test]
async fn a_no_show_fee_is_charged_to_the_kept_card_only_after_a_no_show() {
    let fee = json!({ "amount": 2500, "currency": "EUR", "mode": "noShowFee" });
    let mut clinic = clinic(fee).await;
    let held = clinic.book(MONDAY_NINE, "pat@example.org").await;
    let session = stripe::session(&held.session).await;
    assert_eq!(session["mode"], "setup");
    let kept = clinic.pay(&held).await;
    clinic.deliver(&kept).await;
    let booked = clinic.booking(&held.uid).await;
    assert_eq!(booked["status"], "ACCEPTED");
    assert_eq!(booked["payment"]["status"], "cardSaved");
    assert_eq!(
        clinic.ledger().await["charged"]["eur"]
            .as_i64()
            .unwrap_or(0),
        0
    );

    // Too early to call it a no-show.
    let state = clinic.state();
    let mark = |state: kairos::app::AppState, uid: String| async move {
        let settings = state.booking_settings();
        state
            .db
            .write(move |tx| kairos::booking::payment::mark_no_show(tx, &uid, 1, &settings))
            .await
    };
    assert!(mark(state.clone(), held.uid.clone()).await.is_err());
    clinic.advance(Duration::days(3) + Duration::hours(1)).await;
    mark(state.clone(), held.uid.clone())
        .await
        .expect("a no-show");
    clinic.server.settle_jobs().await;
    let charged = clinic.booking(&held.uid).await;
    assert_eq!(charged["payment"]["status"], "noShowCharged");
    assert_eq!(charged["payment"]["charged"], 2500);
    assert_eq!(clinic.ledger().await["charged"]["eur"], 2500);
    // Marking again changes nothing, and charges nothing more.
    assert!(mark(state, held.uid.clone()).await.is_err());
    clinic.server.settle_jobs().await;
    assert_eq!(clinic.ledger().await["charged"]["eur"], 2500);
}

#[tokio::test]
async fn amounts_are_exact_in_zero_and_three_decimal_currencies() {
    let yen = json!({ "amount": 5000, "currency": "JPY" });
    let mut clinic = clinic(yen).await;
    let held = clinic.book(MONDAY_NINE, "pat@example.org").await;
    assert_eq!(stripe::session(&held.session).await["amount_total"], 5000);
    let paid = clinic.pay(&held).await;
    clinic.deliver(&paid).await;
    assert_eq!(clinic.ledger().await["charged"]["jpy"], 5000);

    // Three decimals: Stripe takes fils in tens; an amount that is not is refused.
    for (amount, ok) in [(12_340, true), (12_345, false)] {
        let (status, body) = clinic
            .api
            .post(
                "/api/v1/event-types",
                &consultation(json!({
                    "slug": format!("kwd-{amount}"),
                    "price": { "amount": amount, "currency": "KWD" }
                })),
            )
            .await;
        if ok {
            assert_eq!(status, StatusCode::CREATED, "{body}");
        } else {
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
            assert_eq!(body["error"]["details"][0]["field"], "price.amount");
        }
    }
    for price in [
        json!({ "amount": 0, "currency": "EUR" }),
        json!({ "amount": 100, "currency": "EURO" }),
        json!({ "amount": 100, "currency": "XAU" }),
        json!({ "amount": 1.5, "currency": "EUR" }),
        json!({ "amount": 100_000_000, "currency": "EUR" }),
        json!({ "amount": 100, "currency": "EUR", "lateRefundPercent": 101 }),
    ] {
        let (status, body) = clinic
            .api
            .post(
                "/api/v1/event-types",
                &consultation(json!({ "slug": "bad-price", "price": price })),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{price}: {body}");
    }
}

#[tokio::test]
async fn a_paid_event_type_takes_no_bookings_while_stripe_is_not_set_up_or_refuses() {
    let clinic = clinic(eur(4990)).await;
    // Stripe refuses the key: the invitee is told, and the hold ends at once.
    save_stripe(
        &clinic.server,
        kairos::integrations::payments::AccountInput {
            secret_key: stripe::INVALID_KEY.to_string(),
            ..Default::default()
        },
    )
    .await;
    let (status, made) = clinic.book_by_api(MONDAY_NINE, "pat@example.org").await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let pay_url = made["data"]["payment"]["payUrl"]
        .as_str()
        .expect("pay link");
    let response = browser().get(pay_url).send().await.expect("answers");
    assert_eq!(response.status(), StatusCode::BAD_GATEWAY);
    let uid = made["data"]["uid"].as_str().expect("uid");
    assert_eq!(clinic.booking(uid).await["status"], "PAYMENT_EXPIRED");
    assert!(
        clinic
            .starts_on("2026-03-30")
            .await
            .contains(&MONDAY_NINE.replace('Z', "+00:00"))
    );

    // Payments turned off: no booking is made at all.
    save_stripe(
        &clinic.server,
        kairos::integrations::payments::AccountInput {
            remove: true,
            ..Default::default()
        },
    )
    .await;
    let (status, body) = clinic.book_by_api(MONDAY_NINE, "sam@example.org").await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let (status, _) = clinic.post_webhook(b"{}", Some("t=1,v1=00")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

/// A tiny deterministic generator: the sequence of a seed is the same on every run.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % sides
    }
}

#[tokio::test]
async fn money_adds_up_to_what_stripe_holds_whatever_happens() {
    let mut seen = [0_u32; 6];
    for seed in [0x5eed_0019, 0x5eed_0020, 0x5eed_0021] {
        for (action, times) in money_sequence(seed).await.into_iter().enumerate() {
            seen[action] += times;
        }
    }
    // Every kind of step happened, and did something, across the sequences.
    assert!(seen.iter().all(|times| *times > 0), "{seen:?}");
}

/// Runs the random steps of `seed`, checking after each that the money adds up; returns
/// how often each kind of step did something.
async fn money_sequence(seed: u64) -> [u32; 6] {
    // Booked, paid, cancelled, refunded by a host, moved, time passed.
    let mut done = [0_u32; 6];
    let policy =
        json!({ "amount": 3330, "currency": "EUR", "refundHours": 24, "lateRefundPercent": 33 });
    let mut clinic = clinic(policy).await;
    let days = ["2026-03-30", "2026-03-31", "2026-04-01", "2026-04-02"];
    let hours = ["07", "08", "09", "10"];
    let mut open: Vec<(Held, Option<Delivery>)> = Vec::new();
    let mut dice = Dice(seed);
    for step in 0..32 {
        let action = dice.roll(8);
        match action {
            // Book a free time.
            0 | 1 => {
                let start = format!(
                    "{}T{}:00:00Z",
                    days[dice.roll(4) as usize],
                    hours[dice.roll(4) as usize]
                );
                let (status, made) = clinic
                    .api
                    .public_post(
                        "/api/v1/bookings",
                        &booking(clinic.event_type, &start, &format!("p{step}@example.org")),
                    )
                    .await;
                if status == StatusCode::CREATED {
                    done[0] += 1;
                    let pay_url = made["data"]["payment"]["payUrl"]
                        .as_str()
                        .expect("pay")
                        .to_string();
                    let checkout = clinic.follow(&pay_url).await;
                    open.push((
                        Held {
                            uid: made["data"]["uid"].as_str().expect("uid").to_string(),
                            token: pay_url.split("token=").nth(1).expect("token").to_string(),
                            session: checkout.rsplit('/').next().expect("session").to_string(),
                        },
                        None,
                    ));
                }
            }
            // Pay one, and deliver (sometimes twice).
            2 | 3 if !open.is_empty() => {
                let at = dice.roll(open.len() as u64) as usize;
                if open[at].1.is_none() {
                    let (status, _) = stripe::pay_with(&open[at].0.session, "ok").await;
                    if status == StatusCode::OK {
                        let delivery = clinic
                            .hooks
                            .event("checkout.session.completed", &open[at].0.session)
                            .await;
                        open[at].1 = Some(delivery);
                    }
                }
                if let Some(delivery) = open[at].1.clone() {
                    done[1] += 1;
                    for _ in 0..=dice.roll(2) {
                        let (status, _) = clinic.redeliver(&delivery).await;
                        assert_eq!(status, StatusCode::OK);
                    }
                }
            }
            // The invitee cancels.
            4 if !open.is_empty() => {
                let at = dice.roll(open.len() as u64) as usize;
                let (status, _) = clinic.cancel_as_invitee(&open[at].0).await;
                if status == StatusCode::OK {
                    done[2] += 1;
                }
            }
            // A host refunds part of a payment.
            5 if !open.is_empty() => {
                let at = dice.roll(open.len() as u64) as usize;
                let booking = clinic.booking(&open[at].0.uid).await;
                if booking["payment"]["charged"].as_i64() > booking["payment"]["refunded"].as_i64()
                {
                    let state = clinic.state();
                    let booking_id: i64 = {
                        let uid = open[at].0.uid.clone();
                        state
                            .db
                            .read(move |conn| {
                                kairos::db::bookings::by_uid(conn, &uid)
                                    .map_err(kairos::db::DbError::from)
                            })
                            .await
                            .expect("booking")
                            .map(|b| b.id)
                            .expect("exists")
                    };
                    if kairos::integrations::payments::refund_by_host(
                        &state.integrations(),
                        booking_id,
                        1,
                        Some(1000),
                    )
                    .await
                    .is_ok()
                    {
                        done[3] += 1;
                    }
                }
            }
            // The invitee moves their booking.
            6 if !open.is_empty() => {
                let at = dice.roll(open.len() as u64) as usize;
                let start = format!(
                    "{}T{}:30:00Z",
                    days[dice.roll(4) as usize],
                    hours[dice.roll(4) as usize]
                );
                let held = &open[at].0;
                let (status, body) = clinic
                    .api
                    .public_post(
                        &format!(
                            "/api/v1/bookings/{}/reschedule?token={}",
                            held.uid, held.token
                        ),
                        &json!({ "start": start }),
                    )
                    .await;
                if status == StatusCode::CREATED {
                    done[4] += 1;
                    let data = &body["data"];
                    open[at].0.uid = data["uid"].as_str().expect("uid").to_string();
                    open[at].0.token = data["manageUrl"]
                        .as_str()
                        .and_then(|url| url.split("token=").nth(1))
                        .expect("token")
                        .to_string();
                }
            }
            // Time passes: holds end.
            _ => {
                done[5] += 1;
                clinic.advance(Duration::minutes(7)).await;
            }
        }
        clinic.server.settle_jobs().await;
        // After every step: Kairos's books match Stripe's, and every confirmed booking
        // is paid.
        let ledger = clinic.ledger().await;
        let stripe_charged = ledger["charged"]["eur"].as_i64().unwrap_or(0);
        let stripe_refunded = ledger["refunded"]["eur"].as_i64().unwrap_or(0);
        let (charged, refunded) = clinic
            .kairos_totals()
            .await
            .first()
            .map_or((0, 0), |(_, c, r)| (*c, *r));
        assert_eq!(
            (charged, refunded),
            (stripe_charged, stripe_refunded),
            "step {step} (action {action})"
        );
        for (held, _) in &open {
            let booking = clinic.booking(&held.uid).await;
            if booking["status"] == "ACCEPTED" {
                assert!(
                    booking["payment"]["charged"].as_i64() > Some(0),
                    "step {step}: {booking}"
                );
            }
        }
    }
    done
}

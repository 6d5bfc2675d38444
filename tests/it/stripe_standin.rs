//! A stand-in for Stripe: localstripe (real PaymentIntents, SetupIntents, charges,
//! refunds and signed webhooks) with what it lacks added by
//! tests/payments/stripe_standin.py: Checkout Sessions and their hosted page, the
//! account, Stripe's API-key errors, `Idempotency-Key`, a ledger of what was charged
//! and refunded, and a clock per API key.
//!
//! One stand-in runs per test binary; it stops when the binary exits (its standard
//! input closes). Each API key is its own account for the ledger, the clock and the
//! webhook endpoints registered with it, so tests running side by side give each
//! their own key ([`unique_key`]) and see only their own money and events.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode as AxumStatus};
use axum::routing::post as route_post;
use hmac::{Hmac, Mac};
use reqwest::StatusCode;
use serde_json::Value;
use sha2::Sha256;
use tokio::sync::mpsc;

/// A key the stand-in refuses with 401 on every endpoint, as Stripe answers a revoked
/// or mistyped key (any key containing `invalid`).
pub const INVALID_KEY: &str = "sk_test_invalid0000000000000000Kx9Q";
/// The display name of the stand-in's account (`GET /v1/account`).
pub const ACCOUNT_NAME: &str = "Kairos Test Practice";

struct StandIn {
    base: String,
    _child: Mutex<Child>,
    /// Held open for the life of the test binary: its end stops the stand-in.
    _stdin: Mutex<ChildStdin>,
}

fn stand_in() -> &'static StandIn {
    static STANDIN: OnceLock<StandIn> = OnceLock::new();
    STANDIN.get_or_init(start)
}

fn start() -> StandIn {
    let python = concat!(env!("CARGO_MANIFEST_DIR"), "/.venv-test/bin/python");
    assert!(
        Path::new(python).exists(),
        "the Stripe tests need localstripe in .venv-test: run tests/run.sh once"
    );
    let log =
        std::env::temp_dir().join(format!("kairos-stripe-standin-{}.log", std::process::id()));
    let log_file = std::fs::File::create(&log).expect("the stand-in's log file");
    let mut child = Command::new(python)
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/payments/stripe_standin.py"
        ))
        .args(["--port", "0", "--exit-with-stdin", "--webhook-delay", "0.2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(log_file)
        .spawn()
        .expect("the Stripe stand-in starts");
    let stdin = child.stdin.take().expect("its standard input");
    let mut stdout = BufReader::new(child.stdout.take().expect("its standard output"));
    let mut line = String::new();
    let _ = stdout.read_line(&mut line);
    let Some(base) = line.trim().strip_prefix("listening on ") else {
        let _ = child.kill();
        panic!(
            "the Stripe stand-in did not start ({line:?}); its log:\n{}",
            std::fs::read_to_string(&log).unwrap_or_default()
        );
    };
    let base = base.to_string();
    // Nothing else is printed, but a full pipe must never stall it.
    std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
    StandIn {
        base,
        _child: Mutex::new(child),
        _stdin: Mutex::new(stdin),
    }
}

/// Where the stand-in listens, e.g. `http://127.0.0.1:41234` (Kairos's Stripe API base).
pub fn base_url() -> String {
    stand_in().base.clone()
}

pub fn url(path: &str) -> String {
    format!("{}{path}", base_url())
}

/// A secret key of its own for one test: its own account in the stand-in.
pub fn unique_key() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    format!(
        "sk_test_kairos{}x{:05}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// A client that does not follow redirects (the hosted page answers 303).
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("a client")
}

async fn json(response: reqwest::Response) -> (StatusCode, Value) {
    let status = response.status();
    let body = response.json::<Value>().await.unwrap_or(Value::Null);
    (status, body)
}

/// `POST {path}` form-encoded with `key`, as Stripe's API takes it.
pub async fn post(key: &str, path: &str, form: &[(&str, String)]) -> (StatusCode, Value) {
    json(
        client()
            .post(url(path))
            .bearer_auth(key)
            .form(form)
            .send()
            .await
            .expect("the stand-in answers"),
    )
    .await
}

/// `GET {path}` with `key`.
pub async fn get(key: &str, path: &str) -> (StatusCode, Value) {
    json(
        client()
            .get(url(path))
            .bearer_auth(key)
            .send()
            .await
            .expect("the stand-in answers"),
    )
    .await
}

/// Registers a webhook endpoint (localstripe's `/_config/webhooks/{id}`) for every
/// event of every account; returns its id.
pub async fn register_webhook(url: &str, secret: &str) -> String {
    register(None, url, secret).await
}

/// Registers a webhook endpoint for the events of the account `key` only.
pub async fn register_webhook_for(key: &str, url: &str, secret: &str) -> String {
    register(Some(key), url, secret).await
}

async fn register(key: Option<&str>, hook: &str, secret: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    let id = format!("kairos-{}", NEXT.fetch_add(1, Ordering::Relaxed));
    let mut request = client()
        .post(url(&format!("/_config/webhooks/{id}")))
        .form(&[("url", hook), ("secret", secret)]);
    if let Some(key) = key {
        request = request.bearer_auth(key);
    }
    let response = request.send().await.expect("the stand-in answers");
    assert_eq!(response.status(), StatusCode::OK, "registering {hook}");
    id
}

pub async fn unregister_webhook(id: &str) {
    let response = client()
        .delete(url(&format!("/_config/webhooks/{id}")))
        .send()
        .await
        .expect("the stand-in answers");
    assert_eq!(response.status(), StatusCode::OK);
}

/// Pays a Checkout Session as a visitor on the hosted page would, with card 4242…;
/// returns `{session, redirect}` (the success URL with the session id in it).
pub async fn pay(session_id: &str) -> Value {
    let (status, body) = pay_with(session_id, "ok").await;
    assert_eq!(status, StatusCode::OK, "paying {session_id}: {body}");
    body
}

/// Pays with a card the bank declines; returns Stripe's `card_error`. The session stays
/// open and nothing is charged.
pub async fn pay_declined(session_id: &str) -> Value {
    let (status, body) = pay_with(session_id, "declined").await;
    assert_eq!(status, StatusCode::PAYMENT_REQUIRED, "{body}");
    body
}

/// The hosted page's payment, answered in JSON with its status (400 for a complete
/// session, 410 for an expired one, 402 for a declined card).
pub async fn pay_with(session_id: &str, card: &str) -> (StatusCode, Value) {
    json(
        client()
            .post(url(&format!("/_test/checkout/sessions/{session_id}/pay")))
            .form(&[("card", card)])
            .send()
            .await
            .expect("the stand-in answers"),
    )
    .await
}

/// The Checkout Session as `GET /v1/checkout/sessions/{id}` answers it.
pub async fn session(id: &str) -> Value {
    let (status, body) = get(&unique_key(), &format!("/v1/checkout/sessions/{id}")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

/// Every account's money: `{charged: {currency: minor units}, refunded: {…}, charges:
/// […], refunds: […]}`.
pub async fn ledger() -> Value {
    ledger_query(None, "").await
}

/// The money of the account `key` only.
pub async fn ledger_of(key: &str) -> Value {
    ledger_query(Some(key), "").await
}

/// `query` filters further: `payment_intent=pi_…`, `customer=cus_…`, `metadata[k]=v`.
pub async fn ledger_query(key: Option<&str>, query: &str) -> Value {
    let mut request = client().get(url(&format!("/_test/ledger?{query}")));
    if let Some(key) = key {
        request = request.bearer_auth(key);
    }
    let (status, body) = json(request.send().await.expect("the stand-in answers")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

/// Sets the clock of the account `key` to `now` (Unix seconds); it runs on from there.
/// Sessions' `created`, `expires_at` checks and expiry, and the `t=` of its webhooks'
/// signatures follow it, so a Kairos on a fixed test clock sees consistent times.
pub async fn set_clock(key: &str, now: i64) {
    clock(key, ("now", now)).await;
}

/// Moves the clock of the account `key` forward (sessions past `expires_at` expire).
pub async fn advance_clock(key: &str, seconds: i64) {
    clock(key, ("advance", seconds)).await;
}

async fn clock(key: &str, field: (&str, i64)) {
    let (status, body) = post(key, "/_test/clock", &[(field.0, field.1.to_string())]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

/// A `Stripe-Signature` header value for `payload` signed with `secret` at time `t`:
/// `t={t},v1={hex HMAC-SHA256 of "{t}.{payload}"}`, Stripe's scheme.
pub fn sign(payload: &[u8], secret: &str, t: i64) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(t.to_string().as_bytes());
    mac.update(b".");
    mac.update(payload);
    format!("t={t},v1={}", hex::encode(mac.finalize().into_bytes()))
}

/// The `t=` of a `Stripe-Signature` header.
pub fn signature_time(header: &str) -> i64 {
    header
        .split(',')
        .find_map(|part| part.strip_prefix("t="))
        .and_then(|t| t.parse().ok())
        .expect("a t= in the signature")
}

/// One webhook delivery a [`Receiver`] got.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Delivery {
    pub fn event(&self) -> Value {
        serde_json::from_slice(&self.body).expect("a JSON event")
    }

    pub fn signature(&self) -> String {
        self.headers
            .get("stripe-signature")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    }
}

/// A webhook endpoint on loopback that keeps what it is sent.
pub struct Receiver {
    pub url: String,
    deliveries: mpsc::UnboundedReceiver<Delivery>,
}

impl Receiver {
    pub async fn start() -> Self {
        async fn hook(
            State(sender): State<mpsc::UnboundedSender<Delivery>>,
            headers: HeaderMap,
            body: Bytes,
        ) -> AxumStatus {
            let _ = sender.send(Delivery { headers, body });
            AxumStatus::OK
        }
        let (sender, deliveries) = mpsc::unbounded_channel();
        let app = Router::new()
            .route("/hook", route_post(hook))
            .with_state(sender);
        let base = crate::cloud_standin::serve(app).await;
        Self {
            url: format!("{base}/hook"),
            deliveries,
        }
    }

    /// The next event of `kind` about the object `id`, skipping others (15 s at most).
    pub async fn event(&mut self, kind: &str, id: &str) -> Delivery {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let delivery = tokio::time::timeout(left, self.deliveries.recv())
                .await
                .unwrap_or_else(|_| panic!("no {kind} webhook for {id}"))
                .expect("the receiver runs");
            let event = delivery.event();
            if event["type"] == kind && event["data"]["object"]["id"] == id {
                return delivery;
            }
        }
    }
}

/// A Checkout Session in payment mode for one line item; returns the session.
pub async fn checkout(key: &str, currency: &str, amount: i64, extra: &[(&str, String)]) -> Value {
    let mut form = vec![
        ("mode", "payment".to_string()),
        (
            "success_url",
            "https://kairos.test/paid?session={CHECKOUT_SESSION_ID}".to_string(),
        ),
        ("cancel_url", "https://kairos.test/cancelled".to_string()),
        ("line_items[0][price_data][currency]", currency.to_string()),
        ("line_items[0][price_data][unit_amount]", amount.to_string()),
        (
            "line_items[0][price_data][product_data][name]",
            "Initial consultation".to_string(),
        ),
        ("line_items[0][quantity]", "1".to_string()),
    ];
    form.extend(extra.iter().cloned());
    let (status, body) = post(key, "/v1/checkout/sessions", &form).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

// ------------------------------------------------------------------------------------
// The stand-in itself, end to end, with reqwest alone.

#[tokio::test]
async fn stripe_standin_checkout_pays_refunds_once_and_signs_its_webhooks() {
    let key = unique_key();
    let secret = "whsec_kairos_test_secret";
    let mut receiver = Receiver::start().await;
    register_webhook_for(&key, &receiver.url, secret).await;

    // The account, and a key Stripe would refuse.
    let (status, account) = get(&key, "/v1/account").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(account["object"], "account");
    assert_eq!(
        account["settings"]["dashboard"]["display_name"],
        ACCOUNT_NAME
    );
    assert_eq!(account["charges_enabled"], true);
    for path in [
        "/v1/account",
        "/v1/checkout/sessions/cs_test_x",
        "/v1/charges",
    ] {
        let (status, refused) = get(INVALID_KEY, path).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}");
        assert_eq!(refused["error"]["type"], "invalid_request_error");
        let message = refused["error"]["message"].as_str().unwrap_or_default();
        assert!(
            message.starts_with("Invalid API Key provided: sk_test_*") && message.ends_with("Kx9Q"),
            "{message}"
        );
    }

    // Stripe's bounds on expires_at: 30 minutes to 24 hours from now.
    for expires_at in [now() + 60, now() + 25 * 3600] {
        let (status, refused) = post(
            &key,
            "/v1/checkout/sessions",
            &[
                ("mode", "payment".into()),
                ("success_url", "https://kairos.test/ok".into()),
                ("expires_at", expires_at.to_string()),
                ("line_items[0][price_data][currency]", "eur".into()),
                ("line_items[0][price_data][unit_amount]", "1050".into()),
                ("line_items[0][price_data][product_data][name]", "A".into()),
                ("line_items[0][quantity]", "1".into()),
            ],
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{refused}");
        assert_eq!(refused["error"]["param"], "expires_at");
        assert_eq!(refused["error"]["type"], "invalid_request_error");
    }

    let expires_at = now() + 3600;
    let created = checkout(
        &key,
        "EUR",
        1050,
        &[
            ("expires_at", expires_at.to_string()),
            ("client_reference_id", "booking-42".into()),
            ("customer_email", "ada@patients.example".into()),
            ("metadata[booking]", "booking-42".into()),
            (
                "payment_intent_data[metadata][booking]",
                "booking-42".into(),
            ),
            ("locale", "de".into()),
        ],
    )
    .await;
    let id = created["id"].as_str().expect("an id").to_string();
    assert!(id.starts_with("cs_test_"), "{id}");
    assert_eq!(created["object"], "checkout.session");
    assert_eq!(created["status"], "open");
    assert_eq!(created["payment_status"], "unpaid");
    assert_eq!(created["mode"], "payment");
    assert_eq!(created["amount_total"], 1050);
    assert_eq!(created["currency"], "eur");
    assert_eq!(created["expires_at"], expires_at);
    assert_eq!(created["client_reference_id"], "booking-42");
    assert_eq!(created["metadata"]["booking"], "booking-42");
    assert_eq!(created["livemode"], false);
    assert!(created["payment_intent"].is_null() && created["setup_intent"].is_null());
    let page_url = created["url"].as_str().expect("a url").to_string();
    assert_eq!(page_url, url(&format!("/pay/{id}")));

    // The hosted page names the product and the amount; paying it redirects to
    // success_url with the session's id.
    let page = client().get(&page_url).send().await.expect("the page");
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.expect("html");
    assert!(
        page.contains("Initial consultation") && page.contains("€10.50"),
        "{page}"
    );
    let paid = client()
        .post(&page_url)
        .form(&[("card", "ok")])
        .send()
        .await
        .expect("paying");
    assert_eq!(paid.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        paid.headers()["location"],
        format!("https://kairos.test/paid?session={id}").as_str()
    );

    let done = session(&id).await;
    assert_eq!(done["status"], "complete");
    assert_eq!(done["payment_status"], "paid");
    assert!(done["url"].is_null());
    let pi = done["payment_intent"]
        .as_str()
        .expect("a PaymentIntent")
        .to_string();
    let (_, intent) = get(&key, &format!("/v1/payment_intents/{pi}")).await;
    assert_eq!(intent["status"], "succeeded");
    assert_eq!(intent["amount"], 1050);
    assert_eq!(intent["metadata"]["booking"], "booking-42");

    // Paying twice charges nothing more.
    let (status, again) = pay_with(&id, "ok").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{again}");

    let money = ledger_of(&key).await;
    assert_eq!(money["charged"]["eur"], 1050, "{money}");
    assert_eq!(money["charges"].as_array().map(Vec::len), Some(1));
    assert_eq!(money["charges"][0]["payment_intent"], pi.as_str());
    assert_eq!(money["charges"][0]["metadata"]["booking"], "booking-42");
    assert!(money["refunded"].as_object().is_some_and(|r| r.is_empty()));

    // A refund sent twice with one Idempotency-Key refunds once.
    let refund = |key: String, form: Vec<(&'static str, String)>| async move {
        let response = client()
            .post(url("/v1/refunds"))
            .bearer_auth(key)
            .header("Idempotency-Key", "refund-booking-42")
            .form(&form)
            .send()
            .await
            .expect("the stand-in answers");
        let replayed = response.headers().get("idempotent-replayed").is_some();
        let (status, body) = json(response).await;
        (status, body, replayed)
    };
    let form = vec![
        ("payment_intent", pi.clone()),
        ("reason", "requested_by_customer".to_string()),
    ];
    let (status, first, replayed) = refund(key.clone(), form.clone()).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    assert!(!replayed);
    let (status, second, replayed) = refund(key.clone(), form).await;
    assert_eq!(status, StatusCode::OK, "{second}");
    assert!(replayed);
    assert_eq!(first["id"], second["id"]);
    assert_eq!(first["amount"], 1050);
    let (status, misuse, _) = refund(
        key.clone(),
        vec![("payment_intent", pi.clone()), ("amount", "5".into())],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(misuse["error"]["type"], "idempotency_error");
    // Without the key it is a second refund, which Stripe refuses: nothing is left.
    let (status, refused) = post(&key, "/v1/refunds", &[("payment_intent", pi.clone())]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(refused["error"]["code"], "charge_already_refunded");
    let money = ledger_of(&key).await;
    assert_eq!(money["refunded"]["eur"], 1050, "{money}");
    assert_eq!(money["refunds"].as_array().map(Vec::len), Some(1));

    // The webhook, signed the way Stripe signs: HMAC-SHA256 of "{t}.{payload}".
    let completed = receiver.event("checkout.session.completed", &id).await;
    let header = completed.signature();
    let t = signature_time(&header);
    assert!((t - now()).abs() < 60, "{header}");
    assert_eq!(header, sign(&completed.body, secret, t));
    assert_ne!(header, sign(&completed.body, "whsec_another", t));
    let event = completed.event();
    assert_eq!(event["object"], "event");
    assert_eq!(event["data"]["object"]["payment_status"], "paid");
    assert_eq!(event["data"]["object"]["payment_intent"], pi.as_str());
    assert_eq!(event["data"]["object"]["client_reference_id"], "booking-42");
    let charge = money["charges"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let refunded = receiver.event("charge.refunded", &charge).await;
    assert_eq!(
        refunded.signature(),
        sign(
            &refunded.body,
            secret,
            signature_time(&refunded.signature())
        )
    );
}

#[tokio::test]
async fn stripe_standin_yen_has_no_decimals_and_a_declined_card_charges_nothing() {
    let key = unique_key();
    let created = checkout(&key, "jpy", 1050, &[]).await;
    let id = created["id"].as_str().expect("an id").to_string();
    assert_eq!(created["amount_total"], 1050);
    let page = client()
        .get(created["url"].as_str().expect("a url"))
        .send()
        .await
        .expect("the page")
        .text()
        .await
        .expect("html");
    assert!(page.contains("¥1,050"), "{page}");

    let declined = pay_declined(&id).await;
    assert_eq!(declined["error"]["type"], "card_error");
    assert_eq!(declined["error"]["code"], "card_declined");
    let still = session(&id).await;
    assert_eq!(still["status"], "open");
    assert_eq!(still["payment_status"], "unpaid");
    let money = ledger_of(&key).await;
    assert!(
        money["charged"].as_object().is_some_and(|c| c.is_empty()),
        "{money}"
    );
    assert_eq!(money["charges"][0]["status"], "failed");

    // Another card on the same session goes through.
    let paid = pay(&id).await;
    assert_eq!(paid["session"]["payment_status"], "paid");
    assert_eq!(
        paid["redirect"],
        format!("https://kairos.test/paid?session={id}").as_str()
    );
    let money = ledger_of(&key).await;
    assert_eq!(money["charged"]["jpy"], 1050, "{money}");
    assert!(money["charged"].get("eur").is_none());
    // The all-accounts ledger holds it too.
    let everything = ledger().await;
    assert!(everything["charged"]["jpy"].as_i64().unwrap_or_default() >= 1050);
}

#[tokio::test]
async fn stripe_standin_setup_mode_keeps_a_card_for_an_off_session_charge() {
    let key = unique_key();
    let (status, customer) = post(
        &key,
        "/v1/customers",
        &[("email", "bo@patients.example".into())],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{customer}");
    let customer = customer["id"].as_str().expect("a customer").to_string();
    let (status, created) = post(
        &key,
        "/v1/checkout/sessions",
        &[
            ("mode", "setup".into()),
            ("currency", "eur".into()),
            ("customer", customer.clone()),
            (
                "success_url",
                "https://kairos.test/kept?session={CHECKOUT_SESSION_ID}".into(),
            ),
            ("setup_intent_data[metadata][booking]", "booking-7".into()),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{created}");
    let id = created["id"].as_str().expect("an id").to_string();
    assert!(created["amount_total"].is_null());

    let done = pay(&id).await["session"].clone();
    assert_eq!(done["status"], "complete");
    assert_eq!(done["payment_status"], "no_payment_required");
    assert_eq!(done["customer"], customer.as_str());
    let seti = done["setup_intent"]
        .as_str()
        .expect("a SetupIntent")
        .to_string();
    let (_, intent) = get(&key, &format!("/v1/setup_intents/{seti}")).await;
    assert_eq!(intent["status"], "succeeded");
    assert_eq!(intent["metadata"]["booking"], "booking-7");
    let card = intent["payment_method"]
        .as_str()
        .expect("a card")
        .to_string();
    let (_, method) = get(&key, &format!("/v1/payment_methods/{card}")).await;
    assert_eq!(method["customer"], customer.as_str());

    // Later, the no-show fee: charged off-session to the kept card.
    let (status, fee) = post(
        &key,
        "/v1/payment_intents",
        &[
            ("amount", "2000".into()),
            ("currency", "eur".into()),
            ("customer", customer.clone()),
            ("payment_method", card),
            ("off_session", "true".into()),
            ("confirm", "true".into()),
            ("metadata[booking]", "booking-7".into()),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{fee}");
    assert_eq!(fee["status"], "succeeded");
    let money = ledger_query(Some(&key), "metadata[booking]=booking-7").await;
    assert_eq!(money["charged"]["eur"], 2000, "{money}");
}

#[tokio::test]
async fn stripe_standin_sessions_expire_on_request_and_by_the_accounts_clock() {
    let key = unique_key();
    let secret = "whsec_expiry";
    let mut receiver = Receiver::start().await;
    register_webhook_for(&key, &receiver.url, secret).await;
    // An endpoint for every account's events, as localstripe registers them.
    let mut everyone = Receiver::start().await;
    let everyones = register_webhook(&everyone.url, "whsec_everyone").await;

    let first = checkout(&key, "eur", 5000, &[]).await;
    let id = first["id"].as_str().expect("an id").to_string();
    let (status, expired) = post(&key, &format!("/v1/checkout/sessions/{id}/expire"), &[]).await;
    assert_eq!(status, StatusCode::OK, "{expired}");
    assert_eq!(expired["status"], "expired");
    let (status, again) = post(&key, &format!("/v1/checkout/sessions/{id}/expire"), &[]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{again}");
    let (status, _) = pay_with(&id, "ok").await;
    assert_eq!(status, StatusCode::GONE);
    receiver.event("checkout.session.expired", &id).await;
    let seen = everyone.event("checkout.session.expired", &id).await;
    assert_eq!(
        seen.signature(),
        sign(
            &seen.body,
            "whsec_everyone",
            signature_time(&seen.signature())
        )
    );
    unregister_webhook(&everyones).await;

    // On the account's own clock (a Kairos test's fixed time), a session held for
    // 30 minutes expires once the clock passes it, and the webhook is signed at that
    // time.
    let t0 = 1_774_598_400; // 2026-03-27T08:00:00Z
    set_clock(&key, t0).await;
    let held = checkout(
        &key,
        "eur",
        5000,
        &[("expires_at", (t0 + 1800).to_string())],
    )
    .await;
    assert_eq!(held["created"], t0);
    let id = held["id"].as_str().expect("an id").to_string();
    advance_clock(&key, 1801).await;
    assert_eq!(session(&id).await["status"], "expired");
    let delivery = receiver.event("checkout.session.expired", &id).await;
    let t = signature_time(&delivery.signature());
    assert!((t0 + 1801..t0 + 1900).contains(&t), "{t}");
    assert_eq!(delivery.signature(), sign(&delivery.body, secret, t));
    let money = ledger_of(&key).await;
    assert!(
        money["charges"].as_array().is_some_and(Vec::is_empty),
        "{money}"
    );
}

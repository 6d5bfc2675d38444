//! A small client of Stripe's API: form-encoded requests with the secret key, each
//! retried request carrying an `Idempotency-Key` so Stripe never does it twice, and the
//! signed webhooks Stripe sends back (`Stripe-Signature`).

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::crypto::{constant_time_eq, hmac_hex};
use crate::outbound::{self, Policy};

/// Stripe's API.
pub const STRIPE_API: &str = "https://api.stripe.com";
/// How far a webhook's signed time may be from now: Stripe's own libraries allow five
/// minutes.
pub const SIGNATURE_TOLERANCE: chrono::Duration = chrono::Duration::minutes(5);
/// The longest answer read from Stripe.
const MAX_ANSWER: usize = 256 * 1024;

/// Why a call to Stripe did not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StripeError {
    /// Stripe answered with an error: a wrong key (401), a refused card (402), a request it
    /// will refuse again (400, 404). Stripe's own message, which names no person.
    #[error("Stripe refused: {message} (HTTP {status})")]
    Refused {
        status: u16,
        message: String,
        code: Option<String>,
    },
    /// No usable answer: Stripe could not be reached, or answered 5xx or 429. Worth
    /// trying again.
    #[error("Stripe could not be reached: {0}")]
    Unreachable(String),
}

impl StripeError {
    /// Trying again will not help.
    pub fn is_permanent(&self) -> bool {
        matches!(self, StripeError::Refused { .. })
    }
}

/// Stripe, as one instance's secret key reaches it.
#[derive(Clone)]
pub struct Stripe {
    pub base_url: String,
    pub secret_key: String,
    pub policy: Policy,
}

impl std::fmt::Debug for Stripe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stripe")
            .field("base_url", &self.base_url)
            .field("live", &is_live(&self.secret_key))
            .finish_non_exhaustive()
    }
}

/// A live-mode key (`sk_live_…`, `rk_live_…`) rather than a test one.
pub fn is_live(secret_key: &str) -> bool {
    secret_key.starts_with("sk_live_") || secret_key.starts_with("rk_live_")
}

/// A Checkout Session Stripe made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub id: String,
    pub url: String,
}

impl Stripe {
    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        form: &[(String, String)],
        idempotency_key: Option<&str>,
    ) -> Result<Value, StripeError> {
        let url = format!("{}{path}", self.base_url.trim_end_matches('/'));
        let target = outbound::check_target(&url, self.policy)
            .await
            .map_err(|err| StripeError::Unreachable(format!("the URL {err}")))?;
        let client = outbound::client_for(&target)
            .map_err(|err| StripeError::Unreachable(err.without_url().to_string()))?;
        let mut request = client
            .request(method, target.url.clone())
            .bearer_auth(&self.secret_key)
            .timeout(Duration::from_secs(30));
        if !form.is_empty() {
            request = request.form(form);
        }
        if let Some(key) = idempotency_key {
            request = request.header("Idempotency-Key", key);
        }
        let response = request
            .send()
            .await
            .map_err(|err| StripeError::Unreachable(err.without_url().to_string()))?;
        let status = response.status().as_u16();
        let body = crate::integrations::oauth::read_capped(response, MAX_ANSWER)
            .await
            .map_err(StripeError::Unreachable)?;
        let value: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
        match status {
            200..=299 => Ok(value),
            429 | 500..=599 => Err(StripeError::Unreachable(format!(
                "Stripe answered HTTP {status}"
            ))),
            _ => Err(StripeError::Refused {
                status,
                message: value["error"]["message"]
                    .as_str()
                    .unwrap_or("no message")
                    .chars()
                    .take(300)
                    .collect(),
                code: value["error"]["code"].as_str().map(str::to_string),
            }),
        }
    }

    async fn post(
        &self,
        path: &str,
        form: &[(String, String)],
        idempotency_key: &str,
    ) -> Result<Value, StripeError> {
        self.call(reqwest::Method::POST, path, form, Some(idempotency_key))
            .await
    }

    async fn get(&self, path: &str) -> Result<Value, StripeError> {
        self.call(reqwest::Method::GET, path, &[], None).await
    }

    /// The account the key belongs to: its display name.
    pub async fn account_name(&self) -> Result<String, StripeError> {
        let account = self.get("/v1/account").await?;
        Ok([
            &account["settings"]["dashboard"]["display_name"],
            &account["business_profile"]["name"],
            &account["id"],
        ]
        .into_iter()
        .find_map(|name| name.as_str().filter(|n| !n.is_empty()))
        .unwrap_or("(unnamed)")
        .to_string())
    }

    /// A customer to keep a card for (no-show fees).
    pub async fn create_customer(
        &self,
        email: &str,
        booking_uid: &str,
    ) -> Result<String, StripeError> {
        let form = vec![
            ("email".to_string(), email.to_string()),
            (
                "metadata[kairos_booking]".to_string(),
                booking_uid.to_string(),
            ),
        ];
        let customer = self
            .post(
                "/v1/customers",
                &form,
                &format!("kairos-customer-{booking_uid}"),
            )
            .await?;
        string_field(&customer, "id")
    }

    /// Makes a Checkout Session from `form` (see the payment integration).
    pub async fn create_checkout(
        &self,
        form: &[(String, String)],
        idempotency_key: &str,
    ) -> Result<Session, StripeError> {
        let session = self
            .post("/v1/checkout/sessions", form, idempotency_key)
            .await?;
        Ok(Session {
            id: string_field(&session, "id")?,
            url: string_field(&session, "url")?,
        })
    }

    /// Ends a Checkout Session so that it can no longer be paid. One that is no longer
    /// open (paid, or expired already) is left as it is.
    pub async fn expire_checkout(&self, session_id: &str) -> Result<(), StripeError> {
        let path = format!("/v1/checkout/sessions/{}/expire", path_part(session_id));
        match self
            .post(&path, &[], &format!("kairos-expire-{session_id}"))
            .await
        {
            Ok(_) => Ok(()),
            Err(StripeError::Refused { status: 400, .. }) => Ok(()),
            Err(err) => Err(err),
        }
    }

    /// Gives `amount` of a payment back; `refund_key` names the refund so that asking
    /// again never refunds twice. Returns Stripe's refund id.
    pub async fn refund(
        &self,
        payment_intent: &str,
        amount: i64,
        refund_key: &str,
    ) -> Result<String, StripeError> {
        let form = vec![
            ("payment_intent".to_string(), payment_intent.to_string()),
            ("amount".to_string(), amount.to_string()),
        ];
        let refund = self.post("/v1/refunds", &form, refund_key).await?;
        string_field(&refund, "id")
    }

    /// The card and customer a completed setup-mode Checkout Session kept.
    pub async fn kept_card(
        &self,
        setup_intent: &str,
    ) -> Result<(String, Option<String>), StripeError> {
        let intent = self
            .get(&format!("/v1/setup_intents/{}", path_part(setup_intent)))
            .await?;
        let method = match &intent["payment_method"] {
            Value::String(id) => id.clone(),
            other => string_field(other, "id")?,
        };
        let customer = match &intent["customer"] {
            Value::String(id) => Some(id.clone()),
            other => other["id"].as_str().map(str::to_string),
        };
        Ok((method, customer))
    }

    /// Charges a kept card without the customer present. Returns the payment intent's id
    /// once it succeeded.
    pub async fn charge_kept_card(
        &self,
        charge: &OffSessionCharge<'_>,
        idempotency_key: &str,
    ) -> Result<String, StripeError> {
        let form = vec![
            ("amount".to_string(), charge.amount.to_string()),
            ("currency".to_string(), charge.currency.to_ascii_lowercase()),
            ("customer".to_string(), charge.customer.to_string()),
            (
                "payment_method".to_string(),
                charge.payment_method.to_string(),
            ),
            ("off_session".to_string(), "true".to_string()),
            ("confirm".to_string(), "true".to_string()),
            (
                "metadata[kairos_booking]".to_string(),
                charge.booking_uid.to_string(),
            ),
        ];
        let intent = self
            .post("/v1/payment_intents", &form, idempotency_key)
            .await?;
        match intent["status"].as_str() {
            Some("succeeded") => string_field(&intent, "id"),
            other => Err(StripeError::Refused {
                status: 402,
                message: format!("the payment is {}", other.unwrap_or("unknown")),
                code: None,
            }),
        }
    }
}

/// A charge of a kept card.
#[derive(Debug, Clone)]
pub struct OffSessionCharge<'a> {
    pub amount: i64,
    pub currency: &'a str,
    pub customer: &'a str,
    pub payment_method: &'a str,
    pub booking_uid: &'a str,
}

fn string_field(value: &Value, name: &str) -> Result<String, StripeError> {
    value[name]
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| StripeError::Unreachable(format!("Stripe's answer has no {name}")))
}

/// An id as one part of a path: Stripe's ids are letters, digits and `_`.
fn path_part(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// Why a webhook was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("the request has no Stripe-Signature header")]
    Missing,
    #[error("the Stripe-Signature header cannot be read")]
    Malformed,
    #[error("the signature's time is more than five minutes from now (a replay?)")]
    Stale,
    #[error("no signature matches the body")]
    Mismatch,
}

/// Checks a `Stripe-Signature` header (`t=…,v1=…[,v1=…]`) over `body` with the
/// endpoint's signing secret, as Stripe documents: HMAC-SHA256 of `{t}.{body}`, and `t`
/// within [`SIGNATURE_TOLERANCE`] of `now`.
pub fn verify_signature(
    header: Option<&str>,
    body: &[u8],
    secret: &str,
    now: DateTime<Utc>,
) -> Result<(), SignatureError> {
    let header = header.ok_or(SignatureError::Missing)?;
    let mut timestamp = None;
    let mut signatures = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", value)) => timestamp = value.parse::<i64>().ok(),
            Some(("v1", value)) => signatures.push(value.to_ascii_lowercase()),
            _ => {}
        }
    }
    let timestamp = timestamp.ok_or(SignatureError::Malformed)?;
    if signatures.is_empty() {
        return Err(SignatureError::Malformed);
    }
    let signed_at = DateTime::from_timestamp(timestamp, 0).ok_or(SignatureError::Malformed)?;
    if (now - signed_at).abs() > SIGNATURE_TOLERANCE {
        return Err(SignatureError::Stale);
    }
    let mut payload = format!("{timestamp}.").into_bytes();
    payload.extend_from_slice(body);
    let expected = hmac_hex(secret.as_bytes(), &payload);
    if signatures
        .iter()
        .any(|signature| constant_time_eq(signature.as_bytes(), expected.as_bytes()))
    {
        Ok(())
    } else {
        Err(SignatureError::Mismatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_are_checked_as_stripe_documents() {
        let now = DateTime::from_timestamp(1_700_000_000, 0).expect("time");
        let body = br#"{"id":"evt_1"}"#;
        let secret = "whsec_test";
        let signed = |t: i64| {
            let mut payload = format!("{t}.").into_bytes();
            payload.extend_from_slice(body);
            format!("t={t},v1={}", hmac_hex(secret.as_bytes(), &payload))
        };
        let header = signed(now.timestamp());
        assert_eq!(verify_signature(Some(&header), body, secret, now), Ok(()));
        let rotated = format!(
            "t={},v1=00ff,{}",
            now.timestamp(),
            &header[header.find("v1").unwrap_or(0)..]
        );
        assert_eq!(verify_signature(Some(&rotated), body, secret, now), Ok(()));
        assert_eq!(
            verify_signature(Some(&header), b"{}", secret, now),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify_signature(Some(&header), body, "whsec_other", now),
            Err(SignatureError::Mismatch)
        );
        let old = signed(now.timestamp() - 301);
        assert_eq!(
            verify_signature(Some(&old), body, secret, now),
            Err(SignatureError::Stale)
        );
        assert_eq!(
            verify_signature(Some(&signed(now.timestamp() - 299)), body, secret, now),
            Ok(())
        );
        for bad in [
            "",
            "t=abc,v1=00",
            "v1=00",
            "t=1700000000",
            "t=99999999999999999999,v1=00",
        ] {
            assert_eq!(
                verify_signature(Some(bad), body, secret, now),
                Err(SignatureError::Malformed),
                "{bad:?}"
            );
        }
        assert_eq!(
            verify_signature(None, body, secret, now),
            Err(SignatureError::Missing)
        );
    }

    #[test]
    fn live_keys_are_told_from_test_keys() {
        assert!(is_live("sk_live_abc"));
        assert!(!is_live("sk_test_abc"));
    }
}

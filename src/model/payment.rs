//! Money and payments: prices in integer minor units of an ISO 4217 currency, the payment
//! modes an event type can ask for, its refund policy, and the state of a booking's
//! payment. No floats anywhere: an amount is what Stripe calls `amount`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::model::error::FieldErrors;

/// An ISO 4217 currency Stripe can charge in, by its three-letter code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Currency(iso_currency::Currency);

/// Currencies whose smallest unit Stripe counts differently from ISO 4217 (ISO says 0
/// decimals, Stripe takes two, in whole-unit steps).
const STRIPE_TWO_DECIMALS: &[&str] = &["ISK"];

impl Currency {
    /// The currency of a code such as `EUR` or `eur`; `None` for anything that is not an
    /// active ISO 4217 currency of money (funds, metals and testing codes are refused).
    pub fn parse(code: &str) -> Option<Self> {
        let code = code.trim();
        if code.len() != 3 || !code.chars().all(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        let currency = iso_currency::Currency::from_code(&code.to_ascii_uppercase())?;
        if currency.is_fund() || currency.is_special() || currency.is_superseded().is_some() {
            return None;
        }
        currency.exponent()?;
        Some(Self(currency))
    }

    /// The upper-case code: `EUR`.
    pub fn code(self) -> String {
        self.0.code().to_string()
    }

    /// How many decimals an amount has in Stripe's minor units: 2 for EUR, 0 for JPY, 3
    /// for KWD.
    pub fn exponent(self) -> u32 {
        if STRIPE_TWO_DECIMALS.contains(&self.0.code()) {
            return 2;
        }
        u32::from(self.0.exponent().unwrap_or(2))
    }

    /// The step every amount must be a multiple of: Stripe takes three-decimal amounts
    /// in tens, and the two-decimal stand-ins for zero-decimal currencies in whole units.
    pub fn step(self) -> i64 {
        if STRIPE_TWO_DECIMALS.contains(&self.0.code()) {
            100
        } else if self.exponent() == 3 {
            10
        } else {
            1
        }
    }

    /// Reads an amount written in major units (`50`, `50.5`, `1234.56`) into minor units,
    /// exactly: more decimals than the currency has, a sign, or anything but digits and
    /// one `.` or `,` is refused.
    pub fn parse_major(self, text: &str) -> Result<i64, AmountError> {
        let text = text.trim();
        let (whole, fraction) = match text.find(['.', ',']) {
            Some(at) => (&text[..at], &text[at + 1..]),
            None => (text, ""),
        };
        let digits = |part: &str| part.chars().all(|c| c.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(fraction) {
            return Err(AmountError::NotAnAmount);
        }
        let exponent = self.exponent() as usize;
        if fraction.len() > exponent {
            return Err(AmountError::TooManyDecimals);
        }
        let scale = 10_i64.pow(self.exponent());
        let whole: i64 = whole.parse().map_err(|_| AmountError::TooLarge)?;
        let fraction: i64 = if fraction.is_empty() {
            0
        } else {
            format!("{fraction:0<exponent$}")
                .parse()
                .map_err(|_| AmountError::TooLarge)?
        };
        whole
            .checked_mul(scale)
            .and_then(|minor| minor.checked_add(fraction))
            .ok_or(AmountError::TooLarge)
    }

    /// An amount in minor units written in major units with a `.`: `1050` EUR → `10.50`.
    pub fn major(self, minor: i64) -> String {
        let exponent = self.exponent();
        if exponent == 0 {
            return minor.to_string();
        }
        let scale = 10_i64.pow(exponent);
        let sign = if minor < 0 { "-" } else { "" };
        let minor = minor.unsigned_abs();
        let scale = scale.unsigned_abs();
        format!(
            "{sign}{}.{:0width$}",
            minor / scale,
            minor % scale,
            width = exponent as usize
        )
    }
}

/// Why a written amount was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("must be an amount such as 50 or 49.90")]
    NotAnAmount,
    #[error("has more decimals than the currency has")]
    TooManyDecimals,
    #[error("is too large")]
    TooLarge,
}

impl std::fmt::Display for Currency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.code())
    }
}

impl Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Currency::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "{text:?} is not an ISO 4217 currency code such as EUR"
            ))
        })
    }
}

impl Currency {
    /// Every currency [`Currency::parse`] takes, by code.
    pub fn all() -> Vec<Currency> {
        let mut all: Vec<Currency> = (0..1000)
            .filter_map(iso_currency::Currency::from_numeric)
            .filter_map(|c| Currency::parse(c.code()))
            .collect();
        all.sort_by_key(|c| c.0.code());
        all.dedup();
        all
    }
}

/// A currency as the OpenAPI document states it: one of the codes Kairos takes.
pub fn currency_schema() -> utoipa::openapi::schema::Object {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(Currency::all().into_iter().map(|c| c.code())))
        .description(Some(
            "An ISO 4217 currency code, upper case: EUR, USD, JPY, …",
        ))
        .examples(["EUR"])
        .build()
}

/// The largest price taken, in minor units: a million in a two-decimal currency, and as
/// far inside Stripe's own limit (eight digits) for every other.
pub const MAX_AMOUNT: i64 = 99_999_999;

/// How an event type takes money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum PaymentMode {
    /// The invitee pays when booking; the booking is confirmed once Stripe says so.
    #[default]
    PayNow,
    /// The invitee leaves a card; it is charged the price only when a host marks them a
    /// no-show.
    NoShowFee,
}

impl PaymentMode {
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentMode::PayNow => "pay_now",
            PaymentMode::NoShowFee => "no_show_fee",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "pay_now" | "payNow" => Some(PaymentMode::PayNow),
            "no_show_fee" | "noShowFee" => Some(PaymentMode::NoShowFee),
            _ => None,
        }
    }
}

/// What an event type charges, and what it gives back on a cancellation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Price {
    /// In minor units of `currency` (cents for EUR, yen for JPY, fils for KWD).
    #[schema(minimum = 1, maximum = 99_999_999)]
    pub amount: i64,
    /// ISO 4217, e.g. `EUR`.
    #[schema(schema_with = currency_schema)]
    pub currency: Currency,
    #[serde(default)]
    pub mode: PaymentMode,
    /// A cancellation at least this many hours before the start is refunded in full.
    #[serde(default)]
    #[schema(maximum = 8760)]
    pub refund_hours: u32,
    /// The share refunded of a later cancellation, 0 to 100.
    #[serde(default)]
    #[schema(maximum = 100)]
    pub late_refund_percent: u8,
}

impl Price {
    /// Checks the amount against the currency: positive, within [`MAX_AMOUNT`], and a
    /// multiple of the currency's [`Currency::step`].
    pub fn validate(&self, errors: &mut FieldErrors) {
        let (currency, step) = (self.currency, self.currency.step());
        if self.amount < 1 {
            errors.refuse("price.amount", reason!("pay-et-error-positive"));
        } else if self.amount > MAX_AMOUNT {
            errors.refuse(
                "price.amount",
                reason!(
                    "pay-et-error-too-large",
                    max = currency.major(MAX_AMOUNT / step * step)
                ),
            );
        } else if self.amount % step != 0 {
            errors.refuse(
                "price.amount",
                reason!("pay-et-error-step", step = currency.major(step)),
            );
        }
        if self.refund_hours > 8760 {
            errors.refuse("price.refundHours", reason!("pay-error-refund-hours"));
        }
        if self.late_refund_percent > 100 {
            errors.refuse("price.lateRefundPercent", reason!("pay-error-percent"));
        }
    }
}

/// Where a booking's payment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub enum PaymentStatus {
    /// Sent to Stripe Checkout; the slot is held until the hold ends.
    Awaiting,
    Paid,
    /// A card is kept for a no-show fee.
    CardSaved,
    /// The hold ended unpaid.
    Expired,
    /// Everything charged was given back.
    Refunded,
    /// The no-show fee was charged to the kept card.
    NoShowCharged,
    /// Stripe refused to make the checkout, or to charge the kept card.
    Failed,
}

impl PaymentStatus {
    pub const ALL: [PaymentStatus; 7] = [
        PaymentStatus::Awaiting,
        PaymentStatus::Paid,
        PaymentStatus::CardSaved,
        PaymentStatus::Expired,
        PaymentStatus::Refunded,
        PaymentStatus::NoShowCharged,
        PaymentStatus::Failed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PaymentStatus::Awaiting => "awaiting",
            PaymentStatus::Paid => "paid",
            PaymentStatus::CardSaved => "card_saved",
            PaymentStatus::Expired => "expired",
            PaymentStatus::Refunded => "refunded",
            PaymentStatus::NoShowCharged => "no_show_charged",
            PaymentStatus::Failed => "failed",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// A booking's payment as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    pub id: i64,
    pub booking_id: i64,
    pub mode: PaymentMode,
    pub amount: i64,
    pub currency: Currency,
    pub status: PaymentStatus,
    pub hold_until: DateTime<Utc>,
    pub checkout_session_id: Option<String>,
    pub checkout_url: Option<String>,
    pub payment_intent_id: Option<String>,
    pub setup_intent_id: Option<String>,
    pub customer_id: Option<String>,
    /// What Stripe took, in minor units.
    pub charged: i64,
    /// What was given back, in minor units.
    pub refunded: i64,
    pub refund_hours: u32,
    pub late_refund_percent: u8,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Payment {
    /// What is still refundable.
    pub fn refundable(&self) -> i64 {
        (self.charged - self.refunded).max(0)
    }

    /// What a cancellation at `at` gives back by the policy booked with: everything
    /// still refundable when at least `refund_hours` before `start` (or when a host
    /// cancels), else `late_refund_percent` of the charged amount, rounded down to the
    /// currency's step, never more than is refundable.
    pub fn refund_on_cancel(&self, start: DateTime<Utc>, at: DateTime<Utc>, by_host: bool) -> i64 {
        let early = start - at >= chrono::Duration::hours(i64::from(self.refund_hours));
        let due = if by_host || early {
            self.charged
        } else {
            let step = self.currency.step();
            self.charged * i64::from(self.late_refund_percent) / 100 / step * step
        };
        due.min(self.refundable())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn eur() -> Currency {
        Currency::parse("eur").expect("EUR")
    }

    #[test]
    fn currencies_know_their_decimals() {
        assert_eq!(eur().exponent(), 2);
        assert_eq!(Currency::parse("JPY").map(Currency::exponent), Some(0));
        assert_eq!(Currency::parse("KWD").map(Currency::exponent), Some(3));
        assert_eq!(Currency::parse("KWD").map(Currency::step), Some(10));
        assert_eq!(Currency::parse("ISK").map(Currency::exponent), Some(2));
        for bad in ["", "EU", "EURO", "XAU", "XXX", "e1r", "€", "ZZZ"] {
            assert_eq!(Currency::parse(bad), None, "{bad:?}");
        }
        let all = Currency::all();
        assert!(all.len() > 140, "{}", all.len());
        assert!(all.contains(&eur()));
    }

    #[test]
    fn amounts_read_and_write_exactly() {
        let jpy = Currency::parse("JPY").expect("JPY");
        let kwd = Currency::parse("KWD").expect("KWD");
        assert_eq!(eur().parse_major("49.90"), Ok(4990));
        assert_eq!(eur().parse_major("49,9"), Ok(4990));
        assert_eq!(eur().parse_major("50"), Ok(5000));
        assert_eq!(jpy.parse_major("5000"), Ok(5000));
        assert!(jpy.parse_major("50.5").is_err());
        assert_eq!(kwd.parse_major("1.234"), Ok(1234));
        assert!(eur().parse_major("0.001").is_err());
        for bad in ["", "-5", "5e3", "1.2.3", " ", "9999999999999999999999"] {
            assert!(eur().parse_major(bad).is_err(), "{bad:?}");
        }
        assert_eq!(eur().major(1050), "10.50");
        assert_eq!(jpy.major(5000), "5000");
        assert_eq!(kwd.major(1230), "1.230");
    }

    fn paid(amount: i64, hours: u32, percent: u8) -> Payment {
        let t = Utc
            .with_ymd_and_hms(2027, 1, 1, 0, 0, 0)
            .single()
            .expect("time");
        Payment {
            id: 1,
            booking_id: 1,
            mode: PaymentMode::PayNow,
            amount,
            currency: eur(),
            status: PaymentStatus::Paid,
            hold_until: t,
            checkout_session_id: None,
            checkout_url: None,
            payment_intent_id: None,
            setup_intent_id: None,
            customer_id: None,
            charged: amount,
            refunded: 0,
            refund_hours: hours,
            late_refund_percent: percent,
            created_at: t,
            updated_at: t,
        }
    }

    #[test]
    fn refunds_follow_the_policy() {
        let start = Utc
            .with_ymd_and_hms(2027, 2, 1, 10, 0, 0)
            .single()
            .expect("time");
        let payment = paid(5000, 24, 50);
        let early = start - chrono::Duration::hours(24);
        let late = start - chrono::Duration::hours(23);
        assert_eq!(payment.refund_on_cancel(start, early, false), 5000);
        assert_eq!(payment.refund_on_cancel(start, late, false), 2500);
        assert_eq!(payment.refund_on_cancel(start, late, true), 5000);
        assert_eq!(paid(5000, 24, 0).refund_on_cancel(start, late, false), 0);
    }

    proptest! {
        #[test]
        fn a_refund_is_never_more_than_was_charged(
            amount in 1_i64..=MAX_AMOUNT,
            refunded_share in 0_i64..=100,
            percent in 0_u8..=100,
            hours in 0_u32..=200,
            before in -300_i64..=300,
            by_host: bool,
        ) {
            let start = Utc.with_ymd_and_hms(2027, 2, 1, 10, 0, 0).single().expect("time");
            let mut payment = paid(amount, hours, percent);
            payment.refunded = amount * refunded_share / 100;
            let due = payment.refund_on_cancel(start, start - chrono::Duration::hours(before), by_host);
            prop_assert!(due >= 0);
            prop_assert!(due + payment.refunded <= payment.charged);
        }

        #[test]
        fn major_units_read_back(minor in 0_i64..=MAX_AMOUNT) {
            for code in ["EUR", "JPY", "KWD"] {
                let currency = Currency::parse(code).expect("currency");
                prop_assert_eq!(currency.parse_major(&currency.major(minor)), Ok(minor));
            }
        }
    }
}

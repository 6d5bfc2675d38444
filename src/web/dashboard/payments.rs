//! Payments in the dashboard: the administrator's Stripe account (a panel of the
//! integrations page), the price an event type charges (a panel of its editor), and how
//! a booking's payment stands (words and badges the bookings pages share).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};

use crate::db::DbError;
use crate::db::payments::{self as payment_db, Currency, Payment, PaymentMode, PaymentStatus};
use crate::integrations::payments::{
    self, Account, AccountInput, CheckoutError, SettingsError, StripeError, WEBHOOK_PATH,
};
use crate::model::error::FieldErrors;
use crate::model::payment::{AmountError, MAX_AMOUNT, Price};
use crate::present::{Language, money};
use crate::web::dashboard::integrations::{self, Refused};
use crate::web::dashboard::show_result_at;
use crate::web::extract::AdminForm;
use crate::web::format::FormData;
use crate::web::layout::{
    Field, copy_row, csrf_field, error_summary, field, field_error, mark, marked, notice,
    scoped_checkbox,
};
use crate::web::{CsrfForm, Ctx, WebError};
use crate::{reason, t};

/// Where the Stripe panel is: on the integrations page.
const STRIPE_PANEL: &str = "/dashboard/admin/integrations#stripe";
/// Where its form is sent.
const STRIPE_FORM: &str = "/dashboard/admin/integrations/stripe";

// ---- the Stripe account ------------------------------------------------------------------

/// The Stripe account as stored (`None`: not set up) and its hold in minutes.
pub(super) async fn stored_account(ctx: &Ctx) -> Result<(Option<Account>, u32), WebError> {
    let key = ctx.state.key.clone();
    Ok(ctx
        .state
        .db
        .read(move |conn| -> Result<_, DbError> {
            Ok((Account::load(conn, &key)?, payment_db::hold_minutes(conn)?))
        })
        .await?)
}

fn code(text: &str) -> Markup {
    html! { code { (text) } }
}

fn ui(text: &str) -> Markup {
    html! { strong { (text) } }
}

/// The Stripe panel of the integrations page: the keys (never shown again), the hold,
/// the webhook endpoint to register at Stripe, and a connection check.
pub(super) fn stripe_panel(
    ctx: &Ctx,
    stored: Option<&Account>,
    hold_minutes: u32,
    refused: Option<&Refused<'_>>,
) -> Markup {
    let lang = ctx.lang;
    let csrf = ctx.csrf_token();
    let empty = (FormData::default(), FieldErrors::new());
    let (form, errors) = refused
        .filter(|r| r.panel == "stripe")
        .map_or((&empty.0, &empty.1), |r| (r.form, r.errors));
    let hold = if form.0.is_empty() {
        hold_minutes.to_string()
    } else {
        form.get("hold_minutes").to_string()
    };
    let stored_hint = t!(lang, "admin-integrations-secret-stored");
    let (secret_hint, webhook_hint) = match stored {
        Some(_) => (stored_hint.clone(), stored_hint),
        None => (
            t!(lang, "pay-admin-secret-key-hint"),
            t!(lang, "pay-admin-webhook-secret-hint"),
        ),
    };
    let endpoint = format!("{}{WEBHOOK_PATH}", ctx.state.base_url());
    html! {
        section.panel #stripe aria-labelledby="stripe-title" {
            h2 #stripe-title {
                "Stripe "
                @match stored {
                    Some(account) if account.live() => { span.badge.ok { (t!(lang, "admin-set-up")) } " " span.badge.accent { (t!(lang, "pay-admin-live-mode")) } }
                    Some(_) => { span.badge.ok { (t!(lang, "admin-set-up")) } " " span.badge.warn { (t!(lang, "pay-admin-test-mode")) } }
                    None => span.badge { (t!(lang, "admin-not-set-up")) },
                }
            }
            p.muted { (t!(lang, "pay-admin-intro")) }
            @if let Some(account) = stored {
                p.small {
                    @if account.live() { (t!(lang, "pay-admin-live-mode-hint")) } @else { (t!(lang, "pay-admin-test-mode-hint")) }
                }
            }
            (error_summary(errors))
            form method="post" action=(STRIPE_FORM) data-validate {
                (csrf_field(&csrf))
                div.two-col {
                    (field(&Field { name: "secret_key", label: &t!(lang, "pay-admin-secret-key"), kind: "password", autocomplete: Some("new-password"), placeholder: Some("sk_test_…"), hint: Some(&secret_hint), required: stored.is_none(), form: Some("stripe"), ..Field::default() }, errors))
                    (field(&Field { name: "webhook_secret", label: &t!(lang, "pay-admin-webhook-secret"), kind: "password", autocomplete: Some("new-password"), placeholder: Some("whsec_…"), hint: Some(&webhook_hint), required: stored.is_none(), form: Some("stripe"), ..Field::default() }, errors))
                }
                div.two-col {
                    (field(&Field { name: "hold_minutes", label: &t!(lang, "pay-admin-hold"), kind: "number", value: &hold, min: Some("5"), inputmode: Some("numeric"), hint: Some(&t!(lang, "pay-admin-hold-hint")), form: Some("stripe"), ..Field::default() }, errors))
                }
                @if stored.is_some() {
                    (scoped_checkbox(Some("stripe"), "remove", &t!(lang, "pay-admin-remove"), form.has("remove"), None))
                }
                div.button-row {
                    button.button.primary type="submit" { (t!(lang, "pay-admin-save")) }
                    @if stored.is_some() {
                        // A second button of the same form would save; the check is its own form.
                        button.button.ghost type="submit" form="stripe-check" { (t!(lang, "pay-admin-check")) }
                    }
                }
            }
            @if stored.is_some() {
                form #stripe-check method="post" action=(format!("{STRIPE_FORM}/check")) {
                    (csrf_field(&csrf))
                }
            }
            h3.subhead { (t!(lang, "pay-admin-at-stripe")) }
            ol.help-list {
                li {
                    (marked(&t!(lang, "pay-admin-step-endpoint", webhooks = mark(0)), &[ui("Developers → Webhooks")]))
                    (copy_row("stripe-webhook-url", &t!(lang, "pay-admin-webhook-url"), "url", &endpoint))
                }
                li { (marked(&t!(lang, "pay-admin-step-events", completed = mark(0), expired = mark(1)), &[code("checkout.session.completed"), code("checkout.session.expired")])) }
                li { (marked(&t!(lang, "pay-admin-step-secret", secret = mark(0)), &[ui("Signing secret")])) }
            }
            p.muted.small { (t!(lang, "pay-admin-leaves")) }
        }
    }
}

/// The service's English reasons for the Stripe form, in the reader's language.
fn stripe_errors(errors: &FieldErrors) -> FieldErrors {
    let mut out = FieldErrors::new();
    for error in errors.iter() {
        let reason = match error.field.as_str() {
            _ if error.reason.is_some() => None,
            "secret_key" => Some(reason!("pay-admin-error-secret-key")),
            "webhook_secret" => Some(reason!("pay-admin-error-webhook-secret")),
            "hold_minutes" => Some(reason!(
                "pay-admin-error-hold",
                min = *payment_db::HOLD_RANGE.start(),
                max = *payment_db::HOLD_RANGE.end(),
            )),
            _ => None,
        };
        match reason {
            Some(reason) => out.refuse(&error.field, reason),
            None => out.push_as(&error.field, error),
        }
    }
    out
}

/// `POST /dashboard/admin/integrations/stripe`: saves (or removes) the Stripe account.
pub async fn save_stripe(
    AdminForm { ctx, user, form }: AdminForm<FormData>,
) -> Result<Response, WebError> {
    let input = AccountInput {
        secret_key: form.get("secret_key").to_string(),
        webhook_secret: form.get("webhook_secret").to_string(),
        hold_minutes: form.get("hold_minutes").to_string(),
        remove: form.has("remove"),
    };
    let result =
        payments::save_account(&ctx.state.integrations(), user.id, &input, &ctx.origin()).await;
    match result {
        Ok(Some(_)) => Ok(
            Redirect::to(&format!("{}?notice=saved#stripe", integrations::PAGE)).into_response(),
        ),
        Ok(None) => Ok(Redirect::to(&format!(
            "{}?notice=stripe-removed#stripe",
            integrations::PAGE
        ))
        .into_response()),
        Err(SettingsError::Db(err)) => Err(err.into()),
        Err(SettingsError::Invalid(errors)) => {
            // The secrets typed are not shown again.
            let kept = FormData(
                form.0
                    .into_iter()
                    .filter(|(name, _)| name != "secret_key" && name != "webhook_secret")
                    .collect(),
            );
            let errors = stripe_errors(&errors);
            let refused = Refused {
                panel: "stripe",
                form: &kept,
                errors: &errors,
            };
            integrations::page_with(
                &ctx,
                &user,
                Some(refused),
                StatusCode::UNPROCESSABLE_ENTITY,
                html! {},
            )
            .await
        }
    }
}

/// `POST /dashboard/admin/integrations/stripe/check`: asks Stripe whose the key is, and
/// shows the account's name or Stripe's own error once on the page.
pub async fn check_stripe(
    AdminForm { ctx, user, .. }: AdminForm<CsrfForm>,
) -> Result<Response, WebError> {
    let lang = ctx.lang;
    let message = match payments::check_connection(&ctx.state.integrations()).await {
        Ok(account) => notice(
            "success",
            &t!(lang, "pay-admin-check-ok", account = account.as_str()),
        ),
        Err(CheckoutError::Stripe(StripeError::Refused {
            status, message, ..
        })) => notice(
            "error",
            &t!(
                lang,
                "pay-admin-check-refused",
                reason = message.as_str(),
                status = status
            ),
        ),
        Err(CheckoutError::Stripe(StripeError::Unreachable(reason))) => notice(
            "error",
            &t!(
                lang,
                "pay-admin-check-unreachable",
                reason = reason.as_str()
            ),
        ),
        Err(CheckoutError::Db(err)) => return Err(err.into()),
        Err(_) => notice("error", &t!(lang, "pay-admin-check-not-set-up")),
    };
    Ok(show_result_at(&ctx, &user, STRIPE_PANEL, message))
}

// ---- an event type's price ---------------------------------------------------------------

/// Currencies offered in the currency field's suggestions; any other ISO 4217 code may be
/// typed.
const COMMON_CURRENCIES: [&str; 16] = [
    "EUR", "USD", "GBP", "CHF", "CAD", "AUD", "BRL", "JPY", "SEK", "NOK", "DKK", "PLN", "CZK",
    "MXN", "AED", "SAR",
];

/// The refund policy a new price starts with: a full refund up to a day before.
const DEFAULT_REFUND_HOURS: u32 = 24;

/// The payment panel of the event type editor. `typed`: the form as submitted, when it
/// is shown again (a price that did not read shows as it was typed). `ready`: whether
/// Stripe is set up; `admin`: whether the viewer can set it up.
pub(super) fn price_panel(
    lang: Language,
    price: Option<&Price>,
    typed: Option<&FormData>,
    errors: &FieldErrors,
    (ready, admin): (bool, bool),
) -> Markup {
    let stored = |value: Option<String>| value.unwrap_or_default();
    let (amount, currency, mode, hours, percent) = match typed.filter(|f| f.has("price.amount")) {
        Some(form) => (
            form.get("price.amount").to_string(),
            form.get("price.currency").to_string(),
            form.get("price.mode").to_string(),
            form.get("price.refundHours").to_string(),
            form.get("price.lateRefundPercent").to_string(),
        ),
        None => (
            stored(price.map(|p| p.currency.major(p.amount))),
            stored(price.map(|p| p.currency.code())),
            price
                .map_or(PaymentMode::PayNow, |p| p.mode)
                .as_str()
                .to_string(),
            price
                .map_or(DEFAULT_REFUND_HOURS, |p| p.refund_hours)
                .to_string(),
            price.map_or(0, |p| p.late_refund_percent).to_string(),
        ),
    };
    let modes = [
        (
            PaymentMode::PayNow.as_str(),
            t!(lang, "pay-et-mode-pay-now"),
        ),
        (
            PaymentMode::NoShowFee.as_str(),
            t!(lang, "pay-et-mode-no-show"),
        ),
    ];
    let currency_label = t!(lang, "pay-et-currency");
    let currency_error = errors.text("price.currency", lang);
    let currency_hint = t!(lang, "pay-et-currency-hint");
    html! {
        section.panel #payment aria-labelledby="payment-title" {
            h2 #payment-title { (t!(lang, "pay-et-section")) }
            p.hint { (t!(lang, "pay-et-intro")) }
            @if !ready {
                div.alert.alert-info role="status" {
                    (t!(lang, "pay-et-not-set-up"))
                    @if admin { " " a href=(STRIPE_PANEL) { (t!(lang, "pay-et-set-up-link")) } }
                }
            }
            div.two-col {
                (field(&Field { name: "price.amount", label: &t!(lang, "pay-et-price"), value: &amount, placeholder: Some("49.90"), inputmode: Some("decimal"), autocomplete: Some("off"), hint: Some(&t!(lang, "pay-et-price-hint")), ..Field::default() }, errors))
                // A text field with suggestions: the common codes, and any other one typed.
                div.field.invalid[currency_error.is_some()] {
                    label for="f-price-currency" { (currency_label) }
                    p.hint #f-price-currency-hint { (currency_hint) }
                    input #f-price-currency.currency-code type="text" name="price.currency" value=(currency)
                        list="common-currencies" maxlength="3" autocomplete="off" autocapitalize="characters" spellcheck="false" placeholder="EUR"
                        aria-describedby=(if currency_error.is_some() { "f-price-currency-hint f-price-currency-error" } else { "f-price-currency-hint" })
                        aria-invalid=[currency_error.as_ref().map(|_| "true")];
                    datalist #common-currencies {
                        @for code in COMMON_CURRENCIES { option value=(code) {} }
                    }
                    @if let Some(message) = &currency_error {
                        p.error #f-price-currency-error { (field_error(&currency_label, message)) }
                    }
                }
            }
            fieldset.field.choices {
                legend { (t!(lang, "pay-et-mode")) }
                @for (value, label) in &modes {
                    @let id = format!("f-price-mode-{value}");
                    div.choice {
                        input type="radio" id=(id) name="price.mode" value=(value) checked[*value == mode];
                        label for=(id) { (label) }
                    }
                }
            }
            h3.subhead { (t!(lang, "pay-et-refunds")) }
            div.two-col {
                (field(&Field { name: "price.refundHours", label: &t!(lang, "pay-et-refund-hours"), kind: "number", value: &hours, min: Some("0"), inputmode: Some("numeric"), hint: Some(&t!(lang, "pay-et-refund-hours-hint")), ..Field::default() }, errors))
                (field(&Field { name: "price.lateRefundPercent", label: &t!(lang, "pay-et-late-percent"), kind: "number", value: &percent, min: Some("0"), inputmode: Some("numeric"), hint: Some(&t!(lang, "pay-et-late-percent-hint")), ..Field::default() }, errors))
            }
        }
    }
}

/// Reads the payment panel back: `None` for an empty price (free), the stored price
/// when the form has no payment panel. What does not read is a field error.
pub(super) fn parse_price(
    form: &FormData,
    current: Option<&Price>,
    errors: &mut FieldErrors,
) -> Option<Price> {
    if !form.has("price.amount") {
        return current.cloned();
    }
    let amount = form.get("price.amount").trim();
    if amount.is_empty() {
        return None;
    }
    let code = form.get("price.currency").trim();
    let currency = if code.is_empty() {
        errors.refuse("price.currency", reason!("error-required"));
        None
    } else {
        let currency = Currency::parse(code);
        if currency.is_none() {
            errors.refuse("price.currency", reason!("pay-et-error-currency"));
        }
        currency
    };
    let mut number = |name: &str, max: u32| -> u32 {
        match form.number(name) {
            Ok(value) if value.is_none_or(|v| v <= max) => value.unwrap_or(0),
            Ok(_) => {
                errors.refuse(name, reason!("error-between", min = 0, max = max));
                0
            }
            Err(()) => {
                errors.refuse(name, reason!("error-whole-number"));
                0
            }
        }
    };
    let refund_hours = number("price.refundHours", 8760);
    let late_refund_percent = u8::try_from(number("price.lateRefundPercent", 100)).unwrap_or(100);
    let mode = PaymentMode::parse(form.get("price.mode")).unwrap_or_default();
    let currency = currency?;
    let amount = match currency.parse_major(amount) {
        Ok(minor) => minor,
        Err(why) => {
            errors.refuse("price.amount", amount_reason(why, currency));
            return None;
        }
    };
    let price = Price {
        amount,
        currency,
        mode,
        refund_hours,
        late_refund_percent,
    };
    // What the price's own checks refuse is added with the event type's (see
    // `with_field_checks`).
    Some(price)
}

/// Why an amount did not read.
fn amount_reason(why: AmountError, currency: Currency) -> crate::model::error::Reason {
    match why {
        AmountError::TooManyDecimals => reason!(
            "pay-et-error-decimals",
            currency = currency.code(),
            decimals = currency.exponent()
        ),
        AmountError::TooLarge => reason!(
            "pay-et-error-too-large",
            max = currency.major(MAX_AMOUNT / currency.step() * currency.step())
        ),
        AmountError::NotAnAmount => reason!("pay-et-error-amount"),
    }
}

/// The event type list's marker of a price.
pub(super) fn price_badge(lang: Language, price: &Price) -> Markup {
    let amount = money::format(price.amount, price.currency, lang);
    html! {
        @match price.mode {
            PaymentMode::PayNow => span.badge.accent { (amount) },
            PaymentMode::NoShowFee => span.badge.accent { (t!(lang, "pay-et-no-show-badge", amount = amount.as_str())) },
        }
    }
}

// ---- a booking's payment -----------------------------------------------------------------

/// Where a payment stands, in words.
pub(super) fn status_text(lang: Language, payment: &Payment) -> String {
    match payment.status {
        PaymentStatus::Awaiting => t!(lang, "pay-status-awaiting"),
        PaymentStatus::Expired => t!(lang, "pay-status-expired"),
        PaymentStatus::Paid if payment.refunded > 0 => t!(lang, "pay-bk-status-partly-refunded"),
        PaymentStatus::Paid => t!(lang, "pay-bk-status-paid"),
        PaymentStatus::CardSaved => t!(lang, "pay-bk-status-card-saved"),
        PaymentStatus::Refunded => t!(lang, "pay-bk-status-refunded"),
        PaymentStatus::NoShowCharged => t!(lang, "pay-bk-status-no-show-charged"),
        PaymentStatus::Failed => t!(lang, "pay-bk-status-failed"),
    }
}

/// A payment's status as a badge, coloured by what it means for the host.
pub(super) fn status_badge(lang: Language, payment: &Payment) -> Markup {
    let text = status_text(lang, payment);
    html! {
        @match payment.status {
            PaymentStatus::Paid | PaymentStatus::NoShowCharged => span.badge.ok { (text) },
            PaymentStatus::CardSaved => span.badge.accent { (text) },
            PaymentStatus::Awaiting => span.badge.warn { (text) },
            PaymentStatus::Refunded => span.badge { (text) },
            PaymentStatus::Expired | PaymentStatus::Failed => span.badge.off { (text) },
        }
    }
}

/// The refund policy a payment was booked with, in words.
pub(super) fn policy_text(lang: Language, payment: &Payment) -> String {
    if payment.refund_hours == 0 || payment.late_refund_percent >= 100 {
        t!(lang, "pay-bk-policy-always")
    } else {
        t!(
            lang,
            "pay-bk-policy-hours",
            hours = payment.refund_hours,
            percent = payment.late_refund_percent
        )
    }
}

/// A refund's state, in words.
pub(super) fn refund_status(lang: Language, status: &str) -> Markup {
    html! {
        @match status {
            "succeeded" => span.badge.ok { (t!(lang, "pay-bk-refund-succeeded")) },
            "failed" => span.badge.off { (t!(lang, "pay-bk-refund-failed")) },
            _ => span.badge.warn { (t!(lang, "pay-bk-refund-pending")) },
        }
    }
}

/// Why a refund was made, in words.
pub(super) fn refund_reason(lang: Language, reason: &str) -> Option<String> {
    match reason {
        "host" => Some(t!(lang, "pay-bk-reason-host")),
        "cancelled" => Some(t!(lang, "pay-bk-reason-cancelled")),
        "late_payment" => Some(t!(lang, "pay-bk-reason-late-payment")),
        _ => None,
    }
}

/// Reads a refund's amount in major units: `None` (everything refundable) when empty.
pub(super) fn parse_refund(
    text: &str,
    payment: &Payment,
    lang: Language,
) -> Result<Option<i64>, FieldErrors> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let step = payment.currency.step();
    let refundable = payment.refundable();
    match payment.currency.parse_major(text) {
        Ok(amount) if amount >= 1 && amount <= refundable && amount % step == 0 => Ok(Some(amount)),
        _ => Err(refund_range(payment, lang)),
    }
}

/// The refund field's error: the amounts a refund may be.
pub(super) fn refund_range(payment: &Payment, lang: Language) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.refuse(
        "amount",
        reason!(
            "pay-bk-refund-error",
            min = money::format(payment.currency.step(), payment.currency, lang),
            max = money::format(payment.refundable(), payment.currency, lang),
        ),
    );
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> FormData {
        FormData(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    /// The price a form makes, with what reading it and the price's own checks refuse
    /// (as the editor shows them together).
    fn read(pairs: &[(&str, &str)]) -> (Option<Price>, FieldErrors) {
        let mut errors = FieldErrors::new();
        let price = parse_price(&form(pairs), None, &mut errors);
        if let Some(price) = &price {
            price.validate(&mut errors);
        }
        (price, errors)
    }

    #[test]
    fn an_empty_price_is_free_and_a_form_without_one_keeps_the_stored_price() {
        assert_eq!(read(&[("price.amount", " ")]).0, None);
        let stored = Price {
            amount: 100,
            currency: Currency::parse("EUR").expect("EUR"),
            mode: PaymentMode::PayNow,
            refund_hours: 0,
            late_refund_percent: 0,
        };
        let mut errors = FieldErrors::new();
        let kept = parse_price(&form(&[]), Some(&stored), &mut errors);
        assert_eq!(kept, Some(stored));
        assert!(errors.is_empty());
    }

    #[test]
    fn prices_read_in_major_units_with_their_policy() {
        let (price, errors) = read(&[
            ("price.amount", "49,90"),
            ("price.currency", "eur"),
            ("price.mode", "no_show_fee"),
            ("price.refundHours", "24"),
            ("price.lateRefundPercent", "50"),
        ]);
        assert!(errors.is_empty(), "{errors}");
        let price = price.expect("a price");
        assert_eq!(
            (price.amount, price.currency.code().as_str(), price.mode),
            (4990, "EUR", PaymentMode::NoShowFee)
        );
        assert_eq!((price.refund_hours, price.late_refund_percent), (24, 50));
    }

    #[test]
    fn wrong_prices_name_their_field() {
        let field = |pairs: &[(&str, &str)]| {
            let (_, errors) = read(pairs);
            errors.iter().map(|e| e.field.clone()).collect::<Vec<_>>()
        };
        let amount =
            |text: &str, code: &str| field(&[("price.amount", text), ("price.currency", code)]);
        assert_eq!(amount("49.90", "EURO"), ["price.currency"]);
        assert_eq!(amount("49.90", ""), ["price.currency"]);
        assert_eq!(amount("49.999", "EUR"), ["price.amount"]);
        assert_eq!(amount("5.5", "JPY"), ["price.amount"]);
        assert_eq!(amount("0", "EUR"), ["price.amount"]);
        assert_eq!(amount("1.235", "KWD"), ["price.amount"]);
        assert_eq!(amount("1000000", "EUR"), ["price.amount"]);
        assert_eq!(amount("abc", "EUR"), ["price.amount"]);
        assert!(amount("1.230", "KWD").is_empty());
        let percent = field(&[
            ("price.amount", "10"),
            ("price.currency", "EUR"),
            ("price.lateRefundPercent", "101"),
        ]);
        assert_eq!(percent, ["price.lateRefundPercent"]);
        // Every refusal is a catalogue message, written in the reader's language.
        let (_, errors) = read(&[("price.amount", "49.999"), ("price.currency", "EUR")]);
        assert!(errors.iter().all(|e| e.reason.is_some()));
    }
}

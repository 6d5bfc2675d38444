//! Text messages through an HTTP gateway the administrator configures.
//!
//! The gateway is provider-neutral: a URL, an optional authentication header (its value
//! sealed with the instance key) and a body template with `{to}` and `{body}`, sent as a
//! form or as JSON. [`twilio_preset`] fills these in for Twilio's Messages API and the
//! services that copy it. Every call goes through the [`crate::outbound`] guard.

use base64::Engine as _;
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::crypto::InstanceKey;
use crate::db::DbError;
use crate::db::settings::{self, SealedUnreadable};
use crate::integrations::Deps;
use crate::model::error::{FieldErrors, Reason};
use crate::outbound::{self, Exchange, Policy};
use crate::reason;

/// The setting holding everything but the auth header's value, as JSON.
const SETTING: &str = "sms";
/// The setting holding the sealed auth header value; also the sealing context.
const AUTH_SETTING: &str = "sms.auth";
/// Twilio's API, the preset's default address.
pub const TWILIO_API: &str = "https://api.twilio.com";

/// How the body is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BodyFormat {
    /// `application/x-www-form-urlencoded`: placeholders become percent-encoded values.
    Form,
    /// `application/json`: placeholders become JSON strings, quotes included.
    Json,
}

impl BodyFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            BodyFormat::Form => "form",
            BodyFormat::Json => "json",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "form" => Some(BodyFormat::Form),
            "json" => Some(BodyFormat::Json),
            _ => None,
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            BodyFormat::Form => "application/x-www-form-urlencoded",
            BodyFormat::Json => "application/json",
        }
    }
}

/// Where and how Kairos sends text messages.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmsGateway {
    pub url: String,
    /// Such as `Authorization`; empty: no authentication header.
    pub auth_header_name: String,
    /// Never serialized: stored sealed in its own setting.
    #[serde(skip)]
    pub auth_header_value: Option<String>,
    /// The body with `{to}` and `{body}` in it.
    pub body_template: String,
    pub body_format: BodyFormat,
}

impl std::fmt::Debug for SmsGateway {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmsGateway")
            .field("url", &self.url)
            .field("auth_header_name", &self.auth_header_name)
            .field(
                "auth_header_value",
                &self.auth_header_value.as_ref().map(|_| "<redacted>"),
            )
            .field("body_template", &self.body_template)
            .field("body_format", &self.body_format)
            .finish()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SmsError {
    #[error("{0}")]
    Invalid(FieldErrors),
    #[error("no SMS gateway is set up")]
    NotConfigured,
    #[error(
        "the stored SMS gateway settings cannot be read; enter them again in the admin settings"
    )]
    Corrupt,
    /// The gateway could not be reached, or answered other than 2xx. Its text says only
    /// the status or the network error; what the gateway answered is in the exchange.
    #[error("the SMS gateway did not take the message: {}", .0.summary())]
    Failed(Exchange),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<rusqlite::Error> for SmsError {
    fn from(err: rusqlite::Error) -> Self {
        SmsError::Db(DbError::from(err))
    }
}

impl From<SealedUnreadable> for SmsError {
    fn from(_: SealedUnreadable) -> Self {
        SmsError::Corrupt
    }
}

fn is_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c))
}

impl SmsGateway {
    /// Checks the fields an administrator enters, naming each one that is wrong.
    pub fn validate(&self) -> Result<(), SmsError> {
        let mut errors = FieldErrors::new();
        if self.url.trim().is_empty() {
            errors.refuse("url", reason!("error-required"));
        } else if let Err(err) = outbound::parse_url(&self.url) {
            errors.refuse("url", err.reason());
        }
        let name = self.auth_header_name.trim();
        if !name.is_empty() && !is_header_name(name) {
            errors.refuse("auth_header_name", reason!("admin-sms-error-header-name"));
        }
        if let Some(value) = &self.auth_header_value {
            if name.is_empty() {
                errors.refuse(
                    "auth_header_name",
                    reason!("admin-sms-error-header-for-value"),
                );
            }
            if value.chars().any(char::is_control) {
                errors.refuse("auth_header_value", reason!("error-on-one-line"));
            }
        }
        if !self.body_template.contains("{body}") {
            errors.refuse("body_template", reason!("admin-sms-error-no-body"));
        } else if !self.body_template.contains("{to}") {
            errors.refuse("body_template", reason!("admin-sms-error-no-to"));
        } else if self.body_format == BodyFormat::Json
            && serde_json::from_slice::<serde_json::Value>(&self.render("+15550100", "text"))
                .is_err()
        {
            errors.refuse("body_template", reason!("admin-sms-error-json"));
        }
        errors.into_result(()).map_err(SmsError::Invalid)
    }

    /// The body for one message.
    pub fn render(&self, to: &str, text: &str) -> Vec<u8> {
        let (to, text) = match self.body_format {
            BodyFormat::Form => (
                form_urlencoded::byte_serialize(to.as_bytes()).collect::<String>(),
                form_urlencoded::byte_serialize(text.as_bytes()).collect::<String>(),
            ),
            BodyFormat::Json => (
                serde_json::Value::from(to).to_string(),
                serde_json::Value::from(text).to_string(),
            ),
        };
        // One pass, so a `{body}` inside the phone number or text is not expanded again.
        let mut out = String::with_capacity(self.body_template.len() + text.len());
        let mut rest = self.body_template.as_str();
        while let Some(at) = rest.find('{') {
            out.push_str(&rest[..at]);
            let tail = &rest[at..];
            if let Some(after) = tail.strip_prefix("{to}") {
                out.push_str(&to);
                rest = after;
            } else if let Some(after) = tail.strip_prefix("{body}") {
                out.push_str(&text);
                rest = after;
            } else {
                out.push('{');
                rest = &tail[1..];
            }
        }
        out.push_str(rest);
        out.into_bytes()
    }
}

/// The gateway for Twilio's Messages API (or a Twilio-compatible service at `api_base`):
/// a form body `To`, `From`, `Body` and HTTP Basic authentication.
pub fn twilio_preset(
    api_base: &str,
    account_sid: &str,
    auth_token: &str,
    from: &str,
) -> Result<SmsGateway, SmsError> {
    let mut errors = FieldErrors::new();
    let (sid, token, from) = (account_sid.trim(), auth_token.trim(), from.trim());
    if sid.is_empty() || !sid.chars().all(|c| c.is_ascii_alphanumeric()) {
        errors.refuse("account_sid", reason!("admin-sms-error-sid"));
    }
    if token.is_empty() {
        errors.refuse("auth_token", reason!("error-required"));
    }
    if let Err(reason) = check_number(from) {
        errors.refuse("from", reason);
    }
    let base = api_base.trim().trim_end_matches('/');
    let base = if base.is_empty() { TWILIO_API } else { base };
    errors.into_result(()).map_err(SmsError::Invalid)?;
    let credentials = base64::engine::general_purpose::STANDARD.encode(format!("{sid}:{token}"));
    let from = form_urlencoded::byte_serialize(from.as_bytes()).collect::<String>();
    let gateway = SmsGateway {
        url: format!("{base}/2010-04-01/Accounts/{sid}/Messages.json"),
        auth_header_name: "Authorization".into(),
        auth_header_value: Some(format!("Basic {credentials}")),
        body_template: format!("To={{to}}&From={from}&Body={{body}}"),
        body_format: BodyFormat::Form,
    };
    gateway.validate()?;
    Ok(gateway)
}

/// A phone number as gateways take it: `+` and 7 to 15 digits (spaces, dots and dashes
/// are dropped).
pub fn normalize_number(number: &str) -> Result<String, Reason> {
    let digits: String = number
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')'))
        .collect();
    let bare = digits.strip_prefix('+').unwrap_or(&digits);
    if (7..=15).contains(&bare.len()) && bare.chars().all(|c| c.is_ascii_digit()) {
        Ok(if digits.starts_with('+') {
            digits
        } else {
            bare.to_string()
        })
    } else {
        Err(reason!("error-international-phone"))
    }
}

fn check_number(number: &str) -> Result<(), Reason> {
    normalize_number(number).map(|_| ())
}

/// Validates and stores the gateway; the auth header value is sealed with the instance
/// key. A `None` value keeps the stored one when the header name stays set.
pub fn save(
    conn: &Connection,
    key: &InstanceKey,
    gateway: &SmsGateway,
    now: DateTime<Utc>,
) -> Result<(), SmsError> {
    let mut gateway = gateway.clone();
    gateway.url = gateway.url.trim().to_string();
    gateway.auth_header_name = gateway.auth_header_name.trim().to_string();
    if gateway.auth_header_value.is_none() && !gateway.auth_header_name.is_empty() {
        gateway.auth_header_value = settings::get_sealed(conn, key, AUTH_SETTING)??;
    }
    gateway.validate()?;
    let json = serde_json::to_string(&gateway)
        .map_err(|err| rusqlite::Error::ToSqlConversionFailure(Box::new(err)))?;
    settings::set(conn, SETTING, &json, now)?;
    let value = gateway
        .auth_header_value
        .as_deref()
        .filter(|_| !gateway.auth_header_name.is_empty());
    settings::set_sealed(conn, key, AUTH_SETTING, value, now)?;
    Ok(())
}

/// The stored gateway with its auth value opened; `None` until one is set up.
pub fn load(conn: &Connection, key: &InstanceKey) -> Result<Option<SmsGateway>, SmsError> {
    let Some(json) = settings::get(conn, SETTING)?.filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let mut gateway: SmsGateway = serde_json::from_str(&json).map_err(|_| SmsError::Corrupt)?;
    gateway.auth_header_value = settings::get_sealed(conn, key, AUTH_SETTING)??;
    Ok(Some(gateway))
}

/// Removes the gateway: Kairos sends no text messages.
pub fn clear(conn: &Connection, now: DateTime<Utc>) -> Result<(), SmsError> {
    settings::set(conn, SETTING, "", now)?;
    settings::set(conn, AUTH_SETTING, "", now)?;
    Ok(())
}

/// Sends `text` to the phone number `to` through the gateway. Succeeds when the gateway
/// answers 2xx; otherwise [`SmsError::Failed`] carries what it answered.
pub async fn send(
    gateway: &SmsGateway,
    to: &str,
    text: &str,
    policy: Policy,
) -> Result<Exchange, SmsError> {
    let to = normalize_number(to)
        .map_err(|reason| SmsError::Invalid(FieldErrors::refusing("to", reason)))?;
    let mut headers = Vec::new();
    if let (false, Some(value)) = (
        gateway.auth_header_name.is_empty(),
        &gateway.auth_header_value,
    ) {
        headers.push((gateway.auth_header_name.clone(), value.clone()));
    }
    let exchange = outbound::post(
        outbound::Request {
            url: &gateway.url,
            content_type: gateway.body_format.content_type(),
            headers,
            body: gateway.render(&to, text),
        },
        policy,
    )
    .await;
    if exchange.succeeded() {
        Ok(exchange)
    } else {
        Err(SmsError::Failed(exchange))
    }
}

/// Who changes the gateway, for the audit log.
fn audit_admin(
    conn: &Connection,
    admin: &crate::db::users::User,
    action: &'static str,
    origin: &crate::audit::Origin,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    crate::audit::record(
        conn,
        now,
        &crate::audit::Entry {
            actor: crate::audit::Actor::User(admin.id),
            action,
            object: Some("sms_gateway".into()),
            outcome: crate::audit::Outcome::Success,
            origin,
        },
    )
    .map(|_| ())
}

/// Checks the gateway (its URL through the guard too) and stores it, audit-logged.
pub async fn save_gateway(
    deps: &Deps,
    admin: &crate::db::users::User,
    gateway: SmsGateway,
    origin: &crate::audit::Origin,
) -> Result<(), SmsError> {
    gateway.validate()?;
    if let Err(err) = outbound::check_target(&gateway.url, deps.admin_policy()).await {
        return Err(SmsError::Invalid(FieldErrors::refusing(
            "url",
            err.reason(),
        )));
    }
    let (key, now) = (deps.key.clone(), deps.clock.now());
    let (admin, origin) = (admin.clone(), origin.clone());
    deps.db
        .write(move |tx| -> Result<(), SmsError> {
            save(tx, &key, &gateway, now)?;
            audit_admin(tx, &admin, "sms_gateway_saved", &origin, now)?;
            Ok(())
        })
        .await
}

/// Removes the gateway, audit-logged.
pub async fn remove_gateway(
    deps: &Deps,
    admin: &crate::db::users::User,
    origin: &crate::audit::Origin,
) -> Result<(), SmsError> {
    let now = deps.clock.now();
    let (admin, origin) = (admin.clone(), origin.clone());
    deps.db
        .write(move |tx| -> Result<(), SmsError> {
            clear(tx, now)?;
            audit_admin(tx, &admin, "sms_gateway_removed", &origin, now)?;
            Ok(())
        })
        .await
}

/// Sends a test message to `to` through the stored gateway, audit-logged (without the
/// number).
pub async fn send_test(
    deps: &Deps,
    admin: &crate::db::users::User,
    to: &str,
    origin: &crate::audit::Origin,
) -> Result<Exchange, SmsError> {
    let key = deps.key.clone();
    let gateway = deps
        .db
        .read(move |conn| load(conn, &key))
        .await?
        .ok_or(SmsError::NotConfigured)?;
    let text = format!(
        "Test message from Kairos ({}): the SMS gateway works.",
        deps.site().organization
    );
    let result = send(&gateway, to, &text, deps.admin_policy()).await;
    let now = deps.clock.now();
    let (admin, origin) = (admin.clone(), origin.clone());
    deps.db
        .write(move |tx| {
            audit_admin(tx, &admin, "sms_test_sent", &origin, now).map_err(DbError::from)
        })
        .await?;
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conn() -> Connection {
        crate::db::settings::test_connection()
    }

    fn json_gateway() -> SmsGateway {
        SmsGateway {
            url: "https://sms.clinic.example/send".into(),
            auth_header_name: "X-Api-Key".into(),
            auth_header_value: Some("k3y-value".into()),
            body_template: r#"{"to": {to}, "text": {body}, "from": "Clinic"}"#.into(),
            body_format: BodyFormat::Json,
        }
    }

    #[test]
    fn templates_fill_in_encoded_values_once() {
        let gateway = json_gateway();
        let body: serde_json::Value =
            serde_json::from_slice(&gateway.render("+4930123456", "Say \"hi\" {to} & {body}"))
                .unwrap_or_default();
        assert_eq!(body["to"], "+4930123456");
        assert_eq!(body["text"], "Say \"hi\" {to} & {body}");
        let form = SmsGateway {
            body_template: "To={to}&Body={body}".into(),
            body_format: BodyFormat::Form,
            ..gateway
        };
        assert_eq!(
            String::from_utf8(form.render("+4930123456", "Tue 10:00 & more")).unwrap_or_default(),
            "To=%2B4930123456&Body=Tue+10%3A00+%26+more"
        );
    }

    #[test]
    fn the_twilio_preset_posts_a_form_with_basic_auth() {
        let gateway = twilio_preset("", "AC123", "tok", "+1 555 000 1111")
            .unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(
            gateway.url,
            "https://api.twilio.com/2010-04-01/Accounts/AC123/Messages.json"
        );
        assert_eq!(gateway.auth_header_name, "Authorization");
        assert_eq!(
            gateway.auth_header_value.as_deref(),
            Some("Basic QUMxMjM6dG9r")
        );
        assert_eq!(gateway.body_format, BodyFormat::Form);
        assert_eq!(
            String::from_utf8(gateway.render("+4930123456", "Hi")).unwrap_or_default(),
            "To=%2B4930123456&From=%2B1+555+000+1111&Body=Hi"
        );
        let Err(SmsError::Invalid(errors)) = twilio_preset("", "", "", "call me") else {
            panic!("an empty preset was accepted");
        };
        for field in ["account_sid", "auth_token", "from"] {
            assert!(errors.get(field).is_some(), "{errors}");
        }
    }

    #[test]
    fn invalid_fields_are_named() {
        let mut gateway = json_gateway();
        gateway.url = "ftp://sms.example".into();
        gateway.auth_header_name = "Bad Header".into();
        gateway.body_template = r#"{"to": {to}, "text": {body}"#.into();
        let Err(SmsError::Invalid(errors)) = gateway.validate() else {
            panic!("invalid settings were accepted");
        };
        for field in ["url", "auth_header_name", "body_template"] {
            assert!(errors.get(field).is_some(), "{errors}");
        }
        gateway.body_template = "hello".into();
        let Err(SmsError::Invalid(errors)) = gateway.validate() else {
            panic!("a template without placeholders was accepted");
        };
        assert!(
            errors
                .get("body_template")
                .is_some_and(|m| m.contains("{body}"))
        );
    }

    #[test]
    fn settings_round_trip_with_the_auth_value_sealed_and_kept_when_left_blank() {
        let conn = conn();
        let key = InstanceKey::from_bytes([5; 32]);
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        assert!(matches!(load(&conn, &key), Ok(None)));
        assert!(save(&conn, &key, &json_gateway(), now).is_ok());
        assert_eq!(load(&conn, &key).ok().flatten(), Some(json_gateway()));
        let stored: Vec<String> = conn
            .prepare("SELECT value FROM settings")
            .and_then(|mut stmt| stmt.query_map([], |row| row.get(0))?.collect())
            .unwrap_or_default();
        assert!(stored.iter().all(|value| !value.contains("k3y-value")));
        assert!(!format!("{:?}", json_gateway()).contains("k3y-value"));

        let mut blank = json_gateway();
        blank.auth_header_value = None;
        assert!(save(&conn, &key, &blank, now).is_ok());
        assert_eq!(load(&conn, &key).ok().flatten(), Some(json_gateway()));
        let other = InstanceKey::from_bytes([6; 32]);
        assert!(matches!(load(&conn, &other), Err(SmsError::Corrupt)));
        assert!(clear(&conn, now).is_ok());
        assert!(matches!(load(&conn, &key), Ok(None)));
    }

    #[test]
    fn phone_numbers_are_normalized() {
        assert_eq!(
            normalize_number("+1 (555) 010-0199"),
            Ok("+15550100199".into())
        );
        assert_eq!(normalize_number("004930123456"), Ok("004930123456".into()));
        assert!(normalize_number("call me").is_err());
        assert!(normalize_number("+12").is_err());
    }
}

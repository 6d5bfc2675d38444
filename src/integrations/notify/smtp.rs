//! The mail server settings: stored as instance settings, the password sealed with the
//! instance key so a copied database does not give it away.

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::audit;
use crate::crypto::InstanceKey;
use crate::db::settings;
use crate::model::error::{FieldErrors, check_email};
use crate::outbound::{self, Policy, TargetError};
use crate::reason;

/// The setting holding everything but the password, as JSON.
const SETTING: &str = "smtp";
/// The setting holding the sealed password, hex encoded; also the sealing context.
const PASSWORD_SETTING: &str = "smtp.password";

/// How the connection to the mail server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    /// Plain SMTP: only for a relay on the same host or a trusted network.
    None,
    /// Plain connection upgraded with STARTTLS (usually port 587).
    StartTls,
    /// TLS from the first byte (usually port 465).
    Tls,
}

/// Where and as whom Kairos sends email.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub username: Option<String>,
    /// Never serialized: stored sealed in its own setting.
    #[serde(skip)]
    pub password: Option<String>,
    pub from_address: String,
    pub from_name: String,
}

impl std::fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "<redacted>"))
            .field("from_address", &self.from_address)
            .field("from_name", &self.from_name)
            .finish()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SmtpSettingsError {
    #[error("{0}")]
    Invalid(FieldErrors),
    #[error(
        "the stored mail server settings cannot be read; enter them again in the admin settings"
    )]
    Corrupt,
    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
}

impl SmtpSettings {
    /// Checks the fields a user enters, naming each one that is wrong.
    pub fn validate(&self) -> Result<(), SmtpSettingsError> {
        let mut errors = FieldErrors::new();
        let host = self.host.trim();
        if host.is_empty() {
            errors.refuse("host", reason!("error-required"));
        } else if host.len() > 253 || host.chars().any(|c| c.is_whitespace() || c.is_control()) {
            errors.refuse("host", reason!("admin-smtp-error-host"));
        }
        if self.port == 0 {
            errors.refuse("port", reason!("error-between", min = 1, max = 65535));
        }
        if let Err(message) = check_email(self.from_address.trim()) {
            errors.add("from_address", message);
        }
        if self.from_name.chars().any(char::is_control) {
            errors.refuse("from_name", reason!("error-on-one-line"));
        }
        if self.password.is_some() && self.username.as_deref().is_none_or(str::is_empty) {
            errors.refuse("username", reason!("admin-smtp-error-username"));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(SmtpSettingsError::Invalid(errors))
        }
    }
}

impl Security {
    pub fn as_str(self) -> &'static str {
        match self {
            Security::None => "none",
            Security::StartTls => "starttls",
            Security::Tls => "tls",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "none" => Some(Security::None),
            "starttls" => Some(Security::StartTls),
            "tls" => Some(Security::Tls),
            _ => None,
        }
    }
}

/// The settings as an administrator submits them, every field as typed. The password is
/// write-only: left blank, the stored one is kept.
#[derive(Debug, Clone, Default)]
pub struct SmtpInput {
    pub host: String,
    pub port: String,
    pub security: String,
    pub username: String,
    pub password: String,
    pub from_address: String,
    pub from_name: String,
}

impl SmtpInput {
    /// The settings to store, given the stored ones; errors name each wrong field.
    pub fn resolve(&self, stored: Option<&SmtpSettings>) -> Result<SmtpSettings, FieldErrors> {
        let mut errors = FieldErrors::new();
        let port = match self.port.trim().parse::<u16>() {
            Ok(port) if port > 0 => port,
            _ => {
                errors.refuse("port", reason!("admin-smtp-error-port"));
                0
            }
        };
        let security = Security::parse(&self.security).unwrap_or_else(|| {
            errors.refuse("security", reason!("admin-smtp-error-security"));
            Security::StartTls
        });
        let username = Some(self.username.trim().to_string()).filter(|u| !u.is_empty());
        let password = if self.password.is_empty() {
            stored.and_then(|s| s.password.clone())
        } else {
            Some(self.password.clone())
        };
        let smtp = SmtpSettings {
            host: self.host.trim().to_string(),
            port,
            security,
            // Without a user name there is nothing to sign in with.
            password: username.as_ref().and(password),
            username,
            from_address: self.from_address.trim().to_string(),
            from_name: self.from_name.trim().to_string(),
        };
        if let Err(SmtpSettingsError::Invalid(more)) = smtp.validate() {
            for error in more.iter() {
                if errors.get(&error.field).is_none() {
                    errors.push_as(&error.field, error);
                }
            }
        }
        if errors.is_empty() {
            Ok(smtp)
        } else {
            Err(errors)
        }
    }
}

/// Checks a submitted form before it is stored: every field as [`SmtpInput::resolve`]
/// does, and the host through the outbound guard under `policy`, as sending will. A host
/// the guard refuses is an error on `host` naming the address and the reason. A host that
/// does not resolve now is not an error here (its DNS may not be set up yet): sending
/// fails with that reason, and the test message shows it.
pub async fn check_input(input: &SmtpInput, policy: Policy) -> Result<(), FieldErrors> {
    let mut errors = input.resolve(None).err().unwrap_or_default();
    let port = input
        .port
        .trim()
        .parse::<u16>()
        .ok()
        .filter(|port| *port > 0);
    if let (Some(port), None) = (port, errors.get("host"))
        && let Err(refused @ TargetError::Refused { .. }) =
            outbound::check_host(&input.host, port, policy).await
    {
        errors.refuse("host", refused.reason());
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// An administrator changes the mail server settings: validated, stored with the
/// password sealed, and audited as `smtp_settings_changed` (the password never is).
pub fn update(
    tx: &rusqlite::Transaction<'_>,
    key: &InstanceKey,
    input: &SmtpInput,
    actor: audit::Actor,
    origin: &audit::Origin,
    now: DateTime<Utc>,
) -> Result<SmtpSettings, SmtpSettingsError> {
    let stored = load(tx, key)?;
    let smtp = input
        .resolve(stored.as_ref())
        .map_err(SmtpSettingsError::Invalid)?;
    save(tx, key, &smtp, now)?;
    audit::record(
        tx,
        now,
        &audit::Entry {
            actor,
            action: "smtp_settings_changed",
            object: Some(format!("smtp:{}:{}", smtp.host, smtp.port)),
            outcome: audit::Outcome::Success,
            origin,
        },
    )?;
    Ok(smtp)
}

/// Validates and stores the settings; the password is sealed with the instance key.
pub fn save(
    conn: &Connection,
    key: &InstanceKey,
    smtp: &SmtpSettings,
    now: DateTime<Utc>,
) -> Result<(), SmtpSettingsError> {
    smtp.validate()?;
    let json = serde_json::to_string(smtp)
        .map_err(|err| rusqlite::Error::ToSqlConversionFailure(Box::new(err)))?;
    settings::set(conn, SETTING, &json, now)?;
    settings::set_sealed(conn, key, PASSWORD_SETTING, smtp.password.as_deref(), now)?;
    Ok(())
}

/// The stored settings, with the password opened; `None` until a mail server is set up.
pub fn load(
    conn: &Connection,
    key: &InstanceKey,
) -> Result<Option<SmtpSettings>, SmtpSettingsError> {
    let Some(json) = settings::get(conn, SETTING)? else {
        return Ok(None);
    };
    let mut smtp: SmtpSettings =
        serde_json::from_str(&json).map_err(|_| SmtpSettingsError::Corrupt)?;
    smtp.password = settings::get_sealed(conn, key, PASSWORD_SETTING)?
        .map_err(|_| SmtpSettingsError::Corrupt)?;
    Ok(Some(smtp))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    #[test]
    fn refusals_are_written_in_the_reader_s_language() {
        let input = SmtpInput {
            host: "mail.example.org".into(),
            port: "x".into(),
            security: "ssl3".into(),
            password: "secret".into(),
            from_address: "kairos@example.org".into(),
            ..SmtpInput::default()
        };
        let errors = input.resolve(None).expect_err("refused");
        assert_eq!(
            errors.get("port"),
            Some("must be a number between 1 and 65535")
        );
        assert_eq!(
            errors.text("port", Language::German).as_deref(),
            Some("muss eine Zahl zwischen 1 und 65535 sein")
        );
        assert_eq!(
            errors.text("security", Language::German).as_deref(),
            Some("muss none, STARTTLS oder TLS sein")
        );
    }

    fn conn() -> Connection {
        crate::db::settings::test_connection()
    }

    fn example() -> SmtpSettings {
        SmtpSettings {
            host: "mail.clinic.example".into(),
            port: 587,
            security: Security::StartTls,
            username: Some("kairos".into()),
            password: Some("s3cret-relay-password".into()),
            from_address: "appointments@clinic.example".into(),
            from_name: "Harbor Clinic".into(),
        }
    }

    #[test]
    fn settings_round_trip_and_the_password_is_stored_sealed() {
        let conn = conn();
        let key = InstanceKey::from_bytes([7; 32]);
        assert!(matches!(load(&conn, &key), Ok(None)));
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        assert!(save(&conn, &key, &example(), now).is_ok());
        assert_eq!(load(&conn, &key).ok().flatten(), Some(example()));

        let stored: Vec<String> = conn
            .prepare("SELECT value FROM settings")
            .and_then(|mut stmt| stmt.query_map([], |row| row.get(0))?.collect())
            .unwrap_or_default();
        assert_eq!(stored.len(), 2);
        assert!(stored.iter().all(|value| !value.contains("s3cret")));
        assert!(!format!("{:?}", example()).contains("s3cret"));

        let other = InstanceKey::from_bytes([8; 32]);
        assert!(matches!(
            load(&conn, &other),
            Err(SmtpSettingsError::Corrupt)
        ));

        let mut without = example();
        without.password = None;
        assert!(save(&conn, &key, &without, now).is_ok());
        assert_eq!(load(&conn, &key).ok().flatten(), Some(without));
    }

    #[test]
    fn a_blank_password_keeps_the_stored_one_and_bad_fields_are_named() {
        let input = SmtpInput {
            host: "mail.clinic.example".into(),
            port: "587".into(),
            security: "starttls".into(),
            username: "kairos".into(),
            password: String::new(),
            from_address: "appointments@clinic.example".into(),
            from_name: "Harbor Clinic".into(),
        };
        assert_eq!(input.resolve(Some(&example())), Ok(example()));
        let mut without = example();
        without.password = None;
        assert_eq!(input.resolve(None), Ok(without));
        let changed = SmtpInput {
            password: "new".into(),
            ..input.clone()
        };
        assert_eq!(
            changed.resolve(Some(&example())).map(|s| s.password),
            Ok(Some("new".into()))
        );

        let bad = SmtpInput {
            port: "70000".into(),
            security: "ssl".into(),
            host: String::new(),
            ..input
        };
        let errors = bad.resolve(None).err().unwrap_or_default();
        assert!(errors.get("port").is_some_and(|m| m.contains("65535")));
        assert!(errors.get("security").is_some());
        assert_eq!(errors.get("host"), Some("is required"));
    }

    #[test]
    fn invalid_fields_are_named() {
        let mut smtp = example();
        smtp.host = " ".into();
        smtp.port = 0;
        smtp.from_address = "not an address".into();
        smtp.username = None;
        let Err(SmtpSettingsError::Invalid(errors)) = smtp.validate() else {
            panic!("invalid settings were accepted");
        };
        let text = errors.to_string();
        for field in ["host", "port", "from_address", "username"] {
            assert!(text.contains(field), "{text}");
        }
    }
}

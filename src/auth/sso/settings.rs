//! What the administrator configures for single sign-on, stored in the settings table with
//! the client secret sealed by the instance key.

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::crypto::InstanceKey;
use crate::db::settings;
use crate::model::error::{FieldErrors, Reason};
use crate::reason;

/// The context the client secret is sealed under.
const SECRET_CONTEXT: &str = "sso.client-secret";
const DEFAULT_LABEL: &str = "Sign in with single sign-on";

/// Single sign-on as configured.
#[derive(Clone, PartialEq, Eq)]
pub struct SsoSettings {
    pub enabled: bool,
    /// The provider's issuer identifier, exactly as its ID tokens carry it.
    pub issuer: String,
    pub client_id: String,
    /// Unsealed in memory only; `None` for a public client (PKCE alone).
    pub client_secret: Option<String>,
    /// The text of the sign-in page's button.
    pub button_label: String,
    /// Hides and refuses password sign-in (see `allow_password_sign_in` for break-glass).
    pub sso_only: bool,
}

impl std::fmt::Debug for SsoSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SsoSettings")
            .field("enabled", &self.enabled)
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field(
                "client_secret",
                &self.client_secret.as_ref().map(|_| "(set)"),
            )
            .field("button_label", &self.button_label)
            .field("sso_only", &self.sso_only)
            .finish()
    }
}

impl Default for SsoSettings {
    fn default() -> Self {
        Self {
            enabled: false,
            issuer: String::new(),
            client_id: String::new(),
            client_secret: None,
            button_label: DEFAULT_LABEL.into(),
            sso_only: false,
        }
    }
}

impl SsoSettings {
    /// Whether the sign-in page offers single sign-on.
    pub fn active(&self) -> bool {
        self.enabled && !self.issuer.is_empty() && !self.client_id.is_empty()
    }

    pub fn load(conn: &Connection, key: &InstanceKey) -> rusqlite::Result<Self> {
        let text = |name: &str| -> rusqlite::Result<String> {
            Ok(settings::get(conn, name)?.unwrap_or_default())
        };
        let client_secret = settings::get(conn, "sso_client_secret")?
            .filter(|sealed| !sealed.is_empty())
            .and_then(|sealed| hex::decode(sealed).ok())
            .and_then(|sealed| key.decrypt(&sealed, SECRET_CONTEXT).ok())
            .and_then(|secret| String::from_utf8(secret).ok());
        let label = text("sso_button_label")?;
        Ok(Self {
            enabled: text("sso_enabled")? == "true",
            issuer: text("sso_issuer")?,
            client_id: text("sso_client_id")?,
            client_secret,
            button_label: if label.is_empty() {
                DEFAULT_LABEL.into()
            } else {
                label
            },
            sso_only: text("sso_only")? == "true",
        })
    }

    pub fn save(
        &self,
        conn: &Connection,
        key: &InstanceKey,
        now: DateTime<Utc>,
    ) -> rusqlite::Result<()> {
        let flag = |on: bool| if on { "true" } else { "false" };
        let sealed = self
            .client_secret
            .as_ref()
            .map(|secret| hex::encode(key.encrypt(secret.as_bytes(), SECRET_CONTEXT)))
            .unwrap_or_default();
        settings::set(conn, "sso_enabled", flag(self.enabled), now)?;
        settings::set(conn, "sso_issuer", &self.issuer, now)?;
        settings::set(conn, "sso_client_id", &self.client_id, now)?;
        settings::set(conn, "sso_client_secret", &sealed, now)?;
        settings::set(conn, "sso_button_label", &self.button_label, now)?;
        settings::set(conn, "sso_only", flag(self.sso_only), now)
    }
}

/// The administrator's form as submitted.
#[derive(Debug, Clone, Default)]
pub struct SsoInput {
    pub enabled: bool,
    pub issuer: String,
    pub client_id: String,
    /// Empty keeps the stored secret.
    pub client_secret: String,
    /// Removes the stored secret (a public client).
    pub clear_secret: bool,
    pub button_label: String,
    pub sso_only: bool,
}

impl SsoInput {
    /// The settings this input makes of `current`, or every problem with it.
    pub fn apply(&self, current: &SsoSettings) -> Result<SsoSettings, FieldErrors> {
        let mut errors = FieldErrors::new();
        let issuer = self.issuer.trim().to_string();
        let client_id = self.client_id.trim().to_string();
        let label = self.button_label.trim();
        if !issuer.is_empty()
            && let Err(reason) = check_issuer(&issuer)
        {
            errors.refuse("issuer", reason);
        }
        if self.enabled && issuer.is_empty() {
            errors.refuse("issuer", reason!("admin-sso-error-required"));
        }
        if self.enabled && client_id.is_empty() {
            errors.refuse("client_id", reason!("admin-sso-error-required"));
        }
        if client_id.chars().count() > 255 {
            errors.refuse("client_id", reason!("error-at-most-characters", max = 255));
        }
        if self.client_secret.chars().count() > 1024 {
            errors.refuse(
                "client_secret",
                reason!("error-at-most-characters", max = 1024),
            );
        }
        if label.chars().count() > 60 {
            errors.refuse(
                "button_label",
                reason!("error-at-most-characters", max = 60),
            );
        }
        if self.sso_only && !self.enabled {
            errors.refuse("sso_only", reason!("admin-sso-error-only"));
        }
        let client_secret = if self.clear_secret {
            None
        } else if self.client_secret.trim().is_empty() {
            current.client_secret.clone()
        } else {
            Some(self.client_secret.trim().to_string())
        };
        errors.into_result(SsoSettings {
            enabled: self.enabled,
            issuer,
            client_id,
            client_secret,
            button_label: if label.is_empty() {
                DEFAULT_LABEL.into()
            } else {
                label.to_string()
            },
            sso_only: self.sso_only,
        })
    }
}

/// An issuer is an `https://` URL without query or fragment; plain `http://` only for a
/// provider on loopback, never across a network (the outbound guard refuses loopback
/// unless the configuration's test switch allows it).
pub fn check_issuer(issuer: &str) -> Result<reqwest::Url, Reason> {
    let url = reqwest::Url::parse(issuer)
        .map_err(|_| reason!("admin-sso-error-issuer-url", issuer = format!("{issuer:?}")))?;
    if url.query().is_some() || url.fragment().is_some() || url.host_str().is_none() {
        return Err(reason!("admin-sso-error-issuer-query"));
    }
    match url.scheme() {
        "https" => Ok(url),
        "http" if is_loopback(&url) => Ok(url),
        "http" => Err(reason!("admin-sso-error-issuer-http")),
        _ => Err(reason!("admin-sso-error-issuer-scheme")),
    }
}

fn is_loopback(url: &reqwest::Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(name)) => name == "localhost",
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    #[test]
    fn refusals_are_written_in_the_reader_s_language() {
        let input = SsoInput {
            sso_only: true,
            issuer: "id.example.org".into(),
            ..SsoInput::default()
        };
        let errors = input.apply(&SsoSettings::default()).expect_err("refused");
        assert_eq!(
            errors.get("sso_only"),
            Some("needs single sign-on turned on, or nobody could sign in")
        );
        assert_eq!(
            errors.text("sso_only", Language::German).as_deref(),
            Some("setzt eingeschaltetes Single Sign-on voraus, sonst könnte sich niemand anmelden")
        );
        assert_eq!(
            errors.get("issuer"),
            Some(
                "must be a URL such as https://id.example.org/realms/clinic, not \"id.example.org\""
            )
        );
        assert_eq!(
            errors.text("issuer", Language::German).as_deref(),
            Some(
                "muss eine URL wie https://id.example.org/realms/clinic sein, nicht \"id.example.org\""
            )
        );
    }

    #[test]
    fn issuers_must_be_https_except_on_loopback() {
        assert!(check_issuer("https://id.example.org/realms/clinic").is_ok());
        assert!(check_issuer("http://127.0.0.1:9400").is_ok());
        assert!(check_issuer("http://localhost:8080/realms/x").is_ok());
        assert!(check_issuer("http://id.example.org").is_err());
        assert!(check_issuer("https://id.example.org/?x=1").is_err());
        assert!(check_issuer("id.example.org").is_err());
    }

    #[test]
    fn input_keeps_the_secret_unless_replaced_or_cleared() {
        let current = SsoSettings {
            client_secret: Some("s3cret".into()),
            ..SsoSettings::default()
        };
        let input = SsoInput {
            enabled: true,
            issuer: " https://id.example.org ".into(),
            client_id: "kairos".into(),
            ..SsoInput::default()
        };
        let kept = input.apply(&current).expect("valid");
        assert_eq!(kept.client_secret.as_deref(), Some("s3cret"));
        assert_eq!(kept.issuer, "https://id.example.org");
        let cleared = SsoInput {
            clear_secret: true,
            ..input.clone()
        }
        .apply(&current)
        .expect("valid");
        assert_eq!(cleared.client_secret, None);
        let errors = SsoInput {
            sso_only: true,
            ..SsoInput::default()
        }
        .apply(&current)
        .expect_err("invalid");
        assert!(errors.get("sso_only").is_some());
        let errors = SsoInput {
            enabled: true,
            ..SsoInput::default()
        }
        .apply(&current)
        .expect_err("invalid");
        assert!(errors.get("issuer").is_some());
        assert!(errors.get("client_id").is_some());
    }
}

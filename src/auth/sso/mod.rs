//! Single sign-on with an OpenID Connect provider (Keycloak, Entra ID, Okta, Authentik, …):
//! the authorization code flow with PKCE (S256), `state` and `nonce` bound to the browser
//! and usable once within ten minutes, the ID token checked by [`id_token::validate`], and
//! the person mapped to an existing, enabled account by their verified email.
//!
//! Every outcome is audited as `sso_sign_in`: on success with the account as object; on
//! refusal with `reason:<code>` (see [`SsoError::code`]). Tokens never reach the audit log
//! or the logs.

pub mod id_token;
pub mod provider;
pub mod settings;

use std::collections::HashMap;
use std::sync::{Mutex, RwLock};

use chrono::{DateTime, Duration, Utc};

use crate::audit::{self, Actor, Origin, Outcome};
use crate::auth::{SessionPolicy, SignInMethod, SignedIn};
use crate::crypto::{InstanceKey, constant_time_eq, random_token, token_hash};
use crate::db::users::{self, User};
use crate::db::{Db, DbError};
use crate::outbound::{self, Policy};
pub use settings::{SsoInput, SsoSettings};

/// How long a browser has between leaving for the provider and coming back.
const PENDING_VALIDITY: Duration = Duration::minutes(10);
/// The most sign-ins in progress kept at once (expired ones are dropped first).
const MAX_PENDING: usize = 10_000;
/// How long a discovery document is reused before it is fetched again.
const DISCOVERY_TTL: Duration = Duration::minutes(5);
/// The path the provider sends the browser back to.
pub const CALLBACK_PATH: &str = "/login/sso/callback";

#[derive(Debug, thiserror::Error)]
pub enum SsoError {
    #[error("single sign-on is not turned on")]
    NotEnabled,
    #[error("single sign-on is not configured correctly: {0}")]
    Configuration(String),
    #[error("the identity provider cannot be reached: {0}")]
    Unreachable(String),
    /// The outbound guard refused the issuer's host, or it does not resolve.
    #[error("the issuer URL {0}")]
    Outbound(outbound::TargetError),
    #[error("the identity provider's answer cannot be used: {0}")]
    Provider(String),
    #[error("the identity provider refused the sign-in")]
    Denied,
    #[error("this sign-in link is unknown, used, expired or from another browser; start again")]
    State,
    #[error(transparent)]
    Token(#[from] id_token::TokenError),
    #[error("the identity provider did not confirm the email address")]
    EmailNotVerified,
    #[error("no account here has this email address; ask an administrator to add you")]
    NoAccount,
    #[error("this account is disabled")]
    Disabled,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl SsoError {
    /// A short reason for the audit log.
    pub fn code(&self) -> &'static str {
        match self {
            SsoError::NotEnabled => "not_enabled",
            SsoError::Configuration(_) => "configuration",
            SsoError::Unreachable(_) => "provider_unreachable",
            SsoError::Outbound(outbound::TargetError::Refused { .. }) => "provider_refused",
            SsoError::Outbound(_) => "provider_unreachable",
            SsoError::Provider(_) => "provider_answer",
            SsoError::Denied => "provider_denied",
            SsoError::State => "state",
            SsoError::Token(err) => err.code(),
            SsoError::EmailNotVerified => "email_not_verified",
            SsoError::NoAccount => "unknown_email",
            SsoError::Disabled => "account_disabled",
            SsoError::Db(_) => "internal",
        }
    }
}

/// A sign-in that left for the provider and has not come back yet.
struct Pending {
    /// A hash of the browser's pre-session cookie: only that browser may finish it.
    browser: Vec<u8>,
    nonce: String,
    code_verifier: String,
    next: String,
    expires_at: DateTime<Utc>,
}

/// Single sign-on state: the settings in force, and sign-ins in progress.
pub struct Sso {
    settings: RwLock<SsoSettings>,
    pending: Mutex<HashMap<String, Pending>>,
    /// The last discovery document, when it was fetched and under which outbound policy,
    /// so a burst of sign-ins makes one call to the provider.
    discovered: Mutex<Option<(provider::Provider, DateTime<Utc>, Policy)>>,
}

/// What the provider put on the callback URL.
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(default)]
pub struct Callback {
    pub code: String,
    pub state: String,
    pub error: String,
}

/// A finished single sign-on: the session and where to go.
#[derive(Debug)]
pub struct SsoSignedIn {
    pub signed_in: SignedIn,
    pub next: String,
}

impl Sso {
    pub fn new(settings: SsoSettings) -> Self {
        Self {
            settings: RwLock::new(settings),
            pending: Mutex::default(),
            discovered: Mutex::default(),
        }
    }

    /// The provider's endpoints for `issuer`, from the cache while it is fresh and the
    /// outbound policy has not changed.
    async fn provider(
        &self,
        issuer: &str,
        policy: Policy,
        now: DateTime<Utc>,
    ) -> Result<provider::Provider, SsoError> {
        let cached = self
            .discovered
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
            .filter(|(found, at, under)| {
                found.issuer == issuer
                    && *under == policy
                    && now - *at < DISCOVERY_TTL
                    && *at <= now
            });
        if let Some((found, _, _)) = cached {
            return Ok(found);
        }
        let found = provider::discover(issuer, policy).await?;
        *self.discovered.lock().unwrap_or_else(|p| p.into_inner()) =
            Some((found.clone(), now, policy));
        Ok(found)
    }

    pub fn settings(&self) -> SsoSettings {
        self.settings
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Whether the password form is shown and accepted: always, unless single sign-on is
    /// on in "SSO only" mode and the configuration does not override it (break-glass).
    pub fn password_sign_in_allowed(&self, override_by_config: bool) -> bool {
        let settings = self.settings();
        override_by_config || !(settings.active() && settings.sso_only)
    }

    /// Checks and stores new settings. When single sign-on is on, the issuer must pass the
    /// outbound guard under `policy` and its discovery document must be reachable and
    /// consistent, so mistakes show up here and not at the next sign-in.
    #[allow(clippy::too_many_arguments)]
    pub async fn save_settings(
        &self,
        db: &Db,
        key: &InstanceKey,
        admin: &User,
        input: &SsoInput,
        policy: Policy,
        origin: &Origin,
        now: DateTime<Utc>,
    ) -> Result<SsoSettings, SaveError> {
        if !admin.role.is_admin() {
            return Err(SaveError::Forbidden);
        }
        let settings = input.apply(&self.settings())?;
        if settings.enabled
            && let Err(err) = provider::discover(&settings.issuer, policy).await
        {
            let mut errors = crate::model::error::FieldErrors::new();
            // Under the "Issuer URL" label the guard's own words read best: "points to …".
            match err {
                SsoError::Outbound(refused) => errors.refuse("issuer", refused.reason()),
                other => errors.add("issuer", other.to_string()),
            }
            return Err(errors.into());
        }
        let (stored, key, origin, admin_id) =
            (settings.clone(), key.clone(), origin.clone(), admin.id);
        db.write(move |tx| -> Result<(), DbError> {
            stored.save(tx, &key, now)?;
            let entry = audit::Entry {
                actor: Actor::User(admin_id),
                action: "settings_changed",
                object: Some("sso".to_string()),
                outcome: Outcome::Success,
                origin: &origin,
            };
            audit::record(tx, now, &entry)?;
            Ok(())
        })
        .await?;
        tracing::info!(
            enabled = settings.enabled,
            sso_only = settings.sso_only,
            "single sign-on settings changed"
        );
        *self.settings.write().unwrap_or_else(|p| p.into_inner()) = settings.clone();
        *self.discovered.lock().unwrap_or_else(|p| p.into_inner()) = None;
        Ok(settings)
    }

    /// Starts a sign-in for the browser holding `browser_cookie`: returns the provider's
    /// authorization URL to send it to. The provider is reached under `policy`.
    #[allow(clippy::too_many_arguments)]
    pub async fn begin(
        &self,
        db: &Db,
        browser_cookie: &str,
        base_url: &str,
        next: &str,
        policy: Policy,
        origin: &Origin,
        now: DateTime<Utc>,
    ) -> Result<String, SsoError> {
        let result = self
            .authorization_url(browser_cookie, base_url, next, policy, now)
            .await;
        if let Err(err) = &result {
            refuse(db, None, err, origin, now).await?;
        }
        result
    }

    async fn authorization_url(
        &self,
        browser_cookie: &str,
        base_url: &str,
        next: &str,
        policy: Policy,
        now: DateTime<Utc>,
    ) -> Result<String, SsoError> {
        let settings = self.settings();
        if !settings.active() {
            return Err(SsoError::NotEnabled);
        }
        if browser_cookie.is_empty() {
            return Err(SsoError::State);
        }
        let provider = self.provider(&settings.issuer, policy, now).await?;
        let (state, nonce, code_verifier) = (random_token(), random_token(), random_token());
        let mut url = provider.authorization_endpoint.clone();
        url.query_pairs_mut()
            .append_pair("response_type", "code")
            .append_pair("client_id", &settings.client_id)
            .append_pair("redirect_uri", &redirect_uri(base_url))
            .append_pair("scope", "openid email profile")
            .append_pair("state", &state)
            .append_pair("nonce", &nonce)
            .append_pair("code_challenge", &provider::code_challenge(&code_verifier))
            .append_pair("code_challenge_method", "S256");
        let mut pending = self.pending.lock().unwrap_or_else(|p| p.into_inner());
        if pending.len() >= MAX_PENDING {
            pending.retain(|_, sign_in| sign_in.expires_at > now);
        }
        if pending.len() >= MAX_PENDING {
            return Err(SsoError::Unreachable(
                "too many sign-ins are in progress; try again in a few minutes".into(),
            ));
        }
        pending.insert(
            state,
            Pending {
                browser: token_hash(browser_cookie),
                nonce,
                code_verifier,
                next: next.to_string(),
                expires_at: now + PENDING_VALIDITY,
            },
        );
        Ok(url.to_string())
    }

    /// Finishes a sign-in when the provider sends the browser back: checks state, trades
    /// the code, validates the ID token, finds the account and starts the session. The
    /// provider is reached under `outbound`.
    #[allow(clippy::too_many_arguments)]
    pub async fn complete(
        &self,
        db: &Db,
        policy: SessionPolicy,
        outbound: Policy,
        callback: &Callback,
        browser_cookie: &str,
        base_url: &str,
        origin: &Origin,
        now: DateTime<Utc>,
    ) -> Result<SsoSignedIn, SsoError> {
        let user = match self
            .identify(db, callback, browser_cookie, base_url, outbound, now)
            .await
        {
            Ok(found) => found,
            Err((user, err)) => {
                refuse(db, user, &err, origin, now).await?;
                return Err(err);
            }
        };
        let (user, next) = user;
        let (user_id, origin) = (user.id, origin.clone());
        let method = SignInMethod::SingleSignOn;
        let token = db
            .write(move |tx| -> Result<String, DbError> {
                Ok(crate::auth::begin_session(
                    tx, user_id, method, policy, &origin, now,
                )?)
            })
            .await?;
        tracing::info!(user_id, method = method.as_str(), "signed in");
        Ok(SsoSignedIn {
            signed_in: SignedIn { token, user },
            next,
        })
    }

    /// Who the callback proves the browser to be, or why not (with the account when one
    /// was found).
    async fn identify(
        &self,
        db: &Db,
        callback: &Callback,
        browser_cookie: &str,
        base_url: &str,
        outbound: Policy,
        now: DateTime<Utc>,
    ) -> Result<(User, String), (Option<i64>, SsoError)> {
        let alone = |err: SsoError| (None, err);
        let pending = self
            .pending
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&callback.state)
            .ok_or(SsoError::State)
            .map_err(alone)?;
        let same_browser = constant_time_eq(&pending.browser, &token_hash(browser_cookie));
        if !same_browser || pending.expires_at <= now || browser_cookie.is_empty() {
            return Err(alone(SsoError::State));
        }
        if !callback.error.is_empty() || callback.code.is_empty() {
            return Err(alone(SsoError::Denied));
        }
        let settings = self.settings();
        if !settings.active() {
            return Err(alone(SsoError::NotEnabled));
        }
        let provider = self
            .provider(&settings.issuer, outbound, now)
            .await
            .map_err(alone)?;
        let redirect_uri = redirect_uri(base_url);
        let exchange = provider::CodeExchange {
            code: &callback.code,
            redirect_uri: &redirect_uri,
            code_verifier: &pending.code_verifier,
            client_id: &settings.client_id,
            client_secret: settings.client_secret.as_deref(),
        };
        let id_token = provider::exchange_code(&provider, &exchange)
            .await
            .map_err(alone)?;
        let keys = provider::keys(&provider).await.map_err(alone)?;
        let expected = id_token::Expected {
            issuer: &settings.issuer,
            client_id: &settings.client_id,
            nonce: &pending.nonce,
            now,
        };
        let identity =
            id_token::validate(&id_token, &keys, &expected).map_err(|err| alone(err.into()))?;
        let email = identity.email.clone().unwrap_or_default();
        let user = db
            .read(move |conn| users::by_email(conn, email.trim()).map_err(DbError::from))
            .await
            .map_err(|err| alone(err.into()))?;
        let Some(user) = user.filter(|_| identity.email.is_some()) else {
            return Err(alone(if identity.email_verified {
                SsoError::NoAccount
            } else {
                SsoError::EmailNotVerified
            }));
        };
        if !identity.email_verified {
            return Err((Some(user.id), SsoError::EmailNotVerified));
        }
        if user.disabled {
            return Err((Some(user.id), SsoError::Disabled));
        }
        Ok((user, pending.next))
    }
}

/// Where the provider sends the browser back to (register it at the provider).
pub fn redirect_uri(base_url: &str) -> String {
    format!("{}{CALLBACK_PATH}", base_url.trim_end_matches('/'))
}

/// Audits a refused single sign-on, with the account when one is known.
async fn refuse(
    db: &Db,
    user_id: Option<i64>,
    err: &SsoError,
    origin: &Origin,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    tracing::info!(user_id, reason = err.code(), "single sign-on refused");
    let actor = user_id.map_or(Actor::Anonymous, Actor::User);
    let outcome = match err {
        SsoError::NoAccount
        | SsoError::EmailNotVerified
        | SsoError::Disabled
        | SsoError::Denied => Outcome::Denied,
        _ => Outcome::Failure,
    };
    let object = Some(format!("reason:{}", err.code()));
    audit::record_alone(db, now, actor, "sso_sign_in", object, outcome, origin).await
}

/// Why settings were not saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("only administrators can change single sign-on")]
    Forbidden,
    #[error("{0}")]
    Invalid(crate::model::error::FieldErrors),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<crate::model::error::FieldErrors> for SaveError {
    fn from(errors: crate::model::error::FieldErrors) -> Self {
        SaveError::Invalid(errors)
    }
}

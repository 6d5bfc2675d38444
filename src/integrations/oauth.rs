//! OAuth 2.0 for the cloud services a host connects: the authorization-code flow with PKCE
//! and a `state` bound to the host's session, the grant sealed with the instance key, and
//! access tokens refreshed by one refresh at a time per account.
//!
//! Self-hosted means the organization registers its own app with each vendor: an
//! administrator stores its client id and secret (Admin → Integrations), and nothing here
//! calls a vendor until then. The protocol itself is the `oauth2` crate's; requests go
//! through the outbound guard like every other call Kairos makes.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use chrono::{DateTime, Utc};
use oauth2::basic::{BasicClient, BasicErrorResponseType};
use oauth2::{
    AuthType, AuthUrl, AuthorizationCode, ClientId, ClientSecret, CsrfToken, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, RefreshToken, RequestTokenError, Scope, TokenResponse, TokenUrl,
};
use rusqlite::Connection;

use crate::crypto::InstanceKey;
use crate::db::calendars::{self, Account, Provider};
use crate::db::{DbError, settings};
use crate::integrations::Deps;
use crate::outbound::{self, Policy};

/// A service hosts connect with OAuth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Vendor {
    Google,
    Microsoft,
    Zoom,
}

/// The Microsoft Entra tenant of an app registered for any organization and personal
/// accounts.
pub const ANY_TENANT: &str = "common";

impl Vendor {
    pub const ALL: [Vendor; 3] = [Vendor::Google, Vendor::Microsoft, Vendor::Zoom];

    /// The name in settings keys and URLs.
    pub fn key(self) -> &'static str {
        match self {
            Vendor::Google => "google",
            Vendor::Microsoft => "microsoft",
            Vendor::Zoom => "zoom",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|vendor| vendor.key() == text)
    }

    /// What people read.
    pub fn label(self) -> &'static str {
        self.provider().label()
    }

    /// The kind of calendar account the vendor's grant connects.
    pub fn provider(self) -> Provider {
        match self {
            Vendor::Google => Provider::Google,
            Vendor::Microsoft => Provider::Microsoft,
            Vendor::Zoom => Provider::Zoom,
        }
    }

    /// The vendor whose sign-in connects accounts of `provider`.
    pub fn of(provider: Provider) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.provider() == provider)
    }

    /// Only what Kairos needs: reading busy time and writing its own events.
    pub fn scopes(self) -> &'static [&'static str] {
        match self {
            Vendor::Google => &[
                "https://www.googleapis.com/auth/calendar.events",
                "https://www.googleapis.com/auth/calendar.readonly",
            ],
            Vendor::Microsoft => &["offline_access", "Calendars.ReadWrite"],
            // Zoom grants the scopes chosen for the app; these are its classic names.
            Vendor::Zoom => &["meeting:write", "user:read"],
        }
    }

    /// What the sign-in page is asked besides the standard parameters. Google hands out a
    /// refresh token only with offline access, and again on a second connection only when
    /// asked to show the consent screen; Microsoft lets the host pick the account.
    fn extra_params(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Vendor::Google => &[("access_type", "offline"), ("prompt", "consent")],
            Vendor::Microsoft => &[("prompt", "select_account")],
            Vendor::Zoom => &[],
        }
    }

    /// Whether a refresh asks for the scopes again (Microsoft's v2.0 endpoint expects
    /// them; the others keep the granted ones).
    fn scopes_on_refresh(self) -> bool {
        self == Vendor::Microsoft
    }

    /// Headers every API call carries: Microsoft Graph is asked for times in UTC,
    /// whatever the mailbox's zone, and pages of a bounded size.
    pub fn api_headers(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Vendor::Microsoft => &[("Prefer", "outlook.timezone=\"UTC\", odata.maxpagesize=250")],
            Vendor::Google | Vendor::Zoom => &[],
        }
    }

    /// How the app authenticates at the token endpoint: Microsoft takes the secret in the
    /// form, Google in HTTP Basic.
    fn auth_type(self) -> AuthType {
        match self {
            Vendor::Google | Vendor::Zoom => AuthType::BasicAuth,
            Vendor::Microsoft => AuthType::RequestBody,
        }
    }

    /// The vendor's endpoints, or those of a stand-in under `base` (the
    /// `google_base_url` or `microsoft_base_url` setting, for tests and for an egress
    /// proxy). `tenant` is the Microsoft Entra tenant the app was registered in.
    pub fn endpoints(self, base: Option<&str>, tenant: &str) -> Endpoints {
        let base = base.map(|b| b.trim_end_matches('/'));
        let tenant = if tenant.is_empty() {
            ANY_TENANT
        } else {
            tenant
        };
        match self {
            Vendor::Google => {
                let (accounts, token, api) = match base {
                    None => (
                        "https://accounts.google.com",
                        "https://oauth2.googleapis.com".to_string(),
                        "https://www.googleapis.com".to_string(),
                    ),
                    Some(base) => (base, base.to_string(), base.to_string()),
                };
                Endpoints {
                    authorize: format!("{accounts}/o/oauth2/v2/auth"),
                    token: format!("{token}/token"),
                    api: format!("{api}/calendar/v3"),
                }
            }
            Vendor::Zoom => {
                let (site, api) = base.map_or(("https://zoom.us", "https://api.zoom.us"), |base| {
                    (base, base)
                });
                Endpoints {
                    authorize: format!("{site}/oauth/authorize"),
                    token: format!("{site}/oauth/token"),
                    api: format!("{api}/v2"),
                }
            }
            Vendor::Microsoft => {
                let (login, graph) = base.map_or(
                    (
                        "https://login.microsoftonline.com",
                        "https://graph.microsoft.com",
                    ),
                    |base| (base, base),
                );
                Endpoints {
                    authorize: format!("{login}/{tenant}/oauth2/v2.0/authorize"),
                    token: format!("{login}/{tenant}/oauth2/v2.0/token"),
                    api: format!("{graph}/v1.0"),
                }
            }
        }
    }
}

/// Where a vendor's sign-in page, token endpoint and API are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    pub authorize: String,
    pub token: String,
    pub api: String,
}

/// The app an administrator registered with a vendor.
#[derive(Clone, PartialEq, Eq)]
pub struct App {
    pub client_id: String,
    /// Unsealed in memory only.
    pub client_secret: String,
    /// Microsoft's directory (tenant) the app was registered in: its id or domain, or
    /// `common`; empty for other vendors.
    pub tenant: String,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("client_id", &self.client_id)
            .field("client_secret", &"(set)")
            .field("tenant", &self.tenant)
            .finish()
    }
}

fn id_setting(vendor: Vendor) -> String {
    format!("oauth_{}_client_id", vendor.key())
}

fn secret_setting(vendor: Vendor) -> String {
    format!("oauth_{}_client_secret", vendor.key())
}

fn tenant_setting(vendor: Vendor) -> String {
    format!("oauth_{}_tenant", vendor.key())
}

impl App {
    /// The vendor's app, when an administrator set one up whose secret this instance's
    /// key opens.
    pub fn load(
        conn: &Connection,
        key: &InstanceKey,
        vendor: Vendor,
    ) -> rusqlite::Result<Option<App>> {
        let client_id = settings::get(conn, &id_setting(vendor))?.unwrap_or_default();
        if client_id.is_empty() {
            return Ok(None);
        }
        let secret = settings::get_sealed(conn, key, &secret_setting(vendor))?;
        let tenant = settings::get(conn, &tenant_setting(vendor))?.unwrap_or_default();
        Ok(match secret {
            Ok(Some(client_secret)) => Some(App {
                client_id,
                client_secret,
                tenant,
            }),
            _ => None,
        })
    }

    /// Stores the app; an empty `client_secret` keeps the stored one. `None` removes the
    /// app (hosts' accounts stay, and fail to sync until an app is set up again).
    pub fn save(
        conn: &Connection,
        key: &InstanceKey,
        vendor: Vendor,
        app: Option<&App>,
        now: DateTime<Utc>,
    ) -> rusqlite::Result<()> {
        match app {
            Some(app) => {
                settings::set(conn, &id_setting(vendor), app.client_id.trim(), now)?;
                settings::set(conn, &tenant_setting(vendor), &app.tenant, now)?;
                if !app.client_secret.is_empty() {
                    let secret = app.client_secret.trim();
                    settings::set_sealed(conn, key, &secret_setting(vendor), Some(secret), now)?;
                }
                Ok(())
            }
            None => {
                settings::set(conn, &id_setting(vendor), "", now)?;
                settings::set_sealed(conn, key, &secret_setting(vendor), None, now)
            }
        }
    }
}

/// An administrator's form for a vendor's app.
#[derive(Debug, Clone, Default)]
pub struct AppInput {
    pub client_id: String,
    /// Empty keeps the stored secret.
    pub client_secret: String,
    /// Microsoft only: the directory (tenant) id or domain; empty means `common`.
    pub tenant: String,
    /// Removes the app: hosts can no longer connect this vendor.
    pub remove: bool,
}

/// The longest client id or secret accepted.
const MAX_CREDENTIAL: usize = 512;

impl AppInput {
    /// The app this input makes of the stored one (`None`: removed), or every problem.
    pub fn apply(
        &self,
        vendor: Vendor,
        stored: Option<&App>,
    ) -> Result<Option<App>, crate::model::error::FieldErrors> {
        let mut errors = crate::model::error::FieldErrors::new();
        if self.remove {
            return Ok(None);
        }
        let client_id = self.client_id.trim().to_string();
        let secret = self.client_secret.trim().to_string();
        for (field, value) in [("client_id", &client_id), ("client_secret", &secret)] {
            if value.len() > MAX_CREDENTIAL
                || value.chars().any(|c| c.is_control() || c.is_whitespace())
            {
                errors.refuse(
                    field,
                    crate::reason!("error-app-credential", max = MAX_CREDENTIAL),
                );
            }
        }
        if client_id.is_empty() {
            errors.refuse("client_id", crate::reason!("error-required"));
        }
        let tenant = match vendor {
            Vendor::Microsoft => {
                let tenant = self.tenant.trim();
                if tenant.is_empty() {
                    ANY_TENANT.to_string()
                } else if valid_tenant(tenant) {
                    tenant.to_ascii_lowercase()
                } else {
                    errors.refuse("tenant", crate::reason!("error-tenant"));
                    String::new()
                }
            }
            Vendor::Google | Vendor::Zoom => String::new(),
        };
        let client_secret = match (secret.is_empty(), stored) {
            (false, _) => secret,
            (true, Some(app)) => app.client_secret.clone(),
            (true, None) => {
                errors.refuse("client_secret", crate::reason!("error-required"));
                String::new()
            }
        };
        errors.into_result(Some(App {
            client_id,
            client_secret,
            tenant,
        }))
    }
}

/// A Microsoft Entra tenant as it goes into the sign-in address: a GUID, a domain name,
/// or one of `common`, `organizations`, `consumers` — letters, digits, `-` and `.` only.
fn valid_tenant(tenant: &str) -> bool {
    (1..=253).contains(&tenant.len())
        && tenant
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        && !tenant.starts_with(['.', '-'])
        && !tenant.contains("..")
}

/// Stores what an administrator set for `vendor`'s app, audited as `integration_saved`
/// (or `integration_removed`).
pub async fn save_app(
    deps: &Deps,
    admin_id: i64,
    vendor: Vendor,
    input: &AppInput,
    origin: &crate::audit::Origin,
) -> Result<Option<App>, AppError> {
    let key = deps.key.clone();
    let stored = deps
        .db
        .read(move |conn| App::load(conn, &key, vendor).map_err(DbError::from))
        .await?;
    let app = input
        .apply(vendor, stored.as_ref())
        .map_err(AppError::Invalid)?;
    let (key, now, origin, saved) = (deps.key.clone(), deps.now(), origin.clone(), app.clone());
    deps.db
        .write(move |tx| -> Result<(), DbError> {
            App::save(tx, &key, vendor, saved.as_ref(), now)?;
            crate::audit::record(
                tx,
                now,
                &crate::audit::Entry {
                    actor: crate::audit::Actor::User(admin_id),
                    action: if saved.is_some() {
                        "integration_saved"
                    } else {
                        "integration_removed"
                    },
                    object: Some(format!("integration:{}", vendor.key())),
                    outcome: crate::audit::Outcome::Success,
                    origin: &origin,
                },
            )?;
            Ok(())
        })
        .await?;
    Ok(app)
}

/// Why an app was not saved.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    Invalid(crate::model::error::FieldErrors),
    #[error(transparent)]
    Db(#[from] DbError),
}

/// What the vendor granted, sealed into the account's secret.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Grant {
    pub refresh_token: String,
    pub access_token: String,
    /// Seconds since the epoch.
    pub expires_at: i64,
}

impl std::fmt::Debug for Grant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Grant")
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

/// A token this close to its expiry is refreshed before use.
const EARLY: i64 = 120;

impl Grant {
    pub fn fresh_at(&self, now: DateTime<Utc>) -> bool {
        self.expires_at - EARLY > now.timestamp()
    }

    pub fn seal(&self, key: &InstanceKey) -> Vec<u8> {
        let json = serde_json::to_string(self).unwrap_or_default();
        crate::integrations::calendars::sync::seal(key, &json)
    }

    pub fn open(key: &InstanceKey, account: &Account) -> Result<Grant, OAuthError> {
        let json = crate::integrations::calendars::sync::open(key, account)
            .map_err(|_| OAuthError::Credentials)?;
        serde_json::from_str(&json).map_err(|_| OAuthError::Credentials)
    }
}

/// Why a vendor could not be used, in words for the host.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OAuthError {
    #[error("{0} is not set up on this instance: ask an administrator")]
    NotConfigured(&'static str),
    #[error("the sign-in with {0} was not finished here or took too long: start again")]
    UnknownState(&'static str),
    #[error("{0} refused the request: {1}")]
    Refused(&'static str, String),
    /// The host did not allow the access at the vendor's sign-in page.
    #[error("{0}: {1}")]
    Denied(&'static str, String),
    /// The grant was revoked or expired: only connecting again helps.
    #[error("{0} no longer accepts Kairos's access: connect the account again")]
    Revoked(&'static str),
    #[error("{0} could not be reached: {1}")]
    Unreachable(&'static str, String),
    #[error("the stored access cannot be opened with this instance's key")]
    Credentials,
    #[error("{0}")]
    Db(String),
}

impl From<DbError> for OAuthError {
    fn from(err: DbError) -> Self {
        OAuthError::Db(err.to_string())
    }
}

impl From<rusqlite::Error> for OAuthError {
    fn from(err: rusqlite::Error) -> Self {
        OAuthError::Db(err.to_string())
    }
}

/// A sign-in started by a host: who started it, and the PKCE verifier.
struct Pending {
    vendor: Vendor,
    user_id: i64,
    session: String,
    verifier: String,
    started: DateTime<Utc>,
}

/// How long a host has to finish signing in with the vendor.
const PENDING_FOR: i64 = 10 * 60;
/// At most this many sign-ins wait at once; the oldest go first.
const MAX_PENDING: usize = 1024;

static PENDING: LazyLock<Mutex<HashMap<String, Pending>>> = LazyLock::new(Mutex::default);

/// Where a host goes to grant access: the vendor's sign-in page for `app`, with a fresh
/// `state` bound to the host and their session (`session` is a value only that session
/// knows, such as its id's hash) and a PKCE challenge.
pub fn authorize_url(
    vendor: Vendor,
    app: &App,
    endpoints: &Endpoints,
    redirect_uri: &str,
    user_id: i64,
    session: &str,
    now: DateTime<Utc>,
) -> Result<String, OAuthError> {
    let client = BasicClient::new(ClientId::new(app.client_id.clone()))
        .set_auth_type(vendor.auth_type())
        .set_auth_uri(url(vendor, &endpoints.authorize, AuthUrl::new)?)
        .set_redirect_uri(url(vendor, redirect_uri, RedirectUrl::new)?);
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let mut request = client
        .authorize_url(CsrfToken::new_random)
        .set_pkce_challenge(challenge);
    for scope in vendor.scopes() {
        request = request.add_scope(Scope::new((*scope).to_string()));
    }
    for (name, value) in vendor.extra_params() {
        request = request.add_extra_param(*name, *value);
    }
    let (url, state) = request.url();
    let mut pending = PENDING.lock().unwrap_or_else(PoisonError::into_inner);
    pending.retain(|_, p| (now - p.started).num_seconds() < PENDING_FOR);
    if pending.len() >= MAX_PENDING
        && let Some(oldest) = pending
            .iter()
            .min_by_key(|(_, p)| p.started)
            .map(|(state, _)| state.clone())
    {
        pending.remove(&oldest);
    }
    pending.insert(
        state.secret().clone(),
        Pending {
            vendor,
            user_id,
            session: session.to_string(),
            verifier: verifier.secret().clone(),
            started: now,
        },
    );
    Ok(url.to_string())
}

fn url<T>(
    vendor: Vendor,
    text: &str,
    make: impl FnOnce(String) -> Result<T, url::ParseError>,
) -> Result<T, OAuthError> {
    make(text.to_string())
        .map_err(|_| OAuthError::Refused(vendor.label(), "an endpoint address is not valid".into()))
}

/// Finishes a sign-in when the vendor sends the host back: the `state` must be one this
/// host started in this session, not older than ten minutes; the code is exchanged for a
/// grant with the PKCE verifier.
#[allow(clippy::too_many_arguments)]
pub async fn finish(
    vendor: Vendor,
    app: &App,
    endpoints: &Endpoints,
    redirect_uri: &str,
    state: &str,
    code: &str,
    user_id: i64,
    session: &str,
    now: DateTime<Utc>,
    policy: Policy,
) -> Result<Grant, OAuthError> {
    let pending = PENDING
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .remove(state)
        .filter(|p| {
            p.vendor == vendor
                && p.user_id == user_id
                && p.session == session
                && (now - p.started).num_seconds() < PENDING_FOR
        })
        .ok_or(OAuthError::UnknownState(vendor.label()))?;
    let client = BasicClient::new(ClientId::new(app.client_id.clone()))
        .set_client_secret(ClientSecret::new(app.client_secret.clone()))
        .set_auth_type(vendor.auth_type())
        .set_token_uri(url(vendor, &endpoints.token, TokenUrl::new)?)
        .set_redirect_uri(url(vendor, redirect_uri, RedirectUrl::new)?);
    let http = http_client(policy);
    let answer = client
        .exchange_code(AuthorizationCode::new(code.to_string()))
        .set_pkce_verifier(PkceCodeVerifier::new(pending.verifier))
        .request_async(&http)
        .await
        .map_err(|err| token_error(vendor, err))?;
    let refresh_token = answer
        .refresh_token()
        .map(|t| t.secret().clone())
        .ok_or_else(|| {
            OAuthError::Refused(
                vendor.label(),
                "it granted no lasting access (no refresh token)".into(),
            )
        })?;
    Ok(Grant {
        refresh_token,
        access_token: answer.access_token().secret().clone(),
        expires_at: expiry(now, answer.expires_in()),
    })
}

fn expiry(now: DateTime<Utc>, expires_in: Option<std::time::Duration>) -> i64 {
    let seconds = expires_in.map_or(3600, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    now.timestamp()
        .saturating_add(seconds.clamp(0, 366 * 24 * 3600))
}

/// A vendor's answer to a token request in words; a refused grant is [`OAuthError::Revoked`].
fn token_error<RE: std::error::Error + 'static>(
    vendor: Vendor,
    err: RequestTokenError<RE, oauth2::basic::BasicErrorResponse>,
) -> OAuthError {
    match err {
        RequestTokenError::ServerResponse(response) => match response.error() {
            BasicErrorResponseType::InvalidGrant => OAuthError::Revoked(vendor.label()),
            other => OAuthError::Refused(vendor.label(), other.to_string()),
        },
        RequestTokenError::Request(err) => OAuthError::Unreachable(vendor.label(), err.to_string()),
        RequestTokenError::Parse(..) => {
            OAuthError::Refused(vendor.label(), "its answer could not be read".into())
        }
        RequestTokenError::Other(text) => OAuthError::Refused(vendor.label(), text),
    }
}

/// The HTTP client the `oauth2` crate calls: the outbound guard, no redirects, a bounded
/// answer.
fn http_client(
    policy: Policy,
) -> impl Fn(
    oauth2::HttpRequest,
) -> std::pin::Pin<
    Box<dyn std::future::Future<Output = Result<oauth2::HttpResponse, HttpError>> + Send>,
> {
    move |request: oauth2::HttpRequest| Box::pin(send_oauth(request, policy))
}

/// A failed token request, without the URL or body (they can carry secrets).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct HttpError(String);

async fn send_oauth(
    request: oauth2::HttpRequest,
    policy: Policy,
) -> Result<oauth2::HttpResponse, HttpError> {
    let target = outbound::check_target(&request.uri().to_string(), policy)
        .await
        .map_err(|err| HttpError(format!("the address {err}")))?;
    let client =
        outbound::client_for(&target).map_err(|err| HttpError(outbound::describe(&err)))?;
    let mut builder = client.request(request.method().clone(), target.url.clone());
    for (name, value) in request.headers() {
        builder = builder.header(name, value);
    }
    let response = builder
        .body(request.body().clone())
        .send()
        .await
        .map_err(|err| HttpError(outbound::describe(&err)))?;
    let status = response.status();
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .cloned();
    let body = read_capped(response, MAX_TOKEN_ANSWER)
        .await
        .map_err(HttpError)?;
    let mut answer = oauth2::http::Response::builder().status(status.as_u16());
    if let Some(content_type) = content_type {
        answer = answer.header(oauth2::http::header::CONTENT_TYPE, content_type.as_bytes());
    }
    answer.body(body).map_err(|err| HttpError(err.to_string()))
}

/// The largest token answer read.
const MAX_TOKEN_ANSWER: usize = 64 * 1024;

/// Reads at most `limit` bytes of an answer; a longer one is refused.
pub async fn read_capped(mut response: reqwest::Response, limit: usize) -> Result<Vec<u8>, String> {
    let mut body = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|err| outbound::describe(&err))?
    {
        if body.len() + chunk.len() > limit {
            return Err(format!("the answer is larger than {} kB", limit / 1024));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// One lock per account: the refresh of its grant happens once, and every other job that
/// needs a token meanwhile waits for it (with refresh-token rotation, two refreshes racing
/// would lose the account).
static REFRESHING: LazyLock<Mutex<HashMap<i64, Arc<tokio::sync::Mutex<()>>>>> =
    LazyLock::new(Mutex::default);

fn account_lock(account_id: i64) -> Arc<tokio::sync::Mutex<()>> {
    let mut locks = REFRESHING.lock().unwrap_or_else(PoisonError::into_inner);
    locks.retain(|_, lock| Arc::strong_count(lock) > 1);
    locks.entry(account_id).or_default().clone()
}

/// A current access token for `account`: the stored one while it is fresh, else a new one
/// from the vendor (stored, with the new refresh token when the vendor rotates it).
/// `rejected` is a token the vendor just refused (a 401): it is refreshed even if it looks
/// fresh. A refused grant marks the account as needing to be connected again and audits it.
pub async fn access_token(
    deps: &Deps,
    vendor: Vendor,
    account_id: i64,
    rejected: Option<&str>,
) -> Result<String, OAuthError> {
    let lock = account_lock(account_id);
    let _held = lock.lock().await;
    let key = deps.key.clone();
    let (account, app) = deps
        .db
        .read(move |conn| -> Result<_, OAuthError> {
            let account = calendars::account(conn, account_id)?;
            let app = App::load(conn, &key, vendor)?;
            Ok((account, app))
        })
        .await?;
    let account = account.ok_or(OAuthError::Credentials)?;
    if account.needs_reconnect {
        return Err(OAuthError::Revoked(vendor.label()));
    }
    let grant = Grant::open(&deps.key, &account)?;
    let now = deps.now();
    if grant.fresh_at(now) && rejected != Some(grant.access_token.as_str()) {
        return Ok(grant.access_token);
    }
    let app = app.ok_or(OAuthError::NotConfigured(vendor.label()))?;
    let endpoints = deps.endpoints(vendor, Some(&app));
    let client = BasicClient::new(ClientId::new(app.client_id.clone()))
        .set_client_secret(ClientSecret::new(app.client_secret.clone()))
        .set_auth_type(vendor.auth_type())
        .set_token_uri(url(vendor, &endpoints.token, TokenUrl::new)?);
    let http = http_client(deps.policy());
    let refresh_token = RefreshToken::new(grant.refresh_token.clone());
    let mut refresh = client.exchange_refresh_token(&refresh_token);
    if vendor.scopes_on_refresh() {
        for scope in vendor.scopes() {
            refresh = refresh.add_scope(Scope::new((*scope).to_string()));
        }
    }
    let answer = refresh.request_async(&http).await;
    let now = deps.now();
    match answer {
        Ok(answer) => {
            let renewed = Grant {
                refresh_token: answer
                    .refresh_token()
                    .map_or(grant.refresh_token, |t| t.secret().clone()),
                access_token: answer.access_token().secret().clone(),
                expires_at: expiry(now, answer.expires_in()),
            };
            let sealed = renewed.seal(&deps.key);
            deps.db
                .write(move |tx| {
                    calendars::set_secret(tx, account_id, &sealed).map_err(DbError::from)
                })
                .await?;
            Ok(renewed.access_token)
        }
        Err(err) => {
            let err = token_error(vendor, err);
            if err == OAuthError::Revoked(vendor.label()) {
                let reason = err.to_string();
                deps.db
                    .write(move |tx| -> Result<(), DbError> {
                        calendars::mark_needs_reconnect(tx, account_id, &reason)?;
                        crate::integrations::calendars::notice::queue_notice(tx, account_id, now)?;
                        crate::audit::record(
                            tx,
                            now,
                            &crate::audit::Entry {
                                actor: crate::audit::Actor::System("calendar sync"),
                                action: "calendar_access_revoked",
                                object: Some(format!("calendar_account:{account_id}")),
                                outcome: crate::audit::Outcome::Failure,
                                origin: &crate::audit::Origin::host(),
                            },
                        )?;
                        Ok(())
                    })
                    .await?;
            }
            Err(err)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_refreshed_two_minutes_before_it_expires() {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        let grant = |expires_at| Grant {
            refresh_token: "r".into(),
            access_token: "a".into(),
            expires_at,
        };
        assert!(grant(now.timestamp() + 121).fresh_at(now));
        assert!(!grant(now.timestamp() + 120).fresh_at(now));
        assert_eq!(expiry(now, None), now.timestamp() + 3600);
        assert_eq!(
            expiry(now, Some(std::time::Duration::from_secs(u64::MAX))),
            now.timestamp() + 366 * 24 * 3600
        );
    }

    /// The app form's refusals, in English for the API and in German for a page.
    #[test]
    fn an_apps_refusals_are_written_in_german() {
        use crate::i18n::Language;

        let input = AppInput {
            client_id: "two words".into(),
            client_secret: String::new(),
            tenant: "not a tenant".into(),
            remove: false,
        };
        let Err(errors) = input.apply(Vendor::Microsoft, None) else {
            panic!("the app was accepted");
        };
        assert_eq!(
            errors.get("client_id"),
            Some("must be one word of at most 512 characters, as the vendor shows it")
        );
        assert_eq!(
            errors.text("client_id", Language::German).as_deref(),
            Some("muss ein Wort mit höchstens 512 Zeichen sein, so wie der Anbieter es anzeigt")
        );
        assert_eq!(
            errors.get("tenant"),
            Some(
                "must be the directory (tenant) ID, a domain such as contoso.onmicrosoft.com, or common"
            )
        );
        assert!(
            errors
                .text("tenant", Language::German)
                .is_some_and(|text| text.starts_with("muss die Verzeichnis-ID")),
            "{errors}"
        );
        assert_eq!(errors.get("client_secret"), Some("is required"));
        assert_eq!(
            errors.text("client_secret", Language::German).as_deref(),
            Some("ist erforderlich")
        );
    }

    #[test]
    fn an_administrators_app_is_checked_field_by_field() {
        let input = |client_id: &str, client_secret: &str, tenant: &str| AppInput {
            client_id: client_id.into(),
            client_secret: client_secret.into(),
            tenant: tenant.into(),
            remove: false,
        };
        let refused = |vendor, input: AppInput, stored: Option<&App>| -> Vec<String> {
            match input.apply(vendor, stored) {
                Ok(_) => Vec::new(),
                Err(errors) => errors.iter().map(|e| e.field.clone()).collect(),
            }
        };
        let long = "x".repeat(513);
        assert_eq!(
            refused(Vendor::Google, input(&long, "s", ""), None),
            ["client_id"]
        );
        assert_eq!(
            refused(Vendor::Google, input("id", "two words", ""), None),
            ["client_secret"]
        );
        assert_eq!(
            refused(Vendor::Google, input("id\u{7}", "s\u{0}", ""), None),
            ["client_id", "client_secret"]
        );
        assert_eq!(
            refused(Vendor::Google, input("", "", ""), None),
            ["client_id", "client_secret"]
        );
        assert!(refused(Vendor::Google, input(" id ", " secret\n", ""), None).is_empty());
        // An empty secret keeps the stored one.
        let stored = App {
            client_id: "id".into(),
            client_secret: "kept".into(),
            tenant: "common".into(),
        };
        let kept = input("id", "", "").apply(Vendor::Microsoft, Some(&stored));
        assert_eq!(
            kept.ok()
                .flatten()
                .map(|app| (app.client_secret, app.tenant)),
            Some(("kept".to_string(), "common".to_string()))
        );
        for bad in [
            "contoso/../x",
            "a b",
            "..",
            ".contoso",
            "x".repeat(254).as_str(),
            "ten\u{0}ant",
        ] {
            assert_eq!(
                refused(Vendor::Microsoft, input("id", "s", bad), None),
                ["tenant"],
                "{bad:?}"
            );
        }
        let app = input("id", "s", " Contoso.onMicrosoft.com ")
            .apply(Vendor::Microsoft, None)
            .ok()
            .flatten();
        assert_eq!(
            app.map(|app| app.tenant),
            Some("contoso.onmicrosoft.com".to_string())
        );
    }

    #[test]
    fn microsoft_endpoints_carry_the_tenant() {
        let real = Vendor::Microsoft.endpoints(None, "contoso.onmicrosoft.com");
        assert_eq!(
            real.authorize,
            "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize"
        );
        assert_eq!(real.api, "https://graph.microsoft.com/v1.0");
        let any = Vendor::Microsoft.endpoints(Some("http://127.0.0.1:9/"), "");
        assert_eq!(any.token, "http://127.0.0.1:9/common/oauth2/v2.0/token");
        let google = Vendor::Google.endpoints(None, "");
        assert_eq!(google.token, "https://oauth2.googleapis.com/token");
        assert_eq!(google.api, "https://www.googleapis.com/calendar/v3");
    }

    #[test]
    fn the_state_works_once_for_the_host_and_session_that_started_it() {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
        let app = App {
            client_id: "id".into(),
            client_secret: "secret".into(),
            tenant: String::new(),
        };
        let endpoints = Vendor::Google.endpoints(Some("https://accounts.example"), "");
        let started = authorize_url(
            Vendor::Google,
            &app,
            &endpoints,
            "https://kairos.example/cb",
            7,
            "session-a",
            now,
        )
        .unwrap_or_default();
        let parsed = url::Url::parse(&started).unwrap_or_else(|err| panic!("{err}"));
        let query: HashMap<String, String> = parsed.query_pairs().into_owned().collect();
        assert_eq!(parsed.path(), "/o/oauth2/v2/auth");
        assert_eq!(
            query.get("code_challenge_method").map(String::as_str),
            Some("S256")
        );
        assert_eq!(
            query.get("access_type").map(String::as_str),
            Some("offline")
        );
        assert!(query["scope"].contains("calendar.events"));
        let state = query["state"].clone();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap_or_else(|err| panic!("{err}"));
        let attempt = |user, session: &str, state: &str| {
            runtime.block_on(finish(
                Vendor::Google,
                &app,
                &endpoints,
                "https://kairos.example/cb",
                state,
                "code",
                user,
                session,
                now,
                Policy::for_admin_servers(false, false),
            ))
        };
        // Another session's callback is refused, and uses the state up.
        assert_eq!(
            attempt(7, "session-b", &state),
            Err(OAuthError::UnknownState("Google Calendar"))
        );
        assert_eq!(
            attempt(7, "session-a", &state),
            Err(OAuthError::UnknownState("Google Calendar"))
        );
    }
}

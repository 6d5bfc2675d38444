//! The request context: who is asking, from where, and their CSRF binding.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::app::AppState;
use crate::audit::Origin;
use crate::auth::{self, SESSION_COOKIE};
use crate::crypto::random_token;
use crate::db::users::User;
use crate::present::Language;
use crate::transport::ClientInfo;
use crate::web::WebError;

/// The pre-session cookie that anonymous forms (sign-in, setup) bind their CSRF token to.
pub const CSRF_COOKIE: &str = "kairos_csrf";

/// The CSRF cookie value for this request (set by [`ensure_csrf_cookie`]).
#[derive(Debug, Clone)]
struct CsrfCookie(String);

/// Gives every browser a random pre-session cookie, so forms shown before sign-in can
/// carry a CSRF token too.
pub async fn ensure_csrf_cookie(mut request: Request, next: Next) -> Response {
    // The API, assets and probes have no forms: they get no cookie.
    let path = request.uri().path();
    if path.starts_with("/api/")
        || path.starts_with("/assets/")
        || matches!(path, "/healthz" | "/readyz" | "/metrics")
    {
        return next.run(request).await;
    }
    let existing = cookie(request.headers(), CSRF_COOKIE).filter(|v| v.len() == 64);
    let (value, fresh) = match existing {
        Some(value) => (value, false),
        None => (random_token(), true),
    };
    request.extensions_mut().insert(CsrfCookie(value.clone()));
    let secure = if client(request.extensions()).https {
        "; Secure"
    } else {
        ""
    };
    let mut response = next.run(request).await;
    if fresh
        && let Ok(header) = HeaderValue::from_str(&format!(
            "{CSRF_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax{secure}"
        ))
    {
        response.headers_mut().append(header::SET_COOKIE, header);
    }
    response
}

/// The cookie that keeps the language a visitor chose with the language menu.
pub const LANGUAGE_COOKIE: &str = "kairos_lang";

/// The language a request names with `?lang=`: the language menu's choice.
fn chosen_language(uri: &axum::http::Uri) -> Option<Language> {
    form_urlencoded::parse(uri.query()?.as_bytes())
        .find(|(name, _)| name == "lang")
        .and_then(|(_, tag)| Language::from_tag(&tag))
}

/// The languages a request asks for before anyone is known: the one chosen with the
/// language menu (`?lang=`, then the cookie), and the page language for anyone who chose
/// none: the first of the browser's languages Kairos writes, else the instance's.
#[derive(Debug, Clone, Copy)]
struct Asked {
    chosen: Option<Language>,
    base: Language,
}

tokio::task_local! {
    /// The language of the request being answered: what [`choose_language`] found, then
    /// the page's language once [`Ctx`] knows who is asking.
    static REQUEST_LANGUAGE: std::cell::Cell<Language>;
}

/// The language of the page being answered, for the pieces every page shares (form
/// fields, error pages) that are written without a [`Ctx`]; English outside a request.
pub fn request_language() -> Language {
    REQUEST_LANGUAGE
        .try_with(std::cell::Cell::get)
        .unwrap_or_default()
}

/// Makes `language` the language of the rest of the request (see [`request_language`]).
pub fn set_request_language(language: Language) {
    // Outside a request there is nothing to set.
    let _ = REQUEST_LANGUAGE.try_with(|cell| cell.set(language));
}

/// Works out the languages a request asks for, and keeps one chosen with `?lang=` in a
/// cookie for a year, so every later page (and a booking made on it) is in that language.
pub async fn choose_language(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let from_query = chosen_language(request.uri());
    let chosen = from_query.or_else(|| {
        cookie(request.headers(), LANGUAGE_COOKIE).and_then(|tag| Language::from_tag(&tag))
    });
    let base = chosen
        .or_else(|| {
            request
                .headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|value| value.to_str().ok())
                .and_then(Language::from_accept_language)
        })
        .unwrap_or_else(|| state.settings().default_language);
    request.extensions_mut().insert(Asked { chosen, base });
    let secure = if client(request.extensions()).https {
        "; Secure"
    } else {
        ""
    };
    let mut response = REQUEST_LANGUAGE
        .scope(std::cell::Cell::new(base), next.run(request))
        .await;
    if let Some(language) = from_query
        && let Ok(header) = HeaderValue::from_str(&format!(
            "{LANGUAGE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax{secure}",
            language.tag()
        ))
    {
        response.headers_mut().append(header::SET_COOKIE, header);
    }
    response
}

/// The language of a page: on the dashboard the person's own choice, then one chosen
/// with the language menu, then the instance's; elsewhere (booking pages, sign-in, setup)
/// what [`choose_language`] found.
fn page_language(parts: &Parts, user: Option<&User>, instance: Language) -> Language {
    let asked = parts.extensions.get::<Asked>().copied();
    if parts.uri.path().starts_with("/dashboard") {
        user.and_then(|user| user.language)
            .or(asked.and_then(|a| a.chosen))
            .unwrap_or(instance)
    } else {
        asked.map_or(instance, |a| a.base)
    }
}

/// Reads one cookie from the request headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_string())
}

/// A form that carries nothing but its CSRF token (sign out, delete, duplicate, …).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct CsrfForm {
    pub csrf: String,
}

/// Works out once per request who the client is (see [`crate::transport::TrustedProxies`]):
/// everything that needs the client's address or scheme reads the result.
pub async fn resolve_client(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::from([127, 0, 0, 1]), |info| info.0.ip());
    let client = state
        .config
        .trusted_proxies
        .resolve(peer, state.tls.is_some(), request.headers());
    request.extensions_mut().insert(client);
    next.run(request).await
}

/// Who is asking.
pub struct Ctx {
    pub state: AppState,
    pub user: Option<User>,
    session_token: Option<String>,
    csrf_cookie: String,
    /// When the session ends unless the person does something (idle or absolute limit).
    pub session_ends_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The instance requires a second factor of this user, who has none yet.
    pub must_enroll_mfa: bool,
    pub address: IpAddr,
    /// Whether the client reached the instance over HTTPS.
    pub https: bool,
    /// The `User-Agent` header, for the audit log.
    pub user_agent: Option<String>,
    /// The visitor's locale, from `Accept-Language` (see
    /// [`crate::present::LanguageTag::from_accept_language`]): kept with their bookings.
    pub locale: Option<crate::present::LanguageTag>,
    /// The clock, date order and first day of the week of that locale.
    pub conventions: Option<crate::present::Conventions>,
    /// The language the page is written in (see [`page_language`]); a booking page whose
    /// event type fixes its language sets it to that.
    pub lang: Language,
    pub path: String,
}

/// The client as [`resolve_client`] found it (127.0.0.1 over plain HTTP when the request
/// did not pass through it).
fn client(extensions: &axum::http::Extensions) -> ClientInfo {
    extensions
        .get::<ClientInfo>()
        .copied()
        .unwrap_or(ClientInfo {
            address: IpAddr::from([127, 0, 0, 1]),
            https: false,
        })
}

/// The locale a request's `Accept-Language` names, see
/// [`crate::present::LanguageTag::from_accept_language`].
pub fn visitor_locale(headers: &axum::http::HeaderMap) -> Option<crate::present::LanguageTag> {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .and_then(crate::present::LanguageTag::from_accept_language)
}

fn user_agent(parts: &Parts) -> Option<String> {
    parts
        .headers
        .get(header::USER_AGENT)
        .and_then(|value| value.to_str().ok())
        .map(str::to_string)
}

/// Where a request comes from, for the audit log (the API's handlers take it directly).
impl<S: Send + Sync> FromRequestParts<S> for Origin {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Origin::new(
            client(&parts.extensions).address,
            user_agent(parts).as_deref(),
        ))
    }
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, WebError> {
        let ClientInfo { address, https } = client(&parts.extensions);
        let csrf_cookie = parts
            .extensions
            .get::<CsrfCookie>()
            .map(|c| c.0.clone())
            .unwrap_or_default();
        let mut user = None;
        let mut session_token = None;
        let mut session_ends_at = None;
        let mut must_enroll_mfa = false;
        if let Some(token) = cookie(&parts.headers, SESSION_COOKIE).filter(|t| t.len() == 64) {
            let now = state.clock.now();
            let policy = state.session_policy();
            if let Some((found, session)) =
                auth::authenticate(&state.db, policy, &token, now).await?
            {
                session_ends_at =
                    Some((session.last_seen_at + policy.idle).min(session.expires_at));
                // Single sign-on leaves the second factor to the identity provider.
                let by_sso = session.sign_in_method == auth::SignInMethod::SingleSignOn.as_str();
                if !by_sso && state.settings().require_mfa.applies_to(found.role) {
                    must_enroll_mfa = !auth::mfa::enrolled(&state.db, found.id).await?;
                }
                user = Some(found);
                session_token = Some(token);
            }
        }
        // Someone who must have a second factor reaches only its enrollment until then.
        if must_enroll_mfa && !reachable_before_enrollment(parts.uri.path()) {
            return Err(WebError::MfaEnrollmentRequired);
        }
        let locale = visitor_locale(&parts.headers);
        let lang = page_language(parts, user.as_ref(), state.settings().default_language);
        set_request_language(lang);
        Ok(Ctx {
            lang,
            state: state.clone(),
            user,
            session_token,
            csrf_cookie,
            session_ends_at,
            must_enroll_mfa,
            address,
            https,
            user_agent: user_agent(parts),
            conventions: locale.as_ref().and_then(crate::present::Conventions::of),
            locale,
            path: parts
                .uri
                .path_and_query()
                .map_or("/".to_string(), |p| p.as_str().to_string()),
        })
    }
}

/// The pages a person who must enroll a second factor can still reach.
fn reachable_before_enrollment(path: &str) -> bool {
    matches!(
        path,
        "/dashboard/settings/mfa" | "/logout" | "/session/extend" | "/login"
    )
}

impl Ctx {
    /// What this request's CSRF token is bound to: the session if signed in, otherwise
    /// the pre-session cookie.
    fn csrf_binding(&self) -> &str {
        self.session_token.as_deref().unwrap_or(&self.csrf_cookie)
    }

    /// The token to put into forms rendered for this request.
    pub fn csrf_token(&self) -> String {
        auth::csrf_token(&self.state.csrf_key, self.csrf_binding())
    }

    /// Refuses a form submission whose token does not match (see [`crate::web::extract`]).
    pub(super) fn verify_csrf(&self, submitted: &str) -> Result<(), WebError> {
        if !self.csrf_binding().is_empty()
            && auth::csrf_valid(&self.state.csrf_key, self.csrf_binding(), submitted)
        {
            Ok(())
        } else {
            tracing::warn!(path = %self.path.split('?').next().unwrap_or(""), "form refused: missing or wrong CSRF token");
            Err(WebError::Csrf)
        }
    }

    /// The token for an invitee's form on a public booking page. Inside another site's
    /// frame the browser withholds our cookies, so besides the cookie-bound token a form
    /// there may carry a signed one that expires after two hours. These forms act on no
    /// one's session: booking is open to anyone, and changing a booking takes its manage
    /// token, which the form itself carries.
    pub fn public_form_token(&self) -> String {
        let expires = (self.state.clock.now() + chrono::Duration::hours(2)).timestamp();
        let mac = crate::crypto::hmac_hex(
            &self.state.csrf_key,
            format!("public-form:{expires}").as_bytes(),
        );
        format!("p{expires}.{mac}")
    }

    /// Accepts a public form's token: the cookie-bound one or an unexpired signed one.
    pub fn verify_public_form(&self, submitted: &str) -> Result<(), WebError> {
        let signed = submitted
            .trim()
            .strip_prefix('p')
            .and_then(|rest| rest.split_once('.'))
            .and_then(|(expires, mac)| Some((expires.parse::<i64>().ok()?, mac)));
        if let Some((expires, mac)) = signed {
            let expected = crate::crypto::hmac_hex(
                &self.state.csrf_key,
                format!("public-form:{expires}").as_bytes(),
            );
            if expires > self.state.clock.now().timestamp()
                && crate::crypto::constant_time_eq(expected.as_bytes(), mac.as_bytes())
            {
                return Ok(());
            }
        }
        self.verify_csrf(submitted)
    }

    /// The signed-in user, or a redirect to the sign-in page.
    pub fn require_user(&self) -> Result<&User, WebError> {
        self.user.as_ref().ok_or_else(|| WebError::SignInRequired {
            next: self.path.clone(),
        })
    }

    /// The signed-in administrator (see [`crate::access::administration`]): a redirect to
    /// sign in for someone anonymous, forbidden for anyone else.
    pub fn require_admin(&self) -> Result<&User, WebError> {
        let user = self.require_user()?;
        match crate::access::administration(user) {
            crate::access::Access::Allowed => Ok(user),
            _ => Err(WebError::Forbidden),
        }
    }

    /// Where this request comes from, for the audit log.
    pub fn origin(&self) -> Origin {
        Origin::new(self.address, self.user_agent.as_deref())
    }

    /// Seconds until the session ends without activity, for the idle warning.
    pub fn session_seconds_left(&self) -> Option<i64> {
        self.session_ends_at
            .map(|ends| (ends - self.state.clock.now()).num_seconds().max(0))
    }

    /// The browser's pre-session cookie: what a single sign-on in progress is bound to.
    pub fn browser_cookie(&self) -> &str {
        &self.csrf_cookie
    }

    pub fn session_token(&self) -> Option<&str> {
        self.session_token.as_deref()
    }

    /// A `Set-Cookie` value that starts a session in the browser.
    pub fn session_cookie(&self, token: &str) -> String {
        let secure = if self.secure_cookies() {
            "; Secure"
        } else {
            ""
        };
        let max_age = self.state.session_policy().lifetime.num_seconds();
        format!(
            "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
        )
    }

    /// Whether cookies must be marked `Secure`: the request came over HTTPS (directly or
    /// through a trusted proxy), or the instance's public address is `https://`.
    pub fn secure_cookies(&self) -> bool {
        self.https || self.state.base_url().starts_with("https://")
    }

    /// A `Set-Cookie` value that removes the session cookie.
    pub fn clear_session_cookie(&self) -> String {
        format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cookies_from_one_or_many_headers() {
        let mut headers = HeaderMap::new();
        headers.append(
            header::COOKIE,
            HeaderValue::from_static("a=1; kairos_session=abc"),
        );
        headers.append(header::COOKIE, HeaderValue::from_static("b=2"));
        assert_eq!(cookie(&headers, "kairos_session").as_deref(), Some("abc"));
        assert_eq!(cookie(&headers, "b").as_deref(), Some("2"));
        assert_eq!(cookie(&headers, "c"), None);
    }
}

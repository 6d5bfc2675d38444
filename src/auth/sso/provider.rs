//! Talking to the OpenID Connect provider: discovery, the token endpoint and the key set.
//!
//! Kairos calls nothing but the configured issuer: the discovery document must name that
//! issuer exactly, and its token and key endpoints must be on the issuer's own origin.
//! The issuer's host goes through the outbound guard ([`crate::outbound`]) with the
//! instance's policy, and every call of a sign-in goes to the address checked at
//! discovery. Redirects are not followed.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use reqwest::Url;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::SsoError;
use super::id_token::JwkSet;
use super::settings::check_issuer;
use crate::outbound::{self, Policy};

/// The largest response read from the provider.
const MAX_RESPONSE_BYTES: usize = 512 * 1024;

/// The provider's endpoints, from its discovery document.
#[derive(Debug, Clone)]
pub struct Provider {
    pub issuer: String,
    pub authorization_endpoint: Url,
    pub token_endpoint: Url,
    pub jwks_uri: Url,
    /// Whether the client secret goes in an `Authorization: Basic` header (else the body).
    pub secret_in_header: bool,
    /// A client that reaches the issuer's host at the address the guard checked only.
    http: reqwest::Client,
}

#[derive(Debug, Deserialize)]
struct Discovery {
    issuer: String,
    authorization_endpoint: String,
    token_endpoint: String,
    jwks_uri: String,
    #[serde(default)]
    token_endpoint_auth_methods_supported: Option<Vec<String>>,
    #[serde(default)]
    code_challenge_methods_supported: Option<Vec<String>>,
}

/// Checks the issuer's host through the outbound guard under `policy`, then fetches and
/// checks `<issuer>/.well-known/openid-configuration`.
pub async fn discover(issuer: &str, policy: Policy) -> Result<Provider, SsoError> {
    let issuer_url =
        check_issuer(issuer).map_err(|reason| SsoError::Configuration(reason.to_string()))?;
    let url = format!(
        "{}/.well-known/openid-configuration",
        issuer.trim_end_matches('/')
    );
    let target = outbound::check_target(&url, policy)
        .await
        .map_err(SsoError::Outbound)?;
    let http = outbound::client_for(&target)
        .map_err(|_| SsoError::Unreachable("no HTTP client could be set up".into()))?;
    let body = fetch(http.get(target.url.clone())).await?;
    let document: Discovery = serde_json::from_slice(&body)
        .map_err(|_| SsoError::Provider("the discovery document is not valid JSON".into()))?;
    if document.issuer != issuer {
        return Err(SsoError::Provider(format!(
            "the discovery document names the issuer {:?}, not the configured {issuer:?}",
            document.issuer
        )));
    }
    if let Some(methods) = &document.code_challenge_methods_supported
        && !methods.iter().any(|method| method == "S256")
    {
        return Err(SsoError::Provider(
            "the provider does not support PKCE with S256".into(),
        ));
    }
    let endpoint = |name: &str, value: &str, same_origin: bool| -> Result<Url, SsoError> {
        let url = Url::parse(value)
            .map_err(|_| SsoError::Provider(format!("the {name} is not a URL")))?;
        let secure = url.scheme() == "https" || check_issuer(value).is_ok();
        if !secure {
            return Err(SsoError::Provider(format!("the {name} does not use https")));
        }
        if same_origin && url.origin() != issuer_url.origin() {
            return Err(SsoError::Provider(format!(
                "the {name} is on another host than the issuer; Kairos only calls the issuer"
            )));
        }
        Ok(url)
    };
    let methods = document
        .token_endpoint_auth_methods_supported
        .unwrap_or_default();
    Ok(Provider {
        issuer: document.issuer.clone(),
        // The browser goes there, not Kairos.
        authorization_endpoint: endpoint(
            "authorization endpoint",
            &document.authorization_endpoint,
            false,
        )?,
        token_endpoint: endpoint("token endpoint", &document.token_endpoint, true)?,
        jwks_uri: endpoint("key set (jwks_uri)", &document.jwks_uri, true)?,
        secret_in_header: methods.is_empty()
            || methods.iter().any(|method| method == "client_secret_basic"),
        http,
    })
}

/// The provider's signing keys.
pub async fn keys(provider: &Provider) -> Result<JwkSet, SsoError> {
    let body = fetch(provider.http.get(provider.jwks_uri.clone())).await?;
    serde_json::from_slice(&body)
        .map_err(|_| SsoError::Provider("the key set is not valid JSON".into()))
}

/// What Kairos sends to the token endpoint.
pub struct CodeExchange<'a> {
    pub code: &'a str,
    pub redirect_uri: &'a str,
    pub code_verifier: &'a str,
    pub client_id: &'a str,
    pub client_secret: Option<&'a str>,
}

#[derive(Deserialize)]
struct TokenResponse {
    id_token: Option<String>,
}

/// Trades an authorization code for the ID token.
pub async fn exchange_code(
    provider: &Provider,
    exchange: &CodeExchange<'_>,
) -> Result<String, SsoError> {
    let mut form = vec![
        ("grant_type", "authorization_code"),
        ("code", exchange.code),
        ("redirect_uri", exchange.redirect_uri),
        ("code_verifier", exchange.code_verifier),
    ];
    let mut request = provider.http.post(provider.token_endpoint.clone());
    match exchange.client_secret {
        Some(secret) if provider.secret_in_header => {
            // RFC 6749 2.3.1: both parts form-encoded before Basic encoding.
            let encode = |text: &str| {
                url::form_urlencoded::byte_serialize(text.as_bytes()).collect::<String>()
            };
            request = request.basic_auth(encode(exchange.client_id), Some(encode(secret)));
        }
        Some(secret) => {
            form.push(("client_id", exchange.client_id));
            form.push(("client_secret", secret));
        }
        None => form.push(("client_id", exchange.client_id)),
    }
    let body = fetch(request.form(&form)).await?;
    let response: TokenResponse = serde_json::from_slice(&body)
        .map_err(|_| SsoError::Provider("the token response is not valid JSON".into()))?;
    response
        .id_token
        .ok_or_else(|| SsoError::Provider("the token response has no ID token".into()))
}

/// Sends a request and reads a successful, bounded body. Errors name the status, never
/// the body (which may hold tokens).
async fn fetch(request: reqwest::RequestBuilder) -> Result<Vec<u8>, SsoError> {
    let mut response = request.send().await.map_err(|err| {
        SsoError::Unreachable(if err.is_timeout() {
            "the provider did not answer in time".into()
        } else if err.is_connect() {
            "cannot connect to the provider".into()
        } else {
            "the request to the provider failed".into()
        })
    })?;
    let status = response.status();
    if !status.is_success() {
        return Err(SsoError::Provider(format!(
            "the provider answered {status} at {}",
            response.url().path()
        )));
    }
    let mut body = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|_| SsoError::Unreachable("the provider's answer broke off".into()))?
    {
        if body.len() + chunk.len() > MAX_RESPONSE_BYTES {
            return Err(SsoError::Provider(
                "the provider's answer is too large".into(),
            ));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// The PKCE challenge for a verifier (RFC 7636, S256).
pub fn code_challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pkce_challenge_matches_the_rfc_example() {
        assert_eq!(
            code_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }
}

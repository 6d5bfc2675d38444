//! What the stand-ins for Google and Microsoft share, as both vendors document it: the
//! sign-in page that sends the browser back with `code` and `state`, the token endpoint
//! (authorization code with PKCE S256, refresh with rotation, `invalid_grant` once
//! revoked), bearer tokens checked on every API call, and one mailbox of calendars whose
//! every change gets a rising sequence number (what sync tokens and delta links count).
//! Failure modes are switched on by the test: expired access tokens (401), 429 with
//! `Retry-After`, a create whose answer is lost after the event was stored.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use base64::Engine;
use serde_json::{Value, json};
use sha2::Digest;

#[derive(Default)]
pub struct Cloud {
    /// Authorization codes: code → (PKCE challenge, redirect URI).
    codes: HashMap<String, (String, String)>,
    /// The refresh token currently valid (rotated on every refresh).
    refresh_token: Option<String>,
    pub access_tokens: Vec<String>,
    pub refreshes: usize,
    pub revoked: bool,
    /// Every access token is refused with 401 until the next refresh.
    pub tokens_expired: bool,
    /// The next API calls answer 429 with `Retry-After: 1`.
    pub rate_limited: usize,
    /// The next create stores the event, then answers 503 as if the answer were lost.
    pub lose_next_insert: bool,
    /// The next writes that ask for a video meeting get none yet (Google's conference
    /// "pending", Graph's event without its online meeting).
    pub meetings_pending: usize,
    /// Sync tokens and delta links older than this sequence number are expired (410).
    pub tokens_valid_from: u64,
    /// Calendar id → event id → (sequence of its last change, event).
    pub events: HashMap<String, BTreeMap<String, (u64, Value)>>,
    pub sequence: u64,
    /// Every request, described alike for both vendors: `CALENDARS`, `LIST {calendar}
    /// full|incremental`, `CREATE`, `UPDATE {id}`, `DELETE {id}`.
    pub requests: Vec<String>,
}

pub type Shared = Arc<Mutex<Cloud>>;

impl Cloud {
    /// Stores `event` as the newest change of `id` in `calendar`; returns its sequence.
    pub fn store(&mut self, calendar: &str, id: &str, event: Value) -> u64 {
        self.sequence += 1;
        self.events
            .entry(calendar.to_string())
            .or_default()
            .insert(id.to_string(), (self.sequence, event));
        self.sequence
    }

    /// Whether a write that asks for a meeting gets one now (see `meetings_pending`).
    pub fn meeting_now(&mut self) -> bool {
        if self.meetings_pending > 0 {
            self.meetings_pending -= 1;
            return false;
        }
        true
    }

    pub fn get(&self, calendar: &str, id: &str) -> Option<&(u64, Value)> {
        self.events.get(calendar).and_then(|c| c.get(id))
    }

    /// The changes of a calendar after `since` (all of them without), in order of ids.
    pub fn changes(&self, calendar: &str, since: Option<u64>) -> Vec<(u64, Value)> {
        self.events
            .get(calendar)
            .into_iter()
            .flat_map(|c| c.values())
            .filter(|(changed, _)| since.is_none_or(|since| *changed > since))
            .cloned()
            .collect()
    }

    fn new_token(&mut self) -> String {
        let token = format!("access-{}", self.access_tokens.len() + self.refreshes + 1);
        self.access_tokens.push(token.clone());
        token
    }

    /// The sign-in page, already agreed to: back to the app with a code. `required` is
    /// what the vendor requires beyond the standard parameters (Google's offline access,
    /// Microsoft's `offline_access` scope).
    pub fn authorize(
        &mut self,
        query: &HashMap<String, String>,
        client_id: &str,
        required: bool,
    ) -> Response {
        let field = |name: &str| query.get(name).cloned().unwrap_or_default();
        if field("client_id") != client_id
            || field("response_type") != "code"
            || field("code_challenge_method") != "S256"
            || !required
        {
            return (StatusCode::BAD_REQUEST, "invalid_request").into_response();
        }
        let code = format!("code-{}", field("state").len() + self.codes.len());
        let redirect = field("redirect_uri");
        self.codes
            .insert(code.clone(), (field("code_challenge"), redirect.clone()));
        let mut back = url::Url::parse(&redirect).expect("a redirect URI");
        back.query_pairs_mut()
            .append_pair("state", &field("state"))
            .append_pair("code", &code);
        Redirect::to(back.as_str()).into_response()
    }

    /// The token endpoint, once the client authenticated as the vendor wants.
    pub fn token(&mut self, authenticated: bool, form: &HashMap<String, String>) -> Response {
        if !authenticated {
            return (
                StatusCode::UNAUTHORIZED,
                axum::Json(json!({ "error": "invalid_client" })),
            )
                .into_response();
        }
        let field = |name: &str| form.get(name).cloned().unwrap_or_default();
        match field("grant_type").as_str() {
            "authorization_code" => {
                let Some((challenge, redirect)) = self.codes.remove(&field("code")) else {
                    return grant_error("invalid_grant");
                };
                let verified = base64::engine::general_purpose::URL_SAFE_NO_PAD
                    .encode(sha2::Sha256::digest(field("code_verifier").as_bytes()));
                if verified != challenge || redirect != field("redirect_uri") {
                    return grant_error("invalid_grant");
                }
                self.revoked = false;
                self.tokens_expired = false;
                let refresh = format!("refresh-{}", self.refreshes);
                self.refresh_token = Some(refresh.clone());
                let access = self.new_token();
                axum::Json(json!({ "access_token": access, "expires_in": 3599,
                    "refresh_token": refresh, "token_type": "Bearer" }))
                .into_response()
            }
            "refresh_token" => {
                if self.revoked || self.refresh_token.as_deref() != Some(&field("refresh_token")) {
                    return grant_error("invalid_grant");
                }
                self.refreshes += 1;
                self.tokens_expired = false;
                let rotated = format!("refresh-{}", self.refreshes);
                self.refresh_token = Some(rotated.clone());
                let access = self.new_token();
                axum::Json(json!({ "access_token": access, "expires_in": 3599,
                    "refresh_token": rotated, "token_type": "Bearer" }))
                .into_response()
            }
            _ => grant_error("unsupported_grant_type"),
        }
    }

    /// Records the request, then checks the bearer token and the failure switches: the
    /// status to refuse with (401 or 429), or `None` to let the call through.
    pub fn refused(&mut self, headers: &HeaderMap, request: String) -> Option<StatusCode> {
        self.requests.push(request);
        let token = headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or_default();
        if self.tokens_expired || Some(token) != self.access_tokens.last().map(String::as_str) {
            return Some(StatusCode::UNAUTHORIZED);
        }
        if self.rate_limited > 0 {
            self.rate_limited -= 1;
            return Some(StatusCode::TOO_MANY_REQUESTS);
        }
        None
    }
}

/// The token endpoint of a vendor whose client authenticates with HTTP Basic (Google,
/// Zoom).
pub fn basic_token(
    state: &Shared,
    headers: &HeaderMap,
    form: &HashMap<String, String>,
    (client_id, client_secret): (&str, &str),
) -> Response {
    let expected = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{client_id}:{client_secret}"))
    );
    let authenticated = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == expected);
    state.lock().expect("lock").token(authenticated, form)
}

fn grant_error(kind: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        axum::Json(json!({ "error": kind, "error_description": "Bad Request" })),
    )
        .into_response()
}

/// A refusal with `Retry-After: 1` when it is a rate limit.
pub fn with_retry_after(status: StatusCode, mut answer: Response) -> Response {
    if status == StatusCode::TOO_MANY_REQUESTS {
        answer
            .headers_mut()
            .insert("retry-after", axum::http::HeaderValue::from_static("1"));
    }
    answer
}

/// Starts `app` on a free loopback port; returns its base URL.
pub async fn serve(app: axum::Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let address = listener.local_addr().expect("an address");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{address}")
}

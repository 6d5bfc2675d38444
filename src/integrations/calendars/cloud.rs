//! What Google Calendar and Microsoft 365 have in common: calls to a JSON API with the
//! account's access token (a 401 refreshes it once), rate limits and server errors as
//! failures the job queue retries later, answers read up to a bound, and one [`Client`]
//! the sync engine and the writer use for either vendor.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::db::calendars::{Account, BusyTime};
use crate::integrations::Deps;
use crate::integrations::calendars::caldav::RemoteCalendar;
use crate::integrations::calendars::write::HostEvent;
use crate::integrations::calendars::{google, microsoft};
use crate::integrations::oauth::{self, OAuthError, Vendor};
use crate::jobs::JobFailure;
use crate::outbound;

/// The largest answer read from an API.
const MAX_ANSWER: usize = 8 * 1024 * 1024;

/// Why a call to a vendor did not work, in words for the host.
#[derive(Debug, thiserror::Error)]
pub enum CloudError {
    #[error("{0}")]
    Auth(#[from] OAuthError),
    #[error("{vendor} asked to slow down; trying again later")]
    RateLimited {
        vendor: &'static str,
        retry_after: Option<u64>,
    },
    #[error("{0} answered HTTP {1}")]
    Status(&'static str, u16),
    #[error("{0} could not be reached: {1}")]
    Unreachable(&'static str, String),
    #[error("{0}'s answer could not be read")]
    Unreadable(&'static str),
    /// The sync token or delta link is no longer valid (410): list everything again.
    #[error("{0} asked for a full sync")]
    Gone(&'static str),
}

impl CloudError {
    /// As a job failure: a rate limit waits as long as the vendor asked. A revoked grant
    /// is retried too: once the host connects again, the job goes through.
    pub fn into_failure(self) -> JobFailure {
        match self {
            CloudError::RateLimited {
                retry_after: Some(seconds),
                ..
            } => JobFailure::new(self.to_string()).retry_in(chrono::Duration::seconds(
                i64::try_from(seconds).unwrap_or(60).clamp(1, 3600),
            )),
            other => JobFailure::new(other.to_string()),
        }
    }

    /// The access problem behind a failure, or the failure as the vendor's refusal.
    pub fn into_oauth(self, vendor: Vendor) -> OAuthError {
        match self {
            CloudError::Auth(err) => err,
            other => OAuthError::Refused(vendor.label(), other.to_string()),
        }
    }
}

/// How requests are authorized: the account's grant (refreshed as needed), or an access
/// token just obtained for an account not stored yet.
#[derive(Clone, Copy)]
pub enum Auth<'a> {
    Account(i64),
    Token(&'a str),
}

/// One account's access to one vendor's API.
pub struct Api<'a> {
    deps: &'a Deps,
    vendor: Vendor,
    auth: Auth<'a>,
    base: String,
    /// The vendor's own API address: links in answers that a proxy passed on unchanged
    /// point there, and are followed through `base` instead.
    own: String,
}

/// One answer: status and JSON body (`Null` when empty or not JSON).
pub struct Answer {
    pub status: StatusCode,
    pub body: Value,
    retry_after: Option<u64>,
}

impl<'a> Api<'a> {
    pub fn new(deps: &'a Deps, vendor: Vendor, auth: Auth<'a>) -> Self {
        let base = deps.endpoints(vendor, None).api;
        let own = vendor.endpoints(None, "").api;
        Self {
            deps,
            vendor,
            auth,
            base,
            own,
        }
    }

    pub fn vendor(&self) -> &'static str {
        self.vendor.label()
    }

    async fn token(&self, rejected: Option<&str>) -> Result<String, CloudError> {
        match self.auth {
            Auth::Account(id) => {
                Ok(oauth::access_token(self.deps, self.vendor, id, rejected).await?)
            }
            Auth::Token(token) if rejected.is_none() => Ok(token.to_string()),
            Auth::Token(_) => Err(OAuthError::Refused(
                self.vendor.label(),
                "the access it just granted was refused".into(),
            )
            .into()),
        }
    }

    /// Calls the API at `target`: a path under the API's address, or a whole link the
    /// vendor gave for the next page (which must be under the same address). An expired
    /// access token (401) is refreshed once. Rate limits, server errors and 410 are
    /// errors; every other answer is returned.
    pub async fn call(
        &self,
        method: Method,
        target: &str,
        query: &[(&str, &str)],
        body: Option<&Value>,
    ) -> Result<Answer, CloudError> {
        let vendor = self.vendor.label();
        let mut token = self.token(None).await?;
        for attempt in 0..2 {
            let answer = self.send(&method, target, query, body, &token).await?;
            match answer.status {
                StatusCode::UNAUTHORIZED if attempt == 0 => {
                    token = self.token(Some(&token)).await?;
                }
                StatusCode::TOO_MANY_REQUESTS => {
                    return Err(CloudError::RateLimited {
                        vendor,
                        retry_after: answer.retry_after,
                    });
                }
                // Google reports some rate limits as 403 with a reason.
                StatusCode::FORBIDDEN
                    if matches!(
                        answer.body["error"]["errors"][0]["reason"].as_str(),
                        Some("rateLimitExceeded" | "userRateLimitExceeded")
                    ) =>
                {
                    return Err(CloudError::RateLimited {
                        vendor,
                        retry_after: answer.retry_after,
                    });
                }
                StatusCode::GONE => return Err(CloudError::Gone(vendor)),
                // Microsoft asks to come back later with 503 and `Retry-After`.
                status if status.is_server_error() && answer.retry_after.is_some() => {
                    return Err(CloudError::RateLimited {
                        vendor,
                        retry_after: answer.retry_after,
                    });
                }
                status if status.is_server_error() => {
                    return Err(CloudError::Status(vendor, status.as_u16()));
                }
                _ => return Ok(answer),
            }
        }
        Err(CloudError::Status(vendor, 401))
    }

    /// Deletes what `target` names; one already gone (404, 410) is fine.
    pub async fn delete(&self, target: &str, query: &[(&str, &str)]) -> Result<(), CloudError> {
        match self.call(Method::DELETE, target, query, None).await {
            Err(CloudError::Gone(_)) => Ok(()),
            Ok(answer) if answer.status == StatusCode::NOT_FOUND => Ok(()),
            Ok(answer) => answer.expect_ok(self.vendor()),
            Err(err) => Err(err),
        }
    }

    /// The address of `target`: a link must lie under the API's own address, so that an
    /// answer cannot send the access token anywhere else.
    fn url(&self, target: &str, query: &[(&str, &str)]) -> Result<url::Url, CloudError> {
        let vendor = self.vendor.label();
        let text = address(&self.base, &self.own, target).ok_or(CloudError::Unreadable(vendor))?;
        let mut url = url::Url::parse(&text)
            .map_err(|_| CloudError::Unreachable(vendor, "the API address is not valid".into()))?;
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        Ok(url)
    }

    async fn send(
        &self,
        method: &Method,
        target: &str,
        query: &[(&str, &str)],
        body: Option<&Value>,
        token: &str,
    ) -> Result<Answer, CloudError> {
        let vendor = self.vendor.label();
        let url = self.url(target, query)?;
        let target = outbound::check_target(url.as_str(), self.deps.policy())
            .await
            .map_err(|err| CloudError::Unreachable(vendor, format!("the address {err}")))?;
        let client = outbound::client_for(&target)
            .map_err(|err| CloudError::Unreachable(vendor, outbound::describe(&err)))?;
        let mut request = client
            .request(method.clone(), target.url.clone())
            .bearer_auth(token);
        for (name, value) in self.vendor.api_headers() {
            request = request.header(*name, *value);
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request
            .send()
            .await
            .map_err(|err| CloudError::Unreachable(vendor, outbound::describe(&err)))?;
        let status = response.status();
        let retry_after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok());
        let bytes = oauth::read_capped(response, MAX_ANSWER)
            .await
            .map_err(|err| CloudError::Unreachable(vendor, err))?;
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Ok(Answer {
            status,
            body,
            retry_after,
        })
    }
}

impl Answer {
    pub fn expect_ok(&self, vendor: &'static str) -> Result<(), CloudError> {
        if self.status.is_success() {
            Ok(())
        } else {
            Err(CloudError::Status(vendor, self.status.as_u16()))
        }
    }

    /// The items of a listing: Google's `items`, Microsoft's `value`.
    pub fn items<'b>(&'b self, field: &str) -> impl Iterator<Item = &'b Value> {
        self.body[field].as_array().into_iter().flatten()
    }
}

/// What changed in a calendar since the last sync.
#[derive(Debug, Default)]
pub struct Changes {
    /// Events (each instance of a recurring one on its own) and their busy time: none when
    /// the event does not block (free, transparent).
    pub changed: Vec<(String, Vec<BusyTime>)>,
    /// Events cancelled or deleted.
    pub removed: Vec<String>,
    /// What to ask with next time: Google's sync token, Microsoft's delta link.
    pub sync_token: Option<String>,
    /// Everything was listed: events not among `changed` are gone.
    pub full: bool,
}

impl Changes {
    /// Records one listed event: its busy time, or `None` when it is gone.
    pub fn record(&mut self, id: &str, busy: Option<Vec<BusyTime>>) {
        match busy {
            Some(busy) => self.changed.push((id.to_string(), busy)),
            None => self.removed.push(id.to_string()),
        }
    }
}

/// What writing an event gave back.
#[derive(Debug)]
pub struct Put {
    pub id: String,
    /// Its ETag or change key.
    pub version: Option<String>,
    /// The join link of the video meeting the vendor made with it.
    pub join_url: Option<String>,
}

/// A vendor's calendar API, for the sync engine and the writer alike.
pub enum Client<'a> {
    Google(google::Client<'a>),
    Microsoft(microsoft::Client<'a>),
}

impl<'a> Client<'a> {
    /// The calendar API of `vendor`; `None` for a vendor without calendars (Zoom).
    pub fn new(deps: &'a Deps, vendor: Vendor, auth: Auth<'a>) -> Option<Self> {
        let api = Api::new(deps, vendor, auth);
        match vendor {
            Vendor::Google => Some(Client::Google(google::Client::new(api))),
            Vendor::Microsoft => Some(Client::Microsoft(microsoft::Client::new(api))),
            Vendor::Zoom => None,
        }
    }

    /// The calendar client for a stored account, when a vendor's sign-in connected it.
    pub fn for_account(deps: &'a Deps, account: &Account) -> Option<Self> {
        Vendor::of(account.provider)
            .and_then(|vendor| Self::new(deps, vendor, Auth::Account(account.id)))
    }

    /// The calendars of the account: id, name, and whether Kairos may write there.
    pub async fn calendars(&self) -> Result<Vec<RemoteCalendar>, CloudError> {
        match self {
            Client::Google(client) => client.calendars().await,
            Client::Microsoft(client) => client.calendars().await,
        }
    }

    /// Who the host is at the vendor: the address of their own calendar.
    pub async fn primary_address(&self) -> Result<String, CloudError> {
        match self {
            Client::Google(client) => client.primary_address().await,
            Client::Microsoft(client) => client.primary_address().await,
        }
    }

    /// The events of `calendar` changed since `sync_token`, or all of them over `window`
    /// without one (or when the vendor says it expired).
    pub async fn changes(
        &self,
        calendar: &str,
        sync_token: Option<&str>,
        window: (DateTime<Utc>, DateTime<Utc>),
        zone: Tz,
    ) -> Result<Changes, CloudError> {
        if let Some(token) = sync_token {
            match self.list(calendar, Some(token), window, zone).await {
                Err(CloudError::Gone(_)) => {}
                done => return done,
            }
        }
        self.list(calendar, None, window, zone).await
    }

    async fn list(
        &self,
        calendar: &str,
        sync_token: Option<&str>,
        window: (DateTime<Utc>, DateTime<Utc>),
        zone: Tz,
    ) -> Result<Changes, CloudError> {
        match self {
            Client::Google(client) => client.list(calendar, sync_token, window, zone).await,
            Client::Microsoft(client) => client.list(calendar, sync_token, window, zone).await,
        }
    }

    /// Creates or updates Kairos's event for a meeting in `calendar`, with the video
    /// meeting the event asks for; `before` is the id of the event written there before.
    pub async fn put_event(
        &self,
        calendar: &str,
        event: &HostEvent,
        before: Option<&str>,
    ) -> Result<Put, CloudError> {
        match self {
            Client::Google(client) => client.put_event(calendar, event, before.is_some()).await,
            Client::Microsoft(client) => client.put_event(calendar, event, before).await,
        }
    }

    /// Deletes Kairos's event `id` from `calendar`; one already gone is fine.
    pub async fn delete_event(&self, calendar: &str, id: &str) -> Result<(), CloudError> {
        match self {
            Client::Google(client) => client.delete_event(calendar, id).await,
            Client::Microsoft(client) => client.delete_event(id).await,
        }
    }
}

/// Where `target` is called: a path under `base`, a link under `base`, or a link under
/// the vendor's `own` address, taken through `base`; `None` for a link anywhere else.
fn address(base: &str, own: &str, target: &str) -> Option<String> {
    let under = |prefix: &str| {
        target
            .strip_prefix(prefix)
            .filter(|rest| rest.starts_with('/'))
            .map(|rest| format!("{base}{rest}"))
    };
    if target.starts_with('/') {
        Some(format!("{base}{target}"))
    } else {
        under(base).or_else(|| under(own))
    }
}

/// A path segment: calendar and event ids may hold `#`, `@`, `/` or `=`.
pub fn segment(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// An event's description with the booking's link, once.
pub fn description_with_link(event: &HostEvent) -> String {
    let mut description = event.description.clone();
    if !description.contains(&event.url) {
        description.push_str(&format!("\n{}", event.url));
    }
    description
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_from_answers_stay_with_the_vendors_api() {
        let (own, proxy) = (
            "https://graph.microsoft.com/v1.0",
            "http://egress:3128/v1.0",
        );
        assert_eq!(
            address(proxy, own, "/me/calendars").as_deref(),
            Some("http://egress:3128/v1.0/me/calendars")
        );
        assert_eq!(
            address(
                proxy,
                own,
                "https://graph.microsoft.com/v1.0/me/calendars?$skiptoken=2"
            )
            .as_deref(),
            Some("http://egress:3128/v1.0/me/calendars?$skiptoken=2"),
            "a link the proxy passed on unchanged goes through the proxy"
        );
        assert_eq!(
            address(own, own, "https://graph.microsoft.com/v1.0/me/events").as_deref(),
            Some("https://graph.microsoft.com/v1.0/me/events")
        );
        for elsewhere in [
            "https://graph.microsoft.com.evil.example/v1.0/me",
            "https://graph.microsoft.com/v1.0evil/me",
            "https://attacker.example/v1.0/me",
            "http://169.254.169.254/latest",
        ] {
            assert_eq!(address(proxy, own, elsewhere), None, "{elsewhere}");
        }
    }
}

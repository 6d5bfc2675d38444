//! Google Calendar through its API (v3): the host's calendar list, their events as busy
//! time (incremental with `syncToken`; a 410 answer means listing everything again), and
//! Kairos's own events written with an id derived from the meeting's UID, so a retried
//! insert finds its event instead of adding a second one.
//!
//! Google expands recurring events itself (`singleEvents=true`): each instance, moved or
//! cancelled ones included, comes as its own item, which is what the replica stores.
//! Access tokens come from [`oauth::access_token`]; a 401 refreshes once and retries.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::db::calendars::BusyTime;
use crate::integrations::Deps;
use crate::integrations::calendars::caldav::RemoteCalendar;
use crate::integrations::oauth::{self, OAuthError, Vendor};
use crate::outbound;

/// The largest answer read from the API.
const MAX_ANSWER: usize = 8 * 1024 * 1024;
/// Items per page of an event listing (Google's most).
const PAGE_SIZE: &str = "2500";
/// At most this many pages are read in one listing.
const MAX_PAGES: usize = 40;

/// Why a call to Google did not work, in words for the host.
#[derive(Debug, thiserror::Error)]
pub enum GoogleError {
    #[error("{0}")]
    Auth(#[from] OAuthError),
    #[error("Google asked to slow down; trying again later")]
    RateLimited { retry_after: Option<u64> },
    #[error("Google answered HTTP {0}")]
    Status(u16),
    #[error("Google could not be reached: {0}")]
    Unreachable(String),
    #[error("Google's answer could not be read")]
    Unreadable,
    /// The sync token is no longer valid (410): list everything again.
    #[error("Google asked for a full sync")]
    Gone,
}

/// How requests are authorized: the account's grant (refreshed as needed), or an access
/// token just obtained for an account not stored yet.
pub enum Auth<'a> {
    Account(i64),
    Token(&'a str),
}

/// One account's access to the API.
pub struct Client<'a> {
    deps: &'a Deps,
    auth: Auth<'a>,
    api: String,
}

/// One answer: status and JSON body.
struct Answer {
    status: StatusCode,
    body: Value,
}

impl<'a> Client<'a> {
    pub fn new(deps: &'a Deps, auth: Auth<'a>) -> Self {
        let api = deps.instance.vendor_endpoints(Vendor::Google).api;
        Self { deps, auth, api }
    }

    async fn token(&self, rejected: Option<&str>) -> Result<String, GoogleError> {
        match &self.auth {
            Auth::Account(id) => {
                Ok(oauth::access_token(self.deps, Vendor::Google, *id, rejected).await?)
            }
            Auth::Token(token) if rejected.is_none() => Ok((*token).to_string()),
            Auth::Token(_) => Err(OAuthError::Refused(
                Vendor::Google.label(),
                "the access it just granted was refused".into(),
            )
            .into()),
        }
    }

    /// Calls the API; an expired access token (401) is refreshed once. Rate limits and
    /// server errors are errors for the job queue to retry later.
    async fn call(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<&Value>,
    ) -> Result<Answer, GoogleError> {
        let mut token = self.token(None).await?;
        for attempt in 0..2 {
            let answer = self.send(&method, path, query, body, &token).await?;
            match answer.status {
                StatusCode::UNAUTHORIZED if attempt == 0 => {
                    token = self.token(Some(&token)).await?;
                }
                StatusCode::TOO_MANY_REQUESTS => {
                    return Err(GoogleError::RateLimited {
                        retry_after: answer.retry_after(),
                    });
                }
                StatusCode::FORBIDDEN if answer.reason() == Some("rateLimitExceeded") => {
                    return Err(GoogleError::RateLimited { retry_after: None });
                }
                StatusCode::GONE => return Err(GoogleError::Gone),
                status if status.is_server_error() => {
                    return Err(GoogleError::Status(status.as_u16()));
                }
                _ => return Ok(answer),
            }
        }
        Err(GoogleError::Status(401))
    }

    async fn send(
        &self,
        method: &Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<&Value>,
        token: &str,
    ) -> Result<Answer, GoogleError> {
        let mut url = url::Url::parse(&format!("{}{path}", self.api))
            .map_err(|_| GoogleError::Unreachable("the API address is not valid".into()))?;
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        let target = outbound::check_target(url.as_str(), self.deps.policy())
            .await
            .map_err(|err| GoogleError::Unreachable(format!("the address {err}")))?;
        let client = outbound::client_for(&target)
            .map_err(|err| GoogleError::Unreachable(outbound::describe(&err)))?;
        let mut request = client
            .request(method.clone(), target.url.clone())
            .bearer_auth(token);
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request
            .send()
            .await
            .map_err(|err| GoogleError::Unreachable(outbound::describe(&err)))?;
        let status = response.status();
        let retry_after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok());
        let bytes = oauth::read_capped(response, MAX_ANSWER)
            .await
            .map_err(GoogleError::Unreachable)?;
        let mut body: Value = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).unwrap_or(Value::Null)
        };
        if let (Some(seconds), Value::Object(map)) = (retry_after, &mut body) {
            map.insert("retryAfter".into(), json!(seconds));
        } else if let Some(seconds) = retry_after {
            body = json!({ "retryAfter": seconds });
        }
        Ok(Answer { status, body })
    }

    /// The calendars of the account: id, name, and whether Kairos may write there.
    pub async fn calendars(&self) -> Result<Vec<RemoteCalendar>, GoogleError> {
        let mut found = Vec::new();
        let mut page: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let mut query = vec![("maxResults", "250")];
            if let Some(token) = &page {
                query.push(("pageToken", token));
            }
            let answer = self
                .call(Method::GET, "/users/me/calendarList", &query, None)
                .await?;
            answer.expect_ok()?;
            for item in answer.items() {
                let (Some(id), role) = (item["id"].as_str(), item["accessRole"].as_str()) else {
                    continue;
                };
                found.push(RemoteCalendar {
                    href: id.to_string(),
                    name: item["summaryOverride"]
                        .as_str()
                        .or(item["summary"].as_str())
                        .unwrap_or(id)
                        .to_string(),
                    read_only: !matches!(role, Some("owner" | "writer")),
                    ctag: None,
                    sync_token: None,
                });
            }
            page = answer.body["nextPageToken"].as_str().map(str::to_string);
            if page.is_none() {
                break;
            }
        }
        Ok(found)
    }

    /// The address of the account's primary calendar: who the host is at Google.
    pub async fn primary_address(&self) -> Result<String, GoogleError> {
        let answer = self
            .call(Method::GET, "/users/me/calendarList/primary", &[], None)
            .await?;
        answer.expect_ok()?;
        answer.body["id"]
            .as_str()
            .map(str::to_string)
            .ok_or(GoogleError::Unreadable)
    }

    /// The events of `calendar` changed since `sync_token`, or all of them from `from` to
    /// `to` without one (or when Google says the token expired).
    pub async fn changes(
        &self,
        calendar: &str,
        sync_token: Option<&str>,
        (from, to): (DateTime<Utc>, DateTime<Utc>),
        zone: Tz,
    ) -> Result<Changes, GoogleError> {
        if let Some(token) = sync_token {
            match self.list(calendar, Some(token), from, to, zone).await {
                Err(GoogleError::Gone) => {}
                done => return done,
            }
        }
        self.list(calendar, None, from, to, zone).await
    }

    async fn list(
        &self,
        calendar: &str,
        sync_token: Option<&str>,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        zone: Tz,
    ) -> Result<Changes, GoogleError> {
        let path = format!("/calendars/{}/events", segment(calendar));
        let (time_min, time_max) = (from.to_rfc3339(), to.to_rfc3339());
        let mut changes = Changes {
            full: sync_token.is_none(),
            ..Changes::default()
        };
        let mut page: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let mut query = vec![("singleEvents", "true"), ("maxResults", PAGE_SIZE)];
            match sync_token {
                Some(token) => query.push(("syncToken", token)),
                None => {
                    query.push(("timeMin", &time_min));
                    query.push(("timeMax", &time_max));
                }
            }
            if let Some(token) = &page {
                query.push(("pageToken", token));
            }
            let answer = self.call(Method::GET, &path, &query, None).await?;
            answer.expect_ok()?;
            for item in answer.items() {
                let Some(id) = item["id"].as_str() else {
                    continue;
                };
                match busy_of(item, zone) {
                    Some(busy) => changes.changed.push((id.to_string(), busy)),
                    None => changes.removed.push(id.to_string()),
                }
            }
            page = answer.body["nextPageToken"].as_str().map(str::to_string);
            if page.is_none() {
                changes.sync_token = answer.body["nextSyncToken"].as_str().map(str::to_string);
                return Ok(changes);
            }
        }
        // More pages than Kairos reads in one sync: what was read is kept, and the next
        // sync starts over.
        changes.sync_token = None;
        Ok(changes)
    }

    /// Creates or updates Kairos's event `event` in `calendar`. An event written before
    /// (`known`) is updated, and inserted again if the host deleted it for good; a new one
    /// is inserted with its fixed id, and if that id exists (an earlier attempt stored it
    /// and its answer was lost) it is updated in place. Returns the event's id and etag.
    pub async fn put_event(
        &self,
        calendar: &str,
        event: &Value,
        known: bool,
    ) -> Result<(String, Option<String>), GoogleError> {
        let id = event["id"].as_str().unwrap_or_default().to_string();
        let base = format!("/calendars/{}/events", segment(calendar));
        let path = format!("{base}/{}", segment(&id));
        let query = [("sendUpdates", "none")];
        let mut answer = if known {
            self.call(Method::PUT, &path, &query, Some(event)).await?
        } else {
            self.call(Method::POST, &base, &query, Some(event)).await?
        };
        if known && answer.status == StatusCode::NOT_FOUND {
            answer = self.call(Method::POST, &base, &query, Some(event)).await?;
        }
        if answer.status == StatusCode::CONFLICT {
            answer = self.call(Method::PUT, &path, &query, Some(event)).await?;
        }
        answer.expect_ok()?;
        Ok((id, answer.body["etag"].as_str().map(str::to_string)))
    }

    /// Deletes Kairos's event `id` from `calendar`; one already gone is fine.
    pub async fn delete_event(&self, calendar: &str, id: &str) -> Result<(), GoogleError> {
        let path = format!("/calendars/{}/events/{}", segment(calendar), segment(id));
        match self
            .call(Method::DELETE, &path, &[("sendUpdates", "none")], None)
            .await
        {
            Err(GoogleError::Gone) => Ok(()),
            Ok(answer) if answer.status == StatusCode::NOT_FOUND => Ok(()),
            Ok(answer) => answer.expect_ok(),
            Err(err) => Err(err),
        }
    }
}

impl Answer {
    fn expect_ok(&self) -> Result<(), GoogleError> {
        if self.status.is_success() {
            Ok(())
        } else {
            Err(GoogleError::Status(self.status.as_u16()))
        }
    }

    fn items(&self) -> impl Iterator<Item = &Value> {
        self.body["items"].as_array().into_iter().flatten()
    }

    fn retry_after(&self) -> Option<u64> {
        self.body["retryAfter"].as_u64()
    }

    /// Google's reason for a refusal (`error.errors[0].reason`).
    fn reason(&self) -> Option<&str> {
        self.body["error"]["errors"][0]["reason"].as_str()
    }
}

/// What changed in a calendar.
#[derive(Debug, Default)]
pub struct Changes {
    /// Events (each instance of a recurring one on its own) and their busy time: none when
    /// the event does not block (transparent).
    pub changed: Vec<(String, Vec<BusyTime>)>,
    /// Events cancelled or deleted.
    pub removed: Vec<String>,
    pub sync_token: Option<String>,
    /// Everything was listed: events not among `changed` are gone.
    pub full: bool,
}

/// An event's busy time: `None` when it is cancelled (gone), empty when it does not
/// block. All-day events block their days in the host's zone.
fn busy_of(item: &Value, zone: Tz) -> Option<Vec<BusyTime>> {
    if item["status"].as_str() == Some("cancelled") {
        return None;
    }
    if item["transparency"].as_str() == Some("transparent") {
        return Some(Vec::new());
    }
    let uid = item["iCalUID"]
        .as_str()
        .or(item["id"].as_str())
        .unwrap_or_default()
        .to_string();
    let (Some(start), Some(end)) = (instant(&item["start"], zone), instant(&item["end"], zone))
    else {
        // An event without a readable time is skipped, never fatal.
        return Some(Vec::new());
    };
    if end <= start {
        return Some(Vec::new());
    }
    Some(vec![BusyTime { uid, start, end }])
}

/// A Google `start` or `end`: a `dateTime` with its offset, or an all-day `date`.
fn instant(value: &Value, zone: Tz) -> Option<DateTime<Utc>> {
    if let Some(text) = value["dateTime"].as_str() {
        return DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|t| t.with_timezone(&Utc));
    }
    let date = NaiveDate::parse_from_str(value["date"].as_str()?, "%Y-%m-%d").ok()?;
    crate::model::time::start_of_day(zone, date)
}

/// A path segment: calendar ids are email addresses and may hold `#`.
fn segment(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// The id of Kairos's event for the meeting `uid`: Google event ids are 5–1024 characters
/// of base32hex (`a`–`v`, `0`–`9`); a hash of the UID in hexadecimal is one, and the same
/// for every attempt.
pub fn event_id(uid: &str) -> String {
    use sha2::Digest;
    format!(
        "kairos{}",
        hex::encode(&sha2::Sha256::digest(uid.as_bytes())[..16])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_become_busy_time_as_the_replica_keeps_it() {
        let zone = chrono_tz::Europe::Berlin;
        let timed = json!({
            "id": "abc_20270104T090000Z", "iCalUID": "abc@google.com", "status": "confirmed",
            "start": { "dateTime": "2027-01-04T10:00:00+01:00" },
            "end": { "dateTime": "2027-01-04T11:00:00+01:00" }
        });
        let busy = busy_of(&timed, zone).unwrap_or_default();
        assert_eq!(busy.len(), 1);
        assert_eq!(busy[0].uid, "abc@google.com");
        assert_eq!(busy[0].start.to_rfc3339(), "2027-01-04T09:00:00+00:00");

        let all_day = json!({ "id": "d", "start": { "date": "2027-01-05" }, "end": { "date": "2027-01-06" } });
        let busy = busy_of(&all_day, zone).unwrap_or_default();
        assert_eq!(busy[0].start.to_rfc3339(), "2027-01-04T23:00:00+00:00");
        assert_eq!(busy[0].end.to_rfc3339(), "2027-01-05T23:00:00+00:00");

        let free = json!({ "id": "f", "transparency": "transparent",
            "start": { "date": "2027-01-05" }, "end": { "date": "2027-01-06" } });
        assert_eq!(busy_of(&free, zone).map(|b| b.len()), Some(0));
        assert!(busy_of(&json!({ "id": "x", "status": "cancelled" }), zone).is_none());
        let tentative = json!({ "id": "t", "status": "tentative",
            "start": { "dateTime": "2027-01-04T10:00:00Z" }, "end": { "dateTime": "2027-01-04T10:30:00Z" } });
        assert_eq!(busy_of(&tentative, zone).map(|b| b.len()), Some(1));
        let broken = json!({ "id": "b", "start": { "dateTime": "tomorrow" }, "end": {} });
        assert_eq!(busy_of(&broken, zone).map(|b| b.len()), Some(0));
    }

    #[test]
    fn event_ids_are_base32hex_and_stable() {
        let id = event_id("4f1c@kairos");
        assert_eq!(id, event_id("4f1c@kairos"));
        assert_ne!(id, event_id("4f1d@kairos"));
        assert!(id.len() >= 5 && id.len() <= 1024);
        assert!(id.chars().all(|c| matches!(c, 'a'..='v' | '0'..='9')));
    }
}

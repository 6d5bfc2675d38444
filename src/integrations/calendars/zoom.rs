//! Zoom meetings through Zoom's API (v2), with the host's OAuth grant: who the host is,
//! and one scheduled meeting per booking, created, moved and deleted.
//!
//! Zoom has no idempotency key, so each meeting carries the booking's meeting UID in its
//! agenda, and a create looks for a meeting with that UID first: a create retried after
//! a lost answer finds the meeting instead of making a second one.

use chrono::{DateTime, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::integrations::calendars::cloud::{Api, CloudError, segment};

/// At most this many pages of upcoming meetings are searched for a meeting made before.
const MAX_PAGES: usize = 10;

/// What a Zoom meeting is for: its title, time and the meeting UID it is found by.
#[derive(Debug, Clone)]
pub struct MeetingSpec {
    pub uid: String,
    pub topic: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// The marker in a meeting's agenda that names the booking it is for.
fn marker(uid: &str) -> String {
    format!("Kairos booking {uid}")
}

/// One account's access to Zoom.
pub struct Client<'a> {
    api: Api<'a>,
}

impl<'a> Client<'a> {
    pub fn new(api: Api<'a>) -> Self {
        Self { api }
    }

    /// Who the host is at Zoom: their address.
    pub async fn address(&self) -> Result<String, CloudError> {
        let answer = self.api.call(Method::GET, "/users/me", &[], None).await?;
        answer.expect_ok(self.api.vendor())?;
        answer.body["email"]
            .as_str()
            .map(str::to_string)
            .ok_or(CloudError::Unreadable(self.api.vendor()))
    }

    fn body(spec: &MeetingSpec) -> Value {
        let minutes = (spec.end - spec.start).num_minutes().max(1);
        json!({
            "topic": spec.topic.chars().take(200).collect::<String>(),
            "type": 2,
            "start_time": spec.start.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            "duration": minutes,
            "timezone": "UTC",
            "agenda": marker(&spec.uid),
            "settings": { "join_before_host": false, "waiting_room": true },
        })
    }

    /// The meeting for `spec`: the one made before for its UID (updated to its time), or
    /// a new one. Returns the meeting's join link.
    pub async fn ensure(&self, spec: &MeetingSpec) -> Result<String, CloudError> {
        let vendor = self.api.vendor();
        if let Some((id, link)) = self.find(&spec.uid).await?
            && self.update(&id, spec).await?
        {
            return Ok(link);
        }
        let answer = self
            .api
            .call(
                Method::POST,
                "/users/me/meetings",
                &[],
                Some(&Self::body(spec)),
            )
            .await?;
        answer.expect_ok(vendor)?;
        answer.body["join_url"]
            .as_str()
            .filter(|link| link.starts_with("https://"))
            .map(str::to_string)
            .ok_or(CloudError::Unreadable(vendor))
    }

    /// The upcoming meeting made for `uid`: its id and join link.
    async fn find(&self, uid: &str) -> Result<Option<(String, String)>, CloudError> {
        let wanted = marker(uid);
        let mut page: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let mut query = vec![("type", "upcoming"), ("page_size", "300")];
            if let Some(token) = &page {
                query.push(("next_page_token", token));
            }
            let answer = self
                .api
                .call(Method::GET, "/users/me/meetings", &query, None)
                .await?;
            answer.expect_ok(self.api.vendor())?;
            let found = answer
                .items("meetings")
                .find(|m| m["agenda"] == wanted.as_str());
            if let Some(meeting) = found {
                let id = match &meeting["id"] {
                    Value::Number(n) => n.to_string(),
                    Value::String(s) => s.clone(),
                    _ => continue,
                };
                let link = meeting["join_url"].as_str().unwrap_or_default();
                return Ok(Some((id, link.to_string())));
            }
            page = answer.body["next_page_token"]
                .as_str()
                .filter(|t| !t.is_empty())
                .map(str::to_string);
            if page.is_none() {
                break;
            }
        }
        Ok(None)
    }

    /// Moves meeting `id` to the time of `spec`; `false` when it is gone at Zoom.
    pub async fn update(&self, id: &str, spec: &MeetingSpec) -> Result<bool, CloudError> {
        let path = format!("/meetings/{}", segment(id));
        let answer = self
            .api
            .call(Method::PATCH, &path, &[], Some(&Self::body(spec)))
            .await?;
        if answer.status == StatusCode::NOT_FOUND {
            return Ok(false);
        }
        answer.expect_ok(self.api.vendor())?;
        Ok(true)
    }

    /// Deletes the meeting made for `uid`: meeting `id` when known, else the one found by
    /// its UID (a create whose answer was lost).
    pub async fn remove(&self, uid: &str, id: Option<&str>) -> Result<(), CloudError> {
        let id = match id {
            Some(id) => Some(id.to_string()),
            None => self.find(uid).await?.map(|(id, _)| id),
        };
        match id {
            Some(id) => self.delete(&id).await,
            None => Ok(()),
        }
    }

    /// Deletes meeting `id`; one already gone is fine.
    pub async fn delete(&self, id: &str) -> Result<(), CloudError> {
        self.api
            .delete(&format!("/meetings/{}", segment(id)), &[])
            .await
    }
}

/// The meeting id in a Zoom join link (`https://zoom.us/j/85746352436?pwd=…`).
pub fn meeting_id(link: &str) -> Option<String> {
    let url = url::Url::parse(link).ok()?;
    let mut segments = url.path_segments()?;
    segments.find(|s| *s == "j")?;
    segments
        .next()
        .filter(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_meeting_id_is_read_from_its_join_link() {
        assert_eq!(
            meeting_id("https://us02web.zoom.us/j/85746352436?pwd=abc").as_deref(),
            Some("85746352436")
        );
        assert_eq!(meeting_id("https://zoom.us/j/").as_deref(), None);
        assert_eq!(meeting_id("https://zoom.us/my/clara").as_deref(), None);
        assert_eq!(meeting_id("not a link"), None);
    }
}

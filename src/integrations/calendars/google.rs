//! Google Calendar through its API (v3): the host's calendar list, their events as busy
//! time (incremental with `syncToken`; a 410 answer means listing everything again), and
//! Kairos's own events written with an id derived from the meeting's UID, so a retried
//! insert finds its event instead of adding a second one.
//!
//! Google expands recurring events itself (`singleEvents=true`): each instance, moved or
//! cancelled ones included, comes as its own item, which is what the replica stores.
//! Calls go through [`cloud::Api`]: access tokens refreshed as needed, rate limits
//! retried later.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::db::calendars::BusyTime;
use crate::integrations::calendars::caldav::RemoteCalendar;
use crate::integrations::calendars::cloud::{self, Api, Changes, CloudError, Put, segment};
use crate::integrations::calendars::write::HostEvent;
use crate::model::event_types::VideoProvider;

/// Items per page of an event listing (Google's most).
const PAGE_SIZE: &str = "2500";
/// At most this many pages are read in one listing.
const MAX_PAGES: usize = 40;

/// One account's access to the Calendar API.
pub struct Client<'a> {
    api: Api<'a>,
}

impl<'a> Client<'a> {
    pub fn new(api: Api<'a>) -> Self {
        Self { api }
    }

    /// The calendars of the account: id, name, and whether Kairos may write there.
    pub async fn calendars(&self) -> Result<Vec<RemoteCalendar>, CloudError> {
        let mut found = Vec::new();
        let mut page: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let mut query = vec![("maxResults", "250")];
            if let Some(token) = &page {
                query.push(("pageToken", token));
            }
            let answer = self
                .api
                .call(Method::GET, "/users/me/calendarList", &query, None)
                .await?;
            answer.expect_ok(self.api.vendor())?;
            for item in answer.items("items") {
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
    pub async fn primary_address(&self) -> Result<String, CloudError> {
        let answer = self
            .api
            .call(Method::GET, "/users/me/calendarList/primary", &[], None)
            .await?;
        answer.expect_ok(self.api.vendor())?;
        answer.body["id"]
            .as_str()
            .map(str::to_string)
            .ok_or(CloudError::Unreadable(self.api.vendor()))
    }

    /// One listing: changes since `sync_token`, or everything over the window.
    pub async fn list(
        &self,
        calendar: &str,
        sync_token: Option<&str>,
        (from, to): (DateTime<Utc>, DateTime<Utc>),
        zone: Tz,
    ) -> Result<Changes, CloudError> {
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
            let answer = self.api.call(Method::GET, &path, &query, None).await?;
            answer.expect_ok(self.api.vendor())?;
            for item in answer.items("items") {
                let Some(id) = item["id"].as_str() else {
                    continue;
                };
                changes.record(id, busy_of(item, zone));
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

    /// Creates or updates Kairos's event in `calendar`. An event written before (`known`)
    /// is updated, and inserted again if the host deleted it for good; a new one is
    /// inserted with its fixed id, and if that id exists (an earlier attempt stored it and
    /// its answer was lost) it is updated in place.
    ///
    /// A Google Meet conference is asked for while the booking has no link
    /// (`conferenceDataVersion=1`, with a request id fixed per revision of the meeting, so
    /// a retried write asks for the same one); other writes leave the version out, which
    /// keeps the conference the event has.
    pub async fn put_event(
        &self,
        calendar: &str,
        event: &HostEvent,
        known: bool,
    ) -> Result<Put, CloudError> {
        let body = event_json(event);
        let id = event_id(&event.uid);
        let base = format!("/calendars/{}/events", segment(calendar));
        let path = format!("{base}/{}", segment(&id));
        // With a conference asked for, Google reads `conferenceData` (a request id it saw
        // before gives the same conference); without, it keeps the event's conference.
        let query: &[(&str, &str)] = if body.get("conferenceData").is_some() {
            &[("sendUpdates", "none"), ("conferenceDataVersion", "1")]
        } else {
            &[("sendUpdates", "none")]
        };
        let api = &self.api;
        let mut answer = if known {
            api.call(Method::PUT, &path, query, Some(&body)).await?
        } else {
            api.call(Method::POST, &base, query, Some(&body)).await?
        };
        if known && answer.status == StatusCode::NOT_FOUND {
            answer = api.call(Method::POST, &base, query, Some(&body)).await?;
        }
        if answer.status == StatusCode::CONFLICT {
            answer = api.call(Method::PUT, &path, query, Some(&body)).await?;
        }
        answer.expect_ok(api.vendor())?;
        Ok(Put {
            id,
            version: answer.body["etag"].as_str().map(str::to_string),
            join_url: join_url(&answer.body),
        })
    }

    /// Deletes Kairos's event `id` from `calendar`; one already gone is fine.
    pub async fn delete_event(&self, calendar: &str, id: &str) -> Result<(), CloudError> {
        let path = format!("/calendars/{}/events/{}", segment(calendar), segment(id));
        self.api.delete(&path, &[("sendUpdates", "none")]).await
    }
}

/// The Google Meet link of an event: its `hangoutLink`, or the video entry point of its
/// conference.
fn join_url(event: &Value) -> Option<String> {
    event["hangoutLink"]
        .as_str()
        .or_else(|| {
            event["conferenceData"]["entryPoints"]
                .as_array()?
                .iter()
                .find(|entry| entry["entryPointType"] == "video")?["uri"]
                .as_str()
        })
        .map(str::to_string)
}

/// Kairos's event as Google takes it: its fixed id, the invitation's UID (the host's
/// calendar shows one event), no attendees (Kairos sends its own invitations), and the
/// request for a Google Meet conference when the booking needs one.
fn event_json(event: &HostEvent) -> Value {
    let mut body = json!({
        "id": event_id(&event.uid),
        "iCalUID": event.uid,
        "sequence": event.sequence,
        "summary": event.title,
        "description": cloud::description_with_link(event),
        "location": event.location,
        "start": { "dateTime": event.start.to_rfc3339() },
        "end": { "dateTime": event.end.to_rfc3339() },
        "status": if event.tentative { "tentative" } else { "confirmed" },
        "transparency": "opaque",
        "source": { "title": "Kairos", "url": event.url },
    });
    if event.meeting == Some(VideoProvider::GoogleMeet) {
        body["conferenceData"] = json!({ "createRequest": {
            "requestId": event_id(&format!("{}#{}", event.uid, event.sequence)),
            "conferenceSolutionKey": { "type": "hangoutsMeet" },
        } });
    }
    body
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

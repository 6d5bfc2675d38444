//! Microsoft 365 and Outlook.com calendars through Microsoft Graph (v1.0): the host's
//! calendars, their events as busy time (incremental with `calendarView/delta`: the delta
//! link of the last round is kept; a 410 answer means a new round over the whole window),
//! and Kairos's own events, created with a `transactionId` so that a create retried after
//! a lost answer finds the event instead of adding a second one.
//!
//! A calendar view lists each instance of a recurring event on its own, as Google's
//! `singleEvents` does. Times are asked in UTC (`Prefer: outlook.timezone="UTC"`).
//! Graph sets an event's `iCalUId` itself, so Kairos knows its own events by their
//! `transactionId`: the meeting's UID.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::db::calendars::BusyTime;
use crate::integrations::calendars::caldav::RemoteCalendar;
use crate::integrations::calendars::cloud::{self, Api, Changes, CloudError, Put, segment};
use crate::integrations::calendars::write::HostEvent;
use crate::model::booking::OWN_UID;
use crate::model::event_types::VideoProvider;

/// At most this many pages are read in one listing (of up to 250 events each).
const MAX_PAGES: usize = 200;

/// One account's access to Microsoft Graph.
pub struct Client<'a> {
    api: Api<'a>,
}

impl<'a> Client<'a> {
    pub fn new(api: Api<'a>) -> Self {
        Self { api }
    }

    /// The next page of a listing: Graph's whole link, which the API checks lies under
    /// its own address.
    fn next_link(answer: &cloud::Answer) -> Option<String> {
        answer.body["@odata.nextLink"].as_str().map(str::to_string)
    }

    /// The calendars of the mailbox: id, name, and whether Kairos may write there.
    pub async fn calendars(&self) -> Result<Vec<RemoteCalendar>, CloudError> {
        let mut found = Vec::new();
        let mut target = "/me/calendars".to_string();
        let select = [("$select", "id,name,canEdit")];
        let mut query: &[(&str, &str)] = &select;
        for _ in 0..MAX_PAGES {
            let answer = self.api.call(Method::GET, &target, query, None).await?;
            answer.expect_ok(self.api.vendor())?;
            for item in answer.items("value") {
                let Some(id) = item["id"].as_str() else {
                    continue;
                };
                found.push(RemoteCalendar {
                    href: id.to_string(),
                    name: item["name"].as_str().unwrap_or(id).to_string(),
                    read_only: item["canEdit"].as_bool() != Some(true),
                    ctag: None,
                    sync_token: None,
                });
            }
            match Self::next_link(&answer) {
                Some(link) => {
                    target = link;
                    query = &[];
                }
                None => break,
            }
        }
        Ok(found)
    }

    /// Who the host is at Microsoft: the owner of their default calendar.
    pub async fn primary_address(&self) -> Result<String, CloudError> {
        let answer = self
            .api
            .call(Method::GET, "/me/calendar", &[("$select", "owner")], None)
            .await?;
        answer.expect_ok(self.api.vendor())?;
        answer.body["owner"]["address"]
            .as_str()
            .map(str::to_string)
            .ok_or(CloudError::Unreadable(self.api.vendor()))
    }

    /// One round of the calendar view's delta: from the stored delta link, or a new round
    /// over the window.
    pub async fn list(
        &self,
        calendar: &str,
        delta_link: Option<&str>,
        (from, to): (DateTime<Utc>, DateTime<Utc>),
        zone: Tz,
    ) -> Result<Changes, CloudError> {
        let mut changes = Changes {
            full: delta_link.is_none(),
            ..Changes::default()
        };
        let (start, end) = (graph_time(from), graph_time(to));
        let window = [
            ("startDateTime", start.as_str()),
            ("endDateTime", end.as_str()),
        ];
        let (mut target, mut query): (String, &[(&str, &str)]) = match delta_link {
            Some(link) => (link.to_string(), &[]),
            None => (
                format!("/me/calendars/{}/calendarView/delta", segment(calendar)),
                &window,
            ),
        };
        for _ in 0..MAX_PAGES {
            let answer = self.api.call(Method::GET, &target, query, None).await?;
            answer.expect_ok(self.api.vendor())?;
            for item in answer.items("value") {
                let Some(id) = item["id"].as_str() else {
                    continue;
                };
                changes.record(id, busy_of(item, zone));
            }
            match Self::next_link(&answer) {
                Some(link) => {
                    target = link;
                    query = &[];
                }
                None => {
                    changes.sync_token =
                        answer.body["@odata.deltaLink"].as_str().map(str::to_string);
                    return Ok(changes);
                }
            }
        }
        // More pages than Kairos reads in one sync: what was read is kept, and the next
        // sync starts a new round.
        changes.sync_token = None;
        Ok(changes)
    }

    /// Creates or updates Kairos's event in `calendar`. An event written before (`before`,
    /// its id) is patched, and created again if the host deleted it; a new one is created
    /// with the meeting's UID as `transactionId`, so a create whose answer was lost, tried
    /// again, gives back the event already made. Returns the event's id and version.
    pub async fn put_event(
        &self,
        calendar: &str,
        event: &HostEvent,
        before: Option<&str>,
    ) -> Result<Put, CloudError> {
        let vendor = self.api.vendor();
        let mut body = event_json(event);
        if let Some(id) = before {
            let path = format!("/me/events/{}", segment(id));
            let mut patch = body.clone();
            // Outlook writes a Teams meeting's joining details into the event's text: a
            // patch leaves that text alone.
            if event.online
                && let Some(patch) = patch.as_object_mut()
            {
                patch.remove("body");
            }
            let answer = self
                .api
                .call(Method::PATCH, &path, &[], Some(&patch))
                .await?;
            if answer.status != StatusCode::NOT_FOUND {
                answer.expect_ok(vendor)?;
                return Ok(put_of(id, &answer.body));
            }
        }
        body["transactionId"] = json!(event.uid);
        let path = format!("/me/calendars/{}/events", segment(calendar));
        let answer = self.api.call(Method::POST, &path, &[], Some(&body)).await?;
        answer.expect_ok(vendor)?;
        let id = answer.body["id"]
            .as_str()
            .ok_or(CloudError::Unreadable(vendor))?;
        Ok(put_of(id, &answer.body))
    }

    /// Deletes Kairos's event `id`; one already gone is fine.
    pub async fn delete_event(&self, id: &str) -> Result<(), CloudError> {
        self.api
            .delete(&format!("/me/events/{}", segment(id)), &[])
            .await
    }
}

/// What Graph gave back for event `id`: its version (ETag or change key) and the join
/// link of its Teams meeting.
fn put_of(id: &str, event: &Value) -> Put {
    Put {
        id: id.to_string(),
        version: event["@odata.etag"]
            .as_str()
            .or(event["changeKey"].as_str())
            .map(str::to_string),
        join_url: event["onlineMeeting"]["joinUrl"]
            .as_str()
            .map(str::to_string),
    }
}

/// A time as Graph takes it in a query: UTC, whole seconds.
fn graph_time(time: DateTime<Utc>) -> String {
    time.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Kairos's event as Graph takes it: no attendees, so Microsoft sends no invitations
/// (Kairos sends its own); tentative while the booking is a request; a Teams meeting when
/// the booking needs one (an event that has one keeps it).
fn event_json(event: &HostEvent) -> Value {
    let time = |at: DateTime<Utc>| json!({ "dateTime": at.format("%Y-%m-%dT%H:%M:%S").to_string(), "timeZone": "UTC" });
    let mut body = json!({
        "subject": event.title,
        "body": { "contentType": "text", "content": cloud::description_with_link(event) },
        "start": time(event.start),
        "end": time(event.end),
        "location": { "displayName": event.location.as_deref().unwrap_or_default() },
        "showAs": if event.tentative { "tentative" } else { "busy" },
    });
    if event.meeting == Some(VideoProvider::Teams) {
        body["isOnlineMeeting"] = json!(true);
        body["onlineMeetingProvider"] = json!("teamsForBusiness");
    }
    body
}

/// An event's busy time: `None` when it is deleted or cancelled (gone), empty when it does
/// not block (free, working elsewhere). All-day events block their days in the host's
/// zone.
fn busy_of(item: &Value, zone: Tz) -> Option<Vec<BusyTime>> {
    if item.get("@removed").is_some() || item["isCancelled"].as_bool() == Some(true) {
        return None;
    }
    if matches!(item["showAs"].as_str(), Some("free" | "workingElsewhere")) {
        return Some(Vec::new());
    }
    let own = item["transactionId"]
        .as_str()
        .filter(|uid| uid.ends_with(OWN_UID));
    let uid = own
        .or(item["iCalUId"].as_str())
        .or(item["id"].as_str())
        .unwrap_or_default()
        .to_string();
    let all_day = item["isAllDay"].as_bool() == Some(true);
    let (Some(start), Some(end)) = (
        instant(&item["start"], all_day, zone),
        instant(&item["end"], all_day, zone),
    ) else {
        // An event without a readable time is skipped, never fatal.
        return Some(Vec::new());
    };
    if end <= start {
        return Some(Vec::new());
    }
    Some(vec![BusyTime { uid, start, end }])
}

/// A Graph `dateTimeTimeZone`: a local time (to the tenth of a microsecond) and its zone,
/// UTC as asked or an IANA name. An all-day event's date begins its day in the host's zone.
fn instant(value: &Value, all_day: bool, zone: Tz) -> Option<DateTime<Utc>> {
    let text = value["dateTime"].as_str()?;
    if all_day {
        let date = NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()?;
        return crate::model::time::start_of_day(zone, date);
    }
    let local = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f").ok()?;
    match value["timeZone"].as_str().unwrap_or("UTC") {
        "UTC" | "" => Some(local.and_utc()),
        name => {
            let tz: Tz = name.parse().ok()?;
            tz.from_local_datetime(&local)
                .earliest()
                .map(|t| t.with_timezone(&Utc))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_events_become_busy_time_as_the_replica_keeps_it() {
        let zone = chrono_tz::Europe::Berlin;
        let timed = json!({
            "id": "AAMk1", "iCalUId": "040000008200E0", "showAs": "busy", "isAllDay": false,
            "start": { "dateTime": "2027-01-04T09:00:00.0000000", "timeZone": "UTC" },
            "end": { "dateTime": "2027-01-04T10:00:00.0000000", "timeZone": "UTC" }
        });
        let busy = busy_of(&timed, zone).unwrap_or_default();
        assert_eq!(busy.len(), 1);
        assert_eq!(busy[0].uid, "040000008200E0");
        assert_eq!(busy[0].start.to_rfc3339(), "2027-01-04T09:00:00+00:00");

        let zoned = json!({ "id": "z", "showAs": "tentative",
            "start": { "dateTime": "2027-01-04T10:00:00", "timeZone": "Europe/Berlin" },
            "end": { "dateTime": "2027-01-04T11:00:00", "timeZone": "Europe/Berlin" } });
        let busy = busy_of(&zoned, zone).unwrap_or_default();
        assert_eq!(busy[0].start.to_rfc3339(), "2027-01-04T09:00:00+00:00");

        let all_day = json!({ "id": "d", "isAllDay": true, "showAs": "oof",
            "start": { "dateTime": "2027-01-05T00:00:00.0000000", "timeZone": "UTC" },
            "end": { "dateTime": "2027-01-06T00:00:00.0000000", "timeZone": "UTC" } });
        let busy = busy_of(&all_day, zone).unwrap_or_default();
        assert_eq!(busy[0].start.to_rfc3339(), "2027-01-04T23:00:00+00:00");
        assert_eq!(busy[0].end.to_rfc3339(), "2027-01-05T23:00:00+00:00");

        let free = json!({ "id": "f", "showAs": "free",
            "start": { "dateTime": "2027-01-04T09:00:00", "timeZone": "UTC" },
            "end": { "dateTime": "2027-01-04T10:00:00", "timeZone": "UTC" } });
        assert_eq!(busy_of(&free, zone).map(|b| b.len()), Some(0));
        assert!(
            busy_of(
                &json!({ "id": "x", "@removed": { "reason": "deleted" } }),
                zone
            )
            .is_none()
        );
        assert!(busy_of(&json!({ "id": "c", "isCancelled": true }), zone).is_none());
        let broken = json!({ "id": "b", "start": { "dateTime": "tomorrow" }, "end": {} });
        assert_eq!(busy_of(&broken, zone).map(|b| b.len()), Some(0));
        let windows_zone = json!({ "id": "w",
            "start": { "dateTime": "2027-01-04T09:00:00", "timeZone": "Pacific Standard Time" },
            "end": { "dateTime": "2027-01-04T10:00:00", "timeZone": "Pacific Standard Time" } });
        assert_eq!(busy_of(&windows_zone, zone).map(|b| b.len()), Some(0));
    }

    #[test]
    fn kairos_knows_its_own_events_by_their_transaction_id() {
        let own = json!({ "id": "AAMk2", "iCalUId": "0400000082", "transactionId": "4f1c@kairos",
            "start": { "dateTime": "2027-01-04T09:00:00", "timeZone": "UTC" },
            "end": { "dateTime": "2027-01-04T09:30:00", "timeZone": "UTC" } });
        let busy = busy_of(&own, chrono_tz::UTC).unwrap_or_default();
        assert_eq!(busy[0].uid, "4f1c@kairos");
        let other = json!({ "id": "AAMk3", "iCalUId": "0400000083", "transactionId": "another-app",
            "start": { "dateTime": "2027-01-04T09:00:00", "timeZone": "UTC" },
            "end": { "dateTime": "2027-01-04T09:30:00", "timeZone": "UTC" } });
        assert_eq!(
            busy_of(&other, chrono_tz::UTC).unwrap_or_default()[0].uid,
            "0400000083"
        );
    }
}

//! The sync engine: each connected account is synced by a `calendar_sync` job on the
//! durable queue, every few minutes, into the local replica the slot loader reads. A
//! failing account records why, in words, and backs off; it never holds up the others.
//!
//! Busy time is kept from a day back to [`HORIZON_DAYS`] ahead. Recurring events are
//! expanded here, never by the server, and expanded again over the moving horizon once
//! a day: feeds are then fetched without their validators, CalDAV calendars listed whole.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;
use serde_json::json;

use crate::crypto::InstanceKey;
use crate::db::calendars::{self, Account, BusyTime, Calendar, Provider};
use crate::db::{DbError, users};
use crate::integrations::Deps;
use crate::integrations::calendars::caldav::{self, CaldavError};
use crate::integrations::calendars::cancellations;
use crate::integrations::calendars::cloud::{self, CloudError};
use crate::integrations::calendars::ical::{self, IcalError};
use crate::integrations::calendars::zoom;
use crate::integrations::oauth::Vendor;
use crate::jobs::{Job, JobFailure, Lane, NewJob, queue};
use crate::outbound::{self, Policy};

/// The job kind that syncs one account.
pub const SYNC_JOB: &str = "calendar_sync";
/// How far ahead busy time is kept.
pub const HORIZON_DAYS: i64 = 400;
/// The largest feed or calendar object read.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// The context the account's secret is sealed under.
const SECRET_CONTEXT: &str = "calendar_accounts.secret";
/// The replica's one object for a feed.
const FEED_OBJECT: &str = "feed";

/// Why a sync failed, in words for the host.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("{0}")]
    Caldav(#[from] CaldavError),
    #[error("{0}")]
    Feed(String),
    #[error("{0}")]
    Data(#[from] IcalError),
    #[error("{0}")]
    Cloud(#[from] CloudError),
    #[error("the stored credentials cannot be opened with this instance's key")]
    Credentials,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<rusqlite::Error> for SyncError {
    fn from(err: rusqlite::Error) -> Self {
        SyncError::Db(err.into())
    }
}

/// Seals an account's secret (a password, or a feed's URL).
pub fn seal(key: &InstanceKey, secret: &str) -> Vec<u8> {
    key.encrypt(secret.as_bytes(), SECRET_CONTEXT)
}

/// Opens an account's secret.
pub fn open(key: &InstanceKey, account: &Account) -> Result<String, SyncError> {
    let plain = key
        .decrypt(&account.secret_sealed, SECRET_CONTEXT)
        .map_err(|_| SyncError::Credentials)?;
    String::from_utf8(plain).map_err(|_| SyncError::Credentials)
}

/// Plans a sync of account `account_id` at `at`, and records it as the next one. A sync
/// planned earlier for another time then does nothing when it comes.
pub fn plan(
    conn: &Connection,
    account_id: i64,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    let payload = json!({ "accountId": account_id, "planned": at.timestamp() });
    let key = format!("calendar-sync:{account_id}:{}", at.timestamp());
    queue::enqueue(
        conn,
        &NewJob::new(SYNC_JOB, &payload, at)
            .dedupe_key(&key)
            .lane(Lane::Calendar),
        now,
    )?;
    calendars::set_next_sync(conn, account_id, at)
}

/// The calendar account a job is for (`accountId` in its payload).
pub(super) fn account_of(job: &Job) -> Result<i64, JobFailure> {
    job.payload
        .get("accountId")
        .and_then(serde_json::Value::as_i64)
        .ok_or_else(|| JobFailure::give_up("the job names no calendar account"))
}

fn db_failure(err: impl Into<DbError>) -> JobFailure {
    JobFailure::new(err.into().to_string())
}

/// Runs a `calendar_sync` job: syncs the account, records the outcome and plans the next
/// sync. A failed sync is recorded and retried later by plan, not by failing the job.
pub async fn run(deps: Deps, job: Job) -> Result<(), JobFailure> {
    let account_id = account_of(&job)?;
    let planned = job
        .payload
        .get("planned")
        .and_then(serde_json::Value::as_i64);
    let account = deps
        .db
        .read(move |conn| calendars::account(conn, account_id).map_err(DbError::from))
        .await
        .map_err(db_failure)?;
    let Some(account) = account else {
        // Disconnected since.
        return Ok(());
    };
    if planned.is_some() && account.next_sync_at.map(|t| t.timestamp()) != planned {
        // A newer plan (a "Sync now") took this one's place.
        return Ok(());
    }
    let result = sync_account(&deps, &account).await;
    let now = deps.now();
    let interval = deps.instance.calendar_sync_interval();
    let failures = account.failures;
    let outcome = result.as_ref().map(|_| ()).map_err(ToString::to_string);
    if let Err(reason) = &outcome {
        tracing::warn!(account_id, error = %reason, "calendar sync failed");
    }
    deps.db
        .write(move |tx| -> Result<(), DbError> {
            let next = match &outcome {
                Ok(()) => {
                    let next = now + interval;
                    calendars::record_success(tx, account_id, now, next)?;
                    next
                }
                Err(reason) => {
                    let next = now + Account::retry_after(interval, failures + 1);
                    calendars::record_failure(tx, account_id, reason, next)?;
                    if failures == 0 {
                        crate::audit::record(
                            tx,
                            now,
                            &crate::audit::Entry {
                                actor: crate::audit::Actor::System("calendar sync"),
                                action: "calendar_sync_failed",
                                object: Some(format!("calendar_account:{account_id}")),
                                outcome: crate::audit::Outcome::Failure,
                                origin: &crate::audit::Origin::host(),
                            },
                        )?;
                    }
                    next
                }
            };
            plan(tx, account_id, next, now)?;
            Ok(())
        })
        .await
        .map_err(db_failure)
}

/// The zone a host's all-day and floating events are read in.
pub(super) async fn host_zone(deps: &Deps, user_id: i64) -> Result<Tz, SyncError> {
    let user = deps
        .db
        .read(move |conn| users::by_id(conn, user_id).map_err(DbError::from))
        .await?;
    Ok(user.map_or(Tz::UTC, |user| user.time_zone))
}

/// The span busy time is kept for, as of `now`.
pub fn horizon(now: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    (now - Duration::days(1), now + Duration::days(HORIZON_DAYS))
}

/// Whether the replica was last expanded on another day than `now`'s: then recurring
/// events are expanded again over the moved horizon.
fn expanded_today(marker: Option<&str>, now: DateTime<Utc>) -> bool {
    marker.is_some_and(|m| m.ends_with(&format!("|{}", now.date_naive())))
}

fn day_marker(value: &str, now: DateTime<Utc>) -> String {
    format!("{value}|{}", now.date_naive())
}

fn marker_value(marker: Option<&str>) -> Option<&str> {
    marker
        .and_then(|m| m.rsplit_once('|'))
        .map(|(value, _)| value)
}

/// Syncs one account into the replica.
pub async fn sync_account(deps: &Deps, account: &Account) -> Result<(), SyncError> {
    let secret = open(&deps.key, account)?;
    let zone = host_zone(deps, account.user_id).await?;
    match account.provider {
        Provider::Ics => sync_feed(deps, account, &secret, zone).await,
        Provider::Caldav => sync_caldav(deps, account, &secret, zone).await,
        Provider::Google | Provider::Microsoft => sync_cloud(deps, account, zone).await,
        // No calendars: the sync checks that Zoom still accepts the grant.
        Provider::Zoom => {
            let api = cloud::Api::new(deps, Vendor::Zoom, cloud::Auth::Account(account.id));
            zoom::Client::new(api).address().await?;
            Ok(())
        }
    }
}

/// Stores the calendars a server or vendor lists for an account (see [`store_calendars`]).
async fn store_listed(
    deps: &Deps,
    account_id: i64,
    remote: Vec<caldav::RemoteCalendar>,
) -> Result<Vec<Calendar>, SyncError> {
    Ok(deps
        .db
        .write(move |tx| store_calendars(tx, account_id, &remote).map_err(DbError::from))
        .await?)
}

/// Syncs a Google or Microsoft account: its calendar list, then each checked calendar's
/// events since its sync token or delta link (all of them over the horizon once a day, or
/// when the vendor asks).
async fn sync_cloud(deps: &Deps, account: &Account, zone: Tz) -> Result<(), SyncError> {
    let Some(client) = cloud::Client::for_account(deps, account) else {
        return Err(SyncError::Credentials);
    };
    let remote = client.calendars().await?;
    let stored = store_listed(deps, account.id, remote).await?;
    let now = deps.now();
    for calendar in stored.into_iter().filter(|c| c.check_conflicts) {
        let token = if expanded_today(calendar.etag.as_deref(), now) {
            calendar.sync_token.as_deref()
        } else {
            None
        };
        let changes = client
            .changes(&calendar.href, token, horizon(now), zone)
            .await?;
        let (calendar_id, user_id) = (calendar.id, account.user_id);
        let marker = day_marker("", now);
        deps.db
            .write(move |tx| -> Result<(), DbError> {
                if changes.full {
                    let listed: HashSet<&String> =
                        changes.changed.iter().map(|(id, _)| id).collect();
                    for href in calendars::known_objects(tx, calendar_id)?.keys() {
                        if !listed.contains(href) {
                            calendars::remove_object(tx, calendar_id, href)?;
                        }
                    }
                }
                for id in &changes.removed {
                    calendars::remove_object(tx, calendar_id, id)?;
                }
                for (id, busy) in &changes.changed {
                    calendars::replace_object(tx, calendar_id, user_id, id, "", busy)?;
                }
                calendars::set_markers(
                    tx,
                    calendar_id,
                    changes.sync_token.as_deref(),
                    None,
                    Some(&marker),
                )?;
                Ok(())
            })
            .await?;
    }
    Ok(())
}

/// What a feed answered.
pub enum Fetched {
    NotModified,
    Body { data: String, validator: String },
}

/// Fetches a feed through the outbound guard, conditionally when `validator` (an ETag or a
/// Last-Modified date) is given. Redirects are followed after checking the new address.
pub async fn fetch_feed(
    url: &str,
    validator: Option<&str>,
    policy: Policy,
) -> Result<Fetched, SyncError> {
    let mut url = url.to_string();
    for _ in 0..5 {
        let target = outbound::check_target(&url, policy)
            .await
            .map_err(|err| SyncError::Feed(format!("the feed's address {err}")))?;
        let client = outbound::client_for(&target).map_err(|err| {
            SyncError::Feed(format!("the feed cannot be fetched: {}", err.without_url()))
        })?;
        let mut request = client.get(target.url.clone());
        match validator {
            Some(v) if v.starts_with('"') || v.starts_with("W/") => {
                request = request.header("If-None-Match", v);
            }
            Some(v) if !v.is_empty() => request = request.header("If-Modified-Since", v),
            _ => {}
        }
        let mut response = request.send().await.map_err(|err| {
            SyncError::Feed(if err.is_timeout() {
                "the feed's server did not answer in time".into()
            } else {
                "the feed's server cannot be reached".into()
            })
        })?;
        let status = response.status();
        if status.is_redirection() {
            let Some(location) = response
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
            else {
                return Err(SyncError::Feed(format!(
                    "the feed's server answered {} without a new address",
                    status.as_u16()
                )));
            };
            if status == reqwest::StatusCode::NOT_MODIFIED {
                return Ok(Fetched::NotModified);
            }
            url = target
                .url
                .join(location)
                .map_err(|_| SyncError::Feed("the feed moved to an unreadable address".into()))?
                .to_string();
            continue;
        }
        if status == reqwest::StatusCode::NOT_MODIFIED {
            return Ok(Fetched::NotModified);
        }
        match status.as_u16() {
            200..=299 => {}
            401 | 403 => {
                return Err(SyncError::Feed(format!(
                    "the feed refused access ({})",
                    status.as_u16()
                )));
            }
            404 | 410 => {
                return Err(SyncError::Feed(format!(
                    "the feed is no longer there ({})",
                    status.as_u16()
                )));
            }
            code => {
                return Err(SyncError::Feed(format!(
                    "the feed's server answered {code}"
                )));
            }
        }
        let headers = response.headers().clone();
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let validator = header("etag")
            .or_else(|| header("last-modified"))
            .unwrap_or_default();
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|_| SyncError::Feed("the feed's server stopped answering".into()))?
        {
            if body.len() + chunk.len() > MAX_BYTES {
                return Err(SyncError::Feed(format!(
                    "the feed is larger than {} MB",
                    MAX_BYTES / (1024 * 1024)
                )));
            }
            body.extend_from_slice(&chunk);
        }
        let data = String::from_utf8(body)
            .map_err(|_| SyncError::Feed("the feed is not an iCalendar file".into()))?;
        return Ok(Fetched::Body { data, validator });
    }
    Err(SyncError::Feed("the feed redirects too often".into()))
}

/// Reduces calendar data to the busy stretches of the horizon.
fn busy_of(data: &str, zone: Tz, now: DateTime<Utc>) -> Result<(Vec<BusyTime>, usize), SyncError> {
    let (from, to) = horizon(now);
    let expanded = ical::busy_between(data, from, to, zone)?;
    let busy = expanded
        .busy
        .into_iter()
        .map(|b| BusyTime {
            uid: b.uid,
            start: b.start,
            end: b.end,
        })
        .collect();
    Ok((busy, expanded.skipped))
}

async fn sync_feed(deps: &Deps, account: &Account, url: &str, zone: Tz) -> Result<(), SyncError> {
    let account_id = account.id;
    let calendar = deps
        .db
        .read(move |conn| calendars::calendars_of(conn, account_id).map_err(DbError::from))
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| SyncError::Feed("the feed's calendar is missing".into()))?;
    let now = deps.now();
    let marker = calendar.etag.as_deref();
    let validator = if expanded_today(marker, now) {
        marker_value(marker)
    } else {
        None
    };
    let fetched = fetch_feed(url, validator, deps.calendar_policy(url)).await?;
    let Fetched::Body { data, validator } = fetched else {
        return Ok(());
    };
    let (busy, skipped) = busy_of(&data, zone, now)?;
    if skipped > 0 {
        tracing::info!(account_id, skipped, "calendar events skipped: unreadable");
    }
    let (calendar_id, user_id) = (calendar.id, account.user_id);
    let marker = day_marker(&validator, now);
    deps.db
        .write(move |tx| -> Result<(), DbError> {
            calendars::replace_object(tx, calendar_id, user_id, FEED_OBJECT, &marker, &busy)?;
            calendars::set_markers(tx, calendar_id, None, None, Some(&marker))?;
            Ok(())
        })
        .await?;
    Ok(())
}

/// The CalDAV account of a stored account.
pub fn caldav_account(account: &Account, password: &str) -> caldav::Account {
    caldav::Account {
        url: account.url.clone(),
        username: account.username.clone(),
        password: password.to_string(),
    }
}

/// Stores the calendars a server lists (new ones check for conflicts), and drops those it
/// no longer lists.
pub fn store_calendars(
    conn: &Connection,
    account_id: i64,
    remote: &[caldav::RemoteCalendar],
) -> rusqlite::Result<Vec<Calendar>> {
    let mut keep = Vec::new();
    for calendar in remote {
        keep.push(calendars::upsert_calendar(
            conn,
            account_id,
            &calendar.href,
            &calendar.name,
            calendar.read_only,
        )?);
    }
    calendars::remove_calendars_except(conn, account_id, &keep)?;
    calendars::calendars_of(conn, account_id)
}

async fn sync_caldav(
    deps: &Deps,
    account: &Account,
    password: &str,
    zone: Tz,
) -> Result<(), SyncError> {
    let remote_account = caldav_account(account, password);
    let policy = deps.calendar_policy(&account.url);
    let remote = caldav::discover(&remote_account, policy).await?;
    let stored = store_listed(deps, account.id, remote).await?;
    let now = deps.now();
    for calendar in stored.into_iter().filter(|c| c.check_conflicts) {
        let calendar_id = calendar.id;
        // Once a day the whole calendar is listed again and expanded over the moved horizon.
        let fresh = expanded_today(calendar.etag.as_deref(), now);
        let known = if fresh {
            deps.db
                .read(move |conn| {
                    calendars::known_objects(conn, calendar_id).map_err(DbError::from)
                })
                .await?
        } else {
            Default::default()
        };
        let token = if fresh {
            calendar.sync_token.as_deref()
        } else {
            None
        };
        let changes =
            caldav::changes(&remote_account, &calendar.href, token, &known, policy).await?;
        let mut replaced = Vec::new();
        let mut skipped = 0;
        for object in &changes.changed {
            let (busy, unreadable) = match busy_of(&object.data, zone, now) {
                Ok(found) => found,
                // One unreadable object is skipped and counted, never fatal.
                Err(_) => (Vec::new(), 1),
            };
            skipped += unreadable;
            replaced.push((object.href.clone(), object.etag.clone(), busy));
        }
        if skipped > 0 {
            tracing::info!(
                account_id = account.id,
                skipped,
                "calendar events skipped: unreadable"
            );
        }
        let (user_id, removed, full) = (account.user_id, changes.removed, changes.full || !fresh);
        let (sync_token, ctag) = (changes.sync_token, calendar.ctag.clone());
        let marker = day_marker("", now);
        deps.db
            .write(move |tx| -> Result<(), DbError> {
                if full {
                    // Everything the server holds was listed: what is not among it is gone.
                    let listed: HashSet<&String> =
                        replaced.iter().map(|(href, _, _)| href).collect();
                    for href in calendars::known_objects(tx, calendar_id)?.keys() {
                        if !listed.contains(&href) && !known.contains_key(href) {
                            calendars::remove_object(tx, calendar_id, href)?;
                        }
                    }
                }
                for href in &removed {
                    calendars::remove_object(tx, calendar_id, href)?;
                }
                for (href, etag, busy) in &replaced {
                    calendars::replace_object(tx, calendar_id, user_id, href, etag, busy)?;
                }
                calendars::set_markers(
                    tx,
                    calendar_id,
                    sync_token.as_deref(),
                    ctag.as_deref(),
                    Some(&marker),
                )?;
                Ok(())
            })
            .await?;
    }
    if account.sync_cancellations {
        cancellations::notice(deps, account, &remote_account, policy).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_replica_is_expanded_again_on_a_new_day() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-03-30T10:00:00Z")
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default();
        let marker = day_marker("\"abc\"", now);
        assert!(expanded_today(Some(&marker), now));
        assert_eq!(marker_value(Some(&marker)), Some("\"abc\""));
        assert!(!expanded_today(Some(&marker), now + Duration::days(1)));
        assert!(!expanded_today(None, now));
    }
}

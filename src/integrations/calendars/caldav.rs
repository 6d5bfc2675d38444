//! A CalDAV client (RFC 4791, with RFC 6578 sync-collection): finds an account's
//! calendars from whatever address the host typed, reads what changed in one calendar
//! since the last sync, and writes and deletes the events Kairos puts there.
//!
//! Every request goes through the outbound guard ([`outbound::check_target`], then
//! [`outbound::client_for`], which pins the checked address); a redirect is followed only
//! after its new address passes the guard too, and never from `https` down to `http`.
//! Each request may take [`REQUEST_TIMEOUT`] in all, and an answer larger than
//! [`MAX_ANSWER_BYTES`] is refused rather than read. The account's credentials go with
//! every request the server leads to, the guard permitting, and never over plain `http`
//! once the server was reached over `https`.
//!
//! Servers differ in the details, and the client takes them as they come: elements are
//! matched by their local names (Xandikos writes one CalDAV namespace as
//! `urn:ietf:params:xml:ns:carldav:`), hrefs may be relative or absolute and percent-encoded
//! or not (Radicale sends `a%40b.ics` where Xandikos sends `a@b.ics`; [`Object::href`] is
//! always the same absolute form), and a refused sync token is answered with 403
//! (Radicale), 409 or 412 (Xandikos), each of which falls back to a full listing.
//! Xandikos also says that a calendar is missing with a multistatus whose one response
//! is a 404, where Radicale answers 404 outright; both are [`CaldavError::NotFound`].

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use reqwest::header::{self, HeaderValue};
use reqwest::{Method, StatusCode, Url};

use crate::outbound::{self, Policy, TargetError};

/// How long one request (connecting, sending, reading the answer) may take. Connecting
/// alone is bounded tighter by the outbound guard's [`outbound::CONNECT_TIMEOUT`].
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// The largest answer read from a server; a larger one is refused with
/// [`CaldavError::TooLarge`].
pub const MAX_ANSWER_BYTES: usize = 10 * 1024 * 1024;
/// How many redirects one request follows.
const MAX_REDIRECTS: usize = 5;
/// How many events one calendar-multiget asks for.
const MULTIGET_BATCH: usize = 100;
/// How many truncated sync-collection answers (507) are continued before giving up on
/// the incremental way.
const MAX_SYNC_ROUNDS: usize = 20;
/// How deep an XML answer is read; a multistatus is 7 levels deep.
const MAX_XML_DEPTH: usize = 24;
/// How many XML nodes one answer may have: a listing of 10,000 events has about 150,000.
const MAX_XML_NODES: u32 = 1_000_000;

/// A CalDAV account as the host entered it: any address from the bare host name to a
/// calendar home, a user name and an (app) password. An empty user name sends no
/// credentials.
#[derive(Clone, PartialEq, Eq)]
pub struct Account {
    pub url: String,
    pub username: String,
    pub password: String,
}

impl std::fmt::Debug for Account {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Account")
            .field("url", &self.url)
            .field("username", &self.username)
            .finish_non_exhaustive()
    }
}

/// A calendar found on the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteCalendar {
    /// The calendar's absolute URL, ending in `/`.
    pub href: String,
    /// Its display name, or the last part of its address when it has none.
    pub name: String,
    /// The CalendarServer CTag: changes whenever anything in the calendar does.
    pub ctag: Option<String>,
    /// The RFC 6578 sync token, when the server supports sync-collection.
    pub sync_token: Option<String>,
    /// The account may read but not write events there.
    pub read_only: bool,
}

/// One calendar object (an event with its overrides) as stored on the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Object {
    /// The object's absolute URL, percent-encoded the same way whatever the server sent.
    pub href: String,
    /// The ETag exactly as the server sent it (quotes included).
    pub etag: String,
    /// The iCalendar text.
    pub data: String,
}

/// What changed in a calendar since a sync token, or everything the caller does not
/// know yet after a full listing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Objects that are new or whose ETag differs from the one the caller knows.
    pub changed: Vec<Object>,
    /// Hrefs that are gone from the calendar: the caller's own keys, as passed in
    /// `known`, for the objects it knew.
    pub removed: Vec<String>,
    /// The token to ask with next time, when the server gives one.
    pub sync_token: Option<String>,
    /// True when the server had to send the whole listing (no token, a token it
    /// refused, or no sync-collection support).
    pub full: bool,
}

/// Where [`put`] wrote the event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub href: String,
    /// The new ETag; `None` only when the server named none, even when asked again.
    pub etag: Option<String>,
}

/// What went wrong talking to a CalDAV server, in words a host can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaldavError {
    #[error("the server refused the user name or password")]
    Unauthorized,
    #[error("the server does not allow this account to do that (403)")]
    Forbidden,
    #[error("the calendar is no longer there (404)")]
    NotFound,
    #[error("this address is not a CalDAV server")]
    NotCaldav,
    #[error("the address {0}")]
    Refused(TargetError),
    #[error("the server did not answer within 30 seconds")]
    Timeout,
    #[error("the server's answer is larger than 10 MB")]
    TooLarge,
    #[error("the event changed on the server since Kairos last read it")]
    Conflict,
    #[error("the server answered {0}")]
    Server(u16),
    #[error("the server could not be reached: {0}")]
    Unreachable(String),
    #[error("the server {0}")]
    Redirect(&'static str),
}

/// Finds the account's calendars that can hold events: tries the address as given and
/// `/.well-known/caldav` (that one first when the address is a bare host), follows
/// current-user-principal to calendar-home-set, and lists the calendars there. An
/// address that is itself a calendar gives that calendar alone.
pub async fn discover(
    account: &Account,
    policy: Policy,
) -> Result<Vec<RemoteCalendar>, CaldavError> {
    let given = outbound::parse_url(&account.url).map_err(CaldavError::Refused)?;
    let well_known = given
        .join("/.well-known/caldav")
        .map_err(|_| CaldavError::Refused(TargetError::InvalidUrl))?;
    let starts = if given.path() == "/" {
        [well_known, given]
    } else {
        [given, well_known]
    };
    let mut server_error = None;
    for start in starts {
        match find_home(account, start, policy).await {
            Ok(Found::Home(home)) => return list_calendars(account, &home, "1", policy).await,
            Ok(Found::Calendar(calendar)) => {
                return list_calendars(account, &calendar, "0", policy).await;
            }
            // This start led nowhere; the other one may.
            Err(CaldavError::NotCaldav | CaldavError::NotFound | CaldavError::Forbidden) => {}
            Err(CaldavError::Server(status)) => {
                server_error.get_or_insert(CaldavError::Server(status));
            }
            Err(other) => return Err(other),
        }
    }
    Err(server_error
        .filter(|err| matches!(err, CaldavError::Server(status) if *status >= 500))
        .unwrap_or(CaldavError::NotCaldav))
}

/// What an address led to.
enum Found {
    Home(Url),
    Calendar(Url),
}

async fn find_home(account: &Account, start: Url, policy: Policy) -> Result<Found, CaldavError> {
    const BODY: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><d:resourcetype/><d:current-user-principal/><c:calendar-home-set/></d:prop></d:propfind>"#;
    let mut url = start;
    // The address itself, then its principal: two steps at most.
    for _ in 0..2 {
        let answer = dav(account, propfind(), &url, "0", BODY, policy).await?;
        let entries = answer.multistatus()?.entries;
        let entry = entries
            .iter()
            .find(|entry| entry.href == answer.url)
            .or(entries.first())
            .ok_or(CaldavError::NotCaldav)?;
        if entry.is_calendar() {
            return Ok(Found::Calendar(entry.href.clone()));
        }
        if let Some(home) = entry.prop_href("calendar-home-set", &answer.url) {
            return Ok(Found::Home(home));
        }
        match entry.prop_href("current-user-principal", &answer.url) {
            Some(principal) if principal != answer.url => url = principal,
            _ => break,
        }
    }
    Err(CaldavError::NotCaldav)
}

async fn list_calendars(
    account: &Account,
    collection: &Url,
    depth: &str,
    policy: Policy,
) -> Result<Vec<RemoteCalendar>, CaldavError> {
    const BODY: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav" xmlns:cs="http://calendarserver.org/ns/"><d:prop><d:resourcetype/><d:displayname/><cs:getctag/><d:sync-token/><c:supported-calendar-component-set/><d:current-user-privilege-set/></d:prop></d:propfind>"#;
    let answer = dav(account, propfind(), collection, depth, BODY, policy).await?;
    let calendars = answer
        .multistatus()?
        .entries
        .into_iter()
        .filter(|entry| entry.is_calendar() && entry.holds_events())
        .map(|entry| RemoteCalendar {
            name: entry
                .prop_text("displayname")
                .unwrap_or_else(|| last_segment(&entry.href)),
            ctag: entry.prop_text("getctag"),
            sync_token: entry.prop_text("sync-token"),
            read_only: entry.read_only(),
            href: entry.href.to_string(),
        })
        .collect();
    Ok(calendars)
}

/// What changed in `calendar` since `token` (see [`Changes`]). With a token the server
/// accepts, RFC 6578 sync-collection names the changed and removed objects; without one,
/// or when the server refuses it (403/409/412 valid-sync-token) or has no sync-collection,
/// a Depth 1 listing of ETags is compared with `known` (href → ETag). Either way the
/// changed objects are then fetched with calendar-multiget.
pub async fn changes(
    account: &Account,
    calendar: &str,
    token: Option<&str>,
    known: &HashMap<String, String>,
    policy: Policy,
) -> Result<Changes, CaldavError> {
    let calendar = collection_url(calendar)?;
    let known: HashMap<Url, (&str, &str)> = known
        .iter()
        .filter_map(|(href, etag)| {
            let url = normalized(calendar.join(href).ok()?);
            Some((url, (href.as_str(), etag.as_str())))
        })
        .collect();
    if let Some(token) = token.filter(|token| !token.trim().is_empty())
        && let Some(changes) = sync_collection(account, &calendar, token, &known, policy).await?
    {
        return Ok(changes);
    }
    full_listing(account, &calendar, &known, policy).await
}

/// Incremental changes, or `None` when the server refuses the token or the report.
async fn sync_collection(
    account: &Account,
    calendar: &Url,
    token: &str,
    known: &HashMap<Url, (&str, &str)>,
    policy: Policy,
) -> Result<Option<Changes>, CaldavError> {
    let mut token = token.to_string();
    let mut wanted = Vec::new();
    let mut removed = Vec::new();
    for _ in 0..MAX_SYNC_ROUNDS {
        let body = format!(
            r#"<?xml version="1.0" encoding="utf-8"?>
<d:sync-collection xmlns:d="DAV:"><d:sync-token>{}</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>"#,
            escape(&token)
        );
        let answer = dav(account, report(), calendar, "0", &body, policy).await?;
        match answer.status.as_u16() {
            207 => {}
            // The token is no longer valid (valid-sync-token), or the server has no
            // sync-collection: list everything instead.
            400 | 403 | 405 | 409 | 412 | 415 | 501 => return Ok(None),
            _ => return Err(answer.failure()),
        }
        let status = answer.multistatus()?;
        let mut truncated = false;
        for entry in status.entries {
            if entry.href == *calendar {
                truncated |= entry.status == Some(507);
                continue;
            }
            if matches!(entry.status, Some(404 | 410)) {
                removed.push(callers_href(known, &entry.href));
            } else if let Some(etag) = entry.prop_text("getetag")
                && known
                    .get(&entry.href)
                    .is_none_or(|(_, known)| *known != etag)
            {
                wanted.push(entry.href);
            }
        }
        match status.sync_token {
            Some(next) if truncated && next != token => token = next,
            next => {
                let (changed, gone) = multiget(account, calendar, &wanted, policy).await?;
                removed.extend(gone.iter().map(|href| callers_href(known, href)));
                return Ok(Some(Changes {
                    changed,
                    removed,
                    sync_token: next,
                    full: false,
                }));
            }
        }
    }
    Ok(None)
}

/// The caller's own spelling of an href it knows, else the absolute form.
fn callers_href(known: &HashMap<Url, (&str, &str)>, href: &Url) -> String {
    known
        .get(href)
        .map_or_else(|| href.to_string(), |(given, _)| given.to_string())
}

/// A Depth 1 listing of a calendar: its sync token and each object's ETag.
struct Listing {
    sync_token: Option<String>,
    etags: Vec<(Url, String)>,
}

async fn list(account: &Account, calendar: &Url, policy: Policy) -> Result<Listing, CaldavError> {
    const BODY: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/><d:getetag/><d:sync-token/></d:prop></d:propfind>"#;
    let answer = dav(account, propfind(), calendar, "1", BODY, policy).await?;
    let mut listing = Listing {
        sync_token: None,
        etags: Vec::new(),
    };
    for entry in answer.multistatus()?.entries {
        if entry.href == *calendar {
            // Xandikos answers for a missing calendar with a multistatus saying 404.
            if matches!(entry.status, Some(404 | 410)) {
                return Err(CaldavError::NotFound);
            }
            listing.sync_token = entry.prop_text("sync-token");
            continue;
        }
        if entry.is_collection() {
            continue;
        }
        if let Some(etag) = entry.prop_text("getetag") {
            listing.etags.push((entry.href, etag));
        }
    }
    Ok(listing)
}

/// The objects in `calendar` now, as absolute hrefs spelled as [`object_href`] spells
/// them: one Depth 1 listing, no calendar data.
pub async fn hrefs(
    account: &Account,
    calendar: &str,
    policy: Policy,
) -> Result<HashSet<String>, CaldavError> {
    let calendar = collection_url(calendar)?;
    let listing = list(account, &calendar, policy).await?;
    Ok(listing
        .etags
        .into_iter()
        .map(|(href, _)| href.to_string())
        .collect())
}

async fn full_listing(
    account: &Account,
    calendar: &Url,
    known: &HashMap<Url, (&str, &str)>,
    policy: Policy,
) -> Result<Changes, CaldavError> {
    let listing = list(account, calendar, policy).await?;
    let mut present = HashSet::new();
    let mut wanted = Vec::new();
    for (href, etag) in listing.etags {
        if known.get(&href).is_none_or(|(_, known)| *known != etag) {
            wanted.push(href.clone());
        }
        present.insert(href);
    }
    let sync_token = listing.sync_token;
    let (changed, gone) = multiget(account, calendar, &wanted, policy).await?;
    let removed = known
        .iter()
        .filter(|(url, _)| !present.contains(*url) || gone.contains(url))
        .map(|(_, (href, _))| href.to_string())
        .collect();
    Ok(Changes {
        changed,
        removed,
        sync_token,
        full: true,
    })
}

/// Fetches `hrefs` with calendar-multiget: the objects found, and the hrefs that were
/// gone by then.
async fn multiget(
    account: &Account,
    calendar: &Url,
    hrefs: &[Url],
    policy: Policy,
) -> Result<(Vec<Object>, Vec<Url>), CaldavError> {
    let mut objects = Vec::new();
    let mut gone = Vec::new();
    for batch in hrefs.chunks(MULTIGET_BATCH) {
        let mut body = String::from(
            r#"<?xml version="1.0" encoding="utf-8"?>
<c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><d:getetag/><c:calendar-data/></d:prop>"#,
        );
        for href in batch {
            let written = if href.origin() == calendar.origin() {
                href.path().to_string()
            } else {
                href.to_string()
            };
            body.push_str(&format!("<d:href>{}</d:href>", escape(&written)));
        }
        body.push_str("</c:calendar-multiget>");
        let answer = dav(account, report(), calendar, "1", &body, policy).await?;
        let mut found = HashSet::new();
        for entry in answer.multistatus()?.entries {
            if let (Some(etag), Some(data)) =
                (entry.prop_text("getetag"), entry.prop_raw("calendar-data"))
            {
                found.insert(entry.href.clone());
                objects.push(Object {
                    href: entry.href.to_string(),
                    etag,
                    data,
                });
            }
        }
        gone.extend(batch.iter().filter(|href| !found.contains(*href)).cloned());
    }
    Ok((objects, gone))
}

/// Writes one event as `{calendar}/{uid}.ics`: a new one with `If-None-Match: *` when
/// `etag` is `None` (an event already there is a [`CaldavError::Conflict`], never a second
/// copy), else an update with `If-Match: etag` (a [`CaldavError::Conflict`] when the
/// event changed on the server since). Returns the new ETag, asked for with PROPFIND
/// when the server does not send one.
pub async fn put(
    account: &Account,
    calendar: &str,
    uid: &str,
    ics: &str,
    etag: Option<&str>,
    policy: Policy,
) -> Result<Written, CaldavError> {
    let url = object_url(calendar, uid)?;
    let condition = match etag {
        None => (header::IF_NONE_MATCH, HeaderValue::from_static("*")),
        Some(etag) => (header::IF_MATCH, header_value(etag)?),
    };
    let headers = [
        condition,
        (
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/calendar; charset=utf-8"),
        ),
    ];
    let answer = send(
        account,
        Method::PUT,
        url.clone(),
        None,
        &headers,
        Some(ics),
        policy,
    )
    .await?;
    match answer.status.as_u16() {
        200..=299 => {}
        // 409: another object in the calendar holds this UID (no-uid-conflict); Xandikos
        // answers that with 412.
        409 | 412 => return Err(CaldavError::Conflict),
        _ => return Err(answer.failure()),
    }
    let etag = match answer.etag {
        Some(etag) => Some(etag),
        None => current_etag(account, &url, policy).await?,
    };
    Ok(Written {
        href: url.to_string(),
        etag,
    })
}

async fn current_etag(
    account: &Account,
    url: &Url,
    policy: Policy,
) -> Result<Option<String>, CaldavError> {
    const BODY: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>"#;
    let answer = dav(account, propfind(), url, "0", BODY, policy).await?;
    Ok(answer
        .multistatus()?
        .entries
        .iter()
        .find_map(|entry| entry.prop_text("getetag")))
}

/// The ETag of the event [`put`] writes for `uid` in `calendar`, or `None` when there is
/// no such object.
pub async fn etag_of(
    account: &Account,
    calendar: &str,
    uid: &str,
    policy: Policy,
) -> Result<Option<String>, CaldavError> {
    let url = object_url(calendar, uid)?;
    match current_etag(account, &url, policy).await {
        Err(CaldavError::NotFound) => Ok(None),
        found => found,
    }
}

/// Deletes one object; with `etag`, only if it has not changed on the server since
/// ([`CaldavError::Conflict`] otherwise). An object already gone (404, 410) is fine.
pub async fn delete(
    account: &Account,
    href: &str,
    etag: Option<&str>,
    policy: Policy,
) -> Result<(), CaldavError> {
    let url = normalized(outbound::parse_url(href).map_err(CaldavError::Refused)?);
    let headers = match etag {
        Some(etag) => vec![(header::IF_MATCH, header_value(etag)?)],
        None => Vec::new(),
    };
    let answer = send(account, Method::DELETE, url, None, &headers, None, policy).await?;
    match answer.status.as_u16() {
        200..=299 | 404 | 410 => Ok(()),
        412 => Err(CaldavError::Conflict),
        _ => Err(answer.failure()),
    }
}

// ---------------------------------------------------------------------------------------
// HTTP through the outbound guard.

/// A server's answer, read in full.
struct Answer {
    status: StatusCode,
    /// The URL that answered, after redirects: what relative hrefs are resolved against.
    url: Url,
    etag: Option<String>,
    body: String,
}

impl Answer {
    /// The error for an answer that is not what was asked for.
    fn failure(&self) -> CaldavError {
        match self.status.as_u16() {
            401 => CaldavError::Unauthorized,
            403 => CaldavError::Forbidden,
            404 | 410 => CaldavError::NotFound,
            412 => CaldavError::Conflict,
            // A page where a multistatus was expected: not a WebDAV server.
            200 | 405 | 501 => CaldavError::NotCaldav,
            status => CaldavError::Server(status),
        }
    }

    /// The answer as a multistatus, or the error its status stands for.
    fn multistatus(&self) -> Result<Multistatus, CaldavError> {
        if self.status != StatusCode::MULTI_STATUS {
            return Err(self.failure());
        }
        Multistatus::parse(&self.body, &self.url)
    }
}

/// A WebDAV request with an XML body (PROPFIND, REPORT).
async fn dav(
    account: &Account,
    method: Method,
    url: &Url,
    depth: &str,
    body: &str,
    policy: Policy,
) -> Result<Answer, CaldavError> {
    send(
        account,
        method,
        url.clone(),
        Some(depth),
        &[],
        Some(body),
        policy,
    )
    .await
}

fn propfind() -> Method {
    Method::from_bytes(b"PROPFIND").unwrap_or(Method::GET)
}

fn report() -> Method {
    Method::from_bytes(b"REPORT").unwrap_or(Method::GET)
}

/// An ETag as a header. One that cannot be sent (a line break read from a listing)
/// cannot match the server's either: the event must be read again.
fn header_value(value: &str) -> Result<HeaderValue, CaldavError> {
    HeaderValue::from_str(value).map_err(|_| CaldavError::Conflict)
}

/// Sends one request, following redirects through the guard, and reads the answer.
async fn send(
    account: &Account,
    method: Method,
    url: Url,
    depth: Option<&str>,
    headers: &[(header::HeaderName, HeaderValue)],
    body: Option<&str>,
    policy: Policy,
) -> Result<Answer, CaldavError> {
    let mut url = url;
    for _ in 0..=MAX_REDIRECTS {
        let target = outbound::check_target(url.as_str(), policy)
            .await
            .map_err(CaldavError::Refused)?;
        let client = outbound::client_for(&target)
            .map_err(|err| CaldavError::Unreachable(outbound::describe(&err)))?;
        let mut request = client
            .request(method.clone(), target.url.clone())
            .timeout(REQUEST_TIMEOUT);
        if !account.username.is_empty() {
            request = request.basic_auth(&account.username, Some(&account.password));
        }
        if let Some(depth) = depth {
            request = request.header("Depth", depth);
        }
        for (name, value) in headers {
            request = request.header(name, value.clone());
        }
        if let Some(body) = body {
            if !headers.iter().any(|(name, _)| name == header::CONTENT_TYPE) {
                request = request.header(header::CONTENT_TYPE, "application/xml; charset=utf-8");
            }
            request = request.body(body.to_string());
        }
        let response = request.send().await.map_err(network_error)?;
        let status = response.status();
        if status.is_redirection() && status != StatusCode::NOT_MODIFIED {
            let location = response
                .headers()
                .get(header::LOCATION)
                .and_then(|value| value.to_str().ok())
                .and_then(|location| url.join(location).ok())
                .ok_or(CaldavError::Server(status.as_u16()))?;
            if url.scheme() == "https" && location.scheme() != "https" {
                return Err(CaldavError::Redirect(
                    "redirected from https to an unencrypted address",
                ));
            }
            url = location;
            continue;
        }
        let etag = response
            .headers()
            .get(header::ETAG)
            .and_then(|value| value.to_str().ok())
            .map(str::to_string);
        let body = read_capped(response).await?;
        return Ok(Answer {
            status,
            url: normalized(url),
            etag,
            body,
        });
    }
    Err(CaldavError::Redirect("redirected too many times"))
}

fn network_error(err: reqwest::Error) -> CaldavError {
    if err.is_timeout() {
        CaldavError::Timeout
    } else {
        CaldavError::Unreachable(outbound::describe(&err))
    }
}

/// Reads the body, refusing one larger than [`MAX_ANSWER_BYTES`] before holding it.
async fn read_capped(mut response: reqwest::Response) -> Result<String, CaldavError> {
    if response
        .content_length()
        .is_some_and(|length| length > MAX_ANSWER_BYTES as u64)
    {
        return Err(CaldavError::TooLarge);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(network_error)? {
        if body.len() + chunk.len() > MAX_ANSWER_BYTES {
            return Err(CaldavError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(String::from_utf8_lossy(&body).into_owned())
}

// ---------------------------------------------------------------------------------------
// Addresses.

/// Characters left as they are in a path segment: RFC 3986 unreserved, sub-delims, `:`
/// and `@`. Everything else is percent-encoded.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'!')
    .remove(b'$')
    .remove(b'&')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b'+')
    .remove(b',')
    .remove(b';')
    .remove(b'=')
    .remove(b':')
    .remove(b'@');

/// One spelling for an address however the server encoded it: each path segment
/// decoded and encoded again with [`SEGMENT`]; no query or fragment.
fn normalized(mut url: Url) -> Url {
    let path = url
        .path()
        .split('/')
        .map(|segment| {
            let bytes: Vec<u8> = percent_encoding::percent_decode(segment.as_bytes()).collect();
            percent_encoding::percent_encode(&bytes, SEGMENT).to_string()
        })
        .collect::<Vec<_>>()
        .join("/");
    url.set_path(&path);
    url.set_query(None);
    url.set_fragment(None);
    url
}

/// A calendar's address as a collection (ending in `/`).
fn collection_url(calendar: &str) -> Result<Url, CaldavError> {
    let mut url = outbound::parse_url(calendar).map_err(CaldavError::Refused)?;
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Ok(normalized(url))
}

/// Where the event with `uid` lives in `calendar`: `{calendar}/{uid}.ics`, the UID
/// percent-encoded.
/// The address [`put`] writes the event with `uid` to in `calendar`.
pub fn object_href(calendar: &str, uid: &str) -> Result<String, CaldavError> {
    object_url(calendar, uid).map(String::from)
}

fn object_url(calendar: &str, uid: &str) -> Result<Url, CaldavError> {
    let name = format!("{}.ics", utf8_percent_encode(uid, SEGMENT));
    collection_url(calendar)?
        .join(&name)
        .map(normalized)
        .map_err(|_| CaldavError::Refused(TargetError::InvalidUrl))
}

/// The last non-empty segment of an address, decoded: a calendar's name of last resort.
fn last_segment(url: &Url) -> String {
    let segment = url
        .path_segments()
        .and_then(|mut segments| segments.rfind(|segment| !segment.is_empty()))
        .unwrap_or_default();
    percent_decode_str(segment).decode_utf8_lossy().into_owned()
}

/// Text for an XML element's content.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

// ---------------------------------------------------------------------------------------
// Multistatus answers.

/// An XML element with its local name only: servers disagree on namespaces.
#[derive(Debug, Clone, Default)]
struct Element {
    name: String,
    attributes: Vec<(String, String)>,
    text: String,
    children: Vec<Element>,
}

impl Element {
    fn from_node(node: roxmltree::Node<'_, '_>, depth: usize) -> Self {
        let mut element = Element {
            name: node.tag_name().name().to_string(),
            attributes: node
                .attributes()
                .map(|attribute| (attribute.name().to_string(), attribute.value().to_string()))
                .collect(),
            ..Element::default()
        };
        for child in node.children() {
            if child.is_text() {
                element.text.push_str(child.text().unwrap_or_default());
            } else if child.is_element() && depth < MAX_XML_DEPTH {
                element.children.push(Element::from_node(child, depth + 1));
            }
        }
        element
    }

    fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|child| child.name == name)
    }

    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.children.iter().filter(move |child| child.name == name)
    }

    fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

struct Multistatus {
    entries: Vec<Entry>,
    /// The sync token of a sync-collection answer.
    sync_token: Option<String>,
}

/// One `response` of a multistatus.
struct Entry {
    href: Url,
    /// The response's own status (sync-collection's 404 for a removed object).
    status: Option<u16>,
    /// The properties found (in a propstat with a 2xx status).
    props: Vec<Element>,
}

impl Multistatus {
    fn parse(body: &str, base: &Url) -> Result<Self, CaldavError> {
        let options = roxmltree::ParsingOptions {
            allow_dtd: false,
            nodes_limit: MAX_XML_NODES,
            ..roxmltree::ParsingOptions::default()
        };
        let document = roxmltree::Document::parse_with_options(body, options)
            .map_err(|_| CaldavError::NotCaldav)?;
        let root = Element::from_node(document.root_element(), 0);
        if root.name != "multistatus" {
            return Err(CaldavError::NotCaldav);
        }
        let entries = root
            .all("response")
            .filter_map(|response| Entry::from_element(response, base))
            .collect();
        Ok(Multistatus {
            entries,
            sync_token: root
                .child("sync-token")
                .map(|token| token.text.trim().to_string())
                .filter(|token| !token.is_empty()),
        })
    }
}

fn status_code(element: Option<&Element>) -> Option<u16> {
    element?.text.split_whitespace().nth(1)?.parse().ok()
}

impl Entry {
    fn from_element(response: &Element, base: &Url) -> Option<Self> {
        let href = base.join(response.child("href")?.text.trim()).ok()?;
        let mut props = Vec::new();
        for propstat in response.all("propstat") {
            let status = status_code(propstat.child("status"));
            if status.is_none_or(|status| (200..300).contains(&status))
                && let Some(prop) = propstat.child("prop")
            {
                props.extend(prop.children.iter().cloned());
            }
        }
        Some(Entry {
            href: normalized(href),
            status: status_code(response.child("status")),
            props,
        })
    }

    fn prop(&self, name: &str) -> Option<&Element> {
        self.props.iter().find(|prop| prop.name == name)
    }

    /// A property's text, trimmed; `None` when absent or empty.
    fn prop_text(&self, name: &str) -> Option<String> {
        let text = self.prop(name)?.text.trim();
        (!text.is_empty()).then(|| text.to_string())
    }

    /// A property's text as sent (calendar data keeps its line ends).
    fn prop_raw(&self, name: &str) -> Option<String> {
        let text = &self.prop(name)?.text;
        (!text.trim().is_empty()).then(|| text.clone())
    }

    /// The href inside a property (`<current-user-principal><href>…`), absolute.
    fn prop_href(&self, name: &str, base: &Url) -> Option<Url> {
        let href = self.prop(name)?.child("href")?.text.trim();
        base.join(href).ok().map(normalized)
    }

    fn resource_types(&self) -> impl Iterator<Item = &str> {
        self.prop("resourcetype")
            .into_iter()
            .flat_map(|types| types.children.iter().map(|kind| kind.name.as_str()))
    }

    fn is_calendar(&self) -> bool {
        self.resource_types().any(|kind| kind == "calendar")
    }

    fn is_collection(&self) -> bool {
        self.resource_types().any(|kind| kind == "collection")
    }

    /// The calendar takes events: VEVENT is in its supported component set, or it
    /// names none.
    fn holds_events(&self) -> bool {
        let Some(set) = self.prop("supported-calendar-component-set") else {
            return true;
        };
        let mut components = set
            .all("comp")
            .filter_map(|comp| comp.attribute("name"))
            .peekable();
        components.peek().is_none() || components.any(|name| name.eq_ignore_ascii_case("VEVENT"))
    }

    /// The server named the account's privileges and none of them lets it write.
    fn read_only(&self) -> bool {
        let Some(set) = self.prop("current-user-privilege-set") else {
            return false;
        };
        !set.all("privilege").any(|privilege| {
            privilege.children.iter().any(|kind| {
                matches!(
                    kind.name.as_str(),
                    "all" | "write" | "write-content" | "bind"
                )
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        Url::parse(text).unwrap_or_else(|_| panic!("{text} is a URL"))
    }

    #[test]
    fn hrefs_get_one_spelling_whatever_the_server_encoded() {
        let base = url("http://dav.example/alice/work/");
        let encoded = normalized(
            base.join("/alice/work/a1%40kairos.ics")
                .unwrap_or(base.clone()),
        );
        let plain = normalized(base.join("a1@kairos.ics").unwrap_or(base.clone()));
        assert_eq!(encoded, plain);
        assert_eq!(
            encoded.as_str(),
            "http://dav.example/alice/work/a1@kairos.ics"
        );
        let spaced = normalized(base.join("My%20Event.ics").unwrap_or(base.clone()));
        assert_eq!(
            spaced.as_str(),
            "http://dav.example/alice/work/My%20Event.ics"
        );
        // A slash inside a segment stays inside it.
        assert_eq!(
            object_url("http://dav.example/alice/work", "a/b c")
                .map(|url| url.to_string())
                .ok(),
            Some("http://dav.example/alice/work/a%2Fb%20c.ics".to_string())
        );
    }

    #[test]
    fn a_multistatus_is_read_by_local_names_in_any_namespace() {
        // Xandikos' MKCALENDAR answer spells the CalDAV namespace "carldav".
        let body = r#"<ns0:multistatus xmlns:ns0="DAV:" xmlns:ns1="urn:ietf:params:xml:ns:carldav:">
          <ns0:response><ns0:href>/alice/calendars/work/</ns0:href>
            <ns0:propstat><ns0:status>HTTP/1.1 200 OK</ns0:status><ns0:prop>
              <ns0:resourcetype><ns0:collection/><ns1:calendar/></ns0:resourcetype>
              <ns0:displayname>Work</ns0:displayname>
              <ns1:supported-calendar-component-set><ns1:comp name="VTODO"/></ns1:supported-calendar-component-set>
              <ns0:current-user-privilege-set><ns0:privilege><ns0:read/></ns0:privilege></ns0:current-user-privilege-set>
            </ns0:prop></ns0:propstat>
            <ns0:propstat><ns0:status>HTTP/1.1 404 Not Found</ns0:status><ns0:prop><ns0:sync-token/></ns0:prop></ns0:propstat>
          </ns0:response>
          <ns0:response><ns0:href>http://dav.example/alice/calendars/work/gone.ics</ns0:href>
            <ns0:status>HTTP/1.1 404 Not Found</ns0:status></ns0:response>
          <ns0:sync-token>http://dav.example/sync/2</ns0:sync-token>
        </ns0:multistatus>"#;
        let base = url("http://dav.example/alice/");
        let parsed = Multistatus::parse(body, &base);
        let Ok(status) = parsed else {
            panic!("a multistatus");
        };
        assert_eq!(
            status.sync_token.as_deref(),
            Some("http://dav.example/sync/2")
        );
        let calendar = &status.entries[0];
        assert_eq!(
            calendar.href.as_str(),
            "http://dav.example/alice/calendars/work/"
        );
        assert!(calendar.is_calendar());
        assert_eq!(calendar.prop_text("displayname").as_deref(), Some("Work"));
        assert_eq!(calendar.prop_text("sync-token"), None);
        assert!(!calendar.holds_events(), "a task list is not offered");
        assert!(calendar.read_only());
        assert_eq!(status.entries[1].status, Some(404));
    }

    #[test]
    fn html_and_documents_with_a_dtd_are_not_caldav() {
        let base = url("http://dav.example/");
        assert!(matches!(
            Multistatus::parse("<html><body>Welcome</body></html>", &base),
            Err(CaldavError::NotCaldav)
        ));
        let laughs = r#"<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa">]><multistatus>&a;</multistatus>"#;
        assert!(matches!(
            Multistatus::parse(laughs, &base),
            Err(CaldavError::NotCaldav)
        ));
    }
}

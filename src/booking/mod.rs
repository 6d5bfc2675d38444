//! The booking service: the one place that writes bookings.
//!
//! Every operation runs inside one `BEGIN IMMEDIATE` transaction on the single writer
//! connection: it loads what it needs, asks the availability engine whether the time is
//! free *inside* the transaction, writes the booking, its hosts and a domain event, and
//! commits. Writes are serialized, so of any number of concurrent requests for one slot
//! exactly one wins; the others see its booking and are told the time is taken.

pub mod payment;
pub mod slots;

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use chrono::{DateTime, Datelike, Duration, TimeZone, Utc};
use chrono_tz::Tz;
use rusqlite::{Connection, Transaction};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

pub use crate::access::BookingAction;
use crate::access::{self, Access};
use crate::availability::{
    self, RoundRobinCandidate, SlotDetails, Unavailable, assign_round_robin, why_chosen,
};
use crate::booking::slots::{Context, LoadError};
use crate::crypto::{constant_time_eq, random_bytes, token_hash};
use crate::db::bookings::{self, Booking, BookingEvent, BookingStatus, NewBooking};
use crate::db::outbox::Outbox;
use crate::db::{DbError, event_types, payments, users};
use crate::model::booking::unavailable_reason;
pub use crate::model::booking::{ManageKey, current_manage_token, manage_path, manage_token};
use crate::model::error::{FieldErrors, Reason, check_email, check_single_line};
use crate::model::event_types::{EventType, Location, VideoProvider, validate_guests};
use crate::model::questions::validate_answers;
use crate::model::schedules::parse_zone;
use crate::model::time;
use crate::present::{Language, LanguageTag};
use crate::reason;

#[derive(Debug, thiserror::Error)]
pub enum BookingError {
    #[error("no event type has that id")]
    EventTypeNotFound,
    #[error("no booking has that id")]
    BookingNotFound,
    /// The person sees the booking but may not do this to it.
    #[error("{0}")]
    Forbidden(Reason),
    #[error("{0}")]
    Invalid(FieldErrors),
    /// The time is taken (a conflict, full seats, a reached limit).
    #[error("that time is no longer available")]
    Taken(Unavailable),
    /// The time is not bookable at all (not a slot, too soon, outside the window, …).
    #[error("{0}")]
    NotBookable(Unavailable),
    #[error("this Idempotency-Key was used for a different request")]
    IdempotencyKeyReused,
    /// The booking is not in a state that allows this (cancelled, over, …).
    #[error("{0}")]
    WrongState(Reason),
    /// An hourly cap on new bookings is reached (see [`HourlyCaps`]).
    #[error("{}", .cap.reason())]
    RateLimited { cap: Cap, retry_after: Duration },
    #[error(transparent)]
    Db(#[from] DbError),
}

impl BookingError {
    /// Why, in `language` where the catalogues say it, in English otherwise (field errors
    /// each name their field; a database failure is the log's).
    pub fn text(&self, language: Language) -> String {
        self.reason()
            .map_or_else(|| self.to_string(), |reason| reason.text(language))
    }

    /// Why, as a catalogue message, when one sentence says it.
    fn reason(&self) -> Option<Reason> {
        match self {
            BookingError::Forbidden(reason) | BookingError::WrongState(reason) => {
                Some(reason.clone())
            }
            BookingError::Taken(why) | BookingError::NotBookable(why) => {
                Some(unavailable_reason(why))
            }
            BookingError::IdempotencyKeyReused => Some(reason!("api-idempotency-key-reused")),
            BookingError::RateLimited { cap, .. } => Some(cap.reason()),
            BookingError::EventTypeNotFound
            | BookingError::BookingNotFound
            | BookingError::Invalid(_)
            | BookingError::Db(_) => None,
        }
    }
}

/// Which hourly cap a booking ran into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cap {
    EventType(i64),
    Host(i64),
}

impl Cap {
    /// What the person booking is told.
    pub fn reason(self) -> Reason {
        match self {
            Cap::EventType(_) => reason!("bk-cap-event-type"),
            Cap::Host(_) => reason!("bk-cap-host"),
        }
    }

    /// Which cap, for messages that choose their words by it: `event-type` or `host`.
    pub fn kind(self) -> &'static str {
        match self {
            Cap::EventType(_) => "event-type",
            Cap::Host(_) => "host",
        }
    }

    /// The audit log's object: the event type or the host.
    pub fn audit_object(self) -> String {
        match self {
            Cap::EventType(id) => format!("event_type:{id}"),
            Cap::Host(id) => format!("user:{id}"),
        }
    }
}

/// How many new bookings one event type and one host take per hour (0: no cap). They
/// limit what a flood of bookings from many addresses can do (take every slot, send
/// thousands of emails) where the per-address limit cannot. Bookings a host makes on an
/// event type they host are never refused, but count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HourlyCaps {
    pub per_event_type: u32,
    pub per_host: u32,
}

impl From<rusqlite::Error> for BookingError {
    fn from(err: rusqlite::Error) -> Self {
        BookingError::Db(DbError::from(err))
    }
}

impl From<LoadError> for BookingError {
    fn from(err: LoadError) -> Self {
        match err {
            LoadError::Db(err) => err.into(),
            LoadError::MissingHost(_) => BookingError::WrongState(reason!("bk-error-host-gone")),
            LoadError::OutOfRange(err) => refused("start", err.reason()),
        }
    }
}

impl From<Unavailable> for BookingError {
    fn from(reason: Unavailable) -> Self {
        match reason {
            Unavailable::Conflict
            | Unavailable::NoSeatsLeft
            | Unavailable::BookingLimitReached { .. }
            | Unavailable::DurationLimitReached { .. }
            | Unavailable::OutOfOffice => BookingError::Taken(reason),
            other => BookingError::NotBookable(other),
        }
    }
}

/// Who is acting on a booking.
#[derive(Debug, Clone)]
pub enum Actor {
    /// A signed-in user or API key owner: may act on bookings they host or own.
    User(i64),
    /// The invitee, holding the booking's manage token.
    Invitee(String),
}

impl Actor {
    fn label(&self) -> String {
        match self {
            Actor::User(id) => format!("user:{id}"),
            Actor::Invitee(_) => "invitee".into(),
        }
    }
}

/// The person booking.
#[derive(Debug, Clone, Default)]
pub struct Attendee {
    pub name: String,
    pub email: String,
    pub time_zone: String,
    /// Their locale, a BCP 47 tag (`en-US`): from their browser's languages or the API.
    pub locale: Option<String>,
}

/// A request to book one start of an event type.
#[derive(Debug, Clone, Default)]
pub struct BookingRequest {
    pub event_type_id: i64,
    pub start: Option<DateTime<Utc>>,
    pub duration_minutes: Option<u32>,
    pub attendee: Attendee,
    pub guests: Vec<String>,
    pub answers: BTreeMap<String, Value>,
    /// The kind of location chosen (`inPerson`, `phone`, `link`, `video`); default: the first.
    pub location: Option<String>,
    pub idempotency_key: Option<String>,
    /// The signed-in member making the booking (dashboard session or API key), if any:
    /// on event types they host, the hourly caps do not apply.
    pub booked_by: Option<i64>,
    /// What hosts' calendars answered live (see [`LiveCalendars`]): blocks like the
    /// replica's busy time. [`book`] fills it in.
    pub live_busy: Vec<LiveBusy>,
}

/// Settings the service needs from the instance.
#[derive(Clone)]
pub struct Settings {
    pub context: Context,
    /// Video rooms are created under this URL, e.g. `https://meet.jit.si`.
    pub video_base_url: String,
    /// Derives each booking's manage token, see [`manage_token`].
    pub manage_key: ManageKey,
    /// Hourly caps on new bookings.
    pub caps: HourlyCaps,
    /// Where booking changes are recorded and who follows them.
    pub outbox: Outbox,
    /// Asks hosts' own calendars, live, before a booking is made (hosts who turned that
    /// on); `None`: the replica alone decides.
    pub live_calendars: Option<Arc<dyn LiveCalendars>>,
}

/// A stretch of a host's time found busy by asking their calendar live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LiveBusy {
    pub user_id: i64,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// Asks hosts' own calendars, within a short time, what changed there around a start
/// about to be booked, beyond what the local replica knows. Implemented by the calendar
/// integration; a calendar that does not answer in time adds nothing (and the
/// implementation records that), so a booking never waits long on a host's server.
pub trait LiveCalendars: Send + Sync {
    /// The busy stretches between `from` and `to` of those of `hosts` who asked for a
    /// live check.
    fn busy(
        &self,
        hosts: Vec<i64>,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Pin<Box<dyn Future<Output = Vec<LiveBusy>> + Send + '_>>;
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("context", &self.context)
            .field("video_base_url", &self.video_base_url)
            .field("caps", &self.caps)
            .field("outbox", &self.outbox)
            .field("live_calendars", &self.live_calendars.is_some())
            .finish_non_exhaustive()
    }
}

/// A booking the service made or found.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub booking: Booking,
    /// The invitee's manage token: only when a booking was made just now.
    pub manage_token: Option<String>,
    /// True when an earlier identical request's booking was returned instead.
    pub replayed: bool,
}

pub(crate) fn invalid(field: &str, message: &str) -> BookingError {
    let mut errors = FieldErrors::new();
    errors.add(field, message);
    BookingError::Invalid(errors)
}

/// `field` refused with the catalogue message `reason` (see [`FieldErrors::refuse`]).
fn refused(field: &str, reason: Reason) -> BookingError {
    BookingError::Invalid(FieldErrors::refusing(field, reason))
}

pub(crate) fn pick_duration(
    event_type: &EventType,
    asked: Option<u32>,
) -> Result<u32, BookingError> {
    let durations = &event_type.input.durations_minutes;
    match asked {
        None => durations
            .first()
            .copied()
            .ok_or_else(|| refused("duration", reason!("bk-error-no-duration"))),
        Some(minutes) if durations.contains(&minutes) => Ok(minutes),
        Some(minutes) => {
            let offered: Vec<String> = durations.iter().map(u32::to_string).collect();
            Err(refused(
                "duration",
                reason!(
                    "bk-error-other-duration",
                    minutes = minutes,
                    durations = offered.join(", ")
                ),
            ))
        }
    }
}

/// The checked parts of a request.
struct Checked {
    start: DateTime<Utc>,
    duration: u32,
    attendee: Attendee,
    guests: Vec<String>,
    answers: BTreeMap<String, Value>,
    location: Option<Location>,
}

fn check_request(
    event_type: &EventType,
    request: &BookingRequest,
) -> Result<Checked, BookingError> {
    let mut errors = FieldErrors::new();
    let mut attendee = request.attendee.clone();
    attendee.name = attendee.name.trim().to_string();
    attendee.email = attendee.email.trim().to_string();
    if attendee.name.is_empty() {
        errors.add("attendee.name", "is required");
    } else if attendee.name.chars().count() > 200 {
        errors.add("attendee.name", "must be at most 200 characters");
    } else if let Err(reason) = check_single_line(&attendee.name) {
        errors.add("attendee.name", reason);
    }
    if attendee.email.is_empty() {
        errors.add("attendee.email", "is required");
    } else if let Err(reason) = check_email(&attendee.email) {
        errors.add("attendee.email", reason);
    }
    match parse_zone(&attendee.time_zone) {
        Ok(zone) => attendee.time_zone = zone.name().to_string(),
        Err(reason) => errors.add("attendee.timeZone", reason),
    }
    attendee.locale = match attendee.locale.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(tag) => match LanguageTag::parse(tag) {
            Ok(tag) => Some(tag.to_string()),
            Err(reason) => {
                errors.add("attendee.locale", reason.to_string());
                None
            }
        },
    };
    let mut guests = request.guests.clone();
    validate_guests(&mut guests, &mut errors);
    let answers = validate_answers(&event_type.input.questions, &request.answers, &mut errors);
    let duration = match pick_duration(event_type, request.duration_minutes) {
        Ok(duration) => duration,
        Err(BookingError::Invalid(more)) => {
            for error in more.iter() {
                errors.push_as(&error.field, error);
            }
            0
        }
        Err(other) => return Err(other),
    };
    let locations = &event_type.input.locations;
    let location = match request.location.as_deref().map(str::trim) {
        None | Some("") => locations.first().cloned(),
        Some(kind) => match locations.iter().find(|l| l.choice_key() == kind) {
            Some(found) => Some(found.clone()),
            None => {
                let offered: Vec<&str> = locations.iter().map(Location::choice_key).collect();
                errors.refuse(
                    "location",
                    if offered.is_empty() {
                        reason!("bk-error-no-locations")
                    } else {
                        reason!("error-one-of", choices = offered.join(", "))
                    },
                );
                None
            }
        },
    };
    if request.start.is_none() {
        errors.add("start", "is required");
    }
    if let Some(key) = &request.idempotency_key
        && (key.is_empty() || key.len() > 255)
    {
        errors.add("Idempotency-Key", "must be 1 to 255 characters");
    }
    let start = request.start.unwrap_or_default();
    errors
        .into_result(Checked {
            start,
            duration,
            attendee,
            guests,
            answers,
            location,
        })
        .map_err(BookingError::Invalid)
}

/// A fingerprint of what the booker asked for: an identical repeat finds the first booking.
fn request_hash(event_type_id: i64, checked: &Checked) -> String {
    let mut hasher = Sha256::new();
    hasher.update(
        format!(
            "{event_type_id}\n{}\n{}\n{}",
            checked.start.timestamp(),
            checked.duration,
            checked.attendee.email.to_lowercase()
        )
        .as_bytes(),
    );
    hex::encode(hasher.finalize())
}

/// A public booking id: 20 random bytes in lowercase base32 (32 characters).
fn new_uid() -> String {
    const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
    let bytes = random_bytes::<20>();
    let mut out = String::with_capacity(32);
    let mut buffer: u32 = 0;
    let mut bits = 0;
    for byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
        }
    }
    out
}

/// Turns the chosen location into the booking's: a Jitsi video location without a room
/// gets its own; a booking being moved keeps the room it has. A Google Meet or Teams
/// meeting is made with the host's calendar event, and its link arrives later.
fn resolve_location(location: Option<Location>, video_base_url: &str) -> Option<Location> {
    location.map(|location| match location {
        Location::Video {
            provider: VideoProvider::Jitsi,
            url: None,
        } => Location::Video {
            provider: VideoProvider::Jitsi,
            url: Some(format!(
                "{}/kairos-{}",
                video_base_url.trim_end_matches('/'),
                hex::encode(random_bytes::<10>())
            )),
        },
        other => other,
    })
}

/// The first instant of the calendar month (UTC) containing `now`, and of the next one.
fn month_of(now: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    let start = Utc
        .with_ymd_and_hms(now.year(), now.month(), 1, 0, 0, 0)
        .single()
        .unwrap_or(now);
    let (year, month) = if now.month() == 12 {
        (now.year() + 1, 1)
    } else {
        (now.year(), now.month() + 1)
    };
    let end = Utc
        .with_ymd_and_hms(year, month, 1, 0, 0, 0)
        .single()
        .unwrap_or(now);
    (start, end)
}

/// The hosts round robin chose, each with why: a [`availability::RoundRobinReason`] key,
/// or `kept` when a reschedule kept the host.
type ChosenBecause = Vec<(i64, &'static str)>;

/// The hosts of a booking: every fixed host, and one chosen host per round-robin group,
/// with why round robin chose them (a [`availability::RoundRobinReason`] key, or `kept`).
/// `prefer` keeps a host (on reschedule) when they are free.
fn choose_hosts(
    conn: &Connection,
    event_type: &EventType,
    details: &SlotDetails,
    now: DateTime<Utc>,
    prefer: &[i64],
) -> Result<(Vec<i64>, ChosenBecause), BookingError> {
    let mut hosts: Vec<i64> = details.fixed_hosts.iter().map(|h| h.0).collect();
    let mut reasons = Vec::new();
    let (period_start, period_end) = month_of(now);
    for group in &details.round_robin_groups {
        if let Some(kept) = group.free_hosts.iter().find(|h| prefer.contains(&h.0)) {
            hosts.push(kept.0);
            reasons.push((kept.0, "kept"));
            continue;
        }
        let mut candidates = Vec::with_capacity(group.free_hosts.len());
        for host_id in &group.free_hosts {
            let Some(host) = event_type
                .input
                .hosts
                .iter()
                .find(|h| h.user_id == host_id.0)
            else {
                continue;
            };
            let (count, last) = bookings::round_robin_history(
                conn,
                event_type.id,
                host_id.0,
                period_start,
                period_end,
            )?;
            candidates.push(RoundRobinCandidate {
                host_id: *host_id,
                priority: host.priority.engine(),
                weight: host.weight,
                bookings_in_period: count,
                last_booked_at: last,
            });
        }
        let chosen =
            assign_round_robin(&candidates).ok_or(BookingError::Taken(Unavailable::Conflict))?;
        hosts.push(chosen.0);
        reasons.push((chosen.0, why_chosen(&candidates, chosen).as_str()));
    }
    hosts.sort_unstable();
    hosts.dedup();
    Ok((hosts, reasons))
}

/// Stores why round robin chose each of a booking's chosen hosts.
fn record_reasons(
    conn: &Connection,
    booking_id: i64,
    reasons: &[(i64, &str)],
) -> Result<(), BookingError> {
    for (host, reason) in reasons {
        bookings::set_chosen_because(conn, booking_id, *host, reason)?;
    }
    Ok(())
}

fn load_event_type(conn: &Connection, id: i64) -> Result<EventType, BookingError> {
    event_types::get(conn, id)?.ok_or(BookingError::EventTypeNotFound)
}

/// Asks the engine whether `start` is bookable now, inside the caller's transaction.
/// What a time check sees beside the stored bookings and replica.
#[derive(Debug, Clone, Copy, Default)]
struct Beside<'a> {
    /// A booking left out (the one being rescheduled or confirmed).
    except_booking: Option<i64>,
    /// Busy time the hosts' calendars answered live.
    live_busy: &'a [LiveBusy],
}

impl Beside<'_> {
    fn except(booking_id: i64) -> Self {
        Self {
            except_booking: Some(booking_id),
            live_busy: &[],
        }
    }
}

fn check_time(
    conn: &Connection,
    event_type: &EventType,
    start: DateTime<Utc>,
    duration: u32,
    zone: Tz,
    context: Context,
    beside: Beside<'_>,
) -> Result<SlotDetails, BookingError> {
    let start = time::check_instant(start).map_err(|err| refused("start", err.reason()))?;
    let end = start
        .checked_add_signed(Duration::minutes(i64::from(duration)))
        .ok_or_else(|| refused("start", time::TimeInputError::OutOfRange.reason()))?;
    let mut input = slots::load_input(
        conn,
        event_type,
        start,
        end,
        zone,
        context,
        beside.except_booking,
    )?;
    for host in &mut input.team.hosts {
        host.busy.extend(
            beside
                .live_busy
                .iter()
                .filter(|busy| busy.user_id == host.id.0 && busy.start < busy.end)
                .map(|busy| crate::availability::Interval::new(busy.start, busy.end)),
        );
    }
    Ok(availability::check_slot(&input, start, duration)?)
}

/// Records a state change of a booking in the outbox, in the transaction that made it:
/// the subscribers enqueue what follows (messages, webhooks, workflows) in that same
/// transaction, so a change is never kept without them, nor followed up twice.
fn record_event(
    tx: &Transaction<'_>,
    settings: &Settings,
    booking_id: i64,
    event: BookingEvent,
    actor: &str,
    data: &Value,
) -> Result<(), BookingError> {
    settings
        .outbox
        .record(tx, booking_id, event, actor, data, settings.context.now)?;
    Ok(())
}

/// Books a start of an event type in its own transaction (see [`create`]). A booking
/// refused by an hourly cap is audited as `booking_rate_limited` with `actor`, naming
/// the event type or the host, never the person booking.
pub async fn book(
    db: &crate::db::Db,
    request: BookingRequest,
    settings: Settings,
    actor: crate::audit::Actor,
    origin: &crate::audit::Origin,
) -> Result<Outcome, BookingError> {
    let now = settings.context.now;
    let mut request = request;
    if let Some(live) = &settings.live_calendars {
        request.live_busy =
            ask_live(db, live.as_ref(), request.event_type_id, request.start).await?;
    }
    let result = db.write(move |tx| create(tx, &request, &settings)).await;
    if let Err(BookingError::RateLimited { cap, .. }) = &result {
        tracing::warn!(cap = %cap.audit_object(), "booking refused: hourly cap reached");
        crate::audit::record_alone(
            db,
            now,
            actor,
            "booking_rate_limited",
            Some(cap.audit_object()),
            crate::audit::Outcome::Denied,
            origin,
        )
        .await?;
    }
    result
}

/// Asks the calendars of event type `event_type_id`'s hosts live about the day around
/// `start`.
async fn ask_live(
    db: &crate::db::Db,
    live: &dyn LiveCalendars,
    event_type_id: i64,
    start: Option<DateTime<Utc>>,
) -> Result<Vec<LiveBusy>, BookingError> {
    let Some(start) = start else {
        return Ok(Vec::new());
    };
    // Wide enough for any duration and buffer; an out-of-range start is refused later.
    let (Some(from), Some(to)) = (
        start.checked_sub_signed(Duration::days(1)),
        start.checked_add_signed(Duration::days(2)),
    ) else {
        return Ok(Vec::new());
    };
    let hosts = db
        .read(move |conn| slots::by_id(conn, event_type_id).map_err(DbError::from))
        .await?
        .map(|bookable| bookable.hosts.into_iter().map(|host| host.id).collect())
        .unwrap_or_default();
    Ok(live.busy(hosts, from, to).await)
}

/// Books a start of an event type. Must run inside a write transaction.
pub fn create(
    tx: &Transaction<'_>,
    request: &BookingRequest,
    settings: &Settings,
) -> Result<Outcome, BookingError> {
    let event_type = load_event_type(tx, request.event_type_id)?;
    let checked = check_request(&event_type, request)?;
    let hash = request_hash(event_type.id, &checked);

    if let Some(key) = &request.idempotency_key
        && let Some(existing) = bookings::by_idempotency_key(tx, key)?
    {
        if existing.request_hash != hash {
            return Err(BookingError::IdempotencyKeyReused);
        }
        return Ok(Outcome {
            booking: existing,
            manage_token: None,
            replayed: true,
        });
    }
    if let Some(existing) = bookings::active_by_request_hash(tx, &hash)? {
        return Ok(Outcome {
            booking: existing,
            manage_token: None,
            replayed: true,
        });
    }

    let zone = parse_zone(&checked.attendee.time_zone).unwrap_or(Tz::UTC);
    let details = check_time(
        tx,
        &event_type,
        checked.start,
        checked.duration,
        zone,
        settings.context,
        Beside {
            except_booking: None,
            live_busy: &request.live_busy,
        },
    )?;
    let (hosts, reasons) = choose_hosts(tx, &event_type, &details, settings.context.now, &[])?;
    if !request
        .booked_by
        .is_some_and(|user_id| hosts_event_type(&event_type, user_id))
    {
        check_hourly_caps(tx, &event_type, &hosts, settings.caps, settings.context.now)?;
    }
    let hold = match &event_type.input.price {
        Some(_) => Some(
            payments::hold(tx)?.ok_or(BookingError::WrongState(reason!("pay-error-not-set-up")))?,
        ),
        None => None,
    };
    let status = if hold.is_some() {
        BookingStatus::AwaitingPayment
    } else if event_type.input.requires_confirmation {
        BookingStatus::Pending
    } else {
        BookingStatus::Accepted
    };
    let (booking, manage_token) = insert_booking(
        tx,
        &event_type,
        &checked,
        &hash,
        status,
        &hosts,
        settings,
        request.idempotency_key.as_deref(),
        None,
    )?;
    record_reasons(tx, booking.id, &reasons)?;
    let (event, data) = match (&event_type.input.price, hold) {
        (Some(price), Some(hold)) => {
            let payment_id = payments::insert(
                tx,
                booking.id,
                price,
                settings.context.now + hold,
                settings.context.now,
            )?;
            (
                BookingEvent::PaymentInitiated,
                json!({ "uid": booking.uid, "paymentId": payment_id, "price": price.amount, "currency": price.currency }),
            )
        }
        _ if status == BookingStatus::Pending => {
            (BookingEvent::Requested, json!({ "uid": booking.uid }))
        }
        _ => (BookingEvent::Created, json!({ "uid": booking.uid })),
    };
    record_event(tx, settings, booking.id, event, "invitee", &data)?;
    tracing::info!(
        booking_id = booking.id,
        event_type_id = event_type.id,
        status = status.as_str(),
        "booking made"
    );
    Ok(Outcome {
        booking,
        manage_token: Some(manage_token),
        replayed: false,
    })
}

/// Whether `user_id` hosts bookings of `event_type` (its owner, or one of its team hosts).
fn hosts_event_type(event_type: &EventType, user_id: i64) -> bool {
    event_type.owner_user_id == Some(user_id)
        || event_type.input.hosts.iter().any(|h| h.user_id == user_id)
}

/// Refuses a new booking of `event_type` with `hosts` once the event type, or one of the
/// hosts, took its cap of new bookings in the last hour. Runs inside the booking's write
/// transaction, so concurrent requests cannot slip past a cap together.
fn check_hourly_caps(
    conn: &Connection,
    event_type: &EventType,
    hosts: &[i64],
    caps: HourlyCaps,
    now: DateTime<Utc>,
) -> Result<(), BookingError> {
    let since = now - Duration::hours(1);
    let refuse = |cap: Cap, oldest_counted: DateTime<Utc>| BookingError::RateLimited {
        cap,
        retry_after: (oldest_counted + Duration::hours(1) - now).max(Duration::seconds(1)),
    };
    if caps.per_event_type > 0
        && let Some(at) =
            bookings::nth_newest_for_event_type(conn, event_type.id, since, caps.per_event_type)?
    {
        return Err(refuse(Cap::EventType(event_type.id), at));
    }
    if caps.per_host > 0 {
        for &host in hosts {
            if let Some(at) = bookings::nth_newest_for_host(conn, host, since, caps.per_host)? {
                return Err(refuse(Cap::Host(host), at));
            }
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn insert_booking(
    tx: &Transaction<'_>,
    event_type: &EventType,
    checked: &Checked,
    hash: &str,
    status: BookingStatus,
    hosts: &[i64],
    settings: &Settings,
    idempotency_key: Option<&str>,
    rescheduled_from: Option<(i64, Option<&str>)>,
) -> Result<(Booking, String), BookingError> {
    let uid = new_uid();
    let manage_token = manage_token(&settings.manage_key, &uid);
    let location = resolve_location(checked.location.clone(), &settings.video_base_url);
    let end = checked
        .start
        .checked_add_signed(Duration::minutes(i64::from(checked.duration)))
        .ok_or_else(|| refused("start", time::TimeInputError::OutOfRange.reason()))?;
    let id = bookings::insert(
        tx,
        &NewBooking {
            uid: &uid,
            event_type_id: event_type.id,
            title: &event_type.input.title,
            start: checked.start,
            end,
            status,
            before_buffer_minutes: event_type.input.before_buffer_minutes,
            after_buffer_minutes: event_type.input.after_buffer_minutes,
            attendee_name: &checked.attendee.name,
            attendee_email: &checked.attendee.email,
            attendee_time_zone: &checked.attendee.time_zone,
            locale: checked.attendee.locale.as_deref(),
            answers: &checked.answers,
            guests: &checked.guests,
            location: location.as_ref(),
            rescheduled_from_id: rescheduled_from.map(|(id, _)| id),
            reschedule_reason: rescheduled_from.and_then(|(_, reason)| reason),
            idempotency_key,
            request_hash: hash,
            manage_token_hash: &token_hash(&manage_token),
            hosts,
        },
        settings.context.now,
    )?;
    let booking = bookings::by_id(tx, id)?.ok_or(BookingError::BookingNotFound)?;
    Ok((booking, manage_token))
}

/// Loads a booking the actor may do `action` to (see [`crate::access`]). Someone who may
/// not see it learns nothing (not found); someone who sees it but may not do this is
/// told so. The invitee's manage token allows everything an invitee can do.
pub fn authorize(
    conn: &Connection,
    uid: &str,
    actor: &Actor,
    action: BookingAction,
) -> Result<Booking, BookingError> {
    let booking = bookings::by_uid(conn, uid)?.ok_or(BookingError::BookingNotFound)?;
    let access = match actor {
        Actor::User(user_id) => match users::by_id(conn, *user_id)? {
            Some(user) if !user.disabled => access::booking(conn, &user, &booking, action)?,
            _ => Access::Hidden,
        },
        Actor::Invitee(token) => {
            let hash = token_hash(token);
            if constant_time_eq(&hash, &booking.manage_token_hash)
                || crate::db::workflows::link_exists(conn, booking.id, &hash)?
            {
                Access::Allowed
            } else {
                Access::Hidden
            }
        }
    };
    match access {
        Access::Allowed => Ok(booking),
        Access::Forbidden(reason) => Err(BookingError::Forbidden(reason)),
        Access::Hidden => Err(BookingError::BookingNotFound),
    }
}

fn clean_reason(reason: Option<&str>) -> Result<Option<String>, BookingError> {
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if reason.is_some_and(|r| r.chars().count() > 1_000) {
        return Err(invalid("reason", "must be at most 1000 characters"));
    }
    Ok(reason.map(str::to_string))
}

/// Cancels a booking, recording the reason.
pub fn cancel(
    tx: &Transaction<'_>,
    uid: &str,
    reason: Option<&str>,
    actor: &Actor,
    settings: &Settings,
) -> Result<Booking, BookingError> {
    let now = settings.context.now;
    let booking = authorize(tx, uid, actor, BookingAction::Cancel)?;
    let reason = clean_reason(reason)?;
    if !booking.status.is_active() {
        return Err(BookingError::WrongState(reason!("bk-error-not-active")));
    }
    if booking.end <= now {
        return Err(BookingError::WrongState(reason!("bk-error-over")));
    }
    bookings::set_status(
        tx,
        booking.id,
        BookingStatus::Cancelled,
        reason.as_deref(),
        now,
    )?;
    record_event(
        tx,
        settings,
        booking.id,
        BookingEvent::Cancelled,
        &actor.label(),
        &json!({ "uid": uid }),
    )?;
    tracing::info!(booking_id = booking.id, "booking cancelled");
    bookings::by_id(tx, booking.id)?.ok_or(BookingError::BookingNotFound)
}

/// Moves a booking to a new start: the old booking is cancelled and a new one, linked to
/// it, is made — in one transaction, so the invitee never holds both or neither. The
/// hosts' calendars are asked live first when they turned that on.
pub async fn move_to(
    db: &crate::db::Db,
    uid: String,
    new_start: DateTime<Utc>,
    reason: Option<String>,
    actor: Actor,
    settings: Settings,
) -> Result<Outcome, BookingError> {
    let mut live_busy = Vec::new();
    if let Some(live) = &settings.live_calendars {
        let key = uid.clone();
        let event_type_id = db
            .read(move |conn| bookings::by_uid(conn, &key).map_err(DbError::from))
            .await?
            .and_then(|booking| booking.event_type_id);
        if let Some(event_type_id) = event_type_id {
            live_busy = ask_live(db, live.as_ref(), event_type_id, Some(new_start)).await?;
        }
    }
    db.write(move |tx| {
        reschedule(
            tx,
            &uid,
            new_start,
            reason.as_deref(),
            &actor,
            &settings,
            &live_busy,
        )
    })
    .await
}

/// A booking the actor may move, with its event type: it must still be active and its
/// event type still there.
fn movable(
    conn: &Connection,
    uid: &str,
    actor: &Actor,
) -> Result<(Booking, EventType), BookingError> {
    let booking = authorize(conn, uid, actor, BookingAction::Reschedule)?;
    if !booking.status.is_active() {
        return Err(BookingError::WrongState(reason!("bk-error-not-active")));
    }
    let event_type = booking
        .event_type_id
        .map(|id| load_event_type(conn, id))
        .transpose()?
        .ok_or_else(|| BookingError::WrongState(reason!("bk-error-event-type-deleted")))?;
    Ok((booking, event_type))
}

/// The free times a booking the actor may move could move to in `[from, to)`, for a
/// reader in `zone`: its event type's slots of its length, its own time counted as free.
pub fn times_to_move_to(
    conn: &Connection,
    uid: &str,
    actor: &Actor,
    (from, to): (DateTime<Utc>, DateTime<Utc>),
    zone: Tz,
    context: Context,
) -> Result<(Booking, availability::SlotList), BookingError> {
    let (booking, event_type) = movable(conn, uid, actor)?;
    let duration = u32::try_from((booking.end - booking.start).num_minutes()).unwrap_or(0);
    let slots = slots::list_except(
        conn,
        &event_type,
        (from, to),
        zone,
        Some(duration),
        context,
        Some(booking.id),
    )?;
    Ok((booking, slots))
}

/// Moves a booking inside a write transaction; `live_busy` is what the hosts' calendars
/// answered live (see [`move_to`]).
fn reschedule(
    tx: &Transaction<'_>,
    uid: &str,
    new_start: DateTime<Utc>,
    reason: Option<&str>,
    actor: &Actor,
    settings: &Settings,
    live_busy: &[LiveBusy],
) -> Result<Outcome, BookingError> {
    let (old, event_type) = movable(tx, uid, actor)?;
    let reason = clean_reason(reason)?;
    let now = settings.context.now;
    let duration = u32::try_from((old.end - old.start).num_minutes()).unwrap_or(0);
    let checked = Checked {
        start: new_start,
        duration,
        attendee: Attendee {
            name: old.attendee_name.clone(),
            email: old.attendee_email.clone(),
            time_zone: old.attendee_time_zone.clone(),
            // The invitee who moves a booking reads it as before, wherever they move it from.
            locale: old.locale.clone(),
        },
        guests: old.guests.clone(),
        answers: old.answers.clone(),
        // The same meeting keeps its place, video room included.
        location: old.location.clone(),
    };
    let zone = parse_zone(&old.attendee_time_zone).unwrap_or(Tz::UTC);
    let details = check_time(
        tx,
        &event_type,
        new_start,
        duration,
        zone,
        settings.context,
        Beside {
            except_booking: Some(old.id),
            live_busy,
        },
    )?;
    let (hosts, reasons) = choose_hosts(tx, &event_type, &details, now, &old.hosts)?;
    // The invitee moving a booking that needs confirmation asks again; a host's move stands.
    let status = match actor {
        Actor::Invitee(_) if event_type.input.requires_confirmation => BookingStatus::Pending,
        _ => old.status,
    };
    bookings::set_status(tx, old.id, BookingStatus::Cancelled, None, now)?;
    let hash = request_hash(event_type.id, &checked);
    let (booking, manage_token) = insert_booking(
        tx,
        &event_type,
        &checked,
        &hash,
        status,
        &hosts,
        settings,
        None,
        Some((old.id, reason.as_deref())),
    )?;
    record_reasons(tx, booking.id, &reasons)?;
    bookings::link_rescheduled(tx, old.id, booking.id)?;
    // The same meeting keeps what was paid for it.
    payments::move_to_booking(tx, old.id, booking.id, now)?;
    record_event(
        tx,
        settings,
        booking.id,
        BookingEvent::Rescheduled,
        &actor.label(),
        &json!({ "uid": booking.uid, "fromUid": old.uid }),
    )?;
    tracing::info!(
        booking_id = booking.id,
        from = old.id,
        "booking rescheduled"
    );
    Ok(Outcome {
        booking,
        manage_token: Some(manage_token),
        replayed: false,
    })
}

/// Accepts a pending booking, checking again that its time is still free.
pub fn confirm(
    tx: &Transaction<'_>,
    uid: &str,
    user_id: i64,
    settings: &Settings,
) -> Result<Booking, BookingError> {
    let now = settings.context.now;
    let booking = authorize(tx, uid, &Actor::User(user_id), BookingAction::Confirm)?;
    if booking.status != BookingStatus::Pending {
        return Err(BookingError::WrongState(reason!(
            "bk-error-confirm-pending-only"
        )));
    }
    if booking.start <= now {
        return Err(BookingError::WrongState(reason!("bk-error-started")));
    }
    if let Some(event_type_id) = booking.event_type_id {
        let event_type = load_event_type(tx, event_type_id)?;
        recheck(tx, &event_type, &booking, settings.context)?;
    }
    bookings::set_status(tx, booking.id, BookingStatus::Accepted, None, now)?;
    record_event(
        tx,
        settings,
        booking.id,
        BookingEvent::Confirmed,
        &format!("user:{user_id}"),
        &json!({ "uid": uid }),
    )?;
    bookings::by_id(tx, booking.id)?.ok_or(BookingError::BookingNotFound)
}

/// Checks that a booking's own time is still free, counting everything but itself. Its
/// notice and window are applied as when the invitee asked, so that confirming (or
/// paying) late never fails on them; a time no longer bookable is [`BookingError::Taken`].
fn recheck(
    tx: &Transaction<'_>,
    event_type: &EventType,
    booking: &Booking,
    context: Context,
) -> Result<SlotDetails, BookingError> {
    let duration = u32::try_from((booking.end - booking.start).num_minutes()).unwrap_or(0);
    let zone = parse_zone(&booking.attendee_time_zone).unwrap_or(Tz::UTC);
    let asked = Context {
        now: booking.created_at.min(context.now),
        ..context
    };
    check_time(
        tx,
        event_type,
        booking.start,
        duration,
        zone,
        asked,
        Beside::except(booking.id),
    )
    .map_err(|err| match err {
        BookingError::NotBookable(reason) => BookingError::Taken(reason),
        other => other,
    })
}

/// Declines a pending booking.
pub fn reject(
    tx: &Transaction<'_>,
    uid: &str,
    reason: Option<&str>,
    user_id: i64,
    settings: &Settings,
) -> Result<Booking, BookingError> {
    let now = settings.context.now;
    let booking = authorize(tx, uid, &Actor::User(user_id), BookingAction::Confirm)?;
    let reason = clean_reason(reason)?;
    if booking.status != BookingStatus::Pending {
        return Err(BookingError::WrongState(reason!(
            "bk-error-reject-pending-only"
        )));
    }
    bookings::set_status(
        tx,
        booking.id,
        BookingStatus::Rejected,
        reason.as_deref(),
        now,
    )?;
    record_event(
        tx,
        settings,
        booking.id,
        BookingEvent::Rejected,
        &format!("user:{user_id}"),
        &json!({ "uid": uid }),
    )?;
    bookings::by_id(tx, booking.id)?.ok_or(BookingError::BookingNotFound)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uids_are_long_random_and_url_safe() {
        let a = new_uid();
        assert_eq!(a.len(), 32);
        assert!(
            a.chars()
                .all(|c| c.is_ascii_lowercase() || ('2'..='7').contains(&c))
        );
        assert_ne!(a, new_uid());
    }

    #[test]
    fn manage_tokens_are_derived_per_booking_and_only_recognized_when_held() {
        let key = ManageKey::new(&crate::crypto::InstanceKey::from_bytes([7; 32]));
        let other = ManageKey::new(&crate::crypto::InstanceKey::from_bytes([8; 32]));
        let token = manage_token(&key, "abc");
        assert_eq!(token.len(), 64);
        assert_eq!(token, manage_token(&key, "abc"));
        assert_ne!(token, manage_token(&key, "abd"));
        assert_ne!(token, manage_token(&other, "abc"));
        assert_eq!(
            manage_path("abc", &token),
            format!("/booking/abc?token={token}")
        );
    }

    #[test]
    fn months() {
        let t = Utc
            .with_ymd_and_hms(2026, 12, 15, 10, 0, 0)
            .single()
            .unwrap_or_default();
        let (start, end) = month_of(t);
        assert_eq!(start.to_rfc3339(), "2026-12-01T00:00:00+00:00");
        assert_eq!(end.to_rfc3339(), "2027-01-01T00:00:00+00:00");
    }

    #[test]
    fn video_locations_get_their_own_room() {
        let room = resolve_location(
            Some(Location::Video {
                provider: VideoProvider::Jitsi,
                url: None,
            }),
            "https://meet.example/",
        );
        match room {
            Some(Location::Video { url: Some(url), .. }) => {
                assert!(url.starts_with("https://meet.example/kairos-"), "{url}")
            }
            other => panic!("unexpected {other:?}"),
        }
        let kept = Some(Location::Video {
            provider: VideoProvider::Jitsi,
            url: Some("https://meet.example/kairos-abc".into()),
        });
        assert_eq!(
            resolve_location(kept.clone(), "https://meet.example/"),
            kept
        );
    }
}

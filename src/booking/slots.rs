//! From stored data to the availability engine: the one place that gathers hosts,
//! schedules, bookings and out-of-office time for an event type. The slot list and the
//! booking check both start here, so they agree on what "free" means.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;

use crate::availability::{
    self, AvailabilityInput, DayOfWeek, Host, HostId, Interval, MAX_BUFFER_MINUTES, PeriodLimits,
    SlotList,
};
use crate::booking::{BookingError, invalid, pick_duration};
use crate::db::teams::Team;
use crate::db::users::User;
use crate::db::{bookings, calendars, event_types, schedules, teams, users};
use crate::model::error::{FieldErrors, Reason};
use crate::model::event_types::EventType;
use crate::model::schedules::default_working_hours;
use crate::reason;

/// What the loader needs besides the event type.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    pub now: DateTime<Utc>,
    pub first_day_of_week: DayOfWeek,
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("host {0} of the event type no longer exists")]
    MissingHost(i64),
    /// The asked range, widened by buffers and limit periods, leaves the years Kairos
    /// works in.
    #[error("{0}")]
    OutOfRange(#[from] crate::model::time::TimeInputError),
    #[error(transparent)]
    Db(#[from] rusqlite::Error),
}

/// How far before and after the asked range bookings matter: buffers, and whole limit
/// periods around any start in the range.
fn margin(limits: [PeriodLimits; 2]) -> Duration {
    let longest = limits
        .iter()
        .flat_map(|l| l.limits().map(|(period, _)| period))
        .max_by_key(|period| *period as u8);
    let period = match longest {
        Some(crate::availability::LimitPeriod::Year) => Duration::days(367),
        Some(crate::availability::LimitPeriod::Month) => Duration::days(32),
        Some(crate::availability::LimitPeriod::Week) => Duration::days(8),
        Some(crate::availability::LimitPeriod::Day) | None => Duration::days(2),
    };
    period + Duration::minutes(i64::from(MAX_BUFFER_MINUTES))
}

/// Builds the engine's input for starts in `[from, to)` of an event type.
/// `except_booking` leaves one booking out (the one being rescheduled or confirmed).
pub fn load_input(
    conn: &Connection,
    event_type: &EventType,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    booker_time_zone: Tz,
    context: Context,
    except_booking: Option<i64>,
) -> Result<AvailabilityInput, LoadError> {
    let rules = event_type.rules(context.first_day_of_week);
    let margin = margin([rules.booking_limits, rules.duration_limits_minutes]);
    crate::model::time::check_instant(from)?;
    crate::model::time::check_instant(to)?;
    let (window_from, window_to) = from
        .checked_sub_signed(margin)
        .zip(to.checked_add_signed(margin))
        .ok_or(crate::model::time::TimeInputError::OutOfRange)?;

    let mut hosts = Vec::new();
    let members: Vec<(i64, Option<&crate::model::event_types::EventHost>)> =
        match event_type.owner_user_id {
            Some(owner) => vec![(owner, None)],
            None => event_type
                .input
                .hosts
                .iter()
                .map(|host| (host.user_id, Some(host)))
                .collect(),
        };
    let mut bookings = Vec::new();
    for (user_id, role) in members {
        let user = users::by_id(conn, user_id)?.ok_or(LoadError::MissingHost(user_id))?;
        if user.disabled {
            continue;
        }
        // A personal event type may name one of the owner's schedules.
        let chosen = match (role, event_type.input.schedule_id) {
            (None, Some(id)) => schedules::get(conn, id)?.filter(|s| s.user_id == user_id),
            _ => None,
        };
        let schedule = match chosen {
            Some(stored) => stored.schedule,
            None => match schedules::default_for_user(conn, user_id)? {
                Some(stored) => stored.schedule,
                None => default_working_hours(user.time_zone)
                    .validate()
                    .map_err(|_| LoadError::MissingHost(user_id))?,
            },
        };
        let mut host = Host::new(HostId(user_id), schedule);
        host.out_of_office =
            schedules::out_of_office_between(conn, user_id, window_from, window_to)?;
        // The host's connected calendars, from the local replica: never the network.
        host.busy = calendars::busy_for_host(conn, user_id, window_from, window_to)?
            .into_iter()
            .map(|(start, end)| Interval::new(start, end))
            .collect();
        if let Some(role) = role {
            host.round_robin_group = role.round_robin_group.clone();
            host.priority = role.priority.engine();
            host.weight = role.weight;
        }
        bookings.extend(bookings::blocking_for_host(
            conn,
            user_id,
            window_from,
            window_to,
            event_type.id,
            except_booking,
        )?);
        hosts.push(host);
    }
    Ok(AvailabilityInput {
        event: rules,
        team: availability::Team {
            scheduling: event_type.input.scheduling_type.engine(),
            hosts,
        },
        bookings,
        now: context.now,
        booker_time_zone,
    })
}

/// The longest range of slots one request may ask for.
pub const MAX_SLOT_RANGE_DAYS: i64 = 62;

/// Checks a slot range `[from, to)`: within the years Kairos works in, ending after it
/// starts, at most [`MAX_SLOT_RANGE_DAYS`] long. A refusal names the field and the reason.
pub fn check_range(from: DateTime<Utc>, to: DateTime<Utc>) -> Result<(), (&'static str, Reason)> {
    crate::model::time::check_instant(from).map_err(|err| ("start", err.reason()))?;
    crate::model::time::check_instant(to).map_err(|err| ("end", err.reason()))?;
    if to <= from {
        return Err(("end", reason!("error-after-start")));
    }
    if to - from > Duration::days(MAX_SLOT_RANGE_DAYS) {
        return Err((
            "end",
            reason!("error-range-days", max = MAX_SLOT_RANGE_DAYS),
        ));
    }
    Ok(())
}

/// Lists the slots of an event type in `[from, to)` for a booker in `zone`.
pub fn list(
    conn: &Connection,
    event_type: &EventType,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    zone: Tz,
    duration_minutes: Option<u32>,
    context: Context,
) -> Result<SlotList, BookingError> {
    list_except(
        conn,
        event_type,
        (from, to),
        zone,
        duration_minutes,
        context,
        None,
    )
}

/// [`list`], seeing the time of booking `except_booking` as free (the booking being moved).
pub(crate) fn list_except(
    conn: &Connection,
    event_type: &EventType,
    (from, to): (DateTime<Utc>, DateTime<Utc>),
    zone: Tz,
    duration_minutes: Option<u32>,
    context: Context,
    except_booking: Option<i64>,
) -> Result<SlotList, BookingError> {
    if let Err((field, reason)) = check_range(from, to) {
        return Err(BookingError::Invalid(FieldErrors::refusing(field, reason)));
    }
    let duration = pick_duration(event_type, duration_minutes)?;
    let input = load_input(conn, event_type, from, to, zone, context, except_booking)?;
    availability::available_slots(&input, availability::Interval::new(from, to), duration)
        .map_err(|err| invalid(&err.field, &err.reason.to_string()))
}

/// Whose booking page an event type is on.
#[derive(Debug, Clone)]
pub enum PageOwner {
    User(User),
    Team(Team),
}

/// An event type as a booking page or the API sees it: its owner, and the hosts who
/// take bookings (disabled accounts have no pages and host nothing).
#[derive(Debug, Clone)]
pub struct Bookable {
    pub event_type: EventType,
    pub owner: PageOwner,
    pub hosts: Vec<User>,
}

/// The event type of `/{username}/{slug}`; `None` when either is unknown or the user's
/// account is disabled.
pub fn by_user_slug(
    conn: &Connection,
    username: &str,
    slug: &str,
) -> rusqlite::Result<Option<Bookable>> {
    let Some(user) = users::by_username(conn, username)?.filter(|u| !u.disabled) else {
        return Ok(None);
    };
    let Some(event_type) = event_types::by_user_slug(conn, user.id, slug)? else {
        return Ok(None);
    };
    Ok(Some(Bookable {
        event_type,
        hosts: vec![user.clone()],
        owner: PageOwner::User(user),
    }))
}

/// The event type of `/team/{team}/{slug}`, with its enabled hosts.
pub fn by_team_slug(
    conn: &Connection,
    team: &str,
    slug: &str,
) -> rusqlite::Result<Option<Bookable>> {
    let Some(team) = teams::by_slug(conn, team)? else {
        return Ok(None);
    };
    let Some(event_type) = event_types::by_team_slug(conn, team.id, slug)? else {
        return Ok(None);
    };
    bookable(conn, event_type, Some(team))
}

/// An event type by id, as its page shows it: `None` when it is unknown or its owner's
/// account is disabled.
pub fn by_id(conn: &Connection, id: i64) -> rusqlite::Result<Option<Bookable>> {
    let Some(event_type) = event_types::get(conn, id)? else {
        return Ok(None);
    };
    let team = match event_type.input.team_id {
        Some(team_id) if event_type.owner_user_id.is_none() => teams::get(conn, team_id)?,
        _ => None,
    };
    bookable(conn, event_type, team)
}

fn bookable(
    conn: &Connection,
    event_type: EventType,
    team: Option<Team>,
) -> rusqlite::Result<Option<Bookable>> {
    if let Some(owner_id) = event_type.owner_user_id {
        let Some(user) = users::by_id(conn, owner_id)?.filter(|u| !u.disabled) else {
            return Ok(None);
        };
        return Ok(Some(Bookable {
            event_type,
            hosts: vec![user.clone()],
            owner: PageOwner::User(user),
        }));
    }
    let Some(team) = team else {
        return Ok(None);
    };
    let mut hosts = Vec::new();
    for host in &event_type.input.hosts {
        if let Some(user) = users::by_id(conn, host.user_id)?.filter(|u| !u.disabled) {
            hosts.push(user);
        }
    }
    Ok(Some(Bookable {
        event_type,
        owner: PageOwner::Team(team),
        hosts,
    }))
}

/// Identical slot requests within the same second, with no write in between, are answered
/// from one computation: a booking page shared with many people at once costs one engine
/// run per second, and never shows anything a fresh computation would not.
pub struct SlotCache<T> {
    entries: Mutex<HashMap<String, Cached<T>>>,
}

struct Cached<T> {
    generation: u64,
    second: i64,
    value: T,
}

const CACHE_ENTRIES: usize = 512;

impl<T> Default for SlotCache<T> {
    fn default() -> Self {
        Self {
            entries: Mutex::new(HashMap::new()),
        }
    }
}

impl<T: Clone> SlotCache<T> {
    /// The answer to `query` computed in `second` at database `generation`, if any.
    pub fn get(&self, query: &str, generation: u64, second: i64) -> Option<T> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries
            .get(query)
            .filter(|entry| entry.generation == generation && entry.second == second)
            .map(|entry| entry.value.clone())
    }

    /// Keeps the answer to `query`; read `generation` before computing it, so that a
    /// write during the computation makes the entry stale at once.
    pub fn put(&self, query: String, generation: u64, second: i64, value: T) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= CACHE_ENTRIES {
            entries.retain(|_, entry| entry.generation == generation && entry.second == second);
            if entries.len() >= CACHE_ENTRIES {
                entries.clear();
            }
        }
        entries.insert(
            query,
            Cached {
                generation,
                second,
                value,
            },
        );
    }
}

#[cfg(test)]
mod reasons {
    use super::*;
    use crate::i18n::Language;

    #[test]
    fn a_refused_range_is_written_in_the_reader_s_language() {
        let from = DateTime::parse_from_rfc3339("2026-03-30T00:00:00Z")
            .expect("instant")
            .with_timezone(&Utc);
        let (field, reason) = check_range(from, from + Duration::days(63)).expect_err("too long");
        assert_eq!(field, "end");
        assert_eq!(reason.to_string(), "the range may span at most 62 days");
        assert_eq!(
            reason.text(Language::German),
            "der Zeitraum darf höchstens 62 Tage umfassen"
        );
        let (_, reason) = check_range(from, from).expect_err("empty");
        assert_eq!(reason.text(Language::Dutch), "moet na het begin liggen");
    }
}

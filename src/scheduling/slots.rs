//! From stored data to the availability engine: the one place that gathers hosts,
//! schedules, bookings and out-of-office time for an event type. The slot list and the
//! booking check both start here, so they agree on what "free" means.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;

use crate::availability::{
    AvailabilityInput, DayOfWeek, Host, HostId, MAX_BUFFER_MINUTES, PeriodLimits, Team,
};
use crate::db::{bookings, schedules, users};
use crate::model::event_types::EventType;
use crate::model::schedules::default_working_hours;

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
        team: Team {
            scheduling: event_type.input.scheduling_type.engine(),
            hosts,
        },
        bookings,
        now: context.now,
        booker_time_zone,
    })
}

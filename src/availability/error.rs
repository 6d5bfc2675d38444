//! The two ways a question to the engine can fail: the question itself is malformed
//! ([`InputError`]), or the asked-for start is simply not bookable ([`Unavailable`]).

use serde::{Deserialize, Serialize};

use super::rules::LimitPeriod;
use super::team::HostId;

/// Invalid input: names the offending field (a path such as
/// `team.hosts[1].schedule.weekly.monday[0]`) and why it is invalid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[error("{field}: {reason}")]
pub struct InputError {
    pub field: String,
    pub reason: InputReason,
}

impl InputError {
    pub(crate) fn new(field: impl Into<String>, reason: InputReason) -> Self {
        InputError {
            field: field.into(),
            reason,
        }
    }
}

/// Why a field is invalid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum InputReason {
    #[error("{value:?} is not a time of day: {problem}")]
    InvalidTime { value: String, problem: TimeProblem },
    #[error("a time range cannot start at 24:00")]
    StartsAtEndOfDay,
    #[error("start and end are equal; write 00:00-24:00 for a whole day")]
    EmptyTimeRange,
    #[error("must not be empty")]
    Empty,
    #[error("must be greater than zero")]
    Zero,
    #[error("must be at most {max}")]
    TooLarge { max: u64 },
    #[error("spans more than {max_days} days")]
    TooLong { max_days: u32 },
    #[error("ends before it starts")]
    EndBeforeStart,
    #[error("must lie between the years {min_year} and {max_year}")]
    YearOutOfRange { min_year: i32, max_year: i32 },
    #[error("{minutes} minutes is not one of the event's durations")]
    NotAnAllowedDuration { minutes: u32 },
    #[error("host {host_id} appears more than once in the team")]
    DuplicateHost { host_id: HostId },
    #[error("there is no host {host_id} in the team")]
    UnknownHost { host_id: HostId },
    #[error("an individual event has exactly one host, not {count}")]
    IndividualNeedsOneHost { count: usize },
    #[error("only round-robin events have round-robin groups")]
    GroupOutsideRoundRobin,
    #[error("a round-robin event needs at least one host in a round-robin group")]
    NoRoundRobinHosts,
}

/// What is wrong with a time-of-day string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeProblem {
    #[error("expected HH:MM")]
    Malformed,
    #[error("the hour must be 00 to 23 (24:00 is allowed as an end)")]
    HourOutOfRange,
    #[error("the minute must be 00 to 59")]
    MinuteOutOfRange,
}

/// Why a start is not bookable, as [`check_slot`](super::check_slot) reports it.
///
/// When several reasons apply, the first in this order is reported: invalid input; a
/// duration the event does not offer; a start with a fraction of a second (not on the
/// grid); in the past; within the minimum notice; outside the (combined) working hours;
/// not on the slot grid; then for each fixed host, then each round-robin group: outside the
/// host's booking window, outside the host's working hours, out of office, conflict,
/// booking limit, duration limit (a group with no free member reports the member that got
/// furthest down this list); then no seats left; then not the first slot of the day.
///
/// Serialized as `{"reason": "conflict"}`, `{"reason": "booking_limit_reached",
/// "period": "week"}`, …
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Unavailable {
    #[error("the request is invalid: {error}")]
    InvalidInput { error: InputError },
    #[error("{minutes} minutes is not one of the event's durations")]
    InvalidDuration { minutes: u32 },
    #[error("that time is in the past")]
    InThePast,
    #[error("that time is too soon: the event needs more notice")]
    WithinMinimumNotice,
    #[error("that time is outside the booking window")]
    OutsideBookingWindow,
    #[error("that time is outside working hours")]
    OutsideWorkingHours,
    #[error("that time is not one of the offered start times")]
    NotOnSlotGrid,
    #[error("the host is out of office then")]
    OutOfOffice,
    #[error("that time is no longer available")]
    Conflict,
    #[error("the maximum number of bookings for this {period} has been reached")]
    BookingLimitReached { period: LimitPeriod },
    #[error("the maximum booked time for this {period} has been reached")]
    DurationLimitReached { period: LimitPeriod },
    #[error("no seats are left at that time")]
    NoSeatsLeft,
    #[error("only the first available time of each day is offered")]
    NotFirstSlotOfDay,
}

impl From<InputError> for Unavailable {
    fn from(error: InputError) -> Self {
        Unavailable::InvalidInput { error }
    }
}

//! # Availability: the one definition of "free"
//!
//! A pure engine that turns scheduling rules into bookable slots. It does no I/O and never
//! reads the clock: `now` is an input. The booking page lists slots with
//! [`available_slots`]; the booking service accepts a booking only if [`check_slot`] says
//! `Ok`, and the two agree exactly because they share one evaluation.
//!
//! ## API
//!
//! - [`available_slots`]`(&AvailabilityInput, range, duration_minutes) -> Result<SlotList, InputError>`:
//!   the slots starting in `range`, grouped by local date in the booker's zone, each with
//!   its start and end, seats remaining (seated events) and free round-robin hosts.
//! - [`check_slot`]`(&AvailabilityInput, start, duration_minutes) -> Result<SlotDetails, Unavailable>`:
//!   whether one start is bookable now; the details name the fixed hosts and, per
//!   round-robin group, the hosts free then. [`Unavailable`] says why not.
//! - [`assign_round_robin`] / [`rank_round_robin`]: choose among the free hosts of a group.
//! - [`IntervalSet`]: normalized interval sets with union, intersection and difference.
//! - [`Schedule::working_hours`]: a schedule's working hours as instants (for previews).
//!
//! Inputs are plain serde structs ([`AvailabilityInput`] = [`EventRules`] + [`Team`] of
//! [`Host`]s with [`Schedule`]s and blocked time + [`ExistingBooking`]s + `now` + the booker's
//! zone). Times of day are `"HH:MM"` strings (`"24:00"` allowed as an end), dates
//! `"YYYY-MM-DD"`, weekdays `"monday"`…, instants RFC 3339, zones IANA names, durations
//! integer minutes in fields ending in `_minutes`. Invalid input is an [`InputError`] naming
//! the field and the reason (e.g. `event.durations_minutes: must not be empty`).
//!
//! ## Working hours and time zones
//!
//! Working hours are wall-clock ranges in the host's zone. For each local date the ranges
//! are the date's override if any (an empty override = unavailable), else none on a holiday,
//! else the weekday's weekly ranges; a range belongs to the date it starts on, and one whose
//! end is at or before its start crosses midnight (night shift `22:00`–`06:00`).
//!
//! An instant is within working hours when its local wall-clock time falls inside a range.
//! So on DST change days, `09:00`–`17:00` is still 8 hours; a local start that does not
//! exist (spring forward) is never offered; a range covering the repeated hour (fall back)
//! covers both occurrences of it.
//!
//! ## The slot grid
//!
//! Candidate starts step by the slot interval (default: the chosen duration) **from the
//! start of each availability range**, and a candidate must fit entirely inside its range.
//! The availability ranges are:
//!
//! 1. each host's working hours after overrides and holidays, converted to instants and
//!    merged where they touch or overlap — `22:00`–`24:00` and the next day's
//!    `00:00`–`06:00` are one range;
//! 2. combined over the team: intersection of the fixed hosts (collective, individual),
//!    and for round-robin, per group the union of its members, intersected across groups and
//!    with the fixed hosts;
//! 3. cut at every local midnight (in any host's zone) that ends a local day the combined
//!    hours cover entirely. Without this, a 24-hour schedule would be one endless range with
//!    no start; with it, such a schedule's grid restarts at each midnight (a 50-minute grid
//!    runs 00:00, 00:50, … every day), and ranges never span more than two local days.
//!
//! Busy time, out of office, buffers, minimum notice, the booking window, limits and seats
//! only **remove** candidates; they never shift the grid. The grid does not depend on the
//! asked range or the booker's zone: any range containing a start gets the same answer.
//!
//! ## Rules for a candidate `[start, start + duration)`
//!
//! - **Notice**: `start >= now + minimum notice` (`start < now` is "in the past").
//! - **Booking window**, per host in the host's zone: rolling N calendar days = starts before
//!   the end of the N-th local day counting today; rolling N business days = the same
//!   counting only Monday–Friday; a date range = starts on one of its local dates (inclusive).
//! - **Working hours**: inside a grid range; for round-robin hosts, inside the host's own
//!   working hours too.
//! - **Buffers extend busy time, not slots**: an existing booking blocks
//!   `[start - its before buffer, end + its after buffer)`; the candidate needs its own
//!   `[start - before buffer, end + after buffer)` free of every host's busy time, bookings
//!   and out-of-office periods. Buffers may lie outside working hours.
//! - **Limits**, per host in the host's zone: the host's bookings of this event type whose
//!   start falls in the local day / week (starting on `first_day_of_week`) / month / year that
//!   contains the candidate's start; booking limits need `count < max`, duration limits need
//!   `booked minutes + duration <= max`.
//! - **Seats**: a booking of this event type with exactly the candidate's start and end is
//!   the same meeting; it does not conflict, it takes seats. The slot is offered while seats
//!   remain; joining an existing meeting is not subject to limits. In a round-robin group,
//!   once a host holds the meeting only that host is offered for it.
//! - **Teams**: every fixed host must pass; each round-robin group needs at least one free
//!   member; the slot lists the free members.
//! - **Only the first slot of each day**: after all the above, only the earliest slot of
//!   each local date in the booker's zone (judged over the whole date) is offered.
//!
//! Every step works on sorted interval vectors over a few days of margin around the asked
//! range, in Unix seconds: no per-minute loops.

mod blocked;
mod error;
mod interval;
mod round_robin;
mod rules;
mod schedule;
mod slots;
mod team;
mod time_of_day;
mod zone;

#[cfg(test)]
mod tests;

pub use blocked::ExistingBooking;
pub use error::{InputError, InputReason, TimeProblem, Unavailable};
pub use interval::{Interval, IntervalSet};
pub use round_robin::{
    RoundRobinCandidate, RoundRobinReason, assign_round_robin, rank_round_robin, round_robin_order,
    why_chosen,
};
pub use rules::{
    BookingWindow, EventRules, LimitPeriod, MAX_BUFFER_MINUTES, MAX_DURATION_MINUTES,
    MAX_NOTICE_MINUTES, MAX_WINDOW_DAYS, PeriodLimits,
};
pub use schedule::{DayOfWeek, Schedule, WeeklyHours};
pub use slots::{
    AvailabilityInput, MAX_RANGE_DAYS, MAX_YEAR, MIN_YEAR, RoundRobinGroupHosts, Slot, SlotDay,
    SlotDetails, SlotList, available_slots, check_slot,
};
pub use team::{DEFAULT_WEIGHT, Host, HostId, Priority, SchedulingType, Team};
pub use time_of_day::{TimeOfDay, TimeRange};

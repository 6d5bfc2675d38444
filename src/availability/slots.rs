//! The engine proper: candidate starts on the slot grid, filtered by every rule. The slot
//! list ([`available_slots`]) and [`check_slot`] share one evaluation, so they agree.

use std::cell::Cell;
use std::collections::BTreeSet;
use std::ops::ControlFlow;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::blocked::{ExistingBooking, HostBlocked};
use super::error::{InputError, InputReason, Unavailable};
use super::interval::{Interval, IntervalSet};
use super::rules::{EventRules, LimitPeriod, seconds};
use super::team::{HostId, Team, combine_working_hours};
use super::zone::{self, DAY, Timelines};

/// Earliest year accepted for `now`, the range and a checked start.
pub const MIN_YEAR: i32 = 1900;
/// Latest year accepted for `now`, the range and a checked start.
pub const MAX_YEAR: i32 = 2999;
/// Longest range [`available_slots`] accepts.
pub const MAX_RANGE_DAYS: u32 = 400;

/// Everything the engine needs besides the range or start being asked about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AvailabilityInput {
    pub event: EventRules,
    pub team: Team,
    /// The hosts' existing bookings (all event types; see [`ExistingBooking`]). For limits,
    /// include this event type's bookings of every period that the asked range touches
    /// (e.g. the whole year for a yearly limit).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bookings: Vec<ExistingBooking>,
    pub now: DateTime<Utc>,
    /// Slots are grouped by local date in this zone (and "first slot of the day" uses it).
    pub booker_time_zone: Tz,
}

impl AvailabilityInput {
    /// Checks every field; the error names the first invalid one.
    pub fn validate(&self) -> Result<(), InputError> {
        self.event.validate("event")?;
        self.team.validate("team")?;
        check_year(self.now, "now")?;
        let ids = sorted_host_ids(&self.team);
        for (i, booking) in self.bookings.iter().enumerate() {
            booking.check().map_err(|(path, reason)| {
                InputError::new(format!("bookings[{i}]{path}"), reason)
            })?;
            if ids
                .binary_search_by_key(&booking.host_id, |&(id, _)| id)
                .is_err()
            {
                return Err(InputError::new(
                    format!("bookings[{i}].host_id"),
                    InputReason::UnknownHost {
                        host_id: booking.host_id,
                    },
                ));
            }
        }
        Ok(())
    }
}

fn sorted_host_ids(team: &Team) -> Vec<(HostId, usize)> {
    let mut ids: Vec<(HostId, usize)> = team
        .hosts
        .iter()
        .enumerate()
        .map(|(i, h)| (h.id, i))
        .collect();
    ids.sort_unstable();
    ids
}

fn check_year(t: DateTime<Utc>, field: &str) -> Result<(), InputError> {
    check_date_year(t.date_naive()).map_err(|reason| InputError::new(field, reason))
}

/// Whether a date lies in the years the engine works in.
pub(crate) fn check_date_year(date: NaiveDate) -> Result<(), InputReason> {
    if (MIN_YEAR..=MAX_YEAR).contains(&date.year()) {
        Ok(())
    } else {
        Err(InputReason::YearOutOfRange {
            min_year: MIN_YEAR,
            max_year: MAX_YEAR,
        })
    }
}

/// One bookable slot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// For seated events: seats still free.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seats_remaining: Option<u32>,
    /// For round-robin events: the round-robin hosts free at this slot (all groups, by id).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub free_hosts: Vec<HostId>,
}

/// The slots that start on one local date of the booker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotDay {
    pub date: NaiveDate,
    pub slots: Vec<Slot>,
}

/// The answer of [`available_slots`]: dates with at least one slot, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotList {
    pub time_zone: Tz,
    pub duration_minutes: u32,
    pub days: Vec<SlotDay>,
}

impl SlotList {
    /// All slots in order.
    pub fn slots(&self) -> impl Iterator<Item = &Slot> {
        self.days.iter().flat_map(|d| d.slots.iter())
    }

    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }
}

/// The free hosts of one round-robin group at a slot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundRobinGroupHosts {
    pub group: String,
    /// By id. For a seated event whose slot already has a meeting in this group, only the
    /// hosts holding it (new attendees join it).
    pub free_hosts: Vec<HostId>,
}

/// The answer of [`check_slot`] for a bookable start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotDetails {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seats_remaining: Option<u32>,
    /// The hosts who attend every booking (the only host of an individual event).
    pub fixed_hosts: Vec<HostId>,
    /// Per round-robin group, the hosts free then; assign one of each with
    /// [`assign_round_robin`](super::assign_round_robin).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub round_robin_groups: Vec<RoundRobinGroupHosts>,
}

impl SlotDetails {
    /// The slot as the slot list shows it.
    pub fn slot(&self) -> Slot {
        let mut free_hosts: Vec<HostId> = self
            .round_robin_groups
            .iter()
            .flat_map(|g| g.free_hosts.iter().copied())
            .collect();
        free_hosts.sort_unstable();
        Slot {
            start: self.start,
            end: self.end,
            seats_remaining: self.seats_remaining,
            free_hosts,
        }
    }
}

/// The bookable slots that start in `range` (`[start, end)`), for the chosen duration,
/// grouped by the booker's local date. See the [module docs](super) for the rules.
///
/// Errors when the input is invalid, `range` ends before it starts or spans more than
/// [`MAX_RANGE_DAYS`], or `duration_minutes` is not one of the event's durations.
pub fn available_slots(
    input: &AvailabilityInput,
    range: Interval<DateTime<Utc>>,
    duration_minutes: u32,
) -> Result<SlotList, InputError> {
    input.validate()?;
    if !input.event.durations_minutes.contains(&duration_minutes) {
        return Err(InputError::new(
            "duration_minutes",
            InputReason::NotAnAllowedDuration {
                minutes: duration_minutes,
            },
        ));
    }
    check_year(range.start, "range.start")?;
    check_year(range.end, "range.end")?;
    if range.end < range.start {
        return Err(InputError::new("range", InputReason::EndBeforeStart));
    }
    if range.end - range.start > chrono::Duration::days(i64::from(MAX_RANGE_DAYS)) {
        return Err(InputError::new(
            "range",
            InputReason::TooLong {
                max_days: MAX_RANGE_DAYS,
            },
        ));
    }

    let mut list = SlotList {
        time_zone: input.booker_time_zone,
        duration_minutes,
        days: Vec::new(),
    };
    let (from, until) = (
        zone::seconds_ceil(range.start),
        zone::seconds_ceil(range.end),
    );
    let earliest = zone::seconds_ceil(input.now) + seconds(input.event.minimum_notice_minutes);
    // Nothing before `earliest` is ever offered.
    let lo = from.max(earliest);
    if lo >= until {
        return Ok(list);
    }
    let only_first = input.event.only_first_slot_per_day;
    let cover = if only_first {
        // The first slot of a day is judged over the whole day, even outside the range.
        let tz = input.booker_time_zone;
        Interval::new(
            zone::day_start(tz, zone::local_day_at(tz, lo)),
            zone::day_start(tz, zone::local_day_at(tz, until - 1) + 1),
        )
    } else {
        Interval::new(lo, until)
    };
    let engine = Engine::new(input, duration_minutes, cover);
    let booker = engine.timelines.get(engine.booker);

    let mut found: Vec<(i64, Slot)> = Vec::new();
    let mut days_with_first = BTreeSet::new();
    let mut free = Vec::new();
    engine.for_each_offered(cover, &mut free, |start, seats, free| {
        let day = booker.local_day(start);
        if only_first && !days_with_first.insert(day) {
            return ControlFlow::Continue(());
        }
        if (from..until).contains(&start) {
            found.push((day, engine.slot(start, seats, free)));
        }
        ControlFlow::Continue(())
    });

    // Local days only go backwards in zones that fall back across midnight; keep it exact.
    found.sort_by_key(|(day, _)| *day);
    let mut current_day = None;
    for (day, slot) in found {
        match list.days.last_mut() {
            Some(last) if current_day == Some(day) => last.slots.push(slot),
            _ => {
                current_day = Some(day);
                list.days.push(SlotDay {
                    date: zone::date_of_day(day),
                    slots: vec![slot],
                });
            }
        }
    }
    Ok(list)
}

/// Whether `start` is bookable now for the chosen duration, and if so with which hosts.
///
/// Agrees exactly with [`available_slots`]: a start is `Ok` iff a slot list over a range
/// containing it lists it (with the same seats and free hosts). On `Err`, the first reason
/// in the order documented on [`Unavailable`].
pub fn check_slot(
    input: &AvailabilityInput,
    start: DateTime<Utc>,
    duration_minutes: u32,
) -> Result<SlotDetails, Unavailable> {
    input.validate()?;
    check_year(start, "start")?;
    if !input.event.durations_minutes.contains(&duration_minutes) {
        return Err(Unavailable::InvalidDuration {
            minutes: duration_minutes,
        });
    }
    if start.timestamp_subsec_nanos() != 0 {
        return Err(Unavailable::NotOnSlotGrid);
    }
    let s = start.timestamp();
    let now = zone::seconds_ceil(input.now);
    check_notice(s, now, now + seconds(input.event.minimum_notice_minutes))?;
    let tz = input.booker_time_zone;
    let only_first = input.event.only_first_slot_per_day;
    let cover = if only_first {
        let day = zone::local_day_at(tz, s);
        Interval::new(zone::day_start(tz, day), zone::day_start(tz, day + 1))
    } else {
        Interval::new(s, s + 1)
    };
    let engine = Engine::new(input, duration_minutes, cover);
    engine.check_grid(s)?;
    let mut free = Vec::new();
    let seats = engine.evaluate(s, &mut free)?;
    let details = engine.details(s, seats, &free);
    if only_first {
        let booker = engine.timelines.get(engine.booker);
        let day = booker.local_day(s);
        let mut first = None;
        engine.for_each_offered(cover, &mut Vec::new(), |t, _, _| {
            if booker.local_day(t) == day {
                first = Some(t);
                return ControlFlow::Break(());
            }
            ControlFlow::Continue(())
        });
        if first != Some(s) {
            return Err(Unavailable::NotFirstSlotOfDay);
        }
    }
    Ok(details)
}

/// One host, prepared for the asked-about span.
struct HostState {
    id: HostId,
    /// The limit verdict of the last local day checked.
    limit_cache: Cell<Option<(i64, LimitVerdict)>>,
    /// Index into the engine's timelines.
    timeline: usize,
    working: IntervalSet<i64>,
    blocked: HostBlocked,
    /// Starts in `[window.0, window.1)` are inside the booking window.
    window: (i64, i64),
}

/// The outcome of the limits for one host and local day.
#[derive(Debug, Clone, Copy)]
enum LimitVerdict {
    Within,
    Bookings(LimitPeriod),
    Duration(LimitPeriod),
}

/// The rules and hosts prepared for candidates starting in a given span (`cover`).
struct Engine<'a> {
    input: &'a AvailabilityInput,
    duration: i64,
    step: i64,
    before: i64,
    after: i64,
    now: i64,
    earliest: i64,
    seats: Option<u32>,
    has_limits: bool,
    timelines: Timelines,
    booker: usize,
    hosts: Vec<HostState>,
    fixed: Vec<usize>,
    groups: Vec<(&'a str, Vec<usize>)>,
    /// The grid ranges: the team's working hours, merged, cut at fully available days;
    /// sorted, disjoint (consecutive ranges may touch at a cut).
    ranges: Vec<Interval<i64>>,
}

/// How much earlier than the asked span working hours are generated (local days), so that
/// every range reaching into the span is complete: a range never spans two full local days
/// (it is cut), and judging a cut needs the day before it.
const DAYS_BEFORE: i64 = 5;
/// Local days generated after the span, besides the duration.
const DAYS_AFTER: i64 = 3;

impl<'a> Engine<'a> {
    /// `input` must be valid.
    fn new(
        input: &'a AvailabilityInput,
        duration_minutes: u32,
        cover: Interval<i64>,
    ) -> Engine<'a> {
        let rules = &input.event;
        let duration = seconds(duration_minutes);
        let duration_days = duration.div_euclid(DAY) + 1;
        let window_from = cover.start - (DAYS_BEFORE + 3) * DAY;
        let window_to = cover.end + duration + (DAYS_AFTER + 2) * DAY;
        let mut timelines = Timelines::default();
        let booker = timelines.index_of(input.booker_time_zone, window_from, window_to);
        let (fixed, groups) = input.team.roles();

        let ids = sorted_host_ids(&input.team);
        let mut bookings_of: Vec<Vec<&ExistingBooking>> = vec![Vec::new(); input.team.hosts.len()];
        for booking in &input.bookings {
            if let Ok(pos) = ids.binary_search_by_key(&booking.host_id, |&(id, _)| id) {
                bookings_of[ids[pos].1].push(booking);
            }
        }

        let now = zone::seconds_floor(input.now);
        // Window bounds per timeline (zone).
        let mut windows: Vec<Option<(i64, i64)>> = Vec::new();
        let mut spans = Vec::new();
        let mut hosts = Vec::with_capacity(input.team.hosts.len());
        for (host, bookings) in input.team.hosts.iter().zip(&bookings_of) {
            let tz = host.schedule.time_zone;
            let timeline_index = timelines.index_of(tz, window_from, window_to);
            let timeline = timelines.get(timeline_index);
            if windows.len() <= timeline_index {
                windows.resize(timeline_index + 1, None);
            }
            let window = *windows[timeline_index]
                .get_or_insert_with(|| rules.booking_window.bounds(tz, now));
            let first = timeline.local_day(cover.start) - DAYS_BEFORE;
            let last = timeline.local_day(cover.end) + DAYS_AFTER + duration_days;
            spans.clear();
            host.schedule
                .working_spans(timeline, first, last, &mut spans);
            hosts.push(HostState {
                id: host.id,
                timeline: timeline_index,
                working: IntervalSet::normalize(spans.drain(..)),
                blocked: HostBlocked::new(
                    &host.busy,
                    &host.out_of_office,
                    bookings.iter().copied(),
                    rules.seats_per_slot.is_some(),
                    timeline,
                ),
                window,
                limit_cache: Cell::new(None),
            });
        }

        let working: Vec<&IntervalSet<i64>> = hosts.iter().map(|h| &h.working).collect();
        let combined = combine_working_hours(&working, &fixed, &groups);

        // Cut the combined hours at every local midnight (in any host's zone) that ends a
        // fully available local day.
        let mut cuts = Vec::new();
        let mut zones_done: Vec<usize> = Vec::new();
        for host in &hosts {
            if zones_done.contains(&host.timeline) {
                continue;
            }
            zones_done.push(host.timeline);
            let timeline = timelines.get(host.timeline);
            let first = timeline.local_day(cover.start) - (DAYS_BEFORE - 1);
            let last = timeline.local_day(cover.end) + DAYS_AFTER - 1 + duration_days;
            for day in first..=last {
                spans.clear();
                timeline.preimage(day * DAY, (day + 1) * DAY, &mut spans);
                let covered = spans.iter().all(|piece| combined.contains_interval(piece));
                match spans.last() {
                    Some(last) if covered => cuts.push(last.end),
                    _ => {}
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        let ranges = split_at(&combined, &cuts);

        let now = zone::seconds_ceil(input.now);
        Engine {
            input,
            duration,
            step: seconds(rules.slot_interval_for(duration_minutes)),
            before: seconds(rules.before_buffer_minutes),
            after: seconds(rules.after_buffer_minutes),
            now,
            earliest: now + seconds(rules.minimum_notice_minutes),
            seats: rules.seats_per_slot,
            has_limits: !(rules.booking_limits.is_unlimited()
                && rules.duration_limits_minutes.is_unlimited()),
            timelines,
            booker,
            hosts,
            fixed,
            groups,
            ranges,
        }
    }

    /// Calls `visit` for every offered start in `cover`, in order, with its seats remaining
    /// and free round-robin hosts, until it breaks.
    fn for_each_offered(
        &self,
        cover: Interval<i64>,
        free: &mut Vec<(usize, HostId)>,
        mut visit: impl FnMut(i64, Option<u32>, &[(usize, HostId)]) -> ControlFlow<()>,
    ) {
        let first = self.ranges.partition_point(|r| r.end <= cover.start);
        for range in &self.ranges[first..] {
            if range.start >= cover.end {
                break;
            }
            let mut start = range.start;
            if cover.start > start {
                let steps = (cover.start - start + self.step - 1) / self.step;
                start += steps * self.step;
            }
            while start < cover.end && start + self.duration <= range.end {
                if let Some(until) = self.fixed_hosts_blocked_until(start) {
                    // Every candidate starting before `until` fails too: skip them.
                    let steps = (until - start + self.step - 1) / self.step;
                    start += steps.max(1) * self.step;
                    continue;
                }
                if let Ok(seats) = self.evaluate(start, free)
                    && visit(start, seats, free).is_break()
                {
                    return;
                }
                start += self.step;
            }
        }
    }

    /// A shortcut for listing: when a fixed host's busy time or out-of-office overlaps the
    /// buffered candidate, the earliest start whose buffer clears it. Candidates before that
    /// overlap the same blocked interval, so they would fail [`Engine::evaluate`] too.
    fn fixed_hosts_blocked_until(&self, start: i64) -> Option<i64> {
        let buffered = Interval::new(start - self.before, start + self.duration + self.after);
        self.fixed
            .iter()
            .filter_map(|&i| self.hosts[i].blocked.blocked_until(&buffered))
            .max()
            .map(|end| end + self.before)
    }

    /// Whether `start` is a grid candidate: inside one grid range with its whole duration,
    /// a whole number of steps from the range's start.
    fn check_grid(&self, start: i64) -> Result<(), Unavailable> {
        let index = self.ranges.partition_point(|r| r.end <= start);
        match self.ranges.get(index) {
            Some(range) if range.start <= start && start + self.duration <= range.end => {
                if (start - range.start) % self.step == 0 {
                    Ok(())
                } else {
                    Err(Unavailable::NotOnSlotGrid)
                }
            }
            _ => Err(Unavailable::OutsideWorkingHours),
        }
    }

    /// Every rule except the grid and "first slot of the day", for a grid candidate.
    /// On success returns the seats remaining (seated events) and leaves the free
    /// round-robin hosts, as (group index, host), in `free`.
    fn evaluate(
        &self,
        start: i64,
        free: &mut Vec<(usize, HostId)>,
    ) -> Result<Option<u32>, Unavailable> {
        free.clear();
        check_notice(start, self.now, self.earliest)?;
        let end = start + self.duration;
        let buffered = Interval::new(start - self.before, end + self.after);
        let mut taken = 0;
        // Fixed hosts' working hours contain every grid range, so they are not re-checked.
        for &i in &self.fixed {
            taken = taken.max(self.check_host(i, start, end, buffered, false)?);
        }
        for (group, (_, members)) in self.groups.iter().enumerate() {
            let mark = free.len();
            let mut group_taken = 0;
            let mut failure: Option<Unavailable> = None;
            for &i in members {
                match self.check_host(i, start, end, buffered, true) {
                    Ok(host_taken) if host_taken > 0 => {
                        // Hosts already holding this seated slot take new attendees.
                        if group_taken == 0 {
                            free.truncate(mark);
                        }
                        group_taken = group_taken.max(host_taken);
                        free.push((group, self.hosts[i].id));
                    }
                    Ok(_) => {
                        if group_taken == 0 {
                            free.push((group, self.hosts[i].id));
                        }
                    }
                    Err(reason) => {
                        if failure.as_ref().is_none_or(|f| stage(&reason) > stage(f)) {
                            failure = Some(reason);
                        }
                    }
                }
            }
            if free.len() == mark {
                return Err(failure.unwrap_or(Unavailable::Conflict));
            }
            taken = taken.max(group_taken);
        }
        match self.seats {
            Some(capacity) if taken >= capacity => Err(Unavailable::NoSeatsLeft),
            Some(capacity) => Ok(Some(capacity - taken)),
            None => Ok(None),
        }
    }

    /// One host's rules for `[start, end)`: window, working hours (when asked), out of
    /// office, conflicts, limits. Returns the seats already taken in the host's meeting
    /// with exactly this start and end.
    fn check_host(
        &self,
        i: usize,
        start: i64,
        end: i64,
        buffered: Interval<i64>,
        check_working: bool,
    ) -> Result<u32, Unavailable> {
        let host = &self.hosts[i];
        if start < host.window.0 || start >= host.window.1 {
            return Err(Unavailable::OutsideBookingWindow);
        }
        if check_working && !host.working.contains_interval(&Interval::new(start, end)) {
            return Err(Unavailable::OutsideWorkingHours);
        }
        let taken = host.blocked.check(buffered, start, end)?;
        // Joining an existing seated meeting adds no booking, so limits do not apply.
        if taken == 0 && self.has_limits {
            self.check_limits(host, start)?;
        }
        Ok(taken)
    }

    /// Booking and duration limits for a start on the host's local day; the verdict is the
    /// same for every start of that day, so the last one is remembered.
    fn check_limits(&self, host: &HostState, start: i64) -> Result<(), Unavailable> {
        let day = self.timelines.get(host.timeline).local_day(start);
        let verdict = match host.limit_cache.get() {
            Some((cached_day, verdict)) if cached_day == day => verdict,
            _ => {
                let verdict = self.limit_verdict(host, day);
                host.limit_cache.set(Some((day, verdict)));
                verdict
            }
        };
        match verdict {
            LimitVerdict::Within => Ok(()),
            LimitVerdict::Bookings(period) => Err(Unavailable::BookingLimitReached { period }),
            LimitVerdict::Duration(period) => Err(Unavailable::DurationLimitReached { period }),
        }
    }

    fn limit_verdict(&self, host: &HostState, day: i64) -> LimitVerdict {
        let rules = &self.input.event;
        for (period, max) in rules.booking_limits.limits() {
            let (first, end) = period.days_containing(day, rules.first_day_of_week);
            let (count, _) = host.blocked.counted_within(first, end);
            if count >= max as usize {
                return LimitVerdict::Bookings(period);
            }
        }
        for (period, max) in rules.duration_limits_minutes.limits() {
            let (first, end) = period.days_containing(day, rules.first_day_of_week);
            let (_, booked) = host.blocked.counted_within(first, end);
            if booked + self.duration > seconds(max) {
                return LimitVerdict::Duration(period);
            }
        }
        LimitVerdict::Within
    }

    fn slot(&self, start: i64, seats: Option<u32>, free: &[(usize, HostId)]) -> Slot {
        let mut free_hosts: Vec<HostId> = free.iter().map(|&(_, id)| id).collect();
        free_hosts.sort_unstable();
        Slot {
            start: zone::instant(start),
            end: zone::instant(start + self.duration),
            seats_remaining: seats,
            free_hosts,
        }
    }

    fn details(&self, start: i64, seats: Option<u32>, free: &[(usize, HostId)]) -> SlotDetails {
        SlotDetails {
            start: zone::instant(start),
            end: zone::instant(start + self.duration),
            seats_remaining: seats,
            fixed_hosts: self.fixed.iter().map(|&i| self.hosts[i].id).collect(),
            round_robin_groups: self
                .groups
                .iter()
                .enumerate()
                .map(|(group, (name, _))| {
                    let mut free_hosts: Vec<HostId> = free
                        .iter()
                        .filter(|(g, _)| *g == group)
                        .map(|&(_, id)| id)
                        .collect();
                    free_hosts.sort_unstable();
                    RoundRobinGroupHosts {
                        group: (*name).to_owned(),
                        free_hosts,
                    }
                })
                .collect(),
        }
    }
}

/// A start must not be in the past (`now` rounded up to a second) nor before `earliest`
/// (`now` plus the minimum notice).
fn check_notice(start: i64, now: i64, earliest: i64) -> Result<(), Unavailable> {
    if start < now {
        Err(Unavailable::InThePast)
    } else if start < earliest {
        Err(Unavailable::WithinMinimumNotice)
    } else {
        Ok(())
    }
}

/// How far a host got through [`Engine::check_host`]; a group that has no free host
/// reports the failure of the member that got furthest.
fn stage(reason: &Unavailable) -> u8 {
    match reason {
        Unavailable::OutsideBookingWindow => 0,
        Unavailable::OutsideWorkingHours => 1,
        Unavailable::OutOfOffice => 2,
        Unavailable::Conflict => 3,
        Unavailable::BookingLimitReached { .. } => 4,
        Unavailable::DurationLimitReached { .. } => 5,
        _ => 6,
    }
}

/// Splits the set's intervals at the given sorted cut points.
fn split_at(set: &IntervalSet<i64>, cuts: &[i64]) -> Vec<Interval<i64>> {
    let mut out = Vec::with_capacity(set.len() + cuts.len());
    let mut c = 0;
    for interval in set {
        let mut start = interval.start;
        while c < cuts.len() && cuts[c] <= start {
            c += 1;
        }
        while c < cuts.len() && cuts[c] < interval.end {
            out.push(Interval::new(start, cuts[c]));
            start = cuts[c];
            c += 1;
        }
        out.push(Interval::new(start, interval.end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_at_cuts_inside_intervals_only() {
        let set = IntervalSet::normalize([Interval::new(0, 10), Interval::new(20, 40)]);
        assert_eq!(
            split_at(&set, &[0, 5, 10, 15, 25, 30, 40]),
            vec![
                Interval::new(0, 5),
                Interval::new(5, 10),
                Interval::new(20, 25),
                Interval::new(25, 30),
                Interval::new(30, 40),
            ]
        );
        assert_eq!(split_at(&set, &[]), set.as_slice().to_vec());
    }

    #[test]
    fn stages_order_group_failures() {
        assert!(stage(&Unavailable::Conflict) > stage(&Unavailable::OutsideWorkingHours));
        assert!(
            stage(&Unavailable::DurationLimitReached {
                period: super::super::rules::LimitPeriod::Day
            }) > stage(&Unavailable::Conflict)
        );
    }
}

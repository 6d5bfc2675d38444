//! Calendar data to busy time: the VEVENTs of one CalDAV calendar object or a whole ICS
//! feed, reduced to the stretches of time they block.
//!
//! Pure code: no I/O and no clock. The caller says which window it wants (`[from, to)`)
//! and in which zone the host lives; recurrences are expanded here, never by a server.
//!
//! - Content lines are parsed by the `icalendar` crate and recurrence rules expanded by the
//!   `rrule` crate. Rules are expanded in wall-clock time and each instance is then placed
//!   in its zone, as RFC 5545 asks: a weekly 09:00 meeting stays at 09:00 across DST.
//! - Time zones: a `TZID` that names an IANA zone (also behind a `/vendor/…/` prefix or
//!   in the VTIMEZONE's `X-LIC-LOCATION`) uses the tz database. Any other `TZID` (Outlook's
//!   "W. Europe Standard Time", "Customized Time Zone") uses the STANDARD and DAYLIGHT
//!   rules of the calendar's own VTIMEZONE. A `TZID` defined nowhere, floating times and
//!   all-day dates are read in the host's zone.
//! - Overridden instances (`RECURRENCE-ID`) block at their new time; `RANGE=THISANDFUTURE`
//!   moves every later instance by the same shift; an override with `STATUS:CANCELLED`
//!   removes its instance. `TRANSP:TRANSPARENT` and `STATUS:CANCELLED` do not block,
//!   `STATUS:TENTATIVE` does.
//! - The work is bounded: data over [`MAX_BYTES`] is refused, and one event yields at most
//!   [`MAX_INSTANCES_PER_EVENT`] instances in the window after at most
//!   `MAX_STEPS_PER_EVENT` steps of its rule; an event cut short there counts as skipped.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeDelta, TimeZone, Utc};
use icalendar::parser::{Component, Property, read_components, unfold};
use rrule::{RRule, RRuleSet, Unvalidated};

/// The largest calendar data read, in bytes (callers cap their downloads the same way).
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

/// The most instances one recurring event yields inside the window.
pub const MAX_INSTANCES_PER_EVENT: usize = 10_000;

/// The most instances of one rule stepped through, from its first one, to reach the window
/// (a daily event that began 500 years ago, or a rule that repeats every second, stops here).
const MAX_STEPS_PER_EVENT: usize = 200_000;

/// The longest event (or DURATION) read; anything longer is not a real appointment.
const MAX_EVENT_DAYS: i64 = 3660;

/// One busy stretch of a host's calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Busy {
    /// The UID of the event the stretch comes from (the host's Kairos bookings carry the
    /// booking's UID, which lets the caller leave them out).
    pub uid: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// What one calendar object or feed gave.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Expanded {
    /// Busy stretches overlapping the window, by start.
    pub busy: Vec<Busy>,
    /// events that could not be read, skipped
    pub skipped: usize,
}

/// Calendar data that cannot be read at all. One unreadable event is not an error: it is
/// skipped and counted in [`Expanded::skipped`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IcalError {
    #[error("the feed is not an iCalendar file")]
    NotICalendar,
    #[error("the calendar is too large ({size} bytes; at most {max} bytes are read)")]
    TooLarge { size: usize, max: usize },
}

/// Busy time of every VEVENT in `data` (one calendar object resource, or a whole ICS
/// feed) that overlaps `[from, to)`; all-day and floating times are read in `host_zone`.
pub fn busy_between(
    data: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    host_zone: chrono_tz::Tz,
) -> Result<Expanded, IcalError> {
    if data.len() > MAX_BYTES {
        return Err(IcalError::TooLarge {
            size: data.len(),
            max: MAX_BYTES,
        });
    }
    let data = data.strip_prefix('\u{feff}').unwrap_or(data);
    if !starts_with_vcalendar(data) {
        return Err(IcalError::NotICalendar);
    }
    let unfolded = unfold(data);
    let (components, mut skipped) = parse(&unfolded);
    if from >= to {
        return Ok(Expanded {
            busy: Vec::new(),
            skipped,
        });
    }

    let horizon = to.naive_utc() + TimeDelta::days(800);
    let zones = Zones::read(&components, host_zone, horizon);

    // Events by UID: a series' master and its overridden instances travel together.
    let mut series: BTreeMap<String, Series> = BTreeMap::new();
    for (index, component) in components.iter().enumerate() {
        if !is(component, "VEVENT") {
            continue;
        }
        let Some(event) = Event::read(component, &zones) else {
            skipped += 1;
            continue;
        };
        let key = if event.uid.is_empty() {
            format!("\u{0}{index}")
        } else {
            event.uid.clone()
        };
        let entry = series.entry(key).or_default();
        if event.recurrence_id.is_some() {
            entry.overrides.push(event);
        } else {
            entry.masters.push(event);
        }
    }

    let window = Window { from, to };
    let mut busy = Vec::new();
    for series in series.values() {
        if series.expand(window, &mut busy).is_err() {
            skipped += 1;
        }
    }
    busy.sort_by(|a, b| (a.start, a.end, &a.uid).cmp(&(b.start, b.end, &b.uid)));
    Ok(Expanded { busy, skipped })
}

/// Whether the first line that is not blank opens a VCALENDAR (an HTML error page, a login
/// form or a JSON answer does not).
fn starts_with_vcalendar(data: &str) -> bool {
    data.lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .is_some_and(|line| line.eq_ignore_ascii_case("BEGIN:VCALENDAR"))
}

/// The components inside the VCALENDAR(s), and how many VEVENTs could not be parsed. When
/// the whole document does not parse, each top-level component is parsed on its own so
/// that one broken event costs only itself.
fn parse(unfolded: &str) -> (Vec<Component<'_>>, usize) {
    if let Ok(roots) = read_components(unfolded) {
        return (inside_calendars(roots), 0);
    }
    let mut components = Vec::new();
    let mut skipped = 0;
    for (name, block) in top_level_blocks(unfolded) {
        match read_components(block) {
            Ok(parsed) if !parsed.is_empty() => components.extend(parsed),
            _ if name.eq_ignore_ascii_case("VEVENT") => skipped += 1,
            _ => {}
        }
    }
    (components, skipped)
}

fn inside_calendars(roots: Vec<Component<'_>>) -> Vec<Component<'_>> {
    let mut components = Vec::new();
    for root in roots {
        if is(&root, "VCALENDAR") {
            components.extend(root.components);
        } else {
            components.push(root);
        }
    }
    components
}

/// The components directly inside VCALENDARs, as (name, text) slices of `unfolded`. A
/// component that never ends runs to the end of the data.
fn top_level_blocks(unfolded: &str) -> Vec<(&str, &str)> {
    let mut blocks = Vec::new();
    let mut depth = 0usize;
    let mut open: Option<(&str, usize)> = None;
    let mut offset = 0;
    for line in unfolded.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim();
        let (keyword, name) = content.split_once(':').unwrap_or((content, ""));
        if keyword.eq_ignore_ascii_case("BEGIN") {
            depth += 1;
            if depth == 2 {
                open = Some((name, start));
            }
        } else if keyword.eq_ignore_ascii_case("END") {
            if depth == 2
                && let Some((name, begin)) = open.take()
            {
                blocks.push((name, &unfolded[begin..offset]));
            }
            depth = depth.saturating_sub(1);
        }
    }
    if let Some((name, begin)) = open {
        blocks.push((name, &unfolded[begin..]));
    }
    blocks
}

fn is(component: &Component<'_>, name: &str) -> bool {
    component.name.as_str().eq_ignore_ascii_case(name)
}

fn property<'c>(component: &'c Component<'_>, name: &str) -> Option<&'c Property<'c>> {
    component
        .properties
        .iter()
        .find(|p| p.name.as_str().eq_ignore_ascii_case(name))
}

fn properties<'c>(
    component: &'c Component<'_>,
    name: &'c str,
) -> impl Iterator<Item = &'c Property<'c>> + 'c {
    component
        .properties
        .iter()
        .filter(move |p| p.name.as_str().eq_ignore_ascii_case(name))
}

fn value<'c>(component: &'c Component<'_>, name: &str) -> Option<&'c str> {
    property(component, name).map(|p| p.val.as_str().trim())
}

fn parameter<'p>(property: &'p Property<'_>, key: &str) -> Option<&'p str> {
    property
        .params
        .iter()
        .find(|p| p.key.as_str().eq_ignore_ascii_case(key))
        .and_then(|p| p.val.as_ref())
        .map(|v| v.as_str().trim().trim_matches('"'))
}

// ---------------------------------------------------------------------------------------
// Time zones

/// Where wall-clock times live: a tz database zone, or the rules of a VTIMEZONE.
#[derive(Clone, Debug)]
enum Zone {
    Named(chrono_tz::Tz),
    Custom(Rc<CustomZone>),
}

impl Zone {
    const UTC: Zone = Zone::Named(chrono_tz::UTC);

    /// The instant of a wall-clock time. A time that occurs twice (the hour after DST
    /// ends) is its first occurrence; a time that does not exist (skipped when DST
    /// begins) is read with the offset before the gap, as RFC 5545 says.
    fn to_utc(&self, wall: NaiveDateTime) -> DateTime<Utc> {
        let first = match self {
            Zone::Named(tz) => tz.from_local_datetime(&wall).earliest().map(|t| t.to_utc()),
            Zone::Custom(zone) => zone
                .offsets
                .iter()
                .map(|&offset| wall - offset)
                .filter(|&utc| wall - zone.offset_at(utc) == utc)
                .min()
                .map(|utc| utc.and_utc()),
        };
        first.unwrap_or_else(|| {
            let before = self.offset_at(wall - TimeDelta::days(1));
            (wall - before).and_utc()
        })
    }

    /// The wall-clock time of an instant.
    fn to_wall(&self, utc: DateTime<Utc>) -> NaiveDateTime {
        utc.naive_utc() + self.offset_at(utc.naive_utc())
    }

    /// The offset from UTC at an instant (given as a naive UTC time).
    fn offset_at(&self, utc: NaiveDateTime) -> TimeDelta {
        match self {
            Zone::Named(tz) => TimeDelta::seconds(i64::from(
                tz.offset_from_utc_datetime(&utc).fix().local_minus_utc(),
            )),
            Zone::Custom(zone) => zone.offset_at(utc),
        }
    }
}

/// A VTIMEZONE's STANDARD and DAYLIGHT rules, expanded into its transitions.
#[derive(Debug)]
struct CustomZone {
    /// (instant in UTC, offset from then on), by instant.
    transitions: Vec<(NaiveDateTime, TimeDelta)>,
    /// The offset before the first transition.
    initial: TimeDelta,
    /// Every offset the zone uses.
    offsets: Vec<TimeDelta>,
}

impl CustomZone {
    /// The zone's transitions up to `horizon` (UTC), or `None` when it defines none.
    fn read(vtimezone: &Component<'_>, horizon: NaiveDateTime) -> Option<CustomZone> {
        let mut transitions = Vec::new();
        for observance in &vtimezone.components {
            if !(is(observance, "STANDARD") || is(observance, "DAYLIGHT")) {
                continue;
            }
            let (Some(offset_from), Some(offset_to)) = (
                value(observance, "TZOFFSETFROM").and_then(parse_offset),
                value(observance, "TZOFFSETTO").and_then(parse_offset),
            ) else {
                continue;
            };
            let Some(onset) = value(observance, "DTSTART").and_then(parse_local) else {
                continue;
            };
            let mut onsets = vec![onset];
            if let Some(rule) = value(observance, "RRULE") {
                let until_to_wall = |utc: DateTime<Utc>| utc.naive_utc() + offset_from;
                if let Some(found) = recurrences(
                    onset,
                    rule,
                    &until_to_wall,
                    false,
                    onset,
                    horizon + offset_from,
                ) {
                    onsets.extend(found.starts);
                }
            }
            for rdate in properties(observance, "RDATE") {
                onsets.extend(rdate.val.as_str().split(',').filter_map(parse_local));
            }
            transitions.extend(
                onsets
                    .into_iter()
                    .map(|wall| (wall - offset_from, offset_to, offset_from)),
            );
        }
        transitions.sort_by_key(|&(at, _, _)| at);
        transitions.dedup_by_key(|&mut (at, _, _)| at);
        let initial = transitions.first()?.2;
        let mut offsets: Vec<TimeDelta> = transitions.iter().map(|&(_, to, _)| to).collect();
        offsets.push(initial);
        offsets.sort();
        offsets.dedup();
        Some(CustomZone {
            transitions: transitions
                .into_iter()
                .map(|(at, to, _)| (at, to))
                .collect(),
            initial,
            offsets,
        })
    }

    fn offset_at(&self, utc: NaiveDateTime) -> TimeDelta {
        match self.transitions.partition_point(|&(at, _)| at <= utc) {
            0 => self.initial,
            after => self.transitions[after - 1].1,
        }
    }
}

/// A UTC offset as in TZOFFSETFROM: `+0100`, `-0500`, `+053000`.
fn parse_offset(text: &str) -> Option<TimeDelta> {
    let (sign, digits) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i64 = digits[0..2].parse().ok()?;
    let minutes: i64 = digits[2..4].parse().ok()?;
    let seconds: i64 = digits.get(4..6).map_or(Some(0), |s| s.parse().ok())?;
    Some(TimeDelta::seconds(
        sign * (hours * 3600 + minutes * 60 + seconds),
    ))
}

/// The zones one calendar uses: its VTIMEZONEs, the tz database and the host's zone.
struct Zones {
    host: chrono_tz::Tz,
    defined: HashMap<String, Zone>,
}

impl Zones {
    fn read(components: &[Component<'_>], host: chrono_tz::Tz, horizon: NaiveDateTime) -> Zones {
        let mut defined = HashMap::new();
        for vtimezone in components.iter().filter(|c| is(c, "VTIMEZONE")) {
            let Some(tzid) = value(vtimezone, "TZID") else {
                continue;
            };
            let zone = iana(tzid)
                .or_else(|| value(vtimezone, "X-LIC-LOCATION").and_then(iana))
                .map(Zone::Named)
                .or_else(|| CustomZone::read(vtimezone, horizon).map(|z| Zone::Custom(Rc::new(z))));
            if let Some(zone) = zone {
                defined.insert(tzid.to_owned(), zone);
            }
        }
        Zones { host, defined }
    }

    fn host(&self) -> Zone {
        Zone::Named(self.host)
    }

    /// The zone a `TZID` names: the calendar's own definition, else the tz database, else
    /// the host's zone.
    fn named(&self, tzid: Option<&str>) -> Zone {
        let Some(tzid) = tzid else {
            return self.host();
        };
        self.defined
            .get(tzid)
            .cloned()
            .or_else(|| iana(tzid).map(Zone::Named))
            .unwrap_or_else(|| self.host())
    }
}

/// An IANA zone name, also behind a vendor prefix such as `/mozilla.org/20050126_1/`.
fn iana(tzid: &str) -> Option<chrono_tz::Tz> {
    let tzid = tzid.trim();
    if let Ok(tz) = tzid.parse() {
        return Some(tz);
    }
    tzid.strip_prefix('/')?
        .match_indices('/')
        .find_map(|(at, _)| tzid[at + 2..].parse().ok())
}

// ---------------------------------------------------------------------------------------
// Date and time values

/// A DATE or DATE-TIME value placed in its zone.
#[derive(Clone, Debug)]
struct Moment {
    /// Its wall-clock time in `zone` (midnight for a date).
    wall: NaiveDateTime,
    zone: Zone,
    /// A DATE value (an all-day event).
    date: bool,
}

impl Moment {
    fn utc(&self) -> DateTime<Utc> {
        self.zone.to_utc(self.wall)
    }
}

/// A DATE or DATE-TIME value: `20260310`, `20260310T090000`, `20260310T090000Z`. Floating
/// times and dates are read in `floating`, times with a `TZID` in that zone.
fn parse_moment(text: &str, tzid: Option<&str>, floating: &Zone, zones: &Zones) -> Option<Moment> {
    let text = text.trim();
    if let Some(utc) = text.strip_suffix('Z').or_else(|| text.strip_suffix('z')) {
        let wall = NaiveDateTime::parse_from_str(utc, "%Y%m%dT%H%M%S").ok()?;
        return Some(Moment {
            wall,
            zone: Zone::UTC,
            date: false,
        });
    }
    if text.len() == 8 {
        let date = NaiveDate::parse_from_str(text, "%Y%m%d").ok()?;
        return Some(Moment {
            wall: date.and_time(NaiveTime::MIN),
            zone: floating.clone(),
            date: true,
        });
    }
    let wall = NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%S").ok()?;
    let zone = match tzid {
        Some(tzid) => zones.named(Some(tzid)),
        None => floating.clone(),
    };
    Some(Moment {
        wall,
        zone,
        date: false,
    })
}

/// A floating DATE-TIME or DATE (the onsets in a VTIMEZONE).
fn parse_local(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%S")
        .ok()
        .or_else(|| {
            NaiveDate::parse_from_str(text, "%Y%m%d")
                .ok()
                .map(|d| d.and_time(NaiveTime::MIN))
        })
}

/// How long an instance lasts: whole days counted on the wall clock (so an all-day event
/// on the day DST begins lasts 23 hours), then exact time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Length {
    days: i64,
    exact: TimeDelta,
}

impl Length {
    const ZERO: Length = Length {
        days: 0,
        exact: TimeDelta::zero(),
    };

    fn at_most(&self) -> TimeDelta {
        TimeDelta::days(self.days + 1) + self.exact
    }

    /// The end of an instance that starts at `wall` in `zone`.
    fn end(&self, wall: NaiveDateTime, zone: &Zone) -> DateTime<Utc> {
        let base = if self.days == 0 {
            zone.to_utc(wall)
        } else {
            zone.to_utc(wall + TimeDelta::days(self.days))
        };
        base + self.exact
    }
}

/// A DURATION value: `PT1H30M`, `P1D`, `P2W`. Negative and month/year durations are not
/// valid for an event.
fn parse_duration(text: &str) -> Option<Length> {
    let length = match iso8601::duration(text.trim()).ok()? {
        iso8601::Duration::Weeks(weeks) => Length {
            days: i64::from(weeks) * 7,
            exact: TimeDelta::zero(),
        },
        iso8601::Duration::YMDHMS {
            year: 0,
            month: 0,
            day,
            hour,
            minute,
            second,
            millisecond,
        } => Length {
            days: i64::from(day),
            exact: TimeDelta::try_seconds(
                i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second),
            )? + TimeDelta::milliseconds(i64::from(millisecond)),
        },
        iso8601::Duration::YMDHMS { .. } => return None,
    };
    (length.days <= MAX_EVENT_DAYS && length.exact <= TimeDelta::days(MAX_EVENT_DAYS))
        .then_some(length)
}

// ---------------------------------------------------------------------------------------
// Events

/// What conflict checking needs from one VEVENT.
#[derive(Debug)]
struct Event {
    uid: String,
    start: Moment,
    length: Length,
    /// False for TRANSP:TRANSPARENT and STATUS:CANCELLED.
    blocks: bool,
    rule: Option<String>,
    rdates: Vec<(Moment, Option<Length>)>,
    exdates: Vec<Moment>,
    /// The instance this VEVENT overrides, and whether it also moves all later ones.
    recurrence_id: Option<(DateTime<Utc>, bool)>,
}

impl Event {
    /// Reads one VEVENT, or `None` when it lacks a usable start or end.
    fn read(component: &Component<'_>, zones: &Zones) -> Option<Event> {
        let host = zones.host();
        let uid = value(component, "UID").unwrap_or_default().to_owned();
        let moment = |p: &Property<'_>, floating: &Zone| {
            parse_moment(p.val.as_str(), parameter(p, "TZID"), floating, zones)
        };
        let start = moment(property(component, "DTSTART")?, &host)?;
        let length = if let Some(end) = property(component, "DTEND") {
            let end = moment(end, &host)?;
            if start.date && end.date {
                Length {
                    days: (end.wall - start.wall).num_days(),
                    exact: TimeDelta::zero(),
                }
            } else {
                Length {
                    days: 0,
                    exact: end.utc() - start.utc(),
                }
            }
        } else if let Some(duration) = value(component, "DURATION") {
            parse_duration(duration)?
        } else if start.date {
            Length {
                days: 1,
                exact: TimeDelta::zero(),
            }
        } else {
            Length::ZERO
        };
        if length.days < 0
            || length.exact < TimeDelta::zero()
            || length.at_most() > TimeDelta::days(MAX_EVENT_DAYS)
        {
            return None;
        }

        let transparent =
            value(component, "TRANSP").is_some_and(|t| t.eq_ignore_ascii_case("TRANSPARENT"));
        let cancelled =
            value(component, "STATUS").is_some_and(|s| s.eq_ignore_ascii_case("CANCELLED"));

        // Values without a zone inside a zoned event are read in the event's zone.
        let own_zone = start.zone.clone();
        let mut rdates = Vec::new();
        for rdate in properties(component, "RDATE") {
            for item in rdate.val.as_str().split(',') {
                let (at, until) = match item.split_once('/') {
                    Some((at, until)) => (at, Some(until)),
                    None => (item, None),
                };
                let at = parse_moment(at, parameter(rdate, "TZID"), &own_zone, zones)?;
                let length = match until {
                    None => None,
                    Some(until) if until.trim_start().starts_with(['P', 'p', '+']) => {
                        Some(parse_duration(until.trim_start_matches('+'))?)
                    }
                    Some(until) => {
                        let until =
                            parse_moment(until, parameter(rdate, "TZID"), &own_zone, zones)?;
                        let exact = until.utc() - at.utc();
                        if exact < TimeDelta::zero() {
                            return None;
                        }
                        Some(Length { days: 0, exact })
                    }
                };
                rdates.push((at, length));
            }
        }
        let mut exdates = Vec::new();
        for exdate in properties(component, "EXDATE") {
            for item in exdate.val.as_str().split(',') {
                exdates.push(parse_moment(
                    item,
                    parameter(exdate, "TZID"),
                    &own_zone,
                    zones,
                )?);
            }
        }
        let recurrence_id = match property(component, "RECURRENCE-ID") {
            None => None,
            Some(rid) => {
                let this_and_future = parameter(rid, "RANGE")
                    .is_some_and(|r| r.eq_ignore_ascii_case("THISANDFUTURE"));
                Some((moment(rid, &own_zone)?.utc(), this_and_future))
            }
        };

        Some(Event {
            uid,
            start,
            length,
            blocks: !(transparent || cancelled),
            rule: value(component, "RRULE").map(str::to_owned),
            rdates,
            exdates,
            recurrence_id,
        })
    }
}

#[derive(Clone, Copy)]
struct Window {
    from: DateTime<Utc>,
    to: DateTime<Utc>,
}

impl Window {
    fn push(&self, uid: &str, start: DateTime<Utc>, end: DateTime<Utc>, busy: &mut Vec<Busy>) {
        if start < self.to && end > self.from && end > start {
            busy.push(Busy {
                uid: uid.to_owned(),
                start,
                end,
            });
        }
    }
}

/// The event was cut short by the bounds on expansion.
struct Truncated;

/// One UID's VEVENTs: the recurring master (normally one) and its overridden instances.
#[derive(Default)]
struct Series {
    masters: Vec<Event>,
    overrides: Vec<Event>,
}

impl Series {
    fn expand(&self, window: Window, busy: &mut Vec<Busy>) -> Result<(), Truncated> {
        // Every override stands at its own time, whether or not its master is here.
        for event in &self.overrides {
            if event.blocks {
                let start = event.start.utc();
                let end = event.length.end(event.start.wall, &event.start.zone);
                window.push(&event.uid, start, end, busy);
            }
        }
        let mut result = Ok(());
        for master in &self.masters {
            if self.expand_master(master, window, busy).is_err() {
                result = Err(Truncated);
            }
        }
        result
    }

    fn expand_master(
        &self,
        master: &Event,
        window: Window,
        busy: &mut Vec<Busy>,
    ) -> Result<(), Truncated> {
        let zone = &master.start.zone;
        let overridden: BTreeSet<DateTime<Utc>> = self
            .overrides
            .iter()
            .filter_map(|o| o.recurrence_id.map(|(at, _)| at))
            .collect();
        // THISANDFUTURE overrides by the instance they start from: (from, shift, the override).
        let mut future: Vec<(DateTime<Utc>, TimeDelta, &Event)> = self
            .overrides
            .iter()
            .filter_map(|o| match o.recurrence_id {
                Some((at, true)) => Some((at, o.start.utc() - at, o)),
                _ => None,
            })
            .collect();
        future.sort_by_key(|&(at, _, _)| at);

        // Which starts to generate, in the master's wall-clock time: anything that can
        // still reach the window once lengths and shifts are applied.
        let longest = future
            .iter()
            .map(|(_, _, o)| o.length.at_most())
            .chain(
                master
                    .rdates
                    .iter()
                    .filter_map(|(_, l)| l.map(|l| l.at_most())),
            )
            .fold(master.length.at_most(), TimeDelta::max);
        let furthest_shift = future
            .iter()
            .map(|&(_, shift, _)| shift.abs())
            .fold(TimeDelta::zero(), TimeDelta::max);
        let margin = TimeDelta::days(2) + furthest_shift;
        let low = zone.to_wall(window.from) - longest - margin;
        let high = zone.to_wall(window.to) + margin;

        let mut starts: BTreeMap<DateTime<Utc>, (NaiveDateTime, Option<Length>)> = BTreeMap::new();
        let mut truncated = false;
        if (low..=high).contains(&master.start.wall) {
            starts.insert(master.start.utc(), (master.start.wall, None));
        }
        if let Some(rule) = &master.rule {
            let until_to_wall = |utc: DateTime<Utc>| zone.to_wall(utc);
            let found = recurrences(
                master.start.wall,
                rule,
                &until_to_wall,
                master.start.date,
                low,
                high,
            )
            .ok_or(Truncated)?;
            truncated |= found.truncated;
            for wall in found.starts {
                starts.entry(zone.to_utc(wall)).or_insert((wall, None));
            }
        }
        for (rdate, length) in &master.rdates {
            let at = rdate.utc();
            let wall = zone.to_wall(at);
            if (low..=high).contains(&wall) {
                starts.insert(at, (wall, *length));
            }
        }
        let excluded: BTreeSet<DateTime<Utc>> = master.exdates.iter().map(Moment::utc).collect();
        let excluded_days: BTreeSet<NaiveDate> = master
            .exdates
            .iter()
            .filter(|e| e.date && !master.start.date)
            .map(|e| e.wall.date())
            .collect();

        for (at, (wall, rdate_length)) in starts {
            if overridden.contains(&at)
                || excluded.contains(&at)
                || excluded_days.contains(&wall.date())
            {
                continue;
            }
            let mut instance = (
                at,
                wall,
                rdate_length.unwrap_or(master.length),
                master.blocks,
            );
            let moved_by = future.iter().rev().find(|&&(from, _, _)| from < at);
            if let Some(&(_, shift, by)) = moved_by {
                let at = at + shift;
                instance = (at, zone.to_wall(at), by.length, by.blocks);
            }
            let (start, wall, length, blocks) = instance;
            if blocks {
                let end = if length.days == 0 {
                    start + length.exact
                } else {
                    length.end(wall, zone)
                };
                window.push(&master.uid, start, end, busy);
            }
        }
        if truncated { Err(Truncated) } else { Ok(()) }
    }
}

// ---------------------------------------------------------------------------------------
// Recurrence rules

/// Starts of a rule, in wall-clock time.
struct Recurrences {
    starts: Vec<NaiveDateTime>,
    /// The bounds on expansion stopped it before it left the range.
    truncated: bool,
}

/// The wall-clock starts in `[low, high]` of `rule` (an RRULE value) for a series that
/// begins at `start`. The rule is expanded on the wall clock (UTC stands in for it, so no
/// DST change interferes); `until_to_wall` places a UTC `UNTIL` on that clock.
fn recurrences(
    start: NaiveDateTime,
    rule: &str,
    until_to_wall: &dyn Fn(DateTime<Utc>) -> NaiveDateTime,
    all_day: bool,
    low: NaiveDateTime,
    high: NaiveDateTime,
) -> Option<Recurrences> {
    let on_wall = |wall: NaiveDateTime| rrule::Tz::UTC.from_utc_datetime(&wall);
    let mut parts = Vec::new();
    let mut until = None;
    for part in rule.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        match part.split_once('=') {
            Some((key, value)) if key.eq_ignore_ascii_case("UNTIL") => until = Some(value),
            _ => parts.push(part),
        }
    }
    let mut parsed: RRule<Unvalidated> = parts.join(";").parse().ok()?;
    if let Some(until) = until {
        let until = parse_until(until, all_day, until_to_wall)?;
        if until < start {
            return Some(Recurrences {
                starts: Vec::new(),
                truncated: false,
            });
        }
        parsed = parsed.until(on_wall(until));
    }
    let rule = parsed.validate(on_wall(start)).ok()?;
    let set = RRuleSet::new(on_wall(start)).rrule(rule).limit();

    let mut starts = Vec::new();
    let mut truncated = false;
    for (step, at) in set.into_iter().enumerate() {
        if step >= MAX_STEPS_PER_EVENT {
            truncated = true;
            break;
        }
        let wall = at.naive_utc();
        if wall > high {
            break;
        }
        if wall >= low {
            if starts.len() == MAX_INSTANCES_PER_EVENT {
                truncated = true;
                break;
            }
            starts.push(wall);
        }
    }
    Some(Recurrences { starts, truncated })
}

/// An RRULE's UNTIL on the wall clock: a UTC time is converted; a date in a rule for
/// timed events includes that whole day.
fn parse_until(
    text: &str,
    all_day: bool,
    until_to_wall: &dyn Fn(DateTime<Utc>) -> NaiveDateTime,
) -> Option<NaiveDateTime> {
    let text = text.trim();
    if let Some(utc) = text.strip_suffix('Z').or_else(|| text.strip_suffix('z')) {
        let utc = NaiveDateTime::parse_from_str(utc, "%Y%m%dT%H%M%S")
            .ok()?
            .and_utc();
        return Some(until_to_wall(utc));
    }
    if let Ok(wall) = NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%S") {
        return Some(wall);
    }
    let date = NaiveDate::parse_from_str(text, "%Y%m%d").ok()?;
    Some(if all_day {
        date.and_time(NaiveTime::MIN)
    } else {
        date.and_hms_opt(23, 59, 59)?
    })
}

#[cfg(test)]
mod tests;

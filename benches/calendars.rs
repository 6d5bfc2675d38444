//! Connected calendars benchmarks: what a host's connected calendars cost the slot loader,
//! how long a full and an incremental CalDAV sync of a large calendar take (against a real
//! Radicale), and the helpers `tests/load/calendars-rss.sh` uses to measure the idle
//! memory of a server with 20 connected feeds. Figures are recorded in BENCHMARKS.md.
//!
//! Run: `cargo bench --bench calendars`
//!
//! 1. A month of slots for one host (Europe/Berlin, weekday working hours, a 30-minute
//!    event type), computed the way `GET /api/v1/slots` computes it (`slots::by_id` and
//!    `slots::list` on a reader connection, without the one-second cache): a host without
//!    calendars beside an identical host with 3 calendars holding 5,000 events, a third of
//!    them recurring, turned into the replica by `ical::busy_between` and
//!    `db::calendars::replace_object` as the sync engine does. Both hosts live in the same
//!    database and are measured in alternating rounds; then the replica query and the
//!    engine are timed alone.
//! 2. A full sync of a 10,000-event calendar from Radicale (`.venv-test`, see
//!    tests/run.sh) through `sync::sync_account`, with the increase of this process's
//!    peak RSS (VmHWM), then incremental syncs of 10 changed events, and the daily full
//!    re-listing over an existing replica. Without Radicale this part is skipped.
//!
//! Under `cargo test --all-targets` (no `--bench` argument) both run once at a small size,
//! as a check that they still work.
//!
//! Helper modes (for the load script; `cargo bench --bench calendars -- MODE ARGS`):
//! `write-feeds DIR COUNT EVENTS` writes COUNT ICS feeds of EVENTS events from today;
//! `connect-feeds CONFIG EMAIL URL…` connects each feed for the user EMAIL through
//! `accounts::connect` (the server must be stopped: this opens its data directory);
//! `replica CONFIG` prints the accounts, their last sync and the replica's size;
//! `slots` runs part 1 alone.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use kairos::audit::Origin;
use kairos::availability::DayOfWeek;
use kairos::booking::BookingError;
use kairos::booking::slots::{self, Context};
use kairos::clock::{Clock, FixedClock, SystemClock};
use kairos::config::{Config, Flags};
use kairos::crypto::InstanceKey;
use kairos::db::calendars::{self, BusyTime, Provider};
use kairos::db::users::{self, NewUser, Role, User};
use kairos::db::{Db, DbError};
use kairos::instance::Instance;
use kairos::integrations::calendars::accounts;
use kairos::integrations::calendars::{ical, sync};
use kairos::integrations::{Deps, InstanceView, Site};
use kairos::jobs::Waker;
use kairos::model::booking::ManageKey;
use kairos::model::calendar::ConnectInput;
use kairos::model::event_types::EventTypeInput;
use kairos::outbound::Policy;
use kairos::scheduling::manage;

const BERLIN: Tz = chrono_tz::Europe::Berlin;

/// "Now" for the in-process cases: Monday 2027-01-04, 07:00 UTC.
fn t0() -> DateTime<Utc> {
    DateTime::from_timestamp(1_799_046_000, 0).unwrap_or_default()
}

fn or_panic<T, E: std::fmt::Display>(result: Result<T, E>) -> T {
    result.unwrap_or_else(|err| panic!("{err}"))
}

/// How much each case does: the figures of BENCHMARKS.md under `cargo bench`, a quick
/// pass that only checks the code still runs under `cargo test --all-targets` (which runs
/// bench targets without `--bench`, in the test profile).
#[derive(Clone, Copy)]
struct Scale {
    /// Events in the 3 calendars of the slots case.
    events: usize,
    /// Rounds of each host in the slots case, and requests per round.
    rounds: usize,
    per_round: usize,
    /// Calls when timing one part of the slot path alone.
    part_calls: usize,
    /// Events in the Radicale calendar, full syncs, incremental syncs.
    calendar_events: usize,
    full_syncs: usize,
    incremental_syncs: usize,
}

const BENCH: Scale = Scale {
    events: 5_000,
    rounds: 20,
    per_round: 25,
    part_calls: 300,
    calendar_events: 10_000,
    full_syncs: 3,
    incremental_syncs: 5,
};

const QUICK: Scale = Scale {
    events: 300,
    rounds: 2,
    per_round: 2,
    part_calls: 3,
    calendar_events: 200,
    full_syncs: 1,
    incremental_syncs: 1,
};

// ---------------------------------------------------------------------------------------
// Calendar data

/// A small deterministic generator (xorshift64*), so every run sees the same calendars.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }
}

const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:DAYLIGHT\r\n\
TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\n\
TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";

fn local(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

/// One VEVENT: a meeting of 15–90 minutes between 07:00 and 19:45 Berlin time on one of
/// the 400 days from `first_day`. Every third event recurs (weekly or daily, with COUNT or
/// UNTIL), and every fourth recurring one leaves its second instance out with EXDATE.
/// `shift` moves it by that many minutes (an edited event).
fn vevent(out: &mut String, index: usize, first_day: NaiveDate, rng: &mut Rng, shift: i64) {
    let day = first_day + Duration::days(i64::try_from(rng.below(400)).unwrap_or(0));
    let minute = 7 * 60 + 15 * i64::try_from(rng.below(48)).unwrap_or(0) + shift;
    let length = [15, 30, 30, 45, 60, 60, 90][usize::try_from(rng.below(7)).unwrap_or(0)];
    let start = day.and_hms_opt(0, 0, 0).unwrap_or_default() + Duration::minutes(minute);
    let end = start + Duration::minutes(length);
    let _ = write!(
        out,
        "BEGIN:VEVENT\r\nUID:bench-{index:05}@bench.example\r\nDTSTAMP:20261201T000000Z\r\n\
         DTSTART;TZID=Europe/Berlin:{}\r\nDTEND;TZID=Europe/Berlin:{}\r\n\
         SUMMARY:Bench event {index}\r\n",
        local(start),
        local(end)
    );
    if index.is_multiple_of(3) {
        let ordinal = index / 3;
        let until = |days: u64| {
            let date = start.date() + Duration::days(i64::try_from(days).unwrap_or(0));
            format!("{}T235959Z", date.format("%Y%m%d"))
        };
        let (rule, second) = match ordinal % 4 {
            0 => (
                format!("FREQ=WEEKLY;COUNT={}", 4 + rng.below(9)),
                start + Duration::days(7),
            ),
            1 => (
                format!(
                    "FREQ=WEEKLY;BYDAY=MO,TH;UNTIL={}",
                    until(14 + rng.below(29))
                ),
                start + Duration::days(7),
            ),
            2 => (
                format!("FREQ=DAILY;COUNT={}", 2 + rng.below(4)),
                start + Duration::days(1),
            ),
            _ => (
                format!("FREQ=DAILY;UNTIL={}", until(2 + rng.below(6))),
                start + Duration::days(1),
            ),
        };
        let _ = write!(out, "RRULE:{rule}\r\n");
        // A quarter of each kind, spread over the kinds.
        if (ordinal / 4) % 4 == ordinal % 4 {
            let _ = write!(out, "EXDATE;TZID=Europe/Berlin:{}\r\n", local(second));
        }
    }
    out.push_str("END:VEVENT\r\n");
}

fn calendar_file(events: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kairos//Bench//EN\r\n{VTIMEZONE}{events}END:VCALENDAR\r\n"
    )
}

/// Event `index` as one CalDAV object (a calendar with one event and its zone).
fn event_object(index: usize, first_day: NaiveDate, shift: i64) -> String {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ (index as u64 + 1));
    let mut event = String::new();
    vevent(&mut event, index, first_day, &mut rng, shift);
    calendar_file(&event)
}

/// A whole ICS feed of `events` events.
fn feed(seed: usize, events: usize, first_day: NaiveDate) -> String {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ (seed as u64 + 1));
    let mut all = String::new();
    for index in 0..events {
        vevent(&mut all, seed * 100_000 + index, first_day, &mut rng, 0);
    }
    calendar_file(&all)
}

// ---------------------------------------------------------------------------------------
// The instance

/// What the integrations see of the instance: calendar servers on loopback are allowed
/// (as `outbound_allow_loopback` allows them in tests), syncs every 5 minutes.
struct Bench {
    key: InstanceKey,
    loopback: bool,
}

impl InstanceView for Bench {
    fn site(&self) -> Site {
        Site {
            organization: "Bench".into(),
            base_url: "http://127.0.0.1".into(),
            minimum_necessary: false,
            manage_key: ManageKey::new(&self.key),
            language: kairos::i18n::Language::English,
        }
    }

    fn member_targets(&self) -> Policy {
        Policy::for_members(false, self.loopback)
    }

    fn admin_servers(&self) -> Policy {
        Policy::for_admin_servers(false, self.loopback)
    }

    fn vendor_base_url(&self, _vendor: kairos::integrations::oauth::Vendor) -> Option<String> {
        None
    }

    fn stripe_base_url(&self) -> String {
        kairos::integrations::payments::STRIPE_API.to_string()
    }

    fn calendar_server(&self, _url: &str) -> Policy {
        Policy::for_admin_servers(false, self.loopback)
    }

    fn calendar_sync_interval(&self) -> Duration {
        Duration::minutes(5)
    }

    fn booking_settings(&self) -> kairos::booking::Settings {
        kairos::booking::Settings {
            context: kairos::booking::slots::Context {
                now: chrono::Utc::now(),
                first_day_of_week: kairos::availability::DayOfWeek::Monday,
            },
            video_base_url: "https://meet.jit.si".into(),
            manage_key: ManageKey::new(&self.key),
            caps: kairos::booking::HourlyCaps {
                per_event_type: 0,
                per_host: 0,
            },
            outbox: kairos::integrations::outbox(),
            live_calendars: None,
        }
    }
}

fn deps(instance: &Instance, clock: Arc<dyn Clock>, loopback: bool) -> Deps {
    Deps {
        db: instance.db.clone(),
        key: instance.key.clone(),
        clock,
        instance: Arc::new(Bench {
            key: instance.key.clone(),
            loopback,
        }),
        jobs: Waker::new(),
    }
}

fn open_temp(dir: &tempfile::TempDir) -> Instance {
    let flags = Flags {
        data_dir: Some(dir.path().join("data")),
        ..Flags::default()
    };
    let config = or_panic(Config::load_from(&flags, |_| None));
    or_panic(Instance::open(&config, t0()))
}

/// A host in Berlin with the default working hours (weekdays 09:00–17:00) and a
/// 30-minute event type; returns the host and the event type's id.
async fn host_with_event_type(db: &Db, name: &str) -> (User, i64) {
    let (email, username) = (format!("{name}@bench.example"), name.to_string());
    let result = db
        .write(move |tx| -> Result<Result<(User, i64), String>, DbError> {
            let new = NewUser {
                email: &email,
                name: &username,
                username: &username,
                time_zone: BERLIN,
                password_hash: None,
                role: Role::Member,
            };
            let id = users::insert(tx, &new, t0())?;
            let Some(user) = users::by_id(tx, id)? else {
                return Ok(Err("the user was not stored".into()));
            };
            let input: EventTypeInput = match serde_json::from_value(serde_json::json!({
                "title": "Intro call", "slug": "intro", "durationsMinutes": [30]
            })) {
                Ok(input) => input,
                Err(err) => return Ok(Err(err.to_string())),
            };
            Ok(manage::create_event_type(tx, &user, input, t0())
                .map(|event_type| (user, event_type.id))
                .map_err(|err| err.to_string()))
        })
        .await;
    or_panic(or_panic(result))
}

fn median(samples: &mut [f64]) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples.get(samples.len() / 2).copied().unwrap_or_default()
}

/// The process's `VmHWM` or `VmRSS` in KiB.
fn status_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|value| value.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// CPU seconds (user and system) a process has used so far, from `/proc/PID/stat`
/// (`self` for this process), in clock ticks of 1/100 s.
fn cpu_seconds(pid: &str) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    (ticks(11) + ticks(12)) as f64 / 100.0
}

/// Resets the peak RSS to the current RSS (Linux: `5` to clear_refs); false if refused.
fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

// ---------------------------------------------------------------------------------------
// 1. Slots with and without calendars

/// One month of slots computed as `GET /api/v1/slots` computes it: the event type looked
/// up, its input loaded, the engine run. Returns the time and the number of slots.
async fn month_of_slots(db: &Db, event_type_id: i64) -> (f64, usize) {
    let (from, to) = (t0(), t0() + Duration::days(31));
    let context = Context {
        now: t0(),
        first_day_of_week: DayOfWeek::Monday,
    };
    let started = Instant::now();
    let slots = db
        .read(move |conn| -> Result<usize, BookingError> {
            let bookable = slots::by_id(conn, event_type_id)
                .map_err(DbError::from)?
                .ok_or(BookingError::EventTypeNotFound)?;
            let list = slots::list(conn, &bookable.event_type, from, to, BERLIN, None, context)?;
            Ok(list.days.iter().map(|day| day.slots.len()).sum())
        })
        .await;
    let seconds = started.elapsed().as_secs_f64();
    (seconds, or_panic(slots))
}

/// Turns `events` CalDAV objects into the replica of 3 calendars of `host`, the way the
/// sync engine does (one write transaction per calendar). Returns the seconds it took.
async fn replicate(db: &Db, key: &InstanceKey, host: &User, events: usize) -> f64 {
    let first_day = t0().with_timezone(&BERLIN).date_naive();
    let (from, to) = sync::horizon(t0());
    let started = Instant::now();
    let per_calendar = events.div_ceil(3);
    for calendar in 0..3 {
        let user_id = host.id;
        let sealed = sync::seal(key, "secret");
        let indices = (calendar * per_calendar)..((calendar + 1) * per_calendar).min(events);
        let mut objects = Vec::new();
        for index in indices {
            let data = event_object(index, first_day, 0);
            let expanded = or_panic(ical::busy_between(&data, from, to, BERLIN));
            let busy: Vec<BusyTime> = expanded
                .busy
                .into_iter()
                .map(|b| BusyTime {
                    uid: b.uid,
                    start: b.start,
                    end: b.end,
                })
                .collect();
            objects.push((format!("/alice/cal{calendar}/bench-{index:05}.ics"), busy));
        }
        or_panic(
            db.write(move |tx| -> Result<(), DbError> {
                let account = calendars::insert_account(
                    tx,
                    user_id,
                    Provider::Caldav,
                    "http://calendar.example",
                    "alice",
                    &sealed,
                    t0(),
                )?;
                let calendar_id = calendars::upsert_calendar(
                    tx,
                    account,
                    &format!("http://calendar.example/alice/cal{calendar}/"),
                    &format!("Calendar {calendar}"),
                    false,
                )?;
                for (href, busy) in &objects {
                    calendars::replace_object(tx, calendar_id, user_id, href, "\"1\"", busy)?;
                }
                Ok(())
            })
            .await,
        );
    }
    started.elapsed().as_secs_f64()
}

async fn count(db: &Db, sql: &'static str) -> i64 {
    or_panic(
        db.read(move |conn| -> Result<i64, DbError> {
            Ok(conn.query_row(sql, [], |row| row.get(0))?)
        })
        .await,
    )
}

async fn slots_with_and_without_calendars(scale: Scale) {
    let dir = or_panic(tempfile::tempdir());
    let instance = open_temp(&dir);
    let db = instance.db.clone();
    let (plain, plain_type) = host_with_event_type(&db, "plain").await;
    let (busy, busy_type) = host_with_event_type(&db, "busy").await;
    let build = replicate(&db, &instance.key, &busy, scale.events).await;
    let objects = count(&db, "SELECT count(*) FROM calendar_objects").await;
    let rows = count(&db, "SELECT count(*) FROM calendar_busy").await;
    let (from, to) = (t0().timestamp(), (t0() + Duration::days(31)).timestamp());
    let in_month = or_panic(
        db.read(move |conn| -> Result<i64, DbError> {
            Ok(conn.query_row(
                "SELECT count(*) FROM calendar_busy WHERE start_at < ?2 AND end_at > ?1",
                [from, to],
                |row| row.get(0),
            )?)
        })
        .await,
    );
    println!(
        "replica: 3 calendars, {objects} objects ({} events), {rows} busy rows ({in_month} in the month); \
         expanded and written in {build:.2} s",
        scale.events
    );

    // Warm-up, then alternating rounds so that both see the same machine.
    for _ in 0..scale.rounds {
        month_of_slots(&db, plain_type).await;
        month_of_slots(&db, busy_type).await;
    }
    let (mut without, mut with) = (Vec::new(), Vec::new());
    let (mut slots_without, mut slots_with) = (0, 0);
    for _ in 0..scale.rounds {
        for _ in 0..scale.per_round {
            let (seconds, slots) = month_of_slots(&db, plain_type).await;
            without.push(seconds);
            slots_without = slots;
        }
        for _ in 0..scale.per_round {
            let (seconds, slots) = month_of_slots(&db, busy_type).await;
            with.push(seconds);
            slots_with = slots;
        }
    }
    let samples = without.len();
    let (a, b) = (median(&mut without), median(&mut with));
    let p90 = |samples: &[f64]| samples.get(samples.len() * 9 / 10).copied().unwrap_or(0.0);
    println!("case | slots | median | p90 | samples");
    println!(
        "(a) no calendars | {slots_without} | {:.0} µs | {:.0} µs | {samples}",
        a * 1e6,
        p90(&without) * 1e6
    );
    println!(
        "(b) 3 calendars, {} events | {slots_with} | {:.0} µs | {:.0} µs | {samples}",
        scale.events,
        b * 1e6,
        p90(&with) * 1e6
    );
    println!("ratio (b)/(a) of the medians: {:.2} (target ≤ 1.5)", b / a);

    // The first answer after the replica changed (a sync wrote something) reads the host's
    // busy time from the database again: (b) with its kept busy time dropped before each
    // call, between calls of (a).
    let (mut plain_again, mut cold) = (Vec::new(), Vec::new());
    let busy_id = busy.id;
    for _ in 0..scale.rounds * scale.per_round / 5 {
        plain_again.push(month_of_slots(&db, plain_type).await.0);
        or_panic(
            db.write(move |tx| -> Result<usize, DbError> {
                Ok(tx.execute(
                    "UPDATE calendar_busy_versions SET version = random() WHERE user_id = ?1",
                    [busy_id],
                )?)
            })
            .await,
        );
        cold.push(month_of_slots(&db, busy_type).await.0);
    }
    let (a_again, b_cold) = (median(&mut plain_again), median(&mut cold));
    println!(
        "(b) right after its replica changed: median {:.0} µs, p90 {:.0} µs ({} samples; (a) between them {:.0} µs, ratio {:.2})",
        b_cold * 1e6,
        p90(&cold) * 1e6,
        cold.len(),
        a_again * 1e6,
        b_cold / a_again
    );

    // Where the difference goes: the replica query alone, and the engine alone.
    let (plain_id, busy_id) = (plain.id, busy.id);
    for (name, user_id, event_type_id) in [("a", plain_id, plain_type), ("b", busy_id, busy_type)] {
        let (query, rows) = replica_query(&db, user_id, scale.part_calls).await;
        let engine = engine_only(&db, event_type_id, scale.part_calls).await;
        println!(
            "({name}) parts: busy_for_host {:.0} µs ({rows} intervals), available_slots alone {:.0} µs",
            query * 1e6,
            engine * 1e6
        );
    }
}

/// The window `load_input` reads for a month starting at `t0` (without limits: 2 days
/// and the longest buffer either side).
fn load_window() -> (DateTime<Utc>, DateTime<Utc>) {
    let margin =
        Duration::days(2) + Duration::minutes(i64::from(kairos::availability::MAX_BUFFER_MINUTES));
    (t0() - margin, t0() + Duration::days(31) + margin)
}

/// Median time of `db::calendars::busy_for_host` over the loader's window, and its rows.
async fn replica_query(db: &Db, user_id: i64, calls: usize) -> (f64, usize) {
    let (from, to) = load_window();
    let mut samples = Vec::new();
    let mut rows = 0;
    for _ in 0..calls {
        let started = Instant::now();
        rows = or_panic(
            db.read(move |conn| -> Result<usize, DbError> {
                Ok(calendars::busy_for_host(conn, user_id, from, to)?.len())
            })
            .await,
        );
        samples.push(started.elapsed().as_secs_f64());
    }
    (median(&mut samples), rows)
}

/// Median time of the engine alone (`availability::available_slots` on an input loaded
/// once).
async fn engine_only(db: &Db, event_type_id: i64, calls: usize) -> f64 {
    let (from, to) = (t0(), t0() + Duration::days(31));
    let context = Context {
        now: t0(),
        first_day_of_week: DayOfWeek::Monday,
    };
    let input = or_panic(
        db.read(move |conn| -> Result<_, BookingError> {
            let bookable = slots::by_id(conn, event_type_id)
                .map_err(DbError::from)?
                .ok_or(BookingError::EventTypeNotFound)?;
            Ok(slots::load_input(
                conn,
                &bookable.event_type,
                from,
                to,
                BERLIN,
                context,
                None,
            )?)
        })
        .await,
    );
    let mut samples = Vec::new();
    for _ in 0..calls {
        let started = Instant::now();
        let list = kairos::availability::available_slots(
            &input,
            kairos::availability::Interval::new(from, to),
            30,
        );
        samples.push(started.elapsed().as_secs_f64());
        assert!(list.is_ok());
    }
    median(&mut samples)
}

// ---------------------------------------------------------------------------------------
// 2. Sync of a 10,000-event calendar from Radicale

/// Radicale on a free loopback port, serving `dir`; stopped when dropped.
struct Radicale {
    child: Child,
    base: String,
}

impl Drop for Radicale {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    or_panic(std::net::TcpListener::bind("127.0.0.1:0").and_then(|listener| listener.local_addr()))
        .port()
}

fn radicale_python() -> Option<PathBuf> {
    let python = Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv-test/bin/python");
    let found = Command::new(&python)
        .args(["-c", "import radicale"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    found.then_some(python)
}

/// Writes `events` events into Radicale's file storage (collection-root/alice/big/) and
/// starts Radicale on it.
fn start_radicale(python: &Path, dir: &Path, events: usize) -> Radicale {
    let calendar = dir.join("data/collection-root/alice/big");
    or_panic(std::fs::create_dir_all(&calendar));
    or_panic(std::fs::write(
        calendar.join(".Radicale.props"),
        r#"{"tag": "VCALENDAR", "D:displayname": "Big"}"#,
    ));
    let first_day = t0().with_timezone(&BERLIN).date_naive();
    for index in 0..events {
        or_panic(std::fs::write(
            calendar.join(format!("bench-{index:05}.ics")),
            event_object(index, first_day, 0),
        ));
    }
    or_panic(std::fs::write(dir.join("users"), "alice:secret\n"));
    let port = free_port();
    let config = format!(
        "[server]\nhosts = 127.0.0.1:{port}\n\
         [auth]\ntype = htpasswd\nhtpasswd_filename = {dir}/users\n\
         htpasswd_encryption = plain\ndelay = 0\n\
         [storage]\nfilesystem_folder = {dir}/data\n\
         [rights]\ntype = owner_only\n\
         [logging]\nlevel = warning\n",
        dir = dir.display()
    );
    or_panic(std::fs::write(dir.join("radicale.conf"), config));
    let child = or_panic(
        Command::new(python)
            .args(["-m", "radicale", "--config"])
            .arg(dir.join("radicale.conf"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn(),
    );
    let deadline = Instant::now() + StdDuration::from_secs(30);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "Radicale did not listen");
        std::thread::sleep(StdDuration::from_millis(50));
    }
    Radicale {
        child,
        base: format!("http://127.0.0.1:{port}"),
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::new()
}

/// Lists the calendar once (Depth 1, ETags), as a calendar program would: Radicale then
/// parses every file written behind its back into its item cache, as a PUT would have.
async fn warm(radicale: &Radicale) -> f64 {
    let started = Instant::now();
    let response = or_panic(
        client()
            .request(
                or_panic(reqwest::Method::from_bytes(b"PROPFIND")),
                format!("{}/alice/big/", radicale.base),
            )
            .basic_auth("alice", Some("secret"))
            .header("Depth", "1")
            .header("Content-Type", "application/xml")
            .body(r#"<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>"#)
            .send()
            .await,
    );
    assert_eq!(response.status().as_u16(), 207, "PROPFIND of the calendar");
    let _ = response.bytes().await;
    started.elapsed().as_secs_f64()
}

/// Changes events `indices` on the server (each moved by `shift` minutes) with PUT.
async fn edit(radicale: &Radicale, indices: &[usize], shift: i64) {
    let first_day = t0().with_timezone(&BERLIN).date_naive();
    for index in indices {
        let response = or_panic(
            client()
                .put(format!("{}/alice/big/bench-{index:05}.ics", radicale.base))
                .basic_auth("alice", Some("secret"))
                .header("Content-Type", "text/calendar")
                .body(event_object(*index, first_day, shift))
                .send()
                .await,
        );
        assert!(response.status().is_success(), "PUT {index}");
    }
}

async fn account(db: &Db, id: i64) -> calendars::Account {
    let found = db
        .read(move |conn| -> Result<_, DbError> { Ok(calendars::account(conn, id)?) })
        .await;
    or_panic(found).unwrap_or_else(|| panic!("account {id} is gone"))
}

/// What one sync took: wall-clock seconds, and the CPU seconds of this process and of
/// Radicale meanwhile.
struct Timed {
    seconds: f64,
    own_cpu: f64,
    server_cpu: f64,
}

impl std::fmt::Display for Timed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:.2} s | CPU: bench {:.2} s, Radicale {:.2} s",
            self.seconds, self.own_cpu, self.server_cpu
        )
    }
}

/// One sync of account `id`.
async fn timed_sync(deps: &Deps, id: i64, radicale: &Radicale) -> Timed {
    let account = account(&deps.db, id).await;
    let server = radicale.child.id().to_string();
    let (own, theirs) = (cpu_seconds("self"), cpu_seconds(&server));
    let started = Instant::now();
    or_panic(sync::sync_account(deps, &account).await);
    Timed {
        seconds: started.elapsed().as_secs_f64(),
        own_cpu: cpu_seconds("self") - own,
        server_cpu: cpu_seconds(&server) - theirs,
    }
}

async fn replica_of(db: &Db, account_id: i64) -> (i64, i64) {
    or_panic(
        db.read(move |conn| -> Result<(i64, i64), DbError> {
            let mut total = (0, 0);
            for calendar in calendars::calendars_of(conn, account_id)? {
                let (objects, busy) = calendars::replica_size(conn, calendar.id)?;
                total = (total.0 + objects, total.1 + busy);
            }
            Ok(total)
        })
        .await,
    )
}

async fn sync_from_radicale(scale: Scale) {
    let events = scale.calendar_events;
    let Some(python) = radicale_python() else {
        println!(
            "skipped the Radicale sync: no radicale in .venv-test (run tests/run.sh once to create it)"
        );
        return;
    };
    let dir = or_panic(tempfile::tempdir());
    let started = Instant::now();
    let radicale = start_radicale(&python, dir.path(), events);
    println!(
        "Radicale: {events} events written to its storage and started in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let cold = warm(&radicale).await;
    let warm_listing = warm(&radicale).await;
    println!(
        "Radicale's listing of the calendar: first {cold:.1} s (parses every file into its cache), then {warm_listing:.2} s"
    );

    let data = or_panic(tempfile::tempdir());
    let instance = open_temp(&data);
    let clock = Arc::new(FixedClock::new(t0()));
    let deps = deps(&instance, clock.clone(), true);
    let (host, _) = host_with_event_type(&deps.db, "host").await;
    let input = ConnectInput {
        provider: "caldav".into(),
        url: format!("{}/", radicale.base),
        username: "alice".into(),
        password: "secret".into(),
    };

    // Full syncs, each into a newly connected account (the previous one disconnected).
    println!("sync | objects | busy rows | time | peak RSS of this process before → after");
    let mut full = Vec::new();
    let mut last = 0;
    for round in 0..scale.full_syncs {
        let connected = or_panic(accounts::connect(&deps, &host, &input, &Origin::host()).await);
        last = connected.account.id;
        let reset = reset_peak_rss();
        let before = status_kib("VmHWM");
        let timed = timed_sync(&deps, last, &radicale).await;
        let after = status_kib("VmHWM");
        let (objects, busy) = replica_of(&deps.db, last).await;
        assert_eq!(objects, events as i64, "every event is in the replica");
        println!(
            "full #{} | {objects} | {busy} | {timed} | {:.1} → {:.1} MiB (+{:.1} MiB{})",
            round + 1,
            before as f64 / 1024.0,
            after as f64 / 1024.0,
            after.saturating_sub(before) as f64 / 1024.0,
            if reset { "" } else { "; peak not reset" }
        );
        full.push(timed.seconds);
        if round + 1 < scale.full_syncs {
            or_panic(accounts::disconnect(&deps, &host, last, &Origin::host()).await);
        }
    }

    // Incremental syncs: 10 events changed on the server each time.
    let mut incremental = Vec::new();
    for round in 0..scale.incremental_syncs {
        clock.advance(Duration::minutes(5));
        let changed: Vec<usize> = (0..10).map(|i| (round * 997 + i * 101) % events).collect();
        edit(
            &radicale,
            &changed,
            15 * (i64::try_from(round).unwrap_or(0) + 1),
        )
        .await;
        let timed = timed_sync(&deps, last, &radicale).await;
        let (objects, _) = replica_of(&deps.db, last).await;
        assert_eq!(objects, events as i64);
        println!("incremental #{} (10 changed) | {timed}", round + 1);
        incremental.push(timed.seconds);
    }

    // The next day the whole calendar is listed and expanded again over the moved horizon.
    clock.advance(Duration::days(1));
    let reset = reset_peak_rss();
    let before = status_kib("VmHWM");
    let daily = timed_sync(&deps, last, &radicale).await;
    let after = status_kib("VmHWM");
    println!(
        "daily re-listing over the existing replica | {daily} | +{:.1} MiB{}",
        after.saturating_sub(before) as f64 / 1024.0,
        if reset { "" } else { " (peak not reset)" }
    );
    println!(
        "median full sync {:.2} s over {} runs; median incremental sync {:.3} s over {} runs",
        median(&mut full),
        full.len(),
        median(&mut incremental),
        incremental.len()
    );
    drop(radicale);
}

// ---------------------------------------------------------------------------------------
// Helpers for tests/load/calendars-rss.sh

fn write_feeds(dir: &Path, count: usize, events: usize) {
    or_panic(std::fs::create_dir_all(dir));
    let today = Utc::now().date_naive();
    for seed in 0..count {
        or_panic(std::fs::write(
            dir.join(format!("feed-{seed:02}.ics")),
            feed(seed, events, today),
        ));
    }
    println!(
        "wrote {count} feeds of {events} events to {}",
        dir.display()
    );
}

/// Opens the instance of a stopped server, holding its data directory's lock.
fn open_config(config: &str) -> (Config, kairos::data_lock::DataDirLock, Instance) {
    let flags = Flags {
        config_file: Some(PathBuf::from(config)),
        ..Flags::default()
    };
    let config = or_panic(Config::load(&flags));
    let lock = or_panic(kairos::data_lock::DataDirLock::acquire(&config.data_dir));
    let instance = or_panic(Instance::open(&config, Utc::now()));
    (config, lock, instance)
}

async fn connect_feeds(config: &str, email: &str, urls: &[String]) {
    let (config, _lock, instance) = open_config(config);
    let deps = deps(
        &instance,
        Arc::new(SystemClock),
        config.outbound_allow_loopback,
    );
    let email = email.to_string();
    let user = deps
        .db
        .read(move |conn| -> Result<_, DbError> { Ok(users::by_email(conn, &email)?) })
        .await;
    let user = or_panic(user).unwrap_or_else(|| panic!("no such user"));
    for url in urls {
        let input = ConnectInput {
            provider: "ics".into(),
            url: url.clone(),
            ..ConnectInput::default()
        };
        or_panic(accounts::connect(&deps, &user, &input, &Origin::host()).await);
    }
    // The audit entries of the connections are signed before the server opens the log.
    instance.audit_head.flush();
    println!("connected {} feeds", urls.len());
}

async fn replica(config: &str) {
    let (_config, _lock, instance) = open_config(config);
    let db = instance.db.clone();
    let accounts = count(&db, "SELECT count(*) FROM calendar_accounts").await;
    let synced = count(
        &db,
        "SELECT count(*) FROM calendar_accounts WHERE last_synced_at IS NOT NULL AND last_error IS NULL",
    )
    .await;
    let objects = count(&db, "SELECT count(*) FROM calendar_objects").await;
    let busy = count(&db, "SELECT count(*) FROM calendar_busy").await;
    println!(
        "accounts {accounts}, synced without error {synced}, objects {objects}, busy rows {busy}"
    );
    instance.audit_head.flush();
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let bench = args.iter().any(|arg| arg == "--bench");
    args.retain(|arg| arg != "--bench");
    let runtime = or_panic(
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build(),
    );
    runtime.block_on(async {
        match args
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
            ["write-feeds", dir, count, events] => write_feeds(
                Path::new(dir),
                or_panic(count.parse()),
                or_panic(events.parse()),
            ),
            ["connect-feeds", config, email, urls @ ..] => {
                let urls: Vec<String> = urls.iter().map(|url| url.to_string()).collect();
                connect_feeds(config, email, &urls).await;
            }
            ["replica", config] => replica(config).await,
            ["slots"] => slots_with_and_without_calendars(if bench { BENCH } else { QUICK }).await,
            [] => {
                // The sync first: its peak RSS is then measured before part 1 allocates.
                let scale = if bench { BENCH } else { QUICK };
                if !bench {
                    println!("a quick pass (run `cargo bench --bench calendars` for the figures)");
                }
                sync_from_radicale(scale).await;
                slots_with_and_without_calendars(scale).await;
            }
            other => panic!("unknown arguments {other:?}"),
        }
    });
}

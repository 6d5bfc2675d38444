//! Collective and round-robin teams.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::support::*;
use crate::availability::*;

const UTC: Tz = Tz::UTC;

fn host(id: i64, schedule: Schedule, group: Option<&str>) -> Host {
    let mut host = Host::new(HostId(id), schedule);
    host.round_robin_group = group.map(str::to_owned);
    host
}

fn team_input(scheduling: SchedulingType, hosts: Vec<Host>, duration: u32) -> AvailabilityInput {
    AvailabilityInput {
        event: EventRules::new(duration),
        team: Team { scheduling, hosts },
        bookings: Vec::new(),
        now: t("2000-01-01T00:00:00Z"),
        booker_time_zone: UTC,
    }
}

fn monday(input: &AvailabilityInput) -> SlotList {
    slots(input, t("2024-05-06T00:00:00Z"), t("2024-05-07T00:00:00Z"))
}

/// (start "HH:MM", free host ids) per slot.
fn with_hosts(list: &SlotList) -> Vec<(String, Vec<i64>)> {
    list.slots()
        .map(|s| {
            (
                s.start.format("%H:%M").to_string(),
                s.free_hosts.iter().map(|h| h.0).collect(),
            )
        })
        .collect()
}

fn busy(host: &mut Host, start: &str, end: &str) {
    host.busy.push(Interval::new(t(start), t(end)));
}

fn at(s: &str) -> DateTime<Utc> {
    t(s)
}

#[test]
fn collective_needs_every_host() {
    let mut h2 = host(2, weekdays(UTC, &[r("12:00", "20:00")]), None);
    busy(&mut h2, "2024-05-06T14:00:00Z", "2024-05-06T15:00:00Z");
    let input = team_input(
        SchedulingType::Collective,
        vec![host(1, weekdays(UTC, &[r("09:00", "17:00")]), None), h2],
        60,
    );
    let list = monday(&input);
    assert_eq!(times_in(&list, UTC), ["12:00", "13:00", "15:00", "16:00"]);
    assert!(list.slots().all(|s| s.free_hosts.is_empty()));
    let details = check_slot(&input, at("2024-05-06T12:00:00Z"), 60).unwrap();
    assert_eq!(details.fixed_hosts, [HostId(1), HostId(2)]);
    assert!(details.round_robin_groups.is_empty());
    assert_eq!(
        check_slot(&input, at("2024-05-06T14:00:00Z"), 60),
        Err(Unavailable::Conflict)
    );
    assert_eq!(
        check_slot(&input, at("2024-05-06T10:00:00Z"), 60),
        Err(Unavailable::OutsideWorkingHours)
    );
    assert_agrees_with_check_slot(
        &input,
        &list,
        at("2024-05-06T08:00:00Z"),
        at("2024-05-06T21:00:00Z"),
    );
}

#[test]
fn collective_across_zones_is_the_overlap() {
    // Berlin 09–17 (07–15Z) and New York 09–17 (13–21Z) overlap 13–15Z in May.
    let input = team_input(
        SchedulingType::Collective,
        vec![
            host(
                1,
                weekdays(Tz::Europe__Berlin, &[r("09:00", "17:00")]),
                None,
            ),
            host(
                2,
                weekdays(Tz::America__New_York, &[r("09:00", "17:00")]),
                None,
            ),
        ],
        60,
    );
    assert_eq!(times_in(&monday(&input), UTC), ["13:00", "14:00"]);
}

#[test]
fn collective_around_the_clock_restarts_at_each_hosts_midnight() {
    // Both hosts are always available; the grid restarts at UTC and at Kathmandu midnight.
    let input = team_input(
        SchedulingType::Collective,
        vec![
            host(1, every_day(UTC, &[r("00:00", "24:00")]), None),
            host(
                2,
                every_day(Tz::Asia__Kathmandu, &[r("00:00", "24:00")]),
                None,
            ),
        ],
        50,
    );
    let list = monday(&input);
    let times = times_in(&list, UTC);
    assert_eq!(times[0], "00:00");
    assert!(times.contains(&"18:15".to_owned()), "{times:?}");
    assert!(!times.contains(&"18:20".to_owned()));
}

#[test]
fn round_robin_lists_the_free_hosts() {
    let input = team_input(
        SchedulingType::RoundRobin,
        vec![
            host(1, weekdays(UTC, &[r("09:00", "13:00")]), Some("sales")),
            host(2, weekdays(UTC, &[r("12:00", "17:00")]), Some("sales")),
        ],
        60,
    );
    let list = monday(&input);
    assert_eq!(
        with_hosts(&list),
        [
            ("09:00".to_owned(), vec![1]),
            ("10:00".to_owned(), vec![1]),
            ("11:00".to_owned(), vec![1]),
            ("12:00".to_owned(), vec![1, 2]),
            ("13:00".to_owned(), vec![2]),
            ("14:00".to_owned(), vec![2]),
            ("15:00".to_owned(), vec![2]),
            ("16:00".to_owned(), vec![2]),
        ]
    );
    let details = check_slot(&input, at("2024-05-06T12:00:00Z"), 60).unwrap();
    assert!(details.fixed_hosts.is_empty());
    assert_eq!(
        details.round_robin_groups,
        [RoundRobinGroupHosts {
            group: "sales".to_owned(),
            free_hosts: vec![HostId(1), HostId(2)]
        }]
    );
    assert_agrees_with_check_slot(
        &input,
        &list,
        at("2024-05-06T08:00:00Z"),
        at("2024-05-06T18:00:00Z"),
    );
}

#[test]
fn round_robin_grid_comes_from_the_union_but_a_slot_needs_one_host_for_all_of_it() {
    // Union 09–15 is one range; a 120-minute slot at 11:00 would need host 1 until 12:00
    // and host 2 from 12:00: nobody can take it.
    let input = team_input(
        SchedulingType::RoundRobin,
        vec![
            host(1, weekdays(UTC, &[r("09:00", "12:00")]), Some("a")),
            host(2, weekdays(UTC, &[r("12:00", "15:00")]), Some("a")),
        ],
        120,
    );
    assert_eq!(
        with_hosts(&monday(&input)),
        [("09:00".to_owned(), vec![1]), ("13:00".to_owned(), vec![2])]
    );
    assert_eq!(
        check_slot(&input, at("2024-05-06T11:00:00Z"), 120),
        Err(Unavailable::OutsideWorkingHours)
    );
}

#[test]
fn round_robin_intersects_groups_and_fixed_hosts() {
    let mut h2 = host(2, weekdays(UTC, &[r("09:00", "17:00")]), Some("a"));
    busy(&mut h2, "2024-05-06T13:00:00Z", "2024-05-06T14:00:00Z");
    let input = team_input(
        SchedulingType::RoundRobin,
        vec![
            host(1, weekdays(UTC, &[r("09:00", "14:00")]), Some("a")),
            h2,
            host(3, weekdays(UTC, &[r("11:00", "17:00")]), Some("b")),
            host(4, weekdays(UTC, &[r("10:00", "16:00")]), None),
        ],
        60,
    );
    let list = monday(&input);
    // Fixed host 4: 10–16; group b: 11–17; group a: 09–17 with host 2 busy 13–14.
    assert_eq!(
        with_hosts(&list),
        [
            ("11:00".to_owned(), vec![1, 2, 3]),
            ("12:00".to_owned(), vec![1, 2, 3]),
            ("13:00".to_owned(), vec![1, 3]),
            ("14:00".to_owned(), vec![2, 3]),
            ("15:00".to_owned(), vec![2, 3]),
        ]
    );
    let details = check_slot(&input, at("2024-05-06T13:00:00Z"), 60).unwrap();
    assert_eq!(details.fixed_hosts, [HostId(4)]);
    assert_eq!(
        details.round_robin_groups,
        [
            RoundRobinGroupHosts {
                group: "a".to_owned(),
                free_hosts: vec![HostId(1)]
            },
            RoundRobinGroupHosts {
                group: "b".to_owned(),
                free_hosts: vec![HostId(3)]
            },
        ]
    );
    // Assign one host per group.
    let choose = |group: &RoundRobinGroupHosts, counts: &[(i64, u32)]| {
        let candidates: Vec<RoundRobinCandidate> = group
            .free_hosts
            .iter()
            .map(|id| {
                let h = input.team.host(*id).unwrap();
                let n = counts.iter().find(|(i, _)| *i == id.0).map_or(0, |c| c.1);
                RoundRobinCandidate::new(h, n, None)
            })
            .collect();
        assert_round_robin(&candidates)
    };
    let at_noon = check_slot(&input, at("2024-05-06T12:00:00Z"), 60).unwrap();
    assert_eq!(
        choose(&at_noon.round_robin_groups[0], &[(1, 5), (2, 3)]),
        HostId(2)
    );
    assert_agrees_with_check_slot(
        &input,
        &list,
        at("2024-05-06T08:00:00Z"),
        at("2024-05-06T18:00:00Z"),
    );
}

fn assert_round_robin(candidates: &[RoundRobinCandidate]) -> HostId {
    let chosen = assign_round_robin(candidates).expect("a candidate");
    assert_eq!(rank_round_robin(candidates)[0], chosen);
    chosen
}

#[test]
fn round_robin_limits_are_per_host() {
    let mut input = team_input(
        SchedulingType::RoundRobin,
        vec![
            host(1, weekdays(UTC, &[r("09:00", "12:00")]), Some("a")),
            host(2, weekdays(UTC, &[r("09:00", "12:00")]), Some("a")),
        ],
        60,
    );
    input.event.booking_limits.per_day = Some(1);
    input.bookings.push(ExistingBooking {
        same_event_type: true,
        ..ExistingBooking::new(
            HostId(1),
            at("2024-05-06T09:00:00Z"),
            at("2024-05-06T10:00:00Z"),
        )
    });
    assert_eq!(
        with_hosts(&monday(&input)),
        [
            ("09:00".to_owned(), vec![2]),
            ("10:00".to_owned(), vec![2]),
            ("11:00".to_owned(), vec![2]),
        ]
    );
    input.bookings.push(ExistingBooking {
        same_event_type: true,
        ..ExistingBooking::new(
            HostId(2),
            at("2024-05-06T10:00:00Z"),
            at("2024-05-06T11:00:00Z"),
        )
    });
    assert!(monday(&input).is_empty());
    // The group reports the member that got furthest: host 2 conflicts at 10:00, host 1 has
    // reached its limit (a later check).
    assert_eq!(
        check_slot(&input, at("2024-05-06T10:00:00Z"), 60),
        Err(Unavailable::BookingLimitReached {
            period: LimitPeriod::Day
        })
    );
}

#[test]
fn round_robin_seated_slot_stays_with_the_host_holding_it() {
    let mut input = team_input(
        SchedulingType::RoundRobin,
        vec![
            host(1, weekdays(UTC, &[r("09:00", "12:00")]), Some("a")),
            host(2, weekdays(UTC, &[r("09:00", "12:00")]), Some("a")),
        ],
        60,
    );
    input.event.seats_per_slot = Some(3);
    input.bookings.push(ExistingBooking {
        same_event_type: true,
        seats_taken: 2,
        ..ExistingBooking::new(
            HostId(2),
            at("2024-05-06T10:00:00Z"),
            at("2024-05-06T11:00:00Z"),
        )
    });
    let list = monday(&input);
    let seats: Vec<(String, Vec<i64>, Option<u32>)> = list
        .slots()
        .map(|s| {
            (
                s.start.format("%H:%M").to_string(),
                s.free_hosts.iter().map(|h| h.0).collect(),
                s.seats_remaining,
            )
        })
        .collect();
    assert_eq!(
        seats,
        [
            ("09:00".to_owned(), vec![1, 2], Some(3)),
            ("10:00".to_owned(), vec![2], Some(1)),
            ("11:00".to_owned(), vec![1, 2], Some(3)),
        ]
    );
    input.bookings[0].seats_taken = 3;
    assert_eq!(
        check_slot(&input, at("2024-05-06T10:00:00Z"), 60),
        Err(Unavailable::NoSeatsLeft)
    );
}

#[test]
fn round_robin_hosts_in_different_zones() {
    let input = team_input(
        SchedulingType::RoundRobin,
        vec![
            host(
                1,
                weekdays(Tz::Asia__Kathmandu, &[r("09:00", "17:00")]),
                Some("a"),
            ),
            host(
                2,
                weekdays(Tz::Europe__Berlin, &[r("09:00", "17:00")]),
                Some("a"),
            ),
        ],
        60,
    );
    let list = monday(&input);
    // Kathmandu: 03:15–11:15Z, grid 03:15, 04:15 …; Berlin 07–15Z; union 03:15–15:00Z,
    // one range, grid from 03:15: the last fit is 13:15 (14:15 + 60 > 15:00).
    let hosts = with_hosts(&list);
    assert_eq!(hosts.first().unwrap(), &("03:15".to_owned(), vec![1]));
    assert_eq!(
        hosts.iter().find(|(t, _)| t == "07:15").unwrap().1,
        vec![1, 2]
    );
    assert_eq!(
        hosts.iter().find(|(t, _)| t == "10:15").unwrap().1,
        vec![1, 2]
    );
    assert_eq!(hosts.last().unwrap(), &("13:15".to_owned(), vec![2]));
    assert_eq!(hosts.len(), 11);
}

//! Round-robin assignment: which of the hosts free at a slot gets the booking.

use std::cmp::Ordering;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::team::{Host, HostId, Priority};

/// A host free at the slot, with the figures the choice depends on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundRobinCandidate {
    pub host_id: HostId,
    pub priority: Priority,
    pub weight: u32,
    /// The host's bookings of this event type in the current period (e.g. this month).
    pub bookings_in_period: u32,
    /// When the host was last assigned a booking of this event type.
    pub last_booked_at: Option<DateTime<Utc>>,
}

impl RoundRobinCandidate {
    pub fn new(
        host: &Host,
        bookings_in_period: u32,
        last_booked_at: Option<DateTime<Utc>>,
    ) -> RoundRobinCandidate {
        RoundRobinCandidate {
            host_id: host.id,
            priority: host.priority,
            weight: host.weight,
            bookings_in_period,
            last_booked_at,
        }
    }
}

/// Compares `bookings / weight` exactly; a weight of 0 counts as infinitely loaded.
fn load_order(a: &RoundRobinCandidate, b: &RoundRobinCandidate) -> Ordering {
    match (a.weight, b.weight) {
        (0, 0) => Ordering::Equal,
        (0, _) => Ordering::Greater,
        (_, 0) => Ordering::Less,
        (wa, wb) => (u64::from(a.bookings_in_period) * u64::from(wb))
            .cmp(&(u64::from(b.bookings_in_period) * u64::from(wa))),
    }
}

/// The order in which hosts are picked: highest priority; then the fewest bookings in the
/// period relative to weight; then the least recently booked (never booked first); then the
/// lowest host id.
pub fn round_robin_order(a: &RoundRobinCandidate, b: &RoundRobinCandidate) -> Ordering {
    b.priority
        .cmp(&a.priority)
        .then_with(|| load_order(a, b))
        .then_with(|| a.last_booked_at.cmp(&b.last_booked_at))
        .then_with(|| a.host_id.cmp(&b.host_id))
}

/// All candidates, best first (the booking service can fall back down the list).
pub fn rank_round_robin(candidates: &[RoundRobinCandidate]) -> Vec<HostId> {
    let mut ranked: Vec<&RoundRobinCandidate> = candidates.iter().collect();
    ranked.sort_by(|a, b| round_robin_order(a, b));
    ranked.into_iter().map(|c| c.host_id).collect()
}

/// The host to assign, or `None` when there is no candidate.
pub fn assign_round_robin(candidates: &[RoundRobinCandidate]) -> Option<HostId> {
    candidates
        .iter()
        .min_by(|a, b| round_robin_order(a, b))
        .map(|c| c.host_id)
}

/// What set the chosen host apart from the next one in line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundRobinReason {
    /// No other host of the group was free.
    OnlyFreeHost,
    /// A higher priority than every other free host.
    Priority,
    /// The fewest bookings this period for their weight.
    FewestBookings,
    /// As many bookings for their weight, but booked least recently.
    LeastRecentlyBooked,
    /// Equal in every respect: the lower host id decided.
    Tie,
}

impl RoundRobinReason {
    pub fn as_str(self) -> &'static str {
        match self {
            RoundRobinReason::OnlyFreeHost => "only_free",
            RoundRobinReason::Priority => "priority",
            RoundRobinReason::FewestBookings => "fewest_bookings",
            RoundRobinReason::LeastRecentlyBooked => "least_recent",
            RoundRobinReason::Tie => "tie",
        }
    }
}

/// Why [`assign_round_robin`] chose `chosen` among `candidates`.
pub fn why_chosen(candidates: &[RoundRobinCandidate], chosen: HostId) -> RoundRobinReason {
    let Some(winner) = candidates.iter().find(|c| c.host_id == chosen) else {
        return RoundRobinReason::OnlyFreeHost;
    };
    let Some(runner_up) = candidates
        .iter()
        .filter(|c| c.host_id != chosen)
        .min_by(|a, b| round_robin_order(a, b))
    else {
        return RoundRobinReason::OnlyFreeHost;
    };
    if winner.priority != runner_up.priority {
        RoundRobinReason::Priority
    } else if load_order(winner, runner_up) != Ordering::Equal {
        RoundRobinReason::FewestBookings
    } else if winner.last_booked_at != runner_up.last_booked_at {
        RoundRobinReason::LeastRecentlyBooked
    } else {
        RoundRobinReason::Tie
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn c(
        id: i64,
        priority: Priority,
        weight: u32,
        bookings: u32,
        last: Option<&str>,
    ) -> RoundRobinCandidate {
        RoundRobinCandidate {
            host_id: HostId(id),
            priority,
            weight,
            bookings_in_period: bookings,
            last_booked_at: last.map(|s| s.parse().unwrap()),
        }
    }

    use Priority::*;

    #[test]
    fn the_reason_is_what_set_the_chosen_host_apart() {
        let why = |list: &[RoundRobinCandidate]| {
            let chosen = assign_round_robin(list).unwrap_or(HostId(0));
            why_chosen(list, chosen)
        };
        assert_eq!(
            why(&[c(1, Medium, 100, 0, None)]),
            RoundRobinReason::OnlyFreeHost
        );
        assert_eq!(
            why(&[c(1, Medium, 100, 0, None), c(2, High, 100, 50, None)]),
            RoundRobinReason::Priority
        );
        assert_eq!(
            why(&[c(1, Medium, 100, 3, None), c(2, Medium, 200, 4, None)]),
            RoundRobinReason::FewestBookings
        );
        assert_eq!(
            why(&[
                c(1, Medium, 100, 1, Some("2026-03-02T10:00:00Z")),
                c(2, Medium, 100, 1, Some("2026-03-01T10:00:00Z"))
            ]),
            RoundRobinReason::LeastRecentlyBooked
        );
        assert_eq!(
            why(&[c(1, Medium, 100, 0, None), c(2, Medium, 100, 0, None)]),
            RoundRobinReason::Tie
        );
    }

    #[test]
    fn priority_wins_over_load() {
        let list = [c(1, Medium, 100, 0, None), c(2, High, 100, 50, None)];
        assert_eq!(assign_round_robin(&list), Some(HostId(2)));
    }

    #[test]
    fn weight_adjusted_fewest_bookings() {
        // 4/200 = 0.02 < 3/100 = 0.03.
        let list = [c(1, Medium, 100, 3, None), c(2, Medium, 200, 4, None)];
        assert_eq!(assign_round_robin(&list), Some(HostId(2)));
        // 5/200 = 0.025 < 3/100: still host 2; 7/200 = 0.035 > 0.03: host 1.
        let list = [c(1, Medium, 100, 3, None), c(2, Medium, 200, 7, None)];
        assert_eq!(assign_round_robin(&list), Some(HostId(1)));
        // Weight 0 is only picked when nobody else is free.
        let list = [c(1, Medium, 0, 0, None), c(2, Medium, 1, 1000, None)];
        assert_eq!(assign_round_robin(&list), Some(HostId(2)));
        assert_eq!(assign_round_robin(&list[..1]), Some(HostId(1)));
    }

    #[test]
    fn then_least_recently_booked_then_id() {
        let list = [
            c(1, Medium, 100, 2, Some("2024-05-06T10:00:00Z")),
            c(2, Medium, 100, 2, Some("2024-05-01T10:00:00Z")),
            c(3, Medium, 100, 2, Some("2024-05-09T10:00:00Z")),
        ];
        assert_eq!(assign_round_robin(&list), Some(HostId(2)));
        let list = [
            c(5, Medium, 100, 2, Some("2024-05-06T10:00:00Z")),
            c(4, Medium, 100, 2, None),
        ];
        assert_eq!(
            assign_round_robin(&list),
            Some(HostId(4)),
            "never booked first"
        );
        let list = [
            c(9, Low, 100, 1, None),
            c(3, Low, 100, 1, None),
            c(6, Low, 100, 1, None),
        ];
        assert_eq!(
            rank_round_robin(&list),
            vec![HostId(3), HostId(6), HostId(9)]
        );
        assert_eq!(assign_round_robin(&[]), None);
    }

    fn candidate() -> impl Strategy<Value = RoundRobinCandidate> {
        (
            0i64..20,
            0usize..5,
            0u32..4,
            0u32..6,
            prop::option::of(0i64..5),
        )
            .prop_map(|(id, p, w, b, last)| RoundRobinCandidate {
                host_id: HostId(id),
                priority: [Lowest, Low, Medium, High, Highest][p],
                weight: w * 50,
                bookings_in_period: b,
                last_booked_at: last.and_then(|d| DateTime::from_timestamp(d * 86_400, 0)),
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// The choice is the best by the documented keys, whatever the input order.
        #[test]
        fn choice_is_order_independent_and_optimal(mut list in prop::collection::vec(candidate(), 1..8), rotate in 0usize..8) {
            for (i, c) in list.iter_mut().enumerate() {
                c.host_id = HostId(c.host_id.0 * 10 + i as i64); // unique ids, random order
            }
            let chosen = assign_round_robin(&list).unwrap();
            let n = list.len();
            list.rotate_left(rotate % n);
            prop_assert_eq!(assign_round_robin(&list), Some(chosen));
            let ranked = rank_round_robin(&list);
            prop_assert_eq!(ranked[0], chosen);
            let winner = list.iter().find(|c| c.host_id == chosen).unwrap();
            for other in &list {
                prop_assert!(other.priority <= winner.priority);
                if other.priority == winner.priority && other.weight > 0 && winner.weight > 0 {
                    // winner.bookings / winner.weight <= other.bookings / other.weight
                    prop_assert!(
                        u64::from(winner.bookings_in_period) * u64::from(other.weight)
                            <= u64::from(other.bookings_in_period) * u64::from(winner.weight)
                    );
                }
            }
        }
    }
}

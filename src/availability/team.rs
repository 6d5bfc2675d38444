//! Teams: hosts with their schedules and blocked time, and how their working hours combine
//! (individual, collective, round-robin).

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::error::{InputError, InputReason};
use super::interval::{Interval, IntervalSet};
use super::schedule::Schedule;

/// A host's id (the user id in the database).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct HostId(pub i64);

impl fmt::Display for HostId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Round-robin priority: a free host with a higher priority is always chosen first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Lowest,
    Low,
    #[default]
    Medium,
    High,
    Highest,
}

/// The default round-robin weight.
pub const DEFAULT_WEIGHT: u32 = 100;

fn default_weight() -> u32 {
    DEFAULT_WEIGHT
}

/// One host of an event: a schedule, blocked time, and a round-robin role.
///
/// Existing bookings are passed separately
/// ([`AvailabilityInput::bookings`](super::AvailabilityInput::bookings)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Host {
    pub id: HostId,
    pub schedule: Schedule,
    /// Busy time from external calendars: blocks slots (and their buffers) as is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub busy: Vec<Interval<DateTime<Utc>>>,
    /// Out-of-office periods: block slots (and their buffers) like busy time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub out_of_office: Vec<Interval<DateTime<Utc>>>,
    /// For round-robin events: the group this host takes turns in. `None` = a fixed host,
    /// who attends every booking. Hosts of a round-robin event without groups all name the
    /// same group (e.g. `"default"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round_robin_group: Option<String>,
    #[serde(default)]
    pub priority: Priority,
    /// Round-robin weight: a host with twice the weight is meant to get twice the bookings.
    #[serde(default = "default_weight")]
    pub weight: u32,
}

impl Host {
    /// A fixed host with no blocked time, medium priority and the default weight.
    pub fn new(id: HostId, schedule: Schedule) -> Host {
        Host {
            id,
            schedule,
            busy: Vec::new(),
            out_of_office: Vec::new(),
            round_robin_group: None,
            priority: Priority::Medium,
            weight: DEFAULT_WEIGHT,
        }
    }

    pub fn is_fixed(&self) -> bool {
        self.round_robin_group.is_none()
    }
}

/// How the hosts of an event combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SchedulingType {
    /// Exactly one host.
    Individual,
    /// Every host attends: a slot needs all of them free (intersection).
    Collective,
    /// Fixed hosts attend every booking; from each round-robin group one free host is
    /// assigned (union within a group, intersection across groups and with fixed hosts).
    RoundRobin,
}

/// The hosts of an event and how they combine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    pub scheduling: SchedulingType,
    pub hosts: Vec<Host>,
}

impl Team {
    pub fn individual(host: Host) -> Team {
        Team {
            scheduling: SchedulingType::Individual,
            hosts: vec![host],
        }
    }

    pub fn host(&self, id: HostId) -> Option<&Host> {
        self.hosts.iter().find(|h| h.id == id)
    }

    pub fn validate(&self, field: &str) -> Result<(), InputError> {
        let hosts_field = format!("{field}.hosts");
        if self.hosts.is_empty() {
            return Err(InputError::new(hosts_field, InputReason::Empty));
        }
        let mut ids: Vec<HostId> = self.hosts.iter().map(|h| h.id).collect();
        ids.sort_unstable();
        if let Some(pair) = ids.windows(2).find(|w| w[0] == w[1]) {
            return Err(InputError::new(
                hosts_field,
                InputReason::DuplicateHost { host_id: pair[0] },
            ));
        }
        match self.scheduling {
            SchedulingType::Individual if self.hosts.len() != 1 => {
                return Err(InputError::new(
                    hosts_field,
                    InputReason::IndividualNeedsOneHost {
                        count: self.hosts.len(),
                    },
                ));
            }
            SchedulingType::Individual | SchedulingType::Collective => {
                if let Some(i) = self.hosts.iter().position(|h| !h.is_fixed()) {
                    return Err(InputError::new(
                        format!("{hosts_field}[{i}].round_robin_group"),
                        InputReason::GroupOutsideRoundRobin,
                    ));
                }
            }
            SchedulingType::RoundRobin => {
                if self.hosts.iter().all(Host::is_fixed) {
                    return Err(InputError::new(hosts_field, InputReason::NoRoundRobinHosts));
                }
            }
        }
        for (i, host) in self.hosts.iter().enumerate() {
            host.schedule.check().map_err(|(path, reason)| {
                InputError::new(format!("{hosts_field}[{i}].schedule{path}"), reason)
            })?;
            for (name, list) in [("busy", &host.busy), ("out_of_office", &host.out_of_office)] {
                if let Some(j) = list.iter().position(|iv| iv.end < iv.start) {
                    return Err(InputError::new(
                        format!("{hosts_field}[{i}].{name}[{j}]"),
                        InputReason::EndBeforeStart,
                    ));
                }
            }
        }
        Ok(())
    }

    /// Indices of the fixed hosts, and of each round-robin group's members (groups in order
    /// of first appearance).
    pub(crate) fn roles(&self) -> (Vec<usize>, Vec<(&str, Vec<usize>)>) {
        let mut fixed = Vec::new();
        let mut groups: Vec<(&str, Vec<usize>)> = Vec::new();
        for (i, host) in self.hosts.iter().enumerate() {
            match &host.round_robin_group {
                None => fixed.push(i),
                Some(name) => match groups.iter_mut().find(|(g, _)| g == name) {
                    Some((_, members)) => members.push(i),
                    None => groups.push((name, vec![i])),
                },
            }
        }
        (fixed, groups)
    }
}

/// The combined working hours of a team: the intersection of the fixed hosts' hours and,
/// for each round-robin group, of the union of its members' hours.
pub(crate) fn combine_working_hours(
    working: &[&IntervalSet<i64>],
    fixed: &[usize],
    groups: &[(&str, Vec<usize>)],
) -> IntervalSet<i64> {
    let mut parts = fixed
        .iter()
        .map(|&i| working[i].clone())
        .chain(groups.iter().map(|(_, members)| {
            members
                .iter()
                .fold(IntervalSet::new(), |acc, &i| acc.union(working[i]))
        }));
    let first = parts.next().unwrap_or_default();
    parts.fold(first, |acc, part| acc.intersection(&part))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::availability::schedule::WeeklyHours;
    use chrono_tz::Tz;

    fn host(id: i64, group: Option<&str>) -> Host {
        let mut h = Host::new(
            HostId(id),
            Schedule::weekly(Tz::UTC, WeeklyHours::default()),
        );
        h.round_robin_group = group.map(str::to_owned);
        h
    }

    fn set(pairs: &[(i64, i64)]) -> IntervalSet<i64> {
        IntervalSet::normalize(pairs.iter().map(|&(s, e)| Interval::new(s, e)))
    }

    #[test]
    fn validation() {
        let team = Team {
            scheduling: SchedulingType::Individual,
            hosts: vec![host(1, None), host(2, None)],
        };
        assert_eq!(
            team.validate("team").unwrap_err().reason,
            InputReason::IndividualNeedsOneHost { count: 2 }
        );
        let team = Team {
            scheduling: SchedulingType::Collective,
            hosts: vec![host(1, None), host(1, None)],
        };
        assert_eq!(
            team.validate("team").unwrap_err().to_string(),
            "team.hosts: host 1 appears more than once in the team"
        );
        let team = Team {
            scheduling: SchedulingType::Collective,
            hosts: vec![host(1, None), host(2, Some("a"))],
        };
        assert_eq!(
            team.validate("team").unwrap_err().field,
            "team.hosts[1].round_robin_group"
        );
        let team = Team {
            scheduling: SchedulingType::RoundRobin,
            hosts: vec![host(1, None)],
        };
        assert_eq!(
            team.validate("team").unwrap_err().reason,
            InputReason::NoRoundRobinHosts
        );
        let team = Team {
            scheduling: SchedulingType::RoundRobin,
            hosts: vec![],
        };
        assert_eq!(
            team.validate("team").unwrap_err().reason,
            InputReason::Empty
        );
        let mut bad = host(3, Some("a"));
        bad.busy.push(Interval::new(
            "2024-01-02T00:00:00Z".parse().unwrap(),
            "2024-01-01T00:00:00Z".parse().unwrap(),
        ));
        let team = Team {
            scheduling: SchedulingType::RoundRobin,
            hosts: vec![host(1, None), bad],
        };
        assert_eq!(
            team.validate("team").unwrap_err().field,
            "team.hosts[1].busy[0]"
        );
    }

    #[test]
    fn roles_and_combination() {
        let team = Team {
            scheduling: SchedulingType::RoundRobin,
            hosts: vec![
                host(1, Some("a")),
                host(2, None),
                host(3, Some("b")),
                host(4, Some("a")),
            ],
        };
        let (fixed, groups) = team.roles();
        assert_eq!(fixed, vec![1]);
        assert_eq!(groups, vec![("a", vec![0, 3]), ("b", vec![2])]);
        let sets = [
            set(&[(0, 10)]),  // 1, group a
            set(&[(0, 100)]), // 2, fixed
            set(&[(5, 30)]),  // 3, group b
            set(&[(20, 40)]), // 4, group a
        ];
        let working: Vec<&IntervalSet<i64>> = sets.iter().collect();
        // (0..100) ∩ ((0..10) ∪ (20..40)) ∩ (5..30)
        assert_eq!(
            combine_working_hours(&working, &fixed, &groups),
            set(&[(5, 10), (20, 30)])
        );
        // Collective: plain intersection.
        assert_eq!(
            combine_working_hours(&working, &[0, 2], &[]),
            set(&[(5, 10)])
        );
    }

    #[test]
    fn json_shape() {
        let json = r#"{"scheduling":"round_robin","hosts":[{"id":7,"schedule":{"time_zone":"Asia/Kathmandu"},"round_robin_group":"sales","priority":"high","weight":150}]}"#;
        let team: Team = serde_json::from_str(json).unwrap();
        assert_eq!(team.hosts[0].id, HostId(7));
        assert_eq!(team.hosts[0].priority, Priority::High);
        assert_eq!(team.hosts[0].weight, 150);
        let minimal: Host =
            serde_json::from_str(r#"{"id":1,"schedule":{"time_zone":"UTC"}}"#).unwrap();
        assert_eq!(minimal.weight, DEFAULT_WEIGHT);
        assert_eq!(minimal.priority, Priority::Medium);
        assert!(minimal.is_fixed());
    }
}

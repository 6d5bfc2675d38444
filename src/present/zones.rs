//! Time zones as people pick them: the canonical zones of the IANA database only (no
//! aliases such as `Africa/Asmera`, `Africa/Timbuktu` or `US/Pacific`), grouped by
//! region, each with a readable name and its offset now.
//!
//! `zones.txt` holds the zone names of the tz database's `zone.tab` (one or more per
//! country, the links left out); a unit test checks that chrono-tz knows each of them.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::offset;

const CANONICAL: &str = include_str!("zones.txt");

/// One zone in a menu: `Europe/Berlin` shown as `Berlin (UTC+01:00)`.
pub struct ZoneChoice {
    pub name: &'static str,
    pub label: String,
}

/// The zones of one region (`Europe`, `America`…), sorted by their readable names.
pub struct ZoneGroup {
    pub region: &'static str,
    pub zones: Vec<ZoneChoice>,
}

/// The canonical zone names.
pub fn canonical() -> impl Iterator<Item = &'static str> {
    CANONICAL.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// `Buenos Aires, Argentina` for `America/Argentina/Buenos_Aires`, `New York` for
/// `America/New_York`, `UTC` for `UTC`.
pub fn readable(name: &str) -> String {
    let mut parts: Vec<String> = name
        .split('/')
        .skip(1)
        .map(|p| p.replace('_', " "))
        .collect();
    match parts.len() {
        0 => name.to_string(),
        1 => parts.remove(0),
        _ => {
            let city = parts.pop().unwrap_or_default();
            parts.reverse();
            format!("{city}, {}", parts.join(", "))
        }
    }
}

/// A zone's menu label at `now`: its readable name and current offset.
pub fn label(zone: Tz, now: DateTime<Utc>) -> String {
    format!("{} ({})", readable(zone.name()), offset(zone, now))
}

/// The menu: UTC first, then every region's canonical zones. `selected` is listed too
/// when it is a valid zone outside that list (an alias someone chose earlier), so a
/// stored choice is never silently replaced.
pub fn zone_groups(selected: &str, now: DateTime<Utc>) -> Vec<ZoneGroup> {
    let mut groups: Vec<ZoneGroup> = Vec::new();
    let mut names: Vec<&'static str> = canonical().collect();
    if let Ok(zone) = selected.parse::<Tz>()
        && !names.contains(&zone.name())
    {
        names.push(zone.name());
    }
    for name in names {
        let Ok(zone) = name.parse::<Tz>() else {
            continue;
        };
        let region = name.split_once('/').map_or("Other", |(region, _)| region);
        let choice = ZoneChoice {
            name: zone.name(),
            label: label(zone, now),
        };
        match groups.iter_mut().find(|g| g.region == region) {
            Some(group) => group.zones.push(choice),
            None => groups.push(ZoneGroup {
                region,
                zones: vec![choice],
            }),
        }
    }
    groups.sort_by_key(|g| g.region);
    for group in &mut groups {
        group.zones.sort_by(|a, b| a.label.cmp(&b.label));
    }
    let utc = ZoneGroup {
        region: "UTC",
        zones: vec![ZoneChoice {
            name: "UTC",
            label: "UTC (Coordinated Universal Time)".to_string(),
        }],
    };
    std::iter::once(utc).chain(groups).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_zones_are_known_and_aliases_are_not_listed() {
        let names: Vec<&str> = canonical().collect();
        assert!(names.len() > 400, "{}", names.len());
        for name in &names {
            assert!(name.parse::<Tz>().is_ok(), "{name}");
        }
        for alias in [
            "Africa/Asmera",
            "Africa/Timbuktu",
            "US/Pacific",
            "Asia/Calcutta",
        ] {
            assert!(!names.contains(&alias), "{alias}");
        }
        for zone in [
            "Europe/Berlin",
            "America/New_York",
            "Asia/Kolkata",
            "Asia/Kathmandu",
        ] {
            assert!(names.contains(&zone), "{zone}");
        }
    }

    #[test]
    fn the_menu_groups_by_region_with_readable_names_and_offsets() {
        let now = DateTime::parse_from_rfc3339("2026-01-15T12:00:00Z")
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default();
        let groups = zone_groups("Europe/Berlin", now);
        assert_eq!(groups[0].region, "UTC");
        let label_of = |name: &str| {
            groups
                .iter()
                .flat_map(|g| &g.zones)
                .find(|z| z.name == name)
                .map(|z| z.label.clone())
        };
        assert_eq!(
            label_of("Europe/Berlin").as_deref(),
            Some("Berlin (UTC+01:00)")
        );
        assert_eq!(
            label_of("America/Argentina/Buenos_Aires").as_deref(),
            Some("Buenos Aires, Argentina (UTC-03:00)")
        );
        assert!(label_of("US/Pacific").is_none());
        // A stored alias stays selectable.
        let kept = zone_groups("US/Pacific", now);
        assert!(
            kept.iter()
                .flat_map(|g| &g.zones)
                .any(|z| z.name == "US/Pacific")
        );
        let regions: Vec<&str> = groups.iter().map(|g| g.region).collect();
        assert!(
            regions.contains(&"Europe") && regions.contains(&"America"),
            "{regions:?}"
        );
    }
}

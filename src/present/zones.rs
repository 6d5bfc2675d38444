//! Time zones as people pick them: the canonical zones of the IANA database only (no
//! aliases such as `Africa/Asmera`, `Africa/Timbuktu` or `US/Pacific`), grouped by
//! region, each with its city and its zone's long name in the reader's language and its
//! offset now.
//!
//! `zones.txt` holds the zone names of the tz database's `zone.tab` (one or more per
//! country, the links left out); a unit test checks that chrono-tz knows each of them.
//! `zone_names.tsv` holds their cities and long names ("Central European Time") in every
//! language, from the Unicode CLDR (written by `tools/zone-names.py`).

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::offset;
use crate::i18n::{self, Language};

const CANONICAL: &str = include_str!("zones.txt");
const NAMES: &str = include_str!("zone_names.tsv");

/// Each zone's row of `zone_names.tsv`: cities, then long names (empty where the zone
/// has none, such as `Africa/Casablanca`).
fn names() -> &'static HashMap<&'static str, Vec<&'static str>> {
    static NAMES_BY_ZONE: OnceLock<HashMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    NAMES_BY_ZONE.get_or_init(|| {
        NAMES
            .lines()
            .filter(|line| !line.starts_with('#') && !line.starts_with("zone\t"))
            .filter_map(|line| {
                let mut cells = line.split('\t');
                let zone = cells.next()?;
                Some((zone, cells.collect()))
            })
            .collect()
    })
}

/// A zone's cell for `lang` (`long` picks the long-name column), in English for the
/// pseudo-language (accented there). The header row names each column (`city:de`).
fn cell(zone: &str, lang: Language, long: bool) -> Option<String> {
    let tag = if lang == Language::Pseudo {
        "en"
    } else {
        lang.tag()
    };
    let wanted = format!("{}:{tag}", if long { "name" } else { "city" });
    let header = NAMES.lines().find(|line| line.starts_with("zone\t"))?;
    let column = header.split('\t').skip(1).position(|h| h == wanted)?;
    let text = names().get(zone)?.get(column)?;
    if text.is_empty() {
        return None;
    }
    Some(if lang == Language::Pseudo {
        i18n::pseudo_text(text)
    } else {
        (*text).to_string()
    })
}

/// A zone's long name in `lang`: "Mitteleuropäische Zeit" for `Europe/Berlin` in German;
/// none for a zone CLDR gives none (then its city names it).
pub fn long_name(zone: &str, lang: Language) -> Option<String> {
    cell(zone, lang, true)
}

/// How a zone is named to people in `lang`: its long name, else its city ("Berlín" in
/// Spanish), else its readable id.
pub fn display_name(zone: &str, lang: Language) -> String {
    long_name(zone, lang)
        .or_else(|| cell(zone, lang, false))
        .unwrap_or_else(|| readable(zone))
}

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

/// A zone's menu label at `now` in `lang`: its city, its long name and current offset
/// ("Berlin · Central European Time (UTC+01:00)").
pub fn label(zone: Tz, now: DateTime<Utc>, lang: Language) -> String {
    let name = zone.name();
    let city = cell(name, lang, false).unwrap_or_else(|| readable(name));
    let offset = offset(zone, now);
    let mut args = vec![("city", i18n::value(city)), ("offset", i18n::value(offset))];
    let id = match long_name(name, lang) {
        Some(long) => {
            args.push(("zone", i18n::value(long)));
            "zone-label"
        }
        None => "zone-label-city",
    };
    i18n::message(lang, id, Some(&i18n::args(args)))
}

/// The menu: UTC first, then every region's canonical zones. `selected` is listed too
/// when it is a valid zone outside that list (an alias someone chose earlier), so a
/// stored choice is never silently replaced.
pub fn zone_groups(selected: &str, now: DateTime<Utc>, lang: Language) -> Vec<ZoneGroup> {
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
            label: label(zone, now, lang),
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
            label: i18n::message(lang, "zone-utc", None),
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
        let groups = zone_groups("Europe/Berlin", now, Language::English);
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
            Some("Berlin · Central European Time (UTC+01:00)")
        );
        assert_eq!(
            label_of("America/Argentina/Buenos_Aires").as_deref(),
            Some("Buenos Aires · Argentina Time (UTC-03:00)")
        );
        assert!(label_of("US/Pacific").is_none());
        // A stored alias stays selectable.
        let kept = zone_groups("US/Pacific", now, Language::English);
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

    #[test]
    fn every_zone_has_a_city_in_every_language_and_long_names_follow_the_reader() {
        for zone in canonical() {
            for lang in Language::shipped() {
                assert!(cell(zone, lang, false).is_some(), "{zone} in {lang:?}");
            }
        }
        let berlin = |lang| long_name("Europe/Berlin", lang);
        assert_eq!(
            berlin(Language::English).as_deref(),
            Some("Central European Time")
        );
        assert_eq!(
            berlin(Language::German).as_deref(),
            Some("Mitteleuropäische Zeit")
        );
        assert_eq!(
            berlin(Language::Arabic).as_deref(),
            Some("توقيت وسط أوروبا")
        );
        assert_eq!(
            display_name("America/New_York", Language::Spanish),
            "hora oriental"
        );
        // No long name: the city names the zone.
        assert_eq!(
            display_name("Africa/Casablanca", Language::Arabic),
            "الدار البيضاء"
        );
        let now = DateTime::parse_from_rfc3339("2026-07-15T12:00:00Z")
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default();
        let kolkata: Tz = "Asia/Kolkata".parse().unwrap_or(Tz::UTC);
        assert_eq!(
            label(kolkata, now, Language::German),
            "Kalkutta · Indische Normalzeit (UTC+05:30)"
        );
        assert!(
            label(kolkata, now, Language::Pseudo)
                .chars()
                .all(|c| !c.is_ascii_alphabetic() || "UTC".contains(c))
        );
    }
}

#!/usr/bin/env python3
"""Writes src/present/zone_names.tsv: each canonical time zone's city and its zone's
long name ("Central European Time") in every language Kairos ships, from the Unicode
CLDR (its JSON packages on npm; Unicode licence, see the header of the output).

    npm install --prefix /tmp/cldr cldr-core@48.2.0 cldr-dates-full@48.2.0 cldr-bcp47@48.2.0
    python3 tools/zone-names.py /tmp/cldr/node_modules > src/present/zone_names.tsv
"""
import json
import sys
from pathlib import Path

LANGUAGES = [("en", "en"), ("de", "de"), ("fr", "fr"), ("es", "es"), ("pt-BR", "pt"),
             ("nl", "nl"), ("ar", "ar")]

root = Path(sys.argv[1])
zones = [line.strip() for line in
         (Path(__file__).parent.parent / "src/present/zones.txt").read_text().splitlines()
         if line.strip()]

# CLDR names zones by their older ids (Asia/Calcutta): each id's aliases.
aliases = {}
bcp47 = json.loads((root / "cldr-bcp47/bcp47/timezone.json").read_text())
for entry in bcp47["keyword"]["u"]["tz"].values():
    if isinstance(entry, dict) and "_alias" in entry:
        names = entry["_alias"].split()
        for name in names:
            aliases[name] = names

def lookup(tree, zone):
    for name in aliases.get(zone, [zone]):
        node = tree
        for part in name.split("/"):
            node = node.get(part) if isinstance(node, dict) else None
            if node is None:
                break
        if node is not None:
            return node
    return None

meta = json.loads((root / "cldr-core/supplemental/metaZones.json").read_text())
meta_tree = meta["supplemental"]["metaZones"]["metazoneInfo"]["timezone"]

def metazone(zone):
    uses = lookup(meta_tree, zone) or []
    current = [u["usesMetazone"]["_mzone"] for u in uses if "_to" not in u["usesMetazone"]]
    return current[0] if current else ""

names = {}
for tag, cldr in LANGUAGES:
    data = json.loads((root / f"cldr-dates-full/main/{cldr}/timeZoneNames.json").read_text())
    names[tag] = data["main"][cldr]["dates"]["timeZoneNames"]

def city(zone, tag):
    node = lookup(names[tag]["zone"], zone) or {}
    if "exemplarCity" in node:
        return node["exemplarCity"]
    if tag != "en":
        return city(zone, "en")
    return zone.split("/")[-1].replace("_", " ")

def long_name(mz, tag):
    if not mz:
        return ""
    entry = names[tag]["metazone"].get(mz, {}).get("long", {})
    found = entry.get("generic") or entry.get("standard")
    if found:
        return found
    return long_name(mz, "en") if tag != "en" else ""

print("# Time zones' cities and long names from the Unicode CLDR 48.2 (Unicode License v3,")
print("# https://www.unicode.org/license.txt). Written by tools/zone-names.py: do not edit.")
print("\t".join(["zone"] + [f"city:{tag}" for tag, _ in LANGUAGES]
                + [f"name:{tag}" for tag, _ in LANGUAGES]))
for zone in zones:
    mz = metazone(zone)
    row = [zone] + [city(zone, tag) for tag, _ in LANGUAGES] \
        + [long_name(mz, tag) for tag, _ in LANGUAGES]
    assert all("\t" not in cell and "\n" not in cell for cell in row), row
    print("\t".join(row))

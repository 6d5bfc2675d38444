"""Checks the .ics fixtures of the Rust unit tests against an independent expansion.

Each file in src/integrations/calendars/ical/fixtures/ states its window, the host's zone
and every busy stretch it should give (X-KAIROS-TEST-WINDOW, X-KAIROS-TEST-HOST-ZONE and
X-KAIROS-TEST-BUSY, read as src/integrations/calendars/ical/tests.rs reads them). Here the
same file is expanded by Python's icalendar and recurring-ical-events, under Kairos's busy
rules: every instance that overlaps [from, to) and is neither TRANSP:TRANSPARENT nor
STATUS:CANCELLED, unclipped and unmerged, as UTC start/end in order; all-day dates and
floating times are read in the host's zone. Prints one line per fixture and exits
non-zero when any of them gives something else than it states.

Run: .venv-test/bin/python tests/ical_crosscheck.py
"""

import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events

FIXTURES = Path(__file__).resolve().parent.parent / "src/integrations/calendars/ical/fixtures"
FORMAT = "%Y-%m-%d %H:%M"


def stated(text: str, key: str) -> list[str]:
    """The values of the fixture's property `key`, one per line, as tests.rs reads them."""
    prefix = key + ":"
    return [line[len(prefix):].strip() for line in text.splitlines() if line.startswith(prefix)]


def instant(text: str) -> datetime:
    return datetime.strptime(text.strip(), FORMAT).replace(tzinfo=UTC)


def to_utc(value: date | datetime, host: ZoneInfo) -> datetime:
    """A DATE is the start of that day in the host's zone; a floating time is in it too."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time())
    if value.tzinfo is None:
        value = value.replace(tzinfo=host)
    return value.astimezone(UTC)


def busy(text: str, start: datetime, end: datetime, host: ZoneInfo) -> list[str]:
    calendar = icalendar.Calendar.from_ical(text)
    # A margin of two days lets all-day and floating events in any zone reach the filter.
    margin = timedelta(days=2)
    found = []
    for event in recurring_ical_events.of(calendar).between(start - margin, end + margin):
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        if str(event.get("TRANSP", "")).upper() == "TRANSPARENT":
            continue
        begins, ends = to_utc(event.start, host), to_utc(event.end, host)
        if begins < end and ends > start and ends > begins:
            found.append((begins, ends))
    return [f"{b.strftime(FORMAT)}/{e.strftime(FORMAT)}" for b, e in sorted(found)]


def main() -> int:
    failed = 0
    for path in sorted(FIXTURES.glob("*.ics")):
        text = path.read_text(encoding="utf-8")
        start, end = stated(text, "X-KAIROS-TEST-WINDOW")[0].split("/")
        host = ZoneInfo(stated(text, "X-KAIROS-TEST-HOST-ZONE")[0])
        expected = stated(text, "X-KAIROS-TEST-BUSY")
        found = busy(text, instant(start), instant(end), host)
        if found == expected:
            print(f"ok    {path.name}")
            continue
        failed += 1
        print(f"FAIL  {path.name}")
        for stretch in expected:
            if stretch not in found:
                print(f"        stated, not found:  {stretch}")
        for stretch in found:
            if stretch not in expected:
                print(f"        found, not stated:  {stretch}")
        if sorted(found) == sorted(expected):
            print("        same stretches in another order")
    print(f"{len(list(FIXTURES.glob('*.ics'))) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

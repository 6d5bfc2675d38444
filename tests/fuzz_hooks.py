"""Schemathesis hooks for tests/api-fuzz.sh.

Besides what the OpenAPI document allows, each generated query and JSON body sometimes has
one of its date or instant fields replaced by an extreme or malformed value: the years
±262143 that date libraries stop at, the edges of the years Kairos accepts, fractions of a
second, impossible dates. Whatever arrives, the server must answer below 500.

A range from `start` to `end` (time away, the days of slots to list, a booking window) must
end after it starts, and not too long after: a rule between two fields, which the document
can state only in words. Left to chance, two generated dates almost never make such a
range, and the fuzzer would not get past that check; so most of the time `end` is put a
few days after `start`.
"""

import datetime

import schemathesis
from hypothesis import strategies as st

EXTREMES = [
    "+262142-12-31T23:45:00Z",
    "-262143-01-01T00:00:00Z",
    "+262143-12-31",
    "-262143-01-01",
    "0000-01-01T00:00:00Z",
    "0001-01-01",
    "1899-12-31T23:59:59Z",
    "1900-01-01T00:00:00Z",
    "2999-12-31T23:59:59Z",
    "2999-12-31",
    "3000-01-01T00:00:00Z",
    "9999-12-31T23:59:59.999999999Z",
    "2026-03-30T09:00:00.5Z",
    "2026-02-30",
    "2026-03-30T09:00:00+25:00",
    "",
]

# Keys that hold dates or instants, wherever they appear in a query or a body.
DATE_KEYS = {"start", "end", "after", "before", "holidays"}


def _date_paths(value, path=()):
    if isinstance(value, dict):
        for key, inner in value.items():
            if key in DATE_KEYS:
                yield path + (key,)
            yield from _date_paths(inner, path + (key,))


def _replaced(value, path, extreme):
    if not path:
        return extreme
    head, rest = path[0], path[1:]
    copy = dict(value)
    copy[head] = _replaced(value[head], rest, extreme)
    return copy


def _parsed(text):
    """A date or an instant as Python reads it, or None."""
    if not isinstance(text, str):
        return None
    for kind in (datetime.date, datetime.datetime):
        try:
            return kind.fromisoformat(text)
        except ValueError:
            pass
    return None


def _ranges(value, path=()):
    """Paths of the objects that hold a `start` and an `end` date or instant."""
    if isinstance(value, dict):
        start, end = _parsed(value.get("start")), _parsed(value.get("end"))
        if start is not None and end is not None:
            yield path
        for key, inner in value.items():
            yield from _ranges(inner, path + (key,))


def _with_end_after_start(value, path, days, seconds):
    if not path:
        start = _parsed(value["start"])
        step = datetime.timedelta(days=days)
        if isinstance(start, datetime.datetime):
            step += datetime.timedelta(seconds=seconds)
        try:
            return {**value, "end": (start + step).isoformat()}
        except OverflowError:
            return value
    head, rest = path[0], path[1:]
    return {**value, head: _with_end_after_start(value[head], rest, days, seconds)}


def _sometimes_in_order(value):
    paths = list(_ranges(value))
    if not paths:
        return st.just(value)
    # A day's slots (the end date counts), up to 62 days in all; instants a second later or more.
    ordered = st.builds(
        lambda path, days, seconds: _with_end_after_start(value, path, days, seconds),
        st.sampled_from(paths),
        st.integers(0, 61),
        st.integers(1, 86_399),
    )
    # Three times in four: the extremes that follow spoil half of what is put in order.
    return st.sampled_from([False, True, True, True]).flatmap(
        lambda order: ordered if order else st.just(value)
    )


def _sometimes_extreme(value):
    paths = list(_date_paths(value)) if isinstance(value, dict) else []
    if not paths:
        return st.just(value)
    return st.one_of(
        st.just(value),
        st.builds(
            lambda path, extreme: _replaced(value, path, extreme),
            st.sampled_from(paths),
            st.sampled_from(EXTREMES),
        ),
    )


@schemathesis.hook
def flatmap_query(context, query):
    return _sometimes_in_order(query).flatmap(_sometimes_extreme)


@schemathesis.hook
def flatmap_body(context, body):
    return _sometimes_in_order(body).flatmap(_sometimes_extreme)

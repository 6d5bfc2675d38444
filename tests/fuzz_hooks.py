"""Schemathesis hooks for tests/api-fuzz.sh.

Besides what the OpenAPI document allows, each generated query and JSON body sometimes has
one of its date or instant fields replaced by an extreme or malformed value: the years
±262143 that date libraries stop at, the edges of the years Kairos accepts, fractions of a
second, impossible dates. Whatever arrives, the server must answer below 500.
"""

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
    return _sometimes_extreme(query)


@schemathesis.hook
def flatmap_body(context, body):
    return _sometimes_extreme(body)

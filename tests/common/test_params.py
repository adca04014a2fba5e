"""Encoding path parameters and query strings, so no argument can change the path."""

from __future__ import annotations

import enum
from datetime import date, datetime, timedelta, timezone

import pytest

from common.errors import InvalidRequestError
from common.params import encode_params, format_path


class Colour(enum.Enum):
    RED = "red"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (42, "/records/42/steps"),
        ("abc", "/records/abc/steps"),
        ("a/b", "/records/a%2Fb/steps"),
        ("../admin", "/records/..%2Fadmin/steps"),
        ("x?y=1", "/records/x%3Fy%3D1/steps"),
        ("x#frag", "/records/x%23frag/steps"),
        ("%2F", "/records/%252F/steps"),
        ("a b", "/records/a%20b/steps"),
        (Colour.RED, "/records/red/steps"),
    ],
)
def test_format_path_encodes_each_value_as_one_segment(value: object, expected: str) -> None:
    """Slashes, `?`, `#`, `%` and spaces in ids are encoded; the path shape never changes."""
    assert format_path("/records/{id}/steps", id=value) == expected


@pytest.mark.parametrize("value", ["", ".", "..", None, True])
def test_format_path_refuses_values_that_cannot_be_ids(value: object) -> None:
    """Empty, `.`, `..`, None and booleans are refused before any request."""
    with pytest.raises(InvalidRequestError):
        format_path("/records/{id}", id=value)


def test_format_path_requires_every_placeholder() -> None:
    """A missing path parameter is an InvalidRequestError naming it."""
    with pytest.raises(InvalidRequestError, match="id"):
        format_path("/records/{id}")


def test_encode_params_rules() -> None:
    """None dropped, booleans lower-case, sequences repeated, enums by value, order kept."""
    assert encode_params(
        {"a": None, "b": True, "c": False, "d": [1, 2], "e": Colour.RED, "f": 1.5, "g": "x"}
    ) == [
        ("b", "true"),
        ("c", "false"),
        ("d", "1"),
        ("d", "2"),
        ("e", "red"),
        ("f", "1.5"),
        ("g", "x"),
    ]


def test_encode_params_dates_and_datetimes() -> None:
    """Aware date-times go out in UTC as YYYY-MM-DDTHH:MM:SSZ; dates as YYYY-MM-DD."""
    moment = datetime(2024, 5, 1, 12, 30, 5, 123, tzinfo=timezone(timedelta(hours=2)))
    assert encode_params({"since": moment, "day": date(2024, 5, 1)}) == [
        ("since", "2024-05-01T10:30:05Z"),
        ("day", "2024-05-01"),
    ]


def test_encode_params_accepts_pairs_and_refuses_objects() -> None:
    """Pairs pass through; an object with no wire form is refused before sending."""
    assert encode_params([("a", "1"), ("a", "2")]) == [("a", "1"), ("a", "2")]
    with pytest.raises(InvalidRequestError):
        encode_params({"x": object()})  # type: ignore[dict-item]


def test_day_formats_dates_and_refuses_strings() -> None:
    """day() gives YYYY-MM-DD from a date or a datetime, None for None, and refuses text."""
    from common.params import day

    assert day("from", date(2024, 2, 29)) == "2024-02-29"
    assert day("from", datetime(2024, 2, 29, 23, 59, tzinfo=timezone.utc)) == "2024-02-29"
    assert day("from", None) is None
    with pytest.raises(InvalidRequestError, match="from must be a date"):
        day("from", "2024-02-29")  # type: ignore[arg-type]

"""Hardening (issue 19, item 10): JSON behaves the same with orjson and with the stdlib.

Every test runs twice: with the backend this process picked (orjson, from the ``speed``
extra, in the dev environment) and with the stdlib one forced in its place.
"""

from __future__ import annotations

import dataclasses
import enum
import uuid
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

import pytest
from aioresponses import aioresponses

from common import _json
from common.errors import DecodeError, InvalidRequestError
from common.messages import Response

from .support import BASE, DemoClient


@pytest.fixture(params=["installed", "stdlib"])
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The JSON backend under test: the installed one, or the stdlib forced in its place."""
    name: str = request.param
    if name == "stdlib":
        _name, dumps, loads = _json._stdlib()
        monkeypatch.setattr(_json, "dumps", dumps)
        monkeypatch.setattr(_json, "loads", loads)
    return name


class Colour(enum.Enum):
    RED = "red"


@dataclasses.dataclass
class Point:
    x: int
    when: date


def _response(content: bytes) -> Response:
    return Response(
        status=200,
        headers={"Content-Type": "application/json"},
        content=content,
        url=f"{BASE}/x",
        method="GET",
        elapsed=0.0,
    )


# -- writing -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"price": float("nan")}, "$.price"),
        ({"items": [1, float("inf")]}, "$.items[1]"),
        ([{"a": -float("inf")}], "$[0].a"),
        ({"n": 2**64}, "$.n"),
        ({"n": -(2**63) - 1}, "$.n"),
        ({1: "one"}, "$"),
        ({"nested": {None: 1}}, "$.nested"),
        ({"flags": {True: 1}}, "$.flags"),
        ({"set": {1, 2}}, "$.set"),
        ({"blob": b"bytes"}, "$.blob"),
        ({"at": time(9, tzinfo=timezone.utc)}, "$.at"),
    ],
)
async def test_what_json_cannot_carry_is_refused_before_sending(
    backend: str, client: DemoClient, mocked: aioresponses, body: Any, where: str
) -> None:
    """NaN, ±Infinity, integers past 64 bits, non-str keys, unknown types: InvalidRequestError
    naming where the culprit is; nothing is sent (orjson wrote null, the stdlib NaN)."""
    mocked.post(f"{BASE}/records", payload={})
    with pytest.raises(InvalidRequestError) as caught:
        await client.request("POST", "/records", json=body)
    assert f"(at {where})" in str(caught.value)
    assert mocked.requests == {}


def test_nesting_deeper_than_254_levels_is_refused(backend: str) -> None:
    """Both backends stop at orjson's depth: 254 levels are sent, 255 are refused."""
    deep: list[Any] = []
    for _ in range(253):
        deep = [deep]
    assert _json.dumps(deep) == b"[" * 254 + b"]" * 254
    with pytest.raises(InvalidRequestError, match="254"):
        _json.dumps([deep])


def test_a_lone_surrogate_is_refused(backend: str) -> None:
    """A string that is no valid Unicode cannot be sent as UTF-8 JSON."""
    with pytest.raises(InvalidRequestError, match="surrogate"):
        _json.dumps({"name": "\ud800"})


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"a": 1, "b": [True, None, 1.5, "é"]}, b'{"a":1,"b":[true,null,1.5,"\xc3\xa9"]}'),
        (2**64 - 1, b"18446744073709551615"),
        (-(2**63), b"-9223372036854775808"),
        (datetime(2024, 5, 1, 9, 30), b'"2024-05-01T09:30:00"'),
        (datetime(2024, 5, 1, 9, 30, 0, 5, timezone.utc), b'"2024-05-01T09:30:00.000005+00:00"'),
        (
            datetime(2024, 5, 1, 9, 30, tzinfo=timezone(timedelta(hours=-5, minutes=-30))),
            b'"2024-05-01T09:30:00-05:30"',
        ),
        (
            datetime(2024, 5, 1, 9, 30, tzinfo=timezone(timedelta(hours=1, seconds=29))),
            b'"2024-05-01T09:30:00+01:00"',  # an offset in seconds: to the nearest minute
        ),
        (
            datetime(2024, 5, 1, 9, 30, tzinfo=timezone(-timedelta(hours=1, seconds=30))),
            b'"2024-05-01T09:30:00-01:01"',
        ),
        (date(2024, 5, 1), b'"2024-05-01"'),
        (time(9, 30, 1, 2), b'"09:30:01.000002"'),
        (Colour.RED, b'"red"'),
        (uuid.UUID(int=1), b'"00000000-0000-0000-0000-000000000001"'),
        (Point(1, date(2024, 1, 2)), b'{"x":1,"when":"2024-01-02"}'),
        ((1, 2), b"[1,2]"),
    ],
)
def test_values_are_written_the_same_by_both_backends(
    backend: str, value: Any, expected: bytes
) -> None:
    """The same bytes, whichever backend: datetimes in ISO 8601, enums by value, UUIDs as text."""
    assert _json.dumps(value) == expected


# -- reading -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'\xef\xbb\xbf{"a":1}', {"a": 1}),  # a UTF-8 byte order mark is ignored
        (b"18446744073709551615", 2**64 - 1),
        (b"18446744073709551616", float(2**64)),  # past 64 bits: a float, as in JavaScript
        (b"-9223372036854775809", -float(2**63)),
        (b'"\\ud83d\\ude00"', "\U0001f600"),  # a surrogate pair is one character
        (b'"\\\\ud800"', "\\ud800"),  # an escaped backslash, not a surrogate
        (b"1e-400", 0.0),
    ],
)
def test_answers_parse_the_same_with_both_backends(
    backend: str, content: bytes, expected: Any
) -> None:
    """BOM tolerated, big integers as floats: the same value from either backend."""
    assert _response(content).json() == expected


@pytest.mark.parametrize(
    "content",
    [
        b"NaN",
        b'{"a": NaN}',
        b"[Infinity]",
        b"-Infinity",
        b"1e400",
        b"9" * 400,
        '{"a":1}'.encode("utf-16"),  # with its byte order mark
        '{"a":1}'.encode("utf-16-le"),
        '{"a":1}'.encode("utf-32"),
        b'"\\ud800"',  # a lone surrogate
        b'{"\\udc00": 1}',
        b'"\xff"',
    ],
)
def test_what_is_not_utf8_json_is_a_decode_error_with_both_backends(
    backend: str, content: bytes
) -> None:
    """NaN, Infinity, overflowing numbers, UTF-16/32 and lone surrogates: DecodeError."""
    with pytest.raises(DecodeError):
        _response(content).json()

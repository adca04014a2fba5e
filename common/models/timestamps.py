"""Timestamps: RFC 3339 ``datetime``, ``YYYY-MM-DD`` ``date`` and :data:`UnixMillis`."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta, timezone
from typing import Any, Final, NewType

from .kinds import _json_type, _ShapeError

__all__ = ["UnixMillis"]

#: A timestamp sent as milliseconds since the Unix epoch (``1700000000000``). At run time
#: the value is an aware UTC :class:`~datetime.datetime`; only the wire form differs.
UnixMillis = NewType("UnixMillis", datetime)

_UTC: Final = timezone.utc
_EPOCH: Final = datetime(1970, 1, 1, tzinfo=_UTC)
_ONE_MS: Final = timedelta(milliseconds=1)

_RFC3339: Final = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?"
    r"\s*(?:([Zz])|([+-])(\d{2}):?(\d{2})?)?",
    re.ASCII,
)


def _parse_rfc3339(text: str) -> datetime:
    """Parse RFC 3339 / ISO 8601 date-times that ``datetime.fromisoformat`` may refuse.

    Python 3.10 refuses ``Z`` and fractions other than 3 or 6 digits; every version
    refuses a lowercase ``t``/``z`` and the leap second ``:60``.
    """
    m = _RFC3339.fullmatch(text)
    if m is None:
        raise _ShapeError(f"expected an RFC 3339 date-time, got {text[:40]!r}")
    year, month, day, hour, minute, second, fraction, _z, sign, off_h, off_m = m.groups()
    sec = int(second or 0)
    micro = int(fraction[:6].ljust(6, "0")) if fraction else 0
    if sec == 60:  # a leap second: the last instant of the minute
        sec, micro = 59, 999_999
    tz = _UTC
    if sign:
        offset = timedelta(hours=int(off_h), minutes=int(off_m or 0))
        if offset:
            tz = timezone(-offset if sign == "-" else offset)
    return datetime(int(year), int(month), int(day), int(hour), int(minute), sec, micro, tzinfo=tz)


def _parse_datetime(text: str) -> datetime:
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        dt = _parse_rfc3339(text)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=_UTC)
    return dt


def _structure_datetime(value: Any, _: Any) -> datetime:
    if value.__class__ is not str:
        raise TypeError(f"expected an RFC 3339 date-time string, got {_json_type(value)}")
    return _parse_datetime(value)


def _structure_date(value: Any, _: Any) -> date:
    if value.__class__ is not str:
        raise TypeError(f"expected a YYYY-MM-DD date string, got {_json_type(value)}")
    if len(value) == 10:
        return date.fromisoformat(value)
    return _parse_datetime(value).date()  # some APIs send a midnight timestamp


def _unstructure_datetime(value: datetime) -> str:
    offset = value.utcoffset()
    if not offset:  # naive (taken as UTC) or UTC
        return value.replace(tzinfo=None, microsecond=0).isoformat() + "Z"
    return value.isoformat()


def _unstructure_date(value: date) -> str:
    return value.isoformat()


def _structure_unix_millis(value: Any, _: Any) -> datetime:
    vcls = value.__class__
    if vcls is str:
        text = value.strip()
        try:
            value = int(text) if text.lstrip("-").isdigit() else float(text)
        except ValueError:
            raise _ShapeError(f"expected milliseconds since the epoch, got {text[:40]!r}") from None
        vcls = value.__class__
    if vcls is int or (vcls is float and math.isfinite(value)):
        return _EPOCH + timedelta(milliseconds=value)
    raise TypeError(f"expected milliseconds since the epoch, got {_json_type(value)}")


def _unstructure_unix_millis(value: datetime) -> int:
    if value.tzinfo is None:
        value = value.replace(tzinfo=_UTC)
    return (value - _EPOCH) // _ONE_MS

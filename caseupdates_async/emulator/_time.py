"""Trackops time on the wire: UTC, ``YYYY-MM-DD HH:MM:SS`` for timestamps, ``YYYY-MM-DD`` for dates.

The document says "All timestamp parameters are queried and returned in UTC" and writes
``activity_at`` as ``YYYY-MM-DD`` with an optional ``HH:MM:SS`` appended. The emulator answers
in exactly that form and accepts, in filters and bodies, a date alone, ``YYYY-MM-DD HH:MM:SS``
or ISO 8601 (``T`` separator, optional fractions, ``Z`` or an offset, converted to UTC; a naive
value is UTC). Pure functions, no I/O.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["TIMESTAMP_FORMAT", "Moment", "format_date", "format_timestamp", "parse_moment"]

#: How every timestamp is written in a response body.
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S"

_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?"
)

#: A parsed instant (aware, UTC) and whether the text held a date only.
Moment = tuple[dt.datetime, bool]


def format_timestamp(moment: dt.datetime) -> str:
    """``2024-03-01 09:30:00`` (UTC; an aware *moment* is converted first)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc)
    return moment.strftime(TIMESTAMP_FORMAT)


def format_date(day: dt.date) -> str:
    """``2024-03-01``."""
    return day.isoformat()


def parse_moment(text: str) -> Moment | None:
    """``(instant in UTC, date_only)`` for any accepted form, else ``None``."""
    text = text.strip()
    try:
        if _DATE_ONLY.fullmatch(text):
            day = dt.date.fromisoformat(text)
            return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc), True
        if not _DATE_TIME.fullmatch(text):
            return None
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        if len(text) > 6 and text[-5] in "+-" and text[-3] != ":":
            text = f"{text[:-2]}:{text[-2:]}"  # +0200 -> +02:00 (3.10's fromisoformat)
        moment = dt.datetime.fromisoformat(text.replace("T", " ", 1))
        if moment.tzinfo is None:
            return moment.replace(tzinfo=dt.timezone.utc), False
        return moment.astimezone(dt.timezone.utc), False
    except (ValueError, OverflowError):  # OverflowError: an offset past year 1 or 9999
        return None

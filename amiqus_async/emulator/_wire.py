"""Wire primitives: the JSON alias and Amiqus timestamps (``YYYY-MM-DDTHH:MM:SSZ``, UTC).

Source: guide ``data-formats.txt`` (date-time is ``2024-05-07T12:30:45Z``; dates are
``YYYY-MM-DD``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

__all__ = ["Json", "format_stamp", "now_stamp", "parse_stamp"]

#: A JSON object as the wire carries it.
Json = dict[str, Any]

_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def format_stamp(moment: dt.datetime) -> str:
    """``2024-05-07T12:30:45Z`` (converted to UTC, seconds precision, a four-digit year)."""
    utc = moment.astimezone(dt.timezone.utc)
    return f"{utc.year:04d}-" + utc.strftime(_FORMAT.removeprefix("%Y-"))


def now_stamp() -> str:
    """The current time in the wire format."""
    return format_stamp(dt.datetime.now(dt.timezone.utc))


def parse_stamp(text: str) -> dt.datetime | None:
    """A wire date-time (``Z`` or an offset) or a date alone, else ``None``."""
    try:
        if len(text) == 10:
            day = dt.date.fromisoformat(text)
            return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        if moment.tzinfo is None:
            return moment.replace(tzinfo=dt.timezone.utc)
        return moment.astimezone(dt.timezone.utc)  # one that has no UTC form is no date-time
    except (ValueError, OverflowError):
        return None

"""Wire primitives: the JSON alias and Amiqus timestamps (``YYYY-MM-DDTHH:MM:SSZ``, UTC; the
kit's :func:`~common.testing.iso_datetime` reads them).

Source: guide ``data-formats.txt`` (date-time is ``2024-05-07T12:30:45Z``; dates are
``YYYY-MM-DD``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

__all__ = ["Json", "format_stamp", "now_stamp"]

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

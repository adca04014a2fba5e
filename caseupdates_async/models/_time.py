"""Trackops's wire forms for times: ``YYYY-MM-DD HH:MM:SS`` in UTC, dates, clock times.

Trackops does not speak RFC 3339. Its case update document ("API Reference - Case
Updates") describes ``activity_at`` as "the date and time in ISO format (YYYY-MM-DD).
Time can also be appended in ISO format (YYYY-MM-DD HH:MM:SS)" and says "all timestamp
parameters are queried and returned in UTC"; ``update_details[].start_at`` is a clock
time such as ``"09:00"``. So three annotated types carry their own hooks:

* :data:`TrackopsDateTime` -- an aware UTC :class:`~datetime.datetime`, read from
  ``2024-05-01 14:30:00`` (an ISO 8601 ``T``, a fraction, ``Z`` or an offset are tolerated
  and converted to UTC; a bare date is midnight UTC), written back as
  ``2024-05-01 14:30:00`` (converted to UTC; a naive value is taken as UTC; microseconds
  dropped).
* :data:`ActivityTime` -- ``activity_at``: a :class:`~datetime.date` for an all-day update
  (``"2021-06-03"``) or a :data:`TrackopsDateTime` when a time is given.
* :data:`ClockTime` -- a :class:`~datetime.time` read from ``HH:MM`` or ``HH:MM:SS`` and
  written as ``HH:MM`` (``HH:MM:SS`` when it has seconds).

At run time the values are plain ``datetime``/``date``/``time`` objects: only the
``Annotated`` marker tells the converter which wire form to use. The hooks live on the
shared converter through :func:`register_time_hooks`, called once when
:mod:`caseupdates_async.models` is imported.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone
from typing import TYPE_CHECKING, Annotated, Any, Final, get_args, get_origin

if TYPE_CHECKING:
    import cattrs

__all__ = [
    "ActivityTime",
    "ClockTime",
    "TrackopsDateTime",
    "format_trackops_datetime",
    "parse_trackops_datetime",
    "register_time_hooks",
]

_UTC: Final = timezone.utc


class _WireForm(enum.Enum):
    """The marker inside ``Annotated`` naming a Trackops wire form."""

    DATETIME = "trackops-datetime"
    ACTIVITY = "trackops-activity"
    CLOCK = "trackops-clock"


#: A UTC timestamp sent as ``YYYY-MM-DD HH:MM:SS``; an aware UTC ``datetime`` at run time.
TrackopsDateTime = Annotated[datetime, _WireForm.DATETIME]
#: ``activity_at``: a ``date`` (all day, ``YYYY-MM-DD``) or a ``datetime`` (UTC, with time).
ActivityTime = Annotated[datetime | date, _WireForm.ACTIVITY]
#: A time of day sent as ``HH:MM`` (``update_details[].start_at``).
ClockTime = Annotated[time, _WireForm.CLOCK]

_DATETIME_RE: Final = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?"
    r"\s*(?:([Zz])|([+-])(\d{2}):?(\d{2})?)?",
    re.ASCII,
)
_CLOCK_RE: Final = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?", re.ASCII)
_WIRE_FORMAT: Final = "%Y-%m-%d %H:%M:%S"


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    return type(value).__name__


def _match_datetime(text: str) -> re.Match[str]:
    m = _DATETIME_RE.fullmatch(text.strip())
    if m is None:
        raise ValueError(f"expected a Trackops timestamp (YYYY-MM-DD HH:MM:SS), got {text[:40]!r}")
    return m


def _from_match(m: re.Match[str]) -> datetime:
    year, month, day, hour, minute, second, fraction, _z, sign, off_h, off_m = m.groups()
    micro = int(fraction[:6].ljust(6, "0")) if fraction else 0
    sec = min(int(second or 0), 59)  # a leap second is kept inside its minute
    tz = _UTC
    if sign:
        offset = timedelta(hours=int(off_h), minutes=int(off_m or 0))
        tz = timezone(-offset if sign == "-" else offset)
    value = datetime(
        int(year), int(month), int(day), int(hour or 0), int(minute or 0), sec, micro, tzinfo=tz
    )
    return value.astimezone(_UTC)


def parse_trackops_datetime(text: str) -> datetime:
    """Parse a Trackops timestamp into an aware UTC ``datetime``.

    ``2024-05-01 14:30:00`` is UTC (the vendor's form); ISO 8601 variants with ``T``,
    fractions, ``Z`` or an offset are accepted and converted to UTC; a bare date is
    midnight UTC. Raises :class:`ValueError` for anything else.
    """
    return _from_match(_match_datetime(text))


def format_trackops_datetime(value: datetime) -> str:
    """Write *value* as Trackops expects it: ``YYYY-MM-DD HH:MM:SS`` in UTC.

    A naive ``datetime`` is taken as UTC; microseconds are dropped.
    """
    if value.tzinfo is not None:
        value = value.astimezone(_UTC)
    return value.strftime(_WIRE_FORMAT)


def _structure_datetime(value: Any, _: Any) -> datetime:
    if not isinstance(value, str):
        raise TypeError(f"expected a Trackops timestamp string, got {_describe(value)}")
    return parse_trackops_datetime(value)


def _unstructure_datetime(value: datetime) -> str:
    return format_trackops_datetime(value)


def _structure_activity(value: Any, _: Any) -> datetime | date:
    if not isinstance(value, str):
        raise TypeError(f"expected a date or timestamp string, got {_describe(value)}")
    m = _match_datetime(value)
    if m.group(4) is None and m.group(9) is None and m.group(8) is None:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))  # all day
    return _from_match(m)


def _unstructure_activity(value: datetime | date) -> str:
    if isinstance(value, datetime):
        return format_trackops_datetime(value)
    return value.isoformat()


def _structure_clock(value: Any, _: Any) -> time:
    if not isinstance(value, str):
        raise TypeError(f"expected a HH:MM time string, got {_describe(value)}")
    m = _CLOCK_RE.fullmatch(value.strip())
    if m is None:
        raise ValueError(f"expected a HH:MM time, got {value[:40]!r}")
    return time(int(m.group(1)), int(m.group(2)), int(m.group(3) or 0))


def _unstructure_clock(value: time) -> str:
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


def _wire_form(t: Any) -> _WireForm | None:
    if get_origin(t) is not Annotated:
        return None
    for meta in get_args(t)[1:]:
        if isinstance(meta, _WireForm):
            return meta
    return None


_HOOKS: Final[dict[_WireForm, tuple[Callable[[Any, Any], Any], Callable[[Any], Any]]]] = {
    _WireForm.DATETIME: (_structure_datetime, _unstructure_datetime),
    _WireForm.ACTIVITY: (_structure_activity, _unstructure_activity),
    _WireForm.CLOCK: (_structure_clock, _unstructure_clock),
}


def _is_form(form: _WireForm) -> Callable[[Any], bool]:
    def predicate(t: Any) -> bool:
        return _wire_form(t) is form

    return predicate


def register_time_hooks(conv: cattrs.Converter) -> None:
    """Teach *conv* the Trackops wire forms of :data:`TrackopsDateTime`,
    :data:`ActivityTime` and :data:`ClockTime`.

    Predicate hooks registered after the shared rules, so they win over cattrs' own
    ``Annotated`` handling. Calling it again on the same converter does nothing.
    """
    if conv.get_structure_hook(TrackopsDateTime) is _structure_datetime:
        return
    for form, (structure_hook, unstructure_hook) in _HOOKS.items():
        conv.register_structure_hook_func(_is_form(form), structure_hook)
        conv.register_unstructure_hook_func(_is_form(form), unstructure_hook)

"""Encoding path segments and query parameters (pure functions)."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timezone
from typing import Any, TypeAlias
from urllib.parse import quote

from .errors import InvalidRequestError

__all__ = ["ParamValue", "Params", "day", "encode_params", "format_path"]

ParamValue: TypeAlias = "str | int | float | bool | date | datetime | enum.Enum | None"
Params: TypeAlias = "Mapping[str, ParamValue | Sequence[ParamValue]] | Sequence[tuple[str, str]]"

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _segment(name: str, value: object) -> str:
    if isinstance(value, bool) or value is None:
        raise InvalidRequestError(f"path parameter {name!r} must be a str or int, not {value!r}")
    if isinstance(value, enum.Enum):
        value = value.value
    text = str(value)
    if text in ("", ".", ".."):
        raise InvalidRequestError(f"path parameter {name!r} must not be {text!r}")
    return quote(text, safe="")


def format_path(template: str, **values: object) -> str:
    """Fill ``{name}`` placeholders in *template*, each value percent-encoded as one segment.

    ``/`` ``?`` ``#`` and ``%`` in a value are encoded, and empty, ``.`` and ``..`` values are
    refused, so no argument can change which resource the path names.
    """
    missing = set(_PLACEHOLDER.findall(template)) - values.keys()
    if missing:
        raise InvalidRequestError(f"missing path parameter(s): {', '.join(sorted(missing))}")
    return _PLACEHOLDER.sub(lambda m: _segment(m.group(1), values[m.group(1)]), template)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        member: Any = value.value
        return _scalar(member)
    if isinstance(value, datetime):
        moment: datetime = value
        if moment.tzinfo is not None:
            moment = moment.astimezone(timezone.utc)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (str, int, float)):
        return str(value)
    raise InvalidRequestError(f"cannot send {type(value).__name__} as a query parameter")


def encode_params(params: Params | None) -> list[tuple[str, str]]:
    """Query pairs from *params*: ``None`` dropped, booleans ``true``/``false``, sequences repeated.

    Date-times are sent in UTC as ``YYYY-MM-DDTHH:MM:SSZ`` and dates as ``YYYY-MM-DD``; a vendor
    that wants another form formats the value itself before passing it.
    """
    if not params:
        return []
    items: Iterable[tuple[str, Any]] = params.items() if isinstance(params, Mapping) else params
    pairs: list[tuple[str, str]] = []
    for key, value in items:
        if value is None:
            continue
        if isinstance(value, (list, tuple, set, frozenset)):
            pairs.extend((key, _scalar(v)) for v in value if v is not None)
        else:
            pairs.append((key, _scalar(value)))
    return pairs


def day(name: str, value: date | None) -> str | None:
    """A ``YYYY-MM-DD`` query value from a :class:`~datetime.date` (a datetime's own date).

    Vendors that filter by day (Amilia ``from``/``to``, IntakeQ ``startDate``) take dates, not
    strings, so a wrong format fails here rather than at the server.
    """
    if value is None:
        return None
    if not isinstance(value, date):
        raise InvalidRequestError(f"{name} must be a date, not {type(value).__name__}")
    return (value.date() if isinstance(value, datetime) else value).isoformat()

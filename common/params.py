"""Encoding path segments and query parameters (pure functions)."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timezone
from typing import Any, TypeAlias
from urllib.parse import quote

from .errors import InvalidRequestError

__all__ = [
    "ParamValue",
    "Params",
    "bad_header",
    "bad_header_message",
    "check_header",
    "check_headers",
    "day",
    "encode_params",
    "format_path",
]

ParamValue: TypeAlias = "str | int | float | bool | date | datetime | enum.Enum | None"
Params: TypeAlias = "Mapping[str, ParamValue | Sequence[ParamValue]] | Sequence[tuple[str, str]]"

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
#: A header name is an RFC 9110 token: visible ASCII except separators.
_HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+\Z")
#: What a header value may not hold: control characters (CR and LF above all, which would
#: start another header or the body), except the horizontal tab RFC 9110 allows.
_HEADER_VALUE_FORBIDDEN = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


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


def bad_header(headers: Mapping[str, str]) -> str | None:
    """The name of the first header of *headers* that cannot go on the wire, or ``None``.

    A name must be an RFC 9110 token; a value must be a string without control characters
    (CR, LF, NUL, ...; a tab is allowed). Pure and cheap (two searches over the joined names
    and values when all is well), so the client runs it on every request just before it is
    sent, after the auth strategy has added its credentials. Returns a name, never a value:
    values may be credentials.
    """
    try:
        names_ok = _KNOWN_NAMES.issuperset(headers)
        if not names_ok:
            names_ok = _HEADER_NAME.match("".join(headers)) is not None and "" not in headers
            if names_ok and len(_KNOWN_NAMES) < _KNOWN_NAMES_MAX:
                _KNOWN_NAMES.update(headers)
        values = "".join(headers.values())
    except TypeError:  # a name or a value that is not a string
        return next(str(n) for n, v in headers.items() if not _is_header(n, v))
    if names_ok and (values.isprintable() or _HEADER_VALUE_FORBIDDEN.search(values) is None):
        return None
    return next(n for n, v in headers.items() if not _is_header(n, v))


#: Header names already found to be tokens (a client sends the same few on every request):
#: checking them is then one set operation. Names only, never values; bounded.
_KNOWN_NAMES: set[object] = set()
_KNOWN_NAMES_MAX = 256


def _is_header(name: object, value: object) -> bool:
    return (
        isinstance(name, str)
        and isinstance(value, str)
        and _HEADER_NAME.match(name) is not None
        and _HEADER_VALUE_FORBIDDEN.search(value) is None
    )


def check_header(name: str, value: str, *, what: str | None = None) -> None:
    """Raise :class:`InvalidRequestError` unless ``name: value`` can be sent as a header.

    For vendor packages and auth strategies that take a header value from the caller (an API
    key, Amilia's ``origin``): call it in ``__init__`` so that a CR/LF fails at construction.
    The message names *what* (default: the header) and never shows the value.
    """
    if not _is_header(name, value):
        raise InvalidRequestError(bad_header_message(what or f"header {name!r}"))


def check_headers(headers: Mapping[str, str], *, what: str = "a header") -> None:
    """Raise :class:`InvalidRequestError` if any of *headers* cannot be sent (see above)."""
    name = bad_header(headers)
    if name is not None:
        raise InvalidRequestError(bad_header_message(f"{what} ({name!r})"))


def bad_header_message(what: str) -> str:
    """The message of the error about a header that cannot be sent; never shows its value."""
    return (
        f"{what} cannot be sent: a header name must be a token, and a value a string "
        "without control characters such as CR or LF (the value is not shown)"
    )

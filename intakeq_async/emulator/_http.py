"""What every handler shares: errors, the request context, query parsing, IntakeQ paging.

A handler receives a :class:`Ctx` (the request, the emulator, the path parameters and the
query, its names lower-cased as ASP.NET binds them) and answers with :meth:`Ctx.ok`,
:meth:`Ctx.paged`, :meth:`Ctx.empty` or :meth:`Ctx.binary`, or raises :class:`ApiError`.

IntakeQ does not document its error bodies (its own client reads them as text), so every
error here is ``text/plain``: ``Unauthorized``, ``Too Many Requests``, or a one-line message.

Malformed input is always a 4xx, never a 5xx: a body that is not JSON (or nested past what
the parser takes, or holding ``NaN``), a field of the wrong JSON type (read through
:class:`Body`), a timestamp out of range, a query value that does not parse, or a filter in
a form IntakeQ does not take (``custom[5]=`` for ``custom.5=``, ``status=locked`` for
``status=1``, the other spelling of the invoice last-update range) all answer 400.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import attrs
from aiohttp import web

from intakeq_async import paths
from intakeq_async.emulator._store import IntakeQData, Json, day_end_ms, day_start_ms

if TYPE_CHECKING:
    from intakeq_async.emulator import IntakeQEmulator

__all__ = [
    "EARLIEST_MS",
    "LATEST_MS",
    "PAGE_SIZE",
    "ApiError",
    "Body",
    "Ctx",
    "Handler",
    "content_disposition",
    "error_response",
    "in_range",
    "matches_text",
]

#: Query endpoints answer at most this many records per page.
PAGE_SIZE = 100
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
#: An integer query value as ASP.NET binds one (ASCII digits, an optional sign, 32 bits).
_INTEGER = re.compile(r"[+-]?\d{1,10}", re.ASCII)
_INT32 = range(-(2**31), 2**31)
#: The Unix-millisecond range a stored timestamp may take: days every handler can render
#: (with the practice's time zone and an appointment's duration) as a calendar date.
EARLIEST_MS = -62_135_424_000_000  # 0001-01-03T00:00:00Z
LATEST_MS = 253_370_764_800_000  # 9999-01-01T00:00:00Z

# The client query's custom-field filter: the one form accepted (intakeq_async.paths), and
# anything else that starts like one.
_CUSTOM_PREFIX, _, _CUSTOM_SUFFIX = paths.CLIENT_CUSTOM_FIELD_FILTER.partition("{field_id}")
_CUSTOM_FORM = re.compile(
    re.escape(_CUSTOM_PREFIX) + r"(?P<id>[^\[\]]+)" + re.escape(_CUSTOM_SUFFIX), re.IGNORECASE
)
_CUSTOM_LIKE = re.compile(r"custom(?:[.\[]|$)", re.IGNORECASE)


class ApiError(Exception):
    """Raised by handlers; answered as a ``text/plain`` body holding the message."""

    def __init__(self, status: int, message: str, *, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers


def error_response(error: ApiError) -> web.Response:
    # A message may quote what the caller sent, lone surrogates included: never fail on it.
    return web.Response(
        status=error.status,
        body=error.message.encode("utf-8", "replace"),
        content_type="text/plain",
        charset="utf-8",
        headers=error.headers,
    )


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def content_disposition(filename: str) -> str:
    """``attachment; filename="..."`` (plus ``filename*`` for a name that is not plain ASCII)."""
    fallback = _CONTROL.sub("_", filename.encode("ascii", "replace").decode("ascii"))
    fallback = fallback.replace("\\", "\\\\").replace('"', '\\"')
    value = f'attachment; filename="{fallback}"'
    if fallback != filename:
        value += f"; filename*=UTF-8''{quote(filename, safe='', errors='replace')}"
    return value


def matches_text(needle: str, *haystack: object) -> bool:
    """Case-insensitive partial match of *needle* in any of the strings given."""
    lowered = needle.casefold()
    return any(isinstance(item, str) and lowered in item.casefold() for item in haystack)


def in_range(stamp: int | None, start: dt.date | None, end: dt.date | None) -> bool:
    """Whether a Unix-ms *stamp* falls on or after day *start* and on or before day *end* (UTC)."""
    if start is None and end is None:
        return True
    if stamp is None:
        return False
    return (start is None or stamp >= day_start_ms(start)) and (
        end is None or stamp < day_end_ms(end)
    )


@attrs.define
class Ctx:
    """What a handler gets: the request, the emulator, path parameters and the parsed query."""

    request: web.Request
    emulator: IntakeQEmulator
    params: dict[str, str]
    query: dict[str, str]  # lower-cased names, first value

    @property
    def data(self) -> IntakeQData:
        return self.emulator.data

    # -- query ----------------------------------------------------------------------------

    def text(self, name: str) -> str | None:
        """The query parameter *name* (any case), ``None`` when absent or empty."""
        value = self.query.get(name.lower())
        return value if value else None

    def flag(self, name: str) -> bool:
        raw = self.text(name)
        if raw is None:
            return False
        if raw.lower() in ("true", "false", "1", "0"):
            return raw.lower() in ("true", "1")
        raise ApiError(400, f"The value '{raw}' is not valid for {name}.")

    def integer(self, name: str) -> int | None:
        raw = self.text(name)
        if raw is None:
            return None
        if _INTEGER.fullmatch(raw.strip()) is None or int(raw) not in _INT32:
            raise ApiError(400, f"The value '{raw}' is not valid for {name}.")
        return int(raw)

    def date(self, *names: str) -> dt.date | None:
        """A ``yyyy-MM-dd`` date from the first of *names* present (a date-time is cut)."""
        for name in names:
            raw = self.text(name)
            if raw is None:
                continue
            try:
                if not _DATE.match(raw):
                    raise ValueError(raw)
                return dt.date.fromisoformat(raw[:10])
            except ValueError:
                raise ApiError(
                    400, f"The value '{raw}' is not valid for {name} (yyyy-MM-dd)."
                ) from None
        return None

    def page(self) -> int:
        page = self.integer("page")
        if page is None:
            return 1
        if page < 1:
            raise ApiError(400, "page must be 1 or more.")
        return page

    def custom_filters(self) -> dict[str, str]:
        """The ``custom.{fieldId}=value`` parameters: field id -> value.

        Only the form of :data:`intakeq_async.paths.CLIENT_CUSTOM_FIELD_FILTER` filters; any
        other parameter shaped like a custom-field filter (``custom[5]``, ``custom[[5]]``,
        ``custom``) is a 400 rather than a filter silently dropped.
        """
        found: dict[str, str] = {}
        for key, value in self.request.query.items():
            match = _CUSTOM_FORM.fullmatch(key)
            if match is not None and match.group("id").strip():
                found.setdefault(match.group("id"), value)
            elif _CUSTOM_LIKE.match(key):
                wanted = paths.CLIENT_CUSTOM_FIELD_FILTER.format(field_id="{fieldId}")
                raise ApiError(
                    400, f"The parameter '{key}' is not a custom-field filter: use {wanted}=value."
                )
        return found

    def refuse(self, names: Sequence[str], instead: Sequence[str]) -> None:
        """400 when the query holds one of *names* (another spelling of *instead*)."""
        for name, right in zip(names, instead, strict=True):
            if name.lower() in self.query:
                raise ApiError(400, f"The parameter '{name}' is not supported: use {right}.")

    # -- path -----------------------------------------------------------------------------

    def lookup(self, what: str, collection: dict[Any, Json], name: str = "id") -> Json:
        """The item whose id is the path parameter *name*, else 404."""
        raw = self.params[name]
        key: Any = raw
        if collection and isinstance(next(iter(collection)), int):
            try:
                key = int(raw)
            except ValueError:
                raise ApiError(404, f"{what} '{raw}' was not found.") from None
        item = collection.get(key)
        if item is None:
            raise ApiError(404, f"{what} '{raw}' was not found.")
        return item

    # -- body -----------------------------------------------------------------------------

    async def body(self) -> Body:
        """The JSON object sent, else 400 (also for ``NaN``/``Infinity`` literals and for
        nesting deeper than the parser takes)."""
        raw = await self.request.read()
        try:
            parsed = json.loads(raw, parse_constant=_no_constant) if raw.strip() else None
        except (ValueError, RecursionError):
            raise ApiError(400, "The request body is not valid JSON.") from None
        if not isinstance(parsed, dict):
            raise ApiError(400, "The request body must be a JSON object.")
        return Body(parsed)

    # -- answers --------------------------------------------------------------------------

    def ok(self, body: Any, status: int = 200) -> web.Response:
        return web.json_response(body, status=status)

    def empty(self) -> web.Response:
        return web.Response(status=200)

    def paged(
        self, items: Sequence[Json], shape: Callable[[Json], Json] | None = None
    ) -> web.Response:
        """Page ``page`` (from 1) of *items*: a bare array of at most :data:`PAGE_SIZE`."""
        first = (self.page() - 1) * PAGE_SIZE
        chunk = items[first : first + PAGE_SIZE]
        return self.ok([shape(item) for item in chunk] if shape else list(chunk))

    def binary(self, body: bytes, content_type: str, filename: str | None = None) -> web.Response:
        headers = {"Content-Type": content_type}
        if filename is not None:
            headers["Content-Disposition"] = content_disposition(filename)
        return web.Response(body=body, headers=headers)


Handler = Callable[[Ctx], Awaitable[web.StreamResponse]]


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


@attrs.define
class Body:
    """A request's JSON object, read field by field: a value of the wrong JSON type is a 400
    naming the field, as IntakeQ's (ASP.NET) model binding refuses it.

    Conversions follow Newtonsoft's: a number is read where a string is expected (ids are
    sent both ways), digits where an integer is; ``null`` is "not given".
    """

    data: Json

    def __contains__(self, name: str) -> bool:
        return name in self.data

    def given(self, name: str) -> bool:
        """Whether *name* is present and not ``null``."""
        return self.data.get(name) is not None

    def raw(self, name: str) -> Any:
        return self.data.get(name)

    def string(self, name: str, *, required: bool = False) -> str | None:
        """A string (a number is taken as its digits); blank or null is ``None``."""
        value = self.data.get(name)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if not math.isfinite(value):
                raise ApiError(400, f"{name} must be a string.")
            value = str(value)
        if value is not None and not isinstance(value, str):
            raise ApiError(400, f"{name} must be a string.")
        text = value.strip() if value is not None else ""
        if not text:
            if required:
                raise ApiError(400, f"{name} is required.")
            return None
        return text

    def integer(self, name: str, *, required: bool = False) -> int | None:
        """A 32-bit integer (digits in a string too); null is ``None``."""
        value = self.data.get(name)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        elif isinstance(value, str) and _INTEGER.fullmatch(value.strip()) is not None:
            value = int(value.strip())
        if value is None or value == "":
            if required:
                raise ApiError(400, f"{name} is required.")
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value not in _INT32:
            raise ApiError(400, f"{name} must be an integer.")
        return value

    def boolean(self, name: str) -> bool | None:
        value = self.data.get(name)
        if value is not None and not isinstance(value, bool):
            raise ApiError(400, f"{name} must be true or false.")
        return value

    def millis(self, name: str, *, required: bool = False, positive: bool = False) -> int | None:
        """A Unix timestamp in milliseconds within the range a date can show; null is ``None``."""
        value = self.data.get(name)
        if value is None:
            if required:
                raise ApiError(400, f"{name} is required (Unix timestamp in milliseconds).")
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
            or not EARLIEST_MS <= value <= LATEST_MS
            or (positive and value <= 0)
        ):
            raise ApiError(400, f"{name} must be a Unix timestamp in milliseconds.")
        return int(value)

    def objects(self, name: str, *, required: bool = False) -> list[Body] | None:
        """An array of JSON objects; null is ``None``."""
        value = self.data.get(name)
        if value is None:
            if required:
                raise ApiError(400, f"{name} is required.")
            return None
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise ApiError(400, f"{name} must be an array of objects.")
        return [Body(item) for item in value]

    def strings(self, name: str) -> list[str] | None:
        """An array of strings; null is ``None``."""
        value = self.data.get(name)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ApiError(400, f"{name} must be an array of strings.")
        return list(value)

    def choice(self, name: str, allowed: Sequence[str]) -> str | None:
        """One of *allowed* (any case), as spelled there; null or blank is ``None``."""
        raw = self.string(name)
        if raw is None:
            return None
        for value in allowed:
            if raw.casefold() == value.casefold():
                return value
        raise ApiError(400, f"{name} must be one of {', '.join(allowed)}.")

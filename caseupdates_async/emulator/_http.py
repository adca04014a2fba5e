"""What every handler shares: the error body, the request context, filters and paging.

A handler receives a :class:`Ctx` and answers with :meth:`Ctx.ok` or :meth:`Ctx.listing`, or
raises :class:`ApiError`. Error bodies are not documented by Trackops; the emulator answers
``{"error": "<message>"}``, plus ``"errors": {field: [messages]}`` on a 422.

Listing (Trackops's PHP client): ``page`` (from 1), ``per_page`` (default :data:`PER_PAGE`, at
most :data:`MAX_PER_PAGE`; neither is documented), ``dir`` (``asc``|``desc``, by id; default
``asc``); the body is a bare JSON array and a page shorter than ``per_page`` is the last.
``mode=count`` answers ``{"record_count", "page_count"}`` for the same filters instead.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import math
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs
from aiohttp import web

from caseupdates_async.emulator._store import Json, TrackopsData
from caseupdates_async.emulator._time import format_date, format_timestamp, parse_moment

if TYPE_CHECKING:
    from caseupdates_async.emulator import TrackopsEmulator

__all__ = [
    "MAX_PER_PAGE",
    "PER_PAGE",
    "ApiError",
    "Ctx",
    "F",
    "Filter",
    "Handler",
    "error_body",
    "error_response",
]

#: ``per_page`` when none is given (undocumented; a choice).
PER_PAGE = 25
#: The largest ``per_page`` accepted; more is a 400 (undocumented; Trackops's example uses 100).
MAX_PER_PAGE = 100

_TRUE = ("1", "true", "yes", "y")
_FALSE = ("0", "false", "no", "n")


class ApiError(Exception):
    """Raised by handlers; answered as ``{"error": message[, "errors": {...}]}``."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        errors: dict[str, list[str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.message, self.errors, self.headers = status, message, errors, headers


def error_body(message: str, *, errors: dict[str, list[str]] | None = None) -> Json:
    """The emulator's error body (Trackops does not document one)."""
    body: Json = {"error": message}
    if errors:
        body["errors"] = errors
    return body


def error_response(error: ApiError) -> web.Response:
    body = error_body(error.message, errors=error.errors)
    return web.json_response(body, status=error.status, headers=error.headers)


def parse_flag(raw: str) -> bool | None:
    """``True``/``False`` for 1/0, true/false, yes/no, y/n (any case), else ``None``."""
    lowered = raw.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    return None


class Kind(enum.Enum):
    """How a query parameter compares with a field."""

    INT = "integer equal"
    BOOL = "boolean equal"
    TEXT = "text equal, ignoring case"
    SINCE = "timestamp on or after"
    UNTIL = "timestamp on or before"
    DAY_SINCE = "date on or after"
    DAY_UNTIL = "date on or before"


@attrs.frozen
class Filter:
    """Query parameter *param* keeps the items whose *field* matches it the *kind* way."""

    param: str
    field: str
    kind: Kind


class F:
    """Shorthands to write filter tables: ``F.int("case", "casefile_id")``, ``F.span(...)``."""

    @staticmethod
    def int(param: str, field: str | None = None) -> Filter:
        return Filter(param, field or f"{param}_id", Kind.INT)

    @staticmethod
    def bool(param: str, field: str | None = None) -> Filter:
        return Filter(param, field or param, Kind.BOOL)

    @staticmethod
    def text(param: str, field: str | None = None) -> Filter:
        return Filter(param, field or param, Kind.TEXT)

    @staticmethod
    def span(low: str, high: str, field: str) -> tuple[Filter, Filter]:
        """``low``/``high`` bound the timestamp *field*, both inclusive."""
        return Filter(low, field, Kind.SINCE), Filter(high, field, Kind.UNTIL)

    @staticmethod
    def days(low: str, high: str, field: str) -> tuple[Filter, Filter]:
        """``low``/``high`` bound the date *field*, both inclusive."""
        return Filter(low, field, Kind.DAY_SINCE), Filter(high, field, Kind.DAY_UNTIL)


def _bound(param: str, raw: str, kind: Kind) -> str:
    """The wire text the field is compared with (wire timestamps and dates sort as text)."""
    parsed = parse_moment(raw)
    if parsed is None:
        raise ApiError(
            400,
            f"Invalid value for {param}: {raw!r} (expected YYYY-MM-DD or YYYY-MM-DD HH:MM:SS, UTC)",
        )
    moment, date_only = parsed
    if kind is Kind.UNTIL and date_only:
        # "on or before the date": a date alone includes the whole day.
        moment += dt.timedelta(days=1, seconds=-1)
    if kind in (Kind.DAY_SINCE, Kind.DAY_UNTIL):
        return format_date(moment.date())
    return format_timestamp(moment)


def _matcher(spec: Filter, raw: str) -> Callable[[Any], bool]:
    """A predicate on the field's value, from the query text (raises 400 on a bad value)."""
    kind = spec.kind
    if kind is Kind.INT:
        try:
            wanted = int(raw)
        except ValueError:
            raise ApiError(400, f"Invalid value for {spec.param}: {raw!r} (integer)") from None
        return lambda value: value == wanted
    if kind is Kind.BOOL:
        flag = parse_flag(raw)
        if flag is None:
            raise ApiError(400, f"Invalid value for {spec.param}: {raw!r} (boolean)")
        return lambda value: bool(value) is flag
    if kind is Kind.TEXT:
        folded = raw.casefold()
        return lambda value: isinstance(value, str) and value.casefold() == folded
    bound = _bound(spec.param, raw, kind)
    if kind in (Kind.SINCE, Kind.DAY_SINCE):
        return lambda value: isinstance(value, str) and value[: len(bound)] >= bound
    return lambda value: isinstance(value, str) and value[: len(bound)] <= bound


@attrs.define
class Ctx:
    """What a handler gets: the request, the emulator, path parameters and the query."""

    request: web.Request
    emulator: TrackopsEmulator

    @property
    def data(self) -> TrackopsData:
        return self.emulator.data

    def text(self, name: str) -> str | None:
        value = self.request.query.get(name)
        return None if value is None or value == "" else value

    def flag(self, name: str) -> bool:
        raw = self.text(name)
        if raw is None:
            return False
        flag = parse_flag(raw)
        if flag is None:
            raise ApiError(400, f"Invalid value for {name}: {raw!r} (boolean)")
        return flag

    def integer(self, name: str, default: int) -> int:
        raw = self.text(name)
        if raw is None:
            return default
        try:
            return int(raw)
        except ValueError:
            raise ApiError(400, f"Invalid value for {name}: {raw!r} (integer)") from None

    def item(self, collection: dict[int, Json], what: str, name: str = "id") -> Json:
        """The item the path parameter *name* points at, else 404."""
        key = int(self.request.match_info[name])  # the route only matches digits
        item = collection.get(key)
        if item is None:
            raise ApiError(404, f"{what} {key} not found")
        return item

    async def body(self, wrapper: str | None) -> Json:
        """The JSON object sent, unwrapped from ``{wrapper: {...}}`` when *wrapper* is given."""
        try:
            parsed = json.loads(await self.request.read() or b"null")
        except (ValueError, UnicodeDecodeError):
            raise ApiError(400, "The request body is not valid JSON") from None
        if wrapper is not None:
            if not isinstance(parsed, dict) or not isinstance(parsed.get(wrapper), dict):
                raise ApiError(400, f'The body must be a JSON object nested under "{wrapper}"')
            parsed = parsed[wrapper]
        if not isinstance(parsed, dict):
            raise ApiError(400, "The body must be a JSON object")
        return parsed

    def ok(self, body: Any, status: int = 200) -> web.Response:
        return web.json_response(body, status=status)

    def filtered(self, items: Iterable[Json], filters: Sequence[Filter]) -> list[Json]:
        """The *items* every filter given in the query keeps."""
        tests = [
            (spec.field, _matcher(spec, raw))
            for spec in filters
            if (raw := self.text(spec.param)) is not None
        ]
        return [item for item in items if all(test(item.get(field)) for field, test in tests)]

    def page_numbers(self) -> tuple[int, int]:
        page, per_page = self.integer("page", 1), self.integer("per_page", PER_PAGE)
        if page < 1:
            raise ApiError(400, "page must be 1 or more")
        if not 1 <= per_page <= MAX_PER_PAGE:
            raise ApiError(400, f"per_page must be between 1 and {MAX_PER_PAGE}")
        return page, per_page

    def listing(
        self,
        items: Iterable[Json],
        filters: Sequence[Filter] = (),
        shape: Callable[[Json], Json] | None = None,
    ) -> web.Response:
        """The filtered *items*: one page (a bare array), or their count with ``mode=count``."""
        kept = self.filtered(items, filters)
        page, per_page = self.page_numbers()
        mode = self.text("mode")
        if mode is not None:
            if mode != "count":
                raise ApiError(400, f"Invalid value for mode: {mode!r} (only 'count')")
            pages = math.ceil(len(kept) / per_page)
            return self.ok({"record_count": len(kept), "page_count": pages})
        direction = (self.text("dir") or "asc").lower()
        if direction not in ("asc", "desc"):
            raise ApiError(400, f"Invalid value for dir: {direction!r} (asc or desc)")
        kept.sort(key=lambda item: int(item["id"]), reverse=direction == "desc")
        chunk = kept[(page - 1) * per_page : page * per_page]
        return self.ok([shape(item) for item in chunk] if shape else chunk)


Handler = Callable[[Ctx], Awaitable[web.StreamResponse]]

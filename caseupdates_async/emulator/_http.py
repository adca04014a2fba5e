"""What every handler shares: the error body, the request context, filters and paging.

A handler receives a :class:`Ctx` and answers with :meth:`Ctx.ok` or :meth:`Ctx.listing`, or
raises :class:`ApiError`. Error bodies are not documented by Trackops; the emulator answers
``{"error": "<message>"}``, plus ``"errors": {field: [messages]}`` on a 422.

Listing (Trackops's PHP client): ``page`` (from 1), ``per_page`` (default :data:`PER_PAGE`, at
most :data:`MAX_PER_PAGE`; neither is documented), ``dir`` (``asc``|``desc``, by id; default
``asc``); the body is a bare JSON array and a page shorter than ``per_page`` is the last.
``mode=count`` answers ``{"record_count", "page_count"}`` for the same filters instead.
A listing refuses, with a 400, any query parameter its article does not list
(:data:`PAGING_PARAMS` aside): a misspelt or misplaced filter is an error here, never a
silently unfiltered answer (the live API's behaviour is undocumented).

Malformed input is always a 4xx, never a 5xx: ids too long to be numbers are 404s, JSON
nested deeper than :data:`MAX_JSON_DEPTH`, with ``NaN``/``Infinity`` or numbers beyond a double
is a 400, and out-of-range dates are refused like any other bad date.
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
    "MAX_JSON_DEPTH",
    "MAX_PER_PAGE",
    "PAGING_PARAMS",
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

#: How deeply a request body may nest (the kit's readers default to 64 as well): far past any
#: Trackops body, far below what would strain the stack when a stored value is sent back.
MAX_JSON_DEPTH = 64
#: The query parameters every listing takes besides its filters.
PAGING_PARAMS: frozenset[str] = frozenset({"page", "per_page", "dir", "mode"})

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


def parse_int(raw: str) -> int | None:
    """The integer *raw* spells in ASCII digits (an optional sign), else ``None``.

    Stricter than :func:`int`: no ``1_000``, no spaces, no non-ASCII digits, at most 18 digits
    (an id or a count, never a number Python would refuse to convert).
    """
    digits = raw[1:] if raw[:1] in ("-", "+") else raw
    if not (0 < len(digits) <= 18 and digits.isascii() and digits.isdigit()):
        return None
    return int(raw)


def _excerpt(raw: str) -> str:
    """*raw* quoted for an error message, cut to 60 characters."""
    return repr(raw if len(raw) <= 60 else raw[:60] + "...")


class _NotFinite(ValueError):
    pass


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _NotFinite(text)
    return value


def _no_constant(name: str) -> Any:
    raise _NotFinite(name)


def _depth(value: Any) -> int:
    """How deeply *value* nests (a scalar is 0, ``{}`` and ``[]`` are 1), without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children: Iterable[Any] = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in children)
    return deepest


def parse_json(raw: bytes) -> Any:
    """The JSON document *raw*, else :class:`ApiError` 400: not JSON, ``NaN``/``Infinity`` or a
    number beyond a double, or nested deeper than :data:`MAX_JSON_DEPTH`."""
    try:
        parsed = json.loads(raw or b"null", parse_float=_finite, parse_constant=_no_constant)
    except _NotFinite:
        raise ApiError(400, "The request body holds a number out of range") from None
    except RecursionError:
        parsed = None
    except (ValueError, UnicodeDecodeError):
        raise ApiError(400, "The request body is not valid JSON") from None
    else:
        if _depth(parsed) <= MAX_JSON_DEPTH:
            return parsed
    raise ApiError(400, f"The request body nests deeper than {MAX_JSON_DEPTH} levels")


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
            f"Invalid value for {param}: {_excerpt(raw)} "
            "(expected YYYY-MM-DD or YYYY-MM-DD HH:MM:SS, UTC)",
        )
    moment, date_only = parsed
    if kind is Kind.UNTIL and date_only:
        # "on or before the date": a date alone includes the whole day (9999-12-31 fits).
        moment += dt.timedelta(days=1, seconds=-1)
    if kind in (Kind.DAY_SINCE, Kind.DAY_UNTIL):
        return format_date(moment.date())
    return format_timestamp(moment)


def _matcher(spec: Filter, raw: str) -> Callable[[Any], bool]:
    """A predicate on the field's value, from the query text (raises 400 on a bad value)."""
    kind = spec.kind
    if kind is Kind.INT:
        wanted = parse_int(raw)
        if wanted is None:
            raise ApiError(400, f"Invalid value for {spec.param}: {_excerpt(raw)} (integer)")
        return lambda value: value == wanted
    if kind is Kind.BOOL:
        flag = parse_flag(raw)
        if flag is None:
            raise ApiError(400, f"Invalid value for {spec.param}: {_excerpt(raw)} (boolean)")
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
            raise ApiError(400, f"Invalid value for {name}: {_excerpt(raw)} (boolean)")
        return flag

    def integer(self, name: str, default: int) -> int:
        raw = self.text(name)
        if raw is None:
            return default
        value = parse_int(raw)
        if value is None:
            raise ApiError(400, f"Invalid value for {name}: {_excerpt(raw)} (integer)")
        return value

    def only(self, accepted: Iterable[str]) -> None:
        """400 unless every query parameter sent is in *accepted*."""
        unknown = sorted(set(self.request.query) - set(accepted))
        if unknown:
            names = ", ".join(_excerpt(name) for name in unknown[:5])
            raise ApiError(400, f"Unknown query parameter(s): {names}")

    def item(self, collection: dict[int, Json], what: str, name: str = "id") -> Json:
        """The item the path parameter *name* points at, else 404."""
        raw = self.request.match_info[name]  # the route only matches digits
        key = parse_int(raw)
        item = None if key is None else collection.get(key)
        if item is None:
            raise ApiError(404, f"{what} {_excerpt(raw)} not found")
        return item

    async def body(self, wrapper: str | None) -> Json:
        """The JSON object sent, unwrapped from ``{wrapper: {...}}`` when *wrapper* is given."""
        parsed = parse_json(await self.request.read())
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
        *,
        also: Iterable[str] = (),
    ) -> web.Response:
        """The filtered *items*: one page (a bare array), or their count with ``mode=count``.

        The query may hold the *filters*, :data:`PAGING_PARAMS` and the names in *also* (read
        by the handler itself); anything else is a 400.
        """
        self.only({spec.param for spec in filters} | PAGING_PARAMS | set(also))
        kept = self.filtered(items, filters)
        page, per_page = self.page_numbers()
        mode = self.text("mode")
        if mode is not None:
            if mode != "count":
                raise ApiError(400, f"Invalid value for mode: {_excerpt(mode)} (only 'count')")
            pages = math.ceil(len(kept) / per_page)
            return self.ok({"record_count": len(kept), "page_count": pages})
        direction = (self.text("dir") or "asc").lower()
        if direction not in ("asc", "desc"):
            raise ApiError(400, f"Invalid value for dir: {_excerpt(direction)} (asc or desc)")
        kept.sort(key=lambda item: int(item["id"]), reverse=direction == "desc")
        chunk = kept[(page - 1) * per_page : page * per_page]
        return self.ok([shape(item) for item in chunk] if shape else chunk)


Handler = Callable[[Ctx], Awaitable[web.StreamResponse]]

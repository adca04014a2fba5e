"""What Trackops handlers share: its error shape, its rules for query values, filters, listing.

A handler receives a :class:`Ctx` (the kit's :class:`~common.testing.RequestContext` with
Trackops's :data:`RULES`) and answers with :meth:`Ctx.ok` or :meth:`Ctx.listing`, or raises
the kit's :class:`~common.testing.Refusal`. Error bodies are not documented by Trackops; the
emulator answers ``{"error": "<message>"}``, plus ``"errors": {field: [messages]}`` on a 422
(:func:`render_refusal`, which the kit's own errors go through too: its 429, ``Fault.status``).

Listing (Trackops's PHP client): ``page`` (from 1), ``per_page`` (default :data:`PER_PAGE`, at
most :data:`MAX_PER_PAGE`; neither is documented), ``dir`` (``asc``|``desc``, by id; default
``asc``); the body is a bare JSON array and a page shorter than ``per_page`` is the last.
``mode=count`` answers ``{"record_count", "page_count"}`` for the same filters instead.
A listing refuses, with a 400, any query parameter its article does not list
(:data:`PAGING_PARAMS` aside): a misspelt or misplaced filter is an error here, never a
silently unfiltered answer (the live API's behaviour is undocumented).

Malformed input is always a 4xx, never a 5xx: ids too long to be numbers are 404s, a body that
is not strict JSON (``NaN``, a number beyond a double, nested deeper than the kit's 64 levels)
is a 400, and out-of-range dates are refused like any other bad date.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import attrs
from aiohttp import web

from caseupdates_async.emulator._store import Json, TrackopsData
from caseupdates_async.emulator._time import format_date, format_timestamp, parse_moment
from common.testing.context import Flaw, QueryRules, RequestContext, boolean_words, excerpt
from common.testing.errors import Refusal, json_error_renderer
from common.testing.paging import page_count, page_number_array

if TYPE_CHECKING:  # named in a string: Ctx's base
    from caseupdates_async.emulator import TrackopsEmulator  # noqa: F401

__all__ = [
    "MAX_PER_PAGE",
    "PAGING_PARAMS",
    "PER_PAGE",
    "RULES",
    "Ctx",
    "F",
    "Filter",
    "Handler",
    "error_body",
    "render_refusal",
]

#: ``per_page`` when none is given (undocumented; a choice).
PER_PAGE = 25
#: The largest ``per_page`` accepted; more is a 400 (undocumented; Trackops's example uses 100).
MAX_PER_PAGE = 100
#: The query parameters every listing takes besides its filters.
PAGING_PARAMS: frozenset[str] = frozenset({"page", "per_page", "dir", "mode"})

#: Flags as Trackops's PHP reads them (blanks ignored): 1/0, true/false, yes/no, y/n.
parse_flag = boolean_words(("1", "true", "yes", "y"), ("0", "false", "no", "n"), strip=True)


def error_body(message: str, *, errors: dict[str, list[str]] | None = None) -> Json:
    """The emulator's error body (Trackops does not document one)."""
    body: Json = {"error": message}
    if errors:
        body["errors"] = errors
    return body


#: Any refusal (a handler's, a malformed request's, the kit's 429 or fault) as
#: ``{"error"[, "errors"]}``.
render_refusal = json_error_renderer(lambda error: error_body(error.message, errors=error.errors))

#: How Trackops reads query values: names as sent, ASCII integers, PHP-ish flags.
RULES = QueryRules(
    boolean=parse_flag,
    wording={
        Flaw.NOT_FOUND: "{what} {excerpt} not found",
        Flaw.NOT_INTEGER: "Invalid value for {name}: {excerpt} (integer)",
        Flaw.NOT_BOOLEAN: "Invalid value for {name}: {excerpt} (boolean)",
    },
)


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
        raise Refusal(
            400,
            f"Invalid value for {param}: {excerpt(raw)} "
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
        wanted = RULES.integer(raw)
        if wanted is None:
            raise Refusal(400, f"Invalid value for {spec.param}: {excerpt(raw)} (integer)")
        return lambda value: value == wanted
    if kind is Kind.BOOL:
        flag = parse_flag(raw)
        if flag is None:
            raise Refusal(400, f"Invalid value for {spec.param}: {excerpt(raw)} (boolean)")
        return lambda value: bool(value) is flag
    if kind is Kind.TEXT:
        folded = raw.casefold()
        return lambda value: isinstance(value, str) and value.casefold() == folded
    bound = _bound(spec.param, raw, kind)
    if kind in (Kind.SINCE, Kind.DAY_SINCE):
        return lambda value: isinstance(value, str) and value[: len(bound)] >= bound
    return lambda value: isinstance(value, str) and value[: len(bound)] <= bound


@attrs.define(eq=False)
class Ctx(RequestContext["TrackopsEmulator", TrackopsData]):
    """What a handler gets: the request, the emulator, its data, path parameters, the query."""

    rules: ClassVar[QueryRules] = RULES

    def only(self, accepted: Iterable[str]) -> None:
        """400 unless every query parameter sent is in *accepted*."""
        unknown = sorted(set(self.request.query) - set(accepted))
        if unknown:
            names = ", ".join(excerpt(name) for name in unknown[:5])
            raise Refusal(400, f"Unknown query parameter(s): {names}")

    async def body(self, wrapper: str | None) -> Json:
        """The JSON object sent, unwrapped from ``{wrapper: {...}}`` when *wrapper* is given."""
        parsed = await self.json(empty=None)
        if wrapper is not None:
            if not isinstance(parsed, dict) or not isinstance(parsed.get(wrapper), dict):
                raise Refusal(400, f'The body must be a JSON object nested under "{wrapper}"')
            parsed = parsed[wrapper]
        if not isinstance(parsed, dict):
            raise Refusal(400, "The body must be a JSON object")
        return parsed

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
            raise Refusal(400, "page must be 1 or more")
        if not 1 <= per_page <= MAX_PER_PAGE:
            raise Refusal(400, f"per_page must be between 1 and {MAX_PER_PAGE}")
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
                raise Refusal(400, f"Invalid value for mode: {excerpt(mode)} (only 'count')")
            pages = page_count(len(kept), per_page)
            return self.ok({"record_count": len(kept), "page_count": pages})
        direction = (self.text("dir") or "asc").lower()
        if direction not in ("asc", "desc"):
            raise Refusal(400, f"Invalid value for dir: {excerpt(direction)} (asc or desc)")
        kept.sort(key=lambda item: int(item["id"]), reverse=direction == "desc")
        return self.ok(page_number_array(kept, page, per_page, shape))


Handler = Callable[[Ctx], Awaitable[web.StreamResponse]]

"""What Amilia handlers share: its error shape, its rules for query values, v3 paging.

A handler receives a :class:`Ctx` (the kit's :class:`~common.testing.RequestContext` with
Amilia's :data:`RULES`: query names in any case, as ASP.NET binds them, and the language of the
path) and answers with :meth:`Ctx.ok` or :meth:`Ctx.paged`, or raises the kit's
:class:`~common.testing.Refusal`, which the server answers as ``{"Message",
"TransactionId"[, "Errors"]}`` (:func:`render_refusal`; the kit's own 429 and faults too).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import attrs
from aiohttp import web

from amilia_async.emulator._store import AmiliaData, Json, localize
from common.testing.context import ASPNET_RULES, Flaw, QueryRules, RequestContext, aspnet_int32
from common.testing.errors import Refusal, json_error_renderer
from common.testing.paging import next_url_envelope

if TYPE_CHECKING:  # named in a string: Ctx's base
    from amilia_async.emulator import AmiliaEmulator  # noqa: F401

__all__ = [
    "RULES",
    "Ctx",
    "Handler",
    "error_body",
    "lister",
    "local_day",
    "render_refusal",
    "within",
]

V3_PER_PAGE = 200
#: A numeric id in a path: ASCII digits only (a route segment is matched as it is), 32 bits.
_ID = re.compile(r"[0-9]{1,10}")


def error_body(message: str, *, errors: Json | None = None) -> Json:
    """Amilia's error body, with a fresh transaction id."""
    body: Json = {"Message": message, "TransactionId": str(uuid.uuid4())}
    if errors:
        body["Errors"] = errors
    return body


#: Any refusal (a handler's, a malformed request's, the kit's 429 or fault) in Amilia's shape.
render_refusal = json_error_renderer(lambda error: error_body(error.message, errors=error.errors))


def _identifier(raw: str) -> int | None:
    """An id in the path: ASCII digits that fit 32 bits (anything else matches no route
    constraint, hence no resource)."""
    return aspnet_int32(raw) if _ID.fullmatch(raw) else None


#: How Amilia reads query values: as ASP.NET binds them (names in any case, 32-bit integers,
#: ``true``/``false``), dates ``YYYY-MM-DD``.
RULES = attrs.evolve(
    ASPNET_RULES,
    identifier=_identifier,
    wording={
        Flaw.NOT_FOUND: "{what} '{raw}' was not found.",
        Flaw.OUT_OF_RANGE: "{name} must be at least {minimum}.",
        Flaw.REVERSED: "'{name}' must not be after '{other}'.",
        Flaw.NOT_DATE: "The value '{raw}' is not valid for {name} (YYYY-MM-DD).",
        Flaw.NOT_INTEGER: "The value '{raw}' is not valid for {name}.",
        Flaw.NOT_BOOLEAN: "The value '{raw}' is not valid for {name}.",
    },
)


@attrs.define(eq=False)
class Ctx(RequestContext["AmiliaEmulator", AmiliaData]):
    """What a handler gets: the request, the emulator, its data, the language, path parameters,
    the query."""

    rules: ClassVar[QueryRules] = RULES

    #: ``en`` or ``fr``: the language answers are localized in.
    language: str = attrs.field(kw_only=True)

    def day_window(self, low: str, high: str) -> tuple[dt.date, dt.date]:
        """Events/access scans: both omitted = today; one omitted = that one day."""
        start, end = self.date_range(low, high)
        start = start or end or self.data.today
        return start, end or start

    def ok(self, body: Any, status: int = 200) -> web.Response:
        """*body* localized in :attr:`language`, as JSON."""
        return web.json_response(localize(body, self.language), status=status)

    async def body(self) -> Json:
        """The request body as a JSON object, else 400 (what Amilia calls "Parameters or their
        format are invalid"): empty, not strict UTF-8 JSON, nested past 64 levels, or JSON but
        not an object."""
        body = await self.json(empty=None)
        if not isinstance(body, dict):
            raise Refusal(400, "The request body must be a JSON object.")
        return body

    def page_numbers(self) -> tuple[int, int]:
        """The ``page`` (from 1) and ``perPage`` (200 by default) asked for."""
        page = self.integer("page", 1, minimum=1)
        per_page = self.integer("perPage", V3_PER_PAGE, minimum=1)
        return page, per_page

    def paged(
        self, items: Sequence[Json], shape: Callable[[Json], Json] | None = None
    ) -> web.Response:
        """A v3 page: ``{"Items": [...], "Paging": {"TotalCount", "Next"}}``."""
        page, per_page = self.page_numbers()
        return self.ok(
            next_url_envelope(items, page, per_page, next_url=self._page_url, shape=shape)
        )

    def _page_url(self, page: int) -> str:
        return self.url_with("page", page)


def local_day(stamp: str) -> dt.date:
    return dt.date.fromisoformat(stamp[:10])


def within(day: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    return (start is None or day >= start) and (end is None or day <= end)


Handler = Callable[[Ctx], Awaitable[web.StreamResponse]]


def lister(attribute: str) -> Handler:
    """A handler paging through every item of the store's collection *attribute*."""

    async def handler(ctx: Ctx) -> web.StreamResponse:
        collection: dict[int, Json] = getattr(ctx.data, attribute)
        return ctx.paged(list(collection.values()))

    handler.__name__ = f"list_{attribute}"
    return handler

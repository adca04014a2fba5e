"""What every handler shares: Amilia's error body, the request context, v3 paging.

A handler receives a :class:`Ctx` (the request, the emulator, the path parameters and the
query, its names lower-cased) and answers with :meth:`Ctx.ok` or :meth:`Ctx.paged`, or raises
:class:`ApiError`, which the app answers as ``{"Message", "TransactionId"[, "Errors"]}``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any

import attrs
from aiohttp import web

from amilia_async.emulator._store import AmiliaData, Json, localize

if TYPE_CHECKING:
    from amilia_async.emulator import AmiliaEmulator

__all__ = [
    "ApiError",
    "Ctx",
    "Handler",
    "error_body",
    "error_response",
    "lister",
    "local_day",
    "parse_int32",
    "read_json_object",
    "with_param",
    "within",
]

V3_PER_PAGE = 200
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: What ASP.NET binds to an ``int`` query value: optional blanks and sign, ASCII digits (no
#: ``1_0``, no other scripts' digits, no decimals), within 32 bits. Anything else does not bind.
_INT = re.compile(r"[ \t\n\v\f\r]*[+-]?[0-9]{1,10}[ \t\n\v\f\r]*")
#: A numeric id in a path: ASCII digits only (a route segment is matched as it is).
_ID = re.compile(r"[0-9]{1,10}")
INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1


class ApiError(Exception):
    """Raised by handlers; answered as ``{"Message", "TransactionId"[, "Errors"]}``."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        errors: Json | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.message, self.errors, self.headers = status, message, errors, headers


def error_body(message: str, *, errors: Json | None = None) -> Json:
    """Amilia's error body, with a fresh transaction id."""
    body: Json = {"Message": message, "TransactionId": str(uuid.uuid4())}
    if errors:
        body["Errors"] = errors
    return body


def error_response(error: ApiError) -> web.Response:
    body = error_body(error.message, errors=error.errors)
    return web.json_response(body, status=error.status, headers=error.headers)


@attrs.define
class Ctx:
    """What a handler gets: the request, the emulator, path parameters and parsed query."""

    request: web.Request
    emulator: AmiliaEmulator
    language: str
    params: dict[str, str]
    query: dict[str, str]  # lower-cased names, first value

    @property
    def data(self) -> AmiliaData:
        return self.emulator.data

    def text(self, name: str) -> str | None:
        return self.query.get(name.lower())

    def flag(self, name: str, default: bool = False) -> bool:
        raw = self.text(name)
        if raw is None or raw == "":
            return default
        if raw.lower() in ("true", "false"):
            return raw.lower() == "true"
        raise ApiError(400, f"The value '{raw}' is not valid for {name}.")

    def integer(self, name: str, default: int | None, *, minimum: int | None = None) -> int | None:
        raw = self.text(name)
        if raw is None or raw == "":
            return default
        value = parse_int32(raw)
        if value is None:
            raise ApiError(400, f"The value '{raw}' is not valid for {name}.")
        if minimum is not None and value < minimum:
            raise ApiError(400, f"{name} must be at least {minimum}.")
        return value

    def date(self, name: str) -> dt.date | None:
        raw = self.text(name)
        if raw is None or raw == "":
            return None
        try:
            if not _DATE.fullmatch(raw):
                raise ValueError(raw)
            return dt.date.fromisoformat(raw)
        except ValueError:
            raise ApiError(
                400, f"The value '{raw}' is not valid for {name} (YYYY-MM-DD)."
            ) from None

    def date_range(self, low: str, high: str) -> tuple[dt.date | None, dt.date | None]:
        start, end = self.date(low), self.date(high)
        if start and end and start > end:
            raise ApiError(400, f"'{low}' must not be after '{high}'.")
        return start, end

    def day_window(self, low: str, high: str) -> tuple[dt.date, dt.date]:
        """Events/access scans: both omitted = today; one omitted = that one day."""
        start, end = self.date_range(low, high)
        start = start or end or self.data.today
        return start, end or start

    def id(self, what: str, collection: dict[int, Any]) -> int:
        """The ``{id}`` path parameter naming an item of *collection*; 404 otherwise (an id
        that is not a 32-bit number matches no route constraint, hence no resource)."""
        raw = self.params["id"]
        key = parse_int32(raw) if _ID.fullmatch(raw) else None
        if key is None or key not in collection:
            raise ApiError(404, f"{what} '{raw}' was not found.")
        return key

    def ok(self, body: Any, status: int = 200) -> web.Response:
        return web.json_response(localize(body, self.language), status=status)

    def page_numbers(self) -> tuple[int, int]:
        """The ``page`` (from 1) and ``perPage`` (200 by default) asked for."""
        page = self.integer("page", 1, minimum=1) or 1
        per_page = self.integer("perPage", V3_PER_PAGE, minimum=1) or V3_PER_PAGE
        return page, per_page

    def paged(
        self, items: Sequence[Json], shape: Callable[[Json], Json] | None = None
    ) -> web.Response:
        """A v3 page: ``{"Items": [...], "Paging": {"TotalCount", "Next"}}``."""
        page, per_page = self.page_numbers()
        first = (page - 1) * per_page
        chunk = items[first : first + per_page]
        more = first + per_page < len(items)
        return self.ok(
            {
                "Items": [shape(item) for item in chunk] if shape else list(chunk),
                "Paging": {
                    "TotalCount": len(items),
                    "Next": with_param(self.request, "page", page + 1) if more else None,
                },
            }
        )


def parse_int32(raw: str) -> int | None:
    """*raw* as a 32-bit integer the way ASP.NET binds one, else ``None``."""
    if not _INT.fullmatch(raw):
        return None
    value = int(raw)
    return value if INT32_MIN <= value <= INT32_MAX else None


async def read_json_object(request: web.Request) -> Json:
    """The request body as a JSON object, or :class:`ApiError` 400: a body that is empty, not
    UTF-8 JSON, nested past the parser's depth, or JSON but not an object (an array, a
    string...) is what Amilia calls "Parameters or their format are invalid"."""
    raw = await request.read()
    try:
        body = json.loads(raw or b"null")
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        raise ApiError(400, "The request body is not valid JSON.") from None
    if not isinstance(body, dict):
        raise ApiError(400, "The request body must be a JSON object.")
    return body


def with_param(request: web.Request, name: str, value: int) -> str:
    """The request's absolute URL with query parameter *name* (any case) set to *value*."""
    kept = [(k, v) for k, v in request.url.query.items() if k.lower() != name.lower()]
    return str(request.url.with_query([*kept, (name, str(value))]))


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

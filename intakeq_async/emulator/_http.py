"""What every handler shares: errors, the request context, query parsing, IntakeQ paging.

A handler receives a :class:`Ctx` (the request, the emulator, the path parameters and the
query, its names lower-cased as ASP.NET binds them) and answers with :meth:`Ctx.ok`,
:meth:`Ctx.paged`, :meth:`Ctx.empty` or :meth:`Ctx.binary`, or raises :class:`ApiError`.

IntakeQ does not document its error bodies (its own client reads them as text), so every
error here is ``text/plain``: ``Unauthorized``, ``Too Many Requests``, or a one-line message.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import attrs
from aiohttp import web

from intakeq_async.emulator._store import IntakeQData, Json, day_end_ms, day_start_ms

if TYPE_CHECKING:
    from intakeq_async.emulator import IntakeQEmulator

__all__ = [
    "PAGE_SIZE",
    "ApiError",
    "Ctx",
    "Handler",
    "content_disposition",
    "error_response",
    "in_range",
    "matches_text",
]

#: Query endpoints answer at most this many records per page.
PAGE_SIZE = 100
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class ApiError(Exception):
    """Raised by handlers; answered as a ``text/plain`` body holding the message."""

    def __init__(self, status: int, message: str, *, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers


def error_response(error: ApiError) -> web.Response:
    return web.Response(
        status=error.status, text=error.message, content_type="text/plain", headers=error.headers
    )


def content_disposition(filename: str) -> str:
    """``attachment; filename="..."`` (plus ``filename*`` for a name that is not ASCII)."""
    fallback = filename.encode("ascii", "replace").decode("ascii")
    fallback = fallback.replace("\\", "\\\\").replace('"', '\\"')
    value = f'attachment; filename="{fallback}"'
    if fallback != filename:
        value += f"; filename*=UTF-8''{quote(filename, safe='')}"
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
        try:
            return int(raw)
        except ValueError:
            raise ApiError(400, f"The value '{raw}' is not valid for {name}.") from None

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
        """``custom[fieldId]=value`` (or ``custom.fieldId=value``) parameters: field id -> value."""
        found: dict[str, str] = {}
        for key, value in self.request.query.items():
            match = re.fullmatch(r"custom(?:\[(.+)\]|\.(.+))", key, flags=re.IGNORECASE)
            if match:
                found.setdefault(match.group(1) or match.group(2), value)
        return found

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

    async def body(self) -> Json:
        """The JSON object sent, else 400."""
        raw = await self.request.read()
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            raise ApiError(400, "The request body is not valid JSON.") from None
        if not isinstance(parsed, dict):
            raise ApiError(400, "The request body must be a JSON object.")
        return parsed

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

"""What every handler shares: errors, the request context, query parsing, the two envelopes.

A handler receives a :class:`Ctx` and answers with :meth:`Ctx.ok`, :meth:`Ctx.paginated`,
:meth:`Ctx.created` or :meth:`Ctx.no_content`, or raises :class:`ApiError`. Error bodies follow
the spec's ``components.responses``: ``{"error": ...}`` for 401/404 (and 410/423),
``{"message": ...}`` for 403/405/500, ``{"<dot.path>": ["message", ...]}`` for 422.
"""

from __future__ import annotations

import json
import math
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

import attrs
from aiohttp import web

from amiqus_async.emulator._inferred import (
    limit_message,
    page_message,
    repeated_message,
    required_message,
)
from amiqus_async.emulator._store import AmiqusData
from amiqus_async.emulator._wire import Json, format_stamp, parse_stamp
from common.testing import BadRequest

if TYPE_CHECKING:
    from amiqus_async.emulator import AmiqusEmulator

__all__ = [
    "API_PREFIX",
    "ApiError",
    "Ctx",
    "Handler",
    "error_response",
    "invalid",
    "list_envelope",
    "render_bad_request",
    "too_large_page",
]

API_PREFIX = "/api/v2"

DEFAULT_LIMIT = 25  # spec components.parameters.limit default
MAX_LIMIT = 100  # spec components.parameters.limit maximum


class ApiError(Exception):
    """Raised by handlers; answered with *body* (JSON) and *status*."""

    def __init__(self, status: int, body: Json, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(status, body)
        self.status, self.body, self.headers = status, body, headers

    @classmethod
    def not_found(cls, message: str) -> ApiError:
        return cls(404, {"error": message})


def invalid(errors: dict[str, list[str]]) -> NoReturn:
    """Raise a 422 with field errors (keys are dot-notated paths into the body or the
    query parameter's name)."""
    raise ApiError(422, dict(errors))


def error_response(error: ApiError) -> web.Response:
    return web.json_response(error.body, status=error.status, headers=error.headers)


def list_envelope(items: Sequence[Json], url: str, *, limit: int = MAX_LIMIT) -> Json:
    """The spec's ``list`` object: not paged by page number; ``has_more`` says whether more
    than ``limit`` exist and ``url`` is where the whole list lives."""
    shown = list(items[:limit])
    return {
        "object": "list",
        "data": shown,
        "total": len(items),
        "count": len(shown),
        "limit": limit,
        "has_more": len(items) > limit,
        "url": url,
    }


@attrs.define(eq=False)
class Ctx:
    """What a handler gets: the request, the emulator, the path parameters, the operation."""

    request: web.Request
    emulator: AmiqusEmulator
    operation: str
    params: dict[str, str]

    @property
    def data(self) -> AmiqusData:
        return self.emulator.data

    # -- URLs ----------------------------------------------------------------------------

    @property
    def base(self) -> str:
        """The API's absolute base URL as the client reached it (``http://host:port/api/v2``)."""
        return f"{self.request.scheme}://{self.request.host}{self.emulator.api_prefix}"

    def url(self, path: str) -> str:
        return self.base + path

    # -- path parameters -----------------------------------------------------------------

    def key(self, name: str, collection: dict[int, Json], missing: str) -> int:
        """The integer path parameter *name*, which must be a key of *collection* (else 404
        with ``{"error": missing}``)."""
        raw = self.params[name]
        try:
            value = int(raw)
        except ValueError:
            raise ApiError.not_found(missing) from None
        if value not in collection:
            raise ApiError.not_found(missing)
        return value

    # -- query ---------------------------------------------------------------------------

    def text(self, name: str) -> str | None:
        value = self.request.query.get(name)
        return None if value is None or value == "" else value

    def choice(self, name: str, allowed: Iterable[str]) -> str | None:
        value = self.text(name)
        options = tuple(allowed)
        if value is not None and value not in options:
            invalid({name: [f"The selected {name} is invalid."]})
        return value

    def integer(self, name: str) -> int | None:
        value = self.text(name)
        if value is None:
            return None
        try:
            return int(value)
        except ValueError:
            invalid({name: [f"The {name} must be an integer."]})

    def boolean(self, name: str) -> bool | None:
        value = self.text(name)
        if value is None:
            return None
        if value.lower() in ("1", "true"):
            return True
        if value.lower() in ("0", "false"):
            return False
        invalid({name: [f"The {name} field must be true or false."]})

    def member_or_false(self, name: str) -> int | bool | None:
        """``assignee=<team member id>`` or ``assignee=false`` (unassigned)."""
        value = self.text(name)
        if value is None:
            return None
        if value.lower() == "false":
            return False
        return self.integer(name)

    def moment(self, name: str) -> str | None:
        """A date-time filter, normalised to the wire format for string comparison."""
        value = self.text(name)
        if value is None:
            return None
        parsed = parse_stamp(value)
        if parsed is None:
            invalid({name: [f"The {name} must be a valid date-time (YYYY-MM-DDTHH:MM:SSZ)."]})
        return format_stamp(parsed)

    def joined(self, name: str) -> list[str]:
        """An array parameter the spec sends unexploded (``explode: false``): one
        comma-separated value, ``status=a,b``; given more than once -> 422 (inferred, see
        :func:`~amiqus_async.emulator._inferred.repeated_message`)."""
        raw = self.request.query.getall(name, [])
        if len(raw) > 1:
            invalid({name: [repeated_message(name)]})
        return [part.strip() for value in raw for part in value.split(",") if part.strip()]

    def expand(self, allowed: Sequence[str], *, explode: bool = False) -> frozenset[str]:
        """The ``expand`` values, each one of *allowed* (else 422, as in the
        expandable-properties guide: ``{"expand": ["The expand parameter must be one of:
        causer"]}``). Comma-separated (``explode: false``, most operations), or the key once
        per value where the spec leaves ``explode`` at its default (*explode*)."""
        if explode:
            raw = self.request.query.getall("expand", [])
            wanted = {value.strip() for value in raw if value.strip()}
        else:
            wanted = set(self.joined("expand"))
        if wanted - set(allowed):
            invalid({"expand": [f"The expand parameter must be one of: {', '.join(allowed)}"]})
        return frozenset(wanted)

    def page_args(self) -> tuple[int, int]:
        """``page`` (from 1) and ``limit`` (25 by default, 1..100); out of range -> 422."""
        page = self.integer("page")
        limit = self.integer("limit")
        errors: dict[str, list[str]] = {}
        if page is not None and page < 1:
            errors["page"] = [page_message()]
        if limit is not None and not 1 <= limit <= MAX_LIMIT:
            errors["limit"] = [limit_message(1, MAX_LIMIT)]
        if errors:
            invalid(errors)
        return page or 1, limit or DEFAULT_LIMIT

    @staticmethod
    def sort(
        items: list[Json], key: str | None, order: str | None, default: str = "id"
    ) -> list[Json]:
        """Sort by a dotted *key* (``name.last_name``), nulls first; ``order=desc`` reverses."""
        path = (key or default).split(".")

        def value(item: Json) -> tuple[int, Any]:
            current: Any = item
            for part in path:
                current = current.get(part) if isinstance(current, dict) else None
            return (0, "") if current is None else (1, current)

        return sorted(items, key=value, reverse=order == "desc")

    # -- bodies --------------------------------------------------------------------------

    async def json_body(self) -> Any:
        """The JSON body (``None`` when empty); not JSON -> 422. Strict JSON: no ``NaN`` or
        ``Infinity``, no number past a double (``1e400``), nesting bounded by Python's own
        recursion limit (deeper is refused, not a crash)."""
        raw = await self.request.read()
        if not raw.strip():
            return None
        try:
            return json.loads(raw, parse_constant=_no_constant, parse_float=_finite)
        except (ValueError, UnicodeDecodeError, RecursionError):
            invalid({"body": ["The request body must be valid JSON."]})

    async def json_object(self, *, min_properties: int = 0) -> Json:
        body = await self.json_body()
        if body is None:
            body = {}
        if not isinstance(body, dict):
            invalid({"body": ["The request body must be a JSON object."]})
        if len(body) < min_properties:
            invalid({"errors": ["At least one property is required"]})
        return body

    # -- answers -------------------------------------------------------------------------

    def ok(self, body: Any, status: int = 200) -> web.Response:
        return web.json_response(body, status=status)

    def created(self, body: Any) -> web.Response:
        return web.json_response(body, status=201)

    def no_content(self) -> web.Response:
        return web.Response(status=204)

    def paginated(self, items: Sequence[Json], render: Callable[[Json], Json]) -> web.Response:
        """A ``paginated_list`` page of *items* (each passed through *render*)."""
        page, limit = self.page_args()
        total = len(items)
        total_pages = max(1, math.ceil(total / limit))
        chunk = items[(page - 1) * limit : page * limit]
        links = None
        if total_pages > 1:
            links = {
                "next": self._page_url(page + 1) if page < total_pages else None,
                "previous": self._page_url(min(page - 1, total_pages)) if page > 1 else None,
            }
        return self.ok(
            {
                "object": "paginated_list",
                "data": [render(item) for item in chunk],
                "total": total,
                "count": len(chunk),
                "limit": limit,
                "current_page": page,
                "total_pages": total_pages,
                "links": links,
            }
        )

    def _page_url(self, page: int) -> str:
        """This request's absolute URL with ``page`` set (every other parameter kept)."""
        url = self.request.url.update_query({"page": str(page)})
        return f"{self.request.scheme}://{self.request.host}{url.raw_path_qs}"


Handler = Callable[[Ctx], Awaitable[web.StreamResponse]]


def render_bad_request(request: web.Request, error: BadRequest) -> web.StreamResponse:
    """Malformed input the kit refused (a body that does not parse...), the Amiqus way.

    Inferred (the guides: 422 "suggests that the request payload body and/or query parameters
    may contain missing fields or invalid data"): under the API, 422 with the errors map
    ``{"<field or body>": [message]}``, or the spec's ``text/html`` 413 for a body too large;
    at the OAuth endpoints, RFC 6749's ``invalid_request`` (400).
    """
    path = request.rel_url.raw_path
    if not path.startswith(API_PREFIX + "/"):
        body = {"error": "invalid_request", "error_description": error.message}
        return web.json_response({**body, "message": error.message}, status=400)
    if error.status == 413:
        return too_large_page()
    return web.json_response({error.field or "body": [error.message]}, status=422)


def too_large_page(limit: int | None = None) -> web.Response:
    """The spec's 413: an HTML page (from the web server in front of the API)."""
    note = "" if limit is None else f"<!-- limit {limit} bytes -->"
    page = (
        "<html><head><title>413 Request Entity Too Large</title></head><body><center>"
        "<h1>413 Request Entity Too Large</h1></center><hr><center>nginx</center>"
        f"{note}</body></html>"
    )
    return web.Response(status=413, text=page, content_type="text/html")


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is out of range")
    return value


def require(body: Json, *fields: str) -> None:
    """422 naming every missing field."""
    missing = {f: [required_message(f)] for f in fields if body.get(f) in (None, "")}
    if missing:
        invalid(missing)

"""What Amiqus handlers share: its error shapes, its rules for query values, the two envelopes.

A handler receives a :class:`Ctx` (the kit's :class:`~common.testing.RequestContext` with
Amiqus's :data:`RULES`, and the operation) and answers with :meth:`Ctx.ok`,
:meth:`Ctx.paginated`, :meth:`Ctx.created` or :meth:`Ctx.no_content`, or raises the kit's
:class:`~common.testing.Refusal` (:func:`invalid` for a 422). :func:`render_refusal` answers as
the spec's ``components.responses`` say: ``{"error": ...}`` for 401/404 (and 410/423),
``{"message": ...}`` for 403/405/500, ``{"<dot.path>": ["message", ...]}`` for 422.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, NoReturn

import attrs
from aiohttp import web

from amiqus_async.emulator._inferred import (
    limit_message,
    page_message,
    repeated_message,
    required_message,
)
from amiqus_async.emulator._store import AmiqusData
from amiqus_async.emulator._wire import Json, format_stamp
from common.testing.context import Flaw, QueryRules, RequestContext, python_integer
from common.testing.errors import BadRequest, Problem, Refusal, default_error_renderer
from common.testing.paging import paginated_list

if TYPE_CHECKING:  # named in a string: Ctx's base
    from amiqus_async.emulator import AmiqusEmulator  # noqa: F401

__all__ = [
    "API_PREFIX",
    "RULES",
    "Ctx",
    "Handler",
    "invalid",
    "list_envelope",
    "render_refusal",
    "too_large_page",
]

API_PREFIX = "/api/v2"

DEFAULT_LIMIT = 25  # spec components.parameters.limit default
MAX_LIMIT = 100  # spec components.parameters.limit maximum
#: The statuses whose spec body is ``{"error": ...}`` (the others' is ``{"message": ...}``).
_ERROR_KEYED = frozenset({401, 404, 410, 423})


def invalid(errors: dict[str, list[str]]) -> NoReturn:
    """Raise a 422 with field errors (keys are dot-notated paths into the body or the
    query parameter's name)."""
    raise Refusal(422, errors=errors)


def render_refusal(request: web.Request, error: Refusal) -> web.StreamResponse:
    """Any refusal the Amiqus way.

    Inferred for malformed input the kit refused (the guides: 422 "suggests that the request
    payload body and/or query parameters may contain missing fields or invalid data"): under
    the API, 422 with the errors map ``{"<field or body>": [message]}``, or the spec's
    ``text/html`` 413 for a body too large; at the OAuth endpoints, RFC 6749's
    ``invalid_request`` (400). A kit fault keeps the kit's body.
    """
    if error.problem is Problem.FAULT:
        return default_error_renderer(request, error)
    if isinstance(error, BadRequest):
        if not request.rel_url.raw_path.startswith(API_PREFIX + "/"):
            body = {"error": "invalid_request", "error_description": error.message}
            return web.json_response({**body, "message": error.message}, status=400)
        if error.status == 413:
            return too_large_page()
        return web.json_response({error.field or "body": [error.message]}, status=422)
    body = error.body
    if body is None:
        key = "error" if error.status in _ERROR_KEYED else "message"
        body = error.errors if error.errors is not None else {key: error.message}
    return web.json_response(body, status=error.status, headers=error.headers)


def too_large_page(limit: int | None = None) -> web.Response:
    """The spec's 413: an HTML page (from the web server in front of the API)."""
    note = "" if limit is None else f"<!-- limit {limit} bytes -->"
    page = (
        "<html><head><title>413 Request Entity Too Large</title></head><body><center>"
        "<h1>413 Request Entity Too Large</h1></center><hr><center>nginx</center>"
        f"{note}</body></html>"
    )
    return web.Response(status=413, text=page, content_type="text/html")


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


#: How Amiqus (Laravel) reads query values: names as sent, integers as PHP casts them,
#: 1/0/true/false, wire date-times; a value that does not parse is a 422 ``{name: [...]}``.
RULES = QueryRules(
    integer=python_integer,
    status=422,
    wording={
        Flaw.NOT_FOUND: "{what} not found",
        Flaw.NOT_INTEGER: "The {name} must be an integer.",
        Flaw.NOT_BOOLEAN: "The {name} field must be true or false.",
        Flaw.NOT_ALLOWED: "The selected {name} is invalid.",
        Flaw.NOT_DATETIME: "The {name} must be a valid date-time (YYYY-MM-DDTHH:MM:SSZ).",
    },
)


@attrs.define(eq=False)
class Ctx(RequestContext["AmiqusEmulator", AmiqusData]):
    """What a handler gets: the request, the emulator, its data, the path parameters, the
    operation."""

    rules: ClassVar[QueryRules] = RULES

    #: The spec's operationId.
    operation: str = attrs.field(kw_only=True)

    # -- URLs ----------------------------------------------------------------------------

    @property
    def base(self) -> str:
        """The API's absolute base URL as the client reached it (``http://host:port/api/v2``)."""
        return f"{self.origin}{self.emulator.api_prefix}"

    def url(self, path: str) -> str:
        """The absolute URL of *path* under the API."""
        return self.base + path

    # -- query ---------------------------------------------------------------------------

    def member_or_false(self, name: str) -> int | bool | None:
        """``assignee=<team member id>`` or ``assignee=false`` (unassigned)."""
        value = self.text(name)
        if value is not None and value.lower() == "false":
            return False
        return self.integer(name)

    def stamp(self, name: str) -> str | None:
        """A date-time filter, normalised to the wire format for string comparison."""
        moment = self.moment(name)
        return None if moment is None else format_stamp(moment)

    def joined(self, name: str) -> list[str]:
        """An array parameter the spec sends unexploded (``explode: false``): one
        comma-separated value, ``status=a,b``; given more than once -> 422 (inferred, see
        :func:`~amiqus_async.emulator._inferred.repeated_message`)."""
        raw = self.values(name)
        if len(raw) > 1:
            invalid({name: [repeated_message(name)]})
        return [part.strip() for value in raw for part in value.split(",") if part.strip()]

    def expand(self, allowed: Sequence[str], *, explode: bool = False) -> frozenset[str]:
        """The ``expand`` values, each one of *allowed* (else 422, as in the
        expandable-properties guide: ``{"expand": ["The expand parameter must be one of:
        causer"]}``). Comma-separated (``explode: false``, most operations), or the key once
        per value where the spec leaves ``explode`` at its default (*explode*)."""
        if explode:
            wanted = {value.strip() for value in self.values("expand") if value.strip()}
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

    async def body(self, *, min_properties: int = 0) -> Json:
        """The body as a JSON object (an empty body is ``{}``); strict JSON, else 422."""
        body = await self.json(empty=None)
        if body is None:
            body = {}
        if not isinstance(body, dict):
            invalid({"body": ["The request body must be a JSON object."]})
        if len(body) < min_properties:
            invalid({"errors": ["At least one property is required"]})
        return body

    # -- answers -------------------------------------------------------------------------

    def paginated(self, items: Sequence[Json], render: Callable[[Json], Json]) -> web.Response:
        """A ``paginated_list`` page of *items* (each passed through *render*)."""
        page, limit = self.page_args()
        return self.ok(paginated_list(items, page, limit, self.request, render))


Handler = Callable[[Ctx], Awaitable[web.StreamResponse]]


def require(body: Json, *fields: str) -> None:
    """422 naming every missing field."""
    missing = {f: [required_message(f)] for f in fields if body.get(f) in (None, "")}
    if missing:
        invalid(missing)

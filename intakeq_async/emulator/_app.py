"""The emulator's ``aiohttp.web`` app: key, quota, routing on the raw path, then the handler.

One catch-all route hands every request to :func:`_dispatch`. Under ``/api/v1`` it checks
``X-Auth-Key`` (401), spends one unit of the quota (429 with ``Retry-After``; refused requests
take no slot), then matches the route table case-insensitively, as ASP.NET does, preferring
literal segments (``/intakes/summary`` over ``/intakes/{id}``): 404 for an unknown path,
405 with ``Allow`` for a known path and another method.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import unquote

from aiohttp import web

from intakeq_async.emulator._auth import check_key, spend_quota
from intakeq_async.emulator._http import ApiError, Ctx, error_response
from intakeq_async.emulator._routes import API_PREFIX, ROUTES, literal_count, match_route

if TYPE_CHECKING:
    from intakeq_async.emulator import IntakeQEmulator

__all__ = ["create_app"]

_PREFIX = API_PREFIX.strip("/").split("/")


def create_app(emulator: IntakeQEmulator) -> web.Application:
    """A fresh app serving *emulator*'s state (build one per server: apps start only once)."""

    async def dispatch(request: web.Request) -> web.StreamResponse:
        try:
            return await _dispatch(request, emulator)
        except ApiError as error:
            return error_response(error)

    app = web.Application(client_max_size=64 * 1024**2)
    app.router.add_route("*", "/{tail:.*}", dispatch)
    return app


async def _dispatch(request: web.Request, emulator: IntakeQEmulator) -> web.StreamResponse:
    raw = request.rel_url.raw_path.split("/")[1:]
    if raw and raw[-1] == "":
        raw.pop()  # a trailing slash
    segments = [unquote(part) for part in raw]
    if [s.lower() for s in segments[: len(_PREFIX)]] != _PREFIX:
        raise ApiError(404, "Not Found")
    check_key(request, emulator)
    spend_quota(emulator)
    rest = segments[len(_PREFIX) :]
    candidates = [
        (method, template, handler, params)
        for method, template, handler in ROUTES
        if (params := match_route(template, rest)) is not None
    ]
    if not candidates:
        raise ApiError(404, "Not Found")
    chosen = [c for c in candidates if c[0] == request.method]
    if not chosen:
        allowed = ", ".join(sorted({c[0] for c in candidates}))
        raise ApiError(405, "Method Not Allowed", headers={"Allow": allowed})
    _, _, handler, params = max(chosen, key=lambda c: literal_count(c[1]))
    query: dict[str, str] = {}
    for key, value in request.query.items():
        query.setdefault(key.lower(), value)
    return await handler(Ctx(request, emulator, params, query))

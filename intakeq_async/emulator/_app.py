"""The emulator's ``aiohttp.web`` app: key, quota, routing on the raw path, then the handler.

One catch-all route hands every request to :func:`_dispatch`. Under ``/api/v1`` it checks
``X-Auth-Key`` (401), spends one unit of the quota (429 with ``Retry-After``; refused requests
take no slot), then matches the route table the way ASP.NET does (the kit's
:class:`~common.testing.RouteTable`: any case, literal segments first): 404 for an unknown
path, 405 with ``Allow`` for a known path and another method.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from common.testing import Refusal, RouteTable, raw_segments
from intakeq_async.emulator._auth import check_key, spend_quota
from intakeq_async.emulator._http import Ctx, Handler
from intakeq_async.emulator._routes import API_PREFIX, ROUTES

if TYPE_CHECKING:
    from intakeq_async.emulator import IntakeQEmulator

__all__ = ["create_app"]

_PREFIX = API_PREFIX.strip("/").split("/")
_TABLE: RouteTable[Handler] = RouteTable(ROUTES)


def create_app(emulator: IntakeQEmulator) -> web.Application:
    """A fresh app serving *emulator*'s state (build one per server: apps start only once)."""

    async def dispatch(request: web.Request) -> web.StreamResponse:
        return await _dispatch(request, emulator)

    app = web.Application(client_max_size=64 * 1024**2)
    app.router.add_route("*", "/{tail:.*}", dispatch)
    return app


async def _dispatch(request: web.Request, emulator: IntakeQEmulator) -> web.StreamResponse:
    segments = raw_segments(request)
    if [s.lower() for s in segments[: len(_PREFIX)]] != _PREFIX:
        raise Refusal(404, "Not Found")
    check_key(request, emulator)
    spend_quota(emulator)
    found = _TABLE.match(request.method, segments[len(_PREFIX) :])
    if found.handler is None:
        if found.allowed:
            raise Refusal(405, "Method Not Allowed", headers=found.allow_header)
        raise Refusal(404, "Not Found")
    return await found.handler(Ctx(request, emulator, params=found.params))

"""The emulator's ``aiohttp.web`` app: routing on the raw path, then the handler.

One catch-all route hands every request to :func:`_dispatch`, which splits the *raw* path
(so an organization id holding an encoded ``/`` still arrives in one piece), matches the
route table (the kit's :class:`~common.testing.RouteTable`: any case, as ASP.NET does), then
checks the bearer token and the organization before calling the handler. The route table is in
:mod:`~amilia_async.emulator._routes`, the v2 public API in :mod:`~amilia_async.emulator._v2`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from amilia_async.emulator._auth import (
    AUTHENTICATE_METHOD,
    authenticate,
    check_credentials,
    check_organization,
)
from amilia_async.emulator._http import Ctx, Handler
from amilia_async.emulator._routes import ROUTES
from amilia_async.emulator._v2 import V2_ROUTES
from common.testing import Refusal, RouteTable, raw_segments

if TYPE_CHECKING:
    from amilia_async.emulator import AmiliaEmulator

__all__ = ["create_app"]

LANGUAGES = ("en", "fr")
_TABLE: RouteTable[Handler] = RouteTable(ROUTES)


def create_app(emulator: AmiliaEmulator) -> web.Application:
    """A fresh app serving *emulator*'s state (build one per server: apps start only once)."""

    async def dispatch(request: web.Request) -> web.StreamResponse:
        return await _dispatch(request, emulator)

    app = web.Application()
    app.router.add_route("*", r"/{tail:[\s\S]*}", dispatch)  # any path, CR/LF included
    return app


def _not_found(request: web.Request) -> Refusal:
    return Refusal(404, f"No HTTP resource was found that matches the request URI '{request.url}'.")


def _method_not_allowed(request: web.Request, allowed: set[str] | frozenset[str]) -> Refusal:
    message = f"The requested resource does not support http method '{request.method}'."
    return Refusal(405, message, headers={"Allow": ", ".join(sorted(allowed))})


async def _dispatch(request: web.Request, emulator: AmiliaEmulator) -> web.StreamResponse:
    segments = raw_segments(request)
    lowered = [part.lower() for part in segments]

    # /api/v3/authenticate
    if lowered[:3] == ["api", "v3", "authenticate"] and len(lowered) == 3:
        if request.method != AUTHENTICATE_METHOD:
            raise _method_not_allowed(request, {AUTHENTICATE_METHOD})
        return authenticate(request, emulator)

    # /api/v3/{language}/org/{organization}/...
    if len(lowered) >= 6 and lowered[:2] == ["api", "v3"] and lowered[3] == "org":
        language, organization = lowered[2], segments[4]
        if language not in LANGUAGES:
            raise _not_found(request)
        found = _TABLE.match(request.method, segments[5:])
        if found.handler is None:
            if found.allowed:
                raise _method_not_allowed(request, found.allowed)
            raise _not_found(request)
        check_credentials(request, emulator)
        check_organization(organization, emulator)
        return await found.handler(Ctx(request, emulator, params=found.params, language=language))

    # /PublicApi/{organization}/{language}/{Programs|Activities} (v2, public)
    if len(lowered) == 4 and lowered[0] == "publicapi" and lowered[3] in V2_ROUTES:
        if lowered[2] not in LANGUAGES:
            raise _not_found(request)
        if request.method != "GET":
            raise _method_not_allowed(request, {"GET"})
        check_organization(segments[1], emulator)
        return await V2_ROUTES[lowered[3]](Ctx(request, emulator, params={}, language=lowered[2]))

    raise _not_found(request)

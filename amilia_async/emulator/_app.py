"""The emulator's ``aiohttp.web`` app: routing on the raw path, then the handler.

One catch-all route hands every request to :func:`_dispatch`, which splits the *raw* path
(so an organization id holding an encoded ``/`` still arrives in one piece), matches the
route table (case-insensitively, as ASP.NET does), then checks the bearer token and the
organization before calling the handler. The route table is in
:mod:`~amilia_async.emulator._routes`, the v2 public API in :mod:`~amilia_async.emulator._v2`.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING
from urllib.parse import unquote

from aiohttp import web

from amilia_async.emulator._auth import (
    AUTHENTICATE_METHOD,
    authenticate,
    check_credentials,
    check_organization,
)
from amilia_async.emulator._http import ApiError, Ctx, error_body, error_response
from amilia_async.emulator._routes import ROUTES, match_route
from amilia_async.emulator._v2 import V2_ROUTES

if TYPE_CHECKING:
    from amilia_async.emulator import AmiliaEmulator

__all__ = ["create_app"]

LANGUAGES = ("en", "fr")


def create_app(emulator: AmiliaEmulator) -> web.Application:
    """A fresh app serving *emulator*'s state (build one per server: apps start only once)."""

    async def dispatch(request: web.Request) -> web.StreamResponse:
        try:
            return await _dispatch(request, emulator)
        except ApiError as error:
            return error_response(error)

    app = web.Application()
    app.router.add_route("*", r"/{tail:[\s\S]*}", dispatch)  # any path, CR/LF included
    app.on_response_prepare.append(_amilia_shaped_kit_errors)
    return app


def _not_found(request: web.Request) -> ApiError:
    return ApiError(
        404, f"No HTTP resource was found that matches the request URI '{request.url}'."
    )


def _method_not_allowed(request: web.Request, allowed: set[str]) -> ApiError:
    message = f"The requested resource does not support http method '{request.method}'."
    return ApiError(405, message, headers={"Allow": ", ".join(sorted(allowed))})


async def _dispatch(request: web.Request, emulator: AmiliaEmulator) -> web.StreamResponse:
    raw = request.rel_url.raw_path.split("/")[1:]
    if raw and raw[-1] == "":
        raw.pop()  # a trailing slash
    segments = [unquote(part) for part in raw]
    lowered = [part.lower() for part in segments]
    query: dict[str, str] = {}
    for key, value in request.query.items():
        query.setdefault(key.lower(), value)

    def ctx(language: str, params: dict[str, str]) -> Ctx:
        return Ctx(request, emulator, language, params, query)

    # /api/v3/authenticate
    if lowered[:3] == ["api", "v3", "authenticate"] and len(lowered) == 3:
        if request.method != AUTHENTICATE_METHOD:
            raise _method_not_allowed(request, {AUTHENTICATE_METHOD})
        return authenticate(request, emulator)

    # /api/v3/{language}/org/{organization}/...
    if len(lowered) >= 6 and lowered[:2] == ["api", "v3"] and lowered[3] == "org":
        language, organization, rest = lowered[2], segments[4], segments[5:]
        if language not in LANGUAGES:
            raise _not_found(request)
        candidates = [(m, h, p) for m, t, h in ROUTES if (p := match_route(t, rest)) is not None]
        if not candidates:
            raise _not_found(request)
        chosen = [(h, p) for m, h, p in candidates if m == request.method]
        if not chosen:
            raise _method_not_allowed(request, {m for m, _, _ in candidates})
        check_credentials(request, emulator)
        check_organization(organization, emulator)
        handler, params = chosen[0]
        return await handler(ctx(language, params))

    # /PublicApi/{organization}/{language}/{Programs|Activities} (v2, public)
    if len(lowered) == 4 and lowered[0] == "publicapi" and lowered[3] in V2_ROUTES:
        if lowered[2] not in LANGUAGES:
            raise _not_found(request)
        if request.method != "GET":
            raise _method_not_allowed(request, {"GET"})
        check_organization(segments[1], emulator)
        return await V2_ROUTES[lowered[3]](ctx(lowered[2], {}))

    raise _not_found(request)


async def _amilia_shaped_kit_errors(request: web.Request, response: web.StreamResponse) -> None:
    """Give the kit's own error bodies (its 429, ``Fault.status``) Amilia's shape.

    The kit answers ``{"message": "<reason>"}``; Amilia answers ``{"Message", "TransactionId"}``.
    Only that exact default shape is rewritten, so a fault with a custom body is left alone.
    """
    if type(response) is not web.Response or response.status < 400:
        return
    body = response.body
    if not isinstance(body, (bytes, bytearray)) or not body.startswith(b'{"message"'):
        return
    try:
        parsed = json.loads(body)
    except ValueError:
        return
    if (
        isinstance(parsed, dict)
        and list(parsed) == ["message"]
        and isinstance(parsed["message"], str)
    ):
        new = json.dumps(error_body(parsed["message"])).encode()
        response.body = new
        response.headers["Content-Length"] = str(len(new))

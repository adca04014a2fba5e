"""The emulator's ``aiohttp.web`` app: the routes under ``/api/v1`` behind Basic auth.

A middleware checks the credentials of every request (before routing, so an unknown path with
bad credentials is a 401), then answers :class:`ApiError` and aiohttp's own 404/405 with the
emulator's JSON error body. The kit's 429 body is rewritten into that shape too.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from aiohttp import web

from caseupdates_async.emulator._auth import check_credentials
from caseupdates_async.emulator._http import ApiError, Ctx, Handler, error_body, error_response
from caseupdates_async.emulator._routes import API_PREFIX, ROUTES
from common.testing import Handler as WebHandler

if TYPE_CHECKING:
    from caseupdates_async.emulator import TrackopsEmulator

__all__ = ["create_app"]


def _digits_only(template: str) -> str:
    """``/case/updates/{case_update_id}`` -> ``/case/updates/{case_update_id:\\d+}``."""
    return template.replace("_id}", "_id:\\d+}").replace("{id}", "{id:\\d+}")


def create_app(emulator: TrackopsEmulator) -> web.Application:
    """A fresh app serving *emulator*'s state (build one per server: apps start only once)."""

    @web.middleware
    async def errors(request: web.Request, handler: WebHandler) -> web.StreamResponse:
        try:
            check_credentials(request, emulator)
            return await handler(request)
        except ApiError as error:
            return error_response(error)
        except web.HTTPException as error:
            if error.status < 400:
                raise
            headers = {"Allow": error.headers["Allow"]} if "Allow" in error.headers else None
            return web.json_response(error_body(error.reason), status=error.status, headers=headers)

    app = web.Application(middlewares=[errors])
    for method, template, endpoint in ROUTES:
        app.router.add_route(method, API_PREFIX + _digits_only(template), _bind(emulator, endpoint))
    app.on_response_prepare.append(_json_shaped_kit_errors)
    return app


def _bind(emulator: TrackopsEmulator, endpoint: Handler) -> WebHandler:
    async def handle(request: web.Request) -> web.StreamResponse:
        return await endpoint(Ctx(request, emulator))

    handle.__name__ = getattr(endpoint, "__name__", "handle")
    return handle


async def _json_shaped_kit_errors(request: web.Request, response: web.StreamResponse) -> None:
    """Give the kit's own error bodies (its 429, ``Fault.status``) the ``{"error"}`` shape.

    Only the kit's exact default ``{"message": "<reason>"}`` is rewritten, so a fault with a
    custom body is left alone.
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
    if isinstance(parsed, dict) and list(parsed) == ["message"]:
        new = json.dumps(error_body(str(parsed["message"]))).encode()
        response.body = new
        response.headers["Content-Length"] = str(len(new))

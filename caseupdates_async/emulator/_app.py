"""The emulator's ``aiohttp.web`` app: the routes under ``/api/v1`` behind Basic auth.

A middleware checks the credentials of every request (before routing, so an unknown path with
bad credentials is a 401) and turns aiohttp's own 404/405 into refusals; the kit's server
renders every refusal with :func:`~caseupdates_async.emulator._http.render_refusal`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from caseupdates_async.emulator._auth import check_credentials
from caseupdates_async.emulator._http import Ctx, Handler
from caseupdates_async.emulator._routes import API_PREFIX, ROUTES
from common.testing import Handler as WebHandler
from common.testing import Refusal

if TYPE_CHECKING:
    from caseupdates_async.emulator import TrackopsEmulator

__all__ = ["create_app"]


def _digits_only(template: str) -> str:
    """``/case/updates/{case_update_id}`` -> ``/case/updates/{case_update_id:\\d+}``."""
    return template.replace("_id}", "_id:\\d+}").replace("{id}", "{id:\\d+}")


def create_app(emulator: TrackopsEmulator) -> web.Application:
    """A fresh app serving *emulator*'s state (build one per server: apps start only once)."""

    @web.middleware
    async def guard(request: web.Request, handler: WebHandler) -> web.StreamResponse:
        check_credentials(request, emulator)
        try:
            return await handler(request)
        except web.HTTPException as error:
            if error.status < 400:
                raise
            allow = {"Allow": error.headers["Allow"]} if "Allow" in error.headers else None
            raise Refusal(error.status, error.reason, headers=allow) from None

    app = web.Application(middlewares=[guard])
    for method, template, endpoint in ROUTES:
        app.router.add_route(method, API_PREFIX + _digits_only(template), _bind(emulator, endpoint))
    return app


def _bind(emulator: TrackopsEmulator, endpoint: Handler) -> WebHandler:
    async def handle(request: web.Request) -> web.StreamResponse:
        return await endpoint(Ctx(request, emulator))

    handle.__name__ = getattr(endpoint, "__name__", "handle")
    return handle

"""The emulator's ``aiohttp.web`` app: OAuth at the root, the API under ``/api/v2``.

For every API request one middleware, in this order: counts it against the rate limit (429
past it, guide ``rate-limits.txt``), refuses unknown paths and methods (404/405), checks the
bearer token (401), then calls the handler; the kit's server renders every refusal with
:func:`~amiqus_async.emulator._http.render_refusal`.
An ``on_response_prepare`` hook stamps ``X-Request-Id`` on every response and
``X-RateLimit-Limit``/``X-RateLimit-Remaining`` on every API response, whatever produced it
(kit faults too), and records the exchange when the emulator keeps them.
"""

from __future__ import annotations

import contextvars
import math
import time
import uuid
from typing import TYPE_CHECKING

from aiohttp import web

from amiqus_async.emulator._auth import check_bearer
from amiqus_async.emulator._exchanges import capture
from amiqus_async.emulator._http import Ctx, Handler
from amiqus_async.emulator._inferred import REQUEST_ID_HEADER
from amiqus_async.emulator._routes import API_PREFIX, ROUTES
from common.testing import Handler as WebHandler
from common.testing import Refusal

if TYPE_CHECKING:
    from amiqus_async.emulator import AmiqusEmulator

__all__ = ["TOO_MANY", "create_app"]

# aiohttp runs each request in its own task, so this is seen by the same request's hook only.
_RATE_HEADERS: contextvars.ContextVar[dict[str, str] | None] = contextvars.ContextVar(
    "amiqus_rate_limit_headers", default=None
)
#: Body of the emulator's own 429 (inferred: the spec documents no 429 body).
TOO_MANY: dict[str, str] = {"message": "Too Many Attempts."}


def _in_api(request: web.Request) -> bool:
    path = request.rel_url.raw_path
    return path == API_PREFIX or path.startswith(API_PREFIX + "/")


def create_app(emulator: AmiqusEmulator) -> web.Application:
    """A fresh app serving *emulator*'s state (build one per server: apps start only once)."""

    @web.middleware
    async def api(request: web.Request, handler: WebHandler) -> web.StreamResponse:
        if not _in_api(request):
            return await handler(request)
        refused = _count(emulator, request)
        if refused is not None:
            return refused
        http_error = request.match_info.http_exception
        if http_error is not None:
            if http_error.status == 405:
                raise Refusal(
                    405,
                    f"The {request.method} method is not supported for this route.",
                    headers={"Allow": http_error.headers.get("Allow", "")},
                )
            raise Refusal(404, "Not Found.")
        check_bearer(request, personal_token=emulator.token, oauth=emulator.oauth)
        return await handler(request)

    client_max_size = emulator.attachment_max_bytes + 1024 * 1024
    app = web.Application(middlewares=[api], client_max_size=client_max_size)
    app.router.add_get("/oauth/authorize", emulator.oauth.authorize)
    app.router.add_post("/oauth/token", emulator.oauth.token)
    for operation, method, path, endpoint in ROUTES:
        app.router.add_route(method, API_PREFIX + path, _bind(emulator, operation, endpoint))

    async def on_prepare(request: web.Request, response: web.StreamResponse) -> None:
        response.headers.setdefault(REQUEST_ID_HEADER, uuid.uuid4().hex)
        if not _in_api(request):
            return
        headers = _RATE_HEADERS.get() or emulator.rate_limit_headers()
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        if emulator.record_responses:
            exchange = await capture(request, response, API_PREFIX)
            if exchange is not None:
                emulator.exchanges.append(exchange)

    app.on_response_prepare.append(on_prepare)
    return app


def _count(emulator: AmiqusEmulator, request: web.Request) -> web.StreamResponse | None:
    """Take a slot; the 429 response when the (enforced) limit is reached, else ``None``."""
    decision = emulator.window.acquire(time.monotonic())
    headers = {
        "X-RateLimit-Limit": str(decision.limit),
        "X-RateLimit-Remaining": str(decision.remaining),
    }
    _RATE_HEADERS.set(headers)
    emulator.last_rate_headers = headers
    if decision.allowed or emulator.rate_limit is None:
        return None
    wait = max(1, math.ceil(decision.retry_after))
    headers = {
        **headers,
        "Retry-After": str(wait),
        "X-RateLimit-Reset": str(math.ceil(time.time() + decision.retry_after)),
    }
    _RATE_HEADERS.set(headers)
    return web.json_response(TOO_MANY, status=429, headers=headers)


def _bind(emulator: AmiqusEmulator, operation: str, endpoint: Handler) -> WebHandler:
    async def handle(request: web.Request) -> web.StreamResponse:
        return await endpoint(Ctx(request, emulator, operation=operation))

    handle.__name__ = getattr(endpoint, "__name__", "handle")
    return handle

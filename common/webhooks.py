"""Receiving webhooks: an ``aiohttp.web`` handler built from a vendor's verify and parse steps.

::

    from intakeq_async.models import parse_webhook

    async def on_event(event):          # plain or async
        ...

    app.router.add_post("/hooks/intakeq", webhook_handler(parse_webhook, on_event))

The handler reads the raw body (refusing one above ``max_body``), checks it with ``verify``
when the vendor signs deliveries (a refusal answers ``reject_status`` and never reaches
``on_event``), parses it (a body that does not parse answers 400), then awaits ``on_event``.
It answers 200 once ``on_event`` returns, and 500 when it raises, so the vendor delivers again.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import TypeVar

from aiohttp import web

from .errors import DecodeError

__all__ = ["Verifier", "webhook_handler"]

_E = TypeVar("_E")
_log = logging.getLogger("common.webhooks")

#: Checks a delivery: (raw body, request headers) -> whether it is genuine.
Verifier = Callable[[bytes, Mapping[str, str]], bool]


def webhook_handler(
    parse: Callable[[bytes], _E],
    on_event: Callable[[_E], Awaitable[object] | object],
    *,
    verify: Verifier | None = None,
    max_body: int = 1024 * 1024,
    reject_status: int = 401,
) -> Callable[[web.Request], Awaitable[web.Response]]:
    """A request handler that turns each delivery into one typed event for *on_event*."""

    async def handle(request: web.Request) -> web.Response:
        if request.content_length is not None and request.content_length > max_body:
            return web.Response(status=413, text="payload too large")
        body = await request.content.read(max_body + 1)
        if len(body) > max_body:
            return web.Response(status=413, text="payload too large")
        if verify is not None and not verify(body, request.headers):
            _log.warning("webhook refused: the delivery did not verify")
            return web.Response(status=reject_status, text="not verified")
        try:
            event = parse(body)
        except DecodeError as error:
            _log.warning("webhook refused: %s", error)
            return web.Response(status=400, text="unreadable payload")
        try:
            result = on_event(event)
            if inspect.isawaitable(result):
                await result
        except Exception:
            _log.exception("webhook handler failed; answering 500 so it is delivered again")
            return web.Response(status=500, text="handler failed")
        return web.Response(status=200, text="ok")

    return handle

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

Vendors that give up on a slow receiver (Amiqus waits five seconds) call for
``respond_within``: the callback then runs as a task, and when it has not finished after that
many seconds the delivery is answered 202 while the task goes on. A callback that fails within
the window still answers 500; one that fails later is logged, and the vendor will not deliver
that event again.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import TypeVar

from aiohttp import web

from .errors import DecodeError

__all__ = ["Verifier", "WebhookHandler", "webhook_handler"]

_E = TypeVar("_E")
_log = logging.getLogger("common.webhooks")

#: Checks a delivery: (raw body, request headers) -> whether it is genuine.
Verifier = Callable[[bytes, Mapping[str, str]], bool]
#: What :func:`webhook_handler` returns: an ``aiohttp.web`` request handler.
WebhookHandler = Callable[[web.Request], Awaitable[web.Response]]


def webhook_handler(
    parse: Callable[[bytes], _E],
    on_event: Callable[[_E], Awaitable[object] | object],
    *,
    verify: Verifier | None = None,
    max_body: int = 1024 * 1024,
    reject_status: int = 401,
    respond_within: float | None = None,
) -> WebhookHandler:
    """A request handler that turns each delivery into one typed event for *on_event*.

    *respond_within* (seconds; ``None``: wait for *on_event* however long it takes) bounds
    how long the sender is kept waiting; see the module's docs.
    """
    if respond_within is not None and respond_within < 0:
        raise ValueError("respond_within must be a number of seconds, at least 0")
    # Strong references to the callbacks still running, so none is garbage-collected midway.
    running: set[asyncio.Task[None]] = set()

    async def deliver(event: _E) -> None:
        result = on_event(event)
        if inspect.isawaitable(result):
            await result

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
        if respond_within is None:
            try:
                await deliver(event)
            except Exception:
                _log.exception("webhook handler failed; answering 500 so it is delivered again")
                return web.Response(status=500, text="handler failed")
            return web.Response(status=200, text="ok")
        task = asyncio.get_running_loop().create_task(deliver(event))
        running.add(task)
        task.add_done_callback(running.discard)
        try:
            await asyncio.wait({task}, timeout=respond_within)
        finally:
            if not task.done():  # answered (or gave up) before the callback finished
                task.add_done_callback(_report_late_failure)
        if not task.done():
            _log.info("webhook handler still running after %.1f s; answering 202", respond_within)
            return web.Response(status=202, text="accepted")
        failure = None if task.cancelled() else task.exception()
        if task.cancelled() or failure is not None:
            _log.error(
                "webhook handler failed; answering 500 so it is delivered again",
                exc_info=failure,
            )
            return web.Response(status=500, text="handler failed")
        return web.Response(status=200, text="ok")

    return handle


def _report_late_failure(task: asyncio.Task[None]) -> None:
    if task.cancelled():
        _log.warning("webhook handler cancelled after the delivery was acknowledged")
        return
    error = task.exception()
    if error is not None:
        _log.error(
            "webhook handler failed after the delivery was acknowledged (202); "
            "the sender will not deliver it again",
            exc_info=error,
        )

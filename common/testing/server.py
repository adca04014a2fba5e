"""Run an ``aiohttp.web`` emulator on a loopback port, with a request log, faults and a rate limit.

::

    async with EmulatorServer(make_app()) as server:
        server.faults.add(Fault.status(503), times=2)
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{server.url}/v1/things") as response: ...
        assert server.requests.last.status == 200

The server adds four middlewares in front of the app's own (the app must not have been
started before, so build a fresh app per server): **record** (append to :attr:`requests`),
**guard** (malformed input is a 4xx, an emulator bug an unmistakable 500; below),
**rate limit** (when :attr:`rate_limit` is set) and **faults** (consume :attr:`faults`). An
``on_response_prepare`` signal then stamps every response, whatever produced it, with the
rate-limit headers and records its status. The server listens on loopback only.

The guard answers a :class:`~common.testing.errors.Refusal` raised by a handler (a
:class:`~common.testing.errors.BadRequest` from the kit's readers included), and an exception a
parser of request data raised (see :func:`~common.testing.errors.bad_request_from`), with
:attr:`EmulatorServer.render_error`: the vendor's renderer passed as ``render_error=``, else
``{"message": ...}``. With a vendor renderer, the kit's own error answers (its 429, the default
body of ``Fault.status``) go through it too, so they take the vendor's shape.

Any other exception escaping a handler is an emulator bug: logged with its traceback (logger
``common.testing``), kept in :attr:`EmulatorServer.bugs`, handed to every active
:class:`~common.testing.errors.BugCollector` and answered 500 with an ``X-Emulator-Bug``
header. ``aiohttp.web.HTTPException`` (redirects, 404s) passes through.
"""

from __future__ import annotations

import asyncio
import contextvars
import enum
import ipaddress
import json
import logging
import socket
import time
import uuid
from collections.abc import Sequence
from types import TracebackType
from typing import Any, Protocol, TypeVar

import attrs
from aiohttp import StreamReader, web, web_app
from multidict import CIMultiDict, CIMultiDictProxy, MultiDict, MultiDictProxy

from common.testing.errors import (
    _VENDOR_RENDERER,
    EmulatorBug,
    ErrorRenderer,
    Problem,
    Refusal,
    bad_request_from,
    bug_response,
    default_error_renderer,
    render_kit_error,
    report_bug,
)
from common.testing.faults import FaultPlan, Handler
from common.testing.ratelimit import ServerRateLimit, SlidingWindow
from common.testing.recorder import RecordedRequest, RequestLog

#: The header carrying the request id the kit stamps on every answer (unless the vendor set one).
REQUEST_ID_HEADER = "X-Request-Id"

__all__ = [
    "DEFAULT_RECORD_LIMIT",
    "REQUEST_ID_HEADER",
    "EmulatorFactory",
    "EmulatorServer",
    "closed_port",
]

#: Bodies up to this many bytes (1 MiB) are kept in the request log by default.
DEFAULT_RECORD_LIMIT = 1024 * 1024

_log = logging.getLogger("common.testing")

_S = TypeVar("_S", bound="EmulatorServer")
_F = TypeVar("_F", bound="EmulatorFactory")


class _State(enum.Enum):
    UNOPENED = "unopened"
    RUNNING = "running"
    #: Closing connections: handlers still running may finish (and read :attr:`url`).
    STOPPING = "stopping"
    CLOSED = "closed"


@attrs.define(eq=False)
class _Exchange:
    """What the middlewares learn about one request, for the response-prepare hook."""

    server: EmulatorServer
    request: web.BaseRequest
    record: RecordedRequest
    headers: dict[str, str] = attrs.Factory(dict)


# aiohttp runs each request in its own task (to copy context vars), so a context variable set
# in a middleware is seen by the on_response_prepare hook of the same request and no other.
_CURRENT: contextvars.ContextVar[_Exchange | None] = contextvars.ContextVar(
    "common_testing_exchange", default=None
)


def _loopback_host(host: str) -> str:
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        raise ValueError(f"host must be a loopback IP address, got {host!r}") from None
    if not address.is_loopback:
        raise ValueError(f"an emulator listens on loopback only, got {host!r}")
    return host


def closed_port(host: str = "127.0.0.1") -> int:
    """A loopback port with nothing listening on it, for "connection refused" tests.

    The port is bound (never listened on) and released at once, so connecting to it is
    refused; another process could in principle grab it meanwhile, which is vanishingly rare.
    """
    family = socket.AF_INET6 if ":" in _loopback_host(host) else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
    return port


class EmulatorServer:
    """An ``aiohttp.web`` app served on a loopback port chosen by the OS.

    Use it as an async context manager, or call :meth:`start` and :meth:`stop`. A server runs
    once: after :meth:`stop` it cannot be started again (build a new app and server).

    *render_error* turns a :class:`~common.testing.errors.Refusal` (a
    :class:`~common.testing.errors.BadRequest` included) into the vendor's error response
    (default: ``{"message": ...}`` with the error's status).
    """

    #: The app served (its middlewares get the kit's four in front at :meth:`start`).
    app: web.Application
    #: The loopback address listened on.
    host: str
    #: Bodies up to this many bytes are kept in :attr:`requests`.
    record_bodies_up_to: int
    #: Seconds :meth:`stop` lets running handlers finish.
    shutdown_timeout: float
    #: Every request received, oldest first.
    requests: RequestLog
    #: Faults to inject; see :meth:`FaultPlan.add`.
    faults: FaultPlan
    #: Renders a Refusal (from a handler, or malformed input a parser choked on).
    render_error: ErrorRenderer
    #: Every exception that escaped a handler and was not malformed input, oldest first.
    bugs: list[EmulatorBug]

    def __init__(
        self,
        app: web.Application,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        rate_limit: ServerRateLimit | None = None,
        record_bodies_up_to: int = DEFAULT_RECORD_LIMIT,
        shutdown_timeout: float = 0.25,
        render_error: ErrorRenderer | None = None,
    ) -> None:
        if record_bodies_up_to < 0:
            raise ValueError("record_bodies_up_to must be >= 0")
        self.app = app
        self.host = _loopback_host(host)
        self.record_bodies_up_to = record_bodies_up_to
        self.shutdown_timeout = shutdown_timeout
        self.requests = RequestLog()
        self.faults = FaultPlan()
        self.render_error = render_error or default_error_renderer
        self.bugs = []
        self._requested_port = port
        self._port: int | None = None
        self._runner: web.AppRunner | None = None
        self._state = _State.UNOPENED
        #: The tasks running a request (aiohttp runs each in its own), until they finish.
        self._handling: set[asyncio.Task[Any]] = set()
        self._window: SlidingWindow | None = None
        self.rate_limit = rate_limit

    # -- public surface -----------------------------------------------------------------

    @property
    def rate_limit(self) -> ServerRateLimit | None:
        """The rate limit enforced on every request (``None``: unlimited).

        Assigning a new value (at any time) starts with an empty window.
        """
        return None if self._window is None else self._window.rate_limit

    @rate_limit.setter
    def rate_limit(self, value: ServerRateLimit | None) -> None:
        if value is not None and not isinstance(value, ServerRateLimit):
            raise TypeError(f"expected a ServerRateLimit or None, got {value!r}")
        self._window = None if value is None else SlidingWindow(value)

    @property
    def port(self) -> int:
        """The port the server listens on (while running, and while handlers finish in
        :meth:`stop`)."""
        if self._port is None or self._state not in (_State.RUNNING, _State.STOPPING):
            raise RuntimeError(f"the emulator is {self._state.value}, it has no port")
        return self._port

    @property
    def url(self) -> str:
        """The base URL, e.g. ``"http://127.0.0.1:54321"`` (no trailing slash)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def client_max_size(self) -> int:
        """The largest request body the app accepts (aiohttp answers 413 past it)."""
        value = getattr(self.app, "_client_max_size", None)  # aiohttp keeps it private
        return value if isinstance(value, int) else 1024**2

    @property
    def running(self) -> bool:
        """``True`` between :meth:`start` and :meth:`stop`."""
        return self._state is _State.RUNNING

    async def start(self) -> None:
        """Install the middlewares, then listen; returns once the port accepts connections."""
        if self._state is not _State.UNOPENED:
            raise RuntimeError(f"the emulator is {self._state.value}; a server starts only once")
        if self.app.frozen:
            raise RuntimeError(
                "the app was already started (it is frozen); build a fresh app for each server"
            )
        self._install()
        runner = web.AppRunner(
            self.app, handle_signals=False, shutdown_timeout=self.shutdown_timeout
        )
        try:
            await runner.setup()
            site = web.TCPSite(runner, self.host, self._requested_port)
            await site.start()
            address = runner.addresses[0]
            self._port = int(address[1])
        except BaseException:
            await runner.cleanup()
            self._state = _State.CLOSED
            raise
        self._runner = runner
        self._state = _State.RUNNING

    async def stop(self) -> None:
        """Stop listening, close every connection and run the app's cleanup (idempotent); a
        handler still running after ``shutdown_timeout`` is cancelled."""
        runner, self._runner = self._runner, None
        if runner is None:
            if self._state is not _State.STOPPING:  # else the first stop() closes it
                self._state = _State.CLOSED
            return
        self._state = _State.STOPPING  # a handler still running may read self.url meanwhile
        try:
            await runner.cleanup()
        finally:
            self._state = _State.CLOSED
            _forget_middleware_chains()
            await self._cancel_leftovers()

    async def __aenter__(self: _S) -> _S:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    def __repr__(self) -> str:
        where = self.url if self.running else self._state.value
        return f"<EmulatorServer {where} requests={len(self.requests)}>"

    # -- machinery ----------------------------------------------------------------------

    def _install(self) -> None:
        @web.middleware
        async def record(request: web.Request, handler: Handler) -> web.StreamResponse:
            try:
                entry = await self._record(request)
            except ConnectionError:
                return web.Response(status=400)  # the client hung up mid-upload; never sent
            _CURRENT.set(_Exchange(server=self, request=request, record=entry))
            vendor = self.render_error is not default_error_renderer
            _VENDOR_RENDERER.set(self.render_error if vendor else None)
            return await handler(request)

        @web.middleware
        async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
            try:
                return await handler(request)
            except ConnectionError:
                raise  # the client hung up mid-request: nobody is left to answer
            except Exception as error:
                bad = bad_request_from(error)
                if bad is None:
                    if isinstance(error, web.HTTPException):
                        raise  # a redirect, a 404...: aiohttp answers it as before
                    return self._bug(request, error)
                try:
                    return self.render_error(request, bad)
                except Exception as failure:  # the renderer itself is broken
                    return self._bug(request, failure)

        @web.middleware
        async def rate_limit(request: web.Request, handler: Handler) -> web.StreamResponse:
            window, exchange = self._window, _CURRENT.get()
            if window is None or exchange is None:
                return await handler(request)
            decision = window.acquire(time.monotonic())
            exchange.headers.update(decision.headers(window.rate_limit))
            if decision.allowed:
                return await handler(request)
            refusal = Refusal(429, "Too Many Requests", problem=Problem.RATE_LIMITED)
            rendered = render_kit_error(request, refusal)
            if rendered is not None:
                return rendered
            body = json.dumps({"message": refusal.message}).encode()
            return web.Response(status=429, body=body, content_type="application/json")

        @web.middleware
        async def faults(request: web.Request, handler: Handler) -> web.StreamResponse:
            fault = self.faults.take(request.method, request.path)
            if fault is None:
                return await handler(request)
            return await fault.apply(request, handler)

        handling = self._handling

        @web.middleware
        async def track(request: web.Request, handler: Handler) -> web.StreamResponse:
            task = asyncio.current_task()
            if task is not None:
                handling.add(task)
                task.add_done_callback(handling.discard)
            return await handler(request)

        self.app.middlewares[0:0] = [track, record, guard, rate_limit, faults]
        self.app.on_response_prepare.append(self._on_response_prepare)

    async def _cancel_leftovers(self) -> None:
        """Cancel the handlers still running once the server has shut down (a client that
        gave up on a slow answer leaves its handler running), so no task outlives it."""
        leftovers = [task for task in self._handling if not task.done()]
        for task in leftovers:
            task.cancel()
        await asyncio.gather(*leftovers, return_exceptions=True)

    def _bug(self, request: web.Request, error: Exception) -> web.StreamResponse:
        bug = EmulatorBug.of(request, error)
        self.bugs.append(bug)
        report_bug(bug)
        _log.error("emulator bug answering %s", bug.summary(), exc_info=error)
        return bug_response(bug)

    async def _record(self, request: web.Request) -> RecordedRequest:
        arrived = time.monotonic()
        body, truncated = b"", False
        size: int | None = 0
        failure: Exception | None = None
        if request.body_exists:
            size = request.content_length  # None when chunked
            truncated = True
            if size is not None and size <= min(self.record_bodies_up_to, _max_size(request)):
                try:
                    kept = await _read_keeping_stream(request)
                except Exception as exc:  # the client gave up mid-upload: log it, then fail
                    kept, failure = None, exc
                if kept is not None:
                    body, size, truncated = kept, len(kept), False
        record = RecordedRequest(
            method=request.method,
            path=request.path,
            raw_path=request.rel_url.raw_path,
            query=MultiDictProxy(MultiDict(request.query)),
            headers=CIMultiDictProxy(CIMultiDict(request.headers)),
            body=body,
            body_size=size,
            body_truncated=truncated,
            time=arrived,
        )
        self.requests._append(record)
        if failure is not None:
            raise failure
        return record

    async def _on_response_prepare(
        self, request: web.Request, response: web.StreamResponse
    ) -> None:
        exchange = _CURRENT.get()
        if exchange is None or exchange.server is not self or exchange.request is not request:
            return
        for name, value in exchange.headers.items():
            response.headers.setdefault(name, value)
        # Every answer of every emulator carries a request id (a vendor's own wins), which the
        # client reads into errors and raw responses, as real APIs behind a gateway do.
        response.headers.setdefault(REQUEST_ID_HEADER, uuid.uuid4().hex)
        transport = request.transport
        if transport is None or transport.is_closing():
            return  # a fault hung up: no status line will reach the client
        updated = attrs.evolve(exchange.record, status=response.status)
        self.requests._replace(exchange.record, updated)
        exchange.record = updated


class _Stoppable(Protocol):
    async def stop(self) -> None: ...


async def stop_newest_first(started: Sequence[_Stoppable]) -> None:
    """Stop each of *started* (servers, emulators), newest first; every one is stopped even
    when one fails, then the first failure is raised."""
    failure: BaseException | None = None
    for item in reversed(started):
        try:
            await item.stop()
        except BaseException as exc:  # stop the others before re-raising
            failure = failure or exc
    if failure is not None:
        raise failure


def _forget_middleware_chains() -> None:
    """Drop aiohttp's cache of middleware chains, which keys on (handler, apps).

    aiohttp keeps the last 1024 chains built, and with them every stopped app, its
    handlers and whatever they close over (a vendor emulator and all its data): a test run
    starting hundreds of emulators would hold them all. The cache is private, so this is a
    no-op on an aiohttp without it.
    """
    cache = getattr(web_app, "_cached_build_middleware", None)
    cache_clear = getattr(cache, "cache_clear", None)
    if callable(cache_clear):
        cache_clear()


def _max_size(request: web.Request) -> int:
    """The app's ``client_max_size``: reading more than this would answer 413 instead."""
    for name in ("client_max_size", "_client_max_size"):  # the property is recent
        value = getattr(request, name, None)
        if isinstance(value, int):
            return value
    return 1024**2


async def _read_keeping_stream(request: web.Request) -> bytes | None:
    """Read the body, then give the request a fresh stream holding the same bytes.

    ``request.read()`` caches the body for ``read()``/``text()``/``json()``/``post()``, but
    ``request.content`` and ``multipart()`` read the underlying stream, which reading drains;
    so the request gets a new, already-fed :class:`aiohttp.StreamReader`. Returns ``None``
    (having read nothing) if this aiohttp does not allow that, so the handler is never broken.
    """
    try:
        limit = max(2**16, request.content_length or 0)
        replacement = StreamReader(request.protocol, limit, loop=asyncio.get_running_loop())
        if not hasattr(request, "_payload"):
            return None
    except Exception:  # pragma: no cover - a future aiohttp; fall back to not recording
        return None
    body = await request.read()
    if body:
        replacement.feed_data(body)
    replacement.feed_eof()
    request._payload = replacement
    return body


class EmulatorFactory:
    """Start emulators on demand and stop them all at once (what the ``emulator`` fixture is).

    ::

        async with EmulatorFactory() as emulator:
            server = await emulator(make_app(), rate_limit=ServerRateLimit(5))
    """

    #: The servers started here and not stopped yet, oldest first.
    servers: list[EmulatorServer]

    def __init__(self) -> None:
        self.servers = []

    async def __call__(
        self,
        app: web.Application,
        *,
        rate_limit: ServerRateLimit | None = None,
        record_bodies_up_to: int = DEFAULT_RECORD_LIMIT,
        shutdown_timeout: float = 0.25,
        render_error: ErrorRenderer | None = None,
    ) -> EmulatorServer:
        """Start *app* on a fresh loopback port and return its running server."""
        server = EmulatorServer(
            app,
            rate_limit=rate_limit,
            record_bodies_up_to=record_bodies_up_to,
            shutdown_timeout=shutdown_timeout,
            render_error=render_error,
        )
        await server.start()
        self.servers.append(server)
        return server

    async def aclose(self) -> None:
        """Stop every server started here, newest first."""
        servers, self.servers = self.servers, []
        await stop_newest_first(servers)

    async def __aenter__(self: _F) -> _F:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

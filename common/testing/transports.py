"""Transports for tests: a handler function (:class:`MockTransport`) or an emulator served in
process (:class:`EmulatorTransport`). Either goes where the network would, through the
client's ``transport=``; everything above it (auth, limits, retries, paging, errors) runs as
in production.

::

    def handler(request: Request) -> MockResponse:
        return MockResponse(200, json={"id": 7})

    client = AmiqusClient(token="t", transport=MockTransport(handler))

    emulator = AmiqusEmulator()
    transport = EmulatorTransport(emulator)  # no socket: the app runs in this process
    client = AmiqusClient(base_url=emulator.url, transport=transport, **emulator.credentials)

Like every :class:`~common.transport.Transport`, both make one exchange per call and decide
nothing: no redirect, retry or credential of their own, no error for an error status. They
raise only :class:`~common.errors.TransportError` subclasses and
:class:`~common.errors.ResponseTooLargeError` (and :class:`~common.errors.ClientClosedError`
once closed).
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import os
import ssl
import time
import zlib
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Mapping
from pathlib import Path
from typing import IO, Any, Final, TypeAlias, cast

import aiohttp
import attrs
from aiohttp import web
from multidict import CIMultiDict, CIMultiDictProxy
from yarl import URL

from common import NOT_GIVEN, NotGiven, _json
from common.errors import (
    ClientClosedError,
    InvalidRequestError,
    ReadError,
    TimeoutError,
    TransportError,
)
from common.files import Multipart, Upload
from common.messages import Request, Response
from common.redact import redact_url
from common.testing.errors import ErrorRenderer
from common.testing.ratelimit import ServerRateLimit
from common.testing.server import DEFAULT_RECORD_LIMIT, EmulatorServer, _forget_middleware_chains
from common.testing.vendor import VendorEmulator
from common.transport import (
    MAX_RESPONSE_SIZE,
    BufferedStream,
    StreamedBody,
    frozen_headers,
    too_large,
)

__all__ = [
    "DEFAULT_ORIGIN",
    "EmulatorTransport",
    "InProcessServer",
    "MockAnswer",
    "MockHandler",
    "MockResponse",
    "MockTransport",
]

#: Where an in-process emulator pretends to live: ``.invalid`` never resolves (RFC 6761), so
#: a client that loses its ``transport=`` cannot reach anything by accident.
DEFAULT_ORIGIN: Final = "https://emulator.invalid"


# -- uploads ------------------------------------------------------------------------------------


async def _read_upload(upload: Upload) -> bytes:
    """The bytes *upload* sends: a path's file, bytes, a binary file object from where it stood
    when the :class:`~common.files.Upload` was made, or an async iterator (consumed)."""
    source = upload.source
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source)
    if isinstance(source, (str, os.PathLike)):
        return await asyncio.to_thread(Path(source).read_bytes)
    if isinstance(source, AsyncIterable):
        return b"".join([bytes(chunk) async for chunk in source])
    return await asyncio.to_thread(_read_file, source, upload.start)


def _read_file(source: IO[bytes], start: int | None) -> bytes:
    if start is not None:
        source.seek(start)
    return source.read()


async def _in_memory(body: Multipart) -> Multipart:
    """*body* with every file read: each upload's ``source`` is bytes."""
    files: list[tuple[str, Upload]] = []
    for name, upload in body.files:
        content = await _read_upload(upload)
        files.append(
            (name, Upload(content, filename=upload.filename, content_type=upload.content_type))
        )
    return Multipart(fields=body.fields, files=tuple(files))


def _full_url(request: Request) -> URL:
    """The request's URL with its ``params`` added to the query, as a transport sends it."""
    return request.url.extend_query(request.params) if request.params else request.url


def _check_limit(value: int | None) -> int | None:
    if value is not None and (isinstance(value, bool) or value < 1):
        raise InvalidRequestError("max_response_size must be a positive number of bytes, or None")
    return value


# -- MockTransport ------------------------------------------------------------------------------


class MockResponse:
    """An answer for a :class:`MockTransport` handler, without filling every field.

    The body is one of *json* (encoded, ``Content-Type: application/json``), *text* (UTF-8,
    ``text/plain``) or *content* (bytes as they are); none means an empty body. *headers* win
    over the ones added here (``Content-Type``, ``Content-Length``).
    """

    __slots__ = ("content", "headers", "status")

    status: int
    headers: CIMultiDictProxy[str]
    content: bytes

    def __init__(
        self,
        status: int = 200,
        *,
        json: Any = NOT_GIVEN,
        text: str | None = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        if isinstance(status, bool) or not 100 <= status <= 599:
            raise ValueError(f"status must be an HTTP status 100-599, got {status!r}")
        given = [
            name
            for name, value in (("json", json), ("text", text), ("content", content))
            if value is not None and not isinstance(value, NotGiven)
        ]
        if json is None:
            given.append("json")  # json=None is a JSON null, given
        if len(given) > 1:
            raise ValueError(f"give one body, not {' and '.join(given)}")
        merged: CIMultiDict[str] = CIMultiDict()
        if not isinstance(json, NotGiven):
            body = _json.dumps(json)
            merged["Content-Type"] = "application/json"
        elif text is not None:
            body = text.encode()
            merged["Content-Type"] = "text/plain; charset=utf-8"
        else:
            body = bytes(content or b"")
        for name, value in (headers or {}).items():
            merged[name] = value
        merged.setdefault("Content-Length", str(len(body)))
        self.status = status
        self.headers = CIMultiDictProxy(merged)
        self.content = body

    def __repr__(self) -> str:
        return f"<MockResponse {self.status} {len(self.content)} bytes>"


#: What a :class:`MockTransport` handler returns.
MockAnswer: TypeAlias = MockResponse | Response
#: A :class:`MockTransport` handler: a plain or async function of the :class:`Request`.
MockHandler: TypeAlias = Callable[[Request], MockAnswer | Awaitable[MockAnswer]]


class _InMemory:
    """What the two in-process transports share: no connection limit, an optional size
    bound, and a closed flag (each sets ``_max_response_size`` and ``_closed``)."""

    _max_response_size: int | None
    _closed: bool

    @property
    def connection_limit(self) -> int | None:
        """``None``: the handler or app takes any number of requests at once."""
        return None

    @property
    def max_response_size(self) -> int | None:
        return self._max_response_size

    @property
    def closed(self) -> bool:
        return self._closed


class MockTransport(_InMemory):
    """A transport that answers with a function of yours, in process: ``handler(request)``.

    *handler* takes a :class:`~common.messages.Request` and returns (or, if async, resolves
    to) a :class:`MockResponse` or a :class:`~common.messages.Response`; the transport turns it
    into the :class:`~common.messages.Response` of the exchange (the request's URL with its
    params, secrets removed; its method; the time the handler took). What the handler sees:

    * ``request.url`` (without the query), ``request.params`` (the query's pairs),
      ``request.headers`` (credentials included: the client has applied its auth);
    * ``request.body``: the encoded bytes of a JSON or form body (``json.loads(request.body)``,
      ``urllib.parse.parse_qsl(request.body.decode())``), ``None``, or a
      :class:`~common.files.Multipart` whose files are already read: ``request.body.fields``
      is the form fields, ``request.body.files`` the ``(field, Upload)`` pairs, each upload's
      ``source`` the file's bytes (with its ``filename`` and ``content_type``).

    To fail below HTTP, the handler raises a :class:`~common.errors.TransportError` subclass,
    e.g. ``ConnectError("refused")`` (the server never saw the request) or ``ReadError`` (the
    connection broke after it was sent); the transport fills in its method and URL. Any other
    exception propagates as it is: it is a bug of the test.

    Every request is kept in :attr:`requests` (a copy, as the handler saw it), the ones a
    handler failed included. An answer whose body is larger than *max_response_size* bytes
    raises :class:`~common.errors.ResponseTooLargeError` (``None``, the default: no limit).
    """

    def __init__(self, handler: MockHandler, *, max_response_size: int | None = None) -> None:
        if not callable(handler):
            raise TypeError(f"handler must be a function of the request, got {handler!r}")
        self._handler = handler
        self._max_response_size = _check_limit(max_response_size)
        self._closed = False
        #: Every request sent, oldest first, each a copy as the handler saw it.
        self.requests: list[Request] = []

    def __repr__(self) -> str:
        name = getattr(self._handler, "__qualname__", type(self._handler).__name__)
        state = "closed" if self._closed else "open"
        return f"<MockTransport {name} requests={len(self.requests)} {state}>"

    async def _answer(self, request: Request) -> tuple[MockAnswer, str, float]:
        if self._closed:
            raise ClientClosedError("this MockTransport is closed")
        started = time.perf_counter()
        seen = attrs.evolve(
            request,
            headers=dict(request.headers),
            params=list(request.params),
            body=await _in_memory(request.body)
            if isinstance(request.body, Multipart)
            else request.body,
        )
        self.requests.append(seen)
        url = redact_url(_full_url(request))
        try:
            answer = self._handler(seen)
            if inspect.isawaitable(answer):
                answer = await answer
        except TransportError as err:
            err.method = err.method or request.method
            err.url = err.url or url
            raise
        if not isinstance(answer, (MockResponse, Response)):
            raise TypeError(
                f"a MockTransport handler must return a MockResponse or a Response, "
                f"got {type(answer).__name__}"
            )
        return answer, url, time.perf_counter() - started

    async def send(self, request: Request) -> Response:
        """Hand *request* to the handler and return its answer as a :class:`Response`."""
        answer, url, elapsed = await self._answer(request)
        limit = self._max_response_size
        if limit is not None and len(answer.content) > limit:
            raise too_large(
                len(answer.content), limit, status=answer.status, method=request.method, url=url
            )
        return Response(
            status=answer.status,
            headers=frozen_headers(answer.headers),
            content=answer.content,
            url=url,
            method=request.method,
            elapsed=elapsed,
        )

    async def stream(self, request: Request) -> StreamedBody:
        """Like :meth:`send`; the body comes as a :class:`~common.transport.BufferedStream`."""
        answer, url, _ = await self._answer(request)
        return BufferedStream(
            status=answer.status,
            headers=frozen_headers(answer.headers),
            url=url,
            content=answer.content,
            request=request,
            max_size=self._max_response_size,
        )

    async def aclose(self) -> None:
        """Refuse every later request (:class:`~common.errors.ClientClosedError`). Idempotent."""
        self._closed = True


# -- the in-process server ----------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _tls_context() -> ssl.SSLContext:
    """What the app reads as the connection's TLS context for an ``https`` origin (aiohttp then
    says ``request.scheme == "https"``); no handshake ever happens."""
    return ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)


#: How much of a request is handed to the server at a time (it may ask us to pause between).
_FEED: Final = 64 * 1024


class _Expired(Exception):
    """A deadline of the exchange passed (turned into TimeoutError by the reader)."""


class _Pipe(asyncio.Transport):
    """One in-memory connection: the server's protocol sees this object as its socket's
    transport; the client side hands it the request's bytes and reads what the server wrote.

    Only the asyncio transport API is used on the server's side (``write``, ``close``,
    ``abort``, ``pause_reading``, ``get_extra_info``...), which aiohttp's server relies on.
    """

    def __init__(self, protocol: asyncio.Protocol, *, secure: bool) -> None:
        super().__init__(
            extra={
                "peername": ("127.0.0.1", 0),
                "sockname": ("127.0.0.1", 443 if secure else 80),
                "sslcontext": _tls_context() if secure else None,
                "socket": None,
            }
        )
        self._loop = asyncio.get_running_loop()
        self._protocol = protocol
        self._inbox = bytearray()
        self._changed = asyncio.Event()
        self._reading = True
        self._closing = False
        #: ``True`` when the server aborted the connection (a reset, not a close).
        self.reset = False
        self._lost = False

    # -- what the server calls -----------------------------------------------------------------

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if not self._closing:
            self._inbox += data
            self._changed.set()

    def can_write_eof(self) -> bool:
        return False

    def get_write_buffer_size(self) -> int:
        return 0

    def get_write_buffer_limits(self) -> tuple[int, int]:
        return (0, 0)

    def set_write_buffer_limits(self, high: int | None = None, low: int | None = None) -> None:
        return None

    def pause_reading(self) -> None:
        self._reading = False

    def resume_reading(self) -> None:
        self._reading = True
        self._changed.set()

    def is_reading(self) -> bool:
        return self._reading and not self._closing

    def is_closing(self) -> bool:
        return self._closing

    def set_protocol(self, protocol: asyncio.BaseProtocol) -> None:
        self._protocol = cast(asyncio.Protocol, protocol)

    def get_protocol(self) -> asyncio.BaseProtocol:
        return self._protocol

    def close(self) -> None:
        self._shut()

    def abort(self) -> None:
        if not self._closing:
            self.reset = True
        self._shut()

    def _shut(self) -> None:
        if self._closing:
            return
        self._closing = True
        self._changed.set()
        # As a socket's transport does: the protocol hears of it on the next loop iteration.
        self._loop.call_soon(self._connection_lost)

    def _connection_lost(self) -> None:
        if not self._lost:
            self._lost = True
            self._protocol.connection_lost(None)

    # -- what the client side calls ------------------------------------------------------------

    def hang_up(self) -> None:
        """The client is done with the connection (or gives up on it)."""
        self._shut()

    async def _wait(self, deadline: float | None) -> None:
        self._changed.clear()
        if deadline is None:
            await self._changed.wait()
            return
        remaining = deadline - self._loop.time()
        if remaining <= 0:
            raise _Expired
        timer = self._loop.call_later(remaining, self._changed.set)
        try:
            await self._changed.wait()
        finally:
            timer.cancel()

    async def send(self, data: bytes, deadline: float | None) -> None:
        """Hand *data* to the server, waiting while it asks for a pause; stops (silently) once
        the server has closed the connection: what it answered is still to be read."""
        view = memoryview(data)
        for start in range(0, len(data), _FEED):
            while not self._reading and not self._closing:
                await self._wait(deadline)
            if self._closing:
                return
            self._protocol.data_received(bytes(view[start : start + _FEED]))

    async def receive(self, deadline: float | None) -> bytes:
        """What the server wrote since the last call; ``b""`` once it closed and all is read."""
        while not self._inbox and not self._closing:
            await self._wait(deadline)
        data = bytes(self._inbox)
        self._inbox.clear()
        return data


class InProcessServer(EmulatorServer):
    """An :class:`~common.testing.EmulatorServer` that serves its app in this process, to an
    :class:`EmulatorTransport`: no socket, no port.

    Everything else is the kit server's: the same four middlewares (request log, guard with
    the vendor's error renderer, rate limit, faults) and response stamps (``X-Request-Id``,
    rate-limit headers), run by aiohttp's own HTTP server over in-memory connections. Its
    :attr:`url` is the *origin* it answers as (``https://emulator.invalid`` by default),
    valid before :meth:`start` too. Like any kit server it runs once.
    """

    #: Where the server pretends to live: the scheme and host the app sees.
    origin: str

    def __init__(
        self,
        app: web.Application,
        *,
        origin: str = DEFAULT_ORIGIN,
        rate_limit: ServerRateLimit | None = None,
        record_bodies_up_to: int = DEFAULT_RECORD_LIMIT,
        shutdown_timeout: float = 0.25,
        render_error: ErrorRenderer | None = None,
    ) -> None:
        super().__init__(
            app,
            rate_limit=rate_limit,
            record_bodies_up_to=record_bodies_up_to,
            shutdown_timeout=shutdown_timeout,
            render_error=render_error,
        )
        self.origin = _check_origin(origin)
        self._serving: web.AppRunner | None = None
        self._done = False

    @classmethod
    def taking_over(
        cls, server: EmulatorServer, *, origin: str = DEFAULT_ORIGIN
    ) -> InProcessServer:
        """An in-process server for the (not started) app of *server*, with its settings, and
        its request log, fault plan and bug list: the very objects, so that *server* shows
        what happens here too."""
        if server.running or server.app.frozen:
            raise RuntimeError(
                "the emulator has already been started; an EmulatorTransport serves it in "
                "process, so build the transport before (and instead of) starting it"
            )
        taken = cls(
            server.app,
            origin=origin,
            rate_limit=server.rate_limit,
            record_bodies_up_to=server.record_bodies_up_to,
            shutdown_timeout=server.shutdown_timeout,
            render_error=server.render_error,
        )
        taken.requests = server.requests
        taken.faults = server.faults
        taken.bugs = server.bugs
        return taken

    @property
    def url(self) -> str:
        """The origin the server answers as, e.g. ``"https://emulator.invalid"``."""
        return self.origin

    @property
    def port(self) -> int:
        raise RuntimeError("an in-process server has no port (no socket); use .url")

    @property
    def running(self) -> bool:
        return self._serving is not None

    @property
    def stopped(self) -> bool:
        """``True`` once :meth:`stop` has run: it cannot serve again."""
        return self._done

    async def start(self) -> None:
        """Install the kit's middlewares and start the app (its startup hooks); no socket."""
        if self._serving is not None or self._done:
            raise RuntimeError("the server has already been started; a server starts only once")
        if self.app.frozen:
            raise RuntimeError(
                "the app was already started (it is frozen); build a fresh app for each server"
            )
        self._install()  # the kit's track, record, guard, rate-limit and fault middlewares
        runner = web.AppRunner(
            self.app, handle_signals=False, shutdown_timeout=self.shutdown_timeout
        )
        try:
            await runner.setup()  # the app's startup hooks; aiohttp's server, no site
        except BaseException:
            self._done = True
            await runner.cleanup()
            raise
        self._serving = runner

    async def stop(self) -> None:
        """Close every connection and run the app's shutdown and cleanup hooks (idempotent).

        A handler still running after ``shutdown_timeout`` (a client that gave up on a slow
        answer leaves it running, as on a socket) is cancelled, so that no task outlives the
        server."""
        self._done = True
        runner, self._serving = self._serving, None
        if runner is None:
            return
        try:
            await runner.cleanup()
        finally:
            _forget_middleware_chains()
            await self._cancel_leftovers()

    def _connect(self, *, secure: bool) -> _Pipe:
        """A new in-memory connection to the server (which must be running)."""
        runner = self._serving
        server = runner.server if runner is not None else None
        if server is None:
            raise RuntimeError("the in-process server is not running")
        protocol = server()  # what a listening socket's loop.create_server would call
        pipe = _Pipe(protocol, secure=secure)
        protocol.connection_made(pipe)
        return pipe

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped" if self._done else "not started"
        return f"<InProcessServer {self.origin} {state} requests={len(self.requests)}>"


def _check_origin(text: str) -> str:
    url = URL(text)
    if (
        url.scheme not in ("http", "https")
        or not url.host
        or url.path not in ("", "/")
        or url.query_string
        or url.fragment
        or url.user is not None
    ):
        raise ValueError(f"origin must be like https://emulator.invalid (no path), got {text!r}")
    return str(url.origin())


# -- HTTP/1.1 over the pipe ---------------------------------------------------------------------


def _host_header(url: URL) -> str:
    host = url.raw_host or ""
    if ":" in host:  # an IPv6 literal
        host = f"[{host}]"
    if url.port is not None and not url.is_default_port():
        host += f":{url.port}"
    return host


class _Sink:
    """Collects what aiohttp's multipart writer writes."""

    def __init__(self) -> None:
        self.data = bytearray()

    async def write(self, chunk: bytes) -> None:
        self.data += chunk


async def _encoded_body(request: Request) -> tuple[bytes, dict[str, str]]:
    """The body's bytes and the headers that frame it, as aiohttp's client would send them."""
    body = request.body
    if isinstance(body, Multipart):
        form = aiohttp.FormData(quote_fields=False)
        for name, value in body.fields:
            form.add_field(name, value)
        for name, upload in body.files:
            form.add_field(
                name,
                await _read_upload(upload),
                filename=upload.filename,
                content_type=upload.content_type,
            )
        payload = form()
        sink = _Sink()
        await payload.write(cast(Any, sink))
        data = bytes(sink.data)
        return data, {"Content-Type": payload.content_type, "Content-Length": str(len(data))}
    if body is None:
        if request.method in ("GET", "HEAD", "OPTIONS", "TRACE"):
            return b"", {}
        return b"", {"Content-Length": "0"}
    framing = {"Content-Length": str(len(body))}
    if not any(name.lower() == "content-type" for name in request.headers):
        framing["Content-Type"] = "application/octet-stream"
    return bytes(body), framing


def _request_head(request: Request, url: URL, framing: Mapping[str, str]) -> bytes:
    headers: CIMultiDict[str] = CIMultiDict(request.headers)
    headers.setdefault("Host", _host_header(url))
    headers.update(framing)
    headers["Connection"] = "close"  # one exchange per connection
    lines = [f"{request.method} {url.raw_path_qs} HTTP/1.1"]
    for name, value in headers.items():
        if any(c in name or c in value for c in "\r\n\x00"):
            raise InvalidRequestError(f"header {name!r} holds a line break; nothing was sent")
        lines.append(f"{name}: {value}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")


#: The most bytes a status line and headers may take.
_MAX_HEAD: Final = 256 * 1024


class _Reader:
    """Reads one HTTP/1.1 answer from a pipe, within the request's timeouts."""

    def __init__(self, pipe: _Pipe, request: Request, url: str) -> None:
        self._pipe = pipe
        self._method = request.method
        self._url = url
        #: The request's URL with its params, secrets removed.
        self.url = url
        loop = asyncio.get_running_loop()
        self._loop = loop
        total = request.timeout.total
        self._end = None if total is None else loop.time() + total
        self._read = request.timeout.read
        self._buffer = bytearray()
        self._eof = False
        self._in_body = False

    def _deadline(self) -> float | None:
        if self._read is None:
            return self._end
        between = self._loop.time() + self._read
        return between if self._end is None else min(between, self._end)

    def _failure(self, message: str) -> TransportError:
        return ReadError(message, method=self._method, url=self._url, detail=message)

    def _broken(self) -> TransportError:
        if self._pipe.reset:
            return self._failure("the server reset the connection")
        if self._in_body:
            return self._failure("the connection broke while reading the body")
        return self._failure("the server closed the connection")

    async def _fill(self) -> bool:
        if self._eof:
            return False
        try:
            data = await self._pipe.receive(self._deadline())
        except _Expired:
            raise TimeoutError(
                "timed out waiting for the server",
                method=self._method,
                url=self._url,
                detail="no answer within the request's timeout (in process)",
            ) from None
        if not data:
            self._eof = True
            return False
        self._buffer += data
        return True

    async def send(self, data: bytes) -> None:
        try:
            await self._pipe.send(data, self._end)
        except _Expired:
            raise TimeoutError(
                "timed out sending the request", method=self._method, url=self._url
            ) from None

    async def _line(self) -> bytes:
        while (end := self._buffer.find(b"\r\n")) < 0:
            if len(self._buffer) > _MAX_HEAD:
                raise self._failure("a line of the answer is too long")
            if not await self._fill():
                raise self._broken()
        line = bytes(self._buffer[:end])
        del self._buffer[: end + 2]
        return line

    async def _some(self, most: int) -> bytes:
        if not self._buffer and not await self._fill():
            raise self._broken()
        piece = bytes(self._buffer[:most])
        del self._buffer[:most]
        return piece

    async def head(self) -> tuple[int, CIMultiDict[str]]:
        """The status and headers (an informational 1xx answer is skipped)."""
        while True:
            while self._buffer.find(b"\r\n\r\n") < 0:
                if len(self._buffer) > _MAX_HEAD:
                    raise self._failure("the answer's headers are too large")
                if not await self._fill():
                    raise self._broken()
            status_line = (await self._line()).decode("latin-1")
            version, _, rest = status_line.partition(" ")
            code = rest[:3]
            if not version.startswith("HTTP/1.") or not code.isdigit():
                raise self._failure(f"not an HTTP answer: {status_line[:40]!r}")
            headers: CIMultiDict[str] = CIMultiDict()
            while line := await self._line():
                name, colon, value = line.decode("utf-8", "surrogateescape").partition(":")
                if not colon:
                    raise self._failure("a malformed header line in the answer")
                headers.add(name.strip(), value.strip(" \t"))
            if not 100 <= int(code) < 200:
                self._in_body = True
                return int(code), headers

    async def _raw_body(self, status: int, headers: CIMultiDict[str]) -> AsyncIterator[bytes]:
        if self._method == "HEAD" or status in (204, 304):
            return
        if "chunked" in headers.get("Transfer-Encoding", "").lower():
            while True:
                size_text = (await self._line()).split(b";", 1)[0].strip()
                try:
                    size = int(size_text, 16)
                except ValueError:
                    raise self._failure("a malformed chunk in the answer") from None
                if size == 0:
                    while await self._line():  # trailers, up to the empty line
                        pass
                    return
                while size:
                    piece = await self._some(size)
                    size -= len(piece)
                    yield piece
                if await self._line():
                    raise self._failure("a malformed chunk in the answer")
        length = headers.get("Content-Length")
        if length is not None and length.strip().isdigit():
            remaining = int(length)
            while remaining:
                piece = await self._some(remaining)
                remaining -= len(piece)
                yield piece
            return
        while self._buffer or await self._fill():  # no length: up to the close
            piece = bytes(self._buffer)
            self._buffer.clear()
            yield piece

    async def body(self, status: int, headers: CIMultiDict[str]) -> AsyncIterator[bytes]:
        """The body, decoded as aiohttp's client decodes it (gzip, deflate)."""
        chunks = self._raw_body(status, headers)
        encoding = headers.get("Content-Encoding", "").strip().lower()
        if encoding not in ("gzip", "x-gzip", "deflate"):
            async for chunk in chunks:
                yield chunk
            return
        decoder = zlib.decompressobj(zlib.MAX_WBITS | 32)  # a gzip or zlib header
        try:
            async for chunk in chunks:
                if out := decoder.decompress(chunk):
                    yield out
            if tail := decoder.flush():
                yield tail
        except zlib.error:
            raise self._failure(f"the answer's {encoding} body does not decode") from None

    async def read_all(self, status: int, headers: CIMultiDict[str], limit: int | None) -> bytes:
        parts: list[bytes] = []
        size = 0
        async for chunk in self.body(status, headers):
            size += len(chunk)
            if limit is not None and size > limit:
                raise too_large(
                    size, limit, status=status, method=self._method, url=self._url, at_least=True
                )
            parts.append(chunk)
        return b"".join(parts)


class _InProcessStream(StreamedBody):
    """A download's body, read from the pipe as the server writes it."""

    def __init__(
        self,
        *,
        status: int,
        headers: CIMultiDict[str],
        url: str,
        pipe: _Pipe,
        reader: _Reader,
        max_size: int | None,
    ) -> None:
        super().__init__(status=status, headers=frozen_headers(headers), url=url)
        self._raw_headers = headers
        self._pipe = pipe
        self._reader = reader
        self._max_size = max_size

    async def iter_chunks(self, chunk_size: int) -> AsyncIterator[bytes]:
        async for chunk in self._reader.body(self.status, self._raw_headers):
            for start in range(0, len(chunk), chunk_size):
                yield chunk[start : start + chunk_size]

    async def read(self) -> bytes:
        return await self._reader.read_all(self.status, self._raw_headers, self._max_size)

    async def _release(self) -> None:
        self._pipe.hang_up()


# -- EmulatorTransport --------------------------------------------------------------------------


class EmulatorTransport(_InMemory):
    """A transport to one emulator in this process: no socket, no port, no network.

    *target* is a vendor emulator (``AmiqusEmulator()``...), a kit
    :class:`~common.testing.EmulatorServer`, or any ``aiohttp.web.Application`` (served as an
    ``EmulatorServer`` would serve it); none of them started. The transport gives it an
    :class:`InProcessServer` around the same app (a vendor emulator's ``server`` attribute is
    replaced by it; a server's request log, faults and bug list are kept, the very objects),
    which starts at the first request and stops at :meth:`aclose` (the client's ``aclose()``
    calls it: the app's cleanup hooks run then). Use it in one event loop. ::

        emulator = AmiqusEmulator()
        transport = EmulatorTransport(emulator)
        async with AmiqusClient(
            base_url=emulator.url, transport=transport, **emulator.credentials
        ) as client:
            ...
        assert emulator.requests.last.status == 200

    The emulator answers as *origin* (default :data:`DEFAULT_ORIGIN`,
    ``https://emulator.invalid``; an :class:`InProcessServer` keeps its own):
    ``emulator.url`` (and :attr:`url`) is that origin plus the vendor's API prefix, as the
    socket server's URL would be, and the paths a client sends reach the same routes. Every
    request goes to this one app, whatever its host; the host (``Host`` header) and scheme
    only shape the absolute URLs the emulator writes (next-page links).

    aiohttp's own HTTP server handles each exchange over an in-memory connection, so the
    kit's middlewares (request log, faults, rate limit, the vendor's error bodies,
    ``X-Request-Id``), the app's own middlewares, body limits (413) and streamed answers are
    as they are on a socket. Faults that hang up map to the error the default transport
    raises: ``Fault.close()``, ``Fault.reset()`` and ``Fault.drop_mid_body()`` raise
    :class:`~common.errors.ReadError`; ``Fault.latency()`` and ``Fault.slow_drip()`` hit the
    request's total and read timeouts (:class:`~common.errors.TimeoutError`).

    Not emulated: connecting (no :class:`~common.errors.ConnectError`, no connect timeout:
    raise one from a :class:`MockTransport` handler, or point the default transport at
    :func:`~common.testing.closed_port`), TLS (an ``https`` origin only makes the app see
    ``https``), proxies, connection pooling and keep-alive (one connection per exchange),
    and compression negotiation (no ``Accept-Encoding`` is sent; a gzip or deflate answer
    is decoded). A multipart upload is read into memory before it is sent.

    An answer larger than *max_response_size* decoded bytes raises
    :class:`~common.errors.ResponseTooLargeError`, as the default transport does (same
    default; ``None``: no limit).
    """

    def __init__(
        self,
        target: VendorEmulator | EmulatorServer | web.Application,
        *,
        origin: str | None = None,
        max_response_size: int | None = MAX_RESPONSE_SIZE,
    ) -> None:
        self._emulator: VendorEmulator | None = None
        if isinstance(target, VendorEmulator):
            self._emulator = target
            server = _in_process(target.server, origin)
            target.server = server
        elif isinstance(target, EmulatorServer):
            server = _in_process(target, origin)
        elif isinstance(target, web.Application):
            server = InProcessServer(target, origin=origin or DEFAULT_ORIGIN)
        else:
            raise TypeError(
                "EmulatorTransport serves a vendor emulator, an EmulatorServer or an "
                f"aiohttp.web.Application, got {type(target).__name__}"
            )
        self._server = server
        self._max_response_size = _check_limit(max_response_size)
        self._starting = asyncio.Lock()
        self._closed = False

    def __repr__(self) -> str:
        what = type(self._emulator).__name__ if self._emulator is not None else "app"
        state = "closed" if self._closed else "open"
        return f"<EmulatorTransport {what} {self.url} {state}>"

    @property
    def url(self) -> str:
        """The base URL to give the client: the emulator's ``url`` (origin and API prefix),
        or the origin for an app or a server."""
        return self._emulator.url if self._emulator is not None else self._server.url

    @property
    def server(self) -> InProcessServer:
        """The in-process kit server: ``.requests``, ``.faults``, ``.rate_limit``, ``.bugs``."""
        return self._server

    @property
    def emulator(self) -> VendorEmulator | None:
        """The vendor emulator served, if one was given."""
        return self._emulator

    async def _connect(self, request: Request) -> _Pipe:
        if self._closed or self._server.stopped:
            raise ClientClosedError(
                "this EmulatorTransport is closed (or its emulator was stopped)",
                method=request.method,
                url=redact_url(request.url),
            )
        if not self._server.running:
            async with self._starting:
                if not self._server.running:
                    await self._server.start()
        return self._server._connect(secure=request.url.scheme == "https")

    async def _exchange(self, request: Request) -> tuple[_Pipe, _Reader, int, CIMultiDict[str]]:
        """Send *request* and read the answer's head; the body is still to be read."""
        url = _full_url(request)
        body, framing = await _encoded_body(request)
        head = _request_head(request, url, framing)
        pipe = await self._connect(request)
        reader = _Reader(pipe, request, redact_url(url))
        try:
            await reader.send(head + body)
            status, headers = await reader.head()
        except BaseException:
            pipe.hang_up()
            raise
        return pipe, reader, status, headers

    async def send(self, request: Request) -> Response:
        """Make one exchange with the app and read the whole body (at most
        ``max_response_size`` bytes)."""
        started = time.perf_counter()
        pipe, reader, status, headers = await self._exchange(request)
        try:
            content = await reader.read_all(status, headers, self._max_response_size)
        finally:
            pipe.hang_up()
        return Response(
            status=status,
            headers=frozen_headers(headers),
            content=content,
            url=reader.url,
            method=request.method,
            elapsed=time.perf_counter() - started,
        )

    async def stream(self, request: Request) -> StreamedBody:
        """Make one exchange with the app and return once the headers are in; the body is
        read from the app as it writes it."""
        pipe, reader, status, headers = await self._exchange(request)
        return _InProcessStream(
            status=status,
            headers=headers,
            url=reader.url,
            pipe=pipe,
            reader=reader,
            max_size=self._max_response_size,
        )

    async def aclose(self) -> None:
        """Stop the in-process server (the app's cleanup hooks run). Idempotent."""
        self._closed = True
        await self._server.stop()


def _in_process(server: EmulatorServer, origin: str | None) -> InProcessServer:
    """*server* itself when it serves in process already, else one taking over its app."""
    if not isinstance(server, InProcessServer):
        return InProcessServer.taking_over(server, origin=origin or DEFAULT_ORIGIN)
    if origin is not None and _check_origin(origin) != server.origin:
        raise ValueError(f"the server already answers as {server.origin}, not {origin}")
    return server

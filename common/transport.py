"""The only module that talks to aiohttp's client: one exchange per call, no policy.

:class:`AiohttpTransport` owns (or borrows) an ``aiohttp.ClientSession``. An owned session is
created lazily inside the running loop, on first use, with a connection pool sized by the
client; it belongs to that loop, and a later loop gets a session of its own. A borrowed
session is used as it is and never closed here. aiohttp's exceptions are translated into
this library's :mod:`~common.errors`; nothing else is decided here.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterator
from typing import IO, Any

import aiohttp
from multidict import CIMultiDictProxy

from .errors import (
    ConnectError,
    ReadError,
    ResponseTooLargeError,
    TimeoutError,
    TransportError,
)
from .files import Multipart, Upload
from .messages import Request, Response, Timeout
from .redact import redact_url
from .sessions import SessionHolder

__all__ = ["AiohttpTransport", "StreamedBody"]

_UPLOAD_CHUNK = 256 * 1024


# A client uses one or two timeouts: their aiohttp form is built once, not per request.
_CLIENT_TIMEOUTS: dict[tuple[float | None, float | None, float | None], aiohttp.ClientTimeout] = {}


def _client_timeout(timeout: Timeout) -> aiohttp.ClientTimeout:
    key = (timeout.total, timeout.connect, timeout.read)
    found = _CLIENT_TIMEOUTS.get(key)
    if found is None:
        found = aiohttp.ClientTimeout(total=key[0], sock_connect=key[1], sock_read=key[2])
        if len(_CLIENT_TIMEOUTS) < 64:
            _CLIENT_TIMEOUTS[key] = found
    return found


#: What :func:`_translate` turns into this library's errors.
_FAILURES = (aiohttp.ClientError, asyncio.TimeoutError, ConnectionError)


def _translate(err: BaseException, request: Request) -> TransportError:
    """This library's transport error for an aiohttp or socket failure (one of _FAILURES)."""
    method, url = request.method, redact_url(request.url)
    if isinstance(err, aiohttp.ConnectionTimeoutError):
        return TimeoutError("timed out connecting", connected=False, method=method, url=url)
    if isinstance(err, (aiohttp.ServerTimeoutError, asyncio.TimeoutError)):
        return TimeoutError("timed out waiting for the server", method=method, url=url)
    if isinstance(err, aiohttp.ClientConnectorError):
        return ConnectError(f"could not connect: {err.os_error}", method=method, url=url)
    if isinstance(err, aiohttp.ClientPayloadError):
        return ReadError("the connection broke while reading the body", method=method, url=url)
    if isinstance(err, aiohttp.ServerDisconnectedError):
        return ReadError("the server closed the connection", method=method, url=url)
    if isinstance(err, (aiohttp.ClientOSError, ConnectionError)):
        return ReadError(f"the connection failed: {err}", method=method, url=url)
    if isinstance(err, aiohttp.ClientResponseError):  # its str() holds the full URL
        return TransportError(
            f"{type(err).__name__}: {err.status} {err.message}", method=method, url=url
        )
    return TransportError(f"{type(err).__name__}: {err}", method=method, url=url)


@contextlib.contextmanager
def _translated(request: Request) -> Iterator[None]:
    """Re-raise aiohttp and socket failures as this library's transport errors."""
    try:
        yield
    except _FAILURES as err:
        raise _translate(err, request) from err


class StreamedBody:
    """A response whose body is still on the wire (downloads). Always ``aclose()`` it."""

    def __init__(self, response: aiohttp.ClientResponse, request: Request) -> None:
        self._response = response
        self._request = request
        self.status = response.status
        self.headers: CIMultiDictProxy[str] = response.headers
        self.url = redact_url(response.url)
        self._on_close: list[Callable[[], None]] = []

    @property
    def filename(self) -> str | None:
        """The filename of ``Content-Disposition``, as sent (not yet made safe)."""
        disposition = self._response.content_disposition
        return disposition.filename if disposition is not None else None

    async def iter_chunks(self, chunk_size: int) -> AsyncIterator[bytes]:
        with _translated(self._request):
            async for chunk in self._response.content.iter_chunked(chunk_size):
                yield chunk

    async def read(self) -> bytes:
        with _translated(self._request):
            return await self._response.read()

    def on_close(self, callback: Callable[[], None]) -> None:
        """Call *callback* once when the stream is closed (frees a concurrency slot)."""
        self._on_close.append(callback)

    async def aclose(self) -> None:
        """Release the connection. Idempotent."""
        self._response.release()
        callbacks, self._on_close = self._on_close, []
        for callback in callbacks:
            callback()


class _OpenedFiles:
    """File objects opened for one attempt's multipart body, closed after it."""

    def __init__(self) -> None:
        self.handles: list[IO[bytes]] = []

    def close(self) -> None:
        for handle in self.handles:
            handle.close()


async def _form_data(body: Multipart, opened: _OpenedFiles) -> aiohttp.FormData:
    form = aiohttp.FormData(quote_fields=False)
    for name, value in body.fields:
        form.add_field(name, value)
    for name, upload in body.files:
        form.add_field(
            name,
            await _payload_source(upload, opened),
            filename=upload.filename,
            content_type=upload.content_type,
        )
    return form


async def _payload_source(upload: Upload, opened: _OpenedFiles) -> Any:
    source = upload.source
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source)
    if isinstance(source, (str, os.PathLike)):
        handle = await _open_for_reading(source)
        opened.handles.append(handle)
        return handle  # ours: aiohttp reads it in a thread, knows its size, and closes it
    if isinstance(source, AsyncIterable):
        return source
    # The caller's file object: read it ourselves, so that aiohttp never closes it and a
    # retry can rewind it to where it stood.
    return _chunks_of(source, upload.start)


async def _open_for_reading(path: str | os.PathLike[str]) -> IO[bytes]:
    opening: asyncio.Future[IO[bytes]] = asyncio.ensure_future(asyncio.to_thread(open, path, "rb"))
    try:
        return await asyncio.shield(opening)
    except asyncio.CancelledError:
        # The thread may still open the file: close it when it does.
        opening.add_done_callback(_close_opened)
        raise


def _close_opened(opening: asyncio.Future[IO[bytes]]) -> None:
    if not opening.cancelled() and opening.exception() is None:
        opening.result().close()


async def _chunks_of(source: IO[bytes], start: int | None) -> AsyncIterator[bytes]:
    if start is not None:
        await asyncio.to_thread(source.seek, start)
    while chunk := await asyncio.to_thread(source.read, _UPLOAD_CHUNK):
        yield chunk


class AiohttpTransport:
    """Sends :class:`Request` objects over the session of a :class:`SessionHolder`."""

    def __init__(self, sessions: SessionHolder, *, max_response_size: int | None = None) -> None:
        self._sessions = sessions
        self._max_response_size = max_response_size

    @property
    def closed(self) -> bool:
        return self._sessions.closed

    @property
    def session(self) -> aiohttp.ClientSession | None:
        """The session the client opened itself (``None`` before, or with a borrowed one)."""
        return self._sessions.owned

    async def _open(self, request: Request, opened: _OpenedFiles) -> aiohttp.ClientResponse:
        session = self._sessions.current() or await self._sessions.get()
        data: Any = request.body
        if isinstance(data, Multipart):
            data = await _form_data(data, opened)
        return await session.request(
            request.method,
            request.url,
            params=request.params or None,
            headers=request.headers,
            data=data,
            timeout=_client_timeout(request.timeout),
            allow_redirects=False,
        )

    async def send(self, request: Request) -> Response:
        """Make one exchange and read the whole body."""
        if isinstance(request.body, Multipart):
            return await self._send_multipart(request)
        started = time.perf_counter()
        # The hot path: no context manager objects, nothing built that a GET does not need.
        try:
            session = self._sessions.current() or await self._sessions.get()
            response = await session.request(
                request.method,
                request.url,
                params=request.params or None,
                headers=request.headers,
                data=request.body,
                timeout=_client_timeout(request.timeout),
                allow_redirects=False,
            )
            try:
                if self._max_response_size is None:
                    content = await response.read()
                else:
                    content = await _read_at_most(response, self._max_response_size, request)
            finally:
                response.release()  # what `async with response` does on the way out
                if request.body is not None:
                    await response.wait_for_close()  # the body writer, when there was one
        except _FAILURES as err:
            raise _translate(err, request) from err
        return _complete(response, content, request, started)

    async def _send_multipart(self, request: Request) -> Response:
        started = time.perf_counter()
        opened = _OpenedFiles()
        try:
            with _translated(request):
                async with await self._open(request, opened) as response:
                    limit = self._max_response_size
                    content = (
                        await response.read()
                        if limit is None
                        else await _read_at_most(response, limit, request)
                    )
        finally:
            opened.close()
        return _complete(response, content, request, started)

    async def stream(self, request: Request) -> StreamedBody:
        """Make one exchange and return once the headers are in; the body stays unread."""
        opened = _OpenedFiles()
        try:
            with _translated(request):
                response = await self._open(request, opened)
        finally:
            opened.close()
        return StreamedBody(response, request)

    async def aclose(self) -> None:
        """Close the session we own (never a borrowed one). Safe to call twice."""
        await self._sessions.aclose()


def _complete(
    response: aiohttp.ClientResponse, content: bytes, request: Request, started: float
) -> Response:
    return Response(
        status=response.status,
        headers=response.headers,
        content=content,
        url=redact_url(response.url),
        method=request.method,
        elapsed=time.perf_counter() - started,
    )


async def _read_at_most(response: aiohttp.ClientResponse, limit: int, request: Request) -> bytes:
    """The whole body, unless it is larger than *limit* bytes (checked before and while
    reading): then :class:`ResponseTooLargeError`, and the connection is not reused."""
    declared = response.content_length
    if declared is not None and declared > limit:
        response.close()
        raise _too_large(declared, limit, request)
    if declared is not None:
        return await response.read()
    chunks: list[bytes] = []
    size = 0
    while chunk := await response.content.read(65536):
        size += len(chunk)
        if size > limit:
            response.close()
            raise _too_large(size, limit, request, at_least=True)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(size: int, limit: int, request: Request, *, at_least: bool = False) -> ReadError:
    more = "more than " if at_least else ""
    return ResponseTooLargeError(
        f"the answer's body is {more}{size} bytes, above max_response_size={limit}",
        method=request.method,
        url=redact_url(request.url),
    )

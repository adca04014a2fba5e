"""The default :class:`~common.transport.Transport`: the only module that talks to aiohttp's
client. One exchange per call, no policy.

:class:`AiohttpTransport` owns (or borrows) an ``aiohttp.ClientSession``. An owned session is
created lazily inside the running loop, on first use, with a connection pool sized by the
client; it belongs to that loop, and a later loop gets a session of its own. A borrowed
session is used as it is and never closed here. aiohttp's exceptions are translated into
this library's :mod:`~common.errors`; nothing else is decided here.

Two rules hold for every body read here and every error raised from here:

* **Bounded memory.** A body is read in chunks of *decoded* bytes (after gzip, deflate or
  brotli, whatever aiohttp undoes) and reading stops past ``max_response_size`` with
  :class:`~common.errors.ResponseTooLargeError`: a small compressed body cannot unfold into
  gigabytes. Only a download's success stream is exempt; its consumer reads it chunk by chunk.
* **No credential on a traceback.** aiohttp's frames hold the request's headers, and error
  reporters (Sentry, rich, ``pytest -l``) render frame locals. A translated error is raised
  outside the ``except`` block that caught aiohttp's (no ``__cause__``, no ``__context__``),
  from a frame that holds no aiohttp object; ``detail`` describes what failed underneath.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncIterable, AsyncIterator
from typing import IO, TYPE_CHECKING, Any, Final

import aiohttp
from yarl import URL

from ..errors import (
    ApiError,
    ConnectError,
    InvalidRequestError,
    ReadError,
    ResponseTooLargeError,
    TimeoutError,
    TransportError,
)
from ..messages import Request, Response, Timeout
from ..redact import redact_url
from ..secrets import Secret, scrub_text
from .base import StreamedBody, too_large

if TYPE_CHECKING:
    from ..files import Multipart, Upload
    from ..sessions import SessionHolder

__all__ = ["DEFAULT_POOL", "MAX_RESPONSE_SIZE", "AiohttpStream", "AiohttpTransport", "read_bounded"]

#: The default ``max_response_size``: an API answer (not a download) larger than this is an
#: error, not something to hold in memory.
MAX_RESPONSE_SIZE: Final = 32 * 1024 * 1024
#: The size of the connection pool of a session the transport opens itself.
DEFAULT_POOL: Final = 100

_UPLOAD_CHUNK = 256 * 1024


# A client uses one or two timeouts: their aiohttp form is built once, not per request.
_CLIENT_TIMEOUTS: dict[tuple[float | None, float | None, float | None], aiohttp.ClientTimeout] = {}


def _client_timeout(timeout: Timeout) -> aiohttp.ClientTimeout:
    key = (timeout.total, timeout.connect, timeout.read)
    found = _CLIENT_TIMEOUTS.get(key)
    if found is None:
        total, read = key[0], key[2]
        if total is not None and read is not None and read >= total:
            # The total always fires first (no silence between reads outlasts the whole
            # exchange), so the read limit is left out: aiohttp would re-arm a timer for it
            # on every chunk received (about 5 % of a GET's cost).
            read = None
        found = aiohttp.ClientTimeout(total=total, sock_connect=key[1], sock_read=read)
        if len(_CLIENT_TIMEOUTS) < 64:
            _CLIENT_TIMEOUTS[key] = found
    return found


#: What :func:`_translate` turns into this library's errors.
_FAILURES = (aiohttp.ClientError, asyncio.TimeoutError, ConnectionError)


def _describe(err: BaseException) -> str:
    """What *err* says, with nothing of the request in it: no URL query, no user info, no
    secret the library holds (aiohttp puts the full URL in some of its messages)."""
    if isinstance(err, aiohttp.ClientResponseError):
        text = f"{err.status} {err.message}"
    elif isinstance(err, aiohttp.InvalidURL):
        text = redact_url(str(err.url))
    elif isinstance(err, aiohttp.ClientConnectorError):
        text = str(err.os_error)
    else:
        text = str(err)
    return scrub_text(f"{type(err).__name__}: {text}" if text else type(err).__name__)


def _translate(err: BaseException, request: Request) -> TransportError:
    """This library's transport error for an aiohttp or socket failure (one of _FAILURES)."""
    method, url = request.method, redact_url(request.url)
    detail = _describe(err)
    if isinstance(err, aiohttp.ConnectionTimeoutError):
        return TimeoutError(
            "timed out connecting", connected=False, method=method, url=url, detail=detail
        )
    if isinstance(err, (aiohttp.ServerTimeoutError, asyncio.TimeoutError)):
        return TimeoutError(
            "timed out waiting for the server", method=method, url=url, detail=detail
        )
    if isinstance(err, aiohttp.ClientConnectorError):
        return ConnectError(
            f"could not connect: {err.os_error}", method=method, url=url, detail=detail
        )
    if isinstance(err, aiohttp.ClientPayloadError):
        return ReadError(
            "the connection broke while reading the body", method=method, url=url, detail=detail
        )
    if isinstance(err, aiohttp.ServerDisconnectedError):
        return ReadError("the server closed the connection", method=method, url=url, detail=detail)
    if isinstance(err, (aiohttp.ClientOSError, ConnectionError)):
        return ReadError(f"the connection failed: {err}", method=method, url=url, detail=detail)
    return TransportError(detail, method=method, url=url, detail=detail)


class AiohttpStream(StreamedBody):
    """A :class:`StreamedBody` on an aiohttp response whose body is still on the wire."""

    def __init__(
        self, response: aiohttp.ClientResponse, request: Request, max_size: int | None = None
    ) -> None:
        super().__init__(
            status=response.status, headers=response.headers, url=redact_url(response.url)
        )
        self._response = response
        self._request = request
        self._max_size = max_size

    async def iter_chunks(self, chunk_size: int) -> AsyncIterator[bytes]:
        content = self._response.content
        while True:
            try:
                chunk = await content.read(chunk_size)
            except _FAILURES as err:
                failure = _translate(err, self._request)
                break
            if not chunk:
                return
            yield chunk
        raise failure  # here, not in the except block: no aiohttp frame is chained

    async def read(self) -> bytes:
        failure: ApiError
        try:
            return await _read_body(self._response, self._max_size, self._request)
        except _FAILURES as err:
            failure = _translate(err, self._request)
        except ResponseTooLargeError as err:
            failure = err.with_traceback(None)  # its frames hold aiohttp's response
        raise failure

    async def _release(self) -> None:
        self._response.release()


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


def _proxy_url(proxy: str | None, auth: tuple[str, str | Secret] | None) -> str | None:
    if proxy is None:
        if auth is not None:
            raise InvalidRequestError("proxy_auth needs proxy=")
        return None
    url = URL(proxy)
    if url.scheme not in ("http", "https") or not url.host:
        raise InvalidRequestError("proxy must be an http:// or https:// URL")
    if auth is not None:
        user, password = auth
        url = url.with_user(user).with_password(Secret(password).reveal())
    return str(url)


def _pool_limit(
    session: aiohttp.ClientSession | None, connector: aiohttp.BaseConnector | None, pool: int
) -> int | None:
    """How many connections to one host the pool in use holds (``None``: no limit)."""
    if session is None and connector is None:
        return pool
    found = connector if connector is not None else session.connector if session else None
    if found is None:
        return None
    sizes = [n for n in (found.limit, found.limit_per_host) if n]
    return min(sizes) if sizes else None


class AiohttpTransport:
    """Sends :class:`Request` objects with aiohttp: the transport every client uses unless
    given another (``transport=``).

    With *session*, that session is used as it is (its connector, proxy, TLS and trace
    configs) and never closed here. Otherwise the transport opens its own, lazily, inside
    the running loop, with a pool of *pool_size* connections (or the user's *connector*,
    never closed here), *proxy* (``proxy_auth``: a ``(user, password)`` pair) and
    *trust_env*. A body larger than *max_response_size* decoded bytes is refused with
    :class:`~common.errors.ResponseTooLargeError` (``None``: no limit).
    """

    def __init__(
        self,
        *,
        session: aiohttp.ClientSession | None = None,
        connector: aiohttp.BaseConnector | None = None,
        proxy: str | None = None,
        proxy_auth: tuple[str, str | Secret] | None = None,
        trust_env: bool = False,
        pool_size: int = DEFAULT_POOL,
        max_response_size: int | None = MAX_RESPONSE_SIZE,
        label: str = "api",
    ) -> None:
        if session is not None and (connector is not None or proxy is not None or trust_env):
            raise InvalidRequestError(
                "with session=, set its connector, proxy and trust_env on the session itself"
            )
        if max_response_size is not None and max_response_size < 1:
            raise InvalidRequestError("max_response_size must be a positive number of bytes")
        if pool_size < 1:
            raise InvalidRequestError("pool_size must be at least 1")
        from ..sessions import SessionHolder, SessionSettings, creation_site  # with a client

        self._sessions: SessionHolder = SessionHolder(
            borrowed=session,
            settings=SessionSettings(
                pool_size=pool_size,
                trust_env=trust_env,
                proxy=_proxy_url(proxy, proxy_auth),
                connector=connector,
            ),
            created_at=creation_site(),
            label=label,
        )
        self._max_response_size = max_response_size
        self._connection_limit = _pool_limit(session, connector, pool_size)

    def __repr__(self) -> str:
        state = "closed" if self._sessions.closed else "open"
        return f"<AiohttpTransport {state}>"

    @property
    def connection_limit(self) -> int | None:
        return self._connection_limit

    @property
    def max_response_size(self) -> int | None:
        return self._max_response_size

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
        if data is not None and not isinstance(data, bytes):  # a Multipart
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
        """Make one exchange and read the whole body (at most ``max_response_size`` bytes)."""
        # No local holds the body: a traceback rendered with locals would show it (a form
        # may carry a client secret).
        if request.body is not None and not isinstance(request.body, bytes):  # a Multipart
            return await self._send_multipart(request)
        started = time.perf_counter()
        failure: ApiError
        try:
            response, content = await self._exchange(request)
        except _FAILURES as err:
            failure = _translate(err, request)
        except ResponseTooLargeError as err:
            failure = err.with_traceback(None)  # its frames hold aiohttp's response
        else:
            return _complete(response, content, request, started)
        raise failure

    async def _exchange(self, request: Request) -> tuple[aiohttp.ClientResponse, bytes]:
        # The hot path: no context manager objects, nothing built that a GET does not need.
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
            content = await _read_body(response, self._max_response_size, request)
        finally:
            response.release()  # what `async with response` does on the way out
            if request.body is not None:
                await response.wait_for_close()  # the body writer, when there was one
        return response, content

    async def _send_multipart(self, request: Request) -> Response:
        started = time.perf_counter()
        failure: ApiError
        try:
            response, content = await self._exchange_multipart(request)
        except _FAILURES as err:
            failure = _translate(err, request)
        except ResponseTooLargeError as err:
            failure = err.with_traceback(None)
        else:
            return _complete(response, content, request, started)
        raise failure

    async def _exchange_multipart(self, request: Request) -> tuple[aiohttp.ClientResponse, bytes]:
        opened = _OpenedFiles()
        try:
            async with await self._open(request, opened) as response:
                content = await _read_body(response, self._max_response_size, request)
        finally:
            opened.close()
        return response, content

    async def stream(self, request: Request) -> StreamedBody:
        """Make one exchange and return once the headers are in; the body stays unread."""
        opened = _OpenedFiles()
        try:
            response = await self._open(request, opened)
        except _FAILURES as err:
            failure = _translate(err, request)
        else:
            return AiohttpStream(response, request, self._max_response_size)
        finally:
            opened.close()
        raise failure

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


#: How much of a body is read at a time when it is counted against ``max_response_size``.
_READ_CHUNK: Final = 64 * 1024


async def read_bounded(
    response: aiohttp.ClientResponse, limit: int | None, request: Request
) -> bytes:
    """The whole (decoded) body of *response*, or :class:`ResponseTooLargeError` once it is
    larger than *limit* bytes (``None``: no limit); the connection is then closed, not reused.

    The bound holds on the bytes aiohttp hands over *after* decoding ``Content-Encoding``
    (gzip, deflate, brotli): the declared ``Content-Length`` is trusted only for a body sent
    as it is (no encoding), where it is the size that will be read. aiohttp decompresses as
    it is read, so a body that would unfold past the limit is never held whole. aiohttp
    failures propagate untranslated: the caller translates them.
    """
    return await _read_body(response, limit, request)


async def _read_body(
    response: aiohttp.ClientResponse, limit: int | None, request: Request
) -> bytes:
    if limit is None:
        return await response.read()
    declared = response.content_length
    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    if declared is not None and encoding in ("", "identity"):
        if declared > limit:
            response.close()
            raise too_large(
                declared,
                limit,
                status=response.status,
                method=request.method,
                url=redact_url(request.url),
            )
        return await response.read()  # exactly `declared` bytes
    chunks: list[bytes] = []
    size = 0
    while chunk := await response.content.read(_READ_CHUNK):
        size += len(chunk)
        if size > limit:
            response.close()
            raise too_large(
                size,
                limit,
                status=response.status,
                method=request.method,
                url=redact_url(request.url),
                at_least=True,
            )
        chunks.append(chunk)
    return b"".join(chunks)

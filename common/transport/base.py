"""The transport seam: what a client needs from whatever carries its requests.

A client builds :class:`~common.messages.Request` objects and hands them to a
:class:`Transport`; everything above it (auth, limits, retries, redirects, errors) is the
client's, everything below (sockets, TLS, HTTP) is the transport's. The default is
:class:`~common.transport.AiohttpTransport`; tests use :class:`common.testing.MockTransport`
(a handler function) or :class:`common.testing.EmulatorTransport` (an emulator, in process).

A transport makes **one exchange per call** and decides nothing: it does not follow
redirects, retry, add credentials or raise on an error status. It raises only this
library's :class:`~common.errors.TransportError` family (connect, timeout, read failures)
and :class:`~common.errors.ResponseTooLargeError`.
"""

from __future__ import annotations

import abc
from collections.abc import AsyncIterator, Callable, Mapping
from typing import Protocol, runtime_checkable

from multidict import CIMultiDict, CIMultiDictProxy

from ..errors import ResponseTooLargeError
from ..messages import Request, Response

__all__ = ["BufferedStream", "StreamedBody", "Transport", "frozen_headers", "too_large"]


@runtime_checkable
class Transport(Protocol):
    """Carries requests: ``send`` (whole body), ``stream`` (downloads), ``aclose``."""

    @property
    def connection_limit(self) -> int | None:
        """How many exchanges can be in flight to one host at once (``None``: no limit).

        A client never lets more than this many through its own concurrency limit, so that
        no request waits inside the transport, past the client's limits and timeouts.
        """

    async def send(self, request: Request) -> Response:
        """Make one exchange and return the complete response, whatever its status."""

    async def stream(self, request: Request) -> StreamedBody:
        """Make one exchange and return once the status and headers are in."""

    async def aclose(self) -> None:
        """Release what the transport holds. Idempotent."""


def frozen_headers(headers: Mapping[str, str] | None = None) -> CIMultiDictProxy[str]:
    """Case-insensitive, read-only headers, as every :class:`Response` carries them."""
    return CIMultiDictProxy(CIMultiDict(headers or {}))


def too_large(
    size: int, limit: int, *, status: int, method: str, url: str, at_least: bool = False
) -> ResponseTooLargeError:
    """The error of an answer whose body is *size* bytes (or more, *at_least*), above the
    transport's ``max_response_size`` *limit*; *url* with its secrets already removed."""
    more = "more than " if at_least else ""
    return ResponseTooLargeError(
        f"the body of the {status} answer is {more}{size} bytes, above "
        f"max_response_size={limit}; it was not read",
        method=method,
        url=url,
    )


def _filename_of(disposition: str | None) -> str | None:
    if not disposition:
        return None
    from aiohttp.multipart import content_disposition_filename, parse_content_disposition

    _, params = parse_content_disposition(disposition)
    return content_disposition_filename(params, "filename")


class StreamedBody(abc.ABC):
    """A response whose body is still to be read (downloads). Always ``aclose()`` it.

    :meth:`read` (the whole body, for an error answer) stops past the transport's size
    limit; :meth:`iter_chunks` (a download's content) is bounded by its consumer.
    """

    def __init__(self, *, status: int, headers: Mapping[str, str], url: str) -> None:
        self.status = status
        self.headers = headers
        #: The URL that answered (secrets removed).
        self.url = url
        self._on_close: list[Callable[[], None]] = []

    @property
    def filename(self) -> str | None:
        """The filename of ``Content-Disposition``, as sent (not yet made safe)."""
        return _filename_of(self.headers.get("Content-Disposition"))

    @abc.abstractmethod
    def iter_chunks(self, chunk_size: int) -> AsyncIterator[bytes]:
        """The body, *chunk_size* bytes at a time (the last chunk may be shorter)."""

    @abc.abstractmethod
    async def read(self) -> bytes:
        """The whole body (bounded by the transport's ``max_response_size``)."""

    @abc.abstractmethod
    async def _release(self) -> None:
        """Give the connection back (or drop it); called once, by :meth:`aclose`."""

    def on_close(self, callback: Callable[[], None]) -> None:
        """Call *callback* once when the stream is closed (frees a concurrency slot)."""
        self._on_close.append(callback)

    async def aclose(self) -> None:
        """Release the connection. Idempotent."""
        callbacks, self._on_close = self._on_close, []
        try:
            await self._release()
        finally:
            for callback in callbacks:
                callback()


class BufferedStream(StreamedBody):
    """A :class:`StreamedBody` over bytes already in memory (mock and in-process transports)."""

    def __init__(
        self,
        *,
        status: int,
        headers: Mapping[str, str],
        url: str,
        content: bytes,
        request: Request,
        max_size: int | None = None,
    ) -> None:
        super().__init__(status=status, headers=headers, url=url)
        self._content = content
        self._request = request
        self._max_size = max_size
        self.closed: bool = False

    async def iter_chunks(self, chunk_size: int) -> AsyncIterator[bytes]:
        content = self._content
        for start in range(0, len(content), chunk_size):
            yield content[start : start + chunk_size]

    async def read(self) -> bytes:
        if self._max_size is not None and len(self._content) > self._max_size:
            raise too_large(
                len(self._content),
                self._max_size,
                status=self.status,
                method=self._request.method,
                url=self.url,
            )
        return self._content

    async def _release(self) -> None:
        self.closed = True

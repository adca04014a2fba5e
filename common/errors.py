"""Exceptions raised by every client in this distribution.

The tree::

    ApiError
    ├── InvalidRequestError        bad arguments, raised before anything is sent
    ├── ClientClosedError          the client was used after ``aclose()``
    ├── UnsafeURLError             a URL (next-page link, redirect) points at a foreign host
    ├── TransportError             no HTTP status to speak of
    │   ├── ConnectError           the connection was never established
    │   ├── TimeoutError           connect, read or total timeout
    │   └── ReadError              the connection broke after the request was sent
    ├── DecodeError                a body that is not JSON, or not the documented shape
    │   └── PaginationCycleError   a listing's next page is one already read
    └── HTTPStatusError            the server answered 4xx/5xx
        ├── BadRequestError        400
        ├── AuthenticationError    401
        ├── PermissionDeniedError  403
        ├── NotFoundError          404
        ├── ConflictError          409
        ├── ValidationError        422 (``field_errors``)
        ├── RateLimitError         429 (``retry_after``)
        └── ServerError            5xx

Every error that followed a request carries ``method`` and ``url`` (secrets removed) and
``attempts``. Status errors also carry ``status``, ``message``, ``body``, ``request_id`` and
``field_errors``. No error ever holds a credential.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from .redact import redact_data

__all__ = [
    "ApiError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConflictError",
    "ConnectError",
    "DecodeError",
    "GoneError",
    "HTTPStatusError",
    "InvalidRequestError",
    "LockedError",
    "NotFoundError",
    "PaginationCycleError",
    "PayloadTooLargeError",
    "PermissionDeniedError",
    "RateLimitError",
    "ReadError",
    "ResponseTooLargeError",
    "ServerError",
    "TimeoutError",
    "TransportError",
    "UnsafeURLError",
    "ValidationError",
    "error_class_for_status",
]


class ApiError(Exception):
    """Base of every error this library raises."""

    message: str
    method: str | None
    url: str | None
    attempts: int

    #: Attributes that may hold what a server sent: every secret the library holds, and
    #: every credential-like ``key=value`` (a signed URL quoted back), is removed from them
    #: as they are set (:func:`common.redact.redact_data`), whoever builds the error, so a
    #: server echoing a token back cannot put it in a message, a log or an error report.
    _SCRUBBED: ClassVar[frozenset[str]] = frozenset(
        {"message", "body", "excerpt", "request_id", "field_errors", "headers", "paths", "detail"}
    )

    def __init__(
        self,
        message: str,
        *,
        method: str | None = None,
        url: str | None = None,
        attempts: int = 0,
    ) -> None:
        message = redact_data(message)
        super().__init__(message)
        Exception.__setattr__(self, "message", message)  # redacted just above
        self.method = method
        self.url = url
        self.attempts = attempts

    def __setattr__(self, name: str, value: Any) -> None:
        if name in self._SCRUBBED and value:
            value = redact_data(value)
        super().__setattr__(name, value)

    def _context(self) -> list[str]:
        parts: list[str] = []
        if self.method and self.url:
            parts.append(f"{self.method} {self.url}")
        if self.attempts:
            parts.append(f"{self.attempts} attempt" + ("s" if self.attempts != 1 else ""))
        return parts

    def __str__(self) -> str:
        context = self._context()
        return f"{self.message} ({', '.join(context)})" if context else self.message


class InvalidRequestError(ApiError, ValueError):
    """The arguments cannot make a valid request; nothing was sent."""


class ClientClosedError(ApiError, RuntimeError):
    """The client (or the session it was given) is closed."""


class UnsafeURLError(ApiError):
    """A URL the server handed us points outside the configured origin; it was not followed."""


class TransportError(ApiError):
    """The exchange failed below HTTP: no usable status line was received.

    The failure aiohttp or the socket reported is not chained as ``__cause__`` (its frames
    hold the request's headers, credentials included, and error reporters render frame
    locals): ``detail`` describes it instead.
    """

    def __init__(
        self,
        message: str,
        *,
        method: str | None = None,
        url: str | None = None,
        attempts: int = 0,
        detail: str | None = None,
    ) -> None:
        super().__init__(message, method=method, url=url, attempts=attempts)
        #: What failed underneath, as text: ``"ClientConnectorError: [Errno 111] ..."``.
        self.detail = detail


class ConnectError(TransportError):
    """The connection was never established, so the server cannot have seen the request."""


class TimeoutError(TransportError, builtins.TimeoutError):
    """A connect, read or total timeout expired."""

    def __init__(
        self,
        message: str,
        *,
        method: str | None = None,
        url: str | None = None,
        attempts: int = 0,
        detail: str | None = None,
        connected: bool = True,
    ) -> None:
        super().__init__(message, method=method, url=url, attempts=attempts, detail=detail)
        #: ``False`` when the timeout hit while connecting (the request was never sent).
        self.connected = connected


class ReadError(TransportError):
    """The connection broke after the request was sent (reset, closed mid-body)."""


class ResponseTooLargeError(ReadError):
    """An answer's body is larger than the client's ``max_response_size``, counted in decoded
    bytes (after gzip, deflate or brotli); reading stopped there. Never retried."""


class DecodeError(ApiError):
    """A body was not JSON, or not the shape the documentation promises."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        excerpt: str = "",
        method: str | None = None,
        url: str | None = None,
        attempts: int = 0,
        body: Any = None,
        paths: Iterable[str] = (),
    ) -> None:
        super().__init__(message, method=method, url=url, attempts=attempts)
        self.status = status
        #: The first few hundred characters of the offending body, for diagnosis.
        self.excerpt = excerpt
        #: The whole decoded body (JSON data) when it parsed but did not have the documented
        #: shape, so nothing the vendor sent is lost; ``None`` when it did not parse.
        self.body = body
        #: Where the shape went wrong, as JSONPath-like strings (``$.items[2].created_at``),
        #: first failure first; empty when the body did not parse.
        self.paths: tuple[str, ...] = tuple(paths)

    @property
    def path(self) -> str | None:
        """The first failing path (see :attr:`paths`), or ``None``."""
        return self.paths[0] if self.paths else None


class HTTPStatusError(ApiError):
    """The server answered with an error status."""

    def __init__(
        self,
        message: str,
        *,
        status: int,
        body: Any = None,
        request_id: str | None = None,
        field_errors: Mapping[str, list[str]] | None = None,
        headers: Mapping[str, str] | None = None,
        method: str | None = None,
        url: str | None = None,
        attempts: int = 0,
    ) -> None:
        super().__init__(message, method=method, url=url, attempts=attempts)
        self.status = status
        #: The decoded JSON body, or a short text excerpt when the body was not JSON.
        self.body = body
        self.request_id = request_id
        self.field_errors: Mapping[str, list[str]] = field_errors or {}
        #: Response headers (rate-limit figures and the like); never request headers.
        self.headers: Mapping[str, str] = headers or {}

    def _context(self) -> list[str]:
        parts = super()._context()
        if self.request_id:
            parts.append(f"request id {self.request_id}")
        return parts

    def __str__(self) -> str:
        text = f"HTTP {self.status}: {super().__str__()}"
        if self.field_errors:
            fields = "; ".join(f"{k}: {' '.join(v)}" for k, v in self.field_errors.items())
            text += f" [{fields}]"
        return text


class BadRequestError(HTTPStatusError):
    """400."""


class AuthenticationError(HTTPStatusError):
    """401: the credentials were refused (after one refresh, where the scheme has one)."""


class PermissionDeniedError(HTTPStatusError):
    """403: authenticated, but not allowed."""


class NotFoundError(HTTPStatusError):
    """404."""


class ConflictError(HTTPStatusError):
    """409."""


class GoneError(HTTPStatusError):
    """410: the resource is gone for good (Amiqus: an attachment whose virus scan failed)."""


class PayloadTooLargeError(HTTPStatusError):
    """413: the body is larger than the server accepts."""


class ValidationError(HTTPStatusError):
    """422: the server rejected fields; see ``field_errors``."""


class LockedError(HTTPStatusError):
    """423: not available yet (Amiqus: an attachment still being scanned); try again later."""


class RateLimitError(HTTPStatusError):
    """429, after the retries allowed, or at once when the server asks for a wait above the cap."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        #: Seconds the server asked us to wait, when it said.
        self.retry_after = retry_after


class ServerError(HTTPStatusError):
    """5xx."""


_BY_STATUS: dict[int, type[HTTPStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    410: GoneError,
    413: PayloadTooLargeError,
    422: ValidationError,
    423: LockedError,
    429: RateLimitError,
}


def error_class_for_status(status: int) -> type[HTTPStatusError]:
    """The exception class for an error *status* (pure; table-driven)."""
    if status >= 500:
        return ServerError
    return _BY_STATUS.get(status, HTTPStatusError)


class PaginationCycleError(DecodeError):
    """A listing led back to a page it had already read (by URL, cursor, id or number).

    Following it would loop for ever; the pager stops before sending that request.
    """

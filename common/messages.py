"""The values that cross the transport seam: `Request`, `Response` and `Timeout`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs
from yarl import URL

from . import _json
from .errors import DecodeError

if TYPE_CHECKING:
    from .files import Multipart

__all__ = ["Request", "Response", "Timeout"]

_EXCERPT = 300


def _optional_seconds(value: float | None) -> float | None:
    if value is not None and value <= 0:
        raise ValueError("a timeout must be positive, or None for no limit")
    return value


@attrs.frozen
class Timeout:
    """Seconds allowed: ``connect`` to open a connection, ``read`` between two reads of the
    socket, ``total`` for the whole exchange including the body. ``None`` means no limit."""

    total: float | None = attrs.field(default=60.0, converter=_optional_seconds)
    connect: float | None = attrs.field(default=10.0, converter=_optional_seconds)
    read: float | None = attrs.field(default=30.0, converter=_optional_seconds)

    @classmethod
    def coerce(cls, value: Timeout | float | None) -> Timeout:
        """A :class:`Timeout` from a number (total and read; connect at most 10 s), ``None`` (no
        limit) or a Timeout."""
        if isinstance(value, Timeout):
            return value
        if value is None:
            return cls(total=None, connect=None, read=None)
        seconds = float(value)
        # A single number bounds the whole exchange: no inner limit may be tighter by surprise.
        return cls(total=seconds, connect=min(seconds, cls().connect or seconds), read=seconds)


@attrs.define(slots=True, repr=False)
class Request:
    """One HTTP exchange to make. Mutable so auth can add headers; never logged whole."""

    method: str
    url: URL
    headers: dict[str, str]
    timeout: Timeout
    params: list[tuple[str, str]] = attrs.Factory(list)
    #: Encoded bytes (JSON, form), a multipart body, or nothing.
    body: bytes | Multipart | None = None
    #: Whether the client should put credentials on this request (same origin only).
    authenticate: bool = True
    #: Opaque value an auth strategy stores to recognise the credentials it applied.
    auth_state: object = None
    #: The resource method that made it (``"clients.list"``), for hooks and telemetry.
    operation: str | None = None

    def __repr__(self) -> str:
        return f"<Request {self.method} {self.url.with_query(None).with_user(None)}>"


def _parse_failure(err: ValueError) -> str:
    """Where a JSON parser gave up, without quoting the document (it may hold anything)."""
    line, column = getattr(err, "lineno", None), getattr(err, "colno", None)
    if isinstance(line, int) and isinstance(column, int):
        return f"line {line} column {column}"
    if isinstance(err, UnicodeDecodeError):
        return f"not UTF-8 at byte {err.start}"
    return type(err).__name__


@attrs.frozen(slots=True, repr=False)
class Response:
    """A complete response: status, headers and the whole body."""

    status: int
    headers: Mapping[str, str]
    content: bytes
    #: The URL that answered (secrets removed).
    url: str
    method: str
    #: Seconds from sending to the end of the body.
    elapsed: float
    #: Attempts the client made for it (set by the client after retries; 1 otherwise).
    attempts: int = 1

    @property
    def is_success(self) -> bool:
        return 200 <= self.status < 300

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")

    def excerpt(self, limit: int = _EXCERPT) -> str:
        """The start of the body as text, for error messages."""
        text = self.content[: limit * 4].decode("utf-8", errors="replace")
        return text if len(text) <= limit else text[:limit] + "…"

    def json(self) -> Any:
        """The decoded JSON body; ``None`` for 204 or an empty body.

        Raises :class:`DecodeError` (with an excerpt) when the body is not JSON, e.g. an HTML
        page from a proxy answered with 200.
        """
        if self.status == 204 or not self.content.strip():
            return None
        try:
            return _json.loads(self.content)
        except ValueError as err:
            where = _parse_failure(err)
        # Raised here, outside the except block: the parser's frames hold the whole body.
        content_type = self.headers.get("Content-Type", "unknown content type")
        raise DecodeError(
            f"expected a JSON body, got {content_type} that does not parse ({where})",
            status=self.status,
            excerpt=self.excerpt(),
            method=self.method,
            url=self.url,
            attempts=self.attempts,
        )

    def __repr__(self) -> str:
        return f"<Response {self.status} {self.method} {self.url}>"

"""The HTTP answer behind a typed result: ``await client.with_raw_response(call)``.

Any awaitable call of any vendor (``amiqus.clients.get(7)``, ``amilia.programs.get(1)``)
gives a :class:`RawResponse` holding its parsed result *and* the status and headers of the
answer it came from. No method has a second version: the client notes, for the task that
awaits through :func:`capture`, the last answer it received.
"""

from __future__ import annotations

import contextvars
from collections.abc import Awaitable, Mapping
from typing import Generic, TypeVar

import attrs

from .error_bodies import REQUEST_ID_HEADERS
from .errors import InvalidRequestError
from .limits import RateLimitStatus, read_rate_limit
from .messages import Response

__all__ = ["RawResponse", "capture", "note_response"]

T = TypeVar("T")

_ANSWERS: contextvars.ContextVar[list[Response] | None] = contextvars.ContextVar(
    "common_raw_answers", default=None
)


@attrs.frozen
class RawResponse(Generic[T]):
    """A call's parsed result with the answer it was read from."""

    parsed: T
    status: int
    headers: Mapping[str, str]
    #: The URL that answered (secrets removed) and the method sent.
    url: str
    method: str
    #: Seconds from sending to the end of the body.
    elapsed: float

    @property
    def request_id(self) -> str | None:
        """The vendor's id for this exchange, from the usual headers."""
        return next((self.headers[h] for h in REQUEST_ID_HEADERS if self.headers.get(h)), None)

    @property
    def rate_limit(self) -> RateLimitStatus | None:
        """The ``X-RateLimit-*`` figures this answer carried, if any."""
        return read_rate_limit(self.headers)


def note_response(response: Response) -> None:
    """Called by the client for every final answer; kept only inside :func:`capture`."""
    answers = _ANSWERS.get()
    if answers is not None:
        answers.append(response)


async def capture(call: Awaitable[T]) -> RawResponse[T]:
    """Await *call* and return its result with the last answer it received."""
    token = _ANSWERS.set([])
    try:
        parsed = await call
        answers = _ANSWERS.get() or []
    finally:
        _ANSWERS.reset(token)
    if not answers:
        raise InvalidRequestError(
            "with_raw_response takes a call that sends a request and reads its answer "
            "(a download's stream carries its own status and headers)"
        )
    last = answers[-1]
    return RawResponse(
        parsed=parsed,
        status=last.status,
        headers=last.headers,
        url=last.url,
        method=last.method,
        elapsed=last.elapsed,
    )

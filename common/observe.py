"""Watching calls: the operation being run, user hooks, and the telemetry interface.

* :func:`operation` names what the code inside it is doing (``"clients.list"``); every vendor
  resource method runs inside one (see :class:`~common.resources.Resource`), so hooks, spans
  and metrics say *which* call, not only which URL.
* :class:`Hooks` are the user's callbacks, plain or async, each given a frozen
  :class:`CallEvent`. A hook that raises is logged and never breaks the call.
* :class:`Telemetry` is what an instrumentation (OpenTelemetry: :mod:`common.otel`) implements
  to see a logical call from start to end, with each attempt inside it.

Nothing here costs anything when no hook and no telemetry is set: the client then builds no
:class:`Observation` at all.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import Protocol

import attrs

from .operations import current_operation, operation

__all__ = [
    "CallEvent",
    "CallTelemetry",
    "Hook",
    "Hooks",
    "Observation",
    "Telemetry",
    "current_operation",
    "operation",
]

_log = logging.getLogger("common.hooks")


@attrs.frozen
class CallEvent:
    """One moment of a call, as hooks and telemetry see it."""

    #: The client's vendor (``"amiqus"``).
    vendor: str
    #: The resource method running (``"clients.list"``), or ``None`` for a raw request.
    operation: str | None
    method: str
    #: The URL with its query, secrets removed.
    url: str
    #: 1 for the first attempt.
    attempt: int
    #: The answer's status, once there is one.
    status: int | None = None
    #: Seconds the attempt took (``on_response``, ``on_retry``).
    elapsed: float | None = None
    #: Seconds chosen to wait: before the next attempt (``on_retry``), or before sending
    #: (``on_rate_limited``).
    wait: float | None = None
    #: The type of the transport error that ended the attempt (``"TimeoutError"``), if any.
    error: str | None = None


Hook = Callable[[CallEvent], "Awaitable[object] | object"]


@attrs.frozen
class Hooks:
    """Callbacks for every call of a client (or of one ``with_options`` copy).

    * ``on_request``: an attempt is about to be sent.
    * ``on_response``: an attempt ended, with a status or a transport error.
    * ``on_retry``: another attempt follows, after ``wait`` seconds.
    * ``on_rate_limited``: the call waits ``wait`` seconds for the vendor's rate limit (a 429,
      or a budget the server said is spent).

    Each may be a function or a coroutine function; a coroutine is awaited before the call
    goes on. A hook that raises is logged (logger ``common.hooks``) and the call carries on.
    """

    on_request: Hook | None = None
    on_response: Hook | None = None
    on_retry: Hook | None = None
    on_rate_limited: Hook | None = None


class CallTelemetry(Protocol):
    """One logical call, as an instrumentation records it."""

    def attempt_started(self, event: CallEvent) -> None: ...

    def attempt_ended(self, event: CallEvent) -> None: ...

    def retrying(self, event: CallEvent) -> None: ...

    def rate_limited(self, event: CallEvent) -> None: ...

    def ended(self, *, status: int | None, attempts: int, error: BaseException | None) -> None: ...


class Telemetry(Protocol):
    """An instrumentation: ``telemetry=`` of a client (see :class:`common.otel.OpenTelemetry`)."""

    def start_call(
        self, vendor: str, operation: str | None, method: str, url: str
    ) -> CallTelemetry:
        """A logical call begins (it ends with :meth:`CallTelemetry.ended`)."""
        ...


class Observation:
    """What one logical call reports, to the hooks and to the telemetry (either may be absent)."""

    __slots__ = (
        "_hooks",
        "_pending",
        "_telemetry",
        "attempts",
        "method",
        "operation",
        "url",
        "vendor",
    )

    def __init__(
        self,
        *,
        vendor: str,
        operation: str | None,
        method: str,
        url: str,
        hooks: Hooks | None,
        telemetry: Telemetry | None,
    ) -> None:
        self.vendor: str = vendor
        self.operation: str | None = operation
        self.method: str = method
        self.url: str = url
        self._hooks = hooks
        self._telemetry = (
            telemetry.start_call(vendor, operation, method, url) if telemetry else None
        )
        #: What async hooks of a retry returned, awaited before the next attempt (the retry
        #: loop is not async).
        self._pending: list[tuple[Hook, Awaitable[object]]] = []
        #: Attempts sent so far (across redirects too).
        self.attempts: int = 0

    def event(self, attempt: int, **details: object) -> CallEvent:
        return CallEvent(
            self.vendor,
            self.operation,
            self.method,
            self.url,
            attempt,
            **details,  # type: ignore[arg-type]
        )

    async def request(self) -> None:
        # Numbered across the whole call: a replay after a token refresh, or a redirect's
        # request, is another attempt, not attempt 1 again.
        self.attempts += 1
        await self._flush()
        event = self.event(self.attempts)
        if self._telemetry is not None:
            self._telemetry.attempt_started(event)
        if self._hooks is not None and self._hooks.on_request is not None:
            await _run(self._hooks.on_request, event)

    async def response(
        self, *, elapsed: float, status: int | None = None, error: str | None = None
    ) -> None:
        event = self.event(self.attempts, status=status, elapsed=elapsed, error=error)
        if self._telemetry is not None:
            self._telemetry.attempt_ended(event)
        if self._hooks is not None and self._hooks.on_response is not None:
            await _run(self._hooks.on_response, event)

    def retry(self, *, wait: float, status: int | None, error: str | None) -> None:
        """Called by the (synchronous) retry loop: async hooks run before the next attempt."""
        event = self.event(self.attempts, status=status, wait=wait, error=error)
        if self._telemetry is not None:
            self._telemetry.retrying(event)
            if status == 429:
                self._telemetry.rate_limited(event)
        if self._hooks is None:
            return
        if self._hooks.on_retry is not None:
            self._later(self._hooks.on_retry, event)
        if status == 429 and self._hooks.on_rate_limited is not None:
            self._later(self._hooks.on_rate_limited, event)

    async def held(self, wait: float) -> None:
        """The call waits *wait* seconds before sending, for a budget the server said is spent."""
        event = self.event(self.attempts + 1, wait=wait)
        if self._telemetry is not None:
            self._telemetry.rate_limited(event)
        if self._hooks is not None and self._hooks.on_rate_limited is not None:
            await _run(self._hooks.on_rate_limited, event)

    def ended(self, *, status: int | None, error: BaseException | None) -> None:
        for _, pending in self._pending:  # cancelled before its turn: never half-run later
            close = getattr(pending, "close", None)
            if close is not None:
                close()
        self._pending.clear()
        if self._telemetry is not None:
            self._telemetry.ended(status=status, attempts=self.attempts, error=error)

    def _later(self, hook: Hook, event: CallEvent) -> None:
        result = _run_sync(hook, event)
        if inspect.isawaitable(result):
            self._pending.append((hook, result))

    async def _flush(self) -> None:
        while self._pending:
            hook, pending = self._pending.pop(0)
            await _settle(hook, pending)


def _run_sync(hook: Hook, event: CallEvent) -> object:
    try:
        return hook(event)
    except Exception:
        _log.exception("a %s hook raised; the call goes on", _name(hook))
        return None


async def _run(hook: Hook, event: CallEvent) -> None:
    result = _run_sync(hook, event)
    if inspect.isawaitable(result):
        await _settle(hook, result)


async def _settle(hook: Hook, result: Awaitable[object]) -> None:
    try:
        await result
    except Exception:
        _log.exception("a %s hook raised; the call goes on", _name(hook))


def _name(hook: Hook) -> str:
    return getattr(hook, "__qualname__", type(hook).__name__)

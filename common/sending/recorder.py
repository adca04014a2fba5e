"""One recorder per call for everything that watches it: the log, the hooks and telemetry.

The stages of the send path report to a :class:`Recorder` and never to a logger or a hook
directly, so what a call looks like from outside is decided here, once. A call nobody
observes (no hooks, no telemetry) shares its client's quiet recorder: nothing is built for it
and each exchange costs one ``isEnabledFor`` check.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from typing import TYPE_CHECKING

from ..logs import log_exchange, log_retry
from ..messages import Request, Response

if TYPE_CHECKING:
    from ..observe import Observation
    from ..retry import Outcome

__all__ = ["Recorder"]

_INFO = logging.INFO
_WARNING = logging.WARNING


class Recorder:
    """Reports one call (or, quiet, every unobserved call of a client) to its watchers.

    The methods that may have hooks to run return their coroutine, or ``None`` when there
    is nothing to await (the quiet case): ``pending = rec.answered(...); if pending: await
    pending``.
    """

    __slots__ = ("logger", "observed", "secret_headers")

    def __init__(
        self,
        logger: logging.Logger,
        secret_headers: frozenset[str],
        observed: Observation | None = None,
    ) -> None:
        self.logger: logging.Logger = logger
        self.secret_headers: frozenset[str] = secret_headers
        #: The hooks and telemetry of this call; ``None`` for the quiet recorder.
        self.observed: Observation | None = observed

    def waiting(self, held: float) -> Awaitable[None] | None:
        """The attempt waits for the limits (*held* seconds of cool-down already known)."""
        observed = self.observed
        return None if observed is None else _waiting(observed, held)

    def answered(self, request: Request, number: int, response: Response) -> Awaitable[None] | None:
        """Attempt *number* got a complete answer."""
        if self.logger.isEnabledFor(_INFO):  # the one logging check of a quiet exchange
            log_exchange(
                self.logger,
                request,
                attempt=number,
                elapsed=response.elapsed,
                response=response,
                secret_headers=self.secret_headers,
            )
        observed = self.observed
        if observed is None:
            return None
        return observed.response(elapsed=response.elapsed, status=response.status)

    def streaming(
        self, request: Request, number: int, status: int, elapsed: float
    ) -> Awaitable[None] | None:
        """Attempt *number*'s successful answer is streaming (a download)."""
        if self.logger.isEnabledFor(_INFO):
            log_exchange(
                self.logger,
                request,
                attempt=number,
                elapsed=elapsed,
                status=status,
                secret_headers=self.secret_headers,
            )
        observed = self.observed
        return None if observed is None else observed.response(elapsed=elapsed, status=status)

    def failed(
        self, request: Request, number: int, error: BaseException, elapsed: float
    ) -> Awaitable[None] | None:
        """Attempt *number* failed with *error* (a transport error, a body too large)."""
        if self.logger.isEnabledFor(_WARNING):
            log_exchange(
                self.logger,
                request,
                attempt=number,
                elapsed=elapsed,
                error=error,
                secret_headers=self.secret_headers,
            )
        return self.unsent(error, elapsed)

    def unsent(self, error: BaseException, elapsed: float) -> Awaitable[None] | None:
        """The attempt ended with *error* before anything was sent (limits, hooks)."""
        observed = self.observed
        if observed is None:
            return None
        return observed.response(elapsed=elapsed, error=type(error).__name__)

    def retrying(
        self, request: Request, number: int, outcome: Outcome | BaseException, wait: float
    ) -> None:
        """Attempt *number* asks for another, after *wait* seconds."""
        failed = isinstance(outcome, BaseException)
        reason = type(outcome).__name__ if failed else str(outcome.status)  # type: ignore[union-attr]
        log_retry(self.logger, request, attempt=number, reason=reason, wait=wait)
        observed = self.observed
        if observed is not None:
            observed.retry(
                wait=wait,
                status=None if failed else outcome.status,  # type: ignore[union-attr]
                error=type(outcome).__name__ if failed else None,
            )

    def ended(self, *, status: int | None, error: BaseException | None) -> None:
        """The call is over: its final status, or the error it raised."""
        if self.observed is not None:
            self.observed.ended(status=status, error=error)


async def _waiting(observed: Observation, held: float) -> None:
    if held > 0:
        await observed.held(held)
    await observed.request()

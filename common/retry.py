"""When to retry, and how long to wait: pure functions, a frozen policy, and tenacity.

The rules (ARCHITECTURE.md): 429 is retried for any method, since the server did not process
the request; 408, 500, 502, 503, 504, timeouts and broken connections only for idempotent
methods; a connection that was never established for any method. ``Retry-After`` (seconds,
fractional seconds or an HTTP date, with ``X-RateLimit-Reset`` as a fallback) wins over the
exponential backoff; a wait above ``max_retry_after`` is not waited at all.

The happy path builds no tenacity object: :func:`call_with_retries` makes the first attempt
itself and hands over to tenacity (imported then, not before) only when that attempt asks for
a retry.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Final, Protocol

import attrs

from .errors import ConnectError, ResponseTooLargeError, TimeoutError, TransportError

if TYPE_CHECKING:
    from tenacity import RetryCallState

__all__ = [
    "IDEMPOTENT_METHODS",
    "RetryPolicy",
    "call_with_retries",
    "is_idempotent",
    "parse_retry_after",
]

IDEMPOTENT_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
_EPOCH_SECONDS_FLOOR: Final = 1_000_000_000  # a reset value above this is a timestamp


def is_idempotent(method: str) -> bool:
    """Whether repeating *method* cannot do more than doing it once."""
    return method.upper() in IDEMPOTENT_METHODS


def _seconds(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    if value != value or value in (float("inf"), float("-inf")):  # NaN or infinite
        return None
    return value


def parse_retry_after(
    headers: Mapping[str, str], *, now: float | None = None, reset_fallback: bool = True
) -> float | None:
    """Seconds the server asks us to wait, or ``None`` when it did not say (or said garbage).

    Reads ``Retry-After`` as seconds (``"2"``, ``"0.5"``) or an HTTP date, then falls back to
    ``X-RateLimit-Reset`` as a Unix timestamp (seconds or milliseconds) or a delay in seconds
    (only with *reset_fallback*: that header dates the quota window, which says nothing about
    when a 503 will clear). Past dates give ``0.0``. *now* is a Unix time, for tests.
    """
    current = time.time() if now is None else now
    raw = headers.get("Retry-After")
    if raw is not None:
        raw = raw.strip()
        seconds = _seconds(raw)
        if seconds is not None:
            return max(seconds, 0.0)
        try:
            when = email.utils.parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError):
            when = None
        if when is not None and when.tzinfo is not None:
            return max(when.timestamp() - current, 0.0)
    reset = headers.get("X-RateLimit-Reset") if reset_fallback else None
    if reset is not None:
        value = _seconds(reset.strip())
        if value is not None:
            if value >= _EPOCH_SECONDS_FLOOR * 1000:
                value /= 1000.0
            if value >= _EPOCH_SECONDS_FLOOR:
                return max(value - current, 0.0)
            return max(value, 0.0)
    return None


@attrs.frozen
class RetryPolicy:
    """What is retried and how long we wait between attempts. Immutable; copy with ``evolve``."""

    #: Retries after the first attempt (``0`` disables retrying).
    max_retries: int = attrs.field(default=2, validator=attrs.validators.ge(0))
    #: First backoff, in seconds; doubled on every retry.
    backoff_base: float = attrs.field(default=0.5, validator=attrs.validators.ge(0))
    #: Longest backoff, in seconds.
    backoff_max: float = attrs.field(default=8.0, validator=attrs.validators.ge(0))
    #: A server-requested wait above this raises ``RateLimitError`` at once instead of waiting.
    max_retry_after: float = attrs.field(default=60.0, validator=attrs.validators.ge(0))
    #: Randomise each backoff between half and all of its value.
    jitter: bool = True
    #: Statuses retried for idempotent methods only.
    retry_statuses: frozenset[int] = frozenset({408, 500, 502, 503, 504})

    def retries_status(self, method: str, status: int) -> bool:
        """Whether an answer with *status* to *method* is worth another attempt."""
        if status == 429:
            return True
        return status in self.retry_statuses and is_idempotent(method)

    def retries_error(self, method: str, error: BaseException) -> bool:
        """Whether a transport *error* on *method* is worth another attempt."""
        if isinstance(error, ConnectError):
            return True
        if isinstance(error, TimeoutError):
            return not error.connected or is_idempotent(method)
        if isinstance(error, ResponseTooLargeError):
            return False  # the same answer would come back: it is no transient failure
        return isinstance(error, TransportError) and is_idempotent(method)

    def backoff(self, retry_number: int, *, rand: Callable[[], float] = random.random) -> float:
        """Exponential backoff before retry *retry_number* (1-based), with equal jitter."""
        delay = min(self.backoff_max, self.backoff_base * 2 ** (retry_number - 1))
        return delay * (0.5 + rand() / 2) if self.jitter else float(delay)


class Outcome(Protocol):
    """The part of a response the retry rules look at."""

    @property
    def status(self) -> int: ...

    @property
    def headers(self) -> Mapping[str, str]: ...


class CoolDownLike(Protocol):
    def extend(self, seconds: float) -> None: ...
    def remaining(self) -> float: ...


#: Called before each retry's sleep: (attempt just made, its outcome or error, wait chosen).
BeforeRetry = Callable[[int, "Outcome | BaseException", float], None]


@attrs.frozen
class _Decider:
    """Turns an outcome into "retry after N seconds" or "stop", for one call."""

    policy: RetryPolicy
    method: str
    cooldown: CoolDownLike | None

    def wait_for(self, outcome: Outcome | BaseException, attempt: int) -> float | None:
        """Seconds to wait before the next attempt, or ``None`` to stop here."""
        if isinstance(outcome, BaseException):
            if attempt > self.policy.max_retries:
                return None
            if not self.policy.retries_error(self.method, outcome):
                return None
            return self.policy.backoff(attempt)
        limited = outcome.status == 429
        requested = parse_retry_after(outcome.headers, reset_fallback=limited)
        within_cap = requested is not None and requested <= self.policy.max_retry_after
        if limited and within_cap and self.cooldown is not None:
            # Every request of this client waits out the same window, once, together --
            # even when this call has no retries left.
            assert requested is not None
            self.cooldown.extend(requested)
        if attempt > self.policy.max_retries:
            return None
        if not self.policy.retries_status(self.method, outcome.status):
            return None
        if requested is None:
            return self.policy.backoff(attempt)
        if not within_cap:
            return None
        if limited and self.cooldown is not None:
            return self.cooldown.remaining()
        return requested


async def call_with_retries(
    attempt: Callable[[int], Awaitable[Outcome]],
    *,
    policy: RetryPolicy,
    method: str,
    cooldown: CoolDownLike | None = None,
    before_retry: BeforeRetry | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> Outcome:
    """Run ``attempt(n)`` until its outcome is final under *policy*; return the last response.

    ``attempt`` returns a response (any status) or raises a :class:`TransportError`; the last
    one is returned or re-raised unchanged. Whether that is an error is the caller's call.
    """
    first: Outcome | BaseException
    try:
        answer = await attempt(1)
    except TransportError as err:
        first = err
    else:
        status = answer.status
        if status != 429 and status not in policy.retry_statuses:
            return answer  # the happy path: no decision to make, nothing built to make it
        first = answer
    decider = _Decider(policy, method.upper(), cooldown)
    if decider.wait_for(first, 1) is None:
        if isinstance(first, BaseException):
            raise first
        return first

    # Slow path: tenacity drives attempts 2..N. Its first "attempt" replays the outcome we
    # already have, so attempt numbers, waits and predicates stay in step with the wire.
    from tenacity import AsyncRetrying, stop_after_attempt

    waits: dict[int, float | None] = {}
    pending: list[Outcome | BaseException] = [first]
    made = 1

    async def step() -> Outcome:
        nonlocal made
        if pending:
            seen = pending.pop()
            if isinstance(seen, BaseException):
                raise seen
            return seen
        made += 1
        return await attempt(made)

    def should_retry(retry_state: RetryCallState) -> bool:
        outcome = retry_state.outcome
        assert outcome is not None
        value: Outcome | BaseException = outcome.exception() or outcome.result()
        wait = decider.wait_for(value, retry_state.attempt_number)
        waits[retry_state.attempt_number] = wait
        return wait is not None

    def wait_chosen(retry_state: RetryCallState) -> float:
        return waits.get(retry_state.attempt_number) or 0.0

    def report(retry_state: RetryCallState) -> None:
        if before_retry is not None and retry_state.outcome is not None:
            outcome = retry_state.outcome
            value = outcome.exception() or outcome.result()
            number = retry_state.attempt_number
            before_retry(number, value, waits.get(number) or 0.0)

    retrying = AsyncRetrying(
        stop=stop_after_attempt(policy.max_retries + 1),
        retry=should_retry,
        wait=wait_chosen,
        sleep=sleep,
        before_sleep=report,
        retry_error_callback=lambda state: state.outcome.result(),  # type: ignore[union-attr]
        reraise=True,
    )
    result: Outcome = await retrying(step)
    return result

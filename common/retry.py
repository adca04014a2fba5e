"""When to retry, and how long to wait: pure functions, a frozen policy, and tenacity.

The rules (ARCHITECTURE.md): 429 is retried for any method, since the server did not process
the request; 408, 500, 502, 503, 504, timeouts and broken connections only for idempotent
methods; a connection that was never established for any method. ``Retry-After`` (seconds,
fractional seconds or an HTTP date, with ``X-RateLimit-Reset`` as a fallback) wins over the
exponential backoff; a wait above ``max_retry_after`` is not waited at all. A 429 holds every
request of the client (the shared cool-down) for its ``Retry-After``, or for the backoff
when it gives none.

The happy path builds no tenacity object: :func:`call_with_retries` makes the first attempt
itself and hands over to tenacity (imported then, not before) only when that attempt asks for
a retry.
"""

from __future__ import annotations

import asyncio
import datetime
import functools
import math
import random
import re
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


#: ``Retry-After`` as a delay: RFC 9110's ``delay-seconds`` (``1*DIGIT``, ASCII digits only),
#: plus one tolerance of ours: a decimal fraction (``"0.137"``), which rate limiters (this
#: library's emulators among them) send to say a window ends within the second. No sign, no
#: exponent, no ``_`` separator (Python's ``float("1_0")`` is 10), no ``inf``/``nan``.
_DELAY_SECONDS: Final = re.compile(r"([0-9]+)(?:\.([0-9]+))?\Z", re.ASCII)
#: Seconds we ever take a server's word for: a delay longer than this (up to hundreds of
#: digits) reads as this many seconds -- far above any cap, so the caller gives up at once --
#: rather than as garbage (which would mean "retry after the usual backoff").
MAX_DELAY_SECONDS: Final = 10.0**9
_MONTHS: Final = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
_MONTH = "(" + "|".join(_MONTHS) + ")"
_TIME = r"([0-9]{2}):([0-9]{2}):([0-9]{2})"


@functools.cache
def _date_forms() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The three forms of RFC 9110 section 5.6.7 HTTP-date, exactly (they are
    case-sensitive): IMF-fixdate, RFC 850, asctime. Compiled on first use: most servers
    send ``Retry-After`` in seconds, and start-up should not pay for the dates."""
    return (
        re.compile(
            r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), ([0-9]{2}) "
            + _MONTH
            + r" ([0-9]{4}) "
            + _TIME
            + r" GMT\Z"
        ),
        re.compile(
            r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), ([0-9]{2})-"
            + _MONTH
            + r"-([0-9]{2}) "
            + _TIME
            + r" GMT\Z"
        ),
        re.compile(
            r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) "
            + _MONTH
            + r" ([0-9 ][0-9]) "
            + _TIME
            + r" ([0-9]{4})\Z"
        ),
    )


def _decimal(text: str) -> float | None:
    """``delay-seconds`` (or a decimal fraction) as a number; ``None`` if *text* is not one.

    A number of more than 20 digits reads as infinity (no need to build it to know it is
    more than any wait); callers bound it with :data:`MAX_DELAY_SECONDS`.
    """
    match = _DELAY_SECONDS.match(text)
    if match is None:
        return None
    whole, fraction = match.groups()
    whole = whole.lstrip("0") or "0"
    if len(whole) > 20:
        return math.inf
    return float(f"{whole}.{fraction[:20]}") if fraction else float(int(whole))


def _http_date(text: str, now: float) -> float | None:
    """Seconds from *now* until an RFC 9110 HTTP-date (``None`` if *text* is not one)."""
    imf_fixdate, rfc850_date, asctime_date = _date_forms()
    if (match := imf_fixdate.match(text)) is not None:
        day, month, year, hour, minute, second = match.groups()
    elif (match := rfc850_date.match(text)) is not None:
        day, month, short_year, hour, minute, second = match.groups()
        # RFC 9110: a two-digit year more than 50 years ahead is in the past century.
        this_year = datetime.datetime.fromtimestamp(now, datetime.timezone.utc).year
        year_number = this_year - this_year % 100 + int(short_year)
        if year_number > this_year + 50:
            year_number -= 100
        year = str(year_number)
    elif (match := asctime_date.match(text)) is not None:
        month, day, hour, minute, second, year = match.groups()
    else:
        return None
    try:
        when = datetime.datetime(
            int(year),
            _MONTHS.index(month) + 1,
            int(day),
            int(hour),
            int(minute),
            min(int(second), 59),  # a leap second reads as the second before it
            tzinfo=datetime.timezone.utc,
        )
    except ValueError:  # 31 Feb, hour 25, ...
        return None
    return when.timestamp() - now


def parse_retry_after(
    headers: Mapping[str, str], *, now: float | None = None, reset_fallback: bool = True
) -> float | None:
    """Seconds the server asks us to wait, or ``None`` when it did not say (or said garbage).

    Reads ``Retry-After`` in the two forms RFC 9110 allows, ``delay-seconds`` (``"2"``; a
    decimal fraction such as ``"0.5"`` is tolerated too) and ``HTTP-date`` (IMF-fixdate, or the
    obsolete RFC 850 and asctime forms), then falls back to ``X-RateLimit-Reset`` as a Unix
    timestamp (seconds or milliseconds) or a delay in seconds (only with *reset_fallback*: that
    header dates the quota window, which says nothing about when a 503 will clear). Past dates
    give ``0.0``; a delay of absurd length (hundreds of digits) gives
    :data:`MAX_DELAY_SECONDS`, above any cap. Anything else (``-3``, ``1_0``, ``1e3``,
    ``inf``, non-ASCII digits) is garbage: ``None``. *now* is a Unix time, for tests.
    """
    current = time.time() if now is None else now
    raw = headers.get("Retry-After")
    if raw is not None:
        raw = raw.strip(" \t")
        seconds = _decimal(raw)
        if seconds is None:
            seconds = _http_date(raw, current)
        if seconds is not None:
            return min(max(seconds, 0.0), MAX_DELAY_SECONDS)
    reset = headers.get("X-RateLimit-Reset") if reset_fallback else None
    if reset is not None:
        value = _decimal(reset.strip(" \t"))
        if value is not None:
            if value >= _EPOCH_SECONDS_FLOOR * 1000:
                value /= 1000.0
            if value >= _EPOCH_SECONDS_FLOOR:
                value -= current
            return min(max(value, 0.0), MAX_DELAY_SECONDS)
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
    #: The longest a 429 may make this call wait before its next attempt (``None``: no bound
    #: beyond ``max_retry_after``); a longer wait ends the call with the 429 at once.
    max_wait: float | None = None

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
        cooldown = self.cooldown if limited else None
        if cooldown is not None:
            # Every request of this client waits out the same window, once, together --
            # even when this call has no retries left. Without a word from the server on
            # how long, the window is this call's backoff.
            if requested is None:
                cooldown.extend(self.policy.backoff(attempt))
            elif within_cap:
                cooldown.extend(requested)
        if attempt > self.policy.max_retries:
            return None
        if not self.policy.retries_status(self.method, outcome.status):
            return None
        if requested is None:
            wait = self.policy.backoff(attempt) if cooldown is None else cooldown.remaining()
        elif not within_cap:
            return None
        elif limited and self.cooldown is not None:
            wait = self.cooldown.remaining()
        else:
            wait = requested
        if limited and self.max_wait is not None and wait > self.max_wait:
            return None  # the rate limit frees later than this call may wait: stop now
        return wait


async def call_with_retries(
    attempt: Callable[[int], Awaitable[Outcome]],
    *,
    policy: RetryPolicy,
    method: str,
    cooldown: CoolDownLike | None = None,
    before_retry: BeforeRetry | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    first: Outcome | BaseException | None = None,
    max_wait: float | None = None,
) -> Outcome:
    """Run ``attempt(n)`` until its outcome is final under *policy*; return the last response.

    ``attempt`` returns a response (any status) or raises a :class:`TransportError`; the last
    one is returned or re-raised unchanged. Whether that is an error is the caller's call.
    *first* is the outcome of attempt 1 when the caller made it itself (its hot path); then
    the attempts made here start at 2. *max_wait* bounds the wait a 429 may ask of this call
    (see :class:`_Decider`).
    """
    if first is None:
        try:
            answer = await attempt(1)
        except TransportError as err:
            first = err
        else:
            status = answer.status
            if status != 429 and status not in policy.retry_statuses:
                return answer  # the happy path: no decision to make, nothing built to make it
            first = answer
    decider = _Decider(policy, method.upper(), cooldown, max_wait)
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

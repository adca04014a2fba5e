"""When to retry, and how long to wait: pure functions, a frozen policy, and tenacity.

The rules (ARCHITECTURE.md): 429 is retried for any method, since the server did not process
the request; 408, 500, 502, 503, 504, timeouts and broken connections only for idempotent
methods; a connection that was never established for any method. ``Retry-After`` (seconds,
fractional seconds or an HTTP date, with ``X-RateLimit-Reset`` as a fallback) wins over the
exponential backoff; a wait above ``max_retry_after`` is not waited at all. A 429 holds every
request of the client (the shared cool-down) for its ``Retry-After``, or for the backoff
when it gives none.

tenacity runs the retries the way its authors intend: :func:`retrying` builds an
``AsyncRetrying`` from the policy, with a ``retry`` strategy (:class:`RetryIfWorthAnother`),
a ``wait`` (:class:`WaitAsTold`: ``Retry-After``, the shared cool-down, else the backoff), a
``stop`` (:class:`StopWhenSpent`: the attempts, the call's budget) and a ``before_sleep``
report. The happy path builds none of it: :func:`call_with_retries` makes the first attempt
itself and enters the loop only when that attempt asks for a retry.
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
    from tenacity import AsyncRetrying, RetryCallState

__all__ = [
    "IDEMPOTENT_METHODS",
    "RetryPolicy",
    "call_with_retries",
    "is_idempotent",
    "RetryIfWorthAnother",
    "StopWhenSpent",
    "WaitAsTold",
    "retrying",
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


def _outcome_of(state: RetryCallState) -> Outcome | BaseException:
    future = state.outcome
    assert future is not None  # tenacity asks its strategies only after an attempt
    error = future.exception()
    return error if error is not None else future.result()


def _requested_wait(answer: Outcome) -> float | None:
    """The wait the server asked for, if any (``X-RateLimit-Reset`` counts for a 429)."""
    return parse_retry_after(answer.headers, reset_fallback=answer.status == 429)


class RetryIfWorthAnother:
    """tenacity ``retry=``: whether an attempt's outcome is worth another attempt.

    A transport error or a status the policy retries for this method, unless the server asked
    for a wait longer than ``max_retry_after`` (that answer is final: its caller raises
    :class:`~common.errors.RateLimitError` at once rather than hang).
    """

    def __init__(self, policy: RetryPolicy, method: str) -> None:
        self.policy: RetryPolicy = policy
        self.method: str = method

    def __call__(self, retry_state: RetryCallState) -> bool:
        outcome = _outcome_of(retry_state)
        if isinstance(outcome, BaseException):
            return self.policy.retries_error(self.method, outcome)
        if not self.policy.retries_status(self.method, outcome.status):
            return False
        requested = _requested_wait(outcome)
        return requested is None or requested <= self.policy.max_retry_after


class WaitAsTold:
    """tenacity ``wait=``: ``Retry-After`` when the server gave one, else the backoff.

    A 429 concerns every request of the client, not this call alone: its wait is the shared
    cool-down (*cooldown*), which this strategy extends by the server's ``Retry-After`` (or,
    without one, by this call's backoff) and then waits out with everyone else.
    """

    def __init__(self, policy: RetryPolicy, cooldown: CoolDownLike | None) -> None:
        self.policy: RetryPolicy = policy
        self.cooldown: CoolDownLike | None = cooldown

    def __call__(self, retry_state: RetryCallState) -> float:
        number = retry_state.attempt_number
        outcome = _outcome_of(retry_state)
        if isinstance(outcome, BaseException):
            return self.policy.backoff(number)
        requested = _requested_wait(outcome)
        cooldown = self.cooldown if outcome.status == 429 else None
        if cooldown is None:
            return self.policy.backoff(number) if requested is None else requested
        cooldown.extend(self.policy.backoff(number) if requested is None else requested)
        return cooldown.remaining()


class StopWhenSpent:
    """tenacity ``stop=``: after ``max_retries`` retries, or when a 429 would make this call
    wait past *max_wait* seconds (``max_wait``, else its timeout): the rate limit frees later
    than the call may wait."""

    def __init__(self, policy: RetryPolicy, max_wait: float | None) -> None:
        self.attempts: int = policy.max_retries + 1
        self.max_wait: float | None = max_wait

    def __call__(self, retry_state: RetryCallState) -> bool:
        if retry_state.attempt_number >= self.attempts:
            return True
        if self.max_wait is None or retry_state.upcoming_sleep <= self.max_wait:
            return False
        outcome = _outcome_of(retry_state)
        return not isinstance(outcome, BaseException) and outcome.status == 429


def retrying(
    policy: RetryPolicy,
    *,
    method: str,
    cooldown: CoolDownLike | None = None,
    before_retry: BeforeRetry | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    max_wait: float | None = None,
) -> AsyncRetrying:
    """The tenacity controller of one call under *policy*: its ``retry``, ``wait``, ``stop``
    and ``before_sleep`` strategies are built from the policy and the call.

    When it stops, the last answer is returned as it is (its caller turns a 429 or a 503
    into the typed error) and the last transport error is re-raised.
    """

    def report(retry_state: RetryCallState) -> None:
        if before_retry is not None:
            wait = retry_state.upcoming_sleep
            before_retry(retry_state.attempt_number, _outcome_of(retry_state), wait)

    from tenacity import AsyncRetrying  # here: the happy path never needs it

    return AsyncRetrying(
        retry=RetryIfWorthAnother(policy, method.upper()),
        wait=WaitAsTold(policy, cooldown),
        stop=StopWhenSpent(policy, max_wait),
        before_sleep=report,
        sleep=sleep,
        retry_error_callback=lambda state: state.outcome.result(),  # type: ignore[union-attr]
        reraise=True,
    )


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
    *max_wait* bounds the wait a 429 may ask of this call (:class:`StopWhenSpent`).

    Attempt 1 is made without tenacity (nothing is built on the happy path); *first* is its
    outcome when the caller made it itself. Only an outcome that asks for a retry enters
    :func:`retrying`'s loop, as that loop's attempt 1.
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
    last: Outcome | BaseException = first
    async for attempt_ in retrying(
        policy,
        method=method,
        cooldown=cooldown,
        before_retry=before_retry,
        sleep=sleep,
        max_wait=max_wait,
    ):
        with attempt_:
            number = attempt_.retry_state.attempt_number
            if number == 1:  # made before tenacity was needed
                if isinstance(first, BaseException):
                    raise first
                last = first
            else:
                last = await attempt(number)
        if not attempt_.retry_state.outcome.failed:  # type: ignore[union-attr]
            attempt_.retry_state.set_result(last)  # the manager knows no result of its own
    assert not isinstance(last, BaseException)
    return last

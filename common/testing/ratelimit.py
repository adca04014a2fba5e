"""A server-side rate limit for emulators: a sliding window that answers 429.

``ServerRateLimit(limit=5, per=1.0)`` lets at most five requests through in any window of one
second. The sixth is answered ``429 Too Many Requests`` with ``Retry-After`` set to the time
until the oldest request in the window leaves it (when a slot frees). Every response, allowed or
not, carries ``X-RateLimit-Limit`` and ``X-RateLimit-Remaining``. Refused requests do not take a
slot. The window is pure logic over a clock reading, so it is tested without sleeping.

An emulator whose vendor counts requests somewhere else than in front of everything (after
checking credentials, say), in several windows at once (IntakeQ: a minute and a day) or over a
clock a test advances, counts them itself with a :class:`RateLimiter`::

    limiter = RateLimiter(60.0, 86_400.0, clock=fake_clock)
    limiter.limits = [10, 500]
    wait = limiter.acquire()          # None: counted; else seconds until a slot frees
"""

from __future__ import annotations

import collections
import math
import time
from collections.abc import Callable

import attrs

__all__ = ["RateLimitDecision", "RateLimiter", "ServerRateLimit", "SlidingWindow"]


@attrs.frozen
class ServerRateLimit:
    """At most ``limit`` requests per sliding window of ``per`` seconds.

    ``integer_retry_after=False`` (default) sends ``Retry-After`` as fractional seconds with
    millisecond precision (``"0.137"``); ``True`` sends whole seconds rounded up (``"1"``), as
    most real APIs do.
    """

    limit: int = attrs.field(validator=[attrs.validators.instance_of(int), attrs.validators.ge(1)])
    per: float = attrs.field(default=1.0, converter=float, validator=attrs.validators.gt(0))
    integer_retry_after: bool = attrs.field(default=False, kw_only=True)

    def format_retry_after(self, seconds: float) -> str:
        """The ``Retry-After`` text for a wait of *seconds* (never ``"0"``)."""
        if self.integer_retry_after:
            return str(max(1, math.ceil(seconds)))
        return f"{max(seconds, 0.001):.3f}"


@attrs.frozen(kw_only=True)
class RateLimitDecision:
    """The outcome of one request against a :class:`SlidingWindow`."""

    allowed: bool
    limit: int
    remaining: int
    #: Seconds until a slot frees; ``0.0`` when the request was allowed.
    retry_after: float

    def headers(self, rate_limit: ServerRateLimit) -> dict[str, str]:
        """The headers describing this decision (``Retry-After`` only when refused)."""
        headers = {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(self.remaining),
        }
        if not self.allowed:
            headers["Retry-After"] = rate_limit.format_retry_after(self.retry_after)
        return headers


class RateLimiter:
    """Requests counted in sliding windows of several spans over one clock.

    A request passes when every window with a limit has a slot left, and then takes a slot in
    every window; a refused request takes none. A window whose limit is ``None`` counts but
    never refuses. :attr:`limits` may be replaced at any time: the counts stay, so a lower
    limit applies at once. A request counts in a window while ``now - its time < span``.
    """

    #: The span of each window, in seconds.
    spans: tuple[float, ...]
    #: The limit of each window (``None``: counted, never refused), one per span.
    limits: list[int | None]
    #: Where readings come from (seconds, e.g. ``time.monotonic`` or a test's fake clock).
    clock: Callable[[], float]

    def __init__(self, *spans: float, clock: Callable[[], float] = time.monotonic) -> None:
        if not spans or any(not span > 0 for span in spans):
            raise ValueError(f"every span must be > 0 seconds, got {spans!r}")
        self.spans = tuple(float(span) for span in spans)
        self.limits = [None] * len(spans)
        self.clock = clock
        self._stamps: list[collections.deque[float]] = [collections.deque() for _ in spans]

    def _prune(self, now: float) -> None:
        for stamps, span in zip(self._stamps, self.spans, strict=True):
            while stamps and now - stamps[0] >= span:
                stamps.popleft()

    def wait(self, now: float | None = None) -> float:
        """Seconds until every window has a slot (``0.0``: now), without counting anything."""
        now = self.clock() if now is None else now
        self._prune(now)
        wait = 0.0
        for stamps, span, limit in zip(self._stamps, self.spans, self.limits, strict=True):
            if limit is not None and len(stamps) >= limit:
                # The slot frees when the request that must leave for one to open leaves.
                wait = max(wait, stamps[len(stamps) - limit] + span - now if limit else span)
        return wait

    def acquire(self, now: float | None = None) -> float | None:
        """Count a request arriving *now* (default: the clock) and return ``None``, or return
        the seconds until a slot frees (the request is then not counted)."""
        now = self.clock() if now is None else now
        wait = self.wait(now)
        if wait > 0:
            return wait
        for stamps in self._stamps:
            stamps.append(now)
        return None

    def used(self, now: float | None = None) -> tuple[int, ...]:
        """Requests counted in each window now."""
        self._prune(self.clock() if now is None else now)
        return tuple(len(stamps) for stamps in self._stamps)

    def reset(self) -> None:
        """Forget every counted request."""
        for stamps in self._stamps:
            stamps.clear()


class SlidingWindow:
    """The state of one :class:`ServerRateLimit`: the times of the requests still in the window."""

    #: The limit enforced (assigning another keeps the requests counted so far).
    rate_limit: ServerRateLimit

    def __init__(self, rate_limit: ServerRateLimit) -> None:
        self.rate_limit = rate_limit
        self._limiter = RateLimiter(rate_limit.per)

    def acquire(self, now: float) -> RateLimitDecision:
        """Count a request arriving at *now* (a monotonic reading) and say whether it may pass."""
        limit = self.rate_limit.limit
        if self._limiter.spans != (self.rate_limit.per,):  # the limit was replaced
            self._limiter.spans = (self.rate_limit.per,)
        self._limiter.limits = [limit]
        wait = self._limiter.acquire(now)
        if wait is None:
            used = self._limiter.used(now)[0]
            return RateLimitDecision(
                allowed=True, limit=limit, remaining=max(0, limit - used), retry_after=0.0
            )
        return RateLimitDecision(allowed=False, limit=limit, remaining=0, retry_after=wait)

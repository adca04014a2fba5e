"""A server-side rate limit for emulators: a sliding window that answers 429.

``ServerRateLimit(limit=5, per=1.0)`` lets at most five requests through in any window of one
second. The sixth is answered ``429 Too Many Requests`` with ``Retry-After`` set to the time
until the oldest request in the window leaves it (when a slot frees). Every response, allowed or
not, carries ``X-RateLimit-Limit`` and ``X-RateLimit-Remaining``. Refused requests do not take a
slot. The window is pure logic over a clock reading, so it is tested without sleeping.
"""

from __future__ import annotations

import collections
import math

import attrs

__all__ = ["ServerRateLimit", "RateLimitDecision", "SlidingWindow"]


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


class SlidingWindow:
    """The state of one :class:`ServerRateLimit`: the times of the requests still in the window."""

    def __init__(self, rate_limit: ServerRateLimit) -> None:
        self.rate_limit = rate_limit
        self._times: collections.deque[float] = collections.deque()

    def acquire(self, now: float) -> RateLimitDecision:
        """Count a request arriving at *now* (a monotonic reading) and say whether it may pass."""
        limit, per = self.rate_limit.limit, self.rate_limit.per
        while self._times and self._times[0] <= now - per:
            self._times.popleft()
        if len(self._times) < limit:
            self._times.append(now)
            return RateLimitDecision(
                allowed=True, limit=limit, remaining=limit - len(self._times), retry_after=0.0
            )
        return RateLimitDecision(
            allowed=False, limit=limit, remaining=0, retry_after=self._times[0] + per - now
        )

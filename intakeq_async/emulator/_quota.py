"""IntakeQ's quota: requests per sliding minute and per sliding day, over an injected clock.

The standard plan allows 10 a minute and 500 a day; a test reads the quota in simulated time,
so every reading comes from the ``clock`` it is given. The counting is the kit's
:class:`~common.testing.RateLimiter`: a request is counted when it is let through, a refused
one takes no slot, and a request counts against a window while ``now - stamp < window``.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from common.testing import RateLimiter

__all__ = ["DAY", "MINUTE", "Quota"]

MINUTE = 60.0
DAY = 86_400.0


def _checked(name: str, value: int | None) -> int | None:
    if value is not None and (isinstance(value, bool) or value < 1):
        raise ValueError(f"{name} must be >= 1 or None, got {value!r}")
    return value


class Quota:
    """Two sliding windows (a minute and a day); ``None`` disables a window (it still counts).

    ``per_minute`` and ``per_day`` may be changed at any time; the counts stay.
    """

    #: Where readings come from (seconds).
    clock: Callable[[], float]

    def __init__(
        self,
        *,
        per_minute: int | None,
        per_day: int | None,
        clock: Callable[[], float],
    ) -> None:
        self.clock = clock
        self._limiter = RateLimiter(MINUTE, DAY, clock=lambda: self.clock())
        self.per_minute = per_minute
        self.per_day = per_day

    @property
    def per_minute(self) -> int | None:
        """Requests allowed in any sliding minute (``None``: no limit)."""
        return self._limiter.limits[0]

    @per_minute.setter
    def per_minute(self, value: int | None) -> None:
        self._limiter.limits[0] = _checked("per_minute", value)

    @property
    def per_day(self) -> int | None:
        """Requests allowed in any sliding day (``None``: no limit)."""
        return self._limiter.limits[1]

    @per_day.setter
    def per_day(self, value: int | None) -> None:
        self._limiter.limits[1] = _checked("per_day", value)

    def acquire(self) -> int | None:
        """Count one request and return ``None``, or return the whole seconds to wait (>= 1)."""
        wait = self._limiter.acquire()
        return None if wait is None else max(1, math.ceil(wait))

    def used(self) -> tuple[int, int]:
        """Requests counted in the current minute window and in the current day window."""
        minute, day = self._limiter.used()
        return minute, day

    def reset(self) -> None:
        """Forget every counted request."""
        self._limiter.reset()

"""IntakeQ's quota: requests per sliding minute and per sliding day, over an injected clock.

The kit's :class:`~common.testing.ServerRateLimit` reads the real clock; IntakeQ's quota
(standard plan: 10 a minute, 500 a day) must be testable in simulated time, so this small
counter takes every reading from the ``clock`` it is given. A request is counted when it is
let through; a refused one takes no slot. A request counts against a window while
``now - stamp < window``.
"""

from __future__ import annotations

import collections
import math
from collections.abc import Callable

__all__ = ["DAY", "MINUTE", "Quota"]

MINUTE = 60.0
DAY = 86_400.0


class Quota:
    """Two sliding windows (a minute and a day); ``None`` disables a window."""

    def __init__(
        self,
        *,
        per_minute: int | None,
        per_day: int | None,
        clock: Callable[[], float],
    ) -> None:
        for name, value in (("per_minute", per_minute), ("per_day", per_day)):
            if value is not None and (isinstance(value, bool) or value < 1):
                raise ValueError(f"{name} must be >= 1 or None, got {value!r}")
        self.per_minute = per_minute
        self.per_day = per_day
        self.clock = clock
        self._minute: collections.deque[float] = collections.deque()
        self._day: collections.deque[float] = collections.deque()

    def _prune(self, now: float) -> None:
        while self._minute and now - self._minute[0] >= MINUTE:
            self._minute.popleft()
        while self._day and now - self._day[0] >= DAY:
            self._day.popleft()

    def acquire(self) -> int | None:
        """Count one request and return ``None``, or return the whole seconds to wait (>= 1)."""
        now = self.clock()
        self._prune(now)
        wait = 0.0
        for stamps, limit, span in (
            (self._minute, self.per_minute, MINUTE),
            (self._day, self.per_day, DAY),
        ):
            if limit is not None and len(stamps) >= limit:
                # The slot frees when the request that must leave for one to open leaves.
                wait = max(wait, stamps[len(stamps) - limit] + span - now)
        if wait > 0:
            return max(1, math.ceil(wait))
        self._minute.append(now)
        self._day.append(now)
        return None

    def used(self) -> tuple[int, int]:
        """Requests counted in the current minute window and in the current day window."""
        self._prune(self.clock())
        return len(self._minute), len(self._day)

    def reset(self) -> None:
        """Forget every counted request."""
        self._minute.clear()
        self._day.clear()

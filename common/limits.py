"""Client-side limits: a request rate, a number in flight, and the shared 429 cool-down.

One :class:`Limits` belongs to a client and all its ``with_options`` copies. Around each
attempt it waits out any cool-down a 429 started, takes a concurrency slot, then a rate token.
The rate limiter is pluggable (:class:`RateLimiter`): the default is a local leaky bucket
(``aiolimiter``); a limiter shared across processes plugs in the same way.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from typing import Any, Protocol, runtime_checkable

import attrs
from aiolimiter import AsyncLimiter

__all__ = [
    "CoolDown",
    "Limits",
    "LocalRateLimiter",
    "Quota",
    "RateLimit",
    "RateLimiter",
    "WindowQuota",
    "WindowUsage",
]


@runtime_checkable
class RateLimiter(Protocol):
    """Anything that can make a caller wait for its turn."""

    async def acquire(self) -> None:
        """Return when one more request may be sent."""


@attrs.frozen
class RateLimit:
    """``rate`` requests every ``per`` seconds, allowing bursts of ``burst`` at once."""

    rate: float = attrs.field(validator=attrs.validators.gt(0))
    per: float = attrs.field(default=1.0, validator=attrs.validators.gt(0))
    burst: int = attrs.field(default=1, validator=attrs.validators.ge(1))

    @property
    def interval(self) -> float:
        """Seconds between two requests at the steady rate."""
        return self.per / self.rate


class LocalRateLimiter:
    """A leaky bucket in this process (``aiolimiter.AsyncLimiter``)."""

    def __init__(self, limit: RateLimit) -> None:
        self.limit = limit
        self._bucket: AsyncLimiter | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    async def acquire(self) -> None:
        loop = asyncio.get_running_loop()
        if self._bucket is None or self._loop is not loop:
            # aiolimiter's waiters belong to one loop: a client reused under a new loop
            # (successive asyncio.run calls) gets a fresh bucket.
            self._bucket = AsyncLimiter(self.limit.burst, self.limit.interval * self.limit.burst)
            self._loop = loop
        await self._bucket.acquire()

    def __repr__(self) -> str:
        return f"LocalRateLimiter({self.limit!r})"


def _windows(value: Iterable[tuple[int, float]]) -> tuple[tuple[int, float], ...]:
    return tuple((int(count), float(seconds)) for count, seconds in value)


@attrs.frozen
class Quota:
    """Request budgets over several windows at once, e.g. 10 a minute *and* 500 a day."""

    #: ``(requests, seconds)`` pairs; every one of them must have room for a request to go.
    windows: tuple[tuple[int, float], ...] = attrs.field(converter=_windows)

    @windows.validator
    def _check(self, attribute: attrs.Attribute[Any], value: tuple[tuple[int, float], ...]) -> None:
        if not value or any(count < 1 or seconds <= 0 for count, seconds in value):
            raise ValueError("a quota needs windows of at least 1 request over > 0 seconds")


@attrs.frozen
class WindowUsage:
    """How much of one window's budget is spent right now."""

    limit: int
    per: float
    used: int

    @property
    def remaining(self) -> int:
        return max(self.limit - self.used, 0)


class WindowQuota:
    """A :class:`RateLimiter` over sliding windows: waits until every window has room.

    Vendors whose plans count requests per minute and per day (IntakeQ: 10 and 500) use it
    so that a batch queues instead of failing; :meth:`usage` tells a long job how much of
    each budget it has spent. ``clock`` and ``sleep`` can be replaced to simulate time.
    """

    def __init__(
        self,
        quota: Quota,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        self.quota = quota
        self._clock = clock
        self._sleep = sleep
        self._sent: list[deque[float]] = [deque() for _ in quota.windows]

    def _wait_needed(self, now: float) -> float:
        wait = 0.0
        for (limit, per), sent in zip(self.quota.windows, self._sent, strict=True):
            while sent and sent[0] <= now - per:
                sent.popleft()
            if len(sent) >= limit:
                wait = max(wait, sent[0] + per - now)
        return wait

    async def acquire(self) -> None:
        while (wait := self._wait_needed(self._clock())) > 0:
            await self._sleep(wait)
        now = self._clock()
        for sent in self._sent:
            sent.append(now)

    def usage(self) -> list[WindowUsage]:
        """Requests sent in each window, as of now (this process's count)."""
        self._wait_needed(self._clock())  # drops what has left the windows
        return [
            WindowUsage(limit=limit, per=per, used=len(sent))
            for (limit, per), sent in zip(self.quota.windows, self._sent, strict=True)
        ]

    def __repr__(self) -> str:
        return f"WindowQuota({self.quota!r})"


class CoolDown:
    """A moment before which no request of the client is sent (set by a 429's Retry-After)."""

    __slots__ = ("_until",)

    def __init__(self) -> None:
        self._until = 0.0

    def extend(self, seconds: float) -> None:
        """Hold every request for at least *seconds* from now (never shortens a wait)."""
        self._until = max(self._until, time.monotonic() + seconds)

    def remaining(self) -> float:
        """Seconds left before requests may flow again."""
        return max(self._until - time.monotonic(), 0.0)

    async def wait(self) -> None:
        """Sleep until the cool-down is over (returns at once when there is none)."""
        # A loop, not one sleep: another 429 may push the deadline while we sleep.
        while (left := self._until - time.monotonic()) > 0:  # noqa: ASYNC110
            await asyncio.sleep(left)


class Limits:
    """The limits of one client: ``release = await limits.acquire()`` before each attempt."""

    def __init__(
        self, *, rate_limiter: RateLimiter | None = None, max_concurrency: int | None = None
    ) -> None:
        if max_concurrency is not None and max_concurrency < 1:
            raise ValueError("max_concurrency must be at least 1")
        self.rate_limiter = rate_limiter
        self.max_concurrency = max_concurrency
        self.cooldown = CoolDown()
        # A semaphore belongs to the loop it first waited in; keep one per running loop.
        self._semaphore: asyncio.Semaphore | None = None
        self._semaphore_loop: asyncio.AbstractEventLoop | None = None

    def _slots(self) -> asyncio.Semaphore | None:
        if self.max_concurrency is None:
            return None
        loop = asyncio.get_running_loop()
        if self._semaphore is None or self._semaphore_loop is not loop:
            self._semaphore = asyncio.Semaphore(self.max_concurrency)
            self._semaphore_loop = loop
        return self._semaphore

    async def acquire(self) -> Callable[[], None]:
        """Wait for the cool-down, a concurrency slot and a rate token; return the release.

        The release frees exactly the slot taken here (safe to call once, from any code path).
        """
        await self.cooldown.wait()
        slots = self._slots()
        if slots is not None:
            await slots.acquire()
        try:
            if self.rate_limiter is not None:
                await self.rate_limiter.acquire()
            # A 429 may have arrived while we queued: honour it before sending.
            await self.cooldown.wait()
        except BaseException:
            if slots is not None:
                slots.release()
            raise
        return _nothing if slots is None else slots.release

    def __repr__(self) -> str:
        return f"Limits(rate_limiter={self.rate_limiter!r}, max_concurrency={self.max_concurrency})"


def _nothing() -> None:
    return None

"""A rate limit shared by every process and host that names the same Redis key.

Needs the ``redis`` extra (``pip install 'vendor-clients-async[redis]'``, which brings
``redis-py``); nothing else in :mod:`common` imports this module. ::

    from common import RateLimit
    from common.limits_redis import RedisRateLimiter

    limiter = RedisRateLimiter(RateLimit(rate=100), url="redis://cache:6379/0", key="amilia:acme")
    async with limiter, AmiliaClient(..., rate_limit=limiter) as client:
        ...  # every process using this key together sends at most 100 requests a second

**What is counted.** A *moving window* per budget: at most ``count`` requests in any span of
``seconds`` (plus ``margin``, below), across all users of the key. That is how vendors count
quotas and how :class:`~common.testing.ServerRateLimit` and :class:`~common.limits.WindowQuota`
count. A :class:`~common.limits.RateLimit` of ``rate`` per ``per`` is the window
``(rate, per)`` (a fractional ``rate`` becomes whole requests over a proportionally shorter
window, e.g. 2.5/s is 2 per 0.8 s); its ``burst`` is not used, since a window's whole budget
may go at once. A :class:`~common.limits.Quota` is several windows, all checked and spent
together in one atomic step.

**Margin.** The limiter counts a request when it is admitted; the vendor counts it when it
arrives, a little later and by a varying amount (connection set-up, queues, the network).
Two requests admitted ``per`` seconds apart may thus arrive a bit less than ``per`` apart and
land in one vendor window. So each request occupies its window ``margin`` seconds longer
(0.1 s by default); the cost is a steady rate of ``count / (seconds + margin)``. Raise it for
a jittery network, lower it for a vendor that counts leniently.

**Clocks.** Every timestamp is the Redis server's (``TIME``, inside the script), so the hosts'
clocks play no part and need not agree; local time only measures the sleep the server asked
for. A Redis server whose clock steps (a bad NTP jump) distorts the windows for
as long as the step.

**Redis down.** :meth:`RedisRateLimiter.acquire` raises :class:`RateLimiterUnavailableError`
(an :class:`~common.errors.ApiError`) and the request is not sent: at once when the
connection is refused, after ``2 * timeout`` at worst when Redis does not answer (one retry,
for a pooled connection the server dropped). There is no silent fallback to a local limit,
which would multiply the rate by the number of processes; a caller who prefers that can catch
the error and wait on a :class:`~common.limits.LocalRateLimiter` of a share of the rate.

**Needs** Redis 5 or later (or Valkey): the script reads ``TIME`` before writing. A key holds
at most as many entries as its largest window's count, and expires when idle.

Why not the ``limits`` library's moving window: it stamps requests with each caller's clock,
takes whole-second windows only (so no margin, and no ``RateLimit(5, per=0.5)``), spends a
quota's windows one at a time, and needs a second round trip to learn how long to wait.
Measured with four processes sending 120 requests through it to a counting emulator allowing
50 per second, 40-65 were answered 429 (20-30 when set to 80% of the quota). This script:
4-11 with no margin, none with the default one. It keeps one sorted set per key and costs one
round trip per try.
"""

from __future__ import annotations

import asyncio
import itertools
import math
import secrets
from collections.abc import Sequence
from types import TracebackType
from typing import Any, TypeVar

import attrs
from yarl import URL

from .errors import ApiError
from .limits import Quota, RateLimit, WindowUsage

try:
    from redis.asyncio import Redis
    from redis.asyncio.connection import parse_url
    from redis.asyncio.retry import Retry
    from redis.backoff import NoBackoff
    from redis.commands.core import AsyncScript
    from redis.exceptions import RedisError
except ImportError as _missing:  # pragma: no cover - depends on the installed extras
    raise ImportError(
        "common.limits_redis needs redis-py: pip install 'vendor-clients-async[redis]'"
    ) from _missing

__all__ = ["RateLimiterUnavailableError", "RedisRateLimiter"]

_L = TypeVar("_L", bound="RedisRateLimiter")

#: Shortest sleep between two tries, so that a slot lost to another process by a hair never
#: turns into a busy loop.
_MIN_SLEEP = 0.001
#: Longest single sleep: a long wait (a daily quota) is slept in steps, so the limiter notices
#: within this long when the key is cleared or the budget changes.
_MAX_SLEEP = 5.0

# KEYS[1]: a sorted set of admitted requests, scored by the Redis server's time in µs.
# ARGV[1]: a member unique to this request; then (count, window in µs) for every window.
# Admits and records the request when every window has room and returns 0; otherwise records
# nothing and returns the µs until the window that is furthest from room has some.
# Numbers travel as '%.0f' strings: Lua's tostring keeps only 14 digits of a µs timestamp.
_ACQUIRE = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local key = KEYS[1]
local longest, wait = 0, 0
for i = 2, #ARGV, 2 do
  local count, window = tonumber(ARGV[i]), tonumber(ARGV[i + 1])
  if window > longest then longest = window end
  local since = '(' .. string.format('%.0f', now - window)
  local used = redis.call('ZCOUNT', key, since, '+inf')
  if used >= count then
    local oldest = redis.call('ZRANGEBYSCORE', key, since, '+inf', 'WITHSCORES',
                              'LIMIT', used - count, 1)
    wait = math.max(wait, tonumber(oldest[2]) + window - now)
  end
end
if wait > 0 then return wait end
redis.call('ZREMRANGEBYSCORE', key, '-inf', string.format('%.0f', now - longest))
redis.call('ZADD', key, string.format('%.0f', now), ARGV[1])
redis.call('PEXPIRE', key, string.format('%.0f', math.ceil(longest / 1000) + 1000))
return 0
"""

# KEYS[1] as above; ARGV: the window lengths in µs. Returns the requests in each window now.
_USAGE = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local used = {}
for i = 1, #ARGV do
  local since = '(' .. string.format('%.0f', now - tonumber(ARGV[i]))
  used[i] = redis.call('ZCOUNT', KEYS[1], since, '+inf')
end
return used
"""


class RateLimiterUnavailableError(ApiError):
    """The shared rate limiter could not reach its store, so the request was not sent."""


def _windows(limit: RateLimit | Quota) -> tuple[tuple[int, float], ...]:
    if isinstance(limit, Quota):
        return limit.windows
    if not isinstance(limit, RateLimit):
        raise TypeError(f"expected a RateLimit or a Quota, got {limit!r}")
    count = max(1, math.floor(limit.rate))
    return ((count, limit.per * count / limit.rate),)


@attrs.define(eq=False)
class _Connection:
    """What belongs to one event loop: the Redis client, its scripts, the local queue."""

    loop: asyncio.AbstractEventLoop
    client: Redis
    acquire: AsyncScript
    usage: AsyncScript
    #: One try at a time per process: local callers queue here (first come, first served)
    #: instead of each polling Redis.
    turn: asyncio.Lock


class RedisRateLimiter:
    """A :class:`~common.limits.RateLimiter` whose budget lives in Redis, shared by key.

    ``limit`` is a :class:`~common.limits.RateLimit` or a :class:`~common.limits.Quota`;
    ``url`` a Redis URL (``redis://[:password@]host:port/db``, ``rediss://``, ``unix://``);
    ``key`` names the budget, one per vendor account (its Redis key is ``ratelimit:{key}``).
    Every limiter given the same key must be given the same limit. ``margin`` lengthens every
    window to absorb delivery jitter; ``timeout`` bounds one round trip to Redis, connecting
    included. See the module docs for what is counted and why.

    Construction needs no running loop and opens nothing. The connection is made on first
    use inside the running loop, one per loop; :meth:`aclose` (or ``async with``) closes it,
    and a later use connects again. Clients never close a limiter they are given.
    """

    def __init__(
        self,
        limit: RateLimit | Quota,
        *,
        url: str,
        key: str,
        margin: float = 0.1,
        timeout: float = 2.0,
    ) -> None:
        if not key:
            raise ValueError("key must name the shared budget, e.g. 'amilia:acme'")
        if not margin >= 0:
            raise ValueError("margin must be >= 0 seconds")
        if not timeout > 0:
            raise ValueError("timeout must be > 0 seconds")
        self.windows: tuple[tuple[int, float], ...] = _windows(limit)
        self.limit = limit
        self.key = key
        self.margin: float = float(margin)
        self.timeout: float = float(timeout)
        parse_url(url)  # a ValueError now rather than at the first request
        self._url = url
        self._shown_url = str(URL(url).with_user(None))
        self._args: list[int] = []
        for count, seconds in self.windows:
            self._args += [count, _microseconds(seconds + self.margin)]
        self._member_prefix = secrets.token_hex(8)
        self._serial = itertools.count()
        self._connection: _Connection | None = None

    @property
    def redis_key(self) -> str:
        """The Redis key holding the budget's log of admitted requests."""
        return f"ratelimit:{self.key}"

    async def acquire(self) -> None:
        """Wait until every window has room, and count one request in all of them.

        One round trip per try; when the budget is spent, sleep for as long as the server
        says a slot takes to free. Cancelling while asleep or queued spends nothing; a cancel
        during a round trip may spend one slot (fewer requests, never more).
        """
        connection = self._connect()
        async with connection.turn:
            while True:
                member = f"{self._member_prefix}:{next(self._serial)}"
                wait_us = await self._call(connection.acquire, [member, *self._args])
                if not wait_us:
                    return
                await asyncio.sleep(min(max(int(wait_us) / 1e6, _MIN_SLEEP), _MAX_SLEEP))

    async def usage(self) -> list[WindowUsage]:
        """How much of each window all users of the key have spent, as of now.

        ``per`` is the window as counted, margin included.
        """
        connection = self._connect()
        lengths = self._args[1::2]
        used = await self._call(connection.usage, lengths)
        return [
            WindowUsage(limit=count, per=seconds + self.margin, used=int(spent))
            for (count, seconds), spent in zip(self.windows, used, strict=True)
        ]

    async def aclose(self) -> None:
        """Close the connection to Redis (idempotent; a later use reconnects)."""
        connection, self._connection = self._connection, None
        if connection is not None:
            await connection.client.aclose()

    async def __aenter__(self: _L) -> _L:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return (
            f"RedisRateLimiter({self.limit!r}, url={self._shown_url!r}, key={self.key!r}, "
            f"margin={self.margin})"
        )

    # -- machinery ----------------------------------------------------------------------

    def _connect(self) -> _Connection:
        loop = asyncio.get_running_loop()
        connection = self._connection
        if connection is None or connection.loop is not loop:
            # A client and a lock belong to the loop they were made in: a limiter reused by
            # a later asyncio.run gets new ones (the old loop's should have been aclose()d).
            client = Redis.from_url(
                self._url,
                socket_timeout=self.timeout,
                socket_connect_timeout=self.timeout,
                # One immediate retry: a pooled connection may have been dropped by the server.
                retry=Retry(NoBackoff(), 1),
            )
            connection = _Connection(
                loop=loop,
                client=client,
                acquire=client.register_script(_ACQUIRE),
                usage=client.register_script(_USAGE),
                turn=asyncio.Lock(),
            )
            self._connection = connection
        return connection

    async def _call(self, script: AsyncScript, args: Sequence[str | int]) -> Any:
        try:
            return await script(keys=[self.redis_key], args=list(args))
        except (RedisError, OSError) as err:
            raise RateLimiterUnavailableError(
                f"the shared rate limiter could not use Redis at {self._shown_url} "
                f"({type(err).__name__}: {err}); the request was not sent"
            ) from err


def _microseconds(seconds: float) -> int:
    return max(1, math.ceil(seconds * 1_000_000))

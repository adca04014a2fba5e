"""Client-side limits: a request rate, a number in flight, and the shared 429 cool-down.

One :class:`Limits` belongs to a client and all its ``with_options`` copies. Around each
attempt it waits out any cool-down a 429 started, takes a concurrency slot (counted across
threads and event loops, :class:`ConcurrencyGate`), then a rate token, and checks the
cool-down once more as the last step before the request goes on the wire.
The rate limiter is pluggable (:class:`RateLimiter`): the default is a local leaky bucket
(:class:`LocalRateLimiter`, a drift-free schedule), :class:`WindowQuota` keeps sliding-window
quotas in this process, and
:class:`common.limits_redis.RedisRateLimiter` (the ``redis`` extra) shares one quota between
processes and hosts. A client accepts any of them as ``rate_limit=``.

**Bounded waits.** A call waits for these limits at most its budget (the client's
``max_wait``, by default the call's ``timeout`` total). A limiter that knows its schedule
(:class:`BoundedRateLimiter`: both of this module's) says at once when its next free slot is
further away than that, and nothing is counted; the client then raises
:class:`~common.errors.RateLimitError` with ``retry_after``, the seconds until the slot frees.
Any other limiter is given the budget to answer in (see :meth:`Limits.acquire`).

**Cost.** Nothing here scales with the number of callers waiting: every waiter sleeps until
its own moment (a rate slot is reserved, not raced for), and a freed concurrency slot wakes
exactly one waiter.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any, Final, Protocol, runtime_checkable

import attrs

from .retry import parse_retry_after

__all__ = [
    "BoundedRateLimiter",
    "ConcurrencyGate",
    "CoolDown",
    "CoolDownTooLong",
    "LimitWaitTooLong",
    "Limits",
    "LocalRateLimiter",
    "Quota",
    "QuotaWaitTooLong",
    "RateLimit",
    "RateLimiter",
    "WindowQuota",
    "WindowUsage",
]


@runtime_checkable
class RateLimiter(Protocol):
    """What paces a client's requests: ``await limiter.acquire()`` before every attempt.

    Any object with this one method plugs in as ``rate_limit=`` (it is a structural protocol:
    no base class to inherit). The contract, for whoever writes one:

    * **acquire means "send now, counted".** ``acquire()`` returns when one more request may
      be sent at once, and counts that request as sent. There is no release: a rate budget is
      spent at a moment, not held (bounding requests *in flight* is ``max_concurrency``'s
      job). The client acquires once per attempt, retries included, just before sending.
    * **Wait, don't fail.** When the budget is spent, ``acquire()`` sleeps until it is not,
      without busy-looping. It raises only when it cannot decide (say its shared store is
      unreachable), preferably with an :class:`~common.errors.ApiError` subclass so that
      callers' ``except ApiError`` sees it; the request is then not sent.
    * **Cancellation-safe.** Cancelling a waiting ``acquire()`` (a timeout, a task group
      shutting down) leaves the limiter consistent and usable, releases anything it held,
      and never lets later callers exceed the rate. A cancelled call may still have been
      counted: a limiter errs on sending fewer requests, never more.
    * **Loop-aware.** It is awaited in the client's running loop. Locks, futures and
      connections belong to one event loop, so a limiter creates them inside the running
      loop, not in ``__init__`` (construction never needs a loop), and copes with a new loop
      when a client is reused by successive ``asyncio.run`` calls (see
      :class:`LocalRateLimiter`).
    * **Shared, not owned.** One limiter serves a client and all its ``with_options``
      copies, and may be given to several clients (that is how they share a budget). The
      client never closes it: a limiter holding resources (connections) offers its own
      ``aclose()`` for its owner to call.
    """

    async def acquire(self) -> None:
        """Wait until one more request may be sent now, and count it (see the class docs)."""


@runtime_checkable
class BoundedRateLimiter(RateLimiter, Protocol):
    """A :class:`RateLimiter` that knows in advance how long a slot is away.

    ``acquire_within(max_wait)`` is ``acquire()`` for a caller who will not wait more than
    *max_wait* seconds: when the next slot it could take is further away than that, it raises
    :class:`QuotaWaitTooLong` at once, with the seconds until that slot, and counts nothing.
    The client uses it whenever the limiter has it (:class:`LocalRateLimiter` and
    :class:`WindowQuota` do), so a call fails at once rather than after waiting in vain.
    """

    async def acquire_within(self, max_wait: float) -> None:
        """Like :meth:`acquire`, waiting at most *max_wait* seconds (see the class docs)."""


class LimitWaitTooLong(Exception):
    """A wait for the client's limits longer than the caller accepts; nothing was counted.

    The client turns it into :class:`~common.errors.RateLimitError` with the request's method
    and URL. ``remaining`` is the number of seconds until the limit frees (``None`` when the
    limiter cannot tell), ``bound`` the seconds the caller would have waited.
    """

    what = "the rate limit"

    def __init__(self, remaining: float | None, bound: float | None = None) -> None:
        when = "an unknown time" if remaining is None else f"{remaining:.1f} s"
        super().__init__(f"{self.what} frees in {when}")
        self.remaining = remaining
        self.bound = bound


class QuotaWaitTooLong(LimitWaitTooLong):
    """The rate limiter has no slot within the wait the caller accepts."""

    what = "the rate limiter's next slot"


@attrs.frozen
class RateLimit:
    """``rate`` requests every ``per`` seconds, allowing bursts of ``burst`` at once."""

    rate: float = attrs.field(validator=attrs.validators.gt(0))
    per: float = attrs.field(default=1.0, validator=attrs.validators.gt(0))
    burst: int = attrs.field(default=1, validator=attrs.validators.ge(1))
    #: How much wider than ``per / rate`` the local limiter spaces requests: a request reaches
    #: the server later than it leaves by a varying delay (a timer woken late, a busy loop, the
    #: network), and a window of ``per`` seconds must still never see ``rate + 1`` of them.
    #: ``0.02`` tolerates 20 ms of such jitter per second of window, for 2 % of the rate.
    margin: float = attrs.field(
        default=0.02, kw_only=True, validator=[attrs.validators.ge(0), attrs.validators.lt(1)]
    )

    @property
    def interval(self) -> float:
        """Seconds between two requests at the steady rate."""
        return self.per / self.rate


class LocalRateLimiter:
    """Paces the requests of this process: ``rate`` every ``per`` seconds, ``burst`` at once.

    A virtual schedule (GCRA, the algorithm of a leaky bucket): every call takes the next
    free slot at once, then sleeps until it. Slots follow the schedule, not the moment a
    sleeper happened to wake up -- an event loop wakes a timer up to a millisecond late, and a
    bucket measured from those wake-ups drifts 10-20 % below 200/s. The slots are spaced
    ``margin`` (2 %) wider than ``per / rate``, so that late wake-ups and network jitter never
    put ``rate + 1`` requests into one window as the server measures it: 1,000 calls at 200/s
    take 5.1 s and meet no 429. A cancelled wait keeps its slot (it errs on sending fewer,
    never more). Nothing here belongs to an event loop, so one limiter serves any loop, and
    slots are taken under a lock, so threads sharing it (each with its loop) share the rate.
    """

    __slots__ = ("_interval", "_lock", "_next", "_tolerance", "limit")

    def __init__(self, limit: RateLimit) -> None:
        self.limit: RateLimit = limit
        self._interval = limit.interval * (1 + limit.margin)
        self._tolerance = (limit.burst - 1) * self._interval
        self._next = float("-inf")  # when the next request would go at the steady rate
        self._lock = threading.Lock()

    def _reserve(self, max_wait: float | None) -> float:
        """Take the next slot and return the seconds until it; past *max_wait*, take none and
        raise :class:`QuotaWaitTooLong`."""
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next - self._tolerance)
            wait = slot - now
            if max_wait is not None and wait > max_wait:
                raise QuotaWaitTooLong(wait, max_wait)
            self._next = max(self._next, slot) + self._interval
        return wait

    async def acquire(self) -> None:
        wait = self._reserve(None)
        if wait > 0:
            await asyncio.sleep(wait)

    async def acquire_within(self, max_wait: float) -> None:
        """:meth:`acquire`, or :class:`QuotaWaitTooLong` at once when the next slot is more
        than *max_wait* seconds away (no slot is taken then)."""
        wait = self._reserve(max_wait)
        if wait > 0:
            await asyncio.sleep(wait)

    def __repr__(self) -> str:
        return f"LocalRateLimiter({self.limit!r})"


def _windows(value: Iterable[tuple[int, float]]) -> tuple[tuple[int, float], ...]:
    return tuple((int(count), float(seconds)) for count, seconds in value)


def _to_float(value: float) -> float:
    """``float`` as a Python function: attrs reads a converter's signature, and reading a
    builtin's compiles the tokenizer's patterns (about 2 ms at import)."""
    return float(value)


@attrs.frozen
class Quota:
    """Request budgets over several windows at once, e.g. 10 a minute *and* 500 a day."""

    #: ``(requests, seconds)`` pairs; every one of them must have room for a request to go.
    windows: tuple[tuple[int, float], ...] = attrs.field(converter=_windows)
    #: Seconds each request occupies its windows beyond their length, in
    #: :class:`WindowQuota`: a request reaches the vendor later than it leaves, by a varying
    #: delay (a connection to open, a busy loop), so two requests sent a window apart can
    #: arrive a little less than a window apart and be counted together. ``0.0`` keeps the
    #: windows exact. A call may wait the margin on top of its ``max_wait`` (it is spacing
    #: of ours, not the vendor's budget): with a one-minute window and the default 60 s
    #: budget, a batch still queues. (:class:`~common.limits_redis.RedisRateLimiter` has its
    #: own ``margin``.)
    margin: float = attrs.field(
        default=0.0, kw_only=True, converter=_to_float, validator=attrs.validators.ge(0)
    )

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

    Every call reserves the earliest moment at which each window has room (after the
    reservations already made: first come, first served) and sleeps until then, so waiters
    never race each other for a slot, and :meth:`acquire_within` knows at once whether that
    moment is within the caller's wait (as the vendor counts: the quota's ``margin`` may come
    on top). Each window keeps the times of its last ``count`` requests only; a cancelled
    wait keeps its reservation (fewer requests, never more).
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
        self._margin = quota.margin
        # The times (sent or reserved, in order) of each window's last `count` requests.
        self._sent: list[deque[float]] = [deque(maxlen=count) for count, _ in quota.windows]
        # The same, for the requests let through (their waits over): what usage() counts.
        self._through: list[deque[float]] = [deque(maxlen=count) for count, _ in quota.windows]
        self._lock = threading.Lock()  # threads sharing the quota check and count as one

    def _reserve(self, max_wait: float | None) -> tuple[float, float]:
        """Reserve the earliest moment every window has room; return it and the seconds
        until it (a request to send at once is counted as let through).

        Past *max_wait*, reserve nothing and raise :class:`QuotaWaitTooLong`.
        """
        with self._lock:
            now = self._clock()
            at = now
            for (count, per), sent in zip(self.quota.windows, self._sent, strict=True):
                if sent:
                    at = max(at, sent[-1])  # never ahead of a reservation already made
                    if len(sent) == count:  # full: room once the oldest of these leaves
                        at = max(at, sent[0] + per + self._margin)
            wait = at - now
            # The margin is our spacing, not the vendor's budget: a call whose slot opens
            # within its wait as the vendor counts may wait the margin on top.
            if max_wait is not None and wait > max_wait + self._margin:
                raise QuotaWaitTooLong(wait, max_wait)
            for sent in self._sent:
                sent.append(at)
            if wait <= 0:
                for through in self._through:
                    through.append(at)
        return at, wait

    async def _take(self, max_wait: float | None) -> None:
        at, wait = self._reserve(max_wait)
        if wait <= 0:
            return
        try:
            await self._sleep(wait)
        finally:  # let through (or cancelled: counted all the same, fewer never more)
            with self._lock:
                for through in self._through:
                    through.append(at)

    async def acquire(self) -> None:
        await self._take(None)

    async def acquire_within(self, max_wait: float) -> None:
        """:meth:`acquire`, or :class:`QuotaWaitTooLong` at once when no window has room
        within *max_wait* seconds (nothing is counted then)."""
        await self._take(max_wait)

    def usage(self) -> list[WindowUsage]:
        """Requests sent in each window, as of now (this process's count; requests still
        waiting for their moment are not counted yet)."""
        with self._lock:
            now = self._clock()
            used = [
                sum(1 for stamp in through if now - per < stamp <= now)
                for (_, per), through in zip(self.quota.windows, self._through, strict=True)
            ]
        return [
            WindowUsage(limit=count, per=per, used=spent)
            for (count, per), spent in zip(self.quota.windows, used, strict=True)
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

    async def wait(self, limit: float | None = None) -> None:
        """Sleep until the cool-down is over (returns at once when there is none).

        With *limit*, a cool-down with more than *limit* seconds left raises
        :class:`CoolDownTooLong` instead of being waited out (also when a later 429 pushes
        the deadline while we sleep).
        """
        # A loop, not one sleep: another 429 may push the deadline while we sleep.
        while (left := self._until - time.monotonic()) > 0:
            if limit is not None and left > limit:
                raise CoolDownTooLong(left, limit)
            await asyncio.sleep(left)


class CoolDownTooLong(LimitWaitTooLong):
    """The shared cool-down asks for a longer wait than the caller accepts.

    The client turns it into :class:`~common.errors.RateLimitError` with the request's
    method and URL; ``remaining`` is the number of seconds left.
    """

    what = "the cool-down"
    remaining: float

    def __init__(self, remaining: float, bound: float | None = None) -> None:
        super().__init__(remaining, bound)


@attrs.frozen
class RateLimitStatus:
    """What the server last said about its own rate limit (``X-RateLimit-*`` headers)."""

    #: Requests allowed in the server's window (``X-RateLimit-Limit``).
    limit: int | None
    #: Requests left in it (``X-RateLimit-Remaining``).
    remaining: int | None
    #: Seconds until the window resets, as of :attr:`observed_at` (``X-RateLimit-Reset``, sent
    #: by some servers only with a 429).
    reset_after: float | None
    #: :func:`time.time` when the answer carrying these headers arrived.
    observed_at: float


#: The headers a server states its rate limit in: limit, remaining, reset.
RATE_LIMIT_HEADERS: Final = ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")


def read_rate_limit(
    headers: Mapping[str, str], names: tuple[str, str, str] = RATE_LIMIT_HEADERS
) -> RateLimitStatus | None:
    """The rate-limit figures an answer's *headers* carry, or ``None`` (pure)."""
    limit_name, remaining_name, reset_name = names
    remaining = _count(headers.get(remaining_name))
    limit = _count(headers.get(limit_name))
    if remaining is None and limit is None:
        return None
    now = time.time()
    reset_after = None
    if headers.get(reset_name) is not None:
        reset_after = parse_retry_after(
            {"X-RateLimit-Reset": headers[reset_name]}, now=now, reset_fallback=True
        )
    return RateLimitStatus(limit, remaining, reset_after, now)


class ServerBudget:
    """Reads the server's rate-limit headers from every answer, and holds requests when spent.

    When ``Remaining`` reaches 0 and the server says when its window resets, every request of
    the client waits for that moment (through the shared :class:`CoolDown`) instead of being
    sent to a certain 429. Without a reset time the next request goes out, and the server's
    429 and ``Retry-After`` start the same cool-down.
    """

    __slots__ = ("_cooldown", "_names", "status")

    def __init__(
        self,
        cooldown: CoolDown,
        names: tuple[str, str, str] = RATE_LIMIT_HEADERS,
    ) -> None:
        self._cooldown = cooldown
        self._names = names
        #: The latest figures, or ``None`` before any answer carried them.
        self.status: RateLimitStatus | None = None

    def observe(self, headers: Mapping[str, str]) -> None:
        """Note the figures an answer's *headers* carry (cheap when they carry none)."""
        limit_name, remaining_name, _ = self._names
        if remaining_name not in headers and limit_name not in headers:
            return  # the usual answer: two lookups, nothing built
        status = read_rate_limit(headers, self._names)
        if status is None:
            return
        self.status = status
        if status.remaining == 0 and status.reset_after:
            self._cooldown.extend(status.reset_after)


def _count(raw: str | None) -> int | None:
    if raw is None:
        return None
    try:
        return max(int(raw.strip()), 0)
    except ValueError:
        return None


class _Waiter:
    """One ``acquire()`` waiting for a slot, in the event loop it runs in."""

    __slots__ = ("future", "granted", "loop")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.future: asyncio.Future[None] = loop.create_future()
        #: Set (under the gate's lock) when a release handed this waiter the slot.
        self.granted = False


class ConcurrencyGate:
    """At most ``size`` holders at once, across every thread and event loop that uses it.

    ``asyncio.Semaphore`` belongs to one event loop: a client shared by two threads, each
    running its own loop, would let ``size`` requests through in each. This gate counts under
    a :class:`threading.Lock` instead. Taking a free slot is a locked increment, nothing
    awaited (the single-loop fast path); a full gate queues the caller (first come, first
    served, whatever its loop), and a release hands the slot straight to the oldest waiter,
    waking it in its own loop (``call_soon``, or ``call_soon_threadsafe`` from another
    thread). A cancelled waiter gives back a slot it was handed, so none is ever lost.
    """

    __slots__ = ("_count", "_lock", "_waiters", "size")

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError("a concurrency gate needs at least one slot")
        self.size: int = size
        self._count = 0
        self._lock = threading.Lock()
        self._waiters: deque[_Waiter] = deque()

    @property
    def in_use(self) -> int:
        """Slots held right now (by any thread)."""
        return self._count

    def try_acquire(self) -> bool:
        """Take a slot if one is free and nobody queues for it; never waits."""
        with self._lock:
            if self._count < self.size and not self._waiters:
                self._count += 1
                return True
        return False

    async def acquire(self) -> None:
        """Take a slot, waiting (in this loop) until one is free."""
        if self.try_acquire():
            return
        waiter = _Waiter(asyncio.get_running_loop())
        with self._lock:
            if self._count < self.size and not self._waiters:  # freed meanwhile
                self._count += 1
                return
            self._waiters.append(waiter)
        try:
            await waiter.future
        except BaseException:
            with self._lock:
                granted = waiter.granted
                if not granted:
                    self._waiters.remove(waiter)
            if granted and not waiter.future.cancelled():
                self.release()  # handed a slot, then cancelled before using it
            # (a slot handed to a future cancelled first is passed on by _wake)
            raise

    def release(self) -> None:
        """Free one slot: the oldest waiter gets it, else it returns to the pool."""
        while True:
            with self._lock:
                if not self._waiters:
                    self._count -= 1
                    return
                waiter = self._waiters.popleft()
                waiter.granted = True
            try:
                if asyncio._get_running_loop() is waiter.loop:
                    waiter.loop.call_soon(self._wake, waiter)
                else:
                    waiter.loop.call_soon_threadsafe(self._wake, waiter)
            except RuntimeError:  # its loop is closed: the slot goes to the next one
                continue
            return

    def _wake(self, waiter: _Waiter) -> None:
        if waiter.future.done():  # cancelled before it could take the slot: pass it on
            self.release()
        else:
            waiter.future.set_result(None)

    def __repr__(self) -> str:
        return f"ConcurrencyGate(size={self.size}, in_use={self._count})"


class Limits:
    """The limits of one client: ``release = await limits.acquire()`` before each attempt.

    One object serves the client and its ``with_options`` copies, from any thread and event
    loop: ``max_concurrency`` counts requests in flight across all of them.
    """

    def __init__(
        self,
        *,
        rate_limiter: RateLimiter | None = None,
        max_concurrency: int | None = None,
        pool_size: int | None = None,
    ) -> None:
        if max_concurrency is not None and max_concurrency < 1:
            raise ValueError("max_concurrency must be at least 1")
        if pool_size is not None and pool_size < 1:
            raise ValueError("pool_size must be at least 1")
        self.rate_limiter = rate_limiter
        self.max_concurrency = max_concurrency
        self.cooldown: CoolDown = CoolDown()
        #: The server's own figures (``X-RateLimit-*``), fed to the cool-down.
        self.server: ServerBudget = ServerBudget(self.cooldown)
        # Requests in flight: at most max_concurrency, and never more than the connection
        # pool holds. A request that waited inside aiohttp's pool would go on the wire once
        # a connection freed up, past every check made here (the cool-down above all).
        sizes = [n for n in (max_concurrency, pool_size) if n is not None]
        self._gate = ConcurrencyGate(min(sizes)) if sizes else None

    def held(self) -> float:
        """Seconds the cool-down still holds every request (``0.0`` at once when no 429 or
        spent budget was ever seen: no clock is read then)."""
        cooldown = self.cooldown
        return cooldown.remaining() if cooldown._until else 0.0

    def try_acquire(self) -> Callable[[], None] | None:
        """The release of a concurrency slot taken without waiting, or ``None`` when
        :meth:`acquire` must be awaited instead (a rate limiter to ask, a cool-down that was
        ever started, or no free slot). Nothing is awaited: the hot path of a client without
        a rate limit costs one locked increment."""
        if self.rate_limiter is not None or self.cooldown._until:
            return None
        gate = self._gate
        if gate is None:
            return _nothing
        return gate.release if gate.try_acquire() else None

    async def acquire(
        self, *, max_cooldown: float | None = None, max_wait: float | None = None
    ) -> Callable[[], None]:
        """Wait for the cool-down, a concurrency slot and a rate token; return the release.

        The cool-down is checked first (no slot is held while a 429's window runs) and again
        last, once the slot and the token are in hand: a 429 that arrived while this request
        queued holds it too, so nothing reaches the server inside the window. A cool-down
        longer than *max_cooldown* seconds raises :class:`CoolDownTooLong` instead of
        waiting (nothing is held then). The release frees exactly the slot taken here (safe
        to call once, from any code path, in any thread).

        *max_wait* bounds the waits for the cool-down and the rate token together, counted
        from this call: a cool-down, or a rate limiter's next slot, further away than what
        is left of it raises :class:`CoolDownTooLong` or :class:`QuotaWaitTooLong` at once
        (a :class:`BoundedRateLimiter` says so without counting anything). A limiter with
        ``acquire()`` only gets what is left of *max_wait* (at least
        :data:`MIN_LIMITER_WAIT`) to grant its slot, and its wait is then cancelled
        (``remaining`` unknown). The wait for a concurrency slot is not bounded by it
        (requests in flight end within their own timeouts), but it uses up the budget.
        """
        cooldown = self.cooldown
        gate = self._gate
        deadline = None if max_wait is None else time.monotonic() + max_wait
        if cooldown._until:  # a 429 (or a spent server budget) was ever seen: maybe wait
            await cooldown.wait(_tighter(max_cooldown, max_wait))
        if gate is None:
            if self.rate_limiter is None:
                return _nothing  # an unlimited client: nothing awaited
        elif not gate.try_acquire():
            await gate.acquire()
        try:
            if self.rate_limiter is not None:
                await self._rate_token(self.rate_limiter, deadline)
            if cooldown._until:
                # The last step before the wire: a 429 may have arrived while we queued.
                await cooldown.wait(_tighter(max_cooldown, _left(deadline)))
        except BaseException:
            if gate is not None:
                gate.release()
            raise
        return _nothing if gate is None else gate.release

    @staticmethod
    async def _rate_token(limiter: RateLimiter, deadline: float | None) -> None:
        if deadline is None:
            await limiter.acquire()
            return
        left = max(deadline - time.monotonic(), 0.0)
        if isinstance(limiter, (LocalRateLimiter, WindowQuota)):
            await limiter.acquire_within(left)
            return
        within = getattr(limiter, "acquire_within", None)
        if within is not None:
            await within(left)
            return
        # A limiter that cannot tell its wait in advance: give it the budget to answer in.
        allowed = max(left, MIN_LIMITER_WAIT)
        started = time.monotonic()
        try:
            await asyncio.wait_for(limiter.acquire(), allowed)
        except asyncio.TimeoutError:
            if time.monotonic() - started < allowed:
                raise  # the limiter's own error, not our deadline
            raise QuotaWaitTooLong(None, left) from None

    def __repr__(self) -> str:
        return f"Limits(rate_limiter={self.rate_limiter!r}, max_concurrency={self.max_concurrency})"


def _nothing() -> None:
    return None


def describe_limit(limiter: RateLimiter | None) -> str:
    """A rate limiter's budget in words, for messages: ``"10 per 60 s and 500 per 86400 s"``."""
    if isinstance(limiter, LocalRateLimiter):
        limit = limiter.limit
        return f"{limit.rate:g} per {limit.per:g} s"
    if isinstance(limiter, WindowQuota):
        return " and ".join(f"{count} per {per:g} s" for count, per in limiter.quota.windows)
    return type(limiter).__name__


#: The least time a rate limiter without ``acquire_within`` is given to grant a slot, even
#: to a call with ``max_wait=0``: one round trip to a shared store (Redis) must fit in it.
MIN_LIMITER_WAIT: Final = 0.05


def _left(deadline: float | None) -> float | None:
    return None if deadline is None else max(deadline - time.monotonic(), 0.0)


def _tighter(a: float | None, b: float | None) -> float | None:
    """The smaller of two optional bounds (``None``: no bound)."""
    if a is None:
        return b
    return a if b is None or a <= b else b

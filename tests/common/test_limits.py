"""Capability 4: client-side rate and concurrency limits, and the shared 429 cool-down."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from aioresponses import CallbackResult, aioresponses

from common import InvalidRequestError, Limits, RateLimit, RateLimiter

from .support import BASE, DemoClient, calls


async def test_fifty_concurrent_calls_meeting_one_429_wait_once_together(
    mocked: aioresponses,
) -> None:
    """All calls hitting a 429 wait out the same Retry-After once, then retry together."""
    window_ends = 0.0
    second_attempts: list[float] = []

    async def handler(url: Any, **kwargs: Any) -> CallbackResult:
        nonlocal window_ends
        if window_ends == 0.0:
            window_ends = time.monotonic() + 0.4
        await asyncio.sleep(0.02)  # all fifty are in flight when the 429s come back
        now = time.monotonic()
        if now < window_ends:
            return CallbackResult(status=429, headers={"Retry-After": "0.4"})
        second_attempts.append(now)
        return CallbackResult(payload={"ok": True})

    mocked.get(f"{BASE}/hot", callback=handler, repeat=True)
    async with DemoClient(base_url=BASE) as client:
        started = time.monotonic()
        results = await asyncio.gather(*(client.request("GET", "/hot") for _ in range(50)))
        elapsed = time.monotonic() - started
    assert results == [{"ok": True}] * 50
    assert len(calls(mocked, "GET", f"{BASE}/hot")) == 100  # each call: one 429, one success
    assert 0.38 <= elapsed < 1.0  # one wait, not fifty, nor a stampede of backoffs
    assert max(second_attempts) - min(second_attempts) < 0.2  # together


async def test_a_429_holds_new_requests_of_the_same_client_too(mocked: aioresponses) -> None:
    """Requests started during a cool-down wait for it before being sent."""
    sent_at: list[float] = []

    def handler(url: Any, **kwargs: Any) -> CallbackResult:
        sent_at.append(time.monotonic())
        if len(sent_at) == 1:
            return CallbackResult(status=429, headers={"Retry-After": "0.3"})
        return CallbackResult(payload={})

    mocked.get(f"{BASE}/a", callback=handler, repeat=True)
    async with DemoClient(base_url=BASE) as client:
        started = time.monotonic()
        first = asyncio.create_task(client.request("GET", "/a"))
        await asyncio.sleep(0.05)
        await client.with_options(headers={"X": "copy"}).request("GET", "/a")
        await first
    assert len(sent_at) == 3
    assert sent_at[1] - started >= 0.29
    assert sent_at[2] - started >= 0.29


async def test_concurrency_limit_bounds_requests_in_flight(mocked: aioresponses) -> None:
    """max_concurrency=3: never more than three requests in flight, all still complete."""
    in_flight = peak = 0

    async def handler(url: Any, **kwargs: Any) -> CallbackResult:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        await asyncio.sleep(0.01)
        in_flight -= 1
        return CallbackResult(payload={})

    mocked.get(f"{BASE}/c", callback=handler, repeat=True)
    async with DemoClient(base_url=BASE, max_concurrency=3) as client:
        copy = client.with_options(timeout=30)
        await asyncio.gather(
            *(client.request("GET", "/c") for _ in range(15)),
            *(copy.request("GET", "/c") for _ in range(15)),
        )
    assert peak == 3
    assert len(calls(mocked, "GET", f"{BASE}/c")) == 30


async def test_rate_limit_spaces_requests(mocked: aioresponses) -> None:
    """rate_limit=20/s: eleven requests need at least half a second."""
    mocked.get(f"{BASE}/r", payload={}, repeat=True)
    async with DemoClient(base_url=BASE, rate_limit=RateLimit(rate=20)) as client:
        started = time.monotonic()
        await asyncio.gather(*(client.request("GET", "/r") for _ in range(11)))
    assert time.monotonic() - started >= 0.45


async def test_rate_limit_is_shared_by_with_options_copies(mocked: aioresponses) -> None:
    """Copies draw from the same bucket: 6 + 5 requests at 20/s take at least 0.45 s."""
    mocked.get(f"{BASE}/r", payload={}, repeat=True)
    async with DemoClient(base_url=BASE, rate_limit=20.0) as client:
        copy = client.with_options(max_retries=0)
        started = time.monotonic()
        await asyncio.gather(
            *(client.request("GET", "/r") for _ in range(6)),
            *(copy.request("GET", "/r") for _ in range(5)),
        )
    assert time.monotonic() - started >= 0.45


async def test_a_custom_rate_limiter_is_called_for_every_attempt(mocked: aioresponses) -> None:
    """Any object with `async acquire()` plugs in as the limiter (e.g. one shared by hosts)."""

    class Counting:
        def __init__(self) -> None:
            self.acquired = 0

        async def acquire(self) -> None:
            self.acquired += 1

    limiter = Counting()
    assert isinstance(limiter, RateLimiter)
    mocked.get(f"{BASE}/r", status=503)
    mocked.get(f"{BASE}/r", payload={})
    async with DemoClient(base_url=BASE, rate_limit=limiter) as client:
        await client.with_options(retry=client.config.retry).request("GET", "/r")
    assert limiter.acquired == 2


def test_limits_refuse_nonsense() -> None:
    """Zero concurrency or a non-positive rate is refused at construction."""
    with pytest.raises(InvalidRequestError):
        DemoClient(base_url=BASE, max_concurrency=0)
    with pytest.raises(ValueError, match="rate"):
        RateLimit(rate=0)
    with pytest.raises(ValueError, match="max_concurrency"):
        Limits(max_concurrency=0)


class FakeTime:
    """A clock that moves only when something sleeps: simulated time for quota tests."""

    def __init__(self) -> None:
        self.now = 0.0

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


async def test_window_quota_keeps_every_window_in_simulated_time() -> None:
    """Thirty calls under 10/minute take three minutes of simulated time, none early."""
    from common import Quota, WindowQuota

    fake = FakeTime()
    quota = WindowQuota(Quota(((10, 60.0), (500, 86400.0))), clock=fake.clock, sleep=fake.sleep)
    sent: list[float] = []
    for _ in range(30):
        await quota.acquire()
        sent.append(fake.now)
    assert sent[:10] == [0.0] * 10
    assert sent[10:20] == [60.0] * 10
    assert sent[20:] == [120.0] * 10
    minute, day = quota.usage()
    assert (minute.used, minute.remaining) == (10, 0)
    assert (day.used, day.remaining) == (30, 470)


def test_quota_refuses_empty_or_nonsense_windows() -> None:
    """A quota needs at least one window of >= 1 request over > 0 seconds."""
    from common import Quota

    for windows in ((), ((0, 60.0),), ((10, 0.0),)):
        with pytest.raises(ValueError, match="quota"):
            Quota(windows)


async def test_a_quota_given_as_the_rate_limit_becomes_a_window_quota(
    mocked: aioresponses,
) -> None:
    """rate_limit=Quota(...) gives the client its own WindowQuota, shared by its copies."""
    from common import Quota, WindowQuota

    client = DemoClient(base_url=BASE, rate_limit=Quota(((5, 1.0),)))
    limiter = client.limits.rate_limiter
    assert isinstance(limiter, WindowQuota)
    assert client.with_options(timeout=3).limits.rate_limiter is limiter
    mocked.get(f"{BASE}/r", payload={}, repeat=True)
    async with client:
        await asyncio.gather(*(client.request("GET", "/r") for _ in range(3)))
    assert limiter.usage()[0].used == 3

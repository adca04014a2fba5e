"""Quota waits are bounded (issue 20, item 6): a call never waits for the client's limits
past its budget -- ``max_wait``, else its ``timeout`` total -- and when the rate limit, the
quota or a 429's cool-down cannot free in time it raises ``RateLimitError`` at once, with
``retry_after`` saying when it frees. Default pacing stays inside each vendor's limit.

Unit tests run against aioresponses; the vendor tests at the end against the emulators.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

import pytest
from aioresponses import aioresponses

from common import (
    InvalidRequestError,
    Quota,
    RateLimit,
    RateLimitError,
    RetryPolicy,
    WindowQuota,
    amap,
)
from common.limits import QuotaWaitTooLong
from common.testing import ServerRateLimit

from .support import BASE, DemoClient, calls

NO_RETRIES = RetryPolicy(max_retries=0)


class FakeTime:
    """A clock that moves only when something sleeps, counting the sleeps.

    Concurrent sleepers wake at their own deadlines; the clock never moves while
    ``settled()`` is false (a server sharing the clock still has requests to stamp), and a
    sleeper whose deadline the clock has already reached returns without waiting.
    """

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []
        self.settled: Callable[[], bool] = lambda: True

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        deadline = self.now + seconds
        await asyncio.sleep(0)
        if deadline <= self.now:  # another sleeper already moved the clock this far
            return
        while not self.settled():  # noqa: ASYNC110 -- polls the server's log, no event to wait on
            await asyncio.sleep(0.001)
        self.now = max(self.now, deadline)


async def _timed(call: Awaitable[object]) -> tuple[BaseException | None, float]:
    started = time.monotonic()
    try:
        await call
    except BaseException as err:
        return err, time.monotonic() - started
    return None, time.monotonic() - started


# -- the budget: timeout total by default, max_wait when given ----------------------------------


async def test_a_spent_quota_fails_at_once_within_the_call_timeout(mocked: aioresponses) -> None:
    """timeout=1 against a spent minute quota: RateLimitError at once, retry_after ~60 s,
    nothing sent. (Before: the call slept a minute, past its timeout.)"""
    mocked.get(f"{BASE}/r", payload={}, repeat=True)
    async with DemoClient(base_url=BASE, rate_limit=Quota(((2, 60.0),))) as client:
        await client.request("GET", "/r")
        await client.request("GET", "/r")
        error, elapsed = await _timed(client.request("GET", "/r", timeout=1))
    assert isinstance(error, RateLimitError)
    assert elapsed < 0.5
    assert error.retry_after is not None
    assert 59.0 < error.retry_after <= 60.0
    assert error.status == 429
    assert "2 per 60 s" in str(error)
    assert "not sent" in str(error)
    assert len(calls(mocked, "GET", f"{BASE}/r")) == 2


async def test_max_wait_zero_fails_fast_and_takes_no_slot(mocked: aioresponses) -> None:
    """max_wait=0 (with_options) refuses a call whose slot is not free now, without using
    that slot: the next call still goes at the very next slot."""
    mocked.get(f"{BASE}/r", payload={}, repeat=True)
    limit = RateLimit(rate=1, per=0.5, margin=0.0)
    async with DemoClient(base_url=BASE, rate_limit=limit) as client:
        started = time.monotonic()
        await client.request("GET", "/r")
        error, elapsed = await _timed(client.with_options(max_wait=0).request("GET", "/r"))
        assert isinstance(error, RateLimitError)
        assert elapsed < 0.1
        assert error.retry_after is not None
        assert 0.3 < error.retry_after <= 0.5
        await client.request("GET", "/r")  # takes the slot the refused call left free
        assert time.monotonic() - started < 0.8
    assert len(calls(mocked, "GET", f"{BASE}/r")) == 2


async def test_max_wait_on_the_client_bounds_every_call(mocked: aioresponses) -> None:
    """max_wait= at construction holds for every call, whatever its timeout."""
    mocked.get(f"{BASE}/r", payload={}, repeat=True)
    quota = Quota(((1, 60.0),))
    async with DemoClient(base_url=BASE, rate_limit=quota, max_wait=0.2, timeout=120) as client:
        await client.request("GET", "/r")
        error, elapsed = await _timed(client.request("GET", "/r"))
    assert isinstance(error, RateLimitError)
    assert elapsed < 0.1
    assert "0.2 s" in str(error)


async def test_the_timeout_total_is_the_budget_when_max_wait_is_not_given(
    mocked: aioresponses,
) -> None:
    """Without max_wait, a wait within the timeout's total is waited (simulated time here),
    one beyond it is refused at once."""
    mocked.get(f"{BASE}/r", payload={}, repeat=True)
    fake = FakeTime()
    quota = WindowQuota(Quota(((1, 30.0),)), clock=fake.clock, sleep=fake.sleep)
    async with DemoClient(base_url=BASE, rate_limit=quota) as client:
        await client.request("GET", "/r")
        await client.request("GET", "/r", timeout=31)  # waits 30 simulated seconds
        assert fake.now == 30.0
        with pytest.raises(RateLimitError) as refused:
            await client.request("GET", "/r", timeout=29)
    assert refused.value.retry_after == 30.0
    assert fake.now == 30.0  # nothing was waited for the refused call


async def test_max_wait_none_waits_as_long_as_the_quota_needs(mocked: aioresponses) -> None:
    """max_wait=None lets a batch queue past its timeout (simulated hours here)."""
    mocked.get(f"{BASE}/r", payload={}, repeat=True)
    fake = FakeTime()
    quota = WindowQuota(Quota(((2, 86_400.0),)), clock=fake.clock, sleep=fake.sleep)
    async with DemoClient(base_url=BASE, rate_limit=quota, timeout=1, max_wait=None) as client:
        for _ in range(3):
            await client.request("GET", "/r")
    assert fake.now == 86_400.0


async def test_a_limiter_that_cannot_tell_its_wait_gets_the_budget(mocked: aioresponses) -> None:
    """A RateLimiter with acquire() only is given the budget, then the call fails with an
    unknown retry_after; its wait is cancelled and nothing is sent."""
    mocked.get(f"{BASE}/r", payload={}, repeat=True)
    cancelled: list[bool] = []

    class Slow:
        async def acquire(self) -> None:
            try:
                await asyncio.sleep(30)
            except asyncio.CancelledError:
                cancelled.append(True)
                raise

    async with DemoClient(base_url=BASE, rate_limit=Slow()) as client:
        error, elapsed = await _timed(client.request("GET", "/r", timeout=0.2))
    assert isinstance(error, RateLimitError)
    assert 0.15 < elapsed < 1.0
    assert error.retry_after is None
    assert cancelled == [True]
    assert calls(mocked, "GET", f"{BASE}/r") == []


async def test_a_cool_down_longer_than_the_budget_fails_at_once(mocked: aioresponses) -> None:
    """After a 429 asking for 30 s, a call with timeout=1 fails at once with retry_after,
    instead of waiting the 30 s (which is within max_retry_after)."""
    mocked.get(f"{BASE}/r", status=429, headers={"Retry-After": "30"})
    mocked.get(f"{BASE}/r", payload={}, repeat=True)
    async with DemoClient(base_url=BASE, retry=NO_RETRIES) as client:
        with pytest.raises(RateLimitError):
            await client.request("GET", "/r")
        error, elapsed = await _timed(client.request("GET", "/r", timeout=1))
    assert isinstance(error, RateLimitError)
    assert elapsed < 0.5
    assert error.retry_after is not None
    assert 29.0 < error.retry_after <= 30.0
    assert len(calls(mocked, "GET", f"{BASE}/r")) == 1


async def test_a_429_asking_for_more_than_the_budget_is_not_waited(mocked: aioresponses) -> None:
    """A 429 whose Retry-After is beyond the call's budget ends the call at once (the shared
    cool-down still starts, for the client's other calls)."""
    mocked.get(f"{BASE}/r", status=429, headers={"Retry-After": "5"})
    mocked.get(f"{BASE}/r", payload={"ok": True})
    async with DemoClient(base_url=BASE) as client:
        error, elapsed = await _timed(client.request("GET", "/r", timeout=1))
        assert client.limits.cooldown.remaining() > 4.0
    assert isinstance(error, RateLimitError)
    assert elapsed < 0.5
    assert error.retry_after == 5.0
    assert len(calls(mocked, "GET", f"{BASE}/r")) == 1


@pytest.mark.parametrize("value", [-1, -0.5, True, float("nan")])
def test_max_wait_must_be_seconds_or_none(value: float) -> None:
    """A negative, boolean or NaN max_wait is refused, at construction and in with_options."""
    with pytest.raises(InvalidRequestError, match="max_wait"):
        DemoClient(base_url=BASE, max_wait=value)
    with pytest.raises(InvalidRequestError, match="max_wait"):
        DemoClient(base_url=BASE).with_options(max_wait=value)


# -- waiters: each sleeps once, until its own slot ------------------------------------------


async def test_quota_waiters_are_served_in_order_each_sleeping_once() -> None:
    """Eight concurrent calls under 2 per second: slots at 0, 0, 1, 1, 2, 2, 3, 3 in arrival
    order, and each waiter sleeps exactly once (no thundering herd re-checking the window)."""
    fake = FakeTime()
    quota = WindowQuota(Quota(((2, 1.0),)), clock=fake.clock, sleep=fake.sleep)
    sent: list[tuple[int, float]] = []

    async def one(number: int) -> None:
        await quota.acquire()
        sent.append((number, fake.now))

    await asyncio.gather(*(one(n) for n in range(8)))
    assert sorted(sent, key=lambda pair: pair[0]) == [
        (0, 0.0), (1, 0.0), (2, 1.0), (3, 1.0), (4, 2.0), (5, 2.0), (6, 3.0), (7, 3.0)
    ]  # fmt: skip
    assert len(fake.sleeps) == 6


async def test_a_quota_margin_spaces_windows_and_is_allowed_on_top_of_the_wait() -> None:
    """margin=0.5 keeps each request half a second longer in its window; acquire_within
    accepts a slot that the vendor's window frees within the wait, the margin on top."""
    fake = FakeTime()
    quota = WindowQuota(Quota(((1, 60.0),), margin=0.5), clock=fake.clock, sleep=fake.sleep)
    await quota.acquire()
    await quota.acquire_within(60.0)
    assert fake.now == 60.5
    with pytest.raises(QuotaWaitTooLong) as refused:
        await quota.acquire_within(59.0)
    assert refused.value.remaining == 60.5
    assert [u.used for u in quota.usage()] == [1]


# -- default pacing against each emulator's own limit ---------------------------------------


async def test_amilia_default_pacing_meets_no_429_from_its_emulator() -> None:
    """300 calls at Amilia's default pacing, against the emulator's 100 a second: no 429."""
    from amilia_async import AmiliaClient
    from amilia_async.emulator import AmiliaEmulator

    async with AmiliaEmulator(organization="pace-org", rate_limit=100) as emulator:
        async with AmiliaClient(
            organization="pace-org",
            username=emulator.username,
            password=emulator.password,
            origin="pace@example.org",
            base_url=emulator.url,
            retry=NO_RETRIES,
        ) as amilia:
            result = await amap(amilia.programs.get, [1] * 300, concurrency=20)
        statuses = [record.status for record in emulator.server.requests]
    assert len(result) == 300
    assert 429 not in statuses


async def test_trackops_default_pacing_meets_no_429_at_one_call_every_two_seconds() -> None:
    """Three calls at Trackops's default pacing against a server allowing 1 per 2 s."""
    from caseupdates_async import TrackopsClient
    from caseupdates_async.emulator import TrackopsEmulator

    async with TrackopsEmulator() as emulator:
        emulator.server.rate_limit = ServerRateLimit(1, per=2.0)
        async with TrackopsClient(
            username=emulator.username,
            api_token=emulator.api_token,
            base_url=emulator.url,
            retry=NO_RETRIES,
        ) as ops:
            await asyncio.gather(*(ops.request("GET", "/staff") for _ in range(3)))
        statuses = [record.status for record in emulator.server.requests]
    assert statuses == [200, 200, 200]


async def test_intakeq_default_quota_queues_a_batch_and_fails_fast_past_it() -> None:
    """IntakeQ's default quota, in simulated time shared with the emulator: a 25-call batch
    (max_wait=None: it may queue for minutes) goes through three minute windows and meets no
    429; once the day's budget is spent, a call with max_wait=0 fails at once, unsent."""
    from intakeq_async import IntakeQClient
    from intakeq_async.client import STANDARD_PLAN
    from intakeq_async.emulator import IntakeQEmulator

    fake = FakeTime()
    fake.now = 1_000.0
    small_day = Quota(((10, 60.0), (25, 86_400.0)), margin=STANDARD_PLAN.margin)
    for plan, per_day in ((STANDARD_PLAN, 500), (small_day, 25)):
        quota = WindowQuota(plan, clock=fake.clock, sleep=fake.sleep)
        async with IntakeQEmulator(per_minute=10, per_day=per_day, clock=fake.clock) as emulator:

            def settled(emulator: IntakeQEmulator = emulator, quota: WindowQuota = quota) -> bool:
                answered = [r for r in emulator.server.requests if r.status is not None]
                return len(answered) == quota.usage()[-1].used

            fake.settled = settled
            async with IntakeQClient(
                api_key=emulator.api_key, base_url=emulator.url, rate_limit=quota, max_wait=None
            ) as intakeq:
                await amap(
                    lambda _: intakeq.request("GET", "/practitioners"), range(25), concurrency=10
                )
                if plan is small_day:
                    with pytest.raises(RateLimitError) as refused:
                        await intakeq.with_options(max_wait=0).request("GET", "/practitioners")
                    assert refused.value.retry_after is not None
                    assert refused.value.retry_after > 80_000
            statuses = [record.status for record in emulator.server.requests]
        assert statuses == [200] * 25

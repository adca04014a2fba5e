"""Hardening (issue 19, items 5 and 11): the shared cool-down holds every request not yet on
the wire, a 429 without Retry-After starts one too, and max_concurrency counts across threads
and event loops."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import pytest
from aioresponses import CallbackResult, aioresponses

from common import RateLimitError, RetryPolicy
from common.limits import ConcurrencyGate, CoolDown, Limits
from common.retry import call_with_retries

from .support import BASE, FAST_RETRIES, DemoClient, calls


class _Answer:
    def __init__(self, status: int, headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.headers = headers or {}


# -- 5. the cool-down ------------------------------------------------------------------------


async def test_a_429_without_retry_after_starts_the_shared_cool_down() -> None:
    """No Retry-After: every request of the client waits this call's backoff, together."""
    cooldown = CoolDown()

    async def attempt(number: int) -> _Answer:
        return _Answer(429)

    policy = RetryPolicy(max_retries=0, backoff_base=2.0, jitter=False)
    result = await call_with_retries(attempt, policy=policy, method="GET", cooldown=cooldown)
    assert result.status == 429
    assert 1.5 < cooldown.remaining() <= 2.0


async def test_the_backoff_of_a_429_without_retry_after_is_waited_once_by_all(
    mocked: aioresponses,
) -> None:
    """After a bare 429 the client's next request waits out the backoff before it is sent."""
    mocked.get(f"{BASE}/a", status=429)
    mocked.get(f"{BASE}/b", payload={"ok": True})
    policy = RetryPolicy(max_retries=0, backoff_base=0.3, jitter=False)
    async with DemoClient(base_url=BASE, retry=policy) as client:
        with pytest.raises(RateLimitError):
            await client.request("GET", "/a")
        started = time.monotonic()
        held = client.limits.cooldown.remaining()
        assert held > 0
        assert await client.request("GET", "/b") == {"ok": True}
        assert time.monotonic() - started >= held


async def test_a_request_queued_for_a_slot_meets_a_spent_budget_with_an_error_not_a_hang(
    mocked: aioresponses,
) -> None:
    """The cool-down is checked again once the slot is ours: a request that queued while the
    server said its budget is spent for 100 s (above the 60 s cap) raises RateLimitError at
    once, unsent, instead of sleeping 100 s."""
    started, answer = asyncio.Event(), asyncio.Event()

    async def first(url: Any, **kwargs: Any) -> CallbackResult:
        started.set()
        await answer.wait()
        spent = {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "100"}
        return CallbackResult(payload={"ok": True}, headers=spent)

    mocked.get(f"{BASE}/a", callback=first)
    mocked.get(f"{BASE}/b", payload={"ok": True})
    async with DemoClient(base_url=BASE, max_concurrency=1, retry=FAST_RETRIES) as client:
        holder = asyncio.create_task(client.request("GET", "/a"))
        await started.wait()
        queued = asyncio.create_task(client.request("GET", "/b"))
        await asyncio.sleep(0.05)  # /b now waits for the one slot
        answer.set()
        assert await holder == {"ok": True}
        with pytest.raises(RateLimitError) as caught:
            await asyncio.wait_for(queued, 5)
    assert caught.value.retry_after is not None
    assert caught.value.retry_after > 60
    assert calls(mocked, "GET", f"{BASE}/b") == []


async def test_limits_hold_a_request_that_queued_past_a_429() -> None:
    """With a pool of one, a request waiting for the connection when a 429's cool-down starts
    waits it out before it may go (the last check, after the slot)."""
    limits = Limits(pool_size=1)
    release = await limits.acquire()
    waiter = asyncio.create_task(limits.acquire())
    await asyncio.sleep(0.01)
    started = time.monotonic()
    limits.cooldown.extend(0.3)
    release()
    second = await waiter
    assert time.monotonic() - started >= 0.3
    second()


# -- 11. one count across threads and loops -----------------------------------------------------


def test_a_gate_counts_across_threads_each_with_its_own_loop() -> None:
    """Two threads, each running asyncio.run with 20 tasks: never more than 3 holders."""
    gate = ConcurrencyGate(3)
    lock = threading.Lock()
    now = peak = 0

    async def hold() -> None:
        nonlocal now, peak
        await gate.acquire()
        try:
            with lock:
                now += 1
                peak = max(peak, now)
            await asyncio.sleep(0.01)
            with lock:
                now -= 1
        finally:
            gate.release()

    async def batch() -> None:
        await asyncio.gather(*(hold() for _ in range(20)))

    threads = [threading.Thread(target=asyncio.run, args=(batch(),)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert peak == 3
    assert gate.in_use == 0


async def test_a_cancelled_waiter_loses_no_slot() -> None:
    """Cancel a waiter before and after it was handed the slot: the gate ends empty."""
    gate = ConcurrencyGate(1)
    await gate.acquire()
    early = asyncio.create_task(gate.acquire())
    late = asyncio.create_task(gate.acquire())
    await asyncio.sleep(0)
    early.cancel()  # still queued
    await asyncio.gather(early, return_exceptions=True)
    gate.release()  # hands the slot to `late`, woken on the next turn of the loop
    late.cancel()  # cancelled before it could run: the slot must be passed on
    await asyncio.gather(late, return_exceptions=True)
    await asyncio.sleep(0)
    assert gate.in_use == 0
    assert gate.try_acquire()
    gate.release()

"""Hardening (issue 19, items 5 and 11) over real sockets: no request reaches the server
inside a 429's window, and max_concurrency holds for a client shared by two threads."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from typing import Any

import pytest
from aiohttp import web

from common import BaseClient, RetryPolicy
from common.testing import EmulatorFactory


class Client(BaseClient):
    vendor = "hardening-demo"
    logger_name = "hardening_demo"


#: Connections a client opens itself when no max_concurrency is given.
POOL = 100


class Window:
    """A server that answers the first request 429 once a pool's worth of requests is in
    flight, answers those a little later, and notes when every request arrived."""

    def __init__(self, headers: dict[str, str], *, in_flight: int = POOL) -> None:
        self.headers = headers
        self.in_flight = in_flight
        self.arrivals: list[float] = []
        self.limited_at: float | None = None
        self._all_in = asyncio.Event()
        self._limited = asyncio.Event()

    async def handle(self, request: web.Request) -> web.Response:
        self.arrivals.append(time.monotonic())
        if len(self.arrivals) >= self.in_flight:
            self._all_in.set()
        if len(self.arrivals) == 1:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._all_in.wait(), 10)
            self.limited_at = time.monotonic()
            self._limited.set()
            return web.json_response({"message": "slow down"}, status=429, headers=self.headers)
        if self.limited_at is None:  # in flight when the 429 went out: answered after it
            await self._limited.wait()
            await asyncio.sleep(0.2)
        return web.json_response({"ok": True})

    def app(self) -> web.Application:
        application = web.Application()
        application.router.add_get("/r", self.handle)
        return application

    def inside(self, window: float) -> list[float]:
        """Arrival times (seconds after the 429 went out) that fell inside its window."""
        assert self.limited_at is not None
        return [
            round(t - self.limited_at, 3)
            for t in self.arrivals
            if self.limited_at < t < self.limited_at + window
        ]


@pytest.mark.parametrize(
    ("headers", "policy", "window"),
    [
        ({"Retry-After": "1"}, RetryPolicy(), 1.0),
        # No Retry-After: the window is the backoff (here exactly 1 s: no jitter).
        ({}, RetryPolicy(backoff_base=1.0, jitter=False), 1.0),
    ],
    ids=["retry-after", "no-retry-after"],
)
async def test_no_request_reaches_the_server_inside_the_window_of_a_429(
    emulator: EmulatorFactory, headers: dict[str, str], policy: RetryPolicy, window: float
) -> None:
    """500 concurrent GETs, the first answered 429: the requests that were queued for a
    connection when it came wait out its window too (before the fix: 400 hit the server
    inside it, queued in aiohttp's pool past the limiter; none waited without Retry-After)."""
    server = Window(headers)
    served = await emulator(server.app())
    async with Client(base_url=served.url, retry=policy) as client:
        results: list[Any] = await asyncio.gather(
            *(client.request("GET", "/r") for _ in range(500))
        )
    assert results == [{"ok": True}] * 500
    assert server.inside(window) == []
    assert len(server.arrivals) == 501  # 500, and the 429'd one again after the window


async def test_max_concurrency_holds_for_a_client_shared_by_two_threads(
    emulator: EmulatorFactory,
) -> None:
    """One client, two threads each running asyncio.run with 20 concurrent GETs, and
    max_concurrency=5: the server never sees more than 5 at once (before the fix: 10)."""
    lock = threading.Lock()
    now = peak = 0

    async def slow(request: web.Request) -> web.Response:
        nonlocal now, peak
        with lock:
            now += 1
            peak = max(peak, now)
        try:
            await asyncio.sleep(0.05)
        finally:
            with lock:
                now -= 1
        return web.json_response({"ok": True})

    application = web.Application()
    application.router.add_get("/slow", slow)
    served = await emulator(application)
    client = Client(base_url=served.url, max_concurrency=5)

    async def batch() -> list[Any]:
        return await asyncio.gather(*(client.request("GET", "/slow") for _ in range(20)))

    def in_a_thread() -> list[Any]:
        return asyncio.run(batch())

    try:
        first, second = await asyncio.gather(
            asyncio.to_thread(in_a_thread), asyncio.to_thread(in_a_thread)
        )
    finally:
        await client.aclose()
    assert first == second == [{"ok": True}] * 20
    assert peak == 5

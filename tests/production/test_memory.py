"""No memory traps: thousands of short-lived clients, and one client making many calls."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from common import BaseClient

CLIENTS = 5_000
CALLS = 20_000
#: Generous: the growth seen here is well under 1 MB (bench/ prints the figures).
BOUND_MB = 25.0


class Plain(BaseClient):
    vendor = "plain"


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    pytest.skip("no /proc/self/status on this system")


@pytest.fixture
async def url() -> AsyncIterator[str]:
    """A bare aiohttp server (no request log: it would grow by itself)."""

    async def ok(request: web.Request) -> web.Response:
        return web.json_response({"id": 1, "name": "x" * 200})

    app = web.Application()
    app.router.add_get("/ok", ok)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


async def one_client(url: str) -> None:
    async with Plain(base_url=url) as client:
        await client.request("GET", "/ok")


async def test_thousands_of_short_lived_clients_leave_nothing_behind(url: str) -> None:
    for _ in range(500):  # warm-up: caches, allocator arenas
        await one_client(url)
    gc.collect()
    before = rss_mb()
    for _ in range(CLIENTS - 500):
        await one_client(url)
    gc.collect()
    assert rss_mb() - before < BOUND_MB


async def test_one_client_making_many_calls_stays_flat(url: str) -> None:
    async with Plain(base_url=url, max_concurrency=50) as client:

        async def calls(count: int) -> None:
            await asyncio.gather(*(client.request("GET", "/ok") for _ in range(count)))

        for _ in range(4):  # warm-up
            await calls(500)
        gc.collect()
        before = rss_mb()
        for _ in range((CALLS - 2_000) // 1_000):
            await calls(1_000)
        gc.collect()
        assert rss_mb() - before < BOUND_MB

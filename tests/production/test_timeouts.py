"""Timeouts that hold: the total covers the body, per-call overrides, None, downloads."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from common import BaseClient, Timeout, TimeoutError
from common.testing import EmulatorServer, Fault


class Plain(BaseClient):
    vendor = "plain"
    logger_name = "plain_async"


def app() -> web.Application:
    async def items(request: web.Request) -> web.Response:
        return web.json_response({"items": []})

    application = web.Application()
    application.router.add_get("/items", items)
    application.router.add_get("/file", items)
    return application


@pytest.fixture
async def server() -> AsyncIterator[EmulatorServer]:
    async with EmulatorServer(app()) as running:
        yield running


async def test_a_body_dripping_past_the_total_is_a_typed_timeout(server: EmulatorServer) -> None:
    # Every piece arrives well within the read timeout; only the total is exceeded.
    server.faults.add(Fault.slow_drip(seconds=1.5, chunks=15), path="/items", times=1)
    async with Plain(
        base_url=server.url, timeout=Timeout(total=0.5, connect=1, read=1), max_retries=0
    ) as client:
        started = time.perf_counter()
        with pytest.raises(TimeoutError) as caught:
            await client.request("GET", "/items")
        assert time.perf_counter() - started < 1.2
    assert caught.value.method == "GET"


async def test_a_slow_first_byte_past_the_read_timeout_is_a_typed_timeout(
    server: EmulatorServer,
) -> None:
    server.faults.add(Fault.latency(1.0), path="/items", times=1)
    async with Plain(
        base_url=server.url, timeout=Timeout(total=5, connect=1, read=0.3), max_retries=0
    ) as client:
        with pytest.raises(TimeoutError):
            await client.request("GET", "/items")


async def test_a_per_call_override_and_none_for_no_limit(server: EmulatorServer) -> None:
    async with Plain(base_url=server.url, timeout=0.3, max_retries=0) as client:
        server.faults.add(Fault.slow_drip(seconds=0.8, chunks=4), path="/items", times=1)
        with pytest.raises(TimeoutError):
            await client.request("GET", "/items")
        server.faults.add(Fault.slow_drip(seconds=0.8, chunks=4), path="/items", times=1)
        assert await client.with_options(timeout=3).request("GET", "/items")
        server.faults.add(Fault.slow_drip(seconds=0.8, chunks=4), path="/items", times=1)
        assert await client.with_options(timeout=None).request("GET", "/items")
        unset = client.with_options()
        assert unset.config.timeout == client.config.timeout  # not given: unchanged


async def test_downloads_take_their_own_timeout(server: EmulatorServer) -> None:
    async with Plain(base_url=server.url, timeout=0.3, max_retries=0) as client:
        # The default download timeout has no total: a long transfer that keeps moving is fine.
        server.faults.add(Fault.slow_drip(seconds=0.8, chunks=8), path="/file", times=1)
        async with client.download("/file") as stream:
            assert await stream.read()
        # ...but one given for this download holds.
        server.faults.add(Fault.slow_drip(seconds=0.8, chunks=8), path="/file", times=1)
        with pytest.raises(TimeoutError):
            async with client.download("/file", timeout=0.3) as stream:
                await stream.read()
        # ...and so does one set for all downloads of a copy.
        server.faults.add(Fault.slow_drip(seconds=0.8, chunks=8), path="/file", times=1)
        with pytest.raises(TimeoutError):
            async with client.with_options(download_timeout=0.3).download("/file") as stream:
                await stream.read()

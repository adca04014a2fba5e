"""A server budget whose reset is beyond max_retry_after must not hang every later call."""

import asyncio
import time

import pytest
from aiohttp import web

from common import BaseClient, RateLimitError, RetryPolicy
from common.testing import EmulatorServer


def app_with(headers: dict[str, str], status: int) -> web.Application:
    async def handler(request: web.Request) -> web.Response:
        return web.json_response({"ok": True}, status=status, headers=headers)

    app = web.Application()
    app.router.add_get("/x", handler)
    return app


async def test_429_beyond_cap_then_next_call_fails_fast_instead_of_hanging() -> None:
    # Amiqus's documented 429: Retry-After + X-RateLimit-Remaining: 0 + X-RateLimit-Reset.
    reset = str(int(time.time()) + 120)
    headers = {
        "Retry-After": "120",
        "X-RateLimit-Limit": "200",
        "X-RateLimit-Remaining": "0",
        "X-RateLimit-Reset": reset,
    }
    async with (
        EmulatorServer(app_with(headers, 429)) as server,
        BaseClient(base_url=server.url, retry=RetryPolicy(max_retry_after=5)) as c,
    ):
        with pytest.raises(RateLimitError):  # 120 s > cap: raised at once, as documented
            await asyncio.wait_for(c.request("GET", "/x"), 3)
        # The second call fails fast too (nothing sent), instead of sleeping 120 s.
        with pytest.raises(RateLimitError) as caught:
            await asyncio.wait_for(c.request("GET", "/x"), 3)
        assert caught.value.retry_after is not None
        assert caught.value.retry_after > 100
        assert len(server.requests) == 1


async def test_spent_budget_with_far_reset_does_not_hang_next_call() -> None:
    headers = {
        "X-RateLimit-Limit": "200",
        "X-RateLimit-Remaining": "0",
        "X-RateLimit-Reset": str(int(time.time()) + 3600),
    }
    async with (
        EmulatorServer(app_with(headers, 200)) as server,
        BaseClient(base_url=server.url, retry=RetryPolicy(max_retry_after=5)) as c,
    ):
        await c.request("GET", "/x")
        # An hour's wait is far above max_retry_after: the contract says raise, not hang.
        with pytest.raises(RateLimitError):
            await asyncio.wait_for(c.request("GET", "/x"), 3)

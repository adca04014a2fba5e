"""The Redis rate limiter without a Redis: its windows, its checks, and failing clearly.

What it does against a real Redis is in ``tests/integration/test_shared_quota.py``.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import subprocess
import sys
import time

import pytest
from aiohttp import web

from common import ApiError, Quota, RateLimit, RateLimiter
from common.testing import EmulatorFactory

if os.environ.get("CI") or importlib.util.find_spec("redis") is not None:
    from common.limits_redis import RateLimiterUnavailableError, RedisRateLimiter
else:  # pragma: no cover - an install without the redis extra
    pytest.skip("redis-py is not installed (the 'redis' extra)", allow_module_level=True)

from .support import DemoClient

URL = "redis://127.0.0.1:6379/0"


@pytest.mark.parametrize(
    ("limit", "windows"),
    [
        (RateLimit(rate=200), ((200, 1.0),)),
        (RateLimit(rate=10, per=60), ((10, 60.0),)),
        (RateLimit(rate=2.5), ((2, 0.8),)),
        (RateLimit(rate=0.5), ((1, 2.0),)),
        (Quota(((10, 60.0), (500, 86400.0))), ((10, 60.0), (500, 86400.0))),
    ],
)
def test_a_limit_becomes_moving_windows_of_whole_requests(
    limit: RateLimit | Quota, windows: tuple[tuple[int, float], ...]
) -> None:
    """A rate is one window (a fractional rate shortens it); a quota keeps its windows."""
    assert RedisRateLimiter(limit, url=URL, key="k").windows == windows


def test_construction_needs_no_loop_and_opens_nothing() -> None:
    """Built outside any event loop; it is a RateLimiter and a client takes it as it is."""
    limiter = RedisRateLimiter(RateLimit(rate=5), url=URL, key="amilia:acme")
    assert isinstance(limiter, RateLimiter)
    assert limiter.redis_key == "ratelimit:amilia:acme"
    assert limiter._connection is None
    client = DemoClient(base_url="https://api.example.test", rate_limit=limiter)
    assert client.limits.rate_limiter is limiter


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"key": ""}, "key"),
        ({"margin": -0.1}, "margin"),
        ({"margin": float("nan")}, "margin"),
        ({"timeout": 0}, "timeout"),
        ({"url": "http://127.0.0.1:6379"}, "redis://"),
    ],
)
def test_nonsense_settings_are_refused_at_construction(
    kwargs: dict[str, object], error: str
) -> None:
    """An empty key, a negative margin, no timeout or a non-Redis URL fail at once."""
    settings: dict[str, object] = {"url": URL, "key": "k", **kwargs}
    with pytest.raises(ValueError, match=error):
        RedisRateLimiter(RateLimit(rate=1), **settings)  # type: ignore[arg-type]


def test_only_a_rate_limit_or_a_quota_is_accepted() -> None:
    """A bare number is not a budget."""
    with pytest.raises(TypeError, match="RateLimit or a Quota"):
        RedisRateLimiter(5, url=URL, key="k")  # type: ignore[arg-type]


def test_the_repr_never_shows_the_password() -> None:
    """The URL is shown without its credentials."""
    limiter = RedisRateLimiter(RateLimit(rate=5), url="redis://:hunter2@cache:6379/1", key="k")
    assert "hunter2" not in repr(limiter)
    assert "redis://cache:6379/1" in repr(limiter)


async def test_redis_down_fails_fast_with_a_typed_error_and_sends_nothing(
    emulator: EmulatorFactory, closed_port: int
) -> None:
    """No Redis: the request raises RateLimiterUnavailableError (an ApiError), unsent."""

    async def never(request: web.Request) -> web.Response:
        raise AssertionError("the request must not be sent")  # pragma: no cover

    app = web.Application()
    app.router.add_get("/r", never)
    server = await emulator(app)
    url = f"redis://:hunter2@127.0.0.1:{closed_port}/0"
    async with (
        RedisRateLimiter(RateLimit(rate=5), url=url, key="k", timeout=1.0) as limiter,
        DemoClient(base_url=server.url, rate_limit=limiter) as client,
    ):
        started = time.monotonic()
        with pytest.raises(RateLimiterUnavailableError) as caught:
            await client.request("GET", "/r")
        assert time.monotonic() - started < 3
    assert isinstance(caught.value, ApiError)
    assert f"127.0.0.1:{closed_port}" in str(caught.value)
    assert "hunter2" not in str(caught.value)
    assert len(server.requests) == 0


async def test_a_cancelled_acquire_leaves_the_limiter_usable(closed_port: int) -> None:
    """Cancelling acquire() mid-call releases the local queue: the next caller gets through
    to Redis (here: to the same clear error)."""
    limiter = RedisRateLimiter(
        RateLimit(rate=5), url=f"redis://127.0.0.1:{closed_port}", key="k", timeout=1.0
    )
    async with limiter:
        task = asyncio.create_task(limiter.acquire())
        await asyncio.sleep(0)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        with pytest.raises(RateLimiterUnavailableError):
            await asyncio.wait_for(limiter.acquire(), timeout=3)


def test_the_core_never_imports_redis() -> None:
    """`import common` loads neither this module nor redis-py."""
    code = (
        "import sys, common, common.testing\n"
        "loaded = [m for m in ('redis', 'common.limits_redis') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)

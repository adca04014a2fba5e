"""One quota shared through Redis: processes together stay under it, against a counting server.

A real ``redis-server`` is started on loopback for this module. Without the binary the tests
are skipped on a developer's machine and fail in CI (``CI`` set), where ``.ci/setup``
installs it.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from subprocess import PIPE

import pytest
from aiohttp import web

from common import Quota, RateLimit, RateLimiter
from common.testing import EmulatorFactory, ServerRateLimit

if os.environ.get("CI") or shutil.which("redis-server"):
    from common.limits_redis import RedisRateLimiter
else:  # pragma: no cover - a developer's machine without Redis
    pytest.skip(
        "redis-server is not installed (apt-get install redis-server); CI installs it",
        allow_module_level=True,
    )

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def _wait_until_serving(process: subprocess.Popen[bytes], port: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"redis-server exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(64).startswith(b"+PONG"):
                    return
        except OSError:
            pass
        time.sleep(0.02)
    raise RuntimeError("redis-server did not answer PING within 10 s")


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A throw-away redis-server on 127.0.0.1 (no persistence), stopped after the module."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is required in CI: .ci/setup installs it with apt-get")
    port = _free_port()
    workdir = tmp_path_factory.mktemp("redis")
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
               "--appendonly", "no", "--dir", str(workdir)]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_until_serving(process, port, time.monotonic() + 10)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover - a wedged server
            process.kill()
            process.wait()


def _key() -> str:
    return f"test:{uuid.uuid4().hex}"


def _counting_app() -> web.Application:
    async def count(request: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    app = web.Application()
    app.router.add_get("/count", count)
    return app


def _busiest_window(times: Sequence[float], per: float) -> int:
    """The most requests in any window ``(t - per, t]``, as the server counts them."""
    ordered, start, busiest = sorted(times), 0, 0
    for end, now in enumerate(ordered):
        while ordered[start] <= now - per:
            start += 1
        busiest = max(busiest, end - start + 1)
    return busiest


async def test_four_processes_together_stay_under_the_servers_rate(
    redis_url: str, emulator: EmulatorFactory
) -> None:
    """4 processes x 25 requests at 40 per 0.5 s: no 429, no server window over 40, and the
    100 requests spread over three windows."""
    rate, per, workers, each = 40, 0.5, 4, 25
    server = await emulator(_counting_app(), rate_limit=ServerRateLimit(rate, per=per))
    key = _key()
    worker = [sys.executable, "-m", "tests.integration.shared_quota_worker"]
    settings = [server.url, redis_url, key, str(rate), str(per), str(each)]
    processes = [
        await asyncio.create_subprocess_exec(
            *worker, *settings, f"w{number}", cwd=ROOT, stdin=PIPE, stdout=PIPE
        )
        for number in range(workers)
    ]
    try:
        for process in processes:  # every worker is built before any starts
            assert process.stdout is not None
            line = await asyncio.wait_for(process.stdout.readline(), timeout=60)
            assert line.strip() == b"ready"
        results = await asyncio.wait_for(
            asyncio.gather(*(process.communicate(b"go\n") for process in processes)), timeout=60
        )
    finally:
        for process in processes:
            if process.returncode is None:
                process.kill()
                await process.wait()

    assert [process.returncode for process in processes] == [0] * workers
    outcomes = [json.loads(stdout)["outcomes"] for stdout, _ in results]
    assert outcomes == [["ok"] * each] * workers
    log = list(server.requests)
    assert len(log) == workers * each  # no request was refused and retried
    assert {entry.status for entry in log} == {200}
    assert {entry.headers["X-Worker"] for entry in log} == {f"w{n}" for n in range(workers)}
    arrivals = [entry.time for entry in log]
    assert _busiest_window(arrivals, per) <= rate
    # The budget really was shared: 100 requests at 40 a window need three windows.
    assert max(arrivals) - min(arrivals) >= (math.ceil(workers * each / rate) - 1) * per


async def test_a_window_admits_its_budget_at_once_then_waits_for_the_oldest(
    redis_url: str,
) -> None:
    """5 per 0.5 s (+0.05 s margin): five go at once, the sixth waits about 0.55 s."""
    async with RedisRateLimiter(
        RateLimit(rate=5, per=0.5), url=redis_url, key=_key(), margin=0.05
    ) as limiter:
        assert isinstance(limiter, RateLimiter)
        started = time.monotonic()
        for _ in range(5):
            await limiter.acquire()
        burst = time.monotonic() - started
        (window,) = await limiter.usage()
        assert (window.used, window.remaining) == (5, 0)
        assert window.per == pytest.approx(0.55)
        await limiter.acquire()
        waited = time.monotonic() - started
    assert burst < 0.3
    assert 0.5 <= waited < 1.2


async def test_limiters_with_one_key_share_a_budget_and_other_keys_do_not(
    redis_url: str,
) -> None:
    """Two limiters on one key spend one budget; a cancelled wait spends nothing."""
    key, three = _key(), RateLimit(rate=3, per=30)
    first = RedisRateLimiter(three, url=redis_url, key=key)
    second = RedisRateLimiter(three, url=redis_url, key=key)
    other = RedisRateLimiter(three, url=redis_url, key=_key())
    async with first, second, other:
        await first.acquire()
        await first.acquire()
        await second.acquire()
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(second.acquire(), timeout=0.2)
        assert [usage.used for usage in await first.usage()] == [3]
        assert [usage.used for usage in await other.usage()] == [0]
        await asyncio.wait_for(other.acquire(), timeout=1)


async def test_a_quota_checks_every_window_and_spends_them_together(redis_url: str) -> None:
    """2 per 0.3 s and 3 per 30 s: the third waits for the short window, the fourth is refused
    by the long one without spending the short one."""
    quota = Quota(((2, 0.3), (3, 30.0)))
    async with RedisRateLimiter(quota, url=redis_url, key=_key(), margin=0.0) as limiter:
        started = time.monotonic()
        for _ in range(3):
            await limiter.acquire()
        assert 0.29 <= time.monotonic() - started < 1.0
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(limiter.acquire(), timeout=0.4)
        short, long = await limiter.usage()
    assert (short.used, long.used) == (0, 3)  # the refused fourth left nothing behind


def test_one_limiter_serves_successive_event_loops(redis_url: str) -> None:
    """A limiter reused by two asyncio.run calls reconnects in each loop."""
    limiter = RedisRateLimiter(RateLimit(rate=10), url=redis_url, key=_key())

    async def use() -> int:
        async with limiter:
            await limiter.acquire()
            (window,) = await limiter.usage()
            return window.used

    assert asyncio.run(use()) == 1
    assert asyncio.run(use()) == 2

"""The measurements: each function is one side (library or raw) of one figure, run once.

The library side uses a real vendor client (``AmiqusClient``: its resources, pager, models and
error handling); the raw side is aiohttp written the obvious efficient way: one
``ClientSession``, ``json.loads`` of the body, an ``asyncio.Semaphore`` for concurrency.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import importlib
import json
import os
import subprocess
import sys
import threading
import time
from typing import Any

import aiohttp

from amiqus_async import AmiqusClient
from amiqus_async.models.objects import Client
from common import RateLimit, SyncRunner, amap
from common.models import structure

TOKEN = "bench-token"  # the benchmark server accepts anything

# -- 1. one GET -> one typed model -------------------------------------------------------


async def get_library(url: str, n: int, concurrency: int) -> float:
    """Requests per second: ``amiqus.clients.get(id)`` (a typed ``Client``) via ``amap``."""
    async with AmiqusClient(token=TOKEN, base_url=url) as amiqus:
        await amap(amiqus.clients.get, range(1, 21), concurrency=concurrency)  # warm-up
        started = time.perf_counter()
        result = await amap(amiqus.clients.get, range(1, n + 1), concurrency=concurrency)
        elapsed = time.perf_counter() - started
    assert isinstance(result[-1], Client)
    return n / elapsed


async def get_raw(url: str, n: int, concurrency: int) -> float:
    """Requests per second: aiohttp + ``json.loads``, a semaphore for the concurrency."""
    semaphore = asyncio.Semaphore(concurrency)
    async with aiohttp.ClientSession() as session:

        async def one(record_id: int) -> Any:
            async with semaphore, session.get(f"{url}/clients/{record_id}") as response:
                response.raise_for_status()
                return json.loads(await response.read())

        await asyncio.gather(*(one(i) for i in range(1, 21)))  # warm-up
        started = time.perf_counter()
        bodies = await asyncio.gather(*(one(i) for i in range(1, n + 1)))
        elapsed = time.perf_counter() - started
    assert bodies[-1]["object"] == "client"
    return n / elapsed


async def get_raw_typed(url: str, n: int, concurrency: int) -> float:
    """Requests per second: a careful hand-written typed client, aiohttp + the library's JSON
    backend (orjson when installed) + the library's converter, a semaphore, no retries,
    no limits, no hooks: what the library costs beyond decoding."""
    from common import _json

    semaphore = asyncio.Semaphore(concurrency)
    async with aiohttp.ClientSession() as session:

        async def one(record_id: int) -> Client:
            async with semaphore, session.get(f"{url}/clients/{record_id}") as response:
                response.raise_for_status()
                return structure(_json.loads(await response.read()), Client)

        await asyncio.gather(*(one(i) for i in range(1, 21)))  # warm-up
        started = time.perf_counter()
        bodies = await asyncio.gather(*(one(i) for i in range(1, n + 1)))
        elapsed = time.perf_counter() - started
    assert isinstance(bodies[-1], Client)
    return n / elapsed


async def get_httpx(url: str, n: int, concurrency: int) -> float:
    """Requests per second: ``httpx.AsyncClient`` + ``json.loads`` (what a client generated
    from the Amiqus spec runs on), a reference row; needs the bench extra."""
    httpx: Any = importlib.import_module("httpx")
    semaphore = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits) as session:

        async def one(record_id: int) -> Any:
            async with semaphore:
                response = await session.get(f"{url}/clients/{record_id}")
                response.raise_for_status()
                return json.loads(response.content)

        await asyncio.gather(*(one(i) for i in range(1, 21)))  # warm-up
        started = time.perf_counter()
        bodies = await asyncio.gather(*(one(i) for i in range(1, n + 1)))
        elapsed = time.perf_counter() - started
    assert bodies[-1]["object"] == "client"
    return n / elapsed


# -- 2. listing ---------------------------------------------------------------------------


async def list_library(url: str, *, prefetch: int, expected: int) -> float:
    """Records per second: ``async for client in amiqus.clients.list()`` (typed models)."""
    async with AmiqusClient(token=TOKEN, base_url=url) as amiqus:
        pager = amiqus.clients.list(limit=100).with_options(prefetch=prefetch)
        count = 0
        started = time.perf_counter()
        async for client in pager:
            count += client.id > 0
        elapsed = time.perf_counter() - started
    assert count == expected, (count, expected)
    return count / elapsed


async def list_raw(url: str, *, expected: int) -> float:
    """Records per second: follow ``links.next`` page after page, ``json.loads`` each."""
    async with aiohttp.ClientSession() as session:
        count = 0
        started = time.perf_counter()
        next_url: str | None = f"{url}/clients?limit=100&page=1"
        while next_url is not None:
            async with session.get(next_url) as response:
                response.raise_for_status()
                body = json.loads(await response.read())
            for record in body["data"]:
                count += record["id"] > 0
            next_url = (body.get("links") or {}).get("next")
        elapsed = time.perf_counter() - started
    assert count == expected, (count, expected)
    return count / elapsed


# -- 3. the sync runner -------------------------------------------------------------------


def sync_runner_map(url: str, n: int, concurrency: int) -> float:
    """Requests per second: ``SyncRunner().map(amiqus.clients.get, ids)`` from sync code."""
    with SyncRunner() as run:
        amiqus = run.enter(AmiqusClient(token=TOKEN, base_url=url))
        run.map(amiqus.clients.get, range(1, 21), concurrency=concurrency)  # warm-up
        started = time.perf_counter()
        result = run.map(amiqus.clients.get, range(1, n + 1), concurrency=concurrency)
        elapsed = time.perf_counter() - started
    assert isinstance(result[-1], Client)
    return n / elapsed


def pure_async_map(url: str, n: int, concurrency: int) -> float:
    """Requests per second: the same batch with ``await amap(...)`` under ``asyncio.run``."""
    return asyncio.run(get_library(url, n, concurrency))


def thread_pool_map(url: str, n: int, concurrency: int) -> float:
    """Requests per second: a pool of *concurrency* threads, a ``requests.Session`` each,
    decoding the same typed model (the same work as the library's batch)."""
    requests: Any = importlib.import_module("requests")  # the bench extra; untyped here
    local = threading.local()

    def one(record_id: int) -> Client:
        session = getattr(local, "session", None)
        if session is None:
            session = local.session = requests.Session()
        response = session.get(f"{url}/clients/{record_id}", timeout=30)
        response.raise_for_status()
        return structure(response.json(), Client)

    with concurrent.futures.ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(one, range(1, concurrency + 1)))  # warm-up: a session per thread
        started = time.perf_counter()
        result = list(pool.map(one, range(1, n + 1)))
        elapsed = time.perf_counter() - started
    assert isinstance(result[-1], Client)
    return n / elapsed


# -- 4. the rate limiter ------------------------------------------------------------------


async def rate_limited(url: str, stats_url: str, n: int, rate: float) -> tuple[float, int]:
    """Seconds for *n* calls under ``rate_limit=RateLimit(rate)``, and the 429s the server
    (which lets ``rate`` requests through per sliding second) answered meanwhile."""
    async with aiohttp.ClientSession() as session:
        async with session.post(f"{stats_url}/reset") as response:
            response.raise_for_status()
        async with AmiqusClient(
            token=TOKEN, base_url=url, rate_limit=RateLimit(rate=rate)
        ) as amiqus:
            # Warm up as every other figure does (session, connection, first-call imports): a
            # cold first request reaches the server tens of ms late, and a window measured
            # from it would be compressed. Then let the server's window empty out.
            await amiqus.clients.get(1)
            await asyncio.sleep(1.1)
            async with session.post(f"{stats_url}/reset") as response:
                response.raise_for_status()
            started = time.perf_counter()
            await amap(amiqus.clients.get, range(1, n + 1), concurrency=20)
            elapsed = time.perf_counter() - started
        async with session.get(stats_url) as response:
            counts: dict[str, Any] = await response.json()
    if counts.get("429_at"):
        print(f"# rate limit: 429s at requests {counts['429_at'][:10]}", file=sys.stderr)
    return elapsed, int(counts.get("429", 0))


# -- 5. import time -----------------------------------------------------------------------

_IMPORT = "import time; s = time.perf_counter(); import {0}; print(time.perf_counter() - s)"


def write_bytecode(*modules: str) -> None:
    """Import *modules* once with bytecode caching on, so that the timed imports read
    up-to-date ``.pyc`` files as an installed package would: with
    ``PYTHONDONTWRITEBYTECODE`` set, a module edited since its cache was written would be
    compiled from source at every timed import (8 ms for ``common/client.py`` alone)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(
        [sys.executable, "-c", "import " + ", ".join(modules)],
        check=True,
        capture_output=True,
        env=env,
    )


def import_seconds(module: str) -> float:
    """Seconds ``import module`` takes in a fresh interpreter."""
    out = subprocess.run(
        [sys.executable, "-c", _IMPORT.format(module)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return float(out.strip())


# -- per-record decoding (information) --------------------------------------------------


def decode_micros(body: bytes, rounds: int) -> tuple[float, float, float]:
    """Microseconds per record: ``json.loads``, the library's JSON backend, that + model."""
    from common import _json

    def best(fn: Any) -> float:
        timings = []
        for _ in range(rounds):
            started = time.perf_counter()
            for _ in range(1000):
                fn()
            timings.append((time.perf_counter() - started) / 1000 * 1e6)
        return min(timings)

    return (
        best(lambda: json.loads(body)),
        best(lambda: _json.loads(body)),
        best(lambda: structure(_json.loads(body), Client)),
    )

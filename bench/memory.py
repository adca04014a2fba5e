"""Memory figures, each measured in a fresh process (so that no earlier figure's heap counts).

* ``stream``: peak RSS growth while streaming a whole listing (after the first page) -- only
  one page of records should be alive at a time.
* ``clients``: RSS after a warm-up vs at the end, creating a client, making one call and
  closing it, again and again.
* ``calls``: RSS after a warm-up vs at the end, one client making many calls.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import gc
import json
import multiprocessing
from typing import Any

import aiohttp
import attrs

from amiqus_async import AmiqusClient
from common import amap

from ._util import CLIENT_CPU, peak_rss_mb, pin, rss_mb
from .figures import TOKEN


@attrs.frozen
class Memory:
    """Resident memory (MB) after the warm-up, at the end, and at the peak."""

    warm: float
    end: float
    peak: float

    @property
    def growth(self) -> float:
        return self.end - self.warm

    @property
    def peak_growth(self) -> float:
        return self.peak - self.warm


def _settled_rss() -> float:
    gc.collect()
    return rss_mb()


async def _stream(url: str, library: bool) -> Memory:
    warm = 0.0
    if library:
        async with AmiqusClient(token=TOKEN, base_url=url) as amiqus:
            async for client in amiqus.clients.list(limit=100):
                if client.id == 100:  # the first page is in: the client is warm
                    warm = _settled_rss()
    else:
        async with aiohttp.ClientSession() as session:
            next_url: str | None = f"{url}/clients?limit=100&page=1"
            while next_url is not None:
                async with session.get(next_url) as response:
                    body = json.loads(await response.read())
                for record in body["data"]:
                    if record["id"] == 100:
                        warm = _settled_rss()
                next_url = (body.get("links") or {}).get("next")
    return Memory(warm, _settled_rss(), peak_rss_mb())


async def _clients(url: str, library: bool, n: int) -> Memory:
    warm_after = max(1, n // 10)
    warm = 0.0
    for i in range(1, n + 1):
        if library:
            amiqus = AmiqusClient(token=TOKEN, base_url=url)
            await amiqus.clients.get(i)
            await amiqus.aclose()
        else:
            async with aiohttp.ClientSession() as session, session.get(f"{url}/clients/{i}") as r:
                json.loads(await r.read())
        if i == warm_after:
            warm = _settled_rss()
    return Memory(warm, _settled_rss(), peak_rss_mb())


async def _calls(url: str, library: bool, n: int) -> Memory:
    chunk = max(1, min(1000, n // 10))
    warm = 0.0
    done = 0
    async with AmiqusClient(token=TOKEN, base_url=url) as amiqus, aiohttp.ClientSession() as s:
        semaphore = asyncio.Semaphore(10)

        async def raw(record_id: int) -> Any:
            async with semaphore, s.get(f"{url}/clients/{record_id}") as response:
                return json.loads(await response.read())

        while done < n:
            ids = range(done + 1, done + chunk + 1)
            if library:
                await amap(amiqus.clients.get, ids, concurrency=10)
            else:
                await asyncio.gather(*(raw(i) for i in ids))
            done += chunk
            if done == chunk:
                warm = _settled_rss()
    return Memory(warm, _settled_rss(), peak_rss_mb())


def _measure(kind: str, url: str, library: bool, n: int) -> Memory:
    pin(CLIENT_CPU)
    if kind == "stream":
        return asyncio.run(_stream(url, library))
    if kind == "clients":
        return asyncio.run(_clients(url, library, n))
    return asyncio.run(_calls(url, library, n))


def measure(kind: str, url: str, *, library: bool, n: int = 0) -> Memory:
    """Run one memory figure in a fresh spawned process and return what it saw."""
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(_measure, kind, url, library, n).result()

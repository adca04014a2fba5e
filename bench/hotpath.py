"""Where the library's time goes, per call: ``python bench/hotpath.py [get|list|all]``.

Two measurements of the same paths the benchmarks time (``amiqus.clients.get(id)`` through
``amap`` at a given concurrency, and ``async for`` over ``amiqus.clients.list(limit=100)``):

* **stub** (default): the real client over a stand-in aiohttp session that answers at once
  from memory (no socket, no HTTP parsing), so what is left is the library's own cost. It
  prints microseconds per call (or per page) without a profiler -- the best of a few runs --
  and then, under cProfile, the time of each area of code per call (library modules by
  name, the models, aiohttp, asyncio) and the functions that cost most.
* **live** (``--live``): cProfile around the benchmark's own library side, against the
  benchmark server in another process (``bench/server.py``); aiohttp and the event loop
  are then in the picture.

* **instructions** (``--instructions``, needs ``valgrind``): the CPU instructions each layer
  of the path costs per call, counted by cachegrind -- the same count on a busy machine as
  on a quiet one, so a change of a few percent shows where timings on a shared machine
  cannot. Each layer runs ``N`` times and ``0`` times in fresh interpreters; the difference
  divided by ``N`` is its cost per call. Layers, from the bottom: the stub session and
  orjson alone; ``transport.send``; ``client.send`` of a built request; ``client.request``
  (build, send, decode); ``client.request_model`` (and the typed model);
  ``clients.get`` (the resource method); the same through ``amap`` at concurrency 100;
  a record of a sequential listing; the model alone (orjson and structuring of one record).

cProfile slows Python calls down (about 2x here), so its figures are for comparing areas
and spotting what scales with the number of waiters; the unprofiled microseconds are the
real cost.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import os
import pstats
import sys
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, ClassVar

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiohttp
from multidict import CIMultiDict, CIMultiDictProxy
from yarl import URL

from amiqus_async import AmiqusClient
from bench.figures import TOKEN
from bench.server import RECORD, RECORD_BYTES
from common import _json, amap

BASE = "http://127.0.0.1:9/api/v2"

# -- a stand-in session: answers from memory, yields to the loop once like a socket would ----


class _Connector:
    limit = 100
    limit_per_host = 0


class _StubResponse:
    """What the transport reads of an ``aiohttp.ClientResponse``."""

    __slots__ = ("_body", "headers", "status", "url")

    def __init__(self, url: URL, body: bytes) -> None:
        self.status = 200
        self.url = url
        self._body = body
        self.headers = CIMultiDictProxy(
            CIMultiDict({"Content-Type": "application/json", "Content-Length": str(len(body))})
        )

    @property
    def content_length(self) -> int:
        return len(self._body)

    async def read(self) -> bytes:
        return self._body

    def release(self) -> None:
        return None

    async def wait_for_close(self) -> None:
        return None


def _page_body(page: int, limit: int, total: int) -> bytes:
    start = (page - 1) * limit
    count = max(0, min(limit, total - start))
    pages = -(-total // limit)
    return json.dumps(
        {
            "object": "paginated_list",
            "data": [dict(RECORD, id=start + i + 1) for i in range(count)],
            "total": total,
            "count": count,
            "limit": limit,
            "current_page": page,
            "total_pages": pages,
            "links": {
                "next": f"{BASE}/clients?limit={limit}&page={page + 1}" if page < pages else None,
                "previous": None,
            },
        }
    ).encode()


class StubSession:
    """Duck-types the part of ``aiohttp.ClientSession`` the library uses."""

    closed = False
    connector = _Connector()

    #: Listing pages, built once per process (outside every measurement).
    _pages: ClassVar[dict[int, bytes]] = {}

    def __init__(self, total: int = 10_000) -> None:
        self._total = total
        if not self._pages:
            for page in range(1, -(-total // 100) + 1):
                self._pages[page] = _page_body(page, 100, total)

    async def request(self, method: str, url: URL, *, params: Any = None, **_: Any) -> Any:
        await asyncio.sleep(0)  # a socket round trip yields to the loop at least once
        if url.path.endswith("/clients"):
            page = int(dict(params or ()).get("page", url.query.get("page", "1")))
            return _StubResponse(url, self._pages[page])
        return _StubResponse(url, RECORD_BYTES)

    async def close(self) -> None:
        return None


def _stub_client() -> AmiqusClient:
    session: Any = StubSession()
    return AmiqusClient(token=TOKEN, base_url=BASE, session=session)


async def stub_gets(n: int, concurrency: int) -> float:
    """Seconds for *n* ``clients.get`` through ``amap`` at *concurrency*, stubbed session."""
    async with _stub_client() as amiqus:
        await amap(amiqus.clients.get, range(1, 21), concurrency=concurrency)
        started = time.perf_counter()
        await amap(amiqus.clients.get, range(1, n + 1), concurrency=concurrency)
        return time.perf_counter() - started


async def stub_listing(prefetch: int) -> float:
    """Seconds to walk 10,000 records (100 pages) with the stubbed session."""
    async with _stub_client() as amiqus:
        count = 0
        started = time.perf_counter()
        async for client in amiqus.clients.list(limit=100).with_options(prefetch=prefetch):
            count += client.id > 0
        elapsed = time.perf_counter() - started
    assert count == 10_000, count
    return elapsed


async def raw_gets(n: int, concurrency: int) -> float:
    """The floor of the stubbed GET: the same session, ``orjson`` and no library at all."""
    session = StubSession()
    url = URL(BASE + "/clients/1")
    semaphore = asyncio.Semaphore(concurrency)

    async def one(_: int) -> Any:
        async with semaphore:
            response = await session.request("GET", url)
            return _json.loads(await response.read())

    started = time.perf_counter()
    await asyncio.gather(*(one(i) for i in range(n)))
    return time.perf_counter() - started


# -- grouping a profile by area ---------------------------------------------------------------

_AREAS = (
    ("common/models/", "common.models (structuring)"),
    ("amiqus_async/", "amiqus_async (resource, models)"),
    ("common/pagination/", "common.pagination"),
    ("common/client.py", "common.client"),
    ("common/sending/", "common.sending (stages, recorder)"),
    ("common/origin.py", "common.origin"),
    ("common/limits.py", "common.limits"),
    ("common/retry.py", "common.retry"),
    ("common/transport/", "common.transport"),
    ("common/messages.py", "common.messages"),
    ("common/batch.py", "common.batch (amap)"),
    ("common/", "common (other)"),
    ("bench/", "bench stub session"),
    ("cattrs", "cattrs"),
    ("attr", "attrs"),
    ("aiohttp", "aiohttp"),
    ("yarl", "yarl"),
    ("multidict", "multidict"),
    ("asyncio", "asyncio"),
    ("uvloop", "uvloop"),
    ("urllib", "urllib.parse"),
)


def _area(filename: str, name: str) -> str:
    for needle, label in _AREAS:
        if needle in filename:
            return label
    if filename == "~":  # a built-in: name it by what it is
        if "orjson" in name or "loads" in name:
            return "JSON decode (built-in)"
        return "built-ins"
    return "other"


def report(profile: cProfile.Profile, per: int, unit: str, top: int) -> None:
    """Print the time of each area and of the *top* functions, in us per *unit*."""
    stats = pstats.Stats(profile)
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    areas: dict[str, float] = defaultdict(float)
    rows = []
    total = 0.0
    for (filename, line, name), (_, calls, tottime, cumtime, _) in raw.items():
        area = _area(filename, name)
        areas[area] += tottime
        total += tottime
        short = filename.replace(str(Path(__file__).resolve().parent.parent) + "/", "")
        rows.append((tottime, calls, cumtime, f"{short}:{line}({name})"))
    print(f"\n| area (cProfile, own time) | us per {unit} | share |\n|---|---|---|")
    for area, seconds in sorted(areas.items(), key=lambda kv: -kv[1]):
        print(f"| {area} | {seconds / per * 1e6:.1f} | {seconds / total * 100:.0f}% |")
    print(f"| **total** | {total / per * 1e6:.1f} | 100% |")
    print(f"\n| function (top {top} by own time) | calls per {unit} | own us | cumulative us |")
    print("|---|---|---|---|")
    for tottime, calls, cumtime, where in sorted(rows, reverse=True)[:top]:
        print(
            f"| `{where}` | {calls / per:.2f} | {tottime / per * 1e6:.2f} | "
            f"{cumtime / per * 1e6:.2f} |"
        )


def _best(runs: int, fn: Callable[[], Awaitable[float]]) -> float:
    return min(asyncio.run(fn()) for _ in range(runs))  # type: ignore[arg-type]


def _profiled(fn: Callable[[], Awaitable[float]]) -> cProfile.Profile:
    profile = cProfile.Profile()

    async def run() -> None:
        profile.enable()
        try:
            await fn()
        finally:
            profile.disable()

    asyncio.run(run())
    return profile


def stub(which: str, n: int, concurrency: int, runs: int, top: int) -> None:
    if which in ("get", "all"):
        for c in sorted({1, 10, concurrency}):
            lib = _best(runs, lambda c=c: stub_gets(n, c))  # type: ignore[misc]
            floor = _best(runs, lambda c=c: raw_gets(n, c))  # type: ignore[misc]
            print(
                f"stub GET c={c}: library {lib / n * 1e6:.1f} us per call, "
                f"stub session + orjson alone {floor / n * 1e6:.1f} us: "
                f"the library's own {(lib - floor) / n * 1e6:.1f} us"
            )
        print(f"\n## stub GET, concurrency {concurrency}, {n} calls (cProfile)")
        report(_profiled(lambda: stub_gets(n, concurrency)), n, "call", top)
    if which in ("list", "all"):
        for prefetch in (0, 4):
            seconds = _best(runs, lambda p=prefetch: stub_listing(p))  # type: ignore[misc]
            print(
                f"stub listing prefetch={prefetch}: {seconds / 100 * 1e3:.2f} ms per page of "
                f"100, {seconds / 10_000 * 1e6:.2f} us per record"
            )
        print("\n## stub listing, 100 pages of 100, sequential (cProfile)")
        report(_profiled(lambda: stub_listing(0)), 100, "page", top)


def live(which: str, n: int, concurrency: int, top: int) -> None:
    from bench import figures
    from bench._util import CLIENT_CPU, SERVER_CPU, pin, two_cpus
    from bench.server import ServerConfig, ServerProcess

    spread = two_cpus()
    if spread:
        pin(CLIENT_CPU)
    with ServerProcess(ServerConfig(cpu=SERVER_CPU if spread else None)) as info:
        if which in ("get", "all"):
            print(f"\n## live GET, concurrency {concurrency}, {n} calls (cProfile)")
            report(_profiled(lambda: figures.get_library(info.url, n, concurrency)), n, "call", top)
        if which in ("list", "all"):
            print("\n## live listing, 10,000 records, sequential (cProfile)")
            report(
                _profiled(lambda: figures.list_library(info.url, prefetch=0, expected=10_000)),
                100,
                "page",
                top,
            )


#: The layers ``--instructions`` counts, bottom up (see the module docs).
LAYERS = (
    "bare",
    "transport",
    "send",
    "request",
    "request_model",
    "get",
    "amap100",
    "list",
    "model",
)


async def _layer(mode: str, n: int) -> None:
    """Run layer *mode* 200 times (warm-up), then *n* times: what cachegrind counts."""
    from amiqus_async.models.objects import Client
    from common.models import structure

    if mode == "model":
        for _ in range(200 + n):
            structure(_json.loads(RECORD_BYTES), Client)
        return
    async with _stub_client() as amiqus:
        if mode == "amap100":
            await amap(amiqus.clients.get, range(1, 201), concurrency=100)
            if n:
                await amap(amiqus.clients.get, range(1, n + 1), concurrency=100)
            return
        if mode == "list":
            async for _ in amiqus.clients.list(limit=100).with_options(max_items=200):
                pass
            if n:
                async for _ in amiqus.clients.list(limit=100).with_options(max_items=n):
                    pass
            return
        built = amiqus.build_request("GET", "/clients/1")
        session = StubSession()
        url = URL(BASE + "/clients/1")

        async def bare() -> Any:
            response = await session.request("GET", url)
            return _json.loads(await response.read())

        transport: Any = amiqus.transport  # the layer under the client, measured alone
        layers: dict[str, Callable[[], Awaitable[Any]]] = {
            "bare": bare,
            "transport": lambda: transport.send(built),
            "send": lambda: amiqus.send(built),
            "request": lambda: amiqus.request("GET", "/clients/1"),
            "request_model": lambda: amiqus.request_model(Client, "GET", "/clients/1"),
            "get": lambda: amiqus.clients.get(1),
        }
        call = layers[mode]
        for _ in range(200 + n):
            await call()


def _count_instructions(mode: str, n: int) -> int:
    """Instructions of a fresh interpreter running layer *mode* *n* times (cachegrind)."""
    import re
    import subprocess

    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(
        [
            "valgrind",
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
            sys.executable,
            __file__,
            "--layer",
            mode,
            "-n",
            str(n),
        ],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count from valgrind:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def instructions(layers: list[str], n: int) -> None:
    print(f"\n| layer (stub session, {n:,} calls) | instructions per call |\n|---|---|")
    for mode in layers:
        per = (_count_instructions(mode, n) - _count_instructions(mode, 0)) / n
        unit = "record" if mode in ("list", "model") else "call"
        print(f"| {mode} | {per:,.0f} per {unit} |", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("which", nargs="?", default="all", choices=("get", "list", "all"))
    parser.add_argument("--live", action="store_true", help="against the benchmark server")
    parser.add_argument("-n", type=int, default=3000, help="GETs per run")
    parser.add_argument("-c", "--concurrency", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3, help="unprofiled runs (best of)")
    parser.add_argument("--top", type=int, default=15, help="functions listed")
    parser.add_argument(
        "--instructions",
        nargs="?",
        const=",".join(LAYERS),
        help=f"count instructions per call with valgrind, for layers among {', '.join(LAYERS)}",
    )
    parser.add_argument("--layer", choices=LAYERS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.layer:  # one run under valgrind (see --instructions)
        asyncio.run(_layer(args.layer, args.n))
        return 0
    load = os.getloadavg()
    print(
        f"# profile: python {sys.version.split()[0]}, aiohttp {aiohttp.__version__}, "
        f"JSON {_json.BACKEND}, load {load[0]:.2f}/{load[1]:.2f}/{load[2]:.2f}"
    )
    if args.instructions:
        instructions(args.instructions.split(","), args.n)
    elif args.live:
        live(args.which, args.n, args.concurrency, args.top)
    else:
        stub(args.which, args.n, args.concurrency, args.runs, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())

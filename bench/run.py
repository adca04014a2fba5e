"""Benchmarks of the library against raw aiohttp, on loopback, in one run: ``python bench/run.py``.

A plain ``aiohttp.web`` server runs in a separate process (pinned to its own CPU when there are
two); this process (pinned to the other) measures each figure with the library and with the
raw stack, alternating the two sides round after round, and prints for each the medians, the
ratio, the target and the spread. ``--quick`` uses tiny sizes: it checks that every benchmark
still runs and prints its ratio (CI), and says nothing about speed.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import importlib
import os
import platform
import statistics
import sys
import time
from collections.abc import Awaitable, Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiohttp

from bench import figures, memory
from bench._util import (
    CLIENT_CPU,
    HEADER,
    SERVER_CPU,
    Figure,
    Stat,
    at_least,
    pin,
    two_cpus,
)
from bench.server import RECORD_BYTES, ServerConfig, ServerInfo, ServerProcess
from common import _json


class Sizes:
    """How much work each figure does (``--quick``: just enough to run every code path)."""

    def __init__(self, quick: bool, rounds: int | None) -> None:
        self.quick = quick
        self.rounds = rounds or (1 if quick else 5)
        self.gets = 200 if quick else 3000
        self.total = 500 if quick else 10_000
        self.sync_gets = 200 if quick else 5000
        self.thread_gets = 100 if quick else 2000
        self.limited_calls = 40 if quick else 1000
        self.imports = 2 if quick else 7
        self.clients = 30 if quick else 5000
        self.calls = 300 if quick else 20_000


def _alternate(
    rounds: int, library: Callable[[], float], raw: Callable[[], float]
) -> tuple[Stat, Stat]:
    """Run both sides *rounds* times, alternating which goes first."""
    lib_values: list[float] = []
    raw_values: list[float] = []
    for i in range(rounds):
        if i % 2 == 0:
            lib_values.append(library())
            raw_values.append(raw())
        else:
            raw_values.append(raw())
            lib_values.append(library())
    return Stat.of(lib_values), Stat.of(raw_values)


def _ratio_figure(
    key: str,
    title: str,
    unit: str,
    lib: Stat,
    raw: Stat,
    floor: float | None,
    *,
    raw_label: str = "raw aiohttp",
    note: str = "",
) -> Figure:
    ratio = lib.median / raw.median
    target, met = at_least(ratio, floor) if floor is not None else ("", None)
    return Figure(key, title, unit, lib, raw, ratio, target, met, raw_label=raw_label, note=note)


def _loops() -> list[str]:
    """The event loops to measure under: asyncio always, uvloop (what uvicorn runs) when
    installed (the bench extra)."""
    try:
        importlib.import_module("uvloop")
    except ImportError:
        return ["asyncio"]
    return ["asyncio", "uvloop"]


def _run_on(loop: str, coro: Coroutine[Any, Any, float]) -> float:
    if loop == "uvloop":
        uvloop: Any = importlib.import_module("uvloop")
        return float(uvloop.run(coro))
    return asyncio.run(coro)


def _run(
    fn: Callable[[str, int, int], Awaitable[float]], url: str, n: int, c: int, loop: str
) -> float:
    async def run() -> float:
        return await fn(url, n, c)

    return _run_on(loop, run())


def _suffix(loop: str) -> str:
    return "" if loop == "asyncio" else f"-{loop}"


def single_gets(info: ServerInfo, sizes: Sizes) -> Iterator[Figure]:
    for loop in _loops():
        for concurrency in (1, 10, 100):
            lib, raw = _alternate(
                sizes.rounds,
                functools.partial(
                    _run, figures.get_library, info.url, sizes.gets, concurrency, loop
                ),
                functools.partial(_run, figures.get_raw, info.url, sizes.gets, concurrency, loop),
            )
            yield _ratio_figure(
                f"1.get-c{concurrency}{_suffix(loop)}",
                f"GET -> typed model, concurrency {concurrency}, {loop}",
                "req/s",
                lib,
                raw,
                0.90,
                raw_label="aiohttp + json.loads",
            )
    for concurrency in (10, 100):
        lib, typed = _alternate(
            sizes.rounds,
            functools.partial(
                _run, figures.get_library, info.url, sizes.gets, concurrency, "asyncio"
            ),
            functools.partial(
                _run, figures.get_raw_typed, info.url, sizes.gets, concurrency, "asyncio"
            ),
        )
        yield _ratio_figure(
            f"1.get-typed-c{concurrency}",
            f"GET -> typed model, concurrency {concurrency}, against a hand-written typed client",
            "req/s",
            lib,
            typed,
            None,
            raw_label=f"aiohttp + {_json.BACKEND} + our converter",
        )
    if _has("httpx"):
        for concurrency in (10, 100):
            peer, raw = _alternate(
                sizes.rounds,
                functools.partial(
                    _run, figures.get_httpx, info.url, sizes.gets, concurrency, "asyncio"
                ),
                functools.partial(
                    _run, figures.get_raw, info.url, sizes.gets, concurrency, "asyncio"
                ),
            )
            yield _ratio_figure(
                f"1.get-httpx-c{concurrency}",
                f"reference: httpx + json.loads (dicts, no model), concurrency {concurrency}",
                "req/s",
                peer,
                raw,
                None,
                raw_label="aiohttp + json.loads",
            )


def _has(module: str) -> bool:
    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True


#: Targets of the listing figures (issue 21): sequential, prefetch=4; by server time a page.
_LIST_TARGETS = {"0 ms": (0.80, 1.0), "slow": (0.95, 3.5)}


def listings(info: ServerInfo, sizes: Sizes, delay_ms: float) -> Iterator[Figure]:
    total = sizes.total
    for loop in _loops():
        for url, latency in ((info.url, "0 ms"), (info.slow_url, f"{delay_ms:g} ms")):
            seq_target, ahead_target = _LIST_TARGETS["0 ms" if latency == "0 ms" else "slow"]
            raw_values: list[float] = []
            seq_values: list[float] = []
            ahead_values: list[float] = []
            for _ in range(sizes.rounds):  # the three sides alternate, round after round
                raw_values.append(_run_on(loop, figures.list_raw(url, expected=total)))
                seq_values.append(
                    _run_on(loop, figures.list_library(url, prefetch=0, expected=total))
                )
                ahead_values.append(
                    _run_on(loop, figures.list_library(url, prefetch=4, expected=total))
                )
            raw, sequential, ahead = map(Stat.of, (raw_values, seq_values, ahead_values))
            key = f"{latency.replace(' ', '')}{_suffix(loop)}"
            yield _ratio_figure(
                f"2.list-seq-{key}",
                f"list {total:,} records (pages of 100), sequential, server {latency}/page, {loop}",
                "rec/s",
                sequential,
                raw,
                seq_target,
                raw_label="raw sequential loop",
            )
            yield _ratio_figure(
                f"2.list-prefetch-{key}",
                f"list {total:,} records, prefetch=4, server {latency}/page, {loop}",
                "rec/s",
                ahead,
                raw,
                ahead_target,
                raw_label="raw sequential loop",
            )
    lib_mem = [memory.measure("stream", info.url, library=True) for _ in range(1)]
    raw_mem = [memory.measure("stream", info.url, library=False) for _ in range(1)]
    lib_growth = Stat.of([m.peak_growth for m in lib_mem])
    raw_growth = Stat.of([m.peak_growth for m in raw_mem])
    yield Figure(
        "2.list-rss",
        f"peak RSS growth streaming {total:,} records (after page 1)",
        "MB",
        lib_growth,
        raw_growth,
        lib_growth.median / max(raw_growth.median, 1.0),
        "< 20 MB",
        lib_growth.median < 20,
        raw_label="raw loop",
        note="ratio over max(raw, 1 MB)",
    )


def sync_runner(info: ServerInfo, sizes: Sizes) -> Iterator[Figure]:
    n, concurrency = sizes.sync_gets, 50
    lib_values: list[float] = []
    raw_values: list[float] = []
    thread_values: list[float] = []
    sides: list[Callable[[], None]] = [
        lambda: lib_values.append(figures.sync_runner_map(info.url, n, concurrency)),
        lambda: raw_values.append(figures.pure_async_map(info.url, n, concurrency)),
        lambda: thread_values.append(
            figures.thread_pool_map(info.url, sizes.thread_gets, concurrency)
        ),
    ]
    # The three sides in every round, the order reversed every other round: each ratio
    # divides figures taken under the same load of a shared machine.
    for i in range(sizes.rounds):
        for side in sides if i % 2 == 0 else sides[::-1]:
            side()
    lib, raw, threads = Stat.of(lib_values), Stat.of(raw_values), Stat.of(thread_values)
    yield _ratio_figure(
        "3.sync-vs-async",
        f"SyncRunner.map of {n:,} GETs, concurrency {concurrency}",
        "req/s",
        lib,
        raw,
        0.85,
        raw_label="same batch, pure async",
    )
    yield _ratio_figure(
        "3.sync-vs-threads",
        f"SyncRunner.map vs {concurrency} threads of requests",
        "req/s",
        lib,
        threads,
        4.5,
        raw_label=f"requests, {concurrency} threads",
    )


def rate_limit(info: ServerInfo, sizes: Sizes) -> Iterator[Figure]:
    n, rate = sizes.limited_calls, 200.0
    ideal = (n - 1) / rate  # the first call goes at once, then one every 1/rate s
    stats = info.url.rsplit("/api/", 1)[0] + "/_stats/ratelimited"
    runs = [
        asyncio.run(figures.rate_limited(info.ratelimited_url, stats, n, rate))
        for _ in range(max(1, min(3, sizes.rounds)))
    ]
    elapsed = Stat.of([seconds for seconds, _ in runs])
    refused = sum(count for _, count in runs)
    ratio = elapsed.median / ideal
    yield Figure(
        "4.rate-limit",
        f"{n:,} calls under RateLimit({rate:g}/s), server enforcing {rate:g}/s; 429s: {refused}",
        "s",
        elapsed,
        Stat.of([ideal]),
        ratio,
        "1.00x ± 5%, 0 x 429",
        abs(ratio - 1) <= 0.05 and refused == 0,
        raw_label="ideal (n-1)/rate",
    )


def imports(sizes: Sizes) -> Iterator[Figure]:
    lib_values: list[float] = []
    raw_values: list[float] = []
    common_values: list[float] = []
    figures.write_bytecode("aiohttp", "amiqus_async", "common.client")
    for _ in range(sizes.imports):
        raw_values.append(figures.import_seconds("aiohttp") * 1000)
        lib_values.append(figures.import_seconds("amiqus_async") * 1000)
        # ``import common`` alone loads nothing (its names load on first use): the shared
        # layer a vendor client stands on is common.client and what it imports.
        common_values.append(figures.import_seconds("common.client") * 1000)
    raw = Stat.of(raw_values)
    lib = Stat.of(lib_values)
    ratio = lib.median / raw.median
    yield Figure(
        "5.import",
        "import amiqus_async (fresh interpreter)",
        "ms",
        lib,
        raw,
        ratio,
        "<= 1.15x",
        ratio <= 1.15,
        raw_label="import aiohttp",
    )
    shared = Stat.of(common_values)
    yield Figure(
        "5.import-common",
        "import common.client (the shared layer a client stands on)",
        "ms",
        shared,
        raw,
        shared.median / raw.median,
        raw_label="import aiohttp",
    )


def memory_figures(info: ServerInfo, sizes: Sizes) -> Iterator[Figure]:
    for kind, n, title in (
        ("clients", sizes.clients, f"RSS growth: {sizes.clients:,} clients made, used, closed"),
        ("calls", sizes.calls, f"RSS growth: one client making {sizes.calls:,} calls"),
    ):
        lib = memory.measure(kind, info.url, library=True, n=n)
        raw = memory.measure(kind, info.url, library=False, n=n)
        yield Figure(
            f"6.mem-{kind}",
            f"{title} (after warm-up {lib.warm:.0f} MB -> end {lib.end:.0f} MB)",
            "MB",
            Stat.of([lib.growth]),
            Stat.of([raw.growth]),
            lib.growth / max(raw.growth, 1.0),
            raw_label="raw aiohttp",
            note="ratio over max(raw, 1 MB)",
        )


def decoding(sizes: Sizes) -> Iterator[Figure]:
    stdlib, backend, typed = figures.decode_micros(RECORD_BYTES, 3 if sizes.quick else 15)
    model = typed - backend
    yield Figure(
        "0.decode",
        f"decode one {len(RECORD_BYTES)}-byte record: {_json.BACKEND} {backend:.2f} us, "
        f"+ typed model {model:.2f} us",
        "us",
        Stat.of([typed]),
        Stat.of([stdlib]),
        typed / stdlib,
        "model <= 4 us",
        model <= 4.0,
        raw_label="json.loads",
        note="target: the model's share on the issue's reference machine",
    )


SECTIONS = ("decode", "get", "list", "sync", "ratelimit", "import", "memory")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="tiny sizes: check that it runs")
    parser.add_argument("--rounds", type=int, help="rounds per figure (default 5, quick 1)")
    parser.add_argument(
        "--only", help=f"comma-separated sections among: {', '.join(SECTIONS)}", default=""
    )
    parser.add_argument(
        "--page-delay-ms", type=float, default=10.0, help="server time per page under /slow"
    )
    args = parser.parse_args(argv)
    sizes = Sizes(args.quick, args.rounds)
    only = set(filter(None, args.only.split(","))) or set(SECTIONS)
    unknown = only - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")

    spread = two_cpus()
    pinned = pin(CLIENT_CPU) if spread else False
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    print(
        f"# bench: python {platform.python_version()}, aiohttp {aiohttp.__version__}, "
        f"JSON backend {_json.BACKEND}, {os.cpu_count()} CPUs, "
        f"{'client and server pinned to CPUs 0 and 1' if pinned else 'not pinned'}, "
        f"load {'/'.join(f'{x:.2f}' for x in load) if load else 'n/a'}, "
        f"{sizes.rounds} round(s){', quick' if sizes.quick else ''}"
    )
    started = time.perf_counter()
    config = ServerConfig(
        total=sizes.total,
        page_delay=args.page_delay_ms / 1000,
        cpu=SERVER_CPU if spread else None,
    )
    results: list[Figure] = []
    print(HEADER, flush=True)

    def show(rows: Iterator[Figure]) -> None:
        for figure in rows:
            results.append(figure)
            print(figure.row(), flush=True)

    if "decode" in only:
        show(decoding(sizes))
    if "import" in only:
        show(imports(sizes))
    with ServerProcess(config) as info:
        if "get" in only:
            show(single_gets(info, sizes))
        if "list" in only:
            show(listings(info, sizes, args.page_delay_ms))
        if "sync" in only:
            show(sync_runner(info, sizes))
        if "ratelimit" in only:
            show(rate_limit(info, sizes))
        if "memory" in only:
            show(memory_figures(info, sizes))
    targets = [f for f in results if f.met is not None]
    met = sum(1 for f in targets if f.met)
    elapsed = time.perf_counter() - started
    print(f"\n# {met}/{len(targets)} targets met in {elapsed:.0f} s", end="")
    if sizes.quick:
        print(" (--quick: sizes too small for the numbers to mean anything)", end="")
    print()
    if not sizes.quick:
        medians = [f.ratio for f in results if f.unit == "req/s"]
        if medians:
            print(f"# median ratio of the request figures: {statistics.median(medians):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

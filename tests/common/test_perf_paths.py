"""The hot paths do no work they do not need (issue 21): no observation built without hooks
or telemetry, a prefetch window that refills as soon as a page lands, and the profiling tool
of bench/ still runs. Speed itself is measured by ``bench/``, never asserted here."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from aioresponses import aioresponses

import common.observe
from common import Hooks
from common.observe import Observation
from common.pagination import AsyncPager, PageNumberPaging, PageRequest

from .support import BASE, DemoClient

ROOT = Path(__file__).resolve().parents[2]


async def test_a_call_without_hooks_or_telemetry_builds_no_observation(
    mocked: aioresponses, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing watches the call: no Observation is made; with a hook, one per call."""
    built: list[Observation] = []

    class Counted(Observation):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            built.append(self)

    monkeypatch.setattr(common.observe, "Observation", Counted)
    mocked.get(f"{BASE}/r", payload={"ok": True}, repeat=True)
    async with DemoClient(base_url=BASE) as client:
        assert await client.request("GET", "/r") == {"ok": True}
        assert built == []
        seen: list[str] = []
        hooked = client.with_options(hooks=Hooks(on_request=lambda event: seen.append(event.url)))
        await hooked.request("GET", "/r")
    assert len(built) == 1
    assert seen == [f"{BASE}/r"]


def _page(number: int, *, pages: int = 6, size: int = 2) -> dict[str, Any]:
    first = (number - 1) * size + 1
    return {
        "data": [{"id": i} for i in range(first, first + size)],
        "total": pages * size,
        "total_pages": pages,
        "current_page": number,
        "limit": size,
    }


async def test_prefetch_starts_the_next_request_as_soon_as_one_lands() -> None:
    """With prefetch=2 and a consumer still busy with page 1, pages 2 and 3 land and pages 4
    and 5 are requested at once, without waiting for the consumer (at most 2 in flight, at
    most 2 more waiting to be read)."""
    requested: list[int] = []
    in_flight = 0
    most_in_flight = 0

    async def fetch(request: PageRequest) -> Any:
        nonlocal in_flight, most_in_flight
        number = int(dict(request.params).get("page", "1"))
        requested.append(number)
        in_flight += 1
        most_in_flight = max(most_in_flight, in_flight)
        try:
            await asyncio.sleep(0.01)
        finally:
            in_flight -= 1
        return _page(number)

    pager: AsyncPager[int] = AsyncPager(
        fetch=fetch,
        strategy=PageNumberPaging(),
        path="/items",
        structure=lambda raw: raw["id"],
        base_url="https://api.example.test/v1",
        page_size=2,
        prefetch=2,
    )
    items = aiter(pager)
    assert await anext(items) == 1  # page 1 read; pages 2 and 3 requested
    await asyncio.sleep(0.05)  # the consumer is busy elsewhere meanwhile
    assert sorted(requested) == [1, 2, 3, 4, 5]
    assert most_in_flight == 2
    rest = [item async for item in items]
    assert rest == list(range(2, 13))
    assert sorted(requested) == [1, 2, 3, 4, 5, 6]


def test_the_hot_path_profiler_runs() -> None:
    """``bench/hotpath.py`` (the per-call profile of bench/README.md) runs and prints its
    tables: stub session, no server, a few hundred calls."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "hotpath.py"), "get", "-n", "200", "--runs", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "stub GET c=100" in done.stdout
    assert "| area (cProfile, own time) | us per call | share |" in done.stdout

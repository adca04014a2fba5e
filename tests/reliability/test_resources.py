"""Resources: cancelled calls free their connection and their slot; clients close cleanly.

Every test of this package also runs under the leak checks of ``conftest.py`` (no session,
connector or response left open, ResourceWarnings raised in the test that caused them).
"""

from __future__ import annotations

import asyncio
import time

import pytest

from common import ApiError
from common.testing import Fault

from .faults import Reshaped
from .vendors import VENDORS, Vendor

# Slots for every vendor; aiohttp's own pool queue (no max_concurrency) once: same path.
PLANS = [(vendor, 20) for vendor in VENDORS] + [(VENDORS[2], None)]


@pytest.mark.parametrize(
    ("vendor", "max_concurrency"),
    PLANS,
    ids=[f"{v.name}-{'slots-20' if m else 'pool-100'}" for v, m in PLANS],
)
async def test_cancelling_a_thousand_calls_leaves_the_client_usable(
    vendor: Vendor, max_concurrency: int | None
) -> None:
    """1,000 calls cancelled mid-request, mid-body or queued (for a concurrency slot, or for
    a connection of aiohttp's pool); then 100 calls succeed, and a full pool's worth runs at
    once: no slot and no connection was lost."""
    pool = max_concurrency or 100  # the connection pool is sized like the slots, else 100
    async with vendor.emulator() as emu:
        path = vendor.read_path
        async with vendor.client(emu, max_concurrency=max_concurrency) as client:
            await vendor.read(client)  # logged in (Amilia), the session open
            # Half the first answers trickle (cancelled mid-body), the rest wait (mid-request).
            trickle = Reshaped(seconds=2.0, chunks=20)
            emu.server.faults.add(trickle, method="GET", path=path, times=pool // 2)
            emu.server.faults.add(Fault.latency(2.0), method="GET", path=path, times=None)
            calls = [asyncio.ensure_future(vendor.read(client)) for _ in range(1000)]
            while len(emu.server.requests.filter(method="GET", path=path)) < pool + 1:  # noqa: ASYNC110 - polling the emulator's log
                await asyncio.sleep(0.01)
            await asyncio.sleep(0.05)  # the trickling bodies have started
            for call in calls:
                call.cancel()
            outcomes = await asyncio.gather(*calls, return_exceptions=True)
            assert all(isinstance(o, asyncio.CancelledError) for o in outcomes), {
                type(o).__name__ for o in outcomes
            }
            emu.server.faults.clear()
            results = await asyncio.wait_for(
                asyncio.gather(*(vendor.read(client) for _ in range(100))), timeout=20
            )
            assert not any(isinstance(r, ApiError) for r in results)
            # All slots are free: a pool's worth of calls that each wait 0.3 s take one round.
            emu.server.faults.add(Fault.latency(0.3), method="GET", path=path, times=pool)
            started = time.perf_counter()
            await asyncio.gather(*(vendor.read(client) for _ in range(pool)))
            assert time.perf_counter() - started < 0.55

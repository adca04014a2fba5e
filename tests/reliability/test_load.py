"""Load: 10,000 calls through one client at concurrency 200, 1 % of requests faulted at
random; every call ends in a result or a typed error, the counts reconcile exactly with the
emulator's log, and memory is flat after warm-up.

IntakeQ's emulator carries the load (all four serve about the same rate on loopback; the
fault matrix covers every vendor): reads are ``GET /clients/profile/1``, and one call in
twenty is a write, ``POST /clients`` updating client 1 (non-idempotent, and the store does
not grow, so the memory figure is the client's).
"""

from __future__ import annotations

import asyncio
import collections
import gc
from typing import Any

from common import ApiError, DecodeError, RateLimitError, ReadError, ServerError
from common.testing import Fault
from intakeq_async import IntakeQClient
from intakeq_async.models import ClientInput

from .faults import Sometimes, assert_no_write_sent_twice
from .vendors import INTAKEQ

CALLS = 10_000
BATCH = 2_000
CONCURRENCY = 200
#: gc-tracked objects the process may gain from the second batch to the last: measured
#: within ±100 of flat; a leak of one object per call would be 6,000.
GROWTH_ALLOWED = 500

FAULTS = [
    Fault.status(500),
    Fault.status(503),
    Fault.rate_limited("0"),
    Fault.reset(),
    Fault.drop_mid_body(),
    Fault.malformed_json(),
    Fault.html(200),
]
#: The errors a call may end in, given those faults.
TYPED = (ServerError, RateLimitError, ReadError, DecodeError)


async def _call(client: IntakeQClient, number: int) -> Any:
    tagged = client.with_options(headers={"X-Call": str(number)})
    if number % 20 == 0:
        return await tagged.clients.save(ClientInput(client_id=1, name=f"Ada {number}"))
    return await tagged.clients.get(1)


async def _batch(client: IntakeQClient, numbers: range) -> dict[str, Any]:
    outcomes: dict[str, Any] = {}
    queue = iter(numbers)

    async def worker() -> None:
        for number in queue:
            try:
                outcomes[str(number)] = await _call(client, number)
            except ApiError as error:  # anything else fails the test
                outcomes[str(number)] = error

    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return outcomes


async def test_ten_thousand_calls_with_one_percent_faults() -> None:
    """Every call reconciles with the log; no write doubled; memory flat after warm-up."""
    random_faults = Sometimes(rate=0.01, faults=FAULTS)
    totals: collections.Counter[str] = collections.Counter()
    objects: list[int] = []
    async with INTAKEQ.emulator() as emu:
        emu.server.faults.add(random_faults, times=None)
        async with INTAKEQ.client(emu, max_concurrency=CONCURRENCY) as client:
            for start in range(0, CALLS, BATCH):
                outcomes = await _batch(client, range(start, start + BATCH))
                log = list(emu.server.requests)
                _reconcile(outcomes, log, random_faults.injected, totals)
                assert_no_write_sent_twice(log)
                emu.server.requests.clear()
                random_faults.injected.clear()
                gc.collect()
                objects.append(len(gc.get_objects()))
    assert totals["calls"] == CALLS
    assert totals["ok"] + totals["error"] == CALLS
    assert totals["injected"] > 0.005 * CALLS, totals  # the faults did happen
    assert totals["retried-ok"] > 0, totals
    assert objects[-1] - objects[1] < GROWTH_ALLOWED, objects


def _reconcile(
    outcomes: dict[str, Any],
    log: list[Any],
    injected: list[tuple[str, Fault]],
    totals: collections.Counter[str],
) -> None:
    """Each call's requests in the log = its faulted attempts + (1 clean one if it succeeded)."""
    sent = collections.Counter(record.headers.get("X-Call", "") for record in log)
    faulted = collections.Counter(call for call, _ in injected)
    assert set(sent) <= set(outcomes), "a request the calls did not make"
    assert sum(sent.values()) == len(log)
    for call, outcome in outcomes.items():
        clean = sent[call] - faulted[call]
        if isinstance(outcome, ApiError):
            assert isinstance(outcome, TYPED), repr(outcome)
            assert clean == 0, f"call {call} failed ({outcome!r}) after a clean answer"
            assert faulted[call] >= 1
            assert outcome.attempts == sent[call], (call, outcome, sent[call])
            totals["error"] += 1
        else:
            assert clean == 1, f"call {call} succeeded with {clean} clean answers"
            totals["ok"] += 1
            totals["retried-ok"] += faulted[call] > 0
        totals["calls"] += 1
    totals["requests"] += len(log)
    totals["injected"] += len(injected)

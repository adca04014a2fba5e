"""Bounded-concurrency batches: order, limits, laziness, errors reported or raised, progress."""

from __future__ import annotations

import asyncio
import logging
import sys
import types
from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar

import pytest

from common import BatchResult, InvalidRequestError, amap
from common.batch import BatchFailure
from common.batch import map as batch_map


class Flight:
    """Counts the calls in flight and remembers the most seen at once."""

    def __init__(self) -> None:
        self.now = 0
        self.most = 0
        self.started: list[int] = []
        self.cancelled: list[int] = []

    async def double(self, n: int, delay: float = 0.0) -> int:
        self.started.append(n)
        self.now += 1
        self.most = max(self.most, self.now)
        try:
            await asyncio.sleep(delay)
        except asyncio.CancelledError:
            self.cancelled.append(n)
            raise
        finally:
            self.now -= 1
        return n * 2


def other_tasks() -> set[asyncio.Task[Any]]:
    return {task for task in asyncio.all_tasks() if task is not asyncio.current_task()}


async def test_results_come_back_in_input_order() -> None:
    """Items finishing in reverse order still yield results in input order."""

    async def slower_first(n: int) -> int:
        await asyncio.sleep((10 - n) * 0.002)
        return n * n

    result = await amap(slower_first, range(10), concurrency=10)
    assert list(result) == [n * n for n in range(10)]
    assert isinstance(result, BatchResult)
    assert (len(result), result[3], result[-2:]) == (10, 9, [64, 81])
    assert (result.succeeded, result.failed, result.failures) == (10, 0, ())


async def test_the_module_name_and_the_export_are_one_function() -> None:
    """``common.amap`` is ``common.batch.map``."""
    assert amap is batch_map


async def test_never_more_than_concurrency_in_flight() -> None:
    """At most *concurrency* items run at once, and the limit is reached."""
    flight = Flight()
    await amap(lambda n: flight.double(n, 0.001), range(50), concurrency=7)
    assert flight.most == 7


async def test_items_are_pulled_lazily_from_a_huge_iterator() -> None:
    """A 100k-item generator is pulled as workers free up, not turned into 100k coroutines."""
    pulled = 0
    created = 0

    def numbers() -> Iterator[int]:
        nonlocal pulled
        for n in range(100_000):
            pulled += 1
            yield n

    gate = asyncio.Event()

    async def work(n: int) -> int:
        nonlocal created
        created += 1
        await gate.wait()
        return n

    batch = asyncio.create_task(amap(work, numbers(), concurrency=5))
    await asyncio.sleep(0.01)
    assert (pulled, created) == (5, 5)
    gate.set()
    result = await batch
    assert len(result) == 100_000
    assert result[99_999] == 99_999


class Resuming:
    """An iterator that says it is done after five items, and would give three more if asked
    again (then stops for good)."""

    def __init__(self) -> None:
        self.calls = 0

    def __iter__(self) -> Resuming:
        return self

    def __next__(self) -> int:
        self.calls += 1
        if self.calls == 6 or self.calls > 9:
            raise StopIteration
        return self.calls - 1 if self.calls < 6 else 100 + self.calls


async def test_a_spent_iterator_is_never_asked_again() -> None:
    """After StopIteration no worker calls next() again: not the ones busy with an item
    when it came, nor the ones that start after it."""
    items = Resuming()
    result = await amap(Flight().double, items, concurrency=8)
    assert list(result) == [0, 2, 4, 6, 8]
    assert items.calls == 6


async def test_no_item_is_read_ahead_of_the_workers() -> None:
    """Each item is pulled just before its coroutine starts: nothing is read and held."""
    pulled = 0
    seen: dict[int, int] = {}

    def numbers() -> Iterator[int]:
        nonlocal pulled
        for n in range(40):
            pulled += 1
            yield n

    async def note(n: int) -> int:
        seen[n] = pulled
        await asyncio.sleep(0.001 * (n % 3))
        return n

    result = await amap(note, numbers(), concurrency=6)
    assert list(result) == list(range(40))
    assert seen == {n: n + 1 for n in range(40)}


async def test_async_iterables_are_consumed_one_worker_at_a_time() -> None:
    """An async generator feeds the workers; its results are in order too."""

    async def numbers() -> AsyncIterator[int]:
        for n in range(30):
            await asyncio.sleep(0)
            yield n

    flight = Flight()
    result = await amap(flight.double, numbers(), concurrency=4)
    assert list(result) == [n * 2 for n in range(30)]


async def test_return_exceptions_puts_errors_in_place_and_summarises_them(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Failing items hold their exception; failures are counted by type and logged once."""

    async def check(n: int) -> int:
        if n % 5 == 0:
            raise KeyError(n)
        if n % 7 == 0:
            raise ValueError(f"bad {n}")
        return n

    with caplog.at_level(logging.WARNING, logger="common.batch"):
        result = await amap(check, range(1, 31), concurrency=4, return_exceptions=True)
    assert [type(r).__name__ for r in result[4:7]] == ["KeyError", "int", "ValueError"]
    assert result[0] == 1
    assert (result.succeeded, result.failed) == (30 - 6 - 4, 10)
    assert result.failures_by_type() == {"KeyError": 6, "ValueError": 4}
    assert [f.index for f in result.failures] == [4, 6, 9, 13, 14, 19, 20, 24, 27, 29]
    first = result.failures[0]
    assert isinstance(first, BatchFailure)
    assert (first.item, type(first.error)) == (5, KeyError)
    summary = result.summary()
    assert "30 items" in summary
    assert "20 ok, 10 failed (KeyError x6, ValueError x4)" in summary
    assert [r.getMessage() for r in caplog.records] == [f"batch: {summary}"]


async def test_a_clean_batch_logs_nothing(caplog: pytest.LogCaptureFixture) -> None:
    """No failures, no warning."""
    with caplog.at_level(logging.DEBUG, logger="common.batch"):
        await amap(Flight().double, range(5), return_exceptions=True)
    assert caplog.records == []


async def test_the_first_error_cancels_the_rest_and_is_raised() -> None:
    """Without return_exceptions the first failure stops the batch; no task is left behind."""
    flight = Flight()

    async def work(n: int) -> int:
        if n == 3:
            await asyncio.sleep(0.005)
            raise LookupError("item 3")
        return await flight.double(n, 10.0)

    with pytest.raises(LookupError, match="item 3"):
        await amap(work, range(1000), concurrency=4)
    assert sorted(flight.started) == [0, 1, 2]  # nothing started after the failure
    assert sorted(flight.cancelled) == [0, 1, 2]
    assert flight.now == 0
    assert other_tasks() == set()


async def test_cancelling_the_batch_cancels_every_worker() -> None:
    """A batch cancelled from outside leaves no task running."""
    flight = Flight()
    batch = asyncio.create_task(amap(lambda n: flight.double(n, 10.0), range(100), concurrency=6))
    await asyncio.sleep(0.01)
    batch.cancel()
    with pytest.raises(asyncio.CancelledError):
        await batch
    assert sorted(flight.cancelled) == list(range(6))
    assert other_tasks() == set()


async def test_an_error_from_the_items_ends_the_batch_even_with_return_exceptions() -> None:
    """A failing iterator is not an item's failure: it is raised."""

    def items() -> Iterator[int]:
        yield 1
        raise OSError("the input file went away")

    with pytest.raises(OSError, match="went away"):
        await amap(Flight().double, items(), return_exceptions=True)


async def test_progress_callback_gets_done_and_total() -> None:
    """The callback sees (1, n) ... (n, n); total is None for an iterator unless given."""
    seen: list[tuple[int, int | None]] = []
    await amap(Flight().double, [1, 2, 3], progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    seen.clear()
    await amap(Flight().double, iter([1, 2]), progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, None), (2, None)]
    seen.clear()
    await amap(Flight().double, iter([1, 2]), total=2, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 2), (2, 2)]


class FakeBar:
    instances: ClassVar[list[FakeBar]] = []

    def __init__(self, **options: Any) -> None:
        self.options = options
        self.updates = 0
        self.postfix: dict[str, Any] = {}
        self.closed = False
        FakeBar.instances.append(self)

    def update(self, n: int) -> None:
        self.updates += n

    def set_postfix(self, refresh: bool = True, **values: Any) -> None:
        self.postfix.update(values)

    def close(self) -> None:
        self.closed = True


async def test_progress_true_draws_a_tqdm_bar_imported_only_when_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """tqdm is not imported for a batch without a bar; progress=True fills and closes one."""
    monkeypatch.delitem(sys.modules, "tqdm", raising=False)
    await amap(Flight().double, range(3), progress=lambda d, t: None)
    assert "tqdm" not in sys.modules

    fake = types.ModuleType("tqdm")
    fake.tqdm = FakeBar  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tqdm", fake)
    FakeBar.instances.clear()

    async def odd_fails(n: int) -> int:
        if n % 2:
            raise ValueError(n)
        return n

    await amap(odd_fails, range(10), progress=True, label="odds", return_exceptions=True)
    (bar,) = FakeBar.instances
    assert (bar.options["total"], bar.options["desc"]) == (10, "odds")
    assert (bar.updates, bar.postfix, bar.closed) == (10, {"failed": 5}, True)


async def test_progress_true_without_tqdm_logs_every_tenth(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Without tqdm installed, progress=True logs a line at each tenth instead of failing."""
    monkeypatch.setitem(sys.modules, "tqdm", None)  # makes `import tqdm` raise ImportError
    with caplog.at_level(logging.INFO, logger="common.batch"):
        await amap(Flight().double, range(50), progress=True)
    lines = [r.getMessage() for r in caplog.records]
    assert lines[0] == "batch: 5/50 done, 0 failed"
    assert lines[-1] == "batch: 50/50 done, 0 failed"
    assert len(lines) == 10


async def test_an_empty_batch_and_bad_concurrency() -> None:
    """No items: an empty result; concurrency below 1 is refused before anything runs."""
    result = await amap(Flight().double, [], concurrency=3)
    assert (len(result), result.failed, result.rate) == (0, 0, 0.0)
    for bad in (0, -1, True):
        with pytest.raises(InvalidRequestError, match="concurrency"):
            await amap(Flight().double, [1], concurrency=bad)

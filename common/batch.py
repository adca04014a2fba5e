"""Bounded-concurrency batches: run one coroutine function over many items, in input order.

::

    result = await batch.map(client.programs.get, ids, concurrency=20, return_exceptions=True)
    for program in result: ...            # a Sequence, one entry per item, in input order
    print(result.summary())               # "500 items in 1.20 s (416.7/s): 497 ok, 3 failed ..."

A fixed number of workers pull from the items' iterator, so a batch of 100 000 items holds at
most ``concurrency`` coroutines at a time (and never a task per item). The items may be any
iterable or async iterable (an :class:`~common.AsyncPager` too: pages are fetched as the
workers need them). ``common.amap`` is this function under a name that does not shadow the
builtin; :meth:`common.SyncRunner.map` runs it from synchronous code.
"""

from __future__ import annotations

import asyncio
import collections
import importlib
import logging
import time
from collections.abc import (
    AsyncIterable,
    AsyncIterator,
    Awaitable,
    Callable,
    Iterable,
    Iterator,
    Sequence,
    Sized,
)
from typing import Any, Generic, Literal, TypeVar, overload

import attrs

from .errors import InvalidRequestError

__all__ = ["BatchFailure", "BatchResult", "ProgressCallback", "map"]

_T = TypeVar("_T")
_R = TypeVar("_R")
_E = TypeVar("_E")

#: Called after every item with ``(done, total)``; ``total`` is ``None`` when unknown.
ProgressCallback = Callable[[int, "int | None"], object]

logger: logging.Logger = logging.getLogger("common.batch")

_PENDING: Any = object()


@attrs.frozen
class BatchFailure:
    """One item that raised: its position in the input, the item, and the error."""

    index: int
    item: Any
    error: Exception


class BatchResult(Sequence[_E], Generic[_E]):
    """The outcome of a batch: a sequence of one result per item, in input order.

    With ``return_exceptions=True`` an item that raised holds its exception, and
    :attr:`failures`, :meth:`failures_by_type` and :meth:`summary` say what went wrong.
    """

    __slots__ = ("_failures", "_results", "elapsed")

    def __init__(self, results: list[_E], failures: Sequence[BatchFailure], elapsed: float) -> None:
        self._results = results
        self._failures = tuple(sorted(failures, key=lambda failure: failure.index))
        #: Seconds from the first item started to the last one finished.
        self.elapsed: float = elapsed

    @overload
    def __getitem__(self, index: int) -> _E: ...

    @overload
    def __getitem__(self, index: slice) -> list[_E]: ...

    def __getitem__(self, index: int | slice) -> _E | list[_E]:
        return self._results[index]

    def __len__(self) -> int:
        return len(self._results)

    def __iter__(self) -> Iterator[_E]:
        return iter(self._results)

    def __repr__(self) -> str:
        return f"<BatchResult {self.summary()}>"

    @property
    def failures(self) -> tuple[BatchFailure, ...]:
        """The items that raised, in input order (empty without ``return_exceptions``)."""
        return self._failures

    @property
    def failed(self) -> int:
        return len(self._failures)

    @property
    def succeeded(self) -> int:
        return len(self._results) - len(self._failures)

    @property
    def rate(self) -> float:
        """Items per second (0 for an empty or instant batch)."""
        return len(self._results) / self.elapsed if self.elapsed > 0 else 0.0

    def failures_by_type(self) -> dict[str, int]:
        """How many items failed with each error type, the most frequent first."""
        counts = collections.Counter(type(f.error).__name__ for f in self._failures)
        return dict(counts.most_common())

    def summary(self) -> str:
        """One line: counts, time, throughput, and the failures by error type."""
        text = (
            f"{len(self)} items in {self.elapsed:.2f} s ({self.rate:.1f}/s): "
            f"{self.succeeded} ok, {self.failed} failed"
        )
        if self._failures:
            kinds = ", ".join(f"{name} x{n}" for name, n in self.failures_by_type().items())
            text += f" ({kinds})"
        return text


@overload
async def map(
    fn: Callable[[_T], Awaitable[_R]],
    items: Iterable[_T] | AsyncIterable[_T],
    *,
    concurrency: int = ...,
    return_exceptions: Literal[False] = ...,
    progress: bool | ProgressCallback | None = ...,
    total: int | None = ...,
    label: str | None = ...,
) -> BatchResult[_R]: ...


@overload
async def map(
    fn: Callable[[_T], Awaitable[_R]],
    items: Iterable[_T] | AsyncIterable[_T],
    *,
    concurrency: int = ...,
    return_exceptions: bool,
    progress: bool | ProgressCallback | None = ...,
    total: int | None = ...,
    label: str | None = ...,
) -> BatchResult[_R | Exception]: ...


async def map(
    fn: Callable[[_T], Awaitable[_R]],
    items: Iterable[_T] | AsyncIterable[_T],
    *,
    concurrency: int = 10,
    return_exceptions: bool = False,
    progress: bool | ProgressCallback | None = None,
    total: int | None = None,
    label: str | None = None,
) -> BatchResult[Any]:
    """``await fn(item)`` for every item, at most *concurrency* at a time; results in order.

    - ``return_exceptions=False``: the first item that raises cancels the others (every
      task has finished when this returns) and its error is raised.
    - ``return_exceptions=True``: an item's :class:`Exception` takes its place in the result;
      at the end a summary of the failures by error type is logged (logger
      ``common.batch``, level WARNING) and is in :meth:`BatchResult.summary`.
    - ``progress``: a callable getting ``(done, total)`` after every item, or ``True`` for a
      tqdm bar (tqdm is optional and imported only then; without it a log line at every
      tenth). *total* overrides ``len(items)`` for iterators; *label* names the bar.

    Errors from the items' iterator, from *progress* and any ``BaseException`` (a
    cancellation, ``KeyboardInterrupt``) end the whole batch, whatever ``return_exceptions``.
    """
    if isinstance(concurrency, bool) or concurrency < 1:
        raise InvalidRequestError(f"concurrency must be an int >= 1, got {concurrency!r}")
    if total is None and isinstance(items, Sized):
        total = len(items)
    reporter = _reporter(progress, total, label)
    batch = _Batch(fn, items, return_exceptions=return_exceptions, reporter=reporter)
    started = time.perf_counter()
    try:
        await batch.run(concurrency if total is None else max(1, min(concurrency, total)))
    finally:
        reporter.close()
    result: BatchResult[Any] = BatchResult(
        batch.results, batch.failures, time.perf_counter() - started
    )
    if result.failures:
        logger.warning("batch%s: %s", f" {label}" if label else "", result.summary())
    return result


class _Batch(Generic[_T, _R]):
    """The shared state of one batch: the source, the results, the failures."""

    def __init__(
        self,
        fn: Callable[[_T], Awaitable[_R]],
        items: Iterable[_T] | AsyncIterable[_T],
        *,
        return_exceptions: bool,
        reporter: _Reporter,
    ) -> None:
        self.fn = fn
        self.items = items
        self.return_exceptions = return_exceptions
        self.reporter = reporter
        self.results: list[Any] = []
        self.failures: list[BatchFailure] = []
        self.error: BaseException | None = None  # the first item error (return_exceptions off)
        self.exhausted = False
        self.sync_source: Iterator[_T] | None = None
        self.async_source: AsyncIterator[_T] | None = None
        self.pull_lock = asyncio.Lock()

    async def run(self, workers: int) -> None:
        owned: AsyncIterator[_T] | None = None
        if isinstance(self.items, AsyncIterable):
            self.async_source = aiter(self.items)
            owned = None if self.async_source is self.items else self.async_source
        else:
            self.sync_source = iter(self.items)
        tasks = [
            asyncio.create_task(
                self.work_async() if self.sync_source is None else self.work_sync(self.sync_source)
            )
            for _ in range(workers)
        ]
        try:
            await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
        finally:
            # Reached on an error, or when this batch is cancelled: no task outlives it.
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            aclose = getattr(owned, "aclose", None)
            if aclose is not None:
                await aclose()
        if self.error is not None:
            raise self.error
        for task in tasks:
            if task.cancelled():  # an item raised CancelledError on its own
                raise asyncio.CancelledError()
            error = task.exception()
            if error is not None:  # from the items' iterator or the progress callback
                raise error

    async def pull(self) -> tuple[int, _T] | None:
        """The next item of an async iterable, and its index (``None`` once it is done)."""
        assert self.async_source is not None
        async with self.pull_lock:  # an async iterator is advanced by one worker at a time
            if self.exhausted:
                return None
            try:
                item = await anext(self.async_source)
            except StopAsyncIteration:
                self.exhausted = True
                return None
        self.results.append(_PENDING)
        return len(self.results) - 1, item

    async def work_async(self) -> None:
        """A worker over an async iterable (its items pulled under a lock)."""
        fn, results, reporter = self.fn, self.results, self.reporter
        report = reporter.active()
        while (pulled := await self.pull()) is not None:
            index, item = pulled
            try:
                results[index] = await fn(item)
            except Exception as error:
                if not self.return_exceptions:
                    self.stop(error)
                    raise
                self.record(index, item, error)
            else:
                if report:
                    reporter.advance(failed=False)

    async def work_sync(self, source: Iterator[_T]) -> None:
        """A worker over a plain iterable: the common case, so everything it needs per item
        is at hand and nothing is called beyond ``next()`` and the item's coroutine. Workers
        only switch at ``await``, so each ``next()`` is one worker's."""
        fn, results, reporter = self.fn, self.results, self.reporter
        report = reporter.active()
        pull = source.__next__
        while not self.exhausted:  # the source ran out, or an item failed (no more pulls)
            try:
                item = pull()
            except StopIteration:
                self.exhausted = True
                return
            index = len(results)
            results.append(_PENDING)
            try:
                results[index] = await fn(item)
            except Exception as error:
                if not self.return_exceptions:
                    self.stop(error)
                    raise
                self.record(index, item, error)
            else:
                if report:
                    reporter.advance(failed=False)

    def stop(self, error: Exception) -> None:
        """An item failed without return_exceptions: no worker pulls another item."""
        if self.error is None:
            self.error = error
        self.exhausted = True

    def record(self, index: int, item: _T, error: Exception) -> None:
        """An item failed with return_exceptions: its error takes its place."""
        self.results[index] = error
        self.failures.append(BatchFailure(index, item, error))
        self.reporter.advance(failed=True)


# -- progress -------------------------------------------------------------------------------


class _Reporter:
    """Progress as the caller asked for it: nothing, a callback, a tqdm bar or log lines."""

    __slots__ = ("bar", "callback", "done", "failed", "next_log", "total")

    def __init__(
        self, *, total: int | None, callback: ProgressCallback | None = None, bar: Any = None
    ) -> None:
        self.total = total
        self.callback = callback
        self.bar = bar
        self.done = 0
        self.failed = 0
        self.next_log = -1  # the count at which to log next; -1: never

    def active(self) -> bool:
        """Whether :meth:`advance` shows anything (otherwise workers need not call it)."""
        return self.callback is not None or self.bar is not None or self.next_log >= 0

    def advance(self, *, failed: bool) -> None:
        self.done += 1
        if failed:
            self.failed += 1
        if self.callback is not None:
            self.callback(self.done, self.total)
        if self.bar is not None:
            if failed:
                self.bar.set_postfix(failed=self.failed, refresh=False)
            self.bar.update(1)
        elif self.done == self.next_log:
            logger.info("batch: %d/%s done, %d failed", self.done, self.total, self.failed)
            self.next_log += max(1, (self.total or 10_000) // 10)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _reporter(
    progress: bool | ProgressCallback | None, total: int | None, label: str | None
) -> _Reporter:
    if progress is None or progress is False:
        return _Reporter(total=total)
    if progress is not True:
        return _Reporter(total=total, callback=progress)
    try:
        tqdm = importlib.import_module("tqdm")  # optional: imported only when a bar is asked
    except ImportError:
        reporter = _Reporter(total=total)
        reporter.next_log = max(1, (total or 10_000) // 10)
        return reporter
    bar = tqdm.tqdm(total=total, desc=label, unit="item", dynamic_ncols=True)
    return _Reporter(total=total, bar=bar)

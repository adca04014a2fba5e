"""Driving async clients from synchronous code: one event loop in a background thread.

::

    with SyncRunner() as run:
        amilia = run.enter(AmiliaClient(organization="demo-org", username=..., password=...))
        program = run.call(amilia.programs.get(1))
        for account in run.iterate(amilia.accounts.list()):  # pages fetched as you go
            ...
        result = run.map(amilia.activities.get, ids, concurrency=20, return_exceptions=True)
    # every entered client is closed, the loop stopped and its thread joined

The runner works from any thread, several at once, including one that already runs an event
loop of its own (a notebook, a sync callback inside an async framework): the coroutines run on
the runner's loop, never on the caller's. A ``KeyboardInterrupt`` (or a ``timeout``) while
:meth:`SyncRunner.call` waits cancels the coroutine in the loop before it propagates, so the
``with`` block still closes the clients and joins the thread.

Everything here is the standard library's ``asyncio.run`` (which tidies up the loop: cancels
what is left, finalises async generators, shuts the default executor down) in a thread, and
``asyncio.run_coroutine_threadsafe`` for each hop into it.
"""

from __future__ import annotations

import asyncio
import atexit
import concurrent.futures
import contextlib
import enum
import inspect
import threading
from collections.abc import (
    AsyncIterable,
    AsyncIterator,
    Awaitable,
    Callable,
    Coroutine,
    Generator,
    Iterable,
)
from contextlib import AbstractAsyncContextManager
from types import TracebackType
from typing import Any, Literal, TypeVar, overload

from . import batch
from .batch import BatchResult, ProgressCallback
from .pagination import AsyncPager

__all__ = ["RunnerState", "SyncRunner"]

_T = TypeVar("_T")
_R = TypeVar("_R")
_S = TypeVar("_S", bound="SyncRunner")

_DONE: Any = object()


class RunnerState(enum.Enum):
    UNSTARTED = "unstarted"
    RUNNING = "running"
    CLOSING = "closing"
    CLOSED = "closed"


class SyncRunner:
    """An event loop in a daemon thread, driven from synchronous code.

    Use it as a context manager (``with SyncRunner() as run:``), or call :meth:`start` (or
    just use it: the first call starts it) and :meth:`close`. A runner runs once; after
    :meth:`close` every method raises ``RuntimeError``.
    """

    def __init__(self, *, name: str = "sync-runner", debug: bool = False) -> None:
        self._name = name
        self._debug = debug
        self._state = RunnerState.UNSTARTED
        self._lock = threading.Lock()  # guards _state and every submission to the loop
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._stack = contextlib.AsyncExitStack()
        self._startup_error: BaseException | None = None

    def __repr__(self) -> str:
        return f"<SyncRunner {self._name!r} {self._state.value}>"

    @property
    def state(self) -> RunnerState:
        return self._state

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        """The runner's event loop (starting the runner if needed)."""
        return self._running_loop()

    # -- lifecycle -------------------------------------------------------------------------

    def __enter__(self: _S) -> _S:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def start(self) -> None:
        """Start the loop's thread and wait until the loop runs. Idempotent while running."""
        with self._lock:
            self._start_locked()

    def _start_locked(self) -> None:
        if self._state is RunnerState.RUNNING:
            return
        if self._state is not RunnerState.UNSTARTED:
            raise RuntimeError(f"this runner is {self._state.value}; make a new one")
        ready = threading.Event()
        thread = threading.Thread(target=self._serve, args=(ready,), name=self._name, daemon=True)
        thread.start()
        ready.wait()
        if self._startup_error is not None:  # pragma: no cover - a broken event loop policy
            thread.join()
            self._state = RunnerState.CLOSED
            raise RuntimeError("the runner's event loop did not start") from self._startup_error
        self._thread = thread
        self._state = RunnerState.RUNNING
        atexit.register(self.close)  # a runner left open still closes its clients at exit

    def _serve(self, ready: threading.Event) -> None:
        async def serve() -> None:
            self._loop = asyncio.get_running_loop()
            self._stop = asyncio.Event()
            ready.set()
            await self._stop.wait()

        try:
            asyncio.run(serve(), debug=self._debug)
        except BaseException as error:  # pragma: no cover - only if the loop cannot start
            self._startup_error = error
        finally:
            ready.set()

    def close(self) -> None:
        """Exit every entered context (last entered, first exited), stop the loop, join it.

        Calls still waiting in other threads are cancelled. Idempotent. An error raised while
        closing an entered context is raised here, after the thread has been joined.
        """
        with self._lock:
            state = self._state
            if state is RunnerState.RUNNING:
                self._check_not_loop_thread()
                self._state = RunnerState.CLOSING  # from here on no submission is accepted
            elif state is RunnerState.UNSTARTED:
                self._state = RunnerState.CLOSED
        if state is not RunnerState.RUNNING:
            closing = self._thread if state is RunnerState.CLOSING else None
            if closing is not None and threading.current_thread() is not closing:
                closing.join()  # another thread is closing it: return once that is done
            return
        atexit.unregister(self.close)
        loop, thread = self._loop, self._thread
        assert loop is not None
        assert thread is not None
        try:
            exiting = asyncio.run_coroutine_threadsafe(self._stack.aclose(), loop)
            try:
                exiting.result()
            except BaseException:
                exiting.cancel()  # a second Ctrl-C: give up closing politely, stop anyway
                raise
        finally:
            loop.call_soon_threadsafe(self._set_stop)
            thread.join()
            self._state = RunnerState.CLOSED

    def _set_stop(self) -> None:
        assert self._stop is not None
        self._stop.set()

    # -- running coroutines ----------------------------------------------------------------

    def call(self, awaitable: Awaitable[_T], *, timeout: float | None = None) -> _T:
        """Run *awaitable* (a coroutine, a task, a pager's first page...) on the loop; its result.

        Blocks the calling thread until it is done. Its exception is raised here. On
        *timeout* (seconds) or a ``KeyboardInterrupt`` while waiting, the coroutine is
        cancelled in the loop and the exception (``TimeoutError``, ``KeyboardInterrupt``)
        propagates.
        """
        future: concurrent.futures.Future[_T] | None = None
        try:
            future = self._submit(_await(awaitable))
            return future.result(timeout)
        except concurrent.futures.TimeoutError:
            if future is None or future.done():  # the coroutine's own TimeoutError
                raise
            future.cancel()
            raise TimeoutError(f"no result within {timeout} s; the call was cancelled") from None
        except BaseException:
            if future is not None:
                # Ctrl-C in this thread: cancel the coroutine in the loop too (a no-op when it
                # is done: then this is its own exception). The cancellation is queued before
                # anything submitted after it, such as the close that follows.
                future.cancel()
            elif inspect.iscoroutine(awaitable):
                awaitable.close()  # never sent to the loop: close it instead of a warning
            raise

    def enter(self, context: AbstractAsyncContextManager[_T]) -> _T:
        """Enter an async context manager (a client, an emulator) on the loop; its value.

        It is exited when the runner closes, after every context entered later.
        """
        return self.call(self._stack.enter_async_context(context))

    def iterate(self, iterable: AsyncIterable[_T]) -> Generator[_T, None, None]:
        """A plain iterator over an async iterable; nothing is fetched before ``next()``.

        An :class:`~common.AsyncPager` is walked a page per hop into the loop (each page
        fetched when the items before it are used up); any other async iterable an item per
        hop. Closing the generator (``.close()``, or its collection after a ``break``) closes
        the async iterator too, so prefetched pages are cancelled.
        """
        if isinstance(iterable, AsyncPager):
            return self._iterate_pages(iterable)
        return self._iterate_items(iterable)

    @overload
    def map(
        self,
        fn: Callable[[_T], Awaitable[_R]],
        items: Iterable[_T] | AsyncIterable[_T],
        *,
        concurrency: int = ...,
        return_exceptions: Literal[False] = ...,
        progress: bool | ProgressCallback | None = ...,
        total: int | None = ...,
        label: str | None = ...,
        timeout: float | None = ...,
    ) -> BatchResult[_R]: ...

    @overload
    def map(
        self,
        fn: Callable[[_T], Awaitable[_R]],
        items: Iterable[_T] | AsyncIterable[_T],
        *,
        concurrency: int = ...,
        return_exceptions: bool,
        progress: bool | ProgressCallback | None = ...,
        total: int | None = ...,
        label: str | None = ...,
        timeout: float | None = ...,
    ) -> BatchResult[_R | Exception]: ...

    def map(
        self,
        fn: Callable[[_T], Awaitable[_R]],
        items: Iterable[_T] | AsyncIterable[_T],
        *,
        concurrency: int = 10,
        return_exceptions: bool = False,
        progress: bool | ProgressCallback | None = None,
        total: int | None = None,
        label: str | None = None,
        timeout: float | None = None,
    ) -> BatchResult[Any]:
        """:func:`common.batch.map` from sync code: the whole batch runs inside the loop.

        *fn* is a coroutine function (``client.programs.get``); results come back in input
        order, as a :class:`~common.BatchResult`. One hop into the loop for the whole batch,
        so it runs as fast as in async code. The items are read, and the *progress* callback
        called, on the loop's thread. *timeout* (seconds) is for the whole batch.
        """
        return self.call(
            batch.map(
                fn,
                items,
                concurrency=concurrency,
                return_exceptions=return_exceptions,
                progress=progress,
                total=total,
                label=label,
            ),
            timeout=timeout,
        )

    # -- machinery -------------------------------------------------------------------------

    def _running_loop(self) -> asyncio.AbstractEventLoop:
        if self._state is RunnerState.UNSTARTED:
            self.start()  # first use without `with` or start(): start now
        state, loop = self._current(), self._loop
        if state is not RunnerState.RUNNING or loop is None:
            raise RuntimeError(f"this runner is {state.value}")
        return loop

    def _current(self) -> RunnerState:
        return self._state  # a call, so that type checkers do not keep an earlier narrowing

    def _check_not_loop_thread(self) -> None:
        if self._thread is not None and threading.current_thread() is self._thread:
            raise RuntimeError(
                "a SyncRunner cannot wait on its own loop's thread; await the coroutine instead"
            )

    def _submit(self, coroutine: Coroutine[Any, Any, _T]) -> concurrent.futures.Future[_T]:
        try:
            loop = self._running_loop()
            self._check_not_loop_thread()
            with self._lock:  # so that close() cannot stop the loop between check and submit
                if self._current() is not RunnerState.RUNNING:
                    raise RuntimeError(f"this runner is {self._state.value}")
                return asyncio.run_coroutine_threadsafe(coroutine, loop)
        except BaseException:
            coroutine.close()  # never awaited: say so quietly instead of with a warning
            raise

    def _iterate_items(self, iterable: AsyncIterable[_T]) -> Generator[_T, None, None]:
        iterator = aiter(iterable)
        try:
            while (item := self.call(_next(iterator))) is not _DONE:
                yield item
        finally:
            self._aclose_quietly(iterator)

    def _iterate_pages(self, pager: AsyncPager[_T]) -> Generator[_T, None, None]:
        pages = pager.pages()
        try:
            while (page := self.call(_next(pages))) is not _DONE:
                yield from page.items
        finally:
            self._aclose_quietly(pages)

    def _aclose_quietly(self, iterator: AsyncIterator[Any]) -> None:
        aclose = getattr(iterator, "aclose", None)
        if aclose is None:
            return
        usable = self._state is RunnerState.RUNNING and (
            self._thread is None or threading.current_thread() is not self._thread
        )
        if usable:  # otherwise the loop finalises the generator as it shuts down
            with contextlib.suppress(RuntimeError):
                self.call(aclose())


async def _await(awaitable: Awaitable[_T]) -> _T:
    return await awaitable


async def _next(iterator: AsyncIterator[_T]) -> _T:
    try:
        return await anext(iterator)
    except StopAsyncIteration:
        return _DONE  # type: ignore[no-any-return]

"""SyncRunner: vendor clients from plain synchronous code, on a loop in a background thread."""

from __future__ import annotations

import asyncio
import concurrent.futures
import itertools
import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from amilia_async import AmiliaClient, NotFoundError
from amilia_async.emulator import AmiliaEmulator
from common import RunnerState, SyncRunner

ROOT = Path(__file__).resolve().parents[2]


def amilia_client(emulator: AmiliaEmulator) -> AmiliaClient:
    return AmiliaClient(
        organization="demo-org",
        username=emulator.username,
        password=emulator.password,
        base_url=emulator.url,
        rate_limit=None,
    )


@pytest.fixture
def run() -> Iterator[SyncRunner]:
    with SyncRunner(name="test-runner") as runner:
        yield runner


@pytest.fixture
def emulator(run: SyncRunner) -> AmiliaEmulator:
    """The Amilia emulator, served by the runner's own loop."""
    return run.enter(AmiliaEmulator(organization="demo-org", rate_limit=None))


@pytest.fixture
def amilia(run: SyncRunner, emulator: AmiliaEmulator) -> AmiliaClient:
    return run.enter(amilia_client(emulator))


def state(run: SyncRunner) -> RunnerState:
    return run.state


def runner_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("test-runner")]


def test_call_returns_results_and_raises_typed_errors(
    run: SyncRunner, amilia: AmiliaClient
) -> None:
    """A call gives the coroutine's value; an API error arrives with its own type."""
    program = run.call(amilia.programs.get(1))
    assert (program.id, program.name) == (1, "Aquatics")
    first_page = run.call(amilia.programs.list())  # any awaitable, not only coroutines
    assert len(first_page.items) == 4
    with pytest.raises(NotFoundError) as caught:
        run.call(amilia.programs.get(424242))
    assert caught.value.status == 404


async def test_works_from_a_thread_whose_loop_is_running() -> None:
    """Called from inside a coroutine: no "event loop is already running", own loop used."""
    caller_loop = asyncio.get_running_loop()
    with SyncRunner(name="test-runner") as run:
        emulator = run.enter(AmiliaEmulator(organization="demo-org", rate_limit=None))
        amilia = run.enter(amilia_client(emulator))
        assert run.call(amilia.programs.get(2)).id == 2
        assert run.loop is not caller_loop
        assert run.call(_running_loop()) is run.loop
    assert amilia.is_closed


async def _running_loop() -> asyncio.AbstractEventLoop:
    return asyncio.get_running_loop()


def test_four_threads_share_one_runner_and_one_client(
    run: SyncRunner, emulator: AmiliaEmulator, amilia: AmiliaClient
) -> None:
    """Four threads call, iterate and map at once; one client, one login, right answers."""
    barrier = threading.Barrier(4)

    def job(worker: int) -> tuple[int, list[int], int]:
        barrier.wait()
        program = run.call(amilia.programs.get(1 + worker))
        ids = run.map(lambda n: _program_id(amilia, n), [1, 2, 3, 4] * 5, concurrency=5)
        accounts = sum(1 for _ in run.iterate(amilia.accounts.list()))
        return program.id, list(ids), accounts

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        results = list(pool.map(job, range(4)))
    assert results == [(1 + w, [1, 2, 3, 4] * 5, 450) for w in range(4)]
    assert emulator.authenticate_calls == 1


async def _program_id(amilia: AmiliaClient, number: int) -> int:
    return (await amilia.programs.get(number)).id


def test_an_exception_in_the_block_still_closes_clients_and_joins_the_thread() -> None:
    """The with block's exception propagates unchanged; clients closed, thread gone."""
    run = SyncRunner(name="test-runner")
    emulator = AmiliaEmulator(organization="demo-org", rate_limit=None)
    amilia: list[AmiliaClient] = []

    def job() -> None:
        with run:
            amilia.append(run.enter(amilia_client(run.enter(emulator))))
            run.call(amilia[0].programs.get(1))
            raise ZeroDivisionError

    with pytest.raises(ZeroDivisionError):
        job()
    assert amilia[0].is_closed
    assert not emulator.server.running
    assert run.state is RunnerState.CLOSED
    assert runner_threads() == []


class Recorder:
    """An async context manager that logs entering and exiting."""

    def __init__(self, name: str, log: list[str]) -> None:
        self.name, self.log = name, log

    async def __aenter__(self) -> str:
        self.log.append(f"enter {self.name}")
        return self.name

    async def __aexit__(self, *exc_info: object) -> None:
        self.log.append(f"exit {self.name}")


def test_close_exits_contexts_last_first_and_is_final() -> None:
    """close() exits entered contexts in reverse, joins the thread, is idempotent; no reuse."""
    log: list[str] = []
    run = SyncRunner(name="test-runner")
    assert state(run) is RunnerState.UNSTARTED
    assert run.enter(Recorder("a", log)) == "a"  # first use starts it
    run.enter(Recorder("b", log))
    assert state(run) is RunnerState.RUNNING
    run.close()
    run.close()
    assert log == ["enter a", "enter b", "exit b", "exit a"]
    assert state(run) is RunnerState.CLOSED
    assert runner_threads() == []
    coroutine = asyncio.sleep(0)
    with pytest.raises(RuntimeError, match="closed"):
        run.call(coroutine)
    with pytest.raises(RuntimeError, match="closed"):
        run.start()


def test_a_timeout_cancels_the_coroutine_in_the_loop(run: SyncRunner) -> None:
    """Giving up on a call (timeout here, Ctrl-C alike) cancels its coroutine in the loop."""
    cancelled = threading.Event()

    async def slow() -> None:
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    with pytest.raises(TimeoutError, match=r"no result within 0\.05 s"):
        run.call(slow(), timeout=0.05)
    assert cancelled.wait(5)
    assert run.call(_answer()) == 42  # the runner carries on


async def _answer() -> int:
    return 42


def test_close_cancels_calls_waiting_in_other_threads() -> None:
    """A call still waiting in another thread when the runner closes ends cancelled."""
    run = SyncRunner(name="test-runner")
    run.start()
    outcome: list[BaseException] = []
    started = threading.Event()

    async def slow() -> None:
        started.set()
        await asyncio.sleep(30)

    def waiter() -> None:
        try:
            run.call(slow())
        except BaseException as error:
            outcome.append(error)

    thread = threading.Thread(target=waiter)
    thread.start()
    assert started.wait(5)
    run.close()
    thread.join(5)
    assert [type(e) for e in outcome] == [concurrent.futures.CancelledError]


def test_calling_from_the_loop_thread_is_refused(run: SyncRunner) -> None:
    """Blocking on the runner from its own loop would deadlock: it raises instead."""

    async def reentrant() -> Any:
        return run.call(_answer())

    with pytest.raises(RuntimeError, match="own loop"):
        run.call(reentrant())


def test_iterate_is_lazy_and_walks_a_pager_page_by_page(
    run: SyncRunner, emulator: AmiliaEmulator, amilia: AmiliaClient
) -> None:
    """Nothing is fetched before next(); each page when needed; breaking stops fetching."""
    expected = [a.id for a in run.call(amilia.accounts.list().collect())]
    served = len(emulator.server.requests)
    accounts = run.iterate(amilia.accounts.list().with_options(page_size=100))
    assert len(emulator.server.requests) == served
    assert next(accounts).id == expected[0]
    assert len(emulator.server.requests) == served + 1
    following = [account.id for account in itertools.islice(accounts, 150)]
    assert following == expected[1:151]
    assert len(emulator.server.requests) == served + 2
    accounts.close()  # leaving early: the third page is never asked for
    assert len(emulator.server.requests) == served + 2
    assert [account.id for account in run.iterate(amilia.accounts.list())] == expected


def test_iterate_takes_any_async_iterable(run: SyncRunner) -> None:
    """A plain async generator is iterated item by item."""

    async def countdown() -> Any:
        for n in (3, 2, 1):
            await asyncio.sleep(0)
            yield n

    assert list(run.iterate(countdown())) == [3, 2, 1]


def test_map_runs_the_whole_batch_in_one_hop(
    run: SyncRunner, amilia: AmiliaClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """run.map is one submission to the loop, results in order, errors in place."""
    hops = 0
    submit = run._submit

    def counting(coroutine: Any) -> Any:
        nonlocal hops
        hops += 1
        return submit(coroutine)

    monkeypatch.setattr(run, "_submit", counting)
    result = run.map(amilia.programs.get, [4, 3, 99, 2, 1], concurrency=3, return_exceptions=True)
    assert hops == 1
    assert [p if isinstance(p, Exception) else p.id for p in result][:2] == [4, 3]
    assert isinstance(result[2], NotFoundError)
    assert result.failures_by_type() == {"NotFoundError": 1}
    with pytest.raises(NotFoundError):
        run.map(amilia.programs.get, [1, 99, 2])


def test_map_timeout_cancels_the_whole_batch(run: SyncRunner) -> None:
    """timeout= is for the whole batch: on expiry the items in flight are cancelled in the
    loop, no further item starts, and the runner carries on."""
    started: list[int] = []
    cancelled: list[int] = []
    all_cancelled = threading.Event()

    async def slow(n: int) -> int:
        started.append(n)
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            cancelled.append(n)
            if len(cancelled) == 4:
                all_cancelled.set()
            raise
        return n

    with pytest.raises(TimeoutError, match=r"no result within 0\.05 s"):
        run.map(slow, range(100), concurrency=4, timeout=0.05)
    assert all_cancelled.wait(5)
    assert run.call(_answer()) == 42
    assert sorted(started) == sorted(cancelled) == [0, 1, 2, 3]


def test_map_reads_a_generator_lazily_on_the_loop_thread(run: SyncRunner) -> None:
    """The items are read on the runner's thread, each just before its coroutine starts."""
    readers: set[str] = set()
    pulled = 0
    seen: dict[int, int] = {}

    def numbers() -> Iterator[int]:
        nonlocal pulled
        for n in range(30):
            readers.add(threading.current_thread().name)
            pulled += 1
            yield n

    async def note(n: int) -> int:
        seen[n] = pulled
        await asyncio.sleep(0.001 * (n % 4))
        return n * 3

    result = run.map(note, numbers(), concurrency=5)
    assert list(result) == [n * 3 for n in range(30)]
    assert seen == {n: n + 1 for n in range(30)}
    assert readers == {"test-runner"}


CTRL_C = textwrap.dedent(
    """
    import asyncio, os, re, signal, threading

    from amilia_async import AmiliaClient
    from amilia_async.emulator import AmiliaEmulator
    from common import SyncRunner
    from common.testing import Fault

    seen = []

    async def watched(awaitable):
        try:
            return await awaitable
        except asyncio.CancelledError:
            seen.append("request cancelled")
            raise

    try:
        with SyncRunner(name="ctrl-c") as run:
            emulator = run.enter(AmiliaEmulator(organization="demo-org"))
            amilia = run.enter(AmiliaClient(organization="demo-org", base_url=emulator.url,
                username=emulator.username, password=emulator.password))
            run.call(amilia.programs.get(1))
            emulator.server.faults.add(Fault.latency(30), path=re.compile(".*/programs/2"))

            def press_ctrl_c():
                while len(emulator.server.requests) < 3:  # login, program 1, program 2
                    threading.Event().wait(0.01)
                os.kill(os.getpid(), signal.SIGINT)

            threading.Thread(target=press_ctrl_c, daemon=True).start()
            run.call(watched(amilia.programs.get(2)))
            print("not interrupted")
    except KeyboardInterrupt:
        print("KeyboardInterrupt")
    print(*seen)
    print("client closed:", amilia.is_closed, "emulator running:", emulator.server.running)
    print("runner:", run.state.value, "threads:", [t.name for t in threading.enumerate()])
    """
)


def test_ctrl_c_while_waiting_cancels_the_request_and_closes_cleanly() -> None:
    """SIGINT during a call: the request is cancelled, clients closed, the thread joined."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", CTRL_C],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "KeyboardInterrupt",
        "request cancelled",
        "client closed: True emulator running: False",
        "runner: closed threads: ['MainThread']",
    ]


def test_the_coroutines_own_timeout_error_is_not_mistaken_for_the_calls(
    run: SyncRunner,
) -> None:
    """A TimeoutError raised by the coroutine itself comes through as it is."""

    async def gives_up() -> None:
        await asyncio.wait_for(asyncio.sleep(30), 0.001)

    with pytest.raises(TimeoutError) as caught:
        run.call(gives_up(), timeout=10)
    assert "no result within" not in str(caught.value)

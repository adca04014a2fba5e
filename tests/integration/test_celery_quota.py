"""Celery workers in separate processes spend one vendor quota together (``examples.celery_job``).

The test starts a throw-away ``redis-server`` (the broker, the results and the shared quota),
two Celery worker processes and the producer, all on loopback, against the Amilia emulator in
this process with its server-side limit set to the quota. The job sends six times the quota:
the emulator must never see more than the quota in any window, and answer no 429.

Needs ``redis-server`` and Celery; without either the test is skipped with the command that
installs it.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import json
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator, Sequence
from pathlib import Path

import pytest

from amilia_async.emulator import AmiliaEmulator

REDIS_MISSING = "redis-server is not installed: apt-get install redis-server (bash .ci/run does)"
CELERY_MISSING = "Celery is not installed: .venv/bin/pip install 'celery[redis]>=5.4'"

if shutil.which("redis-server") is None:  # pragma: no cover - depends on the machine
    pytest.skip(REDIS_MISSING, allow_module_level=True)
if importlib.util.find_spec("celery") is None:  # pragma: no cover - depends on the extras
    pytest.skip(CELERY_MISSING, allow_module_level=True)

ROOT = Path(__file__).resolve().parents[2]

#: The quota: this many calls in any window of PER seconds, for the workers and the emulator.
QUOTA, PER = 10, 1.0
#: How long each call holds its window beyond PER (the limiter's default is 0.1 s): the
#: headroom for a busy CI machine delaying a request between the limiter and the emulator.
MARGIN = 0.2
#: Accounts fetched (one call each) and accounts per task.
ACCOUNTS, CHUNK = 60, 5
WORKERS = 2


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def _stop(process: subprocess.Popen[bytes], *, grace: float) -> None:
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:  # pragma: no cover - a wedged process
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A redis-server on 127.0.0.1 (no persistence), stopped after the module."""
    port, workdir = _free_port(), tmp_path_factory.mktemp("redis")
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
               "--appendonly", "no", "--dir", str(workdir)]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while True:
            assert process.poll() is None, f"redis-server exited with {process.returncode}"
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port)) as s:
                s.sendall(b"PING\r\n")
                if s.recv(64).startswith(b"+PONG"):
                    break
            assert time.monotonic() < deadline, "redis-server did not answer PING within 10 s"
            time.sleep(0.02)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        _stop(process, grace=5)


@contextlib.asynccontextmanager
async def celery_workers(
    count: int, env: dict[str, str], logs: Path
) -> AsyncIterator[list[asyncio.subprocess.Process]]:
    """*count* ``celery worker`` processes (solo pool: one task at a time each), stopped
    with SIGTERM (Celery's warm shutdown) at the end, killed if they linger."""
    processes: list[asyncio.subprocess.Process] = []
    try:
        for number in range(1, count + 1):
            with (logs / f"worker{number}.log").open("wb") as log:
                process = await asyncio.create_subprocess_exec(
                    sys.executable, "-m", "celery", "-A", "examples.celery_job", "worker",
                    "--pool=solo", "--concurrency=1", f"--hostname=w{number}@quota-test",
                    "--loglevel=WARNING", "--without-gossip", "--without-mingle",
                    cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                )  # fmt: skip
            processes.append(process)
        yield processes
    finally:
        for process in processes:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
        for process in processes:
            try:
                await asyncio.wait_for(process.wait(), timeout=10)
            except asyncio.TimeoutError:  # pragma: no cover - a wedged worker
                process.kill()
                await process.wait()


def _worker_logs(folder: Path) -> str:
    return "\n".join(
        f"== {path.name}\n{path.read_text()}" for path in sorted(folder.glob("worker*.log"))
    )


def _busiest_window(times: Sequence[float], per: float) -> int:
    """The most requests in any window ``(t - per, t]``, as the emulator counts them."""
    ordered, start, busiest = sorted(times), 0, 0
    for end, now in enumerate(ordered):
        while ordered[start] <= now - per:
            start += 1
        busiest = max(busiest, end - start + 1)
    return busiest


async def test_two_worker_processes_never_exceed_the_shared_quota(
    redis_url: str, tmp_path: Path
) -> None:
    """60 accounts in 12 tasks over 2 workers, at a quota of 10 a second: every call answered
    200 (no 429, so none retried), never more than 10 in any second at the emulator, both
    workers busy, and the calls spread over at least six windows."""
    async with AmiliaEmulator(organization="celery-org", rate_limit=QUOTA) as emulator:
        env = {
            **os.environ,
            "JOB_REDIS_URL": redis_url,
            "JOB_QUOTA": str(QUOTA),
            "JOB_QUOTA_MARGIN": str(MARGIN),
            "JOB_CONCURRENCY": "5",
            "AMILIA_BASE_URL": emulator.url,
            "AMILIA_ORGANIZATION": emulator.organization,
            "AMILIA_USERNAME": emulator.username,
            "AMILIA_PASSWORD": emulator.password,
        }
        async with celery_workers(WORKERS, env, tmp_path) as workers:
            producer = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "examples.celery_job",
                "--accounts", f"1-{ACCOUNTS}", "--chunk", str(CHUNK),
                "--wait-workers", str(WORKERS), "--timeout", "40", "--json",
                cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            )  # fmt: skip
            try:
                out, err = await asyncio.wait_for(producer.communicate(), timeout=50)
            finally:
                if producer.returncode is None:  # pragma: no cover - the job hung
                    producer.kill()
                    await producer.communicate()
            assert [worker.returncode for worker in workers] == [None] * WORKERS
        if producer.returncode != 0:
            pytest.fail(f"the producer failed: {err.decode()}\n{_worker_logs(tmp_path)}")
        log = list(emulator.server.requests)

    figures = json.loads(out)
    assert figures["fetched"] == ACCOUNTS
    assert figures["failed"] == []
    assert figures["tasks"] == ACCOUNTS // CHUNK
    assert len(figures["chunks_by_worker"]) == WORKERS  # the work really was spread
    assert figures["contacts"] == sum(
        len(emulator.data.contacts.get(account_id, [])) for account_id in range(1, ACCOUNTS + 1)
    )
    # One login per worker process, then one call per account: nothing was refused and retried.
    logins = [entry for entry in log if entry.path.endswith("/authenticate")]
    assert len(logins) == WORKERS
    assert len(log) == ACCOUNTS + WORKERS
    assert {entry.status for entry in log} == {200}
    arrivals = [entry.time for entry in log]
    assert _busiest_window(arrivals, PER) <= QUOTA
    # The quota was the bottleneck: 62 calls at 10 a window need at least seven windows.
    assert max(arrivals) - min(arrivals) >= (math.ceil(len(log) / QUOTA) - 1) * PER

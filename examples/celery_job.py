"""Past one machine: a sync job fanned out over Celery workers, all on one vendor quota.

A producer splits a list of Amilia accounts into chunks and sends one Celery task per chunk;
any number of worker processes, on any number of hosts, fetch each account's contacts. Each
worker process keeps one :class:`~amilia_async.AmiliaClient` open in a
:class:`~common.SyncRunner` (Celery tasks are plain synchronous functions) and paces it with a
:class:`~common.limits_redis.RedisRateLimiter` whose key names the organization, so all the
workers together spend one quota and never exceed it, however many there are.

Run it (Redis 5+ reachable by every process; ``pip install '.[redis]' 'celery[redis]>=5.4'``)::

    export JOB_REDIS_URL=redis://cache:6379/0 AMILIA_ORGANIZATION=... AMILIA_USERNAME=... \\
           AMILIA_PASSWORD=...
    celery -A examples.celery_job worker --pool=solo --hostname=w1@%h   # one per process;
    celery -A examples.celery_job worker --pool=solo --hostname=w2@%h   # or --concurrency=N
    python -m examples.celery_job --accounts 1-470 --chunk 10 --wait-workers 2

Settings, read from the environment when the module is imported (so the workers and the
producer agree on them):

* ``JOB_REDIS_URL``: the broker, the result store and the shared quota
  (``redis://127.0.0.1:6379/0``).
* ``JOB_QUOTA``: calls per second that all the workers together may make (100, Amilia's
  documented limit). ``JOB_QUOTA_MARGIN``: seconds each call occupies its window beyond the
  second (0.1, the limiter's default: at most 100 calls in any 1.1 s, strictly inside the
  limit; raise it when workers are far from the vendor or busy). ``JOB_CONCURRENCY``: calls
  in flight per worker process (10).
* ``AMILIA_BASE_URL`` (``https://app.amilia.com``), ``AMILIA_ORGANIZATION``,
  ``AMILIA_USERNAME``, ``AMILIA_PASSWORD``: the account.

Amilia counts its limit per IP address: workers that reach it through one egress address (a
NAT gateway, the usual cloud set-up) share one budget, which is what this example assumes.
Workers behind different egress addresses could each use their own key.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sys
import threading
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from amilia_async import AmiliaClient
from amilia_async.models import Contact
from common import ApiError, RateLimit, SyncRunner
from common.limits_redis import RedisRateLimiter

try:
    from celery import Celery, group
    from celery.signals import worker_process_shutdown, worker_shutdown
except ImportError as err:  # pragma: no cover - depends on the installed extras
    raise ImportError("examples.celery_job needs Celery: pip install 'celery[redis]>=5.4'") from err

__all__ = ["JobSettings", "app", "contacts_of_accounts", "fan_out", "main"]

#: Amilia's documented limit: 100 calls per second (per IP address).
DEFAULT_QUOTA = 100


@attrs.frozen(kw_only=True)
class JobSettings:
    """What every process of the job must agree on; see the module docs for the variables."""

    redis_url: str = "redis://127.0.0.1:6379/0"
    quota: int = DEFAULT_QUOTA
    margin: float = 0.1
    concurrency: int = 10
    base_url: str = "https://app.amilia.com"
    organization: str = ""
    username: str = ""
    password: str = attrs.field(default="", repr=False)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> JobSettings:
        """The settings from ``JOB_*`` and ``AMILIA_*`` variables (defaults where unset)."""
        defaults = cls()
        return cls(
            redis_url=environ.get("JOB_REDIS_URL", defaults.redis_url),
            quota=int(environ.get("JOB_QUOTA", defaults.quota)),
            margin=float(environ.get("JOB_QUOTA_MARGIN", defaults.margin)),
            concurrency=int(environ.get("JOB_CONCURRENCY", defaults.concurrency)),
            base_url=environ.get("AMILIA_BASE_URL", defaults.base_url),
            organization=environ.get("AMILIA_ORGANIZATION", ""),
            username=environ.get("AMILIA_USERNAME", ""),
            password=environ.get("AMILIA_PASSWORD", ""),
        )

    @property
    def quota_key(self) -> str:
        """The Redis key of the shared budget: one per vendor account."""
        return f"amilia:{self.organization}"


SETTINGS = JobSettings.from_env()

app = Celery("examples.celery_job", broker=SETTINGS.redis_url, backend=SETTINGS.redis_url)
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    # A chunk takes a while: each worker takes one task at a time, and acknowledges it once
    # done, so a worker that dies mid-chunk leaves it to another.
    worker_prefetch_multiplier=1,
    task_acks_late=True,
    result_expires=3600,
    broker_connection_retry_on_startup=True,
)


# -- one client per worker process ------------------------------------------------------------


@attrs.define(eq=False)
class _Worker:
    """What one worker process keeps open between tasks."""

    pid: int
    runner: SyncRunner
    amilia: AmiliaClient


_worker: _Worker | None = None
_worker_lock = threading.Lock()


def _open_worker(settings: JobSettings) -> _Worker:
    runner = SyncRunner(name="celery-job")
    limiter = RedisRateLimiter(
        RateLimit(rate=settings.quota),
        url=settings.redis_url,
        key=settings.quota_key,
        margin=settings.margin,
    )
    runner.enter(limiter)  # closed when the runner closes, after the client
    amilia = runner.enter(
        AmiliaClient(
            organization=settings.organization,
            username=settings.username,
            password=settings.password,
            base_url=settings.base_url,
            rate_limit=limiter,  # the shared budget: every worker waits on the same key
            max_concurrency=settings.concurrency,
        )
    )
    return _Worker(pid=os.getpid(), runner=runner, amilia=amilia)


def _this_worker() -> _Worker:
    """This process's client, opened on first use (after Celery forked, never before)."""
    global _worker
    with _worker_lock:
        if _worker is None or _worker.pid != os.getpid():
            _worker = _open_worker(SETTINGS)
        return _worker


@worker_process_shutdown.connect
@worker_shutdown.connect
def close_worker(**_: Any) -> None:
    """Close the client, the limiter and the runner's thread as the worker stops."""
    global _worker
    with _worker_lock:
        worker, _worker = _worker, None
    if worker is not None and worker.pid == os.getpid():
        worker.runner.close()


# -- the task and the producer ----------------------------------------------------------------


@app.task(name="examples.celery_job.contacts_of_accounts")
def contacts_of_accounts(account_ids: list[int]) -> dict[str, Any]:
    """Fetch the contacts of each account: ``{"worker", "counts": [[id, n]...], "failed"}``.

    A lookup that fails (a deleted account, an API error after retries) is reported in
    ``failed`` as ``[id, "ErrorType: message"]``; the rest of the chunk goes on.
    """
    worker = _this_worker()

    async def contacts(account_id: int) -> list[Contact]:
        return await worker.amilia.accounts.list_contacts(account_id).collect()

    result = worker.runner.map(
        contacts,
        account_ids,
        concurrency=SETTINGS.concurrency,
        return_exceptions=True,
        progress=False,
    )
    counts: list[list[int]] = []
    failed: list[list[Any]] = []
    for account_id, found in zip(account_ids, result, strict=True):
        if isinstance(found, ApiError):
            failed.append([account_id, f"{type(found).__name__}: {found}"])
        elif isinstance(found, Exception):
            raise found  # not the API's answer: a bug, let Celery report it
        else:
            counts.append([account_id, len(found)])
    return {"worker": f"{socket.gethostname()}:{os.getpid()}", "counts": counts, "failed": failed}


def wait_for_workers(count: int, *, timeout: float) -> list[str]:
    """Wait until *count* workers answer a ping (so that the work is spread); their names."""
    deadline = time.monotonic() + timeout
    names: list[str] = []
    while True:
        replies = app.control.ping(timeout=0.5) or []
        names = sorted(name for reply in replies for name in reply)
        if len(names) >= count:
            return names
        if time.monotonic() >= deadline:
            raise TimeoutError(f"{len(names)} of {count} workers answered: {names}")


def fan_out(account_ids: Sequence[int], *, chunk: int, timeout: float) -> dict[str, Any]:
    """Send one task per *chunk* accounts, wait for all of them; the job's figures."""
    chunks = [list(account_ids[i : i + chunk]) for i in range(0, len(account_ids), chunk)]
    started = time.perf_counter()
    pending = group(contacts_of_accounts.s(ids) for ids in chunks).apply_async()
    try:
        results: list[dict[str, Any]] = pending.get(timeout=timeout)
    finally:
        pending.forget()
    elapsed = time.perf_counter() - started
    counts = [pair for result in results for pair in result["counts"]]
    failed = [pair for result in results for pair in result["failed"]]
    return {
        "accounts": len(account_ids),
        "tasks": len(chunks),
        "fetched": len(counts),
        "contacts": sum(n for _, n in counts),
        "failed": failed,
        "chunks_by_worker": dict(Counter(result["worker"] for result in results)),
        "elapsed": round(elapsed, 3),
        "rate": round((len(counts) + len(failed)) / elapsed, 1) if elapsed else 0.0,
    }


def _account_ids(text: str) -> list[int]:
    """``"1-60"``, ``"3,5,8"`` or a mix: the account ids, in order."""
    ids: list[int] = []
    for part in text.split(","):
        first, dash, last = part.strip().partition("-")
        try:
            ids += range(int(first), int(last) + 1) if dash else [int(first)]
        except ValueError:
            raise argparse.ArgumentTypeError(f"{part!r}: an id or a range like 1-60") from None
    return ids


def main(argv: Sequence[str] | None = None) -> int:
    """The producer: fan the accounts out to the workers and print the figures."""
    parser = argparse.ArgumentParser(
        prog="python -m examples.celery_job",
        description="Fan a contacts job out to Celery workers sharing one Amilia quota.",
    )
    parser.add_argument("--accounts", type=_account_ids, default=_account_ids("1-100"))
    parser.add_argument("--chunk", type=int, default=10, help="accounts per task (10)")
    parser.add_argument(
        "--wait-workers", type=int, default=0, metavar="N", help="wait until N workers answer"
    )
    parser.add_argument("--timeout", type=float, default=600.0, help="for the whole job (600 s)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON line")
    options = parser.parse_args(argv)
    if options.chunk < 1:
        parser.error("--chunk must be >= 1")
    try:
        if options.wait_workers:
            wait_for_workers(options.wait_workers, timeout=min(options.timeout, 60.0))
        figures = fan_out(options.accounts, chunk=options.chunk, timeout=options.timeout)
    finally:
        app.close()
    if options.json:
        print(json.dumps(figures), flush=True)
        return 0
    print(
        f"{figures['fetched']} of {figures['accounts']} accounts ({figures['contacts']} contacts) "
        f"in {figures['elapsed']:.1f} s by {len(figures['chunks_by_worker'])} workers: "
        f"{figures['rate']:.0f} calls/s under a quota of {SETTINGS.quota}/s"
    )
    for account_id, error in figures["failed"]:
        print(f"  account #{account_id}: {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

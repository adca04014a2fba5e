"""A synchronous job: every account's contacts, thousands of requests at bounded concurrency.

Plain synchronous code (no ``async``, no event loop to manage) drives the async Amilia client
through :class:`common.SyncRunner`: it lists the accounts (page after page, as the ``for``
loop needs them), then fetches each account's contacts with at most ``--concurrency``
requests in flight, showing a progress bar (when tqdm is installed) and printing the
throughput. A few accounts are deleted between the listing and the fetching, as happens in
real jobs: those lookups fail with ``NotFoundError``, the job goes on, and the failures are
summarised by error type at the end.

Run it with ``python -m examples.sync_job`` (``--accounts 5000 --concurrency 50``,
``--no-progress``). It starts the Amilia emulator on loopback inside the runner: no network,
no credentials. Against the real API, drop the emulator, pass your credentials and keep the
client's default rate limit (Amilia allows 100 calls a second).
"""

from __future__ import annotations

import argparse
import copy
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from amilia_async import AmiliaClient
from amilia_async.emulator import AmiliaEmulator
from amilia_async.models import Account, Contact
from common import SyncRunner


def grow(emulator: AmiliaEmulator, accounts: int) -> None:
    """Give the emulated organization *accounts* accounts, cloning the seeded ones."""
    data = emulator.data
    seeded = sorted(data.accounts)
    next_id = max(seeded) + 1
    while len(data.accounts) < accounts:
        source = seeded[(next_id - 1) % len(seeded)]
        account = copy.deepcopy(data.accounts[source])
        account["Id"] = next_id
        for owner in account["Owners"]:
            owner["AccountId"] = next_id
        data.accounts[next_id] = account
        data.contacts[next_id] = copy.deepcopy(data.contacts.get(source, []))
        next_id += 1
    for extra in sorted(data.accounts)[accounts:]:
        del data.accounts[extra]


def run_job(
    *,
    accounts: int = 3000,
    concurrency: int = 20,
    deleted: int = 3,
    progress: bool = True,
    out: Callable[[str], None] = print,
) -> dict[str, Any]:
    """The job, start to end; returns its figures (the tests check them)."""
    facts: dict[str, Any] = {}
    with SyncRunner(name="sync-job") as run:
        emulator = run.enter(AmiliaEmulator(organization="demo-org", rate_limit=None))
        grow(emulator, accounts)
        amilia = run.enter(
            AmiliaClient(
                organization="demo-org",
                username=emulator.username,
                password=emulator.password,
                base_url=emulator.url,
                rate_limit=None,  # the emulator does not mind; keep the default for real
                max_concurrency=concurrency,
            )
        )

        started = time.perf_counter()
        listed: list[Account] = list(run.iterate(amilia.accounts.list(show_archived=True)))
        facts["listed"] = len(listed)
        facts["listing_requests"] = len(emulator.server.requests) - 1  # minus the login
        out(
            f"listed {len(listed)} accounts in {facts['listing_requests']} pages "
            f"({time.perf_counter() - started:.2f} s)"
        )

        # Meanwhile, someone deletes a few accounts (the loop is idle: safe to touch).
        for account in listed[len(listed) // 2 :][:deleted]:
            del emulator.data.accounts[account.id]

        async def contacts_of(account: Account) -> list[Contact]:
            return await amilia.accounts.list_contacts(account.id).collect()

        result = run.map(
            contacts_of,
            listed,
            concurrency=concurrency,
            return_exceptions=True,
            progress=progress,
            label="contacts",
        )
        contacts = sum(len(found) for found in result if not isinstance(found, Exception))
        facts.update(
            fetched=result.succeeded,
            contacts=contacts,
            failures=result.failures_by_type(),
            failed_ids=[failure.item.id for failure in result.failures],
            in_order=all(  # each result is its own account's contacts
                isinstance(found, Exception)
                or [c.id for c in found] == [c["Id"] for c in emulator.data.contacts[account.id]]
                for account, found in zip(listed, result, strict=True)
            ),
            rate=result.rate,
            logins=emulator.authenticate_calls,
        )
        out(
            f"fetched the contacts of {result.succeeded} accounts ({contacts} contacts) "
            f"in {result.elapsed:.2f} s: {result.rate:.0f} requests/s "
            f"at concurrency {concurrency}"
        )
        out(f"summary: {result.summary()}")
        for failure in result.failures:
            out(f"  account #{failure.item.id}: {type(failure.error).__name__}: {failure.error}")
    facts["client_closed"] = amilia.is_closed
    out(f"done; client closed: {amilia.is_closed}")
    return facts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--accounts", type=int, default=3000, help="accounts to process")
    parser.add_argument("--concurrency", type=int, default=20, help="requests in flight")
    parser.add_argument("--deleted", type=int, default=3, help="accounts deleted mid-job")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    options = parser.parse_args(argv)
    run_job(
        accounts=options.accounts,
        concurrency=options.concurrency,
        deleted=options.deleted,
        progress=not options.no_progress,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

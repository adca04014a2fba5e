"""Hooks: what they are told, when, per client and per copy, and that they never break a call."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest

from amilia_async import AmiliaClient
from amilia_async.emulator import AmiliaEmulator
from amiqus_async import AmiqusClient
from amiqus_async.emulator import AmiqusEmulator
from amiqus_async.models import ClientInput, NameInput
from common import CallEvent, Hooks, RetryPolicy, ValidationError
from common.testing import Fault as KitFault

FAST = RetryPolicy(backoff_base=0.001, backoff_max=0.01)


@pytest.fixture
async def emu() -> AsyncIterator[AmiqusEmulator]:
    async with AmiqusEmulator() as emulator:
        yield emulator


def recorder(events: list[tuple[str, CallEvent]]) -> Hooks:
    return Hooks(
        on_request=lambda e: events.append(("request", e)),
        on_response=lambda e: events.append(("response", e)),
        on_retry=lambda e: events.append(("retry", e)),
        on_rate_limited=lambda e: events.append(("rate_limited", e)),
    )


async def test_each_attempt_is_reported_with_its_operation_status_and_waits(
    emu: AmiqusEmulator,
) -> None:
    events: list[tuple[str, CallEvent]] = []
    client_id = next(iter(emu.data.clients))
    path = f"/api/v2/clients/{client_id}"
    emu.server.faults.add(KitFault.status(503), method="GET", path=path, times=1)
    emu.server.faults.add(emu.rate_limited_fault(retry_after=0), method="GET", times=1)
    async with AmiqusClient(
        token=emu.token, base_url=emu.url, retry=FAST, hooks=recorder(events)
    ) as amiqus:
        await amiqus.clients.get(client_id)
    kinds = [k for k, _ in events]
    assert kinds == [
        "request", "response", "retry",
        "request", "response", "retry", "rate_limited",
        "request", "response",
    ]  # fmt: skip
    first = events[0][1]
    assert first.vendor == "amiqus"
    assert first.operation == "clients.get"
    assert first.method == "GET"
    assert first.url.endswith(f"/api/v2/clients/{client_id}")
    assert [e.attempt for k, e in events if k == "request"] == [1, 2, 3]
    assert [e.status for k, e in events if k == "response"] == [503, 429, 200]
    assert all(e.elapsed is not None and e.elapsed >= 0 for k, e in events if k == "response")
    waits = [e.wait for k, e in events if k in ("retry", "rate_limited")]
    assert all(w is not None and w >= 0 for w in waits)
    assert emu.token not in repr(events)


async def test_async_hooks_are_awaited_and_pages_keep_their_operation(emu: AmiqusEmulator) -> None:
    seen: list[str | None] = []

    async def on_request(event: CallEvent) -> None:
        seen.append(event.operation)

    async with AmiqusClient(
        token=emu.token, base_url=emu.url, hooks=Hooks(on_request=on_request)
    ) as amiqus:
        pager = amiqus.clients.list(limit=10)
        clients = await pager.collect()
        await amiqus.request("GET", "/me")
    assert len(clients) == 30
    assert seen == ["clients.list"] * 3 + [None]


async def test_a_failing_hook_is_logged_and_the_call_goes_on(
    emu: AmiqusEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(event: CallEvent) -> None:
        raise RuntimeError("hook bug")

    async def broken_async(event: CallEvent) -> None:
        raise RuntimeError("async hook bug")

    hooks = Hooks(on_request=broken, on_response=broken_async, on_retry=broken_async)
    emu.server.faults.add(KitFault.status(502), method="GET", path="/api/v2/me", times=1)
    with caplog.at_level(logging.ERROR, logger="common.hooks"):
        async with AmiqusClient(
            token=emu.token, base_url=emu.url, retry=FAST, hooks=hooks
        ) as amiqus:
            me = await amiqus.user_account.get()
    assert me.id
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 5  # 2 requests, 2 responses, 1 retry
    assert all("hook raised; the call goes on" in m for m in messages)


async def test_hooks_can_be_set_per_copy(emu: AmiqusEmulator) -> None:
    events: list[tuple[str, CallEvent]] = []
    async with AmiqusClient(token=emu.token, base_url=emu.url) as amiqus:
        await amiqus.user_account.get()
        watched = amiqus.with_options(hooks=recorder(events))
        await watched.user_account.get()
        await amiqus.user_account.get()
        assert watched.with_options(hooks=None).with_options(timeout=5) is not None
    assert [k for k, _ in events] == ["request", "response"]


async def test_a_failed_call_reports_its_error_status(emu: AmiqusEmulator) -> None:
    events: list[tuple[str, CallEvent]] = []
    async with AmiqusClient(token=emu.token, base_url=emu.url, hooks=recorder(events)) as amiqus:
        with pytest.raises(ValidationError):
            await amiqus.clients.create(ClientInput(name=NameInput(first_name="A")))
    assert [(k, e.status, e.operation) for k, e in events] == [
        ("request", None, "clients.create"),
        ("response", 422, "clients.create"),
    ]


async def test_every_vendor_names_its_operations() -> None:
    events: list[tuple[str, CallEvent]] = []
    async with (
        AmiliaEmulator(organization="demo-org") as emulator,
        AmiliaClient(
            organization="demo-org",
            username=emulator.username,
            password=emulator.password,
            base_url=emulator.url,
            hooks=recorder(events),
        ) as amilia,
    ):
        await amilia.programs.get(1)
    operations = [e.operation for k, e in events if k == "request"]
    assert operations[-1] == "programs.get"
    assert all(e.vendor == "amilia" for _, e in events)

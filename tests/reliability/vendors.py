"""One small adapter per vendor, so each reliability test runs against all four emulators.

An adapter knows how to build the vendor's emulator (quotas off, so only injected faults
happen), a client pointed at it, one idempotent read (``GET``) and one non-idempotent write
(``POST``) with a valid body, the paths those two send (what a fault is scheduled on), and
the credentials the client holds (what must never leak).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import date
from typing import Any

import attrs

from amilia_async import AmiliaClient
from amilia_async.emulator import AmiliaEmulator
from amiqus_async import AmiqusClient
from amiqus_async.emulator import AmiqusEmulator
from amiqus_async.models import ClientInput as AmiqusClientInput
from amiqus_async.models import NameInput
from caseupdates_async import TrackopsClient
from caseupdates_async.emulator import TrackopsEmulator
from caseupdates_async.models import CaseUpdateInput
from common import BaseClient, RetryPolicy, Timeout
from common.testing import VendorEmulator
from intakeq_async import IntakeQClient
from intakeq_async.emulator import IntakeQEmulator
from intakeq_async.models import ClientInput as IntakeQClientInput

__all__ = ["FAST", "SHORT", "VENDORS", "Vendor"]

#: Retries with next to no waiting: the matrix counts attempts, it does not time them.
FAST = RetryPolicy(backoff_base=0.001, backoff_max=0.01, max_retry_after=5.0)
#: Short enough for a read-timeout case to fire fast, long enough for a loaded 2-core box.
SHORT = Timeout(total=5.0, connect=2.0, read=2.0)


@attrs.frozen
class Vendor:
    """How the reliability suite drives one vendor."""

    name: str
    #: A fresh emulator (not started), with its rate limits and quotas off.
    emulator: Callable[[], VendorEmulator]
    #: ``client(emulator, root_url, **options)``: a client of the emulator at *root_url*
    #: (its ``url``, or another loopback address to test refusals); options as BaseClient's.
    _client: Callable[..., BaseClient]
    #: An idempotent read (GET) returning a model.
    read: Callable[[Any], Awaitable[object]]
    read_path: str
    #: A non-idempotent write (POST) with a valid body.
    write: Callable[[Any], Awaitable[object]]
    write_path: str
    #: The credentials the client is built with; none may ever appear in logs or errors.
    secrets: Callable[[Any], Sequence[str]]
    #: Where the API lives under the emulator's root URL.
    prefix: str = "/api/v1"
    write_method: str = "POST"

    def client(self, emulator: VendorEmulator, root: str | None = None, **options: Any) -> Any:
        """A client of *emulator* (or of the same API at another *root*), fast retries."""
        options.setdefault("retry", FAST)
        options.setdefault("timeout", SHORT)
        options.setdefault("rate_limit", None)
        return self._client(emulator, root or emulator.origin, **options)


def _amiqus_client(emu: AmiqusEmulator, root: str, **options: Any) -> AmiqusClient:
    return AmiqusClient(token=emu.token, base_url=f"{root}/api/v2", **options)


def _amilia_client(emu: AmiliaEmulator, root: str, **options: Any) -> AmiliaClient:
    return AmiliaClient(
        organization=emu.organization,
        username=emu.username,
        password=emu.password,
        base_url=root,
        **options,
    )


def _intakeq_client(emu: IntakeQEmulator, root: str, **options: Any) -> IntakeQClient:
    return IntakeQClient(api_key=emu.api_key, base_url=f"{root}/api/v1", **options)


def _trackops_client(emu: TrackopsEmulator, root: str, **options: Any) -> TrackopsClient:
    return TrackopsClient(
        username=emu.username, api_token=emu.api_token, base_url=f"{root}/api/v1", **options
    )


async def _amiqus_write(client: AmiqusClient) -> object:
    return await client.clients.create(
        AmiqusClientInput(
            name=NameInput(title="dr", first_name="Ada", last_name="Lovelace"),
            email="ada@example.com",
        )
    )


async def _amilia_write(client: AmiliaClient) -> object:
    return await client.webhooks.create(
        name="reliability", url="https://hooks.example.org/in", context="Account", action="Updated"
    )


async def _intakeq_write(client: IntakeQClient) -> object:
    return await client.clients.save(IntakeQClientInput(name="Ada Lovelace", email="a@example.org"))


async def _trackops_write(client: TrackopsClient) -> object:
    return await client.case_updates.create(
        CaseUpdateInput(
            casefile_id=1,
            access_group_id=1,
            title="Visit",
            body="Arrived.",
            activity_at=date.today(),
        )
    )


AMIQUS = Vendor(
    name="amiqus",
    emulator=lambda: AmiqusEmulator(rate_limit=None, clients=5, records=3, cases=2),
    client=_amiqus_client,
    read=lambda c: c.clients.get(1019),
    read_path="/api/v2/clients/1019",
    write=_amiqus_write,
    write_path="/api/v2/clients",
    secrets=lambda e: [e.token],
    prefix="/api/v2",
)
AMILIA = Vendor(
    name="amilia",
    emulator=lambda: AmiliaEmulator(rate_limit=None),
    client=_amilia_client,
    read=lambda c: c.programs.get(1),
    read_path="/api/v3/en/org/demo-org/programs/1",
    write=_amilia_write,
    write_path="/api/v3/en/org/demo-org/webhooks",
    secrets=lambda e: [e.password],
    prefix="/api/v3/en/org/demo-org",
)
INTAKEQ = Vendor(
    name="intakeq",
    emulator=lambda: IntakeQEmulator(per_minute=None, per_day=None, clients=5),
    client=_intakeq_client,
    read=lambda c: c.clients.get(1),
    read_path="/api/v1/clients/profile/1",
    write=_intakeq_write,
    write_path="/api/v1/clients",
    secrets=lambda e: [e.api_key],
)
TRACKOPS = Vendor(
    name="trackops",
    emulator=lambda: TrackopsEmulator(contacts=5),
    client=_trackops_client,
    read=lambda c: c.case_updates.get(1),
    read_path="/api/v1/case/updates/1",
    write=_trackops_write,
    write_path="/api/v1/case/updates",
    secrets=lambda e: [e.api_token],
)

VENDORS: tuple[Vendor, ...] = (AMIQUS, AMILIA, INTAKEQ, TRACKOPS)

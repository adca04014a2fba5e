"""Every answer of every emulator carries a request id, and the client reads it into errors."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import aiohttp
import pytest

from amilia_async import AmiliaClient
from amilia_async.emulator import AmiliaEmulator
from amiqus_async import AmiqusClient
from amiqus_async.emulator import AmiqusEmulator
from caseupdates_async import TrackopsClient
from caseupdates_async.emulator import TrackopsEmulator
from common import NotFoundError
from intakeq_async import IntakeQClient
from intakeq_async.emulator import IntakeQEmulator


async def test_each_emulator_stamps_a_fresh_request_id_on_every_answer() -> None:
    """Successes and errors alike carry X-Request-Id, a new one per answer."""
    async with (
        AmiqusEmulator() as amiqus,
        IntakeQEmulator() as intakeq,
        AmiliaEmulator() as amilia,
        TrackopsEmulator() as trackops,
        aiohttp.ClientSession() as session,
    ):
        for emulator in (amiqus, intakeq, amilia, trackops):
            seen = set()
            for path in ("/", "/no-such-thing"):
                async with session.get(f"{emulator.url}{path}") as response:
                    request_id = response.headers.get("X-Request-Id")
                    assert request_id, (emulator, path, response.status)
                    seen.add(request_id)
            assert len(seen) == 2


async def _amiqus_404() -> tuple[NotFoundError, int | None]:
    async with AmiqusEmulator() as emu, AmiqusClient(base_url=emu.url, **emu.credentials) as c:
        with pytest.raises(NotFoundError) as caught:
            await c.clients.get(987_654)
        return caught.value, emu.requests.last.status


async def _intakeq_404() -> tuple[NotFoundError, int | None]:
    async with IntakeQEmulator() as emu, IntakeQClient(base_url=emu.url, **emu.credentials) as c:
        with pytest.raises(NotFoundError) as caught:
            await c.appointments.get("no-such-appointment")
        return caught.value, emu.requests.last.status


async def _amilia_404() -> tuple[NotFoundError, int | None]:
    async with AmiliaEmulator() as emu, AmiliaClient(base_url=emu.url, **emu.credentials) as c:
        with pytest.raises(NotFoundError) as caught:
            await c.programs.get(987_654)
        return caught.value, emu.requests.last.status


async def _trackops_404() -> tuple[NotFoundError, int | None]:
    async with (
        TrackopsEmulator() as emu,
        TrackopsClient(base_url=emu.url, rate_limit=None, **emu.credentials) as c,
    ):
        with pytest.raises(NotFoundError) as caught:
            await c.staff.get(987_654)
        return caught.value, emu.requests.last.status


@pytest.mark.parametrize(
    "call",
    [_amiqus_404, _intakeq_404, _amilia_404, _trackops_404],
    ids=["amiqus", "intakeq", "amilia", "trackops"],
)
async def test_a_vendor_error_names_the_emulator_request_id(
    call: Callable[[], Awaitable[tuple[NotFoundError, int | None]]],
) -> None:
    """A 404 from any emulator becomes a NotFoundError whose request_id is set."""
    error, status = await call()
    assert status == 404
    assert error.request_id

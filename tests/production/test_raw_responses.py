"""Raw responses: the status and headers behind a typed result, for every vendor."""

from __future__ import annotations

import pytest

from amilia_async import AmiliaClient
from amilia_async.emulator import AmiliaEmulator
from amiqus_async import AmiqusClient
from amiqus_async.emulator import AmiqusEmulator
from amiqus_async.models import Client, ClientInput, NameInput
from caseupdates_async import TrackopsClient
from caseupdates_async.emulator import TrackopsEmulator
from common import InvalidRequestError
from intakeq_async import IntakeQClient
from intakeq_async.emulator import IntakeQEmulator


async def test_amiqus_answers_come_with_status_headers_and_rate_limit() -> None:
    async with (
        AmiqusEmulator() as emu,
        AmiqusClient(token=emu.token, base_url=emu.url) as amiqus,
    ):
        raw = await amiqus.with_raw_response(
            amiqus.clients.create(
                ClientInput(name=NameInput(first_name="A", last_name="B"), email="a@b.co")
            )
        )
        assert isinstance(raw.parsed, Client)
        assert raw.status == 201
        assert raw.method == "POST"
        assert raw.url.endswith("/api/v2/clients")
        assert raw.headers["Content-Type"].startswith("application/json")
        assert raw.rate_limit is not None
        assert raw.rate_limit.limit == 200
        listed = await amiqus.with_raw_response(amiqus.clients.list(limit=5).collect())
        assert listed.status == 200
        assert len(listed.parsed) > 5  # several pages: the last answer is the last page's
        with pytest.raises(InvalidRequestError, match="download"):
            await amiqus.with_raw_response(_nothing())


async def _nothing() -> None:
    return None


async def test_the_other_vendors_too() -> None:
    async with (
        AmiliaEmulator(organization="demo-org") as amilia_emu,
        AmiliaClient(
            organization="demo-org",
            username=amilia_emu.username,
            password=amilia_emu.password,
            base_url=amilia_emu.url,
        ) as amilia,
    ):
        raw = await amilia.with_raw_response(amilia.programs.get(1))
        assert raw.status == 200
        assert raw.parsed.id == 1
    async with (
        IntakeQEmulator() as intakeq_emu,
        IntakeQClient(api_key=intakeq_emu.api_key, base_url=intakeq_emu.url) as intakeq,
    ):
        practitioners = await intakeq.with_raw_response(intakeq.practitioners.list().collect())
        assert practitioners.status == 200
        assert isinstance(practitioners.parsed, list)
    async with (
        TrackopsEmulator() as ops_emu,
        TrackopsClient(
            username=ops_emu.username,
            api_token=ops_emu.api_token,
            base_url=ops_emu.url,
            rate_limit=None,
        ) as ops,
    ):
        count = await ops.with_raw_response(ops.cases.count())
        assert count.status == 200
        assert count.parsed.record_count > 0

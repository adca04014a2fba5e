"""Sessions and connectors the user owns: used as given, never closed by us."""

from __future__ import annotations

from collections.abc import AsyncIterator
from types import SimpleNamespace

import aiohttp
import pytest

from amiqus_async import AmiqusClient
from amiqus_async.emulator import AmiqusEmulator
from common import InvalidRequestError
from common.transport import AiohttpTransport


def _own_session(client: AmiqusClient) -> aiohttp.ClientSession | None:
    """The session the client's (default) transport opened itself, if any."""
    transport = client.transport
    assert isinstance(transport, AiohttpTransport)
    return transport.session


@pytest.fixture
async def emu() -> AsyncIterator[AmiqusEmulator]:
    async with AmiqusEmulator() as emulator:
        yield emulator


async def test_a_users_session_keeps_its_trace_configs_and_stays_open(
    emu: AmiqusEmulator,
) -> None:
    seen: list[str] = []

    async def on_request_start(
        session: aiohttp.ClientSession,
        context: SimpleNamespace,
        params: aiohttp.TraceRequestStartParams,
    ) -> None:
        seen.append(f"{params.method} {params.url.path}")

    tracing = aiohttp.TraceConfig()
    tracing.on_request_start.append(on_request_start)
    async with aiohttp.ClientSession(trace_configs=[tracing], headers={"X-Team": "ops"}) as session:
        async with AmiqusClient(token=emu.token, base_url=emu.url, session=session) as amiqus:
            await amiqus.user_account.get()
            assert _own_session(amiqus) is None  # none of our own
        assert not session.closed  # ours to close, not the client's
        assert seen == ["GET /api/v2/me"]
        assert emu.server.requests.last.headers["X-Team"] == "ops"  # the session's defaults


async def test_a_users_connector_is_used_and_never_closed(emu: AmiqusEmulator) -> None:
    connector = aiohttp.TCPConnector(limit=3)
    try:
        async with AmiqusClient(token=emu.token, base_url=emu.url, connector=connector) as amiqus:
            await amiqus.user_account.get()
            session = _own_session(amiqus)
            assert session is not None
            assert session.connector is connector
        assert not connector.closed
        assert session.closed
    finally:
        await connector.close()


def test_session_options_belong_on_the_session() -> None:
    with pytest.raises(InvalidRequestError, match="on the session itself"):
        AmiqusClient(token="t", session=object(), proxy="http://127.0.0.1:3128")  # type: ignore[arg-type]

"""Proxies: through a real proxy server on loopback (proxy.py), with proxy authentication."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from amiqus_async import AmiqusClient
from amiqus_async.emulator import AmiqusEmulator
from common import HTTPStatusError, Secret

PROXY_USER, PROXY_PASSWORD = "proxy-user", "proxy-pass-123"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def proxy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """proxy.py on loopback, asking for Basic proxy credentials; yields its URL and log."""
    port = free_port()
    log = tmp_path_factory.mktemp("proxy") / "proxy.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [
                sys.executable, "-m", "proxy",
                "--hostname", "127.0.0.1", "--port", str(port),
                "--basic-auth", f"{PROXY_USER}:{PROXY_PASSWORD}",
                "--num-acceptors", "1", "--num-workers", "1",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        else:
            pytest.fail(f"proxy.py did not start: {log.read_text()}")
        yield f"http://127.0.0.1:{port}", log
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
async def emu() -> AsyncIterator[AmiqusEmulator]:
    async with AmiqusEmulator() as emulator:
        yield emulator


async def test_calls_go_through_the_proxy_with_its_credentials_kept_from_the_vendor(
    proxy: tuple[str, Path], emu: AmiqusEmulator
) -> None:
    url, log = proxy
    async with AmiqusClient(
        token=emu.token,
        base_url=emu.url,
        proxy=url,
        proxy_auth=(PROXY_USER, Secret(PROXY_PASSWORD)),
    ) as amiqus:
        me = await amiqus.user_account.get()
        assert me.id
        assert PROXY_PASSWORD not in repr(amiqus)
    seen = emu.server.requests.last
    assert seen.headers["Authorization"] == f"Bearer {emu.token}"  # the vendor's credentials
    assert "Proxy-Authorization" not in seen.headers  # the proxy's stayed with the proxy
    await asyncio.sleep(0.2)  # the proxy writes its log line after answering
    text = log.read_text()
    assert "/api/v2/me" in text  # it went through the proxy
    assert emu.token not in text


async def test_wrong_proxy_credentials_are_a_typed_error(
    proxy: tuple[str, Path], emu: AmiqusEmulator
) -> None:
    url, _ = proxy
    async with AmiqusClient(
        token=emu.token, base_url=emu.url, proxy=url, proxy_auth=(PROXY_USER, "wrong")
    ) as amiqus:
        with pytest.raises(HTTPStatusError) as caught:
            await amiqus.user_account.get()
    assert caught.value.status == 407
    assert "wrong" not in str(caught.value)


async def test_trust_env_takes_the_proxy_from_the_environment(
    proxy: tuple[str, Path], emu: AmiqusEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, log = proxy
    authenticated = url.replace("http://", f"http://{PROXY_USER}:{PROXY_PASSWORD}@")
    monkeypatch.setenv("HTTP_PROXY", authenticated)
    monkeypatch.setenv("NO_PROXY", "")
    monkeypatch.delenv("http_proxy", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    before = log.read_text().count("/api/v2/team")
    async with AmiqusClient(token=emu.token, base_url=emu.url, trust_env=True) as amiqus:
        await amiqus.your_team.get()
    await asyncio.sleep(0.2)  # the proxy writes its log line after answering
    assert log.read_text().count("/api/v2/team") == before + 1
    assert "Proxy-Authorization" not in emu.server.requests.last.headers
    assert os.environ["HTTP_PROXY"] == authenticated

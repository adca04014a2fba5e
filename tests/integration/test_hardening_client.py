"""Hardening (issue 19, items 9 and 12) over real sockets and in fresh interpreters: bad
input is a typed error before sending, a long server filename is saved, and an unclosed
client cleans up before it warns."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from aiohttp import web

from amilia_async import AmiliaClient
from common import ApiKeyHeader, BaseClient, InvalidRequestError
from common.files import MAX_FILENAME_BYTES
from common.testing import EmulatorFactory, EmulatorServer


class Client(BaseClient):
    vendor = "hardening-demo"
    logger_name = "hardening_demo"


def _echo() -> web.Application:
    long_name = "quarterly report " * 18 + ".pdf"  # 310 characters

    async def echo(request: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    async def file(request: web.Request) -> web.Response:
        # ?encoded=... is sent as an RFC 5987 filename* (percent-encoded UTF-8)
        encoded = request.query.get("encoded")
        disposition = (
            f'attachment; filename="{long_name}"'
            if encoded is None
            else f"attachment; filename*=UTF-8''{encoded}"
        )
        return web.Response(
            body=b"%PDF-1.4 hello",
            content_type="application/pdf",
            headers={"Content-Disposition": disposition},
        )

    app = web.Application()
    app.router.add_get("/echo", echo)
    app.router.add_get("/file", file)
    return app


@pytest.fixture
async def server(emulator: EmulatorFactory) -> EmulatorServer:
    return await emulator(_echo())


# -- 9. bad input, before sending ---------------------------------------------------------------


async def test_a_header_with_a_newline_is_a_typed_error_not_aiohttps_value_error(
    server: EmulatorServer,
) -> None:
    """Per-call headers and API keys with CR/LF: InvalidRequestError, and nothing reaches the
    server (before: aiohttp's bare ValueError)."""
    async with Client(base_url=server.url) as client:
        with pytest.raises(InvalidRequestError, match="X-Trace"):
            await client.request("GET", "/echo", headers={"X-Trace": "a\r\nX-Injected: 1"})
    async with Client(base_url=server.url, auth=ApiKeyHeader("KEY\r\nX-Injected: 1")) as keyed:
        with pytest.raises(InvalidRequestError, match="X-Auth-Key") as caught:
            await keyed.request("GET", "/echo")
    assert "KEY" not in str(caught.value).replace("X-Auth-Key", "")
    assert len(server.requests) == 0


def test_amilias_origin_with_a_newline_fails_at_construction() -> None:
    """origin= is sent as X-Amilia-Origin: a CR/LF in it is refused when the client is made."""
    with pytest.raises(InvalidRequestError, match="X-Amilia-Origin"):
        AmiliaClient(organization="acme", token="t", origin="ops@example.org\r\nX-Injected: 1")


async def test_a_300_character_server_filename_is_saved_shortened_with_its_extension(
    server: EmulatorServer, tmp_path: Path
) -> None:
    """save_to(folder) with a server filename longer than a file system allows: the name is
    shortened (extension kept), not a raw OSError."""
    async with Client(base_url=server.url) as client:
        saved = await client.download("/file").save_to(tmp_path)
    assert saved.parent == tmp_path
    assert saved.suffix == ".pdf"
    assert saved.name.startswith("quarterly report quarterly")
    assert len(saved.name.encode()) <= MAX_FILENAME_BYTES
    assert saved.read_bytes() == b"%PDF-1.4 hello"
    assert [p.name for p in tmp_path.iterdir()] == [saved.name]  # noqa: ASYNC240 - no .part


async def test_control_characters_in_a_server_filename_are_replaced(
    server: EmulatorServer,
) -> None:
    """A filename with a tab or an escape character is made plain before anyone uses it."""
    async with (
        Client(base_url=server.url) as client,
        client.download("/file", params={"encoded": "a%09b%1Bc%0A.pdf"}) as stream,
    ):
        assert stream.filename == "a_b_c_.pdf"
        await stream.read()


# -- 12. an unclosed client: cleanup first, then one warning ------------------------------------

_UNCLOSED = """
import asyncio, gc
from aiohttp import web
from common import BaseClient

class Demo(BaseClient):
    vendor = "demo"

async def main():
    app = web.Application()

    async def ok(request):
        return web.json_response({"ok": True})

    app.router.add_get("/x", ok)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    client = Demo(base_url=f"http://127.0.0.1:{port}")
    print(await client.request("GET", "/x"), flush=True)
    if DROP_IN_LOOP:
        del client
        gc.collect()
    await runner.cleanup()
    return client if not DROP_IN_LOOP else None

kept = asyncio.run(main())
del kept
gc.collect()
print("done", flush=True)
"""


@pytest.mark.parametrize("in_loop", [True, False], ids=["dropped-in-its-loop", "after-the-loop"])
def test_an_unclosed_client_cleans_up_before_its_warning(tmp_path: Path, in_loop: bool) -> None:
    """With -W error::ResourceWarning the library's warning raises: the session and connector
    are closed before it, so aiohttp has nothing left to warn about."""
    script = tmp_path / "unclosed.py"
    script.write_text(f"DROP_IN_LOOP = {in_loop}\n" + textwrap.dedent(_UNCLOSED))
    root = str(Path(__file__).resolve().parents[2])
    done = subprocess.run(
        [sys.executable, "-X", "dev", "-W", "error::ResourceWarning", str(script)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=root,
        env={**os.environ, "PYTHONPATH": root},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "done" in done.stdout
    assert done.stderr.count("ResourceWarning: unclosed demo client created at") == 1
    assert "Unclosed connector" not in done.stderr
    assert "Unclosed client session" not in done.stderr
    assert "unclosed transport" not in done.stderr.lower()

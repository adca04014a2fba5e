"""No loop traps: a client across event loops, and one left unclosed."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(code: str) -> subprocess.CompletedProcess[str]:
    """*code* in a fresh interpreter with every warning shown (and ResourceWarnings on)."""
    return subprocess.run(
        [sys.executable, "-X", "dev", "-W", "always", "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        check=False,
    )


SERVER = """
    import asyncio, gc, threading
    from aiohttp import web
    from common import BaseClient
    from common.testing import EmulatorServer

    class Plain(BaseClient):
        vendor = "plain"

    def serve():
        async def ok(request):
            return web.json_response({"ok": True})
        app = web.Application()
        app.router.add_get("/ok", ok)
        ready = threading.Event()
        box = {}
        def loop_thread():
            async def main():
                async with EmulatorServer(app) as server:
                    box["url"] = server.url
                    ready.set()
                    await asyncio.Event().wait()
            asyncio.run(main())
        threading.Thread(target=loop_thread, daemon=True).start()
        ready.wait()
        return box["url"]
"""


def test_one_client_serves_two_successive_asyncio_runs_without_a_trace() -> None:
    result = run(
        SERVER
        + """
    url = serve()
    client = Plain(base_url=url)          # built outside any loop

    async def call():
        return await client.request("GET", "/ok")

    assert asyncio.run(call()) == {"ok": True}
    first = client.transport.session
    assert first is not None and first.closed   # closed when its loop shut down
    assert asyncio.run(call()) == {"ok": True}  # a new loop, a new session
    second = client.transport.session
    assert second is not first

    async def close():
        await client.aclose()
    asyncio.run(close())
    del client, first, second
    gc.collect()
    print("done")
    """
    )
    assert result.returncode == 0, result.stderr
    assert "done" in result.stdout
    assert "Event loop is closed" not in result.stderr
    assert "Warning" not in result.stderr, result.stderr
    assert "Unclosed" not in result.stderr


def test_an_unclosed_client_warns_once_naming_where_it_was_made() -> None:
    result = run(
        SERVER
        + """
    url = serve()

    async def forget():
        client = Plain(base_url=url)   # the line the warning names
        await client.request("GET", "/ok")

    asyncio.run(forget())
    gc.collect()
    print("done")
    """
    )
    assert result.returncode == 0, result.stderr
    warnings = [
        line
        for line in result.stderr.splitlines()
        if "Warning" in line and "Enable tracemalloc" not in line  # a hint, not a warning
    ]
    assert len(warnings) == 1, result.stderr
    assert "ResourceWarning: unclosed plain client created at <string>:" in warnings[0]
    assert "aclose()" in warnings[0]
    assert "Event loop is closed" not in result.stderr
    assert "Unclosed client session" not in result.stderr


def test_an_unclosed_client_in_a_loop_that_keeps_running_is_closed_without_scheduling() -> None:
    result = run(
        SERVER
        + """
    url = serve()
    loop = asyncio.new_event_loop()

    async def forget():
        client = Plain(base_url=url)
        await client.request("GET", "/ok")

    loop.run_until_complete(forget())
    gc.collect()                 # the client is gone while its loop still exists
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.close()
    gc.collect()
    print("done")
    """
    )
    assert result.returncode == 0, result.stderr
    warnings = [
        line
        for line in result.stderr.splitlines()
        if "Warning" in line and "Enable tracemalloc" not in line  # a hint, not a warning
    ]
    assert len(warnings) == 1, result.stderr
    assert "unclosed plain client" in warnings[0]
    assert "Event loop is closed" not in result.stderr

"""Cancelling a download while an async on_response hook runs must not leak the
concurrency slot (nor the connection) that the stream holds."""

import asyncio

import pytest
from aiohttp import web

from common import BaseClient, CallEvent, Hooks
from common.testing import EmulatorServer


def app() -> web.Application:
    async def file(request: web.Request) -> web.Response:
        return web.Response(body=b"x" * 1000, content_type="application/pdf")

    async def ok(request: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    a = web.Application()
    a.router.add_get("/file", file)
    a.router.add_get("/ok", ok)
    return a


@pytest.mark.asyncio
async def test_cancel_during_async_on_response_of_a_stream_frees_the_slot() -> None:
    in_hook = asyncio.Event()

    async def on_response(event: CallEvent) -> None:
        if event.url.endswith("/file"):
            in_hook.set()
            await asyncio.sleep(10)

    async with (
        EmulatorServer(app()) as server,
        BaseClient(
            base_url=server.url, max_concurrency=1, hooks=Hooks(on_response=on_response)
        ) as c,
    ):

        async def download() -> None:
            async with c.download("/file") as stream:
                await stream.read()

        task = asyncio.create_task(download())
        await in_hook.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        # The only slot must be free again.
        assert await asyncio.wait_for(c.request("GET", "/ok"), 2) == {"ok": True}

"""A client used from a second loop must not close the first loop's session while that loop
is alive and has a request in flight (README: the earlier session 'is closed when its loop
shuts down')."""

import asyncio
import threading

from aiohttp import web

from common import BaseClient
from common.testing import EmulatorServer


def test_second_loop_does_not_break_first_loops_request_in_flight() -> None:
    started = threading.Event()
    result: dict[str, object] = {}
    server_ready = threading.Event()
    holder: dict[str, object] = {}
    stop_server = threading.Event()

    async def slow(request: web.Request) -> web.Response:
        started.set()
        await asyncio.sleep(1.0)
        return web.json_response({"slow": True})

    async def ok(request: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    def serve() -> None:
        async def main() -> None:
            app = web.Application()
            app.router.add_get("/slow", slow)
            app.router.add_get("/ok", ok)
            async with EmulatorServer(app) as server:
                holder["url"] = server.url
                server_ready.set()
                await asyncio.to_thread(stop_server.wait)

        asyncio.run(main())

    srv = threading.Thread(target=serve, daemon=True)
    srv.start()
    server_ready.wait(5)
    client = BaseClient(base_url=str(holder["url"]))

    def loop_a() -> None:
        async def run() -> None:
            try:
                result["a"] = await asyncio.wait_for(client.request("GET", "/slow"), 5)
            except BaseException as err:
                import traceback

                traceback.print_exc()
                result["a"] = err
            await client.aclose()

        asyncio.run(run())

    a = threading.Thread(target=loop_a)
    a.start()
    started.wait(5)
    # Loop B (this thread) uses the same client while loop A's request is in flight.
    assert asyncio.run(client.request("GET", "/ok")) == {"ok": True}
    a.join(10)
    stop_server.set()
    srv.join(5)
    assert result["a"] == {"slow": True}, repr(result["a"])

"""An aiohttp web app that shares one Amilia client per app.

The client is made when the app starts and closed when it stops (``app.cleanup_ctx``);
every handler uses that one client, so all requests share its connection pool, its login
(one JWT for the whole app) and its rate limit. Amilia's errors become HTTP answers: a
``NotFoundError`` a 404, any other ``ApiError`` a 502 (the upstream failed, not us).

Run it with ``python -m examples.web_app``: it starts the Amilia emulator and the app on
loopback, sends the app a few requests (20 of them at once), prints the answers and stops.
``python -m examples.web_app --serve`` keeps the app running (on port 8080 by default) until
Ctrl-C: try ``curl localhost:8080/programs``. No network, no credentials.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
from collections.abc import AsyncIterator, Callable, Sequence
from typing import Any

import aiohttp
import attrs
from aiohttp import web

from amilia_async import AmiliaClient, ApiError, NotFoundError
from amilia_async.emulator import AmiliaEmulator


@attrs.frozen
class AmiliaSettings:
    """Where and as whom the app talks to Amilia (from your configuration, in real life)."""

    organization: str
    username: str
    password: str = attrs.field(repr=False)
    base_url: str | None = None  # None: Amilia itself; the emulator's URL in the demo


SETTINGS = web.AppKey("settings", AmiliaSettings)
AMILIA = web.AppKey("amilia", AmiliaClient)


def create_app(settings: AmiliaSettings) -> web.Application:
    """The web app: one :class:`AmiliaClient` for its whole life."""
    app = web.Application()
    app[SETTINGS] = settings
    app.cleanup_ctx.append(amilia_client)
    app.router.add_get("/programs", list_programs)
    app.router.add_get("/programs/{id:\\d+}", get_program)
    return app


async def amilia_client(app: web.Application) -> AsyncIterator[None]:
    """Startup: make the client (no I/O yet). Cleanup: close it, and its connections."""
    settings = app[SETTINGS]
    extra: dict[str, Any] = {} if settings.base_url is None else {"base_url": settings.base_url}
    async with AmiliaClient(
        organization=settings.organization,
        username=settings.username,
        password=settings.password,
        **extra,
    ) as client:
        app[AMILIA] = client
        yield


async def list_programs(request: web.Request) -> web.Response:
    amilia = request.app[AMILIA]
    limit = min(int(request.query.get("limit", "20")), 100)
    try:
        programs = await amilia.programs.list().collect(max_items=limit)
    except ApiError as error:
        raise _bad_gateway(error) from error
    return web.json_response([{"id": p.id, "name": p.name} for p in programs])


async def get_program(request: web.Request) -> web.Response:
    amilia = request.app[AMILIA]
    program_id = int(request.match_info["id"])
    try:
        program = await amilia.programs.get(program_id)
    except NotFoundError:
        raise web.HTTPNotFound(
            text=json.dumps({"error": f"no program {program_id}"}), content_type="application/json"
        ) from None
    except ApiError as error:
        raise _bad_gateway(error) from error
    return web.json_response({"id": program.id, "name": program.name})


def _bad_gateway(error: ApiError) -> web.HTTPBadGateway:
    # The message names the upstream failure; Amilia's body and URL stay in our logs.
    return web.HTTPBadGateway(
        text=json.dumps({"error": f"Amilia: {type(error).__name__}"}),
        content_type="application/json",
    )


# -- the demo -------------------------------------------------------------------------------


async def demo(out: Callable[[str], None] = print) -> dict[str, Any]:
    """Serve the app on loopback against the emulator, call it, stop it; returns the figures."""
    facts: dict[str, Any] = {}
    async with AmiliaEmulator(organization="demo-org") as emulator:
        settings = AmiliaSettings(
            organization="demo-org",
            username=emulator.username,
            password=emulator.password,
            base_url=emulator.url,
        )
        app = create_app(settings)
        runner = web.AppRunner(app)
        await runner.setup()  # runs the startup half of cleanup_ctx: the client exists
        try:
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            host, port = runner.addresses[0][:2]
            url = f"http://{host}:{port}"
            out(f"web app at {url}, Amilia emulator at {emulator.url}")
            async with aiohttp.ClientSession(url) as browser:
                answers = await asyncio.gather(*(_get(browser, "/programs/1") for _ in range(20)))
                facts["concurrent"] = [status for status, _ in answers]
                facts["logins"] = emulator.authenticate_calls
                out(
                    f" 1. 20 requests at once: all {answers[0][0]}, {answers[0][1]['name']!r}; "
                    f"Amilia logins: {emulator.authenticate_calls} (one client for the app)"
                )
                status, programs = await _get(browser, "/programs?limit=5")
                facts["listed"] = len(programs)
                out(f" 2. /programs?limit=5: {status}, {[p['id'] for p in programs]}")
                status, body = await _get(browser, "/programs/424242")
                facts["not_found"] = status
                out(f" 3. /programs/424242: {status} {body}")
            client = app[AMILIA]
            facts["client_open_while_serving"] = not client.is_closed
        finally:
            await runner.cleanup()  # the cleanup half: the client is closed
        facts["client_closed"] = client.is_closed
        out(f"app stopped; its Amilia client closed: {client.is_closed}")
    return facts


async def _get(session: aiohttp.ClientSession, path: str) -> tuple[int, Any]:
    async with session.get(path) as response:
        return response.status, await response.json()


async def serve(port: int) -> None:
    """Serve the app against the emulator until Ctrl-C."""
    async with AmiliaEmulator(organization="demo-org") as emulator:
        settings = AmiliaSettings("demo-org", emulator.username, emulator.password, emulator.url)
        runner = web.AppRunner(create_app(settings))
        await runner.setup()
        try:
            await web.TCPSite(runner, "127.0.0.1", port).start()
            print(f"serving on http://127.0.0.1:{port} (Ctrl-C to stop)")
            await asyncio.Event().wait()
        finally:
            await runner.cleanup()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="An aiohttp app sharing one Amilia client.")
    parser.add_argument("--serve", action="store_true", help="keep serving until Ctrl-C")
    parser.add_argument("--port", type=int, default=8080)
    options = parser.parse_args(argv)
    if options.serve:
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(serve(options.port))
        return 0
    asyncio.run(demo())
    return 0


if __name__ == "__main__":
    sys.exit(main())

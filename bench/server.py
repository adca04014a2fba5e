"""The loopback server the benchmarks talk to: a plain ``aiohttp.web`` app in its own process.

It answers in the shape of the Amiqus API, so that the library's real client, pager and models
are measured:

* ``GET /api/v2/clients/{id}``: one ~600-byte ``client`` record (fixed bytes, prepared once).
* ``GET /api/v2/clients?page=N&limit=L``: a ``paginated_list`` page of ``total`` records with
  ``links.next`` (absolute), as the vendor sends it.
* The same under ``/slow/api/v2``, where each listing page is answered after ``page_delay``
  seconds (a server that takes time to answer, as real ones do, without using the CPU).
* A second port serves the same routes through :class:`common.testing.EmulatorServer` with a
  :class:`~common.testing.ServerRateLimit` (default 200 requests per sliding second);
  ``GET /_stats/ratelimited`` on the first port counts what it answered, by status, and
  ``POST /_stats/ratelimited/reset`` clears the count.

The process is started with ``multiprocessing``'s *spawn* method, pinned to one CPU when the
platform allows it, and reports its ports through a pipe.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import multiprocessing
import os
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

import attrs

#: The record every endpoint serves (``json.dumps`` with the default separators: ~600 bytes).
RECORD: dict[str, Any] = {
    "object": "client",
    "id": 1,
    "status": "approved",
    "name": {
        "object": "name",
        "title": "mr",
        "other_title": None,
        "first_name": "Ada",
        "middle_name": "Byron",
        "last_name": "Lovelace",
        "name": "Ada Lovelace",
        "full_name": "Ada Byron Lovelace",
        "complete_name": "Mr Ada Byron Lovelace",
    },
    "email": "ada.lovelace@example.com",
    "landline": "+441314960000",
    "mobile": "+447700900123",
    "dob": "1990-12-10",
    "reference": "CRM-000001",
    "national_insurance_number": "QQ123456C",
    "is_deletable": True,
    "deletion_date": None,
    "created_at": "2024-03-01T09:30:00Z",
    "updated_at": "2024-03-02T10:45:12Z",
    "archived_at": None,
}
RECORD_BYTES = json.dumps(RECORD).encode()
API = "/api/v2"


@attrs.frozen
class ServerConfig:
    """What the server process serves."""

    #: Records in the ``/clients`` listing.
    total: int = 10_000
    #: Seconds each listing page under ``/slow`` takes to answer (``asyncio.sleep``: no CPU).
    page_delay: float = 0.010
    #: Requests per second the rate-limited port lets through.
    rate_limit: int = 200
    #: The CPU to pin the server to (``None``: leave it free).
    cpu: int | None = None


@attrs.frozen
class ServerInfo:
    """The URLs of a running server."""

    url: str
    #: The same API, with ``page_delay`` before every listing page.
    slow_url: str
    ratelimited_url: str


def make_app(config: ServerConfig, base_url: Callable[[], str]) -> Any:
    """The benchmark app (an ``aiohttp.web.Application``); *base_url* gives its own origin."""
    from aiohttp import web

    pages: dict[tuple[str, int, int], bytes] = {}

    def page_body(path: str, page: int, limit: int) -> bytes:
        body = pages.get((path, page, limit))
        if body is None:
            total = config.total
            start = (page - 1) * limit
            count = max(0, min(limit, total - start))
            total_pages = max(1, -(-total // limit))
            records = [dict(RECORD, id=start + i + 1) for i in range(count)]
            following = f"{base_url()}{path}?limit={limit}&page={page + 1}"
            body = json.dumps(
                {
                    "object": "paginated_list",
                    "data": records,
                    "total": total,
                    "count": count,
                    "limit": limit,
                    "current_page": page,
                    "total_pages": total_pages,
                    "links": {
                        "next": following if page < total_pages else None,
                        "previous": None,
                    },
                }
            ).encode()
            pages[(path, page, limit)] = body
        return body

    async def get_client(request: web.Request) -> web.Response:
        return web.Response(body=RECORD_BYTES, content_type="application/json")

    async def list_clients(request: web.Request) -> web.Response:
        query = request.rel_url.query
        page = int(query.get("page", "1"))
        limit = int(query.get("limit", "25"))
        if request.path.startswith("/slow/"):
            await asyncio.sleep(config.page_delay)
        body = page_body(request.path, page, limit)
        return web.Response(body=body, content_type="application/json")

    app = web.Application()
    app.router.add_get(API + "/clients/{id}", get_client)
    app.router.add_get(API + "/clients", list_clients)
    app.router.add_get("/slow" + API + "/clients", list_clients)
    return app


async def _serve(config: ServerConfig, conn: Connection) -> None:
    from aiohttp import web

    from common.testing import EmulatorServer, ServerRateLimit

    origin = ""
    app = make_app(config, lambda: origin)
    limited_origin = ""
    limited = EmulatorServer(
        make_app(config, lambda: limited_origin),
        rate_limit=ServerRateLimit(config.rate_limit, per=1.0),
        record_bodies_up_to=0,
    )

    async def stats(request: web.Request) -> web.Response:
        counts: dict[str, Any] = {}
        for position, record in enumerate(limited.requests):
            key = str(record.status)
            counts[key] = counts.get(key, 0) + 1
            if record.status == 429:  # where in the run they came (the first ones refused)
                counts.setdefault("429_at", []).append(position)
        if "times" in request.query:
            counts["times"] = [record.time for record in limited.requests]
        return web.json_response(counts)

    async def reset(request: web.Request) -> web.Response:
        limited.requests.clear()
        return web.json_response({})

    app.router.add_get("/_stats/ratelimited", stats)
    app.router.add_post("/_stats/ratelimited/reset", reset)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, backlog=1024)
    await site.start()
    port = runner.addresses[0][1]
    origin = f"http://127.0.0.1:{port}"
    await limited.start()
    limited_origin = limited.url
    conn.send(
        ServerInfo(
            url=origin + API, slow_url=origin + "/slow" + API, ratelimited_url=limited_origin + API
        )
    )
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_reader(conn.fileno(), stop.set)
    await stop.wait()
    loop.remove_reader(conn.fileno())
    await limited.stop()
    await runner.cleanup()


def _main(config: ServerConfig, conn: Connection) -> None:
    if config.cpu is not None and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {config.cpu})
    asyncio.run(_serve(config, conn))


class ServerProcess:
    """``with ServerProcess(config) as info:`` runs the server in a spawned process."""

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(
            target=_main, args=(config, child), name="bench-server", daemon=True
        )
        self._child = child

    def __enter__(self) -> ServerInfo:
        self._process.start()
        self._child.close()
        if not self._conn.poll(30):
            self._process.kill()
            raise RuntimeError("the benchmark server did not start within 30 s")
        try:
            info: ServerInfo = self._conn.recv()
        except EOFError:
            self._process.join(5)
            raise RuntimeError("the benchmark server died while starting (see above)") from None
        return info

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(OSError):  # the server may have died already
            self._conn.send("stop")
        self._process.join(5)
        if self._process.is_alive():  # pragma: no cover
            self._process.kill()
            self._process.join()
        self._conn.close()

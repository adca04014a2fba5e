"""Foundation part 2, capability 1, end to end: each paging style through a real client."""

from __future__ import annotations

import tracemalloc
from typing import Any

import attrs
import pytest
from aiohttp import web

from common import (
    BaseClient,
    NextIdPaging,
    NextUrlPaging,
    PageNumberPaging,
    PagingStrategy,
    Unpaged,
    UnsafeURLError,
)
from common.models import wire_names
from common.testing import EmulatorFactory, EmulatorServer

TOTAL = 20_000


@attrs.frozen
class Item:
    id: int
    name: str


@wire_names("pascal")
@attrs.frozen
class PascalItem:
    id: int
    name: str


class PagedClient(BaseClient):
    vendor = "paging-demo"
    logger_name = "paging_demo"


def item(i: int) -> dict[str, Any]:
    return {"id": i, "name": f"item {i}", "padding": "x" * 100}


def paging_app(total: int = TOTAL, next_link: str | None = None) -> web.Application:
    """One endpoint per paging style, serving *total* generated items."""

    async def page_number(request: web.Request) -> web.Response:  # Amiqus
        page, limit = int(request.query.get("page", "1")), int(request.query.get("limit", "25"))
        start = (page - 1) * limit
        data = [item(i) for i in range(start + 1, min(start + limit, total) + 1)]
        pages = -(-total // limit)
        return web.json_response(
            {
                "data": data,
                "total": total,
                "limit": limit,
                "current_page": page,
                "total_pages": pages,
                "links": {"next": None, "previous": None} if page >= pages else {"next": "x"},
            }
        )

    async def next_url(request: web.Request) -> web.Response:  # Amilia v3
        page, per = int(request.query.get("page", "1")), int(request.query.get("perPage", "200"))
        start = (page - 1) * per
        items = [
            {"Id": i, "Name": f"item {i}"} for i in range(start + 1, min(start + per, total) + 1)
        ]
        following = next_link or (
            f"/api/v3/en/org/demo/items?page={page + 1}&perPage={per}"  # relative to the host
            if start + per < total
            else None
        )
        return web.json_response(
            {"Items": items, "Paging": {"TotalCount": total, "Next": following}}
        )

    async def next_id(request: web.Request) -> web.Response:  # Amilia v2
        limit, start = int(request.query["limit"]), int(request.query.get("idStart", "1"))
        items = [
            {"Id": i, "Name": f"item {i}"} for i in range(start, min(start + limit, total + 1))
        ]
        nxt = start + limit if start + limit <= total else None
        return web.json_response({"Items": items, "Page": {"NextId": nxt, "Next": None}})

    async def bare(request: web.Request) -> web.Response:  # IntakeQ
        page = int(request.query["page"])
        start = (page - 1) * 100
        return web.json_response([item(i) for i in range(start + 1, min(start + 100, total) + 1)])

    async def unpaged(request: web.Request) -> web.Response:
        return web.json_response([item(i) for i in range(1, 4)])

    app = web.Application()
    app.router.add_get("/api/v3/en/org/demo/records", page_number)
    app.router.add_get("/api/v3/en/org/demo/items", next_url)
    app.router.add_get("/api/v3/en/org/demo/v2items", next_id)
    app.router.add_get("/api/v3/en/org/demo/clients", bare)
    app.router.add_get("/api/v3/en/org/demo/files", unpaged)
    return app


CASES: list[tuple[str, str, PagingStrategy, int | None, type[Any]]] = [
    ("page-number", "/records", PageNumberPaging(), 100, Item),
    ("next-url", "/items", NextUrlPaging(), 200, PascalItem),
    ("next-id", "/v2items", NextIdPaging(), 100, PascalItem),
    (
        "bare-array",
        "/clients",
        PageNumberPaging(items_key=None, size_param=None, fixed_page_size=100),
        None,
        Item,
    ),
]


@pytest.fixture
async def server(emulator: EmulatorFactory) -> EmulatorServer:
    return await emulator(paging_app(), record_bodies_up_to=0)


def client_for(server: EmulatorServer) -> PagedClient:
    return PagedClient(base_url=f"{server.url}/api/v3/en/org/demo")


@pytest.mark.parametrize(
    ("name", "path", "paging", "size", "model"), CASES, ids=[c[0] for c in CASES]
)
async def test_twenty_thousand_items_stream_with_flat_memory(
    server: EmulatorServer,
    name: str,
    path: str,
    paging: PagingStrategy,
    size: int | None,
    model: type[Any],
) -> None:
    """Every style yields all 20,000 items in order, holding one page at a time."""
    async with client_for(server) as client:
        pager = client.paginate(path, model=model, paging=paging, page_size=size)
        tracemalloc.start()
        try:
            expected, count = 1, 0
            async for entry in pager:
                assert entry.id == expected
                expected += 1
                count += 1
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert count == TOTAL
    # A list of 20,000 models alone takes several MB; one page of them a few hundred kB.
    assert peak < 2_500_000, f"peak {peak / 1e6:.1f} MB"
    assert len(server.requests) == TOTAL // (size or 100) + (1 if name == "bare-array" else 0)


async def test_unpaged_lists_take_one_request(server: EmulatorServer) -> None:
    """A plain JSON array is one page: one request, every item."""
    async with client_for(server) as client:
        items = await client.paginate("/files", model=Item, paging=Unpaged()).collect()
    assert [i.id for i in items] == [1, 2, 3]
    assert len(server.requests) == 1


async def test_max_items_and_break_stop_fetching(server: EmulatorServer) -> None:
    """max_items=150 at 100 a page is two requests; breaking after one item is one."""
    async with client_for(server) as client:
        some = await client.paginate(
            "/records", model=Item, paging=PageNumberPaging(), page_size=100, max_items=150
        ).collect()
        assert len(some) == 150
        assert len(server.requests) == 2
        async for _ in client.paginate("/records", model=Item, paging=PageNumberPaging()):
            break
        assert len(server.requests) == 3


async def test_prefetch_keeps_order_over_real_sockets(server: EmulatorServer) -> None:
    """prefetch=4 fetches ahead yet yields items strictly in order."""
    async with client_for(server) as client:
        items = await client.paginate(
            "/records", model=Item, paging=PageNumberPaging(), page_size=500, prefetch=4
        ).collect()
    assert [i.id for i in items] == list(range(1, TOTAL + 1))
    assert sorted(int(r.query["page"]) for r in server.requests) == list(range(1, 41))


async def test_a_next_link_to_another_host_is_refused_and_never_requested(
    emulator: EmulatorFactory,
) -> None:
    """A next link to another port/host raises UnsafeURLError; that host sees no request."""
    foreign = await emulator(paging_app())
    origin = await emulator(paging_app(next_link=f"{foreign.url}/api/v3/en/org/demo/items"))
    async with PagedClient(base_url=f"{origin.url}/api/v3/en/org/demo") as client:
        pager = client.paginate("/items", model=PascalItem, paging=NextUrlPaging())
        with pytest.raises(UnsafeURLError):
            await pager.collect()
    assert len(origin.requests) == 1
    assert len(foreign.requests) == 0

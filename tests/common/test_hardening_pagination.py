"""Hardening (issue 19, item 8): a listing that leads back to a page already read ends with
PaginationCycleError instead of looping for ever."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from aioresponses import aioresponses

from common.errors import DecodeError, PaginationCycleError
from common.pagination import (
    AsyncPager,
    NextIdPaging,
    NextUrlPaging,
    PageNumberPaging,
    PageRequest,
    PagingStrategy,
)

from .support import BASE, DemoClient, calls

#: A looping pager on the code before the fix would run for ever: the fake stops it here.
RUNAWAY = 60


class Fetch:
    """A ``fetch`` that serves bodies from *respond* and fails the test if it runs away."""

    def __init__(self, respond: Callable[[PageRequest], Any]) -> None:
        self.respond = respond
        self.requests: list[PageRequest] = []

    async def __call__(self, request: PageRequest) -> Any:
        self.requests.append(request)
        if len(self.requests) > RUNAWAY:
            raise AssertionError(f"{RUNAWAY} pages fetched: the pager is looping")
        return self.respond(request)


def pager(fetch: Fetch, strategy: PagingStrategy, **options: Any) -> AsyncPager[Any]:
    return AsyncPager(
        fetch=fetch,
        strategy=strategy,
        path="/items",
        structure=lambda x: x,
        base_url=BASE,
        **options,
    )


def _param(request: PageRequest, name: str) -> str | None:
    from urllib.parse import parse_qsl, urlsplit

    pairs = list(request.params) + parse_qsl(urlsplit(request.url).query)
    return next((value for key, value in pairs if key == name), None)


async def test_next_links_alternating_between_two_pages_end_in_an_error() -> None:
    """/items -> ?page=2 -> ?page=1 -> ?page=2 ...: the fourth request is never sent."""

    def respond(request: PageRequest) -> Any:
        other = "2" if _param(request, "page") in (None, "1") else "1"
        return {"Items": [{"id": 1}], "Paging": {"Next": f"{BASE}/items?page={other}"}}

    fetch = Fetch(respond)
    with pytest.raises(PaginationCycleError, match="already read") as caught:
        await pager(fetch, NextUrlPaging()).collect()
    assert len(fetch.requests) == 3
    assert isinstance(caught.value, DecodeError)
    assert caught.value.url == f"{BASE}/items"


async def test_a_cycle_through_several_pages_is_caught_whatever_its_length() -> None:
    """1 -> 2 -> 3 -> 4 -> 2: stopped before the fifth request."""

    def respond(request: PageRequest) -> Any:
        number = int(_param(request, "page") or 1)
        following = 2 if number == 4 else number + 1
        return {"Items": [{"id": number}], "Paging": {"Next": f"/v1/items?page={following}"}}

    fetch = Fetch(respond)
    with pytest.raises(PaginationCycleError):
        await pager(fetch, NextUrlPaging()).collect()
    assert len(fetch.requests) == 4


async def test_the_same_page_with_its_query_reordered_is_the_same_page() -> None:
    """?a=1&page=2 and ?page=2&a=1 name one page: a link back to it is a cycle."""
    links = iter(
        [f"{BASE}/items?a=1&page=2", f"{BASE}/items?page=3&a=1", f"{BASE}/items?page=2&a=1"]
    )

    def respond(request: PageRequest) -> Any:
        return {"Items": [{"id": 1}], "Paging": {"Next": next(links)}}

    fetch = Fetch(respond)
    with pytest.raises(PaginationCycleError):
        await pager(fetch, NextUrlPaging()).collect()
    assert len(fetch.requests) == 3


async def test_next_ids_alternating_end_in_an_error() -> None:
    """NextId 5 -> 9 -> 5: the cursor names a page already read."""

    def respond(request: PageRequest) -> Any:
        following = 9 if _param(request, "idStart") in (None, "5") else 5
        return {"Items": [{"id": 1}], "Page": {"NextId": following}}

    fetch = Fetch(respond)
    with pytest.raises(PaginationCycleError):
        await pager(fetch, NextIdPaging()).collect()
    assert len(fetch.requests) == 3  # the first page, idStart=9, idStart=5; then 9 again: no


async def test_a_prefetched_listing_that_links_back_ends_in_an_error() -> None:
    """With prefetch, pages fetched by number count as read: a later link back is a cycle."""

    def respond(request: PageRequest) -> Any:
        number = int(_param(request, "page") or 1)
        # The body says 2 pages, but page 2 links on to page 1.
        return {
            "Items": [{"id": number}] * 2,
            "Paging": {"TotalCount": 4, "Next": f"{BASE}/items?page=1&perPage=2"},
        }

    fetch = Fetch(respond)
    listing = pager(fetch, NextUrlPaging(page_param="page"), page_size=2, prefetch=2)
    with pytest.raises(PaginationCycleError):
        await listing.collect()
    assert len(fetch.requests) == 2


async def test_a_listing_without_repeats_is_untouched() -> None:
    """Page numbers, ids and links that never repeat: every page is read, no error."""

    def respond(request: PageRequest) -> Any:
        number = int(_param(request, "page") or 1)
        following = f"{BASE}/items?page={number + 1}" if number < 30 else None
        return {"Items": [{"id": number}], "Paging": {"Next": following}}

    fetch = Fetch(respond)
    assert len(await pager(fetch, NextUrlPaging()).collect()) == 30
    numbered = Fetch(lambda r: {"data": [{"id": 1}] * 2 if int(_param(r, "page") or 1) < 5 else []})
    assert len(await pager(numbered, PageNumberPaging(), page_size=2).collect()) == 8


async def test_a_client_listing_whose_next_links_alternate_stops_after_three_requests(
    client: DemoClient, mocked: aioresponses
) -> None:
    """Through the client: three GETs, then PaginationCycleError (before: without end)."""
    first, second = f"{BASE}/items?page=1", f"{BASE}/items?page=2"
    mocked.get(f"{BASE}/items", payload={"Items": [1], "Paging": {"Next": second}}, repeat=True)
    mocked.get(first, payload={"Items": [1], "Paging": {"Next": second}}, repeat=True)
    mocked.get(second, payload={"Items": [2], "Paging": {"Next": first}}, repeat=True)
    listing = client.paginate("/items", model=int, paging=NextUrlPaging())

    async def drain() -> None:
        async for _ in listing:
            if sum(len(v) for v in mocked.requests.values()) > RUNAWAY:
                raise AssertionError("the pager is looping")

    with pytest.raises(PaginationCycleError):
        await drain()
    total = sum(len(calls(mocked, "GET", url)) for url in (f"{BASE}/items", first, second))
    assert total == 3  # the first page, page 2, page 1 (which names page 2 again: refused)

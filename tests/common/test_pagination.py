"""Specification of paging: the strategies, next-link safety, and AsyncPager."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import tracemalloc
from collections.abc import Callable, Iterator, Mapping
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import attrs
import pytest

from common.errors import DecodeError, InvalidRequestError, UnsafeURLError
from common.pagination import (
    AsyncPager,
    NextIdPaging,
    NextUrlPaging,
    Page,
    PageInfo,
    PageNumberPaging,
    PageRequest,
    PagingStrategy,
    Unpaged,
    resolve_next_url,
)

AMIQUS = "https://id.amiqus.co/api/v2"
AMILIA = "https://app.amilia.com/api/v3/en/org/acme"
INTAKEQ = "https://intakeq.com/api/v1"
TRACKOPS = "https://firm.viewcases.com/api/v1"

Responder = Callable[[PageRequest], Any]


# --------------------------------------------------------------------------------------------
# Fakes and helpers


class FakeFetch:
    """A ``fetch`` that records every request, serves canned bodies and tracks concurrency."""

    def __init__(
        self,
        responder: Responder,
        *,
        delay: Callable[[PageRequest], float] | None = None,
        gate: Callable[[PageRequest], asyncio.Event | None] | None = None,
    ) -> None:
        self.responder = responder
        self.delay = delay
        self.gate = gate
        self.requests: list[PageRequest] = []
        self.completed: list[PageRequest] = []
        self.cancelled: list[PageRequest] = []
        self.in_flight = 0
        self.max_in_flight = 0

    async def __call__(self, request: PageRequest) -> Any:
        self.requests.append(request)
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if self.delay is not None:
                await asyncio.sleep(self.delay(request))
            event = self.gate(request) if self.gate is not None else None
            if event is not None:
                await event.wait()
            body = self.responder(request)
        except asyncio.CancelledError:
            self.cancelled.append(request)
            raise
        finally:
            self.in_flight -= 1
        self.completed.append(request)
        if isinstance(body, BaseException):
            raise body
        return body

    @property
    def urls(self) -> list[str]:
        return [r.url for r in self.requests]

    def param(self, name: str) -> list[str | None]:
        """The value of query parameter *name* in each request, in order."""
        return [_param(r, name) for r in self.requests]


def _param(request: PageRequest, name: str) -> str | None:
    pairs = list(request.params) + parse_qsl(urlsplit(request.url).query)
    return next((value for key, value in pairs if key == name), None)


def _page_of(request: PageRequest, name: str = "page") -> int:
    value = _param(request, name)
    return 1 if value is None else int(value)


def records(count: int) -> list[dict[str, Any]]:
    return [{"id": i} for i in range(1, count + 1)]


def amiqus_body(
    data: list[Any],
    *,
    page: int,
    limit: int,
    total: int,
    links: Any = ...,
    with_total_pages: bool = True,
) -> dict[str, Any]:
    """An Amiqus ``paginated_list``; ``links`` follows the guide unless given."""
    total_pages = max(1, -(-total // limit))
    if links is ...:
        links = (
            None
            if total_pages == 1
            else {
                "next": f"{AMIQUS}/clients?page={page + 1}" if page < total_pages else None,
                "previous": f"{AMIQUS}/clients?page={page - 1}" if page > 1 else None,
            }
        )
    body: dict[str, Any] = {
        "object": "paginated_list",
        "data": data,
        "total": total,
        "count": len(data),
        "limit": limit,
        "current_page": page,
        "links": links,
    }
    if with_total_pages:
        body["total_pages"] = total_pages
    return body


def amiqus_api(total: int, limit: int, **kwargs: Any) -> Responder:
    """Serve *total* records as Amiqus pages of *limit*."""
    everything = records(total)

    def respond(request: PageRequest) -> Any:
        page = _page_of(request)
        chunk = everything[(page - 1) * limit : page * limit]
        return amiqus_body(chunk, page=page, limit=limit, total=total, **kwargs)

    return respond


def bare_api(total: int, size_param: str | None, default_size: int = 100) -> Responder:
    """Serve *total* records as bare JSON arrays, paged by ``page`` (IntakeQ, Trackops)."""
    everything = records(total)

    def respond(request: PageRequest) -> Any:
        page = _page_of(request)
        size = int(_param(request, size_param) or default_size) if size_param else default_size
        return everything[(page - 1) * size : page * size]

    return respond


def amilia_v3_api(total: int, *, link: Callable[[int, int], str] | None = None) -> Responder:
    """Serve Amilia v3 ``{Items, Paging{TotalCount, Next}}`` pages; ``link(page, per_page)``."""
    everything = records(total)

    def default_link(page: int, per_page: int) -> str:
        return f"{AMILIA}/programs?page={page}&perPage={per_page}"

    make_link = link or default_link

    def respond(request: PageRequest) -> Any:
        page = _page_of(request)
        per_page = int(_param(request, "perPage") or 200)
        chunk = everything[(page - 1) * per_page : page * per_page]
        more = page * per_page < total
        return {
            "Items": chunk,
            "Paging": {
                "TotalCount": total,
                "Next": make_link(page + 1, per_page) if more else None,
            },
        }

    return respond


def pager(
    fetch: FakeFetch,
    strategy: PagingStrategy | None = None,
    *,
    path: str = "/clients",
    base_url: str = AMIQUS,
    structure: Callable[[Any], Any] | None = None,
    **kwargs: Any,
) -> AsyncPager[Any]:
    return AsyncPager(
        fetch=fetch,
        strategy=strategy or PageNumberPaging(),
        path=path,
        structure=structure or (lambda raw: raw["id"]),
        base_url=base_url,
        **kwargs,
    )


async def drain(it: AsyncPager[Any]) -> list[Any]:
    return [item async for item in it]


async def consume_into(seen: list[Any], it: AsyncPager[Any]) -> None:
    """Append each item to *seen* as it arrives (so a test sees what came before an error)."""
    async for item in it:
        seen.append(item)


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def no_asyncio_errors() -> Iterator[None]:
    """Fail any test after which asyncio logged a problem (e.g. "Task was destroyed")."""
    handler = _Records()
    logger = logging.getLogger("asyncio")
    logger.addHandler(handler)
    try:
        yield
        gc.collect(1)  # the young generations hold this test's tasks; a full pass is slow
    finally:
        logger.removeHandler(handler)
    assert not handler.records, [r.getMessage() for r in handler.records]


# --------------------------------------------------------------------------------------------
# resolve_next_url


@pytest.mark.parametrize(
    ("next_url", "current_url", "expected"),
    [
        ("?page=2", f"{AMILIA}/programs?page=1", f"{AMILIA}/programs?page=2"),
        ("programs?page=3", f"{AMILIA}/programs?page=2", f"{AMILIA}/programs?page=3"),
        ("/api/v3/en/x?page=2", f"{AMILIA}/programs", "https://app.amilia.com/api/v3/en/x?page=2"),
        ("../b/p", f"{AMILIA}/programs", "https://app.amilia.com/api/v3/en/org/b/p"),
        (f"{AMILIA}/programs?page=2", f"{AMILIA}/programs", f"{AMILIA}/programs?page=2"),
        ("HTTPS://APP.Amilia.COM/x", f"{AMILIA}/p", "https://APP.Amilia.COM/x"),
        ("https://app.amilia.com:443/x", f"{AMILIA}/p", "https://app.amilia.com:443/x"),
        ("//app.amilia.com/x?a=1", f"{AMILIA}/p", "https://app.amilia.com/x?a=1"),
        ("  /x?page=2#frag  ", f"{AMILIA}/p", "https://app.amilia.com/x?page=2"),
    ],
)
def test_resolve_next_url_joins_and_accepts_same_origin(
    next_url: str, current_url: str, expected: str
) -> None:
    """Relative links join the current URL per RFC 3986; same-origin results are returned."""
    assert resolve_next_url(next_url, current_url, AMILIA) == expected


def test_resolve_next_url_normalises_default_http_port() -> None:
    """An explicit :80 on http is the same origin as none."""
    assert resolve_next_url("http://h.test:80/b", "http://h.test/a", "http://h.test/api") == (
        "http://h.test:80/b"
    )


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/api/v3/en/org/acme/programs?page=2",
        "//evil.example/programs",
        "http://app.amilia.com/api/v3/en/org/acme/programs?page=2",
        "https://app.amilia.com:8443/programs",
        "https://app.amilia.com.evil.example/programs",
        "https://evil.example@app.amilia.com/programs",
        "https://app.amilia.com@evil.example/programs",
        "https://evil.example\\@app.amilia.com/programs",
        "https://app.amilia.com:99999/programs",
        "https://app.amilia.com:http/programs",
        "javascript:alert(1)",
        "ftp://app.amilia.com/programs",
        "https://app.amilia.com/pro\ngrams",
        "",
    ],
)
def test_resolve_next_url_refuses_foreign_or_ambiguous_links(next_url: str) -> None:
    """Another host, scheme or port, user info, and parser-confusing links are refused."""
    with pytest.raises(UnsafeURLError):
        resolve_next_url(next_url, f"{AMILIA}/programs", AMILIA)


def test_resolve_next_url_error_shows_origin_not_full_link() -> None:
    """The error names the foreign origin but not the link's path or query."""
    with pytest.raises(UnsafeURLError) as caught:
        resolve_next_url("https://evil.example/p?token=s3cret", f"{AMILIA}/p", AMILIA)
    assert "https://evil.example" in str(caught.value)
    assert "s3cret" not in str(caught.value)


# --------------------------------------------------------------------------------------------
# PageNumberPaging (Amiqus, IntakeQ, Trackops)


async def test_amiqus_pages_until_total_pages() -> None:
    """Amiqus pages are requested with page and limit until current page == total_pages."""
    fetch = FakeFetch(amiqus_api(total=5, limit=2))
    items = await drain(pager(fetch, page_size=2, params={"search": "x"}))
    assert items == [1, 2, 3, 4, 5]
    assert fetch.requests == [
        PageRequest("/clients", (("search", "x"), ("page", str(n)), ("limit", "2")))
        for n in (1, 2, 3)
    ]


@pytest.mark.parametrize(
    ("kwargs", "expected_requests"),
    [
        ({}, 2),  # total_pages says 2
        ({"with_total_pages": False}, 2),  # links.next is null on page 2
        ({"with_total_pages": False, "links": {"next": "x", "previous": None}}, 3),  # no signal
    ],
)
async def test_last_page_exactly_full(kwargs: dict[str, Any], expected_requests: int) -> None:
    """A full last page stops by total_pages or links.next; without them one empty page ends it."""
    fetch = FakeFetch(amiqus_api(total=4, limit=2, **kwargs))
    assert await drain(pager(fetch, page_size=2)) == [1, 2, 3, 4]
    assert len(fetch.requests) == expected_requests


async def test_bare_array_exactly_full_last_page_needs_one_empty_request() -> None:
    """Bare arrays with no metadata: a full last page is followed by one empty page."""
    fetch = FakeFetch(bare_api(total=6, size_param="per_page"))
    strategy = PageNumberPaging(items_key=None, size_param="per_page")
    assert await drain(pager(fetch, strategy, page_size=3)) == [1, 2, 3, 4, 5, 6]
    assert fetch.param("page") == ["1", "2", "3"]
    assert fetch.param("per_page") == ["3", "3", "3"]


async def test_trackops_short_page_is_last() -> None:
    """Trackops: a page shorter than per_page is the last; no extra request."""
    fetch = FakeFetch(bare_api(total=7, size_param="per_page"))
    strategy = PageNumberPaging(items_key=None, size_param="per_page")
    assert await drain(pager(fetch, strategy, base_url=TRACKOPS, page_size=3)) == list(range(1, 8))
    assert fetch.param("page") == ["1", "2", "3"]


@pytest.mark.parametrize(("total", "expected_pages"), [(250, 3), (200, 3), (99, 1), (0, 1)])
async def test_intakeq_fixed_page_size(total: int, expected_pages: int) -> None:
    """IntakeQ pages by 100 with no size parameter; a page under 100 is the last."""
    fetch = FakeFetch(bare_api(total=total, size_param=None, default_size=100))
    strategy = PageNumberPaging(items_key=None, size_param=None, fixed_page_size=100)
    items = await drain(pager(fetch, strategy, base_url=INTAKEQ, path="/clients"))
    assert items == list(range(1, total + 1))
    assert len(fetch.requests) == expected_pages
    assert all(r.params == (("page", str(n)),) for n, r in enumerate(fetch.requests, 1))


def test_page_size_refused_when_endpoint_takes_none() -> None:
    """Asking a page size of an endpoint without a size parameter is an InvalidRequestError."""
    strategy = PageNumberPaging(items_key=None, size_param=None, fixed_page_size=100)
    with pytest.raises(InvalidRequestError, match="page size"):
        pager(FakeFetch(bare_api(1, None)), strategy, page_size=50)


async def test_empty_first_page() -> None:
    """An empty first page yields nothing, after exactly one request."""
    fetch = FakeFetch(amiqus_api(total=0, limit=25))
    p = pager(fetch)
    assert await drain(p) == []
    assert len(fetch.requests) == 1
    page = await p
    assert page.items == []
    assert page.has_next is False


async def test_links_null_means_single_page() -> None:
    """``links: null`` ends the listing even when the page is full and totals are absent."""
    body = {"data": records(2), "links": None}
    fetch = FakeFetch(lambda _request: body)
    assert await drain(pager(fetch, page_size=2)) == [1, 2]
    assert len(fetch.requests) == 1


async def test_links_next_null_ends_listing() -> None:
    """``links.next: null`` ends the listing."""
    body = {"data": records(2), "links": {"next": None, "previous": "p"}}
    fetch = FakeFetch(lambda _request: body)
    assert await drain(pager(fetch, page_size=2)) == [1, 2]
    assert len(fetch.requests) == 1


async def test_has_more_false_ends_listing() -> None:
    """The ``{object: list, has_more}`` envelope: has_more false ends the listing."""
    body = {"object": "list", "data": records(3), "has_more": False}
    fetch = FakeFetch(lambda _request: body)
    assert await drain(pager(fetch)) == [1, 2, 3]
    assert len(fetch.requests) == 1


async def test_page_size_stated_by_body_wins_over_requested() -> None:
    """When the server caps the limit and says so, its limit decides what a short page is."""
    everything = records(5)

    def capped(request: PageRequest) -> Any:
        page = _page_of(request)
        return {"data": everything[(page - 1) * 2 : page * 2], "limit": 2}

    fetch = FakeFetch(capped)
    assert await drain(pager(fetch, page_size=100)) == [1, 2, 3, 4, 5]
    assert fetch.param("page") == ["1", "2", "3"]


async def test_zero_based_page_numbers() -> None:
    """``first_page=0`` numbers pages from zero and still stops at total_pages."""

    def respond(request: PageRequest) -> Any:
        page = int(_param(request, "p") or 0)
        return {"data": records(4)[page * 2 : page * 2 + 2], "total_pages": 2}

    fetch = FakeFetch(respond)
    strategy = PageNumberPaging(page_param="p", first_page=0)
    assert await drain(pager(fetch, strategy)) == [1, 2, 3, 4]
    assert fetch.param("p") == ["0", "1"]


def test_caller_page_params_are_replaced_not_duplicated() -> None:
    """The strategy owns the page and size parameters; caller copies are replaced."""
    request = PageNumberPaging().first_request("/c", [("page", "9"), ("q", "a"), ("limit", "1")], 5)
    assert request == PageRequest("/c", (("page", "1"), ("q", "a"), ("limit", "5")))


@pytest.mark.parametrize(
    ("strategy", "number", "expected"),
    [
        (PageNumberPaging(), 3, (("q", "a"), ("page", "3"), ("limit", "5"))),
        (PageNumberPaging(first_page=0), 3, (("q", "a"), ("page", "2"), ("limit", "5"))),
    ],
)
def test_page_number_request_for_page(
    strategy: PageNumberPaging, number: int, expected: tuple[tuple[str, str], ...]
) -> None:
    """Random access maps the 1-based position onto the API's page numbers."""
    first = strategy.first_request("/c", [("q", "a")], 5)
    assert strategy.request_for_page(first, number) == PageRequest("/c", expected)


def test_default_strategies_without_random_access() -> None:
    """NextId and Unpaged (and NextUrl without page_param) cannot jump to a page."""
    first = PageRequest("/x")
    for strategy in (NextIdPaging(), Unpaged(), NextUrlPaging()):
        assert strategy.request_for_page(first, 2) is None


def test_fixed_page_size_must_be_positive() -> None:
    """A non-positive fixed_page_size is a configuration error."""
    with pytest.raises(InvalidRequestError):
        PageNumberPaging(fixed_page_size=0)


# --------------------------------------------------------------------------------------------
# NextUrlPaging (Amilia v3, links.next)


async def test_amilia_v3_follows_absolute_next_links() -> None:
    """Absolute Next links are requested as they are, with no extra params."""
    fetch = FakeFetch(amilia_v3_api(total=5))
    p = pager(fetch, NextUrlPaging(), base_url=AMILIA, path="/programs", page_size=2)
    assert await drain(p) == [1, 2, 3, 4, 5]
    assert fetch.requests == [
        PageRequest("/programs", (("perPage", "2"),)),
        PageRequest(f"{AMILIA}/programs?page=2&perPage=2"),
        PageRequest(f"{AMILIA}/programs?page=3&perPage=2"),
    ]


@pytest.mark.parametrize(
    ("link", "second_url"),
    [
        ("?page={page}&perPage={size}", f"{AMILIA}/programs?page=2&perPage=2"),
        ("programs?page={page}&perPage={size}", f"{AMILIA}/programs?page=2&perPage=2"),
        (
            "/api/v3/en/org/acme/programs?page={page}&perPage={size}",
            f"{AMILIA}/programs?page=2&perPage=2",
        ),
        (
            "/elsewhere?page={page}&perPage={size}",
            "https://app.amilia.com/elsewhere?page=2&perPage=2",
        ),
    ],
)
async def test_relative_next_links_resolve_against_current_url(link: str, second_url: str) -> None:
    """Relative Next links are joined with the current page's absolute URL (RFC 3986)."""
    fetch = FakeFetch(
        amilia_v3_api(total=5, link=lambda page, size: link.format(page=page, size=size))
    )
    p = pager(fetch, NextUrlPaging(), base_url=AMILIA, path="/programs", page_size=2)
    assert await drain(p) == [1, 2, 3, 4, 5]
    assert fetch.requests[1] == PageRequest(second_url)
    assert len(fetch.requests) == 3


@pytest.mark.parametrize(
    "foreign",
    [
        "https://evil.example/api/v3/en/org/acme/programs?page=2",
        "https://app.amilia.com:8443/api/v3/en/org/acme/programs?page=2",
        "http://app.amilia.com/api/v3/en/org/acme/programs?page=2",
        "//evil.example/programs?page=2",
    ],
)
async def test_foreign_next_link_is_never_requested(foreign: str) -> None:
    """A Next link off the base URL's origin raises UnsafeURLError and is never fetched."""
    fetch = FakeFetch(amilia_v3_api(total=5, link=lambda _page, _size: foreign))
    p = pager(fetch, NextUrlPaging(), base_url=AMILIA, path="/programs", page_size=2)
    seen: list[Any] = []
    with pytest.raises(UnsafeURLError):
        await consume_into(seen, p)
    assert seen == [1, 2]  # the first page's items were delivered before the refusal
    assert len(fetch.requests) == 1
    assert all("evil" not in r.url and ":8443" not in r.url for r in fetch.requests)


async def test_links_next_envelope() -> None:
    """NextUrlPaging reads ``links.next`` when configured for a ``data`` envelope."""
    responder = amiqus_api(total=5, limit=2, with_total_pages=False)
    fetch = FakeFetch(responder)
    strategy = NextUrlPaging(
        items_key="data",
        next_path=("links", "next"),
        total_items_path=("total",),
        size_param="limit",
    )
    p = pager(fetch, strategy, page_size=2)
    assert await drain(p) == [1, 2, 3, 4, 5]
    assert fetch.requests[1:] == [
        PageRequest(f"{AMIQUS}/clients?page=2"),
        PageRequest(f"{AMIQUS}/clients?page=3"),
    ]


async def test_next_url_bare_array_is_single_page() -> None:
    """A bare JSON array where an envelope was expected is the one and only page."""
    fetch = FakeFetch(lambda _request: records(3))
    p = pager(fetch, NextUrlPaging(), base_url=AMILIA, path="/programs")
    assert await drain(p) == [1, 2, 3]
    page = await p
    assert page.has_next is False
    assert len(fetch.requests) == 2


async def test_next_url_empty_page_with_link_stops() -> None:
    """An empty page ends the listing even if it carries a Next link."""
    body = {"Items": [], "Paging": {"TotalCount": 0, "Next": f"{AMILIA}/programs?page=2"}}
    fetch = FakeFetch(lambda _request: body)
    assert await drain(pager(fetch, NextUrlPaging(), base_url=AMILIA, path="/p")) == []
    assert len(fetch.requests) == 1


async def test_next_link_to_the_same_page_is_refused() -> None:
    """A Next link pointing at the page just read raises DecodeError instead of looping."""
    body = {"Items": [{"id": 1}], "Paging": {"Next": f"{AMILIA}/p?perPage=1"}}
    fetch = FakeFetch(lambda _request: body)
    p = pager(fetch, NextUrlPaging(), base_url=AMILIA, path="/p", page_size=1)
    with pytest.raises(DecodeError, match="page just read"):
        await drain(p)
    assert len(fetch.requests) == 1


async def test_next_url_metadata() -> None:
    """Total items come from Paging.TotalCount; total pages from it and the page size."""
    fetch = FakeFetch(amilia_v3_api(total=5))
    p = pager(
        fetch, NextUrlPaging(page_param="page"), base_url=AMILIA, path="/programs", page_size=2
    )
    pages = [page async for page in p.pages()]
    assert [(pg.number, pg.total_items, pg.total_pages, pg.has_next) for pg in pages] == [
        (1, 5, 3, True),
        (2, 5, 3, True),
        (3, 5, 3, False),
    ]


# --------------------------------------------------------------------------------------------
# NextIdPaging (Amilia v2) and Unpaged


def amilia_v2_api(total: int) -> Responder:
    everything = records(total)

    def respond(request: PageRequest) -> Any:
        start = int(_param(request, "idStart") or 1)
        limit = int(_param(request, "limit") or 100)
        chunk = [r for r in everything if r["id"] >= start][:limit]
        following = chunk[-1]["id"] + 1 if chunk and chunk[-1]["id"] < total else None
        return {"Items": chunk, "Page": {"NextId": following, "Next": None}}

    return respond


async def test_amilia_v2_next_id() -> None:
    """Each next request repeats the path and params with idStart set to Page.NextId."""
    fetch = FakeFetch(amilia_v2_api(total=5))
    p = pager(
        fetch, NextIdPaging(), base_url=AMILIA, path="/persons", params=[("q", "a")], page_size=2
    )
    assert await drain(p) == [1, 2, 3, 4, 5]
    assert fetch.requests == [
        PageRequest("/persons", (("q", "a"), ("limit", "2"))),
        PageRequest("/persons", (("q", "a"), ("limit", "2"), ("idStart", "3"))),
        PageRequest("/persons", (("q", "a"), ("limit", "2"), ("idStart", "5"))),
    ]


@pytest.mark.parametrize(
    "body",
    [
        {"Items": [], "Page": {"NextId": 7}},
        {"Items": [{"id": 1}], "Page": {"NextId": None}},
        {"Items": [{"id": 1}]},
        [{"id": 1}],
    ],
)
async def test_next_id_last_page(body: Any) -> None:
    """Null NextId, an empty page, no Page at all, or a bare array: one request, no more."""
    fetch = FakeFetch(lambda _request: body)
    await drain(pager(fetch, NextIdPaging(), base_url=AMILIA, path="/persons"))
    assert len(fetch.requests) == 1


@pytest.mark.parametrize("strategy", [Unpaged(), Unpaged(items_key="files")])
async def test_unpaged_single_request(strategy: Unpaged) -> None:
    """Unpaged reads one body (bare array or under items_key) and stops."""
    body: Any = records(3) if strategy.items_key is None else {"files": records(3)}
    fetch = FakeFetch(lambda _request: body)
    p = pager(fetch, strategy, base_url=INTAKEQ, path="/files", params={"clientId": "4"})
    assert await drain(p) == [1, 2, 3]
    assert fetch.requests == [PageRequest("/files", (("clientId", "4"),))]
    page = await p
    assert (page.total_items, page.total_pages, page.has_next) == (3, 1, False)


# --------------------------------------------------------------------------------------------
# Malformed envelopes


@pytest.mark.parametrize(
    ("strategy", "body"),
    [
        (PageNumberPaging(), {"items": []}),
        (PageNumberPaging(), {"data": {"id": 1}}),
        (PageNumberPaging(), {"data": None}),
        (PageNumberPaging(), [{"id": 1}]),
        (PageNumberPaging(), "not json"),
        (PageNumberPaging(), None),
        (PageNumberPaging(items_key=None), {"data": []}),
        (PageNumberPaging(items_key=None), 42),
        (NextUrlPaging(), {"Paging": {}}),
        (NextUrlPaging(), {"Items": "x"}),
        (NextUrlPaging(), {"Items": [{"id": 1}], "Paging": {"Next": 5}}),
        (NextUrlPaging(), 3.5),
        (NextIdPaging(), {"items": []}),
        (NextIdPaging(), {"Items": [{"id": 1}], "Page": {"NextId": {"x": 1}}}),
        (NextIdPaging(), True),
        (Unpaged(), {"data": []}),
        (Unpaged(items_key="data"), []),
    ],
)
async def test_malformed_envelope_raises_decode_error(strategy: PagingStrategy, body: Any) -> None:
    """A body that is not the strategy's shape raises DecodeError naming the URL."""
    fetch = FakeFetch(lambda _request: body)
    with pytest.raises(DecodeError) as caught:
        await drain(pager(fetch, strategy, path="/clients"))
    assert caught.value.url == f"{AMIQUS}/clients"
    assert caught.value.excerpt


async def test_structure_errors_propagate() -> None:
    """A DecodeError from ``structure`` reaches the caller unchanged."""
    boom = DecodeError("bad item")

    def structure(raw: Any) -> Any:
        raise boom

    fetch = FakeFetch(amiqus_api(total=3, limit=25))
    with pytest.raises(DecodeError) as caught:
        await drain(pager(fetch, structure=structure))
    assert caught.value is boom


# --------------------------------------------------------------------------------------------
# The pager's surface


@pytest.mark.parametrize(
    ("max_items", "expected_items", "expected_requests"),
    [
        (0, 0, 0),
        (1, 1, 1),
        (100, 100, 1),
        (101, 101, 2),
        (150, 150, 2),
        (200, 200, 2),
        (None, 250, 3),
    ],
)
async def test_max_items_stops_after_the_right_number_of_requests(
    max_items: int | None, expected_items: int, expected_requests: int
) -> None:
    """max_items caps items and requests, in the constructor and in collect()."""
    for use_collect in (False, True):
        fetch = FakeFetch(amiqus_api(total=250, limit=100))
        if use_collect:
            items = await pager(fetch, page_size=100).collect(max_items=max_items)
        else:
            items = await drain(pager(fetch, page_size=100, max_items=max_items))
        assert items == list(range(1, expected_items + 1))
        assert len(fetch.requests) == expected_requests


async def test_collect_takes_the_smaller_of_two_caps() -> None:
    """collect(max_items) cannot exceed the pager's own max_items, and vice versa."""
    fetch = FakeFetch(amiqus_api(total=250, limit=100))
    p = pager(fetch, page_size=100, max_items=30)
    assert len(await p.collect(max_items=50)) == 30
    assert len(await p.collect(max_items=10)) == 10
    assert len(await p.collect()) == 30


async def test_break_fetches_nothing_more() -> None:
    """Breaking out of the loop leaves later pages unrequested."""
    fetch = FakeFetch(amiqus_api(total=250, limit=100))
    async for item in pager(fetch, page_size=100):
        if item == 150:
            break
    await asyncio.sleep(0)
    assert fetch.param("page") == ["1", "2"]


async def test_each_iteration_starts_again() -> None:
    """Iterating a pager twice fetches from the first page again, independently."""
    fetch = FakeFetch(amiqus_api(total=3, limit=2))
    p = pager(fetch, page_size=2)
    assert await drain(p) == [1, 2, 3]
    assert await drain(p) == [1, 2, 3]
    assert fetch.param("page") == ["1", "2", "1", "2"]


async def test_first_fetches_one_page_and_structures_one_item() -> None:
    """first() requests one page and structures only the item it returns."""
    calls: list[Any] = []

    def structure(raw: Any) -> Any:
        calls.append(raw)
        return raw["id"]

    fetch = FakeFetch(amiqus_api(total=250, limit=100))
    assert await pager(fetch, structure=structure).first() == 1
    assert len(fetch.requests) == 1
    assert len(calls) == 1


async def test_first_of_empty_listing_is_none() -> None:
    """first() on an empty listing is None."""
    fetch = FakeFetch(amiqus_api(total=0, limit=25))
    assert await pager(fetch).first() is None
    assert await pager(fetch, max_items=0).first() is None
    assert len(fetch.requests) == 1


async def test_await_pager_is_first_page_with_metadata() -> None:
    """``await pager`` is the first Page, with the totals the API states."""
    fetch = FakeFetch(amiqus_api(total=250, limit=100))
    page = await pager(fetch, page_size=100)
    assert isinstance(page, Page)
    assert page.items == list(range(1, 101))
    assert (page.number, page.total_items, page.total_pages, page.has_next) == (1, 250, 3, True)
    assert len(fetch.requests) == 1


async def test_pages_yields_structured_pages() -> None:
    """pages() yields each Page with its number, totals and has_next."""
    fetch = FakeFetch(amiqus_api(total=250, limit=100))
    pages = [page async for page in pager(fetch, page_size=100).pages()]
    assert [len(pg.items) for pg in pages] == [100, 100, 50]
    assert [pg.number for pg in pages] == [1, 2, 3]
    assert {(pg.total_items, pg.total_pages) for pg in pages} == {(250, 3)}
    assert [pg.has_next for pg in pages] == [True, True, False]


async def test_pages_truncates_last_page_to_max_items() -> None:
    """pages() honours max_items by cutting the last page short."""
    fetch = FakeFetch(amiqus_api(total=250, limit=100))
    pages = [page async for page in pager(fetch, page_size=100, max_items=120).pages()]
    assert [len(pg.items) for pg in pages] == [100, 20]


def test_construction_needs_no_running_loop() -> None:
    """A pager is built outside any event loop, performs no I/O, and runs later."""
    fetch = FakeFetch(amiqus_api(total=3, limit=2))
    p = pager(fetch, page_size=2, params=[("q", "a")])
    assert fetch.requests == []
    assert "/clients" in repr(p)
    assert asyncio.run(p.collect()) == [1, 2, 3]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"page_size": 0},
        {"page_size": -5},
        {"max_items": -1},
        {"prefetch": -1},
        {"path": "clients"},
        {"path": "//evil.example/clients"},
        {"base_url": "ftp://id.amiqus.co/api/v2"},
        {"base_url": "/api/v2"},
        {"params": "page=2"},
        {"params": [("limit", 5)]},
        {"params": [("only-a-name",)]},
        {"params": {"limit": 5}},
    ],
)
def test_invalid_arguments_are_refused(kwargs: dict[str, Any]) -> None:
    """Bad sizes, caps, paths, base URLs and params raise InvalidRequestError at once."""
    with pytest.raises(InvalidRequestError):
        pager(FakeFetch(lambda _request: []), **kwargs)


async def test_collect_refuses_negative_max_items() -> None:
    """collect(max_items=-1) is an InvalidRequestError."""
    with pytest.raises(InvalidRequestError):
        await pager(FakeFetch(lambda _request: [])).collect(max_items=-1)


# --------------------------------------------------------------------------------------------
# Prefetch


def slow_later_pages(request: PageRequest) -> float:
    """Earlier pages answer last, so completion order differs from page order."""
    return 0.001 * (12 - _page_of(request))


@pytest.mark.parametrize("prefetch", [1, 3])
async def test_prefetch_keeps_order_and_window(prefetch: int) -> None:
    """Prefetched pages arrive out of order but items come in order, N at most in flight."""
    fetch = FakeFetch(amiqus_api(total=100, limit=10), delay=slow_later_pages)
    p = pager(fetch, page_size=10, prefetch=prefetch)
    assert await drain(p) == list(range(1, 101))
    assert sorted(_page_of(r) for r in fetch.requests) == list(range(1, 11))
    assert fetch.max_in_flight == prefetch
    assert all(r.params[-1] == ("limit", "10") for r in fetch.requests)


async def test_prefetch_never_beyond_total_pages() -> None:
    """A window wider than the listing requests only the pages that exist."""
    fetch = FakeFetch(amiqus_api(total=35, limit=10), delay=lambda _r: 0.001)
    assert await drain(pager(fetch, page_size=10, prefetch=10)) == list(range(1, 36))
    assert sorted(_page_of(r) for r in fetch.requests) == [1, 2, 3, 4]


async def test_prefetch_respects_max_items() -> None:
    """The window never requests pages that max_items will not need."""
    fetch = FakeFetch(amiqus_api(total=100, limit=10), delay=lambda _r: 0.001)
    assert await drain(pager(fetch, page_size=10, prefetch=5, max_items=25)) == list(range(1, 26))
    assert sorted(_page_of(r) for r in fetch.requests) == [1, 2, 3]


async def test_prefetch_without_total_pages_is_sequential() -> None:
    """Without total_pages (bare arrays), prefetch falls back to one request at a time."""
    fetch = FakeFetch(bare_api(total=25, size_param="per_page"), delay=lambda _r: 0.001)
    strategy = PageNumberPaging(items_key=None, size_param="per_page")
    assert await drain(pager(fetch, strategy, page_size=10, prefetch=4)) == list(range(1, 26))
    assert fetch.param("page") == ["1", "2", "3"]
    assert fetch.max_in_flight == 1


def _gated_after_first_page() -> tuple[
    asyncio.Event, Callable[[PageRequest], asyncio.Event | None]
]:
    release = asyncio.Event()
    return release, lambda request: release if _page_of(request) > 1 else None


async def test_prefetch_break_cancels_and_awaits_pending() -> None:
    """Breaking out cancels every prefetched request; none completes afterwards."""
    release, gate = _gated_after_first_page()
    fetch = FakeFetch(amiqus_api(total=100, limit=10), gate=gate)
    async for item in pager(fetch, page_size=10, prefetch=3):
        await asyncio.sleep(0)  # the consumer does some I/O of its own
        if item == 5:
            break
    await asyncio.sleep(0.01)  # the loop finalises the abandoned iterator
    release.set()
    await asyncio.sleep(0.01)
    assert sorted(_page_of(r) for r in fetch.requests) == [1, 2, 3, 4]
    assert [_page_of(r) for r in fetch.completed] == [1]
    assert sorted(_page_of(r) for r in fetch.cancelled) == [2, 3, 4]
    assert asyncio.all_tasks() == {asyncio.current_task()}


async def test_prefetch_aclosing_cleans_up_before_returning() -> None:
    """Leaving an ``aclosing`` block has already cancelled and awaited every prefetch task."""
    release, gate = _gated_after_first_page()
    fetch = FakeFetch(amiqus_api(total=100, limit=10), gate=gate)
    async with contextlib.aclosing(pager(fetch, page_size=10, prefetch=2).pages()) as pages:
        async for _page in pages:
            await asyncio.sleep(0)
            break
    assert asyncio.all_tasks() == {asyncio.current_task()}
    assert sorted(_page_of(r) for r in fetch.cancelled) == [2, 3]
    release.set()
    await asyncio.sleep(0.01)
    assert [_page_of(r) for r in fetch.completed] == [1]


async def test_prefetch_error_surfaces_in_order() -> None:
    """A failed prefetched page raises only after the pages before it were yielded."""
    responder = amiqus_api(total=50, limit=10)
    failure = RuntimeError("page 3 failed")

    def respond(request: PageRequest) -> Any:
        return failure if _page_of(request) == 3 else responder(request)

    fetch = FakeFetch(respond, delay=lambda r: 0.0 if _page_of(r) == 3 else 0.005)
    seen: list[int] = []
    with pytest.raises(RuntimeError, match="page 3 failed"):
        await consume_into(seen, pager(fetch, page_size=10, prefetch=3))
    assert seen == list(range(1, 21))
    await asyncio.sleep(0.02)
    assert asyncio.all_tasks() == {asyncio.current_task()}
    assert 5 not in [_page_of(r) for r in fetch.completed]


async def test_prefetch_stops_when_a_page_says_it_is_last() -> None:
    """If the listing shrinks, the first page that says "last" ends it and the rest is cancelled."""

    def respond(request: PageRequest) -> Any:
        page = _page_of(request)
        if page == 1:
            return amiqus_body(records(10), page=1, limit=10, total=60)
        data = records(15)[10:] if page == 2 else []
        return amiqus_body(data, page=page, limit=10, total=15)

    fetch = FakeFetch(respond, delay=lambda r: 0.001 * _page_of(r))
    assert await drain(pager(fetch, page_size=10, prefetch=3)) == list(range(1, 16))
    await asyncio.sleep(0.01)
    assert [_page_of(r) for r in fetch.completed][:2] == [1, 2]


async def test_prefetch_next_url_falls_back_to_links_when_server_caps_page_size() -> None:
    """When the page size guess is wrong, prefetch ends and the Next links finish the job."""
    everything = records(50)

    def capped(request: PageRequest) -> Any:  # asks perPage=20, gets 10
        page = _page_of(request)
        chunk = everything[(page - 1) * 10 : page * 10]
        following = f"{AMILIA}/programs?page={page + 1}&perPage=20" if page < 5 else None
        return {"Items": chunk, "Paging": {"TotalCount": 50, "Next": following}}

    fetch = FakeFetch(capped, delay=lambda _r: 0.001)
    strategy = NextUrlPaging(page_param="page")
    p = pager(fetch, strategy, base_url=AMILIA, path="/programs", page_size=20, prefetch=4)
    assert await drain(p) == list(range(1, 51))
    assert [_page_of(r) for r in fetch.requests] == [1, 2, 3, 4, 5]


async def test_prefetch_uses_request_for_page() -> None:
    """Prefetched pages are the strategy's random-access requests for positions 2, 3, ..."""
    fetch = FakeFetch(amiqus_api(total=30, limit=10))
    await drain(pager(fetch, page_size=10, prefetch=2, params={"q": "a"}))
    assert sorted(fetch.requests, key=_page_of) == [
        PageRequest("/clients", (("q", "a"), ("page", "1"), ("limit", "10"))),
        PageRequest("/clients", (("q", "a"), ("page", "2"), ("limit", "10"))),
        PageRequest("/clients", (("q", "a"), ("page", "3"), ("limit", "10"))),
    ]


# --------------------------------------------------------------------------------------------
# Custom strategies and memory


@attrs.frozen
class AbsolutePaging(PagingStrategy):
    """A strategy that builds absolute next requests itself (to prove the pager checks them)."""

    host: str

    def first_request(self, path: str, params: Any, page_size: int | None) -> PageRequest:
        return PageRequest(path, tuple(params))

    def parse(self, body: Any, request: PageRequest) -> PageInfo:
        following = None if request.url.startswith("https://") else PageRequest(f"{self.host}/2")
        return PageInfo(items=body, next=following)


@pytest.mark.parametrize(("host", "requests"), [(AMIQUS, 2), ("https://evil.example", 1)])
async def test_absolute_next_requests_from_strategies_are_checked(host: str, requests: int) -> None:
    """An absolute ``next`` built by a strategy is checked like a link before it is fetched."""
    fetch = FakeFetch(lambda _request: [{"id": 1}])
    p = pager(fetch, AbsolutePaging(host))
    if host == AMIQUS:
        assert await drain(p) == [1, 1]
    else:
        with pytest.raises(UnsafeURLError):
            await drain(p)
    assert len(fetch.requests) == requests


async def test_memory_stays_flat_over_20000_items() -> None:
    """Iterating 20,000 items holds about one page, far below a list of all of them."""
    size, total = 100, 20_000

    def generated(request: PageRequest) -> Any:
        page = _page_of(request)
        start = (page - 1) * size
        data = [{"id": i, "name": f"item-{i}"} for i in range(start, min(start + size, total))]
        return {"data": data, "total": total, "total_pages": total // size}

    def structure(raw: Mapping[str, Any]) -> tuple[int, str]:
        return (raw["id"], raw["name"])

    tracemalloc.start()
    try:
        everything = [
            structure(raw)
            for n in range(1, total // size + 1)
            for raw in generated(PageRequest("/", (("page", str(n)),)))["data"]
        ]
        _current, list_peak = tracemalloc.get_traced_memory()
        del everything
        tracemalloc.reset_peak()
        baseline, _peak = tracemalloc.get_traced_memory()
        count = 0
        async for _item in pager(FakeFetch(generated), structure=structure, page_size=size):
            count += 1
        _current, pager_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == total
    assert pager_peak - baseline < list_peak / 10


async def test_an_absolute_first_url_on_the_same_origin_is_accepted() -> None:
    """A listing may start at an absolute URL on the base URL's origin (another API version)."""
    seen: list[PageRequest] = []

    async def fetch(request: PageRequest) -> Any:
        seen.append(request)
        return []

    pager = AsyncPager(
        fetch=fetch,
        strategy=Unpaged(),
        path="https://api.example.test/PublicApi/org/en/Programs",
        structure=lambda item: item,
        base_url="https://api.example.test/api/v3/en/org/x",
    )
    assert await pager.collect() == []
    assert seen[0].url == "https://api.example.test/PublicApi/org/en/Programs"


def test_an_absolute_first_url_on_another_origin_is_refused() -> None:
    """A first URL on another host is refused at construction, before any request."""
    with pytest.raises(UnsafeURLError):
        AsyncPager(
            fetch=lambda request: None,  # type: ignore[arg-type,return-value]
            strategy=Unpaged(),
            path="https://evil.example/PublicApi/org/en/Programs",
            structure=lambda item: item,
            base_url="https://api.example.test/api/v3/en/org/x",
        )


async def test_with_options_changes_page_size_cap_and_prefetch_without_io() -> None:
    """pager.with_options(...) is a new pager with other knobs; neither does any I/O."""
    seen: list[PageRequest] = []

    async def fetch(request: PageRequest) -> Any:
        seen.append(request)
        page = int(dict(request.params)["page"])
        return {"data": [page * 10 + i for i in range(5)], "current_page": page, "total_pages": 9}

    pager = AsyncPager(
        fetch=fetch,
        strategy=PageNumberPaging(),
        path="/records",
        params={"q": "x"},
        structure=lambda item: item,
        base_url="https://api.example.test/v2",
    )
    tuned = pager.with_options(page_size=5, max_items=7)
    assert seen == []
    assert await tuned.collect() == [10, 11, 12, 13, 14, 20, 21]
    assert [dict(r.params) for r in seen] == [
        {"q": "x", "page": "1", "limit": "5"},
        {"q": "x", "page": "2", "limit": "5"},
    ]
    with pytest.raises(InvalidRequestError):
        pager.with_options(prefetch=-1)

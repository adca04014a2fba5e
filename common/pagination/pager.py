"""AsyncPager: walks the pages a strategy describes, optionally fetching some ahead."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
from collections import deque
from collections.abc import (
    AsyncGenerator,
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Mapping,
    Sequence,
)
from typing import Any, Generic, TypeVar
from urllib.parse import parse_qsl, urlencode, urlsplit

from .._sentinel import NOT_GIVEN, NotGiven, NotGivenOr
from ..errors import DecodeError, InvalidRequestError, PaginationCycleError
from ..origin import origin_of, resolve_next_url
from .pages import Page, PageInfo, PageRequest
from .query import _check_size, _query_pairs
from .strategies import PagingStrategy

__all__ = ["AsyncPager"]

T = TypeVar("T")


class AsyncPager(Generic[T]):
    """A lazy listing: async-iterable over items, awaitable for the first page.

    ``async for item in pager`` fetches page after page as the items are consumed; breaking out
    fetches nothing more, and every new iteration starts again from the first page.
    ``await pager`` is the first :class:`Page`; :meth:`pages`, :meth:`collect` and
    :meth:`first` cover the rest. Constructing a pager performs no I/O.

    ``max_items`` caps what is yielded (and so what is fetched). ``prefetch=N`` keeps up to N
    following pages in flight once the first page states ``total_pages`` and the strategy can
    address pages directly (a new request starts as soon as one lands, and at most N answered
    pages wait for the consumer); items still come strictly in order, and an error on a
    prefetched page surfaces when its turn comes. Close an iteration you leave early with
    ``contextlib.aclosing`` to cancel prefetched pages at once (otherwise they are cancelled
    when the event loop finalises the abandoned iterator, right after).

    A listing that leads back to a page already read (alternating next links, a cursor or
    next id seen before) raises :class:`~common.errors.PaginationCycleError` instead of
    requesting it: pages are remembered by a 16-byte digest of their URL and sorted query.
    """

    __slots__ = (
        "_base_url",
        "_fetch",
        "_first_request",
        "_max_items",
        "_page_size",
        "_params",
        "_path",
        "_prefetch",
        "_strategy",
        "_structure",
    )

    def __init__(
        self,
        *,
        fetch: Callable[[PageRequest], Awaitable[Any]],
        strategy: PagingStrategy,
        path: str,
        params: Sequence[tuple[str, str]] | Mapping[str, str] = (),
        structure: Callable[[Any], T],
        base_url: str,
        page_size: int | None = None,
        max_items: int | None = None,
        prefetch: int = 0,
    ) -> None:
        if origin_of(base_url) is None:
            raise InvalidRequestError(f"base_url must be an absolute http(s) URL, got {base_url!r}")
        if not _is_base_path(path):
            if not path.startswith(("http://", "https://")):
                raise InvalidRequestError(
                    f"path must start with a single '/' or be an absolute URL, got {path!r}"
                )
            path = resolve_next_url(path, base_url, base_url)  # same origin only
        _check_size("page_size", page_size)
        if max_items is not None and (isinstance(max_items, bool) or max_items < 0):
            raise InvalidRequestError(f"max_items must be >= 0, got {max_items!r}")
        if isinstance(prefetch, bool) or prefetch < 0:
            raise InvalidRequestError(f"prefetch must be >= 0, got {prefetch!r}")
        self._fetch = fetch
        self._strategy = strategy
        self._structure = structure
        self._base_url = base_url
        self._max_items = max_items
        self._prefetch = prefetch
        self._path, self._params, self._page_size = path, _query_pairs(params), page_size
        self._first_request = strategy.first_request(path, self._params, page_size)

    def __repr__(self) -> str:
        return f"<AsyncPager {self._first_request.url} {self._strategy!r}>"

    # -- public surface ------------------------------------------------------------------

    def with_options(
        self,
        *,
        page_size: NotGivenOr[int | None] = NOT_GIVEN,
        max_items: NotGivenOr[int | None] = NOT_GIVEN,
        prefetch: NotGivenOr[int] = NOT_GIVEN,
    ) -> AsyncPager[T]:
        """A copy with another page size, item cap or prefetch window (no I/O).

        Resource methods take only the API's own filters; paging knobs are set here:
        ``client.programs.list().with_options(page_size=50, prefetch=4)``.
        """
        return AsyncPager(
            fetch=self._fetch,
            strategy=self._strategy,
            path=self._path,
            params=self._params,
            structure=self._structure,
            base_url=self._base_url,
            page_size=self._page_size if isinstance(page_size, NotGiven) else page_size,
            max_items=self._max_items if isinstance(max_items, NotGiven) else max_items,
            prefetch=self._prefetch if isinstance(prefetch, NotGiven) else prefetch,
        )

    def __aiter__(self) -> AsyncIterator[T]:
        return self._iter_items(self._max_items)

    def __await__(self) -> Generator[Any, None, Page[T]]:
        return self._first_page(self._max_items).__await__()

    def pages(self) -> AsyncGenerator[Page[T], None]:
        """Iterate over :class:`Page` objects (items already structured, capped by max_items)."""
        return self._iter_pages(self._max_items)

    async def collect(self, max_items: int | None = None) -> list[T]:
        """Every item (or the first *max_items*, also capped by the pager's own max_items)."""
        if max_items is not None and (isinstance(max_items, bool) or max_items < 0):
            raise InvalidRequestError(f"max_items must be >= 0, got {max_items!r}")
        if max_items is None or (self._max_items is not None and self._max_items < max_items):
            max_items = self._max_items
        collected: list[T] = []
        async with contextlib.aclosing(self._iter_pages(max_items)) as pages:
            async for page in pages:
                collected += page.items
        return collected

    async def first(self) -> T | None:
        """The first item, or ``None`` when the first page is empty; fetches one page at most."""
        page = await self._first_page(1 if self._max_items is None else min(1, self._max_items))
        return page.items[0] if page.items else None

    # -- machinery -----------------------------------------------------------------------

    def _url_of(self, request: PageRequest) -> str:
        url = request.url
        if _is_base_path(url):
            url = self._base_url.rstrip("/") + url
        if request.params:
            url += ("&" if "?" in url else "?") + urlencode(request.params)
        return url

    def _checked(self, request: PageRequest, current: PageRequest) -> PageRequest:
        """*request* when it is a path under the base URL, else its checked absolute form."""
        if _is_base_path(request.url):
            return request
        url = resolve_next_url(request.url, self._url_of(current), self._base_url)
        return request if url == request.url else PageRequest(url, request.params)

    def _next_request(self, info: PageInfo, current: PageRequest) -> PageRequest | None:
        if info.next_link is not None:
            here = self._url_of(current)
            following = PageRequest(resolve_next_url(info.next_link, here, self._base_url))
            looping = following.url == here
        elif info.next is not None:
            following = self._checked(info.next, current)
            looping = following == current
        else:
            return None
        if looping:
            raise PaginationCycleError(
                "the next page is the page just read; stopping rather than looping",
                method="GET",
                url=self._url_of(current).partition("?")[0],
            )
        return following

    def _page_key(self, request: PageRequest) -> bytes:
        """What identifies the page *request* asks for: its URL with the query sorted
        (cursor, next id and page number included), as a short digest."""
        parts = urlsplit(self._url_of(request))
        query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
        canonical = f"{parts.scheme.lower()}://{parts.netloc.lower()}{parts.path}?{query}"
        return hashlib.blake2b(canonical.encode(), digest_size=16).digest()

    def _not_seen(self, request: PageRequest, seen: set[bytes], current: PageRequest) -> None:
        """Note *request* as read, or raise :class:`PaginationCycleError` if it already was."""
        key = self._page_key(request)
        if key in seen:
            raise PaginationCycleError(
                f"the next page is one already read (after {len(seen)} pages); "
                "stopping rather than looping",
                method="GET",
                url=self._url_of(current).partition("?")[0],
            )
        seen.add(key)

    def _parse(self, body: Any, request: PageRequest) -> PageInfo:
        try:
            return self._strategy.parse(body, request)
        except DecodeError as err:
            self._locate(err, request)
            raise

    def _locate(self, err: DecodeError, request: PageRequest) -> None:
        """Make *err* say which page it was read from (query left out), unless it does."""
        if err.url is None:
            err.method, err.url = "GET", self._url_of(request).partition("?")[0]

    async def _load(self, request: PageRequest) -> PageInfo:
        return self._parse(await self._fetch(request), request)

    async def _fetch_body(self, request: PageRequest) -> Any:
        return await self._fetch(request)

    def _page(self, info: PageInfo, remaining: int | None, request: PageRequest) -> Page[T]:
        raw = info.items
        if remaining is not None and len(raw) > remaining:
            raw = raw[:remaining]
        try:
            items = list(map(self._structure, raw))
        except DecodeError as err:  # an item not of the documented shape: say on which page
            self._locate(err, request)
            raise
        return Page(
            items=items,
            number=info.number,
            total_items=info.total_items,
            total_pages=info.total_pages,
            has_next=info.has_next,
        )

    async def _first_page(self, limit: int | None) -> Page[T]:
        if limit == 0:
            return Page(items=[], number=None, total_items=None, total_pages=None, has_next=False)
        return self._page(await self._load(self._first_request), limit, self._first_request)

    async def _iter_items(self, limit: int | None) -> AsyncGenerator[T, None]:
        async with contextlib.aclosing(self._iter_pages(limit)) as pages:
            async for page in pages:
                for item in page.items:
                    yield item

    async def _iter_pages(self, limit: int | None) -> AsyncGenerator[Page[T], None]:
        if limit == 0:
            return
        request = self._first_request
        info = await self._load(request)
        page = self._page(info, limit, request)
        remaining = None if limit is None else limit - len(page.items)
        if remaining == 0 or not info.has_next:
            yield page
            return
        # Every page read, so that a next link, cursor or id leading back to one of them
        # ends the listing with an error instead of looping for ever.
        seen = {self._page_key(request)}
        if not self._can_prefetch(info):
            yield page
        else:
            window = _Window(self, info.total_pages or 0, per_page=len(info.items), limit=limit)
            try:
                window.fill()  # the following pages load while the consumer reads this one
                yield page
                while window.tasks:
                    request, task = window.tasks[0]
                    if task.done():
                        # Awaiting a finished task does not yield: let the requests the window
                        # started meanwhile go out before this page's structuring takes the CPU.
                        await asyncio.sleep(0)
                    body = await task
                    window.tasks.popleft()
                    seen.add(self._page_key(request))
                    info = self._parse(body, request)
                    if info.total_pages is not None:
                        window.total = info.total_pages
                    if info.has_next:
                        window.fill()
                    page = self._page(info, remaining, request)
                    if remaining is not None:
                        remaining -= len(page.items)
                    yield page
                    if remaining == 0 or not info.has_next:
                        return
            finally:
                await window.aclose()
        # Sequential (also after the window ran out): follow each page's own next request.
        while True:
            following = self._next_request(info, request)
            if following is None:
                return
            self._not_seen(following, seen, request)
            request = following
            info = await self._load(request)
            page = self._page(info, remaining, request)
            if remaining is not None:
                remaining -= len(page.items)
            yield page
            if remaining == 0:
                return

    def _can_prefetch(self, info: PageInfo) -> bool:
        return (
            self._prefetch > 0
            and info.total_pages is not None
            and info.total_pages > 1
            and self._strategy.request_for_page(self._first_request, 2) is not None
        )


class _Window:
    """Pages fetched ahead of the consumer, in order: at most ``prefetch`` requests in flight,
    and at most ``prefetch`` more answered but not yet read.

    A request is started as soon as another one lands (a task's done callback), not when the
    consumer gets to a page: a consumer busy with one page never leaves the window idle, so
    with a server that takes its time the window stays full.
    """

    __slots__ = ("closed", "in_flight", "limit", "pager", "per_page", "position", "tasks", "total")

    def __init__(
        self, pager: AsyncPager[Any], total: int, *, per_page: int, limit: int | None
    ) -> None:
        self.pager = pager
        self.total = total
        self.per_page = per_page
        self.limit = limit
        self.position = 2
        self.tasks: deque[tuple[PageRequest, asyncio.Task[Any]]] = deque()
        self.in_flight = 0
        self.closed = False

    def _wanted(self) -> bool:
        if self.position > self.total:
            return False
        # Pages before this one hold (position - 1) * per_page items if they are full.
        return self.limit is None or (self.position - 1) * self.per_page < self.limit

    def fill(self) -> None:
        pager = self.pager
        first = pager._first_request
        width = pager._prefetch
        while (
            not self.closed
            and self.in_flight < width
            and len(self.tasks) < 2 * width
            and self._wanted()
        ):
            request = pager._strategy.request_for_page(first, self.position)
            if request is None:
                self.total = 0
                return
            request = pager._checked(request, first)
            task = asyncio.create_task(pager._fetch_body(request))
            self.in_flight += 1
            task.add_done_callback(self._landed)
            self.tasks.append((request, task))
            self.position += 1

    def _landed(self, task: asyncio.Task[Any]) -> None:
        self.in_flight -= 1
        if not task.cancelled() and task.exception() is None:
            self.fill()  # a failed page ends the listing when its turn comes: fetch no more

    async def aclose(self) -> None:
        """Cancel every page still in flight and wait until each has finished."""
        self.closed = True
        tasks = [task for _, task in self.tasks]
        self.tasks.clear()
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)


def _is_base_path(url: str) -> bool:
    """Whether *url* is a path on the base URL (``/x``), not a full or protocol-relative URL."""
    return url.startswith("/") and not url.startswith("//")

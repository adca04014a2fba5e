"""Paging: strategies that read one page, and :class:`AsyncPager`, which walks them.

A strategy answers two questions about a listing endpoint, and nothing else:

* which raw items are on this page (and whatever totals the page states), and
* which request fetches the next page, or that there is none.

It does so with pure functions of ``(body, request)``. :class:`AsyncPager` owns the iteration:
it asks the strategy for the first request, hands each request to a ``fetch`` callable supplied
by the client (one GET, decoded JSON back; auth, limits and retries live there), turns raw
items into models with a ``structure`` callable, and checks every URL the server hands it
before anything is sent there. The pager never sees the HTTP client.

Strategies for the vendors of this distribution::

    PageNumberPaging()                                   # Amiqus: {data, total, current_page,
                                                         #   total_pages, limit, links}
    PageNumberPaging(items_key=None, size_param=None,
                     fixed_page_size=100)                # IntakeQ: bare arrays of up to 100
    PageNumberPaging(items_key=None, size_param="per_page")  # Trackops: bare arrays
    NextUrlPaging(page_param="page")                     # Amilia v3: {Items, Paging{TotalCount,
                                                         #   Next}}, page + perPage
    NextIdPaging()                                       # Amilia v2: {Items, Page{NextId}}
    Unpaged()                                            # a plain JSON array, one request

URLs in a :class:`PageRequest` are either a path relative to the client's base URL (exactly one
leading ``/``) or an absolute URL the pager has already checked with :func:`resolve_next_url`.
"""

from __future__ import annotations

import abc
import asyncio
import contextlib
import math
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
from urllib.parse import parse_qsl, urldefrag, urlencode, urljoin, urlsplit

import attrs

from ._sentinel import NOT_GIVEN, NotGiven, NotGivenOr
from .errors import DecodeError, InvalidRequestError, UnsafeURLError

__all__ = [
    "AsyncPager",
    "NextIdPaging",
    "NextUrlPaging",
    "Page",
    "PageInfo",
    "PageNumberPaging",
    "PageRequest",
    "PagingStrategy",
    "Unpaged",
    "resolve_next_url",
]

T = TypeVar("T")

QueryPairs = tuple[tuple[str, str], ...]


# --------------------------------------------------------------------------------------------
# Value objects


@attrs.frozen
class PageRequest:
    """One GET the pager asks ``fetch`` to perform.

    ``url`` is a path relative to the client's base URL (starting with a single ``/``), or an
    absolute URL already checked by the pager; an absolute URL carries its own query, so
    ``params`` is empty for it.
    """

    url: str
    params: QueryPairs = ()


@attrs.frozen
class PageInfo:
    """What a strategy reads off one page.

    ``items`` are raw (as decoded from JSON). ``next`` is the request for the following page,
    or ``None`` on the last page. A strategy that reads the next page's *link* off the body puts
    it, exactly as the server wrote it, in ``next_link`` instead: the pager resolves it against
    the current page's URL, refuses it unless it stays on the base URL's origin, and requests it.
    ``number`` is the page's number as the API counts it, when known.
    """

    items: Sequence[Any]
    next: PageRequest | None = None
    total_items: int | None = None
    total_pages: int | None = None
    number: int | None = None
    next_link: str | None = None

    @property
    def has_next(self) -> bool:
        """Whether the strategy says a following page exists."""
        return self.next is not None or self.next_link is not None


@attrs.frozen
class Page(Generic[T]):
    """One page of structured items, with whatever totals the API stated."""

    items: list[T]
    number: int | None
    total_items: int | None
    total_pages: int | None
    has_next: bool


# --------------------------------------------------------------------------------------------
# Pure helpers


_DEFAULT_PORTS = {"http": 80, "https": 443}


def _origin(url: str) -> tuple[str, str, int] | None:
    """``(scheme, host, port)`` of an absolute http(s) URL, or ``None`` when it has none."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # a port out of range or not a number, a bad IPv6 literal
        return None
    scheme = parts.scheme.lower()
    host = parts.hostname
    if scheme not in _DEFAULT_PORTS or not host or "@" in parts.netloc:
        return None
    return scheme, host, _DEFAULT_PORTS[scheme] if port is None else port


def _show_origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}" if parts.netloc else repr(url)


def resolve_next_url(next_url: str, current_url: str, base_url: str) -> str:
    """The absolute URL of a next-page link, refused unless it stays on *base_url*'s origin.

    *next_url* is joined against *current_url* (the absolute URL of the page it was read from)
    following RFC 3986, and the fragment is dropped. The result must have the same scheme, host
    (compared case-insensitively) and port (an omitted port counts as the scheme's default) as
    *base_url*; otherwise :class:`UnsafeURLError` is raised. Links carrying user information,
    backslashes or control characters are refused too: URL parsers disagree about them.
    """
    link = next_url.strip()
    if not link or "\\" in link or any(ord(ch) < 0x21 or ord(ch) == 0x7F for ch in link):
        raise UnsafeURLError(f"next-page link {next_url!r} is not a usable URL; not followed")
    resolved, _fragment = urldefrag(urljoin(current_url, link))
    expected = _origin(base_url)
    if expected is None:
        raise UnsafeURLError(f"base URL {base_url!r} has no http(s) origin to check links against")
    actual = _origin(resolved)
    if actual != expected:
        raise UnsafeURLError(
            f"next-page link points at {_show_origin(resolved)}, outside {_show_origin(base_url)};"
            " not followed"
        )
    return resolved


def _is_base_path(url: str) -> bool:
    return url.startswith("/") and not url.startswith("//")


def _query_pairs(params: object) -> QueryPairs:
    """Validate and freeze query parameters given as pairs or as a mapping of strings."""
    if isinstance(params, (str, bytes)) or not isinstance(params, (Mapping, Sequence)):
        raise InvalidRequestError("params must be a mapping or a sequence of (name, value) pairs")
    given: Sequence[Any] = tuple(params.items()) if isinstance(params, Mapping) else params
    pairs: list[tuple[str, str]] = []
    for pair in given:
        if (
            not isinstance(pair, (tuple, list))
            or len(pair) != 2
            or not isinstance(pair[0], str)
            or not isinstance(pair[1], str)
        ):
            raise InvalidRequestError(f"query parameter {pair!r} is not a (str, str) pair")
        pairs.append((pair[0], pair[1]))
    return tuple(pairs)


def _with_params(params: QueryPairs, updates: Mapping[str, str]) -> QueryPairs:
    """*params* with each name in *updates* set to its value: in place if present, else appended."""
    result: list[tuple[str, str]] = []
    done: set[str] = set()
    for key, value in params:
        if key not in updates:
            result.append((key, value))
        elif key not in done:  # later duplicates of an updated name are dropped
            result.append((key, updates[key]))
            done.add(key)
    result += [(key, value) for key, value in updates.items() if key not in done]
    return tuple(result)


def _param(request: PageRequest, name: str) -> str | None:
    """The first value of query parameter *name*, from ``params`` or the URL's own query."""
    for key, value in request.params:
        if key == name:
            return value
    if "?" in request.url:
        for key, value in parse_qsl(urlsplit(request.url).query, keep_blank_values=True):
            if key == name:
                return value
    return None


def _int_param(request: PageRequest, name: str | None) -> int | None:
    if name is None:
        return None
    value = _param(request, name)
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        return None


def _count(value: Any) -> int | None:
    """*value* when it is a non-negative JSON integer, else ``None`` (totals are advisory)."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    return None


def _dig(body: Any, path: Sequence[str]) -> Any:
    for key in path:
        if not isinstance(body, Mapping):
            return None
        body = body.get(key)
    return body


def _excerpt(body: Any) -> str:
    text = repr(body)
    return text if len(text) <= 300 else text[:297] + "..."


def _type_name(body: Any) -> str:
    if body is None:
        return "null"
    if isinstance(body, Mapping):
        return "an object"
    if isinstance(body, list):
        return "an array"
    return type(body).__name__


def _items(body: Any, key: str | None) -> list[Any]:
    """The raw items: *body* itself when *key* is ``None``, else ``body[key]``; both arrays."""
    if key is None:
        if isinstance(body, list):
            return body
        raise DecodeError(
            f"expected a JSON array of items, got {_type_name(body)}", excerpt=_excerpt(body)
        )
    if not isinstance(body, Mapping):
        raise DecodeError(
            f"expected a JSON object with {key!r}, got {_type_name(body)}", excerpt=_excerpt(body)
        )
    if key not in body:
        raise DecodeError(f"the page has no {key!r} member", excerpt=_excerpt(body))
    items = body[key]
    if not isinstance(items, list):
        raise DecodeError(
            f"{key!r} should be an array, got {_type_name(items)}", excerpt=_excerpt(body)
        )
    return items


def _link(body: Any, path: Sequence[str]) -> str | None:
    value = _dig(body, path)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise DecodeError(
            f"next-page link at {'.'.join(path)} should be a string, got {_type_name(value)}",
            excerpt=_excerpt(body),
        )
    return value


def _check_size(name: str, value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or value < 1):
        raise InvalidRequestError(f"{name} must be a positive integer, got {value!r}")


def _size_params(size_param: str | None, page_size: int | None) -> dict[str, str]:
    if page_size is None:
        return {}
    if size_param is None:
        raise InvalidRequestError("this endpoint does not take a page size")
    return {size_param: str(page_size)}


# --------------------------------------------------------------------------------------------
# Strategies


class PagingStrategy(abc.ABC):
    """How one family of endpoints pages: the first request, and reading one page."""

    __slots__ = ()

    @abc.abstractmethod
    def first_request(
        self, path: str, params: Sequence[tuple[str, str]], page_size: int | None
    ) -> PageRequest:
        """The request for the first page of *path*, with the caller's *params*.

        Raises :class:`InvalidRequestError` when *page_size* cannot be honoured.
        """

    @abc.abstractmethod
    def parse(self, body: Any, request: PageRequest) -> PageInfo:
        """Read the decoded *body* answered to *request*.

        Raises :class:`DecodeError` when the body is not the expected shape.
        """

    def request_for_page(self, first: PageRequest, number: int) -> PageRequest | None:
        """The request for the page at 1-based position *number*, given the *first* request.

        ``None`` (the default) means the strategy cannot jump to a page, so the pager reads
        pages one after another. Position 1 is the first page whatever the API's numbering.
        """
        return None


@attrs.frozen
class PageNumberPaging(PagingStrategy):
    """Pages addressed by number: ``?page=1``, ``?page=2``, ...

    The last page is recognised by the first of: an empty page; the page number reaching
    ``total_pages``; ``links`` present and ``null``, or ``links.next`` ``null``; ``has_more``
    false; a page shorter than the page size (the size the body states under
    ``page_size_key``, else the size requested, else ``fixed_page_size``). With none of those
    known, one extra request returning an empty page ends the listing.

    ``items_key=None`` means the body is a bare JSON array. ``first_page`` is the API's number
    for the first page (1, or 0 for zero-based APIs). Set any ``*_key`` to ``None`` to ignore it.
    """

    page_param: str = "page"
    size_param: str | None = "limit"
    items_key: str | None = "data"
    first_page: int = 1
    total_pages_key: str | None = "total_pages"
    current_page_key: str | None = "current_page"
    total_items_key: str | None = "total"
    links_key: str | None = "links"
    fixed_page_size: int | None = None
    page_size_key: str | None = "limit"
    has_more_key: str | None = "has_more"

    def __attrs_post_init__(self) -> None:
        _check_size("fixed_page_size", self.fixed_page_size)

    def first_request(
        self, path: str, params: Sequence[tuple[str, str]], page_size: int | None
    ) -> PageRequest:
        """Ask for ``first_page``, and for *page_size* items when given."""
        updates = {
            self.page_param: str(self.first_page),
            **_size_params(self.size_param, page_size),
        }
        return PageRequest(path, _with_params(tuple(params), updates))

    def _requested(self, request: PageRequest) -> int:
        number = _int_param(request, self.page_param)
        return self.first_page if number is None else number

    def parse(self, body: Any, request: PageRequest) -> PageInfo:
        """Items, totals, and the next page number unless this page is the last."""
        items = _items(body, self.items_key)
        envelope: Mapping[str, Any] = body if isinstance(body, Mapping) else {}
        requested = self._requested(request)
        total_pages = _count(envelope.get(self.total_pages_key)) if self.total_pages_key else None
        total_items = _count(envelope.get(self.total_items_key)) if self.total_items_key else None
        current = _count(envelope.get(self.current_page_key)) if self.current_page_key else None
        following = None
        if not self._is_last(envelope, items, request, requested, total_pages):
            params = _with_params(request.params, {self.page_param: str(requested + 1)})
            following = PageRequest(request.url, params)
        return PageInfo(
            items=items,
            next=following,
            total_items=total_items,
            total_pages=total_pages,
            number=requested if current is None else current,
        )

    def _is_last(
        self,
        envelope: Mapping[str, Any],
        items: Sequence[Any],
        request: PageRequest,
        requested: int,
        total_pages: int | None,
    ) -> bool:
        if not items:
            return True
        if total_pages is not None and requested - self.first_page + 1 >= total_pages:
            return True
        if self.links_key is not None and self.links_key in envelope:
            links = envelope[self.links_key]
            if links is None:
                return True
            if isinstance(links, Mapping) and "next" in links and links["next"] in (None, ""):
                return True
        if self.has_more_key is not None and envelope.get(self.has_more_key) is False:
            return True
        size = _count(envelope.get(self.page_size_key)) if self.page_size_key else None
        if not size:
            size = _int_param(request, self.size_param) or self.fixed_page_size
        return size is not None and len(items) < size

    def request_for_page(self, first: PageRequest, number: int) -> PageRequest | None:
        """The *first* request with the page parameter set for position *number*."""
        page = self.first_page + number - 1
        return PageRequest(first.url, _with_params(first.params, {self.page_param: str(page)}))


class _SizedPaging(PagingStrategy):
    """A strategy whose first request is the path, the caller's params and the page size."""

    __slots__ = ()

    size_param: str | None  # an attrs field of each subclass

    def first_request(
        self, path: str, params: Sequence[tuple[str, str]], page_size: int | None
    ) -> PageRequest:
        """*path* with the caller's *params*, and the page size when given."""
        return PageRequest(
            path, _with_params(tuple(params), _size_params(self.size_param, page_size))
        )


@attrs.frozen
class NextUrlPaging(_SizedPaging):
    """Each page names the next one by URL (absolute or relative), read at ``next_path``.

    Amilia v3 (``{"Items": [...], "Paging": {"TotalCount": n, "Next": url | null}}``) with the
    defaults; ``NextUrlPaging(items_key="data", next_path=("links", "next"),
    total_items_path=None)`` for ``links.next`` envelopes. A bare JSON array is read as the one
    and only page (some Amilia endpoints answer that way). An empty page ends the listing even
    if it carries a link. With ``page_param`` set (the API also accepts ``?page=N``, 1-based),
    the pager may fetch pages ahead of time (``prefetch``).
    """

    items_key: str = "Items"
    next_path: tuple[str, ...] = ("Paging", "Next")
    total_items_path: tuple[str, ...] | None = ("Paging", "TotalCount")
    size_param: str | None = "perPage"
    page_param: str | None = None

    def parse(self, body: Any, request: PageRequest) -> PageInfo:
        """Items, the total when stated, and the raw next link for the pager to check."""
        if isinstance(body, list):
            return PageInfo(items=body)
        items = _items(body, self.items_key)
        link = _link(body, self.next_path) if items else None
        total_items = _count(_dig(body, self.total_items_path)) if self.total_items_path else None
        number = None
        if self.page_param is not None:
            number = _int_param(request, self.page_param) or 1
        size = _int_param(request, self.size_param) or (len(items) if link else None)
        total_pages = None
        if total_items is not None and size:
            total_pages = max(1, math.ceil(total_items / size))
        return PageInfo(
            items=items,
            next_link=link,
            total_items=total_items,
            total_pages=total_pages,
            number=number,
        )

    def request_for_page(self, first: PageRequest, number: int) -> PageRequest | None:
        """With ``page_param``: the *first* request asking for page *number*."""
        if self.page_param is None:
            return None
        return PageRequest(first.url, _with_params(first.params, {self.page_param: str(number)}))


@attrs.frozen
class NextIdPaging(_SizedPaging):
    """Each page names the id the next one starts at (Amilia v2: ``Page.NextId`` + ``idStart``).

    The next request repeats the current one with ``id_param`` set to that id. A ``null`` id
    or an empty page ends the listing; a bare JSON array is the one and only page.
    """

    items_key: str = "Items"
    next_id_path: tuple[str, ...] = ("Page", "NextId")
    id_param: str = "idStart"
    size_param: str | None = "limit"
    total_items_path: tuple[str, ...] | None = None

    def parse(self, body: Any, request: PageRequest) -> PageInfo:
        """Items, and the same request starting at the next id unless this page is the last."""
        if isinstance(body, list):
            return PageInfo(items=body)
        items = _items(body, self.items_key)
        total_items = _count(_dig(body, self.total_items_path)) if self.total_items_path else None
        next_id = _dig(body, self.next_id_path)
        if not items or next_id is None or next_id == "":
            return PageInfo(items=items, total_items=total_items)
        if isinstance(next_id, bool) or not isinstance(next_id, (int, str)):
            raise DecodeError(
                f"{'.'.join(self.next_id_path)} should be an id, got {_type_name(next_id)}",
                excerpt=_excerpt(body),
            )
        params = _with_params(request.params, {self.id_param: str(next_id)})
        return PageInfo(items=items, next=PageRequest(request.url, params), total_items=total_items)


@attrs.frozen
class Unpaged(PagingStrategy):
    """One request; the body is a bare JSON array, or an array under ``items_key``."""

    items_key: str | None = None

    def first_request(
        self, path: str, params: Sequence[tuple[str, str]], page_size: int | None
    ) -> PageRequest:
        """*path* with the caller's *params*; a page size cannot be honoured."""
        _size_params(None, page_size)
        return PageRequest(path, tuple(params))

    def parse(self, body: Any, request: PageRequest) -> PageInfo:
        """All the items, as the one and only page."""
        items = _items(body, self.items_key)
        return PageInfo(items=items, total_items=len(items), total_pages=1, number=1)


# --------------------------------------------------------------------------------------------
# The pager


class AsyncPager(Generic[T]):
    """A lazy listing: async-iterable over items, awaitable for the first page.

    ``async for item in pager`` fetches page after page as the items are consumed; breaking out
    fetches nothing more, and every new iteration starts again from the first page.
    ``await pager`` is the first :class:`Page`; :meth:`pages`, :meth:`collect` and
    :meth:`first` cover the rest. Constructing a pager performs no I/O.

    ``max_items`` caps what is yielded (and so what is fetched). ``prefetch=N`` keeps up to N
    following pages in flight once the first page states ``total_pages`` and the strategy can
    address pages directly; items still come strictly in order, and an error on a prefetched
    page surfaces when its turn comes. Close an iteration you leave early with
    ``contextlib.aclosing`` to cancel prefetched pages at once (otherwise they are cancelled
    when the event loop finalises the abandoned iterator, right after).
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
        if _origin(base_url) is None:
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
            raise DecodeError(
                "the next page is the page just read; stopping rather than looping",
                method="GET",
                url=self._url_of(current).partition("?")[0],
            )
        return following

    def _parse(self, body: Any, request: PageRequest) -> PageInfo:
        try:
            return self._strategy.parse(body, request)
        except DecodeError as err:
            if err.url is None:
                err.method, err.url = "GET", self._url_of(request).partition("?")[0]
            raise

    async def _load(self, request: PageRequest) -> PageInfo:
        return self._parse(await self._fetch(request), request)

    async def _fetch_body(self, request: PageRequest) -> Any:
        return await self._fetch(request)

    def _page(self, info: PageInfo, remaining: int | None) -> Page[T]:
        raw = info.items
        if remaining is not None and len(raw) > remaining:
            raw = raw[:remaining]
        return Page(
            items=list(map(self._structure, raw)),
            number=info.number,
            total_items=info.total_items,
            total_pages=info.total_pages,
            has_next=info.has_next,
        )

    async def _first_page(self, limit: int | None) -> Page[T]:
        if limit == 0:
            return Page(items=[], number=None, total_items=None, total_pages=None, has_next=False)
        return self._page(await self._load(self._first_request), limit)

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
        page = self._page(info, limit)
        remaining = None if limit is None else limit - len(page.items)
        if remaining == 0 or not info.has_next:
            yield page
            return
        if not self._can_prefetch(info):
            yield page
        else:
            window = _Window(self, info.total_pages or 0, per_page=len(info.items), limit=limit)
            try:
                window.fill()  # the following pages load while the consumer reads this one
                yield page
                while window.tasks:
                    request, task = window.tasks[0]
                    body = await task
                    window.tasks.popleft()
                    info = self._parse(body, request)
                    if info.total_pages is not None:
                        window.total = info.total_pages
                    if info.has_next:
                        window.fill()
                    page = self._page(info, remaining)
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
            request = following
            info = await self._load(request)
            page = self._page(info, remaining)
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
    """Pages fetched ahead of the consumer: at most ``prefetch`` tasks in flight, in order."""

    __slots__ = ("limit", "pager", "per_page", "position", "tasks", "total")

    def __init__(
        self, pager: AsyncPager[Any], total: int, *, per_page: int, limit: int | None
    ) -> None:
        self.pager = pager
        self.total = total
        self.per_page = per_page
        self.limit = limit
        self.position = 2
        self.tasks: deque[tuple[PageRequest, asyncio.Task[Any]]] = deque()

    def _wanted(self) -> bool:
        if self.position > self.total:
            return False
        # Pages before this one hold (position - 1) * per_page items if they are full.
        return self.limit is None or (self.position - 1) * self.per_page < self.limit

    def fill(self) -> None:
        pager = self.pager
        first = pager._first_request
        while len(self.tasks) < pager._prefetch and self._wanted():
            request = pager._strategy.request_for_page(first, self.position)
            if request is None:
                self.total = 0
                return
            request = pager._checked(request, first)
            task = asyncio.create_task(pager._fetch_body(request))
            self.tasks.append((request, task))
            self.position += 1

    async def aclose(self) -> None:
        """Cancel every page still in flight and wait until each has finished."""
        tasks = [task for _, task in self.tasks]
        self.tasks.clear()
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

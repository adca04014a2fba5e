"""PagingStrategy and the four strategies: the first request, and reading one page."""

from __future__ import annotations

import abc
import math
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from ..errors import DecodeError
from .bodies import _count, _dig, _excerpt, _items, _link, _type_name
from .pages import PageInfo, PageRequest
from .query import _check_size, _int_param, _size_params, _with_params

__all__ = ["NextIdPaging", "NextUrlPaging", "PageNumberPaging", "PagingStrategy", "Unpaged"]


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

    def first_request(
        self, path: str, params: Sequence[tuple[str, str]], page_size: int | None
    ) -> PageRequest:
        """Like every sized strategy, plus ``page=1`` when the API takes a page number."""
        request = super().first_request(path, params, page_size)
        if self.page_param is None:
            return request
        return PageRequest(request.url, _with_params(request.params, {self.page_param: "1"}))

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

"""The value objects of paging: the request for a page, what a strategy reads off it, a Page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

import attrs

__all__ = ["Page", "PageInfo", "PageRequest"]

T = TypeVar("T")

QueryPairs = tuple[tuple[str, str], ...]


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

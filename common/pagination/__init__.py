"""Paging: strategies that read one page, and :class:`AsyncPager`, which walks them.

A strategy answers two questions about a listing endpoint, and nothing else:

* which raw items are on this page (and whatever totals the page states), and
* which request fetches the next page, or that there is none.

It does so with pure functions of ``(body, request)``. :class:`AsyncPager` owns the iteration:
it asks the strategy for the first request, hands each request to a ``fetch`` callable supplied
by the client (one GET, decoded JSON back; auth, limits and retries live there), turns raw
items into models with a ``structure`` callable, and checks every URL the server hands it
before anything is sent there. A next page that is one already read (the same URL, cursor,
next id or page number, whatever the order of its query) ends the listing with
:class:`~common.errors.PaginationCycleError` before it is requested. The pager never sees
the HTTP client.

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

from ..origin import resolve_next_url
from .pager import AsyncPager
from .pages import Page, PageInfo, PageRequest
from .strategies import NextIdPaging, NextUrlPaging, PageNumberPaging, PagingStrategy, Unpaged

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

"""Answering list requests page by page, one helper per paging strategy the clients read.

Each builds the body a client's strategy (:mod:`common.pagination`) expects; the handler picks
the page number and size from the query (with its vendor's rules) and calls one::

    page_number_array(items, page, 100)                   # PageNumberPaging(items_key=None)
    next_url_envelope(items, page, 200, next_url=...)     # NextUrlPaging (Amilia v3 shape)
    next_id_envelope(items, 100, id_start, request)       # NextIdPaging (Amilia v2 shape)
    paginated_list(items, page, 25, request)              # Amiqus's paginated_list

Pages are numbered from 1; a page past the end is empty. A next link is the request's own
absolute URL with one query parameter replaced (:func:`url_with_query`), so every filter the
client sent is kept.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from aiohttp import web

__all__ = [
    "next_id_envelope",
    "next_url_envelope",
    "page_count",
    "page_number_array",
    "page_slice",
    "paginated_list",
    "url_with_query",
]

_T = TypeVar("_T")
Shape = Callable[[Any], Any]


def page_slice(items: Sequence[_T], page: int, size: int) -> list[_T]:
    """The items of page *page* (from 1) when pages hold *size* items."""
    first = (page - 1) * size
    return list(items[first : first + size])


def page_count(total: int, size: int) -> int:
    """How many pages of *size* hold *total* items (``0`` for none)."""
    return math.ceil(total / size)


def url_with_query(
    request: web.BaseRequest, name: str, value: object, *, ignore_case: bool = False
) -> str:
    """*request*'s absolute URL with every value of the query parameter *name* (any case with
    *ignore_case*) dropped and ``name=value`` appended; the other parameters are kept."""
    folded = name.lower()
    kept = [
        (key, item)
        for key, item in request.url.query.items()
        if (key.lower() != folded if ignore_case else key != name)
    ]
    return str(request.url.with_query([*kept, (name, str(value))]))


def _shaped(chunk: list[Any], shape: Shape | None) -> list[Any]:
    return [shape(item) for item in chunk] if shape else chunk


def page_number_array(
    items: Sequence[Any], page: int, size: int, shape: Shape | None = None
) -> list[Any]:
    """Page *page* as a bare JSON array (a page shorter than *size* is the last)."""
    return _shaped(page_slice(items, page, size), shape)


def next_url_envelope(
    items: Sequence[Any],
    page: int,
    size: int,
    *,
    next_url: Callable[[int], str],
    shape: Shape | None = None,
    items_key: str = "Items",
    paging_key: str = "Paging",
    total_key: str = "TotalCount",
    next_key: str = "Next",
) -> dict[str, Any]:
    """Page *page* with the total and the next page's URL (``null`` on the last):
    ``{"Items": [...], "Paging": {"TotalCount": n, "Next": url}}`` by default.

    *next_url* builds the URL of a page from its number (e.g. ``lambda n:
    url_with_query(request, "page", n)``).
    """
    more = page * size < len(items)
    return {
        items_key: _shaped(page_slice(items, page, size), shape),
        paging_key: {total_key: len(items), next_key: next_url(page + 1) if more else None},
    }


def next_id_envelope(
    items: Sequence[Any],
    limit: int,
    id_start: int,
    request: web.BaseRequest,
    *,
    id_key: str = "Id",
    id_param: str = "idStart",
    ignore_case: bool = False,
) -> dict[str, Any]:
    """The first *limit* items whose id is at least *id_start*, and where the next page starts:
    ``{"Items": [...], "Page": {"NextId": id, "Next": url}}`` (both ``null`` on the last).

    *items* must be sorted by id.
    """
    rest = [item for item in items if item[id_key] >= id_start]
    page, following = rest[:limit], rest[limit : limit + 1]
    next_id = following[0][id_key] if following else None
    next_url = (
        None
        if next_id is None
        else url_with_query(request, id_param, next_id, ignore_case=ignore_case)
    )
    return {"Items": page, "Page": {"NextId": next_id, "Next": next_url}}


def paginated_list(
    items: Sequence[Any],
    page: int,
    limit: int,
    request: web.BaseRequest,
    shape: Shape | None = None,
) -> dict[str, Any]:
    """Amiqus's ``paginated_list``: the page's ``data``, its counts, and ``links`` (``null``
    when everything fits on one page, else absolute ``next``/``previous`` URLs)."""
    total = len(items)
    total_pages = max(1, page_count(total, limit))
    chunk = page_slice(items, page, limit)
    links = None
    if total_pages > 1:
        links = {
            "next": url_with_query(request, "page", page + 1) if page < total_pages else None,
            "previous": (
                url_with_query(request, "page", min(page - 1, total_pages)) if page > 1 else None
            ),
        }
    return {
        "object": "paginated_list",
        "data": _shaped(chunk, shape),
        "total": total,
        "count": len(chunk),
        "limit": limit,
        "current_page": page,
        "total_pages": total_pages,
        "links": links,
    }

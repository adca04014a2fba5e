"""How Amiqus pages its listings (the pagination guide), as common paging strategies."""

from __future__ import annotations

from typing import Final

from common import NextUrlPaging

__all__ = ["LINKS_ONLY", "PAGING"]

#: ``paginated_list``: ``data``, ``total``, ``links.next`` (absolute, carrying the request's
#: other parameters), and ``page``/``limit`` in the query, so pages can be fetched ahead with
#: ``prefetch``.
PAGING: Final = NextUrlPaging(
    items_key="data",
    next_path=("links", "next"),
    total_items_path=("total",),
    size_param="limit",
    page_param="page",
)

#: The few listings whose operation takes no ``page``/``limit`` (team members of a team): the
#: same envelope, followed by its links only, sending nothing the spec does not list.
LINKS_ONLY: Final = NextUrlPaging(
    items_key="data",
    next_path=("links", "next"),
    total_items_path=("total",),
    size_param=None,
    page_param=None,
)

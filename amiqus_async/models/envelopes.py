"""The ``list`` envelope some writes answer with (listings use ``paginated_list``, read by the
pager)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, TypeVar

import attrs

from common.models import Model

__all__ = ["ItemList"]

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class ItemList(Model, Generic[T]):
    """What ``POST``/``PUT`` of assignees and organisations, and ``PATCH`` of case items, answer.

    Iterable and sized like the list it carries, and empty when the server answered 204 (the
    spec's "no changes"). ``has_more`` says whether the server kept some back; list them with
    the matching ``list`` method. Keys Amiqus adds later are kept in ``extra``.
    """

    object: str
    data: list[T]
    total: int | None = None
    count: int | None = None
    limit: int | None = None
    has_more: bool = False
    url: str | None = None

    def __iter__(self) -> Iterator[T]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)

    def __getitem__(self, index: int) -> T:
        return self.data[index]

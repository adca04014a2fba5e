"""Case Items: 3 operations

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from common import AsyncPager

from ..models.cases import CaseItem
from ..models.envelopes import ItemList
from ..models.inputs import CaseItemInput
from ._base import AmiqusResource

__all__ = ["CaseItems"]


class CaseItems(AmiqusResource):
    """The spec's 'Case Items' operations."""

    def list(
        self,
        case_id: int,
        *,
        expand: Sequence[Literal["entity"]] | None = None,
        limit: int | None = None,
    ) -> AsyncPager[CaseItem]:
        """List all case items.

        ``GET /cases/{id}/items`` (``get-cases-id-items``).

        Returns a paginated list of all case items.
        """
        return self._paged(
            self._path("/cases/{id}/items", id=case_id),
            CaseItem,
            params={"expand": self._joined("expand", expand)},
            limit=limit,
        )

    async def update(self, case_id: int, items: Sequence[CaseItemInput]) -> ItemList[CaseItem]:
        """Update items for a case.

        ``PATCH /cases/{id}/items`` (``patch-cases-id-items``).

        Add one or more items to a case, merging them with existing items. Only newly added
        items are returned.

        Empty when nothing changed (the spec's 204).
        """
        return await self._item_list(
            CaseItem,
            "PATCH",
            self._path("/cases/{id}/items", id=case_id),
            json=items,
            items=(1, 100),
        )

    async def delete(self, case_id: int, item_id: int) -> None:
        """Remove item from a case.

        ``DELETE /cases/{caseId}/items/{itemId}`` (``delete-cases-caseId-items-itemId``).

        Remove a single item from a case.
        """
        await self._none(
            "DELETE",
            self._path("/cases/{caseId}/items/{itemId}", caseId=case_id, itemId=item_id),
        )

"""Record Assignees: 5 operations

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from collections.abc import Sequence

from common import AsyncPager

from ..models.envelopes import ItemList
from ..models.inputs import AssigneeInput
from ..models.team import TeamMemberAssignee
from ._base import AmiqusResource

__all__ = ["RecordAssignees"]


class RecordAssignees(AmiqusResource):
    """The spec's 'Record Assignees' operations."""

    def list(self, record_id: int, *, limit: int | None = None) -> AsyncPager[TeamMemberAssignee]:
        """List all assignees for a record.

        ``GET /records/{id}/assignees`` (``get-records-id-assignees``).
        """
        return self._paged(
            self._path("/records/{id}/assignees", id=record_id),
            TeamMemberAssignee,
            limit=limit,
        )

    async def add(
        self,
        record_id: int,
        assignees: Sequence[AssigneeInput],
    ) -> ItemList[TeamMemberAssignee]:
        """Add assignees to a record.

        ``POST /records/{id}/assignees`` (``post-records-id-assignees``).

        Add one or more assignees to a record, merging them with existing assignees.

        Empty when nothing changed (the spec's 204).
        """
        return await self._item_list(
            TeamMemberAssignee,
            "POST",
            self._path("/records/{id}/assignees", id=record_id),
            json=assignees,
            items=(1, 100),
        )

    async def replace(
        self,
        record_id: int,
        assignees: Sequence[AssigneeInput],
    ) -> ItemList[TeamMemberAssignee]:
        """Replace assignees for a record.

        ``PUT /records/{id}/assignees`` (``put-records-id-assignees``).

        Replacing all existing assignees for a record.

        Empty when nothing changed (the spec's 204).
        """
        return await self._item_list(
            TeamMemberAssignee,
            "PUT",
            self._path("/records/{id}/assignees", id=record_id),
            json=assignees,
            items=(1, 100),
        )

    async def delete_all(self, record_id: int) -> None:
        """Delete assignees for a record.

        ``DELETE /records/{id}/assignees`` (``delete-records-id-assignees``).

        Remove all assignees from a record.
        """
        await self._none("DELETE", self._path("/records/{id}/assignees", id=record_id))

    async def delete(self, record_id: int, assignee_id: int) -> None:
        """Delete assignee for a record.

        ``DELETE /records/{recordId}/assignees/{assigneeId}``
        (``delete-records-recordId-assignees-assigneeId``).

        Remove a single assignee from a record.
        """
        await self._none(
            "DELETE",
            self._path(
                "/records/{recordId}/assignees/{assigneeId}",
                recordId=record_id,
                assigneeId=assignee_id,
            ),
        )

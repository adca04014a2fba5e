"""Organisation Assignees: 5 operations

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from collections.abc import Sequence

from common import AsyncPager

from ..models.envelopes import ItemList
from ..models.inputs import AssigneeInput
from ..models.team import TeamMemberAssignee
from ._base import AmiqusResource

__all__ = ["OrganisationAssignees"]


class OrganisationAssignees(AmiqusResource):
    """The spec's 'Organisation Assignees' operations."""

    def list(
        self,
        organisation_id: int,
        *,
        limit: int | None = None,
    ) -> AsyncPager[TeamMemberAssignee]:
        """List all assignees for an organisation.

        ``GET /organisations/{id}/assignees`` (``get-organisations-id-assignees``).
        """
        return self._paged(
            self._path("/organisations/{id}/assignees", id=organisation_id),
            TeamMemberAssignee,
            limit=limit,
        )

    async def add(
        self,
        organisation_id: int,
        assignees: Sequence[AssigneeInput],
    ) -> ItemList[TeamMemberAssignee]:
        """Add assignees to an organisation.

        ``POST /organisations/{id}/assignees`` (``post-organisations-id-assignees``).

        Add one or more assignees to an organisation, merging them with existing assignees.

        Empty when nothing changed (the spec's 204).
        """
        return await self._item_list(
            TeamMemberAssignee,
            "POST",
            self._path("/organisations/{id}/assignees", id=organisation_id),
            json=assignees,
            items=(1, 100),
        )

    async def replace(
        self,
        organisation_id: int,
        assignees: Sequence[AssigneeInput],
    ) -> ItemList[TeamMemberAssignee]:
        """Replace assignees for an organisation.

        ``PUT /organisations/{id}/assignees`` (``put-organisations-id-assignees``).

        Replacing all existing assignees for an organisation.

        Empty when nothing changed (the spec's 204).
        """
        return await self._item_list(
            TeamMemberAssignee,
            "PUT",
            self._path("/organisations/{id}/assignees", id=organisation_id),
            json=assignees,
            items=(1, 100),
        )

    async def delete_all(self, organisation_id: int) -> None:
        """Delete assignees for an organisation.

        ``DELETE /organisations/{id}/assignees`` (``delete-organisations-id-assignees``).

        Remove all assignees from an organisation.
        """
        await self._none("DELETE", self._path("/organisations/{id}/assignees", id=organisation_id))

    async def delete(self, organisation_id: int, assignee_id: int) -> None:
        """Delete assignee for an organisation.

        ``DELETE /organisations/{id}/assignees/{assigneeId}``
        (``delete-organisations-id-assignees-assigneeId``).

        Remove a single assignee from an organisation.
        """
        await self._none(
            "DELETE",
            self._path(
                "/organisations/{id}/assignees/{assigneeId}",
                id=organisation_id,
                assigneeId=assignee_id,
            ),
        )

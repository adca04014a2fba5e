"""Client Assignees: 5 operations

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from collections.abc import Sequence

from common import AsyncPager

from ..models.envelopes import ItemList
from ..models.inputs import AssigneeInput
from ..models.team import TeamMemberAssignee
from ._base import AmiqusResource

__all__ = ["ClientAssignees"]


class ClientAssignees(AmiqusResource):
    """The spec's 'Client Assignees' operations."""

    def list(self, client_id: int, *, limit: int | None = None) -> AsyncPager[TeamMemberAssignee]:
        """List all assignees for a client.

        ``GET /clients/{id}/assignees`` (``get-clients-id-assignees``).

        Returns a paginated list of the client's assignees.
        """
        return self._paged(
            self._path("/clients/{id}/assignees", id=client_id),
            TeamMemberAssignee,
            limit=limit,
        )

    async def add(
        self,
        client_id: int,
        assignees: Sequence[AssigneeInput],
    ) -> ItemList[TeamMemberAssignee]:
        """Add assignees to a client.

        ``POST /clients/{id}/assignees`` (``post-clients-id-assignees``).

        Add one or more assignees to a client, merging them with existing assignees.

        Empty when nothing changed (the spec's 204).
        """
        return await self._item_list(
            TeamMemberAssignee,
            "POST",
            self._path("/clients/{id}/assignees", id=client_id),
            json=assignees,
            items=(1, 100),
        )

    async def replace(
        self,
        client_id: int,
        assignees: Sequence[AssigneeInput],
    ) -> ItemList[TeamMemberAssignee]:
        """Replace assignees for a client.

        ``PUT /clients/{id}/assignees`` (``put-clients-id-assignees``).

        Replace all existing assignees for a client.

        Empty when nothing changed (the spec's 204).
        """
        return await self._item_list(
            TeamMemberAssignee,
            "PUT",
            self._path("/clients/{id}/assignees", id=client_id),
            json=assignees,
            items=(1, 100),
        )

    async def delete_all(self, client_id: int) -> None:
        """Delete assignees for a client.

        ``DELETE /clients/{id}/assignees`` (``delete-clients-id-assignees``).

        Remove all assignees from a client.
        """
        await self._none("DELETE", self._path("/clients/{id}/assignees", id=client_id))

    async def delete(self, client_id: int, assignee_id: int) -> None:
        """Delete an assignee for a client.

        ``DELETE /clients/{clientId}/assignees/{assigneeId}``
        (``delete-clients-clientId-assignees-assigneeId``).

        Remove an assignee from a client.
        """
        await self._none(
            "DELETE",
            self._path(
                "/clients/{clientId}/assignees/{assigneeId}",
                clientId=client_id,
                assigneeId=assignee_id,
            ),
        )

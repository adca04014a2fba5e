"""Client Organisations: 5 operations

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from common import AsyncPager

from ..models.envelopes import ItemList
from ..models.organisations import Organisation
from ._base import AmiqusResource

__all__ = ["ClientOrganisations"]


class ClientOrganisations(AmiqusResource):
    """The spec's 'Client Organisations' operations."""

    def list(
        self,
        client_id: int,
        *,
        sort_by: Literal["name", "created_at", "updated_at", "archived_at"] | None = None,
        order_by: Literal["asc", "desc"] | None = None,
        expand: Sequence[Literal["assignees", "clients"]] | None = None,
        limit: int | None = None,
    ) -> AsyncPager[Organisation]:
        """List all organisations for a client.

        ``GET /clients/{id}/organisations`` (``get-clients-id-organisations``).

        Returns a paginated list of a client's organisation memberships. When an organisation is
        archived all clients associated with the organisation will be removed.
        """
        return self._paged(
            self._path("/clients/{id}/organisations", id=client_id),
            Organisation,
            params={
                "sort_by": sort_by,
                "order_by": order_by,
                "expand": self._joined("expand", expand),
            },
            limit=limit,
        )

    async def add(self, client_id: int, organisation_ids: Sequence[int]) -> ItemList[Organisation]:
        """Add organisations for a client.

        ``POST /clients/{id}/organisations`` (``post-clients-id-organisations``).

        Add the client to one or more organisations, merging them with existing organisation
        memberships. Existing organisation memberships are not included in the response. Only
        added organisation memberships will be returned.

        Empty when nothing changed (the spec's 204).
        """
        return await self._item_list(
            Organisation,
            "POST",
            self._path("/clients/{id}/organisations", id=client_id),
            json=organisation_ids,
            items=(1, None),
        )

    async def replace(
        self,
        client_id: int,
        organisation_ids: Sequence[int],
    ) -> ItemList[Organisation]:
        """Replace organisations for a client.

        ``PUT /clients/{id}/organisations`` (``put-clients-id-organisations``).

        Replaces a client's organisation memberships. Existing organisation memberships that are
        included in the request will be part of the updated organisation memberships, but they
        will not be shown in the response. Only added organisations will be returned.

        Empty when nothing changed (the spec's 204).
        """
        return await self._item_list(
            Organisation,
            "PUT",
            self._path("/clients/{id}/organisations", id=client_id),
            json=organisation_ids,
            items=(1, None),
        )

    async def delete_all(self, client_id: int) -> None:
        """Delete organisations for a client.

        ``DELETE /clients/{id}/organisations`` (``delete-clients-id-organisations``).

        Delete all of a client's organisation memberships.
        """
        await self._none("DELETE", self._path("/clients/{id}/organisations", id=client_id))

    async def delete(self, client_id: int, organisation_id: int) -> None:
        """Delete organisation for a client.

        ``DELETE /clients/{clientId}/organisations/{organisationId}``
        (``get-clients-clientId-organisations-organisationId``).

        Delete a single client organisation membership.
        """
        await self._none(
            "DELETE",
            self._path(
                "/clients/{clientId}/organisations/{organisationId}",
                clientId=client_id,
                organisationId=organisation_id,
            ),
        )

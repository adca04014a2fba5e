"""Organisations: 4 operations

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from common import AsyncPager

from ..models.inputs import OrganisationInput
from ..models.organisations import Organisation
from ._base import AmiqusResource

__all__ = ["Organisations"]


class Organisations(AmiqusResource):
    """The spec's 'Organisations' operations."""

    def list(
        self,
        *,
        search: str | None = None,
        assignee: int | Literal[False] | None = None,
        sort_by: Literal["name", "reference", "created_at", "updated_at", "archived_at"]
        | None = None,
        order_by: Literal["asc", "desc"] | None = None,
        visibility: Literal["active", "archived"] | None = None,
        expand: Sequence[Literal["assignees", "clients"]] | None = None,
        limit: int | None = None,
    ) -> AsyncPager[Organisation]:
        """List all organisations.

        ``GET /organisations`` (``get-organisations``).

        Returns a paginated list of the team's organisations.
        """
        return self._paged(
            "/organisations",
            Organisation,
            params={
                "search": search,
                "assignee": assignee,
                "sort_by": sort_by,
                "order_by": order_by,
                "visibility": visibility,
                "expand": self._joined("expand", expand),
            },
            limit=limit,
        )

    async def create(self, body: OrganisationInput) -> Organisation:
        """Create an organisation.

        ``POST /organisations`` (``post-organisations``).

        Create a new organisation.
        """
        return await self._model(Organisation, "POST", "/organisations", json=body)

    async def get(
        self,
        organisation_id: int,
        *,
        expand: Sequence[Literal["assignees", "clients"]] | None = None,
    ) -> Organisation:
        """Retrieve an organisation.

        ``GET /organisations/{id}`` (``get-organisations-id``).

        Returns a single organisation.
        """
        return await self._model(
            Organisation,
            "GET",
            self._path("/organisations/{id}", id=organisation_id),
            params={"expand": self._joined("expand", expand)},
        )

    async def update(self, organisation_id: int, body: OrganisationInput) -> Organisation:
        """Update an organisation.

        ``PATCH /organisations/{id}`` (``patch-organisations-id``).

        Update the details of an organisation.
        """
        return await self._model(
            Organisation,
            "PATCH",
            self._path("/organisations/{id}", id=organisation_id),
            json=body,
        )

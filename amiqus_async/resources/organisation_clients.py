"""Organisation Clients: 1 operations

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from common import AsyncPager

from ..models.clients import Client
from ._base import AmiqusResource

__all__ = ["OrganisationClients"]


class OrganisationClients(AmiqusResource):
    """The spec's 'Organisation Clients' operations."""

    def list(self, organisation_id: int, *, limit: int | None = None) -> AsyncPager[Client]:
        """List all clients for an organisation.

        ``GET /organisations/{id}/clients`` (``get-organisations-id-clients``).

        Returns a paginated list of the clients belonging to an organisation. Clients will be
        returned in the order they were created, most recent first. An empty list is returned
        when the organisation has no clients. When a client is archived all organisations
        associated with the client will continue to be attached.
        """
        return self._paged(
            self._path("/organisations/{id}/clients", id=organisation_id),
            Client,
            limit=limit,
        )

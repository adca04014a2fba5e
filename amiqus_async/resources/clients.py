"""Clients: 13 operations

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from common import AsyncPager, Download

from ..models.clients import Client, ClientCorrection
from ..models.forms import ClientForm
from ..models.inputs import AddressInput, ClientInput, CorrectionUpdate
from ..models.records import Record
from ..models.shared import Address
from ._base import AmiqusResource

__all__ = ["Clients"]


class Clients(AmiqusResource):
    """The spec's 'Clients' operations."""

    def list(
        self,
        *,
        search: str | None = None,
        status: Literal["pending", "approved", "rejected"] | None = None,
        visibility: Literal["active", "archived"] | None = None,
        assignee: int | None = None,
        reference: str | None = None,
        deletion_date: Literal["upcoming", "today", "overdue", "not_set"] | None = None,
        sort_by: Literal[
            "name.first_name",
            "name.last_name",
            "deletion_date",
            "created_at",
            "updated_at",
            "archived_at",
        ]
        | None = None,
        order_by: Literal["asc", "desc"] | None = None,
        limit: int | None = None,
    ) -> AsyncPager[Client]:
        """List all clients.

        ``GET /clients`` (``get-clients``).

        Returns a paginated list of clients.
        """
        return self._paged(
            "/clients",
            Client,
            params={
                "search": search,
                "status": status,
                "visibility": visibility,
                "assignee": assignee,
                "reference": reference,
                "deletion_date": deletion_date,
                "sort_by": sort_by,
                "order_by": order_by,
            },
            limit=limit,
        )

    async def create(self, body: ClientInput) -> Client:
        """Create a client.

        ``POST /clients`` (``post-clients``).

        Create a new client.
        """
        return await self._model(Client, "POST", "/clients", json=body)

    async def get(self, client_id: int) -> Client:
        """Retrieve a client.

        ``GET /clients/{id}`` (``get-clients-id``).

        Returns a single client.
        """
        return await self._model(Client, "GET", self._path("/clients/{id}", id=client_id))

    async def update(self, client_id: int, body: ClientInput) -> Client:
        """Update a client.

        ``PATCH /clients/{id}`` (``patch-clients-id``).

        Update the details of a client.
        """
        return await self._model(
            Client,
            "PATCH",
            self._path("/clients/{id}", id=client_id),
            json=body,
        )

    async def delete(self, client_id: int) -> None:
        """Delete a client.

        ``DELETE /clients/{id}`` (``delete-clients-id``).

        Delete a client. Can be performed by Admin or Member users only. Clients with requests
        attached can only be deleted by Admin users.
        """
        await self._none("DELETE", self._path("/clients/{id}", id=client_id))

    async def get_address(self, client_id: int) -> Address:
        """Retrieve address for a client.

        ``GET /clients/{id}/address`` (``get-clients-id-address``).
        """
        return await self._model(Address, "GET", self._path("/clients/{id}/address", id=client_id))

    async def replace_address(self, client_id: int, body: AddressInput) -> Address:
        """Replace an address for a client.

        ``PUT /clients/{id}/address`` (``put-clients-id-address``).

        Replace address for a client.
        """
        return await self._model(
            Address,
            "PUT",
            self._path("/clients/{id}/address", id=client_id),
            json=body,
            non_empty=True,
        )

    def list_forms(
        self,
        client_id: int,
        *,
        expand: Sequence[Literal["client", "record"]] | None = None,
        type: Literal["internal", "requested"] | None = None,
        limit: int | None = None,
    ) -> AsyncPager[ClientForm]:
        """List all forms for a client.

        ``GET /clients/{id}/forms`` (``get-clients-id-forms``).
        """
        return self._paged(
            self._path("/clients/{id}/forms", id=client_id),
            ClientForm,
            params={"expand": self._joined("expand", expand), "type": type},
            limit=limit,
        )

    async def get_form(self, client_id: int, reference: str) -> ClientForm:
        """Retrieve a form for a client.

        ``GET /clients/{id}/forms/{reference}`` (``get-clients-id-forms-reference``).
        """
        return await self._model(
            ClientForm,
            "GET",
            self._path("/clients/{id}/forms/{reference}", id=client_id, reference=reference),
        )

    def download_form(self, client_id: int, reference: str) -> Download:
        """Download a form for a client.

        ``GET /clients/{id}/forms/{reference}/download``
        (``get-clients-id-forms-reference-download``).
        """
        return self._download(
            self._path(
                "/clients/{id}/forms/{reference}/download", id=client_id, reference=reference
            ),
            accept="application/pdf",
        )

    def list_records(
        self,
        client_id: int,
        *,
        expand: Sequence[Literal["client"]] | None = None,
        limit: int | None = None,
    ) -> AsyncPager[Record]:
        """List all records for a client.

        ``GET /clients/{id}/records`` (``get-clients-id-records``).
        """
        return self._paged(
            self._path("/clients/{id}/records", id=client_id),
            Record,
            params={"expand": self._joined("expand", expand)},
            limit=limit,
        )

    def list_corrections(
        self,
        client_id: int,
        *,
        sort_by: Literal["created_at"] | None = None,
        order_by: Literal["asc", "desc"] | None = None,
        expand: Sequence[Literal["client", "record"]] | None = None,
        status: Literal["pending", "accepted", "rejected"] | None = None,
        limit: int | None = None,
    ) -> AsyncPager[ClientCorrection]:
        """List all corrections for a client.

        ``GET /clients/{id}/corrections`` (``get-clients-id-corrections``).

        Retrieve a paginated list of corrections for a client
        """
        return self._paged(
            self._path("/clients/{id}/corrections", id=client_id),
            ClientCorrection,
            params={
                "sort_by": sort_by,
                "order_by": order_by,
                "expand": self._joined("expand", expand),
                "status": status,
            },
            limit=limit,
        )

    async def update_correction(
        self,
        client_id: int,
        correction_id: str,
        body: CorrectionUpdate,
    ) -> ClientCorrection:
        """Update a correction for a client.

        ``PATCH /clients/{clientId}/corrections/{correctionId}``
        (``patch-clients-clientId-corrections-correctionId``).

        Accept, reject and modify a name correction proposed by a client.
        """
        return await self._model(
            ClientCorrection,
            "PATCH",
            self._path(
                "/clients/{clientId}/corrections/{correctionId}",
                clientId=client_id,
                correctionId=correction_id,
            ),
            json=body,
        )

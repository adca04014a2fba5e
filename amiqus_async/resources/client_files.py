"""Client Files: 4 operations

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from common import AsyncPager, Download

from ..models.files import ClientFile
from ..models.inputs import ClientFileInput
from ._base import AmiqusResource

__all__ = ["ClientFiles"]


class ClientFiles(AmiqusResource):
    """The spec's 'Client Files' operations."""

    def list(
        self,
        client_id: int,
        *,
        sort_by: Literal["name", "created_at", "expires_at"] | None = None,
        order_by: Literal["asc", "desc"] | None = None,
        expand: Sequence[Literal["source", "created_by"]] | None = None,
        source: Literal[
            "check", "client", "client_form", "form", "client_document", "record_document"
        ]
        | None = None,
        source_type: Literal[
            "photo_id",
            "reference",
            "banking_information",
            "employment_referencing",
            "requested",
            "sent",
            "returned",
        ]
        | None = None,
        search: str | None = None,
        limit: int | None = None,
    ) -> AsyncPager[ClientFile]:
        """List all files for a client.

        ``GET /clients/{id}/files`` (``get-clients-id-files``).
        """
        return self._paged(
            self._path("/clients/{id}/files", id=client_id),
            ClientFile,
            params={
                "sort_by": sort_by,
                "order_by": order_by,
                "expand": self._joined("expand", expand),
                "source": source,
                "source_type": source_type,
                "search": search,
            },
            limit=limit,
        )

    async def create(self, client_id: int, body: ClientFileInput) -> ClientFile:
        """Create a file for a client.

        ``POST /clients/{id}/files`` (``post-clients-id-files``).
        """
        return await self._model(
            ClientFile,
            "POST",
            self._path("/clients/{id}/files", id=client_id),
            json=body,
        )

    async def delete(self, client_id: int, file_id: int) -> None:
        """Delete a file for a client.

        ``DELETE /clients/{clientId}/files/{fileId}``
        (``delete-clients-clientId-files-fileId``).
        """
        await self._none(
            "DELETE",
            self._path("/clients/{clientId}/files/{fileId}", clientId=client_id, fileId=file_id),
        )

    def download(self, client_id: int, file_id: int) -> Download:
        """Download a file for a client.

        ``GET /clients/{clientId}/files/{fileId}/download``
        (``get-clients-clientId-files-fileId-download``).
        """
        return self._download(
            self._path(
                "/clients/{clientId}/files/{fileId}/download", clientId=client_id, fileId=file_id
            ),
            accept="*/*",
        )

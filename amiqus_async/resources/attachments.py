"""Attachments: 3 operations

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from common import FileSource, Upload

from ..models.files import Attachment
from ._base import AmiqusResource

__all__ = ["Attachments"]


class Attachments(AmiqusResource):
    """The spec's 'Attachments' operations."""

    async def create(self, attachment: Upload | FileSource) -> Attachment:
        """Create an attachment.

        ``POST /attachments`` (``post-attachments``).
        """
        return await self._model(Attachment, "POST", "/attachments", attachment=attachment)

    async def delete(self, attachment_id: int) -> None:
        """Delete an attachment.

        ``DELETE /attachments/{id}`` (``delete-attachments-id``).
        """
        await self._none("DELETE", self._path("/attachments/{id}", id=attachment_id))

    async def redact(self, attachment_id: int) -> Attachment:
        """Redact an attachment.

        ``PUT /attachments/{id}/redact`` (``put-attachments-id``).

        Replace an attachment with a generic "This file has been removed due to a data deletion
        request" .png image. The file name will be updated to append "redacted" and other
        information retained.
        """
        return await self._model(
            Attachment,
            "PUT",
            self._path("/attachments/{id}/redact", id=attachment_id),
        )

"""Documents: 1 operations

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from common import AsyncPager

from ..models.files import Document
from ._base import AmiqusResource

__all__ = ["Documents"]


class Documents(AmiqusResource):
    """The spec's 'Documents' operations."""

    def list(
        self,
        *,
        enabled: bool | None = None,
        expand: Sequence[Literal["attachment"]] | None = None,
        limit: int | None = None,
    ) -> AsyncPager[Document]:
        """List all documents.

        ``GET /documents`` (``get-documents``).

        List all library documents.
        """
        return self._paged(
            "/documents",
            Document,
            params={"enabled": enabled, "expand": self._joined("expand", expand)},
            limit=limit,
        )

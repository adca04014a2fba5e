"""Files: 1 operations

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from common import AsyncPager

from ..models.files import File
from ._base import AmiqusResource

__all__ = ["Files"]


class Files(AmiqusResource):
    """The spec's 'Files' operations."""

    def list(
        self,
        *,
        sort_by: Literal["created_at", "updated_at", "expires_at"] | None = None,
        order_by: Literal["asc", "desc"] | None = None,
        expand: Sequence[Literal["source", "created_by"]] | None = None,
        limit: int | None = None,
    ) -> AsyncPager[File]:
        """List all files.

        ``GET /files`` (``get-files``).
        """
        return self._paged(
            "/files",
            File,
            params={
                "sort_by": sort_by,
                "order_by": order_by,
                "expand": self._joined("expand", expand),
            },
            limit=limit,
        )

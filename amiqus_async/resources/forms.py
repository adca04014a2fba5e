"""Forms: 1 operations

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from common import AsyncPager

from ..models.forms import Form
from ._base import AmiqusResource

__all__ = ["Forms"]


class Forms(AmiqusResource):
    """The spec's 'Forms' operations."""

    def list(
        self,
        *,
        sort_by: Literal["created_at", "updated_at"] | None = None,
        order_by: Literal["asc", "desc"] | None = None,
        expand: Sequence[Literal["client", "record"]] | None = None,
        type: Literal["internal", "requested"] | None = None,
        limit: int | None = None,
    ) -> AsyncPager[Form]:
        """List all forms.

        ``GET /forms`` (``get-forms``).
        """
        return self._paged(
            "/forms",
            Form,
            params={
                "sort_by": sort_by,
                "order_by": order_by,
                "expand": self._joined("expand", expand),
                "type": type,
            },
            limit=limit,
        )

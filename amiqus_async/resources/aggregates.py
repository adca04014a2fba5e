"""Aggregates: 1 operations

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from ..models.cases import CaseStatusAggregate
from ._base import AmiqusResource

__all__ = ["Aggregates"]


class Aggregates(AmiqusResource):
    """The spec's 'Aggregates' operations."""

    async def case_status(
        self,
        *,
        assigned_to: int | Literal[False] | None = None,
        start_date: datetime | None = None,
        end_date: datetime | None = None,
        visibility: Literal["active", "archived"] | None = None,
    ) -> CaseStatusAggregate:
        """Case status.

        ``GET /aggregates/case-status`` (``get-aggregates-case-status``).

        Get an aggregate of case statuses.
        """
        return await self._model(
            CaseStatusAggregate,
            "GET",
            "/aggregates/case-status",
            params={
                "assigned_to": assigned_to,
                "start_date": start_date,
                "end_date": end_date,
                "visibility": visibility,
            },
        )

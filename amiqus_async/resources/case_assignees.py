"""Case Assignees: 1 operations

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from common import AsyncPager

from ..models.cases import CaseAssignee
from ._base import AmiqusResource

__all__ = ["CaseAssignees"]


class CaseAssignees(AmiqusResource):
    """The spec's 'Case Assignees' operations."""

    def list(self, case_id: int, *, limit: int | None = None) -> AsyncPager[CaseAssignee]:
        """List all assignees for a case.

        ``GET /cases/{id}/assignees`` (``get-cases-id-assignees``).

        Returns a paginated list of the case assignees.
        """
        return self._paged(
            self._path("/cases/{id}/assignees", id=case_id),
            CaseAssignee,
            limit=limit,
        )

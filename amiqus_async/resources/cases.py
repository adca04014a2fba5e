"""Cases: 6 operations

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from common import AsyncPager

from ..models.cases import Case, CaseReview
from ..models.inputs import CaseInput, CaseReviewInput, CaseUpdate
from ._base import AmiqusResource

__all__ = ["Cases"]


class Cases(AmiqusResource):
    """The spec's 'Cases' operations."""

    def list(
        self,
        *,
        sort_by: Literal[
            "name",
            "reference",
            "client.name.first_name",
            "client.name.last_name",
            "created_at",
            "updated_at",
            "archived_at",
        ]
        | None = None,
        order_by: Literal["asc", "desc"] | None = None,
        expand: Sequence[Literal["client", "items", "assignees"]] | None = None,
        status: Sequence[
            Literal[
                "pending",
                "awaiting_response",
                "action_required",
                "reviewed_pending_decision",
                "approved",
                "rejected",
                "on_hold",
            ]
        ]
        | None = None,
        visibility: Literal["active", "archived"] | None = None,
        created_by: int | None = None,
        assigned_to: int | Literal[False] | None = None,
        client: int | None = None,
        client_visibility: Literal["active", "archived"] | None = None,
        reference: str | None = None,
        search: str | None = None,
        limit: int | None = None,
    ) -> AsyncPager[Case]:
        """List all cases.

        ``GET /cases`` (``get-cases``).
        """
        return self._paged(
            "/cases",
            Case,
            params={
                "sort_by": sort_by,
                "order_by": order_by,
                "expand": self._joined("expand", expand),
                "status": self._joined("status", status),
                "visibility": visibility,
                "created_by": created_by,
                "assigned_to": assigned_to,
                "client": client,
                "client_visibility": client_visibility,
                "reference": reference,
                "search": search,
            },
            limit=limit,
        )

    async def create(self, body: CaseInput) -> Case:
        """Create a case.

        ``POST /cases`` (``post-cases``).
        """
        return await self._model(Case, "POST", "/cases", json=body)

    async def get(
        self,
        case_id: int,
        *,
        expand: Sequence[Literal["client", "items", "assignees"]] | None = None,
    ) -> Case:
        """Retrieve a case.

        ``GET /cases/{id}`` (``get-cases-id``).
        """
        return await self._model(
            Case,
            "GET",
            self._path("/cases/{id}", id=case_id),
            params={"expand": self._joined("expand", expand)},
        )

    async def update(self, case_id: int, body: CaseUpdate) -> Case:
        """Update a case.

        ``PATCH /cases/{id}`` (``patch-cases-id``).

        Update the details of a case.
        """
        return await self._model(
            Case,
            "PATCH",
            self._path("/cases/{id}", id=case_id),
            json=body,
            non_empty=True,
        )

    def list_reviews(
        self,
        case_id: int,
        *,
        expand: Sequence[Literal["reviewed_by"]] | None = None,
        limit: int | None = None,
    ) -> AsyncPager[CaseReview]:
        """List all reviews for a case.

        ``GET /cases/{id}/reviews`` (``get-cases-id-reviews``).

        Returns a paginated list of reviews for a single case.
        """
        return self._paged(
            self._path("/cases/{id}/reviews", id=case_id),
            CaseReview,
            params={"expand": self._joined("expand", expand)},
            limit=limit,
        )

    async def create_review(self, case_id: int, body: CaseReviewInput) -> CaseReview:
        """Create a case review.

        ``POST /cases/{id}/reviews`` (``post-cases-id-reviews``).

        Review a case and update its status
        """
        return await self._model(
            CaseReview,
            "POST",
            self._path("/cases/{id}/reviews", id=case_id),
            json=body,
        )

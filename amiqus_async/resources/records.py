"""Records: 12 operations

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from common import AsyncPager, Download

from ..models.checks import Check
from ..models.inputs import RecordInput, RecordUpdate, StepReviewInput
from ..models.records import Record, RecordDocument, RecordStep, StepReview
from ._base import AmiqusResource

__all__ = ["Records"]


class Records(AmiqusResource):
    """The spec's 'Records' operations."""

    def list(
        self,
        *,
        sort_by: Literal[
            "client.name.first_name",
            "client.name.last_name",
            "created_at",
            "updated_at",
            "archived_at",
        ]
        | None = None,
        order_by: Literal["asc", "desc"] | None = None,
        expand: Sequence[Literal["client"]] | None = None,
        status: Literal[
            "pending",
            "started",
            "complete",
            "incomplete",
            "waiting",
            "failed",
            "empty",
            "paused",
            "amendments",
            "reviewed",
        ]
        | None = None,
        visibility: Literal["active", "archived"] | None = None,
        creator: int | None = None,
        created_by: int | None = None,
        assignee: int | Literal[False] | None = None,
        client_visibility: Literal["active", "archived"] | None = None,
        limit: int | None = None,
    ) -> AsyncPager[Record]:
        """List all records.

        ``GET /records`` (``get-records``).

        ``creator`` is deprecated: This query parameter is deprecated and has been replaced by
        ``created_by``. (``DeprecationWarning``)
        """
        if creator is not None:
            self._deprecated(
                "records.list(creator=...)",
                "This query parameter is deprecated and has been replaced by created_by.",
            )
        return self._paged(
            "/records",
            Record,
            params={
                "sort_by": sort_by,
                "order_by": order_by,
                "expand": self._joined("expand", expand),
                "status": status,
                "visibility": visibility,
                "creator": creator,
                "created_by": created_by,
                "assignee": assignee,
                "client_visibility": client_visibility,
            },
            limit=limit,
        )

    async def create(self, body: RecordInput) -> Record:
        """Create a record.

        ``POST /records`` (``post-records``).
        """
        return await self._model(Record, "POST", "/records", json=body)

    async def get(
        self,
        record_id: int,
        *,
        expand: Sequence[Literal["client"]] | None = None,
    ) -> Record:
        """Retrieve a record.

        ``GET /records/{id}`` (``get-records-id``).
        """
        return await self._model(
            Record,
            "GET",
            self._path("/records/{id}", id=record_id),
            params={"expand": self._joined("expand", expand)},
        )

    async def update(self, record_id: int, body: RecordUpdate) -> Record:
        """Update a record.

        ``PATCH /records/{id}`` (``patch-records-id``).

        Update the details of a record.
        """
        return await self._model(
            Record,
            "PATCH",
            self._path("/records/{id}", id=record_id),
            json=body,
            non_empty=True,
        )

    async def archive(
        self,
        record_id: int,
        *,
        expand: Sequence[Literal["client"]] | None = None,
    ) -> Record:
        """Archive a record.

        ``POST /records/{id}/archive`` (``post-records-id-archive``).

        Deprecated: This operation is deprecated and will be removed in future versions. To
        archive a record, please refer to Update a record. (``DeprecationWarning``)
        """
        self._deprecated(
            "records.archive (POST /records/{id}/archive)",
            "This operation is deprecated and will be removed in future "
            "versions. To archive a record, please refer to Update a "
            "record.",
        )
        return await self._model(
            Record,
            "POST",
            self._path("/records/{id}/archive", id=record_id),
            params={"expand": self._joined("expand", expand)},
        )

    async def expire(
        self,
        record_id: int,
        *,
        expand: Sequence[Literal["client"]] | None = None,
    ) -> Record:
        """Expire a record.

        ``POST /records/{id}/expire`` (``post-records-id-expire``).
        """
        return await self._model(
            Record,
            "POST",
            self._path("/records/{id}/expire", id=record_id),
            params={"expand": self._joined("expand", expand)},
        )

    def download(self, record_id: int) -> Download:
        """Download a record.

        ``GET /records/{id}/download`` (``get-records-id-download``).
        """
        return self._download(
            self._path("/records/{id}/download", id=record_id),
            accept="application/pdf",
        )

    def list_steps(
        self,
        record_id: int,
        *,
        expand: Sequence[Literal["check", "form", "document", "review"]] | None = None,
        limit: int | None = None,
    ) -> AsyncPager[RecordStep]:
        """List all steps for a record.

        ``GET /records/{id}/steps`` (``get-records-id-steps``).
        """
        return self._paged(
            self._path("/records/{id}/steps", id=record_id),
            RecordStep,
            params={"expand": self._joined("expand", expand)},
            limit=limit,
        )

    def list_documents(
        self,
        record_id: int,
        *,
        expand: Sequence[Literal["attachments"]] | None = None,
        limit: int | None = None,
    ) -> AsyncPager[RecordDocument]:
        """List all documents for a record.

        ``GET /records/{id}/documents`` (``get-records-id-documents``).
        """
        return self._paged(
            self._path("/records/{id}/documents", id=record_id),
            RecordDocument,
            params={"expand": self._joined("expand", expand)},
            limit=limit,
        )

    async def get_check(
        self,
        check_id: int,
        *,
        expand: Sequence[Literal["record", "response"]] | None = None,
    ) -> Check:
        """Retrieve a check.

        ``GET /checks/{id}`` (``get-checks-id``).
        """
        return await self._model(
            Check,
            "GET",
            self._path("/checks/{id}", id=check_id),
            params={"expand": self._joined("expand", expand)},
        )

    def list_step_reviews(
        self,
        record_id: int,
        step_id: int,
        *,
        sort_by: Literal["created_at", "updated_at"] | None = None,
        order_by: Literal["asc", "desc"] | None = None,
        expand: Sequence[Literal["reviewed_by"]] | None = None,
        limit: int | None = None,
    ) -> AsyncPager[StepReview]:
        """List all reviews for a record step.

        ``GET /records/{recordId}/steps/{stepId}/reviews``
        (``get-records-recordId-steps-stepId-reviews``).
        """
        return self._paged(
            self._path(
                "/records/{recordId}/steps/{stepId}/reviews", recordId=record_id, stepId=step_id
            ),
            StepReview,
            params={
                "sort_by": sort_by,
                "order_by": order_by,
                "expand": self._joined("expand", expand),
            },
            limit=limit,
        )

    async def create_step_review(
        self,
        record_id: int,
        step_id: int,
        body: StepReviewInput,
        *,
        expand: Sequence[Literal["reviewed_by"]] | None = None,
    ) -> StepReview:
        """Create a review for a record step.

        ``POST /records/{recordId}/steps/{stepId}/reviews``
        (``post-records-recordId-steps-stepId-reviews``).
        """
        return await self._model(
            StepReview,
            "POST",
            self._path(
                "/records/{recordId}/steps/{stepId}/reviews", recordId=record_id, stepId=step_id
            ),
            params={"expand": self._joined("expand", expand)},
            json=body,
        )

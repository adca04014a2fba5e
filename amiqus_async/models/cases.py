"""Cases, their items, reviews, assignees and status counts

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from datetime import datetime

import attrs

from common.models import Model

from .enums import CaseAssigneeType, CaseStatus

__all__ = [
    "Case",
    "CaseAssignee",
    "CaseItem",
    "CaseItemEntity",
    "CaseReview",
    "CaseStatusAggregate",
    "CaseStatusAggregateAggregates",
]


@attrs.frozen(kw_only=True)
class Case(Model):
    """Case."""

    object: str
    """Always ``'case'``."""

    id: int
    """The unique case identifier."""

    name: str | None = None
    """The case name."""

    reference: str | None = None
    """The case reference."""

    status: CaseStatus | str | None = None

    client: Client | int | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    items: list[CaseItem | int] | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    assignees: OrganisationAssignees | list[int] | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    created_at: datetime | None = None
    """Date and time the case was created."""

    updated_at: datetime | None = None
    """Date and time the case's details were last updated."""

    archived_at: datetime | None = None
    """Date and time the case was archived."""


@attrs.frozen(kw_only=True)
class CaseItem(Model):
    """Case Item."""

    object: str
    """Always ``'case_item'``."""

    id: int
    """The unique case item identifier."""

    entity: CaseItemEntity | Record | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    created_at: datetime | None = None
    """Date and time the case item was added to the case."""

    updated_at: datetime | None = None
    """Date and time the case item's details were last updated."""


@attrs.frozen(kw_only=True)
class CaseReview(Model):
    """Case Review."""

    object: str
    """Always ``'case_review'``."""

    id: int
    """The unique case review identifier."""

    reviewed_by: TeamMember | int | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    status: CaseStatus | str | None = None

    from_status: CaseStatus | str | None = None
    """The previous status of the case review."""

    created_at: datetime | None = None
    """Date and time the case review was added."""

    updated_at: datetime | None = None
    """Date and time the case review details were last updated."""


@attrs.frozen(kw_only=True)
class CaseAssignee(Model):
    """Assignee."""

    object: str
    """Always ``'assignee'``."""

    id: int
    """The assignee ID"""

    type: CaseAssigneeType | str | None = None

    team_member: TeamMember | None = None


@attrs.frozen(kw_only=True)
class CaseStatusAggregate(Model):
    """Case status aggregate."""

    object: str
    """Always ``'case_status_aggregate'``."""

    aggregates: list[CaseStatusAggregateAggregates] | None = None


@attrs.frozen(kw_only=True)
class CaseItemEntity(Model):
    """CaseItemEntity."""

    id: int | None = None
    """The unique entity identifier."""

    type: str | None = None
    """Always ``'record'``. The entity type."""


@attrs.frozen(kw_only=True)
class CaseStatusAggregateAggregates(Model):
    """CaseStatusAggregateAggregates."""

    status: CaseStatus | str | None = None

    count: int | None = None


# The answer modules refer to one another (a record's steps hold checks and forms, a
# check names its record), so each imports the others after its own classes: the
# annotations are only read when a model is first structured.
# ruff: noqa: E402
from .clients import Client
from .organisations import OrganisationAssignees
from .records import Record
from .team import TeamMember

"""Organisations, their assignees and clients

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from datetime import date, datetime

import attrs

from common.models import Model

from .enums import OrganisationJurisdiction, OrganisationStatus

__all__ = ["Organisation", "OrganisationAssignees", "OrganisationClients"]


@attrs.frozen(kw_only=True)
class Organisation(Model):
    """Organisation."""

    object: str
    """Always ``'organisation'``."""

    id: int
    """Unique organisation identifier"""

    status: OrganisationStatus | str | None = None
    """A status can be set to signify a decision has been made by a team member on the outcome of
    the organisation's checks.
    """

    name: str | None = None
    """Organisation or company name The value is not formatted (e.g. title case), and appears as
    written.
    """

    company_number: str | None = None
    """The company registration number or reference"""

    jurisdiction: OrganisationJurisdiction | str | None = None
    """The country code or region where the company is registered."""

    reference: str | None = None
    """An external reference or identifier to cross-reference with your system."""

    address: Address | None = None
    """The organisation's registered address."""

    incorporated_at: date | None = None
    """Date the organisation was incorporated."""

    assignees: OrganisationAssignees | list[int] | None = None
    """The team members assigned to the organisation. `null` when no team members are assigned,
    including when the relationship is expanded. Expandable: an id (or ids) unless asked for
    with ``expand``.
    """

    clients: OrganisationClients | list[int] | None = None
    """The clients belonging to the organisation. `null` when the organisation has no clients,
    including when the relationship is expanded. Expandable: an id (or ids) unless asked for
    with ``expand``.
    """

    created_at: datetime | None = None
    """Date and time the organisation was created"""

    updated_at: datetime | None = None
    """Date and time the organisation's details were last updated"""

    archived_at: datetime | None = None
    """Date and time the organisation was archived."""


@attrs.frozen(kw_only=True)
class OrganisationAssignees(Model):
    """List."""

    object: str
    """Always ``'list'``."""

    data: list[TeamMember] | None = None

    total: int | None = None

    count: int | None = None

    limit: int | None = None

    has_more: bool | None = None

    url: str | None = None


@attrs.frozen(kw_only=True)
class OrganisationClients(Model):
    """List."""

    object: str
    """Always ``'list'``."""

    data: list[Client] | None = None

    total: int | None = None

    count: int | None = None

    limit: int | None = None

    has_more: bool | None = None

    url: str | None = None


# The answer modules refer to one another (a record's steps hold checks and forms, a
# check names its record), so each imports the others after its own classes: the
# annotations are only read when a model is first structured.
# ruff: noqa: E402
from .clients import Client
from .shared import Address
from .team import TeamMember

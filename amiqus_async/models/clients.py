"""Clients and the corrections they ask for

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from datetime import date, datetime

import attrs

from common.models import Model

from .enums import ClientCorrectionStatus, ClientStatus

__all__ = ["Client", "ClientCorrection", "ClientCorrectionCorrection"]


@attrs.frozen(kw_only=True)
class Client(Model):
    """Client."""

    object: str
    """Always ``'client'``."""

    id: int
    """Unique client identifier."""

    status: ClientStatus | str | None = None
    """A status can be set to signify a decision has been made by a team member on the outcome of
    the client's checks.
    """

    name: Name | None = None
    """The client's names."""

    email: str | None = None
    """Client's contact email address."""

    landline: str | None = None
    """Client's landline telephone number."""

    mobile: str | None = None
    """Client's mobile telephone number."""

    dob: date | None = None
    """Client's date of birth."""

    reference: str | None = None
    """An external reference or identifier to cross-reference with your system."""

    national_insurance_number: str | None = None
    """Client's National Insurance number."""

    is_deletable: bool | None = None
    """Indicates if the client can be deleted."""

    deletion_date: date | None = None
    """Date by which the client should be manually deleted from Amiqus."""

    created_at: datetime | None = None
    """Date and time the client was created."""

    updated_at: datetime | None = None
    """Date and time the client's details were last updated."""

    archived_at: datetime | None = None
    """Date and time the client was archived."""


@attrs.frozen(kw_only=True)
class ClientCorrection(Model):
    """Client Correction."""

    object: str
    """Always ``'client_correction'``."""

    id: int
    """Unique client correction identifier."""

    client: Client | int | None = None
    """The client associated with this correction. Expandable: an id (or ids) unless asked for with
    ``expand``.
    """

    record: Record | int | None = None
    """The record associated with this correction. Expandable: an id (or ids) unless asked for with
    ``expand``.
    """

    status: ClientCorrectionStatus | str | None = None
    """The status of the correction."""

    correction: ClientCorrectionCorrection | None = None

    created_at: datetime | None = None
    """Date and time the correction was created."""

    updated_at: datetime | None = None
    """Date and time the correction was last updated."""


@attrs.frozen(kw_only=True)
class ClientCorrectionCorrection(Model):
    """ClientCorrectionCorrection."""

    first_name: str | None = None
    """The corrected first name."""

    middle_name: str | None = None
    """The corrected middle name."""

    last_name: str | None = None
    """The corrected last name."""


# The answer modules refer to one another (a record's steps hold checks and forms, a
# check names its record), so each imports the others after its own classes: the
# annotations are only read when a model is first structured.
# ruff: noqa: E402
from .records import Record
from .shared import Name

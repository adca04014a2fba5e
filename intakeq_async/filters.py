"""The filters of each IntakeQ listing, declared: names, types and their wire form.

Each class is what a listing takes as keywords (``intakeq.notes.list(client_id=7)``); its
fields are sent in camelCase (``start_date`` as ``startDate``), dates as ``yyyy-MM-dd`` (a
``datetime`` is sent as its own date), and only the filters given are sent. Spellings on
which public sources disagree come from :mod:`intakeq_async.paths`, the one place to fix them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import attrs

from common import Filters, InvalidRequestError, rendered_by
from common.models import wire, wire_names

from . import paths
from .models import NoteStatus

__all__ = [
    "AppointmentFilters",
    "ClaimFilters",
    "ClientFilters",
    "IntakeFilters",
    "IntakeQFilters",
    "InvoiceFilters",
    "NoteFilters",
    "PractitionerFilters",
]


@wire_names("camel")
@attrs.frozen(kw_only=True)
class IntakeQFilters(Filters):
    """The base of IntakeQ's filters: camelCase names, ``yyyy-MM-dd`` dates."""


def _custom_fields(fields: Any) -> dict[str, str]:
    """``{field id: value}`` as one ``custom.{fieldId}=value`` parameter each
    (the form is :data:`intakeq_async.paths.CLIENT_CUSTOM_FIELD_FILTER`)."""
    if not isinstance(fields, Mapping):
        raise InvalidRequestError(
            f"custom_fields must be a mapping of field id to value, not {fields!r}"
        )
    params: dict[str, str] = {}
    for field_id, value in fields.items():
        if not isinstance(field_id, str) or not field_id.strip():
            raise InvalidRequestError(
                f"a custom field id must be a non-blank string, not {field_id!r}"
            )
        if not isinstance(value, str):
            raise InvalidRequestError(f"custom field {field_id!r} must be a string, not {value!r}")
        params[paths.CLIENT_CUSTOM_FIELD_FILTER.format(field_id=field_id)] = value
    return params


@attrs.frozen(kw_only=True)
class ClientFilters(IntakeQFilters):
    """``GET /clients`` (help centre, Client API)."""

    search: str | None = None
    date_created_start: date | None = None
    date_created_end: date | None = None
    date_updated_start: date | None = None
    date_updated_end: date | None = None
    #: ``{field id: value}`` for custom fields, one ``custom.{fieldId}=value`` parameter each.
    custom_fields: Mapping[str, str] | None = attrs.field(
        default=None, metadata=rendered_by(_custom_fields)
    )
    external_client_id: str | None = None
    deleted_only: bool | None = None


@attrs.frozen(kw_only=True)
class AppointmentFilters(IntakeQFilters):
    """``GET /appointments``; *client* is a name, email or client number, as IntakeQ's
    search takes it."""

    client: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    status: str | None = None
    practitioner_email: str | None = None
    updated_since: date | None = None
    deleted_only: bool | None = None


@attrs.frozen(kw_only=True)
class IntakeFilters(IntakeQFilters):
    """``GET /intakes/summary``; ``all=True`` includes forms not yet submitted."""

    client: str | None = None
    client_id: int | None = None
    external_client_id: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    all: bool | None = None
    updated_since: date | None = None
    deleted_only: bool | None = None


@attrs.frozen(kw_only=True)
class NoteFilters(IntakeQFilters):
    """``GET /notes/summary``. *status* is the lock status, sent as the integer IntakeQ
    takes: ``NoteStatus.LOCKED`` (``status=1``) or ``NoteStatus.UNLOCKED`` (``status=2``)."""

    client: str | None = None
    client_id: int | None = None
    status: NoteStatus | None = None
    start_date: date | None = None
    end_date: date | None = None
    updated_since: date | None = None
    deleted_only: bool | None = None


@attrs.frozen(kw_only=True)
class InvoiceFilters(IntakeQFilters):
    """``GET /invoices``; the last-update range is spelt as :mod:`intakeq_async.paths` says."""

    client_id: int | None = None
    start_date: date | None = None
    end_date: date | None = None
    status: str | None = None
    practitioner_email: str | None = None
    number: str | None = None
    last_updated_start: date | None = attrs.field(
        default=None, metadata=wire(paths.INVOICE_UPDATED_START)
    )
    last_updated_end: date | None = attrs.field(
        default=None, metadata=wire(paths.INVOICE_UPDATED_END)
    )


@attrs.frozen(kw_only=True)
class ClaimFilters(IntakeQFilters):
    """``GET /claims``."""

    client_id: int | None = None
    start_date: date | None = None
    end_date: date | None = None


@attrs.frozen(kw_only=True)
class PractitionerFilters(IntakeQFilters):
    """``GET /practitioners``."""

    include_inactive: bool | None = None

"""The documented filters of each Trackops listing, declared: names, types, wire form.

Each listing takes exactly the filters its help-centre article lists, as keywords
(``ops.cases.list(case_status=2)``); a name the class does not declare raises
:class:`~common.InvalidRequestError` before anything is sent (a name the API does not know
would otherwise be ignored, or refused, by the server, and the listing would not be filtered
as meant). Filter names are the API's own (snake_case already), so ``created_from=`` is sent
as ``created_from=``. Timestamps are sent in UTC as ``YYYY-MM-DD HH:MM:SS``
(:meth:`TrackopsFilters.format_datetime`); a ``date`` is sent as ``YYYY-MM-DD``; the fields
annotated ``date`` take a calendar day only.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, Literal

import attrs

from common import Filters, InvalidRequestError, replaced_by

from .models import ExpenseStatus, InvoiceStatus, format_trackops_datetime

__all__ = [
    "CaseFilters",
    "CaseRequestFilters",
    "CaseUpdateFilters",
    "ClientLocationFilters",
    "ContactFilters",
    "ContactOptions",
    "ExpenseEntryFilters",
    "InvoiceFilters",
    "Order",
    "StaffFilters",
    "TrackopsFilters",
    "wire_params",
]

#: A timestamp filter's value: a moment (sent in UTC) or a day.
Stamp = datetime | date


@attrs.frozen(kw_only=True)
class TrackopsFilters(Filters):
    """The base of Trackops's filters: snake_case names as they are, UTC timestamps written
    ``YYYY-MM-DD HH:MM:SS``."""

    @staticmethod
    def format_datetime(value: datetime) -> str:
        """``YYYY-MM-DD HH:MM:SS`` in UTC (a naive value is taken as UTC)."""
        return format_trackops_datetime(value)


@attrs.frozen(kw_only=True)
class Order(TrackopsFilters):
    """Sort order of any listing: ``dir`` is ``asc`` or ``desc`` (by id)."""

    dir: Literal["asc", "desc"] | None = None


@attrs.frozen(kw_only=True)
class CaseUpdateFilters(Order):
    """``GET /case/updates`` (the Case Updates API document)."""

    id: int | None = None
    case: int | None = None
    access_group: int | None = None
    created_by: int | None = None
    is_valid: bool | None = None
    subject: int | None = None
    thread: int | None = None
    activity_from: Stamp | None = None
    activity_to: Stamp | None = None
    created_from: Stamp | None = None
    created_to: Stamp | None = None
    updated_from: Stamp | None = None
    updated_to: Stamp | None = None
    validated_from: Stamp | None = None
    validated_to: Stamp | None = None


@attrs.frozen(kw_only=True)
class CaseRequestFilters(Order):
    """``GET /case/requests`` ("API Reference - Case Requests", article 34239368051853): the
    case filters without ``case_status``, ``is_request`` and the three primary staff ones."""

    id: int | None = None
    client: int | None = None
    location: int | None = None
    case_region: int | None = None
    created_from: Stamp | None = None
    created_to: Stamp | None = None
    created_from_system: Stamp | None = None
    created_to_system: Stamp | None = None
    due_from: Stamp | None = None
    due_to: Stamp | None = None
    updated_from: Stamp | None = None
    updated_to: Stamp | None = None
    primary_contact: int | None = None
    primary_subject: int | None = None
    reference_value_1: str | None = None
    reference_value_2: str | None = None
    reference_value_3: str | None = None


@attrs.frozen(kw_only=True)
class CaseFilters(CaseRequestFilters):
    """``GET /cases`` ("API Reference - Cases", article 212338923): every case-request filter
    and five more."""

    case_status: int | None = None
    is_request: bool | None = None
    primary_investigator: int | None = None
    primary_manager: int | None = None
    primary_salesperson: int | None = None


@attrs.frozen(kw_only=True)
class ContactFilters(Order):
    """``GET /client/contacts`` ("API Reference - Client Contacts")."""

    id: int | None = None
    last_name: str | None = None
    first_name: str | None = None
    email: str | None = None
    client: int | None = None
    client_location: int | None = None
    role: int | None = None
    salesperson: int | None = None
    created_from: Stamp | None = None
    created_to: Stamp | None = None
    updated_from: Stamp | None = None
    updated_to: Stamp | None = None
    expand_field_values: bool | None = None


@attrs.frozen(kw_only=True)
class InvoiceFilters(Order):
    """``GET /invoices`` ("API Reference - Invoices")."""

    id: int | None = None
    client: int | None = None
    location: int | None = None
    contact: int | None = None
    status: InvoiceStatus | str | None = None
    salesperson: int | None = None
    case: int | None = None
    tracking_category: int | None = None
    invoice_number: int | None = None
    reference_number: str | None = None
    created_from: Stamp | None = None
    created_to: Stamp | None = None
    due_from: Stamp | None = None
    due_to: Stamp | None = None
    closed_from: Stamp | None = None
    closed_to: Stamp | None = None
    created_from_system: Stamp | None = None
    created_to_system: Stamp | None = None
    updated_from: Stamp | None = None
    updated_to: Stamp | None = None


@attrs.frozen(kw_only=True)
class ExpenseEntryFilters(Order):
    """``GET /expense/entries`` ("API Reference - Expense Entries", article 212339183).

    ``date_from``/``date_to`` bound the entry date and take dates (a ``datetime`` is sent as
    its own calendar date); the other ranges are UTC timestamps.
    """

    id: int | None = None
    expense_slip: int | None = None
    user: int | None = None
    status: ExpenseStatus | str | None = None
    case: int | None = None
    tracking_category: int | None = None
    entry_number: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    #: Deprecated (0.2): the name of ``date_from`` before; sent as ``date_from``, with a warning.
    from_date: date | None = attrs.field(default=None, metadata=replaced_by("date_from"))
    #: Deprecated (0.2): the name of ``date_to`` before; sent as ``date_to``, with a warning.
    to_date: date | None = attrs.field(default=None, metadata=replaced_by("date_to"))
    created_from: Stamp | None = None
    created_to: Stamp | None = None
    updated_from: Stamp | None = None
    updated_to: Stamp | None = None


@attrs.frozen(kw_only=True)
class StaffFilters(Order):
    """``GET /staff`` ("API Reference - Staff", article 212339023)."""

    id: int | None = None
    last_name: str | None = None
    first_name: str | None = None
    email: str | None = None
    role: int | None = None
    is_vendor: bool | None = None
    created_from: Stamp | None = None
    created_to: Stamp | None = None
    updated_from: Stamp | None = None
    updated_to: Stamp | None = None
    expand_field_values: bool | None = None


@attrs.frozen(kw_only=True)
class ClientLocationFilters(Order):
    """``GET /client/locations`` ("API Reference - Client Locations", article 212338863):
    ``parent`` is the root client's id, ``salesperson`` the default salesperson's."""

    id: int | None = None
    name: str | None = None
    parent: int | None = None
    salesperson: int | None = None
    created_from: Stamp | None = None
    created_to: Stamp | None = None
    updated_from: Stamp | None = None
    updated_to: Stamp | None = None


@attrs.frozen(kw_only=True)
class ContactOptions(TrackopsFilters):
    """``GET /client/contacts/{id}``."""

    expand_field_values: bool | None = None


def wire_params(filters: Mapping[str, Any], allowed: type[Filters]) -> dict[str, Any]:
    """Deprecated (0.2): ``allowed.of(filters).to_params()``, the query for *filters*.

    Raises :class:`~common.InvalidRequestError` for a filter *allowed* does not declare.
    """
    warnings.warn(
        "caseupdates_async.filters.wire_params is deprecated; "
        "use FilterClass.of(filters).to_params()",
        DeprecationWarning,
        stacklevel=2,
    )
    declared: object = allowed  # callers without a type checker may pass a TypedDict
    if not (isinstance(declared, type) and issubclass(declared, Filters)):
        raise InvalidRequestError(f"allowed must be a Filters class, not {allowed!r}")
    return dict(allowed.of(filters).to_params())

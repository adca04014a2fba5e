"""The documented filters of each Trackops listing, typed, and their wire form.

Filter names are the API's own (snake_case already), so a filter given as ``created_from=``
is sent as ``created_from=``. Timestamps are sent in UTC as ``YYYY-MM-DD HH:MM:SS``; a
``date`` is sent as ``YYYY-MM-DD``. Each listing takes exactly the filters its help-centre
article lists: :func:`wire_params` refuses any other name before anything is sent (a name
the API does not know would otherwise be ignored, or refused, by the server, and the
listing would not be filtered as meant).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, Literal, TypedDict

from common import InvalidRequestError
from common.params import day

from .models import ExpenseStatus, InvoiceStatus, format_trackops_datetime

__all__ = [
    "CaseFilters",
    "CaseRequestFilters",
    "CaseUpdateFilters",
    "ClientLocationFilters",
    "ContactFilters",
    "ExpenseEntryFilters",
    "InvoiceFilters",
    "Order",
    "StaffFilters",
    "wire_params",
]

Stamp = datetime | date


class Order(TypedDict, total=False):
    """Sort order of any listing: ``dir`` is ``asc`` or ``desc`` (by id)."""

    dir: Literal["asc", "desc"]


class CaseUpdateFilters(Order, total=False):
    id: int
    case: int
    access_group: int
    created_by: int
    is_valid: bool
    subject: int
    thread: int
    activity_from: Stamp
    activity_to: Stamp
    created_from: Stamp
    created_to: Stamp
    updated_from: Stamp
    updated_to: Stamp
    validated_from: Stamp
    validated_to: Stamp


class CaseRequestFilters(Order, total=False):
    """``GET /case/requests`` ("API Reference - Case Requests", article 34239368051853): the
    case filters without ``case_status``, ``is_request`` and the three primary staff ones."""

    id: int
    client: int
    location: int
    case_region: int
    created_from: Stamp
    created_to: Stamp
    created_from_system: Stamp
    created_to_system: Stamp
    due_from: Stamp
    due_to: Stamp
    updated_from: Stamp
    updated_to: Stamp
    primary_contact: int
    primary_subject: int
    reference_value_1: str
    reference_value_2: str
    reference_value_3: str


class CaseFilters(CaseRequestFilters, total=False):
    """``GET /cases`` ("API Reference - Cases", article 212338923): every case-request filter
    and five more."""

    case_status: int
    is_request: bool
    primary_investigator: int
    primary_manager: int
    primary_salesperson: int


class ContactFilters(Order, total=False):
    id: int
    last_name: str
    first_name: str
    email: str
    client: int
    client_location: int
    role: int
    salesperson: int
    created_from: Stamp
    created_to: Stamp
    updated_from: Stamp
    updated_to: Stamp
    expand_field_values: bool


class InvoiceFilters(Order, total=False):
    id: int
    client: int
    location: int
    contact: int
    status: InvoiceStatus | str
    salesperson: int
    case: int
    tracking_category: int
    invoice_number: int
    reference_number: str
    created_from: Stamp
    created_to: Stamp
    due_from: Stamp
    due_to: Stamp
    closed_from: Stamp
    closed_to: Stamp
    created_from_system: Stamp
    created_to_system: Stamp
    updated_from: Stamp
    updated_to: Stamp


class ExpenseEntryFilters(Order, total=False):
    """``GET /expense/entries`` ("API Reference - Expense Entries", article 212339183).

    ``date_from``/``date_to`` bound the entry date and take dates (a ``datetime`` is sent as
    its own calendar date); the other ranges are UTC timestamps.
    """

    id: int
    expense_slip: int
    user: int
    status: ExpenseStatus | str
    case: int
    tracking_category: int
    entry_number: int
    date_from: date
    date_to: date
    from_date: date  # deprecated: the name of ``date_from`` before 0.2
    to_date: date  # deprecated: the name of ``date_to`` before 0.2
    created_from: Stamp
    created_to: Stamp
    updated_from: Stamp
    updated_to: Stamp


class StaffFilters(Order, total=False):
    """``GET /staff`` ("API Reference - Staff", article 212339023)."""

    id: int
    last_name: str
    first_name: str
    email: str
    role: int
    is_vendor: bool
    created_from: Stamp
    created_to: Stamp
    updated_from: Stamp
    updated_to: Stamp
    expand_field_values: bool


class ClientLocationFilters(Order, total=False):
    """``GET /client/locations`` ("API Reference - Client Locations", article 212338863):
    ``parent`` is the root client's id, ``salesperson`` the default salesperson's."""

    id: int
    name: str
    parent: int
    salesperson: int
    created_from: Stamp
    created_to: Stamp
    updated_from: Stamp
    updated_to: Stamp


#: The filters that take a calendar date, sent ``YYYY-MM-DD`` whatever value is given.
DATE_ONLY: frozenset[str] = frozenset({"date_from", "date_to"})


def wire_params(filters: Mapping[str, Any], allowed: type[Any]) -> dict[str, Any]:
    """The query for *filters*, each a key of the TypedDict *allowed*: timestamps in
    Trackops's UTC form, dates as ``YYYY-MM-DD``, the rest as given (``None`` is not sent).

    Raises :class:`~common.InvalidRequestError` for a filter *allowed* does not list.
    """
    unknown = sorted(set(filters) - set(allowed.__annotations__))
    if unknown:
        raise InvalidRequestError(
            f"{', '.join(unknown)}: not a filter of this listing "
            f"(it takes {', '.join(sorted(allowed.__annotations__))})"
        )
    params: dict[str, Any] = {}
    for name, value in filters.items():
        if name == "dir" and value not in ("asc", "desc"):
            raise InvalidRequestError(f"dir must be 'asc' or 'desc', not {value!r}")
        if name in DATE_ONLY:
            params[name] = day(name, value)
        elif isinstance(value, datetime):
            params[name] = format_trackops_datetime(value)
        elif isinstance(value, date):
            params[name] = value.isoformat()
        else:
            params[name] = value
    return params

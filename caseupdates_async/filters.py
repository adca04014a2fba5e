"""The documented filters of each Trackops listing, typed, and their wire form.

Filter names are the API's own (snake_case already), so a filter given as ``created_from=``
is sent as ``created_from=``. Timestamps are sent in UTC as ``YYYY-MM-DD HH:MM:SS``; a
``date`` is sent as ``YYYY-MM-DD``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, Literal, TypedDict

from common import InvalidRequestError

from .models import format_trackops_datetime

__all__ = [
    "CaseFilters",
    "CaseUpdateFilters",
    "ContactFilters",
    "InvoiceFilters",
    "Order",
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


class CaseFilters(Order, total=False):
    id: int
    client: int
    location: int
    case_region: int
    case_status: int
    created_from: Stamp
    created_to: Stamp
    created_from_system: Stamp
    created_to_system: Stamp
    due_from: Stamp
    due_to: Stamp
    updated_from: Stamp
    updated_to: Stamp
    is_request: bool
    primary_contact: int
    primary_investigator: int
    primary_manager: int
    primary_salesperson: int
    primary_subject: int
    reference_value_1: str
    reference_value_2: str
    reference_value_3: str


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
    status: str
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


def wire_params(filters: Mapping[str, Any]) -> dict[str, Any]:
    """The query for *filters*: timestamps in Trackops's UTC form, the rest as given."""
    params: dict[str, Any] = {}
    for name, value in filters.items():
        if name == "dir" and value not in ("asc", "desc"):
            raise InvalidRequestError(f"dir must be 'asc' or 'desc', not {value!r}")
        if isinstance(value, datetime):
            params[name] = format_trackops_datetime(value)
        elif isinstance(value, date):
            params[name] = value.isoformat()
        else:
            params[name] = value
    return params

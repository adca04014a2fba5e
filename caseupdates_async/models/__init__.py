"""Typed models of the Trackops API (case updates and the rest of its API).

Trackops JSON keys are snake_case, used as they are (the expense entry's nested
``User``/``ExpenseDetails``/``FinanceItem`` are named by hand). Every answer model
inherits :class:`common.models.Model`: keys it does not declare are kept in ``model.extra``
and given back by ``model.to_dict()``, and unknown enum values stay plain strings.
Trackops documents its request parameters but no response bodies, so in responses every
field but ``id`` is optional; each model's docstring names its endpoints and where its
field names come from.

Timestamps are UTC and travel as ``YYYY-MM-DD HH:MM:SS``, not RFC 3339: the annotated
types of :mod:`._time` carry that form, and importing this package registers their hooks
on the shared converters (:func:`register_time_hooks`, through :func:`common.models.extend`).
"""

from __future__ import annotations

from common.models import extend

from ._time import (
    ActivityTime,
    ClockTime,
    TrackopsDateTime,
    format_trackops_datetime,
    parse_trackops_datetime,
    register_time_hooks,
)
from .billing import (
    ExpenseDetail,
    ExpenseEntry,
    ExpenseStatus,
    ExpenseUser,
    FinanceItem,
    Invoice,
    InvoiceStatus,
)
from .case_updates import CaseUpdate, CaseUpdateChanges, CaseUpdateInput, UpdateDetails
from .cases import Case, CaseCount, CaseInput, CustomFieldValue, SubjectInput
from .clients import Client, ClientLocation, ClientLocationInput, Contact, ContactInput
from .staff import EmployeeInput, Staff

extend(register_time_hooks)

__all__ = [
    "ActivityTime",
    "Case",
    "CaseCount",
    "CaseInput",
    "CaseUpdate",
    "CaseUpdateChanges",
    "CaseUpdateInput",
    "Client",
    "ClientLocation",
    "ClientLocationInput",
    "ClockTime",
    "Contact",
    "ContactInput",
    "CustomFieldValue",
    "EmployeeInput",
    "ExpenseDetail",
    "ExpenseEntry",
    "ExpenseStatus",
    "ExpenseUser",
    "FinanceItem",
    "Invoice",
    "InvoiceStatus",
    "Staff",
    "SubjectInput",
    "TrackopsDateTime",
    "UpdateDetails",
    "format_trackops_datetime",
    "parse_trackops_datetime",
    "register_time_hooks",
]

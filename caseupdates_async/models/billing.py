"""Invoices and expense entries.

Sources: Trackops help centre "API Reference - Invoices" (article 212339123: list
filters, the status choices) and "API Reference - Expense Entries" (article 212339183:
list filters, the status choices); Trackops's own PHP client
``trackops/trackops-client-php`` (``examples/expense_entry_export_example.php``: the keys
an expense entry is read with, among them the nested ``User``, ``ExpenseDetails`` and
``FinanceItem`` objects, spelt in PascalCase unlike the rest of the body).
"""

from __future__ import annotations

import enum
from datetime import date

import attrs

from common.models import Model, wire

from ._time import TrackopsDateTime

__all__ = [
    "ExpenseDetail",
    "ExpenseEntry",
    "ExpenseStatus",
    "ExpenseUser",
    "FinanceItem",
    "Invoice",
    "InvoiceStatus",
]


class InvoiceStatus(str, enum.Enum):
    """Invoice ``status`` choices of the ``status`` filter ("API Reference - Invoices")."""

    DRAFT = "draft"
    OPEN = "open"
    SENT = "sent"
    PARTIAL_PAID = "partial_paid"
    PAID = "paid"


class ExpenseStatus(str, enum.Enum):
    """Expense entry ``status`` choices ("API Reference - Expense Entries")."""

    PENDING = "pending"
    APPROVED = "approved"
    DECLINED = "declined"
    COMMITTED = "committed"
    VOIDED = "voided"


@attrs.frozen(kw_only=True)
class Invoice(Model):
    """An invoice, from ``GET /invoices`` (invoices need not belong to a case).

    Names from the article's list filters: ``invoice_number`` (integer),
    ``reference_number`` (the client's reference, e.g. a claim number), ``status``, and
    the ``client``/``contact``/``salesperson``/``case``/``tracking_category`` ids as
    ``..._id`` (``case`` → ``casefile_id``, as in case updates; ``location`` →
    ``client_location_id``, as in cases). ``created_on``,
    ``due_on`` and ``closed_on`` (paid in full) are dates; ``created_at`` and
    ``updated_at`` UTC timestamps. The body itself is not documented.
    """

    id: int
    invoice_number: int | None = None
    reference_number: str | None = None
    status: InvoiceStatus | str | None = None
    client_id: int | None = None
    client_location_id: int | None = None
    contact_id: int | None = None
    salesperson_id: int | None = None
    casefile_id: int | None = None
    tracking_category_id: int | None = None
    created_on: date | None = None
    due_on: date | None = None
    closed_on: date | None = None
    created_at: TrackopsDateTime | None = None
    updated_at: TrackopsDateTime | None = None


@attrs.frozen(kw_only=True)
class ExpenseUser(Model):
    """The ``User`` an expense entry is for (the PHP client reads ``User.name``)."""

    id: int | None = None
    name: str | None = None


@attrs.frozen(kw_only=True)
class FinanceItem(Model):
    """The ``FinanceItem`` (expense item) of an expense line; ``expense_alias`` is its name."""

    id: int | None = None
    expense_alias: str | None = None


@attrs.frozen(kw_only=True)
class ExpenseDetail(Model):
    """One line of an expense entry's ``ExpenseDetails``.

    The PHP client reads ``notes``, ``rate``, ``quantity``, ``total`` (rate times quantity)
    and ``FinanceItem.expense_alias``. Amounts are floats (numeric strings accepted).
    """

    id: int | None = None
    notes: str | None = None
    rate: float | None = None
    quantity: float | None = None
    total: float | None = None
    finance_item: FinanceItem | None = attrs.field(default=None, metadata=wire("FinanceItem"))


@attrs.frozen(kw_only=True)
class ExpenseEntry(Model):
    """An expense entry, from ``GET /expense/entries`` and ``GET /expense/entries/{id}``.

    From the PHP client's export example: ``formatted_entry_number``, ``entry_date``,
    ``User`` and ``ExpenseDetails``. From the article's list filters: ``entry_number``,
    ``status``, and the ``user``/``case``/``tracking_category``/``expense_slip`` ids as
    ``..._id``; ``created_at``/``updated_at`` are UTC timestamps. Keys not modelled here
    (an entry's totals, say) are kept in :attr:`~common.models.Model.extra`.
    """

    id: int
    entry_number: int | None = None
    formatted_entry_number: str | None = None
    entry_date: date | None = None
    status: ExpenseStatus | str | None = None
    user_id: int | None = None
    casefile_id: int | None = None
    tracking_category_id: int | None = None
    expense_slip_id: int | None = None
    created_at: TrackopsDateTime | None = None
    updated_at: TrackopsDateTime | None = None
    user: ExpenseUser | None = attrs.field(default=None, metadata=wire("User"))
    expense_details: list[ExpenseDetail] | None = attrs.field(
        default=None, metadata=wire("ExpenseDetails")
    )

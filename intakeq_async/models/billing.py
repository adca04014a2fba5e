"""Invoices (with items, taxes and payments) and insurance claims.

Money is a ``float`` (the official C# client uses ``decimal``; JSON carries plain numbers).
"""

from __future__ import annotations

import enum
from datetime import datetime

import attrs

from common.models import Model, UnixMillis, wire_names

__all__ = [
    "CardDetails",
    "Claim",
    "Invoice",
    "InvoiceItem",
    "InvoicePayment",
    "InvoiceStatus",
    "InvoiceSubItem",
    "InvoiceTax",
]


class InvoiceStatus(str, enum.Enum):
    """An invoice's ``Status``: the values of the invoice query's ``status`` filter
    (help centre, as quoted by third-party integrations)."""

    DRAFT = "Draft"
    SCHEDULED = "Scheduled"
    UNPAID = "Unpaid"
    PAID = "Paid"
    PAST_DUE = "PastDue"
    REFUNDED = "Refunded"
    FORGIVEN = "Forgiven"
    CANCELED = "Canceled"


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class InvoiceTax(Model):
    """A tax on an invoice item: ``{Name, Percentage}`` (official C# client)."""

    name: str | None = None
    percentage: float | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class InvoiceSubItem(Model):
    """A sub-item (procedure line) of an invoice item: ``{ServiceCode, Price, Units,
    Description, Date, Modifiers}`` (official C# client; ``Date`` in milliseconds)."""

    service_code: str | None = None
    price: float | None = None
    units: float | None = None
    description: str | None = None
    date: UnixMillis | None = None
    modifiers: list[str] | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class InvoiceItem(Model):
    """A line of an invoice (official C# client ``InvoiceItem``; ``AppointmentId`` and
    ``ProductId`` from third-party integrations)."""

    description: str | None = None
    units: float | None = None
    price: float | None = None
    date: UnixMillis | None = None
    service_code: str | None = None
    taxes_included_in_price: bool | None = None
    is_copay: bool | None = None
    removed_from_superbill: bool | None = None
    total_tax_amount: float | None = None
    total_amount: float | None = None
    appointment_id: str | None = None
    product_id: str | None = None
    taxes: list[InvoiceTax] | None = None
    sub_items: list[InvoiceSubItem] | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class CardDetails(Model):
    """The card a payment was made with: ``{Brand, LastDigits, ExpirationMonth,
    ExpirationYear, CardId}`` (official C# client)."""

    brand: str | None = None
    last_digits: str | None = None
    expiration_month: int | None = None
    expiration_year: int | None = None
    card_id: str | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class InvoicePayment(Model):
    """A payment on an invoice (official C# client ``InvoicePayment``): ``Amount`` includes
    the tip; ``Method`` is e.g. ``Cash``, ``CreditCard``, ``Stripe``, ``Insurance``."""

    date: UnixMillis | None = None
    amount: float | None = None
    currency: str | None = None
    method: str | None = None
    additional_info: str | None = None
    refunded_amount: float | None = None
    tip_amount: float | None = None
    processed_by: str | None = None
    processed_by_type: str | None = None
    card_details: CardDetails | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class Invoice(Model):
    """An invoice: ``GET /invoices`` (array of up to 100), ``GET /invoices/{id}``; also
    inside invoice webhooks.

    Help centre ("The Invoice Object", article 385) and official C# client
    (``Models/Invoice.cs``): ``ClientId`` is a GUID string and ``ClientIdNumber`` the numeric
    client id; ``IssuedDate``/``DueDate``/``DateCreated``/``LastModified`` are Unix
    milliseconds (``LastModified`` is the help centre's; the C# client lacks it).
    """

    id: str
    number: int | None = None
    status: InvoiceStatus | str | None = None
    client_id: str | None = None
    client_id_number: int | None = None
    client_name: str | None = None
    client_email: str | None = None
    issued_date: UnixMillis | None = None
    due_date: UnixMillis | None = None
    date_created: UnixMillis | None = None
    last_modified: UnixMillis | None = None
    currency: str | None = None
    currency_iso: str | None = None
    sub_total: float | None = None
    discount_type: str | None = None
    discount_percent: float | None = None
    discount_amount: float | None = None
    total_amount: float | None = None
    amount_due: float | None = None
    amount_paid: float | None = None
    tip_amount: float | None = None
    note_to_client: str | None = None
    allow_tipping: bool | None = None
    allow_partial_payments: bool | None = None
    automated: bool | None = None
    created_by: str | None = None
    member_id: str | None = None
    client_payment_plan_id: str | None = None
    client_payment_plan_interval: int | None = None
    additional_email_recipients: list[str] | None = None
    diagnosis_list: list[str] | None = None
    items: list[InvoiceItem] | None = None
    payments: list[InvoicePayment] | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class Claim(Model):
    """An insurance claim: ``GET /claims`` (array of up to 100).

    Help centre (Claims API): the sample starts ``{Status: 0, PatientFirstName,
    PatientMiddleInitial, PatientLastName, PatientDateOfBirth, ...}`` — ``Status`` is a
    number. Only those keys are confirmed; ``Id`` and ``ClientId`` are assumed. The date of
    birth is null in the sample, so both milliseconds and ISO strings are accepted.
    """

    id: str | None = None
    client_id: int | None = None
    status: int | None = None
    patient_first_name: str | None = None
    patient_middle_initial: str | None = None
    patient_last_name: str | None = None
    patient_date_of_birth: UnixMillis | datetime | None = None

"""Webhook payloads IntakeQ POSTs to a subscriber, and :func:`parse_webhook`.

Two families (FACTS; payload shapes from public integrations, no signature scheme is
documented):

* form events carry a human-readable ``Type``: ``{IntakeId, Type: "Intake Submitted",
  ClientId, ExternalClientId}`` and ``{NoteId, Type: "Note Locked", ClientId}``;
* object events carry an ``EventType`` and the whole object: ``{EventType:
  AppointmentCreated|..., ActionPerformedByClient, Appointment}`` and ``{EventType:
  InvoiceIssued|..., ActionPerformedByClient, Invoice}``.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any, Final, TypeAlias

import attrs

from common import json_loads
from common.errors import DecodeError
from common.models import Model, structure, wire_names

from .appointments import Appointment
from .billing import Invoice

__all__ = [
    "AppointmentEvent",
    "AppointmentEventType",
    "IntakeSubmitted",
    "InvoiceEvent",
    "InvoiceEventType",
    "NoteLocked",
    "WebhookEvent",
    "parse_webhook",
]

INTAKE_SUBMITTED: Final = "Intake Submitted"
NOTE_LOCKED: Final = "Note Locked"


class AppointmentEventType(str, enum.Enum):
    """What happened to the appointment (FACTS)."""

    CREATED = "AppointmentCreated"
    CONFIRMED = "AppointmentConfirmed"
    RESCHEDULED = "AppointmentRescheduled"
    CANCELED = "AppointmentCanceled"
    DECLINED = "AppointmentDeclined"
    MISSED = "AppointmentMissed"


class InvoiceEventType(str, enum.Enum):
    """What happened to the invoice (FACTS names the first two; the others are from
    third-party integrations)."""

    ISSUED = "InvoiceIssued"
    PAID = "InvoicePaid"
    PAYMENT_PLAN_CHARGE_FAILED = "InvoicePaymentPlanChargeFailed"
    AUTO_CHARGE_FAILED = "InvoiceAutoChargeFailed"
    CANCELLED = "InvoiceCancelled"
    PAYMENT_REFUNDED = "InvoicePaymentRefunded"


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class IntakeSubmitted(Model):
    """A client submitted an intake package: ``{IntakeId, Type: "Intake Submitted",
    ClientId, ExternalClientId}`` (FACTS). Fetch it with ``GET /intakes/{IntakeId}``."""

    intake_id: str
    type: str = INTAKE_SUBMITTED
    client_id: int | None = None
    external_client_id: str | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class NoteLocked(Model):
    """A practitioner locked a treatment note: ``{NoteId, Type: "Note Locked", ClientId}``
    (FACTS). Fetch it with ``GET /notes/{NoteId}``."""

    note_id: str
    type: str = NOTE_LOCKED
    client_id: int | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class AppointmentEvent(Model):
    """An appointment changed: ``{EventType, ActionPerformedByClient, Appointment}`` (FACTS;
    the appointment object is that of the Appointments API)."""

    event_type: AppointmentEventType | str
    appointment: Appointment
    action_performed_by_client: bool | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class InvoiceEvent(Model):
    """An invoice changed: ``{EventType, ActionPerformedByClient, Invoice}`` (FACTS)."""

    event_type: InvoiceEventType | str
    invoice: Invoice
    action_performed_by_client: bool | None = None


#: Any payload :func:`parse_webhook` returns.
WebhookEvent: TypeAlias = IntakeSubmitted | NoteLocked | AppointmentEvent | InvoiceEvent

_BY_TYPE: Final[Mapping[str, type[IntakeSubmitted] | type[NoteLocked]]] = {
    INTAKE_SUBMITTED: IntakeSubmitted,
    NOTE_LOCKED: NoteLocked,
}
# An ``EventType`` names its object first, so a new event of a known object still parses.
_BY_EVENT_PREFIX: Final[tuple[tuple[str, type[AppointmentEvent] | type[InvoiceEvent]], ...]] = (
    ("Appointment", AppointmentEvent),
    ("Invoice", InvoiceEvent),
)
_EXCERPT_CHARS: Final = 200


def _excerpt(body: bytes | Mapping[str, Any]) -> str:
    if isinstance(body, bytes):
        return body[:_EXCERPT_CHARS].decode("utf-8", "replace")
    return repr(dict(body))[:_EXCERPT_CHARS]


def _event_class(payload: Mapping[str, Any]) -> type[WebhookEvent] | None:
    event_type = payload.get("EventType")
    if isinstance(event_type, str):
        for prefix, event_cls in _BY_EVENT_PREFIX:
            if event_type.startswith(prefix):
                return event_cls
        return None
    kind = payload.get("Type")
    return _BY_TYPE.get(kind) if isinstance(kind, str) else None


def parse_webhook(body: bytes | Mapping[str, Any]) -> WebhookEvent:
    """Parse one webhook delivery (the raw request body, or the JSON already decoded).

    The class is picked from ``EventType`` (by its object: ``Appointment...`` or
    ``Invoice...``, so an event type added later still parses, its value kept as a string)
    or else from ``Type`` (``"Intake Submitted"``, ``"Note Locked"``). Raises
    :class:`~common.errors.DecodeError` when the body is not JSON, not an object, of an
    unknown kind, or not the shape of its kind.
    """
    if isinstance(body, bytes):
        try:
            payload: Any = json_loads(body)
        except ValueError as err:
            raise DecodeError("IntakeQ webhook body is not JSON", excerpt=_excerpt(body)) from err
    else:
        payload = body
    if not isinstance(payload, Mapping):
        raise DecodeError("IntakeQ webhook body is not a JSON object", excerpt=_excerpt(body))
    event_cls = _event_class(payload)
    if event_cls is None:
        kind = payload.get("EventType", payload.get("Type"))
        raise DecodeError(f"unknown IntakeQ webhook type {kind!r}", excerpt=_excerpt(body))
    event: WebhookEvent = structure(payload, event_cls)
    return event

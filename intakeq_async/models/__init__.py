"""Typed models of the IntakeQ API (``https://intakeq.com/api/v1``).

Keys are PascalCase on the wire and snake_case here (``@wire_names("pascal")``). Every
answer model is a :class:`~common.models.Model`: keys IntakeQ sends that a model does not
declare yet are kept, readable as ``model.extra["NewKey"]`` and put back by
``model.to_dict()``; unknown enum values stay as sent. Timestamps are Unix milliseconds on
the wire (:data:`~common.models.UnixMillis`) and aware UTC ``datetime`` objects here. Every
field but an object's id defaults to ``None``: IntakeQ leaves many out.

Request bodies have PATCH semantics: optional fields default to
:data:`~common.NOT_GIVEN` and are left out of the JSON; ``None`` sends ``null``.

Each model's docstring names its endpoint(s) and the source of its fields: the help
centre, the official C# client ``IntakeQ.ApiClient``, the project's FACTS, or third-party
integrations (unconfirmed).
"""

from __future__ import annotations

from ._shared import CustomField
from .appointments import (
    Appointment,
    AppointmentInput,
    AppointmentSettings,
    AppointmentStatus,
    AppointmentUpdate,
    Cancellation,
    Location,
    PractitionerSummary,
    ReminderType,
    Service,
    TelehealthInfo,
)
from .billing import (
    CardDetails,
    Claim,
    Invoice,
    InvoiceItem,
    InvoicePayment,
    InvoiceStatus,
    InvoiceSubItem,
    InvoiceTax,
)
from .clients import Client, ClientInput, ClientSummary, Diagnosis, TagInput
from .files import File, Folder
from .forms import (
    Attachment,
    ConsentForm,
    DeliveryMethod,
    Intake,
    IntakeStatus,
    IntakeSummary,
    Note,
    NoteStatus,
    NoteSummary,
    OfficeUseAnswers,
    Practitioner,
    Question,
    QuestionAnswer,
    Questionnaire,
    QuestionRow,
    Resend,
    SendQuestionnaire,
)
from .webhooks import (
    AppointmentEvent,
    AppointmentEventType,
    IntakeSubmitted,
    InvoiceEvent,
    InvoiceEventType,
    NoteLocked,
    WebhookEvent,
    parse_webhook,
)

__all__ = [
    "Appointment",
    "AppointmentEvent",
    "AppointmentEventType",
    "AppointmentInput",
    "AppointmentSettings",
    "AppointmentStatus",
    "AppointmentUpdate",
    "Attachment",
    "Cancellation",
    "CardDetails",
    "Claim",
    "Client",
    "ClientInput",
    "ClientSummary",
    "ConsentForm",
    "CustomField",
    "DeliveryMethod",
    "Diagnosis",
    "File",
    "Folder",
    "Intake",
    "IntakeStatus",
    "IntakeSubmitted",
    "IntakeSummary",
    "Invoice",
    "InvoiceEvent",
    "InvoiceEventType",
    "InvoiceItem",
    "InvoicePayment",
    "InvoiceStatus",
    "InvoiceSubItem",
    "InvoiceTax",
    "Location",
    "Note",
    "NoteLocked",
    "NoteStatus",
    "NoteSummary",
    "OfficeUseAnswers",
    "Practitioner",
    "PractitionerSummary",
    "Question",
    "QuestionAnswer",
    "QuestionRow",
    "Questionnaire",
    "ReminderType",
    "Resend",
    "SendQuestionnaire",
    "Service",
    "TagInput",
    "TelehealthInfo",
    "WebhookEvent",
    "parse_webhook",
]

"""The IntakeQ models read the bodies IntakeQ's documents show (the values are our own)."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

import pytest

from common._sentinel import NOT_GIVEN
from common.errors import DecodeError
from common.models import structure, unstructure
from intakeq_async.models import (
    Appointment,
    AppointmentEvent,
    AppointmentEventType,
    AppointmentInput,
    AppointmentSettings,
    AppointmentStatus,
    AppointmentUpdate,
    Cancellation,
    Claim,
    Client,
    ClientInput,
    ClientSummary,
    CustomField,
    DeliveryMethod,
    Diagnosis,
    File,
    Folder,
    Intake,
    IntakeStatus,
    IntakeSubmitted,
    IntakeSummary,
    Invoice,
    InvoiceEvent,
    InvoiceEventType,
    InvoiceStatus,
    Note,
    NoteLocked,
    NoteStatus,
    NoteSummary,
    OfficeUseAnswers,
    Practitioner,
    Question,
    QuestionAnswer,
    Questionnaire,
    ReminderType,
    Resend,
    SendQuestionnaire,
    TagInput,
    parse_webhook,
)

UTC = timezone.utc
# 2024-03-05T14:30:00Z and friends, in Unix milliseconds.
MAR_5_1430 = 1709649000000
MAR_5_1530 = 1709652600000
JAN_2_0900 = 1704186000000


def _utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


APPOINTMENT: dict[str, Any] = {
    "Id": "5f2a9c",
    "ClientName": "Ada Byron",
    "ClientEmail": "ada@example.org",
    "ClientPhone": "(555) 010-2000",
    "ClientDateOfBirth": "1985-12-10",
    "ClientId": 4021,
    "Status": "Confirmed",
    "StartDate": MAR_5_1430,
    "EndDate": MAR_5_1530,
    "StartDateIso": "2024-03-05T14:30:00.0000000Z",
    "EndDateIso": "2024-03-05T15:30:00.0000000Z",
    "StartDateLocal": "2024-03-05T09:30:00",
    "EndDateLocal": "2024-03-05T10:30:00",
    "StartDateLocalFormatted": "Tuesday, March 5, 2024 9:30 AM",
    "Duration": 60,
    "ServiceName": "Follow-up",
    "ServiceId": "3b0c1d6e-0000-4a00-9000-00000000abcd",
    "LocationName": "Riverside Office",
    "LocationId": 2,
    "Price": 95.5,
    "PractitionerEmail": "grace@example.org",
    "PractitionerName": "Grace Hopper",
    "PractitionerId": "pr-77",
    "DateCreated": JAN_2_0900,
    "IntakeId": None,
    "BookedByClient": True,
    "CreatedBy": "Ada Byron",
    "ReminderType": "Sms",
    "TelehealthInfo": {
        "Id": "th-1",
        "StartUrl": "https://meet.example.org/start",
        "Invitation": "Join here",
        "Provider": "Zoom",
        "InvitationCode": "8812",
    },
    "SomethingNew": {"ignored": True},
}

INVOICE: dict[str, Any] = {
    "Id": "inv-9",
    "Number": 1042,
    "ClientName": "Ada Byron",
    "ClientEmail": "ada@example.org",
    "ClientId": "4021",
    "ClientIdNumber": 4021,
    "Status": "Paid",
    "IssuedDate": MAR_5_1430,
    "DueDate": MAR_5_1530,
    "DateCreated": JAN_2_0900,
    "CurrencyIso": "USD",
    "SubTotal": 120,
    "DiscountType": "Amount",
    "DiscountAmount": 20,
    "DiscountPercent": 0,
    "TotalAmount": 100.0,
    "AmountDue": 0,
    "AmountPaid": 100.0,
    "TipAmount": 0,
    "AllowTipping": False,
    "Automated": False,
    "CreatedBy": "Grace Hopper",
    "AdditionalEmailRecipients": ["billing@example.org"],
    "DiagnosisList": ["F41.1"],
    "Items": [
        {
            "Description": "Follow-up",
            "Units": 1,
            "Price": 120,
            "Date": MAR_5_1430,
            "TaxesIncludedInPrice": False,
            "IsCopay": False,
            "ServiceCode": 90834,
            "TotalTaxAmount": 0,
            "TotalAmount": 120,
            "Taxes": [{"Name": "None", "Percentage": 0}],
            "SubItems": [
                {
                    "ServiceCode": "90834",
                    "Price": 120,
                    "Units": 1,
                    "Description": None,
                    "Date": None,
                    "Modifiers": ["95"],
                }
            ],
        }
    ],
    "Payments": [
        {
            "Date": MAR_5_1530,
            "Amount": 100,
            "Currency": "USD",
            "Method": "CreditCard",
            "ProcessedBy": "Ada Byron",
            "ProcessedByType": "Client",
            "TipAmount": 0,
            "RefundedAmount": 0,
            "CardDetails": {
                "Brand": "Visa",
                "LastDigits": "4242",
                "ExpirationMonth": 7,
                "ExpirationYear": 2027,
                "CardId": "card_1",
            },
        }
    ],
}

QUESTION: dict[str, Any] = {
    "Id": "q-1",
    "Text": "What brings you in?",
    "Answer": "Trouble sleeping",
    "QuestionType": "OpenQuestion",
    "OfficeUse": False,
    "Rows": [],
    "ColumnNames": [],
    "Attachments": [
        {
            "Id": "att-1",
            "FileName": "card.png",
            "ContentType": "image/png",
            "Url": "https://intakeq.com/api/v1/attachments/att-1",
        }
    ],
}


# --- files and folders ---------------------------------------------------------------


def test_file_reads_the_documented_sample() -> None:
    """A file's DateCreated (Unix ms) becomes an aware UTC datetime; FolderId may be null."""
    body = [
        {
            "Id": "f1",
            "DateCreated": 1618939932507,
            "Size": 17432,
            "FileName": "text.txt",
            "ContentType": "text/plain",
            "FolderId": None,
        },
        {
            "Id": "f2",
            "DateCreated": 1619063201638,
            "Size": 21091,
            "FileName": "insurance card.png",
            "ContentType": "image/png",
            "FolderId": "fold-1",
        },
    ]
    files = structure(body, list[File])
    assert files[0].date_created == datetime(2021, 4, 20, 17, 32, 12, 507000, tzinfo=UTC)
    assert files[0].date_created.tzinfo is UTC
    assert files[0].folder_id is None
    assert files[1].size == 21091
    assert files[1].folder_id == "fold-1"


def test_folder_reads_id_and_name() -> None:
    """Folders are bare {Id, Name} pairs."""
    folders = structure([{"Id": "a", "Name": "Insurance"}], list[Folder])
    assert folders == [Folder(id="a", name="Insurance")]


def test_file_without_its_timestamp_is_a_decode_error() -> None:
    """DateCreated is always sent, so a file without it does not fit the model."""
    with pytest.raises(DecodeError):
        structure({"Id": "f1"}, File)


# --- clients -------------------------------------------------------------------------


def test_client_summary_uses_client_number() -> None:
    """The listing without includeProfile names the id ClientNumber."""
    body = {"ClientNumber": 88, "Name": "Ada Byron", "Email": "ada@example.org", "Phone": None}
    summary = structure(body, ClientSummary)
    assert summary.client_number == 88
    assert summary.name == "Ada Byron"
    assert summary.phone is None
    assert summary.date_created is None


def test_client_profile_reads_dates_tags_and_custom_fields() -> None:
    """A full profile has millisecond dates, a list of tags and custom fields."""
    body = {
        "ClientId": 4021,
        "Name": "Ada Byron",
        "FirstName": "Ada",
        "LastName": "Byron",
        "MiddleName": "",
        "Email": "ada@example.org",
        "Phone": "(555) 010-2000",
        "DateOfBirth": 503020800000,
        "Gender": "Female",
        "MaritalStatus": "Married",
        "Tags": ["new", "sliding-scale"],
        "Archived": False,
        "MobilePhone": "(555) 010-2001",
        "StreetAddress": "12 Analytical Way",
        "City": "Springfield",
        "StateShort": "IL",
        "PostalCode": "62701",
        "Country": "USA",
        "PrimaryInsuranceCompany": "Acme Health",
        "PrimaryInsurancePolicyNumber": "P-123",
        "PrimaryInsuranceHolderDateOfBirth": None,
        "DateCreated": JAN_2_0900,
        "LastActivityDate": MAR_5_1430,
        "PractitionerId": "pr-77",
        "ExternalClientId": "crm-4021",
        "CustomFields": [{"FieldId": "ref", "Text": "Referred by", "Value": "Dr. Lovelace"}],
    }
    client = structure(body, Client)
    assert client.client_id == 4021
    assert client.date_of_birth == _utc(1985, 12, 10)
    assert client.date_created == _utc(2024, 1, 2, 9, 0)
    assert client.last_activity_date == _utc(2024, 3, 5, 14, 30)
    assert client.tags == ["new", "sliding-scale"]
    assert client.custom_fields == [
        CustomField(field_id="ref", text="Referred by", value="Dr. Lovelace")
    ]
    assert client.primary_insurance_holder_date_of_birth is None
    assert client.state_short == "IL"


def test_client_tolerates_null_lists() -> None:
    """Tags and CustomFields sent as null read as None rather than failing."""
    client = structure({"ClientId": 1, "Tags": None, "CustomFields": None}, Client)
    assert client.tags is None
    assert client.custom_fields is None


def test_diagnosis_accepts_iso_and_millisecond_dates() -> None:
    """A diagnosis date may arrive as an ISO string or as Unix milliseconds."""
    body = [
        {"Code": "F41.1", "Description": "Anxiety", "Date": "2024-03-05T00:00:00Z"},
        {"Code": "G47.00", "Description": "Insomnia", "Date": MAR_5_1430, "NoteId": "n-1"},
    ]
    first, second = structure(body, list[Diagnosis])
    assert first.date == _utc(2024, 3, 5)
    assert second.date == _utc(2024, 3, 5, 14, 30)
    assert second.note_id == "n-1"
    assert first.end_date is None


def test_client_input_sends_only_given_fields() -> None:
    """A create body carries the given fields in PascalCase and nothing else."""
    body = unstructure(
        ClientInput(
            name="Ada Byron",
            email="ada@example.org",
            date_of_birth=_utc(1985, 12, 10),
            custom_fields=[CustomField(field_id="ref", value="web")],
        )
    )
    assert body == {
        "Name": "Ada Byron",
        "Email": "ada@example.org",
        "DateOfBirth": 503020800000,
        "CustomFields": [{"FieldId": "ref", "Text": None, "Value": "web"}],
    }


def test_client_input_update_sends_client_id_and_explicit_nulls() -> None:
    """An update names ClientId; a field set to None is sent as null to clear it."""
    body = unstructure(ClientInput(client_id=4021, phone=None, date_of_birth=None))
    assert body == {"ClientId": 4021, "Phone": None, "DateOfBirth": None}


def test_client_input_structures_back_from_json() -> None:
    """A received body (as an emulator sees it) leaves absent fields at NOT_GIVEN."""
    parsed = structure({"ClientId": 7, "DateOfBirth": 503020800000}, ClientInput)
    assert parsed.client_id == 7
    assert parsed.date_of_birth == _utc(1985, 12, 10)
    assert parsed.email is NOT_GIVEN


def test_tag_input_is_client_id_and_tag() -> None:
    """The tag body is {ClientId, Tag}."""
    assert unstructure(TagInput(client_id=5, tag="vip")) == {"ClientId": 5, "Tag": "vip"}


# --- appointments --------------------------------------------------------------------


def test_appointment_reads_the_appointment_object() -> None:
    """An appointment has millisecond times, string twins, an enum status and telehealth."""
    appt = structure(APPOINTMENT, Appointment)
    assert appt.id == "5f2a9c"
    assert appt.client_id == 4021
    assert appt.status is AppointmentStatus.CONFIRMED
    assert appt.start_date == _utc(2024, 3, 5, 14, 30)
    assert appt.end_date == _utc(2024, 3, 5, 15, 30)
    assert appt.start_date_iso == "2024-03-05T14:30:00.0000000Z"
    assert appt.start_date_local == "2024-03-05T09:30:00"
    assert appt.duration == 60
    assert appt.location_id == 2
    assert appt.price == 95.5
    assert appt.reminder_type is ReminderType.SMS
    assert appt.booked_by_client is True
    assert appt.intake_id is None
    assert appt.telehealth_info is not None
    assert appt.telehealth_info.provider == "Zoom"


def test_appointment_keeps_an_unknown_status_as_a_string() -> None:
    """A status IntakeQ adds later stays a plain string instead of failing."""
    appt = structure({"Id": "a1", "Status": "NoShowCharged"}, Appointment)
    assert appt.status == "NoShowCharged"
    assert not isinstance(appt.status, AppointmentStatus)


def test_appointment_settings_lists_locations_services_practitioners() -> None:
    """The booking settings hold three lists of small records."""
    body = {
        "Locations": [{"Id": "1", "Name": "Riverside Office", "Address": "1 River Rd"}],
        "Services": [{"Id": "svc-1", "Name": "Intake session", "Price": 150, "Duration": 90}],
        "Practitioners": [
            {
                "Id": "pr-77",
                "CompleteName": "Grace Hopper",
                "FirstName": "Grace",
                "LastName": "Hopper",
                "Email": "grace@example.org",
            }
        ],
    }
    settings = structure(body, AppointmentSettings)
    assert settings.locations is not None
    assert settings.locations[0].address == "1 River Rd"
    assert settings.services is not None
    assert settings.services[0].duration == 90
    assert settings.services[0].price == 150.0
    assert settings.practitioners is not None
    assert settings.practitioners[0].complete_name == "Grace Hopper"


def test_appointment_input_sends_utc_date_time_in_milliseconds() -> None:
    """A create body sends the start as Unix ms, enums as their values, unset fields not at all."""
    body = unstructure(
        AppointmentInput(
            practitioner_id="pr-77",
            client_id=4021,
            location_id=1,
            service_id="svc-1",
            utc_date_time=_utc(2024, 3, 5, 14, 30),
            status=AppointmentStatus.WAITING_CONFIRMATION,
            send_client_email_notification=True,
            reminder_type=ReminderType.EMAIL,
        )
    )
    assert body == {
        "PractitionerId": "pr-77",
        "ClientId": 4021,
        "LocationId": 1,
        "ServiceId": "svc-1",
        "UtcDateTime": MAR_5_1430,
        "Status": "WaitingConfirmation",
        "SendClientEmailNotification": True,
        "ReminderType": "Email",
    }


def test_appointment_update_sends_id_and_changed_fields_only() -> None:
    """An update body is Id plus what changes."""
    assert unstructure(AppointmentUpdate(id="5f2a9c")) == {"Id": "5f2a9c"}
    body = unstructure(
        AppointmentUpdate(id="5f2a9c", utc_date_time=_utc(2024, 3, 5, 15, 30), client_note=None)
    )
    assert body == {"Id": "5f2a9c", "UtcDateTime": MAR_5_1530, "ClientNote": None}


def test_cancellation_reason_is_optional() -> None:
    """The cancellation body is AppointmentId with an optional Reason."""
    assert unstructure(Cancellation(appointment_id="a1")) == {"AppointmentId": "a1"}
    assert unstructure(Cancellation(appointment_id="a1", reason="Sick")) == {
        "AppointmentId": "a1",
        "Reason": "Sick",
    }


# --- intakes, questionnaires, practitioners ------------------------------------------


def test_intake_summary_reads_status_and_dates() -> None:
    """An intake summary has an enum status and millisecond dates."""
    body = {
        "Id": "in-1",
        "ClientName": "Ada Byron",
        "ClientEmail": "ada@example.org",
        "ClientId": 4021,
        "Status": "Completed",
        "DateCreated": JAN_2_0900,
        "DateSubmitted": MAR_5_1430,
        "QuestionnaireName": "Adult intake",
        "Practitioner": "grace@example.org",
        "PractitionerId": "pr-77",
        "ExternalClientId": None,
    }
    summary = structure(body, IntakeSummary)
    assert summary.status is IntakeStatus.COMPLETED
    assert summary.date_submitted == _utc(2024, 3, 5, 14, 30)
    assert summary.practitioner == "grace@example.org"


def test_intake_reads_questions_rows_attachments_and_consent_forms() -> None:
    """A full intake carries its questions (with matrix rows and attachments) and consents."""
    matrix = {
        "Id": "q-2",
        "Text": "How often do you...",
        "Answer": None,
        "QuestionType": "Matrix",
        "OfficeUse": True,
        "ColumnNames": ["Never", "Often"],
        "Rows": [{"Text": "Sleep well", "Answers": ["Often"]}],
    }
    body = {
        "Id": "in-1",
        "ClientId": 4021,
        "Status": "Partial",
        "DateCreated": JAN_2_0900,
        "DateSubmitted": None,
        "Questions": [QUESTION, matrix],
        "ConsentForms": [
            {
                "Id": "c-1",
                "Name": "Privacy notice",
                "DocumentType": "Html",
                "Signed": True,
                "DateSubmitted": MAR_5_1430,
            }
        ],
    }
    intake = structure(body, Intake)
    assert intake.status is IntakeStatus.PARTIAL
    assert intake.date_submitted is None
    assert intake.questions is not None
    first, second = intake.questions
    assert first.answer == "Trouble sleeping"
    assert first.attachments is not None
    assert first.attachments[0].file_name == "card.png"
    assert second.office_use is True
    assert second.rows is not None
    assert second.rows[0].answers == ["Often"]
    assert intake.consent_forms is not None
    assert intake.consent_forms[0].date_submitted == _utc(2024, 3, 5, 14, 30)


def test_questionnaire_and_practitioner_read_their_templates() -> None:
    """Questionnaire templates and practitioners are flat records."""
    questionnaire = structure(
        {"Id": "qn-1", "Name": "Adult intake", "Archived": False, "Anonymous": False},
        Questionnaire,
    )
    assert questionnaire.name == "Adult intake"
    assert questionnaire.archived is False
    practitioner = structure(
        {
            "Id": "pr-77",
            "FirstName": "Grace",
            "LastName": "Hopper",
            "Email": "grace@example.org",
            "DateCreated": "2023-06-01T12:00:00Z",
            "IsInactive": False,
            "RoleName": "Practitioner",
        },
        Practitioner,
    )
    assert practitioner.date_created == _utc(2023, 6, 1, 12)
    millis = structure({"Id": "pr-78", "DateCreated": JAN_2_0900}, Practitioner)
    assert millis.date_created == _utc(2024, 1, 2, 9)


def test_send_questionnaire_by_client_id_or_by_name_and_email() -> None:
    """The send body names an existing client, or a new one by name and email."""
    by_id = SendQuestionnaire(questionnaire_id="qn-1", client_id=4021, practitioner_id="pr-77")
    assert unstructure(by_id) == {
        "QuestionnaireId": "qn-1",
        "ClientId": 4021,
        "PractitionerId": "pr-77",
    }
    new_client = SendQuestionnaire(
        questionnaire_id="qn-1",
        client_name="Ada Byron",
        client_email="ada@example.org",
        external_client_id="crm-1",
    )
    assert unstructure(new_client) == {
        "QuestionnaireId": "qn-1",
        "ClientName": "Ada Byron",
        "ClientEmail": "ada@example.org",
        "ExternalClientId": "crm-1",
    }


def test_resend_delivery_method_is_optional() -> None:
    """Resend keeps the original delivery method unless one is given."""
    assert unstructure(Resend(intake_id="in-1")) == {"IntakeId": "in-1"}
    assert unstructure(Resend(intake_id="in-1", delivery_method=DeliveryMethod.SMS)) == {
        "IntakeId": "in-1",
        "DeliveryMethod": "sms",
    }


def test_office_use_answers_send_id_and_answers() -> None:
    """Office-use answers are the intake Id and, per question, its Id and new answer."""
    question = structure(QUESTION, Question)
    body = unstructure(
        OfficeUseAnswers(
            id="in-1",
            questions=[
                QuestionAnswer(id="q-9", answer="Reviewed"),
                QuestionAnswer.from_question(question),
            ],
        )
    )
    assert body == {
        "Id": "in-1",
        "Questions": [
            {"Id": "q-9", "Answer": "Reviewed"},
            {"Id": "q-1", "Answer": "Trouble sleeping", "Rows": []},
        ],
    }


# --- notes ---------------------------------------------------------------------------


def test_note_summary_and_note_read_status_date_and_questions() -> None:
    """Notes have a locked/unlocked status word (read as a NoteStatus through lock_status), a
    millisecond Date and, in full, questions."""
    summary_body = {
        "Id": "n-1",
        "ClientName": "Ada Byron",
        "ClientEmail": "ada@example.org",
        "ClientId": 4021,
        "Status": "locked",
        "Date": MAR_5_1430,
        "NoteName": "Progress note",
        "PractitionerEmail": "grace@example.org",
        "PractitionerName": "Grace Hopper",
        "PractitionerId": "pr-77",
    }
    summary = structure(summary_body, NoteSummary)
    assert summary.status == "locked"
    assert summary.lock_status is NoteStatus.LOCKED
    assert summary.date == _utc(2024, 3, 5, 14, 30)
    note = structure({**summary_body, "Questions": [QUESTION]}, Note)
    assert note.note_name == "Progress note"
    assert note.questions is not None
    assert note.questions[0].id == "q-1"


# --- invoices and claims -------------------------------------------------------------


def test_invoice_reads_items_taxes_and_payments() -> None:
    """An invoice carries items with sub-items and taxes, and payments with card details."""
    invoice = structure(INVOICE, Invoice)
    assert invoice.status is InvoiceStatus.PAID
    assert invoice.client_id == "4021"
    assert invoice.client_id_number == 4021
    assert invoice.issued_date == _utc(2024, 3, 5, 14, 30)
    assert invoice.total_amount == 100.0
    assert invoice.items is not None
    item = invoice.items[0]
    assert item.service_code == "90834"
    assert item.date == _utc(2024, 3, 5, 14, 30)
    assert item.taxes is not None
    assert item.taxes[0].percentage == 0.0
    assert item.sub_items is not None
    assert item.sub_items[0].modifiers == ["95"]
    assert invoice.payments is not None
    payment = invoice.payments[0]
    assert payment.card_details is not None
    assert payment.card_details.last_digits == "4242"
    assert payment.date == _utc(2024, 3, 5, 15, 30)


def test_claim_reads_the_documented_keys() -> None:
    """A claim has a numeric Status and the patient's names."""
    body = [
        {
            "Status": 0,
            "PatientFirstName": "Ada",
            "PatientMiddleInitial": None,
            "PatientLastName": "Byron",
            "PatientDateOfBirth": None,
            "Unlisted": "ignored",
        }
    ]
    (claim,) = structure(body, list[Claim])
    assert claim == Claim(status=0, patient_first_name="Ada", patient_last_name="Byron")


# --- webhooks ------------------------------------------------------------------------


def test_parse_webhook_intake_submitted_from_bytes() -> None:
    """An intake webhook (raw bytes) becomes IntakeSubmitted."""
    raw = json.dumps(
        {
            "IntakeId": "in-1",
            "Type": "Intake Submitted",
            "ClientId": 4021,
            "ExternalClientId": "crm-1",
        }
    ).encode()
    event = parse_webhook(raw)
    assert event == IntakeSubmitted(
        intake_id="in-1", type="Intake Submitted", client_id=4021, external_client_id="crm-1"
    )


def test_parse_webhook_note_locked_from_a_mapping() -> None:
    """A note webhook (already decoded) becomes NoteLocked."""
    event = parse_webhook({"NoteId": "n-1", "Type": "Note Locked", "ClientId": 4021})
    assert isinstance(event, NoteLocked)
    assert event.note_id == "n-1"
    assert event.client_id == 4021


def test_parse_webhook_appointment_event_carries_the_appointment() -> None:
    """An appointment webhook has its event type and the whole appointment."""
    event = parse_webhook(
        {
            "EventType": "AppointmentRescheduled",
            "ActionPerformedByClient": True,
            "Appointment": APPOINTMENT,
        }
    )
    assert isinstance(event, AppointmentEvent)
    assert event.event_type is AppointmentEventType.RESCHEDULED
    assert event.action_performed_by_client is True
    assert event.appointment.start_date == _utc(2024, 3, 5, 14, 30)


def test_parse_webhook_keeps_a_new_appointment_event_type() -> None:
    """An appointment event type added later still parses, kept as a string."""
    event = parse_webhook(
        json.dumps({"EventType": "AppointmentDeleted", "Appointment": {"Id": "a1"}}).encode()
    )
    assert isinstance(event, AppointmentEvent)
    assert event.event_type == "AppointmentDeleted"


def test_parse_webhook_invoice_event_carries_the_invoice() -> None:
    """An invoice webhook has its event type and the whole invoice."""
    event = parse_webhook(
        {"EventType": "InvoicePaid", "ActionPerformedByClient": False, "Invoice": INVOICE}
    )
    assert isinstance(event, InvoiceEvent)
    assert event.event_type is InvoiceEventType.PAID
    assert event.invoice.number == 1042


@pytest.mark.parametrize(
    "body",
    [
        {"Type": "Form Archived", "FormId": "x"},
        {"EventType": "ClientMerged", "Client": {}},
        {"IntakeId": "in-1"},
    ],
    ids=["unknown-type", "unknown-event-type", "no-type"],
)
def test_parse_webhook_rejects_unknown_kinds(body: dict[str, Any]) -> None:
    """A payload of no known kind is a DecodeError."""
    with pytest.raises(DecodeError, match="unknown IntakeQ webhook type"):
        parse_webhook(body)


@pytest.mark.parametrize(
    "raw", [b"{not json", b"", b"\xff\xfe", b"[1, 2]", b'"Intake Submitted"'], ids=repr
)
def test_parse_webhook_rejects_bodies_that_are_not_json_objects(raw: bytes) -> None:
    """Malformed JSON, or JSON that is not an object, is a DecodeError with an excerpt."""
    with pytest.raises(DecodeError) as info:
        parse_webhook(raw)
    assert info.value.excerpt == raw.decode("utf-8", "replace")


def test_parse_webhook_rejects_a_known_kind_of_the_wrong_shape() -> None:
    """A known kind missing its id (or with a non-object Appointment) is a DecodeError."""
    with pytest.raises(DecodeError):
        parse_webhook({"Type": "Intake Submitted", "ClientId": 1})
    with pytest.raises(DecodeError):
        parse_webhook({"EventType": "AppointmentCreated", "Appointment": "a1"})

"""IntakeQ as the public evidence shows it (issue 17): one test per settled disagreement, each
showing the exact wire form the client sends and the model it reads back, plus the consent-form
PDF and forward compatibility (unknown keys and enum values kept, never fatal).

Against the emulator where it can answer (its request log shows the wire form) and against
aioresponses where the answer must be one the emulator does not give.
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import AsyncIterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import pytest
from aioresponses import aioresponses

from common import DecodeError, InvalidRequestError, Model, NotFoundError
from common.testing import RecordedRequest
from intakeq_async import IntakeQClient, models, paths
from intakeq_async.emulator import IntakeQEmulator
from intakeq_async.models import (
    Appointment,
    AppointmentInput,
    AppointmentStatus,
    AppointmentUpdate,
    IntakeSubmitted,
    NoteStatus,
    parse_webhook,
)

UTC = timezone.utc
API = "https://intakeq.com/api/v1"
ANY = re.compile(r"^https://intakeq\.com/api/v1/.*$")
#: The request bodies of the package: every other model class is an answer model.
BODIES = {
    models.AppointmentInput,
    models.AppointmentUpdate,
    models.Cancellation,
    models.ClientInput,
    models.OfficeUseAnswers,
    models.QuestionAnswer,
    models.Resend,
    models.SendQuestionnaire,
    models.TagInput,
}


@pytest.fixture
async def emulator() -> AsyncIterator[IntakeQEmulator]:
    async with IntakeQEmulator(per_minute=None, per_day=None, clients=150) as emulator:
        yield emulator


@pytest.fixture
async def intakeq(emulator: IntakeQEmulator) -> AsyncIterator[IntakeQClient]:
    async with IntakeQClient(
        api_key=emulator.api_key, base_url=emulator.url, rate_limit=None
    ) as client:
        yield client


@pytest.fixture
async def offline() -> AsyncIterator[IntakeQClient]:
    """A client for aioresponses (no emulator behind it)."""
    async with IntakeQClient(api_key="k", rate_limit=None) as client:
        yield client


def since(emulator: IntakeQEmulator, before: int) -> list[RecordedRequest]:
    return list(emulator.server.requests)[before:]


def ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def day_ms(day: date) -> int:
    return ms(datetime(day.year, day.month, day.day, tzinfo=UTC))


# -- invoices: LastModified (help centre, article 385) ----------------------------------------


async def test_invoice_last_modified_reads_unix_ms_as_an_aware_datetime(
    offline: IntakeQClient, mocked: aioresponses
) -> None:
    """The help centre's invoice object carries LastModified: 1458526484236 (Unix ms)."""
    mocked.get(
        f"{API}/invoices/123",
        payload={"Id": "123", "Number": 123, "Status": "Paid", "LastModified": 1458526484236},
    )
    invoice = await offline.invoices.get("123")
    assert invoice.last_modified == datetime(2016, 3, 21, 2, 14, 44, 236000, tzinfo=UTC)
    assert invoice.last_modified is not None
    assert invoice.last_modified.utcoffset() == timedelta(0)
    assert invoice.to_dict()["LastModified"] == 1458526484236


# -- invoices: the updated-since range (sources disagree; one constant) -----------------------


async def test_invoice_updated_range_is_sent_as_last_updated_start_and_end_date(
    emulator: IntakeQEmulator, intakeq: IntakeQClient
) -> None:
    """The range goes out as lastUpdatedStartDate/lastUpdatedEndDate=yyyy-MM-dd, and the
    invoices that come back are those last modified within those days (inclusive)."""
    start, end = date(2025, 3, 1), date(2025, 4, 30)
    before = len(emulator.server.requests)
    invoices = await intakeq.invoices.list(last_updated_start=start, last_updated_end=end).collect()
    (request,) = since(emulator, before)
    assert dict(request.query) == {
        "lastUpdatedStartDate": "2025-03-01",
        "lastUpdatedEndDate": "2025-04-30",
        "page": "1",
    }
    assert (paths.INVOICE_UPDATED_START, paths.INVOICE_UPDATED_END) == (
        "lastUpdatedStartDate",
        "lastUpdatedEndDate",
    )
    low, high = day_ms(start), day_ms(end + timedelta(days=1))
    expected = {i["Id"] for i in emulator.data.invoices.values() if low <= i["LastModified"] < high}
    assert {i.id for i in invoices} == expected
    assert expected
    assert all(i.last_modified is not None and low <= ms(i.last_modified) < high for i in invoices)


# -- clients: the custom-field filter (newest help revision) ----------------------------------


async def test_custom_field_filter_is_sent_as_custom_dot_field_id(
    emulator: IntakeQEmulator, intakeq: IntakeQClient
) -> None:
    """custom_fields={"rfsr": "Friend"} goes out as custom.rfsr=Friend (article 251's newest
    revision), not custom[rfsr]; the clients read back all carry that value."""
    before = len(emulator.server.requests)
    found = await intakeq.clients.list_profiles(custom_fields={"rfsr": "Friend"}).collect()
    sent = since(emulator, before)
    assert [dict(r.query) for r in sent] == [
        {"includeProfile": "true", "custom.rfsr": "Friend", "page": "1"}
    ]
    expected = sorted(
        c["ClientId"]
        for c in emulator.data.clients.values()
        if any(f["FieldId"] == "rfsr" and f["Value"] == "Friend" for f in c["CustomFields"])
    )
    assert sorted(c.client_id for c in found) == expected
    assert expected
    for client in found:
        assert client.custom_fields is not None
        assert {(f.field_id, f.value) for f in client.custom_fields} >= {("rfsr", "Friend")}


async def test_a_blank_custom_field_id_fails_before_sending(
    emulator: IntakeQEmulator, intakeq: IntakeQClient
) -> None:
    """A field id that cannot make a custom.{fieldId} parameter is refused locally."""
    with pytest.raises(InvalidRequestError):
        await intakeq.clients.list(custom_fields={" ": "x"}).collect()
    assert len(emulator.server.requests) == 0


# -- notes: the status filter is an integer (help centre, article 342) ------------------------


async def test_note_status_filter_is_sent_as_1_or_2_and_read_back_as_the_enum(
    emulator: IntakeQEmulator, intakeq: IntakeQClient
) -> None:
    """NoteStatus.LOCKED goes out as status=1 and UNLOCKED as status=2; each note read back
    has that lock status."""
    for status, wire in ((NoteStatus.LOCKED, "1"), (NoteStatus.UNLOCKED, "2")):
        before = len(emulator.server.requests)
        notes = await intakeq.notes.list(status=status).collect()
        assert [dict(r.query) for r in since(emulator, before)] == [{"status": wire, "page": "1"}]
        assert notes
        assert {n.lock_status for n in notes} == {status}
        assert {n.status for n in notes} == {status.name.lower()}


@pytest.mark.parametrize("wrong", ["locked", "1", 3, 0, True])
async def test_a_note_status_that_is_not_the_enum_fails_before_sending(
    emulator: IntakeQEmulator, intakeq: IntakeQClient, wrong: Any
) -> None:
    """The words and other numbers are refused locally (the vendor would answer 400)."""
    with pytest.raises(InvalidRequestError):
        await intakeq.notes.list(status=wrong).collect()
    assert len(emulator.server.requests) == 0


def test_note_status_reads_the_word_or_the_number() -> None:
    """NoteStatus.of reads what a note's Status may hold; anything else is None."""
    assert NoteStatus.of("locked") is NoteStatus.LOCKED
    assert NoteStatus.of(" Unlocked ") is NoteStatus.UNLOCKED
    assert NoteStatus.of(2) is NoteStatus.UNLOCKED
    assert NoteStatus.of("1") is NoteStatus.LOCKED
    for other in ("draft", 3, None, True, 1.0, ""):
        assert NoteStatus.of(other) is None


# -- appointments: LocationId is a number (help centre, article 204) --------------------------


async def test_location_id_is_a_number_on_the_wire_and_in_the_model(
    emulator: IntakeQEmulator, intakeq: IntakeQClient
) -> None:
    """Booking sends LocationId as a JSON number from the settings' numeric id; the appointment
    read back carries it as an int, on create, get and update."""
    settings = await intakeq.appointments.settings()
    assert settings.locations
    assert settings.services
    assert settings.practitioners
    first, second = settings.locations[0], settings.locations[1]
    assert isinstance(first.id, int)
    client_id = next(iter(emulator.data.clients))
    before = len(emulator.server.requests)
    booked = await intakeq.appointments.create(
        AppointmentInput(
            practitioner_id=settings.practitioners[0].id,
            client_id=client_id,
            location_id=first.id,
            service_id=settings.services[0].id,
            utc_date_time=datetime(2031, 5, 6, 14, 30, tzinfo=UTC),
        )
    )
    (request,) = since(emulator, before)
    body = request.json()
    assert body == {
        "PractitionerId": settings.practitioners[0].id,
        "ClientId": client_id,
        "LocationId": first.id,
        "ServiceId": settings.services[0].id,
        "UtcDateTime": ms(datetime(2031, 5, 6, 14, 30, tzinfo=UTC)),
    }
    assert type(body["LocationId"]) is int
    assert booked.location_id == first.id
    assert (await intakeq.appointments.get(booked.id)).location_id == first.id
    moved = await intakeq.appointments.update(
        AppointmentUpdate(id=booked.id, location_id=second.id)
    )
    assert since(emulator, before)[-1].json() == {"Id": booked.id, "LocationId": second.id}
    assert (moved.location_id, moved.location_name) == (second.id, second.name)


async def test_an_appointment_location_id_sent_as_digits_still_reads_as_a_number(
    offline: IntakeQClient, mocked: aioresponses
) -> None:
    """The C# client declares LocationId a string: digits in a string are read as the number."""
    mocked.get(f"{API}/appointments/a1", payload={"Id": "a1", "LocationId": "7"})
    assert (await offline.appointments.get("a1")).location_id == 7


# -- appointments: required fields of create and update (third-party only) --------------------


async def test_create_and_update_send_only_what_is_set(
    emulator: IntakeQEmulator, intakeq: IntakeQClient
) -> None:
    """Status, SendClientEmailNotification and ReminderType go out only when set (the server
    defaults them: Confirmed, no email, Email reminder); an update without UtcDateTime keeps
    the start."""
    settings = await intakeq.appointments.settings()
    assert settings.locations
    assert settings.services
    assert settings.practitioners
    base: dict[str, Any] = {
        "practitioner_id": settings.practitioners[0].id,
        "client_id": next(iter(emulator.data.clients)),
        "location_id": settings.locations[0].id,
        "service_id": settings.services[0].id,
        "utc_date_time": datetime(2031, 1, 2, 15, 0, tzinfo=UTC),
    }
    before = len(emulator.server.requests)
    plain = await intakeq.appointments.create(AppointmentInput(**base))
    full = await intakeq.appointments.create(
        AppointmentInput(
            **base,
            status=AppointmentStatus.CONFIRMED,
            send_client_email_notification=True,
            reminder_type=models.ReminderType.SMS,
            client_note="First visit",
        )
    )
    plain_body, full_body = (r.json() for r in since(emulator, before))
    assert set(plain_body) == {
        "PractitionerId",
        "ClientId",
        "LocationId",
        "ServiceId",
        "UtcDateTime",
    }
    assert set(full_body) - set(plain_body) == {
        "Status",
        "SendClientEmailNotification",
        "ReminderType",
        "ClientNote",
    }
    assert (plain.status, plain.reminder_type) == (
        AppointmentStatus.CONFIRMED,
        models.ReminderType.EMAIL,
    )
    assert (full.reminder_type, full.client_note) == (models.ReminderType.SMS, "First visit")
    before = len(emulator.server.requests)
    changed = await intakeq.appointments.update(
        AppointmentUpdate(id=plain.id, practitioner_note="Bring forms")
    )
    assert since(emulator, before)[0].json() == {"Id": plain.id, "PractitionerNote": "Bring forms"}
    assert changed.start_date == plain.start_date
    assert changed.practitioner_note == "Bring forms"


# -- appointments: what the cancellation answers (third-party only) ---------------------------


async def test_cancel_sends_appointment_id_and_reason_and_returns_none_on_an_empty_answer(
    emulator: IntakeQEmulator, intakeq: IntakeQClient
) -> None:
    """POST /appointments/cancellation {AppointmentId, Reason}; an empty 200 gives None."""
    appointment_id = next(
        i for i, a in emulator.data.appointments.items() if a["Status"] != "Canceled"
    )
    before = len(emulator.server.requests)
    assert await intakeq.appointments.cancel(appointment_id, "Feeling better") is None
    (request,) = since(emulator, before)
    assert request.json() == {"AppointmentId": appointment_id, "Reason": "Feeling better"}
    fetched = await intakeq.appointments.get(appointment_id)
    assert fetched.status is AppointmentStatus.CANCELED
    assert fetched.extra["CancellationReason"] == "Feeling better"


async def test_cancel_returns_the_appointment_when_the_server_answers_one(
    offline: IntakeQClient, mocked: aioresponses
) -> None:
    """A server that answers the cancelled appointment (as one integration reads it) gives
    the Appointment; 204 gives None; a body that is not JSON is a DecodeError with its text."""
    url = f"{API}/appointments/cancellation"
    mocked.post(url, payload={"Id": "a1", "Status": "Canceled", "LocationId": 2})
    mocked.post(url, status=204)
    mocked.post(url, body="Done", content_type="text/plain")
    answered = await offline.appointments.cancel("a1")
    assert isinstance(answered, Appointment)
    assert (answered.id, answered.status, answered.location_id) == (
        "a1",
        AppointmentStatus.CANCELED,
        2,
    )
    assert await offline.appointments.cancel("a1") is None
    with pytest.raises(DecodeError) as caught:
        await offline.appointments.cancel("a1")
    assert caught.value.status == 200
    assert "Done" in (caught.value.excerpt or "")


# -- intake forms: the consent-form PDF (third-party; was missing) ----------------------------


async def test_consent_form_pdf_downloads_like_the_intake_pdf(
    emulator: IntakeQEmulator, intakeq: IntakeQClient, tmp_path: Path
) -> None:
    """GET /intakes/{id}/consent/{consentFormId}/pdf streams a PDF, through the same Download
    API as the intake PDF (async with, read, save_to)."""
    intake_id = next(i for i, v in emulator.data.intakes.items() if v["Status"] == "Completed")
    intake = await intakeq.intakes.get(intake_id)
    assert intake.consent_forms
    form = intake.consent_forms[0]
    assert form.id is not None
    assert (form.signed, form.date_submitted) == (True, intake.date_submitted)
    before = len(emulator.server.requests)
    async with intakeq.intakes.consent_pdf(intake_id, form.id) as pdf:
        assert pdf.content_type == "application/pdf"
        content = await pdf.read()
    assert content.startswith(b"%PDF-")
    saved = await intakeq.intakes.consent_pdf(intake_id, form.id).save_to(tmp_path)
    assert saved.read_bytes() == content
    assert saved.name == f"consent-{form.id}.pdf"
    paths_sent = {r.path for r in since(emulator, before)}
    assert paths_sent == {f"/api/v1/intakes/{intake_id}/consent/{form.id}/pdf"}
    with pytest.raises(NotFoundError):
        async with intakeq.intakes.consent_pdf(intake_id, "not-a-form"):
            pass


# -- forward compatibility: nothing the vendor sends is lost ----------------------------------


def test_every_answer_model_keeps_unknown_keys() -> None:
    """Every model class but the request bodies inherits common.models.Model."""
    classes = [
        obj
        for name in models.__all__
        if inspect.isclass(obj := getattr(models, name)) and attrs.has(obj)
    ]
    answers = [cls for cls in classes if cls not in BODIES]
    assert len(answers) >= 30
    assert [cls.__name__ for cls in answers if not issubclass(cls, Model)] == []
    assert [cls.__name__ for cls in BODIES if issubclass(cls, Model)] == []


async def test_an_unknown_field_and_enum_value_parse_and_stay_readable(
    offline: IntakeQClient, mocked: aioresponses
) -> None:
    """A new key and a new status value parse; the key is in .extra and .to_dict(), nested
    objects and list items included."""
    sent: dict[str, Any] = {
        "Id": "a1",
        "Status": "AwaitingPayment",
        "ReminderType": "Carrier pigeon",
        "LocationId": 3,
        "StartDate": 1709649000000,
        "VideoRoom": {"Provider": "Mesh", "Seats": 4},
        "TelehealthInfo": {"Id": "th-1", "Provider": "Zoom", "WaitingRoom": True},
    }
    mocked.get(f"{API}/appointments/a1", payload=sent)
    mocked.get(re.compile(rf"^{re.escape(API)}/invoices\?.*$"), payload=[{"Id": "i1", "Tip": 2}])
    appointment = await offline.appointments.get("a1")
    assert appointment.status == "AwaitingPayment"
    assert not isinstance(appointment.status, AppointmentStatus)
    assert appointment.reminder_type == "Carrier pigeon"
    assert appointment.extra["VideoRoom"] == {"Provider": "Mesh", "Seats": 4}
    assert appointment.telehealth_info is not None
    assert dict(appointment.telehealth_info.extra) == {"WaitingRoom": True}
    as_dict = appointment.to_dict()
    assert as_dict["VideoRoom"] == sent["VideoRoom"]
    assert as_dict["TelehealthInfo"]["WaitingRoom"] is True
    assert as_dict["Status"] == "AwaitingPayment"
    assert json.loads(json.dumps(as_dict))["LocationId"] == 3
    (invoice,) = await offline.invoices.list(client_id=4).collect()
    assert dict(invoice.extra) == {"Tip": 2}


async def test_unknown_fields_from_the_emulator_reach_the_caller(
    emulator: IntakeQEmulator, intakeq: IntakeQClient
) -> None:
    """Keys the emulator sends that no model declares (seeded ones such as an invoice's
    PractitionerEmail, and one a test adds) are kept on the models, nested ones too."""
    invoice_id, stored = next(iter(emulator.data.invoices.items()))
    stored["Insurer"] = {"Name": "Aetna", "Plan": None}
    invoice = await intakeq.invoices.get(invoice_id)
    assert invoice.extra["Insurer"] == {"Name": "Aetna", "Plan": None}
    assert invoice.extra["PractitionerEmail"] == stored["PractitionerEmail"]
    assert invoice.to_dict()["Insurer"] == stored["Insurer"]
    assert invoice.payments is not None
    if stored["Payments"]:
        assert invoice.payments[0].extra["Id"] == stored["Payments"][0]["Id"]


def test_webhook_events_keep_unknown_keys() -> None:
    """A delivery with a key parse_webhook does not model keeps it too."""
    event = parse_webhook(
        b'{"IntakeId": "i-1", "Type": "Intake Submitted", "ClientId": 7, "FormVersion": 3}'
    )
    assert isinstance(event, IntakeSubmitted)
    assert dict(event.extra) == {"FormVersion": 3}

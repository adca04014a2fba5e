"""The Trackops models read realistic bodies and write the documented request bodies.

Field names follow Trackops's case update document, help-centre articles and its PHP
client; every value here is our own.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Any

import attrs
import pytest

from caseupdates_async.models import (
    Case,
    CaseCount,
    CaseInput,
    CaseUpdate,
    CaseUpdateChanges,
    CaseUpdateInput,
    Client,
    ClientLocation,
    ClientLocationInput,
    Contact,
    ContactInput,
    CustomFieldValue,
    EmployeeInput,
    ExpenseEntry,
    ExpenseStatus,
    Invoice,
    InvoiceStatus,
    Staff,
    SubjectInput,
    UpdateDetails,
    format_trackops_datetime,
    parse_trackops_datetime,
    register_time_hooks,
)
from common.errors import DecodeError
from common.models import make_converter, structure, unstructure

UTC = timezone.utc
MOUNTAIN = timezone(timedelta(hours=-6))

CASE_UPDATE_BODY: dict[str, Any] = {
    "id": 90211,
    "casefile_id": 4417,
    "subject_id": 812,
    "event_id": None,
    "access_group_id": 3,
    "title": "Surveillance day 1",
    "body": "<p>Claimant <b>left</b> the residence at 09:40.</p>",
    "activity_at": "2024-03-18",
    "is_allday": True,
    "behalf_of_id": None,
    "is_validated": True,
    "update_details": [
        {"start_at": "08:30", "notes": "Investigator on site"},
        {"start_at": "09:40:00", "notes": "Claimant departed"},
    ],
    "created_by_id": 27,
    "thread_id": 90211,
    "created_at": "2024-03-18 23:05:41",
    "updated_at": "2024-03-19 01:12:09",
    "validated_at": "2024-03-19 01:12:09",
    "some_future_key": {"kept": True},
}


def test_case_update_reads_every_documented_field() -> None:
    """A full case update body becomes a typed CaseUpdate; unknown keys are kept in extra."""
    update = structure(CASE_UPDATE_BODY, CaseUpdate)
    assert update.id == 90211
    assert update.casefile_id == 4417
    assert update.subject_id == 812
    assert update.event_id is None
    assert update.access_group_id == 3
    assert update.title == "Surveillance day 1"
    assert update.body is not None
    assert "<b>left</b>" in update.body
    assert update.is_allday is True
    assert update.is_validated is True
    assert update.created_by_id == 27
    assert update.thread_id == 90211
    assert update.update_details == [
        UpdateDetails(start_at=time(8, 30), notes="Investigator on site"),
        UpdateDetails(start_at=time(9, 40), notes="Claimant departed"),
    ]
    assert update.extra == {"some_future_key": {"kept": True}}


def test_case_update_timestamps_are_aware_utc() -> None:
    """``YYYY-MM-DD HH:MM:SS`` timestamps become aware UTC datetimes."""
    update = structure(CASE_UPDATE_BODY, CaseUpdate)
    assert update.created_at == datetime(2024, 3, 18, 23, 5, 41, tzinfo=UTC)
    assert update.updated_at == datetime(2024, 3, 19, 1, 12, 9, tzinfo=UTC)
    assert update.validated_at is not None
    assert update.validated_at.tzinfo is UTC


def test_case_update_all_day_activity_is_a_date() -> None:
    """An ``activity_at`` without a time is read as a ``date``."""
    update = structure(CASE_UPDATE_BODY, CaseUpdate)
    assert update.activity_at == date(2024, 3, 18)
    assert not isinstance(update.activity_at, datetime)
    assert update.activity_date == date(2024, 3, 18)


def test_case_update_timed_activity_is_a_utc_datetime() -> None:
    """An ``activity_at`` with a time is read as an aware UTC ``datetime``."""
    body = {**CASE_UPDATE_BODY, "activity_at": "2024-03-18 15:40:00", "is_allday": False}
    update = structure(body, CaseUpdate)
    assert update.activity_at == datetime(2024, 3, 18, 15, 40, tzinfo=UTC)
    assert update.activity_date == date(2024, 3, 18)


def test_case_update_all_day_midnight_timestamp_becomes_a_date() -> None:
    """An all-day update sent as a midnight timestamp is read as its ``date``."""
    body = {**CASE_UPDATE_BODY, "activity_at": "2024-03-18 00:00:00", "is_allday": True}
    assert structure(body, CaseUpdate).activity_at == date(2024, 3, 18)


def test_case_update_needs_only_an_id() -> None:
    """A sparse body leaves every field but ``id`` at ``None``."""
    update = structure({"id": 5}, CaseUpdate)
    assert update.casefile_id is None
    assert update.activity_at is None
    assert update.update_details is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-05-01 14:30:00", datetime(2024, 5, 1, 14, 30, tzinfo=UTC)),
        ("2024-05-01 14:30", datetime(2024, 5, 1, 14, 30, tzinfo=UTC)),
        ("2024-05-01T14:30:00Z", datetime(2024, 5, 1, 14, 30, tzinfo=UTC)),
        ("2024-05-01T08:30:00-06:00", datetime(2024, 5, 1, 14, 30, tzinfo=UTC)),
        ("2024-05-01 14:30:00.250", datetime(2024, 5, 1, 14, 30, 0, 250000, tzinfo=UTC)),
        ("2024-05-01", datetime(2024, 5, 1, tzinfo=UTC)),
    ],
)
def test_parse_trackops_datetime_forms(text: str, expected: datetime) -> None:
    """The vendor form and tolerated ISO 8601 variants all parse to UTC."""
    parsed = parse_trackops_datetime(text)
    assert parsed == expected
    assert parsed.tzinfo is UTC


@pytest.mark.parametrize("text", ["", "yesterday", "05/01/2024 14:30", "2024-05-01 2pm"])
def test_parse_trackops_datetime_refuses_garbage(text: str) -> None:
    """Strings that are not timestamps raise ValueError."""
    with pytest.raises(ValueError, match="Trackops timestamp"):
        parse_trackops_datetime(text)


@pytest.mark.parametrize(
    ("value", "wire"),
    [
        (datetime(2024, 5, 1, 14, 30, tzinfo=UTC), "2024-05-01 14:30:00"),
        (datetime(2024, 5, 1, 8, 30, 15, 999, tzinfo=MOUNTAIN), "2024-05-01 14:30:15"),
        (datetime(2024, 5, 1, 14, 30), "2024-05-01 14:30:00"),
    ],
)
def test_format_trackops_datetime_writes_utc_wire_form(value: datetime, wire: str) -> None:
    """Datetimes are sent as ``YYYY-MM-DD HH:MM:SS`` in UTC (naive taken as UTC)."""
    assert format_trackops_datetime(value) == wire


def test_bad_timestamp_is_a_decode_error_naming_the_field() -> None:
    """A malformed timestamp fails the whole body with a DecodeError naming its path."""
    with pytest.raises(DecodeError, match=r"\$\.created_at"):
        structure({"id": 1, "created_at": "last Tuesday"}, CaseUpdate)


def test_bad_clock_time_is_a_decode_error() -> None:
    """A ``start_at`` that is not HH:MM fails with a DecodeError."""
    body = {"id": 1, "update_details": [{"start_at": "nine", "notes": "x"}]}
    with pytest.raises(DecodeError, match="start_at"):
        structure(body, CaseUpdate)


def test_create_body_matches_the_document_example() -> None:
    """CaseUpdateInput unstructures to the document's example body."""
    body = CaseUpdateInput(
        access_group_id=1,
        casefile_id=123,
        subject_id=456,
        title="This is a test from the API",
        body="This is the body or message of the update.",
        activity_at=date(2021, 6, 3),
        update_details=[
            UpdateDetails(start_at=time(9, 0), notes="Investigator arrived on site"),
            UpdateDetails(start_at=time(10, 0), notes="Claimant departed residence"),
        ],
    )
    assert unstructure(body) == {
        "access_group_id": 1,
        "casefile_id": 123,
        "subject_id": 456,
        "title": "This is a test from the API",
        "body": "This is the body or message of the update.",
        "activity_at": "2021-06-03",
        "is_allday": True,
        "update_details": [
            {"start_at": "09:00", "notes": "Investigator arrived on site"},
            {"start_at": "10:00", "notes": "Claimant departed residence"},
        ],
    }


def test_create_body_omits_unset_optional_fields() -> None:
    """Only the required fields are sent when nothing else is given."""
    body = CaseUpdateInput(casefile_id=7, access_group_id=2, title="T", body="B")
    assert unstructure(body) == {"casefile_id": 7, "access_group_id": 2, "title": "T", "body": "B"}


def test_create_body_requires_the_documented_fields() -> None:
    """casefile_id, access_group_id, title and body have no default."""
    required = {a.name for a in attrs.fields(CaseUpdateInput) if a.default is attrs.NOTHING}
    assert required == {"casefile_id", "access_group_id", "title", "body"}


def test_timed_activity_sends_utc_wire_form_and_not_all_day() -> None:
    """A datetime ``activity_at`` is sent in UTC wire form with ``is_allday`` false."""
    body = CaseUpdateInput(
        casefile_id=7,
        access_group_id=2,
        title="T",
        body="B",
        activity_at=datetime(2024, 3, 18, 9, 40, tzinfo=MOUNTAIN),
    )
    assert body.is_allday is False
    wire = unstructure(body)
    assert wire["activity_at"] == "2024-03-18 15:40:00"
    assert wire["is_allday"] is False


def test_explicit_is_allday_must_agree_with_activity_at() -> None:
    """An ``is_allday`` contradicting ``activity_at`` raises ValueError."""
    with pytest.raises(ValueError, match="contradicts"):
        CaseUpdateInput(
            casefile_id=7,
            access_group_id=2,
            title="T",
            body="B",
            activity_at=datetime(2024, 3, 18, 9, 40, tzinfo=UTC),
            is_allday=True,
        )
    with pytest.raises(ValueError, match="contradicts"):
        CaseUpdateChanges(activity_at=date(2024, 3, 18), is_allday=False)


def test_agreeing_is_allday_is_kept() -> None:
    """An explicit ``is_allday`` that agrees with ``activity_at`` is sent as given."""
    changes = CaseUpdateChanges(activity_at=date(2024, 3, 18), is_allday=True)
    assert unstructure(changes) == {"activity_at": "2024-03-18", "is_allday": True}


def test_update_body_sends_only_given_fields() -> None:
    """CaseUpdateChanges sends just what was given (the document's PUT example)."""
    changes = CaseUpdateChanges(title="This is a new title", is_validated=True)
    assert unstructure(changes) == {"title": "This is a new title", "is_validated": True}
    assert unstructure(CaseUpdateChanges()) == {}


def test_update_body_has_no_required_field() -> None:
    """Every CaseUpdateChanges field is optional, as the document says for PUT."""
    assert all(a.default is not attrs.NOTHING for a in attrs.fields(CaseUpdateChanges))


def test_clock_time_with_seconds_keeps_them() -> None:
    """A ``start_at`` with seconds is sent as HH:MM:SS."""
    detail = UpdateDetails(start_at=time(9, 5, 30), notes="n")
    assert unstructure(detail) == {"start_at": "09:05:30", "notes": "n"}


def test_case_reads_dates_timestamps_and_money() -> None:
    """A case body becomes a Case with dates, UTC timestamps and numeric budgets."""
    body = {
        "id": 4417,
        "case_type_id": 2,
        "client_id": 61,
        "case_region_id": 1,
        "case_status_id": 5,
        "company_location_id": 2,
        "primary_contact_id": 140,
        "primary_investigator_id": 27,
        "primary_manager_id": 9,
        "primary_salesperson_id": None,
        "primary_subject_id": 812,
        "is_request": False,
        "created_on": "2024-03-15",
        "due_on": "2024-03-29",
        "reference_value_1": "CLM-88231",
        "reference_value_2": None,
        "case_location": "Boulder, CO",
        "budget_money": "1750.00",
        "budget_hours": 12,
        "notes": "Activity check.",
        "scheduling_notes": "Two weekdays.",
        "admin_notes": "",
        "created_at": "2024-03-15 16:02:11",
        "updated_at": "2024-03-19 01:12:09",
    }
    case = structure(body, Case)
    assert case.id == 4417
    assert case.created_on == date(2024, 3, 15)
    assert case.due_on == date(2024, 3, 29)
    assert case.budget_money == 1750.0
    assert case.budget_hours == 12.0
    assert case.is_request is False
    assert case.created_at == datetime(2024, 3, 15, 16, 2, 11, tzinfo=UTC)


def test_case_count_reads_record_and_page_counts() -> None:
    """``mode=count`` answers become CaseCount."""
    count = structure({"record_count": 251, "page_count": 3}, CaseCount)
    assert count == CaseCount(record_count=251, page_count=3)


def test_case_input_writes_the_casefile_body() -> None:
    """CaseInput unstructures like the PHP client's create-case example, unset fields out."""
    case = CaseInput(
        case_type_id=1,
        client_id=4,
        primary_contact_id=2,
        created_on=date(2024, 3, 15),
        due_on=date(2024, 3, 29),
        reference_value_1="CLM-88231",
        budget_money=1500.0,
        case_services_list=[1, 2],
        custom_fields=[CustomFieldValue(id=1, value="Rear entrance")],
        subjects=[
            SubjectInput(
                subject_type_id=1,
                is_primary=True,
                custom_fields=[
                    CustomFieldValue(id=1, value={"first_name": "Dana", "last_name": "Reyes"})
                ],
            )
        ],
    )
    assert unstructure(case) == {
        "case_type_id": 1,
        "client_id": 4,
        "primary_contact_id": 2,
        "created_on": "2024-03-15",
        "due_on": "2024-03-29",
        "reference_value_1": "CLM-88231",
        "budget_money": 1500.0,
        "case_services_list": [1, 2],
        "custom_fields": [{"id": 1, "value": "Rear entrance"}],
        "subjects": [
            {
                "subject_type_id": 1,
                "is_primary": True,
                "custom_fields": [{"id": 1, "value": {"first_name": "Dana", "last_name": "Reyes"}}],
            }
        ],
    }


def test_case_input_requires_case_type_and_client() -> None:
    """CaseInput's required fields are the case type and the client."""
    required = {a.name for a in attrs.fields(CaseInput) if a.default is attrs.NOTHING}
    assert required == {"case_type_id", "client_id"}


def test_contact_reads_a_client_contact() -> None:
    """A client contact body becomes a Contact with UTC timestamps."""
    body = {
        "id": 140,
        "client_id": 60,
        "client_location_id": 61,
        "role_id": 3,
        "salesperson_id": 9,
        "first_name": "Morgan",
        "last_name": "Ellis",
        "email": "m.ellis@example.com",
        "created_at": "2023-11-02 18:44:00",
        "updated_at": "2024-01-05 09:00:00",
    }
    contact = structure(body, Contact)
    assert contact.client_id == 60
    assert contact.client_location_id == 61
    assert contact.email == "m.ellis@example.com"
    assert contact.created_at == datetime(2023, 11, 2, 18, 44, tzinfo=UTC)


def test_contact_input_writes_location_and_role() -> None:
    """ContactInput sends the location id as ``client_id`` and leaves unset fields out."""
    contact = ContactInput(
        client_id=61, role_id=3, first_name="Morgan", last_name="Ellis", email="m@example.com"
    )
    assert unstructure(contact) == {
        "client_id": 61,
        "role_id": 3,
        "first_name": "Morgan",
        "last_name": "Ellis",
        "email": "m@example.com",
    }


def test_client_reads_id_and_name() -> None:
    """A client body becomes a Client."""
    client = structure({"id": 61, "name": "Front Range Insurance", "extra": 1}, Client)
    assert client == Client(id=61, name="Front Range Insurance")


def test_invoice_reads_status_dates_and_unknown_status() -> None:
    """Invoice statuses become the enum; an unknown status stays a string."""
    body = {
        "id": 3301,
        "invoice_number": 10045,
        "reference_number": "CLM-88231",
        "status": "partial_paid",
        "client_id": 61,
        "contact_id": 140,
        "casefile_id": 4417,
        "created_on": "2024-04-01",
        "due_on": "2024-05-01",
        "closed_on": None,
        "created_at": "2024-04-01 15:00:00",
    }
    invoice = structure(body, Invoice)
    assert invoice.status is InvoiceStatus.PARTIAL_PAID
    assert invoice.due_on == date(2024, 5, 1)
    assert invoice.closed_on is None
    assert invoice.created_at == datetime(2024, 4, 1, 15, tzinfo=UTC)
    assert structure({"id": 1, "status": "written_off"}, Invoice).status == "written_off"


def test_expense_entry_reads_nested_pascal_case_objects() -> None:
    """``User``, ``ExpenseDetails`` and ``FinanceItem`` are read into typed objects."""
    body = {
        "id": 880,
        "entry_number": 1201,
        "formatted_entry_number": "EXP-1201",
        "entry_date": "2024-03-18",
        "status": "approved",
        "user_id": 27,
        "casefile_id": 4417,
        "created_at": "2024-03-19 02:00:00",
        "User": {"id": 27, "name": "Sam Ortiz"},
        "ExpenseDetails": [
            {
                "id": 1,
                "notes": "Round trip to site",
                "rate": "0.67",
                "quantity": "84",
                "total": "56.28",
                "FinanceItem": {"id": 4, "expense_alias": "Mileage"},
            }
        ],
    }
    entry = structure(body, ExpenseEntry)
    assert entry.status is ExpenseStatus.APPROVED
    assert entry.entry_date == date(2024, 3, 18)
    assert entry.user is not None
    assert entry.user.name == "Sam Ortiz"
    assert entry.expense_details is not None
    detail = entry.expense_details[0]
    assert detail.total == pytest.approx(56.28)
    assert detail.finance_item is not None
    assert detail.finance_item.expense_alias == "Mileage"


def test_register_time_hooks_is_idempotent_and_works_on_fresh_converters() -> None:
    """The hooks can be put on another converter, and registering twice changes nothing."""
    conv = make_converter()
    register_time_hooks(conv)
    hook = conv.get_structure_hook(CaseUpdate)
    register_time_hooks(conv)
    update = conv.structure({"id": 1, "created_at": "2024-05-01 14:30:00"}, CaseUpdate)
    assert update.created_at == datetime(2024, 5, 1, 14, 30, tzinfo=UTC)
    assert conv.get_structure_hook(CaseUpdate) is hook


def test_employee_and_location_inputs_require_what_the_articles_do() -> None:
    """EmployeeInput needs its company location, role and names; ClientLocationInput its root
    client and name; the rest is sent only when given."""
    required = {a.name for a in attrs.fields(EmployeeInput) if a.default is attrs.NOTHING}
    assert required == {"client_id", "role_id", "first_name", "last_name"}
    required = {a.name for a in attrs.fields(ClientLocationInput) if a.default is attrs.NOTHING}
    assert required == {"root_id", "name"}
    assert unstructure(ClientLocationInput(root_id=4, name="Branch", zip="80401")) == {
        "root_id": 4,
        "name": "Branch",
        "zip": "80401",
    }


def test_staff_and_location_read_what_they_model_and_keep_the_rest() -> None:
    """Staff and ClientLocation read their modelled fields; other keys stay in extra."""
    member = structure(
        {"id": 27, "first_name": "Sam", "is_vendor": False, "created_at": "2024-01-02 03:04:05",
         "phone": "555"},
        Staff,
    )  # fmt: skip
    assert (member.first_name, member.is_vendor) == ("Sam", False)
    assert member.created_at == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert member.extra == {"phone": "555"}
    location = structure(
        {"id": 61, "root_id": 60, "is_primary": "true", "fax": None}, ClientLocation
    )
    assert (location.root_id, location.is_primary) == (60, True)
    assert location.extra == {"fax": None}

"""The Amilia models read the bodies Amilia's reference pages show (values are our own)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import attrs
import pytest

from amilia_async import models as amilia_models
from amilia_async.models import (
    AccessScan,
    Account,
    Activity,
    ActivitySchedule,
    ActivityStatus,
    ActivityWaitlist,
    Address,
    Contact,
    Event,
    Gender,
    Location,
    Membership,
    MembershipType,
    Occurrence,
    OccurrenceState,
    Person,
    Program,
    Registration,
    ScheduleLocation,
    StaffMember,
    WaitlistEntry,
    WebhookAction,
    WebhookContext,
    WebhookEvent,
    WebhookSubscription,
    WebhookSubscriptionCreate,
)
from common.errors import DecodeError
from common.models import Model, structure, unstructure

EASTERN_DST = timezone(timedelta(hours=-4))


def test_program_reads_offset_datetimes() -> None:
    """A program keeps the offset Amilia sends with Start and End."""
    body = {
        "Id": 501,
        "Name": "Winter 2024",
        "Start": "2024-01-08T00:00:00-05:00",
        "End": "2024-04-01T00:00:00-04:00",
        "Url": "example.org/winter",
        "PictureUrl": "img/w.jpg",
        "IsArchived": False,
        "IsVisible": True,
        "IsPasswordProtected": False,
    }
    program = structure(body, Program)
    assert program.id == 501
    assert program.name == "Winter 2024"
    assert program.start == datetime(2024, 1, 8, tzinfo=timezone(timedelta(hours=-5)))
    assert program.end is not None
    assert program.end.utcoffset() == timedelta(hours=-4)
    assert program.is_visible is True


def test_program_reads_seven_digit_fractions_and_far_dates() -> None:
    """The open-ended sample dates (year 1 and 9999, 7 fraction digits) are readable."""
    body = {
        "Id": 0,
        "Start": "0001-01-01T00:00:00-05:00",
        "End": "9999-12-31T18:59:59.9999999-05:00",
    }
    program = structure(body, Program)
    assert program.start is not None
    assert program.start.year == 1
    assert program.end is not None
    assert program.end.microsecond == 999_999


def test_missing_optional_field_is_none() -> None:
    """A field Amilia leaves out (here everything but Id) reads as None."""
    program = structure({"Id": 7}, Program)
    assert program.name is None
    assert program.start is None


def test_unknown_keys_are_kept_aside() -> None:
    """Keys the model does not declare do not break structuring and stay readable."""
    program = structure({"Id": 7, "Name": "Fall", "BrandNewField": {"x": 1}}, Program)
    assert program == Program(id=7, name="Fall")
    assert program.extra == {"BrandNewField": {"x": 1}}
    assert program.to_dict()["BrandNewField"] == {"x": 1}


def test_missing_id_is_an_error() -> None:
    """Id is required where the API always sends one."""
    with pytest.raises(DecodeError):
        structure({"Name": "no id"}, Program)


def test_activity_with_tags_occurrences_and_schedule() -> None:
    """An activity reads its hierarchy, prices, status, tags, occurrences and schedule."""
    body = {
        "Id": 42,
        "Name": "Tuesday yoga 7 PM",
        "ProgramId": 501,
        "ProgramName": "Winter 2024",
        "CategoryName": "Wellness",
        "SubCategoryName": "Adults",
        "Status": "Normal",
        "Price": 120.5,
        "DropInPrice": 15,
        "SpotsRemaining": 3,
        "MaxAttendance": 20,
        "StartDate": "2024-01-09T00:00:00-05:00",
        "HasDropInEnabled": True,
        "Age": {"Min": 18, "Max": 99},
        "Tags": [{"Id": 1, "Name": "evening"}],
        "Keywords": [{"Id": 9, "Name": "yoga"}],
        "Occurrences": [
            {"Id": 1001, "ActivityId": 42, "Start": "2024-01-09T19:00:00-05:00", "State": "Moved"}
        ],
        "Schedule": [
            {
                "StartTime": "19:00:00",
                "EndTime": "20:00:00",
                "Occurences": 12,
                "RecurenceEndDate": "2024-03-26T00:00:00-04:00",
                "Staff": [{"Id": 3, "FirstName": "Ana", "LastName": "Roy", "State": "Normal"}],
                "Facilities": [
                    {"Id": 5, "Name": "Studio B", "Address": {"AddressLine1": "1 Main St"}}
                ],
            }
        ],
    }
    activity = structure(body, Activity)
    assert activity.id == 42
    assert activity.status is ActivityStatus.NORMAL
    assert activity.price == 120.5
    assert activity.drop_in_price == 15.0
    assert activity.tags is not None
    assert activity.tags[0].name == "evening"
    assert activity.age == {"Min": 18, "Max": 99}
    assert activity.occurrences is not None
    assert activity.occurrences[0].state is OccurrenceState.MOVED
    assert activity.schedule is not None
    schedule = activity.schedule[0]
    assert schedule.occurrences == 12
    assert schedule.recurrence_end_date == datetime(2024, 3, 26, tzinfo=EASTERN_DST)
    assert schedule.staff == [StaffMember(id=3, first_name="Ana", last_name="Roy", state="Normal")]
    assert schedule.facilities is not None
    assert schedule.facilities[0].address == Address(address_line1="1 Main St")


def test_unknown_enum_value_is_kept_as_string() -> None:
    """A status Amilia adds later stays a plain string instead of failing."""
    activity = structure({"Id": 1, "Status": "Paused"}, Activity)
    assert activity.status == "Paused"
    assert not isinstance(activity.status, ActivityStatus)


def test_occurrence_with_location_and_staff() -> None:
    """An occurrence reads drop-in counters, its location summary and its staff."""
    body = {
        "Id": 77,
        "ActivityId": 42,
        "Start": "2024-02-06T19:00:00-05:00",
        "End": "2024-02-06T20:00:00-05:00",
        "State": "Cancelled",
        "HasDropInEnabled": True,
        "DropInMaxAttendance": 4,
        "DropInSpotsReserved": 1,
        "DropInSpotsRemaining": 3,
        "Location": {"Id": 5, "Name": "Studio B"},
        "Staff": [{"Id": 3, "FirstName": "Ana"}],
    }
    occurrence = structure(body, Occurrence)
    assert occurrence.state is OccurrenceState.CANCELLED
    assert occurrence.drop_in_spots_remaining == 3
    assert occurrence.location is not None
    assert occurrence.location.name == "Studio B"
    assert occurrence.staff is not None
    assert occurrence.staff[0].id == 3


def test_event_with_participants() -> None:
    """An event reads its participants and their attendance."""
    body = {
        "Id": 78,
        "ActivityId": 42,
        "ActivityName": "Tuesday yoga",
        "Start": "2024-02-13T19:00:00-05:00",
        "Participants": [
            {
                "Id": 11,
                "FirstName": "Lou",
                "Gender": "Female",
                "AttendanceId": 1,
                "Status": "Present",
            }
        ],
    }
    event = structure(body, Event)
    assert event.activity_name == "Tuesday yoga"
    assert event.participants is not None
    assert event.participants[0].gender is Gender.FEMALE
    assert event.participants[0].attendance_id == 1


def test_account_with_owner_contacts_and_members() -> None:
    """An account reads its owners (with their contacts) and members."""
    body = {
        "Id": 818,
        "Owners": [
            {
                "OrganizationId": 77,
                "AccountId": 818,
                "AccountOwnerId": 398,
                "AccountOwnerFullName": "Jo Tremblay",
                "AccountOwnerEmail": "jo@example.org",
                "AccountOwnerTelephoneMobile": None,
                "IsArchived": False,
                "Contacts": [
                    {
                        "Id": 0,
                        "FirstName": "Mia",
                        "Relationship": "Aunt",
                        "Type": "EmergencyContact",
                        "DateOfBirth": None,
                    }
                ],
            }
        ],
        "Members": [{"Id": 12, "FirstName": "Sam", "DateOfBirth": "2015-05-04"}],
        "Corporate": None,
        "AccountMemberships": [],
    }
    account = structure(body, Account)
    assert account.id == 818
    assert account.owners is not None
    owner = account.owners[0]
    assert owner.account_owner_full_name == "Jo Tremblay"
    assert owner.account_owner_telephone_mobile is None
    assert owner.contacts is not None
    assert owner.contacts[0].type == "EmergencyContact"
    assert account.members == [Person(id=12, first_name="Sam", date_of_birth=date(2015, 5, 4))]
    assert account.account_memberships == []


def test_contact_with_geo_address() -> None:
    """A contact reads its gender enum, birth date and geolocated address."""
    body = {
        "Id": 4,
        "FirstName": "Léa",
        "LastName": "Roy",
        "FullName": "Léa Roy",
        "Gender": "NotSpecified",
        "DateOfBirth": "1980-02-29",
        "Email": "",
        "Address": {
            "Latitude": 45.5,
            "Longitude": -73.6,
            "Address1": "10 Rue Principale",
            "Address2": "App. 3",
            "City": "Laval",
        },
        "TelephoneWorkExtension": "22",
        "IsChild": False,
    }
    contact = structure(body, Contact)
    assert contact.gender is Gender.NOT_SPECIFIED
    assert contact.date_of_birth == date(1980, 2, 29)
    assert contact.address is not None
    assert contact.address.latitude == 45.5
    assert contact.address.address2 == "App. 3"


def test_person_with_registrations() -> None:
    """A person reads the registrations shown with showRegistrations=true."""
    body = {
        "Id": 12,
        "FirstName": "Sam",
        "OrganizationId": 77,
        "AccountId": 818,
        "JoinDate": "2023-09-01T00:00:00-04:00",
        "Skills": [{"Id": 2, "Name": "Level 1"}],
        "Registrations": [{"ProgramId": 501, "ActivityId": 42, "ActivityName": "Yoga"}],
        "MedicalInformation": {"Allergies": "peanuts"},
    }
    person = structure(body, Person)
    assert person.join_date == datetime(2023, 9, 1, tzinfo=EASTERN_DST)
    assert person.registrations is not None
    assert person.registrations[0].activity_name == "Yoga"
    assert person.medical_information is not None
    assert person.medical_information.allergies == "peanuts"


def test_registration_flat_shape() -> None:
    """The flat registration of a person's registrations page is read."""
    body = {
        "ProgramId": 501,
        "ProgramName": "Winter 2024",
        "CategoryId": 8,
        "ActivityId": 42,
        "GroupName": "Group A",
        "DateCreated": "2024-01-02T10:15:00-05:00",
        "PersonId": 12,
        "DropInOccurrenceId": None,
    }
    registration = structure(body, Registration)
    assert registration.program_name == "Winter 2024"
    assert registration.person_id == 12
    assert registration.drop_in_occurrence_id is None
    assert registration.program is None


def test_registration_nested_shape() -> None:
    """The nested registration of the org-wide and webhook payloads is read."""
    body = {
        "RegistrationId": "AB-7",
        "Program": {"Id": 501, "Name": "Winter 2024"},
        "Activity": {"Id": 42, "Name": "Yoga"},
        "DropIn": {"OccurrenceId": 77, "OccurrenceDate": "2024-02-06T19:00:00.1234567-05:00"},
        "DateCreated": "2024-01-02T10:15:00-05:00",
        "Person": {"Id": 12, "FirstName": "Sam"},
        "AccountOwner": {"Id": 398, "FirstName": "Jo"},
        "Staff": {"Id": 3, "FirstName": "Ana", "State": "Normal"},
        "IsCancelled": False,
    }
    registration = structure(body, Registration)
    assert registration.registration_id == "AB-7"
    assert registration.activity is not None
    assert registration.activity.name == "Yoga"
    assert registration.drop_in is not None
    assert registration.drop_in.occurrence_id == 77
    assert registration.person is not None
    assert registration.person.id == 12
    assert registration.account_owner is not None
    assert registration.account_owner.first_name == "Jo"
    assert registration.is_cancelled is False


def test_activity_waitlist_body() -> None:
    """The waitlist body is an activity with a WaitList of persons."""
    body = {
        "WaitList": [
            {"Id": 5, "FirstName": "Max", "FullName": "Max Roy", "DateOfBirth": None, "Email": ""}
        ],
        "Id": 42,
        "Name": "Tuesday yoga",
        "ProgramId": 501,
        "Status": "Hidden",
    }
    waitlist = structure(body, ActivityWaitlist)
    assert waitlist.status is ActivityStatus.HIDDEN
    assert waitlist.waitlist == [
        WaitlistEntry(id=5, first_name="Max", full_name="Max Roy", email="")
    ]


def test_access_scan_keeps_letter_gender_and_naive_date_as_utc() -> None:
    """An access scan keeps Gender 'F' as a string and reads a naive ScanDate as UTC."""
    body = {
        "Id": 9,
        "ConfigurationId": 2,
        "Status": "Normal",
        "ScanDate": "2024-03-01T08:30:00",
        "Warning": "None",
        "Gender": "F",
        "BalanceAtScan": 12.75,
        "SubscriptionState": "Valid",
        "SubscriptionExpiration": None,
        "MembershipId": 6,
        "LocationId": 5,
    }
    scan = structure(body, AccessScan)
    assert scan.gender == "F"
    assert scan.scan_date == datetime(2024, 3, 1, 8, 30, tzinfo=timezone.utc)
    assert scan.balance_at_scan == 12.75
    assert scan.subscription_expiration is None


def test_membership() -> None:
    """A membership reads its type enum, price and ledger code."""
    body = {
        "Id": 6,
        "OrganizationId": 77,
        "Name": "Annual pass",
        "Price": 300,
        "IsVisible": True,
        "DateCreated": "2023-08-15T09:00:00-04:00",
        "MembershipType": "IndividualPerson",
        "LedgerCode": {"Id": 4000, "Name": "Memberships"},
        "Tags": [],
    }
    membership = structure(body, Membership)
    assert membership.membership_type is MembershipType.INDIVIDUAL_PERSON
    assert membership.price == 300.0
    assert membership.ledger_code is not None
    assert membership.ledger_code.id == 4000


def test_location() -> None:
    """A location reads its slug and address."""
    body = {
        "Id": 5,
        "Name": "Studio B",
        "OrganizationSlug": "forest-club",
        "Address": {"City": "Laval"},
    }
    location = structure(body, Location)
    assert location.organization_slug == "forest-club"
    assert location.address == Address(city="Laval")


def test_webhook_subscriptions_as_bare_array() -> None:
    """The webhook list is a bare array of subscriptions with enum context/action."""
    body = [
        {
            "Id": 1,
            "Name": "regs",
            "Url": "https://hooks.example/a",
            "Context": "Person",
            "Action": "Create",
        },
        {
            "Id": 2,
            "Name": "other",
            "Url": "https://hooks.example/b",
            "Context": "Registration",
            "Action": "Update",
        },
    ]
    subscriptions = structure(body, list[WebhookSubscription])
    assert subscriptions[0].context is WebhookContext.PERSON
    assert subscriptions[0].action is WebhookAction.CREATE
    assert subscriptions[1].context == "Registration"


def test_webhook_subscription_create_body_is_pascal_case() -> None:
    """The create body is sent with the keys Name, Url, Context, Action and Version (V1)."""
    body = WebhookSubscriptionCreate(
        name="regs", url="https://hooks.example/a", context="Account", action=WebhookAction.DELETE
    )
    assert unstructure(body) == {
        "Name": "regs",
        "Url": "https://hooks.example/a",
        "Context": "Account",
        "Action": "Delete",
        "Version": "V1",
    }


def test_webhook_event_envelope() -> None:
    """A delivery envelope keeps its payload as a dict and reads EventTime."""
    body = {
        "OrganizationId": 77,
        "Context": "Program",
        "Action": "Update",
        "Name": "programs",
        "EventTime": "2024-03-01T12:00:00Z",
        "Payload": {"Id": 501, "Name": "Winter 2024"},
    }
    event = structure(body, WebhookEvent)
    assert event.context is WebhookContext.PROGRAM
    assert event.event_time == datetime(2024, 3, 1, 12, tzinfo=timezone.utc)
    assert structure(event.payload, Program).id == 501


def test_v3_activity_reads_schedules_locations_label_waitlist_and_forms() -> None:
    """The v3 keys a live consumer reads: Schedules[*].Locations[*], LocationLabel,
    HasWaitListEnabled and Forms; the v2 Schedule is still read beside them."""
    body = {
        "Id": 42,
        "LocationLabel": "Studio B, Parc Jarry",
        "HasWaitListEnabled": True,
        "Forms": [{"Id": 3, "Name": "Waiver"}],
        "Schedules": [
            {"Locations": [{"Id": 5, "Name": "Studio B", "Room": "2"}], "Days": "Tue"},
            {"Locations": [{"Name": "Parc Jarry"}, {"Name": "Studio B"}]},
        ],
        "Schedule": [{"StartTime": "19:00:00", "Facilities": [{"Id": 9, "Name": "Old hall"}]}],
    }
    activity = structure(body, Activity)
    assert activity.location_label == "Studio B, Parc Jarry"
    assert activity.has_wait_list_enabled is True
    assert activity.forms == [{"Id": 3, "Name": "Waiver"}]
    assert activity.schedules is not None
    first = activity.schedules[0]
    assert isinstance(first, ActivitySchedule)
    assert first.locations == [ScheduleLocation(id=5, name="Studio B")]
    assert first.locations[0].extra == {"Room": "2"}
    assert first.extra == {"Days": "Tue"}
    assert activity.schedule_location_names == ["Studio B", "Parc Jarry"]
    assert activity.schedule is not None
    assert activity.schedule[0].start_time == "19:00:00"
    legacy = structure({"Id": 1, "Schedule": body["Schedule"]}, Activity)
    assert legacy.schedules is None
    assert legacy.schedule_location_names == ["Old hall"]
    assert activity.to_dict()["Schedules"][0]["Locations"][0] == {
        "Id": 5,
        "Name": "Studio B",
        "Room": "2",
    }


def test_every_answer_model_keeps_unknown_keys() -> None:
    """Every Amilia answer model is a common Model (unknown keys kept); bodies are not."""
    classes = {
        name: value
        for name, value in vars(amilia_models).items()
        if isinstance(value, type) and attrs.has(value)
    }
    requests = {"WebhookSubscriptionCreate"}
    assert requests <= set(classes)
    for name, cls in classes.items():
        assert issubclass(cls, Model) is (name not in requests), name

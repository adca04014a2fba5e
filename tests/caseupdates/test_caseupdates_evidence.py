"""Trackops as its help centre shows it (issue 17): each settled disagreement on the wire, the
operations added (staff, client locations, one expense entry) and forward compatibility.

Each test drives ``TrackopsClient`` against the emulator over loopback and checks the exact
query or body the emulator recorded, then the typed model the client read back.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, datetime, timedelta, timezone
from typing import Any

import attrs
import pytest

from caseupdates_async import NotFoundError, TrackopsClient, ValidationError
from caseupdates_async.emulator import TrackopsEmulator
from caseupdates_async.models import (
    Case,
    CaseCount,
    CaseUpdate,
    Client,
    ClientLocation,
    ClientLocationInput,
    Contact,
    ContactInput,
    EmployeeInput,
    ExpenseDetail,
    ExpenseEntry,
    ExpenseStatus,
    ExpenseUser,
    FinanceItem,
    Invoice,
    Staff,
    UpdateDetails,
)
from common import InvalidRequestError
from common.models import Model, structure

PREFIX = "/api/v1"
UTC = timezone.utc
EASTERN = timezone(timedelta(hours=-5))

#: Every model the client reads an answer into.
ANSWER_MODELS: list[type[Any]] = [
    Case,
    CaseCount,
    CaseUpdate,
    Client,
    ClientLocation,
    Contact,
    ExpenseDetail,
    ExpenseEntry,
    ExpenseUser,
    FinanceItem,
    Invoice,
    Staff,
    UpdateDetails,
]


@pytest.fixture
async def emu() -> AsyncIterator[TrackopsEmulator]:
    async with TrackopsEmulator() as emulator:
        emulator.data.clock = lambda: datetime(2025, 5, 6, 7, 8, 9, tzinfo=UTC)
        yield emulator


@pytest.fixture
async def ops(emu: TrackopsEmulator) -> AsyncIterator[TrackopsClient]:
    async with TrackopsClient(
        username=emu.username, api_token=emu.api_token, base_url=emu.url, rate_limit=None
    ) as client:
        yield client


def last_query(emu: TrackopsEmulator, path: str) -> dict[str, str]:
    request = emu.server.requests.filter(method="GET", path=PREFIX + path)[-1]
    assert len(request.query) == len(set(request.query)), "a parameter was repeated"
    return dict(request.query)


def last_body(emu: TrackopsEmulator, path: str) -> Any:
    return emu.server.requests.filter(method="POST", path=PREFIX + path)[-1].json()


# -- case requests: the article's filters, not the case filters -----------------------------


async def test_case_requests_send_exactly_the_article_filters(
    emu: TrackopsEmulator, ops: TrackopsClient
) -> None:
    """Every case-request filter goes out under its own name, in Trackops's forms; the answer
    is read as cases."""
    found = await ops.case_requests.list(
        id=4,
        client=2,
        location=3,
        case_region=1,
        created_from=date(2024, 1, 1),
        created_to=date(2024, 12, 31),
        created_from_system=datetime(2024, 1, 1, 9, 30, tzinfo=EASTERN),
        created_to_system=datetime(2030, 1, 1, tzinfo=UTC),
        due_from=date(2024, 1, 1),
        due_to=date(2030, 1, 1),
        updated_from=datetime(2024, 1, 1, tzinfo=UTC),
        updated_to=datetime(2030, 1, 1, tzinfo=UTC),
        primary_contact=5,
        primary_subject=6,
        reference_value_1="CLM-1004",
        reference_value_2="ALT-1",
        reference_value_3="R3",
        dir="desc",
    ).collect()
    assert found == []
    assert last_query(emu, "/case/requests") == {
        "id": "4",
        "client": "2",
        "location": "3",
        "case_region": "1",
        "created_from": "2024-01-01",
        "created_to": "2024-12-31",
        "created_from_system": "2024-01-01 14:30:00",
        "created_to_system": "2030-01-01 00:00:00",
        "due_from": "2024-01-01",
        "due_to": "2030-01-01",
        "updated_from": "2024-01-01 00:00:00",
        "updated_to": "2030-01-01 00:00:00",
        "primary_contact": "5",
        "primary_subject": "6",
        "reference_value_1": "CLM-1004",
        "reference_value_2": "ALT-1",
        "reference_value_3": "R3",
        "dir": "desc",
        "page": "1",
        "per_page": "50",
    }
    request = next(iter(emu.data.case_requests.values()))
    mine = await ops.case_requests.list(client=request["client_id"]).collect()
    assert all(case.is_request for case in mine)
    assert request["id"] in {case.id for case in mine}


@pytest.mark.parametrize(
    "name",
    ["case_status", "is_request", "primary_investigator", "primary_manager", "primary_salesperson"],
)
async def test_case_requests_refuse_the_case_only_filters_before_sending(
    emu: TrackopsEmulator, ops: TrackopsClient, name: str
) -> None:
    """The five case filters the case-requests article does not list are refused at once."""
    given: dict[str, Any] = {name: 1}
    with pytest.raises(InvalidRequestError, match=name):
        ops.case_requests.list(**given)
    assert len(emu.server.requests) == 0
    cases = await ops.cases.list(**given).collect()  # /cases takes them all
    assert all(isinstance(case, Case) for case in cases)
    assert name in last_query(emu, "/cases")


# -- expense entries: the article's filters --------------------------------------------------


async def test_expense_entries_send_the_article_filters_in_their_forms(
    emu: TrackopsEmulator, ops: TrackopsClient
) -> None:
    """date_from/date_to go out as dates (not from/to), the other ranges as UTC timestamps,
    the status enum as its value; the entries read back are typed."""
    committed = [e for e in emu.data.expense_entries.values() if e["status"] == "committed"]
    target = committed[0]
    entries = await ops.expenses.list(
        id=target["id"],
        expense_slip=target["expense_slip_id"],
        user=target["user_id"],
        status=ExpenseStatus.COMMITTED,
        case=target["casefile_id"],
        tracking_category=target["tracking_category_id"],
        entry_number=target["entry_number"],
        date_from=date(2024, 1, 1),
        date_to=datetime(2024, 12, 31, 22, 0, tzinfo=EASTERN),  # its own date, not UTC's
        created_from=datetime(2024, 1, 1, 9, 30, tzinfo=EASTERN),
        created_to=date(2024, 12, 31),
        updated_from=datetime(2024, 1, 1, tzinfo=UTC),
        updated_to=datetime(2026, 1, 1, tzinfo=UTC),
        dir="asc",
    ).collect()
    assert last_query(emu, "/expense/entries") == {
        "id": str(target["id"]),
        "expense_slip": str(target["expense_slip_id"]),
        "user": str(target["user_id"]),
        "status": "committed",
        "case": str(target["casefile_id"]),
        "tracking_category": str(target["tracking_category_id"]),
        "entry_number": str(target["entry_number"]),
        "date_from": "2024-01-01",
        "date_to": "2024-12-31",
        "created_from": "2024-01-01 14:30:00",
        "created_to": "2024-12-31",
        "updated_from": "2024-01-01 00:00:00",
        "updated_to": "2026-01-01 00:00:00",
        "dir": "asc",
        "page": "1",
        "per_page": "50",
    }
    assert [e.id for e in entries] == [target["id"]]
    entry = entries[0]
    assert isinstance(entry, ExpenseEntry)
    assert entry.status is ExpenseStatus.COMMITTED
    assert entry.expense_slip_id == target["expense_slip_id"]
    assert entry.entry_date == date.fromisoformat(target["entry_date"])


async def test_expense_entries_between_two_dates(
    emu: TrackopsEmulator, ops: TrackopsClient
) -> None:
    """The entry-date range keeps exactly the entries dated inside it, both ends included."""
    pager = ops.expenses.list(date_from=date(2024, 1, 10), date_to=date(2024, 1, 31))
    got = [e.id for e in await pager.collect()]
    assert got == [
        e["id"]
        for e in emu.data.expense_entries.values()
        if "2024-01-10" <= e["entry_date"] <= "2024-01-31"
    ]
    assert got


async def test_expense_entries_refuse_the_wire_alias_from(
    emu: TrackopsEmulator, ops: TrackopsClient
) -> None:
    """``from`` (the wire name the client used to send) is no keyword: refused, unsent."""
    given: dict[str, Any] = {"from": "2024-01-01"}
    with pytest.raises(InvalidRequestError, match="not a filter"):
        ops.expenses.list(**given)
    assert len(emu.server.requests) == 0


def test_a_date_filter_refuses_a_string() -> None:
    """date_from takes a date: a string is refused before sending, not passed through."""
    ops = TrackopsClient(subdomain="acme", username="jo", api_token="t", rate_limit=None)
    bad: dict[str, Any] = {"date_from": "2024-01-01"}
    with pytest.raises(InvalidRequestError, match="date_from"):
        ops.expenses.list(**bad)


# -- contact create: the answer is a contact -----------------------------------------------


async def test_creating_a_contact_sends_the_location_and_reads_a_contact(
    emu: TrackopsEmulator, ops: TrackopsClient
) -> None:
    """The body is flat with client_id = a location id; the answer is read as a Contact (the
    article's "returns a client object" taken for a slip)."""
    location = emu.data.client_locations[5]
    contact = await ops.contacts.create(
        ContactInput(
            client_id=5, role_id=2, first_name="Ada", last_name="Lovelace", email="ada@x.example"
        )
    )
    assert last_body(emu, "/client/contacts") == {
        "client_id": 5,
        "role_id": 2,
        "first_name": "Ada",
        "last_name": "Lovelace",
        "email": "ada@x.example",
    }
    assert isinstance(contact, Contact)
    assert contact.client_location_id == 5
    assert contact.client_id == location["root_id"]
    assert (contact.first_name, contact.role_id) == ("Ada", 2)
    assert contact.created_at == datetime(2025, 5, 6, 7, 8, 9, tzinfo=UTC)


# -- staff ------------------------------------------------------------------------------------


async def test_staff_list_filters_and_reads_staff(
    emu: TrackopsEmulator, ops: TrackopsClient
) -> None:
    """is_vendor, role and the name filters go out as named; the answers are Staff."""
    vendors = await ops.staff.list(is_vendor=True).collect()
    assert last_query(emu, "/staff") == {"is_vendor": "true", "page": "1", "per_page": "50"}
    assert [v.id for v in vendors] == [s["id"] for s in emu.data.staff.values() if s["is_vendor"]]
    vendor = vendors[0]
    assert isinstance(vendor, Staff)
    assert vendor.is_vendor is True
    assert vendor.first_name is None
    assert vendor.last_name == "Northwind Surveillance LLC"
    investigators = await ops.staff.list(
        role=2, last_name="vega", created_from=datetime(2023, 1, 1, tzinfo=UTC), dir="desc"
    ).collect()
    assert last_query(emu, "/staff") == {
        "role": "2",
        "last_name": "vega",
        "created_from": "2023-01-01 00:00:00",
        "dir": "desc",
        "page": "1",
        "per_page": "50",
    }
    assert [(s.first_name, s.last_name, s.role_id) for s in investigators] == [("Ian", "Vega", 2)]
    assert investigators[0].created_at is not None


async def test_staff_get_and_its_custom_fields_on_request(
    emu: TrackopsEmulator, ops: TrackopsClient
) -> None:
    """One staff member by id; expand_field_values adds field_values, kept in extra."""
    member = await ops.staff.get(2)
    assert (member.id, member.name, member.email) == (2, "Ian Vega", "ian.vega@agency.example")
    assert member.client_id in emu.data.company_locations
    assert "field_values" not in member.extra
    expanded = await ops.staff.list(id=2, expand_field_values=True).collect()
    assert expanded[0].extra["field_values"] == emu.data.staff[2]["field_values"]
    with pytest.raises(NotFoundError):
        await ops.staff.get(999)


async def test_creating_an_employee(emu: TrackopsEmulator, ops: TrackopsClient) -> None:
    """POST /staff/employees with a company location and an employee role; a Staff back."""
    member = await ops.staff.create_employee(
        EmployeeInput(client_id=2, role_id=2, first_name="Eve", last_name="Stone")
    )
    assert last_body(emu, "/staff/employees") == {
        "client_id": 2,
        "role_id": 2,
        "first_name": "Eve",
        "last_name": "Stone",
    }
    assert isinstance(member, Staff)
    assert (member.first_name, member.last_name, member.client_id) == ("Eve", "Stone", 2)
    assert member.is_vendor is False
    assert member.email is None
    assert (await ops.staff.get(member.id)) == member


async def test_creating_an_employee_checks_before_and_after_sending(
    emu: TrackopsEmulator, ops: TrackopsClient
) -> None:
    """Bad ids and blank names are refused unsent; a vendor role is the server's 422."""
    with pytest.raises(InvalidRequestError):
        await ops.staff.create_employee(
            EmployeeInput(client_id=0, role_id=2, first_name="E", last_name="S")
        )
    with pytest.raises(InvalidRequestError):
        await ops.staff.create_employee(
            EmployeeInput(client_id=1, role_id=2, first_name=" ", last_name="S")
        )
    assert len(emu.server.requests) == 0
    vendor_role = next(iter(emu.data.vendor_roles))
    with pytest.raises(ValidationError) as caught:
        await ops.staff.create_employee(
            EmployeeInput(client_id=1, role_id=vendor_role, first_name="E", last_name="S")
        )
    assert "role_id" in str(caught.value.body)


# -- client locations -------------------------------------------------------------------------


async def test_client_locations_list_by_parent_and_get(
    emu: TrackopsEmulator, ops: TrackopsClient
) -> None:
    """parent is the root client; a location reads back with its address."""
    locations = await ops.client_locations.list(parent=3, dir="desc").collect()
    assert last_query(emu, "/client/locations") == {
        "parent": "3",
        "dir": "desc",
        "page": "1",
        "per_page": "50",
    }
    expected = [loc["id"] for loc in emu.data.client_locations.values() if loc["root_id"] == 3]
    assert [loc.id for loc in locations] == sorted(expected, reverse=True)
    one = await ops.client_locations.get(expected[0])
    assert isinstance(one, ClientLocation)
    assert (one.root_id, one.city, one.state, one.country) == (3, "Chicago", "IL", "US")
    assert one.is_primary is True
    with pytest.raises(NotFoundError):
        await ops.client_locations.get(9999)


async def test_creating_a_client_location_then_a_contact_in_it(
    emu: TrackopsEmulator, ops: TrackopsClient
) -> None:
    """POST /client/locations (root_id, name, ...); the new id is what a contact's client_id
    takes. A primary location demotes the client's previous one."""
    old_primary = next(
        loc
        for loc in emu.data.client_locations.values()
        if loc["root_id"] == 1 and loc["is_primary"]
    )
    location = await ops.client_locations.create(
        ClientLocationInput(
            root_id=1,
            name="Acme Insurance - Golden",
            is_primary=True,
            email_invoice="ap@acme.example",
            address_1="1 Ford St",
            city="Golden",
            state="CO",
            zip="80401",
            country="US",
        )
    )
    assert last_body(emu, "/client/locations") == {
        "root_id": 1,
        "name": "Acme Insurance - Golden",
        "is_primary": True,
        "email_invoice": "ap@acme.example",
        "address_1": "1 Ford St",
        "city": "Golden",
        "state": "CO",
        "zip": "80401",
        "country": "US",
    }
    assert isinstance(location, ClientLocation)
    assert (location.root_id, location.is_primary, location.zip) == (1, True, "80401")
    assert location.address_2 is None
    assert emu.data.client_locations[old_primary["id"]]["is_primary"] is False
    contact = await ops.contacts.create(
        ContactInput(
            client_id=location.id, role_id=1, first_name="Bo", last_name="Ng", email="b@x.example"
        )
    )
    assert (contact.client_location_id, contact.client_id) == (location.id, 1)


async def test_creating_a_client_location_checks_its_fields(
    emu: TrackopsEmulator, ops: TrackopsClient
) -> None:
    """A bad root id or a blank name is refused unsent; an unknown client is a 422."""
    with pytest.raises(InvalidRequestError):
        await ops.client_locations.create(ClientLocationInput(root_id=-1, name="x"))
    with pytest.raises(InvalidRequestError):
        await ops.client_locations.create(ClientLocationInput(root_id=1, name=""))
    assert len(emu.server.requests) == 0
    with pytest.raises(ValidationError):
        await ops.client_locations.create(ClientLocationInput(root_id=999, name="x"))


# -- one expense entry --------------------------------------------------------------------------


async def test_getting_one_expense_entry(emu: TrackopsEmulator, ops: TrackopsClient) -> None:
    """GET /expense/entries/{id}: the entry with its user and lines, typed."""
    entry = await ops.expenses.get(7)
    assert emu.server.requests.last.path == f"{PREFIX}/expense/entries/7"
    stored = emu.data.expense_entries[7]
    assert entry.formatted_entry_number == stored["formatted_entry_number"]
    assert entry.user is not None
    assert entry.user.name == stored["User"]["name"]
    assert entry.expense_details is not None
    assert [d.total for d in entry.expense_details] == [
        d["total"] for d in stored["ExpenseDetails"]
    ]
    with pytest.raises(NotFoundError):
        await ops.expenses.get(999)


# -- forward compatibility ----------------------------------------------------------------------


async def test_unknown_fields_and_enum_values_reach_the_caller(
    emu: TrackopsEmulator, ops: TrackopsClient
) -> None:
    """An answer with keys we do not model and a status we do not know parses; the new keys
    are readable in extra and to_dict(), at every level."""
    stored = emu.data.expense_entries[3]
    stored["status"] = "archived"
    stored["approved_by_id"] = 7
    stored["ExpenseDetails"][0]["tax"] = {"rate": 0.2, "amount": 1.5}
    stored["User"]["initials"] = "IV"
    entry = await ops.expenses.get(3)
    assert entry.status == "archived"
    assert entry.extra == {"approved_by_id": 7, "total": stored["total"]}
    assert entry.user is not None
    assert entry.user.extra["initials"] == "IV"
    assert entry.expense_details is not None
    assert entry.expense_details[0].extra["tax"] == {"rate": 0.2, "amount": 1.5}
    as_dict = entry.to_dict()
    assert as_dict["approved_by_id"] == 7
    assert as_dict["status"] == "archived"
    assert as_dict["ExpenseDetails"][0]["tax"]["rate"] == 0.2
    emu.data.staff[2]["mobile"] = "555-0100"
    (member,) = await ops.staff.list(id=2).collect()
    assert member.extra == {"mobile": "555-0100"}


@pytest.mark.parametrize("model", ANSWER_MODELS, ids=lambda m: m.__name__)
def test_every_answer_model_keeps_unknown_keys(model: type[Any]) -> None:
    """Each model the client reads answers into is a common.models.Model."""
    required = {
        a.name: 1 for a in attrs.fields(model) if a.default is attrs.NOTHING and a.name != "id"
    }
    body: dict[str, Any] = {"new_key": {"nested": [1]}, **required}
    if "id" in attrs.fields_dict(model):
        body["id"] = 1
    if model is UpdateDetails:
        body.update(start_at="09:00", notes="n")
    value = structure(body, model)
    assert isinstance(value, Model)
    assert value.extra == {"new_key": {"nested": [1]}}
    assert value.to_dict()["new_key"] == {"nested": [1]}


async def test_the_old_expense_date_keywords_still_work_with_a_deprecation_warning(
    emu: TrackopsEmulator, ops: TrackopsClient
) -> None:
    """from_date/to_date (before 0.2) warn and go out as the article's date_from/date_to."""
    with pytest.warns(DeprecationWarning, match="is deprecated; use date_"):
        await ops.expenses.list(from_date=date(2024, 1, 1), to_date=date(2024, 2, 1)).collect()
    query = last_query(emu, "/expense/entries")
    assert (query["date_from"], query["date_to"]) == ("2024-01-01", "2024-02-01")
    assert "from_date" not in query
    assert "from" not in query

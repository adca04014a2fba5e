"""A negative-input sweep over every row of caseupdates.tsv: the emulator never answers 5xx.

For each operation of the inventory, against the Trackops emulator over loopback:

* **bad ids** in the path (zero, signs, letters, fractions, 30 and 5,000 digits, non-ASCII
  digits, percent-escapes of NUL, of bytes that are not UTF-8 and of ``/``) are a 4xx;
* **bad query values** for every parameter the listing takes (and a few it does not) are
  answered, never a 5xx, and a 4xx is in the emulator's error shape;
* **each body field given a wrong type** (and each field of the first nested object) is a 4xx,
  on top of a body that is accepted as it is;
* **malformed bodies** (not JSON, not UTF-8, ``NaN``, ``1e400``, 100,000 levels deep, an array
  where an object is expected, a wrapper holding an array) are a 4xx.
"""

from __future__ import annotations

import base64
import copy
import json
from collections.abc import AsyncIterator, Iterator
from datetime import date, datetime, time, timezone
from typing import Any
from urllib.parse import quote

import aiohttp
import attrs
import pytest
from yarl import URL

from caseupdates_async.emulator import TrackopsEmulator
from caseupdates_async.filters import (
    CaseFilters,
    CaseRequestFilters,
    CaseUpdateFilters,
    ClientLocationFilters,
    ContactFilters,
    ExpenseEntryFilters,
    InvoiceFilters,
    Order,
    StaffFilters,
)
from caseupdates_async.models import (
    CaseInput,
    CaseUpdateChanges,
    CaseUpdateInput,
    ClientLocationInput,
    ContactInput,
    CustomFieldValue,
    EmployeeInput,
    SubjectInput,
    UpdateDetails,
)
from common import filter_names
from common.models import unstructure

from .. import inventory

PREFIX = "/api/v1"
OPERATIONS = (
    sorted(inventory.every_operation("caseupdates")) if inventory.ENDPOINTS.exists() else []
)


class Raw(str):
    """A query or path value sent exactly as written (already percent-encoded)."""


#: Stands for the JSON number ``1e400`` (beyond a double), written into the body text as is.
HUGE = "\x00HUGE\x00"

BAD_IDS: list[str] = [
    "0",
    "-1",
    "+1",
    "abc",
    "1.5",
    "1e3",
    "9" * 30,
    "9" * 5000,
    "\u0661",  # ARABIC-INDIC DIGIT ONE: a digit to the router, not an id
    Raw("%00"),
    Raw("%ff%fe"),
    Raw("1%2F2"),
]

BAD_QUERY_VALUES: list[str] = [
    "abc",
    "-1",
    "1.5",
    " 1",
    "1_000",
    "9" * 30,
    "9" * 5000,
    "2024-13-45",
    "9999-12-31T23:59:59-05:00",
    "0001-01-01T00:00:00+05:00",
    "[]",
    "\u202e\u0000",
    Raw("%ff%fe"),
    Raw("%00"),
]
UNKNOWN_PARAMS = ["zz", "page[]", "from_date", Raw("%ff")]

# The wrong values each kind of body field is given (each must be refused with a 4xx).
INT_WRONG: list[Any] = ["1", "x", 1.5, True, [], {}, 0, -1, 2**64, HUGE]
STR_WRONG: list[Any] = [1, 1.5, True, [], {"a": 1}, HUGE]
BOOL_WRONG: list[Any] = ["true", "x", 1, 0, [], {}]
NUMBER_WRONG: list[Any] = ["1", "x", True, [], {}, HUGE, 10**400]
MOMENT_WRONG: list[Any] = [
    1,
    True,
    [],
    {},
    "yesterday",
    "2024-13-01",
    "2024-02-30",
    "9999-12-31T23:59:59-05:00",
    "0001-01-01T00:00:00+05:00",
]
CLOCK_WRONG: list[Any] = [9, True, [], {}, "25:00", "9am"]
EMAIL_WRONG: list[Any] = [*STR_WRONG, "not-an-email", "a@b@c"]
IDS_WRONG: list[Any] = [{}, "1", 1, [True], ["1"], [[]], [0], [HUGE]]
OBJECTS_WRONG: list[Any] = [{}, "x", 1, [1], ["x"], [[]], [None]]
VALUE_WRONG: list[Any] = [[1, 2]]

#: The kind of every body field, by name (a field without one fails the sweep: add it here).
KINDS: dict[str, list[Any]] = {
    **dict.fromkeys(
        [
            "casefile_id",
            "access_group_id",
            "subject_id",
            "event_id",
            "behalf_of_id",
            "case_type_id",
            "client_id",
            "primary_contact_id",
            "case_region_id",
            "company_location_id",
            "role_id",
            "salesperson_id",
            "root_id",
            "subject_type_id",
            "id",
        ],
        INT_WRONG,
    ),
    **dict.fromkeys(
        [
            "title",
            "body",
            "reference_value_1",
            "reference_value_2",
            "reference_value_3",
            "case_location",
            "notes",
            "scheduling_notes",
            "admin_notes",
            "first_name",
            "last_name",
            "name",
            "address_1",
            "address_2",
            "city",
            "state",
            "zip",
            "country",
        ],
        STR_WRONG,
    ),
    **dict.fromkeys(["is_allday", "is_validated", "is_primary", "is_pinned"], BOOL_WRONG),
    **dict.fromkeys(["budget_money", "budget_hours"], NUMBER_WRONG),
    **dict.fromkeys(["activity_at", "created_on", "due_on"], MOMENT_WRONG),
    **dict.fromkeys(["email", "email_invoice"], EMAIL_WRONG),
    **dict.fromkeys(["case_services_list", "case_flags_list"], IDS_WRONG),
    **dict.fromkeys(["update_details", "custom_fields", "subjects"], OBJECTS_WRONG),
    "start_at": CLOCK_WRONG,
    "value": VALUE_WRONG,
}

#: The query parameters each listing takes (the row's own, plus the filters of the client).
LISTING_FILTERS: dict[str, type[Any]] = {
    "List case updates": CaseUpdateFilters,
    "List cases": CaseFilters,
    "Count cases": CaseFilters,
    "List case requests": CaseRequestFilters,
    "List client contacts": ContactFilters,
    "List clients": Order,
    "List invoices": InvoiceFilters,
    "List expense entries": ExpenseEntryFilters,
    "List staff": StaffFilters,
    "List client locations": ClientLocationFilters,
}
PAGING = ["page", "per_page", "dir"]


@pytest.fixture
async def emu() -> AsyncIterator[TrackopsEmulator]:
    async with TrackopsEmulator(contacts=20) as emulator:
        yield emulator


@pytest.fixture
async def session(emu: TrackopsEmulator) -> AsyncIterator[aiohttp.ClientSession]:
    token = base64.b64encode(f"{emu.username}/token:{emu.api_token}".encode()).decode()
    async with aiohttp.ClientSession(headers={"Authorization": f"Basic {token}"}) as client_session:
        yield client_session


def _encode(value: str) -> str:
    return value if isinstance(value, Raw) else quote(value, safe="")


def _body_text(body: Any) -> bytes:
    text = json.dumps(body)
    return text.replace(json.dumps(HUGE), "1e400").encode()


@attrs.frozen
class Sent:
    what: str
    status: int
    body: bytes


async def send(
    session: aiohttp.ClientSession,
    emu: TrackopsEmulator,
    method: str,
    path: str,
    query: list[tuple[str, str]] | None = None,
    body: bytes | None = None,
    what: str = "",
) -> Sent:
    """One request with the path and query exactly as given (values encoded unless Raw)."""
    target = emu.origin + PREFIX + path
    if query:
        target += "?" + "&".join(f"{_encode(k)}={_encode(v)}" for k, v in query)
    headers = {"Content-Type": "application/json"} if body is not None else None
    async with session.request(
        method, URL(target, encoded=True), data=body, headers=headers
    ) as response:
        return Sent(
            what or f"{method} {path} {query or ''}", response.status, await response.read()
        )


def assert_answered(sent: Sent, *, refused: bool = False) -> None:
    """No 5xx; a 4xx in the emulator's error shape; with *refused*, a 4xx it must be."""
    assert sent.status < 500, f"{sent.status} for {sent.what}: {sent.body[:300]!r}"
    if refused:
        assert 400 <= sent.status < 500, f"{sent.status} (accepted) for {sent.what}"
    if sent.status >= 400:
        body = json.loads(sent.body)
        assert isinstance(body, dict), sent.what
        assert isinstance(body.get("error"), str), f"{sent.what}: {body}"


# -- what each row needs --------------------------------------------------------------------


def _fill(template: str, value: str) -> str:
    head, _, rest = template.partition("{")
    return head + value + rest.partition("}")[2] if _ else template


def valid_id(emu: TrackopsEmulator, template: str) -> int:
    collections: dict[str, dict[int, Any]] = {
        "/case/updates/": emu.data.case_updates,
        "/client/contacts/": emu.data.contacts,
        "/client/locations/": emu.data.client_locations,
        "/expense/entries/": emu.data.expense_entries,
        "/staff/": emu.data.staff,
    }
    prefix = template.partition("{")[0]
    return int(next(iter(collections[prefix])))


def valid_body(emu: TrackopsEmulator, operation: str) -> tuple[str | None, dict[str, Any]]:
    """``(wrapper, body)``: every field of the row's input model, with a value it accepts."""
    contact = next(iter(emu.data.contacts.values()))
    bodies: dict[str, tuple[str | None, Any]] = {
        "Create a case update": (
            "update",
            CaseUpdateInput(
                casefile_id=next(iter(emu.data.cases)),
                access_group_id=1,
                title="Visit",
                body="<b>Arrived</b>",
                subject_id=1,
                event_id=1,
                activity_at=date(2025, 5, 1),
                is_allday=True,
                behalf_of_id=2,
                is_validated=True,
                update_details=[UpdateDetails(start_at=time(9), notes="On site")],
            ),
        ),
        "Update a case update": (
            "update",
            CaseUpdateChanges(
                casefile_id=next(iter(emu.data.cases)),
                access_group_id=1,
                title="Visit",
                body="Done",
                subject_id=1,
                event_id=1,
                activity_at=datetime(2025, 5, 1, 9, tzinfo=timezone.utc),
                is_allday=False,
                behalf_of_id=2,
                is_validated=False,
            ),
        ),
        "Create a case": (
            "casefile",
            CaseInput(
                case_type_id=1,
                client_id=contact["client_id"],
                primary_contact_id=contact["id"],
                case_region_id=1,
                company_location_id=1,
                created_on=date(2025, 5, 1),
                due_on=date(2025, 5, 20),
                reference_value_1="CLM-1",
                reference_value_2="R2",
                reference_value_3="R3",
                case_location="Denver",
                budget_money=1500.5,
                budget_hours=8.0,
                notes="n",
                scheduling_notes="s",
                admin_notes="a",
                case_services_list=[1, 2],
                case_flags_list=[3],
                custom_fields=[CustomFieldValue(id=1, value="Rear entrance")],
                subjects=[
                    SubjectInput(
                        subject_type_id=1,
                        is_primary=True,
                        is_pinned=False,
                        custom_fields=[CustomFieldValue(id=2, value={"first_name": "Dana"})],
                    )
                ],
            ),
        ),
        "Create a client contact": (
            None,
            ContactInput(
                client_id=contact["client_location_id"],
                role_id=1,
                first_name="Ann",
                last_name="Lee",
                email="ann@example.org",
                salesperson_id=7,
            ),
        ),
        "Create an employee": (
            None,
            EmployeeInput(
                client_id=1, role_id=2, first_name="Eve", last_name="Stone", email="e@x.example"
            ),
        ),
        "Create a client location": (
            None,
            ClientLocationInput(
                root_id=1,
                name="Acme - Golden",
                is_primary=False,
                email_invoice="ap@acme.example",
                address_1="1 Ford St",
                address_2="Suite 2",
                city="Golden",
                state="CO",
                zip="80401",
                country="US",
            ),
        ),
    }
    wrapper, model = bodies[operation]
    every = {a.name for a in attrs.fields(type(model))}
    body = unstructure(model)
    assert set(body) == every, f"the sweep's {operation} body misses {every - set(body)}"
    return wrapper, body


def field_paths(body: dict[str, Any]) -> Iterator[tuple[str | int, ...]]:
    """Every field of *body* and of the first object of each of its arrays of objects."""
    for name, value in body.items():
        yield (name,)
        if isinstance(value, list) and value and isinstance(value[0], dict):
            for inner in field_paths(value[0]):
                yield (name, 0, *inner)


def replaced(body: Any, path: tuple[str | int, ...], value: Any) -> Any:
    changed = copy.deepcopy(body)
    target = changed
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return changed


def wrapped(wrapper: str | None, body: Any) -> Any:
    return body if wrapper is None else {wrapper: body}


def query_names(entry: dict[str, str]) -> list[str]:
    names = set(inventory.documented_query(entry)) | set(PAGING)
    filters = LISTING_FILTERS.get(entry["operation"])
    if filters is not None:
        names |= set(filter_names(filters).values())
    elif entry["query"]:
        names |= set(inventory.documented_query(entry))
    return sorted(names)


# -- the sweep ------------------------------------------------------------------------------


@pytest.mark.parametrize("operation", OPERATIONS)
async def test_no_row_answers_5xx_to_malformed_input(
    emu: TrackopsEmulator, session: aiohttp.ClientSession, operation: str
) -> None:
    """Bad ids, bad query values, wrong field types and malformed bodies: 4xx, never 5xx."""
    entry = inventory.row("caseupdates", operation)
    method, template = entry["method"], entry["path"]
    extra = [("mode", "count")] if operation == "Count cases" else []
    wrapper: str | None = None
    body: dict[str, Any] = {}
    if entry["body"].startswith("json"):
        wrapper, body = valid_body(emu, operation)
    payload = _body_text(wrapped(wrapper, body)) if entry["body"].startswith("json") else None
    good_path = _fill(template, str(valid_id(emu, template))) if "{" in template else template

    # The row answers 2xx as it is, so each refusal below is the bad part's doing.
    baseline = await send(session, emu, method, good_path, extra, payload)
    assert baseline.status < 300, f"{operation}: {baseline.status} {baseline.body[:300]!r}"

    if "{" in template:
        for bad in BAD_IDS:
            sent = await send(session, emu, method, _fill(template, _encode(bad)), extra, payload)
            assert_answered(sent, refused=True)

    if method == "GET":
        for name in query_names(entry) + UNKNOWN_PARAMS:
            for bad in BAD_QUERY_VALUES:
                assert_answered(await send(session, emu, method, good_path, [*extra, (name, bad)]))
        for name in UNKNOWN_PARAMS:
            sent = await send(session, emu, method, good_path, [*extra, (name, "1")])
            assert_answered(sent, refused=template.partition("{")[1] == "")

    if payload is not None:
        for path in field_paths(body):
            assert path[-1] in KINDS, f"{operation}: no wrong values for field {path}"
            for wrong in KINDS[str(path[-1])]:
                bad_body = _body_text(wrapped(wrapper, replaced(body, path, wrong)))
                sent = await send(
                    session,
                    emu,
                    method,
                    good_path,
                    extra,
                    bad_body,
                    f"{operation} {path}={wrong!r}",
                )
                assert_answered(sent, refused=True)
        for raw in malformed_bodies(wrapper):
            sent = await send(
                session, emu, method, good_path, extra, raw, f"{operation} {raw[:40]!r}"
            )
            assert_answered(sent, refused=True)


def malformed_bodies(wrapper: str | None) -> list[bytes]:
    deep = 100_000
    shapes: list[Any] = [[], "x", 1, None, [{"title": "t"}]]
    if wrapper is not None:
        shapes += [{wrapper: []}, {wrapper: "x"}, {wrapper: None}, {"other": {}}]
    return [
        b"",
        b"{nope",
        b'{"a": NaN}',
        b'{"a": Infinity}',
        b'{"a": 1e400}',
        b"\xff\xfe{}",
        b"[" * deep + b"]" * deep,
        b'{"x": ' + b"[" * deep + b"]" * deep + b"}",
        *(_body_text(shape) for shape in shapes),
    ]


# -- outside the rows: the credentials themselves ------------------------------------------


@pytest.mark.parametrize(
    "authorization",
    ["Basic \xe9\xe9", "Basic " + "A" * 5000, "Basic ====", "Basic", "Digest x", ""],
    ids=["latin-1", "long", "padding", "empty", "other-scheme", "blank"],
)
async def test_garbage_credentials_are_a_401(emu: TrackopsEmulator, authorization: str) -> None:
    """An Authorization header that is not base64 ASCII (or not Basic) is a 401, not a 500."""
    headers = {"Authorization": authorization.encode("latin-1").decode("latin-1")}
    async with (
        aiohttp.ClientSession() as plain,
        plain.get(f"{emu.url}/clients", headers=headers) as response,
    ):
        assert response.status == 401
        assert await response.json() == {"error": "Unauthorized"}

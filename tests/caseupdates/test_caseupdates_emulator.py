"""The Trackops emulator, driven over loopback with a plain aiohttp session."""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from caseupdates_async.emulator import (
    MAX_PER_PAGE,
    PER_PAGE,
    ROUTES,
    UNCONFIRMED_PATHS,
    TrackopsEmulator,
    parse_moment,
)

NOW = dt.datetime(2025, 5, 6, 7, 8, 9, tzinfo=dt.timezone.utc)
UTC = dt.timezone.utc


@pytest.fixture
async def emu() -> AsyncIterator[TrackopsEmulator]:
    async with TrackopsEmulator() as emulator:
        emulator.data.clock = lambda: NOW
        yield emulator


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as client_session:
        yield client_session


def basic(username: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def auth(emu: TrackopsEmulator) -> dict[str, str]:
    return basic(f"{emu.username}/token", emu.api_token)


async def call(
    session: aiohttp.ClientSession,
    emu: TrackopsEmulator,
    method: str,
    path: str,
    *,
    json: Any = None,
    headers: dict[str, str] | None = None,
    **params: Any,
) -> tuple[int, Any]:
    async with session.request(
        method,
        f"{emu.url}{path}",
        params={k: str(v) for k, v in params.items()} or None,
        json=json,
        headers=auth(emu) if headers is None else headers,
    ) as response:
        return response.status, await response.json()


async def get(
    session: aiohttp.ClientSession, emu: TrackopsEmulator, path: str, **params: Any
) -> Any:
    status, body = await call(session, emu, "GET", path, **params)
    assert status == 200, body
    return body


def ids(items: list[dict[str, Any]]) -> list[int]:
    return [item["id"] for item in items]


# -- auth -----------------------------------------------------------------------------------


async def test_good_credentials_are_accepted(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """Basic `{username}/token:{api_token}` reaches the API under /api/v1."""
    assert emu.url == f"{emu.origin}/api/v1"
    assert len(await get(session, emu, "/cases")) == PER_PAGE
    assert emu.requests.last.headers["Authorization"].startswith("Basic ")


@pytest.mark.parametrize(
    "headers",
    [
        {},
        basic("api-user", "emulator-token"),
        basic("api-user/token", "wrong"),
        basic("someone/token", "emulator-token"),
        {"Authorization": "Bearer emulator-token"},
        {"Authorization": "Basic not-base64!"},
    ],
    ids=["none", "no-token-suffix", "bad-token", "bad-user", "bearer", "garbage"],
)
async def test_bad_credentials_are_401(
    emu: TrackopsEmulator, session: aiohttp.ClientSession, headers: dict[str, str]
) -> None:
    """Anything but the right Basic pair is a 401 with a JSON error and a challenge."""
    async with session.get(f"{emu.url}/case/updates", headers=headers) as response:
        assert response.status == 401
        assert response.headers["WWW-Authenticate"].startswith("Basic")
        assert await response.json() == {"error": "Unauthorized"}


async def test_unknown_path_needs_auth_then_is_404(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """An unknown path is a 401 without credentials and a JSON 404 with them."""
    assert (await call(session, emu, "GET", "/nope", headers={}))[0] == 401
    assert await call(session, emu, "GET", "/nope") == (404, {"error": "Not Found"})


async def test_wrong_method_is_405(emu: TrackopsEmulator, session: aiohttp.ClientSession) -> None:
    """A known path with a method it does not serve is a 405."""
    status, body = await call(session, emu, "DELETE", "/cases")
    assert status == 405
    assert "error" in body


# -- case updates ---------------------------------------------------------------------------


async def test_updates_filter_by_case_and_validity(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """`case` and `is_valid` keep exactly the matching updates."""
    everything = emu.data.case_updates.values()
    case_id = emu.data.case_updates[3]["casefile_id"]
    invalid = [u["id"] for u in everything if u["casefile_id"] == case_id and not u["is_validated"]]
    valid = [u["id"] for u in everything if u["casefile_id"] == case_id and u["is_validated"]]
    assert invalid
    assert valid
    body = await get(session, emu, "/case/updates", case=case_id, is_valid="no", per_page=100)
    assert ids(body) == invalid
    body = await get(session, emu, "/case/updates", case=case_id, is_valid="yes", per_page=100)
    assert ids(body) == valid


async def test_updates_filter_by_time_ranges(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """`created_from`/`created_to` bound inclusively; a date alone as `_to` takes the whole day."""
    updates = emu.data.case_updates.values()
    expected = [u["id"] for u in updates if "2024-01-05" <= u["created_at"][:10] <= "2024-01-07"]
    body = await get(
        session,
        emu,
        "/case/updates",
        created_from="2024-01-05",
        created_to="2024-01-07",
        per_page=100,
    )
    assert ids(body) == expected
    first = emu.data.case_updates[1]
    exact = await get(
        session,
        emu,
        "/case/updates",
        created_from=first["created_at"],
        created_to=first["created_at"].replace(" ", "T") + "Z",
    )
    assert first["id"] in ids(exact)
    assert all(u["created_at"] == first["created_at"] for u in exact)


async def test_activity_from_and_its_alias_agree(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """`from`/`to` are the documented aliases of `activity_from`/`activity_to`."""
    named = await get(
        session, emu, "/case/updates", activity_from="2024-01-10", activity_to="2024-01-20"
    )
    alias = await get(session, emu, "/case/updates", **{"from": "2024-01-10", "to": "2024-01-20"})
    assert named == alias
    assert named
    assert all("2024-01-10" <= u["activity_at"][:10] <= "2024-01-20" for u in named)


async def test_get_update_and_unknown_update(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """One update by id; an unknown id is a JSON 404."""
    assert (await get(session, emu, "/case/updates/3"))["id"] == 3
    status, body = await call(session, emu, "GET", "/case/updates/99999")
    assert status == 404
    assert "error" in body


async def test_create_update_then_filter_by_case_and_created_from(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """A new update (date-only activity: all day) is found by `case` plus `created_from`."""
    payload = {
        "update": {
            "casefile_id": 5,
            "access_group_id": 1,
            "title": "From the API",
            "body": "<b>Hello</b>",
            "activity_at": "2025-05-01",
            "update_details": [{"start_at": "09:00", "notes": "Arrived on site"}],
        }
    }
    status, created = await call(session, emu, "POST", "/case/updates", json=payload)
    assert status == 201, created
    assert created["activity_at"] == "2025-05-01 00:00:00"
    assert created["is_allday"] is True
    assert created["created_at"] == created["updated_at"] == "2025-05-06 07:08:09"
    assert created["created_by_id"] == emu.data.api_user_id
    assert created["update_details"][0]["notes"] == "Arrived on site"
    found = await get(session, emu, "/case/updates", case=5, created_from="2025-05-06 07:00:00")
    assert ids(found) == [created["id"]]
    assert emu.data.case_updates[created["id"]] == created


async def test_create_update_refuses_missing_fields(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """Every missing required field, an unknown case and a bad date are listed in one 422."""
    payload = {"update": {"casefile_id": 99999, "activity_at": "yesterday"}}
    status, body = await call(session, emu, "POST", "/case/updates", json=payload)
    assert status == 422
    assert set(body["errors"]) == {
        "casefile_id",
        "access_group_id",
        "title",
        "body",
        "activity_at",
    }
    assert "error" in body


async def test_create_update_needs_the_update_wrapper(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """A body not nested under "update" (or not JSON) is a 400."""
    flat = {"casefile_id": 1, "access_group_id": 1, "title": "t", "body": "b"}
    assert (await call(session, emu, "POST", "/case/updates", json=flat))[0] == 400
    async with session.post(
        f"{emu.url}/case/updates", data=b"{nope", headers=auth(emu)
    ) as response:
        assert response.status == 400


async def test_put_changes_only_the_given_fields(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """PUT with a title and validation changes those, stamps updated_at, leaves the rest."""
    update_id = next(u["id"] for u in emu.data.case_updates.values() if not u["is_validated"])
    before = dict(emu.data.case_updates[update_id])
    payload = {"update": {"title": "This is a new title", "is_validated": True}}
    status, after = await call(session, emu, "PUT", f"/case/updates/{update_id}", json=payload)
    assert status == 200, after
    assert after["title"] == "This is a new title"
    assert after["is_validated"] is True
    assert after["validated_at"] == after["updated_at"] == "2025-05-06 07:08:09"
    unchanged = {"title", "is_validated", "validated_at", "updated_at"}
    assert {k: v for k, v in after.items() if k not in unchanged} == {
        k: v for k, v in before.items() if k not in unchanged
    }
    validated = await get(session, emu, "/case/updates", validated_from="2025-05-06")
    assert ids(validated) == [update_id]


async def test_put_activity_with_time_is_not_all_day(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """An activity_at with a time clears is_allday unless is_allday is given."""
    update_id = next(u["id"] for u in emu.data.case_updates.values() if u["is_allday"])
    path = f"/case/updates/{update_id}"
    _, body = await call(
        session, emu, "PUT", path, json={"update": {"activity_at": "2025-01-02 03:04:05"}}
    )
    assert (body["activity_at"], body["is_allday"]) == ("2025-01-02 03:04:05", False)
    payload = {"update": {"activity_at": "2025-01-03", "is_allday": False}}
    _, body = await call(session, emu, "PUT", path, json=payload)
    assert (body["activity_at"], body["is_allday"]) == ("2025-01-03 00:00:00", False)


async def test_put_refuses_nulling_a_required_field_and_unknown_id(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """PUT may omit required fields but not blank them; an unknown id is a 404."""
    status, body = await call(
        session, emu, "PUT", "/case/updates/1", json={"update": {"title": None}}
    )
    assert status == 422
    assert "title" in body["errors"]
    status, _ = await call(session, emu, "PUT", "/case/updates/99999", json={"update": {}})
    assert status == 404


# -- cases ----------------------------------------------------------------------------------


async def test_cases_filters(emu: TrackopsEmulator, session: aiohttp.ClientSession) -> None:
    """`client`, `is_request`, `case_status` (id or name) and `reference_value_1` filter."""
    cases = emu.data.cases.values()
    by_client = await get(session, emu, "/cases", client=1, per_page=100)
    assert ids(by_client) == [c["id"] for c in cases if c["client_id"] == 1]
    requests = await get(session, emu, "/cases", is_request="true", per_page=100)
    assert ids(requests) == [c["id"] for c in cases if c["is_request"]]
    by_name = await get(session, emu, "/cases", case_status="open", per_page=100)
    by_id = await get(session, emu, "/cases", case_status=2, per_page=100)
    assert by_name == by_id
    assert {c["case_status"] for c in by_name} == {"Open"}
    assert ids(await get(session, emu, "/cases", reference_value_1="clm-1007")) == [7]


async def test_cases_date_and_system_ranges(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """`created_from/to` read the case date, `created_from_system/to_system` the timestamp."""
    cases = emu.data.cases.values()
    body = await get(
        session, emu, "/cases", created_from="2024-01-20", created_to="2024-02-10", per_page=100
    )
    assert ids(body) == [c["id"] for c in cases if "2024-01-20" <= c["created_on"] <= "2024-02-10"]
    system = await get(
        session, emu, "/cases", created_from_system="2024-02-01 00:00:00", per_page=100
    )
    assert ids(system) == [c["id"] for c in cases if c["created_at"] >= "2024-02-01 00:00:00"]
    due = await get(session, emu, "/cases", due_to="2024-02-01", per_page=100)
    assert ids(due) == [c["id"] for c in cases if c["due_on"] <= "2024-02-01"]


async def test_count_mode_applies_filters(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """`mode=count` answers record_count and page_count (by per_page) for the same filters."""
    assert await get(session, emu, "/cases", mode="count") == {
        "record_count": 40,
        "page_count": 2,
    }
    assert await get(session, emu, "/cases", mode="count", per_page=7, is_request=0) == {
        "record_count": 30,
        "page_count": 5,
    }
    assert await get(session, emu, "/cases", mode="count", client=99999) == {
        "record_count": 0,
        "page_count": 0,
    }


async def test_case_requests_are_the_request_cases(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """/case/requests lists only cases with is_request, and takes the case filters."""
    body = await get(session, emu, "/case/requests", per_page=100)
    assert ids(body) == sorted(emu.data.case_requests)
    assert all(c["is_request"] for c in body)
    one = body[0]
    assert ids(await get(session, emu, "/case/requests", client=one["client_id"])) == [
        c["id"] for c in body if c["client_id"] == one["client_id"]
    ]


async def test_create_case(emu: TrackopsEmulator, session: aiohttp.ClientSession) -> None:
    """POST /cases under "casefile" creates a case found by its reference value."""
    contact = emu.data.contacts[4]
    payload = {
        "casefile": {
            "case_type_id": 1,
            "client_id": contact["client_id"],
            "primary_contact_id": contact["id"],
            "case_region_id": 1,
            "created_on": "2025-05-06",
            "due_on": "2025-05-20",
            "reference_value_1": "ClaimNumber123",
            "budget_money": 1500,
            "subjects": [{"subject_type_id": 1, "is_primary": True, "name": "John Doe"}],
        }
    }
    status, case = await call(session, emu, "POST", "/cases", json=payload)
    assert status == 201, case
    assert case["id"] == 41
    assert case["client_location_id"] == contact["client_location_id"]
    assert (case["created_on"], case["due_on"], case["budget_money"]) == (
        "2025-05-06",
        "2025-05-20",
        1500.0,
    )
    assert case["primary_subject_id"] == case["subjects"][0]["id"]
    assert case["created_at"] == "2025-05-06 07:08:09"
    assert ids(await get(session, emu, "/cases", reference_value_1="ClaimNumber123")) == [41]


async def test_create_case_validates(emu: TrackopsEmulator, session: aiohttp.ClientSession) -> None:
    """Missing case type, unknown client and a contact of another client are one 422."""
    other = next(c for c in emu.data.contacts.values() if c["client_id"] != 1)
    payload = {"casefile": {"client_id": 99999, "primary_contact_id": other["id"]}}
    status, body = await call(session, emu, "POST", "/cases", json=payload)
    assert status == 422
    assert set(body["errors"]) == {"client_id", "case_type_id"}
    payload = {"casefile": {"client_id": 1, "case_type_id": 1, "primary_contact_id": other["id"]}}
    status, body = await call(session, emu, "POST", "/cases", json=payload)
    assert status == 422
    assert set(body["errors"]) == {"primary_contact_id"}
    assert (await call(session, emu, "POST", "/cases", json={"case_type_id": 1}))[0] == 400


# -- contacts and clients -------------------------------------------------------------------


async def test_contacts_page_through_three_pages(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """120 contacts at per_page 50: 50, 50, then a short page of 20 that ends the list."""
    pages: list[list[dict[str, Any]]] = []
    page = 1
    while True:
        body = await get(session, emu, "/client/contacts", page=page, per_page=50)
        pages.append(body)
        if len(body) < 50:
            break
        page += 1
    assert [len(p) for p in pages] == [50, 50, 20]
    assert [i for p in pages for i in ids(p)] == list(range(1, 121))
    assert await get(session, emu, "/client/contacts", page=4, per_page=50) == []


async def test_dir_desc_orders_by_id_descending(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """`dir=desc` pages from the highest id down; the default is ascending."""
    assert ids(await get(session, emu, "/client/contacts", dir="desc", per_page=3)) == [
        120,
        119,
        118,
    ]
    assert ids(await get(session, emu, "/client/contacts", per_page=3)) == [1, 2, 3]


async def test_paging_arguments_are_checked(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """per_page above the maximum, page 0, a bad dir, mode or timestamp are 400s."""
    for params in (
        {"per_page": MAX_PER_PAGE + 1},
        {"page": 0},
        {"dir": "up"},
        {"mode": "sum"},
        {"created_from": "yesterday"},
        {"client": "abc"},
    ):
        status, body = await call(session, emu, "GET", "/client/contacts", **params)
        assert status == 400, params
        assert "error" in body


async def test_contacts_filters_and_field_values(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """Name, location and role filter; field_values only with expand_field_values."""
    target = emu.data.contacts[10]
    body = await get(
        session,
        emu,
        "/client/contacts",
        last_name=target["last_name"].upper(),
        client_location=target["client_location_id"],
        per_page=100,
    )
    assert 10 in ids(body)
    assert all(c["last_name"] == target["last_name"] for c in body)
    assert all("field_values" not in c for c in body)
    roles = await get(session, emu, "/client/contacts", role=2, per_page=100)
    assert roles
    assert {c["role_id"] for c in roles} == {2}
    expanded = await get(session, emu, "/client/contacts/10", expand_field_values="true")
    assert expanded["field_values"] == target["field_values"]
    assert "field_values" not in await get(session, emu, "/client/contacts/10")
    assert (await call(session, emu, "GET", "/client/contacts/99999"))[0] == 404


async def test_create_contact_takes_a_location_id(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """client_id is a client location id: the contact gets that location and its client."""
    location = emu.data.client_locations[5]
    payload = {
        "client_id": 5,
        "role_id": 1,
        "first_name": "Ada",
        "last_name": "Lovelace",
        "email": "a@x.io",
    }
    status, contact = await call(session, emu, "POST", "/client/contacts", json=payload)
    assert status == 201, contact
    assert (contact["id"], contact["client_location_id"], contact["client_id"]) == (
        121,
        5,
        location["root_id"],
    )
    assert contact["role_id"] == 1
    found = await get(session, emu, "/client/contacts", email="A@X.IO")
    assert ids(found) == [121]


async def test_create_contact_with_bad_client_id(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """An unknown client location id is a 422 naming client_id; nothing is stored."""
    payload = {"client_id": 99999, "first_name": "Ada", "last_name": "Lovelace"}
    status, body = await call(session, emu, "POST", "/client/contacts", json=payload)
    assert status == 422
    assert list(body["errors"]) == ["client_id"]
    status, body = await call(session, emu, "POST", "/client/contacts", json={"client_id": 1})
    assert status == 422
    assert set(body["errors"]) == {"first_name", "last_name"}
    assert len(emu.data.contacts) == 120


async def test_clients_carry_their_locations(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """/clients pages the clients, each with the locations a contact's client_id takes."""
    body = await get(session, emu, "/clients", per_page=3, page=3)
    assert ids(body) == [7, 8]
    for client in body:
        assert client["locations"]
        assert {loc["root_id"] for loc in client["locations"]} == {client["id"]}


# -- invoices and expenses ------------------------------------------------------------------


async def test_invoices_filters(emu: TrackopsEmulator, session: aiohttp.ClientSession) -> None:
    """`status`, `closed_from` and `invoice_number` filter the invoices."""
    invoices = emu.data.invoices.values()
    paid = await get(session, emu, "/invoices", status="PAID", per_page=100)
    assert ids(paid) == [i["id"] for i in invoices if i["status"] == "paid"]
    closed = await get(session, emu, "/invoices", closed_from="2024-02-01", per_page=100)
    assert ids(closed) == [
        i["id"] for i in invoices if i["closed_on"] and i["closed_on"] >= "2024-02-01"
    ]
    assert ids(await get(session, emu, "/invoices", invoice_number=1004)) == [4]


async def test_expense_entries_date_range_and_its_aliases(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """`date_from`/`date_to` bound the entry date; `from`/`to`, the article's aliases (and the
    PHP example's names), give the same answer; entries carry User and ExpenseDetails."""
    entries = emu.data.expense_entries.values()
    body = await get(session, emu, "/expense/entries", date_from="2024-01-10", date_to="2024-01-31")
    assert ids(body) == [
        e["id"] for e in entries if "2024-01-10" <= e["entry_date"] <= "2024-01-31"
    ]
    alias = await get(
        session, emu, "/expense/entries", **{"from": "2024-01-10", "to": "2024-01-31"}
    )
    assert alias == body
    assert body[0]["ExpenseDetails"][0]["FinanceItem"]["expense_alias"]
    assert body[0]["User"]["name"]


@pytest.mark.parametrize(
    ("param", "value", "field"),
    [
        ("status", "committed", "status"),
        ("expense_slip", "101", "expense_slip_id"),
        ("user", "2", "user_id"),
        ("tracking_category", "2", "tracking_category_id"),
        ("entry_number", "5", "entry_number"),
        ("id", "9", "id"),
    ],
)
async def test_expense_entries_filters(
    emu: TrackopsEmulator, session: aiohttp.ClientSession, param: str, value: str, field: str
) -> None:
    """Each documented expense filter keeps exactly the matching entries."""
    wanted = value if field == "status" else int(value)
    expected = [e["id"] for e in emu.data.expense_entries.values() if e[field] == wanted]
    assert expected
    assert ids(await get(session, emu, "/expense/entries", per_page=100, **{param: value})) == (
        expected
    )


async def test_expense_entry_by_id(emu: TrackopsEmulator, session: aiohttp.ClientSession) -> None:
    """GET /expense/entries/{id} answers the stored entry; an unknown id is a JSON 404."""
    assert await get(session, emu, "/expense/entries/4") == emu.data.expense_entries[4]
    status, body = await call(session, emu, "GET", "/expense/entries/4000")
    assert (status, set(body)) == (404, {"error"})


# -- filters the articles do not list -------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "param"),
    [
        ("/case/requests", "case_status"),
        ("/case/requests", "is_request"),
        ("/case/requests", "primary_investigator"),
        ("/case/requests", "primary_manager"),
        ("/case/requests", "primary_salesperson"),
        ("/expense/entries", "date"),
        ("/expense/entries", "expense_slip_id"),
        ("/case/updates", "case_id"),
        ("/cases", "status"),
        ("/client/contacts", "name"),
        ("/clients", "name"),
        ("/invoices", "from"),
        ("/staff", "role_id"),
        ("/client/locations", "root_id"),
    ],
)
async def test_a_filter_the_listing_does_not_document_is_a_400(
    emu: TrackopsEmulator, session: aiohttp.ClientSession, path: str, param: str
) -> None:
    """A wrong filter name is refused in the emulator's error shape, never silently ignored."""
    query: dict[str, Any] = {param: "1"}
    status, body = await call(session, emu, "GET", path, **query)
    assert status == 400
    assert set(body) == {"error"}
    assert param in body["error"]


async def test_cases_take_the_filters_case_requests_do_not(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """/cases still takes case_status, is_request and the primary staff filters."""
    for param in ("is_request", "primary_investigator", "primary_manager", "primary_salesperson"):
        assert isinstance(await get(session, emu, "/cases", **{param: "1"}), list)


# -- staff and client locations -------------------------------------------------------------


async def test_staff_filters_and_field_values(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """is_vendor splits vendors from employees; email and role filter; field_values on ask."""
    staff = emu.data.staff.values()
    vendors = await get(session, emu, "/staff", is_vendor="true")
    employees = await get(session, emu, "/staff", is_vendor="false")
    assert ids(vendors) == [s["id"] for s in staff if s["is_vendor"]]
    assert ids(employees) == [s["id"] for s in staff if not s["is_vendor"]]
    assert ids(await get(session, emu, "/staff", email="IVY.CHEN@agency.example")) == [3]
    assert ids(await get(session, emu, "/staff", role=3)) == [5, 6]
    assert all("field_values" not in s for s in employees)
    expanded = await get(session, emu, "/staff", id=2, expand_field_values="yes")
    assert expanded[0]["field_values"] == emu.data.staff[2]["field_values"]
    one = await get(session, emu, "/staff/2")
    assert one["name"] == "Ian Vega"
    assert "field_values" not in one
    assert (await call(session, emu, "GET", "/staff/77"))[0] == 404


async def test_create_employee_validates(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """An unknown company location, a vendor role and missing names are one 422."""
    payload = {"client_id": 99, "role_id": 5, "email": "not-an-email"}
    status, body = await call(session, emu, "POST", "/staff/employees", json=payload)
    assert status == 422
    assert set(body["errors"]) == {"client_id", "role_id", "first_name", "last_name", "email"}
    payload = {"employee": {"client_id": 1, "role_id": 2, "first_name": "A", "last_name": "B"}}
    status, member = await call(session, emu, "POST", "/staff/employees", json=payload)
    assert status == 201, member
    assert (member["id"], member["is_vendor"], member["client_id"]) == (10, False, 1)
    assert member["created_at"] == "2025-05-06 07:08:09"


async def test_client_locations_filters(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """parent, name and salesperson filter the locations; one by id; unknown id 404."""
    locations = emu.data.client_locations.values()
    assert ids(await get(session, emu, "/client/locations", parent=5)) == [
        loc["id"] for loc in locations if loc["root_id"] == 5
    ]
    denver = await get(session, emu, "/client/locations", name="acme insurance - denver")
    assert [loc["city"] for loc in denver] == ["Denver"]
    salesperson = emu.data.client_locations[1]["salesperson_id"]
    assert ids(await get(session, emu, "/client/locations", salesperson=salesperson)) == [
        loc["id"] for loc in locations if loc["salesperson_id"] == salesperson
    ]
    assert (await get(session, emu, "/client/locations/2"))["id"] == 2
    assert (await call(session, emu, "GET", "/client/locations/999"))[0] == 404


async def test_create_client_location(
    emu: TrackopsEmulator, session: aiohttp.ClientSession
) -> None:
    """root_id and name required (and a bad email_invoice refused) in one 422; a location
    that does not ask to be primary leaves the client's primary one alone."""
    status, body = await call(
        session, emu, "POST", "/client/locations", json={"root_id": 99, "email_invoice": "x"}
    )
    assert status == 422
    assert set(body["errors"]) == {"root_id", "name", "email_invoice"}
    payload = {"location": {"root_id": 2, "name": "Bluebird - Houston", "city": "Houston"}}
    status, created = await call(session, emu, "POST", "/client/locations", json=payload)
    assert status == 201, created
    assert (created["id"], created["root_id"], created["is_primary"]) == (14, 2, False)
    assert created["salesperson_id"] == emu.data.clients[2]["salesperson_id"]
    assert ids(await get(session, emu, "/client/locations", parent=2)) == [3, 14]
    assert emu.data.client_locations[3]["is_primary"] is True


# -- rate limit, routes, time ---------------------------------------------------------------


async def test_rate_limit_answers_429(session: aiohttp.ClientSession) -> None:
    """Past `rate_limit` requests a second the answer is a JSON 429 with Retry-After."""
    async with TrackopsEmulator(rate_limit=2) as emu:
        statuses = []
        for _ in range(3):
            async with session.get(f"{emu.url}/clients", headers=auth(emu)) as response:
                statuses.append(response.status)
                last_body, retry_after = await response.json(), response.headers.get("Retry-After")
        assert statuses == [200, 200, 429]
        assert last_body == {"error": "Too Many Requests"}
        assert retry_after is not None
        assert float(retry_after) > 0


def test_routes_cover_the_twenty_one_operations() -> None:
    """20 (method, path) pairs serve the 21 operations (count is a mode of GET /cases)."""
    pairs = {(method, path) for method, path, _ in ROUTES}
    assert len(pairs) == len(ROUTES) == 20
    assert {path for _, path, _ in ROUTES} - UNCONFIRMED_PATHS == {
        "/case/updates",
        "/case/updates/{case_update_id}",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-01", (dt.datetime(2024, 3, 1, tzinfo=UTC), True)),
        ("2024-03-01 09:30:00", (dt.datetime(2024, 3, 1, 9, 30, tzinfo=UTC), False)),
        ("2024-03-01T09:30", (dt.datetime(2024, 3, 1, 9, 30, tzinfo=UTC), False)),
        ("2024-03-01T09:30:00Z", (dt.datetime(2024, 3, 1, 9, 30, tzinfo=UTC), False)),
        ("2024-03-01T11:30:00+02:00", (dt.datetime(2024, 3, 1, 9, 30, tzinfo=UTC), False)),
        ("2024-03-01T04:30:00.250-0500", (dt.datetime(2024, 3, 1, 9, 30, 0, 250000, UTC), False)),
        ("2024-02-30", None),
        ("03/01/2024", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_parse_moment(text: str, expected: tuple[dt.datetime, bool] | None) -> None:
    """Dates, wire timestamps and ISO 8601 (Z or offsets, converted to UTC) parse; others don't."""
    assert parse_moment(text) == expected


def test_seed_is_deterministic() -> None:
    """The same seed builds the same data; `contacts` sets how many contacts there are."""
    one, two = TrackopsEmulator(seed=7), TrackopsEmulator(seed=7)
    assert one.data.case_updates == two.data.case_updates
    assert one.data.contacts == two.data.contacts
    assert len(TrackopsEmulator(contacts=5).data.contacts) == 5
    assert len(TrackopsEmulator(contacts=0).data.cases) == 40

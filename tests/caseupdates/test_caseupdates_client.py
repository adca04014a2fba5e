"""TrackopsClient against the Trackops emulator over loopback: every row and the flow."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from caseupdates_async import TrackopsClient
from caseupdates_async.client import GENTLE
from caseupdates_async.emulator import TrackopsEmulator
from caseupdates_async.filters import (
    CaseFilters,
    CaseRequestFilters,
    CaseUpdateFilters,
    wire_params,
)
from caseupdates_async.models import (
    CaseInput,
    CaseUpdateChanges,
    CaseUpdateInput,
    ClientLocationInput,
    ContactInput,
    EmployeeInput,
    ExpenseStatus,
)
from common import AuthenticationError, InvalidRequestError, RateLimit, filter_names

from .. import inventory

PREFIX = "/api/v1"
SINCE = datetime(2020, 1, 1, tzinfo=timezone.utc)
UNTIL = datetime(2030, 1, 1, tzinfo=timezone.utc)

Calls = dict[str, tuple[Callable[[TrackopsClient], Awaitable[Any]], dict[str, Any], bool]]


@pytest.fixture
async def emulator() -> AsyncIterator[TrackopsEmulator]:
    async with TrackopsEmulator() as emulator:
        yield emulator


def client_for(emulator: TrackopsEmulator, **options: Any) -> TrackopsClient:
    return TrackopsClient(
        username=emulator.username,
        api_token=emulator.api_token,
        base_url=emulator.url,
        rate_limit=None,
        **options,
    )


def first(collection: dict[Any, Any]) -> Any:
    return next(iter(collection))


async def _two_pages(pager: Any) -> None:
    await pager.with_options(page_size=2, max_items=3).collect()


def _ranges(*names: str) -> dict[str, datetime]:
    return {f"{n}_{end}": when for n in names for end, when in (("from", SINCE), ("to", UNTIL))}


def _calls(emu: TrackopsEmulator) -> Calls:
    case_id = first(emu.data.cases)
    update_id = first(emu.data.case_updates)
    location_id = first(emu.data.client_locations)
    role_id = first(emu.data.contact_roles)
    staff_id = first(emu.data.staff)
    return {
        "List case updates": (
            lambda c: _two_pages(
                c.case_updates.list(
                    id=update_id,
                    case=case_id,
                    access_group=1,
                    created_by=1,
                    is_valid=True,
                    subject=1,
                    thread=1,
                    dir="desc",
                    **_ranges("activity", "created", "updated", "validated"),
                )
            ),
            {},
            True,
        ),
        "Get a case update": (
            lambda c: c.case_updates.get(update_id),
            {"case_update_id": update_id},
            True,
        ),
        "Create a case update": (
            lambda c: c.case_updates.create(
                CaseUpdateInput(casefile_id=case_id, access_group_id=1, title="t", body="b")
            ),
            {},
            True,
        ),
        "Update a case update": (
            lambda c: c.case_updates.update(update_id, CaseUpdateChanges(title="new")),
            {"case_update_id": update_id},
            True,
        ),
        "List cases": (
            lambda c: _two_pages(
                c.cases.list(
                    id=case_id,
                    client=1,
                    location=1,
                    case_region=1,
                    case_status=1,
                    is_request=False,
                    primary_contact=1,
                    primary_investigator=1,
                    primary_manager=1,
                    primary_salesperson=1,
                    primary_subject=1,
                    reference_value_1="a",
                    reference_value_2="b",
                    reference_value_3="c",
                    dir="asc",
                    **_ranges("created", "due", "updated"),
                    created_from_system=SINCE,
                    created_to_system=UNTIL,
                )
            ),
            {},
            True,
        ),
        "Count cases": (lambda c: c.cases.count(client=1, case_status=1), {}, False),
        "Create a case": (
            lambda c: c.cases.create(
                CaseInput(
                    case_type_id=first(emu.data.case_types), client_id=first(emu.data.clients)
                )
            ),
            {},
            True,
        ),
        "List case requests": (
            lambda c: _two_pages(
                c.case_requests.list(
                    id=case_id,
                    client=1,
                    location=1,
                    case_region=1,
                    primary_contact=1,
                    primary_subject=1,
                    reference_value_1="a",
                    reference_value_2="b",
                    reference_value_3="c",
                    dir="asc",
                    **_ranges("created", "due", "updated"),
                    created_from_system=SINCE,
                    created_to_system=UNTIL,
                )
            ),
            {},
            False,  # the row says "the case filters" in words
        ),
        "List client contacts": (
            lambda c: _two_pages(
                c.contacts.list(
                    id=1,
                    last_name="x",
                    first_name="y",
                    email="z@example.org",
                    client=1,
                    client_location=location_id,
                    role=role_id,
                    salesperson=1,
                    expand_field_values=True,
                    dir="asc",
                    **_ranges("created", "updated"),
                )
            ),
            {},
            True,
        ),
        "Get a client contact": (
            lambda c: c.contacts.get(first(emu.data.contacts), expand_field_values=True),
            {"id": None},
            True,
        ),
        "Create a client contact": (
            lambda c: c.contacts.create(
                ContactInput(
                    client_id=location_id,
                    role_id=role_id,
                    first_name="Ann",
                    last_name="Lee",
                    email="ann@example.org",
                )
            ),
            {},
            True,
        ),
        "List clients": (lambda c: _two_pages(c.clients.list(dir="desc")), {}, True),
        "List invoices": (
            lambda c: _two_pages(
                c.invoices.list(
                    id=1,
                    client=1,
                    location=1,
                    contact=1,
                    status="open",
                    salesperson=1,
                    case=case_id,
                    tracking_category=1,
                    invoice_number=1,
                    reference_number="r",
                    dir="asc",
                    **_ranges("created", "due", "closed", "updated"),
                    created_from_system=SINCE,
                    created_to_system=UNTIL,
                )
            ),
            {},
            True,
        ),
        "List expense entries": (
            lambda c: _two_pages(
                c.expenses.list(
                    id=1,
                    expense_slip=100,
                    user=2,
                    status=ExpenseStatus.COMMITTED,
                    case=case_id,
                    tracking_category=1,
                    entry_number=1,
                    date_from=date(2020, 1, 1),
                    date_to=date(2030, 1, 1),
                    dir="asc",
                    **_ranges("created", "updated"),
                )
            ),
            {},
            True,
        ),
        "Get an expense entry": (
            lambda c: c.expenses.get(first(emu.data.expense_entries)),
            {"id": first(emu.data.expense_entries)},
            True,
        ),
        "List staff": (
            lambda c: _two_pages(
                c.staff.list(
                    id=1,
                    last_name="Vega",
                    first_name="Ian",
                    email="ian.vega@agency.example",
                    role=2,
                    is_vendor=False,
                    expand_field_values=True,
                    dir="desc",
                    **_ranges("created", "updated"),
                )
            ),
            {},
            False,  # the row names paging only; the article lists these filters too
        ),
        "Get a staff member": (lambda c: c.staff.get(staff_id), {"id": staff_id}, True),
        "Create an employee": (
            lambda c: c.staff.create_employee(
                EmployeeInput(
                    client_id=first(emu.data.company_locations),
                    role_id=first(emu.data.staff_roles),
                    first_name="Eve",
                    last_name="Stone",
                    email="eve@agency.example",
                )
            ),
            {},
            True,
        ),
        "List client locations": (
            lambda c: _two_pages(
                c.client_locations.list(
                    id=location_id,
                    name="Acme Insurance - Denver",
                    parent=1,
                    salesperson=7,
                    dir="asc",
                    **_ranges("created", "updated"),
                )
            ),
            {},
            False,  # the row names paging only; the article lists these filters too
        ),
        "Get a client location": (
            lambda c: c.client_locations.get(location_id),
            {"id": location_id},
            True,
        ),
        "Create a client location": (
            lambda c: c.client_locations.create(
                ClientLocationInput(root_id=first(emu.data.clients), name="Acme - Golden")
            ),
            {},
            True,
        ),
    }


def test_every_inventory_row_has_a_call() -> None:
    """The call table and caseupdates.tsv name the same 21 operations."""
    assert set(_calls(TrackopsEmulator())) == inventory.every_operation("caseupdates")


@pytest.mark.parametrize(
    "operation",
    sorted(inventory.every_operation("caseupdates")) if inventory.ENDPOINTS.exists() else [],
)
async def test_each_operation_sends_the_documented_request(
    emulator: TrackopsEmulator, operation: str
) -> None:
    """Method, path, query parameters and body on the wire match the inventory row."""
    entry = inventory.row("caseupdates", operation)
    call, path_values, exact = _calls(emulator)[operation]
    async with client_for(emulator) as client:
        before = len(emulator.server.requests)
        await call(client)
        sent = list(emulator.server.requests)[before:]
    seen = inventory.matching(entry, sent, prefix=PREFIX, path_values=path_values)
    inventory.assert_row(entry, seen, exact=exact)


async def test_the_case_flow_from_creation_to_contacts(emulator: TrackopsEmulator) -> None:
    """Create a case, add an update, find it by case and created_from, change it, count, page."""
    started = datetime.now(timezone.utc) - timedelta(seconds=5)
    async with client_for(emulator) as ops:
        case = await ops.cases.create(
            CaseInput(
                case_type_id=first(emulator.data.case_types), client_id=first(emulator.data.clients)
            )
        )
        update = await ops.case_updates.create(
            CaseUpdateInput(
                casefile_id=case.id,
                access_group_id=first(emulator.data.access_groups),
                title="Surveillance, day 1",
                body="Claimant left home at <b>09:10</b>.",
                activity_at=date(2026, 11, 24),
            )
        )
        assert update.is_allday is True
        assert update.activity_at == date(2026, 11, 24)
        found = await ops.case_updates.list(case=case.id, created_from=started).collect()
        assert [u.id for u in found] == [update.id]
        changed = await ops.case_updates.update(update.id, CaseUpdateChanges(title="Day 1"))
        assert changed.title == "Day 1"
        assert changed.body == update.body  # untouched: only the title was sent
        count = await ops.cases.count()
        listed = await ops.cases.list().collect()
        assert count.record_count == len(listed)
        assert case.id in {c.id for c in listed}
        pages = [page async for page in ops.contacts.list().pages()]
    assert [len(p.items) for p in pages] == [50, 50, 20]
    put = emulator.server.requests.filter(method="PUT")[-1]
    assert put.json() == {"update": {"title": "Day 1"}}
    listing = emulator.server.requests.filter(method="GET", path="/api/v1/case/updates")[-1]
    assert listing.query["created_from"] == format(
        started.replace(microsecond=0), "%Y-%m-%d %H:%M:%S"
    )


async def test_a_timed_update_is_not_all_day_and_times_travel_in_utc(
    emulator: TrackopsEmulator,
) -> None:
    """A datetime activity (any offset) is sent in UTC as YYYY-MM-DD HH:MM:SS, is_allday false."""
    local = datetime(2026, 11, 24, 9, 30, tzinfo=timezone(timedelta(hours=-5)))
    async with client_for(emulator) as ops:
        update = await ops.case_updates.create(
            CaseUpdateInput(
                casefile_id=first(emulator.data.cases),
                access_group_id=first(emulator.data.access_groups),
                title="t",
                body="b",
                activity_at=local,
            )
        )
    sent = emulator.server.requests.filter(method="POST")[-1].json()["update"]
    assert sent["activity_at"] == "2026-11-24 14:30:00"
    assert sent["is_allday"] is False
    assert update.activity_at == datetime(2026, 11, 24, 14, 30, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "bad",
    [
        lambda: CaseUpdateInput(casefile_id=0, access_group_id=1, title="t", body="b"),
        lambda: CaseUpdateInput(casefile_id=1, access_group_id=1, title=" ", body="b"),
        lambda: CaseUpdateInput(casefile_id=1, access_group_id=1, title="t", body=""),
    ],
)
async def test_create_checks_required_fields_before_sending(
    emulator: TrackopsEmulator, bad: Callable[[], CaseUpdateInput]
) -> None:
    """A bad id or an empty title/body is refused before any request."""
    async with client_for(emulator) as ops:
        with pytest.raises(InvalidRequestError):
            await ops.case_updates.create(bad())
        with pytest.raises(InvalidRequestError):
            await ops.case_updates.update(1, CaseUpdateChanges())
    assert len(emulator.server.requests) == 0


async def test_wrong_credentials_are_an_authentication_error(emulator: TrackopsEmulator) -> None:
    """Basic {username}/token:{api_token}: a wrong token is refused, never echoed."""
    async with TrackopsClient(
        username=emulator.username,
        api_token="not-the-token-42",
        base_url=emulator.url,
        rate_limit=None,
    ) as ops:
        with pytest.raises(AuthenticationError) as caught:
            await ops.clients.list().collect()
    assert "not-the-token-42" not in str(caught.value)
    auth = emulator.server.requests[0].headers["Authorization"]
    assert auth.startswith("Basic ")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"subdomain": "bad domain", "username": "u", "api_token": "t"}, "subdomain"),
        ({"subdomain": "acme", "username": "a:b", "api_token": "t"}, "username"),
        ({"subdomain": "acme", "username": "u", "api_token": ""}, "api_token"),
        (
            {"base_url": "http://acme.viewcases.com/api/v1", "username": "u", "api_token": "t"},
            "https",
        ),
    ],
)
def test_bad_construction_is_refused(kwargs: dict[str, str], message: str) -> None:
    """A bad subdomain, username or token, or plain http to a real host, fails at once."""
    with pytest.raises(InvalidRequestError, match=message):
        TrackopsClient(**kwargs)  # type: ignore[arg-type]


def test_the_base_url_and_the_gentle_default_limit() -> None:
    """https://{subdomain}.viewcases.com/api/v1, one request every 2 s unless overridden."""
    ops = TrackopsClient(subdomain="acme", username="jo", api_token="t")
    assert ops.base_url == "https://acme.viewcases.com/api/v1"
    limiter = ops.limits.rate_limiter
    assert limiter is not None
    assert getattr(limiter, "limit", None) == GENTLE == RateLimit(rate=1, per=2.0, burst=1)
    faster = TrackopsClient(
        subdomain="acme", username="jo", api_token="t", rate_limit=RateLimit(rate=5)
    )
    assert getattr(faster.limits.rate_limiter, "limit", None) == RateLimit(rate=5)
    unpaced = TrackopsClient(subdomain="acme", username="jo", api_token="t", rate_limit=None)
    assert unpaced.limits.rate_limiter is None


async def test_the_default_pacing_holds_the_second_call_past_a_second() -> None:
    """No faster than the vendor's own example: a second request waits about 2 s (not 1 s)."""
    ops = TrackopsClient(subdomain="acme", username="jo", api_token="t")
    limiter = ops.limits.rate_limiter
    assert limiter is not None
    await limiter.acquire()  # the first goes at once
    loop = asyncio.get_running_loop()
    started = loop.time()
    with pytest.raises(asyncio.TimeoutError):  # TimeoutError itself from 3.11
        await asyncio.wait_for(limiter.acquire(), timeout=1.2)
    assert loop.time() - started >= 1.2


# -- declared filters -------------------------------------------------------------------------


async def test_filters_are_declared_once_and_go_out_in_trackops_forms(
    emulator: TrackopsEmulator,
) -> None:
    """A timestamp in any zone goes out in UTC as ``YYYY-MM-DD HH:MM:SS``, a day as
    ``YYYY-MM-DD``, a date-only filter as the day of a datetime; what is not given is not sent."""
    local = datetime(2024, 5, 1, 8, 15, tzinfo=timezone(timedelta(hours=2)))
    filters = CaseUpdateFilters(created_from=local, activity_to=date(2024, 6, 1), dir="desc")
    assert filters.to_params() == {
        "dir": "desc",
        "activity_to": "2024-06-01",
        "created_from": "2024-05-01 06:15:00",
    }
    async with client_for(emulator) as ops:
        await ops.case_updates.list(created_from=local, activity_to=date(2024, 6, 1)).collect()
        await ops.expenses.list(date_from=datetime(2024, 1, 31, 23, 0)).collect()
    updates = emulator.server.requests.filter(method="GET", path=f"{PREFIX}/case/updates")[-1]
    assert (updates.query["created_from"], updates.query["activity_to"]) == (
        "2024-05-01 06:15:00",
        "2024-06-01",
    )
    entries = emulator.server.requests.filter(method="GET", path=f"{PREFIX}/expense/entries")[-1]
    assert entries.query["date_from"] == "2024-01-31"
    assert filter_names(CaseFilters).keys() > filter_names(CaseRequestFilters).keys()


async def test_a_bad_filter_is_refused_before_sending(emulator: TrackopsEmulator) -> None:
    bad_dir: dict[str, Any] = {"dir": "up"}
    async with client_for(emulator) as ops:
        with pytest.raises(
            InvalidRequestError, match=r"^dir must be one of 'asc', 'desc', not 'up'$"
        ):
            ops.clients.list(**bad_dir)
        with pytest.raises(InvalidRequestError, match=r"^mode: not a filter of this listing"):
            await ops.cases.count(mode="list")  # type: ignore[call-arg]
        with pytest.raises(InvalidRequestError, match=r"^id must be a positive integer id, not 0$"):
            await ops.contacts.get(0)
    assert len(emulator.server.requests) == 0


def test_wire_params_still_works_for_one_release_with_a_warning() -> None:
    """The helper before 0.2 gives what the declared filters give, and warns."""
    given: dict[str, Any] = {"case_status": 2, "created_from": SINCE}
    with pytest.warns(DeprecationWarning, match="wire_params is deprecated"):
        params = wire_params(given, CaseFilters)
    assert params == CaseFilters.of(given).to_params()
    assert params == {"case_status": 2, "created_from": "2020-01-01 00:00:00"}
    with (
        pytest.warns(DeprecationWarning, match="wire_params"),
        pytest.raises(InvalidRequestError, match="case_status"),
    ):
        wire_params(given, CaseRequestFilters)

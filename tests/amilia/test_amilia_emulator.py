"""The Amilia emulator, driven over loopback with a plain aiohttp session."""

from __future__ import annotations

import base64
import datetime as dt
import json
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import quote

import aiohttp
import pytest
import yarl

from amilia_async.emulator import (
    API_KEY_HEADER,
    API_SECRET_HEADER,
    AUTHENTICATE_METHOD,
    AmiliaEmulator,
)
from common.testing import Fault

TODAY = dt.date(2024, 3, 13)
DENIED = "Authorization has been denied for this request."


@pytest.fixture
async def emu() -> AsyncIterator[AmiliaEmulator]:
    async with AmiliaEmulator(today=TODAY, rate_limit=None) as emulator:
        yield emulator


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as client_session:
        yield client_session


def basic(username: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def bearer(emu: AmiliaEmulator) -> dict[str, str]:
    return {"Authorization": f"Bearer {emu.issue_token()}"}


def org(emu: AmiliaEmulator, path: str, *, language: str = "en", organization: str = "") -> str:
    slug = quote(organization or emu.organization, safe="")
    return f"{emu.url}/api/v3/{language}/org/{slug}{path}"


def claims(token: str) -> dict[str, Any]:
    payload = token.split(".")[1]
    decoded: dict[str, Any] = json.loads(
        base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    )
    return decoded


async def get_json(
    session: aiohttp.ClientSession, url: str, headers: dict[str, str] | None = None, **params: Any
) -> tuple[int, Any]:
    async with session.get(url, headers=headers, params=params or None) as response:
        return response.status, await response.json()


async def collect_v3(
    session: aiohttp.ClientSession, url: str, headers: dict[str, str], **params: Any
) -> tuple[list[dict[str, Any]], int, list[str]]:
    """Follow Paging.Next; return the items, the TotalCount and every Next URL seen."""
    items: list[dict[str, Any]] = []
    nexts: list[str] = []
    status, body = await get_json(session, url, headers, **params)
    assert status == 200, body
    total = body["Paging"]["TotalCount"]
    while True:
        items.extend(body["Items"])
        next_url = body["Paging"]["Next"]
        if next_url is None:
            return items, total, nexts
        nexts.append(next_url)
        status, body = await get_json(session, next_url, headers)
        assert status == 200, body
        assert body["Paging"]["TotalCount"] == total


def assert_amilia_error(body: Any, message: str | None = None) -> None:
    assert set(body) >= {"Message", "TransactionId"}
    uuid.UUID(body["TransactionId"])
    if message is not None:
        assert body["Message"] == message


# -- authenticate --------------------------------------------------------------------------


async def test_authenticate_returns_a_signed_jwt(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """Good Basic credentials on a GET give {"Token": <three-part JWT>}, sub, a one-year exp."""
    headers = basic(emu.username, emu.password)
    before = time.time()
    assert AUTHENTICATE_METHOD == "GET"
    async with session.get(f"{emu.url}/api/v3/authenticate", headers=headers) as resp:
        assert resp.status == 200
        body = await resp.json()
    token = body["Token"]
    assert list(body) == ["Token"]
    assert len(token.split(".")) == 3
    payload = claims(token)
    assert payload["sub"] == emu.username
    assert before + 365 * 86400 - 2 <= payload["exp"] <= time.time() + 365 * 86400
    assert emu.authenticate_calls == 1
    status, programs = await get_json(
        session, org(emu, "/programs"), {"Authorization": f"Bearer {token}"}
    )
    assert status == 200
    assert programs["Paging"]["TotalCount"] == 4


async def test_authenticate_accepts_uppercase_v3(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """The documented /api/V3/authenticate spelling works too."""
    url = f"{emu.url}/api/V3/authenticate"
    status, body = await get_json(session, url, basic(emu.username, emu.password))
    assert status == 200
    assert "Token" in body


@pytest.mark.parametrize(
    "headers",
    [
        basic("api@example.com", "wrong"),
        basic("someone@example.com", "emulator-password"),
        {"Authorization": "Basic not-base64!"},
        {"Authorization": "Basic dXNlcjpwYXNz\u00e9"},
        {"Authorization": "Basic " + base64.b64encode(b"\xff\xfe:\x00").decode()},
        {},
    ],
    ids=["bad-password", "bad-user", "garbage", "not-ascii", "not-utf8", "missing"],
)
async def test_authenticate_rejects_bad_credentials(
    emu: AmiliaEmulator, session: aiohttp.ClientSession, headers: dict[str, str]
) -> None:
    """Wrong or missing credentials answer 401 with Message and TransactionId, and are counted."""
    status, body = await get_json(session, f"{emu.url}/api/v3/authenticate", headers)
    assert status == 401
    assert_amilia_error(body)
    assert emu.authenticate_calls == 1


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
async def test_authenticate_rejects_other_methods(
    emu: AmiliaEmulator, session: aiohttp.ClientSession, method: str
) -> None:
    """POST (even with good credentials) and other methods are 405 with Allow: GET."""
    headers = basic(emu.username, emu.password)
    url = f"{emu.url}/api/v3/authenticate"
    async with session.request(method, url, headers=headers) as response:
        assert response.status == 405
        assert response.headers["Allow"] == "GET"
        assert_amilia_error(await response.json())
    assert emu.authenticate_calls == 0


# -- bearer checking ---------------------------------------------------------------------------


async def test_org_endpoints_require_a_bearer_token(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """No Authorization header, or a Basic one, is 401 "Authorization has been denied"."""
    for headers in ({}, basic(emu.username, emu.password)):
        status, body = await get_json(session, org(emu, "/programs"), headers)
        assert status == 401
        assert_amilia_error(body, DENIED)


async def test_bad_signature_is_rejected(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """A token with a tampered payload or another emulator's token is denied."""
    header, _, signature = emu.issue_token().split(".")
    forged = {"sub": "admin", "exp": time.time() + 3600, "jti": 1}
    payload = base64.urlsafe_b64encode(json.dumps(forged).encode()).rstrip(b"=").decode()
    foreign = AmiliaEmulator(rate_limit=None).issue_token()
    deep = base64.urlsafe_b64encode(b"[" * 3000).rstrip(b"=").decode()
    malformed = (
        "not-a-jwt",
        f"{header}.{payload}.\u00e9t\u00e9",  # not ASCII
        f"{deep}.{deep}.{signature}",  # nested past the JSON parser's depth
        f"{header}.{payload}.%%%",  # not base64
        "..",
    )
    for token in (f"{header}.{payload}.{signature}", foreign, *malformed):
        status, body = await get_json(
            session, org(emu, "/programs"), {"Authorization": f"Bearer {token}"}
        )
        assert status == 401
        assert_amilia_error(body, DENIED)


async def test_api_key_and_secret_are_an_alternative_to_a_token(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """The configured key/secret pair in its headers is accepted; a wrong secret is denied."""
    good = {API_KEY_HEADER: emu.api_key, API_SECRET_HEADER: emu.api_secret}
    bad = {API_KEY_HEADER: emu.api_key, API_SECRET_HEADER: "nope"}
    assert (await get_json(session, org(emu, "/webhooks"), good)) == (200, [])
    status, body = await get_json(session, org(emu, "/webhooks"), bad)
    assert status == 401
    assert_amilia_error(body, DENIED)
    assert emu.authenticate_calls == 0


async def test_expire_tokens_makes_old_tokens_401_with_a_distinct_message(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """After expire_tokens() old tokens get an "expired" 401; tokens issued later work."""
    old = bearer(emu)
    assert (await get_json(session, org(emu, "/programs"), old))[0] == 200
    emu.expire_tokens()
    status, body = await get_json(session, org(emu, "/programs"), old)
    assert status == 401
    assert_amilia_error(body)
    assert body["Message"] != DENIED
    assert "expired" in body["Message"]
    assert (await get_json(session, org(emu, "/programs"), bearer(emu)))[0] == 200


async def test_token_past_its_exp_is_expired(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """A token whose exp has passed answers the expired-token 401."""
    token = emu.issue_token(lifetime=-5)
    assert claims(token)["exp"] < time.time()
    status, body = await get_json(
        session, org(emu, "/programs"), {"Authorization": f"Bearer {token}"}
    )
    assert status == 401
    assert "expired" in body["Message"]


async def test_token_lifetime_sets_exp(session: aiohttp.ClientSession) -> None:
    """token_lifetime controls the exp of tokens from authenticate."""
    async with AmiliaEmulator(token_lifetime=60, rate_limit=None) as emu:
        _, body = await get_json(
            session, f"{emu.url}/api/v3/authenticate", basic(emu.username, emu.password)
        )
    assert abs(claims(body["Token"])["exp"] - (time.time() + 60)) < 3


# -- v3 paging -------------------------------------------------------------------------------


async def test_v3_accounts_span_several_pages_by_default(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """450 accounts come in pages of 200 linked by absolute Paging.Next URLs, ids ascending."""
    items, total, nexts = await collect_v3(session, org(emu, "/accounts"), bearer(emu))
    assert total == 450
    assert len(nexts) == 2
    assert all(
        url.startswith(emu.url) and url.endswith(f"page={n}") for n, url in enumerate(nexts, 2)
    )
    ids = [item["Id"] for item in items]
    assert ids == sorted(set(ids))
    assert len(ids) == 450
    owner = items[0]["Owners"][0]
    assert {"AccountOwnerFullName", "AccountOwnerEmail", "IsArchived"} <= set(owner)


async def test_v3_next_keeps_the_query(emu: AmiliaEmulator, session: aiohttp.ClientSession) -> None:
    """Next carries perPage and the filters, with page incremented."""
    url = org(emu, "/accounts")
    status, body = await get_json(
        session, url, bearer(emu), perPage=100, showArchived="true", page=2
    )
    assert status == 200
    assert body["Paging"]["TotalCount"] == 470
    next_url = body["Paging"]["Next"]
    query = dict(yarl.URL(next_url).query)
    assert query == {"perPage": "100", "showArchived": "true", "page": "3"}
    items, total, nexts = await collect_v3(session, url, bearer(emu), perPage=100)
    assert (len(items), total, len(nexts)) == (450, 450, 4)


async def test_v3_page_past_the_end_is_empty(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """A page beyond the last answers no items and a null Next, with the real TotalCount."""
    status, body = await get_json(session, org(emu, "/accounts"), bearer(emu), page=9)
    assert status == 200
    assert body == {"Items": [], "Paging": {"TotalCount": 450, "Next": None}}


@pytest.mark.parametrize(
    "params",
    [{"page": "0"}, {"perPage": "-1"}, {"page": "x"}, {"showArchived": "yes"}],
)
async def test_v3_bad_parameters_are_400(
    emu: AmiliaEmulator, session: aiohttp.ClientSession, params: dict[str, str]
) -> None:
    """Malformed paging numbers and booleans answer 400 with an Amilia error body."""
    status, body = await get_json(session, org(emu, "/accounts"), bearer(emu), **params)
    assert status == 400
    assert_amilia_error(body)


async def test_account_owner_email_filter(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """accountOwnerEmail selects the account(s) of that owner, case-insensitively."""
    account = next(iter(emu.data.accounts.values()))
    email = account["Owners"][0]["AccountOwnerEmail"]
    status, body = await get_json(
        session, org(emu, "/accounts"), bearer(emu), accountOwnerEmail=email.upper()
    )
    assert status == 200
    assert [item["Id"] for item in body["Items"]] == [account["Id"]]


async def test_programs_filters_and_language(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """showHidden/showArchived widen the program list; the language segment localizes names."""
    headers = bearer(emu)
    _, default = await get_json(session, org(emu, "/programs"), headers)
    _, everything = await get_json(
        session, org(emu, "/programs"), headers, showHidden="true", showArchived="True"
    )
    _, french = await get_json(session, org(emu, "/programs", language="fr"), headers)
    assert default["Paging"]["TotalCount"] == 4
    assert everything["Paging"]["TotalCount"] == 6
    assert default["Items"][0]["Name"] == "Aquatics"
    assert french["Items"][0]["Name"] == "Aquatique"
    program = default["Items"][0]
    assert set(program) >= {"Id", "Name", "Start", "End", "IsArchived", "IsVisible"}
    offset = dt.datetime.fromisoformat(program["Start"]).utcoffset()
    assert offset in (dt.timedelta(hours=-4), dt.timedelta(hours=-5))  # Montréal time


async def test_program_activities_paging_and_flags(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """The first program lists 250 activities over two pages; hidden and cancelled need flags."""
    headers = bearer(emu)
    program_id = next(iter(emu.data.programs))
    url = org(emu, f"/programs/{program_id}/activities")
    items, total, nexts = await collect_v3(session, url, headers)
    assert (len(items), total, len(nexts)) == (250, 250, 1)
    assert all(a["ProgramId"] == program_id and a["Status"] == "Normal" for a in items)
    _, hidden = await get_json(session, url, headers, showHidden="true")
    _, both = await get_json(session, url, headers, showHidden="true", showCancelled="true")
    assert hidden["Paging"]["TotalCount"] == 256
    assert both["Paging"]["TotalCount"] == 260
    _, extra = await get_json(session, url, headers, showTaxes="true", showOccurrences="true")
    first = extra["Items"][0]
    assert first["Taxes"]
    assert len(first["Occurrences"]) == 60
    assert "Taxes" not in items[0]


async def test_org_activities_hide_past_hidden_and_cancelled_ones(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """/activities spans three pages of 520 current activities; flags add the others."""
    headers = bearer(emu)
    items, total, nexts = await collect_v3(session, org(emu, "/activities"), headers)
    assert (total, len(items), len(nexts)) == (520, 520, 2)
    _, everything = await get_json(
        session,
        org(emu, "/activities"),
        headers,
        showPastActivities="true",
        showHidden="true",
        showCancelled="true",
    )
    assert everything["Paging"]["TotalCount"] == len(emu.data.activities) == 552
    window = (
        (TODAY - dt.timedelta(days=400)).isoformat(),
        (TODAY - dt.timedelta(days=300)).isoformat(),
    )
    _, last_year = await get_json(
        session,
        org(emu, "/activities"),
        headers,
        showPastActivities="true",
        **{"from": window[0], "to": window[1]},
    )
    assert last_year["Paging"]["TotalCount"] == 12


async def test_occurrences_date_range_is_inclusive(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """An activity's 60 occurrences page by perPage; from/to are inclusive days; edits hidden."""
    headers = bearer(emu)
    activity_id = next(iter(emu.data.activities))
    url = org(emu, f"/activities/{activity_id}/occurrences")
    items, total, _ = await collect_v3(session, url, headers, perPage=25)
    assert total == len(items) == 54  # six of the sixty were moved ("edited")
    _, edited = await get_json(session, url, headers, showEdited="true")
    assert edited["Paging"]["TotalCount"] == 60
    day = items[3]["Start"][:10]
    _, one_day = await get_json(session, url, headers, **{"from": day, "to": day})
    assert [o["Start"][:10] for o in one_day["Items"]] == [day]
    status, body = await get_json(session, url, headers, **{"from": "2024-13-01"})
    assert status == 400
    assert_amilia_error(body)


async def test_events_default_to_today(emu: AmiliaEmulator, session: aiohttp.ClientSession) -> None:
    """Without dates /events lists today's 230 visible normal events over two pages."""
    headers = bearer(emu)
    items, total, nexts = await collect_v3(session, org(emu, "/events"), headers)
    assert (total, len(items), len(nexts)) == (230, 230, 1)
    assert {event["Start"][:10] for event in items} == {TODAY.isoformat()}
    assert "Participants" not in items[0]
    _, wide = await get_json(
        session,
        org(emu, "/events"),
        headers,
        showSkipped="true",
        showCanceled="true",
        showHidden="true",
        showParticipants="true",
    )
    assert wide["Paging"]["TotalCount"] == 240
    assert "Participants" in wide["Items"][0]
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    _, one_day = await get_json(session, org(emu, "/events"), headers, **{"from": tomorrow})
    assert one_day["Paging"]["TotalCount"] == 10
    week_end = (TODAY + dt.timedelta(days=7)).isoformat()
    _, week = await get_json(
        session, org(emu, "/events"), headers, **{"from": tomorrow, "to": week_end}
    )
    assert week["Paging"]["TotalCount"] == 70
    program_id = items[0]["ProgramId"]
    _, one_program = await get_json(session, org(emu, "/events"), headers, programId=program_id)
    expected = sum(1 for e in items if e["ProgramId"] == program_id)
    assert one_program["Paging"]["TotalCount"] == expected


async def test_activity_persons_status_and_paging(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """An activity's persons span pages; status picks session or drop-in registrations."""
    headers = bearer(emu)
    activity_id = next(iter(emu.data.activities))
    url = org(emu, f"/activities/{activity_id}/persons")
    _, total, nexts = await collect_v3(session, url, headers)
    assert total > 200
    assert len(nexts) == 1
    _, everyone = await get_json(
        session, url, headers, status="All", showCancelledRegistrations="true"
    )
    assert everyone["Paging"]["TotalCount"] == 240
    _, with_regs = await get_json(session, url, headers, showRegistrations="true", perPage=1)
    assert with_regs["Items"][0]["Registrations"][0]["Activity"]["Id"] == activity_id
    _, drop_ins = await get_json(session, url, headers, status="DropIn")
    assert drop_ins["Paging"]["TotalCount"] == len(
        {
            r["Person"]["Id"]
            for r in emu.data.registrations.values()
            if r["Activity"]["Id"] == activity_id and r["DropIn"] and r["Status"] != "Cancelled"
        }
    )
    _, unknown = await get_json(session, url, headers, status="Sleeping")
    assert unknown["Paging"]["TotalCount"] == total  # undocumented values act as the default


@pytest.mark.parametrize(
    ("path", "minimum_pages"),
    [
        ("/persons", 6),
        ("/registrations", 9),
        ("/locations", 1),
        ("/memberships", 1),
        ("/staff", 1),
        ("/accessscans", 1),
    ],
)
async def test_other_v3_lists_are_paged(
    emu: AmiliaEmulator, session: aiohttp.ClientSession, path: str, minimum_pages: int
) -> None:
    """The remaining lists answer Items + Paging and follow Next to the end."""
    items, total, nexts = await collect_v3(session, org(emu, path), bearer(emu))
    assert len(items) == total > 0
    assert len(nexts) + 1 >= minimum_pages


async def test_location_activities_and_the_waitlist_object(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """Location activities are paged; a waitlist is one object: the activity and its WaitList."""
    headers = bearer(emu)
    location_id = next(iter(emu.data.locations))
    items, _, _ = await collect_v3(
        session, org(emu, f"/locations/{location_id}/activities"), headers
    )
    assert items
    assert all(a["Location"]["Id"] == location_id for a in items)
    activity_id = next(iter(emu.data.activities))
    url = org(emu, f"/activities/{activity_id}/waitlist")
    status, waitlist = await get_json(session, url, headers)
    assert status == 200
    assert waitlist["Id"] == activity_id
    assert waitlist["Status"] == "Normal"
    assert [p["Id"] for p in waitlist["WaitList"]] == [
        p["Id"] for p in emu.data.waitlists[activity_id]
    ]
    assert len(waitlist["WaitList"]) == 30
    _, second = await get_json(session, url, headers, page=2, perPage=20)
    assert second["WaitList"] == waitlist["WaitList"][20:]


# -- bare arrays, single items and 404s ---------------------------------------------------------


async def test_contacts_are_a_bare_array(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """/accounts/{id}/contacts answers a plain JSON array."""
    account_id = next(i for i, contacts in emu.data.contacts.items() if contacts)
    status, body = await get_json(
        session, org(emu, f"/accounts/{account_id}/contacts"), bearer(emu)
    )
    assert status == 200
    assert isinstance(body, list)
    assert body == emu.data.contacts[account_id]


async def test_single_items(emu: AmiliaEmulator, session: aiohttp.ClientSession) -> None:
    """A program, an activity and a person by external id come back as bare objects."""
    headers = bearer(emu)
    program_id = next(iter(emu.data.programs))
    activity_id = next(iter(emu.data.activities))
    person = next(p for p in emu.data.persons.values() if p["ExternalId"])
    _, program = await get_json(session, org(emu, f"/programs/{program_id}"), headers)
    _, activity = await get_json(session, org(emu, f"/activities/{activity_id}"), headers)
    _, found = await get_json(
        session, org(emu, f"/persons/external/{person['ExternalId']}"), headers
    )
    assert program["Id"] == program_id
    assert activity["Id"] == activity_id
    assert "ProgramName" in activity
    assert found["Id"] == person["Id"]


@pytest.mark.parametrize(
    "path",
    [
        "/programs/99999",
        "/programs/abc",
        "/activities/99999",
        "/activities/99999/occurrences",
        "/accounts/99999/contacts",
        "/persons/external/nobody",
        "/nothing-here",
    ],
)
async def test_unknown_things_are_404(
    emu: AmiliaEmulator, session: aiohttp.ClientSession, path: str
) -> None:
    """Absent items and unknown routes answer 404 with a fresh TransactionId each time."""
    first = await get_json(session, org(emu, path), bearer(emu))
    second = await get_json(session, org(emu, path), bearer(emu))
    for status, body in (first, second):
        assert status == 404
        assert_amilia_error(body)
    assert first[1]["TransactionId"] != second[1]["TransactionId"]


async def test_unknown_organization_and_language(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """Another organization is 404, a language other than en/fr is 404."""
    status, body = await get_json(
        session, org(emu, "/programs", organization="other-org"), bearer(emu)
    )
    assert status == 404
    assert_amilia_error(body)
    status, _ = await get_json(session, org(emu, "/programs", language="de"), bearer(emu))
    assert status == 404


@pytest.mark.parametrize("raw", ["0_1", "%EF%BC%91", "1.0", "+1%20x", "4294967297", "0x1"])
async def test_ids_bind_like_a_32_bit_int(
    emu: AmiliaEmulator, session: aiohttp.ClientSession, raw: str
) -> None:
    """An id Python would read (0_1, a fullwidth 1) but ASP.NET would not is 404, not item 1."""
    url = yarl.URL(org(emu, f"/programs/{raw}"), encoded=True)
    async with session.get(url, headers=bearer(emu)) as response:
        assert response.status == 404
        assert_amilia_error(await response.json())


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("perPage", "1_0"),
        ("page", "%EF%BC%92"),
        ("page", "2.0"),
        ("programId", "2147483648"),
        ("perPage", "99999999999999999999999"),
        ("from", "%D9%A2%D9%A0%D9%A2%D9%A4-01-01"),
    ],
)
async def test_query_values_bind_like_asp_net(
    emu: AmiliaEmulator, session: aiohttp.ClientSession, name: str, value: str
) -> None:
    """Integers with underscores, other scripts' digits, decimals or past 32 bits, and dates in
    other digits, are 400 with a Message."""
    url = yarl.URL(org(emu, "/events") + f"?{name}={value}", encoded=True)
    async with session.get(url, headers=bearer(emu)) as response:
        assert response.status == 400
        assert_amilia_error(await response.json())


async def test_a_path_with_cr_lf_is_an_amilia_404(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """Encoded CR/LF in an id reaches the router (and is Amilia's 404, not aiohttp's text)."""
    url = yarl.URL(org(emu, "/programs/1%0D%0A"), encoded=True)
    async with session.get(url, headers=bearer(emu)) as response:
        assert response.status == 404
        assert_amilia_error(await response.json())


async def test_wrong_method_is_405(emu: AmiliaEmulator, session: aiohttp.ClientSession) -> None:
    """PUT on a known path answers 405 with Allow."""
    async with session.put(org(emu, "/programs"), headers=bearer(emu)) as response:
        assert response.status == 405
        assert response.headers["Allow"] == "GET"


# -- organization id encoding ----------------------------------------------------------------


async def test_organization_is_matched_after_url_decoding(session: aiohttp.ClientSession) -> None:
    """An org id with a space and a slash works when percent-encoded, and Next keeps it encoded."""
    async with AmiliaEmulator(organization="Club A/B east", rate_limit=None) as emu:
        url = org(emu, "/accounts")
        assert "Club%20A%2FB%20east" in url
        items, _, nexts = await collect_v3(session, url, bearer(emu))
        assert len(items) == 450
        assert all("/org/Club%20A%2FB%20east/accounts?" in next_url for next_url in nexts)
        assert emu.server.requests.last.raw_path == "/api/v3/en/org/Club%20A%2FB%20east/accounts"


async def test_organization_number_is_accepted(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """The organization number works in place of the slug."""
    number = str(emu.data.organization_id)
    status, _ = await get_json(session, org(emu, "/programs", organization=number), bearer(emu))
    assert status == 200


# -- v2 paging -------------------------------------------------------------------------------


async def test_v2_activities_page_by_next_id(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """v2 /Activities pages by idStart/NextId without auth, ids ascending, limit 100 by default."""
    url = f"{emu.url}/PublicApi/{emu.organization}/en/Activities"
    status, body = await get_json(session, url)
    assert status == 200
    assert len(body["Items"]) == 100
    ids = [item["Id"] for item in body["Items"]]
    pages = 1
    while body["Page"]["NextId"] is not None:
        next_id = body["Page"]["NextId"]
        assert next_id > ids[-1]
        assert body["Page"]["Next"].endswith(f"idStart={next_id}")
        status, body = await get_json(session, body["Page"]["Next"])
        assert status == 200
        ids += [item["Id"] for item in body["Items"]]
        pages += 1
    assert body["Page"]["Next"] is None
    assert ids == sorted(set(ids))
    assert len(ids) >= 250
    assert pages >= 3
    assert len(ids) == sum(1 for a in emu.data.activities.values() if a["Status"] != "Hidden")


async def test_v2_id_start_and_limit(emu: AmiliaEmulator, session: aiohttp.ClientSession) -> None:
    """idStart is the minimum id returned; limit sets the page size."""
    url = f"{emu.url}/PublicApi/{emu.organization}/fr/Activities"
    ids = sorted(emu.data.activities)
    status, body = await get_json(session, url, limit=5, idStart=ids[10])
    assert status == 200
    assert [item["Id"] for item in body["Items"]] == ids[10:15]
    assert body["Page"]["NextId"] == ids[15]


@pytest.mark.parametrize("limit", ["4", "101", "lots"])
async def test_v2_limit_bounds(
    emu: AmiliaEmulator, session: aiohttp.ClientSession, limit: str
) -> None:
    """limit outside 5..100 (or not a number) is 400 with a Message."""
    url = f"{emu.url}/PublicApi/{emu.organization}/en/Programs"
    status, body = await get_json(session, url, limit=limit)
    assert status == 400
    assert_amilia_error(body)


async def test_v2_programs(emu: AmiliaEmulator, session: aiohttp.ClientSession) -> None:
    """v2 /Programs lists the visible programs; an unknown org is 404."""
    url = f"{emu.url}/PublicApi/{emu.organization}/en/Programs"
    status, body = await get_json(session, url, limit=5)
    assert status == 200
    assert len(body["Items"]) == 5
    assert body["Page"]["NextId"] is None
    status, _ = await get_json(session, f"{emu.url}/PublicApi/nobody/en/Programs")
    assert status == 404


# -- webhooks --------------------------------------------------------------------------------


WEBHOOK = {
    "Name": "new activities",
    "Url": "https://hooks.example.com/a",
    "Context": "Activity",
    "Action": "Create",
    "Version": "V1",
}


async def test_webhook_lifecycle(emu: AmiliaEmulator, session: aiohttp.ClientSession) -> None:
    """POST creates (201, {Id} only), GET lists a bare array, DELETE is 204 then 404."""
    headers = bearer(emu)
    spec = dict(WEBHOOK)
    async with session.post(org(emu, "/webhooks"), json=spec, headers=headers) as response:
        assert response.status == 201
        created = await response.json()
    assert list(created) == ["Id"]
    assert isinstance(created["Id"], int)
    status, listed = await get_json(session, org(emu, "/webhooks"), headers)
    assert status == 200
    assert len(listed) == 1
    assert listed[0]["Id"] == created["Id"]
    assert {k: listed[0][k] for k in spec} == spec
    assert len(emu.data.webhooks) == 1
    async with session.delete(org(emu, f"/webhooks/{created['Id']}"), headers=headers) as response:
        assert response.status == 204
        assert await response.read() == b""
    async with session.delete(org(emu, f"/webhooks/{created['Id']}"), headers=headers) as response:
        assert response.status == 404
        assert_amilia_error(await response.json())
    assert emu.data.webhooks == {}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"Name": None}, "Name"),
        ({"Name": "  "}, "Name"),
        ({"Url": "ftp://x.example/h"}, "Url"),
        ({"Url": "/relative"}, "Url"),
        ({"Url": "http://["}, "Url"),
        ({"Context": ""}, "Context"),
        ({"Action": ""}, "Action"),
    ],
    ids=[
        "no-name",
        "blank-name",
        "ftp-url",
        "relative-url",
        "broken-url",
        "no-context",
        "no-action",
    ],
)
async def test_webhook_validation_is_422(
    emu: AmiliaEmulator, session: aiohttp.ClientSession, change: dict[str, Any], field: str
) -> None:
    """Missing, blank or unusable values answer 422 naming the field; nothing is created."""
    spec = {k: v for k, v in {**WEBHOOK, **change}.items() if v is not None}
    async with session.post(org(emu, "/webhooks"), json=spec, headers=bearer(emu)) as response:
        assert response.status == 422
        body = await response.json()
    assert_amilia_error(body)
    assert list(body["Errors"]) == [field]
    assert emu.data.webhooks == {}


@pytest.mark.parametrize(
    "change",
    [
        {"Version": None},
        {"Version": ""},
        {"Version": "V9"},
        {"Context": "Order"},
        {"Context": "Registration"},
        {"Action": 3},
        {"Name": []},
        {"Url": {"href": "https://x.example"}},
        {"Context": ["Activity"]},
        {"Version": True},
    ],
    ids=[
        "no-version",
        "blank-version",
        "unknown-version",
        "unknown-context",
        "unlisted-context",
        "number-action",
        "array-name",
        "object-url",
        "array-context",
        "bool-version",
    ],
)
async def test_webhook_binding_errors_are_400(
    emu: AmiliaEmulator, session: aiohttp.ClientSession, change: dict[str, Any]
) -> None:
    """No Version, an unknown Version or Context, or a field of the wrong JSON type is 400."""
    spec = {k: v for k, v in {**WEBHOOK, **change}.items() if v is not None}
    async with session.post(org(emu, "/webhooks"), json=spec, headers=bearer(emu)) as response:
        assert response.status == 400
        assert_amilia_error(await response.json())
    assert emu.data.webhooks == {}


async def test_webhook_enum_values_bind_in_any_case(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """Context and Version match case-insensitively and are stored under their own spelling."""
    spec = {**WEBHOOK, "Context": "account", "Version": "v1"}
    async with session.post(org(emu, "/webhooks"), json=spec, headers=bearer(emu)) as response:
        assert response.status == 201
        created = await response.json()
    stored = emu.data.webhooks[created["Id"]]
    assert (stored["Context"], stored["Version"]) == ("Account", "V1")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"{nope",
        b"[1, 2]",
        b'"a string"',
        b"\xff\xfe\x00garbage",
        b"[" * 100_000 + b"]" * 100_000,
        b'{"Name":' * 50_000 + b"1" + b"}" * 50_000,
    ],
    ids=["empty", "broken", "array", "string", "not-utf8", "deep-array", "deep-object"],
)
async def test_webhook_body_must_be_a_json_object(
    emu: AmiliaEmulator, session: aiohttp.ClientSession, data: bytes
) -> None:
    """A body that is not a JSON object (however deep or undecodable) answers 400."""
    headers = {**bearer(emu), "Content-Type": "application/json"}
    async with session.post(org(emu, "/webhooks"), data=data, headers=headers) as response:
        assert response.status == 400
        assert_amilia_error(await response.json())
    assert emu.data.webhooks == {}


# -- rate limit, recording, faults -----------------------------------------------------------


async def test_rate_limit_answers_429_with_retry_after(session: aiohttp.ClientSession) -> None:
    """Past rate_limit calls in a second the server answers 429, Retry-After and an Amilia body."""
    async with AmiliaEmulator(rate_limit=5) as emu:
        headers = bearer(emu)
        statuses = []
        for _ in range(6):
            async with session.get(org(emu, "/programs"), headers=headers) as response:
                statuses.append(response.status)
                last_headers, last_body = response.headers, await response.json()
    assert statuses == [200] * 5 + [429]
    assert float(last_headers["Retry-After"]) > 0
    assert_amilia_error(last_body, "Too Many Requests")


async def test_no_rate_limit_when_disabled(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """rate_limit=None never answers 429."""
    headers = bearer(emu)
    for _ in range(120):
        async with session.get(org(emu, "/memberships"), headers=headers) as response:
            assert response.status == 200
    assert emu.server.rate_limit is None


async def test_requests_are_recorded_with_headers(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """The kit's request log shows the X-Amilia-Origin header as sent."""
    headers = {**bearer(emu), "X-Amilia-Origin": "dev@example.com"}
    await get_json(session, org(emu, "/programs"), headers)
    last = emu.server.requests.last
    assert last.headers["X-Amilia-Origin"] == "dev@example.com"
    assert last.status == 200


async def test_kit_faults_get_amilia_error_bodies(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """A Fault.status error is answered in Amilia's shape; a custom fault body is left alone."""
    emu.server.faults.add(Fault.status(500), path=f"/api/v3/en/org/{emu.organization}/programs")
    emu.server.faults.add(Fault.status(503, json={"custom": True}))
    status, body = await get_json(session, org(emu, "/programs"), bearer(emu))
    assert status == 500
    assert_amilia_error(body, "Internal Server Error")
    status, body = await get_json(session, org(emu, "/programs"), bearer(emu))
    assert (status, body) == (503, {"custom": True})


# -- the store -------------------------------------------------------------------------------


def test_seeded_data_is_deterministic() -> None:
    """The same seed and day give the same data; another seed gives other data."""
    first = AmiliaEmulator(seed=7, today=TODAY, rate_limit=None).data
    again = AmiliaEmulator(seed=7, today=TODAY, rate_limit=None).data
    other = AmiliaEmulator(seed=8, today=TODAY, rate_limit=None).data
    assert first.accounts == again.accounts
    assert first.events == again.events
    assert first.accounts != other.accounts
    assert len(first.accounts) == 470
    assert (
        sum(
            1
            for program in first.programs.values()
            if not program["IsArchived"] and program["IsVisible"]
        )
        == 4
    )


async def test_store_changes_are_served(
    emu: AmiliaEmulator, session: aiohttp.ClientSession
) -> None:
    """Editing the store changes what the API answers."""
    program_id = next(iter(emu.data.programs))
    del emu.data.programs[program_id]
    status, _ = await get_json(session, org(emu, f"/programs/{program_id}"), bearer(emu))
    assert status == 404

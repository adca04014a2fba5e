"""The IntakeQ emulator, driven over loopback with a plain aiohttp session."""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from intakeq_async.emulator import ROUTES, SEED_NOW, UNCONFIRMED, IntakeQEmulator

UTC = dt.timezone.utc


class FakeClock:
    """A clock a test advances by hand."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def emu() -> AsyncIterator[IntakeQEmulator]:
    async with IntakeQEmulator(per_minute=None, per_day=None) as emulator:
        yield emulator


@pytest.fixture
async def session(emu: IntakeQEmulator) -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(headers={"X-Auth-Key": emu.api_key}) as client_session:
        yield client_session


async def call(
    session: aiohttp.ClientSession,
    emu: IntakeQEmulator,
    method: str,
    path: str,
    *,
    json: Any = None,
    **params: Any,
) -> tuple[int, Any]:
    """One request; the body parsed as JSON when it is JSON, else as text."""
    query = {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in params.items()}
    async with session.request(method, emu.url + path, params=query, json=json) as response:
        if response.content_type == "application/json":
            return response.status, await response.json()
        return response.status, await response.text()


async def get(
    session: aiohttp.ClientSession, emu: IntakeQEmulator, path: str, **params: Any
) -> tuple[int, Any]:
    return await call(session, emu, "GET", path, **params)


async def pages(
    session: aiohttp.ClientSession, emu: IntakeQEmulator, path: str, **params: Any
) -> list[list[dict[str, Any]]]:
    """Every page of a query endpoint, up to and including the first short one."""
    out: list[list[dict[str, Any]]] = []
    page = 1
    while True:
        status, body = await get(session, emu, path, page=page, **params)
        assert status == 200, body
        out.append(body)
        if len(body) < 100:
            return out
        page += 1


def ms(day: dt.date) -> int:
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp() * 1000)


# -- auth and quota ---------------------------------------------------------------------------


async def test_missing_key_is_401_with_plain_text(emu: IntakeQEmulator) -> None:
    """A request without X-Auth-Key is answered 401 "Unauthorized" in plain text."""
    async with (
        aiohttp.ClientSession() as bare,
        bare.get(f"{emu.url}/clients") as response,
    ):
        assert response.status == 401
        assert response.content_type == "text/plain"
        assert await response.text() == "Unauthorized"


async def test_wrong_key_is_401_and_takes_no_quota(emu: IntakeQEmulator) -> None:
    """A wrong key is refused and does not count against the quota."""
    async with aiohttp.ClientSession(headers={"X-Auth-Key": "nope"}) as wrong:
        status, _ = await get(wrong, emu, "/clients")
    assert status == 401
    assert emu.quota_used() == (0, 0)


async def test_minute_quota_answers_429_until_a_slot_frees() -> None:
    """The 4th request in a minute (per_minute=3) is 429 with Retry-After; time frees it."""
    clock = FakeClock()
    async with (
        IntakeQEmulator(per_minute=3, per_day=None, clock=clock, clients=5) as emu,
        aiohttp.ClientSession(headers={"X-Auth-Key": emu.api_key}) as session,
    ):
        for _ in range(3):
            assert (await get(session, emu, "/folders"))[0] == 200
            clock.now += 1
        async with session.get(f"{emu.url}/folders") as response:
            assert response.status == 429
            assert response.headers["Retry-After"] == "57"  # the first leaves at 1060
            assert await response.text() == "Too Many Requests"
        assert emu.quota_used() == (3, 3)  # the refused request took no slot
        clock.now += 56.5
        async with session.get(f"{emu.url}/folders") as response:
            assert response.status == 429
            assert response.headers["Retry-After"] == "1"  # 0.5 s rounds up
        clock.now += 0.5
        assert (await get(session, emu, "/folders"))[0] == 200
        assert emu.quota_used() == (3, 4)


async def test_day_quota_answers_429_until_the_day_window_moves() -> None:
    """per_day counts over a sliding 86,400 s window, independently of the minute window."""
    clock = FakeClock()
    async with (
        IntakeQEmulator(per_minute=10, per_day=2, clock=clock, clients=5) as emu,
        aiohttp.ClientSession(headers={"X-Auth-Key": emu.api_key}) as session,
    ):
        assert (await get(session, emu, "/folders"))[0] == 200
        clock.now += 3_600
        assert (await get(session, emu, "/folders"))[0] == 200
        clock.now += 3_600
        async with session.get(f"{emu.url}/folders") as response:
            assert response.status == 429
            assert response.headers["Retry-After"] == str(86_400 - 7_200)
        assert emu.quota_used() == (0, 2)
        clock.now += 86_400 - 7_200
        assert (await get(session, emu, "/folders"))[0] == 200
        assert emu.quota_used() == (1, 2)


async def test_quota_none_disables_both_windows(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """With both windows None nothing is refused, and usage is still reported."""
    for _ in range(12):
        assert (await get(session, emu, "/folders"))[0] == 200
    assert emu.quota_used() == (12, 12)


# -- routing ----------------------------------------------------------------------------------


def test_route_table_holds_the_33_operations() -> None:
    """ROUTES has one entry per operation of intakeq.tsv, none twice."""
    assert len(ROUTES) == 33
    assert len({(method, path) for method, path, _ in ROUTES}) == 33
    assert set(UNCONFIRMED) <= {(method, path) for method, path, _ in ROUTES}


async def test_paths_match_case_insensitively_and_unknown_paths_are_404(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """ASP.NET matches paths in any case; an unknown path is 404, another method 405."""
    assert (await get(session, emu, "/Appointments/Settings"))[0] == 200
    assert (await get(session, emu, "/nothing-here"))[0] == 404
    status, _ = await call(session, emu, "PATCH", "/clients")
    assert status == 405


@pytest.mark.parametrize(
    "path",
    [
        "/clients/profile/99999",
        "/clients/profile/abc",
        "/client/99999/diagnoses",
        "/appointments/000000000000000000000000",
        "/intakes/00000000-0000-0000-0000-000000000000",
        "/intakes/00000000-0000-0000-0000-000000000000/pdf",
        "/intakes/00000000-0000-0000-0000-000000000000/consent/abc/pdf",
        "/attachments/nope",
        "/notes/nope",
        "/notes/nope/pdf",
        "/invoices/nope",
        "/files/nope",
    ],
)
async def test_unknown_ids_are_404(
    emu: IntakeQEmulator, session: aiohttp.ClientSession, path: str
) -> None:
    """Every lookup by an id that does not exist answers 404."""
    status, _ = await get(session, emu, path)
    assert status == 404


# -- clients ----------------------------------------------------------------------------------


async def test_250_clients_page_over_three_pages(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """Pages of 100, 100 and 50; the short page is the last; page 4 is empty."""
    got = await pages(session, emu, "/clients")
    assert [len(p) for p in got] == [100, 100, 50]
    numbers = [c["ClientNumber"] for p in got for c in p]
    assert numbers == sorted(emu.data.clients)
    assert all("ClientId" not in c for p in got for c in p)
    assert (await get(session, emu, "/clients", page=4))[1] == []


async def test_include_profile_returns_full_profiles(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """includeProfile=true lists full profiles carrying ClientId and custom fields."""
    status, body = await get(session, emu, "/clients", includeProfile=True)
    assert status == 200
    assert body[0] == emu.data.clients[body[0]["ClientId"]]
    assert {"ClientId", "CustomFields", "Tags", "DateOfBirth"} <= set(body[0])


async def test_search_matches_name_email_phone_and_exact_id(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """search is partial over name, email and phone digits; a client id is an exact match."""
    clients = list(emu.data.clients.values())
    expected = {c["ClientId"] for c in clients if "paula" in c["Name"].lower()}
    expected |= {c["ClientId"] for c in clients if "paula" in c["Email"]}
    found = {
        c["ClientNumber"] for p in await pages(session, emu, "/clients", search="PAULA") for c in p
    }
    assert found == expected
    assert found
    target = clients[41]
    _, body = await get(session, emu, "/clients", search=target["Email"])
    assert [c["ClientNumber"] for c in body] == [target["ClientId"]]
    _, body = await get(session, emu, "/clients", search=str(target["ClientId"]))
    assert [c["ClientNumber"] for c in body] == [target["ClientId"]]
    _, body = await get(session, emu, "/clients", search=target["Phone"])
    assert target["ClientId"] in [c["ClientNumber"] for c in body]


async def test_date_filters_bound_creation_and_update_days(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """dateCreatedStart/End and dateUpdatedStart/End are inclusive yyyy-MM-dd days (UTC)."""
    start, end = dt.date(2024, 1, 1), dt.date(2024, 6, 30)
    found = await pages(
        session, emu, "/clients", dateCreatedStart=start.isoformat(), dateCreatedEnd=end.isoformat()
    )
    expected = [
        c["ClientId"]
        for c in emu.data.clients.values()
        if ms(start) <= c["DateCreated"] < ms(end + dt.timedelta(days=1))
    ]
    assert [c["ClientNumber"] for p in found for c in p] == expected
    assert expected
    since = dt.date(2025, 3, 1)
    found = await pages(session, emu, "/clients", dateUpdatedStart=since.isoformat())
    expected = [
        c["ClientId"] for c in emu.data.clients.values() if c["LastUpdateDate"] >= ms(since)
    ]
    assert [c["ClientNumber"] for p in found for c in p] == expected
    assert expected
    status, body = await get(session, emu, "/clients", dateCreatedStart="01/02/2024")
    assert status == 400
    assert "yyyy-MM-dd" in body


async def test_custom_field_and_external_id_filters(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """custom.fieldId=value and externalClientId filter exactly; the other custom-field
    forms (custom[fieldId], custom[[fieldId]], a bare custom) are refused with a 400."""
    expected = [
        c["ClientId"]
        for c in emu.data.clients.values()
        if any(f["FieldId"] == "rfsr" and f["Value"] == "Friend" for f in c["CustomFields"])
    ]
    for key in ("custom.rfsr", "Custom.RFSR"):
        found = await pages(session, emu, "/clients", **{key: "friend"})
        assert [c["ClientNumber"] for p in found for c in p] == expected
        assert expected
    for key in ("custom[rfsr]", "custom[[rfsr]]", "custom", "custom.", "custom.[rfsr]"):
        status, text = await get(session, emu, "/clients", **{key: "friend"})
        assert status == 400, key
        assert "custom.{fieldId}=value" in text
    _, body = await get(session, emu, "/clients", externalClientId="EXT-00010")
    assert [c["ClientNumber"] for c in body] == [10]


async def test_deleted_only_lists_deleted_clients(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """deletedOnly=true lists only the deleted clients, which the default listing omits."""
    _, body = await get(session, emu, "/clients", deletedOnly=True)
    assert sorted(c["ClientNumber"] for c in body) == sorted(emu.data.deleted_clients)
    assert not set(emu.data.deleted_clients) & set(emu.data.clients)


async def test_create_then_update_a_client(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """POST /clients without ClientId creates; with it, updates only the fields sent."""
    status, created = await call(
        session,
        emu,
        "POST",
        "/clients",
        json={"FirstName": "Ada", "LastName": "Byron", "Email": "ada@example.org"},
    )
    assert status == 200
    assert created["Name"] == "Ada Byron"
    assert created["ClientId"] == max(emu.data.clients)
    client_id = created["ClientId"]
    status, updated = await call(
        session, emu, "POST", "/clients", json={"ClientId": client_id, "Phone": "(555) 010-0101"}
    )
    assert status == 200
    assert updated["Phone"] == "(555) 010-0101"
    assert updated["Email"] == "ada@example.org"
    status, profile = await get(session, emu, f"/clients/profile/{client_id}")
    assert status == 200
    assert profile == updated
    _, body = await get(session, emu, "/clients", search="ada byron")
    assert [c["ClientNumber"] for c in body] == [client_id]


@pytest.mark.parametrize(
    ("payload", "status", "fragment"),
    [
        ({"Email": "someone@example.org"}, 400, "name is required"),
        ({"Name": "Bad Email", "Email": "not-an-email"}, 400, "not a valid email"),
        ({"Name": "X", "CustomFields": [{"FieldId": "zzzz", "Value": "1"}]}, 400, "zzzz"),
        ({"ClientId": 99999, "Name": "Ghost"}, 404, "99999"),
    ],
)
async def test_saving_an_invalid_client_is_refused(
    emu: IntakeQEmulator,
    session: aiohttp.ClientSession,
    payload: dict[str, Any],
    status: int,
    fragment: str,
) -> None:
    """A missing name or a bad email is 400; updating an unknown ClientId is 404."""
    before = len(emu.data.clients)
    got, body = await call(session, emu, "POST", "/clients", json=payload)
    assert got == status
    assert fragment in body
    assert len(emu.data.clients) == before


async def test_tags_are_added_and_removed(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """POST /clientTags adds a tag once; DELETE /clientTags?clientId=&tag= removes it."""
    body = {"ClientId": 7, "Tag": "VIP"}
    assert (await call(session, emu, "POST", "/clientTags", json=body))[0] == 200
    assert (await call(session, emu, "POST", "/clientTags", json=body))[0] == 200
    assert emu.data.clients[7]["Tags"].count("VIP") == 1
    status, _ = await call(session, emu, "DELETE", "/clientTags", clientId=7, tag="vip")
    assert status == 200
    assert "VIP" not in emu.data.clients[7]["Tags"]
    assert (await call(session, emu, "POST", "/clientTags", json={"ClientId": 7}))[0] == 400
    bad = {"ClientId": 99999, "Tag": "x"}
    assert (await call(session, emu, "POST", "/clientTags", json=bad))[0] == 404


async def test_diagnoses_of_a_client(emu: IntakeQEmulator, session: aiohttp.ClientSession) -> None:
    """GET /client/{id}/diagnoses lists the client's diagnoses (an empty list when none)."""
    status, body = await get(session, emu, "/client/3/diagnoses")
    assert status == 200
    assert body == emu.data.diagnoses[3]
    assert body[0]["Code"]
    assert (await get(session, emu, "/client/1/diagnoses"))[1] == []


# -- appointments -----------------------------------------------------------------------------


async def test_appointments_page_newest_first(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """Appointments come newest first over several pages, with the string twins."""
    got = await pages(session, emu, "/appointments")
    assert [len(p) for p in got] == [100, 100, 100, 20]
    starts = [a["StartDate"] for p in got for a in p]
    assert starts == sorted(starts, reverse=True)
    first = got[0][0]
    iso = dt.datetime.fromtimestamp(first["StartDate"] / 1000, tz=UTC).strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )
    assert first["StartDateIso"] == iso
    assert first["StartDateLocal"]


async def test_appointment_filters(emu: IntakeQEmulator, session: aiohttp.ClientSession) -> None:
    """status, practitionerEmail, startDate/endDate, client, updatedSince, deletedOnly filter."""
    everything = list(emu.data.appointments.values())
    email = everything[0]["PractitionerEmail"]
    start, end = dt.date(2025, 5, 1), dt.date(2025, 5, 31)
    found = await pages(
        session,
        emu,
        "/appointments",
        status="canceled",
        practitionerEmail=email.upper(),
        startDate=start.isoformat(),
        endDate=end.isoformat(),
    )
    expected = {
        a["Id"]
        for a in everything
        if a["Status"] == "Canceled"
        and a["PractitionerEmail"] == email
        and ms(start) <= a["StartDate"] < ms(end + dt.timedelta(days=1))
    }
    assert {a["Id"] for p in found for a in p} == expected
    name = everything[5]["ClientName"]
    _, body = await get(session, emu, "/appointments", client=name.lower())
    assert body
    assert all(a["ClientName"] == name for a in body)
    since = (SEED_NOW - dt.timedelta(days=10)).date()
    _, body = await get(session, emu, "/appointments", updatedSince=since.isoformat())
    assert all(a["LastModified"] >= ms(since) for a in body)
    _, body = await get(session, emu, "/appointments", deletedOnly=True)
    assert {a["Id"] for a in body} == set(emu.data.deleted_appointments)


async def test_settings_list_locations_services_practitioners(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """GET /appointments/settings answers {Locations, Services, Practitioners}."""
    status, body = await get(session, emu, "/appointments/settings")
    assert status == 200
    assert set(body) == {"Locations", "Services", "Practitioners"}
    assert all({"Id", "Name", "Duration", "Price"} <= set(s) for s in body["Services"])


async def test_book_reschedule_and_cancel_an_appointment(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """Create (POST), update (PUT) and cancel an appointment; the store follows."""
    _, settings = await get(session, emu, "/appointments/settings")
    service, location = settings["Services"][0], settings["Locations"][0]
    practitioner = settings["Practitioners"][0]
    start = int(dt.datetime(2025, 7, 1, 14, 0, tzinfo=UTC).timestamp() * 1000)
    status, created = await call(
        session,
        emu,
        "POST",
        "/appointments",
        json={
            "PractitionerId": practitioner["Id"],
            "ClientId": 12,
            "ServiceId": service["Id"],
            "LocationId": location["Id"],
            "UtcDateTime": start,
            "Status": "WaitingConfirmation",
            "ReminderType": "Sms",
            "SendClientEmailNotification": False,
        },
    )
    assert status == 200, created
    assert created["StartDate"] == start
    assert created["EndDate"] == start + service["Duration"] * 60_000
    assert created["StartDateIso"] == "2025-07-01T14:00:00Z"
    assert created["ClientName"] == emu.data.clients[12]["Name"]
    later = start + 3_600_000
    status, updated = await call(
        session,
        emu,
        "PUT",
        "/appointments",
        json={"Id": created["Id"], "UtcDateTime": later, "Status": "Confirmed"},
    )
    assert status == 200
    assert updated["StartDate"] == later
    assert updated["Status"] == "Confirmed"
    status, _ = await call(
        session,
        emu,
        "POST",
        "/appointments/cancellation",
        json={"AppointmentId": created["Id"], "Reason": "Feeling better"},
    )
    assert status == 200
    status, fetched = await get(session, emu, f"/appointments/{created['Id']}")
    assert fetched["Status"] == "Canceled"
    assert fetched["CancellationReason"] == "Feeling better"


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"PractitionerId": None}, "PractitionerId is required"),
        ({"ClientId": 99999}, "ClientId"),
        ({"ServiceId": "nope"}, "ServiceId"),
        ({"LocationId": 42}, "LocationId"),
        ({"UtcDateTime": None}, "UtcDateTime"),
        ({"Status": "Maybe"}, "Status"),
        ({"Status": "WaitingConfirmation", "SendClientEmailNotification": True}, "Confirmed"),
    ],
)
async def test_booking_validates_its_fields(
    emu: IntakeQEmulator,
    session: aiohttp.ClientSession,
    change: dict[str, Any],
    fragment: str,
) -> None:
    """A missing or unknown reference, time or status is a 400 naming the field."""
    data = emu.data
    body: dict[str, Any] = {
        "PractitionerId": next(iter(data.practitioners)),
        "ClientId": 1,
        "ServiceId": next(iter(data.services)),
        "LocationId": 1,
        "UtcDateTime": 1_751_378_400_000,
        **change,
    }
    status, text = await call(session, emu, "POST", "/appointments", json=body)
    assert status == 400
    assert fragment in text


async def test_update_and_cancel_need_a_known_id(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """PUT without Id is 400, with an unknown Id 404; cancelling an unknown id is 404."""
    assert (await call(session, emu, "PUT", "/appointments", json={}))[0] == 400
    assert (await call(session, emu, "PUT", "/appointments", json={"Id": "x"}))[0] == 404
    body = {"AppointmentId": "x", "Reason": "r"}
    assert (await call(session, emu, "POST", "/appointments/cancellation", json=body))[0] == 404


# -- intakes, questionnaires, practitioners ---------------------------------------------------


async def test_send_read_resend_and_answer_an_intake(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """Send a questionnaire, read the intake, resend it, answer its office-use questions."""
    _, forms = await get(session, emu, "/questionnaires")
    form = next(f for f in forms if f["Name"] == "New Client Intake")
    status, intake = await call(
        session, emu, "POST", "/intakes/send", json={"QuestionnaireId": form["Id"], "ClientId": 4}
    )
    assert status == 200, intake
    assert intake["Status"] == "Sent"
    assert intake["ClientId"] == 4
    status, full = await get(session, emu, f"/intakes/{intake['Id']}")
    assert status == 200
    assert full == intake
    assert full["Questions"]
    body = {"IntakeId": intake["Id"], "DeliveryMethod": "Sms"}
    assert (await call(session, emu, "POST", "/intakes/resend", json=body))[0] == 200
    assert emu.data.deliveries[-1] == {
        "IntakeId": intake["Id"],
        "DeliveryMethod": "Sms",
        "Resent": True,
        "Time": emu.data.deliveries[-1]["Time"],
    }
    office = next(q for q in full["Questions"] if q["OfficeUse"])
    status, answered = await call(
        session,
        emu,
        "POST",
        "/intakes",
        json={"Id": intake["Id"], "Questions": [{"Id": office["Id"], "Answer": "Calm, engaged"}]},
    )
    assert status == 200
    assert next(q for q in answered["Questions"] if q["Id"] == office["Id"])["Answer"] == (
        "Calm, engaged"
    )
    client_question = next(q for q in full["Questions"] if not q["OfficeUse"])
    status, text = await call(
        session,
        emu,
        "POST",
        "/intakes",
        json={"Id": intake["Id"], "Questions": [{"Id": client_question["Id"], "Answer": "x"}]},
    )
    assert status == 400
    assert "office-use" in text


async def test_sending_to_a_new_person_creates_the_client(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """ClientName + ClientEmail without ClientId creates the client the intake goes to."""
    form = next(f for f in emu.data.questionnaires.values() if not f["Archived"])
    before = len(emu.data.clients)
    status, intake = await call(
        session,
        emu,
        "POST",
        "/intakes/send",
        json={"QuestionnaireId": form["Id"], "ClientName": "Nia Ward", "ClientEmail": "n@w.org"},
    )
    assert status == 200
    assert len(emu.data.clients) == before + 1
    assert emu.data.clients[intake["ClientId"]]["Email"] == "n@w.org"


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"ClientId": 1}, "QuestionnaireId is required"),
        ({"QuestionnaireId": "nope", "ClientId": 1}, "QuestionnaireId"),
        ({"QuestionnaireId": "FORM"}, "ClientName and ClientEmail"),
    ],
)
async def test_send_validates_its_fields(
    emu: IntakeQEmulator, session: aiohttp.ClientSession, body: dict[str, Any], fragment: str
) -> None:
    """A missing questionnaire or recipient is a 400."""
    form = next(f for f in emu.data.questionnaires.values() if not f["Archived"])
    body = {k: form["Id"] if v == "FORM" else v for k, v in body.items()}
    status, text = await call(session, emu, "POST", "/intakes/send", json=body)
    assert status == 400
    assert fragment in text


async def test_resend_of_an_unknown_intake_is_404(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """Resending an intake that does not exist is 404; a bad delivery method 400."""
    assert (await call(session, emu, "POST", "/intakes/resend", json={"IntakeId": "x"}))[0] == 404
    intake_id = next(iter(emu.data.intakes))
    body = {"IntakeId": intake_id, "DeliveryMethod": "Pigeon"}
    assert (await call(session, emu, "POST", "/intakes/resend", json=body))[0] == 400


async def test_intake_summaries_are_completed_only_unless_all(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """The summary lists completed intakes (no Questions) unless all=true; clientId filters."""
    completed = {i["Id"] for i in emu.data.intakes.values() if i["Status"] == "Completed"}
    found = await pages(session, emu, "/intakes/summary")
    assert {i["Id"] for p in found for i in p} == completed
    assert all("Questions" not in i for p in found for i in p)
    found = await pages(session, emu, "/intakes/summary", all=True)
    assert {i["Id"] for p in found for i in p} == set(emu.data.intakes)
    client_id = next(iter(emu.data.intakes.values()))["ClientId"]
    _, body = await get(session, emu, "/intakes/summary", all=True, clientId=client_id)
    assert body
    assert all(i["ClientId"] == client_id for i in body)


async def test_intake_and_note_pdfs_are_real_pdfs(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """The PDF downloads are application/pdf bodies starting %PDF- and ending %%EOF."""
    intake_id, note_id = next(iter(emu.data.intakes)), next(iter(emu.data.notes))
    for path in (f"/intakes/{intake_id}/pdf", f"/notes/{note_id}/pdf"):
        async with session.get(emu.url + path) as response:
            assert response.status == 200
            assert response.content_type == "application/pdf"
            body = await response.read()
        assert body.startswith(b"%PDF-")
        assert body.rstrip().endswith(b"%%EOF")


async def test_consent_form_pdf_of_an_intake(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """GET /intakes/{id}/consent/{consentFormId}/pdf serves a PDF of one of the intake's
    ConsentForms; a form id of another intake, or none, is 404."""
    (one, first), (two, _) = list(emu.data.intakes.items())[:2]
    form_id = first["ConsentForms"][0]["Id"]
    async with session.get(f"{emu.url}/intakes/{one}/consent/{form_id}/pdf") as response:
        assert response.status == 200
        assert response.content_type == "application/pdf"
        assert f"consent-{form_id}.pdf" in response.headers["Content-Disposition"]
        assert (await response.read()).startswith(b"%PDF-")
    assert (await get(session, emu, f"/intakes/{two}/consent/{form_id}/pdf"))[0] == 404
    assert (await get(session, emu, f"/intakes/{one}/consent/nope/pdf"))[0] == 404


@pytest.mark.parametrize(
    ("method", "path", "payload", "fragment"),
    [
        ("POST", "/clients", {"Name": "X", "CustomFields": [{"FieldId": []}]}, "FieldId"),
        ("POST", "/clients", {"Name": "X", "CustomFields": {"FieldId": "rfsr"}}, "CustomFields"),
        ("POST", "/clients", {"Name": "X", "DateOfBirth": 1e30}, "DateOfBirth"),
        ("POST", "/intakes", {"Id": "i", "Questions": [{"Id": []}]}, "Id"),
        ("POST", "/clientTags", {"ClientId": [], "Tag": "x"}, "ClientId"),
        ("POST", "/appointments/cancellation", {"AppointmentId": {}}, "AppointmentId"),
        ("PUT", "/appointments", {"Id": "a", "UtcDateTime": "soon"}, "UtcDateTime"),
    ],
)
async def test_a_field_of_the_wrong_type_is_a_400_naming_it(
    emu: IntakeQEmulator,
    session: aiohttp.ClientSession,
    method: str,
    path: str,
    payload: dict[str, Any],
    fragment: str,
) -> None:
    """Wrong types inside bodies (issue 19) are refused with IntakeQ's plain-text 400."""
    if path == "/intakes":
        payload["Id"] = next(iter(emu.data.intakes))
    if method == "PUT":
        payload["Id"] = next(iter(emu.data.appointments))
    status, text = await call(session, emu, method, path, json=payload)
    assert status == 400
    assert fragment in text


@pytest.mark.parametrize(
    "raw",
    [
        b'{"PractitionerId": "p", "UtcDateTime": 1e400}',
        b'{"UtcDateTime": NaN}',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
        b"[1, 2]",
    ],
)
async def test_a_body_that_is_no_json_object_or_out_of_range_is_a_400(
    emu: IntakeQEmulator, session: aiohttp.ClientSession, raw: bytes
) -> None:
    """1e400, NaN, nesting past the parser, or an array where an object goes: 400, not 500."""
    headers = {"Content-Type": "application/json"}
    async with session.post(f"{emu.url}/appointments", data=raw, headers=headers) as answer:
        assert answer.status == 400
        assert answer.content_type == "text/plain"


async def test_attachment_downloads_its_bytes(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """GET /attachments/{id} serves an intake attachment's bytes and type."""
    attachment_id, (meta, stored) = next(iter(emu.data.attachments.items()))
    async with session.get(f"{emu.url}/attachments/{attachment_id}") as response:
        assert response.status == 200
        assert response.content_type == meta["ContentType"]
        assert await response.read() == stored


async def test_practitioners_hide_inactive_unless_asked(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """includeInactive=true adds the inactive practitioners."""
    _, active = await get(session, emu, "/practitioners")
    _, everyone = await get(session, emu, "/practitioners", includeInactive=True)
    assert all(p["IsActive"] for p in active)
    assert len(everyone) == len(emu.data.practitioners) > len(active)


# -- notes, invoices, claims ------------------------------------------------------------------


async def test_note_status_filter_uses_1_and_2(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """status=1 lists locked notes, status=2 unlocked ones; the full note has Questions. The
    words (status=locked) and other numbers are a 400, not an unfiltered list."""
    locked = await pages(session, emu, "/notes/summary", status=1)
    unlocked = await pages(session, emu, "/notes/summary", status=2)
    assert {n["Status"] for p in locked for n in p} == {"locked"}
    assert {n["Status"] for p in unlocked for n in p} == {"unlocked"}
    assert sum(map(len, locked + unlocked)) == len(emu.data.notes)
    note_id = locked[0][0]["Id"]
    assert (await get(session, emu, f"/notes/{note_id}"))[1]["Questions"]
    for wrong in ("locked", "Unlocked", "3", "0", "1.0", "true"):
        status, text = await get(session, emu, "/notes/summary", status=wrong)
        assert status == 400, wrong
        assert "status" in text


async def test_invoice_filters_take_one_spelling_of_the_last_update_range(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """lastUpdatedStartDate/EndDate filter on LastModified; the other spelling is a 400 naming
    the right one. status, clientId and number filter too."""
    since, until = dt.date(2025, 4, 1), dt.date(2025, 5, 1)
    expected = {
        i["Id"]
        for i in emu.data.invoices.values()
        if ms(since) <= i["LastModified"] < ms(until + dt.timedelta(days=1))
    }
    found = await pages(
        session,
        emu,
        "/invoices",
        lastUpdatedStartDate=since.isoformat(),
        lastUpdatedEndDate=until.isoformat(),
    )
    assert {i["Id"] for p in found for i in p} == expected
    assert expected
    for wrong, right in (
        ("lastUpdateStartDate", "lastUpdatedStartDate"),
        ("lastUpdateEndDate", "lastUpdatedEndDate"),
    ):
        status, text = await get(session, emu, "/invoices", **{wrong: since.isoformat()})
        assert status == 400
        assert right in text
    _, body = await get(session, emu, "/invoices", status="unpaid")
    assert body
    assert {i["Status"] for i in body} == {"Unpaid"}
    invoice = next(iter(emu.data.invoices.values()))
    _, body = await get(session, emu, "/invoices", clientId=invoice["ClientIdNumber"])
    assert invoice["Id"] in {i["Id"] for i in body}
    _, body = await get(session, emu, "/invoices", number=invoice["Number"])
    assert [i["Id"] for i in body] == [invoice["Id"]]
    assert (await get(session, emu, f"/invoices/{invoice['Id']}"))[1] == invoice


async def test_claims_filter_by_client(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """GET /claims?clientId= lists that client's claims only."""
    claim = next(iter(emu.data.claims.values()))
    _, body = await get(session, emu, "/claims", clientId=claim["ClientId"])
    assert claim["Id"] in {c["Id"] for c in body}
    assert all(c["ClientId"] == claim["ClientId"] for c in body)


# -- files ------------------------------------------------------------------------------------


async def test_files_need_a_client_id(emu: IntakeQEmulator, session: aiohttp.ClientSession) -> None:
    """GET /files without clientId is a 400 bad request."""
    status, text = await get(session, emu, "/files")
    assert status == 400
    assert "clientId" in text


async def test_folders_are_listed(emu: IntakeQEmulator, session: aiohttp.ClientSession) -> None:
    """GET /folders answers [{Id, Name}]."""
    _, body = await get(session, emu, "/folders")
    assert body == list(emu.data.folders.values())
    assert set(body[0]) == {"Id", "Name"}


@pytest.mark.parametrize("size", [0, 1, 3 * 1024 * 1024 + 7])
async def test_upload_download_delete_keeps_bytes_identical(
    emu: IntakeQEmulator, session: aiohttp.ClientSession, size: int
) -> None:
    """An uploaded file lists, downloads byte for byte with its type and name, then deletes."""
    payload = os.urandom(size)
    form = aiohttp.FormData(quote_fields=False)  # as common's transport sends it
    form.add_field(
        "file", io.BytesIO(payload), filename="scan “1”.bin", content_type="application/x-scan"
    )
    async with session.post(f"{emu.url}/files/9", data=form) as response:
        assert response.status == 200
        meta = await response.json()
    assert meta["Size"] == size
    assert meta["FileName"] == "scan “1”.bin"
    _, listed = await get(session, emu, "/files", clientId=9)
    assert meta in listed
    async with session.get(f"{emu.url}/files/{meta['Id']}") as response:
        assert response.status == 200
        assert response.headers["Content-Type"] == "application/x-scan"
        disposition = response.headers["Content-Disposition"]
        assert disposition.startswith('attachment; filename="scan ?1?.bin"')
        assert "filename*=UTF-8''" in disposition
        assert await response.read() == payload
    assert (await call(session, emu, "DELETE", f"/files/{meta['Id']}"))[0] == 200
    assert (await get(session, emu, f"/files/{meta['Id']}"))[0] == 404
    assert meta not in (await get(session, emu, "/files", clientId=9))[1]


async def test_upload_refuses_a_body_without_a_file(
    emu: IntakeQEmulator, session: aiohttp.ClientSession
) -> None:
    """A multipart body without a file part is 400; an unknown client is 404."""
    form = aiohttp.FormData()
    form.add_field("note", "no file here")
    async with session.post(f"{emu.url}/files/9", data=form) as response:
        assert response.status == 400
    form = aiohttp.FormData()
    form.add_field("file", b"x", filename="a.txt")
    async with session.post(f"{emu.url}/files/99999", data=form) as response:
        assert response.status == 404


async def test_seeding_is_deterministic() -> None:
    """The same seed gives the same practice; another seed another one."""
    one, two = IntakeQEmulator(seed=5, clients=20), IntakeQEmulator(seed=5, clients=20)
    other = IntakeQEmulator(seed=6, clients=20)
    assert one.data.clients == two.data.clients
    assert one.data.appointments == two.data.appointments
    assert one.data.clients != other.data.clients

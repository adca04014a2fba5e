"""IntakeQClient against the IntakeQ emulator over loopback: every row, the flows, the quota."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from common import AuthenticationError, InvalidRequestError, Quota, WindowQuota
from intakeq_async import IntakeQClient, paths
from intakeq_async.emulator import IntakeQEmulator
from intakeq_async.models import (
    AppointmentInput,
    AppointmentUpdate,
    ClientInput,
    NoteStatus,
    QuestionAnswer,
    SendQuestionnaire,
)

from .. import inventory

PREFIX = "/api/v1"


@pytest.fixture
async def emulator() -> AsyncIterator[IntakeQEmulator]:
    async with IntakeQEmulator(per_minute=None, per_day=None) as emulator:
        yield emulator


def client_for(emulator: IntakeQEmulator, **options: Any) -> IntakeQClient:
    return IntakeQClient(
        api_key=emulator.api_key, base_url=emulator.url, rate_limit=None, **options
    )


def first(collection: dict[Any, Any]) -> Any:
    return next(iter(collection))


async def _two_pages(pager: Any) -> None:
    await pager.with_options(max_items=150).collect()


Calls = dict[str, tuple[Callable[[IntakeQClient], Awaitable[Any]], dict[str, Any]]]


def _calls(emu: IntakeQEmulator, sink: Path) -> Calls:
    client_id = first(emu.data.clients)
    day = date(2020, 1, 1)
    later = date(2030, 1, 1)
    return {
        "Get client files": (lambda c: c.files.list(client_id).collect(), {}),
        "Get folders": (lambda c: c.folders.list().collect(), {}),
        "Download file": (
            lambda c: c.files.download(first(emu.data.files)).save_to(sink),
            {"fileId": None},
        ),
        "Upload file": (
            lambda c: c.files.upload(client_id, b"%PDF-1.4 x", filename="a.pdf"),
            {"clientId": client_id},
        ),
        "Delete file": (lambda c: c.files.delete(first(emu.data.files)), {"fileId": None}),
        "Query clients": (
            lambda c: _two_pages(
                c.clients.list_profiles(
                    search="a",
                    date_created_start=day,
                    date_created_end=later,
                    date_updated_start=day,
                    date_updated_end=later,
                    custom_fields={first_custom(emu): "x"},
                    external_client_id="ext",
                    deleted_only=False,
                )
            ),
            {},
        ),
        "Get client profile": (lambda c: c.clients.get(client_id), {"clientId": client_id}),
        "Create or update a client": (
            lambda c: c.clients.save(ClientInput(name="Ada Lovelace", email="ada@example.org")),
            {},
        ),
        "Add a tag to a client": (lambda c: c.clients.add_tag(client_id, "vip"), {}),
        "Remove a tag from a client": (lambda c: c.clients.remove_tag(client_id, "vip"), {}),
        "Get client diagnoses": (
            lambda c: c.clients.list_diagnoses(client_id).collect(),
            {"clientId": client_id},
        ),
        "Query appointments": (
            lambda c: _two_pages(
                c.appointments.list(
                    client="a",
                    start_date=day,
                    end_date=later,
                    status="Confirmed",
                    practitioner_email="x@example.org",
                    updated_since=day,
                    deleted_only=False,
                )
            ),
            {},
        ),
        "Get an appointment": (
            lambda c: c.appointments.get(first(emu.data.appointments)),
            {"id": None},
        ),
        "Get appointment settings": (lambda c: c.appointments.settings(), {}),
        "Create an appointment": (lambda c: _book(c), {}),
        "Update an appointment": (
            lambda c: c.appointments.update(
                AppointmentUpdate(id=first(emu.data.appointments), client_note="moved")
            ),
            {},
        ),
        "Cancel an appointment": (
            lambda c: c.appointments.cancel(first(emu.data.appointments), "sick"),
            {},
        ),
        "Query intake summaries": (
            lambda c: _two_pages(
                c.intakes.list(
                    client="a",
                    client_id=client_id,
                    external_client_id="ext",
                    start_date=day,
                    end_date=later,
                    all=True,
                    updated_since=day,
                    deleted_only=False,
                )
            ),
            {},
        ),
        "Get a full intake": (lambda c: c.intakes.get(first(emu.data.intakes)), {"id": None}),
        "Download an intake as PDF": (
            lambda c: c.intakes.pdf(first(emu.data.intakes)).save_to(sink),
            {"id": None},
        ),
        "Send a questionnaire": (
            lambda c: c.intakes.send(
                SendQuestionnaire(
                    questionnaire_id=first(emu.data.questionnaires), client_id=client_id
                )
            ),
            {},
        ),
        "Resend a questionnaire": (
            lambda c: c.intakes.resend(first(emu.data.intakes), "Email"),
            {},
        ),
        "Update office-use answers": (lambda c: _office_use(c, emu), {}),
        "Download a consent form as PDF": (
            lambda c: _consent_pdf(c, emu, sink),
            {"id": None, "consentFormId": None},
        ),
        "Download an intake attachment": (
            lambda c: c.intakes.attachment(first(emu.data.attachments)).save_to(sink),
            {"id": None},
        ),
        "List questionnaire templates": (lambda c: c.questionnaires.list().collect(), {}),
        "List practitioners": (lambda c: c.practitioners.list(include_inactive=True).collect(), {}),
        "Query note summaries": (
            lambda c: _two_pages(
                c.notes.list(
                    client="a",
                    client_id=client_id,
                    status=NoteStatus.LOCKED,
                    start_date=day,
                    end_date=later,
                    updated_since=day,
                    deleted_only=False,
                )
            ),
            {},
        ),
        "Get a full note": (lambda c: c.notes.get(first(emu.data.notes)), {"id": None}),
        "Download a note as PDF": (
            lambda c: c.notes.pdf(first(emu.data.notes)).save_to(sink),
            {"id": None},
        ),
        "Query invoices": (
            lambda c: _two_pages(
                c.invoices.list(
                    client_id=client_id,
                    start_date=day,
                    end_date=later,
                    status="Paid",
                    practitioner_email="x@example.org",
                    number="1",
                    last_updated_start=day,
                    last_updated_end=later,
                )
            ),
            {},
        ),
        "Get an invoice": (lambda c: c.invoices.get(first(emu.data.invoices)), {"id": None}),
        "Query claims": (
            lambda c: _two_pages(
                c.claims.list(client_id=client_id, start_date=day, end_date=later)
            ),
            {},
        ),
    }


async def _consent_pdf(client: IntakeQClient, emu: IntakeQEmulator, sink: Path) -> Any:
    intake_id, intake = next((i, v) for i, v in emu.data.intakes.items() if v["ConsentForms"])
    form_id = intake["ConsentForms"][0]["Id"]
    saved = await client.intakes.consent_pdf(intake_id, form_id).save_to(sink)
    assert saved.read_bytes().startswith(b"%PDF-")
    return saved


def first_custom(emu: IntakeQEmulator) -> str:
    return str(emu.data.custom_fields[0]["FieldId"]) if emu.data.custom_fields else "1"


async def _book(client: IntakeQClient) -> Any:
    settings = await client.appointments.settings()
    assert settings.locations
    assert settings.services
    assert settings.practitioners
    clients = await client.clients.list().first()
    assert clients is not None
    return await client.appointments.create(
        AppointmentInput(
            practitioner_id=settings.practitioners[0].id,
            client_id=int(clients.client_number),
            location_id=settings.locations[0].id,
            service_id=settings.services[0].id,
            utc_date_time=datetime.now(timezone.utc) + timedelta(days=3),
        )
    )


async def _office_use(client: IntakeQClient, emu: IntakeQEmulator) -> Any:
    for intake_id in emu.data.intakes:
        intake = await client.intakes.get(intake_id)
        office = [q for q in intake.questions or [] if q.office_use]
        if office:
            return await client.intakes.update_office_use(
                intake_id, [QuestionAnswer(id=office[0].id, answer="reviewed")]
            )
    raise AssertionError("the emulator has no intake with office-use questions")


def test_every_inventory_row_has_a_call() -> None:
    """The call table and intakeq.tsv name the same 33 operations."""
    emu = IntakeQEmulator()
    assert set(_calls(emu, Path("unused"))) == inventory.every_operation("intakeq")


@pytest.mark.parametrize(
    "operation",
    sorted(inventory.every_operation("intakeq")) if inventory.ENDPOINTS.exists() else [],
)
async def test_each_operation_sends_the_documented_request(
    emulator: IntakeQEmulator, operation: str, tmp_path: Path
) -> None:
    """Method, path, query parameters and body on the wire match the inventory row.

    The inventory names the client query's custom-field filter ``custom[{fieldId}]``; its
    wire form is settled as ``custom.{fieldId}`` (``paths.CLIENT_CUSTOM_FIELD_FILTER``), so
    the row is read with the field id the call filters on, in that form.
    """
    entry = inventory.row("intakeq", operation)
    if "custom[{fieldId}]" in entry["query"]:
        wire = paths.CLIENT_CUSTOM_FIELD_FILTER.format(field_id=first_custom(emulator))
        entry = {**entry, "query": entry["query"].replace("custom[{fieldId}]", wire)}
    call, path_values = _calls(emulator, tmp_path)[operation]
    async with client_for(emulator) as client:
        before = len(emulator.server.requests)
        await call(client)
        sent = list(emulator.server.requests)[before:]
    seen = inventory.matching(entry, sent, prefix=PREFIX, path_values=path_values)
    inventory.assert_row(entry, seen)


async def test_the_whole_flow_from_client_to_files(
    emulator: IntakeQEmulator, tmp_path: Path
) -> None:
    """Create a client, book, send a questionnaire, read the intake and PDF, round-trip a file."""
    async with client_for(emulator) as intakeq:
        created = await intakeq.clients.save(
            ClientInput(first_name="Grace", last_name="Hopper", email="grace@example.org")
        )
        assert created.client_id is not None
        settings = await intakeq.appointments.settings()
        assert settings.practitioners
        assert settings.locations
        assert settings.services
        booked = await intakeq.appointments.create(
            AppointmentInput(
                practitioner_id=settings.practitioners[0].id,
                client_id=created.client_id,
                location_id=settings.locations[0].id,
                service_id=settings.services[0].id,
                utc_date_time=datetime(2031, 5, 6, 14, 30, tzinfo=timezone.utc),
            )
        )
        assert booked.client_id == created.client_id
        assert booked.start_date == datetime(2031, 5, 6, 14, 30, tzinfo=timezone.utc)
        questionnaire = await intakeq.questionnaires.list().first()
        assert questionnaire is not None
        intake = await intakeq.intakes.send(
            SendQuestionnaire(questionnaire_id=questionnaire.id, client_id=created.client_id)
        )
        full = await intakeq.intakes.get(intake.id)
        assert full.client_id == created.client_id
        async with intakeq.intakes.pdf(intake.id) as pdf:
            assert pdf.content_type == "application/pdf"
            assert (await pdf.read()).startswith(b"%PDF-")

        data = bytes(range(256)) * 1000
        await intakeq.files.upload(created.client_id, data, filename="card.png")
        (listed,) = await intakeq.files.list(created.client_id).collect()
        assert (listed.file_name, listed.size, listed.content_type) == (
            "card.png",
            len(data),
            "image/png",
        )
        saved = await intakeq.files.download(listed.id).save_to(tmp_path)
        assert saved.name == "card.png"
        assert hashlib.sha256(saved.read_bytes()).digest() == hashlib.sha256(data).digest()
        await intakeq.files.delete(listed.id)
        assert await intakeq.files.list(created.client_id).collect() == []

        clients = await intakeq.clients.list().collect()
    assert len(clients) == len(emulator.data.clients)
    pages = emulator.server.requests.filter(method="GET", path="/api/v1/clients")
    assert [r.query["page"] for r in pages] == ["1", "2", "3"]


class FakeTime:
    """Simulated time shared by the client's quota and the emulator's.

    Concurrent sleepers wake at their own deadlines, and the clock never moves while a
    request already let through is still on the wire (``settled``): otherwise the server
    would stamp it later than the client did.
    """

    def __init__(self) -> None:
        self.now = 1_000.0
        self.settled: Callable[[], bool] = lambda: True
        self._sleepers: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        deadline = self.now + seconds
        self._sleepers.append(deadline)
        try:
            # The earliest sleeper moves the clock first: the quota books each caller its own
            # moment, so a later one must not jump past an earlier one.
            while deadline > self.now and (  # noqa: ASYNC110 -- polls the log, no event
                min(self._sleepers) < deadline or not self.settled()
            ):
                await asyncio.sleep(0.001)
            self.now = max(self.now, deadline)
        finally:
            self._sleepers.remove(deadline)


async def test_thirty_calls_under_the_ten_a_minute_quota_finish_without_an_error() -> None:
    """With max_wait=None the standard plan's quota queues a 30-call batch (3 simulated
    minutes); no 429 occurs."""
    fake = FakeTime()
    quota = WindowQuota(Quota(((10, 60.0), (500, 86400.0))), clock=fake.clock, sleep=fake.sleep)
    async with IntakeQEmulator(per_minute=10, per_day=500, clock=fake.clock) as emulator:

        def settled() -> bool:
            answered = [r for r in emulator.server.requests if r.status is not None]
            return len(answered) == quota.usage()[1].used

        fake.settled = settled
        async with IntakeQClient(
            api_key=emulator.api_key, base_url=emulator.url, rate_limit=quota, max_wait=None
        ) as intakeq:  # a batch that queues as long as the quota needs
            results = await asyncio.gather(*(intakeq.appointments.settings() for _ in range(30)))
            minute, day = intakeq.quota_usage()
    assert len(results) == 30
    assert [r.status for r in emulator.server.requests] == [200] * 30
    assert fake.now - 1_000.0 == 120.0
    assert (minute.limit, minute.used) == (10, 10)
    assert (day.limit, day.used, day.remaining) == (500, 30, 470)


async def test_a_429_waits_and_retries_instead_of_failing(emulator: IntakeQEmulator) -> None:
    """When the server still says 429 (another process spent the quota), the call waits it out."""
    from common.testing import Fault

    emulator.server.faults.add(
        Fault.rate_limited(retry_after="1"), method="GET", path="/api/v1/practitioners"
    )
    async with client_for(emulator) as intakeq:
        practitioners = await intakeq.practitioners.list().collect()
    assert practitioners
    assert [r.status for r in emulator.server.requests] == [429, 200]


def test_the_standard_plan_is_the_default_limit_and_one_argument_raises_it() -> None:
    """Default: 10 a minute and 500 a day; rate_limit= replaces it."""
    default = IntakeQClient(api_key="k")
    assert [(u.limit, u.per) for u in default.quota_usage()] == [(10, 60.0), (500, 86400.0)]
    raised = IntakeQClient(api_key="k", rate_limit=Quota(((120, 60.0), (10_000, 86400.0))))
    assert [u.limit for u in raised.quota_usage()] == [120, 10_000]


async def test_a_wrong_key_is_an_authentication_error(emulator: IntakeQEmulator) -> None:
    """A refused X-Auth-Key raises AuthenticationError, and the key never shows in it."""
    async with IntakeQClient(
        api_key="wrong-key-123", base_url=emulator.url, rate_limit=None
    ) as intakeq:
        with pytest.raises(AuthenticationError) as caught:
            await intakeq.practitioners.list().collect()
    assert emulator.server.requests[0].headers["X-Auth-Key"] == "wrong-key-123"
    assert "wrong-key-123" not in str(caught.value)
    assert "wrong-key-123" not in repr(caught.value.__dict__)


async def test_webhook_deliveries_become_typed_events(emulator: IntakeQEmulator) -> None:
    """An aiohttp app receives IntakeQ deliveries through the common handler, typed."""
    import aiohttp
    from aiohttp import web

    from common.testing import EmulatorServer
    from common.webhooks import webhook_handler
    from intakeq_async.models import AppointmentEvent, IntakeSubmitted, parse_webhook

    events: list[object] = []
    app = web.Application()
    app.router.add_post("/hooks/intakeq", webhook_handler(parse_webhook, events.append))
    deliveries = [
        {"IntakeId": "i-1", "Type": "Intake Submitted", "ClientId": 7},
        {
            "EventType": "AppointmentRescheduled",
            "ActionPerformedByClient": True,
            "Appointment": {"Id": "a-1", "ClientId": 7, "StartDate": 1_900_000_000_000},
        },
    ]
    async with EmulatorServer(app) as receiver, aiohttp.ClientSession() as session:
        for delivery in deliveries:
            async with session.post(f"{receiver.url}/hooks/intakeq", json=delivery) as answer:
                assert answer.status == 200
        async with session.post(f"{receiver.url}/hooks/intakeq", data=b"{") as answer:
            assert answer.status == 400
    submitted, rescheduled = events
    assert isinstance(submitted, IntakeSubmitted)
    assert submitted.intake_id == "i-1"
    assert isinstance(rescheduled, AppointmentEvent)
    assert rescheduled.appointment is not None
    assert rescheduled.appointment.start_date == datetime.fromtimestamp(1_900_000_000, timezone.utc)


# -- one face: list, get and save; the old names for one release ------------------------------


async def test_the_old_method_names_warn_and_send_what_the_new_ones_send(
    emulator: IntakeQEmulator,
) -> None:
    """query, query_profiles, get_profile and diagnoses (before 0.2) are list, list_profiles,
    get and list_diagnoses: each warns at the caller's line, then makes the same request."""
    client_id = first(emulator.data.clients)
    renames: list[tuple[str, Callable[[IntakeQClient], Awaitable[Any]], Callable[..., Any]]] = [
        (
            "clients.query",
            lambda c: c.clients.list(search="a").collect(),
            lambda c: c.clients.query(search="a").collect(),
        ),
        (
            "clients.query_profiles",
            lambda c: c.clients.list_profiles(deleted_only=False).collect(),
            lambda c: c.clients.query_profiles(deleted_only=False).collect(),
        ),
        (
            "clients.get_profile",
            lambda c: c.clients.get(client_id),
            lambda c: c.clients.get_profile(client_id),
        ),
        (
            "clients.diagnoses",
            lambda c: c.clients.list_diagnoses(client_id).collect(),
            lambda c: c.clients.diagnoses(client_id).collect(),
        ),
        (
            "appointments.query",
            lambda c: c.appointments.list(status="Confirmed").first(),
            lambda c: c.appointments.query(status="Confirmed").first(),
        ),
        (
            "intakes.query",
            lambda c: c.intakes.list(client_id=client_id).first(),
            lambda c: c.intakes.query(client_id=client_id).first(),
        ),
        (
            "notes.query",
            lambda c: c.notes.list(status=NoteStatus.LOCKED).first(),
            lambda c: c.notes.query(status=NoteStatus.LOCKED).first(),
        ),
        (
            "invoices.query",
            lambda c: c.invoices.list(client_id=client_id).first(),
            lambda c: c.invoices.query(client_id=client_id).first(),
        ),
        (
            "claims.query",
            lambda c: c.claims.list(client_id=client_id).first(),
            lambda c: c.claims.query(client_id=client_id).first(),
        ),
    ]
    async with client_for(emulator) as intakeq:
        for old, new_call, old_call in renames:
            before = len(emulator.server.requests)
            expected = await new_call(intakeq)
            new_requests = [
                (r.method, r.path, dict(r.query)) for r in list(emulator.server.requests)[before:]
            ]
            with pytest.warns(
                DeprecationWarning, match=rf"^{old}\(\) is deprecated; use "
            ) as caught:
                pending = old_call(intakeq)
            assert caught[0].filename == __file__, old
            assert await pending == expected, old
            old_requests = [
                (r.method, r.path, dict(r.query))
                for r in list(emulator.server.requests)[before + len(new_requests) :]
            ]
            assert old_requests == new_requests, old


async def test_a_filter_a_listing_does_not_take_fails_before_sending(
    emulator: IntakeQEmulator,
) -> None:
    """Filters are declared per listing: an unknown name or a string for a date is refused."""
    async with client_for(emulator) as intakeq:
        with pytest.raises(InvalidRequestError, match=r"^status: not a filter of this listing"):
            intakeq.claims.list(status="Paid")  # type: ignore[call-arg]
        bad: dict[str, Any] = {"start_date": "2024-01-01"}
        with pytest.raises(InvalidRequestError, match="start_date must be a date"):
            intakeq.appointments.list(**bad)
        with pytest.raises(InvalidRequestError, match="custom field 'rfsr' must be a string"):
            intakeq.clients.list(custom_fields={"rfsr": 1})  # type: ignore[dict-item]
        with pytest.raises(InvalidRequestError, match="appointment_id must not be blank"):
            await intakeq.appointments.cancel(" ")
        with pytest.raises(InvalidRequestError, match="tag must not be blank"):
            await intakeq.clients.add_tag(1, "  ")
        with pytest.raises(InvalidRequestError, match="id must be a positive integer id"):
            await intakeq.clients.get(0)
    assert len(emulator.server.requests) == 0


async def test_save_is_create_or_update_in_one_call(emulator: IntakeQEmulator) -> None:
    """IntakeQ's POST /clients creates, or updates when client_id is set: one method, named
    for neither, so ``create`` and ``update`` keep one meaning across vendors."""
    async with client_for(emulator) as intakeq:
        created = await intakeq.clients.save(ClientInput(first_name="Ada", last_name="King"))
        assert created.client_id is not None
        changed = await intakeq.clients.save(
            ClientInput(client_id=created.client_id, first_name="Ada", last_name="Lovelace")
        )
        assert changed.client_id == created.client_id
        assert (await intakeq.clients.get(created.client_id)).last_name == "Lovelace"
    posts = emulator.server.requests.filter(method="POST", path=f"{PREFIX}/clients")
    assert len(posts) == 2

"""EmulatorTransport: every vendor client against its emulator, in process, no socket.

The emulator's app runs under aiohttp's own HTTP server over in-memory connections, with the
kit's middlewares (request log, faults, rate limit, the vendor's error bodies, request ids);
the client above runs as in production.
"""

from __future__ import annotations

import asyncio
import re
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, NoReturn

import pytest
from aiohttp import web

from amilia_async import AmiliaClient
from amilia_async.emulator import AmiliaEmulator
from amiqus_async import AmiqusClient
from amiqus_async.emulator import AmiqusEmulator
from amiqus_async.models import ClientFileInput, ClientInput, NameInput
from caseupdates_async import TrackopsClient
from caseupdates_async.emulator import TrackopsEmulator
from caseupdates_async.models import CaseInput, ContactInput
from common import (
    BaseClient,
    ClientClosedError,
    NotFoundError,
    PayloadTooLargeError,
    RateLimitError,
    ReadError,
    RetryPolicy,
    ServerError,
    TimeoutError,
    Upload,
)
from common.testing import (
    DEFAULT_ORIGIN,
    EmulatorServer,
    EmulatorTransport,
    Fault,
    InProcessServer,
    ServerRateLimit,
)
from common.transport import Transport
from intakeq_async import IntakeQClient
from intakeq_async.emulator import IntakeQEmulator
from intakeq_async.models import ClientInput as IntakeQClientInput

FAST = RetryPolicy(backoff_base=0.001, backoff_max=0.01)
#: What every client here takes besides base_url, transport and credentials: no client-side
#: pacing (Trackops paces one call every 2 s by default), quick retries.
QUICK: dict[str, Any] = {"retry": FAST, "rate_limit": None}


@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any socket connected, bound or listened on during the test fails it."""

    def refuse(*args: Any, **kwargs: Any) -> NoReturn:
        raise AssertionError("a socket was used")

    for name in ("connect", "connect_ex", "bind", "listen"):
        monkeypatch.setattr(socket.socket, name, refuse)


# -- the four vendors, round trips -----------------------------------------------------------


@pytest.mark.usefixtures("no_sockets")
async def test_amiqus_create_get_list_upload_download(tmp_path: Path) -> None:
    emulator = AmiqusEmulator(rate_limit=None)
    transport = EmulatorTransport(emulator)
    assert emulator.url == f"{DEFAULT_ORIGIN}/api/v2" == transport.url
    async with AmiqusClient(
        base_url=emulator.url, transport=transport, **QUICK, **emulator.credentials
    ) as amiqus:
        person = await amiqus.clients.create(
            ClientInput(name=NameInput(first_name="Ada", last_name="Lovelace"), email="a@x.org")
        )
        fetched = await amiqus.clients.get(person.id)
        listed = await amiqus.clients.list().with_options(page_size=25).collect()  # 2 pages
        attachment = await amiqus.attachments.create(Upload(b"%PDF-1.7 id", filename="id.pdf"))
        file = await amiqus.client_files.create(
            person.id, ClientFileInput(attachment=attachment.id, name="Passport")
        )
        saved = await amiqus.client_files.download(person.id, file.id).save_to(tmp_path)
        record = next(iter(emulator.data.records))
        async with amiqus.records.download(record) as pdf:
            first = await pdf.read()
    assert fetched.email == "a@x.org"
    assert fetched.name is not None
    assert fetched.name.complete_name == "Ada Lovelace"
    assert person.id in [c.id for c in listed]
    assert len(listed) == len(emulator.data.clients) == 31
    assert saved.read_bytes() == b"%PDF-1.7 id"
    assert first.startswith(b"%PDF")
    pages = emulator.requests.filter(method="GET", path="/api/v2/clients")
    # the next link, written by the emulator on the in-process origin, followed by the pager
    assert [(p.query["page"], p.headers["Host"]) for p in pages] == [
        ("1", "emulator.invalid"),
        ("2", "emulator.invalid"),
    ]
    upload = emulator.requests.filter(method="POST", path="/api/v2/attachments")[0]
    assert upload.content_type == "multipart/form-data"
    assert upload.headers["Authorization"] == f"Bearer {emulator.token}"
    assert not emulator.bugs
    assert not emulator.running  # the client's aclose() closed the transport, which stopped it


@pytest.mark.usefixtures("no_sockets")
async def test_intakeq_create_get_list_upload_download() -> None:
    emulator = IntakeQEmulator(per_minute=None, per_day=None)
    transport = EmulatorTransport(emulator)
    async with IntakeQClient(
        base_url=emulator.url, transport=transport, **QUICK, **emulator.credentials
    ) as intakeq:
        saved = await intakeq.clients.save(
            IntakeQClientInput(name="Ada Lovelace", email="ada@example.org")
        )
        fetched = await intakeq.clients.get(saved.client_id)
        listed = await intakeq.clients.list().collect()
        await intakeq.files.upload(saved.client_id, b"%PDF-1.4 notes", filename="notes.pdf")
        (file,) = await intakeq.files.list(saved.client_id).collect()
        async with intakeq.files.download(file.id) as stream:
            content = await stream.read()
            filename = stream.filename
    assert (fetched.name, fetched.email) == ("Ada Lovelace", "ada@example.org")
    assert saved.client_id in [c.client_number for c in listed]
    assert (file.file_name, content, filename) == ("notes.pdf", b"%PDF-1.4 notes", "notes.pdf")
    assert emulator.requests.last.headers["X-Auth-Key"] == emulator.api_key
    assert not emulator.bugs


@pytest.mark.usefixtures("no_sockets")
async def test_amilia_login_list_get_create() -> None:
    emulator = AmiliaEmulator(rate_limit=None)
    transport = EmulatorTransport(emulator)
    async with AmiliaClient(
        base_url=emulator.url, transport=transport, **QUICK, **emulator.credentials
    ) as amilia:
        programs = await amilia.programs.list().collect()
        program = await amilia.programs.get(programs[0].id)
        created = await amilia.webhooks.create(
            name="new accounts",
            url="https://hooks.example.org/a",
            context="Account",
            action="Create",
        )
        (listed,) = await amilia.webhooks.list().collect()
    assert program.id == programs[0].id
    assert program.name == programs[0].name
    assert {p.id for p in programs} <= set(emulator.data.programs)
    assert created.id == listed.id
    assert emulator.authenticate_calls == 1  # logged in once, with Basic, in process
    assert not emulator.bugs


@pytest.mark.usefixtures("no_sockets")
async def test_trackops_create_get_list() -> None:
    emulator = TrackopsEmulator(rate_limit=None)
    transport = EmulatorTransport(emulator)
    location = next(iter(emulator.data.client_locations))
    role = next(iter(emulator.data.contact_roles))
    async with TrackopsClient(
        base_url=emulator.url, transport=transport, **QUICK, **emulator.credentials
    ) as ops:
        contact = await ops.contacts.create(
            ContactInput(
                client_id=location, role_id=role, first_name="Ann", last_name="Lee", email="a@x.org"
            )
        )
        fetched = await ops.contacts.get(contact.id)
        contacts = await ops.contacts.list().collect()
        case = await ops.cases.create(
            CaseInput(
                case_type_id=next(iter(emulator.data.case_types)),
                client_id=next(iter(emulator.data.clients)),
            )
        )
    assert (fetched.first_name, fetched.last_name, fetched.email) == ("Ann", "Lee", "a@x.org")
    assert contact.id in [c.id for c in contacts]
    assert len(contacts) == len(emulator.data.contacts)
    assert case.id in emulator.data.cases
    assert not emulator.bugs


# -- the kit's middlewares: errors, faults, limits --------------------------------------------


@pytest.fixture
async def trackops() -> AsyncIterator[tuple[TrackopsEmulator, TrackopsClient]]:
    emulator = TrackopsEmulator(rate_limit=None)
    transport = EmulatorTransport(emulator)
    async with TrackopsClient(
        base_url=emulator.url, transport=transport, **QUICK, **emulator.credentials
    ) as client:
        yield emulator, client


async def test_errors_come_in_the_vendor_s_shape_with_a_request_id(
    trackops: tuple[TrackopsEmulator, TrackopsClient],
) -> None:
    emulator, ops = trackops
    with pytest.raises(NotFoundError) as caught:
        await ops.contacts.get(987654)
    error = caught.value
    assert error.status == 404
    assert isinstance(error.body, dict)
    assert set(error.body) == {"error"}  # the Trackops emulator's {"error": ...}
    assert "987654" in error.body["error"]
    assert error.request_id is not None
    assert re.fullmatch(r"[0-9a-f]{32}", error.request_id)  # the kit's X-Request-Id
    assert error.headers["X-Request-Id"] == error.request_id
    assert emulator.requests.last.status == 404


async def test_faults_are_retried_by_the_client_s_rules(
    trackops: tuple[TrackopsEmulator, TrackopsClient],
) -> None:
    emulator, ops = trackops
    contact = next(iter(emulator.data.contacts))
    path = f"/api/v1/client/contacts/{contact}"
    emulator.faults.add(Fault.status(503), path=path)
    emulator.faults.add(Fault.close(), path=path)
    emulator.faults.add(Fault.reset(), path=path)
    fetched = await ops.with_options(max_retries=3).contacts.get(contact)
    assert fetched.id == contact
    assert [r.status for r in emulator.requests.filter(path=path)] == [503, None, None, 200]


async def test_a_post_broken_mid_body_is_not_retried(
    trackops: tuple[TrackopsEmulator, TrackopsClient],
) -> None:
    emulator, ops = trackops
    emulator.faults.add(Fault.drop_mid_body(), method="POST")
    location = next(iter(emulator.data.client_locations))
    role = next(iter(emulator.data.contact_roles))
    with pytest.raises(ReadError, match="broke while reading the body") as caught:
        await ops.contacts.create(
            ContactInput(client_id=location, role_id=role, first_name="A", last_name="B", email="e")
        )
    assert caught.value.attempts == 1
    assert len(emulator.requests.filter(method="POST")) == 1


async def test_latency_past_the_timeout_is_a_timeout(
    trackops: tuple[TrackopsEmulator, TrackopsClient],
) -> None:
    emulator, ops = trackops
    emulator.faults.add(Fault.latency(5.0))
    quick = ops.with_options(timeout=0.05, max_retries=0)
    with pytest.raises(TimeoutError, match="timed out waiting for the server"):
        await quick.contacts.list().first()


async def test_the_server_rate_limit_answers_429(
    trackops: tuple[TrackopsEmulator, TrackopsClient],
) -> None:
    emulator, ops = trackops
    emulator.rate_limit = ServerRateLimit(1, per=60.0)
    once = ops.with_options(max_retries=0)
    await once.contacts.list().first()
    assert ops.rate_limit_status is not None
    assert ops.rate_limit_status.remaining == 0
    with pytest.raises(RateLimitError):
        await once.contacts.list().first()
    assert [r.status for r in emulator.requests] == [200, 429]


# -- any aiohttp app ---------------------------------------------------------------------------


class Demo(BaseClient):
    vendor = "demo"
    logger_name = "demo_async"


def demo_app(events: list[str], gate: asyncio.Event) -> web.Application:
    async def echo(request: web.Request) -> web.Response:
        body = await request.read()
        return web.json_response(
            {
                "method": request.method,
                "url": str(request.url),
                "query": sorted(request.query.items()),
                "body": body.decode(),
            }
        )

    async def slow_file(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(
            headers={"Content-Disposition": 'attachment; filename="parts.txt"'}
        )
        await response.prepare(request)
        await response.write(b"first part, ")
        await gate.wait()  # the test reads the first part before letting the second go
        await response.write(b"second part")
        return response

    async def cleanup(app: web.Application) -> None:
        events.append("cleanup")

    app = web.Application(client_max_size=1024)
    app.router.add_route("*", "/v1/echo", echo)
    app.router.add_get("/v1/file", slow_file)
    app.on_cleanup.append(cleanup)
    return app


async def test_an_app_sees_the_request_as_a_socket_server_would() -> None:
    events: list[str] = []
    transport = EmulatorTransport(demo_app(events, asyncio.Event()), origin="http://api.test:8080")
    assert transport.url == "http://api.test:8080"
    async with Demo(
        base_url=f"{transport.url}/v1", transport=transport, allow_insecure_http=True
    ) as client:
        answer = await client.request("PATCH", "/echo", params={"b": "2 3", "a": "1"}, json=[1])
    assert answer == {
        "method": "PATCH",
        "url": "http://api.test:8080/v1/echo?b=2+3&a=1",
        "query": [["a", "1"], ["b", "2 3"]],
        "body": "[1]",
    }
    assert events == ["cleanup"]  # the client's aclose() stopped the app
    assert transport.closed
    assert transport.server.stopped


async def test_a_download_streams_as_the_app_writes_it() -> None:
    gate = asyncio.Event()
    transport = EmulatorTransport(demo_app([], gate))
    client = Demo(base_url=f"{transport.url}/v1", transport=transport)
    async with client, client.download("/file") as stream:
        chunks = stream.iter_bytes()
        first = await asyncio.wait_for(anext(chunks), timeout=5)
        gate.set()
        rest = b"".join([chunk async for chunk in chunks])
        assert stream.filename == "parts.txt"
    assert (first, rest) == (b"first part, ", b"second part")


async def test_a_body_over_the_app_s_limit_is_a_413() -> None:
    transport = EmulatorTransport(demo_app([], asyncio.Event()))
    async with Demo(base_url=f"{transport.url}/v1", transport=transport) as client:
        with pytest.raises(PayloadTooLargeError):
            await client.request("POST", "/echo", data=b"x" * 2048)
        assert await client.request("POST", "/echo", data=b"x" * 10) == {
            "method": "POST",
            "url": "https://emulator.invalid/v1/echo",
            "query": [],
            "body": "x" * 10,
        }


async def test_a_handler_a_client_gave_up_on_is_cancelled_when_the_transport_closes() -> None:
    started, cancelled = asyncio.Event(), asyncio.Event()

    async def slow(request: web.Request) -> web.Response:
        started.set()
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            cancelled.set()
            raise
        return web.json_response({})

    app = web.Application()
    app.router.add_get("/slow", slow)
    transport = EmulatorTransport(app)
    async with Demo(base_url=transport.url, transport=transport, max_retries=0) as client:
        with pytest.raises(TimeoutError):
            await client.request("GET", "/slow", timeout=0.05)
        still_running = started.is_set() and not cancelled.is_set()  # as on a socket
    assert still_running
    assert cancelled.is_set()  # no task outlives the in-process server


@pytest.mark.allow_emulator_bugs
async def test_an_emulator_bug_is_a_500_kept_in_the_bug_list() -> None:
    async def broken(request: web.Request) -> web.Response:
        raise ZeroDivisionError("the emulator's own bug")

    app = web.Application()
    app.router.add_get("/broken", broken)
    server = EmulatorServer(app)
    transport = EmulatorTransport(server)
    async with Demo(base_url=transport.url, transport=transport, max_retries=0) as client:
        with pytest.raises(NotFoundError):
            await client.request("GET", "/nothing-here")
        with pytest.raises(ServerError) as caught:
            await client.request("GET", "/broken")
    assert caught.value.status == 500
    assert [type(bug.exception) for bug in server.bugs] == [ZeroDivisionError]
    assert server.requests is transport.server.requests  # the server given shows it all
    assert [(r.path, r.status) for r in server.requests] == [
        ("/nothing-here", 404),
        ("/broken", 500),
    ]


# -- lifecycle and the face of the transport ---------------------------------------------------


async def test_closing_the_client_stops_the_emulator_and_closes_the_transport() -> None:
    emulator = TrackopsEmulator(rate_limit=None)
    transport = EmulatorTransport(emulator)
    assert isinstance(transport, Transport)
    assert transport.connection_limit is None
    assert isinstance(emulator.server, InProcessServer)
    client = TrackopsClient(
        base_url=emulator.url, transport=transport, **QUICK, **emulator.credentials
    )
    assert client.transport is transport
    async with client:
        await client.contacts.list().first()
        running_inside = emulator.running
    assert running_inside
    assert transport.closed
    assert not emulator.running
    await transport.aclose()  # idempotent
    request = client.build_request("GET", "/client/contacts")
    with pytest.raises(ClientClosedError):
        await transport.send(request)


async def test_a_started_emulator_is_refused() -> None:
    async with TrackopsEmulator(rate_limit=None) as emulator:
        with pytest.raises(RuntimeError, match="already been started"):
            EmulatorTransport(emulator)


def test_a_second_transport_shares_the_in_process_server() -> None:
    emulator = TrackopsEmulator(rate_limit=None)
    first = EmulatorTransport(emulator)
    second = EmulatorTransport(emulator)
    assert second.server is first.server is emulator.server
    with pytest.raises(ValueError, match=r"already answers as https://emulator\.invalid"):
        EmulatorTransport(emulator, origin="https://other.invalid")
    with pytest.raises(TypeError, match="got str"):
        EmulatorTransport("https://emulator.invalid")  # type: ignore[arg-type]


async def test_a_stopped_emulator_refuses_requests() -> None:
    emulator = AmiliaEmulator(rate_limit=None)
    transport = EmulatorTransport(emulator)
    async with AmiliaClient(
        base_url=emulator.url, transport=transport, **emulator.credentials
    ) as amilia:
        await amilia.programs.list().first()
        await emulator.stop()
        with pytest.raises(ClientClosedError, match="emulator was stopped"):
            await amilia.programs.list().first()


async def test_no_secret_in_the_transport_s_repr() -> None:
    emulator = AmiliaEmulator(rate_limit=None, password="pw-9f8e7d", api_secret="sec-1a2b3c")
    transport = EmulatorTransport(emulator)
    async with AmiliaClient(
        base_url=emulator.url, transport=transport, **emulator.credentials
    ) as amilia:
        await amilia.programs.list().first()
        shown = f"{transport!r} {emulator.server!r} {emulator!r}"
    token = emulator.requests.last.headers["Authorization"]
    for secret in ("pw-9f8e7d", "sec-1a2b3c", token, token.split()[-1]):
        assert secret not in shown
    assert repr(transport) == "<EmulatorTransport AmiliaEmulator https://emulator.invalid closed>"


async def test_a_handler_a_client_gave_up_on_is_cancelled_when_a_loopback_server_stops() -> None:
    """The same guarantee for the kit's socket server: stop() leaves no handler running."""
    started, cancelled = asyncio.Event(), asyncio.Event()

    async def slow(request: web.Request) -> web.Response:
        started.set()
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            cancelled.set()
            raise
        return web.json_response({})

    app = web.Application()
    app.router.add_get("/slow", slow)
    server = EmulatorServer(app, shutdown_timeout=0.05)
    async with server:
        async with Demo(base_url=server.url, max_retries=0) as client:
            with pytest.raises(TimeoutError):
                await client.request("GET", "/slow", timeout=0.05)
        still_running = started.is_set() and not cancelled.is_set()  # as on a socket
    assert still_running
    assert cancelled.is_set()  # no task outlives the server

"""The tour: the library at work against emulators on loopback.

Run it with ``bash .ci/demo`` (or ``python examples/tour.py`` in the project's venv). It needs
no credentials and no network. First a small records API on 127.0.0.1 shows what every vendor
client gets from ``common``: bounded concurrency, paging with prefetch, a 429 retried
transparently, a typed validation error, a streamed upload and download, and a foreign URL
refused. Then each vendor's emulator: Amilia's login, v3 and v2 paging and typed errors;
IntakeQ's questionnaires, PDFs, files and quota; Trackops's case updates and paged contacts.
"""

from __future__ import annotations

import asyncio
import enum
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timezone
from typing import Any

import attrs
from aiohttp import web

from amilia_async import AmiliaClient, NotFoundError
from amilia_async.emulator import AmiliaEmulator
from amilia_async.models import Activity
from amiqus_async import AmiqusClient
from amiqus_async import ValidationError as AmiqusValidationError
from amiqus_async.emulator import AmiqusEmulator
from amiqus_async.models import ClientFileInput, NameInput, RecordInput, RecordStepInput
from amiqus_async.models import ClientInput as AmiqusClientInput
from caseupdates_async import TrackopsClient
from caseupdates_async.emulator import TrackopsEmulator
from caseupdates_async.models import CaseUpdateChanges, CaseUpdateInput
from common import (
    AsyncPager,
    BaseClient,
    BearerToken,
    Download,
    PageNumberPaging,
    RetryPolicy,
    UnsafeURLError,
    Upload,
    ValidationError,
    format_path,
)
from common.testing import EmulatorServer, Fault
from intakeq_async import IntakeQClient
from intakeq_async.emulator import IntakeQEmulator
from intakeq_async.models import ClientInput, SendQuestionnaire

TOKEN = "demo-token"  # the emulator's only valid token; not a real credential


class Status(enum.Enum):
    PENDING = "pending"
    COMPLETE = "complete"


@attrs.frozen
class Record:
    id: int
    name: str
    status: Status | str
    created_at: datetime


@attrs.frozen
class StoredFile:
    id: int
    size: int


class TourClient(BaseClient):
    """A vendor client in miniature: base URL, auth, paging style; resources as methods."""

    vendor = "tour"
    logger_name = "tour"
    paging = PageNumberPaging()

    async def create_record(self, name: str) -> Record:
        return await self.request_model(Record, "POST", "/records", json={"name": name})

    def list_records(self, *, page_size: int = 50, prefetch: int = 0) -> AsyncPager[Record]:
        return self.paginate("/records", model=Record, page_size=page_size, prefetch=prefetch)

    async def upload(self, data: bytes, filename: str) -> StoredFile:
        return await self.request_model(
            StoredFile, "POST", "/files", files={"file": Upload(data, filename=filename)}
        )

    def download_file(self, file_id: int) -> Download:
        return self.download(format_path("/files/{id}", id=file_id))


# -- the emulator: an Amiqus-like records API ---------------------------------------------


def records_app() -> web.Application:
    records: list[dict[str, Any]] = []
    files: dict[int, bytes] = {}

    @web.middleware
    async def bearer(request: web.Request, handler: Callable[..., Any]) -> web.StreamResponse:
        if request.headers.get("Authorization") != f"Bearer {TOKEN}":
            return web.json_response({"message": "Unauthenticated."}, status=401)
        response: web.StreamResponse = await handler(request)
        return response

    async def create(request: web.Request) -> web.Response:
        body = await request.json()
        if not str(body.get("name", "")).strip():
            return web.json_response(
                {
                    "message": "The given data was invalid.",
                    "errors": {"name": ["The name field is required."]},
                },
                status=422,
            )
        record = {
            "id": len(records) + 1,
            "name": body["name"],
            "status": "pending" if len(records) % 3 else "complete",
            "created_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
        records.append(record)
        return web.json_response(record, status=201)

    async def listing(request: web.Request) -> web.Response:
        page = int(request.query.get("page", "1"))
        limit = min(int(request.query.get("limit", "25")), 100)
        pages = max(1, -(-len(records) // limit))
        start = (page - 1) * limit

        def link(number: int) -> str | None:
            if not 1 <= number <= pages:
                return None
            return str(request.url.update_query(page=number, limit=limit))

        links = None if pages == 1 else {"next": link(page + 1), "previous": link(page - 1)}
        return web.json_response(
            {
                "object": "paginated_list",
                "data": records[start : start + limit],
                "total": len(records),
                "count": len(records[start : start + limit]),
                "limit": limit,
                "current_page": page,
                "total_pages": pages,
                "links": links,
            }
        )

    async def upload(request: web.Request) -> web.Response:
        reader = await request.multipart()
        part = await reader.next()
        data = bytearray()
        while part is not None and (chunk := await part.read_chunk()):  # type: ignore[union-attr]
            data += chunk
        files[len(files) + 1] = bytes(data)
        return web.json_response({"id": len(files), "size": len(data)}, status=201)

    async def download(request: web.Request) -> web.Response:
        data = files[int(request.match_info["id"])]
        return web.Response(
            body=data,
            content_type="application/octet-stream",
            headers={"Content-Disposition": 'attachment; filename="report.bin"'},
        )

    app = web.Application(middlewares=[bearer])
    app.router.add_post("/api/v2/records", create)
    app.router.add_get("/api/v2/records", listing)
    app.router.add_post("/api/v2/files", upload)
    app.router.add_get("/api/v2/files/{id}", download)
    return app


# -- the tour -----------------------------------------------------------------------------


async def tour(out: Callable[[str], None] = print) -> dict[str, Any]:
    """Walk the flows and report each; returns the figures (the tests check them)."""
    facts: dict[str, Any] = {}
    async with EmulatorServer(records_app()) as server:
        out(f"Tour of the shared transport, against an emulator at {server.url}")
        client = TourClient(
            base_url=f"{server.url}/api/v2", auth=BearerToken(TOKEN), max_concurrency=10
        )
        async with client:
            started = time.perf_counter()
            created = await asyncio.gather(*(client.create_record(f"n{i}") for i in range(120)))
            facts["created"] = len(created)
            out(
                f" 1. created {len(created)} records, at most 10 in flight, "
                f"in {time.perf_counter() - started:.2f} s"
            )

            pages = [page async for page in client.list_records(page_size=50).pages()]
            facts["pages"] = [len(p.items) for p in pages]
            fetched = await client.list_records(page_size=25, prefetch=3).collect()
            facts["listed"] = len(fetched)
            out(
                f" 2. listed {sum(facts['pages'])} records in {len(pages)} pages of 50 "
                f"(total {pages[0].total_items}); with prefetch=3: {len(fetched)} in order: "
                f"{[r.id for r in fetched] == list(range(1, 121))}"
            )

            server.faults.add(
                Fault.rate_limited(retry_after="0.5"), method="POST", path="/api/v2/records"
            )
            started = time.perf_counter()
            record = await client.create_record("after a 429")
            facts["retried_429"] = [r.status for r in server.requests.filter(method="POST")][-2:]
            out(
                f" 3. a 429 with Retry-After: 0.5 was retried transparently: record "
                f"#{record.id} created in {time.perf_counter() - started:.2f} s"
            )

            try:
                await client.create_record("  ")
            except ValidationError as error:
                facts["validation"] = dict(error.field_errors)
                out(f" 4. typed validation error: {type(error).__name__}: {error}")

            data = bytes(range(256)) * 4096  # 1 MiB
            stored = await client.upload(data, "report.bin")
            with tempfile.TemporaryDirectory() as folder:
                saved = await client.download_file(stored.id).save_to(folder)
                same = await asyncio.to_thread(saved.read_bytes) == data
                facts["file_roundtrip"] = same
                out(
                    f" 5. uploaded {stored.size / 2**20:.1f} MiB (streamed multipart), "
                    f"saved the download as {saved.name}: identical = {same}"
                )

            try:
                await client.request("GET", "https://attacker.example/api/v2/records")
            except UnsafeURLError as error:
                facts["foreign_refused"] = True
                out(f" 6. a URL on another host was refused before sending: {error}")
        out(f"Done: {len(server.requests)} requests served, client closed: {client.is_closed}")
    return facts


async def amilia_tour(out: Callable[[str], None] = print) -> dict[str, Any]:
    """The Amilia client against its emulator: login, paging both ways, a typed error."""
    facts: dict[str, Any] = {}
    async with AmiliaEmulator(organization="forest-explorers") as emulator:
        out(f"Amilia, against its emulator at {emulator.url}")
        async with AmiliaClient(
            organization="forest-explorers",
            username=emulator.username,
            password=emulator.password,
            origin="tour@example.org",
            base_url=emulator.url,
        ) as amilia:
            programs = await asyncio.gather(*(amilia.programs.get(1) for _ in range(20)))
            facts["logins"] = emulator.authenticate_calls
            out(
                f" 1. 20 concurrent first calls, {emulator.authenticate_calls} login "
                f"(Basic → JWT); program #1 is {programs[0].name!r}"
            )
            pages = [page async for page in amilia.accounts.list().pages()]
            facts["account_pages"] = len(pages)
            out(
                f" 2. {sum(len(p.items) for p in pages)} accounts in {len(pages)} pages "
                f"(Paging.Next, 200 a page; TotalCount {pages[0].total_items})"
            )
            v2 = (
                await amilia.paginate_v2("/Activities", model=Activity)
                .with_options(page_size=100)
                .collect()
            )
            facts["v2_activities"] = len(v2)
            out(f" 3. v2 public listing: {len(v2)} activities by Page.NextId, 100 a page")
            emulator.expire_tokens()
            await amilia.programs.get(1)
            facts["logins_after_expiry"] = emulator.authenticate_calls
            out(f" 4. the token expired: one re-login ({emulator.authenticate_calls} in all)")
            try:
                await amilia.programs.get(424242)
            except NotFoundError as error:
                facts["transaction_id"] = error.request_id
                name = type(error).__name__
                out(f" 5. {name}: {error.message} (TransactionId {error.request_id})")
    return facts


async def intakeq_tour(out: Callable[[str], None] = print) -> dict[str, Any]:
    """IntakeQ: a client, a questionnaire and its PDF, a file round trip, the quota."""
    facts: dict[str, Any] = {}
    async with (
        IntakeQEmulator() as emulator,
        IntakeQClient(api_key=emulator.api_key, base_url=emulator.url) as intakeq,
    ):
        out(f"IntakeQ, against its emulator at {emulator.url} (quota: 10/minute, 500/day)")
        client = await intakeq.clients.save(
            ClientInput(name="Ada Lovelace", email="ada@example.org")
        )
        assert client.client_id is not None
        out(f" 1. saved client #{client.client_id} ({client.name})")
        questionnaire = await intakeq.questionnaires.list().first()
        assert questionnaire is not None
        intake = await intakeq.intakes.send(
            SendQuestionnaire(questionnaire_id=questionnaire.id, client_id=client.client_id)
        )
        async with intakeq.intakes.pdf(intake.id) as pdf:
            size = len(await pdf.read())
        out(f" 2. sent {questionnaire.name!r}; its PDF is {size} bytes")
        data = bytes(range(256)) * 64
        await intakeq.files.upload(client.client_id, data, filename="card.png")
        (stored,) = await intakeq.files.list(client.client_id).collect()
        async with intakeq.files.download(stored.id) as download:
            facts["file_identical"] = await download.read() == data
        out(
            f" 3. uploaded and downloaded {stored.file_name}: identical = {facts['file_identical']}"
        )
        minute, day = intakeq.quota_usage()
        facts["quota_used"] = day.used
        out(f" 4. quota: {minute.used}/{minute.limit} this minute, {day.used}/{day.limit} today")
    return facts


async def trackops_tour(out: Callable[[str], None] = print) -> dict[str, Any]:
    """Trackops: an all-day case update, a partial change, a count, paged contacts."""
    facts: dict[str, Any] = {}
    async with (
        TrackopsEmulator() as emulator,
        TrackopsClient(
            username=emulator.username,
            api_token=emulator.api_token,
            base_url=emulator.url,
            rate_limit=None,
        ) as ops,
    ):
        out(f"Trackops, against its emulator at {emulator.url}")
        case = await ops.cases.list().first()
        assert case is not None
        update = await ops.case_updates.create(
            CaseUpdateInput(
                casefile_id=case.id,
                access_group_id=1,
                title="Site visit",
                body="Arrived 09:10.",
                activity_at=date(2026, 11, 24),
            )
        )
        out(f" 1. update #{update.id} on case #{case.id}: all day = {update.is_allday}")
        changed = await ops.case_updates.update(update.id, CaseUpdateChanges(title="Site visit 1"))
        out(f" 2. renamed to {changed.title!r}, sending only the title")
        count = await ops.cases.count()
        pages = [page async for page in ops.contacts.list().pages()]
        facts["contact_pages"] = [len(p.items) for p in pages]
        out(
            f" 3. {count.record_count} cases; contacts in pages of "
            f"{', '.join(str(n) for n in facts['contact_pages'])}"
        )
    return facts


async def amiqus_tour(out: Callable[[str], None] = print) -> dict[str, Any]:
    """Amiqus: onboarding a client, paging, a file round trip, a 429 waited out, a 422."""
    facts: dict[str, Any] = {}
    fast = RetryPolicy(backoff_base=0.05, backoff_max=0.2)
    async with (
        AmiqusEmulator() as emulator,
        AmiqusClient(token=emulator.token, base_url=emulator.url, retry=fast) as amiqus,
    ):
        out(f"Amiqus, against its emulator at {emulator.url}")
        person = await amiqus.clients.create(
            AmiqusClientInput(
                name=NameInput(first_name="Marty", last_name="McFly"), email="marty@example.com"
            )
        )
        record = await amiqus.records.create(
            RecordInput(
                client=person.id,
                steps=[RecordStepInput(type="check.photo_id"), RecordStepInput(type="check.dummy")],
                notification="email",
            )
        )
        steps = await amiqus.records.list_steps(record.id, expand=["check"]).collect()
        out(f" 1. client #{person.id}, record #{record.id} with {len(steps)} checks to do")
        pages = [page async for page in amiqus.clients.list(limit=12).pages()]
        facts["client_pages"] = [len(p.items) for p in pages]
        out(f" 2. clients in pages of {', '.join(str(n) for n in facts['client_pages'])}")
        upload = await amiqus.attachments.create(Upload(b"%PDF-1.7 ID", filename="passport.pdf"))
        file = await amiqus.client_files.create(person.id, ClientFileInput(attachment=upload.id))
        async with amiqus.client_files.download(person.id, file.id) as stream:
            facts["file_identical"] = await stream.read() == b"%PDF-1.7 ID"
        out(f" 3. passport.pdf uploaded and read back: identical = {facts['file_identical']}")
        emulator.server.faults.add(emulator.rate_limited_fault(retry_after=1), times=1)
        await amiqus.your_team.get()
        facts["retried_429"] = [r.status for r in emulator.server.requests][-2:]
        status = amiqus.rate_limit_status
        remaining = status.remaining if status else None
        out(f" 4. a 429 (Retry-After: 1) waited out and retried; {remaining} calls left")
        try:
            await amiqus.clients.create(AmiqusClientInput(email="nameless@example.com"))
        except AmiqusValidationError as error:
            facts["field_errors"] = sorted(error.field_errors)
            out(f" 5. a nameless client refused: 422 {facts['field_errors']}")
    return facts


async def run_all(out: Callable[[str], None] = print) -> dict[str, Any]:
    """Every part of the tour, one after another."""
    facts = await tour(out)
    out("")
    facts["amilia"] = await amilia_tour(out)
    out("")
    facts["intakeq"] = await intakeq_tour(out)
    out("")
    facts["trackops"] = await trackops_tour(out)
    out("")
    facts["amiqus"] = await amiqus_tour(out)
    return facts


def main() -> int:
    asyncio.run(run_all())
    return 0


if __name__ == "__main__":
    sys.exit(main())

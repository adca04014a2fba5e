"""What a team does with Amiqus, end to end through AmiqusClient against the emulator."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from amiqus_async import AmiqusClient
from amiqus_async.emulator import AmiqusEmulator
from amiqus_async.models import (
    AssigneeInput,
    CaseInput,
    CaseItemInput,
    CaseReviewInput,
    ClientFileInput,
    ClientInput,
    DocumentRequestSettingsInput,
    NameInput,
    OrganisationInput,
    Record,
    RecordInput,
    RecordStepInput,
    WebhookInput,
)
from amiqus_async.oauth import authorization_url, code_from_redirect, exchange_code, oauth_auth
from amiqus_async.webhooks import WebhookEvent, sign, webhook_handler
from common import OAuth2Token, RateLimitError, RetryPolicy, Upload, ValidationError
from common.testing import EmulatorServer

from .openapi import SpecValidator


@pytest.fixture
async def emu() -> AsyncIterator[AmiqusEmulator]:
    async with AmiqusEmulator(record_responses=True) as emulator:
        yield emulator


@pytest.fixture
async def amiqus(emu: AmiqusEmulator) -> AsyncIterator[AmiqusClient]:
    fast = RetryPolicy(backoff_base=0.01, backoff_max=0.05)
    async with AmiqusClient(token=emu.token, base_url=emu.url, retry=fast) as client:
        yield client


async def test_onboarding_a_client_from_creation_to_archive(
    amiqus: AmiqusClient, emu: AmiqusEmulator, spec_validator: SpecValidator, tmp_path: Path
) -> None:
    person = await amiqus.clients.create(
        ClientInput(
            name=NameInput(title="dr", first_name="Emmett", last_name="Brown"),
            email="doc@example.com",
        )
    )
    assert person.name is not None
    assert person.name.complete_name == "Dr Emmett Brown"

    manual = await amiqus.records.create(
        RecordInput(
            client=person.id,
            notification="email",
            steps=[
                RecordStepInput(type="check.dummy"),
                RecordStepInput(
                    type="document.request",
                    preferences=DocumentRequestSettingsInput(
                        title="Proof of address", instructions="A recent utility bill."
                    ),
                ),
            ],
        )
    )
    template = next(iter(emu.data.record_templates))
    from_template = await amiqus.records.create(RecordInput(client=person.id, template=template))
    assert isinstance(manual, Record)
    assert isinstance(from_template, Record)
    assert manual.client == person.id

    steps = await amiqus.records.list_steps(manual.id, expand=["check"]).collect()
    assert [s.type for s in steps][:2] == ["check.dummy", "document.request"]
    assert not isinstance(steps[0].check, int)  # expanded: the check object itself
    assert steps[0].check is not None

    attachment = await amiqus.attachments.create(Upload(b"%PDF-1.7 passport", filename="id.pdf"))
    file = await amiqus.client_files.create(
        person.id, ClientFileInput(attachment=attachment.id, name="Passport scan")
    )
    saved = await amiqus.client_files.download(person.id, file.id).save_to(tmp_path)
    assert saved.read_bytes() == b"%PDF-1.7 passport"
    pdf = await amiqus.records.download(manual.id).save_to(tmp_path / "record.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")

    with pytest.warns(DeprecationWarning, match="refer to Update a record"):
        archived = await amiqus.records.archive(manual.id)  # deprecated by the spec
    assert archived.archived_at is not None
    for exchange in emu.exchanges:
        spec_validator.check_exchange(exchange)


async def test_a_case_with_items_and_a_review(amiqus: AmiqusClient, emu: AmiqusEmulator) -> None:
    client_id = next(iter(emu.data.clients))
    records = [r for r, rec in emu.data.records.items() if rec["client"] == client_id]
    case = await amiqus.cases.create(CaseInput(client=client_id, name="Senior hire"))
    added = await amiqus.case_items.update(
        case.id, [CaseItemInput(id=r, type="record") for r in records]
    )
    assert len(added) == len(records) > 0
    again = await amiqus.case_items.update(case.id, [CaseItemInput(id=records[0], type="record")])
    assert len(again) == 0  # 204: nothing new
    items = await amiqus.case_items.list(case.id).collect()
    assert len(items) == len(records)
    review = await amiqus.cases.create_review(case.id, CaseReviewInput(status="approved"))
    assert review.status == "approved"
    expanded = await amiqus.cases.get(case.id, expand=["items"])
    assert expanded.items is not None
    assert len(expanded.items) == len(records)


async def test_organisations_with_assignees(amiqus: AmiqusClient, emu: AmiqusEmulator) -> None:
    organisation = await amiqus.organisations.create(
        OrganisationInput(name="Twin Pines Ltd", jurisdiction="gb", company_number="SC123")
    )
    member = max(emu.data.members[next(iter(emu.data.teams))])
    added = await amiqus.organisation_assignees.add(
        organisation.id, [AssigneeInput(type="team_member", team_member=member)]
    )
    assert len(added) == 1
    assert added[0].team_member is not None
    assert added[0].team_member.id == member
    listed = await amiqus.organisation_assignees.list(organisation.id).collect()
    assert len(listed) == 1
    unassigned = await amiqus.organisations.list(assignee=False).collect()
    assert organisation.id not in {o.id for o in unassigned}
    await amiqus.organisation_assignees.delete_all(organisation.id)
    unassigned = await amiqus.organisations.list(assignee=False).collect()
    assert organisation.id in {o.id for o in unassigned}


async def test_paging_follows_three_pages_of_links(
    amiqus: AmiqusClient, emu: AmiqusEmulator
) -> None:
    pager = amiqus.clients.list(limit=12)
    pages = [page async for page in pager.pages()]
    assert len(pages) == 3  # 30 seeded clients
    assert [len(p.items) for p in pages] == [12, 12, 6]
    ids = [c.id for p in pages for c in p.items]
    assert ids == sorted(emu.data.clients)
    assert len(set(ids)) == 30
    prefetched = await amiqus.clients.list(limit=12).with_options(prefetch=2).collect()
    assert [c.id for c in prefetched] == ids
    requested = [r for r in emu.server.requests if r.path == "/api/v2/clients"]
    assert {r.query.get("limit") for r in requested} == {"12"}


async def test_a_422_carries_its_field_errors(amiqus: AmiqusClient) -> None:
    with pytest.raises(ValidationError) as caught:
        await amiqus.clients.create(ClientInput(email="doc@example.com"))
    assert "name.first_name" in caught.value.field_errors
    assert caught.value.status == 422


async def test_rate_limit_headers_are_exposed_and_a_429_is_waited_out(
    emu: AmiqusEmulator, amiqus: AmiqusClient
) -> None:
    await amiqus.user_account.get()
    status = amiqus.rate_limit_status
    assert status is not None
    assert status.limit == 200
    assert status.remaining is not None
    assert status.remaining < 200
    emu.server.faults.add(emu.rate_limited_fault(retry_after=1), method="GET", times=1)
    started = asyncio.get_running_loop().time()
    me = await amiqus.user_account.get()
    assert me.id
    assert asyncio.get_running_loop().time() - started >= 0.9
    assert [r.status for r in emu.server.requests][-2:] == [429, 200]


async def test_a_429_asking_too_long_a_wait_fails_at_once(
    emu: AmiqusEmulator, amiqus: AmiqusClient
) -> None:
    emu.server.faults.add(emu.rate_limited_fault(retry_after=3600), method="GET", times=1)
    with pytest.raises(RateLimitError) as caught:
        await amiqus.user_account.get()
    assert caught.value.retry_after is not None
    assert caught.value.retry_after > 3000


async def test_oauth_from_authorization_to_refresh(emu: AmiqusEmulator) -> None:
    redirect = "http://127.0.0.1:9/callback"
    state = "state-123"
    url = authorization_url(emu.oauth.client_id, redirect, state, base=emu.origin)
    async with (
        aiohttp.ClientSession() as session,
        session.get(url, allow_redirects=False) as answer,
    ):
        location = answer.headers["Location"]
    code = code_from_redirect(location, state=state)
    token = await exchange_code(
        code,
        client_id=emu.oauth.client_id,
        client_secret=emu.oauth.client_secret,
        redirect_uri=redirect,
        base=emu.origin,
    )
    stored: list[OAuth2Token] = []
    auth = oauth_auth(
        token,
        client_id=emu.oauth.client_id,
        client_secret=emu.oauth.client_secret,
        on_refresh=stored.append,
        base=emu.origin,
    )
    async with AmiqusClient(oauth=auth, base_url=emu.url) as amiqus:
        assert (await amiqus.user_account.get()).id
        emu.oauth.expire_access_tokens()
        assert (await amiqus.your_team.get()).id  # 401, one refresh, replayed
    assert len(stored) == 1
    assert stored[0].access_token != token.access_token
    statuses = [(r.path, r.status) for r in emu.server.requests]
    assert ("/oauth/token", 200) in statuses
    assert ("/api/v2/team", 401) in statuses


async def test_a_signed_webhook_is_verified_and_a_forged_one_rejected(
    emu: AmiqusEmulator, amiqus: AmiqusClient
) -> None:
    received: list[WebhookEvent] = []
    app = web.Application()
    secret_box: dict[str, Any] = {}

    async def handle(request: web.Request) -> web.StreamResponse:
        return await webhook_handler(received.append, secret=secret_box["secret"])(request)

    app.router.add_post("/hook", handle)
    async with EmulatorServer(app) as receiver:
        hook = await amiqus.webhooks.create(
            WebhookInput(url=f"{receiver.url}/hook", events=["client.*"])
        )
        assert hook.secret is not None
        assert hook.secret.reveal() not in repr(hook)
        secret_box["secret"] = hook.secret
        person = await amiqus.clients.create(
            ClientInput(
                name=NameInput(first_name="Lorraine", last_name="Baines"),
                email="lorraine@example.com",
            )
        )
        await emu.flush_webhooks()
        assert [e.alias for e in received] == ["client.created"]
        assert received[0].data.client is not None
        assert received[0].data.client.id == person.id

        body = b'{"webhook":{"uuid":"x","events":["*"]},"trigger":{"alias":"client.deleted"}}'
        async with aiohttp.ClientSession() as session:
            forged = await session.post(
                f"{receiver.url}/hook",
                data=body,
                headers={"X-AQID-Signature": sign(body, "not-the-secret")},
            )
            assert forged.status == 404
        assert len(received) == 1
        deliveries = await amiqus.webhooks.list_deliveries(hook.id).collect()
        assert deliveries
        assert deliveries[0].response is not None


async def test_no_credential_reaches_the_logs(
    emu: AmiqusEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with AmiqusClient(token=emu.token, base_url=emu.url, max_retries=0) as amiqus:
        hook = await amiqus.webhooks.create(
            WebhookInput(url="https://example.com/hook", events=["*"])
        )
        with contextlib.suppress(ValidationError):
            await amiqus.clients.create(ClientInput(email="x@example.com"))
        assert hook.secret is not None
        text = caplog.text + repr(amiqus) + repr(hook)
    assert emu.token not in text
    assert hook.secret.reveal() not in text

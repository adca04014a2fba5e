"""The Amiqus emulator, driven over loopback with raw aiohttp and checked against the spec.

Every one of the 99 operations (the inventory's ``operation_id`` column) is called, its
behaviour asserted, and every recorded exchange validated with openapi-core.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import time
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import aiohttp
import pytest
import pytest_asyncio
from aiohttp import web

from amiqus_async.emulator import AmiqusEmulator, Exchange
from common.testing import EmulatorServer
from tests import inventory
from tests.amiqus.openapi import SpecValidator

#: Known defects of the vendor's spec, where a correct answer cannot validate: both schemas
#: require ``description`` yet forbid any property they do not list, and do not list it.
SPEC_DEFECTS: dict[str, str] = {}


class Api:
    """A raw aiohttp session on the emulator's API, remembering which operations it called."""

    def __init__(
        self, session: aiohttp.ClientSession, emulator: AmiqusEmulator, validator: SpecValidator
    ) -> None:
        self.session, self.emu, self.validator = session, emulator, validator
        self.called: set[str] = set()

    async def call(
        self, method: str, path: str, *, status: int, token: str | None = "default", **kwargs: Any
    ) -> Any:
        headers = dict(kwargs.pop("headers", {}))
        if token is not None:
            headers["Authorization"] = f"Bearer {self.emu.token if token == 'default' else token}"
        async with self.session.request(
            method, self.emu.url + path, headers=headers, **kwargs
        ) as response:
            body = await response.read()
            assert response.status == status, (method, path, response.status, body[:500])
            assert "X-RateLimit-Limit" in response.headers
            assert "X-RateLimit-Remaining" in response.headers
            self.called.add(self.validator.operation_for(method, path))
            if response.content_type == "application/json" and body:
                return json.loads(body)
            return body


@pytest_asyncio.fixture(loop_scope="function")
async def api(amiqus_emulator: AmiqusEmulator, spec_validator: SpecValidator) -> AsyncIterator[Api]:
    async with aiohttp.ClientSession() as session:
        yield Api(session, amiqus_emulator, spec_validator)


def check_all(validator: SpecValidator, exchanges: list[Exchange]) -> None:
    """Every exchange validates, except the known spec defects (which must fail that way)."""
    assert exchanges
    for exchange in exchanges:
        operation = validator.operation_for(exchange.method, exchange.path)
        if operation in SPEC_DEFECTS and exchange.status == 200:
            with pytest.raises(AssertionError, match=re.escape(SPEC_DEFECTS[operation])):
                validator.check_exchange(exchange)
            continue
        validator.check_exchange(exchange)


# -- every operation --------------------------------------------------------------------------


async def _account(api: Api) -> None:
    emu = api.emu
    assert await api.call("GET", "/status", status=204) == b""
    me = await api.call("GET", "/me", status=200)
    assert me["object"] == "user"
    patched = await api.call(
        "PATCH", "/me", status=200, json={"name": "Robert Gale", "email": "new@example.com"}
    )
    assert patched["name"] == "Robert Gale"
    assert patched["email"] == me["email"]
    assert emu.pending_email == "new@example.com"
    teams = await api.call("GET", "/me/teams", status=200)
    assert teams["total"] == 2
    team = await api.call("GET", "/team", status=200)
    updated = await api.call("PATCH", "/team", status=200, json={"telephone": "0131 000 0000"})
    assert updated["telephone"] == "0131 000 0000"
    assert updated["id"] == team["id"]
    assert (await api.call("GET", "/team/me", status=200))["id"] == emu.data.me_member_id
    members = await api.call("GET", "/team/members", status=200)
    assert members["total"] == len(emu.data.current_members)
    listed = await api.call("GET", f"/teams/{team['id']}/members", status=200)
    member_id = listed["data"][1]["id"]
    member = await api.call("GET", f"/teams/{team['id']}/members/{member_id}", status=200)
    assert member["object"] == "team_member"
    credits = await api.call(
        "GET", "/credits", status=200, params={"expand": "causer", "order_by": "desc"}
    )
    assert any(
        isinstance(c["causer"], dict) and c["causer"].get("object") == "check"
        for c in credits["data"]
    )


async def _clients(api: Api) -> None:
    emu = api.emu
    data = emu.data
    listing = await api.call(
        "GET", "/clients", status=200, params={"status": "approved", "sort_by": "name.last_name"}
    )
    assert all(c["status"] == "approved" for c in listing["data"])
    created = await api.call(
        "POST",
        "/clients",
        status=201,
        json={"name": {"first_name": "Marty", "last_name": "McFly"}, "email": "marty@example.com"},
    )
    client_id = created["id"]
    assert created["name"]["full_name"] == "Marty McFly"
    assert client_id in data.clients
    assert (await api.call("GET", f"/clients/{client_id}", status=200))["email"] == (
        "marty@example.com"
    )
    patched = await api.call(
        "PATCH",
        f"/clients/{client_id}",
        status=200,
        json={"status": "approved", "name": {"middle_name": "Seamus"}},
    )
    assert patched["status"] == "approved"
    assert patched["name"]["full_name"] == "Marty Seamus McFly"
    address = await api.call("GET", f"/clients/{client_id}/address", status=200)
    assert address["postcode"] is None
    address = await api.call(
        "PUT",
        f"/clients/{client_id}/address",
        status=200,
        json={
            "house_number": "9303",
            "street_name": "Lyon Drive",
            "city": "Hill Valley",
            "postcode": "HV2 3LD",
            "country": "GB",
        },
    )
    assert data.addresses[client_id]["postcode"] == "HV2 3LD"

    members = list(data.current_members)
    body = [{"type": "team_member", "team_member": members[1]}]
    assert (await api.call("GET", f"/clients/{client_id}/assignees", status=200))["total"] == 0
    added = await api.call("POST", f"/clients/{client_id}/assignees", status=201, json=body)
    assert added["object"] == "list"
    assert added["data"][0]["team_member"]["id"] == members[1]
    assert await api.call("POST", f"/clients/{client_id}/assignees", status=204, json=body) == b""
    replaced = await api.call(
        "PUT",
        f"/clients/{client_id}/assignees",
        status=201,
        json=[
            {"type": "team_member", "team_member": members[1]},
            {"type": "team_member", "team_member": members[2]},
        ],
    )
    assert [a["team_member"]["id"] for a in replaced["data"]] == [members[2]]
    assignee_id = replaced["data"][0]["id"]
    await api.call("DELETE", f"/clients/{client_id}/assignees/{assignee_id}", status=204)
    assert len(data.assignees[("client", client_id)]) == 1
    await api.call("DELETE", f"/clients/{client_id}/assignees", status=204)
    assert not data.assignees.get(("client", client_id))

    orgs = list(data.organisations)
    assert (await api.call("GET", f"/clients/{client_id}/organisations", status=200))["total"] == 0
    added = await api.call(
        "POST", f"/clients/{client_id}/organisations", status=201, json=[orgs[0]]
    )
    assert [o["id"] for o in added["data"]] == [orgs[0]]
    replaced = await api.call(
        "PUT", f"/clients/{client_id}/organisations", status=201, json=[orgs[0], orgs[1]]
    )
    assert [o["id"] for o in replaced["data"]] == [orgs[1]]
    await api.call("DELETE", f"/clients/{client_id}/organisations/{orgs[0]}", status=204)
    assert data.memberships[client_id] == [orgs[1]]
    await api.call("DELETE", f"/clients/{client_id}/organisations", status=204)
    assert data.memberships[client_id] == []

    form = next(iter(data.client_forms.values()))
    owner = form["client"]
    forms = await api.call(
        "GET",
        f"/clients/{owner}/forms",
        status=200,
        params={"expand": "client,record", "type": "requested"},
    )
    assert forms["data"][0]["client"]["object"] == "client"
    one = await api.call("GET", f"/clients/{owner}/forms/{form['reference']}", status=200)
    assert one["reference"] == form["reference"]
    pdf = await api.call("GET", f"/clients/{owner}/forms/{form['reference']}/download", status=200)
    assert pdf.startswith(b"%PDF-")
    records = await api.call("GET", f"/clients/{owner}/records", status=200)
    assert records["total"] >= 1
    assert all(r["client"] == owner for r in records["data"])

    files = await api.call(
        "GET", f"/clients/{owner}/files", status=200, params={"sort_by": "name", "order_by": "desc"}
    )
    assert files["total"] >= 1
    form_data = aiohttp.FormData()
    form_data.add_field(
        "attachment", b"hello,world\n", filename="notes.csv", content_type="text/csv"
    )
    attachment = await api.call("POST", "/attachments", status=201, data=form_data)
    assert attachment["original"] == "notes.csv"
    assert attachment["size"] == 12
    created_file = await api.call(
        "POST",
        f"/clients/{owner}/files",
        status=201,
        json={"attachment": attachment["id"], "name": "Notes"},
    )
    file_id = created_file["id"]
    async with api.session.get(
        f"{emu.url}/clients/{owner}/files/{file_id}/download",
        headers={"Authorization": f"Bearer {emu.token}"},
    ) as response:
        assert response.status == 200
        assert await response.read() == b"hello,world\n"
        assert response.content_type == "text/csv"
        assert 'filename="notes.csv"' in response.headers["Content-Disposition"]
    api.called.add("get-clients-clientId-files-fileId-download")
    await api.call("DELETE", f"/clients/{owner}/files/{file_id}", status=204)
    assert file_id not in data.client_files

    correction = next(c for c in data.corrections.values() if c["status"] == "pending")
    where = f"/clients/{correction['client']}/corrections"
    listed = await api.call("GET", where, status=200, params={"expand": "client,record"})
    assert listed["data"][0]["client"]["object"] == "client"
    done = await api.call(
        "PATCH",
        f"{where}/{correction['id']}",
        status=200,
        json={"status": "accepted", "correction": {"first_name": "Marty"}},
    )
    assert done["status"] == "accepted"
    assert data.clients[correction["client"]]["name"]["first_name"] == "Marty"
    await api.call("PATCH", f"{where}/{correction['id']}", status=405, json={"status": "rejected"})

    await api.call("DELETE", f"/clients/{client_id}", status=204)
    assert client_id not in data.clients
    await api.call("GET", f"/clients/{client_id}", status=404)


async def _organisations(api: Api) -> None:
    data = api.emu.data
    listing = await api.call(
        "GET", "/organisations", status=200, params={"assignee": "false", "expand": "clients"}
    )
    assert all(o["assignees"] is None for o in listing["data"])
    created = await api.call(
        "POST",
        "/organisations",
        status=201,
        json={"name": "Doc Brown Enterprises", "company_number": "SC123456", "jurisdiction": "gb"},
    )
    org_id = created["id"]
    assert created["clients"] is None
    assert created["assignees"] is None
    await api.call("POST", "/organisations", status=422, json={"company_number": "1"})
    got = await api.call(
        "GET", f"/organisations/{org_id}", status=200, params={"expand": "assignees"}
    )
    assert got["name"] == "Doc Brown Enterprises"
    patched = await api.call(
        "PATCH",
        f"/organisations/{org_id}",
        status=200,
        json={"name": "Doc Brown Ltd", "reference": "DOC"},
    )
    assert patched["reference"] == "DOC"
    members = list(data.current_members)
    where = f"/organisations/{org_id}/assignees"
    assert (await api.call("GET", where, status=200))["total"] == 0
    await api.call(
        "POST", where, status=201, json=[{"type": "team_member", "team_member": members[0]}]
    )
    replaced = await api.call(
        "PUT", where, status=201, json=[{"type": "team_member", "team_member": members[3]}]
    )
    expanded = await api.call(
        "GET", f"/organisations/{org_id}", status=200, params={"expand": "assignees"}
    )
    assert expanded["assignees"]["data"][0]["id"] == members[3]
    await api.call("DELETE", f"{where}/{replaced['data'][0]['id']}", status=204)
    await api.call(
        "POST", where, status=201, json=[{"type": "team_member", "team_member": members[0]}]
    )
    await api.call("DELETE", where, status=204)
    seeded = next(iter(data.organisations))
    clients = await api.call("GET", f"/organisations/{seeded}/clients", status=200)
    assert clients["total"] >= 1
    stamps = [c["created_at"] for c in clients["data"]]
    assert stamps == sorted(stamps, reverse=True)


async def _records(api: Api) -> None:
    data = api.emu.data
    listing = await api.call(
        "GET", "/records", status=200, params={"expand": "client", "status": "complete"}
    )
    assert listing["data"]
    assert all(r["status"] == "complete" for r in listing["data"])
    assert isinstance(listing["data"][0]["client"], dict)
    client_id = next(iter(data.clients))
    template_ref = next(iter(data.form_templates))
    created = await api.call(
        "POST",
        "/records",
        status=201,
        json={
            "client": client_id,
            "notification": "email",
            "reminder": True,
            "steps": [
                {"type": "check.dummy", "preferences": {"state": "accepted"}},
                {"type": "form", "preferences": {"form": template_ref}},
            ],
        },
    )
    record_id = created["id"]
    assert [s["type"] for s in created["steps"]] == ["check.dummy", "form"]
    assert created["client"] == client_id
    assert created["has_reminders"] is True
    from_template = await api.call(
        "POST",
        "/records",
        status=201,
        json={"client": client_id, "template": next(iter(data.record_templates))},
    )
    assert data.assignees[("record", from_template["id"])]
    got = await api.call("GET", f"/records/{record_id}", status=200, params={"expand": "client"})
    assert got["client"]["id"] == client_id
    reviewed = await api.call(
        "PATCH", f"/records/{record_id}", status=200, json={"is_reviewed": True}
    )
    assert reviewed["status"] == "reviewed"
    unreviewed = await api.call(
        "PATCH", f"/records/{record_id}", status=200, json={"is_reviewed": False}
    )
    assert unreviewed["status"] == "pending"
    archived = await api.call("POST", f"/records/{record_id}/archive", status=200)
    assert archived["archived_at"] is not None
    expired = await api.call("POST", f"/records/{record_id}/expire", status=200)
    assert expired["perform_url"] is False
    assert expired["status"] == "empty"
    await api.call("POST", f"/records/{record_id}/expire", status=422)
    pdf = await api.call("GET", f"/records/{record_id}/download", status=200)
    assert pdf.startswith(b"%PDF-")

    steps = await api.call(
        "GET", f"/records/{record_id}/steps", status=200, params={"expand": "check,form"}
    )
    check = steps["data"][0]["check"]
    assert check["object"] == "check"
    assert steps["data"][1]["form"]["object"] == "client_form"
    finished = next(r for r in data.records.values() if r["status"] == "complete")
    documents = await api.call(
        "GET", f"/records/{finished['id']}/documents", status=200, params={"expand": "attachments"}
    )
    assert documents["data"][0]["attachments"][0]["object"] == "attachment"
    got_check = await api.call(
        "GET", f"/checks/{check['id']}", status=200, params={"expand": "record"}
    )
    assert got_check["record"]["id"] == record_id

    members = list(data.current_members)
    where = f"/records/{record_id}/assignees"
    assert (await api.call("GET", where, status=200))["total"] == 0
    await api.call(
        "POST", where, status=201, json=[{"type": "team_member", "team_member": members[0]}]
    )
    replaced = await api.call(
        "PUT", where, status=201, json=[{"type": "team_member", "team_member": members[1]}]
    )
    await api.call("DELETE", f"{where}/{replaced['data'][0]['id']}", status=204)
    await api.call(
        "POST", where, status=201, json=[{"type": "team_member", "team_member": members[0]}]
    )
    await api.call("DELETE", where, status=204)

    step_id = steps["data"][0]["id"]
    reviews = f"/records/{record_id}/steps/{step_id}/reviews"
    assert (await api.call("GET", reviews, status=200))["total"] == 0
    await api.call("POST", reviews, status=422, json={"status": "rejected"})
    review = await api.call(
        "POST",
        reviews,
        status=201,
        json={"status": "rejected", "message": "Blurred photo"},
        params={"expand": "reviewed_by"},
    )
    assert review["from_status"] == "pending"
    assert review["reviewed_by"]["object"] == ("team_member")
    listed = await api.call("GET", reviews, status=200, params={"expand": "reviewed_by"})
    assert listed["data"][0]["message"] == "Blurred photo"
    assert data.steps[step_id]["review"] == review["id"]


async def _library(api: Api) -> None:
    data = api.emu.data
    documents = await api.call(
        "GET", "/documents", status=200, params={"enabled": "true", "expand": "attachment"}
    )
    assert documents["total"] == 2
    assert documents["data"][0]["attachment"]["object"] == ("attachment")
    for kind in ("emails", "documents", "records"):
        templates = await api.call("GET", f"/templates/{kind}", status=200)
        assert templates["total"] >= 1
    files = await api.call("GET", "/files", status=200, params={"sort_by": "created_at"})
    assert files["data"][0]["object"] == "file"
    forms = await api.call("GET", "/forms", status=200, params={"type": "requested"})
    assert forms["data"][0]["object"] == "form"
    assert (await api.call("GET", "/form-templates", status=200))["total"] == 1
    fields = [
        {"id": "h", "type": "heading", "label": "Hello"},
        {"id": "q", "type": "text", "label": "Name", "validation": ["required"]},
    ]
    created = await api.call(
        "POST", "/form-templates", status=201, json={"name": "Exit form", "fields": fields}
    )
    reference = created["reference"]
    assert (await api.call("GET", f"/form-templates/{reference}", status=200))["name"] == (
        "Exit form"
    )
    patched = await api.call(
        "PATCH", f"/form-templates/{reference}", status=200, json={"name": "Leaver form"}
    )
    assert patched["version"] == 2
    await api.call("DELETE", f"/form-templates/{reference}", status=204)
    assert reference not in data.form_templates
    steps = await api.call("GET", "/steps", status=200)
    assert steps["data"][0]["object"] == "available_step"
    validated = await api.call(
        "POST",
        "/steps",
        status=200,
        json={
            "steps": [
                {"type": "check.dummy"},
                {"type": "form", "preferences": {"form": next(iter(data.form_templates))}},
            ]
        },
    )
    assert validated["steps"] == [
        {"object": "validated_step", "type": "check.dummy", "cost": 1},
        {"object": "validated_step", "type": "form", "cost": 0},
    ]
    form_data = aiohttp.FormData()
    form_data.add_field("attachment", b"%PDF-1.4 x", filename="spare.pdf")
    spare = await api.call("POST", "/attachments", status=201, data=form_data)
    await api.call("DELETE", f"/attachments/{spare['id']}", status=204)
    assert spare["id"] not in data.attachments
    used = next(a for d in data.record_documents.values() for a in d["attachments"] or [])
    redacted = await api.call("PUT", f"/attachments/{used}/redact", status=200)
    assert redacted["type"] == "image/png"
    assert redacted["original"].endswith("-redacted.png")
    await api.call(
        "PUT",
        f"/attachments/{next(iter(data.documents.values()))['attachment']}/redact",
        status=422,
    )
    token = await api.call(
        "POST", "/sdk_token", status=201, json={"record_id": next(iter(data.records))}
    )
    assert token["object"] == "sdk_token"
    assert token["token"].count(".") == 2


async def _webhooks(api: Api) -> None:
    assert (await api.call("GET", "/webhooks", status=200))["total"] == 0
    created = await api.call(
        "POST",
        "/webhooks",
        status=201,
        json={"url": "http://127.0.0.1:9/hook", "events": ["case.*"], "is_enabled": False},
    )
    webhook_id = created["id"]
    assert created["secret"]
    assert created["is_enabled"] is False
    assert (await api.call("GET", f"/webhooks/{webhook_id}", status=200))["url"].endswith("/hook")
    patched = await api.call(
        "PATCH",
        f"/webhooks/{webhook_id}",
        status=200,
        json={"events": ["client.created", "record.*"]},
    )
    assert patched["events"] == ["client.created", "record.*"]
    deliveries = await api.call("GET", f"/webhooks/{webhook_id}/deliveries", status=200)
    assert deliveries["total"] == 0
    assert deliveries["links"] is None
    await api.call("DELETE", f"/webhooks/{webhook_id}", status=204)
    await api.call("GET", f"/webhooks/{webhook_id}", status=404)


async def _cases(api: Api) -> None:
    data = api.emu.data
    listing = await api.call(
        "GET", "/cases", status=200, params={"status": "pending,approved", "expand": "items"}
    )
    assert all(c["status"] in ("pending", "approved") for c in listing["data"])
    client_id = list(data.clients)[7]
    created = await api.call(
        "POST",
        "/cases",
        status=201,
        json={"name": "Purchase of 1640 Riverside Drive", "client": client_id},
    )
    case_id = created["id"]
    assert created["items"] is None
    assert created["status"] == "pending"
    got = await api.call("GET", f"/cases/{case_id}", status=200, params={"expand": "client"})
    assert got["client"]["id"] == client_id
    patched = await api.call(
        "PATCH", f"/cases/{case_id}", status=200, json={"reference": "RD-1640", "is_archived": True}
    )
    assert patched["reference"] == "RD-1640"
    assert patched["archived_at"] is not None
    record = await api.call(
        "POST",
        "/records",
        status=201,
        json={
            "client": client_id,
            "notification": False,
            "steps": [
                {
                    "type": "document.request",
                    "preferences": {"title": "Deeds", "instructions": "The title deeds."},
                }
            ],
        },
    )
    added = await api.call(
        "PATCH",
        f"/cases/{case_id}/items",
        status=201,
        json=[{"id": record["id"], "type": "record"}],
    )
    item_id = added["data"][0]["id"]
    assert added["data"][0]["entity"] == {"id": record["id"], "type": "record"}
    await api.call(
        "PATCH",
        f"/cases/{case_id}/items",
        status=204,
        json=[{"id": record["id"], "type": "record"}],
    )
    items = await api.call("GET", f"/cases/{case_id}/items", status=200)
    assert items["total"] == 1
    await api.call("DELETE", f"/cases/{case_id}/items/{item_id}", status=204)
    assert (await api.call("GET", f"/cases/{case_id}/items", status=200))["total"] == 0
    review = await api.call(
        "POST", f"/cases/{case_id}/reviews", status=201, json={"status": "approved"}
    )
    assert review["from_status"] == "pending"
    assert data.cases[case_id]["status"] == "approved"
    reviews = await api.call(
        "GET", f"/cases/{case_id}/reviews", status=200, params={"expand": "reviewed_by"}
    )
    assert reviews["data"][0]["reviewed_by"]["object"] == "team_member"
    seeded = next(k for k, v in data.assignees.items() if k[0] == "case")[1]
    assignees = await api.call("GET", f"/cases/{seeded}/assignees", status=200)
    assert assignees["data"][0]["team_member"]["object"] == "team_member"
    aggregate = await api.call(
        "GET", "/aggregates/case-status", status=200, params={"start_date": "2020-01-01T00:00:00Z"}
    )
    counts = {a["status"]: a["count"] for a in aggregate["aggregates"]}
    assert sum(counts.values()) == len(data.cases)


async def test_every_operation_answers_as_the_spec_says(
    api: Api, spec_validator: SpecValidator
) -> None:
    """All 99 operations answer with the documented status and shapes; every exchange
    validates against the OpenAPI spec."""
    operations = {row["operation_id"] for row in inventory.rows("amiqus")}
    assert len(operations) == 99
    for area in (_account, _clients, _organisations, _records, _library, _webhooks, _cases):
        await area(api)
    assert operations - api.called == set()
    check_all(spec_validator, api.emu.exchanges)


# -- envelopes, expand, errors -----------------------------------------------------------------


async def test_paginated_list_links_walk_three_pages(
    api: Api, spec_validator: SpecValidator
) -> None:
    """``links.next`` is absolute, keeps the other query parameters and ends with null."""
    page = await api.call(
        "GET",
        "/clients",
        status=200,
        params={"limit": "10", "order_by": "desc", "sort_by": "created_at"},
    )
    seen, pages = [c["id"] for c in page["data"]], 1
    assert page["links"]["previous"] is None
    assert page["total_pages"] == 3
    while page["links"]["next"]:
        url = urlsplit(page["links"]["next"])
        assert f"{url.scheme}://{url.netloc}" == api.emu.origin
        query = parse_qs(url.query)
        assert query["limit"] == ["10"]
        assert query["order_by"] == ["desc"]
        async with api.session.get(
            page["links"]["next"], headers={"Authorization": f"Bearer {api.emu.token}"}
        ) as response:
            page = await response.json()
        pages += 1
        seen += [c["id"] for c in page["data"]]
        assert page["current_page"] == pages
    assert pages == 3
    assert page["links"]["previous"] is not None
    assert len(seen) == len(set(seen)) == 30
    assert seen == sorted(seen, reverse=True)
    one = await api.call("GET", "/team/members", status=200)
    assert one["links"] is None
    assert one["limit"] == 25
    check_all(spec_validator, api.emu.exchanges)


async def test_list_envelope_answers_added_assignees(api: Api) -> None:
    """Adding assignees answers a ``list`` (has_more, url) holding only the added ones."""
    record_id = next(iter(api.emu.data.records))
    member = list(api.emu.data.current_members)[4]
    added = await api.call(
        "POST",
        f"/records/{record_id}/assignees",
        status=201,
        json=[{"type": "team_member", "team_member": member}],
    )
    assert set(added) == {"object", "data", "total", "count", "limit", "has_more", "url"}
    assert added["object"] == "list"
    assert added["has_more"] is False
    assert added["limit"] == 100
    assert added["url"] == f"{api.emu.url}/records/{record_id}/assignees"


async def test_expand_collapsed_and_expanded(api: Api, spec_validator: SpecValidator) -> None:
    """Expandable properties are ids collapsed and objects expanded, one level deep."""
    collapsed = await api.call("GET", "/documents", status=200)
    expanded = await api.call("GET", "/documents", status=200, params={"expand": "attachment"})
    assert isinstance(collapsed["data"][0]["attachment"], int)
    attachment = expanded["data"][0]["attachment"]
    assert attachment["id"] == collapsed["data"][0]["attachment"]
    assert attachment["object"] == "attachment"
    case_id = next(iter(api.emu.data.cases))
    plain = await api.call("GET", f"/cases/{case_id}", status=200)
    full = await api.call(
        "GET", f"/cases/{case_id}", status=200, params={"expand": "items,client,assignees"}
    )
    assert isinstance(plain["client"], int)
    assert isinstance(plain["items"], list)
    assert full["client"]["id"] == plain["client"]
    assert [i["id"] for i in full["items"]] == plain["items"]
    assert full["assignees"]["object"] == "list"
    check = await api.call(
        "GET", f"/checks/{next(iter(api.emu.data.checks))}", status=200, params={"expand": "record"}
    )
    assert isinstance(check["record"]["client"], int), "nested expandables stay collapsed"
    check_all(spec_validator, api.emu.exchanges)


async def test_invalid_expand_is_422_naming_the_allowed_values(
    api: Api, spec_validator: SpecValidator
) -> None:
    """As in the guide: ``{"expand": ["The expand parameter must be one of: causer"]}``."""
    body = await api.call("GET", "/credits", status=422, params={"expand": "causer,client"})
    assert body == {"expand": ["The expand parameter must be one of: causer"]}
    # the spec lists no 422 for get-credits (the guide's example does); get-forms lists one
    body = await api.call("GET", "/forms", status=422, params={"expand": "client,nope"})
    assert body == {"expand": ["The expand parameter must be one of: client, record"]}
    spec_validator.check_exchange(api.emu.exchanges[-1])


async def test_validation_errors_are_422_by_field(api: Api, spec_validator: SpecValidator) -> None:
    """422 bodies map dot-notated fields to messages; limit outside 1..100 is refused."""
    body = await api.call("POST", "/clients", status=422, json={"name": {"first_name": "A"}})
    assert set(body) == {"name.last_name", "email"}
    body = await api.call(
        "POST",
        "/records",
        status=422,
        json={
            "client": next(iter(api.emu.data.clients)),
            "notification": "sms",
            "steps": [{"type": "check.nope"}],
        },
    )
    assert set(body) == {"steps.0.type", "notification"}
    for limit in ("0", "101"):
        body = await api.call("GET", "/forms", status=422, params={"limit": limit})
        assert body == {"limit": ["The limit must be between 1 and 100."]}
    await api.call("PATCH", f"/clients/{next(iter(api.emu.data.clients))}", status=422, json={})
    for exchange in api.emu.exchanges:
        assert exchange.status == 422
        spec_validator.check_exchange(exchange)


async def test_not_found_and_unauthenticated(api: Api, spec_validator: SpecValidator) -> None:
    """404 ``{"error": "Client not found"}``; 401 ``{"error": "Unauthenticated."}`` without or
    with a wrong token."""
    assert await api.call("GET", "/clients/999999", status=404) == {"error": "Client not found"}
    assert await api.call("GET", "/me", status=401, token=None) == {"error": "Unauthenticated."}
    assert await api.call("GET", "/clients", status=401, token="wrong") == {
        "error": "Unauthenticated."
    }
    for exchange in api.emu.exchanges:
        spec_validator.check_exchange(exchange)


async def test_uploads_refused_by_size_and_type(spec_validator: SpecValidator) -> None:
    """Too large -> 413 text/html; an unsupported type -> 422; infected/pending downloads ->
    410/423."""
    async with AmiqusEmulator(record_responses=True, attachment_max_bytes=1000) as emu:
        api_headers = {"Authorization": f"Bearer {emu.token}"}
        async with aiohttp.ClientSession(headers=api_headers) as session:
            big = aiohttp.FormData()
            big.add_field("attachment", b"x" * 5000, filename="big.pdf")
            async with session.post(f"{emu.url}/attachments", data=big) as response:
                assert response.status == 413
                assert response.content_type == "text/html"
            bad = aiohttp.FormData()
            bad.add_field("attachment", b"MZ", filename="tool.exe")
            async with session.post(f"{emu.url}/attachments", data=bad) as response:
                assert response.status == 422
                assert list(await response.json()) == ["attachment"]
            item = next(iter(emu.data.client_files.values()))
            owner = emu.data.file_owner[item["id"]]
            url = f"{emu.url}/clients/{owner}/files/{item['id']}/download"
            for av_status, status in (("infected", 410), ("pending", 423), ("error", 423)):
                emu.data.attachments[item["attachment"]["id"]]["av_status"] = av_status
                async with session.get(url) as response:
                    assert response.status == status
                    assert "error" in await response.json()
        for exchange in emu.exchanges:
            spec_validator.check_exchange(exchange)


# -- rate limit -------------------------------------------------------------------------------


async def test_rate_limit_headers_and_429(spec_validator: SpecValidator) -> None:
    """Every response carries the rate-limit headers; past the limit, 429 with Retry-After
    (seconds) and X-RateLimit-Reset (unix time)."""
    async with AmiqusEmulator(rate_limit=3, rate_window=60, record_responses=True) as emu:
        headers = {"Authorization": f"Bearer {emu.token}"}
        async with aiohttp.ClientSession(headers=headers) as session:
            remaining = []
            for _ in range(3):
                async with session.get(f"{emu.url}/status") as response:
                    assert response.status == 204
                    assert response.headers["X-RateLimit-Limit"] == "3"
                    remaining.append(response.headers["X-RateLimit-Remaining"])
            assert remaining == ["2", "1", "0"]
            async with session.get(f"{emu.url}/status") as response:
                assert response.status == 429
                assert response.headers["X-RateLimit-Remaining"] == "0"
                assert 1 <= int(response.headers["Retry-After"]) <= 60
                reset = int(response.headers["X-RateLimit-Reset"])
                assert reset >= int(time.time())


async def test_rate_limit_can_be_injected_as_a_kit_fault() -> None:
    """``emu.rate_limited_fault()`` scheduled on the kit's fault plan answers one 429."""
    async with AmiqusEmulator() as emu:
        emu.server.faults.add(emu.rate_limited_fault(retry_after=5), path="/api/v2/me", times=1)
        headers = {"Authorization": f"Bearer {emu.token}"}
        async with aiohttp.ClientSession(headers=headers) as session:
            async with session.get(f"{emu.url}/me") as response:
                assert response.status == 429
                assert response.headers["Retry-After"] == "5"
                assert "X-RateLimit-Reset" in response.headers
                assert response.headers["X-RateLimit-Remaining"] == "0"
            async with session.get(f"{emu.url}/me") as response:
                assert response.status == 200


# -- OAuth -------------------------------------------------------------------------------------


async def test_oauth_code_then_refresh_rotates_tokens() -> None:
    """authorize -> code (+state) -> token -> API; refresh rotates both tokens and kills the
    old ones; codes and refresh tokens are single-use."""
    async with AmiqusEmulator(access_token_ttl=120) as emu, aiohttp.ClientSession() as session:
        redirect = "https://app.example/callback"
        async with session.get(
            f"{emu.origin}/oauth/authorize",
            allow_redirects=False,
            params={
                "client_id": "emulator-client",
                "redirect_uri": redirect,
                "response_type": "code",
                "state": "xyz",
            },
        ) as response:
            assert response.status == 302
            location = urlsplit(response.headers["Location"])
        assert f"{location.scheme}://{location.netloc}{location.path}" == redirect
        query = parse_qs(location.query)
        assert query["state"] == ["xyz"]
        form = {
            "grant_type": "authorization_code",
            "client_id": "emulator-client",
            "client_secret": "emulator-secret",
            "code": query["code"][0],
            "redirect_uri": redirect,
        }
        async with session.post(f"{emu.origin}/oauth/token", data=form) as response:
            assert response.status == 200
            first = await response.json()
        assert first["token_type"] == "Bearer"
        assert first["expires_in"] == 120
        async with session.post(f"{emu.origin}/oauth/token", data=form) as response:
            assert response.status == 400
            assert (await response.json())["error"] == "invalid_grant"

        async def me(token: str) -> int:
            async with session.get(
                f"{emu.url}/me", headers={"Authorization": f"Bearer {token}"}
            ) as answer:
                return answer.status

        assert await me(first["access_token"]) == 200
        refresh = {
            "grant_type": "refresh_token",
            "client_id": "emulator-client",
            "client_secret": "emulator-secret",
            "refresh_token": first["refresh_token"],
            "redirect_uri": redirect,
        }
        async with session.post(f"{emu.origin}/oauth/token", data=refresh) as response:
            second = await response.json()
        assert second["access_token"] != first["access_token"]
        assert second["refresh_token"] != first["refresh_token"]
        assert await me(first["access_token"]) == 401
        assert await me(second["access_token"]) == 200
        async with session.post(f"{emu.origin}/oauth/token", data=refresh) as response:
            assert response.status == 400
        async with session.post(
            f"{emu.origin}/oauth/token", data={**refresh, "client_secret": "wrong"}
        ) as response:
            assert response.status == 401
            assert (await response.json())["error"] == "invalid_client"
        emu.oauth.expire_access_tokens()
        assert await me(second["access_token"]) == 401


# -- webhooks ----------------------------------------------------------------------------------


@pytest_asyncio.fixture(loop_scope="function")
async def receiver() -> AsyncIterator[tuple[EmulatorServer, list[tuple[dict[str, str], bytes]]]]:
    """A loopback HTTP receiver keeping every POST's headers and raw body."""
    received: list[tuple[dict[str, str], bytes]] = []

    async def hook(request: web.Request) -> web.Response:
        received.append((dict(request.headers), await request.read()))
        return web.json_response({"ok": True})

    app = web.Application()
    app.router.add_post("/hook", hook)
    async with EmulatorServer(app) as server:
        yield server, received


async def test_webhooks_are_signed_delivered_and_logged(
    api: Api,
    spec_validator: SpecValidator,
    receiver: tuple[EmulatorServer, list[tuple[dict[str, str], bytes]]],
) -> None:
    """A subscribed webhook gets the guide's payload, signed base64(HMAC-SHA256(secret,
    body)), and the delivery is listed by the API."""
    server, received = receiver
    hook = await api.call(
        "POST", "/webhooks", status=201, json={"url": f"{server.url}/hook", "events": ["client.*"]}
    )
    other = await api.call(
        "POST",
        "/webhooks",
        status=201,
        json={"url": f"{server.url}/hook", "events": ["case.created"]},
    )
    created = await api.call(
        "POST",
        "/clients",
        status=201,
        json={
            "name": {"first_name": "Lorraine", "last_name": "Baines"},
            "email": "lorraine@example.com",
        },
    )
    await api.emu.flush_webhooks()
    assert len(received) == 1
    headers, raw = received[0]
    expected = base64.b64encode(hmac.new(hook["secret"].encode(), raw, hashlib.sha256).digest())
    assert headers["X-AQID-Signature"] == expected.decode()
    assert headers["X-AQID-Delivery-Attempt"] == "1"
    payload = json.loads(raw)
    assert payload["webhook"] == {
        "uuid": hook["uuid"],
        "created_at": hook["created_at"],
        "events": ["client.*"],
    }
    assert payload["trigger"]["alias"] == "client.created"
    assert payload["data"] == {
        "client": {"id": created["id"], "show": f"{api.emu.url}/clients/{created['id']}"}
    }
    deliveries = await api.call("GET", f"/webhooks/{hook['id']}/deliveries", status=200)
    assert deliveries["total"] == 1
    assert deliveries["data"][0]["response"]["status_code"] == "200"
    assert (await api.call("GET", f"/webhooks/{other['id']}/deliveries", status=200))["total"] == 0

    queued = await api.emu.emit(
        "case.created", api.emu.payloads.case(next(iter(api.emu.data.cases)))
    )
    assert queued == 1
    await api.emu.flush_webhooks()
    assert json.loads(received[-1][1])["trigger"]["alias"] == "case.created"
    check_all(spec_validator, api.emu.exchanges)


async def test_failed_delivery_is_logged_not_raised(api: Api, closed_port: int) -> None:
    """A receiver that refuses connections gives a logged delivery, never an error."""
    hook = await api.call(
        "POST",
        "/webhooks",
        status=201,
        json={"url": f"http://127.0.0.1:{closed_port}/hook", "events": ["*"]},
    )
    await api.call(
        "POST",
        "/cases",
        status=201,
        json={"name": "Doomed", "client": next(iter(api.emu.data.clients))},
    )
    await api.emu.flush_webhooks()
    deliveries = await api.call("GET", f"/webhooks/{hook['id']}/deliveries", status=200)
    assert deliveries["total"] == 1
    assert deliveries["data"][0]["response"]["status_code"] == "0"


def test_every_route_is_a_spec_operation(spec_validator: SpecValidator) -> None:
    """The emulator's route table names exactly the spec's operations, on their paths."""
    from amiqus_async.emulator import ROUTES

    assert len(ROUTES) == 99
    for operation, method, path, _ in ROUTES:
        concrete = re.sub(r"\{[^}]+\}", "1", path)
        assert spec_validator.operation_for(method, concrete) == operation

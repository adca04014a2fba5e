"""AmiqusClient with aioresponses: what it sends, and what it refuses before sending."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from aioresponses import aioresponses
from yarl import URL

from amiqus_async import AmiqusClient
from amiqus_async.models import (
    AssigneeInput,
    CaseInput,
    ClientInput,
    ItemList,
    NameInput,
    OrganisationInput,
    RecordInput,
    RecordStepInput,
    RecordUpdate,
    TeamMemberAssignee,
    WebhookInput,
)
from common import (
    NOT_GIVEN,
    GoneError,
    InvalidRequestError,
    LockedError,
    PayloadTooLargeError,
    RetryPolicy,
    Upload,
    ValidationError,
)

API = "https://id.amiqus.co/api/v2"
TOKEN = "pat-SECRET-123"
ANY = re.compile(r"^https://id\.amiqus\.co/.*$")
CLIENT = {
    "object": "client",
    "id": 7,
    "status": "approved",
    "name": {"object": "name", "first_name": "Ann", "last_name": "Lee"},
    "email": "ann@example.com",
}


@pytest.fixture
async def amiqus() -> AsyncIterator[AmiqusClient]:
    async with AmiqusClient(token=TOKEN, retry=RetryPolicy(backoff_base=0.001)) as client:
        yield client


def sent(mock: aioresponses) -> list[tuple[str, URL, dict[str, Any]]]:
    return [(m, u, c.kwargs) for (m, u), calls in mock.requests.items() for c in calls]


def page(data: list[Any]) -> dict[str, Any]:
    return {
        "object": "paginated_list",
        "data": data,
        "total": len(data),
        "count": len(data),
        "limit": 100,
        "current_page": 1,
        "total_pages": 1,
        "links": None,
    }


# -- construction -----------------------------------------------------------------------


def test_a_token_or_oauth_is_required_and_never_both() -> None:
    with pytest.raises(InvalidRequestError):
        AmiqusClient()
    with pytest.raises(InvalidRequestError):
        AmiqusClient(token="")
    client = AmiqusClient(token=TOKEN)
    assert TOKEN not in repr(client)
    assert client.base_url == API


# -- bad input fails before any request -----------------------------------------------------


async def test_bad_ids_limits_and_query_values_fail_before_sending(
    mocked: aioresponses, amiqus: AmiqusClient
) -> None:
    mocked.get(ANY, payload=CLIENT, repeat=True)
    with pytest.raises(InvalidRequestError, match="positive"):
        await amiqus.clients.get(0)
    with pytest.raises(InvalidRequestError):
        await amiqus.clients.get(True)
    with pytest.raises(InvalidRequestError, match="blank"):
        await amiqus.clients.get_form(7, " ")
    for limit in (0, 101, True):
        with pytest.raises(InvalidRequestError, match="limit"):
            amiqus.clients.list(limit=limit)
    with pytest.raises(InvalidRequestError, match="expand"):
        await amiqus.records.get(3, expand="client")  # type: ignore[arg-type]
    with pytest.raises(InvalidRequestError, match="assignee"):
        await amiqus.records.list(assignee=True).collect()
    assert sent(mocked) == []


async def test_bodies_are_checked_against_the_spec_before_sending(
    mocked: aioresponses, amiqus: AmiqusClient
) -> None:
    mocked.post(ANY, payload={}, repeat=True)
    with pytest.raises(InvalidRequestError, match="mixes fields"):
        RecordInput(client=1, template=2, steps=[RecordStepInput(type="check.photo_id")])
    with pytest.raises(InvalidRequestError, match="needs"):
        RecordInput(client=1)
    with pytest.raises(InvalidRequestError, match="client is required"):
        RecordInput(client=None, template=3)  # type: ignore[arg-type]
    with pytest.raises(InvalidRequestError, match="name must not be blank"):
        CaseInput(client=1, name="  ")
    with pytest.raises(InvalidRequestError, match="email"):
        ClientInput(email="not-an-address")
    with pytest.raises(InvalidRequestError, match="at most 255"):
        OrganisationInput(name="x" * 256)
    with pytest.raises(InvalidRequestError, match="at least one field"):
        await amiqus.records.update(5, RecordUpdate())
    with pytest.raises(InvalidRequestError, match="input model"):
        await amiqus.clients.create({"email": "a@b.co"})  # type: ignore[arg-type]
    with pytest.raises(InvalidRequestError, match="positive"):
        await amiqus.client_organisations.add(7, [0])
    assert sent(mocked) == []


async def test_attachments_of_a_type_or_size_amiqus_refuses_fail_before_sending(
    mocked: aioresponses, amiqus: AmiqusClient, tmp_path: Path
) -> None:
    mocked.post(ANY, payload={}, repeat=True)
    with pytest.raises(InvalidRequestError, match=r"\.exe"):
        await amiqus.attachments.create(Upload(b"MZ...", filename="tool.exe"))
    with pytest.raises(InvalidRequestError, match="empty"):
        await amiqus.attachments.create(Upload(b"", filename="a.pdf"))
    huge = tmp_path / "scan.pdf"
    with huge.open("wb") as handle:  # sparse: 100 MB + 1 byte without writing them
        handle.truncate(100 * 1024 * 1024 + 1)
    with pytest.raises(InvalidRequestError, match="100 MB"):
        await amiqus.attachments.create(huge)
    assert sent(mocked) == []


# -- what is sent ------------------------------------------------------------------------------


async def test_query_values_take_the_specs_forms(
    mocked: aioresponses, amiqus: AmiqusClient
) -> None:
    mocked.get(ANY, payload=page([]), repeat=True)
    since = datetime(2026, 5, 1, 10, 30, tzinfo=timezone(timedelta(hours=2)))
    await amiqus.records.list(expand=["client"], assignee=False, limit=10).collect()
    await amiqus.cases.list(status=["pending", "approved"], expand=["client", "items"]).collect()
    await amiqus.aggregates.case_status(start_date=since, assigned_to=False)
    queries = [u.query for _, u, _ in sent(mocked)]
    assert queries[0]["expand"] == "client"
    assert queries[0]["assignee"] == "false"
    assert queries[0]["limit"] == "10"
    assert queries[0]["page"] == "1"
    # explode: false in the spec: one value, comma-joined (not status=a&status=b)
    assert queries[1].getall("status") == ["pending,approved"]
    assert queries[1]["expand"] == "client,items"
    assert queries[2]["start_date"] == "2026-05-01T08:30:00Z"
    assert queries[2]["assigned_to"] == "false"


async def test_unset_body_fields_are_left_out_and_none_is_sent_as_null(
    mocked: aioresponses, amiqus: AmiqusClient
) -> None:
    mocked.post(f"{API}/clients", payload=CLIENT)
    body = ClientInput(
        name=NameInput(first_name="Ann", last_name="Lee"), email="ann@example.com", mobile=None
    )
    client = await amiqus.clients.create(body)
    assert client.id == 7
    assert client.name is not None
    assert client.name.first_name == "Ann"
    (_, _, kwargs), *_ = sent(mocked)
    assert kwargs["data"] == (
        b'{"name":{"first_name":"Ann","last_name":"Lee"},"email":"ann@example.com","mobile":null}'
    ) or kwargs["data"].replace(b" ", b"") == (
        b'{"name":{"first_name":"Ann","last_name":"Lee"},"email":"ann@example.com","mobile":null}'
    )
    assert body.landline is NOT_GIVEN


async def test_writes_answering_the_list_envelope_are_typed(
    mocked: aioresponses, amiqus: AmiqusClient
) -> None:
    member = {"object": "assignee", "id": 4, "type": "team_member", "team_member": None}
    mocked.post(
        f"{API}/clients/7/assignees",
        status=201,
        payload={"object": "list", "data": [member], "has_more": False, "url": "/x"},
    )
    answer = await amiqus.client_assignees.add(
        7, [AssigneeInput(type="team_member", team_member=4)]
    )
    assert isinstance(answer, ItemList)
    assert len(answer) == 1
    assert isinstance(answer[0], TeamMemberAssignee)
    assert [a.id for a in answer] == [4]
    (_, _, kwargs), *_ = sent(mocked)
    assert b'"team_member":4' in kwargs["data"].replace(b" ", b"")


# -- answers that are errors -----------------------------------------------------------------


async def test_a_422_carries_the_field_errors_amiqus_sends_at_the_top(
    mocked: aioresponses, amiqus: AmiqusClient
) -> None:
    errors = {"url": ["The url must be a valid URL."], "events.0": ["Unknown event."]}
    mocked.post(f"{API}/webhooks", status=422, payload=errors, headers={"X-Request-Id": "r-1"})
    with pytest.raises(ValidationError) as caught:
        await amiqus.webhooks.create(WebhookInput(url="nope", events=["client.*"]))
    assert caught.value.field_errors == errors
    assert caught.value.request_id == "r-1"
    assert "url: The url must be a valid URL." in str(caught.value)
    assert TOKEN not in str(caught.value)


@pytest.mark.parametrize(
    ("status", "body", "error"),
    [
        (410, {"error": "File scan detected a virus"}, GoneError),
        (423, {"error": "File scan is not yet complete"}, LockedError),
        (413, None, PayloadTooLargeError),
    ],
)
async def test_attachment_answers_are_typed_errors(
    mocked: aioresponses,
    amiqus: AmiqusClient,
    status: int,
    body: dict[str, str] | None,
    error: type[Exception],
) -> None:
    url = f"{API}/clients/7/files/9/download"
    if body is None:
        mocked.post(f"{API}/attachments", status=status, body="Request Entity Too Large")
        with pytest.raises(error):
            await amiqus.attachments.create(Upload(b"%PDF-1.7", filename="a.pdf"))
        return
    mocked.get(url, status=status, payload=body)
    with pytest.raises(error, match=body["error"]):
        async with amiqus.client_files.download(7, 9) as stream:
            await stream.read()

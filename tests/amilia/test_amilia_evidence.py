"""The Amilia rows of ../shared/vendor-docs/EVIDENCE.md, settled: for each, the exact request
the client puts on the wire and the model it reads back, against the emulator over loopback.
Also: ``GET /accounts/{id}``, and answers with keys and enum values we do not know yet."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator

import pytest

from amilia_async import AmiliaClient, BadRequestError, HTTPStatusError, paths
from amilia_async.emulator import AUTHENTICATE_METHOD, AmiliaEmulator
from amilia_async.models import (
    DEFAULT_WEBHOOK_VERSION,
    Account,
    ActivityStatus,
    WebhookAction,
    WebhookContext,
    WebhookSubscription,
)
from common import TokenExchange

ORG = "demo-org"
PREFIX = f"/api/v3/en/org/{ORG}"


@pytest.fixture
async def emulator() -> AsyncIterator[AmiliaEmulator]:
    async with AmiliaEmulator(organization=ORG, rate_limit=None) as emulator:
        yield emulator


def client_for(emulator: AmiliaEmulator) -> AmiliaClient:
    return AmiliaClient(
        organization=ORG,
        username=emulator.username,
        password=emulator.password,
        base_url=emulator.url,
    )


# -- login method: GET (the inventory's help-sourced row) ----------------------------------


async def test_the_login_is_one_get_with_basic_credentials(emulator: AmiliaEmulator) -> None:
    """GET /api/v3/authenticate, Basic base64(user:password), no query, no body; the Token
    answered is then the Bearer of the API call."""
    async with client_for(emulator) as amilia:
        await amilia.programs.get(1)
        assert amilia.token is not None
        token = amilia.token.reveal()
    login, call = emulator.server.requests
    credentials = base64.b64encode(f"{emulator.username}:{emulator.password}".encode()).decode()
    assert (login.method, login.path, login.status) == ("GET", "/api/v3/authenticate", 200)
    assert login.headers["Authorization"] == f"Basic {credentials}"
    assert not login.query
    assert login.body == b""
    assert (call.method, call.path) == ("GET", f"{PREFIX}/programs/1")
    assert call.headers["Authorization"] == f"Bearer {token}"
    assert paths.AUTHENTICATE_METHOD == AUTHENTICATE_METHOD == "GET"


async def test_a_client_logging_in_with_post_is_refused(emulator: AmiliaEmulator) -> None:
    """The emulator answers the chosen method only: a POST login is 405, nothing is issued."""
    auth = TokenExchange(
        emulator.url + paths.AUTHENTICATE,
        username=emulator.username,
        password=emulator.password,
        method="POST",
    )
    async with AmiliaClient(organization=ORG, auth=auth, base_url=emulator.url) as amilia:
        with pytest.raises(HTTPStatusError) as caught:
            await amilia.programs.get(1)
    assert caught.value.status == 405
    assert emulator.authenticate_calls == 0
    assert [r.method for r in emulator.server.requests] == ["POST"]


# -- v3 activity: Schedules[*].Locations[*], LocationLabel, HasWaitListEnabled, Forms ---------


async def test_an_activity_reads_its_v3_schedule_keys(emulator: AmiliaEmulator) -> None:
    """GET /activities/{id} with no query; the v3 schedule keys come back typed."""
    seeded = emulator.data.activities[1]
    async with client_for(emulator) as amilia:
        activity = await amilia.activities.get(1)
    (request,) = emulator.server.requests.filter(path=f"{PREFIX}/activities/1")
    assert request.method == "GET"
    assert not request.query
    place = seeded["Location"]["Name"]
    assert activity.schedules is not None
    assert activity.schedules[0].locations is not None
    assert activity.schedules[0].locations[0].name == place
    assert activity.schedules[0].locations[0].id == seeded["Location"]["Id"]
    assert activity.location_label == place
    assert activity.has_wait_list_enabled is True  # activity 1 has a waitlist
    assert activity.forms == []
    assert activity.schedule is None
    assert activity.schedule_location_names == [place]


async def test_a_v2_schedule_is_still_read_beside_the_v3_one(emulator: AmiliaEmulator) -> None:
    """An answer that also carries the v2 Schedule key keeps both, typed."""
    emulator.data.activities[3]["Schedule"] = [
        {"StartTime": "18:00:00", "EndTime": "19:00:00", "Occurences": 10}
    ]
    async with client_for(emulator) as amilia:
        activity = await amilia.activities.get(3)
    assert activity.schedule is not None
    assert (activity.schedule[0].start_time, activity.schedule[0].occurrences) == ("18:00:00", 10)
    assert activity.schedules is not None
    assert activity.has_wait_list_enabled is False


# -- webhook subscriptions: Version "V1", the Activity context, a {Id} answer ----------------


async def test_a_subscription_sends_version_v1_and_reads_the_id_answer(
    emulator: AmiliaEmulator,
) -> None:
    """POST /webhooks with {Name, Url, Context: "Activity", Action, Version: "V1"} as JSON;
    the {Id} answer is a subscription whose other fields are None; the list has them all."""
    async with client_for(emulator) as amilia:
        created = await amilia.webhooks.create(
            name="new activities",
            url="https://hooks.example.org/amilia",
            context=WebhookContext.ACTIVITY,
            action=WebhookAction.CREATE,
        )
        (listed,) = await amilia.webhooks.list().collect()
    (post,) = emulator.server.requests.filter(method="POST")
    assert post.path == f"{PREFIX}/webhooks"
    assert post.content_type == "application/json"
    assert not post.query
    assert post.json() == {
        "Name": "new activities",
        "Url": "https://hooks.example.org/amilia",
        "Context": "Activity",
        "Action": "Create",
        "Version": "V1",
    }
    assert DEFAULT_WEBHOOK_VERSION == "V1"
    assert created == WebhookSubscription(id=listed.id)
    assert created.name is None
    assert listed.context is WebhookContext.ACTIVITY
    assert listed.action is WebhookAction.CREATE
    assert listed.version == "V1"
    assert listed.extra["IsActive"] is True  # a key the model does not declare


async def test_another_version_is_sent_as_given_and_refused_like_amilia(
    emulator: AmiliaEmulator,
) -> None:
    """version= overrides V1 on the wire; a version the vendor does not know is a 400."""
    async with client_for(emulator) as amilia:
        with pytest.raises(BadRequestError):
            await amilia.webhooks.create(
                name="n", url="https://hooks.example.org/a", context="Account", action="Update",
                version="V2",
            )  # fmt: skip
    (post,) = emulator.server.requests.filter(method="POST")
    assert post.json()["Version"] == "V2"
    assert emulator.data.webhooks == {}


async def test_an_unlisted_context_is_sent_as_given_and_refused_like_amilia(
    emulator: AmiliaEmulator,
) -> None:
    """A context string outside the enum goes out unchanged; the emulator answers 400."""
    async with client_for(emulator) as amilia:
        with pytest.raises(BadRequestError) as caught:
            await amilia.webhooks.create(
                name="n", url="https://hooks.example.org/a", context="Booking", action="Create"
            )
    (post,) = emulator.server.requests.filter(method="POST")
    assert post.json()["Context"] == "Booking"
    assert caught.value.request_id


# -- GET /accounts/{id} -------------------------------------------------------------------


async def test_get_an_account(emulator: AmiliaEmulator) -> None:
    """GET /accounts/{id}, no query, no body: the account with its owners and members."""
    seeded = emulator.data.accounts[7]
    async with client_for(emulator) as amilia:
        account = await amilia.accounts.get(7)
    (request,) = emulator.server.requests.filter(path=f"{PREFIX}/accounts/7")
    assert (request.method, dict(request.query), request.body) == ("GET", {}, b"")
    assert isinstance(account, Account)
    assert account.id == 7
    assert account.owners is not None
    assert account.owners[0].account_owner_email == seeded["Owners"][0]["AccountOwnerEmail"]
    assert account.members is not None
    assert [m.id for m in account.members] == [m["Id"] for m in seeded["Members"]]


# -- forward compatibility -------------------------------------------------------------------


async def test_unknown_fields_and_enum_values_reach_the_caller(emulator: AmiliaEmulator) -> None:
    """An answer with a new key (top level and nested) and a new enum value parses; the new
    keys are in model.extra and model.to_dict(), the new value stays a plain string."""
    activity = emulator.data.activities[1]
    activity["Status"] = "Paused"
    activity["PromoBanner"] = {"Text": "-20 %", "Until": "2030-01-01"}
    activity["Schedules"][0]["Locations"][0]["Floor"] = 2
    emulator.data.webhooks[9] = {"Id": 9, "Context": "Booking", "Action": "Cancel", "Owner": "x"}
    async with client_for(emulator) as amilia:
        got = await amilia.activities.get(1)
        (subscription,) = await amilia.webhooks.list().collect()
    assert got.status == "Paused"
    assert not isinstance(got.status, ActivityStatus)
    assert got.extra["PromoBanner"] == {"Text": "-20 %", "Until": "2030-01-01"}
    assert got.to_dict()["PromoBanner"] == activity["PromoBanner"]
    assert got.to_dict()["Status"] == "Paused"
    assert got.schedules is not None
    assert got.schedules[0].locations is not None
    assert got.schedules[0].locations[0].extra == {"Floor": 2}
    assert (subscription.context, subscription.action) == ("Booking", "Cancel")
    assert subscription.extra == {"Owner": "x"}

"""Amiqus webhooks: signatures, typed events for every alias family, and the aiohttp handler."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import logging
from datetime import datetime, timezone
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from amiqus_async.webhooks import (
    CaseRef,
    ClientRef,
    FormRef,
    OrganisationRef,
    RecordRef,
    RecordSubject,
    WebhookAlias,
    WebhookEvent,
    WebhookFamily,
    WebhookSignatureError,
    check_signature,
    delivery_attempt,
    parse_event,
    sign,
    verify_signature,
    webhook_handler,
)
from common import DecodeError, InvalidRequestError, Secret
from common.testing import EmulatorFactory

SECRET = "whsec-amiqus-shared"
API = "https://id.amiqus.co/api/v2"


def hmac_b64(body: bytes, secret: str = SECRET) -> str:
    """The guide's recipe, written out independently of the code under test."""
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def payload(alias: str, data: Any) -> bytes:
    return json.dumps(
        {
            "webhook": {
                "uuid": "db6a2d91-b67e-4f88-b71a-b73da98c5168",
                "created_at": "2023-02-11T13:01:34Z",
                "events": ["*"],
            },
            "trigger": {"triggered_at": "2023-06-28T16:15:27Z", "alias": alias},
            "data": data,
        }
    ).encode()


CLIENT: dict[str, Any] = {"id": 472346, "show": f"{API}/clients/472346"}
RECORD: dict[str, Any] = {
    "id": 90,
    "type": "client",
    "show": f"{API}/records/90",
    "download": f"{API}/records/90/download",
}
CASE: dict[str, Any] = {"id": 7, "show": f"{API}/cases/7"}
FORM: dict[str, Any] = {
    "reference": "8c1f0d4e-5b7a-4a0e-9d57-0c2f1e3a9b11",
    "show": f"{API}/forms/8c1f",
}


# -- signatures ------------------------------------------------------------------------------


def test_a_signature_made_with_the_guides_recipe_verifies() -> None:
    """base64(HMAC-SHA256(raw body, shared secret)) is accepted, as str or Secret."""
    body = payload("client.created", {"client": CLIENT})
    assert sign(body, SECRET) == hmac_b64(body)
    assert verify_signature(body, hmac_b64(body), SECRET)
    assert verify_signature(body, hmac_b64(body), Secret(SECRET))
    assert verify_signature(body, f"  {hmac_b64(body)}\n", SECRET)  # header whitespace


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "not base64 at all!",
        "%%%%",
        "é",
        base64.b64encode(b"short").decode(),
        hmac_b64(b"another body"),
        hmac_b64(b"{}", "another secret"),
        hmac.new(SECRET.encode(), b"{}", hashlib.sha256).hexdigest(),  # hex, not base64
    ],
)
def test_a_missing_malformed_or_wrong_signature_is_false_never_an_exception(
    header: str | None,
) -> None:
    """Every bad header gives False; verify_signature does not raise on bad input."""
    assert verify_signature(b"{}", header, SECRET) is False


def test_a_changed_body_or_an_empty_secret_does_not_verify() -> None:
    """One flipped byte fails; an empty secret verifies nothing."""
    body = payload("record.finished", {"record": RECORD})
    assert not verify_signature(body + b" ", hmac_b64(body), SECRET)
    assert not verify_signature(body, hmac_b64(body, ""), "")


def test_check_signature_raises_without_showing_the_secret() -> None:
    """The raising variant says what is wrong, and never the secret or the expected value."""
    body = b"{}"
    check_signature(body, hmac_b64(body), SECRET)
    with pytest.raises(WebhookSignatureError) as caught:
        check_signature(body, hmac_b64(b"x"), SECRET)
    assert SECRET not in str(caught.value)
    assert hmac_b64(body) not in str(caught.value)
    with pytest.raises(WebhookSignatureError, match="missing"):
        check_signature(body, None, SECRET)


def test_the_delivery_attempt_header_is_read() -> None:
    """X-AQID-Delivery-Attempt as an int; absent or garbage gives None."""
    assert delivery_attempt({"X-AQID-Delivery-Attempt": "3"}) == 3
    assert delivery_attempt({}) is None
    assert delivery_attempt({"X-AQID-Delivery-Attempt": "soon"}) is None


# -- parsing ---------------------------------------------------------------------------------


def test_the_guides_example_payload_parses_into_a_typed_event() -> None:
    """The envelope: webhook (uuid, created_at, events), trigger (alias, time), data."""
    event = parse_event(payload("client.created", {"client": CLIENT}))
    assert event.alias is WebhookAlias.CLIENT_CREATED
    assert event.family == "client"
    assert event.family is WebhookFamily.CLIENT
    assert event.triggered_at == datetime(2023, 6, 28, 16, 15, 27, tzinfo=timezone.utc)
    assert event.webhook is not None
    assert event.webhook_uuid == "db6a2d91-b67e-4f88-b71a-b73da98c5168"
    assert event.webhook.created_at == datetime(2023, 2, 11, 13, 1, 34, tzinfo=timezone.utc)
    assert event.webhook.events == ("*",)
    assert event.data.client == ClientRef(id=472346, show=f"{API}/clients/472346")
    assert event.data.record is None
    assert event.data.case is None
    assert event.raw["trigger"]["alias"] == "client.created"


@pytest.mark.parametrize(
    ("alias", "data", "expected"),
    [
        ("client.deleted", {"client": {"id": 5}}, {"client": ClientRef(5)}),
        (
            "client.record",
            {"client": CLIENT, "record": RECORD},
            {"client": ClientRef(**CLIENT), "record": RecordRef(**RECORD)},
        ),
        (
            "case.approved",
            {"case": CASE, "client": CLIENT},
            {"case": CaseRef(**CASE), "client": ClientRef(**CLIENT)},
        ),
        (
            "record.finished",
            {"record": RECORD, "client": CLIENT, "case": CASE},
            {
                "record": RecordRef(**RECORD),
                "client": ClientRef(**CLIENT),
                "case": CaseRef(**CASE),
            },
        ),
        (
            "record.created",  # not in a case: the guide's case fields are null
            {"record": RECORD, "client": CLIENT, "case": {"id": None, "show": None}},
            {"record": RecordRef(**RECORD), "client": ClientRef(**CLIENT), "case": None},
        ),
        (
            "watchlist.updated",  # an organisation record
            {
                "record": {"id": 91, "type": "organisation"},
                "organisation": {"id": 12, "show": f"{API}/organisations/12"},
            },
            {
                "record": RecordRef(91, type=RecordSubject.ORGANISATION),
                "organisation": OrganisationRef(12, f"{API}/organisations/12"),
            },
        ),
        (
            "form.submitted",  # a form sent as a record step
            {"form": FORM, "client": CLIENT, "record": RECORD, "case": None},
            {
                "form": FormRef(**FORM),
                "client": ClientRef(**CLIENT),
                "record": RecordRef(**RECORD),
                "case": None,
            },
        ),
        ("form.deleted", {"form": FORM}, {"form": FormRef(**FORM)}),
    ],
)
def test_every_alias_family_has_its_typed_data(
    alias: str, data: dict[str, Any], expected: dict[str, Any]
) -> None:
    """client, case, record, watchlist and form payloads fill the documented references."""
    event = parse_event(payload(alias, data))
    assert event.alias == alias
    assert isinstance(event.alias, WebhookAlias)
    assert event.family == alias.split(".")[0]
    for name in ("client", "record", "case", "organisation", "form"):
        assert getattr(event.data, name) == expected.get(name), name


def test_every_documented_alias_is_known_and_has_its_family() -> None:
    """All 34 delivery aliases of the spec are members; each knows its family."""
    assert len(WebhookAlias) == 34
    for alias in WebhookAlias:
        assert parse_event(payload(alias.value, {})).family is alias.family
        assert alias.value.startswith(alias.family.value)


def test_an_unknown_alias_and_unknown_keys_are_kept_not_a_crash() -> None:
    """A future alias stays a string with its family derived; new data keys are ignored."""
    body = payload(
        "invoice.paid", {"invoice": {"id": 3}, "client": {"id": 1, "show": None, "new": 1}}
    )
    event = parse_event(body)
    assert event.alias == "invoice.paid"
    assert not isinstance(event.alias, WebhookAlias)
    assert event.family == "invoice"
    assert event.data.client == ClientRef(1)
    assert event.raw["data"]["invoice"] == {"id": 3}
    unknown_type = parse_event(payload("record.created", {"record": {"id": 1, "type": "robot"}}))
    assert unknown_type.data.record == RecordRef(1, type="robot")


def test_null_data_and_the_spec_delivery_log_shape_are_accepted() -> None:
    """data null gives empty data; {uuid, event, sent_at, data} (the spec's shape) parses too."""
    event = parse_event(payload("client.created", None))
    assert event.data.client is None
    ping = parse_event(b'{"uuid": "u-1", "event": "ping", "sent_at": "2024-01-01T00:00:00Z"}')
    assert ping.alias is WebhookAlias.PING
    assert ping.family == "ping"
    assert ping.webhook is None
    assert ping.webhook_uuid is None
    assert ping.triggered_at == datetime(2024, 1, 1, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{not json", "not JSON"),
        (b"[1, 2]", "not a JSON object"),
        (b"", "not JSON"),
        (b'{"webhook": {"uuid": "u"}, "data": {}}', "trigger"),
        (payload("client.created", {"client": {"id": "abc"}}), r"\$\.data\.client\.id"),
        (payload("form.sent", {"form": {"show": "x"}}), r"\$\.data\.form\.reference"),
    ],
)
def test_bad_json_or_shape_raises_decode_error(body: bytes, message: str) -> None:
    """Only DecodeError, naming the bad field's path."""
    with pytest.raises(DecodeError, match=message):
        parse_event(body)


def test_events_are_frozen_and_compare_by_value() -> None:
    """Frozen, slotted models: equal payloads give equal events; fields cannot be set."""
    body = payload("case.created", {"case": CASE, "client": CLIENT})
    event = parse_event(body)
    assert event == parse_event(body)
    assert isinstance(event, WebhookEvent)
    assert not hasattr(event, "__dict__")
    with pytest.raises(AttributeError):
        event.trigger = event.trigger  # type: ignore[misc]


# -- the handler, over a real socket ---------------------------------------------------------


async def deliver(url: str, body: bytes, headers: dict[str, str] | None = None) -> int:
    async with (
        aiohttp.ClientSession() as session,
        session.post(
            url, data=body, headers={"Content-Type": "application/json", **(headers or {})}
        ) as response,
    ):
        return response.status


async def receiver(emulator: EmulatorFactory, on_event: Any, **kwargs: Any) -> str:
    app = web.Application()
    app.router.add_post("/hooks/amiqus", webhook_handler(on_event, secret=SECRET, **kwargs))
    server = await emulator(app)
    return f"{server.url}/hooks/amiqus"


async def test_a_signed_delivery_reaches_the_callback_as_a_typed_event(
    emulator: EmulatorFactory,
) -> None:
    """A genuine delivery is answered 200 and the callback gets a WebhookEvent."""
    seen: list[WebhookEvent] = []

    async def on_event(event: WebhookEvent) -> None:
        seen.append(event)

    url = await receiver(emulator, on_event)
    body = payload("record.finished", {"record": RECORD, "client": CLIENT, "case": None})
    status = await deliver(
        url, body, {"X-AQID-Signature": hmac_b64(body), "X-AQID-Delivery-Attempt": "1"}
    )
    assert status == 200
    (event,) = seen
    assert event.alias is WebhookAlias.RECORD_FINISHED
    assert event.data.record == RecordRef(**RECORD)


async def test_forged_unsigned_and_unreadable_deliveries_are_refused(
    emulator: EmulatorFactory, caplog: pytest.LogCaptureFixture
) -> None:
    """A forged or missing signature is 404 (as the guide advises), bad JSON 400; the callback
    sees none of them, and the secret is never logged."""
    caplog.set_level(logging.DEBUG)
    seen: list[WebhookEvent] = []
    url = await receiver(emulator, seen.append)
    body = payload("client.archived", {"client": CLIENT})
    assert await deliver(url, body, {"X-AQID-Signature": hmac_b64(body, "guess")}) == 404
    assert await deliver(url, body) == 404
    assert await deliver(url, body, {"X-AQID-Signature": "!!"}) == 404
    tampered = body.replace(b"472346", b"1")
    assert await deliver(url, tampered, {"X-AQID-Signature": hmac_b64(body)}) == 404
    garbage = b"{not json"
    assert await deliver(url, garbage, {"X-AQID-Signature": hmac_b64(garbage)}) == 400
    assert seen == []
    assert SECRET not in caplog.text
    assert hmac_b64(body) not in caplog.text


async def test_a_slow_callback_is_acknowledged_in_time_and_still_runs(
    emulator: EmulatorFactory,
) -> None:
    """Amiqus waits 5 s: past respond_within the delivery is answered 202; the work goes on."""
    release = asyncio.Event()
    done: list[WebhookAlias | str] = []

    async def slow(event: WebhookEvent) -> None:
        await release.wait()
        done.append(event.alias)

    url = await receiver(emulator, slow, respond_within=0.05)
    body = payload("case.status", {"case": CASE, "client": CLIENT})
    assert await deliver(url, body, {"X-AQID-Signature": hmac_b64(body)}) == 202
    assert done == []
    release.set()
    for _ in range(100):
        if done:
            break
        await asyncio.sleep(0.01)
    assert done == [WebhookAlias.CASE_STATUS]


async def test_a_callback_failing_in_time_answers_500_so_amiqus_retries(
    emulator: EmulatorFactory, caplog: pytest.LogCaptureFixture
) -> None:
    """An exception within the window is logged and answered 500 (Amiqus delivers again)."""

    def explode(event: WebhookEvent) -> None:
        raise RuntimeError("database down")

    url = await receiver(emulator, explode)
    body = payload("form.updated", {"form": FORM})
    assert await deliver(url, body, {"X-AQID-Signature": hmac_b64(body)}) == 500
    assert "database down" in caplog.text


async def test_a_late_failure_is_logged_after_the_202(
    emulator: EmulatorFactory, caplog: pytest.LogCaptureFixture
) -> None:
    """A callback that fails after the answer was sent is logged, not lost silently."""
    release = asyncio.Event()
    failed = asyncio.Event()

    async def late(event: WebhookEvent) -> None:
        await release.wait()
        failed.set()
        raise RuntimeError("late trouble")

    url = await receiver(emulator, late, respond_within=0.01)
    body = payload("record.updated", {"record": RECORD})
    assert await deliver(url, body, {"X-AQID-Signature": hmac_b64(body)}) == 202
    release.set()
    await asyncio.wait_for(failed.wait(), 1)
    for _ in range(50):
        if "late trouble" in caplog.text:
            break
        await asyncio.sleep(0.01)
    assert "late trouble" in caplog.text
    assert "acknowledged" in caplog.text


async def test_several_secrets_are_accepted_and_an_empty_one_refused(
    emulator: EmulatorFactory,
) -> None:
    """One URL for the webhooks of several teams: any of their secrets verifies."""
    seen: list[WebhookEvent] = []
    app = web.Application()
    app.router.add_post("/h", webhook_handler(seen.append, secret=["team-a", Secret("team-b")]))
    server = await emulator(app)
    body = payload("client.updated", {"client": CLIENT})
    for secret in ("team-a", "team-b"):
        signed = {"X-AQID-Signature": hmac_b64(body, secret)}
        assert await deliver(f"{server.url}/h", body, signed) == 200
    assert len(seen) == 2
    with pytest.raises(InvalidRequestError):
        webhook_handler(seen.append, secret="")
    with pytest.raises(InvalidRequestError):
        webhook_handler(seen.append, secret=[])


def test_enum_members_print_as_their_wire_value() -> None:
    """str() and f-strings of an alias, a family or a subject give what Amiqus sent."""
    assert str(WebhookAlias.RECORD_FINISHED) == "record.finished"
    assert f"{WebhookFamily.RECORD}" == "record"
    assert str(RecordSubject.ORGANISATION) == "organisation"

"""Receiving webhooks through common.webhooks.webhook_handler, over a real socket."""

from __future__ import annotations

import hmac
import json
from collections.abc import Mapping
from hashlib import sha256
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from common.errors import DecodeError
from common.testing import EmulatorFactory
from common.webhooks import webhook_handler


def parse(body: bytes) -> dict[str, Any]:
    try:
        value = json.loads(body)
    except ValueError as err:
        raise DecodeError("not JSON") from err
    if not isinstance(value, dict):
        raise DecodeError("not an object")
    return value


def signed_by(secret: bytes) -> Any:
    def verify(body: bytes, headers: Mapping[str, str]) -> bool:
        expected = hmac.new(secret, body, sha256).hexdigest()
        return hmac.compare_digest(expected, headers.get("X-Signature", ""))

    return verify


async def post(url: str, body: bytes, headers: dict[str, str] | None = None) -> int:
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, data=body, headers=headers or {}) as response,
    ):
        return response.status


@pytest.mark.parametrize("asynchronous", [False, True])
async def test_a_delivery_reaches_the_handler_as_one_event(
    emulator: EmulatorFactory, asynchronous: bool
) -> None:
    """A valid payload is parsed and handed to a plain or async callback; 200 answers it."""
    seen: list[dict[str, Any]] = []

    async def on_event_async(event: dict[str, Any]) -> None:
        seen.append(event)

    app = web.Application()
    app.router.add_post(
        "/hook", webhook_handler(parse, on_event_async if asynchronous else seen.append)
    )
    server = await emulator(app)
    assert await post(f"{server.url}/hook", b'{"Type": "Intake Submitted"}') == 200
    assert seen == [{"Type": "Intake Submitted"}]


async def test_unverified_unreadable_and_oversized_deliveries_are_refused(
    emulator: EmulatorFactory,
) -> None:
    """A bad signature is 401, bad JSON 400, too big 413; none reaches the callback."""
    seen: list[object] = []
    app = web.Application()
    app.router.add_post(
        "/hook", webhook_handler(parse, seen.append, verify=signed_by(b"s3"), max_body=64)
    )
    server = await emulator(app)
    body = b'{"a": 1}'
    good = hmac.new(b"s3", body, sha256).hexdigest()
    assert await post(f"{server.url}/hook", body, {"X-Signature": "nope"}) == 401
    bad = b"{not json"
    assert (
        await post(
            f"{server.url}/hook", bad, {"X-Signature": hmac.new(b"s3", bad, sha256).hexdigest()}
        )
        == 400
    )
    assert await post(f"{server.url}/hook", b"x" * 100) == 413
    assert seen == []
    assert await post(f"{server.url}/hook", body, {"X-Signature": good}) == 200
    assert seen == [{"a": 1}]


async def test_a_failing_callback_answers_500_so_the_vendor_retries(
    emulator: EmulatorFactory, caplog: pytest.LogCaptureFixture
) -> None:
    """An exception in the callback is logged and answered 500."""

    def explode(event: object) -> None:
        raise RuntimeError("database down")

    app = web.Application()
    app.router.add_post("/hook", webhook_handler(parse, explode))
    server = await emulator(app)
    assert await post(f"{server.url}/hook", b"{}") == 500
    assert "database down" in caplog.text

"""Capability 6: one log line per exchange, headers at DEBUG, secrets nowhere."""

from __future__ import annotations

import asyncio
import logging
import traceback

import pytest
from aioresponses import CallbackResult, aioresponses

from common import (
    ApiError,
    ApiKeyHeader,
    Auth,
    BasicAuth,
    BearerToken,
    OAuth2RefreshToken,
    TokenExchange,
)

from .support import BASE, FAST_RETRIES, DemoClient, refused

SECRET = "s3cr3t-VALUE-never-logged"
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl-never-logged"


async def test_one_line_per_exchange_with_method_url_status_attempt_and_time(
    mocked: aioresponses, caplog: pytest.LogCaptureFixture
) -> None:
    """Each attempt logs `METHOD URL -> STATUS (attempt N, X ms)` on the vendor's logger."""
    mocked.get(f"{BASE}/items?page=2", status=503)
    mocked.get(f"{BASE}/items?page=2", payload=[])
    caplog.set_level(logging.INFO, logger="demo_async")
    async with DemoClient(base_url=BASE, retry=FAST_RETRIES) as client:
        await client.request("GET", "/items", params={"page": 2})
    lines = [r.getMessage() for r in caplog.records if r.name == "demo_async"]
    exchanges = [line for line in lines if " -> " in line]
    assert len(exchanges) == 2
    assert exchanges[0].startswith(f"GET {BASE}/items?page=2 -> 503 (attempt 1, ")
    assert exchanges[1].startswith(f"GET {BASE}/items?page=2 -> 200 (attempt 2, ")
    assert exchanges[1].endswith(" ms)")
    assert any(line.startswith("retrying GET") and "after 503" in line for line in lines)


async def test_nothing_is_formatted_when_logging_is_off(
    mocked: aioresponses, caplog: pytest.LogCaptureFixture
) -> None:
    """With the logger above INFO no exchange record is emitted."""
    mocked.get(f"{BASE}/items", payload=[])
    caplog.set_level(logging.WARNING, logger="demo_async")
    async with DemoClient(base_url=BASE) as client:
        await client.request("GET", "/items")
    assert [r for r in caplog.records if r.name == "demo_async"] == []


async def test_debug_adds_headers_with_credentials_redacted(
    mocked: aioresponses, caplog: pytest.LogCaptureFixture
) -> None:
    """DEBUG shows request and response headers; Authorization and cookies are masked."""
    mocked.get(f"{BASE}/items", payload=[], headers={"Set-Cookie": f"s={SECRET}"})
    caplog.set_level(logging.DEBUG, logger="demo_async")
    async with DemoClient(base_url=BASE, auth=BearerToken(SECRET)) as client:
        await client.request("GET", "/items")
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "request headers:" in text
    assert "'Authorization': '[redacted]'" in text
    assert "'Set-Cookie': '[redacted]'" in text
    assert SECRET not in text


def _strategies() -> list[tuple[str, Auth]]:
    return [
        ("bearer", BearerToken(SECRET)),
        ("api-key", ApiKeyHeader(SECRET, header="X-Auth-Key")),
        ("custom-header", ApiKeyHeader(SECRET, header="X-Vendor-Token")),
        ("basic", BasicAuth("user/token", SECRET)),
        ("exchange", TokenExchange(f"{BASE}/login", username="u", password=SECRET)),
        (
            "oauth2",
            OAuth2RefreshToken(
                f"{BASE}/oauth/token",
                client_id="c",
                client_secret=SECRET,
                access_token=SECRET + "-a",
                refresh_token=SECRET + "-r",
            ),
        ),
    ]


@pytest.mark.parametrize(("name", "auth"), _strategies(), ids=[n for n, _ in _strategies()])
async def test_no_secret_in_logs_reprs_or_errors_during_a_run_with_failures(
    mocked: aioresponses, caplog: pytest.LogCaptureFixture, name: str, auth: Auth
) -> None:
    """For each strategy: DEBUG logs, reprs, error strings and tracebacks never hold a secret."""
    mocked.post(f"{BASE}/login", payload={"Token": JWT}, repeat=True)
    mocked.post(
        f"{BASE}/oauth/token", payload={"access_token": JWT, "refresh_token": JWT}, repeat=True
    )
    mocked.get(f"{BASE}/a", status=401, payload={"message": "no"}, repeat=True)
    mocked.get(f"{BASE}/b", exception=refused(), repeat=True)
    mocked.get(
        f"{BASE}/c?token={SECRET}", status=500, body=f"<html>{SECRET[:3]}</html>", repeat=True
    )
    caplog.set_level(logging.DEBUG)
    seen: list[str] = []
    async with DemoClient(base_url=BASE, auth=auth, retry=FAST_RETRIES) as client:
        seen += [repr(client), repr(client.auth), str(vars(client.auth))]
        for path, params in (("/a", None), ("/b", None), ("/c", {"token": SECRET})):
            with pytest.raises(ApiError) as caught:
                await client.request("GET", path, params=params)
            error = caught.value
            seen += [str(error), repr(error), repr(vars(error))]
            seen += traceback.format_exception(type(error), error, error.__traceback__)
    seen += [r.getMessage() for r in caplog.records]
    everything = "\n".join(seen)
    assert SECRET not in everything
    assert JWT not in everything


async def test_cancelled_call_logs_no_secret_and_leaves_the_client_usable(
    mocked: aioresponses, caplog: pytest.LogCaptureFixture
) -> None:
    """A call cancelled mid-request logs nothing secret; the next call works."""

    async def slow(url: object, **kwargs: object) -> CallbackResult:
        await asyncio.sleep(1)
        return CallbackResult(payload={})

    mocked.get(f"{BASE}/slow", callback=slow)
    mocked.get(f"{BASE}/fast", payload={"ok": 1})
    caplog.set_level(logging.DEBUG)
    async with DemoClient(base_url=BASE, auth=BearerToken(SECRET)) as client:
        task = asyncio.create_task(client.request("GET", "/slow"))
        await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert await client.request("GET", "/fast") == {"ok": 1}
    assert SECRET not in caplog.text

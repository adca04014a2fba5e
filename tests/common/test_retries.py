"""Capability 3: retries through the client — what is repeated, what never is."""

from __future__ import annotations

import asyncio
import time
from email.utils import formatdate

import pytest
from aioresponses import aioresponses

from common import (
    ConnectError,
    RateLimitError,
    ReadError,
    RetryPolicy,
    ServerError,
    TimeoutError,
)

from .support import BASE, FAST_RETRIES, DemoClient, calls, refused


async def test_post_is_not_retried_after_a_503(client: DemoClient, mocked: aioresponses) -> None:
    """A 503 to a POST may have been processed: one attempt, then ServerError."""
    mocked.post(f"{BASE}/records", status=503, payload={"message": "busy"})
    mocked.post(f"{BASE}/records", status=201, payload={"id": 1})
    with pytest.raises(ServerError) as caught:
        await client.request("POST", "/records", json={"a": 1})
    assert caught.value.attempts == 1
    assert len(calls(mocked, "POST", f"{BASE}/records")) == 1


async def test_post_is_retried_after_a_429(client: DemoClient, mocked: aioresponses) -> None:
    """A 429 means "not processed": the POST is sent again and succeeds."""
    mocked.post(f"{BASE}/records", status=429, headers={"Retry-After": "0"})
    mocked.post(f"{BASE}/records", status=201, payload={"id": 1})
    assert await client.request("POST", "/records", json={"a": 1}) == {"id": 1}
    assert len(calls(mocked, "POST", f"{BASE}/records")) == 2


async def test_post_is_retried_after_a_refused_connection(
    client: DemoClient, mocked: aioresponses
) -> None:
    """A connection never established cannot have delivered the POST: it is retried."""
    mocked.post(f"{BASE}/records", exception=refused())
    mocked.post(f"{BASE}/records", status=201, payload={"id": 2})
    assert await client.request("POST", "/records", json={}) == {"id": 2}
    assert len(calls(mocked, "POST", f"{BASE}/records")) == 2


async def test_get_is_retried_after_5xx_until_success(
    client: DemoClient, mocked: aioresponses
) -> None:
    """GET after 502 and 504 is repeated; the third attempt's answer is returned."""
    mocked.get(f"{BASE}/records", status=502)
    mocked.get(f"{BASE}/records", status=504)
    mocked.get(f"{BASE}/records", payload={"data": []})
    assert await client.request("GET", "/records") == {"data": []}
    assert len(calls(mocked, "GET", f"{BASE}/records")) == 3


async def test_errors_say_how_many_attempts_were_made(
    client: DemoClient, mocked: aioresponses
) -> None:
    """When retries run out, the error carries the attempt count, in its text too."""
    mocked.get(f"{BASE}/records", status=503, repeat=True)
    with pytest.raises(ServerError) as caught:
        await client.request("GET", "/records")
    assert caught.value.attempts == 3
    assert "3 attempts" in str(caught.value)


async def test_transport_errors_say_how_many_attempts_were_made(
    client: DemoClient, mocked: aioresponses
) -> None:
    """A connection refused every time ends in ConnectError after 1 + max_retries tries."""
    mocked.get(f"{BASE}/records", exception=refused(), repeat=True)
    with pytest.raises(ConnectError) as caught:
        await client.request("GET", "/records")
    assert caught.value.attempts == 3


async def test_read_timeout_retried_for_get_but_not_for_post(
    client: DemoClient, mocked: aioresponses
) -> None:
    """A timeout after sending is retried for GET only; POST raises TimeoutError at once."""
    mocked.get(f"{BASE}/slow", exception=asyncio.TimeoutError())
    mocked.get(f"{BASE}/slow", payload={"ok": 1})
    mocked.post(f"{BASE}/slow", exception=asyncio.TimeoutError(), repeat=True)
    assert await client.request("GET", "/slow") == {"ok": 1}
    with pytest.raises(TimeoutError):
        await client.request("POST", "/slow")
    assert len(calls(mocked, "POST", f"{BASE}/slow")) == 1


async def test_a_dropped_connection_is_retried_only_for_idempotent_methods(
    client: DemoClient, mocked: aioresponses
) -> None:
    """ServerDisconnected: PUT retried, PATCH not (it may have been applied)."""
    import aiohttp

    mocked.put(f"{BASE}/x", exception=aiohttp.ServerDisconnectedError())
    mocked.put(f"{BASE}/x", payload={})
    mocked.patch(f"{BASE}/x", exception=aiohttp.ServerDisconnectedError(), repeat=True)
    assert await client.request("PUT", "/x", json={}) == {}
    with pytest.raises(ReadError):
        await client.request("PATCH", "/x", json={})
    assert len(calls(mocked, "PATCH", f"{BASE}/x")) == 1


@pytest.mark.parametrize(
    ("retry_after", "low", "high"),
    [("1", 0.95, 1.6), ("0.3", 0.28, 0.8), ("http-date", 0.5, 2.6)],
    ids=["seconds", "fractional", "http-date"],
)
async def test_retry_after_in_all_three_forms_is_waited(
    client: DemoClient, mocked: aioresponses, retry_after: str, low: float, high: float
) -> None:
    """The client waits what Retry-After says — seconds, fractions or an HTTP date."""
    if retry_after == "http-date":
        retry_after = formatdate(time.time() + 2, usegmt=True)
    mocked.get(f"{BASE}/limited", status=429, headers={"Retry-After": retry_after})
    mocked.get(f"{BASE}/limited", payload={"ok": True})
    started = time.monotonic()
    assert await client.request("GET", "/limited") == {"ok": True}
    assert low <= time.monotonic() - started <= high


async def test_a_wait_above_the_cap_raises_rate_limit_error_at_once(
    mocked: aioresponses,
) -> None:
    """Retry-After above max_retry_after: RateLimitError(retry_after) now, no sleeping."""
    mocked.get(f"{BASE}/limited", status=429, headers={"Retry-After": "3600"}, repeat=True)
    async with DemoClient(base_url=BASE, retry=RetryPolicy(max_retry_after=60)) as client:
        started = time.monotonic()
        with pytest.raises(RateLimitError) as caught:
            await client.request("GET", "/limited")
    assert time.monotonic() - started < 0.5
    assert caught.value.retry_after == 3600
    assert caught.value.attempts == 1
    assert len(calls(mocked, "GET", f"{BASE}/limited")) == 1


async def test_429s_past_the_retry_budget_raise_rate_limit_error(
    client: DemoClient, mocked: aioresponses
) -> None:
    """Still 429 after every retry: RateLimitError with the last Retry-After."""
    mocked.get(f"{BASE}/limited", status=429, headers={"Retry-After": "0.01"}, repeat=True)
    with pytest.raises(RateLimitError) as caught:
        await client.request("GET", "/limited")
    assert caught.value.retry_after == pytest.approx(0.01)
    assert caught.value.attempts == 3


async def test_max_retries_is_configurable_per_client_and_per_call(
    mocked: aioresponses,
) -> None:
    """max_retries=5 on the client allows six attempts; with_options(max_retries=0) one."""
    mocked.get(f"{BASE}/flaky", status=500, repeat=True)
    async with DemoClient(base_url=BASE, retry=FAST_RETRIES, max_retries=5) as client:
        with pytest.raises(ServerError):
            await client.request("GET", "/flaky")
        assert len(calls(mocked, "GET", f"{BASE}/flaky")) == 6
        with pytest.raises(ServerError):
            await client.with_options(max_retries=0).request("GET", "/flaky")
        assert len(calls(mocked, "GET", f"{BASE}/flaky")) == 7


async def test_backoff_without_retry_after_grows(mocked: aioresponses) -> None:
    """Without Retry-After, waits follow the exponential backoff (here 0.1 s then 0.2 s)."""
    mocked.get(f"{BASE}/flaky", status=503)
    mocked.get(f"{BASE}/flaky", status=503)
    mocked.get(f"{BASE}/flaky", payload={})
    policy = RetryPolicy(backoff_base=0.1, jitter=False)
    async with DemoClient(base_url=BASE, retry=policy) as client:
        started = time.monotonic()
        await client.request("GET", "/flaky")
    assert 0.29 <= time.monotonic() - started < 0.8

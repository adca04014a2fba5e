"""Capability 1: client lifecycle, options copies, and the request escape hatch."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest
from aioresponses import aioresponses

from common import (
    BearerToken,
    ClientClosedError,
    ClientState,
    InvalidRequestError,
    Timeout,
    UnsafeURLError,
    format_path,
)
from common.transport import AiohttpTransport

from .support import BASE, DemoClient, calls


def _session(client: DemoClient) -> aiohttp.ClientSession | None:
    """The session the client's (default) transport opened itself, if any."""
    transport = client.transport
    assert isinstance(transport, AiohttpTransport)
    return transport.session


def test_client_is_constructible_without_a_running_loop() -> None:
    """Bots build clients before their loop starts: construction needs no loop, opens nothing."""
    with pytest.raises(RuntimeError):
        asyncio.get_running_loop()
    client = DemoClient(base_url=BASE, auth=BearerToken("t"), max_concurrency=7)
    assert client.state is ClientState.UNOPENED
    assert _session(client) is None


async def test_session_is_created_lazily_with_a_pool_sized_by_the_concurrency_limit(
    mocked: aioresponses,
) -> None:
    """The first request opens the session inside the loop, pool size = max_concurrency."""
    mocked.get(f"{BASE}/ping", payload={"ok": True})
    client = DemoClient(base_url=BASE, max_concurrency=7)
    assert _session(client) is None
    assert await client.request("GET", "/ping") == {"ok": True}
    session = _session(client)
    assert session is not None
    assert session.connector is not None
    assert session.connector.limit == 7
    await client.aclose()
    assert session.closed


async def test_a_session_given_by_the_user_is_used_and_never_closed(mocked: aioresponses) -> None:
    """A user-supplied ClientSession carries the requests and stays open after aclose()."""
    mocked.get(f"{BASE}/ping", payload={"ok": 1})
    async with aiohttp.ClientSession() as session:
        async with DemoClient(base_url=BASE, session=session) as client:
            assert await client.request("GET", "/ping") == {"ok": 1}
            assert _session(client) is None  # we made none of our own
        assert not session.closed


async def test_async_with_closes_and_closing_twice_is_harmless(mocked: aioresponses) -> None:
    """`async with` closes the client; aclose() again does nothing and raises nothing."""
    mocked.get(f"{BASE}/ping", payload={})
    async with DemoClient(base_url=BASE) as client:
        assert client.state is ClientState.OPENED
        await client.request("GET", "/ping")
    assert client.is_closed
    await client.aclose()
    await client.aclose()
    assert client.is_closed


async def test_a_call_after_close_raises_a_clear_error(mocked: aioresponses) -> None:
    """Using a closed client raises ClientClosedError before any request."""
    client = DemoClient(base_url=BASE)
    await client.aclose()
    with pytest.raises(ClientClosedError, match="closed"):
        await client.request("GET", "/ping")
    with pytest.raises(ClientClosedError):
        async with client:
            pass
    assert mocked.requests == {}


async def test_with_options_is_a_light_copy_sharing_session_auth_and_limits(
    mocked: aioresponses,
) -> None:
    """with_options changes timeout/retries/headers for the copy only; the rest is shared."""
    mocked.get(f"{BASE}/a", payload={}, repeat=True)
    auth = BearerToken("t")
    async with DemoClient(base_url=BASE, auth=auth, max_concurrency=3) as client:
        copy = client.with_options(timeout=5, max_retries=0, headers={"X-Trace": "1"})
        assert copy.transport is client.transport
        assert copy.config.base_url == client.config.base_url
        assert copy.auth is auth
        assert copy.limits is client.limits
        assert copy.config.timeout == Timeout(total=5.0, connect=5.0, read=5.0)
        assert copy.config.retry.max_retries == 0
        assert client.config.retry.max_retries == 2
        assert client.config.timeout == Timeout()
        await copy.request("GET", "/a")
        await client.request("GET", "/a")
        sent = calls(mocked, "GET", f"{BASE}/a")
        assert sent[0].kwargs["headers"]["X-Trace"] == "1"
        assert "X-Trace" not in sent[1].kwargs["headers"]
        assert _session(client) is not None
    assert copy.is_closed  # closing one closes the shared session for all


async def test_with_options_timeout_none_means_no_limit() -> None:
    """`timeout=None` is "no limit", distinct from leaving the timeout as it was."""
    client = DemoClient(base_url=BASE, timeout=12)
    assert client.with_options(timeout=None).config.timeout == Timeout(None, None, None)
    assert client.with_options().config.timeout == Timeout(total=12.0, connect=10.0, read=12.0)


async def test_request_escape_hatch_sends_params_json_and_headers(mocked: aioresponses) -> None:
    """request() encodes params, sends a JSON body and extra headers, decodes the answer."""
    mocked.post(f"{BASE}/things?flag=true&tag=a&tag=b", payload={"id": 1}, status=201)
    async with DemoClient(base_url=BASE) as client:
        result = await client.request(
            "POST",
            "/things",
            params={"flag": True, "tag": ["a", "b"], "skip": None},
            json={"name": "x", "note": None},
            headers={"X-One": "1"},
        )
    assert result == {"id": 1}
    (sent,) = calls(mocked, "POST", f"{BASE}/things?flag=true&tag=a&tag=b")
    assert sent.kwargs["data"] == b'{"name":"x","note":null}'
    assert sent.kwargs["headers"]["Content-Type"] == "application/json"
    assert sent.kwargs["headers"]["X-One"] == "1"
    assert sent.kwargs["allow_redirects"] is False


async def test_request_returns_none_on_204_and_on_an_empty_body(mocked: aioresponses) -> None:
    """A 204 or an empty 200 decodes to None, not an error."""
    mocked.delete(f"{BASE}/things/1", status=204)
    mocked.get(f"{BASE}/empty", body=b"", status=200)
    async with DemoClient(base_url=BASE) as client:
        assert await client.request("DELETE", "/things/1") is None
        assert await client.request("GET", "/empty") is None


async def test_form_data_is_sent_urlencoded(mocked: aioresponses) -> None:
    """data= as a mapping is sent as application/x-www-form-urlencoded."""
    mocked.post(f"{BASE}/form", payload={})
    async with DemoClient(base_url=BASE) as client:
        await client.request("POST", "/form", data={"a": "1 2", "b": None})
    (sent,) = calls(mocked, "POST", f"{BASE}/form")
    assert sent.kwargs["data"] == b"a=1+2"
    assert sent.kwargs["headers"]["Content-Type"] == "application/x-www-form-urlencoded"


async def test_invalid_arguments_fail_before_any_request(mocked: aioresponses) -> None:
    """json together with data, or an unencodable param, raises before sending."""
    async with DemoClient(base_url=BASE) as client:
        with pytest.raises(InvalidRequestError):
            await client.request("POST", "/x", json={}, data={"a": "b"})
        with pytest.raises(InvalidRequestError):
            await client.request("GET", "/x", params={"o": object()})  # type: ignore[dict-item]
    assert mocked.requests == {}


async def test_encoded_path_parameters_reach_the_wire_unchanged(mocked: aioresponses) -> None:
    """An id with `/`, `?` or `..` stays one encoded segment on the wire."""
    path = format_path("/records/{id}", id="../a/b?c")
    mocked.get(f"{BASE}/records/..%2Fa%2Fb%3Fc", payload={"ok": True})
    async with DemoClient(base_url=BASE) as client:
        assert await client.request("GET", path) == {"ok": True}
    ((_method, url),) = mocked.requests
    assert url.raw_path == "/v1/records/..%2Fa%2Fb%3Fc"


@pytest.mark.parametrize(
    "base_url",
    [
        "http://api.example.test/v1",  # plain http to a real host
        "ftp://api.example.test",
        "/relative",
        "https://user:pw@api.example.test",
        "https://api.example.test/v1?x=1",
    ],
)
def test_unsafe_or_malformed_base_urls_are_refused(base_url: str) -> None:
    """https is required (loopback excepted); no credentials, query or relative base URL."""
    with pytest.raises(InvalidRequestError):
        DemoClient(base_url=base_url)


@pytest.mark.parametrize(
    "base_url", ["http://127.0.0.1:8080/api", "http://localhost:1", "http://[::1]:9/x"]
)
def test_plain_http_is_allowed_to_loopback(base_url: str) -> None:
    """Emulators on loopback may use plain http without any flag."""
    assert DemoClient(base_url=base_url).base_url == base_url


def test_plain_http_elsewhere_needs_the_explicit_flag() -> None:
    """allow_insecure_http=True is the one way to talk plain http to another host."""
    client = DemoClient(base_url="http://intranet.example/api", allow_insecure_http=True)
    assert client.base_url == "http://intranet.example/api"


async def test_absolute_url_on_another_origin_is_refused(mocked: aioresponses) -> None:
    """An absolute URL to another host (or port, or scheme) is refused; nothing is sent."""
    async with DemoClient(base_url=BASE, auth=BearerToken("t")) as client:
        for url in (
            "https://evil.example/v1/x",
            "https://api.example.test:8443/v1/x",
            "http://api.example.test/v1/x",
        ):
            with pytest.raises(UnsafeURLError):
                await client.request("GET", url)
    assert mocked.requests == {}


async def test_absolute_url_on_our_origin_is_accepted(mocked: aioresponses) -> None:
    """A full URL on the configured origin works like a path."""
    mocked.get("https://api.example.test/other/path", payload=[1])
    async with DemoClient(base_url=BASE) as client:
        assert await client.request("GET", "https://api.example.test/other/path") == [1]

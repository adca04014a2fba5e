"""The pieces a client is built from: its frozen config, its origin, its transport seam."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import attrs
import pytest
from aioresponses import aioresponses

from common import (
    BaseClient,
    ConnectError,
    InvalidRequestError,
    RetryPolicy,
    ServerError,
    Timeout,
    TokenExchange,
    UnsafeURLError,
)
from common.config import ClientConfig
from common.messages import Request, Response
from common.origin import Origin
from common.pagination import PageNumberPaging
from common.testing import MockResponse, MockTransport
from common.transport import AiohttpTransport, StreamedBody, Transport, frozen_headers

BASE = "https://api.example.test/v1"


class DemoClient(BaseClient):
    vendor = "demo"
    paging = PageNumberPaging()
    default_page_size = 25
    default_timeout = Timeout(total=20.0)


def test_the_config_holds_the_vendor_settings_and_the_options() -> None:
    client = DemoClient(base_url=BASE, max_retries=4, headers={"X-App": "a"})
    config = client.config
    assert config.vendor == "demo"
    assert config.base_url == BASE
    assert config.paging == PageNumberPaging()
    assert config.default_page_size == 25
    assert config.timeout == Timeout(total=20.0)
    assert config.retry.max_retries == 4
    assert config.headers["X-App"] == "a"
    assert config.headers["User-Agent"].endswith("(demo)")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        config.timeout = Timeout()  # type: ignore[misc]


def test_with_options_builds_a_new_config_and_leaves_the_original_alone() -> None:
    client = DemoClient(base_url=BASE)
    copy = client.with_options(timeout=3, retry=RetryPolicy(max_retries=0), headers={"X": "1"})
    assert copy.config is not client.config
    assert copy.config.timeout == Timeout.coerce(3)
    assert copy.config.retry.max_retries == 0
    assert copy.config.headers["X"] == "1"
    assert "X" not in client.config.headers
    assert client.config.timeout == Timeout(total=20.0)
    # What is not an option is the same object: vendor settings, the transport.
    assert copy.config.error_parser is client.config.error_parser
    assert copy.transport is client.transport


def test_config_with_options_checks_headers_before_anything_is_built() -> None:
    config = DemoClient(base_url=BASE).config
    with pytest.raises(InvalidRequestError, match="header"):
        config.with_options(headers={"X-Bad": "a\r\nInjected: 1"})
    with pytest.raises(InvalidRequestError, match="max_wait"):
        config.with_options(max_wait=-1)


def test_a_config_can_be_built_without_a_client() -> None:
    config = ClientConfig.build(
        vendor="v",
        base_url=BASE,
        error_parser=DemoClient.error_parser,
        paging=None,
        default_page_size=None,
        default_timeout=Timeout(),
        max_retries=1,
    )
    assert config.retry.max_retries == 1
    assert config.max_wait is not None  # NOT_GIVEN: the call's timeout bounds the wait


@pytest.mark.parametrize(
    ("keyword", "value"),
    [
        ("session", object()),
        ("connector", object()),
        ("proxy", "http://proxy.test:3128"),
        ("proxy_auth", ("u", "p")),
        ("trust_env", True),
        ("max_response_size", 10),
    ],
)
def test_transport_settings_go_to_the_transport_not_beside_it(keyword: str, value: object) -> None:
    with pytest.raises(InvalidRequestError, match="with transport="):
        DemoClient(base_url=BASE, transport=AiohttpTransport(), **{keyword: value})  # type: ignore[arg-type]


def test_a_transport_must_follow_the_protocol() -> None:
    class NotATransport:
        async def send(self, request: object) -> None:
            return None

    with pytest.raises(InvalidRequestError, match=r"send\(\), stream\(\), aclose\(\)"):
        DemoClient(base_url=BASE, transport=NotATransport())  # type: ignore[arg-type]


async def test_the_default_transport_is_aiohttp_sized_by_max_concurrency() -> None:
    async with DemoClient(base_url=BASE, max_concurrency=7) as client:
        assert isinstance(client.transport, AiohttpTransport)
        assert isinstance(client.transport, Transport)
        assert client.transport.connection_limit == 7
        assert client.transport.session is None  # opened lazily, on the first request


class CountingTransport:
    """A transport of our own: answers ``{}`` after a short pause, counting what is in flight."""

    def __init__(self, connection_limit: int | None) -> None:
        self.connection_limit = connection_limit
        self.in_flight = 0
        self.most = 0
        self.closed = False

    async def send(self, request: Request) -> Response:
        self.in_flight += 1
        self.most = max(self.most, self.in_flight)
        await asyncio.sleep(0.01)
        self.in_flight -= 1
        return Response(
            status=200,
            headers=frozen_headers({"Content-Type": "application/json"}),
            content=b"{}",
            url=str(request.url),
            method=request.method,
            elapsed=0.01,
        )

    async def stream(self, request: Request) -> StreamedBody:
        raise NotImplementedError

    async def aclose(self) -> None:
        self.closed = True


async def test_a_given_transport_carries_every_request_within_its_connection_limit() -> None:
    transport = CountingTransport(connection_limit=3)
    async with DemoClient(base_url=BASE, transport=transport) as client:
        assert client.transport is transport
        answers = await asyncio.gather(*(client.request("GET", f"/r/{i}") for i in range(12)))
    assert answers == [{}] * 12
    assert transport.most == 3  # never more than the transport can carry at once
    assert transport.closed  # the client closes the transport it was given


async def test_max_concurrency_below_the_transports_limit_wins() -> None:
    transport = CountingTransport(connection_limit=None)
    async with DemoClient(base_url=BASE, transport=transport, max_concurrency=2) as client:
        await asyncio.gather(*(client.request("GET", "/r") for _ in range(8)))
    assert transport.most == 2


async def test_a_borrowed_session_is_used_and_not_closed(mocked: aioresponses) -> None:
    mocked.get(f"{BASE}/a", payload={"ok": 1})
    async with aiohttp.ClientSession() as session:
        async with DemoClient(base_url=BASE, transport=AiohttpTransport(session=session)) as c:
            assert await c.request("GET", "/a") == {"ok": 1}
            assert c.transport.session is None  # type: ignore[attr-defined]  # none of its own
        assert not session.closed


def test_the_origin_refuses_other_hosts_and_joins_paths() -> None:
    origin = Origin.of(BASE, vendor="demo")
    assert str(origin.url_for("clients/1")) == f"{BASE}/clients/1"
    # Same origin: host case and the default port do not matter.
    assert origin.url_for("https://API.example.test:443/v1/x").path == "/v1/x"
    with pytest.raises(UnsafeURLError, match="demo request to another host"):
        origin.url_for("https://evil.test/v1/x")
    # The pager's next-page links follow the same comparison.
    assert origin.next_page("/v1/x?page=2", f"{BASE}/x") == "https://api.example.test/v1/x?page=2"
    with pytest.raises(UnsafeURLError):
        origin.next_page("https://evil.test/v1/x", f"{BASE}/x")


def test_the_origin_refuses_an_unusable_base_url() -> None:
    for bad in ("ftp://x.test", "http://x.test/api", "https://u:p@x.test", "https://x.test?q=1"):
        with pytest.raises(InvalidRequestError):
            Origin.of(bad)
    assert Origin.of("http://127.0.0.1:8080/api").base_text == "http://127.0.0.1:8080/api"


class HelperClient(BaseClient):
    vendor = "demo"

    @functools.cached_property
    def get_x(self) -> Callable[[], Awaitable[Any]]:
        """A cached helper bound to the client (not a Resource)."""
        return functools.partial(self.request, "GET", "/x")


async def test_with_options_drops_everything_the_original_cached(mocked: aioresponses) -> None:
    mocked.get(f"{BASE}/x", status=503, repeat=True)
    async with HelperClient(base_url=BASE, retry=RetryPolicy(max_retries=0)) as client:
        assert client.get_x is client.get_x  # cached on the original
        patient = client.with_options(retry=RetryPolicy(backoff_base=0.0, max_retries=2))
        with pytest.raises(ServerError) as caught:
            await patient.get_x()
    assert caught.value.attempts == 3  # the copy's helper, under the copy's options


async def test_telemetry_hears_the_end_of_a_call_once_even_when_it_raises(
    mocked: aioresponses,
) -> None:
    ended: list[tuple[int | None, str | None]] = []

    class Call:
        def attempt_started(self, event: object) -> None: ...
        def attempt_ended(self, event: object) -> None: ...
        def retrying(self, event: object) -> None: ...
        def rate_limited(self, event: object) -> None: ...

        def ended(self, *, status: int | None, attempts: int, error: BaseException | None) -> None:
            ended.append((status, type(error).__name__ if error else None))
            raise RuntimeError("exporter down")

    class Telemetry:
        def start_call(self, *args: object) -> Call:
            return Call()

    mocked.get(f"{BASE}/x", payload={})
    async with DemoClient(base_url=BASE, telemetry=Telemetry()) as client:
        with pytest.raises(RuntimeError, match="exporter down"):
            await client.request("GET", "/x")
    assert ended == [(200, None)]  # not again as a failed call


def test_the_configs_headers_are_read_only() -> None:
    client = DemoClient(base_url=BASE, headers={"X": "1"})
    with pytest.raises(TypeError):
        client.config.headers["X"] = "2"  # type: ignore[index]
    copy = client.with_options(headers={"Y": "1"})
    with pytest.raises(TypeError):
        copy.config.headers["Y"] = "2"  # type: ignore[index]


async def test_a_failed_login_is_retried_by_the_login_alone_not_again_by_the_call() -> None:
    """A login is a call of its own with its own retries: when it fails for good, the call
    that needed it fails with that error at once (not (1 + retries)² logins)."""
    logins: list[str] = []

    def handler(request: Request) -> MockResponse:
        if request.url.path.endswith("/login"):
            logins.append(request.method)
            raise ConnectError("no route to the login host")
        return MockResponse(json={"ok": True})

    auth = TokenExchange(f"{BASE}/login", username="u", password="p" * 8)
    policy = RetryPolicy(max_retries=2, backoff_base=0.0, jitter=False)
    async with DemoClient(
        base_url=BASE, auth=auth, retry=policy, transport=MockTransport(handler)
    ) as client:
        with pytest.raises(ConnectError) as caught:
            await client.request("GET", "/records")
    assert logins == ["POST"] * 3  # the login's own 1 + 2 attempts, and no more
    assert caught.value.attempts == 3


async def test_a_failed_refresh_after_a_401_ends_the_call_at_once() -> None:
    events: list[str] = []

    def handler(request: Request) -> MockResponse:
        if request.url.path.endswith("/login"):
            if not events:
                events.append("login")
                return MockResponse(json={"Token": "first-token"})
            events.append("refresh: no connection")
            raise ConnectError("no route to the login host")
        events.append("call: 401")
        return MockResponse(401, json={"message": "expired"})

    auth = TokenExchange(f"{BASE}/login", username="u", password="p" * 8)
    policy = RetryPolicy(max_retries=1, backoff_base=0.0, jitter=False)
    async with DemoClient(
        base_url=BASE, auth=auth, retry=policy, transport=MockTransport(handler)
    ) as client:
        with pytest.raises(ConnectError):
            await client.request("GET", "/records")
    # The refresh with its own retry, and nothing on top of it.
    assert events == ["login", "call: 401", "refresh: no connection", "refresh: no connection"]


def test_a_read_limit_the_total_always_beats_is_not_handed_to_aiohttp() -> None:
    """Equivalent timeouts, cheaper: aiohttp re-arms its read timer on every chunk."""
    from common.transport.aiohttp_transport import _client_timeout

    assert _client_timeout(Timeout.coerce(5)).sock_read is None  # read 5 s within total 5 s
    assert _client_timeout(Timeout.coerce(5)).total == 5
    kept = _client_timeout(Timeout(total=60, connect=10, read=30))
    assert (kept.total, kept.sock_connect, kept.sock_read) == (60, 10, 30)
    downloads = _client_timeout(Timeout(total=None, connect=10, read=60))
    assert downloads.sock_read == 60  # no total: the read limit is the only bound

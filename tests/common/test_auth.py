"""Capability 2: auth strategies — static headers, token exchange, OAuth2 refresh."""

from __future__ import annotations

import asyncio
import base64
import json
import time
from typing import Any

import pytest
from aioresponses import CallbackResult, aioresponses

from common import (
    ApiKeyHeader,
    AuthenticationError,
    BasicAuth,
    BearerToken,
    OAuth2RefreshToken,
    OAuth2Token,
    TokenExchange,
    UnsafeURLError,
)
from common.auth import jwt_expiry

from .support import BASE, FAST_RETRIES, DemoClient, calls

LOGIN = "https://api.example.test/authenticate"
TOKEN_URL = "https://api.example.test/oauth/token"


def make_jwt(exp: float | None, sub: str = "user") -> str:
    def part(obj: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).rstrip(b"=").decode()

    claims: dict[str, Any] = {"sub": sub}
    if exp is not None:
        claims["exp"] = exp
    return f"{part({'alg': 'HS256'})}.{part(claims)}.c2ln"


class LoginServer:
    """Answers the login URL with a fresh JWT each time, slowly, counting calls."""

    def __init__(self, lifetime: float = 3600, delay: float = 0.05) -> None:
        self.lifetime = lifetime
        self.delay = delay
        self.logins = 0
        self.issued: list[str] = []

    async def handle(self, url: Any, **kwargs: Any) -> CallbackResult:
        self.logins += 1
        await asyncio.sleep(self.delay)
        token = make_jwt(time.time() + self.lifetime, sub=f"login-{self.logins}")
        self.issued.append(token)
        return CallbackResult(payload={"Token": token})


def bearer(call: Any) -> str:
    return str(call.kwargs["headers"]["Authorization"]).removeprefix("Bearer ")


async def test_bearer_api_key_and_basic_headers(mocked: aioresponses) -> None:
    """Each static scheme puts its credential in its header, exactly as the vendor expects."""
    mocked.get(f"{BASE}/me", payload={}, repeat=True)
    cases = [
        (BearerToken("abc"), "Authorization", "Bearer abc"),
        (ApiKeyHeader("k-1"), "X-Auth-Key", "k-1"),
        (BasicAuth("jane/token", "T0K"), "Authorization", "Basic amFuZS90b2tlbjpUMEs="),
    ]
    for auth, header, value in cases:
        async with DemoClient(base_url=BASE, auth=auth) as client:
            await client.request("GET", "/me")
        assert calls(mocked, "GET", f"{BASE}/me")[-1].kwargs["headers"][header] == value


def test_empty_credentials_are_refused() -> None:
    """An empty token or key is a construction error, not a 401 later."""
    with pytest.raises(ValueError, match="empty"):
        BearerToken("")
    with pytest.raises(ValueError, match="empty"):
        ApiKeyHeader("")


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        (make_jwt(1_900_000_000), 1_900_000_000.0),
        (make_jwt(None), None),
        ("not-a-jwt", None),
        ("a.!!!.c", None),
        (f"a.{base64.urlsafe_b64encode(b'[1]').decode()}.c", None),
    ],
)
def test_jwt_expiry(token: str, expected: float | None) -> None:
    """The exp claim is read when present; anything unreadable gives None."""
    assert jwt_expiry(token) == expected


async def test_token_exchange_50_concurrent_first_calls_log_in_once(mocked: aioresponses) -> None:
    """Fifty concurrent first calls share one login, then all carry its token."""
    server = LoginServer()
    mocked.post(LOGIN, callback=server.handle, repeat=True)
    mocked.get(f"{BASE}/items", payload=[], repeat=True)
    auth = TokenExchange(LOGIN, username="ann", password="pw")
    async with DemoClient(base_url=BASE, auth=auth) as client:
        await asyncio.gather(*(client.request("GET", "/items") for _ in range(50)))
    assert server.logins == 1
    (login,) = calls(mocked, "POST", LOGIN)
    assert login.kwargs["headers"]["Authorization"] == "Basic YW5uOnB3"
    sent = calls(mocked, "GET", f"{BASE}/items")
    assert len(sent) == 50
    assert {bearer(c) for c in sent} == {server.issued[0]}
    assert auth.token is not None
    assert auth.token.reveal() == server.issued[0]


async def test_token_exchange_401_logs_in_again_once_and_replays_once(
    mocked: aioresponses,
) -> None:
    """A 401 triggers one re-login and one replay of the request, which then succeeds."""
    server = LoginServer(delay=0)
    mocked.post(LOGIN, callback=server.handle, repeat=True)
    mocked.get(f"{BASE}/items", status=401, payload={"Message": "expired"})
    mocked.get(f"{BASE}/items", payload=[1])
    auth = TokenExchange(LOGIN, username="ann", password="pw")
    async with DemoClient(base_url=BASE, auth=auth) as client:
        assert await client.request("GET", "/items") == [1]
    assert server.logins == 2
    first, replay = calls(mocked, "GET", f"{BASE}/items")
    assert bearer(first) == server.issued[0]
    assert bearer(replay) == server.issued[1]


async def test_concurrent_401s_cause_a_single_relogin(mocked: aioresponses) -> None:
    """Twenty requests refused with the same stale token share one re-login."""
    server = LoginServer(delay=0.02)
    mocked.post(LOGIN, callback=server.handle, repeat=True)
    stale = make_jwt(time.time() + 3600, sub="stale")

    def items(url: Any, **kwargs: Any) -> CallbackResult:
        if kwargs["headers"]["Authorization"] == f"Bearer {stale}":
            return CallbackResult(status=401, payload={"Message": "revoked"})
        return CallbackResult(payload={})

    mocked.get(f"{BASE}/items", callback=items, repeat=True)
    auth = TokenExchange(LOGIN, username="ann", password="pw", token=stale)
    async with DemoClient(base_url=BASE, auth=auth) as client:
        await asyncio.gather(*(client.request("GET", "/items") for _ in range(20)))
    assert server.logins == 1


async def test_a_second_401_after_relogin_raises_instead_of_looping(
    mocked: aioresponses,
) -> None:
    """If the fresh token is refused too, AuthenticationError — no login loop."""
    server = LoginServer(delay=0)
    mocked.post(LOGIN, callback=server.handle, repeat=True)
    mocked.get(f"{BASE}/items", status=401, payload={"Message": "nope"}, repeat=True)
    auth = TokenExchange(LOGIN, username="ann", password="pw")
    async with DemoClient(base_url=BASE, auth=auth, retry=FAST_RETRIES) as client:
        with pytest.raises(AuthenticationError, match="nope"):
            await client.request("GET", "/items")
    assert server.logins == 2
    assert len(calls(mocked, "GET", f"{BASE}/items")) == 2


async def test_an_expired_jwt_is_renewed_before_the_request(mocked: aioresponses) -> None:
    """A token past its exp is replaced before sending, without a 401 round trip."""
    server = LoginServer(delay=0)
    mocked.post(LOGIN, callback=server.handle, repeat=True)
    mocked.get(f"{BASE}/items", payload=[], repeat=True)
    old = make_jwt(time.time() - 5)
    auth = TokenExchange(LOGIN, username="ann", password="pw", token=old)
    async with DemoClient(base_url=BASE, auth=auth) as client:
        await client.request("GET", "/items")
    assert server.logins == 1
    (sent,) = calls(mocked, "GET", f"{BASE}/items")
    assert bearer(sent) == server.issued[0]


async def test_a_given_token_without_credentials_is_used_until_refused(
    mocked: aioresponses,
) -> None:
    """token= alone skips the login; a 401 then raises (nothing to log in with)."""
    mocked.get(f"{BASE}/items", payload=[])
    mocked.get(f"{BASE}/items", status=401, payload={"Message": "expired"})
    auth = TokenExchange(LOGIN, token="given")
    async with DemoClient(base_url=BASE, auth=auth) as client:
        await client.request("GET", "/items")
        with pytest.raises(AuthenticationError):
            await client.request("GET", "/items")
    assert bearer(calls(mocked, "GET", f"{BASE}/items")[0]) == "given"
    assert calls(mocked, "POST", LOGIN) == []


async def test_login_answer_without_the_token_key_is_a_decode_error(
    mocked: aioresponses,
) -> None:
    """A login body lacking the configured key fails clearly, naming the key."""
    from common import DecodeError

    mocked.post(LOGIN, payload={"token": "lower-case"})
    auth = TokenExchange(LOGIN, username="ann", password="pw")
    async with DemoClient(base_url=BASE, auth=auth) as client:
        with pytest.raises(DecodeError, match="'Token'"):
            await client.request("GET", "/items")


async def test_login_url_on_another_host_is_refused(mocked: aioresponses) -> None:
    """Credentials are never posted to a login URL outside the client's origin."""
    auth = TokenExchange("https://evil.example/authenticate", username="ann", password="pw")
    async with DemoClient(base_url=BASE, auth=auth) as client:
        with pytest.raises(UnsafeURLError):
            await client.request("GET", "/items")
    assert mocked.requests == {}


async def test_a_cancelled_first_caller_does_not_cancel_the_shared_login(
    mocked: aioresponses,
) -> None:
    """Cancelling one waiter leaves the login running for the others (bots cancel a lot)."""
    server = LoginServer(delay=0.1)
    mocked.post(LOGIN, callback=server.handle, repeat=True)
    mocked.get(f"{BASE}/items", payload=[], repeat=True)
    auth = TokenExchange(LOGIN, username="ann", password="pw")
    async with DemoClient(base_url=BASE, auth=auth) as client:
        first = asyncio.create_task(client.request("GET", "/items"))
        second = asyncio.create_task(client.request("GET", "/items"))
        await asyncio.sleep(0.03)
        first.cancel()
        assert await second == []
        with pytest.raises(asyncio.CancelledError):
            await first
    assert server.logins == 1


def oauth(on_refresh: Any = None, *, expires_at: float | None = None) -> OAuth2RefreshToken:
    return OAuth2RefreshToken(
        TOKEN_URL,
        client_id="app",
        client_secret="s3cret",
        access_token="access-1",
        refresh_token="refresh-1",
        expires_at=expires_at,
        on_refresh=on_refresh,
    )


async def test_oauth2_refreshes_on_401_and_hands_the_new_pair_to_the_app(
    mocked: aioresponses,
) -> None:
    """A 401 refreshes with grant_type=refresh_token; on_refresh receives the rotated pair."""
    saved: list[OAuth2Token] = []
    mocked.post(
        TOKEN_URL,
        payload={"access_token": "access-2", "refresh_token": "refresh-2", "expires_in": 3600},
    )
    mocked.get(f"{BASE}/records", status=401, payload={"message": "Unauthenticated."})
    mocked.get(f"{BASE}/records", payload={"data": []})
    async with DemoClient(base_url=BASE, auth=oauth(saved.append)) as client:
        assert await client.request("GET", "/records") == {"data": []}
    (refresh,) = calls(mocked, "POST", TOKEN_URL)
    assert refresh.kwargs["data"] == (
        b"grant_type=refresh_token&refresh_token=refresh-1&client_id=app&client_secret=s3cret"
    )
    assert "Authorization" not in refresh.kwargs["headers"]
    first, replay = calls(mocked, "GET", f"{BASE}/records")
    assert bearer(first) == "access-1"
    assert bearer(replay) == "access-2"
    (pair,) = saved
    assert pair.access_token.reveal() == "access-2"
    assert pair.refresh_token.reveal() == "refresh-2"
    assert pair.expires_at is not None
    assert pair.expires_at > time.time() + 3500


async def test_oauth2_refreshes_an_expired_token_before_sending_and_awaits_async_hooks(
    mocked: aioresponses,
) -> None:
    """An access token past expires_at is refreshed first; an async on_refresh is awaited."""
    saved: list[str] = []

    async def persist(pair: OAuth2Token) -> None:
        await asyncio.sleep(0)
        saved.append(pair.access_token.reveal())

    mocked.post(TOKEN_URL, payload={"access_token": "access-2"})  # no rotation
    mocked.post(TOKEN_URL, payload={"access_token": "access-3"})
    mocked.get(f"{BASE}/records", payload={})
    mocked.get(f"{BASE}/records", status=401, payload={"message": "Unauthenticated."})
    mocked.get(f"{BASE}/records", payload={})
    auth = oauth(persist, expires_at=time.time() - 1)
    async with DemoClient(base_url=BASE, auth=auth) as client:
        await client.request("GET", "/records")
        await client.request("GET", "/records")  # a 401: refreshed again, with the same token
    assert saved == ["access-2", "access-3"]
    assert [bearer(c) for c in calls(mocked, "GET", f"{BASE}/records")] == [
        "access-2",
        "access-2",
        "access-3",
    ]
    first, second = calls(mocked, "POST", TOKEN_URL)
    for refresh in (first, second):  # the refresh token was kept when not rotated
        assert b"&refresh_token=refresh-1&" in refresh.kwargs["data"]


async def test_a_short_lived_token_is_used_rather_than_renewed_on_every_call(
    mocked: aioresponses,
) -> None:
    """A JWT living 20 s is used for the next calls, not exchanged again each time."""
    server = LoginServer(lifetime=20, delay=0)
    mocked.post(LOGIN, callback=server.handle, repeat=True)
    mocked.get(f"{BASE}/items", payload={}, repeat=True)
    async with DemoClient(
        base_url=BASE, auth=TokenExchange(LOGIN, username="u", password="p")
    ) as client:
        for _ in range(5):
            await client.request("GET", "/items")
    assert server.logins == 1


async def test_a_token_expired_on_arrival_is_used_until_refused(mocked: aioresponses) -> None:
    """Clock skew: a token whose exp is already past on our clock is used, not looped on."""
    server = LoginServer(lifetime=-60, delay=0)
    mocked.post(LOGIN, callback=server.handle, repeat=True)
    mocked.get(f"{BASE}/items", payload={}, repeat=True)
    async with DemoClient(
        base_url=BASE, auth=TokenExchange(LOGIN, username="u", password="p")
    ) as client:
        for _ in range(3):
            await client.request("GET", "/items")
    assert server.logins == 1

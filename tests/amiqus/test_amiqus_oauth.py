"""Amiqus OAuth 2.0: the authorization URL, the code exchange, refreshing, typed OAuth errors;
and the common helpers underneath (common.auth.oauth2)."""

from __future__ import annotations

import logging
import time
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import aiohttp
import pytest
from aioresponses import aioresponses
from yarl import URL

from amiqus_async.oauth import (
    AMIQUS_ID_URL,
    OAuthCallbackError,
    authorization_url,
    code_from_redirect,
    exchange_code,
    new_state,
    oauth_auth,
    refresh_token,
    token_url,
)
from common import (
    AuthenticationError,
    BadRequestError,
    BaseClient,
    DecodeError,
    HTTPStatusError,
    InvalidRequestError,
    OAuth2RefreshToken,
    OAuth2Token,
    RateLimitError,
    ServerError,
)
from common.auth.oauth2 import fetch_token, oauth2_error, token_from_answer

TOKEN_URL = "https://id.amiqus.co/oauth/token"
API = "https://id.amiqus.co/api/v2"
REDIRECT = "https://app.example.com/amiqus/callback?team=12"
CLIENT_SECRET = "client-secret-XYZ"
CODE = "auth-code-ABC"
ANSWER = {
    "token_type": "Bearer",
    "expires_in": 31536000,
    "access_token": "eyJ0eXAiOiJ-access",
    "refresh_token": "def5020-refresh",
}
#: Everything that must never show up in a log line, a repr or an exception.
SECRETS = (CLIENT_SECRET, CODE, "eyJ0eXAiOiJ-access", "def5020-refresh", "old-refresh")


def sent(mock: aioresponses, method: str, url: str) -> list[Any]:
    return list(mock.requests.get((method, URL(url)), []))


def form_of(call: Any) -> dict[str, str]:
    return dict(parse_qsl(call.kwargs["data"].decode()))


def assert_no_secrets(*texts: str) -> None:
    for text in texts:
        for secret in SECRETS:
            assert secret not in text


# -- the authorization URL -------------------------------------------------------------------


def test_the_authorization_url_is_the_guides_with_every_value_encoded() -> None:
    """client_id, redirect_uri (url-encoded), response_type=code and state, in that order."""
    url = authorization_url("client 1", REDIRECT, "s/t+a=te&x")
    assert url.startswith("https://id.amiqus.co/oauth/authorize?client_id=client%201&")
    assert "redirect_uri=https%3A%2F%2Fapp.example.com%2Famiqus%2Fcallback%3Fteam%3D12" in url
    query = dict(parse_qsl(urlsplit(url).query))
    assert query == {
        "client_id": "client 1",
        "redirect_uri": REDIRECT,
        "response_type": "code",
        "state": "s/t+a=te&x",
    }
    assert "scope" not in query


def test_a_scope_and_another_base_are_honoured() -> None:
    """Scopes are joined by spaces; a loopback emulator may be plain http."""
    url = authorization_url(
        "c", "http://localhost:8000/cb", "st", base="http://127.0.0.1:9999/", scope=["a", "b"]
    )
    assert url.startswith("http://127.0.0.1:9999/oauth/authorize?")
    assert dict(parse_qsl(urlsplit(url).query))["scope"] == "a b"
    assert token_url("http://127.0.0.1:9999") == "http://127.0.0.1:9999/oauth/token"
    assert token_url() == TOKEN_URL


@pytest.mark.parametrize(
    ("client_id", "redirect_uri", "state", "base"),
    [
        ("", REDIRECT, "st", AMIQUS_ID_URL),
        ("c", REDIRECT, "", AMIQUS_ID_URL),  # a state is required
        ("c", REDIRECT, "   ", AMIQUS_ID_URL),
        ("c", "/relative/callback", "st", AMIQUS_ID_URL),
        ("c", "ftp://example.com/cb", "st", AMIQUS_ID_URL),
        ("c", "https://example.com/cb#frag", "st", AMIQUS_ID_URL),
        ("c", REDIRECT, "st", "http://id.amiqus.co"),  # plain http off loopback
        ("c", REDIRECT, "st", "https://id.amiqus.co/oauth"),  # not an origin
        ("c", REDIRECT, "st", "https://user:pw@id.amiqus.co"),
        ("c", REDIRECT, "st", "id.amiqus.co"),
    ],
)
def test_bad_authorization_arguments_are_refused_before_anything_happens(
    client_id: str, redirect_uri: str, state: str, base: str
) -> None:
    """Empty ids or state, a relative or odd redirect URI, a base that is not an origin."""
    with pytest.raises(InvalidRequestError):
        authorization_url(client_id, redirect_uri, state, base=base)


def test_new_states_are_random_and_url_safe() -> None:
    """Two states differ; each survives a URL untouched."""
    first, second = new_state(), new_state()
    assert first != second
    assert len(first) >= 40
    assert f"state={first}" in authorization_url("c", REDIRECT, first)


# -- the redirect back -----------------------------------------------------------------------


def test_the_code_is_taken_from_the_redirect_once_the_state_matches() -> None:
    """A mapping, a query string or the whole URL; the state must match."""
    assert code_from_redirect({"code": CODE, "state": "st"}, state="st") == CODE
    assert code_from_redirect(f"?code={CODE}&state=st", state="st") == CODE
    assert code_from_redirect(f"{REDIRECT}&code={CODE}&state=st", state="st") == CODE


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ({"error": "access_denied", "state": "st"}, "access_denied"),
        ({"code": CODE, "state": "forged"}, None),
        ({"code": CODE}, None),
        ({"state": "st"}, None),
    ],
)
def test_a_denied_forged_or_empty_redirect_is_refused(
    query: dict[str, str], error: str | None
) -> None:
    """access_denied, a state mismatch (CSRF) or no code raise OAuthCallbackError."""
    with pytest.raises(OAuthCallbackError) as caught:
        code_from_redirect(query, state="st")
    assert caught.value.error == error
    assert CODE not in str(caught.value)


# -- exchanging the code ---------------------------------------------------------------------


async def test_the_code_is_exchanged_for_a_token_pair(mocked: aioresponses) -> None:
    """POST /oauth/token, form-encoded as the guide shows; the answer is an OAuth2Token."""
    mocked.post(TOKEN_URL, payload=ANSWER)
    token = await exchange_code(
        CODE, client_id="app-1", client_secret=CLIENT_SECRET, redirect_uri=REDIRECT
    )
    assert isinstance(token, OAuth2Token)
    assert token.access_token.reveal() == ANSWER["access_token"]
    assert token.refresh_token.reveal() == ANSWER["refresh_token"]
    assert token.expires_at is not None
    assert abs(token.expires_at - (time.time() + 31536000)) < 60
    (call,) = sent(mocked, "POST", TOKEN_URL)
    assert form_of(call) == {
        "grant_type": "authorization_code",
        "client_id": "app-1",
        "client_secret": CLIENT_SECRET,
        "code": CODE,
        "redirect_uri": REDIRECT,
    }
    headers = call.kwargs["headers"]
    assert headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert "Authorization" not in headers
    assert_no_secrets(repr(token), str(token))


async def test_a_session_passed_in_is_used_and_left_open(mocked: aioresponses) -> None:
    """session= is forwarded to the common client, which does not close it."""
    mocked.post(TOKEN_URL, payload=ANSWER)
    async with aiohttp.ClientSession() as session:
        await exchange_code(
            CODE,
            client_id="app-1",
            client_secret=CLIENT_SECRET,
            redirect_uri=REDIRECT,
            session=session,
        )
        assert not session.closed


async def test_a_refused_code_is_an_authentication_error_with_the_servers_words(
    mocked: aioresponses, caplog: pytest.LogCaptureFixture
) -> None:
    """invalid_grant (400) → AuthenticationError "invalid_grant: ..."; no secret anywhere."""
    caplog.set_level(logging.DEBUG)
    mocked.post(
        TOKEN_URL,
        status=400,
        payload={
            "error": "invalid_grant",
            "error_description": "The provided authorization grant is invalid or expired.",
        },
    )
    with pytest.raises(AuthenticationError) as caught:
        await exchange_code(
            CODE, client_id="app-1", client_secret=CLIENT_SECRET, redirect_uri=REDIRECT
        )
    error = caught.value
    assert error.status == 400
    assert error.message == (
        "invalid_grant: The provided authorization grant is invalid or expired."
    )
    assert error.url == TOKEN_URL
    assert error.__cause__ is None
    assert "amiqus_async" in {r.name for r in caplog.records}
    assert_no_secrets(str(error), repr(error), repr(vars(error)), caplog.text)


@pytest.mark.parametrize(
    ("status", "body", "cls", "message"),
    [
        (401, {"error": "invalid_client", "message": "Client auth failed"}, AuthenticationError,
         "invalid_client: Client auth failed"),
        (400, {"error": "unsupported_grant_type"}, BadRequestError, "unsupported_grant_type"),
        (400, {"error": "invalid_request", "error_description": "Missing code"},
         BadRequestError, "invalid_request: Missing code"),
        (400, {"message": "no OAuth error code"}, BadRequestError, "no OAuth error code"),
        (500, {"error": "server_error"}, ServerError, "server_error"),
    ],
)  # fmt: skip
async def test_oauth_error_bodies_become_typed_errors(
    mocked: aioresponses, status: int, body: dict[str, str], cls: type[Exception], message: str
) -> None:
    """The RFC 6749 error code picks the class; other failures keep their usual type."""
    mocked.post(TOKEN_URL, status=status, payload=body)
    with pytest.raises(HTTPStatusError) as caught:
        await exchange_code(
            CODE, client_id="app-1", client_secret=CLIENT_SECRET, redirect_uri=REDIRECT
        )
    assert type(caught.value) is cls
    assert caught.value.message == message
    assert_no_secrets(str(caught.value))


async def test_an_answer_without_tokens_is_a_decode_error_without_an_excerpt(
    mocked: aioresponses,
) -> None:
    """Missing access or refresh token: DecodeError, quoting nothing of the body."""
    mocked.post(TOKEN_URL, payload={"access_token": "eyJ0eXAiOiJ-access"})
    with pytest.raises(DecodeError, match="refresh_token") as caught:
        await exchange_code(
            CODE, client_id="app-1", client_secret=CLIENT_SECRET, redirect_uri=REDIRECT
        )
    assert caught.value.excerpt == ""
    assert_no_secrets(str(caught.value))
    mocked.post(TOKEN_URL, body="<html>eyJ0eXAiOiJ-access</html>")
    with pytest.raises(DecodeError) as not_json:
        await exchange_code(
            CODE, client_id="app-1", client_secret=CLIENT_SECRET, redirect_uri=REDIRECT
        )
    assert_no_secrets(str(not_json.value), not_json.value.excerpt)


async def test_a_429_on_the_token_endpoint_is_retried_then_succeeds(mocked: aioresponses) -> None:
    """The exchange goes through the common retry loop (a 429 was not processed)."""
    mocked.post(TOKEN_URL, status=429, headers={"Retry-After": "0"})
    mocked.post(TOKEN_URL, payload=ANSWER)
    token = await exchange_code(
        CODE, client_id="app-1", client_secret=CLIENT_SECRET, redirect_uri=REDIRECT
    )
    assert token.access_token.reveal() == ANSWER["access_token"]
    assert len(sent(mocked, "POST", TOKEN_URL)) == 2


@pytest.mark.parametrize(
    ("code", "secret", "redirect_uri"),
    [("", CLIENT_SECRET, REDIRECT), (CODE, "", REDIRECT), (CODE, CLIENT_SECRET, "cb")],
)
async def test_empty_arguments_are_refused_before_sending(
    mocked: aioresponses, code: str, secret: str, redirect_uri: str
) -> None:
    """No code, no secret or a relative redirect URI: InvalidRequestError, nothing sent."""
    with pytest.raises(InvalidRequestError):
        await exchange_code(
            code, client_id="app-1", client_secret=secret, redirect_uri=redirect_uri
        )
    assert sent(mocked, "POST", TOKEN_URL) == []


# -- refreshing ------------------------------------------------------------------------------


async def test_refresh_token_trades_the_pair_for_a_new_one(mocked: aioresponses) -> None:
    """grant_type=refresh_token with redirect_uri; an unrotated answer keeps the old one."""
    mocked.post(TOKEN_URL, payload={"access_token": "new-access", "expires_in": "3600"})
    old = OAuth2Token("old-access", "old-refresh")
    token = await refresh_token(
        old, client_id="app-1", client_secret=CLIENT_SECRET, redirect_uri=REDIRECT
    )
    assert token.access_token.reveal() == "new-access"
    assert token.refresh_token.reveal() == "old-refresh"
    assert token.expires_at is not None
    assert token.expires_at > time.time() + 3500
    (call,) = sent(mocked, "POST", TOKEN_URL)
    assert form_of(call) == {
        "grant_type": "refresh_token",
        "client_id": "app-1",
        "client_secret": CLIENT_SECRET,
        "refresh_token": "old-refresh",
        "redirect_uri": REDIRECT,
    }


class Probe(BaseClient):
    """A stand-in for AmiqusClient: the Amiqus API base URL with an auth strategy."""

    vendor = "amiqus"
    logger_name = "amiqus_async"


async def test_oauth_auth_renews_on_401_and_hands_the_new_pair_to_the_app(
    mocked: aioresponses, caplog: pytest.LogCaptureFixture
) -> None:
    """The strategy refreshes at Amiqus's token URL (with redirect_uri), replays, and saves."""
    caplog.set_level(logging.DEBUG)
    saved: list[OAuth2Token] = []
    auth = oauth_auth(
        OAuth2Token("old-access", "old-refresh", time.time() + 3600),
        client_id="app-1",
        client_secret=CLIENT_SECRET,
        on_refresh=saved.append,
        redirect_uri=REDIRECT,
    )
    assert isinstance(auth, OAuth2RefreshToken)
    assert auth.token_url == TOKEN_URL
    mocked.get(f"{API}/me", status=401, payload={"message": "Unauthenticated."})
    mocked.post(TOKEN_URL, payload=ANSWER)
    mocked.get(f"{API}/me", payload={"object": "user", "id": 1})
    async with Probe(base_url=API, auth=auth) as client:
        assert await client.request("GET", "/me") == {"object": "user", "id": 1}
    (call,) = sent(mocked, "POST", TOKEN_URL)
    assert form_of(call)["refresh_token"] == "old-refresh"
    assert form_of(call)["redirect_uri"] == REDIRECT
    first, replay = sent(mocked, "GET", f"{API}/me")
    assert first.kwargs["headers"]["Authorization"] == "Bearer old-access"
    assert replay.kwargs["headers"]["Authorization"] == f"Bearer {ANSWER['access_token']}"
    (pair,) = saved
    assert pair.refresh_token.reveal() == ANSWER["refresh_token"]
    assert_no_secrets(repr(auth), str(auth), caplog.text)


async def test_a_refused_refresh_is_an_authentication_error(mocked: aioresponses) -> None:
    """A spent refresh token (invalid_grant, 400) surfaces as AuthenticationError, not 400."""
    auth = oauth_auth(
        OAuth2Token("old-access", "old-refresh", time.time() - 10),
        client_id="app-1",
        client_secret=CLIENT_SECRET,
    )
    mocked.post(
        TOKEN_URL,
        status=400,
        payload={"error": "invalid_grant", "error_description": "Token has been revoked"},
    )
    async with Probe(base_url=API, auth=auth) as client:
        with pytest.raises(AuthenticationError, match="invalid_grant: Token has been revoked"):
            await client.request("GET", "/me")
    assert sent(mocked, "GET", f"{API}/me") == []


def test_oauth_auth_refuses_incomplete_credentials() -> None:
    """An empty token or client secret is refused at construction."""
    with pytest.raises(InvalidRequestError):
        oauth_auth(OAuth2Token("", "r"), client_id="c", client_secret="s")
    with pytest.raises(InvalidRequestError):
        oauth_auth(OAuth2Token("a", "r"), client_id="c", client_secret="")
    with pytest.raises(InvalidRequestError):
        oauth_auth("a", client_id="c", client_secret="s")  # type: ignore[arg-type]


# -- the common helpers (common.auth.oauth2) -------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expires"),
    [
        ({"access_token": "a", "refresh_token": "r", "expires_in": 60}, 60),
        ({"access_token": "a", "refresh_token": "r", "expires_in": "60"}, 60),
        ({"access_token": "a", "refresh_token": "r", "expires_in": 1.5}, 1.5),
        ({"access_token": "a", "refresh_token": "r"}, None),
        ({"access_token": "a", "refresh_token": "r", "expires_in": True}, None),
        ({"access_token": "a", "refresh_token": "r", "expires_in": "soon"}, None),
    ],
)
def test_token_from_answer_reads_expires_in(body: dict[str, Any], expires: float | None) -> None:
    """Seconds (number or digit string) become an absolute expires_at; anything else None."""
    token = token_from_answer(body, token_url=TOKEN_URL)
    if expires is None:
        assert token.expires_at is None
    else:
        assert token.expires_at is not None
        assert abs(token.expires_at - (time.time() + expires)) < 5


@pytest.mark.parametrize(
    "body",
    [None, [], "a", {}, {"access_token": ""}, {"access_token": 5, "refresh_token": "r"}],
)
def test_token_from_answer_refuses_an_answer_without_tokens(body: Any) -> None:
    """No access token, or no refresh token and none to keep: DecodeError."""
    with pytest.raises(DecodeError):
        token_from_answer(body, token_url=TOKEN_URL)


def test_token_from_answer_keeps_the_previous_refresh_token() -> None:
    """A server that does not rotate: the given refresh token is kept."""
    token = token_from_answer({"access_token": "a"}, token_url=TOKEN_URL, refresh_token="old")
    assert token.refresh_token.reveal() == "old"


@pytest.mark.parametrize(
    ("status", "body", "cls", "message"),
    [
        (400, {"error": "invalid_grant"}, AuthenticationError, "invalid_grant"),
        (400, {"error": "access_denied", "error_description": " no "}, AuthenticationError,
         "access_denied: no"),
        (401, {"error": "whatever"}, AuthenticationError, "whatever"),
        (400, {"error": "invalid_scope"}, BadRequestError, "invalid_scope"),
        (400, {"error": ""}, HTTPStatusError, "unchanged"),
        (400, "plain text", HTTPStatusError, "unchanged"),
        (429, {"error": "slow_down"}, RateLimitError, "unchanged"),
    ],
)  # fmt: skip
def test_oauth2_error_retypes_rfc_6749_bodies(
    status: int, body: Any, cls: type[HTTPStatusError], message: str
) -> None:
    """Refused grants and clients → AuthenticationError; other codes → BadRequestError."""
    original_cls = RateLimitError if status == 429 else HTTPStatusError
    original = original_cls(
        "unchanged", status=status, body=body, request_id="rq-1", method="POST", url=TOKEN_URL
    )
    typed = oauth2_error(original)
    assert type(typed) is cls
    assert typed.message == message
    assert typed.status == status
    assert typed.request_id == "rq-1"
    assert typed.url == TOKEN_URL
    if message == "unchanged":
        assert typed is original


async def test_fetch_token_can_go_through_an_existing_client(mocked: aioresponses) -> None:
    """flow= reuses a client on the same origin (its session, limits and retries)."""
    mocked.post(TOKEN_URL, payload=ANSWER)
    async with Probe(base_url=API) as client:
        token = await fetch_token(TOKEN_URL, {"grant_type": "client_credentials"}, flow=client)
    assert token.access_token.reveal() == ANSWER["access_token"]


async def test_fetch_token_refuses_a_token_url_that_is_not_absolute() -> None:
    """A relative token URL is an InvalidRequestError, raised before sending."""
    with pytest.raises(InvalidRequestError):
        await fetch_token("/oauth/token", {"grant_type": "x"})

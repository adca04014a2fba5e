"""Redirects never carry credentials, secrets or bodies to another host."""

from __future__ import annotations

from typing import Any

import pytest
from aiohttp import web

from common import (
    BaseClient,
    BearerToken,
    OAuth2RefreshToken,
    RetryPolicy,
    UnsafeURLError,
)
from common.testing import EmulatorFactory, EmulatorServer


class RedirectClient(BaseClient):
    vendor = "redirect-demo"
    logger_name = "redirect_demo"


def app(redirects: dict[str, tuple[int, str]]) -> web.Application:
    """Answers each path in *redirects* with (status, Location); others echo what they got."""

    async def handle(request: web.Request) -> web.StreamResponse:
        if request.path in redirects:
            status, location = redirects[request.path]
            return web.Response(status=status, headers={"Location": location})
        return web.json_response({"path": request.path, "body": (await request.read()).decode()})

    application = web.Application()
    application.router.add_route("*", "/{tail:.*}", handle)
    return application


@pytest.fixture
async def storage(emulator: EmulatorFactory) -> EmulatorServer:
    return await emulator(app({}))


async def test_a_token_refresh_is_never_redirected_to_another_host(
    emulator: EmulatorFactory, storage: EmulatorServer
) -> None:
    """A 307 from the token URL to another host is refused: no refresh token leaves."""
    origin = await emulator(
        app({"/oauth/token": (307, f"{storage.url}/steal"), "/api/me": (401, "")})
    )
    auth = OAuth2RefreshToken(
        f"{origin.url}/oauth/token",
        client_id="cid",
        client_secret="CLIENT-SECRET",
        access_token="old",
        refresh_token="REFRESH-TOKEN",
    )
    async with RedirectClient(base_url=f"{origin.url}/api", auth=auth) as client:
        with pytest.raises(UnsafeURLError):
            await client.request("GET", "/me")
    assert len(storage.requests) == 0


async def test_a_cross_origin_307_with_a_body_is_refused(
    emulator: EmulatorFactory, storage: EmulatorServer
) -> None:
    """A POST body is never re-sent to another host by a 307/308."""
    origin = await emulator(app({"/api/records": (308, f"{storage.url}/records")}))
    async with RedirectClient(base_url=f"{origin.url}/api", auth=BearerToken("tok")) as client:
        with pytest.raises(UnsafeURLError, match="body"):
            await client.request("POST", "/records", json={"secret": "data"})
    assert len(storage.requests) == 0


async def test_a_cross_origin_redirect_drops_every_secret_header(
    emulator: EmulatorFactory, storage: EmulatorServer
) -> None:
    """Authorization, API-key and cookie headers given to the client do not follow."""
    origin = await emulator(app({"/api/file": (302, f"{storage.url}/file")}))
    async with RedirectClient(
        base_url=f"{origin.url}/api",
        auth=BearerToken("tok"),
        headers={"X-Api-Key": "k", "Cookie": "c=1", "X-Trace": "t"},
        retry=RetryPolicy(max_retries=0),
    ) as client:
        result: Any = await client.request("GET", "/file")
    assert result["path"] == "/file"
    (seen,) = storage.requests
    for name in ("Authorization", "X-Api-Key", "Cookie"):
        assert name not in seen.headers
    assert seen.headers["X-Trace"] == "t"


async def test_a_303_turns_a_post_into_a_get_without_the_body(
    emulator: EmulatorFactory,
) -> None:
    """303 See Other: the follow-up is a GET with no body, on the same origin with auth."""
    origin = await emulator(app({"/api/jobs": (303, "/api/jobs/1")}))
    async with RedirectClient(base_url=f"{origin.url}/api", auth=BearerToken("tok")) as client:
        result: Any = await client.request("POST", "/jobs", json={"a": 1})
    assert result == {"path": "/api/jobs/1", "body": ""}
    follow = origin.requests[-1]
    assert follow.method == "GET"
    assert follow.headers["Authorization"] == "Bearer tok"

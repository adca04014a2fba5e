"""Secrets: never in a log line (DEBUG included), an error's str or repr, nor sent to a host
other than the configured one; path parameters cannot change the path; https and TLS
verification unless explicitly relaxed."""

from __future__ import annotations

import base64
import contextlib
import logging
import re
import shutil
import ssl
import subprocess
import traceback
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import aiohttp
import attrs
import pytest
from aiohttp import web

from amilia_async import AmiliaClient
from amilia_async.emulator import AmiliaEmulator
from amiqus_async import AmiqusClient
from amiqus_async.emulator import AmiqusEmulator
from amiqus_async.oauth import exchange_code, oauth_auth
from caseupdates_async import TrackopsClient
from common import ApiError, ConnectError, InvalidRequestError, OAuth2Token, UnsafeURLError
from common.testing import EmulatorFactory, EmulatorServer, Fault, closed_port
from intakeq_async import IntakeQClient
from intakeq_async.emulator import IntakeQEmulator

from .test_fault_matrix import RateLimitedUntil
from .vendors import FAST, SHORT, VENDORS, Vendor

# -- a run with failures, per auth strategy ---------------------------------------------------


@attrs.frozen
class Strategy:
    """A client built with one auth strategy, and every secret string it could leak."""

    name: str
    vendor: Vendor
    #: (client, the secrets to look for) once the emulator runs.
    build: Callable[[Any], Awaitable[tuple[Any, list[str]]]]


def _forms(*secrets: str) -> list[str]:
    """A secret and the encodings it travels in (percent-encoded, Basic's base64)."""
    out: list[str] = []
    for secret in secrets:
        out += [secret, quote(secret, safe="")]
    return out


def _vendor(name: str) -> Vendor:
    return next(v for v in VENDORS if v.name == name)


def _options() -> dict[str, Any]:
    return {"retry": FAST, "timeout": SHORT, "rate_limit": None}


async def _bearer(emu: AmiqusEmulator) -> tuple[Any, list[str]]:
    client = AmiqusClient(token=emu.token, base_url=emu.url, **_options())
    return client, _forms(emu.token)


async def _oauth(emu: AmiqusEmulator) -> tuple[Any, list[str]]:
    redirect = "https://app.example.org/callback"
    code = emu.oauth.issue_code(redirect)
    token = await exchange_code(
        code,
        client_id=emu.oauth.client_id,
        client_secret=emu.oauth.client_secret,
        redirect_uri=redirect,
        base=emu.origin,
    )
    secrets = _forms(
        code, emu.oauth.client_secret, token.access_token.reveal(), token.refresh_token.reveal()
    )

    def renewed(pair: OAuth2Token) -> None:  # every pair obtained later is a secret too
        secrets.extend(_forms(pair.access_token.reveal(), pair.refresh_token.reveal()))

    auth = oauth_auth(
        token,
        client_id=emu.oauth.client_id,
        client_secret=emu.oauth.client_secret,
        redirect_uri=redirect,
        base=emu.origin,
        on_refresh=renewed,
    )
    emu.oauth.expire_access_tokens()  # the run refreshes on its first call, then on 401s
    client = AmiqusClient(oauth=auth, base_url=emu.url, **_options())
    return client, secrets


async def _token_exchange(emu: AmiliaEmulator) -> tuple[Any, list[str]]:
    client = AmiliaClient(
        organization=emu.organization,
        username=emu.username,
        password=emu.password,
        base_url=emu.url,
        **_options(),
    )
    basic = base64.b64encode(f"{emu.username}:{emu.password}".encode()).decode()
    return client, [*_forms(emu.password), basic]


async def _api_key_pair(emu: AmiliaEmulator) -> tuple[Any, list[str]]:
    client = AmiliaClient(
        organization=emu.organization,
        api_key=emu.api_key,
        api_secret=emu.api_secret,
        base_url=emu.url,
        **_options(),
    )
    return client, _forms(emu.api_key, emu.api_secret)


async def _api_key(emu: IntakeQEmulator) -> tuple[Any, list[str]]:
    client = IntakeQClient(api_key=emu.api_key, base_url=emu.url, **_options())
    return client, _forms(emu.api_key)


async def _basic(emu: Any) -> tuple[Any, list[str]]:
    client = TrackopsClient(
        username=emu.username, api_token=emu.api_token, base_url=emu.url, **_options()
    )
    basic = base64.b64encode(f"{emu.username}/token:{emu.api_token}".encode()).decode()
    return client, [*_forms(emu.api_token), basic]


STRATEGIES = [
    Strategy("BearerToken", _vendor("amiqus"), _bearer),
    Strategy("OAuth2RefreshToken", _vendor("amiqus"), _oauth),
    Strategy("TokenExchange", _vendor("amilia"), _token_exchange),
    Strategy("ApiKeyHeaders", _vendor("amilia"), _api_key_pair),
    Strategy("ApiKeyHeader", _vendor("intakeq"), _api_key),
    Strategy("BasicAuth", _vendor("trackops"), _basic),
]

#: Faults for the run: each fails one call (or is retried through), with headers logged.
RUN_FAULTS: list[tuple[str, Fault]] = [
    ("GET", Fault.status(503)),
    ("GET", Fault.status(503)),
    ("GET", Fault.status(503)),  # the third: a ServerError after two retries
    ("GET", Fault.rate_limited("0")),
    ("GET", RateLimitedUntil(3600)),  # above the cap: RateLimitError
    ("GET", Fault.status(401)),  # a refusal: the strategy may renew once, then 401 again
    ("GET", Fault.status(401)),
    ("GET", Fault.status(401)),
    ("GET", Fault.html(200)),
    ("GET", Fault.malformed_json()),
    ("GET", Fault.drop_mid_body()),
    ("GET", Fault.drop_mid_body()),
    ("GET", Fault.drop_mid_body()),
    ("POST", Fault.status(422, json={"message": "invalid", "errors": {"x": ["bad"]}})),
    ("POST", Fault.reset()),
    ("POST", Fault.status(500)),
]


def _texts(error: BaseException) -> Iterator[str]:
    """Everything an error shows: str, repr, the formatted traceback, its causes, its body."""
    yield "".join(traceback.format_exception(error))
    seen: BaseException | None = error
    while seen is not None:
        yield str(seen)
        yield repr(seen)
        yield repr(vars(seen))
        seen = seen.__cause__ or seen.__context__


@pytest.mark.parametrize("strategy", STRATEGIES, ids=lambda s: s.name)
async def test_no_secret_in_logs_errors_or_reprs(
    strategy: Strategy, caplog: pytest.LogCaptureFixture
) -> None:
    """A run with failures of every kind, logged at DEBUG: no secret anywhere."""
    caplog.set_level(logging.DEBUG)
    vendor = strategy.vendor
    shown: list[str] = []
    async with vendor.emulator() as emu:
        client, secrets = await strategy.build(emu)
        async with client:
            await vendor.read(client)  # log in (TokenExchange), refresh (OAuth)
            token = getattr(client, "token", None)
            if token is not None:
                secrets += _forms(token.reveal())  # the JWT obtained
            for method, fault in RUN_FAULTS:
                path = vendor.read_path if method == "GET" else vendor.write_path
                emu.server.faults.add(fault, method=method, path=path)
            for _ in range(12):
                for call in (vendor.read, vendor.write):
                    try:
                        shown.append(repr(await call(client)))
                    except ApiError as error:
                        shown.extend(_texts(error))
            shown += [repr(client), str(client), repr(client.auth), repr(vars(client.auth))]
            token = getattr(client, "token", None)
            if token is not None:
                secrets += _forms(token.reveal())  # the JWT obtained after a renewal
        unreachable = vendor.client(emu, f"http://127.0.0.1:{closed_port()}")
        try:
            await vendor.read(unreachable)
        except ConnectError as error:
            shown.extend(_texts(error))
        finally:
            await unreachable.aclose()
    assert len(emu.server.faults) == 0, "every fault was met"
    assert len(secrets) >= 2
    assert any("request headers" in r.getMessage() for r in caplog.records)
    everything = "\n".join([*shown, caplog.text, *(r.getMessage() for r in caplog.records)])
    for secret in secrets:
        assert secret not in everything, f"a secret of {strategy.name} leaked"


# -- credentials stay on the configured origin -------------------------------------------------


def _echo() -> web.Application:
    async def handle(request: web.Request) -> web.StreamResponse:
        return web.json_response({"Items": [], "data": [], "links": None, "Paging": {}})

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handle)
    return app


@pytest.fixture
async def foreign(emulator: EmulatorFactory) -> EmulatorServer:
    """Another origin (another loopback port): it must never see a credential."""
    return await emulator(_echo())


def _assert_no_credentials(server: EmulatorServer, secrets: list[str]) -> None:
    for record in server.requests:
        sent = "\n".join(f"{k}: {v}" for k, v in record.headers.items())
        sent += record.raw_path + record.body.decode(errors="replace")
        for secret in secrets:
            assert secret not in sent


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("strategy", STRATEGIES, ids=lambda s: s.name)
async def test_a_redirect_to_another_host_carries_no_credentials(
    strategy: Strategy, status: int, foreign: EmulatorServer
) -> None:
    """A read redirected elsewhere is refused or followed bare; a write's body never goes."""
    vendor = strategy.vendor
    async with vendor.emulator() as emu:
        client, secrets = await strategy.build(emu)
        async with client:
            await vendor.read(client)
            token = getattr(client, "token", None)
            if token is not None:
                secrets.append(token.reveal())
            moved = Fault.respond(status, headers={"Location": f"{foreign.url}/elsewhere"})
            emu.server.faults.add(moved, method="GET", path=vendor.read_path)
            emu.server.faults.add(moved, method="POST", path=vendor.write_path)
            for call in (vendor.read, vendor.write):
                # Refused, or what the other host answered did not fit: both are fine.
                with contextlib.suppress(ApiError):
                    await call(client)
    _assert_no_credentials(foreign, secrets)
    assert all(r.body == b"" for r in foreign.requests), "a body was carried to another host"


@pytest.mark.parametrize("vendor", [_vendor("amiqus"), _vendor("amilia")], ids=lambda v: v.name)
async def test_a_next_page_link_to_another_host_is_refused(
    vendor: Vendor, foreign: EmulatorServer
) -> None:
    """The vendors that page by link: a foreign next link raises UnsafeURLError, unsent."""
    async with vendor.emulator() as emu, vendor.client(emu) as client:
        path = "/clients" if vendor.name == "amiqus" else "/programs"
        page = await client.request("GET", path)  # a real page, then its next link replaced
        if vendor.name == "amiqus":
            page["links"] = {"next": f"{foreign.url}/p2", "previous": None}
        else:
            page["Paging"]["Next"] = f"{foreign.url}/p2"
        emu.server.faults.add(Fault.status(200, json=page), path=vendor.prefix + path)
        pager = client.clients.list() if vendor.name == "amiqus" else client.programs.list()
        with pytest.raises(UnsafeURLError):
            await pager.collect()
    assert len(foreign.requests) == 0


# -- path parameters -------------------------------------------------------------------------

HOSTILE_IDS = ["../1", "..%2F1", "1/../2", "1?x=1", "1#x", "%2e%2e", "a b", "1%3F", "..", ""]


def _path_calls() -> list[tuple[str, Callable[[Any, Any], Awaitable[object]], str]]:
    return [
        ("amilia", lambda c, i: c.persons.get_by_external_id(i), "/persons/external/"),
        ("intakeq", lambda c, i: c.appointments.get(i), "/appointments/"),
        ("intakeq", lambda c, i: c.notes.get(i), "/notes/"),
        ("amiqus", lambda c, i: c.templates.get_form(i), "/form-templates/"),
        ("trackops", lambda c, i: c.case_updates.get(i), "/case/updates/"),
    ]


@pytest.mark.parametrize("hostile", HOSTILE_IDS)
@pytest.mark.parametrize(
    ("name", "call", "where"),
    _path_calls(),
    ids=[f"{n}{w.rstrip('/').replace('/', '-')}" for n, _, w in _path_calls()],
)
async def test_path_parameters_cannot_change_the_path(
    name: str, call: Callable[[Any, Any], Awaitable[object]], where: str, hostile: str
) -> None:
    """An id with ``../``, ``%2F``, ``?`` or ``#`` is refused before sending, or travels as
    one percent-encoded segment of its own path: never another path, never a query."""
    vendor = _vendor(name)
    async with vendor.emulator() as emu, vendor.client(emu) as client:
        try:
            await call(client, hostile)
        except InvalidRequestError:
            refused = True
        except ApiError:
            refused = False  # a 404 from the emulator is fine: the request line matters
        else:
            refused = False
        sent = [r for r in emu.server.requests if r.path.startswith(vendor.prefix)]
    if refused:
        assert sent == []
        return
    assert hostile not in ("", ".", ".."), "an empty or dot segment must be refused"
    (record,) = sent
    assert record.raw_path == vendor.prefix + where + quote(hostile, safe=""), record.raw_path
    assert record.path == vendor.prefix + where + hostile
    assert not record.query


# -- https and TLS ---------------------------------------------------------------------------

BUILDERS: list[tuple[str, Callable[..., Any]]] = [
    ("amiqus", lambda url, **o: AmiqusClient(token="t", base_url=url, **o)),
    ("amilia", lambda url, **o: AmiliaClient(organization="o", token="t", base_url=url, **o)),
    ("intakeq", lambda url, **o: IntakeQClient(api_key="k", base_url=url, **o)),
    (
        "trackops",
        lambda url, **o: TrackopsClient(username="u", api_token="t", base_url=url, **o),
    ),
]


@pytest.mark.parametrize(("name", "build"), BUILDERS, ids=[n for n, _ in BUILDERS])
async def test_plain_http_needs_loopback_or_an_explicit_flag(
    name: str, build: Callable[..., Any]
) -> None:
    """http to a real host is refused unless allow_insecure_http=True; loopback is allowed."""
    with pytest.raises(InvalidRequestError, match="http"):
        build("http://api.example.com")
    for url, options in (
        ("http://api.example.com", {"allow_insecure_http": True}),
        ("http://127.0.0.1:9", {}),
        ("http://[::1]:9", {}),
        ("https://api.example.com", {}),
    ):
        await build(url, **options).aclose()


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> ssl.SSLContext:
    """A server TLS context with a self-signed certificate for 127.0.0.1."""
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a certificate")
    folder: Path = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1"),
            *("-addext", "subjectAltName=IP:127.0.0.1"),
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


@pytest.fixture
async def tls_server(self_signed: ssl.SSLContext) -> AsyncIterator[str]:
    """An https server on loopback whose certificate nobody trusts."""
    app = _echo()
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=self_signed)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield f"https://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


@pytest.mark.parametrize(("name", "build"), BUILDERS, ids=[n for n, _ in BUILDERS])
async def test_tls_is_verified_by_default(
    name: str, build: Callable[..., Any], tls_server: str
) -> None:
    """An untrusted certificate is a ConnectError; nothing is sent over that connection."""
    async with build(f"{tls_server}/api", retry=FAST, rate_limit=None) as client:
        with pytest.raises(ConnectError, match=re.compile("certif|SSL", re.IGNORECASE)):
            await client.request("GET", "/anything")
    async with (  # the server itself works, unverified
        aiohttp.ClientSession() as session,
        session.get(f"{tls_server}/x", ssl=False) as response,
    ):
        assert response.status == 200

"""No credential in an error, even rendered with every frame's locals (issue 19, items 2-4).

Error reporters (Sentry, rich, ``pytest -l``) render the locals of every frame of a
traceback and of every exception chained to it. Each auth strategy of the distribution is
driven, through the vendor client that uses it, into each failure path (connect error,
timeout, error status, decode error, a refused login or refresh) against a hostile loopback
server that echoes every header, query and body it receives back into its answers. The
error raised must not hold a secret in any encoding: not in its traceback with locals, not
in ``str(error)``, its message, body, excerpt or request id. Signed URLs are redacted in
logs, stream URLs and errors.
"""

from __future__ import annotations

import asyncio
import base64
import gc
import json
import logging
import time
import traceback
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any
from urllib.parse import quote, quote_plus

import attrs
import pytest
from aiohttp import web

from amilia_async import AmiliaClient
from amiqus_async import AmiqusClient
from amiqus_async.oauth import oauth_auth
from caseupdates_async import TrackopsClient
from common import ApiError, OAuth2Token, RetryPolicy, Timeout
from common.errors import AuthenticationError, DecodeError, HTTPStatusError, TransportError
from common.redact import redact_headers, redact_url
from common.secrets import Secret, scrub, scrub_text
from common.testing import EmulatorFactory, EmulatorServer, Fault, closed_port
from intakeq_async import IntakeQClient

# Secrets with characters that percent-encoding, form-encoding and base64 all change.
BEARER = "amiqus+PAT/tok=en 01"
INTAKEQ_KEY = "intakeq+key/X-Auth=01"
AMILIA_KEY = "amilia+key/01=="
AMILIA_SECRET = "amilia+secret/02!"
AMILIA_USER = "ops@example.org"
AMILIA_PASSWORD = "amilia pass+word/03"
TRACKOPS_USER = "alice"
TRACKOPS_TOKEN = "trackops+token/04="
CLIENT_SECRET = "oauth+client/secret=05"
ACCESS_TOKEN = "oauth+access/token=06"
REFRESH_TOKEN = "oauth+refresh/token=07"
#: What the hostile server issues when a login or a refresh succeeds.
ISSUED_JWT = "issued+jwt/by.server=08"
ISSUED_ACCESS = "issued+access/token=09"
ISSUED_REFRESH = "issued+refresh/token=10"

LOGIN_PATH = "/api/v3/authenticate"
TOKEN_PATH = "/oauth/token"


def _forms(*secrets: str) -> list[str]:
    """Each secret in every encoding it may travel in."""
    out: list[str] = []
    for secret in secrets:
        out += [
            secret,
            quote(secret, safe=""),
            quote(secret, safe="").lower(),
            quote(secret),  # yarl and most servers keep "/"
            quote_plus(secret),  # application/x-www-form-urlencoded
            json.dumps(secret)[1:-1],
            base64.b64encode(secret.encode()).decode().rstrip("="),
        ]
    return out


def _basic(user: str, password: str) -> str:
    return base64.b64encode(f"{user}:{password}".encode()).decode().rstrip("=")


# -- the hostile server ----------------------------------------------------------------------


@attrs.define
class Plan:
    """How the server answers: the API, and the login / token endpoints."""

    api: str = "ok"
    auth: str = "ok"
    #: Set at teardown: every handler still sleeping returns.
    release: asyncio.Event = attrs.Factory(asyncio.Event)


async def _echo(request: web.Request) -> str:
    """Everything the request carried, as one line of text."""
    body = (await request.read()).decode(errors="replace")
    return json.dumps(
        {"headers": dict(request.headers), "query": request.query_string, "body": body}
    )


async def _answer(request: web.Request, mode: str, plan: Plan, ok: web.Response) -> web.Response:
    echo = await _echo(request)
    if mode == "ok":
        return ok
    if mode == "timeout":
        await asyncio.wait_for(plan.release.wait(), timeout=30)
        return ok
    if mode == "decode":  # a 200 that is not JSON: an HTML page quoting the request
        return web.Response(text=f"<html><pre>{echo}</pre></html>", content_type="text/html")
    status = 401 if mode == "unauthorized" else 500
    if mode == "status" and request.path == TOKEN_PATH:
        status = 400
    auth = request.headers.get("Authorization") or request.headers.get("X-Auth-Key") or "none"
    return web.json_response(
        {
            "error": "invalid_grant",
            "error_description": f"refused: {echo}",
            "message": f"refused: {echo}",
            "Message": f"refused: {echo}",
            "errors": {"credentials": [echo], echo: ["the key itself"]},
            "request_id": auth,
        },
        status=status,
        headers={"X-Request-Id": auth, "WWW-Authenticate": f'Bearer error="{auth}"'},
    )


def _hostile(plan: Plan) -> web.Application:
    async def login(request: web.Request) -> web.Response:
        return await _answer(request, plan.auth, plan, web.json_response({"Token": ISSUED_JWT}))

    async def token(request: web.Request) -> web.Response:
        issued = {
            "access_token": ISSUED_ACCESS,
            "refresh_token": ISSUED_REFRESH,
            "expires_in": 3600,
        }
        return await _answer(request, plan.auth, plan, web.json_response(issued))

    async def api(request: web.Request) -> web.Response:
        ok = web.json_response({"data": [], "Items": [], "links": None, "Paging": {}})
        return await _answer(request, plan.api, plan, ok)

    app = web.Application()
    app.router.add_route("*", LOGIN_PATH, login)
    app.router.add_route("*", TOKEN_PATH, token)
    app.router.add_route("*", "/{tail:.*}", api)
    return app


@pytest.fixture
async def plan() -> AsyncIterator[Plan]:
    made = Plan()
    yield made
    made.release.set()


@pytest.fixture
async def hostile(emulator: EmulatorFactory, plan: Plan) -> AsyncIterator[EmulatorServer]:
    yield await emulator(_hostile(plan))
    plan.release.set()  # before the server stops: no handler is left sleeping


# -- the six strategies, through the clients that use them -------------------------------------


@attrs.frozen
class Strategy:
    name: str
    #: ``build(root, expired=...)``: a client of the server at *root*; *expired* makes a
    #: renewing strategy log in or refresh before its first call.
    build: Callable[..., Any]
    secrets: tuple[str, ...]
    renews: bool = False


def _options(timeout: float) -> dict[str, Any]:
    return {
        "retry": RetryPolicy(max_retries=0),
        "rate_limit": None,
        "timeout": Timeout(total=None, connect=5.0, read=timeout),
    }


def _bearer(root: str, expired: bool, timeout: float) -> Any:
    return AmiqusClient(token=BEARER, base_url=f"{root}/api/v2", **_options(timeout))


def _api_key(root: str, expired: bool, timeout: float) -> Any:
    return IntakeQClient(api_key=INTAKEQ_KEY, base_url=f"{root}/api/v1", **_options(timeout))


def _key_pair(root: str, expired: bool, timeout: float) -> Any:
    return AmiliaClient(
        organization="org",
        api_key=AMILIA_KEY,
        api_secret=AMILIA_SECRET,
        base_url=root,
        **_options(timeout),
    )


def _basic_auth(root: str, expired: bool, timeout: float) -> Any:
    return TrackopsClient(
        username=TRACKOPS_USER,
        api_token=TRACKOPS_TOKEN,
        base_url=f"{root}/api/v1",
        **_options(timeout),
    )


def _login(root: str, expired: bool, timeout: float) -> Any:
    # Without a token the first call logs in; with one, only a 401 makes it log in.
    token = None if expired else "given+jwt/token=11"
    credentials: dict[str, Any] = {"username": AMILIA_USER, "password": AMILIA_PASSWORD}
    if token is not None:
        credentials["token"] = token
    return AmiliaClient(organization="org", base_url=root, **credentials, **_options(timeout))


def _oauth(root: str, expired: bool, timeout: float) -> Any:
    pair = OAuth2Token(
        ACCESS_TOKEN, REFRESH_TOKEN, expires_at=time.time() + (-10 if expired else 3600)
    )
    auth = oauth_auth(pair, client_id="app-1", client_secret=CLIENT_SECRET, base=root)
    return AmiqusClient(oauth=auth, base_url=f"{root}/api/v2", **_options(timeout))


STRATEGIES = [
    Strategy("BearerToken", _bearer, (BEARER,)),
    Strategy("ApiKeyHeader", _api_key, (INTAKEQ_KEY,)),
    Strategy("ApiKeyHeaders", _key_pair, (AMILIA_KEY, AMILIA_SECRET)),
    Strategy(
        "BasicAuth", _basic_auth, (TRACKOPS_TOKEN, _basic(f"{TRACKOPS_USER}/token", TRACKOPS_TOKEN))
    ),
    Strategy(
        "TokenExchange",
        _login,
        (AMILIA_PASSWORD, _basic(AMILIA_USER, AMILIA_PASSWORD), "given+jwt/token=11", ISSUED_JWT),
        renews=True,
    ),
    Strategy(
        "OAuth2RefreshToken",
        _oauth,
        (CLIENT_SECRET, ACCESS_TOKEN, REFRESH_TOKEN, ISSUED_ACCESS, ISSUED_REFRESH),
        renews=True,
    ),
]


@attrs.frozen
class Path:
    """One way for a call to fail."""

    name: str
    api: str = "ok"
    auth: str = "ok"
    #: Start with an expired (or no) token: the login or refresh comes first.
    expired: bool = False
    refused: bool = False  # nothing listens
    only_renewing: bool = False
    expected: type[ApiError] = ApiError


PATHS = [
    Path("connect-error", refused=True, expired=True, expected=TransportError),
    Path("timeout", api="timeout", expected=TransportError),
    Path("error-status", api="status", expected=HTTPStatusError),
    Path("decode-error", api="decode", expected=DecodeError),
    Path("refused-401", api="unauthorized", expected=AuthenticationError),
    Path("login-status", auth="status", expired=True, only_renewing=True, expected=HTTPStatusError),
    Path("login-decode", auth="decode", expired=True, only_renewing=True, expected=DecodeError),
    Path(
        "login-timeout", auth="timeout", expired=True, only_renewing=True, expected=TransportError
    ),
    Path(
        "refresh-after-401-fails",
        api="unauthorized",
        auth="status",
        only_renewing=True,
        expected=HTTPStatusError,
    ),
    Path(
        "renewal-answer-without-token",
        auth="ok-but-empty",
        expired=True,
        only_renewing=True,
        expected=DecodeError,
    ),
]

CASES = [
    pytest.param(s, p, id=f"{s.name}-{p.name}")
    for s in STRATEGIES
    for p in PATHS
    if s.renews or not p.only_renewing
]


async def _raised(call: Awaitable[object]) -> ApiError:
    """The error *call* raised (caught here, so no test frame with secrets is on it)."""
    try:
        await call
    except ApiError as error:
        return error
    raise AssertionError("the call did not fail")


def _chain(error: BaseException) -> Iterator[BaseException]:
    """*error* and everything chained to it, suppressed contexts included."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _rendered(error: BaseException) -> str:
    """What an error reporter shows: the traceback with every frame's locals."""
    shown = traceback.TracebackException(
        type(error), error, error.__traceback__, capture_locals=True
    )
    return "".join(shown.format())


def _everything(error: ApiError) -> str:
    texts: list[str] = []
    for linked in _chain(error):
        texts += [_rendered(linked), str(linked), repr(linked), repr(vars(linked))]
    texts += [
        error.message,
        repr(getattr(error, "body", None)),
        str(getattr(error, "excerpt", "")),
        str(getattr(error, "detail", "")),
        repr(getattr(error, "field_errors", None)),
        repr(getattr(error, "request_id", None)),
        repr(getattr(error, "headers", None)),
    ]
    return "\n".join(texts)


def _assert_clean(text: str, secrets: tuple[str, ...], where: str) -> None:
    for form in _forms(*secrets):
        at = text.find(form)
        assert at < 0, f"{where}: a secret leaked as {form!r}: ...{text[max(0, at - 300) : at]}"


@pytest.mark.parametrize(("strategy", "path"), CASES)
async def test_no_secret_in_a_traceback_with_locals(
    strategy: Strategy, path: Path, hostile: EmulatorServer, plan: Plan
) -> None:
    """Each strategy, each failure path: the error rendered with locals shows no secret."""
    plan.api, plan.auth = path.api, path.auth
    if path.auth == "ok-but-empty":
        plan.auth = "ok"
        hostile.faults.add(_empty_token_answer(), path=LOGIN_PATH)
        hostile.faults.add(_empty_token_answer(), path=TOKEN_PATH)
    root = f"http://127.0.0.1:{closed_port()}" if path.refused else hostile.url
    timeout = 1.0 if "timeout" in path.name else 10.0
    async with strategy.build(root, path.expired, timeout) as client:
        error = await _raised(client.request("GET", "/things", params={"q": "x"}))
    assert isinstance(error, path.expected), repr(error)
    if not path.refused:
        assert len(hostile.requests) >= 1, "the server saw the call"
    _assert_clean(_everything(error), strategy.secrets, f"{strategy.name}/{path.name}")
    assert error.__cause__ is None, "aiohttp's frames would come with the cause"
    assert error.__context__ is None or error.__suppress_context__


def _empty_token_answer() -> Fault:
    return Fault.status(200, json={"note": "no token here", "token_type": "bearer"})


# -- secrets echoed back are scrubbed -----------------------------------------------------------


@pytest.mark.parametrize("strategy", STRATEGIES, ids=lambda s: s.name)
@pytest.mark.parametrize("mode", ["status", "unauthorized", "decode"])
async def test_echoed_secrets_are_scrubbed_from_the_error(
    strategy: Strategy, mode: str, hostile: EmulatorServer, plan: Plan
) -> None:
    """The server quotes every credential it got: message, body, excerpt, field errors and
    request id show ``[redacted]`` instead, in every encoding."""
    plan.api = mode
    async with strategy.build(hostile.url, False, 10.0) as client:
        error = await _raised(client.request("POST", "/things", json={"name": "x"}))
    texts = [str(error), error.message, repr(vars(error))]
    if isinstance(error, HTTPStatusError):
        texts += [repr(error.body), repr(error.field_errors), str(error.request_id)]
        assert "[redacted]" in repr(error.body)
        assert "User-Agent" in repr(error.body), "the rest of the body is kept"
    if isinstance(error, DecodeError):
        texts.append(error.excerpt)
        assert "[redacted]" in error.excerpt
    _assert_clean("\n".join(texts), strategy.secrets, f"{strategy.name}/{mode}")


def test_scrub_covers_encodings_and_nested_data() -> None:
    """Plain, percent-encoded (either case), form-encoded, JSON-escaped, base64 of Basic."""
    password = Secret("pa ss+wo/rd=é")
    basic = Secret("Basic " + base64.b64encode(b"user:pa ss+wo/rd=\xc3\xa9").decode())
    encoded = base64.b64encode(b"user:pa ss+wo/rd=\xc3\xa9").decode()
    texts = [
        "pa ss+wo/rd=é",
        quote("pa ss+wo/rd=é", safe=""),
        quote("pa ss+wo/rd=é", safe="").lower(),
        quote_plus("pa ss+wo/rd=é"),
        json.dumps("pa ss+wo/rd=é"),
        json.dumps("pa ss+wo/rd=é", ensure_ascii=False).replace("/", "\\/"),
        f"Authorization: Basic {encoded}",
        encoded.rstrip("="),
    ]
    for text in texts:
        assert "[redacted]" in scrub_text(text), text
    data = {"a": [f"x {texts[0]} y", ("t", texts[3])], texts[1]: 7}
    assert scrub(data) == {"a": ["x [redacted] y", ("t", "[redacted]")], "[redacted]": 7}
    assert scrub_text("nothing secret here") == "nothing secret here"
    del password, basic


def test_short_values_are_not_scrubbed() -> None:
    """A secret shorter than six characters is not hunted in text (it would garble it)."""
    tiny = Secret("abc")
    assert scrub_text("abc abcdef") == "abc abcdef"
    del tiny


def test_a_secret_is_scrubbed_only_while_it_lives() -> None:
    """The registry holds no dead secret: once the Secret is gone, the text is left alone."""
    value = "short-lived+secret/99"
    held = Secret(value)
    assert scrub_text(value) == "[redacted]"
    del held
    gc.collect()
    assert scrub_text(value) == value


# -- signed URLs --------------------------------------------------------------------------------

SIGNED = [
    (
        "https://bucket.s3.amazonaws.com/k.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        "&X-Amz-Credential=AKIAEXAMPLE%2F20250101%2Fus-east-1%2Fs3%2Faws4_request"
        "&X-Amz-Date=20250101T000000Z&X-Amz-Expires=300&X-Amz-SignedHeaders=host"
        "&X-Amz-Security-Token=FwoGZXIvYXdzEXAMPLE&X-Amz-Signature=deadbeefcafe&part=1",
        ["AKIAEXAMPLE", "FwoGZXIvYXdzEXAMPLE", "deadbeefcafe"],
    ),
    (
        "https://storage.googleapis.com/b/o?X-Goog-Algorithm=GOOG4-RSA-SHA256"
        "&X-Goog-Credential=svc%40proj.iam&X-Goog-Signature=0123abcd&generation=5",
        ["svc%40proj.iam", "0123abcd"],
    ),
    (
        "https://acct.blob.core.windows.net/c/b.pdf?sv=2022-11-02&se=2025-01-01&sr=b&sp=r"
        "&sig=SAS%2Bsignature%3D",
        ["SAS%2Bsignature%3D"],
    ),
    (
        "https://bucket.s3.amazonaws.com/k?AWSAccessKeyId=AKIAOLD&Expires=1&Signature=oldsig",
        ["AKIAOLD", "oldsig"],
    ),
    (
        "https://files.example.com/d?access_token=at1&apiKey=ak2&client_secret=cs3"
        "&sessionToken=st4&auth=au5&password=pw6&page=2#access_token=frag7&state=s",
        ["at1", "ak2", "cs3", "st4", "au5", "pw6", "frag7"],
    ),
]


@pytest.mark.parametrize(
    ("url", "hidden"), SIGNED, ids=["s3-v4", "gcs", "azure-sas", "s3-v2", "keys"]
)
def test_signed_urls_are_redacted(url: str, hidden: list[str]) -> None:
    """X-Amz-*, X-Goog-*, Azure's sig and credential-like keys lose their values; the rest
    of the URL stays readable."""
    shown = redact_url(url)
    for value in hidden:
        assert value not in shown
    assert shown.split("?")[0] == url.split("?")[0]
    assert "redacted" in shown


@pytest.mark.parametrize(
    "key", ["page", "assignees", "keyword", "postal_code", "generation", "sv", "se", "Expires"]
)
def test_ordinary_query_keys_are_kept(key: str) -> None:
    """Keys that merely contain a credential word's letters are not masked."""
    assert redact_url(f"https://h/p?{key}=visible") == f"https://h/p?{key}=visible"


def test_location_and_link_headers_are_redacted() -> None:
    """URL-valued headers (the DEBUG header line, an error's headers) lose signatures."""
    url, hidden = SIGNED[0]
    shown = redact_headers({"Location": url, "Link": f'<{url}>; rel="next"', "X-Csrf-Token": "t"})
    text = repr(shown)
    for value in hidden:
        assert value not in text
    assert shown["X-Csrf-Token"] == "[redacted]"


async def test_a_download_redirected_to_a_signed_url_logs_and_errors_without_it(
    emulator: EmulatorFactory, plan: Plan, caplog: pytest.LogCaptureFixture
) -> None:
    """A download moved to a signed storage URL: the DEBUG log (request line and the
    Location of the 302), the stream's URL and the storage's error show no signature."""
    query = (
        "X-Amz-Credential=AKIAEXAMPLE%2F20250101&X-Amz-Security-Token=FwoGZXIvEXAMPLE"
        "&X-Amz-Signature=deadbeefcafe&sig=azuresig123&token=tok456"
    )
    hidden = ["AKIAEXAMPLE", "FwoGZXIvEXAMPLE", "deadbeefcafe", "azuresig123", "tok456"]

    async def stored(request: web.Request) -> web.Response:
        if request.query.get("part") == "denied":  # S3 quotes what it was given
            return web.Response(status=403, text=f"<Error>{request.path_qs}</Error>")
        return web.Response(body=b"%PDF-1.7", content_type="application/pdf")

    storage_app = web.Application()
    storage_app.router.add_route("GET", "/bucket/k.pdf", stored)
    storage = await emulator(storage_app)

    async def moved(request: web.Request) -> web.Response:
        part = request.query.get("part", "ok")
        location = f"{storage.url}/bucket/k.pdf?part={part}&{query}"
        return web.Response(status=302, headers={"Location": location})

    api_app = web.Application()
    api_app.router.add_route("GET", "/api/v2/files/1/download", moved)
    api = await emulator(api_app)

    caplog.set_level(logging.DEBUG)
    async with AmiqusClient(
        token=BEARER, base_url=f"{api.url}/api/v2", retry=RetryPolicy(max_retries=0)
    ) as client:
        async with client.download("/files/1/download") as stream:
            assert await stream.read() == b"%PDF-1.7"
        error = await _raised(
            client.download("/files/1/download", params={"part": "denied"}).save_to("/dev/null")
        )
    assert isinstance(error, HTTPStatusError)
    assert error.status == 403
    assert storage.requests, "the download went to the storage host"
    ours = [r.getMessage() for r in caplog.records if r.name == "amiqus_async"]
    assert any("Location" in m for m in ours), "the redirect's headers were logged"
    shown = "\n".join([*ours, _everything(error), str(error.url)])
    for value in hidden:
        assert value not in shown, f"{value} leaked"
    _assert_clean(shown, (BEARER,), "download")

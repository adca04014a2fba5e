"""The emulator kit's vendor toolkit: refusals and their renderers, the request context and its
rules, credentials, paging helpers, ASP.NET-style routing, the multi-window rate limiter, and the
one face every vendor emulator shows."""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import Any, ClassVar
from urllib.parse import parse_qsl, urlsplit

import aiohttp
import attrs
import pytest
from aiohttp import web
from aiohttp.test_utils import make_mocked_request

from amilia_async.emulator import AmiliaEmulator
from amiqus_async.emulator import AmiqusEmulator
from caseupdates_async.emulator import TrackopsEmulator
from common.testing import (
    DEFAULT_WORDING,
    BadRequest,
    EmulatorFactory,
    EmulatorServer,
    Fault,
    Flaw,
    Mistake,
    Problem,
    QueryRules,
    RateLimiter,
    Refusal,
    RequestContext,
    RouteTable,
    ServerRateLimit,
    VendorEmulator,
    ascii_integer,
    aspnet_int32,
    basic_credentials,
    bearer_token,
    boolean_words,
    content_disposition,
    decode_jwt,
    encode_jwt,
    header_credential,
    iso_date,
    iso_date_prefix,
    iso_datetime,
    next_id_envelope,
    next_url_envelope,
    page_count,
    page_number_array,
    page_slice,
    paginated_list,
    python_integer,
    raw_segments,
    same_secret,
    url_with_query,
)
from intakeq_async.emulator import IntakeQEmulator

Route = Callable[[web.Request], Awaitable[web.StreamResponse]]


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as client:
        yield client


def _app(handler: Route, path: str = "/{tail:.*}") -> web.Application:
    app = web.Application()
    app.router.add_route("*", path, handler)
    return app


async def _get(
    session: aiohttp.ClientSession, url: str, **kwargs: Any
) -> tuple[int, Any, Mapping[str, str]]:
    async with session.get(url, **kwargs) as response:
        text = await response.text()
        try:
            body: Any = json.loads(text)
        except ValueError:
            body = text
        return response.status, body, response.headers


def _vendor(request: web.Request, error: Refusal) -> web.StreamResponse:
    body = {"Oops": error.message, "kind": error.problem.value, "errors": error.errors}
    return web.json_response(body, status=error.status, headers=error.headers)


# -- refusals -----------------------------------------------------------------------------------


def test_a_refusal_is_a_4xx_or_5xx_and_a_bad_request_a_4xx() -> None:
    """Statuses outside what an error answer can be are refused; the message defaults to the
    reason phrase; BadRequest is a Refusal."""
    assert Refusal(404).message == "Not Found"
    assert isinstance(BadRequest("nope"), Refusal)
    assert BadRequest("nope").problem is Problem.MALFORMED
    assert Refusal(503, "down").problem is Problem.REFUSED
    for status in (200, 302, 600):
        with pytest.raises(ValueError, match="4xx or a 5xx"):
            Refusal(status)
    with pytest.raises(ValueError, match="4xx"):
        BadRequest("nope", status=500)


async def test_a_handler_refusal_is_rendered_by_the_vendor_renderer_or_the_kits(
    emulator: EmulatorFactory, session: aiohttp.ClientSession
) -> None:
    """``raise Refusal(...)`` answers with the vendor's renderer (its status, headers, errors);
    without one, the kit's ``{"message"}`` (plus ``errors``), or the refusal's own body."""

    async def handler(request: web.Request) -> web.Response:
        if request.path == "/gone":
            raise Refusal(410, "It left.", headers={"X-Why": "moved"})
        if request.path == "/raw":
            raise Refusal(409, body=["exactly", "this"])
        raise Refusal(422, "Invalid.", errors={"Name": ["required"]})

    vendor = await emulator(_app(handler), render_error=_vendor)
    status, body, headers = await _get(session, f"{vendor.url}/gone")
    assert (status, body["Oops"], body["kind"], headers["X-Why"]) == (
        410,
        "It left.",
        "refused",
        "moved",
    )
    plain = await emulator(_app(handler))
    status, body, _ = await _get(session, f"{plain.url}/x")
    assert (status, body) == (422, {"message": "Invalid.", "errors": {"Name": ["required"]}})
    status, body, _ = await _get(session, f"{plain.url}/raw")
    assert (status, body) == (409, ["exactly", "this"])
    assert plain.bugs == vendor.bugs == []


async def test_the_kits_own_errors_take_the_vendor_shape_only_with_a_vendor_renderer(
    emulator: EmulatorFactory, session: aiohttp.ClientSession
) -> None:
    """The kit's 429 and ``Fault.status`` without a body go through a vendor renderer (as
    ``RATE_LIMITED`` and ``FAULT``), keeping their headers; a fault's own body never does; a
    plain server keeps the kit's ``{"message"}``."""

    async def ok(request: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    vendor = await emulator(_app(ok), render_error=_vendor, rate_limit=ServerRateLimit(2, per=60))
    vendor.faults.add(Fault.status(503, headers={"X-Fault": "1"}), times=1)
    vendor.faults.add(Fault.status(502, json={"custom": True}), times=1)
    status, body, headers = await _get(session, f"{vendor.url}/a")
    assert (status, body["Oops"], body["kind"], headers["X-Fault"]) == (
        503,
        "Service Unavailable",
        "fault",
        "1",
    )
    status, body, _ = await _get(session, f"{vendor.url}/a")
    assert (status, body) == (502, {"custom": True})
    status, body, headers = await _get(session, f"{vendor.url}/a")
    assert (status, body["kind"]) == (429, "rate_limited")
    assert "Retry-After" in headers
    plain = await emulator(_app(ok), rate_limit=ServerRateLimit(1, per=60))
    plain.faults.add(Fault.status(503), times=1)
    assert (await _get(session, f"{plain.url}/a"))[:2] == (503, {"message": "Service Unavailable"})
    assert (await _get(session, f"{plain.url}/a"))[:2] == (429, {"message": "Too Many Requests"})


# -- parsers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parse", "raw", "expected"),
    [
        (ascii_integer, "42", 42),
        (ascii_integer, "-7", -7),
        (ascii_integer, " 7", None),
        (ascii_integer, "1_000", None),
        (ascii_integer, "\u0663", None),  # ARABIC-INDIC DIGIT THREE
        (ascii_integer, "9" * 19, None),
        (aspnet_int32, " +12 ", 12),
        (aspnet_int32, "2147483647", 2**31 - 1),
        (aspnet_int32, "2147483648", None),
        (aspnet_int32, "1.5", None),
        (python_integer, " 1_000 ", 1000),
        (python_integer, "x", None),
    ],
)
def test_integer_parsers(
    parse: Callable[[str], int | None], raw: str, expected: int | None
) -> None:
    """Each integer grammar takes what its framework binds, and nothing else (``None``)."""
    assert parse(raw) == expected


def test_boolean_and_date_parsers() -> None:
    """Booleans by word (blanks only with ``strip``); dates strict, or cut from a date-time;
    date-times in UTC."""
    php = boolean_words(("1", "yes"), ("0", "no"), strip=True)
    assert (php(" YES "), php("no"), php("true")) == (True, False, None)
    default = boolean_words()
    assert (default("TRUE"), default("0"), default(" true")) == (True, False, None)
    assert iso_date("2024-02-29") == dt.date(2024, 2, 29)
    assert iso_date("2023-02-29") is None
    assert iso_date("2024-02-29T10:00") is None
    assert iso_date_prefix("2024-02-29T10:00") == dt.date(2024, 2, 29)
    assert iso_date_prefix("x2024-02-29") is None
    assert iso_datetime("2024-05-07T12:30:45Z") == dt.datetime(
        2024, 5, 7, 12, 30, 45, tzinfo=dt.timezone.utc
    )
    assert iso_datetime("2024-05-07T14:30:45+02:00") == iso_datetime("2024-05-07T12:30:45Z")
    assert iso_datetime("soon") is None


def test_rules_word_each_flaw_by_template_or_the_kits() -> None:
    """A vendor's template fills in the mistake's fields (``{excerpt}`` quoted and cut); a
    flaw it does not word gets the kit's sentence."""
    rules = QueryRules(wording={Flaw.NOT_INTEGER: "{name}={excerpt}"})
    assert rules.message(Mistake(flaw=Flaw.NOT_INTEGER, name="page", raw="x" * 70)) == (
        "page=" + repr("x" * 60 + "...")
    )
    missing = Mistake(flaw=Flaw.NOT_FOUND, name="id", raw="9", what="Client")
    assert rules.message(missing) == "Client '9' was not found."
    choice = Mistake(flaw=Flaw.NOT_ALLOWED, name="dir", raw="up", allowed=("asc", "desc"))
    assert rules.message(choice) == "The dir parameter must be one of: asc, desc."
    assert set(DEFAULT_WORDING) == set(Flaw)


# -- the request context -----------------------------------------------------------------------


@attrs.define(eq=False)
class _Ctx(RequestContext[None, dict[str, Any]]):
    rules: ClassVar[QueryRules] = QueryRules(
        ignore_case=True,
        integer=aspnet_int32,
        boolean=boolean_words(("true",), ("false",)),
        status=422,
        wording={flaw: flaw.name + ":{name}:{raw}:{what}{other}" for flaw in Flaw},
    )


def _context_app(read: Callable[[_Ctx], Awaitable[Any]]) -> web.Application:
    store = {"things": {1: "one", 22: "twenty-two"}, "named": {"a": "A"}}

    async def handler(request: web.Request) -> web.StreamResponse:
        ctx = _Ctx(request, None, data=store)
        return ctx.ok(await read(ctx))

    app = web.Application()
    app.router.add_route("*", "/things/{id}", handler)
    return app


async def _read(
    emulator: EmulatorFactory,
    session: aiohttp.ClientSession,
    read: Callable[[_Ctx], Awaitable[Any]],
    path: str,
    **kwargs: Any,
) -> tuple[int, Any]:
    server = await emulator(_context_app(read), render_error=_vendor)
    async with session.request(kwargs.pop("method", "GET"), f"{server.url}{path}", **kwargs) as r:
        return r.status, await r.json()


async def test_the_context_reads_query_values_by_the_vendors_rules(
    emulator: EmulatorFactory, session: aiohttp.ClientSession
) -> None:
    """Names in any case (``ignore_case``), typed readers, defaults for absent or empty
    values, repeated values kept in order."""

    async def read(ctx: _Ctx) -> Any:
        return {
            "text": ctx.text("Name"),
            "empty": ctx.text("blank"),
            "values": ctx.values("tag"),
            "page": ctx.integer("PAGE", 1, minimum=1),
            "size": ctx.integer("size"),
            "flag": ctx.flag("archived"),
            "bool": ctx.boolean("missing"),
            "day": str(ctx.date("from", "start")),
            "range": [str(d) for d in ctx.date_range("start", "end")],
            "moment": str(ctx.moment("at")),
            "choice": ctx.choice("order", ("asc", "desc")),
            "next": ctx.url_with("page", 3),
            "origin": ctx.origin,
        }

    query = (
        "?name=Ada&blank=&Tag=a&tag=b&Page=2&archived=TRUE&start=2024-01-02&END=2024-01-05"
        "&at=2024-01-02T03:04:05Z&order=desc"
    )
    status, body = await _read(emulator, session, read, "/things/1" + query)
    assert status == 200, body
    assert body["text"] == "Ada"
    assert (body["empty"], body["size"], body["bool"]) == (None, None, None)
    assert body["values"] == ["a", "b"]
    assert (body["page"], body["flag"], body["choice"]) == (2, True, "desc")
    assert body["day"] == "2024-01-02"
    assert body["range"] == ["2024-01-02", "2024-01-05"]
    assert body["moment"] == "2024-01-02 03:04:05+00:00"
    assert body["origin"] == f"http://{urlsplit(body['next']).netloc}"
    next_query = parse_qsl(urlsplit(body["next"]).query)
    assert ("page", "3") in next_query
    assert ("Page", "2") not in next_query


@pytest.mark.parametrize(
    ("query", "refusal"),
    [
        ("?page=x", "NOT_INTEGER:page:x:"),
        ("?page=0", "OUT_OF_RANGE:page:0:"),
        ("?flag=yes", "NOT_BOOLEAN:flag:yes:"),
        ("?start=2024-13-01", "NOT_DATE:start:2024-13-01:"),
        ("?start=2024-02-02&end=2024-02-01", "REVERSED:start:2024-02-02:end"),
        ("?at=later", "NOT_DATETIME:at:later:"),
        ("?order=up", "NOT_ALLOWED:order:up:"),
    ],
)
async def test_a_value_that_does_not_parse_is_refused_in_the_vendors_words(
    emulator: EmulatorFactory, session: aiohttp.ClientSession, query: str, refusal: str
) -> None:
    """A ``BadRequest`` (``INVALID_QUERY``, the rules' status, the field named), worded by
    the rules."""

    async def read(ctx: _Ctx) -> Any:
        ctx.integer("page", 1, minimum=1)
        ctx.flag("flag")
        ctx.date_range("start", "end")
        ctx.moment("at")
        ctx.choice("order", ("asc", "desc"))
        return "read"

    status, body = await _read(emulator, session, read, "/things/1" + query)
    assert (status, body["Oops"], body["kind"]) == (422, refusal, "invalid_query")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/things/22", (200, "twenty-two")),
        ("/things/+22", (200, "twenty-two")),
        ("/things/3", None),
    ],
)
async def test_a_path_id_names_an_item_or_is_a_404(
    emulator: EmulatorFactory,
    session: aiohttp.ClientSession,
    path: str,
    expected: tuple[int, str] | None,
) -> None:
    """Integer keys are read with the rules' grammar; text keys as they are; an id naming
    nothing is a 404 Refusal worded ``NOT_FOUND`` with what it should name."""

    async def read(ctx: _Ctx) -> Any:
        things: dict[int, str] = ctx.data["things"]
        return ctx.item(things, "Thing")

    status, body = await _read(emulator, session, read, path)
    if expected is None:
        assert (status, body["Oops"], body["kind"]) == (404, "NOT_FOUND:id:3:Thing", "refused")
    else:
        assert (status, body) == expected


async def test_the_context_reads_strict_json(
    emulator: EmulatorFactory, session: aiohttp.ClientSession
) -> None:
    """``json_object()`` is the kit's strict reader: an array is a ``WRONG_TYPE`` 400, an
    empty body stands for *empty* when given."""

    async def read(ctx: _Ctx) -> Any:
        return await ctx.json_object(empty={"default": True})

    status, body = await _read(emulator, session, read, "/things/1", method="POST", data=b"[1]")
    assert (status, body["kind"]) == (400, "wrong_type")
    status, body = await _read(emulator, session, read, "/things/1", method="POST", data=b"")
    assert (status, body) == (200, {"default": True})


def test_content_disposition_keeps_control_characters_out_of_the_header() -> None:
    """A plain name is quoted; any other gets an ASCII fallback and ``filename*``."""
    assert content_disposition("a.pdf") == 'attachment; filename="a.pdf"'
    quoted = content_disposition('a "b".pdf')
    assert quoted.startswith('attachment; filename="a \\"b\\".pdf"; filename*=UTF-8')
    fancy = content_disposition("résumé\r\n.pdf")
    assert not {"\r", "\n"} & set(fancy)
    assert fancy.endswith("filename*=UTF-8''r%C3%A9sum%C3%A9%0D%0A.pdf")


# -- credentials --------------------------------------------------------------------------------


def _request(headers: dict[str, str]) -> web.Request:
    return make_mocked_request("GET", "/", headers=headers)


def _basic(text: str) -> str:
    return "Basic " + base64.b64encode(text.encode()).decode()


def test_credential_readers_answer_none_for_anything_malformed() -> None:
    """Bearer (any case of the scheme, blank is none), Basic (strict base64, UTF-8, a colon),
    a key header (stripped)."""
    assert bearer_token(_request({"Authorization": "bearer  abc "})) == "abc"
    assert bearer_token(_request({"Authorization": "Bearer "})) is None
    assert bearer_token(_request({"Authorization": _basic("a:b")})) is None
    assert basic_credentials(_request({"Authorization": _basic("jo:pa:ss")})) == ("jo", "pa:ss")
    assert basic_credentials(_request({"Authorization": _basic("no-colon")})) is None
    assert basic_credentials(_request({"Authorization": "Basic not-base64!"})) is None
    latin = "Basic " + base64.b64encode("é:x".encode("latin-1")).decode()
    assert basic_credentials(_request({"Authorization": latin})) is None
    assert basic_credentials(_request({})) is None
    assert header_credential(_request({"X-Key": "  k  "}), "x-key") == "k"
    assert header_credential(_request({"X-Key": "   "}), "X-Key") is None


def test_same_secret_never_fails_on_odd_text() -> None:
    """Constant-time equality that takes non-ASCII text and lone surrogates; ``None`` is never
    a match."""
    assert same_secret("tøken", "tøken")
    assert not same_secret("t\udcffken", "token")
    assert not same_secret(None, "token")


def test_jwts_verify_only_with_their_key_and_never_raise() -> None:
    """An HS256 token decodes with its key; another key, a changed payload or garbage is
    ``None``."""
    token = encode_jwt({"sub": "ada", "exp": 1}, b"k1")
    assert decode_jwt(token, b"k1") == {"sub": "ada", "exp": 1}
    assert decode_jwt(token, b"k2") is None
    header, _, signature = token.split(".")
    forged = base64.urlsafe_b64encode(b'{"sub":"eve"}').rstrip(b"=").decode()
    assert decode_jwt(f"{header}.{forged}.{signature}", b"k1") is None
    for garbage in ("", "a.b", "a.b.c", "é.é.é", "...."):
        assert decode_jwt(garbage, b"k1") is None


# -- paging -------------------------------------------------------------------------------------


def _fake(path: str) -> web.Request:
    return make_mocked_request("GET", path, headers={"Host": "h:1"})


def test_pages_slice_count_and_link() -> None:
    """Pages from 1; a page past the end is empty; the link replaces one parameter (any case
    with ``ignore_case``) and keeps the others."""
    items = list(range(1, 8))
    assert page_slice(items, 2, 3) == [4, 5, 6]
    assert page_slice(items, 4, 3) == []
    assert (page_count(7, 3), page_count(0, 3)) == (3, 0)
    request = _fake("/x?Page=1&q=a%20b&page=9")
    assert url_with_query(request, "page", 2) == "http://h:1/x?Page=1&q=a+b&page=2"
    assert url_with_query(request, "page", 2, ignore_case=True) == "http://h:1/x?q=a+b&page=2"
    assert page_number_array(items, 3, 3, lambda n: n * 10) == [70]


def test_envelopes_for_each_strategy() -> None:
    """Next-URL (Amilia v3), next-id (Amilia v2) and Amiqus's paginated_list bodies."""
    items = [{"Id": n} for n in range(1, 6)]
    request = _fake("/l?limit=2")
    body = next_url_envelope(items, 1, 2, next_url=lambda n: f"next:{n}")
    assert body == {"Items": items[:2], "Paging": {"TotalCount": 5, "Next": "next:2"}}
    assert next_url_envelope(items, 3, 2, next_url=str)["Paging"]["Next"] is None
    page = next_id_envelope(items, 2, 2, request)
    assert page == {
        "Items": [{"Id": 2}, {"Id": 3}],
        "Page": {"NextId": 4, "Next": "http://h:1/l?limit=2&idStart=4"},
    }
    assert next_id_envelope(items, 2, 5, request)["Page"] == {"NextId": None, "Next": None}
    listed = paginated_list(items, 2, 2, request)
    assert (listed["object"], listed["total_pages"], listed["current_page"]) == (
        "paginated_list",
        3,
        2,
    )
    assert listed["links"] == {
        "next": "http://h:1/l?limit=2&page=3",
        "previous": "http://h:1/l?limit=2&page=1",
    }
    assert paginated_list(items[:1], 1, 2, request)["links"] is None


# -- routing ------------------------------------------------------------------------------------


def test_route_table_matches_like_aspnet() -> None:
    """Any case; literal segments first; a parameter never matches an empty segment; 405 lists
    the methods the path takes."""
    table: RouteTable[str] = RouteTable(
        [
            ("GET", "/intakes/{id}", "one"),
            ("GET", "/intakes/summary", "summaries"),
            ("POST", "/intakes/{id}", "update"),
        ]
    )
    found = table.match("GET", ["Intakes", "SUMMARY"])
    assert (found.handler, dict(found.params)) == ("summaries", {})
    found = table.match("GET", ["intakes", "a/b"])
    assert (found.handler, dict(found.params)) == ("one", {"id": "a/b"})
    refused = table.match("DELETE", ["intakes", "7"])
    assert refused.handler is None
    assert refused.allow_header == {"Allow": "GET, POST"}
    missing = table.match("GET", ["intakes", ""])
    assert (missing.handler, missing.allowed) == (None, frozenset())


async def test_raw_segments_keep_an_encoded_slash_inside_a_segment(
    emulator: EmulatorFactory, session: aiohttp.ClientSession
) -> None:
    """The path is split before it is decoded; a trailing slash is dropped."""

    async def handler(request: web.Request) -> web.Response:
        return web.json_response(raw_segments(request))

    server = await emulator(_app(handler))
    status, body, _ = await _get(session, f"{server.url}/org/a%2Fb/c%20d/")
    assert (status, body) == (200, ["org", "a/b", "c d"])


# -- the rate limiter ---------------------------------------------------------------------------


def test_rate_limiter_counts_in_every_window_and_refuses_without_counting() -> None:
    """Two windows over a fake clock: a request passes only with a slot in each; a refused
    one takes none; the wait is until the request that must leave leaves; ``None`` limits
    count but never refuse; lowering a limit applies at once."""
    now = [0.0]
    limiter = RateLimiter(60.0, 3600.0, clock=lambda: now[0])
    limiter.limits = [2, 3]
    assert [limiter.acquire() for _ in range(3)] == [None, None, 60.0]
    assert limiter.used() == (2, 2)
    now[0] = 60.0
    assert limiter.acquire() is None
    now[0] = 120.0
    assert limiter.acquire() == 3480.0  # the hour is full: its first request leaves at 3600
    assert limiter.used() == (0, 3)
    limiter.limits = [None, None]
    assert [limiter.acquire(), limiter.acquire(121.0)] == [None, None]
    assert limiter.used(121.0) == (2, 5)
    limiter.limits = [1, None]
    assert limiter.wait(121.0) == 60.0  # two in the minute, one allowed: the second must leave
    limiter.reset()
    assert limiter.used() == (0, 0)
    with pytest.raises(ValueError, match="span"):
        RateLimiter(0.0)


# -- the one face of every vendor emulator ------------------------------------------------------


EMULATORS: dict[str, Callable[[], VendorEmulator]] = {
    "amiqus": lambda: AmiqusEmulator(rate_limit=5),
    "intakeq": lambda: IntakeQEmulator(clients=3),
    "amilia": AmiliaEmulator,
    "trackops": lambda: TrackopsEmulator(rate_limit=5, contacts=3),
}


@pytest.mark.parametrize("vendor", list(EMULATORS))
async def test_every_emulator_shows_the_same_face(vendor: str) -> None:
    """``url`` (the API base a client takes) under ``origin`` (the bare server); the server's
    ``requests``, ``faults``, ``rate_limit`` and ``bugs`` on the emulator itself; credentials
    as attributes of the same names; ``api_url`` a deprecated alias of ``url``."""
    emu = EMULATORS[vendor]()
    async with emu:
        assert emu.origin == emu.server.url
        assert emu.url == emu.origin + emu.api_prefix
        assert emu.requests is emu.server.requests
        assert emu.faults is emu.server.faults
        assert emu.bugs is emu.server.bugs
        assert emu.rate_limit is None or isinstance(emu.rate_limit, ServerRateLimit)
        assert emu.credentials
        for name, value in emu.credentials.items():
            assert getattr(emu, name) == value
        with pytest.warns(DeprecationWarning, match=r"\.api_url is deprecated: use \.url"):
            assert emu.api_url == emu.url
        assert repr(emu) == f"<{type(emu).__name__} {emu.url}>"
        assert emu.running
    assert not emu.server.running
    assert repr(emu) == f"<{type(emu).__name__} not running>"


async def test_a_client_reaches_each_emulator_with_url_and_credentials() -> None:
    """``Client(base_url=emulator.url, **emulator.credentials)`` is all a client needs."""
    from amilia_async import AmiliaClient
    from amiqus_async import AmiqusClient
    from caseupdates_async import TrackopsClient
    from intakeq_async import IntakeQClient

    async with (
        AmiqusEmulator() as amiqus_emu,
        IntakeQEmulator(clients=3, per_minute=None, per_day=None) as intakeq_emu,
        AmiliaEmulator(rate_limit=None) as amilia_emu,
        TrackopsEmulator(contacts=3) as trackops_emu,
        AmiqusClient(base_url=amiqus_emu.url, **amiqus_emu.credentials) as amiqus,
        IntakeQClient(base_url=intakeq_emu.url, **intakeq_emu.credentials) as intakeq,
        AmiliaClient(base_url=amilia_emu.url, **amilia_emu.credentials) as amilia,
        TrackopsClient(base_url=trackops_emu.url, **trackops_emu.credentials) as trackops,
    ):
        assert (await amiqus.request("GET", "/clients"))["data"]
        assert await intakeq.request("GET", "/practitioners")
        assert (await amilia.request("GET", "/programs"))["Items"]
        assert await trackops.request("GET", "/cases")
    for emu in (amiqus_emu, intakeq_emu, amilia_emu, trackops_emu):
        assert emu.requests.last.status == 200
        assert emu.bugs == []


async def test_rate_limit_is_the_same_kind_of_value_everywhere_and_can_be_changed() -> None:
    """Each emulator's ``rate_limit`` is a ``ServerRateLimit`` (``None``: never 429), and
    assigning one takes effect: Amiqus keeps its whole-second window, IntakeQ its minute."""
    amiqus = AmiqusEmulator(rate_limit=None)
    assert amiqus.rate_limit is None
    amiqus.rate_limit = ServerRateLimit(3, per=10, integer_retry_after=True)
    assert (amiqus.rate_limit, amiqus.rate_window) == (
        ServerRateLimit(3, per=10, integer_retry_after=True),
        10.0,
    )
    intakeq = IntakeQEmulator(per_minute=10, per_day=500)
    assert intakeq.rate_limit == ServerRateLimit(10, per=60, integer_retry_after=True)
    intakeq.rate_limit = ServerRateLimit(4, per=60)
    assert (intakeq.quota.per_minute, intakeq.quota.per_day) == (4, 500)
    with pytest.raises(ValueError, match="per minute"):
        intakeq.rate_limit = ServerRateLimit(4, per=1)
    intakeq.rate_limit = None
    assert intakeq.quota.per_minute is None
    trackops = TrackopsEmulator(rate_limit=2)
    assert trackops.rate_limit == ServerRateLimit(2, per=1.0)
    trackops.rate_limit = None
    assert trackops.server.rate_limit is None


async def test_a_vendor_emulator_of_ones_own_gets_the_same_face(
    session: aiohttp.ClientSession,
) -> None:
    """A subclass naming its prefix and building its server has every attribute."""

    class Tiny(VendorEmulator):
        api_prefix: ClassVar[str] = "/api"

        def __init__(self) -> None:
            async def hello(request: web.Request) -> web.Response:
                return web.json_response({"hello": request.path})

            self.server = EmulatorServer(_app(hello))

    async with Tiny() as tiny:
        status, body, _ = await _get(session, f"{tiny.url}/x")
        assert (status, body) == (200, {"hello": "/api/x"})
        assert tiny.requests.last.path == "/api/x"
        assert (tiny.credentials, tiny.rate_limit) == ({}, None)
        tiny.rate_limit = ServerRateLimit(1)
        assert tiny.server.rate_limit == ServerRateLimit(1)

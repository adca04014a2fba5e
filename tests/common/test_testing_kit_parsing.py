"""The emulator kit's request readers, its guard (malformed input is a 4xx in the vendor's
shape, an emulator bug an unmistakable 500) and the pytest plugin's check for bugs."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

import aiohttp
import pytest
from aiohttp import web

from common.testing import (
    DEFAULT_MAX_JSON_DEPTH,
    BadRequest,
    BugCollector,
    EmulatorFactory,
    EmulatorServer,
    Problem,
    Refusal,
    VendorEmulator,
    parse_json,
    query_int,
    read_body,
    read_form,
    read_json,
    read_json_object,
    read_multipart,
)
from common.testing.errors import BUG_HEADER, EmulatorBug, bad_request_from, report_bug

BOUNDARY = "b0undary"
MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"

Route = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _app(handler: Route, *, client_max_size: int = 1024**2) -> web.Application:
    app = web.Application(client_max_size=client_max_size)
    app.router.add_route("*", "/x", handler)
    return app


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as client:
        yield client


async def _send(
    session: aiohttp.ClientSession,
    server: EmulatorServer,
    body: bytes | None = None,
    content_type: str | None = None,
    *,
    query: str = "",
) -> tuple[int, Any, Mapping[str, str]]:
    headers = {} if content_type is None else {"Content-Type": content_type}
    url = f"{server.url}/x{query}"
    async with session.post(url, data=body, headers=headers) as response:
        text = await response.text()
        try:
            parsed: Any = json.loads(text)
        except ValueError:
            parsed = text
        return response.status, parsed, response.headers


def _part(disposition: str | bytes, data: bytes = b"hello", extra: str = "") -> bytes:
    raw = disposition if isinstance(disposition, bytes) else disposition.encode()
    return (
        f"--{BOUNDARY}\r\nContent-Disposition: ".encode()
        + raw
        + f"\r\n{extra}\r\n".encode()
        + data
        + b"\r\n"
    )


def _multipart(*parts: bytes) -> bytes:
    return b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()


def _nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


# -- parse_json: what is JSON, what is not -------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        (b'{"a": [1, 2.5, "x", null, true]}', {"a": [1, 2.5, "x", None, True]}),
        (b"\xef\xbb\xbf" + b'{"bom": 1}', {"bom": 1}),  # a UTF-8 byte-order mark is tolerated
        (b"[]", []),
        (b'"caf\xc3\xa9"', "café"),
        (b"1e308", 1e308),
        (_nested(DEFAULT_MAX_JSON_DEPTH), json.loads(_nested(DEFAULT_MAX_JSON_DEPTH))),
    ],
)
def test_parse_json_reads_utf8_json(raw: bytes, value: object) -> None:
    assert parse_json(raw) == value


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b'{"a": "\xff"}', Problem.INVALID_ENCODING),
        ('{"a": 1}'.encode("utf-16"), Problem.INVALID_ENCODING),  # JSON on the wire is UTF-8
        (b"{'a': 1}", Problem.INVALID_JSON),
        (b'{"a": NaN}', Problem.INVALID_JSON),
        (b"[Infinity]", Problem.INVALID_JSON),
        (b'{"UtcDateTime": 1e400}', Problem.INVALID_JSON),  # past a double: not a number here
        (b"[" + b"9" * 5000 + b"]", Problem.INVALID_JSON),  # past Python's digit limit
        (_nested(DEFAULT_MAX_JSON_DEPTH + 1), Problem.TOO_DEEP),
        (_nested(100_000), Problem.TOO_DEEP),  # RecursionError inside the decoder
        (b'{"a": ' * 100_000, Problem.TOO_DEEP),
    ],
)
def test_parse_json_refuses_what_is_not_json_with_a_bad_request(
    raw: bytes, problem: Problem
) -> None:
    with pytest.raises(BadRequest) as caught:
        parse_json(raw)
    assert (caught.value.problem, caught.value.status) == (problem, 400)


def test_the_depth_limit_can_be_raised_or_lowered() -> None:
    assert parse_json(_nested(100), max_depth=100) == json.loads(_nested(100))
    with pytest.raises(BadRequest, match="more than 2 levels"):
        parse_json(b'{"a": {"b": {}}}', max_depth=2)


def test_a_bad_request_is_a_4xx_and_says_what_is_wrong() -> None:
    error = BadRequest("no", field="page", status=422, problem=Problem.INVALID_QUERY)
    assert (error.message, error.field, error.status) == ("no", "page", 422)
    assert "INVALID_QUERY" in repr(error)
    with pytest.raises(ValueError, match="4xx"):
        BadRequest("server side", status=500)


# -- the readers, over loopback ------------------------------------------------------------------


async def _echo_object(request: web.Request) -> web.Response:
    return web.json_response(await read_json_object(request))


async def test_read_json_object_answers_the_object_and_refuses_anything_else(
    emulator: EmulatorFactory, session: aiohttp.ClientSession
) -> None:
    server = await emulator(_app(_echo_object))
    assert (await _send(session, server, b'{"a": 1}', "application/json"))[:2] == (200, {"a": 1})
    assert (await _send(session, server, b'{"a": 1}'))[:2] == (200, {"a": 1})  # any label
    assert (await _send(session, server, b"[1]"))[:2] == (
        400,
        {"message": "The request body must be a JSON object."},
    )
    assert (await _send(session, server, b""))[:2] == (
        400,
        {"message": "The request body is empty."},
    )
    status, body, _ = await _send(session, server, _nested(100_000))
    assert status == 400
    assert body == {
        "message": f"The request body is nested more than {DEFAULT_MAX_JSON_DEPTH} levels deep."
    }
    assert server.bugs == []


async def test_an_empty_body_may_stand_for_a_value(
    emulator: EmulatorFactory, session: aiohttp.ClientSession
) -> None:
    async def handler(request: web.Request) -> web.Response:
        anything = await read_json(request, empty=None)
        mapping = await read_json_object(request, empty={"default": True})
        return web.json_response({"anything": anything, "mapping": mapping})

    server = await emulator(_app(handler))
    assert (await _send(session, server, b"  \n"))[:2] == (
        200,
        {"anything": None, "mapping": {"default": True}},
    )


async def test_read_body_refuses_a_body_over_the_limit_with_a_413(
    emulator: EmulatorFactory, session: aiohttp.ClientSession
) -> None:
    async def handler(request: web.Request) -> web.Response:
        body = await read_body(request, max_bytes=10)
        return web.json_response({"size": len(body)})

    server = await emulator(_app(handler, client_max_size=100))
    assert (await _send(session, server, b"x" * 10))[:2] == (200, {"size": 10})
    declared = await _send(session, server, b"x" * 11)  # refused from Content-Length
    assert declared[:2] == (413, {"message": "The request body is larger than 10 bytes."})

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: counted as it is read
        for _ in range(3):
            yield b"x" * 6

    async with session.post(f"{server.url}/x", data=chunks()) as response:
        assert response.status == 413
    over_app = await _send(session, server, b"x" * 101)  # over the app's own limit
    assert over_app[0] == 413
    assert server.bugs == []


async def test_read_form_reads_urlencoded_fields(
    emulator: EmulatorFactory, session: aiohttp.ClientSession
) -> None:
    async def handler(request: web.Request) -> web.Response:
        form = await read_form(request, max_fields=4)
        return web.json_response([list(item) for item in form.items()])

    server = await emulator(_app(handler))
    form = "application/x-www-form-urlencoded"
    assert (await _send(session, server, b"a=1&b=caf%C3%A9&a=&c", form))[:2] == (
        200,
        [["a", "1"], ["b", "café"], ["a", ""], ["c", ""]],
    )
    assert (await _send(session, server, b"a=%FF", form))[:2] == (
        400,
        {"message": "The form is not valid UTF-8."},
    )
    assert (await _send(session, server, b"a=1&b=2&c=3&d=4&e=5", form))[:2] == (
        400,
        {"message": "The form has more than 4 fields."},
    )
    assert (await _send(session, server, b'{"a": 1}', "application/json"))[0] == 400


async def _parts(request: web.Request) -> web.Response:
    parts = await read_multipart(request, max_parts=3)
    return web.json_response(
        [
            {
                "name": p.name,
                "filename": p.filename,
                "type": p.content_type,
                "size": len(p.data),
                "text": p.text() if p.filename is None else None,
            }
            for p in parts
        ]
    )


async def test_read_multipart_answers_every_part(
    emulator: EmulatorFactory, session: aiohttp.ClientSession
) -> None:
    server = await emulator(_app(_parts))
    body = _multipart(
        _part('form-data; name="folderId"', b"f-1"),
        _part(
            "form-data; name=\"file\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf",
            b"%PDF\r\n\x00\xff",
            "Content-Type: application/pdf\r\n",
        ),
    )
    status, parts, _ = await _send(session, server, body, MULTIPART)
    assert status == 200
    assert parts == [
        {"name": "folderId", "filename": None, "type": None, "size": 3, "text": "f-1"},
        {
            "name": "file",
            "filename": "résumé.pdf",
            "type": "application/pdf",
            "size": 8,
            "text": None,
        },
    ]
    assert (await _send(session, server, _multipart(), MULTIPART))[:2] == (200, [])


@pytest.mark.parametrize(
    ("body", "content_type", "message"),
    [
        pytest.param(
            _multipart(_part('form-data; name="a"')),
            "multipart/form-data",
            "The multipart Content-Type has no valid boundary.",
            id="no-boundary",
        ),
        pytest.param(
            b"",
            MULTIPART,
            "The multipart body is malformed: Could not find starting boundary",
            id="empty",
        ),
        pytest.param(
            b"\x00\xff garbage",
            MULTIPART,
            "The multipart body is malformed: Could not find",
            id="garbage",
        ),
        pytest.param(
            _multipart(_part('form-data; name="a\x01b"')),
            MULTIPART,
            "The multipart body is malformed: 400, message:",
            id="control-character-in-a-header",
        ),
        pytest.param(
            _multipart(_part("form-data; name=\"f\"; filename*=UTF-8''a%0D%0AX-Evil%3A%201.pdf")),
            MULTIPART,
            "A part's filename holds a control character.",
            id="control-character-in-filename*",
        ),
        pytest.param(
            _multipart(_part("form-data; name=\"f\"; filename*=UTF-8''%FF.pdf")),
            MULTIPART,
            "A part's Content-Disposition header is malformed.",
            id="filename*-not-utf8",
        ),
        pytest.param(
            _multipart(_part(b'form-data; name="f"; filename="\xff.pdf"')),
            MULTIPART,
            "A part's filename is not valid UTF-8.",
            id="filename-not-utf8",
        ),
        pytest.param(
            _multipart(_part('form-data; name="a"; name="b"')),
            MULTIPART,
            "A part's Content-Disposition header is malformed.",
            id="malformed-content-disposition",
        ),
        pytest.param(
            _multipart(
                _part(
                    'form-data; name="x"',
                    b"--inner--\r\n",
                    "Content-Type: multipart/mixed; boundary=inner\r\n",
                )
            ),
            MULTIPART,
            "Nested multipart bodies are not supported.",
            id="nested",
        ),
        pytest.param(
            _multipart(*[_part(f'form-data; name="p{n}"') for n in range(4)]),
            MULTIPART,
            "The multipart body has more than 3 parts.",
            id="too-many-parts",
        ),
        pytest.param(
            b'{"a": 1}', "application/json", "Expected a multipart/form-data body.", id="json"
        ),
    ],
)
async def test_read_multipart_refuses_a_malformed_body_with_a_400(
    emulator: EmulatorFactory,
    session: aiohttp.ClientSession,
    body: bytes,
    content_type: str,
    message: str,
) -> None:
    server = await emulator(_app(_parts))
    status, answer, _ = await _send(session, server, body, content_type)
    assert status == 400
    assert answer["message"].startswith(message)
    assert server.bugs == []


async def test_a_part_that_is_not_utf8_text_is_a_bad_request(
    emulator: EmulatorFactory, session: aiohttp.ClientSession
) -> None:
    server = await emulator(_app(_parts))
    body = _multipart(_part('form-data; name="note"', b"caf\xe9"))
    assert (await _send(session, server, body, MULTIPART))[:2] == (
        400,
        {"message": "The part 'note' is not valid UTF-8."},
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, 7),
        ("", 7),
        ("12", 12),
        ("+5", 5),
        ("-3", -3),
        (str(2**63 - 1), 2**63 - 1),
    ],
)
def test_query_int_reads_ascii_integers(raw: str | None, expected: int) -> None:
    query = {} if raw is None else {"page": raw}
    assert query_int(query, "page", default=7) == expected


@pytest.mark.parametrize(
    "raw", ["1_000", " 7", "7 ", "٣", "1.0", "0x10", "1e3", str(2**63), "9" * 5000]
)
def test_query_int_refuses_anything_else(raw: str) -> None:
    with pytest.raises(BadRequest) as caught:
        query_int({"page": raw}, "page")
    assert (caught.value.field, caught.value.problem) == ("page", Problem.INVALID_QUERY)


def test_query_int_checks_the_bounds() -> None:
    assert query_int({"limit": "100"}, "limit", minimum=1, maximum=100) == 100
    assert query_int({}, "limit") is None
    with pytest.raises(BadRequest, match="between 1 and 100"):
        query_int({"limit": "101"}, "limit", minimum=1, maximum=100)


async def test_query_int_reads_the_request_query(
    emulator: EmulatorFactory, session: aiohttp.ClientSession
) -> None:
    async def handler(request: web.Request) -> web.Response:
        return web.json_response({"page": query_int(request, "page", default=1, minimum=1)})

    server = await emulator(_app(handler))
    assert (await _send(session, server, query="?page=3"))[:2] == (200, {"page": 3})
    assert (await _send(session, server, query="?page=0"))[:2] == (
        400,
        {"message": f"The page parameter must be between 1 and {2**63 - 1}."},
    )


# -- the guard: the vendor's renderer, parsers' exceptions, bugs ----------------------------------


def _vendor_renderer(request: web.Request, error: Refusal) -> web.StreamResponse:
    status = 422 if error.status == 400 else error.status
    body = {"errors": {error.field or "body": [error.message]}, "problem": error.problem.value}
    return web.json_response(body, status=status)


async def test_the_vendors_renderer_answers_every_bad_request(
    emulator: EmulatorFactory, session: aiohttp.ClientSession
) -> None:
    async def handler(request: web.Request) -> web.Response:
        if request.query.get("mine"):
            raise BadRequest("Name is required.", field="Name")
        return web.json_response(await read_json_object(request, max_bytes=20))

    server = await emulator(_app(handler), render_error=_vendor_renderer)
    assert (await _send(session, server, b"[]"))[:2] == (
        422,
        {"errors": {"body": ["The request body must be a JSON object."]}, "problem": "wrong_type"},
    )
    assert (await _send(session, server, b"{}", query="?mine=1"))[:2] == (
        422,
        {"errors": {"Name": ["Name is required."]}, "problem": "malformed"},
    )
    assert (await _send(session, server, b"{" + b" " * 30 + b"}"))[0] == 413


@pytest.mark.parametrize(
    ("parse", "problem"),
    [
        pytest.param(lambda r: r.json(), "too_deep", id="request.json-nested-100000-deep"),
        pytest.param(lambda r: r.post(), "invalid_multipart", id="request.post-garbage-multipart"),
    ],
)
async def test_a_parser_choking_on_the_request_is_a_4xx_not_a_500(
    emulator: EmulatorFactory,
    session: aiohttp.ClientSession,
    parse: Callable[[web.Request], Awaitable[object]],
    problem: str,
) -> None:
    """Handlers that read the body with aiohttp directly (not adopted the kit's readers yet)."""

    async def handler(request: web.Request) -> web.Response:
        await parse(request)
        return web.json_response({})

    server = await emulator(_app(handler), render_error=_vendor_renderer)
    body, content_type = (
        (_nested(100_000), "application/json") if problem == "too_deep" else (b"junk", MULTIPART)
    )
    status, answer, _ = await _send(session, server, body, content_type)
    assert (status, answer["problem"]) == (422, problem)
    assert server.bugs == []


async def test_a_url_that_does_not_parse_is_malformed_input(
    emulator: EmulatorFactory, session: aiohttp.ClientSession
) -> None:
    async def handler(request: web.Request) -> web.Response:
        parts = urlsplit(request.query["url"])  # ValueError: Invalid IPv6 URL
        return web.json_response({"host": parts.hostname})

    server = await emulator(_app(handler))
    status, answer, _ = await _send(session, server, query="?url=http://%5B")
    assert status == 400
    assert answer == {"message": "The request is malformed: Invalid IPv6 URL"}


async def test_aiohttps_own_413_takes_the_vendors_shape(
    emulator: EmulatorFactory, session: aiohttp.ClientSession
) -> None:
    async def handler(request: web.Request) -> web.Response:
        return web.json_response({"size": len(await request.read())})

    server = await emulator(_app(handler, client_max_size=10), render_error=_vendor_renderer)
    status, answer, _ = await _send(session, server, b"x" * 11)
    assert (status, answer["problem"]) == (413, "too_large")


async def test_redirects_and_http_errors_a_handler_raises_pass_through(
    emulator: EmulatorFactory, session: aiohttp.ClientSession
) -> None:
    async def handler(request: web.Request) -> web.Response:
        if request.query.get("go"):
            raise web.HTTPFound("/elsewhere")
        raise web.HTTPNotFound(text="no such thing")

    server = await emulator(_app(handler), render_error=_vendor_renderer)
    async with session.get(f"{server.url}/x?go=1", allow_redirects=False) as response:
        assert (response.status, response.headers["Location"]) == (302, "/elsewhere")
    async with session.get(f"{server.url}/x") as response:
        assert (response.status, await response.text()) == (404, "no such thing")
    assert server.bugs == []


@pytest.mark.allow_emulator_bugs
async def test_an_emulator_bug_is_an_unmistakable_500(
    emulator: EmulatorFactory, session: aiohttp.ClientSession, caplog: pytest.LogCaptureFixture
) -> None:
    """Exceptions raised by the emulator's own code are bugs, whatever their type: a ValueError
    from ``int()`` in the handler, a TypeError from the JSON decoder's caller, a KeyError."""

    async def handler(request: web.Request) -> web.Response:
        kind = request.query["kind"]
        if kind == "int":
            int("not a number")  # raised in the handler's frame, not in a parser
        if kind == "type":
            json.loads(None)  # type: ignore[arg-type]  # a programming error, in json's frame
        empty: dict[str, int] = {}
        return web.json_response({"id": empty["missing"]})

    with BugCollector() as collector:
        server = await emulator(_app(handler), render_error=_vendor_renderer)
        seen = []
        for kind in ("int", "type", "key"):
            async with session.get(f"{server.url}/x?kind={kind}") as response:
                seen.append((response.status, response.headers[BUG_HEADER]))
                assert "emulator bug" in (await response.json())["message"]
    assert seen == [(500, "ValueError"), (500, "TypeError"), (500, "KeyError")]
    assert [bug.summary() for bug in server.bugs] == [
        "GET /x?kind=int: ValueError(\"invalid literal for int() with base 10: 'not a number'\")",
        "GET /x?kind=type: TypeError('the JSON object must be str, bytes or bytearray, "
        "not NoneType')",
        "GET /x?kind=key: KeyError('missing')",
    ]
    assert list(collector) == server.bugs
    assert 'int("not a number")' in server.bugs[0].traceback
    assert "emulator bug answering GET /x?kind=key" in caplog.text
    assert [r.status for r in server.requests] == [500, 500, 500]


@pytest.mark.allow_emulator_bugs
async def test_a_renderer_that_fails_is_a_bug_too(
    emulator: EmulatorFactory, session: aiohttp.ClientSession
) -> None:
    def broken(request: web.Request, error: Refusal) -> web.StreamResponse:
        raise RuntimeError("renderer bug")

    server = await emulator(_app(_echo_object), render_error=broken)
    status, _, headers = await _send(session, server, b"[]")
    assert (status, headers[BUG_HEADER]) == (500, "RuntimeError")
    assert [type(bug.exception) for bug in server.bugs] == [RuntimeError]


def test_only_parser_frames_make_an_exception_malformed_input() -> None:
    def raised(action: Callable[[], object]) -> BaseException:
        try:
            action()
        except Exception as error:
            return error
        raise AssertionError("nothing raised")

    assert bad_request_from(raised(lambda: json.loads("{"))) is not None
    assert bad_request_from(raised(lambda: urlsplit("http://["))) is not None
    assert bad_request_from(raised(lambda: int("x"))) is None  # the caller's own frame
    assert bad_request_from(raised(lambda: json.dumps(object()))) is None  # an encoder
    assert bad_request_from(web.HTTPNotFound()) is None


class _TinyEmulator(VendorEmulator):
    def __init__(self, handler: Route) -> None:
        self.server = EmulatorServer(_app(handler))


async def test_a_handler_still_running_while_the_server_stops_can_read_its_url(
    session: aiohttp.ClientSession,
) -> None:
    """A handler resuming during stop() (a latency fault, a slow upload) used to get
    ``RuntimeError: the emulator is closed`` from ``emulator.url``: a bug of the kit."""
    resume = asyncio.Event()
    started = asyncio.Event()
    seen: list[str] = []

    async def handler(request: web.Request) -> web.Response:
        started.set()
        await resume.wait()
        seen.append(emu.url)
        return web.json_response({})

    emu = _TinyEmulator(handler)
    await emu.start()
    url = emu.url
    request = asyncio.create_task(session.get(f"{url}/x"))
    await started.wait()
    stopping = asyncio.create_task(emu.stop())
    await asyncio.sleep(0)  # stop() runs up to its first wait: connections are closing
    assert not emu.server.running
    resume.set()
    await stopping
    response = await request
    response.release()
    assert seen == [url]
    assert emu.bugs == []
    assert not emu.server.running
    with pytest.raises(RuntimeError, match="closed"):
        _ = emu.url


# -- the pytest plugin -----------------------------------------------------------------------------

_PLUGIN_TESTS = """
import aiohttp
import pytest
from aiohttp import web


async def broken(request):
    return web.json_response({}["missing"])


async def _hit(emulator):
    app = web.Application()
    app.router.add_get("/", broken)
    server = await emulator(app)
    async with aiohttp.ClientSession() as session:
        async with session.get(server.url + "/") as response:
            return response.status


@pytest.mark.asyncio
async def test_never_looks_at_the_status(emulator):
    await _hit(emulator)


@pytest.mark.asyncio
@pytest.mark.allow_emulator_bugs
async def test_expects_the_bug(emulator):
    assert await _hit(emulator) == 500


@pytest.mark.asyncio
@pytest.mark.xfail(strict=True, reason="the emulator has a bug")
async def test_asserts_a_4xx(emulator):
    assert await _hit(emulator) < 500


@pytest.mark.asyncio
async def test_without_a_bug(emulator):
    assert emulator.servers == []
"""


@pytest.mark.allow_emulator_bugs  # the inner run is in-process: its bugs reach this test too
def test_the_plugin_fails_a_test_during_which_an_emulator_had_a_bug(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    pytester.makeconftest('pytest_plugins = ["common.testing.pytest_plugin"]')
    pytester.makeini(
        "[pytest]\nasyncio_mode = strict\nasyncio_default_fixture_loop_scope = function\n"
    )
    pytester.makepyfile(_PLUGIN_TESTS)
    result = pytester.runpytest(
        "-p", "pytest_asyncio.plugin", "-p", "no:cacheprovider", "--strict-markers", "-W", "error"
    )
    result.assert_outcomes(passed=2, failed=1, xfailed=1)
    result.stdout.fnmatch_lines(
        [
            "*1 emulator bug(s) (500 answered for an exception in a handler):*",
            "GET /: KeyError('missing')",
            "*mark the test @pytest.mark.allow_emulator_bugs if this is expected*",
            "FAILED *::test_never_looks_at_the_status*",
        ]
    )


@pytest.mark.allow_emulator_bugs  # the plugin's own collector sees the reports too
def test_a_collector_gathers_bugs_only_while_it_is_open() -> None:
    bug = EmulatorBug(method="GET", path="/x", exception=KeyError("k"), traceback="...")
    with BugCollector() as outer:
        with BugCollector() as inner:
            report_bug(bug)
        report_bug(bug)
    report_bug(bug)
    assert (len(outer), len(inner)) == (2, 1)

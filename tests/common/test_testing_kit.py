"""The emulator kit: a loopback server with a request log, fault injection and a rate limit."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp import web

from common.testing import (
    EmulatorFactory,
    EmulatorServer,
    Fault,
    ServerRateLimit,
    SlidingWindow,
    closed_port,
)

# -- a tiny app ---------------------------------------------------------------------------


async def _echo(request: web.Request) -> web.Response:
    body = await request.read()
    return web.json_response(
        {"method": request.method, "path": request.path, "size": len(body)},
        headers={"X-Handler": "echo"},
    )


async def _json_twice(request: web.Request) -> web.Response:
    first = await request.json()
    second = await request.json()
    raw = await request.read()
    return web.json_response({"first": first, "same": first == second, "raw": raw.decode()})


async def _stream_count(request: web.Request) -> web.Response:
    total = 0
    async for chunk in request.content.iter_chunked(8192):
        total += len(chunk)
    return web.json_response({"streamed": total})


async def _multipart(request: web.Request) -> web.Response:
    reader = await request.multipart()
    names: list[str] = []
    total = 0
    while (part := await reader.next()) is not None:
        assert isinstance(part, aiohttp.BodyPartReader)
        names.append(part.name or "")
        total += len(await part.read())
    return web.json_response({"parts": names, "bytes": total})


async def _streamed_reply(request: web.Request) -> web.StreamResponse:
    response = web.StreamResponse(status=207)
    await response.prepare(request)
    await response.write(b"partial ")
    await response.write(b"content")
    return response


def make_app() -> web.Application:
    """A fresh app: an app can be served once, so every test builds its own."""
    app = web.Application()
    app.router.add_route("*", "/echo", _echo)
    app.router.add_route("*", "/items/{id}", _echo)
    app.router.add_post("/json", _json_twice)
    app.router.add_post("/stream", _stream_count)
    app.router.add_post("/multipart", _multipart)
    app.router.add_get("/streamed", _streamed_reply)
    return app


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    """A real client session, always closed."""
    async with aiohttp.ClientSession() as client:
        yield client


async def _refused(port: int) -> bool:
    try:
        _, writer = await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError:
        return True
    writer.close()
    await writer.wait_closed()
    return False


# -- lifecycle ------------------------------------------------------------------------------


async def test_server_listens_on_loopback_and_closes_its_port_on_stop(
    session: aiohttp.ClientSession,
) -> None:
    """The server gets an OS-chosen loopback port, answers there, and frees it on stop."""
    async with EmulatorServer(make_app()) as server:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", server.url)
        assert server.port > 0
        assert server.url == f"http://127.0.0.1:{server.port}"
        async with session.get(f"{server.url}/echo") as response:
            assert response.status == 200
            assert (await response.json())["path"] == "/echo"
        port = server.port
    assert not server.running
    assert await _refused(port)
    assert asyncio.all_tasks() == {asyncio.current_task()}


async def test_start_and_stop_work_without_async_with() -> None:
    """start() and stop() drive the same lifecycle; stop() is idempotent."""
    server = EmulatorServer(make_app())
    with pytest.raises(RuntimeError, match="unopened"):
        _ = server.url
    await server.start()
    port = server.port
    await server.stop()
    await server.stop()
    assert await _refused(port)
    with pytest.raises(RuntimeError, match="starts only once"):
        await server.start()


async def test_an_app_that_already_ran_is_refused() -> None:
    """A frozen app cannot take the kit's middlewares, so it is refused with a clear message."""
    app = make_app()
    async with EmulatorServer(app):
        pass
    with pytest.raises(RuntimeError, match="fresh app"):
        await EmulatorServer(app).start()


@pytest.mark.parametrize("host", ["0.0.0.0", "10.1.2.3", "example.com"])
def test_non_loopback_hosts_are_refused(host: str) -> None:
    """The emulator never listens outside loopback."""
    with pytest.raises(ValueError, match="loopback"):
        EmulatorServer(make_app(), host=host)


# -- request log ------------------------------------------------------------------------------


async def test_log_records_method_path_query_headers_body_and_status(
    session: aiohttp.ClientSession,
) -> None:
    """Each request is logged with decoded query, a header copy, the body and the status."""
    async with EmulatorServer(make_app()) as server:
        before = time.monotonic()
        url = f"{server.url}/items/a%2Fb?tag=x&tag=y&q=caf%C3%A9"
        async with session.post(url, json={"name": "Ada"}, headers={"X-Trace": "t1"}) as response:
            assert response.status == 200
        record = server.requests.last
        assert record.method == "POST"
        assert record.path == "/items/a/b"
        assert record.raw_path == "/items/a%2Fb"
        assert record.query.getall("tag") == ["x", "y"]
        assert record.query["q"] == "café"
        assert record.headers["x-trace"] == "t1"
        assert record.content_type == "application/json"
        assert record.json() == {"name": "Ada"}
        assert record.text() == '{"name": "Ada"}'
        assert (record.body_size, record.body_truncated) == (15, False)
        assert record.status == 200
        assert before <= record.time <= time.monotonic()


async def test_log_is_a_sequence_with_filter_and_clear(session: aiohttp.ClientSession) -> None:
    """The log supports len, iteration, indexing, filter by method/path, and clear."""
    async with EmulatorServer(make_app()) as server:
        for method, path in [("GET", "/echo"), ("POST", "/echo"), ("GET", "/items/7")]:
            async with session.request(method, f"{server.url}{path}") as response:
                assert response.status == 200
        log = server.requests
        assert len(log) == 3
        assert [r.path for r in log] == ["/echo", "/echo", "/items/7"]
        assert log[1].method == "POST"
        assert [r.method for r in log[:2]] == ["GET", "POST"]
        assert [r.path for r in log.filter(method="get")] == ["/echo", "/items/7"]
        assert len(log.filter(path="/echo")) == 2
        assert [r.path for r in log.filter(path=re.compile(r"/items/\d+"))] == ["/items/7"]
        assert log.filter(method="POST", path="/items/7") == []
        log.clear()
        assert len(log) == 0
        with pytest.raises(IndexError):
            _ = log.last


async def test_recording_the_body_leaves_it_readable_by_the_handler(
    session: aiohttp.ClientSession,
) -> None:
    """Handlers can still read a recorded body: json() twice, read(), and request.content."""
    async with EmulatorServer(make_app()) as server:
        async with session.post(f"{server.url}/json", json={"a": 1}) as response:
            assert await response.json() == {"first": {"a": 1}, "same": True, "raw": '{"a": 1}'}
        async with session.post(f"{server.url}/stream", data=b"x" * 5000) as response:
            assert await response.json() == {"streamed": 5000}
        assert server.requests.last.body == b"x" * 5000


async def test_small_multipart_is_recorded_and_still_parsed_by_the_handler(
    session: aiohttp.ClientSession,
) -> None:
    """A small multipart upload is kept in the log and the handler's multipart() still works."""
    async with EmulatorServer(make_app()) as server:
        form = aiohttp.FormData()
        form.add_field("title", "report")
        form.add_field("file", b"%PDF-1.4 tiny", filename="r.pdf")
        async with session.post(f"{server.url}/multipart", data=form) as response:
            assert await response.json() == {"parts": ["title", "file"], "bytes": 19}
        record = server.requests.last
        assert record.content_type == "multipart/form-data"
        assert b"%PDF-1.4 tiny" in record.body


async def test_large_or_chunked_bodies_are_streamed_to_the_handler_not_stored(
    session: aiohttp.ClientSession,
) -> None:
    """Past record_bodies_up_to the body is not read by the recorder; the handler streams it."""
    async with EmulatorServer(make_app(), record_bodies_up_to=1024) as server:
        async with session.post(f"{server.url}/stream", data=b"z" * 200_000) as response:
            assert await response.json() == {"streamed": 200_000}
        record = server.requests.last
        assert (record.body, record.body_size, record.body_truncated) == (b"", 200_000, True)
        with pytest.raises(ValueError, match="not recorded"):
            record.json()

        async def chunks() -> AsyncIterator[bytes]:
            for _ in range(3):
                yield b"c" * 100

        async with session.post(f"{server.url}/stream", data=chunks()) as response:
            assert await response.json() == {"streamed": 300}
        record = server.requests.last
        assert (record.body, record.body_size, record.body_truncated) == (b"", None, True)


async def test_bodies_over_the_apps_client_max_size_are_left_to_the_handler(
    session: aiohttp.ClientSession,
) -> None:
    """The recorder never reads past client_max_size, which would turn the request into a 413."""
    app = web.Application(client_max_size=1000)
    app.router.add_post("/stream", _stream_count)
    async with EmulatorServer(app, record_bodies_up_to=10_000) as server:
        async with session.post(f"{server.url}/stream", data=b"q" * 5000) as response:
            assert await response.json() == {"streamed": 5000}
        assert (server.requests.last.body_size, server.requests.last.body_truncated) == (5000, True)


async def test_a_client_hanging_up_mid_upload_is_still_logged() -> None:
    """A body cut short by the client is logged as not recorded, with no status."""
    async with EmulatorServer(make_app()) as server:
        _, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789")
        await writer.drain()
        await asyncio.sleep(0.02)
        writer.close()
        await writer.wait_closed()
        for _ in range(200):
            if server.requests:
                break
            await asyncio.sleep(0.005)
        record = server.requests.last
        assert (record.path, record.body_size, record.body_truncated) == ("/echo", 100, True)
        assert record.status is None


async def test_status_is_recorded_for_streamed_and_error_responses(
    session: aiohttp.ClientSession,
) -> None:
    """The status comes from the response however it was made: streamed, or a 404 / 405."""
    async with EmulatorServer(make_app()) as server:
        async with session.get(f"{server.url}/streamed") as response:
            assert await response.read() == b"partial content"
        async with session.get(f"{server.url}/missing") as response:
            assert response.status == 404
        async with session.get(f"{server.url}/json") as response:
            assert response.status == 405
        assert [r.status for r in server.requests] == [207, 404, 405]


# -- faults ------------------------------------------------------------------------------------


async def test_status_fault_answers_n_times_then_passes_through(
    session: aiohttp.ClientSession,
) -> None:
    """Fault.status(503) with times=2 answers twice, then the real handler answers."""
    async with EmulatorServer(make_app()) as server:
        rule = server.faults.add(Fault.status(503), times=2)
        statuses, bodies = [], []
        for _ in range(3):
            async with session.get(f"{server.url}/echo") as response:
                statuses.append(response.status)
                bodies.append(await response.json())
        assert statuses == [503, 503, 200]
        assert bodies[0] == {"message": "Service Unavailable"}
        assert rule.hits == 2
        assert len(server.faults) == 0
        assert [r.status for r in server.requests] == [503, 503, 200]


async def test_status_fault_sends_the_given_json_and_headers(
    session: aiohttp.ClientSession,
) -> None:
    """A status fault can carry a vendor-shaped JSON body and extra headers."""
    async with EmulatorServer(make_app()) as server:
        server.faults.add(
            Fault.status(422, json={"errors": {"email": ["invalid"]}}, headers={"X-Req": "r1"})
        )
        async with session.post(f"{server.url}/echo", json={}) as response:
            assert response.status == 422
            assert response.headers["X-Req"] == "r1"
            assert response.content_type == "application/json"
            assert await response.json() == {"errors": {"email": ["invalid"]}}


@pytest.mark.parametrize(
    ("retry_after", "reset", "expected_retry", "expected_reset"),
    [
        ("2", None, "2", None),
        (0.5, "1700000000", "0.5", "1700000000"),
        ("Wed, 21 Oct 2015 07:28:00 GMT", None, "Wed, 21 Oct 2015 07:28:00 GMT", None),
        (None, None, None, None),
    ],
)
async def test_rate_limited_fault_sends_retry_after_only_when_given(
    session: aiohttp.ClientSession,
    retry_after: str | float | None,
    reset: str | None,
    expected_retry: str | None,
    expected_reset: str | None,
) -> None:
    """429 carries Retry-After verbatim (seconds, fraction, HTTP date) or not at all."""
    async with EmulatorServer(make_app()) as server:
        server.faults.add(Fault.rate_limited(retry_after, reset=reset))
        async with session.get(f"{server.url}/echo") as response:
            assert response.status == 429
            assert response.headers.get("Retry-After") == expected_retry
            assert response.headers.get("X-RateLimit-Reset") == expected_reset


async def test_latency_fault_delays_then_the_handler_answers(
    session: aiohttp.ClientSession,
) -> None:
    """Fault.latency waits measurably before the real handler answers."""
    async with EmulatorServer(make_app()) as server:
        server.faults.add(Fault.latency(0.15))
        started = time.monotonic()
        async with session.get(f"{server.url}/echo") as response:
            assert response.headers["X-Handler"] == "echo"
        assert time.monotonic() - started >= 0.15
        started = time.monotonic()
        async with session.get(f"{server.url}/echo") as response:
            assert response.status == 200
        assert time.monotonic() - started < 0.15


async def test_drop_mid_body_breaks_the_read(session: aiohttp.ClientSession) -> None:
    """Headers promise more bytes than are sent; reading the body raises ClientPayloadError."""
    async with EmulatorServer(make_app()) as server:
        server.faults.add(Fault.drop_mid_body(body=b'{"data": [1, 2, 3, 4]}', sent=9))
        async with session.get(f"{server.url}/echo") as response:
            assert response.status == 200
            assert response.content_length == 22
            with pytest.raises(aiohttp.ClientPayloadError):
                await response.read()
        assert server.requests.last.status == 200


@pytest.mark.parametrize("fault", [Fault.close(), Fault.reset()], ids=["close", "reset"])
async def test_disconnect_faults_give_no_response_at_all(
    session: aiohttp.ClientSession, fault: Fault
) -> None:
    """A close or reset fault hangs up before any status line; the request is still logged."""
    async with EmulatorServer(make_app()) as server:
        server.faults.add(fault)
        with pytest.raises((aiohttp.ServerDisconnectedError, aiohttp.ClientOSError)):
            async with session.post(f"{server.url}/echo", json={"n": 1}):
                pass
        assert len(server.requests) == 1
        assert server.requests.last.json() == {"n": 1}
        assert server.requests.last.status is None
    assert asyncio.all_tasks() == {asyncio.current_task()}


async def test_malformed_json_is_a_200_that_does_not_parse(
    session: aiohttp.ClientSession,
) -> None:
    """Fault.malformed_json sends truncated JSON labelled application/json."""
    async with EmulatorServer(make_app()) as server:
        server.faults.add(Fault.malformed_json())
        async with session.get(f"{server.url}/echo") as response:
            assert response.status == 200
            assert response.content_type == "application/json"
            with pytest.raises(ValueError, match=r"Unterminated|Expecting"):
                await response.json()


@pytest.mark.parametrize(("status", "marker"), [(502, "502 Bad Gateway"), (200, "Sign in")])
async def test_html_fault_sends_a_page(
    session: aiohttp.ClientSession, status: int, marker: str
) -> None:
    """Fault.html answers text/html: a proxy error page, or a login page with 200."""
    async with EmulatorServer(make_app()) as server:
        server.faults.add(Fault.html(status))
        async with session.get(f"{server.url}/echo") as response:
            assert response.status == status
            assert response.content_type == "text/html"
            assert marker in await response.text()
            with pytest.raises(aiohttp.ContentTypeError):
                await response.json()


async def test_empty_fault_sends_no_body(session: aiohttp.ClientSession) -> None:
    """Fault.empty answers the given status with an empty body, labelled as asked."""
    async with EmulatorServer(make_app()) as server:
        server.faults.add(Fault.empty(503))
        server.faults.add(Fault.empty(200, content_type="application/json"))
        async with session.get(f"{server.url}/echo") as response:
            assert (response.status, await response.read()) == (503, b"")
            assert "Content-Type" not in response.headers
        async with session.get(f"{server.url}/echo") as response:
            assert (response.status, await response.read()) == (200, b"")
            assert response.content_type == "application/json"


async def test_wrong_content_type_labels_json_as_something_else(
    session: aiohttp.ClientSession,
) -> None:
    """Fault.wrong_content_type sends a JSON body under another media type."""
    async with EmulatorServer(make_app()) as server:
        server.faults.add(Fault.wrong_content_type("text/plain"))
        async with session.get(f"{server.url}/echo") as response:
            assert response.content_type == "text/plain"
            assert await response.json(content_type=None) == {"ok": True}


async def test_slow_drip_spreads_the_body_over_the_configured_time(
    session: aiohttp.ClientSession,
) -> None:
    """Fault.slow_drip delivers headers quickly and the full body after about `seconds`."""
    async with EmulatorServer(make_app()) as server:
        server.faults.add(Fault.slow_drip(seconds=0.3, chunks=2, body=b'{"ok": true}'))
        started = time.monotonic()
        async with session.get(f"{server.url}/echo") as response:
            headers_after = time.monotonic() - started
            assert await response.json() == {"ok": True}
        total = time.monotonic() - started
        assert headers_after < 0.12
        assert 0.3 <= total < 1.0


async def test_slow_drip_stops_quietly_when_the_client_gives_up(
    session: aiohttp.ClientSession,
) -> None:
    """A client read timeout during a slow drip raises on the client and leaves the server fine."""
    async with EmulatorServer(make_app()) as server:
        server.faults.add(Fault.slow_drip(seconds=0.6, chunks=4))
        timeout = aiohttp.ClientTimeout(sock_read=0.05)
        with pytest.raises(asyncio.TimeoutError):
            async with session.get(f"{server.url}/echo", timeout=timeout) as response:
                await response.read()
        async with session.get(f"{server.url}/echo") as response:
            assert response.status == 200
    assert asyncio.all_tasks() == {asyncio.current_task()}


async def test_faults_are_scoped_by_method_and_path(session: aiohttp.ClientSession) -> None:
    """A fault fires only for its method and path (exact or regex fullmatch)."""
    async with EmulatorServer(make_app()) as server:
        server.faults.add(Fault.status(500), method="post", path="/echo")
        server.faults.add(Fault.status(404), path=re.compile(r"/items/\d+"), times=None)
        seen: list[tuple[str, str, int]] = []
        for method, path in [
            ("GET", "/echo"),
            ("GET", "/items/12"),
            ("GET", "/items/abc"),
            ("GET", "/items/13"),
            ("POST", "/echo"),
            ("POST", "/echo"),
        ]:
            async with session.request(method, f"{server.url}{path}") as response:
                seen.append((method, path, response.status))
        assert [status for _, _, status in seen] == [200, 404, 200, 404, 500, 200]
        assert len(server.faults) == 1
        server.faults.clear()
        async with session.get(f"{server.url}/items/14") as response:
            assert response.status == 200


async def test_faults_are_consumed_in_the_order_they_were_added(
    session: aiohttp.ClientSession,
) -> None:
    """Several rules on one route fire one after another, then the handler answers."""
    async with EmulatorServer(make_app()) as server:
        server.faults.add(Fault.status(503), times=2)
        server.faults.add(Fault.rate_limited("1"))
        server.faults.add(Fault.status(502))
        statuses = []
        for _ in range(5):
            async with session.get(f"{server.url}/echo") as response:
                statuses.append(response.status)
        assert statuses == [503, 503, 429, 502, 200]


def test_fault_plan_rejects_nonsense() -> None:
    """times must be >= 1 or None, the fault must be a Fault, and a drop must drop something."""
    server = EmulatorServer(make_app())
    with pytest.raises(ValueError, match="times"):
        server.faults.add(Fault.status(500), times=0)
    with pytest.raises(TypeError):
        server.faults.add("503")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="sent"):
        Fault.drop_mid_body(body=b"{}", sent=2)


# -- rate limit ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("times", "allowed", "remaining", "retry_after"),
    [
        ([0.0, 0.1, 0.2], [True, True, False], [1, 0, 0], [0.0, 0.0, 0.8]),
        ([0.0, 0.5, 1.0, 1.2], [True, True, True, False], [1, 0, 0, 0], [0.0, 0.0, 0.0, 0.3]),
        ([0.0, 0.0, 0.9, 1.4], [True, True, False, True], [1, 0, 0, 1], [0.0, 0.0, 0.1, 0.0]),
    ],
)
def test_sliding_window_counts_requests_per_period(
    times: list[float], allowed: list[bool], remaining: list[int], retry_after: list[float]
) -> None:
    """Two requests per second: the third waits until the oldest leaves the window."""
    window = SlidingWindow(ServerRateLimit(2, per=1.0))
    decisions = [window.acquire(now) for now in times]
    assert [d.allowed for d in decisions] == allowed
    assert [d.remaining for d in decisions] == remaining
    assert [d.retry_after for d in decisions] == pytest.approx(retry_after)


@pytest.mark.parametrize(
    ("integer", "seconds", "text"),
    [(False, 0.1374, "0.137"), (False, 0.0, "0.001"), (True, 0.2, "1"), (True, 2.01, "3")],
)
def test_retry_after_is_fractional_or_whole_seconds(
    integer: bool, seconds: float, text: str
) -> None:
    """Retry-After is millisecond fractions by default, or whole seconds rounded up."""
    assert ServerRateLimit(1, integer_retry_after=integer).format_retry_after(seconds) == text


@pytest.mark.parametrize("args", [(0,), (1, 0.0), (-1, 1.0)])
def test_rate_limit_rejects_nonsense(args: tuple[float, ...]) -> None:
    """A limit below 1 or a period of zero is refused."""
    with pytest.raises(ValueError, match="must be"):
        ServerRateLimit(*args)  # type: ignore[arg-type]


async def test_rate_limit_answers_429_past_the_limit_then_allows_again(
    session: aiohttp.ClientSession,
) -> None:
    """Past the limit the server answers 429 with Retry-After; after waiting it allows again."""
    async with EmulatorServer(make_app(), rate_limit=ServerRateLimit(2, per=0.2)) as server:
        answers = []
        for _ in range(3):
            async with session.get(f"{server.url}/echo") as response:
                answers.append((response.status, dict(response.headers)))
        assert [status for status, _ in answers] == [200, 200, 429]
        assert [h["X-RateLimit-Limit"] for _, h in answers] == ["2", "2", "2"]
        assert [h["X-RateLimit-Remaining"] for _, h in answers] == ["1", "0", "0"]
        retry_after = float(answers[2][1]["Retry-After"])
        assert 0 < retry_after <= 0.2
        assert "Retry-After" not in answers[0][1]
        assert [r.status for r in server.requests] == [200, 200, 429]

        await asyncio.sleep(retry_after + 0.02)
        async with session.get(f"{server.url}/echo") as response:
            assert response.status == 200


async def test_rate_limit_can_be_set_and_removed_at_runtime(
    session: aiohttp.ClientSession,
) -> None:
    """server.rate_limit switches limiting on (with whole-second Retry-After) and off."""
    async with EmulatorServer(make_app()) as server:
        server.rate_limit = ServerRateLimit(1, per=60, integer_retry_after=True)
        async with session.get(f"{server.url}/echo") as response:
            assert response.status == 200
        async with session.get(f"{server.url}/streamed") as response:
            assert response.status == 429
            assert response.headers["Retry-After"] == "60"
        server.rate_limit = None
        async with session.get(f"{server.url}/streamed") as response:
            assert response.status == 207
            assert "X-RateLimit-Limit" not in response.headers


async def test_rate_limit_headers_reach_streamed_and_fault_responses(
    session: aiohttp.ClientSession,
) -> None:
    """Every response carries X-RateLimit-*, including streamed ones and fault answers."""
    async with EmulatorServer(make_app(), rate_limit=ServerRateLimit(5)) as server:
        server.faults.add(Fault.status(503))
        async with session.get(f"{server.url}/streamed") as response:
            assert response.headers["X-RateLimit-Remaining"] == "4"
            assert response.status == 503
        async with session.get(f"{server.url}/streamed") as response:
            assert response.status == 207
            assert response.headers["X-RateLimit-Remaining"] == "3"


# -- fixtures -----------------------------------------------------------------------------------


async def test_emulator_fixture_starts_servers(
    emulator: EmulatorFactory, session: aiohttp.ClientSession
) -> None:
    """The emulator fixture starts an app on loopback and hands back its server."""
    server = await emulator(make_app(), rate_limit=ServerRateLimit(10))
    other = await emulator(make_app())
    assert server.port != other.port
    async with session.get(f"{server.url}/echo") as response:
        assert response.headers["X-RateLimit-Limit"] == "10"
    assert emulator.servers == [server, other]


async def test_emulator_factory_stops_every_server_it_started() -> None:
    """Closing the factory (what the fixture does at teardown) frees every port."""
    async with EmulatorFactory() as factory:
        ports = [(await factory(make_app())).port for _ in range(2)]
    assert factory.servers == []
    for port in ports:
        assert await _refused(port)


async def test_closed_port_refuses_connections(closed_port: int) -> None:
    """The closed_port fixture names a loopback port where connecting is refused."""
    assert await _refused(closed_port)
    async with aiohttp.ClientSession() as client:
        with pytest.raises(aiohttp.ClientConnectorError):
            await client.get(f"http://127.0.0.1:{closed_port}/")


def test_closed_port_helper_refuses_ipv4_nonloopback() -> None:
    """The helper only hands out loopback ports."""
    assert closed_port() > 0
    with pytest.raises(ValueError, match="loopback"):
        closed_port("0.0.0.0")


def test_users_opt_in_with_pytest_plugins(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A user's conftest enables the fixtures; servers are stopped at teardown, strict mode too."""
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")  # only what the user asks for
    pytester.makeconftest('pytest_plugins = ["common.testing.pytest_plugin"]')
    pytester.makeini(
        "[pytest]\nasyncio_mode = strict\nasyncio_default_fixture_loop_scope = function\n"
    )
    pytester.makepyfile(
        """
        import asyncio

        import aiohttp
        import pytest
        from aiohttp import web

        PORTS = []

        async def hello(request):
            return web.json_response({"hello": "world"})

        @pytest.mark.asyncio
        async def test_uses_emulator(emulator):
            app = web.Application()
            app.router.add_get("/", hello)
            server = await emulator(app)
            PORTS.append(server.port)
            async with aiohttp.ClientSession() as session:
                async with session.get(server.url + "/") as response:
                    assert await response.json() == {"hello": "world"}

        @pytest.mark.asyncio
        async def test_port_was_freed_at_teardown():
            with pytest.raises(ConnectionRefusedError):
                await asyncio.open_connection("127.0.0.1", PORTS[0])

        def test_closed_port(closed_port):
            assert closed_port > 0
        """
    )
    result = pytester.runpytest(
        "-p", "pytest_asyncio.plugin", "-p", "no:cacheprovider", "-W", "error"
    )
    result.assert_outcomes(passed=3)

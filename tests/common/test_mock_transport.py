"""MockTransport: a handler function where the network would be, under a real client.

The client above it runs as in production (auth, retries, errors, downloads); the handler
sees each request as the client built it and answers with a MockResponse (or a Response).
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from yarl import URL

from common import (
    BearerToken,
    ClientClosedError,
    ConnectError,
    Multipart,
    ReadError,
    Request,
    Response,
    ResponseTooLargeError,
    ServerError,
    Timeout,
    Upload,
)
from common.testing import MockResponse, MockTransport
from common.transport import Transport

from .support import BASE, FAST_RETRIES, DemoClient

TOKEN = "tok-7f3a9c1e5b"


def client_on(mock: MockTransport, **options: Any) -> DemoClient:
    return DemoClient(
        base_url=BASE, auth=BearerToken(TOKEN), transport=mock, retry=FAST_RETRIES, **options
    )


def answering(*answers: MockResponse | Exception) -> Callable[[Request], MockResponse]:
    """A handler giving *answers* in turn (raising the exceptions), the last one forever."""
    queue = list(answers)

    def handler(request: Request) -> MockResponse:
        answer = queue.pop(0) if len(queue) > 1 else queue[0]
        if isinstance(answer, Exception):
            raise answer
        return answer

    return handler


def request(method: str = "GET", path: str = "/things", **fields: Any) -> Request:
    return Request(method=method, url=URL(BASE + path), headers={}, timeout=Timeout(), **fields)


# -- what the handler sees, what the client gets ---------------------------------------------


async def test_the_handler_sees_the_request_as_the_client_built_it() -> None:
    def handler(request: Request) -> MockResponse:
        return MockResponse(201, json={"id": 7, "seen": request.method}, headers={"X-Id": "r-1"})

    mock = MockTransport(handler)
    async with client_on(mock) as client:
        raw = await client.with_raw_response(
            client.request("POST", "/things", params={"page": 2}, json={"name": "lamp"})
        )
    assert raw.parsed == {"id": 7, "seen": "POST"}
    assert raw.status == 201
    assert raw.headers["X-Id"] == "r-1"
    (seen,) = mock.requests
    assert seen.method == "POST"
    assert seen.url == URL(BASE + "/things")
    assert seen.params == [("page", "2")]
    assert seen.headers["Authorization"] == f"Bearer {TOKEN}"
    assert seen.headers["Content-Type"] == "application/json"
    assert isinstance(seen.body, bytes)
    assert json.loads(seen.body) == {"name": "lamp"}


async def test_an_async_handler_answers_too() -> None:
    async def handler(request: Request) -> MockResponse:
        return MockResponse(text="plain words")

    async with client_on(MockTransport(handler)) as client:
        response = await client.send(client.build_request("GET", "/words"))
    assert response.text == "plain words"
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"


async def test_the_response_carries_the_url_with_params_secrets_removed() -> None:
    mock = MockTransport(answering(MockResponse(204)))
    response = await mock.send(request(params=[("page", "3"), ("api_key", "k-secret-1")]))
    assert response.status == 204
    assert response.method == "GET"
    assert response.url == f"{BASE}/things?page=3&api_key=redacted"
    assert "k-secret-1" not in response.url
    assert response.elapsed >= 0
    assert response.content == b""
    assert response.headers["Content-Length"] == "0"


async def test_a_response_returned_by_the_handler_gets_the_exchange_s_url_and_method() -> None:
    given = Response(
        status=200,
        headers={"Content-Type": "application/json"},
        content=b'{"ok": true}',
        url="https://elsewhere.example/",
        method="PATCH",
        elapsed=99.0,
    )
    mock = MockTransport(lambda request: given)
    response = await mock.send(request("DELETE", "/things/1"))
    assert (response.status, response.json()) == (200, {"ok": True})
    assert (response.method, response.url) == ("DELETE", f"{BASE}/things/1")
    assert response.elapsed < 99.0


# -- retries: the client's rules, on the handler's answers -----------------------------------


async def test_a_503_then_a_200_is_retried_for_a_get() -> None:
    mock = MockTransport(answering(MockResponse(503), MockResponse(json=[1, 2])))
    async with client_on(mock) as client:
        assert await client.request("GET", "/things") == [1, 2]
    assert len(mock.requests) == 2


async def test_a_503_on_a_post_is_not_retried() -> None:
    mock = MockTransport(answering(MockResponse(503), MockResponse(json={})))
    async with client_on(mock) as client:
        with pytest.raises(ServerError) as caught:
            await client.request("POST", "/things", json={})
    assert caught.value.status == 503
    assert len(mock.requests) == 1


async def test_a_429_with_retry_after_is_retried_even_for_a_post() -> None:
    limited = MockResponse(429, json={"message": "slow down"}, headers={"Retry-After": "0"})
    mock = MockTransport(answering(limited, MockResponse(201, json={"id": 1})))
    async with client_on(mock) as client:
        assert await client.request("POST", "/things", json={"a": 1}) == {"id": 1}
    assert [r.method for r in mock.requests] == ["POST", "POST"]


@pytest.mark.parametrize("method", ["GET", "POST"])
async def test_a_connect_error_is_retried_for_any_method(method: str) -> None:
    """The handler raising ConnectError is a connection never made: the server saw nothing,
    so the client retries it whatever the method (common.retry's rule)."""
    mock = MockTransport(answering(ConnectError("refused"), MockResponse(json={"ok": 1})))
    async with client_on(mock) as client:
        assert await client.request(method, "/things") == {"ok": 1}
    assert len(mock.requests) == 2


async def test_a_read_error_is_retried_for_a_get_and_not_for_a_post() -> None:
    """A connection broken after the request was sent: the server may have acted on it, so
    only an idempotent method is sent again."""
    handler = answering(ReadError("reset by peer"), MockResponse(json={"ok": 1}))
    get = MockTransport(handler)
    async with client_on(get) as client:
        assert await client.request("GET", "/things") == {"ok": 1}
    assert len(get.requests) == 2

    post = MockTransport(answering(ReadError("reset by peer"), MockResponse(json={"ok": 1})))
    async with client_on(post) as client:
        with pytest.raises(ReadError) as caught:
            await client.request("POST", "/things", json={})
    assert len(post.requests) == 1
    assert caught.value.attempts == 1
    assert (caught.value.method, caught.value.url) == ("POST", f"{BASE}/things")


async def test_a_transport_error_gets_the_request_s_method_and_url_filled_in() -> None:
    mock = MockTransport(answering(ConnectError("refused")))
    with pytest.raises(ConnectError) as caught:
        await mock.send(request("PUT", "/things/2", params=[("token", "t-9")]))
    assert caught.value.method == "PUT"
    assert caught.value.url == f"{BASE}/things/2?token=redacted"


async def test_any_other_exception_of_the_handler_propagates_as_it_is() -> None:
    def handler(request: Request) -> MockResponse:
        raise KeyError("a bug in the test")

    mock = MockTransport(handler)
    async with client_on(mock) as client:
        with pytest.raises(KeyError, match="a bug in the test"):
            await client.request("GET", "/things")
    assert len(mock.requests) == 1  # not retried


async def test_a_handler_returning_something_else_is_a_type_error() -> None:
    mock = MockTransport(lambda request: {"id": 1})  # type: ignore[arg-type,return-value]
    with pytest.raises(TypeError, match="MockResponse or a Response, got dict"):
        await mock.send(request())


# -- downloads and uploads -------------------------------------------------------------------


async def test_a_download_goes_through_stream(tmp_path: Path) -> None:
    content = bytes(range(256)) * 40  # 10 KiB
    mock = MockTransport(
        lambda request: MockResponse(
            content=content,
            headers={
                "Content-Type": "application/pdf",
                "Content-Disposition": 'attachment; filename="../../report.pdf"',
            },
        )
    )
    async with client_on(mock) as client:
        async with client.download("/files/9") as stream:
            chunks = [chunk async for chunk in stream.iter_bytes(4096)]
            assert stream.filename == "report.pdf"  # made safe
            assert stream.content_type == "application/pdf"
            assert stream.content_length == len(content)
        saved = await client.download("/files/9").save_to(tmp_path)
    assert [len(chunk) for chunk in chunks] == [4096, 4096, 2048]
    assert b"".join(chunks) == content
    assert saved == tmp_path / "report.pdf"
    assert saved.read_bytes() == content
    assert [r.url.path for r in mock.requests] == ["/v1/files/9", "/v1/files/9"]


async def test_a_multipart_body_reaches_the_handler_with_its_files_read(tmp_path: Path) -> None:
    """Paths, bytes and file objects alike arrive as bytes; a file object is read from where
    it stood, again on a retry (a 429 here)."""
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.7 scan")
    handle = io.BytesIO(b"skip:the notes")
    handle.seek(5)
    seen: list[tuple[tuple[str, str], ...]] = []

    def handler(request: Request) -> MockResponse:
        assert isinstance(request.body, Multipart)
        files = request.body.files
        seen.append(
            tuple((name, f"{u.filename}|{u.content_type}|{u.source!r}") for name, u in files)
        )
        assert request.body.fields == (("title", "Passport"),)
        status = 429 if len(seen) == 1 else 201
        return MockResponse(status, json={"n": len(seen)}, headers={"Retry-After": "0"})

    mock = MockTransport(handler)
    async with client_on(mock) as client:
        answer = await client.request(
            "POST",
            "/uploads",
            files={
                "scan": path,
                "raw": Upload(b"\x00\x01", filename="raw.bin"),
                "notes": Upload(handle, filename="notes.txt"),
            },
            data={"title": "Passport"},
        )
    assert answer == {"n": 2}
    expected = (
        ("scan", "scan.pdf|application/pdf|b'%PDF-1.7 scan'"),
        ("raw", "raw.bin|application/octet-stream|b'\\x00\\x01'"),
        ("notes", "notes.txt|text/plain|b'the notes'"),
    )
    assert seen == [expected, expected]


# -- limits, lifecycle, secrets --------------------------------------------------------------


async def test_an_answer_above_max_response_size_is_refused_and_not_retried() -> None:
    mock = MockTransport(answering(MockResponse(content=b"x" * 101)), max_response_size=100)
    async with client_on(mock) as client:
        with pytest.raises(ResponseTooLargeError, match="101 bytes, above max_response_size=100"):
            await client.request("GET", "/things")
        assert len(mock.requests) == 1
        streamed = await mock.stream(request())
        try:
            with pytest.raises(ResponseTooLargeError):
                await streamed.read()  # an error answer's body is bounded too
            assert b"".join([c async for c in streamed.iter_chunks(64)]) == b"x" * 101
        finally:
            await streamed.aclose()
    assert mock.max_response_size == 100
    with pytest.raises(ValueError, match="positive"):
        MockTransport(answering(MockResponse()), max_response_size=0)


async def test_closing_the_client_closes_the_transport() -> None:
    mock = MockTransport(answering(MockResponse(json=1)))
    assert isinstance(mock, Transport)
    assert mock.connection_limit is None
    client = client_on(mock)
    assert client.transport is mock
    async with client:
        assert await client.request("GET", "/things") == 1
        open_inside = not mock.closed
    assert open_inside
    assert mock.closed
    await mock.aclose()  # idempotent
    with pytest.raises(ClientClosedError):
        await mock.send(request())
    with pytest.raises(ClientClosedError):
        await mock.stream(request())
    assert len(mock.requests) == 1


async def test_no_secret_in_the_transport_s_repr() -> None:
    mock = MockTransport(answering(MockResponse(json={})))
    async with client_on(mock) as client:
        await client.request("GET", "/things", params={"api_key": "k-secret-2"})
    shown = f"{mock!r} {mock} {mock.requests!r}"
    assert TOKEN not in shown
    assert "k-secret-2" not in shown
    assert repr(mock) == "<MockTransport answering.<locals>.handler requests=1 closed>"
    assert mock.requests[0].headers["Authorization"] == f"Bearer {TOKEN}"  # the test's own


def test_mock_response_builds_the_usual_answers() -> None:
    assert MockResponse(json=None).content == b"null"
    built = MockResponse(json={"a": 1}, headers={"content-type": "application/vnd.api+json"})
    assert built.headers["Content-Type"] == "application/vnd.api+json"
    assert json.loads(built.content) == {"a": 1}
    assert built.headers["Content-Length"] == str(len(built.content))
    assert MockResponse(content=b"\x89PNG").content == b"\x89PNG"
    assert "Content-Type" not in MockResponse(content=b"\x89PNG").headers
    assert repr(MockResponse(404, text="gone")) == "<MockResponse 404 4 bytes>"
    with pytest.raises(ValueError, match="one body"):
        MockResponse(json={}, text="x")
    with pytest.raises(ValueError, match="100-599"):
        MockResponse(600)

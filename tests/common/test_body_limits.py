"""``max_response_size`` bounds the *decoded* bytes of every body the library reads: API
answers, the error body of a download, the body of a redirect. A small gzip or deflate body
that unfolds past the limit is a ResponseTooLargeError, never retried, never held whole."""

from __future__ import annotations

import gzip
import os
import tracemalloc
import zlib
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp.compression_utils
import pytest
from aiohttp import web

from common import BaseClient, RetryPolicy
from common.errors import ResponseTooLargeError, ServerError
from common.testing import EmulatorFactory, EmulatorServer

LIMIT = 1024 * 1024
#: What a hostile body unfolds to: a hundred times the limit, from about 100 KB on the wire.
BOMB = 100 * LIMIT
#: Retries with no waiting: a test that expects one request would see the retries.
RETRIES = RetryPolicy(max_retries=3, backoff_base=0.001, backoff_max=0.01)


class Plain(BaseClient):
    vendor = "plain"
    logger_name = "plain_async"


def _gzip(size: int) -> bytes:
    return gzip.compress(b"0" * size, compresslevel=9)


def _deflate(size: int) -> bytes:
    return zlib.compress(b"0" * size, 9)


def _brotli(size: int) -> bytes:
    import brotli  # only where aiohttp decodes brotli (the test extra installs it)

    return bytes(brotli.compress(b"0" * size))


ENCODINGS: list[Any] = [
    pytest.param("gzip", _gzip, id="gzip"),
    pytest.param("deflate", _deflate, id="deflate"),
    pytest.param(
        "br",
        _brotli,
        id="brotli",
        marks=pytest.mark.skipif(
            not aiohttp.compression_utils.HAS_BROTLI,
            reason="aiohttp decodes brotli only with the Brotli package, not installed here",
        ),
    ),
]


def _compressed(
    body: bytes, encoding: str, *, status: int = 200, chunked: bool = False, **headers: str
) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    async def handle(request: web.Request) -> web.StreamResponse:
        fields = {"Content-Encoding": encoding, "Content-Type": "application/json", **headers}
        if not chunked:  # aiohttp sets Content-Length: the *compressed* size
            return web.Response(body=body, status=status, headers=fields)
        response = web.StreamResponse(status=status, headers=fields)
        response.enable_chunked_encoding()
        await response.prepare(request)
        for start in range(0, len(body), 8192):
            await response.write(body[start : start + 8192])
        await response.write_eof()
        return response

    return handle


async def _serve(emulator: EmulatorFactory, handler: Any, path: str = "/x") -> EmulatorServer:
    app = web.Application()
    app.router.add_route("*", path, handler)
    return await emulator(app)


def _client(server: EmulatorServer, **options: Any) -> Plain:
    options.setdefault("max_response_size", LIMIT)
    options.setdefault("retry", RETRIES)
    return Plain(base_url=server.url, rate_limit=None, **options)


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
@pytest.mark.parametrize(("encoding", "compress"), ENCODINGS)
async def test_a_compressed_answer_is_bounded_after_decoding(
    emulator: EmulatorFactory, encoding: str, compress: Callable[[int], bytes], chunked: bool
) -> None:
    """~100 KB on the wire unfolding to 100 MiB: ResponseTooLargeError, one request only."""
    body = compress(BOMB)
    assert len(body) < LIMIT  # the declared length alone would pass
    server = await _serve(emulator, _compressed(body, encoding, chunked=chunked))
    async with _client(server) as client:
        with pytest.raises(ResponseTooLargeError, match="max_response_size=1048576"):
            await client.request("GET", "/x")
    assert len(server.requests) == 1, "a body too large is not retried"


@pytest.mark.parametrize(("encoding", "compress"), ENCODINGS)
async def test_a_compressed_answer_within_the_limit_is_read_whole(
    emulator: EmulatorFactory, encoding: str, compress: Callable[[int], bytes]
) -> None:
    """The bound counts decoded bytes: a body that unfolds to less than it is returned."""
    server = await _serve(emulator, _compressed(compress(LIMIT - 10), encoding))
    async with _client(server) as client:
        response = await client.send(client.build_request("GET", "/x"))
    assert response.content == b"0" * (LIMIT - 10)


async def test_reading_a_bomb_never_holds_it_whole(emulator: EmulatorFactory) -> None:
    """Memory stays near the limit while the bomb is refused, not near its 100 MiB."""
    server = await _serve(emulator, _compressed(_gzip(BOMB), "gzip"))
    async with _client(server) as client:
        tracemalloc.start()
        try:
            with pytest.raises(ResponseTooLargeError):
                await client.request("GET", "/x")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert peak < 16 * LIMIT, f"peak {peak / LIMIT:.0f} MiB while reading a bounded body"


async def test_a_plain_answer_declared_too_large_is_refused_before_reading(
    emulator: EmulatorFactory,
) -> None:
    """No encoding: the Content-Length is the size read, so it is refused at once."""

    async def handle(request: web.Request) -> web.Response:
        return web.Response(body=b"1" * (LIMIT + 1), content_type="application/json")

    server = await _serve(emulator, handle)
    async with _client(server) as client:
        with pytest.raises(ResponseTooLargeError, match=f"is {LIMIT + 1} bytes"):
            await client.request("GET", "/x")


@pytest.mark.parametrize("encoding", ["identity", "gzip"])
async def test_a_download_error_body_is_bounded(emulator: EmulatorFactory, encoding: str) -> None:
    """A 500 answering a download with a huge body is not read whole (it used to be)."""
    size = 20 * LIMIT
    body = b"e" * size if encoding == "identity" else _gzip(size)
    headers = {} if encoding == "identity" else {"Content-Encoding": "gzip"}

    async def handle(request: web.Request) -> web.Response:
        return web.Response(body=body, status=500, headers=headers)

    server = await _serve(emulator, handle)
    async with _client(server) as client:
        with pytest.raises(ResponseTooLargeError, match="the 500 answer"):
            await client.download("/x").save_to(_devnull())
    assert len(server.requests) == 1


async def test_a_download_error_body_within_the_limit_is_a_status_error(
    emulator: EmulatorFactory,
) -> None:
    """Below the limit, the error body is read and the usual typed error raised."""

    async def handle(request: web.Request) -> web.Response:
        return web.json_response({"message": "broken"}, status=500)

    server = await _serve(emulator, handle)
    async with _client(server, retry=RetryPolicy(max_retries=0)) as client:
        with pytest.raises(ServerError, match="broken"):
            await client.download("/x").save_to(_devnull())


async def test_a_download_success_stream_is_not_bounded(emulator: EmulatorFactory) -> None:
    """A file larger than max_response_size streams: its consumer bounds what it keeps."""
    size = 3 * LIMIT

    async def handle(request: web.Request) -> web.Response:
        return web.Response(body=_gzip(size), headers={"Content-Encoding": "gzip"})

    server = await _serve(emulator, handle)
    async with _client(server) as client, client.download("/x") as stream:
        total = 0
        async for chunk in stream.iter_bytes():
            total += len(chunk)
    assert total == size


@pytest.mark.parametrize("download", [False, True], ids=["request", "download"])
async def test_a_redirect_body_is_bounded(emulator: EmulatorFactory, download: bool) -> None:
    """The body of a 302 is read to follow it: bounded like any other."""
    app = web.Application()
    app.router.add_route("GET", "/x", _compressed(_gzip(BOMB), "gzip", status=302, Location="/y"))

    async def target(request: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    app.router.add_route("GET", "/y", target)
    server = await emulator(app)
    async with _client(server) as client:
        call = (
            client.download("/x").save_to(_devnull()) if download else client.request("GET", "/x")
        )
        with pytest.raises(ResponseTooLargeError, match="the 302 answer"):
            await call
    assert [r.path for r in server.requests] == ["/x"]


def _devnull() -> str:
    return os.devnull

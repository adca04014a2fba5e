"""Foundation part 2, capability 3: streamed uploads and downloads over real sockets."""

from __future__ import annotations

import hashlib
import io
import os
import tracemalloc
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from common import BaseClient, BearerToken, RateLimitError, ReadError, RetryPolicy, Upload
from common.testing import EmulatorFactory, EmulatorServer, Fault

MB = 1024 * 1024


class FilesClient(BaseClient):
    vendor = "files-demo"
    logger_name = "files_demo"


def pattern(size: int) -> bytes:
    """Deterministic bytes, so both ends can check what arrived."""
    block = bytes(range(256)) * 256  # 64 KiB
    return (block * (size // len(block) + 1))[:size]


async def upload(request: web.Request) -> web.Response:
    """Reads a multipart body part by part, hashing as it goes (never whole in memory)."""
    reader = await request.multipart()
    parts, fields = [], {}
    while (part := await reader.next()) is not None:
        assert isinstance(part, aiohttp.BodyPartReader)
        if part.filename is None:
            fields[part.name] = (await part.read()).decode()
            continue
        digest, size = hashlib.sha256(), 0
        while chunk := await part.read_chunk(256 * 1024):
            digest.update(chunk)
            size += len(chunk)
        parts.append(
            {
                "name": part.name,
                "filename": part.filename,
                "content_type": part.headers.get("Content-Type"),
                "size": size,
                "sha256": digest.hexdigest(),
            }
        )
    return web.json_response({"parts": parts, "fields": fields})


async def download(request: web.Request) -> web.StreamResponse:
    size = int(request.query.get("size", "1000"))
    response = web.StreamResponse(
        headers={
            "Content-Type": "application/pdf",
            "Content-Disposition": f'attachment; filename="{request.match_info["name"]}"',
            "Content-Length": str(size),
        }
    )
    await response.prepare(request)
    data = pattern(size)
    for start in range(0, size, 64 * 1024):
        await response.write(data[start : start + 64 * 1024])
    await response.write_eof()
    return response


async def ping(request: web.Request) -> web.Response:
    return web.json_response({"ok": True})


async def redirect(request: web.Request) -> web.Response:
    raise web.HTTPFound(request.query["to"])


def files_app() -> web.Application:
    app = web.Application()
    app.router.add_post("/api/upload", upload)
    app.router.add_get("/api/files/{name}", download)
    app.router.add_get("/api/redirect", redirect)
    app.router.add_get("/api/ping", ping)
    return app


@pytest.fixture
async def server(emulator: EmulatorFactory) -> EmulatorServer:
    return await emulator(files_app())


def client_for(server: EmulatorServer, **kwargs: object) -> FilesClient:
    return FilesClient(
        base_url=f"{server.url}/api",
        retry=RetryPolicy(backoff_base=0.001),
        **kwargs,  # type: ignore[arg-type]
    )


async def chunks_of(data: bytes, size: int = 10_000) -> AsyncIterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


@pytest.mark.parametrize("kind", ["path", "bytes", "file", "async-iterator"])
async def test_upload_from_each_kind_of_source(
    server: EmulatorServer, tmp_path: Path, kind: str
) -> None:
    """A path, bytes, a binary file object or an async iterator arrive intact as multipart."""
    data = pattern(300_000)
    path = tmp_path / "scan.png"
    path.write_bytes(data)
    source: object = {
        "path": path,
        "bytes": data,
        "file": io.BytesIO(data),
        "async-iterator": chunks_of(data),
    }[kind]
    upload_ = Upload(source, filename="scan.png")  # type: ignore[arg-type]
    async with client_for(server) as client:
        result = await client.request(
            "POST", "/upload", files={"file": upload_}, data={"client_id": 7}
        )
    (part,) = result["parts"]
    assert part == {
        "name": "file",
        "filename": "scan.png",
        "content_type": "image/png",
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    assert result["fields"] == {"client_id": "7"}


async def test_a_50_mb_upload_streams_from_disk(server: EmulatorServer, tmp_path: Path) -> None:
    """Uploading a 50 MB file grows peak memory by far less than the file's size."""
    path = tmp_path / "big.bin"
    with path.open("wb") as handle:
        for _ in range(50):
            handle.write(os.urandom(MB))
    async with client_for(server) as client:
        await client.request("GET", "/ping")  # session and pool exist already
        tracemalloc.start()
        try:
            baseline = tracemalloc.get_traced_memory()[0]
            result = await client.request("POST", "/upload", files={"file": path})
            peak = tracemalloc.get_traced_memory()[1] - baseline
        finally:
            tracemalloc.stop()
    assert result["parts"][0]["size"] == 50 * MB
    assert peak < 8 * MB, f"peak grew by {peak / MB:.1f} MB"


async def test_a_replayable_upload_is_sent_whole_again_after_a_429(
    server: EmulatorServer,
) -> None:
    """A file object is rewound for the retry: the second attempt carries every byte."""
    data = pattern(100_000)
    server.faults.add(Fault.rate_limited(retry_after="0"), method="POST", path="/api/upload")
    async with client_for(server) as client:
        result = await client.request("POST", "/upload", files={"file": io.BytesIO(data)})
    assert result["parts"][0]["sha256"] == hashlib.sha256(data).hexdigest()
    assert [r.status for r in server.requests.filter(method="POST")] == [429, 200]


async def test_an_async_iterator_upload_is_never_sent_twice(server: EmulatorServer) -> None:
    """A one-shot async iterator cannot be replayed: the 429 surfaces instead of a retry."""
    server.faults.add(Fault.rate_limited(retry_after="0"), method="POST", path="/api/upload")
    async with client_for(server) as client:
        with pytest.raises(RateLimitError) as caught:
            await client.request("POST", "/upload", files={"file": chunks_of(b"x" * 1000)})
    assert caught.value.attempts == 1
    assert len(server.requests.filter(method="POST")) == 1


async def test_download_streams_chunks_with_filename_and_type(server: EmulatorServer) -> None:
    """A download yields chunks; filename, type and length come from the headers."""
    async with (
        client_for(server) as client,
        client.download("/files/report.pdf", params={"size": 200_000}) as stream,
    ):
        assert stream.filename == "report.pdf"
        assert stream.content_type == "application/pdf"
        assert stream.content_length == 200_000
        received = [chunk async for chunk in stream.iter_bytes(32 * 1024)]
    assert b"".join(received) == pattern(200_000)
    assert len(received) > 1


async def test_save_to_a_folder_uses_the_server_filename(
    server: EmulatorServer, tmp_path: Path
) -> None:
    """save_to(folder) writes <folder>/<filename>, completely, and nothing else."""
    async with client_for(server) as client:
        saved = await client.download("/files/result.pdf", params={"size": 3 * MB}).save_to(
            tmp_path
        )
    assert saved == tmp_path / "result.pdf"
    assert saved.read_bytes() == pattern(3 * MB)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["result.pdf"]  # noqa: ASYNC240


async def test_a_server_filename_cannot_escape_the_target_folder(
    server: EmulatorServer, tmp_path: Path
) -> None:
    """A Content-Disposition of ../../x is reduced to a plain name inside the folder."""
    async with client_for(server) as client:
        saved = await client.download("/files/..%2F..%2Fevil.sh").save_to(tmp_path)
    assert saved.parent == tmp_path
    assert saved.name == "evil.sh"


async def test_an_interrupted_download_leaves_no_file(
    server: EmulatorServer, tmp_path: Path
) -> None:
    """When the body is cut mid-way, save_to raises ReadError and leaves nothing behind."""
    server.faults.add(Fault.drop_mid_body(), method="GET", path="/api/files/cut.pdf", times=None)
    target = tmp_path / "cut.pdf"
    async with client_for(server, max_retries=0) as client:
        with pytest.raises(ReadError):
            await client.download("/files/cut.pdf").save_to(target)
    assert list(tmp_path.iterdir()) == []  # noqa: ASYNC240 -- no temp file left either


async def test_download_errors_are_typed_and_retried(server: EmulatorServer) -> None:
    """A 503 before the body is retried; the download then succeeds."""
    server.faults.add(Fault.status(503), method="GET", path="/api/files/a.pdf")
    async with (
        client_for(server) as client,
        client.download("/files/a.pdf", params={"size": 10}) as stream,
    ):
        assert await stream.read() == pattern(10)
    assert [r.status for r in server.requests] == [503, 200]


async def test_same_origin_redirect_keeps_credentials(server: EmulatorServer) -> None:
    """A redirect on our own origin is followed with the Authorization header."""
    async with (
        client_for(server, auth=BearerToken("tok")) as client,
        client.download("/redirect", params={"to": "/api/files/r.pdf?size=5"}) as stream,
    ):
        assert await stream.read() == pattern(5)
    final = server.requests[-1]
    assert final.path == "/api/files/r.pdf"
    assert final.headers["Authorization"] == "Bearer tok"


async def test_a_redirect_to_another_host_is_followed_without_credentials(
    emulator: EmulatorFactory, server: EmulatorServer
) -> None:
    """A redirect to another origin (a storage host) gets no Authorization, no API key."""
    storage = await emulator(files_app())
    async with (
        client_for(server, auth=BearerToken("tok")) as client,
        client.download(
            "/redirect", params={"to": f"{storage.url}/api/files/s.pdf?size=7"}
        ) as stream,
    ):
        assert await stream.read() == pattern(7)
    (seen,) = storage.requests
    assert "Authorization" not in seen.headers
    assert server.requests[-1].headers["Authorization"] == "Bearer tok"


async def test_a_real_file_is_rewound_for_a_retry_and_left_open(
    server: EmulatorServer, tmp_path: Path
) -> None:
    """An open file object is sent whole again after a 429, and the caller's file stays open."""
    data = pattern(200_000)
    path = tmp_path / "scan.bin"
    path.write_bytes(data)
    server.faults.add(Fault.rate_limited(retry_after="0"), method="POST", path="/api/upload")
    with path.open("rb") as handle:
        handle.read(0)
        async with client_for(server) as client:
            result = await client.request("POST", "/upload", files={"file": handle})
        assert not handle.closed
    assert result["parts"][0]["sha256"] == hashlib.sha256(data).hexdigest()
    assert [r.status for r in server.requests.filter(method="POST")] == [429, 200]


async def test_an_async_iterator_upload_is_not_replayed_empty_after_a_401(
    server: EmulatorServer,
) -> None:
    """A 401 cannot be answered by replaying a spent iterator: the error surfaces instead."""
    from common import AuthenticationError, TokenExchange

    server.faults.add(Fault.status(401), method="POST", path="/api/upload")
    auth = TokenExchange(f"{server.url}/api/ping", token="t")
    async with client_for(server, auth=auth) as client:
        with pytest.raises(AuthenticationError):
            await client.request("POST", "/upload", files={"file": chunks_of(b"x" * 10_000)})
    assert len(server.requests.filter(method="POST")) == 1


async def test_a_download_holds_its_concurrency_slot_until_closed(
    server: EmulatorServer, tmp_path: Path
) -> None:
    """With max_concurrency=1 a second download waits until the first stream is closed."""
    import asyncio

    async with client_for(server, max_concurrency=1) as client:
        first = client.download("/files/a.pdf", params={"size": 10})
        stream = await first.__aenter__()
        second = asyncio.ensure_future(client.download("/files/b.pdf").save_to(tmp_path))
        await asyncio.sleep(0.1)
        assert not second.done()
        assert [r.path for r in server.requests] == ["/api/files/a.pdf"]
        await stream.read()
        await first.__aexit__(None, None, None)
        await asyncio.wait_for(second, 5)
    assert [r.path for r in server.requests] == ["/api/files/a.pdf", "/api/files/b.pdf"]


async def test_save_to_writes_into_a_pipe_instead_of_replacing_it(
    server: EmulatorServer, tmp_path: Path
) -> None:
    """A target that is not a regular file (here a FIFO) is written into, never renamed over."""
    import asyncio
    import stat

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)

    def drain() -> bytes:
        with pipe.open("rb") as reader:
            return reader.read()

    reading = asyncio.ensure_future(asyncio.to_thread(drain))
    async with client_for(server) as client:
        saved = await client.download("/files/x.bin", params={"size": 70_000}).save_to(pipe)
    assert await asyncio.wait_for(reading, 5) == pattern(70_000)
    assert saved == pipe
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]  # noqa: ASYNC240

"""A minimal HTTP/1.1 POST over asyncio streams, to deliver webhooks (stdlib only).

One request per connection (``Connection: close``); the answer's status, headers and body
(Content-Length, chunked or until close) are returned. ``https`` uses the default SSL context.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from collections.abc import Mapping
from urllib.parse import urlsplit

import attrs

__all__ = ["Answer", "post"]


@attrs.frozen
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes


async def post(url: str, body: bytes, headers: Mapping[str, str], *, timeout: float) -> Answer:
    """POST *body* to *url*; raises ``OSError``/``asyncio.TimeoutError``/``ValueError``."""
    return await asyncio.wait_for(_post(url, body, headers), timeout)


async def _post(url: str, body: bytes, headers: Mapping[str, str]) -> Answer:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {url!r}")
    secure = parts.scheme == "https"
    port = parts.port or (443 if secure else 80)
    context = ssl.create_default_context() if secure else None
    reader, writer = await asyncio.open_connection(parts.hostname, port, ssl=context)
    try:
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        host = parts.netloc.rsplit("@", 1)[-1]
        lines = [
            f"POST {target} HTTP/1.1",
            f"Host: {host}",
            f"Content-Length: {len(body)}",
            "Connection: close",
        ]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        await writer.drain()
        status_line = (await reader.readline()).decode("latin-1").split(" ", 2)
        if len(status_line) < 2 or not status_line[1].isdigit():
            raise ValueError("the receiver did not answer HTTP")
        answer_headers: dict[str, str] = {}
        while line := (await reader.readline()).decode("latin-1").strip():
            name, _, value = line.partition(":")
            answer_headers[name.strip()] = value.strip()
        lowered = {k.lower(): v for k, v in answer_headers.items()}
        if lowered.get("transfer-encoding", "").lower() == "chunked":
            data = bytearray()
            while size := int((await reader.readline()).split(b";")[0].strip() or b"0", 16):
                data += await reader.readexactly(size)
                await reader.readline()
            content = bytes(data)
        elif "content-length" in lowered:
            content = await reader.readexactly(int(lowered["content-length"]))
        else:
            content = await reader.read()
        return Answer(int(status_line[1]), answer_headers, content)
    finally:
        writer.close()
        with contextlib.suppress(OSError, ssl.SSLError):
            await writer.wait_closed()

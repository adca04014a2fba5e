"""Faults the kit does not have, and the request-log invariant every reliability test checks."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Sequence

import attrs
from aiohttp import web

from common.retry import is_idempotent
from common.testing import Fault, Handler, RecordedRequest

__all__ = ["Chunked", "Reshaped", "Sometimes", "assert_no_write_sent_twice"]

_DROPPED = frozenset({"content-length", "content-type", "transfer-encoding", "content-encoding"})


@attrs.frozen(kw_only=True)
class Reshaped(Fault):
    """The real handler's answer, relabelled (``content_type``) and/or trickled out in
    ``chunks`` pieces over ``seconds`` (a slow drip of a body the client can parse)."""

    content_type: str | None = None
    seconds: float = 0.0
    chunks: int = 1

    async def apply(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Run the handler, then send its answer the way this fault says."""
        answer = await handler(request)
        assert isinstance(answer, web.Response), answer
        body = answer.body
        assert isinstance(body, bytes), type(body)
        response = web.StreamResponse(status=answer.status)
        for name, value in answer.headers.items():
            if name.lower() not in _DROPPED:
                response.headers[name] = value
        response.content_type = self.content_type or answer.content_type
        response.content_length = len(body)
        size = -(-len(body) // self.chunks) or 1
        pieces = [body[i : i + size] for i in range(0, len(body), size)]
        delay = self.seconds / max(len(pieces), 1)
        try:
            await response.prepare(request)
            for piece in pieces:
                if delay:
                    await asyncio.sleep(delay)
                await response.write(piece)
            await response.write_eof()
        except ConnectionError:
            pass
        return response


@attrs.frozen(kw_only=True)
class Chunked(Fault):
    """A 200 JSON body of ``size`` bytes sent chunked: no Content-Length to check up front."""

    size: int

    async def apply(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Stream ``{"pad": "xxx…"}`` in 4 KiB pieces."""
        body = b'{"pad": "' + b"x" * max(self.size - 11, 0) + b'"}'
        response = web.StreamResponse(status=200)
        response.content_type = "application/json"
        response.enable_chunked_encoding()
        try:
            await response.prepare(request)
            for start in range(0, len(body), 4096):
                await response.write(body[start : start + 4096])
            await response.write_eof()
        except ConnectionError:
            pass
        return response


@attrs.define(eq=False)
class Sometimes(Fault):
    """With probability ``rate``, one of ``faults`` (chosen at random); else the handler.

    Remembers every request it faulted (by the ``X-Call`` header the load test sends), so
    the test can reconcile its outcomes with the request log.
    """

    rate: float
    faults: Sequence[Fault]
    rng: random.Random = attrs.field(factory=lambda: random.Random(9))
    #: (call id, fault) per faulted request, in arrival order.
    injected: list[tuple[str, Fault]] = attrs.Factory(list)

    async def apply(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Fault this request, or pass it through."""
        if self.rng.random() >= self.rate:
            return await handler(request)
        fault = self.rng.choice(self.faults)
        self.injected.append((request.headers.get("X-Call", ""), fault))
        return await fault.apply(request, handler)


def assert_no_write_sent_twice(log: Sequence[RecordedRequest]) -> None:
    """No non-idempotent request reached the server twice, unless the earlier attempt was
    answered 429 (a request that never connected is not in the log at all)."""
    seen: dict[tuple[str, str, str, bytes], list[RecordedRequest]] = {}
    for record in log:
        if not is_idempotent(record.method):
            key = (record.method, record.path, record.headers.get("X-Call", ""), record.body)
            seen.setdefault(key, []).append(record)
    for (method, path, _, _), records in seen.items():
        earlier = [r.status for r in records[:-1]]
        assert all(status == 429 for status in earlier), (
            f"{method} {path} reached the server {len(records)} times; earlier answers: {earlier}"
        )

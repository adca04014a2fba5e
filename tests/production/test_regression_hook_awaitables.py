"""Hooks typed `Callable[[CallEvent], Awaitable | object]`: a callable returning an awaitable
must be awaited for on_retry/on_rate_limited as it is for on_request/on_response."""

import warnings

import pytest
from aiohttp import web

from common import BaseClient, CallEvent, Hooks, RetryPolicy
from common.testing import EmulatorServer


def flaky_app() -> web.Application:
    calls = {"n": 0}

    async def handler(request: web.Request) -> web.Response:
        calls["n"] += 1
        if calls["n"] == 1:
            return web.json_response({}, status=429, headers={"Retry-After": "0"})
        return web.json_response({"ok": True})

    app = web.Application()
    app.router.add_get("/x", handler)
    return app


class AsyncCallable:
    def __init__(self) -> None:
        self.seen: list[str] = []

    async def __call__(self, event: CallEvent) -> None:
        self.seen.append(f"{event.status}")


@pytest.mark.asyncio
async def test_async_callable_object_on_retry_and_rate_limited_are_awaited() -> None:
    on_retry, on_limited, on_request = AsyncCallable(), AsyncCallable(), AsyncCallable()
    hooks = Hooks(on_retry=on_retry, on_rate_limited=on_limited, on_request=on_request)
    async with (
        EmulatorServer(flaky_app()) as server,
        BaseClient(base_url=server.url, hooks=hooks, retry=RetryPolicy(backoff_base=0.001)) as c,
    ):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            await c.request("GET", "/x")
            import gc

            gc.collect()
    assert len(on_request.seen) == 2  # on_request (same kind of callable) is awaited
    assert on_retry.seen == ["429"], [str(w.message) for w in caught]
    assert on_limited.seen == ["429"]

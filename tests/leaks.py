"""Leak checks for every test (an autouse fixture, registered in ``tests/conftest.py``).

pytest turns a ``ResourceWarning`` raised in ``__del__`` into a failure only when the object
dies *during* the test that leaked it; an object caught in a reference cycle dies at some
later garbage collection (another test's, or the end of the session) or never warns at all
(aiohttp warns about an unclosed response only in asyncio debug mode). So, around each test:

* the heap as it stands after collection is frozen once (``gc.freeze``), which makes the
  per-test ``gc.collect()`` below cost next to nothing;
* every aiohttp ``ClientSession``, connector and ``ClientResponse`` created during the test
  is tracked (weakly);
* after the test, a full collection runs, so the ``ResourceWarning`` of anything the test
  dropped (an unclosed session, connector, transport or socket) is raised now and fails
  *this* test (``filterwarnings = error`` makes it a ``PytestUnraisableExceptionWarning``);
* and every tracked object still alive must be closed: a session or connector left open,
  or a response whose connection was never released, fails the test by name: one still
  alive, one dropped (aiohttp's ``__del__`` releases it silently outside debug mode), or
  one still holding its connection when the session was closed.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable, Iterator
from typing import Any

import aiohttp
import pytest

_tracked: weakref.WeakSet[Any] = weakref.WeakSet()
_dropped: list[str] = []
_frozen = False


def _tracking(cls: type[Any]) -> Callable[..., None]:
    original = cls.__init__

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        _tracked.add(self)

    __init__.__wrapped__ = original  # type: ignore[attr-defined]
    return __init__


def _noting_dropped_responses(original: Callable[..., None]) -> Callable[..., None]:
    def __del__(self: aiohttp.ClientResponse, *args: Any, **kwargs: Any) -> None:
        if not self.closed and self.connection is not None:
            # aiohttp frees it without a word (outside asyncio debug mode)
            _dropped.append(f"{self!r}".splitlines()[0] + " dropped, never released")
        original(self, *args, **kwargs)

    return __del__


def _noting_busy_connectors(original: Callable[..., Any]) -> Callable[..., Any]:
    def close(self: aiohttp.BaseConnector, *args: Any, **kwargs: Any) -> Any:
        busy = len(getattr(self, "_acquired", ()))
        if busy and not self.closed:
            _dropped.append(f"{self!r} closed with {busy} response(s) never released")
        return original(self, *args, **kwargs)

    return close


def _is_open(thing: Any) -> bool:
    if isinstance(thing, aiohttp.ClientResponse):
        # Released (read to the end, or closed): its connection went back to the pool.
        return thing.connection is not None
    return not thing.closed


@pytest.fixture(autouse=True)
def no_leaks(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail the test if it leaves an aiohttp session, connector or response open."""
    global _frozen
    if not _frozen:
        gc.collect()
        gc.freeze()
        _frozen = True
    for cls in (aiohttp.ClientSession, aiohttp.BaseConnector, aiohttp.ClientResponse):
        monkeypatch.setattr(cls, "__init__", _tracking(cls))
    response_del = aiohttp.ClientResponse.__del__
    monkeypatch.setattr(aiohttp.ClientResponse, "__del__", _noting_dropped_responses(response_del))
    connector_close = aiohttp.BaseConnector.close
    monkeypatch.setattr(aiohttp.BaseConnector, "close", _noting_busy_connectors(connector_close))
    _tracked.clear()
    _dropped.clear()
    yield
    gc.collect()  # what the test dropped dies (and warns) now, inside this test
    left = [repr(thing) for thing in list(_tracked) if _is_open(thing)]
    left += _dropped
    _tracked.clear()
    _dropped.clear()
    assert not left, f"left open after the test: {left}"

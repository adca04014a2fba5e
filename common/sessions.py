"""The aiohttp session of a client, and the event loops it lives in.

A session you pass in is used as it is (its proxy, TLS, connector and trace configs) and never
closed here. Otherwise a client opens its own, lazily, inside the running loop, and:

* a session belongs to the loop that opened it: a client used from a second loop (two
  ``asyncio.run()`` calls) opens a second session there;
* a session is closed properly when its loop shuts down (``asyncio.run``, ``asyncio.Runner``
  and pytest-asyncio finalise async generators before closing a loop: a small one is parked
  in each loop for that), so nothing is left for the garbage collector to close on a dead
  loop;
* a client dropped without ``aclose()`` closes its session first (without scheduling anything
  on a dead loop), then warns once, with a ``ResourceWarning`` naming where it was created: even
  when warnings are errors, aiohttp is left with nothing to warn about.
"""

from __future__ import annotations

import asyncio
import sys
import warnings
from collections.abc import AsyncGenerator
from typing import Any

import aiohttp
import attrs

from .errors import ClientClosedError

__all__ = ["SessionHolder", "SessionSettings", "creation_site"]

#: Modules whose frames are ours when looking for the line that created a client.
_OUR_PACKAGES = ("common", "amiqus_async", "intakeq_async", "amilia_async", "caseupdates_async")


def creation_site() -> str:
    """``file:line`` of the first caller outside this library (for the unclosed warning)."""
    frame: Any = sys._getframe(1)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if module.partition(".")[0] not in _OUR_PACKAGES:
            return f"{frame.f_code.co_filename}:{frame.f_lineno}"
        frame = frame.f_back
    return "an unknown place"


@attrs.frozen
class SessionSettings:
    """How a client's own sessions are made."""

    pool_size: int = 100
    trust_env: bool = False
    #: ``http://user:password@proxy:3128`` or ``None``; never shown (it may hold a password).
    proxy: str | None = attrs.field(default=None, repr=False)
    #: A connector the user owns: sessions use it and never close it.
    connector: aiohttp.BaseConnector | None = None


class _Parked:
    """One loop's session and the async generator that closes it when the loop shuts down."""

    __slots__ = ("detached", "guard", "loop", "session")

    def __init__(self, session: aiohttp.ClientSession, loop: asyncio.AbstractEventLoop) -> None:
        self.session = session
        self.loop = loop
        self.detached = False
        self.guard: AsyncGenerator[None, None] | None = None


async def _close_at_shutdown(parked: _Parked) -> AsyncGenerator[None, None]:
    try:
        yield
    finally:
        if not parked.detached and not parked.session.closed:
            await parked.session.close()


def _finish(guard: AsyncGenerator[None, None]) -> None:
    """End a parked guard here and now: its ``finally`` has nothing to await once detached."""
    closing = guard.aclose()
    try:
        closing.send(None)
    except (StopIteration, RuntimeError):
        pass
    else:  # pragma: no cover - a detached guard never suspends
        closing.close()


def _drop(parked: _Parked) -> None:
    """Close *parked*'s session without awaiting: its loop is gone, or about to be."""
    parked.detached = True
    session = parked.session
    connector = session.connector
    if connector is not None and session.connector_owner and not connector.closed:
        # The synchronous half of BaseConnector.close(): transports are closed (when the
        # loop is alive) and nothing is scheduled; the connector then counts as closed.
        connector._close()
    session._connector = None  # the session counts as closed: no warning at collection
    if parked.guard is not None:
        _finish(parked.guard)
        parked.guard = None


class SessionHolder:
    """A client's session: borrowed, or one per event loop (see the module docs)."""

    __slots__ = (
        "_borrowed",
        "_closed",
        "_last",
        "_opened",
        "_parked",
        "_settings",
        "created_at",
        "label",
    )

    def __init__(
        self,
        *,
        borrowed: aiohttp.ClientSession | None,
        settings: SessionSettings,
        created_at: str,
        label: str,
    ) -> None:
        self._borrowed = borrowed
        self._settings = settings
        #: One session per loop that used the client; a loop's is closed when it shuts down.
        self._parked: dict[asyncio.AbstractEventLoop, _Parked] = {}
        #: The latest one, for the fast path.
        self._last: _Parked | None = None
        self._closed = False
        self._opened = False
        self.created_at: str = created_at
        self.label: str = label

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def owned(self) -> aiohttp.ClientSession | None:
        """The session this client opened (in its latest loop), if any."""
        return self._last.session if self._last is not None else None

    def current(self) -> aiohttp.ClientSession | None:
        """The session to use in the running loop, if it is ready (the fast path)."""
        parked = self._last
        if parked is not None and parked.loop is asyncio.get_running_loop():
            session = parked.session
            if not session.closed:
                return session
        return None

    async def get(self) -> aiohttp.ClientSession:
        """The session to use in the running loop, opened if need be."""
        if self._closed:
            raise ClientClosedError("the client is closed; make a new one")
        if self._borrowed is not None:
            if self._borrowed.closed:
                raise ClientClosedError("the aiohttp session given to this client is closed")
            return self._borrowed
        loop = asyncio.get_running_loop()
        known = self._parked.get(loop)
        if known is not None and not known.session.closed:
            self._last = known
            return known.session
        for other, old in list(self._parked.items()):
            if other.is_closed() or other is loop:
                # A dead loop's (it never shut its async generators down): close what can be.
                _drop(old)
                del self._parked[other]
        settings = self._settings
        connector = settings.connector or aiohttp.TCPConnector(
            limit=settings.pool_size, limit_per_host=0
        )
        session = aiohttp.ClientSession(
            connector=connector,
            connector_owner=settings.connector is None,
            cookie_jar=aiohttp.DummyCookieJar(),
            trust_env=settings.trust_env,
            proxy=settings.proxy,
            raise_for_status=False,
            auto_decompress=True,
        )
        parked = _Parked(session, loop)
        guard = _close_at_shutdown(parked)
        await guard.__anext__()  # the loop now owns it: shutdown_asyncgens() will close it
        parked.guard = guard
        self._parked[loop] = self._last = parked
        self._opened = True
        return session

    async def aclose(self) -> None:
        """Close the sessions we own (never a borrowed one). Idempotent.

        This loop's session is closed properly; another loop's, if that loop is still
        running, is left to close when it shuts down (it cannot be awaited from here).
        """
        self._closed = True
        parked, self._parked, self._last = self._parked, {}, None
        running = asyncio.get_running_loop()
        for loop, entry in parked.items():
            if loop is running:
                guard, entry.guard = entry.guard, None
                if not entry.session.closed:
                    await entry.session.close()
                if guard is not None:
                    await guard.aclose()
            elif loop.is_closed() or not loop.is_running():
                _drop(entry)

    def __del__(self, _warn: Any = warnings.warn) -> None:
        unclosed = self._opened and not self._closed
        try:
            # Clean up first: with ResourceWarning turned into an error (-W error, pytest's
            # filterwarnings), the warning below raises, and cleanup after it would never
            # run -- leaving aiohttp to warn again about the connector and session.
            for parked in list(self._parked.values()):
                if not parked.session.closed:
                    _drop(parked)
        finally:
            if unclosed:
                _warn(
                    f"unclosed {self.label} client created at {self.created_at}; close it "
                    "with 'await client.aclose()' or use 'async with'",
                    ResourceWarning,
                    source=self,
                )

"""The base of every vendor emulator: one kit server that starts and stops with it."""

from __future__ import annotations

from types import TracebackType
from typing import ClassVar, TypeVar

from .errors import EmulatorBug
from .server import EmulatorServer

__all__ = ["VendorEmulator"]

_E = TypeVar("_E", bound="VendorEmulator")


class VendorEmulator:
    """A vendor's API in memory on a loopback port; subclasses build :attr:`server`.

    Use it as ``async with Emulator(...) as emulator:`` (or :meth:`start`/:meth:`stop`).
    Faults can be scheduled on ``server.faults`` before starting; like any kit server it runs
    once.

    A subclass builds its server with its own error renderer, so malformed requests (a
    :class:`~common.testing.errors.BadRequest` from its handlers or the kit's readers in
    :mod:`common.testing.parsing`) are answered in the vendor's error shape::

        self.server = EmulatorServer(create_app(self), render_error=render_bad_request)
    """

    #: Where the API lives under the root URL, e.g. ``"/api/v1"``.
    api_prefix: ClassVar[str] = ""

    #: The kit server: ``.requests`` (the log), ``.faults``, ``.rate_limit``.
    server: EmulatorServer

    @property
    def url(self) -> str:
        """The root URL, e.g. ``http://127.0.0.1:54321`` (only while running)."""
        return self.server.url

    @property
    def api_url(self) -> str:
        """The API's base URL, ``{url}{api_prefix}`` (what a client's ``base_url`` takes)."""
        return f"{self.server.url}{self.api_prefix}"

    @property
    def bugs(self) -> list[EmulatorBug]:
        """The exceptions that escaped a handler and were not malformed input (each was a 500)."""
        return self.server.bugs

    async def start(self) -> None:
        """Listen on a loopback port."""
        await self.server.start()

    async def stop(self) -> None:
        """Stop listening (idempotent)."""
        await self.server.stop()

    async def __aenter__(self: _E) -> _E:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

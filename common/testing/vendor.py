"""The base of every vendor emulator: one kit server that starts and stops with it.

Every vendor emulator has the same face::

    async with AmiqusEmulator() as emulator:
        client = AmiqusClient(base_url=emulator.url, **emulator.credentials)
        emulator.faults.add(Fault.status(503), times=1)
        ...
        assert emulator.requests.last.status == 200

* ``url``: the API's base URL, what the vendor's client takes as ``base_url``;
  ``origin``: the bare server (``http://127.0.0.1:54321``), for paths outside the API;
* ``server``: the kit server; ``requests`` (its log), ``faults`` (its fault plan),
  ``rate_limit`` (what makes it answer 429, ``None``: nothing) and ``bugs`` are its own;
* ``credentials``: the keyword arguments the vendor's client authenticates with, each also an
  attribute of the same name (``token``, ``api_key``, ``username``, ``password``...).
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from types import TracebackType
from typing import ClassVar, TypeVar

from .errors import EmulatorBug
from .faults import FaultPlan
from .ratelimit import ServerRateLimit
from .recorder import RequestLog
from .server import EmulatorServer

__all__ = ["VendorEmulator"]

_E = TypeVar("_E", bound="VendorEmulator")


class VendorEmulator:
    """A vendor's API in memory on a loopback port; subclasses build :attr:`server`.

    Use it as ``async with Emulator(...) as emulator:`` (or :meth:`start`/:meth:`stop`).
    Faults can be scheduled on :attr:`faults` before starting; like any kit server it runs
    once.

    A subclass builds its server with its own error renderer, so refusals (a
    :class:`~common.testing.errors.Refusal` from its handlers, a
    :class:`~common.testing.errors.BadRequest` from the kit's readers) are answered in the
    vendor's error shape::

        self.server = EmulatorServer(create_app(self), render_error=render_refusal)
    """

    #: Where the API lives under the server's root, e.g. ``"/api/v1"``.
    api_prefix: ClassVar[str] = ""

    #: The kit server: ``.requests`` (the log), ``.faults``, ``.rate_limit``.
    server: EmulatorServer

    # -- where it is -------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The API's base URL, ``{origin}{api_prefix}``: what the vendor client's ``base_url``
        takes (only while running)."""
        return f"{self.server.url}{self.api_prefix}"

    @property
    def origin(self) -> str:
        """The bare server, e.g. ``http://127.0.0.1:54321`` (only while running)."""
        return self.server.url

    @property
    def api_url(self) -> str:
        """Deprecated alias of :attr:`url` (the API's base URL)."""
        warnings.warn(
            f"{type(self).__name__}.api_url is deprecated: use .url (the API's base URL; "
            ".origin is the bare server)",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.url

    @property
    def running(self) -> bool:
        """``True`` between :meth:`start` and :meth:`stop`."""
        return self.server.running

    # -- what the kit server does ------------------------------------------------------------

    @property
    def requests(self) -> RequestLog:
        """Every request received, oldest first (the server's log)."""
        return self.server.requests

    @property
    def faults(self) -> FaultPlan:
        """The faults to inject (the server's plan)."""
        return self.server.faults

    @property
    def rate_limit(self) -> ServerRateLimit | None:
        """The request rate past which the emulator answers 429 (``None``: never).

        Assigning a new value (at any time) starts with an empty window.
        """
        return self.server.rate_limit

    @rate_limit.setter
    def rate_limit(self, value: ServerRateLimit | None) -> None:
        self.server.rate_limit = value

    @property
    def bugs(self) -> list[EmulatorBug]:
        """The exceptions that escaped a handler and were not malformed input (each was a 500)."""
        return self.server.bugs

    @property
    def credentials(self) -> Mapping[str, object]:
        """The keyword arguments the vendor's client takes besides ``base_url`` (none by
        default): ``Client(base_url=emulator.url, **emulator.credentials)``. A vendor
        emulator types them (a ``TypedDict``), so that call type-checks."""
        return {}

    # -- running -----------------------------------------------------------------------------

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

    def __repr__(self) -> str:
        where = self.url if self.server.running else "not running"
        return f"<{type(self).__name__} {where}>"

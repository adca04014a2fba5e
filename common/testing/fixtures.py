"""pytest fixtures for the four vendor emulators, and a client connected to each.

They come with the kit's plugin (:mod:`common.testing.pytest_plugin`), which pytest loads by
itself once this package is installed (a ``pytest11`` entry point): no ``pytest_plugins``
line needed. With plugin autoloading off (``PYTEST_DISABLE_PLUGIN_AUTOLOAD``), pass
``-p common.testing.pytest_plugin`` or keep ``pytest_plugins = ["common.testing.pytest_plugin"]``
in your top-level ``conftest.py``. pytest-asyncio is required (``auto`` or ``strict`` mode);
without it, a test asking for one of these fixtures fails saying so.

::

    async def test_sync_survives_a_503(amilia_emulator, amilia_client):
        amilia_emulator.server.faults.add(Fault.status(503), times=1)
        await my_sync(amilia_client)               # your code, given the client
        assert amilia_emulator.server.requests.last.status == 200

Fixtures (function scope; each emulator is started for the test and stopped after it):

* ``amiqus_emulator``, ``intakeq_emulator``, ``amilia_emulator``, ``trackops_emulator``: the
  vendor emulators with their default seeded data and **no rate limit**, so that tests never
  wait on a quota (a test of your code's handling of 429s schedules
  ``Fault.rate_limited(...)``, or builds a limited emulator with ``start_emulator``).
* ``amiqus_client``, ``intakeq_client``, ``amilia_client``, ``trackops_client``: an open client
  of each vendor pointed at its emulator, with the emulator's credentials and no client-side
  rate limit; closed after the test.
* ``start_emulator``: ``await start_emulator(AmiliaEmulator(rate_limit=5, seed=3))`` starts
  any emulator you configure yourself; every one is stopped after the test.

Fault injection: every emulator's ``server.faults.add(fault, method=..., path=..., times=...)``
takes the kit's faults (``Fault.status(503)``, ``Fault.rate_limited("2")``,
``Fault.latency(0.5)``, ``Fault.reset()``, ``Fault.malformed_json()``, ...; see
:mod:`common.testing.faults`); ``server.requests`` is the log of what arrived. The vendor
packages are imported when a fixture first runs, not when pytest starts.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar, cast

import pytest

from common.testing.server import stop_newest_first
from common.testing.vendor import VendorEmulator

if TYPE_CHECKING:
    from amilia_async import AmiliaClient
    from amilia_async.emulator import AmiliaEmulator
    from amiqus_async import AmiqusClient
    from amiqus_async.emulator import AmiqusEmulator
    from caseupdates_async import TrackopsClient
    from caseupdates_async.emulator import TrackopsEmulator
    from intakeq_async import IntakeQClient
    from intakeq_async.emulator import IntakeQEmulator

__all__ = [
    "EmulatorStarter",
    "amilia_client",
    "amilia_emulator",
    "amiqus_client",
    "amiqus_emulator",
    "intakeq_client",
    "intakeq_emulator",
    "start_emulator",
    "trackops_client",
    "trackops_emulator",
]

_E = TypeVar("_E", bound=VendorEmulator)
_S = TypeVar("_S", bound="EmulatorStarter")
_F = TypeVar("_F", bound=Callable[..., Any])


def _async_fixture(function: _F) -> _F:
    """pytest-asyncio's fixture (function-scoped loop); without pytest-asyncio, a fixture of
    the same name that fails the test saying what to install, so that loading this module (the
    entry point does, in every project that installs the package) never breaks pytest."""
    try:
        import pytest_asyncio
    except ImportError:
        return cast(_F, _needs_pytest_asyncio(function.__name__))
    return cast(_F, pytest_asyncio.fixture(loop_scope="function")(function))


def _needs_pytest_asyncio(name: str) -> object:
    @pytest.fixture(name=name)
    def needs_pytest_asyncio() -> NoReturn:
        pytest.fail(f"the {name} fixture needs pytest-asyncio: pip install pytest-asyncio")

    return needs_pytest_asyncio


class EmulatorStarter:
    """Start vendor emulators on demand and stop them all at once (``start_emulator``)."""

    def __init__(self) -> None:
        self.started: list[VendorEmulator] = []

    async def __call__(self, emulator: _E) -> _E:
        """Start *emulator* (not started yet) and return it; it is stopped by :meth:`aclose`."""
        await emulator.start()
        self.started.append(emulator)
        return emulator

    async def aclose(self) -> None:
        """Stop every emulator started here, newest first."""
        started, self.started = self.started, []
        await stop_newest_first(started)

    async def __aenter__(self: _S) -> _S:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


@_async_fixture
async def start_emulator() -> AsyncIterator[EmulatorStarter]:
    """``await start_emulator(SomeEmulator(...))``; all are stopped after the test."""
    async with EmulatorStarter() as starter:
        yield starter


# -- the emulators ----------------------------------------------------------------------------


@_async_fixture
async def amiqus_emulator() -> AsyncIterator[AmiqusEmulator]:
    """The Amiqus ID emulator (seeded; token ``emulator-token``; no rate limit)."""
    from amiqus_async.emulator import AmiqusEmulator

    async with AmiqusEmulator(rate_limit=None) as emulator:
        yield emulator


@_async_fixture
async def intakeq_emulator() -> AsyncIterator[IntakeQEmulator]:
    """The IntakeQ emulator (seeded; key ``emulator-key``; no minute or day quota)."""
    from intakeq_async.emulator import IntakeQEmulator

    async with IntakeQEmulator(per_minute=None, per_day=None) as emulator:
        yield emulator


@_async_fixture
async def amilia_emulator() -> AsyncIterator[AmiliaEmulator]:
    """The Amilia emulator (organization ``demo-org``, seeded; no rate limit)."""
    from amilia_async.emulator import AmiliaEmulator

    async with AmiliaEmulator(rate_limit=None) as emulator:
        yield emulator


@_async_fixture
async def trackops_emulator() -> AsyncIterator[TrackopsEmulator]:
    """The Trackops emulator (seeded; user ``api-user``; no rate limit)."""
    from caseupdates_async.emulator import TrackopsEmulator

    async with TrackopsEmulator(rate_limit=None) as emulator:
        yield emulator


# -- a client on each -------------------------------------------------------------------------


@_async_fixture
async def amiqus_client(amiqus_emulator: AmiqusEmulator) -> AsyncIterator[AmiqusClient]:
    """An open :class:`~amiqus_async.AmiqusClient` on ``amiqus_emulator``."""
    from amiqus_async import AmiqusClient

    async with AmiqusClient(
        token=amiqus_emulator.token, base_url=amiqus_emulator.url, rate_limit=None
    ) as client:
        yield client


@_async_fixture
async def intakeq_client(intakeq_emulator: IntakeQEmulator) -> AsyncIterator[IntakeQClient]:
    """An open :class:`~intakeq_async.IntakeQClient` on ``intakeq_emulator``."""
    from intakeq_async import IntakeQClient

    async with IntakeQClient(
        api_key=intakeq_emulator.api_key, base_url=intakeq_emulator.url, rate_limit=None
    ) as client:
        yield client


@_async_fixture
async def amilia_client(amilia_emulator: AmiliaEmulator) -> AsyncIterator[AmiliaClient]:
    """An open :class:`~amilia_async.AmiliaClient` on ``amilia_emulator`` (username and
    password: it logs in at the first call)."""
    from amilia_async import AmiliaClient

    async with AmiliaClient(
        organization=amilia_emulator.organization,
        username=amilia_emulator.username,
        password=amilia_emulator.password,
        base_url=amilia_emulator.url,
        rate_limit=None,
    ) as client:
        yield client


@_async_fixture
async def trackops_client(
    trackops_emulator: TrackopsEmulator,
) -> AsyncIterator[TrackopsClient]:
    """An open :class:`~caseupdates_async.TrackopsClient` on ``trackops_emulator``."""
    from caseupdates_async import TrackopsClient

    async with TrackopsClient(
        username=trackops_emulator.username,
        api_token=trackops_emulator.api_token,
        base_url=trackops_emulator.url,
        rate_limit=None,
    ) as client:
        yield client

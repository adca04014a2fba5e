"""pytest fixtures for the emulator kit.

Enable them in a ``conftest.py`` at the top of your test tree::

    pytest_plugins = ["common.testing.pytest_plugin"]

then::

    async def test_retries_on_503(emulator):
        server = await emulator(make_app())
        server.faults.add(Fault.status(503), times=2)
        ...

Fixtures (function scope, function-scoped event loop; pytest-asyncio is required and both its
``auto`` and ``strict`` modes work):

* ``emulator``: an :class:`~common.testing.EmulatorFactory`; ``await emulator(app, ...)`` starts
  a server on loopback; every server it started is stopped at teardown.
* ``closed_port``: a loopback port number with nothing listening (connection refused).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from common.testing.server import EmulatorFactory
from common.testing.server import closed_port as _find_closed_port

__all__ = ["closed_port", "emulator"]


@pytest_asyncio.fixture(loop_scope="function")
async def emulator() -> AsyncIterator[EmulatorFactory]:
    """Start emulators with ``await emulator(app)``; all are stopped after the test."""
    async with EmulatorFactory() as factory:
        yield factory


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens, so connecting is refused."""
    return _find_closed_port()

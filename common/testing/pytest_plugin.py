"""pytest fixtures for the emulator kit, and a check that no emulator had a bug.

pytest loads this plugin by itself once the package is installed (a ``pytest11`` entry point);
with plugin autoloading off, pass ``-p common.testing.pytest_plugin`` or keep
``pytest_plugins = ["common.testing.pytest_plugin"]`` in your top-level ``conftest.py``. Then::

    async def test_retries_on_503(emulator):
        server = await emulator(make_app())
        server.faults.add(Fault.status(503), times=2)
        ...

Fixtures (function scope, function-scoped event loop; pytest-asyncio is required and both its
``auto`` and ``strict`` modes work):

* ``emulator``: an :class:`~common.testing.EmulatorFactory`; ``await emulator(app, ...)`` starts
  a server on loopback; every server it started is stopped at teardown.
* ``closed_port``: a loopback port number with nothing listening (connection refused).
* the vendor emulators and a client on each (``amiqus_emulator``, ``amiqus_client``, ...,
  ``start_emulator``): see :mod:`common.testing.fixtures`.

Without pytest-asyncio the plugin still loads; a test asking for an async fixture fails
saying what to install.

Emulator bugs: an exception that escapes an emulator's handler without being malformed input
is answered 500 (see :mod:`common.testing.errors`). A test during which any kit server (a
vendor emulator too, however it was started) had such a bug **fails**, with the bug's traceback
in the report, even if it never looked at the status; a test that already failed keeps its own
failure (so an ``xfail`` stays one). Mark a test ``@pytest.mark.allow_emulator_bugs`` when the
bug is what it is about.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Generator

import pytest

from common.testing.errors import BugCollector
from common.testing.fixtures import *  # noqa: F403  (the vendor fixtures: see its __all__)
from common.testing.fixtures import _async_fixture
from common.testing.server import EmulatorFactory
from common.testing.server import closed_port as _find_closed_port

__all__ = ["closed_port", "emulator"]

#: The marker that lets a test pass although an emulator had a bug during it.
ALLOW_MARKER = "allow_emulator_bugs"

_COLLECTOR = pytest.StashKey[BugCollector]()
_REPORTED = pytest.StashKey[int]()


@_async_fixture
async def emulator() -> AsyncIterator[EmulatorFactory]:
    """Start emulators with ``await emulator(app)``; all are stopped after the test."""
    async with EmulatorFactory() as factory:
        yield factory


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens, so connecting is refused."""
    return _find_closed_port()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{ALLOW_MARKER}: an emulator answering 500 for an exception in its handler "
        "(an emulator bug) does not fail this test",
    )


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, None, None]:
    collector = BugCollector().__enter__()
    item.stash[_COLLECTOR] = collector
    item.stash[_REPORTED] = 0
    return (yield)


@pytest.hookimpl(wrapper=True, trylast=True)
def pytest_runtest_teardown(
    item: pytest.Item, nextitem: pytest.Item | None
) -> Generator[None, None, None]:
    try:
        return (yield)
    finally:
        collector = item.stash.get(_COLLECTOR, None)
        if collector is not None:
            collector.__exit__(None, None, None)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    collector = item.stash.get(_COLLECTOR, None)
    if collector is None or call.when == "setup":
        return report  # setup's bugs are reported with the call's (the test did not run yet)
    already = item.stash.get(_REPORTED, 0)
    new = collector.bugs[already:]
    item.stash[_REPORTED] = len(collector.bugs)
    if call.when == "teardown":  # the last report: let the bugs (and their frames) go
        del item.stash[_COLLECTOR]
    if not new or not report.passed or item.get_closest_marker(ALLOW_MARKER) is not None:
        return report
    lines = [f"{len(new)} emulator bug(s) (500 answered for an exception in a handler):"]
    for bug in new:
        lines += ["", bug.summary(), bug.traceback.rstrip()]
    lines += ["", f"(mark the test @pytest.mark.{ALLOW_MARKER} if this is expected)"]
    report.outcome = "failed"
    report.longrepr = "\n".join(lines)
    return report

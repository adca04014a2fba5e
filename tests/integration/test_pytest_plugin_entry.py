"""The emulator fixtures reach a user's tests through the ``pytest11`` entry point.

A user's project with no ``conftest.py`` and no ``pytest_plugins`` line gets every vendor
fixture once this distribution is installed. The entry point is named after the plugin's
module, so a ``pytest_plugins = ["common.testing.pytest_plugin"]`` line kept from before (as in
this repository's own ``tests/conftest.py``) finds the plugin already loaded instead of
registering it twice.
"""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pytest

import common.testing.pytest_plugin
from common.testing import fixtures

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = "common.testing.pytest_plugin"
DISTRIBUTION = "vendor-clients-async"
REINSTALL = ".venv/bin/pip install -e . (or bash .ci/setup)"

# A user's test file: every fixture, a fault, and the log of what the emulator received.
USERS_TESTS = """
import re

import pytest

from common.testing import Fault


@pytest.mark.asyncio
async def test_amiqus(amiqus_emulator, amiqus_client):
    client = await amiqus_client.clients.list().first()
    assert client.id in amiqus_emulator.data.clients


@pytest.mark.asyncio
async def test_intakeq_has_no_quota_to_wait_for(intakeq_emulator, intakeq_client):
    for _ in range(15):  # past the standard plan's 10 a minute
        await intakeq_client.clients.list().first()
    assert {entry.status for entry in intakeq_emulator.server.requests} == {200}


@pytest.mark.asyncio
async def test_amilia_retries_an_injected_503(amilia_emulator, amilia_client):
    amilia_emulator.server.faults.add(Fault.status(503), path=re.compile(".*/programs/1"))
    program = await amilia_client.programs.get(1)
    assert program.id == 1
    got = amilia_emulator.server.requests.filter(path=re.compile(".*/programs/1"))
    assert [entry.status for entry in got] == [503, 200]


@pytest.mark.asyncio
async def test_trackops(trackops_emulator, trackops_client):
    count = await trackops_client.cases.count()
    assert count.record_count == len(trackops_emulator.data.cases)


@pytest.mark.asyncio
async def test_start_emulator_takes_a_configured_one(start_emulator):
    from caseupdates_async.emulator import TrackopsEmulator

    emulator = await start_emulator(TrackopsEmulator(rate_limit=2, contacts=3))
    assert emulator.server.running
    assert len(emulator.data.contacts) == 3
"""


def _installed_entry_points() -> list[importlib.metadata.EntryPoint]:
    try:
        distribution = importlib.metadata.distribution(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - run from a bare tree
        return []
    return [entry for entry in distribution.entry_points if entry.group == "pytest11"]


def _users_project(pytester: pytest.Pytester) -> None:
    pytester.makeini(
        "[pytest]\nasyncio_mode = strict\nasyncio_default_fixture_loop_scope = function\n"
    )
    pytester.makepyfile(test_users=USERS_TESTS)


def test_pyproject_declares_the_entry_point_under_the_plugins_module_name() -> None:
    """``[project.entry-points.pytest11]`` maps the plugin's module name to the module."""
    text = (ROOT / "pyproject.toml").read_text()
    _, found, rest = text.partition("\n[project.entry-points.pytest11]\n")
    assert found, "pyproject.toml has no [project.entry-points.pytest11] table"
    table = rest.split("\n[", 1)[0]
    assert f'"{PLUGIN}" = "{PLUGIN}"' in table.splitlines()


def test_the_plugin_brings_every_vendor_fixture() -> None:
    """The plugin module holds the vendor fixtures (pytest finds fixtures by module attribute)."""
    for name in fixtures.__all__:
        assert getattr(common.testing.pytest_plugin, name, None) is getattr(fixtures, name), name


def test_a_users_tests_get_the_fixtures_with_no_conftest(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a fresh pytest process with plugin autoloading on (pytest's default) and no
    conftest, the vendor fixtures just work: the entry point loaded the plugin."""
    installed = _installed_entry_points()
    if not any(entry.name == PLUGIN and entry.value == PLUGIN for entry in installed):
        pytest.skip(f"the pytest11 entry point is not installed yet: run {REINSTALL}")
    monkeypatch.delenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    _users_project(pytester)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-W", "error")
    result.assert_outcomes(passed=5)


def test_a_kept_pytest_plugins_line_is_no_error(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A conftest still naming the plugin (written before the entry point existed) works
    alongside it: the plugin is registered once."""
    installed = _installed_entry_points()
    if not any(entry.name == PLUGIN for entry in installed):
        pytest.skip(f"the pytest11 entry point is not installed yet: run {REINSTALL}")
    monkeypatch.delenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    _users_project(pytester)
    pytester.makeconftest(f"pytest_plugins = [{PLUGIN!r}]")
    result = pytester.runpytest("-p", "no:cacheprovider", "-W", "error")
    result.assert_outcomes(passed=5)


def test_with_autoloading_off_dash_p_names_the_plugin(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``PYTEST_DISABLE_PLUGIN_AUTOLOAD=1``: ``-p pytest_asyncio.plugin -p
    common.testing.pytest_plugin`` is all a user adds (pytest-asyncio's first, as the kit's
    plugin imports it)."""
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    _users_project(pytester)
    result = pytester.runpytest(
        "-p", "pytest_asyncio.plugin", "-p", PLUGIN, "-p", "no:cacheprovider", "-W", "error"
    )
    result.assert_outcomes(passed=5)


def test_without_pytest_asyncio_the_fixtures_say_what_to_install(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The entry point loads the fixtures in every project with the package installed; one
    without pytest-asyncio still runs its tests, and only a test asking for an emulator
    fixture fails, naming the missing package."""
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    pytester.makeconftest(
        """
        import sys

        sys.modules["pytest_asyncio"] = None  # as if pytest-asyncio were not installed
        pytest_plugins = ["common.testing.fixtures"]
        """
    )
    pytester.makepyfile(
        test_users="""
        def test_unrelated():
            assert True

        def test_wants_an_emulator(trackops_emulator):
            raise AssertionError("not reached")
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-W", "error")
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(
        ["*the trackops_emulator fixture needs pytest-asyncio: pip install pytest-asyncio*"]
    )

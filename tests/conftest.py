"""Fixtures shared by the whole test tree: the emulator kit's, pytester for plugin tests, and
``mocked`` (aioresponses, patched for this aiohttp)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import aiohttp
import pytest
from aioresponses import aioresponses

from amilia_async.client import ENVIRONMENT as AMILIA_ENVIRONMENT
from amiqus_async.client import ENVIRONMENT as AMIQUS_ENVIRONMENT
from caseupdates_async.client import ENVIRONMENT as TRACKOPS_ENVIRONMENT
from intakeq_async.client import ENVIRONMENT as INTAKEQ_ENVIRONMENT
from tests.leaks import no_leaks

pytest_plugins = ["common.testing.pytest_plugin", "pytester"]

__all__ = ["mocked", "no_credentials_from_the_environment", "no_leaks"]

_CREDENTIAL_VARIABLES = frozenset(
    name
    for environment in (
        AMILIA_ENVIRONMENT,
        AMIQUS_ENVIRONMENT,
        TRACKOPS_ENVIRONMENT,
        INTAKEQ_ENVIRONMENT,
    )
    for name in environment.values()
)


@pytest.fixture(autouse=True)
def no_credentials_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's exported AMIQUS_TOKEN (and the like) never reaches a test's client."""
    for name in _CREDENTIAL_VARIABLES:
        monkeypatch.delenv(name, raising=False)


class _NoStreamWriter:
    """Stands in for the request writer aiohttp 3.14 hands every response."""

    output_size = 0


class _CompatResponse(aiohttp.ClientResponse):
    """aioresponses 0.7.9 builds responses without aiohttp 3.14's new `stream_writer`
    argument (pnuckowski/aioresponses#289, open); supply it until a release does."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("stream_writer", _NoStreamWriter())
        super().__init__(*args, **kwargs)


@pytest.fixture
def mocked(monkeypatch: pytest.MonkeyPatch) -> Iterator[aioresponses]:
    """aioresponses, patched to build responses aiohttp 3.14 accepts."""
    monkeypatch.setattr("aioresponses.core.ClientResponse", _CompatResponse)
    with aioresponses() as mock:
        yield mock

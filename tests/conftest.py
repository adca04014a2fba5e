"""Fixtures shared by the whole test tree: the emulator kit's, pytester for plugin tests, and
``mocked`` (aioresponses, patched for this aiohttp)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import aiohttp
import pytest
from aioresponses import aioresponses

from tests.leaks import no_leaks

pytest_plugins = ["common.testing.pytest_plugin", "pytester"]

__all__ = ["mocked", "no_leaks"]


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

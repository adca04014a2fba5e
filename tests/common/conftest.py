"""Fixtures for the unit tests of ``common``: a ready demo client (``mocked`` is tree-wide)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from .support import BASE, FAST_RETRIES, DemoClient


@pytest.fixture
async def client() -> AsyncIterator[DemoClient]:
    """A demo client with fast retries, closed after the test."""
    async with DemoClient(base_url=BASE, retry=FAST_RETRIES) as demo:
        yield demo

"""Fixtures for the Amiqus tests: the spec validator (once per session) and the emulator."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from amiqus_async.emulator import AmiqusEmulator
from tests.amiqus.openapi import SpecValidator


@pytest.fixture(scope="session")
def spec_validator() -> SpecValidator:
    """The Amiqus OpenAPI spec, loaded once (about 2 s); skips where the spec is absent."""
    return SpecValidator.load()


@pytest_asyncio.fixture(loop_scope="function")
async def amiqus_emulator() -> AsyncIterator[AmiqusEmulator]:
    """A running emulator keeping every exchange (``record_responses=True``)."""
    async with AmiqusEmulator(record_responses=True) as emulator:
        yield emulator

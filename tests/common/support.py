"""Helpers shared by the unit tests of ``common``: a demo client and request lookups."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import aiohttp
from aioresponses import aioresponses
from yarl import URL

from common import BaseClient, RetryPolicy

BASE = "https://api.example.test/v1"

#: Retries with next to no waiting, for tests that count attempts.
FAST_RETRIES = RetryPolicy(backoff_base=0.001, backoff_max=0.01)


class DemoClient(BaseClient):
    """The smallest vendor client: what the unit tests drive."""

    vendor = "demo"
    logger_name = "demo_async"


def refused() -> aiohttp.ClientConnectorError:
    """The error aiohttp raises when nothing listens on the port."""
    key: Any = SimpleNamespace(host="api.example.test", port=443, ssl=True)
    return aiohttp.ClientConnectorError(key, ConnectionRefusedError(111, "Connection refused"))


def calls(mock: aioresponses, method: str, url: str) -> list[Any]:
    """The requests aioresponses saw for *method* and exact *url* (query included)."""
    return list(mock.requests.get((method.upper(), URL(url)), []))


#: The checkout under test: a fresh interpreter imports the library from here.
ROOT = Path(__file__).resolve().parents[2]


def run_fresh(code: str) -> list[str]:
    """The lines *code* prints in a fresh interpreter (this checkout first on its path)."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()

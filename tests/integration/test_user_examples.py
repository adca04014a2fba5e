"""The examples for each kind of user (web app, sync job, bot) run and do what they say."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from examples import bot, sync_job, web_app

ROOT = Path(__file__).resolve().parents[2]


async def test_the_web_app_shares_one_client_and_closes_it_at_cleanup() -> None:
    """20 concurrent requests, one Amilia login; a 404 passed on; the client closed at exit."""
    lines: list[str] = []
    facts = await web_app.demo(lines.append)
    assert facts["concurrent"] == [200] * 20
    assert facts["logins"] == 1
    assert facts["listed"] == 4
    assert facts["not_found"] == 404
    assert facts["client_open_while_serving"] is True
    assert facts["client_closed"] is True
    assert lines[-1] == "app stopped; its Amilia client closed: True"


def test_the_sync_job_fetches_every_account_and_reports_the_failures() -> None:
    """300 accounts listed lazily, fetched 10 at a time, in order; 3 deletions reported."""
    lines: list[str] = []
    facts = sync_job.run_job(
        accounts=300, concurrency=10, deleted=3, progress=False, out=lines.append
    )
    assert facts["listed"] == 300
    assert facts["listing_requests"] == 2  # 200 a page
    assert facts["fetched"] == 297
    assert facts["failures"] == {"NotFoundError": 3}
    assert facts["failed_ids"] == [151, 152, 153]
    assert facts["in_order"] is True
    assert facts["contacts"] > 200
    assert facts["rate"] > 0
    assert facts["logins"] == 1
    assert facts["client_closed"] is True
    assert any("requests/s at concurrency 10" in line for line in lines)
    assert any("297 ok, 3 failed (NotFoundError x3)" in line for line in lines)


async def test_the_bot_survives_a_command_cancelled_mid_request() -> None:
    """The hanging request is cancelled at once; the next commands are answered as usual."""
    lines: list[str] = []
    facts = await bot.demo(lines.append, hang=30.0)
    replies: list[str] = facts["replies"]
    cancelled = replies.index("'program 2': cancelled")
    assert replies[cancelled - 1] == "cancelled 1 command(s)"
    assert replies[cancelled + 1].startswith("program #1: Aquatics")
    assert replies[cancelled + 2].startswith("'program 424242': not found")
    assert replies[cancelled + 3].startswith("program #1: Swimming")
    assert facts["cancel_seconds"] < 5  # not the 30 s the emulator would have taken
    assert facts["client_state"] == "opened"
    assert facts["logins"] == 1
    assert facts["client_closed"] is True


@pytest.mark.parametrize(
    ("module", "args", "expected"),
    [
        ("examples.web_app", [], "its Amilia client closed: True"),
        ("examples.sync_job", ["--accounts", "200"], "done; client closed: True"),
        ("examples.bot", [], "bye; client closed: True"),
    ],
)
def test_each_example_runs_as_a_module(module: str, args: list[str], expected: str) -> None:
    """`python -m examples.<name>` exits 0 and ends with its closing line."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", module, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].endswith(expected)

"""The examples run, and do what they say (the README's demo command is the tour)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from examples.tour import amilia_tour, amiqus_tour, intakeq_tour, tour, trackops_tour

ROOT = Path(__file__).resolve().parents[2]


async def test_the_tour_walks_every_flow() -> None:
    """The tour creates, pages, survives a 429, types a 422, round-trips a file, refuses a host."""
    lines: list[str] = []
    facts = await tour(lines.append)
    assert facts["created"] == 120
    assert facts["pages"] == [50, 50, 20]
    assert facts["listed"] == 120
    assert facts["retried_429"] == [429, 201]
    assert facts["validation"] == {"name": ["The name field is required."]}
    assert facts["file_roundtrip"] is True
    assert facts["foreign_refused"] is True
    assert lines[-1].endswith("client closed: True")


async def test_the_amilia_part_logs_in_once_and_pages_both_ways() -> None:
    """Amilia: one login for 20 calls, several v3 pages, a v2 listing, one re-login, a 404."""
    facts = await amilia_tour(lambda line: None)
    assert facts["logins"] == 1
    assert facts["account_pages"] >= 3
    assert facts["v2_activities"] >= 250
    assert facts["logins_after_expiry"] == 2
    assert facts["transaction_id"]


async def test_the_intakeq_and_trackops_parts() -> None:
    """IntakeQ round-trips a file within its quota; Trackops pages 120 contacts by 50."""
    intakeq = await intakeq_tour(lambda line: None)
    assert intakeq["file_identical"] is True
    assert 0 < intakeq["quota_used"] <= 10
    trackops = await trackops_tour(lambda line: None)
    assert trackops["contact_pages"] == [50, 50, 20]


async def test_the_amiqus_part() -> None:
    """Amiqus pages 30 clients by 12, round-trips a file, waits out a 429, types a 422."""
    facts = await amiqus_tour(lambda line: None)
    assert facts["client_pages"] == [12, 12, 7]  # 30 seeded, plus the one the tour made
    assert facts["file_identical"] is True
    assert facts["retried_429"] == [429, 200]
    assert "name.first_name" in facts["field_errors"]


def test_the_tour_runs_as_a_script() -> None:
    """`python examples/tour.py` exits 0 and prints its six steps."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "tour.py")],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for vendor in ("Amilia", "IntakeQ", "Trackops", "Amiqus"):
        assert f"{vendor}, against its emulator" in result.stdout
    assert [line[:3] for line in result.stdout.splitlines()[1:7]] == [
        " 1.",
        " 2.",
        " 3.",
        " 4.",
        " 5.",
        " 6.",
    ]

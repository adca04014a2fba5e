"""The benchmarks still run: ``python bench/run.py --quick`` exits 0 and prints every ratio.

No timing is asserted here (the sizes are tiny and CI machines are shared): the numbers are
for ``python bench/run.py`` on a quiet machine, recorded in bench/README.md.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: The key of every row the full run prints, one per figure.
FIGURES = (
    "0.decode",
    "1.get-c1",
    "1.get-c10",
    "1.get-c100",
    "1.get-c1-uvloop",
    "1.get-c10-uvloop",
    "1.get-c100-uvloop",
    "1.get-typed-c10",
    "1.get-typed-c100",
    "1.get-httpx-c10",
    "1.get-httpx-c100",
    "2.list-seq-0ms",
    "2.list-prefetch-0ms",
    "2.list-seq-10ms",
    "2.list-prefetch-10ms",
    "2.list-seq-0ms-uvloop",
    "2.list-prefetch-0ms-uvloop",
    "2.list-seq-10ms-uvloop",
    "2.list-prefetch-10ms-uvloop",
    "2.list-rss",
    "3.sync-vs-async",
    "3.sync-vs-threads",
    "4.rate-limit",
    "5.import",
    "5.import-common",
    "6.mem-clients",
    "6.mem-calls",
)


def test_bench_quick_runs_and_prints_a_ratio_for_every_figure() -> None:
    """`bench/run.py --quick` exits 0 within a minute with a ratio line per benchmark."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    rows = {
        line.split("|")[1].strip(): line
        for line in done.stdout.splitlines()
        if line.startswith("| ") and not line.startswith("| key")
    }
    for key in FIGURES:
        assert key in rows, f"no row for {key}:\n{done.stdout}"
        assert re.search(r"ratio \d+\.\d\dx", rows[key]), rows[key]
    assert "targets met" in done.stdout

"""The README's runnable examples run (each block after a `<!-- runnable -->` marker)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BLOCKS = re.findall(
    r"<!-- runnable -->\n```python\n(.*?)```", (ROOT / "README.md").read_text(), flags=re.S
)


def test_the_readme_has_runnable_examples() -> None:
    """At least one README example is marked runnable (so this check cannot pass vacuously)."""
    assert BLOCKS


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block-{i}" for i in range(len(BLOCKS))])
def test_readme_example_runs(code: str, tmp_path: Path) -> None:
    """The block runs to completion in a fresh interpreter, against loopback emulators only."""
    script = tmp_path / "example.py"
    script.write_text(code)
    result = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr

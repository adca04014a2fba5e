"""Spec in, source files out: :func:`.parser.parse`, then :func:`.render.render`, then ruff
(so the output is formatted as the committed files are)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from .parser import parse
from .render import GENERATED, render

__all__ = ["DEFAULT_SPEC", "PACKAGE", "generate", "generated_files", "orphans"]

PACKAGE = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = PACKAGE.parent.parent / "shared" / "vendor-docs" / "amiqus-openapi.json"
#: The folders the generator writes into (beside hand-written modules it leaves alone).
OUTPUT_DIRS = ("models", "resources")


def generate(spec_path: Path) -> dict[str, str]:
    """``{path relative to amiqus_async/: source}`` for every generated file."""
    return {rel: _format(text) for rel, text in render(parse(spec_path)).items()}


def generated_files(package: Path = PACKAGE) -> set[str]:
    """The files under :data:`OUTPUT_DIRS` that say they are generated."""
    return {
        path.relative_to(package).as_posix()
        for folder in OUTPUT_DIRS
        for path in (package / folder).glob("*.py")
        if GENERATED in path.read_text()
    }


def orphans(files: dict[str, str], package: Path = PACKAGE) -> list[str]:
    """Generated files the generator no longer makes (a module that was renamed or removed)."""
    return sorted(generated_files(package) - set(files))


def _format(source: str) -> str:
    beside = Path(sys.executable).parent / "ruff"  # the one the project pins, if installed
    ruff = str(beside) if beside.exists() else shutil.which("ruff") or "ruff"
    root = PACKAGE.parent
    fixed = subprocess.run(
        [ruff, "check", "--fix-only", "--quiet", "--stdin-filename", "generated.py", "-"],
        input=source,
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
    ).stdout
    return subprocess.run(
        [ruff, "format", "--stdin-filename", "generated.py", "-"],
        input=fixed,
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
    ).stdout

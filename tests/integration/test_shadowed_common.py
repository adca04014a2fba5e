"""Another top-level ``common`` first on sys.path: importing a vendor package says so clearly.

Each case runs a fresh interpreter with a temp directory holding a fake ``common`` first on
``PYTHONPATH`` (as a Django app or a monorepo's ``common`` would be), and imports one vendor
package. The ImportError must name the ``common`` found, ours, and the way out; the fake one
must never run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import common

ROOT = Path(__file__).resolve().parents[2]
OURS = Path(common.__file__).resolve()
VENDORS = ["amiqus_async", "intakeq_async", "amilia_async", "caseupdates_async"]
PACKAGES = ["common", *VENDORS]


def run(code: str, *path: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    python_path = os.pathsep.join([*(str(p) for p in path), str(ROOT)])
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": python_path},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def error_of(result: subprocess.CompletedProcess[str]) -> str:
    """The last exception line and what follows it (the message spans lines)."""
    assert result.returncode != 0, result.stdout
    start = result.stderr.rfind("ImportError: ")
    assert start >= 0, result.stderr
    return result.stderr[start:]


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_shadowing_common_package_gives_a_clear_import_error(tmp_path: Path, vendor: str) -> None:
    fake = tmp_path / "app" / "common"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text('raise RuntimeError("the fake common ran")\n')
    result = run(f"import {vendor}", tmp_path / "app", cwd=tmp_path)
    message = error_of(result)
    assert "the fake common ran" not in result.stderr  # located, never executed
    assert f"{vendor} cannot use its `common` package" in message
    assert str(fake / "__init__.py") in message
    assert str(OURS) in message
    assert "Way out: rename the other `common`" in message


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_common_module_imported_first_gives_a_clear_import_error(
    tmp_path: Path, vendor: str
) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "common.py").write_text("HELPERS = 1\n")
    result = run(f"import common; import {vendor}", tmp_path / "app", cwd=tmp_path)
    message = error_of(result)
    assert "was imported already" in message
    assert str(tmp_path / "app" / "common.py") in message
    assert str(OURS) in message


def test_without_a_shadow_every_package_imports(tmp_path: Path) -> None:
    """The control: same interpreter set-up, no fake common; and a namespace-package
    ``common`` directory (no ``__init__.py``) first on the path does not shadow ours."""
    (tmp_path / "app" / "common").mkdir(parents=True)
    (tmp_path / "app" / "common" / "helpers.py").write_text("X = 1\n")
    code = f"import {', '.join(PACKAGES)}; print(common.__file__)"
    result = run(code, tmp_path / "app", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).resolve() == OURS


def test_packages_in_a_zip_archive_still_import(tmp_path: Path) -> None:
    """From a zip (zipimport) the check has no file to read: it is skipped, not an error."""
    archive = tmp_path / "lib.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for package in PACKAGES:
            for source in sorted((ROOT / package).rglob("*.py")):
                bundle.write(source, source.relative_to(ROOT).as_posix())
    code = (
        f"import {', '.join(PACKAGES)}; "
        "print(intakeq_async.__file__); print(intakeq_async.__version__)"
    )
    result = run(code, archive, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    location, version = result.stdout.split()
    assert location.startswith(str(archive))
    assert version == common.__version__

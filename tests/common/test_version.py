"""``__version__``: one value (common/_version.py) in all five packages, the distribution's."""

from __future__ import annotations

import importlib
import importlib.metadata
import re
from pathlib import Path

import pytest
from packaging.version import Version

import common
from common import _version

PACKAGES = ["common", "amiqus_async", "intakeq_async", "amilia_async", "caseupdates_async"]
PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


@pytest.mark.parametrize("package", PACKAGES)
def test_every_package_has_the_one_version(package: str) -> None:
    version = importlib.import_module(package).__version__
    assert isinstance(version, str)
    assert version == _version.__version__
    assert str(Version(version)) == version  # valid and normalised (PEP 440)


def test_the_version_is_the_installed_distributions() -> None:
    try:
        installed = importlib.metadata.version("vendor-clients-async")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("vendor-clients-async is not installed: pip install -e '.[dev]'")
    assert common.__version__ == installed, "reinstall (pip install -e .) after a version change"


def test_the_version_is_pyprojects() -> None:
    """The literal in common/_version.py and the one in pyproject.toml say the same."""
    if not PYPROJECT.is_file():
        pytest.skip("no pyproject.toml beside the tests (an installed sdist)")
    text = PYPROJECT.read_text("utf-8")
    static = re.search(r'(?m)^version\s*=\s*"([^"]+)"', text)
    if static is None:  # the version is dynamic: hatch reads it from common/_version.py
        assert re.search(r'(?m)^dynamic\s*=\s*\[[^]]*"version"', text)
        assert 'path = "common/_version.py"' in text
    else:
        assert static.group(1) == common.__version__

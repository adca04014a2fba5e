"""A clear ImportError when another top-level ``common`` shadows this library's.

Python imports the first top-level ``common`` it finds on ``sys.path``, and many projects have
one: a Django app, a monorepo's utilities, another distribution's package. When theirs comes
first, ``from common import ...`` inside a vendor package fails with an ImportError that names
neither package. So each vendor package runs this check first, before it imports anything
from ``common``: it raises an ImportError naming the ``common`` found, the one the vendor
package needs (the ``common/`` directory beside it), and the way out.

This file is never imported as ``common._shadowing`` to do so: that import would already go to
the wrong ``common``. Each vendor's ``__init__`` reads it from the directory beside it and runs
it under its own ``__name__``, in two lines (after ``from pathlib import Path as _Path``)::

    if (_guard := _Path(__file__).parents[1] / "common" / "_shadowing.py").is_file():
        exec(compile(_guard.read_bytes(), _guard, "exec"), {"__name__": __name__})

So it uses the standard library only. Where the source is not on disk (a zip archive, a frozen
application) the check is skipped and the import goes on as before. It locates the ``common``
that would be imported without running it: a foreign ``common`` is never executed by it.
"""

import importlib.util
import os
import sys

__all__ = ["check"]


def check(package: str) -> None:
    """Raise ImportError when ``import common`` would not give *package* (a vendor package,
    being imported) the ``common`` beside it."""
    module = sys.modules.get(package)
    location = getattr(module, "__file__", None)
    if not isinstance(location, str):
        return
    ours = os.path.join(os.path.dirname(os.path.dirname(location)), "common", "__init__.py")
    found, imported = _common_found()
    if found is None or _same_file(found, ours):
        return
    message = _message(package, found, ours, imported=imported)
    raise ImportError(message, name="common", path=found)


def _common_found() -> tuple[str | None, bool]:
    """Where the ``common`` that ``import common`` gives lives, and whether it is imported
    already. ``None`` when there is none (Python will say so itself)."""
    module = sys.modules.get("common")
    if module is not None:
        location = getattr(module, "__file__", None)
        if isinstance(location, str):
            return location, True
        return repr(module), True
    try:
        spec = importlib.util.find_spec("common")  # locates it without running it
    except (ImportError, ValueError):
        return None, False
    if spec is None:
        return None, False
    if spec.origin is not None and spec.has_location:
        return spec.origin, False
    # A namespace package: only when this library's common is not on sys.path at all.
    return None, False


def _same_file(one: str, other: str) -> bool:
    return os.path.normcase(os.path.realpath(one)) == os.path.normcase(os.path.realpath(other))


def _message(package: str, found: str, ours: str, *, imported: bool) -> str:
    how = "was imported already" if imported else "comes first on sys.path"
    return (
        f"{package} cannot use its `common` package: another top-level `common` {how}:\n"
        f"    {found}\n"
        f"{package} needs the `common` installed with it (vendor-clients-async):\n"
        f"    {ours}\n"
        "Way out: rename the other `common`, or move it into a package of your own (for "
        "example `myproject.common`);\nif another installed distribution provides it, install "
        "vendor-clients-async in a virtual environment without that distribution."
    )


if __name__ != "common._shadowing":  # run by a vendor package's __init__ (see above)
    check(__name__)

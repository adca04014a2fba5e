"""Async client for the Trackops API (case updates, cases, contacts, staff, invoices, expenses).

::

    from caseupdates_async import TrackopsClient

    async with TrackopsClient(subdomain="acme", username="jo", api_token=...) as ops:
        print(await ops.cases.count(case_status=2))

The package's folder keeps the name ``caseupdates_async``; the client is
:class:`TrackopsClient` (``CaseUpdatesClient``, its name before 0.2, still works for one
release, with a :class:`DeprecationWarning`). Every error of :mod:`common.errors` is
re-exported here, the whole tree.
"""

from pathlib import Path as _Path

# First: a clear ImportError if another top-level ``common`` shadows ours (common/_shadowing.py).
if (_guard := _Path(__file__).parents[1] / "common" / "_shadowing.py").is_file():
    exec(compile(_guard.read_bytes(), _guard, "exec"), {"__name__": __name__})

from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

from common import __version__ as __version__
from common import errors as _errors
from common.errors import *  # noqa: F403 -- the whole error tree, as common.errors.__all__ names it

from . import models
from .client import TrackopsClient

__all__ = ["TrackopsClient", "models"]
__all__ += _errors.__all__

if _TYPE_CHECKING:
    from .client import CaseUpdatesClient as CaseUpdatesClient
else:

    def __getattr__(name: str) -> _Any:
        if name == "CaseUpdatesClient":
            from .client import _renamed_client

            return _renamed_client()
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

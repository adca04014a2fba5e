"""Async client for the Amilia API v3 (organizations), with the v2 public listings.

::

    from amilia_async import AmiliaClient

    async with AmiliaClient(organization="forest-explorers", username=..., password=...,
                            origin="ops@example.org") as amilia:
        async for activity in amilia.programs.list_activities(65111, show_hidden=True):
            print(activity.name, activity.spots_remaining)

Every error of :mod:`common.errors` is re-exported here, the whole tree; Amilia's
``TransactionId`` is each status error's ``request_id``.
"""

from pathlib import Path as _Path

# First: a clear ImportError if another top-level ``common`` shadows ours (common/_shadowing.py).
if (_guard := _Path(__file__).parents[1] / "common" / "_shadowing.py").is_file():
    exec(compile(_guard.read_bytes(), _guard, "exec"), {"__name__": __name__})

from common import __version__ as __version__
from common import errors as _errors
from common.errors import *  # noqa: F403 -- the whole error tree, as common.errors.__all__ names it

from . import models
from .client import DEFAULT_BASE_URL, AmiliaClient

__all__ = ["DEFAULT_BASE_URL", "AmiliaClient", "models"]
__all__ += _errors.__all__

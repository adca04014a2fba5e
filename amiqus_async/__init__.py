"""Async client of the Amiqus ID REST API v2, generated from the vendor's OpenAPI spec.

``AmiqusClient`` exposes every operation of the spec as an awaitable method on a resource
named after the spec's tag; :mod:`amiqus_async.models` holds the typed answers and request
bodies. Every error of :mod:`common.errors` is re-exported here, the whole tree.
"""

from pathlib import Path as _Path

# First: a clear ImportError if another top-level ``common`` shadows ours (common/_shadowing.py).
if (_guard := _Path(__file__).parents[1] / "common" / "_shadowing.py").is_file():
    exec(compile(_guard.read_bytes(), _guard, "exec"), {"__name__": __name__})

from common import __version__ as __version__
from common import errors as _errors
from common.errors import *  # noqa: F403 -- the whole error tree, as common.errors.__all__ names it

from .client import DEFAULT_BASE_URL, AmiqusClient

__all__ = ["DEFAULT_BASE_URL", "AmiqusClient"]
__all__ += _errors.__all__

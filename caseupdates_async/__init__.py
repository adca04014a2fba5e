"""Async client for the Trackops API (case updates, cases, contacts, staff, invoices, expenses).

::

    from caseupdates_async import CaseUpdatesClient

    async with CaseUpdatesClient(subdomain="acme", username="jo", api_token=...) as ops:
        print(await ops.cases.count(case_status=2))

Errors are the shared ones from :mod:`common.errors`, re-exported here.
"""

from pathlib import Path as _Path

# First: a clear ImportError if another top-level ``common`` shadows ours (common/_shadowing.py).
if (_guard := _Path(__file__).parents[1] / "common" / "_shadowing.py").is_file():
    exec(compile(_guard.read_bytes(), _guard, "exec"), {"__name__": __name__})

from common import __version__ as __version__
from common.errors import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    DecodeError,
    HTTPStatusError,
    InvalidRequestError,
    NotFoundError,
    RateLimitError,
    ServerError,
    TransportError,
    ValidationError,
)

from . import models
from .client import CaseUpdatesClient

__all__ = [
    "ApiError",
    "AuthenticationError",
    "BadRequestError",
    "CaseUpdatesClient",
    "DecodeError",
    "HTTPStatusError",
    "InvalidRequestError",
    "NotFoundError",
    "RateLimitError",
    "ServerError",
    "TransportError",
    "ValidationError",
    "models",
]

"""Async client for the Trackops API (case updates, cases, contacts, invoices, expenses).

::

    from caseupdates_async import CaseUpdatesClient

    async with CaseUpdatesClient(subdomain="acme", username="jo", api_token=...) as ops:
        print(await ops.cases.count(case_status=2))

Errors are the shared ones from :mod:`common.errors`, re-exported here.
"""

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

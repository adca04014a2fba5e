"""Async client for the Amilia API v3 (organizations), with the v2 public listings.

::

    from amilia_async import AmiliaClient

    async with AmiliaClient(organization="forest-explorers", username=..., password=...,
                            origin="ops@example.org") as amilia:
        async for activity in amilia.programs.list_activities(65111, show_hidden=True):
            print(activity.name, activity.spots_remaining)

Errors are the shared ones from :mod:`common.errors`, re-exported here; Amilia's
``TransactionId`` is each status error's ``request_id``.
"""

from common.errors import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    DecodeError,
    HTTPStatusError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    TransportError,
    ValidationError,
)

from . import models
from .client import DEFAULT_BASE_URL, AmiliaClient

__all__ = [
    "DEFAULT_BASE_URL",
    "AmiliaClient",
    "ApiError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "DecodeError",
    "HTTPStatusError",
    "InvalidRequestError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ServerError",
    "TransportError",
    "ValidationError",
    "models",
]

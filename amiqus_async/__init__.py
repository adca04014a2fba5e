"""Async client of the Amiqus ID REST API v2, generated from the vendor's OpenAPI spec.

``AmiqusClient`` exposes every operation of the spec as an awaitable method on a resource
named after the spec's tag; :mod:`amiqus_async.models` holds the typed answers and request
bodies. The library's errors come from :mod:`common`.
"""

from common import (
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
    ValidationError,
)

from .client import DEFAULT_BASE_URL, AmiqusClient

__all__ = [
    "DEFAULT_BASE_URL",
    "AmiqusClient",
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
    "ValidationError",
]

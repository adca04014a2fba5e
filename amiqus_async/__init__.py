"""Async client of the Amiqus ID REST API v2, generated from the vendor's OpenAPI spec.

``AmiqusClient`` exposes every operation of the spec as an awaitable method on a resource
named after the spec's tag; :mod:`amiqus_async.models` holds the typed answers and request
bodies. The library's errors come from :mod:`common`.
"""

from pathlib import Path as _Path

# First: a clear ImportError if another top-level ``common`` shadows ours (common/_shadowing.py).
if (_guard := _Path(__file__).parents[1] / "common" / "_shadowing.py").is_file():
    exec(compile(_guard.read_bytes(), _guard, "exec"), {"__name__": __name__})

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
from common import __version__ as __version__

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

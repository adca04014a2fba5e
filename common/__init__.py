"""The shared layer under every vendor client: transport, auth, retries, limits, paging, models.

Vendor packages build on these names; applications mostly meet the errors, the options types
(:class:`Timeout`, :class:`RetryPolicy`, :class:`RateLimit`) and :class:`AsyncPager`.
"""

from ._sentinel import NOT_GIVEN, NotGiven, NotGivenOr
from .auth import (
    ApiKeyHeader,
    ApiKeyHeaders,
    Auth,
    AuthFlow,
    BasicAuth,
    BearerToken,
    OAuth2RefreshToken,
    OAuth2Token,
    RefreshingAuth,
    TokenExchange,
    TokenGrant,
)
from .client import BaseClient, ClientOptions, ClientState
from .error_bodies import ErrorDetails, ErrorParser, JsonErrorParser
from .errors import (
    ApiError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConflictError,
    ConnectError,
    DecodeError,
    HTTPStatusError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ReadError,
    ServerError,
    TimeoutError,
    TransportError,
    UnsafeURLError,
    ValidationError,
)
from .files import Download, DownloadStream, FileSource, Multipart, Upload
from .limits import CoolDown, Limits, LocalRateLimiter, RateLimit, RateLimiter
from .messages import Request, Response, Timeout
from .pagination import (
    AsyncPager,
    NextIdPaging,
    NextUrlPaging,
    Page,
    PageNumberPaging,
    PagingStrategy,
    Unpaged,
)
from .params import Params, encode_params, format_path
from .resources import Resource
from .retry import RetryPolicy, parse_retry_after
from .secrets import Secret

__all__ = [
    "NOT_GIVEN",
    "ApiError",
    "ApiKeyHeader",
    "ApiKeyHeaders",
    "AsyncPager",
    "Auth",
    "AuthFlow",
    "AuthenticationError",
    "BadRequestError",
    "BaseClient",
    "BasicAuth",
    "BearerToken",
    "ClientClosedError",
    "ClientOptions",
    "ClientState",
    "ConflictError",
    "ConnectError",
    "CoolDown",
    "DecodeError",
    "Download",
    "DownloadStream",
    "ErrorDetails",
    "ErrorParser",
    "FileSource",
    "HTTPStatusError",
    "InvalidRequestError",
    "JsonErrorParser",
    "Limits",
    "LocalRateLimiter",
    "Multipart",
    "NextIdPaging",
    "NextUrlPaging",
    "NotFoundError",
    "NotGiven",
    "NotGivenOr",
    "OAuth2RefreshToken",
    "OAuth2Token",
    "Page",
    "PageNumberPaging",
    "Params",
    "PagingStrategy",
    "PermissionDeniedError",
    "RateLimit",
    "RateLimitError",
    "RateLimiter",
    "ReadError",
    "RefreshingAuth",
    "Request",
    "Resource",
    "Response",
    "RetryPolicy",
    "Secret",
    "ServerError",
    "Timeout",
    "TimeoutError",
    "TokenExchange",
    "TokenGrant",
    "TransportError",
    "Unpaged",
    "UnsafeURLError",
    "Upload",
    "ValidationError",
    "encode_params",
    "format_path",
    "parse_retry_after",
]

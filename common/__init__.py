"""The shared layer under every vendor client: transport, auth, retries, limits, paging, models.

Vendor packages build on these names; applications mostly meet the errors, the options types
(:class:`Timeout`, :class:`RetryPolicy`, :class:`RateLimit`) and :class:`AsyncPager`.

What a vendor package is written with is public here, so none imports a private module:
:class:`Resource` and its verbs, :class:`Filters` with :func:`filtered`,
:mod:`common.checks`, :data:`NOT_GIVEN` with :func:`is_given`, :data:`Unpack`,
:func:`json_loads`, and the error tree of :mod:`common.errors`.
"""

from . import checks as checks
from ._json import dumps as json_dumps
from ._json import loads as json_loads
from ._sentinel import NOT_GIVEN, NotGiven, NotGivenOr, is_given
from ._typing import Unpack
from ._version import __version__ as __version__
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
from .batch import BatchFailure, BatchResult, ProgressCallback
from .batch import map as amap
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
    GoneError,
    HTTPStatusError,
    InvalidRequestError,
    LockedError,
    NotFoundError,
    PaginationCycleError,
    PayloadTooLargeError,
    PermissionDeniedError,
    RateLimitError,
    ReadError,
    ResponseTooLargeError,
    ServerError,
    TimeoutError,
    TransportError,
    UnsafeURLError,
    ValidationError,
)
from .files import Download, DownloadStream, FileSource, Multipart, Upload
from .filters import Filters, filter_names, filtered, rendered_by, replaced_by
from .limits import (
    CoolDown,
    Limits,
    LocalRateLimiter,
    Quota,
    RateLimit,
    RateLimiter,
    RateLimitStatus,
    ServerBudget,
    WindowQuota,
    WindowUsage,
)
from .messages import Request, Response, Timeout
from .models.base import Model
from .observe import CallEvent, Hooks, Telemetry, current_operation, operation
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
from .raw import RawResponse
from .resources import PathParams, Query, Resource, as_upload, deprecated_alias
from .retry import RetryPolicy, parse_retry_after
from .secrets import Secret, SecretMapping
from .sync import RunnerState, SyncRunner

__all__ = [
    "CallEvent",
    "Hooks",
    "RawResponse",
    "Telemetry",
    "current_operation",
    "operation",
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
    "BatchFailure",
    "BatchResult",
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
    "GoneError",
    "FileSource",
    "Filters",
    "HTTPStatusError",
    "InvalidRequestError",
    "JsonErrorParser",
    "Limits",
    "LockedError",
    "LocalRateLimiter",
    "Model",
    "Multipart",
    "NextIdPaging",
    "NextUrlPaging",
    "NotFoundError",
    "NotGiven",
    "NotGivenOr",
    "PathParams",
    "Query",
    "OAuth2RefreshToken",
    "OAuth2Token",
    "Page",
    "PaginationCycleError",
    "PageNumberPaging",
    "Params",
    "PagingStrategy",
    "PayloadTooLargeError",
    "PermissionDeniedError",
    "ProgressCallback",
    "Quota",
    "RateLimit",
    "RateLimitError",
    "RateLimiter",
    "RateLimitStatus",
    "ReadError",
    "ResponseTooLargeError",
    "RefreshingAuth",
    "Request",
    "Resource",
    "Response",
    "RetryPolicy",
    "RunnerState",
    "Secret",
    "SecretMapping",
    "ServerBudget",
    "ServerError",
    "SyncRunner",
    "Timeout",
    "TimeoutError",
    "TokenExchange",
    "TokenGrant",
    "TransportError",
    "Unpack",
    "Unpaged",
    "UnsafeURLError",
    "Upload",
    "ValidationError",
    "WindowQuota",
    "WindowUsage",
    "amap",
    "as_upload",
    "checks",
    "deprecated_alias",
    "encode_params",
    "filter_names",
    "filtered",
    "format_path",
    "is_given",
    "json_dumps",
    "json_loads",
    "parse_retry_after",
    "rendered_by",
    "replaced_by",
]

"""The shared layer under every vendor client: transport, auth, retries, limits, paging, models.

Vendor packages build on these names; applications mostly meet the errors, the options types
(:class:`Timeout`, :class:`RetryPolicy`, :class:`RateLimit`) and :class:`AsyncPager`.

What a vendor package is written with is public here, so none imports a private module:
:class:`Resource` and its verbs, :class:`Filters` with :func:`filtered`,
:mod:`common.checks`, :data:`NOT_GIVEN` with :func:`is_given`, :data:`Unpack`,
:func:`json_loads`, and the error tree of :mod:`common.errors`.

Every name is loaded on first use (PEP 562): ``import common`` imports nothing else, and
``from common import BaseClient`` loads :mod:`common.client` and what it needs, not the
batch runner, OAuth 2 or the sync facade. Type checkers read the imports under
``TYPE_CHECKING`` below; ``_EXPORTS`` says the same to the interpreter (a test keeps the two
equal).
"""

from typing import TYPE_CHECKING

from ._version import __version__ as __version__
from .lazy import LazyExports

if TYPE_CHECKING:
    from . import checks as checks
    from ._json import dumps as json_dumps
    from ._json import loads as json_loads
    from ._sentinel import NOT_GIVEN, NotGiven, NotGivenOr, is_given
    from ._typing import Unpack
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
    from .config import ClientConfig
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
    from .transport import AiohttpTransport, StreamedBody, Transport

#: Where each public name lives: ``"module"`` (the module's own name), ``"module:attribute"``
#: (exported under another name) or ``"module:"`` (the module itself).
_EXPORTS: dict[str, str] = {
    "checks": ".checks:",
    "json_dumps": "._json:dumps",
    "json_loads": "._json:loads",
    "NOT_GIVEN": "._sentinel",
    "NotGiven": "._sentinel",
    "NotGivenOr": "._sentinel",
    "is_given": "._sentinel",
    "Unpack": "._typing",
    "ApiKeyHeader": ".auth",
    "ApiKeyHeaders": ".auth",
    "Auth": ".auth",
    "AuthFlow": ".auth",
    "BasicAuth": ".auth",
    "BearerToken": ".auth",
    "OAuth2RefreshToken": ".auth",
    "OAuth2Token": ".auth",
    "RefreshingAuth": ".auth",
    "TokenExchange": ".auth",
    "TokenGrant": ".auth",
    "BatchFailure": ".batch",
    "BatchResult": ".batch",
    "ProgressCallback": ".batch",
    "amap": ".batch:map",
    "BaseClient": ".client",
    "ClientOptions": ".client",
    "ClientState": ".client",
    "ClientConfig": ".config",
    "ErrorDetails": ".error_bodies",
    "ErrorParser": ".error_bodies",
    "JsonErrorParser": ".error_bodies",
    "ApiError": ".errors",
    "AuthenticationError": ".errors",
    "BadRequestError": ".errors",
    "ClientClosedError": ".errors",
    "ConflictError": ".errors",
    "ConnectError": ".errors",
    "DecodeError": ".errors",
    "GoneError": ".errors",
    "HTTPStatusError": ".errors",
    "InvalidRequestError": ".errors",
    "LockedError": ".errors",
    "NotFoundError": ".errors",
    "PaginationCycleError": ".errors",
    "PayloadTooLargeError": ".errors",
    "PermissionDeniedError": ".errors",
    "RateLimitError": ".errors",
    "ReadError": ".errors",
    "ResponseTooLargeError": ".errors",
    "ServerError": ".errors",
    "TimeoutError": ".errors",
    "TransportError": ".errors",
    "UnsafeURLError": ".errors",
    "ValidationError": ".errors",
    "Download": ".files",
    "DownloadStream": ".files",
    "FileSource": ".files",
    "Multipart": ".files",
    "Upload": ".files",
    "Filters": ".filters",
    "filter_names": ".filters",
    "filtered": ".filters",
    "rendered_by": ".filters",
    "replaced_by": ".filters",
    "CoolDown": ".limits",
    "Limits": ".limits",
    "LocalRateLimiter": ".limits",
    "Quota": ".limits",
    "RateLimit": ".limits",
    "RateLimiter": ".limits",
    "RateLimitStatus": ".limits",
    "ServerBudget": ".limits",
    "WindowQuota": ".limits",
    "WindowUsage": ".limits",
    "Request": ".messages",
    "Response": ".messages",
    "Timeout": ".messages",
    "Model": ".models.base",
    "CallEvent": ".observe",
    "Hooks": ".observe",
    "Telemetry": ".observe",
    "current_operation": ".observe",
    "operation": ".observe",
    "AsyncPager": ".pagination",
    "NextIdPaging": ".pagination",
    "NextUrlPaging": ".pagination",
    "Page": ".pagination",
    "PageNumberPaging": ".pagination",
    "PagingStrategy": ".pagination",
    "Unpaged": ".pagination",
    "Params": ".params",
    "encode_params": ".params",
    "format_path": ".params",
    "RawResponse": ".raw",
    "PathParams": ".resources",
    "Query": ".resources",
    "Resource": ".resources",
    "as_upload": ".resources",
    "deprecated_alias": ".resources",
    "RetryPolicy": ".retry",
    "parse_retry_after": ".retry",
    "Secret": ".secrets",
    "SecretMapping": ".secrets",
    "RunnerState": ".sync",
    "SyncRunner": ".sync",
    "AiohttpTransport": ".transport",
    "StreamedBody": ".transport",
    "Transport": ".transport",
}

#: Submodules that are not attributes of the package until imported (``import common`` never
#: imported them): optional dependencies and the testing kit.
_LAZY = LazyExports(
    __name__,
    __path__,
    _EXPORTS,
    not_attributes=["limits_redis", "otel", "testing", "webhooks"],
)

if not TYPE_CHECKING:  # checkers read the imports above (a __getattr__ would hide typos)

    def __getattr__(name: str) -> object:
        return _LAZY.attribute(name, globals())


def __dir__() -> list[str]:
    return _LAZY.names(globals(), __all__)


__all__ = [
    "AiohttpTransport",
    "ClientConfig",
    "StreamedBody",
    "Transport",
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

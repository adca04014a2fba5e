"""``BaseClient``: what every vendor client is, and the path each call takes.

``resource method → BaseClient.request* → auth → limits → retry loop → transport → errors``.
Vendor clients subclass it, set the class attributes (``vendor``, ``logger_name``,
``error_parser``, ``paging``) and pass their base URL and auth strategy to ``__init__``.
"""

from __future__ import annotations

import copy
import enum
import functools
import ipaddress
import logging
import re
import time
from collections.abc import Awaitable, Callable, Mapping
from types import TracebackType
from typing import Any, ClassVar, Final, TypedDict, TypeVar
from urllib.parse import urlencode

import aiohttp
import attrs
from yarl import URL

from . import _json
from ._sentinel import NOT_GIVEN, NotGiven, NotGivenOr
from .auth import Auth
from .error_bodies import ErrorParser, JsonErrorParser, status_error
from .errors import (
    ApiError,
    ClientClosedError,
    DecodeError,
    HTTPStatusError,
    InvalidRequestError,
    RateLimitError,
    TransportError,
    UnsafeURLError,
)
from .files import Download, DownloadStream, FileSource, Multipart, Upload, safe_filename
from .limits import (
    CoolDownTooLong,
    Limits,
    LimitWaitTooLong,
    LocalRateLimiter,
    Quota,
    RateLimit,
    RateLimiter,
    RateLimitStatus,
    WindowQuota,
    _nothing,
    describe_limit,
)
from .logs import log_exchange, log_retry
from .messages import Request, Response, Timeout
from .models import structure
from .observe import Hooks, Observation, Telemetry, current_operation, operation
from .pagination import AsyncPager, PageRequest, PagingStrategy
from .params import Params, bad_header, bad_header_message, check_headers, encode_params
from .raw import RawResponse, capture, note_response
from .redact import SENSITIVE_HEADERS, redact_url
from .retry import Outcome, RetryPolicy, call_with_retries, is_idempotent
from .secrets import Secret
from .transport import DEFAULT_POOL, MAX_RESPONSE_SIZE, AiohttpTransport, StreamedBody, Transport

__all__ = ["BaseClient", "ClientOptions", "ClientState"]

_T = TypeVar("_T")
_C = TypeVar("_C", bound="BaseClient")

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_MAX_REDIRECTS = 5
_USER_AGENT = "vendor-clients-async/0.1"
#: What a base URL, a path or a redirect's Location may not contain: whitespace, control
#: characters and backslashes (URL parsers disagree on them; aiohttp would send some raw).
_UNSAFE_URL_TEXT = re.compile(r"[\x00-\x20\x7f\\]")
#: The longest filename a download is saved under, in UTF-8 bytes: file systems allow 255,
#: and saving writes a temporary ``.<name>.<random>.part`` beside it first.
MAX_FILENAME_BYTES: Final = 150


class ClientState(enum.Enum):
    UNOPENED = "unopened"  # no request made yet; no session exists
    OPENED = "opened"
    CLOSED = "closed"


def _origin(url: URL) -> tuple[str, str, int | None]:
    return (url.scheme.lower(), (url.host or "").lower(), url.port)


def _is_loopback(host: str | None) -> bool:
    if host in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address((host or "").strip("[]")).is_loopback
    except ValueError:
        return False


def _check_base_url(base_url: str, allow_insecure_http: bool) -> URL:
    if _UNSAFE_URL_TEXT.search(base_url):
        raise InvalidRequestError(
            f"base_url must not contain spaces, control characters or backslashes: {base_url!r}"
        )
    try:
        url = URL(base_url.rstrip("/"))
    except (ValueError, TypeError):
        raise InvalidRequestError(f"base_url is not a valid URL: {base_url!r}") from None
    if url.scheme not in ("https", "http") or not url.host:
        raise InvalidRequestError(f"base_url must be an absolute http(s) URL, not {base_url!r}")
    if url.user or url.password:
        raise InvalidRequestError("base_url must not carry credentials; pass an auth strategy")
    if url.scheme == "http" and not (allow_insecure_http or _is_loopback(url.host)):
        raise InvalidRequestError(
            "refusing plain http to a non-loopback host; use https "
            "(or allow_insecure_http=True if you really mean it)"
        )
    if url.query_string or url.fragment:
        raise InvalidRequestError("base_url must not have a query or a fragment")
    return url


#: The default ``download_timeout``: no limit on the whole transfer of a large file, only on
#: connecting and on the silence between two reads.
DOWNLOAD_TIMEOUT: Final = Timeout(total=None, connect=10.0, read=60.0)


def _rate_limiter(value: RateLimit | Quota | RateLimiter | float | None) -> RateLimiter | None:
    if value is None or isinstance(value, RateLimiter):
        return value
    if isinstance(value, RateLimit):
        return LocalRateLimiter(value)
    if isinstance(value, Quota):
        return WindowQuota(value)
    return LocalRateLimiter(RateLimit(rate=float(value)))


def _fit_filename(name: str | None) -> str | None:
    """A server-suggested filename (already reduced to a plain name) made fit for a disk.

    Control characters become ``_``, and a name longer than :data:`MAX_FILENAME_BYTES` is
    shortened, keeping its extension (``.pdf``), at a character boundary.
    """
    if name is None:
        return None
    name = "".join("_" if ord(ch) < 0x20 or ord(ch) == 0x7F else ch for ch in name)
    if len(name.encode("utf-8", "surrogatepass")) <= MAX_FILENAME_BYTES:
        return name
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or len(extension) > 16 or not extension.isalnum():
        stem, extension = name, ""
    suffix = f".{extension}" if extension else ""
    room = MAX_FILENAME_BYTES - len(suffix.encode("utf-8", "surrogatepass"))
    shortened = stem.encode("utf-8", "surrogatepass")[:room].decode("utf-8", "ignore")
    return (shortened.rstrip(" .") or "download") + suffix


class ClientOptions(TypedDict, total=False):
    """The settings every vendor client forwards to :class:`BaseClient` (see its docs)."""

    timeout: Timeout | float | None
    max_retries: int
    retry: RetryPolicy | None
    rate_limit: RateLimit | Quota | RateLimiter | float | None
    max_concurrency: int | None
    headers: Mapping[str, str] | None
    session: aiohttp.ClientSession | None
    user_agent: str | None
    allow_insecure_http: bool
    trust_env: bool
    hooks: Hooks | None
    telemetry: Telemetry | None
    proxy: str | None
    proxy_auth: tuple[str, str | Secret] | None
    connector: aiohttp.BaseConnector | None
    max_response_size: int | None
    download_timeout: Timeout | float | None
    max_wait: float | None
    transport: Transport | None


def _max_wait(value: NotGivenOr[float | None]) -> NotGivenOr[float | None]:
    if isinstance(value, NotGiven) or value is None:
        return value
    if isinstance(value, bool) or not value >= 0:
        raise InvalidRequestError("max_wait must be a number of seconds >= 0, or None")
    return float(value)


@attrs.frozen
class _Options:
    """What a ``with_options`` copy may change."""

    timeout: Timeout
    retry: RetryPolicy
    headers: Mapping[str, str]
    hooks: Hooks | None = None
    download_timeout: Timeout = DOWNLOAD_TIMEOUT
    #: Seconds a call may wait for the limits; NOT_GIVEN: its timeout's total.
    max_wait: NotGivenOr[float | None] = NOT_GIVEN


@attrs.define
class _Shared:
    """What a client and all its ``with_options`` copies share."""

    base_url: URL
    #: ``str(base_url)``, built once: every request's URL starts with it.
    base_text: str
    transport: Transport
    auth: Auth | None
    limits: Limits
    logger: logging.Logger
    secret_headers: frozenset[str]
    telemetry: Telemetry | None = None
    state: ClientState = ClientState.UNOPENED


class BaseClient:
    """A client of one vendor's API. Construct anywhere; the session opens on first use.

    Use it as ``async with Client(...) as client:`` or call ``await client.aclose()``.
    """

    #: Vendor name, for messages.
    vendor: ClassVar[str] = "api"
    #: Logger every exchange is logged to.
    logger_name: ClassVar[str] = "common"
    #: Reads the vendor's error bodies.
    error_parser: ClassVar[ErrorParser] = JsonErrorParser()
    #: The vendor's usual paging style, used by :meth:`paginate` when none is given.
    paging: ClassVar[PagingStrategy | None] = None
    #: Page size asked for when the caller sets none (``None``: the server's default).
    default_page_size: ClassVar[int | None] = None
    #: Defaults a vendor may override.
    default_timeout: ClassVar[Timeout] = Timeout()
    default_rate_limit: ClassVar[RateLimit | Quota | None] = None

    _options: _Options
    _shared: _Shared

    def __init__(
        self,
        *,
        base_url: str,
        auth: Auth | None = None,
        timeout: NotGivenOr[Timeout | float | None] = NOT_GIVEN,
        max_retries: NotGivenOr[int] = NOT_GIVEN,
        retry: RetryPolicy | None = None,
        rate_limit: NotGivenOr[RateLimit | Quota | RateLimiter | float | None] = NOT_GIVEN,
        max_concurrency: int | None = None,
        headers: Mapping[str, str] | None = None,
        session: aiohttp.ClientSession | None = None,
        user_agent: str | None = None,
        allow_insecure_http: bool = False,
        trust_env: bool = False,
        hooks: Hooks | None = None,
        telemetry: Telemetry | None = None,
        proxy: str | None = None,
        proxy_auth: tuple[str, str | Secret] | None = None,
        connector: aiohttp.BaseConnector | None = None,
        max_response_size: NotGivenOr[int | None] = NOT_GIVEN,
        download_timeout: NotGivenOr[Timeout | float | None] = NOT_GIVEN,
        max_wait: NotGivenOr[float | None] = NOT_GIVEN,
        transport: Transport | None = None,
    ) -> None:
        url = _check_base_url(base_url, allow_insecure_http)
        if transport is None:
            transport = AiohttpTransport(
                session=session,
                connector=connector,
                proxy=proxy,
                proxy_auth=proxy_auth,
                trust_env=trust_env,
                pool_size=max_concurrency or DEFAULT_POOL,
                max_response_size=MAX_RESPONSE_SIZE
                if isinstance(max_response_size, NotGiven)
                else max_response_size,
                label=self.vendor,
            )
        elif (
            session is not None
            or connector is not None
            or proxy is not None
            or proxy_auth is not None
            or trust_env
            or not isinstance(max_response_size, NotGiven)
        ):
            raise InvalidRequestError(
                "with transport=, give session, connector, proxy, trust_env and "
                "max_response_size to the transport itself"
            )
        elif not isinstance(transport, Transport):
            raise InvalidRequestError(
                "transport= must have send(), stream(), aclose() and connection_limit "
                "(see common.transport.Transport)"
            )
        policy = retry or RetryPolicy()
        if not isinstance(max_retries, NotGiven):
            policy = attrs.evolve(policy, max_retries=max_retries)
        if max_concurrency is not None and max_concurrency < 1:
            raise InvalidRequestError("max_concurrency must be at least 1")
        if user_agent is not None:
            check_headers({"User-Agent": user_agent}, what="user_agent=")
        if headers:
            check_headers(headers, what="a header of headers=")
        default_headers = {
            "User-Agent": user_agent or f"{_USER_AGENT} ({self.vendor})",
            "Accept": "application/json",
            **(headers or {}),
        }
        self._options = _Options(
            timeout=self.default_timeout
            if isinstance(timeout, NotGiven)
            else Timeout.coerce(timeout),
            retry=policy,
            headers=default_headers,
            hooks=hooks,
            download_timeout=DOWNLOAD_TIMEOUT
            if isinstance(download_timeout, NotGiven)
            else Timeout.coerce(download_timeout),
            max_wait=_max_wait(max_wait),
        )
        limiter = _rate_limiter(
            self.default_rate_limit if isinstance(rate_limit, NotGiven) else rate_limit
        )
        self._shared = _Shared(
            base_url=url,
            base_text=str(url),
            transport=transport,
            auth=auth,
            limits=Limits(
                rate_limiter=limiter,
                max_concurrency=max_concurrency,
                pool_size=transport.connection_limit,
            ),
            logger=logging.getLogger(self.logger_name),
            secret_headers=auth.secret_headers if auth is not None else frozenset(),
            telemetry=telemetry,
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.base_url} {self.state.value}>"

    # -- lifecycle -------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return str(self._shared.base_url)

    @property
    def state(self) -> ClientState:
        return self._shared.state

    @property
    def is_closed(self) -> bool:
        return self._shared.state is ClientState.CLOSED

    @property
    def auth(self) -> Auth | None:
        return self._shared.auth

    @property
    def transport(self) -> Transport:
        """What carries this client's requests (``transport=``, else an AiohttpTransport)."""
        return self._shared.transport

    @property
    def limits(self) -> Limits:
        return self._shared.limits

    @property
    def rate_limit_status(self) -> RateLimitStatus | None:
        """The server's last word on its rate limit (``X-RateLimit-*``), if it gave one."""
        return self._shared.limits.server.status

    async def __aenter__(self: _C) -> _C:
        self._check_open()
        self._shared.state = ClientState.OPENED
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the session this client opened (never one it was given). Idempotent."""
        self._shared.state = ClientState.CLOSED
        await self._shared.transport.aclose()

    def _check_open(self) -> None:
        if self._shared.state is ClientState.CLOSED:
            raise ClientClosedError(f"this {self.vendor} client is closed; make a new one")

    def with_options(
        self: _C,
        *,
        timeout: NotGivenOr[Timeout | float | None] = NOT_GIVEN,
        max_retries: NotGivenOr[int] = NOT_GIVEN,
        retry: NotGivenOr[RetryPolicy] = NOT_GIVEN,
        headers: NotGivenOr[Mapping[str, str]] = NOT_GIVEN,
        hooks: NotGivenOr[Hooks | None] = NOT_GIVEN,
        download_timeout: NotGivenOr[Timeout | float | None] = NOT_GIVEN,
        max_wait: NotGivenOr[float | None] = NOT_GIVEN,
    ) -> _C:
        """A light copy with other per-call options, sharing session, auth and limits."""
        options = self._options
        if not isinstance(headers, NotGiven):
            check_headers(headers, what="a header of headers=")
        policy = options.retry if isinstance(retry, NotGiven) else retry
        if not isinstance(max_retries, NotGiven):
            policy = attrs.evolve(policy, max_retries=max_retries)
        options = _Options(
            timeout=options.timeout if isinstance(timeout, NotGiven) else Timeout.coerce(timeout),
            retry=policy,
            headers=options.headers
            if isinstance(headers, NotGiven)
            else {**options.headers, **headers},
            hooks=options.hooks if isinstance(hooks, NotGiven) else hooks,
            download_timeout=options.download_timeout
            if isinstance(download_timeout, NotGiven)
            else Timeout.coerce(download_timeout),
            max_wait=options.max_wait if isinstance(max_wait, NotGiven) else _max_wait(max_wait),
        )
        clone = copy.copy(self)
        # Resources cached on the original are bound to it: the copy builds its own.
        for klass in type(self).__mro__:
            for name, value in vars(klass).items():
                if isinstance(value, functools.cached_property):
                    clone.__dict__.pop(name, None)
        clone._options = options
        return clone

    # -- building requests -----------------------------------------------------------------

    def _url(self, path_or_url: str) -> URL:
        """An absolute URL on our origin for *path_or_url*; a foreign one is refused."""
        base = self._shared.base_url
        if _UNSAFE_URL_TEXT.search(path_or_url):
            raise InvalidRequestError(
                "a path or URL must not contain spaces, control characters or backslashes "
                "(encode them, e.g. with common.format_path)"
            )
        if path_or_url.startswith(("http://", "https://")):
            url = URL(path_or_url, encoded=True)
            if url.user is not None or url.password is not None:
                raise InvalidRequestError(
                    "a URL must not carry credentials (user:password@); the auth strategy adds them"
                )
            if _origin(url) != _origin(base):
                raise UnsafeURLError(
                    f"refusing to send a {self.vendor} request to another host: "
                    f"{redact_url(url.with_query(None))}"
                )
            return url
        if path_or_url and path_or_url[0] != "/":
            path_or_url = "/" + path_or_url
        return URL(self._shared.base_text + path_or_url, encoded=True)

    def build_request(
        self,
        method: str,
        path: str,
        *,
        params: Params | None = None,
        json: Any = None,
        data: Mapping[str, Any] | bytes | str | None = None,
        files: Mapping[str, Upload | FileSource] | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: NotGivenOr[Timeout | float | None] = NOT_GIVEN,
        authenticate: bool = True,
    ) -> Request:
        """A :class:`Request` from call arguments (no I/O). Invalid arguments raise here."""
        options = self._options
        all_headers = dict(options.headers)
        body: bytes | Multipart | None = None
        if json is not None:
            if data is not None or files:
                raise InvalidRequestError("give json, or data/files, not both")
            body = _json.dumps(json)
            all_headers["Content-Type"] = "application/json"
        elif files:
            if data is not None and not isinstance(data, Mapping):
                raise InvalidRequestError("with files, data must be a mapping of form fields")
            body = Multipart.build(files, data)
        elif data is not None:
            if isinstance(data, Mapping):
                body = urlencode(encode_params(data)).encode()
                all_headers["Content-Type"] = "application/x-www-form-urlencoded"
            else:
                body = data.encode() if isinstance(data, str) else data
        if headers:
            all_headers.update(headers)
        return Request(
            method=method.upper(),
            url=self._url(path),
            headers=all_headers,
            timeout=options.timeout if timeout is NOT_GIVEN else Timeout.coerce(timeout),
            params=encode_params(params) if params else [],
            body=body,
            authenticate=authenticate,
            operation=current_operation(),
        )

    # -- sending ---------------------------------------------------------------------------

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Params | None = None,
        json: Any = None,
        data: Mapping[str, Any] | bytes | str | None = None,
        files: Mapping[str, Upload | FileSource] | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: NotGivenOr[Timeout | float | None] = NOT_GIVEN,
    ) -> Any:
        """Any endpoint, wrapped or not: the decoded JSON body (``None`` on 204/empty).

        *path* is relative to the base URL (``/records``); an absolute URL must be on the same
        origin. Error statuses raise the typed errors of :mod:`common.errors`.
        """
        request = self.build_request(
            method,
            path,
            params=params,
            json=json,
            data=data,
            files=files,
            headers=headers,
            timeout=timeout,
        )
        response = await self.send(request)
        return response.json()

    async def request_model(
        self,
        model: type[_T],
        method: str,
        path: str,
        *,
        params: Params | None = None,
        json: Any = None,
        data: Mapping[str, Any] | bytes | str | None = None,
        files: Mapping[str, Upload | FileSource] | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: NotGivenOr[Timeout | float | None] = NOT_GIVEN,
    ) -> _T:
        """Like :meth:`request`, with the body structured into *model*."""
        request = self.build_request(
            method,
            path,
            params=params,
            json=json,
            data=data,
            files=files,
            headers=headers,
            timeout=timeout,
        )
        response = await self.send(request)
        body = response.json()
        try:
            return structure(body, model)
        except DecodeError as err:  # say which exchange answered the wrong shape
            err.status, err.method, err.url = response.status, response.method, response.url
            err.attempts = response.attempts
            raise

    def paginate(
        self,
        path: str,
        *,
        model: type[_T],
        params: Params | None = None,
        paging: PagingStrategy | None = None,
        page_size: int | None = None,
        max_items: int | None = None,
        prefetch: int = 0,
    ) -> AsyncPager[_T]:
        """A lazy :class:`AsyncPager` over a list endpoint (no I/O until iterated)."""
        strategy = paging or self.paging
        if strategy is None:
            raise InvalidRequestError(f"{type(self).__name__} has no paging style; pass paging=")
        named = current_operation()
        fetch = self._fetch_page if named is None else functools.partial(self._fetch_named, named)
        return AsyncPager(
            fetch=fetch,
            strategy=strategy,
            path=path,
            params=encode_params(params),
            structure=_structurer(model),
            base_url=self.base_url,
            # The vendor's default size goes with its default paging style only.
            page_size=self.default_page_size if page_size is None and paging is None else page_size,
            max_items=max_items,
            prefetch=prefetch,
        )

    async def _fetch_page(self, page: PageRequest) -> Any:
        return await self.request("GET", page.url, params=list(page.params))

    async def _fetch_named(self, name: str, page: PageRequest) -> Any:
        with operation(name):
            return await self.request("GET", page.url, params=list(page.params))

    async def with_raw_response(self, call: Awaitable[_T]) -> RawResponse[_T]:
        """*call*'s result with the status and headers of the answer it came from.

        ``raw = await client.with_raw_response(client.clients.get(7))``: ``raw.parsed`` is the
        model, ``raw.status``, ``raw.headers``, ``raw.request_id`` and ``raw.rate_limit`` the
        answer's. Works for any awaitable method of any resource (not for a download, whose
        stream has its own status and headers).
        """
        return await capture(call)

    def download(
        self,
        path: str,
        *,
        method: str = "GET",
        params: Params | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: NotGivenOr[Timeout | float | None] = NOT_GIVEN,
    ) -> Download:
        """A file to stream: ``async with client.download(p) as f`` or ``.save_to(path)``.

        Its timeout is the client's ``download_timeout`` (no total limit, only connect and
        read inactivity, by default) unless *timeout* is given.
        """
        if isinstance(timeout, NotGiven):
            timeout = self._options.download_timeout
        request = self.build_request(method, path, params=params, headers=headers, timeout=timeout)

        async def open_stream() -> DownloadStream:
            streamed = await self._send(request, stream=True)
            assert isinstance(streamed, StreamedBody)
            filename = _fit_filename(safe_filename(streamed.filename))
            return DownloadStream(streamed, filename=filename)

        return Download(open_stream)

    async def send(self, request: Request) -> Response:
        """Send a built request through auth, limits, retries and redirects.

        Returns the final 2xx response; error statuses raise typed errors.
        """
        shared = self._shared
        if shared.state is not ClientState.OPENED:
            self._check_open()
            shared.state = ClientState.OPENED
        if self._options.hooks is None and shared.telemetry is None:
            # The hot path: nothing observes the call, so nothing is built to observe it.
            response = await self._follow(request, stream=False, observed=None)
        else:
            response = await self._send(request, stream=False)
        assert isinstance(response, Response)
        note_response(response)
        return response

    async def send_unauthenticated(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        form: Mapping[str, str] | None = None,
    ) -> Any:
        """For auth strategies: one exchange with no credentials added (login, refresh).

        A body that does not parse is reported without an excerpt: it may hold a token.
        """
        request = self.build_request(method, url, headers=headers, data=form, authenticate=False)
        response = await self.send(request)
        try:
            return response.json()
        except DecodeError:
            raise DecodeError(
                "the login or token answer is not JSON",
                status=response.status,
                method=response.method,
                url=response.url,
            ) from None

    async def _send(self, request: Request, *, stream: bool) -> Response | StreamedBody:
        shared = self._shared
        if shared.state is not ClientState.OPENED:
            self._check_open()
            shared.state = ClientState.OPENED
        observed = self._observe(request)
        if observed is None:
            return await self._follow(request, stream=stream, observed=None)
        try:
            outcome = await self._follow(request, stream=stream, observed=observed)
        except BaseException as err:
            status = err.status if isinstance(err, HTTPStatusError) else None
            observed.ended(status=status, error=err)
            raise
        observed.ended(status=outcome.status, error=None)
        return outcome

    def _observe(self, request: Request) -> Observation | None:
        """What watches this call: ``None`` (and no cost) without hooks or telemetry."""
        hooks, telemetry = self._options.hooks, self._shared.telemetry
        if hooks is None and telemetry is None:
            return None
        url = request.url.extend_query(request.params) if request.params else request.url
        return Observation(
            vendor=self.vendor,
            operation=request.operation,
            method=request.method,
            url=redact_url(url),
            hooks=hooks,
            telemetry=telemetry,
        )

    async def _follow(
        self, request: Request, *, stream: bool, observed: Observation | None
    ) -> Response | StreamedBody:
        """Send *request*, following redirects; raise the typed error of a failed answer.

        Each request's first attempt is made here, inline; the retry machinery (:meth:`_retry`)
        runs only when that attempt's answer asks for another.
        """
        for _ in range(_MAX_REDIRECTS + 1):
            try:
                outcome = await self._attempt(request, 1, stream=stream, observed=observed)
                if outcome.status == 401:
                    auth = self._reauthenticator(outcome, request, _replayable(request.body))
                    if auth is not None and await auth.on_unauthorized(request, self):
                        await _release(outcome)
                        outcome = await self._attempt(request, 1, stream=stream, observed=observed)
            except ApiError as err:
                err.attempts = 1
                if not isinstance(err, TransportError):
                    raise
                first: Response | StreamedBody | TransportError = err
            else:
                first = outcome
            attempts = 1
            if isinstance(first, TransportError) or (
                first.status == 429 or first.status in self._options.retry.retry_statuses
            ):
                outcome, attempts = await self._retry(
                    request, first, stream=stream, observed=observed
                )
            if isinstance(outcome, StreamedBody):
                return outcome
            status = outcome.status
            if 200 <= status < 300:
                if attempts != 1:  # retried: errors decoding the body say so (rare path)
                    outcome = attrs.evolve(outcome, attempts=attempts)
                return outcome
            if status in _REDIRECTS and "Location" in outcome.headers:
                following = self._redirected(request, outcome)
                if isinstance(following, Request):
                    request = following
                    continue
                if isinstance(following, UnsafeURLError):
                    # Raised here, not in _redirected: its frame holds the raw Location (a
                    # signed URL, maybe), and error reporters render the locals of every frame.
                    raise following
                error = status_error(outcome, self.error_parser, attempts=attempts)
                error.message = following
                raise error
            raise status_error(outcome, self.error_parser, attempts=attempts)
        raise TransportError(
            f"more than {_MAX_REDIRECTS} redirects",
            method=request.method,
            url=redact_url(request.url),
        )

    def _redirected(self, request: Request, response: Response) -> Request | str | UnsafeURLError:
        """The request a redirect asks for; or why it is not followed (the answer is then
        raised as an :class:`HTTPStatusError` with that reason as its message); or the
        :class:`UnsafeURLError` to raise.

        Refused with :class:`UnsafeURLError`: a ``Location`` that is malformed, not http(s),
        carries ``user:password@``, or is plain http -- unless it stays on our own origin, or
        both our base URL and the target are loopback (an emulator); never a downgrade from
        https. Credentials stay on our origin: a redirect elsewhere is followed only for an
        authenticated call without a body (a download moved to a storage host), stripped of
        every secret header; a login, a token refresh or a body is never carried to another
        host.

        Methods: 303 is followed with a GET (a HEAD stays a HEAD) and no body. 301, 302, 307
        and 308 keep the method and body for idempotent methods. A POST or PATCH answered
        301, 302, 307 or 308 is not followed at all -- neither re-sent nor turned into a GET
        -- so the caller sees the redirect and decides.
        """
        location = response.headers["Location"]
        base = self._shared.base_url

        def refuse(message: str) -> UnsafeURLError:
            return UnsafeURLError(message, method=request.method, url=redact_url(request.url))

        target: URL | None = None
        if _UNSAFE_URL_TEXT.search(location) is None:
            try:
                target = request.url.join(URL(location, encoded=True))
            except (ValueError, TypeError):
                target = None
        if target is None:
            return refuse("refusing a redirect to a malformed Location")
        shown = redact_url(target.with_query(None).with_user(None))
        if target.scheme not in ("http", "https") or not target.host:
            return refuse(f"refusing a redirect to a URL that is not http(s): {shown}")
        if target.user is not None or target.password is not None:
            return refuse(
                f"refusing a redirect whose Location carries credentials (user:password@): {shown}"
            )
        same_origin = _origin(target) == _origin(base)
        loopback = base.scheme == "http" and _is_loopback(base.host) and _is_loopback(target.host)
        if target.scheme != "https" and not (same_origin or loopback):
            return refuse(f"refusing a redirect to plain http: {shown}")
        method, body = request.method, request.body
        if response.status == 303 and method != "HEAD":
            method, body = "GET", None
        if not same_origin:
            if not request.authenticate:
                return refuse(f"refusing to follow a login or token redirect to {shown}")
            if body is not None:
                return refuse(f"refusing to carry a request body to {shown}")
        if response.status != 303 and not is_idempotent(method):
            return (
                f"the server redirected a {method} with {response.status} to {shown}; a "
                f"{method} is not re-sent (nor turned into a GET) by a redirect: send it "
                "there yourself if you mean to"
            )
        if not _replayable(body):
            return (
                f"the server redirected the request with {response.status} to {shown}; its "
                "streamed body cannot be sent again"
            )
        headers = dict(request.headers)
        if not same_origin:
            secret = SENSITIVE_HEADERS | self._shared.secret_headers
            headers = {k: v for k, v in headers.items() if k.lower() not in secret}
        if body is None:
            headers.pop("Content-Type", None)
        return Request(
            method=method,
            url=target,
            headers=headers,
            timeout=request.timeout,
            body=body,
            authenticate=request.authenticate and same_origin,
        )

    def _reauthenticator(
        self, outcome: Response | StreamedBody, request: Request, replayable: bool
    ) -> Auth | None:
        """The auth strategy to ask about a 401 (it may refresh and replay once), if any."""
        auth = self._shared.auth
        if outcome.status == 401 and replayable and request.authenticate and auth is not None:
            return auth
        return None

    async def _retry(
        self,
        request: Request,
        first: Response | StreamedBody | TransportError,
        *,
        stream: bool,
        observed: Observation | None,
    ) -> tuple[Response | StreamedBody, int]:
        """Attempts 2..N, after a first one that may be retried (the slow path)."""
        shared = self._shared
        policy = self._options.retry
        replayable = _replayable(request.body)
        if not replayable:
            policy = attrs.evolve(policy, max_retries=0)  # an async iterator is read once
        attempts = 1

        async def attempt(number: int) -> Outcome:
            nonlocal attempts
            attempts = number
            try:
                outcome = await self._attempt(request, number, stream=stream, observed=observed)
                auth = self._reauthenticator(outcome, request, replayable)
                if auth is not None and await auth.on_unauthorized(request, self):
                    await _release(outcome)
                    outcome = await self._attempt(request, number, stream=stream, observed=observed)
            except ApiError as err:
                err.attempts = number
                raise
            return outcome

        def before_retry(number: int, outcome: Outcome | BaseException, wait: float) -> None:
            reason = (
                type(outcome).__name__ if isinstance(outcome, BaseException) else outcome.status
            )
            log_retry(shared.logger, request, attempt=number, reason=str(reason), wait=wait)
            if observed is not None:
                failed = isinstance(outcome, BaseException)
                observed.retry(
                    wait=wait,
                    status=None if failed else outcome.status,  # type: ignore[union-attr]
                    error=type(outcome).__name__ if failed else None,
                )

        final = await call_with_retries(
            attempt,
            policy=policy,
            method=request.method,
            cooldown=shared.limits.cooldown,
            before_retry=before_retry,
            first=first,
            max_wait=self._budget(request),
        )
        assert isinstance(final, (Response, StreamedBody))
        return final, attempts

    def _budget(self, request: Request) -> float | None:
        """Seconds *request* may wait for the limits: ``max_wait``, else its timeout's total."""
        max_wait = self._options.max_wait
        return request.timeout.total if isinstance(max_wait, NotGiven) else max_wait

    async def _attempt(
        self, request: Request, number: int, *, stream: bool, observed: Observation | None
    ) -> Response | StreamedBody:
        shared = self._shared
        auth = shared.auth
        if auth is not None and request.authenticate:
            await auth.apply(request, self)
        bad = bad_header(request.headers)
        if bad is not None:  # a CR/LF in a key, an origin, a header: nothing is sent
            raise InvalidRequestError(
                bad_header_message(f"header {bad!r}"),
                method=request.method,
                url=redact_url(request.url),
                attempts=number,
            )
        limits = shared.limits
        # The hot path takes a free slot without awaiting (no rate limiter, no cool-down ever
        # started, nothing observing); anything else waits in _wait_for_limits.
        release = limits.try_acquire() if observed is None else None
        if release is None:
            release = await self._wait_for_limits(request, number, observed)
        started = time.perf_counter()
        logger = shared.logger
        try:
            if not stream:
                response = await shared.transport.send(request)
                limits.server.observe(response.headers)
            else:
                streamed = await shared.transport.stream(request)
                limits.server.observe(streamed.headers)
                if 200 <= streamed.status < 300:
                    if logger.isEnabledFor(logging.INFO):
                        log_exchange(
                            logger,
                            request,
                            attempt=number,
                            elapsed=time.perf_counter() - started,
                            secret_headers=shared.secret_headers,
                        )
                    # The slot stays taken while the body streams; closing the stream frees it.
                    streamed.on_close(release)
                    release = _nothing
                    if observed is not None:
                        try:
                            await observed.response(
                                elapsed=time.perf_counter() - started,
                                status=streamed.status,
                            )
                        except BaseException:  # cancelled in a hook: nobody else holds it
                            await streamed.aclose()
                            raise
                    return streamed
                response = await _read_whole(streamed, request, started)
        except ApiError as err:
            elapsed = time.perf_counter() - started
            if logger.isEnabledFor(logging.WARNING):
                log_exchange(
                    logger,
                    request,
                    attempt=number,
                    elapsed=elapsed,
                    error=err,
                    secret_headers=shared.secret_headers,
                )
            if observed is not None:
                await observed.response(elapsed=elapsed, error=type(err).__name__)
            raise
        finally:
            release()
        if logger.isEnabledFor(logging.INFO):  # the one logging check of a quiet exchange
            log_exchange(
                logger,
                request,
                attempt=number,
                elapsed=response.elapsed,
                response=response,
                secret_headers=shared.secret_headers,
            )
        if observed is not None:
            await observed.response(elapsed=response.elapsed, status=response.status)
        return response

    async def _wait_for_limits(
        self, request: Request, number: int, observed: Observation | None
    ) -> Callable[[], None]:
        """Wait for the cool-down, a slot and a rate token (the slow path of an attempt);
        raise :class:`RateLimitError` at once when they cannot be had within the budget."""
        limits = self._shared.limits
        cap = self._options.retry.max_retry_after
        budget = self._budget(request)
        held = limits.held()
        if held > cap or (budget is not None and held > budget):
            # A spent budget (or a 429) asks for a longer wait than we would ever retry
            # after, or than this call may wait: say so at once rather than hang until then.
            raise self._spent(request, held, number, budget)
        if observed is not None:
            if held > 0:
                await observed.held(held)
            await observed.request()
        started = time.perf_counter()
        try:
            # The cool-down is checked again as the last step, once a slot is ours.
            return await limits.acquire(max_cooldown=cap, max_wait=budget)
        except LimitWaitTooLong as err:
            spent = self._too_long(request, err, number, budget)
            if observed is not None:  # the attempt began: it ends here, unsent
                elapsed = time.perf_counter() - started
                await observed.response(elapsed=elapsed, error=type(spent).__name__)
            raise spent from None

    def _spent(
        self, request: Request, held: float, number: int, budget: float | None = None
    ) -> RateLimitError:
        """The error of a call the cool-down would hold longer than it may wait."""
        cap = self._options.retry.max_retry_after
        if held > cap and (budget is None or cap <= budget):
            message = (
                f"the {self.vendor} rate limit is spent for {held:.0f} s more, "
                f"above max_retry_after ({cap:g} s)"
            )
        else:
            message = (
                f"the {self.vendor} rate limit is spent for {held:.1f} s more, longer than "
                f"this call may wait ({budget:g} s: max_wait, else its timeout); not sent"
            )
        return RateLimitError(
            message,
            retry_after=held,
            status=429,
            method=request.method,
            url=redact_url(request.url),
            attempts=number,
        )

    def _too_long(
        self, request: Request, err: LimitWaitTooLong, number: int, budget: float | None
    ) -> RateLimitError:
        """The error of a call whose limits cannot be had within its budget."""
        if isinstance(err, CoolDownTooLong):
            return self._spent(request, err.remaining, number, budget)
        limiter = self._shared.limits.rate_limiter
        what = f"the {self.vendor} rate limit ({describe_limit(limiter)})"
        bound = err.bound if budget is None else budget
        if err.remaining is None:
            message = (
                f"{what} gave no slot within {bound:g} s (max_wait, else the call's timeout); "
                "not sent"
            )
        else:
            message = (
                f"{what} has no free slot for {err.remaining:.1f} s, longer than this call may "
                f"wait ({bound:g} s: max_wait, else its timeout); not sent"
            )
        return RateLimitError(
            message,
            retry_after=err.remaining,
            status=429,
            method=request.method,
            url=redact_url(request.url),
            attempts=number,
        )


def _replayable(body: bytes | Multipart | None) -> bool:
    return body is None or not isinstance(body, Multipart) or body.replayable


async def _read_whole(streamed: StreamedBody, request: Request, started: float) -> Response:
    try:
        content = await streamed.read()
    finally:
        await streamed.aclose()
    return Response(
        status=streamed.status,
        headers=streamed.headers,
        content=content,
        url=streamed.url,
        method=request.method,
        elapsed=time.perf_counter() - started,
    )


async def _release(outcome: Response | StreamedBody) -> None:
    if isinstance(outcome, StreamedBody):
        await outcome.aclose()


def _structurer(model: type[_T]) -> Callable[[Any], _T]:
    def structure_one(item: Any) -> _T:
        return structure(item, model)

    return structure_one

"""``BaseClient``: what every vendor client is, and the calls it offers.

``resource method → BaseClient.request* → Sender`` (:mod:`common.sending`: redirects,
retries, and each attempt's stages: auth → limits → transport). Vendor clients subclass it,
set the class attributes (``vendor``, ``logger_name``, ``error_parser``, ``paging``) and pass
their base URL and auth strategy to ``__init__``. What the client was built with is one
frozen :class:`~common.config.ClientConfig` (``client.config``); where its requests may go,
one :class:`~common.origin.Origin`; what carries them, one :class:`~common.transport.Transport`.
"""

from __future__ import annotations

import copy
import functools
import logging
from collections.abc import Awaitable, Callable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar
from urllib.parse import urlencode

import aiohttp

from . import _json
from ._sentinel import NOT_GIVEN, NotGiven, NotGivenOr
from .auth.base import Auth
from .config import DOWNLOAD_TIMEOUT, ClientConfig, ClientOptions
from .error_bodies import ErrorParser, JsonErrorParser
from .errors import DecodeError, InvalidRequestError
from .limits import (
    Limits,
    LocalRateLimiter,
    Quota,
    RateLimit,
    RateLimiter,
    RateLimitStatus,
    WindowQuota,
)
from .messages import Request, Response, Timeout
from .models import structure
from .operations import current_operation, operation
from .origin import Origin
from .pagination import AsyncPager, PageRequest, PagingStrategy
from .params import Params, encode_params
from .raw import RawResponse, capture, note_response
from .retry import RetryPolicy
from .secrets import Secret
from .sending import ClientState, Sender
from .transport import DEFAULT_POOL, MAX_RESPONSE_SIZE, AiohttpTransport, StreamedBody, Transport

if TYPE_CHECKING:  # at run time, common.files loads with the first upload or download
    from .files import Download, FileSource, Upload
    from .observe import Hooks, Telemetry

__all__ = [
    "DOWNLOAD_TIMEOUT",
    "MAX_RESPONSE_SIZE",
    "BaseClient",
    "ClientOptions",
    "ClientState",
]

_T = TypeVar("_T")
_C = TypeVar("_C", bound="BaseClient")


def _rate_limiter(value: RateLimit | Quota | RateLimiter | float | None) -> RateLimiter | None:
    if value is None or isinstance(value, RateLimiter):
        return value
    if isinstance(value, RateLimit):
        return LocalRateLimiter(value)
    if isinstance(value, Quota):
        return WindowQuota(value)
    return LocalRateLimiter(RateLimit(rate=float(value)))


def _transport(
    transport: Transport | None,
    *,
    session: aiohttp.ClientSession | None,
    connector: aiohttp.BaseConnector | None,
    proxy: str | None,
    proxy_auth: tuple[str, str | Secret] | None,
    trust_env: bool,
    max_concurrency: int | None,
    max_response_size: NotGivenOr[int | None],
    label: str,
) -> Transport:
    """The transport given, or the aiohttp one built from the session keywords."""
    if transport is None:
        return AiohttpTransport(
            session=session,
            connector=connector,
            proxy=proxy,
            proxy_auth=proxy_auth,
            trust_env=trust_env,
            pool_size=max_concurrency or DEFAULT_POOL,
            max_response_size=MAX_RESPONSE_SIZE
            if isinstance(max_response_size, NotGiven)
            else max_response_size,
            label=label,
        )
    if (
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
    if not isinstance(transport, Transport):
        raise InvalidRequestError(
            "transport= must have send(), stream(), aclose() and connection_limit "
            "(see common.transport.Transport)"
        )
    return transport


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

    _config: ClientConfig
    _sender: Sender

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
        origin = Origin.of(base_url, allow_insecure_http=allow_insecure_http, vendor=self.vendor)
        if max_concurrency is not None and max_concurrency < 1:
            raise InvalidRequestError("max_concurrency must be at least 1")
        self._config = ClientConfig.build(
            vendor=self.vendor,
            base_url=origin.base_text,
            error_parser=self.error_parser,
            paging=self.paging,
            default_page_size=self.default_page_size,
            default_timeout=self.default_timeout,
            timeout=timeout,
            max_retries=max_retries,
            retry=retry,
            headers=headers,
            user_agent=user_agent,
            hooks=hooks,
            download_timeout=download_timeout,
            max_wait=max_wait,
        )
        transport = _transport(
            transport,
            session=session,
            connector=connector,
            proxy=proxy,
            proxy_auth=proxy_auth,
            trust_env=trust_env,
            max_concurrency=max_concurrency,
            max_response_size=max_response_size,
            label=self.vendor,
        )
        limiter = _rate_limiter(
            self.default_rate_limit if isinstance(rate_limit, NotGiven) else rate_limit
        )
        self._sender = Sender(
            origin=origin,
            transport=transport,
            auth=auth,
            limits=Limits(
                rate_limiter=limiter,
                max_concurrency=max_concurrency,
                pool_size=transport.connection_limit,
            ),
            logger=logging.getLogger(self.logger_name),
            telemetry=telemetry,
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.base_url} {self.state.value}>"

    # -- what the client is ----------------------------------------------------------------

    @property
    def config(self) -> ClientConfig:
        """What this client (or this ``with_options`` copy) was configured with."""
        return self._config

    @property
    def base_url(self) -> str:
        return self._sender.origin.base_text

    @property
    def state(self) -> ClientState:
        return self._sender.state

    @property
    def is_closed(self) -> bool:
        return self._sender.state is ClientState.CLOSED

    @property
    def auth(self) -> Auth | None:
        return self._sender.auth

    @property
    def transport(self) -> Transport:
        """What carries this client's requests (``transport=``, else an AiohttpTransport)."""
        return self._sender.transport

    @property
    def limits(self) -> Limits:
        return self._sender.limits

    @property
    def rate_limit_status(self) -> RateLimitStatus | None:
        """The server's last word on its rate limit (``X-RateLimit-*``), if it gave one."""
        return self._sender.limits.server.status

    # -- lifecycle -------------------------------------------------------------------------

    async def __aenter__(self: _C) -> _C:
        self._sender.check_open(self.vendor)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the transport (never a session it was given). Idempotent."""
        self._sender.state = ClientState.CLOSED
        await self._sender.transport.aclose()

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
        config = self._config.with_options(
            timeout=timeout,
            max_retries=max_retries,
            retry=retry,
            headers=headers,
            hooks=hooks,
            download_timeout=download_timeout,
            max_wait=max_wait,
        )
        clone = copy.copy(self)
        # What the original cached (its resources, anything bound to it): the copy builds its
        # own, under its own options.
        cached = vars(clone)
        for name in _cached_names(type(self)):
            cached.pop(name, None)
        clone._config = config
        return clone

    # -- building requests -----------------------------------------------------------------

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
        config = self._config
        all_headers = dict(config.headers)
        body: bytes | Multipart | None = None
        if json is not None:
            if data is not None or files:
                raise InvalidRequestError("give json, or data/files, not both")
            body = _json.dumps(json)
            all_headers["Content-Type"] = "application/json"
        elif files:
            if data is not None and not isinstance(data, Mapping):
                raise InvalidRequestError("with files, data must be a mapping of form fields")
            from .files import Multipart

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
            url=self._sender.origin.url_for(path),
            headers=all_headers,
            timeout=config.timeout if timeout is NOT_GIVEN else Timeout.coerce(timeout),
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
        strategy = paging or self._config.paging
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
            page_size=self._config.default_page_size
            if page_size is None and paging is None
            else page_size,
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
            timeout = self._config.download_timeout
        request = self.build_request(method, path, params=params, headers=headers, timeout=timeout)

        from .files import Download, DownloadStream, fit_filename, safe_filename

        async def open_stream() -> DownloadStream:
            streamed = await self._send(request, stream=True)
            assert isinstance(streamed, StreamedBody)
            filename = fit_filename(safe_filename(streamed.filename))
            return DownloadStream(streamed, filename=filename)

        return Download(open_stream)

    async def send(self, request: Request) -> Response:
        """Send a built request through auth, limits, retries and redirects.

        Returns the final 2xx response; error statuses raise typed errors.
        """
        sender = self._sender
        if sender.state is not ClientState.OPENED:
            sender.check_open(self.vendor)
        response = await sender.send(request, self._config, self, stream=False)
        assert isinstance(response, Response)
        note_response(response)
        return response

    async def _send(self, request: Request, *, stream: bool) -> Response | StreamedBody:
        sender = self._sender
        if sender.state is not ClientState.OPENED:
            sender.check_open(self.vendor)
        return await sender.send(request, self._config, self, stream=stream)

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


def _structurer(model: type[_T]) -> Callable[[Any], _T]:
    def structure_one(item: Any) -> _T:
        return structure(item, model)

    return structure_one


_CACHED_NAMES: dict[type, frozenset[str]] = {}


def _cached_names(klass: type) -> frozenset[str]:
    """The names of *klass*'s ``functools.cached_property`` attributes, its bases' too
    (found once per class)."""
    names = _CACHED_NAMES.get(klass)
    if names is None:
        names = frozenset(
            name
            for base in klass.__mro__
            for name, value in vars(base).items()
            if isinstance(value, functools.cached_property)
        )
        _CACHED_NAMES[klass] = names
    return names

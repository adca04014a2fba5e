"""A client's configuration: one frozen :class:`ClientConfig`, vendor settings included.

``client.config`` is what the client was built with; :meth:`BaseClient.with_options` makes a
copy whose config is :meth:`ClientConfig.with_options` of it, sharing everything else
(session, auth, limits). :class:`ClientOptions` lists the keywords every vendor client
forwards to :class:`~common.client.BaseClient`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, TypedDict

import attrs

from ._sentinel import NOT_GIVEN, NotGiven, NotGivenOr
from .error_bodies import ErrorParser
from .errors import InvalidRequestError
from .messages import Request, Timeout
from .params import check_headers
from .retry import RetryPolicy

if TYPE_CHECKING:
    import aiohttp

    from .limits import Quota, RateLimit, RateLimiter
    from .observe import Hooks, Telemetry
    from .pagination import PagingStrategy
    from .secrets import Secret
    from .transport import Transport

__all__ = ["DOWNLOAD_TIMEOUT", "USER_AGENT", "ClientConfig", "ClientOptions"]

#: The default ``download_timeout``: no limit on the whole transfer of a large file, only on
#: connecting and on the silence between two reads.
DOWNLOAD_TIMEOUT: Final = Timeout(total=None, connect=10.0, read=60.0)
#: Sent as ``User-Agent`` (with the vendor's name) unless the caller gives one.
USER_AGENT: Final = "vendor-clients-async/0.1"


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


def _policy(
    retry: RetryPolicy | None, max_retries: NotGivenOr[int], default: RetryPolicy
) -> RetryPolicy:
    policy = default if retry is None else retry
    if not isinstance(max_retries, NotGiven):
        policy = attrs.evolve(policy, max_retries=max_retries)
    return policy


@attrs.frozen
class ClientConfig:
    """Everything that decides how a client's calls are made, frozen.

    The vendor's settings come from the client class (``vendor``, ``error_parser``,
    ``paging``, ``default_page_size``); the rest from the constructor's keywords, and a
    ``with_options`` copy may change them.
    """

    #: The vendor's name, for messages, hooks and telemetry (``"amiqus"``).
    vendor: str
    #: The base URL every path is relative to.
    base_url: str
    #: Reads the vendor's error bodies.
    error_parser: ErrorParser
    #: The vendor's usual paging style (``None``: ``paginate`` needs ``paging=``).
    paging: PagingStrategy | None
    #: Page size asked for when the caller sets none (``None``: the server's default).
    default_page_size: int | None
    timeout: Timeout
    retry: RetryPolicy
    #: Sent with every request (``User-Agent``, ``Accept`` and the caller's own); read-only.
    headers: Mapping[str, str]
    hooks: Hooks | None = None
    download_timeout: Timeout = DOWNLOAD_TIMEOUT
    #: Seconds a call may wait for the limits; NOT_GIVEN: its timeout's total.
    max_wait: NotGivenOr[float | None] = NOT_GIVEN

    @classmethod
    def build(
        cls,
        *,
        vendor: str,
        base_url: str,
        error_parser: ErrorParser,
        paging: PagingStrategy | None,
        default_page_size: int | None,
        default_timeout: Timeout,
        timeout: NotGivenOr[Timeout | float | None] = NOT_GIVEN,
        max_retries: NotGivenOr[int] = NOT_GIVEN,
        retry: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        user_agent: str | None = None,
        hooks: Hooks | None = None,
        download_timeout: NotGivenOr[Timeout | float | None] = NOT_GIVEN,
        max_wait: NotGivenOr[float | None] = NOT_GIVEN,
    ) -> ClientConfig:
        """A config from a client's constructor keywords; invalid ones raise here."""
        if user_agent is not None:
            check_headers({"User-Agent": user_agent}, what="user_agent=")
        if headers:
            check_headers(headers, what="a header of headers=")
        return cls(
            vendor=vendor,
            base_url=base_url,
            error_parser=error_parser,
            paging=paging,
            default_page_size=default_page_size,
            timeout=default_timeout if isinstance(timeout, NotGiven) else Timeout.coerce(timeout),
            retry=_policy(retry, max_retries, RetryPolicy()),
            headers=MappingProxyType(
                {
                    "User-Agent": user_agent or f"{USER_AGENT} ({vendor})",
                    "Accept": "application/json",
                    **(headers or {}),
                }
            ),
            hooks=hooks,
            download_timeout=DOWNLOAD_TIMEOUT
            if isinstance(download_timeout, NotGiven)
            else Timeout.coerce(download_timeout),
            max_wait=_max_wait(max_wait),
        )

    def with_options(
        self,
        *,
        timeout: NotGivenOr[Timeout | float | None] = NOT_GIVEN,
        max_retries: NotGivenOr[int] = NOT_GIVEN,
        retry: NotGivenOr[RetryPolicy] = NOT_GIVEN,
        headers: NotGivenOr[Mapping[str, str]] = NOT_GIVEN,
        hooks: NotGivenOr[Hooks | None] = NOT_GIVEN,
        download_timeout: NotGivenOr[Timeout | float | None] = NOT_GIVEN,
        max_wait: NotGivenOr[float | None] = NOT_GIVEN,
    ) -> ClientConfig:
        """This config with the options given changed (``headers`` are merged)."""
        if not isinstance(headers, NotGiven):
            check_headers(headers, what="a header of headers=")
        return attrs.evolve(
            self,
            timeout=self.timeout if isinstance(timeout, NotGiven) else Timeout.coerce(timeout),
            retry=_policy(None if isinstance(retry, NotGiven) else retry, max_retries, self.retry),
            headers=self.headers
            if isinstance(headers, NotGiven)
            else MappingProxyType({**self.headers, **headers}),
            hooks=self.hooks if isinstance(hooks, NotGiven) else hooks,
            download_timeout=self.download_timeout
            if isinstance(download_timeout, NotGiven)
            else Timeout.coerce(download_timeout),
            max_wait=self.max_wait if isinstance(max_wait, NotGiven) else _max_wait(max_wait),
        )

    def budget(self, request: Request) -> float | None:
        """Seconds *request* may wait for the limits: ``max_wait``, else its timeout's total."""
        max_wait = self.max_wait
        return request.timeout.total if isinstance(max_wait, NotGiven) else max_wait

"""``IntakeQClient``: the IntakeQ API (clients, appointments, intake forms, notes, files...)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import ClassVar, Final

from common import (
    ApiKeyHeader,
    BaseClient,
    ClientOptions,
    PageNumberPaging,
    PagingStrategy,
    Quota,
    RateLimit,
    Secret,
    Unpack,
    WindowQuota,
    WindowUsage,
    env,
)
from common.checks import require_secret

from .resources import (
    Appointments,
    Claims,
    Clients,
    Files,
    Folders,
    Intakes,
    Invoices,
    Notes,
    Practitioners,
    Questionnaires,
)

__all__ = ["DEFAULT_BASE_URL", "ENVIRONMENT", "STANDARD_PLAN", "IntakeQClient"]

DEFAULT_BASE_URL: Final = "https://intakeq.com/api/v1"
#: IntakeQ's standard plan: 10 requests a minute and 500 a day (help centre). Raise it with
#: ``rate_limit=Quota(((60, 60.0), (5000, 86400.0)))`` when IntakeQ has raised yours. Each
#: request holds its windows half a second longer than they last (``margin``): a request
#: that opened a connection (TLS) reaches IntakeQ later than one on a warm connection, and
#: two requests sent a minute apart must still arrive more than a minute apart.
STANDARD_PLAN: Final = Quota(((10, 60.0), (500, 86400.0)), margin=0.5)
#: The environment variable read for each argument left out (see :mod:`common.env`).
ENVIRONMENT: Final[Mapping[str, str]] = MappingProxyType({"api_key": "INTAKEQ_API_KEY"})


class IntakeQClient(BaseClient):
    """IntakeQ's API, authenticated by the account's API key (header ``X-Auth-Key``): give
    ``api_key=``, or leave it out and set ``INTAKEQ_API_KEY`` in the environment.

    The default client-side limit is the standard plan's quota, so a batch queues instead of
    meeting 429s; :meth:`quota_usage` tells a long job how much of each budget it has spent.

    ::

        async with IntakeQClient(api_key=...) as intakeq:
            async for client in intakeq.clients.list(search="smith"):
                print(client.client_number, client.name)
    """

    vendor: ClassVar[str] = "intakeq"
    logger_name: ClassVar[str] = "intakeq_async"
    paging: ClassVar[PagingStrategy | None] = PageNumberPaging(
        items_key=None, size_param=None, fixed_page_size=100
    )
    default_rate_limit: ClassVar[RateLimit | Quota | None] = STANDARD_PLAN

    def __init__(
        self,
        *,
        api_key: str | Secret | None = None,
        base_url: str = DEFAULT_BASE_URL,
        **options: Unpack[ClientOptions],
    ) -> None:
        api_key = env.secret(
            api_key,
            owner=type(self).__name__,
            what="an API key",
            argument="api_key",
            variable=ENVIRONMENT["api_key"],
        )
        require_secret(api_key=api_key)
        super().__init__(
            base_url=base_url, auth=ApiKeyHeader(api_key, header="X-Auth-Key"), **options
        )

    def quota_usage(self) -> list[WindowUsage]:
        """Requests this client sent in each quota window (minute, day) and what remains.

        Counted by this process; empty when the client runs without a window quota.
        """
        limiter = self.limits.rate_limiter
        return limiter.usage() if isinstance(limiter, WindowQuota) else []

    @functools.cached_property
    def files(self) -> Files:
        return Files(self)

    @functools.cached_property
    def folders(self) -> Folders:
        return Folders(self)

    @functools.cached_property
    def clients(self) -> Clients:
        return Clients(self)

    @functools.cached_property
    def appointments(self) -> Appointments:
        return Appointments(self)

    @functools.cached_property
    def intakes(self) -> Intakes:
        return Intakes(self)

    @functools.cached_property
    def questionnaires(self) -> Questionnaires:
        return Questionnaires(self)

    @functools.cached_property
    def practitioners(self) -> Practitioners:
        return Practitioners(self)

    @functools.cached_property
    def notes(self) -> Notes:
        return Notes(self)

    @functools.cached_property
    def invoices(self) -> Invoices:
        return Invoices(self)

    @functools.cached_property
    def claims(self) -> Claims:
        return Claims(self)

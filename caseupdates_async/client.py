"""``CaseUpdatesClient``: the Trackops API (case updates, cases, contacts, invoices...)."""

from __future__ import annotations

import functools
import re
from typing import Final

from common import (
    BaseClient,
    BasicAuth,
    ClientOptions,
    InvalidRequestError,
    PageNumberPaging,
    RateLimit,
    Secret,
)
from common._typing import Unpack

from .resources import CaseRequests, Cases, CaseUpdates, Clients, Contacts, Expenses, Invoices

__all__ = ["CaseUpdatesClient"]

_SUBDOMAIN = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?", re.IGNORECASE)
#: Trackops documents no limit, but its own example waits between calls and warns that abuse
#: can revoke API access: one request a second by default, overridable with ``rate_limit=``.
GENTLE: Final = RateLimit(rate=1.0)


class CaseUpdatesClient(BaseClient):
    """Trackops's API for one company: ``https://{subdomain}.viewcases.com/api/v1``.

    Authenticates with HTTP Basic as ``{username}/token`` and the company's API token (only
    Full Access employees can use the API).

    ::

        async with CaseUpdatesClient(subdomain="acme", username="jo", api_token=...) as ops:
            async for update in ops.case_updates.list(case=123, is_valid=True):
                print(update.title, update.activity_at)
    """

    vendor = "trackops"
    logger_name = "caseupdates_async"
    paging = PageNumberPaging(items_key=None, size_param="per_page")
    #: Asked of every listing; a page shorter than this is the last (the API's own rule).
    default_page_size = 50
    default_rate_limit = GENTLE

    def __init__(
        self,
        *,
        subdomain: str | None = None,
        username: str,
        api_token: str | Secret,
        base_url: str | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        if base_url is None:
            if subdomain is None or not _SUBDOMAIN.fullmatch(subdomain):
                raise InvalidRequestError(f"subdomain must be a DNS label, not {subdomain!r}")
            base_url = f"https://{subdomain}.viewcases.com/api/v1"
        if not username or ":" in username or "/" in username:
            raise InvalidRequestError("username must be non-empty, without ':' or '/'")
        if not Secret(api_token):
            raise InvalidRequestError("api_token must not be empty")
        super().__init__(
            base_url=base_url, auth=BasicAuth(f"{username}/token", api_token), **options
        )

    @functools.cached_property
    def case_updates(self) -> CaseUpdates:
        return CaseUpdates(self)

    @functools.cached_property
    def cases(self) -> Cases:
        return Cases(self)

    @functools.cached_property
    def case_requests(self) -> CaseRequests:
        return CaseRequests(self)

    @functools.cached_property
    def contacts(self) -> Contacts:
        return Contacts(self)

    @functools.cached_property
    def clients(self) -> Clients:
        return Clients(self)

    @functools.cached_property
    def invoices(self) -> Invoices:
        return Invoices(self)

    @functools.cached_property
    def expenses(self) -> Expenses:
        return Expenses(self)

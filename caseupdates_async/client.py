"""``TrackopsClient``: the Trackops API (case updates, cases, contacts, staff, invoices...).

The package keeps the folder name ``caseupdates_async`` (the design card fixes it); everything
else says Trackops: the client, the vendor string (``"trackops"``), the emulator
(:class:`~caseupdates_async.emulator.TrackopsEmulator`). ``CaseUpdatesClient``, the client's
name before 0.2, still works for one release, with a :class:`DeprecationWarning`.
"""

from __future__ import annotations

import functools
import re
import warnings
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, Final

from common import (
    BaseClient,
    BasicAuth,
    ClientOptions,
    InvalidRequestError,
    PageNumberPaging,
    PagingStrategy,
    Quota,
    RateLimit,
    Secret,
    Unpack,
    env,
)
from common.checks import require_secret

from .resources import (
    CaseRequests,
    Cases,
    CaseUpdates,
    ClientLocations,
    Clients,
    Contacts,
    Expenses,
    Invoices,
    StaffMembers,
)

__all__ = ["ENVIRONMENT", "GENTLE", "TrackopsClient"]

_SUBDOMAIN = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?", re.IGNORECASE)
#: The default pacing: one request every 2 seconds. Trackops documents no limit, but its own
#: PHP example (``examples/expense_entry_export_example.php``) sleeps 2 s between calls "to
#: prevent API throttling" and warns that abuse can revoke API access, so the client goes no
#: faster than that example unless told: ``rate_limit=RateLimit(...)`` overrides it and
#: ``rate_limit=None`` removes it (tests against the emulator).
GENTLE: Final = RateLimit(rate=1, per=2.0)
#: The environment variable read for each argument left out (see :mod:`common.env`); the
#: subdomain only when no ``base_url=`` is given.
ENVIRONMENT: Final[Mapping[str, str]] = MappingProxyType(
    {
        "subdomain": "TRACKOPS_SUBDOMAIN",
        "username": "TRACKOPS_USERNAME",
        "api_token": "TRACKOPS_API_TOKEN",
    }
)


class TrackopsClient(BaseClient):
    """Trackops's API for one company: ``https://{subdomain}.viewcases.com/api/v1``.

    Authenticates with HTTP Basic as ``{username}/token`` and the company's API token (only
    Full Access employees can use the API). Requests are paced at :data:`GENTLE` (one every
    2 s) unless ``rate_limit=`` says otherwise. An argument left out is read from the
    environment: ``TRACKOPS_SUBDOMAIN``, ``TRACKOPS_USERNAME``, ``TRACKOPS_API_TOKEN``.

    ::

        async with TrackopsClient(subdomain="acme", username="jo", api_token=...) as ops:
            async for update in ops.case_updates.list(case=123, is_valid=True):
                print(update.title, update.activity_at)
    """

    vendor: ClassVar[str] = "trackops"
    logger_name: ClassVar[str] = "caseupdates_async"
    paging: ClassVar[PagingStrategy | None] = PageNumberPaging(
        items_key=None, size_param="per_page"
    )
    #: Asked of every listing; a page shorter than this is the last (the API's own rule).
    default_page_size: ClassVar[int | None] = 50
    default_rate_limit: ClassVar[RateLimit | Quota | None] = GENTLE

    def __init__(
        self,
        *,
        subdomain: str | None = None,
        username: str | None = None,
        api_token: str | Secret | None = None,
        base_url: str | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        owner = type(self).__name__
        if base_url is None:
            subdomain = env.value(
                subdomain,
                owner=owner,
                what="the company's subdomain (or a base_url=)",
                argument="subdomain",
                variable=ENVIRONMENT["subdomain"],
            )
            if not _SUBDOMAIN.fullmatch(subdomain):
                raise InvalidRequestError(f"subdomain must be a DNS label, not {subdomain!r}")
            base_url = f"https://{subdomain}.viewcases.com/api/v1"
        username = env.value(
            username,
            owner=owner,
            what="the username of a Full Access employee",
            argument="username",
            variable=ENVIRONMENT["username"],
        )
        api_token = env.secret(
            api_token,
            owner=owner,
            what="the company's API token",
            argument="api_token",
            variable=ENVIRONMENT["api_token"],
        )
        if not username or ":" in username or "/" in username:
            raise InvalidRequestError("username must be non-empty, without ':' or '/'")
        require_secret(api_token=Secret(api_token))
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
    def client_locations(self) -> ClientLocations:
        return ClientLocations(self)

    @functools.cached_property
    def staff(self) -> StaffMembers:
        return StaffMembers(self)

    @functools.cached_property
    def invoices(self) -> Invoices:
        return Invoices(self)

    @functools.cached_property
    def expenses(self) -> Expenses:
        return Expenses(self)


if TYPE_CHECKING:
    #: Deprecated (0.2): the old name of :class:`TrackopsClient`.
    CaseUpdatesClient = TrackopsClient
else:

    def __getattr__(name: str) -> Any:
        if name == "CaseUpdatesClient":
            return _renamed_client()
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _renamed_client() -> type[TrackopsClient]:
    """:class:`TrackopsClient`, with the warning that ``CaseUpdatesClient`` is its old name."""
    warnings.warn(
        "CaseUpdatesClient is deprecated; use TrackopsClient (the same class)",
        DeprecationWarning,
        stacklevel=3,
    )
    return TrackopsClient

"""``AmiliaClient``: the Amilia API v3 for one organization (and the v2 public listings)."""

from __future__ import annotations

import functools
from typing import Final, Literal, TypeVar
from urllib.parse import quote

from common import (
    ApiKeyHeaders,
    AsyncPager,
    Auth,
    BaseClient,
    ClientOptions,
    InvalidRequestError,
    JsonErrorParser,
    NextIdPaging,
    NextUrlPaging,
    Params,
    RateLimit,
    Secret,
    TokenExchange,
)
from common._typing import Unpack

from . import paths
from .resources import (
    AccessScans,
    Accounts,
    Activities,
    Events,
    Locations,
    Memberships,
    Persons,
    Programs,
    Registrations,
    Staff,
    Webhooks,
)

__all__ = ["API_KEY_HEADER", "API_SECRET_HEADER", "DEFAULT_BASE_URL", "AmiliaClient"]

_T = TypeVar("_T")

DEFAULT_BASE_URL: Final = "https://app.amilia.com"
#: Header names of the key/secret pair. Amilia's documents do not name them: these are the
#: names a public integration sends (third-party, UNCONFIRMED). One place to fix.
API_KEY_HEADER: Final = "X-Amilia-ApiKey"
API_SECRET_HEADER: Final = "X-Amilia-ApiSecret"
ORIGIN_HEADER: Final = "X-Amilia-Origin"


class AmiliaClient(BaseClient):
    """Amilia's v3 organization API. Give one of: ``username``/``password`` (exchanged for a
    JWT at ``/api/v3/authenticate``, renewed on 401), ``token`` (a JWT obtained earlier), or
    ``api_key``/``api_secret``. ``origin`` is sent as ``X-Amilia-Origin`` on every request,
    as Amilia asks. Errors carry Amilia's ``Message``, and its ``TransactionId`` as
    ``request_id``.

    ::

        async with AmiliaClient(organization="forest-explorers", username=..., password=...,
                                origin="ops@example.org") as amilia:
            async for program in amilia.programs.list(show_archived=True):
                print(program.name)
    """

    vendor = "amilia"
    logger_name = "amilia_async"
    error_parser = JsonErrorParser(
        message_keys=("Message", "message", "error"), request_id_keys=("TransactionId",)
    )
    paging = NextUrlPaging(page_param="page")
    #: Amilia's documented limit: 100 calls per second per IP address.
    default_rate_limit = RateLimit(rate=100)

    def __init__(
        self,
        *,
        organization: str | int,
        language: Literal["en", "fr"] = "en",
        username: str | None = None,
        password: str | Secret | None = None,
        token: str | Secret | None = None,
        api_key: str | Secret | None = None,
        api_secret: str | Secret | None = None,
        auth: Auth | None = None,
        origin: str | None = None,
        base_url: str = DEFAULT_BASE_URL,
        **options: Unpack[ClientOptions],
    ) -> None:
        if language not in ("en", "fr"):
            raise InvalidRequestError(f"language must be 'en' or 'fr', not {language!r}")
        organization = str(organization).strip()
        if not organization:
            raise InvalidRequestError("organization must not be empty")
        root = base_url.rstrip("/")
        self._root = root
        self.organization = organization
        self.language = language
        chosen = auth or _auth_from(
            login_url=root + paths.AUTHENTICATE,
            username=username,
            password=password,
            token=token,
            api_key=api_key,
            api_secret=api_secret,
        )
        if origin:
            options["headers"] = {**(options.get("headers") or {}), ORIGIN_HEADER: origin}
        super().__init__(
            base_url=f"{root}/api/v3/{language}/org/{quote(organization, safe='')}",
            auth=chosen,
            **options,
        )

    @property
    def token(self) -> Secret | None:
        """The JWT in use (obtained from the credentials, or given), for the app to store.

        It lasts a year; pass it back as ``token=`` to skip the login next time.
        """
        auth = self.auth
        return auth.token if isinstance(auth, TokenExchange) else None

    def paginate_v2(
        self, path: str, *, model: type[_T], params: Params | None = None
    ) -> AsyncPager[_T]:
        """A listing of the v2 public API (``/PublicApi/{org}/{language}{path}``), paged by
        ``Page.NextId``/``idStart``; set the page size (5..100) with ``.with_options``."""
        root = paths.V2_ROOT.format(
            organization=quote(self.organization, safe=""), language=self.language
        )
        return self.paginate(
            f"{self._root}{root}{path}", model=model, params=params, paging=NextIdPaging()
        )

    @functools.cached_property
    def programs(self) -> Programs:
        return Programs(self)

    @functools.cached_property
    def activities(self) -> Activities:
        return Activities(self)

    @functools.cached_property
    def accounts(self) -> Accounts:
        return Accounts(self)

    @functools.cached_property
    def events(self) -> Events:
        return Events(self)

    @functools.cached_property
    def persons(self) -> Persons:
        return Persons(self)

    @functools.cached_property
    def locations(self) -> Locations:
        return Locations(self)

    @functools.cached_property
    def memberships(self) -> Memberships:
        return Memberships(self)

    @functools.cached_property
    def registrations(self) -> Registrations:
        return Registrations(self)

    @functools.cached_property
    def staff(self) -> Staff:
        return Staff(self)

    @functools.cached_property
    def access_scans(self) -> AccessScans:
        return AccessScans(self)

    @functools.cached_property
    def webhooks(self) -> Webhooks:
        return Webhooks(self)


def _auth_from(
    *,
    login_url: str,
    username: str | None,
    password: str | Secret | None,
    token: str | Secret | None,
    api_key: str | Secret | None,
    api_secret: str | Secret | None,
) -> Auth:
    """The one scheme the arguments name; mixing or missing schemes is refused."""
    has_login = username is not None or password is not None
    has_key = api_key is not None or api_secret is not None
    if has_key and (has_login or token is not None):
        raise InvalidRequestError("give username/password or token, or api_key/api_secret")
    if has_key:
        if api_key is None or api_secret is None:
            raise InvalidRequestError("give both api_key and api_secret")
        return ApiKeyHeaders({API_KEY_HEADER: api_key, API_SECRET_HEADER: api_secret})
    if has_login and (username is None or password is None):
        raise InvalidRequestError("give both username and password")
    if not has_login and token is None:
        raise InvalidRequestError(
            "Amilia needs credentials: username/password, token, or api_key/api_secret"
        )
    return TokenExchange(
        login_url,
        username=username,
        password=password,
        token=token,
        token_key="Token",
        method="GET",
    )

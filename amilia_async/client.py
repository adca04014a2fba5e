"""``AmiliaClient``: the Amilia API v3 for one organization (and the v2 public listings)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import ClassVar, Final, Literal, TypeVar
from urllib.parse import quote

from common import (
    ApiKeyHeaders,
    AsyncPager,
    Auth,
    BaseClient,
    ClientOptions,
    ErrorParser,
    InvalidRequestError,
    JsonErrorParser,
    NextIdPaging,
    NextUrlPaging,
    PagingStrategy,
    Params,
    Quota,
    RateLimit,
    Secret,
    TokenExchange,
    Unpack,
    env,
)
from common.checks import require_choice, require_secret, require_text

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

__all__ = [
    "API_KEY_HEADER",
    "API_SECRET_HEADER",
    "DEFAULT_BASE_URL",
    "ENVIRONMENT",
    "AmiliaClient",
]

_T = TypeVar("_T")

DEFAULT_BASE_URL: Final = "https://app.amilia.com"
#: Header names of the key/secret pair. Amilia's documents do not name them: these are the
#: names a public integration sends (third-party, UNCONFIRMED). One place to fix.
API_KEY_HEADER: Final = "X-Amilia-ApiKey"
API_SECRET_HEADER: Final = "X-Amilia-ApiSecret"
ORIGIN_HEADER: Final = "X-Amilia-Origin"
#: The environment variable read for each argument left out (see :mod:`common.env`). The
#: credentials come all from the arguments or all from the environment, never mixed: when
#: ``auth=`` or any of the five is given, none of their variables is read.
ENVIRONMENT: Final[Mapping[str, str]] = MappingProxyType(
    {
        "organization": "AMILIA_ORGANIZATION",
        "username": "AMILIA_USERNAME",
        "password": "AMILIA_PASSWORD",
        "token": "AMILIA_TOKEN",
        "api_key": "AMILIA_API_KEY",
        "api_secret": "AMILIA_API_SECRET",
    }
)
#: How :func:`_auth_from` names each credential in its errors: as an argument, or as the
#: variable it was read from.
_ARGUMENT_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {name: f"{name}=" for name in ("username", "password", "token", "api_key", "api_secret")}
)


class AmiliaClient(BaseClient):
    """Amilia's v3 organization API. Give one of: ``username``/``password`` (exchanged for a
    JWT by a ``GET`` of ``/api/v3/authenticate``, see ``paths.AUTHENTICATE_METHOD``; renewed
    on 401), ``token`` (a JWT obtained earlier), or
    ``api_key``/``api_secret``. ``origin`` is sent as ``X-Amilia-Origin`` on every request,
    as Amilia asks. Errors carry Amilia's ``Message``, and its ``TransactionId`` as
    ``request_id``.

    Left out, the organization is read from ``AMILIA_ORGANIZATION``; with no credential
    argument (nor ``auth=``), the credentials are read from ``AMILIA_USERNAME`` and
    ``AMILIA_PASSWORD``, ``AMILIA_TOKEN``, or ``AMILIA_API_KEY`` and ``AMILIA_API_SECRET``
    (:data:`ENVIRONMENT`).

    ::

        async with AmiliaClient(organization="forest-explorers", username=..., password=...,
                                origin="ops@example.org") as amilia:
            async for program in amilia.programs.list(show_archived=True):
                print(program.name)
    """

    vendor: ClassVar[str] = "amilia"
    logger_name: ClassVar[str] = "amilia_async"
    error_parser: ClassVar[ErrorParser] = JsonErrorParser(
        message_keys=("Message", "message", "error"), request_id_keys=("TransactionId",)
    )
    paging: ClassVar[PagingStrategy | None] = NextUrlPaging(page_param="page")
    #: Amilia's documented limit is 100 calls per second per IP address: requests are spaced
    #: 10 % wider than that (91 a second), so that up to 100 ms of delay on the way never puts
    #: 101 of them in one of Amilia's seconds (at 2 % some were still answered 429).
    default_rate_limit: ClassVar[RateLimit | Quota | None] = RateLimit(rate=100, margin=0.1)

    #: The organization's slug or id, as given (or read from ``AMILIA_ORGANIZATION``).
    organization: str
    #: The language of the answers' texts, and of the URLs: ``"en"`` or ``"fr"``.
    language: Literal["en", "fr"]

    def __init__(
        self,
        *,
        organization: str | int | None = None,
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
        owner = type(self).__name__
        require_choice(("en", "fr"), language=language)
        organization = env.value(
            None if organization is None else str(organization),
            owner=owner,
            what="an organization",
            argument="organization",
            variable=ENVIRONMENT["organization"],
        ).strip()
        require_text(organization=organization)
        root = base_url.rstrip("/")
        self._root = root
        self.organization = organization
        self.language = language
        names = _ARGUMENT_NAMES
        if auth is None and all(
            given is None for given in (username, password, token, api_key, api_secret)
        ):
            names = ENVIRONMENT
            username = env.read(ENVIRONMENT["username"])
            password = env.read_secret(ENVIRONMENT["password"])
            token = env.read_secret(ENVIRONMENT["token"])
            api_key = env.read_secret(ENVIRONMENT["api_key"])
            api_secret = env.read_secret(ENVIRONMENT["api_secret"])
            if all(found is None for found in (username, password, token, api_key, api_secret)):
                raise env.missing(
                    owner,
                    "credentials",
                    arguments="username= and password=, token=, or api_key= and api_secret=",
                    variables=(
                        "AMILIA_USERNAME and AMILIA_PASSWORD, AMILIA_TOKEN, "
                        "or AMILIA_API_KEY and AMILIA_API_SECRET"
                    ),
                )
        chosen = auth or _auth_from(
            login_url=root + paths.AUTHENTICATE,
            username=username,
            password=password,
            token=token,
            api_key=api_key,
            api_secret=api_secret,
            names=names,
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
    names: Mapping[str, str] = _ARGUMENT_NAMES,
) -> Auth:
    """The one scheme the credentials name; mixing or missing schemes is refused. *names*
    says what to call each in an error: the argument, or the variable it was read from."""
    given = {
        "username": username,
        "password": password,
        "token": token,
        "api_key": api_key,
        "api_secret": api_secret,
    }
    require_secret(**{names[key]: c for key, c in given.items() if c is not None})
    has_login = username is not None or password is not None
    has_key = api_key is not None or api_secret is not None
    if has_key and (has_login or token is not None):
        raise InvalidRequestError(
            f"give {names['username']}/{names['password']} or {names['token']}, "
            f"or {names['api_key']}/{names['api_secret']}, not both"
        )
    if has_key:
        if api_key is None or api_secret is None:
            raise InvalidRequestError(f"give both {names['api_key']} and {names['api_secret']}")
        return ApiKeyHeaders({API_KEY_HEADER: api_key, API_SECRET_HEADER: api_secret})
    if has_login and (username is None or password is None):
        raise InvalidRequestError(f"give both {names['username']} and {names['password']}")
    if not has_login and token is None:
        raise InvalidRequestError(
            f"Amilia needs credentials: {names['username']}/{names['password']}, "
            f"{names['token']}, or {names['api_key']}/{names['api_secret']}"
        )
    return TokenExchange(
        login_url,
        username=username,
        password=password,
        token=token,
        token_key="Token",
        method=paths.AUTHENTICATE_METHOD,
    )

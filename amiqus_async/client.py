"""``AmiqusClient``: the Amiqus ID REST API v2 (clients, records, cases, organisations...)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import ClassVar, Final

from common import (
    Auth,
    BearerToken,
    ClientOptions,
    ErrorParser,
    InvalidRequestError,
    JsonErrorParser,
    PagingStrategy,
    Secret,
    Unpack,
    env,
)
from common.checks import require_secret

from .paging import PAGING
from .resources import AmiqusResources

__all__ = ["DEFAULT_BASE_URL", "ENVIRONMENT", "AmiqusClient"]

DEFAULT_BASE_URL: Final = "https://id.amiqus.co/api/v2"
#: The environment variable read for each argument left out (see :mod:`common.env`): the
#: personal access token, when neither ``token=`` nor ``oauth=`` is given.
ENVIRONMENT: Final[Mapping[str, str]] = MappingProxyType({"token": "AMIQUS_TOKEN"})


class AmiqusClient(AmiqusResources):
    """The Amiqus ID API of one team, with a personal access token or OAuth 2.

    ::

        async with AmiqusClient() as amiqus:  # token=, or AMIQUS_TOKEN in the environment
            client = await amiqus.clients.create(ClientInput(name=NameInput(...), email=...))
            async for record in amiqus.clients.list_records(client.id):
                print(record.status)

    Every operation of the vendor's OpenAPI spec is a method on the attribute named after
    its tag (``amiqus.client_files.download(...)``, ``amiqus.case_items.update(...)``);
    ``oauth=`` takes the refresh-token strategy from :func:`amiqus_async.oauth` helpers.
    """

    vendor: ClassVar[str] = "amiqus"
    logger_name: ClassVar[str] = "amiqus_async"
    paging: ClassVar[PagingStrategy | None] = PAGING
    error_parser: ClassVar[ErrorParser] = JsonErrorParser(field_errors_at_top=True)
    #: The most a page may hold: fewer requests for the same listing.
    default_page_size: ClassVar[int | None] = 100

    def __init__(
        self,
        *,
        token: str | Secret | None = None,
        oauth: Auth | None = None,
        base_url: str = DEFAULT_BASE_URL,
        **options: Unpack[ClientOptions],
    ) -> None:
        if token is not None and oauth is not None:
            raise InvalidRequestError("give token= (a personal access token) or oauth=, not both")
        if token is None and oauth is None:
            token = env.read_secret(ENVIRONMENT["token"])
            if token is None:
                raise env.missing(
                    type(self).__name__,
                    "a personal access token or OAuth",
                    arguments="token= or oauth=",
                    variables=ENVIRONMENT["token"],
                )
        if token is not None:
            require_secret(token=Secret(token))
        auth = oauth if oauth is not None else BearerToken(token or "")
        super().__init__(base_url=base_url, auth=auth, **options)

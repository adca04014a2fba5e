"""``AmiqusClient``: the Amiqus ID REST API v2 (clients, records, cases, organisations...)."""

from __future__ import annotations

from typing import Final

from common import (
    Auth,
    BearerToken,
    InvalidRequestError,
    JsonErrorParser,
    Secret,
)
from common._typing import Unpack
from common.client import ClientOptions

from .paging import PAGING
from .resources import AmiqusResources

__all__ = ["DEFAULT_BASE_URL", "AmiqusClient"]

DEFAULT_BASE_URL: Final = "https://id.amiqus.co/api/v2"


class AmiqusClient(AmiqusResources):
    """The Amiqus ID API of one team, with a personal access token or OAuth 2.

    ::

        async with AmiqusClient(token=os.environ["AMIQUS_TOKEN"]) as amiqus:
            client = await amiqus.clients.create(ClientInput(name=NameInput(...), email=...))
            async for record in amiqus.clients.list_records(client.id):
                print(record.status)

    Every operation of the vendor's OpenAPI spec is a method on the attribute named after
    its tag (``amiqus.client_files.download(...)``, ``amiqus.case_items.update(...)``);
    ``oauth=`` takes the refresh-token strategy from :func:`amiqus_async.oauth` helpers.
    """

    vendor = "amiqus"
    logger_name = "amiqus_async"
    paging = PAGING
    error_parser = JsonErrorParser(field_errors_at_top=True)
    #: The most a page may hold: fewer requests for the same listing.
    default_page_size = 100

    def __init__(
        self,
        *,
        token: str | Secret | None = None,
        oauth: Auth | None = None,
        base_url: str = DEFAULT_BASE_URL,
        **options: Unpack[ClientOptions],
    ) -> None:
        if (token is None) == (oauth is None):
            raise InvalidRequestError("give token= (a personal access token) or oauth=, not both")
        if token is not None and not Secret(token):
            raise InvalidRequestError("token must not be empty")
        auth = oauth if oauth is not None else BearerToken(token or "")
        super().__init__(base_url=base_url, auth=auth, **options)

"""Clients: list, profiles, create or update (``save``), tags and diagnoses."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, TypedDict

from common import AsyncPager, Resource, Unpaged, deprecated_alias, filtered
from common.checks import require_id, require_text

from .. import paths
from ..filters import ClientFilters
from ..models import Client, ClientInput, ClientSummary, Diagnosis, TagInput


class Clients(Resource):
    @filtered(ClientFilters)
    def list(self, filters: ClientFilters) -> AsyncPager[ClientSummary]:
        """Clients, 100 a page (``GET /clients``): the short form, with ``ClientNumber``,
        filtered by the keywords of :class:`~intakeq_async.filters.ClientFilters`."""
        return self._list(paths.CLIENTS, model=ClientSummary, params=filters)

    @filtered(ClientFilters)
    def list_profiles(self, filters: ClientFilters) -> AsyncPager[Client]:
        """Clients with their full profiles (``GET /clients?includeProfile=true``), filtered
        as :meth:`list`."""
        params = {**filters.to_params(), "includeProfile": True}
        return self._list(paths.CLIENTS, model=Client, params=params)

    async def get(self, client_id: int) -> Client:
        """One client's full profile (``GET /clients/profile/{clientId}``)."""
        return await self._get(paths.CLIENT_PROFILE, {"id": client_id}, model=Client)

    async def save(self, client: ClientInput) -> Client:
        """Create the client, or update it when ``client_id`` is set (``POST /clients``).

        IntakeQ has one call for both, so the method is named for neither: ``create`` and
        ``update`` mean the same in every vendor, and this is not quite either. Only the
        fields you set are sent.
        """
        return await self._request("POST", paths.CLIENTS, model=Client, body=client)

    async def add_tag(self, client_id: int, tag: str) -> None:
        """Tag a client (``POST /clientTags``)."""
        require_id(client_id=client_id)
        require_text(tag=tag)
        await self._request("POST", paths.CLIENT_TAGS, body=TagInput(client_id=client_id, tag=tag))

    async def remove_tag(self, client_id: int, tag: str) -> None:
        """Remove a tag (``DELETE /clientTags?clientId=&tag=``)."""
        require_id(client_id=client_id)
        require_text(tag=tag)
        await self._delete(paths.CLIENT_TAGS, params={"clientId": client_id, "tag": tag})

    def list_diagnoses(self, client_id: int) -> AsyncPager[Diagnosis]:
        """A client's diagnoses (``GET /client/{clientId}/diagnoses``, one bare array)."""
        return self._list(
            paths.CLIENT_DIAGNOSES, {"id": client_id}, model=Diagnosis, paging=Unpaged()
        )

    @deprecated_alias(list)
    def query(self) -> None:
        """Deprecated since 0.2: the old name of :meth:`list`, kept for one release."""

    @deprecated_alias(list_profiles)
    def query_profiles(self) -> None:
        """Deprecated since 0.2: the old name of :meth:`list_profiles`, kept for one release."""

    @deprecated_alias(get)
    def get_profile(self) -> None:
        """Deprecated since 0.2: the old name of :meth:`get`, kept for one release."""

    @deprecated_alias(list_diagnoses)
    def diagnoses(self) -> None:
        """Deprecated since 0.2: the old name of :meth:`list_diagnoses`, kept for one release."""


class _ClientQuery(TypedDict, total=False):
    """The filters of ``GET /clients`` as a TypedDict (deprecated: they are
    :class:`~intakeq_async.filters.ClientFilters` now)."""

    search: str
    date_created_start: date
    date_created_end: date
    date_updated_start: date
    date_updated_end: date
    custom_fields: Mapping[str, str]
    external_client_id: str
    deleted_only: bool


if TYPE_CHECKING:
    ClientQuery = _ClientQuery
else:

    def __getattr__(name: str) -> Any:
        if name == "ClientQuery":
            warnings.warn(
                "intakeq_async.resources.clients.ClientQuery is deprecated; "
                "use intakeq_async.filters.ClientFilters",
                DeprecationWarning,
                stacklevel=2,
            )
            return _ClientQuery
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

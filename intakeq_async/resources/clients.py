"""Clients: query, profile, create or update, tags and diagnoses."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, TypedDict

from common import AsyncPager, InvalidRequestError, Resource, Unpaged, format_path
from common._typing import Unpack
from common.models import unstructure
from common.params import day

from .. import paths
from ..models import Client, ClientInput, ClientSummary, Diagnosis, TagInput


class ClientQuery(TypedDict, total=False):
    """The filters of ``GET /clients`` (all optional)."""

    search: str
    date_created_start: date
    date_created_end: date
    date_updated_start: date
    date_updated_end: date
    #: ``{field id: value}`` for custom fields, one ``custom.{fieldId}=value`` parameter each
    #: (the form is :data:`intakeq_async.paths.CLIENT_CUSTOM_FIELD_FILTER`).
    custom_fields: Mapping[str, str]
    external_client_id: str
    deleted_only: bool


def _query_params(filters: ClientQuery, *, include_profile: bool) -> dict[str, Any]:
    params: dict[str, Any] = {
        "search": filters.get("search"),
        "includeProfile": True if include_profile else None,
        "dateCreatedStart": day("date_created_start", filters.get("date_created_start")),
        "dateCreatedEnd": day("date_created_end", filters.get("date_created_end")),
        "dateUpdatedStart": day("date_updated_start", filters.get("date_updated_start")),
        "dateUpdatedEnd": day("date_updated_end", filters.get("date_updated_end")),
        "externalClientId": filters.get("external_client_id"),
        "deletedOnly": filters.get("deleted_only"),
    }
    custom: Mapping[Any, object] = filters.get("custom_fields") or {}  # checked at run time
    for field_id, value in custom.items():
        if not isinstance(field_id, str) or not field_id.strip():
            raise InvalidRequestError(f"a custom field id must be a non-empty string: {field_id!r}")
        if not isinstance(value, str):
            raise InvalidRequestError(f"custom field {field_id!r}: the value must be a string")
        params[paths.CLIENT_CUSTOM_FIELD_FILTER.format(field_id=field_id)] = value
    return params


class Clients(Resource):
    def query(self, **filters: Unpack[ClientQuery]) -> AsyncPager[ClientSummary]:
        """Clients, 100 a page (``GET /clients``): the short form, with ``ClientNumber``."""
        return self._client.paginate(
            paths.CLIENTS,
            model=ClientSummary,
            params=_query_params(filters, include_profile=False),
        )

    def query_profiles(self, **filters: Unpack[ClientQuery]) -> AsyncPager[Client]:
        """Clients with their full profiles (``GET /clients?includeProfile=true``)."""
        return self._client.paginate(
            paths.CLIENTS, model=Client, params=_query_params(filters, include_profile=True)
        )

    async def get_profile(self, client_id: int) -> Client:
        """One client's profile (``GET /clients/profile/{clientId}``)."""
        return await self._client.request_model(
            Client, "GET", format_path(paths.CLIENT_PROFILE, id=client_id)
        )

    async def save(self, client: ClientInput) -> Client:
        """Create the client, or update it when ``client_id`` is set (``POST /clients``).

        Only the fields you set are sent.
        """
        return await self._client.request_model(
            Client, "POST", paths.CLIENTS, json=unstructure(client)
        )

    async def add_tag(self, client_id: int, tag: str) -> None:
        """Tag a client (``POST /clientTags``)."""
        if not tag.strip():
            raise InvalidRequestError("tag must not be empty")
        body = unstructure(TagInput(client_id=client_id, tag=tag))
        await self._client.request("POST", paths.CLIENT_TAGS, json=body)

    async def remove_tag(self, client_id: int, tag: str) -> None:
        """Remove a tag (``DELETE /clientTags?clientId=&tag=``)."""
        if not tag.strip():
            raise InvalidRequestError("tag must not be empty")
        await self._client.request(
            "DELETE", paths.CLIENT_TAGS, params={"clientId": client_id, "tag": tag}
        )

    def diagnoses(self, client_id: int) -> AsyncPager[Diagnosis]:
        """A client's diagnoses (``GET /client/{clientId}/diagnoses``, one bare array)."""
        return self._client.paginate(
            format_path(paths.CLIENT_DIAGNOSES, id=client_id), model=Diagnosis, paging=Unpaged()
        )

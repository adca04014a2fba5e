"""Clients and their contacts."""

from __future__ import annotations

from typing import Literal

from common import AsyncPager, Resource, format_path
from common._typing import Unpack
from common.models import unstructure

from .. import paths
from ..filters import ContactFilters, wire_params
from ..models import Client, Contact, ContactInput
from ._checks import require_id, require_text


class Contacts(Resource):
    def list(self, **filters: Unpack[ContactFilters]) -> AsyncPager[Contact]:
        """Client contacts matching every filter given (``GET /client/contacts``, paged)."""
        return self._client.paginate(paths.CONTACTS, model=Contact, params=wire_params(filters))

    async def get(self, contact_id: int, *, expand_field_values: bool | None = None) -> Contact:
        """One contact (``GET /client/contacts/{id}``)."""
        return await self._client.request_model(
            Contact,
            "GET",
            format_path(paths.CONTACT, id=contact_id),
            params={"expand_field_values": expand_field_values},
        )

    async def create(self, contact: ContactInput) -> Contact:
        """Add a contact to a client *location* (``POST /client/contacts``)."""
        require_id(client_id=contact.client_id, role_id=contact.role_id)
        require_text(first_name=contact.first_name, last_name=contact.last_name)
        return await self._client.request_model(
            Contact, "POST", paths.CONTACTS, json=unstructure(contact)
        )


class Clients(Resource):
    def list(self, *, dir: Literal["asc", "desc"] | None = None) -> AsyncPager[Client]:
        """The company's clients (``GET /clients``, paged)."""
        return self._client.paginate(
            paths.CLIENTS, model=Client, params=wire_params({"dir": dir} if dir else {})
        )

"""Clients, their locations and their contacts."""

from __future__ import annotations

from typing import Final, Literal

from common import AsyncPager, Resource, format_path
from common._sentinel import is_given
from common._typing import Unpack
from common.models import unstructure

from .. import paths
from ..filters import ClientLocationFilters, ContactFilters, Order, wire_params
from ..models import Client, ClientLocation, ClientLocationInput, Contact, ContactInput
from ._checks import require_id, require_text

#: What ``POST /client/contacts`` answers. The article says "returns a client object";
#: read as a slip of the pen for the contact just made (list and get answer contacts, and
#: every other create answers what it made). A client's keys would still reach ``extra``.
CREATED_CONTACT: Final = Contact


class Contacts(Resource):
    def list(self, **filters: Unpack[ContactFilters]) -> AsyncPager[Contact]:
        """Client contacts matching every filter given (``GET /client/contacts``, paged)."""
        return self._client.paginate(
            paths.CONTACTS, model=Contact, params=wire_params(filters, ContactFilters)
        )

    async def get(self, contact_id: int, *, expand_field_values: bool | None = None) -> Contact:
        """One contact (``GET /client/contacts/{id}``)."""
        return await self._client.request_model(
            Contact,
            "GET",
            format_path(paths.CONTACT, id=contact_id),
            params={"expand_field_values": expand_field_values},
        )

    async def create(self, contact: ContactInput) -> Contact:
        """Add a contact to a client *location* (``POST /client/contacts``).

        Answers the new :class:`~caseupdates_async.models.Contact` (see
        :data:`CREATED_CONTACT`).
        """
        require_id(client_id=contact.client_id, role_id=contact.role_id)
        require_text(first_name=contact.first_name, last_name=contact.last_name)
        return await self._client.request_model(
            CREATED_CONTACT, "POST", paths.CONTACTS, json=unstructure(contact)
        )


class Clients(Resource):
    def list(self, *, dir: Literal["asc", "desc"] | None = None) -> AsyncPager[Client]:
        """The company's clients (``GET /clients``, paged)."""
        order: Order = {"dir": dir} if dir else {}
        return self._client.paginate(paths.CLIENTS, model=Client, params=wire_params(order, Order))


class ClientLocations(Resource):
    """The branches of the clients; a contact's ``client_id`` is a location's id."""

    def list(self, **filters: Unpack[ClientLocationFilters]) -> AsyncPager[ClientLocation]:
        """Client locations matching every filter given (``GET /client/locations``, paged)."""
        return self._client.paginate(
            paths.CLIENT_LOCATIONS,
            model=ClientLocation,
            params=wire_params(filters, ClientLocationFilters),
        )

    async def get(self, location_id: int) -> ClientLocation:
        """One client location (``GET /client/locations/{id}``)."""
        return await self._client.request_model(
            ClientLocation, "GET", format_path(paths.CLIENT_LOCATION, id=location_id)
        )

    async def create(self, location: ClientLocationInput) -> ClientLocation:
        """Add a location to the root client ``root_id`` (``POST /client/locations``)."""
        require_id(root_id=location.root_id)
        require_text(name=location.name)
        if is_given(location.email_invoice):
            require_text(email_invoice=location.email_invoice)
        return await self._client.request_model(
            ClientLocation, "POST", paths.CLIENT_LOCATIONS, json=unstructure(location)
        )

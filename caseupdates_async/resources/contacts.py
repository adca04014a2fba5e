"""Clients, their locations and their contacts."""

from __future__ import annotations

from typing import Final, Literal

from common import AsyncPager, Resource, filtered, is_given
from common.checks import require_id, require_text

from .. import paths
from ..filters import ClientLocationFilters, ContactFilters, ContactOptions, Order
from ..models import Client, ClientLocation, ClientLocationInput, Contact, ContactInput

#: What ``POST /client/contacts`` answers. The article says "returns a client object";
#: read as a slip of the pen for the contact just made (list and get answer contacts, and
#: every other create answers what it made). A client's keys would still reach ``extra``.
CREATED_CONTACT: Final = Contact


class Contacts(Resource):
    @filtered(ContactFilters)
    def list(self, filters: ContactFilters) -> AsyncPager[Contact]:
        """Client contacts matching every filter given (``GET /client/contacts``, paged), as
        :class:`~caseupdates_async.filters.ContactFilters` lists them."""
        return self._list(paths.CONTACTS, model=Contact, params=filters)

    async def get(self, contact_id: int, *, expand_field_values: bool | None = None) -> Contact:
        """One contact (``GET /client/contacts/{id}``)."""
        options = ContactOptions(expand_field_values=expand_field_values)
        return await self._get(paths.CONTACT, {"id": contact_id}, model=Contact, params=options)

    async def create(self, contact: ContactInput) -> Contact:
        """Add a contact to a client *location* (``POST /client/contacts``).

        Answers the new :class:`~caseupdates_async.models.Contact` (see
        :data:`CREATED_CONTACT`).
        """
        require_id(client_id=contact.client_id, role_id=contact.role_id)
        require_text(first_name=contact.first_name, last_name=contact.last_name)
        return await self._create(paths.CONTACTS, model=CREATED_CONTACT, body=contact)


class Clients(Resource):
    def list(self, *, dir: Literal["asc", "desc"] | None = None) -> AsyncPager[Client]:
        """The company's clients (``GET /clients``, paged), by id ``dir``."""
        return self._list(paths.CLIENTS, model=Client, params=Order(dir=dir))


class ClientLocations(Resource):
    """The branches of the clients; a contact's ``client_id`` is a location's id."""

    @filtered(ClientLocationFilters)
    def list(self, filters: ClientLocationFilters) -> AsyncPager[ClientLocation]:
        """Client locations matching every filter given (``GET /client/locations``, paged),
        as :class:`~caseupdates_async.filters.ClientLocationFilters` lists them."""
        return self._list(paths.CLIENT_LOCATIONS, model=ClientLocation, params=filters)

    async def get(self, location_id: int) -> ClientLocation:
        """One client location (``GET /client/locations/{id}``)."""
        return await self._get(paths.CLIENT_LOCATION, {"id": location_id}, model=ClientLocation)

    async def create(self, location: ClientLocationInput) -> ClientLocation:
        """Add a location to the root client ``root_id`` (``POST /client/locations``)."""
        require_id(root_id=location.root_id)
        require_text(name=location.name)
        if is_given(location.email_invoice):
            require_text(email_invoice=location.email_invoice)
        return await self._create(paths.CLIENT_LOCATIONS, model=ClientLocation, body=location)

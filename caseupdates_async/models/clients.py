"""Clients, client locations and client contacts.

Sources: Trackops help centre "API Reference - Client Contacts" (article 212338943: list
filters; create parameters ``client_id`` -- "the ID of the client location (not the root
client)" -- and ``role_id``, both required), "API Reference - Client Locations" (article
212338863: list filters ``id``, ``name``, ``parent``, ``salesperson`` and the created/updated
ranges; create parameters ``root_id`` and ``name`` required, then ``is_primary``,
``email_invoice``, ``address_1``, ``address_2``, ...) and "Introduction to the Developer API"
(``GET /clients`` as the example access point). Trackops publishes no response body: every
field but ``id`` is optional, and keys not modelled are kept in
:attr:`~common.models.Model.extra`.
"""

from __future__ import annotations

import attrs

from common import NOT_GIVEN, NotGivenOr
from common.models import Model

from ._time import TrackopsDateTime

__all__ = ["Client", "ClientLocation", "ClientLocationInput", "Contact", "ContactInput"]


@attrs.frozen(kw_only=True)
class Client(Model):
    """A client (a root client), from ``GET /clients``.

    No field list is published; ``name`` and the UTC timestamps are assumed by analogy
    with the other objects.
    """

    id: int
    name: str | None = None
    created_at: TrackopsDateTime | None = None
    updated_at: TrackopsDateTime | None = None


@attrs.frozen(kw_only=True)
class ClientLocation(Model):
    """A client location (a branch of a root client), from ``GET /client/locations``,
    ``GET /client/locations/{id}`` and ``POST /client/locations``.

    No response example is published, so every field is a plausible guess and optional:
    the create body's names (``root_id`` -- the parent client, the ``parent`` filter --,
    ``name``, ``is_primary``, ``email_invoice``, ``address_1``, ``address_2``; ``city``,
    ``state``, ``zip`` and ``country`` as in the address custom fields of Trackops's PHP
    client, the article's table being cut after ``address_2``), ``salesperson_id`` (the
    ``salesperson`` filter: the location's default salesperson) and the UTC timestamps of
    the created/updated filters. A contact's ``client_id`` and a case's
    ``client_location_id`` are a location's ``id``.
    """

    id: int
    root_id: int | None = None
    name: str | None = None
    is_primary: bool | None = None
    email_invoice: str | None = None
    address_1: str | None = None
    address_2: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    country: str | None = None
    salesperson_id: int | None = None
    created_at: TrackopsDateTime | None = None
    updated_at: TrackopsDateTime | None = None


@attrs.frozen(kw_only=True)
class ClientLocationInput:
    """The body of ``POST /client/locations`` (sent as it is, not nested).

    Required by the article: ``root_id`` (the parent client, see ``GET /clients``) and
    ``name``. ``is_primary`` makes it the client's one primary location; ``email_invoice``
    receives invoices. ``city``, ``state``, ``zip`` and ``country`` are unconfirmed names
    (see :class:`ClientLocation`); only the fields given are sent.
    """

    root_id: int
    name: str
    is_primary: NotGivenOr[bool] = NOT_GIVEN
    email_invoice: NotGivenOr[str] = NOT_GIVEN
    address_1: NotGivenOr[str] = NOT_GIVEN
    address_2: NotGivenOr[str] = NOT_GIVEN
    city: NotGivenOr[str] = NOT_GIVEN
    state: NotGivenOr[str] = NOT_GIVEN
    zip: NotGivenOr[str] = NOT_GIVEN
    country: NotGivenOr[str] = NOT_GIVEN


@attrs.frozen(kw_only=True)
class Contact(Model):
    """A client contact (a client user), from ``GET /client/contacts``,
    ``GET /client/contacts/{id}`` and ``POST /client/contacts``.

    Names from the article's list filters (``first_name``, ``last_name``, ``email``,
    ``client`` → ``client_id``, the root client; ``client_location`` →
    ``client_location_id``, the location the contact belongs to; ``role`` → ``role_id``;
    ``salesperson`` → ``salesperson_id``). ``created_at`` and ``updated_at`` (UTC) follow
    the ``created_from``/``updated_from`` filters. Unconfirmed against the live API: the
    create body's ``client_id`` means the location, the response may use it so too.

    The create call reads its answer as a ``Contact``, although the article says it
    "returns a client object": taken for a slip of the pen (the list and get calls answer
    contacts, and every other create answers the object it made). Should the live API
    answer a client after all, its keys stay readable in ``extra``.
    """

    id: int
    client_id: int | None = None
    client_location_id: int | None = None
    role_id: int | None = None
    salesperson_id: int | None = None
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    created_at: TrackopsDateTime | None = None
    updated_at: TrackopsDateTime | None = None


@attrs.frozen(kw_only=True)
class ContactInput:
    """The body of ``POST /client/contacts``.

    ``client_id`` is the id of a client *location*, never of a root client ("Client
    contacts in Trackops are always assigned to client locations"); ``role_id`` is the
    role holding the contact's permissions. Both are required by the article. The names
    and email are required here too (a contact is a user account) -- a guess, the rest of
    the article's table was not readable. ``salesperson_id`` follows the ``salesperson``
    filter and is sent only when given.
    """

    client_id: int
    role_id: int
    first_name: str
    last_name: str
    email: str
    salesperson_id: NotGivenOr[int] = NOT_GIVEN

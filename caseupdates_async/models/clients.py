"""Clients and client contacts.

Sources: Trackops help centre "API Reference - Client Contacts" (article 212338943: list
filters; create parameters ``client_id`` -- "the ID of the client location (not the root
client)" -- and ``role_id``, both required) and "Introduction to the Developer API"
(``GET /clients`` as the example access point). Trackops does not document the response
bodies: every field but ``id`` is optional.
"""

from __future__ import annotations

import attrs

from common._sentinel import NOT_GIVEN, NotGivenOr

from ._time import TrackopsDateTime

__all__ = ["Client", "Contact", "ContactInput"]


@attrs.frozen(kw_only=True)
class Client:
    """A client (a root client or one of its locations), from ``GET /clients``.

    No field list is published; ``name`` and the UTC timestamps are assumed by analogy
    with the other objects. Unknown keys are ignored.
    """

    id: int
    name: str | None = None
    created_at: TrackopsDateTime | None = None
    updated_at: TrackopsDateTime | None = None


@attrs.frozen(kw_only=True)
class Contact:
    """A client contact (a client user), from ``GET /client/contacts``,
    ``GET /client/contacts/{id}`` and ``POST /client/contacts``.

    Names from the article's list filters (``first_name``, ``last_name``, ``email``,
    ``client`` → ``client_id``, the root client; ``client_location`` →
    ``client_location_id``, the location the contact belongs to; ``role`` → ``role_id``;
    ``salesperson`` → ``salesperson_id``). ``created_at`` and ``updated_at`` (UTC) follow
    the ``created_from``/``updated_from`` filters. Unconfirmed against the live API: the
    create body's ``client_id`` means the location, the response may use it so too.
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

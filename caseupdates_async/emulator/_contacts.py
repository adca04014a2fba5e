"""Client contacts (list, get, create), clients and client locations (help centre)."""

from __future__ import annotations

from aiohttp import web

from caseupdates_async.emulator._fields import MISSING, Fields
from caseupdates_async.emulator._http import Ctx, F, Filter
from caseupdates_async.emulator._store import Json, next_id

__all__ = [
    "CONTACT_FILTERS",
    "LOCATION_FILTERS",
    "create_contact",
    "create_location",
    "get_contact",
    "get_location",
    "list_clients",
    "list_contacts",
    "list_locations",
    "with_field_values",
]

#: ``GET /client/contacts``: every documented filter and the field it reads
#: (``expand_field_values`` is read apart).
CONTACT_FILTERS: tuple[Filter, ...] = (
    F.int("id", "id"),
    F.text("last_name"),
    F.text("first_name"),
    F.text("email"),
    F.int("client"),
    F.int("client_location"),
    F.int("role"),
    F.int("salesperson"),
    *F.span("created_from", "created_to", "created_at"),
    *F.span("updated_from", "updated_to", "updated_at"),
)

#: ``GET /client/locations`` ("API Reference - Client Locations"): ``parent`` is the root
#: client, ``salesperson`` the location's default salesperson.
LOCATION_FILTERS: tuple[Filter, ...] = (
    F.int("id", "id"),
    F.text("name"),
    F.int("parent", "root_id"),
    F.int("salesperson"),
    *F.span("created_from", "created_to", "created_at"),
    *F.span("updated_from", "updated_to", "updated_at"),
)
EXPAND = "expand_field_values"


def with_field_values(record: Json, *, expand: bool) -> Json:
    """A contact or staff member as sent: ``field_values`` only with ``expand_field_values``."""
    if expand:
        return {**record, "field_values": list(record.get("field_values") or [])}
    return {key: value for key, value in record.items() if key != "field_values"}


async def list_contacts(ctx: Ctx) -> web.StreamResponse:
    expand = ctx.flag(EXPAND)
    return ctx.listing(
        ctx.data.contacts.values(),
        CONTACT_FILTERS,
        shape=lambda contact: with_field_values(contact, expand=expand),
        also=[EXPAND],
    )


async def get_contact(ctx: Ctx) -> web.StreamResponse:
    contact = ctx.item(ctx.data.contacts, "Contact")
    return ctx.ok(with_field_values(contact, expand=ctx.flag(EXPAND)))


async def create_contact(ctx: Ctx) -> web.StreamResponse:
    """``POST /client/contacts``: ``client_id`` is a client *location* id (it must exist).

    The body is the contact's fields; ``{"contact": {...}}`` is unwrapped too (undocumented).
    Answers the new contact (the article's "returns a client object" is taken for a slip).
    """
    body, data = await ctx.body(None), ctx.data
    if list(body) == ["contact"] and isinstance(body["contact"], dict):
        body = body["contact"]
    fields = Fields(body, "contact")
    location_id = fields.integer("client_id", required=True, known=data.client_locations)
    first, last = (
        fields.string("first_name", required=True),
        fields.string("last_name", required=True),
    )
    optional = {
        "email": fields.email("email"),
        "phone": fields.string("phone"),
        "title": fields.string("title"),
    }
    role_id = fields.integer("role_id", known=data.contact_roles)
    salesperson = fields.integer("salesperson_id", known=data.staff)
    field_values = fields.objects("field_values")
    fields.check()
    location = data.client_locations[location_id]
    now, contact_id = data.now(), next_id(data.contacts)
    contact: Json = {
        "id": contact_id,
        "client_id": location["root_id"],
        "client_location_id": location_id,
        "first_name": first,
        "last_name": last,
        **{name: None if value is MISSING else value for name, value in optional.items()},
        "role_id": None if role_id is MISSING else role_id,
        "salesperson_id": (
            location["salesperson_id"] if salesperson in (MISSING, None) else salesperson
        ),
        "created_at": now,
        "updated_at": now,
        "field_values": [] if field_values in (MISSING, None) else field_values,
    }
    data.contacts[contact_id] = contact
    return ctx.ok(with_field_values(contact, expand=False), status=201)


def client_out(ctx: Ctx, client: Json) -> Json:
    """A client as sent, with its ``locations`` (the ids a new contact's ``client_id`` takes)."""
    locations = [
        location
        for location in ctx.data.client_locations.values()
        if location["root_id"] == client["id"]
    ]
    return {**client, "locations": locations}


async def list_clients(ctx: Ctx) -> web.StreamResponse:
    return ctx.listing(ctx.data.clients.values(), shape=lambda client: client_out(ctx, client))


async def list_locations(ctx: Ctx) -> web.StreamResponse:
    return ctx.listing(ctx.data.client_locations.values(), LOCATION_FILTERS)


async def get_location(ctx: Ctx) -> web.StreamResponse:
    return ctx.ok(ctx.item(ctx.data.client_locations, "Client location", "client_location_id"))


#: The address lines of a location, each an optional string.
ADDRESS_FIELDS = ("address_1", "address_2", "city", "state", "zip", "country")


async def create_location(ctx: Ctx) -> web.StreamResponse:
    """``POST /client/locations``: ``root_id`` (an existing root client) and ``name`` required.

    ``is_primary: true`` makes it the client's one primary location (the others stop being
    primary); the first location of a client is primary whatever is sent. ``{"location":
    {...}}`` is unwrapped too (undocumented).
    """
    body, data = await ctx.body(None), ctx.data
    if list(body) == ["location"] and isinstance(body["location"], dict):
        body = body["location"]
    fields = Fields(body, "client location")
    root_id = fields.integer("root_id", required=True, known=data.clients)
    name = fields.string("name", required=True)
    primary = fields.boolean("is_primary")
    email_invoice = fields.email("email_invoice")
    address = {key: fields.string(key) for key in ADDRESS_FIELDS}
    salesperson = fields.integer("salesperson_id", known=data.staff)
    fields.check()
    siblings = [loc for loc in data.client_locations.values() if loc["root_id"] == root_id]
    is_primary = primary is True or not siblings
    if is_primary:
        for sibling in siblings:
            sibling["is_primary"] = False
    now, location_id = data.now(), next_id(data.client_locations)
    location: Json = {
        "id": location_id,
        "root_id": root_id,
        "name": name,
        "is_primary": is_primary,
        "email_invoice": None if email_invoice is MISSING else email_invoice,
        **{key: None if value is MISSING else value for key, value in address.items()},
        "salesperson_id": (
            data.clients[root_id]["salesperson_id"]
            if salesperson in (MISSING, None)
            else salesperson
        ),
        "created_at": now,
        "updated_at": now,
    }
    data.client_locations[location_id] = location
    return ctx.ok(location, status=201)

"""Client contacts (list, get, create) and clients (help centre)."""

from __future__ import annotations

from aiohttp import web

from caseupdates_async.emulator._fields import MISSING, Fields
from caseupdates_async.emulator._http import Ctx, F, Filter
from caseupdates_async.emulator._store import Json, next_id

__all__ = ["CONTACT_FILTERS", "create_contact", "get_contact", "list_clients", "list_contacts"]

#: ``GET /client/contacts``: every documented filter and the field it reads.
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


def contact_out(contact: Json, *, expand: bool) -> Json:
    """A contact as sent: ``field_values`` only when ``expand_field_values`` is set."""
    if expand:
        return {**contact, "field_values": list(contact.get("field_values") or [])}
    return {key: value for key, value in contact.items() if key != "field_values"}


async def list_contacts(ctx: Ctx) -> web.StreamResponse:
    expand = ctx.flag("expand_field_values")
    return ctx.listing(
        ctx.data.contacts.values(),
        CONTACT_FILTERS,
        shape=lambda contact: contact_out(contact, expand=expand),
    )


async def get_contact(ctx: Ctx) -> web.StreamResponse:
    contact = ctx.item(ctx.data.contacts, "Contact")
    return ctx.ok(contact_out(contact, expand=ctx.flag("expand_field_values")))


async def create_contact(ctx: Ctx) -> web.StreamResponse:
    """``POST /client/contacts``: ``client_id`` is a client *location* id (it must exist).

    The body is the contact's fields; ``{"contact": {...}}`` is unwrapped too (undocumented).
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
    optional = {name: fields.string(name) for name in ("email", "phone", "title")}
    role_id = fields.integer("role_id", known=data.contact_roles)
    salesperson = fields.integer("salesperson_id", known=data.staff)
    field_values = fields.array("field_values")
    fields.check()
    location = data.client_locations[location_id]
    now, contact_id = data.now(), next_id(data.contacts)
    contact: Json = {
        "id": contact_id,
        "client_id": location["client_id"],
        "client_location_id": location_id,
        "first_name": first,
        "last_name": last,
        **{name: None if value is MISSING else value for name, value in optional.items()},
        "role_id": None if role_id is MISSING else role_id,
        "salesperson_id": (
            data.clients[location["client_id"]]["salesperson_id"]
            if salesperson in (MISSING, None)
            else salesperson
        ),
        "created_at": now,
        "updated_at": now,
        "field_values": [] if field_values in (MISSING, None) else field_values,
    }
    data.contacts[contact_id] = contact
    return ctx.ok(contact_out(contact, expand=False), status=201)


def client_out(ctx: Ctx, client: Json) -> Json:
    """A client as sent, with its ``locations`` (the ids a new contact's ``client_id`` takes)."""
    locations = [
        location
        for location in ctx.data.client_locations.values()
        if location["client_id"] == client["id"]
    ]
    return {**client, "locations": locations}


async def list_clients(ctx: Ctx) -> web.StreamResponse:
    return ctx.listing(ctx.data.clients.values(), shape=lambda client: client_out(ctx, client))

"""Staff members (help centre, "API Reference - Staff"): list, get, create an employee."""

from __future__ import annotations

from aiohttp import web

from caseupdates_async.emulator._contacts import with_field_values
from caseupdates_async.emulator._fields import MISSING, Fields
from caseupdates_async.emulator._http import Ctx, F, Filter
from caseupdates_async.emulator._store import Json, next_id

__all__ = ["STAFF_FILTERS", "create_employee", "get_staff", "list_staff"]

#: ``GET /staff``: every documented filter and the field it reads (``expand_field_values``
#: is read apart).
STAFF_FILTERS: tuple[Filter, ...] = (
    F.int("id", "id"),
    F.text("last_name"),
    F.text("first_name"),
    F.text("email"),
    F.int("role"),
    F.bool("is_vendor"),
    *F.span("created_from", "created_to", "created_at"),
    *F.span("updated_from", "updated_to", "updated_at"),
)
EXPAND = "expand_field_values"


async def list_staff(ctx: Ctx) -> web.StreamResponse:
    expand = ctx.flag(EXPAND)
    return ctx.listing(
        ctx.data.staff.values(),
        STAFF_FILTERS,
        shape=lambda member: with_field_values(member, expand=expand),
        also=[EXPAND],
    )


async def get_staff(ctx: Ctx) -> web.StreamResponse:
    member = ctx.item(ctx.data.staff, "Staff member", "staff_id")
    return ctx.ok(with_field_values(member, expand=ctx.flag(EXPAND)))


async def create_employee(ctx: Ctx) -> web.StreamResponse:
    """``POST /staff/employees``: ``client_id`` (a *company* location) and ``role_id`` (a role
    available to employees) are required; so are the names (the emulator's choice: the rest
    of the article's table is not public). ``{"employee": {...}}`` is unwrapped too."""
    body, data = await ctx.body(None), ctx.data
    if list(body) == ["employee"] and isinstance(body["employee"], dict):
        body = body["employee"]
    fields = Fields(body, "employee")
    location_id = fields.integer("client_id", required=True, known=data.company_locations)
    role_id = fields.integer("role_id", required=True, known=data.staff_roles)
    if role_id in data.vendor_roles:
        fields.error("role_id", f"role {role_id} is not available for employees")
    first = fields.string("first_name", required=True)
    last = fields.string("last_name", required=True)
    email = fields.email("email")
    fields.check()
    now, staff_id = data.now(), next_id(data.staff)
    member: Json = {
        "id": staff_id,
        "first_name": first,
        "last_name": last,
        "name": f"{first} {last}",
        "email": None if email is MISSING else email,
        "role_id": role_id,
        "is_vendor": False,
        "client_id": location_id,
        "created_at": now,
        "updated_at": now,
        "field_values": [],
    }
    data.staff[staff_id] = member
    return ctx.ok(with_field_values(member, expand=False), status=201)

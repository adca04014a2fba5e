"""Handlers for organisations: list (filters), create, retrieve, update.

Spec operations: get-organisations, post-organisations, get-organisations-id,
patch-organisations-id (the spec requires ``name`` on both create and update, and
``jurisdiction`` with ``company_number``). Organisation events are not in the webhook guide,
so none are sent.
"""

from __future__ import annotations

import datetime as dt
import re

from aiohttp import web

from amiqus_async.emulator._address import address_errors, written_address
from amiqus_async.emulator._http import Ctx, invalid
from amiqus_async.emulator._inferred import required_message
from amiqus_async.emulator._render import renderer
from amiqus_async.emulator._wire import Json, now_stamp
from amiqus_async.models.enums import OrganisationJurisdiction

__all__ = ["get_organisation", "get_organisations", "patch_organisation", "post_organisation"]

_EXPAND = ("assignees", "clients")
_FIELDS = (
    "status",
    "name",
    "company_number",
    "jurisdiction",
    "reference",
    "address",
    "incorporated_at",
)
_JURISDICTIONS = frozenset(j.value for j in OrganisationJurisdiction)


async def get_organisations(ctx: Ctx) -> web.StreamResponse:
    search = (ctx.text("search") or "").lower()
    assignee = ctx.member_or_false("assignee")
    sort_by = ctx.choice(
        "sort_by", ("name", "reference", "created_at", "updated_at", "archived_at")
    )
    order = ctx.choice("order_by", ("asc", "desc"))
    visibility = ctx.choice("visibility", ("active", "archived"))
    expand = ctx.expand(_EXPAND)
    items = []
    for org in ctx.data.organisations.values():
        members = {
            int(a["team_member"])
            for a in ctx.data.assignees.get(("organisation", int(org["id"])), [])
        }
        text = f"{org['name']} {org.get('reference') or ''} {org.get('company_number') or ''}"
        if (
            (search and search not in text.lower())
            or (assignee is False and members)
            or (isinstance(assignee, int) and assignee is not False and assignee not in members)
            or (visibility == "active" and org["archived_at"] is not None)
            or (visibility == "archived" and org["archived_at"] is None)
        ):
            continue
        items.append(org)
    draw = renderer(ctx)
    return ctx.paginated(ctx.sort(items, sort_by, order), lambda o: draw.organisation(o, expand))


def _check(body: Json) -> None:
    """The spec's Organisation as written: ``name`` required (255 characters at most, as for
    ``company_number`` and ``reference``), ``jurisdiction`` one of the spec's codes and
    required with ``company_number``, ``incorporated_at`` a date, ``address`` an Address
    (validated field by field) or ``null``; no other property."""
    errors: dict[str, list[str]] = {}
    name = body.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > 255:
        errors["name"] = [required_message("name")]
    if "status" in body and body["status"] not in ("pending", "approved", "rejected", None):
        errors["status"] = ["The selected status is invalid."]
    if body.get("company_number") and not body.get("jurisdiction"):
        errors["jurisdiction"] = [
            "The jurisdiction field is required when company number is present."
        ]
    jurisdiction = body.get("jurisdiction")
    if jurisdiction is not None and (
        not isinstance(jurisdiction, str) or jurisdiction not in _JURISDICTIONS
    ):
        errors["jurisdiction"] = ["The selected jurisdiction is invalid."]
    for field in ("company_number", "reference"):
        value = body.get(field)
        if value is not None and (not isinstance(value, str) or len(value) > 255):
            errors[field] = [f"The {field} must be a string of at most 255 characters."]
    day = body.get("incorporated_at")
    if day is not None and not _is_date(day):
        errors["incorporated_at"] = ["The incorporated_at is not a valid date."]
    if body.get("address") is not None:
        errors.update(address_errors(body["address"], "address."))
    for field in sorted(
        set(body)
        - set(_FIELDS)
        - {"object", "id", "assignees", "clients", "created_at", "updated_at", "archived_at"}
    ):
        errors[field] = [f"The {field} field is prohibited."]
    if errors:
        invalid(errors)


def _is_date(value: object) -> bool:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _apply(org: Json, body: Json) -> None:
    for field in _FIELDS:
        if field not in body:
            continue
        if field == "address" and body["address"] is not None:
            org["address"] = written_address(body["address"])
        else:
            org[field] = body[field]


async def post_organisation(ctx: Ctx) -> web.StreamResponse:
    body = await ctx.body()
    _check(body)
    stamp = now_stamp()
    org_id = ctx.data.new_id()
    org: Json = {
        "object": "organisation",
        "id": org_id,
        "status": None,
        "name": "",
        "company_number": None,
        "jurisdiction": None,
        "reference": None,
        "address": None,
        "incorporated_at": None,
        "created_at": stamp,
        "updated_at": stamp,
        "archived_at": None,
    }
    _apply(org, body)
    ctx.data.organisations[org_id] = org
    return ctx.created(renderer(ctx).organisation(org))


async def get_organisation(ctx: Ctx) -> web.StreamResponse:
    org_id = ctx.key(ctx.data.organisations, "Organisation")
    expand = ctx.expand(_EXPAND)
    return ctx.ok(renderer(ctx).organisation(ctx.data.organisations[org_id], expand))


async def patch_organisation(ctx: Ctx) -> web.StreamResponse:
    org_id = ctx.key(ctx.data.organisations, "Organisation")
    body = await ctx.body(min_properties=1)
    _check(body)
    org = ctx.data.organisations[org_id]
    _apply(org, body)
    org["updated_at"] = now_stamp()
    return ctx.ok(renderer(ctx).organisation(org))

"""Handlers for clients: query, profile, create/update, tags, diagnoses."""

from __future__ import annotations

import re
from typing import Any

from aiohttp import web

from common.testing import Refusal
from intakeq_async.emulator._http import Body, Ctx, in_range, matches_text
from intakeq_async.emulator._store import Json, client_basic, new_client, now_ms

__all__ = [
    "add_tag",
    "get_diagnoses",
    "get_profile",
    "query_clients",
    "remove_tag",
    "save_client",
]

_STRING_FIELDS = (
    "Name", "FirstName", "LastName", "MiddleName", "Email", "Phone", "MobilePhone",
    "HomePhone", "WorkPhone", "Gender", "MaritalStatus", "StreetAddress", "UnitNumber", "City",
    "State", "StateShort", "PostalCode", "Country", "Address", "AdditionalInformation",
    "ExternalClientId", "PractitionerId", "BillingType", "PrimaryInsuranceCompany",
    "PrimaryInsurancePolicyNumber", "PrimaryInsuranceGroupNumber", "PrimaryInsuranceHolderName",
    "PrimaryInsuranceRelationship",
)  # fmt: skip
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_CLIENT_NUMBER = re.compile(r"\d{1,10}", re.ASCII)


def _digits(text: object) -> str:
    return re.sub(r"\D", "", text) if isinstance(text, str) else ""


def _custom_value(client: Json, field_id: str) -> Any:
    for field in client.get("CustomFields") or []:
        if str(field.get("FieldId", "")).casefold() == field_id.casefold():
            return field.get("Value")
    return None


async def query_clients(ctx: Ctx) -> web.StreamResponse:
    source = ctx.data.deleted_clients if ctx.flag("deletedOnly") else ctx.data.clients
    search = ctx.text("search")
    created = ctx.date("dateCreatedStart"), ctx.date("dateCreatedEnd")
    updated = ctx.date("dateUpdatedStart"), ctx.date("dateUpdatedEnd")
    external = ctx.text("externalClientId")
    custom = ctx.custom_filters()
    profile = ctx.flag("includeProfile")

    def keep(client: Json) -> bool:
        if search is not None and not _matches_search(search, client, source):
            return False
        if external is not None and client["ExternalClientId"] != external:
            return False
        for field_id, value in custom.items():
            found = _custom_value(client, field_id)
            if found is None or str(found).casefold() != value.casefold():
                return False
        return in_range(client["DateCreated"], *created) and in_range(
            client["LastUpdateDate"], *updated
        )

    items = sorted((c for c in source.values() if keep(c)), key=lambda c: c["ClientId"])
    return ctx.paged(items, None if profile else client_basic)


def _matches_search(search: str, client: Json, source: dict[int, Json]) -> bool:
    """A client id gives an exact match; otherwise a partial match on name, email or phone."""
    if _CLIENT_NUMBER.fullmatch(search) and int(search) in source:
        return bool(client["ClientId"] == int(search))
    digits = _digits(search)
    return matches_text(search, client["Name"], client["Email"]) or (
        len(digits) >= 3 and any(digits in _digits(client.get(k)) for k in ("Phone", "MobilePhone"))
    )


async def get_profile(ctx: Ctx) -> web.StreamResponse:
    return ctx.ok(ctx.item(ctx.data.clients, "Client", "clientId"))


async def save_client(ctx: Ctx) -> web.StreamResponse:
    """Create (no ``ClientId``, or 0) or update (``ClientId`` of an existing client)."""
    body = await ctx.body()
    raw_id = body.integer("ClientId")
    now = now_ms()
    if raw_id in (None, 0):
        client = new_client(ctx.data, 0, now)
        creating = True
    else:
        found = ctx.data.find_client(raw_id)
        if found is None:
            raise Refusal(404, f"Client '{raw_id}' was not found.")
        client = dict(found)
        creating = False
    _apply(ctx, client, body)
    client["LastUpdateDate"] = client["LastActivityDate"] = now
    client["LastActivityName"] = "Client Created" if creating else "Profile Updated"
    if creating:
        client["ClientId"] = ctx.data.take_client_id()
    ctx.data.clients[client["ClientId"]] = client
    return ctx.ok(client)


def _apply(ctx: Ctx, client: Json, body: Body) -> None:
    for name in _STRING_FIELDS:
        if name in body:
            client[name] = body.string(name)
    if "DateOfBirth" in body:
        client["DateOfBirth"] = body.millis("DateOfBirth")
    if "Archived" in body:
        archived = body.boolean("Archived")
        if archived is None:
            raise Refusal(400, "Archived must be true or false.")
        client["Archived"] = archived
    if "Tags" in body:
        tags = body.strings("Tags") or []
        client["Tags"] = list(dict.fromkeys(t.strip() for t in tags if t.strip()))
    if "CustomFields" in body:
        client["CustomFields"] = _merge_custom(ctx, client, body)
    _settle_name(client, body)
    if not client["Name"]:
        raise Refusal(400, "A client name is required (Name, or FirstName and LastName).")
    if client["Email"] is not None and not _EMAIL.fullmatch(client["Email"]):
        raise Refusal(400, f"'{client['Email']}' is not a valid email address.")
    practitioner = client["PractitionerId"]
    if practitioner is not None and practitioner not in ctx.data.practitioners:
        raise Refusal(400, f"Practitioner '{practitioner}' was not found.")


def _settle_name(client: Json, body: Body) -> None:
    """Keep ``Name`` and ``FirstName``/``LastName`` consistent with what was sent."""
    parts_sent = "FirstName" in body or "LastName" in body
    if "Name" in body and not parts_sent and client["Name"]:
        first, _, last = client["Name"].partition(" ")
        client["FirstName"], client["LastName"] = first, last or None
    elif parts_sent and "Name" not in body:
        joined = " ".join(p for p in (client["FirstName"], client["LastName"]) if p)
        client["Name"] = joined
    client["Name"] = client["Name"] or ""


def _merge_custom(ctx: Ctx, client: Json, body: Body) -> list[Json]:
    """``CustomFields``: ``[{FieldId, Value}]`` (``Text`` is the field's label, read only)."""
    sent = body.objects("CustomFields") or []
    known = {f["FieldId"]: f["Text"] for f in ctx.data.custom_fields}
    merged = {f["FieldId"]: dict(f) for f in client.get("CustomFields") or []}
    for field in sent:
        field_id = field.string("FieldId", required=True)
        field.string("Text")  # a label: any string, ignored
        if field_id not in known:
            raise Refusal(400, f"Custom field '{field_id}' does not exist.")
        merged[field_id] = {
            "FieldId": field_id,
            "Text": known[field_id],
            "Value": field.string("Value"),
        }
    return list(merged.values())


def _tagged_client(ctx: Ctx, raw_id: int | None) -> Json:
    if raw_id is None:
        raise Refusal(400, "ClientId is required.")
    client = ctx.data.find_client(raw_id)
    if client is None:
        raise Refusal(404, f"Client '{raw_id}' was not found.")
    return client


async def add_tag(ctx: Ctx) -> web.StreamResponse:
    body = await ctx.body()
    client = _tagged_client(ctx, body.integer("ClientId"))
    tag = body.string("Tag", required=True)
    assert tag is not None
    if tag.casefold() not in (t.casefold() for t in client["Tags"]):
        client["Tags"] = [*client["Tags"], tag]
        client["LastUpdateDate"] = now_ms()
    if tag.casefold() not in (t.casefold() for t in ctx.data.tags):
        ctx.data.tags.append(tag)
    return ctx.empty()


async def remove_tag(ctx: Ctx) -> web.StreamResponse:
    client = _tagged_client(ctx, ctx.integer("clientId"))
    tag = ctx.text("tag")
    if tag is None or not tag.strip():
        raise Refusal(400, "tag is required.")
    kept = [t for t in client["Tags"] if t.casefold() != tag.strip().casefold()]
    if len(kept) != len(client["Tags"]):
        client["Tags"] = kept
        client["LastUpdateDate"] = now_ms()
    return ctx.empty()


async def get_diagnoses(ctx: Ctx) -> web.StreamResponse:
    client = ctx.item(ctx.data.clients, "Client", "clientId")
    return ctx.ok(ctx.data.diagnoses.get(client["ClientId"], []))

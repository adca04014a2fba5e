"""Handlers for clients: CRUD, address, their records, forms and corrections.

Spec operations: get-clients, post-clients, get-clients-id, patch-clients-id,
delete-clients-id, get-clients-id-address, put-clients-id-address, get-clients-id-records,
get-clients-id-forms, get-clients-id-forms-reference, get-clients-id-forms-reference-download,
get-clients-id-corrections, patch-clients-clientId-corrections-correctionId.
Inferred: creating a client requires ``name.first_name``, ``name.last_name`` and ``email``
(the spec's Client lists no required property).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from aiohttp import web

from amiqus_async.emulator._address import address_errors, written_address
from amiqus_async.emulator._http import Ctx, invalid
from amiqus_async.emulator._inferred import required_message
from amiqus_async.emulator._render import renderer
from amiqus_async.emulator._store import empty_address, make_name, pdf_bytes
from amiqus_async.emulator._wire import Json, now_stamp
from common.testing import Refusal

__all__ = [
    "client_id",
    "delete_client",
    "get_address",
    "get_client",
    "get_client_form",
    "get_client_form_download",
    "get_client_forms",
    "get_client_records",
    "get_clients",
    "get_corrections",
    "patch_client",
    "patch_correction",
    "post_client",
    "put_address",
]

_STATUSES = ("pending", "approved", "rejected")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NAME_FIELDS = ("title", "other_title", "first_name", "middle_name", "last_name")
#: ``Name.title`` (the spec's enum).
_TITLES = (
    "miss",
    "ms",
    "mrs",
    "mr",
    "dr",
    "sir",
    "master",
    "mx",
    "dame",
    "lord",
    "lady",
    "prof",
    "other",
)
_WRITABLE = ("status", "name", "email", "landline", "mobile", "dob", "reference", "deletion_date")


def client_id(ctx: Ctx, name: str = "id") -> int:
    return ctx.key(ctx.data.clients, "Client", name)


def _is_date(value: Any) -> bool:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _check_client_body(body: Json, *, creating: bool) -> None:
    errors: dict[str, list[str]] = {}
    name = body.get("name")
    if creating or "name" in body:
        if not isinstance(name, dict):
            errors["name"] = (
                ["The name must be an object."] if "name" in body else [required_message("name")]
            )
            name = {}
        for field in ("first_name", "last_name"):
            value = name.get(field)
            if (creating and field not in name) or (
                field in name
                and (not isinstance(value, str) or not value.strip() or len(value) > 255)
            ):
                errors[f"name.{field}"] = [required_message(f"name.{field}")]
        for field in ("middle_name", "other_title"):
            if field in name and not isinstance(name[field], (str, type(None))):
                errors[f"name.{field}"] = [f"The name.{field} must be a string."]
        if name.get("title") is not None and name["title"] not in _TITLES:
            errors["name.title"] = ["The selected name.title is invalid."]
        for field in (
            set(name) - set(_NAME_FIELDS) - {"object", "name", "full_name", "complete_name"}
        ):
            errors[f"name.{field}"] = [f"The name.{field} field is prohibited."]
    if creating and "email" not in body:
        errors["email"] = [required_message("email")]
    if "email" in body and (not isinstance(body["email"], str) or "@" not in body["email"]):
        errors["email"] = ["The email must be a valid email address."]
    if "status" in body and body["status"] not in _STATUSES:
        errors["status"] = ["The selected status is invalid."]
    for field in ("dob", "deletion_date"):
        if body.get(field) is not None and not _is_date(body[field]):
            errors[field] = [f"The {field} is not a valid date (YYYY-MM-DD)."]
    for field in ("landline", "mobile", "reference"):
        if field in body and not isinstance(body[field], (str, type(None))):
            errors[field] = [f"The {field} must be a string."]
    if errors:
        invalid(errors)


def _apply(client: Json, body: Json) -> None:
    for field in _WRITABLE:
        if field == "name" and isinstance(body.get("name"), dict):
            merged = {k: client["name"].get(k) for k in _NAME_FIELDS}
            merged.update({k: body["name"][k] for k in _NAME_FIELDS if k in body["name"]})
            client["name"] = make_name(
                str(merged["first_name"]),
                str(merged["last_name"]),
                merged["middle_name"],
                merged["other_title"],
                merged["title"],
            )
        elif field in body and field != "name":
            client[field] = body[field]


def _today() -> str:
    return dt.datetime.now(dt.timezone.utc).date().isoformat()


async def get_clients(ctx: Ctx) -> web.StreamResponse:
    search = (ctx.text("search") or "").lower()
    status = ctx.choice("status", _STATUSES)
    visibility = ctx.choice("visibility", ("active", "archived"))
    assignee = ctx.integer("assignee")
    reference = ctx.text("reference")
    deletion = ctx.choice("deletion_date", ("upcoming", "today", "overdue", "not_set"))
    sort_by = ctx.choice(
        "sort_by",
        (
            "name.first_name",
            "name.last_name",
            "deletion_date",
            "created_at",
            "updated_at",
            "archived_at",
        ),
    )
    order = ctx.choice("order_by", ("asc", "desc"))
    today = _today()
    items = []
    for client in ctx.data.clients.values():
        text = " ".join(
            str(v) for v in (client["name"]["full_name"], client["email"], client["reference"]) if v
        ).lower()
        day = client.get("deletion_date")
        assigned = {
            int(a["team_member"]) for a in ctx.data.assignees.get(("client", int(client["id"])), [])
        }
        if (
            (search and search not in text)
            or (status and client["status"] != status)
            or (visibility == "active" and client["archived_at"] is not None)
            or (visibility == "archived" and client["archived_at"] is None)
            or (assignee is not None and assignee not in assigned)
            or (reference is not None and client["reference"] != reference)
            or (deletion == "not_set" and day is not None)
            or (deletion == "today" and day != today)
            or (deletion == "upcoming" and (day is None or day <= today))
            or (deletion == "overdue" and (day is None or day >= today))
        ):
            continue
        items.append(client)
    draw = renderer(ctx)
    return ctx.paginated(ctx.sort(items, sort_by, order), draw.client)


async def post_client(ctx: Ctx) -> web.StreamResponse:
    body = await ctx.body()
    _check_client_body(body, creating=True)
    stamp = now_stamp()
    new_id = ctx.data.new_id()
    client: Json = {
        "object": "client",
        "id": new_id,
        "status": None,
        "name": make_name("x", "x"),
        "email": "",
        "landline": None,
        "mobile": None,
        "dob": None,
        "reference": None,
        "national_insurance_number": None,
        "is_deletable": True,
        "deletion_date": None,
        "created_at": stamp,
        "updated_at": stamp,
        "archived_at": None,
    }
    client["name"] = make_name(str(body["name"]["first_name"]), str(body["name"]["last_name"]))
    _apply(client, body)
    ctx.data.clients[new_id] = client
    ctx.data.addresses[new_id] = empty_address()
    ctx.data.memberships[new_id] = []
    ctx.emulator.publish("client.created", ctx.emulator.payloads.client(new_id))
    return ctx.created(renderer(ctx).client(client))


async def get_client(ctx: Ctx) -> web.StreamResponse:
    return ctx.ok(renderer(ctx).client_by_id(client_id(ctx)))


async def patch_client(ctx: Ctx) -> web.StreamResponse:
    key = client_id(ctx)
    body = await ctx.body(min_properties=1)
    _check_client_body(body, creating=False)
    client = ctx.data.clients[key]
    old_status = client["status"]
    _apply(client, body)
    client["updated_at"] = now_stamp()
    payload = ctx.emulator.payloads.client(key)
    ctx.emulator.publish("client.updated", payload)
    if client["status"] != old_status:
        ctx.emulator.publish("client.status", payload)
    return ctx.ok(renderer(ctx).client(client))


async def delete_client(ctx: Ctx) -> web.StreamResponse:
    """Its records, cases, forms, files and corrections go with it (see
    :meth:`AmiqusData.delete_client`); only ``client.deleted`` is sent (the webhook guide)."""
    key = client_id(ctx)
    ctx.data.delete_client(key)
    ctx.emulator.publish("client.deleted", ctx.emulator.payloads.client_deleted(key))
    return ctx.no_content()


async def get_address(ctx: Ctx) -> web.StreamResponse:
    return ctx.ok(dict(ctx.data.addresses[client_id(ctx)]))


async def put_address(ctx: Ctx) -> web.StreamResponse:
    """Replace the address (validated as :func:`~._address.address_errors` says)."""
    key = client_id(ctx)
    body = await ctx.body()
    errors = address_errors(body)
    if errors:
        invalid(errors)
    address = written_address(body)
    ctx.data.addresses[key] = address
    ctx.data.clients[key]["updated_at"] = now_stamp()
    ctx.emulator.publish("client.updated", ctx.emulator.payloads.client(key))
    return ctx.ok(dict(address))


async def get_client_records(ctx: Ctx) -> web.StreamResponse:
    key = client_id(ctx)
    expand = ctx.expand(("client",))
    items = [r for r in ctx.data.records.values() if r["client"] == key]
    draw = renderer(ctx)
    return ctx.paginated(items, lambda r: draw.record(r, expand))


async def get_client_forms(ctx: Ctx) -> web.StreamResponse:
    key = client_id(ctx)
    expand = ctx.expand(("client", "record"))
    kind = ctx.choice("type", ("internal", "requested"))
    items = [
        f
        for f in ctx.data.client_forms.values()
        if f["client"] == key and (kind is None or f["type"] == kind)
    ]
    draw = renderer(ctx)
    return ctx.paginated(items, lambda f: draw.client_form(f, expand))


def _form(ctx: Ctx) -> Json:
    key = client_id(ctx)
    form = ctx.data.client_forms.get(ctx.params["reference"])
    if form is None or form["client"] != key:
        raise Refusal(404, "Form not found")
    return form


async def get_client_form(ctx: Ctx) -> web.StreamResponse:
    return ctx.ok(renderer(ctx).client_form(_form(ctx)))


async def get_client_form_download(ctx: Ctx) -> web.StreamResponse:
    """The form as a PDF. Inferred filename: ``form-<reference>.pdf``."""
    form = _form(ctx)
    return web.Response(
        body=pdf_bytes(f"{form['name']} ({form['reference']})"),
        content_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="form-{form["reference"]}.pdf"'},
    )


async def get_corrections(ctx: Ctx) -> web.StreamResponse:
    key = client_id(ctx)
    ctx.choice("sort_by", ("created_at",))
    order = ctx.choice("order_by", ("asc", "desc"))
    expand = ctx.expand(("client", "record"))
    status = ctx.choice("status", ("pending", "accepted", "rejected"))
    items = [
        c
        for c in ctx.data.corrections.values()
        if c["client"] == key and (status is None or c["status"] == status)
    ]
    draw = renderer(ctx)
    return ctx.paginated(ctx.sort(items, "created_at", order), lambda c: draw.correction(c, expand))


async def patch_correction(ctx: Ctx) -> web.StreamResponse:
    """Accept (optionally amending the proposed names, which then become the client's) or
    reject a pending correction; a completed one answers 405 (spec)."""
    key = client_id(ctx, "clientId")
    try:
        correction_id = int(ctx.params["correctionId"])
    except ValueError:
        correction_id = -1
    correction = ctx.data.corrections.get(correction_id)
    if correction is None or correction["client"] != key:
        raise Refusal(404, body={"message": "Correction not found"})
    body = await ctx.body()
    status = body.get("status")
    if status not in ("accepted", "rejected"):
        invalid(
            {
                "status": ["The selected status is invalid."]
                if "status" in body
                else [required_message("status")]
            }
        )
    if correction["status"] != "pending":
        raise Refusal(405, "Correction has already been completed")
    if status == "accepted":
        proposed = body.get("correction")
        if proposed is not None:
            if not isinstance(proposed, dict) or not proposed:
                invalid({"correction": ["The correction must be an object with a name."]})
            if not isinstance(proposed.get("middle_name"), (str, type(None))):
                invalid(
                    {"correction.middle_name": ["The correction.middle_name must be a string."]}
                )
            for field in ("first_name", "last_name"):
                if field in proposed and (
                    not isinstance(proposed[field], str) or not proposed[field].strip()
                ):
                    invalid(
                        {
                            f"correction.{field}": [
                                f"The correction.{field} must be a non-empty string."
                            ]
                        }
                    )
            correction["correction"].update(
                {
                    k: proposed[k]
                    for k in ("first_name", "middle_name", "last_name")
                    if k in proposed
                }
            )
        client = ctx.data.clients[key]
        names = correction["correction"]
        client["name"] = make_name(
            str(names["first_name"]),
            str(names["last_name"]),
            names.get("middle_name"),
            client["name"].get("other_title"),
            client["name"].get("title"),
        )
        client["updated_at"] = now_stamp()
        ctx.emulator.publish("client.updated", ctx.emulator.payloads.client(key))
    correction["status"] = status
    correction["updated_at"] = now_stamp()
    return ctx.ok(renderer(ctx).correction(correction))

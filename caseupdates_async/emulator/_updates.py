"""Case updates (the vendor's own document): list with every filter, get, create, update."""

from __future__ import annotations

import re
from typing import Any

from aiohttp import web

from caseupdates_async.emulator._fields import MISSING, Fields
from caseupdates_async.emulator._http import Ctx, F, Filter
from caseupdates_async.emulator._store import Json, next_id
from caseupdates_async.emulator._time import format_timestamp

__all__ = ["UPDATE_FILTERS", "create_update", "get_update", "list_updates", "update_update"]

#: ``GET /case/updates``: every documented filter and the field it reads.
UPDATE_FILTERS: tuple[Filter, ...] = (
    F.int("id", "id"),
    F.int("case", "casefile_id"),
    F.int("access_group"),
    F.int("created_by"),
    F.bool("is_valid", "is_validated"),
    F.int("subject"),
    F.int("thread"),
    *F.span("activity_from", "activity_to", "activity_at"),
    # "Activity on or after the date (Alias From)": ``from``/``to`` are the same filters.
    *F.span("from", "to", "activity_at"),
    *F.span("created_from", "created_to", "created_at"),
    *F.span("updated_from", "updated_to", "updated_at"),
    *F.span("validated_from", "validated_to", "validated_at"),
)

_START_AT = re.compile(r"([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?")


async def list_updates(ctx: Ctx) -> web.StreamResponse:
    return ctx.listing(ctx.data.case_updates.values(), UPDATE_FILTERS)


async def get_update(ctx: Ctx) -> web.StreamResponse:
    return ctx.ok(ctx.item(ctx.data.case_updates, "Case update", "case_update_id"))


def _details(fields: Fields) -> Any:
    """``update_details``: ``[{"start_at": "HH:MM", "notes": "..."}]``, each given an id."""
    value = fields.array("update_details")
    if value is MISSING or value is None:
        return [] if value is None else value
    details: list[Json] = []
    for number, detail in enumerate(value, start=1):
        if not isinstance(detail, dict):
            fields.error("update_details", f"entry {number} must be an object")
            continue
        start, notes = detail.get("start_at"), detail.get("notes")
        if start is not None and not (isinstance(start, str) and _START_AT.fullmatch(start)):
            fields.error("update_details", f"entry {number}: start_at must be HH:MM")
        if notes is not None and not isinstance(notes, str):
            fields.error("update_details", f"entry {number}: notes must be a string")
        details.append({"id": number, "start_at": start, "notes": notes})
    return details


def _read(ctx: Ctx, body: Json, *, creating: bool) -> dict[str, Any]:
    """The given fields, validated; required ones only when *creating*."""
    data, fields = ctx.data, Fields(body, "update")
    given: dict[str, Any] = {
        "casefile_id": fields.integer("casefile_id", required=creating, known=data.cases),
        "access_group_id": fields.integer(
            "access_group_id", required=creating, known=data.access_groups
        ),
        "title": fields.string("title", required=creating),
        "body": fields.string("body", required=creating),
        "subject_id": fields.integer("subject_id"),
        "event_id": fields.integer("event_id"),
        "behalf_of_id": fields.integer("behalf_of_id"),
        "is_validated": fields.boolean("is_validated"),
        "is_allday": fields.boolean("is_allday"),
        "update_details": _details(fields) if "update_details" in body else MISSING,
    }
    for name in ("casefile_id", "access_group_id", "title", "body"):  # required: never null
        if name in body and body[name] in (None, "") and name not in fields.errors:
            fields.error(name, "must not be empty")
    activity = fields.moment("activity_at")
    fields.check()
    if activity is not MISSING:
        if activity is None:
            given["activity_at"] = None
        else:
            moment, date_only = activity
            given["activity_at"] = format_timestamp(moment)
            if given["is_allday"] is MISSING:  # "True if activity_at does not contain time"
                given["is_allday"] = date_only
    return {name: value for name, value in given.items() if value is not MISSING}


def _validation(update: Json, is_validated: Any, now: str) -> None:
    if is_validated is MISSING or is_validated == update["is_validated"]:
        return
    update["is_validated"] = is_validated
    update["validated_at"] = now if is_validated else None


async def create_update(ctx: Ctx) -> web.StreamResponse:
    given = _read(ctx, await ctx.body("update"), creating=True)
    data = ctx.data
    now, update_id = data.now(), next_id(data.case_updates)
    update: Json = {
        "id": update_id,
        "casefile_id": given["casefile_id"],
        "subject_id": given.get("subject_id"),
        "event_id": given.get("event_id"),
        "access_group_id": given["access_group_id"],
        "thread_id": update_id,
        "created_by_id": data.api_user_id,
        "behalf_of_id": given.get("behalf_of_id"),
        "title": given["title"],
        "body": given["body"],
        "activity_at": given.get("activity_at") or now,
        "is_allday": given.get("is_allday", False),
        "is_validated": False,
        "validated_at": None,
        "update_details": given.get("update_details", []),
        "created_at": now,
        "updated_at": now,
    }
    _validation(update, given.get("is_validated", MISSING), now)
    data.case_updates[update_id] = update
    return ctx.ok(update, status=201)


async def update_update(ctx: Ctx) -> web.StreamResponse:
    update = ctx.item(ctx.data.case_updates, "Case update", "case_update_id")
    given = _read(ctx, await ctx.body("update"), creating=False)
    now = ctx.data.now()
    _validation(update, given.pop("is_validated", MISSING), now)
    update.update(given)
    update["updated_at"] = now
    return ctx.ok(update)

"""Handlers for records, their steps, documents, checks and step reviews.

Spec operations: get-records, post-records, get-records-id, patch-records-id,
post-records-id-archive, post-records-id-expire, get-records-id-download,
get-records-id-steps, get-records-id-documents, get-checks-id,
get-records-recordId-steps-stepId-reviews, post-records-recordId-steps-stepId-reviews.
A record is created either from manual ``steps`` (with ``notification``) or from a record
``template`` (whose presets and, unless ``assignees: false``, assignees it copies).
"""

from __future__ import annotations

import datetime as dt
import random

from aiohttp import web

from amiqus_async.emulator._http import Ctx, invalid, require
from amiqus_async.emulator._inferred import required_message
from amiqus_async.emulator._render import renderer
from amiqus_async.emulator._steps import step_cost, step_errors
from amiqus_async.emulator._store import assign, create_record, pdf_bytes
from amiqus_async.emulator._wire import Json, format_stamp, now_stamp
from common.testing import Refusal, iso_datetime

__all__ = [
    "get_check",
    "get_record",
    "get_record_documents",
    "get_record_download",
    "get_record_steps",
    "get_records",
    "get_step_reviews",
    "patch_record",
    "post_record",
    "post_record_archive",
    "post_record_expire",
    "post_step_review",
]

_STATUSES = (
    "pending",
    "started",
    "complete",
    "incomplete",
    "waiting",
    "failed",
    "empty",
    "paused",
    "amendments",
    "reviewed",
)


def record_id(ctx: Ctx, name: str = "id") -> int:
    return ctx.key(ctx.data.records, "Record", name)


async def get_records(ctx: Ctx) -> web.StreamResponse:
    sort_by = ctx.choice(
        "sort_by",
        (
            "client.name.first_name",
            "client.name.last_name",
            "created_at",
            "updated_at",
            "archived_at",
        ),
    )
    order = ctx.choice("order_by", ("asc", "desc"))
    expand = ctx.expand(("client",))
    status = ctx.choice("status", _STATUSES)
    visibility = ctx.choice("visibility", ("active", "archived"))
    creator = ctx.integer("creator")
    created_by = ctx.integer("created_by")
    assignee = ctx.member_or_false("assignee")
    client_visibility = ctx.choice("client_visibility", ("active", "archived"))
    data = ctx.data
    items = []
    for record in data.records.values():
        key = int(record["id"])
        client = data.clients.get(int(record["client"]))
        members = {int(a["team_member"]) for a in data.assignees.get(("record", key), [])}
        made_by = data.record_creator.get(key)
        if (
            (status and record["status"] != status)
            or (visibility == "active" and record["archived_at"] is not None)
            or (visibility == "archived" and record["archived_at"] is None)
            or (creator is not None and made_by != creator)
            or (created_by is not None and made_by != created_by)
            or (assignee is False and members)
            or (isinstance(assignee, int) and assignee is not False and assignee not in members)
            or (
                client_visibility == "active"
                and (client is None or client["archived_at"] is not None)
            )
            or (
                client_visibility == "archived"
                and (client is None or client["archived_at"] is None)
            )
        ):
            continue
        items.append(record)
    if sort_by and sort_by.startswith("client."):
        field = sort_by.rsplit(".", 1)[1]
        items.sort(key=lambda r: str(r["name"][field]), reverse=order == "desc")
    else:
        items = ctx.sort(items, sort_by, order)
    draw = renderer(ctx)
    return ctx.paginated(items, lambda r: draw.record(r, expand))


def _bool_errors(body: Json, *fields: str) -> dict[str, list[str]]:
    return {
        f: [f"The {f} field must be true or false."]
        for f in fields
        if f in body and not isinstance(body[f], bool)
    }


async def post_record(ctx: Ctx) -> web.StreamResponse:
    body = await ctx.body()
    require(body, "client")
    data = ctx.data
    client = body["client"]
    if not isinstance(client, int) or isinstance(client, bool) or client not in data.clients:
        invalid({"client": ["The selected client is invalid."]})
    creator = data.me_member_id
    assignees: list[int] = []
    if "template" in body:
        template = (
            data.record_templates.get(body["template"])
            if isinstance(body["template"], int)
            else None
        )
        if template is None or "steps" in body:
            invalid(
                {
                    "template": ["The selected template is invalid."]
                    if template is None
                    else ["The template cannot be combined with steps."]
                }
            )
        errors = _bool_errors(body, "assignees")
        if errors:
            invalid(errors)
        presets = template["presets"]
        steps = [
            {"type": s["type"], "preferences": dict(s.get("preferences") or {})}
            for s in presets["steps"]
        ]
        reminder = bool(presets.get("reminder"))
        declaration = bool(presets.get("is_declaration_required"))
        if body.get("assignees", True):
            assignees = [
                int(m) for m in presets.get("assignees", []) if int(m) in data.current_members
            ]
    else:
        errors = step_errors(data, body.get("steps"))
        notification = body.get("notification")
        if "notification" not in body:
            errors["notification"] = [required_message("notification")]
        elif notification not in ("email", False):
            errors["notification"] = ["The selected notification is invalid."]
        message = body.get("message")
        if message is not None and (not isinstance(message, str) or len(message) > 5000):
            errors["message"] = ["The message may not be greater than 5000 characters."]
        errors.update(_bool_errors(body, "reminder", "is_declaration_required"))
        if errors:
            invalid(errors)
        steps = [
            {"type": s["type"], "preferences": dict(s.get("preferences") or {})}
            for s in body["steps"]
        ]
        reminder = bool(body.get("reminder", False))
        declaration = bool(body.get("is_declaration_required", False))
    record = create_record(
        data,
        client_id=client,
        rng=random.Random(data.new_id()),
        template_ref=None,
        finished=False,
        creator=creator,
        steps=steps,
        stamp=now_stamp(),
        has_reminders=reminder,
        is_declaration_required=declaration,
    )
    key = int(record["id"])
    for step_id in data.record_steps[key]:
        data.steps[step_id]["cost"] = step_cost(data, str(data.steps[step_id]["type"]))
    for member in assignees:
        assign(data, ("record", key), member)
    events = ctx.emulator.payloads
    ctx.emulator.publish("record.created", events.record(key))
    ctx.emulator.publish("client.record", events.client_record(key))
    for step_id in data.record_steps[key]:
        if data.steps[step_id]["type"] == "form":
            ctx.emulator.publish(
                "form.sent", events.form(str(data.steps[step_id]["form"]), with_case=False)
            )
    return ctx.created(renderer(ctx).record(record))


async def get_record(ctx: Ctx) -> web.StreamResponse:
    key = record_id(ctx)
    expand = ctx.expand(("client",))
    return ctx.ok(renderer(ctx).record(ctx.data.records[key], expand))


def _expire(ctx: Ctx, key: int, when: str) -> None:
    record = ctx.data.records[key]
    steps = [ctx.data.steps[s] for s in ctx.data.record_steps.get(key, [])]
    done = [s for s in steps if s.get("completed_at")]
    record["expired_at"] = when
    record["perform_url"] = False
    if record["status"] != "reviewed":
        record["status"] = (
            "complete" if len(done) == len(steps) else "incomplete" if done else "empty"
        )
    ctx.emulator.publish("record.finished", ctx.emulator.payloads.record(key))


def _is_expired(record: Json) -> bool:
    moment = iso_datetime(str(record["expired_at"]))
    return record["perform_url"] is False or (
        moment is not None and moment <= dt.datetime.now(dt.timezone.utc)
    )


async def patch_record(ctx: Ctx) -> web.StreamResponse:
    """Inferred: properties the spec does not name are ignored (its schema allows them)."""
    key = record_id(ctx)
    body = await ctx.body(min_properties=1)
    errors = _bool_errors(body, "is_archived", "is_reviewed", "has_reminders")
    expiry = body.get("expired_at")
    if (
        "expired_at" in body
        and expiry is not True
        and (not isinstance(expiry, str) or iso_datetime(expiry) is None)
    ):
        errors["expired_at"] = ["The expired_at must be a date-time or true."]
    if errors:
        invalid(errors)
    data = ctx.data
    record = data.records[key]
    now = now_stamp()
    events = ctx.emulator.payloads
    if "is_archived" in body:
        record["archived_at"] = (record["archived_at"] or now) if body["is_archived"] else None
    if "has_reminders" in body:
        record["has_reminders"] = body["has_reminders"]
    if "is_reviewed" in body:
        if body["is_reviewed"] and record["status"] != "reviewed":
            data.reviewed_from[key] = str(record["status"])
            record["status"] = "reviewed"
            ctx.emulator.publish("record.reviewed", events.record(key))
        elif not body["is_reviewed"] and record["status"] == "reviewed":
            record["status"] = data.reviewed_from.pop(key, "pending")
            ctx.emulator.publish("record.unreviewed", events.record(key))
    if "expired_at" in body:
        moment = dt.datetime.now(dt.timezone.utc) if expiry is True else iso_datetime(str(expiry))
        assert moment is not None
        if moment <= dt.datetime.now(dt.timezone.utc):
            _expire(ctx, key, format_stamp(moment))
        else:
            record["expired_at"] = format_stamp(moment)
    record["updated_at"] = now
    ctx.emulator.publish("record.updated", events.record(key))
    return ctx.ok(renderer(ctx).record(record))


async def post_record_archive(ctx: Ctx) -> web.StreamResponse:
    key = record_id(ctx)
    expand = ctx.expand(("client",))
    record = ctx.data.records[key]
    now = now_stamp()
    record["archived_at"] = record["archived_at"] or now
    record["updated_at"] = now
    ctx.emulator.publish("record.updated", ctx.emulator.payloads.record(key))
    return ctx.ok(renderer(ctx).record(record, expand))


async def post_record_expire(ctx: Ctx) -> web.StreamResponse:
    """Inferred: an already expired record answers 422 ``{"errors": [...]}``."""
    key = record_id(ctx)
    expand = ctx.expand(("client",))
    record = ctx.data.records[key]
    if _is_expired(record):
        invalid({"errors": ["The record has already expired."]})
    now = now_stamp()
    _expire(ctx, key, now)
    record["updated_at"] = now
    ctx.emulator.publish("record.updated", ctx.emulator.payloads.record(key))
    return ctx.ok(renderer(ctx).record(record, expand))


async def get_record_download(ctx: Ctx) -> web.StreamResponse:
    """The record as a PDF. Inferred filename: ``record-<id>.pdf``."""
    key = record_id(ctx)
    record = ctx.data.records[key]
    return web.Response(
        body=pdf_bytes(f"Record {key}: {record['name']['full_name']} ({record['status']})"),
        content_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="record-{key}.pdf"'},
    )


async def get_record_steps(ctx: Ctx) -> web.StreamResponse:
    key = record_id(ctx)
    expand = ctx.expand(("check", "form", "document", "review"))
    steps = [ctx.data.steps[s] for s in ctx.data.record_steps.get(key, [])]
    draw = renderer(ctx)
    return ctx.paginated(steps, lambda s: draw.step(s, expand))


async def get_record_documents(ctx: Ctx) -> web.StreamResponse:
    key = record_id(ctx)
    expand = ctx.expand(("attachments",))
    documents = [
        d
        for d in ctx.data.record_documents.values()
        if d["source"]["id"] == key and d["source"]["type"] == "record"
    ]
    draw = renderer(ctx)
    return ctx.paginated(documents, lambda d: draw.record_document(d, expand))


async def get_check(ctx: Ctx) -> web.StreamResponse:
    key = ctx.key(ctx.data.checks, "Check")
    expand = ctx.expand(("record", "response"))
    return ctx.ok(renderer(ctx).check(ctx.data.checks[key], expand))


def _step(ctx: Ctx) -> tuple[int, int]:
    key = record_id(ctx, "recordId")
    raw = ctx.params["stepId"]
    if not raw.isdigit() or int(raw) not in ctx.data.record_steps.get(key, []):
        raise Refusal(404, "Record step not found")
    return key, int(raw)


async def get_step_reviews(ctx: Ctx) -> web.StreamResponse:
    _, step_id = _step(ctx)
    sort_by = ctx.choice("sort_by", ("created_at", "updated_at"))
    order = ctx.choice("order_by", ("asc", "desc"))
    expand = ctx.expand(("reviewed_by",))
    reviews = [ctx.data.step_reviews[r] for r in ctx.data.step_review_index.get(step_id, [])]
    draw = renderer(ctx)
    return ctx.paginated(ctx.sort(reviews, sort_by, order), lambda r: draw.step_review(r, expand))


async def post_step_review(ctx: Ctx) -> web.StreamResponse:
    """Spec: ``status`` required; ``message`` (1..1000 chars) required when rejected."""
    key, step_id = _step(ctx)
    expand = ctx.expand(("reviewed_by",))
    body = await ctx.body()
    errors: dict[str, list[str]] = {}
    status = body.get("status")
    if status not in ("pending", "approved", "rejected"):
        errors["status"] = (
            ["The selected status is invalid."]
            if "status" in body
            else [required_message("status")]
        )
    message = body.get("message")
    if message is not None and (not isinstance(message, str) or not 1 <= len(message) <= 1000):
        errors["message"] = ["The message must be between 1 and 1000 characters."]
    elif status == "rejected" and not message:
        errors["message"] = ["The message field is required when status is rejected."]
    if errors:
        invalid(errors)
    data = ctx.data
    previous = data.step_review_index.get(step_id, [])
    from_status = data.step_reviews[previous[-1]]["status"] if previous else "pending"
    now = now_stamp()
    review_id = data.new_id()
    review = {
        "object": "step_review",
        "id": review_id,
        "reviewed_by": data.me_member_id,
        "status": status,
        "from_status": from_status,
        "message": message,
        "created_at": now,
        "updated_at": now,
    }
    data.step_reviews[review_id] = review
    data.step_review_index.setdefault(step_id, []).append(review_id)
    data.steps[step_id]["review"] = review_id
    data.records[key]["updated_at"] = now
    ctx.emulator.publish("record.updated", ctx.emulator.payloads.record(key))
    return ctx.created(renderer(ctx).step_review(review, expand))

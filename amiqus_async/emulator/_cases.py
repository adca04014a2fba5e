"""Handlers for cases, their items, reviews and assignees, and the case-status aggregate.

Spec operations: get-cases, post-cases, get-cases-id, patch-cases-id, get-cases-id-items,
patch-cases-id-items, delete-cases-caseId-items-itemId, get-cases-id-reviews,
post-cases-id-reviews, get-cases-id-assignees (in ``_relations``), get-aggregates-case-status.
Inferred: a case item must be a record of the case's client; a review requires ``status``.
"""

from __future__ import annotations

from aiohttp import web

from amiqus_async.emulator._http import Ctx, invalid, list_envelope, require
from amiqus_async.emulator._render import renderer
from amiqus_async.emulator._store import add_case_item
from amiqus_async.emulator._wire import Json, now_stamp
from common.testing import Refusal

__all__ = [
    "CASE_STATUSES",
    "delete_case_item",
    "get_aggregate",
    "get_case",
    "get_case_items",
    "get_case_reviews",
    "get_cases",
    "patch_case",
    "patch_case_items",
    "post_case",
    "post_case_review",
]

CASE_STATUSES = (
    "pending",
    "awaiting_response",
    "action_required",
    "reviewed_pending_decision",
    "approved",
    "rejected",
    "on_hold",
)
_EXPAND = ("client", "items", "assignees")


def _case(ctx: Ctx, name: str = "id") -> int:
    return ctx.key(ctx.data.cases, "Case", name)


def _members(ctx: Ctx, case_id: int) -> set[int]:
    return {int(a["team_member"]) for a in ctx.data.assignees.get(("case", case_id), [])}


async def get_cases(ctx: Ctx) -> web.StreamResponse:
    sort_by = ctx.choice(
        "sort_by",
        (
            "name",
            "reference",
            "client.name.first_name",
            "client.name.last_name",
            "created_at",
            "updated_at",
            "archived_at",
        ),
    )
    order = ctx.choice("order_by", ("asc", "desc"))
    expand = ctx.expand(_EXPAND)
    statuses = set(ctx.joined("status"))
    if statuses - set(CASE_STATUSES):
        invalid({"status": ["The selected status is invalid."]})
    visibility = ctx.choice("visibility", ("active", "archived"))
    created_by = ctx.integer("created_by")
    assigned_to = ctx.member_or_false("assigned_to")
    client = ctx.integer("client")
    client_visibility = ctx.choice("client_visibility", ("active", "archived"))
    reference = ctx.text("reference")
    search = (ctx.text("search") or "").lower()
    data = ctx.data
    items = []
    for case in data.cases.values():
        key = int(case["id"])
        owner = data.clients.get(int(case["client"]))
        members = _members(ctx, key)
        text = f"{case['name']} {case.get('reference') or ''}".lower()
        if owner is not None:
            text += " " + str(owner["name"]["full_name"]).lower()
        if (
            (statuses and case["status"] not in statuses)
            or (visibility == "active" and case["archived_at"] is not None)
            or (visibility == "archived" and case["archived_at"] is None)
            or (created_by is not None and data.case_creator.get(key) != created_by)
            or (assigned_to is False and members)
            or (
                isinstance(assigned_to, int)
                and assigned_to is not False
                and assigned_to not in members
            )
            or (client is not None and case["client"] != client)
            or (
                client_visibility == "active"
                and (owner is None or owner["archived_at"] is not None)
            )
            or (client_visibility == "archived" and (owner is None or owner["archived_at"] is None))
            or (reference is not None and case.get("reference") != reference)
            or (search and search not in text)
        ):
            continue
        items.append(case)
    if sort_by and sort_by.startswith("client."):
        field = sort_by.rsplit(".", 1)[1]
        items.sort(
            key=lambda c: str(
                data.clients.get(int(c["client"]), {}).get("name", {}).get(field, "")
            ),
            reverse=order == "desc",
        )
    else:
        items = ctx.sort(items, sort_by, order, default="created_at")
    draw = renderer(ctx)
    return ctx.paginated(items, lambda c: draw.case(c, expand))


async def post_case(ctx: Ctx) -> web.StreamResponse:
    body = await ctx.body()
    require(body, "name", "client")
    errors: dict[str, list[str]] = {}
    if not isinstance(body["name"], str):
        errors["name"] = ["The name must be a string."]
    if not isinstance(body["client"], int) or body["client"] not in ctx.data.clients:
        errors["client"] = ["The selected client is invalid."]
    if "reference" in body and not isinstance(body["reference"], (str, type(None))):
        errors["reference"] = ["The reference must be a string."]
    if errors:
        invalid(errors)
    now = now_stamp()
    case_id = ctx.data.new_id()
    case = {
        "object": "case",
        "id": case_id,
        "name": body["name"],
        "reference": body.get("reference"),
        "status": "pending",
        "client": body["client"],
        "created_at": now,
        "updated_at": now,
        "archived_at": None,
    }
    ctx.data.cases[case_id] = case
    ctx.data.case_item_index[case_id] = []
    ctx.data.case_review_index[case_id] = []
    ctx.data.case_creator[case_id] = ctx.data.me_member_id
    ctx.emulator.publish("case.created", ctx.emulator.payloads.case(case_id))
    return ctx.created(renderer(ctx).case(case))


async def get_case(ctx: Ctx) -> web.StreamResponse:
    key = _case(ctx)
    expand = ctx.expand(_EXPAND)
    return ctx.ok(renderer(ctx).case(ctx.data.cases[key], expand))


async def patch_case(ctx: Ctx) -> web.StreamResponse:
    """Inferred: properties the spec does not name are ignored (its schema allows them)."""
    key = _case(ctx)
    body = await ctx.body(min_properties=1)
    errors: dict[str, list[str]] = {}
    if "name" in body and (not isinstance(body["name"], str) or not body["name"]):
        errors["name"] = ["The name must be a non-empty string."]
    if "reference" in body and not isinstance(body["reference"], (str, type(None))):
        errors["reference"] = ["The reference must be a string or null."]
    if "is_archived" in body and not isinstance(body["is_archived"], bool):
        errors["is_archived"] = ["The is_archived field must be true or false."]
    if errors:
        invalid(errors)
    case = ctx.data.cases[key]
    payload = ctx.emulator.payloads.case(key)
    if any(f in body and body[f] != case[f] for f in ("name", "reference")):
        case.update({f: body[f] for f in ("name", "reference") if f in body})
        ctx.emulator.publish("case.updated", payload)
    if "is_archived" in body and body["is_archived"] != (case["archived_at"] is not None):
        case["archived_at"] = now_stamp() if body["is_archived"] else None
        ctx.emulator.publish("case.archived" if body["is_archived"] else "case.unarchived", payload)
    case["updated_at"] = now_stamp()
    return ctx.ok(renderer(ctx).case(case))


async def get_case_items(ctx: Ctx) -> web.StreamResponse:
    key = _case(ctx)
    expand = ctx.expand(("entity",))
    items = [ctx.data.case_items[i] for i in ctx.data.case_item_index.get(key, [])]
    draw = renderer(ctx)
    return ctx.paginated(items, lambda i: draw.case_item(i, expand))


async def patch_case_items(ctx: Ctx) -> web.StreamResponse:
    key = _case(ctx)
    body = await ctx.json(empty=None)
    if not isinstance(body, list) or not 1 <= len(body) <= 100:
        invalid({"body": ["The body must be an array of 1 to 100 items."]})
    data = ctx.data
    owner = int(data.cases[key]["client"])
    errors: dict[str, list[str]] = {}
    wanted: list[int] = []
    for index, item in enumerate(body):
        if not isinstance(item, dict):
            errors[str(index)] = ["Each item must be {id, type}."]
            continue
        if item.get("type") != "record":
            errors[f"{index}.type"] = ["The selected type is invalid."]
        record = item.get("id")
        if (
            not isinstance(record, int)
            or record not in data.records
            or (data.record_client(record) != owner)
        ):
            errors[f"{index}.id"] = [f"The selected {index}.id is invalid."]
        elif record not in wanted:
            wanted.append(record)
    if errors:
        invalid(errors)
    present = {int(data.case_items[i]["entity"]["id"]) for i in data.case_item_index[key]}
    now = now_stamp()
    added = [add_case_item(data, key, r, now) for r in wanted if r not in present]
    if not added:
        return ctx.no_content()
    data.cases[key]["updated_at"] = now
    ctx.emulator.publish("case.item_added", ctx.emulator.payloads.case(key))
    draw = renderer(ctx)
    return ctx.created(
        list_envelope([draw.case_item(i) for i in added], ctx.url(f"/cases/{key}/items"))
    )


async def delete_case_item(ctx: Ctx) -> web.StreamResponse:
    key = _case(ctx, "caseId")
    raw = ctx.params["itemId"]
    index = ctx.data.case_item_index.get(key, [])
    if not raw.isdigit() or int(raw) not in index:
        raise Refusal(404, "Case item not found")
    index.remove(int(raw))
    del ctx.data.case_items[int(raw)]
    ctx.data.cases[key]["updated_at"] = now_stamp()
    ctx.emulator.publish("case.item_removed", ctx.emulator.payloads.case(key))
    return ctx.no_content()


async def get_case_reviews(ctx: Ctx) -> web.StreamResponse:
    key = _case(ctx)
    expand = ctx.expand(("reviewed_by",))
    reviews = [ctx.data.case_reviews[r] for r in ctx.data.case_review_index.get(key, [])]
    draw = renderer(ctx)
    return ctx.paginated(reviews, lambda r: draw.case_review(r, expand))


async def post_case_review(ctx: Ctx) -> web.StreamResponse:
    key = _case(ctx)
    body = await ctx.body()
    require(body, "status")
    if body["status"] not in CASE_STATUSES:
        invalid({"status": ["The selected status is invalid."]})
    data = ctx.data
    case = data.cases[key]
    now = now_stamp()
    review_id = data.new_id()
    review: Json = {
        "object": "case_review",
        "id": review_id,
        "reviewed_by": data.me_member_id,
        "status": body["status"],
        "from_status": case["status"],
        "created_at": now,
        "updated_at": now,
    }
    data.case_reviews[review_id] = review
    data.case_review_index.setdefault(key, []).append(review_id)
    changed = case["status"] != body["status"]
    case["status"] = body["status"]
    case["updated_at"] = now
    if changed:
        payload = ctx.emulator.payloads.case(key)
        ctx.emulator.publish("case.status", payload)
        if body["status"] in ("approved", "rejected"):
            ctx.emulator.publish(f"case.{body['status']}", payload)
    return ctx.created(renderer(ctx).case_review(review))


async def get_aggregate(ctx: Ctx) -> web.StreamResponse:
    """Counts of cases by status (every status, zeros included); ``start_date``/``end_date``
    bound ``created_at``."""
    assigned_to = ctx.member_or_false("assigned_to")
    start, end = ctx.stamp("start_date"), ctx.stamp("end_date")
    visibility = ctx.choice("visibility", ("active", "archived"))
    counts = dict.fromkeys(CASE_STATUSES, 0)
    for case in ctx.data.cases.values():
        members = _members(ctx, int(case["id"]))
        if (
            (assigned_to is False and members)
            or (
                isinstance(assigned_to, int)
                and assigned_to is not False
                and assigned_to not in members
            )
            or (start is not None and str(case["created_at"]) < start)
            or (end is not None and str(case["created_at"]) > end)
            or (visibility == "active" and case["archived_at"] is not None)
            or (visibility == "archived" and case["archived_at"] is None)
        ):
            continue
        counts[str(case["status"])] += 1
    return ctx.ok(
        {
            "object": "case_status_aggregate",
            "aggregates": [{"status": s, "count": n} for s, n in counts.items()],
        }
    )

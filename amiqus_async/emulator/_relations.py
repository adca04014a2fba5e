"""Assignees (of clients, organisations, records, cases) and client organisation memberships.

Spec: add (POST) merges and answers 201 with a ``list`` of only the *added* items; replace
(PUT) answers 201 with only the added ones too. Inferred: when nothing is added the answer is
204 (the spec lists 204 beside 201). Deleting one assignee takes the assignee's id.
"""

from __future__ import annotations

from collections.abc import Callable

from aiohttp import web

from amiqus_async.emulator._http import Ctx, invalid, list_envelope
from amiqus_async.emulator._render import renderer
from amiqus_async.emulator._store import assign
from amiqus_async.emulator._wire import Json, now_stamp
from common.testing import Refusal

__all__ = [
    "AssigneeHandlers",
    "assignee_handlers",
    "delete_membership",
    "delete_memberships",
    "get_memberships",
    "get_organisation_clients",
    "post_memberships",
    "put_memberships",
]

_KINDS = {
    "client": ("clients", "Client"),
    "organisation": ("organisations", "Organisation"),
    "record": ("records", "Record"),
    "case": ("cases", "Case"),
}


def _owner(ctx: Ctx, kind: str, param: str) -> tuple[str, int]:
    attribute, what = _KINDS[kind]
    return kind, ctx.key(getattr(ctx.data, attribute), what, param)


def _touch(ctx: Ctx, key: tuple[str, int]) -> None:
    kind, owner_id = key
    attribute = _KINDS[kind][0]
    getattr(ctx.data, attribute)[owner_id]["updated_at"] = now_stamp()


async def _assignee_body(ctx: Ctx) -> list[int]:
    body = await ctx.json(empty=None)
    if not isinstance(body, list) or not 1 <= len(body) <= 100:
        invalid({"body": ["The body must be an array of 1 to 100 assignees."]})
    members = ctx.data.current_members
    errors: dict[str, list[str]] = {}
    wanted: list[int] = []
    for index, item in enumerate(body):
        if not isinstance(item, dict) or set(item) - {"type", "team_member"}:
            errors[str(index)] = ["Each assignee must be {type, team_member}."]
            continue
        if item.get("type") != "team_member":
            errors[f"{index}.type"] = ["The selected type is invalid."]
        member = item.get("team_member")
        if not isinstance(member, int) or isinstance(member, bool) or member not in members:
            errors[f"{index}.team_member"] = [f"The selected {index}.team_member is invalid."]
        elif member not in wanted:
            wanted.append(member)
    if errors:
        invalid(errors)
    return wanted


class AssigneeHandlers:
    """The five assignee operations of one owner kind (the case kind only lists)."""

    def __init__(self, kind: str, param: str, event: Callable[[Ctx, int], None] | None) -> None:
        self.kind, self.param, self._event = kind, param, event

    def _added(self, ctx: Ctx, key: tuple[str, int], added: list[Json]) -> web.StreamResponse:
        if not added:
            return ctx.no_content()
        _touch(ctx, key)
        if self._event is not None:
            self._event(ctx, key[1])
        draw = renderer(ctx)
        url = ctx.url(f"/{_KINDS[self.kind][0]}/{key[1]}/assignees")
        return ctx.created(list_envelope([draw.assignee(a) for a in added], url))

    async def list(self, ctx: Ctx) -> web.StreamResponse:
        key = _owner(ctx, self.kind, self.param)
        draw = renderer(ctx)
        return ctx.paginated(ctx.data.assignees.get(key, []), draw.assignee)

    async def add(self, ctx: Ctx) -> web.StreamResponse:
        key = _owner(ctx, self.kind, self.param)
        wanted = await _assignee_body(ctx)
        present = {int(a["team_member"]) for a in ctx.data.assignees.get(key, [])}
        added = [assign(ctx.data, key, m) for m in wanted if m not in present]
        return self._added(ctx, key, added)

    async def replace(self, ctx: Ctx) -> web.StreamResponse:
        key = _owner(ctx, self.kind, self.param)
        wanted = await _assignee_body(ctx)
        current = ctx.data.assignees.get(key, [])
        kept = [a for a in current if int(a["team_member"]) in wanted]
        present = {int(a["team_member"]) for a in kept}
        ctx.data.assignees[key] = kept
        added = [assign(ctx.data, key, m) for m in wanted if m not in present]
        if len(kept) != len(current) and not added:
            _touch(ctx, key)
        return self._added(ctx, key, added)

    async def clear(self, ctx: Ctx) -> web.StreamResponse:
        key = _owner(ctx, self.kind, self.param)
        if ctx.data.assignees.pop(key, None):
            _touch(ctx, key)
        return ctx.no_content()

    async def remove(self, ctx: Ctx) -> web.StreamResponse:
        key = _owner(ctx, self.kind, self.param)
        current = ctx.data.assignees.get(key, [])
        raw = ctx.params["assigneeId"]
        kept = [a for a in current if str(a["id"]) != raw]
        if len(kept) == len(current):
            raise Refusal(404, "Assignee not found")
        ctx.data.assignees[key] = kept
        _touch(ctx, key)
        return ctx.no_content()


def assignee_handlers(
    kind: str, param: str = "id", event: Callable[[Ctx, int], None] | None = None
) -> AssigneeHandlers:
    return AssigneeHandlers(kind, param, event)


# -- client organisation memberships ----------------------------------------------------------

_ORG_SORTS = ("name", "created_at", "updated_at", "archived_at")


def _client(ctx: Ctx, param: str = "id") -> int:
    return ctx.key(ctx.data.clients, "Client", param)


async def get_memberships(ctx: Ctx) -> web.StreamResponse:
    key = _client(ctx)
    sort_by = ctx.choice("sort_by", _ORG_SORTS)
    order = ctx.choice("order_by", ("asc", "desc"))
    expand = ctx.expand(("assignees", "clients"))
    orgs = [
        ctx.data.organisations[o]
        for o in ctx.data.memberships.get(key, [])
        if o in ctx.data.organisations
    ]
    draw = renderer(ctx)
    return ctx.paginated(ctx.sort(orgs, sort_by, order), lambda o: draw.organisation(o, expand))


async def _organisation_ids(ctx: Ctx) -> list[int]:
    body = await ctx.json(empty=None)
    if not isinstance(body, list) or not body:
        invalid({"body": ["The body must be a non-empty array of organisation ids."]})
    errors: dict[str, list[str]] = {}
    wanted: list[int] = []
    for index, item in enumerate(body):
        if (
            not isinstance(item, int)
            or isinstance(item, bool)
            or (item not in ctx.data.organisations)
        ):
            errors[str(index)] = [f"The selected {index} is invalid."]
        elif item not in wanted:
            wanted.append(item)
    if errors:
        invalid(errors)
    return wanted


def _memberships_added(ctx: Ctx, key: int, added: list[int], changed: bool) -> web.StreamResponse:
    if changed or added:
        ctx.data.clients[key]["updated_at"] = now_stamp()
        ctx.emulator.publish("client.organisations", ctx.emulator.payloads.client(key))
    if not added:
        return ctx.no_content()
    draw = renderer(ctx)
    orgs = [draw.organisation(ctx.data.organisations[o]) for o in added]
    return ctx.created(list_envelope(orgs, ctx.url(f"/clients/{key}/organisations")))


async def post_memberships(ctx: Ctx) -> web.StreamResponse:
    key = _client(ctx)
    wanted = await _organisation_ids(ctx)
    current = ctx.data.memberships.setdefault(key, [])
    added = [o for o in wanted if o not in current]
    current.extend(added)
    return _memberships_added(ctx, key, added, False)


async def put_memberships(ctx: Ctx) -> web.StreamResponse:
    key = _client(ctx)
    wanted = await _organisation_ids(ctx)
    current = ctx.data.memberships.get(key, [])
    added = [o for o in wanted if o not in current]
    changed = set(current) != set(wanted)
    ctx.data.memberships[key] = list(wanted)
    return _memberships_added(ctx, key, added, changed)


async def delete_memberships(ctx: Ctx) -> web.StreamResponse:
    key = _client(ctx)
    if ctx.data.memberships.get(key):
        ctx.data.memberships[key] = []
        _memberships_added(ctx, key, [], True)
    return ctx.no_content()


async def delete_membership(ctx: Ctx) -> web.StreamResponse:
    key = _client(ctx, "clientId")
    current = ctx.data.memberships.get(key, [])
    raw = ctx.params["organisationId"]
    if not raw.isdigit() or int(raw) not in current:
        raise Refusal(404, "Organisation not found")
    current.remove(int(raw))
    _memberships_added(ctx, key, [], True)
    return ctx.no_content()


async def get_organisation_clients(ctx: Ctx) -> web.StreamResponse:
    """Most recent first (spec)."""
    org_id = ctx.key(ctx.data.organisations, "Organisation")
    clients = [
        ctx.data.clients[c]
        for c, orgs in ctx.data.memberships.items()
        if org_id in orgs and c in ctx.data.clients
    ]
    clients.sort(key=lambda c: (str(c["created_at"]), int(c["id"])), reverse=True)
    return ctx.paginated(clients, renderer(ctx).client)

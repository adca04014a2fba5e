"""Handlers for the user, the team, team members, teams and credit history.

Spec operations: get-status, get-me, patch-me, get-me-teams, get-team, patch-team,
get-team-me, get-team-members, get-teams-teamId-members, get-teams-teamId-members-teamMemberId,
get-credits.
"""

from __future__ import annotations

from aiohttp import web

from amiqus_async.emulator._http import Ctx, invalid
from amiqus_async.emulator._render import renderer
from amiqus_async.emulator._wire import now_stamp
from common.testing import Refusal

__all__ = [
    "get_credits",
    "get_me",
    "get_me_teams",
    "get_status",
    "get_team",
    "get_team_me",
    "get_team_members",
    "get_teams_member",
    "get_teams_members",
    "patch_me",
    "patch_team",
]


async def get_status(ctx: Ctx) -> web.StreamResponse:
    return ctx.no_content()


async def get_me(ctx: Ctx) -> web.StreamResponse:
    return ctx.ok(dict(ctx.data.user))


async def patch_me(ctx: Ctx) -> web.StreamResponse:
    """Only ``name`` changes at once: an email change awaits the user's confirmation (spec), so
    the response keeps the old address; it is kept in ``emulator.pending_email``."""
    body = await ctx.body()
    errors: dict[str, list[str]] = {}
    if "name" in body and (not isinstance(body["name"], str) or not body["name"].strip()):
        errors["name"] = ["The name must be a non-empty string."]
    if "email" in body and (not isinstance(body["email"], str) or "@" not in body["email"]):
        errors["email"] = ["The email must be a valid email address."]
    if errors:
        invalid(errors)
    user = ctx.data.user
    if "name" in body:
        user["name"] = body["name"]
    if "email" in body and body["email"] != user["email"]:
        ctx.emulator.pending_email = str(body["email"])
    user["updated_at"] = now_stamp()
    return ctx.ok(dict(user))


async def get_me_teams(ctx: Ctx) -> web.StreamResponse:
    return ctx.paginated(list(ctx.data.teams.values()), dict)


async def get_team(ctx: Ctx) -> web.StreamResponse:
    return ctx.ok(dict(ctx.data.team))


async def patch_team(ctx: Ctx) -> web.StreamResponse:
    """Inferred: properties the spec does not name are ignored (its schema allows them)."""
    body = await ctx.body(min_properties=1)
    errors: dict[str, list[str]] = {}
    if "contact" in body and (not isinstance(body["contact"], str) or "@" not in body["contact"]):
        errors["contact"] = ["The contact must be a valid email address."]
    if "telephone" in body and not isinstance(body["telephone"], (str, type(None))):
        errors["telephone"] = ["The telephone must be a string."]
    if errors:
        invalid(errors)
    team = ctx.data.team
    team.update({k: body[k] for k in ("contact", "telephone") if k in body})
    team["updated_at"] = now_stamp()
    return ctx.ok(dict(team))


async def get_team_me(ctx: Ctx) -> web.StreamResponse:
    return ctx.ok(renderer(ctx).member(ctx.data.me_member_id))


async def get_team_members(ctx: Ctx) -> web.StreamResponse:
    return ctx.paginated(list(ctx.data.current_members.values()), dict)


def _team_members(ctx: Ctx) -> dict[int, dict[str, object]]:
    try:
        team_id = int(ctx.params["teamId"])
    except ValueError:
        raise Refusal(404, "Team not found") from None
    if team_id not in ctx.data.members:
        raise Refusal(404, "Team not found")
    return ctx.data.members[team_id]


async def get_teams_members(ctx: Ctx) -> web.StreamResponse:
    return ctx.paginated(list(_team_members(ctx).values()), dict)


async def get_teams_member(ctx: Ctx) -> web.StreamResponse:
    members = _team_members(ctx)
    member_id = ctx.key(members, "Team member", "teamMemberId")
    return ctx.ok(dict(members[member_id]))


async def get_credits(ctx: Ctx) -> web.StreamResponse:
    ctx.choice("sort_by", ("created_at",))
    order = ctx.choice("order_by", ("asc", "desc"))
    expand = ctx.expand(("causer",), explode=True)  # the spec leaves explode at its default
    items = ctx.sort(list(ctx.data.credits.values()), "created_at", order)
    draw = renderer(ctx)
    return ctx.paginated(items, lambda item: draw.credit(item, expand))

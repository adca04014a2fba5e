"""The v2 public API: ``/PublicApi/{organization}/{language}/Programs|Activities`` (no auth).

Pages are ``{"Items", "Page": {"NextId", "Next"}}``, sized by ``limit`` (100, 5..100) and
started at ``idStart`` (0).
"""

from __future__ import annotations

from aiohttp import web

from amilia_async.emulator._http import Ctx, Handler
from amilia_async.emulator._store import Json
from common.testing import Refusal, next_id_envelope

__all__ = ["V2_ROUTES"]

V2_LIMIT, V2_MIN_LIMIT, V2_MAX_LIMIT = 100, 5, 100


def _v2_program(program: Json) -> Json:
    keys = ("Id", "Name", "Start", "End", "Url", "IsArchived")
    return {key: program[key] for key in keys}


def _v2_activity(activity: Json) -> Json:
    keys = ("Id", "Name", "Description", "ProgramId", "ProgramName", "CategoryName")
    out = {key: activity[key] for key in keys}
    out.update(
        SubCategoryName=activity["SubCategoryName"],
        Start=activity["StartDate"],
        End=activity["EndDate"],
        Price=activity["Price"],
        DropInPrice=activity["DropInPrice"],
        Url=activity["Url"],
    )
    return out


def _v2_page(ctx: Ctx, items: list[Json]) -> web.Response:
    limit = ctx.integer("limit", V2_LIMIT)
    if not V2_MIN_LIMIT <= limit <= V2_MAX_LIMIT:
        raise Refusal(400, f"limit must be between {V2_MIN_LIMIT} and {V2_MAX_LIMIT}.")
    id_start = ctx.integer("idStart", 0)
    return ctx.ok(next_id_envelope(items, limit, id_start, ctx.request, ignore_case=True))


async def v2_programs(ctx: Ctx) -> web.StreamResponse:
    programs = sorted(ctx.data.programs.values(), key=lambda p: int(p["Id"]))
    return _v2_page(ctx, [_v2_program(p) for p in programs if p["IsVisible"]])


async def v2_activities(ctx: Ctx) -> web.StreamResponse:
    activities = sorted(ctx.data.activities.values(), key=lambda a: int(a["Id"]))
    return _v2_page(ctx, [_v2_activity(a) for a in activities if a["Status"] != "Hidden"])


V2_ROUTES: dict[str, Handler] = {"programs": v2_programs, "activities": v2_activities}

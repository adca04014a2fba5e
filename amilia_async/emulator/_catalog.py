"""Handlers for what an organization offers: programs, activities, occurrences, events."""

from __future__ import annotations

from collections.abc import Callable

from aiohttp import web

from amilia_async.emulator._http import Ctx, local_day, within
from amilia_async.emulator._store import Json

__all__ = [
    "get_activity",
    "get_program",
    "get_waitlist",
    "list_activities",
    "list_events",
    "list_location_activities",
    "list_occurrences",
    "list_program_activities",
    "list_programs",
]


async def list_programs(ctx: Ctx) -> web.StreamResponse:
    hidden, archived = ctx.flag("showHidden"), ctx.flag("showArchived")
    items = [
        p
        for p in ctx.data.programs.values()
        if (hidden or p["IsVisible"]) and (archived or not p["IsArchived"])
    ]
    return ctx.paged(items)


async def get_program(ctx: Ctx) -> web.StreamResponse:
    return ctx.ok(ctx.data.programs[ctx.key(ctx.data.programs, "Program")])


def _activity_shape(ctx: Ctx) -> Callable[[Json], Json]:
    taxes, occurrences = ctx.flag("showTaxes"), ctx.flag("showOccurrences")

    def shape(activity: Json) -> Json:
        if not (taxes or occurrences):
            return activity
        out = dict(activity)
        if taxes:
            out["Taxes"] = [{"Name": "GST", "Rate": 5.0}, {"Name": "QST", "Rate": 9.975}]
        if occurrences:
            out["Occurrences"] = ctx.data.occurrences.get(activity["Id"], [])
        return out

    return shape


def _visible_activities(ctx: Ctx, keep: Callable[[Json], bool]) -> list[Json]:
    hidden, cancelled = ctx.flag("showHidden"), ctx.flag("showCancelled")
    return [
        a
        for a in ctx.data.activities.values()
        if keep(a)
        and (hidden or a["Status"] != "Hidden")
        and (cancelled or a["Status"] != "Cancelled")
    ]


async def list_program_activities(ctx: Ctx) -> web.StreamResponse:
    program_id = ctx.key(ctx.data.programs, "Program")
    items = _visible_activities(ctx, lambda a: a["ProgramId"] == program_id)
    return ctx.paged(items, _activity_shape(ctx))


async def list_location_activities(ctx: Ctx) -> web.StreamResponse:
    location_id = ctx.key(ctx.data.locations, "Location")
    children = ctx.flag("showChildrenActivities")
    wanted = {location_id} | (
        {i for i, loc in ctx.data.locations.items() if loc["ParentId"] == location_id}
        if children
        else set()
    )
    items = _visible_activities(ctx, lambda a: a["Location"]["Id"] in wanted)
    return ctx.paged(items, _activity_shape(ctx))


async def list_activities(ctx: Ctx) -> web.StreamResponse:
    past = ctx.flag("showPastActivities")
    start, end = ctx.date_range("from", "to")
    today = ctx.data.today

    def keep(activity: Json) -> bool:
        first, last = local_day(activity["StartDate"]), local_day(activity["EndDate"])
        return (
            (past or last >= today)
            and (end is None or first <= end)
            and (start is None or last >= start)
        )

    return ctx.paged(_visible_activities(ctx, keep), _activity_shape(ctx))


async def get_activity(ctx: Ctx) -> web.StreamResponse:
    activity = ctx.data.activities[ctx.key(ctx.data.activities, "Activity")]
    return ctx.ok(_activity_shape(ctx)(activity))


async def list_occurrences(ctx: Ctx) -> web.StreamResponse:
    activity_id = ctx.key(ctx.data.activities, "Activity")
    edited = ctx.flag("showEdited")
    start, end = ctx.date_range("from", "to")
    items = [
        o
        for o in ctx.data.occurrences.get(activity_id, [])
        if (edited or o["State"] == "Normal") and within(local_day(o["Start"]), start, end)
    ]
    return ctx.paged(items)


_HIERARCHY = (
    "Id", "Name", "ProgramId", "ProgramName", "CategoryId", "CategoryName",
    "SubCategoryId", "SubCategoryName", "Url", "Status",
)  # fmt: skip


async def get_waitlist(ctx: Ctx) -> web.StreamResponse:
    """One object, as Amilia's reference shows: the activity's hierarchy and its ``WaitList``.

    ``page``/``perPage`` slice ``WaitList`` (the reference lists them without saying how).
    """
    activity = ctx.data.activities[ctx.key(ctx.data.activities, "Activity")]
    page, per_page = ctx.page_numbers()
    waitlist = ctx.data.waitlists.get(activity["Id"], [])
    body = {key: activity[key] for key in _HIERARCHY}
    body["WaitList"] = waitlist[(page - 1) * per_page : page * per_page]
    return ctx.ok(body)


async def list_events(ctx: Ctx) -> web.StreamResponse:
    start, end = ctx.day_window("from", "to")
    program_id = ctx.integer("programId", None)
    hidden, skipped = ctx.flag("showHidden"), ctx.flag("showSkipped")
    canceled, participants = ctx.flag("showCanceled"), ctx.flag("showParticipants")
    allowed = (
        {"Normal"} | ({"Skipped"} if skipped else set()) | ({"Cancelled"} if canceled else set())
    )
    items = [
        e
        for e in ctx.data.events.values()
        if within(local_day(e["Start"]), start, end)
        and (program_id is None or e["ProgramId"] == program_id)
        and (hidden or _activity_status(ctx, e["ActivityId"]) != "Hidden")
        and e["Status"] in allowed
    ]

    def shape(event: Json) -> Json:
        return event if participants else {k: v for k, v in event.items() if k != "Participants"}

    return ctx.paged(items, shape)


def _activity_status(ctx: Ctx, activity_id: int) -> str | None:
    activity = ctx.data.activities.get(activity_id)
    return None if activity is None else str(activity["Status"])

"""Cases and case requests (help centre; count and create from Trackops's PHP client)."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from caseupdates_async.emulator._fields import MISSING, Fields
from caseupdates_async.emulator._http import Ctx, F, Filter
from caseupdates_async.emulator._store import Json, next_id
from caseupdates_async.emulator._time import format_date
from common.testing import ascii_integer

__all__ = [
    "CASE_FILTERS",
    "CASE_REQUEST_FILTERS",
    "create_case",
    "list_case_requests",
    "list_cases",
]

#: ``GET /case/requests`` ("API Reference - Case Requests"): the filters the article lists.
CASE_REQUEST_FILTERS: tuple[Filter, ...] = (
    F.int("id", "id"),
    F.int("client"),
    F.int("location", "client_location_id"),
    F.int("case_region"),
    *F.days("created_from", "created_to", "created_on"),
    *F.span("created_from_system", "created_to_system", "created_at"),
    *F.days("due_from", "due_to", "due_on"),
    *F.span("updated_from", "updated_to", "updated_at"),
    F.int("primary_contact"),
    F.int("primary_subject"),
    F.text("reference_value_1"),
    F.text("reference_value_2"),
    F.text("reference_value_3"),
)

#: ``GET /cases`` ("API Reference - Cases"): the case-request filters and four more, plus
#: ``case_status``, handled apart (:data:`CASE_STATUS`): an integer is a status id, any other
#: text a status name. ``/case/requests`` refuses these five with a 400.
CASE_FILTERS: tuple[Filter, ...] = (
    *CASE_REQUEST_FILTERS,
    F.bool("is_request"),
    F.int("primary_investigator"),
    F.int("primary_manager"),
    F.int("primary_salesperson"),
)
CASE_STATUS = "case_status"


def _by_status(ctx: Ctx, cases: dict[int, Json]) -> list[Json]:
    status = ctx.text(CASE_STATUS)
    if status is None:
        return list(cases.values())
    status_id = ascii_integer(status)
    if status_id is not None:
        return [c for c in cases.values() if c["case_status_id"] == status_id]
    return [c for c in cases.values() if str(c["case_status"]).casefold() == status.casefold()]


async def list_cases(ctx: Ctx) -> web.StreamResponse:
    """The cases, or with ``mode=count`` their count."""
    return ctx.listing(_by_status(ctx, ctx.data.cases), CASE_FILTERS, also=[CASE_STATUS])


async def list_case_requests(ctx: Ctx) -> web.StreamResponse:
    """The cases that are requests, with the case-request filters."""
    return ctx.listing(ctx.data.case_requests.values(), CASE_REQUEST_FILTERS)


def _subjects(ctx: Ctx, fields: Fields) -> list[Json]:
    """``casefile.subjects``: each an object with a ``subject_type_id``; the first is primary
    unless it says ``is_primary: false``, the others only when they say ``true``."""
    value = fields.objects("subjects")
    if value is MISSING or value is None:
        return []
    subjects: list[Json] = []
    first_id = ctx.data.next_subject_id()
    for number, subject in enumerate(value):
        one = Fields(subject, "subject")
        values = {
            "subject_type_id": one.integer("subject_type_id", required=True),
            "is_primary": one.boolean("is_primary"),
            "is_pinned": one.boolean("is_pinned"),
            "name": one.string("name"),
            "custom_fields": one.custom_fields("custom_fields"),
        }
        for name, messages in one.errors.items():
            for message in messages:
                fields.error(f"subjects.{number + 1}.{name}", message)
        given = {name: None if v is MISSING else v for name, v in values.items()}
        subjects.append(
            {
                "id": first_id + number,
                "subject_type_id": given["subject_type_id"],
                "is_primary": number == 0 if given["is_primary"] is None else given["is_primary"],
                "is_pinned": given["is_pinned"] is True,
                "name": given["name"],
                "custom_fields": given["custom_fields"] or [],
            }
        )
    return subjects


def _day(fields: Fields, name: str) -> Any:
    value = fields.moment(name)
    return value if value is MISSING or value is None else format_date(value[0].date())


async def create_case(ctx: Ctx) -> web.StreamResponse:
    """``POST /cases`` with ``{"casefile": {...}}``: ``case_type_id`` and ``client_id`` required."""
    body, data = await ctx.body("casefile"), ctx.data
    fields = Fields(body, "case")
    client_id = fields.integer("client_id", required=True, known=data.clients)
    contact_id = fields.integer("primary_contact_id", known=data.contacts)
    if (
        contact_id not in (MISSING, None)
        and client_id is not MISSING
        and data.contacts[contact_id]["client_id"] != client_id
    ):
        fields.error("primary_contact_id", f"contact {contact_id} is not a contact of the client")
    staff = {
        role: fields.integer(f"primary_{role}_id", known=data.staff)
        for role in ("investigator", "manager", "salesperson")
    }
    status_id = fields.integer("case_status_id", known=data.case_statuses)
    values: dict[str, Any] = {
        "case_type_id": fields.integer("case_type_id", required=True, known=data.case_types),
        "case_region_id": fields.integer("case_region_id", known=data.case_regions),
        "company_location_id": fields.integer("company_location_id", known=data.company_locations),
        "created_on": _day(fields, "created_on"),
        "due_on": _day(fields, "due_on"),
        "is_request": fields.boolean("is_request"),
        "budget_money": fields.number("budget_money"),
        "budget_hours": fields.number("budget_hours"),
        **{
            name: fields.string(name)
            for name in (
                "reference_value_1",
                "reference_value_2",
                "reference_value_3",
                "case_location",
                "notes",
                "scheduling_notes",
                "admin_notes",
            )
        },
        "case_services_list": fields.ids("case_services_list"),
        "case_flags_list": fields.ids("case_flags_list"),
        "custom_fields": fields.custom_fields("custom_fields"),
    }
    subjects = _subjects(ctx, fields)
    fields.check()

    if contact_id not in (MISSING, None):
        location_id = data.contacts[contact_id]["client_location_id"]
    else:
        locations = [loc for loc in data.client_locations.values() if loc["root_id"] == client_id]
        location_id = locations[0]["id"] if locations else None
    status_id = 1 if status_id in (MISSING, None) else status_id
    now, case_id = data.now(), next_id(data.cases)
    defaults: dict[str, Any] = {
        "case_region_id": None,
        "company_location_id": None,
        "created_on": data.today(),
        "due_on": None,
        "is_request": False,
        "budget_money": None,
        "budget_hours": None,
        "reference_value_1": None,
        "reference_value_2": None,
        "reference_value_3": None,
        "case_location": None,
        "notes": "",
        "scheduling_notes": "",
        "admin_notes": "",
        "case_services_list": [],
        "case_flags_list": [],
        "custom_fields": [],
    }
    given = {name: value for name, value in values.items() if value not in (MISSING, None)}
    primary = next((s for s in subjects if s["is_primary"]), subjects[0] if subjects else None)
    case: Json = {
        "id": case_id,
        "case_number": f"{now[2:4]}-{case_id:05d}",
        "client_id": client_id,
        "client_location_id": location_id,
        "primary_contact_id": None if contact_id is MISSING else contact_id,
        "case_status_id": status_id,
        "case_status": data.case_statuses[status_id],
        **{name: given.get(name, default) for name, default in defaults.items()},
        "case_type_id": values["case_type_id"],
        "primary_investigator_id": None
        if staff["investigator"] is MISSING
        else staff["investigator"],
        "primary_manager_id": None if staff["manager"] is MISSING else staff["manager"],
        "primary_salesperson_id": None if staff["salesperson"] is MISSING else staff["salesperson"],
        "primary_subject_id": primary["id"] if primary else None,
        "subjects": subjects,
        "created_at": now,
        "updated_at": now,
    }
    data.cases[case_id] = case
    return ctx.ok(case, status=201)

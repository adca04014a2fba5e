"""Handlers for the scheduler: appointments, booking settings, practitioners."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from intakeq_async.emulator._http import ApiError, Ctx, in_range, matches_text
from intakeq_async.emulator._store import Json, new_appointment, now_ms

__all__ = [
    "cancel_appointment",
    "create_appointment",
    "get_appointment",
    "get_settings",
    "list_practitioners",
    "query_appointments",
    "update_appointment",
]

#: The statuses a booking may be created or updated with.
BOOKING_STATUSES = ("Confirmed", "WaitingConfirmation")
REMINDER_TYPES = ("Sms", "Email", "Voice", "OptOut")
CANCELED = "Canceled"


async def query_appointments(ctx: Ctx) -> web.StreamResponse:
    source = ctx.data.deleted_appointments if ctx.flag("deletedOnly") else ctx.data.appointments
    client = ctx.text("client")
    start, end = ctx.date("startDate"), ctx.date("endDate")
    status = ctx.text("status")
    practitioner = ctx.text("practitionerEmail")
    since = ctx.date("updatedSince")

    def keep(a: Json) -> bool:
        return (
            (client is None or matches_text(client, a["ClientName"], a["ClientEmail"]))
            and (status is None or a["Status"].casefold() == status.casefold())
            and (
                practitioner is None
                or str(a["PractitionerEmail"]).casefold() == practitioner.casefold()
            )
            and in_range(a["StartDate"], start, end)
            and in_range(a["LastModified"], since, None)
        )

    items = [a for a in source.values() if keep(a)]
    items.sort(key=lambda a: (a["StartDate"], a["Id"]), reverse=True)  # newest first
    return ctx.paged(items)


async def get_appointment(ctx: Ctx) -> web.StreamResponse:
    return ctx.ok(ctx.lookup("Appointment", ctx.data.appointments))


async def get_settings(ctx: Ctx) -> web.StreamResponse:
    data = ctx.data
    return ctx.ok(
        {
            "Locations": list(data.locations.values()),
            "Services": list(data.services.values()),
            "Practitioners": [
                {"Id": p["Id"], "CompleteName": p["CompleteName"], "Email": p["Email"]}
                for p in data.practitioners.values()
                if p["IsActive"]
            ],
        }
    )


async def list_practitioners(ctx: Ctx) -> web.StreamResponse:
    everyone = ctx.flag("includeInactive")
    return ctx.ok([p for p in ctx.data.practitioners.values() if everyone or p["IsActive"]])


def _reference(ctx: Ctx, body: Json, name: str, collection: dict[Any, Json]) -> Json:
    raw = body.get(name)
    if raw in (None, ""):
        raise ApiError(400, f"{name} is required.")
    for key, item in collection.items():
        if str(key) == str(raw):
            return item
    raise ApiError(400, f"{name} '{raw}' is not valid.")


def _timestamp(body: Json, name: str, *, required: bool) -> int | None:
    raw = body.get(name)
    if raw is None:
        if required:
            raise ApiError(400, f"{name} is required (Unix timestamp in milliseconds).")
        return None
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or raw <= 0:
        raise ApiError(400, f"{name} must be a Unix timestamp in milliseconds.")
    return int(raw)


def _choice(body: Json, name: str, allowed: tuple[str, ...], default: str | None) -> str | None:
    raw = body.get(name)
    if raw is None:
        return default
    for value in allowed:
        if isinstance(raw, str) and raw.casefold() == value.casefold():
            return value
    raise ApiError(400, f"{name} must be one of {', '.join(allowed)}.")


def _notify(body: Json, status: str | None) -> None:
    notify = body.get("SendClientEmailNotification", False)
    if not isinstance(notify, bool):
        raise ApiError(400, "SendClientEmailNotification must be true or false.")
    if notify and status != "Confirmed":
        raise ApiError(400, "SendClientEmailNotification is allowed only when Status is Confirmed.")


async def create_appointment(ctx: Ctx) -> web.StreamResponse:
    body = await ctx.body()
    data = ctx.data
    practitioner = _reference(ctx, body, "PractitionerId", data.practitioners)
    if not practitioner["IsActive"]:
        raise ApiError(400, f"Practitioner '{practitioner['Id']}' is inactive.")
    client = _reference(ctx, body, "ClientId", data.clients)
    service = _reference(ctx, body, "ServiceId", data.services)
    location = _reference(ctx, body, "LocationId", data.locations)
    start = _timestamp(body, "UtcDateTime", required=True)
    status = _choice(body, "Status", BOOKING_STATUSES, "Confirmed") or "Confirmed"
    reminder = _choice(body, "ReminderType", REMINDER_TYPES, "Email") or "Email"
    _notify(body, status)
    assert start is not None
    appointment = new_appointment(
        data,
        client=client,
        practitioner=practitioner,
        service=service,
        location=location,
        start_ms=start,
        status=status,
        created_ms=now_ms(),
        created_by="API",
        reminder=reminder,
    )
    data.appointments[appointment["Id"]] = appointment
    return ctx.ok(appointment)


async def update_appointment(ctx: Ctx) -> web.StreamResponse:
    """Reschedule or change an appointment; the client and practitioner cannot change."""
    body = await ctx.body()
    data = ctx.data
    raw_id = body.get("Id")
    if raw_id in (None, ""):
        raise ApiError(400, "Id is required.")
    found = data.appointments.get(str(raw_id))
    if found is None:
        raise ApiError(404, f"Appointment '{raw_id}' was not found.")
    appointment = dict(found)
    for name, key in (("ClientId", "ClientId"), ("PractitionerId", "PractitionerId")):
        if body.get(name) not in (None, "") and str(body[name]) != str(appointment[key]):
            raise ApiError(400, f"{name} of an appointment cannot be changed.")
    status = _choice(body, "Status", BOOKING_STATUSES, None)
    if status == "WaitingConfirmation" and appointment["Status"] == "Confirmed":
        raise ApiError(400, "A confirmed appointment cannot go back to WaitingConfirmation.")
    _notify(body, status or appointment["Status"])
    duration = int(appointment["Duration"])
    if body.get("ServiceId") not in (None, ""):
        service = _reference(ctx, body, "ServiceId", data.services)
        appointment.update(
            ServiceId=service["Id"], ServiceName=service["Name"], Price=service["Price"]
        )
        duration = int(service["Duration"])
    if body.get("LocationId") not in (None, ""):
        location = _reference(ctx, body, "LocationId", data.locations)
        appointment.update(LocationId=location["Id"], LocationName=location["Name"])
    if status is not None:
        appointment["Status"] = status
    reminder = _choice(body, "ReminderType", REMINDER_TYPES, None)
    if reminder is not None:
        appointment["ReminderType"] = reminder
    start = _timestamp(body, "UtcDateTime", required=False)
    data.set_times(appointment, appointment["StartDate"] if start is None else start, duration)
    appointment["LastModified"] = now_ms()
    data.appointments[appointment["Id"]] = appointment
    return ctx.ok(appointment)


async def cancel_appointment(ctx: Ctx) -> web.StreamResponse:
    body = await ctx.body()
    raw_id = body.get("AppointmentId")
    if raw_id in (None, ""):
        raise ApiError(400, "AppointmentId is required.")
    appointment = ctx.data.appointments.get(str(raw_id))
    if appointment is None:
        raise ApiError(404, f"Appointment '{raw_id}' was not found.")
    reason = body.get("Reason")
    if reason is not None and not isinstance(reason, str):
        raise ApiError(400, "Reason must be a string.")
    if appointment["Status"] != CANCELED:
        now = now_ms()
        appointment.update(
            Status=CANCELED, CancellationReason=reason, CancellationDate=now, LastModified=now
        )
    return ctx.empty()

"""Handlers for the scheduler: appointments, booking settings, practitioners."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from common.testing import Refusal
from intakeq_async.emulator._http import Body, Ctx, in_range, matches_text
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
    return ctx.ok(ctx.item(ctx.data.appointments, "Appointment"))


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


def _reference(body: Body, name: str, collection: dict[Any, Json], *, number: bool) -> Json:
    """The item *name* refers to: a number (``LocationId``, ``ClientId``) or a string id."""
    key: Any = body.integer(name, required=True) if number else body.string(name, required=True)
    item = collection.get(key)
    if item is None:
        raise Refusal(400, f"{name} '{key}' is not valid.")
    return item


def _notify(body: Body, status: str | None) -> None:
    notify = body.boolean("SendClientEmailNotification")
    if notify and status != "Confirmed":
        raise Refusal(400, "SendClientEmailNotification is allowed only when Status is Confirmed.")


def _notes(body: Body, appointment: Json) -> None:
    for name in ("ClientNote", "PractitionerNote"):
        if name in body:
            appointment[name] = body.string(name)


async def create_appointment(ctx: Ctx) -> web.StreamResponse:
    body = await ctx.body()
    data = ctx.data
    practitioner = _reference(body, "PractitionerId", data.practitioners, number=False)
    if not practitioner["IsActive"]:
        raise Refusal(400, f"Practitioner '{practitioner['Id']}' is inactive.")
    client = _reference(body, "ClientId", data.clients, number=True)
    service = _reference(body, "ServiceId", data.services, number=False)
    location = _reference(body, "LocationId", data.locations, number=True)
    start = body.millis("UtcDateTime", required=True, positive=True)
    status = body.choice("Status", BOOKING_STATUSES) or "Confirmed"
    reminder = body.choice("ReminderType", REMINDER_TYPES) or "Email"
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
    _notes(body, appointment)
    data.appointments[appointment["Id"]] = appointment
    return ctx.ok(appointment)


async def update_appointment(ctx: Ctx) -> web.StreamResponse:
    """Reschedule or change an appointment; the client and practitioner cannot change."""
    body = await ctx.body()
    data = ctx.data
    raw_id = body.string("Id", required=True)
    found = data.appointments.get(str(raw_id))
    if found is None:
        raise Refusal(404, f"Appointment '{raw_id}' was not found.")
    appointment = dict(found)
    client_id = body.integer("ClientId")
    if client_id is not None and client_id != appointment["ClientId"]:
        raise Refusal(400, "ClientId of an appointment cannot be changed.")
    practitioner_id = body.string("PractitionerId")
    if practitioner_id is not None and practitioner_id != appointment["PractitionerId"]:
        raise Refusal(400, "PractitionerId of an appointment cannot be changed.")
    status = body.choice("Status", BOOKING_STATUSES)
    if status == "WaitingConfirmation" and appointment["Status"] == "Confirmed":
        raise Refusal(400, "A confirmed appointment cannot go back to WaitingConfirmation.")
    _notify(body, status or appointment["Status"])
    duration = int(appointment["Duration"])
    if body.given("ServiceId"):
        service = _reference(body, "ServiceId", data.services, number=False)
        appointment.update(
            ServiceId=service["Id"], ServiceName=service["Name"], Price=service["Price"]
        )
        duration = int(service["Duration"])
    if body.given("LocationId"):
        location = _reference(body, "LocationId", data.locations, number=True)
        appointment.update(LocationId=location["Id"], LocationName=location["Name"])
    if status is not None:
        appointment["Status"] = status
    reminder = body.choice("ReminderType", REMINDER_TYPES)
    if reminder is not None:
        appointment["ReminderType"] = reminder
    _notes(body, appointment)
    start = body.millis("UtcDateTime", positive=True)
    data.set_times(appointment, appointment["StartDate"] if start is None else start, duration)
    appointment["LastModified"] = now_ms()
    data.appointments[appointment["Id"]] = appointment
    return ctx.ok(appointment)


async def cancel_appointment(ctx: Ctx) -> web.StreamResponse:
    """Cancel; answers an empty 200 (what IntakeQ answers is not documented: the client
    accepts this and the cancelled appointment alike)."""
    body = await ctx.body()
    raw_id = body.string("AppointmentId", required=True)
    reason = body.string("Reason")
    appointment = ctx.data.appointments.get(str(raw_id))
    if appointment is None:
        raise Refusal(404, f"Appointment '{raw_id}' was not found.")
    if appointment["Status"] != CANCELED:
        now = now_ms()
        appointment.update(
            Status=CANCELED, CancellationReason=reason, CancellationDate=now, LastModified=now
        )
    return ctx.empty()

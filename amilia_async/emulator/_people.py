"""Handlers for who is involved: accounts, persons, registrations, access scans."""

from __future__ import annotations

from aiohttp import web

from amilia_async.emulator._http import Ctx, local_day, within
from amilia_async.emulator._store import Json
from common.testing import Refusal

__all__ = [
    "get_account",
    "get_person_by_external_id",
    "list_access_scans",
    "list_account_contacts",
    "list_account_registrations",
    "list_accounts",
    "list_activity_persons",
    "list_registrations",
]


async def list_accounts(ctx: Ctx) -> web.StreamResponse:
    email, archived = (ctx.text("accountOwnerEmail") or "").lower(), ctx.flag("showArchived")
    items = [
        account
        for account in ctx.data.accounts.values()
        if (archived or not account["Owners"][0]["IsArchived"])
        and (not email or any(o["AccountOwnerEmail"].lower() == email for o in account["Owners"]))
    ]
    return ctx.paged(items)


async def get_account(ctx: Ctx) -> web.StreamResponse:
    return ctx.ok(ctx.data.accounts[ctx.key(ctx.data.accounts, "Account")])


async def list_account_contacts(ctx: Ctx) -> web.StreamResponse:
    return ctx.ok(ctx.data.contacts.get(ctx.key(ctx.data.accounts, "Account"), []))


async def list_account_registrations(ctx: Ctx) -> web.StreamResponse:
    account_id = ctx.key(ctx.data.accounts, "Account")
    regs = ctx.data.registrations.values()
    return ctx.paged([r for r in regs if r["AccountOwner"]["AccountId"] == account_id])


_PERSON_STATUSES = {"registered": (False,), "dropin": (True,), "all": (False, True)}


async def list_activity_persons(ctx: Ctx) -> web.StreamResponse:
    activity_id = ctx.key(ctx.data.activities, "Activity")
    # PersonActivityStatusV3: only its default (Registered) is documented, so values the
    # emulator does not know are taken as the default rather than refused.
    kinds = _PERSON_STATUSES.get((ctx.text("status") or "").lower(), (False,))
    cancelled = ctx.flag("showCancelledRegistrations")
    show_regs, skills, medical = (
        ctx.flag("showRegistrations"),
        ctx.flag("showSkills"),
        ctx.flag("showMedicalInfo"),
    )
    by_person: dict[int, list[Json]] = {}
    for reg in ctx.data.registrations.values():
        if (
            reg["Activity"]["Id"] == activity_id
            and (reg["DropIn"] is not None) in kinds
            and (cancelled or reg["Status"] != "Cancelled")
        ):
            by_person.setdefault(reg["Person"]["Id"], []).append(reg)
    items: list[Json] = []
    for person_id in sorted(by_person):
        person = dict(ctx.data.persons[person_id])
        if show_regs:
            person["Registrations"] = by_person[person_id]
        if skills:
            person["Skills"] = []
        if medical:
            person["MedicalInformation"] = {
                "Allergies": "Peanuts" if person_id % 7 == 0 else None,
                "Sicknesses": None,
                "Reactions": None,
                "Medication": None,
            }
        items.append(person)
    return ctx.paged(items)


async def get_person_by_external_id(ctx: Ctx) -> web.StreamResponse:
    external = ctx.params["id"]
    for person in ctx.data.persons.values():
        if person["ExternalId"] is not None and person["ExternalId"] == external:
            return ctx.ok(person)
    raise Refusal(404, f"Person with external id '{external}' was not found.")


async def list_access_scans(ctx: Ctx) -> web.StreamResponse:
    start, end = ctx.day_window("start", "end")
    scans = ctx.data.access_scans.values()
    return ctx.paged([s for s in scans if within(local_day(s["ScanDate"]), start, end)])


async def list_registrations(ctx: Ctx) -> web.StreamResponse:
    ended = ctx.flag("showEnded")
    start, end = ctx.date_range("from", "to")
    today = ctx.data.today
    items = []
    for reg in ctx.data.registrations.values():
        program = ctx.data.programs.get(reg["Program"]["Id"])
        over = program is not None and local_day(program["End"]) < today
        if (ended or not over) and within(local_day(reg["DateCreated"]), start, end):
            items.append(reg)
    return ctx.paged(items)

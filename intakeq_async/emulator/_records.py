"""Handlers for the clinical and billing records: treatment notes, invoices, claims."""

from __future__ import annotations

from aiohttp import web

from common.testing import Refusal
from common.testing.pdf import render_pdf
from intakeq_async import paths
from intakeq_async.emulator._http import Ctx, in_range, matches_text
from intakeq_async.emulator._store import NOTE_LOCKED, NOTE_UNLOCKED, Json, summary

__all__ = [
    "get_invoice",
    "get_note",
    "get_note_pdf",
    "query_claims",
    "query_invoices",
    "query_notes",
]

#: The notes query's ``status``: an integer, 1 = locked, 2 = unlocked (help centre). The
#: words are refused, as ASP.NET refuses to bind them to an integer.
_NOTE_STATUSES = {1: NOTE_LOCKED, 2: NOTE_UNLOCKED}


async def query_notes(ctx: Ctx) -> web.StreamResponse:
    source = ctx.data.deleted_notes if ctx.flag("deletedOnly") else ctx.data.notes
    client = ctx.text("client")
    client_id = ctx.integer("clientId")
    number = ctx.integer("status")
    status = None if number is None else _NOTE_STATUSES.get(number)
    if number is not None and status is None:
        raise Refusal(400, f"The value '{number}' is not valid for status (1 or 2).")
    start, end = ctx.date("startDate"), ctx.date("endDate")
    since = ctx.date("updatedSince")

    def keep(n: Json) -> bool:
        return (
            (client is None or matches_text(client, n["ClientName"], n["ClientEmail"]))
            and (client_id is None or n["ClientId"] == client_id)
            and (status is None or n["Status"] == status)
            and in_range(n["Date"], start, end)
            and in_range(n["LastModified"], since, None)
        )

    items = [n for n in source.values() if keep(n)]
    items.sort(key=lambda n: (n["Date"], n["Id"]), reverse=True)
    return ctx.paged(items, summary)


async def get_note(ctx: Ctx) -> web.StreamResponse:
    return ctx.ok(ctx.item(ctx.data.notes, "Note"))


async def get_note_pdf(ctx: Ctx) -> web.StreamResponse:
    note = ctx.item(ctx.data.notes, "Note")
    lines = [f"Practitioner: {note['PractitionerName']}", f"Status: {note['Status']}"]
    lines += [f"{q['Text']}: {q.get('Answer') or ''}" for q in note["Questions"]]
    body = render_pdf(f"{note['NoteName']} - {note['ClientName']}", lines)
    return ctx.binary(body, "application/pdf", f"note-{note['Id']}.pdf")


async def query_invoices(ctx: Ctx) -> web.StreamResponse:
    """Newest number first. The last-update range is read under the spelling of
    :data:`intakeq_async.paths.INVOICE_UPDATED_START`; the other spelling is a 400."""
    ctx.refuse_spellings(
        paths.INVOICE_UPDATED_MISSPELLED, (paths.INVOICE_UPDATED_START, paths.INVOICE_UPDATED_END)
    )
    client_id = ctx.integer("clientId")
    start, end = ctx.date("startDate"), ctx.date("endDate")
    status = ctx.text("status")
    practitioner = ctx.text("practitionerEmail")
    number = ctx.integer("number")
    updated_start = ctx.date(paths.INVOICE_UPDATED_START)
    updated_end = ctx.date(paths.INVOICE_UPDATED_END)

    def keep(i: Json) -> bool:
        return (
            (client_id is None or i["ClientIdNumber"] == client_id)
            and (status is None or i["Status"].casefold() == status.casefold())
            and (
                practitioner is None
                or str(i["PractitionerEmail"]).casefold() == practitioner.casefold()
            )
            and (number is None or i["Number"] == number)
            and in_range(i["IssuedDate"], start, end)
            and in_range(i["LastModified"], updated_start, updated_end)
        )

    items = [i for i in ctx.data.invoices.values() if keep(i)]
    items.sort(key=lambda i: i["Number"], reverse=True)
    return ctx.paged(items)


async def get_invoice(ctx: Ctx) -> web.StreamResponse:
    return ctx.ok(ctx.item(ctx.data.invoices, "Invoice"))


async def query_claims(ctx: Ctx) -> web.StreamResponse:
    client_id = ctx.integer("clientId")
    start, end = ctx.date("startDate"), ctx.date("endDate")
    items = [
        c
        for c in ctx.data.claims.values()
        if (client_id is None or c["ClientId"] == client_id)
        and in_range(c["DateCreated"], start, end)
    ]
    items.sort(key=lambda c: (c["DateCreated"], c["Id"]), reverse=True)
    return ctx.paged(items)

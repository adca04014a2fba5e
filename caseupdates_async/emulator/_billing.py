"""Invoices (help centre) and expense entries (Trackops's PHP client)."""

from __future__ import annotations

from aiohttp import web

from caseupdates_async.emulator._http import Ctx, F, Filter

__all__ = ["EXPENSE_FILTERS", "INVOICE_FILTERS", "list_expense_entries", "list_invoices"]

#: ``GET /invoices``: every documented filter and the field it reads.
INVOICE_FILTERS: tuple[Filter, ...] = (
    F.int("id", "id"),
    F.int("client"),
    F.int("location", "client_location_id"),
    F.int("contact"),
    F.text("status"),
    F.int("salesperson"),
    F.int("case", "casefile_id"),
    F.int("tracking_category"),
    F.int("invoice_number", "invoice_number"),
    F.text("reference_number"),
    *F.days("created_from", "created_to", "created_on"),
    *F.days("due_from", "due_to", "due_on"),
    *F.days("closed_from", "closed_to", "closed_on"),
    *F.span("created_from_system", "created_to_system", "created_at"),
    *F.span("updated_from", "updated_to", "updated_at"),
)

#: ``GET /expense/entries``: ``from``/``to`` bound the entry date.
EXPENSE_FILTERS: tuple[Filter, ...] = (*F.days("from", "to", "entry_date"),)


async def list_invoices(ctx: Ctx) -> web.StreamResponse:
    return ctx.listing(ctx.data.invoices.values(), INVOICE_FILTERS)


async def list_expense_entries(ctx: Ctx) -> web.StreamResponse:
    return ctx.listing(ctx.data.expense_entries.values(), EXPENSE_FILTERS)

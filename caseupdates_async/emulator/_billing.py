"""Invoices and expense entries (help centre; Trackops's PHP client for the entry's shape)."""

from __future__ import annotations

from aiohttp import web

from caseupdates_async.emulator._http import Ctx, F, Filter

__all__ = [
    "EXPENSE_DATE_ALIASES",
    "EXPENSE_FILTERS",
    "INVOICE_FILTERS",
    "get_expense_entry",
    "list_expense_entries",
    "list_invoices",
]

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

#: ``from``/``to``: the article calls them the aliases of ``date_from``/``date_to`` ("Alias:
#: From"), and Trackops's own PHP export example filters expense entries with them, so they
#: are accepted as the same filters (as ``from``/``to`` are for case updates). The client
#: sends only ``date_from``/``date_to``. Remove this line to refuse them.
EXPENSE_DATE_ALIASES: tuple[Filter, ...] = F.days("from", "to", "entry_date")

#: ``GET /expense/entries`` ("API Reference - Expense Entries"): every documented filter and
#: the field it reads. ``date_from``/``date_to`` are dates; the other ranges timestamps.
EXPENSE_FILTERS: tuple[Filter, ...] = (
    F.int("id", "id"),
    F.int("expense_slip"),
    F.int("user"),
    F.text("status"),
    F.int("case", "casefile_id"),
    F.int("tracking_category"),
    F.int("entry_number", "entry_number"),
    *F.days("date_from", "date_to", "entry_date"),
    *EXPENSE_DATE_ALIASES,
    *F.span("created_from", "created_to", "created_at"),
    *F.span("updated_from", "updated_to", "updated_at"),
)


async def list_invoices(ctx: Ctx) -> web.StreamResponse:
    return ctx.listing(ctx.data.invoices.values(), INVOICE_FILTERS)


async def list_expense_entries(ctx: Ctx) -> web.StreamResponse:
    return ctx.listing(ctx.data.expense_entries.values(), EXPENSE_FILTERS)


async def get_expense_entry(ctx: Ctx) -> web.StreamResponse:
    return ctx.ok(ctx.item(ctx.data.expense_entries, "Expense entry", "expense_entry_id"))

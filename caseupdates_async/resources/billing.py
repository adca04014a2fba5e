"""Invoices and expense entries."""

from __future__ import annotations

from common import AsyncPager, Resource, filtered

from .. import paths
from ..filters import ExpenseEntryFilters, InvoiceFilters
from ..models import ExpenseEntry, Invoice


class Invoices(Resource):
    @filtered(InvoiceFilters)
    def list(self, filters: InvoiceFilters) -> AsyncPager[Invoice]:
        """Invoices matching every filter given (``GET /invoices``, paged), as
        :class:`~caseupdates_async.filters.InvoiceFilters` lists them."""
        return self._list(paths.INVOICES, model=Invoice, params=filters)


class Expenses(Resource):
    @filtered(ExpenseEntryFilters)
    def list(self, filters: ExpenseEntryFilters) -> AsyncPager[ExpenseEntry]:
        """Expense entries matching every filter given (``GET /expense/entries``, paged), as
        :class:`~caseupdates_async.filters.ExpenseEntryFilters` lists them.

        ``date_from``/``date_to`` bound the entry date (dates); ``created_from`` and the other
        ranges are UTC timestamps. ``from_date``/``to_date`` (the names before 0.2) still work
        for one release, with a ``DeprecationWarning``.
        """
        return self._list(paths.EXPENSE_ENTRIES, model=ExpenseEntry, params=filters)

    async def get(self, entry_id: int) -> ExpenseEntry:
        """One expense entry (``GET /expense/entries/{id}``)."""
        return await self._get(paths.EXPENSE_ENTRY, {"id": entry_id}, model=ExpenseEntry)

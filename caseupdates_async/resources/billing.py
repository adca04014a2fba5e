"""Invoices and expense entries."""

from __future__ import annotations

import warnings
from typing import Final

from common import AsyncPager, Resource, format_path
from common._typing import Unpack

from .. import paths
from ..filters import ExpenseEntryFilters, InvoiceFilters, wire_params
from ..models import ExpenseEntry, Invoice

#: Keywords renamed in 0.2 (to the article's names), still accepted for one release.
_RENAMED: Final = {"from_date": "date_from", "to_date": "date_to"}


class Invoices(Resource):
    def list(self, **filters: Unpack[InvoiceFilters]) -> AsyncPager[Invoice]:
        """Invoices matching every filter given (``GET /invoices``, paged)."""
        return self._client.paginate(
            paths.INVOICES, model=Invoice, params=wire_params(filters, InvoiceFilters)
        )


class Expenses(Resource):
    def list(self, **filters: Unpack[ExpenseEntryFilters]) -> AsyncPager[ExpenseEntry]:
        """Expense entries matching every filter given (``GET /expense/entries``, paged).

        ``date_from``/``date_to`` bound the entry date (dates); ``created_from`` and the other
        ranges are UTC timestamps. ``from_date``/``to_date`` (the names before 0.2) still work
        for one release, with a ``DeprecationWarning``.
        """
        given: dict[str, object] = dict(filters)
        for old, new in _RENAMED.items():
            if old in given:
                warnings.warn(
                    f"expenses.list({old}=...) is deprecated; use {new}=",
                    DeprecationWarning,
                    stacklevel=2,
                )
                given.setdefault(new, given.pop(old))
        return self._client.paginate(
            paths.EXPENSE_ENTRIES,
            model=ExpenseEntry,
            params=wire_params(given, ExpenseEntryFilters),
        )

    async def get(self, entry_id: int) -> ExpenseEntry:
        """One expense entry (``GET /expense/entries/{id}``)."""
        return await self._client.request_model(
            ExpenseEntry, "GET", format_path(paths.EXPENSE_ENTRY, id=entry_id)
        )

"""Invoices and expense entries."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from common import AsyncPager, Resource
from common._typing import Unpack

from .. import paths
from ..filters import InvoiceFilters, wire_params
from ..models import ExpenseEntry, Invoice


class Invoices(Resource):
    def list(self, **filters: Unpack[InvoiceFilters]) -> AsyncPager[Invoice]:
        """Invoices matching every filter given (``GET /invoices``, paged)."""
        return self._client.paginate(paths.INVOICES, model=Invoice, params=wire_params(filters))


class Expenses(Resource):
    def list(
        self,
        *,
        from_date: date | datetime | None = None,
        to_date: date | datetime | None = None,
        dir: Literal["asc", "desc"] | None = None,
    ) -> AsyncPager[ExpenseEntry]:
        """Expense entries between two moments (``GET /expense/entries?from=&to=``, paged)."""
        given = {"from": from_date, "to": to_date, "dir": dir}
        return self._client.paginate(
            paths.EXPENSE_ENTRIES,
            model=ExpenseEntry,
            params=wire_params({k: v for k, v in given.items() if v is not None}),
        )

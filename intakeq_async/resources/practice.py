"""The practice: practitioners, invoices and insurance claims."""

from __future__ import annotations

from common import AsyncPager, Resource, Unpaged, deprecated_alias, filtered

from .. import paths
from ..filters import ClaimFilters, InvoiceFilters, PractitionerFilters
from ..models import Claim, Invoice, Practitioner


class Practitioners(Resource):
    @filtered(PractitionerFilters)
    def list(self, filters: PractitionerFilters) -> AsyncPager[Practitioner]:
        """The practice's practitioners (``GET /practitioners``, one bare array);
        ``include_inactive=True`` lists the inactive ones too."""
        return self._list(paths.PRACTITIONERS, model=Practitioner, params=filters, paging=Unpaged())


class Invoices(Resource):
    @filtered(InvoiceFilters)
    def list(self, filters: InvoiceFilters) -> AsyncPager[Invoice]:
        """Invoices, 100 a page (``GET /invoices``), filtered by the keywords of
        :class:`~intakeq_async.filters.InvoiceFilters`."""
        return self._list(paths.INVOICES, model=Invoice, params=filters)

    @deprecated_alias(list)
    def query(self) -> None:
        """Deprecated since 0.2: the old name of :meth:`list`, kept for one release."""

    async def get(self, invoice_id: str) -> Invoice:
        """One invoice (``GET /invoices/{id}``)."""
        return await self._get(paths.INVOICE, {"id": invoice_id}, model=Invoice)


class Claims(Resource):
    @filtered(ClaimFilters)
    def list(self, filters: ClaimFilters) -> AsyncPager[Claim]:
        """Insurance claims, 100 a page (``GET /claims``), filtered by the keywords of
        :class:`~intakeq_async.filters.ClaimFilters`."""
        return self._list(paths.CLAIMS, model=Claim, params=filters)

    @deprecated_alias(list)
    def query(self) -> None:
        """Deprecated since 0.2: the old name of :meth:`list`, kept for one release."""

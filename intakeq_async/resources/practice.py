"""The practice: practitioners, invoices and insurance claims."""

from __future__ import annotations

from datetime import date

from common import AsyncPager, Resource, Unpaged, format_path
from common.params import day

from .. import paths
from ..models import Claim, Invoice, Practitioner


class Practitioners(Resource):
    def list(self, *, include_inactive: bool | None = None) -> AsyncPager[Practitioner]:
        """The practice's practitioners (``GET /practitioners``, one bare array)."""
        return self._client.paginate(
            paths.PRACTITIONERS,
            model=Practitioner,
            params={"includeInactive": include_inactive},
            paging=Unpaged(),
        )


class Invoices(Resource):
    def query(
        self,
        *,
        client_id: int | None = None,
        start_date: date | None = None,
        end_date: date | None = None,
        status: str | None = None,
        practitioner_email: str | None = None,
        number: str | None = None,
        last_updated_start: date | None = None,
        last_updated_end: date | None = None,
    ) -> AsyncPager[Invoice]:
        """Invoices, 100 a page (``GET /invoices``)."""
        return self._client.paginate(
            paths.INVOICES,
            model=Invoice,
            params={
                "clientId": client_id,
                "startDate": day("start_date", start_date),
                "endDate": day("end_date", end_date),
                "status": status,
                "practitionerEmail": practitioner_email,
                "number": number,
                paths.INVOICE_UPDATED_START: day("last_updated_start", last_updated_start),
                paths.INVOICE_UPDATED_END: day("last_updated_end", last_updated_end),
            },
        )

    async def get(self, invoice_id: str) -> Invoice:
        """One invoice (``GET /invoices/{id}``)."""
        return await self._client.request_model(
            Invoice, "GET", format_path(paths.INVOICE, id=invoice_id)
        )


class Claims(Resource):
    def query(
        self,
        *,
        client_id: int | None = None,
        start_date: date | None = None,
        end_date: date | None = None,
    ) -> AsyncPager[Claim]:
        """Insurance claims, 100 a page (``GET /claims``)."""
        return self._client.paginate(
            paths.CLAIMS,
            model=Claim,
            params={
                "clientId": client_id,
                "startDate": day("start_date", start_date),
                "endDate": day("end_date", end_date),
            },
        )

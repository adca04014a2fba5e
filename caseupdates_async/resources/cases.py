"""Cases (case files) and case requests."""

from __future__ import annotations

from common import AsyncPager, Resource
from common._typing import Unpack
from common.models import unstructure

from .. import paths
from ..filters import CaseFilters, CaseRequestFilters, wire_params
from ..models import Case, CaseCount, CaseInput
from ._checks import require_id


class Cases(Resource):
    def list(self, **filters: Unpack[CaseFilters]) -> AsyncPager[Case]:
        """Cases matching every filter given (``GET /cases``, paged)."""
        return self._client.paginate(
            paths.CASES, model=Case, params=wire_params(filters, CaseFilters)
        )

    async def count(self, **filters: Unpack[CaseFilters]) -> CaseCount:
        """How many cases match, and in how many pages (``GET /cases?mode=count``)."""
        params = {**wire_params(filters, CaseFilters), "mode": "count"}
        return await self._client.request_model(CaseCount, "GET", paths.CASES, params=params)

    async def create(self, case: CaseInput) -> Case:
        """Open a case (``POST /cases``, body under ``"casefile"``)."""
        require_id(case_type_id=case.case_type_id, client_id=case.client_id)
        return await self._client.request_model(
            Case, "POST", paths.CASES, json={"casefile": unstructure(case)}
        )


class CaseRequests(Resource):
    def list(self, **filters: Unpack[CaseRequestFilters]) -> AsyncPager[Case]:
        """Case requests (not yet accepted cases), paged (``GET /case/requests``).

        The filters are the article's: the case filters without ``case_status``,
        ``is_request``, ``primary_investigator``, ``primary_manager`` and
        ``primary_salesperson`` (any of those raises :class:`~common.InvalidRequestError`).
        """
        return self._client.paginate(
            paths.CASE_REQUESTS, model=Case, params=wire_params(filters, CaseRequestFilters)
        )

"""Cases (case files) and case requests."""

from __future__ import annotations

from common import AsyncPager, Resource, filtered
from common.checks import require_id

from .. import paths
from ..filters import CaseFilters, CaseRequestFilters
from ..models import Case, CaseCount, CaseInput


class Cases(Resource):
    @filtered(CaseFilters)
    def list(self, filters: CaseFilters) -> AsyncPager[Case]:
        """Cases matching every filter given (``GET /cases``, paged), as
        :class:`~caseupdates_async.filters.CaseFilters` lists them."""
        return self._list(paths.CASES, model=Case, params=filters)

    @filtered(CaseFilters)
    async def count(self, filters: CaseFilters) -> CaseCount:
        """How many cases match, and in how many pages (``GET /cases?mode=count``)."""
        params = {**filters.to_params(), "mode": "count"}
        return await self._get(paths.CASES, model=CaseCount, params=params)

    async def create(self, case: CaseInput) -> Case:
        """Open a case (``POST /cases``, body under ``"casefile"``)."""
        require_id(case_type_id=case.case_type_id, client_id=case.client_id)
        return await self._create(paths.CASES, model=Case, body=case, envelope="casefile")


class CaseRequests(Resource):
    @filtered(CaseRequestFilters)
    def list(self, filters: CaseRequestFilters) -> AsyncPager[Case]:
        """Case requests (not yet accepted cases), paged (``GET /case/requests``).

        The filters are the article's: the case filters without ``case_status``,
        ``is_request``, ``primary_investigator``, ``primary_manager`` and
        ``primary_salesperson`` (any of those raises :class:`~common.InvalidRequestError`).
        """
        return self._list(paths.CASE_REQUESTS, model=Case, params=filters)

"""Programs: containers of activities (a season, a camp)."""

from __future__ import annotations

from common import AsyncPager, Resource, filtered

from .. import paths
from ..filters import ProgramActivityFilters, ProgramFilters
from ..models import Activity, Program


class Programs(Resource):
    @filtered(ProgramFilters)
    def list(self, filters: ProgramFilters) -> AsyncPager[Program]:
        """The organization's programs (``GET /programs``, paged), with ``show_hidden`` and
        ``show_archived``."""
        return self._list(paths.PROGRAMS, model=Program, params=filters)

    async def get(self, program_id: int) -> Program:
        """One program (``GET /programs/{id}``)."""
        return await self._get(paths.PROGRAM, {"id": program_id}, model=Program)

    def list_activities(
        self,
        program_id: int,
        *,
        show_hidden: bool | None = None,
        show_cancelled: bool | None = None,
        show_occurrences: bool | None = None,
        show_taxes: bool | None = None,
    ) -> AsyncPager[Activity]:
        """A program's activities (``GET /programs/{id}/activities``, paged)."""
        filters = ProgramActivityFilters(
            show_hidden=show_hidden,
            show_cancelled=show_cancelled,
            show_occurrences=show_occurrences,
            show_taxes=show_taxes,
        )
        return self._list(
            paths.PROGRAM_ACTIVITIES, {"id": program_id}, model=Activity, params=filters
        )

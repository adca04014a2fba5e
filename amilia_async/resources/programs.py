"""Programs: containers of activities (a season, a camp)."""

from __future__ import annotations

from common import AsyncPager, Resource, format_path

from .. import paths
from ..models import Activity, Program


class Programs(Resource):
    def list(
        self, *, show_hidden: bool | None = None, show_archived: bool | None = None
    ) -> AsyncPager[Program]:
        """The organization's programs (``GET /programs``, paged)."""
        return self._client.paginate(
            paths.PROGRAMS,
            model=Program,
            params={"showHidden": show_hidden, "showArchived": show_archived},
        )

    async def get(self, program_id: int) -> Program:
        """One program (``GET /programs/{id}``)."""
        return await self._client.request_model(
            Program, "GET", format_path(paths.PROGRAM, id=program_id)
        )

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
        return self._client.paginate(
            format_path(paths.PROGRAM_ACTIVITIES, id=program_id),
            model=Activity,
            params={
                "showHidden": show_hidden,
                "showCancelled": show_cancelled,
                "showOccurrences": show_occurrences,
                "showTaxes": show_taxes,
            },
        )

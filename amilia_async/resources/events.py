"""Events: what happens on which day (occurrences of activities, bookings)."""

from __future__ import annotations

from datetime import date

from common import AsyncPager, Resource
from common.params import day

from .. import paths
from ..models import Event


class Events(Resource):
    def list(
        self,
        *,
        from_date: date | None = None,
        to_date: date | None = None,
        program_id: int | None = None,
        show_participants: bool | None = None,
        show_hidden: bool | None = None,
        show_skipped: bool | None = None,
        show_canceled: bool | None = None,
    ) -> AsyncPager[Event]:
        """Events between two days, inclusive (``GET /events``, paged; both omitted = today)."""
        return self._client.paginate(
            paths.EVENTS,
            model=Event,
            params={
                "from": day("from_date", from_date),
                "to": day("to_date", to_date),
                "programId": program_id,
                "showParticipants": show_participants,
                "showHidden": show_hidden,
                "showSkipped": show_skipped,
                "showCanceled": show_canceled,
            },
        )

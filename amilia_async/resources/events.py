"""Events: what happens on which day (occurrences of activities, bookings)."""

from __future__ import annotations

from common import AsyncPager, Resource, filtered

from .. import paths
from ..filters import EventFilters
from ..models import Event


class Events(Resource):
    @filtered(EventFilters)
    def list(self, filters: EventFilters) -> AsyncPager[Event]:
        """Events between two days, inclusive (``GET /events``, paged; ``from_date`` and
        ``to_date`` both left out is today)."""
        return self._list(paths.EVENTS, model=Event, params=filters)

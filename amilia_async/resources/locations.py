"""Locations: the places where activities happen."""

from __future__ import annotations

from common import AsyncPager, Resource, filtered

from .. import paths
from ..filters import LocationActivityFilters, LocationFilters
from ..models import Activity, Location


class Locations(Resource):
    @filtered(LocationFilters)
    def list(self, filters: LocationFilters) -> AsyncPager[Location]:
        """The organization's locations (``GET /locations``, paged). The geographic filters
        (``type``, ``coordinates[n]``, ``radius``) go through ``client.paginate`` as params."""
        return self._list(paths.LOCATIONS, model=Location, params=filters)

    def list_activities(
        self,
        location_id: int,
        *,
        show_hidden: bool | None = None,
        show_cancelled: bool | None = None,
        show_children_activities: bool | None = None,
        keyword_id: int | None = None,
        show_children_keywords: bool | None = None,
    ) -> AsyncPager[Activity]:
        """Activities taking place at a location (``GET /locations/{id}/activities``, paged)."""
        filters = LocationActivityFilters(
            show_hidden=show_hidden,
            show_cancelled=show_cancelled,
            show_children_activities=show_children_activities,
            keyword_id=keyword_id,
            show_children_keywords=show_children_keywords,
        )
        return self._list(
            paths.LOCATION_ACTIVITIES, {"id": location_id}, model=Activity, params=filters
        )

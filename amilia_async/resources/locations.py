"""Locations: the places where activities happen."""

from __future__ import annotations

from common import AsyncPager, Resource, format_path

from .. import paths
from ..models import Activity, Location


class Locations(Resource):
    def list(
        self, *, keyword_id: int | None = None, show_children_keywords: bool | None = None
    ) -> AsyncPager[Location]:
        """The organization's locations (``GET /locations``, paged). The geographic filters
        (``type``, ``coordinates[n]``, ``radius``) go through ``client.paginate`` as params."""
        return self._client.paginate(
            paths.LOCATIONS,
            model=Location,
            params={"keywordId": keyword_id, "showChildrenKeywords": show_children_keywords},
        )

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
        return self._client.paginate(
            format_path(paths.LOCATION_ACTIVITIES, id=location_id),
            model=Activity,
            params={
                "showHidden": show_hidden,
                "showCancelled": show_cancelled,
                "showChildrenActivities": show_children_activities,
                "keywordId": keyword_id,
                "showChildrenKeywords": show_children_keywords,
            },
        )

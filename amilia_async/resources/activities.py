"""Activities: the classes and offerings people register for."""

from __future__ import annotations

from datetime import date

from common import AsyncPager, Resource, filtered

from .. import paths
from ..filters import (
    ActivityFilters,
    ActivityOptions,
    ActivityPersonFilters,
    OccurrenceFilters,
    WaitlistPage,
)
from ..models import Activity, ActivityWaitlist, Occurrence, Person


class Activities(Resource):
    @filtered(ActivityFilters)
    def list(self, filters: ActivityFilters) -> AsyncPager[Activity]:
        """The organization's activities (``GET /activities``, paged; ``from_date`` and
        ``to_date`` inclusive)."""
        return self._list(paths.ACTIVITIES, model=Activity, params=filters)

    async def get(self, activity_id: int, *, show_taxes: bool | None = None) -> Activity:
        """One activity (``GET /activities/{id}``)."""
        options = ActivityOptions(show_taxes=show_taxes)
        return await self._get(paths.ACTIVITY, {"id": activity_id}, model=Activity, params=options)

    def list_occurrences(
        self,
        activity_id: int,
        *,
        show_edited: bool | None = None,
        from_date: date | None = None,
        to_date: date | None = None,
    ) -> AsyncPager[Occurrence]:
        """An activity's occurrences (``GET /activities/{id}/occurrences``, paged)."""
        filters = OccurrenceFilters(show_edited=show_edited, from_date=from_date, to_date=to_date)
        return self._list(
            paths.ACTIVITY_OCCURRENCES, {"id": activity_id}, model=Occurrence, params=filters
        )

    def list_persons(
        self,
        activity_id: int,
        *,
        status: str | None = None,
        show_skills: bool | None = None,
        show_registrations: bool | None = None,
        show_medical_info: bool | None = None,
        show_cancelled_registrations: bool | None = None,
    ) -> AsyncPager[Person]:
        """The persons registered to an activity (``GET /activities/{id}/persons``, paged)."""
        filters = ActivityPersonFilters(
            status=status,
            show_skills=show_skills,
            show_registrations=show_registrations,
            show_medical_info=show_medical_info,
            show_cancelled_registrations=show_cancelled_registrations,
        )
        return self._list(paths.ACTIVITY_PERSONS, {"id": activity_id}, model=Person, params=filters)

    async def get_waitlist(
        self, activity_id: int, *, page: int | None = None, per_page: int | None = None
    ) -> ActivityWaitlist:
        """An activity with its waitlist (``GET /activities/{id}/waitlist``).

        Amilia's reference documents one object (the activity's fields and a ``WaitList``
        array) rather than a paged ``Items`` list; ``page``/``per_page`` are passed through.
        """
        return await self._get(
            paths.ACTIVITY_WAITLIST,
            {"id": activity_id},
            model=ActivityWaitlist,
            params=WaitlistPage(page=page, per_page=per_page),
        )

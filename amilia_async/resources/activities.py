"""Activities: the classes and offerings people register for."""

from __future__ import annotations

from datetime import date

from common import AsyncPager, InvalidRequestError, Resource, format_path
from common.params import day

from .. import paths
from ..models import Activity, ActivityWaitlist, Occurrence, Person


class Activities(Resource):
    def list(
        self,
        *,
        show_past_activities: bool | None = None,
        from_date: date | None = None,
        to_date: date | None = None,
    ) -> AsyncPager[Activity]:
        """The organization's activities (``GET /activities``, paged; dates inclusive)."""
        return self._client.paginate(
            paths.ACTIVITIES,
            model=Activity,
            params={
                "showPastActivities": show_past_activities,
                "from": day("from_date", from_date),
                "to": day("to_date", to_date),
            },
        )

    async def get(self, activity_id: int, *, show_taxes: bool | None = None) -> Activity:
        """One activity (``GET /activities/{id}``)."""
        return await self._client.request_model(
            Activity,
            "GET",
            format_path(paths.ACTIVITY, id=activity_id),
            params={"showTaxes": show_taxes},
        )

    def list_occurrences(
        self,
        activity_id: int,
        *,
        show_edited: bool | None = None,
        from_date: date | None = None,
        to_date: date | None = None,
    ) -> AsyncPager[Occurrence]:
        """An activity's occurrences (``GET /activities/{id}/occurrences``, paged)."""
        return self._client.paginate(
            format_path(paths.ACTIVITY_OCCURRENCES, id=activity_id),
            model=Occurrence,
            params={
                "showEdited": show_edited,
                "from": day("from_date", from_date),
                "to": day("to_date", to_date),
            },
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
        return self._client.paginate(
            format_path(paths.ACTIVITY_PERSONS, id=activity_id),
            model=Person,
            params={
                "status": status,
                "showSkills": show_skills,
                "showRegistrations": show_registrations,
                "showMedicalInfo": show_medical_info,
                "showCancelledRegistrations": show_cancelled_registrations,
            },
        )

    async def get_waitlist(
        self, activity_id: int, *, page: int | None = None, per_page: int | None = None
    ) -> ActivityWaitlist:
        """An activity with its waitlist (``GET /activities/{id}/waitlist``).

        Amilia's reference documents one object (the activity's fields and a ``WaitList``
        array) rather than a paged ``Items`` list; ``page``/``per_page`` are passed through.
        """
        if page is not None and page < 1:
            raise InvalidRequestError("page starts at 1")
        if per_page is not None and per_page < 1:
            raise InvalidRequestError("per_page must be at least 1")
        return await self._client.request_model(
            ActivityWaitlist,
            "GET",
            format_path(paths.ACTIVITY_WAITLIST, id=activity_id),
            params={"page": page, "perPage": per_page},
        )

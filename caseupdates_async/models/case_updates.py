"""Case updates: the update object, its timeline entries and the create/update bodies.

Source: the vendor document ``case-updates-api.txt`` (Trackops help centre, "API
Reference - Case Updates", article 212339003): the list filters, the ``POST`` and ``PUT``
parameter tables and the example bodies. The document shows no response body; the
response model takes the field names of the request tables (what a client writes is what
it reads back) plus the fields the list filters imply. Which is which is said per field.

``activity_at`` and ``is_allday``: the document says ``is_allday`` is "True if
activity_at does not contain time". In the request bodies ``is_allday`` therefore follows
``activity_at`` unless given: a :class:`~datetime.date` sends ``true``, a
:class:`~datetime.datetime` sends ``false``, no ``activity_at`` sends no ``is_allday``.
Giving an ``is_allday`` that contradicts ``activity_at`` raises :class:`ValueError` (so
does ``attrs.evolve`` changing ``activity_at`` between a date and a datetime without
passing ``is_allday`` again).
"""

from __future__ import annotations

from datetime import date, datetime

import attrs

from common import NOT_GIVEN, NotGiven, NotGivenOr
from common.models import Model

from ._time import ActivityTime, ClockTime, TrackopsDateTime

__all__ = ["CaseUpdate", "CaseUpdateChanges", "CaseUpdateInput", "UpdateDetails"]


@attrs.frozen(kw_only=True)
class UpdateDetails(Model):
    """One timeline entry of a case update's ``update_details`` collection.

    Sent in ``POST /case/updates`` (document: "multiple timeline entries consisting of
    start_at and notes properties", example ``{"start_at": "09:00", "notes":
    "Investigator arrived on site"}``) and read back in :class:`CaseUpdate`.
    ``start_at`` is a time of day (``HH:MM``).
    """

    start_at: ClockTime
    notes: str


def _settle_is_allday(model: CaseUpdateInput | CaseUpdateChanges) -> None:
    """Fill ``is_allday`` from ``activity_at`` when not given; refuse a contradiction."""
    activity_at = model.activity_at
    if isinstance(activity_at, NotGiven):
        return
    all_day = not isinstance(activity_at, datetime)
    if isinstance(model.is_allday, NotGiven):
        # frozen: the derived value is set once, during construction
        object.__setattr__(model, "is_allday", all_day)
    elif model.is_allday != all_day:
        raise ValueError(
            f"is_allday={model.is_allday} contradicts activity_at={activity_at!r}: "
            "a date is all day, a datetime is not"
        )


@attrs.frozen(kw_only=True)
class CaseUpdateInput:
    """The body of ``POST /case/updates`` (sent nested under ``"update"``).

    Fields and required ones from the document's "Creating a Case Update" table:
    ``casefile_id``, ``access_group_id``, ``title`` and ``body`` are required; the rest
    are left out unless given. ``body`` accepts basic HTML (bold, italic, lists).
    ``behalf_of_id`` names the staff member or client contact the update is written for;
    ``is_validated`` validates or invalidates the update at creation.
    """

    casefile_id: int
    access_group_id: int
    title: str
    body: str
    subject_id: NotGivenOr[int] = NOT_GIVEN
    event_id: NotGivenOr[int] = NOT_GIVEN
    activity_at: NotGivenOr[ActivityTime] = NOT_GIVEN
    is_allday: NotGivenOr[bool] = NOT_GIVEN
    behalf_of_id: NotGivenOr[int] = NOT_GIVEN
    is_validated: NotGivenOr[bool] = NOT_GIVEN
    update_details: NotGivenOr[list[UpdateDetails]] = NOT_GIVEN

    def __attrs_post_init__(self) -> None:
        _settle_is_allday(self)


@attrs.frozen(kw_only=True)
class CaseUpdateChanges:
    """The body of ``PUT /case/updates/{case_update_id}`` (sent nested under ``"update"``).

    The document's "Updating a Case Update" table lists the create fields except
    ``update_details``, and says "all fields are optional when updating a record, meaning
    fields not included will remain unchanged" (its example sends only ``title`` and
    ``is_validated``). So every field is optional and only the given ones are sent.
    """

    casefile_id: NotGivenOr[int] = NOT_GIVEN
    access_group_id: NotGivenOr[int] = NOT_GIVEN
    title: NotGivenOr[str] = NOT_GIVEN
    body: NotGivenOr[str] = NOT_GIVEN
    subject_id: NotGivenOr[int] = NOT_GIVEN
    event_id: NotGivenOr[int] = NOT_GIVEN
    activity_at: NotGivenOr[ActivityTime] = NOT_GIVEN
    is_allday: NotGivenOr[bool] = NOT_GIVEN
    behalf_of_id: NotGivenOr[int] = NOT_GIVEN
    is_validated: NotGivenOr[bool] = NOT_GIVEN

    def __attrs_post_init__(self) -> None:
        _settle_is_allday(self)


@attrs.frozen(kw_only=True)
class CaseUpdate(Model):
    """A case update, as returned by every ``/case/updates`` endpoint.

    ``GET /case/updates`` (a bare array), ``GET /case/updates/{case_update_id}``,
    ``POST /case/updates`` and ``PUT /case/updates/{case_update_id}`` ("upon success,
    returns a case update object").

    Documented names (the request tables): ``casefile_id``, ``subject_id``, ``event_id``,
    ``access_group_id``, ``activity_at``, ``is_allday``, ``title``, ``body``,
    ``behalf_of_id``, ``is_validated``, ``update_details``. Inferred from the list
    filters, unconfirmed against the live API: ``created_by_id`` (filter ``created_by``),
    ``thread_id`` (filter ``thread``: the update and its replies), ``created_at``,
    ``updated_at``, ``validated_at`` (filters ``created_from``/``updated_from``/
    ``validated_from``, by analogy with ``activity_from`` → ``activity_at``). Timestamps
    are UTC; ``activity_at`` is a ``date`` when the update is all day -- also when the
    server writes an all-day activity as a midnight timestamp with ``is_allday`` true.
    """

    id: int
    casefile_id: int | None = None
    subject_id: int | None = None
    event_id: int | None = None
    access_group_id: int | None = None
    title: str | None = None
    body: str | None = None
    activity_at: ActivityTime | None = None
    is_allday: bool | None = None
    behalf_of_id: int | None = None
    is_validated: bool | None = None
    update_details: list[UpdateDetails] | None = None
    created_by_id: int | None = None
    thread_id: int | None = None
    created_at: TrackopsDateTime | None = None
    updated_at: TrackopsDateTime | None = None
    validated_at: TrackopsDateTime | None = None

    def __attrs_post_init__(self) -> None:
        if self.is_allday and isinstance(self.activity_at, datetime):
            # frozen: normalised once, during construction
            object.__setattr__(self, "activity_at", self.activity_at.date())

    @property
    def activity_date(self) -> date | None:
        """The calendar day of the activity (UTC for a timed update), or ``None``."""
        if isinstance(self.activity_at, datetime):
            return self.activity_at.date()
        return self.activity_at

"""What an organization offers: programs, activities, their occurrences, events, locations.

Money is a ``float``: the JSON decoder hands numbers over as floats already, the API
documents prices as "decimal number" with two decimals, and no arithmetic happens here;
convert with ``Decimal(str(price))`` where exact sums matter.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import attrs

from common.models import Model, wire, wire_names

from ._shared import (
    ActivityStatus,
    Address,
    Gender,
    LocationSummary,
    OccurrenceState,
    Tag,
    _IdName,
    _ProgramHierarchy,
)
from .people import StaffMember, WaitlistEntry

__all__ = [
    "Activity",
    "ActivitySchedule",
    "ActivityWaitlist",
    "Event",
    "Facility",
    "Location",
    "Occurrence",
    "Participant",
    "Program",
    "Schedule",
    "ScheduleLocation",
]


@wire_names("pascal")
@attrs.frozen
class Program(Model):
    """A program: a season-like container of activities.

    Returned by ``GET /programs`` and ``GET /programs/{id}``. Fields: "Get programs for an
    organization" (``GetV3OrgPrograms2513.html``) and the v3 use cases page. ``Start`` and
    ``End`` are documented as dates but sent as offset date-times
    (``2019-06-01T00:00:00-04:00``), so they are ``datetime``.
    """

    id: int
    name: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    url: str | None = None
    picture_url: str | None = None
    is_archived: bool | None = None
    is_visible: bool | None = None
    is_password_protected: bool | None = None


@wire_names("pascal")
@attrs.frozen
class Facility(_IdName):
    """A facility (the v2 name of a location) inside a :class:`Schedule`: v2 reference."""

    address: Address | None = None


@wire_names("pascal")
@attrs.frozen
class Schedule(Model):
    """One recurrence of an activity; shape from the v2 reference ("Get an activity by id").

    ``StartTime``/``EndTime`` are ``HH:MM:SS`` strings. Amilia spells ``Occurences`` and
    ``RecurenceEndDate`` with one ``r``; the attributes use the correct spelling.
    """

    start_time: str | None = None
    end_time: str | None = None
    start_date: datetime | None = None
    end_date: datetime | None = None
    recurrence_end_date: datetime | None = attrs.field(
        default=None, metadata=wire("RecurenceEndDate")
    )
    occurrences: int | None = attrs.field(default=None, metadata=wire("Occurences"))
    staff: list[StaffMember] | None = None
    facilities: list[Facility] | None = None


@wire_names("pascal")
@attrs.frozen
class ScheduleLocation(_IdName):
    """A place where a v3 schedule happens: an item of ``Schedules[*].Locations``.

    Only ``Name`` is seen in public use (a live v3 consumer, the WordPress "Amilia Digital
    Guide" plugin, lists ``Schedules[*].Locations[*].Name``); ``Id`` matches the other
    location summaries and is unconfirmed here. Whatever else Amilia sends is in ``extra``.
    """


@wire_names("pascal")
@attrs.frozen
class ActivitySchedule(Schedule):
    """One item of a v3 activity's ``Schedules``: where (``Locations``) and, when Amilia sends
    them, the v2 keys of :class:`Schedule` (times, dates, staff, facilities).

    ``Locations`` is what a live v3 consumer reads; the v2 keys are not confirmed for v3 and
    are read only if present. Any other key is kept in ``extra``.
    """

    locations: list[ScheduleLocation] | None = None


@wire_names("pascal")
@attrs.frozen
class _OccurrenceFields(Model):
    """What an :class:`Occurrence` sends, and an :class:`Event` too (the same thing)."""

    id: int
    activity_id: int | None = None
    start: datetime | None = None
    end: datetime | None = None
    state: OccurrenceState | str | None = None
    location: LocationSummary | None = None
    staff: list[StaffMember] | None = None
    has_drop_in_enabled: bool | None = None
    drop_in_max_attendance: int | None = None
    drop_in_spots_reserved: int | None = None
    drop_in_spots_remaining: int | None = None


@wire_names("pascal")
@attrs.frozen
class Occurrence(_OccurrenceFields):
    """One dated unit of an activity (Amilia also calls it an event).

    Returned by ``GET /activities/{id}/occurrences`` and inside an :class:`Activity` when
    ``showOccurrences=true``. Fields: "Get an activity's occurrences for an organization"
    (``GetV3OrgActivitiesIdOccurrences2513.html``).
    """


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class _ActivityHierarchy(_ProgramHierarchy):
    """An activity's id, name and place in the catalog: what the waitlist body repeats."""

    id: int
    name: str | None = None
    url: str | None = None
    status: ActivityStatus | str | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class Activity(_ActivityHierarchy):
    """A class or offering (``Yoga Tuesdays 7 PM``) inside a program.

    Returned by ``GET /programs/{id}/activities``, ``GET /activities``,
    ``GET /activities/{id}`` and ``GET /locations/{id}/activities``. Fields: "Get an
    activity" (``GetV3ActivitiesId0ed2.html``), "Get a program's activities for an
    organization" (``GetV3OrgProgramsIdActivities2513.html``) and the hierarchy fields of
    the waitlist page. ``Occurrences`` appears with ``showOccurrences=true``, ``Taxes``
    with ``showTaxes=true`` (tax shape undocumented: kept as objects). ``Age`` is
    ``ActivityAgeApiModelV3`` (min/max, in months or years), kept as an object.

    Where and when: v3 sends ``Schedules`` (each with its ``Locations``), ``LocationLabel``
    (a display text of the places), ``HasWaitListEnabled`` and ``Forms`` (the registration
    forms; their item shape is not public, so items stay decoded JSON): keys a live v3
    consumer reads (third-party, the WordPress "Amilia Digital Guide" plugin). The v2 key
    ``Schedule`` (same item shape without ``Locations``) is still read into :attr:`schedule`
    when an answer carries it. :attr:`schedule_location_names` lists the places of both.
    """

    description: str | None = None
    prerequisite: str | None = None
    note: str | None = None
    third_party_url: str | None = None
    additional_information: str | None = None
    responsible_name: str | None = None
    price: float | None = None
    drop_in_price: float | None = None
    display_order: int | None = None
    age: dict[str, Any] | None = None
    age_summary: str | None = None
    max_attendance: int | None = None
    spots_remaining: int | None = None
    spots_reserved: int | None = None
    number_of_occurrences: int | None = None
    start_date: datetime | None = None
    end_date: datetime | None = None
    schedule_summary: str | None = None
    has_session_enabled: bool | None = None
    has_drop_in_enabled: bool | None = None
    tags: list[Tag] | None = None
    keywords: list[Tag] | None = None
    location: LocationSummary | None = None
    location_label: str | None = None
    has_wait_list_enabled: bool | None = None
    schedules: list[ActivitySchedule] | None = None
    schedule: list[Schedule] | None = None
    forms: list[Any] | None = None
    occurrences: list[Occurrence] | None = None
    taxes: list[dict[str, Any]] | None = None

    @property
    def schedule_location_names(self) -> list[str]:
        """The names of the places this activity is scheduled at, each once, in order: the v3
        ``Schedules[*].Locations[*].Name``, else the v2 ``Schedule[*].Facilities[*].Name``."""
        names: list[str | None] = [
            place.name for item in self.schedules or () for place in item.locations or ()
        ]
        if not names:
            names = [place.name for item in self.schedule or () for place in item.facilities or ()]
        return list(dict.fromkeys(name for name in names if name))


@wire_names("pascal")
@attrs.frozen
class Participant(Model):
    """A person expected at an event, with their attendance.

    Inside an :class:`Event` when ``showParticipants=true``. Fields: "Get the participants
    for an occurrence" (``GetV3OrgOccurrencesIdPersons2513.html``); ``AttendanceId`` is
    0 none, 1 present, 2 absent; ``Status`` is ``ActivitySegmentAttendanceStatus``.
    """

    id: int | None = None
    account_id: int | None = None
    first_name: str | None = None
    last_name: str | None = None
    gender: Gender | str | None = None
    date_of_birth: date | None = None
    picture_url: str | None = None
    group_id: int | None = None
    group_name: str | None = None
    occurrence_id: int | None = None
    attendance_id: int | None = None
    org_id: int | None = None
    status: str | None = None


@wire_names("pascal")
@attrs.frozen
class Event(_OccurrenceFields):
    """An activity occurrence in the organization's calendar.

    Returned by ``GET /events`` ("Get events for an organization",
    ``GetV3OrgEvents2513.html``). The stored page does not show the resource table: the
    fields are those of :class:`Occurrence` (the glossary says event and occurrence are the
    same thing) plus the activity/program names and ``Participants``
    (``showParticipants=true``), which are unconfirmed.
    """

    activity_name: str | None = None
    program_id: int | None = None
    program_name: str | None = None
    participants: list[Participant] | None = None


@wire_names("pascal")
@attrs.frozen
class Location(Model):
    """A place where activities happen (the deprecated name is *facility*).

    Returned by ``GET /locations`` ("Get locations for an organization",
    ``GetV3OrgLocations2513.html``). Only ``OrganizationSlug`` is visible in the stored
    resource table; ``Id``/``Name`` match ``LocationSummaryApiModelV3``; ``Address``,
    ``ParentId`` and ``TopParentId`` (the glossary's location hierarchy) are unconfirmed.
    """

    id: int
    name: str | None = None
    organization_slug: str | None = None
    organization_id: int | None = None
    address: Address | None = None
    parent_id: int | None = None
    top_parent_id: int | None = None
    keywords: list[Tag] | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class ActivityWaitlist(_ActivityHierarchy):
    """An activity with the persons on its waitlist.

    The body of ``GET /activities/{id}/waitlist`` ("Get all waitlisted persons in for a
    single activity", ``GetV3OrgActivitiesIdWaitlist2513.html``) is one object: the
    activity's hierarchy fields and ``WaitList``, the waitlisted persons.
    """

    waitlist: list[WaitlistEntry] | None = attrs.field(default=None, metadata=wire("WaitList"))

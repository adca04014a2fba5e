"""The query options of each Amilia call, declared: names, types and their wire form.

Fields are sent in camelCase (``show_hidden`` as ``showHidden``); the names no rule gives are
spelt by hand (``from_date`` as ``from``, ``show_active_only`` as ``showActiveonly``, as
Amilia's reference writes them). Days go out as ``YYYY-MM-DD`` (a ``datetime`` is sent as
its own date); only the options given are sent.
"""

from __future__ import annotations

from datetime import date

import attrs

from common import Filters
from common.checks import require_positive
from common.models import wire, wire_names

__all__ = [
    "AccessScanFilters",
    "AccountFilters",
    "ActivityFilters",
    "ActivityOptions",
    "ActivityPersonFilters",
    "AmiliaFilters",
    "EventFilters",
    "LocationActivityFilters",
    "LocationFilters",
    "MembershipFilters",
    "OccurrenceFilters",
    "ProgramActivityFilters",
    "ProgramFilters",
    "RegistrationFilters",
    "WaitlistPage",
]


@wire_names("camel")
@attrs.frozen(kw_only=True)
class AmiliaFilters(Filters):
    """The base of Amilia's query options: camelCase names, ``YYYY-MM-DD`` days."""


@attrs.frozen(kw_only=True)
class ProgramFilters(AmiliaFilters):
    """``GET /programs``."""

    show_hidden: bool | None = None
    show_archived: bool | None = None


@attrs.frozen(kw_only=True)
class ProgramActivityFilters(AmiliaFilters):
    """``GET /programs/{id}/activities``."""

    show_hidden: bool | None = None
    show_cancelled: bool | None = None
    show_occurrences: bool | None = None
    show_taxes: bool | None = None


@attrs.frozen(kw_only=True)
class AccountFilters(AmiliaFilters):
    """``GET /accounts``."""

    account_owner_email: str | None = None
    show_archived: bool | None = None


@attrs.frozen(kw_only=True)
class ActivityFilters(AmiliaFilters):
    """``GET /activities`` (days inclusive)."""

    show_past_activities: bool | None = None
    from_date: date | None = attrs.field(default=None, metadata=wire("from"))
    to_date: date | None = attrs.field(default=None, metadata=wire("to"))


@attrs.frozen(kw_only=True)
class ActivityOptions(AmiliaFilters):
    """``GET /activities/{id}``."""

    show_taxes: bool | None = None


@attrs.frozen(kw_only=True)
class OccurrenceFilters(AmiliaFilters):
    """``GET /activities/{id}/occurrences``."""

    show_edited: bool | None = None
    from_date: date | None = attrs.field(default=None, metadata=wire("from"))
    to_date: date | None = attrs.field(default=None, metadata=wire("to"))


@attrs.frozen(kw_only=True)
class ActivityPersonFilters(AmiliaFilters):
    """``GET /activities/{id}/persons``."""

    status: str | None = None
    show_skills: bool | None = None
    show_registrations: bool | None = None
    show_medical_info: bool | None = None
    show_cancelled_registrations: bool | None = None


@attrs.frozen(kw_only=True)
class WaitlistPage(AmiliaFilters):
    """``GET /activities/{id}/waitlist``: the page (from 1) and its size, passed through."""

    page: int | None = None
    per_page: int | None = None

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        for name in ("page", "per_page"):
            value = getattr(self, name)
            if value is not None:
                require_positive(**{name: value})


@attrs.frozen(kw_only=True)
class EventFilters(AmiliaFilters):
    """``GET /events``: days inclusive; both left out is today."""

    from_date: date | None = attrs.field(default=None, metadata=wire("from"))
    to_date: date | None = attrs.field(default=None, metadata=wire("to"))
    program_id: int | None = None
    show_participants: bool | None = None
    show_hidden: bool | None = None
    show_skipped: bool | None = None
    show_canceled: bool | None = None


@attrs.frozen(kw_only=True)
class LocationFilters(AmiliaFilters):
    """``GET /locations``. The geographic filters (``type``, ``coordinates[n]``, ``radius``)
    go through ``client.paginate`` as params."""

    keyword_id: int | None = None
    show_children_keywords: bool | None = None


@attrs.frozen(kw_only=True)
class LocationActivityFilters(AmiliaFilters):
    """``GET /locations/{id}/activities``."""

    show_hidden: bool | None = None
    show_cancelled: bool | None = None
    show_children_activities: bool | None = None
    keyword_id: int | None = None
    show_children_keywords: bool | None = None


@attrs.frozen(kw_only=True)
class MembershipFilters(AmiliaFilters):
    """``GET /memberships``; Amilia shows only active ones unless ``show_active_only=False``."""

    show_hidden: bool | None = None
    show_active_only: bool | None = attrs.field(default=None, metadata=wire("showActiveonly"))


@attrs.frozen(kw_only=True)
class RegistrationFilters(AmiliaFilters):
    """``GET /registrations``."""

    show_ended: bool | None = None
    from_date: date | None = attrs.field(default=None, metadata=wire("from"))
    to_date: date | None = attrs.field(default=None, metadata=wire("to"))


@attrs.frozen(kw_only=True)
class AccessScanFilters(AmiliaFilters):
    """``GET /accessscans``: scans between two days."""

    start: date | None = None
    end: date | None = None

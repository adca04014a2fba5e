"""Small types shared by several Amilia resources: enums, addresses and summaries.

Field names and types come from the "Resource Description" tables of Amilia's v3
organization reference (https://app.amilia.com/apidocs/ApiDocs/V3Org-2.html and the
per-endpoint pages under ``/apidocs/ApiDocs/Api/``).
"""

from __future__ import annotations

import enum

import attrs

from common.models import Model, wire_names

__all__ = [
    "ActivityStatus",
    "Address",
    "Gender",
    "LocationSummary",
    "OccurrenceState",
    "StaffState",
    "Summary",
    "Tag",
]


class ActivityStatus(str, enum.Enum):
    """``StateType`` of an activity: ``Normal``, ``Hidden`` or ``Cancelled``."""

    NORMAL = "Normal"
    HIDDEN = "Hidden"
    CANCELLED = "Cancelled"


class OccurrenceState(str, enum.Enum):
    """``ActivitySegmentState`` of an occurrence (event)."""

    NORMAL = "Normal"
    SKIPPED = "Skipped"
    MOVED = "Moved"
    CANCELLED = "Cancelled"
    ARCHIVED = "Archived"
    REPLACED = "Replaced"


class Gender(str, enum.Enum):
    """``Gender`` of a person; access scans send a bare letter (``"F"``), kept as a string."""

    NOT_SPECIFIED = "NotSpecified"
    MALE = "Male"
    FEMALE = "Female"
    PREFER_NOT_TO_SAY = "PreferNotToSay"


class StaffState(str, enum.Enum):
    """``State`` of a staff member in ``StaffSummaryApiModelV3`` (the samples show ``Normal``)."""

    NORMAL = "Normal"


@wire_names("pascal")
@attrs.frozen
class Address(Model):
    """A postal address, possibly geolocated.

    v3 sends ``GeoAddressApiModelV3`` (``Address1``, ``Address2``, ``City``, ``Latitude``,
    ``Longitude``... seen in the samples of ``GET /accounts/{id}/contacts``); v2 facilities
    send ``AddressLine1``/``AddressLine2``/``ZipPostalCode``/``StateProvince``/``Country``/
    ``Telephone`` (v2 reference, "Get an activity by id"). Both spellings are accepted.
    ``StateProvince``, ``Country`` and ``ZipPostalCode`` are confirmed for v2 only.
    """

    address1: str | None = None
    address2: str | None = None
    address_line1: str | None = None
    address_line2: str | None = None
    city: str | None = None
    state_province: str | None = None
    country: str | None = None
    zip_postal_code: str | None = None
    telephone: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@wire_names("pascal")
@attrs.frozen
class _IdName(Model):
    """An ``{Id, Name}`` pair naming another object; either may be left out."""

    id: int | None = None
    name: str | None = None


@wire_names("pascal")
@attrs.frozen
class Summary(_IdName):
    """``SummaryPayload``: an id and a name (program, activity, category, group...)."""


@wire_names("pascal")
@attrs.frozen
class Tag(_IdName):
    """A tag or keyword attached to an activity or membership: ``{Id, Name}``."""


@wire_names("pascal")
@attrs.frozen
class LocationSummary(_IdName):
    """``LocationSummaryApiModelV3``: location id and name (occurrences, events)."""


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class _ProgramHierarchy(Model):
    """Where an activity sits in the catalog, flat: its program, category and sub-category.

    Shared by activities and by the flat shape of registrations. Keyword-only, so that a
    subclass may add a required ``Id`` after these defaulted fields.
    """

    program_id: int | None = None
    program_name: str | None = None
    category_id: int | None = None
    category_name: str | None = None
    sub_category_id: int | None = None
    sub_category_name: str | None = None

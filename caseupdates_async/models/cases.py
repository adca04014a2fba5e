"""Cases (and case requests): the case object, its count and the create body.

Sources: Trackops help centre "API Reference - Cases" (article 212338923: the list
filters) and "API Reference - Case Requests" (article 34239368051853); Trackops's own PHP
client ``trackops/trackops-client-php`` (``examples/create_case_example.php``: the
``{"casefile": {...}}`` body and its field names; ``Request::count()`` and the README:
``mode=count`` answering ``record_count`` and ``page_count``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from common import NOT_GIVEN, NotGivenOr
from common.models import Model

from ._time import TrackopsDateTime

__all__ = ["Case", "CaseCount", "CaseInput", "CustomFieldValue", "SubjectInput"]


@attrs.frozen(kw_only=True)
class CaseCount(Model):
    """The answer of ``GET /cases?mode=count`` (and of any list with ``mode=count``).

    ``{"record_count": n, "page_count": m}`` for the same filters and ``per_page``
    (Trackops's PHP client, README "Counting Results" and its expense export example).
    """

    record_count: int
    page_count: int


@attrs.frozen(kw_only=True)
class CustomFieldValue:
    """A custom field value: ``{"id": <field id>, "value": ...}``.

    From the PHP client's create-case example (``custom_fields`` of a case and of each
    subject). ``value`` is a string for simple fields, an object for compound ones:
    a name (``first_name``, ``middle_name``, ``last_name``) or an address (``address_1``,
    ``address_2``, ``city``, ``state``, ``zip``, ``country``).
    """

    id: int
    value: Any


@attrs.frozen(kw_only=True)
class SubjectInput:
    """A subject created with a case (``casefile.subjects[]`` of ``POST /cases``).

    Fields from the PHP client's create-case example: ``subject_type_id`` (required
    there), ``is_primary``, ``is_pinned`` and the subject's ``custom_fields``.
    """

    subject_type_id: int
    is_primary: NotGivenOr[bool] = NOT_GIVEN
    is_pinned: NotGivenOr[bool] = NOT_GIVEN
    custom_fields: NotGivenOr[list[CustomFieldValue]] = NOT_GIVEN


@attrs.frozen(kw_only=True)
class CaseInput:
    """The body of ``POST /cases`` (sent nested under ``"casefile"``).

    Field names from the PHP client's create-case example (the help article's create
    table was not readable). Required here: ``case_type_id`` and ``client_id`` (the
    client location the case is for; a case cannot exist without a type and a client)
    -- a guess kept to these two, everything else is left out unless given.
    ``created_on``/``due_on`` are dates (``YYYY-MM-DD``); ``company_location_id`` is the
    investigating company's own office; ``case_services_list`` and ``case_flags_list``
    are ids.
    """

    case_type_id: int
    client_id: int
    primary_contact_id: NotGivenOr[int] = NOT_GIVEN
    case_region_id: NotGivenOr[int] = NOT_GIVEN
    company_location_id: NotGivenOr[int] = NOT_GIVEN
    created_on: NotGivenOr[date] = NOT_GIVEN
    due_on: NotGivenOr[date] = NOT_GIVEN
    reference_value_1: NotGivenOr[str] = NOT_GIVEN
    reference_value_2: NotGivenOr[str] = NOT_GIVEN
    reference_value_3: NotGivenOr[str] = NOT_GIVEN
    case_location: NotGivenOr[str] = NOT_GIVEN
    budget_money: NotGivenOr[float] = NOT_GIVEN
    budget_hours: NotGivenOr[float] = NOT_GIVEN
    notes: NotGivenOr[str] = NOT_GIVEN
    scheduling_notes: NotGivenOr[str] = NOT_GIVEN
    admin_notes: NotGivenOr[str] = NOT_GIVEN
    case_services_list: NotGivenOr[list[int]] = NOT_GIVEN
    case_flags_list: NotGivenOr[list[int]] = NOT_GIVEN
    custom_fields: NotGivenOr[list[CustomFieldValue]] = NOT_GIVEN
    subjects: NotGivenOr[list[SubjectInput]] = NOT_GIVEN


@attrs.frozen(kw_only=True)
class Case(Model):
    """A case (or a case request), as returned by ``GET /cases``, ``GET /case/requests``
    and ``POST /cases``.

    Field names: those of the create body (PHP client example) and, for what only the
    list filters of "API Reference - Cases" mention, their ``_id``/``_on``/``_at`` forms
    (``case_status`` → ``case_status_id``, ``location`` → ``client_location_id``,
    ``primary_investigator`` → ``primary_investigator_id``, ``created_from_system`` →
    ``created_at``, ``is_request``). ``client_id`` is the root client in the filters.
    The response body is not documented: every field but ``id`` is optional.
    ``created_on`` is the date the user gives the case, ``created_at`` the system's UTC
    timestamp.
    """

    id: int
    case_type_id: int | None = None
    client_id: int | None = None
    client_location_id: int | None = None
    case_region_id: int | None = None
    case_status_id: int | None = None
    company_location_id: int | None = None
    primary_contact_id: int | None = None
    primary_investigator_id: int | None = None
    primary_manager_id: int | None = None
    primary_salesperson_id: int | None = None
    primary_subject_id: int | None = None
    is_request: bool | None = None
    created_on: date | None = None
    due_on: date | None = None
    reference_value_1: str | None = None
    reference_value_2: str | None = None
    reference_value_3: str | None = None
    case_location: str | None = None
    budget_money: float | None = None
    budget_hours: float | None = None
    notes: str | None = None
    scheduling_notes: str | None = None
    admin_notes: str | None = None
    created_at: TrackopsDateTime | None = None
    updated_at: TrackopsDateTime | None = None

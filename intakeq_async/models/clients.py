"""Clients: the listing, the full profile, diagnoses, and the bodies that change them."""

from __future__ import annotations

from datetime import datetime

import attrs

from common import NOT_GIVEN, NotGivenOr
from common.models import Model, UnixMillis, wire_names

from ._shared import CustomField, _nullable_millis

__all__ = ["Client", "ClientInput", "ClientSummary", "Diagnosis", "TagInput"]


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class _ContactFields(Model):
    """Name, email and phone: what every client record carries."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class ClientSummary(_ContactFields):
    """A client as ``GET /clients`` lists it without ``includeProfile=true``.

    ``{ClientNumber, Name, Email, Phone}``: this shape names the id ``ClientNumber``, not
    ``ClientId`` (FACTS; official C# client ``Models/Client.cs``). ``DateCreated`` is not in
    the C# model and is read only if present (unconfirmed).
    """

    client_number: int
    date_created: UnixMillis | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class Client(_ContactFields):
    """A full client profile.

    Returned by ``GET /clients?includeProfile=true``, ``GET /clients/profile/{clientId}``
    and ``POST /clients`` (create or update). Fields: help centre (Client API) and the
    official C# client (``Models/ClientProfile.cs``); dates are Unix milliseconds there.
    ``LastUpdateDate`` and ``Guid`` come from third-party integrations only.
    """

    client_id: int
    first_name: str | None = None
    last_name: str | None = None
    middle_name: str | None = None
    date_of_birth: UnixMillis | None = None
    gender: str | None = None
    marital_status: str | None = None
    tags: list[str] | None = None
    archived: bool | None = None
    home_phone: str | None = None
    work_phone: str | None = None
    mobile_phone: str | None = None
    address: str | None = None
    unit_number: str | None = None
    street_address: str | None = None
    city: str | None = None
    state: str | None = None
    state_short: str | None = None
    postal_code: str | None = None
    country: str | None = None
    additional_information: str | None = None
    primary_insurance_company: str | None = None
    primary_insurance_policy_number: str | None = None
    primary_insurance_group_number: str | None = None
    primary_insurance_holder_name: str | None = None
    primary_insurance_relationship: str | None = None
    primary_insurance_holder_date_of_birth: UnixMillis | None = None
    secondary_insurance_company: str | None = None
    secondary_insurance_policy_number: str | None = None
    secondary_insurance_group_number: str | None = None
    secondary_insurance_holder_name: str | None = None
    secondary_insurance_relationship: str | None = None
    secondary_insurance_holder_date_of_birth: UnixMillis | None = None
    date_created: UnixMillis | None = None
    last_activity_date: UnixMillis | None = None
    last_update_date: UnixMillis | None = None
    practitioner_id: str | None = None
    external_client_id: str | None = None
    guid: str | None = None
    custom_fields: list[CustomField] | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class Diagnosis(Model):
    """A diagnosis on a client's record: ``GET /client/{clientId}/diagnoses`` (an array).

    ``{Code, Description, Date, EndDate, NoteId}`` — known from third-party integrations
    only (unconfirmed). They describe the dates as ISO strings; milliseconds are accepted
    too, as everywhere else in this API.
    """

    code: str | None = None
    description: str | None = None
    date: UnixMillis | datetime | None = None
    end_date: UnixMillis | datetime | None = None
    note_id: str | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class ClientInput:
    """Body of ``POST /clients``: create a client, or update one when ``ClientId`` is given.

    PATCH semantics: fields left at ``NOT_GIVEN`` are not sent; ``None`` sends ``null``
    (clears the field). Dates take a ``datetime`` and travel as Unix milliseconds. Field
    names: official C# client (``ClientProfile``, saved by ``SaveClient``) and help centre.
    """

    client_id: NotGivenOr[int] = NOT_GIVEN
    name: NotGivenOr[str | None] = NOT_GIVEN
    first_name: NotGivenOr[str | None] = NOT_GIVEN
    last_name: NotGivenOr[str | None] = NOT_GIVEN
    middle_name: NotGivenOr[str | None] = NOT_GIVEN
    email: NotGivenOr[str | None] = NOT_GIVEN
    phone: NotGivenOr[str | None] = NOT_GIVEN
    date_of_birth: NotGivenOr[UnixMillis | None] = attrs.field(
        default=NOT_GIVEN, converter=_nullable_millis
    )
    gender: NotGivenOr[str | None] = NOT_GIVEN
    marital_status: NotGivenOr[str | None] = NOT_GIVEN
    archived: NotGivenOr[bool] = NOT_GIVEN
    home_phone: NotGivenOr[str | None] = NOT_GIVEN
    work_phone: NotGivenOr[str | None] = NOT_GIVEN
    mobile_phone: NotGivenOr[str | None] = NOT_GIVEN
    address: NotGivenOr[str | None] = NOT_GIVEN
    unit_number: NotGivenOr[str | None] = NOT_GIVEN
    street_address: NotGivenOr[str | None] = NOT_GIVEN
    city: NotGivenOr[str | None] = NOT_GIVEN
    state: NotGivenOr[str | None] = NOT_GIVEN
    state_short: NotGivenOr[str | None] = NOT_GIVEN
    postal_code: NotGivenOr[str | None] = NOT_GIVEN
    country: NotGivenOr[str | None] = NOT_GIVEN
    additional_information: NotGivenOr[str | None] = NOT_GIVEN
    primary_insurance_company: NotGivenOr[str | None] = NOT_GIVEN
    primary_insurance_policy_number: NotGivenOr[str | None] = NOT_GIVEN
    primary_insurance_group_number: NotGivenOr[str | None] = NOT_GIVEN
    primary_insurance_holder_name: NotGivenOr[str | None] = NOT_GIVEN
    primary_insurance_relationship: NotGivenOr[str | None] = NOT_GIVEN
    practitioner_id: NotGivenOr[str | None] = NOT_GIVEN
    external_client_id: NotGivenOr[str | None] = NOT_GIVEN
    custom_fields: NotGivenOr[list[CustomField]] = NOT_GIVEN


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class TagInput:
    """Body of ``POST /clientTags``: ``{ClientId, Tag}`` (third-party integrations)."""

    client_id: int
    tag: str

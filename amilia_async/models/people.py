"""Who is involved: accounts, their owners and members, contacts, registrations, staff.

Money is a ``float`` (see :mod:`amilia_async.models.catalog`).
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

import attrs

from common.models import Model, wire_names

from ._shared import Address, Gender, StaffState, Summary, Tag, _IdName, _ProgramHierarchy

__all__ = [
    "Account",
    "AccountOwner",
    "Contact",
    "DropIn",
    "LedgerCode",
    "MedicalInformation",
    "Membership",
    "MembershipType",
    "Person",
    "Registration",
    "RegistrationStatus",
    "Skill",
    "StaffMember",
    "WaitlistEntry",
]


class RegistrationStatus(str, enum.Enum):
    """``PersonActivityStatusV3``; the reference names only its default, ``Registered``."""

    REGISTERED = "Registered"


class MembershipType(str, enum.Enum):
    """``MembershipTypeV3``."""

    INDIVIDUAL_PERSON = "IndividualPerson"
    CORPORATE = "Corporate"
    SUBSCRIPTION = "Subscription"


@wire_names("pascal")
@attrs.frozen
class StaffMember(Model):
    """A staff member (instructor, coach).

    ``StaffSummaryApiModelV3`` ("Object containing staff id, first name, last name and
    state"), as seen in occurrences, registrations and ``GET /staff/{id}/availabilities``
    (``GetV3OrgStaffIdAvailabilities2513.html``). The page of the list endpoint
    ``GET /staff`` itself was not found; its items are assumed to have this shape.
    """

    id: int
    first_name: str | None = None
    last_name: str | None = None
    state: StaffState | str | None = None


@wire_names("pascal")
@attrs.frozen
class _PersonBasics(Model):
    """A person's names, birth date and phone numbers: all a waitlist entry sends."""

    id: int
    first_name: str | None = None
    last_name: str | None = None
    full_name: str | None = None
    date_of_birth: date | None = None
    email: str | None = None
    telephone: str | None = None
    telephone_mobile: str | None = None
    telephone_work: str | None = None


@wire_names("pascal")
@attrs.frozen
class _PersonIdentity(_PersonBasics):
    """The identity fields contacts and persons share: the basics and a little more."""

    gender: Gender | str | None = None
    address: Address | None = None
    telephone_work_extension: str | None = None
    is_child: bool | None = None


@wire_names("pascal")
@attrs.frozen
class Contact(_PersonIdentity):
    """A person listed as a contact of an account (emergency contact, guardian...).

    Returned by ``GET /accounts/{id}/contacts`` ("Get contacts for an account",
    ``GetV3OrgAccountsIdContacts2513.html``); ``Relationship`` and ``Type`` appear in the
    ``Contacts`` of account owners ("Get accounts").
    """

    relationship: str | None = None
    type: str | None = None


@wire_names("pascal")
@attrs.frozen
class Skill(_IdName):
    """A skill of a person (``showSkills=true``); the item shape is undocumented."""


@wire_names("pascal")
@attrs.frozen
class MedicalInformation(Model):
    """``MedicalInformationApiModelV3`` (``showMedicalInfo=true``).

    The reference describes it as allergies, sicknesses, reactions and medication; the key
    names below are unconfirmed guesses, and other keys are ignored.
    """

    allergies: str | None = None
    sicknesses: str | None = None
    reactions: str | None = None
    medication: str | None = None


@wire_names("pascal")
@attrs.frozen
class DropIn(Model):
    """``DropInSummaryPayload`` of a registration: the drop-in occurrence and its date."""

    occurrence_id: int | None = None
    occurrence_date: datetime | None = None


@wire_names("pascal")
@attrs.frozen
class AccountOwner(Model):
    """An owner of an account, as listed in ``Account.Owners`` ("Get accounts").

    Also the ``AccountOwnerSummaryPayload`` of a registration, whose own keys are not
    shown by the stored page (``Id``/``FirstName``/``LastName``/``Email`` assumed).
    """

    id: int | None = None
    organization_id: int | None = None
    account_id: int | None = None
    account_owner_id: int | None = None
    account_owner_first_name: str | None = None
    account_owner_last_name: str | None = None
    account_owner_full_name: str | None = None
    account_owner_email: str | None = None
    account_owner_telephone_mobile: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    is_archived: bool | None = None
    contacts: list[Contact] | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class Registration(_ProgramHierarchy):
    """A registration of a person to an activity.

    Two documented shapes, both accepted:

    * flat (``ProgramId``, ``ProgramName``, ``ActivityId``..., ``PersonId``,
      ``DropInOccurrenceId``): "Get the registrations of a person in an organization"
      (``GetV3OrgPersonsIdRegistrations2513.html``) and a person's ``Registrations``;
    * nested summaries (``RegistrationId``, ``Program``, ``Activity``, ``Person``,
      ``AccountOwner``, ``Staff``, ``DropIn``, ``IsCancelled``): "Get registrations for an
      organization" (``GetV3OrgRegistrations2513.html``) and the registration webhook.

    ``GET /accounts/{id}/registrations`` has no stored reference page; it is assumed to
    answer one of these shapes. ``Status`` is not in either table (kept for the
    ``status`` filter's values).
    """

    id: int | None = None
    registration_id: str | None = None
    status: RegistrationStatus | str | None = None
    date_created: datetime | None = None
    is_cancelled: bool | None = None
    activity_id: int | None = None
    activity_name: str | None = None
    group_id: int | None = None
    group_name: str | None = None
    person_id: int | None = None
    drop_in_occurrence_id: int | None = None
    program: Summary | None = None
    activity: Summary | None = None
    category: Summary | None = None
    sub_category: Summary | None = None
    group: Summary | None = None
    drop_in: DropIn | None = None
    person: Person | None = None
    account_owner: AccountOwner | None = None
    staff: StaffMember | None = None


@wire_names("pascal")
@attrs.frozen
class Person(_PersonIdentity):
    """A person (client, participant) of the organization.

    Returned by ``GET /persons/external/{id}`` ("Get a person by externalId in an
    organization", ``GetV3OrgPersonsExternalId2513.html``), ``GET /activities/{id}/persons``
    (``GetV3OrgActivitiesIdPersons2513.html``) and inside accounts. The account-owner
    fields, ``Contacts``, ``Skills``, ``Registrations``, ``MedicalInformation``, ``JoinDate``
    and ``PictureUrl`` are in the stored table; the identity fields (``Id``, names,
    ``Gender``...) are the ones shared with contacts and waitlist entries. ``Skills``,
    ``Registrations`` and ``MedicalInformation`` appear only with their ``show*`` flag.
    """

    organization_id: int | None = None
    account_id: int | None = None
    account_owner_id: int | None = None
    account_owner_first_name: str | None = None
    account_owner_last_name: str | None = None
    account_owner_full_name: str | None = None
    account_owner_email: str | None = None
    account_owner_telephone_mobile: str | None = None
    is_archived: bool | None = None
    join_date: datetime | None = None
    picture_url: str | None = None
    contacts: list[Contact] | None = None
    skills: list[Skill] | None = None
    registrations: list[Registration] | None = None
    medical_information: MedicalInformation | None = None


@wire_names("pascal")
@attrs.frozen
class Account(Model):
    """A family or corporate account.

    Returned by ``GET /accounts`` ("Get accounts", ``GetV3OrgAccounts2513.html``) and
    ``GET /accounts/{id}``. ``Corporate`` (``CorporateApiModelV3``) and the items of
    ``AccountMemberships`` are not described by the stored page: kept as objects.
    """

    id: int
    owners: list[AccountOwner] | None = None
    members: list[Person] | None = None
    corporate: dict[str, Any] | None = None
    account_memberships: list[dict[str, Any]] | None = None


@wire_names("pascal")
@attrs.frozen
class WaitlistEntry(_PersonBasics):
    """A person on an activity's waitlist: an item of ``WaitList``.

    From "Get all waitlisted persons in for a single activity"
    (``GetV3OrgActivitiesIdWaitlist2513.html``); the body around it is
    :class:`~amilia_async.models.ActivityWaitlist`.
    """


@wire_names("pascal")
@attrs.frozen
class LedgerCode(_IdName):
    """``LedgerCodeSummaryApiModelV3``: the id and name of a ledger code."""


@wire_names("pascal")
@attrs.frozen
class Membership(Model):
    """A membership the organization sells.

    Returned by ``GET /memberships`` ("Get the memberships for an organization",
    ``GetV3OrgMemberships2513.html``; query ``showHidden``, ``showActiveonly``, ``page``,
    ``perPage``) and ``GET /memberships/{id}`` (``GetV3OrgMembershipsId2513.html``).
    """

    id: int
    organization_id: int | None = None
    name: str | None = None
    description: str | None = None
    price: float | None = None
    position: int | None = None
    is_archived: bool | None = None
    is_visible: bool | None = None
    date_created: datetime | None = None
    membership_type: MembershipType | str | None = None
    ledger_code: LedgerCode | None = None
    tags: list[Tag] | None = None

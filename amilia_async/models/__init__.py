"""Typed models of the Amilia v3 organization API.

Every model maps PascalCase JSON keys to snake_case attributes through the shared
converter (:mod:`common.models`); unknown keys are ignored and unknown enum values stay
plain strings. Fields other than ``id`` default to ``None`` because Amilia leaves them out
depending on the ``show*`` flags of a request.
"""

from __future__ import annotations

from ._shared import (
    ActivityStatus,
    Address,
    Gender,
    LocationSummary,
    OccurrenceState,
    StaffState,
    Summary,
    Tag,
)
from .catalog import (
    Activity,
    ActivityWaitlist,
    Event,
    Facility,
    Location,
    Occurrence,
    Participant,
    Program,
    Schedule,
)
from .operations import AccessScan
from .people import (
    Account,
    AccountOwner,
    Contact,
    DropIn,
    LedgerCode,
    MedicalInformation,
    Membership,
    MembershipType,
    Person,
    Registration,
    RegistrationStatus,
    Skill,
    StaffMember,
    WaitlistEntry,
)
from .webhooks import (
    WebhookAction,
    WebhookContext,
    WebhookEvent,
    WebhookSubscription,
    WebhookSubscriptionCreate,
)

__all__ = [
    "AccessScan",
    "Account",
    "AccountOwner",
    "Activity",
    "ActivityStatus",
    "ActivityWaitlist",
    "Address",
    "Contact",
    "DropIn",
    "Event",
    "Facility",
    "Gender",
    "LedgerCode",
    "Location",
    "LocationSummary",
    "MedicalInformation",
    "Membership",
    "MembershipType",
    "Occurrence",
    "OccurrenceState",
    "Participant",
    "Person",
    "Program",
    "Registration",
    "RegistrationStatus",
    "Schedule",
    "Skill",
    "StaffMember",
    "StaffState",
    "Summary",
    "Tag",
    "WaitlistEntry",
    "WebhookAction",
    "WebhookContext",
    "WebhookEvent",
    "WebhookSubscription",
    "WebhookSubscriptionCreate",
]

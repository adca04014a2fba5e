"""Typed models of the Amilia v3 organization API.

Every model maps PascalCase JSON keys to snake_case attributes through the shared
converter (:mod:`common.models`). Every answer model is a :class:`common.models.Model`:
keys Amilia sends that a model does not declare are kept, readable as ``model.extra``
and put back by ``model.to_dict()``, and unknown enum values stay plain strings. Fields
other than ``id`` default to ``None`` because Amilia leaves them out depending on the
``show*`` flags of a request.
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
    ActivitySchedule,
    ActivityWaitlist,
    Event,
    Facility,
    Location,
    Occurrence,
    Participant,
    Program,
    Schedule,
    ScheduleLocation,
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
    DEFAULT_WEBHOOK_VERSION,
    WebhookAction,
    WebhookContext,
    WebhookEvent,
    WebhookSubscription,
    WebhookSubscriptionCreate,
)

__all__ = [
    "DEFAULT_WEBHOOK_VERSION",
    "AccessScan",
    "Account",
    "AccountOwner",
    "Activity",
    "ActivitySchedule",
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
    "ScheduleLocation",
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

"""Records, their steps, documents and reviews, and the steps a record can have

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

import attrs

from common import Secret
from common.models import Model

from .enums import (
    AvailableStepObject,
    AvailableStepType,
    RecordDocumentSourceType,
    RecordDocumentStatus,
    RecordDocumentType,
    RecordStatus,
    RecordStepObject,
    RecordStepPreferencesDocs,
    RecordStepPreferencesIssuingCountries,
    RecordStepPreferencesRegion,
    RecordStepPreferencesReportType,
    RecordStepPreferencesRightToRent,
    RecordStepPreferencesRightToWork,
    RecordStepPreferencesState,
    RecordStepPreferencesSupportingEvidence,
    RecordStepPreferencesType,
    RecordStepPreferencesVerificationMethod,
    RecordStepType,
    SearchProfile,
    StepReviewStatus,
    StepTypes,
)

__all__ = [
    "AvailableStep",
    "DocumentRequestSettings",
    "DocumentTransferSettings",
    "Record",
    "RecordDocument",
    "RecordDocumentSource",
    "RecordStep",
    "RecordStepPreferences",
    "SdkToken",
    "StepReview",
    "ValidatedSteps",
    "ValidatedStepsSteps",
]


@attrs.frozen(kw_only=True)
class Record(Model):
    """Record."""

    object: str
    """Always ``'record'``."""

    id: int
    """The unique record identifier."""

    status: RecordStatus | str | None = None

    perform_url: Literal[False] | str | None = None
    """The unique URL to complete the record steps in a browser."""

    email: str | None = None
    """Contact email address for this record."""

    client: Client | int | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    name: Name | None = None
    """The client's names."""

    steps: list[RecordStep] | None = None
    """List of complete and incomplete steps."""

    has_reminders: bool | None = None
    """Denotes the presence/absence of email reminders."""

    created_at: datetime | None = None
    """Date and time the record was created."""

    updated_at: datetime | None = None
    """Date and time the record's details were last updated or a step was completed."""

    expired_at: datetime | None = None
    """Date and time that the record will expire."""

    archived_at: datetime | None = None
    """Date and time the record was archived."""

    is_declaration_required: bool | None = None
    """Denotes the presence/absence of a team's custom declaration in a record. Available where
    feature enabled on team only.
    """

    declaration_confirmed_at: datetime | None = None
    """Date and time the declaration was accepted. Available where feature enabled on team only."""


@attrs.frozen(kw_only=True)
class RecordStep(Model):
    """RecordStep. One of 16 shapes: TransUnion, Criminal record, Dummy, Thorntons
    Onboarding, HSCNI Access NI, TransUnion, NHS ESR, Photo ID, Employment referencing,
    Employment history, Banking information, Face capture, Watchlist, Document Request,
    Document Transfer, Form.
    """

    object: RecordStepObject | str

    id: int

    type: RecordStepType | str

    check: Check | int | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    review: StepReview | int | Literal[False] | None = None
    """Return the most recent step review, if any. Expandable: an id (or ids) unless asked for with
    ``expand``.
    """

    cost: int | None = None

    completed_at: datetime | None = None

    preferences: (
        RecordStepPreferences | DocumentRequestSettings | DocumentTransferSettings | None
    ) = None

    document: RecordDocument | int | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    form: ClientForm | str | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""


@attrs.frozen(kw_only=True)
class RecordDocument(Model):
    """RecordDocument."""

    object: str
    """Always ``'record_document'``."""

    id: int

    type: RecordDocumentType | str | None = None

    name: str | None = None

    status: RecordDocumentStatus | str | None = None

    config: DocumentTransferSettings | None = None

    source: RecordDocumentSource | None = None

    attachments: list[Attachment | int] | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    created_at: datetime | None = None

    updated_at: datetime | None = None

    completed_at: datetime | None = None


@attrs.frozen(kw_only=True)
class AvailableStep(Model):
    """AvailableStep. One of 16 shapes: TransUnion, Criminal record, Dummy, Thorntons
    Onboarding, HSCNI Access NI, TransUnion, NHS ESR, Photo ID, Employment referencing,
    Employment history, Banking information, Face capture, Watchlist, Document Request,
    Document Transfer, Form.
    """

    object: AvailableStepObject | str

    type: AvailableStepType | str

    costs: list[int] | None = None


@attrs.frozen(kw_only=True)
class ValidatedSteps(Model):
    """Validated Steps."""

    object: str
    """Always ``'validated_steps'``."""

    steps: list[ValidatedStepsSteps] | None = None


@attrs.frozen(kw_only=True)
class SdkToken(Model):
    """SDK Token."""

    object: str
    """Always ``'sdk_token'``."""

    token: Secret | None = None
    """A JSON Web Token, valid for `60` minutes."""

    record_id: int | None = None
    """The SDK Token is scoped for this individual Record only."""


@attrs.frozen(kw_only=True)
class StepReview(Model):
    """Step Review."""

    object: str
    """Always ``'step_review'``."""

    id: int
    """The unique step review identifier."""

    reviewed_by: TeamMember | int | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    status: StepReviewStatus | str | None = None

    from_status: StepReviewStatus | str | None = None
    """The previous status of the review."""

    message: str | None = None
    """An optional message attached to the review."""

    created_at: datetime | None = None
    """Date and time the review was added."""

    updated_at: datetime | None = None
    """Date and time the review details were last updated."""


@attrs.frozen(kw_only=True)
class DocumentRequestSettings(Model):
    """DocumentRequestSettings."""

    title: str

    instructions: str


@attrs.frozen(kw_only=True)
class DocumentTransferSettings(Model):
    """DocumentTransferSettings."""

    require_return: bool | None = None

    require_confirmation: bool | None = None

    instructions: str | None = None

    return_message: str | None = None
    """Required if `require_return: true`"""


@attrs.frozen(kw_only=True)
class RecordStepPreferences(Model):
    """RecordStepPreferences. One of 2 shapes: Disclosure Scotland, untitled."""

    region: RecordStepPreferencesRegion | str | None = None

    enable_payment: bool | None = None
    """Require the person to pay for the processing of this check."""

    type: RecordStepPreferencesType | str | None = None
    """Verifies exclusively through instant digital verification."""

    free_volunteer: bool | None = None
    """This check will cost 1 credit for eligible roles when responding to COVID-19."""

    payment_amount: int | None = None
    """The amount the person will pay for the processing of this check."""

    credit_cost: int | None = None
    """The number of credits deducted to run this check."""

    cancel: bool | None = None
    """Let this check be cancelled while in a `paused` state."""

    replay: bool | None = None
    """Enable "re-submit" action when check has failed."""

    state: RecordStepPreferencesState | str | None = None
    """Automatically set the check status without carrying out a request."""

    pin_number: str | None = None

    barring_adults: bool | None = None
    """Include adult barring lists."""

    barring_children: bool | None = None
    """Include child barring lists."""

    GMC: bool | None = None
    """General Medical Council (GMC)"""

    NMC: bool | None = None
    """Nursing and Midwifery Council (NMC)"""

    HCP: bool | None = None
    """Health and Care Professions Council (HCPC)"""

    GDC: bool | None = None
    """General Dental Council (GDC)"""

    GPC: bool | None = None
    """General Pharmaceutical Council (GPhC or GPC)"""

    report_type: RecordStepPreferencesReportType | str | None = None

    face: bool | None = None
    """Request a photograph of this person to compare against their ID document."""

    liveness: bool | None = None
    """Ask this person to present a unique code when taking their photograph to help verify they
    are the one carrying out the check.
    """

    facial_similarity: bool | None = None
    """Biometric analysis to verify document ownership, compared against a photo or motion video of
    the person performing the request.
    """

    live_document: bool | None = None
    """Ask this person to take a photo of their document with a smartphone or tablet device."""

    docs: list[RecordStepPreferencesDocs | str] | None = None

    issuing_countries: list[RecordStepPreferencesIssuingCountries | str] | None = None
    """Accept documents issued by only these countries."""

    right_to_work: RecordStepPreferencesRightToWork | str | None = None
    """For right to work in the UK (`GBR`), the `docs` property must include a `passport`."""

    right_to_rent: RecordStepPreferencesRightToRent | str | None = None
    """For right to rent in the UK (`GBR`), the `docs` property must include a `passport`."""

    allow_fallback: bool | None = None
    """If the person does not have a passport with a working NFC chip, allow them to continue to
    verify their other ID document.
    """

    timeframe: int | None = None
    """The number of years of required activity history."""

    gap_threshold: int | None = None
    """Maximum number of days between activities before an explanation is required."""

    supporting_evidence: list[RecordStepPreferencesSupportingEvidence | str] | None = None
    """Activity types requiring supporting evidence."""

    verification_method: RecordStepPreferencesVerificationMethod | str | None = None
    """Controls the verification method used to confirm employment. When `null` or not set,
    defaults to manual references only.
    """

    review_references: bool | None = None
    """Review reference details before they are sent to referees."""

    referee_form: str | None = None
    """Add a form reference UUID to include a form to collect more details from referees."""

    years: int | None = None
    """Length of employment history."""

    balance: bool | None = None
    """Include balances for each connected account."""

    transactions: Any | Literal[False] | None = None

    custom_form_template_id: int | None = None
    """Collect custom form answers as part of this check before connecting accounts."""

    silent: bool | None = None
    """When `false` this person will be asked to confirm their details and agree before the check
    is run, otherwise they will not be notified. If this check is used in a request with other
    check types then this setting will be ignored as all other checks require details
    confirmation.
    """

    monitor: Any | Literal[False] | None = None
    """Continually monitor changes to the check results for one or three years."""

    search_profile: SearchProfile | str | None = None
    """Specifies the search profile to use for the watchlist check."""

    all_entity_types: bool | None = None
    """Include results for organisations, vessels, aircraft and other non-individual entities. This
    will broaden the search and may return more results.
    """


@attrs.frozen(kw_only=True)
class RecordDocumentSource(Model):
    """RecordDocumentSource."""

    type: RecordDocumentSourceType | str | None = None

    id: int | None = None


@attrs.frozen(kw_only=True)
class ValidatedStepsSteps(Model):
    """ValidatedStepsSteps."""

    object: str
    """Always ``'validated_step'``."""

    type: StepTypes | str | None = None

    cost: int | None = None


# The answer modules refer to one another (a record's steps hold checks and forms, a
# check names its record), so each imports the others after its own classes: the
# annotations are only read when a model is first structured.
# ruff: noqa: E402
from .checks import Check
from .clients import Client
from .files import Attachment
from .forms import ClientForm
from .shared import Name
from .team import TeamMember

"""Email, document and record templates

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

import attrs

from common.models import Model

from .enums import (
    RecordTemplatePresetsNotification,
    RecordTemplatePresetsStepsObject,
    RecordTemplatePresetsStepsPreferencesDocs,
    RecordTemplatePresetsStepsPreferencesIssuingCountries,
    RecordTemplatePresetsStepsPreferencesRegion,
    RecordTemplatePresetsStepsPreferencesReportType,
    RecordTemplatePresetsStepsPreferencesRightToRent,
    RecordTemplatePresetsStepsPreferencesRightToWork,
    RecordTemplatePresetsStepsPreferencesState,
    RecordTemplatePresetsStepsPreferencesSupportingEvidence,
    RecordTemplatePresetsStepsPreferencesType,
    RecordTemplatePresetsStepsPreferencesVerificationMethod,
    RecordTemplatePresetsStepsType,
    SearchProfile,
    StepTypes,
)

__all__ = [
    "DocumentTemplate",
    "EmailTemplate",
    "InvalidPresetStep",
    "RecordTemplate",
    "RecordTemplatePresets",
    "RecordTemplatePresetsSteps",
    "RecordTemplatePresetsStepsPreferences",
]


@attrs.frozen(kw_only=True)
class EmailTemplate(Model):
    """Email Template."""

    object: str
    """Always ``'email_template'``."""

    id: int

    name: str | None = None

    description: str | None = None

    content: str | None = None

    is_enabled: bool | None = None

    created_at: datetime | None = None

    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class DocumentTemplate(Model):
    """Document Template."""

    object: str
    """Always ``'document_template'``."""

    id: int

    name: str

    description: str

    content: str

    is_enabled: bool | None = None

    created_at: datetime | None = None

    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class RecordTemplate(Model):
    """Record Template."""

    object: str
    """Always ``'record_template'``."""

    id: int

    name: str

    description: str

    presets: RecordTemplatePresets
    """Settings and steps configured for this template."""

    is_enabled: bool | None = None

    created_at: datetime | None = None

    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class InvalidPresetStep(Model):
    """Invalid."""

    object: str
    """Always ``'invalid_preset_step'``."""

    type: StepTypes | str | None = None

    preferences: dict[str, Any] | None = None

    errors: dict[str, list[str]] | None = None


@attrs.frozen(kw_only=True)
class RecordTemplatePresets(Model):
    """Settings and steps configured for this template."""

    steps: list[RecordTemplatePresetsSteps | InvalidPresetStep]
    """Steps to be completed by the client."""

    notification: RecordTemplatePresetsNotification | Literal[False] | str
    """Enable or disable a "New Request" notification to the client."""

    message: str | None = None
    """Include a message for client."""

    reminder: bool | None = None
    """Enable or disable email reminders."""

    is_declaration_required: bool | None = None
    """Denotes the presence/absence of a team's custom declaration in a record. Available where
    feature enabled on team only.
    """

    assignees: list[int] | None = None
    """IDs of team members assigned to the Record."""


@attrs.frozen(kw_only=True)
class RecordTemplatePresetsSteps(Model):
    """RecordTemplatePresetsSteps. One of 16 shapes: TransUnion, Criminal record, Dummy,
    Thorntons Onboarding, HSCNI Access NI, TransUnion, NHS ESR, Photo ID, Employment
    referencing, Employment history, Banking information, Face capture, Watchlist,
    Document Request, Document Transfer, Form.
    """

    object: RecordTemplatePresetsStepsObject | str

    type: RecordTemplatePresetsStepsType | str

    preferences: RecordTemplatePresetsStepsPreferences | None = None


@attrs.frozen(kw_only=True)
class RecordTemplatePresetsStepsPreferences(Model):
    """RecordTemplatePresetsStepsPreferences. One of 2 shapes: Disclosure Scotland,
    untitled.
    """

    region: RecordTemplatePresetsStepsPreferencesRegion | str | None = None

    enable_payment: bool | None = None
    """Require the person to pay for the processing of this check."""

    type: RecordTemplatePresetsStepsPreferencesType | str | None = None
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

    state: RecordTemplatePresetsStepsPreferencesState | str | None = None
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

    report_type: RecordTemplatePresetsStepsPreferencesReportType | str | None = None

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

    docs: list[RecordTemplatePresetsStepsPreferencesDocs | str] | None = None

    issuing_countries: list[RecordTemplatePresetsStepsPreferencesIssuingCountries | str] | None = (
        None
    )
    """Accept documents issued by only these countries."""

    right_to_work: RecordTemplatePresetsStepsPreferencesRightToWork | str | None = None
    """For right to work in the UK (`GBR`), the `docs` property must include a `passport`."""

    right_to_rent: RecordTemplatePresetsStepsPreferencesRightToRent | str | None = None
    """For right to rent in the UK (`GBR`), the `docs` property must include a `passport`."""

    allow_fallback: bool | None = None
    """If the person does not have a passport with a working NFC chip, allow them to continue to
    verify their other ID document.
    """

    timeframe: int | None = None
    """The number of years of required activity history."""

    gap_threshold: int | None = None
    """Maximum number of days between activities before an explanation is required."""

    supporting_evidence: (
        list[RecordTemplatePresetsStepsPreferencesSupportingEvidence | str] | None
    ) = None
    """Activity types requiring supporting evidence."""

    verification_method: RecordTemplatePresetsStepsPreferencesVerificationMethod | str | None = None
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

    template: int | None = None

    require_return: bool | None = None

    require_confirmation: bool | None = None

    instructions: str | None = None

    return_message: str | None = None
    """Required if `require_return: true`"""

    form: str | None = None
    """Form template reference"""

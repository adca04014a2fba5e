"""Every object the Amiqus API answers with

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

import attrs

from common import Secret
from common.models import Model, wire

from .enums import (
    AddressCountry,
    AttachmentAvStatus,
    AvailableStepObject,
    AvailableStepType,
    BreakdownResultResult,
    CaseAssigneeType,
    CaseStatus,
    CheckResponseObject,
    CheckResponseResult,
    CheckResponseStatus,
    CheckStatus,
    CheckType,
    ClientCorrectionStatus,
    ClientFileCreatedByType,
    ClientFileSourceType,
    ClientFileType,
    ClientFormType,
    ClientStatus,
    CreditHistoryCauserType,
    FileCreatedByType,
    FileSourceType,
    FileType,
    FormFieldType,
    FormFieldValidation,
    FormTemplateFieldType,
    FormTemplateFieldValidation,
    FormType,
    NameTitle,
    OrganisationJurisdiction,
    OrganisationStatus,
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
    ReportBreakdownAgeValidationResult,
    ReportBreakdownCompromisedDocumentResult,
    ReportBreakdownDataComparisonResult,
    ReportBreakdownDataConsistencyResult,
    ReportBreakdownDataValidationResult,
    ReportBreakdownFaceComparisonBreakdownFaceMatchResult,
    ReportBreakdownFaceComparisonResult,
    ReportBreakdownImageIntegrityBreakdownColourPictureResult,
    ReportBreakdownImageIntegrityBreakdownConclusiveDocumentQualityResult,
    ReportBreakdownImageIntegrityBreakdownImageQualityResult,
    ReportBreakdownImageIntegrityBreakdownSupportedDocumentResult,
    ReportBreakdownImageIntegrityResult,
    ReportBreakdownIssuingAuthorityResult,
    ReportBreakdownVisualAuthenticityBreakdownOriginalDocumentPresentResult,
    ReportBreakdownVisualAuthenticityBreakdownSpoofingDetectionResult,
    ReportBreakdownVisualAuthenticityResult,
    ReportDocumentDataDocumentNumbersType,
    ReportDocumentDataDocumentType,
    ReportDocumentDataGender,
    ReportDocumentDataNfcDocumentType,
    ReportDocumentDataNfcGender,
    ReportMediaDocumentType,
    ReportMediaSide,
    ReportMediaType,
    ReportResult,
    ReportStatus,
    ReportType,
    RichTextMarksType,
    RichTextNodeType,
    RichTextType,
    SearchProfile,
    StepReviewStatus,
    StepTypes,
    SubBreakdownResultResult,
    TeamMemberRole,
    WebhookDeliveryEvents,
    WebhookSubscribeEvents,
)

__all__ = [
    "Address",
    "Attachment",
    "AvailableStep",
    "BreakdownResult",
    "Case",
    "CaseAssignee",
    "CaseItem",
    "CaseItemEntity",
    "CaseReview",
    "CaseStatusAggregate",
    "CaseStatusAggregateAggregates",
    "Check",
    "CheckResponse",
    "Choice",
    "Client",
    "ClientCorrection",
    "ClientCorrectionCorrection",
    "ClientFile",
    "ClientFileCreatedBy",
    "ClientFileSource",
    "ClientFileSourceConfig",
    "ClientForm",
    "CreditHistory",
    "CreditHistoryCauser",
    "Document",
    "DocumentRequestSettings",
    "DocumentTemplate",
    "DocumentTransferSettings",
    "EmailTemplate",
    "File",
    "FileCreatedBy",
    "FileSource",
    "Form",
    "FormField",
    "FormTemplate",
    "FormTemplateField",
    "InvalidPresetStep",
    "Name",
    "Organisation",
    "OrganisationAssignees",
    "OrganisationClients",
    "Record",
    "RecordDocument",
    "RecordDocumentSource",
    "RecordStep",
    "RecordStepPreferences",
    "RecordTemplate",
    "RecordTemplatePresets",
    "RecordTemplatePresetsSteps",
    "RecordTemplatePresetsStepsPreferences",
    "Report",
    "ReportBreakdown",
    "ReportBreakdownAgeValidation",
    "ReportBreakdownAgeValidationBreakdown",
    "ReportBreakdownCompromisedDocument",
    "ReportBreakdownCompromisedDocumentBreakdown",
    "ReportBreakdownDataComparison",
    "ReportBreakdownDataComparisonBreakdown",
    "ReportBreakdownDataConsistency",
    "ReportBreakdownDataConsistencyBreakdown",
    "ReportBreakdownDataValidation",
    "ReportBreakdownDataValidationBreakdown",
    "ReportBreakdownFaceComparison",
    "ReportBreakdownFaceComparisonBreakdown",
    "ReportBreakdownFaceComparisonBreakdownFaceMatch",
    "ReportBreakdownImageIntegrity",
    "ReportBreakdownImageIntegrityBreakdown",
    "ReportBreakdownImageIntegrityBreakdownColourPicture",
    "ReportBreakdownImageIntegrityBreakdownConclusiveDocumentQuality",
    "ReportBreakdownImageIntegrityBreakdownConclusiveDocumentQualityProperties",
    "ReportBreakdownImageIntegrityBreakdownImageQuality",
    "ReportBreakdownImageIntegrityBreakdownImageQualityProperties",
    "ReportBreakdownImageIntegrityBreakdownSupportedDocument",
    "ReportBreakdownIssuingAuthority",
    "ReportBreakdownIssuingAuthorityBreakdown",
    "ReportBreakdownVisualAuthenticity",
    "ReportBreakdownVisualAuthenticityBreakdown",
    "ReportBreakdownVisualAuthenticityBreakdownOriginalDocumentPresent",
    "ReportBreakdownVisualAuthenticityBreakdownOriginalDocumentPresentProperties",
    "ReportBreakdownVisualAuthenticityBreakdownSpoofingDetection",
    "ReportBreakdownVisualAuthenticityBreakdownSpoofingDetectionProperties",
    "ReportDocumentData",
    "ReportDocumentDataDocumentNumbers",
    "ReportDocumentDataNfc",
    "ReportMedia",
    "RichText",
    "RichTextDocument",
    "RichTextListItem",
    "RichTextMarks",
    "RichTextMarksAttrs",
    "RichTextNode",
    "RichTextNodeAttrs",
    "SdkToken",
    "StepReview",
    "SubBreakdownResult",
    "Team",
    "TeamMember",
    "TeamMemberAssignee",
    "User",
    "ValidatedSteps",
    "ValidatedStepsSteps",
    "Webhook",
    "WebhookDelivery",
    "WebhookDeliveryRequest",
    "WebhookDeliveryRequestBody",
    "WebhookDeliveryRequestHeaders",
    "WebhookDeliveryResponse",
]


@attrs.frozen(kw_only=True)
class User(Model):
    """User."""

    object: str
    """Always ``'user'``."""

    id: int
    """Unique user identifier"""

    name: str | None = None
    """Full or partial name"""

    email: str | None = None
    """Unique user email address"""

    is_verified: bool | None = None
    """`true` once a new user has verified their email address"""

    is_disabled: bool | None = None
    """`true` when a user account has been disabled"""

    created_at: datetime | None = None
    """Date and time the user account was created"""

    updated_at: datetime | None = None
    """Date and time the user's details were last updated"""


@attrs.frozen(kw_only=True)
class Team(Model):
    """Team."""

    object: str
    """Always ``'team'``."""

    id: int

    identifier: str | None = None

    uuid: str | None = None

    name: str | None = None

    contact: str | None = None

    telephone: str | None = None

    tier: str | None = None

    logo: str | None = None

    is_support_enabled: bool | None = None

    created_at: datetime | None = None

    updated_at: datetime | None = None

    archived_at: datetime | None = None

    is_archived: bool | None = None
    """Allows toggling of archived state"""


@attrs.frozen(kw_only=True)
class TeamMember(Model):
    """Team Member."""

    object: str
    """Always ``'team_member'``."""

    id: int

    name: str | None = None

    email: str | None = None

    role: TeamMemberRole | str | None = None


@attrs.frozen(kw_only=True)
class Client(Model):
    """Client."""

    object: str
    """Always ``'client'``."""

    id: int
    """Unique client identifier."""

    status: ClientStatus | str | None = None
    """A status can be set to signify a decision has been made by a team member on the outcome of
    the client's checks.
    """

    name: Name | None = None
    """The client's names."""

    email: str | None = None
    """Client's contact email address."""

    landline: str | None = None
    """Client's landline telephone number."""

    mobile: str | None = None
    """Client's mobile telephone number."""

    dob: date | None = None
    """Client's date of birth."""

    reference: str | None = None
    """An external reference or identifier to cross-reference with your system."""

    national_insurance_number: str | None = None
    """Client's National Insurance number."""

    is_deletable: bool | None = None
    """Indicates if the client can be deleted."""

    deletion_date: date | None = None
    """Date by which the client should be manually deleted from Amiqus."""

    created_at: datetime | None = None
    """Date and time the client was created."""

    updated_at: datetime | None = None
    """Date and time the client's details were last updated."""

    archived_at: datetime | None = None
    """Date and time the client was archived."""


@attrs.frozen(kw_only=True)
class Address(Model):
    """Address."""

    object: str
    """Always ``'address'``."""

    unit: str | None = None
    """Unit, flat or apartment name or number."""

    house_name: str | None = None
    """House or building name."""

    house_number: str | None = None
    """House or building number."""

    street_name: str | None = None
    """First line of the street name."""

    second_street: str | None = None
    """Second line of the street name if applicable."""

    district: str | None = None
    """District, town, village, suburb or equivalent."""

    city: str | None = None
    """City name if applicable."""

    province: str | None = None
    """Province, county, municipality, township or equivalent."""

    postcode: str | None = None
    """Postcode, zip code or equivalent."""

    country: AddressCountry | str | None = None
    """ISO3601 alpha-2 country code."""


@attrs.frozen(kw_only=True)
class TeamMemberAssignee(Model):
    """Team Member Assignee."""

    object: str
    """Always ``'assignee'``."""

    id: int
    """The assignee ID"""

    type: str | None = None
    """Always ``'team_member'``."""

    team_member: TeamMember | None = None


@attrs.frozen(kw_only=True)
class Organisation(Model):
    """Organisation."""

    object: str
    """Always ``'organisation'``."""

    id: int
    """Unique organisation identifier"""

    status: OrganisationStatus | str | None = None
    """A status can be set to signify a decision has been made by a team member on the outcome of
    the organisation's checks.
    """

    name: str | None = None
    """Organisation or company name The value is not formatted (e.g. title case), and appears as
    written.
    """

    company_number: str | None = None
    """The company registration number or reference"""

    jurisdiction: OrganisationJurisdiction | str | None = None
    """The country code or region where the company is registered."""

    reference: str | None = None
    """An external reference or identifier to cross-reference with your system."""

    address: Address | None = None
    """The organisation's registered address."""

    incorporated_at: date | None = None
    """Date the organisation was incorporated."""

    assignees: OrganisationAssignees | list[int] | None = None
    """The team members assigned to the organisation. `null` when no team members are assigned,
    including when the relationship is expanded. Expandable: an id (or ids) unless asked for
    with ``expand``.
    """

    clients: OrganisationClients | list[int] | None = None
    """The clients belonging to the organisation. `null` when the organisation has no clients,
    including when the relationship is expanded. Expandable: an id (or ids) unless asked for
    with ``expand``.
    """

    created_at: datetime | None = None
    """Date and time the organisation was created"""

    updated_at: datetime | None = None
    """Date and time the organisation's details were last updated"""

    archived_at: datetime | None = None
    """Date and time the organisation was archived."""


@attrs.frozen(kw_only=True)
class ClientForm(Model):
    """Client Form."""

    object: str
    """Always ``'client_form'``."""

    id: int

    reference: str | None = None

    type: ClientFormType | str | None = None
    """Forms are either for internal data collection (`internal`), or are requested for completion
    by the client (`requested`).
    """

    client: Client | int | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    record: Record | int | None = None
    """Always `null` when `type: internal` Expandable: an id (or ids) unless asked for with
    ``expand``.
    """

    name: str | None = None

    description: str | None = None

    instructions: RichTextDocument | None = None

    fields: list[FormField] | None = None
    """The first field must always be a Section. Any Fields not present in a Section are omitted."""

    version: int | None = None

    created_at: datetime | None = None

    updated_at: datetime | None = None

    completed_at: datetime | None = None

    archived_at: datetime | None = None


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
class ClientFile(Model):
    """Client File."""

    object: str
    """Always ``'client_file'``."""

    id: int

    type: ClientFileType | str | None = None

    source: ClientFileSource | Check | Client | ClientForm | RecordDocument | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    name: str | None = None

    attachment: Attachment | None = None

    created_by: ClientFileCreatedBy | Client | TeamMember | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    is_deletable: bool | None = None
    """Indicates whether the client file can be deleted."""

    expires_at: datetime | None = None
    """The date and time an uploaded file expires."""

    created_at: datetime | None = None

    updated_at: datetime | None = None

    redacted_at: datetime | None = None
    """The date and time the file was redacted by the user. Please note that not all files can be
    redacted. For example a file that is part of a check.
    """


@attrs.frozen(kw_only=True)
class ClientCorrection(Model):
    """Client Correction."""

    object: str
    """Always ``'client_correction'``."""

    id: int
    """Unique client correction identifier."""

    client: Client | int | None = None
    """The client associated with this correction. Expandable: an id (or ids) unless asked for with
    ``expand``.
    """

    record: Record | int | None = None
    """The record associated with this correction. Expandable: an id (or ids) unless asked for with
    ``expand``.
    """

    status: ClientCorrectionStatus | str | None = None
    """The status of the correction."""

    correction: ClientCorrectionCorrection | None = None

    created_at: datetime | None = None
    """Date and time the correction was created."""

    updated_at: datetime | None = None
    """Date and time the correction was last updated."""


@attrs.frozen(kw_only=True)
class CreditHistory(Model):
    """CreditHistory."""

    object: str
    """Always ``'credit_history'``."""

    id: int

    credits: int | None = None

    reason: str | None = None

    causer: CreditHistoryCauser | Check | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    created_at: datetime | None = None


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
class Check(Model):
    """Check."""

    object: str
    """Always ``'check'``."""

    id: int

    type: CheckType | str | None = None

    record: Record | int | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    status: CheckStatus | str | None = None

    response: CheckResponse | Literal[True] | None = None
    """🚧 Check responses are still in beta. Available data may be incomplete or differ from the
    specification. Contact developers@amiqus.co to report inconsistencies. Expandable: an id (or
    ids) unless asked for with ``expand``.
    """

    allow_replay: bool | None = None

    allow_cancel: bool | None = None

    requires_consent: bool | None = None

    created_at: datetime | None = None

    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class Document(Model):
    """Document."""

    object: str
    """Always ``'document'``."""

    id: int

    name: str | None = None

    description: str | None = None

    is_enabled: bool | None = None

    attachment: Attachment | int | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    created_at: datetime | None = None

    updated_at: datetime | None = None


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
class File(Model):
    """File."""

    object: str
    """Always ``'file'``."""

    id: int

    type: FileType | str | None = None

    source: FileSource | Check | Client | ClientForm | RecordDocument | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    name: str | None = None

    attachment: Attachment | None = None

    created_by: FileCreatedBy | Client | TeamMember | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    is_deletable: bool | None = None
    """Indicates whether the client file can be deleted."""

    expires_at: datetime | None = None
    """The date and time an uploaded file expires."""

    created_at: datetime | None = None

    updated_at: datetime | None = None

    redacted_at: datetime | None = None
    """The date and time the file was redacted by the user. Please note that not all files can be
    redacted. For example a file that is part of a check.
    """


@attrs.frozen(kw_only=True)
class Webhook(Model):
    """Webhook."""

    object: str
    """Always ``'webhook'``."""

    id: int
    """The unique webhook identifier."""

    uuid: str | None = None
    """The globally unique webhook identifier."""

    url: str | None = None
    """The webhook delivery url."""

    secret: Secret | None = None
    """Shared secret key used to sign webhook payloads."""

    events: list[WebhookSubscribeEvents | str] | None = None
    """The event or events this webhook is subscribed to. Supports wildcards; `*` all events,
    `client.*` all client events, etc.
    """

    is_enabled: bool | None = None
    """Whether or not the webhook is currently enabled."""

    created_at: datetime | None = None
    """Date and time the webhook was created."""

    updated_at: datetime | None = None
    """Date and time the webhook was last updated."""


@attrs.frozen(kw_only=True)
class WebhookDelivery(Model):
    """Webhook Delivery."""

    object: str
    """Always ``'webhook_delivery'``."""

    id: int

    uuid: str | None = None

    event: WebhookDeliveryEvents | str | None = None

    attempts: int | None = None

    request: WebhookDeliveryRequest | None = None

    response: WebhookDeliveryResponse | None = None

    last_sent_at: datetime | None = None


@attrs.frozen(kw_only=True)
class Form(Model):
    """Form."""

    object: str
    """Always ``'form'``."""

    id: int

    reference: str | None = None

    type: FormType | str | None = None
    """Forms are either for internal data collection (`internal`), or are requested for completion
    by the client (`requested`).
    """

    client: Client | int | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    record: Record | int | None = None
    """Always `null` when `type: internal` Expandable: an id (or ids) unless asked for with
    ``expand``.
    """

    name: str | None = None

    description: str | None = None

    instructions: RichTextDocument | None = None

    fields: list[FormField] | None = None
    """The first field must always be a Section. Any Fields not present in a Section are omitted."""

    version: int | None = None

    created_at: datetime | None = None

    updated_at: datetime | None = None

    completed_at: datetime | None = None

    archived_at: datetime | None = None


@attrs.frozen(kw_only=True)
class FormTemplate(Model):
    """Form Template."""

    object: str
    """Always ``'form_template'``."""

    id: int

    reference: str | None = None

    name: str | None = None

    description: str | None = None

    instructions: RichTextDocument | None = None

    fields: list[FormTemplateField] | None = None
    """The first field must always be a Section. Any Fields not present in a Section are omitted."""

    version: int | None = None

    is_enabled: bool | None = None

    created_at: datetime | None = None

    updated_at: datetime | None = None

    archived_at: datetime | None = None


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
class Attachment(Model):
    """Attachment."""

    object: str
    """Always ``'attachment'``."""

    id: int

    name: str | None = None

    original: str | None = None

    type: str | None = None

    size: int | None = None

    av_status: AttachmentAvStatus | str | None = None

    created_at: datetime | None = None

    updated_at: datetime | None = None


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
class Case(Model):
    """Case."""

    object: str
    """Always ``'case'``."""

    id: int
    """The unique case identifier."""

    name: str | None = None
    """The case name."""

    reference: str | None = None
    """The case reference."""

    status: CaseStatus | str | None = None

    client: Client | int | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    items: list[CaseItem | int] | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    assignees: OrganisationAssignees | list[int] | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    created_at: datetime | None = None
    """Date and time the case was created."""

    updated_at: datetime | None = None
    """Date and time the case's details were last updated."""

    archived_at: datetime | None = None
    """Date and time the case was archived."""


@attrs.frozen(kw_only=True)
class CaseItem(Model):
    """Case Item."""

    object: str
    """Always ``'case_item'``."""

    id: int
    """The unique case item identifier."""

    entity: CaseItemEntity | Record | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    created_at: datetime | None = None
    """Date and time the case item was added to the case."""

    updated_at: datetime | None = None
    """Date and time the case item's details were last updated."""


@attrs.frozen(kw_only=True)
class CaseReview(Model):
    """Case Review."""

    object: str
    """Always ``'case_review'``."""

    id: int
    """The unique case review identifier."""

    reviewed_by: TeamMember | int | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    status: CaseStatus | str | None = None

    from_status: CaseStatus | str | None = None
    """The previous status of the case review."""

    created_at: datetime | None = None
    """Date and time the case review was added."""

    updated_at: datetime | None = None
    """Date and time the case review details were last updated."""


@attrs.frozen(kw_only=True)
class CaseAssignee(Model):
    """Assignee."""

    object: str
    """Always ``'assignee'``."""

    id: int
    """The assignee ID"""

    type: CaseAssigneeType | str | None = None

    team_member: TeamMember | None = None


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
class CaseStatusAggregate(Model):
    """Case status aggregate."""

    object: str
    """Always ``'case_status_aggregate'``."""

    aggregates: list[CaseStatusAggregateAggregates] | None = None


@attrs.frozen(kw_only=True)
class Name(Model):
    """Name."""

    object: str
    """Always ``'name'``."""

    title: NameTitle | str | None = None

    other_title: str | None = None
    """Required if `title: "other"`"""

    first_name: str | None = None

    middle_name: str | None = None

    last_name: str | None = None

    name: str | None = None
    """First and Last name."""

    full_name: str | None = None
    """First, Middle and Last names."""

    complete_name: str | None = None
    """Title and Full name."""


@attrs.frozen(kw_only=True)
class BreakdownResult(Model):
    """BreakdownResult."""

    result: BreakdownResultResult | str | None = None
    """The overall result of the properties checked in this breakdown. Where no result is returned
    the value will be `null`. Where an invalid value is returned the default is `consider`.
    """


@attrs.frozen(kw_only=True)
class SubBreakdownResult(Model):
    """SubBreakdownResult."""

    result: SubBreakdownResultResult | str | None = None
    """The result of the individual sub-breakdown property. Where no result is returned the value
    will be `null`. Where an invalid value is returned the default is `consider`.
    """


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
class RichText(Model):
    """RichText. One of 2 shapes: Plain Text, Marked Text."""

    type: RichTextType | str

    text: str

    marks: list[RichTextMarks] | None = None


@attrs.frozen(kw_only=True)
class RichTextNode(Model):
    """RichTextNode. One of 3 shapes: TipTap Paragraph, TipTap Bullet List, TipTap Ordered
    List.
    """

    type: RichTextNodeType | str

    content: list[RichText | RichTextListItem]

    attrs_: RichTextNodeAttrs | None = attrs.field(default=None, metadata=wire("attrs"))


@attrs.frozen(kw_only=True)
class RichTextListItem(Model):
    """TipTap List Item."""

    type: str | None = None
    """Always ``'listItem'``."""

    content: list[RichTextNode] | None = None


@attrs.frozen(kw_only=True)
class RichTextDocument(Model):
    """TipTap Document."""

    type: str
    """Always ``'doc'``."""

    content: list[RichTextNode]


@attrs.frozen(kw_only=True)
class Choice(Model):
    """Choice."""

    value: str

    options: list[str]


@attrs.frozen(kw_only=True)
class FormField(Model):
    """FormField. One of 8 shapes: Section, Heading, Paragraph, Short Answer, Long Answer,
    Single Choice, Multiple Choice, Document.
    """

    id: str

    type: FormFieldType | str

    label: Choice | str | None = None

    fields: list[str] | None = None
    """List of field IDs."""

    show_if: dict[str, str] | None = None
    """An object keyed by the field ID of a **Single Choice** or **Multiple Choice** field and its
    desired value to activate this field. Cannot be used if this field is present in another
    field's `show_if` property.
    """

    json_content: RichTextDocument | None = None

    description: str | None = None

    validation: list[FormFieldValidation | str] | None = None

    flag: bool | None = None

    value: list[int | str] | str | None = None


@attrs.frozen(kw_only=True)
class InvalidPresetStep(Model):
    """Invalid."""

    object: str
    """Always ``'invalid_preset_step'``."""

    type: StepTypes | str | None = None

    preferences: dict[str, Any] | None = None

    errors: dict[str, list[str]] | None = None


@attrs.frozen(kw_only=True)
class WebhookDeliveryRequest(Model):
    """Webhook Delivery Request."""

    url: str | None = None

    method: str | None = None
    """Always ``'POST'``."""

    headers: WebhookDeliveryRequestHeaders | None = None

    body: WebhookDeliveryRequestBody | None = None


@attrs.frozen(kw_only=True)
class WebhookDeliveryResponse(Model):
    """Webhook Delivery Response."""

    status_code: str | None = None

    headers: dict[str, Any] | None = None

    body: dict[str, Any] | list[str] | str | None = None


@attrs.frozen(kw_only=True)
class FormTemplateField(Model):
    """FormTemplateField. One of 8 shapes: Section, Heading, Paragraph, Short Answer, Long
    Answer, Single Choice, Multiple Choice, Document.
    """

    id: str

    type: FormTemplateFieldType | str

    label: Choice | str | None = None

    fields: list[str] | None = None
    """List of field IDs."""

    show_if: dict[str, str] | None = None
    """An object keyed by the field ID of a **Single Choice** or **Multiple Choice** field and its
    desired value to activate this field. Cannot be used if this field is present in another
    field's `show_if` property.
    """

    json_content: RichTextDocument | None = None

    description: str | None = None

    validation: list[FormTemplateFieldValidation | str] | None = None

    template_id: int | None = None


@attrs.frozen(kw_only=True)
class OrganisationAssignees(Model):
    """List."""

    object: str
    """Always ``'list'``."""

    data: list[TeamMember] | None = None

    total: int | None = None

    count: int | None = None

    limit: int | None = None

    has_more: bool | None = None

    url: str | None = None


@attrs.frozen(kw_only=True)
class OrganisationClients(Model):
    """List."""

    object: str
    """Always ``'list'``."""

    data: list[Client] | None = None

    total: int | None = None

    count: int | None = None

    limit: int | None = None

    has_more: bool | None = None

    url: str | None = None


@attrs.frozen(kw_only=True)
class ClientFileSource(Model):
    """ClientFileSource. One of 2 shapes: untitled, Client Document."""

    id: int

    type: ClientFileSourceType | str | None = None

    object: str | None = None
    """Always ``'client_document'``."""

    client: Client | int | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    name: str | None = None

    config: ClientFileSourceConfig | None = None

    created_at: datetime | None = None

    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ClientFileCreatedBy(Model):
    """ClientFileCreatedBy."""

    id: int | None = None

    type: ClientFileCreatedByType | str | None = None


@attrs.frozen(kw_only=True)
class ClientCorrectionCorrection(Model):
    """ClientCorrectionCorrection."""

    first_name: str | None = None
    """The corrected first name."""

    middle_name: str | None = None
    """The corrected middle name."""

    last_name: str | None = None
    """The corrected last name."""


@attrs.frozen(kw_only=True)
class CreditHistoryCauser(Model):
    """CreditHistoryCauser."""

    id: int | None = None

    type: CreditHistoryCauserType | str | None = None


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
class CheckResponse(Model):
    """CheckResponse. One of 2 shapes: untitled, Other."""

    object: CheckResponseObject | str
    """The response for this check type is not yet available from the API."""

    status: CheckResponseStatus | str | None = None

    result: CheckResponseResult | str | None = None
    """* `clear` - All reports returned clear. * `consider` - At least one report contains a
    consider result.
    """

    reports: list[Report] | None = None
    """The reports performed for this Photo ID check."""

    media: list[ReportMedia] | None = None


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
class FileSource(Model):
    """FileSource. One of 2 shapes: untitled, Client Document."""

    id: int

    type: FileSourceType | str | None = None

    object: str | None = None
    """Always ``'client_document'``."""

    client: Client | int | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    name: str | None = None

    config: ClientFileSourceConfig | None = None

    created_at: datetime | None = None

    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class FileCreatedBy(Model):
    """FileCreatedBy."""

    id: int | None = None

    type: FileCreatedByType | str | None = None


@attrs.frozen(kw_only=True)
class ValidatedStepsSteps(Model):
    """ValidatedStepsSteps."""

    object: str
    """Always ``'validated_step'``."""

    type: StepTypes | str | None = None

    cost: int | None = None


@attrs.frozen(kw_only=True)
class CaseItemEntity(Model):
    """CaseItemEntity."""

    id: int | None = None
    """The unique entity identifier."""

    type: str | None = None
    """Always ``'record'``. The entity type."""


@attrs.frozen(kw_only=True)
class CaseStatusAggregateAggregates(Model):
    """CaseStatusAggregateAggregates."""

    status: CaseStatus | str | None = None

    count: int | None = None


@attrs.frozen(kw_only=True)
class RichTextMarks(Model):
    """RichTextMarks. One of 2 shapes: Bold, Link."""

    type: RichTextMarksType | str

    attrs_: RichTextMarksAttrs | None = attrs.field(default=None, metadata=wire("attrs"))


@attrs.frozen(kw_only=True)
class RichTextNodeAttrs(Model):
    """RichTextNodeAttrs."""

    start: int


@attrs.frozen(kw_only=True)
class WebhookDeliveryRequestHeaders(Model):
    """WebhookDeliveryRequestHeaders."""

    content_length: str | None = attrs.field(default=None, metadata=wire("Content-Length"))

    Host: str | None = None

    user_agent: str | None = attrs.field(default=None, metadata=wire("User-Agent"))

    content_type: str | None = attrs.field(default=None, metadata=wire("Content-Type"))
    """Always ``'application/json'``."""

    x_aqid_signature: str | None = attrs.field(default=None, metadata=wire("X-AQID-Signature"))

    x_aqid_delivery_id: str | None = attrs.field(default=None, metadata=wire("X-AQID-Delivery-Id"))


@attrs.frozen(kw_only=True)
class WebhookDeliveryRequestBody(Model):
    """WebhookDeliveryRequestBody."""

    uuid: str | None = None

    event: WebhookDeliveryEvents | str | None = None

    sent_at: datetime | None = None

    data: dict[str, Any] | list[str] | None = None


@attrs.frozen(kw_only=True)
class ClientFileSourceConfig(Model):
    """ClientFileSourceConfig."""

    instructions: str


@attrs.frozen(kw_only=True)
class Report(Model):
    """Report. One of 4 shapes: Document, Facial Similarity Motion, Facial Similarity Photo,
    Other.
    """

    type: ReportType | str | None = None
    """This report type is not yet available from the API."""

    status: ReportStatus | str | None = None

    result: ReportResult | str | None = None
    """* `clear` - All verifications pass. There are no indications the document is fraudulent. *
    `consider` - Some verifications did not pass. Doesn't necessarily point to a suspected
    document (for example, expired document). * `suspected` - Document shows signs of suspect
    fraud. * `rejected` - Unable to process the document image, or the document isn't supported.
    Also if the age of the applicant is too low.
    """

    breakdown: ReportBreakdown | None = None
    """A detailed breakdown of the report's verifications used to determine the overall result."""

    document_data: ReportDocumentData | None = None
    """Data extracted from the document."""


@attrs.frozen(kw_only=True)
class ReportMedia(Model):
    """ReportMedia. One of 2 shapes: Document, Person."""

    type: ReportMediaType | str | None = None

    attachment: Attachment | None = None

    document_type: ReportMediaDocumentType | str | None = None

    side: ReportMediaSide | str | None = None
    """For documents with more than one side, e.g. UK DVLA driving licence."""

    issuing_country: str | None = None
    """ISO 3166 alpha-3 country code."""

    has_nfc: bool | None = None
    """If the document has an NFC chip and its chip was scanned."""


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
class RichTextMarksAttrs(Model):
    """RichTextMarksAttrs."""

    href: str

    target: str

    class_: str | None = attrs.field(default=None, metadata=wire("class"))


@attrs.frozen(kw_only=True)
class ReportBreakdown(Model):
    """ReportBreakdown. One of 2 shapes: untitled, untitled."""

    age_validation: ReportBreakdownAgeValidation | None = None
    """Whether the age calculated from the document's date of birth is greater than or equal to the
    minimum accepted age. The minimum accepted age is 16 years.
    """

    compromised_document: ReportBreakdownCompromisedDocument | None = None
    """Whether the image of the document has been previously flagged as compromised."""

    data_comparison: ReportBreakdownDataComparison | None = None
    """Whether the data provided by the client matches the data extracted from the document."""

    data_consistency: ReportBreakdownDataConsistency | None = None
    """Whether data represented in multiple places on the document is consistent. For example,
    between MRZ lines and OCR extracted text on passports.
    """

    data_validation: ReportBreakdownDataValidation | None = None
    """Whether the format and length of the fields are correct for that document type."""

    image_integrity: ReportBreakdownImageIntegrity | None = None
    """Whether the document was of sufficient quality to perform validation."""

    issuing_authority: ReportBreakdownIssuingAuthority | None = None
    """Whether data on the document matches the issuing authority data."""

    police_record: BreakdownResult | None = None
    """Whether the document has been identified as lost, stolen or otherwise compromised. Applies
    to all UK documents or any document that has been reported stolen in the UK.
    """

    visual_authenticity: ReportBreakdownVisualAuthenticity | None = None
    """Whether visual (non-textual) elements are correct for this specific document type."""

    face_comparison: ReportBreakdownFaceComparison | None = None
    """Whether the face in the document matches the face in the motion capture."""


@attrs.frozen(kw_only=True)
class ReportDocumentData(Model):
    """Document."""

    document_type: ReportDocumentDataDocumentType | str | None = None

    first_name: str | None = None

    last_name: str | None = None

    middle_name: str | None = None

    date_of_birth: date | None = None

    gender: ReportDocumentDataGender | str | None = None

    document_numbers: list[ReportDocumentDataDocumentNumbers] | None = None

    issuing_authority: str | None = None

    issuing_country: str | None = None
    """ISO 3166 alpha-3 country code."""

    issuing_state: str | None = None

    issuing_date: date | None = None

    date_of_expiry: date | None = None

    mrz_line1: str | None = None

    mrz_line2: str | None = None

    mrz_line3: str | None = None

    nationality: str | None = None
    """ISO 3166 alpha-3 country code."""

    place_of_birth: str | None = None

    nfc: ReportDocumentDataNfc | None = None
    """If a document's NFC chip was scanned for this report, the data extracted from it will be
    included here.
    """


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


@attrs.frozen(kw_only=True)
class ReportBreakdownAgeValidation(Model):
    """ReportBreakdownAgeValidation."""

    result: ReportBreakdownAgeValidationResult | str | None = None
    """The overall result of the properties checked in this breakdown. Where no result is returned
    the value will be `null`. Where an invalid value is returned the default is `consider`.
    """

    breakdown: ReportBreakdownAgeValidationBreakdown | None = None


@attrs.frozen(kw_only=True)
class ReportBreakdownCompromisedDocument(Model):
    """ReportBreakdownCompromisedDocument."""

    result: ReportBreakdownCompromisedDocumentResult | str | None = None
    """The overall result of the properties checked in this breakdown. Where no result is returned
    the value will be `null`. Where an invalid value is returned the default is `consider`.
    """

    breakdown: ReportBreakdownCompromisedDocumentBreakdown | None = None


@attrs.frozen(kw_only=True)
class ReportBreakdownDataComparison(Model):
    """ReportBreakdownDataComparison."""

    result: ReportBreakdownDataComparisonResult | str | None = None
    """The overall result of the properties checked in this breakdown. Where no result is returned
    the value will be `null`. Where an invalid value is returned the default is `consider`.
    """

    breakdown: ReportBreakdownDataComparisonBreakdown | None = None


@attrs.frozen(kw_only=True)
class ReportBreakdownDataConsistency(Model):
    """ReportBreakdownDataConsistency."""

    result: ReportBreakdownDataConsistencyResult | str | None = None
    """The overall result of the properties checked in this breakdown. Where no result is returned
    the value will be `null`. Where an invalid value is returned the default is `consider`.
    """

    breakdown: ReportBreakdownDataConsistencyBreakdown | None = None
    """Where a breakdown property result is `null`, the field wasn't present in at least two places
    on the document.
    """


@attrs.frozen(kw_only=True)
class ReportBreakdownDataValidation(Model):
    """ReportBreakdownDataValidation."""

    result: ReportBreakdownDataValidationResult | str | None = None
    """The overall result of the properties checked in this breakdown. Where no result is returned
    the value will be `null`. Where an invalid value is returned the default is `consider`.
    """

    breakdown: ReportBreakdownDataValidationBreakdown | None = None


@attrs.frozen(kw_only=True)
class ReportBreakdownImageIntegrity(Model):
    """ReportBreakdownImageIntegrity. One of 2 shapes: untitled, untitled."""

    result: ReportBreakdownImageIntegrityResult | str | None = None
    """The overall result of the properties checked in this breakdown. Where no result is returned
    the value will be `null`. Where an invalid value is returned the default is `consider`.
    """

    breakdown: ReportBreakdownImageIntegrityBreakdown | None = None


@attrs.frozen(kw_only=True)
class ReportBreakdownIssuingAuthority(Model):
    """ReportBreakdownIssuingAuthority."""

    result: ReportBreakdownIssuingAuthorityResult | str | None = None
    """The overall result of the properties checked in this breakdown. Where no result is returned
    the value will be `null`. Where an invalid value is returned the default is `consider`.
    """

    breakdown: ReportBreakdownIssuingAuthorityBreakdown | None = None


@attrs.frozen(kw_only=True)
class ReportBreakdownVisualAuthenticity(Model):
    """ReportBreakdownVisualAuthenticity. One of 2 shapes: untitled, untitled."""

    result: ReportBreakdownVisualAuthenticityResult | str | None = None
    """The overall result of the properties checked in this breakdown. Where no result is returned
    the value will be `null`. Where an invalid value is returned the default is `consider`.
    """

    breakdown: ReportBreakdownVisualAuthenticityBreakdown | None = None


@attrs.frozen(kw_only=True)
class ReportBreakdownFaceComparison(Model):
    """ReportBreakdownFaceComparison. One of 2 shapes: untitled, untitled."""

    result: ReportBreakdownFaceComparisonResult | str | None = None
    """The overall result of the properties checked in this breakdown. Where no result is returned
    the value will be `null`. Where an invalid value is returned the default is `consider`.
    """

    breakdown: ReportBreakdownFaceComparisonBreakdown | None = None


@attrs.frozen(kw_only=True)
class ReportDocumentDataDocumentNumbers(Model):
    """ReportDocumentDataDocumentNumbers."""

    type: ReportDocumentDataDocumentNumbersType | str | None = None

    value: str | None = None


@attrs.frozen(kw_only=True)
class ReportDocumentDataNfc(Model):
    """NFC Document."""

    document_type: ReportDocumentDataNfcDocumentType | str | None = None

    first_name: str | None = None

    last_name: str | None = None

    full_name: str | None = None

    date_of_birth: date | None = None

    gender: ReportDocumentDataNfcGender | str | None = None

    document_number: str | None = None

    personal_number: str | None = None

    nationality: str | None = None
    """ISO 3166 alpha-3 country code."""

    place_of_birth: str | None = None

    issuing_authority: str | None = None

    issuing_country: str | None = None
    """ISO 3166 alpha-3 country code."""

    issuing_date: date | None = None

    date_of_expiry: date | None = None

    mrz_line_1: str | None = None

    mrz_line_2: str | None = None


@attrs.frozen(kw_only=True)
class ReportBreakdownAgeValidationBreakdown(Model):
    """ReportBreakdownAgeValidationBreakdown."""

    minimum_accepted_age: SubBreakdownResult | None = None
    """Whether the minimum accepted age was met."""


@attrs.frozen(kw_only=True)
class ReportBreakdownCompromisedDocumentBreakdown(Model):
    """ReportBreakdownCompromisedDocumentBreakdown."""

    document_database: SubBreakdownResult | None = None
    """Whether the document is known to be compromised."""

    repeat_attempts: SubBreakdownResult | None = None
    """Whether the document has been reused in a suspicious way."""


@attrs.frozen(kw_only=True)
class ReportBreakdownDataComparisonBreakdown(Model):
    """ReportBreakdownDataComparisonBreakdown."""

    first_name: SubBreakdownResult | None = None
    """Whether the client's first name matched the value extracted from the document."""

    last_name: SubBreakdownResult | None = None
    """Whether the client's last name matched the value extracted from the document."""

    date_of_birth: SubBreakdownResult | None = None
    """Whether the client's date of birth matched the value extracted from the document."""


@attrs.frozen(kw_only=True)
class ReportBreakdownDataConsistencyBreakdown(Model):
    """ReportBreakdownDataConsistencyBreakdown."""

    issuing_country: SubBreakdownResult | None = None

    document_numbers: SubBreakdownResult | None = None

    nationality: SubBreakdownResult | None = None

    gender: SubBreakdownResult | None = None

    document_type: SubBreakdownResult | None = None

    date_of_expiry: SubBreakdownResult | None = None

    date_of_birth: SubBreakdownResult | None = None

    last_name: SubBreakdownResult | None = None

    first_name: SubBreakdownResult | None = None


@attrs.frozen(kw_only=True)
class ReportBreakdownDataValidationBreakdown(Model):
    """ReportBreakdownDataValidationBreakdown."""

    mrz: SubBreakdownResult | None = None

    document_expiration: SubBreakdownResult | None = None
    """Whether the document has expired."""

    expiry_date: SubBreakdownResult | None = None
    """Whether the format of the expiry date is invalid."""

    date_of_birth: SubBreakdownResult | None = None

    gender: SubBreakdownResult | None = None

    document_numbers: SubBreakdownResult | None = None


@attrs.frozen(kw_only=True)
class ReportBreakdownImageIntegrityBreakdown(Model):
    """ReportBreakdownImageIntegrityBreakdown. One of 2 shapes: untitled, untitled."""

    supported_document: ReportBreakdownImageIntegrityBreakdownSupportedDocument | None = None
    """Whether the submitted document is a supported type."""

    image_quality: ReportBreakdownImageIntegrityBreakdownImageQuality | None = None
    """Whether the image of the document's data points and features were clear."""

    colour_picture: ReportBreakdownImageIntegrityBreakdownColourPicture | None = None
    """Whether the document image was in colour. Black and white images are flagged with a
    `consider` result.
    """

    conclusive_document_quality: (
        ReportBreakdownImageIntegrityBreakdownConclusiveDocumentQuality | None
    ) = None
    """Is the document of sufficient quality to perform a fraud inspection. A `consider` result
    means that we cannot positively say the document is fraudulent or not.
    """

    face_detected: SubBreakdownResult | None = None
    """A single face of good enough quality was found in both the document image and the motion
    capture.
    """

    source_integrity: SubBreakdownResult | None = None
    """Whether the motion capture is trustworthy, e.g. not from a fake webcam."""


@attrs.frozen(kw_only=True)
class ReportBreakdownIssuingAuthorityBreakdown(Model):
    """ReportBreakdownIssuingAuthorityBreakdown."""

    nfc_passive_authentication: SubBreakdownResult | None = None
    """Whether the document NFC chip is original or cloned."""

    nfc_active_authentication: SubBreakdownResult | None = None
    """Whether the document NFC chip data has been tampered with."""


@attrs.frozen(kw_only=True)
class ReportBreakdownVisualAuthenticityBreakdown(Model):
    """ReportBreakdownVisualAuthenticityBreakdown. One of 2 shapes: untitled, untitled."""

    face_detection: SubBreakdownResult | None = None
    """No face was detected on the document."""

    digital_tampering: SubBreakdownResult | None = None
    """Indication of digital tampering in the image (for example, name was altered)."""

    original_document_present: (
        ReportBreakdownVisualAuthenticityBreakdownOriginalDocumentPresent | None
    ) = None
    """The document was not present when the photo was taken. For example, a photo of an image of a
    document or a photo of a digital screen.
    """

    picture_face_integrity: SubBreakdownResult | None = None
    """The pictures of the person identified on the document show signs of tampering or alteration.
    In most cases this will focus on the primary picture yet it may also apply to the secondary
    and tertiary pictures when documents contain them.
    """

    security_features: SubBreakdownResult | None = None
    """Security features expected on the document are missing or are incorrect."""

    fonts: SubBreakdownResult | None = None
    """Fonts on the document don't match the expected ones."""

    template: SubBreakdownResult | None = None
    """The document doesn't match the expected template for the document type and country it is
    from.
    """

    liveness_detected: SubBreakdownResult | None = None
    """Whether the liveness actions were correctly executed by the data subject."""

    spoofing_detection: ReportBreakdownVisualAuthenticityBreakdownSpoofingDetection | None = None
    """Whether the motion capture is not a spoof, e.g. video of a digital screen."""


@attrs.frozen(kw_only=True)
class ReportBreakdownFaceComparisonBreakdown(Model):
    """ReportBreakdownFaceComparisonBreakdown. One of 2 shapes: untitled, untitled."""

    face_match: ReportBreakdownFaceComparisonBreakdownFaceMatch | SubBreakdownResult | None = None
    """Comparison between face in document and motion capture was sufficient."""


@attrs.frozen(kw_only=True)
class ReportBreakdownImageIntegrityBreakdownSupportedDocument(Model):
    """Whether the submitted document is a supported type."""

    result: ReportBreakdownImageIntegrityBreakdownSupportedDocumentResult | str | None = None


@attrs.frozen(kw_only=True)
class ReportBreakdownImageIntegrityBreakdownImageQuality(Model):
    """Whether the image of the document's data points and features were clear."""

    result: ReportBreakdownImageIntegrityBreakdownImageQualityResult | str | None = None

    properties: ReportBreakdownImageIntegrityBreakdownImageQualityProperties | None = None


@attrs.frozen(kw_only=True)
class ReportBreakdownImageIntegrityBreakdownColourPicture(Model):
    """Whether the document image was in colour. Black and white images are flagged with a
    `consider` result.
    """

    result: ReportBreakdownImageIntegrityBreakdownColourPictureResult | str | None = None


@attrs.frozen(kw_only=True)
class ReportBreakdownImageIntegrityBreakdownConclusiveDocumentQuality(Model):
    """Is the document of sufficient quality to perform a fraud inspection. A `consider`
    result means that we cannot positively say the document is fraudulent or not.
    """

    result: ReportBreakdownImageIntegrityBreakdownConclusiveDocumentQualityResult | str | None = (
        None
    )

    properties: ReportBreakdownImageIntegrityBreakdownConclusiveDocumentQualityProperties | None = (
        None
    )


@attrs.frozen(kw_only=True)
class ReportBreakdownVisualAuthenticityBreakdownOriginalDocumentPresent(Model):
    """The document was not present when the photo was taken. For example, a photo of an
    image of a document or a photo of a digital screen.
    """

    result: ReportBreakdownVisualAuthenticityBreakdownOriginalDocumentPresentResult | str | None = (
        None
    )
    """The overall result of the properties checked in this breakdown. Where no result is returned
    the value will be `null`. Where an invalid value is returned the default is `consider`.
    """

    properties: (
        ReportBreakdownVisualAuthenticityBreakdownOriginalDocumentPresentProperties | None
    ) = None


@attrs.frozen(kw_only=True)
class ReportBreakdownVisualAuthenticityBreakdownSpoofingDetection(Model):
    """ReportBreakdownVisualAuthenticityBreakdownSpoofingDetection. One of 2 shapes:
    untitled, untitled.
    """

    result: ReportBreakdownVisualAuthenticityBreakdownSpoofingDetectionResult | str | None = None
    """The result of the individual sub-breakdown property. Where no result is returned the value
    will be `null`. Where an invalid value is returned the default is `consider`.
    """

    properties: ReportBreakdownVisualAuthenticityBreakdownSpoofingDetectionProperties | None = None


@attrs.frozen(kw_only=True)
class ReportBreakdownFaceComparisonBreakdownFaceMatch(Model):
    """Comparison between face in document and motion capture was sufficient."""

    result: ReportBreakdownFaceComparisonBreakdownFaceMatchResult | str | None = None
    """The result of the individual sub-breakdown property. Where no result is returned the value
    will be `null`. Where an invalid value is returned the default is `consider`.
    """

    properties: ReportBreakdownVisualAuthenticityBreakdownSpoofingDetectionProperties | None = None


@attrs.frozen(kw_only=True)
class ReportBreakdownImageIntegrityBreakdownImageQualityProperties(Model):
    """ReportBreakdownImageIntegrityBreakdownImageQualityProperties."""

    dark_photo: SubBreakdownResult | None = None

    glare_on_photo: SubBreakdownResult | None = None

    blurred_photo: SubBreakdownResult | None = None

    covered_photo: SubBreakdownResult | None = None

    other_photo_issue: SubBreakdownResult | None = None

    damaged_document: SubBreakdownResult | None = None

    incorrect_side: SubBreakdownResult | None = None

    cut_off_document: SubBreakdownResult | None = None

    no_document_in_image: SubBreakdownResult | None = None

    two_documents_uploaded: SubBreakdownResult | None = None


@attrs.frozen(kw_only=True)
class ReportBreakdownImageIntegrityBreakdownConclusiveDocumentQualityProperties(Model):
    """ReportBreakdownImageIntegrityBreakdownConclusiveDocumentQualityProperties."""

    watermarks_digital_text_overlay: SubBreakdownResult | None = None

    punctured_document: SubBreakdownResult | None = None

    obscured_security_features: SubBreakdownResult | None = None

    obscured_data_points: SubBreakdownResult | None = None

    missing_back: SubBreakdownResult | None = None

    digital_document: SubBreakdownResult | None = None

    corner_removed: SubBreakdownResult | None = None

    abnormal_document_features: SubBreakdownResult | None = None


@attrs.frozen(kw_only=True)
class ReportBreakdownVisualAuthenticityBreakdownOriginalDocumentPresentProperties(Model):
    """ReportBreakdownVisualAuthenticityBreakdownOriginalDocumentPresentProperties."""

    screenshot: SubBreakdownResult | None = None
    """Image is a digital screenshot."""

    document_on_printed_paper: SubBreakdownResult | None = None
    """Image is a photo of a printed image of a document."""

    photo_of_screen: SubBreakdownResult | None = None
    """Image is a photo of a digital screen."""

    scan: SubBreakdownResult | None = None
    """Image of document was captured using a scanner (not a photo of a document)."""


@attrs.frozen(kw_only=True)
class ReportBreakdownVisualAuthenticityBreakdownSpoofingDetectionProperties(Model):
    """ReportBreakdownVisualAuthenticityBreakdownSpoofingDetectionProperties. One of 2
    shapes: untitled, untitled.
    """

    score: float | None = None
    """Probability motion capture is genuine, where 1 is highest confidence it is genuine."""

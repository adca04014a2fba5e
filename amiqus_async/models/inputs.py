"""Request bodies: unset fields are left out of the JSON

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

import attrs

from common import NOT_GIVEN, NotGivenOr
from common.models import wire

from .._checks import between, choice, email, given, items, length, one_shape
from .enums import (
    AddressCountry,
    CaseItemType,
    CaseStatus,
    ClientStatus,
    CorrectionUpdateStatus,
    FormFieldType,
    FormFieldValidation,
    FormTemplateFieldType,
    FormTemplateFieldValidation,
    NameTitle,
    OrganisationJurisdiction,
    OrganisationStatus,
    RecordNotification,
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
    RichTextMarksType,
    RichTextNodeType,
    RichTextType,
    SearchProfile,
    StepReviewStatus,
    WebhookSubscribeEvents,
)

__all__ = [
    "AddressInput",
    "AssigneeInput",
    "CaseInput",
    "CaseItemInput",
    "CaseReviewInput",
    "CaseUpdate",
    "ChoiceInput",
    "ClientFileInput",
    "ClientInput",
    "CorrectionUpdate",
    "CorrectionUpdateCorrectionInput",
    "DocumentRequestSettingsInput",
    "FormTemplateFieldInput",
    "FormTemplateInput",
    "FormTemplateUpdate",
    "NameInput",
    "OrganisationInput",
    "RecordInput",
    "RecordStepInput",
    "RecordStepPreferencesInput",
    "RecordUpdate",
    "RichTextDocumentInput",
    "RichTextInput",
    "RichTextListItemInput",
    "RichTextMarksAttrsInput",
    "RichTextMarksInput",
    "RichTextNodeAttrsInput",
    "RichTextNodeInput",
    "SdkTokenInput",
    "StepReviewInput",
    "StepsValidation",
    "TeamUpdate",
    "UserUpdate",
    "WebhookInput",
    "WebhookUpdate",
]


@attrs.frozen(kw_only=True)
class UserUpdate:
    """User."""

    name: NotGivenOr[str] = NOT_GIVEN
    """Full or partial name"""

    email: NotGivenOr[str] = attrs.field(default=NOT_GIVEN, validator=email())
    """Unique user email address"""


@attrs.frozen(kw_only=True)
class TeamUpdate:
    """TeamUpdate."""

    contact: NotGivenOr[str] = attrs.field(default=NOT_GIVEN, validator=email())

    telephone: NotGivenOr[str | None] = NOT_GIVEN


@attrs.frozen(kw_only=True)
class ClientInput:
    """Client."""

    status: NotGivenOr[ClientStatus | str | None] = attrs.field(
        default=NOT_GIVEN, validator=choice(ClientStatus)
    )
    """A status can be set to signify a decision has been made by a team member on the outcome of
    the client's checks.
    """

    name: NotGivenOr[NameInput] = NOT_GIVEN
    """The client's names."""

    email: NotGivenOr[str] = attrs.field(default=NOT_GIVEN, validator=email())
    """Client's contact email address."""

    landline: NotGivenOr[str | None] = NOT_GIVEN
    """Client's landline telephone number."""

    mobile: NotGivenOr[str | None] = NOT_GIVEN
    """Client's mobile telephone number."""

    dob: NotGivenOr[date | None] = NOT_GIVEN
    """Client's date of birth."""

    reference: NotGivenOr[str | None] = NOT_GIVEN
    """An external reference or identifier to cross-reference with your system."""

    deletion_date: NotGivenOr[date | None] = NOT_GIVEN
    """Date by which the client should be manually deleted from Amiqus."""


@attrs.frozen(kw_only=True)
class AddressInput:
    """Address."""

    unit: NotGivenOr[str | None] = NOT_GIVEN
    """Unit, flat or apartment name or number."""

    house_name: NotGivenOr[str | None] = NOT_GIVEN
    """House or building name."""

    house_number: NotGivenOr[str | None] = NOT_GIVEN
    """House or building number."""

    street_name: NotGivenOr[str | None] = NOT_GIVEN
    """First line of the street name."""

    second_street: NotGivenOr[str | None] = NOT_GIVEN
    """Second line of the street name if applicable."""

    district: NotGivenOr[str | None] = NOT_GIVEN
    """District, town, village, suburb or equivalent."""

    city: NotGivenOr[str | None] = NOT_GIVEN
    """City name if applicable."""

    province: NotGivenOr[str | None] = NOT_GIVEN
    """Province, county, municipality, township or equivalent."""

    postcode: NotGivenOr[str | None] = NOT_GIVEN
    """Postcode, zip code or equivalent."""

    country: NotGivenOr[AddressCountry | str | None] = attrs.field(
        default=NOT_GIVEN, validator=choice(AddressCountry)
    )
    """ISO3601 alpha-2 country code."""


@attrs.frozen(kw_only=True)
class AssigneeInput:
    """Assignee."""

    type: str = attrs.field(validator=given())
    """Always ``'team_member'``. The type of assignee to be assigned to the client."""

    team_member: int = attrs.field(validator=given())
    """The unique identifier of the team member to be assigned to the client."""


@attrs.frozen(kw_only=True)
class ClientFileInput:
    """ClientFileInput. One of 2 shapes: Basic, Document template."""

    attachment: int = attrs.field(validator=given())
    """The unique identifier of an attachment."""

    name: NotGivenOr[str] = NOT_GIVEN

    expires_at: NotGivenOr[datetime | None] = NOT_GIVEN

    template: NotGivenOr[int] = NOT_GIVEN
    """The unique identifier of a document template."""

    def __attrs_post_init__(self) -> None:
        one_shape(
            self,
            {
                "Basic": (
                    (
                        "attachment",
                        "expires_at",
                        "name",
                    ),
                    ("attachment",),
                ),
                "Document template": (
                    (
                        "attachment",
                        "expires_at",
                        "name",
                        "template",
                    ),
                    (
                        "attachment",
                        "template",
                    ),
                ),
            },
        )


@attrs.frozen(kw_only=True)
class CorrectionUpdate:
    """CorrectionUpdate. One of 2 shapes: Accepted, Rejected."""

    status: NotGivenOr[CorrectionUpdateStatus | str] = attrs.field(
        default=NOT_GIVEN, validator=choice(CorrectionUpdateStatus)
    )

    correction: NotGivenOr[CorrectionUpdateCorrectionInput] = NOT_GIVEN

    def __attrs_post_init__(self) -> None:
        one_shape(
            self,
            {
                "Accepted": (
                    (
                        "correction",
                        "status",
                    ),
                    (),
                ),
                "Rejected": (("status",), ()),
            },
        )


@attrs.frozen(kw_only=True)
class OrganisationInput:
    """Organisation."""

    status: NotGivenOr[OrganisationStatus | str | None] = attrs.field(
        default=NOT_GIVEN, validator=choice(ClientStatus)
    )
    """A status can be set to signify a decision has been made by a team member on the outcome of
    the organisation's checks.
    """

    name: str = attrs.field(validator=[given(), length(None, 255)])
    """Organisation or company name The value is not formatted (e.g. title case), and appears as
    written.
    """

    company_number: NotGivenOr[str | None] = attrs.field(
        default=NOT_GIVEN, validator=length(None, 255)
    )
    """The company registration number or reference"""

    jurisdiction: NotGivenOr[OrganisationJurisdiction | str | None] = attrs.field(
        default=NOT_GIVEN, validator=choice(OrganisationJurisdiction)
    )
    """Required with `company_number`"""

    reference: NotGivenOr[str | None] = attrs.field(default=NOT_GIVEN, validator=length(None, 255))
    """An external reference or identifier to cross-reference with your system."""

    address: NotGivenOr[AddressInput | None] = NOT_GIVEN
    """The organisation's registered address."""

    incorporated_at: NotGivenOr[date | None] = NOT_GIVEN
    """Date the organisation was incorporated."""


@attrs.frozen(kw_only=True)
class RecordInput:
    """RecordInput. One of 2 shapes: Manual, Template."""

    client: int = attrs.field(validator=given())
    """Unique client identifier."""

    steps: NotGivenOr[list[RecordStepInput]] = attrs.field(
        default=NOT_GIVEN, validator=items(1, None)
    )
    """Steps to be completed by the client."""

    notification: NotGivenOr[RecordNotification | Literal[False] | str] = attrs.field(
        default=NOT_GIVEN, validator=choice(RecordTemplatePresetsNotification, False)
    )
    """Enable or disable a "New Request" notification to the client."""

    message: NotGivenOr[str | None] = attrs.field(default=NOT_GIVEN, validator=length(None, 5000))
    """Include a message for client."""

    reminder: NotGivenOr[bool] = NOT_GIVEN
    """Enable or disable email reminders."""

    is_declaration_required: NotGivenOr[bool] = NOT_GIVEN
    """Denotes the presence/absence of a team's custom declaration in a record. Available where
    feature enabled on team only.
    """

    template: NotGivenOr[int] = NOT_GIVEN
    """Create a record using an existing [record template ID](#operation/get-templates- records)."""

    assignees: NotGivenOr[bool] = NOT_GIVEN
    """Automatically assign team members defined in the record template to the new record."""

    def __attrs_post_init__(self) -> None:
        one_shape(
            self,
            {
                "Manual": (
                    (
                        "client",
                        "is_declaration_required",
                        "message",
                        "notification",
                        "reminder",
                        "steps",
                    ),
                    (
                        "client",
                        "notification",
                        "steps",
                    ),
                ),
                "Template": (
                    (
                        "assignees",
                        "client",
                        "template",
                    ),
                    (
                        "client",
                        "template",
                    ),
                ),
            },
        )


@attrs.frozen(kw_only=True)
class RecordUpdate:
    """RecordUpdate."""

    is_archived: NotGivenOr[bool] = NOT_GIVEN
    """Allows toggling of archived state"""

    is_reviewed: NotGivenOr[bool] = NOT_GIVEN
    """Allows toggling of reviewed state"""

    has_reminders: NotGivenOr[bool] = NOT_GIVEN
    """Allows toggling of reminder state"""

    expired_at: NotGivenOr[datetime | Literal[True]] = NOT_GIVEN
    """Allows for setting the date and time that the record will expire."""


@attrs.frozen(kw_only=True)
class WebhookInput:
    """Webhook."""

    url: str = attrs.field(validator=given())
    """The webhook delivery url."""

    events: list[WebhookSubscribeEvents | str] = attrs.field(
        validator=[given(), items(1, None), choice(WebhookSubscribeEvents)]
    )
    """The event or events this webhook is subscribed to. Supports wildcards; `*` all events,
    `client.*` all client events, etc.
    """

    is_enabled: NotGivenOr[bool] = NOT_GIVEN
    """Whether or not the webhook is currently enabled."""


@attrs.frozen(kw_only=True)
class WebhookUpdate:
    """Webhook."""

    url: NotGivenOr[str] = NOT_GIVEN
    """The webhook delivery url."""

    events: NotGivenOr[list[WebhookSubscribeEvents | str]] = attrs.field(
        default=NOT_GIVEN, validator=[items(1, None), choice(WebhookSubscribeEvents)]
    )
    """The event or events this webhook is subscribed to. Supports wildcards; `*` all events,
    `client.*` all client events, etc.
    """

    is_enabled: NotGivenOr[bool] = NOT_GIVEN
    """Whether or not the webhook is currently enabled."""


@attrs.frozen(kw_only=True)
class FormTemplateInput:
    """Form Template."""

    name: str = attrs.field(validator=[given(), length(None, 255)])

    description: NotGivenOr[str | None] = attrs.field(
        default=NOT_GIVEN, validator=length(None, 255)
    )

    instructions: NotGivenOr[RichTextDocumentInput | None] = NOT_GIVEN

    fields: list[FormTemplateFieldInput] = attrs.field(validator=[given(), items(2, 200)])
    """The first field must always be a Section. Any Fields not present in a Section are omitted."""

    is_enabled: NotGivenOr[bool] = NOT_GIVEN


@attrs.frozen(kw_only=True)
class FormTemplateUpdate:
    """Form Template."""

    name: NotGivenOr[str] = attrs.field(default=NOT_GIVEN, validator=length(None, 255))

    description: NotGivenOr[str | None] = attrs.field(
        default=NOT_GIVEN, validator=length(None, 255)
    )

    instructions: NotGivenOr[RichTextDocumentInput | None] = NOT_GIVEN

    fields: NotGivenOr[list[FormTemplateFieldInput]] = attrs.field(
        default=NOT_GIVEN, validator=items(2, 200)
    )
    """The first field must always be a Section. Any Fields not present in a Section are omitted."""

    is_enabled: NotGivenOr[bool] = NOT_GIVEN


@attrs.frozen(kw_only=True)
class StepsValidation:
    """StepsValidation."""

    steps: list[RecordStepInput] = attrs.field(validator=[given(), items(1, None)])


@attrs.frozen(kw_only=True)
class SdkTokenInput:
    """SDK Token."""

    record_id: NotGivenOr[int] = NOT_GIVEN
    """The SDK Token is scoped for this individual Record only."""


@attrs.frozen(kw_only=True)
class CaseInput:
    """CaseInput."""

    client: int = attrs.field(validator=given())
    """The unique client identifier."""

    name: str = attrs.field(validator=given())
    """The case name."""

    reference: NotGivenOr[str] = NOT_GIVEN
    """The case reference."""


@attrs.frozen(kw_only=True)
class CaseUpdate:
    """CaseUpdate."""

    name: NotGivenOr[str] = NOT_GIVEN
    """The case name."""

    reference: NotGivenOr[str | None] = NOT_GIVEN
    """The case reference."""

    is_archived: NotGivenOr[bool] = NOT_GIVEN
    """Allows toggling of archived state."""


@attrs.frozen(kw_only=True)
class CaseItemInput:
    """CaseItemInput."""

    id: int = attrs.field(validator=given())
    """The unique identifier of the item to be added to the case."""

    type: CaseItemType | str = attrs.field(validator=[given(), choice(CaseItemType)])
    """The type of item to be added to the case."""


@attrs.frozen(kw_only=True)
class CaseReviewInput:
    """Case Review."""

    status: NotGivenOr[CaseStatus | str] = attrs.field(
        default=NOT_GIVEN, validator=choice(CaseStatus)
    )


@attrs.frozen(kw_only=True)
class StepReviewInput:
    """StepReviewInput."""

    status: StepReviewStatus | str = attrs.field(validator=[given(), choice(StepReviewStatus)])

    message: NotGivenOr[str] = attrs.field(default=NOT_GIVEN, validator=length(1, 1000))
    """Required if `status: rejected`"""


@attrs.frozen(kw_only=True)
class NameInput:
    """Name."""

    title: NotGivenOr[NameTitle | str | None] = attrs.field(
        default=NOT_GIVEN, validator=choice(NameTitle)
    )

    other_title: NotGivenOr[str | None] = attrs.field(default=NOT_GIVEN, validator=length(None, 20))
    """Required if `title: "other"`"""

    first_name: NotGivenOr[str] = attrs.field(default=NOT_GIVEN, validator=length(None, 255))

    middle_name: NotGivenOr[str | None] = attrs.field(
        default=NOT_GIVEN, validator=length(None, 255)
    )

    last_name: NotGivenOr[str] = attrs.field(default=NOT_GIVEN, validator=length(None, 255))


@attrs.frozen(kw_only=True)
class CorrectionUpdateCorrectionInput:
    """CorrectionUpdateCorrectionInput."""

    first_name: NotGivenOr[str] = NOT_GIVEN

    middle_name: NotGivenOr[str | None] = NOT_GIVEN

    last_name: NotGivenOr[str] = NOT_GIVEN


@attrs.frozen(kw_only=True)
class RecordStepInput:
    """RecordStepInput. One of 16 shapes: TransUnion, Criminal record, Dummy, Thorntons
    Onboarding, HSCNI Access NI, TransUnion, NHS ESR, Photo ID, Employment referencing,
    Employment history, Banking information, Face capture, Watchlist, Document Request,
    Document Transfer, Form.
    """

    type: RecordStepType | str = attrs.field(validator=[given(), choice(RecordStepType)])

    preferences: NotGivenOr[RecordStepPreferencesInput | DocumentRequestSettingsInput] = NOT_GIVEN


@attrs.frozen(kw_only=True)
class RichTextDocumentInput:
    """TipTap Document."""

    type: str = attrs.field(validator=given())
    """Always ``'doc'``."""

    content: list[RichTextNodeInput] = attrs.field(validator=[given(), items(1, None)])


@attrs.frozen(kw_only=True)
class FormTemplateFieldInput:
    """FormTemplateFieldInput. One of 8 shapes: Section, Heading, Paragraph, Short Answer,
    Long Answer, Single Choice, Multiple Choice, Document.
    """

    id: str = attrs.field(validator=given())

    type: FormTemplateFieldType | str = attrs.field(validator=[given(), choice(FormFieldType)])

    label: NotGivenOr[ChoiceInput | str] = NOT_GIVEN

    fields: NotGivenOr[list[str]] = attrs.field(default=NOT_GIVEN, validator=items(1, None))
    """List of field IDs."""

    show_if: NotGivenOr[dict[str, str] | None] = NOT_GIVEN
    """An object keyed by the field ID of a **Single Choice** or **Multiple Choice** field and its
    desired value to activate this field. Cannot be used if this field is present in another
    field's `show_if` property.
    """

    json_content: NotGivenOr[RichTextDocumentInput] = NOT_GIVEN

    description: NotGivenOr[str | None] = NOT_GIVEN

    validation: NotGivenOr[list[FormTemplateFieldValidation | str] | None] = attrs.field(
        default=NOT_GIVEN, validator=choice(FormFieldValidation)
    )

    template_id: NotGivenOr[int] = NOT_GIVEN

    def __attrs_post_init__(self) -> None:
        one_shape(
            self,
            {
                "Section": (
                    (
                        "fields",
                        "id",
                        "label",
                        "type",
                    ),
                    (
                        "fields",
                        "id",
                        "label",
                        "type",
                    ),
                ),
                "Heading": (
                    (
                        "id",
                        "label",
                        "show_if",
                        "type",
                    ),
                    (
                        "id",
                        "label",
                        "type",
                    ),
                ),
                "Paragraph": (
                    (
                        "id",
                        "json_content",
                        "show_if",
                        "type",
                    ),
                    (
                        "id",
                        "json_content",
                        "type",
                    ),
                ),
                "Short Answer": (
                    (
                        "description",
                        "id",
                        "label",
                        "show_if",
                        "type",
                        "validation",
                    ),
                    (
                        "id",
                        "label",
                        "type",
                    ),
                ),
                "Long Answer": (
                    (
                        "description",
                        "id",
                        "label",
                        "show_if",
                        "type",
                        "validation",
                    ),
                    (
                        "id",
                        "label",
                        "type",
                    ),
                ),
                "Single Choice": (
                    (
                        "description",
                        "id",
                        "label",
                        "show_if",
                        "type",
                        "validation",
                    ),
                    (
                        "id",
                        "label",
                        "type",
                    ),
                ),
                "Multiple Choice": (
                    (
                        "description",
                        "id",
                        "label",
                        "show_if",
                        "type",
                        "validation",
                    ),
                    (
                        "id",
                        "label",
                        "type",
                    ),
                ),
                "Document": (
                    (
                        "description",
                        "id",
                        "label",
                        "show_if",
                        "template_id",
                        "type",
                        "validation",
                    ),
                    (
                        "id",
                        "type",
                    ),
                ),
            },
        )


@attrs.frozen(kw_only=True)
class RecordStepPreferencesInput:
    """RecordStepPreferencesInput. One of 2 shapes: Disclosure Scotland, untitled."""

    region: NotGivenOr[RecordStepPreferencesRegion | str] = attrs.field(
        default=NOT_GIVEN, validator=choice(RecordStepPreferencesRegion)
    )

    enable_payment: NotGivenOr[bool] = NOT_GIVEN
    """Require the person to pay for the processing of this check."""

    type: NotGivenOr[RecordStepPreferencesType | str] = attrs.field(
        default=NOT_GIVEN, validator=choice(RecordStepPreferencesType)
    )
    """Verifies exclusively through instant digital verification."""

    payment_amount: NotGivenOr[int | None] = NOT_GIVEN
    """The amount the person will pay for the processing of this check."""

    credit_cost: NotGivenOr[int | None] = NOT_GIVEN
    """The number of credits deducted to run this check."""

    cancel: NotGivenOr[bool] = NOT_GIVEN
    """Let this check be cancelled while in a `paused` state."""

    replay: NotGivenOr[bool] = NOT_GIVEN
    """Enable "re-submit" action when check has failed."""

    state: NotGivenOr[RecordStepPreferencesState | str] = attrs.field(
        default=NOT_GIVEN, validator=choice(RecordStepPreferencesState)
    )
    """Automatically set the check status without carrying out a request."""

    pin_number: NotGivenOr[str] = attrs.field(default=NOT_GIVEN, validator=length(6, 6))

    barring_adults: NotGivenOr[bool] = NOT_GIVEN
    """Include adult barring lists."""

    barring_children: NotGivenOr[bool] = NOT_GIVEN
    """Include child barring lists."""

    GMC: NotGivenOr[bool] = NOT_GIVEN
    """General Medical Council (GMC)"""

    NMC: NotGivenOr[bool] = NOT_GIVEN
    """Nursing and Midwifery Council (NMC)"""

    HCP: NotGivenOr[bool] = NOT_GIVEN
    """Health and Care Professions Council (HCPC)"""

    GDC: NotGivenOr[bool] = NOT_GIVEN
    """General Dental Council (GDC)"""

    GPC: NotGivenOr[bool] = NOT_GIVEN
    """General Pharmaceutical Council (GPhC or GPC)"""

    report_type: NotGivenOr[RecordStepPreferencesReportType | str] = attrs.field(
        default=NOT_GIVEN, validator=choice(RecordStepPreferencesReportType)
    )

    facial_similarity: NotGivenOr[bool] = NOT_GIVEN
    """Biometric analysis to verify document ownership, compared against a photo or motion video of
    the person performing the request.
    """

    live_document: NotGivenOr[bool] = NOT_GIVEN
    """Ask this person to take a photo of their document with a smartphone or tablet device."""

    docs: NotGivenOr[list[RecordStepPreferencesDocs | str]] = attrs.field(
        default=NOT_GIVEN,
        validator=[items(1, None), choice(RecordStepPreferencesDocs)],
    )

    issuing_countries: NotGivenOr[list[RecordStepPreferencesIssuingCountries | str] | None] = (
        attrs.field(default=NOT_GIVEN, validator=choice(RecordStepPreferencesIssuingCountries))
    )
    """Accept documents issued by only these countries."""

    right_to_work: NotGivenOr[RecordStepPreferencesRightToWork | str | None] = attrs.field(
        default=NOT_GIVEN, validator=choice(RecordStepPreferencesRightToWork)
    )
    """For right to work in the UK (`GBR`), the `docs` property must include a `passport`."""

    right_to_rent: NotGivenOr[RecordStepPreferencesRightToRent | str | None] = attrs.field(
        default=NOT_GIVEN, validator=choice(RecordStepPreferencesRightToWork)
    )
    """For right to rent in the UK (`GBR`), the `docs` property must include a `passport`."""

    allow_fallback: NotGivenOr[bool] = NOT_GIVEN
    """If the person does not have a passport with a working NFC chip, allow them to continue to
    verify their other ID document.
    """

    timeframe: NotGivenOr[int] = attrs.field(default=NOT_GIVEN, validator=between(1, 10))
    """The number of years of required activity history."""

    gap_threshold: NotGivenOr[int] = attrs.field(default=NOT_GIVEN, validator=between(7, 182))
    """Maximum number of days between activities before an explanation is required."""

    supporting_evidence: NotGivenOr[list[RecordStepPreferencesSupportingEvidence | str] | None] = (
        attrs.field(
            default=NOT_GIVEN,
            validator=[items(1, None), choice(RecordStepPreferencesSupportingEvidence)],
        )
    )
    """Activity types requiring supporting evidence."""

    verification_method: NotGivenOr[RecordStepPreferencesVerificationMethod | str | None] = (
        attrs.field(default=NOT_GIVEN, validator=choice(RecordStepPreferencesVerificationMethod))
    )
    """Controls the verification method used to confirm employment. When `null` or not set,
    defaults to manual references only.
    """

    review_references: NotGivenOr[bool] = NOT_GIVEN
    """Review reference details before they are sent to referees."""

    referee_form: NotGivenOr[str | None] = NOT_GIVEN
    """Add a form reference UUID to include a form to collect more details from referees."""

    years: NotGivenOr[int] = attrs.field(default=NOT_GIVEN, validator=between(1, 10))
    """Length of employment history."""

    balance: NotGivenOr[bool] = NOT_GIVEN
    """Include balances for each connected account."""

    transactions: NotGivenOr[Any | Literal[False]] = NOT_GIVEN

    custom_form_template_id: NotGivenOr[int] = NOT_GIVEN
    """Collect custom form answers as part of this check before connecting accounts."""

    silent: NotGivenOr[bool] = NOT_GIVEN
    """When `false` this person will be asked to confirm their details and agree before the check
    is run, otherwise they will not be notified. If this check is used in a request with other
    check types then this setting will be ignored as all other checks require details
    confirmation.
    """

    monitor: NotGivenOr[Any | Literal[False]] = NOT_GIVEN
    """Continually monitor changes to the check results for one or three years."""

    search_profile: NotGivenOr[SearchProfile | str] = attrs.field(
        default=NOT_GIVEN, validator=choice(SearchProfile)
    )
    """Specifies the search profile to use for the watchlist check."""

    all_entity_types: NotGivenOr[bool] = NOT_GIVEN
    """Include results for organisations, vessels, aircraft and other non-individual entities. This
    will broaden the search and may return more results.
    """

    template: NotGivenOr[int] = NOT_GIVEN

    name: NotGivenOr[str] = NOT_GIVEN

    attachment: NotGivenOr[int] = NOT_GIVEN

    require_return: NotGivenOr[bool] = NOT_GIVEN

    require_confirmation: NotGivenOr[bool] = NOT_GIVEN

    instructions: NotGivenOr[str | None] = NOT_GIVEN

    return_message: NotGivenOr[str | None] = NOT_GIVEN
    """Required if `require_return: true`"""

    form: NotGivenOr[str] = NOT_GIVEN
    """Form template reference"""

    def __attrs_post_init__(self) -> None:
        one_shape(
            self,
            {
                "Disclosure Scotland": (
                    (
                        "GDC",
                        "GMC",
                        "GPC",
                        "HCP",
                        "NMC",
                        "all_entity_types",
                        "allow_fallback",
                        "attachment",
                        "balance",
                        "barring_adults",
                        "barring_children",
                        "cancel",
                        "credit_cost",
                        "custom_form_template_id",
                        "docs",
                        "enable_payment",
                        "face",
                        "facial_similarity",
                        "free_volunteer",
                        "gap_threshold",
                        "instructions",
                        "issuing_countries",
                        "live_document",
                        "liveness",
                        "monitor",
                        "name",
                        "payment_amount",
                        "pin_number",
                        "referee_form",
                        "region",
                        "replay",
                        "report_type",
                        "require_confirmation",
                        "require_return",
                        "return_message",
                        "review_references",
                        "right_to_rent",
                        "right_to_work",
                        "search_profile",
                        "silent",
                        "state",
                        "supporting_evidence",
                        "template",
                        "timeframe",
                        "transactions",
                        "type",
                        "verification_method",
                        "years",
                    ),
                    (),
                ),
                "variant": (("form",), ("form",)),
            },
        )


@attrs.frozen(kw_only=True)
class DocumentRequestSettingsInput:
    """DocumentRequestSettingsInput."""

    title: str = attrs.field(validator=given())

    instructions: str = attrs.field(validator=given())


@attrs.frozen(kw_only=True)
class RichTextNodeInput:
    """RichTextNodeInput. One of 3 shapes: TipTap Paragraph, TipTap Bullet List, TipTap
    Ordered List.
    """

    type: RichTextNodeType | str = attrs.field(validator=[given(), choice(RichTextNodeType)])

    content: list[RichTextInput | RichTextListItemInput] = attrs.field(
        validator=[given(), items(1, None)]
    )

    attrs_: NotGivenOr[RichTextNodeAttrsInput] = attrs.field(
        default=NOT_GIVEN, metadata=wire("attrs")
    )

    def __attrs_post_init__(self) -> None:
        one_shape(
            self,
            {
                "TipTap Paragraph": (
                    (
                        "content",
                        "type",
                    ),
                    (
                        "content",
                        "type",
                    ),
                ),
                "TipTap Bullet List": (
                    (
                        "content",
                        "type",
                    ),
                    (
                        "content",
                        "type",
                    ),
                ),
                "TipTap Ordered List": (
                    (
                        "attrs_",
                        "content",
                        "type",
                    ),
                    (
                        "attrs_",
                        "content",
                        "type",
                    ),
                ),
            },
        )


@attrs.frozen(kw_only=True)
class ChoiceInput:
    """Choice."""

    value: str = attrs.field(validator=given())

    options: list[str] = attrs.field(validator=[given(), items(2, None)])


@attrs.frozen(kw_only=True)
class RichTextInput:
    """RichTextInput. One of 2 shapes: Plain Text, Marked Text."""

    type: RichTextType | str = attrs.field(validator=[given(), choice(RichTextType)])

    text: str = attrs.field(validator=given())

    marks: NotGivenOr[list[RichTextMarksInput]] = attrs.field(
        default=NOT_GIVEN, validator=items(1, None)
    )

    def __attrs_post_init__(self) -> None:
        one_shape(
            self,
            {
                "Plain Text": (
                    (
                        "text",
                        "type",
                    ),
                    (
                        "text",
                        "type",
                    ),
                ),
                "Marked Text": (
                    (
                        "marks",
                        "text",
                        "type",
                    ),
                    (
                        "marks",
                        "text",
                        "type",
                    ),
                ),
            },
        )


@attrs.frozen(kw_only=True)
class RichTextListItemInput:
    """TipTap List Item."""

    type: NotGivenOr[str] = NOT_GIVEN
    """Always ``'listItem'``."""

    content: NotGivenOr[list[RichTextNodeInput]] = attrs.field(
        default=NOT_GIVEN, validator=items(1, None)
    )


@attrs.frozen(kw_only=True)
class RichTextNodeAttrsInput:
    """RichTextNodeAttrsInput."""

    start: int = attrs.field(validator=given())


@attrs.frozen(kw_only=True)
class RichTextMarksInput:
    """RichTextMarksInput. One of 2 shapes: Bold, Link."""

    type: RichTextMarksType | str = attrs.field(validator=[given(), choice(RichTextMarksType)])

    attrs_: NotGivenOr[RichTextMarksAttrsInput] = attrs.field(
        default=NOT_GIVEN, metadata=wire("attrs")
    )

    def __attrs_post_init__(self) -> None:
        one_shape(
            self,
            {
                "Bold": (("type",), ("type",)),
                "Link": (
                    (
                        "attrs_",
                        "type",
                    ),
                    (
                        "attrs_",
                        "type",
                    ),
                ),
            },
        )


@attrs.frozen(kw_only=True)
class RichTextMarksAttrsInput:
    """RichTextMarksAttrsInput."""

    href: str = attrs.field(validator=given())

    target: str = attrs.field(validator=given())

    class_: NotGivenOr[str | None] = attrs.field(default=NOT_GIVEN, metadata=wire("class"))

"""Checks and their reports (breakdowns, document data, media)

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

import attrs

from common.models import Model

from .enums import (
    BreakdownResultResult,
    CheckResponseObject,
    CheckResponseResult,
    CheckResponseStatus,
    CheckStatus,
    CheckType,
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
    SubBreakdownResultResult,
)

__all__ = [
    "BreakdownResult",
    "Check",
    "CheckResponse",
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
    "SubBreakdownResult",
]


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


# The answer modules refer to one another (a record's steps hold checks and forms, a
# check names its record), so each imports the others after its own classes: the
# annotations are only read when a model is first structured.
# ruff: noqa: E402
from .files import Attachment
from .records import Record

"""The spec's enumerations (unknown future values stay plain strings)

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

import enum

__all__ = [
    "AddressCountry",
    "AttachmentAvStatus",
    "AvailableStepObject",
    "AvailableStepType",
    "BreakdownResultResult",
    "CaseAssigneeType",
    "CaseItemType",
    "CaseStatus",
    "CheckResponseObject",
    "CheckResponseResult",
    "CheckResponseStatus",
    "CheckStatus",
    "CheckType",
    "ClientCorrectionStatus",
    "ClientFileCreatedByType",
    "ClientFileSourceType",
    "ClientFileType",
    "ClientFormType",
    "ClientStatus",
    "CorrectionUpdateStatus",
    "CreditHistoryCauserType",
    "FileCreatedByType",
    "FileSourceType",
    "FileType",
    "FormFieldType",
    "FormFieldValidation",
    "FormTemplateFieldType",
    "FormTemplateFieldValidation",
    "FormType",
    "NameTitle",
    "OrganisationJurisdiction",
    "OrganisationStatus",
    "RecordDocumentSourceType",
    "RecordDocumentStatus",
    "RecordDocumentType",
    "RecordNotification",
    "RecordStatus",
    "RecordStepObject",
    "RecordStepPreferencesDocs",
    "RecordStepPreferencesIssuingCountries",
    "RecordStepPreferencesRegion",
    "RecordStepPreferencesReportType",
    "RecordStepPreferencesRightToRent",
    "RecordStepPreferencesRightToWork",
    "RecordStepPreferencesState",
    "RecordStepPreferencesSupportingEvidence",
    "RecordStepPreferencesType",
    "RecordStepPreferencesVerificationMethod",
    "RecordStepType",
    "RecordTemplatePresetsNotification",
    "RecordTemplatePresetsStepsObject",
    "RecordTemplatePresetsStepsPreferencesDocs",
    "RecordTemplatePresetsStepsPreferencesIssuingCountries",
    "RecordTemplatePresetsStepsPreferencesRegion",
    "RecordTemplatePresetsStepsPreferencesReportType",
    "RecordTemplatePresetsStepsPreferencesRightToRent",
    "RecordTemplatePresetsStepsPreferencesRightToWork",
    "RecordTemplatePresetsStepsPreferencesState",
    "RecordTemplatePresetsStepsPreferencesSupportingEvidence",
    "RecordTemplatePresetsStepsPreferencesType",
    "RecordTemplatePresetsStepsPreferencesVerificationMethod",
    "RecordTemplatePresetsStepsType",
    "ReportBreakdownAgeValidationResult",
    "ReportBreakdownCompromisedDocumentResult",
    "ReportBreakdownDataComparisonResult",
    "ReportBreakdownDataConsistencyResult",
    "ReportBreakdownDataValidationResult",
    "ReportBreakdownFaceComparisonBreakdownFaceMatchResult",
    "ReportBreakdownFaceComparisonResult",
    "ReportBreakdownImageIntegrityBreakdownColourPictureResult",
    "ReportBreakdownImageIntegrityBreakdownConclusiveDocumentQualityResult",
    "ReportBreakdownImageIntegrityBreakdownImageQualityResult",
    "ReportBreakdownImageIntegrityBreakdownSupportedDocumentResult",
    "ReportBreakdownImageIntegrityResult",
    "ReportBreakdownIssuingAuthorityResult",
    "ReportBreakdownVisualAuthenticityBreakdownOriginalDocumentPresentResult",
    "ReportBreakdownVisualAuthenticityBreakdownSpoofingDetectionResult",
    "ReportBreakdownVisualAuthenticityResult",
    "ReportDocumentDataDocumentNumbersType",
    "ReportDocumentDataDocumentType",
    "ReportDocumentDataGender",
    "ReportDocumentDataNfcDocumentType",
    "ReportDocumentDataNfcGender",
    "ReportMediaDocumentType",
    "ReportMediaSide",
    "ReportMediaType",
    "ReportResult",
    "ReportStatus",
    "ReportType",
    "RichTextMarksType",
    "RichTextNodeType",
    "RichTextType",
    "SearchProfile",
    "StepReviewStatus",
    "StepTypes",
    "SubBreakdownResultResult",
    "TeamMemberRole",
    "WebhookDeliveryEvents",
    "WebhookSubscribeEvents",
]


class AddressCountry(str, enum.Enum):
    AF = "AF"
    AX = "AX"
    AL = "AL"
    DZ = "DZ"
    AS = "AS"
    AD = "AD"
    AO = "AO"
    AI = "AI"
    AG = "AG"
    AR = "AR"
    AM = "AM"
    AW = "AW"
    AU = "AU"
    AT = "AT"
    AZ = "AZ"
    BS = "BS"
    BH = "BH"
    BD = "BD"
    BB = "BB"
    BY = "BY"
    BE = "BE"
    BZ = "BZ"
    BJ = "BJ"
    BM = "BM"
    BT = "BT"
    BO = "BO"
    BA = "BA"
    BW = "BW"
    BV = "BV"
    BR = "BR"
    IO = "IO"
    BN = "BN"
    BG = "BG"
    BF = "BF"
    BI = "BI"
    KH = "KH"
    CA = "CA"
    CV = "CV"
    KY = "KY"
    CF = "CF"
    TD = "TD"
    CL = "CL"
    CN = "CN"
    CX = "CX"
    CC = "CC"
    CO = "CO"
    KM = "KM"
    CG = "CG"
    CD = "CD"
    CK = "CK"
    CR = "CR"
    HR = "HR"
    CU = "CU"
    CW = "CW"
    CY = "CY"
    CZ = "CZ"
    CI = "CI"
    DK = "DK"
    DJ = "DJ"
    DM = "DM"
    DO = "DO"
    EC = "EC"
    EG = "EG"
    SV = "SV"
    GQ = "GQ"
    ER = "ER"
    EE = "EE"
    ET = "ET"
    FK = "FK"
    FO = "FO"
    FJ = "FJ"
    FI = "FI"
    FR = "FR"
    GF = "GF"
    PF = "PF"
    TF = "TF"
    GA = "GA"
    GM = "GM"
    GE = "GE"
    DE = "DE"
    GH = "GH"
    GI = "GI"
    GR = "GR"
    GL = "GL"
    GD = "GD"
    GP = "GP"
    GU = "GU"
    GT = "GT"
    GG = "GG"
    GN = "GN"
    GW = "GW"
    GY = "GY"
    HT = "HT"
    HM = "HM"
    VA = "VA"
    HN = "HN"
    HK = "HK"
    HU = "HU"
    IS = "IS"
    IN = "IN"
    ID = "ID"
    IR = "IR"
    IQ = "IQ"
    IE = "IE"
    IM = "IM"
    IL = "IL"
    IT = "IT"
    JM = "JM"
    JP = "JP"
    JE = "JE"
    JO = "JO"
    KZ = "KZ"
    KE = "KE"
    KI = "KI"
    KP = "KP"
    XK = "XK"
    KW = "KW"
    KG = "KG"
    LA = "LA"
    LV = "LV"
    LB = "LB"
    LS = "LS"
    LR = "LR"
    LY = "LY"
    LI = "LI"
    LT = "LT"
    LU = "LU"
    MO = "MO"
    MK = "MK"
    MG = "MG"
    MW = "MW"
    MY = "MY"
    MV = "MV"
    ML = "ML"
    MT = "MT"
    MH = "MH"
    MQ = "MQ"
    MR = "MR"
    MU = "MU"
    YT = "YT"
    MX = "MX"
    FM = "FM"
    MD = "MD"
    MC = "MC"
    MN = "MN"
    ME = "ME"
    MS = "MS"
    MA = "MA"
    MZ = "MZ"
    MM = "MM"
    NA = "NA"
    NR = "NR"
    NP = "NP"
    NL = "NL"
    AN = "AN"
    NC = "NC"
    NZ = "NZ"
    NI = "NI"
    NE = "NE"
    NG = "NG"
    NU = "NU"
    NF = "NF"
    MP = "MP"
    NO = "NO"
    OM = "OM"
    PK = "PK"
    PS = "PS"
    PW = "PW"
    PA = "PA"
    PG = "PG"
    PY = "PY"
    PE = "PE"
    PH = "PH"
    PN = "PN"
    PL = "PL"
    PT = "PT"
    PR = "PR"
    QA = "QA"
    CM = "CM"
    RE = "RE"
    RO = "RO"
    RU = "RU"
    RW = "RW"
    BL = "BL"
    SH = "SH"
    KN = "KN"
    LC = "LC"
    MF = "MF"
    PM = "PM"
    WS = "WS"
    SM = "SM"
    ST = "ST"
    SA = "SA"
    SN = "SN"
    RS = "RS"
    SC = "SC"
    SL = "SL"
    SG = "SG"
    SX = "SX"
    SK = "SK"
    SI = "SI"
    SB = "SB"
    SO = "SO"
    ZA = "ZA"
    GS = "GS"
    KR = "KR"
    SS = "SS"
    ES = "ES"
    LK = "LK"
    VC = "VC"
    SD = "SD"
    SR = "SR"
    SJ = "SJ"
    SZ = "SZ"
    SE = "SE"
    CH = "CH"
    SY = "SY"
    TW = "TW"
    TJ = "TJ"
    TZ = "TZ"
    TH = "TH"
    TL = "TL"
    TG = "TG"
    TK = "TK"
    TO = "TO"
    TT = "TT"
    TN = "TN"
    TR = "TR"
    TM = "TM"
    TC = "TC"
    TV = "TV"
    UG = "UG"
    UA = "UA"
    AE = "AE"
    GB = "GB"
    US = "US"
    UM = "UM"
    UY = "UY"
    UZ = "UZ"
    VU = "VU"
    VE = "VE"
    VN = "VN"
    VG = "VG"
    VI = "VI"
    WF = "WF"
    EH = "EH"
    YE = "YE"
    YU = "YU"
    ZM = "ZM"
    ZW = "ZW"

    def __str__(self) -> str:
        return str(self.value)


class AttachmentAvStatus(str, enum.Enum):
    PENDING = "pending"
    CLEAN = "clean"
    INFECTED = "infected"
    ERROR = "error"
    UNSUPPORTED = "unsupported"

    def __str__(self) -> str:
        return str(self.value)


class AvailableStepObject(str, enum.Enum):
    AVAILABLE_STEP = "available_step"

    def __str__(self) -> str:
        return str(self.value)


class AvailableStepType(str, enum.Enum):
    CHECK_CREDIT = "check.credit"
    CHECK_CRIMINAL_RECORD = "check.criminal_record"
    CHECK_DUMMY = "check.dummy"
    CHECK_THORNTONS_ONBOARDING = "check.thorntons_onboarding"
    CHECK_HSCNI_ACCESS_NI = "check.hscni_access_ni"
    CHECK_IDENTITY = "check.identity"
    CHECK_NHS_ESR = "check.nhs_esr"
    CHECK_PHOTO_ID = "check.photo_id"
    CHECK_EMPLOYMENT_REFERENCING = "check.employment_referencing"
    CHECK_REFERENCE = "check.reference"
    CHECK_BANKING_INFORMATION = "check.banking_information"
    CHECK_VIDEO = "check.video"
    CHECK_WATCHLIST = "check.watchlist"
    DOCUMENT_REQUEST = "document.request"
    DOCUMENT_TRANSFER = "document.transfer"
    FORM = "form"

    def __str__(self) -> str:
        return str(self.value)


class BreakdownResultResult(str, enum.Enum):
    CLEAR = "clear"
    CONSIDER = "consider"

    def __str__(self) -> str:
        return str(self.value)


class CaseAssigneeType(str, enum.Enum):
    TEAM_MEMBER = "team_member"

    def __str__(self) -> str:
        return str(self.value)


class CaseItemType(str, enum.Enum):
    RECORD = "record"

    def __str__(self) -> str:
        return str(self.value)


class CaseStatus(str, enum.Enum):
    PENDING = "pending"
    AWAITING_RESPONSE = "awaiting_response"
    ACTION_REQUIRED = "action_required"
    REVIEWED_PENDING_DECISION = "reviewed_pending_decision"
    APPROVED = "approved"
    REJECTED = "rejected"
    ON_HOLD = "on_hold"

    def __str__(self) -> str:
        return str(self.value)


class CheckResponseObject(str, enum.Enum):
    CHECK_RESPONSE_OTHER = "check_response.other"
    CHECK_RESPONSE_PHOTO_ID = "check_response.photo_id"

    def __str__(self) -> str:
        return str(self.value)


class CheckResponseResult(str, enum.Enum):
    CLEAR = "clear"
    CONSIDER = "consider"

    def __str__(self) -> str:
        return str(self.value)


class CheckResponseStatus(str, enum.Enum):
    PROCESSING = "processing"
    COMPLETE = "complete"

    def __str__(self) -> str:
        return str(self.value)


class CheckStatus(str, enum.Enum):
    PENDING = "pending"
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    REFER = "refer"
    FAILED = "failed"
    PAUSED = "paused"

    def __str__(self) -> str:
        return str(self.value)


class CheckType(str, enum.Enum):
    BANKING_INFORMATION = "banking_information"
    CREDIT = "credit"
    CRIMINAL_RECORD = "criminal_record"
    DUMMY = "dummy"
    HSCNI_ACCESS_NI = "hscni_access_ni"
    IDENTITY = "identity"
    NHS_ESR = "nhs_esr"
    PHOTO_ID = "photo_id"
    REFERENCE = "reference"
    THORNTONS_ONBOARDING = "thorntons_onboarding"
    VIDEO = "video"

    def __str__(self) -> str:
        return str(self.value)


class ClientCorrectionStatus(str, enum.Enum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)


class ClientFileCreatedByType(str, enum.Enum):
    CLIENT = "client"
    TEAM_MEMBER = "team_member"

    def __str__(self) -> str:
        return str(self.value)


class ClientFileSourceType(str, enum.Enum):
    CHECK = "check"
    CLIENT = "client"
    CLIENT_FORM = "client_form"
    CLIENT_DOCUMENT = "client_document"
    RECORD_DOCUMENT = "record_document"

    def __str__(self) -> str:
        return str(self.value)


class ClientFileType(str, enum.Enum):
    INTERNAL = "internal"
    SENT = "sent"
    RECEIVED = "received"

    def __str__(self) -> str:
        return str(self.value)


class ClientFormType(str, enum.Enum):
    INTERNAL = "internal"
    REQUESTED = "requested"

    def __str__(self) -> str:
        return str(self.value)


class ClientStatus(str, enum.Enum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)


class CorrectionUpdateStatus(str, enum.Enum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)


class CreditHistoryCauserType(str, enum.Enum):
    USER = "user"
    CHECK = "check"

    def __str__(self) -> str:
        return str(self.value)


class FileCreatedByType(str, enum.Enum):
    CLIENT = "client"
    TEAM_MEMBER = "team_member"

    def __str__(self) -> str:
        return str(self.value)


class FileSourceType(str, enum.Enum):
    CHECK = "check"
    CLIENT = "client"
    CLIENT_FORM = "client_form"
    CLIENT_DOCUMENT = "client_document"
    RECORD_DOCUMENT = "record_document"

    def __str__(self) -> str:
        return str(self.value)


class FileType(str, enum.Enum):
    INTERNAL = "internal"
    SENT = "sent"
    RECEIVED = "received"

    def __str__(self) -> str:
        return str(self.value)


class FormFieldType(str, enum.Enum):
    SECTION = "section"
    HEADING = "heading"
    RICH_TEXT = "rich_text"
    TEXT = "text"
    TEXTAREA = "textarea"
    RADIO = "radio"
    CHECKBOX = "checkbox"
    DOCUMENT = "document"

    def __str__(self) -> str:
        return str(self.value)


class FormFieldValidation(str, enum.Enum):
    REQUIRED = "required"

    def __str__(self) -> str:
        return str(self.value)


class FormTemplateFieldType(str, enum.Enum):
    SECTION = "section"
    HEADING = "heading"
    RICH_TEXT = "rich_text"
    TEXT = "text"
    TEXTAREA = "textarea"
    RADIO = "radio"
    CHECKBOX = "checkbox"
    DOCUMENT = "document"

    def __str__(self) -> str:
        return str(self.value)


class FormTemplateFieldValidation(str, enum.Enum):
    REQUIRED = "required"

    def __str__(self) -> str:
        return str(self.value)


class FormType(str, enum.Enum):
    INTERNAL = "internal"
    REQUESTED = "requested"

    def __str__(self) -> str:
        return str(self.value)


class NameTitle(str, enum.Enum):
    MISS = "miss"
    MS = "ms"
    MRS = "mrs"
    MR = "mr"
    DR = "dr"
    SIR = "sir"
    MASTER = "master"
    MX = "mx"
    DAME = "dame"
    LORD = "lord"
    LADY = "lady"
    PROF = "prof"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)


class OrganisationJurisdiction(str, enum.Enum):
    AE_AZ = "ae_az"
    US_AL = "us_al"
    US_AK = "us_ak"
    AL = "al"
    US_AZ = "us_az"
    US_AR = "us_ar"
    AW = "aw"
    AU = "au"
    BS = "bs"
    BH = "bh"
    BD = "bd"
    BB = "bb"
    BY = "by"
    BE = "be"
    BZ = "bz"
    BM = "bm"
    BO = "bo"
    BR = "br"
    BG = "bg"
    US_CA = "us_ca"
    KH = "kh"
    CA = "ca"
    US_CO = "us_co"
    US_CT = "us_ct"
    HR = "hr"
    CW = "cw"
    CY = "cy"
    US_DE = "us_de"
    DK = "dk"
    US_DC = "us_dc"
    DO = "do"
    AE_DU = "ae_du"
    FI = "fi"
    US_FL = "us_fl"
    FR = "fr"
    GF = "gf"
    US_GA = "us_ga"
    DE = "de"
    GI = "gi"
    GR = "gr"
    GL = "gl"
    GP = "gp"
    GG = "gg"
    US_HI = "us_hi"
    HK = "hk"
    IS = "is"
    US_ID = "us_id"
    IN = "in"
    US_IN = "us_in"
    US_IA = "us_ia"
    IR = "ir"
    IE = "ie"
    IM = "im"
    IL = "il"
    JM = "jm"
    JP = "jp"
    JE = "je"
    US_KS = "us_ks"
    US_KY = "us_ky"
    LV = "lv"
    LI = "li"
    US_LA = "us_la"
    LU = "lu"
    US_ME = "us_me"
    MY = "my"
    MT = "mt"
    MQ = "mq"
    US_MD = "us_md"
    US_MA = "us_ma"
    MU = "mu"
    YT = "yt"
    MX = "mx"
    US_MI = "us_mi"
    US_MN = "us_mn"
    US_MS = "us_ms"
    US_MO = "us_mo"
    MD = "md"
    US_MT = "us_mt"
    ME = "me"
    MM = "mm"
    US_NE = "us_ne"
    NL = "nl"
    US_NV = "us_nv"
    CA_NB = "ca_nb"
    US_NH = "us_nh"
    US_NJ = "us_nj"
    US_NM = "us_nm"
    US_NY = "us_ny"
    NZ = "nz"
    CA_NL = "ca_nl"
    US_NC = "us_nc"
    US_ND = "us_nd"
    NO = "no"
    CA_NS = "ca_ns"
    US_OH = "us_oh"
    US_OK = "us_ok"
    US_OR = "us_or"
    PK = "pk"
    PA = "pa"
    US_PA = "us_pa"
    PL = "pl"
    CA_PE = "ca_pe"
    PR = "pr"
    CA_QC = "ca_qc"
    US_RI = "us_ri"
    RO = "ro"
    RW = "rw"
    RE = "re"
    BL = "bl"
    MF = "mf"
    PM = "pm"
    SG = "sg"
    SK = "sk"
    SI = "si"
    ZA = "za"
    US_SC = "us_sc"
    US_SD = "us_sd"
    ES = "es"
    SE = "se"
    CH = "ch"
    TJ = "tj"
    TZ = "tz"
    US_TN = "us_tn"
    US_TX = "us_tx"
    TH = "th"
    TO = "to"
    TN = "tn"
    UG = "ug"
    UA = "ua"
    GB = "gb"
    US_UT = "us_ut"
    VU = "vu"
    US_VT = "us_vt"
    VN = "vn"
    US_VA = "us_va"
    US_WA = "us_wa"
    US_WV = "us_wv"
    US_WI = "us_wi"
    US_WY = "us_wy"

    def __str__(self) -> str:
        return str(self.value)


class OrganisationStatus(str, enum.Enum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)


class RecordDocumentSourceType(str, enum.Enum):
    RECORD = "record"
    RECORD_DOCUMENT = "record_document"

    def __str__(self) -> str:
        return str(self.value)


class RecordDocumentStatus(str, enum.Enum):
    PENDING = "pending"
    COMPLETE = "complete"

    def __str__(self) -> str:
        return str(self.value)


class RecordDocumentType(str, enum.Enum):
    REQUESTED = "requested"
    SENT = "sent"
    RETURNED = "returned"

    def __str__(self) -> str:
        return str(self.value)


class RecordNotification(str, enum.Enum):
    EMAIL = "email"

    def __str__(self) -> str:
        return str(self.value)


class RecordStatus(str, enum.Enum):
    PENDING = "pending"
    STARTED = "started"
    COMPLETE = "complete"
    INCOMPLETE = "incomplete"
    WAITING = "waiting"
    FAILED = "failed"
    EMPTY = "empty"
    PAUSED = "paused"
    AMENDMENTS = "amendments"
    REVIEWED = "reviewed"

    def __str__(self) -> str:
        return str(self.value)


class RecordStepObject(str, enum.Enum):
    STEP = "step"

    def __str__(self) -> str:
        return str(self.value)


class RecordStepPreferencesDocs(str, enum.Enum):
    PASSPORT = "passport"
    DRIVING_LICENCE = "driving_licence"
    NATIONAL_ID = "national_id"

    def __str__(self) -> str:
        return str(self.value)


class RecordStepPreferencesIssuingCountries(str, enum.Enum):
    GBR = "GBR"
    IRL = "IRL"

    def __str__(self) -> str:
        return str(self.value)


class RecordStepPreferencesRegion(str, enum.Enum):
    SCOTLAND = "scotland"
    ENGLAND = "england"

    def __str__(self) -> str:
        return str(self.value)


class RecordStepPreferencesReportType(str, enum.Enum):
    STANDARD = "standard"
    BIOMETRIC = "biometric"

    def __str__(self) -> str:
        return str(self.value)


class RecordStepPreferencesRightToRent(str, enum.Enum):
    GBR = "GBR"

    def __str__(self) -> str:
        return str(self.value)


class RecordStepPreferencesRightToWork(str, enum.Enum):
    GBR = "GBR"

    def __str__(self) -> str:
        return str(self.value)


class RecordStepPreferencesState(str, enum.Enum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    REFER = "refer"
    FAILED = "failed"
    PAUSED = "paused"

    def __str__(self) -> str:
        return str(self.value)


class RecordStepPreferencesSupportingEvidence(str, enum.Enum):
    EMPLOYMENT = "employment"
    SELF_EMPLOYMENT = "self_employment"
    EDUCATION = "education"
    GAP = "gap"

    def __str__(self) -> str:
        return str(self.value)


class RecordStepPreferencesType(str, enum.Enum):
    BASIC = "basic"
    STANDARD = "standard"
    ENHANCED = "enhanced"
    ENHANCED_BARRING = "enhanced_barring"
    AUTOMATED_REFERENCES = "automated_references"
    INSTANT_VERIFICATION = "instant_verification"

    def __str__(self) -> str:
        return str(self.value)


class RecordStepPreferencesVerificationMethod(str, enum.Enum):
    INSTANT_AND_MANUAL = "instant_and_manual"

    def __str__(self) -> str:
        return str(self.value)


class RecordStepType(str, enum.Enum):
    CHECK_CREDIT = "check.credit"
    CHECK_CRIMINAL_RECORD = "check.criminal_record"
    CHECK_DUMMY = "check.dummy"
    CHECK_THORNTONS_ONBOARDING = "check.thorntons_onboarding"
    CHECK_HSCNI_ACCESS_NI = "check.hscni_access_ni"
    CHECK_IDENTITY = "check.identity"
    CHECK_NHS_ESR = "check.nhs_esr"
    CHECK_PHOTO_ID = "check.photo_id"
    CHECK_EMPLOYMENT_REFERENCING = "check.employment_referencing"
    CHECK_REFERENCE = "check.reference"
    CHECK_BANKING_INFORMATION = "check.banking_information"
    CHECK_VIDEO = "check.video"
    CHECK_WATCHLIST = "check.watchlist"
    DOCUMENT_REQUEST = "document.request"
    DOCUMENT_TRANSFER = "document.transfer"
    FORM = "form"

    def __str__(self) -> str:
        return str(self.value)


class RecordTemplatePresetsNotification(str, enum.Enum):
    EMAIL = "email"

    def __str__(self) -> str:
        return str(self.value)


class RecordTemplatePresetsStepsObject(str, enum.Enum):
    PRESET_STEP = "preset_step"

    def __str__(self) -> str:
        return str(self.value)


class RecordTemplatePresetsStepsPreferencesDocs(str, enum.Enum):
    PASSPORT = "passport"
    DRIVING_LICENCE = "driving_licence"
    NATIONAL_ID = "national_id"

    def __str__(self) -> str:
        return str(self.value)


class RecordTemplatePresetsStepsPreferencesIssuingCountries(str, enum.Enum):
    GBR = "GBR"
    IRL = "IRL"

    def __str__(self) -> str:
        return str(self.value)


class RecordTemplatePresetsStepsPreferencesRegion(str, enum.Enum):
    SCOTLAND = "scotland"
    ENGLAND = "england"

    def __str__(self) -> str:
        return str(self.value)


class RecordTemplatePresetsStepsPreferencesReportType(str, enum.Enum):
    STANDARD = "standard"
    BIOMETRIC = "biometric"

    def __str__(self) -> str:
        return str(self.value)


class RecordTemplatePresetsStepsPreferencesRightToRent(str, enum.Enum):
    GBR = "GBR"

    def __str__(self) -> str:
        return str(self.value)


class RecordTemplatePresetsStepsPreferencesRightToWork(str, enum.Enum):
    GBR = "GBR"

    def __str__(self) -> str:
        return str(self.value)


class RecordTemplatePresetsStepsPreferencesState(str, enum.Enum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    REFER = "refer"
    FAILED = "failed"
    PAUSED = "paused"

    def __str__(self) -> str:
        return str(self.value)


class RecordTemplatePresetsStepsPreferencesSupportingEvidence(str, enum.Enum):
    EMPLOYMENT = "employment"
    SELF_EMPLOYMENT = "self_employment"
    EDUCATION = "education"
    GAP = "gap"

    def __str__(self) -> str:
        return str(self.value)


class RecordTemplatePresetsStepsPreferencesType(str, enum.Enum):
    BASIC = "basic"
    STANDARD = "standard"
    ENHANCED = "enhanced"
    ENHANCED_BARRING = "enhanced_barring"
    AUTOMATED_REFERENCES = "automated_references"
    INSTANT_VERIFICATION = "instant_verification"

    def __str__(self) -> str:
        return str(self.value)


class RecordTemplatePresetsStepsPreferencesVerificationMethod(str, enum.Enum):
    INSTANT_AND_MANUAL = "instant_and_manual"

    def __str__(self) -> str:
        return str(self.value)


class RecordTemplatePresetsStepsType(str, enum.Enum):
    CHECK_CREDIT = "check.credit"
    CHECK_CRIMINAL_RECORD = "check.criminal_record"
    CHECK_DUMMY = "check.dummy"
    CHECK_THORNTONS_ONBOARDING = "check.thorntons_onboarding"
    CHECK_HSCNI_ACCESS_NI = "check.hscni_access_ni"
    CHECK_IDENTITY = "check.identity"
    CHECK_NHS_ESR = "check.nhs_esr"
    CHECK_PHOTO_ID = "check.photo_id"
    CHECK_EMPLOYMENT_REFERENCING = "check.employment_referencing"
    CHECK_REFERENCE = "check.reference"
    CHECK_BANKING_INFORMATION = "check.banking_information"
    CHECK_VIDEO = "check.video"
    CHECK_WATCHLIST = "check.watchlist"
    DOCUMENT_REQUEST = "document.request"
    DOCUMENT_TRANSFER = "document.transfer"
    FORM = "form"

    def __str__(self) -> str:
        return str(self.value)


class ReportBreakdownAgeValidationResult(str, enum.Enum):
    CLEAR = "clear"
    CONSIDER = "consider"

    def __str__(self) -> str:
        return str(self.value)


class ReportBreakdownCompromisedDocumentResult(str, enum.Enum):
    CLEAR = "clear"
    CONSIDER = "consider"

    def __str__(self) -> str:
        return str(self.value)


class ReportBreakdownDataComparisonResult(str, enum.Enum):
    CLEAR = "clear"
    CONSIDER = "consider"

    def __str__(self) -> str:
        return str(self.value)


class ReportBreakdownDataConsistencyResult(str, enum.Enum):
    CLEAR = "clear"
    CONSIDER = "consider"

    def __str__(self) -> str:
        return str(self.value)


class ReportBreakdownDataValidationResult(str, enum.Enum):
    CLEAR = "clear"
    CONSIDER = "consider"

    def __str__(self) -> str:
        return str(self.value)


class ReportBreakdownFaceComparisonBreakdownFaceMatchResult(str, enum.Enum):
    CLEAR = "clear"
    CONSIDER = "consider"

    def __str__(self) -> str:
        return str(self.value)


class ReportBreakdownFaceComparisonResult(str, enum.Enum):
    CLEAR = "clear"
    CONSIDER = "consider"

    def __str__(self) -> str:
        return str(self.value)


class ReportBreakdownImageIntegrityBreakdownColourPictureResult(str, enum.Enum):
    CLEAR = "clear"
    CONSIDER = "consider"

    def __str__(self) -> str:
        return str(self.value)


class ReportBreakdownImageIntegrityBreakdownConclusiveDocumentQualityResult(str, enum.Enum):
    CLEAR = "clear"
    CONSIDER = "consider"

    def __str__(self) -> str:
        return str(self.value)


class ReportBreakdownImageIntegrityBreakdownImageQualityResult(str, enum.Enum):
    CLEAR = "clear"
    CONSIDER = "consider"
    UNIDENTIFIED = "unidentified"

    def __str__(self) -> str:
        return str(self.value)


class ReportBreakdownImageIntegrityBreakdownSupportedDocumentResult(str, enum.Enum):
    CLEAR = "clear"
    UNIDENTIFIED = "unidentified"

    def __str__(self) -> str:
        return str(self.value)


class ReportBreakdownImageIntegrityResult(str, enum.Enum):
    CLEAR = "clear"
    CONSIDER = "consider"

    def __str__(self) -> str:
        return str(self.value)


class ReportBreakdownIssuingAuthorityResult(str, enum.Enum):
    CLEAR = "clear"
    CONSIDER = "consider"

    def __str__(self) -> str:
        return str(self.value)


class ReportBreakdownVisualAuthenticityBreakdownOriginalDocumentPresentResult(str, enum.Enum):
    CLEAR = "clear"
    CONSIDER = "consider"

    def __str__(self) -> str:
        return str(self.value)


class ReportBreakdownVisualAuthenticityBreakdownSpoofingDetectionResult(str, enum.Enum):
    CLEAR = "clear"
    CONSIDER = "consider"

    def __str__(self) -> str:
        return str(self.value)


class ReportBreakdownVisualAuthenticityResult(str, enum.Enum):
    CLEAR = "clear"
    CONSIDER = "consider"

    def __str__(self) -> str:
        return str(self.value)


class ReportDocumentDataDocumentNumbersType(str, enum.Enum):
    DOCUMENT_NUMBER = "document_number"
    PERSONAL_NUMBER = "personal_number"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)


class ReportDocumentDataDocumentType(str, enum.Enum):
    PASSPORT = "passport"
    DRIVING_LICENCE = "driving_licence"
    NATIONAL_IDENTITY_CARD = "national_identity_card"
    IMMIGRATION_STATUS_DOCUMENT = "immigration_status_document"
    INDIGENOUS_CARD = "indigenous_card"
    MUNICIPALITY_IDENTITY_CARD = "municipality_identity_card"
    NATIONAL_HEALTH_INSURANCE_CARD = "national_health_insurance_card"
    PASSPORT_CARD = "passport_card"
    PRIVATE_OPERATORS_CARD = "private_operators_card"
    PROOF_OF_CITIZENSHIP = "proof_of_citizenship"
    RESIDENCE_PERMIT = "residence_permit"
    SERVICE_ID_CARD = "service_id_card"
    TAX_ID = "tax_id"
    VISA = "visa"
    VOTER_ID = "voter_id"
    WORK_PERMIT = "work_permit"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)


class ReportDocumentDataGender(str, enum.Enum):
    MALE = "male"
    FEMALE = "female"

    def __str__(self) -> str:
        return str(self.value)


class ReportDocumentDataNfcDocumentType(str, enum.Enum):
    PASSPORT = "passport"
    DRIVING_LICENCE = "driving_licence"
    NATIONAL_IDENTITY_CARD = "national_identity_card"
    IMMIGRATION_STATUS_DOCUMENT = "immigration_status_document"
    INDIGENOUS_CARD = "indigenous_card"
    MUNICIPALITY_IDENTITY_CARD = "municipality_identity_card"
    NATIONAL_HEALTH_INSURANCE_CARD = "national_health_insurance_card"
    PASSPORT_CARD = "passport_card"
    PRIVATE_OPERATORS_CARD = "private_operators_card"
    PROOF_OF_CITIZENSHIP = "proof_of_citizenship"
    RESIDENCE_PERMIT = "residence_permit"
    SERVICE_ID_CARD = "service_id_card"
    TAX_ID = "tax_id"
    VISA = "visa"
    VOTER_ID = "voter_id"
    WORK_PERMIT = "work_permit"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)


class ReportDocumentDataNfcGender(str, enum.Enum):
    MALE = "male"
    FEMALE = "female"

    def __str__(self) -> str:
        return str(self.value)


class ReportMediaDocumentType(str, enum.Enum):
    PASSPORT = "passport"
    DRIVING_LICENCE = "driving_licence"
    NATIONAL_IDENTITY_CARD = "national_identity_card"
    IMMIGRATION_STATUS_DOCUMENT = "immigration_status_document"
    INDIGENOUS_CARD = "indigenous_card"
    MUNICIPALITY_IDENTITY_CARD = "municipality_identity_card"
    NATIONAL_HEALTH_INSURANCE_CARD = "national_health_insurance_card"
    PASSPORT_CARD = "passport_card"
    PRIVATE_OPERATORS_CARD = "private_operators_card"
    PROOF_OF_CITIZENSHIP = "proof_of_citizenship"
    RESIDENCE_PERMIT = "residence_permit"
    SERVICE_ID_CARD = "service_id_card"
    TAX_ID = "tax_id"
    VISA = "visa"
    VOTER_ID = "voter_id"
    WORK_PERMIT = "work_permit"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)


class ReportMediaSide(str, enum.Enum):
    FRONT = "front"
    BACK = "back"

    def __str__(self) -> str:
        return str(self.value)


class ReportMediaType(str, enum.Enum):
    PHOTO = "photo"
    MOTION_CAPTURE = "motion_capture"
    DOCUMENT = "document"

    def __str__(self) -> str:
        return str(self.value)


class ReportResult(str, enum.Enum):
    CLEAR = "clear"
    CONSIDER = "consider"
    SUSPECTED = "suspected"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)


class ReportStatus(str, enum.Enum):
    PROCESSING = "processing"
    COMPLETE = "complete"

    def __str__(self) -> str:
        return str(self.value)


class ReportType(str, enum.Enum):
    DOCUMENT = "document"
    FACIAL_SIMILARITY_MOTION = "facial_similarity_motion"
    FACIAL_SIMILARITY_PHOTO = "facial_similarity_photo"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)


class RichTextMarksType(str, enum.Enum):
    BOLD = "bold"
    LINK = "link"

    def __str__(self) -> str:
        return str(self.value)


class RichTextNodeType(str, enum.Enum):
    PARAGRAPH = "paragraph"
    BULLETLIST = "bulletList"
    ORDEREDLIST = "orderedList"

    def __str__(self) -> str:
        return str(self.value)


class RichTextType(str, enum.Enum):
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)


class SearchProfile(str, enum.Enum):
    SANCTIONS = "sanctions"
    PEPS_SANCTIONS = "peps_sanctions"
    PEPS_SANCTIONS_MEDIA = "peps_sanctions_media"
    PEPS_SANCTIONS_MEDIA_EXTENDED = "peps_sanctions_media_extended"

    def __str__(self) -> str:
        return str(self.value)


class StepReviewStatus(str, enum.Enum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)


class StepTypes(str, enum.Enum):
    CHECK_CREDIT = "check.credit"
    CHECK_CRIMINAL_RECORD = "check.criminal_record"
    CHECK_DUMMY = "check.dummy"
    CHECK_HSCNI_ACCESS_NI = "check.hscni_access_ni"
    CHECK_IDENTITY = "check.identity"
    CHECK_NHS_ESR = "check.nhs_esr"
    CHECK_BANKING_INFORMATION = "check.banking_information"
    CHECK_PHOTO_ID = "check.photo_id"
    CHECK_EMPLOYMENT_REFERENCING = "check.employment_referencing"
    CHECK_REFERENCE = "check.reference"
    CHECK_THORNTONS_ONBOARDING = "check.thorntons_onboarding"
    CHECK_VIDEO = "check.video"
    CHECK_WATCHLIST = "check.watchlist"
    DOCUMENT_REQUEST = "document.request"
    DOCUMENT_TRANSFER = "document.transfer"
    FORM = "form"

    def __str__(self) -> str:
        return str(self.value)


class SubBreakdownResultResult(str, enum.Enum):
    CLEAR = "clear"
    CONSIDER = "consider"

    def __str__(self) -> str:
        return str(self.value)


class TeamMemberRole(str, enum.Enum):
    ASSUMED = "assumed"
    OWNER = "owner"
    MEMBER = "member"
    READ_ONLY = "read-only"
    ASSIGNED_ONLY = "assigned-only"

    def __str__(self) -> str:
        return str(self.value)


class WebhookDeliveryEvents(str, enum.Enum):
    CASE_APPROVED = "case.approved"
    CASE_ARCHIVED = "case.archived"
    CASE_CREATED = "case.created"
    CASE_ITEM_ADDED = "case.item_added"
    CASE_ITEM_REMOVED = "case.item_removed"
    CASE_REJECTED = "case.rejected"
    CASE_STATUS = "case.status"
    CASE_UNARCHIVED = "case.unarchived"
    CASE_UPDATED = "case.updated"
    CLIENT_ARCHIVED = "client.archived"
    CLIENT_CREATED = "client.created"
    CLIENT_DELETED = "client.deleted"
    CLIENT_ORGANISATIONS = "client.organisations"
    CLIENT_RECORD = "client.record"
    CLIENT_STATUS = "client.status"
    CLIENT_UNARCHIVED = "client.unarchived"
    CLIENT_UPDATED = "client.updated"
    CLIENT_DELETION_REMINDER_UPDATED = "client.deletion_reminder_updated"
    CLIENT_DELETION_REMINDER_DELETED = "client.deletion_reminder_deleted"
    CLIENT_DELETION_REMINDER_DUE = "client.deletion_reminder_due"
    FORM_ATTACHED = "form.attached"
    FORM_DELETED = "form.deleted"
    FORM_MODIFIED = "form.modified"
    FORM_SENT = "form.sent"
    FORM_SUBMITTED = "form.submitted"
    FORM_UPDATED = "form.updated"
    RECORD_BOUNCED = "record.bounced"
    RECORD_CREATED = "record.created"
    RECORD_FINISHED = "record.finished"
    RECORD_REVIEWED = "record.reviewed"
    RECORD_UNREVIEWED = "record.unreviewed"
    RECORD_UPDATED = "record.updated"
    WATCHLIST_UPDATED = "watchlist.updated"
    PING = "ping"

    def __str__(self) -> str:
        return str(self.value)


class WebhookSubscribeEvents(str, enum.Enum):
    EMPTY = "*"
    CASE = "case.*"
    CLIENT = "client.*"
    FORM = "form.*"
    RECORD = "record.*"
    CASE_APPROVED = "case.approved"
    CASE_ARCHIVED = "case.archived"
    CASE_CREATED = "case.created"
    CASE_ITEM_ADDED = "case.item_added"
    CASE_ITEM_REMOVED = "case.item_removed"
    CASE_REJECTED = "case.rejected"
    CASE_STATUS = "case.status"
    CASE_UNARCHIVED = "case.unarchived"
    CASE_UPDATED = "case.updated"
    CLIENT_ARCHIVED = "client.archived"
    CLIENT_CREATED = "client.created"
    CLIENT_DELETED = "client.deleted"
    CLIENT_ORGANISATIONS = "client.organisations"
    CLIENT_RECORD = "client.record"
    CLIENT_STATUS = "client.status"
    CLIENT_UNARCHIVED = "client.unarchived"
    CLIENT_UPDATED = "client.updated"
    CLIENT_DELETION_REMINDER_UPDATED = "client.deletion_reminder_updated"
    CLIENT_DELETION_REMINDER_DELETED = "client.deletion_reminder_deleted"
    CLIENT_DELETION_REMINDER_DUE = "client.deletion_reminder_due"
    FORM_ATTACHED = "form.attached"
    FORM_DELETED = "form.deleted"
    FORM_MODIFIED = "form.modified"
    FORM_SENT = "form.sent"
    FORM_SUBMITTED = "form.submitted"
    FORM_UPDATED = "form.updated"
    RECORD_BOUNCED = "record.bounced"
    RECORD_CREATED = "record.created"
    RECORD_FINISHED = "record.finished"
    RECORD_REVIEWED = "record.reviewed"
    RECORD_UNREVIEWED = "record.unreviewed"
    RECORD_UPDATED = "record.updated"
    WATCHLIST_UPDATED = "watchlist.updated"

    def __str__(self) -> str:
        return str(self.value)

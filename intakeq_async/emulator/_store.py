"""The emulator's in-memory data: wire-shaped (PascalCase) dicts, seeded deterministically.

Every collection maps an id to the item exactly as the API sends it (full form: a full client
profile, a full intake or note with its ``Questions``); handlers derive the shorter shapes
(the client list without ``includeProfile``, intake and note summaries) on the way out.
Records deleted in the practice live in the ``deleted_*`` collections (what ``deletedOnly``
lists). Tests may read, count, add or remove items freely; handlers read the store on every
request.

Seeded data is anchored on :data:`SEED_NOW` (not the wall clock), so a given ``seed`` and
``clients`` always give the same practice; records created through the API are stamped with
the real time.
"""

from __future__ import annotations

import datetime as dt
import random
import time
import uuid
from typing import Any

import attrs

__all__ = [
    "CONSENT_FORMS",
    "NOTE_LOCKED",
    "NOTE_UNLOCKED",
    "SEED_NOW",
    "IntakeQData",
    "Json",
    "add_file",
    "build_data",
    "client_basic",
    "consent_form_id",
    "day_end_ms",
    "day_start_ms",
    "new_appointment",
    "new_client",
    "new_intake",
    "now_ms",
    "practice_tz",
    "summary",
    "to_ms",
]

Json = dict[str, Any]
UTC = dt.timezone.utc
#: The moment the seeded practice is "now": every seeded timestamp is before or around it.
SEED_NOW = dt.datetime(2025, 6, 2, 16, 0, tzinfo=UTC)
_DAY_MS = 86_400_000


def to_ms(moment: dt.datetime) -> int:
    """Unix milliseconds of an aware datetime."""
    return int(moment.timestamp() * 1000)


def now_ms() -> int:
    """The wall clock in Unix milliseconds (for records created through the API)."""
    return int(time.time() * 1000)


def day_start_ms(day: dt.date) -> int:
    """00:00 UTC of *day*, in Unix milliseconds."""
    return to_ms(dt.datetime(day.year, day.month, day.day, tzinfo=UTC))


def day_end_ms(day: dt.date) -> int:
    """00:00 UTC of the day after *day* (exclusive end), in Unix milliseconds."""
    return day_start_ms(day) + _DAY_MS


def practice_tz() -> dt.tzinfo:
    """The practice's time zone (New York), or a fixed UTC-05:00 without a tz database."""
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("America/New_York")
    except Exception:  # pragma: no cover - no tz database on this machine
        return dt.timezone(dt.timedelta(hours=-5), "EST")


#: Keys of a full intake or note that its summary leaves out.
_SUMMARY_OMIT = frozenset({"Questions", "ConsentForms"})


def summary(item: Json) -> Json:
    """An intake or note summary: the full record without its questions and consent forms."""
    return {key: value for key, value in item.items() if key not in _SUMMARY_OMIT}


def client_basic(client: Json) -> Json:
    """A client as listed without ``includeProfile``: ``ClientNumber`` and the basic fields."""
    return {
        "ClientNumber": client["ClientId"],
        "Name": client["Name"],
        "Email": client["Email"],
        "Phone": client["Phone"],
        "DateCreated": client["DateCreated"],
        "LastActivityDate": client["LastActivityDate"],
        "LastActivityName": client["LastActivityName"],
    }


@attrs.define(eq=False)
class IntakeQData:
    """Everything the emulated practice holds. Collections map id -> wire item."""

    rng: random.Random
    tz: dt.tzinfo
    clients: dict[int, Json] = attrs.Factory(dict)
    deleted_clients: dict[int, Json] = attrs.Factory(dict)
    appointments: dict[str, Json] = attrs.Factory(dict)
    deleted_appointments: dict[str, Json] = attrs.Factory(dict)
    #: Full intakes (with ``Questions``); summaries are derived.
    intakes: dict[str, Json] = attrs.Factory(dict)
    deleted_intakes: dict[str, Json] = attrs.Factory(dict)
    #: Full treatment notes (with ``Questions``); summaries are derived.
    notes: dict[str, Json] = attrs.Factory(dict)
    deleted_notes: dict[str, Json] = attrs.Factory(dict)
    invoices: dict[str, Json] = attrs.Factory(dict)
    claims: dict[str, Json] = attrs.Factory(dict)
    #: file id -> (its listing entry, its bytes)
    files: dict[str, tuple[Json, bytes]] = attrs.Factory(dict)
    #: file id -> the client it belongs to
    file_clients: dict[str, int] = attrs.Factory(dict)
    folders: dict[str, Json] = attrs.Factory(dict)
    questionnaires: dict[str, Json] = attrs.Factory(dict)
    #: questionnaire id -> its question templates (Id, Text, QuestionType, OfficeUse)
    questionnaire_questions: dict[str, list[Json]] = attrs.Factory(dict)
    practitioners: dict[str, Json] = attrs.Factory(dict)
    locations: dict[int, Json] = attrs.Factory(dict)
    services: dict[str, Json] = attrs.Factory(dict)
    #: The practice's tag list (a client's own tags are in its ``Tags``).
    tags: list[str] = attrs.Factory(list)
    #: Custom client-profile field definitions (``FieldId``, ``Text``).
    custom_fields: list[Json] = attrs.Factory(list)
    #: client id -> its diagnoses
    diagnoses: dict[int, list[Json]] = attrs.Factory(dict)
    #: intake attachment id -> (its description, its bytes)
    attachments: dict[str, tuple[Json, bytes]] = attrs.Factory(dict)
    #: client id -> the GUID invoices carry in ``ClientId``
    client_guids: dict[int, str] = attrs.Factory(dict)
    #: Every questionnaire sent or resent: ``{IntakeId, DeliveryMethod, Resent, Time}``.
    deliveries: list[Json] = attrs.Factory(list)
    next_client_id: int = 1
    next_invoice_number: int = 1001

    # -- ids ------------------------------------------------------------------------------

    def new_id(self) -> str:
        """A 24-hex-digit id (IntakeQ's object ids look like this)."""
        return f"{self.rng.getrandbits(96):024x}"

    def new_guid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def client_guid(self, client_id: int) -> str:
        guid = self.client_guids.get(client_id)
        if guid is None:
            guid = self.client_guids[client_id] = self.new_guid()
        return guid

    def take_client_id(self) -> int:
        value = self.next_client_id
        self.next_client_id += 1
        return value

    # -- lookups --------------------------------------------------------------------------

    def find_client(self, raw: object) -> Json | None:
        """The live client whose id is *raw* (an int or a numeric string)."""
        try:
            key = int(str(raw))
        except ValueError:
            return None
        return self.clients.get(key)

    def practitioner_name(self, practitioner: Json) -> str:
        return str(practitioner["CompleteName"])

    # -- appointment times ----------------------------------------------------------------

    def set_times(self, appointment: Json, start_ms: int, duration: int) -> None:
        """Set ``StartDate``/``EndDate`` and their ``...Iso``/``...Local`` string twins."""
        end_ms = start_ms + duration * 60_000
        appointment["Duration"] = duration
        for prefix, stamp in (("Start", start_ms), ("End", end_ms)):
            moment = dt.datetime.fromtimestamp(stamp / 1000, tz=UTC)
            local = moment.astimezone(self.tz)
            appointment[f"{prefix}Date"] = stamp
            appointment[f"{prefix}DateIso"] = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
            appointment[f"{prefix}DateLocal"] = local.strftime("%Y-%m-%dT%H:%M:%S")
            hour = local.strftime("%I").lstrip("0")
            appointment[f"{prefix}DateLocalFormatted"] = (
                f"{local:%A}, {local:%B} {local.day}, {local.year} {hour}:{local:%M} {local:%p}"
            )


# -- seeding ------------------------------------------------------------------------------

_FIRST = [
    "Paula", "Marcus", "Irene", "Omar", "Sofia", "Devon", "Hannah", "Kenji", "Lucia", "Theo",
    "Amara", "Felix", "Grace", "Ravi", "Nadia", "Owen", "Chloe", "Mateo", "Ingrid", "Jonah",
]  # fmt: skip
_LAST = [
    "Whitfield", "Alvarez", "Chen", "Haddad", "Moreau", "Okafor", "Petrov", "Sato", "Lindgren",
    "Brooks", "Romano", "Nakamura", "Fischer", "Kowalski", "Duarte", "Quinn", "Abernathy",
]  # fmt: skip
_CITIES = [("Brooklyn", "NY", "11201"), ("Hoboken", "NJ", "07030"), ("Stamford", "CT", "06901")]
_STREETS = ["Maple Ave", "Bergen St", "Harbor Rd", "Elm Street", "Ocean Pkwy", "Court St"]
_TAGS = ["New", "Insurance", "Self-pay", "Waitlist", "Telehealth", "Sliding scale"]
_REFERRALS = ["Google", "Friend", "Psychology Today", "Physician", "Insurance directory"]
_ACTIVITIES = ["Appointment Booked", "Intake Submitted", "Invoice Paid", "Profile Updated"]
_DIAGNOSES = [
    ("F41.1", "Generalized anxiety disorder"),
    ("F32.1", "Major depressive disorder, single episode, moderate"),
    ("F43.10", "Post-traumatic stress disorder, unspecified"),
    ("F90.0", "Attention-deficit hyperactivity disorder, predominantly inattentive type"),
    ("Z63.0", "Problems in relationship with spouse or partner"),
]
_PRACTITIONERS = [
    ("Maya", "Okonkwo", "Administrator", True),
    ("Daniel", "Brenner", "Practitioner", True),
    ("Priya", "Natarajan", "Practitioner", True),
    ("Tomas", "Lindqvist", "Practitioner", False),
]
_SERVICES = [
    ("Initial Consultation", 60, 150.0),
    ("Follow-up Session", 50, 120.0),
    ("Couples Session", 80, 180.0),
    ("Brief Check-in", 25, 60.0),
]
_LOCATIONS = [("Downtown Office", "120 Court St, Brooklyn, NY 11201"), ("Telehealth", None)]
_QUESTIONNAIRES: list[tuple[str, bool, list[tuple[str, str, bool]]]] = [
    (
        "New Client Intake",
        False,
        [
            ("What brings you in today?", "OpenQuestion", False),
            ("How did you hear about us?", "MultipleChoice", False),
            ("Please upload your insurance card", "Attachment", False),
            ("Clinician's initial impression", "OpenQuestion", True),
        ],
    ),
    (
        "PHQ-9 Depression Screening",
        False,
        [
            ("Little interest or pleasure in doing things", "MultipleChoice", False),
            ("Feeling down, depressed, or hopeless", "MultipleChoice", False),
            ("Total score (office use)", "OpenQuestion", True),
        ],
    ),
    (
        "Consent to Treatment",
        False,
        [
            ("I have read and agree to the consent to treatment", "Checkbox", False),
            ("Reviewed by", "OpenQuestion", True),
        ],
    ),
    ("Intake Form (2019, retired)", True, [("Reason for visit", "OpenQuestion", False)]),
]
_ANSWERS = {
    "OpenQuestion": ["Trouble sleeping and stress at work", "Anxiety before exams", "Grief"],
    "MultipleChoice": ["Not at all", "Several days", "More than half the days", "Friend"],
    "Checkbox": ["Yes"],
    "Attachment": [""],
}
_NOTE_NAMES = ["Progress Note", "SOAP Note", "Intake Assessment"]
#: A note's ``Status`` as IntakeQ sends it (a word; the notes query filters by 1 and 2).
NOTE_LOCKED = "locked"
NOTE_UNLOCKED = "unlocked"
#: The consent forms of every intake package: (Name, DocumentType).
CONSENT_FORMS = (("Consent to Treatment", "Consent"), ("Notice of Privacy Practices", "Policy"))
_PAYERS = [("Aetna", "60054"), ("Cigna", "62308"), ("UnitedHealthcare", "87726")]
_CLAIM_STATUSES = ["Submitted", "Accepted", "Rejected", "Paid", "Denied"]


def _ascii_lower(text: str) -> str:
    return text.lower().replace(" ", "")


def build_data(*, seed: int, clients: int) -> IntakeQData:
    """Seed a practice: deterministic for a given ``seed`` and ``clients``."""
    if clients < 0:
        raise ValueError("clients must be >= 0")
    rng = random.Random(seed)
    data = IntakeQData(rng=rng, tz=practice_tz())
    _seed_practice(data)
    _seed_clients(data, clients)
    _seed_appointments(data, clients)
    _seed_intakes(data, clients)
    _seed_notes(data, clients)
    _seed_billing(data, clients)
    _seed_files(data)
    return data


def _seed_practice(data: IntakeQData) -> None:
    for first, last, role, active in _PRACTITIONERS:
        pid = data.new_id()
        data.practitioners[pid] = {
            "Id": pid,
            "FirstName": first,
            "LastName": last,
            "CompleteName": f"{first} {last}",
            "Email": f"{first}.{last}@clinic.example".lower(),
            "RoleName": role,
            "IsActive": active,
        }
    for number, (name, address) in enumerate(_LOCATIONS, start=1):
        data.locations[number] = {"Id": number, "Name": name, "Address": address}
    for name, duration, price in _SERVICES:
        sid = data.new_guid()
        data.services[sid] = {"Id": sid, "Name": name, "Duration": duration, "Price": price}
    for name, archived, questions in _QUESTIONNAIRES:
        qid = data.new_id()
        data.questionnaires[qid] = {
            "Id": qid,
            "Name": name,
            "Archived": archived,
            "Anonymous": False,
        }
        data.questionnaire_questions[qid] = [
            {"Id": f"q{n}-{qid[:6]}", "Text": text, "QuestionType": kind, "OfficeUse": office}
            for n, (text, kind, office) in enumerate(questions, start=1)
        ]
    data.tags.extend(_TAGS)
    data.custom_fields.extend(
        [{"FieldId": "rfsr", "Text": "Referral source"}, {"FieldId": "pnme", "Text": "Pronouns"}]
    )
    for name in ("Insurance", "Consent Forms", "Lab Results"):
        fid = data.new_id()
        data.folders[fid] = {"Id": fid, "Name": name}


def _active_practitioners(data: IntakeQData) -> list[Json]:
    return [p for p in data.practitioners.values() if p["IsActive"]]


def new_client(data: IntakeQData, client_id: int, created_ms: int) -> Json:
    """A client profile with every field present (empty), to be filled in."""
    return {
        "ClientId": client_id,
        "Name": "",
        "FirstName": None,
        "LastName": None,
        "MiddleName": None,
        "Email": None,
        "Phone": None,
        "MobilePhone": None,
        "HomePhone": None,
        "WorkPhone": None,
        "DateOfBirth": None,
        "Gender": None,
        "MaritalStatus": None,
        "StreetAddress": None,
        "UnitNumber": None,
        "City": None,
        "State": None,
        "StateShort": None,
        "PostalCode": None,
        "Country": None,
        "Address": None,
        "AdditionalInformation": None,
        "Archived": False,
        "Tags": [],
        "ExternalClientId": None,
        "PractitionerId": None,
        "BillingType": None,
        "PrimaryInsuranceCompany": None,
        "PrimaryInsurancePolicyNumber": None,
        "PrimaryInsuranceGroupNumber": None,
        "PrimaryInsuranceHolderName": None,
        "PrimaryInsuranceRelationship": None,
        "CustomFields": [
            {"FieldId": f["FieldId"], "Text": f["Text"], "Value": None} for f in data.custom_fields
        ],
        "DateCreated": created_ms,
        "LastUpdateDate": created_ms,
        "LastActivityDate": created_ms,
        "LastActivityName": "Client Created",
    }


def _seed_client(data: IntakeQData, client_id: int, created: dt.datetime) -> Json:
    rng = data.rng
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    city, state, postal = rng.choice(_CITIES)
    street = f"{rng.randint(10, 990)} {rng.choice(_STREETS)}"
    client = new_client(data, client_id, to_ms(created))
    updated = created + (SEED_NOW - created) * rng.random()
    insured = client_id % 3 != 0
    birth = dt.datetime(rng.randint(1950, 2005), rng.randint(1, 12), rng.randint(1, 28), tzinfo=UTC)
    client.update(
        {
            "Name": f"{first} {last}",
            "FirstName": first,
            "LastName": last,
            "Email": f"{_ascii_lower(first)}.{_ascii_lower(last)}{client_id}@mail.example",
            "Phone": f"(555) {rng.randint(200, 999)}-{client_id % 10000:04d}",
            "MobilePhone": f"(555) {rng.randint(200, 999)}-{rng.randint(0, 9999):04d}",
            "DateOfBirth": to_ms(birth),
            "Gender": rng.choice(["Female", "Male", "Non-binary", None]),
            "MaritalStatus": rng.choice(["Single", "Married", "Divorced", None]),
            "StreetAddress": street,
            "City": city,
            "StateShort": state,
            "PostalCode": postal,
            "Country": "USA",
            "Address": f"{street}, {city}, {state} {postal}",
            "Archived": client_id % 25 == 0,
            "Tags": sorted(rng.sample(_TAGS, rng.randint(0, 2))),
            "ExternalClientId": f"EXT-{client_id:05d}" if client_id % 5 == 0 else None,
            "PractitionerId": rng.choice(_active_practitioners(data))["Id"],
            "BillingType": "Insurance" if insured else "SelfPay",
            "PrimaryInsuranceCompany": rng.choice(_PAYERS)[0] if insured else None,
            "PrimaryInsurancePolicyNumber": f"P{rng.randint(10**7, 10**8 - 1)}"
            if insured
            else None,
            "CustomFields": [
                {"FieldId": "rfsr", "Text": "Referral source", "Value": rng.choice(_REFERRALS)},
                {
                    "FieldId": "pnme",
                    "Text": "Pronouns",
                    "Value": rng.choice(["she/her", "he/him", "they/them"]),
                },
            ],
            "LastUpdateDate": to_ms(updated),
            "LastActivityDate": to_ms(updated),
            "LastActivityName": rng.choice(_ACTIVITIES),
        }
    )
    return client


def _seed_clients(data: IntakeQData, count: int) -> None:
    start = SEED_NOW - dt.timedelta(days=730)
    span = dt.timedelta(days=720)
    for index in range(count + 3):
        client_id = data.take_client_id()
        offset = span * (index / max(count + 3, 1))
        created = start + offset + dt.timedelta(minutes=data.rng.randint(0, 600))
        client = _seed_client(data, client_id, created)
        if index < count:
            data.clients[client_id] = client
        else:
            data.deleted_clients[client_id] = client
        if client_id % 3 == 0:
            picks = data.rng.sample(_DIAGNOSES, data.rng.randint(1, 2))
            data.diagnoses[client_id] = [
                {
                    "Code": code,
                    "Description": text,
                    "IsPrimary": n == 0,
                    "DateDiagnosed": to_ms(created + dt.timedelta(days=7)),
                }
                for n, (code, text) in enumerate(picks)
            ]


def new_appointment(
    data: IntakeQData,
    *,
    client: Json,
    practitioner: Json,
    service: Json,
    location: Json,
    start_ms: int,
    status: str,
    created_ms: int,
    created_by: str,
    reminder: str = "Email",
) -> Json:
    """An appointment, wire-shaped, with its times and their string twins."""
    birth = client.get("DateOfBirth")
    appointment: Json = {
        "Id": data.new_id(),
        "ClientName": client["Name"],
        "ClientEmail": client["Email"],
        "ClientPhone": client["Phone"],
        "ClientDateOfBirth": (
            dt.datetime.fromtimestamp(birth / 1000, tz=UTC).strftime("%Y-%m-%d")
            if isinstance(birth, int)
            else None
        ),
        "ClientId": client["ClientId"],
        "Status": status,
        "ServiceName": service["Name"],
        "ServiceId": service["Id"],
        "LocationName": location["Name"],
        "LocationId": location["Id"],
        "Price": service["Price"],
        "PractitionerEmail": practitioner["Email"],
        "PractitionerName": practitioner["CompleteName"],
        "PractitionerId": practitioner["Id"],
        "IntakeId": None,
        "DateCreated": created_ms,
        "LastModified": created_ms,
        "BookedByClient": False,
        "CreatedBy": created_by,
        "ReminderType": reminder,
        "ClientNote": None,
        "PractitionerNote": None,
        "CancellationReason": None,
        "CancellationDate": None,
        "AppointmentPackageId": None,
        "InvoiceId": None,
    }
    data.set_times(appointment, start_ms, int(service["Duration"]))
    return appointment


def _seed_appointments(data: IntakeQData, clients: int) -> None:
    if not data.clients:
        return
    rng = data.rng
    live = list(data.clients.values())
    active = _active_practitioners(data)
    services = list(data.services.values())
    locations = list(data.locations.values())
    count = clients + clients // 4 + 8
    for index in range(count + 3):
        day = (SEED_NOW + dt.timedelta(days=rng.randint(-150, 45))).astimezone(data.tz).date()
        local = dt.datetime(
            day.year, day.month, day.day, rng.randint(8, 17), rng.choice([0, 30]), tzinfo=data.tz
        )
        start = local.astimezone(UTC)
        past = start < SEED_NOW
        if past:
            status = rng.choices(["Confirmed", "Canceled", "Missed", "Declined"], [14, 3, 2, 1])[0]
        else:
            status = rng.choices(["Confirmed", "WaitingConfirmation"], [3, 1])[0]
        created = min(
            start - dt.timedelta(days=rng.randint(1, 30)), SEED_NOW - dt.timedelta(hours=1)
        )
        practitioner = rng.choice(active)
        appointment = new_appointment(
            data,
            client=rng.choice(live),
            practitioner=practitioner,
            service=rng.choice(services),
            location=rng.choice(locations),
            start_ms=to_ms(start),
            status=status,
            created_ms=to_ms(created),
            created_by=practitioner["CompleteName"],
        )
        appointment["BookedByClient"] = rng.random() < 0.3
        modified = created + (SEED_NOW - created) * rng.random() * 0.5
        appointment["LastModified"] = to_ms(modified)
        if status == "Canceled":
            appointment["CancellationReason"] = "Client cancelled"
            appointment["CancellationDate"] = to_ms(modified)
        target = data.appointments if index < count else data.deleted_appointments
        target[appointment["Id"]] = appointment


def new_intake(
    data: IntakeQData,
    *,
    client: Json,
    questionnaire: Json,
    practitioner: Json,
    status: str,
    created_ms: int,
) -> Json:
    """An intake (full form, questions unanswered, consent forms unsigned)."""
    questions = [
        {
            "Id": q["Id"],
            "Text": q["Text"],
            "Answer": None,
            "QuestionType": q["QuestionType"],
            "Rows": [],
            "ColumnNames": [],
            "OfficeUse": q["OfficeUse"],
            "OfficeNote": None,
            "Attachments": [],
        }
        for q in data.questionnaire_questions.get(questionnaire["Id"], [])
    ]
    intake_id = data.new_guid()
    return {
        "Id": intake_id,
        "ClientName": client["Name"],
        "ClientEmail": client["Email"],
        "ClientId": client["ClientId"],
        "ExternalClientId": client["ExternalClientId"],
        "Status": status,
        "DateCreated": created_ms,
        "DateSubmitted": None,
        "LastModified": created_ms,
        "QuestionnaireName": questionnaire["Name"],
        "QuestionnaireId": questionnaire["Id"],
        "Practitioner": practitioner["Email"],
        "PractitionerName": practitioner["CompleteName"],
        "PractitionerId": practitioner["Id"],
        "AppointmentId": None,
        "Questions": questions,
        "ConsentForms": [
            {
                "Id": consent_form_id(intake_id, number),
                "Name": name,
                "DocumentType": kind,
                "Signed": False,
                "DateSubmitted": None,
            }
            for number, (name, kind) in enumerate(CONSENT_FORMS, start=1)
        ],
    }


def consent_form_id(intake_id: str, number: int) -> str:
    """The id of an intake's *number*-th consent form: 24 hex digits, derived from the intake
    (no draw from the seeded generator, so adding forms moved no other seeded value)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{intake_id}/consent/{number}").hex[:24]


def _answer(data: IntakeQData, intake: Json, question: Json) -> None:
    kind = question["QuestionType"]
    if kind != "Attachment":
        question["Answer"] = data.rng.choice(_ANSWERS.get(kind, ["Yes"]))
        return
    attachment_id = data.new_id()
    body = b"\x89PNG\r\n\x1a\n" + data.rng.randbytes(64)
    meta = {
        "Id": attachment_id,
        "FileName": "insurance-card.png",
        "ContentType": "image/png",
        "Url": f"https://intakeq.com/api/v1/attachments/{attachment_id}",
    }
    data.attachments[attachment_id] = (meta, body)
    question["Attachments"] = [meta]
    question["Answer"] = meta["FileName"]


def _seed_intakes(data: IntakeQData, clients: int) -> None:
    if not data.clients:
        return
    rng = data.rng
    live = list(data.clients.values())
    active = _active_practitioners(data)
    forms = [q for q in data.questionnaires.values() if not q["Archived"]]
    count = clients * 3 // 5
    for index in range(count + 2):
        created = SEED_NOW - dt.timedelta(minutes=rng.randint(60, 365 * 24 * 60))
        status = rng.choices(["Completed", "Partial", "Sent"], [14, 3, 3])[0]
        intake = new_intake(
            data,
            client=rng.choice(live),
            questionnaire=rng.choice(forms),
            practitioner=rng.choice(active),
            status=status,
            created_ms=to_ms(created),
        )
        if status != "Sent":
            answered = intake["Questions"] if status == "Completed" else intake["Questions"][:1]
            for question in answered:
                if not question["OfficeUse"]:
                    _answer(data, intake, question)
        if status == "Completed":
            submitted = to_ms(created + dt.timedelta(minutes=rng.randint(5, 2000)))
            intake["DateSubmitted"] = intake["LastModified"] = min(submitted, to_ms(SEED_NOW))
            for form in intake["ConsentForms"]:
                form.update(Signed=True, DateSubmitted=intake["DateSubmitted"])
        target = data.intakes if index < count else data.deleted_intakes
        target[intake["Id"]] = intake


def _seed_notes(data: IntakeQData, clients: int) -> None:
    if not data.clients:
        return
    rng = data.rng
    past = [a for a in data.appointments.values() if a["StartDate"] < to_ms(SEED_NOW)]
    count = clients // 2
    for index in range(count + 2):
        appointment = rng.choice(past) if past else None
        client = (data.clients.get(appointment["ClientId"]) if appointment else None) or rng.choice(
            list(data.clients.values())
        )
        practitioner = (
            data.practitioners[appointment["PractitionerId"]]
            if appointment
            else rng.choice(_active_practitioners(data))
        )
        when = appointment["StartDate"] if appointment else to_ms(SEED_NOW) - _DAY_MS
        locked = rng.random() < 0.7
        note_id = data.new_guid()
        note: Json = {
            "Id": note_id,
            "ClientName": client["Name"],
            "ClientEmail": client["Email"],
            "ClientId": client["ClientId"],
            "Status": NOTE_LOCKED if locked else NOTE_UNLOCKED,
            "Date": when,
            "NoteName": rng.choice(_NOTE_NAMES),
            "PractitionerEmail": practitioner["Email"],
            "PractitionerName": practitioner["CompleteName"],
            "PractitionerId": practitioner["Id"],
            "AppointmentId": appointment["Id"] if appointment else None,
            "DateCreated": when + 3_600_000,
            "LastModified": when + 7_200_000,
            "Questions": [
                {
                    "Id": f"n1-{note_id[:6]}",
                    "Text": "Subjective",
                    "Answer": "Client reports improved sleep this week.",
                    "QuestionType": "OpenQuestion",
                    "Rows": [],
                    "ColumnNames": [],
                    "OfficeUse": False,
                    "OfficeNote": None,
                    "Attachments": [],
                },
                {
                    "Id": f"n2-{note_id[:6]}",
                    "Text": "Plan",
                    "Answer": "Continue weekly sessions.",
                    "QuestionType": "OpenQuestion",
                    "Rows": [],
                    "ColumnNames": [],
                    "OfficeUse": False,
                    "OfficeNote": None,
                    "Attachments": [],
                },
            ],
        }
        target = data.notes if index < count else data.deleted_notes
        target[note_id] = note


def _seed_billing(data: IntakeQData, clients: int) -> None:
    if not data.clients:
        return
    rng = data.rng
    now = to_ms(SEED_NOW)
    past = [a for a in data.appointments.values() if a["StartDate"] < now]
    for _ in range(clients // 2):
        appointment = rng.choice(past)
        client = data.clients[appointment["ClientId"]]
        issued = appointment["StartDate"] + 86_400_000
        status = rng.choices(["Paid", "Unpaid", "PastDue"], [6, 2, 1])[0]
        total = float(appointment["Price"])
        paid = total if status == "Paid" else 0.0
        invoice_id = data.new_id()
        number = data.next_invoice_number
        data.next_invoice_number += 1
        data.invoices[invoice_id] = {
            "Id": invoice_id,
            "Number": number,
            "ClientName": client["Name"],
            "ClientEmail": client["Email"],
            "ClientId": data.client_guid(client["ClientId"]),
            "ClientIdNumber": client["ClientId"],
            "Status": status,
            "IssuedDate": issued,
            "DueDate": issued + 30 * _DAY_MS,
            "DateCreated": issued,
            "LastModified": min(issued + rng.randint(0, 20) * _DAY_MS, now),
            "CurrencyIso": "USD",
            "DiscountAmount": 0.0,
            "DiscountPercent": 0.0,
            "DiscountType": None,
            "SubTotal": total,
            "TotalAmount": total,
            "AmountDue": total - paid,
            "AmountPaid": paid,
            "NoteToClient": None,
            "AllowTipping": False,
            "TipAmount": 0.0,
            "Automated": False,
            "CreatedBy": appointment["PractitionerName"],
            "PractitionerEmail": appointment["PractitionerEmail"],
            "PractitionerName": appointment["PractitionerName"],
            "Items": [
                {
                    "Description": appointment["ServiceName"],
                    "Price": total,
                    "Units": 1,
                    "TotalAmount": total,
                    "ServiceCode": "90834",
                    "Date": appointment["StartDate"],
                    "AppointmentId": appointment["Id"],
                }
            ],
            "Payments": (
                [{"Id": data.new_id(), "Amount": paid, "Date": issued, "Method": "CreditCard"}]
                if paid
                else []
            ),
        }
        appointment["InvoiceId"] = invoice_id
    for _ in range(clients // 5):
        appointment = rng.choice(past)
        client = data.clients[appointment["ClientId"]]
        payer, payer_id = rng.choice(_PAYERS)
        claim_id = data.new_id()
        created = appointment["StartDate"] + 2 * _DAY_MS
        data.claims[claim_id] = {
            "Id": claim_id,
            "ClientId": client["ClientId"],
            "ClientName": client["Name"],
            "PractitionerId": appointment["PractitionerId"],
            "PractitionerName": appointment["PractitionerName"],
            "Status": rng.choice(_CLAIM_STATUSES),
            "PayerName": payer,
            "PayerId": payer_id,
            "ServiceDate": appointment["StartDate"],
            "TotalCharges": float(appointment["Price"]),
            "DateCreated": created,
            "LastModified": min(created + rng.randint(0, 20) * _DAY_MS, now),
        }


def add_file(
    data: IntakeQData,
    *,
    client_id: int,
    filename: str,
    content_type: str,
    body: bytes,
    folder_id: str | None,
    created_ms: int,
) -> Json:
    """Store *body* as a file of client *client_id*; returns its listing entry."""
    file_id = data.new_id()
    meta: Json = {
        "Id": file_id,
        "DateCreated": created_ms,
        "Size": len(body),
        "FileName": filename,
        "ContentType": content_type,
        "FolderId": folder_id,
    }
    data.files[file_id] = (meta, body)
    data.file_clients[file_id] = client_id
    return meta


def _seed_files(data: IntakeQData) -> None:
    insurance = next(iter(data.folders), None)
    for client_id in list(data.clients)[:3]:
        name = data.clients[client_id]["Name"]
        created = to_ms(SEED_NOW) - client_id * _DAY_MS
        add_file(
            data,
            client_id=client_id,
            filename="referral letter.txt",
            content_type="text/plain",
            body=f"Referral for {name}.\n".encode(),
            folder_id=None,
            created_ms=created,
        )
        add_file(
            data,
            client_id=client_id,
            filename="insurance card.png",
            content_type="image/png",
            body=b"\x89PNG\r\n\x1a\n" + data.rng.randbytes(48),
            folder_id=insurance,
            created_ms=created + 60_000,
        )

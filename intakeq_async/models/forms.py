"""Intake forms, questionnaire templates, treatment notes and practitioners.

Intakes and notes share the question shape (``Question`` with rows and attachments).
"""

from __future__ import annotations

import enum
from datetime import datetime

import attrs

from common import NOT_GIVEN, NotGivenOr
from common.models import Model, UnixMillis, wire_names

__all__ = [
    "Attachment",
    "ConsentForm",
    "DeliveryMethod",
    "Intake",
    "IntakeStatus",
    "IntakeSummary",
    "Note",
    "NoteStatus",
    "NoteSummary",
    "OfficeUseAnswers",
    "Practitioner",
    "Question",
    "QuestionAnswer",
    "QuestionRow",
    "Questionnaire",
    "Resend",
    "SendQuestionnaire",
]


class IntakeStatus(str, enum.Enum):
    """An intake's ``Status`` (a string in the official C# client; the values are from
    third-party integrations and unconfirmed — others stay plain strings)."""

    SENT = "Sent"
    PARTIAL = "Partial"
    COMPLETED = "Completed"
    OFFLINE = "Offline"


class NoteStatus(enum.IntEnum):
    """A treatment note's lock status as the notes query's ``status`` filter takes it: an
    integer, 1 = locked, 2 = unlocked (help centre, article 342 "Notes API"; the official C#
    client types the filter ``int?``).

    A note's own ``Status`` is sent as a word (``locked``/``unlocked`` in every public
    source); :attr:`NoteSummary.lock_status` reads it as a member of this enum.
    """

    LOCKED = 1
    UNLOCKED = 2

    @classmethod
    def of(cls, value: object) -> NoteStatus | None:
        """The member *value* names: ``1``/``2`` (number or digits) or the word ``locked``/
        ``unlocked`` in any case; ``None`` for anything else (a status IntakeQ adds later)."""
        if isinstance(value, bool):
            return None
        if isinstance(value, str):
            word = value.strip().casefold()
            for member in cls:
                if word in (member.name.casefold(), str(member.value)):
                    return member
            return None
        if isinstance(value, int):
            return cls._value2member_map_.get(value)  # type: ignore[return-value]
        return None


class DeliveryMethod(str, enum.Enum):
    """How ``POST /intakes/resend`` delivers a form (official C# client ``ResendForm``;
    leave it out to reuse the original method)."""

    EMAIL = "email"
    SMS = "sms"


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class QuestionRow(Model):
    """A row of a matrix question: ``{Text, Answers}`` (official C# client ``Row``)."""

    text: str | None = None
    answers: list[str] | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class Attachment(Model):
    """A file attached to an answer: ``{Id, FileName, ContentType, Url}``.

    Download it with ``GET /attachments/{id}``. Source: official C# client ``Attachment``.
    """

    id: str
    file_name: str | None = None
    content_type: str | None = None
    url: str | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class Question(Model):
    """A question of an intake or a note, with its answer.

    ``{Id, Text, Answer, QuestionType, OfficeUse, Rows, ColumnNames, Attachments}`` from
    the official C# client (``Models/Question.cs``) and help centre; ``OfficeNote`` and
    ``ClientProfileFieldId`` from third-party integrations.
    """

    id: str
    text: str | None = None
    answer: str | None = None
    question_type: str | None = None
    office_use: bool | None = None
    office_note: str | None = None
    client_profile_field_id: str | None = None
    rows: list[QuestionRow] | None = None
    column_names: list[str] | None = None
    attachments: list[Attachment] | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class ConsentForm(Model):
    """A consent form of an intake package: ``{Id, Name, DocumentType, Signed,
    DateSubmitted}`` (official C# client ``Intake.ConsentForm``; milliseconds)."""

    id: str | None = None
    name: str | None = None
    document_type: str | None = None
    signed: bool | None = None
    date_submitted: UnixMillis | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class IntakeSummary(Model):
    """An intake without its answers: ``GET /intakes/summary`` (array of up to 100).

    Help centre ("Query Intake Forms": id, status, client info) and official C# client
    (``Models/IntakeSummary.cs``); ``Practitioner`` is the practitioner's email there.
    ``PractitionerName``, ``QuestionnaireId`` and ``AppointmentId`` are third-party.
    """

    id: str
    client_id: int | None = None
    client_name: str | None = None
    client_email: str | None = None
    external_client_id: str | None = None
    status: IntakeStatus | str | None = None
    date_created: UnixMillis | None = None
    date_submitted: UnixMillis | None = None
    questionnaire_name: str | None = None
    questionnaire_id: str | None = None
    practitioner: str | None = None
    practitioner_id: str | None = None
    practitioner_name: str | None = None
    appointment_id: str | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class Intake(IntakeSummary):
    """A full intake: ``GET /intakes/{id}``; also the answer of ``POST /intakes/send`` and
    ``POST /intakes`` (office-use answers).

    The summary plus ``Questions``, ``ConsentForms`` and ``Url`` (official C# client
    ``Models/Intake.cs``; help centre).
    """

    questions: list[Question] | None = None
    consent_forms: list[ConsentForm] | None = None
    url: str | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class Questionnaire(Model):
    """A questionnaire (form) template: ``GET /questionnaires`` (array).

    ``{Id, Name, Archived, Anonymous, PractitionerId, ExternalPractitionerId}`` (official
    C# client ``Models/Questionnaire.cs``).
    """

    id: str
    name: str | None = None
    archived: bool | None = None
    anonymous: bool | None = None
    practitioner_id: str | None = None
    external_practitioner_id: str | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class Practitioner(Model):
    """A practitioner of the practice: ``GET /practitioners`` (array).

    Official C# client (``Models/Practitioner.cs``); its ``DateCreated`` has no millisecond
    converter there, so both ISO strings and milliseconds are accepted.
    """

    id: str
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    external_practitioner_id: str | None = None
    date_created: UnixMillis | datetime | None = None
    is_inactive: bool | None = None
    role_name: str | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class NoteSummary(Model):
    """A treatment note without its contents: ``GET /notes/summary`` (array of up to 100).

    Help centre (Notes API) and official C# client (``TreatmentNoteSummary``): ``Date`` is
    Unix milliseconds, ``NoteName`` the template's name. ``AppointmentId`` is third-party.
    ``Status`` is kept as sent (a string in the C# client, ``locked``/``unlocked`` in
    third-party ones); :attr:`lock_status` gives it as a :class:`NoteStatus`.
    """

    id: str
    client_id: int | None = None
    client_name: str | None = None
    client_email: str | None = None
    status: str | None = None
    date: UnixMillis | None = None
    note_name: str | None = None
    practitioner_id: str | None = None
    practitioner_name: str | None = None
    practitioner_email: str | None = None
    appointment_id: str | None = None

    @property
    def lock_status(self) -> NoteStatus | None:
        """``Status`` as a :class:`NoteStatus` (the value the ``status`` filter takes), or
        ``None`` when it is absent or a word this library does not know."""
        return NoteStatus.of(self.status)


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class Note(NoteSummary):
    """A full treatment note: ``GET /notes/{id}`` — the summary plus ``Questions``
    (help centre; official C# client ``TreatmentNote``)."""

    questions: list[Question] | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class SendQuestionnaire:
    """Body of ``POST /intakes/send``: send a questionnaire to a client.

    ``QuestionnaireId`` and either ``ClientId`` or ``ClientName`` + ``ClientEmail`` (a new
    client is created); ``PractitionerId``, ``ClientPhone`` and ``ExternalClientId`` are
    optional. Official C# client ``SendForm``; unset fields are not sent.
    """

    questionnaire_id: str
    client_id: NotGivenOr[int] = NOT_GIVEN
    client_name: NotGivenOr[str] = NOT_GIVEN
    client_email: NotGivenOr[str] = NOT_GIVEN
    client_phone: NotGivenOr[str] = NOT_GIVEN
    practitioner_id: NotGivenOr[str] = NOT_GIVEN
    external_client_id: NotGivenOr[str] = NOT_GIVEN


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class Resend:
    """Body of ``POST /intakes/resend``: ``{IntakeId, DeliveryMethod}`` (official C#
    client ``ResendForm``; no method = the original one)."""

    intake_id: str
    delivery_method: NotGivenOr[DeliveryMethod | str] = NOT_GIVEN


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class QuestionAnswer:
    """One office-use answer to write: the question's ``Id`` and its new answer.

    The official C# client sends the intake's office-use ``Question`` objects back; this
    body carries only what changes (unset fields are not sent).
    """

    id: str
    answer: NotGivenOr[str | None] = NOT_GIVEN
    rows: NotGivenOr[list[QuestionRow]] = NOT_GIVEN
    office_note: NotGivenOr[str | None] = NOT_GIVEN

    @classmethod
    def from_question(cls, question: Question) -> QuestionAnswer:
        """The answer a fetched ``Question`` currently holds (to send it back edited)."""
        return cls(
            id=question.id,
            answer=question.answer,
            rows=NOT_GIVEN if question.rows is None else question.rows,
        )


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class OfficeUseAnswers:
    """Body of ``POST /intakes``: ``{Id, Questions}`` — update an intake's office-use answers
    (official C# client ``UpdateOfficeUseAnswers``)."""

    id: str
    questions: list[QuestionAnswer]

"""Intake forms (summaries, full intakes, PDFs, sending) and questionnaire templates."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from common import (
    AsyncPager,
    Download,
    InvalidRequestError,
    Resource,
    Unpaged,
    deprecated_alias,
    filtered,
    is_given,
)
from common.checks import require_length

from .. import paths
from ..filters import IntakeFilters
from ..models import (
    Intake,
    IntakeSummary,
    OfficeUseAnswers,
    QuestionAnswer,
    Questionnaire,
    Resend,
    SendQuestionnaire,
)


class Intakes(Resource):
    @filtered(IntakeFilters)
    def list(self, filters: IntakeFilters) -> AsyncPager[IntakeSummary]:
        """Intake summaries, 100 a page (``GET /intakes/summary``), filtered by the keywords
        of :class:`~intakeq_async.filters.IntakeFilters`; ``all=True`` includes forms not
        yet submitted."""
        return self._list(paths.INTAKE_SUMMARIES, model=IntakeSummary, params=filters)

    @deprecated_alias(list)
    def query(self) -> None:
        """Deprecated since 0.2: the old name of :meth:`list`, kept for one release."""

    async def get(self, intake_id: str) -> Intake:
        """A full intake with its questions and answers (``GET /intakes/{id}``)."""
        return await self._get(paths.INTAKE, {"id": intake_id}, model=Intake)

    def pdf(self, intake_id: str) -> Download:
        """The intake as a PDF (``GET /intakes/{id}/pdf``)."""
        return self._download(paths.INTAKE_PDF, {"id": intake_id})

    def consent_pdf(self, intake_id: str, consent_form_id: str) -> Download:
        """One consent form of an intake as a PDF
        (``GET /intakes/{id}/consent/{consentFormId}/pdf``); *consent_form_id* is the ``id``
        of one of the intake's ``consent_forms``. Third-party source: unconfirmed path."""
        return self._download(
            paths.INTAKE_CONSENT_PDF, {"id": intake_id, "consent_form_id": consent_form_id}
        )

    def attachment(self, attachment_id: str) -> Download:
        """A file a client attached to an intake (``GET /attachments/{id}``)."""
        return self._download(paths.ATTACHMENT, {"id": attachment_id})

    async def send(self, questionnaire: SendQuestionnaire) -> Intake:
        """Send a questionnaire to a client (``POST /intakes/send``): give ``client_id``, or
        ``client_name`` and ``client_email`` for a new client."""
        known = is_given(questionnaire.client_id)
        new = is_given(questionnaire.client_name) and is_given(questionnaire.client_email)
        if known == new:
            raise InvalidRequestError(
                "give client_id, or client_name and client_email (for a new client), not both"
            )
        return await self._request("POST", paths.INTAKE_SEND, model=Intake, body=questionnaire)

    async def resend(
        self, intake_id: str, delivery_method: Literal["Email", "Sms"] | str = "Email"
    ) -> None:
        """Send a questionnaire again (``POST /intakes/resend``)."""
        body = Resend(intake_id=intake_id, delivery_method=delivery_method)
        await self._request("POST", paths.INTAKE_RESEND, body=body)

    async def update_office_use(self, intake_id: str, answers: Sequence[QuestionAnswer]) -> Intake:
        """Fill the office-use answers of an intake (``POST /intakes``); build each answer
        with ``QuestionAnswer.from_question(question)`` from a fetched intake."""
        require_length(1, None, answers=answers)
        body = OfficeUseAnswers(id=intake_id, questions=[*answers])
        return await self._request("POST", paths.INTAKES, model=Intake, body=body)


class Questionnaires(Resource):
    def list(self) -> AsyncPager[Questionnaire]:
        """The questionnaire templates (``GET /questionnaires``, one bare array)."""
        return self._list(paths.QUESTIONNAIRES, model=Questionnaire, paging=Unpaged())

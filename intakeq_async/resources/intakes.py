"""Intake forms (summaries, full intakes, PDFs, sending) and questionnaire templates."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Literal

from common import AsyncPager, Download, InvalidRequestError, Resource, Unpaged, format_path
from common._sentinel import is_given
from common.models import unstructure
from common.params import day

from .. import paths
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
    def query(
        self,
        *,
        client: str | None = None,
        client_id: int | None = None,
        external_client_id: str | None = None,
        start_date: date | None = None,
        end_date: date | None = None,
        all: bool | None = None,
        updated_since: date | None = None,
        deleted_only: bool | None = None,
    ) -> AsyncPager[IntakeSummary]:
        """Intake summaries, 100 a page (``GET /intakes/summary``); ``all=True`` includes
        forms not yet submitted."""
        return self._client.paginate(
            paths.INTAKE_SUMMARIES,
            model=IntakeSummary,
            params={
                "client": client,
                "clientId": client_id,
                "externalClientId": external_client_id,
                "startDate": day("start_date", start_date),
                "endDate": day("end_date", end_date),
                "all": all,
                "updatedSince": day("updated_since", updated_since),
                "deletedOnly": deleted_only,
            },
        )

    async def get(self, intake_id: str) -> Intake:
        """A full intake with its questions and answers (``GET /intakes/{id}``)."""
        return await self._client.request_model(
            Intake, "GET", format_path(paths.INTAKE, id=intake_id)
        )

    def pdf(self, intake_id: str) -> Download:
        """The intake as a PDF (``GET /intakes/{id}/pdf``)."""
        return self._client.download(format_path(paths.INTAKE_PDF, id=intake_id))

    def consent_pdf(self, intake_id: str, consent_form_id: str) -> Download:
        """One consent form of an intake as a PDF
        (``GET /intakes/{id}/consent/{consentFormId}/pdf``); *consent_form_id* is the ``id``
        of one of the intake's ``consent_forms``. Third-party source: unconfirmed path."""
        return self._client.download(
            format_path(paths.INTAKE_CONSENT_PDF, id=intake_id, consent_form_id=consent_form_id)
        )

    def attachment(self, attachment_id: str) -> Download:
        """A file a client attached to an intake (``GET /attachments/{id}``)."""
        return self._client.download(format_path(paths.ATTACHMENT, id=attachment_id))

    async def send(self, questionnaire: SendQuestionnaire) -> Intake:
        """Send a questionnaire to a client (``POST /intakes/send``): give ``client_id``, or
        ``client_name`` and ``client_email`` for a new client."""
        known = is_given(questionnaire.client_id)
        new = is_given(questionnaire.client_name) and is_given(questionnaire.client_email)
        if known == new:
            raise InvalidRequestError(
                "give client_id, or client_name and client_email (for a new client), not both"
            )
        return await self._client.request_model(
            Intake, "POST", paths.INTAKE_SEND, json=unstructure(questionnaire)
        )

    async def resend(
        self, intake_id: str, delivery_method: Literal["Email", "Sms"] | str = "Email"
    ) -> None:
        """Send a questionnaire again (``POST /intakes/resend``)."""
        body = Resend(intake_id=intake_id, delivery_method=delivery_method)
        await self._client.request("POST", paths.INTAKE_RESEND, json=unstructure(body))

    async def update_office_use(self, intake_id: str, answers: Sequence[QuestionAnswer]) -> Intake:
        """Fill the office-use answers of an intake (``POST /intakes``); build each answer
        with ``QuestionAnswer.from_question(question)`` from a fetched intake."""
        if not answers:
            raise InvalidRequestError("give at least one answer")
        body = OfficeUseAnswers(id=intake_id, questions=list(answers))
        return await self._client.request_model(
            Intake, "POST", paths.INTAKES, json=unstructure(body)
        )


class Questionnaires(Resource):
    def list(self) -> AsyncPager[Questionnaire]:
        """The questionnaire templates (``GET /questionnaires``, one bare array)."""
        return self._client.paginate(paths.QUESTIONNAIRES, model=Questionnaire, paging=Unpaged())

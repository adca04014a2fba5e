"""Treatment notes: summaries, full notes, PDFs."""

from __future__ import annotations

from datetime import date

from common import AsyncPager, Download, InvalidRequestError, Resource, format_path
from common.params import day

from .. import paths
from ..models import Note, NoteStatus, NoteSummary


class Notes(Resource):
    def query(
        self,
        *,
        client: str | None = None,
        client_id: int | None = None,
        status: NoteStatus | None = None,
        start_date: date | None = None,
        end_date: date | None = None,
        updated_since: date | None = None,
        deleted_only: bool | None = None,
    ) -> AsyncPager[NoteSummary]:
        """Note summaries, 100 a page (``GET /notes/summary``).

        *status* filters on the lock status, sent as the integer IntakeQ takes:
        ``NoteStatus.LOCKED`` (``status=1``) or ``NoteStatus.UNLOCKED`` (``status=2``).
        """
        if status is not None:
            checked: object = status  # callers without a type checker pass words too
            if isinstance(checked, bool) or not isinstance(checked, int) or checked not in (1, 2):
                raise InvalidRequestError(
                    f"status must be NoteStatus.LOCKED or NoteStatus.UNLOCKED, not {status!r}"
                )
            status = NoteStatus(checked)
        return self._client.paginate(
            paths.NOTE_SUMMARIES,
            model=NoteSummary,
            params={
                "client": client,
                "clientId": client_id,
                "status": status,
                "startDate": day("start_date", start_date),
                "endDate": day("end_date", end_date),
                "updatedSince": day("updated_since", updated_since),
                "deletedOnly": deleted_only,
            },
        )

    async def get(self, note_id: str) -> Note:
        """A full note (``GET /notes/{id}``)."""
        return await self._client.request_model(Note, "GET", format_path(paths.NOTE, id=note_id))

    def pdf(self, note_id: str) -> Download:
        """The note as a PDF (``GET /notes/{id}/pdf``)."""
        return self._client.download(format_path(paths.NOTE_PDF, id=note_id))

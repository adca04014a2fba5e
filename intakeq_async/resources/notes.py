"""Treatment notes: summaries, full notes, PDFs."""

from __future__ import annotations

from common import AsyncPager, Download, Resource, deprecated_alias, filtered

from .. import paths
from ..filters import NoteFilters
from ..models import Note, NoteSummary


class Notes(Resource):
    @filtered(NoteFilters)
    def list(self, filters: NoteFilters) -> AsyncPager[NoteSummary]:
        """Note summaries, 100 a page (``GET /notes/summary``), filtered by the keywords of
        :class:`~intakeq_async.filters.NoteFilters`.

        *status* filters on the lock status, sent as the integer IntakeQ takes:
        ``NoteStatus.LOCKED`` (``status=1``) or ``NoteStatus.UNLOCKED`` (``status=2``); any
        other value raises :class:`~common.InvalidRequestError` before sending.
        """
        return self._list(paths.NOTE_SUMMARIES, model=NoteSummary, params=filters)

    @deprecated_alias(list)
    def query(self) -> None:
        """Deprecated since 0.2: the old name of :meth:`list`, kept for one release."""

    async def get(self, note_id: str) -> Note:
        """A full note (``GET /notes/{id}``)."""
        return await self._get(paths.NOTE, {"id": note_id}, model=Note)

    def pdf(self, note_id: str) -> Download:
        """The note as a PDF (``GET /notes/{id}/pdf``)."""
        return self._download(paths.NOTE_PDF, {"id": note_id})

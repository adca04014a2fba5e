"""Case updates: how customers and staff communicate on a case (the vendor's own document)."""

from __future__ import annotations

from common import AsyncPager, Resource, filtered, is_given
from common.checks import require_changes, require_id, require_text
from common.models import unstructure

from .. import paths
from ..filters import CaseUpdateFilters
from ..models import CaseUpdate, CaseUpdateChanges, CaseUpdateInput


class CaseUpdates(Resource):
    @filtered(CaseUpdateFilters)
    def list(self, filters: CaseUpdateFilters) -> AsyncPager[CaseUpdate]:
        """Case updates matching every filter given (``GET /case/updates``, paged), as
        :class:`~caseupdates_async.filters.CaseUpdateFilters` lists them."""
        return self._list(paths.CASE_UPDATES, model=CaseUpdate, params=filters)

    async def get(self, case_update_id: int) -> CaseUpdate:
        """One case update (``GET /case/updates/{id}``)."""
        return await self._get(paths.CASE_UPDATE, {"id": case_update_id}, model=CaseUpdate)

    async def create(self, update: CaseUpdateInput) -> CaseUpdate:
        """Add an update to a case (``POST /case/updates``, body under ``"update"``).

        ``activity_at`` as a ``date`` makes an all-day update; as a ``datetime``, a timed one.
        """
        require_id(casefile_id=update.casefile_id, access_group_id=update.access_group_id)
        require_text(title=update.title, body=update.body)
        return await self._create(
            paths.CASE_UPDATES, model=CaseUpdate, body=update, envelope="update"
        )

    async def update(self, case_update_id: int, changes: CaseUpdateChanges) -> CaseUpdate:
        """Change an update; only the fields given are sent (``PUT /case/updates/{id}``)."""
        body = unstructure(changes)
        require_changes(body)
        for name in ("title", "body"):
            value = getattr(changes, name)
            if is_given(value):
                require_text(**{name: value})
        return await self._update(
            paths.CASE_UPDATE,
            {"id": case_update_id},
            model=CaseUpdate,
            body=body,
            envelope="update",
        )

"""Case updates: how customers and staff communicate on a case (the vendor's own document)."""

from __future__ import annotations

from common import AsyncPager, InvalidRequestError, Resource, format_path
from common._sentinel import is_given
from common._typing import Unpack
from common.models import unstructure

from .. import paths
from ..filters import CaseUpdateFilters, wire_params
from ..models import CaseUpdate, CaseUpdateChanges, CaseUpdateInput
from ._checks import require_id, require_text


class CaseUpdates(Resource):
    def list(self, **filters: Unpack[CaseUpdateFilters]) -> AsyncPager[CaseUpdate]:
        """Case updates matching every filter given (``GET /case/updates``, paged)."""
        return self._client.paginate(
            paths.CASE_UPDATES, model=CaseUpdate, params=wire_params(filters, CaseUpdateFilters)
        )

    async def get(self, case_update_id: int) -> CaseUpdate:
        """One case update (``GET /case/updates/{id}``)."""
        return await self._client.request_model(
            CaseUpdate, "GET", format_path(paths.CASE_UPDATE, id=case_update_id)
        )

    async def create(self, update: CaseUpdateInput) -> CaseUpdate:
        """Add an update to a case (``POST /case/updates``, body under ``"update"``).

        ``activity_at`` as a ``date`` makes an all-day update; as a ``datetime``, a timed one.
        """
        require_id(casefile_id=update.casefile_id, access_group_id=update.access_group_id)
        require_text(title=update.title, body=update.body)
        return await self._client.request_model(
            CaseUpdate, "POST", paths.CASE_UPDATES, json={"update": unstructure(update)}
        )

    async def update(self, case_update_id: int, changes: CaseUpdateChanges) -> CaseUpdate:
        """Change an update; only the fields given are sent (``PUT /case/updates/{id}``)."""
        body = unstructure(changes)
        if not body:
            raise InvalidRequestError("give at least one field to change")
        for name in ("title", "body"):
            value = getattr(changes, name)
            if is_given(value):
                require_text(**{name: value})
        return await self._client.request_model(
            CaseUpdate,
            "PUT",
            format_path(paths.CASE_UPDATE, id=case_update_id),
            json={"update": body},
        )

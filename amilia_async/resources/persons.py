"""Persons: the people who take part in activities."""

from __future__ import annotations

from common import Resource

from .. import paths
from ..models import Person


class Persons(Resource):
    async def get_by_external_id(self, external_id: str) -> Person:
        """The person with your own *external_id* (``GET /persons/external/{id}``)."""
        return await self._get(paths.PERSON_BY_EXTERNAL_ID, {"id": external_id}, model=Person)

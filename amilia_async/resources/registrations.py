"""Registrations across the organization."""

from __future__ import annotations

from datetime import date

from common import AsyncPager, Resource
from common.params import day

from .. import paths
from ..models import Registration


class Registrations(Resource):
    def list(
        self,
        *,
        show_ended: bool | None = None,
        from_date: date | None = None,
        to_date: date | None = None,
    ) -> AsyncPager[Registration]:
        """The organization's registrations (``GET /registrations``, paged)."""
        return self._client.paginate(
            paths.REGISTRATIONS,
            model=Registration,
            params={
                "showEnded": show_ended,
                "from": day("from_date", from_date),
                "to": day("to_date", to_date),
            },
        )

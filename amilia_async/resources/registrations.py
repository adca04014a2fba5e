"""Registrations across the organization."""

from __future__ import annotations

from common import AsyncPager, Resource, filtered

from .. import paths
from ..filters import RegistrationFilters
from ..models import Registration


class Registrations(Resource):
    @filtered(RegistrationFilters)
    def list(self, filters: RegistrationFilters) -> AsyncPager[Registration]:
        """The organization's registrations (``GET /registrations``, paged), with
        ``show_ended`` and the days ``from_date`` and ``to_date``."""
        return self._list(paths.REGISTRATIONS, model=Registration, params=filters)

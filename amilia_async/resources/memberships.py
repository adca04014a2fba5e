"""Memberships: the organization's membership types."""

from __future__ import annotations

from common import AsyncPager, Resource, filtered

from .. import paths
from ..filters import MembershipFilters
from ..models import Membership


class Memberships(Resource):
    @filtered(MembershipFilters)
    def list(self, filters: MembershipFilters) -> AsyncPager[Membership]:
        """The organization's memberships (``GET /memberships``, paged; Amilia shows only
        active ones unless ``show_active_only=False``)."""
        return self._list(paths.MEMBERSHIPS, model=Membership, params=filters)

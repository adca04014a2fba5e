"""Memberships: the organization's membership types."""

from __future__ import annotations

from common import AsyncPager, Resource

from .. import paths
from ..models import Membership


class Memberships(Resource):
    def list(
        self, *, show_hidden: bool | None = None, show_active_only: bool | None = None
    ) -> AsyncPager[Membership]:
        """The organization's memberships (``GET /memberships``, paged; Amilia shows only
        active ones unless ``show_active_only=False``)."""
        return self._client.paginate(
            paths.MEMBERSHIPS,
            model=Membership,
            params={"showHidden": show_hidden, "showActiveonly": show_active_only},
        )

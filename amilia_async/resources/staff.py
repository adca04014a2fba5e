"""Staff: the organization's employees and instructors (path unconfirmed, see paths.py)."""

from __future__ import annotations

from common import AsyncPager, Resource

from .. import paths
from ..models import StaffMember


class Staff(Resource):
    def list(self) -> AsyncPager[StaffMember]:
        """The organization's staff (``GET /staff``, paged)."""
        return self._list(paths.STAFF, model=StaffMember)

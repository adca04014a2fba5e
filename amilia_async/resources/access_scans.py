"""Access scans: card or barcode scans at the door (path unconfirmed, see paths.py)."""

from __future__ import annotations

from common import AsyncPager, Resource, filtered

from .. import paths
from ..filters import AccessScanFilters
from ..models import AccessScan


class AccessScans(Resource):
    @filtered(AccessScanFilters)
    def list(self, filters: AccessScanFilters) -> AsyncPager[AccessScan]:
        """Scans between two days, ``start`` and ``end`` (``GET /accessscans``, paged)."""
        return self._list(paths.ACCESS_SCANS, model=AccessScan, params=filters)

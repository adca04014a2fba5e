"""Access scans: card or barcode scans at the door (path unconfirmed, see paths.py)."""

from __future__ import annotations

from datetime import date

from common import AsyncPager, Resource
from common.params import day

from .. import paths
from ..models import AccessScan


class AccessScans(Resource):
    def list(self, *, start: date | None = None, end: date | None = None) -> AsyncPager[AccessScan]:
        """Scans between two days (``GET /accessscans``, paged)."""
        return self._client.paginate(
            paths.ACCESS_SCANS,
            model=AccessScan,
            params={"start": day("start", start), "end": day("end", end)},
        )

"""Steps: 2 operations

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from common import AsyncPager

from ..models.inputs import StepsValidation
from ..models.records import AvailableStep, ValidatedSteps
from ._base import AmiqusResource

__all__ = ["Steps"]


class Steps(AmiqusResource):
    """The spec's 'Steps' operations."""

    def list(self, *, limit: int | None = None) -> AsyncPager[AvailableStep]:
        """List all steps.

        ``GET /steps`` (``get-steps``).

        List all steps available for use.
        """
        return self._paged("/steps", AvailableStep, limit=limit)

    async def validate(self, body: StepsValidation) -> ValidatedSteps:
        """Validate steps.

        ``POST /steps`` (``post-steps``).

        Validate steps and return costs.
        """
        return await self._model(ValidatedSteps, "POST", "/steps", json=body)

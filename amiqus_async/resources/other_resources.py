"""Other Resources: 1 operations

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from ..models.inputs import SdkTokenInput
from ..models.records import SdkToken
from ._base import AmiqusResource

__all__ = ["OtherResources"]


class OtherResources(AmiqusResource):
    """The spec's 'Other Resources' operations."""

    async def create_sdk_token(self, body: SdkTokenInput) -> SdkToken:
        """Create an SDK token.

        ``POST /sdk_token`` (``post-sdk_token``).
        """
        return await self._model(SdkToken, "POST", "/sdk_token", json=body)

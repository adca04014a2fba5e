"""Service Status: 1 operations

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from ._base import AmiqusResource

__all__ = ["ServiceStatus"]


class ServiceStatus(AmiqusResource):
    """The spec's 'Service Status' operations."""

    async def check(self) -> None:
        """Check service status.

        ``GET /status`` (``get-status``).

        The status endpoint can be used to perform an authenticated request to verify the access
        token is valid and that the service is operational.
        """
        await self._none("GET", "/status")

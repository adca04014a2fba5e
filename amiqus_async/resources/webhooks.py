"""Webhooks: 6 operations

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from common import AsyncPager

from ..models.inputs import WebhookInput, WebhookUpdate
from ..models.webhooks import Webhook, WebhookDelivery
from ._base import AmiqusResource

__all__ = ["Webhooks"]


class Webhooks(AmiqusResource):
    """The spec's 'Webhooks' operations."""

    def list(self, *, enabled: bool | None = None, limit: int | None = None) -> AsyncPager[Webhook]:
        """List all webhooks.

        ``GET /webhooks`` (``get-webhooks``).

        Returns a paginated list of webhooks.
        """
        return self._paged("/webhooks", Webhook, params={"enabled": enabled}, limit=limit)

    async def create(self, body: WebhookInput) -> Webhook:
        """Create a webhook.

        ``POST /webhooks`` (``post-webhooks``).
        """
        return await self._model(Webhook, "POST", "/webhooks", json=body)

    async def get(self, webhook_id: int) -> Webhook:
        """Retrieve a webhook.

        ``GET /webhooks/{id}`` (``get-webhooks-id``).
        """
        return await self._model(Webhook, "GET", self._path("/webhooks/{id}", id=webhook_id))

    async def update(self, webhook_id: int, body: WebhookUpdate) -> Webhook:
        """Update a webhook.

        ``PATCH /webhooks/{id}`` (``patch-webhooks-id``).
        """
        return await self._model(
            Webhook,
            "PATCH",
            self._path("/webhooks/{id}", id=webhook_id),
            json=body,
        )

    async def delete(self, webhook_id: int) -> None:
        """Delete a webhook.

        ``DELETE /webhooks/{id}`` (``delete-webhooks-id``).
        """
        await self._none("DELETE", self._path("/webhooks/{id}", id=webhook_id))

    def list_deliveries(
        self,
        webhook_id: int,
        *,
        limit: int | None = None,
    ) -> AsyncPager[WebhookDelivery]:
        """List all deliveries for a webhook.

        ``GET /webhooks/{id}/deliveries`` (``get-webhooks-id-deliveries``).
        """
        return self._paged(
            self._path("/webhooks/{id}/deliveries", id=webhook_id),
            WebhookDelivery,
            limit=limit,
        )

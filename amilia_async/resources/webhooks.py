"""Webhook subscriptions: where Amilia posts events (paths unconfirmed, see paths.py)."""

from __future__ import annotations

from common import AsyncPager, Resource, Unpaged
from common.checks import require_text, require_url

from .. import paths
from ..models import (
    DEFAULT_WEBHOOK_VERSION,
    WebhookAction,
    WebhookContext,
    WebhookSubscription,
    WebhookSubscriptionCreate,
)


class Webhooks(Resource):
    def list(self) -> AsyncPager[WebhookSubscription]:
        """The organization's webhook subscriptions (``GET /webhooks``, one bare array)."""
        return self._list(paths.WEBHOOKS, model=WebhookSubscription, paging=Unpaged())

    async def create(
        self,
        *,
        name: str,
        url: str,
        context: WebhookContext | str,
        action: WebhookAction | str,
        version: str = DEFAULT_WEBHOOK_VERSION,
    ) -> WebhookSubscription:
        """Subscribe *url* to events of *context* and *action* (``POST /webhooks``).

        Sends ``{Name, Url, Context, Action, Version}``. A context or action this package does
        not list is sent as given. The answer may carry only the new ``Id``: the other fields
        of the returned subscription are then ``None`` (``list()`` shows them).
        """
        require_text(name=name, context=context, action=action, version=version)
        require_url(url=url)
        body = WebhookSubscriptionCreate(
            name=name, url=url, context=context, action=action, version=version
        )
        return await self._create(paths.WEBHOOKS, model=WebhookSubscription, body=body)

    async def delete(self, subscription_id: int) -> None:
        """Remove a subscription (``DELETE /webhooks/{id}``)."""
        await self._delete(paths.WEBHOOK, {"id": subscription_id})

"""Webhook subscriptions: where Amilia posts events (paths unconfirmed, see paths.py)."""

from __future__ import annotations

from common import AsyncPager, InvalidRequestError, Resource, Unpaged, format_path
from common.models import unstructure

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
        return self._client.paginate(paths.WEBHOOKS, model=WebhookSubscription, paging=Unpaged())

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
        given: dict[str, object] = {
            "name": name,
            "context": context,
            "action": action,
            "url": url,
            "version": version,
        }
        for field, value in given.items():
            if not isinstance(value, str) or not value.strip():
                raise InvalidRequestError(f"{field} must be a non-empty string")
        if not url.startswith(("https://", "http://")):
            raise InvalidRequestError("url must be an absolute http(s) URL")
        body = WebhookSubscriptionCreate(
            name=name, url=url, context=context, action=action, version=version
        )
        return await self._client.request_model(
            WebhookSubscription, "POST", paths.WEBHOOKS, json=unstructure(body)
        )

    async def delete(self, subscription_id: int) -> None:
        """Remove a subscription (``DELETE /webhooks/{id}``)."""
        await self._client.request("DELETE", format_path(paths.WEBHOOK, id=subscription_id))

"""Webhooks and their deliveries

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from common import Secret
from common.models import Model, wire

from .enums import WebhookDeliveryEvents, WebhookSubscribeEvents

__all__ = [
    "Webhook",
    "WebhookDelivery",
    "WebhookDeliveryRequest",
    "WebhookDeliveryRequestBody",
    "WebhookDeliveryRequestHeaders",
    "WebhookDeliveryResponse",
]


@attrs.frozen(kw_only=True)
class Webhook(Model):
    """Webhook."""

    object: str
    """Always ``'webhook'``."""

    id: int
    """The unique webhook identifier."""

    uuid: str | None = None
    """The globally unique webhook identifier."""

    url: str | None = None
    """The webhook delivery url."""

    secret: Secret | None = None
    """Shared secret key used to sign webhook payloads."""

    events: list[WebhookSubscribeEvents | str] | None = None
    """The event or events this webhook is subscribed to. Supports wildcards; `*` all events,
    `client.*` all client events, etc.
    """

    is_enabled: bool | None = None
    """Whether or not the webhook is currently enabled."""

    created_at: datetime | None = None
    """Date and time the webhook was created."""

    updated_at: datetime | None = None
    """Date and time the webhook was last updated."""


@attrs.frozen(kw_only=True)
class WebhookDelivery(Model):
    """Webhook Delivery."""

    object: str
    """Always ``'webhook_delivery'``."""

    id: int

    uuid: str | None = None

    event: WebhookDeliveryEvents | str | None = None

    attempts: int | None = None

    request: WebhookDeliveryRequest | None = None

    response: WebhookDeliveryResponse | None = None

    last_sent_at: datetime | None = None


@attrs.frozen(kw_only=True)
class WebhookDeliveryRequest(Model):
    """Webhook Delivery Request."""

    url: str | None = None

    method: str | None = None
    """Always ``'POST'``."""

    headers: WebhookDeliveryRequestHeaders | None = None

    body: WebhookDeliveryRequestBody | None = None


@attrs.frozen(kw_only=True)
class WebhookDeliveryResponse(Model):
    """Webhook Delivery Response."""

    status_code: str | None = None

    headers: dict[str, Any] | None = None

    body: dict[str, Any] | list[str] | str | None = None


@attrs.frozen(kw_only=True)
class WebhookDeliveryRequestHeaders(Model):
    """WebhookDeliveryRequestHeaders."""

    content_length: str | None = attrs.field(default=None, metadata=wire("Content-Length"))

    Host: str | None = None

    user_agent: str | None = attrs.field(default=None, metadata=wire("User-Agent"))

    content_type: str | None = attrs.field(default=None, metadata=wire("Content-Type"))
    """Always ``'application/json'``."""

    x_aqid_signature: str | None = attrs.field(default=None, metadata=wire("X-AQID-Signature"))

    x_aqid_delivery_id: str | None = attrs.field(default=None, metadata=wire("X-AQID-Delivery-Id"))


@attrs.frozen(kw_only=True)
class WebhookDeliveryRequestBody(Model):
    """WebhookDeliveryRequestBody."""

    uuid: str | None = None

    event: WebhookDeliveryEvents | str | None = None

    sent_at: datetime | None = None

    data: dict[str, Any] | list[str] | None = None

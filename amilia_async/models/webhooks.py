"""Webhook subscriptions and the envelope Amilia POSTs to a subscriber.

Amilia's webhook page (https://app.amilia.com/apidocs/ApiDocs/v1webhooks.html) says a
subscription has a name, a URL and a context/action pair, and lists the contexts
``Program``, ``Account``, ``Person``... with the actions ``Create``, ``Update``, ``Delete``.
The reference page of the ``/webhooks`` endpoint itself was not found.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

import attrs

from common.models import wire_names

__all__ = [
    "WebhookAction",
    "WebhookContext",
    "WebhookEvent",
    "WebhookSubscription",
    "WebhookSubscriptionCreate",
]


class WebhookContext(str, enum.Enum):
    """The kind of object a webhook is about (the contexts the webhook page names)."""

    PROGRAM = "Program"
    ACCOUNT = "Account"
    PERSON = "Person"


class WebhookAction(str, enum.Enum):
    """What happened to the object."""

    CREATE = "Create"
    UPDATE = "Update"
    DELETE = "Delete"


@wire_names("pascal")
@attrs.frozen
class WebhookSubscription:
    """A webhook subscription: ``GET /webhooks`` (a bare array) and ``POST /webhooks``.

    ``Id`` is assumed (``DELETE /webhooks/{id}`` needs one); the other keys are those of
    the create body.
    """

    id: int
    name: str | None = None
    url: str | None = None
    context: WebhookContext | str | None = None
    action: WebhookAction | str | None = None


@wire_names("pascal")
@attrs.frozen
class WebhookSubscriptionCreate:
    """Body of ``POST /webhooks``: ``{Name, Url, Context, Action}``, all required."""

    name: str
    url: str
    context: WebhookContext | str
    action: WebhookAction | str


@wire_names("pascal")
@attrs.frozen
class WebhookEvent:
    """One delivery: ``{OrganizationId, Context, Action, Name, EventTime, Payload}``.

    ``Payload`` differs per context/action (a registration delivery carries the
    ``RegistrationId`` that ``GET /registrations/{registrationId}`` resolves); structure it
    further with :func:`common.models.structure` once ``context`` is known.
    """

    organization_id: int
    context: WebhookContext | str
    action: WebhookAction | str
    name: str | None = None
    event_time: datetime | None = None
    payload: dict[str, Any] = attrs.field(factory=dict)

"""Webhook subscriptions and the envelope Amilia POSTs to a subscriber.

Amilia's webhook page (https://app.amilia.com/apidocs/ApiDocs/v1webhooks.html) says a
subscription has a name, a URL and a context/action pair, and lists the contexts
``Program``, ``Account``, ``Person``... with the actions ``Create``, ``Update``, ``Delete``.
The reference page of the ``/webhooks`` endpoint itself was not found. Pipedream's Amilia
sources (``components/amilia/sources/common/base.mjs``, ``common/constants.mjs``; third-party)
also send ``Version: "V1"``, subscribe with ``Context: "Activity"``, and read only ``Id`` from
the answer.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any, Final

import attrs

from common.models import Model, wire_names

__all__ = [
    "DEFAULT_WEBHOOK_VERSION",
    "WebhookAction",
    "WebhookContext",
    "WebhookEvent",
    "WebhookSubscription",
    "WebhookSubscriptionCreate",
]

#: The ``Version`` a new subscription asks for: the one value seen in public use (Pipedream
#: sends ``"V1"``; third-party). Amilia documents no other; pass ``version=`` to override.
DEFAULT_WEBHOOK_VERSION: Final = "V1"


class WebhookContext(str, enum.Enum):
    """The kind of object a webhook is about: the contexts the webhook page names, and
    ``Activity`` (Pipedream subscribes with it). The page's list ends with "...": a context
    not listed here is sent and read as a plain string."""

    PROGRAM = "Program"
    ACCOUNT = "Account"
    PERSON = "Person"
    ACTIVITY = "Activity"


class WebhookAction(str, enum.Enum):
    """What happened to the object."""

    CREATE = "Create"
    UPDATE = "Update"
    DELETE = "Delete"


@wire_names("pascal")
@attrs.frozen
class WebhookSubscription(Model):
    """A webhook subscription: ``GET /webhooks`` (a bare array) and ``POST /webhooks``.

    ``Id`` is what a public integration reads back after creating one (``{Id}``: the create
    answer may carry nothing else, so every other field may be ``None`` there); the other
    keys are those of the create body, as the list is assumed to send them.
    """

    id: int
    name: str | None = None
    url: str | None = None
    context: WebhookContext | str | None = None
    action: WebhookAction | str | None = None
    version: str | None = None


@wire_names("pascal")
@attrs.frozen
class WebhookSubscriptionCreate:
    """Body of ``POST /webhooks``: ``{Name, Url, Context, Action, Version}``, all required
    (``Version`` defaults to :data:`DEFAULT_WEBHOOK_VERSION`)."""

    name: str
    url: str
    context: WebhookContext | str
    action: WebhookAction | str
    version: str = DEFAULT_WEBHOOK_VERSION


@wire_names("pascal")
@attrs.frozen
class WebhookEvent(Model):
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

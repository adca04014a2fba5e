"""Handlers for webhook subscriptions: list, create (validated), delete.

``POST /webhooks`` takes ``{Name, Url, Context, Action, Version}`` (Pipedream's body; the
endpoint's reference page was not found) and answers ``201`` with ``{"Id": n}``, all a public
integration reads back; ``GET /webhooks`` lists whole subscriptions. A create is checked the way
an ASP.NET API binds, then validates, a body:

* **400** (parameters or their format invalid): a body that is not a JSON object; any of the
  five fields sent with another JSON type than a string (a number, ``true``, an array, an
  object); ``Version`` missing, empty or not one of :data:`WEBHOOK_VERSIONS`; ``Context`` not
  one of :data:`WEBHOOK_CONTEXTS`. Enum values bind case-insensitively and are stored under
  their own spelling.
* **422** with ``Errors`` (field -> messages): ``Name``, ``Url``, ``Context`` or ``Action``
  missing, ``null`` or blank; ``Url`` not an absolute http(s) URL.

``Action`` is any non-blank string: Amilia's page names ``Create``, ``Update`` and ``Delete``
without saying other values are refused.
"""

from __future__ import annotations

import datetime as dt
from typing import Final
from urllib.parse import urlsplit

from aiohttp import web

from amilia_async.emulator._http import Ctx
from amilia_async.emulator._store import Json
from common.testing import Refusal

__all__ = [
    "WEBHOOK_CONTEXTS",
    "WEBHOOK_VERSIONS",
    "create_webhook",
    "delete_webhook",
    "list_webhooks",
]

#: The contexts a subscription may name: those of Amilia's webhook page (``Program``,
#: ``Account``, ``Person``) and ``Activity`` (Pipedream subscribes with it).
WEBHOOK_CONTEXTS: Final = ("Program", "Account", "Person", "Activity")
#: The subscription versions: ``V1``, the one value seen in public use.
WEBHOOK_VERSIONS: Final = ("V1",)

_FIELDS = ("Name", "Url", "Context", "Action", "Version")
_REQUIRED = ("Name", "Url", "Context", "Action")


async def list_webhooks(ctx: Ctx) -> web.StreamResponse:
    return ctx.ok(list(ctx.data.webhooks.values()))


def _enum_value(value: str, allowed: tuple[str, ...]) -> str | None:
    """*value* under its own spelling if it names one of *allowed* (any case), else ``None``."""
    folded = value.strip().casefold()
    return next((item for item in allowed if item.casefold() == folded), None)


def _bind(body: Json) -> tuple[str, str]:
    """The 400 checks; returns the Context and Version under their own spelling."""
    for field in _FIELDS:
        value = body.get(field)
        if value is not None and not isinstance(value, str):
            raise Refusal(400, f"The value for '{field}' is not valid: a string is expected.")
    version = body.get("Version")
    if not version or not version.strip():
        raise Refusal(400, "The Version field is required.")
    known_version = _enum_value(version, WEBHOOK_VERSIONS)
    if known_version is None:
        raise Refusal(400, f"The value '{version}' is not a valid Version.")
    context = body.get("Context") or ""
    known_context = _enum_value(context, WEBHOOK_CONTEXTS)
    if context.strip() and known_context is None:
        raise Refusal(400, f"The value '{context}' is not a valid Context.")
    return known_context or context, known_version


def _validate(body: Json) -> None:
    """The 422 checks, every field at once."""
    errors: Json = {}
    for field in _REQUIRED:
        value = body.get(field)
        if not isinstance(value, str) or not value.strip():
            errors[field] = [f"The {field} field is required."]
    url = body.get("Url")
    if "Url" not in errors and isinstance(url, str):
        try:
            parts = urlsplit(url.strip())
            absolute = parts.scheme in ("http", "https") and bool(parts.hostname)
        except ValueError:  # "http://[": an unclosed IPv6 literal, a bad port...
            absolute = False
        if not absolute:
            errors["Url"] = ["The Url field must be an absolute http or https URL."]
    if errors:
        raise Refusal(422, "The request is invalid.", errors=errors)


async def create_webhook(ctx: Ctx) -> web.StreamResponse:
    body = await ctx.body()
    context, version = _bind(body)
    _validate(body)
    data = ctx.data
    webhook_id, data.next_webhook_id = data.next_webhook_id, data.next_webhook_id + 1
    data.webhooks[webhook_id] = {
        "Id": webhook_id,
        "OrganizationId": data.organization_id,
        "Name": body["Name"],
        "Url": body["Url"],
        "Context": context,
        "Action": body["Action"],
        "Version": version,
        "IsActive": True,
        "DateCreated": dt.datetime.now(data.tz).isoformat(timespec="seconds"),
    }
    return ctx.ok({"Id": webhook_id}, status=201)


async def delete_webhook(ctx: Ctx) -> web.StreamResponse:
    del ctx.data.webhooks[ctx.key(ctx.data.webhooks, "Webhook subscription")]
    return web.Response(status=204)

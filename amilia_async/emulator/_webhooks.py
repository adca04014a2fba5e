"""Handlers for webhook subscriptions: list, create (validated), delete."""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import urlsplit

from aiohttp import web

from amilia_async.emulator._http import ApiError, Ctx
from amilia_async.emulator._store import Json

__all__ = ["create_webhook", "delete_webhook", "list_webhooks"]


async def list_webhooks(ctx: Ctx) -> web.StreamResponse:
    return ctx.ok(list(ctx.data.webhooks.values()))


_WEBHOOK_FIELDS = ("Name", "Url", "Context", "Action")


async def create_webhook(ctx: Ctx) -> web.StreamResponse:
    try:
        body = json.loads(await ctx.request.read() or b"null")
    except (ValueError, UnicodeDecodeError):
        raise ApiError(400, "The request body is not valid JSON.") from None
    if not isinstance(body, dict):
        raise ApiError(400, "The request body must be a JSON object.")
    errors: Json = {}
    for field in _WEBHOOK_FIELDS:
        value = body.get(field)
        if not isinstance(value, str) or not value.strip():
            errors[field] = [f"The {field} field is required."]
    url = body.get("Url")
    if "Url" not in errors and isinstance(url, str):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            errors["Url"] = ["The Url field must be an absolute http or https URL."]
    if errors:
        raise ApiError(422, "The request is invalid.", errors=errors)
    data = ctx.data
    webhook_id, data.next_webhook_id = data.next_webhook_id, data.next_webhook_id + 1
    subscription = {
        "Id": webhook_id,
        "OrganizationId": data.organization_id,
        **{field: body[field] for field in _WEBHOOK_FIELDS},
        "IsActive": True,
        "DateCreated": dt.datetime.now(data.tz).isoformat(timespec="seconds"),
    }
    data.webhooks[webhook_id] = subscription
    return ctx.ok(subscription, status=201)


async def delete_webhook(ctx: Ctx) -> web.StreamResponse:
    del ctx.data.webhooks[ctx.id("Webhook subscription", ctx.data.webhooks)]
    return web.Response(status=204)

"""Handlers for the team's library: documents, templates, forms, form templates, available
steps, step validation and SDK tokens.

Spec operations: get-documents, get-templates-emails, get-templates-documents,
get-templates-records, get-forms, get-form-templates, post-form-templates,
get-form-templates-id, patch-form-templates-id, delete-form-templates-id, get-steps,
post-steps, post-sdk_token. Inferred: an unknown form-template reference answers 404
``{"error": "Form template not found"}`` (the spec lists only 403); PATCH bumps ``version``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid
from typing import Any

from aiohttp import web

from amiqus_async.emulator._form_fields import document_errors, field_errors
from amiqus_async.emulator._http import Ctx, invalid, require
from amiqus_async.emulator._inferred import required_message
from amiqus_async.emulator._render import renderer
from amiqus_async.emulator._steps import step_cost, step_errors
from amiqus_async.emulator._wire import Json, now_stamp
from common.testing import Refusal

__all__ = [
    "delete_form_template",
    "get_documents",
    "get_form_template",
    "get_form_templates",
    "get_forms",
    "get_steps",
    "get_templates",
    "patch_form_template",
    "post_form_template",
    "post_sdk_token",
    "post_steps",
]


def _enabled(ctx: Ctx, items: list[Json]) -> list[Json]:
    enabled = ctx.boolean("enabled")
    return [i for i in items if enabled is None or bool(i.get("is_enabled")) == enabled]


async def get_documents(ctx: Ctx) -> web.StreamResponse:
    expand = ctx.expand(("attachment",))
    items = _enabled(ctx, list(ctx.data.documents.values()))
    draw = renderer(ctx)
    return ctx.paginated(items, lambda d: draw.document(d, expand))


def get_templates(attribute: str) -> Any:
    """A handler listing one template collection (``email_templates``...), ``enabled`` filter."""

    async def handler(ctx: Ctx) -> web.StreamResponse:
        return ctx.paginated(_enabled(ctx, list(getattr(ctx.data, attribute).values())), dict)

    handler.__name__ = f"get_{attribute}"
    return handler


async def get_forms(ctx: Ctx) -> web.StreamResponse:
    sort_by = ctx.choice("sort_by", ("created_at", "updated_at"))
    order = ctx.choice("order_by", ("asc", "desc"))
    expand = ctx.expand(("client", "record"))
    kind = ctx.choice("type", ("internal", "requested"))
    items = [f for f in ctx.data.client_forms.values() if kind is None or f["type"] == kind]
    draw = renderer(ctx)
    return ctx.paginated(
        ctx.sort(items, sort_by, order), lambda f: draw.client_form(f, expand, object_name="form")
    )


async def get_form_templates(ctx: Ctx) -> web.StreamResponse:
    return ctx.paginated(_enabled(ctx, list(ctx.data.form_templates.values())), dict)


def _template_errors(body: Json, *, creating: bool) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if creating:
        for field in ("name", "fields"):
            if field not in body:
                errors[field] = [required_message(field)]
    if "name" in body and (not isinstance(body["name"], str) or not 1 <= len(body["name"]) <= 255):
        errors["name"] = ["The name must be between 1 and 255 characters."]
    if "fields" in body:
        errors.update(field_errors(body["fields"]))
    if "is_enabled" in body and not isinstance(body["is_enabled"], bool):
        errors["is_enabled"] = ["The is_enabled field must be true or false."]
    if body.get("instructions") is not None:
        errors.update(document_errors(body["instructions"], "instructions"))
    description = body.get("description")
    if description is not None and (not isinstance(description, str) or len(description) > 255):
        errors["description"] = ["The description may not be greater than 255 characters."]
    return errors


async def post_form_template(ctx: Ctx) -> web.StreamResponse:
    body = await ctx.body()
    errors = _template_errors(body, creating=True)
    if errors:
        invalid(errors)
    now = now_stamp()
    reference = str(uuid.uuid4())
    template = {
        "object": "form_template",
        "id": ctx.data.new_id(),
        "reference": reference,
        "name": body["name"],
        "description": body.get("description"),
        "instructions": body.get("instructions"),
        "fields": body["fields"],
        "version": 1,
        "is_enabled": body.get("is_enabled", True),
        "created_at": now,
        "updated_at": now,
        "archived_at": None,
    }
    ctx.data.form_templates[reference] = template
    return ctx.created(dict(template))


def _template(ctx: Ctx) -> Json:
    template = ctx.data.form_templates.get(ctx.params["reference"])
    if template is None:
        raise Refusal(404, "Form template not found")
    return template


async def get_form_template(ctx: Ctx) -> web.StreamResponse:
    return ctx.ok(dict(_template(ctx)))


async def patch_form_template(ctx: Ctx) -> web.StreamResponse:
    template = _template(ctx)
    body = await ctx.body(min_properties=1)
    errors = _template_errors(body, creating=False)
    if errors:
        invalid(errors)
    template.update(
        {
            k: body[k]
            for k in ("name", "description", "instructions", "fields", "is_enabled")
            if k in body
        }
    )
    template["version"] = int(template["version"]) + 1
    template["updated_at"] = now_stamp()
    return ctx.ok(dict(template))


async def delete_form_template(ctx: Ctx) -> web.StreamResponse:
    template = _template(ctx)
    del ctx.data.form_templates[str(template["reference"])]
    return ctx.no_content()


async def get_steps(ctx: Ctx) -> web.StreamResponse:
    return ctx.paginated(ctx.data.available_steps, dict)


async def post_steps(ctx: Ctx) -> web.StreamResponse:
    body = await ctx.body()
    require(body, "steps")
    errors = step_errors(ctx.data, body["steps"])
    if errors:
        invalid(errors)
    steps = [
        {"object": "validated_step", "type": s["type"], "cost": step_cost(ctx.data, str(s["type"]))}
        for s in body["steps"]
    ]
    return ctx.ok({"object": "validated_steps", "steps": steps})


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


async def post_sdk_token(ctx: Ctx) -> web.StreamResponse:
    """A JWT (HS256 under the personal token) valid 60 minutes (spec), scoped to one record;
    ``record_id`` is write-only, so not echoed."""
    body = await ctx.body()
    require(body, "record_id")
    record = body["record_id"]
    if not isinstance(record, int) or record not in ctx.data.records:
        invalid({"record_id": ["The selected record_id is invalid."]})
    now = int(time.time())
    header = _b64(json.dumps({"typ": "JWT", "alg": "HS256"}).encode())
    claims = _b64(
        json.dumps(
            {"iat": now, "exp": now + 3600, "record": record, "jti": str(uuid.uuid4())}
        ).encode()
    )
    signature = hmac.new(
        ctx.emulator.token.encode(), f"{header}.{claims}".encode(), hashlib.sha256
    ).digest()
    token = f"{header}.{claims}.{_b64(signature)}"
    ctx.data.sdk_tokens[token] = record
    return ctx.created({"object": "sdk_token", "token": token})

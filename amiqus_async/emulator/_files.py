"""Handlers for attachments and client files.

Spec operations: post-attachments (multipart field ``attachment``; types pdf, docx, doc, xlsx,
xls, csv, txt, jpg, png, tiff, zip; 100MB; 413 answers ``text/html``), delete-attachments-id
("only unassigned attachments can be deleted"), put-attachments-id (redact: record-document and
form uploads only, else 422 ``{"errors": ["Attachment {id} cannot be redacted"]}``),
get-clients-id-files, post-clients-id-files, delete-clients-clientId-files-fileId,
get-clients-clientId-files-fileId-download (410 when the virus scan found a virus, 423 while
the scan is pending or failed), get-files.
"""

from __future__ import annotations

import mimetypes
import uuid

from aiohttp import web

from amiqus_async.emulator._clients import client_id
from amiqus_async.emulator._http import Ctx, invalid, too_large_page
from amiqus_async.emulator._inferred import ATTACHMENT_TYPES, required_message
from amiqus_async.emulator._render import renderer
from amiqus_async.emulator._store import add_client_file
from amiqus_async.emulator._wire import Json, now_stamp
from common.testing import BadRequest, Refusal, iso_datetime

__all__ = [
    "delete_attachment",
    "delete_client_file",
    "get_client_file_download",
    "get_client_files",
    "get_files",
    "post_attachment",
    "post_client_file",
    "put_attachment_redact",
]

_ALIASES = {"jpeg": "jpg", "tif": "tiff"}
_MIME = {
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "csv": "text/csv",
    "zip": "application/zip",
    "tiff": "image/tiff",
    "jpg": "image/jpeg",
}
#: A 1x1 transparent PNG: what a redacted attachment becomes.
_REDACTED_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
_SOURCES = ("check", "client", "client_form", "form", "client_document", "record_document")
_SOURCE_TYPES = (
    "photo_id",
    "reference",
    "banking_information",
    "employment_referencing",
    "requested",
    "sent",
    "returned",
)


def _too_large(limit: int) -> web.Response:
    return too_large_page(limit)


async def post_attachment(ctx: Ctx) -> web.StreamResponse:
    """Inferred: a body that is not multipart, or one that does not parse (no boundary,
    garbage, a broken part header), is answered like a missing attachment."""
    limit = ctx.emulator.attachment_max_bytes
    if not ctx.request.content_type.startswith("multipart/"):
        if ctx.request.content_length is not None and ctx.request.content_length > limit + 65536:
            return _too_large(limit)
        invalid({"attachment": [required_message("attachment")]})
    try:
        parts = await ctx.multipart(max_bytes=limit + 65536)
    except BadRequest as refused:
        if refused.status == 413:
            return _too_large(limit)
        invalid({"attachment": [required_message("attachment")]})
    part = next((p for p in reversed(parts) if p.name == "attachment"), None)
    if part is None or not part.filename:
        invalid({"attachment": [required_message("attachment")]})
    if len(part.data) > limit:
        return _too_large(limit)
    filename, content = part.filename, part.data
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    extension = _ALIASES.get(extension, extension)
    if extension not in ATTACHMENT_TYPES:
        invalid(
            {
                "attachment": [
                    f"The attachment must be a file of type: {', '.join(ATTACHMENT_TYPES)}."
                ]
            }
        )
    mime = (
        _MIME.get(extension)
        or mimetypes.guess_type(f"x.{extension}")[0]
        or ("application/octet-stream")
    )
    now = now_stamp()
    attachment_id = ctx.data.new_id()
    attachment = {
        "object": "attachment",
        "id": attachment_id,
        "name": f"{uuid.uuid4()}.{extension}",
        "original": filename,
        "type": mime,
        "size": len(content),
        "av_status": "clean",
        "created_at": now,
        "updated_at": now,
    }
    ctx.data.attachments[attachment_id] = attachment
    ctx.data.attachment_content[attachment_id] = content
    return ctx.created(dict(attachment))


def _uses(ctx: Ctx, attachment_id: int) -> list[str]:
    """Where an attachment is used: ``client_file``, ``record_document``, ``document``."""
    data = ctx.data
    uses = [
        "client_file" for f in data.client_files.values() if f["attachment"]["id"] == attachment_id
    ]
    uses += [
        "record_document"
        for d in data.record_documents.values()
        if attachment_id in (d.get("attachments") or [])
    ]
    uses += ["document" for d in data.documents.values() if d.get("attachment") == attachment_id]
    return uses


async def delete_attachment(ctx: Ctx) -> web.StreamResponse:
    """Inferred: deleting an attachment in use answers 403 (the only refusal the spec lists)."""
    key = ctx.key(ctx.data.attachments, "Attachment")
    if _uses(ctx, key):
        raise Refusal(403, "This action is unauthorized.")
    del ctx.data.attachments[key]
    ctx.data.attachment_content.pop(key, None)
    return ctx.no_content()


async def put_attachment_redact(ctx: Ctx) -> web.StreamResponse:
    key = ctx.key(ctx.data.attachments, "Attachment")
    if "record_document" not in _uses(ctx, key):
        invalid({"errors": [f"Attachment {key} cannot be redacted"]})
    attachment = ctx.data.attachments[key]
    now = now_stamp()
    attachment.update(
        original=f"{attachment['original']}-redacted.png",
        type="image/png",
        size=len(_REDACTED_PNG),
        updated_at=now,
    )
    ctx.data.attachment_content[key] = _REDACTED_PNG
    for item in ctx.data.client_files.values():
        if item["attachment"]["id"] == key:
            item["redacted_at"] = now
    return ctx.ok(dict(attachment))


def _filtered_files(ctx: Ctx, items: list[Json], sorts: tuple[str, ...]) -> list[Json]:
    sort_by = ctx.choice("sort_by", sorts)
    order = ctx.choice("order_by", ("asc", "desc"))
    return ctx.sort(items, sort_by, order)


async def get_client_files(ctx: Ctx) -> web.StreamResponse:
    key = client_id(ctx)
    expand = ctx.expand(("source", "created_by"))
    source = ctx.choice("source", _SOURCES)
    ctx.choice("source_type", _SOURCE_TYPES)
    search = (ctx.text("search") or "").lower()
    items = [
        f
        for fid, f in ctx.data.client_files.items()
        if ctx.data.file_owner.get(fid) == key
        and (
            source is None
            or f["source"]["type"] == source
            or (source == "form" and f["source"]["type"] == "client_form")
        )
        and (not search or search in str(f["name"]).lower())
    ]
    items = _filtered_files(ctx, items, ("name", "created_at", "expires_at"))
    draw = renderer(ctx)
    return ctx.paginated(items, lambda f: draw.client_file(f, expand))


async def get_files(ctx: Ctx) -> web.StreamResponse:
    expand = ctx.expand(("source", "created_by"))
    items = _filtered_files(
        ctx, list(ctx.data.client_files.values()), ("created_at", "updated_at", "expires_at")
    )
    draw = renderer(ctx)
    return ctx.paginated(items, lambda f: draw.client_file(f, expand, object_name="file"))


async def post_client_file(ctx: Ctx) -> web.StreamResponse:
    key = client_id(ctx)
    body = await ctx.body()
    errors: dict[str, list[str]] = {}
    attachment_id = body.get("attachment")
    if "attachment" not in body:
        errors["attachment"] = [required_message("attachment")]
    elif (
        not isinstance(attachment_id, int)
        or attachment_id not in ctx.data.attachments
        or (_uses(ctx, attachment_id))
    ):
        errors["attachment"] = ["The selected attachment is invalid."]
    template = body.get("template")
    if "template" in body and (
        not isinstance(template, int) or template not in ctx.data.document_templates
    ):
        errors["template"] = ["The selected template is invalid."]
    name = body.get("name")
    if name is not None and (not isinstance(name, str) or not 1 <= len(name) <= 255):
        errors["name"] = ["The name must be between 1 and 255 characters."]
    expires = body.get("expires_at")
    if expires is not None and (not isinstance(expires, str) or iso_datetime(expires) is None):
        errors["expires_at"] = ["The expires_at must be a valid date-time."]
    if errors:
        invalid(errors)
    assert isinstance(attachment_id, int)
    item = add_client_file(
        ctx.data,
        key,
        ctx.data.attachments[attachment_id],
        stamp=now_stamp(),
        creator=ctx.data.me_member_id,
        name=name,
        expires_at=expires,
    )
    return ctx.created(renderer(ctx).client_file(item))


def _client_file(ctx: Ctx) -> Json:
    key = client_id(ctx, "clientId")
    raw = ctx.params["fileId"]
    if not raw.isdigit() or ctx.data.file_owner.get(int(raw)) != key:
        raise Refusal(404, "File not found")
    return ctx.data.client_files[int(raw)]


async def delete_client_file(ctx: Ctx) -> web.StreamResponse:
    item = _client_file(ctx)
    del ctx.data.client_files[int(item["id"])]
    del ctx.data.file_owner[int(item["id"])]
    return ctx.no_content()


async def get_client_file_download(ctx: Ctx) -> web.StreamResponse:
    item = _client_file(ctx)
    attachment_id = int(item["attachment"]["id"])
    attachment: Json = ctx.data.attachments.get(attachment_id) or item["attachment"]
    status = attachment.get("av_status")
    if status == "infected":
        raise Refusal(410, "File scan detected a virus")
    if status == "pending":
        raise Refusal(423, "File scan is not yet complete")
    if status == "error":
        raise Refusal(423, "File scan could not be completed")
    content = ctx.data.attachment_content.get(attachment_id, b"")
    filename = str(attachment["original"]).replace('"', "")
    return web.Response(
        body=content,
        content_type=str(attachment["type"]),
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )

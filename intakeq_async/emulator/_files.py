"""Handlers for the Files API: a client's files, folders, upload, download, delete.

Uploads are read with the kit's multipart reader (a malformed or nested multipart body is a
400) and stored byte for byte with the part's file name and Content-Type; downloads serve
exactly those bytes.
"""

from __future__ import annotations

import re

from aiohttp import web

from common.testing import Refusal
from intakeq_async.emulator._http import Ctx
from intakeq_async.emulator._store import add_file, now_ms

__all__ = ["delete_file", "download_file", "list_files", "list_folders", "upload_file"]

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
DEFAULT_CONTENT_TYPE = "application/octet-stream"


async def list_files(ctx: Ctx) -> web.StreamResponse:
    client_id = ctx.integer("clientId")
    if client_id is None:
        raise Refusal(400, "The clientId parameter is required.")
    if client_id not in ctx.data.clients:
        raise Refusal(404, f"Client '{client_id}' was not found.")
    owners = ctx.data.file_clients
    metas = [meta for file_id, (meta, _) in ctx.data.files.items() if owners[file_id] == client_id]
    return ctx.ok(sorted(metas, key=lambda m: (m["DateCreated"], m["Id"])))


async def list_folders(ctx: Ctx) -> web.StreamResponse:
    return ctx.ok(list(ctx.data.folders.values()))


async def _read_upload(ctx: Ctx) -> tuple[tuple[str, str, bytes] | None, str | None]:
    """The first file part (name, Content-Type, bytes) and a ``folderId`` form field."""
    upload: tuple[str, str, bytes] | None = None
    folder_id: str | None = None
    for part in await ctx.multipart():
        if upload is None and (part.filename is not None or part.name == "file"):
            content_type = part.content_type or DEFAULT_CONTENT_TYPE
            if _CONTROL.search(content_type) or not content_type.isascii():
                raise Refusal(400, "The file part's Content-Type is not valid.")
            upload = (part.filename or "file", content_type, part.data)
        elif (part.name or "").lower() == "folderid":
            folder_id = part.text().strip() or None
    return upload, folder_id


async def upload_file(ctx: Ctx) -> web.StreamResponse:
    """Store the first file part (or the part named ``file``) for the client in the path.

    An optional ``folderId`` (query parameter or form field) files it in a folder. Answers
    the new file's listing entry.
    """
    client = ctx.item(ctx.data.clients, "Client", "clientId")
    if not ctx.request.content_type.startswith("multipart/"):
        raise Refusal(400, "Expected a multipart/form-data body holding a file.")
    folder_id = ctx.text("folderId")
    upload, sent_folder = await _read_upload(ctx)
    if upload is None:
        raise Refusal(400, "The request holds no file.")
    folder_id = sent_folder or folder_id
    if folder_id is not None and folder_id not in ctx.data.folders:
        raise Refusal(400, f"Folder '{folder_id}' was not found.")
    filename, content_type, body = upload
    meta = add_file(
        ctx.data,
        client_id=client["ClientId"],
        filename=filename,
        content_type=content_type,
        body=body,
        folder_id=folder_id,
        created_ms=now_ms(),
    )
    return ctx.ok(meta)


def _stored(ctx: Ctx) -> str:
    file_id = ctx.params["fileId"]
    if file_id not in ctx.data.files:
        raise Refusal(404, f"File '{file_id}' was not found.")
    return file_id


async def download_file(ctx: Ctx) -> web.StreamResponse:
    meta, body = ctx.data.files[_stored(ctx)]
    return ctx.binary(body, meta["ContentType"], meta["FileName"])


async def delete_file(ctx: Ctx) -> web.StreamResponse:
    file_id = _stored(ctx)
    del ctx.data.files[file_id]
    ctx.data.file_clients.pop(file_id, None)
    return ctx.empty()

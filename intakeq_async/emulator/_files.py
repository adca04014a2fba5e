"""Handlers for the Files API: a client's files, folders, upload, download, delete.

Uploads are read part by part and chunk by chunk (never ``post()``), and stored byte for
byte with the part's file name and Content-Type; downloads serve exactly those bytes.
"""

from __future__ import annotations

import re

from aiohttp import BodyPartReader, hdrs, http_exceptions, multipart, web

from intakeq_async.emulator._http import ApiError, Ctx
from intakeq_async.emulator._store import add_file, now_ms

__all__ = ["delete_file", "download_file", "list_files", "list_folders", "upload_file"]

_CHUNK = 64 * 1024
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
#: What aiohttp's multipart reader raises on a malformed body: no boundary, garbage, a
#: truncated part (ValueError, UnicodeDecodeError among them), a malformed part header
#: (HttpProcessingError), or a bad Content-Disposition parameter, which it only warns about
#: (a warning filtered to an error is raised, as under ``-W error``).
_MALFORMED: tuple[type[BaseException], ...] = (
    ValueError,
    AssertionError,
    http_exceptions.HttpProcessingError,
    multipart.BadContentDispositionHeader,
    multipart.BadContentDispositionParam,
)
DEFAULT_CONTENT_TYPE = "application/octet-stream"


async def list_files(ctx: Ctx) -> web.StreamResponse:
    client_id = ctx.integer("clientId")
    if client_id is None:
        raise ApiError(400, "The clientId parameter is required.")
    if client_id not in ctx.data.clients:
        raise ApiError(404, f"Client '{client_id}' was not found.")
    owners = ctx.data.file_clients
    metas = [meta for file_id, (meta, _) in ctx.data.files.items() if owners[file_id] == client_id]
    return ctx.ok(sorted(metas, key=lambda m: (m["DateCreated"], m["Id"])))


async def list_folders(ctx: Ctx) -> web.StreamResponse:
    return ctx.ok(list(ctx.data.folders.values()))


async def _read_part(part: BodyPartReader) -> bytes:
    body = bytearray()
    while chunk := await part.read_chunk(_CHUNK):
        body += chunk
    return bytes(body)


async def _read_upload(ctx: Ctx) -> tuple[tuple[str, str, bytes] | None, str | None]:
    """The first file part (name, Content-Type, bytes) and a ``folderId`` form field."""
    upload: tuple[str, str, bytes] | None = None
    folder_id: str | None = None
    reader = await ctx.request.multipart()
    while (part := await reader.next()) is not None:
        if not isinstance(part, BodyPartReader):
            raise ApiError(400, "Nested multipart bodies are not supported.")
        if upload is None and (part.filename is not None or part.name == "file"):
            content_type = part.headers.get(hdrs.CONTENT_TYPE) or DEFAULT_CONTENT_TYPE
            if _CONTROL.search(content_type) or not content_type.isascii():
                raise ApiError(400, "The file part's Content-Type is not valid.")
            upload = (part.filename or "file", content_type, await _read_part(part))
        elif (part.name or "").lower() == "folderid":
            folder_id = (await part.text()).strip() or None
        else:
            await part.release()
    return upload, folder_id


async def upload_file(ctx: Ctx) -> web.StreamResponse:
    """Store the first file part (or the part named ``file``) for the client in the path.

    An optional ``folderId`` (query parameter or form field) files it in a folder. Answers
    the new file's listing entry.
    """
    client = ctx.lookup("Client", ctx.data.clients, "clientId")
    if not ctx.request.content_type.startswith("multipart/"):
        raise ApiError(400, "Expected a multipart/form-data body holding a file.")
    folder_id = ctx.text("folderId")
    try:
        upload, sent_folder = await _read_upload(ctx)
    except _MALFORMED as err:
        raise ApiError(400, "The multipart body is malformed.") from err
    if upload is None:
        raise ApiError(400, "The request holds no file.")
    folder_id = sent_folder or folder_id
    if folder_id is not None and folder_id not in ctx.data.folders:
        raise ApiError(400, f"Folder '{folder_id}' was not found.")
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
        raise ApiError(404, f"File '{file_id}' was not found.")
    return file_id


async def download_file(ctx: Ctx) -> web.StreamResponse:
    meta, body = ctx.data.files[_stored(ctx)]
    return ctx.binary(body, meta["ContentType"], meta["FileName"])


async def delete_file(ctx: Ctx) -> web.StreamResponse:
    file_id = _stored(ctx)
    del ctx.data.files[file_id]
    ctx.data.file_clients.pop(file_id, None)
    return ctx.empty()

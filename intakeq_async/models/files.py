"""Files attached to a client, and the folders they are filed in (IntakeQ Files API)."""

from __future__ import annotations

import attrs

from common.models import Model, UnixMillis, wire_names

__all__ = ["File", "Folder"]


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class File(Model):
    """A client's file: ``GET /files?clientId=`` (a bare array).

    ``{Id, DateCreated, Size, FileName, ContentType, FolderId}``, ``DateCreated`` in Unix
    milliseconds, ``FolderId`` null when the file is in no folder. Source: help centre
    (the Files API document, ``intakeq-files-api.txt``); the official C# client has the
    same fields (``Models/File.cs``).
    """

    id: str
    date_created: UnixMillis
    size: int | None = None
    file_name: str | None = None
    content_type: str | None = None
    folder_id: str | None = None


@wire_names("pascal")
@attrs.frozen(kw_only=True)
class Folder(Model):
    """A file folder: ``GET /folders`` (a bare array of ``{Id, Name}``).

    Source: help centre (Files API document); official C# client ``Models/Folder.cs``.
    """

    id: str
    name: str | None = None

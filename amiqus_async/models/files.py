"""Files, documents and attachments

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations

from datetime import datetime

import attrs

from common.models import Model

from .enums import (
    AttachmentAvStatus,
    ClientFileCreatedByType,
    ClientFileSourceType,
    ClientFileType,
    FileCreatedByType,
    FileSourceType,
    FileType,
)

__all__ = [
    "Attachment",
    "ClientFile",
    "ClientFileCreatedBy",
    "ClientFileSource",
    "ClientFileSourceConfig",
    "Document",
    "File",
    "FileCreatedBy",
    "FileSource",
]


@attrs.frozen(kw_only=True)
class ClientFile(Model):
    """Client File."""

    object: str
    """Always ``'client_file'``."""

    id: int

    type: ClientFileType | str | None = None

    source: ClientFileSource | Check | Client | ClientForm | RecordDocument | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    name: str | None = None

    attachment: Attachment | None = None

    created_by: ClientFileCreatedBy | Client | TeamMember | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    is_deletable: bool | None = None
    """Indicates whether the client file can be deleted."""

    expires_at: datetime | None = None
    """The date and time an uploaded file expires."""

    created_at: datetime | None = None

    updated_at: datetime | None = None

    redacted_at: datetime | None = None
    """The date and time the file was redacted by the user. Please note that not all files can be
    redacted. For example a file that is part of a check.
    """


@attrs.frozen(kw_only=True)
class Document(Model):
    """Document."""

    object: str
    """Always ``'document'``."""

    id: int

    name: str | None = None

    description: str | None = None

    is_enabled: bool | None = None

    attachment: Attachment | int | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    created_at: datetime | None = None

    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class File(Model):
    """File."""

    object: str
    """Always ``'file'``."""

    id: int

    type: FileType | str | None = None

    source: FileSource | Check | Client | ClientForm | RecordDocument | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    name: str | None = None

    attachment: Attachment | None = None

    created_by: FileCreatedBy | Client | TeamMember | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    is_deletable: bool | None = None
    """Indicates whether the client file can be deleted."""

    expires_at: datetime | None = None
    """The date and time an uploaded file expires."""

    created_at: datetime | None = None

    updated_at: datetime | None = None

    redacted_at: datetime | None = None
    """The date and time the file was redacted by the user. Please note that not all files can be
    redacted. For example a file that is part of a check.
    """


@attrs.frozen(kw_only=True)
class Attachment(Model):
    """Attachment."""

    object: str
    """Always ``'attachment'``."""

    id: int

    name: str | None = None

    original: str | None = None

    type: str | None = None

    size: int | None = None

    av_status: AttachmentAvStatus | str | None = None

    created_at: datetime | None = None

    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ClientFileSource(Model):
    """ClientFileSource. One of 2 shapes: untitled, Client Document."""

    id: int

    type: ClientFileSourceType | str | None = None

    object: str | None = None
    """Always ``'client_document'``."""

    client: Client | int | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    name: str | None = None

    config: ClientFileSourceConfig | None = None

    created_at: datetime | None = None

    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class ClientFileCreatedBy(Model):
    """ClientFileCreatedBy."""

    id: int | None = None

    type: ClientFileCreatedByType | str | None = None


@attrs.frozen(kw_only=True)
class FileSource(Model):
    """FileSource. One of 2 shapes: untitled, Client Document."""

    id: int

    type: FileSourceType | str | None = None

    object: str | None = None
    """Always ``'client_document'``."""

    client: Client | int | None = None
    """Expandable: an id (or ids) unless asked for with ``expand``."""

    name: str | None = None

    config: ClientFileSourceConfig | None = None

    created_at: datetime | None = None

    updated_at: datetime | None = None


@attrs.frozen(kw_only=True)
class FileCreatedBy(Model):
    """FileCreatedBy."""

    id: int | None = None

    type: FileCreatedByType | str | None = None


@attrs.frozen(kw_only=True)
class ClientFileSourceConfig(Model):
    """ClientFileSourceConfig."""

    instructions: str


# The answer modules refer to one another (a record's steps hold checks and forms, a
# check names its record), so each imports the others after its own classes: the
# annotations are only read when a model is first structured.
# ruff: noqa: E402
from .checks import Check
from .clients import Client
from .forms import ClientForm
from .records import RecordDocument
from .team import TeamMember

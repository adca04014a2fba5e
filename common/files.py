"""Uploads and downloads, streamed: nothing is read whole into memory.

An :class:`Upload` names a file to send (a path, bytes, a binary file object or an async
iterator of bytes) with its filename and content type; a :class:`Multipart` body carries
uploads and form fields. A :class:`Download` is opened with ``async with`` to iterate chunks,
or written to disk with :meth:`Download.save_to`, which writes a temporary file beside the
target and renames it only once the body is complete.
"""

from __future__ import annotations

import asyncio
import mimetypes
import os
import stat
import tempfile
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Final, Protocol

import attrs

from .errors import InvalidRequestError

__all__ = [
    "MAX_FILENAME_BYTES",
    "Download",
    "DownloadStream",
    "FileSource",
    "Multipart",
    "Upload",
    "fit_filename",
    "safe_filename",
]

FileSource = (
    str | os.PathLike[str] | bytes | bytearray | memoryview | IO[bytes] | AsyncIterable[bytes]
)

_DEFAULT_CHUNK = 64 * 1024
_WRITE_BATCH = 1024 * 1024


def _default_filename(source: object) -> str:
    if isinstance(source, (str, os.PathLike)):
        return Path(source).name
    name = getattr(source, "name", None)
    if isinstance(name, str) and name:
        return Path(name).name
    return "upload"


def _check_source(instance: Upload, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, (str, os.PathLike, bytes, bytearray, memoryview, AsyncIterable)):
        return
    if hasattr(value, "read"):
        return
    raise InvalidRequestError(
        f"cannot upload {type(value).__name__}: give a path, bytes, a binary file or an "
        "async iterator of bytes"
    )


@attrs.frozen
class Upload:
    """One file to send. ``filename`` defaults to the path's name, ``content_type`` to a guess."""

    source: FileSource = attrs.field(validator=_check_source)
    filename: str = attrs.field(
        default=attrs.Factory(lambda self: _default_filename(self.source), takes_self=True)
    )
    content_type: str = attrs.field(
        default=attrs.Factory(
            lambda self: mimetypes.guess_type(self.filename)[0] or "application/octet-stream",
            takes_self=True,
        )
    )

    #: Where a seekable file object stood when given: every attempt starts reading there.
    start: int | None = attrs.field(init=False)

    @start.default
    def _start(self) -> int | None:
        source: Any = self.source
        if hasattr(source, "seekable") and hasattr(source, "read") and source.seekable():
            return int(source.tell())
        return None

    @property
    def replayable(self) -> bool:
        """Whether the body can be sent again on a retry (not so for an async iterator)."""
        if isinstance(self.source, AsyncIterable):
            return False
        if hasattr(self.source, "read"):
            return self.start is not None
        return True

    def __repr__(self) -> str:
        return f"Upload(filename={self.filename!r}, content_type={self.content_type!r})"


@attrs.frozen
class Multipart:
    """A ``multipart/form-data`` body: form fields and files, in order."""

    fields: tuple[tuple[str, str], ...] = ()
    files: tuple[tuple[str, Upload], ...] = ()

    @classmethod
    def build(
        cls, files: Mapping[str, Upload | FileSource], data: Mapping[str, Any] | None = None
    ) -> Multipart:
        """From ``{"field": Upload | source}`` and plain form fields."""
        uploads = tuple(
            (name, value if isinstance(value, Upload) else Upload(value))
            for name, value in files.items()
        )
        fields = tuple((k, str(v)) for k, v in (data or {}).items() if v is not None)
        return cls(fields=fields, files=uploads)

    @property
    def replayable(self) -> bool:
        return all(upload.replayable for _, upload in self.files)


def safe_filename(name: str | None) -> str | None:
    """A server-suggested filename reduced to a plain name in the target folder, or ``None``.

    Strips any directory part (``../../etc/passwd`` → ``passwd``), NUL bytes and leading dots.
    """
    if not name:
        return None
    name = name.replace("\x00", "").replace("\\", "/").rsplit("/", 1)[-1].strip().lstrip(".")
    return name or None


class ChunkSource(Protocol):
    """What the transport gives a download: a body to read in chunks, then release."""

    @property
    def status(self) -> int: ...

    @property
    def headers(self) -> Mapping[str, str]: ...

    @property
    def url(self) -> str: ...

    def iter_chunks(self, chunk_size: int) -> AsyncIterator[bytes]: ...

    async def aclose(self) -> None: ...


class DownloadStream:
    """An open download: headers are known, the body is read as you iterate."""

    def __init__(self, source: ChunkSource, *, filename: str | None) -> None:
        self._source = source
        self.status: int = source.status
        self.headers: Mapping[str, str] = source.headers
        #: The filename the server suggested (Content-Disposition), made safe; else ``None``.
        self.filename: str | None = filename
        content_type = source.headers.get("Content-Type")
        self.content_type: str | None = content_type.split(";")[0].strip() if content_type else None
        length = source.headers.get("Content-Length")
        self.content_length: int | None = int(length) if length and length.isdigit() else None

    def iter_bytes(self, chunk_size: int = _DEFAULT_CHUNK) -> AsyncIterator[bytes]:
        """The body, chunk by chunk."""
        return self._source.iter_chunks(chunk_size)

    async def read(self) -> bytes:
        """The whole body (for small files)."""
        return b"".join([chunk async for chunk in self.iter_bytes()])

    async def aclose(self) -> None:
        await self._source.aclose()


class Download:
    """A file to fetch. No I/O until ``async with`` or :meth:`save_to`."""

    def __init__(self, opener: Callable[[], Awaitable[DownloadStream]]) -> None:
        self._opener = opener
        self._stream: DownloadStream | None = None

    async def __aenter__(self) -> DownloadStream:
        self._stream = await self._opener()
        return self._stream

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._stream is not None:
            await self._stream.aclose()
            self._stream = None

    async def save_to(self, target: str | os.PathLike[str]) -> Path:
        """Write the body to *target* (a file path, or a folder to use the server's filename).

        The body goes to a temporary file in the same folder, renamed over *target* only when
        complete: a failure or cancellation leaves no partial file. A *target* that exists but
        is not a regular file (a pipe, a device such as ``/dev/null``) is written into
        directly, never replaced. Returns the final path.
        """
        target = Path(target)
        async with self as stream:
            kind = await asyncio.to_thread(_kind_of, target)
            if kind == "dir":
                target = target / (stream.filename or "download")
                kind = await asyncio.to_thread(_kind_of, target)
            if kind == "special":
                await _write_into(target, stream.iter_bytes())
            else:
                await _write_atomically(target, stream.iter_bytes())
        return target


def _kind_of(path: Path) -> str:
    """``"dir"``, ``"file"`` (a regular file, or nothing yet) or ``"special"``."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "file"
    if stat.S_ISDIR(mode):
        return "dir"
    return "file" if stat.S_ISREG(mode) else "special"


async def _write_into(target: Path, chunks: AsyncIterator[bytes]) -> None:
    handle = await asyncio.to_thread(open, target, "wb")
    try:
        async for chunk in chunks:
            await asyncio.to_thread(handle.write, chunk)
    finally:
        await asyncio.to_thread(handle.close)


async def _write_atomically(target: Path, chunks: AsyncIterator[bytes]) -> None:
    fd, temp_name = await asyncio.to_thread(
        tempfile.mkstemp, dir=target.parent, prefix=f".{target.name}.", suffix=".part"
    )
    temp = Path(temp_name)
    handle = os.fdopen(fd, "wb")
    try:
        batch = bytearray()
        async for chunk in chunks:
            batch += chunk
            if len(batch) >= _WRITE_BATCH:
                await asyncio.to_thread(handle.write, bytes(batch))
                batch.clear()
        if batch:
            await asyncio.to_thread(handle.write, bytes(batch))
        await asyncio.to_thread(handle.close)
        await asyncio.to_thread(os.replace, temp, target)
    except BaseException:
        # No await here: this must finish even when the task is being cancelled.
        handle.close()
        temp.unlink(missing_ok=True)  # noqa: ASYNC240
        raise


#: The longest filename a download is saved under, in UTF-8 bytes: file systems allow 255,
#: and saving writes a temporary ``.<name>.<random>.part`` beside it first.
MAX_FILENAME_BYTES: Final = 150


def fit_filename(name: str | None) -> str | None:
    """A server-suggested filename (already reduced to a plain name) made fit for a disk.

    Control characters become ``_``, and a name longer than :data:`MAX_FILENAME_BYTES` is
    shortened, keeping its extension (``.pdf``), at a character boundary.
    """
    if name is None:
        return None
    name = "".join("_" if ord(ch) < 0x20 or ord(ch) == 0x7F else ch for ch in name)
    if len(name.encode("utf-8", "surrogatepass")) <= MAX_FILENAME_BYTES:
        return name
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or len(extension) > 16 or not extension.isalnum():
        stem, extension = name, ""
    suffix = f".{extension}" if extension else ""
    room = MAX_FILENAME_BYTES - len(suffix.encode("utf-8", "surrogatepass"))
    shortened = stem.encode("utf-8", "surrogatepass")[:room].decode("utf-8", "ignore")
    return (shortened.rstrip(" .") or "download") + suffix

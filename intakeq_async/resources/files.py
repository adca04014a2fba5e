"""Files and folders (the IntakeQ Files API)."""

from __future__ import annotations

from common import AsyncPager, Download, FileSource, Resource, Unpaged, Upload
from common.checks import require_id

from .. import paths
from ..models import File, Folder


class Files(Resource):
    def list(self, client_id: int) -> AsyncPager[File]:
        """A client's files (``GET /files?clientId=``, one bare array)."""
        require_id(client_id=client_id)
        return self._list(paths.FILES, model=File, params={"clientId": client_id}, paging=Unpaged())

    def download(self, file_id: str) -> Download:
        """A file's bytes, streamed: ``async with`` it, or ``await ….save_to(folder)``."""
        return self._download(paths.FILE, {"id": file_id})

    async def upload(
        self,
        client_id: int,
        file: Upload | FileSource,
        *,
        filename: str | None = None,
        content_type: str | None = None,
    ) -> None:
        """Attach a file to a client (``POST /files/{clientId}``, streamed multipart)."""
        await self._upload(
            paths.CLIENT_FILES,
            {"client_id": client_id},
            file=file,
            filename=filename,
            content_type=content_type,
        )

    async def delete(self, file_id: str) -> None:
        """Remove a file (``DELETE /files/{fileId}``)."""
        await self._delete(paths.FILE, {"id": file_id})


class Folders(Resource):
    def list(self) -> AsyncPager[Folder]:
        """The account's folders (``GET /folders``, one bare array)."""
        return self._list(paths.FOLDERS, model=Folder, paging=Unpaged())

"""What every Amiqus resource method does with its arguments before the common client sends.

Generated methods only name the operation (method, path, query, body, answer); the checks the
spec implies for *every* operation live here once: ids are positive, ``limit`` is 1..100,
array arguments are sent as the spec's ``explode`` says (``expand=a,b``), deprecated ones
warn, downloads ask for their own media type, bodies are the generated input models,
attachments are a type and size Amiqus accepts.
"""

from __future__ import annotations

import enum
import os
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final, TypeVar

import attrs

from common import (
    AsyncPager,
    Download,
    FileSource,
    InvalidRequestError,
    Resource,
    Upload,
    as_upload,
)
from common.checks import require_changes, require_id, require_length, require_page_size
from common.models import structure, unstructure

from ..models.envelopes import ItemList
from ..paging import LINKS_ONLY

__all__ = ["MAX_ATTACHMENT_BYTES", "PAGE_LIMITS", "AmiqusResource"]

T = TypeVar("T")

#: ``limit`` bounds of every listing (the spec's ``limit`` parameter, and the pagination guide).
PAGE_LIMITS: Final = (1, 100)
#: ``POST /attachments``: "File size limit: 100MB."
MAX_ATTACHMENT_BYTES: Final = 100 * 1024 * 1024
#: ``POST /attachments``: "Supported file types: pdf, docx, doc, xlsx, xls, csv, txt, jpg,
#: png, tiff, zip." (``jpeg`` and ``tif`` are the same types under their other extensions.)
ATTACHMENT_TYPES: Final = frozenset(
    {"pdf", "docx", "doc", "xlsx", "xls", "csv", "txt", "jpg", "jpeg", "png", "tiff", "tif", "zip"}
)


def _query_value(name: str, value: Any) -> Any:
    if value is True and name in ("assignee", "assigned_to"):
        raise InvalidRequestError(f"{name} takes a team member id, or False for unassigned")
    return value


def _items(name: str, values: Any) -> list[str]:
    """The values of an array query argument as text (a list, not one string)."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
        raise InvalidRequestError(f"{name} takes a list of values, e.g. {name}=[...]")
    out = []
    for value in values:
        if isinstance(value, enum.Enum):
            value = value.value
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise InvalidRequestError(f"{name} takes strings or ints, not {value!r}")
        out.append(str(value))
    return out


def _json(value: Any) -> Any:
    if attrs.has(type(value)):
        return unstructure(value)
    if isinstance(value, int) and not isinstance(value, bool):
        require_id(ids=value)
        return value
    raise InvalidRequestError(
        f"the body must be the operation's input model, not {type(value).__name__}"
    )


def _check_attachment(upload: Upload) -> None:
    extension = Path(upload.filename).suffix.lower().lstrip(".")
    if extension not in ATTACHMENT_TYPES:
        raise InvalidRequestError(
            f"Amiqus does not accept .{extension or '(no extension)'} attachments; "
            f"send one of: {', '.join(sorted(ATTACHMENT_TYPES))}"
        )
    source = upload.source
    size: int | None = None
    if isinstance(source, (bytes, bytearray, memoryview)):
        size = len(source)
    elif isinstance(source, (str, os.PathLike)):
        size = os.stat(source).st_size
    if size is not None and size > MAX_ATTACHMENT_BYTES:
        raise InvalidRequestError(f"attachments are limited to 100 MB; this one is {size} bytes")
    if size == 0:
        raise InvalidRequestError("the attachment is empty")


class AmiqusResource(Resource):
    """The base of the generated resources."""

    __slots__ = ()

    @staticmethod
    def _path(template: str, **values: int | str) -> str:
        # common.Resource's: positive ids or non-blank strings, each encoded as one segment.
        return Resource._expand(template, values)

    @staticmethod
    def _joined(name: str, values: Sequence[Any] | None) -> str | None:
        """An array the spec sends unexploded (``explode: false``): one ``a,b`` value."""
        if values is None:
            return None
        items = _items(name, values)
        if any("," in item for item in items):
            raise InvalidRequestError(f"a value of {name} cannot hold a comma: {items!r}")
        return ",".join(items) or None

    @staticmethod
    def _repeated(name: str, values: Sequence[Any] | None) -> list[str] | None:
        """An array the spec sends exploded (its default): the key once per value."""
        return None if values is None else _items(name, values)

    @staticmethod
    def _deprecated(what: str, why: str) -> None:
        """Warn the caller of a generated method that the spec deprecates *what*.

        (The frames: this one, the generated method, its ``Resource`` wrapper, the caller.)
        """
        warnings.warn(f"{what} is deprecated by Amiqus: {why}", DeprecationWarning, stacklevel=4)

    @staticmethod
    def _params(params: Mapping[str, Any] | None) -> dict[str, Any]:
        return {k: _query_value(k, v) for k, v in (params or {}).items()}

    @staticmethod
    def _body(
        json: Any, *, non_empty: bool = False, items: tuple[int | None, int | None] | None = None
    ) -> Any:
        if json is None:
            return None
        if isinstance(json, Sequence) and not isinstance(json, (str, bytes)):
            low, high = items or (None, None)
            require_length(low, high, body=json)
            return [_json(v) for v in json]
        body = _json(json)
        if non_empty:
            require_changes(body)
        return body

    def _paged(
        self,
        path: str,
        model: type[T],
        *,
        params: Mapping[str, Any] | None = None,
        limit: int | None = None,
        numbered: bool = True,
    ) -> AsyncPager[T]:
        if limit is not None:
            require_page_size(PAGE_LIMITS[1], limit=limit)
        return self._list(
            path,
            model=model,
            params=self._params(params),
            page_size=limit if numbered else None,
            paging=None if numbered else LINKS_ONLY,
        )

    def _arguments(
        self,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        non_empty: bool = False,
        items: tuple[int | None, int | None] | None = None,
        attachment: Upload | FileSource | None = None,
    ) -> dict[str, Any]:
        files = None
        if attachment is not None:
            upload = as_upload(attachment)
            _check_attachment(upload)
            files = {"attachment": upload}
        return {
            "params": self._params(params),
            "body": self._body(json, non_empty=non_empty, items=items),
            "files": files,
        }

    async def _send(self, method: str, path: str, **kwargs: Any) -> Any:
        return await self._request(method, path, **self._arguments(**kwargs))

    async def _model(self, model: type[T], method: str, path: str, **kwargs: Any) -> T:
        # A body of the wrong shape is a DecodeError naming the exchange.
        if not kwargs:  # no query, no body (a get): the path is already expanded and checked
            return await self._client.request_model(model, method, path)
        return await self._request(method, path, model=model, **self._arguments(**kwargs))

    async def _item_list(
        self, model: type[T], method: str, path: str, **kwargs: Any
    ) -> ItemList[T]:
        body = await self._send(method, path, **kwargs)
        if body is None:  # 204: nothing added, replaced or changed
            return ItemList(object="list", data=[], total=0, count=0)
        return structure(body, ItemList[model])  # type: ignore[valid-type]

    async def _none(self, method: str, path: str, **kwargs: Any) -> None:
        await self._send(method, path, **kwargs)

    def _download(
        self,
        path: str,
        path_params: Mapping[str, object] | None = None,
        /,
        *,
        params: Any = None,
        accept: str | None = None,
    ) -> Download:
        # ``common.Resource``'s download, its query checked as every Amiqus query is; the
        # generated methods pass ``accept``: what the operation answers (a PDF, any file).
        return super()._download(path, path_params, params=self._params(params), accept=accept)

"""The base of every vendor resource: a thin, declarative class bound to one client.

A resource method says *what* to call and *what comes back*; the verbs below say how::

    class Notes(Resource):
        async def get(self, note_id: str) -> Note:
            return await self._get(paths.NOTE, {"id": note_id}, model=Note)

        @filtered(NoteFilters)
        def list(self, filters: NoteFilters) -> AsyncPager[NoteSummary]:
            return self._list(paths.NOTE_SUMMARIES, model=NoteSummary, params=filters)

Every verb takes the path template, then its path parameters (``{"id": note_id}``, each
checked by :func:`~common.checks.require_path_value` and percent-encoded as one segment),
then by keyword the model of the answer, the query (a mapping, or declared
:class:`~common.filters.Filters`) and the body (an attrs input model is unstructured, with
only the fields set; ``envelope="update"`` sends it as ``{"update": ...}``).

=================  ============  ================================================
verb               HTTP          answer
=================  ============  ================================================
``_get``           GET           the model
``_list``          GET, paged    an :class:`~common.AsyncPager` of the model (no I/O yet)
``_create``        POST          the model (what was made)
``_update``        PUT or PATCH  the model (what it became)
``_delete``        DELETE        ``None``
``_download``      GET           a :class:`~common.Download` to stream or save
``_upload``        POST          multipart; the model, or ``None`` without one
``_request``       any           the model, or the decoded body without one
=================  ============  ================================================
"""

from __future__ import annotations

import functools
import inspect
import re
import warnings
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias, TypeVar, cast, overload

import attrs

from .checks import require_path_value
from .files import Download, FileSource, Upload
from .filters import Filters
from .models import unstructure
from .operations import _OPERATION
from .params import Params, format_path

if TYPE_CHECKING:
    from .client import BaseClient
    from .pagination import AsyncPager, PagingStrategy

__all__ = ["PathParams", "Query", "Resource", "as_upload", "deprecated_alias"]

_T = TypeVar("_T")
_M = TypeVar("_M", bound=Callable[..., Any])

#: The values of a path template's ``{placeholders}``.
PathParams: TypeAlias = "Mapping[str, object]"
#: A query: parameters as a mapping or pairs, or a listing's declared filters.
Query: TypeAlias = "Params | Filters | None"

#: Marks a method already run as a named operation (by a base class, or an alias).
_NAMED: Final = "__common_operation__"


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def _named(function: Callable[..., Any], operation: str) -> Callable[..., Any]:
    """*function*, run as *operation* (hooks, spans and metrics name the call by it)."""
    if inspect.iscoroutinefunction(function):

        @functools.wraps(function)
        async def run_async(*args: Any, **kwargs: Any) -> Any:
            token = _OPERATION.set(operation)
            try:
                return await function(*args, **kwargs)
            finally:
                _OPERATION.reset(token)

        setattr(run_async, _NAMED, operation)
        return run_async

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> Any:
        token = _OPERATION.set(operation)  # a pager or a download keeps it for later
        try:
            return function(*args, **kwargs)
        finally:
            _OPERATION.reset(token)

    setattr(run, _NAMED, operation)
    return run


def _query(params: Params | Filters | None) -> Params | None:
    return params.to_params() if isinstance(params, Filters) else params


def _json(body: object, envelope: str | None) -> Any:
    """The JSON of *body*: an attrs model unstructured (fields not given left out), a list
    of them each so, anything else as it is; under *envelope* when one is named."""
    if body is None:
        return None
    if attrs.has(type(body)):
        body = unstructure(body)
    elif isinstance(body, list) and any(attrs.has(type(item)) for item in body):
        body = [unstructure(item) if attrs.has(type(item)) else item for item in body]
    return {envelope: body} if envelope is not None else body


class Resource:
    """A section of a vendor's API. Methods validate, build, and name the model they return.

    Every public method of a subclass runs as the operation ``"<resource>.<method>"`` (the
    class name in snake case: ``Clients.list`` -> ``"clients.list"``), which hooks, spans and
    metrics report. The protected verbs (``_get``, ``_list``, ``_create``...) are what those
    methods are written with (see the module's documentation).
    """

    __slots__ = ("_client",)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        resource = _snake(cls.__name__)
        for name, member in list(vars(cls).items()):
            if name.startswith("_") or not inspect.isfunction(member):
                continue
            if getattr(member, _NAMED, None) is not None:
                continue  # already named by a base class
            setattr(cls, name, _named(member, f"{resource}.{name}"))

    def __init__(self, client: BaseClient) -> None:
        self._client = client

    def __repr__(self) -> str:
        return f"<{type(self).__name__} of {self._client!r}>"

    # -- the verbs -------------------------------------------------------------------------

    @staticmethod
    def _expand(template: str, path_params: PathParams | None) -> str:
        """*template* with its placeholders filled, each value checked and encoded."""
        if not path_params:
            return template
        if all(type(v) is int and v > 0 for v in path_params.values()):
            try:  # ids: digits only, nothing to encode (the common case)
                return template.format_map(path_params)
            except (KeyError, IndexError, ValueError):
                pass  # format_path names what is missing
        require_path_value(**path_params)
        return format_path(template, **path_params)

    async def _get(
        self,
        path: str,
        path_params: PathParams | None = None,
        /,
        *,
        model: type[_T],
        params: Query = None,
        headers: Mapping[str, str] | None = None,
    ) -> _T:
        """``GET`` one object."""
        return await self._request(
            "GET", path, path_params, model=model, params=params, headers=headers
        )

    def _list(
        self,
        path: str,
        path_params: PathParams | None = None,
        /,
        *,
        model: type[_T],
        params: Query = None,
        paging: PagingStrategy | None = None,
        page_size: int | None = None,
    ) -> AsyncPager[_T]:
        """A listing, lazily paged by the client's paging style (or *paging*)."""
        return self._client.paginate(
            self._expand(path, path_params),
            model=model,
            params=_query(params),
            paging=paging,
            page_size=page_size,
        )

    async def _create(
        self,
        path: str,
        path_params: PathParams | None = None,
        /,
        *,
        model: type[_T],
        body: object = None,
        envelope: str | None = None,
        params: Query = None,
    ) -> _T:
        """``POST`` a new object; the answer is what was made."""
        return await self._request(
            "POST", path, path_params, model=model, body=body, envelope=envelope, params=params
        )

    async def _update(
        self,
        path: str,
        path_params: PathParams | None = None,
        /,
        *,
        model: type[_T],
        body: object,
        envelope: str | None = None,
        method: Literal["PUT", "PATCH"] = "PUT",
        params: Query = None,
    ) -> _T:
        """Change an object (``PUT``, or ``PATCH``); the answer is what it became."""
        return await self._request(
            method, path, path_params, model=model, body=body, envelope=envelope, params=params
        )

    async def _delete(
        self,
        path: str,
        path_params: PathParams | None = None,
        /,
        *,
        params: Query = None,
        body: object = None,
    ) -> None:
        """``DELETE`` an object; whatever the server answers is dropped."""
        await self._request("DELETE", path, path_params, params=params, body=body)

    def _download(
        self,
        path: str,
        path_params: PathParams | None = None,
        /,
        *,
        params: Query = None,
        accept: str | None = None,
    ) -> Download:
        """A file to stream (no I/O until opened); *accept* names the media type asked for."""
        return self._client.download(
            self._expand(path, path_params),
            params=_query(params),
            headers=None if accept is None else {"Accept": accept},
        )

    @overload
    async def _upload(
        self,
        path: str,
        path_params: PathParams | None = None,
        /,
        *,
        file: Upload | FileSource,
        field: str = ...,
        filename: str | None = ...,
        content_type: str | None = ...,
        data: Mapping[str, Any] | None = ...,
        model: type[_T],
    ) -> _T: ...

    @overload
    async def _upload(
        self,
        path: str,
        path_params: PathParams | None = None,
        /,
        *,
        file: Upload | FileSource,
        field: str = ...,
        filename: str | None = ...,
        content_type: str | None = ...,
        data: Mapping[str, Any] | None = ...,
        model: None = ...,
    ) -> None: ...

    async def _upload(
        self,
        path: str,
        path_params: PathParams | None = None,
        /,
        *,
        file: Upload | FileSource,
        field: str = "file",
        filename: str | None = None,
        content_type: str | None = None,
        data: Mapping[str, Any] | None = None,
        model: type[_T] | None = None,
    ) -> _T | None:
        """``POST`` one file as ``multipart/form-data`` (streamed), under the form *field*.

        A bare source (a path, bytes, a file object, an async iterator) becomes an
        :class:`~common.Upload` named *filename* (default: the path's name) of
        *content_type* (default: guessed from the name).
        """
        upload = as_upload(file, filename=filename, content_type=content_type)
        answer = await self._request(
            "POST", path, path_params, model=model, files={field: upload}, data=data
        )
        return None if model is None else cast(_T, answer)

    @overload
    async def _request(
        self,
        method: str,
        path: str,
        path_params: PathParams | None = None,
        /,
        *,
        model: type[_T],
        params: Query = ...,
        body: object = ...,
        envelope: str | None = ...,
        files: Mapping[str, Upload | FileSource] | None = ...,
        data: Mapping[str, Any] | None = ...,
        headers: Mapping[str, str] | None = ...,
    ) -> _T: ...

    @overload
    async def _request(
        self,
        method: str,
        path: str,
        path_params: PathParams | None = None,
        /,
        *,
        model: None = ...,
        params: Query = ...,
        body: object = ...,
        envelope: str | None = ...,
        files: Mapping[str, Upload | FileSource] | None = ...,
        data: Mapping[str, Any] | None = ...,
        headers: Mapping[str, str] | None = ...,
    ) -> Any: ...

    async def _request(
        self,
        method: str,
        path: str,
        path_params: PathParams | None = None,
        /,
        *,
        model: type[_T] | None = None,
        params: Query = None,
        body: object = None,
        envelope: str | None = None,
        files: Mapping[str, Upload | FileSource] | None = None,
        data: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Any:
        """Any call: the answer structured into *model*, or without one the decoded body
        (``None`` when empty). A body of the wrong shape is a :class:`~common.DecodeError`
        naming the exchange."""
        url = self._expand(path, path_params)
        json = _json(body, envelope)
        query = _query(params)
        if model is None:
            return await self._client.request(
                method, url, params=query, json=json, files=files, data=data, headers=headers
            )
        return await self._client.request_model(
            model, method, url, params=query, json=json, files=files, data=data, headers=headers
        )


def as_upload(
    file: Upload | FileSource, *, filename: str | None = None, content_type: str | None = None
) -> Upload:
    """*file* as an :class:`~common.Upload` (a given ``Upload`` is kept as it is)."""
    if isinstance(file, Upload):
        return file
    options = {"filename": filename, "content_type": content_type}
    return Upload(file, **{k: v for k, v in options.items() if v is not None})


class _DeprecatedAlias:
    """A method's old name: calling it warns, then calls the method by its new name."""

    def __init__(self, method: Callable[..., Any], stub: Callable[..., Any]) -> None:
        self._new = method.__name__
        self._old = stub.__name__
        self.__doc__ = stub.__doc__ or f"Deprecated: the old name of :meth:`{self._new}`."

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self._old = name

    def __get__(self, instance: object, owner: type[Any] | None = None) -> Any:
        if instance is None:
            return self
        new, old = self._new, self._old
        resource = _snake(type(instance).__name__)
        method = getattr(instance, new)

        @functools.wraps(method)
        def alias(*args: Any, **kwargs: Any) -> Any:
            warnings.warn(
                f"{resource}.{old}() is deprecated; use {resource}.{new}()",
                DeprecationWarning,
                stacklevel=2,
            )
            return method(*args, **kwargs)

        return alias


def deprecated_alias(method: _M) -> Callable[[Callable[..., Any]], _M]:
    """Keep the old name of *method* for one release: calling it warns
    (:class:`DeprecationWarning`) and runs *method*, typed as it is. The decorated function
    only names the alias and documents it::

        @deprecated_alias(list)
        def query(self) -> None:
            "Deprecated since 0.2: the old name of list()."
    """

    def name(stub: Callable[..., Any]) -> _M:
        return cast(_M, _DeprecatedAlias(method, stub))

    return name

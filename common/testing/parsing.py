"""Reading a request's body and query in an emulator handler, refusing malformed input.

Every reader raises :class:`~common.testing.errors.BadRequest` on malformed input (never
anything else), which the server renders with the vendor's error renderer as a 4xx::

    from common.testing import read_json_object, read_multipart, query_int

    async def create_thing(request: web.Request) -> web.Response:
        body = await read_json_object(request)                 # a dict, or BadRequest
        page = query_int(request, "page", default=1, minimum=1)
        ...

    async def upload(request: web.Request) -> web.Response:
        parts = await read_multipart(request, max_bytes=10 * 1024**2)
        file = next((p for p in parts if p.name == "file"), None)

What each reader refuses (with the :class:`~common.testing.errors.Problem` it names):

* :func:`read_body`: a body over ``max_bytes`` (default: the app's ``client_max_size``),
  413 ``TOO_LARGE``, refused from ``Content-Length`` before reading when it is declared.
* :func:`read_json`: a body that is not UTF-8 (a UTF-8 byte-order mark is tolerated)
  ``INVALID_ENCODING``; not JSON, or JSON with ``NaN``/``Infinity`` or a number out of the
  double range (``1e400``) ``INVALID_JSON``; nested deeper than ``max_depth``
  (:data:`DEFAULT_MAX_JSON_DEPTH`) ``TOO_DEEP``; an empty body ``EMPTY_BODY`` unless
  ``empty=`` says what it stands for. :func:`read_json_object` also wants an object
  (``WRONG_TYPE``).
* :func:`read_form`: a Content-Type other than ``application/x-www-form-urlencoded``
  ``WRONG_CONTENT_TYPE``; percent-escapes that are not UTF-8; more than ``max_fields``.
* :func:`read_multipart`: a Content-Type that is not ``multipart/*`` ``WRONG_CONTENT_TYPE``;
  no boundary, an empty or garbage body, a part with malformed headers, a name or filename
  with a control character or bytes that are not UTF-8, a nested multipart, more than
  ``max_parts`` parts ``INVALID_MULTIPART``. The parts are read whole, into memory.
* :func:`query_int`: anything but ASCII digits with an optional sign, or a value outside
  ``minimum``..``maximum`` (a signed 64-bit integer by default) ``INVALID_QUERY``; an absent
  or empty parameter is ``default``.
"""

from __future__ import annotations

import asyncio
import json
import math
import re
import warnings
from collections.abc import Mapping
from typing import Any, overload
from urllib.parse import parse_qsl

import attrs
from aiohttp import BodyPartReader, MultipartReader, StreamReader, hdrs, multipart, web
from aiohttp.helpers import parse_mimetype
from multidict import CIMultiDict, CIMultiDictProxy, MultiDict, MultiDictProxy

from common._sentinel import NOT_GIVEN, NotGiven
from common.testing.errors import INPUT_ERRORS, BadRequest, Problem

__all__ = [
    "DEFAULT_MAX_FORM_FIELDS",
    "DEFAULT_MAX_JSON_DEPTH",
    "DEFAULT_MAX_PARTS",
    "INT64_MAX",
    "INT64_MIN",
    "FormPart",
    "parse_json",
    "query_int",
    "read_body",
    "read_form",
    "read_json",
    "read_json_object",
    "read_multipart",
]

#: How deeply JSON may nest (``{}`` is depth 1): 64 is the default of System.Text.Json and
#: Json.NET, what the two ASP.NET vendors run; far past any vendor's schema, and far below
#: Python's recursion limit, so no handler walking the body can overflow the stack.
DEFAULT_MAX_JSON_DEPTH = 64
#: Parts a multipart body may hold: ASP.NET's ``FormOptions.ValueCountLimit`` (1024).
DEFAULT_MAX_PARTS = 1024
#: Fields a URL-encoded form may hold: PHP's ``max_input_vars`` (1000).
DEFAULT_MAX_FORM_FIELDS = 1000
#: The range :func:`query_int` accepts unless told otherwise: a signed 64-bit integer.
INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

_INTEGER = re.compile(r"[-+]?[0-9]{1,20}")
#: C0 controls and DEL: never in a multipart name or filename.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_NON_FINITE = ("NaN", "Infinity", "-Infinity")


def _max_size(request: web.BaseRequest) -> int:
    value = getattr(request, "client_max_size", None)
    if isinstance(value, int):
        return value
    legacy = getattr(request, "_client_max_size", None)  # before the public property
    return legacy if isinstance(legacy, int) else 1024**2


def _too_large(limit: int) -> BadRequest:
    return BadRequest(
        f"The request body is larger than {limit} bytes.", status=413, problem=Problem.TOO_LARGE
    )


async def read_body(request: web.BaseRequest, *, max_bytes: int | None = None) -> bytes:
    """The whole body (``b""`` when there is none); over *max_bytes*: 413 ``TOO_LARGE``.

    *max_bytes* defaults to the app's ``client_max_size`` (aiohttp refuses more anyway). A
    declared ``Content-Length`` over the limit is refused without reading the body.
    """
    limit = _max_size(request) if max_bytes is None else max_bytes
    declared = request.content_length
    if declared is not None and declared > limit:
        raise _too_large(limit)
    try:
        body = await request.read()
    except web.HTTPRequestEntityTooLarge:
        raise _too_large(min(limit, _max_size(request))) from None
    if len(body) > limit:
        raise _too_large(limit)
    return body


# -- JSON -------------------------------------------------------------------------------------


def _refuse_constant(name: str) -> Any:
    raise BadRequest(
        f"The request body is not valid JSON: {name} is not a JSON value.",
        problem=Problem.INVALID_JSON,
    )


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise BadRequest(
            f"The request body is not valid JSON: the number {text[:40]} is out of range.",
            problem=Problem.INVALID_JSON,
        )
    return value


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether containers nest more than *limit* levels in *value* (iteratively: no stack)."""
    pending: list[tuple[Any, int]] = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        children = item.values() if isinstance(item, dict) else item
        if depth > limit:
            return True
        pending.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def _too_deep(limit: int) -> BadRequest:
    return BadRequest(
        f"The request body is nested more than {limit} levels deep.", problem=Problem.TOO_DEEP
    )


def parse_json(raw: bytes, *, max_depth: int = DEFAULT_MAX_JSON_DEPTH) -> Any:
    """Parse *raw* as :func:`read_json` does (no empty-body rule): a value, or BadRequest."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadRequest(
            "The request body is not valid UTF-8.", problem=Problem.INVALID_ENCODING
        ) from None
    try:
        value = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except RecursionError:
        raise _too_deep(max_depth) from None
    except json.JSONDecodeError as error:
        raise BadRequest(
            f"The request body is not valid JSON: {error.msg} "
            f"(line {error.lineno}, column {error.colno}).",
            problem=Problem.INVALID_JSON,
        ) from None
    except ValueError as error:  # e.g. an integer of more than 4300 digits
        raise BadRequest(
            f"The request body is not valid JSON: {str(error)[:200]}",
            problem=Problem.INVALID_JSON,
        ) from None
    if isinstance(value, (dict, list)) and _deeper_than(value, max_depth):
        raise _too_deep(max_depth)
    return value


async def read_json(
    request: web.BaseRequest,
    *,
    max_bytes: int | None = None,
    max_depth: int = DEFAULT_MAX_JSON_DEPTH,
    empty: Any = NOT_GIVEN,
) -> Any:
    """The JSON value of the body; BadRequest if it is not UTF-8 JSON within the limits.

    An empty (or all-whitespace) body is ``EMPTY_BODY``, unless *empty* is given: then it
    stands for that value (e.g. ``empty=None`` or ``empty={}``). The Content-Type is not
    checked (the emulators' vendors parse the body whatever it says).
    """
    raw = await read_body(request, max_bytes=max_bytes)
    if not raw.strip():
        if isinstance(empty, NotGiven):
            raise BadRequest("The request body is empty.", problem=Problem.EMPTY_BODY)
        return empty
    return parse_json(raw, max_depth=max_depth)


async def read_json_object(
    request: web.BaseRequest,
    *,
    max_bytes: int | None = None,
    max_depth: int = DEFAULT_MAX_JSON_DEPTH,
    empty: Mapping[str, Any] | NotGiven = NOT_GIVEN,
) -> dict[str, Any]:
    """:func:`read_json`, which must give a JSON object (else ``WRONG_TYPE``).

    With *empty* (e.g. ``empty={}``), an empty body stands for a copy of it.
    """
    fallback: Any = NOT_GIVEN if isinstance(empty, NotGiven) else dict(empty)
    value = await read_json(request, max_bytes=max_bytes, max_depth=max_depth, empty=fallback)
    if not isinstance(value, dict):
        raise BadRequest("The request body must be a JSON object.", problem=Problem.WRONG_TYPE)
    return value


# -- forms ------------------------------------------------------------------------------------


def _media_type(request: web.BaseRequest) -> tuple[str, Mapping[str, str]]:
    mimetype = parse_mimetype(request.headers.get(hdrs.CONTENT_TYPE, ""))
    return f"{mimetype.type}/{mimetype.subtype}", mimetype.parameters


async def read_form(
    request: web.BaseRequest,
    *,
    max_bytes: int | None = None,
    max_fields: int = DEFAULT_MAX_FORM_FIELDS,
) -> MultiDictProxy[str]:
    """The fields of an ``application/x-www-form-urlencoded`` body, in order, as text."""
    media_type, _ = _media_type(request)
    if media_type != "application/x-www-form-urlencoded":
        raise BadRequest(
            "Expected an application/x-www-form-urlencoded body.",
            problem=Problem.WRONG_CONTENT_TYPE,
        )
    raw = await read_body(request, max_bytes=max_bytes)
    try:
        text = raw.decode("utf-8")
        pairs = parse_qsl(
            text,
            keep_blank_values=True,
            max_num_fields=max_fields,
            encoding="utf-8",
            errors="strict",
        )
    except UnicodeError:
        raise BadRequest("The form is not valid UTF-8.", problem=Problem.INVALID_ENCODING) from None
    except ValueError:
        raise BadRequest(
            f"The form has more than {max_fields} fields.", problem=Problem.INVALID_FORM
        ) from None
    return MultiDictProxy(MultiDict(pairs))


# -- multipart --------------------------------------------------------------------------------


@attrs.frozen
class FormPart:
    """One part of a multipart body, read whole."""

    #: The ``name`` of its Content-Disposition (``None`` when it has none).
    name: str | None
    #: The ``filename`` (or ``filename*``) of its Content-Disposition, if any.
    filename: str | None
    #: Its own Content-Type header, if it has one.
    content_type: str | None
    headers: CIMultiDictProxy[str] = attrs.field(repr=False)
    data: bytes = attrs.field(repr=lambda data: f"<{len(data)} bytes>")

    def text(self) -> str:
        """The part's bytes as UTF-8 text (BadRequest ``INVALID_ENCODING`` if they are not)."""
        try:
            return self.data.decode("utf-8")
        except UnicodeDecodeError:
            raise BadRequest(
                f"The part {self.name!r} is not valid UTF-8.",
                field=self.name,
                problem=Problem.INVALID_ENCODING,
            ) from None


def _malformed(message: str, field: str | None = None) -> BadRequest:
    return BadRequest(message, field=field, problem=Problem.INVALID_MULTIPART)


def _clean(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    if _CONTROL.search(value):
        raise _malformed(f"A part's {what} holds a control character.", field=what)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # bytes that were not UTF-8, kept as surrogates by aiohttp
        raise _malformed(f"A part's {what} is not valid UTF-8.", field=what) from None
    return value


_BAD_DISPOSITION = "A part's Content-Disposition header is malformed."
_DISPOSITION_WARNINGS = (
    multipart.BadContentDispositionHeader,
    multipart.BadContentDispositionParam,
)


def _disposition(part: BodyPartReader) -> tuple[str | None, str | None]:
    """The part's name and filename, refusing a malformed Content-Disposition.

    aiohttp only *warns* about a malformed header (and answers ``None``), so its warnings are
    caught here, whatever the warning filters say (when they make warnings errors, aiohttp's
    own look at the first part's header raises one first: answered the same way). There is
    no ``await`` inside, so no other task runs while the filters are swapped.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        name, filename = part.name, part.filename
    if caught:
        raise _malformed(_BAD_DISPOSITION)
    return _clean(name, "name"), _clean(filename, "filename")


def _memory_stream(request: web.BaseRequest, body: bytes) -> StreamReader:
    # A limit above the body's size: the stream never asks the connection to pause reading.
    limit = max(2**16, len(body))
    stream = StreamReader(request.protocol, limit, loop=asyncio.get_running_loop())
    if body:
        stream.feed_data(body)
    stream.feed_eof()
    return stream


async def read_multipart(
    request: web.BaseRequest,
    *,
    max_bytes: int | None = None,
    max_parts: int = DEFAULT_MAX_PARTS,
) -> list[FormPart]:
    """Every part of a ``multipart/*`` body, in order (an empty list for a body of none)."""
    media_type, parameters = _media_type(request)
    if not media_type.startswith("multipart/"):
        raise BadRequest("Expected a multipart/form-data body.", problem=Problem.WRONG_CONTENT_TYPE)
    boundary = parameters.get("boundary", "")
    if not boundary or len(boundary) > 70:  # RFC 2046: 1 to 70 characters
        raise _malformed("The multipart Content-Type has no valid boundary.")
    body = await read_body(request, max_bytes=max_bytes)
    reader = MultipartReader(request.headers, _memory_stream(request, body))
    parts: list[FormPart] = []
    try:
        while (part := await reader.next()) is not None:
            if not isinstance(part, BodyPartReader):
                raise _malformed("Nested multipart bodies are not supported.")
            if len(parts) >= max_parts:
                raise _malformed(f"The multipart body has more than {max_parts} parts.")
            name, filename = _disposition(part)
            data = bytes(await part.read())
            parts.append(
                FormPart(
                    name=name,
                    filename=filename,
                    content_type=part.headers.get(hdrs.CONTENT_TYPE),
                    headers=CIMultiDictProxy(CIMultiDict(part.headers)),
                    data=data,
                )
            )
    except _DISPOSITION_WARNINGS:  # raised, not recorded, under ``-W error``: same answer
        raise _malformed(_BAD_DISPOSITION) from None
    except INPUT_ERRORS as error:  # aiohttp's parser, fed from memory: the body's fault
        detail = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
        raise _malformed(f"The multipart body is malformed: {detail}") from None
    return parts


# -- query ------------------------------------------------------------------------------------


@overload
def query_int(
    source: web.BaseRequest | Mapping[str, str],
    name: str,
    *,
    default: int,
    minimum: int | None = None,
    maximum: int | None = None,
) -> int: ...


@overload
def query_int(
    source: web.BaseRequest | Mapping[str, str],
    name: str,
    *,
    default: None = None,
    minimum: int | None = None,
    maximum: int | None = None,
) -> int | None: ...


def query_int(
    source: web.BaseRequest | Mapping[str, str],
    name: str,
    *,
    default: int | None = None,
    minimum: int | None = None,
    maximum: int | None = None,
) -> int | None:
    """The integer query parameter *name* (its first value), or *default* if absent or empty.

    *source* is the request, or a mapping of the query (e.g. one whose names were
    lower-cased). Only ASCII digits with an optional sign are an integer (Python's ``int()``
    would also take ``"1_000"``, ``" 7 "`` or other scripts' digits); the value must lie in
    ``minimum``..``maximum`` (by default the signed 64-bit range).
    """
    query = source.query if isinstance(source, web.BaseRequest) else source
    raw = query.get(name)
    if raw is None or raw == "":
        return default
    if not _INTEGER.fullmatch(raw):
        raise BadRequest(
            f"The {name} parameter must be an integer.", field=name, problem=Problem.INVALID_QUERY
        )
    value = int(raw)
    low = INT64_MIN if minimum is None else minimum
    high = INT64_MAX if maximum is None else maximum
    if not low <= value <= high:
        raise BadRequest(
            f"The {name} parameter must be between {low} and {high}.",
            field=name,
            problem=Problem.INVALID_QUERY,
        )
    return value

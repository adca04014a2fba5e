"""What an emulator answers when it refuses a request, and what happens when it has a bug.

A handler raises :class:`Refusal` (``raise Refusal(404, "Client 7 was not found.")``); the
kit's request readers (:mod:`common.testing.parsing`, :mod:`common.testing.context`) raise its
subclass :class:`BadRequest` for malformed input. The server's guard middleware renders either
with the *error renderer* the vendor emulator passed once, at construction
(``EmulatorServer(app, render_error=...)``), so every vendor answers in its own error shape::

    def render(request: web.Request, error: Refusal) -> web.StreamResponse:
        return web.json_response({"error": error.message}, status=error.status,
                                 headers=error.headers)

    server = EmulatorServer(create_app(), render_error=render)

Without one, :func:`default_error_renderer` answers ``{"message": ...}`` with the error's status
(400 for a :class:`BadRequest` unless it says otherwise, 413 for a body too large).

The guard also answers, with the same renderer, an exception that escapes a handler when its
cause is malformed input: one raised *inside a parser of request data* (the JSON decoder,
aiohttp's multipart and request-body readers, ``urllib.parse``, ...) whose type says "bad
data" (``ValueError``, ``UnicodeError``, ``RecursionError``, ...); see
:func:`bad_request_from`. Any other exception is an **emulator bug**: it is logged with its
traceback, kept in :attr:`EmulatorServer.bugs <common.testing.EmulatorServer.bugs>` as an
:class:`EmulatorBug`, and answered ``500`` with ``X-Emulator-Bug: <exception type>`` and a body
naming it. With the kit's pytest plugin, a test during which an emulator had a bug fails
(unless it is marked ``allow_emulator_bugs``), even when it never looked at the status.
"""

from __future__ import annotations

import contextvars
import enum
import threading
import traceback
from collections.abc import Callable, Iterator, Mapping
from http import HTTPStatus
from types import TracebackType
from typing import Any

import attrs
from aiohttp import http_exceptions, multipart, web

__all__ = [
    "BUG_HEADER",
    "BadRequest",
    "BugCollector",
    "EmulatorBug",
    "ErrorRenderer",
    "Problem",
    "Refusal",
    "bad_request_from",
    "default_error_renderer",
    "json_error_renderer",
    "render_kit_error",
]

#: The response header naming the exception type of an emulator bug's 500.
BUG_HEADER = "X-Emulator-Bug"


class Problem(enum.Enum):
    """Why a request was refused, for renderers that word each case the vendor's way."""

    #: The body is not JSON (syntax, ``NaN``, a number out of range, ...).
    INVALID_JSON = "invalid_json"
    #: The body (or a part of it) is not valid UTF-8.
    INVALID_ENCODING = "invalid_encoding"
    #: JSON nested deeper than the reader allows.
    TOO_DEEP = "too_deep"
    #: Valid JSON of the wrong type (an array where an object is expected, ...).
    WRONG_TYPE = "wrong_type"
    #: No body where one is required.
    EMPTY_BODY = "empty_body"
    #: The body is larger than allowed (rendered 413 by default).
    TOO_LARGE = "too_large"
    #: The Content-Type is not the one the route reads (e.g. JSON sent to an upload).
    WRONG_CONTENT_TYPE = "wrong_content_type"
    #: A multipart body that cannot be parsed (no boundary, garbage, bad part headers...).
    INVALID_MULTIPART = "invalid_multipart"
    #: An ``application/x-www-form-urlencoded`` body that cannot be parsed.
    INVALID_FORM = "invalid_form"
    #: A query parameter with a value of the wrong form.
    INVALID_QUERY = "invalid_query"
    #: Any other malformed input (an exception raised by a parser of request data).
    MALFORMED = "malformed"
    #: Not malformed: the handler refused the request (unknown id, bad credentials, a rule).
    REFUSED = "refused"
    #: The kit's own rate limit refused the request (429).
    RATE_LIMITED = "rate_limited"
    #: An error injected by a kit fault (``Fault.status(503)`` and the like, without a body).
    FAULT = "fault"


class Refusal(Exception):
    """An error answer: raised by a handler, rendered by the server's error renderer.

    *status* is the HTTP status (400 to 599); *message* a sentence for the body; *field* the
    body field, part or query parameter at fault, when there is one; *errors* a map of field
    errors for vendors whose bodies carry one (``{"Name": ["The Name field is required."]}``);
    *headers* are sent with the answer (``Allow``, ``Retry-After``...). *body*, when given, is
    the exact JSON body for a vendor renderer to send as it is (an irregular answer). *problem*
    says why, so a renderer can word it the vendor's way.
    """

    def __init__(
        self,
        status: int,
        message: str = "",
        *,
        field: str | None = None,
        errors: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        body: Any = None,
        problem: Problem = Problem.REFUSED,
    ) -> None:
        if not 400 <= status < 600:
            raise ValueError(f"a Refusal is a 4xx or a 5xx, got {status}")
        super().__init__(message)
        self.status: int = status
        self.message: str = message or _reason(status)
        self.field: str | None = field
        self.errors: dict[str, Any] | None = None if errors is None else dict(errors)
        self.headers: dict[str, str] | None = None if headers is None else dict(headers)
        self.body: Any = body
        self.problem: Problem = problem

    def __repr__(self) -> str:
        where = "" if self.field is None else f", field={self.field!r}"
        return f"{type(self).__name__}({self.status}, {self.message!r}{where}, {self.problem.name})"


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


class BadRequest(Refusal):
    """The request is malformed: a :class:`Refusal`, 4xx (400 unless given).

    *message* is a sentence for the body; *field* names the body field, part or query
    parameter at fault, when there is one; *status* is a 4xx (400 unless given); *problem*
    says why, so a renderer can word it (or choose a status) the vendor's way.
    """

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        status: int = 400,
        problem: Problem = Problem.MALFORMED,
    ) -> None:
        if not 400 <= status < 500:
            raise ValueError(f"a BadRequest is a 4xx, got {status}")
        super().__init__(status, message, field=field, problem=problem)

    def __repr__(self) -> str:
        where = "" if self.field is None else f", field={self.field!r}"
        return f"BadRequest({self.message!r}{where}, status={self.status}, {self.problem.name})"


#: Renders a :class:`Refusal` (a :class:`BadRequest` included) as the vendor's error response
#: (called by the server).
ErrorRenderer = Callable[[web.Request, Refusal], web.StreamResponse]


# The renderer of the server answering the current request, when it is a vendor's: set by the
# server for each request (aiohttp runs each in its own task), read by the kit's own errors.
_VENDOR_RENDERER: contextvars.ContextVar[ErrorRenderer | None] = contextvars.ContextVar(
    "common_testing_vendor_renderer", default=None
)


def render_kit_error(request: web.Request, error: Refusal) -> web.StreamResponse | None:
    """One of the kit's own error answers (its 429, a fault's default body) in the shape of the
    vendor serving *request*, or ``None`` when its server has no renderer of its own (the kit's
    answer then stands)."""
    render = _VENDOR_RENDERER.get()
    return None if render is None else render(request, error)


def json_error_renderer(shape: Callable[[Refusal], Any]) -> ErrorRenderer:
    """A renderer answering the JSON body *shape* builds from a refusal (its *body* instead
    when it has one), with the refusal's status and headers::

        render = json_error_renderer(lambda error: {"error": error.message})
    """

    def render(request: web.Request, error: Refusal) -> web.StreamResponse:
        body = shape(error) if error.body is None else error.body
        return web.json_response(body, status=error.status, headers=error.headers)

    return render


def default_error_renderer(request: web.Request, error: Refusal) -> web.StreamResponse:
    """The kit's own error shape: ``{"message": <message>}`` (plus ``"errors"`` when the error
    has field errors), or the error's *body* when it has one, with its status and headers."""
    body: Any = error.body
    if body is None:
        body = {"message": error.message}
        if error.errors:
            body["errors"] = error.errors
    return web.json_response(body, status=error.status, headers=error.headers)


# -- telling malformed input from an emulator bug -------------------------------------------

#: Modules that parse request data: an exception of a "bad data" type raised inside one of
#: them (its innermost frame) was caused by the request, not by the emulator. Encoders and
#: response builders are deliberately absent: a failure there is the emulator's.
PARSER_MODULES: frozenset[str] = frozenset(
    {
        "json",  # json.loads: bytes that are not UTF-8/16/32
        "json.decoder",
        "json.scanner",
        "urllib.parse",
        "ipaddress",
        "_strptime",  # datetime.strptime
        "base64",
        "uuid",
        "http.cookies",
        "aiohttp.multipart",
        "aiohttp.http_parser",  # multipart part headers
        "aiohttp.web_request",  # request.read/text/json/post/multipart
        "aiohttp.streams",
        "yarl._url",
        "yarl._quoting_py",
    }
)
#: Module name prefixes that count as parsers too (the stdlib's MIME and codec packages).
PARSER_PACKAGES: tuple[str, ...] = ("email.", "encodings.")

#: Exception types that mean "bad data" when a parser raises them (``TypeError``,
#: ``AttributeError`` and the like mean a programming error, so they are not here).
INPUT_ERRORS: tuple[type[BaseException], ...] = (
    ValueError,  # UnicodeError and json.JSONDecodeError included
    LookupError,
    RecursionError,
    OverflowError,
    AssertionError,  # aiohttp's multipart reader asserts on what it is fed
    # aiohttp's warnings about a malformed Content-Disposition, raised under ``-W error``
    multipart.BadContentDispositionHeader,
    multipart.BadContentDispositionParam,
    http_exceptions.HttpProcessingError,  # InvalidHeader, BadHttpMessage, payload errors
)


def _raised_in(error: BaseException) -> str:
    """The module name of the innermost frame of *error*'s traceback (``""`` when none)."""
    tb = error.__traceback__
    if tb is None:
        return ""
    while tb.tb_next is not None:
        tb = tb.tb_next
    name = tb.tb_frame.f_globals.get("__name__", "")
    return name if isinstance(name, str) else ""


def _in_parser(module: str) -> bool:
    return module in PARSER_MODULES or module.startswith(PARSER_PACKAGES)


def bad_request_from(error: BaseException) -> Refusal | None:
    """The :class:`Refusal` *error* stands for, or ``None`` if it is an emulator bug.

    * a :class:`Refusal` (a :class:`BadRequest` included) is itself;
    * aiohttp's own refusal of a body too large (``HTTPRequestEntityTooLarge``, raised while
      reading it) is a 413 :attr:`Problem.TOO_LARGE`;
    * an exception of one of the :data:`INPUT_ERRORS` types whose innermost frame is in one
      of the :data:`PARSER_MODULES` is malformed input (400);
    * anything else (raised in the emulator's own code, or of another type) is a bug.
    """
    if isinstance(error, Refusal):
        return error
    module = _raised_in(error)
    if isinstance(error, web.HTTPException):
        if error.status == 413 and module.startswith("aiohttp."):
            return BadRequest(
                error.text or "Request Entity Too Large", status=413, problem=Problem.TOO_LARGE
            )
        return None
    if not isinstance(error, INPUT_ERRORS) or not _in_parser(module):
        return None
    return BadRequest(_describe(error, module), problem=_problem(error, module))


def _problem(error: BaseException, module: str) -> Problem:
    if isinstance(error, RecursionError):
        return Problem.TOO_DEEP
    if isinstance(error, UnicodeError):
        return Problem.INVALID_ENCODING
    if module.startswith("json"):
        return Problem.INVALID_JSON
    if module in ("aiohttp.multipart", "aiohttp.http_parser"):
        return Problem.INVALID_MULTIPART
    return Problem.MALFORMED


_WORDING = {
    Problem.TOO_DEEP: "The request body is nested too deeply.",
    Problem.INVALID_ENCODING: "The request is not valid UTF-8.",
    Problem.INVALID_JSON: "The request body is not valid JSON.",
    Problem.INVALID_MULTIPART: "The multipart body is malformed.",
}


def _describe(error: BaseException, module: str) -> str:
    problem = _problem(error, module)
    if problem in _WORDING:
        return _WORDING[problem]
    detail = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
    return f"The request is malformed: {detail}"


# -- emulator bugs --------------------------------------------------------------------------


@attrs.frozen
class EmulatorBug:
    """An exception that escaped an emulator's handler and was not malformed input."""

    method: str
    #: The request's raw path and query, as sent.
    path: str
    exception: BaseException
    #: The formatted traceback, for reports.
    traceback: str

    @classmethod
    def of(cls, request: web.BaseRequest, error: BaseException) -> EmulatorBug:
        text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        return cls(
            method=request.method,
            path=request.rel_url.raw_path_qs,
            exception=error,
            traceback=text,
        )

    def summary(self) -> str:
        """``"POST /api/v1/things: KeyError('id')"``."""
        return f"{self.method} {self.path}: {self.exception!r}"


def bug_response(bug: EmulatorBug) -> web.Response:
    """The 500 of an emulator bug: unmistakable, and naming the exception."""
    name = type(bug.exception).__name__
    message = (
        f"{HTTPStatus.INTERNAL_SERVER_ERROR.phrase} (emulator bug: {name}: "
        f"{str(bug.exception)[:200]}; the traceback is in the log)"
    )
    return web.json_response({"message": message}, status=500, headers={BUG_HEADER: name})


_collectors: list[BugCollector] = []
_collectors_lock = threading.Lock()


class BugCollector:
    """Gathers the bugs of every emulator server (in any thread) while it is active.

    ::

        with BugCollector() as collector:
            ...  # run emulators
        assert not collector.bugs

    The kit's pytest plugin runs one around each test.
    """

    def __init__(self) -> None:
        self.bugs: list[EmulatorBug] = []

    def __enter__(self) -> BugCollector:
        with _collectors_lock:
            _collectors.append(self)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        with _collectors_lock:
            if self in _collectors:
                _collectors.remove(self)

    def __iter__(self) -> Iterator[EmulatorBug]:
        return iter(list(self.bugs))

    def __len__(self) -> int:
        return len(self.bugs)


def report_bug(bug: EmulatorBug) -> None:
    """Hand *bug* to every active :class:`BugCollector`."""
    with _collectors_lock:
        active = list(_collectors)
    for collector in active:
        collector.bugs.append(bug)

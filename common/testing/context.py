"""What an emulator's handler gets: the request, read the way its vendor reads one.

A vendor emulator subclasses :class:`RequestContext` once, naming its emulator and store
types and its :class:`QueryRules` (how its framework binds query values, and how it words a
refusal), and every handler takes that context::

    AMILIA_RULES = attrs.evolve(
        ASPNET_RULES,  # names in any case (?PerPage= is perPage), ASP.NET's int and bool
        wording={Flaw.NOT_INTEGER: "The value '{raw}' is not valid for {name}."},
    )

    @attrs.define(eq=False)
    class Ctx(RequestContext["AmiliaEmulator", AmiliaData]):   # ctx.data: emulator.data
        rules: ClassVar[QueryRules] = AMILIA_RULES

    async def list_programs(ctx: Ctx) -> web.StreamResponse:
        archived = ctx.flag("showArchived")            # true/false, else 400 in Amilia's words
        program = ctx.key(ctx.data.programs, "Program")  # the {id} path parameter, else 404
        body = await ctx.json_object()                 # strict JSON object, else 400
        return ctx.ok(...)

Every reader refuses a value that does not parse with a
:class:`~common.testing.errors.BadRequest` (``field`` = the parameter, ``problem`` =
``INVALID_QUERY``, status :attr:`QueryRules.status`) worded by the template
:attr:`QueryRules.wording` has for its :class:`Flaw` (else the kit's, :data:`DEFAULT_WORDING`),
and an id naming nothing with a 404 :class:`~common.testing.errors.Refusal`; the server renders
both with the vendor's renderer. An absent or empty parameter is ``None`` (or the default given).

The parsers (:func:`ascii_integer`, :func:`aspnet_int32`, :func:`python_integer`,
:func:`boolean_words`, :func:`iso_date`, :func:`iso_date_prefix`, :func:`iso_datetime`) are
pure functions answering ``None`` for text they do not take; a vendor with other rules passes
its own.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar, Generic, NoReturn, TypeVar, overload
from urllib.parse import quote

import attrs
from aiohttp import web
from multidict import MultiDict, MultiDictProxy

from common._sentinel import NOT_GIVEN, NotGiven
from common.testing.errors import BadRequest, Problem, Refusal
from common.testing.paging import url_with_query
from common.testing.parsing import FormPart, read_json, read_json_object, read_multipart

__all__ = [
    "ASPNET_RULES",
    "DEFAULT_WORDING",
    "Flaw",
    "Mistake",
    "QueryRules",
    "RequestContext",
    "ascii_integer",
    "aspnet_int32",
    "boolean_words",
    "content_disposition",
    "excerpt",
    "iso_date",
    "iso_date_prefix",
    "iso_datetime",
    "python_integer",
]

_E = TypeVar("_E")
_D = TypeVar("_D")
_K = TypeVar("_K")
_V = TypeVar("_V")

# -- parsers ------------------------------------------------------------------------------------

_ASCII_INTEGER = re.compile(r"[-+]?[0-9]{1,18}")
#: What ASP.NET binds to an ``int``: optional ASCII blanks and sign, ASCII digits (no ``1_0``,
#: no other scripts' digits, no decimals).
_ASPNET_INTEGER = re.compile(r"[ \t\n\v\f\r]*[+-]?[0-9]{1,10}[ \t\n\v\f\r]*")
_INT32_MIN, _INT32_MAX = -(2**31), 2**31 - 1
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def ascii_integer(raw: str) -> int | None:
    """ASCII digits with an optional sign, at most 18 of them (so any 64-bit id), else ``None``.

    Stricter than :func:`int`: no ``1_000``, no blanks, no other scripts' digits.
    """
    return int(raw) if _ASCII_INTEGER.fullmatch(raw) else None


def aspnet_int32(raw: str) -> int | None:
    """*raw* as ASP.NET binds an ``int`` (blanks and a sign allowed, 32 bits), else ``None``."""
    if not _ASPNET_INTEGER.fullmatch(raw):
        return None
    value = int(raw)
    return value if _INT32_MIN <= value <= _INT32_MAX else None


def python_integer(raw: str) -> int | None:
    """*raw* as Python's :func:`int` reads it (blanks, ``_`` and any script's digits), else
    ``None``: the leniency of a framework that casts with its language's own conversion."""
    try:
        return int(raw)
    except ValueError:
        return None


def boolean_words(
    true: Iterable[str] = ("true", "1"),
    false: Iterable[str] = ("false", "0"),
    *,
    strip: bool = False,
) -> Callable[[str], bool | None]:
    """A boolean parser taking *true* and *false* words (any case; blanks too with *strip*)."""
    yes, no = frozenset(w.lower() for w in true), frozenset(w.lower() for w in false)

    def parse(raw: str) -> bool | None:
        word = (raw.strip() if strip else raw).lower()
        return True if word in yes else False if word in no else None

    return parse


def iso_date(raw: str) -> dt.date | None:
    """``YYYY-MM-DD`` (ASCII digits, a real day), else ``None``."""
    if not _ISO_DATE.fullmatch(raw):
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        return None


def iso_date_prefix(raw: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` date at the start of *raw* (a date-time is cut to its day), else
    ``None``."""
    return iso_date(raw[:10]) if _ISO_DATE.match(raw) else None


def iso_datetime(raw: str) -> dt.datetime | None:
    """An ISO 8601 date-time (``Z`` or an offset; naive is UTC) or a date alone, as an aware
    UTC datetime, else ``None``."""
    try:
        if len(raw) == 10:
            day = dt.date.fromisoformat(raw)
            return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)
        moment = dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
        if moment.tzinfo is None:
            return moment.replace(tzinfo=dt.timezone.utc)
        return moment.astimezone(dt.timezone.utc)
    except (ValueError, OverflowError):
        return None


# -- rules and wording ---------------------------------------------------------------------------


class Flaw(enum.Enum):
    """What is wrong with a parameter, for a vendor to word."""

    NOT_INTEGER = "not an integer"
    NOT_BOOLEAN = "not a boolean"
    NOT_DATE = "not a date"
    NOT_DATETIME = "not a date-time"
    #: Not one of the values the parameter takes.
    NOT_ALLOWED = "not an allowed value"
    #: An integer outside ``minimum``..``maximum``.
    OUT_OF_RANGE = "out of range"
    #: The start of a range after its end (:attr:`Mistake.other` is the end's name).
    REVERSED = "a range ending before it starts"
    #: A path parameter naming nothing (:attr:`Mistake.what` says what it should name).
    NOT_FOUND = "not found"


def excerpt(text: str, limit: int = 60) -> str:
    """*text* quoted for a message (``repr``), cut to *limit* characters."""
    return repr(text if len(text) <= limit else text[:limit] + "...")


@attrs.frozen(kw_only=True)
class Mistake:
    """A parameter the context refuses; its fields fill the rules' wording templates."""

    flaw: Flaw
    #: The parameter's name, as the handler asked for it.
    name: str
    #: What was sent.
    raw: str
    #: What a path parameter names (``"Client"``), for :attr:`Flaw.NOT_FOUND`.
    what: str = ""
    minimum: int | None = None
    maximum: int | None = None
    #: The values allowed, for :attr:`Flaw.NOT_ALLOWED`.
    allowed: tuple[str, ...] = ()
    #: The other parameter of a range, for :attr:`Flaw.REVERSED`.
    other: str = ""

    def worded(self, template: str) -> str:
        """*template* filled in: ``{name}``, ``{raw}``, ``{excerpt}`` (*raw* quoted, cut to 60
        characters), ``{what}``, ``{minimum}``, ``{maximum}``, ``{allowed}`` (comma-separated),
        ``{other}``."""
        return template.format(
            name=self.name,
            raw=self.raw,
            excerpt=excerpt(self.raw),
            what=self.what,
            minimum=self.minimum,
            maximum=self.maximum,
            allowed=", ".join(self.allowed),
            other=self.other,
        )


#: The kit's own sentences, for each flaw a vendor's rules do not word.
DEFAULT_WORDING: Mapping[Flaw, str] = {
    Flaw.NOT_INTEGER: "The {name} parameter must be an integer.",
    Flaw.NOT_BOOLEAN: "The {name} parameter must be true or false.",
    Flaw.NOT_DATE: "The {name} parameter must be a date (YYYY-MM-DD).",
    Flaw.NOT_DATETIME: "The {name} parameter must be a date-time.",
    Flaw.NOT_ALLOWED: "The {name} parameter must be one of: {allowed}.",
    Flaw.OUT_OF_RANGE: "The {name} parameter is out of range.",
    Flaw.REVERSED: "The {name} parameter must not be after {other}.",
    Flaw.NOT_FOUND: "{what} {excerpt} was not found.",
}


@attrs.frozen(kw_only=True)
class QueryRules:
    """How a vendor reads query and path parameters, and words what it refuses."""

    #: Parameter names match whatever their case (ASP.NET's model binding).
    ignore_case: bool = False
    integer: Callable[[str], int | None] = ascii_integer
    #: How an id in the path is read (default: as :attr:`integer`).
    identifier: Callable[[str], int | None] | None = None
    boolean: Callable[[str], bool | None] = attrs.field(factory=boolean_words)
    date: Callable[[str], dt.date | None] = iso_date
    moment: Callable[[str], dt.datetime | None] = iso_datetime
    #: The status of a value that does not parse (a 4xx; 404 is kept for ids naming nothing).
    status: int = 400
    #: A template per flaw (see :meth:`Mistake.worded`); the others are :data:`DEFAULT_WORDING`.
    wording: Mapping[Flaw, str] = attrs.field(factory=dict)

    def message(self, mistake: Mistake) -> str:
        """The sentence refusing *mistake*."""
        return mistake.worded(self.wording.get(mistake.flaw) or DEFAULT_WORDING[mistake.flaw])


#: How ASP.NET's model binding reads query values: names in any case, ``int`` as
#: :func:`aspnet_int32`, ``bool`` as ``true``/``false`` (any case). A vendor states what
#: differs: ``attrs.evolve(ASPNET_RULES, wording={...})``.
ASPNET_RULES = QueryRules(
    ignore_case=True, integer=aspnet_int32, boolean=boolean_words(("true",), ("false",))
)


def content_disposition(filename: str) -> str:
    """``attachment; filename="..."``, plus ``filename*`` (RFC 6266) for a name that is not
    plain printable ASCII; control characters never reach the header."""
    fallback = re.sub(r"[\x00-\x1f\x7f]", "_", filename.encode("ascii", "replace").decode("ascii"))
    fallback = fallback.replace("\\", "\\\\").replace('"', '\\"')
    value = f'attachment; filename="{fallback}"'
    if fallback != filename:
        value += f"; filename*=UTF-8''{quote(filename, safe='', errors='replace')}"
    return value


def _path_params(context: RequestContext[Any, Any]) -> Mapping[str, str]:
    return dict(context.request.match_info)


def _store(context: RequestContext[Any, Any]) -> Any:
    return context.emulator.data


def _query(context: RequestContext[Any, Any]) -> MultiDictProxy[str]:
    query = context.request.query
    if not context.rules.ignore_case:
        return MultiDictProxy(MultiDict(query))
    return MultiDictProxy(MultiDict((key.lower(), value) for key, value in query.items()))


# -- the context ---------------------------------------------------------------------------------


@attrs.define(eq=False)
class RequestContext(Generic[_E, _D]):
    """One request, its emulator (``_E``), its store (``_D``) and its path parameters, with
    readers that answer in the vendor's words (:attr:`rules`). Subclass it once per vendor
    (see the module docs)."""

    #: The vendor's rules; a subclass sets its own.
    rules: ClassVar[QueryRules] = QueryRules()

    request: web.Request
    emulator: _E
    #: The path parameters (default: the route's ``match_info``).
    params: Mapping[str, str] = attrs.field(
        default=attrs.Factory(_path_params, takes_self=True), kw_only=True
    )
    #: The emulator's store (default: ``emulator.data``).
    data: _D = attrs.field(default=attrs.Factory(_store, takes_self=True), kw_only=True)
    #: The query, names lower-cased when :attr:`QueryRules.ignore_case`; repeated keys kept.
    query: MultiDictProxy[str] = attrs.field(
        default=attrs.Factory(_query, takes_self=True), init=False
    )

    # -- refusing --------------------------------------------------------------------------

    def refuse(self, mistake: Mistake) -> NoReturn:
        """Raise the vendor's answer to *mistake*: a 404 :class:`Refusal` for an id naming
        nothing, else a :class:`BadRequest` with :attr:`QueryRules.status`."""
        message = self.rules.message(mistake)
        if mistake.flaw is Flaw.NOT_FOUND:
            raise Refusal(404, message, field=mistake.name)
        raise BadRequest(
            message, field=mistake.name, status=self.rules.status, problem=Problem.INVALID_QUERY
        )

    # -- query -----------------------------------------------------------------------------

    def _name(self, name: str) -> str:
        return name.lower() if self.rules.ignore_case else name

    def text(self, name: str) -> str | None:
        """The first value of the query parameter *name*; ``None`` when absent or empty."""
        value = self.query.get(self._name(name))
        return value or None

    def values(self, name: str) -> list[str]:
        """Every value of the query parameter *name*, in order (empty ones included)."""
        return self.query.getall(self._name(name), [])

    @overload
    def integer(
        self, name: str, default: int, *, minimum: int | None = None, maximum: int | None = None
    ) -> int: ...

    @overload
    def integer(
        self,
        name: str,
        default: None = None,
        *,
        minimum: int | None = None,
        maximum: int | None = None,
    ) -> int | None: ...

    def integer(
        self,
        name: str,
        default: int | None = None,
        *,
        minimum: int | None = None,
        maximum: int | None = None,
    ) -> int | None:
        """The integer *name* (:attr:`QueryRules.integer`), within *minimum*..*maximum* when
        given; *default* when absent or empty."""
        raw = self.text(name)
        if raw is None:
            return default
        value = self.rules.integer(raw)
        if value is None:
            self.refuse(Mistake(flaw=Flaw.NOT_INTEGER, name=name, raw=raw))
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            self.refuse(
                Mistake(
                    flaw=Flaw.OUT_OF_RANGE, name=name, raw=raw, minimum=minimum, maximum=maximum
                )
            )
        return value

    def boolean(self, name: str) -> bool | None:
        """The boolean *name* (:attr:`QueryRules.boolean`); ``None`` when absent or empty."""
        raw = self.text(name)
        if raw is None:
            return None
        value = self.rules.boolean(raw)
        if value is None:
            self.refuse(Mistake(flaw=Flaw.NOT_BOOLEAN, name=name, raw=raw))
        return value

    def flag(self, name: str, default: bool = False) -> bool:
        """:meth:`boolean`, with *default* when absent or empty."""
        value = self.boolean(name)
        return default if value is None else value

    def date(self, *names: str) -> dt.date | None:
        """The date (:attr:`QueryRules.date`) of the first of *names* given; ``None`` if none."""
        for name in names:
            raw = self.text(name)
            if raw is None:
                continue
            value = self.rules.date(raw)
            if value is None:
                self.refuse(Mistake(flaw=Flaw.NOT_DATE, name=name, raw=raw))
            return value
        return None

    def date_range(self, low: str, high: str) -> tuple[dt.date | None, dt.date | None]:
        """The dates *low* and *high*; *low* after *high* is refused."""
        start, end = self.date(low), self.date(high)
        if start is not None and end is not None and start > end:
            self.refuse(Mistake(flaw=Flaw.REVERSED, name=low, raw=self.text(low) or "", other=high))
        return start, end

    def moment(self, name: str) -> dt.datetime | None:
        """The date-time *name* (:attr:`QueryRules.moment`); ``None`` when absent or empty."""
        raw = self.text(name)
        if raw is None:
            return None
        value = self.rules.moment(raw)
        if value is None:
            self.refuse(Mistake(flaw=Flaw.NOT_DATETIME, name=name, raw=raw))
        return value

    def choice(self, name: str, allowed: Iterable[str]) -> str | None:
        """*name* when it is exactly one of *allowed*; ``None`` when absent or empty."""
        raw = self.text(name)
        options = tuple(allowed)
        if raw is not None and raw not in options:
            self.refuse(Mistake(flaw=Flaw.NOT_ALLOWED, name=name, raw=raw, allowed=options))
        return raw

    def url_with(self, name: str, value: object) -> str:
        """This request's absolute URL with the query parameter *name* set to *value*."""
        return url_with_query(self.request, name, value, ignore_case=self.rules.ignore_case)

    @property
    def origin(self) -> str:
        """``scheme://host[:port]`` as the client reached the emulator."""
        return f"{self.request.scheme}://{self.request.host}"

    # -- path ------------------------------------------------------------------------------

    def key(self, collection: Mapping[_K, Any], what: str, name: str = "id") -> _K:
        """The key of *collection* the path parameter *name* names, else a 404.

        Integer keys are read with :attr:`QueryRules.identifier` (else :attr:`~QueryRules.
        integer`); text keys are taken as they are. *what* names the item for the message.
        """
        raw = self.params[name]
        key: Any = raw
        if isinstance(next(iter(collection), None), int):
            key = (self.rules.identifier or self.rules.integer)(raw)
        if key is None or key not in collection:
            self.refuse(Mistake(flaw=Flaw.NOT_FOUND, name=name, raw=raw, what=what))
        found: _K = key
        return found

    def item(self, collection: Mapping[Any, _V], what: str, name: str = "id") -> _V:
        """The item of *collection* the path parameter *name* names, else a 404."""
        return collection[self.key(collection, what, name)]

    # -- body ------------------------------------------------------------------------------

    async def json(self, *, empty: Any = NOT_GIVEN) -> Any:
        """The strict JSON body (:func:`~common.testing.parsing.read_json`); an empty body is
        *empty* when given, else refused."""
        return await read_json(self.request, empty=empty)

    async def json_object(
        self, *, empty: Mapping[str, Any] | NotGiven = NOT_GIVEN
    ) -> dict[str, Any]:
        """The body as a JSON object (:func:`~common.testing.parsing.read_json_object`)."""
        return await read_json_object(self.request, empty=empty)

    async def multipart(self, *, max_bytes: int | None = None) -> list[FormPart]:
        """Every part of a multipart body (:func:`~common.testing.parsing.read_multipart`)."""
        return await read_multipart(self.request, max_bytes=max_bytes)

    # -- answers ---------------------------------------------------------------------------

    def ok(self, body: Any, status: int = 200) -> web.Response:
        """*body* as JSON."""
        return web.json_response(body, status=status)

    def created(self, body: Any) -> web.Response:
        """*body* as JSON, 201."""
        return self.ok(body, status=201)

    def no_content(self) -> web.Response:
        """204."""
        return web.Response(status=204)

    def empty(self, status: int = 200) -> web.Response:
        """*status* with no body."""
        return web.Response(status=status)

    def binary(self, body: bytes, content_type: str, filename: str | None = None) -> web.Response:
        """*body* as it is, with its Content-Type, and as a download named *filename*."""
        headers = {"Content-Type": content_type}
        if filename is not None:
            headers["Content-Disposition"] = content_disposition(filename)
        return web.Response(body=body, headers=headers)

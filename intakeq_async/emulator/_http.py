"""What IntakeQ handlers share: its error shape, its rules for query values, the body reader.

A handler receives a :class:`Ctx` (the kit's :class:`~common.testing.RequestContext` with
IntakeQ's :data:`RULES`: query names in any case, as ASP.NET binds them) and answers with
:meth:`Ctx.ok`, :meth:`Ctx.paged`, :meth:`Ctx.empty` or :meth:`Ctx.binary`, or raises the kit's
:class:`~common.testing.Refusal`.

IntakeQ does not document its error bodies (its own client reads them as text), so every
error here is ``text/plain`` (:func:`render_refusal`): ``Unauthorized``, ``Too Many
Requests``, or a one-line message.

Malformed input is always a 4xx, never a 5xx: a body that is not strict JSON (``NaN``, a
number beyond a double, nested past the kit's 64 levels), a field of the wrong JSON type (read
through :class:`Body`), a timestamp out of range, a query value that does not parse, or a filter
in a form IntakeQ does not take (``custom[5]=`` for ``custom.5=``, ``status=locked`` for
``status=1``, the other spelling of the invoice last-update range) all answer 400.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import attrs
from aiohttp import web

from common.testing.context import (
    ASPNET_RULES,
    Flaw,
    QueryRules,
    RequestContext,
    boolean_words,
    iso_date_prefix,
    python_integer,
)
from common.testing.errors import Problem, Refusal, default_error_renderer
from common.testing.paging import page_number_array
from intakeq_async import paths
from intakeq_async.emulator._store import IntakeQData, Json, day_end_ms, day_start_ms

if TYPE_CHECKING:  # named in a string: Ctx's base
    from intakeq_async.emulator import IntakeQEmulator  # noqa: F401

__all__ = [
    "EARLIEST_MS",
    "LATEST_MS",
    "PAGE_SIZE",
    "RULES",
    "Body",
    "Ctx",
    "Handler",
    "in_range",
    "matches_text",
    "render_refusal",
]

#: Query endpoints answer at most this many records per page.
PAGE_SIZE = 100
#: An integer in a body as Newtonsoft reads one into an ``int`` (ASCII digits, 32 bits).
_INTEGER = re.compile(r"[+-]?\d{1,10}", re.ASCII)
_INT32 = range(-(2**31), 2**31)
#: The Unix-millisecond range a stored timestamp may take: days every handler can render
#: (with the practice's time zone and an appointment's duration) as a calendar date.
EARLIEST_MS = -62_135_424_000_000  # 0001-01-03T00:00:00Z
LATEST_MS = 253_370_764_800_000  # 9999-01-01T00:00:00Z

# The client query's custom-field filter: the one form accepted (intakeq_async.paths), and
# anything else that starts like one.
_CUSTOM_PREFIX, _, _CUSTOM_SUFFIX = paths.CLIENT_CUSTOM_FIELD_FILTER.partition("{field_id}")
_CUSTOM_FORM = re.compile(
    re.escape(_CUSTOM_PREFIX) + r"(?P<id>[^\[\]]+)" + re.escape(_CUSTOM_SUFFIX), re.IGNORECASE
)
_CUSTOM_LIKE = re.compile(r"custom(?:[.\[]|$)", re.IGNORECASE)


def render_refusal(request: web.Request, error: Refusal) -> web.StreamResponse:
    """Any refusal as a ``text/plain`` body holding its message. The kit's own fault bodies
    keep the kit's JSON (IntakeQ documents no body for them)."""
    if error.problem is Problem.FAULT:
        return default_error_renderer(request, error)
    # A message may quote what the caller sent, lone surrogates included: never fail on it.
    return web.Response(
        status=error.status,
        body=error.message.encode("utf-8", "replace"),
        content_type="text/plain",
        charset="utf-8",
        headers=error.headers,
    )


#: How IntakeQ (ASP.NET) reads query values: names in any case, 32-bit integers, true/false
#: or 1/0, ``yyyy-MM-dd`` (a date-time cut to its day); ids in the path as integers.
RULES = attrs.evolve(
    ASPNET_RULES,
    identifier=python_integer,
    boolean=boolean_words(("true", "1"), ("false", "0")),
    date=iso_date_prefix,
    wording={
        Flaw.NOT_FOUND: "{what} '{raw}' was not found.",
        Flaw.OUT_OF_RANGE: "{name} must be {minimum} or more.",
        Flaw.NOT_DATE: "The value '{raw}' is not valid for {name} (yyyy-MM-dd).",
        Flaw.NOT_INTEGER: "The value '{raw}' is not valid for {name}.",
        Flaw.NOT_BOOLEAN: "The value '{raw}' is not valid for {name}.",
    },
)


def matches_text(needle: str, *haystack: object) -> bool:
    """Case-insensitive partial match of *needle* in any of the strings given."""
    lowered = needle.casefold()
    return any(isinstance(item, str) and lowered in item.casefold() for item in haystack)


def in_range(stamp: int | None, start: dt.date | None, end: dt.date | None) -> bool:
    """Whether a Unix-ms *stamp* falls on or after day *start* and on or before day *end* (UTC)."""
    if start is None and end is None:
        return True
    if stamp is None:
        return False
    return (start is None or stamp >= day_start_ms(start)) and (
        end is None or stamp < day_end_ms(end)
    )


@attrs.define(eq=False)
class Ctx(RequestContext["IntakeQEmulator", IntakeQData]):
    """What a handler gets: the request, the emulator, its data, path parameters, the query."""

    rules: ClassVar[QueryRules] = RULES

    def page(self) -> int:
        """``page`` (from 1)."""
        return self.integer("page", 1, minimum=1)

    def custom_filters(self) -> dict[str, str]:
        """The ``custom.{fieldId}=value`` parameters: field id -> value.

        Only the form of :data:`intakeq_async.paths.CLIENT_CUSTOM_FIELD_FILTER` filters; any
        other parameter shaped like a custom-field filter (``custom[5]``, ``custom[[5]]``,
        ``custom``) is a 400 rather than a filter silently dropped.
        """
        found: dict[str, str] = {}
        for key, value in self.request.query.items():
            match = _CUSTOM_FORM.fullmatch(key)
            if match is not None and match.group("id").strip():
                found.setdefault(match.group("id"), value)
            elif _CUSTOM_LIKE.match(key):
                wanted = paths.CLIENT_CUSTOM_FIELD_FILTER.format(field_id="{fieldId}")
                raise Refusal(
                    400, f"The parameter '{key}' is not a custom-field filter: use {wanted}=value."
                )
        return found

    def refuse_spellings(self, names: Sequence[str], instead: Sequence[str]) -> None:
        """400 when the query holds one of *names* (another spelling of *instead*)."""
        for name, right in zip(names, instead, strict=True):
            if name.lower() in self.query:
                raise Refusal(400, f"The parameter '{name}' is not supported: use {right}.")

    async def body(self) -> Body:
        """The JSON object sent (strict JSON), else 400."""
        parsed = await self.json(empty=None)
        if not isinstance(parsed, dict):
            raise Refusal(400, "The request body must be a JSON object.")
        return Body(parsed)

    def paged(
        self, items: Sequence[Json], shape: Callable[[Json], Json] | None = None
    ) -> web.Response:
        """Page ``page`` (from 1) of *items*: a bare array of at most :data:`PAGE_SIZE`."""
        return self.ok(page_number_array(items, self.page(), PAGE_SIZE, shape))


Handler = Callable[[Ctx], Awaitable[web.StreamResponse]]


@attrs.define
class Body:
    """A request's JSON object, read field by field: a value of the wrong JSON type is a 400
    naming the field, as IntakeQ's (ASP.NET) model binding refuses it.

    Conversions follow Newtonsoft's: a number is read where a string is expected (ids are
    sent both ways), digits where an integer is; ``null`` is "not given".
    """

    data: Json

    def __contains__(self, name: str) -> bool:
        return name in self.data

    def given(self, name: str) -> bool:
        """Whether *name* is present and not ``null``."""
        return self.data.get(name) is not None

    def raw(self, name: str) -> Any:
        return self.data.get(name)

    def string(self, name: str, *, required: bool = False) -> str | None:
        """A string (a number is taken as its digits); blank or null is ``None``."""
        value = self.data.get(name)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if not math.isfinite(value):
                raise Refusal(400, f"{name} must be a string.")
            value = str(value)
        if value is not None and not isinstance(value, str):
            raise Refusal(400, f"{name} must be a string.")
        text = value.strip() if value is not None else ""
        if not text:
            if required:
                raise Refusal(400, f"{name} is required.")
            return None
        return text

    def integer(self, name: str, *, required: bool = False) -> int | None:
        """A 32-bit integer (digits in a string too); null is ``None``."""
        value = self.data.get(name)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        elif isinstance(value, str) and _INTEGER.fullmatch(value.strip()) is not None:
            value = int(value.strip())
        if value is None or value == "":
            if required:
                raise Refusal(400, f"{name} is required.")
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value not in _INT32:
            raise Refusal(400, f"{name} must be an integer.")
        return value

    def boolean(self, name: str) -> bool | None:
        value = self.data.get(name)
        if value is not None and not isinstance(value, bool):
            raise Refusal(400, f"{name} must be true or false.")
        return value

    def millis(self, name: str, *, required: bool = False, positive: bool = False) -> int | None:
        """A Unix timestamp in milliseconds within the range a date can show; null is ``None``."""
        value = self.data.get(name)
        if value is None:
            if required:
                raise Refusal(400, f"{name} is required (Unix timestamp in milliseconds).")
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
            or not EARLIEST_MS <= value <= LATEST_MS
            or (positive and value <= 0)
        ):
            raise Refusal(400, f"{name} must be a Unix timestamp in milliseconds.")
        return int(value)

    def objects(self, name: str, *, required: bool = False) -> list[Body] | None:
        """An array of JSON objects; null is ``None``."""
        value = self.data.get(name)
        if value is None:
            if required:
                raise Refusal(400, f"{name} is required.")
            return None
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise Refusal(400, f"{name} must be an array of objects.")
        return [Body(item) for item in value]

    def strings(self, name: str) -> list[str] | None:
        """An array of strings; null is ``None``."""
        value = self.data.get(name)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise Refusal(400, f"{name} must be an array of strings.")
        return list(value)

    def choice(self, name: str, allowed: Sequence[str]) -> str | None:
        """One of *allowed* (any case), as spelled there; null or blank is ``None``."""
        raw = self.string(name)
        if raw is None:
            return None
        for value in allowed:
            if raw.casefold() == value.casefold():
                return value
        raise Refusal(400, f"{name} must be one of {', '.join(allowed)}.")

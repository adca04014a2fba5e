"""Query filters, declared: one attrs class per listing, rendered to query parameters.

A listing's filters are a frozen, keyword-only attrs class whose fields default to ``None``
(not sent). The class says everything about the wire form, so no resource method builds a
query dict by hand:

* **Names**: the attribute name, or the rule of ``@wire_names("camel")`` above the attrs
  decorator, or ``attrs.field(default=None, metadata=wire("from"))`` for one key (the same
  naming as the models, :mod:`common.models`).
* **Values by their declared type**: a field annotated ``date | None`` takes a calendar day
  (a ``datetime`` is sent as its own date; anything else is refused before sending); a
  ``Literal[...]`` or a plain ``Enum`` field takes only its values (``Enum | str`` takes any
  string); in any other field a ``datetime`` or a ``date`` goes out through the class's
  :meth:`Filters.format_datetime` / :meth:`Filters.format_date` hooks, which a vendor
  overrides once in its own base class (Trackops sends ``YYYY-MM-DD HH:MM:SS`` in UTC).
* **Odd shapes**: ``metadata=rendered_by(...)`` turns one field into any number of
  parameters (IntakeQ's ``custom.{fieldId}=value``); ``metadata=replaced_by("date_from")``
  keeps a renamed keyword working for a release, with a :class:`DeprecationWarning`.

A resource method takes the filters as keywords, typed by the class itself::

    @wire_names("camel")
    @attrs.frozen(kw_only=True)
    class NoteFilters(Filters):
        client_id: int | None = None
        start_date: date | None = None


    class Notes(Resource):
        @filtered(NoteFilters)
        def list(self, filters: NoteFilters) -> AsyncPager[NoteSummary]:
            return self._list(paths.NOTE_SUMMARIES, model=NoteSummary, params=filters)

``notes.list(client_id=7, start_date=date(2024, 1, 1))`` type-checks against the fields, and
a name the class does not declare raises :class:`~common.errors.InvalidRequestError`.
"""

from __future__ import annotations

import enum
import functools
import inspect
import sys
import types
import warnings
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timezone
from typing import (
    Any,
    Concatenate,
    Final,
    Literal,
    ParamSpec,
    TypeAlias,
    TypeVar,
    Union,
    cast,
    get_args,
    get_origin,
)

import attrs

from .checks import require_choice, require_date
from .errors import InvalidRequestError
from .models.naming import _resolved_fields, _wire_keys
from .params import ParamValue

__all__ = ["Filters", "QueryValue", "filter_names", "filtered", "rendered_by", "replaced_by"]

P = ParamSpec("P")
F = TypeVar("F")
S = TypeVar("S")
R = TypeVar("R")
_FiltersT = TypeVar("_FiltersT", bound="Filters")

#: What a filter renders to: one query value, or a list of them (the key repeated).
QueryValue: TypeAlias = "ParamValue | Sequence[ParamValue]"

_RENDER_KEY: Final = "common.filters.render"
_REPLACED_BY_KEY: Final = "common.filters.replaced_by"


def rendered_by(render: Callable[[Any], Mapping[str, QueryValue]]) -> dict[str, Any]:
    """Field metadata: *render* maps the value given to the parameters it stands for (its
    key and the type rules are then not used). ``attrs.field(default=None,
    metadata=rendered_by(custom_fields))``."""
    return {_RENDER_KEY: render}


def replaced_by(name: str) -> dict[str, Any]:
    """Field metadata marking a keyword kept for compatibility: a value given for it warns
    (:class:`DeprecationWarning`) and is sent as the field *name*.
    ``attrs.field(default=None, metadata=replaced_by("date_from"))``."""
    return {_REPLACED_BY_KEY: name}


class _Kind(enum.Enum):
    PLAIN = "plain"  # sent as given; datetimes and dates through the hooks
    DAY = "day"  # a calendar date, whatever the value's own precision
    CHOICE = "choice"  # one of the annotation's literal or enum values


@attrs.frozen
class _Field:
    name: str
    key: str
    kind: _Kind
    choices: tuple[object, ...] = ()
    render: Callable[[Any], Mapping[str, QueryValue]] | None = None
    replaced_by: str | None = None


def _members(annotation: Any) -> tuple[Any, ...]:
    origin = get_origin(annotation)
    if origin is Union or origin is types.UnionType:
        return tuple(a for a in get_args(annotation) if a is not type(None))
    return (annotation,)


def _kind(annotation: Any) -> tuple[_Kind, tuple[object, ...]]:
    members = _members(annotation)
    if members == (date,):
        return _Kind.DAY, ()
    if all(get_origin(m) is Literal for m in members):
        return _Kind.CHOICE, tuple(v for m in members for v in get_args(m))
    if len(members) == 1 and isinstance(members[0], type) and issubclass(members[0], enum.Enum):
        return _Kind.CHOICE, tuple(members[0])
    return _Kind.PLAIN, ()


_PLANS: dict[type[Any], tuple[_Field, ...]] = {}


def _plan(cls: type[Filters]) -> tuple[_Field, ...]:
    """How each field of *cls* goes on the wire (worked out once per class)."""
    plan = _PLANS.get(cls)
    if plan is None:
        keys = _wire_keys(cls)
        fields = []
        for a in _resolved_fields(cls):
            kind, choices = _kind(a.type)
            fields.append(
                _Field(
                    name=a.name,
                    key=keys[a.name],
                    kind=kind,
                    choices=choices,
                    render=a.metadata.get(_RENDER_KEY),
                    replaced_by=a.metadata.get(_REPLACED_BY_KEY),
                )
            )
        plan = _PLANS[cls] = tuple(fields)
    return plan


def _caller_stacklevel() -> int:
    """The ``stacklevel`` of the first frame outside ``common`` and attrs' generated code: a
    deprecation names the caller's line, however many wrappers (the resource method,
    :func:`filtered`, ``__init__``) lie between."""
    level = 1
    frame = sys._getframe(1)
    while frame.f_back is not None:
        frame = frame.f_back
        level += 1
        top = str(frame.f_globals.get("__name__", "")).partition(".")[0]
        generated = frame.f_code.co_filename.startswith("<attrs generated")
        if not generated and top not in ("common", "attr", "attrs"):
            break
    return level


@attrs.frozen(kw_only=True)
class Filters:
    """The base of a listing's declared filters (see the module's documentation)."""

    @staticmethod
    def format_date(value: date) -> str:
        """A calendar date on the wire; ``YYYY-MM-DD`` unless a vendor says otherwise."""
        return value.isoformat()

    @staticmethod
    def format_datetime(value: datetime) -> str:
        """A moment on the wire; ``YYYY-MM-DDTHH:MM:SSZ`` in UTC unless a vendor says
        otherwise (a naive value is taken as UTC)."""
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc)
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")

    def __attrs_post_init__(self) -> None:
        for field in _plan(type(self)):
            value = getattr(self, field.name)
            if value is None:
                continue
            if field.kind is _Kind.DAY:
                require_date(**{field.name: value})
            elif field.kind is _Kind.CHOICE:
                require_choice(field.choices, **{field.name: value})
            if field.replaced_by is not None:
                warnings.warn(
                    f"{field.name}= is deprecated; use {field.replaced_by}=",
                    DeprecationWarning,
                    stacklevel=_caller_stacklevel(),
                )

    @classmethod
    def of(cls: type[_FiltersT], keywords: Mapping[str, object]) -> _FiltersT:
        """The filters named by *keywords*; a name this class does not declare is refused."""
        names = [field.name for field in _plan(cls)]
        unknown = sorted(set(keywords) - set(names))
        if unknown:
            taken = sorted(name for name in names if not _replaced(cls, name))
            raise InvalidRequestError(
                f"{', '.join(unknown)}: not a filter of this listing "
                f"(it takes {', '.join(taken) or 'none'})"
            )
        return cls(**keywords)

    def to_params(self) -> dict[str, QueryValue]:
        """The query parameters of the filters given (``None`` is not sent)."""
        params: dict[str, QueryValue] = {}
        plan = _plan(type(self))
        for field in plan:
            value = getattr(self, field.name)
            if value is None:
                continue
            target = field
            if field.replaced_by is not None:
                if getattr(self, field.replaced_by) is not None:
                    continue  # both given: the current name wins
                target = next(f for f in plan if f.name == field.replaced_by)
            if target.render is not None:
                params.update(target.render(value))
            else:
                params[target.key] = self._wire_value(target, value)
        return params

    def _wire_value(self, field: _Field, value: Any) -> QueryValue:
        if field.kind is _Kind.DAY:
            day: date = value.date() if isinstance(value, datetime) else value
            return self.format_date(day)
        if field.kind is _Kind.CHOICE and field.choices and isinstance(field.choices[0], enum.Enum):
            member = type(field.choices[0])(value)  # 1 -> NoteStatus.LOCKED
            return cast(ParamValue, member.value)
        if isinstance(value, datetime):
            return self.format_datetime(value)
        if isinstance(value, date):
            return self.format_date(value)
        return cast(QueryValue, value)


def _replaced(cls: type[Filters], name: str) -> bool:
    return any(f.name == name and f.replaced_by is not None for f in _plan(cls))


def filter_names(cls: type[Filters]) -> dict[str, str]:
    """Each filter of *cls* (keyword) and the query key it is sent as, inherited ones
    included; a renamed keyword maps to the key of the field that replaced it."""
    plan = _plan(cls)
    keys = {f.name: f.key for f in plan}
    return {f.name: keys[f.replaced_by or f.name] for f in plan}


def filtered(
    declared: Callable[P, F],
) -> Callable[[Callable[[S, F], R]], Callable[Concatenate[S, P], R]]:
    """Give a resource method the keywords of the :class:`Filters` class *declared*.

    The method is written as ``def list(self, filters: NoteFilters)``; callers pass the
    filters as keywords (``notes.list(client_id=7)``), which type checkers check against the
    class's fields and :meth:`Filters.of` checks at run time.
    """
    if not (isinstance(declared, type) and issubclass(declared, Filters)):
        raise TypeError(f"filtered() takes a Filters class, not {declared!r}")
    filters_class: type[Filters] = declared
    positional = [a.name for a in attrs.fields(filters_class) if not a.kw_only]
    if positional:
        raise TypeError(
            f"{filters_class.__name__} must be keyword-only: @attrs.frozen(kw_only=True)"
        )

    def decorate(method: Callable[[S, F], R]) -> Callable[Concatenate[S, P], R]:
        def build(name: str, args: tuple[object, ...], keywords: dict[str, object]) -> F:
            if args:
                raise TypeError(f"{name}() takes its filters as keywords only")
            return cast(F, filters_class.of(keywords))

        if inspect.iscoroutinefunction(method):

            @functools.wraps(method)
            async def call_async(self: S, /, *args: object, **keywords: object) -> Any:
                return await cast(Any, method)(self, build(method.__name__, args, keywords))

            call: Callable[..., Any] = call_async
        else:

            @functools.wraps(method)
            def call_sync(self: S, /, *args: object, **keywords: object) -> R:
                return method(self, build(method.__name__, args, keywords))

            call = call_sync
        own = inspect.signature(method)
        first = next(iter(own.parameters.values()))
        keyword_only = [
            p.replace(kind=inspect.Parameter.KEYWORD_ONLY)
            for p in inspect.signature(filters_class).parameters.values()
        ]
        # What inspect.signature and help() show (they stop at __signature__, before the
        # __wrapped__ method, which keeps its annotations for typing.get_type_hints).
        call.__signature__ = own.replace(parameters=[first, *keyword_only])  # type: ignore[attr-defined]
        return cast(Callable[Concatenate[S, P], R], call)

    return decorate

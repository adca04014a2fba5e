"""The one shared cattrs converter: JSON ⇄ attrs models for every vendor.

Everything a vendor model needs is declared on the model, never in a hook per class:

* **Wire names by rule.** Attribute names are snake_case. ``@wire_names("pascal")`` (or
  ``"camel"``) above ``@attrs.frozen`` maps them to ``DateCreated`` / ``dateCreated`` both
  ways; ``attrs.field(metadata=wire("ClientID"))`` names an irregular key by hand.
  Undecorated classes use the attribute names as they are.
* **Unknown keys are ignored**, always.
* **Timestamps** become aware :class:`~datetime.datetime` objects. RFC 3339 strings keep
  the offset they were sent with (a naive string is taken as UTC) and are sent back as
  ``2024-05-01T10:00:00Z`` when in UTC. A field annotated :data:`UnixMillis` reads and
  writes integer milliseconds since the epoch (IntakeQ). ``date`` is ``YYYY-MM-DD``.
* **Enums tolerate the future.** Declare ``status: Status | str``: a known value becomes
  the member, an unknown one stays the plain string. A field annotated just ``Status``
  keeps an unknown string too (so at run time it may hold a ``str`` the annotation does
  not admit: prefer ``Status | str``).
* **Unions dispatch on the JSON value.** ``int | Client`` (an Amiqus expandable field),
  ``list[int] | list[Client]``, ``Client | ClientRef``: a JSON object goes to the attrs
  class whose fields fit it best, an array to the list member whose element type fits its
  first element, a scalar to the member of that JSON type (``true`` is not an ``int``).
* **Scalars are checked.** ``null`` or an object where a ``str``, ``int``, ``float`` or
  ``bool`` is declared is an error, not ``"None"``; numbers are accepted for ``str``,
  digit strings for ``int`` and ``float``, ``"true"``/``"false"``/``0``/``1`` for ``bool``.
* **Request bodies have PATCH semantics.** Declare optional fields as
  ``name: NotGivenOr[str | None] = NOT_GIVEN``; :func:`unstructure` leaves out the fields
  that are still :data:`~common._sentinel.NOT_GIVEN` and sends an explicit ``None`` as
  JSON ``null``.

:func:`structure` turns *any* failure into :class:`~common.errors.DecodeError`, naming the
model and the path of each bad field (``@ $.client.dob``).
"""

from __future__ import annotations

import math
import re
import reprlib
import types
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta, timezone
from enum import Enum, EnumMeta
from typing import (
    Annotated,
    Any,
    Final,
    Literal,
    NewType,
    TypeVar,
    Union,
    get_args,
    get_origin,
    is_typeddict,
    overload,
)

import attrs
import cattrs
from cattrs.cols import (
    homogenous_tuple_structure_factory,
    is_mutable_sequence,
    is_sequence,
    list_structure_factory,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from common._sentinel import NOT_GIVEN, NotGiven
from common.errors import DecodeError

__all__ = [
    "UnixMillis",
    "WireStyle",
    "converter",
    "make_converter",
    "structure",
    "unstructure",
    "wire",
    "wire_names",
]

T = TypeVar("T")
_C = TypeVar("_C", bound=type[Any])

WireStyle = Literal["snake", "pascal", "camel"]

#: A timestamp sent as milliseconds since the Unix epoch (``1700000000000``). At run time
#: the value is an aware UTC :class:`~datetime.datetime`; only the wire form differs.
UnixMillis = NewType("UnixMillis", datetime)

_NoneType: Final = type(None)
_UTC: Final = timezone.utc
_EPOCH: Final = datetime(1970, 1, 1, tzinfo=_UTC)
_ONE_MS: Final = timedelta(milliseconds=1)

_Hook = Callable[[Any, Any], Any]
_UnHook = Callable[[Any], Any]

# --------------------------------------------------------------------------- wire names

_WIRE_NAME_KEY: Final = "common.models.wire_name"
_STYLE_ATTR: Final = "__wire_style__"
_STYLES: Final = ("snake", "pascal", "camel")


def wire(name: str) -> dict[str, str]:
    """Field metadata naming the JSON key of one field by hand.

    Use it for keys no rule produces: ``attrs.field(metadata=wire("ClientID"))``.
    """
    return {_WIRE_NAME_KEY: name}


def wire_names(style: WireStyle) -> Callable[[_C], _C]:
    """Class decorator choosing how the converter names an attrs class's JSON keys.

    ``"pascal"`` maps ``date_created`` to ``DateCreated`` (and ``id`` to ``Id``),
    ``"camel"`` to ``dateCreated``, ``"snake"`` keeps the attribute name (dropping the
    trailing underscore of ``from_``). Put it *above* the attrs decorator. Subclasses
    inherit the style.
    """
    if style not in _STYLES:
        raise ValueError(f"wire style must be one of {', '.join(_STYLES)}, not {style!r}")

    def decorate(cls: _C) -> _C:
        if not _is_attrs(cls):
            raise TypeError(
                f"@wire_names({style!r}) must be applied above an attrs class decorator; "
                f"{cls.__qualname__} is not an attrs class"
            )
        setattr(cls, _STYLE_ATTR, style)
        return cls

    return decorate


def _convert_name(name: str, style: str | None) -> str:
    if style is None:
        return name
    if style == "snake":
        return name[:-1] if name.endswith("_") and not name.endswith("__") else name
    parts = [p for p in name.split("_") if p]
    if not parts:
        return name
    capitalised = [p[:1].upper() + p[1:] for p in parts]
    if style == "camel":
        capitalised[0] = parts[0]
    return "".join(capitalised)


def _wire_name(a: attrs.Attribute[Any], style: str | None) -> str:
    explicit = a.metadata.get(_WIRE_NAME_KEY)
    if explicit is not None:
        return str(explicit)
    return _convert_name(a.name, style)


def _attrs_base(cl: Any) -> type[Any]:
    origin = get_origin(cl)
    return origin if origin is not None else cl  # type: ignore[no-any-return]


def _resolved_fields(base: type[Any]) -> tuple[attrs.Attribute[Any], ...]:
    fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(base)
    if any(isinstance(a.type, str) for a in fields):
        attrs.resolve_types(base)
        fields = attrs.fields(base)
    return fields


def _wire_keys(base: type[Any]) -> dict[str, str]:
    """Attribute name → JSON key, for every field of an attrs class."""
    style = getattr(base, _STYLE_ATTR, None)
    return {a.name: _wire_name(a, style) for a in attrs.fields(base)}


def _is_attrs(t: Any) -> bool:
    return attrs.has(t)


# --------------------------------------------------------------------------- scalars


class _ShapeError(ValueError):
    """A value of the right JSON type that is still wrong; its message says it all."""


def _json_type(value: Any) -> str:
    kind = _KIND_BY_CLASS.get(value.__class__) or _slow_kind(value)
    return _KIND_NAMES.get(kind, type(value).__name__)


def _structure_str(value: Any, cl: Any) -> Any:
    if cl is not str:
        return _structure_subclass(value, cl)
    if isinstance(value, str):
        return value
    if value.__class__ is int or value.__class__ is float:
        return str(value)
    raise TypeError(f"expected a string, got {_json_type(value)}")


def _structure_int(value: Any, cl: Any) -> Any:
    if cl is not int:
        return _structure_subclass(value, cl)
    vcls = value.__class__
    if vcls is int:
        return value
    if vcls is float and value.is_integer():
        return int(value)
    if vcls is str:
        return int(value)
    raise TypeError(f"expected an integer, got {_json_type(value)}")


def _structure_float(value: Any, cl: Any) -> Any:
    if cl is not float:
        return _structure_subclass(value, cl)
    vcls = value.__class__
    if vcls is float:
        return value
    if vcls is int or vcls is str:
        return float(value)
    raise TypeError(f"expected a number, got {_json_type(value)}")


_BOOL_STRINGS: Final = {"true": True, "false": False, "1": True, "0": False}


def _structure_bool(value: Any, _: Any) -> bool:
    vcls = value.__class__
    if vcls is bool:
        return value  # type: ignore[no-any-return]
    if vcls is int and value in (0, 1):
        return bool(value)
    if vcls is str:
        found = _BOOL_STRINGS.get(value.lower())
        if found is not None:
            return found
    raise TypeError(f"expected a boolean, got {_json_type(value)}")


_PLAIN_MISSING: Final = getattr(Enum._missing_, "__func__", None)
_SCALAR_HOOKS: Final[dict[type[Any], _Hook]] = {
    str: _structure_str,
    int: _structure_int,
    float: _structure_float,
}
_SUBCLASS_HOOKS: dict[type[Any], Callable[[Any], Any]] = {}


def _structure_subclass(value: Any, cl: type[Any]) -> Any:
    """Structure into a subclass of ``str``/``int``/``float`` (usually a mixin enum).

    ``singledispatch`` hands ``class Status(str, Enum)`` the ``str`` hook, so the enum
    case is recognised here, once per class.
    """
    hook = _SUBCLASS_HOOKS.get(cl)
    if hook is None:
        if issubclass(cl, Enum):
            hook = _enum_hook(cl)
        else:
            base = next(b for b in cl.__mro__ if b in _SCALAR_HOOKS)
            base_hook = _SCALAR_HOOKS[base]

            def hook(value: Any, _cl: type[Any] = cl, _b: type[Any] = base) -> Any:
                return _cl(base_hook(value, _b))

        _SUBCLASS_HOOKS[cl] = hook
    return hook(value)


def _enum_hook(cl: type[Enum]) -> Callable[[Any], Any]:
    """A tolerant enum parser: an unknown value of the right JSON type is kept as is."""
    members = cl._value2member_map_
    accepted = {type(m.value) for m in cl}
    if float in accepted:
        accepted.add(int)
    # Ask the enum itself only when it can say more than its value map (Flag, _missing_).
    ask_enum = getattr(cl._missing_, "__func__", None) is not _PLAIN_MISSING

    def hook(value: Any) -> Any:
        if value.__class__ in accepted:
            try:
                member = members.get(value)
            except TypeError:  # an unhashable value
                member = None
            if member is not None:
                return member
            if ask_enum:
                try:
                    return cl(value)
                except ValueError:
                    pass
            return value
        raise _ShapeError(f"{value!r} is not a valid {cl.__name__}")

    return hook


def _enum_structure_factory(cl: type[Enum]) -> _Hook:
    hook = _enum_hook(cl)
    return lambda value, _: hook(value)


def _unstructure_primitive(value: Any) -> Any:
    """``str``/``int``/``float`` and enums as their plain value."""
    return value.value if isinstance(value, Enum) else value


def _unstructure_not_given(value: Any) -> Any:
    raise TypeError(
        "NOT_GIVEN has no JSON form; it is only allowed as the value of a request-body "
        "field, which is then left out"
    )


# --------------------------------------------------------------------------- date-times

_RFC3339: Final = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?"
    r"\s*(?:([Zz])|([+-])(\d{2}):?(\d{2})?)?",
    re.ASCII,
)


def _parse_rfc3339(text: str) -> datetime:
    """Parse RFC 3339 / ISO 8601 date-times that ``datetime.fromisoformat`` may refuse.

    Python 3.10 refuses ``Z`` and fractions other than 3 or 6 digits; every version
    refuses a lowercase ``t``/``z`` and the leap second ``:60``.
    """
    m = _RFC3339.fullmatch(text)
    if m is None:
        raise _ShapeError(f"expected an RFC 3339 date-time, got {text[:40]!r}")
    year, month, day, hour, minute, second, fraction, _z, sign, off_h, off_m = m.groups()
    sec = int(second or 0)
    micro = int(fraction[:6].ljust(6, "0")) if fraction else 0
    if sec == 60:  # a leap second: the last instant of the minute
        sec, micro = 59, 999_999
    tz = _UTC
    if sign:
        offset = timedelta(hours=int(off_h), minutes=int(off_m or 0))
        if offset:
            tz = timezone(-offset if sign == "-" else offset)
    return datetime(int(year), int(month), int(day), int(hour), int(minute), sec, micro, tzinfo=tz)


def _parse_datetime(text: str) -> datetime:
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        dt = _parse_rfc3339(text)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=_UTC)
    return dt


def _structure_datetime(value: Any, _: Any) -> datetime:
    if value.__class__ is not str:
        raise TypeError(f"expected an RFC 3339 date-time string, got {_json_type(value)}")
    return _parse_datetime(value)


def _structure_date(value: Any, _: Any) -> date:
    if value.__class__ is not str:
        raise TypeError(f"expected a YYYY-MM-DD date string, got {_json_type(value)}")
    if len(value) == 10:
        return date.fromisoformat(value)
    return _parse_datetime(value).date()  # some APIs send a midnight timestamp


def _unstructure_datetime(value: datetime) -> str:
    offset = value.utcoffset()
    if not offset:  # naive (taken as UTC) or UTC
        return value.replace(tzinfo=None, microsecond=0).isoformat() + "Z"
    return value.isoformat()


def _unstructure_date(value: date) -> str:
    return value.isoformat()


def _structure_unix_millis(value: Any, _: Any) -> datetime:
    vcls = value.__class__
    if vcls is str:
        text = value.strip()
        try:
            value = int(text) if text.lstrip("-").isdigit() else float(text)
        except ValueError:
            raise _ShapeError(f"expected milliseconds since the epoch, got {text[:40]!r}") from None
        vcls = value.__class__
    if vcls is int or (vcls is float and math.isfinite(value)):
        return _EPOCH + timedelta(milliseconds=value)
    raise TypeError(f"expected milliseconds since the epoch, got {_json_type(value)}")


def _unstructure_unix_millis(value: datetime) -> int:
    if value.tzinfo is None:
        value = value.replace(tzinfo=_UTC)
    return (value - _EPOCH) // _ONE_MS


# --------------------------------------------------------------------------- unions

_ALL_KINDS: Final = frozenset({"null", "bool", "int", "float", "str", "list", "dict"})
_KIND_BY_CLASS: Final[dict[type[Any], str]] = {
    _NoneType: "null",
    bool: "bool",
    int: "int",
    float: "float",
    str: "str",
    list: "list",
    tuple: "list",
    dict: "dict",
}
_KIND_NAMES: Final = {
    "null": "null",
    "bool": "a boolean",
    "int": "an integer",
    "float": "a number",
    "str": "a string",
    "list": "an array",
    "dict": "an object",
}


def _slow_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    if isinstance(value, Mapping):
        return "dict"
    if isinstance(value, (list, tuple)):
        return "list"
    return "other"


def _is_union(t: Any) -> bool:
    origin = get_origin(t)
    return origin is Union or origin is types.UnionType


def _kinds(t: Any) -> frozenset[str]:
    """The JSON value types a declared type can be structured from (by its rule)."""
    if t is _NoneType:
        return frozenset({"null"})
    if t is UnixMillis:
        return frozenset({"int", "float", "str"})
    origin = get_origin(t)
    if origin is not None:
        args = get_args(t)
        if origin is Annotated:
            return _kinds(args[0])
        if origin is Literal:
            return frozenset(_value_kind(v) for v in args)
        if _is_union(t):
            return frozenset().union(*(_kinds(a) for a in args))
        if attrs.has(origin) or _is_a(origin, Mapping):
            return frozenset({"dict"})
        if _is_a(origin, Iterable) and not _is_a(origin, (str, bytes)):
            return frozenset({"list"})  # list[X], tuple[X, ...], Sequence[X], set[X]...
        return _ALL_KINDS
    supertype = getattr(t, "__supertype__", None)
    if supertype is not None:
        return _kinds(supertype)
    if not isinstance(t, type):
        return _ALL_KINDS
    if attrs.has(t) or is_typeddict(t) or issubclass(t, Mapping):
        return frozenset({"dict"})
    if issubclass(t, Enum):
        return frozenset(_value_kind(m.value) for m in t) or _ALL_KINDS
    if t is bool:
        return frozenset({"bool"})
    if issubclass(t, int):
        return frozenset({"int"})
    if issubclass(t, float):
        return frozenset({"float", "int"})
    if issubclass(t, (str, date)):  # datetime is a date
        return frozenset({"str"})
    if issubclass(t, (list, tuple, set, frozenset)):
        return frozenset({"list"})
    return _ALL_KINDS


def _value_kind(value: Any) -> str:
    if isinstance(value, Enum):
        value = value.value
    if value is None:
        return "null"
    return _KIND_BY_CLASS.get(value.__class__) or _slow_kind(value)


def _is_a(cls: Any, parents: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, parents)


def _rank(t: Any, kinds: frozenset[str]) -> int:
    """Order of preference among members that accept the same JSON type."""
    if kinds == _ALL_KINDS:
        return 2  # Any, object, anything we cannot classify: try it last
    if t is str or t is float:
        return 1  # catch-alls of their JSON type, after enums, dates, ints
    return 0


def _first_success(value: Any, options: Iterable[tuple[Any, _Hook]], what: str) -> Any:
    first_error: Exception | None = None
    failures = 0
    for t, hook in options:
        try:
            return hook(value, t)
        except Exception as err:
            failures += 1
            first_error = first_error or err
    if failures == 1 and first_error is not None:
        raise first_error
    raise _ShapeError(f"{_json_type(value)} matches none of {what}") from first_error


class _Shape:
    """What a JSON object must look like to be an attrs class (for union dispatch)."""

    __slots__ = ("keys", "literals", "required")

    def __init__(self, cl: Any) -> None:
        base = _attrs_base(cl)
        names = _wire_keys(base)
        self.keys = frozenset(names.values())
        self.required = frozenset(
            names[a.name] for a in attrs.fields(base) if a.init and a.default is attrs.NOTHING
        )
        self.literals: dict[str, tuple[Any, ...]] = {}
        try:
            fields = _resolved_fields(base)
        except NameError:  # forward reference not yet resolvable: skip the literal check
            return
        for a in fields:
            if get_origin(a.type) is Literal:
                self.literals[names[a.name]] = tuple(
                    v.value if isinstance(v, Enum) else v for v in get_args(a.type)
                )

    def rank(self, value: Mapping[str, Any]) -> tuple[bool, int, int]:
        """Sort key: classes that fit first, then most keys matched, then fewest fields."""
        keys = value.keys()
        fits = keys >= self.required
        if fits:
            for key, allowed in self.literals.items():
                if key in value and value[key] not in allowed:
                    fits = False
                    break
        return (not fits, -len(keys & self.keys), len(self.keys))


def _type_name(t: Any) -> str:
    """A short readable name for a type: ``list[Client]``, ``int | Client | None``."""
    if t is _NoneType:
        return "None"
    if t is Ellipsis:
        return "..."
    origin = get_origin(t)
    if origin is not None:
        args = get_args(t)
        if _is_union(t):
            return " | ".join(_type_name(a) for a in args)
        if origin is Literal:
            return f"Literal[{', '.join(repr(a) for a in args)}]"
        if origin is Annotated:
            return _type_name(args[0])
        return f"{_type_name(origin)}[{', '.join(_type_name(a) for a in args)}]"
    if isinstance(t, type):
        return t.__qualname__
    name = getattr(t, "__name__", None)
    return name if isinstance(name, str) else repr(t).replace("typing.", "")


def _structure_union_factory(union: Any, conv: cattrs.Converter) -> _Hook:
    """A union hook that dispatches on the JSON type of the value (see module doc)."""
    members = get_args(union)
    allow_none = _NoneType in members
    options = [m for m in members if m is not _NoneType and m is not NotGiven]
    what = _type_name(union)

    if len(options) == 1:
        only = options[0]
        only_hook = conv.get_structure_hook(only)
        if allow_none:

            def structure_optional(value: Any, _: Any) -> Any:
                return None if value is None else only_hook(value, only)

            return structure_optional
        return lambda value, _: only_hook(value, only)

    hooks = [(m, conv.get_structure_hook(m)) for m in options]
    kinds = [_kinds(m) for m in options]

    resolvers: dict[str, Callable[[Any], Any]] = {}
    if allow_none:
        resolvers["null"] = lambda _value: None
    for kind in _ALL_KINDS:
        if kind in resolvers:
            continue
        ranked = sorted(
            (i for i in range(len(options)) if kind in kinds[i]),
            key=lambda i: _rank(options[i], kinds[i]),
        )
        if not ranked:
            continue
        candidates = [hooks[i] for i in ranked]
        if len(candidates) == 1:
            resolvers[kind] = _call_one(*candidates[0])
        elif kind == "dict":
            resolvers[kind] = _dict_resolver(candidates, what)
        elif kind == "list":
            resolvers[kind] = _list_resolver(candidates, what)
        else:
            resolvers[kind] = _try_all(candidates, what)
    fallback = _try_all(hooks, what)

    def structure_union(value: Any, _: Any) -> Any:
        kind = _KIND_BY_CLASS.get(value.__class__) or _slow_kind(value)
        resolver = resolvers.get(kind)
        if resolver is None:
            if value is None:
                raise TypeError(f"null is not allowed for {what}")
            return fallback(value)
        return resolver(value)

    return structure_union


def _call_one(t: Any, hook: _Hook) -> Callable[[Any], Any]:
    return lambda value: hook(value, t)


def _try_all(candidates: list[tuple[Any, _Hook]], what: str) -> Callable[[Any], Any]:
    return lambda value: _first_success(value, candidates, what)


def _dict_resolver(candidates: list[tuple[Any, _Hook]], what: str) -> Callable[[Any], Any]:
    shaped = [(_Shape(t), t, h) for t, h in candidates if attrs.has(t)]
    if len(shaped) < 2:
        return _try_all(candidates, what)
    rest = [c for c in candidates if not attrs.has(c[0])]

    def resolve(value: Any) -> Any:
        best = shaped[0]
        best_rank = best[0].rank(value)
        for entry in shaped[1:]:
            rank = entry[0].rank(value)
            if rank < best_rank:
                best, best_rank = entry, rank
        try:
            return best[2](value, best[1])
        except Exception:
            ranked = sorted(shaped, key=lambda entry: entry[0].rank(value))
            return _first_success(value, [(t, h) for _s, t, h in ranked] + rest, what)

    return resolve


def _list_resolver(candidates: list[tuple[Any, _Hook]], what: str) -> Callable[[Any], Any]:
    element_kinds = []
    for t, _h in candidates:
        args = get_args(t)
        element_kinds.append(_kinds(args[0]) if args else _ALL_KINDS)

    def resolve(value: Any) -> Any:
        if not value:
            return _first_success(value, candidates, what)
        first = _value_kind(value[0])
        fitting = [c for c, k in zip(candidates, element_kinds, strict=True) if first in k]
        others = [c for c, k in zip(candidates, element_kinds, strict=True) if first not in k]
        return _first_success(value, fitting + others, what)

    return resolve


_LEAF_CLASSES: Final = (str, int, float, bool, list, tuple, set, frozenset, dict, date)


def _runtime_class(t: Any) -> type[Any] | None:
    """The class a value of declared type *t* has at run time, when it is unambiguous."""
    supertype = getattr(t, "__supertype__", None)
    if supertype is not None:
        return _runtime_class(supertype)
    origin = get_origin(t)
    if origin is Annotated:
        return _runtime_class(get_args(t)[0])
    cls = origin if origin is not None else t
    if not isinstance(cls, type):
        return None
    if attrs.has(cls) or issubclass(cls, Enum) or cls in _LEAF_CLASSES or cls is datetime:
        return cls
    return None


def _unstructure_union_factory(union: Any, conv: cattrs.Converter) -> _UnHook:
    """Unstructure a union by the member the value is an instance of.

    Unlike plain run-time dispatch this keeps a member's wire form: a value of a
    ``NotGivenOr[UnixMillis | None]`` field is sent as milliseconds, not as a string.
    """
    options = [m for m in get_args(union) if m is not _NoneType and m is not NotGiven]
    if len(options) == 1:
        only_hook = conv.get_unstructure_hook(options[0])
        return lambda value: None if value is None else only_hook(value)

    by_class: dict[type[Any], list[Any]] = {}
    for m in options:
        cls = _runtime_class(m)
        if cls is not None:
            by_class.setdefault(cls, []).append(m)
    # Subclasses first (a str enum is a str); a class claimed by two members is ambiguous.
    pairs = [
        (cls, conv.get_unstructure_hook(ms[0]))
        for cls, ms in sorted(by_class.items(), key=lambda item: -len(item[0].__mro__))
        if len(ms) == 1
    ]
    dynamic = conv.unstructure

    def unstructure_union(value: Any) -> Any:
        if value is None:
            return None
        for cls, hook in pairs:
            if isinstance(value, cls):
                return hook(value)
        return dynamic(value)

    return unstructure_union


# --------------------------------------------------------------------------- attrs classes


def _mentions_not_given(t: Any) -> bool:
    return t is NotGiven or (_is_union(t) and NotGiven in get_args(t))


def _structure_attrs_factory(cl: Any, conv: cattrs.Converter) -> _Hook:
    base = _attrs_base(cl)
    _resolved_fields(base)
    renames: dict[str, Any] = {
        name: override(rename=key) for name, key in _wire_keys(base).items() if name != key
    }
    structure_fields = make_dict_structure_fn(
        cl,
        conv,
        _cattrs_forbid_extra_keys=False,
        _cattrs_detailed_validation=conv.detailed_validation,
        **renames,
    )

    def structure_object(value: Any, cl: Any) -> Any:
        # Without this, a string or a list would fail once per field (or not at all
        # when every field has a default).
        if value.__class__ is not dict and not isinstance(value, Mapping):
            raise TypeError(f"expected an object, got {_json_type(value)}")
        return structure_fields(value, cl)

    return structure_object


def _is_json_array_type(t: Any) -> bool:
    return is_sequence(t) and t is not deque and get_origin(t) is not deque


def _structure_array_factory(t: Any, conv: cattrs.Converter) -> _Hook:
    """cattrs' own list/tuple hooks, refusing what is not a JSON array.

    (cattrs would iterate a string into characters, or a dict into its keys.)
    """
    if is_mutable_sequence(t):
        structure_items = list_structure_factory(t, conv)
    else:  # Sequence[X], tuple[X, ...]
        structure_items = homogenous_tuple_structure_factory(t, conv)

    def structure_array(value: Any, cl: Any) -> Any:
        if value.__class__ is not list and not isinstance(value, (list, tuple)):
            raise TypeError(f"expected an array, got {_json_type(value)}")
        return structure_items(value, cl)

    return structure_array


def _unstructure_attrs_factory(cl: Any, conv: cattrs.Converter) -> _UnHook:
    base = _attrs_base(cl)
    fields = _resolved_fields(base)
    keys = _wire_keys(base)
    overrides: dict[str, Any] = {}
    filter_needed = False
    for a in fields:
        rename = keys[a.name] if keys[a.name] != a.name else None
        omit_if_default = None
        if _mentions_not_given(a.type):
            if a.default is NOT_GIVEN:
                omit_if_default = True
            else:
                filter_needed = True
        if rename is not None or omit_if_default is not None:
            overrides[a.name] = override(rename=rename, omit_if_default=omit_if_default)
    unstructure_fields = make_dict_unstructure_fn(cl, conv, **overrides)
    if not filter_needed:
        return unstructure_fields

    def unstructure_dropping_not_given(value: Any) -> dict[str, Any]:
        raw = unstructure_fields(value)
        return {k: v for k, v in raw.items() if v is not NOT_GIVEN}

    return unstructure_dropping_not_given


# --------------------------------------------------------------------------- converter


def make_converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    """Build a converter configured with every rule of this module.

    The library uses the singleton :data:`converter`; a fresh one is for tests and for
    callers who want to register their own hooks without touching the shared one.
    """
    conv = cattrs.Converter(detailed_validation=detailed_validation, forbid_extra_keys=False)

    # singledispatch serves these before any predicate, also for their subclasses
    # (a `class Status(str, Enum)` gets the `str` hook, which defers to the enum rule).
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(datetime, _structure_datetime)
    conv.register_structure_hook(date, _structure_date)
    conv.register_structure_hook(UnixMillis, _structure_unix_millis)
    for primitive in (str, int, float):
        conv.register_unstructure_hook(primitive, _unstructure_primitive)
    conv.register_unstructure_hook(datetime, _unstructure_datetime)
    conv.register_unstructure_hook(date, _unstructure_date)
    conv.register_unstructure_hook(UnixMillis, _unstructure_unix_millis)
    conv.register_unstructure_hook(NotGiven, _unstructure_not_given)

    # Later registrations take precedence over cattrs' own predicates.
    conv.register_structure_hook_factory(_is_enum_class, _enum_structure_factory)
    conv.register_unstructure_hook_func(_is_enum_class, _unstructure_primitive)
    conv.register_structure_hook_factory(_is_json_array_type, _structure_array_factory)
    conv.register_structure_hook_factory(_is_attrs, _structure_attrs_factory)
    conv.register_unstructure_hook_factory(_is_attrs, _unstructure_attrs_factory)
    conv.register_structure_hook_factory(_is_union, _structure_union_factory)
    conv.register_unstructure_hook_factory(_is_union, _unstructure_union_factory)
    return conv


def _is_enum_class(t: Any) -> bool:
    return isinstance(t, EnumMeta)


#: The converter every client uses. Configure it here, not per call.
converter: Final = make_converter()

_structure = converter.structure
_unstructure = converter.unstructure

# --------------------------------------------------------------------------- public API

_EXCERPT_LENGTH: Final = 200
_MAX_MESSAGES: Final = 5


class _ExcerptRepr(reprlib.Repr):
    """``reprlib`` bounded by size and depth, but keeping a dict's key order."""

    def repr_dict(self, x: dict[Any, Any], level: int) -> str:
        if not x:
            return "{}"
        if level <= 0:
            return "{...}"
        items = [
            f"{self.repr1(k, level - 1)}: {self.repr1(v, level - 1)}"
            for k, v in list(x.items())[: self.maxdict]
        ]
        if len(x) > self.maxdict:
            items.append("...")
        return "{" + ", ".join(items) + "}"


_excerpt_repr = _ExcerptRepr()
_excerpt_repr.maxlevel = 4
_excerpt_repr.maxstring = _EXCERPT_LENGTH
_excerpt_repr.maxother = _EXCERPT_LENGTH
_excerpt_repr.maxdict = 12
_excerpt_repr.maxlist = 12


@overload
def structure(data: Any, cls: type[T]) -> T: ...
@overload
def structure(data: Any, cls: Any) -> Any: ...
def structure(data: Any, cls: Any) -> Any:
    """Build *cls* (a model, ``list[Model]``, a union...) from decoded JSON *data*.

    Raises :class:`~common.errors.DecodeError`, and nothing else, when *data* does not
    have the shape *cls* documents; its message names the model and each bad field's
    path (``@ $.items[2].created_at``), its ``excerpt`` shows the start of *data*.
    """
    try:
        return _structure(data, cls)
    except Exception as err:
        raise _decode_error(data, cls, err) from err


def unstructure(obj: Any) -> Any:
    """Turn a model (or a list/dict of them) into JSON-ready primitives for a request.

    Fields still at ``NOT_GIVEN`` are left out; ``None`` is sent as ``null``.
    """
    return _unstructure(obj)


def _decode_error(data: Any, cls: Any, err: Exception) -> DecodeError:
    try:
        messages = cattrs.transform_error(err, path="$", format_exception=_describe)
    except Exception:  # pragma: no cover - a formatting bug must not hide the real error
        messages = [_describe(err, None)]
    shown = "; ".join(_shorten(m) for m in messages[:_MAX_MESSAGES])
    if len(messages) > _MAX_MESSAGES:
        shown += f"; and {len(messages) - _MAX_MESSAGES} more"
    try:
        excerpt = _excerpt_repr.repr(data)[:_EXCERPT_LENGTH]
    except Exception:  # pragma: no cover - a hostile __repr__
        excerpt = f"<{type(data).__name__}>"
    return DecodeError(f"response does not match {_type_name(cls)}: {shown}", excerpt=excerpt)


def _shorten(message: str, limit: int = 300) -> str:
    """Keep a message readable even when its path is thousands of levels deep."""
    if len(message) <= limit:
        return message
    return f"{message[: limit // 2]} … {message[-(limit // 2) :]}"


def _describe(exc: BaseException, expected: Any) -> str:
    if isinstance(exc, KeyError):
        return "required field missing"
    text = str(exc) or type(exc).__name__
    if isinstance(exc, AttributeError) and text.endswith("has no attribute 'items'"):
        text = "expected an object"
    elif isinstance(exc, TypeError) and text.endswith("object is not iterable"):
        text = "expected an array"
    if expected is not None and not isinstance(exc, (TypeError, AttributeError, _ShapeError)):
        return f"{text} (expected {_type_name(expected)})"
    return text

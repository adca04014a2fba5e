"""Unions dispatch on the JSON value: its kind, an object's keys, an array's first element."""

from __future__ import annotations

import types
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from enum import Enum
from typing import (
    TYPE_CHECKING,
    Annotated,
    Any,
    Final,
    Literal,
    Union,
    get_args,
    get_origin,
    is_typeddict,
)

import attrs

from common._sentinel import NotGiven
from common.secrets import Secret

from .kinds import (
    _ALL_KINDS,
    _KIND_BY_CLASS,
    _Hook,
    _json_type,
    _NoneType,
    _ShapeError,
    _slow_kind,
    _stock,
    _UnHook,
)
from .naming import _attrs_base, _resolved_fields, _wire_keys
from .scalars import _structure_bool, _structure_float, _structure_int, _structure_str
from .timestamps import UnixMillis

if TYPE_CHECKING:
    import cattrs

#: The library's own hooks of the JSON leaf types: a value already of that exact class is
#: returned by them as it is, so an optional field can skip the call.
_LEAF_HOOKS: Final[dict[type[Any], Any]] = {
    str: _structure_str,
    int: _structure_int,
    float: _structure_float,
    bool: _structure_bool,
}


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
    if t is Secret:
        return frozenset({"str"})
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
        if allow_none and _LEAF_HOOKS.get(only) is only_hook:
            # `str | None` and the like, the commonest field of all: one call, not two.
            def structure_optional_leaf(value: Any, _: Any) -> Any:
                if value is None or value.__class__ is only:
                    return value
                return only_hook(value, only)

            return _stock(structure_optional_leaf)
        if allow_none:

            def structure_optional(value: Any, _: Any) -> Any:
                return None if value is None else only_hook(value, only)

            return _stock(structure_optional)
        return _stock(lambda value, _: only_hook(value, only))

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

    return _stock(structure_union)


def _call_one(t: Any, hook: _Hook) -> Callable[[Any], Any]:
    return lambda value: hook(value, t)


def _try_all(candidates: list[tuple[Any, _Hook]], what: str) -> Callable[[Any], Any]:
    first_type, first_hook = candidates[0]

    def resolve(value: Any) -> Any:
        try:  # the first candidate usually fits (a tolerant enum always does): no loop
            return first_hook(value, first_type)
        except Exception:
            return _first_success(value, candidates, what)

    return resolve


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

"""A fast path for structuring attrs classes: one generated function per class, no checks twice.

cattrs' generated function (with detailed validation) wraps every field in bookkeeping so that a
failure can name each bad field. Answers almost always have the documented shape, so we first
run a leaner function, generated here per class from its fields:

* a ``str``/``int``/``float``/``bool`` field (or its ``| None`` form) is one class check inline:
  the JSON value is taken as it is when its class is exactly the declared one;
* any other field calls the converter's own hook for its type (for ``X | None``, the hook of
  ``X`` after a ``None`` check), exactly what the detailed function calls;
* a missing key takes the field's default.

When anything does not fit (a value of another JSON type, which the converter may still accept,
such as ``"12"`` for an ``int``; a missing required key; a failing hook), the fast function gives
up and the detailed cattrs function runs instead, which either converts the value the tolerant
way or raises the error naming every bad field. So a result never differs from the detailed
path's, and the detailed path costs nothing when the answer is well-formed.
"""

from __future__ import annotations

import itertools
import linecache
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum, EnumMeta
from typing import Any, Final, get_args

import attrs
import cattrs

from common._sentinel import NotGiven

from .naming import _wire_keys
from .timestamps import _parse_datetime, _structure_date, _structure_datetime
from .unions import _LEAF_HOOKS, _is_union

__all__: list[str] = []

_NoneType: Final = type(None)
_MISSING: Final = object()
_counter = itertools.count()
_PLAIN_MISSING: Final = Enum._missing_.__func__  # type: ignore[attr-defined]

FastHook = Callable[[Any], Any]


class _Unsupported(Exception):
    """A field this generator does not handle: the class keeps the detailed path only."""


def compile_fast(cl: type[Any], conv: cattrs.Converter) -> FastHook | None:
    """A function ``data -> instance`` for attrs class *cl*, or ``None`` when *cl* has a field
    the fast path does not handle (then only the detailed function is used).

    The function raises (anything) whenever the data does not fit exactly; the caller then
    runs the detailed function.
    """
    try:
        return _compile(cl, conv)
    except _Unsupported:
        return None


def _compile(cl: type[Any], conv: cattrs.Converter) -> FastHook:
    keys = _wire_keys(cl)
    namespace: dict[str, Any] = {"_cl": cl, "_M": _MISSING}
    lines = ["def fast(d):", "    g = d.get"]
    arguments: list[str] = []
    for i, a in enumerate(attrs.fields(cl)):
        if not a.init:
            continue
        if a.type is None or isinstance(a.type, str):
            raise _Unsupported(a.name)
        var = f"a{i}"
        key = keys[a.name]
        default = a.default
        if default is attrs.NOTHING:
            lines.append(f"    v = d[{key!r}]")
            lines.extend(_convert(a.type, var, i, conv, namespace, indent="    "))
        elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            if default.takes_self:
                raise _Unsupported(a.name)
            namespace[f"f{i}"] = default.factory
            lines.append(f"    v = g({key!r}, _M)")
            lines.append(f"    if v is _M:\n        {var} = f{i}()\n    else:")
            lines.extend(_convert(a.type, var, i, conv, namespace, indent="        "))
        else:
            namespace[f"d{i}"] = default
            lines.append(f"    v = g({key!r}, _M)")
            lines.append(f"    if v is _M:\n        {var} = d{i}\n    else:")
            lines.extend(_convert(a.type, var, i, conv, namespace, indent="        "))
        arguments.append(f"{a.alias}={var}")
    lines.append(f"    return _cl({', '.join(arguments)})")
    source = "\n".join(lines) + "\n"
    filename = f"<fast structure {cl.__module__}.{cl.__qualname__} #{next(_counter)}>"
    # Kept in linecache so a traceback through it shows the generated line.
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), namespace)
    fast: FastHook = namespace["fast"]
    return fast


def _convert(
    t: Any, var: str, i: int, conv: cattrs.Converter, namespace: dict[str, Any], *, indent: str
) -> list[str]:
    """Lines turning the JSON value ``v`` into field value *var* of type *t*."""
    if t is NotGiven or (_is_union(t) and NotGiven in get_args(t)):
        raise _Unsupported("NOT_GIVEN")  # request bodies: rare on the hot path
    inner, optional = _optional(t)
    members = _tolerant_str_enum(inner, conv)
    if members is not None:  # `Status | str`, `Status`: a known value is the member
        namespace[f"m{i}"] = members
        lines = [f"{indent}if v.__class__ is str:", f"{indent}    {var} = m{i}.get(v, v)"]
        if optional:
            lines += [f"{indent}elif v is None:", f"{indent}    {var} = None"]
        return [*lines, f"{indent}else:", f"{indent}    raise TypeError"]
    parse = _STRING_PARSERS.get(inner)
    if parse is not None and conv.get_structure_hook(inner) is parse[0]:
        namespace[f"p{i}"] = parse[1]
        lines = [f"{indent}if v.__class__ is str:", f"{indent}    {var} = p{i}(v)"]
        if optional:
            lines += [f"{indent}elif v is None:", f"{indent}    {var} = None"]
        return [*lines, f"{indent}else:", f"{indent}    raise TypeError"]
    if _is_leaf(inner, conv):
        namespace[f"t{i}"] = inner
        check = f"v.__class__ is not t{i}"
        if optional:
            check = f"v is not None and {check}"
        return [f"{indent}if {check}:", f"{indent}    raise TypeError", f"{indent}{var} = v"]
    if optional:
        namespace[f"h{i}"], namespace[f"t{i}"] = conv.get_structure_hook(inner), inner
        return [f"{indent}{var} = None if v is None else h{i}(v, t{i})"]
    namespace[f"h{i}"], namespace[f"t{i}"] = conv.get_structure_hook(t), t
    return [f"{indent}{var} = h{i}(v, t{i})"]


def _tolerant_str_enum(t: Any, conv: cattrs.Converter) -> dict[str, Any] | None:
    """For ``E`` or ``E | str`` (``E`` a string enum under the tolerant rule): value → member."""
    if _is_union(t):
        members = get_args(t)
        if len(members) != 2 or str not in members:
            return None
        (t,) = (m for m in members if m is not str)
    if not isinstance(t, EnumMeta):
        return None
    enum_class: type[Enum] = t  # type: ignore[assignment]
    if getattr(enum_class._missing_, "__func__", None) is not _PLAIN_MISSING:
        return None  # the enum has its own rule for unknown values
    hook = conv.get_structure_hook(enum_class)
    if getattr(hook, "__qualname__", "") != "_enum_hook.<locals>.hook":
        return None  # someone registered their own hook for this enum: use it
    if not all(type(member.value) is str for member in enum_class):
        return None
    return {member.value: member for member in enum_class}


def _date(text: str) -> date:
    # A plain date parses at C speed; anything else goes through the converter's own rule.
    if len(text) == 10:
        return date.fromisoformat(text)
    return _structure_date(text, date)


#: Types read from a JSON string by one parser, when the converter's hook is the stock one.
_STRING_PARSERS: Final[dict[Any, tuple[Any, Callable[[str], Any]]]] = {
    datetime: (_structure_datetime, _parse_datetime),
    date: (_structure_date, _date),
}


def _optional(t: Any) -> tuple[Any, bool]:
    """``X | None`` → ``(X, True)``; anything else → ``(t, False)``."""
    if _is_union(t):
        members = get_args(t)
        if _NoneType in members:
            rest = [m for m in members if m is not _NoneType]
            if len(rest) == 1:
                return rest[0], True
            if len(rest) == 2 and str in rest:  # `Status | str | None`: the tolerant enum
                return rest[0] | rest[1], True
    return t, False


def _is_leaf(t: Any, conv: cattrs.Converter) -> bool:
    """A JSON scalar type whose hook returns a value of exactly that class unchanged."""
    hook = _LEAF_HOOKS.get(t)
    return hook is not None and conv.get_structure_hook(t) is hook

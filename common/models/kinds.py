"""Shared by every hook: a decoded value's JSON kind, its name in messages, the hook types."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar

_NoneType: Final = type(None)

_Hook = Callable[[Any, Any], Any]
_UnHook = Callable[[Any], Any]
_F = TypeVar("_F", bound=Callable[..., Any])

#: The hooks this package's rules made (unions, arrays, enums): the fast path may inline
#: what they do. A hook registered by anyone else is called as it is.
_STOCK_HOOKS: Final[weakref.WeakSet[Callable[..., Any]]] = weakref.WeakSet()


def _stock(hook: _F) -> _F:
    """Mark *hook* as one of this package's own rules (see :data:`_STOCK_HOOKS`)."""
    _STOCK_HOOKS.add(hook)
    return hook


def _is_stock(hook: object) -> bool:
    try:
        return hook in _STOCK_HOOKS
    except TypeError:  # not weakly referenceable: not ours
        return False


class _ShapeError(ValueError):
    """A value of the right JSON type that is still wrong; its message says it all."""


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


def _json_type(value: Any) -> str:
    kind = _KIND_BY_CLASS.get(value.__class__) or _slow_kind(value)
    return _KIND_NAMES.get(kind, type(value).__name__)

"""Strict scalars: ``str``, ``int``, ``float`` and ``bool`` accept only the JSON that fits."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any, Final

from common._sentinel import NOT_GIVEN

from .enums import _enum_hook
from .kinds import _Hook, _json_type


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


def _unstructure_primitive(value: Any) -> Any:
    """``str``/``int``/``float`` and enums as their plain value (``NOT_GIVEN`` stays itself,
    for the object hook to leave the field out)."""
    if isinstance(value, Enum) and value is not NOT_GIVEN:
        return value.value
    return value

"""Tolerant enums: a known value becomes the member, an unknown one stays as sent."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum, EnumMeta
from typing import Any, Final

from .kinds import _Hook, _ShapeError, _stock

_PLAIN_MISSING: Final = getattr(Enum._missing_, "__func__", None)


def _enum_hook(cl: type[Enum]) -> Callable[..., Any]:
    """A tolerant enum parser: an unknown value of the right JSON type is kept as is."""
    members = cl._value2member_map_
    accepted = {type(m.value) for m in cl}
    if float in accepted:
        accepted.add(int)
    # Ask the enum itself only when it can say more than its value map (Flag, _missing_).
    ask_enum = getattr(cl._missing_, "__func__", None) is not _PLAIN_MISSING

    def hook(value: Any, _: Any = None) -> Any:
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

    return _stock(hook)


def _enum_structure_factory(cl: type[Enum]) -> _Hook:
    return _enum_hook(cl)  # it takes (value, cl) too: no wrapper to call through


def _is_enum_class(t: Any) -> bool:
    return isinstance(t, EnumMeta)

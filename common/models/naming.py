"""Wire names: how an attrs class's attributes map to JSON keys (rules and hand-named keys)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, Literal, TypeVar, get_origin

import attrs

__all__ = ["WireStyle", "wire", "wire_names"]

_C = TypeVar("_C", bound=type[Any])

WireStyle = Literal["snake", "pascal", "camel"]

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

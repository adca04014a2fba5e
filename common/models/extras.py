"""Where an answer model keeps the JSON keys it has no field for (the storage of ``Model.extra``).

:class:`ExtraKeys` is the slot alone; :class:`~common.models.Model` builds its public face
(``extra``, ``to_dict()``) on it. The converter's object rules need only this module, so the
model's face may use the converter without a loop between the two.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final

__all__ = ["ExtraKeys"]

NO_EXTRA: Final[Mapping[str, Any]] = MappingProxyType({})


class ExtraKeys:
    """The base of :class:`~common.models.Model`: one slot for the keys a model does not declare.

    The converter keeps those keys for every attrs class that inherits it."""

    __slots__ = ("_extra",)
    _extra: Mapping[str, Any]


def keep_extra(obj: object, value: Mapping[str, Any], known: frozenset[str]) -> None:
    """Store the keys of *value* that are not in *known* on *obj* (an :class:`ExtraKeys`)."""
    if len(value) <= len(known) and known.issuperset(value):
        return
    extra = {key: item for key, item in value.items() if key not in known}
    if extra:
        object.__setattr__(obj, "_extra", MappingProxyType(extra))


def extra_of(obj: object) -> Mapping[str, Any]:
    """The keys kept on *obj* (empty when none were, or for an object built in code)."""
    return getattr(obj, "_extra", NO_EXTRA)

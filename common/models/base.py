"""``Model``: the base of every answer model, keeping what the vendor sent that it does not declare.

Vendors add fields before we do. An answer model inherits :class:`Model`; the shared converter
then keeps every JSON key the class has no field for in :attr:`Model.extra`, and
:meth:`Model.to_dict` gives the whole object back under its wire names, those keys included.
Nothing the vendor sent is lost, and no release of ours is needed to read a new field::

    client = await api.clients.get(42)
    client.extra["NewField"]          # a key the model does not know yet
    client.to_dict()["NewField"]      # the same, with every known field beside it

``extra`` is not part of equality or ``repr`` (two answers that differ only in unknown keys
compare equal) and is dropped by :func:`attrs.evolve`, which builds a new object from fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final

__all__ = ["Model"]

_NO_EXTRA: Final[Mapping[str, Any]] = MappingProxyType({})


class Model:
    """Base class of answer models (see the module); subclass it under ``@attrs.frozen``."""

    __slots__ = ("_extra",)
    _extra: Mapping[str, Any]

    @property
    def extra(self) -> Mapping[str, Any]:
        """The JSON keys the vendor sent that this model has no field for, as decoded.

        Read-only; empty for an object built in code."""
        try:
            return self._extra
        except AttributeError:
            return _NO_EXTRA

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data under its wire names, unknown keys (:attr:`extra`)
        included, at every level of nesting."""
        from .conversion import unstructure

        data = unstructure(self)
        assert isinstance(data, dict)
        return data


def _keep_extra(obj: object, value: Mapping[str, Any], known: frozenset[str]) -> None:
    """Store the keys of *value* that are not in *known* on *obj* (a :class:`Model`)."""
    if len(value) <= len(known) and known.issuperset(value):
        return
    extra = {key: item for key, item in value.items() if key not in known}
    if extra:
        object.__setattr__(obj, "_extra", MappingProxyType(extra))


def _extra_of(obj: object) -> Mapping[str, Any]:
    return getattr(obj, "_extra", _NO_EXTRA)

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
from typing import Any

from .conversion import unstructure
from .extras import ExtraKeys, extra_of

__all__ = ["Model"]


class Model(ExtraKeys):
    """Base class of answer models (see the module); subclass it under ``@attrs.frozen``."""

    __slots__ = ()

    @property
    def extra(self) -> Mapping[str, Any]:
        """The JSON keys the vendor sent that this model has no field for, as decoded.

        Read-only; empty for an object built in code."""
        return extra_of(self)

    def to_dict(self) -> dict[str, Any]:
        """This object as JSON-ready data under its wire names, unknown keys (:attr:`extra`)
        included, at every level of nesting."""
        data = unstructure(self)
        assert isinstance(data, dict)
        return data

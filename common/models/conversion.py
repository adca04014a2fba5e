"""The converter: make_converter() wires every rule in; structure() and unstructure() use it."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Final, TypeVar, overload

import cattrs

from common._sentinel import NotGiven
from common.secrets import Secret

from .arrays import _is_json_array_type, _structure_array_factory
from .decode_errors import _decode_error
from .enums import _enum_structure_factory, _is_enum_class
from .naming import _is_attrs
from .objects import _structure_attrs_factory, _unstructure_attrs_factory, _unstructure_not_given
from .scalars import (
    _structure_bool,
    _structure_float,
    _structure_int,
    _structure_str,
    _unstructure_primitive,
)
from .timestamps import (
    UnixMillis,
    _structure_date,
    _structure_datetime,
    _structure_unix_millis,
    _unstructure_date,
    _unstructure_datetime,
    _unstructure_unix_millis,
)
from .unions import _is_union, _structure_union_factory, _unstructure_union_factory

__all__ = ["converter", "extend", "make_converter", "structure", "unstructure"]

T = TypeVar("T")


def _structure_secret(value: Any, _: Any) -> Secret:
    if isinstance(value, Secret):
        return value
    return Secret(_structure_str(value, str))


def make_converter(*, detailed_validation: bool = True, fast_path: bool = True) -> cattrs.Converter:
    """Build a converter configured with every rule of this module.

    *fast_path* (see :mod:`common.models.fast`) only changes speed, never a result: turning
    it off is for tests that prove so.

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
    # A credential a vendor hands back (a webhook's signing secret) stays masked in reprs.
    conv.register_structure_hook(Secret, _structure_secret)
    conv.register_unstructure_hook(Secret, Secret.reveal)

    # Later registrations take precedence over cattrs' own predicates.
    conv.register_structure_hook_factory(_is_enum_class, _enum_structure_factory)
    conv.register_unstructure_hook_func(_is_enum_class, _unstructure_primitive)
    conv.register_structure_hook_factory(_is_json_array_type, _structure_array_factory)
    conv.register_structure_hook_factory(
        _is_attrs, functools.partial(_structure_attrs_factory, fast_path=fast_path)
    )
    conv.register_unstructure_hook_factory(_is_attrs, _unstructure_attrs_factory)
    conv.register_structure_hook_factory(_is_union, _structure_union_factory)
    conv.register_unstructure_hook_factory(_is_union, _unstructure_union_factory)
    return conv


#: The converter every client uses. Teach it a vendor's wire types with :func:`extend`.
#: (Measured: without cattrs' detailed validation it is no faster with these hooks, so
#: failures keep their field-by-field explanation at no cost.)
converter: Final = make_converter()
_extensions: list[Callable[[cattrs.Converter], None]] = []

_structure = converter.structure
_unstructure = converter.unstructure


def extend(register: Callable[[cattrs.Converter], None]) -> None:
    """Apply *register* (which adds a vendor's hooks to a converter) to the shared converter.
    Idempotent per function; the vendor's own wire types then structure like any other."""
    if register in _extensions:
        return
    _extensions.append(register)
    register(converter)


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

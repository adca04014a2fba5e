"""Every rule of the shared converter, wired into a fresh ``cattrs.Converter``.

Importing this module imports cattrs; :mod:`common.models.conversion` does so on the first
conversion, not when the package is imported.
"""

from __future__ import annotations

import functools
from datetime import date, datetime
from typing import Any

import cattrs

from common._sentinel import NotGiven
from common.secrets import Secret

from .arrays import _is_json_array_type, _structure_array_factory
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

__all__ = ["new_converter"]


def _structure_secret(value: Any, _: Any) -> Secret:
    if isinstance(value, Secret):
        return value
    return Secret(_structure_str(value, str))


def new_converter(*, detailed_validation: bool, fast_path: bool) -> cattrs.Converter:
    """A converter with every rule of :mod:`common.models` (see ``make_converter``)."""
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

"""JSON arrays: ``list[X]``, ``tuple[X, ...]`` and ``Sequence[X]`` refuse anything else."""

from __future__ import annotations

from collections import deque
from typing import Any, get_origin

import cattrs
from cattrs.cols import (
    homogenous_tuple_structure_factory,
    is_mutable_sequence,
    is_sequence,
    list_structure_factory,
)

from .kinds import _Hook, _json_type, _stock


def _is_json_array_type(t: Any) -> bool:
    return is_sequence(t) and t is not deque and get_origin(t) is not deque


def _structure_array_factory(t: Any, conv: cattrs.Converter) -> _Hook:
    """cattrs' own list/tuple hooks, refusing what is not a JSON array.

    (cattrs would iterate a string into characters, or a dict into its keys.)
    """
    if is_mutable_sequence(t):
        structure_items = list_structure_factory(t, conv)
    else:  # Sequence[X], tuple[X, ...]
        structure_items = homogenous_tuple_structure_factory(t, conv)

    def structure_array(value: Any, cl: Any) -> Any:
        if value.__class__ is not list and not isinstance(value, (list, tuple)):
            raise TypeError(f"expected an array, got {_json_type(value)}")
        return structure_items(value, cl)

    return _stock(structure_array)

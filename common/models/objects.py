"""attrs classes as JSON objects: wire-named keys, unknown keys ignored, NOT_GIVEN left out."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, get_args

import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from common._sentinel import NOT_GIVEN, NotGiven

from .extras import ExtraKeys, extra_of, keep_extra
from .fast import FastStructure
from .kinds import _Hook, _json_type, _UnHook
from .naming import _attrs_base, _resolved_fields, _wire_keys
from .unions import _is_union


def _mentions_not_given(t: Any) -> bool:
    return t is NotGiven or (_is_union(t) and NotGiven in get_args(t))


def _structure_attrs_factory(cl: Any, conv: cattrs.Converter, *, fast_path: bool = True) -> _Hook:
    base = _attrs_base(cl)
    _resolved_fields(base)
    renames: dict[str, Any] = {
        name: override(rename=key) for name, key in _wire_keys(base).items() if name != key
    }
    structure_fields = make_dict_structure_fn(
        cl,
        conv,
        _cattrs_forbid_extra_keys=False,
        _cattrs_detailed_validation=conv.detailed_validation,
        **renames,
    )
    known = frozenset(_wire_keys(base).values()) if issubclass(base, ExtraKeys) else None

    def structure_detailed(value: Any, cl: Any) -> Any:
        # Without this, a string or a list would fail once per field (or not at all
        # when every field has a default).
        if value.__class__ is not dict and not isinstance(value, Mapping):
            raise TypeError(f"expected an object, got {_json_type(value)}")
        obj = structure_fields(value, cl)
        if known is not None:
            keep_extra(obj, value, known)
        return obj

    if not fast_path or cl is not base:
        return structure_detailed
    fast = FastStructure(base, conv)  # compiled on first use: fields may refer to the class

    def structure_object(value: Any, cl: Any) -> Any:
        quick = fast.function if fast.compiled else fast.compile()
        if quick is not None:
            try:
                return quick(value)
            except Exception:  # not exactly the documented shape: the detailed path decides
                pass
        return structure_detailed(value, cl)

    fast.attach(structure_object)
    return structure_object


def _unstructure_attrs_factory(cl: Any, conv: cattrs.Converter) -> _UnHook:
    base = _attrs_base(cl)
    fields = _resolved_fields(base)
    keys = _wire_keys(base)
    overrides: dict[str, Any] = {}
    filter_needed = False
    for a in fields:
        rename = keys[a.name] if keys[a.name] != a.name else None
        omit_if_default = None
        if _mentions_not_given(a.type):
            if a.default is NOT_GIVEN:
                omit_if_default = True
            else:
                filter_needed = True
        if rename is not None or omit_if_default is not None:
            overrides[a.name] = override(rename=rename, omit_if_default=omit_if_default)
    unstructure_fields = make_dict_unstructure_fn(cl, conv, **overrides)
    if issubclass(base, ExtraKeys):
        return _with_extra(unstructure_fields, conv, dropping_not_given=filter_needed)
    if not filter_needed:
        return unstructure_fields

    def unstructure_dropping_not_given(value: Any) -> dict[str, Any]:
        raw = unstructure_fields(value)
        return {k: v for k, v in raw.items() if v is not NOT_GIVEN}

    return unstructure_dropping_not_given


def _with_extra(
    unstructure_fields: _UnHook, conv: cattrs.Converter, *, dropping_not_given: bool
) -> _UnHook:
    """A model's unstructure hook that puts back the keys the vendor sent and we do not model."""

    def unstructure_model(value: Any) -> dict[str, Any]:
        raw: dict[str, Any] = unstructure_fields(value)
        if dropping_not_given:
            raw = {k: v for k, v in raw.items() if v is not NOT_GIVEN}
        extra = extra_of(value)
        if extra:
            for key, item in extra.items():
                raw.setdefault(key, conv.unstructure(item))
        return raw

    return unstructure_model


def _unstructure_not_given(value: Any) -> Any:
    raise TypeError(
        "NOT_GIVEN has no JSON form; it is only allowed as the value of a request-body "
        "field, which is then left out"
    )

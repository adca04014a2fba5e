"""Reading the spec's JSON Schemas into a small algebra of shapes the namers can name.

The Amiqus spec composes heavily: ``allOf`` refines a base (``Client`` + a narrower
``status``), ``anyOf``/``oneOf`` list variants (twenty step types, each with its own
``preferences``), and expandable properties are ``integer | object``. The rules here decide
what becomes a class:

* a component referenced *as a value* (a property, an array item, a body, a response) is a
  class of its own; a component used only *inside* a composition is folded into its user;
* ``allOf`` merges its members' properties, a later member refining an earlier one;
* ``anyOf``/``oneOf`` of objects become **one** class with every variant's properties
  (optional unless every variant requires them), so a new variant never breaks parsing;
  members of different JSON kinds stay a union (``int | Client``).
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Any_",
    "Arr",
    "Const",
    "EnumS",
    "MapOf",
    "Null",
    "Obj",
    "Prim",
    "Prop",
    "Ref",
    "Shape",
    "Spec",
    "Union_",
    "pascal",
    "py_name",
]

Shape = Any  # one of the dataclasses below

_FORMATS = {"date-time": "datetime", "date": "date"}
_TYPES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


@dataclass(frozen=True)
class Prim:
    py: str  # str int float bool datetime date


@dataclass(frozen=True)
class Null:
    pass


@dataclass(frozen=True)
class Any_:
    pass


@dataclass(frozen=True)
class Const:
    value: Any


@dataclass(frozen=True)
class EnumS:
    values: tuple[Any, ...]
    hint: str


@dataclass(frozen=True)
class Arr:
    item: Shape


@dataclass(frozen=True)
class MapOf:
    value: Shape


@dataclass(frozen=True)
class Ref:
    component: str


@dataclass(frozen=True)
class Union_:
    members: tuple[Shape, ...]


@dataclass
class Prop:
    shape: Shape
    description: str = ""
    read_only: bool = False
    constraints: dict[str, Any] = field(default_factory=dict)
    expandable: bool = False
    deprecated: bool = False
    #: Absent from some variants of a merged object.
    optional: bool = False


@dataclass
class Obj:
    hint: str
    props: dict[str, Prop]
    required: set[str]
    description: str = ""
    title: str = ""
    #: ``additionalProperties: false``: every property is listed, so every one is sent.
    closed: bool = False
    #: For a merged ``oneOf``/``anyOf``: each variant's (titles, properties, required).
    variants: list[tuple[str, frozenset[str], frozenset[str]]] = field(default_factory=list)

    def __hash__(self) -> int:
        return id(self)


_CONSTRAINTS = ("minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems", "format")


def pascal(text: str) -> str:
    """``team_member`` / ``Team Member`` / ``TeamMember-2`` -> ``TeamMember`` (digits kept)."""
    parts = re.split(r"[^0-9A-Za-z]+", text)
    out = "".join(p[:1].upper() + p[1:] for p in parts if p)
    return out if out and not out[0].isdigit() else f"N{out}"


def py_name(wire: str) -> str:
    """A Python attribute name for a wire property name."""
    name = re.sub(r"\W", "_", wire)
    if "-" in wire:  # a header name, e.g. Content-Length
        name = name.lower()
    # ``attrs``, ``cl`` and ``converter`` would clash with cattrs's own keyword arguments.
    if keyword.iskeyword(name) or name[:1].isdigit() or name in ("attrs", "cl", "converter"):
        name += "_"
    return name


class Spec:
    """The spec, with ``$ref`` resolution and the shape rules above."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.raw: dict[str, Any] = document
        self.components: dict[str, Any] = self.raw["components"]["schemas"]
        self.parameters: dict[str, Any] = self.raw["components"]["parameters"]
        self.value_refs = self._value_refs()
        self._expanding: list[str] = []
        self._shapes: dict[str, Shape] = {}

    # -- operations ------------------------------------------------------------------------

    def operations(self) -> Iterator[tuple[str, str, dict[str, Any], list[dict[str, Any]]]]:
        """``(method, path, operation, parameters)`` in spec order."""
        for path, item in self.raw["paths"].items():
            shared = item.get("parameters", [])
            for method, op in item.items():
                if method in ("get", "post", "put", "patch", "delete"):
                    params = [self.deref_param(p) for p in [*shared, *op.get("parameters", [])]]
                    yield method.upper(), path, op, params

    def deref_param(self, p: Mapping[str, Any]) -> dict[str, Any]:
        if "$ref" in p:
            return dict(self.parameters[p["$ref"].rsplit("/", 1)[1]])
        return dict(p)

    # -- which components are classes -------------------------------------------------------

    def _value_refs(self) -> set[str]:
        """Components referenced as a value somewhere (not only inside a composition)."""
        found: set[str] = set()

        def walk(node: Any, in_composition: bool) -> None:
            if isinstance(node, dict):
                ref = node.get("$ref")
                if isinstance(ref, str) and not in_composition:
                    found.add(ref.rsplit("/", 1)[1])
                for key, value in node.items():
                    if key in ("allOf", "anyOf", "oneOf"):
                        for member in value:
                            walk(member, len(value) > 1)
                    elif key not in ("example", "examples"):
                        walk(value, False)
            elif isinstance(node, list):
                for value in node:
                    walk(value, in_composition)

        walk(self.raw["paths"], False)
        walk(self.components, False)
        return found

    def is_class(self, component: str) -> bool:
        """A component printed as its own class (or enum)."""
        if component not in self.value_refs:
            return False
        shape = self.component_shape(component)
        return isinstance(shape, (Obj, EnumS))

    def component_shape(self, component: str) -> Shape:
        if component not in self._shapes:
            self._expanding.append(component)
            try:
                self._shapes[component] = self.shape(
                    self.components[component], component, top=True
                )
            finally:
                self._expanding.pop()
        return self._shapes[component]

    # -- schema -> shape --------------------------------------------------------------------

    def shape(self, schema: Mapping[str, Any], hint: str, *, top: bool = False) -> Shape:
        """The shape of *schema*; *hint* names any class it needs."""
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[1]
            if name in self._expanding and not top:
                return Ref(name)
            if self.is_class(name) or name in self._expanding:
                return Ref(name)
            return self.component_shape(name)
        if "allOf" in schema:
            refined = self._refinement_of(schema)
            if refined is not None:
                return Ref(refined)
            members = [self._member(m, hint) for m in schema["allOf"]]
            rest = {k: v for k, v in schema.items() if k != "allOf"}
            if rest.get("properties") or rest.get("type") == "object":
                members.append(self.shape(rest, hint))
            return self._intersect(members, hint, schema)
        for key in ("anyOf", "oneOf"):
            if key in schema:
                members = [self._member(m, hint) for m in schema[key]]
                return self.alternatives(members, hint)
        if "const" in schema:
            return Const(schema["const"])
        types = schema.get("type")
        if isinstance(types, list):
            others = [t for t in types if t != "null"]
            base = [self.shape({**schema, "type": t}, hint) for t in others]
            return self.alternatives([*base, *([Null()] if "null" in types else [])], hint)
        if "enum" in schema:
            values = tuple(v for v in schema["enum"] if v is not None)
            nullable = None in schema["enum"]
            if all(isinstance(v, bool) for v in values):
                inner: Shape = Union_(tuple(Const(v) for v in values))
                if len(values) == 1:
                    inner = Const(values[0])
            else:
                inner = EnumS(values, hint)
            return self.alternatives([inner, Null()], hint) if nullable else inner
        if types == "array" or "items" in schema:
            items = schema.get("items")
            return Arr(self.shape(items, hint) if items else Any_())
        if types == "object" or "properties" in schema:
            props = schema.get("properties")
            extra = schema.get("additionalProperties")
            if not props:
                if isinstance(extra, dict) and extra:
                    return MapOf(self.shape(extra, hint))
                return MapOf(Any_())
            return self._object(schema, hint)
        if types == "null":
            return Null()
        if isinstance(types, str) and types in _TYPES:
            fmt = schema.get("format")
            if types == "string" and fmt in _FORMATS:
                return Prim(_FORMATS[fmt])
            return Prim(_TYPES[types])
        return Any_()

    def _refinement_of(self, schema: Mapping[str, Any]) -> str | None:
        """The class component an ``allOf`` only narrows (``Client`` + a stricter ``status``)."""
        first, *rest = schema["allOf"]
        name = first.get("$ref", "").rsplit("/", 1)[-1]
        if not name or not self.is_class(name):
            return None
        known = self.components[name].get("properties", {})
        for member in rest:
            if "$ref" in member or member.get("required"):
                return None
            if not set(member.get("properties", {})) <= set(known):
                return None
        extra = {k for k in schema if k not in ("allOf", "description", "title")}
        return None if extra else name

    def _member(self, schema: Mapping[str, Any], hint: str) -> Shape:
        """A composition member: a component that is not a class is folded in."""
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[1]
            if name in self._expanding:
                return Ref(name)
            if self.is_class(name):
                return Ref(name)
            return self.component_shape(name)
        return self.shape(schema, hint)

    def _object(self, schema: Mapping[str, Any], hint: str) -> Obj:
        props: dict[str, Prop] = {}
        for name, sub in schema.get("properties", {}).items():
            sub_hint = hint + pascal(name)
            props[name] = Prop(
                shape=self.shape(sub, sub_hint),
                description=str(sub.get("description", "")).strip(),
                read_only=bool(sub.get("readOnly")),
                constraints={k: sub[k] for k in _CONSTRAINTS if k in sub},
                expandable=bool(sub.get("x-expandable")),
                deprecated=bool(sub.get("deprecated")),
            )
        return Obj(
            hint=hint,
            props=props,
            required=set(schema.get("required", [])),
            description=str(schema.get("description", "")).strip(),
            title=str(schema.get("title", "")),
            closed=schema.get("additionalProperties") is False,
        )

    # -- algebra -----------------------------------------------------------------------------

    def _intersect(self, members: list[Shape], hint: str, schema: Mapping[str, Any]) -> Shape:
        """``allOf``: properties merged, a later member refining an earlier one."""
        objs = [self.deref(m) for m in members]
        objs = [o for o in objs if isinstance(o, Obj)]
        if not objs:
            return members[0] if len(members) == 1 else Any_()
        merged = Obj(
            hint=hint,
            props={},
            required=set(),
            description=str(schema.get("description", "")).strip(),
            title=str(schema.get("title", "")),
        )
        merged.closed = any(o.closed for o in objs)
        for obj in objs:
            merged.required |= obj.required
            merged.description = merged.description or obj.description
            merged.title = merged.title or obj.title
            for name, prop in obj.props.items():
                old = merged.props.get(name)
                if old is None:
                    merged.props[name] = Prop(**vars(prop))
                    continue
                shape = old.shape if isinstance(prop.shape, Any_) else prop.shape
                if isinstance(old.shape, Obj) and isinstance(prop.shape, Obj):
                    shape = self._intersect([old.shape, prop.shape], old.shape.hint, {})
                merged.props[name] = Prop(
                    shape=shape,
                    description=prop.description or old.description,
                    read_only=prop.read_only or old.read_only,
                    constraints={**old.constraints, **prop.constraints},
                    expandable=prop.expandable or old.expandable,
                    deprecated=prop.deprecated or old.deprecated,
                )
        return merged

    def deref(self, shape: Shape) -> Shape:
        """The shape behind a :class:`Ref` (for merging)."""
        if isinstance(shape, Ref):
            return self.component_shape(shape.component)
        return shape

    def alternatives(self, members: list[Shape], hint: str) -> Shape:
        """``anyOf``/``oneOf``: objects merged into one, other kinds kept as a union."""
        flat: list[Shape] = []
        for m in members:
            flat.extend(m.members if isinstance(m, Union_) else [m])
        if any(isinstance(m, Any_) for m in flat):
            return Any_()
        objs = [m for m in flat if isinstance(m, Obj)]
        refs = [m for m in flat if isinstance(m, Ref)]
        arrays = [m for m in flat if isinstance(m, Arr)]
        maps = [m for m in flat if isinstance(m, MapOf)]
        strings = [m for m in flat if isinstance(m, EnumS)] + [
            m for m in flat if isinstance(m, Const) and isinstance(m.value, str)
        ]
        out: list[Shape] = []
        if len(objs) > 1 or (objs and refs and not _distinct_refs(refs)):
            out.append(self._union_objects(objs, hint))
        else:
            out.extend(objs)
        out.extend(dict.fromkeys(refs))
        if maps and not objs:
            out.append(maps[0])
        if arrays:
            if len(arrays) == 1:
                out.append(arrays[0])
            else:
                out.append(Arr(self.alternatives([a.item for a in arrays], hint)))
        prims = [m for m in flat if isinstance(m, Prim)]
        has_str = any(p.py == "str" for p in prims)
        if strings and not has_str:
            values: list[Any] = []
            for s in strings:
                values.extend(s.values if isinstance(s, EnumS) else [s.value])
            if len(values) == 1 and isinstance(strings[0], Const):
                out.append(strings[0])
            else:
                out.append(EnumS(tuple(dict.fromkeys(values)), hint))
        out.extend(dict.fromkeys(prims))
        out.extend(
            dict.fromkeys(m for m in flat if isinstance(m, Const) and not isinstance(m.value, str))
        )
        if any(isinstance(m, Null) for m in flat):
            out.append(Null())
        return out[0] if len(out) == 1 else Union_(tuple(out))

    def _union_objects(self, objs: list[Obj], hint: str) -> Obj:
        merged = Obj(hint=hint, props={}, required=set.intersection(*(o.required for o in objs)))
        merged.closed = all(o.closed for o in objs)
        merged.title = next((o.title for o in objs if o.title), "")
        merged.description = next((o.description for o in objs if o.description), "")
        merged.variants = [(o.title, frozenset(o.props), frozenset(o.required)) for o in objs]
        for obj in objs:
            for name, prop in obj.props.items():
                if name not in merged.props:
                    merged.props[name] = Prop(**vars(prop))
                    continue
                old = merged.props[name]
                old.shape = self.alternatives([old.shape, prop.shape], hint + pascal(name))
                old.description = old.description or prop.description
                old.expandable = old.expandable or prop.expandable
        for name in merged.props:
            if not all(name in o.props for o in objs):
                merged.required.discard(name)
                merged.props[name].optional = True
        return merged


def _distinct_refs(refs: list[Ref]) -> bool:
    return len(refs) > 0

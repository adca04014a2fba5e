"""Shapes -> named classes, enums and field types of the intermediate model.

One :class:`Namer` for the answers and one for the request bodies (which reuse the answers'
enums). Names are given in the order classes are reached: the answers of the operations, then
every component printed as a class, then, breadth first, the objects each class's fields
hold. An inline object gets its owner's name plus the property's (``CheckResponseMedia``,
shortened by :data:`~..names.INLINE_PREFIXES`); two inline objects of the same shape share one
class; a name already taken gets a number.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from .. import ir
from ..names import (
    ALWAYS_PRESENT,
    CLASS_NAMES,
    INLINE_PREFIXES,
    MODEL_MODULES,
    SECRET_PROPERTIES,
)
from .schemas import (
    Any_,
    Arr,
    Const,
    EnumS,
    MapOf,
    Null,
    Obj,
    Prim,
    Prop,
    Ref,
    Spec,
    Union_,
    pascal,
    py_name,
)
from .tables import Uses

__all__ = ["Namer", "enum_members"]


def _signature(obj: Obj) -> str:
    """What makes two inline objects the same class: their properties and what they require."""
    return repr(
        (
            sorted((k, repr(p.shape), p.read_only) for k, p in obj.props.items()),
            sorted(obj.required),
            obj.closed,
        )
    )


def _distinct(variants: list[tuple[str, frozenset[str], frozenset[str]]]) -> bool:
    """Variants a body could mix up: at least two with fields of their own, titled apart."""
    titles = [t for t, _, _ in variants]
    sets = {props for _, props, _ in variants}
    return len(variants) > 1 and len(set(titles)) == len(titles) and len(sets) > 1


def enum_members(values: tuple[Any, ...]) -> tuple[ir.EnumMember, ...]:
    """``"right-to-work"`` -> ``RIGHT_TO_WORK``; a name starting with a digit gets ``N``."""
    out = []
    for value in values:
        member = re.sub(r"\W+", "_", str(value)).strip("_").upper() or "EMPTY"
        if member[0].isdigit():
            member = "N" + member
        out.append(ir.EnumMember(member, value))
    return tuple(out)


def _ends_with_none(t: ir.Type) -> bool:
    return ir.members(t)[-1] == ir.NONE


class Namer:
    """Names the classes and enums reached from some shapes, and builds them.

    *input_mode*: request bodies (module ``inputs``, read-only properties left out, optional
    fields ``NOT_GIVEN``, checks) rather than answers (an answer module, optional fields
    ``None``).
    """

    def __init__(
        self, spec: Spec, uses: Uses, *, input_mode: bool, reserved: frozenset[str] = frozenset()
    ) -> None:
        self.spec = spec
        self.uses = uses
        self.input_mode = input_mode
        self.reserved = reserved  # names owned by the other namer
        self.names: dict[int, str] = {}  # id(Obj) -> class name
        self.alive: list[Obj] = []  # the objects named by id: they must outlive the run
        self.signatures: dict[str, str] = {}
        self.taken: set[str] = set()
        self.enum_names: dict[tuple[str, tuple[Any, ...]], str] = {}
        self.enums: dict[str, tuple[Any, ...]] = {}
        self.pending: list[tuple[Obj, str]] = []
        self.classes: list[ir.ModelClass] = []
        #: class name -> module, and where it was first reached.
        self.modules: dict[str, str] = {}
        self.sources: dict[str, str] = {}
        #: The class whose fields are being typed (the owner of any inline object met).
        self._current: str | None = None

    def share_enums(self, other: Namer) -> None:
        """Use (and add to) *other*'s enums: request bodies name values as answers do."""
        self.enum_names = other.enum_names
        self.enums = other.enums
        self.taken |= set(other.enums)

    # -- naming ---------------------------------------------------------------------------

    def class_name(self, component: str) -> str:
        return self.uses.get(CLASS_NAMES, component) or pascal(component)

    def unique(self, wanted: str) -> str:
        for long, short in INLINE_PREFIXES.items():
            if wanted.startswith(long):
                self.uses.note(INLINE_PREFIXES, long)
                wanted = short + wanted[len(long) :]
        name, n = wanted, 2
        while name in self.taken or name in self.reserved:
            name, n = f"{wanted}{n}", n + 1
        self.taken.add(name)
        return name

    def obj_name(self, obj: Obj, wanted: str, component: str | None = None) -> str:
        if id(obj) not in self.names:
            self.alive.append(obj)
            key = _signature(obj)
            same = self.signatures.get(key)
            if same is not None:  # the spec repeats an inline schema: one class for both
                self.names[id(obj)] = same
                return same
            name = self.unique(wanted)
            self.names[id(obj)] = name
            self.signatures[key] = name
            self.pending.append((obj, name))
            self._place(name, component)
        return self.names[id(obj)]

    def _place(self, name: str, component: str | None) -> None:
        """The module of a new class: ``inputs``, its :data:`MODEL_MODULES` entry, or its
        owner's module for an object written inline."""
        owner = self._current
        self.sources[name] = (
            f"component {component}" if component else f"inline in {owner or 'an answer'}"
        )
        if self.input_mode:
            self.modules[name] = "inputs"
            return
        for module, (_doc, classes) in MODEL_MODULES.items():
            if name in classes:
                self.uses.note(MODEL_MODULES, f"{module}.{name}")
                self.modules[name] = module
                return
        if owner is None:
            raise SystemExit(f"place the new class {name} in a module: MODEL_MODULES in names.py")
        self.modules[name] = self.modules[owner]

    def ref_name(self, component: str) -> str:
        shape = self.spec.component_shape(component)
        base = self.class_name(component)
        if isinstance(shape, EnumS):
            return self.enum_name(shape, base, component)
        assert isinstance(shape, Obj)
        return self.obj_name(shape, base + ("Input" if self.input_mode else ""), component)

    def enum_name(self, shape: EnumS, wanted: str, component: str | None = None) -> str:
        key = (component or wanted, shape.values)
        if key not in self.enum_names:
            name = self.unique(wanted)
            self.enum_names[key] = name
            self.enums[name] = shape.values
        return self.enum_names[key]

    def named(self, name: str) -> ir.Named:
        return ir.Named(name, "enums" if name in self.enums else self.modules[name])

    # -- types ----------------------------------------------------------------------------

    def type_of(self, shape: Any, owner: str, prop: str) -> ir.Type:
        wanted = owner + pascal(prop) if prop else owner
        if isinstance(shape, Prim):
            return ir.Builtin(shape.py)
        if isinstance(shape, Null):
            return ir.NONE
        if isinstance(shape, Any_):
            return ir.Builtin("Any")
        if isinstance(shape, Const):
            if isinstance(shape.value, str):
                return ir.STR
            return ir.LiteralOf((shape.value,))
        if isinstance(shape, EnumS):
            if all(isinstance(v, str) for v in shape.values):
                base = owner.removesuffix("Input") + pascal(prop) if self.input_mode else wanted
                return ir.UnionOf((ir.Named(self.enum_name(shape, base), "enums"), ir.STR))
            return ir.Builtin("Any")
        if isinstance(shape, Arr):
            return ir.ListOf(self.type_of(shape.item, owner, prop))
        if isinstance(shape, MapOf):
            return ir.DictOf(self.type_of(shape.value, owner, prop))
        if isinstance(shape, Ref):
            name = self.ref_name(shape.component)
            if name in self.enums:
                return ir.UnionOf((self.named(name), ir.STR))
            return self.named(name)
        if isinstance(shape, Obj):
            if self.input_mode:
                wanted = owner.removesuffix("Input") + pascal(prop) + "Input"
            return self.named(self.obj_name(shape, wanted))
        if isinstance(shape, Union_):
            return ir.union([self.type_of(member, owner, prop) for member in shape.members])
        raise TypeError(shape)

    def type_of_input(self, shape: Any, name: str) -> ir.Type:
        """The type of a request body: its class, or a sequence of its items."""
        if isinstance(shape, Ref):
            shape = self.spec.component_shape(shape.component)
        if isinstance(shape, Obj):
            return self.named(self.obj_name(shape, name))
        if isinstance(shape, Arr):
            item = shape.item
            if isinstance(item, Ref):
                item = self.spec.component_shape(item.component)
            if isinstance(item, Obj):
                return ir.SequenceOf(self.named(self.obj_name(item, name)))
            return ir.SequenceOf(self.type_of(item, name, ""))
        return self.type_of(shape, name, "")

    # -- classes --------------------------------------------------------------------------

    def drain(self) -> None:
        """Build every class named so far, and those their fields name, in that order."""
        while self.pending:
            obj, name = self.pending.pop(0)
            self._current = name
            try:
                self.classes.append(self.build(obj, name))
            finally:
                self._current = None

    def build(self, obj: Obj, name: str) -> ir.ModelClass:
        props = [
            (wire, prop)
            for wire, prop in obj.props.items()
            if not (self.input_mode and prop.read_only)
        ]
        fields = tuple(self.field(obj, name, wire, prop) for wire, prop in props)
        variants = tuple(
            ir.Variant(
                title,
                tuple(py_name(w) for w in sorted(fields_)),
                tuple(py_name(w) for w in sorted(required)),
            )
            for title, fields_, required in obj.variants
        )
        return ir.ModelClass(
            name=name,
            module=self.modules[name],
            kind="input" if self.input_mode else "answer",
            title=obj.title,
            description=obj.description,
            fields=fields,
            variants=variants,
            check_variants=self.input_mode and _distinct(obj.variants),
            source=self.sources[name],
        )

    def _required(self, obj: Obj, wire: str, prop: Prop) -> bool:
        if self.input_mode:
            return wire in obj.required
        if wire in obj.required:
            return True
        resource_like = obj.closed or "object" in obj.props
        return resource_like and not prop.optional and self.uses.has(ALWAYS_PRESENT, wire)

    def field(self, obj: Obj, owner: str, wire: str, prop: Prop) -> ir.Field:
        t = self.type_of(prop.shape, owner, wire)
        first, *rest = ir.members(t)
        if first == ir.STR and self.uses.has(SECRET_PROPERTIES, wire):
            t = ir.union([ir.Named("Secret", "common"), *rest])
        required = self._required(obj, wire, prop)
        checks = self.checks(prop) if self.input_mode else []
        if self.input_mode and required and not _ends_with_none(t):
            checks = [ir.Check("given"), *checks]
        # No default when required: a body must give it, an answer always has it.
        default: Literal["required", "None", "NOT_GIVEN"] = "required"
        if not required and self.input_mode:
            t, default = ir.NotGivenOr(t), "NOT_GIVEN"
        elif not required:
            t, default = ir.union([t, ir.NONE]), "None"
        constant = prop.shape.value if isinstance(prop.shape, Const) else None
        return ir.Field(
            wire=wire,
            attr=py_name(wire),
            type=t,
            default=default,
            checks=tuple(checks),
            description=prop.description,
            expandable=prop.expandable,
            constant=constant if isinstance(constant, str) else None,
            deprecated=prop.deprecated,
        )

    def enum_of(self, shape: Any) -> str | None:
        """The enum class a shape is printed as, if any."""
        if isinstance(shape, Ref) and isinstance(self.spec.component_shape(shape.component), EnumS):
            return self.ref_name(shape.component)
        if isinstance(shape, EnumS):
            for (_, values), name in self.enum_names.items():
                if values == shape.values:
                    return name
        return None

    def checks(self, prop: Prop) -> list[ir.Check]:
        out = []
        c = prop.constraints
        shape = prop.shape
        kinds = shape.members if isinstance(shape, Union_) else (shape,)
        is_str = any(isinstance(k, Prim) and k.py == "str" for k in kinds)
        is_num = any(isinstance(k, Prim) and k.py in ("int", "float") for k in kinds)
        is_list = any(isinstance(k, Arr) for k in kinds)
        lo, hi = c.get("minLength"), c.get("maxLength")
        if is_str and (lo is not None or hi is not None):
            out.append(ir.Check("length", (lo, hi)))
        elif is_str and (c.get("minimum") is not None or c.get("maximum") is not None):
            # The spec writes minimum/maximum on some strings where it means their length.
            out.append(ir.Check("length", (c.get("minimum"), c.get("maximum"))))
        if is_num and (c.get("minimum") is not None or c.get("maximum") is not None):
            out.append(ir.Check("between", (c.get("minimum"), c.get("maximum"))))
        if is_list and (c.get("minItems") is not None or c.get("maxItems") is not None):
            out.append(ir.Check("items", (c.get("minItems"), c.get("maxItems"))))
        if c.get("format") == "email" and is_str:
            out.append(ir.Check("email"))
        enums = [self.enum_of(k) for k in kinds]
        enums += [self.enum_of(k.item) for k in kinds if isinstance(k, Arr)]
        named = [e for e in enums if e]
        if named:
            falsy = any(isinstance(k, Const) and k.value is False for k in kinds)
            out.append(ir.Check("choice", enum=named[0], allow_false=falsy))
        return out

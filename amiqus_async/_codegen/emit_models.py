"""Print the response models, the request-body inputs and their enums as Python source."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .names import CLASS_NAMES, INLINE_PREFIXES
from .shapes import (
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

#: Properties holding a credential: typed :class:`~common.Secret`, masked in reprs.
SECRET_PROPERTIES = frozenset({"secret", "token"})

CHECKS = ("between", "choice", "email", "given", "items", "length", "one_shape")

HEADER = '''"""{doc}

Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit.
"""

from __future__ import annotations
'''


def class_name(component: str) -> str:
    return CLASS_NAMES.get(component, pascal(component))


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


def split_union(annotation: str) -> list[str]:
    """``A | list[B | C] | None`` -> ``["A", "list[B | C]", "None"]``."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(annotation):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(annotation[start:i].strip())
            start = i + 1
    parts.append(annotation[start:].strip())
    return parts


def doc_text(text: str, indent: str, width: int = 92) -> list[str]:
    """The first paragraph of *text*, wrapped, safe inside a triple-quoted string."""
    first = text.strip().split("\n\n")[0].replace("\\", "\\\\").replace('"""', "'''")
    first = re.sub(r"\s+", " ", first).strip()
    if not first:
        return []
    return textwrap.wrap(first, width - len(indent)) or []


@dataclass
class Printed:
    """The classes and enums printed so far, and the name of each shape."""

    input_mode: bool
    spec: Spec
    names: dict[int, str] = field(default_factory=dict)  # id(Obj) / enum key -> name
    enum_names: dict[tuple[str, tuple[Any, ...]], str] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)
    classes: list[str] = field(default_factory=list)  # source blocks, dependency order
    enums: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    pending: list[tuple[Obj, str]] = field(default_factory=list)
    reserved: set[str] = field(default_factory=set)  # names owned by the other module
    signatures: dict[str, str] = field(default_factory=dict)
    alive: list[Obj] = field(default_factory=list)

    def unique(self, wanted: str) -> str:
        for long, short in INLINE_PREFIXES.items():
            if wanted.startswith(long):
                wanted = short + wanted[len(long) :]
        name, n = wanted, 2
        while name in self.taken or name in self.reserved:
            name, n = f"{wanted}{n}", n + 1
        self.taken.add(name)
        return name

    # -- naming -------------------------------------------------------------------------

    def obj_name(self, obj: Obj, wanted: str) -> str:
        if id(obj) not in self.names:
            self.alive.append(obj)  # its id names it: it must outlive this run
            key = _signature(obj)
            same = self.signatures.get(key)
            if same is not None:  # the spec repeats an inline schema: one class for both
                self.names[id(obj)] = same
                return same
            self.names[id(obj)] = self.unique(wanted)
            self.signatures[key] = self.names[id(obj)]
            self.pending.append((obj, self.names[id(obj)]))
        return self.names[id(obj)]

    def ref_name(self, component: str) -> str:
        shape = self.spec.component_shape(component)
        base = class_name(component)
        if isinstance(shape, EnumS):
            return self.enum_name(shape, base, component)
        assert isinstance(shape, Obj)
        return self.obj_name(shape, base + ("Input" if self.input_mode else ""))

    def enum_name(self, shape: EnumS, wanted: str, component: str | None = None) -> str:
        key = (component or wanted, shape.values)
        if key not in self.enum_names:
            name = self.unique(wanted)
            self.enum_names[key] = name
            self.enums[name] = shape.values
        return self.enum_names[key]

    # -- types ---------------------------------------------------------------------------

    def type_of(self, shape: Any, owner: str, prop: str) -> str:
        wanted = owner + pascal(prop) if prop else owner
        if isinstance(shape, Prim):
            return shape.py
        if isinstance(shape, Null):
            return "None"
        if isinstance(shape, Any_):
            return "Any"
        if isinstance(shape, Const):
            if isinstance(shape.value, str):
                return "str"
            return f"Literal[{shape.value!r}]"
        if isinstance(shape, EnumS):
            if all(isinstance(v, str) for v in shape.values):
                base = owner.removesuffix("Input") + pascal(prop) if self.input_mode else wanted
                return f"{self.enum_name(shape, base)} | str"
            return "Any"
        if isinstance(shape, Arr):
            return f"list[{self.type_of(shape.item, owner, prop)}]"
        if isinstance(shape, MapOf):
            return f"dict[str, {self.type_of(shape.value, owner, prop)}]"
        if isinstance(shape, Ref):
            name = self.ref_name(shape.component)
            return f"{name} | str" if name in self.enums else name
        if isinstance(shape, Obj):
            if self.input_mode:
                return self.obj_name(shape, owner.removesuffix("Input") + pascal(prop) + "Input")
            return self.obj_name(shape, wanted)
        if isinstance(shape, Union_):
            flat: list[str] = []
            for member in shape.members:
                flat.extend(split_union(self.type_of(member, owner, prop)))
            out = list(dict.fromkeys(flat))
            if "str" in out:  # an enum's "| str" after the enum, once
                out.remove("str")
                out.append("str")
            if "None" in out:
                out.remove("None")
                out.append("None")
            return " | ".join(out)
        raise TypeError(shape)

    def type_of_input(self, shape: Any, name: str) -> str:
        """The type of a request body: its class, or a sequence of its items."""
        if isinstance(shape, Ref):
            shape = self.spec.component_shape(shape.component)
        if isinstance(shape, Obj):
            return self.obj_name(shape, name)
        if isinstance(shape, Arr):
            item = shape.item
            if isinstance(item, Ref):
                item = self.spec.component_shape(item.component)
            if isinstance(item, Obj):
                return f"Sequence[{self.obj_name(item, name)}]"
            return f"Sequence[{self.type_of(item, name, '')}]"
        return self.type_of(shape, name, "")

    # -- classes -------------------------------------------------------------------------

    def drain(self) -> None:
        while self.pending:
            obj, name = self.pending.pop(0)
            self.classes.append(self.print_class(obj, name))
            self.order.append(name)

    def print_class(self, obj: Obj, name: str) -> str:
        # An answer keeps the keys it does not model (``model.extra``, ``to_dict()``).
        base = "" if self.input_mode else "(Model)"
        lines = ["", "", "@attrs.frozen(kw_only=True)", f"class {name}{base}:"]
        title = obj.title if obj.title and not obj.variants else name
        text = obj.description if obj.description and not obj.variants else title
        doc = textwrap.wrap(
            " ".join(doc_text(text, "    ")).rstrip(".") + ".", 85, break_long_words=False
        )
        if obj.variants:
            shapes = ", ".join(t or "untitled" for t, _, _ in obj.variants)
            doc = textwrap.wrap(f"{doc[0]} One of {len(obj.variants)} shapes: {shapes}.", 85)
        lines.append('    """' + doc[0])
        lines.extend("    " + d for d in doc[1:])
        lines.append('    """')
        props = [
            (wire, prop)
            for wire, prop in obj.props.items()
            if not (self.input_mode and prop.read_only)
        ]
        if not props:
            lines.append("")
            lines.append("    pass")
        for wire, prop in props:
            lines.append("")
            lines.extend(self.print_field(obj, name, wire, prop))
        if self.input_mode and _distinct(obj.variants):
            lines.extend(self.print_variant_check(obj))
        return "\n".join(lines)

    def print_variant_check(self, obj: Obj) -> list[str]:
        """A ``oneOf`` body: the fields given must fit one variant, with all it requires."""
        lines = [
            "",
            "    def __attrs_post_init__(self) -> None:",
            "        one_shape(",
            "            self,",
        ]
        for title, props, required in obj.variants:
            fields = "".join(f'"{py_name(w)}", ' for w in sorted(props))
            needs = "".join(f'"{py_name(w)}", ' for w in sorted(required))
            lines.append(f'            "{title or "variant"}": (({fields}), ({needs})),')
        lines[3] = "            self,\n            {"
        lines.append("            },")
        lines.append("        )")
        return lines

    def _required(self, obj: Obj, wire: str, prop: Prop) -> bool:
        if self.input_mode:
            return wire in obj.required
        if wire in obj.required:
            return True
        # The spec lists few required properties, and its own examples leave some out (a
        # Team without ``is_archived``); only a resource's ``object`` and ``id`` are certain.
        resource_like = obj.closed or "object" in obj.props
        return resource_like and not prop.optional and wire in ("object", "id")

    def print_field(self, obj: Obj, owner: str, wire: str, prop: Prop) -> list[str]:
        attr = py_name(wire)
        annotation = self.type_of(prop.shape, owner, wire)
        if wire in SECRET_PROPERTIES and split_union(annotation)[0] == "str":
            annotation = annotation.replace("str", "Secret", 1)
        required = self._required(obj, wire, prop)
        extras: list[str] = []
        if attr != wire:
            extras.append(f"metadata=wire({wire!r})")
        validator = self.validator(prop) if self.input_mode else None
        if self.input_mode and required and not annotation.endswith("None"):
            validator = "given()" if not validator else f"[given(), {validator.strip('[]')}]"
        if validator:
            extras.append(f"validator={validator}")
        if required:
            default = None
        elif self.input_mode:
            annotation = f"NotGivenOr[{annotation}]"
            default = "NOT_GIVEN"
        else:
            if not annotation.endswith("None"):
                annotation += " | None"
            default = "None"
        if extras:
            args = ([f"default={default}"] if default else []) + extras
            value = f" = attrs.field({', '.join(args)})"
        else:
            value = f" = {default}" if default else ""
        out = [f"    {attr}: {annotation}{value}"]
        if len(out[0]) > 99:
            out = [f"    {attr}: (", f"        {annotation}", f"    ){value}"]
            if len(out[2]) > 99:
                out[2:] = ["    ) = attrs.field(", *[f"        {a}," for a in args], "    )"]
        doc = doc_text(prop.description, "    ")
        if prop.expandable:
            doc = [*doc, "Expandable: an id (or ids) unless asked for with ``expand``."]
        if isinstance(prop.shape, Const) and isinstance(prop.shape.value, str):
            doc = [f"Always ``{prop.shape.value!r}``.", *doc]
        if doc:
            text = " ".join(doc)
            wrapped = textwrap.wrap(text, 92)
            if len(wrapped) == 1:
                out.append(f'    """{wrapped[0]}"""')
            else:
                out.append(f'    """{wrapped[0]}')
                out.extend(f"    {w}" for w in wrapped[1:])
                out.append('    """')
        return out

    def enum_of(self, shape: Any) -> str | None:
        """The enum class a shape is printed as, if any."""
        if isinstance(shape, Ref) and isinstance(self.spec.component_shape(shape.component), EnumS):
            return self.ref_name(shape.component)
        if isinstance(shape, EnumS):
            for (_, values), name in self.enum_names.items():
                if values == shape.values:
                    return name
        return None

    def validator(self, prop: Prop) -> str | None:
        checks = []
        c = prop.constraints
        shape = prop.shape
        kinds = shape.members if isinstance(shape, Union_) else (shape,)
        is_str = any(isinstance(k, Prim) and k.py == "str" for k in kinds)
        is_int = any(isinstance(k, Prim) and k.py in ("int", "float") for k in kinds)
        is_list = any(isinstance(k, Arr) for k in kinds)
        lo, hi = c.get("minLength"), c.get("maxLength")
        if is_str and (lo is not None or hi is not None):
            checks.append(f"length({lo}, {hi})")
        elif is_str and (c.get("minimum") is not None or c.get("maximum") is not None):
            # The spec writes minimum/maximum on some strings where it means their length.
            checks.append(f"length({c.get('minimum')}, {c.get('maximum')})")
        if is_int and (c.get("minimum") is not None or c.get("maximum") is not None):
            checks.append(f"between({c.get('minimum')}, {c.get('maximum')})")
        if is_list and (c.get("minItems") is not None or c.get("maxItems") is not None):
            checks.append(f"items({c.get('minItems')}, {c.get('maxItems')})")
        if c.get("format") == "email" and is_str:
            checks.append("email()")
        enums = [self.enum_of(k) for k in kinds]
        enums += [self.enum_of(k.item) for k in kinds if isinstance(k, Arr)]
        named = [e for e in enums if e]
        if named:
            falsy = any(isinstance(k, Const) and k.value is False for k in kinds)
            checks.append(f"choice({named[0]}, False)" if falsy else f"choice({named[0]})")
        if not checks:
            return None
        return checks[0] if len(checks) == 1 else f"[{', '.join(checks)}]"


def render_enums(enums: dict[str, tuple[Any, ...]]) -> str:
    out = [HEADER.format(doc="The spec's enumerations (unknown future values stay plain strings)")]
    out.append("\nimport enum\n")
    out.append(f"__all__ = {sorted(enums)!r}\n".replace("'", '"'))
    for name in sorted(enums):
        out.append(f"\n\nclass {name}(str, enum.Enum):")
        for value in enums[name]:
            member = re.sub(r"\W+", "_", str(value)).strip("_").upper() or "EMPTY"
            if member[0].isdigit():
                member = "N" + member
            out.append(f"    {member} = {value!r}".replace("'", '"'))
        out.append("")
        out.append("    def __str__(self) -> str:")
        out.append("        return str(self.value)")
    return "\n".join(out).rstrip() + "\n"


def render_classes(p: Printed, doc: str, imports: Iterable[str]) -> str:
    body = "\n".join(p.classes)
    used_enums = sorted(n for n in p.enums if re.search(rf"\b{n}\b", body))
    out = [HEADER.format(doc=doc)]
    typing_names = [n for n in ("Any", "Literal") if re.search(rf"\b{n}\[|\b{n}\b", body)]
    out.append("from datetime import date, datetime" if "date" in body else "")
    if typing_names:
        out.append(f"from typing import {', '.join(typing_names)}")
    out.append("\nimport attrs\n")
    if re.search(r": Secret\b", body):
        imports = [*imports, "from common import Secret"]
    if not p.input_mode:
        imports = [*imports, "from common.models import Model"]
    if "metadata=wire(" in body and not any("import wire" in i for i in imports):
        imports = [*imports, "from common.models import wire"]
    for line in imports:
        if line.startswith("from .._checks import"):
            checks = [n for n in CHECKS if re.search(rf"\b{n}\(", body)]
            line = f"from .._checks import {', '.join(checks)}" if checks else ""
        out.append(line)
    if used_enums:
        joined = ", ".join(used_enums)
        out.append(f"from .enums import {joined}" if len(joined) < 70 else "")
        if len(joined) >= 70:
            out.append("from .enums import (")
            out.extend(f"    {n}," for n in used_enums)
            out.append(")")
    out.append(f"\n__all__ = {sorted(p.order)!r}".replace("'", '"'))
    out.append(body)
    return "\n".join(out).rstrip() + "\n"

"""What every renderer shares: the header of a generated module, docstring text, annotations."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable

from .. import ir

__all__ = [
    "GENERATED",
    "doc_text",
    "header",
    "import_block",
    "literal",
    "type_text",
    "used",
]

#: The line every generated module carries (``--check`` finds orphans by it).
GENERATED = (
    "Generated from the Amiqus OpenAPI spec by ``python -m amiqus_async._codegen``: do not edit."
)


def header(doc: str) -> str:
    """A generated module's docstring and ``from __future__ import annotations``."""
    return f'"""{doc}\n\n{GENERATED}\n"""\n\nfrom __future__ import annotations\n'


def doc_text(text: str, indent: str, width: int = 92) -> list[str]:
    """The first paragraph of *text*, wrapped, safe inside a triple-quoted string."""
    first = text.strip().split("\n\n")[0].replace("\\", "\\\\").replace('"""', "'''")
    first = re.sub(r"\s+", " ", first).strip()
    if not first:
        return []
    return textwrap.wrap(first, width - len(indent)) or []


def literal(values: Iterable[object]) -> str:
    return "Literal[" + ", ".join(repr(v).replace("'", '"') for v in values) + "]"


def type_text(t: ir.Type) -> str:
    """The annotation of *t*."""
    if isinstance(t, (ir.Builtin, ir.Named)):
        return t.name
    if isinstance(t, ir.ListOf):
        return f"list[{type_text(t.item)}]"
    if isinstance(t, ir.SequenceOf):
        return f"Sequence[{type_text(t.item)}]"
    if isinstance(t, ir.DictOf):
        return f"dict[str, {type_text(t.value)}]"
    if isinstance(t, ir.LiteralOf):
        return literal(t.values)
    if isinstance(t, ir.UnionOf):
        return " | ".join(type_text(m) for m in t.members)
    if isinstance(t, ir.NotGivenOr):
        return f"NotGivenOr[{type_text(t.inner)}]"
    return f"{t.name}[{', '.join(type_text(a) for a in t.args)}]"


def used(types: Iterable[ir.Type]) -> dict[str, set[str]]:
    """Where the names in *types* come from: ``{module: names}``, with ``"typing"``,
    ``"datetime"`` and ``"collections.abc"`` for the standard library's."""
    out: dict[str, set[str]] = {}
    for top in types:
        for t in ir.walk(top):
            if isinstance(t, ir.Builtin) and t.name in ("date", "datetime"):
                out.setdefault("datetime", set()).add(t.name)
            elif isinstance(t, ir.Builtin) and t.name == "Any":
                out.setdefault("typing", set()).add("Any")
            elif isinstance(t, ir.LiteralOf):
                out.setdefault("typing", set()).add("Literal")
            elif isinstance(t, ir.SequenceOf):
                out.setdefault("collections.abc", set()).add("Sequence")
            elif isinstance(t, ir.NotGivenOr):
                out.setdefault("common", set()).add("NotGivenOr")
            elif isinstance(t, (ir.Named, ir.Generic)):
                out.setdefault(t.module, set()).add(t.name)
    return out


def import_block(module: str, names: Iterable[str]) -> list[str]:
    """``from module import a, b`` (one name a line when long)."""
    ordered = sorted(set(names))
    one = f"from {module} import {', '.join(ordered)}"
    if len(one) <= 100:
        return [one]
    return [f"from {module} import (", *(f"    {n}," for n in ordered), ")"]

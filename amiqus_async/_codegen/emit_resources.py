"""Print one resource class per spec tag: thin awaitable methods, one per operation."""

from __future__ import annotations

import re
import textwrap
from collections import defaultdict
from typing import Any

from .emit_models import HEADER, Printed, doc_text
from .operations import Operation, Param
from .shapes import pascal

#: Query parameters the pager drives itself (``limit`` is the page size).
PAGER_PARAMS = frozenset({"page", "limit"})


def _literal(values: list[Any]) -> str:
    return "Literal[" + ", ".join(repr(v).replace("'", '"') for v in values) + "]"


def query_type(schema: dict[str, Any], spec_components: dict[str, Any]) -> str:
    """The Python type of a query parameter's schema."""
    if "$ref" in schema:
        return query_type(spec_components[schema["$ref"].rsplit("/", 1)[1]], spec_components)
    if "oneOf" in schema:
        parts = [query_type(s, spec_components) for s in schema["oneOf"]]
        return " | ".join(dict.fromkeys(parts))
    if "const" in schema:
        return _literal([schema["const"]])
    if "enum" in schema:
        return _literal(schema["enum"])
    kind = schema.get("type")
    if kind == "array":
        return f"Sequence[{query_type(schema.get('items', {}), spec_components)}]"
    if kind == "string" and schema.get("format") == "date-time":
        return "datetime"
    return {"integer": "int", "boolean": "bool", "number": "float"}.get(str(kind), "str")


def render_resources(ops: list[Operation], models: Printed, inputs: Printed) -> dict[str, str]:
    by_resource: dict[str, list[Operation]] = defaultdict(list)
    for op in ops:
        by_resource[op.resource].append(op)
    files = {}
    for resource, group in by_resource.items():
        files[f"resources/{resource}.py"] = _module(resource, group, models, inputs)
    files["resources/__init__.py"] = _package(by_resource)
    return files


def class_of(resource: str) -> str:
    return pascal(resource)


def _package(by_resource: dict[str, list[Operation]]) -> str:
    """The client's attributes, each importing its resource (and so the models) when first
    used: ``import amiqus_async`` stays about as cheap as ``import common``."""
    lines = [
        HEADER.format(doc="The resources, one per tag of the spec, and the client's attributes")
    ]
    lines.append("import functools")
    lines.append("from typing import TYPE_CHECKING\n")
    lines.append("from common import BaseClient\n")
    lines.append("if TYPE_CHECKING:")
    for resource in sorted(by_resource):
        lines.append(f"    from .{resource} import {class_of(resource)}")
    lines.append('\n__all__ = ["AmiqusResources"]')
    lines.append("\n\nclass AmiqusResources(BaseClient):")
    lines.append('    """Every resource of the spec as an attribute, named after its tag."""')
    for resource in sorted(by_resource):
        tags = sorted({op.tag for op in by_resource[resource]})
        lines.append("")
        lines.append("    @functools.cached_property")
        lines.append(f"    def {resource}(self) -> {class_of(resource)}:")
        lines.append(f'        """{" and ".join(tags)}."""')
        lines.append(f"        from .{resource} import {class_of(resource)}")
        lines.append("")
        lines.append(f"        return {class_of(resource)}(self)")
    return "\n".join(lines) + "\n"


def _module(resource: str, ops: list[Operation], models: Printed, inputs: Printed) -> str:
    components = models.spec.components
    methods = [_method(op, components) for op in ops]
    body = "\n".join(methods)
    model_names = sorted(
        {n for op in ops for n in re.findall(r"\w+", getattr(op, "model_name", "") or "")}
        & set(models.order)
    )
    input_names = sorted(
        {n for op in ops for n in re.findall(r"\w+", getattr(op, "body_type", "") or "")}
        & set(inputs.order)
    )
    tags = sorted({op.tag for op in ops})
    out = [HEADER.format(doc=f"{', '.join(tags)}: {len(ops)} operations")]
    typing_names = [n for n in ("Literal",) if f"{n}[" in body]
    collections = [n for n in ("Sequence",) if f"{n}[" in body]
    if collections:
        out.append(f"from collections.abc import {', '.join(collections)}")
    if "datetime" in body:
        out.append("from datetime import datetime")
    if typing_names:
        out.append(f"from typing import {', '.join(typing_names)}")
    common = [n for n in ("AsyncPager", "Download", "FileSource", "Upload") if n in body]
    if common:
        out.append(f"\nfrom common import {', '.join(common)}")
    out.append("")
    if model_names or input_names or "ItemList" in body:
        names = sorted(set(model_names) | set(input_names) | ({"ItemList"} & set(body.split())))
        if "ItemList[" in body:
            names = sorted(set(names) | {"ItemList"})
        out.append("from ..models import (")
        out.extend(f"    {n}," for n in names)
        out.append(")")
    out.append("from ._base import AmiqusResource")
    out.append(f"\n__all__ = [{class_of(resource)!r}]".replace("'", '"'))
    out.append(f"\n\nclass {class_of(resource)}(AmiqusResource):")
    out.append(f'    """The spec\'s {" and ".join(repr(t) for t in tags)} operations."""')
    out.append(body)
    return "\n".join(out) + "\n"


def _arg_lines(op: Operation, components: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(signature parts, query dict entries)."""
    sig = ["self"]
    for p in op.path_params:
        sig.append(f"{p.arg}: {'int' if p.schema.get('type') == 'integer' else 'str'}")
    body_type = getattr(op, "body_type", None)
    if op.body_kind == "json" and body_type:
        sig.append(f"{_body_arg(op)}: {body_type}")
    if op.body_kind == "multipart":
        sig.append("attachment: Upload | FileSource")
    query = [q for q in op.query if not (op.paged and q.wire in PAGER_PARAMS)]
    if query or (op.paged and any(q.wire == "limit" for q in op.query)):
        sig.append("*")
    entries = []
    for q in query:
        t = query_type(q.schema, components)
        sig.append(f"{q.arg}: {t} | None = None")
        entries.append(f'"{q.wire}": {_query_value(q)}')
    if op.paged and any(q.wire == "limit" for q in op.query):
        sig.append("limit: int | None = None")
    return sig, entries


def _query_value(q: Param) -> str:
    """How a query argument goes on the wire: an array as the spec's ``explode`` says."""
    if not q.is_array:
        return q.arg
    helper = "_repeated" if q.explode else "_joined"
    return f'self.{helper}("{q.arg}", {q.arg})'


def _deprecation(description: str, code: str = "") -> str:
    """The words of *description* that say why it is deprecated (markdown links unwrapped,
    inline code marked with *code*)."""
    text = re.sub(r"\*\*\[([^\]]+)\]\([^)]*\)\*\*|\[([^\]]+)\]\([^)]*\)", r"\1\2", description)
    text = text.replace("`", code)
    said = [p for p in text.split("\n\n") if "deprecat" in p.lower()]
    return re.sub(r"\s+", " ", " ".join(said)).strip()


def _deprecated_lines(op: Operation) -> list[str]:
    """Warnings (``DeprecationWarning``) for a deprecated operation or query argument."""
    out = []
    if op.deprecated:
        why = _deprecation(op.description) or "the spec marks it deprecated."
        what = f"{op.resource}.{op.name} ({op.method} {op.path})"
        out.extend(_warn_call("        ", what, why))
    for q in op.query:
        if q.deprecated:
            why = _deprecation(q.description) or "the spec marks it deprecated."
            out.append(f"        if {q.arg} is not None:")
            out.extend(_warn_call("            ", f"{op.resource}.{op.name}({q.arg}=...)", why))
    return out


def _warn_call(indent: str, what: str, why: str) -> list[str]:
    """``self._deprecated(what, why)``, *why* split into short literals (lines stay < 100)."""
    pieces = textwrap.wrap(why, 60, drop_whitespace=False) or [why]
    return [
        f"{indent}self._deprecated(",
        f"{indent}    {what!r},",
        *(f"{indent}    {piece!r}" for piece in pieces[:-1]),
        f"{indent}    {pieces[-1]!r},",
        f"{indent})",
    ]


def _body_arg(op: Operation) -> str:
    body_type = getattr(op, "body_type", "")
    if body_type.startswith("Sequence[int]"):
        return "organisation_ids"
    if body_type.startswith("Sequence["):
        return {"AssigneeInput": "assignees", "CaseItemInput": "items"}.get(
            body_type[9:-1], "items"
        )
    return "body"


def _method(op: Operation, components: dict[str, Any]) -> str:
    sig, entries = _arg_lines(op, components)
    model = getattr(op, "model_name", None)
    returns = {
        "none": "None",
        "model": model,
        "paged": f"AsyncPager[{model}]",
        "list": f"ItemList[{model}]",
        "download": "Download",
    }[op.answer]
    is_async = op.answer not in ("paged", "download")
    head = f"    {'async ' if is_async else ''}def {op.name}("
    one_line = head + ", ".join(sig) + f") -> {returns}:"
    lines = [""]
    if len(one_line) <= 100:
        lines.append(one_line)
    else:
        lines.append(head)
        lines.extend(f"        {s}," for s in sig)
        lines.append(f"    ) -> {returns}:")
    lines.extend(_docstring(op))
    lines.extend(_deprecated_lines(op))
    lines.extend(_call(op, entries, model))
    return "\n".join(lines)


def _docstring(op: Operation) -> list[str]:
    summary = op.summary.rstrip(".") + "."
    where = f"``{op.method} {op.path}`` (``{op.op_id}``)."
    text = doc_text(op.description, "        ")
    paragraph = " ".join(text)
    if paragraph.rstrip(".") == op.summary.rstrip("."):
        paragraph = ""
    out = [f'        """{summary}', ""]
    if len(where) > 88:
        out.extend([f"        ``{op.method} {op.path}``", f"        (``{op.op_id}``)."])
    else:
        out.append(f"        {where}")
    if paragraph:
        out.append("")
        out.extend("        " + w for w in textwrap.wrap(paragraph, 88))
    if op.answer == "list" and op.also_no_content:
        out.append("")
        out.append("        Empty when nothing changed (the spec's 204).")
    notes = []
    if op.deprecated:
        notes.append(f"Deprecated: {_deprecation(op.description, '``') or 'so says the spec.'}")
    for q in op.query:
        if q.deprecated:
            notes.append(f"``{q.arg}`` is deprecated: {_deprecation(q.description, '``')}")
    if notes:
        out.append("")
        for note in notes:
            safe = note.replace("\\", "\\\\").replace('"""', "'''")
            line = safe + " (``DeprecationWarning``)"
            out.extend("        " + w for w in textwrap.wrap(line, 88))
    out.append('        """')
    return out


def _path_call(op: Operation) -> str:
    if not op.path_params:
        return repr(op.path).replace("'", '"')
    values = ", ".join(f"{p.wire}={p.arg}" for p in op.path_params)
    return f'self._path("{op.path}", {values})'


def _params(entries: list[str]) -> str:
    return "{" + ", ".join(entries) + "}" if entries else ""


def _call(op: Operation, entries: list[str], model: str | None) -> list[str]:
    path = _path_call(op)
    args = [path]
    params = _params(entries)
    if op.answer == "paged":
        args = [path, model or "Any"]
        if params:
            args.append(f"params={params}")
        if any(q.wire == "limit" for q in op.query):
            args.append("limit=limit")
        else:
            args.append("numbered=False")
        return _return("self._paged", args, awaited=False)
    if op.answer == "download":
        if params:
            args.append(f"params={params}")
        args.append(f'accept="{op.accept}"')
        return _return("self._download", args, awaited=False)
    call_args = [repr(op.method).replace("'", '"'), *args]
    if params:
        call_args.append(f"params={params}")
    if op.body_kind == "json" and getattr(op, "body_type", None):
        call_args.append(f"json={_body_arg(op)}")
        if op.body_min_properties:
            call_args.append("non_empty=True")
        items = op.body_items
        if items:
            call_args.append(f"items={items!r}")
    if op.body_kind == "multipart":
        call_args.append("attachment=attachment")
    if op.answer == "none":
        return _return("self._none", call_args, awaited=True, returns=False)
    if op.answer == "list":
        return _return("self._item_list", [model or "Any", *call_args], awaited=True)
    return _return("self._model", [model or "Any", *call_args], awaited=True)


def _return(func: str, args: list[str], *, awaited: bool, returns: bool = True) -> list[str]:
    prefix = ("return " if returns else "") + ("await " if awaited else "")
    line = f"        {prefix}{func}({', '.join(args)})"
    if len(line) <= 100:
        return [line]
    return [f"        {prefix}{func}(", *[f"            {a}," for a in args], "        )"]


__all__ = ["Param", "render_resources"]

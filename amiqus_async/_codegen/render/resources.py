"""Print one resource class per client attribute: thin methods, one per operation, and the
``resources`` package that makes them the client's attributes."""

from __future__ import annotations

import re
import textwrap

from .. import ir
from .text import doc_text, header, import_block, type_text, used

__all__ = ["render_resource", "render_resources_package"]


def render_resources_package(api: ir.Api) -> str:
    """The client's attributes, each importing its resource (and so the models) when first
    used: ``import amiqus_async`` stays about as cheap as ``import common``."""
    resources = sorted(api.resources, key=lambda r: r.attr)
    lines = [header("The resources, one per tag of the spec, and the client's attributes")]
    lines.append("import functools")
    lines.append("from typing import TYPE_CHECKING\n")
    lines.append("from common import BaseClient\n")
    lines.append("if TYPE_CHECKING:")
    for r in resources:
        lines.append(f"    from .{r.attr} import {r.class_name}")
    lines.append('\n__all__ = ["AmiqusResources"]')
    lines.append("\n\nclass AmiqusResources(BaseClient):")
    lines.append('    """Every resource of the spec as an attribute, named after its tag."""')
    for r in resources:
        lines.append("")
        lines.append("    @functools.cached_property")
        lines.append(f"    def {r.attr}(self) -> {r.class_name}:")
        lines.append(f'        """{" and ".join(r.tags)}."""')
        lines.append(f"        from .{r.attr} import {r.class_name}")
        lines.append("")
        lines.append(f"        return {r.class_name}(self)")
    return "\n".join(lines) + "\n"


def _signature_types(op: ir.Operation) -> list[ir.Type]:
    types: list[ir.Type] = [p.type for p in (*op.path_params, *op.query)]
    if op.body is not None:
        types.append(op.body.type)
    types.append(op.answer.returns)
    return types


def render_resource(api: ir.Api, resource: ir.Resource) -> str:
    """``resources/<attr>.py``."""
    ops = resource.operations
    body = "\n".join(_method(op) for op in ops)
    names = used(t for op in ops for t in _signature_types(op))
    model_modules = {m.name for m in api.answer_modules} | {"inputs"}
    model_modules |= {module for _name, module in api.hand_written}
    # From the module each model lives in, not the package: a resource loads its own models
    # (and those they refer to), not every model of the API.
    models = {module: found for module, found in names.items() if module in model_modules}
    out = [header(f"{', '.join(resource.tags)}: {len(ops)} operations")]
    for std in ("collections.abc", "datetime", "typing"):
        if std in names:
            out.append(f"from {std} import {', '.join(sorted(names[std]))}")
    if "common" in names:
        out.append(f"\nfrom common import {', '.join(sorted(names['common']))}")
    out.append("")
    for module in sorted(models):
        out.extend(import_block(f"..models.{module}", models[module]))
    out.append("from ._base import AmiqusResource")
    out.append(f'\n__all__ = ["{resource.class_name}"]')
    out.append(f"\n\nclass {resource.class_name}(AmiqusResource):")
    tags = " and ".join(repr(t) for t in resource.tags)
    out.append(f'    """The spec\'s {tags} operations."""')
    out.append(body)
    return "\n".join(out) + "\n"


def _arg_lines(op: ir.Operation) -> tuple[list[str], list[str]]:
    """(signature parts, query dict entries)."""
    sig = ["self"]
    for p in op.path_params:
        sig.append(f"{p.arg}: {type_text(p.type)}")
    if op.body is not None:
        sig.append(f"{op.body.arg}: {type_text(op.body.type)}")
    if op.query or op.answer.page_size:
        sig.append("*")
    entries = []
    for q in op.query:
        sig.append(f"{q.arg}: {type_text(q.type)} | None = None")
        entries.append(f'"{q.wire}": {_query_value(q)}')
    if op.answer.page_size:
        sig.append("limit: int | None = None")
    return sig, entries


def _query_value(q: ir.Param) -> str:
    """How a query argument goes on the wire: an array as the spec's ``explode`` says."""
    if not q.is_array:
        return q.arg
    helper = "_repeated" if q.explode else "_joined"
    return f'self.{helper}("{q.arg}", {q.arg})'


def _reason(deprecation: str, code: str) -> str:
    """A deprecation's reason with its inline code marked by *code* (``""`` in a warning)."""
    return re.sub(r"\s+", " ", deprecation.replace("`", code)).strip()


def _deprecated_lines(op: ir.Operation) -> list[str]:
    """Warnings (``DeprecationWarning``) for a deprecated operation or query argument."""
    out = []
    if op.deprecated:
        why = _reason(op.deprecation, "") or "the spec marks it deprecated."
        what = f"{op.resource}.{op.name} ({op.method} {op.path})"
        out.extend(_warn_call("        ", what, why))
    for q in op.query:
        if q.deprecated:
            why = _reason(q.deprecation, "") or "the spec marks it deprecated."
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


def _method(op: ir.Operation) -> str:
    sig, entries = _arg_lines(op)
    returns = type_text(op.answer.returns)
    is_async = op.answer.kind not in ("paged", "download")
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
    lines.extend(_call(op, entries))
    return "\n".join(lines)


def _docstring(op: ir.Operation) -> list[str]:
    summary = op.summary.rstrip(".") + "."
    where = f"``{op.method} {op.path}`` (``{op.op_id}``)."
    paragraph = " ".join(doc_text(op.description, "        "))
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
    if op.answer.kind == "list" and op.answer.also_no_content:
        out.append("")
        out.append("        Empty when nothing changed (the spec's 204).")
    notes = []
    if op.deprecated:
        notes.append(f"Deprecated: {_reason(op.deprecation, '``') or 'so says the spec.'}")
    for q in op.query:
        if q.deprecated:
            notes.append(f"``{q.arg}`` is deprecated: {_reason(q.deprecation, '``')}")
    if notes:
        out.append("")
        for note in notes:
            safe = note.replace("\\", "\\\\").replace('"""', "'''")
            line = safe + " (``DeprecationWarning``)"
            out.extend("        " + w for w in textwrap.wrap(line, 88))
    out.append('        """')
    return out


def _path_call(op: ir.Operation) -> str:
    if not op.path_params:
        return repr(op.path).replace("'", '"')
    values = ", ".join(f"{p.wire}={p.arg}" for p in op.path_params)
    return f'self._path("{op.path}", {values})'


def _call(op: ir.Operation, entries: list[str]) -> list[str]:
    path = _path_call(op)
    params = "{" + ", ".join(entries) + "}" if entries else ""
    model = op.answer.model.name if op.answer.model else "Any"
    if op.answer.kind == "paged":
        args = [path, model]
        if params:
            args.append(f"params={params}")
        args.append("limit=limit" if op.answer.page_size else "numbered=False")
        return _return("self._paged", args, awaited=False)
    if op.answer.kind == "download":
        args = [path]
        if params:
            args.append(f"params={params}")
        args.append(f'accept="{op.answer.accept}"')
        return _return("self._download", args, awaited=False)
    call_args = [repr(op.method).replace("'", '"'), path]
    if params:
        call_args.append(f"params={params}")
    if op.body is not None and op.body.media_type == "application/json":
        call_args.append(f"json={op.body.arg}")
        if op.body.non_empty:
            call_args.append("non_empty=True")
        if op.body.items:
            call_args.append(f"items={op.body.items!r}")
    if op.body is not None and op.body.media_type == "multipart/form-data":
        call_args.append(f"attachment={op.body.arg}")
    if op.answer.kind == "none":
        return _return("self._none", call_args, awaited=True, returns=False)
    if op.answer.kind == "list":
        return _return("self._item_list", [model, *call_args], awaited=True)
    return _return("self._model", [model, *call_args], awaited=True)


def _return(func: str, args: list[str], *, awaited: bool, returns: bool = True) -> list[str]:
    prefix = ("return " if returns else "") + ("await " if awaited else "")
    line = f"        {prefix}{func}({', '.join(args)})"
    if len(line) <= 100:
        return [line]
    return [f"        {prefix}{func}(", *[f"            {a}," for a in args], "        )"]

"""What each operation sends and answers, read from the spec once.

:func:`read_operations` gives a working record per operation (shapes not yet named);
:func:`finish` turns it into an :class:`~..ir.Operation` once the namers have named its answer
and body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from .. import ir
from ..names import (
    HAND_WRITTEN_MODELS,
    ID_OWNERS,
    LIST_BODY_ARGS,
    OPERATIONS,
    PAGER_PARAMS,
    PATH_ARGS,
)
from .schemas import Arr, Obj, Ref, Spec, pascal
from .tables import Uses

__all__ = ["Reading", "deprecation", "finish", "query_type", "read_operations"]

_QUERY_TYPES = {"integer": "int", "boolean": "bool", "number": "float"}
#: The only styles the spec uses (OpenAPI's defaults); another one needs a rule here.
_STYLES = {"path": "simple", "query": "form"}


@dataclass
class Reading:
    """One operation while it is read: the spec's facts, before its types are named."""

    op_id: str
    method: str
    path: str
    tag: str
    summary: str
    description: str
    resource: str
    name: str
    input_name: str | None
    deprecated: bool
    path_params: list[ir.Param] = field(default_factory=list)
    query: list[ir.Param] = field(default_factory=list)
    #: "none" | "model" | "paged" | "list" (the ``list`` envelope) | "download"
    answer: Literal["none", "model", "paged", "list", "download"] = "none"
    accept: str | None = None
    #: The answer model (or the item of a listing) as a shape.
    model: Any = None
    body_kind: Literal["none", "json", "multipart"] = "none"
    body: Any = None  # the request body's schema
    status: str = "200"
    also_no_content: bool = False


def deprecation(description: str) -> str:
    """The words of *description* that say why something is deprecated (markdown links
    unwrapped; backticks kept, for the renderer to mark)."""
    text = re.sub(r"\*\*\[([^\]]+)\]\([^)]*\)\*\*|\[([^\]]+)\]\([^)]*\)", r"\1\2", description)
    said = [p for p in text.split("\n\n") if "deprecat" in p.lower()]
    return re.sub(r"\s+", " ", " ".join(said)).strip()


def query_type(schema: dict[str, Any], components: dict[str, Any]) -> ir.Type:
    """The Python type of a query parameter's schema."""
    if "$ref" in schema:
        return query_type(components[schema["$ref"].rsplit("/", 1)[1]], components)
    if "oneOf" in schema:
        return ir.union([query_type(s, components) for s in schema["oneOf"]])
    if "const" in schema:
        return ir.LiteralOf((schema["const"],))
    if "enum" in schema:
        return ir.LiteralOf(tuple(schema["enum"]))
    kind = schema.get("type")
    if kind == "array":
        return ir.SequenceOf(query_type(schema.get("items", {}), components))
    if kind == "string" and schema.get("format") == "date-time":
        return ir.Builtin("datetime")
    return ir.Builtin(_QUERY_TYPES.get(str(kind), "str"))


def read_operations(spec: Spec, uses: Uses) -> list[Reading]:
    """Every operation of the spec, named by :data:`OPERATIONS` (a new one must be named)."""
    out = []
    for method, path, op, params in spec.operations():
        op_id = op["operationId"]
        named = uses.get(OPERATIONS, op_id)
        if named is None:
            raise SystemExit(f"name the new operation {op_id} in _codegen/names.py")
        resource, name, input_name = named
        o = Reading(
            op_id=op_id,
            method=method,
            path=path,
            tag=op["tags"][0],
            summary=op.get("summary", ""),
            description=op.get("description", ""),
            resource=resource,
            name=name,
            input_name=input_name,
            deprecated=bool(op.get("deprecated")),
        )
        for p in params:
            where = p["in"]
            if where not in _STYLES:
                raise SystemExit(f"{op_id}: a {where} parameter needs a rule in the parser")
            style = p.get("style", _STYLES[where])
            if style != _STYLES[where]:
                raise SystemExit(f"{op_id}: {where} parameter style {style!r} is not supported")
            schema = p.get("schema", {})
            description = str(p.get("description", ""))
            if where == "path":
                o.path_params.append(
                    ir.Param(
                        wire=p["name"],
                        arg=_path_arg(uses, path, p["name"]),
                        location="path",
                        type=ir.Builtin("int" if schema.get("type") == "integer" else "str"),
                        required=True,
                        style=style,
                        explode=bool(p.get("explode", False)),
                        description=description,
                    )
                )
                continue
            o.query.append(
                ir.Param(
                    wire=p["name"],
                    arg=p["name"],
                    location="query",
                    type=query_type(schema, spec.components),
                    required=bool(p.get("required")),
                    style=style,
                    # OpenAPI's default for ``form`` is to explode.
                    explode=bool(p.get("explode", True)),
                    is_array=schema.get("type") == "array",
                    deprecated=bool(p.get("deprecated")),
                    deprecation=deprecation(description) if p.get("deprecated") else "",
                    description=description,
                )
            )
        _answer(spec, op, o)
        body = op.get("requestBody")
        if body:
            content = body.get("content", {})
            if "multipart/form-data" in content:
                o.body_kind = "multipart"
                o.body = content["multipart/form-data"]["schema"]
            elif "application/json" in content:
                o.body_kind = "json"
                o.body = content["application/json"].get("schema")
        out.append(o)
    return out


def _path_arg(uses: Uses, path: str, wire: str) -> str:
    arg = uses.get(PATH_ARGS, wire)
    if arg is None:
        raise SystemExit(f"name the path parameter {wire} in PATH_ARGS in _codegen/names.py")
    if wire == "id":
        segments = path.strip("/").split("/")
        before = segments[segments.index("{id}") - 1]
        return uses.get(ID_OWNERS, before) or "id"
    return arg


def _answer(spec: Spec, op: dict[str, Any], o: Reading) -> None:
    responses = op["responses"]
    status = next(c for c in responses if c.startswith("2"))
    o.status = status
    o.also_no_content = status != "204" and "204" in responses
    content = responses[status].get("content") or {}
    if not content:
        o.answer = "none"
        return
    if "application/json" not in content:
        o.answer = "download"
        o.accept = ", ".join(content)
        return
    shape = spec.shape(content["application/json"]["schema"], pascal(o.op_id) + "Response")
    if isinstance(shape, Obj) and "data" in shape.props:
        data = shape.props["data"].shape
        assert isinstance(data, Arr), o.op_id
        o.model = data.item
        o.answer = "list" if "has_more" in shape.props else "paged"
        return
    assert isinstance(shape, (Ref, Obj)), o.op_id
    o.model = shape
    o.answer = "model"


def _returns(o: Reading, model: ir.Named | None, uses: Uses) -> ir.Type:
    if o.answer == "none":
        return ir.Builtin("None")
    if o.answer == "download":
        return ir.Named("Download", "common")
    assert model is not None, o.op_id
    if o.answer == "paged":
        return ir.Generic("AsyncPager", "common", (model,))
    if o.answer == "list":
        envelope = uses.get(HAND_WRITTEN_MODELS, "ItemList")
        assert envelope is not None
        return ir.Generic("ItemList", envelope, (model,))
    return model


def _body_arg(o: Reading, body_type: ir.Type, uses: Uses) -> str:
    if not isinstance(body_type, ir.SequenceOf):
        return "body"
    item = body_type.item
    key = item.name if isinstance(item, (ir.Named, ir.Builtin)) else repr(item)
    arg = uses.get(LIST_BODY_ARGS, key)
    if arg is None:
        raise SystemExit(f"{o.op_id}: name the array body of {key} in LIST_BODY_ARGS")
    return arg


def finish(
    o: Reading,
    model: ir.Type | None,
    body_type: ir.Type | None,
    body_schema: dict[str, Any] | None,
    uses: Uses,
) -> ir.Operation:
    """The operation, with the names its answer and body were given."""
    assert model is None or isinstance(model, ir.Named), (o.op_id, model)
    paged = o.answer == "paged"
    query = tuple(q for q in o.query if not (paged and uses.has(PAGER_PARAMS, q.wire)))
    pager_params = tuple(q.wire for q in o.query if q not in query)
    body: ir.Body | None = None
    if o.body_kind == "multipart":
        upload = ir.UnionOf((ir.Named("Upload", "common"), ir.Named("FileSource", "common")))
        body = ir.Body("multipart/form-data", "attachment", upload)
    elif body_type is not None:
        schema = body_schema or {}
        items = None
        if schema.get("type") == "array":
            items = (schema.get("minItems"), schema.get("maxItems"))
        body = ir.Body(
            "application/json",
            _body_arg(o, body_type, uses),
            body_type,
            non_empty=bool(schema.get("minProperties")),
            items=items,
        )
    answer = ir.Answer(
        kind=o.answer,
        status=o.status,
        returns=_returns(o, model, uses),
        model=model,
        accept=o.accept,
        also_no_content=o.also_no_content,
        page_size=paged and "limit" in pager_params,
    )
    return ir.Operation(
        op_id=o.op_id,
        method=o.method,
        path=o.path,
        tag=o.tag,
        summary=o.summary,
        description=o.description,
        resource=o.resource,
        name=o.name,
        path_params=tuple(o.path_params),
        query=query,
        pager_params=pager_params,
        body=body,
        answer=answer,
        deprecated=o.deprecated,
        deprecation=deprecation(o.description) if o.deprecated else "",
    )

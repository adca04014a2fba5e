"""What each operation sends and answers, read from the spec once for both emitters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .names import OPERATIONS, PATH_ARGS
from .shapes import Arr, Obj, Ref, Spec, pascal

#: The owner of ``{id}`` in a path, by the segment before it (``/clients/{id}`` -> client_id).
_OWNERS = {
    "clients": "client_id",
    "records": "record_id",
    "organisations": "organisation_id",
    "cases": "case_id",
    "webhooks": "webhook_id",
    "attachments": "attachment_id",
    "checks": "check_id",
}


@dataclass
class Param:
    wire: str
    arg: str
    schema: dict[str, Any]
    description: str
    required: bool
    #: ``style: form`` arrays: ``explode: true`` repeats the key (``a=1&a=2``), ``false``
    #: joins the values (``a=1,2``). OpenAPI's default for query parameters is ``true``.
    explode: bool = True
    deprecated: bool = False

    @property
    def is_array(self) -> bool:
        return self.schema.get("type") == "array"


@dataclass
class Operation:
    op_id: str
    method: str
    path: str
    tag: str
    summary: str
    description: str
    resource: str
    name: str
    input_name: str | None
    path_params: list[Param] = field(default_factory=list)
    query: list[Param] = field(default_factory=list)
    #: "none" | "model" | "paged" | "list" (the ``list`` envelope) | "download"
    answer: str = "none"
    #: A download's ``Accept``: the media types of its answer (``application/pdf``, ``*/*``).
    accept: str | None = None
    #: The operation is ``deprecated`` in the spec.
    deprecated: bool = False
    #: The response model (or the item of a list) as a shape.
    model: Any = None
    body_kind: str = "none"  # none | json | multipart
    body: Any = None  # the request body schema (raw)
    status: str = "200"
    #: A 204 is documented besides the answer with a body.
    also_no_content: bool = False
    #: Filled by the emitters: the Python type of the answer and of the body.
    model_name: str | None = None
    body_type: str | None = None
    body_min_properties: bool = False
    body_items: tuple[int | None, int | None] | None = None

    @property
    def paged(self) -> bool:
        return self.answer == "paged"


def read_operations(spec: Spec) -> list[Operation]:
    """Every operation of the spec, named by :data:`OPERATIONS` (a new one must be named)."""
    out = []
    for method, path, op, params in spec.operations():
        op_id = op["operationId"]
        if op_id not in OPERATIONS:
            raise SystemExit(f"name the new operation {op_id} in _codegen/names.py")
        resource, name, input_name = OPERATIONS[op_id]
        o = Operation(
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
        segments = path.strip("/").split("/")
        for p in params:
            if p["in"] == "path":
                arg = PATH_ARGS[p["name"]]
                if p["name"] == "id":
                    before = segments[segments.index("{id}") - 1]
                    arg = _OWNERS.get(before, "id")
                o.path_params.append(
                    Param(p["name"], arg, p.get("schema", {}), p.get("description", ""), True)
                )
            elif p["in"] == "query":
                style = p.get("style", "form")
                if style != "form":  # the only style the spec uses; a new one needs a rule
                    raise SystemExit(f"{op_id}: query parameter style {style!r} is not supported")
                o.query.append(
                    Param(
                        p["name"],
                        p["name"],
                        p.get("schema", {}),
                        str(p.get("description", "")),
                        bool(p.get("required")),
                        explode=bool(p.get("explode", True)),
                        deprecated=bool(p.get("deprecated")),
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


def _answer(spec: Spec, op: dict[str, Any], o: Operation) -> None:
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
        has_more = "has_more" in shape.props
        o.answer = "list" if has_more else "paged"
        return
    assert isinstance(shape, (Ref, Obj)), o.op_id
    o.model = shape
    o.answer = "model"

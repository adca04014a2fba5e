"""The Amiqus generator's two phases: spec -> frozen intermediate model -> rendered files.

* the intermediate model is frozen (attrs frozen classes holding tuples), equal when parsed
  twice, and complete: every operation of the spec once, with its parameters (style, explode,
  deprecation), body, answer and ``Accept``;
* every entry of ``_codegen/names.py`` is used (an entry the spec no longer needs fails), and
  something new in the spec that no table names stops the parser;
* renderers are pure: the same model prints the same text, they read neither the spec nor
  ``names.py``, and what they print follows the model;
* the answer classes live in one module per domain, and every old import path still works.
"""

from __future__ import annotations

import ast
import builtins
import copy
import json
import pathlib
from collections import Counter
from pathlib import Path
from typing import Any

import attrs
import pytest

import amiqus_async.models as models
import amiqus_async.models.objects as objects
from amiqus_async._codegen import ir, names
from amiqus_async._codegen.generate import PACKAGE, orphans
from amiqus_async._codegen.parser import parse, parse_document
from amiqus_async._codegen.render import GENERATED, render
from common.models import Model

SPEC_PATH = Path(__file__).resolve().parents[3] / "shared" / "vendor-docs" / "amiqus-openapi.json"
METHODS = ("get", "post", "put", "patch", "delete")
CODEGEN = PACKAGE / "_codegen"


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    if not SPEC_PATH.exists():
        pytest.skip(f"the vendor spec is not beside this checkout ({SPEC_PATH})")
    data: dict[str, Any] = json.loads(SPEC_PATH.read_text())
    return data


@pytest.fixture(scope="module")
def api(document: dict[str, Any]) -> ir.Api:
    return parse_document(document)


def spec_operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any], list[Any]]]:
    out = []
    for path, item in document["paths"].items():
        for method in METHODS:
            if method in item:
                op = item[method]
                params = [
                    document["components"]["parameters"][p["$ref"].rsplit("/", 1)[1]]
                    if "$ref" in p
                    else p
                    for p in [*item.get("parameters", []), *op.get("parameters", [])]
                ]
                out.append((method.upper(), path, op, params))
    return out


def by_id(api: ir.Api) -> dict[str, ir.Operation]:
    return {op.op_id: op for op in api.operations}


# -- the intermediate model ------------------------------------------------------------------


def everything_in(value: Any) -> list[Any]:
    """*value* and every value inside it (attrs fields, tuple and frozenset items)."""
    out = [value]
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            out.extend(everything_in(getattr(value, field.name)))
    elif isinstance(value, (tuple, frozenset)):
        for item in value:
            out.extend(everything_in(item))
    return out


def test_the_intermediate_model_is_frozen_all_the_way_down(api: ir.Api) -> None:
    values = everything_in(api)
    assert len(values) > 5000
    kinds = {type(v) for v in values}
    mutable = {k for k in kinds if issubclass(k, (list, dict, set))}
    assert not mutable, mutable
    assert kinds <= {tuple, frozenset, str, int, float, bool, type(None)} | {
        k for k in kinds if attrs.has(k)
    }
    for kind in (k for k in kinds if attrs.has(k)):
        sample = next(v for v in values if type(v) is kind)
        name = attrs.fields(kind)[0].name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(sample, name, getattr(sample, name))
    hash(api)  # hashable: nothing mutable anywhere


def test_parsing_twice_gives_equal_models_and_leaves_the_spec_alone(
    document: dict[str, Any], api: ir.Api
) -> None:
    before = copy.deepcopy(document)
    again = parse_document(document)
    assert again == api
    assert again is not api
    assert document == before
    assert parse(SPEC_PATH) == api


def test_every_operation_of_the_spec_is_in_the_model_once(
    document: dict[str, Any], api: ir.Api
) -> None:
    counts = Counter(op.op_id for op in api.operations)
    assert max(counts.values()) == 1
    wanted = {op["operationId"]: (m, p, op) for m, p, op, _ in spec_operations(document)}
    assert set(counts) == set(wanted)
    assert len(counts) == 99
    for op in api.operations:
        method, path, raw = wanted[op.op_id]
        assert (op.method, op.path, op.tag) == (method, path, raw["tags"][0])
        assert op.deprecated == bool(raw.get("deprecated"))
        assert (op.resource, op.name) == names.OPERATIONS[op.op_id][:2]
    for resource in api.resources:
        assert {op.resource for op in resource.operations} == {resource.attr}
        assert resource.tags == tuple(sorted({op.tag for op in resource.operations}))


def test_every_parameter_keeps_its_style_explode_and_deprecation(
    document: dict[str, Any], api: ir.Api
) -> None:
    ops = by_id(api)
    query_seen = 0
    for _method, _path, raw, params in spec_operations(document):
        op = ops[raw["operationId"]]
        query = {q.wire: q for q in op.query}
        assert {p.wire for p in op.path_params} == {p["name"] for p in params if p["in"] == "path"}
        assert all(p.style == "simple" and p.required for p in op.path_params)
        for p in (p for p in params if p["in"] == "query"):
            if p["name"] in op.pager_params:
                assert op.answer.kind == "paged"
                assert p["name"] in names.PAGER_PARAMS
                continue
            q = query[p["name"]]
            query_seen += 1
            assert q.style == p.get("style", "form") == "form"
            assert q.explode == p.get("explode", True)  # OpenAPI's default for form
            assert q.is_array == (p.get("schema", {}).get("type") == "array")
            assert q.deprecated == bool(p.get("deprecated"))
            if q.deprecated:
                assert "deprecat" in q.deprecation.lower()
    assert query_seen > 80
    joined = [q for op in api.operations for q in op.query if q.is_array and not q.explode]
    assert joined  # the spec's ``explode: false`` arrays (``expand=a,b``)


def test_bodies_answers_and_accepts_follow_the_spec(document: dict[str, Any], api: ir.Api) -> None:
    ops = by_id(api)
    kinds: Counter[str] = Counter()
    for _method, _path, raw, _params in spec_operations(document):
        op = ops[raw["operationId"]]
        kinds[op.answer.kind] += 1
        content = (raw.get("requestBody") or {}).get("content", {})
        if "multipart/form-data" in content:
            assert op.body is not None
            assert op.body.media_type == "multipart/form-data"
        elif content.get("application/json", {}).get("schema"):
            assert op.body is not None
            assert op.body.media_type == "application/json"
        else:
            assert op.body is None
        status = next(c for c in raw["responses"] if c.startswith("2"))
        assert op.answer.status == status
        answered = raw["responses"][status].get("content") or {}
        if answered and "application/json" not in answered:
            assert op.answer.kind == "download"
            assert op.answer.accept == ", ".join(answered)
        else:
            assert op.answer.accept is None
        if op.answer.kind in ("model", "paged", "list"):
            assert op.answer.model is not None
            assert op.answer.model.name in {c.name for c in api.answers}
    assert set(kinds) == {"none", "model", "paged", "list", "download"}


def test_every_class_and_enum_is_named_once_and_placed(api: ir.Api) -> None:
    answers = [c.name for c in api.answers]
    inputs = [c.name for c in api.inputs]
    enums = [e.name for e in api.enums]
    every = answers + inputs + enums
    assert len(every) == len(set(every))
    assert all(c.kind == "answer" and c.module in names.MODEL_MODULES for c in api.answers)
    assert all(c.kind == "input" and c.module == "inputs" for c in api.inputs)
    placed = [name for module in api.answer_modules for name in module.classes]
    assert sorted(placed) == sorted(answers)
    modules = {m.name for m in api.answer_modules}
    for t in (f.type for c in (*api.answers, *api.inputs) for f in c.fields):
        for named in (x for x in ir.walk(t) if isinstance(x, ir.Named)):
            assert named.module in modules | {"enums", "inputs", "common"}, named


# -- names.py --------------------------------------------------------------------------------


def test_every_entry_of_names_is_used(api: ir.Api) -> None:
    entries = set(names.entries())
    assert len(entries) > 150
    assert not entries - api.uses, f"unused in names.py: {sorted(entries - api.uses)}"
    assert api.uses <= entries


def test_every_table_of_names_is_checked() -> None:
    tables = {
        name
        for name, value in vars(names).items()
        if name.isupper() and name != "TABLES" and isinstance(value, (dict, frozenset, tuple))
    }
    assert tables == set(names.TABLES)


def test_an_entry_the_spec_does_not_need_is_reported(
    document: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(names.CLASS_NAMES, "NoSuchSchema", "NoSuchClass")
    monkeypatch.setitem(names.ID_OWNERS, "nowhere", "nowhere_id")
    api = parse_document(document)
    unused = set(names.entries()) - api.uses
    assert unused == {("CLASS_NAMES", "NoSuchSchema"), ("ID_OWNERS", "nowhere")}


def test_a_new_operation_or_class_must_be_named(document: dict[str, Any]) -> None:
    changed = copy.deepcopy(document)
    changed["paths"]["/widgets"] = {
        "get": {
            "operationId": "get-widgets",
            "tags": ["Widgets"],
            "responses": {"204": {"description": "none"}},
        }
    }
    with pytest.raises(SystemExit, match="get-widgets"):
        parse_document(changed)

    changed = copy.deepcopy(document)
    changed["components"]["schemas"]["Widget"] = {
        "type": "object",
        "properties": {"object": {"type": "string"}, "id": {"type": "integer"}},
    }
    status = changed["paths"]["/clients/{id}"]["get"]["responses"]["200"]
    status["content"]["application/json"]["schema"] = {"$ref": "#/components/schemas/Widget"}
    with pytest.raises(SystemExit, match=r"Widget.*MODEL_MODULES"):
        parse_document(changed)


# -- rendering -------------------------------------------------------------------------------


def test_the_same_model_renders_the_same_text(api: ir.Api, document: dict[str, Any]) -> None:
    first = render(api)
    assert render(api) == first
    assert render(parse_document(copy.deepcopy(document))) == first
    assert {rel for rel in first if rel.startswith("models/")} >= {
        f"models/{m.name}.py" for m in api.answer_modules
    }


def test_renderers_read_neither_files_nor_the_tables(
    api: ir.Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = render(api)

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a renderer read a file")

    monkeypatch.setattr(builtins, "open", refuse)
    monkeypatch.setattr(pathlib.Path, "read_text", refuse)
    monkeypatch.setattr(pathlib.Path, "read_bytes", refuse)
    assert render(api) == expected
    monkeypatch.undo()
    for path in (CODEGEN / "render").glob("*.py"):
        tree = ast.parse(path.read_text())
        imported = {
            node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
        } | {a.name for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names}
        assert not imported & {"names", "parser", "json", "pathlib"}, (path.name, imported)


def test_what_is_rendered_follows_the_model(api: ir.Api) -> None:
    enum = api.enums[0]
    renamed = attrs.evolve(api, enums=(attrs.evolve(enum, name="Renamed"), *api.enums[1:]))
    assert "class Renamed(str, enum.Enum):" in render(renamed)["models/enums.py"]
    resource = api.resources[0]
    op = attrs.evolve(resource.operations[0], name="fetch_it")
    moved = attrs.evolve(resource, operations=(op, *resource.operations[1:]))
    text = render(attrs.evolve(api, resources=(moved, *api.resources[1:])))
    assert "def fetch_it(" in text[f"resources/{resource.attr}.py"]


# -- the generated package -------------------------------------------------------------------


def test_answer_classes_live_in_their_domain_and_old_paths_still_work(api: ir.Api) -> None:
    assert sorted(objects.__all__) == sorted(c.name for c in api.answers)
    for c in api.answers:
        cls = getattr(models, c.name)
        assert cls is getattr(objects, c.name)
        assert cls.__module__ == f"amiqus_async.models.{c.module}"
        assert issubclass(cls, Model)
        assert attrs.has(cls)
        assert "__slots__" in vars(cls)
        instance = cls.__new__(cls)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(instance, attrs.fields(cls)[0].name, None)
    from amiqus_async.models.objects import Client

    assert Client is models.Client
    assert Client.__module__ == "amiqus_async.models.clients"


def test_hand_written_files_are_left_alone_and_orphans_are_found(tmp_path: Path) -> None:
    for hand_written in ("models/envelopes.py", "resources/_base.py"):
        assert GENERATED not in (PACKAGE / hand_written).read_text()
    (tmp_path / "models").mkdir()
    (tmp_path / "resources").mkdir()
    (tmp_path / "models" / "clients.py").write_text(f'"""x\n\n{GENERATED}\n"""\n')
    (tmp_path / "models" / "old_domain.py").write_text(f'"""x\n\n{GENERATED}\n"""\n')
    (tmp_path / "models" / "envelopes.py").write_text('"""hand-written"""\n')
    assert orphans({"models/clients.py": ""}, tmp_path) == ["models/old_domain.py"]
    assert orphans(dict.fromkeys(("models/clients.py", "models/old_domain.py"), ""), tmp_path) == []

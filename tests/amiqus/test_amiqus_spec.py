"""The Amiqus package against the vendor's OpenAPI spec, walked independently of the generator.

* the generated files are what the generator makes of the spec today (no drift, and no file
  left over that it no longer makes);
* every operation is a method with the spec's path and query parameters;
* every property of every schema an answer uses is a field of the model, with the spec's
  nullability and every value of its enum; every request-body property is an input field;
* every example answer in the spec structures into its method's return type.
"""

from __future__ import annotations

import inspect
import json
import types
import typing
from collections import abc
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import attrs
import pytest

from amiqus_async import AmiqusClient
from amiqus_async.models import ItemList
from common import AsyncPager, Download, NotGiven
from common.models import structure

SPEC_PATH = Path(__file__).resolve().parents[3] / "shared" / "vendor-docs" / "amiqus-openapi.json"
METHODS = ("get", "post", "put", "patch", "delete")
#: Driven by the pager: ``limit`` is the page size, ``page`` the pager's own cursor.
PAGER_PARAMS = {"page", "limit"}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    if not SPEC_PATH.exists():
        pytest.skip(f"the vendor spec is not beside this checkout ({SPEC_PATH})")
    data: dict[str, Any] = json.loads(SPEC_PATH.read_text())
    return data


def operations(spec: Mapping[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                yield method.upper(), path, item[method]


def resolve(spec: Mapping[str, Any], schema: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def method_for(client: AmiqusClient, operation_id: str) -> Any:
    """The client method whose docstring names *operation_id* (the generator writes it)."""
    for resource_name in dir(type(client)):
        resource = getattr(client, resource_name, None)
        if resource is None or not hasattr(type(resource), "__mro__"):
            continue
        for name, member in inspect.getmembers(type(resource), inspect.isfunction):
            if name.startswith("_"):
                continue
            if f"(``{operation_id}``)" in (member.__doc__ or ""):
                return getattr(resource, name)
    return None


# -- types -----------------------------------------------------------------------------------


def members(t: Any) -> list[Any]:
    """The alternatives of a type (``A | B | None`` -> [A, B, None]), NotGiven left out."""
    if get_origin(t) in (Union, types.UnionType):
        return [m for a in get_args(t) for m in members(a)]
    if t is NotGiven:
        return []
    return [t]


def hints(cls: type[Any]) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def wire_fields(cls: type[Any]) -> dict[str, tuple[str, Any]]:
    """wire name -> (attribute, type)."""
    out = {}
    resolved = hints(cls)
    for a in attrs.fields(cls):
        out[a.metadata.get("wire_name", a.name) if a.metadata else a.name] = (
            a.name,
            resolved[a.name],
        )
    return out


def _wire_key(attribute: Any) -> str:
    for value in (attribute.metadata or {}).values():
        if isinstance(value, str):
            return value
    return str(attribute.name)


def fields_by_wire(cls: type[Any]) -> dict[str, Any]:
    resolved = hints(cls)
    return {_wire_key(a): resolved[a.name] for a in attrs.fields(cls)}


class Walk:
    """Compares a schema with a Python type; collects what the type lacks."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.spec = spec
        self.problems: list[str] = []
        self.seen: set[tuple[int, Any]] = set()
        self.properties = 0

    def check(self, schema: Mapping[str, Any], t: Any, where: str) -> None:
        schema = resolve(self.spec, schema)
        key = (id(schema), t)
        if key in self.seen:
            return
        self.seen.add(key)
        alternatives = members(t)
        if any(a is Any for a in alternatives):
            return
        parts = schema.get("allOf", [])
        classes = [a for a in alternatives if attrs.has(a)]
        if parts and len(classes) > 1:  # one object in several parts: one class for them all
            names = {n for p in parts for n in resolve(self.spec, p).get("properties", {})}
            t = max(classes, key=lambda c: len(names & set(fields_by_wire(c))))
        for part in parts:
            self.check(part, t, where)
        for combinator in ("anyOf", "oneOf"):
            for part in schema.get(combinator, []):
                self.check_alternative(part, t, where)
        kinds = schema.get("type")
        kinds = kinds if isinstance(kinds, list) else [kinds] if kinds else []
        if self.nullable(schema) and type(None) not in alternatives:
            self.problems.append(f"{where}: nullable in the spec, not in {t}")
        if "enum" in schema and all(isinstance(v, str) for v in schema["enum"] if v is not None):
            enums = [a for a in alternatives if isinstance(a, type) and issubclass(a, Enum)]
            literals = [
                v for a in alternatives if get_origin(a) is typing.Literal for v in get_args(a)
            ]
            known = {m.value for e in enums for m in e} | set(literals)
            missing = {v for v in schema["enum"] if v is not None} - known
            if (missing and str not in alternatives) or (missing and not enums and not literals):
                self.problems.append(f"{where}: enum values {sorted(missing)} missing")
        if schema.get("format") == "date-time" and datetime not in alternatives:
            self.problems.append(f"{where}: date-time is not a datetime ({t})")
        if schema.get("format") == "date" and date not in alternatives:
            self.problems.append(f"{where}: date is not a date ({t})")
        if "integer" in kinds and int not in alternatives and float not in alternatives:
            self.problems.append(f"{where}: integer is not an int ({t})")
        if "items" in schema:
            lists = [a for a in alternatives if get_origin(a) in (list, abc.Sequence)]
            if not lists:
                self.problems.append(f"{where}: array is not a list ({t})")
            for lst in lists:
                self.check(schema["items"], get_args(lst)[0], where + "[]")
        if schema.get("properties"):
            classes = [a for a in alternatives if attrs.has(a)]
            if not classes:
                self.problems.append(f"{where}: object is not a model ({t})")
                return
            cls = classes[0] if len(classes) == 1 else self.best(schema, classes)
            fields = fields_by_wire(cls)
            for name, sub in schema["properties"].items():
                self.properties += 1
                if name not in fields:
                    self.problems.append(f"{where}.{name}: no field on {cls.__name__}")
                    continue
                self.check(sub, fields[name], f"{where}.{name}")

    def nullable(self, schema: Mapping[str, Any]) -> bool:
        kinds = schema.get("type")
        if kinds == "null" or (isinstance(kinds, list) and "null" in kinds):
            return True
        if None in schema.get("enum", ()):
            return True
        options = [*schema.get("anyOf", ()), *schema.get("oneOf", ())]
        return any(self.nullable(resolve(self.spec, o)) for o in options)

    def check_alternative(self, schema: Mapping[str, Any], t: Any, where: str) -> None:
        resolved = resolve(self.spec, schema)
        if resolved.get("type") == "null" or resolved.get("const") is not None:
            return
        self.check(schema, t, where)

    @staticmethod
    def best(schema: Mapping[str, Any], classes: list[type[Any]]) -> type[Any]:
        """The class of a union this object schema is (most of its properties, then fewest
        others)."""
        names = set(schema["properties"])
        return max(
            classes,
            key=lambda c: (len(names & set(fields_by_wire(c))), -len(fields_by_wire(c))),
        )


def answer_type(method: Any) -> Any:
    returned = typing.get_type_hints(method)["return"]
    origin = get_origin(returned)
    if origin in (AsyncPager, ItemList):
        return get_args(returned)[0]
    return returned


# -- tests -----------------------------------------------------------------------------------


def test_the_generated_files_match_the_spec(spec: dict[str, Any]) -> None:
    from amiqus_async._codegen.generate import PACKAGE, generate, orphans

    files = generate(SPEC_PATH)
    stale = [
        rel
        for rel, text in files.items()
        if not (PACKAGE / rel).exists() or (PACKAGE / rel).read_text() != text
    ]
    assert not stale, f"run `python -m amiqus_async._codegen`: stale {stale}"
    assert not orphans(files), f"run `python -m amiqus_async._codegen`: {orphans(files)}"
    assert len(files) > 35


def test_every_operation_is_a_method_with_its_path_and_query(spec: dict[str, Any]) -> None:
    client = AmiqusClient(token="t")
    count = 0
    for method, path, op in operations(spec):
        count += 1
        bound = method_for(client, op["operationId"])
        assert bound is not None, f"{op['operationId']} has no method"
        assert f"``{method} {path}``" in " ".join(bound.__doc__.split())
        parameters = inspect.signature(bound).parameters
        for param in op.get("parameters", []):
            if "$ref" in param:
                param = spec["components"]["parameters"][param["$ref"].rsplit("/", 1)[1]]
            if param["in"] == "query":
                if param["name"] in PAGER_PARAMS and answer_is_paged(bound):
                    continue
                assert param["name"] in parameters, f"{op['operationId']}: no {param['name']}"
        path_args = [p for p in parameters.values() if p.kind is p.POSITIONAL_OR_KEYWORD]
        assert len([a for a in path_args if a.name.endswith("id") or a.name == "reference"]) == (
            path.count("{")
        ), op["operationId"]
    assert count == 99


def answer_is_paged(bound: Any) -> bool:
    return get_origin(typing.get_type_hints(bound)["return"]) is AsyncPager


def test_every_answer_property_is_a_model_field(spec: dict[str, Any]) -> None:
    client = AmiqusClient(token="t")
    walk = Walk(spec)
    for _method, _path, op in operations(spec):
        bound = method_for(client, op["operationId"])
        status = next(c for c in op["responses"] if c.startswith("2"))
        content = op["responses"][status].get("content") or {}
        returned = typing.get_type_hints(bound)["return"]
        if not content:
            assert returned is type(None), op["operationId"]
            continue
        if "application/json" not in content:
            assert returned is Download, op["operationId"]
            continue
        schema = resolve(spec, content["application/json"]["schema"])
        envelope = any(
            "data" in resolve(spec, part).get("properties", {}) for part in schema.get("allOf", [])
        )
        if envelope:
            data = next(
                resolve(spec, p)["properties"]["data"]
                for p in reversed(schema["allOf"])
                if "data" in resolve(spec, p).get("properties", {})
                and "items" in resolve(spec, p)["properties"]["data"]
            )
            walk.check(data["items"], answer_type(bound), op["operationId"])
        else:
            walk.check(schema, answer_type(bound), op["operationId"])
    assert not walk.problems, "\n".join(walk.problems[:40])
    assert walk.properties > 900  # every property of every answer, counted once per path


def test_every_request_body_property_is_an_input_field(spec: dict[str, Any]) -> None:
    client = AmiqusClient(token="t")
    missing = []
    checked = 0
    for _method, _path, op in operations(spec):
        body = (op.get("requestBody") or {}).get("content", {}).get("application/json", {})
        if not body.get("schema"):
            continue
        bound = method_for(client, op["operationId"])
        hinted = typing.get_type_hints(bound)
        body_type = next(v for k, v in hinted.items() if k not in ("return",) and has_model(v))
        for name, owner in body_properties(spec, body["schema"]):
            checked += 1
            classes = list(model_classes(body_type))
            if not any(name in fields_by_wire(c) for c in classes):
                missing.append(f"{op['operationId']}: {owner}.{name}")
    assert not missing, missing
    assert checked > 60


def has_model(t: Any) -> bool:
    return bool(model_classes(t)) or get_origin(t) is abc.Sequence


def model_classes(t: Any) -> list[type[Any]]:
    out = []
    for m in members(t):
        if get_origin(m) in (abc.Sequence, list):
            out.extend(model_classes(get_args(m)[0]))
        elif attrs.has(m):
            out.append(m)
    return out


def body_properties(
    spec: Mapping[str, Any], schema: Mapping[str, Any]
) -> Iterator[tuple[str, str]]:
    """Top-level writable properties of a body (of its items, for an array body)."""
    schema = resolve(spec, schema)
    if "items" in schema:
        yield from body_properties(spec, schema["items"])
        return
    for combinator in ("allOf", "anyOf", "oneOf"):
        for part in schema.get(combinator, []):
            yield from body_properties(spec, part)
    for name, sub in schema.get("properties", {}).items():
        if not resolve(spec, sub).get("readOnly") and not sub.get("readOnly"):
            yield name, str(schema.get("title", "body"))


def test_every_example_answer_structures(spec: dict[str, Any]) -> None:
    client = AmiqusClient(token="t")
    structured = 0
    for _method, _path, op in operations(spec):
        status = next(c for c in op["responses"] if c.startswith("2"))
        content = (op["responses"][status].get("content") or {}).get("application/json")
        if not content:
            continue
        model = answer_type(method_for(client, op["operationId"]))
        examples = [content["example"]] if "example" in content else []
        examples += [e["value"] for e in content.get("examples", {}).values() if "value" in e]
        for example in examples:
            items = example["data"] if "data" in example and "object" in example else [example]
            for item in items:
                structure(item, model)
                structured += 1
    assert structured >= 140

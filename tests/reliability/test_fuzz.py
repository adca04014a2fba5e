"""Fuzzing: hypothesis-generated JSON for every model and every list envelope of the four
vendors. Parsing either succeeds or raises the library's DecodeError; never anything else.

The generated documents follow each model's shape (its wire keys, nested models, lists,
enums, timestamps), and any node may be replaced by arbitrary JSON (nulls, huge numbers,
NaN, deep nesting, wrong types), so both successes and the deepest failure paths are
reached. Raw bodies (bytes that may not be JSON at all) go through ``Response.json()``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import functools
import importlib
import json
import pkgutil
import types
import typing
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amiqus_async.paging import LINKS_ONLY, PAGING
from common import (
    AsyncPager,
    DecodeError,
    NextIdPaging,
    NextUrlPaging,
    PageNumberPaging,
    PagingStrategy,
    Response,
    Unpaged,
    UnsafeURLError,
    _json,
)
from common._sentinel import NotGiven
from common.models import UnixMillis, structure
from common.models.naming import _wire_keys
from common.pagination import PageRequest
from common.secrets import Secret

VENDOR_MODELS = ("amiqus_async", "amilia_async", "intakeq_async", "caseupdates_async")
#: Documents per model (each also parsed as a one-item list): 238 models, 1,190 documents.
EXAMPLES_PER_MODEL = 5
EXAMPLES_PER_ENVELOPE = 40


def _models() -> list[type[Any]]:
    found: dict[str, type[Any]] = {}
    for package_name in VENDOR_MODELS:
        package = importlib.import_module(f"{package_name}.models")
        modules = [package] + [
            importlib.import_module(f"{package.__name__}.{info.name}")
            for info in pkgutil.iter_modules(package.__path__)
        ]
        for module in modules:
            for value in vars(module).values():
                if (
                    isinstance(value, type)
                    and attrs.has(value)
                    and value.__module__.startswith(package_name)
                ):
                    found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[name] for name in sorted(found)]


MODELS = _models()

# -- JSON strategies ---------------------------------------------------------------------------

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()  # NaN and ±inf too: the stdlib decoder accepts them
    | st.text(max_size=12)
)


def _containers(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)


ANY_JSON = st.recursive(SCALARS, _containers, max_leaves=12)


def _nested(depth: int) -> Any:
    value: Any = []
    for _ in range(depth):
        value = [value] if depth % 2 else {"a": value}
    return value


#: Nesting deeper than Python's recursion limit (what orjson would still refuse at 1024).
DEEP = st.sampled_from([60, 1100, 2500]).map(_nested)


def _fields(cls: type[Any]) -> tuple[attrs.Attribute[Any], ...]:
    with contextlib.suppress(Exception):  # a forward reference it cannot see: keep attrs'
        attrs.resolve_types(cls)
    fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(cls)
    return fields


def _isoformat(value: dt.date) -> str:
    return value.isoformat()


def _trackops_time(value: dt.datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S")


@functools.cache
def _typed(tp: Any, depth: int) -> st.SearchStrategy[Any]:
    """JSON of type *tp*, as the vendor would send it."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp is type(None):
        return st.none()
    if origin in (typing.Union, types.UnionType):
        members = [a for a in args if a is not NotGiven]
        return st.one_of(*(_shaped(a, depth) for a in members))
    if origin is typing.Literal:
        return st.sampled_from(args)
    if tp is typing.Any or tp is object:
        return ANY_JSON
    if origin in (list, Sequence, tuple, set, frozenset) or tp in (list, tuple):
        item = args[0] if args else typing.Any
        return st.lists(_shaped(item, depth + 1), max_size=2)
    if origin in (dict, Mapping) or tp is dict:
        value = args[1] if len(args) == 2 else typing.Any
        return st.dictionaries(st.text(max_size=8), _shaped(value, depth + 1), max_size=3)
    if isinstance(tp, type):
        if attrs.has(tp):
            return _object(tp, depth + 1)
        if issubclass(tp, enum.Enum):
            return st.sampled_from([m.value for m in tp]) | st.text(max_size=8)
        if issubclass(tp, bool):
            return st.booleans() | st.sampled_from(["true", "false", 0, 1])
        if tp is UnixMillis or issubclass(tp, int):
            return st.integers(min_value=-(2**63), max_value=2**63) | st.from_regex(
                r"-?\d{1,20}", fullmatch=True
            )
        if issubclass(tp, float):
            return st.floats() | st.integers()
        if issubclass(tp, (str, Secret)):
            return st.text(max_size=20) | st.integers()
        if issubclass(tp, dt.datetime):
            return (
                st.datetimes(timezones=st.none() | st.just(dt.timezone.utc)).map(_isoformat)
                | st.datetimes().map(_trackops_time)
                | st.integers(min_value=-(2**45), max_value=2**45)
                | st.text(max_size=25)
            )
        if issubclass(tp, dt.date):
            return st.dates().map(_isoformat) | st.text(max_size=12)
    return ANY_JSON


def _shaped(tp: Any, depth: int) -> st.SearchStrategy[Any]:
    """Mostly JSON of type *tp*; about one node in eight is arbitrary JSON instead."""
    if depth > 3:
        return st.none() | SCALARS
    typed = _typed(tp, depth)
    odd = [ANY_JSON, DEEP] if depth == 1 else [ANY_JSON]
    return st.one_of([typed] * 7 + odd)


def _object(cls: Any, depth: int) -> st.SearchStrategy[dict[str, Any]]:
    """A JSON object with *cls*'s wire keys (the required ones always), values shaped."""
    return _object_of(cls, depth)


@functools.cache
def _object_of(cls: Any, depth: int) -> st.SearchStrategy[dict[str, Any]]:
    keys = _wire_keys(cls)
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for field in _fields(cls):
        target = optional if field.default is not attrs.NOTHING else required
        target[keys[field.name]] = _shaped(field.type, depth)
    return st.fixed_dictionaries(required, optional=optional)


# -- models ------------------------------------------------------------------------------------


def _check_structure(data: Any, cls: Any) -> str:
    """``"ok"`` or ``"decode-error"``; any other exception propagates and fails the test."""
    try:
        structure(data, cls)
    except DecodeError as error:
        failed: DecodeError | None = error
    else:
        failed = None
    if failed is None:
        return "ok"
    assert str(failed)
    assert repr(failed)
    return "decode-error"


OUTCOMES: dict[str, int] = {"ok": 0, "decode-error": 0}


@pytest.mark.parametrize(
    "model", MODELS, ids=[f"{m.__module__.split('.')[0]}.{m.__qualname__}" for m in MODELS]
)
def test_a_model_parses_or_raises_decode_error(model: type[Any]) -> None:
    """Shape-following JSON with arbitrary nodes: the model, or DecodeError."""

    @settings(
        max_examples=EXAMPLES_PER_MODEL,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=_object(model, 0) | ANY_JSON)
    def check(data: Any) -> None:
        OUTCOMES[_check_structure(data, model)] += 1
        OUTCOMES[_check_structure([data], list[model])] += 1  # type: ignore[valid-type]

    check()


# -- list envelopes ----------------------------------------------------------------------------

BASE = "https://api.example.test/v1"

ENVELOPES: list[tuple[str, PagingStrategy, Any]] = [
    ("amiqus-paginated-list", PAGING, "amiqus_async.models:Client"),
    ("amiqus-links-only", LINKS_ONLY, "amiqus_async.models:TeamMember"),
    ("amilia-v3", NextUrlPaging(page_param="page"), "amilia_async.models:Program"),
    ("amilia-v2", NextIdPaging(), "amilia_async.models:Activity"),
    ("amilia-unpaged", Unpaged(), "amilia_async.models:WebhookSubscription"),
    (
        "intakeq-array",
        PageNumberPaging(items_key=None, size_param=None, fixed_page_size=100),
        "intakeq_async.models:Client",
    ),
    (
        "trackops-array",
        PageNumberPaging(items_key=None, size_param="per_page"),
        "caseupdates_async.models:CaseUpdate",
    ),
]


def _resolve(spec: str) -> type[Any]:
    module, _, name = spec.partition(":")
    model: type[Any] = getattr(importlib.import_module(module), name)
    return model


def _envelope(model: type[Any]) -> st.SearchStrategy[Any]:
    items = st.lists(_object(model, 2) | ANY_JSON, max_size=3)
    links = (
        st.none()
        | st.text(max_size=30)
        | st.sampled_from(
            [f"{BASE}/things?page=2", "/v1/things?page=2", "https://evil.example/x", "?page=3", ""]
        )
    )
    page = st.none() | st.integers(min_value=-3, max_value=5) | SCALARS
    return st.one_of(
        items,
        st.fixed_dictionaries(
            {},
            optional={
                "data": items | ANY_JSON,
                "links": st.none() | st.fixed_dictionaries({}, optional={"next": links}),
                "total": page,
                "total_pages": page,
                "current_page": page,
                "limit": page,
                "has_more": st.booleans() | SCALARS,
                "Items": items | ANY_JSON,
                "Paging": st.none()
                | st.fixed_dictionaries({}, optional={"Next": links, "TotalCount": page}),
                "Page": st.none() | st.fixed_dictionaries({}, optional={"NextId": page | links}),
            },
        ),
        ANY_JSON,
    )


@pytest.mark.parametrize(("name", "strategy", "spec"), ENVELOPES, ids=[e[0] for e in ENVELOPES])
def test_a_list_envelope_parses_or_raises_decode_error(
    name: str, strategy: PagingStrategy, spec: str
) -> None:
    """Up to three pages of fuzzed envelopes through the vendor's pager: items, or
    DecodeError (or UnsafeURLError, for a next link off the origin: refused, not followed)."""
    model = _resolve(spec)

    @settings(
        max_examples=EXAMPLES_PER_ENVELOPE,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(bodies=st.lists(_envelope(model), min_size=1, max_size=3))
    def check(bodies: list[Any]) -> None:
        async def fetch(request: PageRequest) -> Any:
            return bodies.pop(0) if bodies else []

        async def walk() -> None:
            pager = AsyncPager(
                fetch=fetch,
                strategy=strategy,
                path="/things",
                params=(),
                structure=functools.partial(structure, cls=model),
                base_url=BASE,
                page_size=None,
                max_items=None,
                prefetch=0,
            )
            failed: DecodeError | None = None
            try:
                async for _ in pager:
                    if not bodies:
                        break
            except DecodeError as error:
                failed = error
            except UnsafeURLError:
                pass
            if failed is not None:  # a page error says which page
                assert failed.method == "GET"
                assert failed.url

        import asyncio

        asyncio.run(walk())

    check()


# -- raw bodies --------------------------------------------------------------------------------


def _response(content: bytes) -> Response:
    return Response(
        status=200,
        headers={"Content-Type": "application/json"},
        content=content,
        url=f"{BASE}/x",
        method="GET",
        elapsed=0.0,
    )


def _dumped(value: Any) -> bytes:
    return json.dumps(value).encode()


def _half(value: Any) -> bytes:
    text = json.dumps(value).encode()
    return text[: max(1, len(text) // 2)]


def _brackets(depth: int) -> bytes:
    return b"[" * depth


def _objects(depth: int) -> bytes:
    return b'{"a":' * depth


def _shallow(content: bytes) -> bool:
    return not content.startswith(b"[" * 900) and not content.startswith(b'{"a":' * 900)


RAW = st.one_of(
    st.binary(max_size=200),
    ANY_JSON.map(_dumped),
    ANY_JSON.map(_half),
    st.integers(min_value=1, max_value=200_000).map(_brackets),
    st.integers(min_value=1, max_value=200_000).map(_objects),
    st.just(b"NaN"),
    st.just(b"1e999999"),
    st.just(b"123456789012345678901234567890"),
    st.just("\ufeff{}".encode()),
    st.just(b"\xff\xfe{\x00}\x00"),
)


def _check_raw(content: bytes) -> None:
    failed: DecodeError | None = None
    try:
        _response(content).json()
    except DecodeError as error:
        failed = error
    if failed is not None:
        assert failed.status == 200
        assert failed.url


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(content=RAW)
def test_a_raw_body_decodes_or_raises_decode_error(content: bytes) -> None:
    """Any bytes answered as JSON (the configured decoder): a value, or DecodeError."""
    _check_raw(content)


def test_a_deeply_nested_body_is_a_decode_error_without_orjson(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without the ``speed`` extra, ``[[[[…`` 100,000 deep is a DecodeError too."""
    monkeypatch.setattr(_json, "loads", _json._stdlib()[2])
    with pytest.raises(DecodeError):
        _response(b"[" * 100_000 + b"]" * 100_000).json()


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(content=RAW.filter(_shallow))
def test_a_raw_body_decodes_or_raises_decode_error_without_orjson(content: bytes) -> None:
    """The same with the stdlib decoder (no ``speed`` extra), nesting below its limit."""
    original = _json.loads
    _json.loads = _json._stdlib()[2]
    try:
        _check_raw(content)
    finally:
        _json.loads = original
